#include <gtest/gtest.h>

#include <vector>

#include "base/codes.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

TEST(Codes, LegacySrtMatchesSctEqual) {
  EXPECT_TRUE(same_concept(Code{"F-0176E", "SRT", "anything"},
                           CodeConst{"129762002", "SCT", "Fine linear, branching"}));
  EXPECT_TRUE(same_concept(Code{"G-C171", "SRT", ""}, codes::kLaterality));
}

TEST(Codes, MeaningIsNeverCompared) {
  EXPECT_TRUE(same_concept(Code{"111009", "DCM", "something else"}, codes::kCalcificationType));
  EXPECT_FALSE(same_concept(Code{"999", "DCM", "Calcification Type"}, codes::kCalcificationType));
}

TEST(Codes, SchemeMatters) {
  EXPECT_FALSE(
      same_concept(Code{"111009", "SCT", "Calcification Type"}, codes::kCalcificationType));
  EXPECT_FALSE(same_concept(Code{"F-0176E", "99LOCAL", ""}, CodeConst{"129762002", "SCT", ""}));
}

TEST(Lexicon, MorphologyCodesRoundTrip) {
  for (const Morphology term :
       {Morphology::Skin, Morphology::Amorphous, Morphology::FinePleomorphic,
        Morphology::FineLinearBranching, Morphology::Macrocalcifications}) {
    EXPECT_EQ(morphology_for(code_of(term).to_code()), term) << to_string(term);
  }
}

TEST(Lexicon, LegacyMorphologyIsRecognised) {
  EXPECT_EQ(morphology_for(Code{"F-0176C", "SRT", ""}), Morphology::Amorphous);
}

TEST(Lexicon, UnknownCodeGivesNothing) {
  EXPECT_FALSE(morphology_for(Code{"12345", "99LOCAL", "Local calcification"}).has_value());
  EXPECT_FALSE(distribution_for(Code{"129772004", "SCT", ""}).has_value());
}

TEST(Lexicon, ClockPositionsInOrder) {
  EXPECT_EQ(clock_hour_for(Code{"129772004", "SCT", ""}), 1);
  EXPECT_EQ(clock_hour_for(Code{"129783008", "SCT", ""}), 12);
  EXPECT_EQ(clock_hour_for(Code{"F-0178A", "SRT", ""}), 10);
}

TEST(Lexicon, AssessmentCategories) {
  EXPECT_EQ(category_for(Code{"397144001", "SCT", ""}), Category::Suspicious4);
  EXPECT_EQ(category_for(Code{"MA.II.A.5.4B", "BI", ""}), Category::ModerateSuspicion4B);
  EXPECT_EQ(category_for(Code{"F-037C1", "SRT", ""}), Category::HighlySuggestive5);
  // 111170… are J Wire, Pacemaker…, not BI-RADS (domain.md §0 warning).
  EXPECT_FALSE(category_for(Code{"111170", "DCM", "J Wire"}).has_value());
}

TEST(Lexicon, CategoryWords) {
  EXPECT_EQ(to_string(Category::LowSuspicion4A), "4A");
  EXPECT_EQ(to_string(Category::Incomplete0), "0");
}

// Hostile review 32: a result meaning is read clause by clause (H32-3), names results that ask for
// excision (H32-1), and a benign word beside a malignant one does not silence it (H32-2).
TEST(ResultMeanings, EveryResultAMeaningNamesIsRead) {
  using Results = std::vector<PriorResult>;
  EXPECT_EQ(prior_results_meant("Atypical ductal hyperplasia"), Results{PriorResult::HighRisk});
  EXPECT_EQ(prior_results_meant("Insufficient sample"), Results{PriorResult::Insufficient});
  EXPECT_EQ(prior_results_meant("Target not in the specimen"),
            Results{PriorResult::TargetNotInSpecimen});
  EXPECT_EQ(prior_results_meant("No calcifications seen in the core"),
            Results{PriorResult::NoCalcificationsInCore});
  EXPECT_EQ(prior_results_meant("Benign; ductal carcinoma in situ"),
            Results{PriorResult::Malignant});
  EXPECT_EQ(prior_results_meant("Benign, malignancy not excluded"),
            Results{PriorResult::Indeterminate});
  EXPECT_TRUE(prior_results_meant("Benign, no malignancy").empty());
  EXPECT_TRUE(prior_results_meant("No abnormality").empty());
  EXPECT_TRUE(prior_results_meant("Intraductal papilloma").empty());  // CID 6031's own name
}

TEST(CategoryMeanings, OfSeveralCategoriesTheMostSuspiciousIsMeant) {
  EXPECT_EQ(category_meant("2 - Benign; 4 - Suspicious"), Category::Suspicious4);
  EXPECT_EQ(category_meant("BI-RADS 2 (right), BI-RADS 5 (left)"), Category::HighlySuggestive5);
  EXPECT_EQ(category_meant("2 - Benign"), Category::Benign2);
}

TEST(MeaningClauses, ANegationEndsWithItsClause) {
  const std::vector<MeaningClause> clauses = meaning_clauses("No mass seen; asymmetry");
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_TRUE(clauses[0].negated);
  EXPECT_FALSE(clauses[1].negated);
  const std::vector<MeaningClause> uncertain = meaning_clauses("Mass not excluded");
  ASSERT_EQ(uncertain.size(), 1u);
  EXPECT_FALSE(uncertain[0].negated);
  EXPECT_TRUE(uncertain[0].uncertain);
}

}  // namespace
}  // namespace mammocalc
