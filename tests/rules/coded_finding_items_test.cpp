// Hostile review 26 (H26-1, H26-2, H26-8): what a TID 4206 finding holds besides the items the
// reader reads. Content trees as an SR gives them, through the reader and the rules: an item of
// another concept, an item below another item, the finding's own code. H26-7, H26-12: the same for
// a TID 4000 CAD finding and for modifiers; H26-11: codes whose meaning names another term.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::container;
using testing::fired;
using testing::warned;

ContentItem code_item(const std::string& position, const CodeConst& name, const Code& value) {
  return testing::code_item(position, Relationship::HasProperties, name, value);
}

Report evaluate_report(std::vector<ContentItem> findings_items) {
  return evaluate(extract_findings(testing::report_with(std::move(findings_items)), "test.dcm"));
}

using testing::code;
using testing::finding_with;
using testing::num_item;

const std::pair<CodeConst, Code> kRight{codes::kLaterality, code_of(Laterality::Right).to_code()};
const std::pair<CodeConst, Code> kCoarse{codes::kCalcificationType,
                                         code(Morphology::CoarsePopcorn)};
const std::pair<CodeConst, Code> kRound{codes::kCalcificationType, code(Morphology::Round)};
const std::pair<CodeConst, Code> kDiffuse{codes::kCalcificationDistribution,
                                          code(Distribution::Diffuse)};
const std::pair<CodeConst, Code> kGrouped{codes::kCalcificationDistribution,
                                          code(Distribution::Grouped)};
const std::pair<CodeConst, Code> kFinePleomorphic{codes::kCalcificationType,
                                                  code(Morphology::FinePleomorphic)};

// The warnings of a decision whose text holds `words`.
std::vector<Warning> warnings_saying(const Decision& decision, const std::string& words) {
  std::vector<Warning> found;
  std::copy_if(
      decision.warnings.begin(), decision.warnings.end(), std::back_inserter(found),
      [&](const Warning& warning) { return warning.text.find(words) != std::string::npos; });
  return found;
}

using testing::exam_fired;

bool report_note_saying(const Report& report, const std::string& words) {
  return std::any_of(
      report.input.notes.begin(), report.input.notes.end(),
      [&](const ReaderNote& note) { return note.text.find(words) != std::string::npos; });
}

// --- H26-1: an item of a concept the reader does not read is never dropped without trace ---

// Concepts TID 4206 has (or a producer may use) that the reader does not read.
const std::vector<CodeConst> kUnreadConcepts{
    {"116676008", "SCT", "Associated morphology"},
    {"199999", "DCM", "Morphology"},
    {"107644003", "SCT", "Shape"},
    {"246090004", "SCT", "Associated Finding"},
    {"111037", "DCM", "Margins"},
    {"111035", "DCM", "Lesion Density"},
    {"111407", "DCM", "Implant finding"},
    {"111034", "DCM", "Individual Impression/Recommendation"},
};

TEST(UnreadItemInAFinding, ASuspiciousCalcificationCodeUnderAnotherConceptIsNeverBelow4A) {
  for (const CodeConst& concept : kUnreadConcepts) {
    const Report report = evaluate_report(
        {finding_with({kRight, kCoarse, {concept, code(Morphology::FinePleomorphic)}})});
    ASSERT_EQ(report.decisions.size(), 1u) << concept.meaning;
    const Decision& decision = report.decisions.front();
    // The item is named: position, concept and value.
    const auto named = warnings_saying(decision, describe(concept.to_code()));
    ASSERT_EQ(named.size(), 1u) << concept.meaning;
    EXPECT_EQ(named.front().code, WarningCode::UnknownCode);
    EXPECT_EQ(named.front().position, "1.1.1.3");
    EXPECT_NE(named.front().text.find("1.1.1.3"), std::string::npos) << named.front().text;
    EXPECT_NE(named.front().text.find("111344"), std::string::npos) << named.front().text;
    EXPECT_TRUE(fired(decision, "W10")) << concept.meaning;
    EXPECT_TRUE(fired(decision, "C0")) << concept.meaning;  // a suspicious feature in the finding
    EXPECT_EQ(decision.final_category, Category::LowSuspicion4A) << concept.meaning;
    EXPECT_EQ(decision.classification, Classification::Suspicious) << concept.meaning;
    EXPECT_TRUE(decision.needs_review) << concept.meaning;
    EXPECT_EQ(report.exam.category, Category::LowSuspicion4A) << concept.meaning;
  }
}

TEST(UnreadItemInAFinding, ABenignValueUnderAnotherConceptStillAsksForReview) {
  const Report report = evaluate_report({finding_with(
      {kRight,
       kRound,
       kDiffuse,
       {CodeConst{"111037", "DCM", "Margins"}, Code{"129742005", "SCT", "Circumscribed"}}})});
  const Decision& decision = report.decisions.front();
  EXPECT_EQ(warnings_saying(decision, "(111037, DCM, \"Margins\")").size(), 1u);
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_FALSE(fired(decision, "C0"));
  EXPECT_EQ(decision.final_category, Category::Benign2);
  EXPECT_TRUE(decision.needs_review);
  EXPECT_TRUE(exam_fired(report, "E13"));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);  // never benign beside an unread item
}

TEST(UnreadItemInAFinding, AnUnreadNumberIsNamedWithItsValue) {
  ContentItem finding = finding_with({kRight, kRound, kDiffuse});
  finding.children.push_back(num_item("1.1.1.4",
                                      CodeConst{"111406", "DCM", "Number of similar findings"}, 3,
                                      Code{"{findings}", "UCUM", "findings"}));
  const Decision decision = evaluate_report({finding}).decisions.front();
  const auto named = warnings_saying(decision, "(111406, DCM, \"Number of similar findings\")");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("3"), std::string::npos) << named.front().text;
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
}

