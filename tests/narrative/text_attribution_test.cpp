// Whose words are they? Report text names more than the calcifications: a mass, the past, a second
// group on the other breast. Words that belong to something else must not make calcifications
// suspicious or put them on the other breast (issue 17, third hostile review: false escalations).
// Each test has a counterpart where the same words do reach the calcifications and must still
// count: a suspicious feature wins over benign ones (decision-logic.md §1).

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "findings/lexicon.hpp"
#include "narrative/coded_report_support.hpp"

namespace mammocalc {
namespace {

using namespace coded_report;  // NOLINT(google-build-using-namespace): the shared report builders

// The narrative findings of one breast.
std::vector<const Finding*> on_breast(const Report& report, Laterality breast) {
  std::vector<const Finding*> out;
  for (const Finding* finding : of_origin(report, Origin::Narrative)) {
    if (finding->laterality == breast) out.push_back(finding);
  }
  return out;
}

// The highest final category over the findings; Incomplete0 when there are none.
Category highest(const Report& report) {
  Category top = Category::Incomplete0;
  for (const Decision& decision : report.decisions) {
    if (category_rank(decision.final_category) > category_rank(top)) top = decision.final_category;
  }
  return top;
}

// The one narrative finding of each breast; none unless each breast has exactly one.
struct RightAndLeft {
  const Finding* right;
  const Finding* left;
};
// The pointers are into `report`, which must outlive them.
std::optional<RightAndLeft> one_on_each_breast(const Report& report) {
  const auto right = on_breast(report, Laterality::Right);
  const auto left = on_breast(report, Laterality::Left);
  if (right.size() != 1 || left.size() != 1) return std::nullopt;
  return RightAndLeft{right[0], left[0]};
}

bool any_reported(const Report& report) {
  const auto text = of_origin(report, Origin::Narrative);
  return std::any_of(text.begin(), text.end(),
                     [](const Finding* finding) { return finding->reported_category.has_value(); });
}

// Texts that name only "the right" and "the left" need another word to say breast imaging.
Report summarise_breast_text(const std::string& text) {
  return summarise_text("Both breasts were imaged. " + text);
}

bool holds(const Finding& finding, Morphology kind) {
  return std::any_of(finding.morphology.begin(), finding.morphology.end(),
                     [kind](const auto& held) { return held.term == kind; });
}

// ---- An assessment word and a breast that belong to another finding ----

TEST(TextAttribution, AnotherFindingsAssessmentAndBreastAreNotTheCalcifications) {
  for (const char* text :
       {"Benign vascular calcifications in the left breast and a suspicious mass in the right "
        "breast.",
        "A suspicious mass in the right breast and benign vascular calcifications in the left "
        "breast.",
        "Vascular calcifications in the left breast, and a highly suspicious lesion in the right "
        "breast."}) {
    const Report report = summarise_text(text);
    EXPECT_EQ(on_breast(report, Laterality::Left).size(), 1U) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Right).empty()) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Both).empty()) << text;
    EXPECT_FALSE(any_reported(report)) << text;
    EXPECT_LT(category_rank(highest(report)), category_rank(Category::Suspicious4)) << text;
  }
}

// The mass's breast is not the calcifications', hyphenated words before the noun or not
// (fourth hostile review: a right-breast calcification finding that was not there).
TEST(TextAttribution, AnotherFindingsBreastGivesNoFindingOfItsOwn) {
  const Report report = summarise_text(
      "Suspicious calcifications in the left breast and a benign-appearing mass in the right "
      "breast.");
  EXPECT_EQ(on_breast(report, Laterality::Left).size(), 1U);
  EXPECT_TRUE(on_breast(report, Laterality::Right).empty());
  // A clause only about the mass lends its breast to no calcifications (second hostile review).
  const Report mass_clause = summarise_text(
      "Grouped round calcifications in the left breast. The mass in the right breast is benign; "
      "the calcifications are suspicious.");
  EXPECT_TRUE(on_breast(mass_clause, Laterality::Right).empty());
  ASSERT_EQ(on_breast(mass_clause, Laterality::Left).size(), 1U);
  EXPECT_TRUE(on_breast(mass_clause, Laterality::Left)[0]->reported_category);
}

TEST(TextAttribution, WordsSharedWithAMassStillReachTheCalcifications) {
  for (const char* text : {"Calcifications and a mass in the right breast, suspicious for "
                           "malignancy.",
                           "Suspicious mass with calcifications in the right breast.",
                           "Suspicious calcifications and mass in the right breast.",
                           "Suspicious mass and calcifications in the right breast.",
                           "Grouped calcifications in the right breast, associated with a "
                           "suspicious mass.",
                           "Calcifications in a suspicious mass in the right breast."}) {
    const Report report = summarise_text(text);
    const auto right = on_breast(report, Laterality::Right);
    ASSERT_EQ(right.size(), 1U) << text;
    ASSERT_TRUE(right[0]->reported_category) << text;
    EXPECT_GE(category_rank(*right[0]->reported_category), category_rank(Category::Suspicious4))
        << text;
  }
  // A mass with calcifications keeps their own kind (a longer wording swallowed it: 4A, not 4B).
  for (const char* text :
       {"Benign-appearing mass with fine pleomorphic calcifications in the left breast.",
        "Vascular calcifications and a suspicious mass with fine pleomorphic calcifications in the "
        "left breast."}) {
    const Report report = summarise_text(text);
    const auto left = on_breast(report, Laterality::Left);
    ASSERT_EQ(left.size(), 1U) << text;
    EXPECT_TRUE(holds(*left[0], Morphology::FinePleomorphic)) << text;
  }
  // A mass's breast is the calcifications' too when they name none of their own.
  const Report shared = summarise_text("Calcifications and a mass in the right breast.");
  EXPECT_EQ(on_breast(shared, Laterality::Right).size(), 1U);
}

