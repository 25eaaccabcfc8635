// Hostile review 28 (H28-1, H28-2, H28-12, H28-13, H28-15): what a Breast Imaging Report holds
// outside its calcification findings counts. Content trees as an SR gives them, through the reader
// and the rules: the items of a mass or distortion besides a direct Assessment Category, a finding
// of unknown code with its own category, an Overall Assessment container inside a mass, a
// calcification finding nested in another, and an unread item anywhere in the tree.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::code;
using testing::container;
using testing::finding_with;
using testing::fired;
using testing::num_item;

ContentItem property(const std::string& position, const CodeConst& name, const Code& value) {
  return testing::code_item(position, Relationship::HasProperties, name, value);
}

ContentItem loose(const std::string& position, const CodeConst& name, const Code& value) {
  return testing::code_item(position, Relationship::Contains, name, value);
}

const std::pair<CodeConst, Code> kRight{codes::kLaterality, code(Laterality::Right)};
const std::pair<CodeConst, Code> kLeft{codes::kLaterality, code(Laterality::Left)};
const std::pair<CodeConst, Code> kRound{codes::kCalcificationType, code(Morphology::Round)};
const std::pair<CodeConst, Code> kDiffuse{codes::kCalcificationDistribution,
                                          code(Distribution::Diffuse)};
const CodeConst kMass{"129788004", "SCT", "Mammographic breast mass"};
const CodeConst kDistortion{"129792006", "SCT", "Architectural distortion of breast"};
const CodeConst kAssociatedMorphology{"116676008", "SCT", "Associated morphology"};
const CodeConst kProbabilityOfCancer{"111047", "DCM", "Probability of cancer"};
const CodeConst kSupplementaryData{"111414", "DCM", "Supplementary Data"};
const CodeConst kNarrativeSummary{"111412", "DCM", "Narrative Summary"};
const CodeConst kBreastComposition{"129715009", "SCT", "Breast composition"};
const CodeConst kLanguage{"121049", "DCM", "Language of Content Item and Descendants"};
const Code kMammography{"71651007", "SCT", "Mammography"};
const Code kPercent{"%", "UCUM", "percent"};

using testing::exam_fired;

bool exam_warned(const Report& report, const std::string& words) {
  const auto says = [&](const std::string& text) { return text.find(words) != std::string::npos; };
  return std::any_of(report.exam.warnings.begin(), report.exam.warnings.end(),
                     [&](const Warning& warning) { return says(warning.text); }) ||
         std::any_of(report.input.notes.begin(), report.input.notes.end(),
                     [&](const ReaderNote& note) { return says(note.text); });
}

bool noted(const Report& report, WarningCode code) {
  return std::any_of(report.input.notes.begin(), report.input.notes.end(),
                     [&](const ReaderNote& note) { return note.code == code; });
}

std::optional<BreastSummary> breast(const Report& report, Laterality laterality) {
  for (const BreastSummary& each : report.exam.breasts) {
    if (each.laterality == laterality) return each;
  }
  return std::nullopt;
}

// The right round, diffuse calcification finding (2 benign) at 1.1.1 and a right `lesion` at
// 1.1.2 holding `items` (numbered from 1.1.2.2) besides its Laterality.
SrDocument benign_calcifications_and(const CodeConst& lesion, std::vector<ContentItem> items) {
  ContentItem finding = loose("1.1.2", codes::kFinding, lesion.to_code());
  finding.children.push_back(property("1.1.2.1", codes::kLaterality, kRight.second));
  for (ContentItem& item : items) finding.children.push_back(std::move(item));
  return testing::report_with({finding_with({kRight, kRound, kDiffuse}), finding});
}

Report evaluate_document(const SrDocument& document) {
  return evaluate(extract_findings(document, "test.dcm"));
}

// Never "benign, routine screening, no review" beside evidence the rules do not weigh.
void expect_never_plain_benign(const Report& report, const std::string& label) {
  ASSERT_TRUE(report.exam.category.has_value()) << label;
  EXPECT_TRUE(report.exam.needs_review) << label;
  EXPECT_NE(report.exam.classification, Classification::Benign) << label;
  const auto right = breast(report, Laterality::Right);
  ASSERT_TRUE(right.has_value()) << label;
  EXPECT_NE(right->classification, Classification::Benign) << label;
  EXPECT_NE(right->category, Category::Benign2) << label;
}

// --- H28-1: what a mass or distortion holds besides a direct Assessment Category ---

// H29-12: two categories on a mass are named as a conflict; a category code whose meaning names
// a higher one is not said to be "read by its code alone", since the meaning counts.
TEST(NonCalcificationFindingItems, TwoCategoriesAreNamedAndTheHigherStands) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kAssessmentCategory, code(Category::Benign2)),
              property("1.1.2.3", codes::kAssessmentCategory, code(Category::Suspicious4))}));
  EXPECT_TRUE(noted(report, WarningCode::ConflictingValues));
  EXPECT_TRUE(exam_warned(report, "1.1.2.2"));
  EXPECT_EQ(report.exam.category, Category::Suspicious4);
}
TEST(NonCalcificationFindingItems, AMeaningThatCountsIsNotSaidToBeIgnored) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kAssessmentCategory,
                       Code{std::string(code_of(Category::Benign2).value), "SCT",
                            "5 - Highly suggestive of malignancy"})}));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_TRUE(noted(report, WarningCode::CodeMeaningDiscordant));
  EXPECT_FALSE(exam_warned(report, "read by its code alone"));
}

