// libFuzzer: arbitrary bytes through the whole SR path (limits, DCMTK read, templates, rules,
// summary XML). Errors are expected; crashes, sanitizer reports and hangs are findings.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/toolkit.hpp"
#include "run/summarise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool started = (mammocalc::start_dicom_toolkit(), true);
  (void)started;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const mammocalc::Report report =
        mammocalc::summarise_input_bytes(bytes, "fuzz.dcm", mammocalc::Evaluation{});
    (void)mammocalc::render_summary(report, mammocalc::SummaryOptions{});
  } catch (const mammocalc::Error&) {
  }
  return 0;
}
