// Each merge case of annotations with SR findings, asserted on the evaluated summary values.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

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

// H36-15: a comment that doubts, names a suspicious form or another breast than the fields
// asks the radiologist (W9); one that repeats the fields, or says nothing of the kind, does not.
// The decision on the right finding refined as lobular with `comment`.
Decision lobular_with_comment(const char* comment) {
  Findings findings = sr_findings();
  AnnotatedFinding a = refine_position("1.3.2.2");
  a.site = Site::Lobular;
  a.comment = comment;
  merge_annotations(annotations_with({a}), findings);
  return evaluate(findings).decisions[0];
}
TEST(AnnotationMerge, ACommentSayingMoreThanItsFieldsAsksTheRadiologist) {
  for (const char* comment :
       {"Not sure - possible fine pleomorphic calcifications, DCIS not excluded",
        "Fine linear branching on magnification", "Left breast, not right.",
        "Biopsy should be considered", "Recommend stereotactic biopsy",
        // Hostile review 37 (H37-2 to H37-5).
        "BI-RADS 4A", "Category 5", "Upgrade to 4.", "Please biopsy.", "Consider VAB.", "Unclear.",
        "I doubt this is benign.", "Contralateral breast",
        // Hostile review 80: new or grown, which no field says.
        "Increased in number since last year.", "New since 2024 - not present on the prior.",
        "Deutlich mehr als 2024, neu aufgetreten.",
        // Hostile review 81: the other breast by its relation, a category joined to its label
        // or alone, a higher category without a number, a request for work-up.
        "Opposite breast needs work-up.", "Gegenseite abkl\u00e4ren.", "Check the contra side.",
        "Cat. 4", "BIRADS4", "Rather 4A.", "4B", "R4", "Upgrade.",
        "Probably fine, but get mag views.", "Needs MRI.", "Recall for spot compression views.",
        "Discuss at MDT."}) {
    const Decision d = lobular_with_comment(comment);
    EXPECT_TRUE(has_warning(d, "annotation-conflict")) << comment;
    EXPECT_TRUE(d.needs_review) << comment;
  }
  for (const char* comment :
       {"Acinar pattern on magnification views.", "Regional, right breast", "See L CC view",
        "R/O milk of calcium", "Without doubt benign.", "BI-RADS 2", "2 cm from the nipple",
        "No increase since 2024.", "Keine Zunahme.", "Classic popcorn, benign.",
        "Stable since 2019.", "Unver\u00e4ndert, typisch benigne.", "Benign, 8 o'clock, 12 mm."}) {
    EXPECT_FALSE(lobular_with_comment(comment).needs_review) << comment;
  }
}

