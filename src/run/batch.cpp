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
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/input_guard.hpp"
#include "base/line_log.hpp"
#include "dicom/sr_writer.hpp"
#include "findings/lexicon.hpp"
#include "output/pseudonyms.hpp"
#include "review/review_html.hpp"
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

std::string rollup_csv(const Rollup& rollup) {
  std::ostringstream csv;
  csv << "measure,value,findings\n";
  for (const auto& [key, count] : rollup.categories)
    csv << "category," << key << "," << count << "\n";
  for (const auto& [key, count] : rollup.classifications) {
    csv << "classification," << key << "," << count << "\n";
  }
  for (const auto& [key, count] : rollup.biopsy_types) {
    csv << "biopsy-type," << key << "," << count << "\n";
  }
  for (const auto& [key, count] : rollup.breasts) csv << "breast," << key << "," << count << "\n";
  csv << "total,findings," << rollup.findings << "\n";
  csv << "total,narrative-findings," << rollup.narrative_findings << "\n";
  csv << "total,discordant-assessments," << rollup.discordant << "\n";
  csv << "total,needs-radiologist-review," << rollup.needs_review << "\n";
  return csv.str();
}

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
void refuse_rollup_among_outputs(const BatchConfig& config) {
  if (config.rollup_csv.empty()) return;
  const fs::path csv(config.rollup_csv);
  const fs::path parent = csv.parent_path().empty() ? fs::path(".") : csv.parent_path();
  const std::string extension = csv.extension().string();
  const bool in_output_directory = same_path(parent.string(), config.output_dir);
  if (in_output_directory && (extension == ".xml" || extension == ".html")) {
    throw Error(ErrorCode::Usage, config.rollup_csv +
                                      ": --rollup-csv would replace a summary, page or index of "
                                      "the batch; give it a .csv name");
  }
}

// What an input's result says, as far as the index and the roll-up count it: two inputs of one
// exam with the same digest are copies (one is counted), two with different ones are not.
// Without `review`, the digest leaves out which findings need review: mammocalc's own SR read
// back needs review by design (W14, E10), and says the same as its source all the same.
std::string result_digest(const IndexEntry& entry, Rollup part, bool review) {
  if (!review) part.needs_review = 0;
  std::ostringstream said;
  said << (entry.category ? to_string(*entry.category) : "-") << ','
       << (entry.classification ? to_string(*entry.classification) : "-") << ',' << entry.findings
       << ',' << entry.narrative_findings << ',' << (review && entry.needs_review) << '\n'
       << rollup_csv(part);
  return hex_digest(said.str());
}

// Whether an input is mammocalc's own SR read back (--read-own): its exam is another SR's.
bool own_read_back(const InputResult& result) {
  return result.exam_sop_instance_uid != result.sop_instance_uid;
}

// The exams a batch has summarised, by the SOP Instance UID of their report
// (InputResult::exam_sop_instance_uid): two inputs of one exam (a copy of the SR under another
// name, or an SR and mammocalc's own SR of it read back) are each summarised, but the roll-up
// counts the exam once, by its first input in input order, and the index names the other input
// on both entries (hostile review 31, H31-6). Only when they say the same, though: two reports
// under one UID that give different results are no copies, and counting one would drop the
// other silently (hostile review 33, H33-5). Both are counted then, and both need review.
class ExamsSeen {
 public:
  struct Input {
    std::size_t index;    // in the run's inputs
    std::size_t ordinal;  // of its entry in the index
  };
  struct Later {
    Input first;
    bool differs = false;  // from the first input's result
    // Differs, and the first input of the exam that does: the exam is a conflict from now on,
    // and the first's findings that it counted as needing no review (this many) need review.
    bool first_difference = false;
    int first_findings_not_for_review = 0;
  };
  struct Amendment {
    Input later;           // the first later input of the exam, which the first names
    bool differs = false;  // some later input's result differs from the first's
  };
  // The first input of the exam of `result` (the input `input`, whose roll-up part is `part`),
  // or none when this is the first (or its exam is not known). A later one makes the first's
  // entry name it (amendments), the first later one only.
  std::optional<Later> later_of_exam(const InputResult& result, Input input, const Rollup& part) {
    if (result.exam_sop_instance_uid.empty()) return std::nullopt;
    const bool own = own_read_back(result);
    const auto [at, inserted] = first_.emplace(result.exam_sop_instance_uid,
                                               Exam{input, result_digest(result.entry, part, true),
                                                    result_digest(result.entry, part, false), own,
                                                    part.findings - part.needs_review, false});
    if (inserted) return std::nullopt;
    Exam& exam = at->second;
    amendments_.emplace(exam.first.ordinal, Amendment{input, false});
    Later later{exam.first};
    const bool review = !own && !exam.first_own;
    if (result_digest(result.entry, part, review) !=
        (review ? exam.digest : exam.digest_but_review)) {
      later.differs = true;
      amendments_.at(exam.first.ordinal).differs = true;
      later.first_difference = !exam.conflicting;
      later.first_findings_not_for_review = exam.findings_not_for_review;
      exam.conflicting = true;
    }
    return later;
  }
  // The first inputs of their exam whose entry was written before a later input of it came, by
  // their entry's ordinal.
  const std::map<std::size_t, Amendment>& amendments() const { return amendments_; }

