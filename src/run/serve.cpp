#include "run/serve.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "annotations/annotation_reader.hpp"
#include "base/atomic_file.hpp"
#include "base/line_log.hpp"
#include "base/uid.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/sr_writer.hpp"
#include "dicom/store_scp.hpp"
#include "output/pseudonyms.hpp"
#include "run/annotation_directory.hpp"
#include "run/exam_records.hpp"
#include "run/output_locks.hpp"
#include "run/summarise.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

std::atomic<bool> stop_requested{false};
// Set from a signal handler: it must be lock-free.
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void request_stop(int) { stop_requested = true; }

// Objects answered with success but not summarised: not an SR of ours (images, key object
// selections, dose reports, reports on other organs) or mammocalc's own SR forwarded back by the
// PACS. A PACS sends every object of a study; none of these is an error for it, as in `hook`.
bool is_skipped_kind(ErrorCode code) {
  return code == ErrorCode::UnsupportedSopClass || code == ErrorCode::OtherSrDocument ||
         code == ErrorCode::NotBreastImaging || code == ErrorCode::OwnSummary;
}

// The one log line of a skipped object, worded as `hook`'s: "NAME: REASON; skipped".
StoreStatus skipped(const Error& reason, const LineLog& log) {
  log.write(std::string("mammocalc serve: ") + reason.what() + "; skipped");
  return StoreStatus::Success;
}

// Keeps `bytes` (a received object, as received) as the file `kept`, durably; with Replace::No
// only where nothing has the name (false otherwise). Written from the bytes, never moved from the
// association's file, whose name another process may have taken (hostile review 58, H58-1).
bool keep_bytes(const std::string& bytes, const std::string& kept, Replace replace) {
  if (replace == Replace::Yes) {
    write_file_atomically(kept, bytes);
    return true;
  }
  static std::atomic<unsigned long> attempts{0};
  return create_file_once(kept, bytes,
                          kept + ".keeping-" + std::to_string(::getpid()) + "-" +
                              std::to_string(attempts.fetch_add(1)));
}

// Names for received objects whose SOP Instance UID is no valid UID (empty, too long, bad
// characters, a path): "received-" and the first 16 hex digits of the SHA-1 of the announced
// UID, numbered "-2", "-3"… when an earlier object of this run has the name, so no object is
// summarised over another (the old name, "received", was shared by them all). A name taken on
// disk, by an earlier run or another process, is numbered on too: its summary (NAME.xml, also all
// that is left without --keep-received) or its kept copy, which never replaces a file
// (Replace::No). An identical re-send (the same bytes: a PACS retrying after a lost response) is
// the same object and keeps its name, so re-sends do not pile up numbered copies (hostile review,
// issue 18): known by the digest of the bytes this run gave the name to, or, after a restart, by
// the kept copy on disk holding the same bytes. The UID itself may hold anything: it is never a
// name nor said in a log line. Shared by the worker threads.
class ReceivedNames {
 public:
  // The name claimed for one object, without extension.
  struct Claim {
    std::string name;
    // Whether its copy was moved there now (and is removed again when the object fails); an
    // identical re-send finds its copy there already and leaves it.
    bool kept_now = false;
  };

  // The name (without extension) of the object of `bytes`: the one an identical object has, else
  // one no earlier object of this run got and no file takes; with `keep`, `bytes` are kept there
  // as NAME.dcm without replacing any file (keep_bytes). Throws Error(OutputFailed) when the copy
  // cannot be kept.
  Claim claim(const std::string& stem, const std::string& output_dir, const std::string& bytes,
              bool keep) {
    const std::string digest = hex_digest(bytes);
    const std::lock_guard<std::mutex> lock(mutex_);
    for (int number = 1;; ++number) {
      const std::string name = number == 1 ? stem : stem + "-" + std::to_string(number);
      const fs::path kept = fs::path(output_dir) / (name + ".dcm");
      const auto given = given_.find(name);
      if (given != given_.end()) {
        if (given->second != digest) continue;
        // Sent again. Its copy is kept anew when it is not there (removed when the earlier
        // sending failed, e.g. on a full disk: the sender's retry).
        if (!keep || holds_bytes(kept.string(), bytes)) return {name, false};
        if (keep_bytes(bytes, kept.string(), Replace::No)) return {name, true};
        continue;
      }
      if (holds_bytes(kept.string(), bytes)) {  // an earlier run kept this very object there
        given_.emplace(name, digest);
        return {name, false};
      }
      // Anything under the summary's name, a dangling symlink too: an earlier run's summary.
      std::error_code error;
      if (fs::exists(fs::symlink_status(fs::path(output_dir) / (name + ".xml"), error))) continue;
      if (keep && !keep_bytes(bytes, kept.string(), Replace::No)) continue;
      given_.emplace(name, digest);
      return {name, keep};
    }
  }

