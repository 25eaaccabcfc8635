// Site lexicons and report languages (issue 17 items 4 and 5): a site's wording is read, and the
// report's language (121049 DCM) chooses the lexicon — German from the shipped German file — or
// is warned when no lexicon has it. The wordings are the shipped files.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "annotations/wordings_reader.hpp"
#include "base/error.hpp"
#include "narrative/language.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative_test_support.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using narrative_test::one_block;
using testing::TempDir;

const char* const kShippedEnglish = "src/narrative/narrative-wordings-en.xml";
const char* const kShippedGerman = "src/narrative/narrative-wordings-de.xml";

NarrativeLexicons lexicons_with(const std::vector<std::string>& site) {
  NarrativeLexicons lexicons;
  for (auto& [language, wordings] : read_lexicons({kShippedEnglish, kShippedGerman}, site)) {
    lexicons.by_language.emplace(language, prepare_wordings(std::move(wordings)));
  }
  return lexicons;
}

const NarrativeLexicons& shipped() {
  static const NarrativeLexicons lexicons = lexicons_with({});
  return lexicons;
}

// A one-block report stating its language as (value, scheme) on the root.
SrDocument stating(const std::string& text, const std::string& value, const std::string& scheme) {
  SrDocument document = one_block(text);
  ContentItem language;
  language.position = "1.2";
  language.relationship = Relationship::HasConceptMod;
  language.value_type = ValueType::Code;
  language.concept_name = Code{"121049", "DCM", "Language of Content Item and Descendants"};
  language.code = Code{value, scheme, "a language"};
  document.root.children.insert(document.root.children.begin(), language);
  return document;
}

NarrativeReading read_chosen(const SrDocument& document, const NarrativeLexicons& lexicons) {
  const LexiconChoice choice = choose_lexicon(document, lexicons);
  return read_narrative(document, *choice.wordings);
}

bool has_morphology(const Finding& finding, Morphology term) {
  return std::any_of(finding.morphology.begin(), finding.morphology.end(),
                     [term](const auto& held) { return held.term == term; });
}

constexpr const char* kGerman =
    "Befund: Rechts bei 10 Uhr gruppierte fein-pleomorphe Mikroverkalkungen, neu aufgetreten. "
    "Links kein Hinweis auf Mikrokalk. Beurteilung: BI-RADS 4.";

TEST(SiteLexicon, AddsAWordingThatIsRead) {
  TempDir dir;
  const std::string text = "LEFT BREAST: Shaggy calcospherites at 2 o'clock.";
  EXPECT_TRUE(read_chosen(one_block(text), shipped()).findings.empty());
  const std::string site = dir.file(
      "site.xml",
      "<narrativeWordings xmlns=\"urn:mammocalc:narrative-wordings:1\" language=\"en-GB\">\n"
      "  <calcification phrase=\"calcospherit*\"/>\n"
      "  <morphology term=\"fine-pleomorphic\" phrase=\"shaggy\"/>\n"
      "</narrativeWordings>\n");
  const NarrativeLexicons lexicons = lexicons_with({site});
  const Wordings& english = *lexicons.by_language.at("en").wordings;
  EXPECT_EQ(english.files.size(), 2u);
  EXPECT_EQ(english.files.back(), site);
  const NarrativeReading reading = read_chosen(one_block(text), lexicons);
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic));
}

TEST(SiteLexicon, AnotherMeaningForAShippedPhraseNamesFileAndLine) {
  TempDir dir;
  const std::string site =
      dir.file("site.xml",
               "<narrativeWordings xmlns=\"urn:mammocalc:narrative-wordings:1\" language=\"en\">\n"
               "  <morphology term=\"punctate\" phrase=\"fine pleomorphic\"/>\n"
               "</narrativeWordings>\n");
  try {
    lexicons_with({site});
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::InvalidWordings);
    EXPECT_NE(std::string(error.what())
                  .find(site + ":2: morphology/@phrase: 'fine pleomorphic' "
                               "is given twice, as 'fine-pleomorphic' and "
                               "as 'punctate'"),
              std::string::npos)
        << error.what();
  }
  EXPECT_FALSE(check_wordings(site, {kShippedEnglish}).empty());
  EXPECT_TRUE(check_wordings(site).empty());  // on its own it is consistent
}

