// Keyed pseudonyms (--pseudonymize): HMAC-SHA-256 as RFC 4231 defines it, made a valid UID; and
// what pseudonymise leaves in a report.
#include "output/pseudonyms.hpp"

#include <gtest/gtest.h>

#include "base/uid.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

TEST(Pseudonyms, UidIsTheRfc4231HmacSha256MadeAUid) {
  // RFC 4231 test case 2: HMAC-SHA-256("Jefe", "what do ya want for nothing?") begins
  // 5bdcc146bf60754e6a0424260895 75c7; version 8 and the RFC 4122 variant set, in decimal.
  EXPECT_EQ(pseudonym_uid("what do ya want for nothing?", "Jefe"),
            "2.25.122105973035558210563817733617003886023");
}

TEST(Pseudonyms, SameKeySameUidOtherKeyOtherUid) {
  const std::string uid = "1.2.826.0.1.3680043.10.1363.103.3";
  const std::string key = "a site secret of sixteen bytes or more";
  EXPECT_EQ(pseudonym_uid(uid, key), pseudonym_uid(uid, key));
  EXPECT_NE(pseudonym_uid(uid, key), pseudonym_uid(uid, key + "x"));
  EXPECT_NE(pseudonym_uid(uid, key), pseudonym_uid(uid + "1", key));
  EXPECT_TRUE(is_uid(pseudonym_uid(uid, key), 2));
}

// A report of one calcification finding.
Report one_finding_report() {
  Findings findings;
  findings.findings.push_back(testing::calcification({Morphology::FinePleomorphic}));
  return evaluate(findings);
}

TEST(Pseudonyms, LeavesNothingIdentifyingAndKeepsTheFindings) {
  Report report = one_finding_report();
  SourceInfo& source = report.input.source;
  source.file = "/archive/SMITH^JANE/report.dcm";
  source.sop_instance_uid = "1.2.3.4";
  source.study_instance_uid = "1.2.3.5";
  source.accession_number = "ACC77";
  source.study_date = "20260101";
  source.referring_physician_name = "DOE^JOHN";
  report.input.patient.name = "SMITH^JANE";
  report.input.notes.push_back(
      {WarningCode::UnknownCode, "/archive/SMITH^JANE/report.dcm: 1.2.3.4", ""});
  const std::size_t findings = report.decisions.size();

  Report disabled = report;
  pseudonymise(disabled, PseudonymPolicy{});
  EXPECT_EQ(disabled.input.source.accession_number, "ACC77");

  pseudonymise(report, PseudonymPolicy{true, "a site secret of sixteen bytes or more"});
  EXPECT_EQ(source.file, "source");  // the path replaced by its label (README table)
  EXPECT_EQ(source.accession_number, "");
  EXPECT_EQ(source.study_date, "");
  EXPECT_EQ(source.referring_physician_name, "");
  EXPECT_EQ(report.input.patient.name, "");
  EXPECT_EQ(source.sop_instance_uid,
            pseudonym_uid("1.2.3.4", "a site secret of sixteen bytes or more"));
  EXPECT_EQ(report.input.notes.front().text, "source: " + source.sop_instance_uid);
  EXPECT_EQ(report.decisions.size(), findings);

  Report without_key = one_finding_report();
  without_key.input.source.sop_instance_uid = "1.2.3.4";
  pseudonymise(without_key, PseudonymPolicy{true, ""});
  EXPECT_EQ(without_key.input.source.sop_instance_uid, "");
}

// One labelling for a run (hostile review 29, H29-12): every annotation path by its place in the
// order given, a directory's entries before it; a path given twice keeps its first label. A
// report's texts use the same labels whichever file its findings name first.
TEST(Pseudonyms, AnnotationLabelsFollowTheOrderGivenInEveryReport) {
  const std::vector<AnnotationPathsGiven> given{
      {"/ann/DOE", true, {"/ann/DOE/a.xml", "/ann/DOE/b.xml"}},
      {"/named/DOE_JANE.xml", false, {}},
      {"/ann/DOE/a.xml", false, {}}};
  const std::vector<std::pair<std::string, std::string>> expected{
      {"/ann/DOE/a.xml", "annotations-1"},
      {"/ann/DOE/b.xml", "annotations-2"},
      {"/ann/DOE", "annotation-directory-1"},
      {"/named/DOE_JANE.xml", "annotations-3"}};
  EXPECT_EQ(annotation_labels(given), expected);

  Report report = one_finding_report();
  report.input.findings.front().annotations.push_back({"/named/DOE_JANE.xml", 3, "", ""});
  report.input.notes.push_back({WarningCode::AnnotationSkipped, "/ann/DOE/b.xml: not XML", ""});
  pseudonymise(report, PseudonymPolicy{true, ""}, given);
  EXPECT_EQ(report.input.findings.front().annotations.front().file, "annotations-3");
  EXPECT_EQ(report.input.notes.back().text, "annotations-2: not XML");
  EXPECT_EQ(with_labels("/named/DOE_JANE.xml:3: study", annotation_labels(given)),
            "annotations-3:3: study");
}

