// The review's view built from the typed Report (exam_view_of) is the view read back from that
// report's summary (read_summary): a fresh evaluation and a summary on disk show alike.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "review/exam_view.hpp"
#include "review/summary_reader.hpp"
#include "run/summarise.hpp"
#include "test_support.hpp"

namespace mammocalc {

// Field by field, so that a field one side forgets fails here.
bool operator==(const ReviewRule& a, const ReviewRule& b) {
  return std::tie(a.id, a.stage, a.title, a.outcome, a.citation) ==
         std::tie(b.id, b.stage, b.title, b.outcome, b.citation);
}
bool operator==(const ReviewWarning& a, const ReviewWarning& b) {
  return std::tie(a.code, a.text) == std::tie(b.code, b.text);
}
bool operator==(const ReviewBreast& a, const ReviewBreast& b) {
  return std::tie(a.laterality, a.category, a.classification) ==
         std::tie(b.laterality, b.category, b.classification);
}
bool operator==(const ReviewSentence& a, const ReviewSentence& b) {
  return std::tie(a.section, a.text) == std::tie(b.section, b.text);
}
bool operator==(const ReviewQuote& a, const ReviewQuote& b) {
  return std::tie(a.field, a.value, a.words) == std::tie(b.field, b.value, b.words);
}
bool operator==(const ReviewStated& a, const ReviewStated& b) {
  return std::tie(a.laterality, a.category, a.term, a.meaning, a.quote) ==
         std::tie(b.laterality, b.category, b.term, b.meaning, b.quote);
}
bool operator==(const ReviewMention& a, const ReviewMention& b) {
  return std::tie(a.status, a.section, a.laterality, a.words, a.trigger, a.findings, a.sentence) ==
         std::tie(b.status, b.section, b.laterality, b.words, b.trigger, b.findings, b.sentence);
}
bool operator==(const ReviewFinding& a, const ReviewFinding& b) {
  return std::tie(a.id, a.laterality, a.clock, a.region, a.quadrant, a.depth,
                  a.distance_from_nipple_mm, a.site, a.site_source, a.morphology, a.distribution,
                  a.category, a.classification, a.reported_category, a.needs_review, a.action,
                  a.biopsy_type, a.guidance, a.needle, a.warnings, a.trace, a.from_text,
                  a.text_status, a.sentences, a.quotes) ==
         std::tie(b.id, b.laterality, b.clock, b.region, b.quadrant, b.depth,
                  b.distance_from_nipple_mm, b.site, b.site_source, b.morphology, b.distribution,
                  b.category, b.classification, b.reported_category, b.needs_review, b.action,
                  b.biopsy_type, b.guidance, b.needle, b.warnings, b.trace, b.from_text,
                  b.text_status, b.sentences, b.quotes);
}
bool operator==(const ReviewExam& a, const ReviewExam& b) {
  return std::tie(a.notice, a.source_file, a.study_instance_uid, a.accession_number, a.study_date,
                  a.has_patient, a.patient_id, a.patient_name, a.patient_sex, a.patient_age,
                  a.findings, a.category, a.classification, a.needs_review, a.breasts, a.actions,
                  a.statement, a.warnings, a.trace, a.ruleset_version, a.tool_version,
                  a.stated_assessments, a.stated_follow_ups, a.read_text_use, a.mentions) ==
         std::tie(b.notice, b.source_file, b.study_instance_uid, b.accession_number, b.study_date,
                  b.has_patient, b.patient_id, b.patient_name, b.patient_sex, b.patient_age,
                  b.findings, b.category, b.classification, b.needs_review, b.breasts, b.actions,
                  b.statement, b.warnings, b.trace, b.ruleset_version, b.tool_version,
                  b.stated_assessments, b.stated_follow_ups, b.read_text_use, b.mentions);
}

namespace {

namespace fs = std::filesystem;

void expect_same_view(const Report& report, const std::string& name) {
  for (const bool redact : {false, true}) {
    const ReviewExam from_report = exam_view_of(report, redact);
    const ReviewExam from_summary = read_summary(render_summary(report, {redact}), name);
    EXPECT_TRUE(from_report == from_summary) << name << (redact ? " (redacted)" : "");
  }
}

std::vector<std::string> sample_srs() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator("samples")) {
    if (entry.path().extension() == ".dcm") files.push_back(entry.path().string());
  }
  return files;
}

TEST(ExamView, EqualsSummaryReadBackForEverySample) {
  const std::vector<std::string> samples = sample_srs();
  ASSERT_GE(samples.size(), 21u);
  for (const std::string& sample : samples) {
    expect_same_view(summarise_input(sample, Evaluation{}), sample);
  }
}

TEST(ExamView, EqualsSummaryReadBackWithAnnotationsAndProfile) {
  Evaluation with_profile;
  with_profile.profile = load_site_profile("samples/bir-suspicious-stereotactic.site-profile.xml");
  expect_same_view(summarise_input("samples/bir-suspicious-stereotactic.dcm", with_profile),
                   "stereotactic with profile");
  Evaluation with_annotation;
  with_annotation.annotations = {"samples/bir-nonspecific-calcifications.ductal.annotations.xml"};
  expect_same_view(summarise_input("samples/bir-nonspecific-calcifications.dcm", with_annotation),
                   "ductal annotation");
  expect_same_view(summarise_annotations("samples/annotation-only.annotations.xml", Evaluation{}),
                   "annotation only");
}

