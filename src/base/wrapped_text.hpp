#pragma once
// Text for a terminal kept to a width (the review, the rule listing): words wrapped, colour
// sequences not counted.

#include <cstddef>
#include <ostream>
#include <string>

namespace mammocalc {

// Columns a line takes on screen: UTF-8 code points, less the colour (ESC … m) sequences.
std::size_t visible_width(const std::string& text);

// Writes `text` wrapped at `width` columns: the first line after `first`, the others indented to
// `indent` columns. Words longer than a line (UIDs) stand on a line of their own.
void write_wrapped(std::ostream& out, const std::string& first, std::size_t indent,
                   const std::string& text, std::size_t width);

}  // namespace mammocalc
