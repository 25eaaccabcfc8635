// Text forms the tokeniser and the sentence and heading splitter must read as a person does
// (hostile review): Unicode compatibility and invisible characters, NUL bytes, abbreviations,
// headings in the middle of a line, and header-less breast text. Quotes and offsets point into
// the original text, whatever the folding did.

#include "narrative/report_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "annotations/wordings_reader.hpp"
#include "dicom/sr_reader.hpp"
#include "findings/lexicon.hpp"
#include "findings/warning_code.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/narrative_test_support.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc {
namespace {

using narrative_test::one_block;

const PreparedWordings& shipped() { return narrative_test::shipped_prepared_wordings(); }

NarrativeReading read(const std::string& text) { return narrative_test::read_one_block(text); }

// The one mention of `text`: affirmed, left, its span cutting `words` from the original text.
void expect_one_affirmed_mention(const std::string& text, const std::string& words) {
  const NarrativeReading reading = read(text);
  ASSERT_EQ(reading.mentions.size(), 1u) << text;
  const TextMention& mention = reading.mentions.front();
  EXPECT_EQ(mention.status, MentionStatus::Affirmed) << text;
  EXPECT_EQ(mention.words, narrative::collapse_whitespace(words)) << text;  // quoted on one line
  ASSERT_LE(mention.span.end, text.size()) << text;
  EXPECT_EQ(text.substr(mention.span.begin, mention.span.end - mention.span.begin), words) << text;
  ASSERT_EQ(reading.findings.size(), 1u) << text;
  EXPECT_EQ(reading.findings.front().laterality, Laterality::Left) << text;
}

std::vector<std::string> folded_words(const std::string& text) {
  std::string folded;
  std::vector<std::string> out;
  for (const narrative::Token& token : narrative::tokenise(text, folded)) {
    out.emplace_back(token.folded);
  }
  return out;
}

// ---- 1. Unicode forms ----

TEST(ReportText, InvisibleCharactersInsideAWordAreNotThere) {
  for (const char* invisible :
       {"\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xEF\xBB\xBF"}) {
    const std::string words = std::string("calci") + invisible + "fications";
    expect_one_affirmed_mention("Grouped " + words + " in the left breast.", words);
  }
}

TEST(ReportText, LigaturesAndFullwidthLettersFoldToTheirLetters) {
  expect_one_affirmed_mention(
      "Grouped calci\xEF\xAC\x81"
      "cations in the left breast.",
      "calci\xEF\xAC\x81"
      "cations");
  const std::string fullwidth =
      "\xEF\xBC\xA3\xEF\xBC\xA1\xEF\xBC\xAC\xEF\xBC\xA3\xEF\xBC\xA9\xEF\xBC\xA6\xEF\xBC\xA9"
      "\xEF\xBC\xA3\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xA9\xEF\xBC\xAF\xEF\xBC\xAE\xEF\xBC\xB3";
  expect_one_affirmed_mention("GROUPED " + fullwidth + " IN THE LEFT BREAST.", fullwidth);
  EXPECT_EQ(folded_words(fullwidth), std::vector<std::string>{"calcifications"});
}

TEST(ReportText, TurkishDottedAndDotlessIReadAsI) {
  const std::string dotted =
      "CALC\xC4\xB0"
      "F\xC4\xB0"
      "CAT\xC4\xB0"
      "ONS";  // İ
  expect_one_affirmed_mention("GROUPED " + dotted + " IN THE LEFT BREAST.", dotted);
  const std::string dotless =
      "calc\xC4\xB1"
      "f\xC4\xB1"
      "cat\xC4\xB1"
      "ons";  // ı
  expect_one_affirmed_mention("Grouped " + dotless + " in the left breast.", dotless);
  EXPECT_EQ(folded_words(dotted), std::vector<std::string>{"calcifications"});
}

TEST(ReportText, MicroSignAndGreekMuAreOneLetter) {
  EXPECT_EQ(folded_words("\xC2\xB5m"), folded_words("\xCE\xBCm"));
  EXPECT_EQ(folded_words("\xC2\xB5m").front(), "\xCE\xBCm");
}

TEST(ReportText, CalciumIonWrittenAsCaPlusPlusIsCalcification) {
  expect_one_affirmed_mention("Scattered Ca++ in the left breast.", "Ca++");
  expect_one_affirmed_mention("Scattered Ca2+ deposits in the left breast.", "Ca2+");
}

TEST(ReportText, WordHyphenatedAcrossALineBreakIsOneWord) {
  expect_one_affirmed_mention("Grouped calci-\nfications in the left breast.", "calci-\nfications");
  // Joined where the second half is a word of its own too: one mention, not two.
  expect_one_affirmed_mention("Grouped micro-\ncalcifications in the left breast.",
                              "micro-\ncalcifications");
  // Not joined where the first half is a word: "fine-\npleomorphic" is fine pleomorphic.
  const NarrativeReading fine = read("Fine-\npleomorphic calcifications in the left breast.");
  ASSERT_EQ(fine.findings.size(), 1u);
  ASSERT_EQ(fine.findings.front().morphology.size(), 1u);
  EXPECT_EQ(fine.findings.front().morphology.front().term, Morphology::FinePleomorphic);
  // A hyphen within a line still separates: "fine-pleomorphic" is two words.
  EXPECT_EQ(folded_words("fine-pleomorphic"), (std::vector<std::string>{"fine", "pleomorphic"}));
}

TEST(ReportText, InvisibleCharactersBetweenWordsAreBlanks) {
  // A byte order mark before the first heading, a zero-width space between two words.
  const NarrativeReading reading = read(
      "\xEF\xBB\xBF"
      "FINDINGS: Grouped calcifications in the left \xE2\x80\x8B breast.");
  ASSERT_EQ(reading.mentions.size(), 1u);
  EXPECT_EQ(reading.mentions.front().sentence.section, ReportSection::Findings);
  EXPECT_EQ(reading.mentions.front().laterality, Laterality::Left);
  EXPECT_EQ(folded_words("left \xE2\x80\x8B breast"), (std::vector<std::string>{"left", "breast"}));
}

TEST(ReportText, SoftHyphenAtALineEndJoinsTheWord) {
  expect_one_affirmed_mention("Grouped calci\xC2\xAD\nfications in the left breast.",
                              "calci\xC2\xAD\nfications");
}

TEST(ReportText, FullwidthPunctuationDigitsAndSpacesReadAsAscii) {
  // "ＦＩＮＤＩＮＧＳ：ＢＩ－ＲＡＤＳ　４．" typed with an East Asian input method.
  const std::string text =
      "\xEF\xBC\xA6\xEF\xBC\xA9\xEF\xBC\xAE\xEF\xBC\xA4\xEF\xBC\xA9\xEF\xBC\xAE\xEF\xBC\xA7"
      "\xEF\xBC\xB3\xEF\xBC\x9A\xEF\xBC\xA2\xEF\xBC\xA9\xEF\xBC\x8D\xEF\xBC\xB2\xEF\xBC\xA1"
      "\xEF\xBC\xA4\xEF\xBC\xB3\xE3\x80\x80\xEF\xBC\x94\xEF\xBC\x8E\xEF\xBC\x95";
  std::string folded;
  const auto tokens = narrative::tokenise(text, folded);
  std::vector<std::string> words;
  for (const auto& token : tokens) words.emplace_back(token.folded);
  EXPECT_EQ(words, (std::vector<std::string>{"findings", ":", "bi", "rads", "4.5"}));
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1].kind, narrative::TokenKind::Punct);
  EXPECT_EQ(tokens[4].kind, narrative::TokenKind::Number);
  EXPECT_EQ(tokens[4].end(), text.size());
  EXPECT_EQ(tokens[1].begin, 24u);
  EXPECT_EQ(tokens[1].end(), 27u);
  // A clock time in fullwidth digits is a time.
  const auto time =
      narrative::tokenise("\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x9A\xEF\xBC\x93\xEF\xBC\x90", folded);
  ASSERT_EQ(time.size(), 1u);
  EXPECT_EQ(time[0].kind, narrative::TokenKind::Time);
  EXPECT_EQ(time[0].folded, "10:30");
}

