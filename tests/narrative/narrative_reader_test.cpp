// The narrative reader (issue 16): report text → calcification mentions with their status,
// narrative findings with their descriptors and evidence, and the assessment the text states.
// Examples are written from narrative.md; the wordings are the shipped file.

#include "narrative/narrative_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "annotations/wordings_reader.hpp"
#include "findings/lexicon.hpp"
#include "narrative/narrative_test_support.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc {
namespace {

// ---- The shipped wordings, read as the tool reads them (narrative_test_support.hpp) ----

using narrative_test::one_block;
using narrative_test::shipped_prepared_wordings;
using narrative_test::shipped_wordings;

// ---- Documents ----

constexpr CodeConst kFindingsContainer{"121070", "DCM", "Findings"};
constexpr CodeConst kImpressions{"121072", "DCM", "Impressions"};
constexpr CodeConst kHistory{"121060", "DCM", "History"};
constexpr CodeConst kRecommendations{"121074", "DCM", "Recommendations"};
constexpr CodeConst kFindingItem{"121071", "DCM", "Finding"};

struct Part {
  CodeConst container;
  std::string text;
};

// A Basic Text SR: root (18748-4, LN), one container per part, each holding one TEXT item.
SrDocument text_report(const std::vector<Part>& parts) {
  SrDocument document;
  document.root.position = "1";
  document.root.value_type = ValueType::Container;
  document.root.concept_name = Code{"18748-4", "LN", "Diagnostic imaging study"};
  for (std::size_t k = 0; k < parts.size(); ++k) {
    ContentItem container;
    container.position = "1." + std::to_string(k + 1);
    container.relationship = Relationship::Contains;
    container.value_type = ValueType::Container;
    container.concept_name = parts[k].container.to_code();
    ContentItem text;
    text.position = container.position + ".1";
    text.relationship = Relationship::Contains;
    text.value_type = ValueType::Text;
    text.concept_name = kFindingItem.to_code();
    text.text = parts[k].text;
    container.children.push_back(text);
    document.root.children.push_back(container);
  }
  return document;
}

NarrativeReading read(const std::string& text) { return narrative_test::read_one_block(text); }

bool has_morphology(const Finding& finding, Morphology term) {
  for (const auto& held : finding.morphology) {
    if (held.term == term) return true;
  }
  return false;
}

const TextEvidence* evidence_of(const Finding& finding, NarrativeField field) {
  for (const TextEvidence& evidence : finding.text_evidence) {
    if (evidence.field == field) return &evidence;
  }
  return nullptr;
}

bool has_code(const OverallStatement& statement, std::string_view value) {
  for (const StatedFollowUp& stated : statement.follow_up) {
    if (stated.code.value == value && stated.code.scheme == "DCM") return true;
  }
  return false;
}

// ---- The issue's reproduction ----

TEST(NarrativeReader, IssueReproductionGivesOneRightSuspiciousFindingAnd4C) {
  const SrDocument document = text_report(
      {{kFindingsContainer,
        "RIGHT BREAST: There are fine pleomorphic calcifications in a segmental distribution at "
        "10 o'clock, middle depth, spanning 3 cm. No associated mass."},
       {kImpressions,
        "BI-RADS 4C: Suspicious calcifications, right breast. Stereotactic biopsy is "
        "recommended."}});
  const NarrativeReading reading = read_narrative(document, shipped_prepared_wordings());
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  EXPECT_EQ(finding.origin, Origin::Narrative);
  EXPECT_EQ(finding.position, "1.1.1");
  EXPECT_EQ(finding.laterality, Laterality::Right);
  ASSERT_EQ(finding.morphology.size(), 1u);
  EXPECT_EQ(finding.morphology[0].term, Morphology::FinePleomorphic);
  EXPECT_EQ(finding.morphology[0].code.value, code_of(Morphology::FinePleomorphic).value);
  EXPECT_EQ(finding.morphology[0].position, "1.1.1");
  ASSERT_TRUE(finding.distribution);
  EXPECT_EQ(finding.distribution->term, Distribution::Segmental);
  EXPECT_EQ(finding.location.clock_hour, 10);
  EXPECT_EQ(finding.location.depth, Depth::Middle);
  EXPECT_EQ(finding.extent_mm, 30.0);
  EXPECT_EQ(finding.text_status, MentionStatus::Affirmed);
  EXPECT_EQ(finding.text_sentences.size(), 2u);  // the findings sentence and the impression
  EXPECT_TRUE(finding.notes.empty());

  ASSERT_EQ(reading.assessments.size(), 1u);
  const OverallStatement& statement = reading.assessments[0];
  EXPECT_EQ(statement.category, Category::HighSuspicion4C);
  EXPECT_TRUE(statement.from_text);
  EXPECT_EQ(statement.laterality, Laterality::Right);
  EXPECT_TRUE(has_code(statement, "111145"));
  EXPECT_EQ(statement.quote, "BI-RADS 4C: Suspicious calcifications, right breast.");

  ASSERT_EQ(reading.mentions.size(), 2u);
  for (const TextMention& mention : reading.mentions) {
    EXPECT_EQ(mention.status, MentionStatus::Affirmed);
    EXPECT_EQ(mention.findings, std::vector<std::size_t>{0});
  }
  EXPECT_EQ(reading.mentions[0].sentence.section, ReportSection::Findings);
  EXPECT_EQ(reading.mentions[1].sentence.section, ReportSection::Impression);
}

TEST(NarrativeReader, EvidenceSpansPointAtTheWordsInTheItemText) {
  const std::string text =
      "RIGHT BREAST: There are fine pleomorphic calcifications in a segmental distribution at "
      "10 o'clock, middle depth, spanning 3 cm. No associated mass.";
  const NarrativeReading reading = read(text);
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  for (const TextEvidence& evidence : finding.text_evidence) {
    EXPECT_EQ(evidence.span.position, "1.1");
    EXPECT_EQ(text.substr(evidence.span.begin, evidence.span.end - evidence.span.begin),
              evidence.words);
  }
  const TextEvidence* morphology = evidence_of(finding, NarrativeField::Morphology);
  ASSERT_NE(morphology, nullptr);
  EXPECT_EQ(morphology->words, "fine pleomorphic");
  EXPECT_EQ(morphology->value, "fine-pleomorphic");
  const TextEvidence* extent = evidence_of(finding, NarrativeField::Extent);
  ASSERT_NE(extent, nullptr);
  EXPECT_EQ(extent->value, "30");
  const TextEvidence* side = evidence_of(finding, NarrativeField::Laterality);
  ASSERT_NE(side, nullptr);
  EXPECT_EQ(side->words, "RIGHT BREAST");
  const TextMention& mention = reading.mentions.at(0);
  EXPECT_EQ(text.substr(mention.span.begin, mention.span.end - mention.span.begin),
            "calcifications");
  const TextSentence& sentence = mention.sentence;
  EXPECT_EQ(text.substr(sentence.span.begin, sentence.span.end - sentence.span.begin),
            sentence.text);
  EXPECT_EQ(sentence.text.rfind("There are fine", 0), 0u);
  EXPECT_EQ(sentence.text.back(), '.');
}

// ---- Descriptors ----

TEST(NarrativeReader, EveryMorphologyWordingGivesItsTerm) {
  const std::vector<std::pair<std::string, Morphology>> cases = {
      {"skin", Morphology::Skin},
      {"dermal", Morphology::Skin},
      {"vascular", Morphology::Vascular},
      {"tram-track", Morphology::Vascular},
      {"coarse", Morphology::CoarsePopcorn},
      {"popcorn-like", Morphology::CoarsePopcorn},
      {"large rod-like", Morphology::LargeRodLike},
      {"secretory", Morphology::LargeRodLike},
      {"round", Morphology::Round},
      {"punctate", Morphology::Punctate},
      {"pinpoint", Morphology::Punctate},
      {"rim", Morphology::Rim},
      {"eggshell", Morphology::Rim},
      {"lucent-centered", Morphology::LucentCentred},
      {"dystrophic", Morphology::Dystrophic},
      {"layering", Morphology::MilkOfCalcium},
      {"suture", Morphology::Suture},
      {"amorphous", Morphology::Amorphous},
      {"indistinct", Morphology::Amorphous},
      {"coarse heterogeneous", Morphology::CoarseHeterogeneous},
      {"heterogeneous", Morphology::CoarseHeterogeneous},
      {"fine pleomorphic", Morphology::FinePleomorphic},
      {"fine-pleomorphic", Morphology::FinePleomorphic},
      {"pleomorphic", Morphology::FinePleomorphic},
      {"granular", Morphology::FinePleomorphic},
      {"fine linear", Morphology::FineLinear},
      {"fine linear branching", Morphology::FineLinearBranching},
      {"linear branching", Morphology::FineLinearBranching},
      {"casting", Morphology::FineLinearBranching},
  };
  for (const auto& [wording, term] : cases) {
    const NarrativeReading reading = read(wording + " calcifications in the left breast.");
    ASSERT_EQ(reading.findings.size(), 1u) << wording;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << wording;
    ASSERT_EQ(reading.findings[0].morphology.size(), 1u) << wording;
    EXPECT_EQ(reading.findings[0].morphology[0].term, term) << wording;
  }
}

// Every morphology wording of the shipped file is read as its term (no other wording shadows it);
// after "No" it gives no finding; after "Possible" an uncertain one (issue 16's safety property).
TEST(NarrativeReader, EveryShippedMorphologyWordingIsReadAndNegatedAndUncertain) {
  for (const Wording<Morphology>& wording : shipped_wordings().morphology) {
    const std::string sentence = wording.phrase + " calcifications in the left breast.";
    const NarrativeReading reading = read(sentence);
    ASSERT_FALSE(reading.findings.empty()) << sentence;
    EXPECT_TRUE(has_morphology(reading.findings[0], wording.term)) << sentence;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << sentence;
    EXPECT_TRUE(read("No " + sentence).findings.empty()) << sentence;
    const NarrativeReading possible = read("Possible " + sentence);
    ASSERT_FALSE(possible.findings.empty()) << sentence;
    EXPECT_EQ(possible.findings[0].text_status, MentionStatus::Uncertain) << sentence;
  }
}

TEST(NarrativeReader, EveryShippedDistributionWordingIsReadAndNegated) {
  for (const Wording<Distribution>& wording : shipped_wordings().distribution) {
    const std::string sentence = wording.phrase + " amorphous calcifications in the left breast.";
    const NarrativeReading reading = read(sentence);
    ASSERT_FALSE(reading.findings.empty()) << sentence;
    ASSERT_TRUE(reading.findings[0].distribution) << sentence;
    EXPECT_EQ(reading.findings[0].distribution->term, wording.term) << sentence;
    EXPECT_TRUE(read("No " + sentence).findings.empty()) << sentence;
  }
}

TEST(NarrativeReader, MilkOfCalciumIsAMentionAndAMorphology) {
  const NarrativeReading reading = read("Milk of calcium in the right breast.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].words, "Milk of calcium");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::MilkOfCalcium));
}

TEST(NarrativeReader, EveryDistributionWordingGivesItsTerm) {
  const std::vector<std::pair<std::string, Distribution>> cases = {
      {"Diffuse punctate calcifications", Distribution::Diffuse},
      {"Scattered punctate calcifications", Distribution::Diffuse},
      {"Regional amorphous calcifications", Distribution::Regional},
      {"Grouped amorphous calcifications", Distribution::Grouped},
      {"Clustered amorphous calcifications", Distribution::Grouped},
      {"A group of amorphous calcifications", Distribution::Grouped},
      {"Amorphous calcifications in a linear distribution", Distribution::Linear},
      {"Amorphous calcifications arranged in a line", Distribution::Linear},
      {"Segmental amorphous calcifications", Distribution::Segmental},
      {"Amorphous calcifications in a segment", Distribution::Segmental},
      {"Amorphous calcifications in a ductal distribution", Distribution::Segmental},
  };
  for (const auto& [sentence, term] : cases) {
    const NarrativeReading reading = read(sentence + " in the left breast.");
    ASSERT_EQ(reading.findings.size(), 1u) << sentence;
    ASSERT_TRUE(reading.findings[0].distribution) << sentence;
    EXPECT_EQ(reading.findings[0].distribution->term, term) << sentence;
  }
}

TEST(NarrativeReader, LinearCalcificationsReadAsFineLinearMorphology) {
  const NarrativeReading reading = read("Linear calcifications in the left breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FineLinear));
  EXPECT_FALSE(reading.findings[0].distribution);
}

TEST(NarrativeReader, SiteStatedInTextIsNarrativeSite) {
  NarrativeReading reading = read("Punctate calcifications within the lobules, left breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].stated_site, Site::Lobular);
  EXPECT_EQ(reading.findings[0].stated_site_source, SiteSource::Narrative);
  reading = read("Amorphous intraductal calcifications in the right breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].stated_site, Site::Ductal);
}

TEST(NarrativeReader, DuctalCarcinomaIsNoSite) {
  const NarrativeReading reading =
      read("Amorphous calcifications near the ductal carcinoma in the right breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].stated_site, Site::Unknown);
}

TEST(NarrativeReader, LocationCountChangeAndCorrelates) {
  const NarrativeReading reading = read(
      "New group of 5 punctate calcifications in the left upper outer quadrant, posterior depth, "
      "4 cm from the nipple, measuring 6 mm, with a sonographic correlate.");
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Left);
  EXPECT_EQ(finding.location.quadrant, Quadrant::UpperOuter);
  EXPECT_EQ(finding.location.depth, Depth::Posterior);
  EXPECT_EQ(finding.location.from_nipple_mm, 40.0);
  EXPECT_EQ(finding.extent_mm, 6.0);
  EXPECT_EQ(finding.count, 5);
  EXPECT_EQ(finding.change, Change::New);
  EXPECT_EQ(finding.ultrasound_visible, Presence::Yes);
  ASSERT_TRUE(finding.distribution);
  EXPECT_EQ(finding.distribution->term, Distribution::Grouped);
}

TEST(NarrativeReader, NoSonographicCorrelateIsNo) {
  const NarrativeReading reading =
      read("Grouped amorphous calcifications in the right breast with no sonographic correlate.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].ultrasound_visible, Presence::No);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
}

TEST(NarrativeReader, DistanceFromNippleForms) {
  for (const std::string form : {"4 cm FN", "4 cmFN", "40 mm FN", "4 cm from the nipple"}) {
    const NarrativeReading reading =
        read("Grouped punctate calcifications, left breast, " + form + ".");
    ASSERT_EQ(reading.findings.size(), 1u) << form;
    EXPECT_EQ(reading.findings[0].location.from_nipple_mm, 40.0) << form;
  }
}

TEST(NarrativeReader, ClockForms) {
  for (const std::string form : {"at 10 o'clock", "at 10 oclock", "at 10:00", "at 10:30", "at 10",
                                 "at the 10 o'clock position"}) {
    const NarrativeReading reading =
        read("Amorphous calcifications in the right breast " + form + ". No mass.");
    ASSERT_EQ(reading.findings.size(), 1u) << form;
    EXPECT_EQ(reading.findings[0].location.clock_hour, 10) << form;
  }
}

TEST(NarrativeReader, CountIsNoClockMeasureOrCategory) {
  EXPECT_EQ(read("Three punctate calcifications in the right breast.").findings.at(0).count, 3);
  EXPECT_FALSE(read("At 3 o'clock calcifications in the right breast.").findings.at(0).count);
  EXPECT_FALSE(read("2 mm calcifications in the right breast.").findings.at(0).count);
  EXPECT_FALSE(read("BI-RADS 4 calcifications in the right breast.").findings.at(0).count);
  EXPECT_FALSE(read("Two groups of calcifications in the right breast.").findings.at(0).count);
}

TEST(NarrativeReader, AtSixMonthsIsNoClock) {
  const NarrativeReading reading =
      read("Follow-up of the punctate calcifications in the right breast at 6 months.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_FALSE(reading.findings[0].location.clock_hour);
}

TEST(NarrativeReader, MassWithCalcifications) {
  const NarrativeReading reading =
      read("Irregular mass with associated calcifications, left breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(reading.findings[0].mass_with_calcifications);
}

// ---- Context ----

MentionStatus status_in(const std::string& text) {
  const NarrativeReading reading = read(text);
  EXPECT_FALSE(reading.mentions.empty()) << text;
  return reading.mentions.empty() ? MentionStatus::Affirmed : reading.mentions[0].status;
}

TEST(NarrativeReader, NegationBeforeTheMention) {
  for (const std::string text :
       {"No suspicious calcifications.", "There are no calcifications in either breast.",
        "Without calcifications.", "Negative for suspicious calcifications.",
        "No evidence of malignant calcifications.", "The breast is free of calcifications.",
        "No new calcifications."}) {
    EXPECT_EQ(status_in(text), MentionStatus::Negated) << text;
    EXPECT_TRUE(read(text).findings.empty()) << text;
  }
}

TEST(NarrativeReader, NegationAfterTheMention) {
  for (const std::string text :
       {"Suspicious calcifications are not seen.", "Calcifications are not identified.",
        "Previously noted calcifications have resolved.", "Calcifications: absent."}) {
    EXPECT_EQ(status_in(text), MentionStatus::Negated) << text;
  }
}

TEST(NarrativeReader, ListNegationReachesTheCalcifications) {
  const NarrativeReading reading =
      read("No suspicious mass, calcification or architectural distortion.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Negated);
  EXPECT_EQ(reading.mentions[0].trigger, "No");  // the words that negate
  EXPECT_TRUE(reading.findings.empty());
}

TEST(NarrativeReader, NoChangeInIsStableNotNegated) {
  const NarrativeReading reading =
      read("No change in the coarse calcifications of the left breast.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].change, Change::Stable);
}

// A pseudo-trigger wins over a negation that starts before it and overlaps it ("There is no"
// + "no significant change in"): read as negated, suspicious calcifications were dropped.
TEST(NarrativeReader, PseudoTriggerWinsOverAnOverlappingNegation) {
  for (const char* sentence :
       {"There is no significant change in the fine pleomorphic calcifications in the left breast.",
        "There is no change in the fine pleomorphic calcifications in the left breast.",
        "There has been no interval change in the fine pleomorphic calcifications, left breast."}) {
    const NarrativeReading reading = read(sentence);
    ASSERT_EQ(reading.mentions.size(), 1u) << sentence;
    EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed) << sentence;
    ASSERT_EQ(reading.findings.size(), 1u) << sentence;
    EXPECT_EQ(reading.findings[0].change, Change::Stable) << sentence;
    ASSERT_EQ(reading.findings[0].morphology.size(), 1u) << sentence;
    EXPECT_EQ(reading.findings[0].morphology[0].term, Morphology::FinePleomorphic) << sentence;
  }
}

TEST(NarrativeReader, NoLongerSeenIsNegated) {
  EXPECT_EQ(status_in("The calcifications are no longer seen."), MentionStatus::Negated);
  EXPECT_EQ(status_in("Left breast calcifications are no longer visualized."),
            MentionStatus::Negated);
}

TEST(NarrativeReader, PreviouslySeenCalcificationsAreCurrent) {
  const NarrativeReading reading =
      read("The previously seen punctate calcifications in the right breast are unchanged.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].change, Change::Stable);
}

TEST(NarrativeReader, NegationScopeEndsAtTheClause) {
  for (const std::string text :
       {"No mass; fine pleomorphic calcifications in the right breast.",
        "No mass is seen, however there are fine pleomorphic calcifications in the right breast.",
        "No mass but fine pleomorphic calcifications in the right breast."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.mentions.size(), 1u) << text;
    EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed) << text;
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic)) << text;
  }
}

TEST(NarrativeReader, DescriptorsBindAcrossIsSeenButNotAcrossBut) {
  const NarrativeReading reading = read(
      "No suspicious calcifications are identified in the right breast, but there are "
      "grouped amorphous calcifications in the left breast. Calcifications are seen in the "
      "upper outer quadrant of the left breast at 2 o'clock.");
  ASSERT_EQ(reading.mentions.size(), 3u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Negated);
  EXPECT_EQ(reading.mentions[0].laterality, Laterality::Right);
  EXPECT_EQ(reading.mentions[1].laterality, Laterality::Left);
  EXPECT_EQ(reading.mentions[2].laterality, Laterality::Left);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].location.quadrant, Quadrant::UpperOuter);
  EXPECT_EQ(reading.findings[0].location.clock_hour, 2);
}

TEST(NarrativeReader, NegatedCorrelateOrMassDoesNotNegateTheCalcifications) {
  const NarrativeReading reading = read(
      "There is no sonographic correlate for the fine pleomorphic calcifications in the left "
      "breast. No mass associated with the amorphous calcifications in the right breast.");
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  EXPECT_EQ(reading.mentions[1].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 2u);
  EXPECT_EQ(reading.findings[0].ultrasound_visible, Presence::No);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
}

// Hostile review 86: a denial of another thing named before the calcifications (a distortion, a
// correlate, malignancy, a mass; another group in its own breast) never denies them; where the
// words do not tell, they are uncertain, never dropped. A list still denies each item.
TEST(NarrativeReader, ADenialOfAnotherThingBeforeTheCalcificationsLeavesThemThere) {
  for (const std::string text :
       {"No architectural distortion accompanies the fine pleomorphic calcifications in the left "
        "breast.",
        "Ultrasound shows no correlate to the fine pleomorphic calcifications in the left breast.",
        "There is no sonographic correlate to the calcifications in the left breast at 3 o'clock.",
        "No mammographic evidence of malignancy despite a new cluster of amorphous calcifications "
        "in the left breast.",
        "No mass with fine pleomorphic calcifications in the left breast.",
        "Negative for suspicious calcifications in the right breast with grouped amorphous "
        "calcifications in the left breast.",
        "No suspicious calcifications with exception of a cluster of amorphous calcifications in "
        "the left breast.",
        "No suspicious calcifications excluding a cluster of amorphous calcifications in the left "
        "breast.",
        "No suspicious calcifications outside of a cluster of amorphous calcifications in the left "
        "breast.",
        "No suspicious calcifications barring a cluster of amorphous calcifications in the left "
        "breast.",
        "No suspicious calcifications in the right breast in contrast to the left breast with "
        "grouped amorphous calcifications."}) {
    const NarrativeReading reading = read(text);
    const auto left =
        std::find_if(reading.findings.begin(), reading.findings.end(),
                     [](const Finding& finding) { return finding.laterality == Laterality::Left; });
    ASSERT_NE(left, reading.findings.end()) << text;
    EXPECT_NE(left->text_status, MentionStatus::Negated) << text;
    EXPECT_TRUE(std::none_of(
        reading.findings.begin(), reading.findings.end(),
        [](const Finding& finding) { return finding.laterality == Laterality::Right; }))
        << text;
  }
  for (const std::string text :
       {"No architectural distortion or calcifications in the left breast.",
        "No mass or suspicious calcifications.",
        "No suspicious mass, architectural distortion or calcifications "
        "in either breast."}) {
    EXPECT_TRUE(read(text).findings.empty()) << text;
  }
}

// Hostile review 87: an exception that names a place and no calcifications of its own holds the
// calcifications the sentence denies elsewhere: a group there, never "no calcification finding".
TEST(NarrativeReader, AnExceptedPlaceHoldsTheDeniedCalcifications) {
  for (const std::string text :
       {"No suspicious calcifications except in the left breast at 3 o'clock.",
        "No suspicious calcifications other than in the left breast at 3 o'clock.",
        "No calcifications except at 3 o'clock in the left breast.",
        "No suspicious calcifications, except in the left breast.",
        "No suspicious calcifications save for the left breast."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
  }
  EXPECT_TRUE(read("No suspicious calcifications in either breast.").findings.empty());
}

// Hostile review 86: two groups of one breast in one sentence, the later placed by words of its
// own, are two findings; the suspicious group keeps its own place and the benign kind never
// covers a kindless group.
TEST(NarrativeReader, TwoGroupsOfOneBreastPlacedApartAreTwoFindings) {
  const NarrativeReading two = read(
      "Right breast: coarse calcifications at 10 o'clock and fine pleomorphic calcifications at 2 "
      "o'clock.");
  ASSERT_EQ(two.findings.size(), 2u);
  for (const Finding& finding : two.findings) {
    EXPECT_EQ(finding.laterality, Laterality::Right);
    ASSERT_EQ(finding.morphology.size(), 1u);
    EXPECT_EQ(finding.location.clock_hour,
              finding.morphology[0].term == Morphology::FinePleomorphic ? 2 : 10);
  }
  const NarrativeReading three = read(
      "Right breast: coarse calcifications at 10 o'clock, fine pleomorphic calcifications at 2 "
      "o'clock, vascular calcifications at 6 o'clock.");
  EXPECT_EQ(three.findings.size(), 3u);
  const NarrativeReading kindless =
      read("Right breast: vascular calcifications; also a few tiny calcifications at 10 o'clock.");
  ASSERT_EQ(kindless.findings.size(), 2u);
  EXPECT_TRUE(
      std::any_of(kindless.findings.begin(), kindless.findings.end(), [](const Finding& finding) {
        return finding.morphology.empty() && finding.location.clock_hour == 10;
      }));
  // One group at two clocks stays one finding (a conflict on it).
  EXPECT_EQ(read("Grouped amorphous calcifications at 2 o'clock and 8 o'clock in the right breast.")
                .findings.size(),
            1u);
}

TEST(NarrativeReader, UncertainMentionGivesAnUncertainFinding) {
  for (const std::string text : {"Possible amorphous calcifications in the left breast.",
                                 "Calcifications in the left breast cannot be excluded.",
                                 "Questionable calcifications in the left breast.",
                                 "Density that may represent calcifications, left breast.",
                                 "Equivocal calcifications, left breast."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.mentions.size(), 1u) << text;
    EXPECT_EQ(reading.mentions[0].status, MentionStatus::Uncertain) << text;
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].text_status, MentionStatus::Uncertain) << text;
  }
}

TEST(NarrativeReader, SuspiciousAndProbablyBenignAreNotUncertain) {
  EXPECT_EQ(status_in("Suspicious calcifications in the left breast."), MentionStatus::Affirmed);
  EXPECT_EQ(status_in("Probably benign punctate calcifications, left breast."),
            MentionStatus::Affirmed);
}

// Hostile review 86: calcifications said to be still there beside their past are weighed and
// reviewed (uncertain), never only the past ("no calcification finding").
TEST(NarrativeReader, ResidualCalcificationsBesideTheirPastAreNotOnlyThePast) {
  for (const std::string text :
       {"Biopsy clip in the left breast at 2 o'clock. Residual grouped amorphous calcifications "
        "adjacent to the clip.",
        "Status post stereotactic biopsy of left breast calcifications at 2 o'clock, with residual "
        "amorphous calcifications around the biopsy clip."}) {
    const NarrativeReading reading = read(text);
    ASSERT_FALSE(reading.findings.empty()) << text;
    EXPECT_EQ(reading.findings.back().text_status, MentionStatus::Uncertain) << text;
    EXPECT_TRUE(has_morphology(reading.findings.back(), Morphology::Amorphous)) << text;
  }
  EXPECT_EQ(status_in("Status post biopsy of calcifications in the right breast."),
            MentionStatus::Historical);
}

// Hostile review 86: a doubt in a sentence of its own after them is a doubt about them; a denial
// there is not.
TEST(NarrativeReader, ADoubtInTheNextSentenceIsADoubtAboutThem) {
  const NarrativeReading doubted = read(
      "Right breast: dystrophic calcifications at the lumpectomy site. Recurrence not excluded.");
  ASSERT_EQ(doubted.findings.size(), 1u);
  EXPECT_EQ(doubted.findings[0].text_status, MentionStatus::Uncertain);
  const NarrativeReading cleared = read(
      "Right breast: dystrophic calcifications at the lumpectomy site. No evidence of "
      "recurrence.");
  ASSERT_EQ(cleared.findings.size(), 1u);
  EXPECT_EQ(cleared.findings[0].text_status, MentionStatus::Affirmed);
  // Hostile review 87: more doubts and denials of benignity, in a sentence of their own.
  for (const std::string doubt :
       {"Doubtful.", "Benignity not certain.", "Not classically benign.",
        "Not entirely reassuring.", "Cannot be characterised as benign.",
        "Benign features are lacking.",
        // Hostile review 88: a question of its own, and "entirely" inside the doubt.
        "Benign?", "Recurrence is not entirely excluded.",
        "Cannot be entirely excluded that these are new.", "Not entirely certain."}) {
    const NarrativeReading reading = read("Vascular calcifications in the right breast. " + doubt);
    ASSERT_EQ(reading.findings.size(), 1u) << doubt;
    const Finding& finding = reading.findings[0];
    const bool assessed_suspicious =
        finding.reported_category &&
        category_rank(*finding.reported_category) >= category_rank(Category::Suspicious4);
    EXPECT_TRUE(finding.text_status == MentionStatus::Uncertain || assessed_suspicious) << doubt;
  }
}

TEST(NarrativeReader, HistoricalUnlessNewOrIncreased) {
  EXPECT_EQ(status_in("History of benign calcifications in the right breast."),
            MentionStatus::Historical);
  EXPECT_EQ(status_in("Status post biopsy of calcifications in the right breast."),
            MentionStatus::Historical);
  EXPECT_EQ(status_in("Prior biopsy of calcifications; s/p lumpectomy."),
            MentionStatus::Historical);
  const NarrativeReading reading =
      read("Status post lumpectomy with new fine pleomorphic calcifications in the right breast.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].change, Change::New);
}

TEST(NarrativeReader, HistorySectionIsHistoricalUnlessNew) {
  const SrDocument document =
      text_report({{kHistory, "Recall for calcifications in the left breast."},
                   {kFindingsContainer, "Increased amorphous calcifications, left breast."}});
  const NarrativeReading reading = read_narrative(document, shipped_prepared_wordings());
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Historical);
  EXPECT_EQ(reading.mentions[0].sentence.section, ReportSection::History);
  EXPECT_EQ(reading.mentions[1].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].text_sentences.size(), 1u);
}

TEST(NarrativeReader, Hypothetical) {
  EXPECT_EQ(status_in("If calcifications develop, biopsy would be considered."),
            MentionStatus::Hypothetical);
  EXPECT_EQ(status_in("Should the calcifications increase, biopsy is advised."),
            MentionStatus::Hypothetical);
  EXPECT_EQ(status_in("Biopsy should be performed of the amorphous calcifications."),
            MentionStatus::Affirmed);
}

// ---- Scope of context words (hostile review of the text reader) ----

// A negation after the mention reaches back across a comma only as its predicate: "…, not seen on
// ultrasound" and "…, not present in 2019" speak of the ultrasound and of the prior exam.
TEST(NarrativeReader, NegationAfterACommaSpeaksOfAnotherExam) {
  NarrativeReading reading =
      read("Fine pleomorphic calcifications in the left breast, not seen on ultrasound.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_EQ(reading.findings[0].ultrasound_visible, Presence::No);

  reading = read("Grouped amorphous calcifications at 2 o'clock, not present in 2019.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].change, Change::New);
  EXPECT_EQ(reading.findings[0].location.clock_hour, 2);

  // The predicate still negates; a bare negation after a comma cannot be told: uncertain.
  EXPECT_EQ(status_in("The calcifications in the left breast are not seen."),
            MentionStatus::Negated);
  reading = read("Calcifications in the left breast, not seen.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Uncertain);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].text_status, MentionStatus::Uncertain);
}

// A negation whose words are an ultrasound correlate or a change wording speaks of that other
// exam, with or without a comma: "are not seen on ultrasound" is a mammographic-only finding.
TEST(NarrativeReader, NegationOfAnotherExamDoesNotNegateTheCalcifications) {
  NarrativeReading reading =
      read("The calcifications in the left breast are not seen on ultrasound.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].ultrasound_visible, Presence::No);
  reading =
      read("The fine pleomorphic calcifications in the left breast are not present on the prior.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].change, Change::New);
  EXPECT_EQ(status_in("Calcifications are not seen."), MentionStatus::Negated);
}

// "No" ends at a comma or "and" that starts a noun phrase with words of its own; a list going on
// with "or" stays negated (narrative.md §3; gold neg01, sus02); a bare noun after the comma cannot
// be told: an uncertain finding with a note, never negated.
TEST(NarrativeReader, NegationEndsWhereADescribedNounPhraseStarts) {
  NarrativeReading reading =
      read("No mass, fine pleomorphic calcifications in the upper outer quadrant.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
  EXPECT_EQ(reading.findings[0].location.quadrant, Quadrant::UpperOuter);

  reading =
      read("No architectural distortion and segmental fine linear calcifications right breast.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Right);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FineLinear));
  ASSERT_TRUE(reading.findings[0].distribution);
  EXPECT_EQ(reading.findings[0].distribution->term, Distribution::Segmental);

  for (const std::string text :
       {"No suspicious masses, calcifications or architectural distortion.",
        "No suspicious masses, calcifications, or architectural distortion.",
        "There are no suspicious masses, calcifications, architectural distortion, or skin "
        "thickening.",
        "No mass or calcifications.", "No amorphous and pleomorphic calcifications."}) {
    EXPECT_EQ(status_in(text), MentionStatus::Negated) << text;
    EXPECT_TRUE(read(text).findings.empty()) << text;
  }

  reading = read("No mass, calcifications in the left breast.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Uncertain);
  EXPECT_EQ(reading.mentions[0].trigger, "No");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].text_status, MentionStatus::Uncertain);
  ASSERT_FALSE(reading.findings[0].notes.empty());
  EXPECT_EQ(reading.findings[0].notes[0].code, WarningCode::NarrativeUnresolved);
  EXPECT_NE(reading.findings[0].notes[0].text.find("\"No\""), std::string::npos);
}

// "History of" ends where a new described noun phrase starts, and "new" speaks for the mention
// nearest to it.
TEST(NarrativeReader, HistoryEndsWhereANewDescribedNounPhraseStarts) {
  NarrativeReading reading = read(
      "History of benign calcifications, now with new fine pleomorphic calcifications in the left "
      "breast.");
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Historical);
  EXPECT_TRUE(reading.mentions[0].findings.empty());
  EXPECT_EQ(reading.mentions[1].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.mentions[1].findings, std::vector<std::size_t>{0});
  EXPECT_EQ(reading.findings[0].change, Change::New);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));

  reading = read("Prior biopsy of calcifications in the left breast, now increased in number.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
}

// A hypothesis ("to determine whether …", "to evaluate for …") gives no finding, and its words
// describe nothing found.
TEST(NarrativeReader, HypothesisGivesNoFindingAndNoDescriptor) {
  for (const std::string text :
       {"Magnification views are recommended to determine whether the calcifications are "
        "pleomorphic.",
        "Magnification views are recommended to evaluate for calcifications."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.mentions.size(), 1u) << text;
    EXPECT_EQ(reading.mentions[0].status, MentionStatus::Hypothetical) << text;
    EXPECT_TRUE(reading.findings.empty()) << text;
  }
  const NarrativeReading reading = read(
      "Grouped calcifications in the left breast, which need magnification views to determine "
      "whether they are pleomorphic.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_FALSE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
  ASSERT_TRUE(reading.findings[0].distribution);
  EXPECT_EQ(reading.findings[0].distribution->term, Distribution::Grouped);
}

// A hedge on the kind ("likely vascular", "favor dermal") is no benign statement: the morphology
// is kept, the mention uncertain (rule C14). "Likely benign" is an assessment (gold mix02).
TEST(NarrativeReader, HedgeAfterTheMentionIsUncertain) {
  const std::vector<std::pair<std::string, Morphology>> cases = {
      {"Calcifications in the right breast, likely vascular.", Morphology::Vascular},
      {"Calcifications in the right breast, favor dermal.", Morphology::Skin},
      {"Probably vascular calcifications in the right breast.", Morphology::Vascular},
  };
  for (const auto& [text, term] : cases) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.mentions.size(), 1u) << text;
    EXPECT_EQ(reading.mentions[0].status, MentionStatus::Uncertain) << text;
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].text_status, MentionStatus::Uncertain) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], term)) << text;
  }
  EXPECT_EQ(status_in("Stable bilateral diffuse calcifications, likely benign."),
            MentionStatus::Affirmed);
}

// A hedge in a sentence going on about the calcifications ("These are likely vascular") makes the
// finding uncertain with a note: a kind that is only likely gives no benign category.
TEST(NarrativeReader, HedgeInASentenceGoingOnMakesTheFindingUncertain) {
  for (const std::string text : {"Calcifications in the right breast. These are likely vascular.",
                                 "Calcifications in the right breast. They are possibly dermal."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_FALSE(reading.findings[0].morphology.empty()) << text;
    EXPECT_EQ(reading.findings[0].text_status, MentionStatus::Uncertain) << text;
    ASSERT_FALSE(reading.findings[0].notes.empty()) << text;
    EXPECT_EQ(reading.findings[0].notes[0].code, WarningCode::NarrativeUnresolved) << text;
  }
  const NarrativeReading plain = read("Calcifications in the right breast. They are vascular.");
  ASSERT_EQ(plain.findings.size(), 1u);
  EXPECT_EQ(plain.findings[0].text_status, MentionStatus::Affirmed);
}

// "but", "though": the suspicious descriptor of the clause after binds to the same finding, as a
// conflict with the benign one, never dropped; a benign word alone describes no finding.
TEST(NarrativeReader, ContrastClauseKeepsTheSuspiciousDescriptor) {
  const std::vector<std::pair<std::string, Morphology>> cases = {
      {"Round calcifications, but some are pleomorphic, in the left breast.",
       Morphology::FinePleomorphic},
      {"Punctate calcifications, though a few appear fine linear.", Morphology::FineLinear},
  };
  for (const auto& [text, term] : cases) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], term)) << text;
    ASSERT_EQ(reading.findings[0].conflicts.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].conflicts[0].field, FindingField::Morphology) << text;
  }
  const NarrativeReading round = read("Calcifications in the left breast, but some are round.");
  ASSERT_EQ(round.findings.size(), 1u);
  EXPECT_TRUE(round.findings[0].morphology.empty());
}

