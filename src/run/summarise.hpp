#pragma once
// One run of mammocalc: read → findings → rules → summary. A single-input summarize gets its
// RunConfig from resolve_summarize (run/summarize_command).

#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "dicom/dicom_structure.hpp"
#include "output/summary_writer.hpp"
#include "rules/rules.hpp"
#include "run/evaluation.hpp"

namespace mammocalc {

struct RunConfig {
  std::vector<std::string> inputs;  // SR files; "-" is standard input
  std::string output;               // empty: standard output
  EvaluationConfig evaluation;
  std::string dicom_out;  // also the result as a DICOM SR: a file, or a directory for UID.dcm
};

// Reads and evaluates one SR file (or "-"). Throws Error naming the input.
Report summarise_file(const std::string& path, const SiteProfile& profile);

// Evaluates an SR already in memory (e.g. received over the network); `name` names it in the
// summary and in errors. Merges the annotations that belong to it. The bytes are taken by value
// and handed on to the reader, which frees them once DCMTK has its copy.
Report summarise_bytes(std::string bytes, const std::string& name,
                       const std::vector<std::string>& annotations, const SiteProfile& profile,
                       const ReadLimits& limits = ReadLimits{});

// Reads one SR file (or "-"), merges the annotations that belong to it and evaluates it.
Report summarise_file(const std::string& path, const std::vector<std::string>& annotations,
                      const SiteProfile& profile, const ReadLimits& limits = ReadLimits{});

// Reads one SR file (or "-") within the run's limits, merges the run's annotations that belong to
// it and evaluates it with the run's site profile. Throws Error naming the input.
Report summarise_input(const std::string& path, const Evaluation& evaluation);

// The same for an SR already in memory (e.g. received over the network), named `name`.
Report summarise_input_bytes(std::string bytes, const std::string& name,
                             const Evaluation& evaluation);

// An annotation-only run: the findings of one annotation file on their own, evaluated.
Report summarise_annotations(const std::string& path, const SiteProfile& profile);

// Writes the report as a DICOM SR (sr_writer) to `file_or_directory` (in a directory, named by
// its SOP Instance UID), atomically; returns the path written. Throws Error(Usage) for an
// annotation-only report, Error(OutputFailed) when it cannot be written.
std::string write_dicom_summary(const Report& report, const std::string& file_or_directory);

// The summary XML of a report, as bytes.
std::string render_summary(const Report& report, const SummaryOptions& options);

// `mammocalc summarize`: writes the summary to config.output or to `out`.
// Throws Error; writes nothing when the input fails.
void run_summarize(const RunConfig& config, std::ostream& out);

// `mammocalc validate`: checks annotation files and site profiles for meaning, not only
// well-formedness. Writes one line per problem to `out`; returns true when every file is valid.
bool run_validate(const std::vector<std::string>& files, std::ostream& out);

}  // namespace mammocalc
