// Coded content and report text together (issue 17; decision-logic.md §6.3 row W8 and §6.4):
// where a coded finding's breast comes from, and how narrative findings pair with coded ones.
// Each test builds a TID 4200 report as the SR reader gives it and runs it through the stages a
// summary runs: the coded reader, the narrative reader, their pairing, the rules.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "annotations/annotation_merge.hpp"
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

bool has_conflict(const Finding& finding, FindingField field) {
  return std::any_of(finding.conflicts.begin(), finding.conflicts.end(),
                     [&](const ValueConflict& conflict) { return conflict.field == field; });
}

// The finding of PS3.17 Annex Q example 3, without a laterality of its own: heterogeneous
// regional calcifications at 1 o'clock, upper outer quadrant, assessed 3.
ContentItem annex_q_finding(std::vector<ContentItem> more = {}) {
  std::vector<ContentItem> items{
      property("1.2.2.1.1", codes::kAssessmentCategory, code_of(Category::ProbablyBenign3)),
      property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(1)),
      property("1.2.2.1.3", codes::kQuadrantLocation, code_of(Quadrant::UpperOuter)),
      property("1.2.2.1.4", codes::kCalcificationType, code_of(Morphology::CoarseHeterogeneous)),
      property("1.2.2.1.5", codes::kCalcificationDistribution, code_of(Distribution::Regional)),
  };
  for (ContentItem& item : more) items.push_back(std::move(item));
  return coded_finding("1.2.2.1", std::move(items));
}

const std::string kAnnexQText =
    "There are heterogeneous calcifications in a regional distribution in the 1 o'clock upper "
    "outer quadrant, anterior region of the left breast.";

// ---- Laterality from context (issue 17 item 1), in its order ----

TEST(LateralityFromContext, TheFindingsOwnLateralityStandsFirst) {
  const Findings findings = findings_of(document_of(
      {"", "", Laterality::Left, {annex_q_finding({side("1.2.2.1.9", Laterality::Left)})}}));
  ASSERT_EQ(findings.findings.size(), 1U);
  EXPECT_EQ(findings.findings[0].laterality, Laterality::Left);
  EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::Finding);
  EXPECT_EQ(findings.findings[0].laterality_position, "1.2.2.1.9");
}

TEST(LateralityFromContext, ALateralityOnTheFollowUpIsTheSubItemsAndComesBeforeTheProcedure) {
  ContentItem follow_up =
      property("1.2.2.1.8", codes::kRecommendedFollowUp, codes::kShortIntervalFollowUp);
  follow_up.children.push_back(side("1.2.2.1.8.1", Laterality::Left));
  const Findings findings =
      findings_of(document_of({"", "", Laterality::Left, {annex_q_finding({follow_up})}}));
  ASSERT_EQ(findings.findings.size(), 1U);
  EXPECT_EQ(findings.findings[0].laterality, Laterality::Left);
  EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::SubItem);
  EXPECT_TRUE(findings.findings[0].conflicts.empty());
}

TEST(LateralityFromContext, AcceptanceOnlyTheProcedureReportedNamesTheBreast) {
  const Report report = summarise({"", "", Laterality::Left, {annex_q_finding()}});
  ASSERT_EQ(report.input.findings.size(), 1U);
  const Finding& finding = report.input.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Left);
  EXPECT_EQ(finding.laterality_source, LateralitySource::Procedure);
  EXPECT_EQ(finding.laterality_position, "1.2.1.1");
}

TEST(LateralityFromContext, ABilateralProcedureNamesNoBreast) {
  const Findings findings =
      findings_of(document_of({"", "", Laterality::Both, {annex_q_finding()}}));
  EXPECT_EQ(findings.findings[0].laterality, Laterality::Unknown);
  EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::None);
}

TEST(LateralityFromContext, AUnilateralStudyByTheImageLateralityOfEveryReferencedImage) {
  ContentItem image;
  image.position = "1.2.2.1.9";
  image.relationship = Relationship::InferredFrom;
  image.value_type = ValueType::Image;
  image.children.push_back(code_item("1.2.2.1.9.1", Relationship::HasConceptMod,
                                     codes::kImageLaterality,
                                     code_of(Laterality::Right).to_code()));
  const Findings findings =
      findings_of(document_of({"", "", std::nullopt, {annex_q_finding({image})}}));
  EXPECT_EQ(findings.findings[0].laterality, Laterality::Right);
  EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::Images);
}

TEST(LateralityFromContext, OwnLateralityAgainstTheProcedureIsAConflictClassifiedUnderEach) {
  const Report report = summarise(
      {"", "", Laterality::Left, {annex_q_finding({side("1.2.2.1.9", Laterality::Right)})}});
  const Finding& finding = report.input.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Unknown);
  EXPECT_EQ(finding.laterality_source, LateralitySource::Conflicting);
  EXPECT_TRUE(has_conflict(finding, FindingField::Laterality));
  EXPECT_TRUE(testing::fired(report.decisions[0], "W9"));
  EXPECT_TRUE(report.decisions[0].needs_review);
}

TEST(LateralityFromContext, TheTextPlacesTheSameCalcificationsWhenNothingElseNamesTheBreast) {
  const Report report = summarise({kAnnexQText, "", std::nullopt, {annex_q_finding()}});
  ASSERT_EQ(report.input.findings.size(), 1U) << "the text restates the coded finding";
  const Finding& finding = report.input.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Left);
  EXPECT_EQ(finding.laterality_source, LateralitySource::Narrative);
  const auto quote =
      std::find_if(finding.text_evidence.begin(), finding.text_evidence.end(),
                   [](const TextEvidence& e) { return e.field == NarrativeField::Laterality; });
  ASSERT_NE(quote, finding.text_evidence.end());
  EXPECT_EQ(quote->value, "left");
  // Whatever comes from text is flagged for review (W7), on the coded finding too.
  EXPECT_TRUE(testing::fired(report.decisions[0], "W7"));
  EXPECT_TRUE(report.decisions[0].needs_review);
}

TEST(LateralityFromContext, AcceptanceTheProcedureSaysLeftTheTextPlacesThemRight) {
  std::string right = kAnnexQText;
  right.replace(right.find("left breast"), 4, "right");
  const Report report = summarise({right, "", Laterality::Left, {annex_q_finding()}});
  ASSERT_EQ(report.input.findings.size(), 1U);
  const Finding& finding = report.input.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Unknown);
  EXPECT_EQ(finding.laterality_source, LateralitySource::Conflicting);
  ASSERT_TRUE(has_conflict(finding, FindingField::Laterality));
  EXPECT_TRUE(testing::warned(report.decisions[0], "conflicting-values"));
  EXPECT_TRUE(report.decisions[0].needs_review);
  EXPECT_TRUE(report.exam.needs_review);
  // Classified under each breast: both are alternatives.
  int breasts = 0;
  for (const AlternativeValue& other : finding.alternatives) {
    if (std::holds_alternative<Laterality>(other.value)) ++breasts;
  }
  EXPECT_EQ(breasts, 2);
}

