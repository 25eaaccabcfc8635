// Reading narrative wordings files; checks meaning, not only well-formedness, and every problem
// names file, line and field.
#include "annotations/wordings_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "annotations/xml_input.hpp"
#include "base/error.hpp"
#include "findings/findings.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

using xml_input::quoted;
using xml_input::read_word;
using xml_input::XmlInput;

// A lexicon is thousands of phrases at most; anything larger is refused before it is parsed.
constexpr std::size_t kMaxWordingsBytes = 4 * xml_input::kBytesPerMiB;

// A phrase as the reader matches it: lower case, words separated by single spaces, no leading or
// trailing blank, '*' only as the last character (a word prefix) or, in a phrase of one word, the
// first (a word that ends in it, or with both, holds it after its start: German compounds,
// "*verkalkung*" for "Restverkalkungen").
std::string phrase_problem(std::string_view phrase) {
  if (phrase.empty()) return "is empty";
  if (phrase.front() == ' ' || phrase.back() == ' ') return "has a leading or trailing space";
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    const char c = phrase[i];
    if (c >= 'A' && c <= 'Z') return "must be lower case";
    // A Latin-1 capital ("Ö" is C3 96; C3 97 is "×"): report text is folded, the phrase would
    // never match (review 47, R47-10).
    const auto byte = [&phrase](std::size_t at) { return static_cast<unsigned char>(phrase[at]); };
    if (byte(i) == 0xC3 && i + 1 < phrase.size() && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9E &&
        byte(i + 1) != 0x97) {
      return "must be lower case";
    }
    if (c == '\t' || c == '\n' || c == '\r') return "must use single spaces between words";
    if (c == ' ' && i + 1 < phrase.size() && phrase[i + 1] == ' ') {
      return "must use single spaces between words";
    }
    if (c == '*' && i != 0 && i + 1 != phrase.size()) {
      return "may hold '*' only at its start or end";
    }
    // Report text is case-folded (NFKC_Casefold) before it is matched, which writes "ß" as "ss".
    if (phrase.compare(i, 2, "\xC3\x9F") == 0) return "must write \"\xC3\x9F\" as \"ss\"";
  }
  if (phrase == "*" || phrase == "**") return "must start with a word";
  // One word as the text is cut into words: a hyphen, slash, apostrophe or dot would cut it.
  if (phrase.front() == '*' && phrase.find_first_of(" -/'.") != std::string_view::npos) {
    return "may start with '*' only as one word";
  }
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

