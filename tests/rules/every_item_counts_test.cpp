// Issue 14 (rule set 2026.2, decision-logic.md §1 "every item counts"): content trees as an SR
// gives them, through the reader and the rules. One test per class of false reassurance, by rule
// id, positive and negative, and a walk over every field that can repeat: every pair of values in
// both orders classifies as the more suspicious one, with a review flag.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::exam_fired;
using testing::fired;
using testing::warned;

using testing::container;

// A property item (HAS PROPERTIES), as TID 4206 gives a finding's descriptors.
ContentItem code_item(const std::string& position, const CodeConst& name, const Code& value) {
  return testing::code_item(position, Relationship::HasProperties, name, value);
}

// A TID 4200 report: one findings container with these findings, and an Overall Assessment
// container with these items (empty: none).
Report evaluate_report(std::vector<ContentItem> findings_items,
                       std::vector<ContentItem> overall_items = {}) {
  SrDocument document = testing::report_with(std::move(findings_items));
  if (!overall_items.empty()) {
    ContentItem overall = container("1.2", codes::kOverallAssessment);
    overall.children = std::move(overall_items);
    document.root.children.push_back(overall);
  }
  return evaluate(extract_findings(document, "test.dcm"));
}

using testing::code;
using testing::finding_with;
using testing::num_item;

const std::pair<CodeConst, Code> kLeft{codes::kLaterality, code(Laterality::Left)};
const std::pair<CodeConst, Code> kPunctate{codes::kCalcificationType, code(Morphology::Punctate)};
const std::pair<CodeConst, Code> kDiffuse{codes::kCalcificationDistribution,
                                          code(Distribution::Diffuse)};

// --- Class 1: a value given twice (W9) ---
TEST(EveryItemCountsW9, TwoDistributionsClassifyOnTheMoreSuspiciousInBothOrders) {
  const auto segmental =
      std::pair{codes::kCalcificationDistribution, code(Distribution::Segmental)};
  for (const auto& order : {std::vector{kLeft, kPunctate, segmental, kDiffuse},
                            std::vector{kLeft, kPunctate, kDiffuse, segmental}}) {
    const Report report = evaluate_report({finding_with(order)});
    ASSERT_EQ(report.decisions.size(), 1u);
    const Decision& decision = report.decisions.front();
    EXPECT_EQ(decision.final_category, Category::ModerateSuspicion4B);  // C10: segmental
    EXPECT_TRUE(fired(decision, "W9"));
    EXPECT_TRUE(warned(decision, "conflicting-values"));
    EXPECT_TRUE(decision.needs_review);
  }
}
TEST(EveryItemCountsW9, TheSameValueTwiceIsNoConflict) {
  const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, kDiffuse})});
  const Decision& decision = report.decisions.front();
  EXPECT_FALSE(fired(decision, "W9"));
  EXPECT_EQ(decision.classification, Classification::Benign);
  EXPECT_FALSE(decision.needs_review);
}
TEST(EveryItemCountsW9, TwoAssessmentsOnAFindingTheHigherStands) {
  const auto five = std::pair{codes::kAssessmentCategory, code(Category::HighlySuggestive5)};
  const auto two = std::pair{codes::kAssessmentCategory, code(Category::Benign2)};
  for (const auto& order : {std::vector{kLeft, kPunctate, kDiffuse, five, two},
                            std::vector{kLeft, kPunctate, kDiffuse, two, five}}) {
    const Decision decision = evaluate_report({finding_with(order)}).decisions.front();
    EXPECT_EQ(decision.final_category, Category::HighlySuggestive5);
    EXPECT_TRUE(fired(decision, "W9"));
  }
}
TEST(EveryItemCountsW9, TwoLateralitiesLeaveTheBreastUnknownAndClassifyEach) {
  const auto right = std::pair{codes::kLaterality, code(Laterality::Right)};
  const auto both = std::pair{codes::kLaterality, code(Laterality::Both)};
  const auto amorphous = std::pair{codes::kCalcificationType, code(Morphology::Amorphous)};
  // C5: amorphous diffuse is 3 only when bilateral; right alone gives 4B.
  const Report report = evaluate_report({finding_with({right, both, amorphous, kDiffuse})});
  EXPECT_EQ(report.input.findings.front().laterality, Laterality::Unknown);
  EXPECT_EQ(report.decisions.front().final_category, Category::ModerateSuspicion4B);
  EXPECT_TRUE(fired(report.decisions.front(), "W9"));
}
TEST(EveryItemCountsW9, LateralityOnTheFindingsOwnAssessmentCounts) {
  ContentItem finding = finding_with({kLeft, kPunctate, kDiffuse});
  ContentItem assessment =
      code_item("1.1.1.4", codes::kAssessmentCategory, code(Category::Benign2));
  assessment.children.push_back(code_item("1.1.1.4.1", codes::kLaterality, code(Laterality::Both)));
  finding.children.push_back(assessment);
  const Report report = evaluate_report({finding});
  EXPECT_TRUE(fired(report.decisions.front(), "W9"));
  EXPECT_TRUE(report.decisions.front().needs_review);
}

// --- Class 2: per-breast and repeated overall assessments (W11, E3, E7) ---
ContentItem overall_category(const std::string& position, Category category,
                             std::optional<Laterality> laterality = std::nullopt) {
  ContentItem item = code_item(position, codes::kAssessmentCategory, code(category));
  if (laterality)
    item.children.push_back(code_item(position + ".1", codes::kLaterality, code(*laterality)));
  return item;
}
TEST(EveryItemCountsOverall, ALateralOverallSpeaksForItsBreastOnly) {
  for (const bool left_first : {true, false}) {
    std::vector<ContentItem> overall{
        overall_category("1.2.1", Category::HighlySuggestive5, Laterality::Left),
        overall_category("1.2.2", Category::Negative1, Laterality::Right)};
    if (!left_first) std::swap(overall[0], overall[1]);
    const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse})}, overall);
    EXPECT_EQ(report.decisions.front().reported_category, Category::HighlySuggestive5);
    EXPECT_EQ(report.decisions.front().classification, Classification::Suspicious);
  }
}
TEST(EveryItemCountsOverall, TwoOverallsForTheExamConflict) {
  const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse})},
                                        {overall_category("1.2.1", Category::HighlySuggestive5),
                                         overall_category("1.2.2", Category::Benign2)});
  EXPECT_EQ(report.decisions.front().final_category, Category::HighlySuggestive5);
  EXPECT_TRUE(fired(report.decisions.front(), "W9"));
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E7"; }));
  EXPECT_TRUE(report.exam.needs_review);
}
TEST(EveryItemCountsW11, AFindingsOwnBenignCategoryBelowTheOverallIsFlagged) {
  const auto two = std::pair{codes::kAssessmentCategory, code(Category::Benign2)};
  const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, two})},
                                        {overall_category("1.2.1", Category::HighlySuggestive5)});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W11"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);  // E3: the higher stands
}
TEST(EveryItemCountsW11, AnAgreeingOverallIsSilent) {
  const auto two = std::pair{codes::kAssessmentCategory, code(Category::Benign2)};
  const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, two})},
                                        {overall_category("1.2.1", Category::Benign2)});
  EXPECT_FALSE(fired(report.decisions.front(), "W11"));
  EXPECT_FALSE(report.decisions.front().needs_review);
  EXPECT_FALSE(report.exam.needs_review);
}

// H50-7: a finding's own category above the report's overall for its breast (an overall 2
// beside a finding at 3): the report disagrees with itself; the higher stands, W26 says so.
TEST(EveryItemCountsW26, AnOverallBelowAFindingsOwnCategoryIsFlagged) {
  const auto three = std::pair{codes::kAssessmentCategory, code(Category::ProbablyBenign3)};
  const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, three})},
                                        {overall_category("1.2.1", Category::Benign2)});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W26"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(report.exam.category, Category::ProbablyBenign3);
}
TEST(EveryItemCountsW26, AnOverallFourCoversItsSubcategoriesAndAnEqualOneIsSilent) {
  for (const auto& [own, overall] :
       {std::pair{Category::HighSuspicion4C, Category::Suspicious4},
        std::pair{Category::ProbablyBenign3, Category::ProbablyBenign3},
        std::pair{Category::Benign2, Category::ProbablyBenign3}}) {
    const auto category = std::pair{codes::kAssessmentCategory, code(own)};
    const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, category})},
                                          {overall_category("1.2.1", overall)});
    EXPECT_FALSE(fired(report.decisions.front(), "W26")) << to_string(own);
  }
}

// --- Class 3: findings not recognised as calcification findings (C11, E8) ---
TEST(EveryItemCountsFindingCodes, AMassWithACalcificationTypeIsAMassWithCalcifications) {
  const auto round = std::pair{codes::kCalcificationType, code(Morphology::Round)};
  const Report report = evaluate_report(
      {finding_with({kLeft, round, kDiffuse}, CodeConst{"129788004", "SCT", "Mammographic mass"})});
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(fired(report.decisions.front(), "C11"));
  EXPECT_EQ(report.decisions.front().classification, Classification::Suspicious);
}
TEST(EveryItemCountsFindingCodes, MicrocalcificationsOfTheBreastIsACalcificationFinding) {
  const auto five = std::pair{codes::kAssessmentCategory, code(Category::HighlySuggestive5)};
  const Report report = evaluate_report(
      {finding_with({kLeft, five}, CodeConst{"44771000", "SCT", "Microcalcifications"})});
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.decisions.front().final_category, Category::HighlySuggestive5);
}
TEST(EveryItemCountsE8, AnUnknownFindingCodeAsksForReviewOfTheExam) {
  const auto five = std::pair{codes::kAssessmentCategory, code(Category::HighlySuggestive5)};
  const Report report =
      evaluate_report({finding_with({kLeft, five}, CodeConst{"L-77", "99LOCAL", "Local"})});
  EXPECT_TRUE(report.decisions.empty());
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E8"; }));
  EXPECT_TRUE(report.exam.needs_review);
}
// A known finding code is no unread item (E8). With no category of its own the report's overall
// assessment of its breast speaks for it; with none, nothing assesses it (hostile review 79: a
// mass or distortion so coded vanished beside benign calcifications): E15, its breast 0.
TEST(EveryItemCountsE8, AKnownNonCalcificationFindingIsNoReason) {
  const ContentItem distortion =
      finding_with({kLeft}, CodeConst{"129792006", "SCT", "Architectural distortion"});
  const Report assessed = evaluate_report(
      {distortion}, {overall_category("1.2.1", Category::Benign2, Laterality::Left)});
  EXPECT_TRUE(assessed.decisions.empty());
  EXPECT_FALSE(exam_fired(assessed, "E8"));
  EXPECT_FALSE(assessed.exam.needs_review);
  const Report alone = evaluate_report({distortion});
  EXPECT_FALSE(exam_fired(alone, "E8"));
  EXPECT_TRUE(exam_fired(alone, "E15"));
  EXPECT_EQ(alone.exam.category, Category::Incomplete0);
  EXPECT_TRUE(alone.exam.needs_review);
}

