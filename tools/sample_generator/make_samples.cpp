// mammocalc_make_samples OUTDIR: writes the sample SRs of samples/ with DCMTK's dcmsr.
// Every UID, date and name is fixed, so the same DCMTK writes the same bytes.
// All patients are fictitious.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmsr/dsrdoc.h"
#include "dcmtk/oflog/oflog.h"

namespace {

using Code = DSRCodedEntryValue;
using Rel = DSRTypes::E_RelationshipType;

constexpr const char* kUidRoot = "1.2.826.0.1.3680043.10.1363.";  // fixed sample UID root

// Concept names and values used below (domain.md §2, §3).
const Code kBreastImagingReport("111400", "DCM", "Breast Imaging Report");
const Code kCadReport("111036", "DCM", "Mammography CAD Report");
const Code kLanguage("121049", "DCM", "Language of Content Item and Descendants");
const Code kEnglish("en-US", "RFC5646", "English, United States");
const Code kNarrative("111412", "DCM", "Narrative Summary");
const Code kSupplementary("111414", "DCM", "Supplementary Data");
const Code kFindings("121070", "DCM", "Findings");
const Code kImpression("121073", "DCM", "Impression");
const Code kFinding("121071", "DCM", "Finding");
const Code kProcedureReported("121058", "DCM", "Procedure reported");
const Code kMammography("71651007", "SCT", "Mammography");
const Code kLaterality("272741003", "SCT", "Laterality");
const Code kRightBreast("73056007", "SCT", "Right breast");
const Code kLeftBreast("80248007", "SCT", "Left breast");
const Code kBothBreasts("63762007", "SCT", "Both breasts");
const Code kCalcification("309587003", "SCT", "Calcification of breast");
const Code kMass("129788004", "SCT", "Mammographic breast mass");
const Code kAssessment("111005", "DCM", "Assessment Category");
const Code kFollowUp("111053", "DCM", "Recommended Follow-up");
const Code kOverall("111413", "DCM", "Overall Assessment");
const Code kClock("111014", "DCM", "Clockface or region");
const Code kQuadrant("111048", "DCM", "Quadrant location");
const Code kDepth("111020", "DCM", "Depth");
const Code kCalcType("111009", "DCM", "Calcification Type");
const Code kCalcDistribution("111008", "DCM", "Calcification Distribution");
const Code kNumberOfCalcs("111038", "DCM", "Number of calcifications");
const Code kChange("129720009", "SCT", "Change since last mammogram");
const Code kCorrelation("111380", "DCM", "Correlation to Other Findings");
const Code kCorrelatesToUs("111384", "DCM", "Correlates to ultrasound findings");
const Code kFindingSite("363698007", "SCT", "Finding Site");
const Code kDistanceFromNipple("121242", "DCM", "Distance from nipple");
const Code kDistanceFromSkin("121243", "DCM", "Distance from skin");
const Code kDistanceFromChestWall("121244", "DCM", "Distance from chest wall");
const Code kPathologyResults("111468", "DCM", "Pathology Results");
const Code kProcedureResult("122177", "DCM", "Procedure Result");
const Code kPathology("111042", "DCM", "Pathology");
const Code kPunctate("129755006", "SCT", "Punctate calcification");
const Code kRound("129756007", "SCT", "Round shaped calcification");
const Code kDiffuse("129764001", "SCT", "Diffuse calcification distribution");
const Code kSegmental("129768003", "SCT", "Segmental calcification distribution");
const Code kBiopsyConsidered("111143", "DCM", "Biopsy should be considered");

const Code kCat1("397140005", "SCT", "1 - Negative");
const Code kCat2("397141009", "SCT", "2 - Benign");
const Code kCat3("397143007", "SCT", "3 - Probably Benign");
const Code kCat4("397144001", "SCT", "4 - Suspicious");
const Code kCat5("397145000", "SCT", "5 - Highly suggestive of malignancy");
// DSRCodedEntryValue takes the scheme version before the meaning.
const Code kCat6("MA.II.A.5.6", "BI", "4.0", "6 - Known biopsy proven malignancy");

const Code kMm("mm", "UCUM", "millimeter");
const Code kCalcUnit("{calcifications}", "UCUM", "calcifications");

class SrBuilder {
 public:
  SrBuilder(DSRTypes::E_DocumentType type, const Code& root) : document_(type) {
    tree().addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container);
    item().setConceptName(root);
    const bool cad = root.getCodeValue() == "111036";
    check(item().setTemplateIdentification(cad ? "4000" : "4200", "DCMR"), root);
    code(DSRTypes::RT_hasConceptMod, kLanguage, kEnglish);
  }
  // A text report as many systems write it: the root concept only, no template identification
  // and no language item.
  struct Plain {};
  SrBuilder(DSRTypes::E_DocumentType type, const Code& root, Plain) : document_(type) {
    tree().addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container);
    item().setConceptName(root);
  }

  // Opens a child of the current item; close() returns to its parent.
  SrBuilder& open(Rel rel, DSRTypes::E_ValueType type, const Code& name) {
    check(tree().addChildContentItem(rel, type, name), name);
    return *this;
  }
  SrBuilder& close() {
    tree().goUp();
    return *this;
  }
  SrBuilder& container(Rel rel, const Code& name) {
    return open(rel, DSRTypes::VT_Container, name);
  }
  SrBuilder& open_code(Rel rel, const Code& name, const Code& value) {
    open(rel, DSRTypes::VT_Code, name);
    check(item().setCodeValue(value), name);
    return *this;
  }
  SrBuilder& code(Rel rel, const Code& name, const Code& value) {
    return open_code(rel, name, value).close();
  }
  SrBuilder& num(Rel rel, const Code& name, const char* value, const Code& unit) {
    open(rel, DSRTypes::VT_Num, name);
    check(item().setNumericValue(DSRNumericMeasurementValue(value, unit)), name);
    return close();
  }
  SrBuilder& text(Rel rel, const Code& name, const char* value) {
    open(rel, DSRTypes::VT_Text, name);
    check(item().setStringValue(value), name);
    return close();
  }
  SrBuilder& image(Rel rel, const std::string& sop_instance) {
    check(tree().addChildContentItem(rel, DSRTypes::VT_Image, Code()), Code());
    check(item().setImageReference(DSRImageReferenceValue(
              UID_DigitalMammographyXRayImageStorageForPresentation, sop_instance.c_str())),
          Code());
    return *this;
  }
  SrBuilder& point(Rel rel, const Code& name, float column, float row) {
    open(rel, DSRTypes::VT_SCoord, name);
    DSRSpatialCoordinatesValue* value = item().getSpatialCoordinatesPtr();
    value->setGraphicType(DSRTypes::GT_Point);
    value->getGraphicDataList().addItem(column, row);
    return *this;
  }
  SrBuilder& reference(Rel rel, size_t target) {
    // DCMTK leaves the cursor on the source item.
    if (tree().addByReferenceRelationship(rel, target) == 0) fail("by-reference relationship");
    return *this;
  }
  size_t current() { return tree().getNodeID(); }

  DSRDocument& document() { return document_; }

 private:
  DSRDocumentTree& tree() { return document_.getTree(); }
  DSRContentItem& item() { return tree().getCurrentContentItem(); }
  static void check(const OFCondition& status, const Code& name) {
    if (status.bad()) fail(std::string(status.text()) + " at " + name.getCodeMeaning().c_str());
  }
  [[noreturn]] static void fail(const std::string& what) {
    std::cerr << "make_samples: " << what << "\n";
    std::exit(1);
  }
  DSRDocument document_;
};

struct Header {
  std::string number;  // sample number, part of every UID
  const char* patient_name;
  const char* patient_id;
  const char* birth_date;
  const char* accession;
  const char* study_date;
};

void put(DcmDataset& dataset, const DcmTagKey& tag, const std::string& value) {
  if (dataset.putAndInsertString(tag, value.c_str()).bad()) {
    std::cerr << "make_samples: cannot set " << tag.toString().c_str() << "\n";
    std::exit(1);
  }
}

// What the header says the study is: Study Description, and Body Part Examined when given.
struct Study {
  const char* description;
  const char* body_part;
};

