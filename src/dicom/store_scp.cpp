#include "dicom/store_scp.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "base/error.hpp"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmdata/dcxfer.h"
#include "dcmtk/dcmnet/assoc.h"
#include "dcmtk/dcmnet/dimse.h"
#include "dcmtk/dcmnet/scp.h"
#include "dicom/sr_reader.hpp"

namespace mammocalc {
namespace {

// The transfer syntaxes an echo or an SR we read is accepted in, in the order we prefer them:
// the uncompressed ones and deflated, all of which the SR reader reads.
constexpr std::array<const char*, 4> kReadableSyntaxes{
    UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
    UID_BigEndianExplicitTransferSyntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax};

// Every storage SOP class sits under this root (PS3.6 Annex A); a class newer than the DCMTK
// installed is still accepted by it, as a PACS forwarding a whole study may send one.
constexpr const char* kStorageRoot = "1.2.840.10008.5.1.4.1.1.";

bool is_storage_sop_class(const char* uid) {
  return dcmIsaStorageSOPClassUID(uid, ESSC_All) || std::string(uid).rfind(kStorageRoot, 0) == 0;
}

// The transfer syntax a proposed context is accepted in, nullptr for none. An echo or an SR we
// read: the first of kReadableSyntaxes the sender proposes. A class we discard unread: the first
// proposed syntax DCMTK knows, in the sender's order, as any encoding will do there and a sender
// holding a compressed image may be unable to convert it (storescu cannot).
const char* chosen_transfer_syntax(const T_ASC_PresentationContext& context, bool discarded) {
  const auto* proposed = context.proposedTransferSyntaxes;
  const auto* proposed_end = proposed + context.transferSyntaxCount;
  if (discarded) {
    const auto* known = std::find_if(proposed, proposed_end, [](const DIC_UI& syntax) {
      return DcmXfer(syntax).getXfer() != EXS_Unknown;
    });
    return known != proposed_end ? *known : nullptr;
  }
  for (const char* preferred : kReadableSyntaxes) {
    const auto* match = std::find_if(proposed, proposed_end, [&](const DIC_UI& syntax) {
      return std::string(syntax) == preferred;
    });
    if (match != proposed_end) return *match;
  }
  return nullptr;
}

std::string trimmed(const OFString& ae_title) {
  const std::string text = ae_title.c_str();
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
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
  }

