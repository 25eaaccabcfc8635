#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>

#include "output/rule_listing.hpp"
#include "output/summary_writer.hpp"
#include "output/xml_text.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

Report sample_report() {
  Findings findings;
  findings.source.file = "in.dcm";
  findings.source.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.33";
  findings.source.sop_instance_uid = "1.2.3";
  findings.source.study_instance_uid = "1.2.4";
  findings.source.accession_number = "ACC<1>";
  findings.source.study_date = "20260101";
  findings.source.report_template = ReportTemplate::BreastImagingReport4200;
  findings.source.series_instance_uid = "1.2.5";
  findings.patient =
      PatientInfo{"ID-7", "Doe^Jane<script>alert('x')</script> & \"co\"", "F", "050Y", "", ""};
  findings.findings.push_back(
      testing::calcification({Morphology::Amorphous}, Distribution::Grouped));
  return evaluate(findings);
}

std::string render(const Report& report, bool redact = false) {
  std::ostringstream out;
  write_summary(report, SummaryOptions{redact}, out);
  return out.str();
}

TEST(ReportWriter, WritesContractNames) {
  const std::string xml = render(sample_report());
  for (const char* expected :
       {"<mammocalcSummary xmlns=\"urn:mammocalc:summary:1\" rulesetVersion=\"2026.2\"",
        "toolVersion=", "<notice>Decision support", "<source file=\"in.dcm\"", "template=\"4200\"",
        "<finding id=\"F1\" laterality=\"right\"", "<site value=\"unknown\" source=\"none\"",
        "<morphology term=\"amorphous\"",
        "<assessment category=\"4B\" classification=\"suspicious\" ruleCategory=\"4B\"",
        "<recommendation action=\"biopsy\"", "biopsyType=\"vacuum-assisted\"", "<rule id=\"C5\"",
        "<exam category=\"4B\""}) {
    EXPECT_NE(xml.find(expected), std::string::npos) << expected << "\n" << xml;
  }
}

TEST(ReportWriter, EscapesHostileText) {
  const std::string xml = render(sample_report());
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(xml.find("&lt;script"), std::string::npos);
  EXPECT_NE(xml.find(" &amp; &quot;co&quot;"), std::string::npos);
  EXPECT_NE(xml.find("accessionNumber=\"ACC&lt;1"), std::string::npos);
}

TEST(ReportWriter, RedactLeavesPatientOut) {
  const std::string xml = render(sample_report(), true);
  EXPECT_EQ(xml.find("<patient"), std::string::npos);
  EXPECT_EQ(xml.find("Doe^Jane"), std::string::npos);
  EXPECT_EQ(xml.find("ID-7"), std::string::npos);
}

TEST(ReportWriter, SameReportSameBytes) {
  EXPECT_EQ(render(sample_report()), render(sample_report()));
}

TEST(ReportWriter, SaysSoWhenThereIsNoCalcification) {
  Findings findings;
  findings.source.report_template = ReportTemplate::BreastImagingReport4200;
  const std::string xml = render(evaluate(findings));
  EXPECT_NE(xml.find("<statement>This report contains no calcification finding.</statement>"),
            std::string::npos);
  EXPECT_NE(xml.find("categorySource=\"none\""), std::string::npos);
}