// Suspicious words after "but" with no finding to join (another breast, or a negated clause
// before) are an uncertain finding of their own with a note, never dropped.
// The first finding on the left breast; null when there is none.
const Finding* left_finding(const NarrativeReading& reading) {
  const auto left =
      std::find_if(reading.findings.begin(), reading.findings.end(),
                   [](const Finding& finding) { return finding.laterality == Laterality::Left; });
  return left != reading.findings.end() ? &*left : nullptr;
}

TEST(NarrativeReader, ContrastClauseWithNowhereToGoIsAnUncertainFinding) {
  // "Ones" stands for a second group (function-word role second-group): a mention of its own,
  // never dropped, with its own breast and kind.
  for (const std::string text :
       {"Vascular calcifications in the right breast, but pleomorphic ones in the left breast.",
        "No calcifications in the right breast, but pleomorphic ones in the left breast."}) {
    const NarrativeReading reading = read(text);
    const Finding* left = left_finding(reading);
    ASSERT_NE(left, nullptr) << text;
    EXPECT_TRUE(has_morphology(*left, Morphology::FinePleomorphic)) << text;
    EXPECT_FALSE(has_morphology(*left, Morphology::Vascular)) << text;
  }
  for (const std::string text :
       {"Vascular calcifications in the right breast, but pleomorphic in the left breast.",
        "No calcifications in the right breast, but pleomorphic forms in the left breast."}) {
    const NarrativeReading reading = read(text);
    const Finding* left = left_finding(reading);
    ASSERT_NE(left, nullptr) << text;
    EXPECT_TRUE(has_morphology(*left, Morphology::FinePleomorphic)) << text;
    EXPECT_EQ(left->text_status, MentionStatus::Uncertain) << text;
    ASSERT_FALSE(left->notes.empty()) << text;
    EXPECT_EQ(left->notes[0].code, WarningCode::NarrativeUnresolved) << text;
  }
}