TEST(SiteLexicon, ANewLanguageMustBeAWholeLexicon) {
  TempDir dir;
  const std::string site =
      dir.file("fr.xml",
               "<narrativeWordings xmlns=\"urn:mammocalc:narrative-wordings:1\" language=\"fr\">\n"
               "  <morphology term=\"amorphous\" phrase=\"amorphes\"/>\n"
               "</narrativeWordings>\n");
  try {
    lexicons_with({site});
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::InvalidWordings);
    EXPECT_NE(std::string(error.what()).find("no lexicon for 'fr'"), std::string::npos);
  }
}

TEST(SiteLexicon, WrittenAsXmlReadsBackAsTheSameWordings) {
  TempDir dir;
  std::ostringstream xml;
  write_wordings(*shipped().by_language.at("de").wordings, true, xml);
  const Wordings again = read_wordings(dir.file("de.xml", xml.str()));
  const Wordings& shipped_german = *shipped().by_language.at("de").wordings;
  EXPECT_EQ(again.language, "de");
  EXPECT_EQ(again.calcification, shipped_german.calcification);
  EXPECT_EQ(again.context.size(), shipped_german.context.size());
  EXPECT_EQ(again.function_words.size(), shipped_german.function_words.size());
  EXPECT_EQ(again.numbers.size(), shipped_german.numbers.size());
  EXPECT_EQ(again.language_codes.size(), 2u);
}

TEST(ReportLanguage, StatedGermanIsReadWithTheGermanLexicon) {
  for (const auto& [value, scheme] :
       std::vector<std::pair<std::string, std::string>>{{"de", "RFC5646"},
                                                        {"de-DE", "RFC5646"},
                                                        {"DE", "ISO639_1"},
                                                        {"ger", "ISO639_2"},
                                                        {"deu", "ISO639_2"},
                                                        {"deu", "RFC5646"}}) {
    SCOPED_TRACE(value + " " + scheme);
    const SrDocument document = stating(kGerman, value, scheme);
    const LexiconChoice choice = choose_lexicon(document, shipped());
    EXPECT_EQ(choice.language, "de");
    EXPECT_FALSE(choice.warning);
    const NarrativeReading reading = read_narrative(document, *choice.wordings);
    ASSERT_EQ(reading.findings.size(), 1u);
    const Finding& finding = reading.findings[0];
    EXPECT_EQ(finding.laterality, Laterality::Right);
    EXPECT_TRUE(has_morphology(finding, Morphology::FinePleomorphic));
    ASSERT_TRUE(finding.distribution);
    EXPECT_EQ(finding.distribution->term, Distribution::Grouped);
    EXPECT_EQ(finding.location.clock_hour, 10);
    // The left breast's sentence is negated: a mention, no finding.
    EXPECT_TRUE(std::any_of(
        reading.mentions.begin(), reading.mentions.end(),
        [](const TextMention& mention) { return mention.status == MentionStatus::Negated; }));
  }
}

// German capitalises every noun: a line ending in "keine" goes on ("continues-line" words), so
// the negation reaches the calcifications on the next line (in a text with sentence ends: a text
// of bare lines is read line by line in every language).
TEST(ReportLanguage, GermanLineBreakAfterANegationContinuesTheSentence) {
  const NarrativeReading reading = read_chosen(
      stating("Rechts: Kein Herdbefund, keine\nMikroverkalkungen.\nLinks: Gruppierte amorphe "
              "Mikroverkalkungen bei 3 Uhr.",
              "de", "RFC5646"),
      shipped());
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings[0].laterality, Laterality::Left);
  EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::Amorphous));
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].status, MentionStatus::Negated);
}

// A report text read as the SR states it: German (de, RFC5646).
NarrativeReading read_german(const std::string& text) {
  return read_chosen(stating(text, "de", "RFC5646"), shipped());
}