// ---- An assessment the text takes back ----

TEST(TextAttribution, SuspicionRuledOutOfThePastOrLessenedRaisesNothing) {
  for (const char* text :
       {"Suspicious calcifications were ruled out. Scattered punctate calcifications in both "
        "breasts.",
        "Grouped punctate calcifications in the left breast, initially considered suspicious, "
        "stable for 2 years.",
        "Grouped punctate calcifications in the left breast, originally thought suspicious, now "
        "stable."}) {
    const Report report = summarise_text(text);
    EXPECT_FALSE(any_reported(report)) << text;
    EXPECT_LT(category_rank(highest(report)), category_rank(Category::Suspicious4)) << text;
  }
  // "Not ruled out" leaves them open: the calcifications are there, uncertain.
  const Report open = summarise_text(
      "Fine pleomorphic calcifications in the left breast; DCIS has not been ruled out.");
  ASSERT_FALSE(open.decisions.empty());
  EXPECT_GE(category_rank(highest(open)), category_rank(Category::Suspicious4));
}

// A high-risk pathology result (ADH, ALH, LCIS, FEA, radial scar) is a fact about the patient
// that a past context does not silence: a prior high-risk result calls for excision whenever it
// was found (rule B1), so it is read as it is in the present ("Prior biopsy at this site showed
// ADH": 4), quoted and for review (hostile review 20: "History of ADH" and "previously biopsied
// with ADH" left a BI-RADS 3 unflagged). Benign or denied results of the past stay the past.
TEST(TextAttribution, AHighRiskResultOfThePastIsNotSilenced) {
  const std::string group = "Grouped punctate calcifications in the left breast at 2 o'clock. ";
  for (const std::string& text :
       {std::string("Stable group of punctate calcifications, left breast, 2 o'clock, previously "
                    "biopsied with ADH on pathology."),
        group + "History of atypical ductal hyperplasia.",
        group + "Prior stereotactic biopsy at 2 o'clock yielded ADH; excision was declined.",
        group + "These calcifications were biopsied in 2024 and showed atypical ductal "
                "hyperplasia.",
        group + "History of LCIS at this site."}) {
    const Report report = summarise_text(text);
    EXPECT_EQ(on_breast(report, Laterality::Left).size(), 1U) << text;
    EXPECT_TRUE(any_reported(report)) << text;
    EXPECT_GE(category_rank(highest(report)), category_rank(Category::Suspicious4)) << text;
  }
  for (const std::string& text :
       {std::string("Stable group of punctate calcifications, left breast, 2 o'clock, previously "
                    "biopsied, benign."),
        std::string("Stable group of punctate calcifications, left breast, 2 o'clock, previously "
                    "biopsied: benign, no atypia."),
        group + "No history of atypical ductal hyperplasia."}) {
    const Report report = summarise_text(text);
    EXPECT_FALSE(any_reported(report)) << text;
    EXPECT_LT(category_rank(highest(report)), category_rank(Category::Suspicious4)) << text;
  }
}

// A suspicion said of what they are compared with ("similar to the left breast where biopsy
// showed DCIS") is not their category: no text 4 for the right breast (hostile review 20
// over-call), but never a benign reading either: uncertain, quoted, for review.
TEST(TextAttribution, ASuspicionOfWhatTheyAreComparedWithIsNoCategoryButADoubt) {
  for (const char* text :
       {"Coarse popcorn-like calcification, right breast, 7 o'clock, similar to the left breast "
        "where biopsy showed DCIS.",
        "Grouped round calcifications in the right breast, similar to those in the left breast "
        "that proved to be DCIS."}) {
    const Report report = summarise_text(text);
    const auto right = on_breast(report, Laterality::Right);
    ASSERT_EQ(right.size(), 1U) << text;
    EXPECT_FALSE(right[0]->reported_category) << text;
    for (const Decision& decision : report.decisions) {
      EXPECT_NE(decision.classification, Classification::Benign) << text;
      EXPECT_NE(decision.classification, Classification::ProbablyBenign) << text;
      EXPECT_TRUE(decision.needs_review) << text;
    }
  }
}

