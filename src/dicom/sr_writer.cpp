#include "dicom/sr_writer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "base/error.hpp"
#include "base/uid.hpp"
#include "base/version.hpp"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcistrmb.h"
#include "dcmtk/dcmdata/dcmetinf.h"
#include "dcmtk/dcmdata/dcostrmb.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmdata/dcwcache.h"
#include "dcmtk/dcmsr/dsrdoc.h"
#include "dicom/sequence_items.hpp"
#include "findings/lexicon.hpp"
#include "findings/own_sr.hpp"
#include "review/exam_view.hpp"
#include "review/review_text.hpp"

namespace mammocalc {
namespace {

using Rel = DSRTypes::E_RelationshipType;
constexpr Rel kContains = DSRTypes::RT_contains;
constexpr Rel kProperties = DSRTypes::RT_hasProperties;
constexpr Rel kConceptMod = DSRTypes::RT_hasConceptMod;
constexpr Rel kObsContext = DSRTypes::RT_hasObsContext;

// Concepts the written report uses beyond those the reader knows (domain.md §2.1, §3.5).
constexpr CodeConst kLanguage{"121049", "DCM", "Language of Content Item and Descendants"};
constexpr CodeConst kEnglish{"en-US", "RFC5646", "English, United States"};
constexpr CodeConst kObserverType{"121005", "DCM", "Observer Type"};
constexpr CodeConst kDevice{"121007", "DCM", "Device"};
constexpr CodeConst kDeviceObserverUid{"121012", "DCM", "Device Observer UID"};
constexpr CodeConst kDeviceObserverName{"121013", "DCM", "Device Observer Name"};
constexpr CodeConst kNarrativeSummary{"111412", "DCM", "Narrative Summary"};
constexpr CodeConst kSupplementaryData{"111414", "DCM", "Supplementary Data"};
constexpr CodeConst kImpression{"121073", "DCM", "Impression"};
constexpr CodeConst kRecommendation{"121075", "DCM", "Recommendation"};
constexpr CodeConst kMammography{"71651007", "SCT", "Mammography"};
constexpr CodeConst kBothBreasts{"63762007", "SCT", "Both breasts"};
using codes::kCoreNeedleBiopsy;
using codes::kPreBiopsyLocalization;
using codes::kProcedureModifier;
using codes::kStereotacticLocalization;
using codes::kSurgicalBiopsy;
using codes::kUltrasonicGuidance;
using codes::kVacuumAssisted;
constexpr CodeConst kMm{"mm", "UCUM", "millimeter"};
constexpr CodeConst kCalcificationsUnit{"{calcifications}", "UCUM", "calcifications"};
constexpr CodeConst kProcessingEquipment{"109102", "DCM", "Processing Equipment"};

// The review state in coded form (hostile review, issue 18): a PACS rule or worklist acts on
// codes, not on the narrative's words. No DICOM code says "needs radiologist review" or "evidence
// incomplete", so they are mammocalc's private ones (kOwnCodingScheme, declared in the Coding
// Scheme Identification Sequence); the concept names also tell mammocalc's own SR from a
// radiologist's when its equipment was stripped (own_sr).
constexpr CodeConst kRadiologistReview{"RADREVIEW", kOwnCodingScheme, "Radiologist review"};
constexpr CodeConst kReviewNeeded{"REVIEW-NEEDED", kOwnCodingScheme, "Radiologist review needed"};
constexpr CodeConst kNoReview{"NO-REVIEW", kOwnCodingScheme, "No radiologist review requested"};
constexpr CodeConst kEvidenceRead{"EVIDENCE", kOwnCodingScheme, "Evidence read"};
constexpr CodeConst kAllEvidenceRead{"EVIDENCE-ALL", kOwnCodingScheme, "All evidence read"};
constexpr CodeConst kEvidenceIncomplete{"EVIDENCE-PART", kOwnCodingScheme, "Evidence incomplete"};
// Completion Flag Description (LO, at most 64 characters) of a PARTIAL result.
constexpr const char* kIncompleteDescription =
    "mammocalc: source evidence incomplete; needs radiologist review";

// Whether the summary's evidence was incomplete: an exam row that makes the exam incomplete fired
// (E11 a PARTIAL or PRELIMINARY source, unreadable evidence, an annotation file not read). The
// result is then PARTIAL, as its source or its reading was.
bool evidence_incomplete(const Report& report) {
  return std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                     [](const FiredRule& fired) { return fired.outcome.exam_incomplete; });
}

DSRCodedEntryValue coded(const CodeConst& code) {
  const std::string value(code.value);
  const std::string scheme(code.scheme);
  const std::string meaning(code.meaning);
  // BI-RADS codes (scheme BI) need their coding scheme version to be unambiguous (CID 6027).
  if (scheme == "BI") {
    return DSRCodedEntryValue(value.c_str(), scheme.c_str(), "4.0", meaning.c_str(),
                              DSRTypes::CVT_auto, OFFalse);
  }
  return DSRCodedEntryValue(value.c_str(), scheme.c_str(), meaning.c_str(), DSRTypes::CVT_auto,
                            OFFalse);
}

DSRCodedEntryValue coded(const Code& code) {
  return coded(CodeConst{code.value, code.scheme, code.meaning});
}

[[noreturn]] void fail(const std::string& what) {
  throw Error(ErrorCode::OutputFailed, "cannot write the DICOM SR: " + what);
}

void check(const OFCondition& status, const char* what) {
  if (status.bad()) fail(std::string(what) + " (" + status.text() + ")");
}

// Builds the content tree depth-first: each add opens a child of the current item, close()
// returns to the parent.
class ContentBuilder {
 public:
  explicit ContentBuilder(DSRDocumentTree& tree) : tree_(tree) {}