void save(SrBuilder& builder, const Header& header, const std::string& path,
          const Study& study = {"MG bilateral (sample)", nullptr}) {
  DSRDocument& document = builder.document();
  document.setPatientName(header.patient_name);
  document.setPatientID(header.patient_id);
  document.setPatientBirthDate(header.birth_date);
  document.setPatientSex("F");
  document.setAccessionNumber(header.accession);
  document.setStudyDate(header.study_date);
  document.setManufacturer("mammocalc sample generator");
  document.setSpecificCharacterSetType(DSRTypes::CS_Latin1);
  document.completeDocument();
  DcmFileFormat file;
  DcmDataset& dataset = *file.getDataset();
  if (document.write(dataset).bad()) {
    std::cerr << "make_samples: cannot write " << path << "\n";
    std::exit(1);
  }
  const std::string base = std::string(kUidRoot) + header.number;
  put(dataset, DCM_StudyInstanceUID, base + ".1");
  put(dataset, DCM_SeriesInstanceUID, base + ".2");
  put(dataset, DCM_SOPInstanceUID, base + ".3");
  put(dataset, DCM_InstanceCreationDate, header.study_date);
  put(dataset, DCM_InstanceCreationTime, "120000");
  put(dataset, DCM_ContentDate, header.study_date);
  put(dataset, DCM_ContentTime, "120000");
  put(dataset, DCM_StudyTime, "113000");
  put(dataset, DCM_StudyID, header.number);
  put(dataset, DCM_StudyDescription, study.description);
  if (study.body_part != nullptr) put(dataset, DCM_BodyPartExamined, study.body_part);
  put(dataset, DCM_ReferringPhysicianName, "REFERRING^SAMPLE");
  put(dataset, DCM_IssuerOfPatientID, "MAMMOCALC-SAMPLES");
  put(dataset, DCM_SeriesNumber, "1");
  put(dataset, DCM_InstanceNumber, "1");
  if (file.saveFile(path.c_str(), EXS_LittleEndianExplicit).bad()) {
    std::cerr << "make_samples: cannot save " << path << "\n";
    std::exit(1);
  }
}

// TID 4200 skeleton: narrative, supplementary data, a Findings container per breast.
class ReportBuilder {
 public:
  ReportBuilder(DSRTypes::E_DocumentType type, const char* impression)
      : sr_(type, kBreastImagingReport) {
    sr_.container(DSRTypes::RT_contains, kNarrative)
        .container(DSRTypes::RT_contains, kFindings)
        .text(DSRTypes::RT_contains, kImpression, impression)
        .close()
        .close();
    sr_.container(DSRTypes::RT_contains, kSupplementary);
    sr_.open_code(DSRTypes::RT_contains, kProcedureReported, kMammography)
        .code(DSRTypes::RT_hasConceptMod, kLaterality, kBothBreasts)
        .close();
  }
  // Opens a Findings container for one breast; the caller adds findings and closes it.
  SrBuilder& findings(const Code& breast) {
    sr_.container(DSRTypes::RT_contains, kFindings);
    sr_.open_code(DSRTypes::RT_contains, kProcedureReported, kMammography)
        .code(DSRTypes::RT_hasConceptMod, kLaterality, breast)
        .close();
    return sr_;
  }
  SrBuilder& overall(const Code& category, const Code* follow_up) {
    sr_.container(DSRTypes::RT_contains, kOverall);
    sr_.code(DSRTypes::RT_contains, kAssessment, category);
    if (follow_up != nullptr) sr_.code(DSRTypes::RT_contains, kFollowUp, *follow_up);
    return sr_.close();
  }
  SrBuilder& sr() { return sr_; }

 private:
  SrBuilder sr_;
};

constexpr Rel kProps = DSRTypes::RT_hasProperties;

SrBuilder& clock(SrBuilder& sr, int hour) {
  static const char* kValues[] = {"129772004", "129773009", "129774003", "129775002",
                                  "129776001", "129777005", "129778000", "129779008",
                                  "129780006", "129781005", "129782003", "129783008"};
  const std::string meaning = std::to_string(hour) + " o'clock position";
  return sr.code(kProps, kClock, Code(kValues[hour - 1], "SCT", meaning.c_str()));
}

void benign_coarse_vascular(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_EnhancedSR,
                       "Coarse popcorn-like calcification and vascular calcifications, right "
                       "breast. Benign.");
  SrBuilder& sr = report.findings(kRightBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
  clock(sr, 7)
      .code(kProps, kDepth, Code("C25569", "NCIt", "Middle"))
      .code(kProps, kCalcType, Code("129749001", "SCT", "Coarse (popcorn-like) calcification"))
      .close();
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
  sr.code(kProps, kCalcType, Code("129759000", "SCT", "Vascular calcification"))
      .code(kProps, kCalcDistribution,
            Code("129765000", "SCT", "Linear calcification distribution"))
      .close()
      .close();
  report.overall(kCat2, nullptr).close();
  save(report.sr(), {"101", "SAMPLE^BENIGN", "MC-0001", "19580312", "ACC0101", "20260105"},
       dir + "/bir-benign-coarse-vascular.dcm");
}

void probably_benign_punctate(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_EnhancedSR,
                       "Stable group of punctate calcifications, left breast, 2 o'clock.");
  SrBuilder& sr = report.findings(kLeftBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(kProps, kAssessment, kCat3)
      .code(kProps, kFollowUp, Code("111142", "DCM", "Follow-up at short interval (1-11 months)"));
  clock(sr, 2)
      .code(kProps, kQuadrant, Code("76365002", "SCT", "Upper outer quadrant of breast"))
      .code(kProps, kCalcType, kPunctate)
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .num(kProps, kNumberOfCalcs, "6", kCalcUnit)
      .code(kProps, kChange, Code("129723006", "SCT", "No significant changes in the finding"))
      .close()
      .close();
  report.overall(kCat3, nullptr).close();
  save(report.sr(), {"102", "SAMPLE^PROBABLY", "MC-0002", "19650721", "ACC0102", "20260106"},
       dir + "/bir-probably-benign-punctate.dcm");
}

void suspicious_vacuum(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "New group of fine pleomorphic calcifications, right breast 10 o'clock.");
  SrBuilder& sr = report.findings(kRightBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(kProps, kAssessment, kCat4)
      .code(kProps, kFollowUp, kBiopsyConsidered);
  clock(sr, 10)
      .code(kProps, kQuadrant, Code("76365002", "SCT", "Upper outer quadrant of breast"))
      .num(kProps, kDistanceFromNipple, "45", kMm)
      .code(kProps, kDepth, Code("C25569", "NCIt", "Middle"))
      .code(kProps, kCalcType, Code("111344", "DCM", "Fine pleomorphic calcification"))
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .num(kProps, kNumberOfCalcs, "12", kCalcUnit)
      .code(kProps, kChange, Code("129721008", "SCT", "New finding"))
      .close()
      .close();
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {"103", "SAMPLE^VACUUM", "MC-0003", "19600101", "ACC0103", "20260107"},
       dir + "/bir-suspicious-vacuum-assisted.dcm");
}

// Summarised with samples/bir-suspicious-stereotactic.site-profile.xml (no vacuum-assisted
// equipment), so B6 chooses a stereotactic core biopsy.
void suspicious_stereotactic(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Fine pleomorphic calcifications in a linear distribution, left breast 6 "
                       "o'clock.");
  SrBuilder& sr = report.findings(kLeftBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification).code(kProps, kAssessment, kCat4);
  clock(sr, 6)
      .code(kProps, kDepth, Code("255549009", "SCT", "Anterior"))
      .num(kProps, kDistanceFromSkin, "12", kMm)
      .code(kProps, kCalcType, Code("111344", "DCM", "Fine pleomorphic calcification"))
      .code(kProps, kCalcDistribution,
            Code("129765000", "SCT", "Linear calcification distribution"))
      .close()
      .close();
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {"114", "SAMPLE^STEREO", "MC-0014", "19690909", "ACC0114", "20260122"},
       dir + "/bir-suspicious-stereotactic.dcm");
}

