#include "dicom/toolkit.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "base/error.hpp"
#include "dcmtk/dcmdata/dcdict.h"
#include "dcmtk/dcmdata/dcobject.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/oflog/oflog.h"

namespace mammocalc {
namespace {

void use_standard_dictionary_only() {
  if (std::getenv(DCM_DICT_ENVIRONMENT_VARIABLE) != nullptr) return;
  std::string standard;
  std::istringstream paths(DCM_DICT_DEFAULT_PATH);
  for (std::string path; std::getline(paths, path, ENVIRONMENT_PATH_SEPARATOR);) {
    if (std::filesystem::path(path).filename() == "private.dic") continue;
    standard += (standard.empty() ? "" : std::string(1, ENVIRONMENT_PATH_SEPARATOR)) + path;
  }
  if (!standard.empty()) ::setenv(DCM_DICT_ENVIRONMENT_VARIABLE, standard.c_str(), 0);
}

}  // namespace

void start_dicom_toolkit() {
  OFLog::configure(OFLogger::OFF_LOG_LEVEL);
  // Every read uses DCMTK's default correction (UID padding removed, as strict checks expect).
  // Set once here, never flipped: it is one process-wide flag and the endpoint reads on several
  // threads. (DcmSCP::openListenPort switches it off; serve accepts associations without it.)
  dcmEnableAutomaticInputDataCorrection.set(OFTrue);
  use_standard_dictionary_only();
  if (!dcmDataDict.isDictionaryLoaded()) {
    throw Error(ErrorCode::ToolkitSetup,
                "the DICOM data dictionary cannot be loaded (check DCMDICTPATH and the dcmtk "
                "installation)");
  }
}

std::string dicom_toolkit_version() { return OFFIS_DCMTK_VERSION_STRING; }

}  // namespace mammocalc
