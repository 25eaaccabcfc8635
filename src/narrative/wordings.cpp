#include "narrative/wordings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "base/error.hpp"

namespace mammocalc {

namespace {

constexpr const char* kEnglishWordings = "narrative-wordings-en.xml";
// The shipped lexicons; the first is the default language's.
constexpr const char* kShippedWordings[] = {kEnglishWordings, "narrative-wordings-de.xml"};

std::string shipped_file(const char* name) {
  namespace fs = std::filesystem;
  std::vector<fs::path> looked_in;
  if (const char* data_dir = std::getenv("MAMMOCALC_DATA_DIR"); data_dir && *data_dir) {
    looked_in.push_back(fs::path(data_dir) / name);
  } else {
    // Installed, <prefix>/bin/mammocalc beside <prefix>/share/mammocalc/; in the build tree the
    // executables sit one folder below <build>, beside <build>/share/mammocalc/ (CMake copies it).
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
      looked_in.push_back(executable.parent_path().parent_path() / "share" / "mammocalc" / name);
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
  throw Error(ErrorCode::DataMissing, std::string("the narrative wordings (") + name +
                                          ") are not installed: looked in " +
                                          (places.empty() ? "no place" : places) +
                                          "; set MAMMOCALC_DATA_DIR to the folder that holds them");
}

}  // namespace

std::string default_wordings_file() { return shipped_file(kEnglishWordings); }

std::vector<std::string> shipped_wordings_files() {
  std::vector<std::string> files;
  std::transform(std::begin(kShippedWordings), std::end(kShippedWordings),
                 std::back_inserter(files), shipped_file);
  return files;
}

std::string language_key(const std::string& tag) {
  std::string key = tag.substr(0, tag.find_first_of("-_"));
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

}  // namespace mammocalc
