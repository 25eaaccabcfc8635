// Each merge case of annotations with SR findings, asserted on the evaluated summary values.
#include <gtest/gtest.h>

#include "annotations/annotation_merge.hpp"
#include "base/error.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::calcification;

Findings sr_findings() {
  Findings findings;
  findings.source.file = "report.dcm";
  findings.source.study_instance_uid = "1.2.3";
  findings.source.sop_instance_uid = "1.2.3.9";
  findings.source.report_template = ReportTemplate::BreastImagingReport4200;
  Finding right = calcification({Morphology::Microcalcifications}, Distribution::Regional);
  right.position = "1.3.2.2";
  right.laterality = Laterality::Right;
  right.location.clock_hour = 8;
  Finding left = calcification({Morphology::CoarsePopcorn});
  left.position = "1.3.3.2";
  left.laterality = Laterality::Left;
  left.location.clock_hour = 2;
  findings.findings = {right, left};
  return findings;
}

Annotations annotations_with(std::vector<AnnotatedFinding> findings) {
  Annotations annotations;
  annotations.file = "notes.xml";
  annotations.study_instance_uid = "1.2.3";
  annotations.study_line = 3;
  annotations.findings = std::move(findings);
  return annotations;
}

AnnotatedFinding refine_position(const std::string& position, int line = 10) {
  AnnotatedFinding finding;
  finding.line = line;
  finding.action = AnnotationAction::Refine;
  finding.sr_position = position;
  return finding;
}

bool has_warning(const Decision& decision, const std::string& code) {
  return testing::warned(decision, code);
}

bool has_note(const Findings& findings, const std::string& code) {
  return std::any_of(findings.notes.begin(), findings.notes.end(),
                     [&](const ReaderNote& note) { return to_string(note.code) == code; });
}

TEST(AnnotationMerge, RefineByPositionLobularMakesBenign) {
  Findings findings = sr_findings();
  AnnotatedFinding a = refine_position("1.3.2.2");
  a.site = Site::Lobular;
  merge_annotations(annotations_with({a}), findings);
  ASSERT_EQ(findings.findings.size(), 2u);
  const Report report = evaluate(findings);
  const Decision& d = report.decisions[0];
  EXPECT_EQ(d.site.site, Site::Lobular);
  EXPECT_EQ(d.site.source, SiteSource::Annotation);
  EXPECT_EQ(d.classification, Classification::Benign);
  ASSERT_EQ(report.input.findings[0].annotations.size(), 1u);
  EXPECT_EQ(report.input.findings[0].annotations[0].line, 10);
  EXPECT_EQ(report.input.findings[0].annotations[0].action, "refine");
}

TEST(AnnotationMerge, RefineByPositionDuctalMakesSuspicious) {
  Findings findings = sr_findings();
  AnnotatedFinding a = refine_position("1.3.2.2");
  a.site = Site::Ductal;
  merge_annotations(annotations_with({a}), findings);
  const Decision d = evaluate(findings).decisions[0];
  EXPECT_EQ(d.classification, Classification::Suspicious);
  EXPECT_EQ(d.final_category, Category::LowSuspicion4A);
}

TEST(AnnotationMerge, RefineByLateralityAndClock) {
  Findings findings = sr_findings();
  AnnotatedFinding a;
  a.line = 12;
  a.action = AnnotationAction::Refine;
  a.laterality = Laterality::Left;
  a.location.clock_hour = 2;
  a.ultrasound_visible = Presence::Yes;
  merge_annotations(annotations_with({a}), findings);
  ASSERT_EQ(findings.findings.size(), 2u);
  EXPECT_EQ(findings.findings[1].ultrasound_visible, Presence::Yes);
  EXPECT_EQ(findings.findings[0].ultrasound_visible, Presence::Unknown);
  EXPECT_FALSE(has_note(findings, "annotation-unmatched"));
}