  ContentBuilder& open(Rel relationship, DSRTypes::E_ValueType type, const CodeConst& name) {
    if (tree_.addChildContentItem(relationship, type, coded(name)).bad()) {
      fail("content item " + std::string(name.meaning));
    }
    return *this;
  }
  ContentBuilder& close() {
    tree_.goUp();
    return *this;
  }
  ContentBuilder& container(Rel relationship, const CodeConst& name) {
    return open(relationship, DSRTypes::VT_Container, name);
  }
  template <typename Value>
  ContentBuilder& open_code(Rel relationship, const CodeConst& name, const Value& value) {
    open(relationship, DSRTypes::VT_Code, name);
    check(item().setCodeValue(coded(value), false), "code value");
    return *this;
  }
  template <typename Value>
  ContentBuilder& code(Rel relationship, const CodeConst& name, const Value& value) {
    return open_code(relationship, name, value).close();
  }
  ContentBuilder& num(Rel relationship, const CodeConst& name, double value,
                      const CodeConst& unit) {
    char decimal[32];
    std::snprintf(decimal, sizeof decimal, "%.10g", value);
    open(relationship, DSRTypes::VT_Num, name);
    check(item().setNumericValue(DSRNumericMeasurementValue(decimal, coded(unit)), false),
          "numeric value");
    return close();
  }
  ContentBuilder& text(Rel relationship, const CodeConst& name, const std::string& value) {
    open(relationship, DSRTypes::VT_Text, name);
    check(item().setStringValue(value.c_str(), false), "text value");
    return close();
  }
  ContentBuilder& uid(Rel relationship, const CodeConst& name, const std::string& value) {
    open(relationship, DSRTypes::VT_UIDRef, name);
    check(item().setStringValue(value.c_str(), false), "UID value");
    return close();
  }

