#include "base/input_guard.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <optional>

#include "base/atomic_file.hpp"
#include "base/error.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

// The absolute path with symlinks resolved as far as it exists ("arch/new" when only "arch" does).
fs::path resolved(const std::string& path) {
  std::error_code error;
  fs::path result = fs::weakly_canonical(fs::absolute(path, error), error);
  if (error) result = fs::absolute(path, error).lexically_normal();
  return result;
}

}  // namespace

std::optional<FileIdentity> file_identity(const std::string& path) {
  struct stat info {};
  if (path.empty() || ::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileIdentity{info.st_dev, info.st_ino};
}

bool same_path(const std::string& a, const std::string& b) { return resolved(a) == resolved(b); }

namespace {

// Whether `inner` is `outer` or below it, component by component.
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

void InputGuard::add_file(const std::string& path) {
  if (path == "-") {
    // Standard input redirected from a file ("summarize - -o X.dcm < X.dcm") is that file: no
    // output may replace it (hostile review 50, H50-1). A pipe or a terminal is none.
    struct stat info {};
    if (::fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode)) {
      files_.insert(FileIdentity{info.st_dev, info.st_ino});
    }
    return;
  }
  if (const auto id = file_identity(path)) {
    files_.insert(*id);
    if (const auto parent = file_identity(resolved(path).parent_path().string())) {
      parents_.insert(*parent);
    }
  }
}

void InputGuard::add_directory(const std::string& path) {
  directories_.emplace_back(path, resolved(path).string());
}

const std::string* InputGuard::input_directory_holding(const std::string& directory) const {
  const fs::path target = resolved(directory);
  for (const auto& [given, input] : directories_) {
    if (is_within(target, input)) return &given;
  }
  return nullptr;
}

void InputGuard::check_not_input(const std::string& output) const {
  const auto id = file_identity(output);
  if (id && files_.count(*id) > 0) {
    throw Error(ErrorCode::Usage, output + ": output would overwrite the input");
  }
}

void InputGuard::check_file(const std::string& output) const {
  if (output.empty() || output == "-") return;
  check_not_input(output);
  refuse_non_regular_output(output);
}

void InputGuard::check_directory(const std::string& directory, const std::string& what,
                                 const std::string& contents) const {
  check_not_input(directory);  // an input file named as the directory: not a directory error
  if (const std::string* input = input_directory_holding(directory)) {
    std::string message = directory;
    message.append(": ").append(what).append(" is inside the input directory ").append(*input);
    message.append("; its ").append(contents).append(" would be read as inputs next run");
    throw Error(ErrorCode::Usage, message);
  }
  const auto id = file_identity(directory);
  if (id && parents_.count(*id) > 0) {
    throw Error(ErrorCode::Usage, directory + ": " + what + " holds input files; its " + contents +
                                      " could overwrite them and would be read as inputs next run");
  }
}

void InputGuard::check_file_outside_inputs(const std::string& output,
                                           const std::string& what) const {
  if (output.empty() || output == "-") return;
  check_file(output);
  const std::string parent = fs::path(output).parent_path().string();
  if (const std::string* input = input_directory_holding(parent.empty() ? "." : parent)) {
    std::string message = output;
    message.append(": ").append(what).append(" is inside the input directory ").append(*input);
    message.append("; it would be read as an input next run");
    throw Error(ErrorCode::Usage, message);
  }
}

}  // namespace mammocalc