// Rounds, grouped (C3: 3) with fine pleomorphic under "Associated morphology" and fine linear
// branching under "Margins", no overall assessment: was "BI-RADS 3 -> short-interval follow-up".
TEST(UnreadItemInAFinding, SuspiciousCodesUnderOtherConceptsLiftAProbablyBenignFinding) {
  const Report report = evaluate_report({finding_with(
      {kRight,
       kRound,
       kGrouped,
       {CodeConst{"116676008", "SCT", "Associated morphology"}, code(Morphology::FinePleomorphic)},
       {CodeConst{"111037", "DCM", "Margins"}, code(Morphology::FineLinearBranching)}})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C0"));
  EXPECT_EQ(decision.classification, Classification::Suspicious);
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(warnings_saying(decision, "was not read").size(), 2u);
}

// A suspicious calcification code as the value of a concept we read but whose context group does
// not hold it (a Clockface, a Depth) is unread too: C0 weighs it.
TEST(UnreadItemInAFinding, ASuspiciousCodeOutsideItsConceptsGroupIsNeverBelow4A) {
  for (const CodeConst& concept : {codes::kClockfaceOrRegion, codes::kDepth}) {
    const Decision decision =
        evaluate_report({finding_with({kRight, kCoarse, {concept, code(Morphology::FineLinear)}})})
            .decisions.front();
    EXPECT_TRUE(fired(decision, "W10")) << concept.meaning;
    EXPECT_TRUE(fired(decision, "C0")) << concept.meaning;
    EXPECT_EQ(decision.classification, Classification::Suspicious) << concept.meaning;
  }
}

TEST(CorrelationToOtherFindings, AValueOutsideCid6158IsFlagged) {
  for (const Code& value : {Code{"111999", "DCM", "Bogus"}, code(Morphology::FinePleomorphic),
                            Code{"111384", "SCT", "Correlates to ultrasound findings"}}) {
    const Decision decision =
        evaluate_report(
            {finding_with({kRight, kCoarse, {codes::kCorrelationToOtherFindings, value}})})
            .decisions.front();
    const auto named = warnings_saying(decision, "CID 6158");
    ASSERT_EQ(named.size(), 1u) << describe(value);
    EXPECT_EQ(named.front().code, WarningCode::UnknownCode);
    EXPECT_TRUE(fired(decision, "W10")) << describe(value);
    EXPECT_TRUE(decision.needs_review) << describe(value);
  }
}

TEST(CorrelationToOtherFindings, EveryCid6158ValueIsReadWithoutAWarning) {
  for (const char* value : {"111381", "111382", "111383", "111384", "111385", "111386", "111387"}) {
    const Decision decision =
        evaluate_report(
            {finding_with({kRight,
                           kRound,
                           kDiffuse,
                           {codes::kCorrelationToOtherFindings, Code{value, "DCM", ""}}})})
            .decisions.front();
    EXPECT_FALSE(fired(decision, "W10")) << value;
    EXPECT_FALSE(decision.needs_review) << value;
  }
}

// --- H26-2: the finding code names a lesion besides the calcifications ---
TEST(FindingCode, AnArchitecturalDistortionIsNeverBelow4AAndNamed) {
  for (const CodeConst& distortion :
       {CodeConst{"129792006", "SCT", "Architectural distortion of breast"},
        CodeConst{"F-01795", "SRT", "Architectural distortion of breast"}}) {
    const Report report = evaluate_report({finding_with({kRight, kCoarse}, distortion)});
    ASSERT_EQ(report.decisions.size(), 1u);
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "C15")) << distortion.value;
    EXPECT_EQ(decision.final_category, Category::LowSuspicion4A) << distortion.value;
    EXPECT_EQ(decision.classification, Classification::Suspicious);
    EXPECT_TRUE(decision.needs_review);
    EXPECT_EQ(warnings_saying(decision, describe(distortion.to_code())).size(), 1u);
    EXPECT_EQ(report.exam.classification, Classification::Suspicious);
  }
}

TEST(FindingCode, AnAsymmetryIsNeverBenignWithoutReview) {
  for (const CodeConst& asymmetry :
       {CodeConst{"129789007", "SCT", "Focal asymmetric breast tissue"},
        CodeConst{"129790003", "SCT", "Asymmetric breast tissue"}}) {
    const Report report = evaluate_report({finding_with({kRight, kRound, kDiffuse}, asymmetry)});
    ASSERT_EQ(report.decisions.size(), 1u);
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "W19")) << asymmetry.value;
    EXPECT_TRUE(decision.needs_review) << asymmetry.value;
    EXPECT_EQ(warnings_saying(decision, describe(asymmetry.to_code())).size(), 1u);
    EXPECT_TRUE(report.exam.needs_review);
  }
}

// Hostile review 27, H27-9: what the rules cannot assess is not benign. Calcifications in an
// asymmetry are a category 3 only without them (BI-RADS), so benign-looking ones give 0 unless a
// suspicious feature gives 4 or more; a reported 2 or 3 does not count either.
TEST(FindingCode, AnAsymmetryWithBenignLookingCalcificationsIsIndeterminate) {
  for (const CodeConst& asymmetry :
       {CodeConst{"129789007", "SCT", "Focal asymmetric breast tissue"},
        CodeConst{"129790003", "SCT", "Asymmetric breast tissue"}}) {
    const Report report = evaluate_report({finding_with({kRight, kRound, kDiffuse}, asymmetry)});
    ASSERT_EQ(report.decisions.size(), 1u);
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "C16")) << asymmetry.value;
    EXPECT_EQ(decision.final_category, Category::Incomplete0) << asymmetry.value;
    EXPECT_NE(decision.classification, Classification::Benign) << asymmetry.value;
    EXPECT_NE(report.exam.classification, Classification::Benign) << asymmetry.value;
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << asymmetry.value;
  }
  const Decision suspicious =
      evaluate_report({finding_with({kRight, kFinePleomorphic, kGrouped},
                                    CodeConst{"129790003", "SCT", "Asymmetric breast tissue"})})
          .decisions.front();
  EXPECT_EQ(suspicious.final_category, Category::ModerateSuspicion4B);
}

TEST(FindingCode, ACalcificationCodeAddsNothing) {
  const Decision decision =
      evaluate_report({finding_with({kRight, kRound, kDiffuse})}).decisions.front();
  EXPECT_FALSE(fired(decision, "C15"));
  EXPECT_FALSE(fired(decision, "W19"));
  EXPECT_EQ(decision.classification, Classification::Benign);
  EXPECT_FALSE(decision.needs_review);
}

// --- H26-8: an item anywhere below the finding is the finding's ---
ContentItem nested_fine_pleomorphic(const std::string& position) {
  return code_item(position, codes::kCalcificationType, code(Morphology::FinePleomorphic));
}

TEST(NestedItemInAFinding, ASuspiciousTypeBelowAnotherItemCountsForTheFinding) {
  // Below the Clockface item, below the other Calcification Type, in an INFERRED FROM container.
  for (int where = 0; where < 3; ++where) {
    ContentItem finding = finding_with(
        {kRight,
         kCoarse,
         {codes::kClockfaceOrRegion, Code{"129783008", "SCT", "12 o'clock position"}}});
    if (where == 0) {
      finding.children[2].children.push_back(nested_fine_pleomorphic("1.1.1.3.1"));
    } else if (where == 1) {
      finding.children[1].children.push_back(nested_fine_pleomorphic("1.1.1.2.1"));
    } else {
      ContentItem inferred = container("1.1.1.4", CodeConst{"111001", "DCM", "Algorithm Name"});
      inferred.relationship = Relationship::InferredFrom;
      inferred.children.push_back(nested_fine_pleomorphic("1.1.1.4.1"));
      finding.children.push_back(inferred);
    }
    const Report report = evaluate_report({finding});
    ASSERT_EQ(report.decisions.size(), 1u);
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "C0")) << where;
    EXPECT_TRUE(fired(decision, "C7")) << where;
    EXPECT_EQ(decision.final_category, Category::ModerateSuspicion4B) << where;
    EXPECT_TRUE(decision.needs_review) << where;  // not where its template puts it
    // The warning names the finding it is in; nothing says it is outside every finding.
    EXPECT_EQ(warnings_saying(decision, "finding at 1.1.1").size(), 1u) << where;
    EXPECT_FALSE(report_note_saying(report, "outside every calcification finding")) << where;
    EXPECT_EQ(report.exam.category, Category::ModerateSuspicion4B) << where;
  }
}

