#pragma once
// A bounded, non-recursive walk over the raw DICOM encoding that checks the resource limits
// before any recursive parser (DCMTK's included) sees the bytes: sequence nesting depth and
// element count. It does not interpret values; the real parse follows.

#include <cstddef>
#include <string>

namespace mammocalc {

struct ReadLimits {
  std::size_t max_input_bytes = std::size_t{256} * 1024 * 1024;
  int max_nesting_depth = 128;         // sequences and items counted alike
  std::size_t max_elements = 2000000;  // data elements and items over the whole file
};

// Returns an empty string when the encoding stays within the limits (or cannot be walked, in
// which case the real parser reports the problem); otherwise the reason, e.g.
// "sequences nested deeper than 128 levels".
std::string check_structure_limits(const std::string& bytes, const ReadLimits& limits);

}  // namespace mammocalc