// H30-1: a TID 4200 mass with an irregular shape and a spiculated margin reported 2 is reviewed.
TEST(NonCalcificationFindingItems, ASpiculatedIrregularMassIsNeverPlainBenign) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", CodeConst{"107644003", "SCT", "Shape"},
                       Code{"49608001", "SCT", "Irregular"}),
              property("1.1.2.3", CodeConst{"111037", "DCM", "Margins"},
                       Code{"129742005", "SCT", "Spiculated lesion"}),
              property("1.1.2.4", codes::kAssessmentCategory, code(Category::Benign2))}));
  expect_never_plain_benign(report, "spiculated irregular mass");
  EXPECT_TRUE(exam_fired(report, "E15"));
}

// H31-2: a descriptor code shown with another member's meaning (the Irregular code as "Oval") is
// said; a meaning that is its own in other words is not.
TEST(NonCalcificationFindingItems, ADescriptorMeaningNamingAnotherValueIsSaid) {
  const Report discordant = evaluate_document(benign_calcifications_and(
      kMass,
      {property("1.1.2.2", CodeConst{"107644003", "SCT", "Shape"}, Code{"49608001", "SCT", "Oval"}),
       property("1.1.2.3", codes::kAssessmentCategory, code(Category::Benign2))}));
  EXPECT_TRUE(noted(discordant, WarningCode::CodeMeaningDiscordant));
  EXPECT_TRUE(exam_warned(discordant, "Ovoid shape (Oval)"));
  expect_never_plain_benign(discordant, "irregular shown as oval");
  const Report own_words = evaluate_document(benign_calcifications_and(
      kMass,
      {property("1.1.2.2", CodeConst{"107644003", "SCT", "Shape"}, Code{"84360004", "SCT", "Oval"}),
       property("1.1.2.3", CodeConst{"111037", "DCM", "Margins"},
                Code{"129738007", "SCT", "Circumscribed"}),
       property("1.1.2.4", codes::kAssessmentCategory, code(Category::Benign2))}));
  EXPECT_FALSE(noted(own_words, WarningCode::CodeMeaningDiscordant));
  EXPECT_EQ(own_words.exam.category, Category::Benign2);
  EXPECT_FALSE(own_words.exam.needs_review);
}

// H30-3: a Recommended Follow-up Interval its category does not explain (immediate on a benign
// mass) is weighed by the radiologist; a routine year on a benign mass is no reason.
TEST(NonCalcificationFindingItems, AnIntervalItsCategoryDoesNotExplainIsReviewed) {
  const Code months{"mo", "UCUM", "month"};
  const Report immediate = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kAssessmentCategory, code(Category::Benign2)),
              num_item("1.1.2.3", codes::kRecommendedFollowUpInterval, 0, months)}));
  expect_never_plain_benign(immediate, "immediate follow-up on a benign mass");
  const Report routine = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kAssessmentCategory, code(Category::Benign2)),
              num_item("1.1.2.3", codes::kRecommendedFollowUpInterval, 12, months)}));
  EXPECT_EQ(routine.exam.category, Category::Benign2);
  EXPECT_FALSE(routine.exam.needs_review);
  // A unit whose meaning names another ("mo" shown as "weeks"): not used, said, reviewed (hostile
  // review 72).
  const Report unclear = evaluate_document(benign_calcifications_and(
      kMass,
      {property("1.1.2.2", codes::kAssessmentCategory, code(Category::Benign2)),
       num_item("1.1.2.3", codes::kRecommendedFollowUpInterval, 12, Code{"mo", "UCUM", "weeks"})}));
  EXPECT_TRUE(noted(unclear, WarningCode::UnknownUnit));
  EXPECT_TRUE(unclear.exam.needs_review);
}

TEST(NonCalcificationFindingItems, AMalignantPathologyMakesItsBreastAndTheExam6) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kPathology,
                       Code{"82711006", "SCT", "Infiltrating duct carcinoma"})}));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.decisions.front().final_category, Category::Benign2);  // the calcifications
  expect_never_plain_benign(report, "malignant pathology");
  EXPECT_EQ(report.exam.category, Category::KnownMalignancy6);
  EXPECT_EQ(breast(report, Laterality::Right)->category, Category::KnownMalignancy6);
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_TRUE(exam_warned(report, "1.1.2"));
}

// As the review coded it: (399294002, SCT) is "Cyst of breast", its meaning says malignant.
TEST(NonCalcificationFindingItems, APathologyWhoseMeaningSaysMalignantIsNeverBenign) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kPathology,
                       Code{"399294002", "SCT", "Malignant neoplasm of breast"})}));
  expect_never_plain_benign(report, "pathology meaning malignant");
  EXPECT_TRUE(noted(report, WarningCode::CodeMeaningDiscordant));
  EXPECT_EQ(report.exam.category, Category::KnownMalignancy6);
}

// Lobular carcinoma in situ is high risk (CID 6032): its name is no discordance.
TEST(NonCalcificationFindingItems, LobularCarcinomaInSituIsNoMalignancyByItsName) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kPathology,
                       Code{"109888004", "SCT", "Lobular carcinoma in situ of breast"})}));
  EXPECT_FALSE(noted(report, WarningCode::CodeMeaningDiscordant));
  EXPECT_NE(report.exam.category, Category::KnownMalignancy6);
  expect_never_plain_benign(report, "high-risk result");
}

