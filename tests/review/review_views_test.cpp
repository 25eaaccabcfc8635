// What a radiologist reads of a report read from its text (issue 16 item 8): the terminal review
// and the HTML page mark a narrative finding as read from text and quote its sentences, list the
// mentions that gave no finding with their status, show what the text states, never inject the
// report's words into the page unescaped; the batch index counts the findings read from text.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "base/wrapped_text.hpp"
#include "output/batch_index.hpp"
#include "output/summary_writer.hpp"
#include "review/exam_view.hpp"
#include "review/review_html.hpp"
#include "review/review_text.hpp"
#include "review/summary_reader.hpp"
#include "run/summarise.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

constexpr const char* kFindingsSentence =
    "RIGHT BREAST: There are fine pleomorphic calcifications in a segmental distribution at 10 "
    "o'clock, middle depth, spanning 3 cm.";
constexpr const char* kImpressionSentence =
    "BI-RADS 4C: Suspicious calcifications, right breast. Stereotactic biopsy is recommended.";
constexpr const char* kNegatedSentence = "No suspicious calcifications in the left breast.";

TextSentence sentence(ReportSection section, const std::string& text) {
  return {{"1.1.1", 0, text.size()}, section, text};
}

// The reproduction as the narrative reader gives it: one right-breast finding read from
// a findings sentence and the impression, a negated left-breast mention, the stated 4C.
Findings narrative_report(MentionStatus status = MentionStatus::Affirmed,
                          const std::string& findings_sentence = kFindingsSentence) {
  Findings findings;
  findings.source.file = "text-report.dcm";
  findings.source.sop_instance_uid = "1.2.3.4";
  findings.source.accession_number = "ACC16";
  Finding finding = testing::calcification({Morphology::FinePleomorphic}, Distribution::Segmental);
  finding.origin = Origin::Narrative;
  finding.position = "1.1.1";
  finding.location.clock_hour = 10;
  finding.location.depth = Depth::Middle;
  finding.text_status = status;
  finding.text_sentences = {sentence(ReportSection::Findings, findings_sentence),
                            sentence(ReportSection::Impression, kImpressionSentence)};
  finding.text_evidence.push_back(
      {NarrativeField::Morphology, "fine-pleomorphic", "fine pleomorphic", {"1.1.1", 18, 34}});
  findings.findings.push_back(finding);

  TextMention affirmed;
  affirmed.status = status;
  affirmed.sentence = sentence(ReportSection::Findings, findings_sentence);
  affirmed.words = "calcifications";
  affirmed.laterality = Laterality::Right;
  affirmed.findings = {0};
  findings.text_mentions.push_back(affirmed);
  TextMention negated;
  negated.status = MentionStatus::Negated;
  negated.sentence = sentence(ReportSection::Findings, kNegatedSentence);
  negated.words = "calcifications";
  negated.trigger = "No";
  negated.laterality = Laterality::Left;
  findings.text_mentions.push_back(negated);
  findings.text_use = Findings::TextUse::Read;

  OverallStatement stated;
  stated.from_text = true;
  stated.category = Category::HighSuspicion4C;
  stated.laterality = Laterality::Right;
  stated.position = "1.2.1";
  stated.quote = kImpressionSentence;
  stated.follow_up = {{Code{"111144", "DCM", "Stereotactic biopsy"}, stated.position,
                       "stereotactic-biopsy", stated.quote}};
  findings.overall_statements.push_back(stated);
  return findings;
}

std::string review_of(const ReviewExam& exam) {
  std::ostringstream out;
  write_review_text(exam, ReviewOptions{}, out);
  return out.str();
}

// The review's words without its line breaks: a quote may wrap anywhere.
std::string unwrapped(const std::string& text) {
  std::string flat;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && !flat.empty() && flat.back() == ' ') continue;
    flat.push_back(space ? ' ' : c);
  }
  return flat;
}

// Both ways a view is built: from the evaluated report and from its summary read back.
std::vector<ReviewExam> views_of(const Findings& findings) {
  const Report report = evaluate(findings);
  return {exam_view_of(report, false), read_summary(render_summary(report, {}), "text.xml")};
}