// A place named after "deep to", "adjacent to", or "post-radiation changes" gives no benign
// morphology; the morphology words said of the calcifications still do.
TEST(NarrativeReader, SurroundingsAreNoMorphology) {
  for (const std::string text :
       {"Calcifications deep to the skin in the left breast.",
        "Calcifications adjacent to a vessel in the left breast.",
        "Post-radiation changes with calcifications in the left breast."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_TRUE(reading.findings[0].morphology.empty()) << text;
  }
  const std::vector<std::pair<std::string, Morphology>> said = {
      {"Skin calcifications in the left breast.", Morphology::Skin},
      {"Dermal calcifications near the nipple in the left breast.", Morphology::Skin},
      {"Post-radiation calcifications in the left breast.", Morphology::Dystrophic},
      {"Post-surgical changes with dystrophic calcifications in the left breast.",
       Morphology::Dystrophic},
      {"Post-surgical changes with fine pleomorphic calcifications in the left breast.",
       Morphology::FinePleomorphic},
  };
  for (const auto& [text, term] : said) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], term)) << text;
  }
}

TEST(NarrativeReader, CompositionSentencesGiveNoDescriptor) {
  const NarrativeReading reading = read(
      "The breasts are heterogeneously dense, which may obscure small masses. There are scattered "
      "areas of fibroglandular density. Punctate calcifications in the left breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  EXPECT_FALSE(has_morphology(finding, Morphology::CoarseHeterogeneous));
  EXPECT_FALSE(finding.distribution);
  const NarrativeReading dense =
      read("Heterogeneously dense breasts with vascular calcifications.");
  ASSERT_FALSE(dense.findings.empty());
  EXPECT_FALSE(has_morphology(dense.findings[0], Morphology::CoarseHeterogeneous));
  EXPECT_TRUE(has_morphology(dense.findings[0], Morphology::Vascular));
}

// ---- Sections, headings, sentences ----

TEST(NarrativeReader, SectionsFromNarrativeSummaryContainersAndItemConcepts) {
  SrDocument document = one_block("Grouped punctate calcifications, right breast.");
  document.root.concept_name = Code{"111400", "DCM", "Breast Imaging Report"};
  ContentItem summary;
  summary.position = "1.2";
  summary.value_type = ValueType::Container;
  summary.concept_name = Code{"111412", "DCM", "Narrative Summary"};
  ContentItem findings;
  findings.position = "1.2.1";
  findings.value_type = ValueType::Container;
  findings.concept_name = kFindingsContainer.to_code();
  ContentItem text;
  text.position = "1.2.1.1";
  text.value_type = ValueType::Text;
  text.concept_name = kFindingItem.to_code();
  text.text = "Amorphous calcifications in the left breast.";
  findings.children.push_back(text);
  summary.children.push_back(findings);
  ContentItem impression;
  impression.position = "1.2.2";
  impression.value_type = ValueType::Text;
  impression.concept_name = Code{"121073", "DCM", "Impression"};
  impression.text = "BI-RADS 4B.";
  summary.children.push_back(impression);
  document.root.children.push_back(summary);
  const NarrativeReading reading = read_narrative(document, shipped_prepared_wordings());
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].sentence.section, ReportSection::Unsectioned);
  EXPECT_EQ(reading.mentions[0].span.position, "1.1");
  EXPECT_EQ(reading.mentions[1].sentence.section, ReportSection::Findings);
  EXPECT_EQ(reading.mentions[1].span.position, "1.2.1.1");
  ASSERT_EQ(reading.findings.size(), 2u);
  EXPECT_EQ(reading.findings[1].position, "1.2.1.1");
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_EQ(reading.assessments[0].position, "1.2.2");
  EXPECT_EQ(reading.assessments[0].category, Category::ModerateSuspicion4B);
}