TEST(ExamView, EqualsSummaryReadBackForHostileText) {
  Findings findings;
  findings.source.file = "in\x01put\xff.dcm";
  findings.source.sop_instance_uid = "1.2.3";
  findings.patient.name = "Doe^Jane\x1b[31m\r\n\xc3";
  findings.patient.id = "ID\t42 ";
  Finding finding = testing::calcification({Morphology::FinePleomorphic}, Distribution::Segmental);
  finding.location.from_nipple_mm = 12.3456789;
  finding.location.clock_hour = 10;
  finding.notes.push_back({WarningCode::UnknownCode, "code \"x\" <y> & z\x7f\r\nline", "1.2"});
  findings.findings.push_back(finding);
  findings.notes.push_back({WarningCode::CharacterSet, "bytes \xe2\x82 cut\rend", ""});
  findings.notes.push_back({WarningCode::TolerantRead, " \n ", ""});
  expect_same_view(evaluate(findings), "hostile");
}

// A report read from its text: the narrative finding's sentences and quotes, the stated
// assessment and follow-up, and every mention (a hostile sentence among them) read alike.
TEST(ExamView, EqualsSummaryReadBackForNarrativeText) {
  Findings findings;
  findings.source.file = "text.dcm";
  Finding finding = testing::calcification({Morphology::FinePleomorphic}, Distribution::Segmental);
  finding.origin = Origin::Narrative;
  finding.text_status = MentionStatus::Uncertain;
  const std::string text = "Possible fine pleomorphic <calcs> & \"more\"\r\nright\x01.";
  finding.text_sentences.push_back(
      testing::quoted_sentence("1.1.1", ReportSection::Findings, text));
  finding.text_evidence.push_back(
      {NarrativeField::Morphology, "fine-pleomorphic", "fine pleomorphic", {"1.1.1", 9, 25}});
  findings.findings.push_back(finding);
  TextMention uncertain;
  uncertain.status = MentionStatus::Uncertain;
  uncertain.sentence = finding.text_sentences[0];
  uncertain.words = "calcs";
  uncertain.trigger = "Possible";
  uncertain.findings = {0};
  findings.text_mentions.push_back(uncertain);
  TextMention historical;
  historical.status = MentionStatus::Historical;
  historical.sentence.span.position = "1.2.1";
  historical.sentence.span.end = 10;
  historical.sentence.section = ReportSection::History;
  historical.sentence.text = "Prior benign calcifications.";
  historical.trigger = "Prior\n\tto";
  historical.words = "calci-\r\nfications";
  findings.text_mentions.push_back(historical);
  findings.text_use = Findings::TextUse::Read;
  OverallStatement stated;
  stated.from_text = true;
  stated.category = Category::Suspicious4;
  stated.position = "1.3.1";
  stated.quote = "BI-RADS 4.";
  stated.follow_up = {{Code{"111144", "DCM", "Stereotactic biopsy"}, stated.position,
                       "stereotactic-biopsy", stated.quote}};
  findings.overall_statements.push_back(stated);
  const Report report = evaluate(findings);
  const ReviewExam view = exam_view_of(report, false);
  ASSERT_EQ(view.findings.size(), 1u);
  EXPECT_TRUE(view.findings[0].from_text);
  EXPECT_EQ(view.findings[0].text_status, "uncertain");
  EXPECT_EQ(view.mentions.size(), 2u);
  EXPECT_EQ(view.stated_assessments.size(), 1u);
  EXPECT_EQ(view.stated_follow_ups.size(), 1u);
  expect_same_view(report, "narrative");
}

TEST(ExamView, EqualsSummaryReadBackWithoutFindings) {
  Findings findings;
  findings.source.file = "empty.dcm";
  findings.overall_category = Category::Benign2;
  expect_same_view(evaluate(findings), "no findings");
}

TEST(SummaryReader, ClassificationFollowsTheCategoryNotTheWordBesideIt) {
  // An edited or foreign summary cannot show "BI-RADS 4C benign"; an unknown category word reads
  // as needing review, never as benign.
  Findings findings;
  findings.source.file = "edited.dcm";
  findings.findings.push_back(
      testing::calcification({Morphology::FinePleomorphic}, Distribution::Segmental));
  std::string xml = render_summary(evaluate(findings), {});
  const auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = xml.find(from); at != std::string::npos; at = xml.find(from, at)) {
      xml.replace(at, from.size(), to);
      at += to.size();
    }
  };
  replace_all("classification=\"suspicious\"", "classification=\"benign\"");
  const ReviewExam edited = read_summary(xml, "edited.xml");
  ASSERT_EQ(edited.findings.size(), 1u);
  EXPECT_EQ(edited.findings[0].category, "4C");
  EXPECT_EQ(edited.findings[0].classification, Classification::Suspicious);
  EXPECT_EQ(edited.classification, Classification::Suspicious);
  replace_all("category=\"4C\"", "category=\"7X\"");
  const ReviewExam unknown = read_summary(xml, "unknown.xml");
  EXPECT_EQ(unknown.findings[0].classification, Classification::Indeterminate);
  EXPECT_EQ(unknown.classification, Classification::Indeterminate);
}

}  // namespace
}  // namespace mammocalc
