// Row W8 pairing safety (issue 17): a narrative finding restates a coded one only where every
// calcification it speaks of is that coded finding's. Text that names a second place ("… at 10
// o'clock and … at 4 o'clock"), a breast relative to one it cannot resolve ("the contralateral
// breast" with nothing to resolve against) or "elsewhere" is never absorbed into a coded finding:
// it stays a narrative finding, the exam warns narrative-discordant and needs review. Each test
// builds a TID 4200 report as the SR reader gives it and runs the stages a summary runs.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "findings/breast_report.hpp"
#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"
#include "narrative/coded_report_support.hpp"
#include "narrative/narrative_test_support.hpp"
#include "narrative/text_use.hpp"
#include "rules/rules.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using namespace coded_report;  // NOLINT(google-build-using-namespace): the shared report builders

const Warning* exam_warning(const Report& report, WarningCode code) {
  const auto found = std::find_if(report.exam.warnings.begin(), report.exam.warnings.end(),
                                  [&](const Warning& warning) { return warning.code == code; });
  return found == report.exam.warnings.end() ? nullptr : &*found;
}

// What every case here must show: the text is kept as a finding of its own, the exam warns
// narrative-discordant and needs review, and no mention of the sentence quoted restates.
void expect_kept_for_review(const Report& report, const std::string& sentence_part) {
  EXPECT_TRUE(exam_fired(report, "W8"));
  EXPECT_NE(exam_warning(report, WarningCode::NarrativeDiscordant), nullptr);
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_FALSE(of_origin(report, Origin::Narrative).empty());
  // A sentence of two groups gives a mention of each (hostile review 86): the one the coded
  // finding restates may say so, the other is discordant.
  bool discordant = false;
  for (const TextMention& mention : report.input.text_mentions) {
    if (mention.sentence.text.find(sentence_part) == std::string::npos) continue;
    discordant = discordant || mention.cross_check == TextCrossCheck::Discordant;
  }
  EXPECT_TRUE(discordant) << "no discordant mention quotes \"" << sentence_part << "\"";
}

// The narrative finding kept at `hour`.
void expect_narrative_finding_at(const Report& report, int hour) {
  const std::vector<const Finding*> narrative = of_origin(report, Origin::Narrative);
  EXPECT_TRUE(
      std::any_of(narrative.begin(), narrative.end(),
                  [hour](const Finding* finding) { return finding->location.clock_hour == hour; }))
      << "no narrative finding at " << hour << " o'clock";
}

ContentItem fine_pleomorphic_grouped_right_at_10() {
  return coded_finding(
      "1.2.2.1",
      {side("1.2.2.1.1", Laterality::Right),
       property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(10)),
       property("1.2.2.1.3", codes::kCalcificationType, code_of(Morphology::FinePleomorphic)),
       property("1.2.2.1.4", codes::kCalcificationDistribution, code_of(Distribution::Grouped)),
       property("1.2.2.1.5", codes::kAssessmentCategory, code_of(Category::Suspicious4))});
}

ContentItem punctate_grouped_left_at_2() {
  return coded_finding(
      "1.2.2.1",
      {side("1.2.2.1.1", Laterality::Left),
       property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(2)),
       property("1.2.2.1.3", codes::kCalcificationType, code_of(Morphology::Punctate)),
       property("1.2.2.1.4", codes::kCalcificationDistribution, code_of(Distribution::Grouped)),
       property("1.2.2.1.5", codes::kAssessmentCategory, code_of(Category::ProbablyBenign3))});
}

// ---- A second place in the text (a second clock of the clause) ----

