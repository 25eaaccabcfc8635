#include "dicom_server.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "atomic_file.hpp"
#include "batch.hpp"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmnet/dimse.h"
#include "dcmtk/dcmnet/scp.h"
#include "pipeline.hpp"
#include "sr_reader.hpp"

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

// The SR classes mammocalc summarises (domain.md §4); other storage classes are refused per
// object with a DIMSE status rather than at association time, so a PACS sending a whole study
// still delivers its SRs.
const std::set<std::string>& summarised_sop_classes() {
  static const std::set<std::string> classes{
      UID_BasicTextSRStorage,       UID_EnhancedSRStorage,   UID_ComprehensiveSRStorage,
      UID_Comprehensive3DSRStorage, UID_ExtensibleSRStorage, UID_MammographyCADSRStorage};
  return classes;
}

class SummarisingScp : public DcmSCP {
 public:
  SummarisingScp(const ServeConfig& config, const SiteProfile& profile, std::ostream& log)
      : config_(config), profile_(profile), log_(log) {
    setPort(config.port);
    setAETitle(config.ae_title.c_str());
    // Wake up every second to notice SIGTERM between associations.
    setConnectionBlockingMode(DUL_NOBLOCK);
    setConnectionTimeout(1);
    OFList<OFString> transfer_syntaxes;
    transfer_syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    transfer_syntaxes.push_back(UID_BigEndianExplicitTransferSyntax);
    transfer_syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    transfer_syntaxes.push_back(UID_DeflatedExplicitVRLittleEndianTransferSyntax);
    addPresentationContext(UID_VerificationSOPClass, transfer_syntaxes);
    for (int i = 0; i < numberOfDcmAllStorageSOPClassUIDs; ++i) {
      addPresentationContext(dcmAllStorageSOPClassUIDs[i], transfer_syntaxes);
    }
  }

 protected:
  OFCondition handleIncomingCommand(T_DIMSE_Message* message,
                                    const DcmPresentationContextInfo& context) override {
    if (message->CommandField != DIMSE_C_STORE_RQ) {
      return DcmSCP::handleIncomingCommand(message, context);
    }
    T_DIMSE_C_StoreRQ& request = message->msg.CStoreRQ;
    const T_ASC_PresentationContextID id = context.presentationContextID;
    const std::string sop_class = request.AffectedSOPClassUID;
    if (summarised_sop_classes().count(sop_class) == 0) {
      DcmDataset* ignored = nullptr;
      const OFCondition received = receiveSTORERequest(request, id, ignored);
      delete ignored;
      if (received.bad()) return received;
      log_ << "mammocalc serve: refused an object of SOP class " << sop_class
           << " (not an SR mammocalc summarises)\n";
      return sendSTOREResponse(id, request, STATUS_STORE_Refused_SOPClassNotSupported);
    }
    const std::string temporary =
        (fs::path(config_.output_dir) /
         (".received-" + std::to_string(::getpid()) + "-" + std::to_string(++received_) + ".dcm"))
            .string();
    const OFCondition received = receiveSTORERequest(request, id, temporary.c_str());
    if (received.bad()) {
      fs::remove(temporary);
      return received;
    }
    return sendSTOREResponse(id, request, summarise(temporary, request.AffectedSOPInstanceUID));
  }

  OFBool checkCallingAETitleAccepted(const OFString& calling_ae) override {
    const auto& allowed = config_.allowed_calling_aes;
    if (allowed.empty() ||
        std::find(allowed.begin(), allowed.end(), calling_ae.c_str()) != allowed.end()) {
      return OFTrue;
    }
    log_ << "mammocalc serve: rejected an association from calling AE title '" << calling_ae
         << "' (not in --allow-ae)\n";
    return OFFalse;
  }

  void notifyAssociationTermination() override {}
  OFBool stopAfterConnectionTimeout() override { return stop_requested.load(); }
  OFBool stopAfterCurrentAssociation() override { return stop_requested.load(); }

 private:
  // Summarises a received file; returns the C-STORE status to answer with.
  Uint16 summarise(const std::string& temporary, const std::string& sop_instance_uid) {
    const std::string stem = output_name_for(sop_instance_uid, "received");
    const std::string base = stem.substr(0, stem.size() - 4);
    const std::string kept = (fs::path(config_.output_dir) / (base + ".dcm")).string();
    std::error_code error;
    if (config_.keep_received) fs::rename(temporary, kept, error);
    const std::string received = config_.keep_received && !error ? kept : temporary;
    // The temporary goes whatever happens below; a kept file stays.
    const RemoveOnExit cleanup(received == temporary ? temporary : std::string());
    try {
      // Read like any input file: the input limit applies.
      const Report report =
          summarise_bytes(read_input_bytes(received), received == kept ? kept : "received:" + base,
                          config_.annotations, profile_);
      const std::string summary = render_summary(report, config_.summary);
      if (config_.dicom_out) write_dicom_summary(report, summary, config_.output_dir);
      write_file_atomically((fs::path(config_.output_dir) / stem).string(), summary);
      log_ << "mammocalc serve: " << base << ": summarised to " << stem << "\n";
      return STATUS_Success;
    } catch (const Error& failure) {
      log_ << "mammocalc serve: " << failure.what() << "\n";
      if (failure.code() == ErrorCode::OutputFailed) return STATUS_STORE_Refused_OutOfResources;
      if (failure.code() == ErrorCode::NotBreastImaging) return STATUS_Success;  // stored, not ours
      return STATUS_STORE_Error_CannotUnderstand;
    }
  }

  const ServeConfig& config_;
  const SiteProfile& profile_;
  std::ostream& log_;
  unsigned long received_ = 0;
};

}  // namespace

ExitCode run_server(const ServeConfig& config, std::ostream& log) {
  std::error_code error;
  fs::create_directories(config.output_dir, error);
  if (error || !fs::is_directory(config.output_dir)) {
    throw Error(
        ErrorCode::OutputFailed,
        config.output_dir + ": output directory cannot be created (" + error.message() + ")");
  }
  const SiteProfile profile = load_site_profile(config.site_profile_file);
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  SummarisingScp scp(config, profile, log);
  log << "mammocalc serve: listening on port " << config.port << " as " << config.ae_title << "\n"
      << std::flush;
  const OFCondition status = scp.listen();
  if (status.bad() && !stop_requested) {
    throw Error(ErrorCode::OutputFailed,
                "port " + std::to_string(config.port) + ": cannot serve (" + status.text() + ")");
  }
  log << "mammocalc serve: stopped\n";
  return ExitCode::Success;
}

}  // namespace mammocalc
