#pragma once
// `mammocalc serve`: a DICOM C-STORE SCP (dicom/store_scp) that summarises every SR it receives,
// in-process, into an output directory.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "run/summarise.hpp"

namespace mammocalc {

struct ServeConfig {
  std::uint16_t port = 11112;
  std::string ae_title = "MAMMOCALC";
  std::string output_dir;
  bool keep_received = false;  // also keep each received SR as <SOPInstanceUID>.dcm
  // Also the result as a DICOM SR (sr_writer) into this directory (--dicom-out: the output
  // directory; --dicom-dir DIR); empty: none.
  std::string dicom_dir;
  // Calling AE titles whose associations are accepted; empty: any (the network must then be
  // trusted, as with storescp).
  std::vector<std::string> allowed_calling_aes;
  EvaluationConfig evaluation;
};

// Serves until SIGTERM or SIGINT; the association in progress is finished first, so no received
// object is lost. Accepts Verification and every storage SOP class in association negotiation;
// answers C-STORE of a non-SR class with status 0x0122 (SOP class not supported), of an SR that
// is no breast-imaging report or is mammocalc's own (one "skipped" log line) with success. With
// allowed_calling_aes, rejects associations from other calling AE titles. Logs one line
// per object to `log`. Returns Success after a clean shutdown; throws Error when the port
// cannot be opened or the output directory cannot be created.
ExitCode run_server(const ServeConfig& config, std::ostream& log);

}  // namespace mammocalc
