#include "output/xml_text.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>

namespace mammocalc {

std::string xml_safe_text(const std::string& text) {
  // Most text is printable ASCII and passes unchanged.
  const bool printable_ascii = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
  });
  if (printable_ascii) return text;
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  static constexpr const char* kReplacement = "\xEF\xBF\xBD";
  for (std::size_t i = 0; i < size;) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      // XML 1.0 allows tab, newline and carriage return among the control characters.
      if (lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r') out.push_back(char(lead));
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned int code_point = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07u;
    }
    bool valid = length != 0 && i + length <= size;
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (bytes[i + k] & 0xC0u) == 0x80u;
      code_point = (code_point << 6) | (bytes[i + k] & 0x3Fu);
    }
    // Reject overlong forms, surrogates, values past U+10FFFF and the XML non-characters.
    valid = valid && !(length == 3 && code_point < 0x800) &&
            !(length == 4 && code_point < 0x10000) &&
            !(code_point >= 0xD800 && code_point <= 0xDFFF) && code_point <= 0x10FFFF &&
            code_point != 0xFFFE && code_point != 0xFFFF;
    if (valid) {
      out.append(text, i, length);
      i += length;
    } else {
      out += kReplacement;
      ++i;
    }
  }
  return out;
}

std::optional<std::string> start_tag_attribute(std::string_view head, std::string_view tag_start,
                                               const char* attribute) {
  if (tag_start.empty()) return std::nullopt;
  // A tag start that ends in an element's name is that whole name: "<mammocalcIndex" does not
  // start "<mammocalcIndexes".
  const bool ends_in_name = tag_start.back() != '"';
  const auto name_goes_on = [&](std::size_t at) {
    const std::size_t next = at + tag_start.size();
    return ends_in_name && next < head.size() &&
           std::string_view(" \t\r\n/>").find(head[next]) == std::string_view::npos;
  };
  std::size_t at = head.find(tag_start);
  while (at != std::string_view::npos && name_goes_on(at)) at = head.find(tag_start, at + 1);
  if (at == std::string_view::npos) return std::nullopt;
  // The tag ends at the first '>' outside a quoted value (XML allows '>' inside one).
  std::size_t tag_end = at;
  for (char quote = 0; tag_end < head.size(); ++tag_end) {
    const char c = head[tag_end];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    }
  }
  if (tag_end == head.size()) return std::nullopt;
  std::string tag(head.substr(at, tag_end - at));
  if (!tag.empty() && tag.back() == '/') tag.pop_back();
  tag += "/>";
  pugi::xml_document document;
  if (!document.load_buffer(tag.data(), tag.size(), pugi::parse_minimal | pugi::parse_escapes)) {
    return std::nullopt;
  }
  return std::string(document.document_element().attribute(attribute).value());
}

}  // namespace mammocalc
