#include "findings/value_sets.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

// Sources the tables below were verified against (domain.md §0 names them):
//   PYD     pydicom/pydicom src/pydicom/sr/_cid_dict.py, _concepts_dict.py, _snomed_dict.py at
//           commit fb1f24e4f0418008757766d8e79ec92dc2ab9855 (2026-06-13; DICOM 2024c concepts).
//   PYD2020 the same files at pydicom commit eff6896e9f (2020-01-12): the SCT codes an older
//           edition of PS3.16 used before SNOMED CT retired them ("former SCT code" rows).
//   FHIR-D  bvdh/dicom-terminology-in-fhir input/fsh/ValueSet-dicom-cid-NNNN-*.fsh at commit
//           9f098270ff7180e43a8df1a2eef0130b72231d5b (2026-06-24): identical code sets to PYD for
//           every CID here except CID 6031/6033 version 20250401, whose three newer codes are
//           marked "FHIR-D only"; the UIDs and versions below are from it.
// Legacy SRT forms are PYD's _snomed_dict.py mapping of each SCT code.

// One member of a value set: its code, its legacy SRT code value (empty when it has none) and the
// term it maps to.
template <typename Term>
struct Member {
  CodeConst code;
  std::string_view legacy_srt;
  Term term;
};

bool matches(const Code& code, const CodeConst& standard, std::string_view legacy_srt) {
  if (same_concept(code, standard)) return true;
  return !legacy_srt.empty() && (code.scheme == "SRT" || code.scheme == "SNM3") &&
         code.value == legacy_srt;
}

template <typename Term, std::size_t N>
std::optional<Term> lookup(const std::array<Member<Term>, N>& table, const Code& code) {
  const auto found = std::find_if(table.begin(), table.end(), [&](const Member<Term>& member) {
    return matches(code, member.code, member.legacy_srt);
  });
  if (found == table.end()) return std::nullopt;
  return found->term;
}

// CID 6054 Breast Imaging Finding (UID 1.2.840.10008.6.1.383, version 20050110), which includes
// CID 6014 Mammography Single Image Finding (1.2.840.10008.6.1.344), CID 6016 Mammography
// Composite Feature (1.2.840.10008.6.1.346), CID 6057 Ductography Finding for Breast
// (1.2.840.10008.6.1.386) and CID 6064 Ultrasound Finding for Breast (1.2.840.10008.6.1.393):
// all 47 codes, PYD = FHIR-D. Added as calcification finding codes a report may use in the
// Finding item (domain.md §3.6, issue 14 class 3): (129748009, SCT) from CID 6055
// (1.2.840.10008.6.1.384), (44771000, SCT) and (111345, DCM) from CID 6010 (1.2.840.10008.6.1.340).
constexpr std::array<Member<FindingKind>, 50> kFindingKind{{
    // Calcification findings.
    {{"129769006", "SCT", "Calcification Cluster"}, "F-01775", FindingKind::Calcification},
    {{"129770007", "SCT", "Individual Calcification"}, "F-01776", FindingKind::Calcification},
    {{"309587003", "SCT", "Calcification of breast"}, "F-8A057", FindingKind::Calcification},
    {{"129748009", "SCT", "Radiographic calcification finding"},
     "F-01760",
     FindingKind::Calcification},
    {{"44771000", "SCT", "Microcalcifications of the breast"},
     "D7-90435",
     FindingKind::Calcification},
    {{"111345", "DCM", "Macrocalcifications"}, "", FindingKind::Calcification},
    // Masses.
    {{"111459", "DCM", "Mass with calcifications"}, "", FindingKind::MassWithCalcifications},
    {{"129788004", "SCT", "Mammographic breast mass"}, "F-01791", FindingKind::Mass},
    // Every other member of CID 6054.
    {{"111099", "DCM", "Selected region"}, "", FindingKind::NotCalcification},
    {{"111100", "DCM", "Breast geometry"}, "", FindingKind::NotCalcification},
    {{"111101", "DCM", "Image Quality"}, "", FindingKind::NotCalcification},
    {{"111102", "DCM", "Non-lesion"}, "", FindingKind::NotCalcification},
    {{"111111", "DCM", "Cooper's ligament changes"}, "", FindingKind::NotCalcification},
    {{"111112", "DCM", "Mass in the skin"}, "", FindingKind::NotCalcification},
    {{"111113", "DCM", "Mass on the skin"}, "", FindingKind::NotCalcification},
    {{"111129", "DCM", "Clustered microcysts"}, "", FindingKind::NotCalcification},
    {{"111130", "DCM", "Complicated cyst"}, "", FindingKind::NotCalcification},
    {{"111287", "DCM", "Normal breast tissue"}, "", FindingKind::NotCalcification},
    {{"111425", "DCM", "Intraluminal filling defect"}, "", FindingKind::NotCalcification},
    {{"111426", "DCM", "Multiple filling defect"}, "", FindingKind::NotCalcification},
    {{"111427", "DCM", "Abrupt duct termination"}, "", FindingKind::NotCalcification},
    {{"111428", "DCM", "Extravasation"}, "", FindingKind::NotCalcification},
    {{"111429", "DCM", "Duct narrowing"}, "", FindingKind::NotCalcification},
    {{"111430", "DCM", "Cyst fill"}, "", FindingKind::NotCalcification},
    {{"111460", "DCM", "Complex cyst"}, "", FindingKind::NotCalcification},
    {{"111461", "DCM", "Intracystic lesion"}, "", FindingKind::NotCalcification},
    {{"111462", "DCM", "Solid mass"}, "", FindingKind::NotCalcification},
    {{"19227008", "SCT", "Foreign body"}, "M-30400", FindingKind::NotCalcification},
    {{"22049009", "SCT", "Mammary duct ectasia"}, "D7-90370", FindingKind::NotCalcification},
    {{"24142002", "SCT", "Nipple"}, "T-04100", FindingKind::NotCalcification},
    {{"40388003", "SCT", "Implant"}, "A-04010", FindingKind::NotCalcification},
    {{"59441001", "SCT", "Lymph Node"}, "T-C4000", FindingKind::NotCalcification},
    {{"68171009", "SCT", "Axillary lymph node"}, "T-C4710", FindingKind::NotCalcification},
    {{"76649007", "SCT", "Sebaceous cyst of skin of breast"},
     "D7-90382",
     FindingKind::NotCalcification},
    {{"79654002", "SCT", "Edema"}, "M-36300", FindingKind::NotCalcification},
    {{"95324001", "SCT", "Skin lesion"}, "D0-00050", FindingKind::NotCalcification},
    {{"127189005", "SCT", "Axillary adenopathy"}, "DC-721C4", FindingKind::NotCalcification},
    {{"129715009", "SCT", "Breast composition"}, "F-01710", FindingKind::NotCalcification},
    {{"129789007", "SCT", "Focal asymmetric breast tissue"}, "F-01792", FindingKind::Asymmetry},
    {{"129790003", "SCT", "Asymmetric breast tissue"}, "F-01793", FindingKind::Asymmetry},
    {{"129792006", "SCT", "Architectural distortion of breast"},
     "F-01795",
     FindingKind::ArchitecturalDistortion},
    {{"129793001", "SCT", "Mammography breast density"}, "F-01796", FindingKind::NotCalcification},
    {{"129794007", "SCT", "Tubular density"}, "F-01797", FindingKind::NotCalcification},
    {{"129795008", "SCT", "Trabecular thickening of breast"},
     "F-01798",
     FindingKind::NotCalcification},
    {{"129796009", "SCT", "Skin retraction of breast"}, "F-01799", FindingKind::NotCalcification},
    {{"129797000", "SCT", "Skin thickening of breast"}, "F-0179A", FindingKind::NotCalcification},
    {{"169254007", "SCT", "Ultrasound scan normal"}, "F-01BF8", FindingKind::NotCalcification},
    {{"290084006", "SCT", "Breast normal"}, "F-8A084", FindingKind::NotCalcification},
    {{"399294002", "SCT", "Cyst of breast"}, "D7-90035", FindingKind::NotCalcification},
    {{"443808008", "SCT", "Intramammary lymph node"}, "T-C430B", FindingKind::NotCalcification},
}};

