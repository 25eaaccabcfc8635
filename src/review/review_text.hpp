#pragma once
// `mammocalc review`: what a radiologist reads at the command line in ten seconds, per exam and
// per breast, at most 100 columns wide.

#include <ostream>
#include <string>
#include <vector>

#include "review/summary_reader.hpp"

namespace mammocalc {

struct ReviewOptions {
  bool color = false;   // ANSI colours: suspicious red, probably benign yellow, benign green
  bool trace = false;   // the fired rules and their citations under each finding
  bool redact = false;  // no patient line
};

inline constexpr std::size_t kReviewWidth = 100;

void write_review_text(const ReviewExam& exam, const ReviewOptions& options, std::ostream& out);

// Words for the summary's terms, shared by the text and HTML views.
std::string morphology_words(const std::string& term);
std::string distribution_words(const std::string& term);
std::string classification_words(Classification classification);
std::string action_words(const std::string& action);
std::string actions_words(const std::vector<std::string>& actions);  // in the given order
// The verdict's actions; said to be the findings' where the exam's category is the report's own
// ("BI-RADS 4 suspicious -> short-interval follow-up" would read as a 4 without a biopsy).
std::string verdict_actions_words(const ReviewExam& exam);
std::string biopsy_words(const std::string& biopsy_type);
std::string location_words(const ReviewFinding& finding);
std::string site_words(const ReviewFinding& finding);
std::string features_words(const ReviewFinding& finding);  // morphology and distribution
std::string recommendation_words(const ReviewFinding& finding);
// "radiologist recommended: Normal interval follow-up"; empty when the report gives none. An exam
// read from mammocalc's own SR (--read-own) has no radiologist's values: its reported category and
// follow-ups are said to be mammocalc's earlier result (hostile review 50, H50-8).
std::string reported_follow_up_words(const ReviewExam& exam, const ReviewFinding& finding);
std::string assessment_words(const ReviewExam& exam, const ReviewFinding& finding);
// " (radiologist reported 4)" or ""
std::string reported_words(const ReviewExam& exam, const ReviewFinding& finding);
std::string review_words(const ReviewFinding& finding);  // "; needs radiologist review" or ""
std::string exam_review_words(const ReviewExam& exam);   // "2 findings need radiologist review"
std::string study_date_words(const std::string& dicom_date);  // 20260107 → 2026-01-07

// Report text (issue 16), shared by the text and HTML views.
// "[from report text]", "[from report text, uncertain]"; "" for a finding not read from text.
std::string text_marker_words(const ReviewFinding& finding);
std::string section_words(const std::string& section);           // "impression", "unsectioned"
std::string sentence_label(const std::string& section);          // "Impression text", "Report text"
std::string stated_breast_words(const ReviewStated& stated);     // " (right breast)" or ""
std::string stated_follow_up_words(const ReviewStated& stated);  // "stereotactic biopsy"
// The mentions that gave no finding, one per sentence, status, breast and trigger, in document
// order.
std::vector<const ReviewMention*> mentions_without_finding(const ReviewExam& exam);
std::string read_text_heading(const ReviewExam& exam);
// The mentions that restate a coded finding (cross-check "restates"), one per sentence; none for
// a finding read from text (it quotes its own sentences).
std::vector<const ReviewMention*> mentions_restating(const ReviewExam& exam,
                                                     const ReviewFinding& finding);
std::string mention_words(const ReviewMention& mention);  // negated ("no"), findings, right breast

}  // namespace mammocalc