// "nicht suspekt" is a pseudo phrase (the calcifications stay affirmed) that still denies the
// assessment; "suspekt" alone is one (4); "außerhalb der Lobuli" states no lobular site.
TEST(ReportLanguage, GermanAssessmentsAndDoubtedSites) {
  const NarrativeReading denied =
      read_german("Links gruppierter Mikrokalk bei 2 Uhr, nicht suspekt.");
  ASSERT_EQ(denied.findings.size(), 1u);
  EXPECT_FALSE(denied.findings[0].reported_category);
  const NarrativeReading said = read_german("Links gruppierter Mikrokalk bei 2 Uhr, suspekt.");
  ASSERT_EQ(said.findings.size(), 1u);
  ASSERT_TRUE(said.findings[0].reported_category);
  EXPECT_EQ(*said.findings[0].reported_category, Category::Suspicious4);
  const NarrativeReading outside =
      read_german("Rechts vereinzelte Mikroverkalkungen ausserhalb der Lobuli.");
  ASSERT_EQ(outside.findings.size(), 1u);
  EXPECT_NE(outside.findings[0].stated_site, Site::Lobular);
}

// "Malignom ist nicht sicher auszuschließen": "ist nicht" starts first, yet the doubt reaching
// past it is the reading (never a denied concern); "kein Verdacht auf" holds its doubt whole and
// stays a negation.
TEST(ReportLanguage, GermanDoubtOverlappingANegationIsADoubt) {
  for (const char* text :
       {"Links gruppierte runde Mikroverkalkungen, ein Malignom ist nicht sicher auszuschließen.",
        "Links gruppierte runde Mikroverkalkungen. Malignom ist nicht sicher auszuschließen.",
        "Links gruppierte runde Mikroverkalkungen, Malignom ist nicht auszuschließen."}) {
    const NarrativeReading doubted = read_german(text);
    ASSERT_EQ(doubted.findings.size(), 1u) << text;
    ASSERT_TRUE(doubted.findings[0].reported_category) << text;
    EXPECT_EQ(*doubted.findings[0].reported_category, Category::Suspicious4) << text;
  }
  const NarrativeReading denied =
      read_german("Links gruppierte runde Mikroverkalkungen, kein Verdacht auf ein Malignom.");
  ASSERT_EQ(denied.findings.size(), 1u);
  EXPECT_FALSE(denied.findings[0].reported_category);
}

// The German words for another finding and for an assessment taken back: "ein suspekter
// Herdbefund rechts" neither assesses the calcifications nor puts them on the right; "initial
// suspekt" is no assessment of now, "weniger suspekt" still is (never a reassurance); two groups
// in one clause keep theirs.
TEST(ReportLanguage, GermanWordsOfAnotherFindingAndOfThePast) {
  const NarrativeReading mass =
      read_german("Links gruppierter Mikrokalk bei 2 Uhr und ein suspekter Herdbefund rechts.");
  ASSERT_EQ(mass.findings.size(), 1u);
  EXPECT_EQ(mass.findings[0].laterality, Laterality::Left);
  EXPECT_FALSE(mass.findings[0].reported_category);
  const NarrativeReading past =
      read_german("Links gruppierter Mikrokalk bei 2 Uhr, initial als suspekt eingestuft.");
  ASSERT_EQ(past.findings.size(), 1u);
  EXPECT_FALSE(past.findings[0].reported_category);
  const NarrativeReading lesser =
      read_german("Links gruppierter Mikrokalk bei 2 Uhr, weniger suspekt als zuvor.");
  ASSERT_EQ(lesser.findings.size(), 1u);
  EXPECT_TRUE(lesser.findings[0].reported_category) << "less suspicious is still suspicious";
  const NarrativeReading now = read_german("Links gruppierter Mikrokalk bei 2 Uhr, jetzt suspekt.");
  ASSERT_EQ(now.findings.size(), 1u);
  EXPECT_TRUE(now.findings[0].reported_category) << "present suspicion counts";
  // "Weniger suspekt" is a degree of the assessment, no decrease of the group; denied, it affirms.
  const NarrativeReading less = read_german(
      "Links gruppierte runde Mikroverkalkungen, weniger "
      "suspekt.");
  ASSERT_EQ(less.findings.size(), 1u);
  EXPECT_NE(less.findings[0].change, Change::Decreased);
  const NarrativeReading not_less = read_german(
      "Links gruppierte runde Mikroverkalkungen, nicht weniger suspekt als in der Voraufnahme.");
  ASSERT_EQ(not_less.findings.size(), 1u);
  EXPECT_TRUE(not_less.findings[0].reported_category);
  const NarrativeReading not_fewer =
      read_german("Links gruppierte runde Mikroverkalkungen, nicht rückläufig.");
  ASSERT_EQ(not_fewer.findings.size(), 1u);
  EXPECT_NE(not_fewer.findings[0].change, Change::Decreased);
  const NarrativeReading two =
      read_german("Grober Mikrokalk rechts und feinlineare Mikroverkalkungen links.");
  ASSERT_EQ(two.findings.size(), 2u);
  for (const Finding& finding : two.findings) {
    ASSERT_EQ(finding.morphology.size(), 1u) << to_string(finding.laterality);
    EXPECT_EQ(finding.morphology[0].term, finding.laterality == Laterality::Left
                                              ? Morphology::FineLinear
                                              : Morphology::CoarsePopcorn);
  }
}