TEST(TextAttribution, PresentSuspicionBesideThePastStillCounts) {
  for (const char* text : {"Grouped punctate calcifications in the left breast, stable, now "
                           "considered suspicious.",
                           "Grouped punctate calcifications in the left breast, more suspicious "
                           "than before.",
                           "Grouped punctate calcifications in the left breast, initially benign, "
                           "now suspicious.",
                           "Grouped round calcifications in the left breast. DCIS was ruled out "
                           "at the prior biopsy, but these are new and suspicious.",
                           "Grouped round calcifications in the left breast. Malignancy cannot be "
                           "ruled out.",
                           // "Less suspicious" is still suspicious: the words never say benign
                           // (second hostile review of this session: "only slightly less").
                           "Grouped punctate calcifications in the left breast, less suspicious "
                           "than before.",
                           "Grouped punctate calcifications in the left breast, only slightly less "
                           "suspicious.",
                           "Grouped punctate calcifications in the left breast, initially "
                           "suspicious and remain so.",
                           "Grouped punctate calcifications in the left breast, initially and "
                           "still suspicious.",
                           "Grouped round calcifications in the left breast. No calcifications in "
                           "the right breast. Malignancy cannot be ruled out.",
                           // A mass they are compared with is no other finding's statement.
                           "Grouped round calcifications in the left breast, suspicious like the "
                           "mass.",
                           "Grouped round calcifications in the left breast, as suspicious as the "
                           "mass in the right breast.",
                           "Grouped round calcifications in the left breast, not clearly benign.",
                           "Grouped round calcifications in the left breast, which may be "
                           "malignant."}) {
    const Report report = summarise_text(text);
    EXPECT_TRUE(any_reported(report)) << text;
    EXPECT_GE(category_rank(highest(report)), category_rank(Category::Suspicious4)) << text;
  }
}

// ---- Denied words that would reassure (fourth hostile review) ----

TEST(TextAttribution, ADeniedDecreaseIsNoReassurance) {
  for (const char* text : {"Grouped round calcifications in the left breast, not decreased.",
                           "Grouped round calcifications in the left breast, no fewer than before.",
                           "Grouped round calcifications in the left breast, not less numerous.",
                           "Grouped round calcifications in the left breast, which have not "
                           "decreased."}) {
    const Report report = summarise_text(text);
    ASSERT_FALSE(report.decisions.empty()) << text;
    for (const Decision& decision : report.decisions) {
      EXPECT_NE(decision.classification, Classification::Benign) << text;
      EXPECT_GE(category_rank(decision.final_category), category_rank(Category::Incomplete0))
          << text;
    }
  }
}

TEST(TextAttribution, ADeniedTakingBackAffirmsTheAssessment) {
  for (const char* text :
       {"Grouped punctate calcifications in the left breast, no less suspicious than on the prior "
        "study.",
        "Grouped punctate calcifications in the left breast are no less suspicious.",
        "Grouped punctate calcifications in the left breast, not any less suspicious than before.",
        "Grouped punctate calcifications in the left breast, not less concerning for DCIS."}) {
    const Report report = summarise_text(text);
    EXPECT_TRUE(any_reported(report)) << text;
    EXPECT_GE(category_rank(highest(report)), category_rank(Category::Suspicious4)) << text;
  }
}

// ---- Two groups in one clause, each on its own breast ----

TEST(TextAttribution, TwoGroupsInOneClauseKeepTheirOwnBreastAndKind) {
  for (const char* text :
       {"Coarse calcifications in the right breast and fine linear calcifications in the left "
        "breast.",
        "Coarse calcifications in the right breast, fine linear calcifications in the left breast.",
        "In the right breast coarse calcifications and in the left breast fine linear "
        "calcifications."}) {
    const Report report = summarise_text(text);
    const std::optional<RightAndLeft> found = one_on_each_breast(report);
    ASSERT_TRUE(found) << text << ": one finding on each breast";
    EXPECT_TRUE(holds(*found->right, Morphology::CoarsePopcorn)) << text;
    EXPECT_FALSE(holds(*found->right, Morphology::FineLinear)) << text;
    EXPECT_TRUE(holds(*found->left, Morphology::FineLinear)) << text;
    EXPECT_FALSE(holds(*found->left, Morphology::CoarsePopcorn)) << text;
  }
}

// A change named for one of two breasts is that breast's; where the words do not tell, "new" or
// "increasing" stays with both (fourth hostile review: the biopsy went to the stable breast).
TEST(TextAttribution, AChangeGoesToTheBreastItIsSaidOf) {
  for (const char* text :
       {"Grouped round calcifications on the right and new ones on the left.",
        "Grouped round calcifications in the right breast, and increasing ones in the left breast.",
        "Grouped punctate calcifications, stable in the right breast and new in the left breast.",
        "Grouped punctate calcifications in both breasts, stable on the right and increasing on "
        "the left.",
        "Grouped punctate calcifications bilaterally, unchanged on the right, new on the left.",
        "Grouped punctate calcifications in the left breast, new since 2025, and in the right "
        "breast, unchanged."}) {
    const Report report = summarise_breast_text(text);
    const std::optional<RightAndLeft> found = one_on_each_breast(report);
    ASSERT_TRUE(found) << text << ": one finding on each breast";
    EXPECT_TRUE(found->left->change == Change::New || found->left->change == Change::Increased)
        << text;
    EXPECT_NE(found->right->change, Change::New) << text;
    EXPECT_NE(found->right->change, Change::Increased) << text;
  }
}

