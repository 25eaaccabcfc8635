#include "run/batch.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_set>
#include <utility>

#include "base/atomic_file.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/sr_writer.hpp"
#include "findings/lexicon.hpp"
#include "review/review_html.hpp"
#include "review/summary_reader.hpp"
#include "run/summarise.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

// Inputs are processed in chunks of this many per job, then committed in input order: memory
// stays bounded and the output does not depend on the number of jobs.
constexpr std::size_t kChunkPerJob = 32;

struct DirectoryId {
  dev_t device;
  ino_t inode;
  bool operator<(const DirectoryId& other) const {
    return device != other.device ? device < other.device : inode < other.inode;
  }
};

// Recurses into a directory in name order, following symlinks but never into a directory
// already on the way down (a loop).
void collect_directory(const fs::path& directory, std::set<DirectoryId>& ancestors,
                       std::vector<std::string>& files, std::vector<IndexEntry>& unreadable) {
  struct stat info {};
  if (::stat(directory.c_str(), &info) != 0) return;
  const DirectoryId id{info.st_dev, info.st_ino};
  if (!ancestors.insert(id).second) {
    unreadable.push_back({directory.string(),
                          EntryStatus::Skipped,
                          "",
                          false,
                          "symlink-loop",
                          directory.string() + ": symlink loop, not followed again",
                          {},
                          {},
                          0});
    return;
  }
  std::vector<fs::path> children;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    children.push_back(it->path());
  }
  if (error) {
    unreadable.push_back({directory.string(),
                          EntryStatus::Failed,
                          "",
                          false,
                          "file-not-found",
                          directory.string() + ": cannot be listed (" + error.message() + ")",
                          {},
                          {},
                          0});
  }
  std::sort(children.begin(), children.end());
  for (const fs::path& child : children) {
    std::error_code status_error;
    const fs::file_status status = fs::status(child, status_error);
    if (fs::is_directory(status)) {
      collect_directory(child, ancestors, files, unreadable);
    } else if (child.filename().string().rfind('.', 0) != 0) {  // hidden files are not inputs
      files.push_back(child.string());
    }
  }
  ancestors.erase(id);
}

void collect_path(const std::string& path, std::vector<std::string>& files,
                  std::vector<IndexEntry>& unreadable) {
  if (fs::is_directory(path)) {
    std::set<DirectoryId> ancestors;
    collect_directory(path, ancestors, files, unreadable);
  } else {
    files.push_back(path);  // a missing or unreadable file becomes a failed entry when read
  }
}

// The output names a run has used, as 128-bit digests: a batch of a million inputs keeps 16
// bytes a name, not the name (two independent 64-bit hashes; a false match would only number a
// name needlessly).
class UsedNames {
 public:
  bool contains(const std::string& name) const { return digests_.count(digest(name)) > 0; }
  void insert(const std::string& name) { digests_.insert(digest(name)); }

 private:
  using Digest = std::pair<std::size_t, std::size_t>;
  struct DigestHash {
    std::size_t operator()(const Digest& digest) const { return digest.first; }
  };
  static Digest digest(const std::string& name) {
    return {std::hash<std::string>{}(name), std::hash<std::string>{}("#" + name + "#")};
  }
  std::unordered_set<Digest, DigestHash> digests_;
};

// The output name for an input, numbered ("-2", "-3" …) when an earlier input of the same run
// already has it; records the name as used.
std::string claim_output_name(const std::string& sop_instance_uid, const std::string& input,
                              UsedNames& used_names) {
  std::string name = output_name_for(sop_instance_uid, input);
  const std::string stem = name.substr(0, name.size() - 4);
  for (int n = 2; used_names.contains(name); ++n) name = stem + "-" + std::to_string(n) + ".xml";
  used_names.insert(name);
  return name;
}

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

// A summary a previous run completed. After a power failure a file written with
// Flush::Deferred may exist but be empty or cut short; it is written again.
bool is_complete_summary(const std::string& path) {
  if (!fs::exists(path)) return false;
  try {
    read_summary(read_input_bytes(path, kMaxSummaryBytes), path);
    return true;
  } catch (const Error&) {
    return false;
  }
}

bool is_skipped_kind(ErrorCode code) {
  return code == ErrorCode::OtherSrDocument || code == ErrorCode::NotBreastImaging;
}

void create_output_directory(const std::string& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    throw Error(ErrorCode::OutputFailed,
                directory + ": output directory cannot be created (" + error.message() + ")");
  }
}