TEST(PairingSafety, ASecondClockFarFromTheCodedFindingIsKept) {
  // Hostile review z9: the 4 o'clock group was absorbed into the coded 10 o'clock finding.
  const Report report =
      summarise({"New group of fine pleomorphic calcifications at 10 o'clock and "
                 "amorphous calcifications at 4 o'clock.",
                 "",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  expect_kept_for_review(report, "4 o'clock");
  expect_narrative_finding_at(report, 4);
}

TEST(PairingSafety, ASecondClockNamedFirstIsKeptToo) {
  const Report report =
      summarise({"Amorphous calcifications at 4 o'clock and fine pleomorphic "
                 "calcifications at 10 o'clock in the right breast.",
                 "",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  expect_kept_for_review(report, "4 o'clock");
  expect_narrative_finding_at(report, 4);
}

TEST(PairingSafety, StableBenignGroupsAtTwoClocksAreNotOneCodedGroup) {
  // Hostile review tc1: the 10 o'clock group was lost and the exam needed no review.
  const Report report = summarise(
      {"Stable groups of punctate calcifications at 2 o'clock and 10 o'clock in the left breast.",
       "",
       std::nullopt,
       {punctate_grouped_left_at_2()}});
  expect_kept_for_review(report, "10 o'clock");
}

TEST(PairingSafety, BenignGroupsWhoseFirstClockIsNotTheCodedOnesAreKept) {
  const Report report = summarise(
      {"Stable groups of punctate calcifications at 10 o'clock and 2 o'clock in the left breast.",
       "",
       std::nullopt,
       {punctate_grouped_left_at_2()}});
  expect_kept_for_review(report, "10 o'clock");
}

TEST(PairingSafety, BenignTextAtTheCodedClockAndAnotherIsKept) {
  // The coded group at 2 o'clock, and the text's first clock another: it describes the coded
  // group and a second one, however benign (it is not merely "covered" by the coded finding).
  const Report report =
      summarise({"Punctate calcifications in a diffuse distribution at 10 o'clock and 2 o'clock in "
                 "the left breast.",
                 "",
                 std::nullopt,
                 {punctate_grouped_left_at_2()}});
  expect_kept_for_review(report, "10 o'clock");
}

TEST(PairingSafety, SuspiciousWordsAtASecondClockAreKept) {
  // Hostile review o5: one narrative finding at 2 o'clock paired with the benign coded group.
  const Report report =
      summarise({"Punctate calcifications at 2 o'clock and suspicious "
                 "calcifications at 10 o'clock in the left breast.",
                 "",
                 std::nullopt,
                 {punctate_grouped_left_at_2()}});
  expect_kept_for_review(report, "10 o'clock");
  expect_narrative_finding_at(report, 10);
}

// Disabled: the reader keeps the first quadrant of a clause only (reader_descriptors.cpp), so the
// lower inner quadrant never reaches the pairing; the pairing keeps every quadrant it is given.
TEST(PairingSafety, ASecondQuadrantIsAnotherPlace) {
  const Report report = summarise(
      {"Punctate calcifications in the upper outer quadrant and in the lower inner "
       "quadrant of the left breast.",
       "",
       std::nullopt,
       {coded_finding(
           "1.2.2.1",
           {side("1.2.2.1.1", Laterality::Left),
            property("1.2.2.1.2", codes::kQuadrantLocation, code_of(Quadrant::UpperOuter)),
            property("1.2.2.1.3", codes::kCalcificationType, code_of(Morphology::Punctate)),
            property("1.2.2.1.4", codes::kAssessmentCategory,
                     code_of(Category::ProbablyBenign3))})}});
  expect_kept_for_review(report, "lower inner");
}

// Its "New" says a change beside a suspicious coded finding, which takes nothing from that
// finding's work-up: no discordance of its own (TellsChange only beside benign coded findings).
TEST(PairingSafety, ClocksWithinAnHourStillRestate) {
  const Report report =
      summarise({"New group of fine pleomorphic calcifications at 10 o'clock "
                 "in the right breast.",
                 "Fine pleomorphic calcifications at 11 o'clock.",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  EXPECT_FALSE(exam_fired(report, "W8"));
  ASSERT_EQ(report.input.findings.size(), 1U);
  for (const TextMention& mention : report.input.text_mentions) {
    EXPECT_EQ(mention.cross_check, TextCrossCheck::Restates) << mention.sentence.text;
  }
}

// ---- A breast named relative to another that nothing resolves, and "elsewhere" ----

TEST(PairingSafety, TheContralateralBreastWithNothingToResolveNeverRestates) {
  // Hostile review z1.
  const Report report =
      summarise({"New group of fine pleomorphic calcifications at 10 o'clock. "
                 "Suspicious calcifications in the contralateral breast.",
                 "",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  expect_kept_for_review(report, "contralateral");
}

TEST(PairingSafety, TheContralateralBreastTakesNotTheProcedureBreast) {
  // A unilateral procedure names the breast of text that names none; "the contralateral breast"
  // says it is not that one.
  const Report report = summarise({"Suspicious calcifications in the contralateral breast.",
                                   "",
                                   Laterality::Right,
                                   {fine_pleomorphic_grouped_right_at_10()}});
  expect_kept_for_review(report, "contralateral");
  for (const Finding* text : of_origin(report, Origin::Narrative)) {
    EXPECT_NE(text->laterality, Laterality::Right);
  }
}

TEST(PairingSafety, TheOtherBreastAfterACodedGroupNeverRestates) {
  // Hostile review y3: the Annex Q finding, and a second sentence about the other breast.
  const Report report = summarise(
      {"There are heterogeneous calcifications in a regional distribution in the 1 o'clock upper "
       "outer quadrant, unchanged. Suspicious calcifications in the contralateral breast.",
       "Probably benign regional heterogeneous calcifications. BI-RADS 3.",
       Laterality::Left,
       {coded_finding(
           "1.2.2.1",
           {property("1.2.2.1.1", codes::kAssessmentCategory, code_of(Category::ProbablyBenign3)),
            property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(1)),
            property("1.2.2.1.3", codes::kQuadrantLocation, code_of(Quadrant::UpperOuter)),
            property("1.2.2.1.4", codes::kCalcificationType,
                     code_of(Morphology::CoarseHeterogeneous)),
            property("1.2.2.1.5", codes::kCalcificationDistribution,
                     code_of(Distribution::Regional))})}});
  expect_kept_for_review(report, "contralateral");
}

TEST(PairingSafety, TheOppositeSideNeverRestates) {
  const Report report =
      summarise({"Fine pleomorphic calcifications at 10 o'clock. Similar "
                 "calcifications on the opposite side.",
                 "",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  expect_kept_for_review(report, "opposite side");
}

TEST(PairingSafety, ElsewhereNeverRestates) {
  // Hostile review z6.
  const Report report =
      summarise({"New group of fine pleomorphic calcifications at 10 o'clock. "
                 "Suspicious calcifications elsewhere.",
                 "",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  expect_kept_for_review(report, "elsewhere");
}

TEST(PairingSafety, AResolvedSameBreastStillRestates) {
  // "The same breast" after a sentence that names the breast is that breast: the text restates.
  const Report report =
      summarise({"Fine pleomorphic calcifications in a grouped distribution in the right breast. "
                 "Fine pleomorphic calcifications at 10 o'clock in the same breast.",
                 "",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  EXPECT_FALSE(exam_fired(report, "W8"));
  for (const TextMention& mention : report.input.text_mentions) {
    EXPECT_EQ(mention.cross_check, TextCrossCheck::Restates) << mention.sentence.text;
  }
}

TEST(PairingSafety, TheSameBreastWithNothingBeforeItAtTheSamePlaceStillRestates) {
  // README: text whose breast is unknown ("the same breast") pairs where it names the same place.
  const Report report = summarise(
      {"There are heterogeneous calcifications in a regional distribution in the 1 o'clock upper "
       "outer quadrant of the same breast, unchanged since the prior study.",
       "",
       Laterality::Left,
       {coded_finding(
           "1.2.2.1",
           {property("1.2.2.1.1", codes::kAssessmentCategory, code_of(Category::ProbablyBenign3)),
            property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(1)),
            property("1.2.2.1.3", codes::kQuadrantLocation, code_of(Quadrant::UpperOuter)),
            property("1.2.2.1.4", codes::kCalcificationType,
                     code_of(Morphology::CoarseHeterogeneous)),
            property("1.2.2.1.5", codes::kCalcificationDistribution,
                     code_of(Distribution::Regional))})}});
  EXPECT_FALSE(exam_fired(report, "W8"));
  EXPECT_TRUE(of_origin(report, Origin::Narrative).empty());
  for (const TextMention& mention : report.input.text_mentions) {
    EXPECT_EQ(mention.cross_check, TextCrossCheck::Restates) << mention.sentence.text;
  }
}

// ---- Hostile review 42 (H42-1): text with no calcification word beside benign coded findings ----

ContentItem coarse_right_benign() {
  return coded_finding(
      "1.2.2.1",
      {side("1.2.2.1.1", Laterality::Right),
       property("1.2.2.1.2", codes::kCalcificationType, code_of(Morphology::CoarsePopcorn)),
       property("1.2.2.1.3", codes::kCalcificationDistribution, code_of(Distribution::Diffuse)),
       property("1.2.2.1.4", codes::kAssessmentCategory, code_of(Category::Benign2))});
}

// A report of one benign coded finding of the right breast (overall 2) with `text` as its
// impression.
Report beside_benign_coded(const std::string& text) {
  return summarise({"", text, std::nullopt, {coarse_right_benign()}, Category::Benign2});
}

// Each text of `said`, after `lead`, beside benign coded findings: asks for review, or not.
void expect_review(std::initializer_list<const char*> said, bool asks,
                   const std::string& lead = "") {
  for (const char* text : said) {
    EXPECT_EQ(beside_benign_coded(lead + text).exam.needs_review, asks) << lead << text;
  }
}

enum class Unassessed { Kept, Any };

// `text` beside benign coded findings: the exam needs review and is not benign; with
// Unassessed::Kept, a finding the rules do not assess holds what the text names.
void expect_review_beside_benign(const char* text, Unassessed unassessed) {
  const Report report = beside_benign_coded(text);
  EXPECT_TRUE(report.exam.needs_review) << text;
  EXPECT_NE(report.exam.classification, Classification::Benign) << text;
  if (unassessed == Unassessed::Kept) {
    EXPECT_FALSE(report.input.unassessed_findings.empty()) << text;
  }
}

// A suspicious kind, or a suspicion or disease named now, on the other breast and no
// calcification word: never dropped beside benign coded findings, never a benign exam unreviewed.
TEST(PairingSafety, SuspicionWithoutACalcificationWordIsNeverDroppedBesideCodedFindings) {
  for (const char* text :
       {"Left: fine pleomorphic, grouped.", "Left: fine linear branching, segmental.",
        "Coarse calcifications right breast, benign. DCIS in the left breast cannot be excluded.",
        "DCIS cannot be excluded in the left breast.",
        "Coarse calcifications right breast, benign. Findings in the left breast concerning for "
        "DCIS.",
        "Coarse calcifications right breast, benign. Left breast: carcinoma cannot be ruled "
        "out.",
        // Hostile review 43, H43-2: malignancy in other words.
        "Left breast: malignant features.", "Left breast: neoplasm cannot be excluded.",
        "Left breast: Paget disease possible.", "Left: ominous."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
    const std::vector<const Finding*> read = of_origin(report, Origin::Narrative);
    EXPECT_TRUE(std::any_of(read.begin(), read.end(), [](const Finding* finding) {
      return finding->laterality == Laterality::Left;
    })) << text;
  }
}

// A suspicion in one clause is not hidden by another clause's denied lesion, the breast's
// composition or a lesion of the other breast (review 43, R43-1).
TEST(PairingSafety, SuspicionInAClauseOfItsOwnIsKept) {
  for (const char* text :
       {"No mass; DCIS in the left breast cannot be excluded.",
        "Left breast: no architectural distortion, malignancy cannot be excluded.",
        "Heterogeneously dense breasts; DCIS in the left breast cannot be excluded.",
        "Stable benign mass right breast; left breast: DCIS cannot be excluded."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
}

// A mass, distortion or asymmetry the text names and the coded findings do not hold is kept as a
// finding the rules do not assess: the exam is never benign for it, and needs review (hostile
// review 43, H43-1).
TEST(PairingSafety, ALesionOnlyTheTextNamesIsNeverDropped) {
  for (const char* text :
       {"Left breast: irregular spiculated mass at 2 o'clock, highly suggestive of malignancy.",
        "Left breast: suspicious mass.", "Left breast: new architectural distortion.",
        "Left breast: mass, concerning for carcinoma."}) {
    expect_review_beside_benign(text, Unassessed::Kept);
  }
}

// A follow-up the text asks for that is sooner than the rules chose (a short interval, more
// views, MRI) beside benign coded findings: E21, review (hostile review 43, H43-4).
TEST(PairingSafety, TextFollowUpSoonerThanTheRulesAsksForReview) {
  for (const char* text : {"Short-interval follow-up in 6 months.",
                           "Recall for left magnification views.", "MRI recommended."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(exam_fired(report, "E21")) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
    // Nor is the exam benign beside the request (hostile review 60, H60-8).
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << text;
  }
  for (const char* text : {"Recommend biopsy.", "Stereotactic biopsy is recommended."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(exam_fired(report, "E5")) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
  }
  const Report routine = beside_benign_coded("Routine screening mammogram in one year.");
  EXPECT_FALSE(exam_fired(routine, "E21"));
  EXPECT_FALSE(routine.exam.needs_review);
}

// What is denied or past stays no finding: the coded benign exam needs no review for it.
TEST(PairingSafety, DeniedOrPastSuspicionsWithoutACalcificationWordAddNothing) {
  for (const char* text : {"No evidence of malignancy.", "Left breast: no malignant features.",
                           "History of DCIS in the left breast, status post lumpectomy.",
                           "Coarse calcifications right breast, benign. No DCIS."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.classification, Classification::Benign) << text;
  }
}

// ---- Hostile reviews 44 and 45: other findings, signs and work-up the text names ----

// A lesion, nodule, tumour, density or lymph node the text calls suspicious, qualifies (new,
// enlarged, spiculated) or names a disease of, and a sign of disease of its own, beside benign
// coded findings: a finding the rules do not assess, never dropped (H44-3, H45-1, H45-3).
TEST(PairingSafety, ASuspiciousOtherFindingOrSignTheTextNamesIsNeverDropped) {
  for (const char* text :
       {"Left breast: 2 cm tumor, highly suggestive of malignancy.", "Suspicious lesion.",
        "Suspicious right axillary lymph node.", "Left breast: new focal density.",
        "There is a spiculated lesion in the left breast at 2 o'clock measuring 12 mm.",
        "Malignant appearing lesion right breast.",
        "Enlarged right axillary lymph node with loss of fatty hilum.", "Axillary adenopathy.",
        "New skin thickening of the right breast.", "Nipple retraction on the right.",
        "Peau d'orange of the right breast.", "Palpable lump right breast at 9 o'clock.",
        "Recurrence right breast.", "Recurrent tumor cannot be excluded."}) {
    expect_review_beside_benign(text, Unassessed::Kept);
  }
}

// A calcification clause the sentence denies does not take the mass, distortion or asymmetry
// of the clause after "but", ";" or "although" with it (H45-2).
TEST(PairingSafety, ALesionAfterDeniedCalcificationsInTheSameSentenceIsKept) {
  for (const char* text :
       {"No suspicious calcifications but a new irregular mass at 10 o'clock.",
        "No suspicious calcifications; new irregular mass at 10 o'clock.",
        "No other calcifications, but new architectural distortion at 2 o'clock.",
        "No other calcifications but a new developing asymmetry.",
        "Negative for suspicious calcifications, although a new mass is seen at 10 o'clock."}) {
    expect_review_beside_benign(text, Unassessed::Kept);
  }
}

// A benign or denied other finding is none: no review for it.
TEST(PairingSafety, ABenignOrDeniedOtherFindingAddsNothing) {
  for (const char* text :
       {"Benign-appearing intramammary lymph node right breast.", "Normal axillary lymph nodes.",
        "Simple cyst in the left breast, benign.", "No enlarged lymph nodes.",
        "No nipple retraction.", "No evidence of recurrence.", "Malignancy is not suspected."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.classification, Classification::Benign) << text;
    EXPECT_TRUE(report.input.unassessed_findings.empty()) << text;
  }
}

// Abbreviated and BI-RADS 0 wordings of work-up are the report's follow-up: E21 (H45-4).
TEST(PairingSafety, AbbreviatedWorkUpWordingsAreFollowUps) {
  for (const char* text :
       {"f/u in 6 mo.", "6 mo f/u.", "Diagnostic ultrasound recommended.", "US recommended.",
        "Recommend targeted US.", "Additional evaluation is recommended.", "Needs further workup.",
        "Recommend diagnostic mammogram.", "Tomosynthesis views recommended."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(exam_fired(report, "E21")) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  // Tissue asked for: the report's follow-up is a biopsy, whose own rows ask for review.
  for (const char* text : {"Recommend Bx.", "FNA of the axillary node recommended."}) {
    const Report report = beside_benign_coded(text);
    const auto& follow_up = report.input.overall_follow_up;
    EXPECT_TRUE(std::any_of(follow_up.begin(), follow_up.end(), [](const Code& code) {
      return code.value == "111145";
    })) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
}

// A category the text states per breast in a form the statement reader does not take ("BI-RADS
// R 2 / L 4", "BI-RADS R2 L4") is said, never lost: the exam needs review and is not benign
// (hostile review 46, H46-1). A number that is no category after it ("in 1 year") says nothing.
TEST(PairingSafety, ACategoryTheTextMayStateIsNeverLost) {
  for (const char* text : {"IMPRESSION: BI-RADS R 2 / L 4.", "IMPRESSION: BI-RADS R2 L4."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  for (const char* text :
       {"BI-RADS 2, routine screening in 1 year.", "BI-RADS 2. 3 views obtained.", "BI-RADS 2."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
  }
}

// A recommendation the text makes that names no follow-up the lexicon reads is said, never
// dropped: the exam needs review and is not benign (hostile review 46, H46-7). One it denies,
// or a routine one, asks for nothing.
TEST(PairingSafety, AnUnreadRecommendationIsNeverDropped) {
  for (const char* text :
       {"Recommend wire loc.", "Recommend USCNB.", "Refer to breast clinic.",
        "Recommend contrast-enhanced mammography.", "No MRI needed; recommend wire loc."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  for (const char* text : {"Annual diagnostic mammography is recommended.",
                           "Biopsy is not recommended.", "No additional imaging needed.",
                           "Continue yearly mammograms.", "Next exam in 12 months."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
  }
}

// A lesion named alone on a breast's line, hedged, or with a size, and a finding noun
// qualified, is a finding the rules do not assess (hostile review 46, H46-4, H46-5).
TEST(PairingSafety, ALesionAloneHedgedOrMeasuredIsKept) {
  for (const char* text : {"Left breast: tumor.", "Left breast: nodule, 12 mm.",
                           "Left breast: new finding.", "Left axillary LAD.",
                           "Bloody nipple discharge left.", "Palpable abnormality left breast."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_FALSE(report.input.unassessed_findings.empty()) << text;
  }
}

// Review 47: a mass after ", and" in a sentence about calcifications is kept (R47-1); two
// findings named by a word are both kept (R47-2); a density statement's category and a count
// after a category are no category (R47-4); every unread category is said (R47-5).
TEST(PairingSafety, Review47TextFindingsAndCategories) {
  const Report mass = beside_benign_coded(
      "Coarse calcifications, right breast, and a new irregular mass in the left breast.");
  EXPECT_TRUE(mass.exam.needs_review);
  EXPECT_FALSE(mass.input.unassessed_findings.empty());
  // Hostile review 47, H47-1: "mass with …" is no mass with calcifications unless they are near.
  for (const char* text :
       {"IMPRESSION: Left breast mass with irregular margins, suspicious for malignancy.",
        "Left breast: spiculated mass with associated skin retraction."}) {
    const Report with = beside_benign_coded(text);
    EXPECT_TRUE(with.exam.needs_review) << text;
    EXPECT_FALSE(with.input.unassessed_findings.empty()) << text;
  }
  const Report two = beside_benign_coded("Palpable lump. Left breast: new nodule.");
  EXPECT_EQ(
      std::count_if(two.input.unassessed_findings.begin(), two.input.unassessed_findings.end(),
                    [](const UnassessedFinding& finding) { return finding.from_text; }),
      2);
  for (const char* text : {"Breast density BI-RADS 2.", "BI-RADS 2, 3 views."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(std::none_of(
        report.input.notes.begin(), report.input.notes.end(),
        [](const auto& note) { return note.text.find("may state BI-RADS") != std::string::npos; }))
        << text;
  }
  const Report both = beside_benign_coded("IMPRESSION: BI-RADS R 2 / L 4.");
  EXPECT_TRUE(std::any_of(both.input.notes.begin(), both.input.notes.end(), [](const auto& note) {
    return note.text.find("may state BI-RADS 2, 4") != std::string::npos;
  }));
}

// Hostile review 47: a lesion described by its features and size alone (H47-2) is kept; "linear
// vascular calcifications" are vascular, no fine-linear kind and no biopsy (H47-3).
TEST(PairingSafety, Review47FeaturesAloneAndLinearVessels) {
  const Report features =
      beside_benign_coded("Left breast 2:00: hypoechoic, non-parallel, microlobulated, 8 mm.");
  EXPECT_TRUE(features.exam.needs_review);
  EXPECT_FALSE(features.input.unassessed_findings.empty());
  const Report vessels = beside_benign_coded("Right breast: linear vascular calcifications.");
  EXPECT_EQ(vessels.exam.classification, Classification::Benign);
  EXPECT_FALSE(vessels.exam.needs_review);
}

// Hostile review 47 residue: a lesion noun the text places on a breast, whatever else it says of
// it ("is seen", "with angular margins", "with skin infiltration"), a qualifier that is nearly
// all a breast's line says, cancer abbreviated "ca", and a sign of Paget disease: never a benign
// exam unreviewed. The lesion keeps the breast the sentence gives it across "is seen".
TEST(PairingSafety, ALesionPlacedOnABreastIsKept) {
  for (const char* text :
       {"A nodule is seen in the left breast.",
        "There is a density in the left upper outer "
        "quadrant.",
        "Left breast: oval nodule with angular margins.",
        "Left breast: tumor with skin infiltration.", "Left breast: abnormal.",
        "Left breast: new since prior.", "Left breast: eczematous nipple changes."}) {
    expect_review_beside_benign(text, Unassessed::Kept);
  }
  for (const char* text : {"Left breast ca.", "L breast CA."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  const Report seen = beside_benign_coded("A nodule is seen in the left breast.");
  ASSERT_FALSE(seen.input.unassessed_findings.empty());
  EXPECT_EQ(seen.input.unassessed_findings.front().laterality, Laterality::Left);
  // A benign one, and one no breast is named for, add nothing.
  for (const char* text : {"Benign-appearing nodule in the left breast.", "Discuss the tumor."}) {
    EXPECT_TRUE(beside_benign_coded(text).input.unassessed_findings.empty()) << text;
  }
}

// Follow-ups without "in" and the British "6/12" are short intervals (E21); asking for priors or a
// tumour board is an unread recommendation; a routine interval in other words asks for nothing.
TEST(PairingSafety, MoreFollowUpWordingsAreRead) {
  for (const char* text : {"F/U 6 months.", "Follow up 6/12."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(exam_fired(report, "E21")) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  for (const char* text : {"Obtain prior mammograms for comparison.", "Discuss at tumor board."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  // Denied work-up is none (hostile review 48, H48-16), and a history after the findings is no
  // more of them ("rule out malignancy" is the question asked).
  for (const char* text :
       {"Next mammogram in 2 years.", "Screening mammography in 2 years.",
        "No further imaging is needed.", "Routine screening; no further workup needed.",
        "Coarse calcifications right breast, benign.\nClinical history: screening, rule out "
        "malignancy."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.classification, Classification::Benign) << text;
  }
}

// Hostile review 48, H48-1: a breast's heading after a comparison heading opens that breast's
// findings, and a lesion the comparison itself says is new is now; one it says was there before
// is the past.
TEST(PairingSafety, ABreastHeadingAfterPriorsAndANewLesionThereAreNow) {
  for (const char* text :
       {"COMPARISON: 2022.\nLEFT BREAST: Spiculated mass at 2 o'clock.\nBI-RADS 4. Recommend "
        "biopsy.",
        "PRIORS: 2021.\nLeft breast: new mass, BI-RADS 0.",
        "COMPARISON: Compared to 2022, there is a new mass in the left breast."}) {
    expect_review_beside_benign(text, Unassessed::Kept);
  }
  const Report past =
      beside_benign_coded("COMPARISON: Prior mammogram 2022 showed a mass in the left breast.");
  EXPECT_TRUE(past.input.unassessed_findings.empty());
}

// Hostile review 48, H48-4: a condition that opens a sentence ends at its comma, and a lesion
// named as one seen ("the left breast mass") is no hypothesis; one a hypothesis brings up ("if a
// mass develops") stays none.
TEST(PairingSafety, AConditionHidesNoLesionItIsAbout) {
  for (const char* text :
       {"If clinically indicated, biopsy of the left breast mass is recommended.",
        "If clinically feasible, the left breast mass should be sampled.",
        "If the left breast mass is palpable, biopsy; otherwise ultrasound."}) {
    expect_review_beside_benign(text, Unassessed::Kept);
  }
  const Report supposed = beside_benign_coded("If a mass develops in the left breast, return.");
  EXPECT_TRUE(supposed.input.unassessed_findings.empty());
}

// Hostile review 48, H48-7, H48-8: a work-up named by itself, planned, awaited or to be
// considered, and a shorter interval, ask for review; the report's delivery, routine screening
// in other words and a biopsy clip ask for nothing (H48-14).
TEST(PairingSafety, AWorkUpNamedByItselfOrAwaitedIsNeverDropped) {
  for (const char* text : {"Biopsy.", "MRI.", "Ultrasound left breast.", "Biopsy pending.",
                           "Awaiting biopsy.", "Consider MRI.", "Callback."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  const Report sooner = beside_benign_coded("Follow-up in 3 months.");
  EXPECT_TRUE(exam_fired(sooner, "E21"));
  EXPECT_TRUE(sooner.exam.needs_review);
  for (const char* text :
       {"RECOMMENDATION: Results sent to the patient.",
        "RECOMMENDATION: The patient was informed of the results.",
        "RECOMMENDATION: Continue screening per guidelines.",
        "Coarse calcifications right breast, benign. Biopsy clip in the right breast."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.classification, Classification::Benign) << text;
  }
}

// Hostile review 48, H48-9, H48-11: verdict words and shorthand, and other findings and signs
// (multifocal disease, Paget disease, implant rupture): never a benign exam unreviewed.
TEST(PairingSafety, VerdictsShorthandAndMoreSignsAskForReview) {
  for (const char* text :
       {"IMPRESSION: Abnormal mammogram.", "IMPRESSION: Abnormal.", "IMPRESSION: Positive.",
        "Rt: benign. Lt: susp.", "Left: malig.", "Left: susp LN.",
        "Left breast: worrying features.", "Left: Ca breast.",
        "Multifocal disease in the left breast.", "Extracapsular implant rupture, left.",
        "Silicone granuloma left axilla."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  EXPECT_FALSE(beside_benign_coded("Intact implants, no rupture.").exam.needs_review);
}

// Hostile review 48, H48-5, H48-6: categories per breast, changed or written otherwise, and UK
// and German scores: never a benign exam unreviewed. A count or interval after a category is
// none.
TEST(PairingSafety, CategoriesWrittenOtherwiseAndScoresAskForReview) {
  for (const char* text :
       {"BI-RADS 2 on the right and 4 on the left.", "BI-RADS 2 bilaterally except left 4.",
        "BI-RADS 2, upgraded to 4 after ultrasound.", "Left breast: BI-RADS-US 4.",
        "Left breast: M5 U5.", "Left breast: RCR 5.", "Histology: B5a."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  for (const char* text : {"BI-RADS 2, 3 views.", "BI-RADS 2, routine screening in 1 year."}) {
    EXPECT_FALSE(beside_benign_coded(text).exam.needs_review) << text;
  }
}

// Hostile review 48, H48-2: text that gives the coded breast's calcifications a distribution no
// coded finding has, or a suspicious kind in descriptive words, is no restatement: W8, review.
// Text that restates the coded kind adds nothing.
TEST(PairingSafety, TextAddingADistributionOrASuspiciousKindIsNoRestatement) {
  for (const char* text :
       {"Right breast: grouped calcifications.", "Right breast: regional calcifications.",
        "A second cluster of calcifications is seen in the right breast.",
        "Right breast: powdery calcifications.", "Right breast: dot-dash calcifications.",
        "Right breast: calcifications, varying in size and shape."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_TRUE(exam_fired(report, "W8")) << text;
  }
  for (const char* text : {"Right breast: coarse popcorn-like calcification, benign.",
                           "Coarse calcifications right breast, benign."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
    EXPECT_FALSE(exam_fired(report, "W8")) << text;
  }
}

// Hostile review 48, H48-10: "besides" ends a negation, a slash between two breasts' parts ends
// a clause, and "does not exclude" doubts; "amorphous/indistinct" stays one description.
TEST(PairingSafety, ExceptionsSlashesAndDoubtsEndANegation) {
  for (const char* text :
       {"No malignant-appearing calcifications besides a small group at 3 o'clock in the left "
        "breast.",
        "No malignancy on the right/new mass on the left.",
        "This does not exclude carcinoma in the left breast."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  const Report denied =
      beside_benign_coded("No amorphous/indistinct calcifications in the left breast.");
  EXPECT_FALSE(denied.exam.needs_review);
}

// Hostile review 48, H48-3: growth or a new part of a known lesion is of now, whatever past the
// sentence names.
TEST(PairingSafety, GrowthOfAKnownLesionIsNow) {
  for (const char* text : {"The fibroadenoma at 7 o'clock right has grown.",
                           "Previously biopsied fibroadenoma in the left breast, now enlarging.",
                           "Post-surgical changes left breast with a new spiculated component.",
                           "Left lumpectomy scar with new nodularity."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
}

// Hostile review 48, H48-1, H48-7, H48-8: a result awaited in any section, and imaging asked for
// in other words, are never dropped; one denied is none.
TEST(PairingSafety, AResultAwaitedAnywhereIsNeverDropped) {
  for (const char* text :
       {"HISTORY: Ultrasound-guided core biopsy of the left breast mass performed today; "
        "pathology pending.",
        "Pathology pending.", "Correlate with US.", "Follow up closely."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  EXPECT_FALSE(beside_benign_coded("No biopsy pending.").exam.needs_review);
}

// Review 48 (R48-2, R48-3, R48-4): "no further imaging" denies nothing beyond itself, a work-up
// beside administrative or routine words is still asked for; a density statement's "cat" is no
// category and dystrophic calcifications stay benign (R48-11).
TEST(PairingSafety, Review48RequestsBesideOtherWordsAreKept) {
  for (const char* text :
       {"Suspicious left breast mass: no further imaging, proceed to biopsy.",
        "RECOMMENDATION: Ultrasound of the left breast at 2 o'clock, patient informed.",
        "RECOMMENDATION: Supplemental MRI per guidelines.",
        "RECOMMENDATION: Diagnostic mammogram and ultrasound of the left breast, then continue "
        "screening."}) {
    EXPECT_TRUE(beside_benign_coded(text).exam.needs_review) << text;
  }
  for (const char* text : {"Density cat 4, extremely dense.", "Biopsy 2019."}) {
    EXPECT_EQ(beside_benign_coded(text).exam.category, Category::Benign2) << text;
  }
}

// Hostile review 49, H49-1: another finding in a part of a sentence about calcifications, with
// words of its own, is kept; one that is what the calcifications are is none.
TEST(PairingSafety, AnotherFindingBesideCalcificationsInOneSentenceIsKept) {
  for (const char* text : {"Coarse calcifications right, suspicious nodule left.",
                           "Benign calcifications right, suspicious lesion left."}) {
    expect_review_beside_benign(text, Unassessed::Kept);
  }
  const Report explained = beside_benign_coded(
      "There is a coarse popcorn-like calcification in the right breast at 7 o'clock, "
      "representing a degenerating fibroadenoma.");
  EXPECT_TRUE(explained.input.unassessed_findings.empty());
}

// Hostile review 49 (H49-3, H49-5, H49-6, H49-8, H49-10): benignity denied in other words, a
// request beside a letter, a conditional work-up and an inadequate exam ask for review; the
// report's delivery does not.
TEST(PairingSafety, Review49DeniedBenignityAndRequestsInOtherWords) {
  for (const char* text :
       {"Left breast: cannot be called benign.", "Left breast mass, unlikely to be benign.",
        "A letter has been sent to the patient requesting her return for biopsy.",
        "If possible, biopsy.", "Left breast technically inadequate, repeat."}) {
    EXPECT_TRUE(beside_benign_coded(text).exam.needs_review) << text;
  }
  EXPECT_FALSE(
      beside_benign_coded("RECOMMENDATION: Results discussed with the patient.").exam.needs_review);
  // A sign in a participle (hostile probing, session 47).
  EXPECT_TRUE(beside_benign_coded("The nipple is retracted.").exam.needs_review);
  EXPECT_FALSE(beside_benign_coded("No retracted nipple.").exam.needs_review);
}

// Hostile review 49: beside coded findings of the right breast, what the text says of the left
// breast is all the report says of it. Words this tool cannot read there (a breast not assessable,
// an exception, a lesion named after a comma, benignity denied) are never passed over: review, not
// benign. Plain statements of that breast (clear, composition, cysts, lymph nodes, the past) are
// read and ask for nothing.
TEST(PairingSafety49, UnreadWordsOnABreastNoCodedFindingCoversAskForReview) {
  for (const char* text :
       {"Left breast: not assessable.", "The left breast was not imaged.",
        "Left breast: see separate report.", "Unremarkable except for the left breast.",
        "Normal apart from the left upper outer quadrant.",
        "No suspicious findings, with the exception of the left breast.",
        "Calcifications right, lesion left.", "Calcifications right, density left.",
        "Left breast: benign is unlikely.", "Left breast: cannot be characterized as benign.",
        "Left breast: puckering.",
        // Hostile review 52: a composition phrase does not end the reading; a benign word denied,
        // doubted or asked about is not benign.
        "The left breast is heterogeneously dense and contains an irregular mass.",
        "Left breast: not normal.", "Left breast: benign?", "Left breast: changes since prior.",
        "Left breast: findings present.",
        // An assessment above benign after a composition phrase, "probably benign", and a breast
        // named in the sentence before (hostile review 52, found again in 53).
        "Left breast: dense tissue with a carcinoma at 2 o'clock.",
        "Left breast: heterogeneously dense, probably benign nodule.",
        "Left breast: likely benign.", "Left breast is dense. Seroma present.",
        "Left breast. Seroma.", "LEFT\nHematoma at 2 o'clock.",
        // One word of shape or arrangement gave nothing: it describes something else.
        "Left breast: round opacity at 2 o'clock.", "Left breast: grouped opacities.",
        // A state or a view denied, "otherwise" of that breast, the other breast by name.
        "Left breast: implant not intact.", "Left breast: not stable.", "Left breast: MLO missing.",
        "Left breast: otherwise unremarkable.", "Contralateral breast: hematoma.",
        "Other side: seroma.",
        // Growth, one view only, the other breast before a composition phrase.
        "Left breast: scar larger than prior.", "Left breast: CC view only.",
        "Left breast: one view.", "Contralateral breast: heterogeneously dense, spiculated mass.",
        // A kind asked about, a condition.
        "Left breast: fat necrosis?", "Left breast: normal, if confirmed by ultrasound.",
        "IMPRESSION: Right: 2. Left: 4.",
        // Benignity no longer so; a category by its name where no breast is named (hostile
        // review 52: benign and unreviewed beside benign coded findings).
        "Left breast: no longer benign-appearing.", "IMPRESSION: Probably benign.",
        "Probably benign.", "Assessment: Incomplete."}) {
    expect_review_beside_benign(text, Unassessed::Any);
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(std::any_of(
        report.input.notes.begin(), report.input.notes.end(),
        [](const ReaderNote& note) { return note.code == WarningCode::NarrativeUnresolved; }))
        << text;
  }
}
// What the text says of "the other breast" is said as such, not as of both breasts.
TEST(PairingSafety49, TheOtherBreastIsSaidAsSuch) {
  const Report report = beside_benign_coded("Contralateral breast: hematoma.");
  EXPECT_TRUE(
      std::any_of(report.input.notes.begin(), report.input.notes.end(), [](const ReaderNote& note) {
        return note.code == WarningCode::NarrativeUnresolved &&
               note.text.find("the other breast") != std::string::npos;
      }));
}
TEST(PairingSafety49, PlainStatementsOfThatBreastAskForNothing) {
  for (const char* text :
       {"Left breast: no suspicious findings.",
        "The left breast is unremarkable.",
        "No suspicious calcifications, masses or distortion in either breast.",
        "Standard CC and MLO views of both breasts.",
        "Simple cyst in the left breast, benign.",
        "Normal axillary lymph nodes bilaterally.",
        "Left breast: stable since 2021.",
        "Prior left breast biopsy with benign result.",
        "Both breasts are heterogeneously dense (ACR c), which may obscure small masses.",
        "No significant change in the left breast.",
        "Benign findings bilaterally.",
        "Left breast: dense tissue, no carcinoma.",
        "Both breasts are dense. Comparison is made with the examination of 2023.",
        "Left breast is dense. No suspicious findings.",
        "Both breasts are dense. Scattered areas of fibroglandular density.",
        "Both breasts: compared with prior from January 2024.",
        "Left breast: implant intact.",
        "Left breast: stable.",
        "No suspicious findings on CC and MLO views.",
        "Otherwise unremarkable bilateral mammogram.",
        "Both breasts: standard CC and MLO views.",
        "Left breast: only fatty tissue, implant intact.",
        "Left breast: oil cysts.",
        "Left breast: only stable.",
        "IMPRESSION:\n1. No suspicious findings in the left breast."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_FALSE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.classification, Classification::Benign) << text;
  }
}

// A breast's letter with a parenthesis names the breast: "L) seroma" lost its breast as a list
// marker "a)", and a statement without one beside coded findings asked for nothing.
TEST(PairingSafety59, ABreastLetterWithAParenthesisIsNoListMarker) {
  for (const char* text : {"L) seroma", "R) coarse benign calcifications.\nL) seroma."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  for (const char* text :
       {"L) negative", "R) coarse benign calcifications.\nL) no suspicious findings."}) {
    EXPECT_FALSE(beside_benign_coded(text).exam.needs_review) << text;
  }
}

// An exception in two words makes an exception to what the part clears, as "except" does.
TEST(PairingSafety59, ExceptionsOfTwoWordsAreNotCleared) {
  for (const char* text :
       {"Left: unremarkable save for the nipple.", "Left: unremarkable other than the nipple.",
        "Left: normal but for a nipple change."}) {
    EXPECT_TRUE(beside_benign_coded(text).exam.needs_review) << text;
  }
}

// A lesion placed or grown in a sentence that names no breast may be on the breast no coded
// finding covers: never benign on the coded finding alone. A change word alone, a lesion denied,
// called benign or a composition's density is none.
TEST(PairingSafety59, ALesionPlacedOrGrownWithNoBreastAsksForReview) {
  for (const char* text :
       {"Interval increase in density at 2 o clock.", "Interval increase in size of the nodule.",
        "Interval enlargement of the 2 o clock lesion.", "A nodule at 2 o clock.",
        "The lesion at 2 o clock has grown."}) {
    EXPECT_TRUE(beside_benign_coded(text).exam.needs_review) << text;
  }
  for (const char* text :
       {"No new lesions.", "Stable benign nodule at 2 o clock.",
        "Interval increase in breast density.", "Dense breast tissue may obscure small lesions.",
        "No suspicious lesion at 2 o clock."}) {
    EXPECT_FALSE(beside_benign_coded(text).exam.needs_review) << text;
  }
}

// Growth told by sizes: the text restating the coded group gives two sizes that differ; which is
// now, and whether it grew, is not read, so it is said on the coded finding and asks for review.
// One size, or one size and a distance, is no such thing.
TEST(PairingSafety59, SizesThatDifferAreSaidOnTheCodedFinding) {
  for (const char* text :
       {"Right breast: coarse benign calcifications, previously 8 mm, now 14 mm.",
        "Right breast: coarse benign calcifications spanning 14 mm, previously "
        "8 mm."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
    ASSERT_EQ(report.input.findings.size(), 1U) << text;
    EXPECT_TRUE(std::any_of(report.input.findings[0].notes.begin(),
                            report.input.findings[0].notes.end(),
                            [](const ReaderNote& note) {
                              return note.code == WarningCode::NarrativeUnresolved &&
                                     note.text.find("\"8 mm\"") != std::string::npos &&
                                     note.text.find("\"14 mm\"") != std::string::npos;
                            }))
        << text;
  }
  for (const char* text :
       {"Right breast: coarse benign calcifications, 8 mm.",
        "Right breast: 2 mm coarse benign calcifications, 3 cm from the nipple."}) {
    EXPECT_FALSE(beside_benign_coded(text).exam.needs_review) << text;
  }
}

// Hostile review 60: on the breast the coded findings cover, what the text says besides
// calcifications, a change the coded content does not hold, and a category after a label of its
// own were dropped: benign, unreviewed.
TEST(PairingSafety60, TheCoveredBreastsOtherStatementsAskForReview) {
  const std::string lead = "Coarse benign calcifications, right breast. ";
  for (const char* said :
       {"New calcifications right breast.", "Interval increase in calcifications.",
        "The calcifications have grown.", "Not present on the prior.", "Progressive.",
        "Size increase.", "The skin of the right breast is thickened.", "Preliminary report.",
        "Second reading disagrees.", "Most likely benign.", "Assessment: 4.", "Overall: 4.",
        "Rating: 4.", "Category: probably benign."}) {
    const Report report = beside_benign_coded(lead + said);
    EXPECT_TRUE(report.exam.needs_review) << said;
  }
  // A clip marks a biopsy done; a follow-up the reader takes is read; plain words stay plain.
  for (const char* said : {"Biopsy clip in the right breast.", "Stable since 2021.",
                           "No new findings.", "Routine screening in one year."}) {
    EXPECT_FALSE(beside_benign_coded(lead + said).exam.needs_review) << said;
  }
}

// Hostile review 60, H60-3: benign only hedged ("likely benign"), a doubt said by itself, growth
// in other words and a category after an unknown label on the covered breast ask for review; a
// course that says stable ("No increase.") does not.
TEST(PairingSafety60, HedgedBenignityDoubtsAndGrowthAskForReview) {
  const std::string lead = "Coarse benign calcifications, right breast. ";
  for (const char* said :
       {"Coarse calcifications right breast, most likely benign.",
        "Coarse calcifications right breast, probably benign.", "Favor benign.",
        "Presumably benign.", "Uncertain.", "Equivocal.", "Progression of the calcifications.",
        "Additional calcifications are now seen.", "Impression: 4.", "Result: 4.",
        "Coarse calcifications right breast, benign-appearing, though not definitively.",
        "Benign-appearing, though not definitively.", "Benign, not certain."}) {
    EXPECT_TRUE(beside_benign_coded(lead + said).exam.needs_review) << said;
  }
  for (const char* said : {"Coarse calcifications right breast, benign.", "No increase.",
                           "No progression.", "Assessment: 2."}) {
    EXPECT_FALSE(beside_benign_coded(lead + said).exam.needs_review) << said;
  }
}

// Hostile review 60, H60-11: the other breast called normal in shorthand asks for nothing.
TEST(PairingSafety60, NormalInShorthandAsksForNothing) {
  for (const char* text : {"Left breast: within normal limits.", "Left: WNL.", "Left: NAD."}) {
    EXPECT_FALSE(beside_benign_coded(text).exam.needs_review) << text;
  }
  EXPECT_TRUE(beside_benign_coded("Left: spiculated mass, otherwise WNL.").exam.needs_review);
}

// Hostile review 60, H60-9: a lesion the text calls suspicious in its own words, with no
// calcification word, weighs as that category (it was the report's 2 for its breast, or 0).
TEST(PairingSafety60, ALesionsOwnSuspicionGivesItsCategory) {
  const struct {
    const char* text;
    Category exam;
  } cases[] = {{"Highly suspicious left breast lesion.", Category::HighlySuggestive5},
               {"Suspicious mass in the left breast.", Category::Suspicious4},
               {"Left breast: suspicious nodule at 2 o'clock.", Category::Suspicious4},
               {"Suspicious lesion.", Category::Suspicious4}};
  for (const auto& given : cases) {
    const Report report = beside_benign_coded(given.text);
    EXPECT_TRUE(report.exam.needs_review) << given.text;
    EXPECT_EQ(report.exam.category, given.exam) << given.text;
  }
  // Denied, the suspicion gives the lesion nothing; a benign one stays plain.
  const Report denied = beside_benign_coded("No suspicious mass. Left breast: nodule.");
  EXPECT_EQ(denied.exam.category, Category::Incomplete0);
  EXPECT_FALSE(beside_benign_coded("Benign-appearing lymph node left.").exam.needs_review);
  // A sign suspected is no suspicion of malignancy: review, no 4.
  const Report rupture = beside_benign_coded("Right implant: intracapsular rupture suspected.");
  EXPECT_TRUE(rupture.exam.needs_review);
  EXPECT_EQ(rupture.exam.category, Category::Incomplete0);
}

// Hostile review 60, H60-10: two categories the text gives no breast for ("BI-RADS 2 + 4") count
// as the higher for the exam, for review; the exam was 0.
TEST(PairingSafety60, TwoCategoriesWithNoBreastGiveTheHigher) {
  for (const char* text : {"BI-RADS 2 + 4.", "BI-RADS 2 and 4.", "BI-RADS 2 und 4.", "R:2, L:4",
                           "BI-RADS R2 L4.", "Impression: Right: 2. Left: 4."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.category, Category::Suspicious4) << text;
    EXPECT_NE(std::find(report.exam.actions.begin(), report.exam.actions.end(), Action::Biopsy),
              report.exam.actions.end())
        << text;
  }
  // Below 4 the exam stays 0 for review; one category read is that category.
  EXPECT_EQ(beside_benign_coded("BI-RADS 2 + 3.").exam.category, Category::Incomplete0);
  const Report plain = beside_benign_coded("BI-RADS 2.");
  EXPECT_FALSE(plain.exam.needs_review);
  EXPECT_EQ(plain.exam.category, Category::Benign2);
}

// Hostile review 62: what a sentence naming no breast says beside benign coded findings: a state
// denied or doubted, a change in no phrase, growth of nothing named, a reading not final or not
// agreed, a clearing word denied, categories and follow-ups in shorter forms.
TEST(PairingSafety62, WhatASentenceNamingNoBreastSaysAsksForReview) {
  for (const char* text : {"Not stable.",
                           "Stability not established.",
                           "Stability cannot be confirmed.",
                           "Lack of stability.",
                           "Unstable.",
                           "Interval change.",
                           "Slight increase.",
                           "Changed since prior.",
                           "New since prior.",
                           "Preliminary report.",
                           "Discordant.",
                           "Double reading discrepant.",
                           "Second reader disagrees.",
                           "Not negative.",
                           "Not unremarkable.",
                           "Not interpreted.",
                           "Images not reviewed.",
                           "Priors requested.",
                           "Bx.",
                           "Rec: bx",
                           "F/U 6 mos.",
                           "Follow-up diagnostic mammogram at 6 months.",
                           "Benign, not certain."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
  }
  for (const char* text : {"BR 4.", "B-RADS 4.", "BI.RADS 4.", "BI/RADS 4.", "BI-RADS No. 4.",
                           "BI-RADS grade 4.", "BI-RADS at least 4.", "R 2 / L 4."}) {
    EXPECT_EQ(beside_benign_coded(text).exam.category, Category::Suspicious4) << text;
  }
  // Plain statements of the exam stay plain.
  expect_review({"New patient.", "New baseline mammogram.", "Negative for malignancy.", "Stable.",
                 "Stability confirmed.", "No interval change.", "No significant interval change.",
                 "3 views obtained.", "BI-RADS 2.", "BR 2.", "Biopsy 2019.",
                 "Absence of suspicious calcifications."},
                false);
}

// Hostile review 62: "Benign calcifications right breast", described no further, restates the
// benign coded findings of that breast, one or several (it was 0, for review: the commonest
// benign wording). Anything more it says keeps it weighed on its own.
TEST(PairingSafety62, BenignCalcificationsOfACoveredBreastRestateItsBenignFindings) {
  const ContentItem vascular = coded_finding(
      "1.2.2.2", {side("1.2.2.2.1", Laterality::Right),
                  property("1.2.2.2.2", codes::kCalcificationType, code_of(Morphology::Vascular)),
                  property("1.2.2.2.3", codes::kAssessmentCategory, code_of(Category::Benign2))});
  const auto with_two = [&](const std::string& text) {
    return summarise(
        {"", text, std::nullopt, {coarse_right_benign(), vascular}, Category::Benign2});
  };
  for (const char* text : {"Benign calcifications right breast.",
                           "Calcifications right breast are benign in appearance."}) {
    for (const Report& report : {beside_benign_coded(text), with_two(text)}) {
      EXPECT_FALSE(report.exam.needs_review) << text;
      EXPECT_EQ(report.exam.category, Category::Benign2) << text;
      EXPECT_TRUE(of_origin(report, Origin::Narrative).empty()) << text;
    }
  }
  for (const char* text :
       {"Benign calcifications right breast, likely.", "Calcifications right breast.",
        "Benign calcifications right breast, new.", "Benign calcifications left breast.",
        "Benign calcifications right breast, BI-RADS 4."}) {
    EXPECT_TRUE(with_two(text).exam.needs_review) << text;
  }
}

// Hostile review 63: benignity denied after its word, appeared or grown told by a verb, biopsy
// targets missed, images not diagnostic; and words of ordinary benign reports stay plain.
TEST(PairingSafety63, DoubtedBenignityGrowthAndMissedTargetsAskForReview) {
  const std::string lead = "Coarse calcifications right breast";
  expect_review(
      {"; benignity cannot be confirmed.", "; benign nature not certain.",
       "; benign etiology cannot be established.", ", benign appearance is not convincing.",
       ". Benign, to be confirmed.", ", which have developed since last year.",
       ", absent on the previous mammogram.", ", which were not there in 2022.", ", evolving.",
       ". Target calcifications were not sampled.",
       ". Calcifications not retrieved on specimen radiograph.",
       ". Residual calcifications after excision.", ". Images not diagnostic."},
      true, lead);
  // A missed target said with its own negation (the phrase whole is read, not denied by its "no").
  expect_review({". No calcifications in the cores.",
                 ". Post-procedure films: No calcifications in the cores."},
                true, lead);
  expect_review({". No calcifications in the left breast."}, false, lead);
  expect_review(
      {". Tomosynthesis performed.", ". Patient is asymptomatic.",
       ". A lay letter was sent to the patient.", ". Both readers concur.",
       ". Routine recall in 2 years.", ". Normal exam otherwise.", ". No further workup needed.",
       ". Diagnostic quality images.", ", benign. Stable."},
      false, lead);
}

// Hostile review 64: a report said not to be final, a target only partly retrieved, silicone in
// the axillary nodes; ordinary words of technique and screening stay plain.
TEST(PairingSafety64, NotFinalMissedTargetsAndSiliconeNodesAskForReview) {
  expect_review(
      {"This is not a final report.", "The target calcifications were only partially retrieved.",
       "Silicone in the left axillary nodes.", "Silicone in the right axillary nodes."},
      true);
  // The reason for the exam names calcifications of the breast no coded finding covers: only
  // their section put them in the past (hostile review 64).
  const std::string impression = "\nIMPRESSION: Coarse calcifications right breast, benign.";
  expect_review({"REASON FOR EXAM: Abnormal screening mammogram, left breast calcifications.",
                 "CLINICAL HISTORY: Recalled from screening for left breast calcifications."},
                true);
  for (const char* text :
       {"CLINICAL HISTORY: Recalled from screening for right breast calcifications.",
        "CLINICAL HISTORY: History of benign calcifications left breast, biopsied 2019.",
        "COMPARISON: Prior study from 2023 shows the same calcifications."}) {
    EXPECT_FALSE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  // Their benignity denied with the calcifications, no breast named.
  expect_review({"I am not confident these calcifications are benign.",
                 "It is not certain that these calcifications are benign.",
                 "I would not call these calcifications benign."},
                true);
  expect_review({"No calcifications other than benign ones.",
                 "No malignant calcifications; benign vascular calcifications."},
                false);
  expect_review({"Final report.", "Good positioning and technique.",
                 "Screening to continue at the usual interval.", "Bilateral silicone implants.",
                 "Left breast: silicone implant, intact."},
                false);
}

// Hostile review 64, second part: benign only on a condition, benignity asked or called premature,
// a disagreement, a target a clip or wire missed, a complaint of a breast no coded finding covers,
// growth in the comparison section, a description of that breast with more than its descriptor.
TEST(PairingSafety64, ConditionsDisagreementsMissedTargetsAndComplaintsAskForReview) {
  expect_review({"Benign if stable at follow-up.",
                 "Benign calcifications right breast, unless proven otherwise on biopsy.",
                 "Benign, provided that the ultrasound is negative.",
                 "Benign calcifications, subject to review by Dr. Jones.",
                 "Benign only if the left breast ultrasound is normal.",
                 "It is difficult to say whether these calcifications are benign.",
                 "It would be premature to call the calcifications benign.",
                 "The prior report called them benign; I do not agree.",
                 "Post-biopsy clip in the left breast is displaced 2 cm from the target.",
                 "The hookwire tip lies 1 cm lateral to the target calcifications.",
                 "Specimen radiograph did not contain the target calcifications.",
                 "Left retroareolar duct ectasia with intraductal echogenic material."},
                true);
  const std::string impression = "\nIMPRESSION: Coarse calcifications right breast, benign.";
  for (const char* text :
       {"CLINICAL HISTORY: Left breast swelling and redness for 3 weeks.",
        "CLINICAL HISTORY: 58-year-old woman with new focal pain in the left breast.",
        "COMPARISON: Compared with 2023, a new cluster has appeared in the left breast.",
        "COMPARISON: Although described as benign on the prior report, the calcifications now "
        "appear punctate and grouped."}) {
    EXPECT_TRUE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  // A condition of the recommendation, not of the benign call; a benign kind of that breast said
  // by its descriptor alone; no complaint; a clip where it belongs.
  expect_review({"Benign. Return to annual screening unless clinically indicated.",
                 "Benign calcifications; annual screening recommended unless symptoms develop.",
                 "Left duct ectasia.", "Patient is asymptomatic, no pain.",
                 "Biopsy clip in the right breast, at the biopsy site."},
                false);
  for (const char* text : {"CLINICAL HISTORY: Screening. No breast complaints.",
                           "COMPARISON: Compared with 2023, no new findings in the left breast."}) {
    EXPECT_FALSE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
}

// Hostile review 65: the reason for the exam the indication or history names on the breast no
// coded finding covers, a disease of now on any breast, and benignity said of part of the
// calcifications only.
TEST(PairingSafety65, ReasonsForTheExamAndPartlyBenignAskForReview) {
  const std::string impression = "\nIMPRESSION: Benign calcifications right breast. BI-RADS 2.";
  for (const char* text :
       {"INDICATION: Left breast mass.", "INDICATION: Left breast skin dimpling.",
        "INDICATION: Left nipple bleeding.", "INDICATION: Palpable abnormality left.",
        "HISTORY: Recalled from screening for left breast asymmetry.",
        "HISTORY: Abnormal screening, left breast.",
        "INDICATION: BI-RADS 4 left breast on outside mammogram.",
        "REASON FOR EXAM: 6-month follow-up, left breast.",
        "HISTORY: Newly diagnosed left breast cancer.",
        "HISTORY: Newly diagnosed right breast cancer, staging."}) {
    EXPECT_TRUE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  for (const char* text :
       {"INDICATION: Screening.", "HISTORY: Left breast cancer 2010, lumpectomy and radiation.",
        "HISTORY: History of left breast mass, benign on biopsy.",
        "HISTORY: Right breast biopsy 2019, benign.", "INDICATION: Routine screening, left breast.",
        "HISTORY: No left breast complaints."}) {
    EXPECT_FALSE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  expect_review({"Most of the calcifications are benign.",
                 "Not all calcifications in the right breast are benign.",
                 "Right breast calcifications, partly coarse.",
                 "Coarse calcifications right breast, all but one of them clearly benign.",
                 "Right breast: coarse calcifications; smaller calcifications nearby."},
                true);
  expect_review({"Benign calcifications right breast. No other calcifications.",
                 "Predominantly fatty breasts. Benign calcifications right breast."},
                false);
  // Small calcifications of no kind are not the coded coarse ones; small ones of a coarse kind
  // may be.
  expect_review({"Benign calcifications right breast. Microcalcifications.",
                 "Benign calcifications right breast. Small calcifications in the right "
                 "subareolar region."},
                true);
  expect_review({"Coarse and vascular calcifications right breast, benign.",
                 "Small vascular calcifications right breast, benign."},
                false);
  // A reading put off or not done; words of ordinary benign reports.
  expect_review({"Study not yet read.", "To be read with priors."}, true,
                "Coarse calcifications right breast. ");
  expect_review({"Double read, concordant.", "No additional work-up required."}, false,
                "Benign calcifications right breast. ");
  // Review of the change: an age is no complaint of long standing, a benign word asked or denied
  // silences no reason, and what the exam is to rule out is a reason.
  for (const char* text :
       {"CLINICAL HISTORY: 45 years old with left breast lump.",
        "INDICATION: Palpable mass left breast at 10:00.", "INDICATION: Left breast mass, benign?",
        "INDICATION: Rule out malignancy, left breast mass."}) {
    EXPECT_TRUE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  // A qualified lesion noun beside a sign keeps its clause's category.
  EXPECT_EQ(beside_benign_coded("Painful suspicious nodule in the left breast.").exam.category,
            Category::Suspicious4);
  // A partial word before a benign word counts whatever kind came before it in the sentence.
  expect_review({"Grouped calcifications in the right breast, mostly benign."}, true);
  expect_review({"Benign calcifications right breast and otherwise unremarkable examination."},
                false);
  // Hostile review 66: ordinary histories and words of place or view are no reason and no part.
  for (const char* text :
       {"CLINICAL HISTORY: Screening. Left axillary lymph node excision 2010, reactive.",
        "INDICATION: Screening. History of bilateral breast augmentation with saline implants."}) {
    EXPECT_FALSE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  expect_review(
      {"Right breast: coarse calcifications, mostly seen on the CC view.",
       "Right breast: coarse calcifications, partly obscured by dense tissue on the MLO view."},
      false);
  expect_review(
      {"The calcifications are mostly coarse.", "Predominantly coarse calcifications right breast.",
       "Benign calcifications right breast, mostly.",
       "BI-RADS 2 if the prior films confirm stability.", "The clip is not at the biopsy site.",
       "No calcifications retrieved."},
      true);
}

// Hostile review 66, second part: a disease of now with the date of its diagnosis, hedged
// categories, part of the calcifications named, a safety net that is no request.
TEST(PairingSafety66, DiseaseOfNowHedgesAndPartsAskForReviewSafetyNetsDoNot) {
  const std::string impression = "\nIMPRESSION: BI-RADS 2.";
  for (const char* text :
       {"CLINICAL HISTORY: Known right breast cancer (biopsied 2025), surgery scheduled.",
        "CLINICAL HISTORY: Right breast DCIS on biopsy, pre-op.",
        "INDICATION: Right breast ca, not yet treated.",
        "CLINICAL HISTORY: Newly diagnosed left breast cancer, biopsy 03/2025."}) {
    const Report report = beside_benign_coded(text + impression);
    EXPECT_TRUE(report.exam.needs_review) << text;
    // Said as the reason for the exam, not as words the tool cannot read.
    EXPECT_TRUE(std::any_of(report.input.notes.begin(), report.input.notes.end(),
                            [](const ReaderNote& note) {
                              return note.code == WarningCode::NarrativeUnresolved &&
                                     note.text.find("reason for this exam") != std::string::npos;
                            }))
        << text;
  }
  // The history's own: treated with a year, or a relative's.
  for (const char* text :
       {"CLINICAL HISTORY: Right breast cancer 2015, lumpectomy and radiation.",
        "CLINICAL HISTORY: Family history: mother diagnosed with left breast cancer.",
        "CLINICAL HISTORY: Sister with left breast cancer at 45."}) {
    EXPECT_FALSE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  expect_review({"Likely BI-RADS 2.", "Probably BI-RADS 2.", "Benign, I think. BI-RADS 2.",
                 "Many of the right breast calcifications are vascular. BI-RADS 2.",
                 "Coarse calcifications right breast; not every one is coarse.",
                 "Coarse calcs R, plus tiny calcs. BI-RADS 2.",
                 "Coarse calcifications right breast.\nAlso micro-\ncalcifications nearby."},
                true);
  expect_review({"Some benign-appearing calcifications in the right breast. BI-RADS 2.",
                 "Many benign calcifications in the right breast. BI-RADS 2."},
                false);
  // A linear marker on a scar is no fine-linear calcification.
  const Report marker = beside_benign_coded("Linear scar marker over the right breast. BI-RADS 2.");
  EXPECT_FALSE(marker.exam.needs_review);
  EXPECT_EQ(marker.exam.category, Category::Benign2);
  // Advice on symptoms to come is no request; a work-up on a condition still is.
  expect_review({"Return to screening unless clinically indicated.",
                 "RECOMMENDATION: Annual screening. If symptoms persist, clinical follow-up.",
                 "RECOMMENDATION: Annual mammography. Should the patient develop new symptoms, "
                 "clinical evaluation is advised.",
                 "RECOMMENDATION: Next mammogram in 1 year unless the patient notices a change.",
                 "Nipple jewelry on the left.", "Left breast: benign-appearing clip artifact."},
                false, "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n");
  expect_review({"RECOMMENDATION: Biopsy if symptoms persist.",
                 "RECOMMENDATION: Ultrasound if clinically indicated.",
                 "Left breast mass, unless clinically explained."},
                true, "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n");
  // Reasons of several words, a 3 in the history, a clip beside its site, a recall (UK).
  for (const char* text : {"INDICATION: Call-back from screening, L breast.",
                           "INDICATION: Pre-operative, left breast.",
                           "CLINICAL INFORMATION: 2WW referral, left breast.",
                           "INDICATION: Patient noticed her left breast changed shape.",
                           "REASON FOR EXAM: Follow-up of probably benign left breast mass."}) {
    EXPECT_TRUE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
  expect_review(
      {"Clip placed; it lies 1.5 cm lateral to the biopsy cavity.", "Left: for assessment."}, true,
      "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n");
  expect_review({"No need for further assessment."}, false,
                "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n");
}

// Hostile review 67: a year close to the exam's is recent, a treated disease is the history's,
// alternatives and relatives, missed targets, what cannot be excluded.
Report beside_benign_coded_in(const std::string& text, const std::string& study_date) {
  SrDocument document =
      document_of({"", text, std::nullopt, {coarse_right_benign()}, Category::Benign2});
  document.header.study_date = study_date;
  return evaluate(findings_of(document));
}

TEST(PairingSafety67, RecentYearsTreatmentsAlternativesAndRelatives) {
  const std::string impression = "\nIMPRESSION: BI-RADS 2.";
  // In a report of January 2026 a disease of 11/2025 is recent; one of 2015 is not.
  for (const char* text : {"CLINICAL HISTORY: Left breast DCIS 11/2025.",
                           "CLINICAL HISTORY: Suspicious left breast mass on ultrasound 11/2025.",
                           "CLINICAL HISTORY: Left breast cancer 2025, no treatment yet."}) {
    EXPECT_TRUE(beside_benign_coded_in(text + impression, "20260105").exam.needs_review) << text;
  }
  for (const char* text : {"CLINICAL HISTORY: Left breast cancer 2015.",
                           "CLINICAL HISTORY: Left breast cancer, s/p lumpectomy.",
                           "CLINICAL HISTORY: Left breast cancer, status post lumpectomy and "
                           "radiation, now on tamoxifen."}) {
    EXPECT_FALSE(beside_benign_coded_in(text + impression, "20260105").exam.needs_review) << text;
  }
  // A lesion beside a treatment is still a reason; a treatment never silences a disease of now.
  for (const char* text :
       {"CLINICAL HISTORY: Left breast mass, s/p lumpectomy.",
        "CLINICAL HISTORY: Left breast cancer, lumpectomy scheduled.",
        "CLINICAL HISTORY: Lobular carcinoma in situ left breast, no surgery."}) {
    EXPECT_TRUE(beside_benign_coded_in(text + impression, "20260105").exam.needs_review) << text;
  }
  // The exam's year is the Study Date's, else the Content Date's; with neither, a year is past.
  {
    SrDocument document = document_of({"",
                                       "CLINICAL HISTORY: Left breast DCIS 11/2025." + impression,
                                       std::nullopt,
                                       {coarse_right_benign()},
                                       Category::Benign2});
    document.header.content_date = "20260105";
    EXPECT_TRUE(evaluate(findings_of(document)).exam.needs_review);
    document.header.content_date.clear();
    EXPECT_FALSE(evaluate(findings_of(document)).exam.needs_review);
  }
  // Two categories side by side: the higher stands.
  for (const char* text : {"IMPRESSION: BI-RADS 2 vs 4.", "IMPRESSION: BI-RADS 2 or 4."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.category, Category::Suspicious4) << text;
  }
  EXPECT_EQ(beside_benign_coded("IMPRESSION: BI-RADS 3, follow-up in 3 or 6 months.").exam.category,
            Category::ProbablyBenign3);
  expect_review({"We could not exclude malignancy.", "It is not possible to exclude DCIS.",
                 "The biopsy did not retrieve the target calcifications.",
                 "The remaining calcifications have not been characterised.",
                 "Return to screening is not appropriate."},
                true, "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n");
  // Closing words and a safety net that names a sign ask for nothing; a lump now still does.
  expect_review(
      {"The patient was reassured.", "Breast awareness advice given.", "No cause for concern.",
       "No further action.", "Please advise the patient to report any new breast changes.",
       "Cardiac pacemaker overlying the left breast."},
      false, "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n");
  // A sign or a lesion in a safety net is still read, and a request of its own clause still asks
  // (review of the change).
  expect_review({"The patient reports a new lump in the left breast.",
                 "If the patient develops a lump or other symptoms, she should see her GP.",
                 "Surgical referral; return to screening unless clinically indicated.",
                 "Refer to breast surgeon as clinically indicated.",
                 "As clinically suspected, skin thickening and nipple retraction of the left "
                 "breast.",
                 "Left axilla: lymph node without fatty hilum.", "Left: not reassuring.",
                 "Reassurance not possible."},
                true, "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n");
  for (const char* text :
       {"CLINICAL HISTORY: Left breast DCIS 11/2025, biopsy clip placed.",
        "CLINICAL HISTORY: Left breast cancer, not treated yet.",
        "CLINICAL HISTORY: Left breast cancer, booked for mastectomy.",
        "INDICATION: Strong family history, left nipple retraction.",
        "CLINICAL HISTORY: Mother had breast cancer at 50, patient has a new left breast lump."}) {
    EXPECT_TRUE(beside_benign_coded_in(text + impression, "20260105").exam.needs_review) << text;
  }
  for (const char* text :
       {"CLINICAL HISTORY: Left breast abscess.", "CLINICAL HISTORY: P5 left breast."}) {
    EXPECT_TRUE(beside_benign_coded(text + impression).exam.needs_review) << text;
  }
}

// Hostile review 67, the rest: an exam the text calls limited shows not all of the breast, so
// benign calcifications on it are no benign exam; density alone is the routine limit. A phrase
// reads across a colon.
TEST(PairingSafety67, LimitedExamsAndPhrasesAcrossAColon) {
  const std::string benign = "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n";
  expect_review({"Limited study due to patient mobility.", "Posterior tissue not fully included.",
                 "Images not available for review at the time of reporting.",
                 "Left MLO view could not be obtained.", "Motion artefact on the left MLO.",
                 "Specimen radiograph: no calcifications."},
                true, benign);
  EXPECT_TRUE(
      beside_benign_coded("TECHNIQUE: Only CC views were obtained due to patient pain.\n" + benign)
          .exam.needs_review);
  expect_review({"Extremely dense breasts limit the sensitivity of mammography.",
                 "Heterogeneously dense breasts (ACR C), which may lower the sensitivity.",
                 "Bilateral CC and MLO views."},
                false, benign);
  EXPECT_FALSE(beside_benign_coded("COMPARISON: Prior images not available for review.\n" + benign)
                   .exam.needs_review);
  // A breast by its capital letter alone; not a lower-case letter, nor "R/O".
  for (const char* text : {"Hx: L bx 12/25 - malignant.\nImp: R benign calcs, B2.",
                           "Hx: LCIS L 2024 - under surveillance.\nImp: benign."}) {
    EXPECT_TRUE(beside_benign_coded_in(text, "20260105").exam.needs_review) << text;
  }
  EXPECT_FALSE(beside_benign_coded("IMPRESSION: Benign calcifications R breast. L: normal.")
                   .exam.needs_review);
  // A correction states the category; a follow-up "to confirm" is asked, not reported as done.
  const Report corrected = beside_benign_coded(
      "IMPRESSION: Benign calcifications. BI-RADS 2 was assigned in error; should read BI-RADS 4.");
  EXPECT_EQ(corrected.exam.category, Category::Suspicious4);
  EXPECT_TRUE(beside_benign_coded("IMPRESSION: BI-RADS 2.\nRECOMMENDATION: Follow-up mammogram "
                                  "left breast in 6 months to confirm stability.")
                  .exam.needs_review);
  // The note says why.
  const Report limited = beside_benign_coded(benign + "Limited study due to patient mobility.");
  EXPECT_TRUE(std::any_of(limited.input.notes.begin(), limited.input.notes.end(),
                          [](const ReaderNote& note) {
                            return note.code == WarningCode::NarrativeUnresolved &&
                                   note.text.find("limited") != std::string::npos;
                          }));
}

// Hostile review 67, false alarms: what is benign by its name or names no finding says nothing
// of the other breast; the same words beside a sign still ask.
TEST(PairingSafety67, BenignByNameOnTheOtherBreastAsksNothing) {
  const std::string benign = "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n";
  expect_review({"Lipoma left breast.", "Hamartoma left breast, stable since 2015.",
                 "Loop recorder projected over the left breast.",
                 "Cardiac pacemaker overlying the left pectoral region.",
                 "Lymph node left axilla with normal fatty hilum.",
                 "Normal appearances of the reconstructed left breast."},
                false, benign);
  expect_review(
      {"Lymph node left axilla without fatty hilum.",
       "Loss of the fatty hilum of a left axillary node.", "Lipoma left breast, enlarging.",
       "Left: increase in size of the mass.", "Left: mild architectural distortion."},
      true, benign);
  // A relative's disease is no suspicion of the patient's: never a 4 of the coded breast; the
  // patient's own after a comma or semicolon still is.
  for (const char* text :
       {"Father had prostate cancer.", "Grandmother had breast cancer in her 80s.",
        "Mother diagnosed with breast cancer at 70; patient asymptomatic."}) {
    const Report report = beside_benign_coded(benign + text);
    EXPECT_NE(report.exam.category, Category::Suspicious4) << text;
    EXPECT_NE(report.exam.classification, Classification::Suspicious) << text;
  }
  // Advice on what may come says nothing of the calcifications before it.
  EXPECT_FALSE(beside_benign_coded("IMPRESSION: Benign calcifications. Please advise the patient "
                                   "to report any new breast changes.")
                   .exam.needs_review);
  for (const char* text : {"Mother had breast cancer, suspicious calcifications left breast.",
                           "Sister with DCIS; new left breast mass."}) {
    EXPECT_TRUE(beside_benign_coded(benign + text).exam.needs_review) << text;
  }
  EXPECT_EQ(beside_benign_coded(benign + "Mother had breast cancer, suspicious calcifications left "
                                         "breast.")
                .exam.category,
            Category::Suspicious4);
}

// Hostile review 68: what is awaited, unsettled, limited or needed said in other words; a
// negation that says a finding persists, is new or is felt but not seen.
TEST(PairingSafety68, OtherWordsForAwaitedLimitedNeededAndPersisting) {
  const std::string benign = "IMPRESSION: Benign calcifications right breast. BI-RADS 2.\n";
  expect_review(
      {"Histology to follow.", "Results not yet available.", "To be discussed at MDM.",
       "Provisional report.", "Consensus not reached between readers.",
       "Pectoral muscle not shown.", "Study degraded by motion.",
       "Patient could not tolerate compression.", "She will need a biopsy.", "Should be sampled.",
       "Urgent.", "BI-RAD 4", "The left asymmetry has not resolved.", "Palpable lump not seen.",
       "No correlate to the palpable finding."},
      true, benign);
  expect_review({"No need for further imaging."}, false, benign);
  // Review of the change: the holes its first version opened.
  expect_review(
      {"Left breast findings to follow.", "Left axillary lymph node, hilum effaced.",
       "Heterogeneously dense breasts; study limited by motion.",
       "Only CC views were obtained of the dense breasts.",
       "Patient and her sister both have breast cancer.", "Like her sister she has breast cancer.",
       "Relative to the prior study these are new and suspicious."},
      true, benign);
  EXPECT_TRUE(beside_benign_coded_in("History: diagnosed 2012, on chemotherapy.\nIMPRESSION: "
                                     "BI-RADS 2.",
                                     "20260105")
                  .exam.needs_review);
}

// Hostile review 68: a disease the history says is of now asks for review whether or not it
// names a breast; one of the past or a complaint of no breast does not.
TEST(PairingSafety68, ADiseaseOfNowWithNoBreastNamedAsks) {
  const std::string impression = "\nIMPRESSION: BI-RADS 2.";
  for (const char* text :
       {"History: breast cancer, currently on chemotherapy.", "History: known breast cancer.",
        "History: breast cancer diagnosed last week.", "Indication: known breast cancer, staging.",
        "History: breast cancer diagnosed 12/2025.",
        "History: right breast cancer, currently on chemotherapy."}) {
    const Report report = beside_benign_coded_in(text + impression, "20260105");
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_TRUE(std::any_of(report.input.notes.begin(), report.input.notes.end(),
                            [](const ReaderNote& note) {
                              return note.text.find("reason for this exam") != std::string::npos;
                            }))
        << text;
  }
  // A cancer's treatment or work-up of now, with no disease word.
  for (const char* text :
       {"History: on chemotherapy.", "Indication: staging.",
        "Indication: wire localisation tomorrow.", "History: on Herceptin.",
        "History: newly diagnosed.", "Indication: restaging after neoadjuvant therapy."}) {
    EXPECT_TRUE(beside_benign_coded_in(text + impression, "20260105").exam.needs_review) << text;
  }
  for (const char* text : {"History: no chemotherapy.", "History of neoadjuvant chemotherapy.",
                           "History: neoadjuvant chemotherapy 2015, mastectomy."}) {
    EXPECT_FALSE(beside_benign_coded_in(text + impression, "20260105").exam.needs_review) << text;
  }
  for (const char* text : {"History: breast cancer 2010, treated with surgery and chemotherapy.",
                           "History of breast cancer.",
                           "History: breast cancer 2015, currently no "
                           "evidence of disease."}) {
    EXPECT_FALSE(beside_benign_coded_in(text + impression, "20260105").exam.needs_review) << text;
  }
}

// Hostile review 69: a treatment of now in any section, a limit beside density, a biopsy the
// patient returns for.
TEST(PairingSafety69, TreatmentOfNowAnywhereAndLimitsBesideDensity) {
  expect_review({"Patient on chemotherapy. BI-RADS 2.", "Staging exam. BI-RADS 2.",
                 "Residual tumor. BI-RADS 2.", "Radiation in progress. BI-RADS 2.",
                 "Evaluation limited by dense tissue and motion. BI-RADS 2.",
                 "Dense breasts; positioning suboptimal. BI-RADS 2.",
                 "Patient to return for biopsy. BI-RADS 2."},
                true);
  expect_review({"Status post chemotherapy 2015. BI-RADS 2.",
                 "Extremely dense breasts limit the sensitivity of mammography. BI-RADS 2.",
                 "Return to routine screening. BI-RADS 2."},
                false, "IMPRESSION: Benign calcifications right breast.\n");
  // The patient has it too: her own disease is never a relative's alone.
  for (const char* text : {"Her mother had breast cancer, as did she in 2025.",
                           "Mother had breast cancer; the patient too, in the left breast."}) {
    EXPECT_EQ(
        beside_benign_coded(std::string("IMPRESSION: Benign calcifications right breast.\n") + text)
            .exam.category,
        Category::Suspicious4)
        << text;
  }
  EXPECT_FALSE(beside_benign_coded("COMPARISON: Pre-treatment mammogram 2024.\nIMPRESSION: Benign "
                                   "calcifications right breast. BI-RADS 2.")
                   .exam.needs_review);
}

TEST(PairingSafety69, CorrectionsAsAnAsideAndUnsignedReports) {
  // Hostile review 69: the corrected category was lost and the exam stayed benign.
  for (const char* text :
       {"BI-RADS 2 (typo, should be 4).", "BI-RADS 2 (should be 4).", "BI-RADS 2, should read 4.",
        "BI-RADS 2 [error: 4].", "BI-RADS 2. Sorry, 4.", "BI-RADS 2. Correction: 4.",
        // A bound is a category said (hostile review 68).
        "BI-RADS ≥ 4."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_EQ(report.exam.category, Category::Suspicious4) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  expect_review({"Prelim. BI-RADS 2.", "Unsigned. BI-RADS 2.", "Report not verified. BI-RADS 2.",
                 "BI-RADS 2. Typo.", "STAT read. BI-RADS 2."},
                true);
  // A correction word before a count or a duration corrects no category.
  expect_review({"BI-RADS 2, follow-up should be in 12 months.", "BI-RADS 2. Correct, 2 views.",
                 "Report verified. BI-RADS 2.", "So-called popcorn calcifications. BI-RADS 2."},
                false, "IMPRESSION: Benign calcifications right breast.\n");
}

TEST(PairingSafety69, ARecentDiseaseInWordsOfThePastOutsideTheHistory) {
  // Hostile review 69: "History of" set the disease aside whatever its year (a report of January
  // 2026: 2025 is recent).
  for (const char* text : {"History of breast cancer 2025. BI-RADS 2.",
                           "History of left breast cancer 2025. BI-RADS 2.",
                           "History of right breast cancer 2025. BI-RADS 2."}) {
    EXPECT_TRUE(beside_benign_coded_in(text, "20260105").exam.needs_review) << text;
  }
  // Treated, long ago, a relative's or a prior exam's: the history's.
  for (const char* text :
       {"History of breast cancer 2025, s/p lumpectomy and radiation. BI-RADS 2.",
        "History of breast cancer 2015. BI-RADS 2.", "Mother had breast cancer 2025. BI-RADS 2.",
        "COMPARISON: 2025 exam, history of breast cancer.\nIMPRESSION: BI-RADS 2."}) {
    EXPECT_FALSE(beside_benign_coded_in(text, "20260105").exam.needs_review) << text;
  }
}

TEST(PairingSafety69, LimitsWithACauseBesideDensityAndHighRisk) {
  expect_review({"Limited by dense tissue and by patient motion. BI-RADS 2.",
                 "Sensitivity limited by extremely dense tissue and by missing views. BI-RADS 2.",
                 "Left MLO not obtained. BI-RADS 2.", "Only right breast imaged. BI-RADS 2.",
                 "Diagnostic quality limited. BI-RADS 2.", "Evaluation is limited. BI-RADS 2.",
                 // The patient's own high risk: routine screening may not be hers.
                 "Patient is BRCA1 positive. BI-RADS 2.", "BRCA1 carrier. BI-RADS 2.",
                 "High-risk patient, lifetime risk 30%. BI-RADS 2.",
                 // A plan that is a treatment of now, after what was done.
                 "Patient is s/p neoadjuvant chemotherapy, surgery scheduled. BI-RADS 2."},
                true);
  // Density explains a limit said without its cause; a relative's risk or a negative test is
  // none of hers.
  expect_review(
      {"Evaluation limited by dense tissue. BI-RADS 2.", "Limited by breast density. BI-RADS 2.",
       "Extremely dense breasts limit the sensitivity of mammography. BI-RADS 2.",
       "Sister with BRCA1 mutation. BI-RADS 2.",
       "Genetic testing: BRCA1 and BRCA2 negative. BI-RADS 2.",
       "S/p lumpectomy, follow-up scheduled. BI-RADS 2."},
      false, "IMPRESSION: Benign calcifications right breast.\n");
  // The screening her risk calls for is in place; a lifetime risk is a number.
  expect_review(
      {"CLINICAL HISTORY: BRCA2 carrier, annual mammography and MRI.\nIMPRESSION: BI-RADS "
       "2.",
       "CLINICAL HISTORY: Lifetime risk (Tyrer-Cuzick) 14%.\nIMPRESSION: BI-RADS 2."},
      false);
}

TEST(PairingSafety70, OtherWordsForTreatmentsLimitsReportsAndRisk) {
  // Hostile review 70: each was left benign and unreviewed beside benign coded findings.
  expect_review(
      {"History of breast cancer 2015. Liver mets 2025.",
       "History of breast cancer 2015, s/p lumpectomy and radiation. On Kadcyla.",
       "This report has not been finalized.", "Interim report.",
       "To be verified by consultant radiologist.",
       "Non-diagnostic quality images of the left breast.", "Exam is of limited diagnostic value.",
       "Patient carries a pathogenic PALB2 variant.",
       "Prior chest wall radiation for Hodgkin's at age 20.", "BI-RADS at least 3.",
       // Double negations and a benign call asked.
       "Not able to exclude DCIS.", "Not unsuspicious.", "benign (?)", "Benign??",
       "BI-RADS 2, revised to 4.",
       // Review of the change: the screening declined, a clearing word of another thing.
       "BRCA1 carrier, declined MRI. BI-RADS 2.",
       "BRCA1 carrier with normal clinical breast exam. BI-RADS 2.",
       // A request in another part leaves the treatment of now its own.
       "On palbociclib, return to annual screening. BI-RADS 2."},
      true);
  for (const char* text :
       {"Hx of right IDC 2025.", "History of IDC 2025.",
        "History of breast cancer 2015, s/p lumpectomy and radiation. Started chemo 12/2025."}) {
    EXPECT_TRUE(beside_benign_coded_in(text, "20260105").exam.needs_review) << text;
  }
  // A procedure of a past year was done, not asked for; the scale after a category is none.
  const Report past_biopsy = beside_benign_coded_in(
      "Stable post-surgical changes right breast from benign excisional biopsy 2010. BI-RADS 2.",
      "20260105");
  EXPECT_FALSE(past_biopsy.exam.needs_review);
  EXPECT_EQ(beside_benign_coded("Overall 4 of 5.").exam.category, Category::Suspicious4);
  expect_review({"Remote history of left breast cancer (2010), s/p lumpectomy and XRT. Benign.",
                 "Standard CC and MLO views of both breasts. Technically satisfactory."},
                false);
}

TEST(PairingSafety71, RiskEstimatesAbbreviatedRequestsAndThePatientToo) {
  // Hostile review 70: each was left benign and unreviewed beside benign coded findings.
  expect_review(
      {"Tyrer-Cuzick 25%.", "IBIS risk 28%. Referred to high-risk clinic.",
       "Tyrer-Cuzick lifetime risk: 25%.", "IBIS 10-year risk 5%, lifetime 25%.",
       // A curly apostrophe read as Windows-1252 ("â€™"): the text is garbled.
       "Coarse calcifications right breast; these ar\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t benign.",
       "Tyrer-Cuzick lifetime risk 22.5 %.", "Lifetime risk 25 percent.",
       "Mother BRCA2 carrier; patient tested positive as well.",
       // An abbreviated request with the breast's letter before a clock position.
       "Rec US-guided CNB L 2:00.", "Rec stereo-guided CNB L 2:00.",
       // A report void or deferred, a biopsy not done, a request in a part of its own.
       "BI-RADS 2.\nAddendum: please disregard the above report; wrong patient.",
       "This report is void.", "BI-RADS: deferred.", "Biopsy aborted; target not reached.",
       "Patient did not attend for biopsy of the left breast calcifications.",
       "Coarse calcification right breast, for biopsy.", "Please ignore this report.",
       "Correction: left, not right.", "Left breast 4.",
       // Hostile review 72: void reports and a category deferred, in other words.
       "Coarse calcifications right breast. Erroneous report.",
       "Coarse calcifications right breast. This report was sent in error.",
       "Coarse calcifications right breast. Category to be given after comparison.",
       // A denial of their benign call is no denial of them.
       "There is no evidence that the left breast calcifications are benign.",
       "The left breast calcifications can no longer be regarded as benign.",
       // "Previously unseen" is new, not the past (hostile review 71).
       "Previously unseen calcifications, left breast.",
       "Previously absent calcifications are now seen in the left breast.",
       "Calcifications left breast not identified on prior mammograms.",
       // Only the scale's top is a scale: "2 of 4" says a 4.
       "BI-RADS 2 of 4.",
       // A question mark written onto the word asks about it; it ends no sentence.
       "?benign", "BI-RADS 2. ?benign"},
      true);
  expect_review({"No suspicious masses or calcifications, benign examination. BI-RADS 2.",
                 "No suspicious calcifications and stable benign findings. BI-RADS 2.",
                 "Coarse calcifications right breast, benign (no suspicious calcifications on the "
                 "left). BI-RADS 2.",
                 "Coarse calcifications right breast, MRI negative. BI-RADS 2.",
                 "Coarse calcifications right breast, biopsy proven fibroadenoma. BI-RADS 2.",
                 "Stable post-surgical skin thickening and dystrophic calcifications right breast. "
                 "BI-RADS 2.",
                 "Coarse calcifications right breast; no axillary lymphadenopathy. BI-RADS 2.",
                 "Coarse calcification right breast, status post biopsy. BI-RADS 2.",
                 "BI-RADS 2. Annual screening mammography recommended, next due January 2027.",
                 "Risk assessment: average risk (Tyrer-Cuzick lifetime risk 9%). BI-RADS 2.",
                 "Lifetime risk calculated at 12%, average. BI-RADS 2.",
                 "Rec annual screening mammogram. BI-RADS 2."},
                false);
  // Hostile review 71: text its character set did not decode (Latin-1 bytes read as UTF-8, UTF-8
  // read as Latin-1) lost its words.
  expect_review({"Round calcifications, n\xE9t benign. BI-RADS 2.",
                 "Round calcifications, n\xEF\xBF\xBDt benign. BI-RADS 2.",
                 "Round calcifications, malignit\xC3\x83\xC2\xA4t. BI-RADS 2."},
                true);
  // Hostile review 71: a restatement of the coded finding with a doubt in a contraction or a
  // suspicion in a clause of its own was read as the restatement alone.
  for (const char* text : {"Coarse calcifications right breast; malignancy can't be excluded.",
                           "Coarse calcifications right breast; can\xE2\x80\x99t rule out DCIS.",
                           "Coarse calcifications right breast; these aren't benign.",
                           "Coarse calcifications right breast; malignancy has not been excluded.",
                           "Coarse calcifications right breast; DCIS is a consideration.",
                           "Coarse calcifications right breast; I am worried about DCIS.",
                           // A denial in a parenthesis speaks of what it names, not of the group
                           // before it.
                           "Pleomorphic calcifications left breast (not seen on the right).",
                           "Amorphous calcifications left breast (right breast: none).",
                           "New left breast calcifications (none on the right).",
                           // A sign beside the calcifications the sentence restates.
                           "Right breast coarse calcification at site of palpable lump.",
                           "Coarse calcification right breast with overlying skin thickening."}) {
    expect_review_beside_benign(text, Unassessed::Any);
  }
  expect_review({"Coarse calcifications right breast; they don't need a biopsy. BI-RADS 2."},
                false);
  // Hostile review 71, A1: calcifications named again with no kind of their own, or called
  // irregular in form, beside the kind that restates the coded finding: no kind read describes
  // them, so the exam is reviewed.
  expect_review({"Coarse calcification right breast with adjacent microcalcifications. BI-RADS 2.",
                 "Coarse calcifications right breast, some irregular in shape. BI-RADS 2.",
                 "Coarse calcifications right breast and a few tiny calcifications. BI-RADS 2.",
                 "Coarse calcifications right breast, several angular. BI-RADS 2.",
                 // A2: felt or tender where they are.
                 "Coarse calcifications right breast, palpable. BI-RADS 2.",
                 "Coarse calcifications right breast in the area of the palpable abnormality.",
                 "Coarse calcifications right breast, tender on examination. BI-RADS 2.",
                 // F: a category left blank.
                 "Coarse calcifications right breast. BI-RADS: -",
                 "Coarse calcifications right breast. BI-RADS: ___",
                 "Coarse calcifications right breast. BI-RADS category: [ ]",
                 "Coarse calcifications right breast. BI-RADS:",
                 "Coarse calcifications right breast. BI-RADS: tbd.",
                 // A word the lexicon knows by a role stays unread where nothing took it.
                 "Coarse calcifications right breast. Left breast: jagged.",
                 "Coarse calcifications right breast. Left breast: unassigned.",
                 // G and J: a biopsy asked for on a condition, or in a relative clause.
                 "Coarse calcifications right breast. If these calcifications are new, biopsy "
                 "would be indicated. BI-RADS 2.",
                 "Coarse calcifications right breast, which should be biopsied."},
                true);
  expect_review({"Coarse calcifications right breast, no associated microcalcifications. "
                 "BI-RADS 2.",
                 "Coarse calcifications right breast and similar calcifications nearby. BI-RADS 2.",
                 "Coarse calcifications right breast. No irregular mass. BI-RADS 2.",
                 "Coarse calcifications right breast, not palpable. BI-RADS 2.",
                 "Coarse calcifications right breast. No palpable abnormality. BI-RADS 2.",
                 "Coarse calcifications right breast, reported per BI-RADS. BI-RADS: 2.",
                 "Coarse calcifications right breast. BI-RADS Category 2 - Benign.",
                 // Hostile review 72: a risk estimate names no cancer of now (it gave 4).
                 "Coarse calcifications right breast. Average risk of breast cancer. BI-RADS 2.",
                 "Coarse calcifications right breast. Lifetime risk of breast cancer 12%. BI-RADS "
                 "2."},
                false);
  // Hostile review 75: a sign in a part of its own after the group's stability, other signs and
  // "new" in other words, beside the restated coded finding.
  expect_review(
      {"Coarse calcifications right breast, stable since 2024, with overlying skin "
       "thickening and nipple retraction.",
       "Coarse calcifications right breast, stable since 2024, at the site of focal pain.",
       "Coarse calcifications right breast, stable since 2024 and a 9 mm lump.",
       "Coarse calcifications right breast, corresponding to the area of clinical concern.",
       "Coarse calcifications right breast, measuring 25 mm, with a spiculated margin.",
       "Coarse calcifications right breast, stable since 2024, within an area of skin "
       "dimpling.",
       "Coarse calcifications right breast, stable since 2024, underlying an inverted "
       "nipple.",
       "Coarse calcifications right breast, interval appearance since 2024.",
       "Coarse calcifications right breast, de novo.",
       "Coarse calcifications right breast, not on the prior of 2024.",
       // One sentence hedges what another states without doubt, in either order.
       "Coarse calcifications right breast, favored benign. Benign popcorn calcifications, right "
       "breast. BI-RADS 2.",
       "Benign popcorn calcifications, right breast. Coarse calcifications right breast, of "
       "uncertain significance. BI-RADS 2."},
      true);
  // A denied associated mass is none (it gave 4A and a biopsy).
  expect_review({"Coarse calcifications right breast, no associated mass. "
                 "BI-RADS 2.",
                 // "Skin" before a sign is the sign's place, no denied skin calcification.
                 "Coarse calcifications right breast. No skin thickening or nipple retraction. "
                 "BI-RADS 2.",
                 // A relative's disease outside a history heading.
                 "Coarse calcifications right breast. Family history of breast cancer in mother "
                 "at age 70. BI-RADS 2."},
                false);
  expect_review({"Coarse calcifications right breast. Lifetime risk of breast cancer 25%.",
                 "Coarse calcifications right breast. High risk of malignancy."},
                true);
  const Report other_side =
      beside_benign_coded("Pleomorphic calcifications left breast (not seen on the right).");
  for (const BreastSummary& breast : other_side.exam.breasts) {
    if (breast.laterality == Laterality::Right) {
      EXPECT_EQ(breast.category, Category::Benign2);
    }
  }
  const Report biopsy = beside_benign_coded("Rec US-guided CNB L 2:00.");
  // Read as the biopsy it asks for, not only as a request unread.
  EXPECT_NE(exam_warning(biopsy, WarningCode::FollowUpDiffers), nullptr);
  EXPECT_EQ(beside_benign_coded("BI-RADS 2 of 4.").exam.category, Category::Suspicious4);
  // A category as some systems print it; a number no category is, said (hostile review 71).
  EXPECT_EQ(beside_benign_coded("BI-RADS 5.0.").exam.category, Category::HighlySuggestive5);
  EXPECT_EQ(beside_benign_coded("BI-RADS 04.").exam.category, Category::Suspicious4);
  expect_review({"BI-RADS 4.5.", "BI-RADS 2.5.", "BI-RADS 123456789012345678901234567890."}, true);
  expect_review({"BI-RADS 2.0."}, false);
}

TEST(PairingSafety69, BothBreastsAreNoConflictWithTheProcedureBreast) {
  // Hostile review 69: "Gefäßverkalkungen beidseits" beside a coded vascular finding whose breast
  // came from the procedure (right) paired its left half with that finding too: a laterality
  // conflict "right, left" and the left breast said of a right finding.
  const auto vascular = [] {
    return coded_finding(
        "1.2.2.1", {property("1.2.2.1.1", codes::kCalcificationType, code_of(Morphology::Vascular)),
                    property("1.2.2.1.2", codes::kAssessmentCategory, code_of(Category::Benign2))});
  };
  for (const char* text :
       {"Vascular calcifications in both breasts.", "Bilateral vascular calcifications."}) {
    const Report report = summarise({text, "", Laterality::Right, {vascular()}});
    const auto coded = of_origin(report, Origin::BreastImagingReport);
    ASSERT_EQ(coded.size(), 1U) << text;
    EXPECT_EQ(coded.front()->laterality, Laterality::Right) << text;
    EXPECT_EQ(coded.front()->laterality_source, LateralitySource::Procedure) << text;
    EXPECT_TRUE(coded.front()->alternatives.empty()) << text;
    // The left half is what it says: calcifications on a breast with no coded finding.
    const auto narrative = of_origin(report, Origin::Narrative);
    ASSERT_EQ(narrative.size(), 1U) << text;
    EXPECT_EQ(narrative.front()->laterality, Laterality::Left) << text;
    EXPECT_NE(exam_warning(report, WarningCode::NarrativeDiscordant), nullptr) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  // Text of the other breast alone is still a conflict with the procedure's breast.
  const Report other = summarise(
      {"Vascular calcifications in the left breast.", "", Laterality::Right, {vascular()}});
  const auto coded = of_origin(other, Origin::BreastImagingReport);
  ASSERT_EQ(coded.size(), 1U);
  EXPECT_EQ(coded.front()->laterality_source, LateralitySource::Conflicting);
}

// Hostile review 74: one sentence describing two coded findings alike pairs with neither, and
// its breast was lost: both kept the procedure's left breast, benign and unreviewed, while the
// text places them on the right. Each is given the text's breast as a paired one is: a conflict.
TEST(PairingSafety74, TextDescribingSeveralCodedFindingsGivesEachItsBreast) {
  const auto finding = [](const std::string& at, Morphology morphology) {
    return coded_finding(
        at, {property(at + ".1", codes::kCalcificationType, code_of(morphology)),
             property(at + ".2", codes::kAssessmentCategory, code_of(Category::Benign2))});
  };
  const std::string text =
      "Coarse popcorn-like calcification and vascular calcifications, right "
      "breast.";
  const Report report = summarise(
      {text,
       "",
       Laterality::Left,
       {finding("1.2.2.1", Morphology::CoarsePopcorn), finding("1.2.2.2", Morphology::Vascular)}});
  const auto coded = of_origin(report, Origin::BreastImagingReport);
  ASSERT_EQ(coded.size(), 2U);
  for (const Finding* each : coded) {
    EXPECT_EQ(each->laterality_source, LateralitySource::Conflicting) << each->position;
  }
  for (const Decision& decision : report.decisions) EXPECT_TRUE(decision.needs_review);
  EXPECT_TRUE(report.exam.needs_review);
  // Placed on the procedure's breast, the text agrees: no conflict.
  const Report agreeing = summarise(
      {text,
       "",
       Laterality::Right,
       {finding("1.2.2.1", Morphology::CoarsePopcorn), finding("1.2.2.2", Morphology::Vascular)}});
  for (const Finding* each : of_origin(agreeing, Origin::BreastImagingReport)) {
    EXPECT_EQ(each->laterality, Laterality::Right) << each->position;
  }
  // Text of the left breast beside a coded finding alike of its own left breast describes that
  // one: another alike, of no breast, is not given the left.
  ContentItem left = finding("1.2.2.1", Morphology::CoarsePopcorn);
  left.children.push_back(side("1.2.2.1.9", Laterality::Left));
  const Report each_breast = summarise({"Coarse popcorn-like calcifications of the left breast.",
                                        "",
                                        std::nullopt,
                                        {left, finding("1.2.2.2", Morphology::CoarsePopcorn)}});
  const auto both = of_origin(each_breast, Origin::BreastImagingReport);
  ASSERT_EQ(both.size(), 2U);
  EXPECT_EQ(both[0]->laterality, Laterality::Left);
  EXPECT_EQ(both[1]->laterality, Laterality::Unknown);
  EXPECT_EQ(both[1]->laterality_source, LateralitySource::None);
}

// Hostile review 78: benignity the text denies or takes back ("which do not look benign", "no
// longer regarded as benign") restated a coded probably benign group, unreviewed; it is
// uncertain at least (C14), never probably benign. A plain restatement asks for nothing.
TEST(PairingSafety78, BenignityDeniedOfAProbablyBenignGroupAsksForReview) {
  for (const char* text : {"Grouped punctate calcifications left breast, which do not look benign.",
                           "Grouped punctate calcifications left breast, no longer regarded as "
                           "benign.",
                           "Grouped punctate calcifications left breast, no longer benign.",
                           "Grouped punctate calcifications left breast, not typical of a benign "
                           "process.",
                           // Hostile review 79.
                           "Grouped punctate calcifications left breast, hardly benign.",
                           "Grouped punctate calcifications left breast, lacking typical benign "
                           "features.",
                           "Grouped punctate calcifications left breast, which looked benign in "
                           "2024 but not today.",
                           "Grouped punctate calcifications left breast, of doubtful benignity."}) {
    const Report report = summarise({text, "", std::nullopt, {punctate_grouped_left_at_2()}});
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::ProbablyBenign) << text;
  }
  const Report plain = summarise({"Grouped punctate calcifications left breast at 2 o'clock.",
                                  "",
                                  std::nullopt,
                                  {punctate_grouped_left_at_2()}});
  EXPECT_FALSE(plain.exam.needs_review);
  // A suspicion denied before a comma takes nothing from a benign call after it (hostile review
  // 79: "…, not suspicious, benign." beside a coded 2 asked for review).
  EXPECT_FALSE(beside_benign_coded("Coarse calcifications right breast, not suspicious, benign.")
                   .exam.needs_review);
}

// Hostile review 78: a change said after a semicolon ("…; they have increased in number", "…;
// new since 2024") was dropped, the coded probably benign group restated unreviewed; it is
// theirs as after a full stop. A course that says stable leaves them probably benign.
TEST(PairingSafety78, AChangeAfterASemicolonIsTheirs) {
  const std::string lead = "Grouped punctate calcifications at 2 o'clock in the left breast; ";
  for (const char* said : {"they have increased in number since 2024.", "these are new.",
                           "increasing in number.", "new since 2024.", "not seen previously."}) {
    const Report report =
        summarise({lead + said, "", std::nullopt, {punctate_grouped_left_at_2()}});
    EXPECT_TRUE(report.exam.needs_review) << said;
    EXPECT_EQ(report.exam.classification, Classification::Suspicious) << said;
  }
  for (const char* said : {"they are stable.", "unchanged since 2024."}) {
    const Report report =
        summarise({lead + said, "", std::nullopt, {punctate_grouped_left_at_2()}});
    EXPECT_EQ(report.exam.classification, Classification::ProbablyBenign) << said;
  }
}

// ---- Hostile review 90 (S1): calcifications named again with no kind after benign ones ----

// Calcifications of no kind named in a later sentence after benign-kind ones are no restatement
// when the sentence says more than a restatement would (small, grouped, counted, another,
// irregular, not assessable), nor small ones of no kind before a coarse kind: each is weighed on
// its own, never taken for the benign group (the benign kind reassured about them).
TEST(PairingSafety90, CalcificationsOfNoKindAfterBenignOnesAreNotTakenForThem) {
  expect_review({"Grouped microcalcifications.", "Also irregular calcifications.",
                 "Also angular calcifications.", "A second cluster of calcifications.",
                 "Additional cluster of calcifications.", "Cluster of 6 calcifications.",
                 "Nearby calcifications cannot be assessed.",
                 "A separate cluster of calcifications, not yet characterized.",
                 "Right breast: a cluster of calcific densities."},
                true, "Popcorn calcifications right breast. ");
  expect_review({"Microcalcifications right breast. Popcorn calcifications right breast.",
                 "Irregular calcifications. Benign calcifications.",
                 "Calcifications cannot be assessed. Benign calcifications."},
                true);
  // What restates them stays a restatement.
  expect_review({"These calcifications are benign.", "The calcifications are typically benign.",
                 "Benign calcifications, right breast."},
                false, "Popcorn calcifications right breast. ");
}

// Hostile review 90 (S3): short requests and changed assessments beside a benign report are read.
TEST(PairingSafety90, ShortRequestsAndChangedAssessmentsAskForReview) {
  expect_review({"Upgraded.", "Upgrade.", "Category raised after double reading.",
                 "Report amended.", "Follow-up in 6 mths.", "Follow-up in half a year.",
                 "Follow-up in 26 weeks.", "Repeat at 6 mo.", "Excise.", "For excision.",
                 "Hookwire.", "Stereo core.", "US-guided core.", "Mammotome.", "CEM."},
                true, "BI-RADS 2. ");
  expect_review({"Not upgraded.", "Return to routine screening in 1 year."}, false, "BI-RADS 2. ");
}

// Hostile review 90 (S4): a count told twice in figures is never silently one of them.
TEST(PairingSafety90, CountsThatDifferAskForReview) {
  expect_review({"Calcifications now number 15, previously 3.", "Count 3 -> 15.",
                 "15 calcifications, previously 3.", "Now 15 (previously 3).", "Up from 3 to 15."},
                true, "Popcorn calcifications right breast. ");
  expect_review({"Benign popcorn calcifications right breast, 1 lesion, 2 views.",
                 "Popcorn calcifications right breast, 2 views, BI-RADS 2."},
                false);
}

// Hostile review 91 (S3): a request in the findings text is never dropped; a follow-up whose
// result the findings report is none.
TEST(PairingSafety91, AFollowUpTheFindingsAskForAsksForReview) {
  expect_review(
      {"Follow-up in 6 months.", "Recommend 6-month follow-up.", "Short-interval follow-up."}, true,
      "Popcorn calcifications right breast. ");
  const auto asks_in_findings = [](const std::string& findings_text) {
    const Report report = summarise(
        {findings_text, "BI-RADS 2.", std::nullopt, {coarse_right_benign()}, Category::Benign2});
    return std::any_of(report.input.notes.begin(), report.input.notes.end(),
                       [](const ReaderNote& note) {
                         return note.text.find("the findings text asks for") != std::string::npos;
                       });
  };
  EXPECT_TRUE(asks_in_findings("Popcorn calcifications right breast. Follow-up in 6 months."));
  EXPECT_FALSE(
      asks_in_findings("Popcorn calcifications right breast, stable on 6 month follow-up."));
  EXPECT_FALSE(asks_in_findings("Popcorn calcifications right breast, unchanged at 6 months."));
}

// Hostile review 91 (S4): more short requests beside BI-RADS 2; the past stays the past.
TEST(PairingSafety91, MoreShortRequestsAskForReview) {
  expect_review({"Hook wire.", "Wire loc.", "Needle loc.", "WLE.", "Lumpectomy.", "Spot mag.",
                 "6/12 f/u.", "FU 6 mo.", "Second opinion.", "Revised upward.", "Tomo."},
                true, "BI-RADS 2. ");
  expect_review({"Status post lumpectomy 2019.", "S/p lumpectomy."}, false, "BI-RADS 2. ");
}

// Hostile review 92: a count told twice in words, with an arrow or as "n=".
TEST(PairingSafety92, CountsInWordsOrWithAnArrowThatDifferAskForReview) {
  expect_review({"Popcorn calcifications right breast, now fifteen, previously three.",
                 "Popcorn calcifications right breast, now twelve, previously three.",
                 "Popcorn calcifications right breast, count 3 \u2192 15.",
                 "Popcorn calcifications right breast, n=15 (previously n=3)."},
                true);
  expect_review({"Popcorn calcifications right breast, two views.",
                 "Popcorn calcifications right breast, three."},
                false);
}

// Hostile review 91: more of the calcifications, said only by where they are, after a benign
// group; a breast named in a sentence of its own that heads nothing.
TEST(PairingSafety91, MoreOfThemSaidOnlyByWhereAskForReview) {
  expect_review(
      {"A few in the left breast.", "Also some in the left breast.", "Another at 9 o'clock.",
       "Also at 9 o'clock.", "Several in the left breast.", "Another in the upper outer quadrant."},
      true, "Popcorn calcifications right breast. ");
  expect_review({"BI-RADS 2. Left breast.", "BI-RADS 2. Side: left.", "BI-RADS 2. Right.",
                 "Popcorn calcifications right breast. Left breast."},
                true);
  expect_review({"Another lymph node in the left axilla.", "Right breast. BI-RADS 2."}, false,
                "Popcorn calcifications right breast. ");
}

// Hostile review 93 (S2): more imaging named alone beside a benign category asks for review.
TEST(PairingSafety93, ImagingNamedAloneAsksForReview) {
  expect_review({"Diagnostic mammogram of the left breast.", "Bilateral diagnostic mammogram.",
                 "DBT of the left breast.", "DBT.", "Tomosynthesis.",
                 "XCCL view of the right breast.", "XCCL.", "LM view.", "ML view.",
                 // Hostile review 94 (S1).
                 "Spot view.", "Magnification.", "Exaggerated CC.", "True lateral.",
                 "Tangential view.", "Contrast-enhanced mammography.", "US.", "Galactography."},
                true, "BI-RADS 2. ");
  // The standard views and the exam itself describe what was done.
  expect_review({"Screening mammogram in 1 year.", "Annual screening mammogram.",
                 "Tomosynthesis performed.", "3 views obtained.", "Diagnostic quality images.",
                 "Standard CC and MLO views of both breasts."},
                false, "BI-RADS 2. ");
}

// Review of session 60: what the session's changes must not silence. A category after a breast
// is read; a request beside imaging reported done is read; a more-of word or a number above the
// counts with no group formed is said.
TEST(PairingSafety60, WhatTheNewReadingsMustNotSilence) {
  const std::string benign = "Coarse and vascular calcifications, right breast. Benign. ";
  for (const char* text : {"Left 4.", "Right 2, left 4.", "Left 5."}) {
    const Report report = beside_benign_coded(benign + text);
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  expect_review(
      {"Tomosynthesis performed, biopsy recommended.",
       "DBT obtained; stereotactic biopsy is recommended.",
       "XCCL obtained, recommend spot magnification views.",
       "Diagnostic mammogram performed, short-interval follow-up in 6 months.",
       "Several in the left breast.", "More in the left breast.", "Others in the left breast.",
       "Multiple at 2 o'clock left.", "Fifteen in the left breast.", "Twenty."},
      true, benign);
}

// Hostile review 94 (S3): a second, higher category after a bracketed label or as a roman
// numeral is never lost.
TEST(PairingSafety94, ASecondCategoryIsNeverLost) {
  for (const char* text : {"BI-RADS 2 (mammo), 4 (final).", "BI-RADS II-IV.", "BI-RADS II, IV.",
                           "BI-RADS 2 (MG) / 4 (US)."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
    EXPECT_TRUE(report.exam.needs_review) << text;
  }
  expect_review({"BI-RADS 2 (benign).", "BI-RADS 2 (see above).", "BI-RADS II."}, false);
}

// Hostile review 94: a report corrected, void or mixed up, and more work-up said alone.
TEST(PairingSafety94, CorrectionsMixUpsAndWorkUpsAskForReview) {
  expect_review({"Corrected.", "Revised.", "Void.", "Wrong side.", "Disputed.", "Critical result.",
                 "Aspiration.", "Expedite."},
                true, "BI-RADS 2. ");
}

// Hostile review 94 (S11): a palpable lump named by its triangle skin marker.
TEST(PairingSafety94, ATriangleMarkerAsksForReview) {
  expect_review({"Popcorn calcifications right breast at the site of the triangle marker."}, true);
}

// Hostile review 94 (S10): a biopsy, clip or wire that missed its target, in other words.
TEST(PairingSafety94, MissedTargetsInOtherWordsAskForReview) {
  expect_review({"Cores without calcifications.", "No calcs in specimen.",
                 "Clip 2 cm from the target.", "Wire 2 cm from target.", "Clip far from target."},
                true, "BI-RADS 2. ");
}

// Hostile review 92: a short interval alone, or in UK twelfths, beside a benign report asks for
// review; a date that begins like one does not.
TEST(PairingSafety92, AShortIntervalAloneAsksForReview) {
  expect_review({"6 mo.", "Left breast: 6 mo.", "Review at 6/12.", "6/12 review."}, true,
                "Popcorn calcifications right breast. ");
  expect_review({"Compared with 6/12/2024."}, false, "Popcorn calcifications right breast. ");
}

// Hostile review 91 (S6): the kinds said in plain words count (fine pleomorphic, amorphous, fine
// linear branching).
TEST(PairingSafety91, KindsInPlainWordsCount) {
  for (const char* kind :
       {"polymorphic", "varying sizes and shapes", "variable in shape", "of mixed morphology",
        "partly dust-like", "partly fuzzy", "partly hazy", "partly worm-like"}) {
    const Report report =
        beside_benign_coded("Popcorn calcifications right breast, " + std::string(kind) + ".");
    EXPECT_EQ(report.exam.classification, Classification::Suspicious) << kind;
  }
}

// Hostile review 91 (S6): what "only a …" or "beyond a …" names after a denial is affirmed.
TEST(PairingSafety91, OnlyAClusterAfterADenialIsAffirmed) {
  for (const char* text : {"No suspicious calcifications, only a faint cluster at 9 o'clock.",
                           "No new calcifications, beyond a faint cluster at 9 o'clock."}) {
    const Report report =
        beside_benign_coded("Popcorn calcifications right breast. " + std::string(text));
    EXPECT_EQ(report.exam.classification, Classification::Suspicious) << text;
  }
  EXPECT_FALSE(beside_benign_coded("Popcorn calcifications right breast. Only benign "
                                   "calcifications.")
                   .exam.needs_review);
}

// Review of session 59: a label that is no breast noun stays a statement of that breast; an
// exam part not assessable is a limit; a biopsy the findings ask for is never a result reported.
TEST(PairingSafety91, ReviewOfSession59) {
  expect_review(
      {"Excision: right.", "Upgraded: right.", "The right breast cannot be adequately assessed.",
       "The left breast cannot be adequately assessed."},
      true);
  EXPECT_TRUE(summarise({"Popcorn calcifications right breast stable since 2024 biopsy "
                         "recommended.",
                         "BI-RADS 2.",
                         std::nullopt,
                         {coarse_right_benign()},
                         Category::Benign2})
                  .exam.needs_review);
  const auto counts_differ = [](const std::string& text) {
    const Report report = summarise_text(text);
    return std::any_of(
        report.input.findings.begin(), report.input.findings.end(), [](const Finding& finding) {
          return std::any_of(
              finding.notes.begin(), finding.notes.end(), [](const ReaderNote& note) {
                return note.text.find("differ: whether they count") != std::string::npos;
              });
        });
  };
  EXPECT_TRUE(counts_differ("Popcorn calcifications right breast, count 3 -> 15."));
  EXPECT_FALSE(counts_differ(
      "Popcorn calcifications right breast, compared with 3 prior exams, series 2 image 14."));
}

// Hostile review 91 (S5): a category given by a verb, or a number asked alone, is a category.
TEST(PairingSafety91, ACategoryGivenByAVerbIsACategory) {
  for (const char* text : {"Rated 4 at consensus.", "Read as 4 by second reader.",
                           "Scored 4 at double reading.", "Assessed as 4 elsewhere.", "4?"}) {
    const Report report = beside_benign_coded("BI-RADS 2. " + std::string(text));
    EXPECT_EQ(report.exam.classification, Classification::Suspicious) << text;
  }
  expect_review({"Rated benign.", "Read as benign."}, false, "BI-RADS 2. ");
}

// Hostile review 92: a denial that affirms what follows ("No more than a few …") denies nothing.
TEST(PairingSafety92, ADenialThatAffirmsDeniesNothing) {
  for (const char* text : {"No more than a few amorphous calcifications in the left breast.",
                           "Not more than 3 fine pleomorphic calcifications in the left breast.",
                           "No other findings than amorphous calcifications in the left breast."}) {
    EXPECT_EQ(summarise_text(text).exam.classification, Classification::Suspicious) << text;
  }
}

// Hostile review 92: a bare category after a breast named in a sentence of its own is that
// breast's ("Left breast. 4B."), never a list's number dropped.
TEST(PairingSafety92, ABareCategoryAfterABreastSentenceIsRead) {
  for (const char* text : {"BI-RADS 2. Right breast. 2. Left breast. 4B.",
                           "BI-RADS 2. Left breast. 5.", "BI-RADS 2. Side: left. 4B."}) {
    EXPECT_EQ(beside_benign_coded(text).exam.classification, Classification::Suspicious) << text;
  }
}

// Hostile review 92: short requests in the findings, and a follow-up "on 6 months" recommended.
TEST(PairingSafety92, ShortRequestsInTheFindingsAskForReview) {
  for (const char* text : {"Recall.", "Surgical consult.", "Mag views.", "Additional views.",
                           "Targeted US.", "Follow-up on 6 months recommended.",
                           "Recommend follow-up on 6 months.", "MDT.", "Diagnostic workup."}) {
    EXPECT_TRUE(summarise({"Popcorn calcifications right breast. " + std::string(text),
                           "BI-RADS 2.",
                           std::nullopt,
                           {coarse_right_benign()},
                           Category::Benign2})
                    .exam.needs_review)
        << text;
  }
  // What lies there is no request ("Biopsy clip.").
  EXPECT_FALSE(summarise({"Popcorn calcifications right breast. Biopsy clip.",
                          "BI-RADS 2.",
                          std::nullopt,
                          {coarse_right_benign()},
                          Category::Benign2})
                   .exam.needs_review);
}

// Hostile review 95, S2: text that restates the coded finding and gives it another arrangement
// after a semicolon ("…; regional distribution") was read without it, or restated it silently
// ("diffuse" beside a coded grouped one). Another arrangement is a second value, for review; the
// same one restates.
TEST(PairingSafety95, AnotherArrangementForTheCodedFindingAsksForReview) {
  const auto with_findings = [](const std::string& text) {
    return summarise(
        {text, "BI-RADS 2.", std::nullopt, {coarse_right_benign()}, Category::Benign2});
  };
  for (const char* text :
       {"Coarse popcorn-like calcifications in the right breast; grouped distribution.",
        "Coarse popcorn-like calcifications in the right breast; regional distribution.",
        "Coarse popcorn-like calcifications in the right breast, grouped."}) {
    const Report report = with_findings(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.category, Category::Benign2) << text;
  }
  EXPECT_FALSE(
      with_findings("Coarse popcorn-like calcifications in the right breast; diffuse distribution.")
          .exam.needs_review);
  // Diffuse, the benign arrangement, beside a coded grouped finding at the same place: still a
  // second value (it restated the group silently).
  const ContentItem grouped = coded_finding(
      "1.2.2.1",
      {side("1.2.2.1.1", Laterality::Right),
       property("1.2.2.1.2", codes::kCalcificationType, code_of(Morphology::CoarsePopcorn)),
       property("1.2.2.1.3", codes::kCalcificationDistribution, code_of(Distribution::Grouped)),
       property("1.2.2.1.4", codes::kAssessmentCategory, code_of(Category::Benign2))});
  for (const char* text :
       {"Coarse popcorn-like calcifications in the right breast; diffuse distribution.",
        "Coarse popcorn-like calcifications, diffuse, right breast."}) {
    const Report report =
        summarise({text, "BI-RADS 2.", std::nullopt, {grouped}, Category::Benign2});
    EXPECT_TRUE(report.exam.needs_review) << text;
    ASSERT_EQ(report.input.findings.size(), 1U) << text;
    EXPECT_FALSE(report.input.findings[0].conflicts.empty()) << text;
  }
  EXPECT_FALSE(summarise({"Coarse popcorn-like calcifications, grouped, right breast.",
                          "BI-RADS 2.",
                          std::nullopt,
                          {grouped},
                          Category::Benign2})
                   .exam.needs_review);
  // Said only after the semicolon, text of its own still reads the arrangement.
  const Report text_only =
      summarise_text("Amorphous calcifications in the left breast; segmental distribution.");
  ASSERT_FALSE(text_only.input.findings.empty());
  ASSERT_TRUE(text_only.input.findings[0].distribution.has_value());
  EXPECT_EQ(text_only.input.findings[0].distribution->term, Distribution::Segmental);
}

// Hostile review 94, S6: an exception that opens the sentence ("Apart from 9 o'clock, no other
// calcifications …") or follows the negation as "save the …" affirms calcifications at its place;
// they were read as denied, benign, unreviewed.
TEST(PairingSafety94, AnExceptionBeforeTheDenialAffirmsItsPlace) {
  for (const char* text :
       {"Apart from 9 o'clock, no other calcifications in the left breast.",
        "Except at 9 o'clock no calcifications in the left breast.",
        "Other than the group at 9 o'clock, no suspicious calcifications in the left breast.",
        "No other calcifications save the 9 o'clock group in the left breast.",
        "No calcifications in the left breast save at 9 o'clock."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
  }
  // Hostile review 96, S1: more exception wordings.
  for (const char* text :
       {"With the exception of the 9 o'clock region, no calcifications in the left breast.",
        "No calcifications in the left breast outside of the 9 o'clock region.",
        "Beyond the 9 o'clock cluster, no calcifications in the left breast.",
        "Aside from 9 o'clock, no calcifications in the left breast."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
  }
  // With no place, nothing is excepted: the denial stands.
  expect_review({"Apart from that, no calcifications in the left breast."}, false);
}

// Hostile review 94, S2: a sentence of the impression that names no breast and is mostly words the
// lexicon does not know (a German sentence in an English report, a dictation gone wrong) was
// dropped: benign, unreviewed. Sentences of the exam in known words, one unknown among them, or
// denied, stay plain.
TEST(PairingSafety94, AnUnreadSentenceOfTheImpressionAsksForReview) {
  expect_review({"BI-RADS 2. Frobnicate the zorbles.", "Frobnicate the zorbles. BI-RADS 2.",
                 "BI-RADS 2. Malignitätsverdacht links."},
                true);
  expect_review({"BI-RADS 2. See above.", "BI-RADS 2. Continue screening per guidelines.",
                 "BI-RADS 2. No acute abdominal process.", "See supplementary coded data.",
                 "BI-RADS 2. Patient informed."},
                false);
}

// Hostile review 96, S3: calcifications in a clause after a breast named for a denied finding
// ("No mass in the left breast, but fine pleomorphic calcifications at 2 o'clock") are of that
// breast, never of the heading's or an earlier sentence's other breast (they were put on the
// right, a right biopsy advised).
TEST(PairingSafety96, ACalcificationClauseAfterADeniedFindingsBreastIsOfThatBreast) {
  for (const char* text :
       {"Right breast: benign popcorn calcification. No mass in the left breast, but fine "
        "pleomorphic calcifications at 2 o'clock.",
        "Benign popcorn calcification right breast. No mass in the left breast, but a few linear "
        "branching ones at 2 o'clock."}) {
    const Report report =
        summarise({text, "BI-RADS 2.", std::nullopt, {coarse_right_benign()}, Category::Benign2});
    const std::vector<const Finding*> narrative = of_origin(report, Origin::Narrative);
    ASSERT_EQ(narrative.size(), 1U) << text;
    EXPECT_EQ(narrative[0]->laterality, Laterality::Left) << text;
    EXPECT_EQ(report.exam.classification, Classification::Suspicious) << text;
  }
}

// Hostile review 96, S2: a suspicious kind named with a group word and no calcification word
// after a denial in the same sentence was dropped without trace.
TEST(PairingSafety96, AKindNamedWithAGroupWordAfterADenialIsRead) {
  for (const char* text :
       {"Left breast: no mass, a few linear branching ones at 2 o'clock.",
        "Left breast: no mass, a group of fine pleomorphic ones at 2 o'clock.",
        "Left breast: no mass and a few pleomorphic ones at 2 o'clock.",
        "Left breast: no suspicious calcifications, a few linear branching ones at 2 o'clock.",
        "No new calcifications in the left breast, just the known amorphous group at 2 o'clock."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_EQ(report.exam.classification, Classification::Suspicious) << text;
  }
  // The kind of calcifications named after it, or "ones" that are those just affirmed, make no
  // group of their own.
  const Report restated = summarise_text("Calcifications, e.g. punctate ones, in the left breast.");
  EXPECT_EQ(restated.input.text_mentions.size(), 1U);
}

// Hostile review 96, S5: a group placed by the words before it, the breast first ("Stable left
// 2 o'clock cluster."), was dropped beside a coded group of the other breast.
TEST(PairingSafety96, AGroupPlacedBeforeItIsRead) {
  for (const char* text :
       {"Stable left 2 o'clock cluster.", "The left 2 o'clock group is unchanged.",
        "The known left 2 o'clock cluster persists.",
        "The left breast 2 o'clock cluster is unchanged.", "Stable left breast cluster."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
    const std::vector<const Finding*> narrative = of_origin(report, Origin::Narrative);
    ASSERT_EQ(narrative.size(), 1U) << text;
    EXPECT_EQ(narrative[0]->laterality, Laterality::Left) << text;
  }
}

// Hostile review 96, S4, S8, S9: referrals and reassessments in other forms, benignity hedged
// in other words, and a disease of now in the history (residual, under surveillance) asked for
// nothing beside a benign coded group.
TEST(PairingSafety96, ReferralsHedgesAndResidualDiseaseAskForReview) {
  expect_review({"BI-RADS 2 for now; reassess after MRI.",
                 "BI-RADS 2. Will compare when priors are available.",
                 "BI-RADS 2. Benign, in all likelihood.", "BI-RADS 2. Not a classic appearance.",
                 "CLINICAL HISTORY: Left breast DCIS, lumpectomy 2026 with positive margins.\n"
                 "IMPRESSION: BI-RADS 2.",
                 "CLINICAL HISTORY: Left breast DCIS 2019, on active surveillance.\nIMPRESSION: "
                 "BI-RADS 2."},
                true);
  // Ordinary wordings of routine care stay plain (review of session 61).
  expect_review(
      {"BI-RADS 2. Thank you for referring this patient.",
       "BI-RADS 2. Typical benign popcorn calcification.",
       "CLINICAL HISTORY: Left breast DCIS 2015, lumpectomy with negative margins.\n"
       "IMPRESSION: BI-RADS 2.",
       "BI-RADS 2. Patient to follow up in one year.", "BI-RADS 2. Referred by Dr. Smith.",
       "BI-RADS 2. Reported by Anna Schmidt.", "BI-RADS 2. Kind regards, Anna Schmidt.",
       "BI-RADS 2. Anna Schmidt, Consultant Radiologist.",
       "Coarse calcifications right breast (image 4). BI-RADS 2."},
      false);
}

// Hostile review 96, S7: a number labelled by a word the lexicon does not read as a category,
// last on the line of the sentence that describes the calcifications, was passed over.
TEST(PairingSafety96, ALabelledNumberInACalcificationSentenceAsksForReview) {
  for (const char* text :
       {"Coarse calcifications right breast, Cat 4.", "Coarse calcifications right breast (cat 4).",
        "Coarse calcifications right breast, ACR 4.",
        "Coarse calcifications right breast (ACR 4)."}) {
    EXPECT_TRUE(beside_benign_coded(text).exam.needs_review) << text;
  }
  EXPECT_FALSE(
      beside_benign_coded("Coarse calcifications right breast, benign.").exam.needs_review);
}

// Hostile review 96, S6: more groups, or another arrangement, in the sentence that restates the
// coded finding were read as restating it.
TEST(PairingSafety96, MoreGroupsOrAnotherArrangementBesideTheCodedGroupAskForReview) {
  const auto with_findings = [](const std::string& text) {
    return summarise(
        {text, "BI-RADS 2.", std::nullopt, {coarse_right_benign()}, Category::Benign2});
  };
  for (const char* text : {
           "Coarse popcorn-like calcifications in the right breast; two further groups in the "
           "right "
           "breast.",
           "Coarse popcorn-like calcifications in the right breast; multiple similar clusters "
           "throughout the right breast.",
       }) {
    EXPECT_TRUE(with_findings(text).exam.needs_review) << text;
  }
  // A clock or a size before the group word counts no groups, and "in a row" is no
  // arrangement (review of session 61).
  for (const char* text : {"Coarse popcorn-like calcifications in the right breast, stable for "
                           "the third year in a row.",
                           "Coarse popcorn-like calcifications, right 3 o'clock group, benign."}) {
    const Report report = with_findings(text);
    for (const Finding& finding : report.input.findings) {
      for (const ReaderNote& note : finding.notes) {
        EXPECT_EQ(note.text.find("more than one group"), std::string::npos) << text;
      }
    }
    EXPECT_NE(report.exam.classification, Classification::Suspicious) << text;
  }
  // Widespread is diffuse, as the coded one is.
  EXPECT_FALSE(with_findings("Coarse popcorn-like calcifications in the right breast, widespread.")
                   .exam.needs_review);
}

// Hostile review 96, S10: text that plainly denies calcifications on the breast a coded finding
// has them on ("No calcifications in either breast.") stood beside it unquestioned.
TEST(PairingSafety96, APlainDenialOfTheCodedCalcificationsAsksForReview) {
  const auto with_findings = [](const std::string& text) {
    return summarise(
        {text, "BI-RADS 2.", std::nullopt, {coarse_right_benign()}, Category::Benign2});
  };
  for (const char* text : {"No calcifications in either breast.",
                           "No calcifications in the right breast.", "No calcifications."}) {
    const Report report = with_findings(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    ASSERT_EQ(report.input.findings.size(), 1U) << text;
    EXPECT_TRUE(report.decisions[0].needs_review) << text;
  }
  // Denials of some of them, or of the other breast, say nothing against the coded finding.
  for (const char* text :
       {"Coarse popcorn-like calcifications right breast. No suspicious "
        "calcifications.",
        "Coarse popcorn-like calcifications right breast. No new calcifications.",
        "No calcifications in the left breast."}) {
    EXPECT_FALSE(with_findings(text).exam.needs_review) << text;
  }
}

// Review of session 61: a word pointing elsewhere says nothing read of a breast nothing else
// describes ("Left breast: see below." passed as plain).
TEST(PairingSafety96, APointerElsewhereReadsNothingOfABreast) {
  expect_review({"Left breast: see below.", "Left breast: see supplementary data."}, true);
  expect_review({"BI-RADS 2. See above."}, false);
}

// Hostile review 97: "the other breast" after a breast named in a denial is the other one than
// that (it took the denied breast); a place after "only at" or "but at" following a denial holds
// calcifications; a report voided or images misplaced asks for review.
TEST(PairingSafety97, OtherBreastOnlyAtAndVoidedReports) {
  const auto breast_of_narrative = [](const std::string& text) {
    const Report report = beside_benign_coded(text);
    const std::vector<const Finding*> narrative = of_origin(report, Origin::Narrative);
    return narrative.size() == 1 ? narrative[0]->laterality : Laterality::Unknown;
  };
  EXPECT_EQ(breast_of_narrative("No mass in the left breast, but fine pleomorphic calcifications "
                                "at 9 o'clock in the other breast."),
            Laterality::Right);
  EXPECT_EQ(breast_of_narrative("No mass in the left breast, but fine pleomorphic calcifications "
                                "at 9 o'clock in the contralateral breast."),
            Laterality::Right);
  EXPECT_EQ(breast_of_narrative(
                "No mass in the left breast, but fine pleomorphic calcifications at 2 o'clock."),
            Laterality::Left);
  for (const char* text : {"No calcifications in the left breast, only at 9 o'clock.",
                           "No calcifications in the left breast, but at 9 o'clock."}) {
    const Report report = beside_benign_coded(text);
    EXPECT_TRUE(report.exam.needs_review) << text;
    EXPECT_NE(report.exam.classification, Classification::Benign) << text;
  }
  expect_review({"BI-RADS 2. Images mislabelled.", "BI-RADS 2. The report is invalid.",
                 "BI-RADS 2. Report revoked."},
                true);
}

}  // namespace
}  // namespace mammocalc