// "Ones", "those", "a cluster" stand for a second group: it keeps its own breast and words and
// never takes the first group's benign kind (fourth hostile review: LEFT 2 "dystrophic").
TEST(TextAttribution, ASecondGroupNamedByAPronounIsItsOwn) {
  for (const char* text :
       {"Dystrophic calcifications on the right and new ones on the left.",
        "Vascular calcifications on the right and a new cluster on the left.",
        "Grouped punctate calcifications in the right breast are stable, whereas those in the left "
        "breast are new.",
        "Grouped punctate calcifications in the right breast are stable; those in the left breast "
        "are new."}) {
    const Report report = summarise_breast_text(text);
    const auto left = on_breast(report, Laterality::Left);
    ASSERT_EQ(left.size(), 1U) << text;
    EXPECT_FALSE(holds(*left[0], Morphology::Dystrophic)) << text;
    EXPECT_FALSE(holds(*left[0], Morphology::Vascular)) << text;
    EXPECT_FALSE(holds(*left[0], Morphology::Punctate)) << text;
    for (const Decision& decision : report.decisions) {
      if (report.input.findings[&decision - report.decisions.data()].laterality ==
          Laterality::Left) {
        EXPECT_NE(decision.classification, Classification::Benign) << text;
        EXPECT_NE(decision.classification, Classification::ProbablyBenign) << text;
      }
    }
    EXPECT_EQ(on_breast(report, Laterality::Right).size(), 1U) << text;
  }
}

// Assessment words after the last breast behind a comma may be said of every group: each keeps
// them (fourth hostile review: the cut left the first group benign).
// "Ones" may stand for the first group's kind: a suspicious kind reaches the second group, a
// benign one never does.
TEST(TextAttribution, ASecondGroupNamedByAPronounKeepsTheFirstGroupsSuspiciousKind) {
  const Report report = summarise_breast_text(
      "Fine pleomorphic calcifications on the right and new ones on the left.");
  const auto left = on_breast(report, Laterality::Left);
  ASSERT_EQ(left.size(), 1U);
  EXPECT_TRUE(holds(*left[0], Morphology::FinePleomorphic));
  const Report segmental = summarise_breast_text(
      "Segmental coarse calcifications in the right breast and round ones in the left.");
  const auto round = on_breast(segmental, Laterality::Left);
  ASSERT_EQ(round.size(), 1U);
  ASSERT_TRUE(round[0]->distribution);
  EXPECT_EQ(round[0]->distribution->term, Distribution::Segmental);
}

TEST(TextAttribution, ATrailingAssessmentReachesEveryGroupOfTheClause) {
  const Report report = summarise_breast_text(
      "Dystrophic calcifications on the right and a new grouped cluster on the left, suspicious.");
  for (const Laterality breast : {Laterality::Right, Laterality::Left}) {
    const auto found = on_breast(report, breast);
    ASSERT_EQ(found.size(), 1U) << to_string(breast);
    ASSERT_TRUE(found[0]->reported_category) << to_string(breast);
    EXPECT_GE(category_rank(*found[0]->reported_category), category_rank(Category::Suspicious4));
  }
}

TEST(TextAttribution, GroupsThatShareTheirWordsStayTogether) {
  // One group named for both breasts, or words given "respectively": not split, the suspicious
  // kind reaches every breast it may belong to.
  for (const char* text :
       {"Fine linear calcifications in the right breast and in the left breast.",
        "Fine linear and coarse calcifications in the right and left breast, respectively."}) {
    const Report report = summarise_text(text);
    for (const Laterality breast : {Laterality::Right, Laterality::Left}) {
      bool suspicious = false;
      for (const Finding* finding : of_origin(report, Origin::Narrative)) {
        suspicious |= (finding->laterality == breast || finding->laterality == Laterality::Both ||
                       finding->laterality == Laterality::Unknown) &&
                      holds(*finding, Morphology::FineLinear);
      }
      EXPECT_TRUE(suspicious) << text << " / " << to_string(breast);
    }
  }
}

// ---- A breast named after the calcifications against the heading's ----

TEST(TextAttribution, ABreastNamedAfterThemAgainstTheHeadingIsAConflict) {
  const Report report = summarise_text(
      "LEFT BREAST: fine pleomorphic calcifications near a benign mass in the right breast.");
  EXPECT_TRUE(on_breast(report, Laterality::Right).empty()) << "never a silent choice";
  const auto unknown = on_breast(report, Laterality::Unknown);
  ASSERT_EQ(unknown.size(), 1U);
  EXPECT_TRUE(std::any_of(
      unknown[0]->conflicts.begin(), unknown[0]->conflicts.end(),
      [](const ValueConflict& conflict) { return conflict.field == FindingField::Laterality; }));
}