// Non-specific "microcalcifications": the rules alone cannot classify them; the annotation files
// samples/bir-nonspecific-calcifications.{lobular,ductal}.annotations.xml decide the site.
void nonspecific_calcifications(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Regional microcalcifications, right breast 8 o'clock; see annotation.");
  SrBuilder& sr = report.findings(kRightBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
  clock(sr, 8)
      .code(kProps, kCalcType, Code("44771000", "SCT", "Microcalcifications of the breast"))
      .code(kProps, kCalcDistribution,
            Code("129767008", "SCT", "Regional calcification distribution"))
      .close()
      .close();
  report.overall(Code("397138000", "SCT", "0 - Incomplete"), nullptr).close();
  save(report.sr(), {"115", "SAMPLE^NONSPECIFIC", "MC-0015", "19710101", "ACC0115", "20260123"},
       dir + "/bir-nonspecific-calcifications.dcm");
}

void suspicious_core_ultrasound(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Fine pleomorphic calcifications left breast 4 o'clock with an "
                       "ultrasound correlate.");
  SrBuilder& sr = report.findings(kLeftBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
  clock(sr, 4)
      .num(kProps, kDistanceFromNipple, "3.5", Code("cm", "UCUM", "centimeter"))
      .code(kProps, kCalcType, Code("111344", "DCM", "Fine pleomorphic calcification"))
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .code(kProps, kCorrelation, kCorrelatesToUs)
      .close()
      .close();
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {"104", "SAMPLE^CORE", "MC-0004", "19720909", "ACC0104", "20260108"},
       dir + "/bir-suspicious-core-ultrasound.dcm");
}

void suspicious_wire_axillary(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Amorphous calcifications in the right axillary tail, close to the chest "
                       "wall.");
  SrBuilder& sr = report.findings(kRightBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(kProps, kClock, Code("129785001", "SCT", "Axillary tail region"))
      .code(kProps, kDepth, Code("255551008", "SCT", "Posterior"))
      .num(kProps, kDistanceFromChestWall, "3", kMm)
      .code(kProps, kCalcType, Code("129760005", "SCT", "Amorphous calcification"))
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .close()
      .close();
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {"105", "SAMPLE^WIRE", "MC-0005", "19550505", "ACC0105", "20260109"},
       dir + "/bir-suspicious-wire-axillary-tail.dcm");
}

void reported_needle_localization(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Fine linear branching calcifications in a segmental distribution, left "
                       "breast 12 o'clock. Needle localization and excision recommended.");
  SrBuilder& sr = report.findings(kLeftBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(kProps, kAssessment, kCat5)
      .code(kProps, kFollowUp, Code("111144", "DCM", "Needle localization and biopsy"));
  clock(sr, 12)
      .code(kProps, kCalcType,
            Code("129762002", "SCT", "Fine linear, branching (casting) calcification"))
      .code(kProps, kCalcDistribution, kSegmental)
      .num(kProps, kNumberOfCalcs, "40", kCalcUnit)
      .close()
      .close();
  report.overall(kCat5, nullptr).close();
  save(report.sr(), {"106", "SAMPLE^NEEDLELOC", "MC-0006", "19630214", "ACC0106", "20260112"},
       dir + "/bir-suspicious-reported-needle-localization.dcm");
}

void prior_high_risk(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Coarse heterogeneous calcifications, right breast 9 o'clock; prior core "
                       "biopsy showed atypical ductal hyperplasia.");
  SrBuilder& sr = report.findings(kRightBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .open_code(kProps, kAssessment, kCat4)
      .container(kProps, kPathologyResults)
      .code(DSRTypes::RT_contains, kProcedureResult, Code("258270003", "SCT", "High risk tumor"))
      .code(DSRTypes::RT_contains, kPathology,
            Code("6660000", "SCT", "Atypical intraductal hyperplasia"))
      .close()
      .close();
  clock(sr, 9)
      .code(kProps, kCalcType, Code("129763007", "SCT", "Heterogeneous calcification"))
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .close()
      .close();
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {"107", "SAMPLE^HIGHRISK", "MC-0007", "19700830", "ACC0107", "20260113"},
       dir + "/bir-prior-high-risk-wire.dcm");
}

void known_malignancy(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Biopsy-proven carcinoma, left breast 3 o'clock, pleomorphic "
                       "calcifications. Surgical consultation.");
  SrBuilder& sr = report.findings(kLeftBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(kProps, kAssessment, kCat6)
      .code(kProps, kFollowUp, Code("111410", "DCM", "Surgical consult"));
  clock(sr, 3)
      .code(kProps, kCalcType, Code("111344", "DCM", "Fine pleomorphic calcification"))
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .close()
      .close();
  report.overall(kCat6, nullptr).close();
  save(report.sr(), {"108", "SAMPLE^MALIGNANT", "MC-0008", "19590101", "ACC0108", "20260114"},
       dir + "/bir-known-malignancy.dcm");
}

void discordant(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_EnhancedSR,
                       "Grouped amorphous calcifications right breast 11 o'clock, assessed as "
                       "benign.");
  SrBuilder& sr = report.findings(kRightBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(kProps, kAssessment, kCat2)
      .code(kProps, kFollowUp, Code("111140", "DCM", "Normal interval follow-up"));
  clock(sr, 11)
      .code(kProps, kCalcType, Code("129760005", "SCT", "Amorphous calcification"))
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .close()
      .close();
  report.overall(kCat2, nullptr).close();
  save(report.sr(), {"109", "SAMPLE^DISCORDANT", "MC-0009", "19680606", "ACC0109", "20260115"},
       dir + "/bir-assessment-discordant.dcm");
}

void legacy_srt(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_EnhancedSR,
                       "Fine linear branching calcifications in a linear distribution, left "
                       "breast 10 o'clock (legacy SNOMED RT codes).");
  SrBuilder& sr = report.sr();
  sr.container(DSRTypes::RT_contains, kFindings);
  sr.open_code(DSRTypes::RT_contains, kFinding, Code("F-8A057", "SRT", "Calcification of breast"))
      .code(DSRTypes::RT_hasConceptMod, Code("G-C171", "SRT", "Laterality"),
            Code("T-04030", "SRT", "Left breast"))
      .code(kProps, kClock, Code("F-0178A", "SRT", "10 o'clock position"))
      .code(kProps, kCalcType,
            Code("F-0176E", "SRT", "Fine linear, branching (casting) calcification"))
      .code(kProps, kCalcDistribution, Code("F-01771", "SRT", "Linear calcification distribution"))
      .code(kProps, Code("F-01720", "SRT", "Change since last mammogram"),
            Code("129721008", "SCT", "New finding"))
      .close()
      .close();
  report.overall(Code("F-037C1", "SRT", "5 - Highly suggestive of malignancy"), nullptr).close();
  save(report.sr(), {"110", "SAMPLE^LEGACY", "MC-0010", "19610303", "ACC0110", "20260116"},
       dir + "/bir-legacy-srt-codes.dcm");
}

void site_conflict(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Round calcifications in a regional distribution, right breast, coded "
                       "as intraductal.");
  SrBuilder& sr = report.findings(kRightBreast);
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
  clock(sr, 1)
      .code(kProps, kFindingSite, Code("58006", "FMA", "mammary duct"))
      .code(kProps, kCalcType, kRound)
      .code(kProps, kCalcDistribution,
            Code("129767008", "SCT", "Regional calcification distribution"))
      .close()
      .close();
  report.overall(kCat2, nullptr).close();
  save(report.sr(), {"111", "SAMPLE^CONFLICT", "MC-0011", "19660412", "ACC0111", "20260119"},
       dir + "/bir-site-conflict.dcm");
}

void no_calcification(const std::string& dir) {
  SrBuilder sr(DSRTypes::DT_BasicTextSR, kBreastImagingReport);
  sr.container(DSRTypes::RT_contains, kNarrative)
      .container(DSRTypes::RT_contains, kFindings)
      .text(DSRTypes::RT_contains, kImpression,
            "Circumscribed mass left breast, no calcifications.")
      .close()
      .close();
  sr.container(DSRTypes::RT_contains, kSupplementary)
      .container(DSRTypes::RT_contains, kFindings)
      .open_code(DSRTypes::RT_contains, kFinding, kMass)
      .code(DSRTypes::RT_hasConceptMod, kLaterality, kLeftBreast)
      .close()
      .close()
      .container(DSRTypes::RT_contains, kOverall)
      .code(DSRTypes::RT_contains, kAssessment, kCat1)
      .close()
      .close();
  save(sr, {"112", "SAMPLE^NOCALC", "MC-0012", "19750707", "ACC0112", "20260120"},
       dir + "/bir-no-calcification.dcm");
}