TEST(ReviewText, MarksANarrativeFindingAndQuotesItsSentences) {
  for (const ReviewExam& exam : views_of(narrative_report())) {
    ASSERT_EQ(exam.findings.size(), 1u);
    EXPECT_TRUE(exam.findings[0].from_text);
    const std::string text = review_of(exam);
    EXPECT_NE(text.find("[from report text]"), std::string::npos) << text;
    EXPECT_NE(text.find("Findings text: \"RIGHT BREAST: There are fine pleomorphic"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Impression text: \"BI-RADS 4C: Suspicious calcifications"),
              std::string::npos)
        << text;
  }
}

TEST(ReviewText, GivesTheStatusOfAnUncertainNarrativeFinding) {
  for (const ReviewExam& exam : views_of(narrative_report(MentionStatus::Uncertain))) {
    EXPECT_NE(review_of(exam).find("[from report text, uncertain]"), std::string::npos);
  }
}

TEST(ReviewText, CodedFindingsCarryNoTextMarker) {
  Findings findings;
  findings.source.file = "coded.dcm";
  findings.findings.push_back(
      testing::calcification({Morphology::FinePleomorphic}, Distribution::Segmental));
  for (const ReviewExam& exam : views_of(findings)) {
    EXPECT_EQ(review_of(exam).find("report text"), std::string::npos);
  }
}

TEST(ReviewText, ListsTheNegatedMentionWithItsStatusAndSentence) {
  for (const ReviewExam& exam : views_of(narrative_report())) {
    const std::string text = review_of(exam);
    EXPECT_NE(text.find("Read in the report text, gave no finding:"), std::string::npos) << text;
    EXPECT_NE(text.find("  - negated (\"No\"), findings, left breast: \"No suspicious "
                        "calcifications in the left breast.\""),
              std::string::npos)
        << text;
    // The left breast's line points to the sentence its "no finding" rests on.
    EXPECT_NE(text.find("LEFT breast: no calcification finding reported; see the report text "
                        "below\n"),
              std::string::npos)
        << text;
    // The affirmed mention gave F1: it stands under F1, not among the mentions without finding.
    EXPECT_EQ(text.find("  - affirmed"), std::string::npos) << text;
  }
}

TEST(ReviewText, ANegativeReportQuotesWhatItsConclusionRestsOn) {
  Findings findings = narrative_report();
  findings.findings.clear();
  findings.text_mentions.erase(findings.text_mentions.begin());
  findings.overall_statements.clear();
  for (const ReviewExam& exam : views_of(findings)) {
    const std::string text = review_of(exam);
    EXPECT_NE(text.find(kNoCalcificationStatement), std::string::npos) << text;
    EXPECT_NE(text.find("negated (\"No\")"), std::string::npos) << text;
    EXPECT_NE(text.find(kNegatedSentence), std::string::npos) << text;
  }
}