 private:
  DSRContentItem& item() { return tree_.getCurrentContentItem(); }
  DSRDocumentTree& tree_;
};

// The biopsy as DICOM codes it (domain.md §3.5): Procedure reported and its Procedure Modifiers,
// as concept modifiers of the Recommended Follow-up they belong to.
void write_biopsy(ContentBuilder& content, const Recommendation& recommendation) {
  if (!recommendation.biopsy) return;
  if (*recommendation.biopsy == BiopsyType::WireLocalization) {
    content.open_code(kConceptMod, codes::kProcedureReported, kPreBiopsyLocalization)
        .code(kConceptMod, kProcedureModifier, kSurgicalBiopsy)
        .close();
    return;
  }
  content.open_code(kConceptMod, codes::kProcedureReported, kCoreNeedleBiopsy);
  if (*recommendation.biopsy == BiopsyType::VacuumAssisted) {
    content.code(kConceptMod, kProcedureModifier, kVacuumAssisted);
  }
  if (recommendation.guidance == Guidance::Ultrasound) {
    content.code(kConceptMod, kProcedureModifier, kUltrasonicGuidance);
  } else if (recommendation.guidance == Guidance::Stereotactic ||
             *recommendation.biopsy == BiopsyType::Stereotactic) {
    content.code(kConceptMod, kProcedureModifier, kStereotacticLocalization);
  }
  content.close();
}

// One TID 4206 finding with the evidence the rules used, so that reading the SR back gives the
// same decisions, and the TID 4203 assessment: mammocalc's category and recommended follow-up.
void write_finding(ContentBuilder& content, const Finding& finding, const Decision& decision) {
  content.open_code(kContains, codes::kFinding,
                    finding.mass_with_calcifications ? codes::kMassWithCalcifications
                                                     : codes::kCalcificationOfBreast);
  if (finding.laterality != Laterality::Unknown) {
    content.code(kConceptMod, codes::kLaterality, code_of(finding.laterality));
  }
  content.open_code(kProperties, codes::kAssessmentCategory, code_of(decision.final_category));
  if (!finding.prior_results.empty()) {
    content.container(kProperties, codes::kPathologyResults);
    for (PriorResult result : finding.prior_results) {
      content.code(kContains, codes::kProcedureResult, code_of(result));
    }
    content.close();
  }
  content.close();
  if (decision.recommendation.follow_up) {
    content.open_code(kProperties, codes::kRecommendedFollowUp, *decision.recommendation.follow_up);
    write_biopsy(content, decision.recommendation);
    content.close();
  }
  const Location& location = finding.location;
  if (location.clock_hour) {
    content.code(kProperties, codes::kClockfaceOrRegion, clock_code(*location.clock_hour));
  } else if (location.region) {
    content.code(kProperties, codes::kClockfaceOrRegion, code_of(*location.region));
  }
  if (location.quadrant) {
    content.code(kProperties, codes::kQuadrantLocation, code_of(*location.quadrant));
  }
  if (location.from_nipple_mm) {
    content.num(kProperties, codes::kDistanceFromNipple, *location.from_nipple_mm, kMm);
  }
  if (location.from_skin_mm) {
    content.num(kProperties, codes::kDistanceFromSkin, *location.from_skin_mm, kMm);
  }
  if (location.from_chest_wall_mm) {
    content.num(kProperties, codes::kDistanceFromChestWall, *location.from_chest_wall_mm, kMm);
  }
  if (location.depth) content.code(kProperties, codes::kDepth, code_of(*location.depth));
  // An uncertain text mention ("possible punctate calcifications") is no coded statement of its
  // descriptors: coded, they would read back as affirmed and could classify benign (C14). The
  // category it was given and the quoted sentence in the narrative carry it.
  if (finding.origin == Origin::Narrative && finding.text_status == MentionStatus::Uncertain) {
    content.close();
    return;
  }
  for (const auto& morphology : finding.morphology) {
    if (morphology.term == Morphology::Unrecognised) {
      content.code(kProperties, codes::kCalcificationType, morphology.code);
    } else {
      content.code(kProperties, codes::kCalcificationType, code_of(morphology.term));
    }
  }
  if (finding.distribution) {
    if (finding.distribution->term == Distribution::Unrecognised) {
      content.code(kProperties, codes::kCalcificationDistribution, finding.distribution->code);
    } else {
      content.code(kProperties, codes::kCalcificationDistribution,
                   code_of(finding.distribution->term));
    }
  }
  if (finding.count) {
    content.num(kProperties, codes::kNumberOfCalcifications, *finding.count, kCalcificationsUnit);
  }
  if (finding.change != Change::Unknown) {
    content.code(kProperties, codes::kChangeSinceLastMammogram, code_of(finding.change));
  }
  if (finding.ultrasound_visible == Presence::Yes) {
    content.code(kProperties, codes::kCorrelationToOtherFindings, codes::kCorrelatesToUltrasound);
  }
  if (finding.stated_site != Site::Unknown) {
    content.code(kProperties, codes::kFindingSite, code_of(finding.stated_site));
  }
  content.close();
}

// For a finding read from report text, the sentences it was read from, quoted.
std::string text_read_words(const Finding& finding) {
  if (finding.origin != Origin::Narrative) return {};
  std::string words = " Read from the report text";
  if (finding.text_status == MentionStatus::Uncertain) words += " (uncertain)";
  words += ":";
  for (const TextSentence& sentence : finding.text_sentences) {
    words += " \"" + sentence.text + "\" (" + std::string(to_string(sentence.section)) + ", item " +
             sentence.span.position + ")";
  }
  return words + ".";
}

// TID 4202: the findings, the recommendation and the rule trace in words, and what the report is.
void write_narrative(ContentBuilder& content, const Report& report, const ReviewExam& words) {
  const auto trace_words = [&](const std::string& whose, const std::vector<ReviewRule>& rules) {
    std::string trace = whose + " rule trace (rule set " + words.ruleset_version + "):";
    for (const ReviewRule& rule : rules) {
      trace += "\n" + rule.id + " [" + rule.stage + "] " + rule.title + " => " + rule.outcome +
               ". Source: " + rule.citation;
    }
    return trace;
  };
  content.container(kContains, kNarrativeSummary).container(kContains, codes::kFindings);
  // Warnings are part of what the reader must see (discordance, conflicts, review).
  const auto warning_words = [](const std::vector<ReviewWarning>& warnings) {
    std::string text;
    for (const ReviewWarning& warning : warnings) {
      text += " Warning " + warning.code + ": " + warning.text + ".";
    }
    return text;
  };
  for (std::size_t i = 0; i < words.findings.size(); ++i) {
    const ReviewFinding& finding = words.findings[i];
    content.text(kContains, codes::kFinding,
                 finding.id + ": " + finding.laterality + " breast, " + location_words(finding) +
                     "; " + site_words(finding) + "; " + features_words(finding) + "; " +
                     assessment_words(words, finding) + "." + warning_words(finding.warnings) +
                     text_read_words(report.input.findings.at(i)));
    content.text(kContains, kRecommendation,
                 finding.id + ": " + recommendation_words(finding) + ".");
    content.text(kContains, kImpression, trace_words(finding.id, finding.trace));
  }
  if (!words.trace.empty()) content.text(kContains, kImpression, trace_words("Exam", words.trace));
  std::string impression =
      words.category.empty()
          ? std::string("No BI-RADS category.")
          : "BI-RADS " + words.category + " " + classification_words(*words.classification) + ".";
  const std::string actions = actions_words(words.actions);
  if (!actions.empty()) impression += " Recommended: " + actions + ".";
  std::string review = exam_review_words(words);  // "needs radiologist review", a sentence here
  if (!review.empty()) {
    review[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(review[0])));
    impression += " " + review + ".";
  }
  impression += warning_words(words.warnings);
  if (!words.statement.empty()) impression += " " + words.statement;
  impression += " Written by mammocalc " + std::string(kToolVersion) + " (rule set " +
                words.ruleset_version + "). " + words.notice;
  content.text(kContains, kImpression, impression);
  content.close().close();
}