// TID 4000: image library, a cluster inferred by reference from individual calcifications, a
// cluster with only a count, and a finding that is not for presentation.
// Both breasts: suspicious on the right, benign on the left (the review page's picture test).
void bilateral(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR,
                       "Right breast 10 o'clock: fine linear branching calcifications in a "
                       "segmental distribution. Left breast 2 o'clock: coarse popcorn-like "
                       "calcification, benign.");
  SrBuilder& right = report.findings(kRightBreast);
  right.open_code(DSRTypes::RT_contains, kFinding, kCalcification).code(kProps, kAssessment, kCat4);
  clock(right, 10)
      .code(kProps, kDepth, Code("C25569", "NCIt", "Middle"))
      .code(kProps, kCalcType,
            Code("129762002", "SCT", "Fine linear, branching (casting) calcification"))
      .code(kProps, kCalcDistribution, kSegmental)
      .close()
      .close();
  SrBuilder& left = report.findings(kLeftBreast);
  left.open_code(DSRTypes::RT_contains, kFinding, kCalcification).code(kProps, kAssessment, kCat2);
  clock(left, 2)
      .code(kProps, kDepth, Code("255549009", "SCT", "Anterior"))
      .code(kProps, kCalcType, Code("129749001", "SCT", "Coarse (popcorn-like) calcification"))
      .close()
      .close();
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {"117", "SAMPLE^BILATERAL", "MC-0017", "19680909", "ACC0117", "20260125"},
       dir + "/bir-bilateral-right-suspicious.dcm");
}

// Benign calcifications in both breasts, but the radiologist's overall assessment is 4 (a mass the
// SR describes only in its narrative): the exam must not read benign (rules E3, E4).
void overall_suspicious(const std::string& dir) {
  ReportBuilder report(DSRTypes::DT_EnhancedSR,
                       "Right breast 12 o'clock: irregular mass, suspicious. Coarse popcorn-like "
                       "calcification right breast and vascular calcifications left breast, "
                       "benign.");
  SrBuilder& right = report.findings(kRightBreast);
  right.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
  clock(right, 7)
      .code(kProps, kCalcType, Code("129749001", "SCT", "Coarse (popcorn-like) calcification"))
      .close()
      .close();
  SrBuilder& left = report.findings(kLeftBreast);
  left.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
  left.code(kProps, kCalcType, Code("129759000", "SCT", "Vascular calcification")).close().close();
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {"118", "SAMPLE^OVERALL", "MC-0018", "19650505", "ACC0118", "20260127"},
       dir + "/bir-overall-suspicious.dcm");
}

// Issue 14's classes of false reassurance, one sample each: one finding in one breast that the
// radiologist reported benign (overall assessment 2), while an item the SR also gives asks for
// more. `items` adds the finding's own content items.
void reported_benign(const std::string& path, const Header& header, const char* impression,
                     const Code& breast, const Code& finding,
                     const std::function<void(SrBuilder&)>& items) {
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR, impression);
  SrBuilder& sr = report.findings(breast);
  sr.open_code(DSRTypes::RT_contains, kFinding, finding);
  items(sr);
  sr.close().close();
  report.overall(kCat2, nullptr).close();
  save(report.sr(), header, path);
}

// A clock position, a Calcification Type and each Calcification Distribution given.
SrBuilder& calcifications(SrBuilder& sr, int hour, const Code& type,
                          std::initializer_list<Code> distributions) {
  clock(sr, hour).code(kProps, kCalcType, type);
  for (const Code& distribution : distributions) sr.code(kProps, kCalcDistribution, distribution);
  return sr;
}

// Class 1: the distribution given twice, segmental then diffuse.
void conflicting_distribution(const std::string& dir) {
  reported_benign(dir + "/bir-conflicting-distribution.dcm",
                  {"119", "SAMPLE^TWODIST", "MC-0019", "19620418", "ACC0119", "20260128"},
                  "Punctate calcifications, left breast 3 o'clock, coded in a segmental and in "
                  "a diffuse distribution.",
                  kLeftBreast, kCalcification, [](SrBuilder& sr) {
                    calcifications(sr, 3, kPunctate, {kSegmental, kDiffuse});
                  });
}

// Class 3: calcification descriptors on a finding coded as a mass, not as calcifications.
void mass_with_calcification_type(const std::string& dir) {
  reported_benign(dir + "/bir-mass-with-calcification-type.dcm",
                  {"120", "SAMPLE^MASSCALC", "MC-0020", "19670822", "ACC0120", "20260129"},
                  "Mass with round calcifications, right breast 11 o'clock.", kRightBreast, kMass,
                  [](SrBuilder& sr) { calcifications(sr, 11, kRound, {kDiffuse}); });
}

// Class 4: a prior pathology of invasive carcinoma (TID 4207 under the finding's assessment, as
// in bir-prior-high-risk-wire.dcm) beside benign-looking calcifications reported 2. The report
// codes the pathology only, without TID 4207's Procedure Result.
void pathology_invasive_carcinoma(const std::string& dir) {
  reported_benign(dir + "/bir-pathology-invasive-carcinoma.dcm",
                  {"121", "SAMPLE^PATHOLOGY", "MC-0021", "19580226", "ACC0121", "20260130"},
                  "Diffuse punctate calcifications, left breast 5 o'clock, benign; prior core "
                  "biopsy at this site showed infiltrating duct carcinoma.",
                  kLeftBreast, kCalcification, [](SrBuilder& sr) {
                    sr.open_code(kProps, kAssessment, kCat2)
                        .container(kProps, kPathologyResults)
                        .code(DSRTypes::RT_contains, kPathology,
                              Code("82711006", "SCT", "Infiltrating duct carcinoma"))
                        .close()
                        .close();
                    calcifications(sr, 5, kPunctate, {kDiffuse});
                  });
}

// Class 5: benign-looking calcifications reported 2 whose follow-up asks for a biopsy.
void benign_followup_biopsy(const std::string& dir) {
  reported_benign(dir + "/bir-benign-followup-biopsy.dcm",
                  {"122", "SAMPLE^FOLLOWUP", "MC-0022", "19640913", "ACC0122", "20260202"},
                  "Diffuse punctate calcifications, right breast 8 o'clock, benign. Biopsy "
                  "should be considered.",
                  kRightBreast, kCalcification, [](SrBuilder& sr) {
                    sr.code(kProps, kAssessment, kCat2).code(kProps, kFollowUp, kBiopsyConsidered);
                    calcifications(sr, 8, kPunctate, {kDiffuse});
                  });
}

