// Reading site profiles; checks meaning, not only well-formedness, and every problem names
// file, line and field.
#include "annotations/site_profile_reader.hpp"

#include <algorithm>
#include <filesystem>
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
  xml_input::check_empty(input, node, {"available"});
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
// scan (std::regex recursed per character and crashed on a long value). Breast biopsy and
// localization needles lie well within 6G to 27G; a range runs from the larger needle (smaller
// number) to the smaller ("99-1G" was named in a recommendation; hostile review 74). The schema
// bounds each number; the order it cannot say.
bool is_gauge(std::string_view text) {
  constexpr int kLargestNeedle = 6;
  constexpr int kSmallestNeedle = 27;
  const auto digits = [&](std::size_t& i, int& number) {
    const std::size_t start = i;
    number = 0;
    while (i < text.size() && i - start < 2 && text[i] >= '0' && text[i] <= '9') {
      number = number * 10 + (text[i] - '0');
      ++i;
    }
    return i > start && number >= kLargestNeedle && number <= kSmallestNeedle;
  };
  std::size_t i = 0;
  int first = 0;
  if (!digits(i, first)) return false;
  if (i < text.size() && text[i] == '-') {
    ++i;
    int second = 0;
    if (!digits(i, second) || second <= first) return false;
  }
  return i + 1 == text.size() && text[i] == 'G';
}

void read_gauge(XmlInput& input, pugi::xml_node node, const char* attribute, std::string& value) {
  const pugi::xml_attribute given = node.attribute(attribute);
  if (!given) return;
  const std::string text = given.value();
  if (!is_gauge(text)) {
    input.problem(node, std::string("needleGauges/@") + attribute,
                  "must look like 14G or 9-11G, not " + xml_input::quoted(text) +
                      " (6G to 27G; a range runs from the smaller number)");
  } else {
    value = text;
  }
}

// <narrativeLexicons><file>…</file>…</narrativeLexicons>: each path, relative to the profile.
void read_lexicon_files(XmlInput& input, pugi::xml_node node, std::vector<std::string>& files) {
  const std::filesystem::path folder = std::filesystem::path(input.path()).parent_path();
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string(child.name()) != "file") {
      input.problem(child, std::string("narrativeLexicons/") + child.name(), "unknown element");
      continue;
    }
    const std::string path = xml_input::value_of(input, child);
    if (path.empty()) {
      input.problem(child, "narrativeLexicons/file", "is empty");
    } else {
      const std::filesystem::path given(path);
      files.push_back(given.is_absolute() ? path : (folder / given).lexically_normal().string());
    }
  }
  if (files.empty()) input.problem(node, "narrativeLexicons", "names no file");
}

// An RFC 5646 tag as xs:language allows it: letters, then '-' and letters or digits.
bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35 || tag.front() == '-' || tag.back() == '-') return false;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(tag.front())) return false;
  return std::all_of(tag.begin(), tag.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '-'; });
}

std::pair<SiteProfile, SiteReading> parse_site_profile(XmlInput& input) {
  SiteProfile profile;
  SiteReading reading;
  const pugi::xml_node root = input.root(kSiteProfileRoot, kSiteProfileNamespace);
  if (!root) return {profile, reading};
  xml_input::check_structure(input, root, {"xmlns", "name"});
  std::set<std::string> seen;
  for (pugi::xml_node node : root.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string name = node.name();
    if (!seen.insert(name).second) {
      input.problem(node, name, "given more than once");
      continue;
    }
    const auto millimetres = [&](double& value) {
      if (auto number = read_number(input, node, name, xml_input::value_of(input, node), 0.0,
                                    kMaxProfileMillimetres)) {
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
    } else if (name == "narrativeLexicons") {
      xml_input::check_structure(input, node, {});
      read_lexicon_files(input, node, reading.lexicon_files);
    } else if (name == "reportLanguage") {
      const std::string tag = xml_input::value_of(input, node);
      if (is_language_tag(tag)) {
        reading.language = tag;
      } else {
        input.problem(node, name,
                      "must be a language tag such as de or de-DE, not " + xml_input::quoted(tag));
      }
    } else if (name == "needleGauges") {
      xml_input::check_empty(input, node, {"core", "vacuumAssisted", "localization"});
      read_gauge(input, node, "core", profile.core_needle_gauge);
      read_gauge(input, node, "vacuumAssisted", profile.vacuum_needle_gauge);
      read_gauge(input, node, "localization", profile.localization_needle_gauge);
    } else {
      input.problem(node, name, "unknown element");
    }
  }
  return {profile, reading};
}

}  // namespace

SiteProfile read_site_profile(const std::string& path) {
  return read_site_profile_with_reading(path).first;
}

std::pair<SiteProfile, SiteReading> read_site_profile_with_reading(const std::string& path) {
  return xml_input::read_valid(path, kMaxProfileBytes, parse_site_profile,
                               ErrorCode::InvalidSiteProfile);
}

std::vector<std::string> check_site_profile(const std::string& path) {
  return xml_input::problems_of(path, kMaxProfileBytes, parse_site_profile);
}

SiteProfileCheck check_site_profile_bytes(const std::string& path, std::string bytes) {
  XmlInput input(path, std::move(bytes), kMaxProfileBytes);
  SiteReading reading = parse_site_profile(input).second;
  return {input.problems(), std::move(reading)};
}

}  // namespace mammocalc