// Hostile review 82: beside the left popcorn reported BI-RADS 2, a comment asking for a biopsy
// or work-up, disagreeing, or giving a category above 2 (0 and 3 too) asks the radiologist; a
// denied request ("No further work-up needed.") asks for nothing.
Decision benign_popcorn_with_comment(const char* comment) {
  Findings findings = sr_findings();
  findings.findings[1].reported_category = Category::Benign2;
  AnnotatedFinding a = refine_position("1.3.3.2");
  a.comment = comment;
  merge_annotations(annotations_with({a}), findings);
  return evaluate(findings).decisions[1];
}
TEST(AnnotationMerge, ACommentAboveABenignFindingsOwnReadingAsksTheRadiologist) {
  for (const char* comment :
       {"Vakuumbiopsie empfohlen.", "Please correlate with US.",
        "Consider tomosynthesis spot views.", "I would call this 4.", "Disagree with BI-RADS 2.",
        "Susp.", "Second opinion please.", "BI-RADS 0.", "BI-RADS 3.", "R3", "Probably benign.",
        "Wahrscheinlich benigne.", "Recommend 6-month follow-up.", "Kontrolle in 6 Monaten.",
        // Hostile review 83.
        "Please obtain magnification views.", "Recommend magnification views.",
        "Obtain true lateral view.", "Please perform ultrasound.",
        "Compare with outside priors before finalizing.",
        // Hostile review 85: words no list held, a category by number alone or in words, a
        // denied category; and other wordings the closed vocabulary asks about.
        "Magnification views needed.", "Diagnostic mammogram with magnification views.",
        "Should be 4 not 2.", "Looks more like a 4 to me.", "I'd call it a 4.", "Category four.",
        "Should be a 3.", "Not 2.", "This is not a 2.", "Needs MRI, no change.",
        "No change but needs MRI.", "Follow-up in 4 months.", "Not typical.",
        "No calcifications here.", "Dr. Smith wants this re-read.", "Intraductal.",
        "Category \uff15", "Kein typischer Befund.",
        // Hostile review 87: another breast or a category in short forms, a denial after what
        // it denies, growth in numbers, another place, British follow-up notes, the past.
        "R4", "R2/L4", "BR4", "BIR4", "K4", "2/4", "Same in the RT breast.", "Rt benign, Lt not.",
        "Benign - no.", "Stable - not.", "Popcorn, not.", "stabil \u2013 nicht", "Benign no",
        "Now 20 mm, prior 5 mm.", "9 mm (5 mm)", "prior 3, now 8", "not the same",
        "Popcorn at 9 o'clock.", "not at 2 o'clock", "9:00", "Popcorn, UOQ.", "retroareolar",
        "6/12", "Was benign.", "Benign only on CC view.", "war benigne",
        // Hostile review 88: clock positions in words and short forms, a request to confirm,
        // more groups than one, microcalcifications beside a coarse kind, "C4".
        "At nine o'clock.", "neun Uhr", "Clock 9.", "9h", "9h30", "Benign, to be confirmed.",
        "zu best\u00e4tigen", "Two clusters.", "Zwei Gruppen.", "Several groups.",
        "Microcalcifications.", "Mikrokalk.", "C4",
        // Review of session 58: a labelled category before a counted noun, a denial further
        // back than the category, a request after another denied thing, "no doubt".
        "BI-RADS 4 calcifications", "R4 calcs", "Kategorie 4 Herde", "No change BI-RADS 4",
        "No interval change R4", "No change needs biopsy", "No doubt needs biopsy",
        "Kein Zweifel Biopsie notwendig", "Ohne Zweifel b\u00f6sartig", "Prior 4",
        // Hostile review 89: a word with digits that is no number, measure or category.
        "Benign; patient has BRCA1", "Benign, T1.", "Benign, B5.",
        // Review of session 58 (L9): benign words that are word starts only where safe.
        "Normally benign.", "Fatal.", "Likelihood low.",
        // Hostile review 92: an ordinal, a times or a number of views.
        "2nd look.", "2x.", "1 view.", "Popcorn, 2nd look.",
        // Hostile review 92: a comparison asked for.
        "Compare prior.", "Compare to 2023.", "Comparison with prior.",
        "Vergleich mit Voraufnahmen!"}) {
    const Decision d = benign_popcorn_with_comment(comment);
    EXPECT_TRUE(has_warning(d, "annotation-conflict")) << comment;
    EXPECT_TRUE(d.needs_review) << comment;
  }
  for (const char* comment : {"Classic popcorn, benign.",
                              "Benign. No further work-up needed.",
                              "Benign, no recall.",
                              "Typically benign; no MRI needed.",
                              "Not suspicious.",
                              "Popcorn, unver\u00e4ndert, benigne.",
                              "Calcification of 4 mm, benign.",
                              "BI-RADS 2.",
                              "Work-up not required.",
                              "No change, benign.",
                              "No increase. BI-RADS 2.",

                              "Coarse calcifications, stable since 2019.",
                              "Stable since 3.5.2022.",
                              "Benign, routine screening.",
                              "No new calcifications.",
                              "Follow-up in 12 months.",
                              "Keine neuen Verkalkungen.",
                              "Unver\u00e4ndert seit 2021.",
                              "Benign, 2 o'clock.",
                              "Left breast, benign.",
                              "L CC view: benign.",
                              "No interval change.",
                              "Agree with BI-RADS 2.",
                              "Stable, 4 x 5 mm.",
                              "Concur.",
                              "No suspicious features.",
                              "Stable over 5 yrs",
                              "Typical degenerating fibroadenoma, no action.",
                              "Kein Handlungsbedarf.",
                              "four calcifications, benign",
                              "No biopsy recommended.",
                              "BIRADS2, benign.",
                              "Benign, 5mm.",
                              "Benign, fat necrosis.",
                              "Oil cyst.",
                              "Milk of calcium."}) {
    EXPECT_FALSE(benign_popcorn_with_comment(comment).needs_review) << comment;
  }
}

