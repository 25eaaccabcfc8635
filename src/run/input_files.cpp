#include "run/input_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "base/error.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

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

}  // namespace

std::vector<std::string> collect_input_files(const std::vector<std::string>& paths,
                                             const std::string& files_from,
                                             std::vector<IndexEntry>& unreadable) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    collect_path(path, files, unreadable);
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
      if (!line.empty()) collect_path(line, files, unreadable);
    }
  }
  return files;
}

}  // namespace mammocalc
