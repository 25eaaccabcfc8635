#include "run/summarize_command.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "run/exam_records.hpp"

namespace mammocalc {
namespace {

bool is_batch(const SummarizeConfig& config) {
  if (config.files_from || config.inputs.size() > 1) return true;
  if (std::any_of(config.inputs.begin(), config.inputs.end(),
                  [](const std::string& input) { return std::filesystem::is_directory(input); })) {
    return true;
  }
  return config.output && std::filesystem::is_directory(*config.output);
}

// Why this run is a batch, for the message when it lacks its output directory.
std::string batch_reason(const SummarizeConfig& config) {
  if (config.files_from) return "--files-from";
  if (config.inputs.size() == 1) return config.inputs.front() + " is a directory:";
  return "several inputs:";
}

BatchConfig batch_config(const SummarizeConfig& config) {
  if (!config.output || *config.output == "-") {
    throw Error(ErrorCode::Usage, "summarize: " + batch_reason(config) +
                                      " a batch needs -o OUTDIR, a directory for the summaries");
  }
  if (config.evaluation.pseudonymise && config.evaluation.pseudonym_key_file.empty()) {
    // Without a key the UIDs are dropped, and the summaries could only be named by their inputs.
    throw Error(ErrorCode::Usage,
                "summarize: a batch with --pseudonymize names its summaries by pseudonyms: it "
                "needs --pseudonym-key FILE");
  }
  BatchConfig batch;
  batch.inputs = config.inputs;
  batch.files_from = config.files_from.value_or("");
  batch.output_dir = *config.output;
  batch.jobs = config.jobs.value_or(std::max(1u, std::thread::hardware_concurrency()));
  batch.skip_existing = config.skip_existing;
  batch.progress = config.progress;
  batch.rollup_csv = config.rollup_csv;
  batch.html = config.html;
  if (config.dicom_out) {
    // The batch run creates the directory; an empty name can never be one.
    if (config.dicom_out->empty()) {
      throw Error(ErrorCode::Usage, "summarize: --dicom-out in a batch must be a directory");
    }
    batch.dicom_out_dir = *config.dicom_out;
  }
  batch.evaluation = config.evaluation;
  return batch;
}

RunConfig single_config(const SummarizeConfig& config) {
  if (config.html) {
    throw Error(ErrorCode::Usage,
                "summarize: --html needs a batch (-o OUTDIR); for one exam use "
                "mammocalc review --html FILE");
  }
  // Batch options would do nothing here; a script that passes them expects what they promise.
  const char* batch_only = config.jobs                  ? "--jobs"
                           : config.skip_existing       ? "--skip-existing"
                           : !config.rollup_csv.empty() ? "--rollup-csv"
                                                        : nullptr;
  if (batch_only != nullptr) {
    throw Error(ErrorCode::Usage, std::string("summarize: ") + batch_only +
                                      " needs a batch (-o OUTDIR with a directory or several "
                                      "inputs)");
  }
  if (config.dicom_out && *config.dicom_out == "-") {
    throw Error(ErrorCode::Usage,
                "summarize: --dicom-out - is not supported; give a file or a directory");
  }
  if (config.inputs.empty() && config.evaluation.annotations.empty()) {
    throw Error(ErrorCode::Usage, "summarize: no input file given");
  }
  RunConfig run;
  run.inputs = config.inputs;
  // "-o -" is standard output, as "-" is standard input.
  run.output = config.output.value_or("-") == "-" ? "" : *config.output;
  run.evaluation = config.evaluation;
  run.dicom_out = config.dicom_out.value_or("");
  if (!run.output.empty()) refuse_output_in_run_directory(run.output, "summarize: -o");
  if (!run.dicom_out.empty()) {
    if (std::filesystem::is_directory(run.dicom_out)) {
      refuse_run_directory_as_output(run.dicom_out, "summarize: --dicom-out");
    } else {
      refuse_output_in_run_directory(run.dicom_out, "summarize: --dicom-out");
    }
  }
  return run;
}

}  // namespace

SummarizePlan resolve_summarize(const SummarizeConfig& config) {
  SummarizePlan plan;
  plan.is_batch = is_batch(config);
  if (plan.is_batch) {
    plan.batch = batch_config(config);
  } else {
    plan.single = single_config(config);
  }
  return plan;
}

ExitCode run_summarize_plan(const SummarizePlan& plan, std::ostream& out, std::ostream& progress) {
  if (plan.is_batch) return run_batch(plan.batch, progress);
  run_summarize(plan.single, out, progress);
  return ExitCode::Success;
}

}  // namespace mammocalc