TEST(NonCalcificationFindingItems, AProbabilityOfCancerIsNamedAndTheBreastIsNotBenign) {
  const Report report = evaluate_document(
      benign_calcifications_and(kMass, {num_item("1.1.2.2", kProbabilityOfCancer, 95, kPercent)}));
  expect_never_plain_benign(report, "probability of cancer");
  EXPECT_TRUE(exam_warned(report, "(111047, DCM, \"Probability of cancer\") = 95"));
  EXPECT_TRUE(noted(report, WarningCode::UnknownCode));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
}

TEST(NonCalcificationFindingItems, AFinePleomorphicMorphologyIsNeverBelow4A) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", kAssociatedMorphology, code(Morphology::FinePleomorphic))}));
  expect_never_plain_benign(report, "fine pleomorphic");
  EXPECT_EQ(report.exam.category, Category::LowSuspicion4A);
  EXPECT_TRUE(exam_warned(report, "suspicious calcification code"));
}

TEST(NonCalcificationFindingItems, AFollowUpAskingForTissueAsksForReview) {
  for (const auto& [lesion, follow_up] :
       {std::pair{kMass, Code{"111144", "DCM", "Needle localization and biopsy"}},
        std::pair{kDistortion, Code{"111145", "DCM", "Histology using core biopsy"}}}) {
    const Report report = evaluate_document(benign_calcifications_and(
        lesion, {property("1.1.2.2", codes::kRecommendedFollowUp, follow_up)}));
    expect_never_plain_benign(report, follow_up.value);
    EXPECT_TRUE(exam_fired(report, "E15")) << follow_up.value;
    EXPECT_TRUE(exam_warned(report, follow_up.value)) << follow_up.value;
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << follow_up.value;
  }
}

TEST(NonCalcificationFindingItems, ACategoryBelowTheFollowUpCounts) {
  ContentItem follow_up = property("1.1.2.2", codes::kRecommendedFollowUp,
                                   Code{"111140", "DCM", "Normal interval follow-up"});
  follow_up.children.push_back(
      property("1.1.2.2.1", codes::kAssessmentCategory, code(Category::Suspicious4)));
  const Report report = evaluate_document(benign_calcifications_and(kMass, {follow_up}));
  expect_never_plain_benign(report, "category below follow-up");
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(report.exam.category, Category::Suspicious4);
}

TEST(NonCalcificationFindingItems, ACategoryWhoseMeaningSaysMoreIsDiscordantAndTheHigherStands) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kAssessmentCategory,
                       Code{"397141009", "SCT", "5 - Highly suggestive of malignancy"})}));
  expect_never_plain_benign(report, "meaning 5 on a 2 code");
  EXPECT_TRUE(noted(report, WarningCode::CodeMeaningDiscordant));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
}

// --- H28-15: an unknown finding code with its own category; a category that cannot be read ---

TEST(NonCalcificationFindingItems, AnUnknownFindingsOwnCategory5StandsAndIsShown) {
  const CodeConst bogus{"12345678", "SCT", "Bogus lesion"};
  const Report report = evaluate_document(benign_calcifications_and(
      bogus, {property("1.1.2.2", codes::kAssessmentCategory, code(Category::HighlySuggestive5))}));
  expect_never_plain_benign(report, "unknown finding, category 5");
  EXPECT_TRUE(exam_fired(report, "E8"));  // its code is unknown
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_EQ(breast(report, Laterality::Right)->category, Category::HighlySuggestive5);
}

TEST(NonCalcificationFindingItems, AnUnreadableCategoryLeavesNoBreastRowBenign) {
  for (const Code& value :
       {Code{"397144001", "SRT", "4 - Suspicious"}, Code{"LOCAL4", "99LOCAL", "Suspicious"}}) {
    const Report report = evaluate_document(
        benign_calcifications_and(kMass, {property("1.1.2.2", codes::kAssessmentCategory, value)}));
    expect_never_plain_benign(report, value.value);
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << value.value;
    EXPECT_EQ(breast(report, Laterality::Right)->category, Category::Incomplete0) << value.value;
  }
}

// A mass with nothing but its Laterality and a lower category changes nothing (E15 held up).
TEST(NonCalcificationFindingItems, AMassWithALowerCategoryChangesNothing) {
  const Report report = evaluate_document(benign_calcifications_and(
      kMass, {property("1.1.2.2", codes::kAssessmentCategory, code(Category::Benign2))}));
  EXPECT_EQ(report.exam.category, Category::Benign2);
  EXPECT_FALSE(report.exam.needs_review);
  EXPECT_EQ(breast(report, Laterality::Right)->category, Category::Benign2);
}

// --- H28-12: an Overall Assessment container inside a mass is the mass's ---

TEST(NonCalcificationFindingItems, AnOverallAssessmentInsideAMassIsNotTheReports) {
  ContentItem nested = container("1.1.2.2", codes::kOverallAssessment);
  nested.children.push_back(
      loose("1.1.2.2.1", codes::kAssessmentCategory, code(Category::Suspicious4)));
  const Report report = evaluate_document(benign_calcifications_and(kMass, {nested}));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_EQ(decision.final_category, Category::Benign2);
  EXPECT_NE(decision.recommendation.action, Action::Biopsy);
  EXPECT_FALSE(report.input.findings.front().reported_category.has_value());
  EXPECT_TRUE(report.input.overall_statements.empty());
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(report.exam.category, Category::Suspicious4);
  EXPECT_TRUE(report.exam.needs_review);
}