TEST(LateralityFromContext, TheTextAgreeingWithTheProcedureKeepsTheProcedureAsSource) {
  const Report report = summarise({kAnnexQText, "", Laterality::Left, {annex_q_finding()}});
  const Finding& finding = report.input.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Left);
  EXPECT_EQ(finding.laterality_source, LateralitySource::Procedure);
  EXPECT_TRUE(finding.conflicts.empty());
}

// ---- Row W8: narrative and coded findings cross-checked (issue 17 item 2) ----

ContentItem punctate_diffuse_left() {
  return coded_finding(
      "1.2.2.1",
      {side("1.2.2.1.1", Laterality::Left),
       property("1.2.2.1.2", codes::kCalcificationType, code_of(Morphology::Punctate)),
       property("1.2.2.1.3", codes::kCalcificationDistribution, code_of(Distribution::Diffuse))});
}

TEST(NarrativeDiscordant, AcceptanceCodedBenignTextSuspiciousInTheSameBreast) {
  const Report report =
      summarise({"Scattered punctate calcifications in a diffuse distribution, left breast. "
                 "There are fine pleomorphic calcifications in the same breast.",
                 "",
                 std::nullopt,
                 {punctate_diffuse_left()}});
  EXPECT_TRUE(exam_fired(report, "W8"));
  EXPECT_TRUE(exam_warned(report, WarningCode::NarrativeDiscordant));
  EXPECT_TRUE(report.exam.needs_review);
  const auto text = of_origin(report, Origin::Narrative);
  ASSERT_EQ(text.size(), 1U) << "the restating sentence is the coded finding's";
  EXPECT_TRUE(is_suspicious(text.front()->morphology.front().term));
  const std::size_t index = static_cast<std::size_t>(text.front() - &report.input.findings[0]);
  EXPECT_EQ(report.decisions[index].classification, Classification::Suspicious);
  EXPECT_TRUE(report.decisions[index].needs_review);
  ASSERT_TRUE(report.exam.category.has_value());
  EXPECT_GE(category_rank(*report.exam.category), category_rank(Category::Suspicious4));
}

TEST(NarrativeDiscordant, TextRestatingTheCodedFindingIsNoFindingOfItsOwn) {
  const Report report =
      summarise({"Scattered punctate calcifications in a diffuse distribution in the left breast.",
                 "Benign. BI-RADS 2.",
                 std::nullopt,
                 {punctate_diffuse_left()}});
  EXPECT_FALSE(exam_fired(report, "W8"));
  ASSERT_EQ(report.input.findings.size(), 1U);
  ASSERT_FALSE(report.input.text_mentions.empty());
  const TextMention& mention = report.input.text_mentions.front();
  EXPECT_EQ(mention.cross_check, TextCrossCheck::Restates);
  EXPECT_EQ(mention.findings, std::vector<std::size_t>{0});
  EXPECT_EQ(mention.paired_with, std::vector<std::size_t>{0});
}

TEST(NarrativeDiscordant, TextOnABreastWithNoCodedFinding) {
  const Report report = summarise({"Vascular calcifications in the right breast.",
                                   "",
                                   std::nullopt,
                                   {punctate_diffuse_left()}});
  EXPECT_TRUE(exam_fired(report, "W8"));
  const auto text = of_origin(report, Origin::Narrative);
  ASSERT_EQ(text.size(), 1U);
  EXPECT_EQ(text.front()->laterality, Laterality::Right);
}

// Hostile review 86: the text describes the coded finding's calcifications (same kind, same
// place) on the other breast and says nothing of its own: the coded breast stands, the text's is a
// second value on it, and it needs review. Text of both breasts tells nothing against it.
TEST(NarrativeDiscordant, TextPlacingTheCodedCalcificationsOnTheOtherBreastIsAConflict) {
  const ContentItem coded_left_at_2 = coded_finding(
      "1.2.2.1",
      {side("1.2.2.1.1", Laterality::Left),
       property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(2)),
       property("1.2.2.1.3", codes::kCalcificationType, code_of(Morphology::CoarsePopcorn))});
  const Report other =
      summarise({"Coarse popcorn-like calcification at 2 o'clock in the right "
                 "breast, stable since 2024.",
                 "",
                 std::nullopt,
                 {coded_left_at_2}});
  ASSERT_FALSE(other.decisions.empty());
  const Finding& coded = other.input.findings[0];
  EXPECT_EQ(coded.origin, Origin::BreastImagingReport);
  EXPECT_EQ(coded.laterality, Laterality::Left);
  EXPECT_TRUE(std::any_of(
      coded.conflicts.begin(), coded.conflicts.end(),
      [](const ValueConflict& conflict) { return conflict.field == FindingField::Laterality; }));
  EXPECT_TRUE(other.decisions[0].needs_review);
  const Report both =
      summarise({"Coarse popcorn-like calcification at 2 o'clock in the right "
                 "breast. Coarse popcorn-like calcification at 2 o'clock in the "
                 "left breast.",
                 "",
                 std::nullopt,
                 {coded_left_at_2}});
  EXPECT_TRUE(both.input.findings[0].conflicts.empty());
}

TEST(NarrativeDiscordant, ASecondSuspiciousGroupNoCodedFindingDescribesIsKept) {
  // The coded finding is suspicious already; the text's second group, elsewhere, is not less of
  // a group for that: it needs its own work-up.
  const Report report = summarise(
      {"Fine pleomorphic calcifications in a segmental distribution at 2 o'clock in the left "
       "breast. A second group of amorphous calcifications at 7 o'clock in the left breast.",
       "",
       std::nullopt,
       {coded_finding("1.2.2.1", {side("1.2.2.1.1", Laterality::Left),
                                  property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(2)),
                                  property("1.2.2.1.3", codes::kCalcificationType,
                                           code_of(Morphology::FinePleomorphic)),
                                  property("1.2.2.1.4", codes::kCalcificationDistribution,
                                           code_of(Distribution::Segmental))})}});
  EXPECT_TRUE(exam_fired(report, "W8"));
  const auto text = of_origin(report, Origin::Narrative);
  ASSERT_EQ(text.size(), 1U);
  EXPECT_EQ(text.front()->location.clock_hour, 7);
}

TEST(NarrativeDiscordant, BenignTextBesideAMoreSuspiciousCodedFindingIsListedAsCovered) {
  const Report report =
      summarise({"Vascular calcifications in the left breast.",
                 "",
                 std::nullopt,
                 {coded_finding("1.2.2.1", {side("1.2.2.1.1", Laterality::Left),
                                            property("1.2.2.1.2", codes::kCalcificationType,
                                                     code_of(Morphology::FinePleomorphic))})}});
  EXPECT_FALSE(exam_fired(report, "W8"));
  EXPECT_TRUE(of_origin(report, Origin::Narrative).empty());
  ASSERT_EQ(report.input.text_mentions.size(), 1U);
  EXPECT_EQ(report.input.text_mentions[0].cross_check, TextCrossCheck::Covered);
  EXPECT_TRUE(report.input.text_mentions[0].findings.empty());
}

