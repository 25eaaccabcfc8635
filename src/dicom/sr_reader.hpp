#pragma once
// Reading DICOM SR files into the plain content tree (findings/sr_content.hpp); DCMTK types
// stay in the .cpp, as everywhere in src/dicom/.

#include <cstddef>
#include <string>

#include "dicom/dicom_structure.hpp"
#include "findings/sr_content.hpp"

namespace mammocalc {

// Reads an SR document from bytes; `name` names the input in error messages. The limits are
// checked on the raw encoding before DCMTK's recursive parser runs. The bytes are taken by value
// and released once DCMTK has its own copy: a large input is not held twice.
// Throws Error(NotDicom | UnsupportedSopClass | DicomDirectory | OtherSrDocument |
// InvalidSrDocument | LimitExceeded) naming `name`.
SrDocument read_sr(std::string bytes, const std::string& name,
                   const ReadLimits& limits = ReadLimits{});

// The reason said for a DICOMDIR, after "FILE: ".
inline constexpr const char* kDicomDirectoryReason =
    "a DICOMDIR (the index of a DICOM medium), not an SR document";

// Whether the file starts with the DICOM file preamble: 128 bytes, then "DICM" (PS3.10 7.1).
// Reads those 132 bytes only; false when the file is shorter or cannot be read.
inline constexpr std::size_t kPreambleBytes = 128;
bool has_dicom_preamble(const std::string& path);

// Reads the whole file (or standard input for "-") into memory, refusing anything larger than
// `max_bytes` before reading it. Throws Error(FileNotFound | LimitExceeded) naming the path.
std::string read_input_bytes(const std::string& path,
                             std::size_t max_bytes = ReadLimits{}.max_input_bytes);

}  // namespace mammocalc
