// Report layouts that a hostile black-box review found the narrative reader losing (issue 16):
// a past-exam heading that swallowed the current findings, "No" reaching across a line break,
// a recommendation that names described calcifications, a side named for an earlier biopsy,
// per-breast clock positions in one sentence. Each case is a suspicious description that must
// never be lost; the controls keep what must stay historical or negated.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "findings/lexicon.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/narrative_test_support.hpp"

namespace mammocalc {
namespace {

NarrativeReading read(const std::string& text) { return narrative_test::read_one_block(text); }

// What was read, for the failure message.
std::string describe(const NarrativeReading& reading) {
  std::ostringstream out;
  for (const Finding& finding : reading.findings) {
    out << "finding lat=" << static_cast<int>(finding.laterality)
        << " clock=" << finding.location.clock_hour.value_or(-1) << " morph=";
    for (const auto& held : finding.morphology) out << code_of(held.term).meaning << ";";
    out << " dist=" << (finding.distribution ? code_of(finding.distribution->term).meaning : "-")
        << " extent=" << (finding.extent_mm ? *finding.extent_mm : -1.0)
        << " status=" << static_cast<int>(finding.text_status)
        << " conflicts=" << finding.conflicts.size() << "\n";
  }
  for (const TextMention& mention : reading.mentions) {
    out << "mention status=" << static_cast<int>(mention.status)
        << " section=" << static_cast<int>(mention.sentence.section) << " '"
        << mention.sentence.text << "'\n";
  }
  for (const OverallStatement& statement : reading.assessments) {
    out << "assessment lat=" << static_cast<int>(statement.laterality)
        << " category=" << (statement.category ? static_cast<int>(*statement.category) : -1)
        << " follow-ups=" << statement.follow_up.size() << " '" << statement.quote << "'\n";
  }
  return out.str();
}

bool has_morphology(const Finding& finding, Morphology term) {
  for (const auto& held : finding.morphology) {
    if (held.term == term) return true;
  }
  return false;
}

const OverallStatement* overall(const NarrativeReading& reading) {
  for (const OverallStatement& statement : reading.assessments) {
    if (statement.category) return &statement;
  }
  return nullptr;
}

// ---- A past-exam heading ends where the current exam is described ----

TEST(ReportLayouts, ComparisonHeadingDoesNotSwallowTheNextLinesFindings) {
  const NarrativeReading reading = read(
      "COMPARISON: Prior mammogram 2024.\nThere are fine pleomorphic calcifications in the left "
      "breast at 2 o'clock. BI-RADS 4.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
  EXPECT_EQ(reading.findings[0].text_status, MentionStatus::Affirmed);
  const OverallStatement* statement = overall(reading);
  ASSERT_NE(statement, nullptr);
  EXPECT_EQ(*statement->category, Category::Suspicious4);
}

TEST(ReportLayouts, HistoryHeadingOnOneLineEndsAtTheCurrentDescription) {
  const NarrativeReading reading = read(
      "HISTORY: 58 y/o screening. There are fine pleomorphic calcifications in the left breast at "
      "2 o'clock. BI-RADS 4.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
  ASSERT_NE(overall(reading), nullptr);
}

TEST(ReportLayouts, ClinicalHistoryEndsAtABlankLine) {
  const NarrativeReading reading = read(
      "Clinical history: annual screening, mother with breast cancer.\n\nSegmental fine linear "
      "branching calcifications in the right breast at 10 o'clock.\n\nBI-RADS 5.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Right);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FineLinearBranching));
  ASSERT_NE(overall(reading), nullptr);
}

TEST(ReportLayouts, HistoryOfCalcificationsUnderAHistoryHeadingStaysHistorical) {
  const NarrativeReading reading = read(
      "HISTORY: Benign calcifications biopsied in the right breast in 2019.\nFINDINGS: No "
      "suspicious calcifications. BI-RADS 1.");
  SCOPED_TRACE(describe(reading));
  EXPECT_TRUE(reading.findings.empty());
}

// ---- "No" ends at a line break before a described finding ----

TEST(ReportLayouts, NoAtTheEndOfALineDoesNotNegateTheNextLine) {
  const NarrativeReading reading = read(
      "FINDINGS:\nNo dominant mass\nsegmental fine linear branching calcifications left breast "
      "10 o'clock\nIMPRESSION: BI-RADS 5");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FineLinearBranching));
}

TEST(ReportLayouts, NoListContinuedOnTheNextLineStaysNegated) {
  const NarrativeReading reading = read(
      "FINDINGS: No suspicious masses,\ncalcifications or architectural distortion.\nBI-RADS 1.");
  SCOPED_TRACE(describe(reading));
  EXPECT_TRUE(reading.findings.empty());
}

// ---- A recommendation that names described calcifications ----

TEST(ReportLayouts, RecommendationNamingDescribedCalcificationsGivesAFinding) {
  const NarrativeReading reading = read(
      "Stereotactic biopsy is recommended to determine whether the fine pleomorphic calcifications "
      "in the left breast at 2 o'clock represent DCIS. BI-RADS 4.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Left);
  EXPECT_TRUE(has_morphology(finding, Morphology::FinePleomorphic));
  EXPECT_EQ(finding.location.clock_hour, 2);
  EXPECT_EQ(finding.text_status, MentionStatus::Affirmed);  // "the …": they were seen
  const OverallStatement* statement = overall(reading);
  ASSERT_NE(statement, nullptr);
  EXPECT_FALSE(statement->follow_up.empty());
}

TEST(ReportLayouts, AHypothesisAboutCalcificationsNotSeenGivesNoFinding) {
  for (const std::string text :
       {"If fine pleomorphic calcifications develop, biopsy would be considered.",
        "Magnification views to determine whether the calcifications are pleomorphic."}) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    EXPECT_TRUE(reading.findings.empty()) << text;
    ASSERT_EQ(reading.mentions.size(), 1u);
    EXPECT_EQ(reading.mentions[0].status, MentionStatus::Hypothetical) << text;
  }
}

TEST(ReportLayouts, EvaluateForCalcificationsStaysHypothetical) {
  const NarrativeReading reading = read(
      "INDICATION: Evaluate for calcifications.\nFINDINGS: No suspicious findings. BI-RADS 1.");
  SCOPED_TRACE(describe(reading));
  EXPECT_TRUE(reading.findings.empty());
}

// ---- The side of an earlier procedure is not the side of the current calcifications ----

TEST(ReportLayouts, SideOfAnEarlierBiopsyIsNotTheFindingsSide) {
  const NarrativeReading reading = read(
      "LEFT BREAST: Grouped amorphous calcifications at 3 o'clock, similar to those biopsied in "
      "the "
      "right breast in 2020. BI-RADS 4.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
}

// A breast heading with its statement on its line ends where a later line opens with a label of
// its own: the labelled calcifications are not that breast's (fifth hostile review: a 4B biopsy
// on the left breast the text called normal). Under a breast heading alone on its line, labelled
// lines stay that breast's.
TEST(ReportLayouts, ALabelledLineAfterABreastLineIsNotThatBreasts) {
  for (const char* text :
       {"Right breast: see below.\nLeft breast: no abnormality.\nCalcifications: grouped "
        "amorphous, 10 o'clock.",
        "LEFT BREAST: No suspicious findings.\nCALCIFICATIONS: New grouped fine pleomorphic "
        "calcifications at 10 o'clock."}) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u);
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Unknown);
  }
  const NarrativeReading headed =
      read("LEFT BREAST:\nMasses: none.\nCalcifications: grouped amorphous at 10 o'clock.");
  SCOPED_TRACE(describe(headed));
  ASSERT_EQ(headed.findings.size(), 1u);
  EXPECT_EQ(headed.findings[0].laterality, Laterality::Left);
}

// Hostile review 86: a breast label inside a list item is that item's; the next item names its
// own or none. A breast heading alone on its line heads the items below it.
TEST(ReportLayouts, ABreastLabelInAListItemIsThatItemsOnly) {
  const NarrativeReading item = read(
      "1. Right breast: benign vascular calcifications.\n2. Grouped amorphous calcifications at 3 "
      "o'clock.");
  SCOPED_TRACE(describe(item));
  ASSERT_EQ(item.findings.size(), 2u);
  EXPECT_EQ(item.findings[0].laterality, Laterality::Right);
  EXPECT_EQ(item.findings[1].laterality, Laterality::Unknown);
  const NarrativeReading headed = read(
      "RIGHT BREAST:\n1. Vascular calcifications.\n2. Grouped amorphous calcifications at 3 "
      "o'clock.");
  ASSERT_EQ(headed.findings.size(), 2u);
  EXPECT_EQ(headed.findings[1].laterality, Laterality::Right);
  // Review of session 58: a breast's line that ends with a colon opens the list below it.
  const NarrativeReading introduced = read(
      "LEFT BREAST: There are two findings:\n1. Grouped amorphous calcifications at 2 "
      "o'clock.\n2. Vascular calcifications.");
  ASSERT_EQ(introduced.findings.size(), 2u);
  for (const Finding& finding : introduced.findings) {
    EXPECT_EQ(finding.laterality, Laterality::Left);
  }
}

// ---- Two breasts, each with its clock position, in one sentence ----

TEST(ReportLayouts, EachBreastKeepsItsOwnClockInOneSentence) {
  const NarrativeReading reading = read(
      "Fine pleomorphic calcifications are seen in the left breast at 2 o'clock and in the right "
      "breast at 10 o'clock. BI-RADS 4.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 2u);
  EXPECT_NE(reading.findings[0].laterality, reading.findings[1].laterality);
  for (const Finding& finding : reading.findings) {
    const int expected_clock = finding.laterality == Laterality::Left ? 2 : 10;
    EXPECT_EQ(finding.location.clock_hour, expected_clock);
  }
}

TEST(ReportLayouts, EachBreastKeepsItsOwnChangeInOneSentence) {
  const NarrativeReading reading = read(
      "There are grouped amorphous calcifications in the left breast at 2 o'clock, new since 2025, "
      "and in the right breast at 10 o'clock, increased in number since 2025.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 2u);
  for (const Finding& finding : reading.findings) {
    EXPECT_EQ(finding.change,
              finding.laterality == Laterality::Left ? Change::New : Change::Increased);
  }
}

TEST(ReportLayouts, ADictatedTextWithoutPeriodsIsReadLineByLine) {
  const NarrativeReading reading = read(
      "FINDINGS:\nHeterogeneously dense breasts\nNo dominant mass\nsegmental fine linear branching "
      "calcifications left breast 10 o'clock spanning 4 cm\nright breast negative\nIMPRESSION:\n"
      "suspicious calcifications left breast BI-RADS 5");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_EQ(reading.findings[0].location.clock_hour, 10);
}

TEST(ReportLayouts, AListOfClockPositionsKeepsTheExtent) {
  const NarrativeReading reading = read(
      "Fine pleomorphic calcifications in the left breast at 2, 3 and 5 o'clock, spanning 6 cm. "
      "BI-RADS 4C.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  ASSERT_TRUE(reading.findings[0].extent_mm);
  EXPECT_EQ(*reading.findings[0].extent_mm, 60.0);
}

TEST(ReportLayouts, McCsIsACalcificationMention) {
  const NarrativeReading reading =
      read("Left breast: grouped amorphous MCCs at 4 o'clock. BI-RADS 4.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::Amorphous));
}

// ---- Second hostile review: benign reasons that the text denies, descriptions without the word
// "calcifications", comparisons, "no longer", hedges ----

bool has_benign_morphology(const Finding& finding) {
  for (const auto& held : finding.morphology) {
    if (!is_suspicious(held.term)) return true;
  }
  return false;
}

TEST(ReportLayouts, ADeniedBenignKindIsNoBenignReason) {
  for (const std::string text : {
           "Left breast: grouped calcifications at 2 o'clock which do not layer, not milk of "
           "calcium.",
           "Left breast: new grouped calcifications at 2 o'clock, not typical of vascular "
           "calcifications.",
           "Left breast: new grouped calcifications at 2 o'clock, not typical of fat necrosis.",
           "Left breast: grouped calcifications at 2 o'clock without the layering expected of milk "
           "of calcium.",
           "Left breast: new calcifications at 2 o'clock without features of an involuting "
           "fibroadenoma.",
           "Left breast: grouped calcifications at 2 o'clock. Skin calcifications were excluded "
           "with tangential views.",
           "Left breast: grouped calcifications at 2 o'clock, not vascular and not dermal in "
           "location.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_FALSE(has_benign_morphology(reading.findings[0])) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
  }
}

TEST(ReportLayouts, AHedgeAfterTheFindingMakesItUncertain) {
  for (const std::string text : {
           "Left breast: new grouped calcifications at the lumpectomy site at 2 o'clock. "
           "Dystrophic calcification is not favored.",
           "Left breast: grouped coarse calcifications at 2 o'clock; differential includes "
           "involuting fibroadenoma versus DCIS.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].text_status, MentionStatus::Uncertain) << text;
  }
}

TEST(ReportLayouts, ASuspiciousKindWithoutTheWordCalcificationsIsNeverDropped) {
  for (const std::string text : {
           "Calcifications: right - vascular; left - fine pleomorphic, grouped, at 2:00.",
           "Benign vascular calcifications on the right; on the left, fine linear branching in a "
           "segmental distribution at 2 o'clock.",
           "Vascular calcifications in the right breast. In the left breast, a group of fine "
           "pleomorphic ones at 2 o'clock.",
           "Calcifications: none in the right breast; grouped amorphous in the left breast at "
           "2:00.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    bool left_suspicious = false;
    for (const Finding& finding : reading.findings) {
      if (finding.laterality != Laterality::Left) continue;
      for (const auto& held : finding.morphology) left_suspicious |= is_suspicious(held.term);
    }
    EXPECT_TRUE(left_suspicious) << text;
  }
}

TEST(ReportLayouts, ANegatedClauseWithoutTheWordCalcificationsDescribesNothing) {
  const NarrativeReading reading =
      read("Vascular calcifications in the right breast; no fine pleomorphic forms.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_FALSE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
}

TEST(ReportLayouts, OtherCalcificationsComparedWithGiveNoSide) {
  for (const std::string text : {
           "LEFT BREAST: Fine pleomorphic calcifications at 2 o'clock, mirroring those biopsied in "
           "the right breast in 2023.",
           "LEFT BREAST: Grouped fine pleomorphic calcifications at 2 o'clock, as on the right in "
           "2021.",
           "LEFT BREAST: Fine pleomorphic calcifications at 2 o'clock, more extensive than in the "
           "right breast.",
           "LEFT BREAST: Grouped amorphous calcifications at 2 o'clock, unlike the benign vascular "
           "calcifications in the right breast.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_FALSE(reading.findings.empty()) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
    EXPECT_FALSE(has_benign_morphology(reading.findings[0])) << text;
  }
  // A comparison with an exam, before a comma, leaves the breast after it alone.
  const NarrativeReading reading =
      read("Compared to 2024, the left breast calcifications at 2 o'clock are more pleomorphic.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
}

TEST(ReportLayouts, CalcificationsThatChangedAreCurrent) {
  for (const std::string text : {
           "Left breast calcifications are no longer stable; they have increased in number and "
           "are now pleomorphic, at 1 o'clock.",
           "The left breast calcifications at 2 o'clock no longer appear benign; they are now "
           "pleomorphic.",
           "The previously biopsied fine pleomorphic calcifications in the left breast now extend "
           "4 cm anterior to the clip.",
           "It is unclear whether the left breast calcifications at 2 o'clock are fine pleomorphic "
           "or punctate.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic)) << text;
  }
}

TEST(ReportLayouts, AHistoryLineEndsAtItsLineBreak) {
  const NarrativeReading reading = read(
      "History: prior right breast biopsy for calcifications (benign)\nthere are grouped "
      "amorphous calcifications in the left breast at 2 o'clock");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_EQ(reading.mentions.at(0).status, MentionStatus::Historical);
}

TEST(ReportLayouts, CoarseIrregularIsCoarseHeterogeneous) {
  const NarrativeReading reading =
      read("Left breast: grouped coarse irregular calcifications at 2 o'clock, new.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::CoarseHeterogeneous));
  EXPECT_FALSE(has_benign_morphology(reading.findings[0]));
}

// ---- Stated categories the second hostile review found lost ----

std::vector<std::pair<Laterality, Category>> stated_categories(const NarrativeReading& reading) {
  std::vector<std::pair<Laterality, Category>> out;
  for (const OverallStatement& statement : reading.assessments) {
    if (statement.category) out.emplace_back(statement.laterality, *statement.category);
  }
  return out;
}

TEST(ReportLayouts, CategoryPerBreastInOneSentence) {
  using Stated = std::vector<std::pair<Laterality, Category>>;
  const NarrativeReading reading =
      read("IMPRESSION: BI-RADS 2 for the right breast and 4B for the left breast.");
  EXPECT_EQ(stated_categories(reading), (Stated{{Laterality::Right, Category::Benign2},
                                                {Laterality::Left, Category::ModerateSuspicion4B}}))
      << describe(reading);
  const NarrativeReading listed = read("BI-RADS: Left 4B; Right 1.");
  EXPECT_EQ(stated_categories(listed), (Stated{{Laterality::Left, Category::ModerateSuspicion4B},
                                               {Laterality::Right, Category::Negative1}}))
      << describe(listed);
}

TEST(ReportLayouts, CategoryInWordsAndBetweenTwoCategories) {
  using Stated = std::vector<std::pair<Laterality, Category>>;
  EXPECT_EQ(stated_categories(read("IMPRESSION: BI-RADS category four, suspicious.")),
            (Stated{{Laterality::Unknown, Category::Suspicious4}}));
  EXPECT_EQ(stated_categories(read("IMPRESSION: Bi-Rads two.")),
            (Stated{{Laterality::Unknown, Category::Benign2}}));
  // Between two, the more suspicious stands.
  EXPECT_EQ(stated_categories(read("IMPRESSION: BI-RADS 4/5.")),
            (Stated{{Laterality::Unknown, Category::HighlySuggestive5}}));
}

// A range of two categories is read as its higher one, as "3/4" is (hostile review 20: "BI-RADS
// 3-4" was ignored without trace); a minus sign is no category; a number after a dash that is
// not the next category ("3 - 6 months") is no range.
TEST(ReportLayouts, CategoryRangeIsItsHigherCategory) {
  using Stated = std::vector<std::pair<Laterality, Category>>;
  for (const char* text :
       {"IMPRESSION: BI-RADS 3-4.", "IMPRESSION: BI-RADS 3 - 4.", "IMPRESSION: BI-RADS 3 to 4.",
        "IMPRESSION: BI-RADS 3 \u2013 4.", "IMPRESSION: BI-RADS 3/4."}) {
    EXPECT_EQ(stated_categories(read(text)), (Stated{{Laterality::Unknown, Category::Suspicious4}}))
        << text;
  }
  EXPECT_EQ(stated_categories(read("IMPRESSION: BI-RADS 3 - 6 months follow-up.")),
            (Stated{{Laterality::Unknown, Category::ProbablyBenign3}}));
  EXPECT_TRUE(stated_categories(read("IMPRESSION: BI-RADS -1.")).empty());
}

// "Cat." with its period is an abbreviation, not a sentence's end: the category after it is read
// (hostile review 22: "BI-RADS cat. 4." lost the 4 beside a coded 3). A range written with an en
// dash and no spaces, or with "or" / "vs", is read as its higher category, as "3-4" is.
TEST(ReportLayouts, AbbreviatedCategoryWordAndRangesWithOrAndVersus) {
  using Stated = std::vector<std::pair<Laterality, Category>>;
  for (const char* text : {"IMPRESSION: Stable group. BI-RADS cat. 4.",
                           "IMPRESSION: BI-RADS Cat. 4.", "IMPRESSION: BI-RADS 3\u20134.",
                           "IMPRESSION: BI-RADS 3 or 4.", "IMPRESSION: BI-RADS 3 vs 4.",
                           "IMPRESSION: BI-RADS 3 vs. 4.", "IMPRESSION: BI-RADS 3 versus 4."}) {
    EXPECT_EQ(stated_categories(read(text)), (Stated{{Laterality::Unknown, Category::Suspicious4}}))
        << text;
  }
  EXPECT_EQ(stated_categories(read("IMPRESSION: BI-RADS cat. 5, biopsy recommended.")),
            (Stated{{Laterality::Unknown, Category::HighlySuggestive5}}));
  // Neighbours: a category alone stays itself; "3 or 6 months" is no range.
  EXPECT_EQ(stated_categories(read("IMPRESSION: BI-RADS 3. Follow-up in 6 months.")),
            (Stated{{Laterality::Unknown, Category::ProbablyBenign3}}));
  EXPECT_EQ(stated_categories(read("IMPRESSION: BI-RADS 3, follow-up in 3 or 6 months.")),
            (Stated{{Laterality::Unknown, Category::ProbablyBenign3}}));
}

// A breast's letter right before the clock ("R 2:00", "L 10 o'clock") names the breast, and
// dictated abbreviations name the kind: "pleo" is fine pleomorphic, "FPL" (fine pleomorphic or
// fine linear) the more suspicious fine linear (hostile review 20: the letter was no breast, the
// kind unread, and the text "restated" a coded probably benign group).
TEST(ReportLayouts, BreastLetterBeforeTheClockAndAbbreviatedKinds) {
  for (const auto& [text, breast] : std::vector<std::pair<std::string, Laterality>>{
           {"FINDINGS: Stable group of punctate calcifications, R 2:00.", Laterality::Right},
           {"FINDINGS: Stable group of punctate calcifications, R 2 o'clock.", Laterality::Right},
           {"FINDINGS: New amorphous calcs L 10:00.", Laterality::Left},
           {"FINDINGS: Grouped amorphous calcifications at 2:00.", Laterality::Unknown}}) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, breast) << text;
  }
  for (const auto& [text, kind] : std::vector<std::pair<std::string, Morphology>>{
           {"FINDINGS: Few pleo calcs L UOQ.", Morphology::FinePleomorphic},
           {"FINDINGS: Stable punctate calcs L 2:00 with some pleo forms.",
            Morphology::FinePleomorphic},
           {"FINDINGS: FPL calcs L 2:00.", Morphology::FineLinear}}) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    const auto& kinds = reading.findings[0].morphology;
    EXPECT_TRUE(std::any_of(kinds.begin(), kinds.end(), [kind = kind](const auto& held) {
      return held.term == kind;
    })) << text;
  }
}

TEST(ReportLayouts, BreastNamedByItsLetter) {
  for (const std::string text : {
           "FINDINGS: Grouped amorphous calcifications in the LUOQ, posterior depth.",
           "FINDINGS: Lt. breast: grouped amorphous calcs at 2:00. Rt. breast: negative.",
           "FINDINGS: Grouped amorphous calcifications (L) at 2:00.",
           "FINDINGS: Grouped amorphous calcifications are seen on the LCC and LMLO views at 2:00.",
           "RIGHT BREAST FINDINGS: Negative.\nLEFT BREAST FINDINGS: Grouped amorphous "
           "calcifications at 2 o'clock.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
  }
}

// ---- Limits: a hostile text is refused whole, never read in part ----

TEST(ReportLayouts, TextBeyondTheLimitsIsFlaggedNotReadInPart) {
  std::string many = "Left breast. ";
  for (std::size_t k = 0; k <= kMaxReportTextMentions; ++k) many += "Grouped calcifications. ";
  const NarrativeReading mentions = read(many);
  EXPECT_EQ(mentions.limit_exceeded, "more than 20000 calcification mentions in the report text");
  EXPECT_EQ(read("Grouped calcifications. ").limit_exceeded, "");
  const NarrativeReading bytes = read(std::string(kMaxReportTextBytes + 1, 'a'));
  EXPECT_EQ(bytes.limit_exceeded, "more than 16 MiB of report text");
  EXPECT_TRUE(bytes.mentions.empty());
}

TEST(ReportLayouts, EachMentionOfAClauseNamingBothBreastsKeepsItsOwn) {
  for (const std::string text : {
           "No new calcifications in the right breast, and new amorphous calcifications in the "
           "left breast at 2:00.",
           "The right breast calcifications have resolved and new fine pleomorphic calcifications "
           "have developed in the left breast at 3 o'clock.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
  }
  // One mention and both breasts named after it: both kept, the suspicious kind on the left.
  const NarrativeReading reading =
      read("Calcifications: vascular (right), fine pleomorphic grouped (left, 2:00).");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 2u);
}

// ---- Third hostile review ----

TEST(ReportLayouts, APastOrPurposePhraseEndsBeforeTheCurrentDescription) {
  for (const std::string text : {
           "Status post left lumpectomy with fine pleomorphic calcifications along the scar.",
           "Left breast: biopsy clip at 2 o'clock with surrounding fine pleomorphic "
           "calcifications.",
           "Patient with history of DCIS presents with grouped fine pleomorphic calcifications in "
           "the left breast at 2 o'clock.",
           "Left breast (history of DCIS) fine linear branching calcifications at 2 o'clock.",
           "Additional views to evaluate for calcifications show grouped fine pleomorphic "
           "calcifications in the left breast at 2 o'clock.",
           "Left breast: grouped amorphous calcifications at 2 o'clock, not previously biopsied.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
  }
  // Without a described noun phrase after "with", the history keeps its calcifications.
  const NarrativeReading history = read("History of left lumpectomy with calcifications.");
  SCOPED_TRACE(describe(history));
  for (const Finding& finding : history.findings) {
    EXPECT_NE(finding.text_status, MentionStatus::Affirmed);
  }
}

TEST(ReportLayouts, ADeniedOrGivenUpBenignReadingIsUncertain) {
  for (const std::string text : {
           "Left breast: grouped punctate calcifications at 2 o'clock, not stable compared with "
           "prior.",
           "Left breast: grouped punctate calcifications at 2 o'clock that have not remained "
           "stable.",
           "Left breast: milk of calcium at 2 o'clock; a few calcifications in this group do not "
           "layer.",
           "Left breast: calcifications at 2 o'clock were thought to be dermal; however, "
           "tangential views show them within the parenchyma.",
           "Left breast: grouped round calcifications at 2 o'clock of uncertain significance.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_FALSE(reading.findings.empty()) << text;
    for (const Finding& finding : reading.findings) {
      EXPECT_EQ(finding.text_status, MentionStatus::Uncertain) << text;
    }
  }
}

TEST(ReportLayouts, RightAndLeftAsDirectionsNameNoBreast) {
  for (const std::string text : {
           "LEFT BREAST: Grouped fine pleomorphic calcifications right next to the biopsy marker.",
           "LEFT BREAST: Grouped fine pleomorphic calcifications just to the right of the scar.",
       }) {
    const NarrativeReading reading = read(text);
    SCOPED_TRACE(describe(reading));
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
  }
  const NarrativeReading reading = read(
      "RIGHT BREAST: Fine pleomorphic calcifications left behind at the lumpectomy site at 10 "
      "o'clock.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Right);
}

TEST(ReportLayouts, ABareSideWordAgainstTheBreastHeadingIsAConflictNotAChoice) {
  const NarrativeReading reading = read(
      "RIGHT BREAST: Negative.\nLEFT BREAST: Grouped fine pleomorphic calcifications right at the "
      "2 o'clock position.");
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Unknown);
  ASSERT_EQ(finding.alternatives.size(), 2u);  // classified under each breast
  EXPECT_EQ(finding.conflicts.size(), 1u);
  // A breast named before the mention is the breast described.
  const NarrativeReading named = read(
      "LEFT BREAST: Negative.\nIn the right breast, the calcifications at 10 o'clock are fine "
      "pleomorphic.");
  SCOPED_TRACE(describe(named));
  ASSERT_EQ(named.findings.size(), 1u);
  EXPECT_EQ(named.findings[0].laterality, Laterality::Right);
}

// Hostile review round 4: the impression restating the described group on the other breast was a
// second, bilateral finding; it is the same group with a laterality conflict.
TEST(ReportLayouts, AnImpressionRestatingTheGroupOnTheOtherBreastIsAConflict) {
  const SrDocument document = narrative_test::one_block(
      "FINDINGS: LEFT BREAST: Grouped fine pleomorphic calcifications at 2 o'clock.\n"
      "IMPRESSION: Grouped fine pleomorphic calcifications in the right breast at 2 o'clock. "
      "BI-RADS 4B.");
  const NarrativeReading reading =
      read_narrative(document, narrative_test::shipped_prepared_wordings());
  SCOPED_TRACE(describe(reading));
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Unknown);
  EXPECT_EQ(reading.findings[0].alternatives.size(), 2u);
  // Both breasts described in the findings: two findings, each restated on its own breast.
  const NarrativeReading both = read(
      "FINDINGS: LEFT BREAST: Grouped fine pleomorphic calcifications at 2 o'clock.\nRIGHT "
      "BREAST: Grouped fine pleomorphic calcifications at 2 o'clock.\nIMPRESSION: Grouped fine "
      "pleomorphic calcifications in the right breast at 2 o'clock. BI-RADS 4B.");
  SCOPED_TRACE(describe(both));
  ASSERT_EQ(both.findings.size(), 2u);
  EXPECT_NE(both.findings[0].laterality, both.findings[1].laterality);
}

}  // namespace
}  // namespace mammocalc
