#include "output/xml_shape.hpp"

#include <algorithm>
#include <cstring>

#include <pugixml.hpp>

namespace mammocalc {
namespace {

bool nests(const std::vector<ElementNesting>& nestings, const char* parent, const char* child) {
  return std::any_of(nestings.begin(), nestings.end(), [&](const ElementNesting& nesting) {
    return std::strcmp(nesting.first, parent) == 0 && std::strcmp(nesting.second, child) == 0;
  });
}

bool declares_namespace(const pugi::xml_node& element) {
  for (const pugi::xml_attribute& attribute : element.attributes()) {
    const char* name = attribute.name();
    if (std::strcmp(name, "xmlns") == 0 || std::strncmp(name, "xmlns:", 6) == 0) return true;
  }
  return false;
}

}  // namespace

std::string why_not_shaped(const std::string& bytes, const char* root,
                           const std::vector<ElementNesting>& nestings) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(bytes.data(), bytes.size());
  if (!parsed) return std::string("not well-formed XML (") + parsed.description() + ")";
  const pugi::xml_node top = document.document_element();
  if (std::strcmp(top.name(), root) != 0) return std::string("no <") + root + "> root element";
  // Iteratively, depth first: a deeply nested file must not overflow the stack.
  std::vector<pugi::xml_node> open{top};
  while (!open.empty()) {
    const pugi::xml_node parent = open.back();
    open.pop_back();
    for (const pugi::xml_node& child : parent.children()) {
      if (child.type() != pugi::node_element) continue;
      if (!nests(nestings, parent.name(), child.name())) {
        return std::string("<") + child.name() + "> inside <" + parent.name() + ">";
      }
      if (declares_namespace(child)) {
        return std::string("<") + child.name() + "> declares a namespace of its own";
      }
      open.push_back(child);
    }
  }
  return {};
}

}  // namespace mammocalc
