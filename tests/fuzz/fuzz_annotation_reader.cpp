// libFuzzer: arbitrary bytes as an annotation file and as a site profile.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "annotations/annotation_merge.hpp"
#include "annotations/annotation_reader.hpp"
#include "annotations/site_profile_reader.hpp"
#include "base/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/mammocalc-fuzz-" + std::to_string(::getpid()) + ".xml";
  if (std::FILE* file = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, file);
    std::fclose(file);
  }
  (void)mammocalc::check_annotations(path);
  (void)mammocalc::check_site_profile(path);
  try {
    const mammocalc::Annotations annotations = mammocalc::read_annotations(path);
    (void)mammocalc::findings_from_annotations(annotations);
  } catch (const mammocalc::Error&) {
  }
  return 0;
}
