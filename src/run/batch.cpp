#include "run/batch.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/input_guard.hpp"
#include "base/line_log.hpp"
#include "output/pseudonyms.hpp"
#include "review/review_html.hpp"
#include "run/exam_records.hpp"
#include "run/same_exam.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

// Inputs are processed in chunks of this many per job, then committed in input order: memory
// stays bounded and the output does not depend on the number of jobs.
constexpr std::size_t kChunkPerJob = 32;

// Runs work(job, i) for every i below count on `jobs` threads (this one among them), each
// taking the next index as it finishes the last.
template <typename Work>
void run_on_jobs(unsigned jobs, std::size_t count, const Work& work) {
  std::atomic<std::size_t> next{0};
  const auto run = [&](unsigned job) {
    for (std::size_t i = next++; i < count; i = next++) work(job, i);
  };
  std::vector<std::thread> workers;
  for (unsigned job = 1; job < jobs; ++job) workers.emplace_back(run, job);
  run(0);
  for (auto& worker : workers) worker.join();
}

void merge_into(Rollup& total, const Rollup& part) { total.merge(part); }

class ProgressLine {
 public:
  ProgressLine(std::ostream& out, bool enabled, std::size_t total)
      : out_(out), enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()) {}

  void update(std::size_t done, int failures) {
    if (!enabled_) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    out_ << "\r" << done << "/" << total_ << " inputs, " << failures << " failed, "
         << static_cast<long>(rate) << " files/s   " << std::flush;
  }
  void finish() {
    if (enabled_) out_ << "\n" << std::flush;
  }
  // An error line of its own (error_line: one line whatever the message holds), the progress line
  // cleared first and drawn again at the next update; said whether or not progress is shown.
  void say_error(std::string_view message) {
    if (enabled_) out_ << "\r\x1b[K";
    out_ << error_line(message) << std::flush;
  }

 private:
  std::ostream& out_;
  bool enabled_;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_;
};

// A batch's --dicom-out names a directory, created when missing.
void create_dicom_out_directory(const std::string& directory) {
  std::error_code ignored;
  fs::create_directories(directory, ignored);
  if (!fs::is_directory(directory)) {
    throw Error(ErrorCode::Usage, "summarize: --dicom-out in a batch must be a directory");
  }
}

// The roll-up CSV may sit in the output directory, but not under a name the batch writes itself
// (a summary, a page, the index): one of the two would be lost.
// Throws Error(Usage) when `output_dir` holds the record of exams of hook or serve.
void refuse_record_of_exams(const std::string& output_dir) {
  std::error_code error;
  if (fs::exists(fs::symlink_status(fs::path(output_dir) / ExamRecords::kDirectoryName, error))) {
    throw Error(ErrorCode::Usage,
                output_dir + ": holds the record of exams of hook or serve (" +
                    ExamRecords::kDirectoryName +
                    "), whose summaries a batch would replace unseen; use another output "
                    "directory");
  }
}

void refuse_rollup_among_outputs(const BatchConfig& config) {
  if (config.rollup_csv.empty()) return;
  const fs::path csv(config.rollup_csv);
  const fs::path parent = csv.parent_path().empty() ? fs::path(".") : csv.parent_path();
  const std::string extension = csv.extension().string();
  const bool in_output_directory = same_path(parent.string(), config.output_dir);
  // The guard files (.mammocalc-naming, .mammocalc-exams) too: replaced, they would refuse every
  // later run with a wrong reason (hostile review 53, H53-3).
  const bool guard_file = csv.filename().string().rfind(".mammocalc", 0) == 0;
  if (in_output_directory && (extension == ".xml" || extension == ".html" || guard_file)) {
    throw Error(ErrorCode::Usage, config.rollup_csv +
                                      ": --rollup-csv would replace a summary, page, index or "
                                      "record of the batch; give it a .csv name");
  }
  // Among the result SRs it could take one's name, and the PACS would be sent a CSV (H53-2).
  if (!config.dicom_out_dir.empty() && same_path(parent.string(), config.dicom_out_dir)) {
    throw Error(ErrorCode::Usage, config.rollup_csv +
                                      ": --rollup-csv may not be written into the --dicom-out "
                                      "directory, where it could replace a result SR");
  }
}

}  // namespace