void cad_clusters(const std::string& dir) {
  const Code kImageLibrary("111028", "DCM", "Image Library");
  const Code kImageLaterality("111027", "DCM", "Image Laterality");
  const Code kImageView("111031", "DCM", "Image View");
  const Code kCc("399162004", "SCT", "cranio-caudal");
  const Code kSummary("111017", "DCM", "CAD Processing and Findings Summary");
  const Code kWithFindings("111242", "DCM", "All algorithms succeeded; with findings");
  const Code kImpressionContainer("111034", "DCM", "Individual Impression/Recommendation");
  const Code kRenderingIntent("111056", "DCM", "Rendering Intent");
  const Code kRequired("111150", "DCM",
                       "Presentation Required: Rendering device is expected to present");
  const Code kNotForPresentation("111152", "DCM",
                                 "Not for Presentation: Rendering device expected not to present");
  const Code kSingleImageFinding("111059", "DCM", "Single Image Finding");
  const Code kCluster("129769006", "SCT", "Calcification Cluster");
  const Code kIndividual("129770007", "SCT", "Individual Calcification");
  const Code kCenter("111010", "DCM", "Center");
  const Code kDetections("111064", "DCM", "Summary of Detections");
  const Code kAnalyses("111065", "DCM", "Summary of Analyses");
  const Code kSucceeded("111222", "DCM", "Succeeded");
  const std::string images = std::string(kUidRoot) + "113.9.";

  SrBuilder sr(DSRTypes::DT_MammographyCadSR, kCadReport);
  sr.container(DSRTypes::RT_contains, kImageLibrary);
  size_t right_cc = 0;
  size_t left_cc = 0;
  sr.image(DSRTypes::RT_contains, images + "1")
      .code(DSRTypes::RT_hasAcqContext, kImageLaterality, kRightBreast)
      .code(DSRTypes::RT_hasAcqContext, kImageView, kCc);
  right_cc = sr.current();
  sr.close();
  sr.image(DSRTypes::RT_contains, images + "2")
      .code(DSRTypes::RT_hasAcqContext, kImageLaterality, kLeftBreast)
      .code(DSRTypes::RT_hasAcqContext, kImageView, kCc);
  left_cc = sr.current();
  sr.close().close();

  sr.open_code(DSRTypes::RT_contains, kSummary, kWithFindings);
  // Individual calcifications first, so the cluster can reference them.
  std::vector<size_t> individuals;
  for (int i = 0; i < 2; ++i) {
    sr.container(DSRTypes::RT_inferredFrom, kImpressionContainer)
        .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kRequired)
        .open_code(DSRTypes::RT_contains, kSingleImageFinding, kIndividual)
        .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kRequired)
        .code(kProps, kCalcType, Code("111344", "DCM", "Fine pleomorphic calcification"));
    individuals.push_back(sr.current());
    sr.point(kProps, kCenter, 100.0f + float(i), 200.0f)
        .reference(DSRTypes::RT_selectedFrom, right_cc);
    sr.close().close().close();
  }
  sr.container(DSRTypes::RT_inferredFrom, kImpressionContainer)
      .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kRequired)
      .code(DSRTypes::RT_contains, kAssessment, kCat4)
      .open_code(DSRTypes::RT_contains, kSingleImageFinding, kCluster)
      .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kRequired);
  for (size_t individual : individuals) sr.reference(DSRTypes::RT_inferredFrom, individual);
  sr.point(kProps, kCenter, 101.0f, 201.0f).reference(DSRTypes::RT_selectedFrom, right_cc);
  sr.close().close().close();
  // A cluster with only a count: the rules cannot classify it.
  sr.container(DSRTypes::RT_inferredFrom, kImpressionContainer)
      .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kRequired)
      .open_code(DSRTypes::RT_contains, kSingleImageFinding, kCluster)
      .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kRequired)
      .num(kProps, kNumberOfCalcs, "7", kCalcUnit);
  sr.point(kProps, kCenter, 300.0f, 120.0f).reference(DSRTypes::RT_selectedFrom, left_cc);
  sr.close().close().close();
  // Not for presentation: must be skipped, and the summary says so.
  sr.container(DSRTypes::RT_inferredFrom, kImpressionContainer)
      .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kNotForPresentation)
      .open_code(DSRTypes::RT_contains, kSingleImageFinding, kIndividual)
      .code(DSRTypes::RT_hasConceptMod, kRenderingIntent, kNotForPresentation)
      .code(kProps, kCalcType, Code("129760005", "SCT", "Amorphous calcification"));
  sr.point(kProps, kCenter, 310.0f, 130.0f).reference(DSRTypes::RT_selectedFrom, left_cc);
  sr.close().close().close();
  sr.close();  // summary
  sr.code(DSRTypes::RT_contains, kDetections, kSucceeded);
  sr.code(DSRTypes::RT_contains, kAnalyses, kSucceeded);
  // The images the CAD ran on, as its evidence (what a written-back SR references too).
  DSRSOPInstanceReferenceList& evidence = sr.document().getCurrentRequestedProcedureEvidence();
  for (const char* image : {"1", "2"}) {
    if (evidence
            .addItem((std::string(kUidRoot) + "113.1").c_str(), images + "0",
                     UID_DigitalMammographyXRayImageStorageForPresentation, images + image)
            .bad()) {
      std::cerr << "make_samples: cannot add evidence\n";
      std::exit(1);
    }
  }
  save(sr, {"113", "SAMPLE^CAD", "MC-0013", "19571111", "ACC0113", "20260121"},
       dir + "/cad-clusters-by-reference.dcm");
}

// ---- Text reports (issue 16): calcifications written as narrative, nothing coded ----

// ---- Coded content and report text together (issue 17) ----

// A TID 4200 report as the PS3.17 Annex Q examples write it: the narrative's Findings and
// Impression texts, then Supplementary Data with one Procedure reported for the whole report
// (its laterality `procedure_breast`, nullptr for none) and one Findings container without a
// procedure of its own. The caller adds findings to the open Findings container.
class ContextReport {
 public:
  ContextReport(const char* findings_text, const char* impression, const Code* procedure_breast)
      : sr_(DSRTypes::DT_EnhancedSR, kBreastImagingReport) {
    sr_.container(DSRTypes::RT_contains, kNarrative)
        .container(DSRTypes::RT_contains, kFindings)
        .text(DSRTypes::RT_contains, kFinding, findings_text)
        .text(DSRTypes::RT_contains, kImpression, impression)
        .close()
        .close();
    sr_.container(DSRTypes::RT_contains, kSupplementary);
    sr_.open_code(DSRTypes::RT_contains, kProcedureReported, kMammography);
    if (procedure_breast != nullptr) {
      sr_.code(DSRTypes::RT_hasConceptMod, kLaterality, *procedure_breast);
    }
    sr_.close();
    sr_.container(DSRTypes::RT_contains, kFindings);
  }
  SrBuilder& sr() { return sr_; }

 private:
  SrBuilder sr_;
};

const Code kHeterogeneous("129763007", "SCT", "Heterogeneous calcification");
const Code kRegional("129767008", "SCT", "Regional calcification distribution");
const Code kUpperOuter("76365002", "SCT", "Upper outer quadrant of breast");
const Code kShortInterval("111142", "DCM", "Follow-up at short interval (1-11 months)");

// The finding of PS3.17 Annex Q example 3: heterogeneous regional calcifications at 1 o'clock,
// BI-RADS 3 with a short-interval follow-up; `follow_up_breast` (nullptr: none) is the follow-up's
// Laterality modifier, the finding's only laterality of its own in the standard's example.
void annex_q_finding(SrBuilder& sr, const Code* follow_up_breast) {
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .open_code(kProps, kAssessment, kCat3)
      .open_code(kProps, kFollowUp, kShortInterval);
  if (follow_up_breast != nullptr) {
    sr.code(DSRTypes::RT_hasConceptMod, kLaterality, *follow_up_breast);
  }
  sr.close().close();
  clock(sr, 1)
      .code(kProps, kQuadrant, kUpperOuter)
      .code(kProps, kDepth, Code("255549009", "SCT", "Anterior"))
      .code(kProps, kCalcType, kHeterogeneous)
      .code(kProps, kCalcDistribution, kRegional)
      .code(kProps, kChange, Code("129723006", "SCT", "No significant changes in the finding"))
      .close();
}

// Issue 17's pattern: the finding's breast is stated only on the Procedure reported and the
// follow-up, and in the narrative's words.
void annex_q_laterality_in_context(const std::string& dir) {
  ContextReport report(
      "There are heterogeneous calcifications in a regional distribution in the 1 o'clock upper "
      "outer quadrant, anterior region of the left breast, unchanged since the prior study.",
      "Probably benign regional heterogeneous calcifications, left breast. BI-RADS 3. "
      "Short-interval follow-up of the left breast in 6 months.",
      &kLeftBreast);
  annex_q_finding(report.sr(), &kLeftBreast);
  report.sr().close().close();
  save(report.sr(), {"140", "SAMPLE^ANNEXQ", "MC-0040", "19620917", "ACC0140", "20261201"},
       dir + "/bir-annex-q-laterality-in-context.dcm", {"MAMMO DIAGNOSTIC LEFT", "BREAST"});
}