constexpr std::pair<std::string_view, FunctionWordRole> kFunctionRoles[] = {
    {"and", FunctionWordRole::And},
    {"or", FunctionWordRole::Or},
    {"with", FunctionWordRole::With},
    {"clock-after-hour", FunctionWordRole::ClockAfterHour},
    {"clock-before-hour", FunctionWordRole::ClockBeforeHour},
    {"category-filler", FunctionWordRole::CategoryFiller},
    {"category-before-number", FunctionWordRole::CategoryBeforeNumber},
    {"disease", FunctionWordRole::Disease},
    {"refers-back", FunctionWordRole::RefersBack},
    {"same-breast", FunctionWordRole::SameBreast},
    {"other-breast", FunctionWordRole::OtherBreast},
    {"breast-noun", FunctionWordRole::BreastNoun},
    {"continues-line", FunctionWordRole::ContinuesLine},
    {"elsewhere", FunctionWordRole::Elsewhere},
    {"doubt", FunctionWordRole::Doubt},
    {"other-finding", FunctionWordRole::OtherFinding},
    {"lesion-noun", FunctionWordRole::LesionNoun},
    {"calls-benign", FunctionWordRole::CallsBenign},
    {"sign", FunctionWordRole::Sign},
    {"finding-qualifier", FunctionWordRole::FindingQualifier},
    {"recommends", FunctionWordRole::Recommends},
    {"work-up", FunctionWordRole::WorkUp},
    {"administrative", FunctionWordRole::Administrative},
    {"no-finding-noun", FunctionWordRole::NoFindingNoun},
    {"unsettled", FunctionWordRole::Unsettled},
    {"condition", FunctionWordRole::Condition},
    {"misses-target", FunctionWordRole::MissesTarget},
    {"reason-for-exam", FunctionWordRole::ReasonForExam},
    {"partial", FunctionWordRole::Partial},
    {"disease-now", FunctionWordRole::DiseaseNow},
    {"small-size", FunctionWordRole::SmallSize},
    {"long-standing", FunctionWordRole::LongStanding},
    {"family-member", FunctionWordRole::FamilyMember},
    {"safety-net", FunctionWordRole::SafetyNet},
    {"treated", FunctionWordRole::Treated},
    {"limited-exam", FunctionWordRole::LimitedExam},
    {"treatment-now", FunctionWordRole::TreatmentNow},
    {"patient-too", FunctionWordRole::PatientToo},
    {"corrects", FunctionWordRole::Corrects},
    {"limit-without-cause", FunctionWordRole::LimitWithoutCause},
    {"high-risk", FunctionWordRole::HighRisk},
    {"proves", FunctionWordRole::Proves},
    {"reports-done", FunctionWordRole::ReportsDone},
    {"purpose", FunctionWordRole::Purpose},
    {"risk-managed", FunctionWordRole::RiskManaged},
    {"risk-estimate", FunctionWordRole::RiskEstimate},
    {"percent", FunctionWordRole::Percent},
    {"irregular-form", FunctionWordRole::IrregularForm},
    {"category-blank", FunctionWordRole::CategoryBlank},
    {"awaited", FunctionWordRole::Awaited},
    {"plain", FunctionWordRole::Plain},
    {"excepts", FunctionWordRole::Excepts},
    {"plain-when-denied", FunctionWordRole::PlainWhenDenied},
    {"denied-is-finding", FunctionWordRole::DeniedIsFinding},
    {"otherwise", FunctionWordRole::Otherwise},
    {"view", FunctionWordRole::View},
    {"incomplete", FunctionWordRole::Incomplete},
    {"takes-back-assessment", FunctionWordRole::TakesBackAssessment},
    {"second-group", FunctionWordRole::SecondGroup},
    {"more-of", FunctionWordRole::MoreOf},
    {"more-imaging", FunctionWordRole::MoreImaging},
    {"points-elsewhere", FunctionWordRole::PointsElsewhere},
    {"numbers-other", FunctionWordRole::NumbersOther},
    {"done", FunctionWordRole::Done},
    {"lesser-degree", FunctionWordRole::LesserDegree},
    {"likewise", FunctionWordRole::Likewise},
    {"negated-group", FunctionWordRole::NegatedGroup},
    {"finding-noun", FunctionWordRole::FindingNoun},
    {"category-range", FunctionWordRole::CategoryRange},
    {"clears-breast", FunctionWordRole::ClearsBreast},
    {"only", FunctionWordRole::Only},
    {"other-breast-alone", FunctionWordRole::OtherBreastAlone},
    {"clock-filler", FunctionWordRole::ClockFiller},
    {"clock-range-start", FunctionWordRole::ClockRangeStart},
    {"clock-range-join", FunctionWordRole::ClockRangeJoin},
    {"direction-side", FunctionWordRole::DirectionSide},
    {"direction-after-side", FunctionWordRole::DirectionAfterSide},
    {"direction-before-side", FunctionWordRole::DirectionBeforeSide},
    {"right-before-clock", FunctionWordRole::RightBeforeClock},
    {"left-before-clock", FunctionWordRole::LeftBeforeClock},
    {"degree-comparison", FunctionWordRole::DegreeComparison},
    {"relative", FunctionWordRole::Relative},
    {"every-view", FunctionWordRole::EveryView},
    {"same-breast-alone", FunctionWordRole::SameBreastAlone},
    {"contrasts", FunctionWordRole::Contrasts},
    {"still-there", FunctionWordRole::StillThere}};

constexpr std::pair<std::string_view, MeasureRole> kMeasureRoles[] = {
    {"from-nipple", MeasureRole::FromNipple},        {"from-skin", MeasureRole::FromSkin},
    {"from-chest-wall", MeasureRole::FromChestWall}, {"extent-after", MeasureRole::ExtentAfter},
    {"extent-before", MeasureRole::ExtentBefore},    {"extent-filler", MeasureRole::ExtentFiller}};

std::optional<MeasureRole> measure_role_named(std::string_view word) {
  for (const auto& [name, role] : kMeasureRoles) {
    if (name == word) return role;
  }
  return std::nullopt;
}

std::string_view measure_role_word(MeasureRole role) {
  for (const auto& [name, named] : kMeasureRoles) {
    if (named == role) return name;
  }
  return "unknown";
}