TEST(AnnotationMerge, AmbiguousLateralityAndClockIsUnmatched) {
  Findings findings = sr_findings();
  findings.findings[1].laterality = Laterality::Right;
  findings.findings[1].location.clock_hour = 8;
  AnnotatedFinding a;
  a.line = 12;
  a.action = AnnotationAction::Refine;
  a.laterality = Laterality::Right;
  a.location.clock_hour = 8;
  a.site = Site::Lobular;
  merge_annotations(annotations_with({a}), findings);
  EXPECT_EQ(findings.findings.size(), 3u);
  EXPECT_TRUE(has_note(findings, "annotation-unmatched"));
}

TEST(AnnotationMerge, AddCreatesAnnotationFinding) {
  Findings findings = sr_findings();
  AnnotatedFinding a;
  a.line = 20;
  a.action = AnnotationAction::Add;
  a.laterality = Laterality::Left;
  a.morphology = {Morphology::FineLinear};
  a.distribution = Distribution::Segmental;
  merge_annotations(annotations_with({a}), findings);
  ASSERT_EQ(findings.findings.size(), 3u);
  const Finding& added = findings.findings[2];
  EXPECT_EQ(added.origin, Origin::Annotation);
  EXPECT_EQ(added.position, "annotation:20");
  const Report report = evaluate(findings);
  EXPECT_EQ(report.decisions[2].final_category, Category::HighlySuggestive5);
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
}

TEST(AnnotationMerge, UnmatchedReferenceIsKeptWithWarning) {
  Findings findings = sr_findings();
  AnnotatedFinding a = refine_position("1.9.9", 14);
  a.morphology = {Morphology::Amorphous};
  merge_annotations(annotations_with({a}), findings);
  ASSERT_EQ(findings.findings.size(), 3u);
  ASSERT_TRUE(has_note(findings, "annotation-unmatched"));
  const auto& note = findings.notes.back();
  EXPECT_NE(note.text.find("notes.xml:14"), std::string::npos) << note.text;
  EXPECT_NE(note.text.find("1.9.9"), std::string::npos) << note.text;
  EXPECT_EQ(evaluate(findings).decisions[2].classification, Classification::Suspicious);
}

TEST(AnnotationMerge, ConflictingSiteWarnsAndMoreSuspiciousReadingClassifies) {
  Findings findings = sr_findings();
  Finding& sr = findings.findings[0];
  sr.morphology.clear();
  sr.stated_site = Site::Ductal;
  sr.stated_site_source = SiteSource::Sr;
  AnnotatedFinding a = refine_position("1.3.2.2", 16);
  a.site = Site::Lobular;
  merge_annotations(annotations_with({a}), findings);
  EXPECT_EQ(findings.findings[0].stated_site, Site::Lobular);  // the annotation's value is shown
  const Decision d = evaluate(findings).decisions[0];
  EXPECT_TRUE(has_warning(d, "annotation-conflict"));
  EXPECT_TRUE(has_warning(d, "more-suspicious-reading"));
  EXPECT_EQ(d.classification, Classification::Suspicious);  // ductal (C9) beats lobular (C2)
  EXPECT_TRUE(d.needs_review);
  EXPECT_TRUE(testing::fired(d, "W1"));  // the SR's own reading classifies
  EXPECT_TRUE(testing::fired(d, "W6"));  // the readings disagree: review
  const auto conflict = std::find_if(d.warnings.begin(), d.warnings.end(), [](const Warning& w) {
    return w.code == WarningCode::AnnotationConflict;
  });
  EXPECT_NE(conflict->text.find("site: the SR says ductal, the annotation says lobular"),
            std::string::npos)
      << conflict->text;
  EXPECT_NE(conflict->text.find("notes.xml:16"), std::string::npos);
}

TEST(AnnotationMerge, MoreSuspiciousAnnotationClassifiesAndStillNeedsReview) {
  Findings findings = sr_findings();
  AnnotatedFinding a = refine_position("1.3.3.2");
  a.morphology = {Morphology::Amorphous};  // the SR says coarse popcorn
  merge_annotations(annotations_with({a}), findings);
  const Decision d = evaluate(findings).decisions[1];
  EXPECT_EQ(d.final_category, Category::ModerateSuspicion4B);
  EXPECT_TRUE(has_warning(d, "annotation-conflict"));
  EXPECT_FALSE(has_warning(d, "more-suspicious-reading"));  // W1: only when the SR's wins
  EXPECT_TRUE(testing::fired(d, "W6"));
  EXPECT_TRUE(d.needs_review);
}