// The procedure says left, the narrative places the same calcifications in the right breast:
// a laterality conflict, never a silent choice.
void procedure_laterality_text_other_breast(const std::string& dir) {
  ContextReport report(
      "There are heterogeneous calcifications in a regional distribution in the 1 o'clock upper "
      "outer quadrant of the right breast, unchanged since the prior study.",
      "Probably benign regional heterogeneous calcifications. BI-RADS 3.", &kLeftBreast);
  annex_q_finding(report.sr(), nullptr);
  report.sr().close().close();
  save(report.sr(), {"141", "SAMPLE^SIDECONFLICT", "MC-0041", "19590203", "ACC0141", "20261201"},
       dir + "/bir-procedure-laterality-text-other-breast.dcm", {"MAMMO DIAGNOSTIC", "BREAST"});
}

// Row W8: the coded finding is benign (punctate, diffuse), the text describes fine pleomorphic
// calcifications in the same breast.
void coded_benign_text_suspicious(const std::string& dir) {
  ContextReport report(
      "Scattered punctate calcifications in a diffuse distribution in the left breast. In "
      "addition there are fine pleomorphic calcifications in the same breast.",
      "Benign-appearing diffuse punctate calcifications. BI-RADS 2.", &kLeftBreast);
  SrBuilder& sr = report.sr();
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(DSRTypes::RT_hasConceptMod, kLaterality, kLeftBreast)
      .code(kProps, kAssessment, kCat2)
      .code(kProps, kCalcType, kPunctate)
      .code(kProps, kCalcDistribution, kDiffuse)
      .close();
  sr.close().close();
  save(sr, {"142", "SAMPLE^W8", "MC-0042", "19640522", "ACC0142", "20261201"},
       dir + "/bir-coded-benign-text-suspicious.dcm", {"MAMMO SCREENING BILATERAL", "BREAST"});
}

// The coded finding has no site; the text says the calcifications lie within the lobules (S2,
// source narrative: C2's "site stated" holds).
void text_adds_site(const std::string& dir) {
  ContextReport report(
      "Grouped round calcifications within the lobules at 3 o'clock in the right breast, "
      "stable since 2024.",
      "Stable grouped round calcifications, right breast. BI-RADS 2.", nullptr);
  SrBuilder& sr = report.sr();
  sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification)
      .code(DSRTypes::RT_hasConceptMod, kLaterality, kRightBreast)
      .code(kProps, kAssessment, kCat2);
  clock(sr, 3)
      .code(kProps, kCalcType, kRound)
      .code(kProps, kCalcDistribution,
            Code("129766004", "SCT", "Grouped calcification distribution"))
      .code(kProps, kChange, Code("129723006", "SCT", "No significant changes in the finding"))
      .close();
  sr.close().close();
  save(sr, {"143", "SAMPLE^TEXTSITE", "MC-0043", "19700311", "ACC0143", "20261201"},
       dir + "/bir-text-adds-site.dcm", {"MAMMO SCREENING BILATERAL", "BREAST"});
}

const Code kDiagnosticImagingStudy("18748-4", "LN", "Diagnostic imaging study");
const Code kStudyObservation("18782-3", "LN", "Radiology Study observation (narrative)");
const Code kHistory("121060", "DCM", "History");
const Code kImpressions("121072", "DCM", "Impressions");
const Code kRecommendations("121074", "DCM", "Recommendations");
const Code kRecommendation("121075", "DCM", "Recommendation");

// One section container holding one TEXT item.
SrBuilder& section(SrBuilder& sr, const Code& container, const Code& item, const char* text) {
  return sr.container(DSRTypes::RT_contains, container)
      .text(DSRTypes::RT_contains, item, text)
      .close();
}

// A Basic Text SR with root (18748-4, LN): Findings and Impressions containers, and History
// first when `history` is given.
void text_report(const std::string& path, const Header& header, const Study& study,
                 const char* history, const char* findings, const char* impression) {
  SrBuilder sr(DSRTypes::DT_BasicTextSR, kDiagnosticImagingStudy, SrBuilder::Plain{});
  if (history != nullptr) section(sr, kHistory, kFinding, history);
  section(sr, kFindings, kFinding, findings);
  section(sr, kImpressions, kImpression, impression);
  save(sr, header, path, study);
}

// Issue 16's reproduction, exactly: before the narrative reader this was "no calcification
// finding", needsReview="false".
void text_issue16_reproduction(const std::string& dir) {
  text_report(dir + "/text-issue16-reproduction.dcm",
              {"130", "SAMPLE^TEXTREPRO", "MC-0030", "19630415", "ACC0130", "20261102"},
              {"MAMMO DIAGNOSTIC RIGHT", "BREAST"}, nullptr,
              "RIGHT BREAST: There are fine pleomorphic calcifications in a segmental "
              "distribution at 10 o'clock, middle depth, spanning 3 cm. No associated mass.",
              "BI-RADS 4C: Suspicious calcifications, right breast. Stereotactic biopsy is "
              "recommended.");
}

// A negative screening report: the only calcification sentence is negated; a breast
// composition sentence that must give no descriptor.
void text_negative_screening(const std::string& dir) {
  text_report(dir + "/text-negative-screening.dcm",
              {"131", "SAMPLE^TEXTNEG", "MC-0031", "19700923", "ACC0131", "20261103"},
              {"MAMMO SCREENING BILATERAL W/ TOMO", "BREAST"},
              "Screening. No family history of breast cancer. No prior breast surgery.",
              "The breasts are heterogeneously dense, which may obscure small masses. No "
              "suspicious masses or architectural distortion. No suspicious calcifications.",
              "Negative mammogram. BI-RADS 1. Routine annual screening mammography is "
              "recommended.");
}

// The whole report in one TEXT item, in capitals with headings, CR LF line breaks,
// abbreviations ("CALCS", "FN", "YO"), a clock written 2:00, and the calcifications named in the
// clinical information (the callback) as well as in the findings.
void text_one_block_caps(const std::string& dir) {
  SrBuilder sr(DSRTypes::DT_BasicTextSR, kDiagnosticImagingStudy, SrBuilder::Plain{});
  sr.text(DSRTypes::RT_contains, kStudyObservation,
          "CLINICAL INFORMATION: 61 YO F RECALLED FROM SCREENING FOR LEFT BREAST CALCS.\r\n"
          "TECHNIQUE: LEFT CC AND ML SPOT MAGNIFICATION VIEWS.\r\n"
          "COMPARISON: SCREENING MAMMOGRAM OF 10/06/2026 AND PRIOR OF 09/22/2025.\r\n"
          "FINDINGS:\r\n"
          "THE BREAST IS HETEROGENEOUSLY DENSE.\r\n"
          "LEFT BREAST: A GROUP OF AMORPHOUS CALCS AT 2:00, POSTERIOR DEPTH, 6 CM FN, SPANNING "
          "8 MM. NOT SEEN PREVIOUSLY. NO ASSOCIATED MASS OR DISTORTION.\r\n"
          "IMPRESSION:\r\n"
          "NEW GROUPED AMORPHOUS CALCIFICATIONS, LEFT BREAST 2:00.\r\n"
          "BI-RADS 4B: SUSPICIOUS.\r\n"
          "RECOMMENDATION: STEREOTACTIC BIOPSY OF THE LEFT BREAST CALCIFICATIONS.\r\n");
  save(sr, {"132", "SAMPLE^TEXTCAPS", "MC-0032", "19650111", "ACC0132", "20261104"},
       dir + "/text-one-block-caps.dcm", {"MAMMO DIAG LEFT W/ MAG VIEWS", "BREAST"});
}

// Per-breast headings in one Findings text and per-breast categories in the impression: a
// suspicious right-breast finding and benign left-breast calcifications beside a negated one.
void text_bilateral(const std::string& dir) {
  text_report(dir + "/text-bilateral.dcm",
              {"133", "SAMPLE^TEXTBILAT", "MC-0033", "19580730", "ACC0133", "20261105"},
              {"MAMMO DIAGNOSTIC BILATERAL", "BREAST"}, nullptr,
              "There are scattered areas of fibroglandular density.\n"
              "RIGHT BREAST: Fine linear branching calcifications in a linear distribution in "
              "the upper outer quadrant, posterior depth, spanning 2 cm, new since the prior "
              "examination.\n"
              "LEFT BREAST: Scattered vascular calcifications. No suspicious calcifications, "
              "masses or distortion.",
              "Right breast: BI-RADS 5. Highly suspicious fine linear branching calcifications, "
              "right breast upper outer quadrant. Stereotactic vacuum-assisted biopsy is "
              "recommended.\n"
              "Left breast: BI-RADS 2. Benign vascular calcifications.");
}