// Hostile review 87: a contrast with one breast at the start, no comma after it ("Im Gegensatz
// zu rechts zeigt die linke Brust …"), names that breast only; the group is the other's.
TEST(ReportLanguage, GermanContrastWithoutACommaKeepsTheGroupsBreast) {
  const std::pair<const char*, Laterality> contrasts[] = {
      {"Im Gegensatz zu rechts zeigt die linke Brust gruppierten amorphen Mikrokalk bei 2 Uhr.",
       Laterality::Left},
      {"Anders als rechts zeigt die linke Brust gruppierten amorphen Mikrokalk.", Laterality::Left},
      {"Im Gegensatz zu links zeigt die rechte Brust gruppierten amorphen Mikrokalk.",
       Laterality::Right}};
  for (const auto& [text, breast] : contrasts) {
    const NarrativeReading read = read_german(text);
    ASSERT_EQ(read.findings.size(), 1u) << text;
    EXPECT_EQ(read.findings[0].laterality, breast) << text;
  }
}

// Hostile review 86: the dative forms after "von" and "mit" ("gruppiertem amorphem Mikrokalk")
// are the same kinds; without them a 4B group read as 0 and a 4C segment as 4B.
TEST(ReportLanguage, GermanDativeFormsOfTheKinds) {
  const std::pair<const char*, Morphology> dative[] = {
      {"Links Nachweis von gruppiertem amorphem Mikrokalk bei 3 Uhr.", Morphology::Amorphous},
      {"Links bei 3 Uhr Nachweis von gruppiertem unscharfem Mikrokalk.", Morphology::Amorphous},
      {"Links bei 3 Uhr Nachweis von segmental angeordnetem feinlinearem Mikrokalk.",
       Morphology::FineLinear},
      {"Links bei 3 Uhr Nachweis von gruppiertem grob heterogenem Mikrokalk.",
       Morphology::CoarseHeterogeneous},
      // Hostile review 87: "granular" in one word with "fein" (narrative.md: 4th edition).
      {"Feingranul\u00e4rer Mikrokalk links bei 3 Uhr.", Morphology::FinePleomorphic}};
  for (const auto& [text, kind] : dative) {
    const NarrativeReading read = read_german(text);
    ASSERT_EQ(read.findings.size(), 1u) << text;
    ASSERT_EQ(read.findings[0].morphology.size(), 1u) << text;
    EXPECT_EQ(read.findings[0].morphology[0].term, kind) << text;
  }
}

// "Links wie rechts": both breasts, no comparison with the other one (which dropped the right).
TEST(ReportLanguage, GermanLeftAsRightIsBothBreasts) {
  for (const char* text : {"Links wie rechts gruppierte amorphe Verkalkungen.",
                           "Rechts wie links gruppierte amorphe Verkalkungen.",
                           "Gruppierte amorphe Verkalkungen links ebenso wie rechts."}) {
    const NarrativeReading both = read_german(text);
    ASSERT_EQ(both.findings.size(), 2u) << text;
    EXPECT_NE(both.findings[0].laterality, both.findings[1].laterality) << text;
    for (const Finding& finding : both.findings) {
      ASSERT_EQ(finding.morphology.size(), 1u) << text;
      EXPECT_EQ(finding.morphology[0].term, Morphology::Amorphous) << text;
    }
  }
}

