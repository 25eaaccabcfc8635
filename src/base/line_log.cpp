#include "base/line_log.hpp"

#include <array>

namespace mammocalc {

namespace {

constexpr unsigned char kDelete = 0x7F;

// The length of the well-formed UTF-8 sequence (RFC 3629: no overlong form, no surrogate, at most
// U+10FFFF) that starts at `at`; 0 when none does there.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;  // the second byte's range, narrowed for some leads
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size() || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

void append_escaped(std::string& escaped, unsigned char byte) {
  constexpr std::array<char, 17> kHex{"0123456789ABCDEF"};
  escaped += "\\x";
  escaped += kHex[byte >> 4U];
  escaped += kHex[byte & 0x0FU];
}

}  // namespace

std::string escape_control_characters(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x20 && byte < kDelete) {
      escaped += text[at++];
      continue;
    }
    const std::size_t length = byte > kDelete ? utf8_sequence_length(text, at) : 0;
    // C1 control characters (U+0080 to U+009F, C2 80 to C2 9F) act on terminals as C0 ones do.
    const bool c1_control =
        length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[at + 1]) <= 0x9F;
    if (length > 0 && !c1_control) {
      escaped.append(text.substr(at, length));
      at += length;
    } else {
      append_escaped(escaped, byte);  // a control character, or a byte of no UTF-8 character
      ++at;
    }
  }
  return escaped;
}

std::string log_line(std::string_view source, std::string_view message) {
  std::string line(source);
  line += ": ";
  line += escape_control_characters(message);
  line += '\n';
  return line;
}

std::string error_line(std::string_view message) { return log_line("mammocalc", message); }

void LineLog::write(std::string_view line) const {
  const std::string escaped = escape_control_characters(line);
  const std::lock_guard<std::mutex> lock(mutex_);
  out_ << escaped << '\n' << std::flush;
}

}  // namespace mammocalc
