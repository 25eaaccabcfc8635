#pragma once
// The one error type of mammocalc: a code plus a message that names the file.
// Thrown where a problem is found, reported once in main().

#include <stdexcept>
#include <string>
#include <string_view>

namespace mammocalc {

enum class ErrorCode {
  FileNotFound,         // the input path does not exist or cannot be opened
  NotRegularFile,       // found in a walk: a FIFO, socket or device, never opened
  NotDicom,             // the input is not a readable DICOM file
  UnsupportedSopClass,  // DICOM, but not one of the SR storage classes we accept
  OtherSrDocument,      // an SR-family document that is no report of ours (KOS, dose report…)
  InvalidSrDocument,    // an SR whose content tree DCMTK cannot read
  NotBreastImaging,     // an SR that is neither a breast-imaging report nor carries calcifications
  OwnSummary,           // an SR mammocalc wrote itself (--dicom-out), read only with --read-own
  LimitExceeded,        // the input is larger, deeper or has more elements than the limits allow
  InvalidSiteProfile,   // a site profile that is not valid, as XML or in meaning
  InvalidAnnotation,    // an annotation file that is not valid, or does not fit its SR
  InvalidSummary,       // a file given to review as a summary that is not a mammocalc summary
  InvalidWordings,      // a narrative wordings file that is not valid (file, line, problem)
  DataMissing,          // an installed data file (the shipped wordings) cannot be found
  OutputFailed,         // the summary could not be written
  Usage,                // the command line is wrong
  ServiceFailed,        // the DICOM endpoint cannot serve (port in use, not permitted)
  ToolkitSetup,         // DICOM cannot be read at all here (no data dictionary loaded)
  SymlinkLoop,          // a batch directory reached again through a symlink: skipped, not thrown
  DicomDirectory,       // a DICOMDIR (the index of a DICOM medium), no document of its own
  HiddenFile,           // found in a walk: a name that starts with "." (a tool's temporary file)
  // Another input of the run has the same SOP Instance UID and another result: its result SR
  // (--dicom-out) would take that one's file.
  DuplicateSopInstance,
  Internal,  // an unexpected failure inside mammocalc (a defect), caught per input
};

// How the process ends; sites script against these numbers.
enum class ExitCode : int {
  Success = 0,
  InputFailed = 1,
  Usage = 2,
  OutputFailed = 3,
  EnvironmentFailed = 4,  // the machine or the installation: port, data dictionary
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

// Short stable name of an error code, e.g. "not-dicom".
std::string_view to_string(ErrorCode code);

// The exit status that an error of this code ends the process with.
ExitCode exit_code_for(ErrorCode code);

// "PATH: no such file" or "PATH: cannot be opened (reason)" for an open that failed with
// `error_number`: the one wording of every command for an input it cannot open.
std::string cannot_open(const std::string& path, int error_number);

}  // namespace mammocalc
