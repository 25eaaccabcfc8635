#pragma once
// No output may be an input (issue 15): the files a run reads, known by device and inode, so an
// output path that names one of them under any name (the same path, a symlink, a hard link) is
// refused before anything is written; and an output directory inside an input directory, whose
// files the next run would read as inputs, is refused too.

#include <sys/types.h>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mammocalc {

// A file as the file system knows it, whatever its name: device and inode.
using FileIdentity = std::pair<dev_t, ino_t>;

// The identity of the file `path` names (through symlinks); empty when it cannot be stat()ed.
std::optional<FileIdentity> file_identity(const std::string& path);

// Whether two paths name the same place, however spelled ("x", "./x", "/abs/x", through
// symlinks as far as they exist), whether or not it exists yet.
bool same_path(const std::string& a, const std::string& b);

class InputGuard {
 public:
  // Adds an input file; "-" is standard input, guarded where it is a regular file (a redirect),
  // and paths that do not exist are no files to guard.
  // A directory's files are added one by one (add_directory for the directory itself).
  void add_file(const std::string& path);
  // Adds a directory whose files are inputs (recursed): no output directory may be inside it.
  void add_directory(const std::string& path);

  // Throws Error(Usage) "OUTPUT: output would overwrite the input" when `output` is one of the
  // input files.
  void check_file(const std::string& output) const;

  // check_file, and also throws Error(Usage) when `output` lies inside an input directory (the
  // next run over that directory would read it): for files a run writes beside its outputs, such
  // as the roll-up CSV. `what` names it in the message ("--rollup-csv").
  void check_file_outside_inputs(const std::string& output, const std::string& what) const;

  // Throws Error(Usage) when `directory` (created or not) is an input file, an input directory or
  // inside one, or holds an input file itself; `what` names it in the message ("output directory",
  // "--dicom-out directory") and `contents` says what it would hold ("summaries", "SRs").
  void check_directory(const std::string& directory, const std::string& what,
                       const std::string& contents) const;

 private:
  // Throws Error(Usage) "OUTPUT: output would overwrite the input" for an input file.
  void check_not_input(const std::string& output) const;
  // The input directory (as given) that is `directory` or holds it, or nullptr.
  const std::string* input_directory_holding(const std::string& directory) const;

  std::set<std::pair<dev_t, ino_t>> files_;
  std::set<std::pair<dev_t, ino_t>> parents_;  // the directories holding input files
  // Input directories as given and made absolute.
  std::vector<std::pair<std::string, std::string>> directories_;
};

}  // namespace mammocalc