// "Links ebenso.", "Links entsprechend.": the calcifications just described, on the left too,
// with their suspicious kind; "Links ebenfalls unauffällig." clears the left breast: no group.
TEST(ReportLanguage, GermanLikewiseOnTheOtherBreast) {
  const std::string right = "Rechts bei 10 Uhr gruppierte fein-pleomorphe Mikroverkalkungen. ";
  for (const char* said :
       {"Links ebenso.", "Links entsprechend.", "Links wie rechts.", "Linke Brust: ebenso."}) {
    const NarrativeReading reading = read_german(right + said);
    ASSERT_EQ(reading.findings.size(), 2u) << said;
    const Finding& left = reading.findings[1];
    EXPECT_EQ(left.laterality, Laterality::Left) << said;
    ASSERT_EQ(left.morphology.size(), 1u) << said;
    EXPECT_EQ(left.morphology[0].term, Morphology::FinePleomorphic) << said;
  }
  // The breast after "wie" is the one compared with (hostile review 20: the left group dropped).
  for (const char* said : {"Links: wie rechts.", "Links gleicher Befund.",
                           "Links: Befund wie rechts.", "Linke Brust: gleicher Befund."}) {
    const NarrativeReading reading = read_german(right + said);
    const auto left =
        std::find_if(reading.findings.begin(), reading.findings.end(),
                     [](const Finding& f) { return f.laterality == Laterality::Left; });
    ASSERT_NE(left, reading.findings.end()) << said;
    EXPECT_TRUE(has_morphology(*left, Morphology::FinePleomorphic)) << said;
  }
  for (const char* said :
       {"Links ebenfalls unauffällig.", "Links wie zuvor unauffällig.",
        "Links entsprechend der Voruntersuchung unauffällig.", "Links unverändert zur Voraufnahme.",
        "Unverändert zur Voraufnahme.", "Links: gleicher Befund wie in der Voraufnahme."}) {
    const NarrativeReading reading = read_german(right + said);
    ASSERT_EQ(reading.findings.size(), 1u) << said;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Right) << said;
  }
}

// A breast named before a postpositive contrast word ("links dagegen", "links hingegen") is the
// breast of the clause after it; a breast the text clears ("Kein Mikrokalk rechts", "rechts
// keiner") keeps nothing of the other breast's group (hostile review 20: the right breast the text
// clears was sent to biopsy).
TEST(ReportLanguage, GermanContrastOfTheTwoBreastsKeepsEachBreastsOwn) {
  for (const char* text :
       {"Kein Mikrokalk rechts, links dagegen gruppierter pleomorpher Mikrokalk bei 2 Uhr.",
        "Rechts kein Mikrokalk, links hingegen gruppierter pleomorpher Mikrokalk bei 2 Uhr.",
        "Links bei 2 Uhr gruppierter pleomorpher Mikrokalk, rechts keiner."}) {
    const NarrativeReading reading = read_german(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic)) << text;
    EXPECT_TRUE(std::any_of(reading.mentions.begin(), reading.mentions.end(),
                            [](const TextMention& mention) {
                              return mention.status == MentionStatus::Negated &&
                                     mention.laterality == Laterality::Right;
                            }))
        << text;
  }
  // A contrast word after a breast that does not open its part ("links dagegen" as one clause's
  // end) changes nothing: both breasts' groups stay.
  const NarrativeReading both =
      read_german("Rechts gruppierter pleomorpher Mikrokalk, links dagegen ebenso.");
  EXPECT_TRUE(std::any_of(both.findings.begin(), both.findings.end(),
                          [](const Finding& f) { return f.laterality == Laterality::Right; }));
}

