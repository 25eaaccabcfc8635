#include "site_profile_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <locale>
#include <regex>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "error.hpp"

namespace mammocalc {
namespace {

// A profile is a handful of elements; anything this large is not one.
constexpr std::size_t kMaxProfileBytes = std::size_t{1024} * 1024;
// Distances and thicknesses are millimetres in a breast: 0 … 200.
constexpr double kMaxMillimetres = 200.0;

struct Parsed {
  SiteProfile profile;
  std::vector<std::string> problems;
};

class ProfileParser {
 public:
  ProfileParser(std::string path, std::string bytes)
      : path_(std::move(path)), bytes_(std::move(bytes)) {}

  Parsed parse() {
    pugi::xml_document document;
    const pugi::xml_parse_result result = document.load_buffer(
        bytes_.data(), bytes_.size(), pugi::parse_default | pugi::parse_doctype);
    if (!result) {
      problem(static_cast<std::size_t>(result.offset), "xml",
              std::string("not well-formed XML (") + result.description() + ")");
      return std::move(parsed_);
    }
    for (pugi::xml_node node : document.children()) {
      if (node.type() == pugi::node_doctype) {
        problem(node, "xml", "DOCTYPE declarations are not allowed");
        return std::move(parsed_);
      }
    }
    const pugi::xml_node root = document.document_element();
    if (std::string(root.name()) != "siteProfile" ||
        std::string(root.attribute("xmlns").value()) != kSiteProfileNamespace) {
      problem(root, "siteProfile",
              std::string("root must be <siteProfile xmlns=\"") + kSiteProfileNamespace + "\">");
      return std::move(parsed_);
    }
    std::set<std::string> seen;
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string name = child.name();
      if (!seen.insert(name).second) {
        problem(child, name, "given more than once");
        continue;
      }
      read_element(child, name);
    }
    return std::move(parsed_);
  }

 private:
  void read_element(pugi::xml_node node, const std::string& name) {
    SiteProfile& profile = parsed_.profile;
    if (name == "stereotacticUnit") {
      read_bool(node, name, profile.stereotactic_available);
    } else if (name == "vacuumAssisted") {
      read_bool(node, name, profile.vacuum_assisted_available);
    } else if (name == "minCompressedThicknessMm") {
      read_millimetres(node, name, profile.min_compressed_thickness_mm);
    } else if (name == "minChestWallDistanceMm") {
      read_millimetres(node, name, profile.min_chest_wall_distance_mm);
    } else if (name == "minSkinDistanceMm") {
      read_millimetres(node, name, profile.min_skin_distance_mm);
    } else if (name == "needleGauges") {
      read_gauge(node, "core", profile.core_needle_gauge);
      read_gauge(node, "vacuumAssisted", profile.vacuum_needle_gauge);
      read_gauge(node, "localization", profile.localization_needle_gauge);
    } else {
      problem(node, name, "unknown element");
    }
  }

  void read_bool(pugi::xml_node node, const std::string& name, bool& value) {
    const std::string text = node.attribute("available").value();
    if (text == "true" || text == "1") {
      value = true;
    } else if (text == "false" || text == "0") {
      value = false;
    } else {
      problem(node, name, "attribute available must be true or false, not '" + text + "'");
    }
  }

  void read_millimetres(pugi::xml_node node, const std::string& name, double& value) {
    const std::string text = node.text().get();
    std::istringstream stream(text);
    stream.imbue(std::locale::classic());
    double parsed = 0.0;
    stream >> parsed;
    if (stream.fail() || !(stream >> std::ws).eof() || !std::isfinite(parsed)) {
      problem(node, name, "not a number: '" + text + "'");
    } else if (parsed < 0.0 || parsed > kMaxMillimetres) {
      problem(node, name, "must be between 0 and 200 mm, not " + text);
    } else {
      value = parsed;
    }
  }

  void read_gauge(pugi::xml_node node, const char* attribute, std::string& value) {
    const pugi::xml_attribute given = node.attribute(attribute);
    if (!given) return;
    static const std::regex kGauge("[0-9]{1,2}(-[0-9]{1,2})?G");
    const std::string text = given.value();
    if (!std::regex_match(text, kGauge)) {
      problem(node, std::string("needleGauges/@") + attribute,
              "must look like 14G or 9-11G, not '" + text + "'");
    } else {
      value = text;
    }
  }

  void problem(pugi::xml_node node, const std::string& field, const std::string& text) {
    problem(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug())), field,
            text);
  }

  void problem(std::size_t offset, const std::string& field, const std::string& text) {
    const auto end = bytes_.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes_.size()));
    const auto line = 1 + std::count(bytes_.begin(), end, '\n');
    parsed_.problems.push_back(path_ + ":" + std::to_string(line) + ": " + field + ": " + text);
  }

  std::string path_;
  std::string bytes_;
  Parsed parsed_;
};

Parsed parse_profile(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) return {SiteProfile{}, {path + ": cannot be opened"}};
  std::string bytes;
  bytes.resize(kMaxProfileBytes + 1);
  input.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(input.gcount()));
  if (bytes.size() > kMaxProfileBytes) {
    return {SiteProfile{}, {path + ": larger than 1 MiB, not a site profile"}};
  }
  return ProfileParser(path, std::move(bytes)).parse();
}

}  // namespace

SiteProfile read_site_profile(const std::string& path) {
  Parsed parsed = parse_profile(path);
  if (!parsed.problems.empty()) {
    std::string message = parsed.problems.front();
    if (parsed.problems.size() > 1) {
      message += " (and " + std::to_string(parsed.problems.size() - 1) + " more problems)";
    }
    throw Error(ErrorCode::InvalidSiteProfile, message);
  }
  return parsed.profile;
}

std::vector<std::string> check_site_profile(const std::string& path) {
  return parse_profile(path).problems;
}

}  // namespace mammocalc