TEST(NarrativeReader, SectionsAndBreastsFromHeadingsInOneText) {
  const std::string text =
      "CLINICAL HISTORY: Screening. Prior benign calcifications.\n"
      "COMPARISON: 2023.\n\n"
      "FINDINGS:\n"
      "RIGHT BREAST: Grouped amorphous calcifications at 2 o'clock.\n"
      "LEFT BREAST: No suspicious calcifications.\n\n"
      "IMPRESSION: Suspicious calcifications. BI-RADS 4B.\n";
  const NarrativeReading reading = read(text);
  ASSERT_EQ(reading.mentions.size(), 4u);
  EXPECT_EQ(reading.mentions[0].sentence.section, ReportSection::History);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Historical);
  EXPECT_EQ(reading.mentions[1].sentence.section, ReportSection::Findings);
  EXPECT_EQ(reading.mentions[1].laterality, Laterality::Right);
  EXPECT_EQ(reading.mentions[2].laterality, Laterality::Left);
  EXPECT_EQ(reading.mentions[2].status, MentionStatus::Negated);
  EXPECT_EQ(reading.mentions[3].sentence.section, ReportSection::Impression);
  EXPECT_EQ(reading.mentions[3].laterality, Laterality::Unknown);  // the impression heading resets
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Right);
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_EQ(reading.assessments[0].category, Category::ModerateSuspicion4B);
}