TEST(ReportText, NumbersAndTimesAsBefore) {
  std::string folded;
  const auto tokens = narrative::tokenise("2.5 cm at 10:30, 3. 123:45 1:2", folded);
  std::vector<std::string> words;
  std::vector<narrative::TokenKind> kinds;
  for (const auto& token : tokens) {
    words.emplace_back(token.folded);
    kinds.push_back(token.kind);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"2.5", "cm", "at", "10:30", ",", "3", ".", "123", ":",
                                             "45", "1", ":", "2"}));
  EXPECT_EQ(kinds[3], narrative::TokenKind::Time);
  EXPECT_EQ(kinds[0], narrative::TokenKind::Number);
}

TEST(ReportText, OffsetsPointIntoTheOriginalText) {
  const std::string text =
      "A \xEF\xAC\x81ne calci\xC2\xAD"
      "fication.";
  std::string folded;
  const auto tokens = narrative::tokenise(text, folded);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].folded, "fine");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end() - tokens[1].begin), "\xEF\xAC\x81ne");
  EXPECT_EQ(tokens[2].folded, "calcification");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end() - tokens[2].begin),
            "calci\xC2\xAD"
            "fication");
  EXPECT_EQ(tokens[3].begin, text.size() - 1);
}

// A mebibyte of ligatures and accents is read whole (words folded by ICU one by one). Its cost
// against half of it is measured by tools/bench (tokenise-non-ascii-1mib-ms), not here.
TEST(ReportText, NonAsciiTextIsReadWhole) {
  std::string text;
  while (text.size() < (1u << 20))
    text +=
        "calci\xEF\xAC\x81"
        "cations \xC3\xA9tat CALC\xC4\xB0UM, ";
  std::string folded;
  const auto tokens = narrative::tokenise(text, folded);
  const std::size_t repeats = text.size() / 32;  // 32 bytes a repeat: three words and a comma
  ASSERT_EQ(tokens.size(), 4 * repeats);
  EXPECT_EQ(tokens.front().folded, "calcifications");
  EXPECT_EQ(tokens[1].folded, "\xC3\xA9tat");
  EXPECT_EQ(tokens[2].folded, "calcium");
  EXPECT_EQ(tokens[tokens.size() - 2].folded, "calcium");
  EXPECT_EQ(tokens.back().end(), text.size() - 1);
}