// A comment longer than is read word by word (a fuzzing timeout on nine megabytes of it) asks
// the radiologist, quoted by its start; it is never passed over.
TEST(AnnotationMerge, ACommentTooLongToReadAsksTheRadiologist) {
  const std::string comment(20000, 'x');
  const Decision d = lobular_with_comment(comment.c_str());
  EXPECT_TRUE(has_warning(d, "annotation-conflict"));
  EXPECT_TRUE(d.needs_review);
  const std::string benign_sentence = "Acinar pattern on magnification views. ";
  std::string long_benign;
  while (long_benign.size() <= 16384) long_benign += benign_sentence;
  EXPECT_TRUE(lobular_with_comment(long_benign.c_str()).needs_review);
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

// H50-5: an added finding at the very place of an SR finding (breast, clock, depth) that
// describes it otherwise is most likely a re-reading written as an addition: both stand, both
// say so (annotation-conflict) and need review. One that agrees, or lies elsewhere, is silent.
AnnotatedFinding added_at(Laterality laterality, int clock, Morphology morphology) {
  AnnotatedFinding a;
  a.line = 14;
  a.action = AnnotationAction::Add;
  a.laterality = laterality;
  a.location.clock_hour = clock;
  a.morphology = {morphology};
  a.reported_category = Category::Benign2;
  return a;
}
TEST(AnnotationMerge, AnAddedBenignFindingAtASuspiciousSrFindingsPlaceIsAConflict) {
  Findings findings = sr_findings();
  findings.findings[0].morphology = {
      {Morphology::FinePleomorphic, code_of(Morphology::FinePleomorphic).to_code(), ""}};
  merge_annotations(annotations_with({added_at(Laterality::Right, 8, Morphology::CoarsePopcorn)}),
                    findings);
  const Report report = evaluate(findings);
  ASSERT_EQ(report.decisions.size(), 3u);
  EXPECT_TRUE(has_warning(report.decisions[0], "annotation-conflict"));
  EXPECT_TRUE(report.decisions[0].needs_review);
  EXPECT_EQ(report.decisions[0].classification, Classification::Suspicious);
  EXPECT_TRUE(has_warning(report.decisions[2], "annotation-conflict"));
  EXPECT_TRUE(report.decisions[2].needs_review);
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_FALSE(has_warning(report.decisions[1], "annotation-conflict"));
}
// Hostile review 74: two added findings at one place described otherwise, in one file or two,
// with an SR or without one (at left 11 o'clock, where the SR has no finding): the calcifications
// there described twice; all say so and need review. Two that agree, or lie at other clocks, are
// silent; a refine that matches nothing is such an added finding too.
TEST(AnnotationMerge, TwoAddedFindingsAtOnePlaceDescribedOtherwiseAreAConflict) {
  const AnnotatedFinding popcorn = added_at(Laterality::Left, 11, Morphology::CoarsePopcorn);
  const AnnotatedFinding amorphous = added_at(Laterality::Left, 11, Morphology::Amorphous);
  const auto all_reviewed = [](const Report& report, std::size_t from) {
    for (std::size_t i = from; i < report.decisions.size(); ++i) {
      EXPECT_TRUE(has_warning(report.decisions[i], "annotation-conflict")) << i;
      EXPECT_TRUE(report.decisions[i].needs_review) << i;
    }
  };
  Findings one_file = sr_findings();
  merge_annotations(annotations_with({popcorn, amorphous}), one_file);
  const Report merged = evaluate(one_file);
  ASSERT_EQ(merged.decisions.size(), 4u);
  all_reviewed(merged, 2);
  Findings two_files = sr_findings();
  merge_annotations(annotations_with({popcorn}), two_files);
  merge_annotations(annotations_with({amorphous}), two_files);
  const Report merged_twice = evaluate(two_files);
  ASSERT_EQ(merged_twice.decisions.size(), 4u);
  all_reviewed(merged_twice, 2);
  for (const bool refine_first : {true, false}) {
    AnnotatedFinding unmatched = amorphous;
    unmatched.action = AnnotationAction::Refine;
    Findings refined = sr_findings();
    merge_annotations(
        annotations_with(refine_first ? std::vector<AnnotatedFinding>{unmatched, popcorn}
                                      : std::vector<AnnotatedFinding>{popcorn, unmatched}),
        refined);
    const Report with_refine = evaluate(refined);
    ASSERT_EQ(with_refine.decisions.size(), 4u) << refine_first;
    all_reviewed(with_refine, 2);
  }
  const Report alone = evaluate(findings_from_annotations(annotations_with({popcorn, amorphous})));
  ASSERT_EQ(alone.decisions.size(), 2u);
  all_reviewed(alone, 0);
  EXPECT_TRUE(alone.exam.needs_review);
  const Report apart = evaluate(findings_from_annotations(
      annotations_with({popcorn, added_at(Laterality::Left, 5, Morphology::Amorphous), popcorn})));
  ASSERT_EQ(apart.decisions.size(), 3u);
  for (const Decision& decision : apart.decisions) {
    EXPECT_FALSE(has_warning(decision, "annotation-conflict"));
  }
}
// Review of the change: thousands added at one place, alternating, each say so once (a warning
// per pair grew the summary with the square of their number).
TEST(AnnotationMerge, ManyAddedFindingsAtOnePlaceEachSayItOnce) {
  std::vector<AnnotatedFinding> many;
  for (int i = 0; i < 400; ++i) {
    many.push_back(added_at(Laterality::Left, 11,
                            i % 2 == 0 ? Morphology::CoarsePopcorn : Morphology::Amorphous));
  }
  const Findings findings = findings_from_annotations(annotations_with(many));
  ASSERT_EQ(findings.findings.size(), 400u);
  for (const Finding& finding : findings.findings) {
    const auto said = std::count_if(
        finding.notes.begin(), finding.notes.end(),
        [](const ReaderNote& note) { return note.code == WarningCode::AnnotationConflict; });
    EXPECT_EQ(said, 1) << finding.position;
  }
}
// H51-6: where the SR finding has no category of its own, the report's overall one for its
// breast assesses it: an added 3 at its place against an overall 2 is a conflict too, and W26
// weighs the overall against the added finding's own category.
TEST(AnnotationMerge, AnAddedCategoryAgainstTheOverallOfAFindingWithoutOneIsAConflict) {
  Findings findings = sr_findings();
  OverallStatement overall;
  overall.category = Category::Benign2;
  overall.position = "1.3.4";
  findings.overall_statements.push_back(overall);
  findings.overall_category = Category::Benign2;
  for (Finding& finding : findings.findings) finding.overall_statement_indices = {0};
  AnnotatedFinding three = added_at(Laterality::Right, 8, Morphology::Microcalcifications);
  three.reported_category = Category::ProbablyBenign3;
  merge_annotations(annotations_with({three}), findings);
  const Report report = evaluate(findings);
  ASSERT_EQ(report.decisions.size(), 3u);
  EXPECT_TRUE(has_warning(report.decisions[0], "annotation-conflict"));
  EXPECT_TRUE(has_warning(report.decisions[2], "annotation-conflict"));
  EXPECT_TRUE(testing::fired(report.decisions[2], "W26"));
  EXPECT_TRUE(report.exam.needs_review);
}
TEST(AnnotationMerge, AnAddedFindingThatAgreesOrLiesElsewhereIsNoConflict) {
  for (const int clock : {2, 8}) {
    Findings findings = sr_findings();
    // At 2 o'clock on the right no SR finding lies; at 8 the SR finding agrees (no category).
    merge_annotations(
        annotations_with({added_at(Laterality::Right, clock, Morphology::Microcalcifications)}),
        findings);
    const Report report = evaluate(findings);
    ASSERT_EQ(report.decisions.size(), 3u);
    for (const Decision& decision : report.decisions) {
      EXPECT_FALSE(has_warning(decision, "annotation-conflict")) << clock;
    }
  }
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
  ASSERT_TRUE(has_note(findings, "annotation-unmatched"));
  // Issue 18, F11: two findings match, so "the SR does not have" it would be wrong.
  EXPECT_NE(findings.notes.back().text.find("laterality right and clock 8, which 2 SR findings "
                                            "have (it must match exactly one)"),
            std::string::npos)
      << findings.notes.back().text;
}

// Issue 18, F11: a refinement that matches no finding is kept, but alone its values (here a site
// meant to join the SR finding's morphology) would classify benign: the finding (W18) and the
// exam (E14) need review, and the warning says why it matched nothing.
TEST(AnnotationMerge, UnmatchedRefinementNeedsReviewAndSaysWhy) {
  for (const std::string position : {"1.9.9", "1.3.4.1"}) {
    Findings findings = sr_findings();
    findings.findings.pop_back();  // only the right finding at 1.3.2.2
    findings.findings[0].morphology.clear();
    findings.findings[0].morphology.push_back(
        {Morphology::CoarsePopcorn, code_of(Morphology::CoarsePopcorn).to_code(), ""});
    findings.sr_items = {{"1", codes::kBreastImagingReport.to_code()},
                         {"1.3.2.2", codes::kFinding.to_code()},
                         {"1.3.4.1", codes::kAssessmentCategory.to_code()}};
    AnnotatedFinding a = refine_position(position, 14);
    a.site = Site::Lobular;
    merge_annotations(annotations_with({a}), findings);
    ASSERT_EQ(findings.findings.size(), 2u) << position;
    ASSERT_TRUE(has_note(findings, "annotation-unmatched")) << position;
    const std::string& text = findings.notes.back().text;
    if (position == "1.9.9") {
      EXPECT_NE(text.find("refines SR position 1.9.9, which the SR does not have"),
                std::string::npos)
          << text;
    } else {
      EXPECT_NE(text.find("refines SR position 1.3.4.1, which is not a calcification finding"),
                std::string::npos)
          << text;
      EXPECT_NE(text.find(describe(codes::kAssessmentCategory.to_code())), std::string::npos)
          << text;
      EXPECT_EQ(text.find("does not have"), std::string::npos) << text;
    }
    const Report report = evaluate(findings);
    const Decision& added = report.decisions[1];
    EXPECT_EQ(added.site.site, Site::Lobular);  // the annotation's facts stay visible
    EXPECT_TRUE(testing::fired(added, "W18")) << position;
    EXPECT_TRUE(added.needs_review) << position;
    EXPECT_TRUE(testing::fired(report.decisions[0], "W13")) << position;  // benign beside it
    EXPECT_TRUE(report.exam.needs_review) << position;
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << position;
  }
}

TEST(AnnotationMerge, MatchedRefinementStaysClean) {
  Findings findings = sr_findings();
  findings.findings.pop_back();
  findings.findings[0].morphology.clear();
  findings.findings[0].morphology.push_back(
      {Morphology::CoarsePopcorn, code_of(Morphology::CoarsePopcorn).to_code(), ""});
  AnnotatedFinding a = refine_position("1.3.2.2");
  a.site = Site::Lobular;
  merge_annotations(annotations_with({a}), findings);
  const Report report = evaluate(findings);
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_FALSE(testing::fired(report.decisions[0], "W18"));
  EXPECT_FALSE(report.exam.needs_review);
}

TEST(AnnotationMerge, RefinementWithoutSrNeedsReview) {
  AnnotatedFinding a = refine_position("1.3.2.2");
  a.site = Site::Lobular;
  const Report report = evaluate(findings_from_annotations(annotations_with({a})));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(testing::fired(report.decisions[0], "W18"));
  EXPECT_TRUE(report.decisions[0].needs_review);
  EXPECT_TRUE(report.exam.needs_review);
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

// The SR's overall "0 - incomplete" is no assessment the annotation could disagree with: the
// annotation made on the additional evaluation completes it
// (samples/bir-nonspecific-calcifications.lobular.annotations.xml).
TEST(AnnotationMerge, AnnotationCompletesIncompleteOverallCategoryWithoutConflict) {
  Findings findings = sr_findings();
  findings.findings[1].reported_category = Category::Incomplete0;
  findings.findings[1].reported_category_source = ReportedSource::Overall;
  AnnotatedFinding a = refine_position("1.3.3.2");
  a.reported_category = Category::Benign2;
  merge_annotations(annotations_with({a}), findings);
  const Decision d = evaluate(findings).decisions[1];
  EXPECT_FALSE(has_warning(d, "annotation-conflict"));
  EXPECT_EQ(d.final_category, Category::Benign2);
  EXPECT_TRUE(findings.findings[1].other_readings.empty());
  EXPECT_FALSE(d.needs_review);
}

// Issue 14, class 8: the report's overall assessment is an SR value like any other.
TEST(AnnotationMerge, OverallCategoryDisagreementIsAConflict) {
  Findings findings = sr_findings();
  findings.findings[1].reported_category = Category::HighlySuggestive5;
  findings.findings[1].reported_category_source = ReportedSource::Overall;
  AnnotatedFinding a = refine_position("1.3.3.2", 18);
  a.reported_category = Category::Benign2;
  merge_annotations(annotations_with({a}), findings);
  const Finding& merged = findings.findings[1];
  EXPECT_EQ(merged.reported_category, Category::Benign2);  // the annotation's value is shown
  ASSERT_EQ(merged.other_readings.size(), 1u);
  EXPECT_EQ(merged.other_readings[0].reported_category, Category::HighlySuggestive5);
  EXPECT_EQ(merged.other_readings[0].reported_category_source, ReportedSource::Overall);
  const Decision d = evaluate(findings).decisions[1];
  EXPECT_TRUE(has_warning(d, "annotation-conflict"));
  const auto conflict = std::find_if(d.warnings.begin(), d.warnings.end(), [](const Warning& w) {
    return w.code == WarningCode::AnnotationConflict;
  });
  ASSERT_NE(conflict, d.warnings.end());
  EXPECT_NE(conflict->text.find("notes.xml:18: reportedCategory: the SR's overall assessment says "
                                "5, the annotation says 2"),
            std::string::npos)
      << conflict->text;
  EXPECT_EQ(d.classification, Classification::Suspicious);  // the SR's 5 stands
  EXPECT_TRUE(testing::fired(d, "W6"));
  EXPECT_TRUE(d.needs_review);
}

TEST(AnnotationMerge, OverallCategoryAgreeingIsNoConflict) {
  Findings findings = sr_findings();
  findings.findings[1].reported_category = Category::Benign2;
  findings.findings[1].reported_category_source = ReportedSource::Overall;
  AnnotatedFinding a = refine_position("1.3.3.2");
  a.reported_category = Category::Benign2;
  merge_annotations(annotations_with({a}), findings);
  EXPECT_TRUE(findings.findings[1].other_readings.empty());
  const Decision d = evaluate(findings).decisions[1];
  EXPECT_FALSE(has_warning(d, "annotation-conflict"));
  EXPECT_EQ(d.final_category, Category::Benign2);
  EXPECT_FALSE(d.needs_review);
}

// Issue 14, class 9: several annotation files for one finding are several sources.
Annotations annotation_file(const std::string& file, int line, std::optional<Site> site,
                            std::optional<Category> category = std::nullopt) {
  AnnotatedFinding a = refine_position("1.3.2.2", line);
  a.site = site;
  a.reported_category = category;
  Annotations annotations = annotations_with({a});
  annotations.file = file;
  return annotations;
}

// Every reading of a finding as "site/category", sorted: the rules see this set.
std::vector<std::string> readings_of(const Finding& finding) {
  std::vector<const Finding*> all{&finding};
  for (const Finding& other : finding.other_readings) all.push_back(&other);
  std::vector<std::string> readings;
  for (const Finding* reading : all) {
    readings.push_back(std::string(to_string(reading->stated_site)) + "/" +
                       (reading->reported_category
                            ? std::string(to_string(*reading->reported_category))
                            : std::string("none")));
  }
  std::sort(readings.begin(), readings.end());
  return readings;
}

const Warning* conflict_warning(const Decision& d) {
  const auto found = std::find_if(d.warnings.begin(), d.warnings.end(), [](const Warning& w) {
    return w.code == WarningCode::AnnotationConflict;
  });
  return found == d.warnings.end() ? nullptr : &*found;
}

TEST(AnnotationMerge, DisagreeingAnnotationFilesConflictNamingBothFilesAndLines) {
  Findings findings = sr_findings();
  merge_annotations(annotation_file("y.annotations.xml", 5, Site::Ductal), findings);
  merge_annotations(annotation_file("x.annotations.xml", 7, Site::Lobular), findings);
  const Finding& merged = findings.findings[0];
  EXPECT_EQ(merged.stated_site, Site::Lobular);  // the value read last is shown
  ASSERT_EQ(merged.other_readings.size(), 1u);   // the earlier annotation's reading is kept
  EXPECT_EQ(merged.other_readings[0].stated_site, Site::Ductal);
  EXPECT_EQ(merged.other_readings[0].stated_site_source, SiteSource::Annotation);
  const Decision d = evaluate(findings).decisions[0];
  const Warning* conflict = conflict_warning(d);
  ASSERT_NE(conflict, nullptr);
  EXPECT_NE(conflict->text.find("x.annotations.xml:7: site: y.annotations.xml:5 says ductal, "
                                "x.annotations.xml:7 says lobular"),
            std::string::npos)
      << conflict->text;
  EXPECT_EQ(d.classification, Classification::Suspicious);  // ductal (C9) beats lobular (C2)
  EXPECT_EQ(d.final_category, Category::LowSuspicion4A);
  EXPECT_TRUE(testing::fired(d, "W6"));
  EXPECT_TRUE(d.needs_review);
}

TEST(AnnotationMerge, DisagreeingAnnotationFilesGiveTheSameReadingsInEitherOrder) {
  // As samples/bir-nonspecific-calcifications.{ductal,lobular}.annotations.xml: one file says
  // ductal, the other lobular and 2.
  const Annotations ductal = annotation_file("ductal.annotations.xml", 8, Site::Ductal);
  const Annotations lobular =
      annotation_file("lobular.annotations.xml", 9, Site::Lobular, Category::Benign2);
  Findings forward = sr_findings();
  merge_annotations(ductal, forward);
  merge_annotations(lobular, forward);
  Findings backward = sr_findings();
  merge_annotations(lobular, backward);
  merge_annotations(ductal, backward);
  EXPECT_EQ(readings_of(forward.findings[0]), readings_of(backward.findings[0]));
  EXPECT_EQ(readings_of(forward.findings[0]), (std::vector<std::string>{"ductal/2", "lobular/2"}));
  const Decision f = evaluate(forward).decisions[0];
  const Decision b = evaluate(backward).decisions[0];
  EXPECT_EQ(f.final_category, b.final_category);
  EXPECT_EQ(f.final_category, Category::LowSuspicion4A);
  EXPECT_TRUE(f.needs_review);
  EXPECT_TRUE(b.needs_review);
  ASSERT_NE(conflict_warning(b), nullptr);
  EXPECT_NE(conflict_warning(b)->text.find("site: lobular.annotations.xml:9 says lobular, "
                                           "ductal.annotations.xml:8 says ductal"),
            std::string::npos)
      << conflict_warning(b)->text;
}

TEST(AnnotationMerge, EveryOrderOfThreeAnnotationFilesGivesTheSameReadings) {
  Findings base = sr_findings();
  base.findings[0].stated_site = Site::Ductal;  // the SR states a site too
  base.findings[0].stated_site_source = SiteSource::Sr;
  std::vector<Annotations> files = {
      annotation_file("a.xml", 3, Site::Lobular, Category::Benign2),
      annotation_file("b.xml", 4, Site::Lobular),
      annotation_file("c.xml", 5, std::nullopt, Category::Suspicious4),
  };
  std::sort(files.begin(), files.end(),
            [](const Annotations& x, const Annotations& y) { return x.file < y.file; });
  std::optional<std::vector<std::string>> first;
  do {
    Findings findings = base;
    for (const Annotations& file : files) merge_annotations(file, findings);
    const std::vector<std::string> readings = readings_of(findings.findings[0]);
    const Decision d = evaluate(findings).decisions[0];
    if (!first) first = readings;
    // Each source's reading, completed where it says nothing with what the others say.
    EXPECT_EQ(readings,
              (std::vector<std::string>{"ductal/2", "ductal/4", "lobular/2", "lobular/4"}))
        << files[0].file << files[1].file << files[2].file;
    EXPECT_EQ(d.classification, Classification::Suspicious);
    EXPECT_TRUE(d.needs_review);
  } while (std::next_permutation(
      files.begin(), files.end(),
      [](const Annotations& x, const Annotations& y) { return x.file < y.file; }));
}

// Hostile review 77: two annotation files placing a finding in different breasts let the file
// read last take the biopsy to its breast, the other "no calcification finding". In every order
// the breast is unknown, a conflict (W9) for review; one file against the SR's breast alone is
// the radiologist's correction and stands, as do files that agree.
TEST(AnnotationMerge, AnnotationFilesDisagreeingOnTheBreastChooseNoneInAnyOrder) {
  const auto breast_file = [](const std::string& file, Laterality breast) {
    AnnotatedFinding a = refine_position("1.3.2.2", 5);
    a.laterality = breast;
    Annotations annotations = annotations_with({a});
    annotations.file = file;
    return annotations;
  };
  std::vector<Annotations> files = {breast_file("a.xml", Laterality::Left),
                                    breast_file("b.xml", Laterality::Right),
                                    breast_file("c.xml", Laterality::Left)};
  const auto by_name = [](const Annotations& x, const Annotations& y) { return x.file < y.file; };
  do {
    Findings findings = sr_findings();
    for (const Annotations& file : files) merge_annotations(file, findings);
    const std::string order = files[0].file + files[1].file + files[2].file;
    EXPECT_EQ(findings.findings[0].laterality, Laterality::Unknown) << order;
    EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::Conflicting) << order;
    const Report report = evaluate(findings);
    EXPECT_TRUE(testing::fired(report.decisions[0], "W9")) << order;
    EXPECT_TRUE(report.decisions[0].needs_review) << order;
    // Every file's breast is named, also one that agreed with another before the dispute
    // (hostile review 79).
    const std::vector<ValueConflict>& conflicts = findings.findings[0].conflicts;
    const auto breast_conflict =
        std::find_if(conflicts.begin(), conflicts.end(),
                     [](const ValueConflict& c) { return c.field == FindingField::Laterality; });
    ASSERT_NE(breast_conflict, conflicts.end()) << order;
    EXPECT_EQ(breast_conflict->given.size(), 3u) << order;
  } while (std::next_permutation(files.begin(), files.end(), by_name));
  for (const Laterality breast : {Laterality::Left, Laterality::Right}) {
    Findings findings = sr_findings();
    merge_annotations(breast_file("a.xml", breast), findings);
    merge_annotations(breast_file("b.xml", breast), findings);
    EXPECT_EQ(findings.findings[0].laterality, breast);
    EXPECT_EQ(findings.findings[0].laterality_source, LateralitySource::Annotation);
  }
}

// Every reading as "site/category/distribution", sorted.
std::vector<std::string> full_readings_of(const Finding& finding) {
  std::vector<const Finding*> all{&finding};
  for (const Finding& other : finding.other_readings) all.push_back(&other);
  std::vector<std::string> readings;
  for (const Finding* r : all) {
    readings.push_back(
        std::string(to_string(r->stated_site)) + "/" +
        (r->reported_category ? std::string(to_string(*r->reported_category)) : "none") + "/" +
        (r->distribution ? std::string(to_string(r->distribution->term)) : "none"));
  }
  std::sort(readings.begin(), readings.end());
  readings.erase(std::unique(readings.begin(), readings.end()), readings.end());
  return readings;
}

// Random SR values and four annotation files of site, category and distribution, applied in
// every order: the same readings, classification and review flag. (The final category may be 4
// in one order and 4A in another: they rank equal and the rules keep the first of equals.)
TEST(AnnotationMerge, ReadingsDoNotDependOnTheOrderOfAnnotationFiles) {
  unsigned seed = 14;
  const auto next = [&](unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  const Site sites[] = {Site::Ductal, Site::Lobular};
  const Category categories[] = {Category::Benign2, Category::Suspicious4,
                                 Category::HighlySuggestive5};
  const Distribution distributions[] = {Distribution::Regional, Distribution::Segmental};
  for (int round = 0; round < 100; ++round) {
    Findings base = sr_findings();
    Finding& sr = base.findings[0];
    if (next(2) != 0) {
      sr.stated_site = sites[next(2)];
      sr.stated_site_source = SiteSource::Sr;
    }
    if (next(2) != 0) {
      sr.reported_category = categories[next(3)];
      sr.reported_category_source =
          next(2) != 0 ? ReportedSource::Overall : ReportedSource::Finding;
    }
    if (next(3) == 0) {
      sr.distribution = Coded<Distribution>{Distribution::Segmental,
                                            code_of(Distribution::Segmental).to_code(), ""};
    }
    std::vector<Annotations> files;
    for (int i = 0; i < 4; ++i) {
      AnnotatedFinding a = refine_position("1.3.2.2", 5 + i);
      if (next(2) != 0) a.site = sites[next(2)];
      if (next(2) != 0) a.reported_category = categories[next(3)];
      if (next(3) == 0) a.distribution = distributions[next(2)];
      Annotations file = annotations_with({a});
      file.file = std::string(1, static_cast<char>('a' + i)) + ".xml";
      files.push_back(std::move(file));
    }
    const auto by_name = [](const Annotations& x, const Annotations& y) { return x.file < y.file; };
    std::optional<std::vector<std::string>> first_readings;
    std::optional<Decision> first;
    do {
      Findings findings = base;
      for (const Annotations& file : files) merge_annotations(file, findings);
      const std::vector<std::string> readings = full_readings_of(findings.findings[0]);
      const Decision d = evaluate(findings).decisions[0];
      if (!first) {
        first_readings = readings;
        first = d;
      }
      std::string order = "round " + std::to_string(round) + ", order";
      for (const Annotations& file : files) order += " " + file.file;
      EXPECT_EQ(readings, *first_readings) << order;
      EXPECT_EQ(d.classification, first->classification) << order;
      EXPECT_EQ(d.needs_review, first->needs_review) << order;
    } while (std::next_permutation(files.begin(), files.end(), by_name));
  }
}

TEST(AnnotationMerge, ConflictNamesEverySourceThatAgreedBefore) {
  Findings findings = sr_findings();
  findings.findings[0].morphology.clear();
  findings.findings[0].stated_site = Site::Ductal;
  findings.findings[0].stated_site_source = SiteSource::Sr;
  merge_annotations(annotation_file("a.xml", 5, Site::Ductal), findings);
  EXPECT_TRUE(findings.findings[0].notes.empty());  // agreeing with the SR
  merge_annotations(annotation_file("b.xml", 6, Site::Lobular), findings);
  ASSERT_EQ(findings.findings[0].notes.size(), 1u);
  EXPECT_EQ(findings.findings[0].notes[0].text,
            "b.xml:6: site: the SR and a.xml:5 say ductal, b.xml:6 says lobular; the value read "
            "last is shown, the more suspicious reading classifies");
  EXPECT_EQ(readings_of(findings.findings[0]),
            (std::vector<std::string>{"ductal/none", "lobular/none"}));
}

TEST(AnnotationMerge, AgreeingAnnotationFilesAreNoConflict) {
  Findings findings = sr_findings();
  merge_annotations(annotation_file("one.xml", 5, Site::Lobular, Category::Benign2), findings);
  merge_annotations(annotation_file("two.xml", 6, Site::Lobular, Category::Benign2), findings);
  const Finding& merged = findings.findings[0];
  EXPECT_TRUE(merged.other_readings.empty());
  ASSERT_EQ(merged.annotations.size(), 2u);
  std::vector<std::string> site_sources;
  for (const FieldSource& entry : merged.field_sources) {
    if (entry.field == "site") site_sources.push_back(entry.source);
  }
  EXPECT_EQ(site_sources, (std::vector<std::string>{"one.xml:5", "two.xml:6"}));
  const Decision d = evaluate(findings).decisions[0];
  EXPECT_EQ(conflict_warning(d), nullptr);
  EXPECT_EQ(d.classification, Classification::Benign);
  EXPECT_FALSE(d.needs_review);
}

TEST(AnnotationMerge, LaterFileAddingAFieldIsNoConflict) {
  Findings findings = sr_findings();
  merge_annotations(annotation_file("one.xml", 5, Site::Lobular), findings);
  merge_annotations(annotation_file("two.xml", 6, std::nullopt, Category::Benign2), findings);
  EXPECT_TRUE(findings.findings[0].other_readings.empty());
  const Decision d = evaluate(findings).decisions[0];
  EXPECT_EQ(conflict_warning(d), nullptr);
  EXPECT_FALSE(d.needs_review);
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

// Hostile review 26 (H26-6): the patient-level and the finding-level value of a procedure factor
// that decides the biopsy type disagree. Neither silently wins: the restrictive one (stereotactic
// not feasible) decides, the summary warns annotation-conflict naming both, and the finding needs
// review.
TEST(AnnotationMerge, PatientAndFindingThicknessDisagreeingTheThinnerDecidesWithReview) {
  for (const auto& [patient_mm, finding_mm] : {std::pair{12.0, 40.0}, std::pair{40.0, 12.0}}) {
    Findings findings = sr_findings();
    findings.findings[0].morphology = {
        {Morphology::FinePleomorphic, code_of(Morphology::FinePleomorphic).to_code(), ""}};
    AnnotatedFinding refine = refine_position("1.3.2.2");
    refine.compressed_thickness_mm = finding_mm;
    Annotations annotations = annotations_with({refine});
    annotations.patient.compressed_thickness_mm = patient_mm;
    annotations.patient.line = 5;
    merge_annotations(annotations, findings);
    const Decision d = evaluate(findings).decisions[0];
    EXPECT_EQ(d.recommendation.biopsy, BiopsyType::WireLocalization) << patient_mm;
    EXPECT_EQ(d.recommendation.biopsy_rule, "B4") << patient_mm;
    EXPECT_TRUE(has_warning(d, "annotation-conflict")) << patient_mm;
    EXPECT_TRUE(d.needs_review) << patient_mm;
    const auto conflict = std::find_if(d.warnings.begin(), d.warnings.end(), [](const Warning& w) {
      return w.code == WarningCode::AnnotationConflict;
    });
    ASSERT_NE(conflict, d.warnings.end());
    EXPECT_NE(conflict->text.find("notes.xml:5"), std::string::npos) << conflict->text;
    EXPECT_NE(conflict->text.find("notes.xml:10"), std::string::npos) << conflict->text;
    EXPECT_NE(conflict->text.find("biopsy type"), std::string::npos) << conflict->text;
  }
}

TEST(AnnotationMerge, PatientCannotLieProneButFindingSaysYesDecidesWireWithReview) {
  Findings findings = sr_findings();
  findings.findings[0].morphology = {
      {Morphology::FinePleomorphic, code_of(Morphology::FinePleomorphic).to_code(), ""}};
  AnnotatedFinding refine = refine_position("1.3.2.2");
  refine.can_lie_prone = Presence::Yes;
  Annotations annotations = annotations_with({refine});
  annotations.patient.can_lie_prone = Presence::No;
  merge_annotations(annotations, findings);
  const Decision d = evaluate(findings).decisions[0];
  EXPECT_EQ(d.recommendation.biopsy_rule, "B4");
  EXPECT_TRUE(has_warning(d, "annotation-conflict"));
  EXPECT_TRUE(d.needs_review);
}

TEST(AnnotationMerge, PatientAndFindingFactorsAgreeingAreNoConflict) {
  Findings findings = sr_findings();
  AnnotatedFinding refine = refine_position("1.3.2.2");
  refine.compressed_thickness_mm = 40.0;
  refine.can_lie_prone = Presence::Yes;
  Annotations annotations = annotations_with({refine});
  annotations.patient.compressed_thickness_mm = 40.0;
  annotations.patient.can_lie_prone = Presence::Yes;
  merge_annotations(annotations, findings);
  EXPECT_FALSE(has_warning(evaluate(findings).decisions[0], "annotation-conflict"));
}

}  // namespace
}  // namespace mammocalc