void write_content(DSRDocumentTree& tree, const Report& report, const ReviewExam& words) {
  if (tree.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container) == 0) {
    fail("root container");
  }
  check(tree.getCurrentContentItem().setConceptName(coded(codes::kBreastImagingReport), false),
        "root concept");
  check(tree.getCurrentContentItem().setTemplateIdentification("4200", "DCMR"), "template");
  ContentBuilder content(tree);
  content.code(kConceptMod, kLanguage, kEnglish);
  content.code(kObsContext, kObserverType, kDevice);
  content.uid(kObsContext, kDeviceObserverUid, uid_for_name("mammocalc device observer"));
  content.text(kObsContext, kDeviceObserverName, "mammocalc");
  content.code(kContains, kRadiologistReview, report.exam.needs_review ? kReviewNeeded : kNoReview);
  content.code(kContains, kEvidenceRead,
               evidence_incomplete(report) ? kEvidenceIncomplete : kAllEvidenceRead);
  write_narrative(content, report, words);

  content.container(kContains, kSupplementaryData);
  content.open_code(kContains, codes::kProcedureReported, kMammography)
      .code(kConceptMod, codes::kLaterality, kBothBreasts)
      .close();
  const std::vector<Finding>& findings = report.input.findings;
  for (Laterality breast :
       {Laterality::Right, Laterality::Left, Laterality::Both, Laterality::Unknown}) {
    bool opened = false;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      if (findings[i].laterality != breast) continue;
      if (!opened) {
        content.container(kContains, codes::kFindings);
        content.open_code(kContains, codes::kProcedureReported, kMammography);
        if (breast != Laterality::Unknown) {
          content.code(kConceptMod, codes::kLaterality, code_of(breast));
        }
        content.close();
        opened = true;
      }
      write_finding(content, findings[i], report.decisions[i]);
    }
    if (opened) content.close();
  }
  if (report.exam.category) {
    content.container(kContains, codes::kOverallAssessment)
        .code(kContains, codes::kAssessmentCategory, code_of(*report.exam.category))
        .close();
  }
  content.close();
}

void put(DcmItem& item, const DcmTagKey& tag, const std::string& value) {
  check(item.putAndInsertString(tag, value.c_str()), "header attribute");
}