// CID 6028 Mammography Recommended Follow-up (UID 1.2.840.10008.6.1.358, version 20020904), which
// includes CID 6029 Recommended Follow-up from BI-RADS (1.2.840.10008.6.1.359, version 20160314):
// all 23 codes, PYD = FHIR-D (domain.md §3.4).
constexpr std::array<Member<FollowUpKind>, 23> kFollowUp{{
    {{"111121", "DCM", "Follow-up post biopsy as directed by clinician"},
     "",
     FollowUpKind::PostBiopsyAsDirected},
    {{"111122", "DCM", "Known biopsy proven malignancy - take appropriate action"},
     "",
     FollowUpKind::KnownMalignancy},
    {{"111135", "DCM", "Additional projections"}, "", FollowUpKind::AdditionalImaging},
    {{"111136", "DCM", "Spot magnification view(s)"}, "", FollowUpKind::AdditionalImaging},
    {{"111138", "DCM", "Old films for comparison"}, "", FollowUpKind::PriorImagesForComparison},
    {{"111140", "DCM", "Normal interval follow-up"}, "", FollowUpKind::NormalInterval},
    {{"111141", "DCM", "Any decision to biopsy should be based on clinical assessment"},
     "",
     FollowUpKind::ClinicalAssessment},
    {{"111142", "DCM", "Follow-up at short interval (1-11 months)"},
     "",
     FollowUpKind::ShortInterval},
    {{"111143", "DCM", "Biopsy should be considered"}, "", FollowUpKind::BiopsyConsidered},
    {{"111144", "DCM", "Needle localization and biopsy"},
     "",
     FollowUpKind::NeedleLocalizationBiopsy},
    {{"111145", "DCM", "Histology using core biopsy"}, "", FollowUpKind::CoreBiopsy},
    {{"111146", "DCM", "Suggestive of malignancy - take appropriate action"},
     "",
     FollowUpKind::SuggestiveOfMalignancy},
    {{"111147", "DCM", "Cytologic analysis"}, "", FollowUpKind::Cytology},
    {{"111148", "DCM", "Biopsy should be strongly considered"},
     "",
     FollowUpKind::BiopsyStronglyConsidered},
    {{"111149", "DCM", "Highly suggestive of malignancy - take appropriate action"},
     "",
     FollowUpKind::HighlySuggestiveOfMalignancy},
    {{"111410", "DCM", "Surgical consult"}, "", FollowUpKind::SurgicalConsult},
    {{"16310003", "SCT", "Diagnostic ultrasonography"},
     "P5-B0000",
     FollowUpKind::AdditionalImaging},
    {{"18102001", "SCT", "Mammary ductogram"}, "P5-40060", FollowUpKind::AdditionalImaging},
    {{"241615005", "SCT", "MRI of breast"}, "P5-0900D", FollowUpKind::AdditionalImaging},
    {{"371572003", "SCT", "Nuclear medicine procedure"},
     "P0-006F1",
     FollowUpKind::AdditionalImaging},
    {{"386053000", "SCT", "Evaluation procedure"}, "P0-009B4", FollowUpKind::AdditionalImaging},
    {{"399055006", "SCT", "Spot Compression"}, "R-102D7", FollowUpKind::AdditionalImaging},
    {{"399163009", "SCT", "Magnification views"}, "R-102D6", FollowUpKind::AdditionalImaging},
}};

// Radial scar and the papillomas are CID 6031 (benign) codes, but they are managed as high-risk
// lesions: decision-logic.md B1 names papilloma and radial scar among the prior results that
// ask for excision, domain.md §3.5 radial scar, and CID 6032 has the peripheral duct papillomas
// itself (111299). Read as benign, a papilloma on calcifications passed as a benign concordant
// result, while 111299 asked for review (hostile review 33, H33-4). Checked before CID 6031.
constexpr std::array<Member<PriorResult>, 8> kManagedAsHighRisk{{
    {{"133855003", "SCT", "Radial scar"}, "M-78731", PriorResult::HighRisk},
    {{"5244003", "SCT", "Intraductal papilloma"}, "M-85030", PriorResult::HighRisk},
    {{"47488001", "SCT", "Intracystic papilloma"}, "M-85040", PriorResult::HighRisk},
    {{"711329002", "SCT", "Papilloma"}, "DF-11510", PriorResult::HighRisk},
    {{"23730008", "SCT", "Papilloma"}, "M-80500", PriorResult::HighRisk},
    {{"111277", "DCM", "Juvenile papillomatosis"}, "", PriorResult::HighRisk},
    {{"111281", "DCM", "Large duct papilloma"}, "", PriorResult::HighRisk},
    {{"111285", "DCM", "Multiple Intraductal Papillomas"}, "", PriorResult::HighRisk},
}};

// CID 6032 High Risk Lesion Pathology Code from BI-RADS (UID 1.2.840.10008.6.1.362, version
// 20020904): all 5 codes, PYD = FHIR-D.
constexpr std::array<Member<PriorResult>, 5> kHighRiskPathology{{
    {{"111299", "DCM", "Peripheral duct papillomas"}, "", PriorResult::HighRisk},
    {{"6660000", "SCT", "Atypical intraductal hyperplasia"}, "M-72175", PriorResult::HighRisk},
    {{"33889003", "SCT", "Atypical lobular hyperplasia"}, "M-72105", PriorResult::HighRisk},
    {{"71232009", "SCT", "Phyllodes tumor"}, "M-90201", PriorResult::HighRisk},
    {{"109888004", "SCT", "Lobular carcinoma in situ of breast"},
     "D7-F0A02",
     PriorResult::HighRisk},
}};