// A breast cleared in its own part of the sentence ("rechts unauffällig", "rechts regelrecht",
// "nicht rechts", "kein Korrelat rechts") is not the group's breast (hostile review 22: the right
// breast was sent to biopsy beside the left group).
TEST(ReportLanguage, GermanBreastClearedInItsOwnPartIsNotTheGroupsBreast) {
  for (const char* text :
       {"Gruppierter pleomorpher Mikrokalk links bei 2 Uhr, rechts unauffällig.",
        "Links bei 2 Uhr gruppierter pleomorpher Mikrokalk, rechts regelrecht.",
        "Links bei 2 Uhr gruppierter pleomorpher Mikrokalk, kein Korrelat rechts.",
        "Links bei 2 Uhr gruppierter pleomorpher Mikrokalk, nicht rechts.",
        "Links bei 2 Uhr gruppierter pleomorpher Mikrokalk, rechts nicht.",
        "Rechts unauffällig, links gruppierter pleomorpher Mikrokalk bei 2 Uhr.",
        "Links: gruppierter pleomorpher Mikrokalk bei 2 Uhr, rechts: unauffällig."}) {
    const NarrativeReading reading = read_german(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic)) << text;
  }
  // Neighbour: a group named on both breasts stays on both.
  const NarrativeReading both =
      read_german("Gruppierter pleomorpher Mikrokalk links und rechts bei 2 Uhr, unverändert.");
  const auto on = [&both](Laterality breast) {
    return std::any_of(both.findings.begin(), both.findings.end(), [breast](const Finding& f) {
      return f.laterality == breast || f.laterality == Laterality::Both;
    });
  };
  EXPECT_TRUE(on(Laterality::Left));
  EXPECT_TRUE(on(Laterality::Right));
}

// "Kein Zweifel an", "Ohne Zweifel" do not negate the calcifications; "nicht mehr nur
// punktförmig" denies the punctate kind as all there is (hostile review 22: read as a negation, and
// as a restatement of the coded punctate group).
TEST(ReportLanguage, GermanPseudoNegationsDoNotNegateTheCalcifications) {
  for (const char* text :
       {"Kein Zweifel an neu aufgetretenem gruppiertem pleomorphem Mikrokalk rechts bei 10 Uhr.",
        "Ohne Zweifel gruppierter pleomorpher Mikrokalk rechts bei 10 Uhr."}) {
    const NarrativeReading reading = read_german(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic)) << text;
  }
  const NarrativeReading only =
      read_german("Gruppierter Mikrokalk links bei 2 Uhr, nicht mehr nur punktförmig.");
  ASSERT_EQ(only.findings.size(), 1u);
  EXPECT_FALSE(has_morphology(only.findings[0], Morphology::Punctate));
  // Neighbours: a real negation stays one; "nicht nur …, sondern auch …" keeps both kinds.
  const NarrativeReading none = read_german("Kein Mikrokalk rechts.");
  EXPECT_TRUE(none.findings.empty());
  const NarrativeReading both = read_german(
      "Gruppierter Mikrokalk links bei 2 Uhr, nicht nur punktförmig, sondern auch pleomorph.");
  ASSERT_EQ(both.findings.size(), 1u);
  EXPECT_TRUE(has_morphology(both.findings[0], Morphology::FinePleomorphic));
}

// A later part about the other breast's past ("…, Clip rechts", "…, Z. n. BET rechts", "…, Narbe
// rechts nach BET") neither makes the left group historical nor gives the right breast the group
// (hostile review 22: the group was dropped as history).
TEST(ReportLanguage, GermanTheOtherBreastsHistoryIsNotTheGroups) {
  for (const char* text : {"Gruppierter pleomorpher Mikrokalk links bei 2 Uhr, Clip rechts.",
                           "Gruppierter pleomorpher Mikrokalk links bei 2 Uhr, Z. n. BET rechts.",
                           "Gruppierter pleomorpher Mikrokalk links bei 2 Uhr, Narbe rechts nach "
                           "BET."}) {
    const NarrativeReading reading = read_german(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].laterality, Laterality::Left) << text;
    EXPECT_TRUE(has_morphology(reading.findings[0], Morphology::FinePleomorphic)) << text;
  }
  // Neighbour: a past phrase of the group's own breast still reaches it ("…, Clip links.": the
  // calcifications at the clip), as before.
  const NarrativeReading same = read_german("Gruppierter Mikrokalk links bei 2 Uhr, Clip links.");
  EXPECT_TRUE(same.findings.empty());
  ASSERT_EQ(same.mentions.size(), 1u);
  EXPECT_EQ(same.mentions[0].status, MentionStatus::Historical);
  EXPECT_EQ(same.mentions[0].laterality, Laterality::Left);
}

