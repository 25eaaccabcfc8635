#pragma once
// `mammocalc summarize` as the command line gave it, and the step that decides, by looking at
// the filesystem, whether it is one input (run_summarize) or a batch (run_batch). The command
// line only records what was given; it never looks at the filesystem.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "run/batch.hpp"
#include "run/summarise.hpp"

namespace mammocalc {

struct SummarizeConfig {
  std::vector<std::string> inputs;        // SR files and directories; "-" is standard input
  std::optional<std::string> output;      // -o: FILE for one input, OUTDIR for a batch
  std::optional<std::string> files_from;  // batch: --files-from FILE|-
  std::optional<unsigned> jobs;           // batch: --jobs (default: the number of cores)
  bool skip_existing = false;             // batch
  bool progress = false;                  // batch: a progress line on stderr
  std::string rollup_csv;                 // batch
  bool html = false;                      // batch
  std::optional<std::string> dicom_out;   // FILE|DIR for one input, DIR for a batch
  EvaluationConfig evaluation;
};

// What summarize runs: one input (RunConfig) or a batch (BatchConfig).
struct SummarizePlan {
  bool is_batch = false;
  RunConfig single;
  BatchConfig batch;
};

// Several inputs, a directory among them, --files-from or an existing output directory make a
// batch; otherwise it is one input (or an annotation-only run). Throws Error(Usage): a batch
// without -o, --jobs outside 1-256, --html without a batch, no input at all.
SummarizePlan resolve_summarize(const SummarizeConfig& config);

// Runs the plan: run_summarize writing to `out`, or run_batch with its progress line and its
// failed inputs on `progress`; both say there what annotation directories hold that is not read.
// Returns the exit code; throws Error as they do.
ExitCode run_summarize_plan(const SummarizePlan& plan, std::ostream& out, std::ostream& progress);

}  // namespace mammocalc
