// Reading the XML inputs, site profiles and radiologist annotations (pugixml only here and in
// report_writer.cpp). Both check meaning, not only well-formedness, and every problem names
// file, line and field.

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <locale>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "annotations/annotation_reader.hpp"
#include "annotations/site_profile_reader.hpp"
#include "base/error.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

// A profile is a handful of elements, an annotation file a few hundred findings at most;
// anything larger is refused before it is parsed.
constexpr std::size_t kBytesPerMiB = std::size_t{1024} * 1024;
constexpr std::size_t kMaxProfileBytes = kBytesPerMiB;
constexpr std::size_t kMaxAnnotationBytes = 10 * kBytesPerMiB;
// Thicknesses and distances are millimetres within a breast.
constexpr double kMaxMillimetres = 500.0;
constexpr double kMaxProfileMillimetres = 200.0;

// One XML input file: its bytes, its DOM and the problems found in it.
class XmlInput {
 public:
  XmlInput(std::string path, std::size_t max_bytes) : path_(std::move(path)) {
    std::ifstream input(path_, std::ios::binary);
    if (!input) {
      problems_.push_back(path_ + ": cannot be opened");
      return;
    }
    bytes_.resize(max_bytes + 1);
    input.read(bytes_.data(), static_cast<std::streamsize>(bytes_.size()));
    bytes_.resize(static_cast<std::size_t>(input.gcount()));
    if (bytes_.size() > max_bytes) {
      problems_.push_back(path_ + ": larger than " + std::to_string(max_bytes / kBytesPerMiB) +
                          " MiB; refused unread");
      bytes_.clear();
      return;
    }
    readable_ = true;
  }

  // The root element when the file is well-formed XML without DOCTYPE and the root has this name
  // and namespace; otherwise an empty node and a recorded problem.
  pugi::xml_node root(const char* name, const char* name_space) {
    if (!readable_) return {};
    const pugi::xml_parse_result result = document_.load_buffer(
        bytes_.data(), bytes_.size(), pugi::parse_default | pugi::parse_doctype);
    if (!result) {
      problem_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)), "xml",
                 std::string("not well-formed XML (") + result.description() + ")");
      return {};
    }
    for (pugi::xml_node node : document_.children()) {
      if (node.type() == pugi::node_doctype) {
        // Entities could expand without bound (and pugixml would not expand them anyway).
        problem(node, "xml", "DOCTYPE declarations are not allowed");
        return {};
      }
    }
    const pugi::xml_node element = document_.document_element();
    if (std::string(element.name()) != name ||
        std::string(element.attribute("xmlns").value()) != name_space) {
      problem(element, name,
              std::string("root must be <") + name + " xmlns=\"" + name_space + "\">");
      return {};
    }
    return element;
  }

  int line(pugi::xml_node node) const {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
    return line_at(offset);
  }

  void problem(pugi::xml_node node, const std::string& field, const std::string& text) {
    problems_.push_back(path_ + ":" + std::to_string(line(node)) + ": " + field + ": " + text);
  }

  const std::vector<std::string>& problems() const { return problems_; }
  const std::string& path() const { return path_; }

 private:
  int line_at(std::size_t offset) const {
    const auto end = bytes_.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes_.size()));
    return 1 + static_cast<int>(std::count(bytes_.begin(), end, '\n'));
  }
  void problem_at(std::size_t offset, const std::string& field, const std::string& text) {
    problems_.push_back(path_ + ":" + std::to_string(line_at(offset)) + ": " + field + ": " + text);
  }

  std::string path_;
  std::string bytes_;
  bool readable_ = false;
  pugi::xml_document document_;
  std::vector<std::string> problems_;
};

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
    input.problem(node, field, "not a number: '" + text + "'");
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