TEST(ReportText, InvalidUtf8StaysAWordByte) {
  const std::string text =
      "calci\xFF"
      "fications \xC3 left";
  std::string folded;
  const auto tokens = narrative::tokenise(text, folded);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].end(), 15u);
  EXPECT_EQ(tokens[2].folded, "left");
}

// ---- 2. NUL bytes ----

// The TEXT item whose value holds `words`, anywhere in the tree; nullptr when none does.
const ContentItem* text_holding(const ContentItem& item, const std::string& words) {
  if (item.value_type == ValueType::Text && item.text.find(words) != std::string::npos) {
    return &item;
  }
  for (const ContentItem& child : item.children) {
    if (const ContentItem* found = text_holding(child, words)) return found;
  }
  return nullptr;
}

TEST(ReportText, NulByteInATextValueHidesNothingAndIsSaid) {
  // A sample text SR with one blank of its findings text made a NUL (the value keeps its length).
  std::string bytes = read_input_bytes("samples/text-bilateral.dcm");
  const std::string before = "Scattered vascular calcifications. No suspicious";
  const std::size_t at = bytes.find(before);
  ASSERT_NE(at, std::string::npos);
  bytes[at + std::string("Scattered vascular").size()] = '\0';
  const SrDocument document = read_sr(bytes, "nul.dcm");
  const ContentItem* item = text_holding(document.root, "No suspicious calcifications, masses");
  ASSERT_NE(item, nullptr) << "the text after the NUL was dropped";
  EXPECT_EQ(item->text.find('\0'), std::string::npos);  // read as a blank
  EXPECT_NE(item->text.find("Scattered vascular calcifications."), std::string::npos);
  const bool said = std::any_of(document.reader_warnings.begin(), document.reader_warnings.end(),
                                [&](const auto& warning) {
                                  return warning.second.find(item->position) != std::string::npos &&
                                         warning.second.find("NUL") != std::string::npos;
                                });
  EXPECT_TRUE(said) << "the repair is not said";
  const NarrativeReading reading = read_narrative(document, shipped());
  const bool negated_read =
      std::any_of(reading.mentions.begin(), reading.mentions.end(), [](const TextMention& mention) {
        return mention.status == MentionStatus::Negated && mention.laterality == Laterality::Left;
      });
  EXPECT_TRUE(negated_read);
}

