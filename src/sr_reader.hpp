#pragma once
// Reading DICOM SR files (the DCMTK bridge: the only file that includes DCMTK).

#include <string>

#include "sr_content.hpp"

namespace mammocalc {

// Silences DCMTK's own logging (it would print to stderr and could echo patient data).
// Call once at start-up, before any read.
void quiet_toolkit_logging();

// Reads an SR document from bytes; `name` names the input in error messages.
// Throws Error(NotDicom | UnsupportedSopClass | InvalidSrDocument) naming `name`.
SrDocument read_sr(const std::string& bytes, const std::string& name);

// Reads the whole file (or standard input for "-") into memory.
// Throws Error(FileNotFound) naming the path.
std::string read_input_bytes(const std::string& path);

}  // namespace mammocalc