// --- Class 4: pathology (C13) ---
ContentItem with_pathology(ContentItem finding, const Code& pathology) {
  ContentItem results = container("1.1.1.9", codes::kPathologyResults);
  results.children.push_back(code_item("1.1.1.9.1", codes::kPathology, pathology));
  finding.children.push_back(results);
  return finding;
}
TEST(EveryItemCountsC13, InfiltratingDuctCarcinomaIsAKnownMalignancy) {
  const Report report =
      evaluate_report({with_pathology(finding_with({kLeft, kPunctate, kDiffuse}),
                                      Code{"82711006", "SCT", "Infiltrating duct carcinoma"})});
  EXPECT_TRUE(fired(report.decisions.front(), "C13"));
  EXPECT_EQ(report.decisions.front().final_category, Category::KnownMalignancy6);
}
TEST(EveryItemCountsC13, BenignPathologyIsNot) {
  const Report report = evaluate_report({with_pathology(finding_with({kLeft, kPunctate, kDiffuse}),
                                                        Code{"22049009", "SCT", "Duct ectasia"})});
  EXPECT_FALSE(fired(report.decisions.front(), "C13"));
}

// --- Class 5: follow-up codes asking for tissue (W5, W12) ---
TEST(EveryItemCountsW5, BiopsyShouldBeConsideredOnABenignFindingIsFlagged) {
  for (const char* value : {"111143", "111148", "111149", "111122"}) {
    const auto follow_up = std::pair{codes::kRecommendedFollowUp, Code{value, "DCM", ""}};
    const Decision decision =
        evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, follow_up})}).decisions.front();
    EXPECT_TRUE(fired(decision, "W5")) << value;
    EXPECT_TRUE(decision.needs_review) << value;
  }
}
TEST(EveryItemCountsW5, NormalIntervalFollowUpIsNot) {
  const auto follow_up =
      std::pair{codes::kRecommendedFollowUp, codes::kNormalIntervalFollowUp.to_code()};
  const Decision decision =
      evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, follow_up})}).decisions.front();
  EXPECT_FALSE(fired(decision, "W5"));
  EXPECT_FALSE(decision.needs_review);
}
TEST(EveryItemCountsW12, AnOverallBiopsyFollowUpFlagsTheFindingsOfItsBreast) {
  ContentItem second = finding_with({kLeft, kPunctate, kDiffuse});
  second.position = "1.1.2";
  const Report report =
      evaluate_report({finding_with({kLeft, kPunctate, kDiffuse}), second},
                      {code_item("1.2.1", codes::kRecommendedFollowUp, Code{"111148", "DCM", ""})});
  ASSERT_EQ(report.decisions.size(), 2u);
  for (const Decision& decision : report.decisions) {
    EXPECT_TRUE(fired(decision, "W12"));
    EXPECT_TRUE(decision.needs_review);
  }
}

// --- Class 6: unreadable items (W10) ---
TEST(EveryItemCountsW10, AnAssessmentInALocalSchemeAsksForReview) {
  const auto local = std::pair{codes::kAssessmentCategory, Code{"5", "99LOCAL", "BI-RADS 5"}};
  const Decision decision =
      evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, local})}).decisions.front();
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
}
TEST(EveryItemCountsW10, AConceptNameInTheWrongSchemeIsNotDroppedSilently) {
  const auto misnamed = std::pair{CodeConst{"111009", "SCT", "Calcification Type"},
                                  code(Morphology::FineLinearBranching)};
  const Decision decision =
      evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, misnamed})}).decisions.front();
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(warned(decision, "unknown-code"));
  EXPECT_TRUE(decision.needs_review);
}
// Hostile review 25 (F10): a finding holding a local "Highly suspicious" item was flagged (W10)
// but kept its benign category, so the exam was benign and its result SR said all evidence was
// read. The exam is now incomplete (E13): 0 unless 4 or above.
TEST(EveryItemCountsE13, AnUnreadItemInAFindingMakesTheExamIncomplete) {
  const auto local = std::pair{CodeConst{"SUSP", "99LOCAL", "Local suspicion level"},
                               Code{"HIGH", "99LOCAL", "Highly suspicious"}};
  const Report clean = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse})});
  ASSERT_EQ(clean.exam.classification, Classification::Benign);
  const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse, local})});
  EXPECT_TRUE(fired(report.decisions.front(), "W10"));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_EQ(report.exam.classification, Classification::Indeterminate);
  EXPECT_TRUE(report.exam.needs_review);
}
TEST(EveryItemCountsW10, ACleanFindingIsNotFlagged) {
  const Decision decision =
      evaluate_report({finding_with({kLeft, kPunctate, kDiffuse})}).decisions.front();
  EXPECT_FALSE(fired(decision, "W10"));
  EXPECT_EQ(decision.classification, Classification::Benign);
  EXPECT_FALSE(decision.needs_review);
}

// --- What the adversarial review found ---
TEST(EveryItemCountsE8, AStrayAssessmentBesideTheFindingAsksForReviewOfBoth) {
  ContentItem stray =
      code_item("1.1.2", codes::kAssessmentCategory, code(Category::HighlySuggestive5));
  stray.relationship = Relationship::Contains;
  const Report report = evaluate_report({finding_with({kLeft, kPunctate, kDiffuse}), stray});
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E8"; }));
  EXPECT_TRUE(fired(report.decisions.front(), "W13"));
  EXPECT_TRUE(report.decisions.front().needs_review);
}
TEST(EveryItemCountsC13, PathologyInANestedContainerCounts) {
  ContentItem finding = finding_with({kLeft, kPunctate, kDiffuse});
  ContentItem results = container("1.1.1.9", codes::kPathologyResults);
  ContentItem nested = container("1.1.1.9.1", codes::kPathologyResults);
  nested.children.push_back(code_item("1.1.1.9.1.1", codes::kPathology,
                                      Code{"82711006", "SCT", "Infiltrating duct carcinoma"}));
  results.children.push_back(nested);
  finding.children.push_back(results);
  const Report report = evaluate_report({finding});
  EXPECT_EQ(report.decisions.front().final_category, Category::KnownMalignancy6);
}
TEST(EveryItemCountsLaterality, ABilateralProcedureDoesNotMakeAFindingBilateral) {
  ContentItem procedure =
      code_item("1.1.0", codes::kProcedureReported, Code{"71651007", "SCT", "Mammography"});
  procedure.children.push_back(code_item("1.1.0.1", codes::kLaterality, code(Laterality::Both)));
  const auto amorphous = std::pair{codes::kCalcificationType, code(Morphology::Amorphous)};
  const Report report = evaluate_report({procedure, finding_with({amorphous, kDiffuse})});
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.input.findings.front().laterality, Laterality::Unknown);
  // C5's 3 needs bilateral calcifications; unknown stays 4B.
  EXPECT_EQ(report.decisions.front().final_category, Category::ModerateSuspicion4B);
}
TEST(EveryItemCountsLaterality, AUnilateralProcedureDisagreeingWithTheFindingIsAConflict) {
  ContentItem procedure =
      code_item("1.1.0", codes::kProcedureReported, Code{"71651007", "SCT", "Mammography"});
  procedure.children.push_back(code_item("1.1.0.1", codes::kLaterality, code(Laterality::Right)));
  const Report report = evaluate_report({procedure, finding_with({kLeft, kPunctate, kDiffuse})});
  EXPECT_TRUE(fired(report.decisions.front(), "W9"));
  EXPECT_EQ(report.input.findings.front().laterality, Laterality::Unknown);
}

TEST(EveryItemCountsE8, TextInTheCodedPartIsSaidAndAsksForReview) {
  ContentItem text;
  text.position = "1.1.2";
  text.relationship = Relationship::Contains;
  text.value_type = ValueType::Text;
  text.concept_name = codes::kFinding.to_code();
  text.text = "Suspicious segmental fine linear calcifications, right breast";
  SrDocument document = testing::report_with({finding_with({kLeft, kPunctate, kDiffuse}), text});
  ContentItem supplementary = container("1.2", CodeConst{"111414", "DCM", "Supplementary Data"});
  supplementary.children = std::move(document.root.children);
  document.root.children = {supplementary};
  const Report report = evaluate(extract_findings(document, "test.dcm"));
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E8"; }));
  EXPECT_TRUE(report.decisions.front().needs_review);
}
TEST(EveryItemCountsE8, TheNarrativeOutsideTheCodedPartIsNotFlaggedHere) {
  ContentItem text;
  text.position = "1.2";
  text.relationship = Relationship::Contains;
  text.value_type = ValueType::Text;
  text.concept_name = CodeConst{"121073", "DCM", "Impression"}.to_code();
  text.text = "See supplementary coded data.";
  SrDocument document = testing::report_with({finding_with({kLeft, kPunctate, kDiffuse})});
  document.root.children.push_back(text);
  const Report report = evaluate(extract_findings(document, "test.dcm"));
  EXPECT_FALSE(report.exam.needs_review);
}

// Hostile review: a summary read back from mammocalc's own SR (--read-own) lost the first run's
// "needs radiologist review" (a finding read from report text came back benign, unflagged). The
// SR carries review flags only as narrative text, so a read-back exam is always reviewed.
TEST(EveryItemCountsE10, AnExamReadBackFromOwnSrIsReviewed) {
  Findings own = extract_findings(testing::report_with({}), "own.dcm");
  own.findings.push_back(testing::calcification({Morphology::Dystrophic}));
  own.source.written_by_mammocalc = true;
  const Report report = evaluate(own);
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E10"; }));
  EXPECT_TRUE(report.exam.needs_review);
  own.source.written_by_mammocalc = false;
  const Report radiologists = evaluate(own);
  EXPECT_TRUE(std::none_of(radiologists.exam.trace.begin(), radiologists.exam.trace.end(),
                           [](const FiredRule& f) { return f.rule->id == "E10"; }));
}

// Hostile review round 4: read back, a finding first read from report text (W7, review) came
// back with needsReview="false" on the finding itself; only the exam said review (E10).
TEST(EveryItemCountsW14, EachFindingReadBackFromOwnSrIsReviewed) {
  Findings own = extract_findings(testing::report_with({}), "own.dcm");
  own.findings.push_back(testing::calcification({Morphology::Dystrophic}));
  own.source.written_by_mammocalc = true;
  const Report report = evaluate(own);
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(fired(report.decisions.front(), "W14"));
  EXPECT_TRUE(report.decisions.front().needs_review);
  own.source.written_by_mammocalc = false;
  const Report radiologists = evaluate(own);
  EXPECT_FALSE(fired(radiologists.decisions.front(), "W14"));
  EXPECT_FALSE(radiologists.decisions.front().needs_review);
}