 private:
  std::mutex mutex_;
  // Each name given, with the SHA-1 of the object's bytes (a map: a name is asked for in order).
  std::map<std::string, std::string> given_;
};

// What log lines call an object, never its patient data: its SOP Instance UID; with
// --pseudonymize and a key the UID's keyed pseudonym, valid or not (an unkeyed digest of an
// invalid UID could be tested against a guess, and paired with the pseudonym), so no line pairs
// a real UID with its pseudonym; received-HASH for a UID that is not valid, which may hold
// anything, and for every UID with --pseudonymize without a key.
std::string logged_name(const std::string& uid, bool valid_uid, const PseudonymPolicy& pseudonyms) {
  if (valid_uid && !pseudonyms.enabled) return uid;
  if (pseudonyms.enabled && !pseudonyms.key.empty()) return pseudonym_uid(uid, pseudonyms.key);
  return ExamRecords::received_name(uid);
}

// Whether log lines name objects by their keyed pseudonyms (logged_name).
bool logs_keyed_pseudonyms(const PseudonymPolicy& pseudonyms) {
  return pseudonyms.enabled && !pseudonyms.key.empty();
}

// Why the data set is not the object the C-STORE command announced (PS3.4 B.2.3, PS3.7 9.1.1:
// the Affected SOP Class and Instance UIDs are the data set's), with the answer to the sender; an
// empty reason when it is. Files are named by the command's UID: a data set of another UID would
// replace another object's summary.
struct IdentityProblem {
  std::string reason;
  StoreStatus status = StoreStatus::CannotUnderstand;
};
IdentityProblem identity_problem(const SopIdentity& data_set, const ReceivedObject& object) {
  // The command's UIDs arrive in DCMTK's fields of 64 characters, the most a UID has (PS3.5
  // 9.1): a longer one in the data set, no valid UID (named received-HASH-N, of its own), is
  // compared as far as the command could carry it.
  constexpr std::size_t kMaxUidLength = 64;
  if (data_set.sop_instance_uid.substr(0, kMaxUidLength) != object.sop_instance_uid) {
    return {
        "the data set's SOP Instance UID is not the C-STORE command's Affected SOP Instance "
        "UID",
        StoreStatus::CannotUnderstand};
  }
  if (data_set.sop_class_uid != object.sop_class_uid) {
    // PS3.4 B.2.3: "Data Set does not match SOP Class".
    return {"the data set's SOP Class UID is not the C-STORE command's Affected SOP Class UID",
            StoreStatus::DataSetDoesNotMatchSopClass};
  }
  return {};
}

// The SOP Instance UID of the DICOM object in the file at `path`; nothing when there is no file
// or no object that can be read there.
std::optional<std::string> instance_uid_on_disk(const std::string& path, const ReadLimits& limits) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  try {
    return read_sop_identity(read_input_bytes(path, limits.max_input_bytes), path, limits)
        .sop_instance_uid;
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Whether the file at `path` is a DICOM object of SOP Instance UID `uid`.
bool holds_object(const std::string& path, const std::string& uid, const ReadLimits& limits) {
  return instance_uid_on_disk(path, limits) == uid;
}

// Whether the file at `path` is a DICOM object of another SOP Instance UID than `uid`.
bool holds_another_object(const std::string& path, const std::string& uid,
                          const ReadLimits& limits) {
  const std::optional<std::string> on_disk = instance_uid_on_disk(path, limits);
  return on_disk && *on_disk != uid;
}

// Removes what was written for an object that then failed, so a failure leaves no output of it
// (the sender retries it whole).
void remove_outputs(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) std::remove(path.c_str());
}