// Contributing Equipment: mammocalc, its version, as processing equipment.
void add_contributing_equipment(DcmDataset& dataset) {
  DcmItem* equipment = nullptr;
  check(dataset.findOrCreateSequenceItem(DCM_ContributingEquipmentSequence, equipment, -2),
        "contributing equipment");
  put(*equipment, DCM_Manufacturer, std::string(kOwnManufacturer));
  put(*equipment, DCM_ManufacturerModelName, std::string(kOwnModelName));
  put(*equipment, DCM_SoftwareVersions,
      std::string(kToolVersion) + " rule set " + std::string(kRuleSetVersion));
  DcmItem* purpose = nullptr;
  check(equipment->findOrCreateSequenceItem(DCM_PurposeOfReferenceCodeSequence, purpose, -2),
        "purpose of reference");
  put(*purpose, DCM_CodeValue, std::string(kProcessingEquipment.value));
  put(*purpose, DCM_CodingSchemeDesignator, std::string(kProcessingEquipment.scheme));
  put(*purpose, DCM_CodeMeaning, std::string(kProcessingEquipment.meaning));
}

// The file's bytes, serialised in memory as saveFile would write them. Not through a file (a
// memfd once): DCMTK does not report a write that fails at its last flush, and a file-size
// limit or a full tmpfs then left a cut-short SR that was filed as whole.
std::string saved_bytes(DcmFileFormat& file) {
  constexpr offile_off_t kChunkBytes = offile_off_t{64} * 1024;
  std::vector<char> chunk(kChunkBytes);
  DcmOutputBufferStream stream(chunk.data(), kChunkBytes);
  DcmWriteCache cache;
  std::string bytes;
  file.transferInit();
  OFCondition written = EC_StreamNotifyClient;
  while (written == EC_StreamNotifyClient) {  // the chunk is full: take it and go on
    written =
        file.write(stream, EXS_LittleEndianExplicit, EET_UndefinedLength, &cache, EGL_recalcGL);
    void* data = nullptr;
    offile_off_t length = 0;
    stream.flushBuffer(data, length);
    bytes.append(static_cast<const char*>(data), static_cast<std::size_t>(length));
  }
  file.transferEnd();
  if (written.bad()) fail(written.text());
  return bytes;
}

std::uint32_t rotate_left(std::uint32_t value, int bits) {
  return (value << bits) | (value >> (32 - bits));
}

}  // namespace

// SHA-1 (FIPS 180-4) of `message`. Written here rather than linked from OpenSSL: libcrypto adds
// about a millisecond to every process start, and the PACS hook starts one per object. It only
// makes identifiers, never protects anything.
std::array<unsigned char, 20> sha1(const std::string& message) {
  std::uint32_t h[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
  std::string padded = message;
  padded += static_cast<char>(0x80);
  while (padded.size() % 64 != 56) padded += '\0';
  const std::uint64_t bits = static_cast<std::uint64_t>(message.size()) * 8;
  for (int shift = 56; shift >= 0; shift -= 8) {
    padded += static_cast<char>((bits >> shift) & 0xFFu);
  }
  for (std::size_t block = 0; block < padded.size(); block += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int k = 0; k < 4; ++k) {
        w[i] = (w[i] << 8) |
               static_cast<unsigned char>(padded[block + static_cast<std::size_t>(4 * i + k)]);
      }
    }
    for (int i = 16; i < 80; ++i)
      w[i] = rotate_left(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f = 0;
      std::uint32_t k = 0;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999u;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1u;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDCu;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6u;
      }
      const std::uint32_t next = rotate_left(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotate_left(b, 30);
      b = a;
      a = next;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<unsigned char, 20> digest{};
  for (int i = 0; i < 20; ++i) {
    digest[i] = static_cast<unsigned char>((h[i / 4] >> (24 - 8 * (i % 4))) & 0xFFu);
  }
  return digest;
}

std::string hex_digest(const std::string& message) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char byte : sha1(message)) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0F];
  }
  return hex;
}

std::string uid_for_name(const std::string& name) {
  // RFC 4122 name-based UUID, version 5, in the OID namespace.
  static constexpr std::array<unsigned char, 16> kOidNamespace{0x6b, 0xa7, 0xb8, 0x12, 0x9d, 0xad,
                                                               0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                               0x4f, 0xd4, 0x30, 0xc8};
  const std::string input = std::string(kOidNamespace.begin(), kOidNamespace.end()) + name;
  const std::array<unsigned char, 20> digest = sha1(input);
  std::array<unsigned char, 16> uuid{};
  std::copy(digest.begin(), digest.begin() + 16, uuid.begin());
  return uuid_uid(uuid, 5);
}