std::optional<FunctionWordRole> function_role_named(std::string_view word) {
  for (const auto& [name, role] : kFunctionRoles) {
    if (name == word) return role;
  }
  return std::nullopt;
}

std::string_view function_role_word(FunctionWordRole role) {
  for (const auto& [name, named] : kFunctionRoles) {
    if (named == role) return name;
  }
  return "unknown";
}

std::string_view context_role_word(ContextRole role) {
  switch (role) {
    case ContextRole::Negated:
      return "negated";
    case ContextRole::Uncertain:
      return "uncertain";
    case ContextRole::Historical:
      return "historical";
    case ContextRole::Hypothetical:
      return "hypothetical";
    case ContextRole::Pseudo:
      return "pseudo";
    case ContextRole::Terminator:
      return "terminator";
    case ContextRole::Surroundings:
      return "surroundings";
    case ContextRole::Comparison:
      return "comparison";
  }
  return "unknown";
}

std::string_view context_side_word(ContextSide side) {
  switch (side) {
    case ContextSide::Before:
      return "before";
    case ContextSide::After:
      return "after";
    case ContextSide::Either:
      return "either";
  }
  return "unknown";
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

// How suspicious a term is, for the check that a site's wording hides no more suspicious wording
// it holds; kinds without that order (quadrant, region, ...) are all 0 and never checked. A change
// wording that negates the growth it holds is the lexicon's own pattern ("no increase" → stable);
// one that does not ("increasing yet stable" → stable) hides it (hostile review 95).
int suspicion(Morphology term) { return is_suspicious(term) ? 1 : 0; }
int suspicion(Distribution term) { return follows_a_duct(term) ? 1 : 0; }
int suspicion(Site term) { return term == Site::Ductal ? 1 : 0; }
int suspicion(Change term) { return term == Change::New || term == Change::Increased ? 1 : 0; }
template <typename Term>
int suspicion(Term /*term*/) {
  return 0;
}

std::vector<std::string_view> words_of(std::string_view phrase) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start <= phrase.size();) {
    const std::size_t end = std::min(phrase.find(' ', start), phrase.size());
    words.push_back(phrase.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Whether the reader would find `held` inside text that `phrase` matches: its words in a row,
// whole words, a held word ending in '*' standing for any word it begins.
bool holds(std::string_view phrase, std::string_view held) {
  const std::vector<std::string_view> words = words_of(phrase);
  const std::vector<std::string_view> wanted = words_of(held);
  const auto word_matches = [](std::string_view word, std::string_view pattern) {
    // A pattern with a leading '*' holds any word with its stem after the start; a word with one
    // is held only by such a pattern with the same stem.
    if (!pattern.empty() && pattern.front() == '*') {
      pattern.remove_prefix(1);
      const bool inside = !pattern.empty() && pattern.back() == '*';
      if (inside) pattern.remove_suffix(1);
      if (!word.empty() && word.front() == '*') word.remove_prefix(1);
      if (!word.empty() && word.back() == '*') word.remove_suffix(1);
      const std::size_t at = word.find(pattern);
      return at != std::string_view::npos && (inside || at + pattern.size() == word.size());
    }
    if (!pattern.empty() && pattern.back() == '*') {
      pattern.remove_suffix(1);
      if (!word.empty() && word.back() == '*') word.remove_suffix(1);
      return word.substr(0, pattern.size()) == pattern;
    }
    return word == pattern;
  };
  return std::search(words.begin(), words.end(), wanted.begin(), wanted.end(), word_matches) !=
         words.end();
}

// Whether a negation wording of the lexicon stands in `phrase` before the wording `held` it holds
// ("no increase": "no" before "increase").
bool negated_before(std::string_view phrase, std::string_view held,
                    const std::vector<ContextWording>& context) {
  const std::vector<std::string_view> words = words_of(phrase);
  const std::size_t held_words = words_of(held).size();
  for (std::size_t start = 0; start + held_words <= words.size(); ++start) {
    const std::size_t begin = static_cast<std::size_t>(words[start].data() - phrase.data());
    const std::size_t end =
        static_cast<std::size_t>(words[start + held_words - 1].data() +
                                 words[start + held_words - 1].size() - phrase.data());
    if (!holds(phrase.substr(begin, end - begin), held)) continue;
    const std::string_view before = phrase.substr(0, begin);
    return std::any_of(context.begin(), context.end(), [&](const ContextWording& negation) {
      return negation.role == ContextRole::Negated && !before.empty() &&
             holds(before.substr(0, before.size() - 1), negation.phrase);
    });
  }
  return false;
}

// One language's lexicon while its files are read: the wordings, and what each phrase stands for
// (kind + phrase → meaning), so that a later file giving a phrase another meaning is a problem.
struct LexiconBeingRead {
  Wordings wordings;
  std::map<std::string, std::string> meanings;
};

// When a site wording's check that it hides no more suspicious one it holds is made: as it is
// read, or once the file is (a change wording may negate what it holds with a negation wording
// given later in the file).
enum class HiddenCheck { Now, AtEnd };

// Whether a file must be a whole lexicon (the shipped ones) or may add to one (a site's).
enum class FileRole { Whole, Addition };

class WordingsParser {
 public:
  // Reads into the lexicon of the file's language in `lexicons`, made when there is none yet.
  WordingsParser(XmlInput& input, std::map<std::string, LexiconBeingRead>& lexicons, FileRole role)
      : input_(input), lexicons_(lexicons), role_(role) {}

  // The key of the language read into (empty when the root could not be read).
  std::string parse() {
    const pugi::xml_node root = input_.root(kWordingsRoot, kWordingsNamespace);
    if (!root) return {};
    xml_input::check_structure(input_, root, {"xmlns", "language"});
    const std::string language = root.attribute("language").value();
    if (language.empty()) {
      input_.problem(root, "narrativeWordings/@language", "is required (e.g. \"en\")");
      return {};
    }
    std::string key = language_key(language);
    LexiconBeingRead& lexicon = lexicons_[key];
    Wordings& wordings = lexicon.wordings;
    if (wordings.files.empty()) {
      wordings.file = input_.path();
      wordings.language = language;
    }
    wordings.files.push_back(input_.path());
    meanings_ = &lexicon.meanings;
    std::size_t elements = 0;
    for (pugi::xml_node node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      read_element(node, wordings);
      ++elements;
    }
    check_change_wordings(wordings);
    if (role_ == FileRole::Whole && wordings.calcification.empty()) {
      input_.problem(root, "calcification", "at least one calcification wording is required");
    }
    if (role_ == FileRole::Addition && elements == 0) {
      input_.problem(root, "narrativeWordings", "adds no wording");
    }
    return key;
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
        meanings_->emplace(std::string(node.name()) + '\n' + phrase, meaning);
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
                 std::optional<Term> (*lookup)(std::string_view),
                 std::initializer_list<const char*> allowed = {"term", "phrase"},
                 HiddenCheck check = HiddenCheck::Now) {
    xml_input::check_empty(input_, node, allowed);
    const std::string text = node.attribute("term").value();
    const auto term = read_word(input_, node, std::string(node.name()) + "/@term", text, lookup);
    const std::string phrase = phrase_of(node);
    if (!term || phrase.empty() || !unique(node, phrase, text)) return;
    // Longest match wins in the reader: a site's "fine pleomorphic calcifications" read as
    // punctate would hide the shipped "fine pleomorphic" in every report. A wording may raise
    // what it holds ("coarse heterogeneous" holds "coarse"), never lower it.
    if (role_ == FileRole::Addition && check == HiddenCheck::Now) {
      const auto hidden = std::find_if(into.begin(), into.end(), [&](const Wording<Term>& known) {
        return suspicion(known.term) > suspicion(*term) && holds(phrase, known.phrase);
      });
      if (hidden != into.end()) {
        input_.problem(node, std::string(node.name()) + "/@phrase",
                       quoted(phrase) + " holds the wording " + quoted(hidden->phrase) + " (" +
                           meaning_of(node.name(), hidden->phrase) +
                           "): a site wording may not read it as " + quoted(text));
        return;
      }
    }
    into.push_back({phrase, *term});
  }

  // A site's change wording may not read a growth wording it holds as no growth, unless it negates
  // it ("no increase", the lexicon's own pattern): asked once the whole file is read, as its
  // negation wordings may come after it.
  void check_change_wordings(const Wordings& wordings) {
    for (const pugi::xml_node node : changes_read_) {
      const std::string phrase = phrase_of(node);
      const std::string text = node.attribute("term").value();
      const std::optional<Change> term = change_named(text);
      if (!term || phrase.empty()) continue;
      const auto hidden =
          std::find_if(wordings.change.begin(), wordings.change.end(), [&](const auto& known) {
            return suspicion(known.term) > suspicion(*term) && holds(phrase, known.phrase) &&
                   !negated_before(phrase, known.phrase, wordings.context);
          });
      if (hidden == wordings.change.end()) continue;
      input_.problem(node, "change/@phrase",
                     quoted(phrase) + " holds the wording " + quoted(hidden->phrase) + " (" +
                         meaning_of("change", hidden->phrase) +
                         "): a site wording may not read it "
                         "as " +
                         quoted(text));
    }
    changes_read_.clear();
  }

  // What an earlier file gave `phrase` of this kind to mean.
  std::string meaning_of(const std::string& kind, const std::string& phrase) const {
    const auto found = meanings_->find(kind + '\n' + phrase);
    return found == meanings_->end() ? std::string() : found->second;
  }

  // Only suspicious categories: a site's wording may raise a finding's category, never lower it.
  // result="high-risk": the phrase names a high-risk pathology result
  // (Wordings::high_risk_results).
  void read_assessment(pugi::xml_node node, Wordings& wordings) {
    const std::size_t before = wordings.assessment.size();
    const pugi::xml_attribute result = node.attribute("result");
    const bool high_risk = result && std::string_view(result.value()) == "high-risk";
    if (result && !high_risk) {
      input_.problem(node, "assessment/@result",
                     quoted(result.value()) + " is no result kind (high-risk)");
    }
    read_term(node, wordings.assessment, category_named, {"term", "phrase", "result"});
    if (high_risk && wordings.assessment.size() > before) {
      wordings.high_risk_results.push_back(wordings.assessment.back().phrase);
    }
    if (wordings.assessment.size() > before &&
        (category_rank(wordings.assessment.back().term) < category_rank(Category::Suspicious4) ||
         wordings.assessment.back().term == Category::KnownMalignancy6)) {
      input_.problem(node, "assessment/@term",
                     quoted(node.attribute("term").value()) +
                         " is no suspicious category (4, 4A, 4B, 4C or 5): a wording may raise "
                         "a finding's category, never lower it");
      wordings.assessment.pop_back();
    }
  }

  void read_phrase(pugi::xml_node node, std::vector<std::string>& into) {
    xml_input::check_empty(input_, node, {"phrase"});
    const std::string phrase = phrase_of(node);
    if (!phrase.empty() && unique(node, phrase, "")) into.push_back(phrase);
  }

  void read_context(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_empty(input_, node, {"role", "side", "phrase"});
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
    xml_input::check_empty(input_, node, {"section", "laterality", "phrase"});
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
    xml_input::check_empty(input_, node,
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
    if (name == "change") {
      // Checked once the file's negation wordings are read too (check_change_wordings).
      if (role_ == FileRole::Addition) changes_read_.push_back(node);
      return read_term(node, wordings.change, change_named, {"term", "phrase"}, HiddenCheck::AtEnd);
    }
    if (name == "assessment") return read_assessment(node, wordings);
    if (name == "context") return read_context(node, wordings);
    if (name == "heading") return read_heading(node, wordings);
    if (name == "followUp") return read_follow_up(node, wordings);
    if (name == "ultrasoundCorrelate") return read_phrase(node, wordings.ultrasound_correlate);
    if (name == "massWithCalcifications") {
      return read_phrase(node, wordings.mass_with_calcifications);
    }
    if (name == "distortion") return read_phrase(node, wordings.distortion);
    if (name == "asymmetry") return read_phrase(node, wordings.asymmetry);
    if (name == "distortionCause") return read_phrase(node, wordings.distortion_cause);
    if (name == "mass") return read_phrase(node, wordings.mass);
    if (name == "notLaterality") return read_phrase(node, wordings.not_laterality);
    if (name == "notAssessment") return read_phrase(node, wordings.not_assessment);
    if (name == "composition") return read_phrase(node, wordings.composition);
    if (name == "breastImaging") return read_phrase(node, wordings.breast_imaging);
    if (name == "breast") return read_phrase(node, wordings.breast);
    if (name == "abbreviation") return read_phrase(node, wordings.abbreviations);
    if (name == "categoryWord") return read_phrase(node, wordings.category_words);
    if (name == "languageCode") return read_language_code(node, wordings);
    if (name == "functionWord") return read_function_word(node, wordings);
    if (name == "number") return read_number(node, wordings);
    if (name == "measureWord") return read_measure_word(node, wordings);
    input_.problem(node, std::string(name), "unknown element");
  }

  void read_function_word(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_empty(input_, node, {"role", "phrase"});
    const std::string role_text = node.attribute("role").value();
    const auto role = read_word(input_, node, "functionWord/@role", role_text, function_role_named);
    const std::string phrase = phrase_of(node);
    if (!phrase.empty() && phrase.front() == '*') {
      input_.problem(node, "functionWord/@phrase",
                     quoted(phrase) + " is matched as a whole word: no leading '*'");
      return;
    }
    // An exception, a condition, a disagreement, a missed target, a disease, limit or treatment of
    // now, or imaging beyond the standard views, may take several words ("bis auf", "save for",
    // "subject to", "do not agree", "from the target", "not yet treated", "diagnostic
    // mammogram"), each alone something else; other roles are asked of one token
    // (FunctionWords::is).
    const bool several_words =
        role == FunctionWordRole::Excepts || role == FunctionWordRole::Condition ||
        role == FunctionWordRole::Unsettled || role == FunctionWordRole::MissesTarget ||
        role == FunctionWordRole::Partial || role == FunctionWordRole::Awaited ||
        role == FunctionWordRole::LongStanding || role == FunctionWordRole::DiseaseNow ||
        role == FunctionWordRole::SafetyNet || role == FunctionWordRole::ReasonForExam ||
        role == FunctionWordRole::LimitedExam || role == FunctionWordRole::TreatmentNow ||
        role == FunctionWordRole::PatientToo || role == FunctionWordRole::LimitWithoutCause ||
        role == FunctionWordRole::HighRisk || role == FunctionWordRole::ReportsDone ||
        role == FunctionWordRole::RiskManaged || role == FunctionWordRole::RiskEstimate ||
        role == FunctionWordRole::MoreImaging;
    if (!phrase.empty() && phrase.find(' ') != std::string::npos &&
        (!several_words || phrase.back() == '*')) {
      input_.problem(node, "functionWord/@phrase",
                     quoted(phrase) + (several_words ? " of several words is matched whole: no '*'"
                                                     : " must be one word"));
      return;
    }
    // One word may have several roles ("category" introduces a category and is followed by one).
    if (role && !phrase.empty() && unique(node, role_text + " " + phrase, role_text)) {
      wordings.function_words.push_back({phrase, *role});
    }
  }

  void read_measure_word(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_empty(input_, node, {"role", "phrase"});
    const std::string role_text = node.attribute("role").value();
    const auto role = read_word(input_, node, "measureWord/@role", role_text, measure_role_named);
    const std::string phrase = phrase_of(node);
    const bool one_word = role == MeasureRole::ExtentBefore || role == MeasureRole::ExtentFiller;
    if (!phrase.empty() && one_word && phrase.find(' ') != std::string::npos) {
      input_.problem(node, "measureWord/@phrase",
                     quoted(phrase) + " must be one word for " + quoted(role_text));
      return;
    }
    if (!phrase.empty() && (phrase.back() == '*' || phrase.front() == '*')) {
      input_.problem(node, "measureWord/@phrase", quoted(phrase) + " is matched whole: no '*'");
      return;
    }
    if (role && !phrase.empty() && unique(node, role_text + " " + phrase, role_text)) {
      wordings.measure_words.push_back({phrase, *role});
    }
  }

  void read_number(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_empty(input_, node, {"value", "phrase"});
    const std::string text = node.attribute("value").value();
    const auto value = xml_input::read_number(input_, node, "number/@value", text, 0, 20);
    const std::string phrase = phrase_of(node);
    if (value && *value != static_cast<int>(*value)) {
      input_.problem(node, "number/@value", "must be a whole number, not " + quoted(text));
      return;
    }
    if (value && !phrase.empty() && unique(node, phrase, text)) {
      wordings.numbers.push_back({phrase, static_cast<int>(*value)});
    }
  }

  void read_language_code(pugi::xml_node node, Wordings& wordings) {
    xml_input::check_empty(input_, node, {"codeValue", "codingScheme"});
    LanguageCodeWording code{node.attribute("codeValue").value(),
                             node.attribute("codingScheme").value()};
    if (code.value.empty() || code.scheme.empty()) {
      input_.problem(node, "languageCode", "codeValue and codingScheme are required");
      return;
    }
    if (unique(node, code.scheme + " " + code.value, "")) {
      wordings.language_codes.push_back(std::move(code));
    }
  }

  XmlInput& input_;
  std::map<std::string, LexiconBeingRead>& lexicons_;
  FileRole role_;
  std::map<std::string, std::string>* meanings_ = nullptr;  // the language's, once it is known
  std::vector<pugi::xml_node> changes_read_;  // a site file's change wordings, checked at its end
};

// Reads `file` into `lexicons`; throws Error(InvalidWordings) with its first problem.
std::string read_into(const std::string& file, std::map<std::string, LexiconBeingRead>& lexicons,
                      FileRole role) {
  return xml_input::read_valid(
      file, kMaxWordingsBytes,
      [&](XmlInput& input) { return WordingsParser(input, lexicons, role).parse(); },
      ErrorCode::InvalidWordings);
}

}  // namespace

Wordings read_wordings(const std::string& file) {
  std::map<std::string, LexiconBeingRead> lexicons;
  const std::string key = read_into(file, lexicons, FileRole::Whole);
  return std::move(lexicons.at(key).wordings);
}

std::vector<std::string> check_wordings(const std::string& file,
                                        const std::vector<std::string>& shipped) {
  std::map<std::string, LexiconBeingRead> lexicons;
  for (const std::string& whole : shipped) read_into(whole, lexicons, FileRole::Whole);
  return xml_input::problems_of(file, kMaxWordingsBytes, [&](XmlInput& input) {
    return WordingsParser(input, lexicons, FileRole::Addition).parse();
  });
}

std::vector<std::string> check_wordings_bytes(const std::string& file, std::string bytes,
                                              const std::vector<std::string>& shipped) {
  std::map<std::string, LexiconBeingRead> lexicons;
  for (const std::string& whole : shipped) read_into(whole, lexicons, FileRole::Whole);
  XmlInput input(file, std::move(bytes), kMaxWordingsBytes);
  WordingsParser(input, lexicons, FileRole::Addition).parse();
  return input.problems();
}

std::map<std::string, Wordings> read_lexicons(const std::vector<std::string>& shipped,
                                              const std::vector<std::string>& site) {
  std::map<std::string, LexiconBeingRead> lexicons;
  for (const std::string& file : shipped) read_into(file, lexicons, FileRole::Whole);
  for (const std::string& file : site) {
    const std::string key = read_into(file, lexicons, FileRole::Addition);
    if (lexicons.at(key).wordings.calcification.empty()) {
      std::string message = file;
      message += ": narrativeWordings/@language: mammocalc ships no lexicon for '";
      message += key;
      message +=
          "' and the file gives no calcification wording: a lexicon of a new language must be a "
          "whole one";
      throw Error(ErrorCode::InvalidWordings, message);
    }
  }
  std::map<std::string, Wordings> read;
  for (auto& [key, lexicon] : lexicons) read.emplace(key, std::move(lexicon.wordings));
  return read;
}

namespace {

// One wording as `mammocalc lexicon` lists it: the element, its attributes (without the phrase)
// and the phrase.
struct Listed {
  std::string element;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string phrase;
};

// Appends one Listed per item, made by `make`.
template <typename Item, typename Make>
void list_all(const std::vector<Item>& items, std::vector<Listed>& into, Make make) {
  std::transform(items.begin(), items.end(), std::back_inserter(into), make);
}

template <typename Term>
void list_terms(const char* element, const std::vector<Wording<Term>>& wordings,
                std::vector<Listed>& into) {
  list_all(wordings, into, [element](const Wording<Term>& wording) {
    return Listed{element, {{"term", std::string(to_string(wording.term))}}, wording.phrase};
  });
}

void list_phrases(const char* element, const std::vector<std::string>& phrases,
                  std::vector<Listed>& into) {
  list_all(phrases, into, [element](const std::string& phrase) {
    return Listed{element, {}, phrase};
  });
}

// In the order of schemas/narrative-wordings.xsd.
std::vector<Listed> listed(const Wordings& w) {
  std::vector<Listed> all;
  list_all(w.language_codes, all, [](const LanguageCodeWording& code) {
    return Listed{"languageCode", {{"codeValue", code.value}, {"codingScheme", code.scheme}}, ""};
  });
  list_phrases("calcification", w.calcification, all);
  list_terms("morphology", w.morphology, all);
  list_terms("distribution", w.distribution, all);
  list_terms("site", w.site, all);
  list_terms("laterality", w.laterality, all);
  list_terms("quadrant", w.quadrant, all);
  list_terms("region", w.region, all);
  list_terms("depth", w.depth, all);
  list_terms("change", w.change, all);
  list_all(w.assessment, all, [&w](const Wording<Category>& wording) {
    Listed assessment{
        "assessment", {{"term", std::string(to_string(wording.term))}}, wording.phrase};
    const auto& results = w.high_risk_results;
    if (std::find(results.begin(), results.end(), wording.phrase) != results.end()) {
      assessment.attributes.emplace_back("result", "high-risk");
    }
    return assessment;
  });
  list_all(w.context, all, [](const ContextWording& c) {
    return Listed{"context",
                  {{"role", std::string(context_role_word(c.role))},
                   {"side", std::string(context_side_word(c.side))}},
                  c.phrase};
  });
  list_all(w.headings, all, [](const HeadingWording& h) {
    Listed heading{"heading", {{"section", std::string(to_string(h.section))}}, h.phrase};
    if (h.laterality != Laterality::Unknown) {
      heading.attributes.emplace_back("laterality", std::string(to_string(h.laterality)));
    }
    return heading;
  });
  list_all(w.follow_up, all, [](const FollowUpWording& f) {
    return Listed{"followUp",
                  {{"id", f.id},
                   {"codeValue", f.code.value},
                   {"codingScheme", f.code.scheme},
                   {"codeMeaning", f.code.meaning}},
                  f.phrase};
  });
  list_phrases("ultrasoundCorrelate", w.ultrasound_correlate, all);
  list_phrases("massWithCalcifications", w.mass_with_calcifications, all);
  list_phrases("distortion", w.distortion, all);
  list_phrases("asymmetry", w.asymmetry, all);
  list_phrases("distortionCause", w.distortion_cause, all);
  list_phrases("mass", w.mass, all);
  list_phrases("notLaterality", w.not_laterality, all);
  list_phrases("notAssessment", w.not_assessment, all);
  list_phrases("composition", w.composition, all);
  list_phrases("breastImaging", w.breast_imaging, all);
  list_phrases("breast", w.breast, all);
  list_phrases("abbreviation", w.abbreviations, all);
  list_phrases("categoryWord", w.category_words, all);
  list_all(w.function_words, all, [](const FunctionWording& f) {
    return Listed{"functionWord", {{"role", std::string(function_role_word(f.role))}}, f.phrase};
  });
  list_all(w.measure_words, all, [](const MeasureWording& m) {
    return Listed{"measureWord", {{"role", std::string(measure_role_word(m.role))}}, m.phrase};
  });
  list_all(w.numbers, all, [](const Wording<int>& n) {
    return Listed{"number", {{"value", std::to_string(n.term)}}, n.phrase};
  });
  return all;
}

}  // namespace

void write_wordings(const Wordings& wordings, bool as_xml, std::ostream& out) {
  const std::vector<Listed> all = listed(wordings);
  if (!as_xml) {
    out << "language " << wordings.language << ", " << all.size() << " wordings, read from:\n";
    for (const std::string& file : wordings.files) out << "  " << file << "\n";
    for (const Listed& wording : all) {
      out << wording.element;
      for (const auto& [name, value] : wording.attributes) out << " " << name << "=" << value;
      if (!wording.phrase.empty()) out << ": " << wording.phrase;
      out << "\n";
    }
    return;
  }
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  std::string files;
  for (const std::string& file : wordings.files) files += " " + file;
  // An XML comment may not hold "--" (a path may).
  for (std::size_t at = files.find("--"); at != std::string::npos; at = files.find("--", at)) {
    files.replace(at, 2, "-\u2010");
  }
  document.append_child(pugi::node_comment)
      .set_value((" the effective lexicon, read from:" + files + " ").c_str());
  pugi::xml_node root = document.append_child(kWordingsRoot);
  root.append_attribute("xmlns") = kWordingsNamespace;
  root.append_attribute("language") = wordings.language.c_str();
  for (const Listed& wording : all) {
    pugi::xml_node node = root.append_child(wording.element.c_str());
    for (const auto& [name, value] : wording.attributes) {
      node.append_attribute(name.c_str()) = value.c_str();
    }
    if (!wording.phrase.empty()) node.append_attribute("phrase") = wording.phrase.c_str();
  }
  document.save(out, "  ");
}

}  // namespace mammocalc