// An uncertain mention of benign-looking calcifications: never benign (C14).
void text_uncertain(const std::string& dir) {
  text_report(dir + "/text-uncertain.dcm",
              {"134", "SAMPLE^TEXTUNCERTAIN", "MC-0034", "19741205", "ACC0134", "20261106"},
              {"MAMMO SCREENING BILATERAL", "BREAST"}, nullptr,
              "There are scattered areas of fibroglandular density. LEFT BREAST: Possible "
              "grouped punctate calcifications at 4 o'clock, anterior depth, 3 cm from the "
              "nipple, seen on the CC view only. RIGHT BREAST: No suspicious findings.",
              "BI-RADS 0: Incomplete. Possible punctate calcifications in the left breast. Spot "
              "magnification views of the left breast are recommended.");
}

// History: a prior cancer ("ductal carcinoma" is not a site) and a previously biopsied group
// (historical); calcifications stated unchanged, one with the pseudo-negation "No change in"
// (stable, not negated).
void text_history_stable(const std::string& dir) {
  text_report(dir + "/text-history-stable.dcm",
              {"135", "SAMPLE^TEXTHISTORY", "MC-0035", "19560318", "ACC0135", "20261109"},
              {"MAMMO DIAGNOSTIC BILATERAL", "BREAST"},
              "History of right breast ductal carcinoma in situ treated with lumpectomy and "
              "radiation in 2019. Status post benign stereotactic biopsy of left breast "
              "calcifications in 2023 (fibrocystic change).",
              "RIGHT BREAST: Post-surgical changes at the lumpectomy site with dystrophic "
              "calcifications, unchanged from 2025.\n"
              "LEFT BREAST: Biopsy clip at 1 o'clock. No change in the grouped round "
              "calcifications at 1 o'clock around the clip.",
              "Stable post-treatment changes. BI-RADS 2: Benign. Annual diagnostic "
              "mammography is recommended.");
}

// Enhanced SR, TID 4200 (111400 DCM root), with only a narrative: no coded finding, no
// supplementary data. A new cluster with an ultrasound correlate.
void text_enhanced_sr(const std::string& dir) {
  SrBuilder sr(DSRTypes::DT_EnhancedSR, kBreastImagingReport);
  sr.container(DSRTypes::RT_contains, kNarrative);
  section(sr, kFindings, kFinding,
          "LEFT BREAST: New cluster of coarse heterogeneous calcifications at 8 o'clock, 5 cm "
          "from the nipple, measuring 6 mm. Targeted ultrasound shows a 5 mm hypoechoic area at "
          "8 o'clock 5 cm FN that correlates with the calcifications.");
  section(sr, kImpressions, kImpression,
          "BI-RADS 4B: Suspicious new grouped coarse heterogeneous calcifications, left breast "
          "8 o'clock, with a sonographic correlate.");
  section(sr, kRecommendations, kRecommendation,
          "Ultrasound-guided core biopsy of the left breast 8 o'clock.");
  sr.close();
  save(sr, {"136", "SAMPLE^TEXTENHANCED", "MC-0036", "19690602", "ACC0136", "20261110"},
       dir + "/text-enhanced-sr.dcm", {"US BREAST LEFT AND MAMMO DIAGNOSTIC LEFT", "BREAST"});
}

// Benign lobular calcifications in both breasts: "bilaterally" makes one finding per breast;
// "within the lobules" is the site.
void text_benign_lobular(const std::string& dir) {
  text_report(dir + "/text-benign-lobular.dcm",
              {"137", "SAMPLE^TEXTLOBULAR", "MC-0037", "19610827", "ACC0137", "20261111"},
              {"MAMMO SCREENING BILATERAL", "BREAST"}, nullptr,
              "The breasts are almost entirely fatty. Scattered round calcifications are "
              "present bilaterally, lying within the lobules (acinar pattern), unchanged since "
              "2024.",
              "Benign bilateral lobular calcifications. BI-RADS 2. Routine screening "
              "mammography in 1 year.");
}

// Negation whose scope ends at "however": nothing suspicious on the right, a new suspicious
// group on the left in the same sentence; per-breast categories in the impression.
void text_negation_however(const std::string& dir) {
  text_report(dir + "/text-negation-however.dcm",
              {"139", "SAMPLE^TEXTHOWEVER", "MC-0039", "19720314", "ACC0139", "20261113"},
              {"MAMMO DIAGNOSTIC BILATERAL", "BREAST"},
              "Follow-up of a screening recall for left breast calcifications.",
              "There are scattered areas of fibroglandular density. No suspicious calcifications "
              "in the right breast; however, there are new fine linear calcifications in the left "
              "breast at 12 o'clock, anterior depth, 2 cm from the nipple, over 9 mm.",
              "Left breast: BI-RADS 4B. New fine linear calcifications, left breast 12 o'clock. "
              "Stereotactic biopsy is recommended. Right breast: BI-RADS 1.");
}

// A chest CT report: calcifications (coronary, granuloma) and breast tissue mentioned, nothing
// that says breast imaging. Refused (exit 1), so it has no expected summary and sits in
// samples/refused/, out of the way of every run over samples/*.dcm:
// tests/cli/check_refused_samples.sh checks it.
void text_chest_ct_refused(const std::string& dir) {
  std::filesystem::create_directories(dir + "/refused");
  text_report(dir + "/refused/text-chest-ct.dcm",
              {"138", "SAMPLE^TEXTCHESTCT", "MC-0038", "19520109", "ACC0138", "20261112"},
              {"CT CHEST", "CHEST"}, "Chronic cough. Former smoker.",
              "Moderate coronary artery calcifications in the left anterior descending artery. "
              "A 4 mm calcified granuloma in the right upper lobe. The visualized left breast "
              "tissue is unremarkable. No mediastinal or hilar lymphadenopathy. No pleural "
              "effusion.",
              "No acute cardiopulmonary abnormality. Coronary artery calcifications.");
}

// A German report (issue 17): the SR says German (121049 DCM, "de-DE"), so its text is read with
// the German lexicon: new grouped fine pleomorphic microcalcifications on the left at 2 o'clock
// ("bei 2 Uhr"), vascular calcifications on both sides (first, so that the findings are in the
// order the written-back SR keeps: right, then left), a negation list on the right and a biopsy
// in the history. Latin-1 like every sample (\xE4 ä, \xF6 ö, \xFC ü, \xDF ß).
void text_german(const std::string& dir) {
  SrBuilder sr(DSRTypes::DT_BasicTextSR, kDiagnosticImagingStudy, SrBuilder::Plain{});
  sr.code(DSRTypes::RT_hasConceptMod, kLanguage, Code("de-DE", "RFC5646", "German (Germany)"));
  section(sr, kHistory, kFinding,
          "Z. n. Vakuumbiopsie von Mikrokalk rechts 2022, benigne. Kontrolle.");
  section(sr, kFindings, kFinding,
          "Mammographie beidseits in zwei Ebenen. Dr\xFC"
          "senparenchym ACR c. Beidseits vereinzelte Gef\xE4\xDF"
          "verkalkungen.\n"
          "Rechts: Kein Herdbefund, keine Mikroverkalkungen, keine Architekturst\xF6rung.\n"
          "Links: Bei 2 Uhr im oberen \xE4u\xDF"
          "eren Quadranten neu aufgetretene gruppierte fein-pleomorphe Mikroverkalkungen auf "
          "8 mm.");
  section(sr, kImpressions, kImpression,
          "Links neu aufgetretene gruppierte fein-pleomorphe Mikroverkalkungen, "
          "malignit\xE4tsverd\xE4"
          "chtig. BI-RADS 4. Stereotaktische Vakuumbiopsie links empfohlen.");
  save(sr, {"160", "SAMPLE^TEXTGERMAN", "MC-0060", "19660712", "ACC0160", "20261201"},
       dir + "/text-german.dcm", {"MAMMOGRAPHIE BEIDSEITS", "BREAST"});
}

}  // namespace

