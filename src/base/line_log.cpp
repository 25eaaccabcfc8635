#include "base/line_log.hpp"

#include <array>

namespace mammocalc {

std::string escape_control_characters(std::string_view text) {
  constexpr std::array<char, 17> kHex{"0123456789ABCDEF"};
  constexpr unsigned char kDelete = 0x7F;
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != kDelete) {
      escaped += c;
    } else {
      escaped += "\\x";
      escaped += kHex[byte >> 4U];
      escaped += kHex[byte & 0x0FU];
    }
  }
  return escaped;
}

void LineLog::write(std::string_view line) const {
  const std::string escaped = escape_control_characters(line);
  const std::lock_guard<std::mutex> lock(mutex_);
  out_ << escaped << '\n' << std::flush;
}

}  // namespace mammocalc