TEST(NestedItemInAFinding, ANumericAssessmentCategoryIsSaidOnceAsWhatItIs) {
  ContentItem finding = finding_with({kRight, kRound, kDiffuse});
  finding.children.push_back(
      num_item("1.1.1.4", codes::kAssessmentCategory, 5, Code{"1", "UCUM", "no units"}));
  const Report report = evaluate_report({finding});
  const Decision& decision = report.decisions.front();
  const auto named = warnings_saying(decision, "(111005, DCM, \"Assessment Category\")");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("NUM"), std::string::npos) << named.front().text;
  EXPECT_NE(named.front().text.find("5"), std::string::npos) << named.front().text;
  EXPECT_EQ(named.front().text.find("not where its template puts it"), std::string::npos)
      << named.front().text;
  EXPECT_FALSE(report_note_saying(report, "outside every calcification finding"));
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
}

// --- Hostile review 27 (H27-3): an item outside every finding that could not be read ---

const CodeConst kAssociatedMorphology{"116676008", "SCT", "Associated morphology"};
const CodeConst kSupplementaryData{"111414", "DCM", "Supplementary Data"};
const CodeConst kInterventionSection{"111463", "DCM", "Supplementary Data for Intervention"};
// As hostile review 27 coded it: (399294002, SCT) is "Cyst of breast"; read by value, it is benign.
const Code kMalignantNeoplasm{"399294002", "SCT", "Malignant neoplasm of breast"};
const Code kInfiltratingDuctCarcinoma{"82711006", "SCT", "Infiltrating duct carcinoma"};

// A report with one round, diffuse right finding (2 benign) and `extra` in the container `holder`
// at 1.2 (or, with no holder, in the findings container beside the finding).
Report report_beside_benign_finding(std::vector<ContentItem> extra,
                                    const std::optional<CodeConst>& holder) {
  SrDocument document = testing::report_with({finding_with({kRight, kRound, kDiffuse})});
  if (!holder) {
    for (ContentItem& item : extra) document.root.children[0].children.push_back(item);
  } else {
    ContentItem box = container("1.2", *holder);
    box.children = std::move(extra);
    document.root.children.push_back(box);
  }
  return evaluate(extract_findings(document, "test.dcm"));
}

ContentItem loose_item(const std::string& position, const CodeConst& name, const Code& value) {
  return testing::code_item(position, Relationship::Contains, name, value);
}

TEST(UnreadItemOutsideFindings, ItIsNamedAndTheExamIsNeverBenign) {
  const struct {
    std::optional<CodeConst> holder;
    std::string position;
    CodeConst concept;
    Code value;
  } cases[] = {
      {kSupplementaryData, "1.2.1", kAssociatedMorphology, code(Morphology::FinePleomorphic)},
      {std::nullopt, "1.1.2", kAssociatedMorphology, code(Morphology::FinePleomorphic)},
      {codes::kOverallAssessment, "1.2.1",
       CodeConst{"111023", "DCM", "Differential Diagnosis/Impression"}, kMalignantNeoplasm},
      {kInterventionSection, "1.2.1", kAssociatedMorphology, code(Morphology::FineLinearBranching)},
  };
  for (const auto& each : cases) {
    std::vector<ContentItem> extra{loose_item(each.position, each.concept, each.value)};
    if (each.holder && same_concept(each.holder->to_code(), codes::kOverallAssessment)) {
      extra.insert(extra.begin(), loose_item("1.2.0", codes::kAssessmentCategory,
                                             code_of(Category::Benign2).to_code()));
    }
    const Report report = report_beside_benign_finding(extra, each.holder);
    const std::string label = describe(each.concept.to_code()) + " at " + each.position;
    ASSERT_EQ(report.decisions.size(), 1u) << label;
    EXPECT_TRUE(report_note_saying(report, describe(each.concept.to_code()))) << label;
    EXPECT_TRUE(report_note_saying(report, each.value.value)) << label;  // its value is quoted
    EXPECT_TRUE(report_note_saying(report, "item " + each.position)) << label;
    EXPECT_TRUE(exam_fired(report, "E8")) << label;
    EXPECT_TRUE(report.exam.needs_review) << label;
    EXPECT_NE(report.exam.classification, Classification::Benign) << label;
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << label;
  }
}

TEST(UnreadItemOutsideFindings, ASuspiciousOrMalignantValueIsSaidSo) {
  const Report suspicious = report_beside_benign_finding(
      {loose_item("1.2.1", kAssociatedMorphology, code(Morphology::FinePleomorphic))},
      kSupplementaryData);
  EXPECT_TRUE(report_note_saying(suspicious, "suspicious calcification code"));
  const Report malignant = report_beside_benign_finding(
      {loose_item("1.2.1", CodeConst{"111023", "DCM", "Differential Diagnosis/Impression"},
                  kInfiltratingDuctCarcinoma)},
      kSupplementaryData);
  EXPECT_TRUE(report_note_saying(malignant, "malignant"));
}

TEST(UnreadItemOutsideFindings, AProbabilityOfCancerIsNamedWithItsValue) {
  ContentItem probability = num_item("1.2.1", CodeConst{"111047", "DCM", "Probability of cancer"},
                                     90, Code{"%", "UCUM", "percent"});
  probability.relationship = Relationship::Contains;
  const Report report = report_beside_benign_finding({probability}, kSupplementaryData);
  EXPECT_TRUE(report_note_saying(report, "(111047, DCM, \"Probability of cancer\") = 90"));
  EXPECT_TRUE(exam_fired(report, "E8"));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
}