TEST(NarrativeDiscordant, NegatedSuspiciousTextGivesNothing) {
  const Report report = summarise(
      {"No fine pleomorphic calcifications.", "", std::nullopt, {punctate_diffuse_left()}});
  EXPECT_FALSE(exam_fired(report, "W8"));
  EXPECT_TRUE(of_origin(report, Origin::Narrative).empty());
}

TEST(NarrativeDiscordant, UncertainSuspiciousTextIsKept) {
  const Report report =
      summarise({"Possible fine pleomorphic calcifications in the left breast cannot be excluded.",
                 "",
                 std::nullopt,
                 {punctate_diffuse_left()}});
  EXPECT_TRUE(exam_fired(report, "W8"));
  EXPECT_EQ(of_origin(report, Origin::Narrative).size(), 1U);
}

// ---- What a paired narrative finding adds to the coded one ----

ContentItem round_grouped_right_at_3() {
  return coded_finding(
      "1.2.2.1",
      {side("1.2.2.1.1", Laterality::Right),
       property("1.2.2.1.2", codes::kClockfaceOrRegion, clock_code(3)),
       property("1.2.2.1.3", codes::kCalcificationType, code_of(Morphology::Round)),
       property("1.2.2.1.4", codes::kCalcificationDistribution, code_of(Distribution::Grouped))});
}

TEST(TextFacts, ASiteTheTextStatesCountsAsStatedWithSourceNarrative) {
  const Report report =
      summarise({"Grouped round calcifications within the lobules at 3 o'clock in the right "
                 "breast.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_EQ(report.input.findings.size(), 1U);
  const Finding& finding = report.input.findings[0];
  EXPECT_EQ(finding.stated_site, Site::Lobular);
  EXPECT_EQ(finding.stated_site_source, SiteSource::Narrative);
  EXPECT_TRUE(testing::fired(report.decisions[0], "S2"));
  EXPECT_EQ(report.decisions[0].site.source, SiteSource::Narrative);
  EXPECT_TRUE(testing::fired(report.decisions[0], "W7"));
}

TEST(TextFacts, ATextSiteAgainstTheCodedSiteIsAConflictClassifiedBothWays) {
  ContentItem finding = round_grouped_right_at_3();
  finding.children.push_back(property("1.2.2.1.5", codes::kFindingSite, code_of(Site::Lobular)));
  const Report report =
      summarise({"Grouped round calcifications at 3 o'clock in the right breast, within a duct.",
                 "",
                 std::nullopt,
                 {finding}});
  ASSERT_EQ(report.input.findings.size(), 1U);
  EXPECT_EQ(report.input.findings[0].stated_site, Site::Lobular) << "the coded site stands";
  EXPECT_TRUE(has_conflict(report.input.findings[0], FindingField::Site));
  EXPECT_TRUE(testing::fired(report.decisions[0], "W9"));
}

TEST(TextFacts, TheMoreConcerningChangeStands) {
  ContentItem finding = round_grouped_right_at_3();
  finding.children.push_back(
      property("1.2.2.1.5", codes::kChangeSinceLastMammogram, code_of(Change::Stable)));
  const Report report =
      summarise({"New grouped round calcifications at 3 o'clock in the right breast.",
                 "",
                 std::nullopt,
                 {finding}});
  ASSERT_EQ(report.input.findings.size(), 1U);
  EXPECT_EQ(report.input.findings[0].change, Change::New);
  EXPECT_TRUE(has_conflict(report.input.findings[0], FindingField::Change));
}

TEST(TextFacts, AnUncertainMentionLendsTheCodedFindingNothing) {
  const Report report = summarise(
      {"Possible grouped round calcifications within the lobules at 3 o'clock in the right "
       "breast.",
       "",
       std::nullopt,
       {round_grouped_right_at_3()}});
  EXPECT_EQ(report.input.findings[0].stated_site, Site::Unknown);
  EXPECT_TRUE(report.input.findings[0].text_evidence.empty());
}

// ---- Hostile review (issue 17): text that must not be absorbed, breasts never chosen silently

ContentItem coded_at(const std::string& position, Laterality breast, int clock,
                     Morphology morphology, Distribution distribution) {
  return coded_finding(
      position,
      {side(position + ".1", breast),
       property(position + ".2", codes::kClockfaceOrRegion, clock_code(clock)),
       property(position + ".3", codes::kCalcificationType, code_of(morphology)),
       property(position + ".4", codes::kCalcificationDistribution, code_of(distribution))});
}

TEST(HostileCrossCheck, TextMoreSuspiciousThanTheFindingItDescribesIsKeptWhateverElseIsCoded) {
  // A 4B group elsewhere in the breast does not make the text about the 3 group less.
  const Report report = summarise(
      {"Fine pleomorphic calcifications at 3 o'clock in the left breast.",
       "",
       std::nullopt,
       {coded_at("1.2.2.1", Laterality::Left, 3, Morphology::Punctate, Distribution::Grouped),
        coded_at("1.2.2.2", Laterality::Left, 9, Morphology::Amorphous, Distribution::Grouped)}});
  EXPECT_TRUE(exam_fired(report, "W8"));
  const auto text = of_origin(report, Origin::Narrative);
  ASSERT_EQ(text.size(), 1U);
  EXPECT_TRUE(is_suspicious(text.front()->morphology.front().term));
}

TEST(HostileCrossCheck, TheSameBreastIsNoBreastToPairByMorphologyAlone) {
  const Report report = summarise(
      {"Scattered punctate calcifications in a diffuse distribution in the right breast. In "
       "addition there are grouped fine pleomorphic calcifications in the same breast. Left "
       "breast: grouped fine pleomorphic calcifications at 3 o'clock.",
       "",
       std::nullopt,
       {coded_finding("1.2.2.1", {side("1.2.2.1.1", Laterality::Right),
                                  property("1.2.2.1.2", codes::kCalcificationType,
                                           code_of(Morphology::Punctate)),
                                  property("1.2.2.1.3", codes::kCalcificationDistribution,
                                           code_of(Distribution::Diffuse))}),
        coded_at("1.2.2.2", Laterality::Left, 3, Morphology::FinePleomorphic,
                 Distribution::Grouped)}});
  EXPECT_TRUE(exam_fired(report, "W8"));
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_EQ(of_origin(report, Origin::Narrative).size(), 1U);
}

TEST(HostileCrossCheck, TheContralateralBreastIsNotTheCodedOne) {
  const Report report = summarise(
      {"Grouped fine pleomorphic calcifications at 3 o'clock in the left breast. Similar fine "
       "pleomorphic calcifications are present in the contralateral breast.",
       "",
       std::nullopt,
       {coded_at("1.2.2.1", Laterality::Left, 3, Morphology::FinePleomorphic,
                 Distribution::Grouped)}});
  EXPECT_TRUE(exam_fired(report, "W8"));
}

TEST(HostileCrossCheck, TheContralateralBreastOfAHeadingIsTheOtherOne) {
  // Text only: under RIGHT BREAST:, "the contralateral breast" is the left one.
  const Report report = summarise(
      {"RIGHT BREAST: No suspicious findings. In the contralateral breast there are grouped fine "
       "pleomorphic calcifications at 2 o'clock.",
       "",
       std::nullopt,
       {}});
  const auto text = of_origin(report, Origin::Narrative);
  ASSERT_EQ(text.size(), 1U);
  EXPECT_EQ(text.front()->laterality, Laterality::Left);
}

TEST(HostileCrossCheck, ACategoryTheImpressionStatesCountsWhereNoCodedOverallOneIs) {
  const Report report = summarise(
      {"",
       "Left breast: BI-RADS 4. Stereotactic biopsy is recommended.",
       std::nullopt,
       {coded_at("1.2.2.1", Laterality::Left, 3, Morphology::Punctate, Distribution::Grouped)}});
  EXPECT_TRUE(exam_fired(report, "E6"));
  ASSERT_TRUE(report.exam.category.has_value());
  EXPECT_GE(category_rank(*report.exam.category), category_rank(Category::Suspicious4));
  EXPECT_TRUE(report.exam.needs_review);
}

TEST(HostileCrossCheck, ATextCategoryAboveTheCodedOverallOneIsWeighedNotDropped) {
  const Report report = summarise(
      {"",
       "Left breast: BI-RADS 4. Stereotactic biopsy is recommended.",
       std::nullopt,
       {coded_at("1.2.2.1", Laterality::Left, 3, Morphology::Punctate, Distribution::Grouped)},
       Category::ProbablyBenign3});
  ASSERT_TRUE(report.exam.category.has_value());
  EXPECT_EQ(*report.exam.category, Category::Suspicious4);
  EXPECT_TRUE(exam_fired(report, "E4"));
  EXPECT_TRUE(report.exam.needs_review);
}

TEST(HostileCrossCheck, AnImpressionRestatingTheCodedCategoryAddsNothing) {
  ContentItem finding =
      coded_at("1.2.2.1", Laterality::Left, 3, Morphology::Punctate, Distribution::Grouped);
  finding.children.push_back(
      property("1.2.2.1.5", codes::kAssessmentCategory, code_of(Category::ProbablyBenign3)));
  const Report report =
      summarise({"", "Left breast: BI-RADS 3. Short-interval follow-up.", std::nullopt, {finding}});
  EXPECT_FALSE(exam_fired(report, "E6"));
  EXPECT_FALSE(report.exam.needs_review);
}

TEST(HostileCrossCheck, BenignTextOfAnotherMorphologyLendsNoBreast) {
  const Report report = summarise(
      {"Benign vascular calcifications at 3 o'clock in the right breast.",
       "",
       std::nullopt,
       {coded_finding("1.2.2.1", {property("1.2.2.1.1", codes::kClockfaceOrRegion, clock_code(3)),
                                  property("1.2.2.1.2", codes::kCalcificationType,
                                           code_of(Morphology::FinePleomorphic))})}});
  const Finding& coded = report.input.findings.front();
  EXPECT_EQ(coded.origin, Origin::BreastImagingReport);
  EXPECT_EQ(coded.laterality, Laterality::Unknown);
  EXPECT_TRUE(coded.text_evidence.empty());
  // A biopsy of a breast no one names is the radiologist's to place (W15).
  EXPECT_TRUE(testing::fired(report.decisions.front(), "W15"));
  EXPECT_TRUE(report.decisions.front().needs_review);
}

TEST(HostileCrossCheck, TheOnlyCodedFindingOfABreastLendsNothingToTextThatSharesNoFact) {
  const Report report = summarise(
      {"Likely benign calcifications at 9 o'clock, posterior depth, in the left breast, stable.",
       "",
       std::nullopt,
       {coded_finding("1.2.2.1", {side("1.2.2.1.1", Laterality::Left),
                                  property("1.2.2.1.2", codes::kCalcificationType,
                                           code_of(Morphology::FinePleomorphic))})}});
  const Finding& coded = report.input.findings.front();
  EXPECT_FALSE(coded.location.clock_hour.has_value());
  EXPECT_EQ(coded.change, Change::Unknown);
}

TEST(HostileCrossCheck, ContainerAndReportProceduresOfTwoBreastsAreAConflict) {
  SrDocument document = document_of({"", "", Laterality::Right, {annex_q_finding()}});
  ContentItem& container = document.root.children[1].children[1];
  ContentItem procedure = code_item("1.2.2.0", Relationship::Contains, codes::kProcedureReported,
                                    kMammography.to_code());
  procedure.children.push_back(side("1.2.2.0.1", Laterality::Left));
  container.children.insert(container.children.begin(), procedure);
  const Findings findings = findings_of(document);
  EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::Conflicting);
  EXPECT_TRUE(has_conflict(findings.findings[0], FindingField::Laterality));
}

TEST(HostileCrossCheck, AProcedureWithTwoLateralitiesNamesNoOneBreast) {
  SrDocument document = document_of({"", "", Laterality::Left, {annex_q_finding()}});
  document.root.children[1].children[0].children.push_back(side("1.2.1.2", Laterality::Right));
  const Findings findings = findings_of(document);
  EXPECT_EQ(findings.findings[0].laterality, Laterality::Unknown);
  EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::None);
}