// Reads a word of the summary's vocabulary; records a problem naming the allowed words.
template <typename Term>
std::optional<Term> read_word(XmlInput& input, pugi::xml_node node, const std::string& field,
                              const std::string& text,
                              std::optional<Term> (*lookup)(std::string_view)) {
  const auto term = lookup(text);
  if (!term) input.problem(node, field, "unknown term '" + text + "'");
  return term;
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

// ---- site profiles ----

void read_availability(XmlInput& input, pugi::xml_node node, bool& value) {
  const std::string text = node.attribute("available").value();
  if (text == "true" || text == "1") {
    value = true;
  } else if (text == "false" || text == "0") {
    value = false;
  } else {
    input.problem(node, node.name(),
                  "attribute available must be true or false, not '" + text + "'");
  }
}

void read_gauge(XmlInput& input, pugi::xml_node node, const char* attribute, std::string& value) {
  const pugi::xml_attribute given = node.attribute(attribute);
  if (!given) return;
  static const std::regex kGauge("[0-9]{1,2}(-[0-9]{1,2})?G");
  const std::string text = given.value();
  if (!std::regex_match(text, kGauge)) {
    input.problem(node, std::string("needleGauges/@") + attribute,
                  "must look like 14G or 9-11G, not '" + text + "'");
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

// ---- annotations ----

bool is_uid(const std::string& text) {
  static const std::regex kUid("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
  return !text.empty() && text.size() <= 64 && std::regex_match(text, kUid);
}

bool is_position(const std::string& text) {
  static const std::regex kPosition("1(\\.[1-9][0-9]*)*");
  return std::regex_match(text, kPosition);
}

void read_location(XmlInput& input, pugi::xml_node node, AnnotatedFinding& finding) {
  check_attributes(input, node,
                   {"clock", "region", "quadrant", "depth", "distanceFromNippleMm",
                    "distanceFromSkinMm", "distanceFromChestWallMm"});
  if (auto clock = node.attribute("clock")) {
    if (auto hour = read_number(input, node, "location/@clock", clock.value(), 1, 12)) {
      if (*hour != std::floor(*hour)) {
        input.problem(node, "location/@clock", "must be a whole hour 1-12");
      } else {
        finding.location.clock_hour = static_cast<int>(*hour);
      }
    }
  }
  if (auto region = node.attribute("region")) {
    finding.location.region =
        read_word(input, node, "location/@region", region.value(), region_named);
  }
  if (auto quadrant = node.attribute("quadrant")) {
    finding.location.quadrant =
        read_word(input, node, "location/@quadrant", quadrant.value(), quadrant_named);
  }
  if (auto depth = node.attribute("depth")) {
    finding.location.depth = read_word(input, node, "location/@depth", depth.value(), depth_named);
  }
  const auto distance = [&](const char* attribute, std::optional<double>& value) {
    if (auto given = node.attribute(attribute)) {
      value = read_number(input, node, std::string("location/@") + attribute, given.value(), 0.0,
                          kMaxMillimetres);
    }
  };
  distance("distanceFromNippleMm", finding.location.from_nipple_mm);
  distance("distanceFromSkinMm", finding.location.from_skin_mm);
  distance("distanceFromChestWallMm", finding.location.from_chest_wall_mm);
}

std::optional<bool> read_yes_no(XmlInput& input, pugi::xml_node node, const std::string& field,
                                const std::string& text) {
  if (text == "yes" || text == "true") return true;
  if (text == "no" || text == "false") return false;
  input.problem(node, field, "must be yes or no, not '" + text + "'");
  return std::nullopt;
}

// Fields that may appear once in a finding, each with its reader.
using FieldReader =
    std::function<void(XmlInput&, pugi::xml_node, const std::string&, AnnotatedFinding&)>;

const std::map<std::string, FieldReader>& single_fields() {
  static const std::map<std::string, FieldReader> fields{
      {"laterality",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.laterality = read_word(in, n, "laterality", t, laterality_named);
       }},
      {"site", [](XmlInput& in, pugi::xml_node n, const std::string& t,
                  AnnotatedFinding& f) { f.site = read_word(in, n, "site", t, site_named); }},
      {"distribution",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.distribution = read_word(in, n, "distribution", t, distribution_named);
       }},
      {"count",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         if (auto v = read_number(in, n, "count", t, 0, 100000)) f.count = static_cast<int>(*v);
       }},
      {"extentMm",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.extent_mm = read_number(in, n, "extentMm", t, 0.0, kMaxMillimetres);
       }},
      {"change",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.change = read_word(in, n, "change", t, change_named);
       }},
      {"ultrasoundVisible",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.ultrasound_visible = read_word(in, n, "ultrasoundVisible", t, presence_named);
       }},
      {"palpable",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.palpable = read_word(in, n, "palpable", t, presence_named);
       }},
      {"reportedCategory",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.reported_category = read_word(in, n, "reportedCategory", t, category_named);
       }},
      {"compressedThicknessMm",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.compressed_thickness_mm =
             read_number(in, n, "compressedThicknessMm", t, 0.0, kMaxMillimetres);
       }},
      {"canLieProne",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.can_lie_prone = read_word(in, n, "canLieProne", t, presence_named);
       }},
      {"botheredByDeposit",
       [](XmlInput& in, pugi::xml_node n, const std::string& t, AnnotatedFinding& f) {
         f.bothered_by_deposit = read_yes_no(in, n, "botheredByDeposit", t);
       }},
      {"comment",
       [](XmlInput&, pugi::xml_node, const std::string& t, AnnotatedFinding& f) { f.comment = t; }},
  };
  return fields;
}

