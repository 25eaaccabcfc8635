#include "run/serve.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <string>
#include <utility>

#include "base/atomic_file.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/store_scp.hpp"
#include "run/summarise.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

// Removes a file when the scope ends (an empty path: nothing).
class RemoveOnExit {
 public:
  explicit RemoveOnExit(std::string path) : path_(std::move(path)) {}
  RemoveOnExit(const RemoveOnExit&) = delete;
  RemoveOnExit& operator=(const RemoveOnExit&) = delete;
  ~RemoveOnExit() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove(path_, ignored);
  }

 private:
  std::string path_;
};

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) { stop_requested = true; }

// The endpoint's policy for one received SR: summarise it in-process, keep it if asked, and say
// which C-STORE status the sender gets.
StoreStatus summarise_received(const std::string& temporary, const std::string& sop_instance_uid,
                               const ServeConfig& config, const Evaluation& evaluation,
                               std::ostream& log) {
  const std::string stem = output_name_for(sop_instance_uid, "received");
  const std::string base = stem.substr(0, stem.size() - 4);
  const std::string kept = (fs::path(config.output_dir) / (base + ".dcm")).string();
  std::error_code error;
  if (config.keep_received) fs::rename(temporary, kept, error);
  const std::string received = config.keep_received && !error ? kept : temporary;
  // The temporary goes whatever happens below; a kept file stays.
  const RemoveOnExit cleanup(received == temporary ? temporary : std::string());
  try {
    // Read like any input file: the run's limits apply.
    const Report report =
        summarise_input_bytes(read_input_bytes(received, evaluation.limits.max_input_bytes),
                              received == kept ? kept : "received:" + base, evaluation);
    const std::string summary = render_summary(report, evaluation.summary);
    if (!config.dicom_dir.empty()) write_dicom_summary(report, config.dicom_dir);
    write_file_atomically((fs::path(config.output_dir) / stem).string(), summary);
    log << "mammocalc serve: " << base << ": summarised to " << stem << "\n";
    return StoreStatus::Success;
  } catch (const Error& failure) {
    if (failure.code() == ErrorCode::OwnSummary) {
      // mammocalc's own SR forwarded back by the PACS: not summarised again, and no error.
      log << "mammocalc serve: " << failure.what() << "; skipped\n";
      return StoreStatus::Success;
    }
    log << "mammocalc serve: " << failure.what() << "\n";
    if (failure.code() == ErrorCode::OutputFailed) return StoreStatus::OutOfResources;
    if (failure.code() == ErrorCode::NotBreastImaging) return StoreStatus::Success;  // not ours
    return StoreStatus::CannotUnderstand;
  } catch (const std::exception& failure) {
    // A defect met on one object fails that object, not the endpoint.
    log << "mammocalc serve: " << base << ": internal error: " << failure.what() << "\n";
    return StoreStatus::CannotUnderstand;
  }
}

}  // namespace

ExitCode run_server(const ServeConfig& config, std::ostream& log) {
  create_output_directory(config.output_dir);
  if (!config.dicom_dir.empty()) create_output_directory(config.dicom_dir);
  const Evaluation evaluation = load_evaluation(config.evaluation);
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  const StoreScpConfig scp{config.port, config.ae_title, config.allowed_calling_aes,
                           config.output_dir};
  serve_store_scp(
      scp,
      [&](const std::string& path, const std::string& sop_instance_uid) {
        return summarise_received(path, sop_instance_uid, config, evaluation, log);
      },
      stop_requested, log);
  log << "mammocalc serve: stopped\n";
  return ExitCode::Success;
}

}  // namespace mammocalc