// Report text is free text: its sentences are withheld wherever they were quoted, the terms and
// statuses read from them stay.
TEST(Pseudonyms, WithholdsReportTextEverywhereItWasQuoted) {
  const std::string sentence = "Mrs SMITH: fine pleomorphic calcifications, right breast.";
  Findings findings;
  Finding finding = testing::calcification({Morphology::FinePleomorphic});
  finding.origin = Origin::Narrative;
  finding.text_sentences.push_back(
      testing::quoted_sentence("1.2.1", ReportSection::Findings, sentence));
  findings.findings.push_back(finding);
  TextMention mention;
  mention.sentence = finding.text_sentences.front();
  mention.words = "calcifications";
  findings.text_mentions.push_back(mention);
  findings.text_use = Findings::TextUse::Read;
  OverallStatement stated;
  stated.category = Category::HighSuspicion4C;
  stated.from_text = true;
  stated.quote = "BI-RADS 4C for Mrs SMITH.";
  findings.overall_statements.push_back(stated);
  Report report = evaluate(findings);
  pseudonymise(report, PseudonymPolicy{true, ""});
  std::string everything;
  for (const TextMention& read : report.input.text_mentions) everything += read.sentence.text;
  for (const Finding& kept : report.input.findings) {
    for (const TextSentence& quoted : kept.text_sentences) everything += quoted.text;
  }
  for (const OverallStatement& kept : report.input.overall_statements) everything += kept.quote;
  for (const Decision& decision : report.decisions) {
    for (const Warning& warning : decision.warnings) everything += warning.text;
  }
  for (const Warning& warning : report.exam.warnings) everything += warning.text;
  EXPECT_EQ(everything.find("SMITH"), std::string::npos) << everything;
  EXPECT_NE(everything.find("report text withheld"), std::string::npos);
  EXPECT_EQ(report.input.text_mentions.front().words, "calcifications");
  EXPECT_EQ(report.input.findings.front().morphology.front().term, Morphology::FinePleomorphic);
}

// A note may quote text no mention holds, or a word of it it could not read (hostile review 82:
// a name, a birth date and a phone number were quoted in narrative-unresolved notes): every
// quote of the report text is withheld; a quote of something else (a code's meaning) stays.
TEST(Pseudonyms, WithholdsEveryQuoteOfTheReportText) {
  Findings findings;
  findings.report_text = {"Fine pleomorphic calcifications. Call Mrs Textneg on 0171-5551234.",
                          "Mrs Textneg, DOB 23.09."};
  findings.notes.push_back({WarningCode::NarrativeUnresolved,
                            "the text recommends what was not read as a follow-up: \"Call Mrs "
                            "Textneg on 0171-5551234.\"",
                            "1.3.1"});
  findings.notes.push_back({WarningCode::NarrativeUnresolved,
                            "the text says of the left breast, what this tool cannot read "
                            "(\"Mrs\"): \"Mrs Textneg, DOB 23.09.\"",
                            "1.3.1"});
  findings.notes.push_back({WarningCode::NarrativeUnresolved,
                            "(129788004, SCT, \"Mammographic breast mass\") is not assessed", ""});
  Report report = evaluate(findings);
  pseudonymise(report, PseudonymPolicy{true, ""});
  std::string everything;
  for (const ReaderNote& note : report.input.notes) everything += note.text + "\n";
  for (const Warning& warning : report.exam.warnings) everything += warning.text + "\n";
  EXPECT_EQ(everything.find("Textneg"), std::string::npos) << everything;
  EXPECT_EQ(everything.find("0171"), std::string::npos) << everything;
  EXPECT_EQ(everything.find("\"Mrs\""), std::string::npos) << everything;
  EXPECT_NE(everything.find("Mammographic breast mass"), std::string::npos) << everything;
  EXPECT_TRUE(report.input.report_text.empty());
}

// Hostile review 83: an annotation comment with a name and a phone number was quoted in the
// summary and the batch's pages. It is withheld, in the annotation and in every warning.
TEST(Pseudonyms, WithholdsAnnotationComments) {
  Findings findings;
  Finding finding = testing::calcification({Morphology::CoarsePopcorn});
  AnnotationRef annotation;
  annotation.file = "ann.xml";
  annotation.comment = "ZEBRAFINK asks: Biopsy recommended, call 555-0199.";
  finding.annotations.push_back(annotation);
  findings.findings.push_back(finding);
  findings.notes.push_back({WarningCode::AnnotationConflict,
                            "ann.xml:5: finding: its comment \"ZEBRAFINK asks: Biopsy "
                            "recommended, call 555-0199.\" speaks of a biopsy",
                            ""});
  Report report = evaluate(findings);
  pseudonymise(report, PseudonymPolicy{true, ""});
  std::string everything = report.input.findings.front().annotations.front().comment;
  for (const ReaderNote& note : report.input.notes) everything += note.text;
  for (const Warning& warning : report.exam.warnings) everything += warning.text;
  EXPECT_EQ(everything.find("ZEBRAFINK"), std::string::npos) << everything;
  EXPECT_EQ(everything.find("555-0199"), std::string::npos) << everything;
  EXPECT_NE(everything.find("annotation comment withheld"), std::string::npos) << everything;
}
}  // namespace
}  // namespace mammocalc
