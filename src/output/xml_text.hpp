#pragma once
// Text made fit for XML 1.0, for every writer of XML (summaries, index, pages).

#include <string>

namespace mammocalc {

// Text made safe for XML 1.0: invalid UTF-8 becomes U+FFFD, disallowed control characters go.
std::string xml_safe_text(const std::string& text);

}  // namespace mammocalc
