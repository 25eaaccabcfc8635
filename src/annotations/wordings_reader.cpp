// Reading narrative wordings files; checks meaning, not only well-formedness, and every problem
// names file, line and field.
#include "annotations/wordings_reader.hpp"

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include <pugixml.hpp>

#include "annotations/xml_input.hpp"
#include "base/error.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

using xml_input::quoted;
using xml_input::read_word;
using xml_input::XmlInput;

// A lexicon is thousands of phrases at most; anything larger is refused before it is parsed.
constexpr std::size_t kMaxWordingsBytes = 4 * xml_input::kBytesPerMiB;

// A phrase as the reader matches it: lower case, words separated by single spaces, no leading or
// trailing blank, '*' only as the last character (a word prefix).
std::string phrase_problem(std::string_view phrase) {
  if (phrase.empty()) return "is empty";
  if (phrase.front() == ' ' || phrase.back() == ' ') return "has a leading or trailing space";
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    const char c = phrase[i];
    if (c >= 'A' && c <= 'Z') return "must be lower case";
    if (c == '\t' || c == '\n' || c == '\r') return "must use single spaces between words";
    if (c == ' ' && i + 1 < phrase.size() && phrase[i + 1] == ' ') {
      return "must use single spaces between words";
    }
    if (c == '*' && i + 1 != phrase.size()) return "may hold '*' only at its end";
  }
  if (phrase == "*") return "must start with a word";
  return {};
}

std::optional<ContextRole> context_role_named(std::string_view word) {
  static const std::map<std::string_view, ContextRole> roles = {
      {"negated", ContextRole::Negated},
      {"uncertain", ContextRole::Uncertain},
      {"historical", ContextRole::Historical},
      {"hypothetical", ContextRole::Hypothetical},
      {"pseudo", ContextRole::Pseudo},
      {"terminator", ContextRole::Terminator},
      {"surroundings", ContextRole::Surroundings},
      {"comparison", ContextRole::Comparison}};
  const auto found = roles.find(word);
  return found == roles.end() ? std::nullopt : std::optional<ContextRole>(found->second);
}

std::optional<ContextSide> context_side_named(std::string_view word) {
  if (word == "before") return ContextSide::Before;
  if (word == "after") return ContextSide::After;
  if (word == "either") return ContextSide::Either;
  return std::nullopt;
}

std::optional<ReportSection> section_named(std::string_view word) {
  static const std::map<std::string_view, ReportSection> sections = {
      {"history", ReportSection::History},
      {"procedure", ReportSection::Procedure},
      {"comparison", ReportSection::Comparison},
      {"composition", ReportSection::Composition},
      {"findings", ReportSection::Findings},
      {"impression", ReportSection::Impression},
      {"recommendation", ReportSection::Recommendation},
      {"conclusion", ReportSection::Conclusion},
      {"addendum", ReportSection::Addendum},
      {"other", ReportSection::Other}};
  const auto found = sections.find(word);
  return found == sections.end() ? std::nullopt : std::optional<ReportSection>(found->second);
}

class WordingsParser {
 public:
  explicit WordingsParser(XmlInput& input) : input_(input) {}

  Wordings parse() {
    Wordings wordings;
    wordings.file = input_.path();
    const pugi::xml_node root = input_.root("narrativeWordings", kWordingsNamespace);
    if (!root) return wordings;
    xml_input::check_attributes(input_, root, {"xmlns", "language"});
    wordings.language = root.attribute("language").value();
    if (wordings.language.empty()) {
      input_.problem(root, "narrativeWordings/@language", "is required (e.g. \"en\")");
    }
    for (pugi::xml_node node : root.children()) {
      if (node.type() == pugi::node_element) read_element(node, wordings);
    }
    if (wordings.calcification.empty()) {
      input_.problem(root, "calcification", "at least one calcification wording is required");
    }
    return wordings;
  }

 private:
  // The phrase of an element, checked; empty when it has a problem (recorded).
  std::string phrase_of(pugi::xml_node node) {
    std::string phrase = node.attribute("phrase").value();
    if (const std::string problem = phrase_problem(phrase); !problem.empty()) {
      input_.problem(node, std::string(node.name()) + "/@phrase", quoted(phrase) + " " + problem);
      return {};
    }
    return phrase;
  }

  // A phrase may stand for one thing per kind: the same phrase twice with two meanings is a
  // conflict, never "the last one wins".
  bool unique(pugi::xml_node node, const std::string& phrase, const std::string& meaning) {
    const auto [at, inserted] =
        meanings_.emplace(std::string(node.name()) + '\n' + phrase, meaning);
    if (!inserted && at->second != meaning) {
      input_.problem(node, std::string(node.name()) + "/@phrase",
                     quoted(phrase) + " is given twice, as " + quoted(at->second) + " and as " +
                         quoted(meaning));
      return false;
    }
    return inserted;
  }

