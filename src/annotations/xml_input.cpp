#include "annotations/xml_input.hpp"

#include <cmath>
#include <locale>
#include <sstream>

namespace mammocalc::xml_input {

std::string quoted(const std::string& text) {
  constexpr std::size_t kLongest = 80;
  constexpr std::size_t kShown = 60;
  if (text.size() <= kLongest) return "'" + text + "'";
  std::size_t cut = kShown;
  // Never inside a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return "'" + text.substr(0, cut) + "...' (" + std::to_string(text.size()) + " bytes)";
}

std::optional<double> parse_number(const std::string& text) {
  std::istringstream stream(text);
  stream.imbue(std::locale::classic());
  double value = 0.0;
  stream >> value;
  if (stream.fail() || !(stream >> std::ws).eof() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Reads a number in [low, high] from `text`; records a problem and returns nothing otherwise.
std::optional<double> read_number(XmlInput& input, pugi::xml_node node, const std::string& field,
                                  const std::string& text, double low, double high) {
  const auto value = parse_number(text);
  if (!value) {
    input.problem(node, field, "not a number: " + quoted(text));
    return std::nullopt;
  }
  if (*value < low || *value > high) {
    std::ostringstream range;
    range.imbue(std::locale::classic());
    range << "must be between " << low << " and " << high << ", not " << text;
    input.problem(node, field, range.str());
    return std::nullopt;
  }
  return value;
}

// Each element may carry only the attributes named here.
void check_attributes(XmlInput& input, pugi::xml_node node,
                      std::initializer_list<const char*> allowed) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    const std::string name = attribute.name();
    const bool known = std::any_of(allowed.begin(), allowed.end(),
                                   [&](const char* candidate) { return name == candidate; });
    if (!known) {
      input.problem(node, std::string(node.name()) + "/@" + name, "unknown attribute");
    }
  }
}

std::string first_problem(const std::vector<std::string>& problems) {
  std::string message = problems.front();
  if (problems.size() > 1) {
    message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
  }
  return message;
}

}  // namespace mammocalc::xml_input
