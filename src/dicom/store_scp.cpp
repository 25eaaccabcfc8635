#include "dicom/store_scp.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "base/error.hpp"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmnet/dimse.h"
#include "dcmtk/dcmnet/scp.h"

namespace mammocalc {
namespace {

// The SR storage classes a handler sees (domain.md §4); C-STORE of any other storage class is
// answered with status 0x0122 (SOP class not supported) and one line on the log, and never
// reaches the handler, so a PACS sending a whole study still delivers its SRs.
bool is_summarised_sop_class(const std::string& sop_class_uid) {
  static const std::set<std::string> classes{
      UID_BasicTextSRStorage,       UID_EnhancedSRStorage,   UID_ComprehensiveSRStorage,
      UID_Comprehensive3DSRStorage, UID_ExtensibleSRStorage, UID_MammographyCADSRStorage};
  return classes.count(sop_class_uid) > 0;
}

class StoreScp : public DcmSCP {
 public:
  StoreScp(const StoreScpConfig& config, const ReceivedObjectHandler& handle,
           const std::atomic<bool>& stop, std::ostream& log)
      : config_(config), handle_(handle), stop_(stop), log_(log) {
    setPort(config.port);
    setAETitle(config.ae_title.c_str());
    // Wake up every second to notice a stop request between associations.
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
    if (!is_summarised_sop_class(sop_class)) {
      DcmDataset* ignored = nullptr;
      const OFCondition received = receiveSTORERequest(request, id, ignored);
      delete ignored;
      if (received.bad()) return received;
      log_ << "mammocalc serve: refused an object of SOP class " << sop_class
           << " (not an SR mammocalc summarises)\n";
      return sendSTOREResponse(id, request, STATUS_STORE_Refused_SOPClassNotSupported);
    }
    const std::string temporary =
        (std::filesystem::path(config_.receive_dir) /
         (".received-" + std::to_string(::getpid()) + "-" + std::to_string(++received_) + ".dcm"))
            .string();
    const OFCondition received = receiveSTORERequest(request, id, temporary.c_str());
    if (received.bad()) {
      std::remove(temporary.c_str());
      return received;
    }
    return sendSTOREResponse(id, request,
                             dimse_status(handle_(temporary, request.AffectedSOPInstanceUID)));
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
  OFBool stopAfterConnectionTimeout() override { return stop_.load(); }
  OFBool stopAfterCurrentAssociation() override { return stop_.load(); }

 private:
  static Uint16 dimse_status(StoreStatus status) {
    switch (status) {
      case StoreStatus::Success:
        return STATUS_Success;
      case StoreStatus::OutOfResources:
        return STATUS_STORE_Refused_OutOfResources;
      case StoreStatus::CannotUnderstand:
        return STATUS_STORE_Error_CannotUnderstand;
    }
    return STATUS_STORE_Error_CannotUnderstand;
  }

  const StoreScpConfig& config_;
  const ReceivedObjectHandler& handle_;
  const std::atomic<bool>& stop_;
  std::ostream& log_;
  unsigned long received_ = 0;
};

}  // namespace

void serve_store_scp(const StoreScpConfig& config, const ReceivedObjectHandler& handle,
                     const std::atomic<bool>& stop, std::ostream& log) {
  StoreScp scp(config, handle, stop, log);
  log << "mammocalc serve: listening on port " << config.port << " as " << config.ae_title << "\n"
      << std::flush;
  const OFCondition status = scp.listen();
  if (status.bad() && !stop) {
    throw Error(ErrorCode::ServiceFailed,
                "port " + std::to_string(config.port) + ": cannot serve (" + status.text() + ")");
  }
}

}  // namespace mammocalc
