#pragma once
// Batch runs over many SR files: one summary per SR in an output directory, an index of every
// input and a roll-up. Inputs are processed in parallel and committed in input order, so the
// outputs are the same whatever the number of jobs.

#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "run/summarise.hpp"

namespace mammocalc {

struct BatchConfig {
  std::vector<std::string> inputs;  // files and directories (recursed); each file read once
  std::string files_from;           // a file with one path a line, or "-" for stdin
  std::string output_dir;
  unsigned jobs = 1;
  bool skip_existing = false;
  bool progress = false;  // a progress line on stderr (only on a terminal, never with --quiet)
  std::string rollup_csv;
  bool html = false;          // also a review page per exam (NAME.html) and index.html
  std::string dicom_out_dir;  // also a DICOM SR per exam, <SOPInstanceUID>.dcm
  EvaluationConfig evaluation;
};

// Runs the batch; creates the output directory and the --dicom-out directory, writes summaries,
// index.xml and the optional CSV roll-up. Each failed input gets one line on `errors`
// ("mammocalc: " and the entry's error, which names the file), with or without the progress line
// (config.progress), which goes there too. Returns the exit code (0 all summarised or skipped,
// 1 an input failed, 3 an output could not be written). Throws Error(Usage) when the --dicom-out
// directory is not one, when an output would overwrite an input or an output directory is inside
// an input directory (before anything is written), Error(OutputFailed) when the output directory
// cannot be created.
ExitCode run_batch(const BatchConfig& config, std::ostream& errors);

}  // namespace mammocalc
