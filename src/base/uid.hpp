#pragma once
// DICOM UIDs checked by a plain scan of the characters: no std::regex on input text, which
// recurses once per character and overflows the stack on a long value (issue 15).

#include <cstddef>
#include <string_view>

namespace mammocalc {

// At most 64 characters of dot-separated components, each "0" or digits without a leading zero,
// at least `min_components` of them: "1.2.840.10008" (PS3.5 §9.1).
bool is_uid(std::string_view text, std::size_t min_components = 1);

}  // namespace mammocalc
