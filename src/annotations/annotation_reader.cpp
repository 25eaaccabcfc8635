// Reading radiologist annotation files; checks meaning, not only well-formedness, and every
// problem names file, line and field.
#include "annotations/annotation_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include <pugixml.hpp>

#include "annotations/xml_input.hpp"
#include "base/error.hpp"
#include "base/uid.hpp"
#include "findings/lexicon.hpp"
#include "findings/value_sets.hpp"

namespace mammocalc {
namespace {

using xml_input::check_empty;
using xml_input::check_structure;
using xml_input::FileBytes;
using xml_input::OtherFiles;
using xml_input::quoted;
using xml_input::read_file_once;
using xml_input::read_number;
using xml_input::read_word;
using xml_input::value_of;
using xml_input::XmlInput;

// An annotation file holds a few hundred findings at most; anything larger is refused before it
// is parsed.
constexpr std::size_t kMaxAnnotationBytes = 10 * xml_input::kBytesPerMiB;
// Thicknesses and distances are millimetres within a breast.
constexpr double kMaxMillimetres = 500.0;

// "1", then any number of ".N" with N a whole number from 1 without a leading zero: "1.3.2".
// A plain scan (std::regex recursed per character and crashed on a long value).
bool is_position(std::string_view text) {
  if (text.empty() || text.front() != '1') return false;
  bool after_dot = false;  // the character before was a dot
  for (const char c : text.substr(1)) {
    if (c == '.') {
      if (after_dot) return false;  // an empty step
      after_dot = true;
    } else if (after_dot ? (c < '1' || c > '9') : (c < '0' || c > '9')) {
      return false;  // not a digit, or a step with a leading zero
    } else {
      after_dot = false;
    }
  }
  return !after_dot && (text.size() == 1 || text[1] == '.');
}

void read_location(XmlInput& input, pugi::xml_node node, AnnotatedFinding& finding) {
  check_empty(input, node,
              {"clock", "region", "quadrant", "depth", "distanceFromNippleMm", "distanceFromSkinMm",
               "distanceFromChestWallMm"});
  if (auto clock = node.attribute("clock")) {
    if (auto hour = read_number(input, node, "location/@clock", clock.value(), 1, 12)) {
      if (*hour != std::floor(*hour) || !xml_input::whole_number_text(clock.value())) {
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
  input.problem(node, field, "must be yes or no, not " + quoted(text));
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
  check_structure(input, node, {"action", "srPosition"});
  const std::string action = node.attribute("action").value();
  if (action == "refine") {
    finding.action = AnnotationAction::Refine;
  } else if (action == "add") {
    finding.action = AnnotationAction::Add;
  } else {
    input.problem(node, "finding/@action", "must be refine or add, not " + quoted(action));
  }
  finding.sr_position = node.attribute("srPosition").value();
  if (!finding.sr_position.empty() && !is_position(finding.sr_position)) {
    input.problem(node, "finding/@srPosition",
                  "not an SR position like 1.3.2: " + quoted(finding.sr_position));
  }
  if (finding.action == AnnotationAction::Add && !finding.sr_position.empty()) {
    input.problem(node, "finding/@srPosition", "an added finding has no SR position");
  }
  std::set<std::string> seen;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string name = child.name();
    if (name == "morphology") {
      const std::string text = value_of(input, child);
      if (auto term = read_word(input, child, "morphology", text, morphology_named)) {
        finding.morphology.push_back(*term);
      }
      continue;
    }
    if (name == "priorResult") {
      const std::string text = value_of(input, child);
      if (auto result = read_word(input, child, "priorResult", text, prior_result_named)) {
        finding.prior_results.push_back(*result);
      }
      continue;
    }
    if (name == "reportedFollowUp") {
      check_empty(input, child, {"codeValue", "codingScheme", "codeMeaning"});
      Code code{child.attribute("codeValue").value(), child.attribute("codingScheme").value(),
                child.attribute("codeMeaning").value()};
      if (code.value.empty() || code.scheme.empty()) {
        input.problem(child, "reportedFollowUp", "needs codeValue and codingScheme");
      } else if (!follow_up_kind_for(code)) {
        // As an unknown term anywhere in the file: a follow-up the rules cannot weigh would stand
        // beside the rules' choice unexamined (hostile review 27, H27-12), as a code in an SR
        // gives unknown-code and review.
        input.problem(child, "reportedFollowUp",
                      "(" + code.value + ", " + code.scheme +
                          ") is no follow-up code of CID 6028 (value and scheme, e.g. 111145 "
                          "DCM for a core biopsy)");
      } else if (const auto other = follow_up_meaning_names_other(code)) {
        // The radiologist reads the meaning beside the rules' choice: one that names another
        // follow-up than the code would stand there unexamined (hostile review 28, H28-11).
        input.problem(child, "reportedFollowUp",
                      "codeMeaning \"" + code.meaning + "\" names " + *other + ", but (" +
                          code.value + ", " + code.scheme + ") is " +
                          std::string(to_string(*follow_up_kind_for(code))) +
                          ": give the code's own meaning, or none");
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
    reader->second(input, child, value_of(input, child), finding);
  }
  if (finding.action == AnnotationAction::Refine && finding.sr_position.empty() &&
      (!finding.laterality || !finding.location.clock_hour)) {
    input.problem(node, "finding",
                  "a refining finding needs srPosition, or laterality and location/@clock");
  }
  return finding;
}

void read_patient(XmlInput& input, pugi::xml_node node, AnnotatedPatient& patient) {
  check_empty(input, node, {"compressedThicknessMm", "canLieProne", "botheredByDeposit"});
  patient.line = input.line(node);
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
  const pugi::xml_node root = input.root(kAnnotationsRoot, kAnnotationsNamespace);
  if (!root) return annotations;
  check_structure(input, root, {"xmlns"});
  bool have_study = false;
  for (pugi::xml_node node : root.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string name = node.name();
    if (name == "study") {
      if (have_study) input.problem(node, "study", "given more than once");
      have_study = true;
      check_empty(input, node, {"studyInstanceUid", "sopInstanceUid", "accessionNumber"});
      annotations.study_line = input.line(node);
      annotations.study_instance_uid = node.attribute("studyInstanceUid").value();
      annotations.sop_instance_uid = node.attribute("sopInstanceUid").value();
      annotations.accession_number = node.attribute("accessionNumber").value();
      if (!is_uid(annotations.study_instance_uid)) {
        input.problem(node, "study/@studyInstanceUid",
                      "not a UID: " + quoted(annotations.study_instance_uid));
      }
      if (!annotations.sop_instance_uid.empty() && !is_uid(annotations.sop_instance_uid)) {
        input.problem(node, "study/@sopInstanceUid",
                      "not a UID: " + quoted(annotations.sop_instance_uid));
      }
    } else if (name == "radiologist") {
      check_empty(input, node, {"name"});
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

}  // namespace

// Only the first 4 KiB are looked at: enough to pass a declaration, comments or a doctype, and
// the file is parsed (once) by whichever reader its kind calls for.
constexpr std::size_t kRootNameHeadBytes = 4096;

std::string xml_root_name(const std::string& path) {
  // Through one non-blocking open: a FIFO given by name must not block (hostile review 25, F12).
  return xml_root_name_of(read_file_once(path, kRootNameHeadBytes, OtherFiles::Read).bytes);
}

namespace {

// Where the root element's start tag begins in `head` (its '<'), past a byte order mark,
// white space, the declaration, comments, processing instructions and a doctype; npos when the
// head does not start as XML or ends before the root.
std::size_t root_start(const std::string& head) {
  std::size_t at = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (at < head.size()) {
    at = head.find_first_not_of(" \t\r\n", at);
    if (at == std::string::npos || head[at] != '<') return std::string::npos;
    if (head.compare(at, 4, "<!--") == 0) {
      at = head.find("-->", at);
      if (at == std::string::npos) return std::string::npos;
      at += 3;
    } else if (head.compare(at, 2, "<?") == 0 || head.compare(at, 2, "<!") == 0) {
      at = head.find('>', at);
      if (at == std::string::npos) return std::string::npos;
      ++at;
    } else {
      return at;
    }
  }
  return std::string::npos;
}

// The attributes of a start tag from `at` (just past its name) to its end: the value of the
// default namespace declaration, if any, and whether the tag ends within `head` as a start tag
// should (name="value" pairs, then > or />).
std::pair<std::string, bool> default_namespace_of(const std::string& head, std::size_t at) {
  constexpr const char* kBlank = " \t\r\n";
  std::string name_space;
  while (true) {
    at = head.find_first_not_of(kBlank, at);
    if (at == std::string::npos) return {name_space, false};
    if (head[at] == '>' || head.compare(at, 2, "/>") == 0) return {name_space, true};
    const std::size_t name_end = head.find_first_of(" \t\r\n=/>", at);
    if (name_end == std::string::npos || name_end == at) return {name_space, false};
    const std::string name = head.substr(at, name_end - at);
    const std::size_t equals = head.find_first_not_of(kBlank, name_end);
    if (equals == std::string::npos || head[equals] != '=') return {name_space, false};
    const std::size_t quote = head.find_first_not_of(kBlank, equals + 1);
    if (quote == std::string::npos || (head[quote] != '"' && head[quote] != '\'')) {
      return {name_space, false};
    }
    const std::size_t value_end = head.find(head[quote], quote + 1);
    if (value_end == std::string::npos) return {name_space, false};
    if (name == "xmlns") name_space = head.substr(quote + 1, value_end - quote - 1);
    at = value_end + 1;
  }
}

}  // namespace

XmlRoot xml_root_of(const std::string& bytes) {
  const std::string head = bytes.substr(0, kRootNameHeadBytes);
  const std::size_t at = root_start(head);
  if (at == std::string::npos) return {};
  // A name the bytes end in ("<annotati": a file cut off or still being written) is no name:
  // its kind is unknown, never taken for another kind's.
  const std::size_t end = head.find_first_of(" \t\r\n/>", at + 1);
  if (end == std::string::npos) return {};
  XmlRoot root;
  root.name = head.substr(at + 1, end - at - 1);
  std::tie(root.name_space, root.start_tag_read) = default_namespace_of(head, end);
  return root;
}

std::string xml_root_name_of(const std::string& bytes) { return xml_root_of(bytes).name; }

std::string why_not_whole_xml(const std::string& bytes) {
  if (bytes.size() > kMaxAnnotationBytes) {
    return "larger than " + std::to_string(kMaxAnnotationBytes / xml_input::kBytesPerMiB) +
           " MiB, not read to its end";
  }
  pugi::xml_document document;
  const pugi::xml_parse_result result = document.load_buffer(bytes.data(), bytes.size());
  if (result) return {};
  return std::string("not well-formed XML (") + result.description() + " at byte " +
         std::to_string(result.offset) + ")";
}

namespace {

// A file of a directory is refused when it is no regular file; one given by name is read (it may
// be a pipe: a shell's process substitution).
AnnotationFile read_once(const std::string& path, OtherFiles others) {
  FileBytes file = read_file_once(path, kMaxAnnotationBytes + 1, others);
  return AnnotationFile{path, std::move(file.bytes), std::move(file.unreadable)};
}

// Every problem of the file at `path`, read once (a file given by name).
AnnotationsReading read_by_name(const std::string& path) {
  const AnnotationFile file = read_once(path, OtherFiles::Read);
  if (!file.unreadable.empty()) return {Annotations{}, {file.unreadable}};
  return parse_annotation_file(file);
}

}  // namespace

AnnotationFile read_annotation_file(const std::string& path) {
  return read_once(path, OtherFiles::Refused);
}

AnnotationFile read_xml_file_given(const std::string& path) {
  // Annotation files are the largest kind (site profiles 1 MiB, lexicons 4 MiB).
  return read_once(path, OtherFiles::Read);
}

AnnotationFile read_annotation_file_head(
    const std::string& path, const std::function<bool(const std::string&)>& read_whole) {
  FileBytes file = read_file_head_once(path, kRootNameHeadBytes, kMaxAnnotationBytes + 1,
                                       OtherFiles::Refused, read_whole);
  return AnnotationFile{path, std::move(file.bytes), std::move(file.unreadable)};
}

AnnotationsReading parse_annotation_file(const AnnotationFile& file) {
  XmlInput input(file.path, file.bytes, kMaxAnnotationBytes);
  AnnotationsReading reading;
  reading.annotations = parse_annotations(input);
  reading.annotations.content = input.canonical_content();
  reading.problems = input.problems();
  return reading;
}

// Read once through one descriptor, as a directory's files are (read_once): a file swapped for
// a FIFO after a check by path reads as empty instead of blocking the run.
Annotations read_annotations(const std::string& path) {
  AnnotationsReading reading = read_by_name(path);
  if (!reading.problems.empty()) {
    throw Error(ErrorCode::InvalidAnnotation, xml_input::first_problem(reading.problems));
  }
  return std::move(reading.annotations);
}

std::vector<std::string> check_annotations(const std::string& path) {
  return read_by_name(path).problems;
}

}  // namespace mammocalc