 private:
  struct Exam {
    Input first;
    std::string digest;             // result_digest of the first input
    std::string digest_but_review;  // the same, leaving out the review (own_read_back)
    bool first_own;                 // the first input is mammocalc's own SR read back
    int findings_not_for_review;    // of the first input's findings, in the roll-up
    bool conflicting;               // a later input gave another result
  };
  std::unordered_map<std::string, Exam> first_;
  std::map<std::size_t, Amendment> amendments_;
};

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

  if (!config.dicom_out_dir.empty()) create_dicom_out_directory(config.dicom_out_dir);
  create_output_directory(config.output_dir);
  Evaluation evaluation = load_evaluation(config.evaluation);
  read_run_annotations(evaluation, "mammocalc", errors);
  const SummaryFiles files{config.output_dir, config.html, config.dicom_out_dir};
  const unsigned jobs = std::max(1u, config.jobs);
  const std::size_t chunk_size = kChunkPerJob * jobs;
  // The inputs an annotation file names, found before any is summarised: a file that another
  // input of this run takes is none of the other SRs' business (hostile review 29, H29-7).
  // Only where a file names an SR, and read only as far as each input's study.
  if (const std::set<std::string> annotated = sop_instance_uids_annotated(evaluation);
      !annotated.empty()) {
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
      if (!files.dicom_out_dir.empty() && !dicom_claims.claim(outcomes[i])) continue;
      // Its entry will be the index's next after the chunk's earlier ones.
      const ExamsSeen::Input input{chunk_start + i, counts.inputs + i};
      if (const auto found = exams.later_of_exam(outcomes[i], input, rollups[i])) {
        const ExamsSeen::Later& later = *found;
        const std::string& first_path = inputs[later.first.index].path;
        entry.same_exam_as = index_name(later.first);
        if (later.differs) {
          // Both counted, every finding of both as needing review.
          entry.same_exam_differs = true;
          entry.needs_review = true;
          rollups[i].needs_review = rollups[i].findings;
          if (later.first_difference) {
            index.rollup.needs_review += later.first_findings_not_for_review;
            ++index.rollup.same_exam_conflicts;
          }
          std::string said = entry.input;
          said += ": has the SOP Instance UID of ";
          said += first_path;
          said +=
              ", another input of this run, but another result: both summarised and counted "
              "in the roll-up, both need review";
          progress.say_error(said);
        } else {
          entry.in_rollup = false;
          std::string said = entry.input;
          said += ": the same exam as ";
          said += first_path;
          said +=
              " (one SOP Instance UID, or mammocalc's own SR of it): summarised, but counted "
              "once in the roll-up, by ";
          said += first_path;
          progress.say_error(said);
        }
      }
      if (entry.in_rollup) merge_into(index.rollup, rollups[i]);
      entry.output = claim_output_name(outcomes[i], evaluation.pseudonyms.enabled, used_names);
    }
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
        entry.replaced = earlier == EarlierOutputs::Different;
      }
      try {
        write_outputs(outcomes[i], entry.output, files, Flush::Deferred);
      } catch (const Error& write_error) {
        entry.status = EntryStatus::Failed;
        entry.replaced = false;  // what the earlier run left stays (write_outputs)
        entry.error_code = write_error.code();
        entry.error = write_error.what();
      }
    });
    for (InputResult& outcome : outcomes) {
      if (outcome.entry.error_code == ErrorCode::OutputFailed) output_failed = true;
      if (outcome.entry.replaced) {
        progress.say_error((fs::path(config.output_dir) / outcome.entry.output).string() +
                           ": the summary an earlier run left is not this run's (the SR, an "
                           "annotation file, the site profile, a lexicon, an option or mammocalc "
                           "changed since, or it was cut short): summarised again, not kept "
                           "(--skip-existing)");
      }
      record(std::move(outcome.entry));
    }
    progress.update(chunk_end, static_cast<int>(counts.failed));
  }
  progress.finish();

  // The index names only summaries that are on disk: one flush for all of them first.
  flush_file_system(config.output_dir);
  if (!config.dicom_out_dir.empty()) flush_file_system(config.dicom_out_dir);
  const IndexParts parts = index_parts(counts, index.rollup);
  AtomicFile index_file((fs::path(config.output_dir) / "index.xml").string());
  index_file.write(parts.head);
  // The spilled entries, each first input of an exam read twice naming the later one
  // (ExamsSeen): its entry was written before that one came.
  const long spill_end = std::ftell(spill.get());
  std::rewind(spill.get());
  long at = 0;
  std::array<char, 65536> block;
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
  for (const auto& amended : exams.amendments()) {
    const std::size_t ordinal = amended.first;
    const ExamsSeen::Amendment& amendment = amended.second;
    read_until(entry_offsets[ordinal], copy);
    std::string written;
    read_until(ordinal + 1 < entry_offsets.size() ? entry_offsets[ordinal + 1] : spill_end,
               [&](std::string_view bytes) { written += bytes; });
    index_file.write(
        index_entry_with_same_exam(written, index_name(amendment.later), amendment.differs));
    if (config.html) {
      IndexEntry& first = index.entries[ordinal];
      first.same_exam_as = index_name(amendment.later);
      first.same_exam_differs = amendment.differs;
      first.needs_review = first.needs_review || amendment.differs;
    }
  }
  read_until(spill_end, copy);
  if (std::ferror(spill.get()) || at != spill_end) {
    throw Error(ErrorCode::OutputFailed, config.output_dir + ": cannot read the spilled index");
  }
  index_file.write(parts.tail);
  index_file.commit();
  if (config.html) {
    index.counts = counts;
    write_file_atomically((fs::path(config.output_dir) / "index.html").string(),
                          render_batch_index_page(index));
  }
  if (!config.rollup_csv.empty())
    write_file_atomically(config.rollup_csv, rollup_csv(index.rollup));

  if (output_failed) return ExitCode::OutputFailed;
  return counts.failed > 0 ? ExitCode::InputFailed : ExitCode::Success;
}

}  // namespace mammocalc