// ---- 3. Abbreviations ----

TEST(ReportText, CalcAbbreviationPeriodDoesNotEndTheSentence) {
  for (const char* words : {"calc.", "calcs.", "microcalc."}) {
    const NarrativeReading reading =
        read(std::string("Grouped ") + words + " in the left breast, new since 2019.");
    ASSERT_EQ(reading.mentions.size(), 1u) << words;
    EXPECT_EQ(reading.mentions.front().laterality, Laterality::Left) << words;
  }
  // Before a capitalised word it still ends the sentence.
  const NarrativeReading two = read("Right breast: stable calc. Left breast: no calcifications.");
  ASSERT_EQ(two.mentions.size(), 2u);
  EXPECT_EQ(two.mentions[0].status, MentionStatus::Affirmed);
  EXPECT_EQ(two.mentions[1].status, MentionStatus::Negated);
}

TEST(ReportText, NumberAbbreviationIsNoNegation) {
  const NarrativeReading numbered = read("Image No. 3 shows grouped calcifications left breast.");
  ASSERT_EQ(numbered.mentions.size(), 1u);
  EXPECT_EQ(numbered.mentions.front().status, MentionStatus::Affirmed);
  EXPECT_EQ(numbered.mentions.front().sentence.text,
            "Image No. 3 shows grouped calcifications left breast.");  // one sentence
  const NarrativeReading count =
      read("The no. of calcifications in the left breast has increased.");
  ASSERT_EQ(count.mentions.size(), 1u);
  EXPECT_EQ(count.mentions.front().status, MentionStatus::Affirmed);
  // "No." as the answer still negates what follows it in its own sentence.
  const NarrativeReading negated = read("No calcifications.");
  ASSERT_EQ(negated.mentions.size(), 1u);
  EXPECT_EQ(negated.mentions.front().status, MentionStatus::Negated);
}

TEST(ReportText, KnownAbbreviationsKeepTheirSentence) {
  for (const char* text : {"Calcifications, e.g. punctate ones, in the left breast.",
                           "Calcifications approx. 5 mm in the left breast.",
                           "Calcifications in the left breast, benign vs. indeterminate.",
                           "Discussed with Dr. Smith: calcifications in the left breast."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.mentions.size(), 1u) << text;
    EXPECT_EQ(reading.mentions.front().laterality, Laterality::Left) << text;
  }
}

// ---- 4. Headings in the middle of a line ----

TEST(ReportText, HeadingsInOneLineReportOpenTheirSections) {
  const NarrativeReading reading = read(
      "EXAM: MAMMO DIAG BILAT TECHNIQUE: CC and MLO views COMPARISON: 2019 calcifications stable "
      "since 2019 FINDINGS: Grouped amorphous calcifications left breast. IMPRESSION: BI-RADS 4.");
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].sentence.section, ReportSection::Comparison);
  EXPECT_EQ(reading.mentions[0].sentence.text, "2019 calcifications stable since 2019");
  EXPECT_EQ(reading.mentions[1].sentence.section, ReportSection::Findings);
  EXPECT_EQ(reading.mentions[1].sentence.text, "Grouped amorphous calcifications left breast.");
  ASSERT_EQ(reading.findings.size(), 1u);
  EXPECT_EQ(reading.findings.front().laterality, Laterality::Left);
  ASSERT_FALSE(reading.assessments.empty());
  EXPECT_EQ(reading.assessments.front().category, Category::Suspicious4);
}