// The items TID 4208, 4201, 4205 and 4204 put there are not findings' and are no reason for
// review: the exam stays the finding's.
TEST(UnreadItemOutsideFindings, TheTemplatesOwnItemsAreNoReasonForReview) {
  ContentItem procedure =
      loose_item("1.2.1", codes::kProcedureReported, Code{"71651007", "SCT", "Mammography"});
  procedure.children.push_back(testing::code_item("1.2.1.1", Relationship::HasConceptMod,
                                                  codes::kLaterality, kRight.second));
  const Report report = report_beside_benign_finding(
      {procedure,
       loose_item("1.2.2", CodeConst{"111403", "DCM", "Baseline screening mammogram"},
                  Code{"373066001", "SCT", "Yes"}),
       loose_item("1.2.3", CodeConst{"129715009", "SCT", "Breast composition"},
                  Code{"129716005", "SCT", "Almost entirely fatty breast"})},
      kSupplementaryData);
  EXPECT_FALSE(exam_fired(report, "E8"));
  EXPECT_FALSE(report.exam.needs_review);
  EXPECT_EQ(report.exam.category, Category::Benign2);
  ContentItem instrument = loose_item("1.2.1", CodeConst{"57134006", "SCT", "Instrument"},
                                      Code{"129249002", "SCT", "Core needle"});
  const Report intervention = report_beside_benign_finding({instrument}, kInterventionSection);
  EXPECT_FALSE(exam_fired(intervention, "E8"));
}

// --- Hostile review 27 (H27-6): the reported category of a finding the rules do not assess ---

const CodeConst kDistortion{"129792006", "SCT", "Architectural distortion of breast"};
const CodeConst kMass{"129788004", "SCT", "Mammographic breast mass"};

// A right-breast finding of `code` with its own Assessment Category and nothing the calcification
// rules read, at 1.1.2.
ContentItem lesion_with_category(const CodeConst& lesion, Category category) {
  ContentItem finding = code_item("1.1.2", codes::kFinding, lesion.to_code());
  finding.relationship = Relationship::Contains;
  finding.children.push_back(code_item("1.1.2.1", codes::kLaterality, kRight.second));
  finding.children.push_back(
      code_item("1.1.2.2", codes::kAssessmentCategory, code_of(category).to_code()));
  return finding;
}

TEST(UnassessedFindingCategory, AReported4Or5BesideABenignCalcificationFindingCounts) {
  for (const auto& [lesion, category] : {std::pair{kDistortion, Category::Suspicious4},
                                         std::pair{kMass, Category::HighlySuggestive5}}) {
    const Report report =
        evaluate_report({finding_with({kRight, kCoarse}), lesion_with_category(lesion, category)});
    ASSERT_EQ(report.decisions.size(), 1u) << lesion.meaning;
    EXPECT_EQ(report.decisions.front().final_category, Category::Benign2);  // the calcifications
    EXPECT_TRUE(exam_fired(report, "E15")) << lesion.meaning;
    EXPECT_EQ(report.exam.category, category) << lesion.meaning;
    EXPECT_NE(report.exam.classification, Classification::Benign) << lesion.meaning;
    EXPECT_TRUE(report.exam.needs_review) << lesion.meaning;
    ASSERT_EQ(report.exam.breasts.size(), 1u);
    EXPECT_EQ(report.exam.breasts.front().category, category) << lesion.meaning;
    // The warning names the finding and its category. (A structured binding cannot be captured
    // in C++17: clang refuses it.)
    const std::string lesion_words = describe(lesion.to_code());
    const bool named = std::any_of(report.exam.warnings.begin(), report.exam.warnings.end(),
                                   [&](const Warning& warning) {
                                     return warning.text.find(lesion_words) != std::string::npos &&
                                            warning.text.find("1.1.2") != std::string::npos;
                                   });
    EXPECT_TRUE(named) << lesion.meaning;
  }
}

// H30-10: the exam's actions reach what the category E15 gave implies, so a worklist reading
// the action list does not see a BI-RADS 5 exam as a routine screening.
TEST(UnassessedFindingCategory, TheExamsActionsReachWhatItsCategoryImplies) {
  const Report report = evaluate_report(
      {finding_with({kRight, kCoarse}), lesion_with_category(kMass, Category::HighlySuggestive5)});
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_NE(std::find(report.exam.actions.begin(), report.exam.actions.end(), Action::Biopsy),
            report.exam.actions.end());
  const Report malignant = evaluate_report(
      {finding_with({kRight, kCoarse}), lesion_with_category(kMass, Category::KnownMalignancy6)});
  EXPECT_NE(std::find(malignant.exam.actions.begin(), malignant.exam.actions.end(),
                      Action::SurgicalConsult),
            malignant.exam.actions.end());
}

TEST(UnassessedFindingCategory, ALowerOrNoReportedCategoryChangesNothing) {
  const Report lower = evaluate_report(
      {finding_with({kRight, kCoarse}), lesion_with_category(kMass, Category::Benign2)});
  EXPECT_FALSE(exam_fired(lower, "E15"));
  EXPECT_EQ(lower.exam.category, Category::Benign2);
  EXPECT_FALSE(lower.exam.needs_review);
}

// A finding of a breast the report does not name may be about either: its category counts for
// each breast, never leaving one "benign" beside a reported 5.
TEST(UnassessedFindingCategory, OfAnUnnamedBreastItCountsForEachBreast) {
  ContentItem mass = lesion_with_category(kMass, Category::HighlySuggestive5);
  mass.children.erase(mass.children.begin());  // no Laterality
  const Report report = evaluate_report({finding_with({kRight, kCoarse}), mass});
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  ASSERT_EQ(report.exam.breasts.size(), 1u);
  EXPECT_EQ(report.exam.breasts.front().category, Category::HighlySuggestive5);
  EXPECT_NE(report.exam.breasts.front().classification, Classification::Benign);
}

// A breast the report assesses only through such a finding gets a breast row of its own, with
// no calcification finding (hostile review 28, H28-14): a left mass beside right calcifications,
// a mass of both breasts.
TEST(UnassessedFindingCategory, ItsBreastHasARowEvenWithoutCalcifications) {
  for (const Laterality side : {Laterality::Left, Laterality::Both}) {
    ContentItem mass = lesion_with_category(kMass, Category::Suspicious4);
    mass.children.front().code = code_of(side).to_code();
    const Report report = evaluate_report({finding_with({kRight, kCoarse}), mass});
    ASSERT_EQ(report.exam.breasts.size(), 2u) << to_string(side);
    const auto& left = *std::find_if(
        report.exam.breasts.begin(), report.exam.breasts.end(),
        [](const BreastSummary& breast) { return breast.laterality == Laterality::Left; });
    EXPECT_EQ(left.category, Category::Suspicious4) << to_string(side);
    EXPECT_EQ(left.findings, 0) << to_string(side);
  }
}