// Each breast of a clause that names both quotes its own breast's words.
TEST(TextAttribution, EachBreastQuotesItsOwnWords) {
  const Report report = summarise_breast_text(
      "Grouped punctate calcifications, stable in the right breast and new in the left breast.");
  for (const Laterality breast : {Laterality::Right, Laterality::Left}) {
    const auto found = on_breast(report, breast);
    ASSERT_EQ(found.size(), 1U) << to_string(breast);
    std::size_t quoted = 0;
    for (const TextEvidence& said : found[0]->text_evidence) {
      if (said.field != NarrativeField::Laterality) continue;
      ++quoted;
      EXPECT_EQ(said.words, breast == Laterality::Right ? "right" : "left");
    }
    EXPECT_GE(quoted, 1U) << to_string(breast);
  }
}

// ---- A duct the text denies beside the lobules it states ----

TEST(TextAttribution, ADuctDeniedBesideAStatedLobularSiteIsNotTheirSite) {
  const Report report = summarise_text(
      "Grouped round calcifications in the left breast within the lobules, not in "
      "the ducts.");
  ASSERT_EQ(report.input.findings.size(), 1U);
  EXPECT_EQ(report.input.findings[0].stated_site, Site::Lobular);
  // Without a stated lobular site, or denied only in part, the duct stays (the more suspicious).
  for (const char* text :
       {"Grouped round calcifications in the left breast, not clearly within a duct.",
        "Grouped round calcifications in the left breast, lobular, not clearly ductal.",
        "Grouped round calcifications in the left breast, not in the ducts."}) {
    const Report kept = summarise_text(text);
    ASSERT_FALSE(kept.input.findings.empty()) << text;
    EXPECT_NE(kept.input.findings[0].stated_site, Site::Lobular) << text;
  }
}

// The breast of an earlier exam named in passing is the exam's: "new since the prior examination
// of the right breast, left breast 2 o'clock" is one new group on the left (it gave a suspicious
// right finding and a probably benign left one).
TEST(TextAttribution, ThePriorExamsBreastIsNotTheCalcifications) {
  const Report report = summarise_text(
      "Grouped punctate calcifications, new since the prior examination of the right breast, left "
      "breast 2 o'clock.");
  EXPECT_TRUE(on_breast(report, Laterality::Right).empty());
  const auto left = on_breast(report, Laterality::Left);
  ASSERT_EQ(left.size(), 1U);
  EXPECT_EQ(left[0]->change, Change::New);
  const Report compared = summarise_text(
      "Compared with the prior mammogram of the left breast, the calcifications in the right "
      "breast are new and amorphous.");
  EXPECT_TRUE(on_breast(compared, Laterality::Left).empty());
  EXPECT_EQ(on_breast(compared, Laterality::Right).size(), 1U);
}

// A growth said in a sentence of its own right after the description is theirs ("… No longer
// stable."), as a lone assessment is; a lone "Stable." reassures about nothing named and is not.
TEST(TextAttribution, AGrowthSaidAloneIsTheCalcificationsJustDescribed) {
  for (const char* said : {" No longer stable.", " Changed since the prior examination."}) {
    const Report report =
        summarise_text(std::string("Grouped punctate calcifications in the left breast.") + said);
    const auto left = on_breast(report, Laterality::Left);
    ASSERT_EQ(left.size(), 1U) << said;
    EXPECT_EQ(left[0]->change, Change::Increased) << said;
    EXPECT_GE(category_rank(highest(report)), category_rank(Category::LowSuspicion4A)) << said;
  }
  const Report stable =
      summarise_text("Grouped punctate calcifications in the left breast. Stable.");
  const auto left = on_breast(stable, Laterality::Left);
  ASSERT_EQ(left.size(), 1U);
  EXPECT_NE(left[0]->change, Change::Stable);
}

// Kinds given per breast after one calcification word keep to their breast ("vascular on the
// right, fine linear on the left": the right is not fine linear); where one is said of both, or a
// breast is named twice, they stay with both (the more suspicious reading).
TEST(TextAttribution, KindsGivenPerBreastKeepToTheirBreast) {
  for (const char* text : {"Calcifications: vascular on the right, fine linear on the left.",
                           "Calcifications, vascular on the right and fine linear on the left."}) {
    const Report report = summarise_breast_text(text);
    const auto sides = one_on_each_breast(report);
    ASSERT_TRUE(sides) << text;
    ASSERT_EQ(sides->right->morphology.size(), 1U) << text;
    EXPECT_EQ(sides->right->morphology[0].term, Morphology::Vascular) << text;
    ASSERT_EQ(sides->left->morphology.size(), 1U) << text;
    EXPECT_EQ(sides->left->morphology[0].term, Morphology::FineLinear) << text;
  }
  for (const char* text :
       {"Fine pleomorphic calcifications in the right and left breasts.",
        "Calcifications on the right and left, fine pleomorphic.",
        "Vascular calcifications on the right, and fine pleomorphic on the left and right."}) {
    const Report report = summarise_breast_text(text);
    const auto sides = one_on_each_breast(report);
    ASSERT_TRUE(sides) << text;
    for (const Finding* finding : {sides->right, sides->left}) {
      EXPECT_TRUE(
          std::any_of(finding->morphology.begin(), finding->morphology.end(),
                      [](const auto& read) { return read.term == Morphology::FinePleomorphic; }))
          << text << " (" << to_string(finding->laterality) << ")";
    }
  }
}