TEST(EveryItemCountsE9, ACadThatDidNotRunIsNoCleanExam) {
  for (const char* value : {"111245", "111243"}) {
    SrDocument document;
    document.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.50";
    document.root = container("1", codes::kMammographyCadReport);
    document.root.children.push_back(testing::code_item("1.1", Relationship::Contains,
                                                        codes::kCadSummary,
                                                        Code{value, "DCM", "not all succeeded"}));
    const Report report = evaluate(extract_findings(document, "cad.dcm"));
    EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                            [](const FiredRule& f) { return f.rule->id == "E9"; }))
        << value;
    EXPECT_TRUE(report.exam.needs_review) << value;
    // Hostile review 21: its silence is no evidence, so the exam is 0, not "no category".
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << value;
  }
  SrDocument succeeded;
  succeeded.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.50";
  succeeded.root = container("1", codes::kMammographyCadReport);
  succeeded.root.children.push_back(testing::code_item(
      "1.1", Relationship::Contains, codes::kCadSummary, Code{"111241", "DCM", "succeeded"}));
  // Hostile review 71: without its mandatory Summary of Detections and of Analyses (TID 4000)
  // nothing says its detections succeeded.
  EXPECT_TRUE(evaluate(extract_findings(succeeded, "cad.dcm")).exam.needs_review);
  succeeded.root.children.push_back(testing::code_item("1.2", Relationship::Contains,
                                                       codes::kSummaryOfDetections,
                                                       Code{"111222", "DCM", "Succeeded"}));
  EXPECT_TRUE(evaluate(extract_findings(succeeded, "cad.dcm")).exam.needs_review);
  succeeded.root.children.push_back(testing::code_item("1.3", Relationship::Contains,
                                                       codes::kSummaryOfAnalyses,
                                                       Code{"111222", "DCM", "Succeeded"}));
  EXPECT_FALSE(evaluate(extract_findings(succeeded, "cad.dcm")).exam.needs_review);
}

// Hostile review (issue 18, F7): a CAD whose summary says all succeeded without findings, but
// whose Summary of Detections or Analyses (TID 4000 rows, CID 6042 Status of Results; TID 4015 /
// 4016) says they failed, or whose summary holds a code of another scheme, came out a clean "no
// findings" exam. Detections (111064) must have succeeded; analyses (111065) may be Not Attempted
// (PS3.17 F.3.1, the standard's own "no findings" example), but not failed.
constexpr CodeConst kSummaryOfDetections{"111064", "DCM", "Summary of Detections"};
constexpr CodeConst kSummaryOfAnalyses{"111065", "DCM", "Summary of Analyses"};
const Code kSucceeded{"111222", "DCM", "Succeeded"};
const Code kPartiallySucceeded{"111223", "DCM", "Partially Succeeded"};
const Code kFailed{"111224", "DCM", "Failed"};
const Code kNotAttempted{"111225", "DCM", "Not Attempted"};
const Code kAllSucceededWithoutFindings{"111241", "DCM",
                                        "All algorithms succeeded; without findings"};

// A Mammography CAD report without findings: its summary says `summary`, then the Summary of
// Detections and of Analyses as given (each with these children).
SrDocument cad_without_findings(const Code& summary, const Code& detections, const Code& analyses,
                                std::vector<ContentItem> detection_children = {}) {
  SrDocument document;
  document.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.50";
  document.root = container("1", codes::kMammographyCadReport);
  document.root.children.push_back(
      testing::code_item("1.1", Relationship::Contains, codes::kCadSummary, summary));
  ContentItem detected =
      testing::code_item("1.2", Relationship::Contains, kSummaryOfDetections, detections);
  detected.children = std::move(detection_children);
  document.root.children.push_back(detected);
  document.root.children.push_back(
      testing::code_item("1.3", Relationship::Contains, kSummaryOfAnalyses, analyses));
  return document;
}

// The exam's incomplete-CAD warning (a reader note the summary writes), or "" when none.
std::string cad_incomplete_text(const Report& report) {
  std::string texts;
  for (const ReaderNote& note : report.input.notes) {
    if (note.code == WarningCode::CadIncomplete) texts += note.text + "\n";
  }
  return texts;
}

void expect_incomplete_cad(const Report& report, const std::string& says) {
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E9"; }))
      << says;
  EXPECT_TRUE(report.exam.needs_review) << says;
  EXPECT_EQ(report.exam.category, Category::Incomplete0) << says;
  EXPECT_NE(cad_incomplete_text(report).find(says), std::string::npos)
      << "expected '" << says << "' in: " << cad_incomplete_text(report);
}

TEST(EveryItemCountsE9, DetectionsThatDidNotAllSucceedAreNoCleanExam) {
  for (const Code& status : {kPartiallySucceeded, kFailed, kNotAttempted}) {
    const Report report = evaluate(extract_findings(
        cad_without_findings(kAllSucceededWithoutFindings, status, kSucceeded), "cad.dcm"));
    expect_incomplete_cad(report, "Summary of Detections (111064, DCM) is " + describe(status));
  }
}

TEST(EveryItemCountsE9, AnalysesThatFailedAreNoCleanExam) {
  for (const Code& status : {kPartiallySucceeded, kFailed}) {
    const Report report = evaluate(extract_findings(
        cad_without_findings(kAllSucceededWithoutFindings, kSucceeded, status), "cad.dcm"));
    expect_incomplete_cad(report, "Summary of Analyses (111065, DCM) is " + describe(status));
  }
}

TEST(EveryItemCountsE9, AllSucceededOrAnalysesNotAttemptedStaysClean) {
  for (const Code& analyses : {kSucceeded, kNotAttempted}) {
    const Report report = evaluate(extract_findings(
        cad_without_findings(kAllSucceededWithoutFindings, kSucceeded, analyses), "cad.dcm"));
    EXPECT_FALSE(report.exam.needs_review) << describe(analyses);
    EXPECT_EQ(cad_incomplete_text(report), "") << describe(analyses);
  }
}

TEST(EveryItemCountsE9, FailedDetectionsAreNamedEvenUnderSucceeded) {
  // TID 4015: (111025, DCM, "Failed Detections") holds TID 4017 Detection Performed (111022).
  ContentItem failed = container("1.2.1", CodeConst{"111025", "DCM", "Failed Detections"});
  failed.relationship = Relationship::InferredFrom;
  failed.children.push_back(testing::code_item("1.2.1.1", Relationship::Contains,
                                               CodeConst{"111022", "DCM", "Detection Performed"},
                                               codes::kCalcificationCluster.to_code()));
  for (const Code& status : {kSucceeded, kPartiallySucceeded}) {
    const Report report = evaluate(extract_findings(
        cad_without_findings(kAllSucceededWithoutFindings, status, kSucceeded, {failed}),
        "cad.dcm"));
    expect_incomplete_cad(report, "failed: " + describe(codes::kCalcificationCluster.to_code()));
  }
}

TEST(EveryItemCountsE9, StatusOutsideItsContextGroupCannotBeTold) {
  const Code local{"OK", "99ACME", "Detections all fine"};
  const Report detections = evaluate(extract_findings(
      cad_without_findings(kAllSucceededWithoutFindings, local, kSucceeded), "cad.dcm"));
  expect_incomplete_cad(detections, "(OK, 99ACME, \"Detections all fine\") is not in CID 6042");
  const Report analyses = evaluate(extract_findings(
      cad_without_findings(kAllSucceededWithoutFindings, kSucceeded, local), "cad.dcm"));
  expect_incomplete_cad(analyses, "(OK, 99ACME, \"Detections all fine\") is not in CID 6042");
}

TEST(EveryItemCountsE9, AProcessingSummaryOfAnotherSchemeCannotBeTold) {
  // A local code, and a DCM code that is not in CID 6047, say nothing the rules can read.
  for (const Code& summary : {Code{"111241", "99ACME", "All algorithms succeeded"},
                              Code{"NOFIND", "99ACME", "No findings"}, kSucceeded}) {
    const Report report = evaluate(
        extract_findings(cad_without_findings(summary, kSucceeded, kSucceeded), "cad.dcm"));
    expect_incomplete_cad(report, describe(summary) + " is not in CID 6047");
  }
}

TEST(EveryItemCountsE9, AReportWithoutProcessingSummaryCannotBeTold) {
  SrDocument document = cad_without_findings(kAllSucceededWithoutFindings, kSucceeded, kSucceeded);
  document.root.children.erase(document.root.children.begin());
  const Report report = evaluate(extract_findings(document, "cad.dcm"));
  expect_incomplete_cad(report, "no CAD Processing and Findings Summary (111017, DCM)");
}

// Hostile review 21 (#4): an unreadable item that may be a whole finding (its children say 4,
// fine linear branching, segmental) left the exam "2 benign" with only a review flag. Evidence
// that could not all be read makes the exam 0 unless it is 4 or above.
TEST(EveryItemCountsE8, AnUnreadableFindingBesideABenignOneMakesTheExamIncomplete) {
  const auto coarse = std::pair{codes::kCalcificationType, code(Morphology::CoarsePopcorn)};
  ContentItem unread = finding_with({kLeft, kPunctate});  // its concept name is a private code
  unread.concept_name = Code{"OBS1", "99X", "Observation"};
  unread.position = "1.1.2";
  for (std::size_t i = 0; i < unread.children.size(); ++i) {
    unread.children[i].position = "1.1.2." + std::to_string(i + 1);
  }
  const Report report = evaluate_report({finding_with({kLeft, coarse}), unread},
                                        {overall_category("1.2.1", Category::Benign2)});
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.decisions.front().classification, Classification::Benign);
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E8"; }));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_EQ(report.exam.classification, Classification::Indeterminate);
  EXPECT_EQ(report.exam.category_source, "incomplete");
  EXPECT_TRUE(report.exam.needs_review);
}
TEST(EveryItemCountsE8, AnUnreadableItemBesideASuspiciousFindingKeepsItsCategory) {
  const auto flb = std::pair{codes::kCalcificationType, code(Morphology::FineLinearBranching)};
  const auto segmental =
      std::pair{codes::kCalcificationDistribution, code(Distribution::Segmental)};
  ContentItem unread = finding_with({kLeft, kPunctate});  // its concept name is a private code
  unread.concept_name = Code{"OBS1", "99X", "Observation"};
  unread.position = "1.1.2";
  for (std::size_t i = 0; i < unread.children.size(); ++i) {
    unread.children[i].position = "1.1.2." + std::to_string(i + 1);
  }
  const Report report = evaluate_report({finding_with({kLeft, flb, segmental}), unread});
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_EQ(report.exam.category_source, "findings");
  EXPECT_TRUE(report.exam.needs_review);
}