// What TID 4206 puts on a mass (shape, margins, a size) describes it: an ordinary benign mass
// beside benign calcifications is no unread evidence (hostile review 29, H29-6: exam 0).
TEST(UnassessedFindingCategory, AMassDescribedByItsTemplateItemsIsNoUnreadEvidence) {
  ContentItem mass = lesion_with_category(kMass, Category::Benign2);
  // Values of CID 6004 and CID 6006 (a code outside them is unknown: hostile review 30, H30-2).
  mass.children.push_back(code_item("1.1.2.3", CodeConst{"107644003", "SCT", "Shape"},
                                    Code{"84360004", "SCT", "Ovoid shape (Oval)"}));
  mass.children.push_back(code_item("1.1.2.4", CodeConst{"111037", "DCM", "Margins"},
                                    Code{"129738007", "SCT", "Circumscribed lesion"}));
  mass.children.push_back(num_item("1.1.2.5", CodeConst{"81827009", "SCT", "Diameter"}, 8,
                                   Code{"mm", "UCUM", "millimeter"}));
  const Report report = evaluate_report({finding_with({kRight, kCoarse}), mass});
  EXPECT_EQ(report.exam.category, Category::Benign2);
  EXPECT_FALSE(report.exam.needs_review);
  // A shape item whose value is a suspicious calcification code is still read as one.
  ContentItem suspicious = lesion_with_category(kMass, Category::Benign2);
  suspicious.children.push_back(code_item("1.1.2.3", CodeConst{"107644003", "SCT", "Shape"},
                                          code(Morphology::FinePleomorphic)));
  const Report raised = evaluate_report({finding_with({kRight, kCoarse}), suspicious});
  EXPECT_TRUE(raised.exam.needs_review);
  EXPECT_NE(raised.exam.category, Category::Benign2);
}

TEST(UnassessedFindingCategory, WithNoCalcificationFindingItIsTheExamsCategory) {
  const Report report = evaluate_report({lesion_with_category(kMass, Category::HighlySuggestive5)});
  EXPECT_TRUE(report.decisions.empty());
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_TRUE(report.exam.needs_review);
}

// --- Hostile review 27 (H27-2): a distortion or mass coded inside a calcification finding ---

TEST(NestedFindingItem, ADistortionInsideACalcificationFindingCountsLikeC15) {
  for (const Relationship relationship :
       {Relationship::HasProperties, Relationship::Contains, Relationship::HasConceptMod}) {
    ContentItem finding = finding_with({kRight, kCoarse});
    finding.children.push_back(
        testing::code_item("1.1.1.3", relationship, codes::kFinding, kDistortion.to_code()));
    const Report report = evaluate_report({finding});
    ASSERT_EQ(report.decisions.size(), 1u);
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "C15"));
    EXPECT_TRUE(fired(decision, "W10"));
    EXPECT_EQ(decision.final_category, Category::LowSuspicion4A);
    EXPECT_TRUE(decision.needs_review);
    EXPECT_FALSE(warnings_saying(decision, "1.1.1.3").empty());
    EXPECT_EQ(report.exam.category, Category::LowSuspicion4A);
  }
}

TEST(NestedFindingItem, AMassInsideACalcificationFindingCountsLikeC11) {
  ContentItem finding = finding_with({kRight, kCoarse});
  finding.children.push_back(code_item("1.1.1.3", codes::kFinding, kMass.to_code()));
  const Report report = evaluate_report({finding});
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C11"));
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_NE(decision.classification, Classification::Benign);
  EXPECT_TRUE(decision.needs_review);
  EXPECT_FALSE(warnings_saying(decision, describe(kMass.to_code())).empty());
}

// --- H26-12 (a): a modifier of the finding or of one of its items is never passed over ---
TEST(UnreadModifier, AFindingContextModifierIsSaidAndReviewed) {
  ContentItem finding = finding_with({kRight, kRound, kDiffuse});
  ContentItem absent = code_item("1.1.1.4", CodeConst{"408729009", "SCT", "Finding context"},
                                 Code{"410516002", "SCT", "Known absent"});
  absent.relationship = Relationship::HasConceptMod;
  finding.children.push_back(absent);
  const Report report = evaluate_report({finding});
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  const auto named = warnings_saying(decision, "410516002");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named.front().code, WarningCode::UnknownCode);
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(decision.final_category, Category::Benign2);  // never lowered by it
}

TEST(UnreadModifier, ACertaintyModifierOnACalcificationTypeIsSaidAndReviewed) {
  ContentItem finding = finding_with({kRight, kCoarse, kDiffuse});
  ContentItem probable = code_item("1.1.1.2.1", CodeConst{"246103008", "SCT", "Certainty"},
                                   Code{"2931005", "SCT", "Probable"});
  probable.relationship = Relationship::HasConceptMod;
  finding.children[1].children.push_back(probable);
  const Report report = evaluate_report({finding});
  const Decision& decision = report.decisions.front();
  const auto named = warnings_saying(decision, "Probable");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("1.1.1.2"), std::string::npos) << named.front().text;
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
}

// --- H26-12 (b): a code without a code value is quoted by the meaning it carried ---
TEST(UnreadModifier, ACodeWithoutCodeValueQuotesItsMeaning) {
  const Report report = evaluate_report({finding_with(
      {kRight, {codes::kCalcificationType, Code{"", "DCM", "Fine pleomorphic calcification"}}})});
  const Decision& decision = report.decisions.front();
  const auto named = warnings_saying(decision, "\"Fine pleomorphic calcification\"");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("no code value"), std::string::npos) << named.front().text;
  EXPECT_EQ(named.front().text.find("(, "), std::string::npos) << named.front().text;
  EXPECT_TRUE(decision.needs_review);
}

// --- H26-7: every item of a TID 4000 CAD finding counts ---
constexpr CodeConst kProbabilityOfCancer{"111047", "DCM", "Probability of cancer"};
constexpr CodeConst kCertaintyOfFinding{"111012", "DCM", "Certainty of Finding"};
constexpr CodeConst kAlgorithmName{"111001", "DCM", "Algorithm Name"};
const Code kPresentationRequired{"111150", "DCM",
                                 "Presentation Required: Rendering device is expected to present"};

ContentItem text_item(const std::string& position, const CodeConst& name, const std::string& text) {
  ContentItem item;
  item.position = position;
  item.relationship = Relationship::HasProperties;
  item.value_type = ValueType::Text;
  item.concept_name = name.to_code();
  item.text = text;
  return item;
}