// German assessment and doubt words the lexicon did not hold (hostile review 22: beside a coded 3
// the sentence was a plain restatement): a suspicious category, or a doubt, never a restatement.
TEST(ReportLanguage, GermanMoreAssessmentAndDoubtWords) {
  for (const char* said : {"malignomsuspekt", "malignitätssuspekt", "biopsiewürdig",
                           "nicht eindeutig gutartig", "nicht eindeutig benigne"}) {
    const NarrativeReading reading = read_german(
        std::string("Gruppierter punktförmiger Mikrokalk links bei 2 Uhr, ") + said + ".");
    ASSERT_EQ(reading.findings.size(), 1u) << said;
    ASSERT_TRUE(reading.findings[0].reported_category) << said;
    EXPECT_EQ(*reading.findings[0].reported_category, Category::Suspicious4) << said;
  }
  for (const char* said : {"unklar", "Dignität unklar"}) {
    const NarrativeReading reading = read_german(
        std::string("Gruppierter punktförmiger Mikrokalk links bei 2 Uhr, ") + said + ".");
    ASSERT_FALSE(reading.mentions.empty()) << said;
    EXPECT_EQ(reading.mentions[0].status, MentionStatus::Uncertain) << said;
  }
  // Neighbour: "konstant" alone says nothing more.
  const NarrativeReading plain =
      read_german("Gruppierter punktförmiger Mikrokalk links bei 2 Uhr, konstant.");
  ASSERT_EQ(plain.findings.size(), 1u);
  EXPECT_FALSE(plain.findings[0].reported_category);
  EXPECT_EQ(plain.mentions[0].status, MentionStatus::Affirmed);
}

// "Nicht mehr konstant" is a change, as "nicht mehr stabil" is, never a negation of the group.
TEST(ReportLanguage, GermanNoLongerConstantIsAChange) {
  for (const char* text : {"Links gruppierte runde Mikroverkalkungen, nicht mehr konstant.",
                           "Links gruppierte runde Mikroverkalkungen, nicht mehr stationär."}) {
    const NarrativeReading reading = read_german(text);
    ASSERT_EQ(reading.findings.size(), 1u) << text;
    EXPECT_EQ(reading.findings[0].change, Change::Increased) << text;
  }
}

// A high-risk result ("Histologisch ADH.") is never reassurance; a surgical consultation is a
// follow-up that asks for more than the rules may choose (E5 weighs it).
TEST(ReportLanguage, GermanHighRiskResultsAndSurgicalConsultation) {
  for (const char* said :
       {"Histologisch ADH.", "Histologisch LCIS.", "An der Stelle einer radiären Narbe."}) {
    const NarrativeReading reading =
        read_german(std::string("Links gruppierter Mikrokalk bei 2 Uhr. ") + said);
    ASSERT_EQ(reading.findings.size(), 1u) << said;
    ASSERT_TRUE(reading.findings[0].reported_category) << said;
    EXPECT_EQ(*reading.findings[0].reported_category, Category::Suspicious4) << said;
  }
  // After "Z. n." too: a past high-risk result is not silenced (hostile review 20).
  for (const char* said : {"Z. n. Stanzbiopsie dieser Verkalkungen mit ADH.",
                           "Z. n. Vakuumbiopsie mit atypischer duktaler Hyperplasie.",
                           "Z. n. Vakuumbiopsie mit flacher epithelialer Atypie."}) {
    const NarrativeReading reading =
        read_german(std::string("Links gruppierter Mikrokalk bei 2 Uhr. ") + said);
    ASSERT_FALSE(reading.findings.empty()) << said;
    EXPECT_TRUE(std::any_of(reading.findings.begin(), reading.findings.end(),
                            [](const Finding& finding) {
                              return finding.reported_category &&
                                     *finding.reported_category == Category::Suspicious4;
                            }))
        << said;
  }
  const NarrativeReading benign =
      read_german("Links gruppierter Mikrokalk bei 2 Uhr. Z. n. Vakuumbiopsie, benigne.");
  ASSERT_EQ(benign.findings.size(), 1u);
  EXPECT_FALSE(benign.findings[0].reported_category);
  for (const char* said :
       {"Chirurgisches Konsil empfohlen.", "Vorstellung beim Brustchirurgen empfohlen."}) {
    const NarrativeReading reading =
        read_german(std::string("Links gruppierter Mikrokalk bei 2 Uhr. ") + said);
    const bool consult = std::any_of(
        reading.assessments.begin(), reading.assessments.end(), [](const OverallStatement& each) {
          return std::any_of(each.follow_up.begin(), each.follow_up.end(),
                             [](const StatedFollowUp& one) { return one.code.value == "111410"; });
        });
    EXPECT_TRUE(consult) << said;
  }
}