// CID 6033 Malignant Pathology Code from BI-RADS (UID 1.2.840.10008.6.1.363, version 20250401):
// the 67 codes of PYD, the one FHIR-D only code, and the former SCT codes of PYD2020.
constexpr std::array<Member<PriorResult>, 78> kMalignantPathology{{
    {{"111300", "DCM", "Axillary node with lymphoma"}, "", PriorResult::Malignant},
    {{"111301", "DCM", "Axillary nodal metastases"}, "", PriorResult::Malignant},
    {{"111303", "DCM", "Blood vessel (vascular) invasion"}, "", PriorResult::Malignant},
    {{"111304", "DCM", "Carcinoma in children"}, "", PriorResult::Malignant},
    {{"111305", "DCM", "Carcinoma in ectopic breast"}, "", PriorResult::Malignant},
    {{"111306", "DCM", "Carcinoma with endocrine differentiation"}, "", PriorResult::Malignant},
    {{"111307", "DCM", "Basal cell carcinoma of nipple"}, "", PriorResult::Malignant},
    {{"111309", "DCM", "Cartilaginous and osseous change"}, "", PriorResult::Malignant},
    {{"111310", "DCM", "Carcinoma in pregnancy and lactation"}, "", PriorResult::Malignant},
    {{"111312", "DCM", "Intraductal comedocarcinoma with necrosis"}, "", PriorResult::Malignant},
    {{"111313", "DCM", "Intraductal carcinoma, low grade"}, "", PriorResult::Malignant},
    {{"111315", "DCM", "Intracystic papillary carcinoma"}, "", PriorResult::Malignant},
    {{"111316", "DCM", "Invasive and in-situ carcinoma"}, "", PriorResult::Malignant},
    {{"111318", "DCM", "Leukemic infiltration"}, "", PriorResult::Malignant},
    {{"111320", "DCM", "Lympathic vessel invasion"}, "", PriorResult::Malignant},
    {{"111322", "DCM", "Occult carcinoma presenting with axillary lymph node metastases"},
     "",
     PriorResult::Malignant},
    {{"111323", "DCM", "Metastatic cancer to the breast"}, "", PriorResult::Malignant},
    {{"111324", "DCM", "Metastatic cancer to the breast from the colon"},
     "",
     PriorResult::Malignant},
    {{"111325", "DCM", "Metastatic cancer to the breast from the lung"},
     "",
     PriorResult::Malignant},
    {{"111326", "DCM", "Metastatic melanoma to the breast"}, "", PriorResult::Malignant},
    {{"111327", "DCM", "Metastatic cancer to the breast from the ovary"},
     "",
     PriorResult::Malignant},
    {{"111328", "DCM", "Metastatic sarcoma to the breast"}, "", PriorResult::Malignant},
    {{"111329", "DCM", "Multifocal intraductal carcinoma"}, "", PriorResult::Malignant},
    {{"111330", "DCM", "Metastatic disease to axillary node"}, "", PriorResult::Malignant},
    {{"111332", "DCM", "Multifocal invasive ductal carcinoma"}, "", PriorResult::Malignant},
    {{"111333", "DCM", "Metastasis to an intramammary lymph node"}, "", PriorResult::Malignant},
    {{"111334", "DCM", "Malignant melanoma of nipple"}, "", PriorResult::Malignant},
    {{"111338", "DCM", "Recurrent malignancy"}, "", PriorResult::Malignant},
    {{"111340", "DCM", "Squamous cell carcinoma of the nipple"}, "", PriorResult::Malignant},
    {{"111341", "DCM", "Intraductal carcinoma, high grade"}, "", PriorResult::Malignant},
    {{"2985005", "SCT", "Paget's disease, mammary (of the nipple)"},
     "M-85403",
     PriorResult::Malignant},
    {{"3839000", "SCT", "Lipid-rich (lipid-secreting) carcinoma"},
     "M-83143",
     PriorResult::Malignant},
    {{"4631006", "SCT", "Tubular adenocarcinoma"}, "M-82113", PriorResult::Malignant},
    {{"10376009", "SCT", "Papillary carcinoma in-situ"}, "M-80502", PriorResult::Malignant},
    {{"11671000", "SCT", "Adenoid cystic carcinoma"}, "M-82003", PriorResult::Malignant},
    {{"22694002", "SCT", "Carcinoma with metaplasia"}, "M-85733", PriorResult::Malignant},
    {{"25910003", "SCT", "Papillary carcinoma (invasive)"}, "M-80503", PriorResult::Malignant},
    {{"30156004", "SCT", "Invasive cribriform carcinoma"}, "M-82013", PriorResult::Malignant},
    {{"32913002", "SCT", "Medullary carcinoma"}, "M-85103", PriorResult::Malignant},
    {{"32968003", "SCT", "Inflammatory carcinoma"}, "M-85303", PriorResult::Malignant},
    {{"34360000", "SCT", "Malignant fibrous histiocytoma"}, "M-88303", PriorResult::Malignant},
    {{"39000009", "SCT", "Angiosarcoma"}, "M-91203", PriorResult::Malignant},
    {{"41919003", "SCT", "Secretory (juvenile) carcinoma of the breast"},
     "M-85023",
     PriorResult::Malignant},
    {{"53654007", "SCT", "Fibrosarcoma"}, "M-88103", PriorResult::Malignant},
    {{"57141000", "SCT", "Apocrine adenocarcinoma"}, "M-84013", PriorResult::Malignant},
    {{"63264007", "SCT", "Carcinosarcoma"}, "M-89803", PriorResult::Malignant},
    {{"72495009", "SCT", "Mucinous adenocarcinoma (Colloid carcinoma)"},
     "M-84803",
     PriorResult::Malignant},
    {{"74280008", "SCT", "Glycogen-rich carcinoma"}, "M-83153", PriorResult::Malignant},
    {{"78197004", "SCT", "Comedocarcinoma (intraductal)"}, "M-85012", PriorResult::Malignant},
    {{"82711006", "SCT", "Infiltrating duct carcinoma"}, "M-85003", PriorResult::Malignant},
    {{"87737001", "SCT", "Signet ring cell carcinoma"}, "M-84903", PriorResult::Malignant},
    {{"87913009", "SCT", "Phyllodes tumor, malignant"}, "M-90203", PriorResult::Malignant},
    {{"89740008", "SCT", "Invasive lobular carcinoma"}, "M-85203", PriorResult::Malignant},
    {{"92652009", "SCT", "Carcinoma in situ of male breast"}, "D7-F0902", PriorResult::Malignant},
    {{"110451006", "SCT", "Spindle cell nodule (tumor)"}, "M-78190", PriorResult::Malignant},
    {{"126510002", "SCT", "Neoplasm of the mammary skin"}, "D0-F035F", PriorResult::Malignant},
    {{"128696009", "SCT", "Intraductal carcinoma micro-papillary"},
     "M-85072",
     PriorResult::Malignant},
    {{"128736003", "SCT", "Hemangiopericytoma"}, "M-88150", PriorResult::Malignant},
    {{"1162767002", "SCT", "Squamous cell carcinoma"}, "", PriorResult::Malignant},
    {{"1162815008", "SCT", "Liposarcoma"}, "", PriorResult::Malignant},
    {{"1163005009", "SCT", "Hodgkin's lymphoma"}, "", PriorResult::Malignant},
    {{"1163016002", "SCT", "Chondrosarcoma"}, "", PriorResult::Malignant},
    {{"1163022006", "SCT", "Leiomyosarcoma"}, "", PriorResult::Malignant},
    {{"1163043007", "SCT", "Lymphoma"}, "", PriorResult::Malignant},
    {{"1163405004", "SCT", "Osteosarcoma"}, "", PriorResult::Malignant},
    {{"1172592001", "SCT", "Non-Hodgkin's lymphoma"}, "", PriorResult::Malignant},
    {{"1187107005", "SCT", "Plasmacytoma"}, "", PriorResult::Malignant},
    // FHIR-D only (CID 6033 version 20250401).
    {{"189336000", "SCT", "Carcinoma in situ of breast"}, "", PriorResult::Malignant},
    // Former SCT codes (PYD2020).
    {{"1929004", "SCT", "Non-Hodgkin's lymphoma"}, "M-95913", PriorResult::Malignant},
    {{"10639003", "SCT", "Plasmacytoma"}, "M-97313", PriorResult::Malignant},
    {{"14537002", "SCT", "Hodgkin's disease (lymphoma)"}, "M-96503", PriorResult::Malignant},
    {{"14990007", "SCT", "Chondrosarcoma"}, "M-92203", PriorResult::Malignant},
    {{"21708004", "SCT", "Osteogenic sarcoma"}, "M-91803", PriorResult::Malignant},
    {{"21964009", "SCT", "Lymphoma"}, "M-95903", PriorResult::Malignant},
    {{"28899001", "SCT", "Squamous cell carcinoma"}, "M-80703", PriorResult::Malignant},
    {{"36060005", "SCT", "Hemangiopericytoma"}, "M-91501", PriorResult::Malignant},
    {{"49430005", "SCT", "Liposarcoma"}, "M-88503", PriorResult::Malignant},
    {{"51549004", "SCT", "Leiomyosarcoma"}, "M-88903", PriorResult::Malignant},
}};

// CID 6159 Malignancy Type (UID 1.2.840.10008.6.1.473, version 20050822): all 3 codes, PYD =
// FHIR-D, and the former SCT code of PYD2020.
constexpr std::array<Member<PriorResult>, 4> kMalignancyType{{
    {{"111389", "DCM", "Invasive breast carcinoma"}, "", PriorResult::Malignant},
    {{"111390", "DCM", "Other malignancy type"}, "", PriorResult::Malignant},
    {{"1162814007", "SCT", "Non-infiltrating intraductal carcinoma"}, "", PriorResult::Malignant},
    // Former SCT code (PYD2020).
    {{"86616005", "SCT", "Intraductal carcinoma, non-infiltrating"},
     "M-85002",
     PriorResult::Malignant},
}};