// A CAD report (TID 4000) whose one Individual Impression/Recommendation (1.1.1) holds a
// calcification cluster (1.1.1.2), right breast, round and grouped (C3: 3), its Rendering Intent
// and algorithm named; then `more` items on the cluster.
SrDocument cad_cluster(std::vector<ContentItem> more = {},
                       const Code& intent = kPresentationRequired) {
  SrDocument document;
  document.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.50";
  document.root = container("1", codes::kMammographyCadReport);
  ContentItem summary =
      testing::code_item("1.1", Relationship::Contains, codes::kCadSummary,
                         Code{"111242", "DCM", "All algorithms succeeded; with findings"});
  ContentItem impression = container("1.1.1", codes::kIndividualImpression);
  impression.relationship = Relationship::InferredFrom;
  impression.children.push_back(testing::code_item("1.1.1.1", Relationship::HasConceptMod,
                                                   codes::kRenderingIntent, kPresentationRequired));
  ContentItem cluster =
      testing::code_item("1.1.1.2", Relationship::Contains, codes::kSingleImageFinding,
                         codes::kCalcificationCluster.to_code());
  cluster.children.push_back(testing::code_item("1.1.1.2.1", Relationship::HasConceptMod,
                                                codes::kRenderingIntent, intent));
  cluster.children.push_back(text_item("1.1.1.2.2", kAlgorithmName, "CalcFinder"));
  cluster.children.push_back(code_item("1.1.1.2.3", codes::kLaterality, kRight.second));
  cluster.children.push_back(code_item("1.1.1.2.4", codes::kCalcificationType, kRound.second));
  cluster.children.push_back(
      code_item("1.1.1.2.5", codes::kCalcificationDistribution, kGrouped.second));
  for (ContentItem& item : more) cluster.children.push_back(std::move(item));
  impression.children.push_back(std::move(cluster));
  summary.children.push_back(std::move(impression));
  document.root.children.push_back(std::move(summary));
  for (const auto& [position, name] : {std::pair{"1.2", codes::kSummaryOfDetections},
                                       std::pair{"1.3", codes::kSummaryOfAnalyses}}) {
    document.root.children.push_back(testing::code_item(position, Relationship::Contains, name,
                                                        Code{"111222", "DCM", "Succeeded"}));
  }
  return document;
}

Report evaluate_cad(const SrDocument& document) {
  return evaluate(extract_findings(document, "cad.dcm"));
}

const Code kPercent{"%", "UCUM", "percent"};

TEST(CadFindingItems, ControlARoundGroupedClusterIsProbablyBenignWithoutReview) {
  const Report report = evaluate_cad(cad_cluster());
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_EQ(decision.final_category, Category::ProbablyBenign3);
  EXPECT_FALSE(fired(decision, "W10"));
  EXPECT_FALSE(decision.needs_review);  // its intent and algorithm name say nothing to review
}

TEST(CadFindingItems, AProbabilityOfCancerOrCertaintyIsQuotedAndReviewed) {
  for (const CodeConst& concept : {kProbabilityOfCancer, kCertaintyOfFinding}) {
    const Report report = evaluate_cad(cad_cluster({num_item("1.1.1.2.6", concept, 92, kPercent)}));
    ASSERT_EQ(report.decisions.size(), 1u) << concept.meaning;
    const Decision& decision = report.decisions.front();
    const auto named = warnings_saying(decision, describe(concept.to_code()));
    ASSERT_EQ(named.size(), 1u) << concept.meaning;
    EXPECT_EQ(named.front().code, WarningCode::UnknownCode);
    EXPECT_NE(named.front().text.find("92 (%, UCUM"), std::string::npos) << named.front().text;
    EXPECT_TRUE(fired(decision, "W10")) << concept.meaning;
    EXPECT_TRUE(decision.needs_review) << concept.meaning;
    EXPECT_EQ(decision.final_category, Category::ProbablyBenign3) << concept.meaning;
    EXPECT_TRUE(exam_fired(report, "E13")) << concept.meaning;
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << concept.meaning;
    EXPECT_TRUE(report.exam.needs_review) << concept.meaning;
  }
}

TEST(CadFindingItems, AMembersProbabilityOfCancerCountsForTheCluster) {
  ContentItem member =
      testing::code_item("1.1.1.2.6", Relationship::InferredFrom, codes::kSingleImageFinding,
                         codes::kIndividualCalcification.to_code());
  member.children.push_back(testing::code_item("1.1.1.2.6.1", Relationship::HasConceptMod,
                                               codes::kRenderingIntent, kPresentationRequired));
  member.children.push_back(code_item("1.1.1.2.6.2", codes::kCalcificationType, kRound.second));
  member.children.push_back(num_item("1.1.1.2.6.3", kProbabilityOfCancer, 95, kPercent));
  const Report report = evaluate_cad(cad_cluster({member}));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  const auto named = warnings_saying(decision, "Probability of cancer");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("1.1.1.2.6.3"), std::string::npos) << named.front().text;
  EXPECT_NE(named.front().text.find("95"), std::string::npos) << named.front().text;
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(warnings_saying(decision, "Rendering Intent").size(), 0u);
}

TEST(CadFindingItems, AnImpressionsCertaintyIsQuotedAndReviewed) {
  SrDocument document = cad_cluster();
  ContentItem& impression = document.root.children.front().children.front();
  impression.children.push_back(
      num_item("1.1.1.3", CodeConst{"111013", "DCM", "Certainty of Impression"}, 80, kPercent));
  const Report report = evaluate_cad(document);
  const Decision& decision = report.decisions.front();
  const auto named = warnings_saying(decision, "Certainty of Impression");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("80"), std::string::npos) << named.front().text;
  EXPECT_TRUE(decision.needs_review);
}

// --- H26-12 (c): a Rendering Intent outside CID 6034 ---
TEST(CadFindingItems, ARenderingIntentInAnotherSchemeIsShownAndSaid) {
  const Report report =
      evaluate_cad(cad_cluster({}, Code{"111152", "SCT", "Not for Presentation"}));
  ASSERT_EQ(report.decisions.size(), 1u);  // shown: not read as Not for Presentation
  const Decision& decision = report.decisions.front();
  const auto named = warnings_saying(decision, "(111152, SCT, \"Not for Presentation\")");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("CID 6034"), std::string::npos) << named.front().text;
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(report.input.skipped_not_for_presentation, 0);
}

