#include "run/hook.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "base/input_guard.hpp"
#include "base/line_log.hpp"
#include "output/summary_writer.hpp"
#include "run/hook_ledger.hpp"
#include "run/same_exam.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {
namespace {

// How a summary names an input of an earlier or a later hook call into its directory (E19):
// by the summary it gave, which says nothing a summary of its own does not.
std::string earlier_call_input(const std::string& summary_name) {
  return "an earlier hook call's input, summarised to " + summary_name + ",";
}
std::string later_call_input(const std::string& summary_name) {
  return "a later hook call's input, summarised to " + summary_name + ",";
}

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// Amends the summary `name` an earlier call wrote: its exam has another result (E19), which
// `other` names. A summary no longer there is said and left; one that cannot be amended fails
// the run (exit 3).
void amend_other_call(const std::string& output_dir, const std::string& name,
                      const std::string& other, std::ostream& log, ExitCode& exit_code) {
  const std::string path = (std::filesystem::path(output_dir) / name).string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    log << log_line("mammocalc hook",
                    path + ": no longer there, so it cannot say that its exam has another result");
    return;
  }
  const std::string summary{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // E19 and its finding row W25, as a summary made knowing the other result has them.
  const Rule* exam_rule = find_rule("E19");
  const Rule* finding_rule = find_rule("W25");
  const FiredRule finding_row{finding_rule, finding_rule->outcome, {}};
  const std::optional<std::string> amended =
      in.bad() ? std::nullopt
               : summary_with_exam_rule(summary, FiredRule{exam_rule, exam_rule->outcome, {}},
                                        &finding_row, WarningCode::SameExamConflict,
                                        same_exam_conflict_text(other));
  try {
    if (!amended) {
      throw Error(ErrorCode::OutputFailed,
                  path +
                      ": not a summary mammocalc can read, so it cannot say that its exam "
                      "has another result; review it by hand");
    }
    write_file_atomically(path, *amended);
  } catch (const Error& error) {
    log << error_line(error.what());
    exit_code = ExitCode::OutputFailed;
  }
}

}  // namespace

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
  // What earlier calls into the output directory wrote of an input's exam with another result,
  // as its summary names them (E19 across calls, H37-6), by input.
  HookLedger ledger(config.output_dir, evaluation.pseudonyms);
  std::vector<std::vector<std::string>> other_calls_said(inputs.size());
  // The summaries (and SRs) written before the exam of input `i` turned out to have another
  // result, written again to say so (E19).
  const auto amend_earlier = [&](std::size_t i) {
    for (const auto& [ordinal, amendment] : exams.amendments()) {
      const std::vector<ExamsSeen::Input>& other_results = amendment.other_results;
      if (std::none_of(other_results.begin(), other_results.end(),
                       [&](const ExamsSeen::Input& other) { return other.index == i; })) {
        continue;
      }
      InputResult earlier_result;
      earlier_result.said_briefly = amendment.said_briefly;
      std::vector<std::string> others(other_results.size());
      std::transform(other_results.begin(), other_results.end(), others.begin(),
                     [&](const ExamsSeen::Input& other) {
                       return another_input_of_run(name_of(other.index));
                     });
      others.insert(others.end(), other_calls_said[amendment.self.index].begin(),
                    other_calls_said[amendment.self.index].end());
      summarise_again(earlier_result, inputs[amendment.self.index], others, evaluation, files);
      write_outputs(earlier_result, output_names[amendment.self.index], files, Flush::Now);
    }
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const InputFile& input = inputs[i];
    Rollup part;
    InputResult result = process_input(input, evaluation, files, part);
    IndexEntry& entry = result.entry;
    // What earlier calls recorded of its exam, held until it is written; one whose record cannot
    // be read is not summarised (it might replace an earlier call's summary unseen).
    bool unrecorded = false;
    const auto open_record = [&]() -> std::optional<HookLedger::Exam> {
      if (entry.status != EntryStatus::Summarised) return std::nullopt;
      try {
        return ledger.open(result);
      } catch (const Error& error) {
        log << error_line(error.what());
        exit_code = ExitCode::OutputFailed;
        unrecorded = true;
        return std::nullopt;
      }
    };
    std::optional<HookLedger::Exam> recorded = open_record();
    if (unrecorded) continue;
    // The summaries earlier calls wrote of this exam with another result.
    std::vector<std::string> other_calls;
    if (recorded) {
      for (const HookLedger::Earlier& earlier : recorded->earlier()) {
        if (!earlier.same_result) other_calls.push_back(earlier.summary_name);
      }
    }
    const bool new_to_exam = !other_calls.empty() && !recorded->same_result();
    if (new_to_exam && !files.dicom_out_dir.empty()) {
      // Its result SR would replace the earlier call's, as in one call (DicomOutputClaims): not
      // summarised, and the earlier summaries say that the exam has another result all the same.
      log << error_line(input.path +
                        ": has the SOP Instance UID of an earlier hook call's input (" +
                        listed(other_calls) +
                        ") and another result: its result SR would replace that one's; not "
                        "summarised, the earlier summaries need review");
      if (exit_code == ExitCode::Success) exit_code = ExitCode::InputFailed;
      for (const std::string& other : other_calls) {
        amend_other_call(config.output_dir, other,
                         "a later hook call's input, not summarised (its result SR would "
                         "replace this report's),",
                         log, exit_code);
      }
      continue;
    }
    if (entry.status == EntryStatus::Summarised && !files.dicom_out_dir.empty() &&
        !dicom_claims.claim(result)) {
      // Another result under an earlier input's UID, not summarised: the earlier summaries say
      // so all the same (E19; hostile review 36, H36-12).
      if (const auto later = exams.unsummarised_result(result, {i, i})) {
        try {
          amend_earlier(i);
        } catch (const Error& error) {
          log << error_line(error.what());
          exit_code = ExitCode::OutputFailed;
        }
      }
    }
    if (entry.status == EntryStatus::Summarised) {
      try {
        // The same result as an earlier call's (the object sent again) replaces its summary;
        // another takes a name no earlier call of the exam holds.
        std::string name;
        bool sent_again = false;
        if (const auto same = recorded ? recorded->same_result() : std::nullopt;
            same && !used_names.contains(*same)) {
          name = *same;
          used_names.insert(name);
          sent_again = true;
        } else {
          do {
            name = claim_output_name(result, evaluation.pseudonyms.enabled, used_names);
          } while (std::find(other_calls.begin(), other_calls.end(), name) != other_calls.end());
        }
        for (const std::string& other : other_calls) {
          other_calls_said[i].push_back(earlier_call_input(other));
        }
        if (!other_calls.empty()) {
          summarise_again(result, input, other_calls_said[i], evaluation, files);
        }
        // Recorded before its summary is written: a call that dies in between leaves a record
        // that a later call reads as another result to review, never a summary it replaces
        // unseen.
        if (recorded) recorded->record(name);
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
        if (sent_again) said += "; the same result as an earlier hook call's input, replaced";
        if (!other_calls.empty() && !new_to_exam) {
          said += "; its exam has another result in " + listed(other_calls) + ": needs review";
        }
        log << log_line("mammocalc hook", said);
        if (later && later->conflicting) {
          // Neither result is a copy of the other: each summary of the exam says so (E19), the
          // earlier ones written again, and one line names both files and both summaries.
          std::vector<std::string> others(later->other_results.size());
          std::transform(later->other_results.begin(), later->other_results.end(), others.begin(),
                         [&](const ExamsSeen::Input& other) {
                           return another_input_of_run(name_of(other.index));
                         });
          others.insert(others.end(), other_calls_said[i].begin(), other_calls_said[i].end());
          summarise_again(result, input, others, evaluation, files);
          write_outputs(result, name, files, Flush::Now);
          if (later->differs) {
            amend_earlier(i);
            const std::size_t first = later->first.index;
            log << error_line(input.path + ": has the SOP Instance UID of " + inputs[first].path +
                              ", another input of this run, but another result: both summarised (" +
                              output_names[first] + ", " + name + "), both need review");
          }
        }
        if (new_to_exam) {
          // A result no earlier call had: the earlier calls' summaries say so too.
          log << error_line(input.path + ": has the SOP Instance UID of an earlier hook call's " +
                            "input but another result: both summarised (" + listed(other_calls) +
                            ", " + name + "), both need review");
          for (const std::string& other : other_calls) {
            amend_other_call(config.output_dir, other, later_call_input(name), log, exit_code);
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
