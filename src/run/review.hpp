#pragma once
// `mammocalc review INPUT...`: SR files, annotation files or summaries already written, shown as
// a terminal report (review_text) and, with --html, as one self-contained page (review_html).

#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "dicom/dicom_structure.hpp"
#include "review/review_text.hpp"
#include "run/summarise.hpp"

namespace mammocalc {

struct ReviewConfig {
  std::vector<std::string> inputs;
  EvaluationConfig evaluation;  // annotations are merged into SR inputs, as for summarize
  ReviewOptions options;
  std::string html_file;  // empty: no page
};

// Shows every input it can read; each one that fails gets one line on `errors` naming it and the
// others are still shown. Returns InputFailed when any input failed, OutputFailed when the page
// cannot be written.
ExitCode run_review(const ReviewConfig& config, std::ostream& out, std::ostream& errors);

}  // namespace mammocalc