WrittenSr write_report_sr(const Report& report) {
  const SourceInfo& source = report.input.source;
  if (source.sop_instance_uid.empty()) {
    // The runs refuse --dicom-out for annotation-only runs before they get here.
    throw std::invalid_argument("a DICOM SR needs a source SR: an annotation-only report has none");
  }
  // The SR refers to its source by UID: a source whose UIDs are not valid is the input's fault
  // (exit 1, 0xC000 to a sender), not an output that cannot be written.
  for (const std::string* uid : {&source.sop_instance_uid, &source.study_instance_uid,
                                 &source.series_instance_uid, &source.sop_class_uid}) {
    if (!is_uid(*uid, 2)) {
      throw Error(ErrorCode::InvalidSrDocument,
                  source.file + ": no DICOM SR can refer to it: its UIDs are not valid");
    }
  }
  WrittenSr written;

  DSRDocument document(DSRTypes::DT_ComprehensiveSR);
  check(document.setSpecificCharacterSetType(DSRTypes::CS_UTF8), "character set");
  write_content(document.getTree(), report, exam_view_of(report, false));
  const PatientInfo& patient = report.input.patient;
  check(document.setPatientName(patient.name.c_str(), false), "patient name");
  check(document.setPatientID(patient.id.c_str(), false), "patient ID");
  check(document.setPatientBirthDate(patient.birth_date.c_str(), false), "birth date");
  check(document.setPatientSex(patient.sex.c_str(), false), "patient sex");
  check(document.createNewSeriesInStudy(source.study_instance_uid.c_str(), false), "study");
  check(document.setStudyDate(source.study_date.c_str(), false), "study date");
  check(document.setStudyTime(source.study_time.c_str(), false), "study time");
  check(document.setAccessionNumber(source.accession_number.c_str(), false), "accession");
  check(document.setStudyID(source.study_id.c_str(), false), "study ID");
  check(document.setStudyDescription(source.study_description.c_str(), false), "study description");
  check(document.setReferringPhysicianName(source.referring_physician_name.c_str(), false),
        "referring physician");
  check(document.setIssuerOfPatientID(patient.issuer_of_id.c_str(), false), "issuer of patient ID");
  check(document.setSeriesNumber("9901", false), "series number");
  check(document.setInstanceNumber("1", false), "instance number");
  check(document.setSeriesDescription("mammocalc calcification summary (decision support)", false),
        "series description");
  check(document.setManufacturer(std::string(kOwnManufacturer).c_str(), false), "manufacturer");
  // The evidence: the source SR, and the images it lists as its own evidence.
  DSRSOPInstanceReferenceList& evidence = document.getCurrentRequestedProcedureEvidence();
  check(evidence.addItem(source.study_instance_uid.c_str(), source.series_instance_uid.c_str(),
                         source.sop_class_uid.c_str(), source.sop_instance_uid.c_str()),
        "evidence");
  for (const EvidenceReference& image : source.evidence) {
    if (image.sop_instance_uid == source.sop_instance_uid) continue;
    check(evidence.addItem(image.study_instance_uid.c_str(), image.series_instance_uid.c_str(),
                           image.sop_class_uid.c_str(), image.sop_instance_uid.c_str()),
          "evidence");
  }
  if (evidence_incomplete(report)) {
    // PARTIAL is a new document's flag; COMPLETE only where all the evidence was read.
    check(document.setCompletionFlagDescription(kIncompleteDescription), "completion flag");
  } else {
    check(document.completeDocument(), "completion flag");
  }
  DSRCodingSchemeIdentificationList& schemes = document.getCodingSchemeIdentification();
  check(schemes.addItem(std::string(kOwnCodingScheme).c_str()), "coding scheme");
  check(schemes.setCodingSchemeName("mammocalc private codes"), "coding scheme name");
  check(schemes.setCodingSchemeResponsibleOrganization(std::string(kOwnManufacturer).c_str()),
        "coding scheme organization");

  DcmFileFormat file;
  DcmDataset& dataset = *file.getDataset();
  check(document.write(dataset), "document");
  // Deterministic: dates and times are the source's content date and time (no clock is read).
  put(dataset, DCM_ContentDate,
      source.content_date.empty() ? source.study_date : source.content_date);
  put(dataset, DCM_ContentTime, source.content_time);
  put(dataset, DCM_InstanceCreationDate,
      source.content_date.empty() ? source.study_date : source.content_date);
  put(dataset, DCM_InstanceCreationTime, source.content_time);
  put(dataset, DCM_PatientAge, patient.age);
  add_contributing_equipment(dataset);
  // The UIDs derive from the source and from what this SR says: the same source summarised with
  // other annotations or another site profile is a different object and must not take the UID of
  // the first (a PACS would keep one and drop the other), while a re-run gives the same UID.
  // The digest is taken with fixed placeholder UIDs, as DCMTK makes random ones.
  put(dataset, DCM_SOPInstanceUID, "0");
  put(dataset, DCM_SeriesInstanceUID, "0");
  const std::string content_digest = hex_digest(saved_bytes(file));
  const std::string name = "mammocalc:" + source.sop_instance_uid + ":" +
                           std::string(kRuleSetVersion) + ":" + content_digest;
  written.sop_instance_uid = uid_for_name(name + ":instance");
  // One file per source and rule set, whatever the content: a new result replaces the old.
  written.file_stem = result_sr_file_stem(report);
  put(dataset, DCM_SOPInstanceUID, written.sop_instance_uid);
  put(dataset, DCM_SeriesInstanceUID, uid_for_name(name + ":series"));
  written.bytes = saved_bytes(file);
  return written;
}