AnnotatedFinding read_finding(XmlInput& input, pugi::xml_node node) {
  AnnotatedFinding finding;
  finding.line = input.line(node);
  check_attributes(input, node, {"action", "srPosition"});
  const std::string action = node.attribute("action").value();
  if (action == "refine") {
    finding.action = AnnotationAction::Refine;
  } else if (action == "add") {
    finding.action = AnnotationAction::Add;
  } else {
    input.problem(node, "finding/@action", "must be refine or add, not '" + action + "'");
  }
  finding.sr_position = node.attribute("srPosition").value();
  if (!finding.sr_position.empty() && !is_position(finding.sr_position)) {
    input.problem(node, "finding/@srPosition",
                  "not an SR position like 1.3.2: '" + finding.sr_position + "'");
  }
  if (finding.action == AnnotationAction::Add && !finding.sr_position.empty()) {
    input.problem(node, "finding/@srPosition", "an added finding has no SR position");
  }
  std::set<std::string> seen;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string name = child.name();
    const std::string text = child.text().get();
    if (name == "morphology") {
      if (auto term = read_word(input, child, "morphology", text, morphology_named)) {
        finding.morphology.push_back(*term);
      }
      continue;
    }
    if (name == "priorResult") {
      if (auto result = read_word(input, child, "priorResult", text, prior_result_named)) {
        finding.prior_results.push_back(*result);
      }
      continue;
    }
    if (name == "reportedFollowUp") {
      check_attributes(input, child, {"codeValue", "codingScheme", "codeMeaning"});
      Code code{child.attribute("codeValue").value(), child.attribute("codingScheme").value(),
                child.attribute("codeMeaning").value()};
      if (code.value.empty() || code.scheme.empty()) {
        input.problem(child, "reportedFollowUp", "needs codeValue and codingScheme");
      } else {
        finding.reported_follow_up.push_back(code);
      }
      continue;
    }
    if (!seen.insert(name).second) {
      input.problem(child, name, "given more than once");
      continue;
    }
    if (name == "location") {
      read_location(input, child, finding);
      continue;
    }
    const auto reader = single_fields().find(name);
    if (reader == single_fields().end()) {
      input.problem(child, name, "unknown element");
      continue;
    }
    reader->second(input, child, text, finding);
  }
  if (finding.action == AnnotationAction::Refine && finding.sr_position.empty() &&
      (!finding.laterality || !finding.location.clock_hour)) {
    input.problem(node, "finding",
                  "a refining finding needs srPosition, or laterality and location/@clock");
  }
  return finding;
}

void read_patient(XmlInput& input, pugi::xml_node node, AnnotatedPatient& patient) {
  check_attributes(input, node, {"compressedThicknessMm", "canLieProne", "botheredByDeposit"});
  if (auto thickness = node.attribute("compressedThicknessMm")) {
    patient.compressed_thickness_mm = read_number(input, node, "patient/@compressedThicknessMm",
                                                  thickness.value(), 0.0, kMaxMillimetres);
  }
  if (auto prone = node.attribute("canLieProne")) {
    patient.can_lie_prone =
        read_word(input, node, "patient/@canLieProne", prone.value(), presence_named);
  }
  if (auto bothered = node.attribute("botheredByDeposit")) {
    patient.bothered_by_deposit =
        read_yes_no(input, node, "patient/@botheredByDeposit", bothered.value());
  }
}

