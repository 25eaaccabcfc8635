#include "run/hook.hpp"

#include "run/summary_files.hpp"

namespace mammocalc {

ExitCode run_hook(const HookConfig& config, std::ostream& log) {
  create_output_directory(config.output_dir);
  const Evaluation evaluation = load_evaluation(config.evaluation);
  SummaryFiles files;
  files.output_dir = config.output_dir;
  if (config.dicom_out) files.dicom_out_dir = config.output_dir;
  std::vector<IndexEntry> unreadable;
  const std::vector<InputFile> inputs = collect_input_files(config.inputs, "", unreadable);
  UsedNames used_names;
  ExitCode exit_code = ExitCode::Success;
  for (const InputFile& input : inputs) {
    Rollup ignored;
    const InputResult result = process_input(input, evaluation, files, ignored);
    const IndexEntry& entry = result.entry;
    if (entry.status == EntryStatus::Summarised) {
      const std::string name = claim_output_name(result.sop_instance_uid, input.path, used_names);
      try {
        write_outputs(result, name, files, Flush::Now);
        log << "mammocalc hook: " << input.path << ": summarised to " << name << "\n";
      } catch (const Error& error) {
        log << "mammocalc hook: " << error.what() << "\n";
        exit_code = ExitCode::OutputFailed;
      }
    } else if (entry.status == EntryStatus::Skipped ||
               entry.error_code == ErrorCode::UnsupportedSopClass) {
      // Not an SR of ours: PACS sends every object of a study; that is no failure.
      log << "mammocalc hook: " << entry.error << "; skipped\n";
    } else {
      log << "mammocalc hook: " << entry.error << "\n";
      if (exit_code == ExitCode::Success) exit_code = ExitCode::InputFailed;
    }
  }
  return exit_code;
}

}  // namespace mammocalc
