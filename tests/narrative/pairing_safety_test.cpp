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
#include "narrative/narrative_test_support.hpp"
#include "narrative/text_use.hpp"
#include "rules/rules.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::code_item;
using testing::container;

constexpr CodeConst kNarrativeSummary{"111412", "DCM", "Narrative Summary"};
constexpr CodeConst kSupplementaryData{"111414", "DCM", "Supplementary Data"};
constexpr CodeConst kImpression{"121073", "DCM", "Impression"};
constexpr CodeConst kMammography{"71651007", "SCT", "Mammography"};

ContentItem text_item(const std::string& position, const CodeConst& name, const std::string& text) {
  ContentItem item;
  item.position = position;
  item.relationship = Relationship::Contains;
  item.value_type = ValueType::Text;
  item.concept_name = name.to_code();
  item.text = text;
  return item;
}

ContentItem property(const std::string& position, const CodeConst& name, const CodeConst& value) {
  return code_item(position, Relationship::HasProperties, name, value.to_code());
}

ContentItem side(const std::string& position, Laterality breast) {
  return code_item(position, Relationship::HasConceptMod, codes::kLaterality,
                   code_of(breast).to_code());
}

ContentItem coded_finding(const std::string& position, std::vector<ContentItem> items) {
  ContentItem finding = code_item(position, Relationship::Contains, codes::kFinding,
                                  codes::kCalcificationOfBreast.to_code());
  finding.children = std::move(items);
  return finding;
}

struct Report17 {
  std::string findings_text;            // the narrative's Findings text; empty: none
  std::string impression;               // the narrative's Impression text; empty: none
  std::optional<Laterality> procedure;  // the Procedure reported's laterality modifier
  std::vector<ContentItem> findings;    // coded findings, positions 1.2.2.N
};

// A TID 4200 report as PS3.17 Annex Q writes one: the narrative (1.1), then Supplementary Data
// (1.2) with one Procedure reported (1.2.1) and one Findings container (1.2.2).
SrDocument document_of(const Report17& report) {
  SrDocument document;
  document.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.22";
  document.root = container("1", codes::kBreastImagingReport);
  ContentItem narrative = container("1.1", kNarrativeSummary);
  ContentItem narrative_findings = container("1.1.1", codes::kFindings);
  if (!report.findings_text.empty()) {
    narrative_findings.children.push_back(
        text_item("1.1.1.1", codes::kFinding, report.findings_text));
  }
  if (!report.impression.empty()) {
    narrative_findings.children.push_back(text_item("1.1.1.2", kImpression, report.impression));
  }
  narrative.children.push_back(narrative_findings);
  document.root.children.push_back(narrative);
  ContentItem supplementary = container("1.2", kSupplementaryData);
  ContentItem procedure =
      code_item("1.2.1", Relationship::Contains, codes::kProcedureReported, kMammography.to_code());
  if (report.procedure) procedure.children.push_back(side("1.2.1.1", *report.procedure));
  supplementary.children.push_back(procedure);
  ContentItem findings = container("1.2.2", codes::kFindings);
  findings.children = report.findings;
  supplementary.children.push_back(findings);
  document.root.children.push_back(supplementary);
  return document;
}

// The findings as a summary reads them: coded content, then the text paired with it.
Findings findings_of(const SrDocument& document) {
  const PreparedWordings& wordings = narrative_test::shipped_prepared_wordings();
  NarrativeReading text = read_narrative(document, wordings);
  Findings findings = extract_findings(document, "pairing.dcm", text.breast_imaging_text);
  use_narrative(std::move(text), unilateral_procedure_laterality(document), findings);
  return findings;
}

Report summarise(const Report17& report) { return evaluate(findings_of(document_of(report))); }

bool exam_fired(const Report& report, std::string_view id) {
  return std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                     [&](const FiredRule& rule) { return rule.rule->id == id; });
}

const Warning* exam_warning(const Report& report, WarningCode code) {
  const auto found = std::find_if(report.exam.warnings.begin(), report.exam.warnings.end(),
                                  [&](const Warning& warning) { return warning.code == code; });
  return found == report.exam.warnings.end() ? nullptr : &*found;
}

std::vector<const Finding*> of_origin(const Report& report, Origin origin) {
  std::vector<const Finding*> out;
  for (const Finding& finding : report.input.findings) {
    if (finding.origin == origin) out.push_back(&finding);
  }
  return out;
}

// What every case here must show: the text is kept as a finding of its own, the exam warns
// narrative-discordant and needs review, and no mention of the sentence quoted restates.
void expect_kept_for_review(const Report& report, const std::string& sentence_part) {
  EXPECT_TRUE(exam_fired(report, "W8"));
  EXPECT_NE(exam_warning(report, WarningCode::NarrativeDiscordant), nullptr);
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_FALSE(of_origin(report, Origin::Narrative).empty());
  bool quoted = false;
  for (const TextMention& mention : report.input.text_mentions) {
    if (mention.sentence.text.find(sentence_part) == std::string::npos) continue;
    quoted = true;
    EXPECT_NE(mention.cross_check, TextCrossCheck::Restates) << mention.sentence.text;
    EXPECT_EQ(mention.cross_check, TextCrossCheck::Discordant) << mention.sentence.text;
  }
  EXPECT_TRUE(quoted) << "no mention quotes \"" << sentence_part << "\"";
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
  const Warning* warning = exam_warning(report, WarningCode::NarrativeDiscordant);
  ASSERT_NE(warning, nullptr);
  EXPECT_NE(warning->text.find("another place too (\"4 o'clock\")"), std::string::npos)
      << warning->text;
}

TEST(PairingSafety, ASecondClockNamedFirstIsKeptToo) {
  const Report report =
      summarise({"Amorphous calcifications at 4 o'clock and fine pleomorphic "
                 "calcifications at 10 o'clock in the right breast.",
                 "",
                 std::nullopt,
                 {fine_pleomorphic_grouped_right_at_10()}});
  expect_kept_for_review(report, "4 o'clock");
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

}  // namespace
}  // namespace mammocalc