TEST(NarrativeReader, HeadingsAloneOnTheirLines) {
  const NarrativeReading reading =
      read("Findings\nRight breast\nGrouped amorphous calcifications.\nImpression\nBI-RADS 4B.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].sentence.section, ReportSection::Findings);
  EXPECT_EQ(reading.mentions[0].laterality, Laterality::Right);
  EXPECT_EQ(reading.mentions[0].sentence.text, "Grouped amorphous calcifications.");
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_EQ(reading.assessments[0].laterality, Laterality::Unknown);
}

TEST(NarrativeReader, AllCapitalsReportWithCrLfAndNumberedList) {
  const std::string text =
      "FINDINGS:\r\n1. FINE LINEAR BRANCHING CALCS IN THE LT BREAST AT 3:00, 2.5 CM FN.\r\n"
      "2. NO SUSPICIOUS CALCIFICATIONS IN THE RT BREAST.\r\n\r\nIMPRESSION:\r\nBI-RADS 5.";
  const NarrativeReading reading = read(text);
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].words, "CALCS");
  EXPECT_EQ(reading.mentions[0].sentence.text,
            "FINE LINEAR BRANCHING CALCS IN THE LT BREAST AT 3:00, 2.5 CM FN.");
  EXPECT_EQ(reading.mentions[1].status, MentionStatus::Negated);
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  EXPECT_EQ(finding.laterality, Laterality::Left);
  EXPECT_TRUE(has_morphology(finding, Morphology::FineLinearBranching));
  EXPECT_EQ(finding.location.clock_hour, 3);
  EXPECT_EQ(finding.location.from_nipple_mm, 25.0);
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_EQ(reading.assessments[0].category, Category::HighlySuggestive5);
}

