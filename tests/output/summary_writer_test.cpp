#include <gtest/gtest.h>

#include <sstream>

#include "output/rule_listing.hpp"
#include "output/summary_writer.hpp"
#include "output/xml_text.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

Report sample_report() {
  Findings findings;
  findings.source = SourceInfo{"in.dcm",
                               "1.2.840.10008.5.1.4.1.1.88.33",
                               "1.2.3",
                               "1.2.4",
                               "ACC<1>",
                               "20260101",
                               ReportTemplate::BreastImagingReport4200,
                               "1.2.5",
                               "",
                               "",
                               "",
                               {},
                               "",
                               "",
                               "",
                               false,
                               "",
                               "",
                               "",
                               ""};
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
