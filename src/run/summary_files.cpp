#include "run/summary_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "base/error.hpp"
#include "base/uid.hpp"
#include "review/exam_view.hpp"
#include "review/review_html.hpp"
#include "run/summarise.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

bool is_skipped_kind(ErrorCode code) {
  return code == ErrorCode::OtherSrDocument || code == ErrorCode::NotBreastImaging ||
         code == ErrorCode::OwnSummary;
}

}  // namespace

InputResult process_input(const std::string& input, const Evaluation& evaluation,
                          const SummaryFiles& files, Rollup& rollup_part) {
  InputResult outcome;
  outcome.entry.input = input;
  try {
    const Report report = summarise_input(input, evaluation);
    outcome.sop_instance_uid = report.input.source.sop_instance_uid;
    outcome.summary = render_summary(report, evaluation.summary);
    if (files.html || !files.dicom_out_dir.empty()) {
      const bool redact = evaluation.summary.redact;
      if (!files.dicom_out_dir.empty()) outcome.dicom = write_report_sr(report);
      if (files.html) outcome.page = render_review_page({exam_view_of(report, redact)}, redact);
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
    outcome.entry.error_code = error.code();
    outcome.entry.error = error.what();
  } catch (const std::exception& error) {
    outcome.entry.status = EntryStatus::Failed;
    outcome.entry.error_code = ErrorCode::Internal;
    outcome.entry.error = input + ": internal error: " + error.what();
  }
  return outcome;
}

void write_outputs(const InputResult& result, const std::string& name, const SummaryFiles& files,
                   Flush flush) {
  if (!files.dicom_out_dir.empty()) {
    write_file_atomically(
        (fs::path(files.dicom_out_dir) / (result.dicom.sop_instance_uid + ".dcm")).string(),
        result.dicom.bytes, flush);
  }
  if (files.html) {
    write_file_atomically((fs::path(files.output_dir) / page_name_for(name)).string(), result.page,
                          flush);
  }
  write_file_atomically((fs::path(files.output_dir) / name).string(), result.summary, flush);
}

void create_output_directory(const std::string& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    throw Error(ErrorCode::OutputFailed,
                directory + ": output directory cannot be created (" + error.message() + ")");
  }
}

std::string output_name_for(const std::string& sop_instance_uid, const std::string& input) {
  if (is_uid(sop_instance_uid, 2)) {
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

std::string claim_output_name(const std::string& sop_instance_uid, const std::string& input,
                              UsedNames& used_names) {
  std::string name = output_name_for(sop_instance_uid, input);
  const std::string stem = name.substr(0, name.size() - 4);
  for (int n = 2; used_names.contains(name); ++n) name = stem + "-" + std::to_string(n) + ".xml";
  used_names.insert(name);
  return name;
}

namespace {

// The index entry of a directory the walk could not use.
IndexEntry directory_entry(const fs::path& directory, EntryStatus status, ErrorCode code,
                           const std::string& reason) {
  IndexEntry entry;
  entry.input = directory.string();
  entry.status = status;
  entry.error_code = code;
  entry.error = directory.string() + ": " + reason;
  return entry;
}

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
    unreadable.push_back(directory_entry(directory, EntryStatus::Skipped, ErrorCode::SymlinkLoop,
                                         "symlink loop, not followed again"));
    return;
  }
  std::vector<fs::path> children;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    children.push_back(it->path());
  }
  if (error) {
    unreadable.push_back(directory_entry(directory, EntryStatus::Failed, ErrorCode::FileNotFound,
                                         "cannot be listed (" + error.message() + ")"));
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
                  std::vector<IndexEntry>& unreadable, std::vector<std::string>* directories) {
  if (fs::is_directory(path)) {
    if (directories != nullptr) directories->push_back(path);
    std::set<DirectoryId> ancestors;
    collect_directory(path, ancestors, files, unreadable);
  } else {
    files.push_back(path);  // a missing or unreadable file becomes a failed entry when read
  }
}

}  // namespace

std::vector<std::string> collect_input_files(const std::vector<std::string>& paths,
                                             const std::string& files_from,
                                             std::vector<IndexEntry>& unreadable,
                                             std::vector<std::string>* directories) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    collect_path(path, files, unreadable, directories);
  }
  if (!files_from.empty()) {
    std::ifstream file;
    std::istream* list = &std::cin;
    if (files_from != "-") {
      file.open(files_from);
      if (!file) throw Error(ErrorCode::Usage, files_from + ": cannot be opened");
      list = &file;
    }
    for (std::string line; std::getline(*list, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) collect_path(line, files, unreadable, directories);
    }
  }
  return files;
}

}  // namespace mammocalc