TEST(NarrativeReader, SentenceEndsAfterCmAndNotAfterAbbreviations) {
  const NarrativeReading reading = read(
      "Amorphous calcifications spanning approx. 2.5 cm. No calcifications in the left "
      "breast, e.g. none.");
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].sentence.text, "Amorphous calcifications spanning approx. 2.5 cm.");
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  EXPECT_EQ(reading.mentions[1].status, MentionStatus::Negated);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].extent_mm, 25.0);
}

TEST(NarrativeReader, BlankLineEndsASentence) {
  const NarrativeReading reading =
      read("No suspicious mass\n\nFine pleomorphic calcifications in the right breast");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
}

// ---- Findings ----

TEST(NarrativeReader, BilateralGivesOneFindingPerBreast) {
  const NarrativeReading reading = read("Scattered vascular calcifications bilaterally.");
  ASSERT_EQ(reading.findings.size(), 2u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Right);
  EXPECT_EQ(reading.findings[1].laterality, Laterality::Left);
  EXPECT_EQ(reading.mentions.at(0).findings, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(reading.mentions.at(0).laterality, Laterality::Both);
}

TEST(NarrativeReader, TwoBreastsAreTwoFindings) {
  const NarrativeReading reading = read(
      "Grouped punctate calcifications in the right breast. Fine linear calcifications in "
      "the left breast.");
  ASSERT_EQ(reading.findings.size(), 2u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Right);
  EXPECT_EQ(reading.findings[1].laterality, Laterality::Left);
}

TEST(NarrativeReader, ImpressionContradictingKeepsBothAndTheMoreSuspicious) {
  const SrDocument document = text_report(
      {{kFindingsContainer, "Left breast: grouped amorphous calcifications at 3 o'clock."},
       {kImpressions, "Segmental amorphous calcifications in the left breast. BI-RADS 4B."}});
  const NarrativeReading reading = read_narrative(document, shipped_prepared_wordings());
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  ASSERT_TRUE(finding.distribution);
  EXPECT_EQ(finding.distribution->term, Distribution::Segmental);
  ASSERT_EQ(finding.conflicts.size(), 1u);
  EXPECT_EQ(finding.conflicts[0].field, FindingField::Distribution);
  EXPECT_EQ(finding.conflicts[0].given.size(), 2u);
}

TEST(NarrativeReader, TwoGroupsInOneBreastAreTwoFindings) {
  const NarrativeReading reading = read(
      "Left breast: vascular calcifications at 6 o'clock. Grouped amorphous calcifications "
      "at 2 o'clock.");
  ASSERT_EQ(reading.findings.size(), 2u);
}

// Two clock positions in one breast stay two findings, or one finding with a conflict: never one
// finding silently holding one of the positions.
TEST(NarrativeReader, DifferentClockPositionsAreNeverSilentlyMerged) {
  auto clock_conflict = [](const Finding& finding) {
    return std::any_of(finding.conflicts.begin(), finding.conflicts.end(),
                       [](const ValueConflict& conflict) {
                         return conflict.field == FindingField::ClockFaceOrRegion;
                       });
  };
  NarrativeReading reading = read(
      "Left breast: grouped calcifications at 2 o'clock. Grouped calcifications at 8 o'clock.");
  ASSERT_EQ(reading.findings.size(), 2u);
  EXPECT_EQ(reading.findings[0].location.clock_hour, 2);
  EXPECT_EQ(reading.findings[1].location.clock_hour, 8);
  for (const std::string text :
       {"Grouped calcifications in the left breast at 2 o'clock and 8 o'clock.",
        "Grouped calcifications in the left breast at 2 o'clock. Grouped calcifications in the "
        "left breast at 3 o'clock."}) {
    reading = read(text);
    ASSERT_FALSE(reading.findings.empty()) << text;
    if (reading.findings.size() == 1u) {
      EXPECT_TRUE(clock_conflict(reading.findings[0])) << text;
    }
  }
  // A restatement at the same clock is no conflict.
  reading = read(
      "Grouped calcifications in the left breast at 2 o'clock. Impression: grouped calcifications "
      "at 2 o'clock, left breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_FALSE(clock_conflict(reading.findings[0]));
}

TEST(NarrativeReader, SentenceReferringBackDescribesThePreviousFinding) {
  const NarrativeReading reading = read(
      "Several calcifications are seen in the left breast. They are fine pleomorphic and span "
      "8 mm. No sonographic correlate.");
  ASSERT_EQ(reading.findings.size(), 1u);
  const Finding& finding = reading.findings[0];
  EXPECT_TRUE(has_morphology(finding, Morphology::FinePleomorphic));
  EXPECT_EQ(finding.extent_mm, 8.0);
  EXPECT_EQ(finding.ultrasound_visible, Presence::No);
  EXPECT_EQ(finding.text_sentences.size(), 3u);
  EXPECT_TRUE(finding.notes.empty());
}

TEST(NarrativeReader, RelativeClauseDescribesButDoesNotNegate) {
  const NarrativeReading reading = read(
      "Pleomorphic microcalcifications in the right breast, which were not present on the "
      "prior exam.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Affirmed);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].change, Change::New);
}

TEST(NarrativeReader, BareRestatementJoinsTheSuspiciousGroup) {
  const SrDocument document = text_report(
      {{kFindingsContainer,
        "Left breast: vascular calcifications. Grouped amorphous calcifications at 2 o'clock."},
       {kImpressions, "Suspicious left breast calcifications. BI-RADS 4B."}});
  const NarrativeReading reading = read_narrative(document, shipped_prepared_wordings());
  ASSERT_EQ(reading.findings.size(), 2u);
  EXPECT_EQ(reading.findings[0].text_sentences.size(), 1u);
  EXPECT_EQ(reading.findings[1].text_sentences.size(), 2u);
  EXPECT_EQ(reading.mentions.at(2).findings, std::vector<std::size_t>{1});
}

TEST(NarrativeReader, UndescribedCalcificationsGiveAFindingWithANote) {
  const NarrativeReading reading = read("Calcifications are present.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Unknown);
  ASSERT_EQ(reading.findings[0].notes.size(), 1u);
  EXPECT_EQ(reading.findings[0].notes[0].code, WarningCode::NarrativeUnresolved);
  EXPECT_NE(reading.findings[0].notes[0].text.find("Calcifications are present."),
            std::string::npos);
  EXPECT_EQ(reading.findings[0].notes[0].position, "1.1");
}

TEST(NarrativeReader, RecommendationNamingCalcificationsIsEvidence) {
  const SrDocument document =
      text_report({{kRecommendations, "Magnification views of the right breast calcifications."}});
  const NarrativeReading reading = read_narrative(document, shipped_prepared_wordings());
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Right);
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_FALSE(reading.assessments[0].category);
  EXPECT_TRUE(has_code(reading.assessments[0], "111136"));
}

// ---- Assessment ----

TEST(NarrativeReader, BiradsCategoryForms) {
  const std::vector<std::pair<std::string, Category>> cases = {
      {"BI-RADS 4C.", Category::HighSuspicion4C},
      {"BIRADS 4c.", Category::HighSuspicion4C},
      {"BI RADS 4.", Category::Suspicious4},
      {"BI-RADS: 4.", Category::Suspicious4},
      {"BI-RADS\xC2\xAE Category 3.", Category::ProbablyBenign3},
      {"Category 4.", Category::Suspicious4},
      {"ACR BI-RADS 2.", Category::Benign2},
      {"BI-RADS 0 \xE2\x80\x93 incomplete.", Category::Incomplete0},
      {"BI-RADS IV.", Category::Suspicious4},
      {"BI-RADS IVb.", Category::ModerateSuspicion4B},
      {"BI-RADS 6: known malignancy.", Category::KnownMalignancy6},
  };
  for (const auto& [text, category] : cases) {
    const NarrativeReading reading = read("IMPRESSION: " + text);
    ASSERT_EQ(reading.assessments.size(), 1u) << text;
    EXPECT_EQ(reading.assessments[0].category, category) << text;
    EXPECT_EQ(reading.assessments[0].laterality, Laterality::Unknown) << text;
    EXPECT_TRUE(reading.assessments[0].from_text);
  }
}

TEST(NarrativeReader, BiradsPerBreast) {
  const NarrativeReading reading = read("Right breast: BI-RADS 2. Left breast: BI-RADS 5.");
  ASSERT_EQ(reading.assessments.size(), 2u);
  EXPECT_EQ(reading.assessments[0].laterality, Laterality::Right);
  EXPECT_EQ(reading.assessments[0].category, Category::Benign2);
  EXPECT_EQ(reading.assessments[1].laterality, Laterality::Left);
  EXPECT_EQ(reading.assessments[1].category, Category::HighlySuggestive5);
  const NarrativeReading after = read("ASSESSMENT: BI-RADS 3 right breast; BI-RADS 1 left breast.");
  ASSERT_EQ(after.assessments.size(), 2u);
  EXPECT_EQ(after.assessments[0].laterality, Laterality::Right);
  EXPECT_EQ(after.assessments[1].laterality, Laterality::Left);
  const NarrativeReading inline_sides = read("Right breast BI-RADS 1, left breast BI-RADS 4A.");
  ASSERT_EQ(inline_sides.assessments.size(), 2u);
  EXPECT_EQ(inline_sides.assessments[0].laterality, Laterality::Right);
  EXPECT_EQ(inline_sides.assessments[1].laterality, Laterality::Left);
  EXPECT_EQ(inline_sides.assessments[1].category, Category::LowSuspicion4A);
}

// "BI-RADS: 2 right, 4 left" is one category per breast, never the first alone for the exam.
TEST(NarrativeReader, BiradsListedPerBreastAfterOneCategoryWord) {
  for (const std::string text :
       {"IMPRESSION: BI-RADS: 2 right, 4 left.", "IMPRESSION: BI-RADS right 2, left 4."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.assessments.size(), 2u) << text;
    EXPECT_EQ(reading.assessments[0].laterality, Laterality::Right) << text;
    EXPECT_EQ(reading.assessments[0].category, Category::Benign2) << text;
    EXPECT_EQ(reading.assessments[1].laterality, Laterality::Left) << text;
    EXPECT_EQ(reading.assessments[1].category, Category::Suspicious4) << text;
  }
  // A number after a comma is no second category unless a breast names it.
  const NarrativeReading months = read("IMPRESSION: BI-RADS 3, 6 month follow-up.");
  ASSERT_EQ(months.assessments.size(), 1u);
  EXPECT_EQ(months.assessments[0].category, Category::ProbablyBenign3);
}

// A prior exam's category and a density category are not this report's assessment.
TEST(NarrativeReader, PriorAndDensityCategoriesAreNotTheAssessment) {
  for (const std::string text : {"IMPRESSION: Calcifications, previously BI-RADS 3, now BI-RADS 4.",
                                 "IMPRESSION: BI-RADS 3 in 2022. Now BI-RADS 4.",
                                 "IMPRESSION: BI-RADS 3 (2022), now BI-RADS 4.",
                                 "IMPRESSION: Breast density BI-RADS 3. BI-RADS 4.",
                                 "IMPRESSION: Breast density category 3. BI-RADS 4.",
                                 "IMPRESSION: ACR density C. BI-RADS density b. BI-RADS 4.",
                                 "IMPRESSION: Heterogeneously dense (BI-RADS 3). BI-RADS 4."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.assessments.size(), 1u) << text;
    EXPECT_EQ(reading.assessments[0].category, Category::Suspicious4) << text;
  }
  // Across a comma it may be the assessment: read (a misread category can only raise the final).
  const NarrativeReading comma = read("IMPRESSION: Heterogeneously dense, BI-RADS 4.");
  ASSERT_EQ(comma.assessments.size(), 1u);
  EXPECT_EQ(comma.assessments[0].category, Category::Suspicious4);
}

TEST(NarrativeReader, CategoryInHistoryIsNotRead) {
  const SrDocument document =
      text_report({{kHistory, "Prior BI-RADS 3 calcifications, category 3 follow-up."},
                   {kImpressions, "BI-RADS 2."}});
  const NarrativeReading reading = read_narrative(document, shipped_prepared_wordings());
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_EQ(reading.assessments[0].category, Category::Benign2);
}

TEST(NarrativeReader, StatedFollowUps) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Stereotactic biopsy is recommended.", "111145"},
      {"Recommend vacuum-assisted biopsy.", "111145"},
      {"Ultrasound-guided core biopsy.", "111145"},
      {"Wire localization and excision.", "111144"},
      {"Short-interval follow-up mammogram.", "111142"},
      {"6-month follow-up is recommended.", "111142"},
      {"Additional spot magnification views.", "111136"},
      {"Routine screening in one year.", "111140"},
  };
  for (const auto& [text, code] : cases) {
    const NarrativeReading reading = read("BI-RADS 3. " + text);
    ASSERT_EQ(reading.assessments.size(), 1u) << text;
    EXPECT_TRUE(has_code(reading.assessments[0], code)) << text;
  }
  const NarrativeReading negated = read("BI-RADS 2. No biopsy or short-interval follow-up needed.");
  ASSERT_EQ(negated.assessments.size(), 1u);
  EXPECT_EQ(negated.assessments[0].follow_up.size(), 0u);
  const NarrativeReading far = read("No suspicious calcifications, annual screening mammography.");
  ASSERT_EQ(far.assessments.size(), 1u);
  EXPECT_TRUE(has_code(far.assessments[0], "111140"));
}

TEST(NarrativeReader, NegationDoesNotReachACategory) {
  const NarrativeReading reading = read("No suspicious mass or calcifications, BI-RADS 1.");
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_EQ(reading.assessments[0].category, Category::Negative1);
  EXPECT_TRUE(reading.findings.empty());
}

TEST(NarrativeReader, ProcedureDoneIsNoFollowUp) {
  const NarrativeReading reading = read(
      "Spot magnification views demonstrate grouped amorphous calcifications in the left "
      "breast.");
  EXPECT_TRUE(reading.assessments.empty());
  EXPECT_EQ(reading.findings.size(), 1u);
  // A noun of the same stem reports nothing done (review of the change: the biopsy was dropped).
  EXPECT_FALSE(
      read("Stereotactic biopsy recommended for histologic confirmation.").assessments.empty());
}

TEST(NarrativeReader, NegativeScreeningReport) {
  const NarrativeReading reading = read("No suspicious calcifications. BI-RADS 1.");
  EXPECT_TRUE(reading.findings.empty());
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Negated);
  EXPECT_EQ(reading.mentions[0].sentence.text, "No suspicious calcifications.");
  ASSERT_EQ(reading.assessments.size(), 1u);
  EXPECT_EQ(reading.assessments[0].category, Category::Negative1);
}