ExitCode run_batch(const BatchConfig& config, std::ostream& errors) {
  // The inputs first, so that no output is one of them and no output directory lies inside an
  // input directory: refused before anything is created.
  std::vector<IndexEntry> unreadable;
  std::vector<std::string> input_directories;
  const std::vector<InputFile> inputs =
      collect_input_files(config.inputs, config.files_from, unreadable, &input_directories);
  InputGuard guard;
  for (const std::string& directory : input_directories) guard.add_directory(directory);
  for (const InputFile& input : inputs) guard.add_file(input.path);
  add_evaluation_inputs(config.evaluation, guard);
  if (config.files_from != "-") guard.add_file(config.files_from);
  guard.check_directory(config.output_dir, "output directory", "summaries");
  if (!config.dicom_out_dir.empty()) {
    guard.check_directory(config.dicom_out_dir, "--dicom-out directory", "SRs");
  }
  guard.check_file_outside_inputs(config.rollup_csv, "--rollup-csv");
  refuse_rollup_among_outputs(config);
  if (!config.dicom_out_dir.empty()) {
    refuse_other_run_directory(config.dicom_out_dir, config.output_dir, "summarize: --dicom-out");
  }
  // A directory hook or serve keeps its record of exams in: a batch names and replaces
  // summaries by its own inputs alone, so it would write over their results unseen (hostile
  // review 40, H40-1, H40-2). Refused before anything is read or written.
  refuse_record_of_exams(config.output_dir);

  if (!config.dicom_out_dir.empty()) create_dicom_out_directory(config.dicom_out_dir);
  create_output_directory(config.output_dir);
  if (!config.dicom_out_dir.empty()) claim_sr_directory(config.dicom_out_dir, config.output_dir);
  Evaluation evaluation = load_evaluation(config.evaluation);
  refuse_other_naming(config.output_dir, naming_of(evaluation.pseudonyms));
  const bool claimed = claim_batch_naming(config.output_dir, naming_of(evaluation.pseudonyms));
  // Asked again now that the directory is claimed: a hook call or serve that came before the
  // claim has made its record by now, and one that comes after it sees the claim and is refused
  // (hostile review 46, H46-8: a hook call's summary made while a batch ran was replaced by it).
  try {
    refuse_record_of_exams(config.output_dir);
  } catch (const Error&) {
    // The claim is withdrawn: left, it would refuse hook or serve for good (review 47, R47-6).
    std::error_code error;
    if (claimed) fs::remove(fs::path(config.output_dir) / kBatchNamingFile, error);
    throw;
  }
  read_run_annotations(evaluation, "mammocalc", errors);
  // No record of exams: a batch names and replaces its own outputs by its inputs.
  const SummaryFiles files{config.output_dir, config.html, config.dicom_out_dir, ""};
  const unsigned jobs = std::max(1u, config.jobs);
  const std::size_t chunk_size = kChunkPerJob * jobs;
  // The inputs an annotation file names, found before any is summarised: a file that another
  // input of this run takes is none of the other SRs' business (hostile review 29, H29-7).
  // Only where a file names an SR, and read only as far as each input's study.
  if (const std::set<std::string> annotated = uids_annotated(evaluation); !annotated.empty()) {
    for (std::size_t start = 0; start < inputs.size(); start += chunk_size) {
      std::vector<std::optional<AnnotatedInput>> found(std::min(chunk_size, inputs.size() - start));
      run_on_jobs(jobs, found.size(), [&](unsigned /*job*/, std::size_t i) {
        found[i] = annotated_input(inputs[start + i], annotated, evaluation);
      });
      for (const std::optional<AnnotatedInput>& input : found) {
        if (input) evaluation.annotated_inputs.push_back(*input);
      }
    }
  }
  UsedNames used_names;
  // The summaries this run wrote or kept, for the leftovers of their exams (R43-12).
  UsedNames written_names;
  DicomOutputClaims dicom_claims;
  used_names.insert("index.xml");
  ProgressLine progress(errors, config.progress, inputs.size());
  bool output_failed = false;
  // The entries go to a spill file as they come (the index head needs the final counts), so the
  // memory a batch needs does not grow with its length; --html keeps them for index.html.
  BatchIndex index;
  IndexCounts counts;
  std::size_t pseudonymised_inputs = 0;
  // Every annotation path of the run (a directory's entries too), as an error text may name it:
  // by the label the summaries give it (hostile review 29, H29-12).
  const std::vector<std::pair<std::string, std::string>> run_annotation_labels =
      annotation_labels(annotation_paths_of_run(evaluation));
  ExamsSeen exams;
  // How the index names an input: by its path, or its label where pseudonymised (record).
  const auto index_name = [&](const ExamsSeen::Input& input) {
    return evaluation.pseudonyms.enabled ? "input-" + std::to_string(input.ordinal + 1)
                                         : inputs[input.index].path;
  };
  std::vector<long> entry_offsets;  // where each entry starts in the spill file
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> spill(std::tmpfile(), &std::fclose);
  if (!spill) {
    throw Error(ErrorCode::OutputFailed, config.output_dir + ": no temporary file for the index");
  }
  const auto record = [&](IndexEntry&& entry) {
    // Every failed input is said once on standard error, --quiet or not (issue 15); skipped
    // inputs are no errors. The entry's error text names the file.
    if (entry.status == EntryStatus::Failed) progress.say_error(entry.error);
    if (evaluation.pseudonyms.enabled) {
      // The index may travel with the summaries: the input's path, which may name the patient,
      // becomes its place in the walk, wherever the error text names it, and so do the
      // annotation paths an error names (hostile review 28, H28-7); standard error above still
      // names them for the operator.
      const std::string label = "input-" + std::to_string(++pseudonymised_inputs);
      std::vector<std::pair<std::string, std::string>> labels = run_annotation_labels;
      labels.emplace_back(entry.input, label);
      entry.error = with_labels(std::move(entry.error), labels);
      entry.input = label;
    }
    counts.add(entry);
    entry_offsets.push_back(std::ftell(spill.get()));
    std::ostringstream text;
    write_index_entry(entry, text);
    const std::string line = text.str();
    if (std::fwrite(line.data(), 1, line.size(), spill.get()) != line.size()) {
      throw Error(ErrorCode::OutputFailed, config.output_dir + ": cannot spill the index");
    }
    if (config.html) index.entries.push_back(std::move(entry));
  };
  for (IndexEntry& entry : unreadable) record(std::move(entry));
  // --skip-existing: an earlier run's summary is not kept, said once per summary.
  const auto say_replaced = [&](const std::string& output) {
    progress.say_error((fs::path(config.output_dir) / output).string() +
                       ": the summary an earlier run left is not this run's (the SR, an "
                       "annotation file, the site profile, a lexicon, an option or mammocalc "
                       "changed since, another result of its exam came or went, or it was cut "
                       "short): summarised again, not kept (--skip-existing)");
  };
  // By their entry's ordinal: the results of EarlierOutputs::Undecided inputs, not yet written.
  std::map<std::size_t, InputResult> undecided_results;
  // Their roll-up parts, counted once their summaries are on disk (review 43, R43-2).
  std::map<std::size_t, Rollup> undecided_rollups;
  // By ordinal: the entries whose roll-up parts were merged, and those of mammocalc's own SRs
  // whose radiologist's report came in a later chunk and counts instead (hostile review 50,
  // H50-2): their entries are amended to inRollup false at the end.
  std::vector<bool> merged_parts;
  std::set<std::size_t> left_rollup;

  for (std::size_t chunk_start = 0; chunk_start < inputs.size(); chunk_start += chunk_size) {
    const std::size_t chunk_end = std::min(inputs.size(), chunk_start + chunk_size);
    std::vector<InputResult> outcomes(chunk_end - chunk_start);
    // Per input, so that an input that fails after it was summarised (DicomOutputClaims) is not
    // counted.
    std::vector<Rollup> rollups(outcomes.size());
    run_on_jobs(jobs, outcomes.size(), [&](unsigned /*job*/, std::size_t i) {
      outcomes[i] = process_input(inputs[chunk_start + i], evaluation, files, rollups[i]);
    });

    // Names are claimed in input order, so they are the same whatever the number of jobs; the
    // files are then written in parallel (creating files costs the kernel as much as reading).
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      IndexEntry& entry = outcomes[i].entry;
      if (entry.status != EntryStatus::Summarised) continue;
      // Its entry will be the index's next after the chunk's earlier ones.
      const ExamsSeen::Input input{chunk_start + i, counts.inputs + i};
      if (!files.dicom_out_dir.empty() && !dicom_claims.claim(outcomes[i])) {
        // Another result under an earlier input's UID, not summarised: the earlier entries
        // say so all the same (E19, amended at the end; hostile review 36, H36-12).
        if (const auto found = exams.unsummarised_result(outcomes[i], input);
            found && found->first_difference) {
          index.rollup.needs_review += found->first_findings_not_for_review;
          index.rollup.exams_needing_review += found->first_exams_not_for_review;
          ++index.rollup.same_exam_conflicts;
        }
        continue;
      }
      if (const auto found = exams.later_of_exam(outcomes[i], input, rollups[i])) {
        const ExamsSeen::Later& later = *found;
        entry.same_exam_as = index_name(later.first);
        entry.in_rollup = later.differs || later.counted_instead_of.has_value();
        if (later.counted_instead_of) {
          // The radiologist's report counts, not mammocalc's own SR of it read before.
          const ExamsSeen::Input own = *later.counted_instead_of;
          if (own.index >= chunk_start) {
            outcomes[own.index - chunk_start].entry.in_rollup = false;  // not merged yet
          } else {
            if (undecided_rollups.erase(own.ordinal) == 0 && own.ordinal < merged_parts.size() &&
                merged_parts[own.ordinal]) {
              index.rollup.remove(later.own_part);
            }
            left_rollup.insert(own.ordinal);
            if (config.html) index.entries[own.ordinal].in_rollup = false;
          }
        }
        if (later.conflicting) {
          // Two results under one UID: every input of the exam needs review, and every finding
          // counted of it; its summary names the others (E19).
          entry.same_exam_differs = true;
          entry.needs_review = true;
          rollups[i].needs_review = rollups[i].findings;
          rollups[i].exams_needing_review = rollups[i].exams;
          const std::vector<std::string> others =
              other_results_named(later.other_results, later.more_results, index_name);
          try {
            summarise_again(outcomes[i], inputs[chunk_start + i], others, evaluation, files);
          } catch (const Error& error) {
            // Its first reading does not say the other result: not written as its summary
            // (review 41, R41-4); record() says the failure.
            entry.status = EntryStatus::Failed;
            entry.error_code = error.code();
            entry.error = error.what();
          }
        }
        if (later.first_difference) {
          index.rollup.needs_review += later.first_findings_not_for_review;
          index.rollup.exams_needing_review += later.first_exams_not_for_review;
          ++index.rollup.same_exam_conflicts;
        }
        std::string said = entry.input;
        if (later.differs) {
          said += ": has the SOP Instance UID of ";
          said += inputs[later.first.index].path;
          said +=
              ", another input of this run, but another result: both summarised and counted "
              "in the roll-up, both need review";
        } else {
          said += ": the same exam as ";
          said += inputs[later.copy_of.index].path;
          said +=
              " (one SOP Instance UID, or mammocalc's own SR of it): summarised, but counted "
              "once in the roll-up, by ";
          said += later.counted_instead_of
                      ? entry.input + " (the radiologist's report, not mammocalc's own SR)"
                      : inputs[later.copy_of.index].path;
          if (later.conflicting) said += " (whose exam has another result too: review)";
        }
        progress.say_error(said);
      }
      if (entry.status != EntryStatus::Summarised) continue;
      entry.output = claim_output_name(outcomes[i], evaluation.pseudonyms.enabled, used_names);
    }
    // Inputs whose earlier summary says their exam has another result where theirs does not
    // yet: written at the end, when the run knows (EarlierOutputs::Undecided).
    std::vector<char> undecided(outcomes.size(), 0);
    run_on_jobs(jobs, outcomes.size(), [&](unsigned /*job*/, std::size_t i) {
      IndexEntry& entry = outcomes[i].entry;
      if (entry.status != EntryStatus::Summarised) return;
      if (config.skip_existing) {
        // Kept only when it is this run's, byte for byte: a summary made before an annotation
        // file, the SR, the site profile, a lexicon or an option changed (hostile review,
        // issue 18, F8), or one cut short by a power failure, is written again.
        const EarlierOutputs earlier = earlier_outputs(outcomes[i], entry.output, files);
        if (earlier == EarlierOutputs::Same) {
          entry.existing = true;
          return;
        }
        if (earlier == EarlierOutputs::Undecided) {
          undecided[i] = true;
          return;
        }
        entry.replaced = earlier == EarlierOutputs::Different;
      }
      try {
        write_outputs(outcomes[i], entry.output, files, Flush::Deferred);
      } catch (const Error& write_error) {
        entry.status = EntryStatus::Failed;
        entry.replaced = false;  // what the earlier run left stays (write_outputs)
        // A name something else holds (a directory) is an output that cannot be written here,
        // as any other (exit 3; hostile review 42, H42-10).
        entry.error_code =
            write_error.code() == ErrorCode::Usage ? ErrorCode::OutputFailed : write_error.code();
        entry.error = write_error.what();
      }
    });
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      InputResult& outcome = outcomes[i];
      if (outcome.entry.error_code == ErrorCode::OutputFailed) output_failed = true;
      if (outcome.entry.replaced) say_replaced(outcome.entry.output);
      // Only what is on disk counts in the roll-up: not an input whose summary failed (H42-10),
      // nor yet one held to the end.
      const std::size_t ordinal = entry_offsets.size();
      if (outcome.entry.status == EntryStatus::Summarised && outcome.entry.in_rollup) {
        if (undecided[i] != 0) {
          undecided_rollups.emplace(ordinal, rollups[i]);
        } else {
          merge_into(index.rollup, rollups[i]);
          if (merged_parts.size() <= ordinal) merged_parts.resize(ordinal + 1, false);
          merged_parts[ordinal] = true;
        }
      }
      if (outcome.entry.status == EntryStatus::Summarised)
        written_names.insert(outcome.entry.output);
      record(std::move(outcome.entry));
      if (undecided[i] != 0) undecided_results.emplace(ordinal, std::move(outcome));
    }
    progress.update(chunk_end, static_cast<int>(counts.failed));
  }
  progress.finish();

  const long spill_end = std::ftell(spill.get());
  std::array<char, 65536> block;
  // The spilled entry of `ordinal`, read where it lies.
  const auto spilled_entry = [&](std::size_t ordinal) {
    const long from = entry_offsets[ordinal];
    const long to = ordinal + 1 < entry_offsets.size() ? entry_offsets[ordinal + 1] : spill_end;
    std::string written(static_cast<std::size_t>(to - from), '\0');
    if (std::fseek(spill.get(), from, SEEK_SET) != 0 ||
        std::fread(written.data(), 1, written.size(), spill.get()) != written.size()) {
      throw Error(ErrorCode::OutputFailed, config.output_dir + ": cannot read the spilled index");
    }
    return written;
  };
  // The entries written before the run knew all of their exam: those of an exam that turned out
  // to have another input (amended: named, and where it has another result, summarised again)
  // and the undecided ones; with --skip-existing each says what it did with the earlier run's
  // summary only now (review 40, R40-10). Their summaries are written before the index head, so
  // that one that cannot be written is a failed entry, counted as one (review 41, R41-4).
  std::set<std::size_t> ordinals;
  for (const auto& amended : exams.amendments()) ordinals.insert(amended.first);
  for (const auto& held : undecided_results) ordinals.insert(held.first);
  ordinals.insert(left_rollup.begin(), left_rollup.end());
  struct HeldOutcome {
    std::optional<EarlierOutputSaid> earlier;  // --skip-existing, as decided now
    std::optional<Error> failure;              // its summary could not be made or written
  };
  std::map<std::size_t, HeldOutcome> held_outcomes;
  for (const std::size_t ordinal : ordinals) {
    const WrittenEntry written = read_index_entry(spilled_entry(ordinal));
    // Empty where the entry is not summarised: nothing to write.
    const std::string& output = written.output;
    // This run's result for the entry's summary, where it is still to be written.
    std::optional<InputResult> result;
    if (const auto held = undecided_results.find(ordinal); held != undecided_results.end()) {
      result = std::move(held->second);
    }
    const bool was_undecided = result.has_value();
    IndexEntry* listed = config.html ? &index.entries[ordinal] : nullptr;
    HeldOutcome outcome;
    // The input whose first reading does not say its exam's other result, read again.
    const InputFile* amended_again = nullptr;
    if (const auto found = exams.amendments().find(ordinal); found != exams.amendments().end()) {
      const ExamsSeen::Amendment& amendment = found->second;
      if (listed != nullptr) {
        if (amendment.later) listed->same_exam_as = index_name(*amendment.later);
        listed->same_exam_differs = listed->same_exam_differs || amendment.differs;
        listed->needs_review = listed->needs_review || amendment.differs;
      }
      if (!amendment.other_results.empty() && !output.empty()) {
        // Its summary was written (or held) before another result came: summarised again,
        // naming every other result (E19).
        try {
          InputResult again;
          again.said_briefly = amendment.said_briefly;
          const std::vector<std::string> others =
              other_results_named(amendment.other_results, amendment.more_results, index_name);
          summarise_again(again, inputs[amendment.self.index], others, evaluation, files);
          result = std::move(again);
        } catch (const Error& error) {
          outcome.failure = error;
          result.reset();
        }
        amended_again = &inputs[amendment.self.index];
      }
    }
    if (result && !output.empty()) {
      bool existing = false;
      const EarlierOutputSaid said_at_first = written.earlier;
      bool replaced = said_at_first.replaced;
      // A summary this run wrote itself (none was there) is no earlier run's (review 41, R41-5).
      const bool earlier_run_left =
          was_undecided || said_at_first.existing || said_at_first.replaced;
      if (config.skip_existing && earlier_run_left) {
        // Kept when it is this run's after all; else replaced, said once.
        const EarlierOutputs earlier = earlier_outputs(*result, output, files);
        existing = earlier == EarlierOutputs::Same;
        if (!existing && earlier != EarlierOutputs::None && !replaced) {
          replaced = true;
          say_replaced(output);
        }
        if (existing) replaced = false;
      }
      if (!existing) {
        try {
          write_outputs(*result, output, files, Flush::Now);
        } catch (const Error& error) {
          // As on the chunk path: a name something else holds is an output failure (H42-10).
          outcome.failure = error.code() == ErrorCode::Usage
                                ? Error(ErrorCode::OutputFailed, error.what())
                                : error;
        }
      }
      if (config.skip_existing && !outcome.failure) {
        outcome.earlier = EarlierOutputSaid{existing, replaced};
        if (listed != nullptr) {
          listed->existing = existing;
          listed->replaced = replaced;
        }
      }
    }
    if (const auto part = undecided_rollups.find(ordinal);
        part != undecided_rollups.end() && !outcome.failure) {
      merge_into(index.rollup, part->second);
    }
    if (outcome.failure) {
      // What an earlier run left under the name (or this run's first reading) stays: the entry
      // says it failed, not summarised.
      progress.say_error(outcome.failure->what());
      written_names.erase(output);
      if (amended_again != nullptr && !was_undecided) {
        // This run's first reading says one result, unreviewed, of an exam with two: not left
        // under the exam's name (review 43, R43-4).
        const WithdrawnOutputs withdrawn =
            withdraw_outputs(output, files, dicom_claims.stem_claimed_by(amended_again->path));
        for (const std::string& line : withdrawn.said()) progress.say_error(line);
        output_failed = output_failed || !withdrawn.problems.empty();
      }
      if (outcome.failure->code() == ErrorCode::OutputFailed) output_failed = true;
      --counts.summarised;
      ++counts.failed;
      if (listed != nullptr) {
        listed->status = EntryStatus::Failed;
        listed->existing = listed->replaced = false;
        listed->error_code = outcome.failure->code();
        listed->error = outcome.failure->what();
      }
    }
    if (outcome.earlier || outcome.failure) held_outcomes.emplace(ordinal, std::move(outcome));
  }

  // Summaries an earlier run left of this run's exams (UID-2.xml of an input this run no
  // longer has): not this run's, and they may say so about inputs it does not know; said, never
  // removed (hostile reviews 38 and 40, H38-9, H40-3).
  const std::vector<LeftoverSummary> leftovers =
      leftover_summaries(config.output_dir, written_names);
  for (const LeftoverSummary& leftover : leftovers) {
    progress.say_error((fs::path(config.output_dir) / leftover.summary).string() +
                       ": a summary an earlier run left of the exam this run summarised to " +
                       leftover.exam_summary +
                       "; left as it was, and it may name inputs this run does not have: review "
                       "it with that run's inputs, or remove it");
  }

  // The index names only summaries that are on disk: one flush for all of them first.
  flush_file_system(config.output_dir);
  if (!config.dicom_out_dir.empty()) flush_file_system(config.dicom_out_dir);
  const IndexParts parts =
      index_parts(counts, index.rollup, leftovers, naming_of(evaluation.pseudonyms));
  AtomicFile index_file((fs::path(config.output_dir) / "index.xml").string());
  index_file.write(parts.head);
  // The spilled entries, each first input of an exam read twice naming the later one
  // (ExamsSeen): its entry was written before that one came; and the held ones as decided above.
  std::rewind(spill.get());
  long at = 0;
  const auto read_until = [&](long end, const std::function<void(std::string_view)>& use) {
    while (at < end) {
      const auto want = static_cast<std::size_t>(std::min<long>(block.size(), end - at));
      const std::size_t got = std::fread(block.data(), 1, want, spill.get());
      if (got == 0) break;
      use(std::string_view(block.data(), got));
      at += static_cast<long>(got);
    }
  };
  const auto copy = [&](std::string_view bytes) { index_file.write(bytes); };
  for (const std::size_t ordinal : ordinals) {
    read_until(entry_offsets[ordinal], copy);
    std::string written;
    read_until(ordinal + 1 < entry_offsets.size() ? entry_offsets[ordinal + 1] : spill_end,
               [&](std::string_view bytes) { written += bytes; });
    EntryAmendment change;
    change.leaves_rollup = left_rollup.count(ordinal) > 0;
    if (const auto found = exams.amendments().find(ordinal); found != exams.amendments().end()) {
      const ExamsSeen::Amendment& amendment = found->second;
      change.same_exam = true;
      if (amendment.later) change.same_exam_as = index_name(*amendment.later);
      change.differs = amendment.differs;
    }
    if (const auto held = held_outcomes.find(ordinal); held != held_outcomes.end()) {
      const HeldOutcome& outcome = held->second;
      change.earlier = outcome.earlier;
      if (outcome.failure) {
        change.failure_code = outcome.failure->code();
        change.failure = outcome.failure->what();
      }
    }
    index_file.write(amended_index_entry(written, change));
  }
  read_until(spill_end, copy);
  if (std::ferror(spill.get()) || at != spill_end) {
    throw Error(ErrorCode::OutputFailed, config.output_dir + ": cannot read the spilled index");
  }
  index_file.write(parts.tail);
  index_file.commit();
  const std::string page_path = (fs::path(config.output_dir) / "index.html").string();
  if (config.html) {
    index.counts = counts;
    index.leftovers = leftovers;
    write_file_atomically(page_path, render_batch_index_page(index));
  } else if (std::error_code page_error;
             fs::is_regular_file(fs::symlink_status(page_path, page_error))) {
    // An earlier run's page would show its exams beside this run's index.xml, which says
    // otherwise (hostile review 45, H45-8). The output directory holds no input (InputGuard).
    if (fs::remove(page_path, page_error)) {
      progress.say_error(page_path +
                         ": an earlier run's page, which this run's index.xml no longer matches; "
                         "removed (give --html for a new one)");
    } else {
      progress.say_error(page_path +
                         ": an earlier run's page, which this run's index.xml no "
                         "longer matches, cannot be removed (" +
                         page_error.message() + "); remove it");
    }
  }
  if (!config.rollup_csv.empty())
    write_file_atomically(config.rollup_csv, rollup_csv(index.rollup));

  if (output_failed) return ExitCode::OutputFailed;
  return counts.failed > 0 ? ExitCode::InputFailed : ExitCode::Success;
}

}  // namespace mammocalc