// How a received object's summaries name another object of its exam (E19).
constexpr const char* kReceivedObject = "received object";

// Which name of an object another object's file has (--keep-received with --dicom-out).
constexpr const char* kKeptNameTaken =
    "the name of its kept copy is taken by the result SR of another object (--dicom-out)";
// Without --dicom-out no result SR is there: a file another process put (hostile review 59,
// H59-4).
constexpr const char* kKeptNameHoldsAnother =
    "the name of its kept copy holds another object (another SOP Instance UID)";
constexpr const char* kResultNameTaken =
    "the name of its result SR is taken by the kept copy of another object (--keep-received), "
    "whose SOP Instance UID is that name";

// Refuses an object one of whose files would replace another object's (0xC000: sent again,
// it clashes again), with its one log line; nothing of it is written.
StoreStatus refuse_name_clash(const std::string& said, const char* clash,
                              const std::vector<std::string>& written, const LineLog& log) {
  remove_outputs(written);
  log.write("mammocalc serve: received:" + said + ": " + clash + "; refused, nothing written");
  return StoreStatus::CannotUnderstand;
}

// An --annotations path, whether it was a directory at start-up and, for a directory, which one
// (device and inode): an unmounted share leaves the empty mount point, a redeployment another
// directory at the same path, and either would read as "no annotations" (hostile review, issue
// 18). A file may be replaced by an edit (a new inode), so only its kind is checked.
struct AnnotationPath {
  std::string path;
  bool directory = false;
  dev_t device = 0;
  ino_t inode = 0;
};

// Why an --annotations path cannot be read as at start-up ("--annotations DIR: no longer a
// directory (No such file or directory)", "... no longer the directory it was at start-up (...)");
// empty when it can.
std::string unavailable_annotation_path(const std::vector<AnnotationPath>& paths) {
  for (const AnnotationPath& path : paths) {
    struct stat now {};
    const bool exists = ::stat(path.path.c_str(), &now) == 0;
    const std::string reason = exists ? "" : " (" + std::generic_category().message(errno) + ")";
    const bool fits = exists && (path.directory ? S_ISDIR(now.st_mode) : S_ISREG(now.st_mode));
    if (!fits) {
      return "--annotations " + path.path + ": no longer a " +
             (path.directory ? "directory" : "file") + reason;
    }
    if (path.directory && (now.st_dev != path.device || now.st_ino != path.inode)) {
      return "--annotations " + path.path +
             ": no longer the directory it was at start-up (a share unmounted or another directory "
             "put in its place; restart serve to take a new one)";
    }
  }
  return {};
}

// What the worker threads share: read-only configuration and evaluation, the log, the names given
// to objects whose UID is not valid and the locks of output names.
struct Endpoint {
  const ServeConfig& config;
  const Evaluation& evaluation;
  ReceivedNames& received_names;
  OutputLocks& output_locks;
  ExamRecords& records;  // what earlier objects of an exam gave (shared with hook calls)
  const std::vector<AnnotationPath>& annotation_paths;
  const LineLog& log;
};