// Hostile review 21 (#2): a PARTIAL or PRELIMINARY report was summarised "2 benign" with no
// review. UNVERIFIED is normal for a report sent on and is not flagged.
TEST(EveryItemCountsE11, APartialOrPreliminaryReportIsNoBenignExam) {
  const auto coarse = std::pair{codes::kCalcificationType, code(Morphology::CoarsePopcorn)};
  SrDocument document = testing::report_with({finding_with({kLeft, coarse})});
  const Report clean = evaluate(extract_findings(document, "test.dcm"));
  ASSERT_EQ(clean.exam.classification, Classification::Benign);
  EXPECT_FALSE(clean.exam.needs_review);
  document.header.completion_flag = "PARTIAL ";
  document.header.completion_flag_description = "Dictation interrupted";
  const Report partial = evaluate(extract_findings(document, "test.dcm"));
  EXPECT_EQ(partial.exam.category, Category::Incomplete0);
  EXPECT_EQ(partial.exam.classification, Classification::Indeterminate);
  EXPECT_TRUE(partial.exam.needs_review);
  ASSERT_EQ(partial.exam.warnings.size(), 1u);
  EXPECT_EQ(partial.exam.warnings.front().code, WarningCode::DocumentIncomplete);
  EXPECT_EQ(partial.exam.warnings.front().rule, "E11");
  EXPECT_NE(partial.exam.warnings.front().text.find("PARTIAL"), std::string::npos);
  EXPECT_NE(partial.exam.warnings.front().text.find("\"Dictation interrupted\""),
            std::string::npos);
  EXPECT_TRUE(fired(partial.decisions.front(), "W13"));
  EXPECT_TRUE(partial.decisions.front().needs_review);
  document.header.completion_flag = "COMPLETE";
  document.header.preliminary_flag = "PRELIMINARY";
  const Report preliminary = evaluate(extract_findings(document, "test.dcm"));
  EXPECT_EQ(preliminary.exam.category, Category::Incomplete0);
  EXPECT_TRUE(preliminary.exam.needs_review);
  document.header.preliminary_flag = "FINAL";
  EXPECT_FALSE(evaluate(extract_findings(document, "test.dcm")).exam.needs_review);
}

// Hostile review 25 (F6): a flag holding neither of its terms — two values, another word, empty —
// was read as COMPLETE or FINAL. It cannot be read, so the evidence counts as not complete; an
// absent flag says nothing.
TEST(EveryItemCountsE11, AFlagThatCannotBeReadIsNoBenignExam) {
  const auto coarse = std::pair{codes::kCalcificationType, code(Morphology::CoarsePopcorn)};
  SrDocument document = testing::report_with({finding_with({kLeft, coarse})});
  for (const char* completion : {"PARTIAL\\COMPLETE", "COMPLETE\\PARTIAL", "INCOMPLETE", "", " "}) {
    document.header.completion_flag = completion;
    document.header.preliminary_flag = std::nullopt;
    const Report report = evaluate(extract_findings(document, "test.dcm"));
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << completion;
    EXPECT_TRUE(report.exam.needs_review) << completion;
    ASSERT_EQ(report.exam.warnings.size(), 1u) << completion;
    EXPECT_EQ(report.exam.warnings.front().code, WarningCode::DocumentIncomplete);
    EXPECT_NE(
        report.exam.warnings.front().text.find(std::string("Completion Flag (0040,A491) is \"") +
                                               completion + "\", not one of COMPLETE or PARTIAL"),
        std::string::npos)
        << report.exam.warnings.front().text;
  }
  for (const char* preliminary : {"PRELIMINARY\\FINAL", "DRAFT", ""}) {
    document.header.completion_flag = "COMPLETE";
    document.header.preliminary_flag = preliminary;
    const Report report = evaluate(extract_findings(document, "test.dcm"));
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << preliminary;
    EXPECT_TRUE(report.exam.needs_review) << preliminary;
  }
  document.header.completion_flag = "complete ";
  document.header.preliminary_flag = std::nullopt;
  EXPECT_FALSE(evaluate(extract_findings(document, "test.dcm")).exam.needs_review);
  document.header.completion_flag = std::nullopt;
  EXPECT_FALSE(evaluate(extract_findings(document, "test.dcm")).exam.needs_review);
}

// Hostile review 21 (#6): a half-written annotation file (annotation-skipped) left a benign exam
// with no review; what it says may be a finding.
TEST(EveryItemCountsE12, AnAnnotationFileThatCouldNotBeReadMakesTheExamIncomplete) {
  const auto coarse = std::pair{codes::kCalcificationType, code(Morphology::CoarsePopcorn)};
  Findings findings =
      extract_findings(testing::report_with({finding_with({kLeft, coarse})}), "test.dcm");
  findings.notes.push_back({WarningCode::AnnotationSkipped, "ann/a.xml: not valid", ""});
  const Report report = evaluate(findings);
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& f) { return f.rule->id == "E12"; }));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_TRUE(report.decisions.front().needs_review);
}

// Hostile review 21 (#3): a code whose meaning names another term of its value set was read by
// its value alone, silently (a coarse code shown as "Fine pleomorphic calcification": benign 2;
// a left code shown as "Right breast"). The value is still read; the meaning's term is read too.
TEST(EveryItemCountsW17, AMeaningNamingAnotherMorphologyIsReadTooAndReviewed) {
  const auto shown_fine = std::pair{codes::kCalcificationType,
                                    Code{"129749001", "SCT", "Fine pleomorphic calcification"}};
  const Report report = evaluate_report({finding_with({kLeft, shown_fine})});
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_EQ(decision.final_category, Category::ModerateSuspicion4B);
  EXPECT_TRUE(fired(decision, "W17"));
  EXPECT_TRUE(warned(decision, "code-meaning-discordant"));
  EXPECT_TRUE(decision.needs_review);
}
TEST(EveryItemCountsW17, AMeaningNamingTheOtherBreastIsAConflict) {
  const auto shown_right = std::pair{codes::kLaterality, Code{"80248007", "SCT", "Right breast"}};
  const auto flb = std::pair{codes::kCalcificationType, code(Morphology::FineLinearBranching)};
  const Report report = evaluate_report({finding_with({shown_right, flb})});
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.input.findings.front().laterality_source, LateralitySource::Conflicting);
  EXPECT_TRUE(warned(report.decisions.front(), "code-meaning-discordant"));
  EXPECT_TRUE(report.decisions.front().needs_review);
  // The same on the procedure's Laterality the finding takes its breast from (l01).
  ContentItem procedure =
      code_item("1.1.0", codes::kProcedureReported, Code{"71651007", "SCT", "Mammography"});
  procedure.children.push_back(
      code_item("1.1.0.1", codes::kLaterality, Code{"80248007", "SCT", "Right breast"}));
  const Report from_procedure = evaluate_report({procedure, finding_with({flb})});
  ASSERT_EQ(from_procedure.decisions.size(), 1u);
  EXPECT_EQ(from_procedure.input.findings.front().laterality_source, LateralitySource::Conflicting);
  EXPECT_TRUE(warned(from_procedure.decisions.front(), "code-meaning-discordant"));
  EXPECT_TRUE(from_procedure.decisions.front().needs_review);
}
TEST(EveryItemCountsW17, AMeaningSpelledOtherwiseOrFreeIsNoDiscordance) {
  for (const char* meaning :
       {"COARSE (POPCORN-LIKE) CALCIFICATION", "coarse-popcorn", "Popcorn calcs", ""}) {
    const auto coarse = std::pair{codes::kCalcificationType, Code{"129749001", "SCT", meaning}};
    const auto left = std::pair{codes::kLaterality, Code{"80248007", "SCT", "Left"}};
    const Report report = evaluate_report({finding_with({left, coarse})});
    ASSERT_EQ(report.decisions.size(), 1u) << meaning;
    EXPECT_FALSE(fired(report.decisions.front(), "W17")) << meaning;
    EXPECT_EQ(report.decisions.front().classification, Classification::Benign) << meaning;
    EXPECT_FALSE(report.decisions.front().needs_review) << meaning;
  }
}

// --- The walk: every field that can repeat, every pair of values, both orders ---
struct FieldValues {
  const char* field;
  CodeConst concept;
  std::vector<Code> values;
};

std::vector<FieldValues> repeatable_fields() {
  std::vector<FieldValues> fields{
      {"distribution", codes::kCalcificationDistribution, {}},
      {"laterality", codes::kLaterality, {}},
      {"site", codes::kFindingSite, {code(Site::Ductal), code(Site::Lobular)}},
      {"assessment", codes::kAssessmentCategory, {}},
      {"change", codes::kChangeSinceLastMammogram, {}}};
  for (const auto d : {Distribution::Diffuse, Distribution::Regional, Distribution::Grouped,
                       Distribution::Linear, Distribution::Segmental, Distribution::WithinMass}) {
    fields[0].values.push_back(code(d));
  }
  for (const auto l : {Laterality::Right, Laterality::Left, Laterality::Both}) {
    fields[1].values.push_back(code(l));
  }
  for (const auto c :
       {Category::Negative1, Category::Benign2, Category::ProbablyBenign3, Category::LowSuspicion4A,
        Category::HighlySuggestive5, Category::KnownMalignancy6}) {
    fields[3].values.push_back(code(c));
  }
  for (const auto c : {Change::New, Change::Stable, Change::Decreased}) {
    fields[4].values.push_back(code(c));
  }
  return fields;
}

TEST(EveryItemCountsWalk, EveryPairOfValuesInBothOrdersGivesTheMoreSuspiciousWithReview) {
  int cases = 0;
  for (const Morphology term :
       {Morphology::Punctate, Morphology::Round, Morphology::Amorphous, Morphology::Vascular,
        Morphology::FinePleomorphic, Morphology::CoarsePopcorn, Morphology::Microcalcifications}) {
    const auto type = std::pair{codes::kCalcificationType, code(term)};
    for (const FieldValues& field : repeatable_fields()) {
      // The other fields keep a fixed value so that only this one repeats.
      std::vector<std::pair<CodeConst, Code>> base{type};
      if (std::string(field.field) != "laterality") base.push_back(kLeft);
      if (std::string(field.field) != "distribution") base.push_back(kDiffuse);
      const auto category_with = [&](std::vector<Code> values) {
        auto properties = base;
        for (const Code& value : values) properties.emplace_back(field.concept, value);
        return evaluate_report({finding_with(properties)}).decisions.front();
      };
      for (const Code& a : field.values) {
        for (const Code& b : field.values) {
          if (a.value == b.value) continue;
          const Decision alone_a = category_with({a});
          const Decision alone_b = category_with({b});
          const Decision ab = category_with({a, b});
          const Decision ba = category_with({b, a});
          const std::string label = std::string(field.field) + " " + a.value + "/" + b.value +
                                    " with " + std::string(to_string(term));
          EXPECT_EQ(ab.final_category, ba.final_category) << label;
          EXPECT_GE(category_rank(ab.final_category),
                    category_rank(more_suspicious(alone_a.final_category, alone_b.final_category)))
              << label;
          EXPECT_TRUE(ab.needs_review && ba.needs_review) << label;
          EXPECT_TRUE(fired(ab, "W9") && fired(ba, "W9")) << label;
          ++cases;
        }
      }
    }
  }
  EXPECT_GT(cases, 300);
}

