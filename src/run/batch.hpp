#pragma once
// Batch runs over many SR files: one summary per SR in an output directory, an index of every
// input and a roll-up. Inputs are processed in parallel and committed in input order, so the
// outputs are the same whatever the number of jobs.

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "dicom/dicom_structure.hpp"
#include "output/batch_index.hpp"
#include "output/summary_writer.hpp"
#include "rules/rules.hpp"
#include "run/evaluation.hpp"

namespace mammocalc {

struct BatchConfig {
  std::vector<std::string> inputs;  // files and directories (recursed)
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

// Collects the input files: given files as they are, directories recursed in name order with
// symlink loops detected; "--files-from" paths after the others. A missing input is kept: it
// becomes a failed index entry, as one bad input never stops the batch.
std::vector<std::string> collect_batch_inputs(const BatchConfig& config,
                                              std::vector<IndexEntry>& unreadable);

// Runs the batch; writes summaries, index.xml and the optional CSV roll-up. Returns the exit code
// (0 all summarised or skipped, 1 an input failed, 3 an output could not be written).
ExitCode run_batch(const BatchConfig& config, std::ostream& progress);

// A PACS hook run (`mammocalc hook --out OUTDIR PATH...`), made for DCMTK's storescp
// --exec-on-reception / --exec-on-eostudy: summarises the SRs among the received files (a
// directory is recursed) into OUTDIR, each written atomically, so several hooks may run at once.
struct HookConfig {
  std::vector<std::string> inputs;
  std::string output_dir;
  bool dicom_out = false;  // also the result as a DICOM SR beside the summary (sr_writer)
  EvaluationConfig evaluation;
};

// Runs the hook. Objects that are not breast-imaging SRs (images, dose reports…) are skipped
// with one log line and do not fail the run. Returns 0, 1 when a received SR could not be
// summarised, or 3 when an output could not be written.
ExitCode run_hook(const HookConfig& config, std::ostream& log);

// The output file name for an input: "<SOPInstanceUID>.xml" when the UID is valid, else the
// input's file name made safe; never a path, never "index.xml".
std::string output_name_for(const std::string& sop_instance_uid, const std::string& input);

}  // namespace mammocalc