// --- H26-11: a category, follow-up or calcification code whose meaning names another term ---
TEST(MeaningNamesAnotherTerm, AnAssessmentCategoryIsReadByCodeAndReviewed) {
  const Report report = evaluate_report(
      {finding_with({kRight,
                     kCoarse,
                     {codes::kAssessmentCategory,
                      Code{"397141009", "SCT", "5 - Highly suggestive of malignancy"}}})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W17"));
  EXPECT_TRUE(warned(decision, "code-meaning-discordant"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(decision.reported_category, Category::Benign2);  // by code
  const auto named = warnings_saying(decision, "Highly suggestive of malignancy");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named.front().text.find("397141009"), std::string::npos) << named.front().text;
}

// Hostile review 91 (S8): a stable change code shown as "New finding" or "Increase", and a clock
// code shown as another hour, give the meaning's value too (a conflict, review).
TEST(MeaningNamesAnotherTerm, AChangeOrClockMeaningIsAValueGivenToo) {
  for (const char* meaning : {"New finding", "Increase", "Finding increased in number"}) {
    const Report report = evaluate_report({finding_with(
        {kRight, kCoarse, {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", meaning}}})});
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(warned(decision, "code-meaning-discordant")) << meaning;
    EXPECT_TRUE(decision.needs_review) << meaning;
  }
  const Report nine = evaluate_report({finding_with(
      {kRight,
       kCoarse,
       {codes::kClockfaceOrRegion, Code{"129774003", "SCT", "9 o'clock position"}}})});
  EXPECT_TRUE(warned(nine.decisions.front(), "code-meaning-discordant"));
  EXPECT_TRUE(nine.decisions.front().needs_review);
  for (const Code& own : {Code{"129723006", "SCT", "No significant changes in the finding"},
                          Code{"129774003", "SCT", "3 o'clock position"}}) {
    const CodeConst concept =
        own.value == "129723006" ? codes::kChangeSinceLastMammogram : codes::kClockfaceOrRegion;
    const Report report = evaluate_report({finding_with({kRight, kCoarse, {concept, own}})});
    EXPECT_FALSE(report.decisions.front().needs_review) << own.meaning;
  }
}

// Hostile review 92: a position or change code shown with words that are not its own is read by
// its code and said, for review; its own words, shortened or in a common spelling, are not.
TEST(MeaningNamesAnotherTerm, APositionOrChangeMeaningNotItsOwnIsSaid) {
  const std::vector<std::pair<CodeConst, Code>> others{
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "Not previously seen"}},
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "Appeared"}},
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "De novo"}},
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "Larger"}},
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "Not stable"}},
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "Interval change"}},
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "Significant changes"}},
      {codes::kChangeSinceLastMammogram, Code{"129727007", "SCT", "Zunahme"}},
      {codes::kClockfaceOrRegion, Code{"129774003", "SCT", "Upper outer quadrant"}},
      {codes::kClockfaceOrRegion, Code{"129774003", "SCT", "3 o'clock position, left breast"}},
      {codes::kClockfaceOrRegion, Code{"129780006", "SCT", "IX"}},
      {codes::kClockfaceOrRegion, Code{"129784002", "SCT", "Axillary tail"}},
      {codes::kQuadrantLocation, Code{"76365002", "SCT", "Lower inner quadrant, suspicious"}},
      {codes::kDepth, Code{"255549009", "SCT", "Posterior"}},
  };
  for (const auto& [concept, other] : others) {
    const Report report = evaluate_report({finding_with({kRight, kCoarse, {concept, other}})});
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "W17")) << other.meaning;
    EXPECT_TRUE(decision.needs_review) << other.meaning;
    EXPECT_EQ(warnings_saying(decision, "\"" + other.meaning + "\"").size(), 1u) << other.meaning;
  }
  const std::vector<std::pair<CodeConst, Code>> own{
      {codes::kChangeSinceLastMammogram, Code{"129723006", "SCT", "No significant changes"}},
      {codes::kChangeSinceLastMammogram,
       Code{"129723006", "SCT", "no significant changes in the finding."}},
      {codes::kClockfaceOrRegion, Code{"129774003", "SCT", "3 o'clock"}},
      {codes::kClockfaceOrRegion, Code{"129774003", "SCT", "3 Uhr"}},
      {codes::kClockfaceOrRegion, Code{"129774003", "SCT", "3:00"}},
      {codes::kClockfaceOrRegion, Code{"129774003", "SCT", "03 o'clock position"}},
      {codes::kClockfaceOrRegion, Code{"129784002", "SCT", "Subareolar"}},
      {codes::kQuadrantLocation, Code{"76365002", "SCT", "Upper outer quadrant"}},
      {codes::kDepth, Code{"255549009", "SCT", "Anterior"}},
  };
  for (const auto& [concept, same] : own) {
    const Report report = evaluate_report({finding_with({kRight, kCoarse, {concept, same}})});
    EXPECT_FALSE(fired(report.decisions.front(), "W17")) << same.meaning;
    EXPECT_FALSE(report.decisions.front().needs_review) << same.meaning;
  }
}

TEST(MeaningNamesAnotherTerm, AnAssessmentCategorysOwnWordsAreNoDiscordance) {
  for (const char* meaning : {"2 - Benign", "BI-RADS 2", "Benign", "4.0", ""}) {
    const Report report = evaluate_report({finding_with(
        {kRight, kCoarse, {codes::kAssessmentCategory, Code{"397141009", "SCT", meaning}}})});
    EXPECT_FALSE(fired(report.decisions.front(), "W17")) << meaning;
    EXPECT_FALSE(report.decisions.front().needs_review) << meaning;
  }
  // "4 - Suspicious" on a 4B code says less, not otherwise.
  const Report four = evaluate_report(
      {finding_with({kRight,
                     {codes::kCalcificationType, code(Morphology::FinePleomorphic)},
                     {codes::kAssessmentCategory, Code{"MA.II.A.5.4B", "BI", "4 - Suspicious"}}})});
  EXPECT_FALSE(fired(four.decisions.front(), "W17"));
}

TEST(MeaningNamesAnotherTerm, AnOverallAssessmentIsReadByCodeAndReviewed) {
  SrDocument document = testing::report_with({finding_with({kRight, kCoarse})});
  ContentItem overall = container("1.2", codes::kOverallAssessment);
  overall.children.push_back(
      code_item("1.2.1", codes::kAssessmentCategory, Code{"397141009", "SCT", "4 - Suspicious"}));
  document.root.children.push_back(overall);
  const Report report = evaluate(extract_findings(document, "test.dcm"));
  EXPECT_TRUE(exam_fired(report, "E16"));
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_TRUE(report_note_saying(report, "\"4 - Suspicious\""));
  EXPECT_EQ(report.exam.category, Category::Benign2);  // by code
}

// Hostile review 93 (m8): an overall assessment with no category is no clean exam.
TEST(OverallAssessment, WithoutACategoryIsSaidAndReviewed) {
  SrDocument document = testing::report_with({finding_with({kRight, kCoarse})});
  document.root.children.push_back(container("1.2", codes::kOverallAssessment));
  const Report report = evaluate(extract_findings(document, "test.dcm"));
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_TRUE(report_note_saying(report, "holds no Assessment Category"));
  const Report plain = evaluate(
      extract_findings(testing::report_with({finding_with({kRight, kCoarse})}), "test.dcm"));
  EXPECT_FALSE(plain.exam.needs_review);
}

TEST(MeaningNamesAnotherTerm, AFollowUpIsReadByCodeAndReviewed) {
  const Report report = evaluate_report({finding_with(
      {kRight,
       kCoarse,
       {codes::kRecommendedFollowUp, Code{"111140", "DCM", "Needle localization and biopsy"}}})});
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "W17"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(warnings_saying(decision, "\"Needle localization and biopsy\"").size(), 1u);
  // Its own meaning, or another code's meaning of the same kind, is no discordance.
  const Report own = evaluate_report({finding_with(
      {kRight,
       kCoarse,
       {codes::kRecommendedFollowUp, Code{"111140", "DCM", "Normal interval follow-up"}}})});
  EXPECT_FALSE(fired(own.decisions.front(), "W17"));
  EXPECT_FALSE(own.decisions.front().needs_review);
}

