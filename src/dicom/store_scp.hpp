#pragma once
// The DICOM side of `mammocalc serve`: a C-STORE SCP serving several associations at once, each
// on its own worker thread (DCMTK's DcmThreadSCP; dcmnet stays in store_scp.cpp). What happens to
// a received object is the caller's policy (run/serve.cpp).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/line_log.hpp"
#include "dicom/dicom_structure.hpp"

namespace mammocalc {

// DICOM TLS (PS3.15 B.1, BCP 195): every association then runs over TLS, plaintext is refused.
struct TlsConfig {
  std::string key_file;   // the endpoint's private key (PEM); empty: no TLS
  std::string cert_file;  // its certificate (PEM)
  // Trusted CA certificates (a PEM file, or a directory hashed as by `openssl rehash`); when
  // given, a client certificate is verified against them; empty: not verified.
  std::string ca;
  bool require_peer_cert = false;  // refuse clients without a certificate that verifies
  bool enabled() const { return !key_file.empty(); }
};

struct StoreScpConfig {
  std::uint16_t port = 11112;
  // The numeric address of the one interface to listen on, IPv4 (127.0.0.1) or IPv6 (::1; "::":
  // every interface, IPv6 and IPv4); empty: every IPv4 interface.
  std::string bind_address;
  // The called AE title this endpoint answers to; associations calling another are rejected.
  std::string ae_title = "MAMMOCALC";
  // Calling AE titles whose associations are accepted; empty: any.
  std::vector<std::string> allowed_calling_aes;
  // Received SRs are stored here before the handler sees them, each association's in a file of
  // its own, .received-PID-N-HEX.dcm; at start-up such files of processes no longer running (a
  // serve killed before it could remove them) are removed.
  std::string receive_dir;
  // Bytes an SR we read may take as stored (the file: meta information and data set), checked
  // as it arrives: once it is over, nothing more of it is written, the rest is read and
  // discarded, and the sender is answered 0xC000; the handler never sees it.
  std::size_t max_received_bytes = ReadLimits{}.max_input_bytes;
  // Associations served at once; one more is rejected at once as transient ("local limit
  // exceeded"), so the sender retries instead of waiting for a timeout. Connections that have
  // not sent their association request yet are apart: each waits on a thread of its own, at most
  // twice max_associations (at least 16) of them; one more is closed at once.
  unsigned max_associations = 1;
  // Seconds a connection may take, in all, for its TLS handshake and association request.
  unsigned acse_timeout_s = 10;
  // Seconds an association may stay silent (waiting for the next command or for the rest of an
  // object) before it is aborted: a stalled peer cannot hold a worker forever.
  unsigned dimse_timeout_s = 60;
  // Seconds one message (a command and its data set) may take to arrive in all, from when the
  // endpoint starts waiting for it (the silence before its first byte counts too): a peer that
  // trickles, never silent for dimse_timeout_s, cannot hold a worker forever either.
  unsigned message_timeout_s = 300;
  // Seconds running associations get to finish once a stop is requested; then each is aborted
  // before its next command, and one waiting for its peer at once (an object being summarised
  // is answered first).
  unsigned shutdown_timeout_s = 30;
  TlsConfig tls;
  // How log lines name a received object, given the SOP Instance UID its command announced: the
  // caller's policy (a pseudonym, a digest), so that no line names a UID the caller would not.
  // Unset: the UID, or "(an invalid UID)" for one that is not valid.
  std::function<std::string(const std::string& sop_instance_uid)> log_name;
};

// The answer to one C-STORE request.
enum class StoreStatus {
  Success,           // 0x0000, also for objects that are not summarised (skipped)
  OutOfResources,    // 0xA700: the result could not be written; the sender should retry
  CannotUnderstand,  // 0xC000: the object is no SR that can be read
  // 0xA900 (PS3.4 B.2.3): the data set's SOP Class is not the one its command announced.
  DataSetDoesNotMatchSopClass,
  // 0x0122: the command names another SOP Class than its presentation context (PS3.7 9.3.1.1).
  SopClassNotSupported,
};

// One object received by C-STORE.
struct ReceivedObject {
  std::string sop_class_uid;     // as the sender announced it
  std::string sop_instance_uid;  // as the sender announced it
  // The presentation context's abstract syntax, which the command's class must be: an SR
  // context whose command names an image class would otherwise be skipped with success (hostile
  // review 54, H54-6).
  std::string context_sop_class_uid;
  // The file the object arrived in, for a class the SR reader reads (is_accepted_sop_class),
  // complete and within max_received_bytes: one that could not be stored whole (a full disk:
  // answered 0xA700) or was over the limit (0xC000) is answered by the endpoint, with one log line
  // naming it received:UID, and never reaches the handler; nothing of it is left on disk. The
  // file is the association's, made new for its next SR and removed when the association ends;
  // the handler neither reads, moves nor removes it: another process may have taken its name
  // since (hostile review 58). Empty for any other class: such objects are discarded as they
  // arrive, never stored (a breast tomosynthesis image may be gigabytes).
  std::string path;
  // The object's bytes as received, read back from that file through its descriptor (with
  // `path`); what the handler summarises and keeps.
  std::string bytes;
};

// Decides the answer to one received object; called for every C-STORE, from several worker
// threads at once (one per association).
using ReceivedObjectHandler = std::function<StoreStatus(const ReceivedObject& object)>;

// Whether `address` is a numeric IPv4 or IPv6 address (an IPv6 one may name its scope, as in
// fe80::1%eth0) that StoreScpConfig::bind_address takes; names are not looked up.
bool is_listen_address(const std::string& address);

// Binds the port (on config.bind_address, or every interface), then writes "mammocalc serve:
// listening on port N as AE" to `log`, then serves until `stop` becomes true (checked several
// times a second; a signal handler may set it). Up to config.max_associations associations are
// served at once, each on its own thread; more are rejected as transient with one log line. Each
// accepted connection waits for its association request on a thread of its own, so silent
// connections do not hold up others. Deadlines that a trickling peer cannot stretch (ACSE
// timeout for the request, message timeout for each message) are enforced from the listener
// thread by shutting the socket down. On stop the port is closed, connections without an
// association are closed, running associations get config.shutdown_timeout_s seconds to finish
// and are then aborted before their next command or, waiting for their peer, at once; an object
// being summarised is answered first, so an object answered with success has been handled and
// the stop takes at most shutdown_timeout_s plus the summary of the objects in progress. In
// association negotiation accepts Verification and every storage SOP class proposed (the classes
// DCMTK knows and any other under the storage root 1.2.840.10008.5.1.4.1.1), as storescp does;
// rejects associations whose called AE title is not config.ae_title and those from calling AE
// titles outside allowed_calling_aes or blank (all spaces, or starting with NUL), each with one
// line on `log`. Log lines name the calling AE
// title and the peer's address, never what an object holds. Throws Error(ServiceFailed) when the
// port cannot be bound or the TLS key, certificate or CA cannot be loaded (nothing is logged then),
// or the port cannot be served. With config.tls, BCP 195's non-downgrading profile (TLS 1.2 and
// later); a handshake is bounded by acse_timeout_s and runs on the connection's own thread.
void serve_store_scp(const StoreScpConfig& config, const ReceivedObjectHandler& handle,
                     const std::atomic<bool>& stop, const LineLog& log);

}  // namespace mammocalc
