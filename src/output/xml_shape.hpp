#pragma once
// Whether an XML file has the shape of one of mammocalc's own listings (batch index, rule
// listing): told apart from an annotation file wrapped in their root element.

#include <string>
#include <utility>
#include <vector>

namespace mammocalc {

// One element name allowed inside another.
using ElementNesting = std::pair<const char*, const char*>;  // parent, child

// Why `bytes` is no document with root element `root` whose elements nest only as `nestings`
// allow, none of them below the root declaring a namespace; empty when it is one.
std::string why_not_shaped(const std::string& bytes, const char* root,
                           const std::vector<ElementNesting>& nestings);

}  // namespace mammocalc
