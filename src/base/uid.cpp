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

}  // namespace mammocalc
