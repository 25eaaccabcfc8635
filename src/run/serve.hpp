#pragma once
// `mammocalc serve`: a DICOM C-STORE SCP (dicom/store_scp) that summarises every SR it receives,
// in-process, into an output directory.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "dicom/store_scp.hpp"
#include "run/summarise.hpp"

namespace mammocalc {

struct ServeConfig {
  std::uint16_t port = 11112;
  // --bind: the one IPv4 or IPv6 interface to listen on (numeric); empty: every IPv4 one.
  std::string bind_address;
  std::string ae_title = "MAMMOCALC";
  std::string output_dir;
  // Also keep each received SR as <SOPInstanceUID>.dcm (received-HASH[-N].dcm, never over
  // another file, when the UID is not valid).
  bool keep_received = false;
  // Also the result as a DICOM SR (sr_writer) into this directory (--dicom-out: the output
  // directory; --dicom-dir DIR); empty: none.
  std::string dicom_dir;
  // Calling AE titles whose associations are accepted; empty: any (the network must then be
  // trusted, as with storescp).
  std::vector<std::string> allowed_calling_aes;
  // Associations served at once (--max-associations; 0: the number of cores).
  unsigned max_associations = 0;
  unsigned acse_timeout_s = 10;      // --acse-timeout
  unsigned dimse_timeout_s = 60;     // --dimse-timeout
  unsigned message_timeout_s = 300;  // --message-timeout
  unsigned shutdown_timeout_s = 30;  // --shutdown-timeout
  TlsConfig tls;                     // --tls-key, --tls-cert, --tls-ca, --tls-require-peer-cert
  EvaluationConfig evaluation;
};

// Checks that a file can be made in the output directory, opens the port and says "listening"
// (in that order), then serves until SIGTERM or SIGINT, up to max_associations associations at
// once (more are rejected as transient); on the signal it stops accepting and lets running
// associations finish (shutdown_timeout_s, then each ends after its object in progress), so no
// object answered with success lacks its summary. Accepts Verification and every storage SOP class
// in association negotiation; rejects associations calling another AE title than ae_title and, with
// allowed_calling_aes, those from other calling AE titles. Summarises each breast-imaging SR;
// answers every object it does not summarise (images, key object selections, dose reports,
// reports on other organs, mammocalc's own SRs) with success and one "NAME: REASON; skipped" log
// line, an SR it cannot read or over a read limit, or whose data set's SOP Class or Instance UID
// is not the command's, with 0xC000, a summary it cannot write with 0xA700 (a failed object
// leaves none of its files), one whose kept copy or result SR would take the name of another
// object's file (a kept copy named as another's result SR) with 0xC000, nothing written. The files
// of objects that share a name (one SOP Instance UID sent twice at once, in this process or in
// another serve on the output directory) are written one object at a time. The read limits apply to
// the SR classes only: other objects are never read. Logs one line per object to `log`. Returns
// Success after a clean shutdown; throws, before anything is logged, Error(OutputFailed) when the
// output directory cannot be written, load_evaluation's errors (the site profile, the lexicons),
// Error(FileNotFound) or Error(InvalidAnnotation) when an
// --annotations file cannot be read or is not valid or a directory cannot be listed, and
// Error(ServiceFailed) when the port cannot be opened.
ExitCode run_server(const ServeConfig& config, std::ostream& log);

}  // namespace mammocalc
