#pragma once
// DICOM UIDs checked by a plain scan of the characters: no std::regex on input text, which
// recurses once per character and overflows the stack on a long value (issue 15).

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace mammocalc {

// At most 64 characters of dot-separated components, each "0" or digits without a leading zero,
// at least `min_components` of them: "1.2.840.10008" (PS3.5 §9.1).
bool is_uid(std::string_view text, std::size_t min_components = 1);

// "2.25." followed by the decimal value of a 128-bit UUID (PS3.5 B.2), as made from a digest by
// name-based UIDs and keyed pseudonyms: the version and variant bits are set here (version
// `version`, RFC 4122 variant).
std::string uuid_uid(std::array<unsigned char, 16> uuid, unsigned version);

}  // namespace mammocalc
