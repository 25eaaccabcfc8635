#pragma once
// Coded concepts as plain values, and the named constants the reader and the rules use.
// Concepts are matched on (code value, coding scheme) only; legacy SRT codes count as their SCT
// equals (domain.md §3.9). Code meanings are carried for display, never compared.

#include <string>
#include <string_view>

namespace mammocalc {

// A coded entry as read from a document or annotation.
struct Code {
  std::string value;
  std::string scheme;
  std::string meaning;

  bool empty() const { return value.empty() && scheme.empty(); }
};

// A code constant; cheap to keep in tables.
struct CodeConst {
  std::string_view value;
  std::string_view scheme;
  std::string_view meaning;

  Code to_code() const {
    return Code{std::string(value), std::string(scheme), std::string(meaning)};
  }
};

// The SCT value a legacy SRT (SNOMED RT) code stands for, or an empty view when it has none.
std::string_view sct_for_legacy_srt(std::string_view srt_value);

// True when code denotes the same concept as constant: equal value and scheme, where a legacy
// SRT code is first translated to its SCT equal.
bool same_concept(const Code& code, const CodeConst& constant);

// True when both codes denote the same concept (same rules as above).
bool same_concept(const Code& a, const Code& b);

// "(value, scheme, "meaning")" for messages and warnings.
std::string describe(const Code& code);

namespace codes {
// Document roots (domain.md §2).
inline constexpr CodeConst kBreastImagingReport{"111400", "DCM", "Breast Imaging Report"};
inline constexpr CodeConst kMammographyCadReport{"111036", "DCM", "Mammography CAD Report"};

// TID 4206 / TID 4203 / TID 4207 concept names.
inline constexpr CodeConst kFinding{"121071", "DCM", "Finding"};
// TID 4206 row 20 (DCID 6056): a finding that comes with this one (a distortion, a mass).
inline constexpr CodeConst kAssociatedFinding{"246090004", "SCT", "Associated Finding"};
inline constexpr CodeConst kFindings{"121070", "DCM", "Findings"};
inline constexpr CodeConst kLaterality{"272741003", "SCT", "Laterality"};
inline constexpr CodeConst kProcedureReported{"121058", "DCM", "Procedure reported"};
// The biopsy a Recommended Follow-up names, as concept modifiers of it (domain.md §3.5): its
// Procedure reported and that procedure's Procedure Modifiers.
inline constexpr CodeConst kProcedureModifier{"111464", "DCM", "Procedure Modifier"};
inline constexpr CodeConst kCoreNeedleBiopsy{"44578009", "SCT", "Core needle biopsy of breast"};
inline constexpr CodeConst kPreBiopsyLocalization{"237380007", "SCT",
                                                  "Pre-biopsy localization of breast lesion"};
inline constexpr CodeConst kSurgicalBiopsy{"274331003", "SCT", "Breast - surgical biopsy"};
inline constexpr CodeConst kUltrasonicGuidance{"61593002", "SCT", "Ultrasonic guidance procedure"};
inline constexpr CodeConst kStereotacticLocalization{
    "64318009", "SCT", "Diagnostic radiography, stereotactic localization"};
inline constexpr CodeConst kVacuumAssisted{"111490", "DCM", "Vacuum assisted"};
inline constexpr CodeConst kClockfaceOrRegion{"111014", "DCM", "Clockface or region"};
inline constexpr CodeConst kQuadrantLocation{"111048", "DCM", "Quadrant location"};
inline constexpr CodeConst kDepth{"111020", "DCM", "Depth"};
inline constexpr CodeConst kDistanceFromNipple{"121242", "DCM", "Distance from nipple"};
inline constexpr CodeConst kDistanceFromSkin{"121243", "DCM", "Distance from skin"};
inline constexpr CodeConst kDistanceFromChestWall{"121244", "DCM", "Distance from chest wall"};
inline constexpr CodeConst kCalcificationType{"111009", "DCM", "Calcification Type"};
inline constexpr CodeConst kCalcificationDistribution{"111008", "DCM",
                                                      "Calcification Distribution"};
inline constexpr CodeConst kNumberOfCalcifications{"111038", "DCM", "Number of calcifications"};
inline constexpr CodeConst kChangeSinceLastMammogram{"129720009", "SCT",
                                                     "Change since last mammogram"};
inline constexpr CodeConst kCorrelationToOtherFindings{"111380", "DCM",
                                                       "Correlation to Other Findings"};
inline constexpr CodeConst kCorrelatesToUltrasound{"111384", "DCM",
                                                   "Correlates to ultrasound findings"};
inline constexpr CodeConst kFindingSite{"363698007", "SCT", "Finding Site"};
inline constexpr CodeConst kAssessmentCategory{"111005", "DCM", "Assessment Category"};
inline constexpr CodeConst kRecommendedFollowUp{"111053", "DCM", "Recommended Follow-up"};
inline constexpr CodeConst kRecommendedFollowUpInterval{"111055", "DCM",
                                                        "Recommended Follow-up Interval"};
inline constexpr CodeConst kOverallAssessment{"111413", "DCM", "Overall Assessment"};
inline constexpr CodeConst kPathologyResults{"111468", "DCM", "Pathology Results"};
inline constexpr CodeConst kProcedureResult{"122177", "DCM", "Procedure Result"};
inline constexpr CodeConst kPathology{"111042", "DCM", "Pathology"};
inline constexpr CodeConst kConfirmationOfTarget{"111442", "DCM", "Confirmation of target"};

// Finding values that make a TID 4206 finding a calcification finding (domain.md §3.6).
inline constexpr CodeConst kCalcificationOfBreast{"309587003", "SCT", "Calcification of breast"};
inline constexpr CodeConst kCalcificationCluster{"129769006", "SCT", "Calcification Cluster"};
inline constexpr CodeConst kIndividualCalcification{"129770007", "SCT", "Individual Calcification"};
inline constexpr CodeConst kMassWithCalcifications{"111459", "DCM", "Mass with calcifications"};
inline constexpr CodeConst kRadiographicCalcificationFinding{"129748009", "SCT",
                                                             "Radiographic calcification finding"};

// TID 4000 Mammography CAD.
inline constexpr CodeConst kImageLibrary{"111028", "DCM", "Image Library"};
inline constexpr CodeConst kImageLaterality{"111027", "DCM", "Image Laterality"};
inline constexpr CodeConst kSingleImageFinding{"111059", "DCM", "Single Image Finding"};
inline constexpr CodeConst kIndividualImpression{"111034", "DCM",
                                                 "Individual Impression/Recommendation"};
inline constexpr CodeConst kCadSummary{"111017", "DCM", "CAD Processing and Findings Summary"};
inline constexpr CodeConst kRenderingIntent{"111056", "DCM", "Rendering Intent"};
inline constexpr CodeConst kNotForPresentation{
    "111152", "DCM", "Not for Presentation: Rendering device expected not to present"};
// TID 4000 rows 5-8: which algorithms ran (TID 4015 / 4016 below each, TID 4017 / 4018 items).
inline constexpr CodeConst kSummaryOfDetections{"111064", "DCM", "Summary of Detections"};
inline constexpr CodeConst kSummaryOfAnalyses{"111065", "DCM", "Summary of Analyses"};
inline constexpr CodeConst kFailedDetections{"111025", "DCM", "Failed Detections"};
inline constexpr CodeConst kFailedAnalyses{"111024", "DCM", "Failed Analyses"};
inline constexpr CodeConst kDetectionPerformed{"111022", "DCM", "Detection Performed"};
inline constexpr CodeConst kAnalysisPerformed{"111004", "DCM", "Analysis Performed"};

// Recommended follow-up (CID 6028) codes the rules emit or read.
inline constexpr CodeConst kBiopsyShouldBeConsidered{"111143", "DCM",
                                                     "Biopsy should be considered"};
inline constexpr CodeConst kNeedleLocalizationAndBiopsy{"111144", "DCM",
                                                        "Needle localization and biopsy"};
inline constexpr CodeConst kHistologyUsingCoreBiopsy{"111145", "DCM",
                                                     "Histology using core biopsy"};
inline constexpr CodeConst kCytologicAnalysis{"111147", "DCM", "Cytologic analysis"};
inline constexpr CodeConst kShortIntervalFollowUp{"111142", "DCM",
                                                  "Follow-up at short interval (1-11 months)"};
inline constexpr CodeConst kSpotMagnificationViews{"111136", "DCM", "Spot magnification view(s)"};
inline constexpr CodeConst kNormalIntervalFollowUp{"111140", "DCM", "Normal interval follow-up"};
inline constexpr CodeConst kSurgicalConsult{"111410", "DCM", "Surgical consult"};
}  // namespace codes

}  // namespace mammocalc
