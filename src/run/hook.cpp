#include "run/hook.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "base/input_guard.hpp"
#include "base/line_log.hpp"
#include "run/same_exam.hpp"
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
  // One exam read twice in this call (a copy under another name, two reports under one UID),
  // judged as a batch judges it; with no index or roll-up here, what the batch's index says goes
  // to the log (hostile review 33).
  ExamsSeen exams;
  std::vector<std::string> output_names(inputs.size());
  // How a summary names another input of this call: by its path, or where pseudonymised by its
  // place, as a batch's index does (review 40, R40-7: a path may name the patient).
  const auto name_of = [&](std::size_t index) {
    return evaluation.pseudonyms.enabled ? "input-" + std::to_string(index + 1)
                                         : inputs[index].path;
  };
  // The summaries (and SRs) written before the exam of input `i` turned out to have another
  // result, written again to say so (E19).
  const auto amend_earlier = [&](std::size_t i) {
    for (const auto& [ordinal, amendment] : exams.amendments()) {
      if (!amendment.other_result || amendment.other_result->index != i) continue;
      InputResult earlier_result;
      earlier_result.said_briefly = amendment.said_briefly;
      summarise_again(earlier_result, inputs[amendment.self.index], {name_of(i)}, evaluation,
                      files);
      write_outputs(earlier_result, output_names[amendment.self.index], files, Flush::Now);
    }
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const InputFile& input = inputs[i];
    Rollup part;
    InputResult result = process_input(input, evaluation, files, part);
    IndexEntry& entry = result.entry;
    if (entry.status == EntryStatus::Summarised && !files.dicom_out_dir.empty() &&
        !dicom_claims.claim(result)) {
      // Another result under an earlier input's UID, not summarised: the earlier summaries say
      // so all the same (E19; hostile review 36, H36-12).
      if (const auto later = exams.unsummarised_result(result, {i, i});
          later && later->first_difference) {
        try {
          amend_earlier(i);
        } catch (const Error& error) {
          log << error_line(error.what());
          exit_code = ExitCode::OutputFailed;
        }
      }
    }
    if (entry.status == EntryStatus::Summarised) {
      const std::string name = claim_output_name(result, evaluation.pseudonyms.enabled, used_names);
      try {
        write_outputs(result, name, files, Flush::Now);
        // An exam's first input is the first one whose summary is on disk.
        const std::optional<ExamsSeen::Later> later = exams.later_of_exam(result, {i, i}, part);
        output_names[i] = name;
        std::string said = input.path + ": summarised to " + name;
        if (later && !later->differs) {
          const std::size_t first = later->copy_of.index;
          said += "; the same exam as " + inputs[first].path +
                  " (one SOP Instance UID, the same result), summarised to " + output_names[first];
        }
        log << log_line("mammocalc hook", said);
        if (later && later->conflicting) {
          // Neither result is a copy of the other: each summary of the exam says so (E19), the
          // earlier ones written again, and one line names both files and both summaries.
          std::vector<std::string> others(later->other_results.size());
          std::transform(later->other_results.begin(), later->other_results.end(), others.begin(),
                         [&](const ExamsSeen::Input& other) { return name_of(other.index); });
          summarise_again(result, input, others, evaluation, files);
          write_outputs(result, name, files, Flush::Now);
          if (later->first_difference) amend_earlier(i);
          if (later->differs) {
            const std::size_t first = later->first.index;
            log << error_line(input.path + ": has the SOP Instance UID of " + inputs[first].path +
                              ", another input of this run, but another result: both summarised (" +
                              output_names[first] + ", " + name + "), both need review");
          }
        }
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