 protected:
  OFCondition handleIncomingCommand(T_DIMSE_Message* message,
                                    const DcmPresentationContextInfo& context) override {
    if (message->CommandField != DIMSE_C_STORE_RQ) {
      return DcmSCP::handleIncomingCommand(message, context);
    }
    T_DIMSE_C_StoreRQ& request = message->msg.CStoreRQ;
    const T_ASC_PresentationContextID id = context.presentationContextID;
    ReceivedObject object{request.AffectedSOPClassUID, request.AffectedSOPInstanceUID, {}};
    if (!is_accepted_sop_class(object.sop_class_uid)) {
      // Not an SR we read: streamed to /dev/null as it arrives, so an image of any size costs
      // neither memory nor disk; the handler says what the sender hears.
      const OFCondition received = receiveSTORERequest(request, id, "/dev/null");
      if (received.bad()) return received;
      return sendSTOREResponse(id, request, dimse_status(handle_(object)));
    }
    object.path =
        (std::filesystem::path(config_.receive_dir) /
         (".received-" + std::to_string(::getpid()) + "-" + std::to_string(++received_) + ".dcm"))
            .string();
    // The directory may have become unwritable (a full disk, a changed mount) since start-up:
    // then the object is drained and answered "out of resources", which senders retry, instead
    // of DCMTK aborting the association without a word.
    const int probe = ::open(object.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (probe < 0) {
      const std::string reason = std::strerror(errno);
      const OFCondition drained = receiveSTORERequest(request, id, "/dev/null");
      if (drained.bad()) return drained;
      log_ << "mammocalc: " << config_.receive_dir
           << ": cannot store received:" << object.sop_instance_uid << " (" << reason
           << "); answered out of resources\n";
      return sendSTOREResponse(id, request, dimse_status(StoreStatus::OutOfResources));
    }
    ::close(probe);
    const OFCondition received = receiveSTORERequest(request, id, object.path.c_str());
    if (received.bad()) {
      std::remove(object.path.c_str());
      return received;
    }
    return sendSTOREResponse(id, request, dimse_status(handle_(object)));
  }

  // DcmSCP 3.6.7 keeps its association private; the parameters it hands to this notifier are
  // that association's own (not a copy), so negotiateAssociation() below can answer them.
  void notifyAssociationRequest(const T_ASC_Parameters& params, DcmSCPActionType&) override {
    params_ = const_cast<T_ASC_Parameters*>(&params);
  }

  // Accepts as storescp does, without DcmSCP's association profile: that holds at most 128
  // presentation contexts, fewer than DCMTK's storage classes, so the later ones (X-Ray
  // Radiation Dose SR among them) were refused. Every proposed context is answered here.
  OFCondition negotiateAssociation() override {
    if (params_ == nullptr) return DIMSE_ILLEGALASSOCIATION;
    const int count = ASC_countPresentationContexts(params_);
    for (int position = 0; position < count; ++position) {
      T_ASC_PresentationContext context;
      OFCondition status = ASC_getPresentationContext(params_, position, &context);
      if (status.bad()) return status;
      const bool verification = std::string(context.abstractSyntax) == UID_VerificationSOPClass;
      const bool storage = is_storage_sop_class(context.abstractSyntax);
      const char* syntax =
          verification || storage
              ? chosen_transfer_syntax(context,
                                       storage && !is_accepted_sop_class(context.abstractSyntax))
              : nullptr;
      if (syntax != nullptr) {
        status = ASC_acceptPresentationContext(params_, context.presentationContextID, syntax);
      } else {
        status = ASC_refusePresentationContext(params_, context.presentationContextID,
                                               verification || storage
                                                   ? ASC_P_TRANSFERSYNTAXESNOTSUPPORTED
                                                   : ASC_P_ABSTRACTSYNTAXNOTSUPPORTED);
      }
      if (status.bad()) return status;
    }
    return EC_Normal;
  }

  OFBool checkCalledAETitleAccepted(const OFString& called_ae) override {
    if (trimmed(called_ae) == config_.ae_title) return OFTrue;
    log_ << "mammocalc serve: rejected an association from calling AE title '"
         << trimmed(getPeerAETitle()) << "' to called AE title '" << trimmed(called_ae)
         << "' (this endpoint is '" << config_.ae_title << "', --aetitle)\n";
    return OFFalse;
  }

  OFBool checkCallingAETitleAccepted(const OFString& calling_ae) override {
    const auto& allowed = config_.allowed_calling_aes;
    if (allowed.empty() ||
        std::find(allowed.begin(), allowed.end(), trimmed(calling_ae)) != allowed.end()) {
      return OFTrue;
    }
    log_ << "mammocalc serve: rejected an association from calling AE title '"
         << trimmed(calling_ae) << "' (not in --allow-ae)\n";
    return OFFalse;
  }

  void notifyAssociationTermination() override { params_ = nullptr; }
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
  T_ASC_Parameters* params_ = nullptr;  // the association being negotiated, else nullptr
};

Error cannot_serve(std::uint16_t port, const OFCondition& status) {
  return Error(ErrorCode::ServiceFailed,
               "port " + std::to_string(port) + ": cannot serve (" + status.text() + ")");
}

}  // namespace

void serve_store_scp(const StoreScpConfig& config, const ReceivedObjectHandler& handle,
                     const std::atomic<bool>& stop, std::ostream& log) {
  StoreScp scp(config, handle, stop, log);
  // DcmSCP refuses to open a port without an association profile; ours only makes it valid, as
  // negotiateAssociation() answers every proposed context itself.
  OFList<OFString> transfer_syntaxes;
  transfer_syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
  OFCondition status = scp.addPresentationContext(UID_VerificationSOPClass, transfer_syntaxes);
  if (status.good()) status = scp.openListenPort();
  if (status.bad()) throw cannot_serve(config.port, status);
  // Only now: a monitor or a test that reads this line may connect at once.
  log << "mammocalc serve: listening on port " << config.port << " as " << config.ae_title << "\n"
      << std::flush;
  status = scp.acceptAssociations();
  if (status.bad() && !stop) throw cannot_serve(config.port, status);
}

}  // namespace mammocalc
