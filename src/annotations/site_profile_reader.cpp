// Reading site profiles; checks meaning, not only well-formedness, and every problem names
// file, line and field.
#include "annotations/site_profile_reader.hpp"

#include <set>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "annotations/xml_input.hpp"
#include "base/error.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

using xml_input::read_number;
using xml_input::XmlInput;

// A profile is a handful of elements; anything larger is refused before it is parsed.
constexpr std::size_t kMaxProfileBytes = xml_input::kBytesPerMiB;
// Thicknesses are millimetres within a breast.
constexpr double kMaxProfileMillimetres = 200.0;

void read_availability(XmlInput& input, pugi::xml_node node, bool& value) {
  const std::string text = node.attribute("available").value();
  if (text == "true" || text == "1") {
    value = true;
  } else if (text == "false" || text == "0") {
    value = false;
  } else {
    input.problem(node, node.name(),
                  "attribute available must be true or false, not " + xml_input::quoted(text));
  }
}

// One or two digits, optionally "-" and one or two digits, then "G": "14G", "9-11G". A plain
// scan (std::regex recursed per character and crashed on a long value).
bool is_gauge(std::string_view text) {
  const auto digits = [&](std::size_t& i) {
    const std::size_t start = i;
    while (i < text.size() && i - start < 2 && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  std::size_t i = 0;
  if (!digits(i)) return false;
  if (i < text.size() && text[i] == '-') {
    ++i;
    if (!digits(i)) return false;
  }
  return i + 1 == text.size() && text[i] == 'G';
}

void read_gauge(XmlInput& input, pugi::xml_node node, const char* attribute, std::string& value) {
  const pugi::xml_attribute given = node.attribute(attribute);
  if (!given) return;
  const std::string text = given.value();
  if (!is_gauge(text)) {
    input.problem(node, std::string("needleGauges/@") + attribute,
                  "must look like 14G or 9-11G, not " + xml_input::quoted(text));
  } else {
    value = text;
  }
}

SiteProfile parse_site_profile(XmlInput& input) {
  SiteProfile profile;
  const pugi::xml_node root = input.root("siteProfile", kSiteProfileNamespace);
  if (!root) return profile;
  std::set<std::string> seen;
  for (pugi::xml_node node : root.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string name = node.name();
    if (!seen.insert(name).second) {
      input.problem(node, name, "given more than once");
      continue;
    }
    const auto millimetres = [&](double& value) {
      if (auto number =
              read_number(input, node, name, node.text().get(), 0.0, kMaxProfileMillimetres)) {
        value = *number;
      }
    };
    if (name == "stereotacticUnit") {
      read_availability(input, node, profile.stereotactic_available);
    } else if (name == "vacuumAssisted") {
      read_availability(input, node, profile.vacuum_assisted_available);
    } else if (name == "minCompressedThicknessMm") {
      millimetres(profile.min_compressed_thickness_mm);
    } else if (name == "minChestWallDistanceMm") {
      millimetres(profile.min_chest_wall_distance_mm);
    } else if (name == "minSkinDistanceMm") {
      millimetres(profile.min_skin_distance_mm);
    } else if (name == "needleGauges") {
      read_gauge(input, node, "core", profile.core_needle_gauge);
      read_gauge(input, node, "vacuumAssisted", profile.vacuum_needle_gauge);
      read_gauge(input, node, "localization", profile.localization_needle_gauge);
    } else {
      input.problem(node, name, "unknown element");
    }
  }
  return profile;
}

}  // namespace

SiteProfile read_site_profile(const std::string& path) {
  return xml_input::read_valid(path, kMaxProfileBytes, parse_site_profile,
                               ErrorCode::InvalidSiteProfile);
}

std::vector<std::string> check_site_profile(const std::string& path) {
  return xml_input::problems_of(path, kMaxProfileBytes, parse_site_profile);
}

}  // namespace mammocalc