// A summary an earlier hook call wrote, amended when a later call meets another result under
// its UID (E19, H37-6): only the review flag, the row and the warning change.
TEST(SummaryAmendment, AddsTheExamRowAndWarningAndChangesNothingElse) {
  const std::string written = render(sample_report());
  const Rule* rule = find_rule("E19");
  ASSERT_NE(rule, nullptr);
  const std::optional<std::string> amended =
      summary_with_exam_rule(written, FiredRule{rule, rule->outcome, {}}, nullptr,
                             WarningCode::SameExamConflict, "another <result> & more");
  ASSERT_TRUE(amended.has_value());
  const std::size_t exam = amended->find("<exam ");
  const std::size_t exam_end = amended->find("</exam>");
  ASSERT_NE(exam_end, std::string::npos);
  EXPECT_NE(amended->find("needsReview=\"true\"", exam), std::string::npos);
  const std::size_t row = amended->find("<rule id=\"E19\" stage=\"exam\"");
  EXPECT_TRUE(row > exam && row < exam_end) << *amended;
  EXPECT_EQ(amended->find("<rule ", row + 1), std::string::npos) << "E19 is the exam's last row";
  const std::string warning =
      "<warning code=\"same-exam-conflict\">another &lt;result&gt; &amp; more</warning>";
  EXPECT_NE(amended->find(warning, exam_end), std::string::npos) << *amended;
  // Undo the three changes: the summary as written, byte for byte (escapes included).
  std::string undone = *amended;
  undone.erase(undone.find(warning) - 2, warning.size() + 3);  // "  " before, newline after
  const std::size_t row_start = undone.rfind('\n', row) + 1;
  undone.erase(row_start, undone.find('\n', row) + 1 - row_start);
  const std::size_t flag = undone.find("needsReview=\"true\"", undone.find("<exam "));
  const std::size_t written_flag = written.find("needsReview=", written.find("<exam "));
  EXPECT_EQ(undone.substr(0, flag), written.substr(0, written_flag));
  EXPECT_EQ(undone.substr(flag + std::string("needsReview=\"true\"").size()),
            written.substr(written.find('"', written.find('"', written_flag) + 1) + 1));
}

TEST(SummaryAmendment, WithAFindingRowEachFindingNeedsReview) {
  const std::string written = render(sample_report());
  const Rule* exam_rule = find_rule("E19");
  const Rule* finding_rule = find_rule("W25");
  ASSERT_NE(finding_rule, nullptr);
  const FiredRule finding_row{finding_rule, finding_rule->outcome, {}};
  const std::optional<std::string> amended =
      summary_with_exam_rule(written, FiredRule{exam_rule, exam_rule->outcome, {}}, &finding_row,
                             WarningCode::SameExamConflict, "another result");
  ASSERT_TRUE(amended.has_value());
  const std::size_t finding = amended->find("<finding ");
  const std::size_t finding_end = amended->find("</finding>");
  const std::size_t row = amended->find("<rule id=\"W25\"");
  EXPECT_TRUE(finding != std::string::npos && row > finding && row < finding_end) << *amended;
  const std::size_t assessment = amended->find("<assessment ", finding);
  EXPECT_EQ(amended->find("needsReview=\"true\"", assessment),
            amended->find("needsReview=", assessment));
}

