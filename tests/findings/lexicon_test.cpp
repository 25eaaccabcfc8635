#include <gtest/gtest.h>

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

}  // namespace
}  // namespace mammocalc