// "Unremarkable except for a similar cluster at 2 o'clock": the exception is a group of its own on
// that breast, never dropped (fifth hostile review).
TEST(TextAttribution, AGroupNamedAfterExceptIsKept) {
  const Report report = summarise_text(
      "Cluster of microcalcifications, right breast. The left breast is unremarkable except for a "
      "similar cluster at 2 o'clock.");
  EXPECT_EQ(on_breast(report, Laterality::Right).size(), 1U);
  const auto left = on_breast(report, Laterality::Left);
  ASSERT_EQ(left.size(), 1U);
  EXPECT_EQ(left[0]->location.clock_hour, 2);
}

// A breast word said of a device or another finding right after it ("near the right-sided port
// catheter", "near the right implant") is that thing's breast: the calcifications keep the one the
// text gives them (fifth hostile review: a finding and a biopsy on each breast).
TEST(TextAttribution, ABreastWordOfADeviceIsNotTheCalcifications) {
  for (const char* text :
       {"Grouped amorphous calcifications near the right-sided port catheter, left breast.",
        "Grouped amorphous calcifications in the left breast near the right implant."}) {
    const Report report = summarise_text(text);
    EXPECT_TRUE(on_breast(report, Laterality::Right).empty()) << text;
    EXPECT_EQ(on_breast(report, Laterality::Left).size(), 1U) << text;
  }
  const Report inside =
      summarise_text("Grouped amorphous calcifications in the right breast mass.");
  EXPECT_EQ(on_breast(inside, Laterality::Right).size(), 1U) << "the only breast named is theirs";
}

// A group on both breasts and another on one breast in one clause are two groups: the one-breast
// group's kind is not given to the other breast (fifth hostile review: a 4B and a biopsy on the
// left, whose calcifications the text calls vascular).
TEST(TextAttribution, AGroupOnBothBreastsAndOneOnOneBreastAreTwo) {
  const Report report = summarise_text(
      "There are vascular calcifications in both breasts, and amorphous calcifications at 10 "
      "o'clock in the right.");
  const auto left = on_breast(report, Laterality::Left);
  ASSERT_EQ(left.size(), 1U);
  ASSERT_EQ(left[0]->morphology.size(), 1U);
  EXPECT_EQ(left[0]->morphology[0].term, Morphology::Vascular);
  const auto right = on_breast(report, Laterality::Right);
  EXPECT_TRUE(std::any_of(right.begin(), right.end(), [](const Finding* finding) {
    return finding->morphology.size() == 1 && finding->morphology[0].term == Morphology::Amorphous;
  }));
}

// "Left breast same." after calcifications of the right: the other breast has them too, a group
// of its own there, never dropped (fifth hostile review); "Same as prior." names no breast and is
// no group.
TEST(TextAttribution, AnotherBreastSaidToBeTheSameIsKept) {
  const Report report =
      summarise_text("Pleomorphic calcifications right breast. Left breast same.");
  EXPECT_EQ(on_breast(report, Laterality::Right).size(), 1U);
  EXPECT_EQ(on_breast(report, Laterality::Left).size(), 1U);
  const Report prior = summarise_text("Pleomorphic calcifications right breast. Same as prior.");
  EXPECT_TRUE(on_breast(prior, Laterality::Left).empty());
  EXPECT_EQ(of_origin(prior, Origin::Narrative).size(), 1U);
}

// "RT" is the right breast, and also the coding scheme "SNOMED RT" and radiotherapy ("post RT"):
// there it puts no calcifications on the right (sample bir-legacy-srt-codes said "both").
TEST(TextAttribution, RtThatNamesACodeOrRadiotherapyIsNoBreast) {
  for (const char* text :
       {"Fine linear branching calcifications, left breast 10 o'clock (legacy SNOMED RT codes).",
        "Grouped amorphous calcifications post RT, left breast.",
        "Grouped amorphous calcifications in the left breast, s/p RT."}) {
    const Report report = summarise_text(text);
    EXPECT_TRUE(on_breast(report, Laterality::Right).empty()) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Both).empty()) << text;
    EXPECT_EQ(on_breast(report, Laterality::Left).size(), 1U) << text;
  }
  const Report right = summarise_text("Grouped amorphous calcifications, RT breast 10 o'clock.");
  EXPECT_EQ(on_breast(right, Laterality::Right).size(), 1U) << "RT before breast is the right";
}

// "On the left as on the right": both breasts, no comparison with the other one; read as one,
// the right breast's group was dropped.
TEST(TextAttribution, LeftAsOnTheRightIsBothBreasts) {
  for (const char* text : {"Grouped amorphous calcifications on the left as on the right.",
                           "Grouped amorphous calcifications on the left as well as on the right.",
                           "Grouped amorphous calcifications, right as well as left."}) {
    const Report report = summarise_breast_text(text);
    const auto each = one_on_each_breast(report);
    ASSERT_TRUE(each) << text;
    ASSERT_EQ(each->right->morphology.size(), 1U) << text;
    EXPECT_EQ(each->right->morphology[0].term, Morphology::Amorphous) << text;
  }
}