// What one input produced: its index entry and, when summarised, the summary to write.
struct InputResult {
  IndexEntry entry;
  std::string sop_instance_uid;
  std::string summary;
  std::string page;  // the review page, with --html
  WrittenSr dicom;   // the SR, with --dicom-out
};

InputResult process(const std::string& input, const BatchConfig& config,
                    const Evaluation& evaluation, Rollup& rollup_part) {
  InputResult outcome;
  outcome.entry.input = input;
  try {
    const Report report = summarise_input(input, evaluation);
    outcome.sop_instance_uid = report.input.source.sop_instance_uid;
    outcome.summary = render_summary(report, evaluation.summary);
    if (config.html || !config.dicom_out_dir.empty()) {
      const ReviewExam words = read_summary(outcome.summary, input);
      if (!config.dicom_out_dir.empty()) outcome.dicom = write_report_sr(report, words);
      if (config.html) outcome.page = render_review_page({words}, evaluation.summary.redact);
    }
    outcome.entry.status = EntryStatus::Summarised;
    outcome.entry.category = report.exam.category;
    outcome.entry.classification = report.exam.classification;
    outcome.entry.findings = static_cast<int>(report.decisions.size());
    outcome.entry.needs_review = report.exam.needs_review;
    rollup_part.add(report);
  } catch (const Error& error) {
    outcome.entry.status =
        is_skipped_kind(error.code()) ? EntryStatus::Skipped : EntryStatus::Failed;
    outcome.entry.error_code = std::string(to_string(error.code()));
    outcome.entry.error = error.what();
  } catch (const std::exception& error) {
    outcome.entry.status = EntryStatus::Failed;
    outcome.entry.error_code = "internal";
    outcome.entry.error = input + ": internal error: " + error.what();
  }
  return outcome;
}

// Writes what one input produced: its SR and review page where asked for, then the summary as
// `name`. The summary comes last, so a summary on disk means its companions are too.
void write_outputs(const InputResult& outcome, const std::string& name, const BatchConfig& config,
                   Flush flush) {
  if (!config.dicom_out_dir.empty()) {
    write_file_atomically(
        (fs::path(config.dicom_out_dir) / (outcome.dicom.sop_instance_uid + ".dcm")).string(),
        outcome.dicom.bytes, flush);
  }
  if (config.html) {
    write_file_atomically((fs::path(config.output_dir) / page_name_for(name)).string(),
                          outcome.page, flush);
  }
  write_file_atomically((fs::path(config.output_dir) / name).string(), outcome.summary, flush);
}

void merge_into(Rollup& total, const Rollup& part) {
  for (const auto& [key, count] : part.categories) total.categories[key] += count;
  for (const auto& [key, count] : part.classifications) total.classifications[key] += count;
  for (const auto& [key, count] : part.biopsy_types) total.biopsy_types[key] += count;
  for (const auto& [key, count] : part.breasts) total.breasts[key] += count;
  total.findings += part.findings;
  total.discordant += part.discordant;
  total.needs_review += part.needs_review;
}

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
  csv << "total,discordant-assessments," << rollup.discordant << "\n";
  csv << "total,needs-radiologist-review," << rollup.needs_review << "\n";
  return csv.str();
}

}  // namespace

std::string output_name_for(const std::string& sop_instance_uid, const std::string& input) {
  static const std::regex kUid("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+");
  if (sop_instance_uid.size() <= 64 && std::regex_match(sop_instance_uid, kUid)) {
    return sop_instance_uid + ".xml";
  }
  // Only letters, digits, '-' and '_' survive: no separator, no "..", no hidden file.
  std::string name = fs::path(input).stem().string();
  for (char& c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    if (!safe) c = '_';
  }
  if (name.empty()) name = "input";
  if (name.size() > 100) name.resize(100);
  if (name == "index") name = "index_input";
  return name + ".xml";
}

std::vector<std::string> collect_batch_inputs(const BatchConfig& config,
                                              std::vector<IndexEntry>& unreadable) {
  std::vector<std::string> files;
  for (const std::string& input : config.inputs) {
    collect_path(input, files, unreadable);
  }
  if (!config.files_from.empty()) {
    std::ifstream file;
    std::istream* list = &std::cin;
    if (config.files_from != "-") {
      file.open(config.files_from);
      if (!file) throw Error(ErrorCode::Usage, config.files_from + ": cannot be opened");
      list = &file;
    }
    for (std::string line; std::getline(*list, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) collect_path(line, files, unreadable);
    }
  }
  return files;
}

