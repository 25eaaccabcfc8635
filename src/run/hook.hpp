#pragma once
// A PACS hook run (`mammocalc hook --out OUTDIR PATH...`), made for DCMTK's storescp
// --exec-on-reception / --exec-on-eostudy: summarises the SRs among the received files (a
// directory is recursed) into OUTDIR, each written atomically, so several hooks may run at once.

#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "run/summarise.hpp"

namespace mammocalc {

struct HookConfig {
  std::vector<std::string> inputs;
  std::string output_dir;
  // Also the result as a DICOM SR (sr_writer) into this directory (--dicom-out: the output
  // directory; --dicom-dir DIR); empty: none.
  std::string dicom_dir;
  EvaluationConfig evaluation;
};

// Runs the hook. Objects that are not breast-imaging SRs (images, dose reports…) and mammocalc's
// own SRs ("written by mammocalc") are skipped with one log line and do not fail the run. One exam
// given twice (ExamsSeen) is summarised twice, never into one file: a copy is said on the later
// one's log line, two different results under one UID as an error line (both need review) that
// leaves the exit status alone. Returns 0, 1 when a received SR could not be summarised, or 3
// when an output could not be written.
ExitCode run_hook(const HookConfig& config, std::ostream& log);

}  // namespace mammocalc
