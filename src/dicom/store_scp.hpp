#pragma once
// The DICOM side of `mammocalc serve`: a C-STORE SCP on DCMTK's DcmSCP (dcmnet stays in
// store_scp.cpp). What happens to a received object is the caller's policy (run/serve.cpp).

#include <atomic>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace mammocalc {

struct StoreScpConfig {
  std::uint16_t port = 11112;
  // The called AE title this endpoint answers to; associations calling another are rejected.
  std::string ae_title = "MAMMOCALC";
  // Calling AE titles whose associations are accepted; empty: any.
  std::vector<std::string> allowed_calling_aes;
  std::string receive_dir;  // received SRs are stored here before the handler sees them
};

// The answer to one C-STORE request.
enum class StoreStatus {
  Success,           // 0x0000, also for objects that are not summarised (skipped)
  OutOfResources,    // 0xA700: the result could not be written; the sender should retry
  CannotUnderstand,  // 0xC000: the object is no SR that can be read
};

// One object received by C-STORE.
struct ReceivedObject {
  std::string sop_class_uid;     // as the sender announced it
  std::string sop_instance_uid;  // as the sender announced it
  // The object as received, for a class the SR reader reads (is_accepted_sop_class); the
  // handler owns the file from then on (keeps, renames or removes it). Empty for any other
  // class: such objects are discarded as they arrive, never stored (a breast tomosynthesis
  // image may be gigabytes).
  std::string path;
};

// Decides the answer to one received object; called for every C-STORE.
using ReceivedObjectHandler = std::function<StoreStatus(const ReceivedObject& object)>;

// Opens the port, then writes "mammocalc serve: listening on port N as AE" to `log`, then serves
// until `stop` becomes true; the association in progress is finished first, so no received
// object is lost. In association negotiation accepts Verification and every storage SOP class
// proposed (the classes DCMTK knows and any other under the storage root 1.2.840.10008.5.1.4.1.1),
// as storescp does; rejects associations whose called AE title is not config.ae_title and those
// from calling AE titles outside allowed_calling_aes, each with one line on `log`. Throws
// Error(ServiceFailed) when the port cannot be opened (nothing is logged then) or served.
void serve_store_scp(const StoreScpConfig& config, const ReceivedObjectHandler& handle,
                     const std::atomic<bool>& stop, std::ostream& log);

}  // namespace mammocalc