std::string result_sr_file_stem(const Report& report) {
  return uid_for_name("mammocalc:" + report.input.source.sop_instance_uid + ":" +
                      std::string(kRuleSetVersion) + ":file");
}

namespace {

// The code of a content item's coded attribute (a sequence of one item), "" where it has none.
std::pair<std::string, std::string> code_in(DcmItem& item, const DcmTagKey& sequence) {
  DcmItem* code = nullptr;
  OFString value;
  OFString scheme;
  if (item.findAndGetSequenceItem(sequence, code, 0).good() && code != nullptr) {
    code->findAndGetOFString(DCM_CodeValue, value);
    code->findAndGetOFString(DCM_CodingSchemeDesignator, scheme);
  }
  return {value.c_str(), scheme.c_str()};
}

bool is_code(const std::pair<std::string, std::string>& code, const CodeConst& wanted) {
  return code.first == wanted.value && code.second == wanted.scheme;
}

// The content items of a result SR that an amendment changes.
struct AmendedItems {
  DcmItem* review = nullptr;      // the Radiologist review code item
  DcmItem* impression = nullptr;  // the exam's impression (the last one: it ends the narrative)
};

// Depth first through the content tree, at most as deep as write_report_sr builds it.
void find_amended_items(DcmItem& item, AmendedItems& found, int depth) {
  DcmSequenceOfItems* content = nullptr;
  if (depth > 8 || item.findAndGetSequence(DCM_ContentSequence, content).bad() ||
      content == nullptr) {
    return;
  }
  for_each_item(*content, [&](DcmItem& child, unsigned long) {
    OFString value_type;
    child.findAndGetOFString(DCM_ValueType, value_type);
    const auto concept_name = code_in(child, DCM_ConceptNameCodeSequence);
    if (value_type == "CODE" && is_code(concept_name, kRadiologistReview)) found.review = &child;
    if (value_type == "TEXT" && is_code(concept_name, kImpression)) found.impression = &child;
    find_amended_items(child, found, depth + 1);
  });
}

// Whether the Current Requested Procedure Evidence of `dataset` holds the SOP instance `uid`.
bool names_evidence(DcmItem& dataset, const std::string& uid) {
  const auto items = [](DcmItem& item, const DcmTagKey& tag) {
    std::vector<DcmItem*> found;
    DcmSequenceOfItems* sequence = nullptr;
    if (item.findAndGetSequence(tag, sequence).good() && sequence != nullptr) {
      for_each_item(*sequence, [&](DcmItem& each, unsigned long) { found.push_back(&each); });
    }
    return found;
  };
  for (DcmItem* study : items(dataset, DCM_CurrentRequestedProcedureEvidenceSequence)) {
    for (DcmItem* series : items(*study, DCM_ReferencedSeriesSequence)) {
      for (DcmItem* instance : items(*series, DCM_ReferencedSOPSequence)) {
        OFString referenced;
        instance->findAndGetOFString(DCM_ReferencedSOPInstanceUID, referenced);
        if (!uid.empty() && referenced == uid.c_str()) return true;
      }
    }
  }
  return false;
}

[[noreturn]] void not_a_result_sr(const std::string& why) {
  throw Error(ErrorCode::InvalidSrDocument, "not a result SR of mammocalc (" + why + ")");
}

}  // namespace

