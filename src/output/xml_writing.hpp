#pragma once
// What the output writers share: attribute and text setters that make every value safe for XML.
// Internal to src/output/ (it exposes pugixml): include it from its .cpp files only.

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "output/summary_writer.hpp"
#include "output/xml_text.hpp"

namespace mammocalc::xml_writing {

inline void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_safe_text(value).c_str());
}

inline void set(pugi::xml_node node, const char* name, std::string_view value) {
  set(node, name, std::string(value));
}

inline void set_if(pugi::xml_node node, const char* name, const std::string& value) {
  if (!value.empty()) set(node, name, value);
}

inline void set_text(pugi::xml_node node, const std::string& text) {
  node.text().set(xml_safe_text(text).c_str());
}

}  // namespace mammocalc::xml_writing
