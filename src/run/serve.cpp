#include "run/serve.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "annotations/annotation_reader.hpp"
#include "base/atomic_file.hpp"
#include "base/line_log.hpp"
#include "base/uid.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/sr_writer.hpp"
#include "dicom/store_scp.hpp"
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

// Names for received objects whose SOP Instance UID is no valid UID (empty, too long, bad
// characters, a path): "received-" and the first 16 hex digits of the SHA-1 of the announced
// UID, numbered "-2", "-3"… (claim_output_name) when an earlier object of this run has the name,
// so no object is summarised over another (the old name, "received", was shared by them all).
// A kept copy never replaces a file (Replace::No): a name taken on disk, by an earlier run
// or another process, is numbered on. The UID itself may hold anything: it is never a name nor
// said in a log line. Shared by the worker threads.
class ReceivedNames {
 public:
  // The unnumbered name for `text` (the announced UID, or an object's bytes).
  static std::string unnumbered(const std::string& text) {
    constexpr std::size_t kDigits = 16;
    return "received-" + hex_digest(text).substr(0, kDigits);
  }

  // A name (without extension) no earlier object of this run got; with `keep`, `temporary` is
  // moved there as NAME.dcm without replacing any file. Returns the name and whether the object
  // was kept. Throws Error(OutputFailed) when the copy cannot be kept.
  std::pair<std::string, bool> claim(const std::string& stem, const std::string& output_dir,
                                     const std::string& temporary, bool keep) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (;;) {
      const std::string xml = claim_output_name("", stem, used_);
      const std::string name = xml.substr(0, xml.size() - std::string(".xml").size());
      if (!keep) return {name, false};
      const std::string kept = (fs::path(output_dir) / (name + ".dcm")).string();
      if (move_file_durably(temporary, kept, Replace::No)) return {name, true};
    }
  }

 private:
  std::mutex mutex_;
  UsedNames used_;
};

// The endpoint's policy for one received object: summarise an SR in-process, keep it if asked,
// and say which C-STORE status the sender gets. Runs on several worker threads at once: it
// shares only what is read (config, evaluation), the log and the names given to objects whose
// UID is not valid; each object has files of its own.
StoreStatus handle_received(const ReceivedObject& object, const ServeConfig& config,
                            const Evaluation& evaluation, ReceivedNames& received_names,
                            const LineLog& log) {
  const bool valid_uid = is_uid(object.sop_instance_uid, 2);
  if (object.path.empty()) {
    // A class the SR reader does not read, discarded as it arrived: what reading it would say.
    const std::string base =
        valid_uid ? object.sop_instance_uid : ReceivedNames::unnumbered(object.sop_instance_uid);
    return skipped(unread_sop_class_error(object.sop_class_uid, "received:" + base), log);
  }
  const std::string& temporary = object.path;
  std::string base = valid_uid ? object.sop_instance_uid : "(an invalid UID)";
  try {
    // A kept copy is on disk (data and name) before the sender hears success, as the summary is;
    // one that cannot be kept is a failure the sender hears (out of resources), never dropped.
    bool kept_it = false;
    if (valid_uid) {
      // The same UID again is the same object sent again: its copy is replaced.
      kept_it =
          config.keep_received &&
          move_file_durably(temporary, (fs::path(config.output_dir) / (base + ".dcm")).string(),
                            Replace::Yes);
    } else {
      std::tie(base, kept_it) =
          received_names.claim(ReceivedNames::unnumbered(object.sop_instance_uid),
                               config.output_dir, temporary, config.keep_received);
    }
    const std::string stem = base + ".xml";
    // Not kept, the object stays in the association's file, which the endpoint overwrites with
    // the next SR and removes when the association ends.
    const std::string received =
        kept_it ? (fs::path(config.output_dir) / (base + ".dcm")).string() : temporary;
    // Read like any input file: the run's limits apply. Named "received:UID" whether kept or
    // not, so every log line has the one documented form.
    std::string bytes = read_input_bytes(received, evaluation.limits.max_input_bytes);
    // Pseudonymised, the summary is named by its pseudonym, as in a batch; without one (the SR
    // has no SOP Instance UID, or no key: UIDs dropped) by a name of its own that says nothing of
    // the UID: the digest of the object's bytes (the same object sent again is replaced).
    const std::string digest_name =
        evaluation.pseudonyms.enabled ? ReceivedNames::unnumbered(bytes) + ".xml" : std::string();
    const Report report = summarise_input_bytes(std::move(bytes), "received:" + base, evaluation);
    const std::string summary = render_summary(report, evaluation.summary);
    if (!config.dicom_dir.empty()) write_dicom_summary(report, config.dicom_dir);
    const std::string& pseudonym = report.input.source.sop_instance_uid;
    const std::string name = !evaluation.pseudonyms.enabled ? stem
                             : is_uid(pseudonym, 2)         ? pseudonym + ".xml"
                                                            : digest_name;
    write_file_atomically((fs::path(config.output_dir) / name).string(), summary);
    log.write("mammocalc serve: " + base + ": summarised to " + name);
    return StoreStatus::Success;
  } catch (const Error& failure) {
    if (is_skipped_kind(failure.code())) return skipped(failure, log);
    log.write(std::string("mammocalc serve: ") + failure.what());
    if (failure.code() == ErrorCode::OutputFailed) return StoreStatus::OutOfResources;
    return StoreStatus::CannotUnderstand;
  } catch (const std::exception& failure) {
    // A defect met on one object fails that object, not the endpoint.
    log.write("mammocalc serve: " + base + ": internal error: " + failure.what());
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
// is read whole (one that is not valid fails too); a directory must be listable (xml_files_in).
// Checked once here, read again per object: the files may change while serving, as in summarize.
void check_annotation_paths(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      xml_files_in(path);
    } else {
      read_annotations(path);
    }
  }
}

}  // namespace

ExitCode run_server(const ServeConfig& config, std::ostream& log) {
  check_output_directory(config.output_dir);
  if (!config.dicom_dir.empty()) check_output_directory(config.dicom_dir);
  const Evaluation evaluation = load_evaluation(config.evaluation);
  check_annotation_paths(evaluation.annotations);
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
  scp.max_associations = config.max_associations > 0
                             ? config.max_associations
                             : std::max(1U, std::thread::hardware_concurrency());
  scp.acse_timeout_s = config.acse_timeout_s;
  scp.dimse_timeout_s = config.dimse_timeout_s;
  scp.message_timeout_s = config.message_timeout_s;
  scp.shutdown_timeout_s = config.shutdown_timeout_s;
  scp.tls = config.tls;
  const LineLog lines(log);
  ReceivedNames received_names;
  serve_store_scp(
      scp,
      [&](const ReceivedObject& object) {
        return handle_received(object, config, evaluation, received_names, lines);
      },
      stop_requested, lines);
  lines.write("mammocalc serve: stopped");
  return ExitCode::Success;
}

}  // namespace mammocalc
