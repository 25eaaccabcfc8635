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
  std::string ae_title = "MAMMOCALC";
  // Calling AE titles whose associations are accepted; empty: any.
  std::vector<std::string> allowed_calling_aes;
  std::string receive_dir;  // received objects are stored here before the handler sees them
};

// The answer to one C-STORE request.
enum class StoreStatus {
  Success,           // 0x0000
  OutOfResources,    // 0xA700: the result could not be written; the sender should retry
  CannotUnderstand,  // 0xC000: the object is no SR that can be read
};

// Handles one received SR object stored at `path`; the handler owns the file from then on
// (keeps, renames or removes it). `sop_instance_uid` is the one the sender announced.
using ReceivedObjectHandler =
    std::function<StoreStatus(const std::string& path, const std::string& sop_instance_uid)>;

// Serves until `stop` becomes true; the association in progress is finished first, so no
// received object is lost. Accepts Verification and every storage SOP class in association
// negotiation; rejects associations from calling AE titles outside allowed_calling_aes with one
// line on `log`. Throws Error(ServiceFailed) when the port cannot be served.
void serve_store_scp(const StoreScpConfig& config, const ReceivedObjectHandler& handle,
                     const std::atomic<bool>& stop, std::ostream& log);

}  // namespace mammocalc