std::optional<std::string> result_sr_with_warning(const std::string& sr_bytes,
                                                  const std::string& code, const std::string& text,
                                                  const std::string& source_sop_instance_uid,
                                                  const std::string& said_by) {
  DcmInputBufferStream stream;
  stream.setBuffer(sr_bytes.data(), static_cast<offile_off_t>(sr_bytes.size()));
  stream.setEos();
  DcmFileFormat file;
  file.transferInit();
  const OFCondition read = file.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
  file.transferEnd();
  if (read.bad()) not_a_result_sr(read.text());
  DcmDataset& dataset = *file.getDataset();
  OFString manufacturer;
  OFString sop_instance_uid;
  dataset.findAndGetOFString(DCM_Manufacturer, manufacturer);
  dataset.findAndGetOFString(DCM_SOPInstanceUID, sop_instance_uid);
  if (manufacturer != std::string(kOwnManufacturer).c_str())
    not_a_result_sr("another manufacturer");
  // Of this exam: its evidence names the source SR (hostile review 42, H42-5: another patient's
  // result SR put under the name took this exam's amendment).
  if (!names_evidence(dataset, source_sop_instance_uid)) {
    not_a_result_sr("its evidence is another source SR");
  }
  AmendedItems items;
  find_amended_items(dataset, items, 0);
  OFString impression;
  if (items.review == nullptr || items.impression == nullptr ||
      items.impression->findAndGetOFStringArray(DCM_TextValue, impression).bad()) {
    not_a_result_sr("no radiologist review code or impression");
  }
  const std::string warning = " Warning " + code + ": " + text + ".";
  std::string amended = impression.c_str();
  if (amended.find(warning) != std::string::npos ||
      (!said_by.empty() && amended.find(said_by) != std::string::npos)) {
    return std::nullopt;
  }
  // Before the closing "Written by mammocalc …" sentence, where the writer puts warnings.
  const std::size_t written_by = amended.rfind(" Written by mammocalc ");
  // The sentence once, however many results came (review 43, R43-5).
  constexpr std::string_view kEveryFinding = " Every finding needs radiologist review.";
  const std::string added =
      (amended.find(kEveryFinding) == std::string::npos ? std::string(kEveryFinding) : "") +
      warning;
  amended.insert(written_by == std::string::npos ? amended.size() : written_by, added);
  check(items.impression->putAndInsertString(DCM_TextValue, amended.c_str()), "impression");
  DcmItem* review = nullptr;
  check(items.review->findOrCreateSequenceItem(DCM_ConceptCodeSequence, review, 0), "review code");
  put(*review, DCM_CodeValue, std::string(kReviewNeeded.value));
  put(*review, DCM_CodingSchemeDesignator, std::string(kReviewNeeded.scheme));
  put(*review, DCM_CodeMeaning, std::string(kReviewNeeded.meaning));
  // The new object names the one it supersedes (PS3.3 C.17.2: Predecessor Documents Sequence,
  // Type 1C where a document includes content from another), so a receiver can tell.
  OFString study_uid;
  OFString series_uid;
  OFString sop_class_uid;
  dataset.findAndGetOFString(DCM_StudyInstanceUID, study_uid);
  dataset.findAndGetOFString(DCM_SeriesInstanceUID, series_uid);
  dataset.findAndGetOFString(DCM_SOPClassUID, sop_class_uid);
  DcmItem* predecessor = nullptr;
  DcmItem* series = nullptr;
  DcmItem* instance = nullptr;
  check(dataset.findOrCreateSequenceItem(DCM_PredecessorDocumentsSequence, predecessor, -2),
        "predecessor documents");
  put(*predecessor, DCM_StudyInstanceUID, study_uid.c_str());
  check(predecessor->findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, series, -2),
        "predecessor series");
  put(*series, DCM_SeriesInstanceUID, series_uid.c_str());
  check(series->findOrCreateSequenceItem(DCM_ReferencedSOPSequence, instance, -2),
        "predecessor instance");
  put(*instance, DCM_ReferencedSOPClassUID, sop_class_uid.c_str());
  put(*instance, DCM_ReferencedSOPInstanceUID, sop_instance_uid.c_str());
  const std::string uid =
      uid_for_name(std::string(sop_instance_uid.c_str()) + ":amended:" + hex_digest(amended));
  put(dataset, DCM_SOPInstanceUID, uid);
  DcmMetaInfo& meta = *file.getMetaInfo();
  check(meta.putAndInsertString(DCM_MediaStorageSOPInstanceUID, uid.c_str()), "meta header");
  return saved_bytes(file);
}

}  // namespace mammocalc