// The endpoint's policy for one received object: summarise an SR in-process, keep it if asked,
// and say which C-STORE status the sender gets. Runs on several worker threads at once: it
// shares only what is read (config, evaluation), the log, the names given to objects whose UID is
// not valid and the locks of output names; an object's files are written under the locks of all
// their names.
StoreStatus handle_received(const ReceivedObject& object, const Endpoint& endpoint) {
  const ServeConfig& config = endpoint.config;
  const Evaluation& evaluation = endpoint.evaluation;
  const LineLog& log = endpoint.log;
  const bool valid_uid = is_uid(object.sop_instance_uid, 2);
  const std::string said = logged_name(object.sop_instance_uid, valid_uid, evaluation.pseudonyms);
  // A command naming another class than its presentation context (PS3.7 9.3.1.1: an SR context
  // whose command names an image was skipped with success, its report lost; hostile review 54,
  // H54-6): refused, said.
  if (object.sop_class_uid != object.context_sop_class_uid) {
    const auto named = [](const std::string& uid) {
      return is_uid(uid) ? uid : std::string("(not a valid UID)");
    };
    log.write("mammocalc serve: received:" + said + ": its C-STORE command names SOP Class " +
              named(object.sop_class_uid) + ", not its presentation context's " +
              named(object.context_sop_class_uid) + "; refused (SOP Class not supported)");
    return StoreStatus::SopClassNotSupported;
  }
  if (object.path.empty()) {
    // A class the SR reader does not read, discarded as it arrived: what reading it would say.
    return skipped(unread_sop_class_error(object.sop_class_uid, "received:" + said), log);
  }
  // An --annotations path gone or changed since start-up (a share unmounted, a directory being
  // redeployed) is a local fault that passes: the sender retries (out of resources), as it does
  // for a full disk; 0xC000 would make it give up on the report.
  const std::string gone = unavailable_annotation_path(endpoint.annotation_paths);
  if (!gone.empty()) {
    log.write("mammocalc serve: received:" + said + ": " + gone + "; answered out of resources");
    return StoreStatus::OutOfResources;
  }
  std::string name = said;
  // The kept copy of an object whose UID is not valid, under a name of its own: removed again
  // when the object fails.
  std::vector<std::string> written;
  try {
    if (!valid_uid && !config.dicom_dir.empty()) {
      // The result SR references its source by UID (Current Requested Procedure Evidence), as
      // `summarize --dicom-out` refuses such an SR: refused before anything is kept or written.
      log.write("mammocalc serve: received:" + said +
                ": the SOP Instance UID is not a valid UID, so no DICOM SR can refer to it "
                "(--dicom-out); refused");
      return StoreStatus::CannotUnderstand;
    }
    // As received (within --max-input-mb, which the endpoint enforced as it arrived). Named
    // "received:NAME" in errors and in the summary, so every log line has the one documented
    // form.
    std::string bytes = object.bytes;
    // Outputs are named by the command's UID: the data set must be that object, checked before
    // anything is kept or written.
    const IdentityProblem problem =
        identity_problem(read_sop_identity(bytes, "received:" + said, evaluation.limits), object);
    if (!problem.reason.empty()) {
      log.write("mammocalc serve: received:" + said + ": " + problem.reason + "; refused");
      return problem.status;
    }
    // Pseudonymised, the summary is named by its pseudonym, as in a batch; without one (no key:
    // UIDs dropped) by a name of its own that says nothing of the UID: the digest of the
    // object's bytes (the same object sent again is replaced).
    const std::string digest_name =
        evaluation.pseudonyms.enabled ? ExamRecords::received_name(bytes) + ".xml" : std::string();
    // An invalid UID gets a name of its own, never another object's: claimed (and the copy kept
    // there) first, since the summary is named after it.
    std::string stem = object.sop_instance_uid;
    if (!valid_uid) {
      const ReceivedNames::Claim claim =
          endpoint.received_names.claim(ExamRecords::received_name(object.sop_instance_uid),
                                        config.output_dir, bytes, config.keep_received);
      stem = claim.name;
      // The kept copy's name is the unkeyed digest: logged, it would pair it with the pseudonym.
      if (!logs_keyed_pseudonyms(evaluation.pseudonyms)) name = stem;
      if (claim.kept_now) {
        written.push_back((fs::path(config.output_dir) / (stem + ".dcm")).string());
      }
    }
    // The same UID again is the same object sent again: its copy is replaced. Not kept, the
    // object stays in the association's file, which the endpoint overwrites with the next SR and
    // removes when the association ends. Called with the kept name's lock held.
    const bool keeps_copy = valid_uid && config.keep_received;
    std::string kept_path = (fs::path(config.output_dir) / (stem + ".dcm")).string();
    const auto keep_copy = [&] {
      if (keeps_copy) keep_bytes(object.bytes, kept_path, Replace::Yes);
    };
    // A result SR is named 2.25.<name-based UID>.dcm beside the kept copies (--dicom-out): a
    // sender may announce that name as a SOP Instance UID. Refused, whichever came first, so that
    // one object's file never replaces another's.
    const char* const kept_name_taken =
        config.dicom_dir.empty() ? kKeptNameHoldsAnother : kKeptNameTaken;
    const auto kept_name_clash = [&] {
      return keeps_copy &&
             holds_another_object(kept_path, object.sop_instance_uid, evaluation.limits);
    };
    std::optional<Report> summarised;
    try {
      summarised = summarise_input_bytes(std::move(bytes), "received:" + name, evaluation);
    } catch (const Error& failure) {
      if (!is_skipped_kind(failure.code())) throw;
      // An SR of a class the reader does not summarise (a key object, a dose report) was read
      // only to tell a damaged report: never kept, as before it was read.
      if (!is_accepted_sop_class(object.sop_class_uid)) return skipped(failure, log);
      // Answered with success and kept, as every SR is; nothing else is written of it. Not over
      // the copy an earlier object of the UID left: its summary and result SR would then stand
      // beside another object's copy (a breast report's beside a chest CT report's).
      const OutputLocks::Held held = endpoint.output_locks.hold({stem + ".dcm"});
      if (kept_name_clash()) return refuse_name_clash(said, kept_name_taken, written, log);
      std::error_code error;
      if (keeps_copy && fs::exists(fs::symlink_status(kept_path, error))) {
        log.write(std::string("mammocalc serve: ") + failure.what() +
                  "; skipped, not kept: the kept copy of an earlier object of this UID stays");
        return StoreStatus::Success;
      }
      keep_copy();
      return skipped(failure, log);
    }
    const std::string& pseudonym = summarised->input.source.sop_instance_uid;
    std::string summary_name = !evaluation.pseudonyms.enabled ? stem + ".xml"
                               : is_uid(pseudonym, 2)         ? pseudonym + ".xml"
                                                              : digest_name;
    // Another object under this UID that says something else (another report, another
    // patient's): never replaced unseen, as across hook calls (ExamRecords; hostile review 37,
    // H37-6). Held until this object's files are written.
    // The exam's UID as its summary names it: pseudonymised, an invalid UID's keyed pseudonym is
    // one, and two reports under it are one exam's two results (hostile review 56, H56-1: the
    // second replaced the first's summary unseen). Not pseudonymised, an invalid UID's exam is
    // known by the name its files are numbered from (H56-2: two reports under it were
    // summarised apart, neither naming the other); its objects keep the names claimed, which
    // tell different objects apart already. Pseudonymised without a key, none (records.open).
    const bool named_by_claim = !valid_uid && !evaluation.pseudonyms.enabled;
    const std::string exam_key = named_by_claim
                                     ? ExamRecords::received_name(object.sop_instance_uid)
                                     : exam_uid_of(*summarised);
    std::optional<ExamRecords::Exam> recorded =
        endpoint.records.open(exam_key, said_of(*summarised), ExamRecords::new_mark());
    // Summaries of the exam the record does not know are other results (review 41, R41-1).
    if (recorded && recorded->empty()) {
      recorded->adopt_unrecorded(config.output_dir,
                                 named_by_claim ? exam_key + ".xml" : summary_name,
                                 render_summary(*summarised, evaluation.summary));
    }
    const std::vector<ExamRecords::Earlier> others =
        recorded ? recorded->other_results() : std::vector<ExamRecords::Earlier>();
    const std::vector<std::string> other_summaries =
        recorded ? recorded->other_summaries() : std::vector<std::string>();
    const std::optional<std::string> same = recorded ? recorded->same_result() : std::nullopt;
    const auto amend_others = [&](const std::string& this_summary,
                                  const std::string& result_sr_path = "") {
      for (const ExamRecords::Amended& amended :
           recorded->amend_others(config.output_dir, this_summary, kReceivedObject, result_sr_path,
                                  summarised->input.source.sop_instance_uid)) {
        // An earlier summary or result SR left saying no review for want of disk space: this
        // object fails as out of resources, so the sender retries and the amendment with it.
        if (amended.outcome == ExamRecords::Amended::Outcome::CouldNotWrite) {
          throw Error(ErrorCode::OutputFailed, amended.message);
        }
        if (!amended.message.empty()) log.write("mammocalc serve: " + amended.message);
      }
    };
    if (!config.dicom_dir.empty() &&
        std::any_of(others.begin(), others.end(),
                    [](const ExamRecords::Earlier& other) { return other.wrote_sr; })) {
      // Its result SR would replace another result's (one SR file per exam): refused, recorded,
      // and the earlier summaries say the exam has another result. The exam's result SR is
      // amended, or made again from the record's copy: into the SR directory made and claimed
      // first, as for any result SR, before anything is recorded (hostile review 57, H57-4: made
      // into another run's directory; H57-5: never made where the directory was gone).
      claim_sr_directory(config.dicom_dir, config.output_dir);
      recorded->record("", false);
      // The exam's result SR is another result's: it says so too (H40-4, R41-10).
      amend_others(
          "", (fs::path(config.dicom_dir) / (result_sr_file_stem(*summarised) + ".dcm")).string());
      remove_outputs(written);
      log.write("mammocalc serve: received:" + said +
                ": has the SOP Instance UID of an earlier received object and another result: "
                "its result SR would replace that one's; refused, the earlier summaries need "
                "review");
      return StoreStatus::CannotUnderstand;
    }
    // The same result again replaces its own files; another takes names of its own (UID-N).
    std::string suffix;
    if (named_by_claim) {
      // Named already, by the claim.
    } else if (same) {
      summary_name = *same;
    } else if (!others.empty()) {
      const std::string base = summary_name.substr(0, summary_name.size() - 4);
      for (int number = 2;; ++number) {
        suffix = "-" + std::to_string(number);
        const std::string candidate = base + suffix + ".xml";
        std::error_code error;
        if (std::find(other_summaries.begin(), other_summaries.end(), candidate) ==
                other_summaries.end() &&
            !fs::exists(fs::symlink_status(fs::path(config.output_dir) / candidate, error))) {
          summary_name = candidate;
          break;
        }
      }
    }
    if (same && !named_by_claim && same->size() > 4) {
      const std::string same_stem = same->substr(0, same->size() - 4);
      const std::size_t dash = same_stem.rfind('-');
      if (dash != std::string::npos &&
          same_stem.find_first_not_of("0123456789", dash + 1) == std::string::npos) {
        suffix = same_stem.substr(dash);
      }
    }
    if (!suffix.empty()) {
      stem += suffix;
      kept_path = (fs::path(config.output_dir) / (stem + ".dcm")).string();
    }
    // Where the exam has other results, summarised again to say so (E19).
    if (!others.empty()) {
      const std::vector<std::string> others_said =
          ExamRecords::earlier_named(others, kReceivedObject);
      summarised = summarise_input_bytes(std::string(object.bytes), "received:" + name, evaluation,
                                         others_said);
    }
    const Report& report = *summarised;
    const std::string summary = render_summary(report, evaluation.summary);
    // Every output is written under no name first and named only once all are written: an
    // object that fails (unreadable, a full disk) replaces nothing that an earlier object of its
    // UID left, neither its kept copy nor its result SR nor its summary. The kept copy, the
    // summary and the result SR are on disk (data and name) before the sender hears success;
    // one that cannot be written is a failure the sender hears (out of resources). Done under
    // the locks of all their names (in this process and in any other serve on the output
    // directory), they are all of this object.
    std::optional<WrittenSr> sr;
    if (!config.dicom_dir.empty()) sr = write_report_sr(report);
    const std::string sr_name = sr ? sr->file_stem + ".dcm" : std::string();
    const OutputLocks::Held held =
        endpoint.output_locks.hold({stem + ".dcm", summary_name, sr_name});
    if (kept_name_clash()) return refuse_name_clash(said, kept_name_taken, written, log);
    std::optional<AtomicFile> result_sr;
    if (sr) {
      // The SR directory may have been rotated or its mark removed since start-up (a spool that
      // moves it away once sent), and then claimed by another run, whose SRs would replace
      // this one's: made and claimed again, or this object fails as out of resources, said
      // (hostile review 55, H55-2). The SR is made in the directory it is named in (AtomicFile
      // holds it), and that one is checked: one swapped in after the check gets nothing
      // (hostile review 58, H58-4).
      create_output_directory(config.dicom_dir);
      const std::string sr_path = (fs::path(config.dicom_dir) / sr_name).string();
      // A result SR is never named by its own UID (that derives from its content as well): a
      // file there that is is a received object's kept copy.
      if (holds_object(sr_path, sr->file_stem, evaluation.limits)) {
        return refuse_name_clash(said, kResultNameTaken, written, log);
      }
      result_sr.emplace(sr_path);
      claim_sr_directory(config.dicom_dir, config.output_dir);
      if (!result_sr->made_in(config.dicom_dir)) {
        throw Error(ErrorCode::OutputFailed,
                    config.dicom_dir + ": replaced by another directory while its SR was made");
      }
      result_sr->write(sr->bytes);
    }
    // A copy beside the exam's record, from which the corrected SR is made once a later result
    // arrives after this one was sent on and removed (hostile review 54, H54-4).
    std::optional<AtomicFile> kept_sr;
    if (sr && recorded) {
      kept_sr.emplace(recorded->kept_sr_path());
      kept_sr->write(sr->bytes);
    }
    AtomicFile summary_file((fs::path(config.output_dir) / summary_name).string());
    summary_file.write(summary);
    try {
      if (recorded) {
        // Recorded, and the earlier results' summaries amended, before its own are named: an
        // endpoint that dies in between leaves them asking for review (as hook, H38-3).
        recorded->record(summary_name, sr.has_value());
        amend_others(summary_name);
      }
      keep_copy();
      if (kept_sr) kept_sr->commit();
      if (result_sr) result_sr->commit();
      summary_file.commit();
    } catch (const Error&) {
      // Nothing of a failed object stays, its record line neither (hostile review 59, H59-1).
      if (recorded) {
        const std::string left = recorded->withdraw();
        if (!left.empty()) log.write("mammocalc serve: " + left);
      }
      throw;
    }
    std::string summarised_said = "mammocalc serve: " + name + ": summarised to " + summary_name;
    if (!others.empty()) {
      summarised_said += same && *same == summary_name
                             ? "; the same result as an earlier received object, replaced; its "
                               "exam has another result: needs review"
                         : same ? "; the same result as an earlier received object; its exam has "
                                  "another result: needs review"
                                : "; another result than an earlier received object of its SOP "
                                  "Instance UID: each summary of the exam needs review";
    }
    log.write(summarised_said);
    return StoreStatus::Success;
  } catch (const Error& failure) {
    remove_outputs(written);
    // Every failure line names the object: errors of reading it do ("received:NAME: …"), those
    // of writing its outputs name only what could not be written.
    const std::string what = failure.what();
    log.write("mammocalc serve: " +
              (what.rfind("received:", 0) == 0 ? what : "received:" + name + ": " + what));
    // An output that cannot be written, or whose name something other than a file holds
    // (Usage, from the atomic write): out of resources, which the sender retries.
    if (failure.code() == ErrorCode::OutputFailed || failure.code() == ErrorCode::Usage) {
      return StoreStatus::OutOfResources;
    }
    return StoreStatus::CannotUnderstand;
  } catch (const std::exception& failure) {
    remove_outputs(written);
    // A defect met on one object fails that object, not the endpoint.
    log.write("mammocalc serve: " + name + ": internal error: " + failure.what());
    return StoreStatus::CannotUnderstand;
  }
}

