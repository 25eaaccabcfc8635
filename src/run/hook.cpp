#include "run/hook.hpp"

#include <set>
#include <utility>

#include "base/input_guard.hpp"
#include "base/line_log.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {

ExitCode run_hook(const HookConfig& config, std::ostream& log) {
  // The inputs first, so that no output directory lies inside an input directory (the next
  // call on that study directory would read the summaries as received objects): refused before
  // anything is created.
  std::vector<IndexEntry> unreadable;
  std::vector<std::string> input_directories;
  const std::vector<InputFile> inputs =
      collect_input_files(config.inputs, "", unreadable, &input_directories);
  InputGuard guard;
  for (const std::string& directory : input_directories) guard.add_directory(directory);
  for (const InputFile& input : inputs) guard.add_file(input.path);
  add_evaluation_inputs(config.evaluation, guard);
  guard.check_directory(config.output_dir, "output directory", "summaries");
  if (!config.dicom_dir.empty()) guard.check_directory(config.dicom_dir, "--dicom-dir", "SRs");

  create_output_directory(config.output_dir);
  if (!config.dicom_dir.empty()) create_output_directory(config.dicom_dir);
  Evaluation evaluation = load_evaluation(config.evaluation);
  read_run_annotations(evaluation, "mammocalc hook", log);
  // A study's SRs in one call (storescp --exec-on-eostudy) are one run, as in a batch: a file
  // that another of them takes is none of the others' business (hostile review 29, H29-7).
  if (const std::set<std::string> annotated = sop_instance_uids_annotated(evaluation);
      !annotated.empty()) {
    for (const InputFile& input : inputs) {
      if (auto named = annotated_input(input, annotated, evaluation)) {
        evaluation.annotated_inputs.push_back(std::move(*named));
      }
    }
  }
  SummaryFiles files;
  files.output_dir = config.output_dir;
  files.dicom_out_dir = config.dicom_dir;
  ExitCode exit_code = ExitCode::Success;
  // Directories the walk could not use: a symlink loop is skipped, an unlistable one failed.
  for (const IndexEntry& entry : unreadable) {
    if (entry.status == EntryStatus::Skipped) {
      log << log_line("mammocalc hook", entry.error + "; skipped");
    } else {
      log << error_line(entry.error);
      exit_code = ExitCode::InputFailed;
    }
  }
  UsedNames used_names;
  DicomOutputClaims dicom_claims;
  for (const InputFile& input : inputs) {
    Rollup ignored;
    InputResult result = process_input(input, evaluation, files, ignored);
    IndexEntry& entry = result.entry;
    if (entry.status == EntryStatus::Summarised && !files.dicom_out_dir.empty()) {
      dicom_claims.claim(result);
    }
    if (entry.status == EntryStatus::Summarised) {
      const std::string name = claim_output_name(result, evaluation.pseudonyms.enabled, used_names);
      try {
        write_outputs(result, name, files, Flush::Now);
        log << log_line("mammocalc hook", input.path + ": summarised to " + name);
      } catch (const Error& error) {
        log << error_line(error.what());
        exit_code = ExitCode::OutputFailed;
      }
    } else if (entry.status == EntryStatus::Skipped ||
               entry.error_code == ErrorCode::UnsupportedSopClass) {
      // Not an SR of ours: PACS sends every object of a study; that is no failure.
      log << log_line("mammocalc hook", entry.error + "; skipped");
    } else {
      log << error_line(entry.error);
      if (exit_code == ExitCode::Success) exit_code = ExitCode::InputFailed;
    }
  }
  return exit_code;
}

}  // namespace mammocalc