// CID 6031 Benign Pathology Code from BI-RADS (UID 1.2.840.10008.6.1.361, version 20250401): the
// 78 codes of PYD, the two FHIR-D only codes, and the former SCT codes of PYD2020. CID 6030
// Mammography Pathology Code (1.2.840.10008.6.1.360) is exactly CID 6031 ∪ 6032 ∪ 6033 (150
// codes in PYD).
constexpr std::array<Member<PriorResult>, 89> kBenignPathology{{
    {{"111251", "DCM", "Normal axillary node"}, "", PriorResult::Benign},
    {{"111252", "DCM", "Axillary node with calcifications"}, "", PriorResult::Benign},
    {{"111253", "DCM", "Axillary node hyperplasia"}, "", PriorResult::Benign},
    {{"111255", "DCM", "Benign cyst with blood"}, "", PriorResult::Benign},
    {{"111256", "DCM", "Benign Calcifications"}, "", PriorResult::Benign},
    {{"111258", "DCM", "Ductal adenoma"}, "", PriorResult::Benign},
    {{"111259", "DCM", "Diabetic fibrous mastopathy"}, "", PriorResult::Benign},
    {{"111263", "DCM", "Fibroadenomatoid hyperplasia"}, "", PriorResult::Benign},
    {{"111264", "DCM", "Fibroadenolipoma"}, "", PriorResult::Benign},
    {{"111277", "DCM", "Juvenile papillomatosis"}, "", PriorResult::Benign},
    {{"111279", "DCM", "Lactational change"}, "", PriorResult::Benign},
    {{"111281", "DCM", "Large duct papilloma"}, "", PriorResult::Benign},
    {{"111284", "DCM", "Microglandular adenosis"}, "", PriorResult::Benign},
    {{"111285", "DCM", "Multiple Intraductal Papillomas"}, "", PriorResult::Benign},
    {{"111286", "DCM", "No abnormality"}, "", PriorResult::Benign},
    {{"111287", "DCM", "Normal breast tissue"}, "", PriorResult::Benign},
    {{"111290", "DCM", "Oil cyst (fat necrosis cyst)"}, "", PriorResult::Benign},
    {{"111291", "DCM", "Post reduction mammoplasty"}, "", PriorResult::Benign},
    {{"111292", "DCM", "Pseudoangiomatous stromal hyperplasia"}, "", PriorResult::Benign},
    {{"111296", "DCM", "Silicone granuloma"}, "", PriorResult::Benign},
    {{"111298", "DCM", "Virginal hyperplasia"}, "", PriorResult::Benign},
    {{"1896004", "SCT", "Ectopic (accessory) breast tissue"}, "D4-48014", PriorResult::Benign},
    {{"4754008", "SCT", "Gynecomastia"}, "D7-90420", PriorResult::Benign},
    {{"5244003", "SCT", "Intraductal papilloma"}, "M-85030", PriorResult::Benign},
    {{"6703006", "SCT", "Breast lobular hyperplasia"}, "D7-90428", PriorResult::Benign},
    {{"8360001", "SCT", "Pleomorphic adenoma"}, "M-89400", PriorResult::Benign},
    {{"12169001", "SCT", "Granular cell tumor"}, "M-95800", PriorResult::Benign},
    {{"12402003", "SCT", "Scar tissue"}, "M-78060", PriorResult::Benign},
    {{"14350002", "SCT", "Angiomatosis"}, "M-76100", PriorResult::Benign},
    {{"19928005", "SCT", "Fibromatosis"}, "M-78800", PriorResult::Benign},
    {{"21381006", "SCT", "Fat necrosis of breast"}, "D7-90434", PriorResult::Benign},
    {{"22024005", "SCT", "Adenolipoma"}, "M-83240", PriorResult::Benign},
    {{"22049009", "SCT", "Mammary duct ectasia"}, "D7-90370", PriorResult::Benign},
    {{"27431007", "SCT", "Fibrocystic disease of breast"}, "D7-90310", PriorResult::Benign},
    {{"31186001", "SCT", "Chondroma"}, "M-92200", PriorResult::Benign},
    {{"34882000", "SCT", "Giant fibroadenoma"}, "M-90160", PriorResult::Benign},
    {{"35566002", "SCT", "Hematoma"}, "M-35060", PriorResult::Benign},
    {{"37058002", "SCT", "Foreign body (reaction)"}, "M-44140", PriorResult::Benign},
    {{"37279009", "SCT", "Amyloid (tumor)"}, "M-55160", PriorResult::Benign},
    {{"42385006", "SCT", "Galactocele"}, "D7-90364", PriorResult::Benign},
    {{"44132006", "SCT", "Abscess"}, "M-41610", PriorResult::Benign},
    {{"45559001", "SCT", "Focal fibrosis"}, "M-78266", PriorResult::Benign},
    {{"46212000", "SCT", "Juvenile fibroadenoma"}, "M-90300", PriorResult::Benign},
    {{"47284001", "SCT", "Extra abdominal desmoid"}, "M-88211", PriorResult::Benign},
    {{"47488001", "SCT", "Intracystic papilloma"}, "M-85040", PriorResult::Benign},
    {{"50916005", "SCT", "Sclerosing adenosis"}, "M-74220", PriorResult::Benign},
    {{"51398009", "SCT", "Hamartoma"}, "M-75500", PriorResult::Benign},
    {{"56021002", "SCT", "Seroma"}, "M-36050", PriorResult::Benign},
    {{"56468002", "SCT", "Hemangioma - venous"}, "M-91220", PriorResult::Benign},
    {{"57597008", "SCT", "Adenosis"}, "M-74200", PriorResult::Benign},
    {{"59441001", "SCT", "Lymph Node"}, "T-C4000", PriorResult::Benign},
    {{"67617000", "SCT", "Ductal hyperplasia, Usual"}, "M-72170", PriorResult::Benign},
    {{"69954004", "SCT", "Thrombophlebitis of breast (Mondor's disease)"},
     "D3-87780",
     PriorResult::Benign},
    {{"73219006", "SCT", "Angiolipoma"}, "M-88610", PriorResult::Benign},
    {{"76197007", "SCT", "Hyperplasia, usual"}, "M-72000", PriorResult::Benign},
    {{"77296004", "SCT", "Infarction of breast"}, "D7-90452", PriorResult::Benign},
    {{"79654002", "SCT", "Edema"}, "M-36300", PriorResult::Benign},
    {{"81274009", "SCT", "Apocrine Metaplasia"}, "M-73310", PriorResult::Benign},
    {{"81669005", "SCT", "Neurofibromatosis"}, "M-95401", PriorResult::Benign},
    {{"92248004", "SCT", "Benign neoplasm of nipple of female breast (Nipple adenoma)"},
     "D7-F0810",
     PriorResult::Benign},
    {{"93473009", "SCT", "Hemangioma of subcutaneous tissue"}, "D3-F0620", PriorResult::Benign},
    {{"128651002", "SCT", "Lactating adenoma"}, "M-82040", PriorResult::Benign},
    {{"128738002", "SCT", "Myofibroblastoma"}, "M-88250", PriorResult::Benign},
    {{"128765009", "SCT", "Adenomyoepithelioma"}, "M-89830", PriorResult::Benign},
    {{"130963002", "SCT", "Asynchronous involution of breast"}, "F-8A063", PriorResult::Benign},
    {{"133855003", "SCT", "Radial scar"}, "M-78731", PriorResult::Benign},
    {{"134328007", "SCT", "Lipoma"}, "R-000F0", PriorResult::Benign},
    {{"254845004", "SCT", "Fibroadenoma"}, "D7-F0815", PriorResult::Benign},
    {{"399294002", "SCT", "Cyst of breast"}, "D7-90035", PriorResult::Benign},
    {{"400210000", "SCT", "Hemangioma"}, "DF-003E5", PriorResult::Benign},
    {{"404029005", "SCT", "Neurofibroma"}, "DF-006C1", PriorResult::Benign},
    {{"409774005", "SCT", "Inflammation"}, "M-0100C", PriorResult::Benign},
    {{"419670003", "SCT", "Epidermal inclusion cyst"}, "M-33415", PriorResult::Benign},
    {{"443808008", "SCT", "Intramammary lymph node"}, "T-C430B", PriorResult::Benign},
    {{"444408007", "SCT", "Tubular adenoma"}, "DF-00BB4", PriorResult::Benign},
    {{"711329002", "SCT", "Papilloma"}, "DF-11510", PriorResult::Benign},
    {{"1162890002", "SCT", "Leiomyoma"}, "", PriorResult::Benign},
    {{"1187375007", "SCT", "Adenoma"}, "", PriorResult::Benign},
    // FHIR-D only (CID 6031 version 20250401).
    {{"404035005", "SCT", "Granular cell tumor"}, "", PriorResult::Benign},
    {{"1306316005", "SCT", "Benign neoplasm of nipple"}, "", PriorResult::Benign},
    // Former SCT codes (PYD2020).
    {{"2099007", "SCT", "Hemangioma"}, "M-91200", PriorResult::Benign},
    {{"19665009", "SCT", "Tubular adenoma"}, "M-82110", PriorResult::Benign},
    {{"23583003", "SCT", "Inflammation"}, "M-40000", PriorResult::Benign},
    {{"23730008", "SCT", "Papilloma"}, "M-80500", PriorResult::Benign},
    {{"32048006", "SCT", "Adenoma"}, "M-81400", PriorResult::Benign},
    {{"44598004", "SCT", "Leiomyoma"}, "M-88900", PriorResult::Benign},
    {{"46720004", "SCT", "Lipoma"}, "M-88500", PriorResult::Benign},
    {{"65877006", "SCT", "Fibroadenoma"}, "M-90100", PriorResult::Benign},
    {{"89084002", "SCT", "Neurofibroma"}, "M-95400", PriorResult::Benign},
}};