// "Left breast same." after a suspicious group on the right: the left group keeps the suspicious
// kind (it was a left group of unknown kind, BI-RADS 0); after a benign group it keeps nothing
// benign, so it is never reassured by the other breast's words.
TEST(TextAttribution, SameOnTheOtherBreastKeepsTheSuspiciousKindOnly) {
  for (const char* said :
       {"Left breast same.", "Same on the left.", "The left breast likewise.",
        "Likewise in the left breast.", "The left breast also.", "Similar findings on the left."}) {
    const Report report = summarise_breast_text(
        std::string("Grouped fine pleomorphic calcifications in the right breast at 10 o'clock. ") +
        said);
    const auto each = one_on_each_breast(report);
    ASSERT_TRUE(each) << said;
    ASSERT_EQ(each->left->morphology.size(), 1U) << said;
    EXPECT_EQ(each->left->morphology[0].term, Morphology::FinePleomorphic) << said;
  }
  const Report benign =
      summarise_breast_text("Coarse popcorn calcifications in the right breast. Left breast same.");
  const auto each = one_on_each_breast(benign);
  ASSERT_TRUE(each);
  EXPECT_TRUE(each->left->morphology.empty());
  EXPECT_NE(highest(benign), Category::Benign2);
}

// "Left breast as on the right." names the breast compared with after the comparison: the left
// breast has the group, as "Left breast same." gives it (hostile review 20: the left group was
// dropped). "Same as before" names no breast and compares with the prior: no group.
TEST(TextAttribution, ABreastAsOnTheOtherKeepsAGroupOfItsOwn) {
  const std::string right =
      "Grouped fine pleomorphic calcifications in the right breast at 10 o'clock. ";
  for (const char* said : {"Left breast as on the right.", "LEFT BREAST: As on the right.",
                           "Left breast: same findings."}) {
    const Report report = summarise_breast_text(right + said);
    const auto each = one_on_each_breast(report);
    ASSERT_TRUE(each) << said;
    ASSERT_EQ(each->left->morphology.size(), 1U) << said;
    EXPECT_EQ(each->left->morphology[0].term, Morphology::FinePleomorphic) << said;
  }
  for (const char* said :
       {"Same as before.", "Left breast: same as before.",
        "The left breast is unchanged from before.", "Left breast: same findings as before."}) {
    const Report report = summarise_breast_text(right + said);
    EXPECT_TRUE(on_breast(report, Laterality::Left).empty()) << said;
    EXPECT_EQ(on_breast(report, Laterality::Right).size(), 1U) << said;
  }
}

// A sentence that says something else of the other breast after its likewise word ("also
// unremarkable", "benign, same as before") is no group of the calcifications just described: read
// as one, it sent a breast the text clears to biopsy.
TEST(TextAttribution, ALikewiseWordBeforeWhatElseTheBreastIsGivesNoGroup) {
  for (const char* said :
       {"The left breast is also unremarkable.", "Left breast: also negative.",
        "Left breast: benign, same as before.", "The left breast is similar to the prior exam."}) {
    const Report report = summarise_breast_text(
        std::string("Grouped fine pleomorphic calcifications in the right breast at 10 o'clock. ") +
        said);
    EXPECT_TRUE(on_breast(report, Laterality::Left).empty()) << said;
    EXPECT_EQ(on_breast(report, Laterality::Right).size(), 1U) << said;
  }
}

// A clause that clears one breast beside the other breast's group ("…, none on the right") gives
// the cleared breast nothing of that group: a negated mention there, the group on its own breast
// (hostile review 20: the right breast the text clears was sent to biopsy).
TEST(TextAttribution, ABreastTheClauseClearsIsNotGivenTheOtherBreastsGroup) {
  for (const char* text :
       {"Grouped fine pleomorphic calcifications at 2 o'clock on the left, none on the right.",
        "Grouped fine pleomorphic calcifications at 2 o'clock on the left, but none on the right.",
        "Grouped fine pleomorphic calcifications at 2 o'clock on the left; none on the right.",
        "No calcifications on the right; on the left, grouped pleomorphic calcifications at 2 "
        "o'clock."}) {
    const Report report = summarise_breast_text(text);
    EXPECT_TRUE(on_breast(report, Laterality::Right).empty()) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Both).empty()) << text;
    const auto left = on_breast(report, Laterality::Left);
    ASSERT_EQ(left.size(), 1U) << text;
    EXPECT_TRUE(holds(*left[0], Morphology::FinePleomorphic)) << text;
    const auto& mentions = report.input.text_mentions;
    EXPECT_TRUE(std::any_of(mentions.begin(), mentions.end(), [](const TextMention& mention) {
      return mention.status == MentionStatus::Negated && mention.laterality == Laterality::Right;
    })) << text;
  }
  // "None" before any group is no group of another breast; a group named on both stays on both.
  const Report none = summarise_breast_text("None on the right.");
  EXPECT_TRUE(of_origin(none, Origin::Narrative).empty());
  const Report both = summarise_breast_text(
      "Grouped fine pleomorphic calcifications at 2 o'clock on the left and on the right.");
  const auto on = [&both](Laterality breast) {
    return !on_breast(both, breast).empty() || !on_breast(both, Laterality::Both).empty();
  };
  EXPECT_TRUE(on(Laterality::Left));
  EXPECT_TRUE(on(Laterality::Right));
}