// ---- Breast imaging ----

TEST(NarrativeReader, BreastImagingTextNeedsBreastAndImagingWords) {
  EXPECT_TRUE(read("Bilateral screening mammogram. Both breasts are fatty. BI-RADS 1.")
                  .breast_imaging_text);
  const NarrativeReading chest_ct =
      read("CT chest: coronary artery calcifications. Incidental note of left breast tissue.");
  EXPECT_FALSE(chest_ct.breast_imaging_text);
  EXPECT_EQ(chest_ct.mentions.size(), 1u);  // still listed
}

// ---- Robustness ----

TEST(NarrativeReader, InvalidUtf8AndNulBytesDoNotCrash) {
  std::string text = "Fine pleomorphic \xFF\xFE calcifications";
  text.push_back('\0');
  text += " in the right breast.\xC3";
  const NarrativeReading reading = read(text);
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.findings.size(), 1u);
}

TEST(NarrativeReader, OneMebibyteOfRandomTextIsReadQuickly) {
  std::mt19937 random(16);
  const std::vector<std::string> words = {"calcifications",
                                          "no",
                                          "fine",
                                          "pleomorphic",
                                          "right",
                                          "left",
                                          "breast",
                                          "10:30",
                                          "2.5",
                                          "cm",
                                          ".",
                                          ";",
                                          "\n",
                                          "BI-RADS",
                                          "4C",
                                          "if",
                                          "history",
                                          "of",
                                          "IMPRESSION:",
                                          "o'clock",
                                          "at",
                                          "however",
                                          "calcs",
                                          "segmental",
                                          "\xFF",
                                          "\0",
                                          "1.",
                                          "spanning"};
  std::string text;
  while (text.size() < (1u << 20)) {
    text += words[random() % words.size()];
    text += (random() % 7 == 0) ? "" : " ";
  }
  std::string bytes;  // and a mebibyte of arbitrary bytes
  for (std::size_t k = 0; k < (1u << 20); ++k) bytes.push_back(static_cast<char>(random()));
  const auto started = std::chrono::steady_clock::now();
  const NarrativeReading reading = read(text);
  const NarrativeReading noise = read(bytes);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_FALSE(reading.mentions.empty());
  // Not a timing test (the bench measures that); a generous bound catches a quadratic reader,
  // which takes many minutes. About 1 s in a release build; a sanitizer build on a loaded
  // machine took 25 s, over the 20 s this bound was.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 90);
  (void)noise;
}

}  // namespace
}  // namespace mammocalc