TEST(ReviewText, ShowsTheAssessmentAndFollowUpTheTextStates) {
  for (const ReviewExam& exam : views_of(narrative_report())) {
    const std::string text = unwrapped(review_of(exam));
    EXPECT_NE(text.find("Report text states: BI-RADS 4C (right breast) \u2014 \"BI-RADS 4C: "
                        "Suspicious calcifications, right breast."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Report text recommends: stereotactic biopsy (right breast)"),
              std::string::npos)
        << text;
  }
}

TEST(ReviewText, TextListedBesideCodedFindingsIsSaidToBeListedOnly) {
  Findings findings;
  findings.source.file = "coded-with-text.dcm";
  findings.findings.push_back(
      testing::calcification({Morphology::FinePleomorphic}, Distribution::Segmental));
  TextMention mention;
  mention.status = MentionStatus::Affirmed;
  mention.sentence = sentence(ReportSection::Findings, kFindingsSentence);
  mention.words = "calcifications";
  mention.laterality = Laterality::Right;
  findings.text_mentions.push_back(mention);
  findings.text_use = Findings::TextUse::ListedOnly;
  for (const ReviewExam& exam : views_of(findings)) {
    EXPECT_EQ(exam.read_text_use, "listed");
    const std::string text = review_of(exam);
    EXPECT_NE(text.find("Calcifications in the report text, listed only"), std::string::npos)
        << text;
    EXPECT_NE(text.find("  - affirmed, findings, right breast: \"RIGHT BREAST:"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("[from report text"), std::string::npos) << text;
  }
}

// Report text that restates a coded finding gives no finding of its own: the coded finding quotes
// it, so the radiologist sees which words the pairing rests on (issue 17 item 2).
TEST(ReviewText, ACodedFindingQuotesTheTextThatRestatesIt) {
  Findings findings;
  findings.source.file = "coded-with-text.dcm";
  Finding coded = testing::calcification({Morphology::FinePleomorphic}, Distribution::Segmental);
  coded.laterality = Laterality::Right;
  coded.location.clock_hour = 10;
  findings.findings.push_back(coded);
  Finding text = coded;
  text.origin = Origin::Narrative;
  text.paired_with = 0;
  text.text_status = MentionStatus::Affirmed;
  text.text_sentences = {sentence(ReportSection::Findings, kFindingsSentence)};
  findings.findings.push_back(text);
  TextMention mention;
  mention.status = MentionStatus::Affirmed;
  mention.sentence = sentence(ReportSection::Findings, kFindingsSentence);
  mention.words = "calcifications";
  mention.laterality = Laterality::Right;
  mention.findings = {1};
  findings.text_mentions.push_back(mention);
  findings.text_use = Findings::TextUse::Paired;
  for (const ReviewExam& exam : views_of(findings)) {
    ASSERT_EQ(exam.findings.size(), 1U) << "the restating text gives no finding";
    const std::string review = unwrapped(review_of(exam));
    EXPECT_NE(
        review.find("Findings text, restating it: \"RIGHT BREAST: There are fine pleomorphic"),
        std::string::npos)
        << review;
    EXPECT_EQ(review.find("[from report text"), std::string::npos) << review;
    const std::string page = render_review_page({exam}, false);
    EXPECT_NE(page.find("Restated in the report text (F1):"), std::string::npos) << page;
  }
}

TEST(ReviewText, LongQuotesKeepToTheWidthAndControlCharactersAreHarmless) {
  std::string long_sentence =
      "There are fine pleomorphic calcifications\x1b[2J in the right breast";
  for (int i = 0; i < 30; ++i) long_sentence += " and more words of dictation";
  long_sentence += ".\nSecond line.";
  for (const ReviewExam& exam :
       views_of(narrative_report(MentionStatus::Affirmed, long_sentence))) {
    std::istringstream lines(review_of(exam));
    std::string line;
    std::size_t quote_lines = 0;
    while (std::getline(lines, line)) {
      EXPECT_LE(visible_width(line), kReviewWidth) << line;
      EXPECT_EQ(line.find('\x1b'), std::string::npos) << line;
      if (line.find("and more words") != std::string::npos) ++quote_lines;
    }
    EXPECT_GE(quote_lines, 5u);
  }
}

TEST(ReviewHtml, MarksANarrativeFindingAndEscapesItsQuotes) {
  const std::string hostile =
      "RIGHT BREAST: fine pleomorphic calcifications <script>alert(\"x\")</script> & more.";
  for (const ReviewExam& exam : views_of(narrative_report(MentionStatus::Affirmed, hostile))) {
    const std::string page = render_review_page({exam}, false);
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; more."), std::string::npos)
        << page;
    EXPECT_NE(page.find("class=\"from-text\""), std::string::npos);
    EXPECT_NE(page.find("[from report text]"), std::string::npos);
    EXPECT_NE(page.find("Report text states: BI-RADS 4C (right breast)"), std::string::npos);
    EXPECT_NE(page.find("negated (\"No\"), findings, left breast: "), std::string::npos) << page;
    EXPECT_NE(page.find(std::string("<q>") + kNegatedSentence + "</q>"), std::string::npos);
  }
}

TEST(BatchIndex, CountsNarrativeFindingsPerEntryAndInTheRollup) {
  Findings findings = narrative_report();
  findings.findings.push_back(
      testing::calcification({Morphology::CoarseHeterogeneous}, Distribution::Grouped));
  const Report report = evaluate(findings);
  EXPECT_EQ(narrative_findings_of(report), 1);

  Rollup rollup;
  rollup.add(report);
  rollup.add(report);
  EXPECT_EQ(rollup.findings, 4);
  EXPECT_EQ(rollup.narrative_findings, 2);
  Rollup total;
  total.merge(rollup);
  total.merge(rollup);
  EXPECT_EQ(total.narrative_findings, 4);

  IndexEntry entry;
  entry.input = "text-report.dcm";
  entry.status = EntryStatus::Summarised;
  entry.findings = 2;
  entry.narrative_findings = narrative_findings_of(report);
  std::ostringstream line;
  write_index_entry(entry, line);
  EXPECT_NE(line.str().find("findings=\"2\" narrativeFindings=\"1\""), std::string::npos)
      << line.str();
  const IndexParts parts = index_parts(IndexCounts{}, total);
  EXPECT_NE(parts.tail.find("narrativeFindings=\"4\""), std::string::npos) << parts.tail;

  BatchIndex index;
  index.entries.push_back(entry);
  index.rollup = total;
  const std::string page = render_batch_index_page(index);
  EXPECT_NE(page.find("From report text"), std::string::npos);
  EXPECT_NE(page.find("findings read from report text (each needs radiologist review): 4"),
            std::string::npos);
}

// H50-6: the roll-up counts exams too, by the exam's own category, which its report's overall
// assessment can raise above every calcification finding: a BI-RADS 5 exam with benign
// calcifications shows as 5 among the exams, not only as its benign findings.
TEST(BatchIndex, CountsExamsByTheirOwnCategoryBesideTheirFindings) {
  Findings findings;
  findings.findings.push_back(
      testing::calcification({Morphology::CoarseHeterogeneous}, Distribution::Diffuse));
  const Report benign = evaluate(findings);
  OverallStatement overall;
  overall.category = Category::HighlySuggestive5;
  overall.position = "1.3.3";
  findings.overall_statements.push_back(overall);
  findings.overall_category = Category::HighlySuggestive5;
  const Report raised = evaluate(findings);
  ASSERT_EQ(raised.exam.category, Category::HighlySuggestive5);

  Rollup rollup;
  rollup.add(benign);
  rollup.add(raised);
  EXPECT_EQ(rollup.findings, 2);
  EXPECT_EQ(rollup.categories.count("5"), 0U);
  EXPECT_EQ(rollup.exams, 2);
  EXPECT_EQ(rollup.exam_categories["5"], 1);
  EXPECT_EQ(rollup.exam_categories[std::string(to_string(*benign.exam.category))], 1);
  EXPECT_EQ(rollup.exams_needing_review, raised.exam.needs_review ? 1 : 0);
  Rollup total;
  total.merge(rollup);
  EXPECT_EQ(total.exam_categories, rollup.exam_categories);
  EXPECT_EQ(total.exams, 2);

  const IndexParts parts = index_parts(IndexCounts{}, total);
  EXPECT_NE(parts.tail.find("<exams count=\"2\""), std::string::npos) << parts.tail;
  EXPECT_NE(parts.tail.find("<category value=\"5\" exams=\"1\""), std::string::npos) << parts.tail;
  EXPECT_NE(rollup_csv(total).find("exam-category,5,1\n"), std::string::npos);
  BatchIndex index;
  index.rollup = total;
  EXPECT_NE(render_batch_index_page(index).find("Exams per BI-RADS category"), std::string::npos);
}

// One exam read twice in a batch (H31-6, H33-5): index.html says what index.xml says, the other
// input's name on both rows, the copy left out of the roll-up, two results under one UID to be
// reviewed, and the roll-up's conflicting exams. Rows of other exams say none of it.
TEST(BatchIndex, PageSaysWhichInputsReadOneExam) {
  BatchIndex index;
  const auto summarised = [](const std::string& input, const std::string& other) {
    IndexEntry entry;
    entry.input = input;
    entry.status = EntryStatus::Summarised;
    entry.output = input + ".xml";
    entry.same_exam_as = other;
    return entry;
  };
  index.entries.push_back(summarised("first.dcm", "copy.dcm"));
  index.entries.push_back(summarised("copy.dcm", "first.dcm"));
  index.entries.back().in_rollup = false;
  index.entries.push_back(summarised("benign.dcm", "suspicious.dcm"));
  index.entries.push_back(summarised("suspicious.dcm", "benign.dcm"));
  for (std::size_t i = 2; i < 4; ++i) {
    index.entries[i].same_exam_differs = true;
    index.entries[i].needs_review = true;
  }
  index.entries.push_back(summarised("alone.dcm", ""));
  index.rollup.same_exam_conflicts = 1;
  const std::string page = render_batch_index_page(index);
  const auto row_of = [&](const std::string& input) {
    const std::size_t start = page.find("<td class=\"path\">" + input + "</td>");
    return start == std::string::npos ? std::string()
                                      : page.substr(start, page.find("</tr>", start) - start);
  };
  EXPECT_NE(row_of("first.dcm").find("the same exam as copy.dcm"), std::string::npos) << page;
  EXPECT_EQ(row_of("first.dcm").find("not counted in the roll-up"), std::string::npos) << page;
  EXPECT_NE(row_of("copy.dcm").find("the same exam as first.dcm"), std::string::npos) << page;
  EXPECT_NE(row_of("copy.dcm").find("not counted in the roll-up"), std::string::npos) << page;
  EXPECT_EQ(row_of("copy.dcm").find("another result"), std::string::npos) << page;
  for (const char* input : {"benign.dcm", "suspicious.dcm"}) {
    const std::string row = row_of(input);
    EXPECT_NE(row.find("another result under the same UID: review"), std::string::npos) << row;
    EXPECT_NE(row.find("needs radiologist review"), std::string::npos) << row;
    EXPECT_EQ(row.find("not counted in the roll-up"), std::string::npos) << row;
  }
  EXPECT_NE(row_of("benign.dcm").find("the same exam as suspicious.dcm"), std::string::npos);
  const std::string alone = row_of("alone.dcm");
  ASSERT_FALSE(alone.empty()) << page;
  EXPECT_EQ(alone.find("same exam"), std::string::npos) << alone;
  EXPECT_EQ(alone.find("roll-up"), std::string::npos) << alone;
  EXPECT_NE(page.find("exams read twice with different results under one UID (their findings "
                      "counted as needing radiologist review): 1"),
            std::string::npos)
      << page;

  index.rollup.same_exam_conflicts = 0;
  EXPECT_EQ(render_batch_index_page(index).find("read twice with different results"),
            std::string::npos);
}

// A category that is the report's own, above what the findings give, is never printed beside
// their actions as if they were its own: "BI-RADS 4 suspicious -> short-interval follow-up" read
// as a 4 without a biopsy (fifth hostile review). Both views, both ways a view is built.
TEST(ReviewText, AReportsOwnCategoryIsNotGivenTheFindingsActions) {
  Findings findings;
  findings.source.file = "stated-4.dcm";
  Finding finding = testing::calcification({Morphology::Punctate}, Distribution::Grouped);
  finding.laterality = Laterality::Left;
  finding.reported_category = Category::ProbablyBenign3;
  findings.findings.push_back(finding);
  OverallStatement stated;
  stated.category = Category::Suspicious4;
  stated.position = "1.2.1";
  findings.overall_statements.push_back(stated);
  findings.overall_category = Category::Suspicious4;
  for (const ReviewExam& exam : views_of(findings)) {
    ASSERT_EQ(exam.category, "4");
    ASSERT_EQ(exam.category_source, "report");
    const std::string text = unwrapped(review_of(exam));
    EXPECT_NE(text.find("Verdict: BI-RADS 4 suspicious -> the findings: "), std::string::npos)
        << text;
    EXPECT_NE(text.find("(the category is the report's own)"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace mammocalc