// A breast named in its own part of the sentence with a clearing word (a negation,
// "unremarkable", "normal", "negative") is not the group's breast, whatever the wording (hostile
// review 22: "…, not on the right", "…, right breast unremarkable" sent the right breast to biopsy,
// and "Left, but not right, breast: …" put the group on the right).
TEST(TextAttribution, ABreastClearedInItsOwnPartIsNotTheGroupsBreast) {
  const std::string group =
      "Grouped fine pleomorphic calcifications at 2 o'clock in the left breast";
  for (const std::string& text :
       {group + ", not on the right.", group + ", without a counterpart on the right.",
        group + ", absent on the right.", group + ", nothing similar on the right.",
        group + ", with no corresponding finding on the right.",
        group + " and not in the right breast.", group + ", right breast unremarkable.",
        group + ", the right is normal.", group + ", with the right breast being normal.",
        group + ", as opposed to the right.",
        std::string("Left, but not right, breast: grouped fine pleomorphic calcifications at 2 "
                    "o'clock."),
        std::string("Right breast negative, left breast with grouped fine pleomorphic "
                    "calcifications at 2 o'clock."),
        std::string("Unremarkable right breast and grouped fine pleomorphic calcifications in "
                    "the left breast at 2 o'clock.")}) {
    const Report report = summarise_breast_text(text);
    EXPECT_TRUE(on_breast(report, Laterality::Right).empty()) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Both).empty()) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Unknown).empty()) << text;
    const auto left = on_breast(report, Laterality::Left);
    ASSERT_EQ(left.size(), 1U) << text;
    EXPECT_TRUE(holds(*left[0], Morphology::FinePleomorphic)) << text;
  }
  // Neighbours: a part that describes calcifications of its own keeps its breast ("…, no fine
  // pleomorphic ones on the right" is a negated group; "…, stable on the right" a second one), and
  // a clearing word said of another finding with the only breast named leaves the breast alone.
  const Report second = summarise_breast_text(
      "Grouped fine pleomorphic calcifications at 2 o'clock in the left breast, amorphous on the "
      "right.");
  EXPECT_FALSE(on_breast(second, Laterality::Right).empty() &&
               on_breast(second, Laterality::Both).empty());
  const Report only = summarise_breast_text(
      "Grouped fine pleomorphic calcifications at 2 o'clock, right breast without mass.");
  ASSERT_EQ(on_breast(only, Laterality::Right).size(), 1U);
  EXPECT_TRUE(on_breast(only, Laterality::Left).empty());
  // A group named on both breasts stays on both.
  const Report both = summarise_breast_text(
      "Grouped fine pleomorphic calcifications in the left breast and in the right breast, "
      "unchanged.");
  EXPECT_TRUE(!on_breast(both, Laterality::Right).empty() ||
              !on_breast(both, Laterality::Both).empty());
}

// A later part of the sentence about the other breast's past ("…, biopsy clip in the right
// breast", "…, status post lumpectomy on the right", "…, history of right breast cancer") neither
// makes the group historical nor gives that breast the group (hostile review 22: the left group was
// dropped as history, or the right breast sent to biopsy).
TEST(TextAttribution, TheOtherBreastsHistoryIsNotTheGroups) {
  const std::string group =
      "Grouped fine pleomorphic calcifications at 2 o'clock in the left breast";
  for (const std::string& text : {group + ", biopsy clip in the right breast.",
                                  group + ", status post lumpectomy on the right.",
                                  group + ", history of right breast cancer.",
                                  group + ", postsurgical changes in the right breast."}) {
    const Report report = summarise_breast_text(text);
    EXPECT_TRUE(on_breast(report, Laterality::Right).empty()) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Both).empty()) << text;
    EXPECT_TRUE(on_breast(report, Laterality::Unknown).empty()) << text;
    const auto left = on_breast(report, Laterality::Left);
    ASSERT_EQ(left.size(), 1U) << text;
    EXPECT_TRUE(holds(*left[0], Morphology::FinePleomorphic)) << text;
  }
  // Neighbours: the same breast's past stays the group's context ("near the previous biopsy site",
  // a lumpectomy of the same breast), and history said of the calcifications themselves stays
  // history.
  const Report near = summarise_breast_text(
      "Grouped fine pleomorphic calcifications at 2 o'clock in the left breast, near the previous "
      "biopsy site.");
  EXPECT_EQ(on_breast(near, Laterality::Left).size(), 1U);
  const Report same = summarise_breast_text(
      "Grouped fine pleomorphic calcifications at 2 o'clock in the left breast, status post left "
      "lumpectomy.");
  EXPECT_EQ(on_breast(same, Laterality::Left).size(), 1U);
  EXPECT_TRUE(on_breast(same, Laterality::Right).empty());
  const Report past = summarise_breast_text(
      "History of dystrophic calcifications in the left breast, biopsy clip in the right breast.");
  EXPECT_TRUE(on_breast(past, Laterality::Left).empty());
  EXPECT_TRUE(on_breast(past, Laterality::Right).empty());
}

}  // namespace
}  // namespace mammocalc
