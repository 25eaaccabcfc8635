#pragma once
// Text made fit for XML 1.0, for every writer of XML (summaries, index, pages).

#include <optional>
#include <string>
#include <string_view>

namespace mammocalc {

// Text made safe for XML 1.0: invalid UTF-8 becomes U+FFFD, disallowed control characters go.
std::string xml_safe_text(const std::string& text);

// The value of `attribute` on the first start tag in `head` that begins with `tag_start`
// ("<mammocalcIndex",
// "<meta name=\"mammocalc-naming\""), read as XML (quoting, order and escapes are XML's, review 43,
// R43-11): nullopt when no such complete start tag is there or it is no XML; empty when the tag
// has no such attribute. For heads of files a run wrote: only the tag is parsed, not the file.
std::optional<std::string> start_tag_attribute(std::string_view head, std::string_view tag_start,
                                               const char* attribute);

}  // namespace mammocalc