TEST(HostileCrossCheck, ABilateralProcedureIsNoUnilateralStudyWhateverItsImages) {
  ContentItem image;
  image.position = "1.3";
  image.relationship = Relationship::Contains;
  image.value_type = ValueType::Image;
  image.children.push_back(code_item("1.3.1", Relationship::HasConceptMod, codes::kImageLaterality,
                                     code_of(Laterality::Left).to_code()));
  SrDocument document = document_of({"", "", Laterality::Both, {annex_q_finding()}});
  document.root.children.push_back(image);
  const Findings findings = findings_of(document);
  EXPECT_EQ(findings.findings[0].laterality, Laterality::Unknown);
}

// ---- Annotations win over both (issue 17 item 3) ----

TEST(TextAndAnnotations, ARefinementByClockMatchesTheCodedFindingAndTheTextDescribingIt) {
  const SrDocument document =
      document_of({"Grouped round calcifications at 3 o'clock in the right breast.",
                   "",
                   std::nullopt,
                   {round_grouped_right_at_3()}});
  Findings findings = findings_of(document);
  ASSERT_EQ(findings.findings.size(), 2U) << "coded and narrative, before W8";
  Annotations annotations;
  annotations.file = "notes.xml";
  AnnotatedFinding refinement;
  refinement.action = AnnotationAction::Refine;
  refinement.line = 7;
  refinement.laterality = Laterality::Right;
  refinement.location.clock_hour = 3;
  refinement.site = Site::Ductal;
  annotations.findings.push_back(refinement);
  merge_annotations(annotations, findings);
  const bool unmatched = std::any_of(
      findings.notes.begin(), findings.notes.end(),
      [](const ReaderNote& note) { return note.code == WarningCode::AnnotationUnmatched; });
  EXPECT_FALSE(unmatched);
  EXPECT_EQ(findings.findings[0].stated_site, Site::Ductal);
  EXPECT_EQ(findings.findings[1].stated_site, Site::Ductal);
  EXPECT_EQ(findings.findings.size(), 2U) << "no finding added";
}

// ---- Hostile review 2 (issue 17): words that must not reassure, facts that must not be lost ----