// Hostile review 71: an overall assessment with two Laterality modifiers counted for the first
// breast only, so the order decided whether the right breast's 5 stood.
TEST(OverallAssessmentLaterality, TwoBreastsGivenCountForBothInEitherOrder) {
  for (const bool left_first : {true, false}) {
    SrDocument document = testing::report_with({finding_with({kRight, kRound, kDiffuse})});
    ContentItem overall = container("1.2", codes::kOverallAssessment);
    ContentItem category =
        loose("1.2.1", codes::kAssessmentCategory, code(Category::HighlySuggestive5));
    const Code first = code(left_first ? Laterality::Left : Laterality::Right);
    const Code second = code(left_first ? Laterality::Right : Laterality::Left);
    category.children.push_back(
        testing::code_item("1.2.1.1", Relationship::HasConceptMod, codes::kLaterality, first));
    category.children.push_back(
        testing::code_item("1.2.1.2", Relationship::HasConceptMod, codes::kLaterality, second));
    overall.children.push_back(category);
    document.root.children.push_back(overall);
    const Report report = evaluate_document(document);
    const auto right = breast(report, Laterality::Right);
    ASSERT_TRUE(right.has_value()) << left_first;
    EXPECT_EQ(right->category, Category::HighlySuggestive5) << left_first;
    EXPECT_TRUE(noted(report, WarningCode::ConflictingValues)) << left_first;
    EXPECT_TRUE(exam_fired(report, "E22")) << left_first;
    EXPECT_TRUE(report.exam.needs_review) << left_first;
  }
}

// A finding's property given by reference: item `position` pointing at `target`.
ContentItem by_reference_to(const std::string& position, const std::string& target) {
  ContentItem by_reference;
  by_reference.position = position;
  by_reference.relationship = Relationship::HasProperties;
  by_reference.value_type = ValueType::ByReference;
  by_reference.referenced_position = target;
  return by_reference;
}

// Hostile review 71: a property given by reference was ignored, and one pointing nowhere vanished.
TEST(ByReferenceProperty, ItCountsAsTheItemItPointsAt) {
  ContentItem right = finding_with({kRight, kRound, kDiffuse});
  ContentItem by_reference = by_reference_to("1.1.1.4", "1.1.2.2");
  right.children.push_back(by_reference);
  ContentItem left = loose("1.1.2", codes::kFinding, codes::kCalcificationOfBreast.to_code());
  left.children.push_back(property("1.1.2.1", codes::kLaterality, code(Laterality::Left)));
  left.children.push_back(
      property("1.1.2.2", codes::kCalcificationType, code(Morphology::FinePleomorphic)));
  const Report report = evaluate_document(testing::report_with({right, left}));
  const auto right_breast = breast(report, Laterality::Right);
  ASSERT_TRUE(right_breast.has_value());
  EXPECT_NE(right_breast->classification, Classification::Benign);
  EXPECT_GE(category_rank(right_breast->category), category_rank(Category::LowSuspicion4A));
  // Pointing at an item the report does not hold, or at its own finding: said, never benign.
  for (const char* target : {"1.9.9", "1.1.1"}) {
    ContentItem alone = finding_with({kRight, kRound, kDiffuse});
    by_reference.referenced_position = target;
    alone.children.push_back(by_reference);
    const Report dangling = evaluate_document(testing::report_with({alone}));
    EXPECT_TRUE(noted(dangling, WarningCode::ContentSkipped)) << target;
    EXPECT_TRUE(dangling.exam.needs_review) << target;
    EXPECT_NE(dangling.exam.classification, Classification::Benign) << target;
  }
}

// Hostile review 73: a by-reference item pointing at another finding's Calcification Type read
// what hangs below that type for its own finding only, and took it from the owner: the right
// breast's nested fine pleomorphic type (or "5") left its own finding benign, unreviewed.
TEST(ByReferenceProperty, TheOwnerKeepsWhatHangsBelowTheItemPointedAt) {
  ContentItem left = finding_with({kLeft, kRound, kDiffuse});  // 1.1.1, read first
  ContentItem by_reference = by_reference_to("1.1.1.4", "1.1.2.2");
  left.children.push_back(by_reference);
  for (const ContentItem& nested :
       {property("1.1.2.2.1", codes::kCalcificationType, code(Morphology::FinePleomorphic)),
        property("1.1.2.2.1", codes::kAssessmentCategory, code(Category::HighlySuggestive5))}) {
    ContentItem right = loose("1.1.2", codes::kFinding, codes::kCalcificationOfBreast.to_code());
    right.children.push_back(property("1.1.2.1", codes::kLaterality, code(Laterality::Right)));
    ContentItem type = property("1.1.2.2", codes::kCalcificationType, code(Morphology::Vascular));
    type.children.push_back(nested);
    right.children.push_back(type);
    right.children.push_back(
        property("1.1.2.3", codes::kCalcificationDistribution, code(Distribution::Diffuse)));
    const Report report = evaluate_document(testing::report_with({left, right}));
    for (const Laterality side : {Laterality::Right, Laterality::Left}) {
      const auto row = breast(report, side);
      ASSERT_TRUE(row.has_value()) << nested.concept_name.meaning;
      EXPECT_EQ(row->classification, Classification::Suspicious) << nested.concept_name.meaning;
    }
    EXPECT_TRUE(report.exam.needs_review);
  }
}

