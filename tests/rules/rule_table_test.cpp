#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rules.hpp"

namespace mammocalc {
namespace {

TEST(RuleTable, VersionIs20262) { EXPECT_EQ(kRuleSetVersion, "2026.2"); }

TEST(RuleTable, IdsAreUnique) {
  std::set<std::string_view> ids;
  for (const Rule& rule : rule_table()) {
    EXPECT_TRUE(ids.insert(rule.id).second) << "duplicate rule id " << rule.id;
  }
}

TEST(RuleTable, EveryRowHasTitleConditionCitationAndPredicate) {
  for (const Rule& rule : rule_table()) {
    EXPECT_FALSE(rule.title.empty()) << rule.id;
    EXPECT_FALSE(rule.condition.empty()) << rule.id;
    EXPECT_FALSE(rule.citation.empty()) << rule.id;
    EXPECT_NE(rule.applies, nullptr) << rule.id;
  }
}

TEST(RuleTable, HoldsEveryRuleOfDecisionLogic) {
  const std::set<std::string> expected{
      "S1",  "S2",  "S3",  "S4",  "S5",  "C0",  "C1",  "C2",  "C3",  "C4",  "C5",  "C6",  "C7",
      "C8",  "C9",  "C10", "C11", "C12", "C13", "C14", "C15", "C16", "R1",  "A1",  "A2",  "A3",
      "A4",  "A5",  "A6",  "A7",  "A8",  "B1",  "B2",  "B3",  "B4",  "B5",  "B6",  "W1",  "W2",
      "W3",  "W4",  "W5",  "W6",  "W7",  "W8",  "W9",  "W10", "W11", "W12", "W13", "W14", "W15",
      "W16", "W17", "W18", "W19", "W20", "W21", "W22", "W23", "W24", "W25", "W26", "W27", "W28",
      "W29", "E1",  "E2",  "E3",  "E4",  "E5",  "E6",  "E7",  "E8",  "E9",  "E10", "E11", "E12",
      "E13", "E14", "E15", "E16", "E17", "E18", "E19", "E20", "E21", "E22", "E23", "E24", "E25"};
  std::set<std::string> actual;
  for (const Rule& rule : rule_table()) actual.insert(std::string(rule.id));
  EXPECT_EQ(actual, expected);
}

TEST(RuleTable, SeedCitationsQuoteTheArticle) {
  // Rules resting on the seed article quote its sentence; the quotes must be the article's own.
  for (const char* id : {"C0", "C2", "C9", "A1", "A7"}) {
    const Rule* rule = find_rule(id);
    ASSERT_NE(rule, nullptr) << id;
    EXPECT_NE(rule->citation.find("SEED §BC \""), std::string_view::npos) << id;
  }
}

TEST(RuleTable, OutcomesMatchTheirStage) {
  for (const Rule& rule : rule_table()) {
    switch (rule.stage) {
      case Stage::Site:
        EXPECT_TRUE(rule.outcome.site.has_value() || rule.outcome.site_as_stated) << rule.id;
        break;
      case Stage::Category:
      case Stage::CategoryFallback:
        EXPECT_TRUE(rule.outcome.category.has_value()) << rule.id;
        break;
      case Stage::Recommendation:
        EXPECT_TRUE(rule.outcome.action.has_value() || !rule.outcome.note.empty()) << rule.id;
        break;
      case Stage::BiopsyType:
        EXPECT_TRUE(rule.outcome.biopsy.has_value() && rule.outcome.guidance.has_value() &&
                    rule.outcome.needle.has_value() && rule.outcome.follow_up.has_value())
            << rule.id;
        break;
      case Stage::Assessment:
        break;
      case Stage::Check:
      case Stage::OverallCheck:
        // A check warns (a code and its texts, both or neither) or asks for review, or both.
        EXPECT_EQ(!rule.outcome.warning.has_value(), rule.outcome.warning_texts == nullptr)
            << rule.id;
        EXPECT_TRUE(rule.outcome.warning.has_value() || rule.outcome.needs_review) << rule.id;
        break;
      case Stage::Exam:
        // An exam row sets the exam's category or its breasts' rows, warns about it, or asks
        // for review.
        EXPECT_TRUE(rule.outcome.exam_basis.has_value() || rule.outcome.warning.has_value() ||
                    rule.outcome.needs_review || rule.outcome.rows_take_stated_categories)
            << rule.id;
        EXPECT_TRUE(rule.evidence & kEvidenceExam) << rule.id;
        break;
    }
  }
}

TEST(RuleTable, VariantsSayWhenTheyApply) {
  for (const Rule& rule : rule_table()) {
    if (rule.variant_when != nullptr) {
      EXPECT_FALSE(rule.variant_label.empty()) << rule.id;
      EXPECT_NE(describe_outcome(rule).find(" when "), std::string::npos) << rule.id;
    }
    EXPECT_FALSE(describe_outcome(rule).empty()) << rule.id;
  }
}

TEST(RuleTable, ListingSpellsOutFollowUpCodesAndNotes) {
  // The listing and the trace describe outcomes in one vocabulary; the listing, which has no
  // recommendation element beside it, also names the follow-up code and the note's text.
  for (const Rule& rule : rule_table()) {
    if (rule.stage == Stage::Assessment) continue;
    const std::string listed = describe_outcome(rule);
    const std::string traced =
        describe_outcome(rule.outcome, rule.stage, nullptr, OutcomeDetail::Trace);
    if (rule.outcome.follow_up) {
      const std::string code = "follow-up (" + std::string(rule.outcome.follow_up->value) + ", " +
                               std::string(rule.outcome.follow_up->scheme) + ")";
      EXPECT_NE(listed.find(code), std::string::npos) << rule.id << ": " << listed;
      EXPECT_EQ(traced.find(code), std::string::npos) << rule.id << ": " << traced;
    }
    if (!rule.outcome.note.empty()) {
      EXPECT_NE(listed.find(std::string(rule.outcome.note)), std::string::npos) << rule.id;
      EXPECT_NE(traced.find("note"), std::string::npos) << rule.id;
    }
    if (rule.outcome.action) {
      const std::string action = "action " + std::string(to_string(*rule.outcome.action));
      EXPECT_NE(listed.find(action), std::string::npos) << rule.id << ": " << listed;
      EXPECT_NE(traced.find(action), std::string::npos) << rule.id << ": " << traced;
    }
  }
}

TEST(RuleTable, OnlyC0C14AndC16AreCategoryFloors) {
  // C0 keeps a finding with any suspicious feature at 4A or above, and C14 an uncertain text
  // mention and C16 calcifications in an asymmetry at 0 or above, but alone none is a category
  // from the evidence: C12 (category 0) and W3 (insufficient-evidence) must still see none.
  // Unmarked they would silence them; another row marked would make its evidence count for
  // nothing.
  for (const Rule& rule : rule_table()) {
    const bool voids_benign = rule.id == "C14" || rule.id == "C16";
    EXPECT_EQ(rule.outcome.category_floor, rule.id == "C0" || voids_benign) << rule.id;
    EXPECT_EQ(rule.outcome.benign_categories_void, voids_benign) << rule.id;
    EXPECT_EQ(rule.variant.category_floor, rule.id == "C0" && rule.variant_when != nullptr)
        << rule.id;
  }
  const Rule* c0 = find_rule("C0");
  ASSERT_NE(c0, nullptr);
  EXPECT_EQ(c0->stage, Stage::Category);
  EXPECT_EQ(c0->outcome.category, Category::LowSuspicion4A);
}

std::vector<std::string_view> ids_of(Stage stage) {
  std::vector<std::string_view> ids;
  for (const Rule& rule : rule_table()) {
    if (rule.stage == stage) ids.push_back(rule.id);
  }
  return ids;
}

TEST(RuleTable, FirstWinsStagesKeepTheirOrder) {
  // The engine takes the first applicable site row (S) and the first applicable biopsy-type row
  // (B): in these stages the table order IS the precedence. Reordering them, every row unchanged,
  // changes which site classifies a finding or which biopsy a patient is sent to.
  EXPECT_EQ(ids_of(Stage::Site), (std::vector<std::string_view>{"S1", "S2", "S3", "S4", "S5"}))
      << "site rows are first-wins, so their order is the precedence of decision-logic.md §2: "
         "annotation > SR > inferred ductal > inferred lobular > unknown (and the first "
         "inferring row gives the inferred site a stated one is checked against)";
  EXPECT_EQ(ids_of(Stage::BiopsyType),
            (std::vector<std::string_view>{"B1", "B2", "B3", "B4", "B5", "B6"}))
      << "biopsy-type rows are first-wins, so their order is the precedence of decision-logic.md "
         "§4: a prior high-risk or insufficient result (B1) and a reported needle localization "
         "(B2) before ultrasound guidance (B3), stereotactic obstacles (B4) before vacuum-assisted "
         "(B5), and stereotactic core (B6) only when nothing else applies";
}

TEST(RuleTable, FindRuleReturnsNullForUnknownId) { EXPECT_EQ(find_rule("X99"), nullptr); }

}  // namespace
}  // namespace mammocalc
