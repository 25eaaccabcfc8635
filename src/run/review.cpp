#include "run/review.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "annotations/annotation_reader.hpp"
#include "base/atomic_file.hpp"
#include "base/input_guard.hpp"
#include "base/line_log.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/toolkit.hpp"
#include "review/exam_view.hpp"
#include "review/review_html.hpp"
#include "review/summary_reader.hpp"
#include "run/exam_records.hpp"
#include "run/summarise.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {
namespace {

// The root element of an XML input ("mammocalcSummary", "annotations"), empty for anything else
// (an SR, standard input).
std::string kind_of(const std::string& input) {
  return input == "-" ? std::string() : xml_root_name(input);
}

// Any XML file (a summary, an annotation file, a batch index…) needs no DICOM to be looked at.
bool reads_dicom(const std::string& input) { return kind_of(input).empty(); }

// The summary of one input, whatever kind of file it is: summaries are taken as they are,
// annotation files and SRs are summarised first.
ReviewExam exam_of(const std::string& input, const Evaluation& evaluation) {
  const std::string kind = kind_of(input);
  if (kind == "mammocalcSummary" && evaluation.pseudonyms.enabled) {
    // A summary already written is shown as it is; pseudonymising only its patient line would
    // look done and leave the accession number, dates and UIDs.
    throw Error(ErrorCode::Usage, input +
                                      ": a summary already written cannot be pseudonymised; "
                                      "summarize its SR with --pseudonymize instead");
  }
  if (kind == "mammocalcSummary") {
    return read_summary(read_input_bytes(input, kMaxSummaryBytes), input);
  }
  const bool redact = evaluation.summary.redact;
  if (kind == "annotations") {
    return exam_view_of(summarise_annotations(input, evaluation), redact);
  }
  if (kind == "mammocalcIndex") {
    // `review OUTDIR/*.xml` meets the batch's index beside the summaries.
    throw Error(ErrorCode::InvalidSummary,
                input + ": a batch index (index.xml), not an exam; review the summaries it lists");
  }
  if (!kind.empty()) {
    throw Error(ErrorCode::InvalidSummary,
                input + ": XML with root <" + kind + ">, neither a summary nor an annotation file");
  }
  try {
    return exam_view_of(summarise_input(input, evaluation), redact);
  } catch (const Error& error) {
    throw with_read_own_hint(error);
  }
}

}  // namespace

ExitCode run_review(const ReviewConfig& config, std::ostream& out, std::ostream& errors) {
  if (!config.html_file.empty()) {
    // The page may not replace anything the review reads (issue 15: no output is an input).
    InputGuard inputs;
    for (const std::string& input : config.inputs) inputs.add_file(input);
    add_evaluation_inputs(config.evaluation, inputs);
    inputs.check_file(config.html_file);
    refuse_output_in_run_directory(config.html_file, "review: --html");
  }
  Evaluation evaluation = load_evaluation(config.evaluation);
  // DICOM is set up only when an input needs it: summaries and annotation files are shown even
  // where the DICOM installation is broken. The annotation directories apply to SRs only; what
  // they hold that is not read is said as summarize says it.
  if (std::any_of(config.inputs.begin(), config.inputs.end(), reads_dicom)) {
    start_dicom_toolkit();
    read_run_annotations(evaluation, "mammocalc", errors);
    // Its SRs are one run, as a batch's: a file that another of them takes is none of the
    // others' business (hostile review 29, H29-7). Standard input can be read only once.
    const std::set<std::string> annotated = uids_annotated(evaluation);
    for (const std::string& input : config.inputs) {
      if (annotated.empty() || input == "-" || !reads_dicom(input)) continue;
      if (auto named = annotated_input(InputFile{input}, annotated, evaluation)) {
        evaluation.annotated_inputs.push_back(std::move(*named));
      }
    }
  }
  std::vector<ReviewExam> exams;
  bool any_failed = false;
  for (const std::string& input : config.inputs) {
    try {
      exams.push_back(exam_of(input, evaluation));
    } catch (const Error& error) {
      errors << error_line(error.what());
      any_failed = true;
    } catch (const std::exception& error) {
      // A defect on one input must not hide the others.
      errors << error_line(input + ": internal error: " + error.what());
      any_failed = true;
    }
  }
  for (std::size_t i = 0; i < exams.size(); ++i) {
    if (i > 0) out << "\n";
    write_review_text(exams[i], config.options, out);
  }
  out.flush();
  if (any_failed && !config.html_file.empty()) {
    // A page without one of the exams asked for would look complete: none is written.
    errors << error_line(config.html_file + ": not written, as an input failed");
  } else if (!config.html_file.empty()) {
    write_file_atomically(config.html_file, render_review_page(exams, config.options.redact));
  }
  return any_failed ? ExitCode::InputFailed : ExitCode::Success;
}

}  // namespace mammocalc