// Hostile review 73: a by-reference item pointing at a whole other finding listed that finding
// twice, once of no breast; it is the referring finding's (W10) and listed once, where it stands.
TEST(ByReferenceProperty, AReferenceToAWholeFindingListsItOnce) {
  ContentItem first = finding_with({kRight, kRound, kDiffuse});
  ContentItem by_reference = by_reference_to("1.1.1.4", "1.1.2");
  first.children.push_back(by_reference);
  ContentItem second = loose("1.1.2", codes::kFinding, codes::kCalcificationOfBreast.to_code());
  second.children.push_back(property("1.1.2.1", codes::kLaterality, code(Laterality::Right)));
  second.children.push_back(
      property("1.1.2.2", codes::kCalcificationType, code(Morphology::FinePleomorphic)));
  const Report report = evaluate_document(testing::report_with({first, second}));
  ASSERT_EQ(report.decisions.size(), 2u);
  for (const Finding& finding : report.input.findings) {
    EXPECT_EQ(finding.laterality, Laterality::Right) << finding.position;
  }
  for (const Decision& decision : report.decisions) {
    EXPECT_EQ(decision.classification, Classification::Suspicious);
  }
}

// Hostile review 76: a finding pointing by reference at a mass holds it as one nested in it
// would (C11): its calcifications are within that mass, never plain benign.
// A right round, diffuse finding (1.1.1) referring by reference to a mass of `mass_breast`.
Report right_finding_referring_to_a_mass(const Code& mass_breast) {
  ContentItem first = finding_with({kRight, kRound, kDiffuse});
  first.children.push_back(by_reference_to("1.1.1.4", "1.1.2"));
  ContentItem mass = loose("1.1.2", codes::kFinding, kMass.to_code());
  mass.children.push_back(property("1.1.2.1", codes::kLaterality, mass_breast));
  return evaluate_document(testing::report_with({first, mass}));
}

TEST(ByReferenceProperty, AReferenceToAMassMakesItsCalcificationsWithinIt) {
  const Report report = right_finding_referring_to_a_mass(kRight.second);
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(report.input.findings.front().mass_with_calcifications);
  EXPECT_TRUE(fired(report.decisions.front(), "C11"));
  EXPECT_NE(report.decisions.front().classification, Classification::Benign);
}

// Hostile review 79: a right finding referring to a mass coded in the left breast took it as
// its own (C11) unsaid; the two breasts are a conflict (W9), for review.
TEST(ByReferenceProperty, AMassOfTheOtherBreastIsAConflictOfBreasts) {
  const Report report = right_finding_referring_to_a_mass(kLeft.second);
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(fired(report.decisions.front(), "W9"));
  EXPECT_TRUE(report.decisions.front().needs_review);
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

// W15 for one finding of `properties`: whether it fires, with the action the rules chose.
void expect_w15(std::vector<std::pair<CodeConst, Code>> properties, Action action, bool fires) {
  const Report report = evaluate_document(testing::report_with({finding_with(properties)}));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.decisions.front().recommendation.action, action);
  EXPECT_EQ(fired(report.decisions.front(), "W15"), fires);
  if (fires) {
    EXPECT_TRUE(report.exam.needs_review);
  }
}

const std::pair<CodeConst, Code> kGrouped{codes::kCalcificationDistribution,
                                          code(Distribution::Grouped)};

// Hostile review 73: one grouped fine pleomorphic finding given "Both breasts" was sent to
// biopsy unreviewed; a biopsy is of one breast (W15). Benign ones in both breasts need none.
TEST(BiopsyBreast, BothBreastsNameNoOneBreastToBiopsy) {
  const std::pair<CodeConst, Code> both{codes::kLaterality, code(Laterality::Both)};
  const std::pair<CodeConst, Code> fine{codes::kCalcificationType,
                                        code(Morphology::FinePleomorphic)};
  expect_w15({both, fine, kGrouped}, Action::Biopsy, true);
  expect_w15({both, kRound, kDiffuse}, Action::RoutineScreening, false);
}

// Hostile review 73: a probably benign group of no breast was followed up at short interval in
// no breast, unreviewed; with its breast named it needs no review for that.
TEST(BiopsyBreast, AShortIntervalFollowUpOfNoBreastIsReviewed) {
  expect_w15({kRound, kGrouped}, Action::ShortIntervalFollowUp, true);
  expect_w15({kRight, kRound, kGrouped}, Action::ShortIntervalFollowUp, false);
}

// --- H28-13: a calcification finding nested in a calcification finding ---