TEST(EveryItemCountsWalk, AnUnreadableItemNeverLeavesAFindingBenignWithoutReview) {
  const std::vector<std::pair<CodeConst, Code>> unreadable{
      {codes::kAssessmentCategory, Code{"2", "99LOCAL", "Benign"}},
      {codes::kRecommendedFollowUp, Code{"FU-1", "99LOCAL", "Local follow-up"}},
      {codes::kCalcificationDistribution, Code{"D-1", "99LOCAL", "Local distribution"}},
      {CodeConst{"111008", "SCT", "Calcification Distribution"}, code(Distribution::Segmental)},
      {CodeConst{"X-9", "99LOCAL", "Local property"}, Code{"Y", "99LOCAL", "Local value"}}};
  for (const Morphology term :
       {Morphology::Punctate, Morphology::Round, Morphology::Vascular, Morphology::CoarsePopcorn,
        Morphology::MilkOfCalcium, Morphology::Amorphous}) {
    for (const auto& item : unreadable) {
      const Decision decision =
          evaluate_report(
              {finding_with({kLeft, {codes::kCalcificationType, code(term)}, kDiffuse, item})})
              .decisions.front();
      EXPECT_TRUE(decision.needs_review) << to_string(term) << " with " << describe(item.second);
      EXPECT_TRUE(fired(decision, "W10")) << to_string(term) << " with " << describe(item.second);
    }
  }
}

// --- Hostile review 26 ---
const std::pair<CodeConst, Code> kRight{codes::kLaterality, code(Laterality::Right)};
const std::pair<CodeConst, Code> kFinePleomorphic{codes::kCalcificationType,
                                                  code(Morphology::FinePleomorphic)};
const std::pair<CodeConst, Code> kGrouped{codes::kCalcificationDistribution,
                                          code(Distribution::Grouped)};

ContentItem millimetres_item(const std::string& position, const CodeConst& name, double value) {
  return num_item(position, name, value, Code{"mm", "UCUM", "millimeter"});
}

std::string warning_text(const Decision& decision, std::string_view code) {
  std::string texts;
  for (const Warning& warning : decision.warnings) {
    if (to_string(warning.code) == code) texts += warning.text + "\n";
  }
  return texts;
}

// H26-6: a distance given twice decides the biopsy type on the restrictive value (the one that
// rules out a stereotactic approach), whatever the order, and the warning says the biopsy type
// is what it affects.
TEST(Hostile26DistanceTwice, TheRestrictiveDistanceDecidesTheBiopsyTypeInBothOrders) {
  for (const CodeConst& name : {codes::kDistanceFromChestWall, codes::kDistanceFromSkin}) {
    for (const auto& values : {std::pair{30.0, 1.0}, std::pair{1.0, 30.0}}) {
      ContentItem finding = finding_with({kRight, kFinePleomorphic, kGrouped});
      finding.children.push_back(millimetres_item("1.1.1.4", name, values.first));
      finding.children.push_back(millimetres_item("1.1.1.5", name, values.second));
      const Decision decision = evaluate_report({finding}).decisions.front();
      EXPECT_EQ(decision.recommendation.biopsy, BiopsyType::WireLocalization) << name.meaning;
      EXPECT_EQ(decision.recommendation.biopsy_rule, "B4") << name.meaning;
      EXPECT_TRUE(fired(decision, "W9")) << name.meaning;
      EXPECT_TRUE(decision.needs_review) << name.meaning;
      const std::string text = warning_text(decision, "conflicting-values");
      EXPECT_NE(text.find("biopsy type"), std::string::npos) << text;
      EXPECT_EQ(text.find("does not change"), std::string::npos) << text;
    }
  }
}

// Hostile review 80: a distance in metres or inches is converted (0.004 m from the chest wall is
// 4 mm: wire localization, B4), not dropped as a unit not read.
TEST(Hostile80Distance, MetresAndInchesAreMillimetresToo) {
  for (const auto& [value, unit] : {std::pair{0.004, Code{"m", "UCUM", "meter"}},
                                    std::pair{0.1, Code{"[in_i]", "UCUM", "inch"}}}) {
    ContentItem finding = finding_with({kRight, kFinePleomorphic, kGrouped});
    ContentItem distance = millimetres_item("1.1.1.4", codes::kDistanceFromChestWall, value);
    distance.unit = unit;
    finding.children.push_back(distance);
    const Decision decision = evaluate_report({finding}).decisions.front();
    EXPECT_EQ(decision.recommendation.biopsy, BiopsyType::WireLocalization) << unit.value;
    EXPECT_EQ(decision.recommendation.biopsy_rule, "B4") << unit.value;
  }
}

// H50-4: a distance that is not one number (the reader leaves `number` empty and keeps the words)
// or a negative one is said (W10) and not used; the finding needs review.
TEST(Hostile50Distance, ADistanceThatIsNotOneNumberOrNegativeIsSaidAndReviewed) {
  for (const CodeConst& name : {codes::kDistanceFromChestWall, codes::kDistanceFromSkin}) {
    for (const std::string& words : {std::string("1\\2"), std::string("abc"), std::string()}) {
      ContentItem finding = finding_with({kRight, kFinePleomorphic, kGrouped});
      ContentItem distance = millimetres_item("1.1.1.4", name, 0.0);
      distance.number.reset();
      distance.number_text = words;
      finding.children.push_back(distance);
      const Decision decision = evaluate_report({finding}).decisions.front();
      EXPECT_TRUE(fired(decision, "W10")) << name.meaning << " " << words;
      EXPECT_TRUE(decision.needs_review) << name.meaning << " " << words;
      EXPECT_NE(warning_text(decision, "unknown-code").find("not one number"), std::string::npos)
          << warning_text(decision, "unknown-code");
    }
    ContentItem finding = finding_with({kRight, kFinePleomorphic, kGrouped});
    finding.children.push_back(millimetres_item("1.1.1.4", name, -5.0));
    const Decision decision = evaluate_report({finding}).decisions.front();
    EXPECT_NE(decision.recommendation.biopsy, BiopsyType::WireLocalization) << name.meaning;
    EXPECT_TRUE(fired(decision, "W10")) << name.meaning;
    EXPECT_TRUE(decision.needs_review) << name.meaning;
  }
}

// H26-9: a reported follow-up that asks for less than the rules chose is shown beside their
// choice with a warning, and the finding needs review.
TEST(Hostile26FollowUpLess, NormalIntervalOnASuspiciousFindingIsFlagged) {
  const auto normal =
      std::pair{codes::kRecommendedFollowUp, codes::kNormalIntervalFollowUp.to_code()};
  const Decision decision =
      evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped, normal})})
          .decisions.front();
  EXPECT_EQ(decision.recommendation.action, Action::Biopsy);
  EXPECT_TRUE(fired(decision, "W20"));
  EXPECT_TRUE(warned(decision, "follow-up-differs"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(warning_text(decision, "follow-up-differs").find("111140"), std::string::npos);
}
TEST(Hostile26FollowUpLess, NormalIntervalOnAProbablyBenignFindingIsFlagged) {
  const auto grouped = kGrouped;
  const auto normal =
      std::pair{codes::kRecommendedFollowUp, codes::kNormalIntervalFollowUp.to_code()};
  const Decision decision =
      evaluate_report({finding_with({kRight, kPunctate, grouped, normal})}).decisions.front();
  ASSERT_EQ(decision.recommendation.action, Action::ShortIntervalFollowUp);
  EXPECT_TRUE(fired(decision, "W20"));
  EXPECT_TRUE(decision.needs_review);
}
TEST(Hostile26FollowUpLess, AnOverallNormalIntervalOnASuspiciousFindingIsFlagged) {
  const Report report = evaluate_report(
      {finding_with({kRight, kFinePleomorphic, kGrouped})},
      {code_item("1.2.1", codes::kRecommendedFollowUp, codes::kNormalIntervalFollowUp.to_code())});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W20"));
  EXPECT_TRUE(decision.needs_review);
}
// Hostile review 27 (H27-10): a normal interval beside a core biopsy contradicts it; the biopsy
// does not hide it.
TEST(Hostile26FollowUpLess, ANormalIntervalBesideABiopsyIsStillFlagged) {
  const auto normal =
      std::pair{codes::kRecommendedFollowUp, codes::kNormalIntervalFollowUp.to_code()};
  const auto core = std::pair{codes::kRecommendedFollowUp, Code{"111145", "DCM", ""}};
  const Decision decision =
      evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped, normal, core})})
          .decisions.front();
  EXPECT_TRUE(fired(decision, "W20"));
  EXPECT_TRUE(decision.needs_review);
  const std::string text = warning_text(decision, "follow-up-differs");
  EXPECT_NE(text.find("111140"), std::string::npos) << text;
  EXPECT_NE(text.find("beside"), std::string::npos) << text;
}
TEST(Hostile26FollowUpLess, AFollowUpAsCautiousAsTheRulesIsNot) {
  const auto core = std::pair{codes::kRecommendedFollowUp, Code{"111145", "DCM", ""}};
  const auto magnification = std::pair{codes::kRecommendedFollowUp, Code{"111136", "DCM", ""}};
  const auto short_interval =
      std::pair{codes::kRecommendedFollowUp, codes::kShortIntervalFollowUp.to_code()};
  // Magnification views and then a biopsy is no less than a biopsy.
  EXPECT_FALSE(fired(
      evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped, magnification, core})})
          .decisions.front(),
      "W20"));
  EXPECT_FALSE(fired(evaluate_report({finding_with({kRight, kPunctate, kGrouped, short_interval})})
                         .decisions.front(),
                     "W20"));
  const auto normal =
      std::pair{codes::kRecommendedFollowUp, codes::kNormalIntervalFollowUp.to_code()};
  const Decision benign =
      evaluate_report({finding_with({kRight, kPunctate, kDiffuse, normal})}).decisions.front();
  EXPECT_FALSE(fired(benign, "W20"));
  EXPECT_FALSE(benign.needs_review);
}

// H26-9: Recommended Follow-up Interval (111055, DCM) is read; 0 months (immediate) on a benign
// finding asks for more than the rules (W5), 12 months on a suspicious one for less (W20).
ContentItem interval_item(const std::string& position, double months) {
  return num_item(position, CodeConst{"111055", "DCM", "Recommended Follow-up Interval"}, months,
                  Code{"mo", "UCUM", "month"});
}
TEST(Hostile26FollowUpInterval, ZeroMonthsOnABenignFindingIsFlagged) {
  ContentItem finding = finding_with({kRight, kPunctate, kDiffuse});
  ContentItem assessment =
      code_item("1.1.1.4", codes::kAssessmentCategory, code(Category::Benign2));
  assessment.children.push_back(interval_item("1.1.1.4.1", 0));
  finding.children.push_back(assessment);
  const Decision decision = evaluate_report({finding}).decisions.front();
  EXPECT_TRUE(fired(decision, "W5"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(warning_text(decision, "follow-up-differs").find("0 months"), std::string::npos)
      << warning_text(decision, "follow-up-differs");
}
TEST(Hostile26FollowUpInterval, TwelveMonthsOnASuspiciousFindingIsFlagged) {
  ContentItem finding = finding_with({kRight, kFinePleomorphic, kGrouped});
  finding.children.push_back(interval_item("1.1.1.4", 12));
  const Decision decision = evaluate_report({finding}).decisions.front();
  EXPECT_TRUE(fired(decision, "W20"));
  EXPECT_TRUE(decision.needs_review);
}
TEST(Hostile26FollowUpInterval, TwelveMonthsOnABenignFindingIsNot) {
  ContentItem finding = finding_with({kRight, kPunctate, kDiffuse});
  finding.children.push_back(interval_item("1.1.1.4", 12));
  const Decision decision = evaluate_report({finding}).decisions.front();
  EXPECT_FALSE(fired(decision, "W5"));
  EXPECT_FALSE(fired(decision, "W20"));
  EXPECT_FALSE(decision.needs_review);
}

// Hostile review 27 (H27-11): an interval below the overall Assessment Category or its
// follow-up is read, and 24 months on a suspicious finding asks for less (W20).
TEST(Hostile26FollowUpInterval, AnOverallIntervalLaterThanTheRulesWantIsFlagged) {
  ContentItem overall = code_item("1.2.1", codes::kAssessmentCategory, code(Category::Suspicious4));
  overall.children.push_back(interval_item("1.2.1.1", 24));
  const Report report =
      evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped})}, {overall});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W20"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(warning_text(decision, "follow-up-differs").find("24"), std::string::npos)
      << warning_text(decision, "follow-up-differs");
  ContentItem follow_up =
      code_item("1.2.1", codes::kRecommendedFollowUp, codes::kNormalIntervalFollowUp.to_code());
  follow_up.children.push_back(interval_item("1.2.1.1", 24));
  const Report below_follow_up =
      evaluate_report({finding_with({kRight, kPunctate, kGrouped})}, {follow_up});
  EXPECT_TRUE(fired(below_follow_up.decisions.front(), "W20"));
}