// CID 6158 Correlation to Other Findings (UID 1.2.840.10008.6.1.472, version 20050822): all 7
// codes, FHIR-D (ValueSet-dicom-cid-6158-CorrelationToOtherFinding.fsh).
constexpr std::array<CodeConst, 7> kCorrelationToOtherFindings{{
    {"111381", "DCM", "Correlates to physical examination findings"},
    {"111382", "DCM", "Correlates to mammography findings"},
    {"111383", "DCM", "Correlates to MRI findings"},
    {"111384", "DCM", "Correlates to ultrasound findings"},
    {"111385", "DCM", "Correlates to other imaging findings"},
    {"111386", "DCM", "No correlation to other imaging findings"},
    {"111387", "DCM", "No correlation to clinical findings"},
}};

// CID 6026 Mammography Assessment (UID 1.2.840.10008.6.1.356, version 20050822) = CID 6027
// (read by category_for()) + this one code, which is no BI-RADS category. PYD lists only this
// code for CID 6026 (its generator dropped CID 6027); FHIR-D lists both.
constexpr CodeConst kPostProcedureMarkerPlacement{"111120", "DCM",
                                                  "Post Procedure Mammograms for Marker Placement"};

// CID 6047 CAD Processing and Findings Summary (TID 4000's 111017 item): all five codes; the
// codes as DCMTK 3.6.7's dcmsr/codes/dcm.h (CODE_DCM_*AlgorithmsSucceeded*) and domain.md §3.8
// give them.
constexpr std::array<Member<CadProcessing>, 5> kCadProcessing{{
    {{"111241", "DCM", "All algorithms succeeded; without findings"},
     "",
     CadProcessing::AllSucceeded},
    {{"111242", "DCM", "All algorithms succeeded; with findings"}, "", CadProcessing::AllSucceeded},
    {{"111243", "DCM", "Not all algorithms succeeded; without findings"},
     "",
     CadProcessing::NotAllSucceeded},
    {{"111244", "DCM", "Not all algorithms succeeded; with findings"},
     "",
     CadProcessing::NotAllSucceeded},
    {{"111245", "DCM", "No algorithms succeeded; without findings"},
     "",
     CadProcessing::NotAllSucceeded},
}};

// CID 6042 Status of Results (TID 4000's Summary of Detections and Summary of Analyses; TID 4015
// and 4016 read them): all four codes, as DCMTK 3.6.7's dcm.h and domain.md §3.8 give them.
constexpr std::array<Member<ResultStatus>, 4> kResultStatus{{
    {{"111222", "DCM", "Succeeded"}, "", ResultStatus::Succeeded},
    {{"111223", "DCM", "Partially Succeeded"}, "", ResultStatus::PartiallySucceeded},
    {{"111224", "DCM", "Failed"}, "", ResultStatus::Failed},
    {{"111225", "DCM", "Not Attempted"}, "", ResultStatus::NotAttempted},
}};

}  // namespace

// Codes of CID 6054 for the breast, the image or normal tissue as a whole, not for a lesion
// calcifications can be in: CID 6015's Breast composition and Mammography breast density (the
// breast's density, or BI-RADS 3rd edition's one-view density, which the rules do not weigh
// either), CID 6014's Breast geometry, Image Quality and Non-lesion, and Normal breast tissue,
// Breast normal and Ultrasound scan normal (FHIR-D ValueSet-dicom-cid-6014, -6015, -6054). A
// finding coded so that carries calcification descriptors says two things that cannot both hold
// (hostile review 30, H30-9). The legacy SRT forms of domain.md §3.9 match too.
constexpr std::array<CodeConst, 12> kFindingCodesOfNoLesion{{
    {"129715009", "SCT", "Breast composition"},
    {"F-01710", "SRT", "Breast composition"},
    {"129793001", "SCT", "Mammography breast density"},
    {"F-01796", "SRT", "Mammography breast density"},
    {"111100", "DCM", "Breast geometry"},
    {"111101", "DCM", "Image Quality"},
    {"111102", "DCM", "Non-lesion"},
    {"111287", "DCM", "Normal breast tissue"},
    {"290084006", "SCT", "Breast normal"},
    {"F-8A084", "SRT", "Breast normal"},
    {"169254007", "SCT", "Ultrasound scan normal"},
    {"F-01BF8", "SRT", "Ultrasound scan normal"},
}};

bool names_no_lesion(const Code& code) {
  return std::any_of(kFindingCodesOfNoLesion.begin(), kFindingCodesOfNoLesion.end(),
                     [&](const CodeConst& member) { return same_concept(code, member); });
}

std::optional<FindingKind> finding_kind_for(const Code& code) { return lookup(kFindingKind, code); }

std::vector<FindingKind> other_findings_meant(std::string_view meaning) {
  std::vector<FindingKind> kinds;
  const auto add = [&kinds](FindingKind kind) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
  };
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    const auto names = [&](std::string_view part) {
      return clause.affirmed.find(part) != std::string::npos;
    };
    // The mass's synonyms and its German words (Herd, Herdbefund, Rundherd) name it too; an
    // SR in German is read with its words (hostile review 32, H32-5).
    if (names(" mass ") || names(" masses ") || names(" lump") || names(" nodul") ||
        names(" fibroadenom") || names(" herd") || names(" rundherd") || names(" raumforderung") ||
        names(" tumor") || names(" tumour") || names(" knoten")) {
      add(FindingKind::Mass);
    }
    if (names(" distortion") || names(" distorted") || names(" architekturst")) {
      add(FindingKind::ArchitecturalDistortion);
    }
    if (names(" asymmetr") || names(" verdichtung")) add(FindingKind::Asymmetry);
  }
  return kinds;
}

std::optional<CadProcessing> cad_processing_for(const Code& code) {
  return lookup(kCadProcessing, code);
}

bool cad_summary_without_findings(const Code& code) {
  // The members of kCadProcessing that say the CAD found nothing.
  static_assert(kCadProcessing[0].code.value == "111241" &&
                kCadProcessing[2].code.value == "111243" &&
                kCadProcessing[4].code.value == "111245");
  constexpr std::array<CodeConst, 3> kWithoutFindings{
      {kCadProcessing[0].code, kCadProcessing[2].code, kCadProcessing[4].code}};
  return std::any_of(kWithoutFindings.begin(), kWithoutFindings.end(),
                     [&](const CodeConst& member) { return same_concept(code, member); });
}

std::optional<ResultStatus> result_status_for(const Code& code) {
  return lookup(kResultStatus, code);
}

std::optional<FollowUpKind> follow_up_kind_for(const Code& code) { return lookup(kFollowUp, code); }

std::optional<FollowUpKind> follow_up_kind_meant(std::string_view meaning) {
  const std::string key = meaning_key(meaning);
  if (key.empty()) return std::nullopt;
  const auto found = std::find_if(kFollowUp.begin(), kFollowUp.end(), [&](const auto& member) {
    return meaning_key(member.code.meaning) == key;
  });
  return found == kFollowUp.end() ? std::nullopt : std::optional<FollowUpKind>(found->term);
}

