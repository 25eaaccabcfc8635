#pragma once
// Complete PS3.16 value sets for the coded items a breast imaging report gives and the rules must
// not drop: finding codes (CID 6054), recommended follow-up (CID 6028), pathology (CID 6030 and
// its parts 6031/6032/6033, CID 6159), the non-category member of CID 6026, and the CAD's
// processing summary and result status (CID 6047, CID 6042). Every table in
// value_sets.cpp names its context group, its UID and the source its codes were verified against.
// Codes match on (value, scheme); a legacy SRT (or SNM3) form given in a table matches too.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/codes.hpp"
#include "findings/findings.hpp"

namespace mammocalc {

// What a finding code (CID 6054 Breast Imaging Finding, and the calcification codes of CID 6010 /
// CID 6055 a report may use as a finding code) says about calcifications.
enum class FindingKind {
  Calcification,           // 309587003, 129769006, 129770007, 129748009, 44771000, 111345
  MassWithCalcifications,  // 111459
  Mass,                    // 129788004 Mammographic breast mass
  // A lesion the rules weigh besides its calcifications (C15, W19): with calcification
  // descriptors the finding is a calcification finding, as every code of CID 6054 (§1).
  ArchitecturalDistortion,  // 129792006 Architectural distortion of breast
  Asymmetry,                // 129789007 Focal asymmetric breast tissue, 129790003 Asymmetric …
  NotCalcification,         // every other code of CID 6054
};

// Empty when the code is not a known finding code ("unrecognised finding code").
std::optional<FindingKind> finding_kind_for(const Code& code);
// A code of CID 6054 for the breast, the image or normal tissue as a whole (Breast composition,
// Mammography breast density, Non-lesion, Breast normal …), not for a lesion calcifications can
// be in (hostile review 30, H30-9).
bool names_no_lesion(const Code& code);
// The kinds of finding besides calcification a finding code's meaning names ("Focal asymmetric
// breast tissue", "Architectural distortion", "Mass of breast"), unless the meaning negates
// ("without mass"): a calcification code shown with one of them is discordant, and the finding
// is read as in it too (hostile review 31, H31-1). Mass, ArchitecturalDistortion, Asymmetry.
std::vector<FindingKind> other_findings_meant(std::string_view meaning);

// What the value of a lesion descriptor of TID 4206 / TID 4011 (Shape CID 6004, Margins CID 6006,
// Lesion Density CID 6008, the ultrasound descriptors CID 6152-6155 and 6157, Implant finding CID
// 6072) says of the lesion. BI-RADS calls an irregular shape, a spiculated, indistinct,
// microlobulated or angular margin, a high density, a non-parallel orientation, an echogenic halo
// and posterior shadowing features of malignancy (hostile review 30, H30-1, H30-2).
enum class DescriptorReading {
  NoValueSet,       // not a descriptor whose value set this tool holds
  OutsideValueSet,  // a value its context group does not have: it cannot be read
  Expected,         // a member of its context group
  Suspicious,       // a member BI-RADS names a feature of malignancy
};
DescriptorReading lesion_descriptor_reading(const Code& concept, const Code& value);
// The members of the descriptor's context group, other than `value`, whose meaning `value`'s
// meaning names: a word of theirs that `value`'s own canonical meaning lacks (the Irregular code
// shown as "Oval"; hostile review 31, H31-2). A meaning in another language names none.
std::vector<CodeConst> descriptor_values_meant(const Code& concept, const Code& value);

// CID 6028 Mammography Recommended Follow-up (⊃ CID 6029), one kind per code or group of codes.
enum class FollowUpKind {
  NormalInterval,                // 111140
  ShortInterval,                 // 111142
  AdditionalImaging,             // 111135, 111136, 399163009, 399055006, 16310003, 241615005, …
  PriorImagesForComparison,      // 111138
  ClinicalAssessment,            // 111141 Any decision to biopsy should be based on clinical …
  BiopsyConsidered,              // 111143
  BiopsyStronglyConsidered,      // 111148
  CoreBiopsy,                    // 111145 Histology using core biopsy
  NeedleLocalizationBiopsy,      // 111144
  Cytology,                      // 111147 Cytologic analysis
  SurgicalConsult,               // 111410
  PostBiopsyAsDirected,          // 111121 Follow-up post biopsy as directed by clinician
  SuggestiveOfMalignancy,        // 111146
  HighlySuggestiveOfMalignancy,  // 111149
  KnownMalignancy,               // 111122
};

// Empty when the code is not in CID 6028 (an unknown follow-up code).
std::optional<FollowUpKind> follow_up_kind_for(const Code& code);
// The kind of the CID 6028 code whose meaning a code meaning is, letter for letter (case, spaces
// and punctuation aside): "Needle localization and biopsy" on a normal-interval code names
// another kind (hostile review 26, H26-11). Empty when it is no CID 6028 meaning.
std::optional<FollowUpKind> follow_up_kind_meant(std::string_view meaning);
// Whether words speak of a biopsy or surgery ("Stereotactic core biopsy", "VAB", "excision").
bool names_tissue_or_surgery(std::string_view meaning);
// What a CID 6028 code's meaning names when it is not the code's kind: another kind's meaning
// (to_string of it), or "a biopsy or surgery" for any wording of one ("Stereotactic biopsy",
// "Surgical excision") on a code that asks for neither (hostile review 28, H28-11). Empty when
// the meaning agrees, names nothing, or the code is not in CID 6028.
std::optional<std::string> follow_up_meaning_names_other(const Code& code);

// True for the follow-ups that ask for tissue: 111143, 111148, 111145, 111144, 111147.
bool asks_for_tissue(FollowUpKind kind);
bool asks_for_tissue(const Code& code);

// True for the follow-ups that say malignancy is suspected or known: 111146, 111149, 111122.
bool says_malignancy(FollowUpKind kind);
bool says_malignancy(const Code& code);

// True when a follow-up is incompatible with a benign reading: it asks for tissue or says
// malignancy is suspected or known.
bool follow_up_not_benign(const Code& code);

// Pathology: CID 6031 benign → Benign, CID 6032 high risk → HighRisk, CID 6033 malignant and
// CID 6159 malignancy type → Malignant; radial scar (133855003, in CID 6031) is managed as
// HighRisk (domain.md §3.5). Empty when the code is in none of them. prior_result_for() (lexicon)
// also reads CID 6063 and CID 6066 and falls back to this.
std::optional<PriorResult> pathology_result_for(const Code& code);
// Those of a calcification finding code's meaning beyond every calcification code's meaning in
// CID 6054 ("Calcification of breast, BI-RADS 5", "… (DCIS)").
std::vector<std::string> calcification_finding_meaning_beyond(std::string_view meaning);
// The words of a benign, malignant or high-risk result code's meaning that say more than a
// result of its kind (words_beyond): not a word of any meaning of that kind in CID 6030-6033,
// 6063, 6159 ("Fibrocystic change" on the benign code says nothing more; "Benign; IDC",
// "Benign (unconfirmed)" do). Empty for the other kinds, whose codes say little of themselves.
std::vector<std::string> result_meaning_beyond(std::string_view meaning, PriorResult result);
// Whether a benign or malignant result code's meaning denies its own kind ("Not malignant",
// "No DCIS" on a malignant code; "Not benign" on the benign one).
bool result_kind_denied(std::string_view meaning, PriorResult result);

// CID 6047 CAD Processing and Findings Summary: did every algorithm of the CAD succeed?
enum class CadProcessing {
  AllSucceeded,     // 111241, 111242
  NotAllSucceeded,  // 111243, 111244 (not all), 111245 (none)
};

// Empty when the code is not in CID 6047 (a local code: whether the CAD ran cannot be told).
std::optional<CadProcessing> cad_processing_for(const Code& code);
// Whether a CID 6047 code says the CAD found nothing (111241, 111243, 111245).
bool cad_summary_without_findings(const Code& code);

// CID 6042 Status of Results: how the algorithms of a CAD's Summary of Detections or Summary of
// Analyses fared.
enum class ResultStatus {
  Succeeded,           // 111222
  PartiallySucceeded,  // 111223
  Failed,              // 111224
  NotAttempted,        // 111225
};

// Empty when the code is not in CID 6042.
std::optional<ResultStatus> result_status_for(const Code& code);

// CID 6066 Target Confirmation: what a performed biopsy says of its target (TID 4204 row 15,
// TID 4207). Only "not in the specimen" is a result the rules weigh (B1); the others are read.
enum class TargetConfirmation {
  Contained,             // 111443
  PartiallyObtained,     // 111444
  NotInSpecimen,         // 111445
  CalcificationsInCore,  // 111446
  CompletelyRemoved,     // 111447
  PartiallyRemoved,      // 111448
  FluidObtained,         // 111449
};

// Empty when the code is not in CID 6066.
std::optional<TargetConfirmation> target_confirmation_for(const Code& code);
// The words of a Confirmation of target meaning beyond every CID 6066 meaning of its value
// ("Target partly contained in the specimen", "Target contained in the specimen?", "Ziel nicht
// im Präparat" on 111443).
std::vector<std::string> confirmation_meaning_beyond(std::string_view meaning,
                                                     TargetConfirmation confirmation);

// True for every code of CID 6026 Mammography Assessment: the BI-RADS categories category_for()
// reads, and (111120, DCM, "Post Procedure Mammograms for Marker Placement"), which is an
// assessment but not a category. False means an unknown assessment code.
bool is_assessment_code(const Code& code);

// True for every code of CID 6158 Correlation to Other Findings (111381–111387, DCM).
bool is_correlation_code(const Code& code);

// True for the coding schemes whose concepts a breast imaging report uses (domain.md §3: DCM,
// SCT and its legacy SRT/SNM3 forms, LN, UCUM, BI, NCIt, UMLS, FMA, RADLEX, 99SDM). A concept
// name in any other scheme is a local code this tool cannot read.
bool is_known_coding_scheme(std::string_view scheme);

// Lower-case hyphenated words for messages and tests.
std::string_view to_string(FindingKind kind);
std::string_view to_string(FollowUpKind kind);

}  // namespace mammocalc