  template <typename Term>
  void read_term(pugi::xml_node node, std::vector<Wording<Term>>& into,
                 std::optional<Term> (*lookup)(std::string_view)) {
    xml_input::check_attributes(input_, node, {"term", "phrase"});
    const std::string text = node.attribute("term").value();
    const auto term = read_word(input_, node, std::string(node.name()) + "/@term", text, lookup);
    const std::string phrase = phrase_of(node);
    if (term && !phrase.empty() && unique(node, phrase, text)) into.push_back({phrase, *term});
  }

  void read_phrase(pugi::xml_node node, std::vector<std::string>& into) {
    xml_input::check_attributes(input_, node, {"phrase"});
    const std::string phrase = phrase_of(node);
    if (!phrase.empty() && unique(node, phrase, "")) into.push_back(phrase);
  }

  void read_context(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_attributes(input_, node, {"role", "side", "phrase"});
    const std::string role_text = node.attribute("role").value();
    const std::string side_text = node.attribute("side").value();
    const auto role = read_word(input_, node, "context/@role", role_text, context_role_named);
    const auto side = read_word(input_, node, "context/@side", side_text, context_side_named);
    const std::string phrase = phrase_of(node);
    if (role && side && !phrase.empty() && unique(node, phrase, role_text + " " + side_text)) {
      wordings.context.push_back({phrase, *role, *side});
    }
  }

  void read_heading(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_attributes(input_, node, {"section", "laterality", "phrase"});
    const std::string section_text = node.attribute("section").value();
    const auto section = read_word(input_, node, "heading/@section", section_text, section_named);
    Laterality laterality = Laterality::Unknown;
    const std::string laterality_text = node.attribute("laterality").value();
    if (node.attribute("laterality")) {
      const auto named =
          read_word(input_, node, "heading/@laterality", laterality_text, laterality_named);
      if (!named) return;
      laterality = *named;
    }
    const std::string phrase = phrase_of(node);
    if (section && !phrase.empty() && unique(node, phrase, section_text + " " + laterality_text)) {
      wordings.headings.push_back({phrase, *section, laterality});
    }
  }

  void read_follow_up(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_attributes(input_, node,
                                {"id", "codeValue", "codingScheme", "codeMeaning", "phrase"});
    const std::string id = node.attribute("id").value();
    bool complete = true;
    for (const char* attribute : {"id", "codeValue", "codingScheme", "codeMeaning"}) {
      if (std::string_view(node.attribute(attribute).value()).empty()) {
        input_.problem(node, std::string("followUp/@") + attribute, "is required");
        complete = false;
      }
    }
    const std::string phrase = phrase_of(node);
    if (!complete || phrase.empty() || !unique(node, phrase, id)) return;
    wordings.follow_up.push_back(
        {phrase, id,
         Code{node.attribute("codeValue").value(), node.attribute("codingScheme").value(),
              node.attribute("codeMeaning").value()}});
  }

  void read_element(pugi::xml_node node, Wordings& wordings) {
    const std::string_view name = node.name();
    if (name == "calcification") return read_phrase(node, wordings.calcification);
    if (name == "morphology") return read_term(node, wordings.morphology, morphology_named);
    if (name == "distribution") return read_term(node, wordings.distribution, distribution_named);
    if (name == "site") return read_term(node, wordings.site, site_named);
    if (name == "laterality") return read_term(node, wordings.laterality, laterality_named);
    if (name == "quadrant") return read_term(node, wordings.quadrant, quadrant_named);
    if (name == "region") return read_term(node, wordings.region, region_named);
    if (name == "depth") return read_term(node, wordings.depth, depth_named);
    if (name == "change") return read_term(node, wordings.change, change_named);
    if (name == "context") return read_context(node, wordings);
    if (name == "heading") return read_heading(node, wordings);
    if (name == "followUp") return read_follow_up(node, wordings);
    if (name == "ultrasoundCorrelate") return read_phrase(node, wordings.ultrasound_correlate);
    if (name == "massWithCalcifications") {
      return read_phrase(node, wordings.mass_with_calcifications);
    }
    if (name == "composition") return read_phrase(node, wordings.composition);
    if (name == "breastImaging") return read_phrase(node, wordings.breast_imaging);
    if (name == "breast") return read_phrase(node, wordings.breast);
    if (name == "abbreviation") return read_phrase(node, wordings.abbreviations);
    if (name == "categoryWord") return read_phrase(node, wordings.category_words);
    input_.problem(node, std::string(name), "unknown element");
  }

  XmlInput& input_;
  std::map<std::string, std::string> meanings_;  // kind + phrase → what it stands for
};

}  // namespace

Wordings read_wordings(const std::string& file) {
  return xml_input::read_valid(
      file, kMaxWordingsBytes, [](XmlInput& input) { return WordingsParser(input).parse(); },
      ErrorCode::InvalidWordings);
}

std::vector<std::string> check_wordings(const std::string& file) {
  return xml_input::problems_of(file, kMaxWordingsBytes,
                                [](XmlInput& input) { return WordingsParser(input).parse(); });
}

}  // namespace mammocalc