namespace {

bool says_any(const std::string& words, const std::string_view* first,
              const std::string_view* last) {
  return std::any_of(first, last,
                     [&](std::string_view stem) { return words.find(stem) != std::string::npos; });
}

// A follow-up meaning that asks for tissue or surgery, whatever its wording or spelling
// ("localisation", "Stereo bx", "Tissue sampling"), in English or German; a negation ("no
// biopsy") counts too, which only asks for review (hostile reviews 28 and 29, H28-11, H29-3).

// A follow-up meaning that asks for more imaging or a short interval ("Breast MRI", "6 month
// follow-up", "Ultrasound"): on a routine-interval code it asks for more than the code (H29-3).
bool names_workup(std::string_view meaning) {
  static constexpr std::array<std::string_view, 14> kStems{
      " short",      " mri ",       " mr ",     " ultraso", " sonogra",   " magnif", " spot ",
      " additional", " diagnostic", " 3 month", " 6 month", " six month", " 6 mo ",  " tomosynth"};
  const std::string words = spaced_words(meaning);
  return says_any(words, kStems.data(), kStems.data() + kStems.size());
}

// The kinds whose own meaning may speak of a biopsy or surgery.
bool may_name_tissue_or_surgery(FollowUpKind kind) {
  return asks_for_tissue(kind) || kind == FollowUpKind::SurgicalConsult ||
         kind == FollowUpKind::PostBiopsyAsDirected || kind == FollowUpKind::ClinicalAssessment ||
         kind == FollowUpKind::SuggestiveOfMalignancy ||
         kind == FollowUpKind::HighlySuggestiveOfMalignancy ||
         kind == FollowUpKind::KnownMalignancy;
}

}  // namespace

bool names_tissue_or_surgery(std::string_view meaning) {
  static constexpr std::array<std::string_view, 20> kStems{
      "biops",     " bx ",          " excision",  " exzision", " surg",   " locali", " cytolog",
      " histolog", " aspiration",   " resection", "ectomy ",   " tissue", " sampl",  " core ",
      " stereo",   " percutaneous", " vacuum",    " fna ",     " vab ",   " stanz"};
  const std::string words = spaced_words(meaning);
  return says_any(words, kStems.data(), kStems.data() + kStems.size());
}

namespace {

// The words of a meaning beyond those of every meaning its table gives its term's codes and
// `neutral` ones (words_beyond): the words that say more never end, the words that say nothing
// else do (hostile review 36, H36-6, H36-8, H36-9).
template <typename Term, std::size_t N>
std::vector<std::string> member_meaning_beyond(const std::array<Member<Term>, N>& table, Term term,
                                               std::string_view meaning, std::string_view neutral) {
  std::string own(neutral);
  for (const auto& member : table) {
    if (member.term == term) own += spaced_words(member.code.meaning);
  }
  return words_beyond(meaning, [&own](std::string_view word) { return holds_word(own, word); });
}

// Words a routine follow-up's meaning may hold besides its code's own.
constexpr std::string_view kRoutineFollowUpWords =
    " follow up followup recommended recommendation recommend mammography mammogram screening "
    "routine annual annually yearly year years 12 month months regular bi rads birads score 1 2 "
    "negative benign return continue resume 24 jaehrlich jaehrliche routine kontrolle "
    "routinekontrolle 12 monaten monate jahr jahre ";

}  // namespace

std::optional<std::string> follow_up_meaning_names_other(const Code& code) {
  const std::optional<FollowUpKind> value = follow_up_kind_for(code);
  if (!value) return std::nullopt;
  if (const std::optional<FollowUpKind> meant = follow_up_kind_meant(code.meaning);
      meant && *meant != *value) {
    return std::string(to_string(*meant));
  }
  if (names_tissue_or_surgery(code.meaning) && !may_name_tissue_or_surgery(*value)) {
    return std::string("a biopsy or surgery");
  }
  if (*value == FollowUpKind::NormalInterval && names_workup(code.meaning)) {
    return std::string("more imaging or a short interval");
  }
  // On the routine code, which asks for nothing more, any other word may ask for more
  // ("Normal interval follow-up; Drahtmarkierung", "…; VAB"; hostile review 36, H36-8); the
  // codes that ask for more may say so in their own words.
  if (const std::vector<std::string> beyond =
          *value == FollowUpKind::NormalInterval
              ? member_meaning_beyond(kFollowUp, *value, code.meaning, kRoutineFollowUpWords)
              : std::vector<std::string>();
      !beyond.empty()) {
    return "more than " + std::string(to_string(*value)) + " (\"" + joined(beyond) + "\")";
  }
  return std::nullopt;
}

bool asks_for_tissue(FollowUpKind kind) {
  switch (kind) {
    case FollowUpKind::BiopsyConsidered:
    case FollowUpKind::BiopsyStronglyConsidered:
    case FollowUpKind::CoreBiopsy:
    case FollowUpKind::NeedleLocalizationBiopsy:
    case FollowUpKind::Cytology:
      return true;
    case FollowUpKind::NormalInterval:
    case FollowUpKind::ShortInterval:
    case FollowUpKind::AdditionalImaging:
    case FollowUpKind::PriorImagesForComparison:
    case FollowUpKind::ClinicalAssessment:
    case FollowUpKind::SurgicalConsult:
    case FollowUpKind::PostBiopsyAsDirected:
    case FollowUpKind::SuggestiveOfMalignancy:
    case FollowUpKind::HighlySuggestiveOfMalignancy:
    case FollowUpKind::KnownMalignancy:
      return false;
  }
  return false;
}

bool asks_for_tissue(const Code& code) {
  const auto kind = follow_up_kind_for(code);
  return kind && asks_for_tissue(*kind);
}

bool says_malignancy(FollowUpKind kind) {
  return kind == FollowUpKind::SuggestiveOfMalignancy ||
         kind == FollowUpKind::HighlySuggestiveOfMalignancy ||
         kind == FollowUpKind::KnownMalignancy;
}

bool says_malignancy(const Code& code) {
  const auto kind = follow_up_kind_for(code);
  return kind && says_malignancy(*kind);
}

bool follow_up_not_benign(const Code& code) {
  return asks_for_tissue(code) || says_malignancy(code);
}

// CID 6066 Target Confirmation (UID 1.2.840.10008.6.1.395): all 7 codes, PYD = FHIR-D
// (domain.md §3.5). 111443 was read as "not in CID 6066" (hostile review 26, H26-5).
constexpr std::array<Member<TargetConfirmation>, 7> kTargetConfirmation{{
    {{"111443", "DCM", "Target contained in the specimen"}, "", TargetConfirmation::Contained},
    {{"111444", "DCM", "Target partially obtained in the specimen"},
     "",
     TargetConfirmation::PartiallyObtained},
    {{"111445", "DCM", "Target not in the specimen"}, "", TargetConfirmation::NotInSpecimen},
    {{"111446", "DCM", "Calcifications seen in the core"},
     "",
     TargetConfirmation::CalcificationsInCore},
    {{"111447", "DCM", "Lesion completely removed"}, "", TargetConfirmation::CompletelyRemoved},
    {{"111448", "DCM", "Lesion partially removed"}, "", TargetConfirmation::PartiallyRemoved},
    {{"111449", "DCM", "Fluid obtained"}, "", TargetConfirmation::FluidObtained},
}};

std::optional<TargetConfirmation> target_confirmation_for(const Code& code) {
  return lookup(kTargetConfirmation, code);
}

std::vector<std::string> confirmation_meaning_beyond(std::string_view meaning,
                                                     TargetConfirmation confirmation) {
  return member_meaning_beyond(kTargetConfirmation, confirmation, meaning,
                               " target lesion specimen core cores calcification calcifications ");
}

std::vector<std::string> calcification_finding_meaning_beyond(std::string_view meaning) {
  return member_meaning_beyond(kFindingKind, FindingKind::Calcification, meaning,
                               " calcification calcifications microcalcification "
                               "microcalcifications calcified calcs breast cluster clustered "
                               "individual verkalkung verkalkungen mikrokalk brust mamma ");
}

