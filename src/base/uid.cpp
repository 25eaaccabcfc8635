#include "base/uid.hpp"

#include <algorithm>

namespace mammocalc {

bool is_uid(std::string_view text, std::size_t min_components) {
  constexpr std::size_t kMaxUidLength = 64;
  if (text.empty() || text.size() > kMaxUidLength) return false;
  std::size_t components = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::string_view component =
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (component.empty()) return false;
    if (std::any_of(component.begin(), component.end(),
                    [](char c) { return c < '0' || c > '9'; })) {
      return false;
    }
    if (component.size() > 1 && component.front() == '0') return false;
    ++components;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return components >= min_components;
}

std::string uuid_uid(std::array<unsigned char, 16> uuid, unsigned version) {
  uuid[6] = static_cast<unsigned char>((uuid[6] & 0x0F) | ((version & 0x0F) << 4));
  uuid[8] = static_cast<unsigned char>((uuid[8] & 0x3F) | 0x80);
  // The 128-bit value in decimal: repeated division by ten of the big-endian bytes.
  std::string decimal;
  while (std::any_of(uuid.begin(), uuid.end(), [](unsigned char byte) { return byte != 0; })) {
    unsigned remainder = 0;
    for (unsigned char& byte : uuid) {
      const unsigned value = remainder * 256 + byte;
      byte = static_cast<unsigned char>(value / 10);
      remainder = value % 10;
    }
    decimal.insert(decimal.begin(), static_cast<char>('0' + remainder));
  }
  return "2.25." + (decimal.empty() ? std::string("0") : decimal);
}

}  // namespace mammocalc
