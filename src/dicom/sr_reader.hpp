#pragma once
// Reading DICOM SR files into the plain content tree (findings/sr_content.hpp); DCMTK types
// stay in the .cpp, as everywhere in src/dicom/.

#include <cstddef>
#include <string>

#include "base/error.hpp"
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

// The SOP Class and SOP Instance UIDs (0008,0016), (0008,0018) a DICOM object's dataset holds.
struct SopIdentity {
  std::string sop_class_uid;     // empty when the dataset has none
  std::string sop_instance_uid;  // empty when the dataset has none
};

// The SOP Class and SOP Instance UIDs of the dataset in `bytes`, as read_sr would read them (UID
// padding removed), parsing only the start of the dataset: what `serve` compares with the
// C-STORE command before it keeps or writes anything. The limits are checked on the raw encoding
// first. Throws Error(NotDicom | LimitExceeded) naming `name`.
SopIdentity read_sop_identity(const std::string& bytes, const std::string& name,
                              const ReadLimits& limits = ReadLimits{});

// What names an SR and its study in its dataset: the SOP Class and Instance UIDs, the Accession
// Number (0008,0050) and the Study Instance UID (0020,000D), as read_sr would read them.
struct StudyIdentity {
  SopIdentity sop;
  std::string accession_number;    // empty when the dataset has none
  std::string study_instance_uid;  // empty when the dataset has none
};

// The StudyIdentity of the dataset in `bytes`, parsing it only as far as the Study Instance UID
// (not the content tree): what a run reads of each input before summarising any, to tell which
// annotation files another of its inputs takes. The limits are checked on the raw encoding
// first. Throws Error(NotDicom | LimitExceeded) naming `name`.
StudyIdentity read_study_identity(const std::string& bytes, const std::string& name,
                                  const ReadLimits& limits = ReadLimits{});

// The reason said for a DICOMDIR, after "FILE: ".
inline constexpr const char* kDicomDirectoryReason =
    "a DICOMDIR (the index of a DICOM medium), not an SR document";

// Whether the file starts with the DICOM file preamble: 128 bytes, then "DICM" (PS3.10 7.1).
// Reads those 132 bytes only; false when the file is shorter or cannot be read.
inline constexpr std::size_t kPreambleBytes = 128;
bool has_dicom_preamble(const std::string& path);

// Whether the file starts as a DICOM file does: the preamble, "DICM" without the 128 bytes before
// it, or a dataset's first tag (group 0002 or 0008, little endian) as a file without the preamble
// starts. A README, a CSV or an XML file never does (hostile review 83: a truncated SR without
// the preamble was skipped in a batch as no DICOM file). Reads 132 bytes at most.
bool looks_like_dicom(const std::string& path);

// The Media Storage SOP Class UID (0002,0002) of a DICOM file's meta header, read from at most
// its first 64 KiB without parsing the dataset; empty when the file has no preamble or no such
// element. What a file too large or too deep to be read is, so an image is skipped, not failed.
std::string media_storage_sop_class(const std::string& path);

// Reads the whole file (or standard input for "-") into memory, refusing anything larger than
// `max_bytes` before reading it. Throws Error(FileNotFound | LimitExceeded) naming the path.
std::string read_input_bytes(const std::string& path,
                             std::size_t max_bytes = ReadLimits{}.max_input_bytes);

// Whether read_sr reads objects of this SOP class: domain.md §4's SR storage classes, those a
// breast-imaging report or a CAD SR may use.
bool is_accepted_sop_class(const std::string& sop_class_uid);

// The error read_sr gives for an object of a class it does not read, naming `name`:
// Error(OtherSrDocument) for an SR-family class (key object selection, dose report…), else
// Error(UnsupportedSopClass). Returned, not thrown: `serve` logs it for objects it never reads.
Error unread_sop_class_error(const std::string& sop_class_uid, const std::string& name);

}  // namespace mammocalc