namespace {

// Words any result meaning may hold besides its own ("Fibrocystic change with calcifications in
// the core"), English and German.
constexpr std::string_view kResultNeutralWords[] = {"calcification",
                                                    "calcifications",
                                                    "microcalcification",
                                                    "microcalcifications",
                                                    "calcified",
                                                    "core",
                                                    "cores",
                                                    "specimen",
                                                    "present",
                                                    "seen",
                                                    "identified",
                                                    "associated",
                                                    "biopsy",
                                                    "verkalkung",
                                                    "verkalkungen",
                                                    "mikrokalk",
                                                    "kalk",
                                                    "stanze",
                                                    "stanzbiopsie",
                                                    "nachweisbar",
                                                    "concordant",
                                                    "konkordant"};

// The words that name a benign, malignant or high-risk result as such, English and German.
constexpr std::string_view kBenignNames = "benign benigne gutartig";
constexpr std::string_view kMalignantNames =
    "malignant malignancy maligne malignom karzinom carcinoma cancer dcis idc ilc invasive";
constexpr std::string_view kHighRiskNames = "high risk lesion atypia atypie";
// The words of the ordinary displays of each kind that the tables' meanings do not hold
// ("Fibrocystic changes", "Flat epithelial atypia", "IDC, grade 2"; review 40, R40-14).
constexpr std::string_view kBenignPathologyWords =
    "fibrocystic change changes columnar cell apocrine metaplasia fibroadenoma adenosis "
    "sclerosing usual ductal hyperplasia stromal fibrosis cyst cysts duct ectasia fat necrosis "
    "pash lymph node";
constexpr std::string_view kHighRiskPathologyWords =
    "atypical ductal lobular hyperplasia flat epithelial atypia neoplasia in situ radial scar "
    "complex sclerosing papilloma papillary phyllodes mucocele like";
constexpr std::string_view kMalignantPathologyWords =
    "ductal lobular invasive in situ carcinoma no special type nst grade 1 2 3 i ii iii high "
    "intermediate low nuclear comedo necrosis microinvasive mucinous tubular";

// The words of a kind of result's names: every meaning the tables give its codes (a benign
// meaning's words, for the benign kind, only those of the codes read as benign), and the kind's
// own words in English and German.
std::set<std::string> words_of_kind(PriorResult kind) {
  std::set<std::string> words;
  const auto add = [&words](std::string_view meaning) {
    std::istringstream spaced(spaced_words(meaning));
    for (std::string word; spaced >> word;) words.insert(word);
  };
  const auto add_members = [&](const auto& table) {
    for (const auto& member : table) {
      if (pathology_result_for(
              Code{std::string(member.code.value), std::string(member.code.scheme), ""}) == kind) {
        add(member.code.meaning);
      }
    }
  };
  add_members(kManagedAsHighRisk);
  add_members(kHighRiskPathology);
  add_members(kMalignantPathology);
  add_members(kMalignancyType);
  add_members(kBenignPathology);
  for (const std::string_view meaning : prior_result_meanings(kind)) add(meaning);
  switch (kind) {
    case PriorResult::Benign:
      add(kBenignNames);
      add(kBenignPathologyWords);
      break;
    case PriorResult::Malignant:
      add(kMalignantNames);
      add(kMalignantPathologyWords);
      break;
    case PriorResult::HighRisk:
      add(kHighRiskNames);
      add(kHighRiskPathologyWords);
      break;
    default:
      break;
  }
  for (const std::string_view neutral : kResultNeutralWords) words.emplace(neutral);
  return words;
}

}  // namespace

std::vector<std::string> result_meaning_beyond(std::string_view meaning, PriorResult result) {
  // Built once: the tables are fixed.
  static const std::array<std::set<std::string>, 3> kWords{words_of_kind(PriorResult::Benign),
                                                           words_of_kind(PriorResult::Malignant),
                                                           words_of_kind(PriorResult::HighRisk)};
  const std::set<std::string>* own = result == PriorResult::Benign      ? &kWords[0]
                                     : result == PriorResult::Malignant ? &kWords[1]
                                     : result == PriorResult::HighRisk  ? &kWords[2]
                                                                        : nullptr;
  if (own == nullptr) return {};
  return words_beyond(meaning,
                      [own](std::string_view word) { return own->count(std::string(word)) != 0; });
}

bool result_kind_denied(std::string_view meaning, PriorResult result) {
  const std::string_view names = result == PriorResult::Benign      ? kBenignNames
                                 : result == PriorResult::Malignant ? kMalignantNames
                                                                    : std::string_view();
  if (names.empty()) return false;
  const std::vector<MeaningClause> clauses = meaning_clauses(meaning);
  return std::any_of(clauses.begin(), clauses.end(), [&](const MeaningClause& clause) {
    std::istringstream denied(clause.denied);
    return std::any_of(std::istream_iterator<std::string>(denied),
                       std::istream_iterator<std::string>(),
                       [&](const std::string& word) { return holds_word(names, word); });
  });
}

std::optional<PriorResult> pathology_result_for(const Code& code) {
  if (auto result = lookup(kManagedAsHighRisk, code)) return result;
  if (auto result = lookup(kHighRiskPathology, code)) return result;
  if (auto result = lookup(kMalignantPathology, code)) return result;
  if (auto result = lookup(kMalignancyType, code)) return result;
  return lookup(kBenignPathology, code);
}

bool is_assessment_code(const Code& code) {
  return category_for(code).has_value() || same_concept(code, kPostProcedureMarkerPlacement);
}

bool is_correlation_code(const Code& code) {
  return std::any_of(kCorrelationToOtherFindings.begin(), kCorrelationToOtherFindings.end(),
                     [&](const CodeConst& member) { return same_concept(code, member); });
}

std::string_view to_string(FindingKind kind) {
  switch (kind) {
    case FindingKind::Calcification:
      return "calcification";
    case FindingKind::MassWithCalcifications:
      return "mass-with-calcifications";
    case FindingKind::Mass:
      return "mass";
    case FindingKind::ArchitecturalDistortion:
      return "architectural-distortion";
    case FindingKind::Asymmetry:
      return "asymmetry";
    case FindingKind::NotCalcification:
      return "not-calcification";
  }
  return "not-calcification";
}

std::string_view to_string(FollowUpKind kind) {
  switch (kind) {
    case FollowUpKind::NormalInterval:
      return "normal-interval";
    case FollowUpKind::ShortInterval:
      return "short-interval";
    case FollowUpKind::AdditionalImaging:
      return "additional-imaging";
    case FollowUpKind::PriorImagesForComparison:
      return "prior-images-for-comparison";
    case FollowUpKind::ClinicalAssessment:
      return "clinical-assessment";
    case FollowUpKind::BiopsyConsidered:
      return "biopsy-considered";
    case FollowUpKind::BiopsyStronglyConsidered:
      return "biopsy-strongly-considered";
    case FollowUpKind::CoreBiopsy:
      return "core-biopsy";
    case FollowUpKind::NeedleLocalizationBiopsy:
      return "needle-localization-biopsy";
    case FollowUpKind::Cytology:
      return "cytology";
    case FollowUpKind::SurgicalConsult:
      return "surgical-consult";
    case FollowUpKind::PostBiopsyAsDirected:
      return "post-biopsy-as-directed";
    case FollowUpKind::SuggestiveOfMalignancy:
      return "suggestive-of-malignancy";
    case FollowUpKind::HighlySuggestiveOfMalignancy:
      return "highly-suggestive-of-malignancy";
    case FollowUpKind::KnownMalignancy:
      return "known-malignancy";
  }
  return "unknown";
}

bool is_known_coding_scheme(std::string_view scheme) {
  constexpr std::array<std::string_view, 12> kKnownSchemes{
      {"DCM", "SCT", "SRT", "SNM3", "LN", "UCUM", "BI", "NCIt", "UMLS", "FMA", "RADLEX", "99SDM"}};
  return std::find(kKnownSchemes.begin(), kKnownSchemes.end(), scheme) != kKnownSchemes.end();
}