ExitCode run_batch(const BatchConfig& config, std::ostream& progress_stream) {
  create_output_directory(config.output_dir);
  const Evaluation evaluation = load_evaluation(config.evaluation);
  std::vector<IndexEntry> unreadable;
  const std::vector<std::string> inputs = collect_batch_inputs(config, unreadable);
  const unsigned jobs = std::max(1u, config.jobs);
  const std::size_t chunk_size = kChunkPerJob * jobs;
  UsedNames used_names;
  used_names.insert("index.xml");
  ProgressLine progress(progress_stream, config.progress, inputs.size());
  bool output_failed = false;
  // The entries go to a spill file as they come (the index head needs the final counts), so the
  // memory a batch needs does not grow with its length; --html keeps them for index.html.
  BatchIndex index;
  IndexCounts counts;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> spill(std::tmpfile(), &std::fclose);
  if (!spill) {
    throw Error(ErrorCode::OutputFailed, config.output_dir + ": no temporary file for the index");
  }
  const auto record = [&](IndexEntry&& entry) {
    ++counts.inputs;
    counts.add(entry.status);
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
    std::vector<Rollup> parts(jobs);
    run_on_jobs(jobs, outcomes.size(), [&](unsigned job, std::size_t i) {
      outcomes[i] = process(inputs[chunk_start + i], config, evaluation, parts[job]);
    });
    for (const Rollup& part : parts) merge_into(index.rollup, part);

    // Names are claimed in input order, so they are the same whatever the number of jobs; the
    // files are then written in parallel (creating files costs the kernel as much as reading).
    for (InputResult& outcome : outcomes) {
      IndexEntry& entry = outcome.entry;
      if (entry.status != EntryStatus::Summarised) continue;
      entry.output = claim_output_name(outcome.sop_instance_uid, entry.input, used_names);
    }
    run_on_jobs(jobs, outcomes.size(), [&](unsigned /*job*/, std::size_t i) {
      IndexEntry& entry = outcomes[i].entry;
      if (entry.status != EntryStatus::Summarised) return;
      const std::string path = (fs::path(config.output_dir) / entry.output).string();
      if (config.skip_existing && is_complete_summary(path)) {
        entry.existing = true;
        return;
      }
      try {
        write_outputs(outcomes[i], entry.output, config, Flush::Deferred);
      } catch (const Error& write_error) {
        entry.status = EntryStatus::Failed;
        entry.error_code = std::string(to_string(write_error.code()));
        entry.error = write_error.what();
      }
    });
    for (InputResult& outcome : outcomes) {
      if (outcome.entry.error_code == to_string(ErrorCode::OutputFailed)) output_failed = true;
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
  std::rewind(spill.get());
  std::array<char, 65536> block;
  for (std::size_t got; (got = std::fread(block.data(), 1, block.size(), spill.get())) > 0;) {
    index_file.write(std::string_view(block.data(), got));
  }
  if (std::ferror(spill.get())) {
    throw Error(ErrorCode::OutputFailed, config.output_dir + ": cannot read the spilled index");
  }
  index_file.write(parts.tail);
  index_file.commit();
  if (config.html) {
    write_file_atomically((fs::path(config.output_dir) / "index.html").string(),
                          render_batch_index_page(index));
  }
  if (!config.rollup_csv.empty())
    write_file_atomically(config.rollup_csv, rollup_csv(index.rollup));

  if (output_failed) return ExitCode::OutputFailed;
  return counts.failed > 0 ? ExitCode::InputFailed : ExitCode::Success;
}

ExitCode run_hook(const HookConfig& config, std::ostream& log) {
  create_output_directory(config.output_dir);
  const Evaluation evaluation = load_evaluation(config.evaluation);
  BatchConfig batch;
  batch.inputs = config.inputs;
  batch.output_dir = config.output_dir;
  if (config.dicom_out) batch.dicom_out_dir = config.output_dir;
  std::vector<IndexEntry> unreadable;
  const std::vector<std::string> inputs = collect_batch_inputs(batch, unreadable);
  UsedNames used_names;
  ExitCode exit_code = ExitCode::Success;
  for (const std::string& input : inputs) {
    Rollup ignored;
    InputResult result = process(input, batch, evaluation, ignored);
    const IndexEntry& entry = result.entry;
    if (entry.status == EntryStatus::Summarised) {
      const std::string name = claim_output_name(result.sop_instance_uid, input, used_names);
      try {
        write_outputs(result, name, batch, Flush::Now);
        log << "mammocalc hook: " << input << ": summarised to " << name << "\n";
      } catch (const Error& error) {
        log << "mammocalc hook: " << error.what() << "\n";
        exit_code = ExitCode::OutputFailed;
      }
    } else if (entry.status == EntryStatus::Skipped ||
               entry.error_code == "unsupported-sop-class") {
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