// Fails now, before the port opens, when nothing could be written into `directory`: a sender
// would otherwise see every store fail while the log said "listening". Creating the directory
// is not enough (a read-only mount, another owner), so a file is made there and removed.
void check_output_directory(const std::string& directory) {
  create_output_directory(directory);
  const std::string probe =
      (fs::path(directory) / (".mammocalc-write-check-" + std::to_string(::getpid()))).string();
  ::unlink(probe.c_str());  // left by an earlier process of the same id that was killed here
  const int descriptor = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
  if (descriptor < 0) {
    throw Error(ErrorCode::OutputFailed, directory + ": output directory cannot be written (" +
                                             std::generic_category().message(errno) + ")");
  }
  ::close(descriptor);
  ::unlink(probe.c_str());
}

// Fails now, before the port opens, when an --annotations path cannot be used, as summarize
// would fail on it: every SR would otherwise be refused while the log said "listening". A file
// is read whole (one that is not valid fails too); a directory must be listable, and what it holds
// that is not read is added to `unread` (unread_entries), for the log. Checked once
// here, read again per object: the files may change while serving, as in summarize. Returns each
// path with its kind, which unavailable_annotation_path checks per object.
std::vector<AnnotationPath> check_annotation_paths(const std::vector<std::string>& paths,
                                                   std::vector<std::string>& unread) {
  std::vector<AnnotationPath> checked;
  for (const std::string& path : paths) {
    struct stat status {};
    const bool directory = ::stat(path.c_str(), &status) == 0 && S_ISDIR(status.st_mode);
    if (directory) {
      const std::vector<std::string> lines = unread_entries(read_annotation_directory(path));
      unread.insert(unread.end(), lines.begin(), lines.end());
      checked.push_back({path, true, status.st_dev, status.st_ino});
    } else {
      read_annotations(path);
      checked.push_back({path, false, 0, 0});
    }
  }
  return checked;
}

}  // namespace

