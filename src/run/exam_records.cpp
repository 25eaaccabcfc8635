#include "run/exam_records.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <random>
#include <sstream>
#include <system_error>
#include <utility>

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/uid.hpp"
#include "dicom/sr_writer.hpp"
#include "output/summary_writer.hpp"
#include "run/summarise.hpp"

namespace fs = std::filesystem;

namespace mammocalc {
namespace {

// Larger files are no summary or record of ours: they are not read (a link to a device, a
// file of gigabytes put there).
constexpr std::size_t kLargestRecord = 16U << 20U;

// In the record directory: how its calls name exams, one line (ExamRecords::ExamRecords).
constexpr const char* kNamingFile = "naming";
constexpr const char* kPlainNaming = "plain";
constexpr const char* kPseudonymisedNaming = "pseudonymised";

constexpr const char* kNotSummarised = "-";
constexpr const char* kWroteSr = "sr";
// The result of a summary adopted from before the record: equal to no result.
constexpr const char* kUnrecordedResult = "unrecorded";

constexpr const char* kNotSummarisedForSr =
    "not summarised (its result SR would have replaced another result's),";

constexpr const char* kReceivedPrefix = "received-";
constexpr std::size_t kReceivedDigits = 16;

bool is_received_name(const std::string& name) {
  const std::string prefix = kReceivedPrefix;
  return name.size() == prefix.size() + kReceivedDigits &&
         name.compare(0, prefix.size(), prefix) == 0 &&
         name.find_first_not_of("0123456789abcdef", prefix.size()) == std::string::npos;
}

// A summary of exam `exam_uid`: UID.xml or UID-N.xml, as claim_output_name names them. An exam
// known by its received_name() has summaries named by it (serve) or by the input's file name
// made safe (output_name_for): any such name, never one leaving the output directory.
bool is_summary_of(const std::string& name, const std::string& exam_uid) {
  if (name == exam_uid + ".xml") return true;
  if (is_received_name(exam_uid)) {
    if (name.size() <= 4 || name.compare(name.size() - 4, 4, ".xml") != 0) return false;
    const std::string stem = name.substr(0, name.size() - 4);
    return stem != "index" && stem.find_first_not_of(
                                  "abcdefghijklmnopqrstuvwxyz"
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == std::string::npos;
  }
  const std::string stem = exam_uid + "-";
  if (name.size() <= stem.size() + 4 || name.compare(0, stem.size(), stem) != 0 ||
      name.compare(name.size() - 4, 4, ".xml") != 0) {
    return false;
  }
  const std::string number = name.substr(stem.size(), name.size() - stem.size() - 4);
  return number.front() != '0' &&
         std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// How a summary's or result SR's warnings name another result, whichever came first ("an
// earlier …" or "a later …" before it): the words that tell whether it is said already.
std::string other_named(const std::string& other_summary, const std::string& who) {
  return other_summary.empty() ? who + ", " + kNotSummarisedForSr
                               : "summarised to " + other_summary + ",";
}

// `who` of a result not summarised, numbered from the second on ("hook call's input #2").
std::string unsummarised_named(const std::string& who, std::size_t place) {
  return place > 1 ? who + " #" + std::to_string(place) : who;
}

[[noreturn]] void not_a_record(const std::string& path, const std::string& what) {
  throw Error(ErrorCode::OutputFailed, path + ": " + what);
}

}  // namespace

ExamRecords::ExamRecords(const std::string& output_dir, PseudonymPolicy policy)
    : directory_((fs::path(output_dir) / kDirectoryName).string()),
      policy_(std::move(policy)),
      call_(new_mark()),
      locks_(output_dir) {
  naming_ = naming_of(policy_);
  output_dir_ = output_dir;
  // Checked before anything is read; written at the first open() of an exam (a call that opens
  // none leaves nothing behind).
  claim_naming(false);
}

namespace {

// How the records in `directory` name exams, read from their results where nothing says so (a
// record from before the naming file, or one whose naming file was removed): keyed results are
// pseudonyms ("2.25.…"), plain ones hex digests; none where no record says.
std::optional<bool> records_pseudonymised(const std::string& directory) {
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!is_uid(name, 2)) continue;
    const EarlierFile record = read_earlier_output(it->path().string(), kLargestRecord);
    std::istringstream lines(record.bytes);
    for (std::string result, rest; lines >> result && std::getline(lines, rest);) {
      if (result == kUnrecordedResult) continue;
      if (result.rfind("2.25.", 0) == 0) return true;
      if (result.size() == 40 &&
          result.find_first_not_of("0123456789abcdef") == std::string::npos) {
        return false;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

void ExamRecords::claim_naming(bool write) const {
  // The record's own naming file first, unwritten: what it says tells how to mend it. Then the
  // directory's index and summaries, of a batch or of calls that wrote no record (a hook call
  // into a pseudonymised batch would put identifying summaries there: hostile reviews 43 and
  // 44, H43-5, H44-4), before anything is written.
  claim_record_naming(false);
  refuse_other_naming(output_dir_, naming_);
  if (write) claim_record_naming(true);
  // A batch's directory: a batch names and replaces summaries by its own inputs alone, so it
  // would replace this call's unseen, whether it runs now or later (hostile review 46, H46-8).
  // Asked after the record is made: a batch that claims the directory meanwhile sees the record
  // and stops, one that claimed it before is seen here.
  std::error_code error;
  if (fs::exists(fs::symlink_status(fs::path(output_dir_) / kBatchNamingFile, error))) {
    // A record that holds nothing but its naming file, made just now, is withdrawn: left, it
    // would refuse the batch for good (review 47, R47-6). One with records stays.
    if (write) {
      bool only_naming = true;
      for (fs::directory_iterator it(directory_, error), end; !error && it != end;
           it.increment(error)) {
        only_naming = only_naming && it->path().filename() == kNamingFile;
      }
      if (!error && only_naming) {
        fs::remove(fs::path(directory_) / kNamingFile, error);
        fs::remove(directory_, error);
      }
    }
    throw Error(ErrorCode::Usage,
                output_dir_ + ": a batch's output directory (" + kBatchNamingFile +
                    "), whose runs would replace this call's summaries unseen; use another "
                    "output directory");
  }
}

void ExamRecords::claim_record_naming(bool write) const {
  // The record directory, a real one, and its naming file: the first call of an OUTDIR that
  // records an exam writes it (a new name that no rename replaces, so of two first calls at once
  // one writes it and the other reads it), every later one reads it, and serve at every object.
  std::error_code error;
  if (write) fs::create_directories(directory_, error);
  const fs::file_status directory = fs::symlink_status(directory_, error);
  if (!write && !fs::exists(directory)) return;
  if (!fs::is_directory(directory)) {
    not_a_record(directory_,
                 "not a directory of its own, so the record of exams cannot be kept there");
  }
  const std::string marker = (fs::path(directory_) / kNamingFile).string();
  EarlierFile kept = read_earlier_output(marker, kLargestNamingFile);
  if (kept.state == EarlierFile::State::Missing) {
    // Records without a naming file say how they were kept by their results: a plain call
    // takes plain records on, a pseudonymised one cannot tell its key from another's.
    const std::optional<bool> pseudonymised = records_pseudonymised(directory_);
    if (pseudonymised && (*pseudonymised != policy_.enabled || *pseudonymised)) {
      throw Error(
          ErrorCode::Usage,
          output_dir_ + ": its record of exams (" + kDirectoryName + ") has no naming file and " +
              (*pseudonymised ? "was kept by calls with --pseudonymize"
                              : "was kept by calls "
                                "without "
                                "--pseudonymize") +
              (policy_.enabled && *pseudonymised
                   ? ", perhaps with another --pseudonym-key; where every call used this key, "
                     "write the line '" +
                         naming_ + "' into " + marker
                   : std::string(", which name exams otherwise")) +
              ": use one output directory per setting");
    }
    if (!write) return;
    // A name of its own per attempt: serve's workers may all come here at once.
    if (create_file_once(marker, naming_ + "\n", marker + ".new-" + new_mark())) return;
    kept = read_earlier_output(marker, kLargestNamingFile);  // another call's, written meanwhile
  }
  if (kept.bytes == naming_ + "\n") return;
  // Each state its own words (review 43, R43-10); Missing is the race above, lost again.
  switch (kept.state) {
    case EarlierFile::State::Read:
      break;
    case EarlierFile::State::TooLarge:
      not_a_record(marker, "larger than one line of naming, so it is not read");
    case EarlierFile::State::Unreadable:
      not_a_record(marker, "cannot be read, so it does not say how the record names exams");
    case EarlierFile::State::Missing:
      not_a_record(marker,
                   "removed while it was claimed, so it does not say how the record "
                   "names exams");
    case EarlierFile::State::NotRegular:
      not_a_record(marker, "not a regular file, so it does not say how the record names exams");
  }
  const bool kept_plain = kept.bytes == std::string(kPlainNaming) + "\n";
  const bool kept_pseudonymised =
      kept.bytes.rfind(std::string(kPseudonymisedNaming) + " ", 0) == 0 &&
      std::count(kept.bytes.begin(), kept.bytes.end(), '\n') == 1 && kept.bytes.back() == '\n';
  if (!kept_plain && !kept_pseudonymised) {
    not_a_record(marker, "not one line 'plain' or 'pseudonymised KEY-DIGEST'");
  }
  // Plain and pseudonymised calls name one exam differently (its UID, its pseudonym), and two
  // keys give two pseudonyms: they would not see each other's results (hostile review 38,
  // H38-10).
  const std::string kept_by = kept_plain        ? "calls without --pseudonymize"
                              : policy_.enabled ? "calls with another --pseudonym-key"
                                                : "calls with --pseudonymize";
  throw Error(ErrorCode::Usage,
              output_dir_ + ": its record of exams (" + kDirectoryName + ") was kept by " +
                  kept_by +
                  ", which name exams otherwise, so this call would not see their results: use "
                  "one output directory per setting");
}

std::string ExamRecords::new_mark() {
  std::random_device device;
  std::ostringstream mark;
  mark << std::hex << std::setfill('0');
  for (int i = 0; i < 4; ++i) mark << std::setw(8) << (device() & 0xFFFFFFFFU);
  return mark.str();
}

std::string ExamRecords::earlier_named(const Earlier& earlier, const std::string& who) {
  return earlier.summary_name.empty()
             ? "an earlier " + unsummarised_named(who, earlier.unsummarised_place) + ", " +
                   kNotSummarisedForSr
             : "an earlier " + who + ", summarised to " + earlier.summary_name + ",";
}

std::vector<std::string> ExamRecords::earlier_named(const std::vector<Earlier>& earlier,
                                                    const std::string& who) {
  const std::size_t shown = std::min(earlier.size(), kResultsNamed);
  std::vector<std::string> named(shown);
  std::transform(earlier.begin(), earlier.begin() + static_cast<std::ptrdiff_t>(shown),
                 named.begin(), [&](const Earlier& each) { return earlier_named(each, who); });
  if (earlier.size() > shown) {
    named.push_back("each of " + std::to_string(earlier.size() - shown) + " more earlier " + who +
                    "s (" + kDirectoryName + "),");
  }
  return named;
}

std::string ExamRecords::later_named(const std::string& summary_name, const std::string& who) {
  return summary_name.empty() ? "a later " + who + ", " + kNotSummarisedForSr
                              : "a later " + who + ", summarised to " + summary_name + ",";
}

ExamRecords::Amended ExamRecords::amend(const std::string& output_dir, const std::string& name,
                                        const std::string& other_summary, const std::string& who,
                                        bool named_already) {
  const std::string named = other_named(other_summary, who);
  const std::string path = (fs::path(output_dir) / name).string();
  const EarlierFile earlier = read_earlier_output(path, kLargestSummary);
  if (earlier.state == EarlierFile::State::Missing) {
    return {Amended::Outcome::Gone,
            path + ": no longer there, so it cannot say that its exam has another result"};
  }
  if (earlier.state == EarlierFile::State::NotRegular) {
    return {Amended::Outcome::Failed,
            path +
                ": not a regular file, so it cannot say that its exam has another result; "
                "review the exam by hand"};
  }
  const std::string& summary = earlier.bytes;
  if (summary.find(named) != std::string::npos ||
      (named_already &&
       summary.find("<warning code=\"same-exam-conflict\">") != std::string::npos)) {
    return {Amended::Outcome::SaidAlready, ""};
  }
  // E19 and its finding row W25, as a summary made knowing the other result has them.
  const Rule* exam_rule = find_rule("E19");
  const Rule* finding_rule = find_rule("W25");
  const FiredRule finding_row{finding_rule, finding_rule->outcome, {}};
  const std::optional<std::string> amended =
      earlier.state != EarlierFile::State::Read
          ? std::nullopt
          : summary_with_exam_rule(summary, FiredRule{exam_rule, exam_rule->outcome, {}},
                                   &finding_row, WarningCode::SameExamConflict,
                                   same_exam_conflict_text(later_named(other_summary, who)));
  if (!amended) {
    return {Amended::Outcome::Failed,
            path +
                ": not a summary mammocalc can read, so it cannot say that its exam has "
                "another result; review it by hand"};
  }
  try {
    write_file_atomically(path, *amended);
  } catch (const Error& failure) {
    return {Amended::Outcome::CouldNotWrite, failure.what()};
  }
  return {Amended::Outcome::Amended, ""};
}

ExamRecords::Amended ExamRecords::amend_sr(const std::string& path, const std::string& kept_path,
                                           const std::string& other_summary, const std::string& who,
                                           bool named_already,
                                           const std::string& source_sop_instance_uid) {
  EarlierFile earlier = read_earlier_output(path, kLargestSummary);
  const std::string cannot =
      ", so the result SR cannot say that its exam has another result; review the exam by hand";
  // Not there, though an earlier call wrote one: sent on and removed by a forwarder (a spool),
  // or into another --dicom-dir. Made again from the record's copy, amended; without one, said,
  // not failed, as a summary removed since (review 43, R43-6): each later result would fail for
  // good.
  const bool gone = earlier.state == EarlierFile::State::Missing;
  if (gone) earlier = read_earlier_output(kept_path, kLargestSummary);
  if (gone && earlier.state == EarlierFile::State::Missing) {
    return {Amended::Outcome::Gone,
            path +
                ": no result SR there, though an earlier call wrote one for the exam (into "
                "another --dicom-dir, or sent on and removed since), and no copy of it in the "
                "record of exams" +
                cannot};
  }
  // Named as read: gone, the SR is made from the record's copy (hostile review 59, H59-4).
  const std::string& read_from = gone ? kept_path : path;
  if (earlier.state != EarlierFile::State::Read) {
    return {Amended::Outcome::Failed,
            read_from + ": not a regular file of an SR's size" +
                (gone ? " (the record's copy of the result SR, which is gone)" : "") + cannot};
  }
  if (named_already &&
      earlier.bytes.find("Warning " + std::string(to_string(WarningCode::SameExamConflict)) +
                         ": ") != std::string::npos) {
    return {Amended::Outcome::SaidAlready, ""};
  }
  std::optional<std::string> amended;
  try {
    amended =
        result_sr_with_warning(earlier.bytes, std::string(to_string(WarningCode::SameExamConflict)),
                               same_exam_conflict_text(later_named(other_summary, who)),
                               source_sop_instance_uid, other_named(other_summary, who));
  } catch (const Error& failure) {
    return {Amended::Outcome::Failed, read_from + ": " + failure.what() + cannot};
  }
  if (!amended) return {Amended::Outcome::SaidAlready, ""};
  // The copy first: a failure between the two leaves the SR to amend again, from itself.
  try {
    std::error_code error;
    if (gone || fs::is_regular_file(fs::symlink_status(kept_path, error))) {
      write_file_atomically(kept_path, *amended);
    }
    write_file_atomically(path, *amended);
  } catch (const Error& failure) {
    return {Amended::Outcome::CouldNotWrite, path + ": " + failure.what() + cannot};
  }
  // Said, so that the operator sends it on again where the first went (review 43, R43-5).
  const std::string made = gone ? ": the result SR, sent on and removed since (or written into "
                                  "another --dicom-dir), is made again from the record of exams' "
                                  "copy and"
                                : ": the result SR";
  return {Amended::Outcome::Amended,
          path + made +
              " now says that its exam has another result, as a new object (a SOP Instance UID "
              "of its own, naming the one it replaces): send it again where it was forwarded"};
}

std::string ExamRecords::received_name(const std::string& text) {
  return kReceivedPrefix + hex_digest(text).substr(0, kReceivedDigits);
}

std::string ExamRecords::exam_key_of(const InputResult& result) {
  // A UID of one component ("12345") names no record file either (hostile review 61, H61-2).
  if (is_uid(result.exam_sop_instance_uid, 2)) return result.exam_sop_instance_uid;
  const std::string& uid =
      result.exam_sop_instance_uid.empty() ? result.sop_instance_uid : result.exam_sop_instance_uid;
  return uid.empty() ? std::string() : received_name(uid);
}

std::optional<ExamRecords::Exam> ExamRecords::open(const InputResult& result) {
  return open(exam_key_of(result), result.said, call_);
}

std::optional<ExamRecords::Exam> ExamRecords::open(const std::string& exam_uid,
                                                   const std::string& said,
                                                   const std::string& mark) {
  if (!is_uid(exam_uid, 2) && !is_received_name(exam_uid)) return std::nullopt;
  std::string token = hex_digest(said);
  if (policy_.enabled) token = pseudonym_uid(token, policy_.key);
  const std::string path = (fs::path(directory_) / exam_uid).string();
  Exam exam(locks_.hold({std::string(kDirectoryName) + "/" + exam_uid}), path, token, mark);
  // Checked again for each exam: serve runs for weeks, and a call of another kind may have
  // claimed an OUTDIR serve found empty, or the naming file been removed since (hostile review
  // 42, H42-3, H42-4). Records are written through no link: a directory that is one might lead
  // anywhere.
  claim_naming(true);
  const EarlierFile record = read_earlier_output(path, kLargestRecord);
  switch (record.state) {
    case EarlierFile::State::Missing:
      return exam;
    case EarlierFile::State::NotRegular:
      not_a_record(path, "not a regular file, so it is no record of this exam");
    case EarlierFile::State::TooLarge:
      not_a_record(path, "larger than any record of an exam, so it is not read");
    case EarlierFile::State::Unreadable:
      not_a_record(path, "cannot read the record of this exam");
    case EarlierFile::State::Read:
      break;
  }
  std::istringstream in(record.bytes);
  std::string text;
  std::size_t unsummarised = 0;
  for (int number = 1; std::getline(in, text); ++number) {
    std::istringstream fields(text);
    Exam::Line line;
    std::string sr;
    std::string rest;
    const bool read =
        static_cast<bool>(fields >> line.result >> line.call >> line.summary_name >> sr);
    if (!read || (fields >> rest) || (sr != kWroteSr && sr != kNotSummarised) ||
        (line.summary_name != kNotSummarised && !is_summary_of(line.summary_name, exam_uid))) {
      not_a_record(path, "line " + std::to_string(number) +
                             ": not a line of the record of this exam (RESULT CALL "
                             "SUMMARY SR, SUMMARY one of this exam's)");
    }
    if (line.summary_name == kNotSummarised) line.summary_name.clear();
    line.wrote_sr = sr == kWroteSr;
    exam.lines_.push_back(line);
    if (line.summary_name.empty()) ++unsummarised;
    if (line.call != mark) {
      exam.earlier_.push_back({line.summary_name, line.result == token, line.wrote_sr,
                               line.summary_name.empty() ? unsummarised : 0});
    }
  }
  // Records are written whole (one atomic write), never empty: an empty one was cut or emptied.
  if (exam.lines_.empty()) not_a_record(path, "empty, so it is no record of this exam");
  return exam;
}

std::vector<ExamRecords::Amended> ExamRecords::Exam::amend_others(
    const std::string& output_dir, const std::string& this_summary, const std::string& who,
    const std::string& result_sr_path, const std::string& source_sop_instance_uid) const {
  const std::vector<std::string> others = other_summaries();
  const bool named_already = others.size() > kResultsNamed;
  // Results not summarised are named by their place among them (Earlier::unsummarised_place).
  std::string named_who = who;
  if (this_summary.empty()) {
    std::size_t place = 0;
    for (const Line& line : lines_) {
      if (!line.summary_name.empty()) continue;
      ++place;
      if (line.result == result_) break;
    }
    named_who = unsummarised_named(who, place);
  }
  std::vector<Amended> amended(others.size());
  std::transform(others.begin(), others.end(), amended.begin(), [&](const std::string& other) {
    return amend(output_dir, other, this_summary, named_who, named_already);
  });
  const std::vector<Earlier> results = other_results();
  if (!result_sr_path.empty() && std::any_of(results.begin(), results.end(),
                                             [](const Earlier& other) { return other.wrote_sr; })) {
    amended.push_back(amend_sr(result_sr_path, kept_sr_path(), this_summary, named_who,
                               named_already, source_sop_instance_uid));
  }
  return amended;
}

std::vector<ExamRecords::Earlier> ExamRecords::Exam::other_results() const {
  std::vector<Earlier> others;
  std::copy_if(earlier_.begin(), earlier_.end(), std::back_inserter(others),
               [](const Earlier& earlier) { return !earlier.same_result; });
  return others;
}

std::vector<std::string> ExamRecords::Exam::other_summaries() const {
  std::vector<std::string> names;
  for (const Earlier& other : other_results()) {
    if (!other.summary_name.empty()) names.push_back(other.summary_name);
  }
  return names;
}

std::optional<std::string> ExamRecords::Exam::same_result() const {
  const auto found = std::find_if(earlier_.begin(), earlier_.end(), [](const Earlier& earlier) {
    return earlier.same_result && !earlier.summary_name.empty();
  });
  if (found == earlier_.end()) return std::nullopt;
  return found->summary_name;
}

void ExamRecords::Exam::record(const std::string& summary_name, bool wrote_sr) {
  if (!before_record_) before_record_ = lines_;
  if (summary_name.empty()) {
    // A result not summarised is recorded once, and not where it has a summary.
    if (std::any_of(lines_.begin(), lines_.end(),
                    [&](const Line& line) { return line.result == result_; })) {
      return;
    }
    lines_.push_back({result_, call_, "", false});
    write();
    return;
  }
  const auto same_name = [&](const Line& line) { return line.summary_name == summary_name; };
  const auto found = std::find_if(lines_.begin(), lines_.end(), same_name);
  const bool sr =
      wrote_sr || (found != lines_.end() && found->result == result_ && found->wrote_sr);
  // This result's line as not summarised goes too: it has a summary now (review 41, R41-16).
  const auto replaced = [&](const Line& line) {
    return same_name(line) || (line.result == result_ && line.summary_name.empty());
  };
  lines_.erase(std::remove_if(lines_.begin(), lines_.end(), replaced), lines_.end());
  lines_.push_back({result_, call_, summary_name, sr});
  write();
}

std::string ExamRecords::Exam::withdraw() noexcept {
  if (!before_record_) return {};
  try {
    lines_ = *before_record_;
    before_record_.reset();
    if (lines_.empty()) {
      std::error_code error;
      fs::remove(path_, error);
      if (error)
        return path_ + ": cannot remove the record of a result not written (" + error.message() +
               ")";
      return {};
    }
    write();
    return {};
  } catch (const Error& failure) {
    return failure.what();
  } catch (const std::exception& failure) {
    return path_ + ": cannot put the record back (" + failure.what() + ")";
  }
}

void ExamRecords::Exam::adopt_unrecorded(const std::string& output_dir, const std::string& name,
                                         const std::string& this_summary) {
  if (!lines_.empty() || name.size() <= 4) return;
  const std::string stem = name.substr(0, name.size() - 4);
  for (int number = 1;; ++number) {
    const std::string candidate = number == 1 ? name : stem + "-" + std::to_string(number) + ".xml";
    const std::string path = (fs::path(output_dir) / candidate).string();
    std::error_code error;
    if (!fs::exists(fs::symlink_status(path, error))) {
      if (number == 1) continue;
      return;
    }
    // Only a file can be a summary; anything else under the name fails the write later.
    if (fs::is_regular_file(fs::symlink_status(path, error)) && !holds_bytes(path, this_summary)) {
      adopt(candidate);
    }
  }
}

void ExamRecords::Exam::adopt(const std::string& summary_name) {
  lines_.push_back({kUnrecordedResult, kNotSummarised, summary_name, true});
  earlier_.push_back({summary_name, false, true});
  write();
}

void ExamRecords::Exam::write() const {
  std::string text;
  for (const Line& line : lines_) {
    text += line.result + ' ' + line.call + ' ' +
            (line.summary_name.empty() ? kNotSummarised : line.summary_name) + ' ' +
            (line.wrote_sr ? kWroteSr : kNotSummarised) + '\n';
  }
  std::error_code error;
  fs::create_directories(fs::path(path_).parent_path(), error);
  if (error) {
    throw Error(ErrorCode::OutputFailed, fs::path(path_).parent_path().string() +
                                             ": cannot create the record of exams (" +
                                             error.message() + ")");
  }
  write_file_atomically(path_, text);
}

namespace {

// The output directory whose run owns the SR directory `directory` (kSrDirectoryOwnerFile), as
// the file names it; empty where there is none.
std::string sr_directory_owner(const fs::path& directory) {
  // Read without blocking and at most a path's length: a FIFO or a huge file in its place is no
  // owner this run can be (hostile review 55, H55-3: serve blocked, or read gigabytes).
  constexpr std::size_t kLongestOwner = 4096;
  const std::string path = (directory / kSrDirectoryOwnerFile).string();
  const int file = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
  if (file < 0) return errno == ENOENT ? std::string() : std::string("(unreadable)");
  struct stat status {};
  std::string text(kLongestOwner, '\0');
  ssize_t got = -1;
  if (::fstat(file, &status) == 0 && S_ISREG(status.st_mode)) {
    got = ::read(file, text.data(), text.size());
  }
  ::close(file);
  if (got <= 0) return "(not an owner file)";
  text.resize(static_cast<std::size_t>(got));
  return text.substr(0, text.find('\n'));
}

// What makes `directory` the output directory of a batch, hook or serve, or its SR directory,
// or none.
std::string run_directory_marker(const fs::path& directory) {
  const std::array<const char*, 3> markers{kBatchNamingFile, ExamRecords::kDirectoryName,
                                           kSrDirectoryOwnerFile};
  const auto* marker = std::find_if(markers.begin(), markers.end(), [&](const char* name) {
    std::error_code error;
    return fs::exists(fs::symlink_status(directory / name, error));
  });
  if (marker != markers.end()) return *marker;
  // A batch whose naming file is gone is still told by its index.
  std::ifstream index(directory / "index.xml", std::ios::binary);
  std::string head(4096, '\0');
  index.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(index.gcount()));
  if (head.find(std::string("<") + kIndexRoot) != std::string::npos) return "index.xml";
  return {};
}

[[noreturn]] void refuse(const std::string& option, const std::string& path,
                         const fs::path& directory, const std::string& marker) {
  throw Error(ErrorCode::Usage, option + " " + path + ": " + directory.string() +
                                    " is the output directory of a batch, hook or serve, or "
                                    "its SR directory (" +
                                    marker +
                                    "), whose index, pages, copies, summaries and SRs it may "
                                    "replace; write it elsewhere");
}

// Refuses `path` (named by `option`) when `directory` is a run's output directory or lies inside
// a record of exams.
void refuse_in_run_directory(const std::string& option, const std::string& path,
                             const fs::path& directory) {
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(directory, error);
  for (const fs::path& part : error ? directory : resolved) {
    if (part == ExamRecords::kDirectoryName) {
      refuse(option, path, directory, ExamRecords::kDirectoryName);
    }
  }
  if (const std::string marker = run_directory_marker(directory); !marker.empty()) {
    refuse(option, path, directory, marker);
  }
}

}  // namespace

void refuse_output_in_run_directory(const std::string& file, const std::string& option) {
  const fs::path parent = fs::path(file).parent_path();
  refuse_in_run_directory(option, file, parent.empty() ? fs::path(".") : parent);
}

void refuse_run_directory_as_output(const std::string& directory, const std::string& option) {
  refuse_in_run_directory(option, directory, directory);
}

namespace {

bool same_directory(const fs::path& a, const fs::path& b) {
  std::error_code error;
  if (fs::equivalent(a, b, error)) return true;
  std::error_code first;
  std::error_code second;
  const fs::path resolved = fs::weakly_canonical(a, first);
  return !first && resolved == fs::weakly_canonical(b, second) && !second;
}

}  // namespace

void refuse_other_run_directory(const std::string& directory, const std::string& own_directory,
                                const std::string& option) {
  if (same_directory(directory, own_directory)) return;
  // The SR directory of this run's own output directory (two serve processes on one OUTDIR, a
  // batch run again): its own.
  const std::string owner = sr_directory_owner(directory);
  if (!owner.empty() && same_directory(owner, own_directory)) return;
  refuse_run_directory_as_output(directory, option);
}

void claim_sr_directory(const std::string& directory, const std::string& own_directory) {
  create_output_directory(directory);
  if (same_directory(directory, own_directory)) return;
  const fs::path marker = fs::path(directory) / kSrDirectoryOwnerFile;
  if (sr_directory_owner(directory).empty()) {
    // Written under a name of its own, then linked to the marker's name, which fails where
    // another run named one meanwhile: two runs started together never both claim it (hostile
    // review 55, H55-1: the later replaced the earlier's claim, and then its REVIEW-NEEDED SR).
    std::error_code error;
    const fs::path owner = fs::weakly_canonical(own_directory, error);
    // Named per process and per call: serve's workers may claim it at once (H55-2).
    static std::atomic<unsigned long> claims{0};
    const std::string claim = marker.string() + ".claim-" + std::to_string(::getpid()) + "-" +
                              std::to_string(claims.fetch_add(1));
    write_file_atomically(claim, (error ? fs::path(own_directory) : owner).string() + "\n");
    const int linked = ::link(claim.c_str(), marker.c_str());
    const int link_error = errno;
    ::unlink(claim.c_str());
    if (linked != 0 && link_error != EEXIST) {
      throw Error(ErrorCode::OutputFailed, marker.string() + ": cannot be written (" +
                                               std::generic_category().message(link_error) + ")");
    }
  }
  const std::string named = sr_directory_owner(directory);
  if (named.empty() || !same_directory(named, own_directory)) {
    throw Error(ErrorCode::Usage, directory + ": the SR directory of the run writing to " + named +
                                      " (.mammocalc-sr-owner); write the SRs elsewhere");
  }
}

}  // namespace mammocalc