// ---- benchmark corpus (issue 6): realistic, deterministic by seed ----

const std::vector<Code>& corpus_morphologies() {
  static const std::vector<Code> codes{
      Code("129749001", "SCT", "Coarse (popcorn-like) calcification"),
      kPunctate,
      kRound,
      Code("129760005", "SCT", "Amorphous calcification"),
      Code("129763007", "SCT", "Heterogeneous calcification"),
      Code("111344", "DCM", "Fine pleomorphic calcification"),
      Code("129761009", "SCT", "Fine, linear (casting) calcification"),
      Code("129762002", "SCT", "Fine linear, branching (casting) calcification"),
      Code("129759000", "SCT", "Vascular calcification"),
      Code("129753004", "SCT", "Milk of calcium calcification")};
  return codes;
}

const std::vector<Code>& corpus_distributions() {
  static const std::vector<Code> codes{
      kDiffuse, Code("129767008", "SCT", "Regional calcification distribution"),
      Code("129766004", "SCT", "Grouped calcification distribution"),
      Code("129765000", "SCT", "Linear calcification distribution"), kSegmental};
  return codes;
}

template <typename T>
const T& pick(std::mt19937& random, const std::vector<T>& values) {
  return values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(random)];
}

// Report sentences as radiologists write them, for the corpus's narratives (issue 16): the
// narrative reader's cost is measured on text like this.
const std::vector<std::string>& corpus_sentences() {
  static const std::vector<std::string> sentences{
      "The breasts are heterogeneously dense, which may obscure small masses.",
      "There are fine pleomorphic calcifications in a segmental distribution at 10 o'clock, "
      "middle depth, spanning 3 cm.",
      "No suspicious mass, calcification or architectural distortion.",
      "Scattered vascular calcifications bilaterally.",
      "Grouped punctate calcifications at 2:00, 4 cm FN, unchanged since 2023.",
      "There is no significant change in the coarse calcifications of the left breast.",
      "Possible amorphous calcifications in the upper outer quadrant; magnification views are "
      "recommended.",
      "Status post lumpectomy with dystrophic calcifications at the surgical site.",
      "BI-RADS 4B: Suspicious calcifications, right breast. Stereotactic biopsy is recommended.",
      "BI-RADS 2: Benign findings. Routine screening mammography in one year."};
  return sentences;
}

// A narrative of `sentences` sentences picked from corpus_sentences().
std::string corpus_narrative(std::mt19937& random, int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    text += (text.empty() ? "" : " ") + pick(random, corpus_sentences());
  }
  return text;
}

void corpus_report(const std::string& path, const std::string& number, int findings,
                   std::mt19937& random) {
  const std::string narrative = corpus_narrative(random, 2 + findings / 2);
  ReportBuilder report(DSRTypes::DT_ComprehensiveSR, narrative.c_str());
  SrBuilder& sr = report.sr();
  for (int i = 0; i < findings; ++i) {
    const bool right = random() % 2 == 0;
    sr.container(DSRTypes::RT_contains, kFindings);
    sr.open_code(DSRTypes::RT_contains, kProcedureReported, kMammography)
        .code(DSRTypes::RT_hasConceptMod, kLaterality, right ? kRightBreast : kLeftBreast)
        .close();
    sr.open_code(DSRTypes::RT_contains, kFinding, kCalcification);
    clock(sr, 1 + static_cast<int>(random() % 12))
        .code(kProps, kCalcType, pick(random, corpus_morphologies()))
        .code(kProps, kCalcDistribution, pick(random, corpus_distributions()))
        .num(kProps, kNumberOfCalcs, std::to_string(1 + random() % 40).c_str(), kCalcUnit)
        .close()
        .close();
  }
  report.overall(kCat4, nullptr).close();
  save(report.sr(), {number, "BENCH^PATIENT", "BENCH", "19600101", "BENCH", "20260101"}, path);
}

// A Basic Text SR whose Findings and Impressions are text only (most real reports).
void corpus_text_report(const std::string& path, const std::string& number, std::mt19937& random) {
  const std::string findings = corpus_narrative(random, 3 + static_cast<int>(random() % 8));
  const std::string impression = corpus_narrative(random, 1 + static_cast<int>(random() % 3));
  text_report(path, {number, "BENCH^PATIENT", "BENCH", "19600101", "BENCH", "20260101"},
              {"MAMMO DIAGNOSTIC BILATERAL", "BREAST"}, nullptr, findings.c_str(),
              impression.c_str());
}

// Every third report of the corpus is text only; the others are coded TID 4200 reports with a
// narrative.
int make_corpus(int count, unsigned seed, const std::string& dir) {
  for (int i = 0; i < count; ++i) {
    std::mt19937 random(seed * 100003u + static_cast<unsigned>(i));
    const int findings = 1 + static_cast<int>(random() % 20);
    char name[32];
    std::snprintf(name, sizeof name, "/sr-%06d.dcm", i);
    const std::string number = "9." + std::to_string(seed) + "." + std::to_string(i);
    if (i % 3 == 2) {
      corpus_text_report(dir + name, number, random);
    } else {
      corpus_report(dir + name, number, findings, random);
    }
  }
  return 0;
}

// One text report whose Findings item is `bytes` of report sentences (the 1 MiB bench line), and
// one with a single sentence: the difference of their times is the reader's cost.
int make_text_pair(std::size_t bytes, const std::string& dir) {
  std::mt19937 random(11);
  std::string text;
  while (text.size() < bytes) text += (text.empty() ? "" : " ") + pick(random, corpus_sentences());
  text.resize(bytes);
  const Header header{"9.8", "BENCH^PATIENT", "BENCH", "19600101", "BENCH", "20260101"};
  text_report(dir + "/large-text.dcm", header, {"MAMMO DIAGNOSTIC BILATERAL", "BREAST"}, nullptr,
              text.c_str(), "BI-RADS 4B.");
  const std::string one = corpus_sentences()[1];
  text_report(dir + "/small-text.dcm", header, {"MAMMO DIAGNOSTIC BILATERAL", "BREAST"}, nullptr,
              one.c_str(), "BI-RADS 4B.");
  return 0;
}

int main(int argc, char** argv) {
  OFLog::configure(OFLogger::ERROR_LOG_LEVEL);
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "--corpus" && argc == 5) {
    return make_corpus(std::atoi(argv[2]), static_cast<unsigned>(std::atoi(argv[3])), argv[4]);
  }
  if (mode == "--text-pair" && argc == 4) {
    return make_text_pair(static_cast<std::size_t>(std::atol(argv[2])), argv[3]);
  }
  if (mode == "--large" && argc == 4) {
    std::mt19937 random(7);
    corpus_report(std::string(argv[3]) + "/large.dcm", "9.9", std::atoi(argv[2]), random);
    return 0;
  }
  if (argc != 2) {
    std::cerr << "usage: mammocalc_make_samples OUTDIR\n"
                 "       mammocalc_make_samples --corpus COUNT SEED OUTDIR\n"
                 "       mammocalc_make_samples --large FINDINGS OUTDIR\n"
                 "       mammocalc_make_samples --text-pair BYTES OUTDIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const std::vector<std::function<void(const std::string&)>> samples{
      benign_coarse_vascular,
      probably_benign_punctate,
      suspicious_vacuum,
      suspicious_core_ultrasound,
      suspicious_stereotactic,
      nonspecific_calcifications,
      suspicious_wire_axillary,
      reported_needle_localization,
      prior_high_risk,
      known_malignancy,
      discordant,
      legacy_srt,
      site_conflict,
      no_calcification,
      cad_clusters,
      bilateral,
      overall_suspicious,
      conflicting_distribution,
      mass_with_calcification_type,
      pathology_invasive_carcinoma,
      benign_followup_biopsy,
      text_issue16_reproduction,
      text_negative_screening,
      text_one_block_caps,
      text_bilateral,
      text_uncertain,
      text_history_stable,
      text_enhanced_sr,
      text_benign_lobular,
      text_negation_however,
      text_chest_ct_refused,
      annex_q_laterality_in_context,
      procedure_laterality_text_other_breast,
      coded_benign_text_suspicious,
      text_adds_site,
      text_german};
  for (const auto& sample : samples) sample(dir);
  return 0;
}