// H26-10: an overall 6 without laterality that the only finding takes, against benign morphology,
// is discordant (W4) and needs review; a diffuse finding gets no wire localization.
TEST(Hostile26KnownMalignancy, AReportedSixOnBenignMorphologyIsDiscordant) {
  const auto round = std::pair{codes::kCalcificationType, code(Morphology::Round)};
  const Report report = evaluate_report(
      {finding_with({kRight, round, kDiffuse})},
      {code_item("1.2.1", codes::kAssessmentCategory, code(Category::KnownMalignancy6))});
  const Decision& decision = report.decisions.front();
  EXPECT_EQ(decision.final_category, Category::KnownMalignancy6);
  EXPECT_TRUE(fired(decision, "W4"));
  EXPECT_TRUE(warned(decision, "assessment-discordant"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(decision.recommendation.action, Action::SurgicalConsult);
  EXPECT_FALSE(decision.recommendation.biopsy.has_value());
  const bool why =
      std::any_of(decision.recommendation.notes.begin(), decision.recommendation.notes.end(),
                  [](const auto& note) {
                    return note.first == "A8" && note.second.find("diffuse") != std::string::npos;
                  });
  EXPECT_TRUE(why);
}
TEST(Hostile26KnownMalignancy, AReportedSixOnSuspiciousMorphologyIsNotDiscordant) {
  const Report report = evaluate_report(
      {finding_with({kRight, kFinePleomorphic, kGrouped})},
      {code_item("1.2.1", codes::kAssessmentCategory, code(Category::KnownMalignancy6))});
  const Decision& decision = report.decisions.front();
  EXPECT_FALSE(fired(decision, "W4"));
  EXPECT_EQ(decision.recommendation.biopsy, BiopsyType::WireLocalization);
}
TEST(Hostile26KnownMalignancy, AMalignantResultOnBenignMorphologyIsNotDiscordant) {
  // The pathology proves it: the morphology does not argue with a result.
  const Report report =
      evaluate_report({with_pathology(finding_with({kLeft, kPunctate, kGrouped}),
                                      Code{"82711006", "SCT", "Infiltrating duct carcinoma"})});
  EXPECT_FALSE(fired(report.decisions.front(), "W4"));
}

// H26-5: a TID 4204 intervention section (Supplementary Data for Intervention) is read: its
// target confirmation and results count for the finding of its breast (B1).
ContentItem intervention(const std::string& position, Laterality breast,
                         std::vector<ContentItem> items) {
  ContentItem section =
      container(position, CodeConst{"111463", "DCM", "Supplementary Data for Intervention"});
  ContentItem procedure =
      testing::code_item(position + ".1", Relationship::Contains, codes::kProcedureReported,
                         Code{"44578009", "SCT", "Core needle biopsy of breast"});
  ContentItem laterality = testing::code_item(position + ".1.1", Relationship::HasConceptMod,
                                              codes::kLaterality, code(breast));
  procedure.children.push_back(laterality);
  section.children.push_back(procedure);
  for (ContentItem& item : items) section.children.push_back(std::move(item));
  return section;
}
TEST(Hostile26Intervention, TargetNotInTheSpecimenGivesWireLocalization) {
  ContentItem confirmation =
      testing::code_item("1.1.2.2", Relationship::Contains, codes::kConfirmationOfTarget,
                         Code{"111445", "DCM", "Target not in the specimen"});
  const Report report = evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped}),
                                         intervention("1.1.2", Laterality::Right, {confirmation})});
  const Decision& decision = report.decisions.front();
  EXPECT_EQ(decision.recommendation.biopsy, BiopsyType::WireLocalization);
  EXPECT_EQ(decision.recommendation.biopsy_rule, "B1");
}
TEST(Hostile26Intervention, AHighRiskResultInTheSectionGivesWireLocalization) {
  ContentItem results = container("1.1.2.2", codes::kPathologyResults);
  results.children.push_back(testing::code_item("1.1.2.2.1", Relationship::Contains,
                                                codes::kProcedureResult,
                                                Code{"258270003", "SCT", "High risk tumor"}));
  const Report report = evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped}),
                                         intervention("1.1.2", Laterality::Right, {results})});
  EXPECT_EQ(report.decisions.front().recommendation.biopsy_rule, "B1");
}
TEST(Hostile26Intervention, AnInterventionOfTheOtherBreastIsNotApplied) {
  ContentItem confirmation =
      testing::code_item("1.1.2.2", Relationship::Contains, codes::kConfirmationOfTarget,
                         Code{"111445", "DCM", "Target not in the specimen"});
  const Report report = evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped}),
                                         intervention("1.1.2", Laterality::Left, {confirmation})});
  EXPECT_EQ(report.decisions.front().recommendation.biopsy_rule, "B5");
  // Not silently dropped: the exam says what it could not place.
  EXPECT_TRUE(report.exam.needs_review);
}
TEST(Hostile26Intervention, AnInterventionOfABreastWithTwoFindingsAsksForReviewOfBoth) {
  ContentItem second = finding_with({kRight, kPunctate, kDiffuse});
  second.position = "1.1.3";
  ContentItem confirmation =
      testing::code_item("1.1.2.2", Relationship::Contains, codes::kConfirmationOfTarget,
                         Code{"111445", "DCM", "Target not in the specimen"});
  const Report report =
      evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped}),
                       intervention("1.1.2", Laterality::Right, {confirmation}), second});
  ASSERT_EQ(report.decisions.size(), 2u);
  for (const Decision& decision : report.decisions) EXPECT_TRUE(decision.needs_review);
}
TEST(Hostile26Intervention, TargetContainedInTheSpecimenIsInCid6066) {
  ContentItem finding = finding_with({kRight, kFinePleomorphic, kGrouped});
  ContentItem results = container("1.1.1.4", codes::kPathologyResults);
  results.children.push_back(code_item("1.1.1.4.1", codes::kConfirmationOfTarget,
                                       Code{"111443", "DCM", "Target contained in the specimen"}));
  finding.children.push_back(results);
  const Decision decision = evaluate_report({finding}).decisions.front();
  EXPECT_FALSE(warned(decision, "unknown-code")) << warning_text(decision, "unknown-code");
  EXPECT_FALSE(fired(decision, "W10"));
  EXPECT_EQ(decision.recommendation.biopsy_rule, "B5");
}

// H27-13: results that cannot all hold are a conflict, whatever section says them (W9); a benign
// result on calcifications the rules call suspicious, or a target partly obtained, asks the
// radiologist (W21).
ContentItem confirmation_of_target(const std::string& position, const Code& value) {
  return testing::code_item(position, Relationship::Contains, codes::kConfirmationOfTarget, value);
}
ContentItem procedure_result(const std::string& position, const Code& value) {
  ContentItem results = container(position, codes::kPathologyResults);
  results.children.push_back(
      testing::code_item(position + ".1", Relationship::Contains, codes::kProcedureResult, value));
  return results;
}
const Code kTargetContained{"111443", "DCM", "Target contained in the specimen"};
const Code kTargetNotInSpecimen{"111445", "DCM", "Target not in the specimen"};
const Code kBenignResult{"111256", "DCM", "Benign Calcifications"};  // CID 6031

TEST(Hostile29BiopsyResults, TwoSectionsDisagreeingOnTheTargetAreAConflict) {
  const Report report =
      evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped}),
                       intervention("1.1.2", Laterality::Right,
                                    {confirmation_of_target("1.1.2.2", kTargetNotInSpecimen)}),
                       intervention("1.1.3", Laterality::Right,
                                    {confirmation_of_target("1.1.3.2", kTargetContained)})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W9"));
  EXPECT_TRUE(warned(decision, "conflicting-values"));
  EXPECT_NE(warning_text(decision, "conflicting-values").find("biopsy result"), std::string::npos)
      << warning_text(decision, "conflicting-values");
  EXPECT_TRUE(decision.needs_review);
}
TEST(Hostile29BiopsyResults, ABenignAndAMalignantResultAreAConflictAndSixStands) {
  const Report report = evaluate_report(
      {finding_with({kRight, kFinePleomorphic, kGrouped}),
       intervention(
           "1.1.2", Laterality::Right,
           {procedure_result("1.1.2.2", Code{"82711006", "SCT", "Infiltrating duct carcinoma"})}),
       intervention("1.1.3", Laterality::Right, {procedure_result("1.1.3.2", kBenignResult)})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W9"));
  EXPECT_EQ(decision.final_category, Category::KnownMalignancy6);
}
TEST(Hostile29BiopsyResults, ABenignResultOnSuspiciousCalcificationsAsksTheRadiologist) {
  const Report report = evaluate_report(
      {finding_with({kRight, kFinePleomorphic, kGrouped}),
       intervention("1.1.2", Laterality::Right, {procedure_result("1.1.2.2", kBenignResult)})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W21"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_FALSE(fired(decision, "W9"));
}
TEST(Hostile29BiopsyResults, ABenignResultBesideAHighRiskOneIsNoOpenQuestion) {
  ContentItem results = procedure_result("1.1.2.2", kBenignResult);
  results.children.push_back(testing::code_item("1.1.2.2.2", Relationship::Contains,
                                                codes::kPathology,
                                                Code{"258270003", "SCT", "High risk tumor"}));
  const Report report = evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped}),
                                         intervention("1.1.2", Laterality::Right, {results})});
  EXPECT_FALSE(fired(report.decisions.front(), "W21"));
  EXPECT_EQ(report.decisions.front().recommendation.biopsy_rule, "B1");
}
TEST(Hostile29BiopsyResults, ABenignResultOnBenignCalcificationsIsNoReason) {
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention("1.1.2", Laterality::Right, {procedure_result("1.1.2.2", kBenignResult)})});
  EXPECT_FALSE(fired(report.decisions.front(), "W21"));
  EXPECT_FALSE(fired(report.decisions.front(), "W9"));
}
TEST(Hostile29BiopsyResults, ATargetPartlyObtainedAsksTheRadiologist) {
  const Report report = evaluate_report(
      {finding_with({kRight, kFinePleomorphic, kGrouped}),
       intervention(
           "1.1.2", Laterality::Right,
           {confirmation_of_target(
               "1.1.2.2", Code{"111444", "DCM", "Target partially obtained in the specimen"})})});
  EXPECT_TRUE(fired(report.decisions.front(), "W21"));
  EXPECT_TRUE(report.decisions.front().needs_review);
}