TEST(NestedCalcificationFinding, ItCountsForTheOuterFinding) {
  ContentItem outer = finding_with({kRight, kRound, kDiffuse});
  ContentItem nested =
      property("1.1.1.4", codes::kFinding, Code{"111459", "DCM", "Mass with calcifications"});
  outer.children.push_back(nested);
  const Report with_mass = evaluate_document(testing::report_with({outer}));
  ASSERT_EQ(with_mass.decisions.size(), 1u);
  EXPECT_TRUE(fired(with_mass.decisions.front(), "W10"));
  EXPECT_TRUE(fired(with_mass.decisions.front(), "C11"));
  EXPECT_TRUE(with_mass.decisions.front().needs_review);
  EXPECT_NE(with_mass.decisions.front().classification, Classification::Benign);

  ContentItem outer2 = finding_with({kRight, kRound, kDiffuse});
  ContentItem child = property("1.1.1.4", codes::kFinding, codes::kCalcificationOfBreast.to_code());
  child.children.push_back(
      property("1.1.1.4.1", codes::kCalcificationType, code(Morphology::FinePleomorphic)));
  outer2.children.push_back(child);
  const Report with_fine = evaluate_document(testing::report_with({outer2}));
  ASSERT_EQ(with_fine.decisions.size(), 1u);
  const Decision& decision = with_fine.decisions.front();
  EXPECT_EQ(decision.final_category, Category::ModerateSuspicion4B);
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(with_fine.input.findings.front().laterality, Laterality::Right);
}

// One coded inside a mass is classified on its own, in the mass's breast.
TEST(NestedCalcificationFinding, InsideAMassItIsItsOwnInTheMasssBreast) {
  ContentItem nested =
      property("1.1.2.2", codes::kFinding, codes::kCalcificationOfBreast.to_code());
  nested.children.push_back(
      property("1.1.2.2.1", codes::kCalcificationType, code(Morphology::FinePleomorphic)));
  const Report report = evaluate_document(benign_calcifications_and(kMass, {nested}));
  ASSERT_EQ(report.decisions.size(), 2u);
  EXPECT_EQ(report.input.findings[1].position, "1.1.2.2");
  EXPECT_EQ(report.input.findings[1].laterality, Laterality::Right);
  EXPECT_EQ(report.decisions[1].final_category, Category::ModerateSuspicion4B);
  EXPECT_FALSE(fired(report.decisions[1], "W15"));
  // The mass holds them: calcifications within a mass (C11, ultrasound core B3), and where they
  // are coded is said (W10; hostile review 29, H29-11).
  EXPECT_TRUE(report.input.findings[1].mass_with_calcifications);
  EXPECT_TRUE(fired(report.decisions[1], "C11"));
  EXPECT_TRUE(fired(report.decisions[1], "W10"));
  EXPECT_TRUE(report.decisions[1].needs_review);
}

// One coded inside a distortion is that distortion's calcifications (C15, W19).
TEST(NestedCalcificationFinding, InsideADistortionItIsTheDistortions) {
  ContentItem nested =
      property("1.1.2.2", codes::kFinding, codes::kCalcificationOfBreast.to_code());
  nested.children.push_back(
      property("1.1.2.2.1", codes::kCalcificationType, code(Morphology::Round)));
  const Report report = evaluate_document(benign_calcifications_and(
      CodeConst{"129792006", "SCT", "Architectural distortion of breast"}, {nested}));
  ASSERT_EQ(report.decisions.size(), 2u);
  EXPECT_TRUE(fired(report.decisions[1], "C15"));
  EXPECT_TRUE(fired(report.decisions[1], "W19"));
  EXPECT_EQ(report.decisions[1].final_category, Category::LowSuspicion4A);
}

// --- H27-8: what the calcification finding's own items name besides its descriptors ---

// An Associated Finding (TID 4206 row 20) that is a distortion, an asymmetry or a mass is one
// coded with the calcifications (C15, C16, C11); another one is said (W10).
TEST(AssociatedFinding, ADistortionAsymmetryOrMassCountsForTheCalcifications) {
  const std::vector<std::pair<Code, std::string_view>> cases{
      {kDistortion.to_code(), "C15"},
      {Code{"129789007", "SCT", "Focal asymmetric breast tissue"}, "C16"},
      {kMass.to_code(), "C11"},
  };
  for (const auto& [associated, rule] : cases) {
    const Report report = evaluate_document(testing::report_with(
        {finding_with({kRight, kRound, kDiffuse, {codes::kAssociatedFinding, associated}})}));
    ASSERT_EQ(report.decisions.size(), 1u) << associated.meaning;
    EXPECT_TRUE(fired(report.decisions.front(), rule)) << associated.meaning;
    EXPECT_NE(report.decisions.front().classification, Classification::Benign)
        << associated.meaning;
    EXPECT_FALSE(fired(report.decisions.front(), "W10")) << associated.meaning;
  }
  const Report skin = evaluate_document(testing::report_with({finding_with(
      {kRight,
       kRound,
       kDiffuse,
       {codes::kAssociatedFinding, Code{"89164003", "SCT", "Breast skin thickening"}}})}));
  EXPECT_TRUE(fired(skin.decisions.front(), "W10"));
  EXPECT_TRUE(skin.decisions.front().needs_review);
}

// A suspicious calcification code as the finding code describes the calcifications (C0).
TEST(SuspiciousFindingCode, ItIsNeverBelow4A) {
  const Report report = evaluate_document(testing::report_with({finding_with(
      {kRight, kRound, kDiffuse},
      CodeConst{"129762002", "SCT", "Fine linear, branching (casting) calcification"})}));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(fired(report.decisions.front(), "C0"));
  EXPECT_GE(category_rank(report.decisions.front().final_category),
            category_rank(Category::LowSuspicion4A));
}