TEST(AnnotationMerge, ConflictingCategoryTakesTheHigher) {
  Findings findings = sr_findings();
  findings.findings[1].reported_category = Category::Suspicious4;
  findings.findings[1].reported_category_source = ReportedSource::Finding;
  AnnotatedFinding a = refine_position("1.3.3.2");
  a.reported_category = Category::Benign2;
  merge_annotations(annotations_with({a}), findings);
  const Decision d = evaluate(findings).decisions[1];
  EXPECT_TRUE(has_warning(d, "annotation-conflict"));
  EXPECT_EQ(d.final_category, Category::Suspicious4);
  EXPECT_EQ(d.classification, Classification::Suspicious);
}

TEST(AnnotationMerge, AnnotationReplacesOverallCategoryWithoutConflict) {
  Findings findings = sr_findings();
  findings.findings[1].reported_category = Category::Incomplete0;
  findings.findings[1].reported_category_source = ReportedSource::Overall;
  AnnotatedFinding a = refine_position("1.3.3.2");
  a.reported_category = Category::Benign2;
  merge_annotations(annotations_with({a}), findings);
  const Decision d = evaluate(findings).decisions[1];
  EXPECT_FALSE(has_warning(d, "annotation-conflict"));
  EXPECT_EQ(d.final_category, Category::Benign2);
}

TEST(AnnotationMerge, AgreeingValuesAreNoConflict) {
  Findings findings = sr_findings();
  AnnotatedFinding a = refine_position("1.3.3.2");
  a.laterality = Laterality::Left;
  a.morphology = {Morphology::CoarsePopcorn};
  merge_annotations(annotations_with({a}), findings);
  EXPECT_TRUE(findings.findings[1].other_readings.empty());
  const Decision d = evaluate(findings).decisions[1];
  EXPECT_FALSE(has_warning(d, "annotation-conflict"));
  EXPECT_FALSE(d.needs_review);
}

TEST(AnnotationMerge, PatientFactorsApplyToEveryFinding) {
  Findings findings = sr_findings();
  Annotations annotations = annotations_with({});
  annotations.patient.can_lie_prone = Presence::No;
  merge_annotations(annotations, findings);
  for (const Finding& finding : findings.findings) {
    EXPECT_EQ(finding.procedure.can_lie_prone, Presence::No);
  }
}

TEST(AnnotationMerge, OtherStudyIsRefused) {
  Findings findings = sr_findings();
  Annotations annotations = annotations_with({});
  annotations.study_instance_uid = "9.9.9";
  try {
    merge_annotations(annotations, findings);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::InvalidAnnotation);
    EXPECT_NE(std::string(error.what()).find("notes.xml:3: study/@studyInstanceUid"),
              std::string::npos)
        << error.what();
    EXPECT_EQ(std::string(error.what()).find("9.9.9"), std::string::npos);  // no identifiers
  }
}

TEST(AnnotationMerge, OtherSrIsRefused) {
  Findings findings = sr_findings();
  Annotations annotations = annotations_with({});
  annotations.sop_instance_uid = "1.2.3.8";
  EXPECT_THROW(merge_annotations(annotations, findings), Error);
}

TEST(AnnotationMerge, AnnotationOnlyRunSummarisesAnnotatedFindings) {
  AnnotatedFinding a;
  a.line = 7;
  a.action = AnnotationAction::Add;
  a.morphology = {Morphology::Punctate};
  a.distribution = Distribution::Grouped;
  a.change = Change::Stable;
  const Findings findings = findings_from_annotations(annotations_with({a}));
  EXPECT_EQ(to_string(findings.source.report_template), "annotation");
  EXPECT_EQ(findings.source.study_instance_uid, "1.2.3");
  ASSERT_EQ(findings.findings.size(), 1u);
  EXPECT_EQ(evaluate(findings).decisions[0].classification, Classification::ProbablyBenign);
}

}  // namespace
}  // namespace mammocalc
