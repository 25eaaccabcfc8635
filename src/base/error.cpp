#include "base/error.hpp"

#include <cerrno>
#include <cstring>

namespace mammocalc {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::FileNotFound:
      return "file-not-found";
    case ErrorCode::NotRegularFile:
      return "not-a-regular-file";
    case ErrorCode::NotDicom:
      return "not-dicom";
    case ErrorCode::UnsupportedSopClass:
      return "unsupported-sop-class";
    case ErrorCode::OtherSrDocument:
      return "other-sr-document";
    case ErrorCode::InvalidSrDocument:
      return "invalid-sr";
    case ErrorCode::NotBreastImaging:
      return "not-breast-imaging";
    case ErrorCode::OwnSummary:
      return "own-summary";
    case ErrorCode::LimitExceeded:
      return "limit-exceeded";
    case ErrorCode::InvalidSiteProfile:
      return "invalid-site-profile";
    case ErrorCode::InvalidAnnotation:
      return "invalid-annotation";
    case ErrorCode::InvalidSummary:
      return "invalid-summary";
    case ErrorCode::InvalidWordings:
      return "invalid-wordings";
    case ErrorCode::DataMissing:
      return "data-missing";
    case ErrorCode::OutputFailed:
      return "output-failed";
    case ErrorCode::Usage:
      return "usage";
    case ErrorCode::ServiceFailed:
      return "service-failed";
    case ErrorCode::ToolkitSetup:
      return "toolkit-setup";
    case ErrorCode::SymlinkLoop:
      return "symlink-loop";
    case ErrorCode::DicomDirectory:
      return "dicomdir";
    case ErrorCode::HiddenFile:
      return "hidden-file";
    case ErrorCode::DuplicateSopInstance:
      return "duplicate-sop-instance";
    case ErrorCode::Internal:
      return "internal";
  }
  return "unknown";
}

ExitCode exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::Usage:
      return ExitCode::Usage;
    case ErrorCode::OutputFailed:
      return ExitCode::OutputFailed;
    case ErrorCode::ServiceFailed:
    case ErrorCode::ToolkitSetup:
    case ErrorCode::DataMissing:
      return ExitCode::EnvironmentFailed;
    case ErrorCode::FileNotFound:
    case ErrorCode::NotRegularFile:
    case ErrorCode::NotDicom:
    case ErrorCode::UnsupportedSopClass:
    case ErrorCode::OtherSrDocument:
    case ErrorCode::InvalidSrDocument:
    case ErrorCode::NotBreastImaging:
    case ErrorCode::OwnSummary:
    case ErrorCode::LimitExceeded:
    case ErrorCode::InvalidSiteProfile:
    case ErrorCode::InvalidAnnotation:
    case ErrorCode::InvalidSummary:
    case ErrorCode::InvalidWordings:
    case ErrorCode::SymlinkLoop:
    case ErrorCode::DicomDirectory:
    case ErrorCode::HiddenFile:  // a skipped entry's code, never thrown
    case ErrorCode::DuplicateSopInstance:
    case ErrorCode::Internal:
      return ExitCode::InputFailed;
  }
  return ExitCode::InputFailed;
}

std::string cannot_open(const std::string& path, int error_number) {
  if (error_number == ENOENT) return path + ": no such file";
  return path + ": cannot be opened (" + std::strerror(error_number) + ")";
}

}  // namespace mammocalc