namespace {

// One member of a lesion descriptor's context group (PS3.16 CID 6004, 6006, 6008, 6152-6155,
// 6157, 6072; codes verified against PYD's _cid_dict.py / _concepts_dict.py).
template <typename Reading>
struct DescriptorMember {
  CodeConst concept;
  CodeConst value;
  Reading reading;  // Expected or Suspicious
};

constexpr CodeConst kShape{"107644003", "SCT", "Shape"};
constexpr CodeConst kMargins{"111037", "DCM", "Margins"};
constexpr CodeConst kLesionDensity{"111035", "DCM", "Lesion Density"};
constexpr CodeConst kOrientation{"111354", "DCM", "Orientation"};
constexpr CodeConst kLesionBoundary{"111357", "DCM", "Lesion boundary"};
constexpr CodeConst kEchoPattern{"111360", "DCM", "Echo pattern"};
constexpr CodeConst kPosteriorAcoustic{"111366", "DCM", "Posterior acoustic features"};
constexpr CodeConst kVascularity{"111372", "DCM", "Vascularity"};
constexpr CodeConst kImplantFinding{"111407", "DCM", "Implant finding"};

constexpr std::array<DescriptorMember<DescriptorReading>, 40> kDescriptorMembers{{
    {kShape, {"40266001", "SCT", "Lobular"}, DescriptorReading::Expected},
    {kShape, {"42700002", "SCT", "Round shape"}, DescriptorReading::Expected},
    {kShape, {"84360004", "SCT", "Ovoid shape (Oval)"}, DescriptorReading::Expected},
    {kShape, {"49608001", "SCT", "Irregular"}, DescriptorReading::Suspicious},
    {kMargins, {"129738007", "SCT", "Circumscribed lesion"}, DescriptorReading::Expected},
    {kMargins, {"129740002", "SCT", "Obscured lesion"}, DescriptorReading::Expected},
    {kMargins, {"129742005", "SCT", "Spiculated lesion"}, DescriptorReading::Suspicious},
    {kMargins, {"129741003", "SCT", "Indistinct lesion"}, DescriptorReading::Suspicious},
    {kMargins, {"129739004", "SCT", "Microlobulated lesion"}, DescriptorReading::Suspicious},
    {kMargins, {"111343", "DCM", "Angular margins"}, DescriptorReading::Suspicious},
    {kLesionDensity,
     {"129746008", "SCT", "Low density (not containing fat) lesion"},
     DescriptorReading::Expected},
    {kLesionDensity,
     {"129745007", "SCT", "Equal density (isodense) lesion"},
     DescriptorReading::Expected},
    {kLesionDensity,
     {"129747004", "SCT", "Fat containing (radiolucent) lesion"},
     DescriptorReading::Expected},
    {kLesionDensity, {"129744006", "SCT", "High density lesion"}, DescriptorReading::Suspicious},
    {kOrientation, {"111355", "DCM", "Parallel"}, DescriptorReading::Expected},
    {kOrientation, {"111356", "DCM", "Not parallel"}, DescriptorReading::Suspicious},
    {kLesionBoundary, {"111358", "DCM", "Abrupt interface"}, DescriptorReading::Expected},
    {kLesionBoundary, {"111359", "DCM", "Echogenic halo"}, DescriptorReading::Suspicious},
    {kEchoPattern, {"111361", "DCM", "Anechoic"}, DescriptorReading::Expected},
    {kEchoPattern, {"111362", "DCM", "Hyperechoic"}, DescriptorReading::Expected},
    {kEchoPattern, {"111363", "DCM", "Complex"}, DescriptorReading::Expected},
    {kEchoPattern, {"111364", "DCM", "Hypoechoic"}, DescriptorReading::Expected},
    {kEchoPattern, {"111365", "DCM", "Isoechoic"}, DescriptorReading::Expected},
    {kPosteriorAcoustic,
     {"111367", "DCM", "No posterior acoustic features"},
     DescriptorReading::Expected},
    {kPosteriorAcoustic, {"111368", "DCM", "Posterior enhancement"}, DescriptorReading::Expected},
    {kPosteriorAcoustic, {"111369", "DCM", "Posterior shadowing"}, DescriptorReading::Suspicious},
    {kPosteriorAcoustic,
     {"111370", "DCM", "Combined posterior enhancement and shadowing"},
     DescriptorReading::Expected},
    {kVascularity, {"111373", "DCM", "Vascularity not present"}, DescriptorReading::Expected},
    {kVascularity, {"111374", "DCM", "Vascularity not assessed"}, DescriptorReading::Expected},
    {kVascularity, {"111375", "DCM", "Vascularity present in lesion"}, DescriptorReading::Expected},
    {kVascularity,
     {"111376", "DCM", "Vascularity present immediately adjacent to lesion"},
     DescriptorReading::Expected},
    {kVascularity,
     {"111377", "DCM", "Diffusely increased vascularity in surrounding tissue"},
     DescriptorReading::Expected},
    {kImplantFinding, {"111503", "DCM", "Normal implants"}, DescriptorReading::Expected},
    {kImplantFinding, {"111504", "DCM", "Asymmetric implants"}, DescriptorReading::Expected},
    {kImplantFinding, {"111505", "DCM", "Calcified implant"}, DescriptorReading::Expected},
    {kImplantFinding, {"111506", "DCM", "Distorted implant"}, DescriptorReading::Expected},
    {kImplantFinding, {"111507", "DCM", "Silicone-laden lymph nodes"}, DescriptorReading::Expected},
    {kImplantFinding, {"111508", "DCM", "Free silicone"}, DescriptorReading::Expected},
    {kImplantFinding, {"111509", "DCM", "Herniated implant"}, DescriptorReading::Expected},
    {kImplantFinding, {"111510", "DCM", "Explantation"}, DescriptorReading::Expected},
}};

}  // namespace

namespace {

// The words of a meaning but those every member of a group shares or that join words.
std::set<std::string> descriptor_words(std::string_view meaning) {
  static const std::set<std::string> kCommon{"lesion",    "shape",    "margins",  "density",
                                             "posterior", "acoustic", "features", "in",
                                             "of",        "to",       "and",      "a"};
  std::set<std::string> words;
  std::istringstream spaced(spaced_words(meaning));
  for (std::string word; spaced >> word;) {
    if (kCommon.count(word) == 0) words.insert(word);
  }
  return words;
}

}  // namespace

namespace {

// The member `value` of the context group of the descriptor `concept`, or the table's end.
auto descriptor_member(const Code& concept, const Code& value) {
  return std::find_if(kDescriptorMembers.begin(), kDescriptorMembers.end(),
                      [&](const DescriptorMember<DescriptorReading>& each) {
                        return same_concept(concept, each.concept) &&
                               same_concept(value, each.value);
                      });
}

}  // namespace

std::vector<CodeConst> descriptor_values_meant(const Code& concept, const Code& value) {
  const auto own = descriptor_member(concept, value);
  if (own == kDescriptorMembers.end()) return {};
  const std::set<std::string> meant = descriptor_words(value.meaning);
  const std::set<std::string> own_words = descriptor_words(own->value.meaning);
  std::vector<CodeConst> others;
  for (const DescriptorMember<DescriptorReading>& other : kDescriptorMembers) {
    if (!same_concept(concept, other.concept) || &other == &*own) continue;
    const std::set<std::string> words = descriptor_words(other.value.meaning);
    const bool named = std::any_of(words.begin(), words.end(), [&](const std::string& word) {
      return own_words.count(word) == 0 && meant.count(word) != 0;
    });
    if (named) others.push_back(other.value);
  }
  return others;
}

DescriptorReading lesion_descriptor_reading(const Code& concept, const Code& value) {
  const bool has_value_set = std::any_of(kDescriptorMembers.begin(), kDescriptorMembers.end(),
                                         [&](const DescriptorMember<DescriptorReading>& member) {
                                           return same_concept(concept, member.concept);
                                         });
  if (!has_value_set) return DescriptorReading::NoValueSet;
  const auto member = descriptor_member(concept, value);
  if (member == kDescriptorMembers.end()) return DescriptorReading::OutsideValueSet;
  return member->reading;
}

}  // namespace mammocalc