Annotations parse_annotations(XmlInput& input) {
  Annotations annotations;
  annotations.file = input.path();
  const pugi::xml_node root = input.root("annotations", kAnnotationsNamespace);
  if (!root) return annotations;
  bool have_study = false;
  for (pugi::xml_node node : root.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string name = node.name();
    if (name == "study") {
      if (have_study) input.problem(node, "study", "given more than once");
      have_study = true;
      check_attributes(input, node, {"studyInstanceUid", "sopInstanceUid", "accessionNumber"});
      annotations.study_line = input.line(node);
      annotations.study_instance_uid = node.attribute("studyInstanceUid").value();
      annotations.sop_instance_uid = node.attribute("sopInstanceUid").value();
      annotations.accession_number = node.attribute("accessionNumber").value();
      if (!is_uid(annotations.study_instance_uid)) {
        input.problem(node, "study/@studyInstanceUid",
                      "not a UID: '" + annotations.study_instance_uid + "'");
      }
      if (!annotations.sop_instance_uid.empty() && !is_uid(annotations.sop_instance_uid)) {
        input.problem(node, "study/@sopInstanceUid",
                      "not a UID: '" + annotations.sop_instance_uid + "'");
      }
    } else if (name == "radiologist") {
      check_attributes(input, node, {"name"});
      annotations.radiologist = node.attribute("name").value();
    } else if (name == "patient") {
      read_patient(input, node, annotations.patient);
    } else if (name == "finding") {
      annotations.findings.push_back(read_finding(input, node));
    } else {
      input.problem(node, name, "unknown element");
    }
  }
  if (!have_study) input.problem(root, "study", "missing: the annotated study must be named");
  return annotations;
}

std::string first_problem(const std::vector<std::string>& problems) {
  std::string message = problems.front();
  if (problems.size() > 1) {
    message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
  }
  return message;
}

}  // namespace

namespace {

// Parses a file; throws `code` with the first problem (and how many more) when there is any.
template <typename Parse>
auto read_valid(const std::string& path, std::size_t max_bytes, Parse parse, ErrorCode code) {
  XmlInput input(path, max_bytes);
  auto value = parse(input);
  if (!input.problems().empty()) throw Error(code, first_problem(input.problems()));
  return value;
}

template <typename Parse>
std::vector<std::string> problems_of(const std::string& path, std::size_t max_bytes, Parse parse) {
  XmlInput input(path, max_bytes);
  parse(input);
  return input.problems();
}

}  // namespace

SiteProfile read_site_profile(const std::string& path) {
  return read_valid(path, kMaxProfileBytes, parse_site_profile, ErrorCode::InvalidSiteProfile);
}

std::vector<std::string> check_site_profile(const std::string& path) {
  return problems_of(path, kMaxProfileBytes, parse_site_profile);
}

Annotations read_annotations(const std::string& path) {
  return read_valid(path, kMaxAnnotationBytes, parse_annotations, ErrorCode::InvalidAnnotation);
}

std::vector<std::string> check_annotations(const std::string& path) {
  return problems_of(path, kMaxAnnotationBytes, parse_annotations);
}

std::string xml_root_name(const std::string& path) {
  // Only the first 4 KiB are read: enough to pass a declaration, comments or a doctype, and the
  // file is parsed (once) by whichever reader its kind calls for.
  std::ifstream file(path, std::ios::binary);
  std::string head(4096, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  std::size_t at = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (at < head.size()) {
    at = head.find_first_not_of(" \t\r\n", at);
    if (at == std::string::npos || head[at] != '<') return {};
    if (head.compare(at, 4, "<!--") == 0) {
      at = head.find("-->", at);
      if (at == std::string::npos) return {};
      at += 3;
    } else if (head.compare(at, 2, "<?") == 0 || head.compare(at, 2, "<!") == 0) {
      at = head.find('>', at);
      if (at == std::string::npos) return {};
      ++at;
    } else {
      const std::size_t end = head.find_first_of(" \t\r\n/>", at + 1);
      return head.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    }
  }
  return {};
}

}  // namespace mammocalc
