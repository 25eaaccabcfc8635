#pragma once
// Reading DICOM SR files into the plain content tree (findings/sr_content.hpp); DCMTK types
// stay in the .cpp, as everywhere in src/dicom/.

#include <string>

#include "dicom/dicom_structure.hpp"
#include "findings/sr_content.hpp"

namespace mammocalc {

// Reads an SR document from bytes; `name` names the input in error messages. The limits are
// checked on the raw encoding before DCMTK's recursive parser runs. The bytes are taken by value
// and released once DCMTK has its own copy: a large input is not held twice.
// Throws Error(NotDicom | UnsupportedSopClass | OtherSrDocument | InvalidSrDocument |
// LimitExceeded) naming `name`.
SrDocument read_sr(std::string bytes, const std::string& name,
                   const ReadLimits& limits = ReadLimits{});

// Reads the whole file (or standard input for "-") into memory, refusing anything larger than
// `max_bytes` before reading it. Throws Error(FileNotFound | LimitExceeded) naming the path.
std::string read_input_bytes(const std::string& path,
                             std::size_t max_bytes = ReadLimits{}.max_input_bytes);

}  // namespace mammocalc