TEST(ReportText, HeadingAloneOnItsLineWithoutColon) {
  const NarrativeReading reading = read(
      "COMPARISON\nCalcifications stable since 2019.\nFINDINGS\nGrouped amorphous "
      "calcifications left breast.");
  ASSERT_EQ(reading.mentions.size(), 2u);
  EXPECT_EQ(reading.mentions[0].sentence.section, ReportSection::Comparison);
  EXPECT_EQ(reading.mentions[1].sentence.section, ReportSection::Findings);
}

TEST(ReportText, CapitalisedWordsInsideASentenceAreNoHeading) {
  // An all-capitals sentence holding a heading word, without a colon: no heading.
  const NarrativeReading caps =
      read("FINDINGS: NEW GROUPED CALCIFICATIONS LEFT BREAST, NO COMPARISON AVAILABLE.");
  ASSERT_EQ(caps.mentions.size(), 1u);
  EXPECT_EQ(caps.mentions[0].sentence.section, ReportSection::Findings);
  // A heading word in lower case before a colon mid-line is text, not a heading.
  const NarrativeReading lower =
      read("FINDINGS: Grouped calcifications left breast, see comparison: stable.");
  ASSERT_EQ(lower.mentions.size(), 1u);
  EXPECT_EQ(lower.mentions[0].sentence.section, ReportSection::Findings);
}

TEST(ReportText, CategoryHeadingKeepsItsCategory) {
  // "BI-RADS ASSESSMENT:" is a heading (the impression) and says what the number after it is.
  for (const char* text : {"FINDINGS: Grouped amorphous calcifications left breast.\nBI-RADS "
                           "ASSESSMENT: 4 - suspicious.",
                           "FINDINGS: Grouped amorphous calcifications left breast. BI-RADS "
                           "ASSESSMENT: 4 - suspicious."}) {
    const NarrativeReading reading = read(text);
    ASSERT_EQ(reading.assessments.size(), 1u) << text;
    EXPECT_EQ(reading.assessments.front().category, Category::Suspicious4) << text;
    ASSERT_EQ(reading.mentions.size(), 1u) << text;
    EXPECT_EQ(reading.mentions.front().sentence.section, ReportSection::Findings) << text;
  }
}

// ---- 5. Header-less breast text ----

TEST(ReportText, BreastVocabularyMakesBreastImagingText) {
  EXPECT_TRUE(read("Bilateral mammogram. Fine pleomorphic calcifications right breast at 10 "
                   "o'clock. BI-RADS 4.")
                  .breast_imaging_text);
  EXPECT_TRUE(read("Fine pleomorphic calcifications in the retroareolar region. BI-RADS 4.")
                  .breast_imaging_text);
  EXPECT_TRUE(read("Tomosynthesis: grouped calcifications in the axillary tail at 10 o'clock.")
                  .breast_imaging_text);
  // BI-RADS names the breast: no "breast" needed beside it.
  EXPECT_TRUE(read("Bilateral mammogram. Fine pleomorphic calcifications at 10 o'clock. BI-RADS 4.")
                  .breast_imaging_text);
  // A mammogram recommended, or a tomosynthesis, alone is no breast report.
  EXPECT_FALSE(
      read("Coronary artery calcifications. Recommend screening mammogram.").breast_imaging_text);
  EXPECT_FALSE(read("Chest tomosynthesis: calcified granuloma, coronary calcifications.")
                   .breast_imaging_text);
  EXPECT_FALSE(read("Coronary artery calcifications. Aortic calcification. No pulmonary nodule.")
                   .breast_imaging_text);
  EXPECT_FALSE(read("CT chest: coronary artery calcifications, aortic valve calcification.")
                   .breast_imaging_text);
}

}  // namespace
}  // namespace mammocalc
