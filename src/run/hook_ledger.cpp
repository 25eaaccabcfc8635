#include "run/hook_ledger.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>
#include <utility>

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/uid.hpp"
#include "dicom/sr_writer.hpp"

namespace fs = std::filesystem;

namespace mammocalc {
namespace {

std::string random_call_mark() {
  std::random_device device;
  std::ostringstream mark;
  mark << std::hex;
  for (int i = 0; i < 4; ++i) mark << device();
  return mark.str();
}

bool is_summary_name(const std::string& name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0 &&
         name.find('/') == std::string::npos && name.front() != '.';
}

}  // namespace

HookLedger::HookLedger(const std::string& output_dir, PseudonymPolicy policy)
    : directory_((fs::path(output_dir) / kDirectoryName).string()),
      policy_(std::move(policy)),
      call_(random_call_mark()),
      locks_(output_dir) {}

std::optional<HookLedger::Exam> HookLedger::open(const InputResult& result) {
  const std::string& exam_uid = result.exam_sop_instance_uid;
  if (!is_uid(exam_uid, 2)) return std::nullopt;
  std::string token = hex_digest(result.said);
  if (policy_.enabled) token = pseudonym_uid(token, policy_.key);
  const std::string path = (fs::path(directory_) / exam_uid).string();
  Exam exam(locks_.hold({std::string(kDirectoryName) + "/" + exam_uid}), path, token, call_);
  std::ifstream in(path);
  if (!in) {
    std::error_code error;
    if (!fs::exists(fs::symlink_status(path, error))) return exam;
    throw Error(ErrorCode::OutputFailed, path + ": cannot read the hook's record of this exam");
  }
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    std::istringstream fields(text);
    Exam::Line line;
    std::string rest;
    if (!(fields >> line.result >> line.call >> line.summary_name) || (fields >> rest) ||
        !is_summary_name(line.summary_name)) {
      throw Error(ErrorCode::OutputFailed,
                  path + ": line " + std::to_string(number) +
                      ": not a line of the hook's record of this exam (RESULT CALL SUMMARY)");
    }
    exam.lines_.push_back(line);
    if (line.call != call_) {
      exam.earlier_.push_back({line.summary_name, line.result == token});
    }
  }
  if (in.bad()) {
    throw Error(ErrorCode::OutputFailed, path + ": cannot read the hook's record of this exam");
  }
  return exam;
}

std::optional<std::string> HookLedger::Exam::same_result() const {
  const auto found = std::find_if(earlier_.begin(), earlier_.end(),
                                  [](const Earlier& earlier) { return earlier.same_result; });
  if (found == earlier_.end()) return std::nullopt;
  return found->summary_name;
}

void HookLedger::Exam::record(const std::string& summary_name) {
  lines_.erase(std::remove_if(lines_.begin(), lines_.end(),
                              [&](const Line& line) { return line.summary_name == summary_name; }),
               lines_.end());
  lines_.push_back({result_, call_, summary_name});
  std::string text;
  for (const Line& line : lines_) {
    text += line.result + ' ' + line.call + ' ' + line.summary_name + '\n';
  }
  std::error_code error;
  fs::create_directories(fs::path(path_).parent_path(), error);
  if (error) {
    throw Error(ErrorCode::OutputFailed, fs::path(path_).parent_path().string() +
                                             ": cannot create the hook's record of exams (" +
                                             error.message() + ")");
  }
  write_file_atomically(path_, text);
}

}  // namespace mammocalc