// H30-8: a finding code whose meaning names a suspicious form reads as that form too (W17).
TEST(SuspiciousFindingCode, AMeaningNamingASuspiciousFormCountsAndIsSaid) {
  const Report report = evaluate_document(testing::report_with({finding_with(
      {kRight, kRound, kDiffuse}, CodeConst{"129770007", "SCT", "Amorphous calcification"})}));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_NE(report.decisions.front().classification, Classification::Benign);
  EXPECT_TRUE(report.decisions.front().needs_review);
  EXPECT_TRUE(std::any_of(
      report.input.findings.front().notes.begin(), report.input.findings.front().notes.end(),
      [](const ReaderNote& note) { return note.code == WarningCode::CodeMeaningDiscordant; }));
}

// H31-1: a calcification finding code whose meaning names an asymmetry, distortion or mass reads
// as calcifications in it too (C16, C15, C11), and the discordance is said (W17).
TEST(FindingCodeMeaningNamesALesion, TheCalcificationsCountAsInItAndItIsSaid) {
  const struct {
    std::string_view meaning;
    std::string rule;
  } cases[] = {{"Focal asymmetric breast tissue", "C16"},
               {"Architectural distortion of breast", "C15"},
               {"Mass of breast", "C11"}};
  for (const auto& each : cases) {
    const Report report = evaluate_document(testing::report_with(
        {finding_with({kRight, kRound, kDiffuse}, CodeConst{"309587003", "SCT", each.meaning})}));
    ASSERT_EQ(report.decisions.size(), 1u) << each.meaning;
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, each.rule)) << each.meaning;
    EXPECT_NE(decision.final_category, Category::Benign2) << each.meaning;
    EXPECT_TRUE(decision.needs_review) << each.meaning;
    EXPECT_TRUE(std::any_of(
        report.input.findings.front().notes.begin(), report.input.findings.front().notes.end(),
        [](const ReaderNote& note) { return note.code == WarningCode::CodeMeaningDiscordant; }))
        << each.meaning;
  }
}
TEST(FindingCodeMeaningNamesALesion, ANegatedMeaningNamesNone) {
  const Report report = evaluate_document(testing::report_with(
      {finding_with({kRight, kRound, kDiffuse},
                    CodeConst{"309587003", "SCT", "Calcification of breast without mass"})}));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_FALSE(fired(report.decisions.front(), "C11"));
  EXPECT_EQ(report.decisions.front().final_category, Category::Benign2);
}

// H30-9: a finding code that names no lesion the calcifications could be in (Breast composition,
// in CID 6054 by CID 6015; a normal breast) with calcification descriptors is read for them,
// said (unknown-code) and reviewed, as an unrecognised finding code is; one naming a structure
// calcifications form in (Mammary duct ectasia) is read as before.
TEST(FindingCodeNamesNoLesion, ItIsSaidAndTheFindingReviewed) {
  for (const CodeConst& finding_code : {CodeConst{"129715009", "SCT", "Breast composition"},
                                        CodeConst{"F-01710", "SRT", "Breast composition"},
                                        CodeConst{"290084006", "SCT", "Breast normal"}}) {
    const Report report = evaluate_document(
        testing::report_with({finding_with({kRight, kRound, kDiffuse}, finding_code)}));
    ASSERT_EQ(report.decisions.size(), 1u) << finding_code.value;
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(std::any_of(
        decision.warnings.begin(), decision.warnings.end(),
        [](const Warning& warning) { return warning.code == WarningCode::UnknownCode; }))
        << finding_code.value;
    EXPECT_TRUE(fired(decision, "W10")) << finding_code.value;
    EXPECT_TRUE(decision.needs_review) << finding_code.value;
    EXPECT_TRUE(report.exam.needs_review) << finding_code.value;
    EXPECT_NE(report.exam.classification, Classification::Benign) << finding_code.value;
  }
}
TEST(FindingCodeNamesNoLesion, AStructureCalcificationsFormInAddsNothing) {
  const Report report = evaluate_document(testing::report_with({finding_with(
      {kRight, kRound, kDiffuse}, CodeConst{"22049009", "SCT", "Mammary duct ectasia"})}));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(report.decisions.front().warnings.empty());
  EXPECT_EQ(report.decisions.front().final_category, Category::Benign2);
  EXPECT_FALSE(report.exam.needs_review);
}

// --- H28-2: an unread item anywhere outside the findings ---

// The report of one right round, diffuse finding (2 benign), with `place` adding an item.
template <typename Place>
Report benign_report_with(Place place) {
  SrDocument document = testing::report_with({finding_with({kRight, kRound, kDiffuse})});
  place(document.root);
  return evaluate_document(document);
}

ContentItem procedure(const std::string& position, const Code& value = kMammography) {
  ContentItem item = loose(position, codes::kProcedureReported, value);
  item.children.push_back(testing::code_item(position + ".1", Relationship::HasConceptMod,
                                             codes::kLaterality, kRight.second));
  return item;
}

