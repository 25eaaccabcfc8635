// The template readers on hand-built content trees (no DICOM needed).
#include <gtest/gtest.h>

#include "base/error.hpp"
#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::code_item;
using testing::container;
using testing::report_with;

ContentItem calcification_finding(const std::string& position) {
  return code_item(position, Relationship::Contains, codes::kFinding,
                   codes::kCalcificationOfBreast.to_code());
}

TEST(FindingsExtractor, ReadsBreastImagingFinding) {
  ContentItem finding = calcification_finding("1.1.1");
  finding.children.push_back(code_item("1.1.1.1", Relationship::HasConceptMod, codes::kLaterality,
                                       Code{"80248007", "SCT", "Left breast"}));
  finding.children.push_back(code_item("1.1.1.2", Relationship::HasProperties,
                                       codes::kCalcificationType,
                                       Code{"111344", "DCM", "Fine pleomorphic calcification"}));
  finding.children.push_back(code_item("1.1.1.3", Relationship::HasProperties,
                                       codes::kClockfaceOrRegion,
                                       Code{"129774003", "SCT", "3 o'clock position"}));
  const Findings out = extract_findings(report_with({finding}), "test.dcm");
  ASSERT_EQ(out.findings.size(), 1u);
  const Finding& f = out.findings.front();
  EXPECT_EQ(f.position, "1.1.1");
  EXPECT_EQ(f.laterality, Laterality::Left);
  EXPECT_EQ(f.location.clock_hour, 3);
  ASSERT_EQ(f.morphology.size(), 1u);
  EXPECT_EQ(f.morphology.front().term, Morphology::FinePleomorphic);
  EXPECT_EQ(f.morphology.front().position, "1.1.1.2");
  EXPECT_EQ(to_string(out.source.report_template), "4200");
}

TEST(FindingsExtractor, KeepsAndReportsUnknownCodes) {
  ContentItem finding = calcification_finding("1.1.1");
  finding.children.push_back(code_item("1.1.1.1", Relationship::HasProperties,
                                       codes::kCalcificationType,
                                       Code{"L-1", "99LOCAL", "Local term"}));
  const Findings out = extract_findings(report_with({finding}), "test.dcm");
  ASSERT_EQ(out.findings.size(), 1u);
  const Finding& f = out.findings.front();
  ASSERT_EQ(f.morphology.size(), 1u);
  EXPECT_EQ(f.morphology.front().term, Morphology::Unrecognised);
  EXPECT_EQ(f.morphology.front().code.value, "L-1");
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(to_string(f.notes.front().code), "unknown-code");
  EXPECT_EQ(f.notes.front().position, "1.1.1.1");
}

TEST(FindingsExtractor, MassWithoutCalcificationIsNotACalcificationFinding) {
  ContentItem mass = code_item("1.1.1", Relationship::Contains, codes::kFinding,
                               Code{"129788004", "SCT", "Mammographic breast mass"});
  const Findings out = extract_findings(report_with({mass}), "test.dcm");
  EXPECT_TRUE(out.findings.empty());
}

TEST(FindingsExtractor, AnyFindingWithCalcificationTypeCounts) {
  ContentItem mass = code_item("1.1.1", Relationship::Contains, codes::kFinding,
                               Code{"129788004", "SCT", "Mammographic breast mass"});
  mass.children.push_back(code_item("1.1.1.1", Relationship::HasProperties,
                                    codes::kCalcificationDistribution,
                                    Code{"111346", "DCM", "Calcifications within a mass"}));
  EXPECT_EQ(extract_findings(report_with({mass}), "test.dcm").findings.size(), 1u);
}

TEST(FindingsExtractor, LateralityFallsBackToProcedureReported) {
  ContentItem procedure = code_item("1.1.1", Relationship::Contains, codes::kProcedureReported,
                                    Code{"71651007", "SCT", "Mammography"});
  procedure.children.push_back(code_item("1.1.1.1", Relationship::HasConceptMod, codes::kLaterality,
                                         Code{"73056007", "SCT", "Right breast"}));
  const Findings out =
      extract_findings(report_with({procedure, calcification_finding("1.1.2")}), "test.dcm");
  ASSERT_EQ(out.findings.size(), 1u);
  EXPECT_EQ(out.findings.front().laterality, Laterality::Right);
}

TEST(FindingsExtractor, OverallCategoryAppliesToTheOnlyFinding) {
  SrDocument document = report_with({calcification_finding("1.1.1")});
  ContentItem overall = container("1.2", codes::kOverallAssessment);
  overall.children.push_back(code_item("1.2.1", Relationship::Contains, codes::kAssessmentCategory,
                                       Code{"397141009", "SCT", "2 - Benign"}));
  document.root.children.push_back(overall);
  const Findings out = extract_findings(document, "test.dcm");
  EXPECT_EQ(out.overall_category, Category::Benign2);
  EXPECT_EQ(out.findings.front().reported_category, Category::Benign2);
  EXPECT_EQ(out.findings.front().reported_category_source, ReportedSource::Overall);
}

TEST(FindingsExtractor, OverallCategoryDoesNotSpeakForOneOfSeveralFindings) {
  SrDocument document =
      report_with({calcification_finding("1.1.1"), calcification_finding("1.1.2")});
  ContentItem overall = container("1.2", codes::kOverallAssessment);
  overall.children.push_back(code_item("1.2.1", Relationship::Contains, codes::kAssessmentCategory,
                                       Code{"397144001", "SCT", "4 - Suspicious"}));
  document.root.children.push_back(overall);
  const Findings out = extract_findings(document, "test.dcm");
  ASSERT_EQ(out.findings.size(), 2u);
  EXPECT_FALSE(out.findings[0].reported_category.has_value());
  EXPECT_FALSE(out.findings[1].reported_category.has_value());
}

TEST(FindingsExtractor, OtherReportWithoutCalcificationsIsRefused) {
  SrDocument document;
  document.root = container("1", CodeConst{"113701", "DCM", "X-Ray Radiation Dose Report"});
  try {
    extract_findings(document, "dose.dcm");
    FAIL() << "expected NotBreastImaging";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::NotBreastImaging);
    EXPECT_NE(std::string(error.what()).find("dose.dcm"), std::string::npos);
  }
}

TEST(FindingsExtractor, AgeFromBirthDateAndStudyDate) {
  SrDocument document = report_with({});
  document.header.patient_birth_date = "19600615";
  document.header.study_date = "20260614";
  EXPECT_EQ(extract_findings(document, "x").patient.age, "065Y");
}

}  // namespace
}  // namespace mammocalc
