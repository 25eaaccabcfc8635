#include "narrative/wordings.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "base/error.hpp"

namespace mammocalc {

namespace {

constexpr const char* kEnglishWordings = "narrative-wordings-en.xml";

}  // namespace

std::string default_wordings_file() {
  namespace fs = std::filesystem;
  std::vector<fs::path> looked_in;
  if (const char* data_dir = std::getenv("MAMMOCALC_DATA_DIR"); data_dir && *data_dir) {
    looked_in.push_back(fs::path(data_dir) / kEnglishWordings);
  } else {
    // Installed, <prefix>/bin/mammocalc beside <prefix>/share/mammocalc/; in the build tree the
    // executables sit one folder below <build>, beside <build>/share/mammocalc/ (CMake copies it).
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
      looked_in.push_back(executable.parent_path().parent_path() / "share" / "mammocalc" /
                          kEnglishWordings);
    }
  }
  for (const fs::path& candidate : looked_in) {
    std::error_code error;
    if (fs::is_regular_file(candidate, error)) return candidate.string();
  }
  std::string places;
  for (const fs::path& candidate : looked_in) {
    places += (places.empty() ? "" : ", ") + candidate.string();
  }
  throw Error(ErrorCode::DataMissing, std::string("the narrative wordings (") + kEnglishWordings +
                                          ") are not installed: looked in " +
                                          (places.empty() ? "no place" : places) +
                                          "; set MAMMOCALC_DATA_DIR to the folder that holds them");
}

}  // namespace mammocalc