TEST(UnreadItemAnywhere, ItIsNamedAndTheExamIsNeverBenign) {
  const Code fine = code(Morphology::FinePleomorphic);
  const Code malignant{"82711006", "SCT", "Infiltrating duct carcinoma"};
  const struct {
    std::string label;
    std::string position;
    std::function<void(ContentItem&)> place;
  } cases[] = {
      {"root", "1.2",
       [&](ContentItem& root) {
         root.children.push_back(loose("1.2", kAssociatedMorphology, fine));
       }},
      {"root NUM", "1.2",
       [&](ContentItem& root) {
         ContentItem item = num_item("1.2", kProbabilityOfCancer, 90, kPercent);
         item.relationship = Relationship::Contains;
         root.children.push_back(item);
       }},
      {"narrative summary", "1.2.1",
       [&](ContentItem& root) {
         ContentItem box = container("1.2", kNarrativeSummary);
         box.children.push_back(loose("1.2.1", kAssociatedMorphology, fine));
         root.children.push_back(box);
       }},
      {"below procedure reported", "1.2.1.2",
       [&](ContentItem& root) {
         ContentItem box = container("1.2", kSupplementaryData);
         ContentItem reported = procedure("1.2.1");
         reported.children.push_back(property("1.2.1.2", kAssociatedMorphology, fine));
         box.children.push_back(reported);
         root.children.push_back(box);
       }},
      {"below the findings container's procedure", "1.1.2.2",
       [&](ContentItem& root) {
         ContentItem reported = procedure("1.1.2");
         reported.children.push_back(property("1.1.2.2", kAssociatedMorphology, fine));
         root.children[0].children.push_back(reported);
       }},
      {"below the overall follow-up", "1.2.1.1",
       [&](ContentItem& root) {
         ContentItem overall = container("1.2", codes::kOverallAssessment);
         ContentItem follow_up = loose("1.2.1", codes::kRecommendedFollowUp,
                                       Code{"111140", "DCM", "Normal interval follow-up"});
         follow_up.children.push_back(property("1.2.1.1", kAssociatedMorphology, fine));
         overall.children.push_back(follow_up);
         root.children.push_back(overall);
       }},
      {"in a container in the overall assessment", "1.2.1.1",
       [&](ContentItem& root) {
         ContentItem overall = container("1.2", codes::kOverallAssessment);
         ContentItem box = container("1.2.1", kSupplementaryData);
         box.children.push_back(loose("1.2.1.1", kAssociatedMorphology, fine));
         overall.children.push_back(box);
         root.children.push_back(overall);
       }},
      {"breast composition outside its value set", "1.2.1",
       [&](ContentItem& root) {
         ContentItem box = container("1.2", kSupplementaryData);
         box.children.push_back(loose("1.2.1", kBreastComposition, fine));
         root.children.push_back(box);
       }},
      {"procedure reported a malignant result", "1.2.1",
       [&](ContentItem& root) {
         ContentItem box = container("1.2", kSupplementaryData);
         box.children.push_back(loose("1.2.1", codes::kProcedureReported, malignant));
         root.children.push_back(box);
       }},
      {"below the language of content", "1.0.1",
       [&](ContentItem& root) {
         ContentItem language = testing::code_item("1.0", Relationship::HasConceptMod, kLanguage,
                                                   Code{"en-US", "RFC5646", "English"});
         language.children.push_back(property("1.0.1", kAssociatedMorphology, fine));
         root.children.insert(root.children.begin(), language);
       }},
  };
  for (const auto& each : cases) {
    const Report report = benign_report_with(each.place);
    ASSERT_EQ(report.decisions.size(), 1u) << each.label;
    EXPECT_TRUE(exam_warned(report, "item " + each.position)) << each.label;
    EXPECT_TRUE(noted(report, WarningCode::UnknownCode)) << each.label;
    EXPECT_TRUE(exam_fired(report, "E8")) << each.label;
    EXPECT_TRUE(report.exam.needs_review) << each.label;
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << each.label;
  }
}

// What TID 4200, 4208 and 4206 put in those places is no reason for review.
TEST(UnreadItemAnywhere, TheTemplatesOwnItemsAreNoReasonForReview) {
  const Report report = benign_report_with([](ContentItem& root) {
    ContentItem language = testing::code_item("1.0", Relationship::HasConceptMod, kLanguage,
                                              Code{"en-US", "RFC5646", "English"});
    language.children.push_back(testing::code_item(
        "1.0.1", Relationship::HasConceptMod, CodeConst{"121046", "DCM", "Country of Language"},
        Code{"US", "ISO3166_1", "United States"}));
    root.children.insert(root.children.begin(), language);
    ContentItem observer = testing::code_item("1.3", Relationship::HasObsContext,
                                              CodeConst{"121005", "DCM", "Observer Type"},
                                              Code{"121006", "DCM", "Person"});
    root.children.push_back(observer);
    root.children[1].children.push_back(procedure("1.1.2"));
    ContentItem box = container("1.2", kSupplementaryData);
    box.children.push_back(procedure("1.2.1"));
    box.children.push_back(
        loose("1.2.2", kBreastComposition, Code{"129716005", "SCT", "Almost entirely fatty"}));
    root.children.push_back(box);
    ContentItem narrative = container("1.4", kNarrativeSummary);
    ContentItem text;
    text.position = "1.4.1";
    text.relationship = Relationship::Contains;
    text.value_type = ValueType::Text;
    text.concept_name = Code{"121073", "DCM", "Impression"};
    text.text = "Bilateral digital mammogram. See coded findings.";
    narrative.children.push_back(text);
    root.children.push_back(narrative);
  });
  EXPECT_FALSE(exam_fired(report, "E8"));
  EXPECT_FALSE(noted(report, WarningCode::UnknownCode));
  EXPECT_FALSE(report.exam.needs_review);
  EXPECT_EQ(report.exam.category, Category::Benign2);
}

}  // namespace
}  // namespace mammocalc
