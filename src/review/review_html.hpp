#pragma once
// The review as one self-contained HTML page (no external resources, no scripts): per exam a
// diagram of both breasts as seen facing the patient, with the clock face and each finding drawn
// at its clock position and depth, numbered to match the table of findings and the rule trace.
// Findings without a known position are listed beside the diagram, never drawn.

#include <string>
#include <vector>

#include "output/batch_index.hpp"
#include "review/summary_reader.hpp"

namespace mammocalc {

// Diagram geometry, in SVG user units (1 unit = 1 CSS pixel): the test that reads the rendered
// picture uses the same numbers.
struct BreastDiagram {
  static constexpr double kWidth = 800;
  static constexpr double kHeight = 480;
  static constexpr double kRightCentreX = 200;  // the patient's right breast: the viewer's left
  static constexpr double kLeftCentreX = 600;
  static constexpr double kCentreY = 240;
  static constexpr double kRadius = 170;
};

// The page for the exams of one review run.
// `naming` (output/pseudonyms naming_of), where given, is said in a <meta name="mammocalc-naming">
// of the page's head, as a summary's root says it.
inline constexpr const char* kPageNamingMeta = "mammocalc-naming";
std::string render_review_page(const std::vector<ReviewExam>& exams, bool redact,
                               const std::string& naming = "");

// A batch's index.html: the counts of inputs (summarised, skipped per reason, failed), the
// roll-up as small bar charts (per category, per biopsy type) and per input its accession number
// and a link to its exam's page (the summary's name with .html).
std::string render_batch_index_page(const BatchIndex& index);

// The page name for a summary name: "X.xml" → "X.html".
std::string page_name_for(const std::string& summary_name);

}  // namespace mammocalc
