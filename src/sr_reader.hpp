#pragma once
// Reading DICOM SR files (the DCMTK bridge: the only file that includes DCMTK).

#include <string>

#include "dicom_structure.hpp"
#include "sr_content.hpp"

namespace mammocalc {

// Silences DCMTK's own logging (it would print to stderr and could echo patient data).
// Call once at start-up, before any read.
void quiet_toolkit_logging();

// Reads an SR document from bytes; `name` names the input in error messages. The limits are
// checked on the raw encoding before DCMTK's recursive parser runs.
// Throws Error(NotDicom | UnsupportedSopClass | OtherSrDocument | InvalidSrDocument |
// LimitExceeded) naming `name`.
SrDocument read_sr(const std::string& bytes, const std::string& name,
                   const ReadLimits& limits = ReadLimits{});

// Reads the whole file (or standard input for "-") into memory, refusing anything larger than
// `max_bytes` before reading it. Throws Error(FileNotFound | LimitExceeded) naming the path.
std::string read_input_bytes(const std::string& path,
                             std::size_t max_bytes = ReadLimits{}.max_input_bytes);

}  // namespace mammocalc