// Review 41, R41-6: line ends inside texts stay as written; each row is added once.
TEST(SummaryAmendment, KeepsLineEndsAndAddsEachRowOnce) {
  Report report = sample_report();
  report.input.notes.push_back({WarningCode::NarrativeDiscordant, "line one\r\nline two", ""});
  const std::string written = render(report);
  const std::size_t at = written.find("line one");
  ASSERT_NE(at, std::string::npos);
  const std::string as_written = written.substr(at, written.find("line two") - at);
  const Rule* exam_rule = find_rule("E19");
  const Rule* finding_rule = find_rule("W25");
  const FiredRule finding_row{finding_rule, finding_rule->outcome, {}};
  std::string amended = written;
  for (const char* other : {"one result", "another result"}) {
    amended = *summary_with_exam_rule(amended, FiredRule{exam_rule, exam_rule->outcome, {}},
                                      &finding_row, WarningCode::SameExamConflict, other);
  }
  EXPECT_NE(amended.find(as_written), std::string::npos) << as_written;
  const auto count = [&](const std::string& text) {
    std::size_t n = 0;
    for (std::size_t k = amended.find(text); k != std::string::npos;
         k = amended.find(text, k + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_EQ(count("<rule id=\"E19\""), 1U);
  EXPECT_EQ(count("<rule id=\"W25\""), report.decisions.size());
  EXPECT_EQ(count("code=\"same-exam-conflict\""), 2U);
}

TEST(SummaryAmendment, RefusesWhatIsNoSummary) {
  const Rule* rule = find_rule("E19");
  const FiredRule fired{rule, rule->outcome, {}};
  for (const char* text : {"", "not xml <", "<other/>",
                           "<mammocalcSummary xmlns=\"urn:else\"><exam/></mammocalcSummary>",
                           "<mammocalcSummary xmlns=\"urn:mammocalc:summary:1\"/>"}) {
    EXPECT_FALSE(summary_with_exam_rule(text, fired, nullptr, WarningCode::SameExamConflict, "x")
                     .has_value())
        << text;
  }
}

// The naming an output's head says, read as XML (review 43, R43-11): any quoting and order, the
// whole element name, escapes undone; none where the tag is cut short or absent.
TEST(StartTagAttribute, ReadsTheAttributeOfTheWholeStartTag) {
  const char* kIndex = "<mammocalcIndex";
  EXPECT_EQ(start_tag_attribute("<?xml version=\"1.0\"?>\n<mammocalcIndex xmlns=\"u\" "
                                "naming=\"plain\">",
                                kIndex, "naming"),
            "plain");
  EXPECT_EQ(start_tag_attribute("<mammocalcIndex naming='a&amp;b' xmlns='u'>", kIndex, "naming"),
            "a&b");
  EXPECT_EQ(start_tag_attribute("<mammocalcIndexes naming=\"x\"/><mammocalcIndex naming=\"y\"/>",
                                kIndex, "naming"),
            "y");
  EXPECT_EQ(start_tag_attribute("<mammocalcIndex xmlns=\"u\">", kIndex, "naming"), "");
  EXPECT_FALSE(start_tag_attribute("<mammocalcIndex naming=\"pla", kIndex, "naming"));
  EXPECT_FALSE(start_tag_attribute("<other naming=\"plain\">", kIndex, "naming"));
  // A '>' inside a quoted value is the value's (review 48, R48-8); no tag start is no tag.
  EXPECT_EQ(start_tag_attribute("<mammocalcIndex note=\"a>b\" naming=\"plain\">", kIndex, "naming"),
            "plain");
  EXPECT_FALSE(start_tag_attribute("<mammocalcIndex naming=\"plain\">", "", "naming"));
  EXPECT_EQ(start_tag_attribute("<head><meta name=\"mammocalc-naming\" content=\"plain\" />",
                                "<meta name=\"mammocalc-naming\"", "content"),
            "plain");
}

TEST(XmlSafeText, KeepsValidUtf8) {
  EXPECT_EQ(xml_safe_text("Müller Śląsk 日本"), "Müller Śląsk 日本");
}

TEST(XmlSafeText, ReplacesInvalidUtf8) {
  EXPECT_EQ(xml_safe_text(std::string("M\xFCller")), "M\xEF\xBF\xBDller");
  EXPECT_EQ(xml_safe_text(std::string("\xC0\xAF")), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
  EXPECT_EQ(xml_safe_text(std::string("\xED\xA0\x80")),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(XmlSafeText, DropsControlCharactersButKeepsWhitespace) {
  EXPECT_EQ(xml_safe_text(std::string("a\x01"
                                      "b\tc\nd\x1F",
                                      8)),
            "ab\tc\nd");
}

TEST(XmlSafeText, KeepsLongText) {
  const std::string long_text(64 * 1024, 'x');
  EXPECT_EQ(xml_safe_text(long_text), long_text);
}

TEST(RuleListing, TextNamesEveryRule) {
  std::ostringstream out;
  write_rule_table(out, false);
  for (const Rule& rule : rule_table()) {
    EXPECT_NE(out.str().find("\n" + std::string(rule.id) + "  ["), std::string::npos) << rule.id;
  }
}

TEST(RuleListing, XmlHasOneRulePerRow) {
  std::ostringstream out;
  write_rule_table(out, true);
  std::size_t count = 0;
  for (std::size_t at = out.str().find("<rule "); at != std::string::npos;
       at = out.str().find("<rule ", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, rule_table().size());
}

}  // namespace
}  // namespace mammocalc