ExitCode run_server(const ServeConfig& config, std::ostream& log) {
  if (!config.dicom_dir.empty()) {
    refuse_other_run_directory(config.dicom_dir, config.output_dir, "serve: --dicom-dir");
  }
  check_output_directory(config.output_dir);
  if (!config.dicom_dir.empty()) {
    check_output_directory(config.dicom_dir);
    claim_sr_directory(config.dicom_dir, config.output_dir);
  }
  const Evaluation evaluation = load_evaluation(config.evaluation);
  std::vector<std::string> unread_lines;
  const std::vector<AnnotationPath> annotation_paths =
      check_annotation_paths(evaluation.annotations, unread_lines);
  struct sigaction action {};
  action.sa_handler = request_stop;
  // The signal may land on any worker thread: its reads and writes resume instead of failing
  // with EINTR (which would abort that association); the listener's poll wakes up either way.
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  StoreScpConfig scp;
  scp.port = config.port;
  scp.bind_address = config.bind_address;
  scp.ae_title = config.ae_title;
  scp.allowed_calling_aes = config.allowed_calling_aes;
  scp.receive_dir = config.output_dir;
  scp.max_received_bytes = evaluation.limits.max_input_bytes;
  scp.log_name = [&evaluation](const std::string& uid) {
    return logged_name(uid, is_uid(uid, 2), evaluation.pseudonyms);
  };
  scp.max_associations = config.max_associations > 0
                             ? config.max_associations
                             : std::max(1U, std::thread::hardware_concurrency());
  scp.acse_timeout_s = config.acse_timeout_s;
  scp.dimse_timeout_s = config.dimse_timeout_s;
  scp.message_timeout_s = config.message_timeout_s;
  scp.shutdown_timeout_s = config.shutdown_timeout_s;
  scp.tls = config.tls;
  const LineLog lines(log);
  for (const std::string& entry : unread_lines) lines.write("mammocalc serve: " + entry);
  ReceivedNames received_names;
  OutputLocks output_locks(config.output_dir);
  ExamRecords records(config.output_dir, evaluation.pseudonyms);
  const Endpoint endpoint{config,  evaluation,       received_names, output_locks,
                          records, annotation_paths, lines};
  serve_store_scp(
      scp, [&endpoint](const ReceivedObject& object) { return handle_received(object, endpoint); },
      stop_requested, lines);
  lines.write("mammocalc serve: stopped");
  return ExitCode::Success;
}

}  // namespace mammocalc