TEST(TextSafety, ADeniedLobularSiteIsNoStatedSite) {
  const Report report =
      summarise({"Grouped round calcifications at 3 o'clock in the right breast, not within the "
                 "lobules.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_FALSE(report.input.findings.empty());
  EXPECT_NE(report.input.findings[0].stated_site, Site::Lobular);
  EXPECT_FALSE(testing::fired(report.decisions[0], "S2"));
}

TEST(TextSafety, ADeniedLobularSiteInATextOnlyReportIsNoStatedSite) {
  const Report report =
      summarise_text("Round calcifications in the right breast, which are not in the lobules.");
  ASSERT_FALSE(report.input.findings.empty());
  EXPECT_NE(report.input.findings[0].stated_site, Site::Lobular);
}

TEST(TextSafety, AHedgedLobularSiteIsNoStatedSiteAndADeniedDuctIsKept) {
  const Report hedged =
      summarise_text("Round calcifications in the right breast, possibly within the lobules.");
  ASSERT_FALSE(hedged.input.findings.empty());
  EXPECT_EQ(hedged.input.findings[0].stated_site, Site::Unknown);
  const Report ductal =
      summarise_text("Round calcifications in the right breast, not clearly within a duct.");
  ASSERT_FALSE(ductal.input.findings.empty());
  EXPECT_EQ(ductal.input.findings[0].stated_site, Site::Ductal) << "the more suspicious site";
}

// The hostile review's wordings around a site or a correlate: every one leaves it unstated.
TEST(TextSafety, ALobularSiteNextToADoubtIsNoStatedSite) {
  for (const char* words : {"outside the lobules",
                            "beyond the lobules",
                            "away from the lobules",
                            "between the lobules",
                            "adjacent to the lobules",
                            "extra-lobular",
                            "non-lobular",
                            "may be lobular",
                            "perhaps lobular",
                            "questionably lobular",
                            "seemingly within lobules",
                            "apparently lobular",
                            "lobular location uncertain",
                            "lobular location not confirmed",
                            "lobular location is not certain",
                            "cannot confirm lobular location",
                            "lobular location cannot be confirmed",
                            "lobules cannot be confirmed",
                            "lobular is unlikely",
                            "unlikely lobular",
                            "lobular (?)",
                            "lobular (uncertain)",
                            "lobular? ductal?",
                            "partly lobular",
                            "lobular in part",
                            "in lobules and ducts"}) {
    const Report report =
        summarise_text(std::string("Scattered calcifications in the right breast, ") + words + ".");
    ASSERT_FALSE(report.input.findings.empty()) << words;
    EXPECT_NE(report.input.findings[0].stated_site, Site::Lobular) << words;
    EXPECT_NE(report.decisions[0].classification, Classification::Benign) << words;
  }
  const Report plain =
      summarise_text("Scattered calcifications in the right breast, within the lobules.");
  ASSERT_FALSE(plain.input.findings.empty());
  EXPECT_EQ(plain.input.findings[0].stated_site, Site::Lobular) << "a plain statement counts";
}

TEST(TextSafety, ACorrelateNextToADoubtIsUnknown) {
  for (const char* words :
       {"A sonographic correlate may be present.", "Sonographic correlate is uncertain.",
        "Sonographic correlate not definitely seen.",
        "A sonographic correlate was not clearly identified.", "Probable sonographic correlate."}) {
    const Report report = summarise_text(
        std::string("Fine pleomorphic calcifications in the left breast at 2 o'clock. ") + words);
    ASSERT_FALSE(report.input.findings.empty()) << words;
    EXPECT_NE(report.input.findings[0].ultrasound_visible, Presence::Yes) << words;
  }
}

TEST(TextSafety, ACorrelateUnderAnotherBreastsHeadingIsNotTheirs) {
  const Report report = summarise_text(
      "Right breast: new group of fine pleomorphic calcifications at 10 o'clock.\nLeft breast: "
      "benign cyst with sonographic correlate.");
  ASSERT_FALSE(report.input.findings.empty());
  for (const Finding& finding : report.input.findings) {
    if (finding.laterality == Laterality::Right) {
      EXPECT_NE(finding.ultrasound_visible, Presence::Yes);
    }
  }
}

TEST(TextSafety, AnUncertainUltrasoundCorrelateIsNoCorrelate) {
  const Report report = summarise_text(
      "Fine pleomorphic calcifications in the left breast at 2 o'clock, possibly with a "
      "sonographic correlate.");
  ASSERT_FALSE(report.input.findings.empty());
  EXPECT_NE(report.input.findings[0].ultrasound_visible, Presence::Yes);
}

TEST(TextSafety, AnUncertainUltrasoundCorrelateLendsTheCodedFindingNothing) {
  const Report report =
      summarise({"Grouped round calcifications at 3 o'clock in the right breast; a sonographic "
                 "correlate cannot be excluded.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_FALSE(report.input.findings.empty());
  EXPECT_NE(report.input.findings[0].ultrasound_visible, Presence::Yes);
}

TEST(TextSafety, SuspiciousWordsAboutACodedProbablyBenignGroupRaiseIt) {
  const std::string text = "Grouped round calcifications at 3 o'clock in the right breast.";
  const Report plain = summarise({text, "", std::nullopt, {round_grouped_right_at_3()}});
  ASSERT_TRUE(plain.exam.category);
  EXPECT_EQ(*plain.exam.category, Category::ProbablyBenign3) << "without the words";
  for (const char* words :
       {" The calcifications are suspicious.", " The calcifications are concerning for DCIS.",
        " These are highly suspicious for malignancy."}) {
    const Report report = summarise({text + words, "", std::nullopt, {round_grouped_right_at_3()}});
    ASSERT_TRUE(report.exam.category) << words;
    EXPECT_GE(category_rank(*report.exam.category), category_rank(Category::Suspicious4)) << words;
    EXPECT_TRUE(report.exam.needs_review) << words;
    EXPECT_TRUE(exam_fired(report, "W8")) << words;
  }
}

// The coded finding the text describes is flagged on its own line too: a reader who looks at the
// coded 3 alone must not see it pass without review (third hostile review).
TEST(TextSafety, TheCodedFindingTheSuspiciousTextDescribesIsFlaggedItself) {
  const Report report =
      summarise({"Grouped round calcifications at 3 o'clock in the right breast. "
                 "The calcifications are suspicious.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_FALSE(report.decisions.empty());
  ASSERT_EQ(report.input.findings[0].origin, Origin::BreastImagingReport);
  const Decision& coded = report.decisions[0];
  EXPECT_TRUE(testing::fired(coded, "W16"));
  EXPECT_TRUE(coded.needs_review);
  const bool says = std::any_of(coded.warnings.begin(), coded.warnings.end(), [](const Warning& w) {
    return w.code == WarningCode::NarrativeDiscordant &&
           w.text.find("more suspicious than this coded finding") != std::string::npos;
  });
  EXPECT_TRUE(says);
  // Text that agrees flags nothing on the coded finding.
  const Report agreeing =
      summarise({"Grouped round calcifications at 3 o'clock in the right breast.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_FALSE(agreeing.decisions.empty());
  EXPECT_FALSE(testing::fired(agreeing.decisions[0], "W16"));
}

// Text that doubts a probably benign coded group, or that may be about it (same place, another
// kind; no breast named), flags the coded finding too (fourth hostile review: "not stable",
// "possibly malignant" restated it and nothing was flagged).
TEST(TextSafety, TextThatDoubtsOrMayDescribeACodedGroupFlagsIt) {
  for (const char* text :
       {"Grouped round calcifications at 3 o'clock in the right breast, not stable.",
        "Grouped round calcifications at 3 o'clock in the right breast, possibly malignant.",
        "Grouped round calcifications at 3 o'clock in the right breast, indeterminate.",
        "Grouped round calcifications at 3 o'clock in the right breast, which may be malignant.",
        "Grouped fine pleomorphic calcifications at 3 o'clock in the right breast.",
        "The round calcifications are suspicious.", "Suspicious calcifications."}) {
    const Report report = summarise({text, "", std::nullopt, {round_grouped_right_at_3()}});
    ASSERT_FALSE(report.decisions.empty()) << text;
    ASSERT_NE(report.input.findings[0].origin, Origin::Narrative) << text;
    EXPECT_TRUE(testing::fired(report.decisions[0], "W16")) << text;
    EXPECT_TRUE(report.decisions[0].needs_review) << text;
    EXPECT_TRUE(exam_fired(report, "W8")) << text;
  }
  // A change the text gives the coded group ("no longer stable", "changed since the prior")
  // raises it and flags it, also said in a sentence of its own after the description.
  for (const char* text :
       {"Grouped round calcifications at 3 o'clock in the right breast, no longer stable.",
        "Grouped round calcifications at 3 o'clock in the right breast, changed since the "
        "prior.",
        "Grouped round calcifications at 3 o'clock in the right breast. No longer stable.",
        "Grouped round calcifications at 3 o'clock in the right breast. Changed since the prior "
        "examination."}) {
    const Report report = summarise({text, "", std::nullopt, {round_grouped_right_at_3()}});
    ASSERT_FALSE(report.decisions.empty()) << text;
    EXPECT_GE(category_rank(report.decisions[0].final_category),
              category_rank(Category::LowSuspicion4A))
        << text;
    EXPECT_TRUE(report.decisions[0].needs_review) << text;
  }
  // Another place is another group: the coded one is not flagged for it.
  const Report elsewhere =
      summarise({"Grouped fine pleomorphic calcifications at 9 o'clock in the "
                 "right breast.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_FALSE(elsewhere.decisions.empty());
  EXPECT_FALSE(testing::fired(elsewhere.decisions[0], "W16"));
  EXPECT_TRUE(exam_fired(elsewhere, "W8"));
}

// Words the fifth hostile review found unread beside a coded probably benign group, each said in
// a sentence of its own after the group's description: a denied stability ("Not stable."), new or
// growth in other words, doubt about benignity, "pleomorphism", "ductal distribution", an
// associated distortion, a known cancer they extend beyond. Each flags
// the coded group; none leaves it an unreviewed 3.
TEST(TextSafety, AlarmingWordsInASentenceOfTheirOwnFlagTheCodedGroup) {
  const std::string described = "Grouped round calcifications at 3 o'clock in the right breast. ";
  for (const char* said :
       {"They are not stable.", "Not stable.", "These have not remained stable.",
        "These were not seen before.", "Not seen on the 2024 mammogram.",
        "These demonstrate interval growth.", "Not definitely benign.",
        "I am not convinced these are benign.", "Not typical of benign calcifications.",
        "Magnification views show pleomorphism.", "Ductal distribution.",
        "They are associated with architectural distortion.", "Associated distortion.",
        "These calcifications extend beyond the mass.",
        "In a patient with known right breast cancer.", "Increasing in number and now clustered.",
        "ADH on prior biopsy."}) {
    const Report report =
        summarise({described + said, "", std::nullopt, {round_grouped_right_at_3()}});
    ASSERT_FALSE(report.decisions.empty()) << said;
    ASSERT_NE(report.input.findings[0].origin, Origin::Narrative) << said;
    EXPECT_TRUE(report.decisions[0].needs_review) << said;
    EXPECT_TRUE(report.exam.needs_review) << said;
    ASSERT_TRUE(report.exam.category) << said;
    EXPECT_NE(*report.exam.category, Category::Benign2) << said;
  }
}

// "The calcification at 3 o'clock is new." after benign calcifications placed nowhere may be
// another group: joined to them, their benign kind reassured about it, and the coded group at
// 3 o'clock was never told it is new.
TEST(TextSafety, APlacedMentionAfterBenignUnplacedCalcificationsIsNotJoinedToThem) {
  const Report coded =
      summarise({"Scattered vascular calcifications in the right breast. The calcification at 3 "
                 "o'clock is new.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_FALSE(coded.decisions.empty());
  ASSERT_NE(coded.input.findings[0].origin, Origin::Narrative);
  EXPECT_EQ(coded.input.findings[0].change, Change::New);
  EXPECT_TRUE(coded.decisions[0].needs_review);
  EXPECT_TRUE(coded.exam.needs_review);
  const Report text_only = summarise_text(
      "Vascular calcifications in the left breast. The calcification at 2 o'clock is new.");
  const auto text = of_origin(text_only, Origin::Narrative);
  ASSERT_EQ(text.size(), 2U);
  EXPECT_FALSE(text[0]->location.clock_hour);
  EXPECT_EQ(text[1]->location.clock_hour, 2);
  ASSERT_TRUE(text_only.exam.category);
  EXPECT_NE(*text_only.exam.category, Category::Benign2);
  EXPECT_TRUE(text_only.exam.needs_review);
}

// A surgical consultation the text recommends beside a coded probably-benign report asks for
// more than the rules chose (E5): said and reviewed, never left unread.
TEST(TextSafety, ASurgicalConsultationInTheTextIsWeighedBesideCodedFindings) {
  const Report report = summarise({"Grouped round calcifications at 3 o'clock in the right breast.",
                                   "Surgical consultation recommended.",
                                   std::nullopt,
                                   {round_grouped_right_at_3()},
                                   Category::ProbablyBenign3});
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_TRUE(std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                          [](const FiredRule& fired) { return fired.rule->id == "E5"; }));
}

// With nothing described before, "The group at 3 o'clock in the right breast has increased in
// number." is about calcifications (BI-RADS "grouped"): it pairs with the coded group there, which
// learns it grew. Unread, the coded group stayed an unreviewed 3.
TEST(TextSafety, APlacedGroupWithoutACalcificationWordPairsWithTheCodedGroup) {
  for (const char* said : {"The group at 3 o'clock in the right breast has increased in number.",
                           "The cluster at 3 o'clock in the right breast is new."}) {
    const Report report = summarise({said, "", std::nullopt, {round_grouped_right_at_3()}});
    ASSERT_FALSE(report.decisions.empty()) << said;
    ASSERT_NE(report.input.findings[0].origin, Origin::Narrative) << said;
    EXPECT_NE(report.input.findings[0].change, Change::Unknown) << said;
    EXPECT_TRUE(report.decisions[0].needs_review) << said;
    EXPECT_TRUE(report.exam.needs_review) << said;
  }
}

// Stability in doubt is no reassurance: the coded group is flagged (W16), never left an
// unreviewed probably benign.
TEST(TextSafety, StabilityInDoubtFlagsTheCodedGroup) {
  // A question mark is a doubt too (hostile review 20: "stable?" and "? stable" left it a 3).
  for (const char* said : {"questionably stable.", "stability uncertain.",
                           "less stable than before.", "stable?", "? stable.", "- stable?"}) {
    const Report report = summarise(
        {std::string("Grouped round calcifications at 3 o'clock in the right breast, ") + said,
         "",
         std::nullopt,
         {round_grouped_right_at_3()}});
    ASSERT_FALSE(report.decisions.empty()) << said;
    ASSERT_NE(report.input.findings[0].origin, Origin::Narrative) << said;
    EXPECT_TRUE(report.decisions[0].needs_review) << said;
    EXPECT_TRUE(report.exam.needs_review) << said;
  }
}

// A question is uncertainty, never a benign assertion: "Vascular calcifications?" is not a benign
// finding (hostile review 20: read as affirmed, BI-RADS 2). Said without it, it stays benign.
TEST(TextSafety, AQuestionMarkIsNoBenignAssertion) {
  for (const char* text :
       {"Vascular calcifications in the right breast?", "Vascular calcifications, right breast?",
        "Right breast: vascular calcifications?"}) {
    const Report report = summarise_text(text);
    const auto found = of_origin(report, Origin::Narrative);
    ASSERT_EQ(found.size(), 1U) << text;
    ASSERT_EQ(report.decisions.size(), report.input.findings.size()) << text;
    for (const Decision& decision : report.decisions) {
      EXPECT_NE(decision.classification, Classification::Benign) << text;
      EXPECT_TRUE(decision.needs_review) << text;
    }
  }
  const Report said = summarise_text("Vascular calcifications in the right breast.");
  ASSERT_EQ(said.decisions.size(), 1U);
  EXPECT_EQ(said.decisions[0].classification, Classification::Benign);
}

TEST(TextSafety, SuspiciousWordsGiveATextOnlyFindingItsCategoryQuoted) {
  const Report report =
      summarise_text("Suspicious calcifications in the left breast at 2 o'clock, 6 mm.");
  const auto text = of_origin(report, Origin::Narrative);
  ASSERT_EQ(text.size(), 1U);
  ASSERT_TRUE(text[0]->reported_category);
  EXPECT_EQ(*text[0]->reported_category, Category::Suspicious4);
  EXPECT_EQ(text[0]->reported_category_source, ReportedSource::Narrative);
  const bool quoted = std::any_of(
      text[0]->text_evidence.begin(), text[0]->text_evidence.end(), [](const TextEvidence& said) {
        return said.field == NarrativeField::Assessment && said.words == "Suspicious";
      });
  EXPECT_TRUE(quoted);
  EXPECT_TRUE(testing::fired(report.decisions[0], "R1"));
  EXPECT_GE(category_rank(report.decisions[0].final_category),
            category_rank(Category::Suspicious4));
  const Report highly =
      summarise_text("Grouped calcifications in the left breast, highly suggestive of malignancy.");
  ASSERT_FALSE(highly.decisions.empty());
  EXPECT_EQ(highly.decisions[0].final_category, Category::HighlySuggestive5);
}

TEST(TextSafety, DeniedSuspicionRaisesNothingAndReassuresNothing) {
  for (const char* text :
       {"Scattered punctate calcifications in both breasts. No suspicious calcifications.",
        "Scattered punctate calcifications in both breasts; nothing suspicious.",
        "Scattered punctate calcifications in both breasts, not suspicious.",
        "Scattered punctate calcifications in both breasts without suspicious features.",
        "No suspicious masses, architectural distortion or calcifications. Vascular calcifications "
        "in the right breast."}) {
    const Report report = summarise_text(text);
    for (const Finding& finding : report.input.findings) {
      EXPECT_FALSE(finding.reported_category) << text;
    }
  }
}

TEST(TextSafety, ABiopsyTheTextRecommendsBesideBenignCodedFindingsIsWeighed) {
  for (const char* impression :
       {"Benign-appearing diffuse punctate calcifications. Recommend stereotactic biopsy of the "
        "left breast calcifications.",
        "Stereotactic biopsy recommended.", "RECOMMENDATION: Stereotactic biopsy."}) {
    const Report report = summarise(
        {"",
         impression,
         std::nullopt,
         {coded_at("1.2.2.1", Laterality::Left, 3, Morphology::Punctate, Distribution::Diffuse)},
         Category::Benign2});
    EXPECT_TRUE(report.exam.needs_review) << impression;
    EXPECT_TRUE(exam_warned(report, WarningCode::FollowUpDiffers) ||
                std::any_of(report.decisions.begin(), report.decisions.end(),
                            [](const Decision& decision) {
                              return std::any_of(decision.warnings.begin(), decision.warnings.end(),
                                                 [](const Warning& warning) {
                                                   return warning.code ==
                                                          WarningCode::FollowUpDiffers;
                                                 });
                            }))
        << impression;
  }
}

TEST(TextSafety, WordsNamingWhatTheyMayBeRaiseACodedProbablyBenignGroup) {
  const std::string text = "Grouped round calcifications at 3 o'clock in the right breast";
  for (const char* words :
       {", consistent with DCIS.", ", likely DCIS.", ", possibly DCIS.",
        "; DCIS cannot be excluded.", ", cannot exclude malignancy.",
        ", malignancy cannot be excluded.", ", low suspicion for malignancy.", ", atypical.",
        ", not benign.", " are not benign-appearing and are suspicious.", "; suspicious."}) {
    const Report report = summarise({text + words, "", std::nullopt, {round_grouped_right_at_3()}});
    ASSERT_TRUE(report.exam.category) << words;
    EXPECT_GE(category_rank(*report.exam.category), category_rank(Category::Suspicious4)) << words;
    EXPECT_TRUE(report.exam.needs_review) << words;
  }
}

// A breast named in a sentence of its own heads what follows, as "Right breast:" does (hostile
// review 88, S6: the text's breast was lost and the coded left finding was not questioned).
TEST(LateralityFromContext, ABreastNamedInASentenceOfItsOwnHeadsTheNextOnes) {
  for (const char* heading :
       {"Right breast. ", "Side: right. ", "Right breast.\n", "RIGHT. ", "Breast right. "}) {
    const std::string text =
        "Diagnostic mammogram. " + std::string(heading) +
        std::string(
            "There are heterogeneous calcifications in a regional distribution "
            "in the 1 o'clock upper outer quadrant of the breast.");
    const Report report = summarise({text, "", Laterality::Left, {annex_q_finding()}});
    ASSERT_FALSE(report.input.findings.empty()) << heading;
    const Finding& finding = report.input.findings[0];
    EXPECT_TRUE(has_conflict(finding, FindingField::Laterality)) << heading;
    EXPECT_TRUE(report.exam.needs_review) << heading;
  }
  // Named after the calcifications, in a sentence that holds them, it is no heading: the mention
  // stays.
  const Report report = summarise_text("Calcifications: right breast. Benign.");
  ASSERT_FALSE(report.input.findings.empty());
  EXPECT_EQ(report.input.findings[0].laterality, Laterality::Right);
  // An examination of one breast named so heads what follows too.
  const Report left = evaluate(
      findings_of(narrative_test::one_block("Left mammogram. Grouped amorphous calcifications.")));
  ASSERT_FALSE(left.input.findings.empty());
  EXPECT_EQ(left.input.findings[0].laterality, Laterality::Left);
}

TEST(TextSafety, ASecondGroupTheWordsAssessIsNotDropped) {
  const Report report = summarise_text(
      "Left breast: stable punctate calcifications at 2 o'clock. A second group at 10 o'clock is "
      "suspicious.");
  bool ten = false;
  for (const Finding& finding : report.input.findings) {
    ten |= finding.location.clock_hour == 10 && finding.reported_category &&
           category_rank(*finding.reported_category) >= category_rank(Category::Suspicious4);
  }
  EXPECT_TRUE(ten);
}

TEST(TextSafety, SuspicionOfThePastOrOfAnotherThingRaisesNothing) {
  for (const char* text :
       {"Dystrophic calcifications in the right breast at the lumpectomy site, history of DCIS.",
        "Vascular calcifications in the right breast; suspicious mass in the left breast."}) {
    const Report report = summarise_text(text);
    for (const Finding& finding : report.input.findings) {
      EXPECT_FALSE(finding.reported_category) << text;
    }
  }
}

TEST(TextSafety, ASecondSeparateGroupIsAFindingOfItsOwn) {
  const Report report = summarise_text(
      "Grouped amorphous calcifications at 2 o'clock in the left breast. A second, separate group "
      "of punctate calcifications at 9 o'clock in the left breast.");
  EXPECT_EQ(of_origin(report, Origin::Narrative).size(), 2U);
}

TEST(TextSafety, TwoClocksInOneClauseAreBothKept) {
  const Report report = summarise_text(
      "Grouped amorphous calcifications at 2 o'clock and at 9 o'clock in the left breast.");
  const auto text = of_origin(report, Origin::Narrative);
  ASSERT_FALSE(text.empty());
  // Two groups or one finding at two places: either way the 9 o'clock one is not lost.
  bool nine = false;
  for (const Finding* finding : text) {
    nine |= finding->location.clock_hour == 9;
    for (const ValueConflict& conflict : finding->conflicts) {
      for (const GivenValue& given : conflict.given) {
        nine |= conflict.field == FindingField::ClockFaceOrRegion &&
                given.words.find('9') != std::string::npos;
      }
    }
  }
  EXPECT_TRUE(nine) << "the 9 o'clock group is not lost";
}

// "No doubt", "no question", "no progression of", "no longer coarse:" do not negate the
// calcifications they stand before: beside a coded probably-benign group the text's fine
// pleomorphic forms flag it for review, never a plain 3 (hostile review 22: the sentence was
// listed as negated and the exam reassured). "Not only round anymore" denies the round kind the
// code gives: uncertain, for review.
TEST(TextSafety, PseudoNegationsDoNotNegateTheCalcifications) {
  for (const char* said :
       {"No doubt these are fine pleomorphic calcifications at 3 o'clock in the right breast.",
        "There is no doubt that fine pleomorphic calcifications have appeared at 3 o'clock in the "
        "right breast.",
        "No question: the group at 3 o'clock in the right breast now contains fine pleomorphic "
        "calcifications.",
        "No longer round: the calcifications at 3 o'clock in the right breast are now fine "
        "pleomorphic.",
        "No progression of the grouped fine pleomorphic calcifications at 3 o'clock in the right "
        "breast.",
        "No improvement: grouped fine pleomorphic calcifications at 3 o'clock in the right breast.",
        "Group of round calcifications, right breast, 3 o'clock, not only round anymore.",
        "Group of calcifications, right breast, 3 o'clock, no longer only round."}) {
    const Report report = summarise({said, "", std::nullopt, {round_grouped_right_at_3()}});
    const auto& mentions = report.input.text_mentions;
    EXPECT_TRUE(std::none_of(mentions.begin(), mentions.end(), [](const TextMention& mention) {
      return mention.status == MentionStatus::Negated;
    })) << said;
    ASSERT_FALSE(report.decisions.empty()) << said;
    EXPECT_TRUE(report.decisions[0].needs_review) << said;
    EXPECT_TRUE(report.exam.needs_review) << said;
  }
  // Neighbours: a real negation stays one, and "no change" still says stable and raises nothing.
  for (const char* said : {"No fine pleomorphic calcifications at 3 o'clock in the right breast.",
                           "There is no doubt about it: no new calcifications."}) {
    const Report report = summarise({said, "", std::nullopt, {round_grouped_right_at_3()}});
    const auto& mentions = report.input.text_mentions;
    ASSERT_FALSE(mentions.empty()) << said;
    EXPECT_EQ(mentions.back().status, MentionStatus::Negated) << said;
  }
  const Report stable =
      summarise({"No change in the grouped round calcifications at 3 o'clock in the right breast.",
                 "",
                 std::nullopt,
                 {round_grouped_right_at_3()}});
  ASSERT_FALSE(stable.input.text_mentions.empty());
  EXPECT_EQ(stable.input.text_mentions[0].status, MentionStatus::Affirmed);
  ASSERT_FALSE(stable.input.findings.empty());
  EXPECT_EQ(stable.input.findings[0].change, Change::Stable);
}

// Assessment words the lexicon did not hold left a coded probably-benign group an unreviewed 3
// (hostile review 22, said in the impression): each flags it for review. Without them nothing is
// raised.
TEST(TextSafety, MoreAssessmentWordsFlagTheCodedGroup) {
  for (const char* said :
       {"malignant in appearance.", "compatible with intraductal carcinoma.", "of concern.",
        "warrants biopsy.", "biopsy advised.", "not entirely typical."}) {
    const Report report =
        summarise({"",
                   std::string("Group of round calcifications, right breast, 3 o'clock, ") + said,
                   std::nullopt,
                   {round_grouped_right_at_3()},
                   Category::ProbablyBenign3});
    ASSERT_FALSE(report.decisions.empty()) << said;
    EXPECT_TRUE(report.exam.needs_review) << said;
  }
  // Neighbour: said without them ("stable"), nothing is raised.
  const Report denied =
      summarise({"",
                 "Group of round calcifications, right breast, 3 o'clock, stable.",
                 std::nullopt,
                 {round_grouped_right_at_3()},
                 Category::ProbablyBenign3});
  const auto text = of_origin(denied, Origin::Narrative);
  EXPECT_TRUE(text.empty());
  ASSERT_FALSE(denied.input.findings.empty());
  EXPECT_FALSE(denied.input.findings[0].reported_category &&
               category_rank(*denied.input.findings[0].reported_category) >
                   category_rank(Category::ProbablyBenign3));
}

}  // namespace
}  // namespace mammocalc