// A German range of two categories is read as its higher one (hostile review 20: "BI-RADS 3-4"
// was read as 3).
TEST(ReportLanguage, GermanCategoryRangeIsItsHigherCategory) {
  for (const char* text : {"Beurteilung: BI-RADS 3-4.", "Beurteilung: BI-RADS 3 bis 4."}) {
    const NarrativeReading reading = read_german(text);
    ASSERT_EQ(reading.assessments.size(), 1u) << text;
    ASSERT_TRUE(reading.assessments[0].category) << text;
    EXPECT_EQ(*reading.assessments[0].category, Category::Suspicious4) << text;
  }
}

// "Kat." with its period is an abbreviation, not a sentence's end (hostile review 22: "BI-RADS-Kat.
// 4." lost the 4 beside a coded 3); "3 oder 4" is read as the higher category.
TEST(ReportLanguage, GermanAbbreviatedCategoryWord) {
  for (const char* text : {"Gruppierter Mikrokalk links bei 2 Uhr, konstant. BI-RADS-Kat. 4.",
                           "Gruppierter Mikrokalk links bei 2 Uhr, konstant. BI-RADS Kat. 4.",
                           "Gruppierter Mikrokalk links bei 2 Uhr, konstant. Kat. 4 (BI-RADS).",
                           "Beurteilung: BI-RADS 3 oder 4."}) {
    const NarrativeReading reading = read_german(text);
    ASSERT_EQ(reading.assessments.size(), 1u) << text;
    ASSERT_TRUE(reading.assessments[0].category) << text;
    EXPECT_EQ(*reading.assessments[0].category, Category::Suspicious4) << text;
  }
  // Neighbour: the category alone stays itself.
  const NarrativeReading alone = read_german("Beurteilung: BI-RADS 3.");
  ASSERT_EQ(alone.assessments.size(), 1u);
  ASSERT_TRUE(alone.assessments[0].category);
  EXPECT_EQ(*alone.assessments[0].category, Category::ProbablyBenign3);
}

TEST(ReportLanguage, MatchedOnValueAndSchemeNeverOnMeaning) {
  // A meaning saying German does not make a code German: "xx" is no code of German, and "de"
  // in a scheme no lexicon knows is no code at all.
  SrDocument other_scheme = stating(kGerman, "de", "99LOCAL");
  other_scheme.root.children[0].code.meaning = "German";
  EXPECT_EQ(choose_lexicon(other_scheme, shipped()).language, "en");
  SrDocument document = stating(kGerman, "xx", "RFC5646");
  document.root.children[0].code.meaning = "German";
  const LexiconChoice choice = choose_lexicon(document, shipped());
  EXPECT_EQ(choice.language, "en");
  EXPECT_TRUE(choice.warning);
}

TEST(ReportLanguage, UnstatedIsTheRunsDefault) {
  EXPECT_TRUE(read_chosen(one_block(kGerman), shipped()).findings.empty());  // English
  NarrativeLexicons german = shipped();
  german.default_language = "de";
  const LexiconChoice choice = choose_lexicon(one_block(kGerman), german);
  EXPECT_EQ(choice.language, "de");
  EXPECT_FALSE(choice.warning);
  EXPECT_EQ(read_narrative(one_block(kGerman), *choice.wordings).findings.size(), 1u);
}

TEST(ReportLanguage, ALanguageWithoutALexiconIsReadWithTheDefaultAndWarned) {
  const LexiconChoice choice = choose_lexicon(stating(kGerman, "fr-FR", "RFC5646"), shipped());
  EXPECT_EQ(choice.language, "en");
  ASSERT_TRUE(choice.warning);
  EXPECT_NE(choice.warning->find("(fr-FR, RFC5646"), std::string::npos);
  EXPECT_NE(choice.warning->find("read with the en lexicon"), std::string::npos);
  EXPECT_TRUE(stated_language(stating("x", "fr-FR", "RFC5646")));
  EXPECT_FALSE(stated_language(one_block("x")));
}

}  // namespace
}  // namespace mammocalc
