// THE rule set, version 2026.2 (decision-logic.md). One row per rule: id, title, citation,
// condition, stage, predicate, outcome, the evidence it reads. This is the only place that
// decides; rules.cpp only runs the rows. Predicates are small and read like their wording.

#include <algorithm>
#include <initializer_list>

#include "rules/rule_predicates.hpp"
#include "rules/rules.hpp"

namespace mammocalc {
namespace {

using namespace predicates;  // NOLINT(google-build-using-namespace): the predicates read as words

// Citations, named once (cppcheck's CWE constants are the model).
constexpr std::string_view kSeedDoctorSuspects =
    "SEED §BC \"If your doctor suspects even a chance of a malignancy, they'll recommend a "
    "biopsy.\"";
constexpr std::string_view kSeedLobules =
    "SEED §BC \"Calcium deposits in the lobules are almost always benign.\"";
constexpr std::string_view kSeedDucts =
    "SEED §BC \"But deposits in the ducts can occasionally be a sign of ductal carcinoma in situ "
    "(DCIS), a form of breast cancer.\"";
constexpr std::string_view kBiradsTypicallyBenign =
    "BI-RADS Atlas 5th ed. (2013), calcification morphology: typically benign list";
constexpr std::string_view kBiradsCategory0 =
    "BI-RADS Atlas 5th ed. (2013), assessment category 0: incomplete, need additional imaging "
    "evaluation";
constexpr std::string_view kBiradsCategory3 =
    "BI-RADS Atlas 5th ed. (2013), assessment category 3: probably benign, short-interval "
    "(6-month) follow-up";
constexpr std::string_view kBiradsCategory6 =
    "BI-RADS Atlas 5th ed. (2013), assessment category 6: known biopsy-proven malignancy";
constexpr std::string_view kSeedLumps =
    "SEED §BC \"Breast lumps should be investigated by your doctor regardless of what you think is "
    "the cause.\"";
constexpr std::string_view kBiradsWithMass =
    "BI-RADS Atlas 5th ed. (2013): calcifications associated with a mass are assessed with the "
    "mass";
constexpr std::string_view kNothingToDecideOn =
    "decision-logic.md §5: \"An SR with no calcification finding gives an exam summary saying so "
    "(category from the report if any)\"; with no finding, no category and no text read there is "
    "nothing the summary could rest on, and §1 never drops what cannot be read without trace";
constexpr std::string_view kIndianJSurgOncol =
    "Indian J Surg Oncol 2010 (presurgical localization for high-risk lesions, discordance, "
    "failed CNB); SEED §BC \"Wire localization … is considered a surgery.\"";

constexpr std::string_view kEveryItemCounts =
    "decision-logic.md §1 (2026.2): \"When one source gives the same field twice with different "
    "values ..., no value silently replaces another: the finding is classified on the more "
    "suspicious reading\"; \"An item that cannot be read ... is never dropped without trace\"";
constexpr std::string_view kCadAlgorithmsRun =
    "DICOM PS3.16 TID 4000 (Summary of Detections and Summary of Analyses, CID 6042 Status of "
    "Results; CID 6047): \"This information forms the basis for understanding why a mammography "
    "CAD report may produce no (or fewer than anticipated) results.\"; decision-logic.md §1 "
    "(2026.2): \"An item that cannot be read ... is never dropped without trace\"";
constexpr std::string_view kReportedFollowUpDiffers =
    "decision-logic.md §4: \"A reported follow-up code that names a different procedure than the "
    "rules chose (e.g. 111145 core biopsy) is shown beside the rules' choice with a warning.\"";

constexpr std::string_view kGaoAccuracy =
    "Gao H et al., J Biomed Inform 2015;54:77–84: rule-based extraction from mammography reports "
    "is 92–99% accurate, not 100%";
constexpr std::string_view kBiradsAssessmentCategories =
    "BI-RADS Atlas 5th ed. (2013), final assessment categories 0–6";

// Not in decision-logic.md or domain.md, which name the codes only (domain.md §3.6 lists
// 129792006 and 129789007 among the calcification-relevant CID 6054 values, with no category):
// the BI-RADS atlas assesses distortion and asymmetry as findings of their own.
constexpr std::string_view kBiradsDistortion =
    "BI-RADS Atlas 5th ed. (2013), mammography lexicon, architectural distortion: without a "
    "history of surgery or trauma at the site it is suspicious and warrants tissue diagnosis "
    "(category 4). decision-logic.md and domain.md are silent on it (domain.md §3.6 lists "
    "(129792006, SCT) among the calcification-relevant CID 6054 finding codes, with no "
    "category); the rules cannot know the history, so W19 asks for review as well";
constexpr std::string_view kBiradsAsymmetry =
    "BI-RADS Atlas 5th ed. (2013): a focal asymmetry is a finding for category 3 only without "
    "associated calcifications (Messinger J et al., Applied Radiology, \"Inappropriate use of "
    "BI-RADS Category 3: learning from mistakes\"); architectural distortion as C15. "
    "decision-logic.md and domain.md are silent on both (domain.md §3.6 lists the codes only): "
    "at least radiologist review, never benign without it";

constexpr unsigned kMorphDist = kEvidenceMorphology | kEvidenceDistribution;

Outcome site_outcome(Site site, SiteSource source) {
  Outcome outcome;
  outcome.site = site;
  outcome.site_source = source;
  return outcome;
}

Outcome stated_site_outcome(SiteSource source) {
  Outcome outcome;
  outcome.site_as_stated = true;
  outcome.site_source = source;
  return outcome;
}

Outcome category(Category value) {
  Outcome outcome;
  outcome.category = value;
  return outcome;
}

// A category that raises the others to at least `value` but alone gives none (C0).
Outcome category_floor(Category value) {
  Outcome outcome = category(value);
  outcome.category_floor = true;
  return outcome;
}

// C14: the benign and probably-benign categories of the other rows do not count; never below 0.
Outcome benign_categories_void() {
  Outcome outcome = category_floor(Category::Incomplete0);
  outcome.benign_categories_void = true;
  return outcome;
}

Outcome action(Action value, std::optional<CodeConst> follow_up) {
  Outcome outcome;
  outcome.action = value;
  outcome.follow_up = follow_up;
  return outcome;
}

Outcome note(std::string_view text) {
  Outcome outcome;
  outcome.note = text;
  return outcome;
}

Outcome biopsy(BiopsyType type, Guidance guidance, Needle needle, const CodeConst& follow_up) {
  Outcome outcome;
  outcome.biopsy = type;
  outcome.guidance = guidance;
  outcome.needle = needle;
  outcome.follow_up = follow_up;
  return outcome;
}

Outcome known_malignancy_outcome() {
  Outcome outcome = biopsy(BiopsyType::WireLocalization, Guidance::Mammographic,
                           Needle::Localization, codes::kSurgicalConsult);
  outcome.action = Action::SurgicalConsult;
  return outcome;
}

// A8 for diffuse calcifications: a wire marks one place, and diffuse calcifications are none
// (hostile review 26, H26-10).
Outcome known_malignancy_diffuse_outcome() {
  Outcome outcome = action(Action::SurgicalConsult, codes::kSurgicalConsult);
  outcome.note =
      "No wire localization: a wire marks one place, and diffuse calcifications are in no one "
      "place; the surgical consult plans the extent.";
  return outcome;
}

Outcome no_outcome() { return Outcome{}; }

Outcome needing_review(Outcome outcome) {
  outcome.needs_review = true;
  return outcome;
}

// An exam row whose evidence could not all be read, or that the report's own request contradicts
// (E5, E21: a biopsy or sooner imaging asked beside a benign verdict; hostile review 60, H60-8):
// the exam is 0 unless 4 or above.
Outcome exam_incomplete(Outcome outcome) {
  outcome.exam_incomplete = true;
  return outcome;
}

// E15: the own categories of findings the rules do not assess count for breast and exam.
Outcome counting_unassessed_findings(Outcome outcome) {
  outcome.counts_unassessed_findings = true;
  return outcome;
}

// E24: the categories the report states per breast set those breasts' rows.
Outcome taking_stated_categories(Outcome outcome) {
  outcome.rows_take_stated_categories = true;
  return outcome;
}

// E23: the breasts of the hidden CAD findings it weighs get rows.
Outcome giving_hidden_findings_rows(Outcome outcome) {
  outcome.rows_of_hidden_findings = true;
  return outcome;
}

Outcome exam_category(ExamBasis basis) {
  Outcome outcome;
  outcome.exam_basis = basis;
  return outcome;
}

Outcome warning(WarningCode code, WarningTexts texts) {
  Outcome outcome;
  outcome.warning = code;
  outcome.warning_texts = texts;
  return outcome;
}

std::vector<Rule> make_rule_table() {
  return {
      // --- Site: lobule or duct (decision-logic.md §2) ---
      {"S1", "Site as the annotating radiologist states it",
       "decision-logic.md §2 precedence: annotation > SR finding > SR overall > inferred",
       "the annotation states the site", Stage::Site, site_stated_by_annotation,
       stated_site_outcome(SiteSource::Annotation), kEvidenceSite},
      {"S2", "Site as the SR codes it (Finding Site: duct or lobule) or its text states it",
       "DICOM PS3.16 TID 4206 (extensible) with Finding Site (363698007, SCT); decision-logic.md "
       "§6 item 7: a site the narrative states counts as stated",
       "the SR finding carries a Finding Site duct or lobule code, or the report text states the "
       "site of a narrative finding (\"within the lobules\", \"intraductal\")",
       Stage::Site, site_stated_by_sr, stated_site_outcome(SiteSource::Sr), kEvidenceSite,
       site_stated_in_text, stated_site_outcome(SiteSource::Narrative), "stated in the text"},
      {"S3", "Ductal pattern: casting or rod-like forms, or a linear or segmental arrangement",
       "IARC Atlas of breast cancer early detection (intraductal calcifications); BI-RADS 5th "
       "ed. (large rod-like = duct ectasia)",
       "morphology fine pleomorphic, fine linear, fine linear branching or large rod-like; or "
       "distribution linear or segmental",
       Stage::Site, ductal_pattern, site_outcome(Site::Ductal, SiteSource::Inferred), kMorphDist},
      {"S4", "Lobular pattern: round, punctate or milk of calcium, not in a ductal arrangement",
       "BI-RADS 5th ed. (round calcifications \"frequently formed in the acini of lobules\"); "
       "milk of calcium in microcysts",
       "every morphology term round, punctate or milk of calcium; distribution diffuse, "
       "regional, grouped or unknown; and nothing from S3",
       Stage::Site, lobular_pattern, site_outcome(Site::Lobular, SiteSource::Inferred), kMorphDist},
      {"S5", "Site unknown", "decision-logic.md §2: none of S1–S4 applies", "none of S1–S4 applies",
       Stage::Site, always, site_outcome(Site::Unknown, SiteSource::None), 0},

      // --- Classification (decision-logic.md §3) ---
      {"C14", "Uncertain mention in the report text: never benign", kSeedDoctorSuspects,
       "the finding was read from a text mention that is uncertain (\"possible\", \"cannot be "
       "excluded\", \"questionable\"): never below 0, the benign and probably-benign "
       "categories (1–3) of the other rows do not count, suspicious descriptors still give "
       "their category",
       Stage::Category, uncertain_mention, benign_categories_void(), kMorphDist},
      // Hostile review 27, H27-9: W19 said the rules cannot assess an asymmetry's calcifications,
      // yet round, diffuse ones in it came out 2 benign, routine screening.
      {"C16", "Calcifications in an asymmetry: never benign", kBiradsAsymmetry,
       "the finding code is an asymmetry (129789007 focal asymmetric breast tissue, 129790003 "
       "asymmetric breast tissue, SCT) and the finding carries calcification descriptors: never "
       "below 0, the benign and probably-benign categories (1–3) of the other rows do not count, "
       "suspicious descriptors still give their category; not where the report text attributes "
       "the asymmetry to surgery, a scar or trauma at the site (the lexicon's distortionCause "
       "words next to it, not denied; W19 still asks for review)",
       Stage::Category, calcifications_in_an_asymmetry, benign_categories_void(), kEvidenceLesion},
      {"C0", "Any suspicious feature: never below 4A", kSeedDoctorSuspects,
       "any suspicious feature is present anywhere in the finding (suspicious morphology, "
       "linear or segmental arrangement, ductal site without benign morphology, within a mass, "
       "new or increasing round/punctate group, architectural distortion, or a suspicious "
       "calcification code (CID 6010 amorphous to fine linear branching, CID 6012 linear or "
       "segmental) as the value of an item of the finding that could not be read — another "
       "concept, a value outside its concept's context group: decision-logic.md §1 \"the finding "
       "is classified on the more suspicious reading\", an item that cannot be read \"is never "
       "dropped without trace\"; its concept does not say it describes the calcifications, so it "
       "is weighed here, not read as their morphology)",
       Stage::Category, has_suspicious_feature, category_floor(Category::LowSuspicion4A),
       kMorphDist | kEvidenceSite | kEvidenceChange | kEvidenceUltrasound | kEvidenceLesion |
           kEvidenceUnreadSuspicious},
      {"C1", "Typically benign morphology", kBiradsTypicallyBenign,
       "every morphology term is typically benign and the distribution is not linear or "
       "segmental (large rod-like, vascular and suture: any distribution; round and punctate: "
       "only with a known distribution)",
       Stage::Category, typically_benign, category(Category::Benign2), kMorphDist},
      {"C2", "Lobular calcifications without suspicious morphology", kSeedLobules,
       "site lobular, no suspicious or unrecognised morphology, distribution diffuse, regional "
       "or unknown (unknown only when the site is stated, not inferred)",
       Stage::Category, lobular_without_suspicious_morphology, category(Category::Benign2),
       kMorphDist | kEvidenceSite},
      {"C3", "Isolated group of round or punctate calcifications, stable or baseline",
       "BI-RADS Atlas 5th ed. (2013): isolated group of punctate calcifications → category 3",
       "round or punctate, grouped, change stable or unknown (baseline)", Stage::Category,
       round_grouped_stable, category(Category::ProbablyBenign3), kMorphDist | kEvidenceChange},
      {"C4", "Round or punctate, new or increasing, or in a ductal arrangement",
       "BI-RADS Atlas 5th ed. (2013): punctate calcifications that are new, increasing, linear "
       "or segmental → biopsy",
       "round or punctate grouped and new or increased; or round/punctate in a linear or "
       "segmental distribution",
       Stage::Category, round_new_or_ductal_arrangement, category(Category::LowSuspicion4A),
       kMorphDist | kEvidenceChange},
      {"C5", "Amorphous calcifications",
       "BI-RADS Atlas 5th ed. (2013) amorphous PPV ≈20% → 4B; Kim D et al., Eur J Radiol 2023 "
       "(diffuse amorphous PPV 0%)",
       "amorphous morphology: 4B; 3 when the distribution is diffuse and bilateral",
       Stage::Category, has_amorphous, category(Category::ModerateSuspicion4B),
       kMorphDist | kEvidenceLaterality, diffuse_and_bilateral, category(Category::ProbablyBenign3),
       "diffuse and bilateral"},
      {"C6", "Coarse heterogeneous calcifications",
       "BI-RADS Atlas 5th ed. (2013) coarse heterogeneous PPV slightly <15% → 4B",
       "coarse heterogeneous morphology", Stage::Category, has_coarse_heterogeneous,
       category(Category::ModerateSuspicion4B), kEvidenceMorphology},
      {"C7", "Fine pleomorphic calcifications",
       "BI-RADS Atlas 5th ed. (2013) fine pleomorphic PPV 29% → 4B; Liberman L et al., AJR "
       "1998;171:35–40",
       "fine pleomorphic morphology: 4B; 4C in a linear or segmental distribution", Stage::Category,
       has_fine_pleomorphic, category(Category::ModerateSuspicion4B), kMorphDist,
       linear_or_segmental, category(Category::HighSuspicion4C), "linear or segmental"},
      {"C8", "Fine linear or fine linear branching calcifications",
       "BI-RADS Atlas 5th ed. (2013) fine linear PPV ≈70% → 4C; Liberman L et al., AJR "
       "1998;171:35–40 (linear morphology PPV 81%)",
       "fine linear or fine linear branching morphology: 4C; 5 in a linear or segmental "
       "distribution",
       Stage::Category, has_fine_linear, category(Category::HighSuspicion4C), kMorphDist,
       linear_or_segmental, category(Category::HighlySuggestive5), "linear or segmental"},
      {"C9", "Ductal calcifications without benign morphology", kSeedDucts,
       "site ductal (stated or inferred) and no morphology that C1 calls benign", Stage::Category,
       ductal_without_benign_morphology, category(Category::LowSuspicion4A),
       kMorphDist | kEvidenceSite},
      {"C10", "Linear or segmental arrangement",
       "Liberman L et al., AJR 1998;171:35–40 (segmental distribution PPV 74%, linear 68%)",
       "linear or segmental distribution with no morphology, or with any morphology that is not "
       "benign in any distribution",
       Stage::Category, ductal_arrangement_not_benign, category(Category::ModerateSuspicion4B),
       kMorphDist},
      {"C11", "Calcifications within a mass",
       "BI-RADS Atlas 5th ed. (2013): calcifications associated with a mass are assessed with "
       "the mass",
       "distribution within a mass, or finding mass with calcifications (111459, DCM)",
       Stage::Category, within_mass, category(Category::LowSuspicion4A),
       kEvidenceDistribution | kEvidenceUltrasound},
      // Not in decision-logic.md (hostile review 26, H26-2): the finding code of a calcification
      // finding was read for a mass (C11) and dropped for a distortion, which came out benign.
      {"C15", "Calcifications in an architectural distortion", kBiradsDistortion,
       "the finding code is architectural distortion of breast (129792006, SCT; legacy F-01795, "
       "SRT) and the finding carries calcification descriptors; not where the report text "
       "attributes the distortion to surgery, a scar or trauma at the site (the lexicon's "
       "distortionCause words next to it, not denied; W19 still asks for review)",
       Stage::Category, architectural_distortion, category(Category::LowSuspicion4A),
       kEvidenceLesion},
      {"C13", "Known malignancy", kBiradsCategory6,
       "prior result malignant, or reported category 6", Stage::Category, known_malignancy,
       category(Category::KnownMalignancy6), kEvidencePriorResult | kEvidenceReportedCategory},
      {"C12", "Insufficient or conflicting evidence: incomplete", kBiradsCategory0,
       "none of C1–C11 and C13 gives a category (e.g. no morphology and no site, unrecognised "
       "codes, a CAD cluster with only a count), or the stated and inferred sites conflict",
       Stage::CategoryFallback, evidence_insufficient, category(Category::Incomplete0),
       kMorphDist | kEvidenceSite},

      // --- Reported assessment (decision-logic.md §3) ---
      {"R1", "The report's own category: the higher one stands",
       "decision-logic.md §3 (R1); BI-RADS Atlas 5th ed. (2013) assessment categories",
       "a reported Assessment Category (111005, DCM) exists for the finding, or words of the "
       "report text assess it (\"suspicious\": 4; narrative.md §3); the final category "
       "is the higher of the rules' and the reported one (a reported 1–3 does not count where C14 "
       "fired); 1–3 against 4A–5 is discordant",
       Stage::Assessment, has_reported_category, no_outcome(), kEvidenceReportedCategory},

      // --- Recommendation (decision-logic.md §4) ---
      {"A1", "Benign: routine screening",
       "SEED §BC \"Benign breast calcifications don't increase your risk of developing breast "
       "cancer.\"",
       "classification benign", Stage::Recommendation, classified_benign,
       action(Action::RoutineScreening, codes::kNormalIntervalFollowUp), kEvidenceClassification},
      {"A2", "Benign deposit that bothers the patient: discuss elective removal",
       "SEED §BC \"If the benign calcification is interfering with your clothing or you have "
       "concerns, talk to your doctor about having it removed.\"",
       "classification benign and the patient is bothered by the deposit (annotation)",
       Stage::Recommendation, benign_and_bothering,
       note("Discuss elective removal of the benign deposit; usually an outpatient procedure."),
       kEvidenceClassification | kEvidenceBothered},
      {"A3", "Vascular calcification: incidental cardiovascular note",
       "SEED §CV \"If you have arterial calcification, you're more likely to develop heart "
       "disease.\"",
       "vascular calcification present", Stage::Recommendation, has_vascular,
       note("Incidental arterial calcification: tell the referring clinician about "
            "cardiovascular risk."),
       kEvidenceMorphology},
      {"A4", "Probably benign: short-interval follow-up", kBiradsCategory3,
       "classification probably benign", Stage::Recommendation, classified_probably_benign,
       action(Action::ShortIntervalFollowUp, codes::kShortIntervalFollowUp),
       kEvidenceClassification},
      {"A5", "Indeterminate: additional imaging and radiologist review", kBiradsCategory0,
       "classification indeterminate", Stage::Recommendation, classified_indeterminate,
       needing_review(action(Action::AdditionalImaging, codes::kSpotMagnificationViews)),
       kEvidenceClassification},
      {"A6", "Palpable lump: clinical evaluation", kSeedLumps, "palpable lump",
       Stage::Recommendation, palpable,
       note("Palpable lump: clinical evaluation regardless of the calcification result."),
       kEvidencePalpable},
      {"A7", "Suspicious: biopsy", kSeedDoctorSuspects, "classification suspicious",
       Stage::Recommendation, classified_suspicious, action(Action::Biopsy, std::nullopt),
       kEvidenceClassification},
      {"A8", "Known malignancy: wire localization before surgery, surgical consult",
       kBiradsCategory6, "classification known malignancy", Stage::Recommendation,
       classified_known_malignancy, known_malignancy_outcome(),
       kEvidenceClassification | kEvidenceDistribution, diffuse_distribution,
       known_malignancy_diffuse_outcome(), "the distribution is diffuse (no wire localization)"},

      // --- Biopsy type, first applicable row wins (decision-logic.md §4) ---
      {"B1", "Prior high-risk, insufficient or discordant result: surgical excision",
       kIndianJSurgOncol,
       "prior result high-risk, insufficient, indeterminate, target not in specimen or no "
       "calcifications in the cores",
       Stage::BiopsyType, prior_result_needs_excision,
       biopsy(BiopsyType::WireLocalization, Guidance::Mammographic, Needle::Localization,
              codes::kNeedleLocalizationAndBiopsy),
       kEvidencePriorResult},
      {"B2", "Needle localization reported as the follow-up",
       "DICOM PS3.16 CID 6028: (111144, DCM, \"Needle localization and biopsy\")",
       "the SR codes Needle localization and biopsy (111144, DCM) as the recommended follow-up",
       Stage::BiopsyType, reported_needle_localization,
       biopsy(BiopsyType::WireLocalization, Guidance::Mammographic, Needle::Localization,
              codes::kNeedleLocalizationAndBiopsy),
       kEvidenceReportedFollowUp},
      {"B3", "Ultrasound-visible: ultrasound-guided core biopsy",
       "Soo MS et al., AJR 2003;180:941; SEED §BC \"A core biopsy is done with a hollow needle "
       "that's injected into the breast, after local anesthesia.\"",
       "ultrasound-visible (ultrasound correlate, within a mass, mass with calcifications)",
       Stage::BiopsyType, ultrasound_visible,
       biopsy(BiopsyType::Core, Guidance::Ultrasound, Needle::Core,
              codes::kHistologyUsingCoreBiopsy),
       kEvidenceUltrasound},
      {"B4", "Stereotactic not feasible: wire localization",
       "Contraindications to stereotactic breast biopsy (domain.md §5.1: medicalalgorithms; "
       "HKJR 2003;6:28); SEED §BC \"a radiologist uses a mammogram or ultrasound to guide a fine "
       "wire into the breast\"",
       "compressed thickness below the site minimum, axillary tail, axilla or chest wall, "
       "distance from chest wall or skin below the site minimum, patient cannot lie prone, or "
       "no stereotactic unit at the site",
       Stage::BiopsyType, stereotactic_not_feasible,
       biopsy(BiopsyType::WireLocalization, Guidance::Mammographic, Needle::Localization,
              codes::kNeedleLocalizationAndBiopsy),
       kEvidenceStereotacticObstacles},
      {"B5", "Mammography-only calcifications: stereotactic vacuum-assisted biopsy",
       "Ames V, Britton PD, Insights Imaging 2011;2:171 (false negatives 0.7% VAB vs 8% 14G "
       "core); SEED §BC \"A vacuum-assisted biopsy is done using a mammogram or ultrasound to "
       "guide a probe.\"",
       "not ultrasound-visible and the site has vacuum-assisted equipment", Stage::BiopsyType,
       mammography_only_with_vacuum,
       biopsy(BiopsyType::VacuumAssisted, Guidance::Stereotactic, Needle::VacuumAssisted,
              codes::kHistologyUsingCoreBiopsy),
       kEvidenceUltrasound | kEvidenceVacuumProfile},
      {"B6", "Stereotactic core needle biopsy with specimen radiograph",
       "SEED §BC \"Stereotactic biopsy is a type of core biopsy … a stereoscopic X-ray is used "
       "to guide the needle.\"; Liberman L et al., Radiology 1994;190:223",
       "otherwise", Stage::BiopsyType, always,
       biopsy(BiopsyType::Stereotactic, Guidance::Stereotactic, Needle::Core,
              codes::kHistologyUsingCoreBiopsy),
       kEvidenceVacuumProfile},

      // --- Checks on the reading that classifies: what the radiologist must look at ---
      {"W1", "Another source's reading is more suspicious than the values shown",
       kSeedDoctorSuspects,
       "an annotation changed a value of the finding, and the reading of another source (the SR's "
       "own values, or another annotation file's) gives the higher category: it classifies and "
       "its rules are traced",
       Stage::Check, more_suspicious_reading_classifies,
       warning(WarningCode::MoreSuspiciousReading, more_suspicious_reading_texts),
       kEvidenceClassification | kEvidenceReadings},
      {"W2", "Stated and inferred site disagree",
       "decision-logic.md §2: \"If S1 or S2 disagrees with what S3/S4 would infer, warn "
       "`site-conflict`; classification then takes the more suspicious of the two readings (rule "
       "C0).\"",
       "the site stated by S1 or S2 differs from the one S3 or S4 infers", Stage::Check,
       site_conflict, needing_review(warning(WarningCode::SiteConflict, site_conflict_texts)),
       kEvidenceSite},
      {"W3", "The coded evidence gives no category", kBiradsCategory0,
       "no category rule other than C0 applied, or the rules' category is 0", Stage::Check,
       rules_gave_no_category,
       needing_review(warning(WarningCode::InsufficientEvidence, insufficient_evidence_texts)),
       kMorphDist | kEvidenceSite},
      // "Almost always": the site alone is no proof; the form of the calcifications is unseen.
      {"W27", "Benign with no morphology recorded", kSeedLobules,
       "the finding is classified benign and no morphology was read for it (a lobular site alone "
       "gives C2's 2)",
       Stage::Check, benign_without_morphology,
       needing_review(warning(WarningCode::InsufficientEvidence, benign_without_morphology_texts)),
       kMorphDist | kEvidenceSite},
      {"W4", "Reported assessment and rules disagree",
       "decision-logic.md §3 (R1): \"When one says benign/probably benign (1–3) and the other "
       "suspicious (4A–5), warn `assessment-discordant` and show both.\"",
       "the reported category is 1–3 and the rules' 4A–6, or the other way round", Stage::Check,
       assessment_discordant,
       needing_review(warning(WarningCode::AssessmentDiscordant, assessment_discordant_texts)),
       kEvidenceReportedCategory | kEvidenceClassification},
      {"W5", "Reported follow-up names another procedure",
       "decision-logic.md §4: \"A reported follow-up code that names a different procedure than "
       "the rules chose (e.g. 111145 core biopsy) is shown beside the rules' choice with a "
       "warning.\"",
       "a reported follow-up is core biopsy (111145) where the rules chose no biopsy or wire "
       "localization, needle localization (111144) where they did not choose wire "
       "localization, cytology, or any other code that asks for tissue or says malignancy is "
       "suspected or known (111143, 111148, 111146, 111149, 111122, 111410) where the rules "
       "chose no biopsy, or short-interval follow-up or additional imaging (111142, 111135, "
       "111136, …) where the rules chose routine screening (CID 6028); or a Recommended "
       "Follow-up Interval (111055, DCM) sooner than the rules want (routine screening 12 "
       "months, short-interval follow-up 1 month; 0 is immediate). W20 weighs the other way",
       Stage::Check, reported_follow_up_differs,
       needing_review(warning(WarningCode::FollowUpDiffers, follow_up_differs_texts)),
       kEvidenceReportedFollowUp},
      {"W6", "Annotation and SR disagree: radiologist review",
       "decision-logic.md §1: \"A disagreement between an explicit value and an inferred one is "
       "kept in the summary as a warning.\"; the annotation-conflict warnings name each value",
       "an annotation gives a value of the finding that the SR (or another annotation file) gives "
       "differently, or the annotations give a procedure factor (compressed thickness, can lie "
       "prone) twice with different values (patient and finding element)",
       Stage::Check, readings_disagree, needing_review(no_outcome()), kEvidenceReadings},
      {"W9", "A value given twice: every item counts", kEveryItemCounts,
       "the source gives a field of the finding (laterality, site, distribution, assessment, "
       "change, location, count, several types on one CAD calcification) more than once with "
       "different values; every combination is classified and the more suspicious reading stands",
       Stage::Check, conflicting_values,
       needing_review(warning(WarningCode::ConflictingValues, conflicting_values_texts)),
       kEvidenceClassification},
      {"W10", "An item of the finding could not be read", kEveryItemCounts,
       "an item of the finding has a code outside its context group, a concept name in an unknown "
       "or wrong scheme, or a unit that cannot be converted (the reader's unknown-code and "
       "unknown-unit warnings name it)",
       Stage::Check, unreadable_item, needing_review(no_outcome()), kEvidenceClassification},
      // Not in decision-logic.md: codes match on value and scheme, never on their meaning, but
      // the radiologist saw and signed the meaning (hostile review 21, #3).
      {"W17", "A code's meaning names another term than its value: radiologist review",
       kEveryItemCounts,
       "a Calcification Type, Calcification Distribution or Laterality code of the finding has a "
       "meaning that is the canonical meaning (or BI-RADS word) of another term of its value set "
       "(a coarse code shown as \"Fine pleomorphic calcification\"), or for a type or "
       "distribution holds a word only another term has, in any word form (\"Pleomorphic\", "
       "\"Segmental distribution\"); the value is read and the meaning's term as a value given "
       "too, so the more suspicious reading stands. Or an Assessment Category or Recommended "
       "Follow-up code of the finding has a meaning naming another category or CID 6028 "
       "follow-up (\"5 - Highly suggestive of malignancy\" on 397141009): read by its code "
       "alone. Or the finding code's meaning names a suspicious calcification form, a mass, a "
       "distortion or an asymmetry: read as that too. Or a Pathology or Procedure Result code of "
       "the finding reads otherwise but its "
       "meaning names a malignancy: both are read, the malignant one stands (C13). The reader's "
       "code-meaning-discordant warning quotes both",
       Stage::Check, code_meaning_discordant, needing_review(no_outcome()),
       kEvidenceMorphology | kEvidenceDistribution | kEvidenceLaterality},
      // Not in decision-logic.md (hostile review 26, H26-2): the finding code names what the
      // calcification rules do not assess, and the review did not even say it.
      {"W19", "The finding code names a distortion or an asymmetry: radiologist review",
       kBiradsAsymmetry,
       "the finding code is architectural distortion of breast (129792006, SCT) or an asymmetry "
       "(129789007 focal asymmetric breast tissue, 129790003 asymmetric breast tissue, SCT): the "
       "rules classify its calcifications only; the warning names the finding code",
       Stage::Check, finding_code_names_a_lesion,
       needing_review(
           warning(WarningCode::InsufficientEvidence, finding_code_names_a_lesion_texts)),
       kEvidenceLesion},

      // Not in decision-logic.md (hostile review 93, S4): A6's note alone left the exam benign,
      // routine screening, unreviewed, and the review text silent on the lump.
      {"W28", "A palpable lump: radiologist review", kSeedLumps,
       "the finding is palpable (an annotation's palpable yes, or the report): the calcification "
       "rules do not assess a lump",
       Stage::Check, palpable,
       needing_review(warning(WarningCode::InsufficientEvidence, palpable_texts)),
       kEvidencePalpable},
      // Not in decision-logic.md (hostile review 93, S5): the code names a mass the SR does not
      // assess; C11 reads calcifications within a mass, none reads the mass beside them.
      {"W29", "Calcifications outside of a mass: radiologist review", kBiradsWithMass,
       "the finding's distribution is calcifications outside of a mass (111347, DCM): the rules "
       "classify the calcifications by their own form, the mass the code names is not assessed",
       Stage::Check, outside_a_mass,
       needing_review(warning(WarningCode::InsufficientEvidence, outside_a_mass_texts)),
       kEvidenceDistribution},
      // Not in decision-logic.md: a benign core of calcifications the rules still send to biopsy
      // was a second biopsy recommendation without a word, and a target partly obtained passed
      // unremarked (hostile review 29, H27-13).
      {"W21", "A biopsy result to correlate with the imaging: radiologist review",
       kIndianJSurgOncol,
       "a benign Procedure Result or Pathology (or annotation priorResult) on calcifications the "
       "rules call 4A or above, no other result deciding (malignant, high-risk, insufficient, "
       "target "
       "not in the specimen), or a Confirmation of target saying the target was only partially "
       "obtained or removed (111444, 111448, DCM)",
       Stage::Check, biopsy_result_to_correlate,
       needing_review(warning(WarningCode::InsufficientEvidence, biopsy_result_to_correlate_texts)),
       kEvidencePriorResult},

      // Not in decision-logic.md: B1 acts only at the biopsy stage, so a high-risk, insufficient
      // or indeterminate result, or a target not in the specimen, on calcifications the rules
      // call 2 or 3 vanished (hostile review 31, H31-3).
      {"W23",
       "A biopsy result that asks for excision on calcifications not sent to biopsy: "
       "radiologist review",
       kIndianJSurgOncol,
       "a high-risk, insufficient or indeterminate result, no calcifications in the cores, or a "
       "target not in the specimen (SR or annotation priorResult) on calcifications the rules "
       "call below 4A",
       Stage::Check, excision_result_without_biopsy,
       needing_review(
           warning(WarningCode::InsufficientEvidence, excision_result_without_biopsy_texts)),
       kEvidencePriorResult},

      // Not in decision-logic.md: a TID 4204 section with no result left the finding plainly
      // benign, its biopsy unmentioned (hostile review 32, H32-6).
      {"W24", "A biopsy documented without a result: radiologist review", kIndianJSurgOncol,
       "a TID 4204 intervention section that counts for the finding gives no Procedure Result, "
       "Pathology or Confirmation of target",
       Stage::Check, biopsy_without_result,
       needing_review(warning(WarningCode::InsufficientEvidence, biopsy_without_result_texts)),
       kEvidencePriorResult},

      // Not in decision-logic.md: a refinement whose srPosition (or laterality and clock) names
      // no SR finding was kept as an added finding and classified alone, so a site meant to
      // join an SR finding's morphology came out benign without review (issue 18, F11).
      {"W18", "An annotation's refinement matched no SR finding: radiologist review",
       kEveryItemCounts,
       "the finding is an annotation's refinement (action refine) that matched no SR finding "
       "(its position names no item, an item that is not a calcification finding, or several "
       "findings; no SR was given): its values are kept as a finding of their own, but they were "
       "meant to complete another, so alone they may look more benign than they are; the "
       "annotation-unmatched warning says why",
       Stage::Check, refinement_matched_no_finding, needing_review(no_outcome()),
       kEvidenceClassification},

      {"W7", "Read from the report text: radiologist review", kGaoAccuracy,
       "the finding was read from narrative text (origin narrative), not from coded content, or "
       "a coded finding took facts (site, change, place, laterality, ultrasound correlate) from "
       "the text that describes it (row W8)",
       Stage::Check, read_from_text,
       needing_review(warning(WarningCode::NarrativeDerived, read_from_text_texts)),
       kEvidenceClassification},

      // --- Checks once every finding is decided: the report's overall statements ---
      {"W11", "The report's overall assessment is above every finding it may rest on",
       "decision-logic.md §1: \"An overall assessment that carries a Laterality modifier speaks "
       "for that breast only.\"; §3 (R1): \"When one says benign/probably benign (1–3) and the "
       "other suspicious (4A–5), warn `assessment-discordant` and show both.\"",
       "an overall Assessment Category for this finding's breast (or the whole exam) is more "
       "suspicious than the final category of every calcification finding it may be about",
       Stage::OverallCheck, overall_more_suspicious_than_its_findings,
       needing_review(warning(WarningCode::AssessmentDiscordant, overall_more_suspicious_texts)),
       kEvidenceReportedCategory | kEvidenceClassification},
      {"W26", "The report's overall assessment is below a finding's own reported category",
       "decision-logic.md §1: \"A disagreement between an explicit value and an inferred one is "
       "kept in the summary as a warning.\"; §3 (R1): \"show both\"",
       "an overall Assessment Category for this finding's breast (or the whole exam) is less "
       "suspicious than the finding's own reported category (an overall 4 covers 4A to 4C): the "
       "report disagrees with itself, and its follow-up may rest on the lower; the higher stands",
       Stage::OverallCheck, overall_below_reported_category,
       needing_review(warning(WarningCode::AssessmentDiscordant, overall_below_reported_texts)),
       kEvidenceReportedCategory},
      {"W12", "The report's overall follow-up asks for tissue the rules did not",
       kReportedFollowUpDiffers,
       "an overall Recommended Follow-up for this finding's breast asks for tissue or says "
       "malignancy is suspected or known (CID 6028), and no calcification finding it may be "
       "about is given a biopsy or surgery",
       Stage::OverallCheck, overall_follow_up_not_chosen_for_breast,
       needing_review(warning(WarningCode::FollowUpDiffers, overall_follow_up_for_breast_texts)),
       kEvidenceReportedFollowUp},

      // Hostile review 26 (H26-9): W5 weighs a follow-up asking for more than the rules; one asking
      // for less (routine screening where the rules send the finding to biopsy) matters most.
      {"W20", "Reported follow-up asks for less than the rules: radiologist review",
       kReportedFollowUpDiffers,
       "the most the finding's reported follow-ups ask for, or an overall follow-up for its "
       "breast that it did not take as its own, is less than the rules' action, or one of them "
       "asks for a normal interval where the rules want more, whatever stands beside it (normal "
       "interval 111140 "
       "below short-interval follow-up; short interval 111142 below additional imaging, biopsy "
       "or surgery; additional imaging below biopsy or surgery; codes asking for tissue or "
       "saying malignancy never count as less), or a Recommended Follow-up Interval (111055, "
       "DCM) is later than the rules want (short-interval follow-up 11 months; additional "
       "imaging, biopsy, surgery 0, immediate)",
       Stage::OverallCheck, follow_up_asks_for_less,
       needing_review(warning(WarningCode::FollowUpDiffers, follow_up_asks_for_less_texts)),
       kEvidenceReportedFollowUp | kEvidenceClassification},

      // Hostile review 29 (H27-7): the results of a section counted for the one SR finding of its
      // breast, and an annotation added a second finding there, which may be the one biopsied.
      {"W22", "Which finding an intervention section is about cannot be told: radiologist review",
       kEveryItemCounts,
       "a TID 4204 intervention section's results counted for a finding as the one calcification "
       "finding of the section's breast, and that breast holds another finding (one an "
       "annotation added): both are flagged",
       Stage::OverallCheck, intervention_target_unclear,
       needing_review(
           warning(WarningCode::InsufficientEvidence, intervention_target_unclear_texts)),
       kEvidencePriorResult},

      {"W13", "A benign finding beside an item that could not be read", kEveryItemCounts,
       "the finding is benign or probably benign and the report holds an item outside every "
       "finding that could not be read (E8), its CAD did not run completely (E9), it says it is "
       "partial or preliminary (E11), an annotation file could not be read (E12) or an "
       "annotation's refinement matched no SR finding (E14): what was not read, or not placed, "
       "may be about this finding",
       Stage::OverallCheck, benign_beside_unreadable_item, needing_review(no_outcome()),
       kEvidenceClassification},
      // Not in decision-logic.md, E10's finding row: each finding of a read-back exam, which may
      // have been read from report text (W7) or held a conflict in the first run.
      {"W14", "Read back from mammocalc's own SR: each finding for review", kSeedDoctorSuspects,
       "the source is an SR mammocalc wrote itself (--read-own): the finding's first-run review "
       "flags (read from text, conflicting values) are not carried in coded form",
       Stage::OverallCheck, read_back_own_sr, needing_review(no_outcome()),
       kEvidenceClassification},
      // Not in decision-logic.md, E19's finding row: each finding of an exam with another result
      // under its UID showed needsReview="false" beside an exam that needed review (hostile
      // review 37, H37-8); a reader going finding by finding must see it too.
      {"W25", "Another input has this report's SOP Instance UID and another result: review",
       kEveryItemCounts,
       "another input (of this run, or of another hook call or received object into the same "
       "output directory) carries this report's SOP Instance UID but gives another result (E19): "
       "which result stands is not for the tool to choose, so each finding needs review",
       Stage::OverallCheck, same_exam_conflict, needing_review(no_outcome()),
       kEvidenceClassification},
      // Not in decision-logic.md as a row of its own: W8 warns on the exam, and a coded finding
      // the suspicious text describes would show its own lower category unflagged.
      {"W16",
       "The report text calls these coded calcifications more suspicious: radiologist "
       "review",
       "decision-logic.md §6.3 (W8), resting on §3 (R1): \"When one says benign/probably benign "
       "(1–3) and the other suspicious (4A–5), warn `assessment-discordant` and show both.\"",
       "the finding is coded and report text that row W8 keeps as a finding of its own may "
       "describe it (paired with it, or on its breast or naming none, at no other clock, "
       "quadrant or region) and is more suspicious than it, or is uncertain about it where it "
       "is benign or probably benign; the narrative finding stands beside it with its own "
       "category",
       Stage::OverallCheck, text_more_suspicious_than_this_finding,
       needing_review(
           warning(WarningCode::NarrativeDiscordant, text_more_suspicious_than_this_finding_texts)),
       kEvidenceReportedCategory | kEvidenceClassification},
      // Not in decision-logic.md: §6.4 ends "else unknown", and a biopsy of an unknown breast
      // cannot be done as recommended (issue 17: "A biopsy recommendation for an unknown breast
      // is of little use"). A breast in conflict is W9's already.
      {"W15",
       "A biopsy or short-interval follow-up for a finding whose breast is not known: radiologist "
       "review",
       "decision-logic.md §6.4: \"Coded findings without laterality take it from the procedure's "
       "laterality … or, failing that, from a narrative sentence that places the same "
       "calcifications; the summary names where it came from.\"",
       "the rules recommend a biopsy (or surgery) or a short-interval follow-up for the finding "
       "and neither the finding, its context nor the report text names its breast, or they give "
       "a biopsy both breasts",
       Stage::Check, recommendation_breast_not_named,
       needing_review(
           warning(WarningCode::InsufficientEvidence, recommendation_breast_not_named_texts)),
       kEvidenceLaterality},

      // --- The exam (decision-logic.md §5) ---
      {"E1", "Exam category: the highest of its findings",
       "decision-logic.md §5: \"The exam's category is the highest over its findings, per breast "
       "and overall; the exam's actions are the union of its findings' actions.\"",
       "the exam has calcification findings", Stage::Exam, exam_has_findings,
       exam_category(ExamBasis::Findings), kEvidenceExam},
      {"E2", "No calcification finding: the report's category",
       "decision-logic.md §5: \"An SR with no calcification finding gives an exam summary saying "
       "so (category from the report if any), never an error.\"",
       "no calcification finding, and the report has an overall Assessment Category", Stage::Exam,
       no_finding_but_report_category, exam_category(ExamBasis::Report), kEvidenceExam},
      {"E3", "Report's overall assessment: the higher stands", kSeedDoctorSuspects,
       "the report has an overall Assessment Category that is not the one finding's own "
       "reported category (with one finding that took every overall category as its own, R1 "
       "judged it there); the exam's category is the higher of the most suspicious overall "
       "category and the findings'",
       Stage::Exam, overall_category_not_on_a_finding, exam_category(ExamBasis::HigherOfBoth),
       kEvidenceExam},
      // Not in decision-logic.md (hostile review 93, m12): a report whose every text was empty
      // and that codes nothing came out "no calcification finding", unreviewed; TID 4200 asks
      // for an overall assessment, so such a report is incomplete, never a clean exam.
      {"E25", "The report says nothing to decide on: radiologist review", kNothingToDecideOn,
       "a report that is no CAD report holds no calcification finding, no other finding, no "
       "overall Assessment Category and no report text that was read",
       Stage::Exam, report_says_nothing,
       needing_review(warning(WarningCode::InsufficientEvidence, report_says_nothing_texts)),
       kEvidenceExam},
      // Not in decision-logic.md as an exam row: A5 asks review of a finding that is 0, but an
      // exam made 0 by the report's overall assessment beside benign findings (annotated as
      // such) came out 0 without review (hostile review 36, H36-14).
      {"E20", "The report's overall assessment 0 stands: additional imaging and radiologist review",
       kBiradsCategory0,
       "the report's overall Assessment Category is 0 (incomplete) and is the exam's category "
       "(E2, or E3 with no finding above 2)",
       Stage::Exam, overall_incomplete_stands, needing_review(no_outcome()), kEvidenceExam},
      {"E4", "Report's overall assessment and the findings disagree",
       "decision-logic.md §3 (R1), for the exam: \"When one says benign/probably benign (1–3) "
       "and the other suspicious (4A–5), warn `assessment-discordant` and show both.\"",
       "the overall category E3 compares is 1–3 and the findings' 4A–5, or the other way round",
       Stage::Exam, overall_category_discordant,
       needing_review(warning(WarningCode::AssessmentDiscordant, overall_discordant_texts)),
       kEvidenceExam},
      // Not in decision-logic.md (hostile review 27, H27-6): a mass or distortion the report
      // assessed 4 or 5 was dropped with its finding, and a benign calcification finding of the
      // same breast made breast and exam benign. §5's "highest over its findings, per breast and
      // overall" holds for every finding the report assesses.
      {"E15", "A finding the rules do not assess reports a higher category: radiologist review",
       kSeedDoctorSuspects,
       "a finding that is not a calcification finding (a mass, a distortion or an asymmetry "
       "without calcification descriptors, or a finding of unknown code) carries its own "
       "Assessment Category (wherever it hangs in the finding; a category its code's meaning names "
       "counts too, the higher stands), a malignant result (6) or a suspicious calcification code "
       "(at least 4A, as C0), and it is above the final category of the calcification findings of "
       "its breast or above the exam's (the higher of the findings' and the overall "
       "assessment's): the higher stands for its breast and the exam; or it holds what the rules "
       "do not weigh (a Recommended Follow-up asking for tissue or saying malignancy, another "
       "follow-up than routine with no category of its own, a high-risk or other non-benign "
       "result, an item that could not be read): its breast and the exam are 0 unless 4 or above; "
       "or it is a distortion, an asymmetry or a mass a text-only report names in a sentence "
       "without calcifications (always said, with its sentence; the report's category for its "
       "breast counts for it, none stated: 0 unless 4 or above); the warning names the finding",
       Stage::Exam, unassessed_finding_category_above,
       needing_review(counting_unassessed_findings(
           warning(WarningCode::AssessmentDiscordant, unassessed_finding_category_texts))),
       kEvidenceExam},
      {"E5", "Report's follow-up asks for tissue the rules did not",
       "decision-logic.md §4: \"A reported follow-up code that names a different procedure than "
       "the rules chose (e.g. 111145 core biopsy) is shown beside the rules' choice with a "
       "warning.\"",
       "no calcification finding is given a biopsy or surgery, and a Recommended Follow-up of the "
       "report (its overall assessment's, or a finding's own) asks for tissue or "
       "says malignancy is suspected or known (111143, 111148, 111145, 111144, 111147, 111146, "
       "111149, 111122, 111410; CID 6028)",
       Stage::Exam, overall_follow_up_asks_for_tissue,
       needing_review(
           exam_incomplete(warning(WarningCode::FollowUpDiffers, overall_follow_up_texts))),
       kEvidenceExam},
      {"E21", "Report's follow-up asks for sooner imaging than the rules did",
       "decision-logic.md §4: \"A reported follow-up code that names a different procedure than "
       "the rules chose (e.g. 111145 core biopsy) is shown beside the rules' choice with a "
       "warning.\"",
       "a Recommended Follow-up of the report (its overall assessment's, coded or stated in "
       "its text, or a finding's own) asks for sooner imaging than every action the "
       "rules chose — a short interval (111142), additional or magnification views, MRI — "
       "short of tissue (E5); as W5 does for a finding's own",
       Stage::Exam, overall_follow_up_asks_for_more_imaging,
       needing_review(
           exam_incomplete(warning(WarningCode::FollowUpDiffers, overall_imaging_follow_up_texts))),
       kEvidenceExam},
      {"E6", "The report's text is read as its assessment: radiologist review",
       kBiradsAssessmentCategories,
       "the report has no coded calcification finding and its text was read (whatever it gave, "
       "even no mention: words the reader does not know are not read), or it has coded "
       "findings and no coded overall category and its text states one: a BI-RADS category "
       "the impression (or an unsectioned text) states, overall or for one breast, with no coded "
       "overall Assessment Category, is the report's reported category (source narrative), which "
       "E2, E3 and E4 weigh as a coded one; calcification mentions read as negated, historical "
       "or hypothetical are what \"no calcification finding\" rests on",
       Stage::Exam, report_read_from_text,
       needing_review(warning(WarningCode::NarrativeDerived, report_read_from_text_texts)),
       kEvidenceExam},
      {"W8", "The report text and the coded findings disagree: radiologist review",
       "decision-logic.md §6.3 (W8), resting on §3 (R1): \"When one says benign/probably benign "
       "(1–3) and the other suspicious (4A–5), warn `assessment-discordant` and show both.\"",
       "the report has coded calcification findings and its text affirms calcifications that are "
       "more suspicious than every coded finding of their breast, lie on a breast with no coded "
       "finding, or are not benign and described by no coded finding (paired by breast, clock, "
       "quadrant or region, morphology and distribution), or is uncertain about a benign or "
       "probably benign coded finding it describes (\"not stable\", \"possibly malignant\"), or "
       "calls them small and gives them no kind where every coded finding of their breast is of "
       "a coarse kind (\"Microcalcifications.\"); "
       "each stays a narrative finding of its own. Narrative findings a coded finding describes "
       "add their site, change, place and "
       "ultrasound correlate to it, below its coded values",
       Stage::Exam, narrative_discordant,
       needing_review(warning(WarningCode::NarrativeDiscordant, narrative_discordant_texts)),
       kEvidenceExam},
      {"E7", "Two overall assessments for one breast disagree", kEveryItemCounts,
       "the report gives two different overall Assessment Categories for the same breast (or "
       "two for the whole exam); the most suspicious is the report's",
       Stage::Exam, overall_statements_conflict,
       needing_review(warning(WarningCode::ConflictingValues, overall_conflict_texts)),
       kEvidenceExam},
      {"E8", "An item outside every finding could not be read", kEveryItemCounts,
       "an item that no calcification finding holds (an unrecognised finding code, an item of a "
       "finding the calcification rules do not assess, an overall assessment or follow-up code "
       "outside its context group, an item anywhere in a Breast Imaging Report that its template "
       "does not put where it is or whose value is outside its value set, report text that "
       "mentions calcification while no coded finding holds one, content items DCMTK skipped as "
       "invalid to read the SR) could not be read; the reader's unknown-code, "
       "narrative-unresolved or content-skipped warning names it"
       "; what was not read may be suspicious, so an exam category of 1, 2 or 3 (or none) becomes "
       "0",
       Stage::Exam, unreadable_outside_findings, needing_review(exam_incomplete(no_outcome())),
       kEvidenceExam},
      // Hostile review 71: an overall assessment with two lateralities was said, never reviewed.
      // Hostile review 78: two left findings of 2 kept the row "benign" and the actions routine
      // screening beside a stated "Left breast: BI-RADS 4".
      {"E24", "The report states a breast's category above its findings'",
       "decision-logic.md §5: \"The exam's category is the highest over its findings, per "
       "breast and overall; the exam's actions are the union of its findings' actions.\"; §3 "
       "(E6): a category the text states per breast \"is that breast's reported category\"",
       "the report states a category for one breast (or both) that is above the final categories "
       "of that breast's findings, or above 2 for a breast with none: that breast's row shows it "
       "(a row of 0 stays 0 beside a stated 3: probably benign is what its findings do not say) "
       "and the exam's actions include what it implies",
       Stage::Exam, breast_category_stated_above_its_findings,
       taking_stated_categories(no_outcome()), kEvidenceExam},
      {"E22", "A value outside every finding was given twice", kEveryItemCounts,
       "an item that no calcification finding holds (an overall assessment or follow-up, a "
       "finding the calcification rules do not assess) gives one of its values more than once, "
       "differently; the reader's conflicting-values warning names both, and each counts (an "
       "overall assessment given for two breasts counts for both)",
       Stage::Exam, conflict_outside_findings, needing_review(no_outcome()), kEvidenceExam},
      // Hostile review (issue 18, F7): only CID 6047's not-all codes were read, so a CAD whose
      // Summary of Detections said Failed, or whose summary held a local code, came out clean.
      {"E9", "The CAD did not run completely", kCadAlgorithmsRun,
       "the CAD summary says not all, or none, of its algorithms succeeded (111243, 111244, "
       "111245; CID 6047), holds a code outside CID 6047, or is missing; or its Summary of "
       "Detections (111064, DCM) or of Analyses (111065, DCM) is missing, or the first is not "
       "Succeeded, its Summary of Analyses (111065, DCM) is "
       "Partially Succeeded or Failed (Not Attempted is complete: no analysis was asked for), "
       "either holds a code outside CID 6042, or either lists Failed Detections or Failed Analyses "
       "(TID 4015, 4016): its silence is no evidence; the reader's cad-incomplete warning says "
       "which, quoting the code and the failed algorithms; an exam category of 1, 2 or 3 (or "
       "none) becomes 0",
       Stage::Exam, cad_incomplete, needing_review(exam_incomplete(no_outcome())), kEvidenceExam},
      // Hostile review 84: a fine-linear cluster the CAD marked Not for Presentation left its
      // breast "no calcification finding" and the exam benign, with no review.
      {"E23", "A CAD finding not for presentation would be suspicious: radiologist review",
       kSeedDoctorSuspects,
       "a CAD calcification finding skipped for its Rendering Intent Not for Presentation "
       "(111152, DCM) is one the rules would not call benign or probably benign without review "
       "(a suspicious kind or arrangement, a probability of cancer, a category of 4 or above, "
       "what cannot be read); a not-for-presentation warning of the row names that reading and "
       "its breast; it is no finding of the exam (the CAD chose not to show it), so the "
       "radiologist "
       "decides; an exam category of 1, 2 or 3 (or none) becomes 0, and so does the row of its "
       "breast (one with no finding shown gets a row)",
       Stage::Exam, suspicious_not_for_presentation,
       needing_review(exam_incomplete(giving_hidden_findings_rows(
           warning(WarningCode::NotForPresentation, suspicious_not_for_presentation_texts)))),
       kEvidenceExam},
      // Not in decision-logic.md: the SR Document General module's flags (PS3.3 C.17.2) are the
      // document's own word that its evidence is incomplete (hostile review 21, #2). Verification
      // (UNVERIFIED) is normal for a report sent on and is not read.
      {"E11", "The report says it is partial or preliminary: radiologist review", kEveryItemCounts,
       "the SR's Completion Flag (0040,A491) is PARTIAL or its Preliminary Flag (0040,A496) is "
       "PRELIMINARY, or either holds neither of its two terms (empty, two values, another word: "
       "it cannot be read): the document says, or may say, its evidence is not complete, and "
       "what it lacks may be suspicious; the warning names the flag and quotes the Completion "
       "Flag Description or the value that cannot be read; an "
       "exam category of 1, 2 or 3 (or none) becomes 0",
       Stage::Exam, document_incomplete,
       needing_review(
           exam_incomplete(warning(WarningCode::DocumentIncomplete, document_incomplete_texts))),
       kEvidenceExam},
      // Not in decision-logic.md: an annotation file of the study's annotation directory that
      // could not be read may add or refine a finding (hostile review 21, #6).
      {"E12", "An annotation file could not be read: radiologist review", kEveryItemCounts,
       "a file of an annotation directory could not be read (cut short, not XML, not valid, a "
       "symlink to nothing, no regular file): it may add or refine a finding of this exam; the "
       "reader's annotation-skipped warning names it; an exam category of 1, 2 or 3 (or none) "
       "becomes 0",
       Stage::Exam, annotation_unread, needing_review(exam_incomplete(no_outcome())),
       kEvidenceExam},
      // Not in decision-logic.md: an annotation of this study made on another SR is that SR's,
      // but a mistyped sopInstanceUid names none, and its finding would vanish (hostile review
      // 28, H28-5): said, and reviewed; the category stands, as the file was read and is valid.
      {"E17", "An annotation of this study was made on another SR: radiologist review",
       kEveryItemCounts,
       "a file of an annotation directory has this SR's study but names another SR "
       "(sopInstanceUid): it is not applied here; the annotation-other-sr warning names it, so "
       "the radiologist can check that it is the other SR's annotation",
       Stage::Exam, annotation_for_another_sr, needing_review(no_outcome()), kEvidenceExam},
      // Not in decision-logic.md: two files with the same content (a copy left beside the
      // original, or one saved again by an editor: H30-6) say one annotation twice; applied twice,
      // its added findings would count twice
      // (hostile review 29, H29-12). The copy is not applied, but said: which of the two is the
      // one meant to stay is the radiologist's call. The category stands, as both were read.
      {"E18", "An annotation file is a copy of another: radiologist review", kEveryItemCounts,
       "a file of the annotations says the same as one applied before it (the same bytes, or "
       "the same content laid out otherwise): it is not applied again, so its findings count "
       "once; the annotation-duplicate warning names both files",
       Stage::Exam, annotation_duplicated, needing_review(no_outcome()), kEvidenceExam},
      // Not in decision-logic.md: two reports under one SOP Instance UID that say different
      // things are no copies, and which one stands is not for the tool to choose (hostile
      // reviews 33 and 35, H33-5, H35-5): the index said so, but each summary read alone
      // looked like the only result.
      {"E19", "Another input has this report's SOP Instance UID and another result",
       kEveryItemCounts,
       "another input of the same run (batch or hook call), or of another hook call or received "
       "object into the same output directory, carries this report's SOP Instance UID but gives "
       "another result: neither is a copy of the other; both are summarised (with --dicom-out "
       "the later is refused) and both need review; the same-exam-conflict warning names the "
       "other input",
       Stage::Exam, same_exam_conflict, needing_review(no_outcome()), kEvidenceExam},
      // Not in decision-logic.md: the finding an annotation meant to refine is not known, so
      // its values were not applied where they belong (issue 18, F11; W18 is the finding's row).
      {"E14", "An annotation's refinement matched no SR finding: radiologist review",
       kEveryItemCounts,
       "an annotation refines an SR finding that cannot be found (its srPosition names no item, "
       "an item that is not a calcification finding, or several findings; its laterality and "
       "clock match none or several; no SR was given): its values are kept as a finding of their "
       "own, and the SR finding it meant to change may read otherwise than the radiologist "
       "said; the annotation-unmatched warning says why; an exam category of 1, 2 or 3 (or none) "
       "becomes 0",
       Stage::Exam, annotation_unmatched, needing_review(exam_incomplete(no_outcome())),
       kEvidenceExam},
      // Not in decision-logic.md: W17 is the finding's row; an overall assessment or follow-up
      // whose meaning names another category than its code (a benign code shown as
      // "4 - Suspicious") was read by its code alone, silently (hostile review 26, H26-11).
      {"E16",
       "A code's meaning outside the calcification findings names another term: radiologist "
       "review",
       kEveryItemCounts,
       "an overall Assessment Category or Recommended Follow-up code has a meaning that names "
       "another BI-RADS category or CID 6028 follow-up than its value (\"4 - Suspicious\" on the "
       "benign code 397141009): the code is read, the meaning is not; or a category or result "
       "code of a finding the calcification rules do not assess has a meaning that names another "
       "category or a malignancy: the higher is its (E15); or a lesion descriptor of such a "
       "finding has a meaning naming another value of its context group (read by its code); the "
       "reader's code-meaning-discordant warning quotes both",
       Stage::Exam, overall_code_meaning_discordant, needing_review(no_outcome()), kEvidenceExam},
      // Not in decision-logic.md: W10 flags the finding, but its category stood, so an exam with
      // an unread item in a finding (a local code "Highly suspicious") came out benign and its
      // result SR said all evidence was read (hostile review 25, F10).
      {"E13", "An item of a finding could not be read: radiologist review", kEveryItemCounts,
       "an item of a finding could not be read (W10: a code outside its context group, a concept "
       "name in an unknown scheme, a unit that cannot be converted): what it says may be "
       "suspicious; an exam category of 1, 2 or 3 (or none) becomes 0",
       Stage::Exam, unreadable_inside_findings, needing_review(exam_incomplete(no_outcome())),
       kEvidenceExam},
      // Not in decision-logic.md: the SR mammocalc writes (--dicom-out) carries its findings,
      // categories and biopsy types as codes, but its review flags and warnings only as narrative
      // text, which is not read back. Read back, an exam whose first run needed review (a
      // finding read from report text, a conflict) would come out clean.
      {"E10", "Read back from mammocalc's own SR: radiologist review", kSeedDoctorSuspects,
       "the source is an SR mammocalc wrote itself (--read-own): the first run's review flags "
       "are not carried in coded form, so they cannot be known to be clear",
       Stage::Exam, read_back_own_sr, needing_review(no_outcome()), kEvidenceExam},
  };
}

}  // namespace

const std::vector<Rule>& rule_table() {
  static const std::vector<Rule> table = make_rule_table();
  return table;
}

const Rule* find_rule(std::string_view id) {
  const auto& table = rule_table();
  const auto found =
      std::find_if(table.begin(), table.end(), [&](const Rule& rule) { return rule.id == id; });
  return found == table.end() ? nullptr : &*found;
}

}  // namespace mammocalc
