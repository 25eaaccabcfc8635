#include "base/wrapped_text.hpp"

#include <sstream>

namespace mammocalc {

std::size_t visible_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++width;
  }
  return width;
}

void write_wrapped(std::ostream& out, const std::string& first, std::size_t indent,
                   const std::string& text, std::size_t width) {
  std::istringstream words(text);
  std::string line = first;
  std::size_t line_width = visible_width(first);
  bool line_has_word = false;
  for (std::string word; words >> word;) {
    const std::size_t word_width = visible_width(word);
    if (line_has_word && line_width + 1 + word_width > width) {
      out << line << "\n";
      line = std::string(indent, ' ');
      line_width = indent;
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
    line_has_word = true;
  }
  out << line << "\n";
}

}  // namespace mammocalc