// H31-3: B1 acts only where a biopsy is recommended; a result that asks for excision on
// calcifications the rules call benign asks the radiologist (W23) instead of vanishing.
TEST(Hostile31BiopsyResults, AHighRiskResultOnBenignCalcificationsAsksTheRadiologist) {
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention("1.1.2", Laterality::Right,
                    {procedure_result("1.1.2.2", Code{"258270003", "SCT", "High risk tumor"})})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W23"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_NE(warning_text(decision, "insufficient-evidence").find("1.1.2.2"), std::string::npos)
      << warning_text(decision, "insufficient-evidence");
}
TEST(Hostile31BiopsyResults, ABenignResultOfASpecimenWithoutTheTargetAsksTheRadiologist) {
  const Report report =
      evaluate_report({finding_with({kRight, kPunctate, kDiffuse}),
                       intervention("1.1.2", Laterality::Right,
                                    {procedure_result("1.1.2.2", kBenignResult),
                                     confirmation_of_target("1.1.2.3", kTargetNotInSpecimen)})});
  EXPECT_TRUE(fired(report.decisions.front(), "W23"));
  EXPECT_TRUE(report.decisions.front().needs_review);
}
TEST(Hostile31BiopsyResults, WhereTheRulesRecommendABiopsyB1DecidesAndW23IsSilent) {
  const Report report = evaluate_report(
      {finding_with({kRight, kFinePleomorphic, kGrouped}),
       intervention("1.1.2", Laterality::Right,
                    {procedure_result("1.1.2.2", Code{"258270003", "SCT", "High risk tumor"})})});
  EXPECT_FALSE(fired(report.decisions.front(), "W23"));
  EXPECT_EQ(report.decisions.front().recommendation.biopsy_rule, "B1");
}
TEST(Hostile31BiopsyResults, ABenignResultOnBenignCalcificationsStaysQuiet) {
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention("1.1.2", Laterality::Right, {procedure_result("1.1.2.2", kBenignResult)})});
  EXPECT_FALSE(fired(report.decisions.front(), "W23"));
  EXPECT_FALSE(report.decisions.front().needs_review);
}

// H32-1: a benign result code shown as a high-risk lesion is read as that too (W17, W23).
TEST(Hostile32ResultMeanings, ABenignCodeShownAsAHighRiskLesionAsksTheRadiologist) {
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention(
           "1.1.2", Laterality::Right,
           {procedure_result("1.1.2.2", Code{"111256", "DCM", "Atypical ductal hyperplasia"})})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W23"));
  EXPECT_TRUE(warned(decision, "code-meaning-discordant"));
  EXPECT_TRUE(decision.needs_review);
}
// H35: a benign result whose meaning says more than "benign" in words the tool cannot vouch for
// ("Benign (unconfirmed)", "Benign; IDC"), or a malignant one whose meaning denies malignancy, is
// read as indeterminate too: it does not settle the calcifications (W23). Ordinary benign
// wordings stay quiet.
TEST(Hostile35ResultMeanings, AResultMeaningSayingMoreThanItsKindAsksTheRadiologist) {
  for (const char* meaning : {"Benign (unconfirmed)", "Benign, awaiting review", "Not benign"}) {
    Code result = kBenignResult;
    result.meaning = meaning;
    const Report report = evaluate_report(
        {finding_with({kRight, kPunctate, kDiffuse}),
         intervention("1.1.2", Laterality::Right, {procedure_result("1.1.2.2", result)})});
    EXPECT_TRUE(fired(report.decisions.front(), "W23")) << meaning;
    EXPECT_TRUE(report.decisions.front().needs_review) << meaning;
  }
  for (const char* meaning : {"Benign", "Benign findings", "Benign, no atypia",
                              "Fibrocystic change with microcalcifications"}) {
    Code result = kBenignResult;
    result.meaning = meaning;
    const Report report = evaluate_report(
        {finding_with({kRight, kPunctate, kDiffuse}),
         intervention("1.1.2", Laterality::Right, {procedure_result("1.1.2.2", result)})});
    EXPECT_FALSE(fired(report.decisions.front(), "W23")) << meaning;
    EXPECT_FALSE(report.decisions.front().needs_review) << meaning;
  }
}
// H35: a category meaning saying more than its code is read by its code and reviewed (W17).
TEST(Hostile35CategoryMeanings, ACategoryMeaningSayingMoreThanItsCodeAsksTheRadiologist) {
  for (const char* meaning : {"Benign (not final)", "Benign, BI-RADS III", "2?"}) {
    const Report report = evaluate_report(
        {finding_with({kRight,
                       kPunctate,
                       kDiffuse,
                       {codes::kAssessmentCategory, Code{"397141009", "SCT", meaning}}})});
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "W17")) << meaning;
    EXPECT_TRUE(decision.needs_review) << meaning;
    EXPECT_EQ(decision.reported_category, Category::Benign2) << meaning;  // by code
  }
}
// H35-4: a type or distribution meaning that says more than its term in words the tool cannot
// vouch for ("Cast-like", "Round?") is read by its code and asks the radiologist (W17); the
// term's own names ask nothing.
TEST(Hostile35TypeMeanings, ATypeMeaningSayingMoreThanItsTermAsksTheRadiologist) {
  for (const char* meaning : {"Cast-like", "Round?", "Round, new since prior"}) {
    Code round = code(Morphology::Round);
    round.meaning = meaning;
    const Report report =
        evaluate_report({finding_with({kRight, {codes::kCalcificationType, round}, kDiffuse})});
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "W17")) << meaning;
    EXPECT_TRUE(warned(decision, "code-meaning-discordant")) << meaning;
    EXPECT_TRUE(decision.needs_review) << meaning;
  }
  for (const char* meaning : {"Round shaped calcification", "Round calcifications", "Round"}) {
    Code round = code(Morphology::Round);
    round.meaning = meaning;
    const Report report =
        evaluate_report({finding_with({kRight, {codes::kCalcificationType, round}, kDiffuse})});
    EXPECT_FALSE(fired(report.decisions.front(), "W17")) << meaning;
    EXPECT_FALSE(report.decisions.front().needs_review) << meaning;
  }
  Code diffuse = code(Distribution::Diffuse);
  diffuse.meaning = "Diffuse, DCIS-like";
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, {codes::kCalcificationDistribution, diffuse}})});
  EXPECT_TRUE(fired(report.decisions.front(), "W17"));
  EXPECT_TRUE(report.decisions.front().needs_review);
}
// Hostile review 93 (S3): a type large by definition shown as microcalcifications asks the
// radiologist; punctate or round microcalcifications are their own words.
TEST(Hostile93TypeMeanings, ALargeTypeShownAsMicrocalcificationsAsksTheRadiologist) {
  for (const char* meaning : {"Microcalcifications", "Microcalcification",
                              "Coarse microcalcifications", "Mikroverkalkungen", "Mikrokalk"}) {
    Code popcorn = code(Morphology::CoarsePopcorn);
    popcorn.meaning = meaning;
    const Report report =
        evaluate_report({finding_with({kRight, {codes::kCalcificationType, popcorn}, kDiffuse})});
    EXPECT_TRUE(fired(report.decisions.front(), "W17")) << meaning;
    EXPECT_TRUE(report.decisions.front().needs_review) << meaning;
  }
  Code punctate = code(Morphology::Punctate);
  punctate.meaning = "Punctate microcalcifications";
  const Report report =
      evaluate_report({finding_with({kRight, {codes::kCalcificationType, punctate}, kDiffuse})});
  EXPECT_FALSE(fired(report.decisions.front(), "W17"));
}
// Hostile review 36: meanings that doubt, deny or contradict their code in ways a list of
// words missed. Each asks the radiologist; ordinary wordings ask nothing.
bool reviewed_with_category_meaning(const char* meaning, const char* value = "397141009") {
  const Report report = evaluate_report({finding_with(
      {kRight, kPunctate, kDiffuse, {codes::kAssessmentCategory, Code{value, "SCT", meaning}}})});
  return fired(report.decisions.front(), "W17") && report.decisions.front().needs_review;
}
TEST(Hostile36Meanings, ADoubtedDeniedOrUnreadableCategoryMeaningAsksTheRadiologist) {
  // H36-1 a denied certainty, H36-2 a bare negation, H36-5 characters no word reads.
  for (const char* meaning :
       {"Benign, not confirmed", "Benign, no concordance", "Benign (nicht gesichert)", "Benign: no",
        "Benign - not", "2 - Benign; BI-RADS \uFF15", "2 - Benign (\u2163)", "2 - Benign \u203D"}) {
    EXPECT_TRUE(reviewed_with_category_meaning(meaning)) << meaning;
  }
  // H36-18: standard wordings (BI-RADS 4th edition titles, ACR) ask nothing.
  for (const char* meaning : {"Benign Finding(s)", "ACR BI-RADS 2", "2 \u2013 Benign",
                              "Benign, no malignancy", "Benign - routine screening"}) {
    EXPECT_FALSE(reviewed_with_category_meaning(meaning)) << meaning;
  }
  EXPECT_FALSE(reviewed_with_category_meaning("Negative - nothing to comment on", "397140005"));
}
bool reviewed_with_result_meaning(const char* meaning) {
  Code result = kBenignResult;
  result.meaning = meaning;
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention("1.1.2", Laterality::Right, {procedure_result("1.1.2.2", result)})});
  return report.decisions.front().needs_review;
}
TEST(Hostile36Meanings, ADoubtedOrDeniedResultMeaningAsksTheRadiologist) {
  for (const char* meaning : {"Benign, no concordance", "Benign: no",
                              "\uFF2D\uFF41\uFF4C\uFF49\uFF47\uFF4E\uFF41\uFF4E\uFF54",
                              "Benign; calcifications in the core: none"}) {
    EXPECT_TRUE(reviewed_with_result_meaning(meaning)) << meaning;
  }
  EXPECT_FALSE(reviewed_with_result_meaning("Benign, concordant"));
  // H36-4: a word of presence after a comma ends the negation: the carcinoma stands (C13: 6).
  Code result = kBenignResult;
  result.meaning = "Benign, no atypia, carcinoma present";
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention("1.1.2", Laterality::Right, {procedure_result("1.1.2.2", result)})});
  EXPECT_EQ(report.exam.category, Category::KnownMalignancy6);
}
TEST(Hostile36Meanings, ATypeOrDistributionDenyingItsOwnTermAsksTheRadiologist) {
  Code round = code(Morphology::Round);
  round.meaning = "Not round";
  Code diffuse = code(Distribution::Diffuse);
  diffuse.meaning = "Not diffuse";
  for (const auto& properties :
       {std::vector<std::pair<CodeConst, Code>>{
            kRight, {codes::kCalcificationType, round}, kDiffuse},
        std::vector<std::pair<CodeConst, Code>>{
            kRight, kPunctate, {codes::kCalcificationDistribution, diffuse}}}) {
    const Report report = evaluate_report({finding_with(properties)});
    EXPECT_TRUE(fired(report.decisions.front(), "W17"));
    EXPECT_TRUE(report.decisions.front().needs_review);
  }
}
TEST(Hostile36Meanings, ATargetConfirmationSayingMoreAsksTheRadiologist) {
  for (const char* meaning : {"Target partly contained in the specimen",
                              "Target contained in the specimen?", "Ziel nicht im Pr\u00E4parat"}) {
    Code contained = kTargetContained;
    contained.meaning = meaning;
    const Report report =
        evaluate_report({finding_with({kRight, kPunctate, kDiffuse}),
                         intervention("1.1.2", Laterality::Right,
                                      {procedure_result("1.1.2.2", kBenignResult),
                                       confirmation_of_target("1.1.2.3", contained)})});
    EXPECT_TRUE(report.decisions.front().needs_review) << meaning;
  }
}
TEST(Hostile36Meanings, ALateralityMeaningNamingAnotherBreastIsAConflict) {
  for (const char* meaning :
       {"Linke Brust", "Lt", "Right and left breast", "Right breast (left)"}) {
    Code right = code(Laterality::Right);
    right.meaning = meaning;
    const Report report =
        evaluate_report({finding_with({{codes::kLaterality, right}, kFinePleomorphic, kGrouped})});
    EXPECT_EQ(report.input.findings.front().laterality_source, LateralitySource::Conflicting)
        << meaning;
    EXPECT_TRUE(report.decisions.front().needs_review) << meaning;
  }
  for (const char* meaning : {"Contralateral breast", "Right breast?"}) {
    Code right = code(Laterality::Right);
    right.meaning = meaning;
    const Report report =
        evaluate_report({finding_with({{codes::kLaterality, right}, kFinePleomorphic, kGrouped})});
    EXPECT_TRUE(fired(report.decisions.front(), "W17")) << meaning;
    EXPECT_TRUE(report.decisions.front().needs_review) << meaning;
  }
  for (const char* meaning : {"Right breast", "Right", "Rechte Brust", "rechts"}) {
    Code right = code(Laterality::Right);
    right.meaning = meaning;
    const Report report =
        evaluate_report({finding_with({{codes::kLaterality, right}, kPunctate, kDiffuse})});
    EXPECT_EQ(report.input.findings.front().laterality, Laterality::Right) << meaning;
    EXPECT_FALSE(report.decisions.front().needs_review) << meaning;
  }
}
TEST(Hostile36Meanings, ARoutineFollowUpAskingForMoreInOtherWordsIsReviewed) {
  for (const char* meaning : {"Normal interval follow-up; Drahtmarkierung",
                              "Normal interval follow-up; VAB", "Normal interval follow-up?"}) {
    const Report report = evaluate_report(
        {finding_with({kRight,
                       kPunctate,
                       kDiffuse,
                       {codes::kRecommendedFollowUp, Code{"111140", "DCM", meaning}}})});
    EXPECT_TRUE(fired(report.decisions.front(), "W17")) << meaning;
  }
}
TEST(Hostile36Meanings, ACalcificationFindingCodeSayingMoreIsReviewed) {
  for (const char* meaning : {"Calcification of breast, BI-RADS 5",
                              "Calcification of breast (DCIS)", "Calcification of breast?"}) {
    ContentItem finding = finding_with({kRight, kPunctate, kDiffuse});
    finding.code.meaning = meaning;
    const Report report = evaluate_report({finding});
    EXPECT_TRUE(fired(report.decisions.front(), "W17")) << meaning;
    EXPECT_TRUE(report.decisions.front().needs_review) << meaning;
  }
  for (const char* meaning : {"Calcification of breast", "Microcalcifications of the breast"}) {
    ContentItem finding = finding_with({kRight, kPunctate, kDiffuse});
    finding.code.meaning = meaning;
    EXPECT_FALSE(evaluate_report({finding}).decisions.front().needs_review) << meaning;
  }
}
// H36-14: the report's overall 0 beside benign findings makes the exam 0, which asks the
// radiologist (E20, as A5 does for a finding); with a finding of 3 or more the findings' stands.
TEST(Hostile36Exam, AnExamMadeZeroByTheReportNeedsReview) {
  // Two findings: with one, it takes the overall category as its own (R1 judges it there).
  ContentItem left = finding_with({kLeft, kPunctate, kDiffuse});
  left.position = "1.1.2";
  SrDocument document = testing::report_with({finding_with({kRight, kPunctate, kDiffuse}), left});
  ContentItem overall = container("1.2", codes::kOverallAssessment);
  overall.children.push_back(testing::code_item(
      "1.2.1", Relationship::Contains, codes::kAssessmentCategory, code(Category::Incomplete0)));
  document.root.children.push_back(overall);
  const Report report = evaluate(extract_findings(document, "test.dcm"));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_TRUE(exam_fired(report, "E20"));
  EXPECT_TRUE(report.exam.needs_review);
  const Report alone = evaluate_report({finding_with({kRight, kPunctate, kDiffuse}), left});
  EXPECT_FALSE(exam_fired(alone, "E20"));
  EXPECT_FALSE(alone.exam.needs_review);
}
// H32-2: a type whose meaning names its own benign term and a suspicious one is read as both.
TEST(Hostile32ResultMeanings, ATypeNamingItsOwnTermAndASuspiciousOneIsReadAsBoth) {
  Code round = code(Morphology::Punctate);
  round.meaning = "Punctate and fine pleomorphic calcifications";
  const Report report =
      evaluate_report({finding_with({kRight, {codes::kCalcificationType, round}, kDiffuse})});
  const Decision& decision = report.decisions.front();
  EXPECT_NE(decision.classification, Classification::Benign);
  EXPECT_TRUE(warned(decision, "code-meaning-discordant"));
  EXPECT_TRUE(decision.needs_review);
}

