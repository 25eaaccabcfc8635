#include "run/hook.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "base/input_guard.hpp"
#include "base/line_log.hpp"
#include "base/uid.hpp"
#include "run/exam_records.hpp"
#include "run/same_exam.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {

namespace fs = std::filesystem;
namespace {

// How a hook call's summaries name an input of another call (E19).
constexpr const char* kHookCallInput = "hook call's input";

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// "both summarised (A, B), both need review" of two summaries, "all … each …" of more (hostile
// review 38, H38-14), one where the other result was refused (review 41, R41-16).
std::string summarised_for_review(const std::vector<std::string>& summaries) {
  if (summaries.size() == 1) {
    return "summarised (" + listed(summaries) + "; the other was not), needs review";
  }
  return summaries.size() == 2 ? "both summarised (" + listed(summaries) + "), both need review"
                               : "all summarised (" + listed(summaries) + "), each needs review";
}

// Amends the summaries earlier calls wrote of the exam (ExamRecords::Exam::amend_others): a
// failure fails the run (exit 3), a summary gone is said.
// With a summary of its own to write, an earlier summary left unamended for want of disk space
// (a full disk, a file size limit) fails the input (Error(OutputFailed)), as in serve: its summary
// beside one that says no review would be two results, one unflagged (hostile review 61, H61-1).
void amend_other_calls(const ExamRecords::Exam& recorded, const std::string& output_dir,
                       const std::string& this_summary, std::ostream& log, ExitCode& exit_code,
                       const std::string& result_sr_path = "",
                       const std::string& source_sop_instance_uid = "") {
  for (const ExamRecords::Amended& amended : recorded.amend_others(
           output_dir, this_summary, kHookCallInput, result_sr_path, source_sop_instance_uid)) {
    if (!this_summary.empty() && amended.outcome == ExamRecords::Amended::Outcome::CouldNotWrite) {
      throw Error(ErrorCode::OutputFailed, amended.message);
    }
    if (amended.outcome == ExamRecords::Amended::Outcome::Gone ||
        (amended.outcome == ExamRecords::Amended::Outcome::Amended && !amended.message.empty())) {
      log << log_line("mammocalc hook", amended.message);
    } else if (amended.outcome == ExamRecords::Amended::Outcome::Failed ||
               amended.outcome == ExamRecords::Amended::Outcome::CouldNotWrite) {
      log << error_line(amended.message);
      exit_code = ExitCode::OutputFailed;
    }
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
  if (!config.dicom_dir.empty()) {
    guard.check_directory(config.dicom_dir, "--dicom-dir", "SRs");
    refuse_other_run_directory(config.dicom_dir, config.output_dir, "hook: --dicom-dir");
  }

  create_output_directory(config.output_dir);
  if (!config.dicom_dir.empty()) {
    claim_sr_directory(config.dicom_dir, config.output_dir);
  }
  Evaluation evaluation = load_evaluation(config.evaluation);
  read_run_annotations(evaluation, "mammocalc hook", log);
  // A study's SRs in one call (storescp --exec-on-eostudy) are one run, as in a batch: a file
  // that another of them takes is none of the others' business (hostile review 29, H29-7).
  if (const std::set<std::string> annotated = uids_annotated(evaluation); !annotated.empty()) {
    for (const InputFile& input : inputs) {
      if (auto named = annotated_input(input, annotated, evaluation)) {
        evaluation.annotated_inputs.push_back(std::move(*named));
      }
    }
  }
  SummaryFiles files;
  files.output_dir = config.output_dir;
  files.dicom_out_dir = config.dicom_dir;
  files.record_directory = (fs::path(config.output_dir) / ExamRecords::kDirectoryName).string();
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
  ExamRecords records(config.output_dir, evaluation.pseudonyms);
  std::vector<std::vector<std::string>> other_calls_said(inputs.size());
  // The summaries (and SRs) written before the exam of input `i` turned out to have another
  // result, written again to say so (E19).
  // A failure is said and the call goes on with the exam's other amendments; the first failure
  // is the call's (exit 3).
  const auto amend_earlier = [&](std::size_t i) {
    std::optional<Error> first_failure;
    for (const auto& [ordinal, amendment] : exams.amendments()) {
      if (!amendment.latest || amendment.latest->index != i) continue;
      InputResult earlier_result;
      earlier_result.said_briefly = amendment.said_briefly;
      std::vector<std::string> others =
          other_results_named(amendment.other_results, amendment.more_results,
                              [&](const ExamsSeen::Input& other) { return name_of(other.index); });
      others.insert(others.end(), other_calls_said[amendment.self.index].begin(),
                    other_calls_said[amendment.self.index].end());
      try {
        summarise_again(earlier_result, inputs[amendment.self.index], others, evaluation, files);
        write_outputs(earlier_result, output_names[amendment.self.index], files, Flush::Now);
      } catch (const Error& error) {
        // Its first reading says one result, unreviewed, of an exam with two: not left under the
        // exam's name (review 43, R43-4), each file said.
        const WithdrawnOutputs withdrawn =
            withdraw_outputs(output_names[amendment.self.index], files,
                             dicom_claims.stem_claimed_by(inputs[amendment.self.index].path));
        for (const std::string& line : withdrawn.said()) log << error_line(line);
        // The first is the call's, said where it is caught; later ones are said here.
        if (first_failure) {
          log << error_line(error.what());
        } else {
          first_failure = error;
        }
      }
    }
    if (first_failure) throw *first_failure;
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const InputFile& input = inputs[i];
    Rollup part;
    InputResult result = process_input(input, evaluation, files, part);
    IndexEntry& entry = result.entry;
    // What earlier calls recorded of its exam, held until it is written; one whose record cannot
    // be read is not summarised (it might replace an earlier call's summary unseen).
    bool unrecorded = false;
    const auto open_record = [&]() -> std::optional<ExamRecords::Exam> {
      if (entry.status != EntryStatus::Summarised) return std::nullopt;
      try {
        return records.open(result);
      } catch (const Error& error) {
        log << error_line(error.what());
        // A record of another naming kind, claimed meanwhile, is the call's (exit 2) as when
        // found at its start (review 43, R43-8); an unreadable one is an output failure.
        exit_code = error.code() == ErrorCode::Usage ? ExitCode::Usage : ExitCode::OutputFailed;
        unrecorded = true;
        return std::nullopt;
      }
    };
    std::optional<ExamRecords::Exam> recorded = open_record();
    if (unrecorded) continue;
    // A summary under the exam's name that the record does not know (written before the record
    // existed, or its record removed) is another result unless it is this one's, byte for byte
    // (hostile review 38, H38-4).
    // An exam known by its received name (an invalid UID) has summaries named by the input's file
    // name, which another exam's may have too: none is adopted (H56-2).
    const bool named_by_file = recorded && !is_uid(result.sop_instance_uid, 2);
    if (recorded && !named_by_file) {
      try {
        recorded->adopt_unrecorded(config.output_dir,
                                   output_name_for(result.sop_instance_uid, input.path),
                                   result.summary);
      } catch (const Error& error) {
        // Not summarised, as with a record that cannot be read; the call goes on (R41-7).
        log << error_line(error.what());
        exit_code = ExitCode::OutputFailed;
        continue;
      }
    }
    // The results earlier calls recorded of this exam other than this one.
    const std::vector<ExamRecords::Earlier> other_calls =
        recorded ? recorded->other_results() : std::vector<ExamRecords::Earlier>();
    const std::vector<std::string> other_summaries =
        recorded ? recorded->other_summaries() : std::vector<std::string>();
    const bool new_to_exam = !other_calls.empty() && !recorded->same_result();
    // With --dicom-out the exam has one SR file: where another result's SR holds it, this one's
    // would replace it, as in one call (DicomOutputClaims): not summarised, and recorded, so
    // that every summary of the exam says it has another result, now and when sent again
    // (hostile review 38, H38-1, H38-2).
    const bool sr_taken =
        std::any_of(other_calls.begin(), other_calls.end(),
                    [](const ExamRecords::Earlier& other) { return other.wrote_sr; });
    if (sr_taken && !files.dicom_out_dir.empty()) {
      log << error_line(input.path +
                        ": has the SOP Instance UID of an earlier hook call's input (" +
                        listed(other_summaries) +
                        ") and another result: its result SR would replace that one's; not "
                        "summarised, the earlier summaries need review");
      if (exit_code == ExitCode::Success) exit_code = ExitCode::InputFailed;
      try {
        recorded->record("", false);
      } catch (const Error& error) {
        log << error_line(error.what());
        exit_code = ExitCode::OutputFailed;
      }
      // The exam's result SR is another result's: it says so too (H40-4, R41-10).
      amend_other_calls(*recorded, config.output_dir, "", log, exit_code,
                        result_sr_path(files, result), result.sop_instance_uid);
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
          // Named by the input's file name (an invalid UID), a name on disk may be another
          // exam's summary, from another call: numbered on past it, never replaced (hostile
          // review 56, H56-2: a call replaced another object's summary unseen).
          const auto taken = [&](const std::string& candidate) {
            std::error_code error;
            return std::find(other_summaries.begin(), other_summaries.end(), candidate) !=
                       other_summaries.end() ||
                   (named_by_file &&
                    fs::exists(fs::symlink_status(fs::path(config.output_dir) / candidate, error)));
          };
          do {
            name = claim_output_name(result, evaluation.pseudonyms.enabled, used_names);
          } while (taken(name));
        }
        other_calls_said[i] = ExamRecords::earlier_named(other_calls, kHookCallInput);
        if (!other_calls.empty()) {
          summarise_again(result, input, other_calls_said[i], evaluation, files);
        }
        // Recorded before its summary is written: a call that dies in between leaves a record
        // that a later call reads as another result to review, never a summary it replaces
        // unseen.
        if (recorded) recorded->record(name, !files.dicom_out_dir.empty());
        // The earlier calls' summaries say this result too, before its own summary is written:
        // a call that dies in between leaves them asking for review (hostile review 38, H38-3),
        // and one sent again amends any that do not say it yet.
        try {
          if (recorded) amend_other_calls(*recorded, config.output_dir, name, log, exit_code);
          write_outputs(result, name, files, Flush::Now);
        } catch (const Error&) {
          // Nothing of an input whose outputs failed stays, its record line neither (hostile
          // review 59, H59-1: the exam's next result was a conflict with nothing).
          if (recorded) {
            const std::string left = recorded->withdraw();
            if (!left.empty()) log << error_line(left);
          }
          throw;
        }
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
          said += "; its exam has another result" +
                  (other_summaries.empty() ? std::string(", not summarised")
                                           : " in " + listed(other_summaries)) +
                  ": needs review";
        }
        log << log_line("mammocalc hook", said);
        if (later && later->conflicting) {
          // Neither result is a copy of the other: each summary of the exam says so (E19), the
          // earlier ones written again, and one line names both files and both summaries.
          std::vector<std::string> others = other_results_named(
              later->other_results, later->more_results,
              [&](const ExamsSeen::Input& other) { return name_of(other.index); });
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
          // A result no earlier call had: said once.
          std::vector<std::string> summaries = other_summaries;
          summaries.push_back(name);
          log << error_line(input.path + ": has the SOP Instance UID of an earlier hook call's " +
                            "input but another result: " + summarised_for_review(summaries));
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