TEST(MeaningNamesAnotherTerm, AnyWordingOfABiopsyOrSurgeryOnARoutineFollowUpIsReviewed) {
  // Hostile review 28, H28-11: not only another CID 6028 meaning letter for letter.
  for (const char* meaning :
       {"Needle localisation and biopsy", "Stereotactic biopsy", "Surgical excision",
        "BI-RADS 5: biopsy", "Tissue sampling recommended", "Stereo bx", "Ultrasound guided core",
        "Percutaneous sampling"}) {
    const Report report = evaluate_report({finding_with(
        {kRight, kCoarse, {codes::kRecommendedFollowUp, Code{"111140", "DCM", meaning}}})});
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "W17")) << meaning;
    EXPECT_TRUE(decision.needs_review) << meaning;
    EXPECT_EQ(warnings_saying(decision, "a biopsy or surgery").size(), 1u) << meaning;
  }
  // More imaging or a short interval on the routine code asks for more than it (H29-3).
  for (const char* meaning : {"Short interval follow-up", "6 month follow-up", "Breast MRI"}) {
    const Report report = evaluate_report({finding_with(
        {kRight, kCoarse, {codes::kRecommendedFollowUp, Code{"111140", "DCM", meaning}}})});
    EXPECT_TRUE(fired(report.decisions.front(), "W17")) << meaning;
  }
  // A biopsy code may say so in its own words; a routine code's other wording is no discordance.
  for (const auto& [value, meaning] :
       std::vector<std::pair<const char*, const char*>>{{"111145", "Stereotactic core biopsy"},
                                                        {"111140", "Routine screening"},
                                                        {"111140", "Routine 12 month screening"},
                                                        {"111140", "BI-RADS score 1"}}) {
    const Report report = evaluate_report({finding_with(
        {kRight, kCoarse, {codes::kRecommendedFollowUp, Code{value, "DCM", meaning}}})});
    EXPECT_FALSE(fired(report.decisions.front(), "W17")) << meaning;
  }
}

TEST(MeaningNamesAnotherTerm, WordFormsOfAnotherMorphologyOrDistributionAreReadToo) {
  // e01, e03, e04 (coarse codes), e09 (a diffuse code): more suspicious readings stand.
  struct Case {
    std::pair<CodeConst, Code> item;
    Category at_least;
  };
  const std::vector<Case> cases{
      {{codes::kCalcificationType, Code{"129749001", "SCT", "Fine pleomorphic calcifications"}},
       Category::ModerateSuspicion4B},
      {{codes::kCalcificationType,
        Code{"129749001", "SCT", "Suspicious fine-pleomorphic microcalcifications (BI-RADS 4B)"}},
       Category::ModerateSuspicion4B},
      {{codes::kCalcificationType, Code{"129749001", "SCT", "Pleomorphic"}},
       Category::ModerateSuspicion4B},
  };
  for (const Case& each : cases) {
    const Report report = evaluate_report({finding_with({kRight, each.item, kGrouped})});
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "W17")) << each.item.second.meaning;
    EXPECT_TRUE(decision.needs_review) << each.item.second.meaning;
    EXPECT_GE(category_rank(decision.final_category), category_rank(each.at_least))
        << each.item.second.meaning;
  }
  const Report segmental = evaluate_report({finding_with(
      {kRight,
       kRound,
       {codes::kCalcificationDistribution, Code{"129764001", "SCT", "Segmental distribution"}}})});
  EXPECT_TRUE(fired(segmental.decisions.front(), "W17"));
  EXPECT_EQ(segmental.decisions.front().classification, Classification::Suspicious);
  EXPECT_TRUE(segmental.decisions.front().needs_review);
}

TEST(MeaningNamesAnotherTerm, EveryCanonicalMeaningNamesItsOwnTermOnly) {
  for (const Morphology term :
       {Morphology::Skin, Morphology::Vascular, Morphology::CoarsePopcorn, Morphology::LargeRodLike,
        Morphology::Round, Morphology::Punctate, Morphology::Rim, Morphology::LucentCentred,
        Morphology::Dystrophic, Morphology::MilkOfCalcium, Morphology::Suture,
        Morphology::Amorphous, Morphology::CoarseHeterogeneous, Morphology::FinePleomorphic,
        Morphology::FineLinear, Morphology::FineLinearBranching, Morphology::Microcalcifications,
        Morphology::Macrocalcifications}) {
    for (const std::string& meaning :
         {std::string(code_of(term).meaning), std::string(to_string(term)),
          std::string(code_of(term).meaning) + "s"}) {
      const std::vector<Morphology> named = morphologies_meant(meaning);
      EXPECT_TRUE(named.empty() || std::find(named.begin(), named.end(), term) != named.end())
          << meaning;
    }
  }
  for (const Distribution term :
       {Distribution::Diffuse, Distribution::Regional, Distribution::Grouped, Distribution::Linear,
        Distribution::Segmental, Distribution::WithinMass, Distribution::OutsideMass}) {
    const std::vector<Distribution> named = distributions_meant(code_of(term).meaning);
    ASSERT_EQ(named.size(), 1u) << code_of(term).meaning;
    EXPECT_EQ(named.front(), term);
  }
}

// Hostile review 80: a Subject ID and a Procedure Study Instance UID inside a finding were
// quoted in warnings, which --redact and --pseudonymize summaries carry. They are named by their
// type; the items are still said (never dropped) and the finding reviewed.
TEST(UnreadItemInAFinding, AnIdentifyingItemIsNamedNotQuoted) {
  ContentItem finding = finding_with({kRight, kRound, kDiffuse});
  finding.children.push_back(
      text_item("1.1.1.4", CodeConst{"121030", "DCM", "Subject ID"}, "SECRETID-998877"));
  ContentItem uid = text_item("1.1.1.5", CodeConst{"121018", "DCM", "Procedure Study Instance UID"},
                              "1.2.3.4.5.6.7.8.999");
  uid.value_type = ValueType::UidRef;
  finding.children.push_back(uid);
  const Decision decision = evaluate_report({finding}).decisions.front();
  EXPECT_EQ(warnings_saying(decision, "(121030, DCM, \"Subject ID\")").size(), 1u);
  EXPECT_EQ(warnings_saying(decision, "(121018, DCM, \"Procedure Study Instance UID\")").size(),
            1u);
  EXPECT_TRUE(warnings_saying(decision, "SECRETID").empty());
  EXPECT_TRUE(warnings_saying(decision, "1.2.3.4.5.6.7.8.999").empty());
  EXPECT_TRUE(decision.needs_review);
}

}  // namespace
}  // namespace mammocalc