// H32-6: a biopsy section with no result on benign calcifications asks the radiologist (W24);
// for a breast without a finding it leaves the breast 0 (E15).
TEST(Hostile32BiopsyWithoutResult, ItAsksTheRadiologist) {
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}), intervention("1.1.2", Laterality::Right, {})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W24"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(warning_text(decision, "insufficient-evidence").find("1.1.2"), std::string::npos);
  const Report other_breast = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}), intervention("1.1.3", Laterality::Left, {})});
  EXPECT_EQ(other_breast.exam.category, Category::Incomplete0);
  EXPECT_TRUE(other_breast.exam.needs_review);
}

// H30-7: a section whose results count for no finding still speaks for its breast: a malignant
// result makes it (and the exam) 6, a high-risk one leaves it 0 unless 4 or above (E15).
TEST(Hostile30InterventionOfNoFinding, AMalignantResultMakesItsBreastSix) {
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention(
           "1.1.3", Laterality::Left,
           {procedure_result("1.1.3.2", Code{"82711006", "SCT", "Infiltrating duct carcinoma"})})});
  EXPECT_EQ(report.exam.category, Category::KnownMalignancy6);
  EXPECT_TRUE(report.exam.needs_review);
  const auto left = std::find_if(
      report.exam.breasts.begin(), report.exam.breasts.end(),
      [](const BreastSummary& breast) { return breast.laterality == Laterality::Left; });
  ASSERT_NE(left, report.exam.breasts.end());
  EXPECT_EQ(left->category, Category::KnownMalignancy6);
  EXPECT_EQ(left->findings, 0);
  EXPECT_EQ(report.decisions.front().final_category, Category::Benign2);  // the right finding
}
TEST(Hostile30InterventionOfNoFinding, AHighRiskResultLeavesItsBreastIncomplete) {
  const Report report = evaluate_report(
      {finding_with({kRight, kPunctate, kDiffuse}),
       intervention("1.1.3", Laterality::Left,
                    {procedure_result("1.1.3.2", Code{"258270003", "SCT", "High risk tumor"})})});
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_TRUE(report.exam.needs_review);
}

// H27-7: a section's results counted for the one SR finding of its breast; a finding an
// annotation adds to that breast may be the one biopsied, so both are flagged (W22).
TEST(Hostile29BiopsyResults, AnAddedFindingInTheBreastMakesTheSectionsTargetUnclear) {
  const SrDocument document = testing::report_with(
      {finding_with({kRight, kFinePleomorphic, kGrouped}),
       intervention(
           "1.1.2", Laterality::Right,
           {procedure_result("1.1.2.2", Code{"82711006", "SCT", "Infiltrating duct carcinoma"})})});
  Findings findings = extract_findings(document, "test.dcm");
  const Report alone = evaluate(findings);
  EXPECT_FALSE(fired(alone.decisions.front(), "W22"));
  Finding added;
  added.position = "annotation:5";
  added.origin = Origin::Annotation;
  added.laterality = Laterality::Right;
  added.morphology.push_back({Morphology::Amorphous, code(Morphology::Amorphous), ""});
  findings.findings.push_back(added);
  const Report report = evaluate(findings);
  ASSERT_EQ(report.decisions.size(), 2u);
  for (const Decision& decision : report.decisions) {
    EXPECT_TRUE(fired(decision, "W22")) << decision.id;
    EXPECT_TRUE(decision.needs_review) << decision.id;
  }
  EXPECT_TRUE(report.exam.needs_review);
}

// Hostile review 37 (H37-8): an exam with another result under its SOP Instance UID (E19) needed
// review, but each of its benign findings said needsReview="false".
TEST(EveryItemCountsE19, EachFindingOfAnExamWithAnotherResultNeedsReview) {
  const auto coarse = std::pair{codes::kCalcificationType, code(Morphology::CoarsePopcorn)};
  Findings findings = extract_findings(
      testing::report_with({finding_with({kLeft, coarse}), finding_with({kRight, coarse})}),
      "test.dcm");
  const Report alone = evaluate(findings);
  ASSERT_EQ(alone.decisions.size(), 2u);
  for (const Decision& decision : alone.decisions) {
    EXPECT_FALSE(decision.needs_review) << decision.id;
    EXPECT_FALSE(fired(decision, "W25")) << decision.id;
  }
  findings.notes.push_back(
      {WarningCode::SameExamConflict, "another input of this run, b.dcm, has ...", ""});
  const Report report = evaluate(findings);
  EXPECT_TRUE(exam_fired(report, "E19"));
  for (const Decision& decision : report.decisions) {
    EXPECT_TRUE(fired(decision, "W25")) << decision.id;
    EXPECT_TRUE(decision.needs_review) << decision.id;
    EXPECT_EQ(decision.final_category, Category::Benign2) << "review, not another category";
  }
}

}  // namespace
}  // namespace mammocalc
