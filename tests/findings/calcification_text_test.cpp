// The safety net for report text until the narrative reader exists (issue 16): which words count
// as a calcification mention, and which SRs of no known template are breast reports.
#include "findings/calcification_text.hpp"

#include <gtest/gtest.h>

namespace mammocalc {
namespace {

TEST(CalcificationText, MentionsInAnyCaseAndAbbreviation) {
  for (const char* text : {"Fine pleomorphic calcifications at 10:00.", "MICROCALCIFICATIONS",
                           "grouped calcs, left breast", "a calcified fibroadenoma",
                           "No suspicious calcifications."}) {
    EXPECT_TRUE(mentions_calcification(text)) << text;
  }
  for (const char* text : {"Heterogeneously dense breasts.", "calculus", "recalculated", ""}) {
    EXPECT_FALSE(mentions_calcification(text)) << text;
  }
}

SrDocument text_report(const std::string& description, const std::string& text) {
  SrDocument document;
  document.header.study_description = description;
  ContentItem item;
  item.position = "1.1";
  item.value_type = ValueType::Text;
  item.text = text;
  document.root.children.push_back(item);
  return document;
}

TEST(CalcificationText, BreastReportsByHeaderOrVocabulary) {
  EXPECT_TRUE(looks_like_breast_report(text_report("MAMMO DIAGNOSTIC RIGHT", "")));
  EXPECT_TRUE(looks_like_breast_report(
      text_report("", "RIGHT BREAST: grouped calcifications. BI-RADS 4B.")));
  EXPECT_FALSE(looks_like_breast_report(text_report(
      "CT CHEST", "Coronary artery calcifications. No axillary or breast mass is seen.")));
}

TEST(CalcificationText, EveryMentionIsNotedWithItsSentence) {
  const SrDocument document =
      text_report("MAMMO",
                  "Scattered fibroglandular density. Fine linear calcifications, left breast.\n"
                  "Benign calcs on the right.");
  Findings out;
  note_calcification_text(document, out);
  ASSERT_EQ(out.notes.size(), 2U);
  EXPECT_EQ(out.notes[0].code, WarningCode::NarrativeUnresolved);
  EXPECT_NE(out.notes[0].text.find("\"Fine linear calcifications, left breast\""),
            std::string::npos);
  EXPECT_NE(out.notes[1].text.find("\"Benign calcs on the right\""), std::string::npos);
  EXPECT_EQ(out.notes[0].position, "1.1");
}

}  // namespace
}  // namespace mammocalc
