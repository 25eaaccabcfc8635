#include "findings/findings_extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <iterator>
#include <locale>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include "base/error.hpp"
#include "findings/breast_report.hpp"
#include "findings/lexicon.hpp"
#include "findings/own_sr.hpp"
#include "findings/readings.hpp"
#include "findings/value_sets.hpp"

namespace mammocalc {
namespace {

bool is_concept(const ContentItem& item, const CodeConst& name) {
  return same_concept(item.concept_name, name);
}

bool is_code_item(const ContentItem& item, const CodeConst& name) {
  return item.value_type == ValueType::Code && is_concept(item, name);
}

// Calls visit(item, parent) for every item below `root` (parent is nullptr for the root).
// Depth is bounded by the reader, so plain recursion is safe here.
template <typename Visit>
void walk(const ContentItem& item, const ContentItem* parent, Visit& visit) {
  visit(item, parent);
  for (const auto& child : item.children) walk(child, &item, visit);
}

template <typename Visit>
void walk_tree(const ContentItem& root, Visit visit) {
  walk(root, nullptr, visit);
}

const ContentItem* first_child(const ContentItem& item, const CodeConst& name) {
  const auto found =
      std::find_if(item.children.begin(), item.children.end(),
                   [&](const ContentItem& child) { return is_concept(child, name); });
  return found == item.children.end() ? nullptr : &*found;
}

// Whether the item's concept name is one of `concepts`.
template <std::size_t N>
bool is_one_of(const ContentItem& item, const std::array<CodeConst, N>& concepts) {
  return std::any_of(concepts.begin(), concepts.end(),
                     [&](const CodeConst& concept) { return is_concept(item, concept); });
}

ReaderNote unknown_code_note(const ContentItem& item, std::string_view context_group) {
  if (item.code.value.empty()) {
    // No Code Value: the meaning it carried is quoted (the sr reader keeps it), never read.
    return ReaderNote{WarningCode::UnknownCode,
                      describe(item.concept_name) + " value has no code value (its meaning " +
                          "reads \"" + item.code.meaning + "\", scheme \"" + item.code.scheme +
                          "\"); not in " + std::string(context_group) + ", kept as unrecognised",
                      item.position};
  }
  return ReaderNote{WarningCode::UnknownCode,
                    describe(item.concept_name) + " value " + describe(item.code) + " is not in " +
                        std::string(context_group) + "; kept as unrecognised",
                    item.position};
}

std::string number_words(double value) {
  std::ostringstream text;
  text.imbue(std::locale::classic());
  text << value;
  return text.str();
}

// The length units a UCUM code's meaning may name, by their code: a meaning that names another
// one than its code's ("cm" with "millimeter") says two things.
bool meaning_names_another_length(const Code& unit) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNamed{{
      {"millimet", "mm"},
      {"centimet", "cm"},
      {"micromet", "um"},
      {"micron", "um"},
      {"meter", "m"},
      {"metre", "m"},
  }};
  std::string meaning;
  std::transform(unit.meaning.begin(), unit.meaning.end(), std::back_inserter(meaning),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [word, code] : kNamed) {
    if (meaning.find(word) != std::string::npos) return code != unit.value;
  }
  return false;
}

// A NUM item whose value is not one finite number ("abc", "NaN", two values, none): said as an
// item that cannot be read (W10), never taken in part or dropped (hostile review 50, H50-4).
// Returns whether it was said.
bool note_unreadable_number(const ContentItem& item, std::vector<ReaderNote>& notes) {
  if (item.number) return false;
  constexpr std::size_t kWordsShown = 120;  // the value and its qualifier, never a page of it
  std::string value = item.number_text.substr(0, kWordsShown);
  if (item.number_text.size() > kWordsShown) value += "...";
  notes.push_back({WarningCode::UnknownCode,
                   describe(item.concept_name) +
                       (item.number_text.empty() ? std::string(" has no value")
                                                 : " has the value '" + value + "'") +
                       ", not one number; not used",
                   item.position});
  return true;
}

std::optional<double> millimetres(const ContentItem& item, std::vector<ReaderNote>& notes) {
  if (note_unreadable_number(item, notes)) return std::nullopt;
  if (*item.number < 0) {
    notes.push_back({WarningCode::UnknownCode,
                     describe(item.concept_name) + " is " + number_words(*item.number) +
                         ": a distance is never negative; not used",
                     item.position});
    return std::nullopt;
  }
  const std::string& unit = item.unit.value;
  // A unit whose meaning names another length ("cm" meaning "millimeter") is no unit this tool
  // can vouch for: 0.5 cm or 0.5 mm decides the biopsy type (hostile review 51, H51-5).
  if (item.unit.scheme == "UCUM" && meaning_names_another_length(item.unit)) {
    notes.push_back({WarningCode::UnknownUnit,
                     describe(item.concept_name) + " has unit " + describe(item.unit) +
                         ", whose meaning names another unit; distance not used",
                     item.position});
    return std::nullopt;
  }
  if (item.unit.scheme == "UCUM") {
    if (unit == "mm") return *item.number;
    if (unit == "cm") return *item.number * 10.0;
    if (unit == "um") return *item.number / 1000.0;
    // Metres and inches (hostile review 80: 0.004 m from the chest wall was not used, and the
    // biopsy went stereotactic where 4 mm asks for wire localization).
    if (unit == "m") return *item.number * 1000.0;
    if (unit == "[in_i]") return *item.number * 25.4;
  }
  notes.push_back(
      {WarningCode::UnknownUnit,
       describe(item.concept_name) + " has unit " + describe(item.unit) + "; distance not used",
       item.position});
  return std::nullopt;
}

template <typename T>
struct Given {
  T value;
  GivenValue given;
};

// The distinct values of a field, first given first (equal words are one value).
template <typename T>
std::vector<Given<T>> distinct(const std::vector<Given<T>>& values) {
  std::vector<Given<T>> out;
  for (const auto& value : values) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Given<T>& kept) {
      return kept.given.words == value.given.words;
    });
    if (!seen) out.push_back(value);
  }
  return out;
}

// CID 6046 Follow-up Interval Unit (UCUM d, wk, mo, a): the unit in months, and its word.
std::optional<std::pair<double, std::string_view>> interval_unit(const Code& unit) {
  if (unit.scheme != "UCUM") return std::nullopt;
  if (unit.value == "d") return std::pair{1.0 / 30.4375, std::string_view("days")};
  if (unit.value == "wk") return std::pair{7.0 / 30.4375, std::string_view("weeks")};
  if (unit.value == "mo") return std::pair{1.0, std::string_view("months")};
  if (unit.value == "a") return std::pair{12.0, std::string_view("years")};
  return std::nullopt;
}

// A Recommended Follow-up Interval (TID 4203 row 4) in months; an interval in another unit is
// said and not used.
std::optional<FollowUpInterval> follow_up_interval(const ContentItem& item,
                                                   std::vector<ReaderNote>& notes) {
  if (note_unreadable_number(item, notes)) return std::nullopt;
  const auto unit = interval_unit(item.unit);
  if (!unit || *item.number < 0) {
    notes.push_back({WarningCode::UnknownUnit,
                     describe(item.concept_name) + " is " + number_words(*item.number) + " " +
                         describe(item.unit) + ", not an interval in CID 6046 units; not used",
                     item.position});
    return std::nullopt;
  }
  // A meaning that names another unit ("mo" shown as "weeks"): which one the radiologist meant
  // cannot be told, so neither is used (hostile review 72: read by its code, unsaid).
  std::string meaning = item.unit.meaning;
  std::transform(meaning.begin(), meaning.end(), meaning.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const std::string_view word : {"day", "week", "month", "year"}) {
    if (meaning.find(word) != std::string::npos && unit->second.find(word) == std::string::npos) {
      notes.push_back({WarningCode::UnknownUnit,
                       describe(item.concept_name) + " is " + number_words(*item.number) + " " +
                           describe(item.unit) +
                           ", whose meaning names another unit than its "
                           "code; not used",
                       item.position});
      return std::nullopt;
    }
  }
  return FollowUpInterval{*item.number * unit->first,
                          number_words(*item.number) + " " + std::string(unit->second),
                          item.position};
}

std::string category_words(Category category) { return std::string(to_string(category)); }

// An Assessment Category or Recommended Follow-up code whose meaning names another category or
// kind of follow-up than its value (a benign code shown as "5 - Highly suggestive of
// malignancy"): the radiologist saw and signed the meaning. It is read by its code alone and
// said, for review (W17; hostile review 26, H26-11).
std::optional<ReaderNote> meaning_discordance(const ContentItem& item) {
  if (item.value_type != ValueType::Code) return std::nullopt;
  std::string by_value;
  std::string by_meaning;
  if (is_concept(item, codes::kAssessmentCategory)) {
    const std::optional<Category> value = category_for(item.code);
    if (!value) return std::nullopt;
    const std::optional<Category> meant = category_meant(item.code.meaning);
    by_value = "BI-RADS " + category_words(*value);
    if (meant && !categories_agree(*value, *meant)) {
      by_meaning = "BI-RADS " + category_words(*meant);
    } else if (category_denied(item.code.meaning, *value)) {
      // "Not benign" on the benign code: it names no other category, but denies its own.
      by_meaning = "not " + by_value;
    } else if (const std::vector<std::string> beyond =
                   category_meaning_beyond(item.code.meaning, *value);
               !beyond.empty()) {
      // "Benign (not final)", "Benign, BI-RADS III": words this tool cannot vouch for.
      by_meaning = "more than " + by_value + " (\"" + joined(beyond) + "\")";
    } else {
      return std::nullopt;
    }
  } else if (is_concept(item, codes::kRecommendedFollowUp)) {
    const std::optional<FollowUpKind> value = follow_up_kind_for(item.code);
    std::optional<std::string> meant = follow_up_meaning_names_other(item.code);
    if (!value || !meant) return std::nullopt;
    by_value = std::string(to_string(*value));
    by_meaning = std::move(*meant);
  } else {
    return std::nullopt;
  }
  return ReaderNote{WarningCode::CodeMeaningDiscordant,
                    describe(item.concept_name) + " code (" + item.code.value + ", " +
                        item.code.scheme + ") is " + by_value + " but its meaning \"" +
                        item.code.meaning + "\" names " + by_meaning + "; read by its code alone",
                    item.position};
}

// The term a calcification code's meaning names besides its value's (the most suspicious of
// them), or none when it names none. One that names the value's own term and another counts
// too ("Round and fine pleomorphic calcifications", "Diffuse and grouped"): the other is a value
// given as well, and a second distribution or type can change the category (round and grouped
// is 3, round and diffuse 2), so every one counts (hostile reviews 32 and 33, H32-2, H33-3).
template <typename T>
std::optional<T> other_named(std::optional<T> by_value, const std::vector<T>& named) {
  if (!by_value) return std::nullopt;
  const auto other =
      std::find_if(named.begin(), named.end(), [&](const T& term) { return term != *by_value; });
  if (other == named.end()) return std::nullopt;
  return *other;
}

// Concept names of the items we read below a finding: an item whose name has one of these values
// in another scheme was meant as one of them and cannot be read.
constexpr std::array<CodeConst, 19> kPropertyConcepts{{
    codes::kLaterality,
    codes::kImageLaterality,
    codes::kClockfaceOrRegion,
    codes::kQuadrantLocation,
    codes::kDepth,
    codes::kDistanceFromNipple,
    codes::kDistanceFromSkin,
    codes::kDistanceFromChestWall,
    codes::kCalcificationType,
    codes::kCalcificationDistribution,
    codes::kNumberOfCalcifications,
    codes::kChangeSinceLastMammogram,
    codes::kCorrelationToOtherFindings,
    codes::kFindingSite,
    codes::kAssessmentCategory,
    codes::kRecommendedFollowUp,
    codes::kPathologyResults,
    codes::kProcedureResult,
    codes::kPathology,
}};

// An item below a finding that we did not read, whose concept name is in an unknown scheme or
// names one of our concepts in the wrong scheme: never dropped without trace (§1).
void note_unreadable_concept(const ContentItem& item, std::vector<ReaderNote>& notes) {
  const Code& name = item.concept_name;
  if (name.empty()) return;
  const bool known_scheme = is_known_coding_scheme(name.scheme);
  const auto misnamed =
      std::find_if(kPropertyConcepts.begin(), kPropertyConcepts.end(),
                   [&](const CodeConst& concept) { return concept.value == name.value; });
  if (known_scheme && misnamed == kPropertyConcepts.end()) return;
  std::string text = "concept name " + describe(name);
  if (misnamed == kPropertyConcepts.end()) {
    text += " is in a coding scheme this tool does not know";
  } else if (same_concept(name, *misnamed)) {
    text += " is not where its template puts it";
  } else {
    text += " is not (" + std::string(misnamed->value) + ", " + std::string(misnamed->scheme) +
            ") in its coding scheme";
  }
  if (item.value_type == ValueType::Code) text += " (value " + describe(item.code) + ")";
  notes.push_back({WarningCode::UnknownCode, text + "; the item was not read", item.position});
}

// A text item's words, quoted in a warning: at most 80 bytes, never splitting a UTF-8 sequence.
std::string quoted(const std::string& text) {
  std::size_t cut = std::min<std::size_t>(text.size(), 80);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return "\"" + text.substr(0, cut) + (cut < text.size() ? "…" : "") + "\"";
}

std::string_view value_type_words(ValueType type) {
  switch (type) {
    case ValueType::Container:
      return "CONTAINER";
    case ValueType::Code:
      return "CODE";
    case ValueType::Num:
      return "NUM";
    case ValueType::Text:
      return "TEXT";
    case ValueType::Date:
      return "DATE";
    case ValueType::Time:
      return "TIME";
    case ValueType::DateTime:
      return "DATETIME";
    case ValueType::PersonName:
      return "PNAME";
    case ValueType::UidRef:
      return "UIDREF";
    case ValueType::Composite:
      return "COMPOSITE";
    case ValueType::Image:
      return "IMAGE";
    case ValueType::Waveform:
      return "WAVEFORM";
    case ValueType::Scoord:
      return "SCOORD";
    case ValueType::Scoord3D:
      return "SCOORD3D";
    case ValueType::Tcoord:
      return "TCOORD";
    case ValueType::Table:
      return "TABLE";
    case ValueType::ByReference:
      return "by-reference";
    case ValueType::Other:
      break;
  }
  return "unknown";
}

// Items whose value identifies the patient, a person or a study (TID 1006/1007 subject and
// procedure context): a warning names their type, never their value — a summary with
// --redact or --pseudonymize must not carry them (hostile review 80: a Subject ID and a Study
// Instance UID inside a finding were quoted).
constexpr std::array<CodeConst, 9> kIdentifyingConcepts{{
    {"121028", "DCM", "Subject UID"},
    {"121029", "DCM", "Subject Name"},
    {"121030", "DCM", "Subject ID"},
    {"121031", "DCM", "Subject Birth Date"},
    {"121018", "DCM", "Procedure Study Instance UID"},
    {"121019", "DCM", "Procedure Study Component UID"},
    {"121022", "DCM", "Accession Number"},
    {"121008", "DCM", "Person Observer Name"},
    {"128774", "DCM", "Person Observer's Login Name"},
}};

// A text item's words for a warning, quoted; an identifying item's (or a UID's) by its type.
std::string text_words(const ContentItem& item) {
  if (item.value_type == ValueType::UidRef || is_one_of(item, kIdentifyingConcepts)) {
    return "a " + std::string(value_type_words(item.value_type)) + " value";
  }
  return quoted(item.text);
}

// An item's value in words for a warning: a code's triplet, a number with its unit, quoted text;
// for the value types whose value the reader does not keep (a date, a name), the type.
std::string value_words(const ContentItem& item) {
  switch (item.value_type) {
    case ValueType::Code:
      if (item.code.value.empty() && !item.code.meaning.empty()) {
        return "a code without a code value (meaning \"" + item.code.meaning + "\")";
      }
      return describe(item.code);
    case ValueType::Num:
      return item.number ? number_words(*item.number) + " " + describe(item.unit) : "no number";
    case ValueType::Text:
    case ValueType::UidRef:
      return text_words(item);
    default:
      return "a " + std::string(value_type_words(item.value_type)) + " value";
  }
}

// Items that point at evidence rather than state something about the finding: images, spatial
// and temporal coordinates, other objects, by-reference items. The image laterality a finding's
// images carry is read as such (images_laterality).
bool is_reference(const ContentItem& item) {
  switch (item.value_type) {
    case ValueType::Image:
    case ValueType::Composite:
    case ValueType::Waveform:
    case ValueType::Scoord:
    case ValueType::Scoord3D:
    case ValueType::Tcoord:
    case ValueType::ByReference:
      return true;
    default:
      return false;
  }
}

// The suspicious calcification term a code is, if any: a CID 6010 suspicious morphology or a
// CID 6012 linear or segmental distribution (rule C0's "suspicious feature").
std::optional<std::string> suspicious_calcification_term(const Code& code) {
  if (const auto term = morphology_for(code); term && is_suspicious(*term)) {
    return std::string(to_string(*term));
  }
  if (const auto term = distribution_for(code); term && follows_a_duct(*term)) {
    return std::string(to_string(*term));
  }
  return std::nullopt;
}

// How a warning about an item that was not read says its value is a suspicious calcification
// code (`term`), inside a finding or outside every one.
std::string suspicious_value_words(const std::string& term) {
  return "; its value is a suspicious calcification code (" + term + ")";
}

// A Finding item (TID 4206) that is not a calcification finding, or whose code we do not know.
// Any finding that carries calcification descriptors is one, whatever its code (§1).
enum class FindingItemKind { Calcification, MassWithCalcifications, NotCalcification, Unknown };
FindingItemKind finding_item_kind(const ContentItem& item);

// A Finding item of a calcification code or with calcification descriptors: inside another
// calcification finding it is that finding's (hostile review 28, H28-13).
bool is_calcification_finding_item(const ContentItem& item) {
  if (!is_code_item(item, codes::kFinding)) return false;
  const FindingItemKind kind = finding_item_kind(item);
  return kind == FindingItemKind::Calcification || kind == FindingItemKind::MassWithCalcifications;
}

// Records a conflict on the finding when the field was given more than one distinct value.
template <typename T>
bool add_conflict(Finding& finding, FindingField field, const std::vector<Given<T>>& values) {
  if (distinct(values).size() < 2) return false;
  ValueConflict conflict{field, {}};
  for (const auto& value : values) conflict.given.push_back(value.given);
  finding.conflicts.push_back(std::move(conflict));
  return true;
}

// The reported category only ever raises the final one (R1): of several, the most suspicious
// stands and the disagreement is said.
void settle_reported_category(Finding& finding, const std::vector<Given<Category>>& categories,
                              std::optional<ReportedSource> source) {
  if (categories.empty()) return;
  finding.reported_category =
      std::accumulate(categories.begin(), categories.end(), categories.front().value,
                      [](Category kept, const Given<Category>& given) {
                        return more_suspicious(kept, given.value);
                      });
  finding.reported_category_source = source;
  add_conflict(finding, FindingField::ReportedCategory, categories);
}

std::string count_other_finding(const ContentItem& other, Finding& finding);
std::optional<Lesion> lesion_for(const Code& finding_code);

// A type or distribution code whose meaning calls the calcifications suspicious or malignant
// in words ("Round, suspicious", "Rund, suspekt"): the radiologist's words say more than the
// code, which is read alone; said, for review (W17; hostile review 34, H34-5).
// Returns whether it said so.
bool note_suspicion_in_meaning(const ContentItem& item, std::vector<ReaderNote>& notes) {
  const std::optional<Category> said = suspicion_in_words(item.code.meaning);
  if (!said) return false;
  notes.push_back({WarningCode::CodeMeaningDiscordant,
                   describe(item.concept_name) + " code (" + item.code.value + ", " +
                       item.code.scheme + ") has the meaning \"" + item.code.meaning +
                       "\", which says BI-RADS " + category_words(*said) +
                       "; read by its code alone",
                   item.position});
  return true;
}

// A type or distribution code whose meaning says more than its term in words this tool cannot
// vouch for ("Cast-like", "DCIS-like", "Round?"): the words that say more never end, those
// that say nothing else do. Read by its code alone; said, for review (W17; hostile review 35,
// H35-4).
void note_meaning_beyond(const ContentItem& item, std::string_view term,
                         const std::vector<std::string>& beyond, std::vector<ReaderNote>& notes) {
  if (beyond.empty()) return;
  notes.push_back({WarningCode::CodeMeaningDiscordant,
                   describe(item.concept_name) + " code (" + item.code.value + ", " +
                       item.code.scheme + ") is " + std::string(term) + " but its meaning \"" +
                       item.code.meaning + "\" names more (\"" + joined(beyond) +
                       "\"); read by its code alone",
                   item.position});
}

// A value's words in a note: its term, or "3 o'clock" for a clock hour.
template <typename T>
std::string term_words(T value) {
  return std::string(to_string(value));
}
std::string term_words(int hour) { return std::to_string(hour) + " o'clock"; }

// A code whose meaning names another term of its value set than its value does (a coarse code
// shown as "Fine pleomorphic calcification"): the radiologist saw and signed the meaning.
// Codes are read by value and scheme; the meaning's term is returned to be read beside it as a
// value given too (every item counts: the more suspicious reading stands), and it is said.
template <typename T>
std::optional<T> meaning_names_other(const ContentItem& item, std::optional<T> by_value,
                                     std::optional<T> by_meaning, std::vector<ReaderNote>& notes) {
  if (!by_value || !by_meaning || *by_value == *by_meaning) return std::nullopt;
  notes.push_back({WarningCode::CodeMeaningDiscordant,
                   describe(item.concept_name) + " code (" + item.code.value + ", " +
                       item.code.scheme + ") is " + term_words(*by_value) + " but its meaning \"" +
                       item.code.meaning + "\" names " + term_words(*by_meaning) +
                       "; both are read",
                   item.position});
  return by_meaning;
}

// A position or change code shown with a meaning that is not its own ("Not stable" or "Interval
// change" on the no-significant-change code, "Upper outer quadrant" on 3 o'clock): the
// radiologist saw and signed words the code does not say. Read by its code alone; said, for
// review (W17; hostile review 92).
void note_meaning_not_own(const ContentItem& item, std::vector<ReaderNote>& notes) {
  const std::optional<std::string_view> own = own_meaning(item.code);
  if (!own || is_own_meaning(item.code.meaning, *own)) return;
  notes.push_back({WarningCode::CodeMeaningDiscordant,
                   describe(item.concept_name) + " code (" + item.code.value + ", " +
                       item.code.scheme + ") has the meaning \"" + item.code.meaning +
                       "\", not its own (\"" + std::string(*own) + "\"); read by its code alone",
                   item.position});
}

// A Calcification Type item's terms: its value's (unrecognised when unknown, said), and another
// its meaning names (both read, said); a meaning that says more than its term is said (W17). The
// same for a TID 4206 finding and a CAD finding or its member calcifications (hostile review 90,
// S2: a popcorn code shown as "Fine pleomorphic calcification" on a CAD member was read as popcorn
// alone, no word of it).
std::vector<Morphology> calcification_type_terms(const ContentItem& item,
                                                 std::vector<ReaderNote>& notes) {
  const std::optional<Morphology> term = morphology_for(item.code);
  if (!term) notes.push_back(unknown_code_note(item, "CID 6010"));
  std::vector<Morphology> terms{term.value_or(Morphology::Unrecognised)};
  const std::optional<Morphology> other = meaning_names_other(
      item, term, other_named(term, morphologies_meant(item.code.meaning)), notes);
  if (other) terms.push_back(*other);
  if (!note_suspicion_in_meaning(item, notes) && term && !other) {
    note_meaning_beyond(item, to_string(*term), morphology_meaning_beyond(item.code.meaning, *term),
                        notes);
  }
  return terms;
}

// Every value a finding's items give, field by field, before the finding holds one: a field
// given twice with different values is a conflict, never "last one wins" (decision-logic.md §1).
class FindingReader {
 public:
  explicit FindingReader(Finding& finding, std::set<std::string>* consumed = nullptr)
      : finding_(finding), consumed_(consumed) {}

  // Reads one property item (a child of a finding). Returns false when it is not one we read.
  bool read(const ContentItem& item) {
    const bool read_it = read_item(item);
    if (read_it && consumed_ != nullptr) consumed_->insert(item.position);
    return read_it;
  }

  // TID 4206: reads every item of the finding `item`, also those below its other items (C0: "any
  // suspicious feature … anywhere in the finding"). Its children are read where their template
  // puts them; an item below another one is read as the finding's and said, since its template
  // does not put it there; an item that cannot be read is said. Nothing of the finding is dropped
  // without trace (decision-logic.md §1). Needs the set of consumed positions.
  // A Finding item below the finding is a finding of its own (extract_report_findings reads it).
  void read_finding(const ContentItem& item) {
    finding_position_ = item.position;
    read_items_of(item);
  }

  // The items of `holder` (the finding, or a CAD finding's Individual Impression/Recommendation)
  // as read_finding reads the finding's, but those passed over (pass_over).
  void read_items_of(const ContentItem& holder) {
    const auto own = [&](const ContentItem& child) {
      return !is_code_item(child, codes::kFinding) && !passed_over(child);
    };
    for (const auto& child : holder.children) {
      if (own(child) && !(read_elsewhere_ && read_elsewhere_(child))) read_or_note(child, &holder);
    }
    for (const auto& child : holder.children) {
      if (own(child)) read_below(child);
    }
    for (const auto& child : holder.children) {
      if (absorbs(child)) absorb(child, holder);
    }
  }

  // Items that say nothing about the finding (TID 4006's Rendering Intent, algorithm and
  // tracking identification): never read here, nor what they hold; and items of the finding the
  // caller reads itself (a CAD finding's Calcification Types): not read here, what they hold is.
  void pass_over(std::function<bool(const ContentItem&)> passed_over,
                 std::function<bool(const ContentItem&)> read_elsewhere) {
    passed_over_ = std::move(passed_over);
    read_elsewhere_ = std::move(read_elsewhere);
  }

  // A finding the calcification rules do not assess keeps a calcification finding coded inside
  // it apart: that one is classified on its own.
  void keep_nested_findings_apart() { absorbs_nested_findings_ = false; }

  // The finding read_finding reads is at `position` (a CAD reader reads its items itself).
  void reading_finding_at(const std::string& position) { finding_position_ = position; }

  // Reads a property item, or says that it could not be read. A text item is never read here
  // (its words may describe calcifications): it is said, quoted, for the radiologist.
  void read_or_note(const ContentItem& item, const ContentItem* parent = nullptr) {
    if (read(item)) return;
    if (!finding_position_.empty()) {
      note_unread(item, parent);
      return;
    }
    if (item.value_type == ValueType::Text && !item.text.empty()) {
      if (consumed_ != nullptr) consumed_->insert(item.position);  // said here, not again
      finding_.notes.push_back({WarningCode::UnknownCode,
                                describe(item.concept_name) + " text " + text_words(item) +
                                    " was not read (coded items only)",
                                item.position});
      return;
    }
    note_unreadable_concept(item, finding_.notes);
  }

  // Every item below `holder` (an item of the finding) that no read took, in document order.
  void read_below(const ContentItem& holder) {
    for (const auto& child : holder.children) {
      if (absorbs(child)) absorb(child, holder);
      if (is_code_item(child, codes::kFinding) || passed_over(child)) continue;
      if (consumed_->count(child.position) == 0) read_nested(child, holder);
      read_below(child);
    }
  }

  // A calcification finding coded inside the finding read_finding reads (a Finding "Mass with
  // calcifications", a calcification finding with its own descriptors, also in a nested Findings
  // container): the same calcifications described in two places, so its items are the finding's
  // (the most suspicious reading stands) and it is said (W10; hostile review 28, H28-13). Split
  // off, it lost the finding's breast and left the finding benign.
  bool absorbs(const ContentItem& item) const {
    return absorbs_nested_findings_ && !finding_position_.empty() && consumed_ != nullptr &&
           consumed_->count(item.position) == 0 && is_calcification_finding_item(item);
  }
  void absorb(const ContentItem& nested, const ContentItem& parent) {
    consumed_->insert(nested.position);
    const bool mass = finding_item_kind(nested) == FindingItemKind::MassWithCalcifications;
    if (mass) finding_.mass_with_calcifications = true;
    finding_.notes.push_back(
        {WarningCode::UnknownCode,
         "item " + nested.position + " " + describe(nested.concept_name) + " = " +
             describe(nested.code) + where(&parent) +
             ", where its template does not put a finding; it is read as this finding's, its "
             "items with the finding's" +
             (mass ? std::string(" (calcifications within a mass, C11)") : std::string()),
         nested.position});
    read_below(nested);
  }

  // An item below another item of the finding (read_finding): the finding's wherever it hangs.
  void read_nested(const ContentItem& item, const ContentItem& parent) {
    consumed_->insert(item.position);
    if (is_reference(item) || item.value_type == ValueType::Container) return;
    // The laterality of a referenced image is read with its image (images_laterality).
    if (parent.value_type == ValueType::Image && is_concept(item, codes::kImageLaterality)) return;
    const LateralitySource outer = reading_as_;
    reading_as_ = LateralitySource::SubItem;
    const bool read_it = read(item);
    reading_as_ = outer;
    if (!read_it) {
      note_unread(item, &parent);
      return;
    }
    finding_.notes.push_back({WarningCode::UnknownCode,
                              "item " + item.position + " " + describe(item.concept_name) + " = " +
                                  value_words(item) + where(&parent) +
                                  ", where its template does not put it; read as the finding's",
                              item.position});
  }

  // Where an item of the finding hangs, in words: the finding, and the item it is below (or, for
  // a CAD finding's impression, the item that holds the finding).
  std::string where(const ContentItem* parent) const {
    if (parent != nullptr && finding_position_.rfind(parent->position + ".", 0) == 0) {
      return " in " + describe(parent->concept_name) + " " + parent->position +
             ", which holds the finding at " + finding_position_;
    }
    std::string words;
    if (parent != nullptr && parent->position != finding_position_) {
      words = " below " + describe(parent->concept_name) + " " + parent->position;
    }
    return words + " of the finding at " + finding_position_;
  }

  // Says an item of the finding that could not be read, naming its position, concept and value.
  // A suspicious calcification code as its value is weighed by C0 all the same.
  void note_unread(const ContentItem& item, const ContentItem* parent) {
    consumed_->insert(item.position);
    // A reference holds no statement about the finding; a container's items are each read.
    if (is_reference(item) || item.value_type == ValueType::Container) return;
    if (item.value_type == ValueType::Text && !item.text.empty()) {
      finding_.notes.push_back({WarningCode::UnknownCode,
                                "item " + item.position + " " + describe(item.concept_name) +
                                    " text " + text_words(item) + where(parent) +
                                    " was not read (coded items only)",
                                item.position});
      return;
    }
    finding_.notes.push_back({WarningCode::UnknownCode,
                              "item " + item.position + " " + describe(item.concept_name) + " = " +
                                  value_words(item) + where(parent) + ": " + unread_reason(item) +
                                  "; the item was not read" + weigh_if_suspicious(item),
                              item.position});
  }

  // Why an item was not read, in words.
  static std::string unread_reason(const ContentItem& item) {
    const Code& name = item.concept_name;
    if (name.empty()) return "it has no concept name";
    const auto ours =
        std::find_if(kPropertyConcepts.begin(), kPropertyConcepts.end(),
                     [&](const CodeConst& concept) { return concept.value == name.value; });
    if (ours == kPropertyConcepts.end()) {
      return is_known_coding_scheme(name.scheme)
                 ? "its concept is not one this tool reads in a finding"
                 : "its concept name is in a coding scheme this tool does not know";
    }
    if (!same_concept(name, *ours)) {
      return "its concept name is not (" + std::string(ours->value) + ", " +
             std::string(ours->scheme) + ") in its coding scheme";
    }
    const ValueType expected = expected_value_type(*ours);
    if (item.value_type != expected) {
      return "a " + std::string(value_type_words(item.value_type)) + " item, where its template " +
             "has a " + std::string(value_type_words(expected));
    }
    return "it is not where its template puts it";
  }

  // The value type TID 4206 gives an item of one of our concepts (kPropertyConcepts).
  static ValueType expected_value_type(const CodeConst& concept) {
    constexpr std::array<CodeConst, 4> kNumbers{
        {codes::kDistanceFromNipple, codes::kDistanceFromSkin, codes::kDistanceFromChestWall,
         codes::kNumberOfCalcifications}};
    const Code name = concept.to_code();
    if (std::any_of(kNumbers.begin(), kNumbers.end(),
                    [&](const CodeConst& number) { return same_concept(name, number); })) {
      return ValueType::Num;
    }
    if (same_concept(name, codes::kPathologyResults)) return ValueType::Container;
    return ValueType::Code;
  }

  // An item that was not read (another concept, a value outside its context group) whose value is
  // a suspicious calcification code: "any suspicious feature … anywhere in the finding" (C0,
  // decision-logic.md §3) holds whatever concept names it; §1 classifies on the more suspicious
  // reading. It is not read as the finding's morphology or distribution: its concept does not say
  // it describes these calcifications. Returns the words that say so, or none.
  std::string weigh_if_suspicious(const ContentItem& item) {
    if (item.value_type != ValueType::Code) return {};
    const std::optional<std::string> term = suspicious_calcification_term(item.code);
    if (!term) return {};
    finding_.unread_suspicious.push_back({*term, item.position});
    return suspicious_value_words(*term) + ": never below 4A (rule C0)";
  }

  // A value outside its concept's context group (unknown_code_note), weighed as above.
  void note_unknown_value(const ContentItem& item, std::string_view context_group) {
    ReaderNote note = unknown_code_note(item, context_group);
    note.text += weigh_if_suspicious(item);
    finding_.notes.push_back(std::move(note));
  }

  // Settles every field: one value stands, the others are alternatives the rules classify too.
  void finish(std::optional<ReportedSource> category_source) {
    settle_laterality();
    settle(FindingField::Site, site_, [&](const Given<Site>& first) {
      finding_.stated_site = first.value;
      finding_.stated_site_source = SiteSource::Sr;
    });
    settle(FindingField::Distribution, distribution_,
           [&](const Given<Coded<Distribution>>& first) { finding_.distribution = first.value; });
    settle_reported_category(finding_, categories_, category_source);
    // The more concerning change stands; a disagreement is still said.
    std::vector<Given<Change>> changes = distinct(change_);
    std::stable_sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) {
      return change_rank(a.value) > change_rank(b.value);
    });
    if (!changes.empty()) finding_.change = changes.front().value;
    add_conflict(finding_, FindingField::Change, change_);
    settle_only(FindingField::ClockFaceOrRegion, clock_, finding_.location.clock_hour);
    settle_only(FindingField::ClockFaceOrRegion, region_, finding_.location.region);
    settle_only(FindingField::Quadrant, quadrant_, finding_.location.quadrant);
    settle_only(FindingField::Depth, depth_, finding_.location.depth);
    settle_only(FindingField::DistanceFromNipple, from_nipple_, finding_.location.from_nipple_mm);
    // The nearer of two distances to skin or chest wall stands, whatever the order: it is the one
    // that may rule out a stereotactic approach (B4; hostile review 26, H26-6).
    settle_nearest(FindingField::DistanceFromSkin, from_skin_, finding_.location.from_skin_mm);
    settle_nearest(FindingField::DistanceFromChestWall, from_chest_wall_,
                   finding_.location.from_chest_wall_mm);
    std::optional<double> count;
    settle_only(FindingField::Count, count_, count);
    if (count) {
      if (*count >= 0 && *count <= 1e6 && *count == static_cast<double>(static_cast<int>(*count))) {
        finding_.count = static_cast<int>(*count);
      } else {
        finding_.notes.push_back(
            {WarningCode::UnknownUnit,
             "number of calcifications " + number_words(*count) + " is not a count; not used",
             count_.front().given.position});
      }
    }
  }

  // One more laterality from the finding's context (the unilateral procedure reported, a
  // unilateral study), which counts after the finding's own (decision-logic.md §6.4).
  void add_laterality(Laterality laterality, const std::string& position, LateralitySource source) {
    laterality_.push_back({laterality, {std::string(to_string(laterality)), position}});
    laterality_sources_.push_back(source);
  }
  // The same from a context's Laterality item with a known code; where its meaning names another
  // breast, that breast is given too (W17).
  void add_laterality(const ContentItem& modifier, LateralitySource source) {
    const std::optional<Laterality> value = laterality_for(modifier.code);
    if (!value) return;
    add_laterality(*value, modifier.position, source);
    for (const Laterality other : other_sides_meant(modifier)) {
      add_laterality(other, modifier.position, source);
    }
  }

  // The other breasts a Laterality item's meaning names, in its canonical words or in words
  // ("Linke Brust", "Lt", "Right and left breast" on the right code), each said and read beside
  // its code: two breasts are a conflict (W17, W9). One that says more than its breast in words
  // this tool cannot vouch for ("Contralateral breast", "Right breast?") is said; its code
  // stands (hostile review 36, H36-7).
  std::vector<Laterality> other_sides_meant(const ContentItem& item) {
    const std::optional<Laterality> value = laterality_for(item.code);
    if (!value) return {};
    std::vector<Laterality> others;
    for (const Laterality side : lateralities_named(item.code.meaning)) {
      const bool part_of_both =
          *value == Laterality::Both && (side == Laterality::Right || side == Laterality::Left);
      if (side == *value || part_of_both) continue;
      meaning_names_other(item, value, std::optional<Laterality>(side), finding_.notes);
      others.push_back(side);
    }
    if (others.empty()) {
      note_meaning_beyond(item, to_string(*value),
                          laterality_meaning_beyond(item.code.meaning, *value), finding_.notes);
    }
    return others;
  }

 private:
  bool passed_over(const ContentItem& item) const { return passed_over_ && passed_over_(item); }

  bool read_item(const ContentItem& item) {
    if (item.value_type == ValueType::Num) return read_number(item);
    if (item.value_type == ValueType::Container && is_concept(item, codes::kPathologyResults)) {
      read_pathology(item);
      return true;
    }
    if (item.value_type != ValueType::Code) return false;
    return read_result(item) || read_code(item);
  }

  bool read_number(const ContentItem& item) {
    const auto distance = [&](std::vector<Given<double>>& values) {
      if (auto mm = millimetres(item, finding_.notes)) {
        values.push_back({*mm, {number_words(*mm) + " mm", item.position}});
      }
    };
    if (is_concept(item, codes::kDistanceFromNipple)) {
      distance(from_nipple_);
    } else if (is_concept(item, codes::kDistanceFromSkin)) {
      distance(from_skin_);
    } else if (is_concept(item, codes::kDistanceFromChestWall)) {
      distance(from_chest_wall_);
    } else if (is_concept(item, codes::kRecommendedFollowUpInterval)) {
      // TID 4203 row 4, below the assessment (or its follow-up): 0 is "immediate".
      if (auto interval = follow_up_interval(item, finding_.notes)) {
        finding_.reported_follow_up_intervals.push_back(std::move(*interval));
      }
    } else if (is_concept(item, codes::kNumberOfCalcifications)) {
      if (!note_unreadable_number(item, finding_.notes)) {
        count_.push_back({*item.number, {number_words(*item.number), item.position}});
      }
    } else {
      return false;
    }
    return true;
  }

  // TID 4207: every result, also in nested containers; an item of a clinical concept that cannot
  // be read (a text result, a local concept name) is said, never dropped.
  void read_pathology(const ContentItem& container) {
    for (const auto& child : container.children) {
      if (child.value_type == ValueType::Container) {
        read_pathology(child);
      } else if (child.value_type == ValueType::Code && read_result(child)) {
        if (consumed_ != nullptr) consumed_->insert(child.position);
      } else if (is_concept(child, codes::kProcedureResult) ||
                 is_concept(child, codes::kPathology)) {
        if (consumed_ != nullptr) consumed_->insert(child.position);  // said here, not again
        finding_.notes.push_back(
            {WarningCode::UnknownCode,
             describe(child.concept_name) + " is not a coded value; the result was not read",
             child.position});
      } else if (!finding_position_.empty()) {
        note_unread(child, &container);
      } else {
        note_unreadable_concept(child, finding_.notes);
      }
    }
  }

  // A Procedure Result, Pathology or Confirmation of target item (TID 4207).
  bool read_result(const ContentItem& item) {
    if (is_concept(item, codes::kProcedureResult)) {
      prior_result(item, "CID 6063");
    } else if (is_concept(item, codes::kPathology)) {
      prior_result(item, "CID 6030");
    } else if (is_concept(item, codes::kConfirmationOfTarget)) {
      target_confirmation(item);
    } else {
      return false;
    }
    return true;
  }

  void prior_result(const ContentItem& item, std::string_view context_group) {
    const std::optional<PriorResult> result = prior_result_for(item.code);
    if (!result) {
      note_unknown_value(item, context_group);
      return;
    }
    finding_.prior_results.push_back(*result);
    finding_.results_given.push_back(
        {result_said(*result), {std::string(to_string(*result)), item.position}});
    read_results_meant(item, *result, std::string(to_string(*result)));
  }

  // A result or confirmation code shown as another result ("Malignant neoplasm of breast" on the
  // code of a cyst, "Atypical ductal hyperplasia" on the benign code, "Target not in the
  // specimen" on "Target contained"): the radiologist saw and signed the meaning; both are read,
  // so a malignant one stands (C13) and one asking for excision is weighed (B1, W23; hostile
  // review 28, H28-1; 32, H32-1).
  // A meaning that says more than its code's kind of result in words this tool cannot vouch for
  // ("Benign; IDC", "Benign (unconfirmed)", "Benign" on a DCIS code) is read as indeterminate
  // too: no result that settles the calcifications (B1, W23; hostile review 35).
  // `says_more`: the meaning says more than the code in such words (a confirmation of target's
  // beyond its CID 6066 meanings: "Target partly contained in the specimen"; H36-6).
  void read_results_meant(const ContentItem& item, std::optional<PriorResult> own,
                          const std::string& own_words, bool says_more = false) {
    std::vector<PriorResult> meant_results = prior_results_meant(item.code.meaning);
    const bool names_other = std::any_of(
        meant_results.begin(), meant_results.end(),
        [&](PriorResult meant) { return meant != own && meant != PriorResult::Benign; });
    const bool result_says_more = own && (!result_meaning_beyond(item.code.meaning, *own).empty() ||
                                          result_kind_denied(item.code.meaning, *own));
    if (!names_other && (says_more || result_says_more)) {
      meant_results.push_back(PriorResult::Indeterminate);
    }
    for (const PriorResult meant : meant_results) {
      if (meant == own || meant == PriorResult::Benign) continue;
      finding_.prior_results.push_back(meant);
      finding_.results_given.push_back(
          {result_said(meant),
           {std::string(to_string(meant)) + " (the meaning of " + describe(item.code) + ")",
            item.position}});
      finding_.notes.push_back({WarningCode::CodeMeaningDiscordant,
                                describe(item.concept_name) + " code (" + item.code.value + ", " +
                                    item.code.scheme + ") is " + own_words + " but its meaning \"" +
                                    item.code.meaning + "\" names " +
                                    std::string(to_string(meant)) + "; both are read",
                                item.position});
    }
  }

  // CID 6066: a target not in the specimen is a result the rules weigh (B1); the others are read.
  void target_confirmation(const ContentItem& item) {
    const std::optional<TargetConfirmation> confirmed = target_confirmation_for(item.code);
    if (!confirmed) {
      finding_.notes.push_back(unknown_code_note(item, "CID 6066"));
      return;
    }
    if (*confirmed == TargetConfirmation::NotInSpecimen) {
      finding_.prior_results.push_back(PriorResult::TargetNotInSpecimen);
    }
    finding_.results_given.push_back(
        {target_said(*confirmed), {"target " + describe(item.code), item.position}});
    read_results_meant(item,
                       *confirmed == TargetConfirmation::NotInSpecimen
                           ? std::optional<PriorResult>(PriorResult::TargetNotInSpecimen)
                           : std::nullopt,
                       "a confirmation of target",
                       !confirmation_meaning_beyond(item.code.meaning, *confirmed).empty());
  }

  static ResultSaid target_said(TargetConfirmation confirmed) {
    switch (confirmed) {
      case TargetConfirmation::Contained:
      case TargetConfirmation::CalcificationsInCore:
      case TargetConfirmation::CompletelyRemoved:
        return ResultSaid::TargetObtained;
      case TargetConfirmation::PartiallyObtained:
      case TargetConfirmation::PartiallyRemoved:
        return ResultSaid::TargetPartlyObtained;
      case TargetConfirmation::NotInSpecimen:
        return ResultSaid::TargetNotObtained;
      case TargetConfirmation::FluidObtained:
        return ResultSaid::OtherConfirmation;
    }
    return ResultSaid::OtherConfirmation;
  }

  template <typename T, typename Lookup>
  void code_value(const ContentItem& item, Lookup lookup, std::vector<Given<T>>& values,
                  std::string_view context_group) {
    if (auto value = lookup(item.code)) {
      values.push_back({*value, {std::string(to_string(*value)), item.position}});
    } else {
      note_unknown_value(item, context_group);
    }
  }

  bool read_code(const ContentItem& item) {
    if (is_concept(item, codes::kLaterality) || is_concept(item, codes::kImageLaterality)) {
      code_value(item, laterality_for, laterality_, "CID 6022");
      const std::vector<Laterality> others = other_sides_meant(item);
      std::transform(
          others.begin(), others.end(), std::back_inserter(laterality_), [&](Laterality other) {
            return Given<Laterality>{other, {std::string(to_string(other)), item.position}};
          });
      laterality_sources_.resize(laterality_.size(), reading_as_);
    } else if (is_concept(item, codes::kClockfaceOrRegion)) {
      if (auto hour = clock_hour_for(item.code)) {
        clock_.push_back({*hour, {term_words(*hour), item.position}});
        // A clock code shown as another hour ("9 o'clock position" on the 3 o'clock code): the
        // meaning is a position given too, a conflict (hostile review 91, S8); other words than
        // its own are said (hostile review 92).
        const std::optional<int> meant =
            meaning_names_other(item, hour, clock_hour_meant(item.code.meaning), finding_.notes);
        if (meant) {
          clock_.push_back({*meant, {term_words(*meant), item.position}});
        } else {
          note_meaning_not_own(item, finding_.notes);
        }
      } else {
        code_value(item, region_for, region_, "CID 6018");
        note_meaning_not_own(item, finding_.notes);
      }
    } else if (is_concept(item, codes::kQuadrantLocation)) {
      code_value(item, quadrant_for, quadrant_, "CID 6020");
      note_meaning_not_own(item, finding_.notes);
    } else if (is_concept(item, codes::kDepth)) {
      code_value(item, depth_for, depth_, "CID 6024");
      note_meaning_not_own(item, finding_.notes);
    } else if (is_concept(item, codes::kCalcificationType)) {
      for (const Morphology term : calcification_type_terms(item, finding_.notes)) {
        finding_.morphology.push_back(Coded<Morphology>{term, item.code, item.position});
      }
    } else if (is_concept(item, codes::kCalcificationDistribution)) {
      const auto term = distribution_for(item.code);
      if (!term) note_unknown_value(item, "CID 6012");
      const Distribution value = term.value_or(Distribution::Unrecognised);
      const std::string words =
          term ? std::string(to_string(value)) : "unrecognised " + describe(item.code);
      distribution_.push_back(
          {Coded<Distribution>{value, item.code, item.position}, {words, item.position}});
      const auto other = meaning_names_other(
          item, term, other_named(term, distributions_meant(item.code.meaning)), finding_.notes);
      if (other) {
        distribution_.push_back({Coded<Distribution>{*other, item.code, item.position},
                                 {std::string(to_string(*other)), item.position}});
      }
      if (!note_suspicion_in_meaning(item, finding_.notes) && term && !other) {
        note_meaning_beyond(item, to_string(*term),
                            distribution_meaning_beyond(item.code.meaning, *term), finding_.notes);
      }
    } else if (is_concept(item, codes::kChangeSinceLastMammogram)) {
      code_value(item, change_for, change_, "CID 6002");
      // A stable or decreased code shown as "New finding" or "Increase": the meaning is a change
      // given too, never dropped (hostile review 91, S8); other words than its own are said
      // (hostile review 92).
      const std::optional<Change> value = change_for(item.code);
      const bool grows = value && *value != Change::New && *value != Change::Increased &&
                         growth_named(item.code.meaning);
      const std::optional<Change> meant = meaning_names_other(
          item, value, grows ? std::optional<Change>(Change::Increased) : std::nullopt,
          finding_.notes);
      if (meant) {
        change_.push_back({*meant, {term_words(*meant), item.position}});
      } else {
        note_meaning_not_own(item, finding_.notes);
      }
    } else if (is_concept(item, codes::kAssociatedFinding)) {
      // A distortion, an asymmetry or a mass the calcifications come with counts as one coded
      // with them (C15, C16, C11); another associated finding is not weighed and is said
      // (hostile review 29, H29-10).
      if (!lesion_for(item.code) && finding_kind_for(item.code) != FindingKind::Mass) return false;
      count_other_finding(item, finding_);
    } else if (is_concept(item, codes::kCorrelationToOtherFindings)) {
      if (same_concept(item.code, codes::kCorrelatesToUltrasound)) {
        finding_.ultrasound_visible = Presence::Yes;
      } else if (!is_correlation_code(item.code)) {
        note_unknown_value(item, "CID 6158");
      }
    } else if (is_concept(item, codes::kFindingSite)) {
      code_value(item, site_for, site_, "the duct/lobule codes of domain.md §1.4");
    } else if (is_concept(item, codes::kAssessmentCategory)) {
      code_value(item, category_for, categories_, "CID 6026");
      if (auto note = meaning_discordance(item)) finding_.notes.push_back(std::move(*note));
      // TID 4203 children (laterality, follow-up, pathology) may hang below the category; a
      // laterality there is the finding's sub-item's.
      const LateralitySource outer = reading_as_;
      reading_as_ = LateralitySource::SubItem;
      for (const auto& child : item.children) read_or_note(child, &item);
      reading_as_ = outer;
    } else if (is_concept(item, codes::kRecommendedFollowUp)) {
      finding_.reported_follow_up.push_back(item.code);
      if (!follow_up_kind_for(item.code)) note_unknown_value(item, "CID 6028");
      if (auto note = meaning_discordance(item)) finding_.notes.push_back(std::move(*note));
      // TID 4203 row 3: the follow-up's Laterality modifier names the breast it is for (PS3.17
      // Annex Q puts a finding's only laterality there).
      for (const auto& child : item.children) {
        if (is_concept(child, codes::kRecommendedFollowUpInterval)) {
          read_or_note(child);
          continue;
        }
        if (names_biopsy_procedure(item, child)) {
          // Which biopsy the follow-up asks for: the rules choose the biopsy themselves (B1–B9)
          // from the finding; read as part of its follow-up, as mammocalc's own SR writes it
          // (hostile review 44, H44-6).
          consume_with_children(child);
          continue;
        }
        if (!is_concept(child, codes::kLaterality)) continue;
        code_value(child, laterality_for, laterality_, "CID 6022");
        laterality_sources_.resize(laterality_.size(), LateralitySource::SubItem);
        if (consumed_ != nullptr) consumed_->insert(child.position);
      }
    } else {
      return false;
    }
    return true;
  }

  // A Procedure reported concept modifier of a follow-up that asks for tissue, naming a breast
  // biopsy, with Procedure Modifiers of known kinds only (domain.md §3.5).
  static bool names_biopsy_procedure(const ContentItem& follow_up, const ContentItem& child) {
    const std::optional<FollowUpKind> kind = follow_up_kind_for(follow_up.code);
    const bool asks_tissue =
        kind == FollowUpKind::CoreBiopsy || kind == FollowUpKind::NeedleLocalizationBiopsy ||
        kind == FollowUpKind::BiopsyConsidered || kind == FollowUpKind::BiopsyStronglyConsidered;
    const auto code_among = [](const Code& code, std::initializer_list<CodeConst> known) {
      return std::any_of(known.begin(), known.end(),
                         [&](const CodeConst& each) { return same_concept(code, each); });
    };
    // As mammocalc's own SR and domain.md §3.5 put it: concept modifiers, nothing else (review
    // 47, R47-9).
    if (!asks_tissue || !is_concept(child, codes::kProcedureReported) ||
        child.value_type != ValueType::Code || child.relationship != Relationship::HasConceptMod ||
        !code_among(child.code, {codes::kCoreNeedleBiopsy, codes::kPreBiopsyLocalization})) {
      return false;
    }
    return std::all_of(child.children.begin(), child.children.end(), [&](const ContentItem& part) {
      return is_concept(part, codes::kProcedureModifier) && part.value_type == ValueType::Code &&
             part.relationship == Relationship::HasConceptMod && part.children.empty() &&
             code_among(part.code, {codes::kVacuumAssisted, codes::kStereotacticLocalization,
                                    codes::kUltrasonicGuidance, codes::kSurgicalBiopsy});
    });
  }

  void consume_with_children(const ContentItem& item) {
    if (consumed_ == nullptr) return;
    consumed_->insert(item.position);
    for (const ContentItem& child : item.children) consume_with_children(child);
  }

  // Records a conflict when the field has more than one distinct value.
  // The first value stands; every other distinct value is an alternative reading.
  template <typename T, typename Set>
  void settle(FindingField field, const std::vector<Given<T>>& values, Set set_first) {
    if (values.empty()) return;
    set_first(values.front());
    if (!add_conflict(finding_, field, values)) return;
    const std::vector<Given<T>> different = distinct(values);
    for (auto other = std::next(different.begin()); other != different.end(); ++other) {
      finding_.alternatives.push_back({other->value, other->given});
    }
  }

  // Fields that do not change the category: the first value stands, a disagreement is said.
  template <typename T, typename Slot>
  void settle_only(FindingField field, const std::vector<Given<T>>& values, Slot& slot) {
    if (values.empty()) return;
    slot = values.front().value;
    add_conflict(finding_, field, values);
  }

  // Distances that decide the biopsy type: the smallest value stands, a disagreement is said.
  void settle_nearest(FindingField field, const std::vector<Given<double>>& values,
                      std::optional<double>& slot) {
    if (values.empty()) return;
    slot = std::min_element(values.begin(), values.end(), [](const auto& a, const auto& b) {
             return a.value < b.value;
           })->value;
    add_conflict(finding_, field, values);
  }

  // The first source in the order of LateralitySource gives the breast; two lateralities make
  // it unknown, and the finding is classified under each one.
  void settle_laterality() {
    if (laterality_.empty()) return;
    std::vector<std::size_t> order(laterality_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return laterality_sources_[a] < laterality_sources_[b];
    });
    std::vector<Given<Laterality>> ordered(order.size());
    std::transform(order.begin(), order.end(), ordered.begin(),
                   [&](std::size_t index) { return laterality_[index]; });
    finding_.laterality = ordered.front().value;
    finding_.laterality_source = laterality_sources_[order.front()];
    finding_.laterality_position = ordered.front().given.position;
    if (!add_conflict(finding_, FindingField::Laterality, ordered)) return;
    finding_.laterality = Laterality::Unknown;
    finding_.laterality_source = LateralitySource::Conflicting;
    finding_.laterality_position.clear();
    for (const auto& value : distinct(ordered)) {
      finding_.alternatives.push_back({value.value, value.given});
    }
  }

  Finding& finding_;
  std::set<std::string>* consumed_;      // positions of the items read, for the pass over the rest
  std::string finding_position_;         // read_finding: the TID 4206 finding read
  bool absorbs_nested_findings_ = true;  // keep_nested_findings_apart
  std::function<bool(const ContentItem&)> passed_over_;     // pass_over
  std::function<bool(const ContentItem&)> read_elsewhere_;  // pass_over
  std::vector<Given<Laterality>> laterality_;
  std::vector<LateralitySource> laterality_sources_;  // one per laterality_ value
  LateralitySource reading_as_ = LateralitySource::Finding;
  std::vector<Given<Site>> site_;
  std::vector<Given<Coded<Distribution>>> distribution_;
  std::vector<Given<Category>> categories_;
  std::vector<Given<Change>> change_;
  std::vector<Given<int>> clock_;
  std::vector<Given<Region>> region_;
  std::vector<Given<Quadrant>> quadrant_;
  std::vector<Given<Depth>> depth_;
  std::vector<Given<double>> from_nipple_;
  std::vector<Given<double>> from_skin_;
  std::vector<Given<double>> from_chest_wall_;
  std::vector<Given<double>> count_;
};

// Calcification descriptors on the finding itself or below its Assessment Category (TID 4203).
bool carries_calcification_properties(const ContentItem& item) {
  const auto describes = [](const ContentItem& holder) {
    return first_child(holder, codes::kCalcificationType) != nullptr ||
           first_child(holder, codes::kCalcificationDistribution) != nullptr ||
           first_child(holder, codes::kNumberOfCalcifications) != nullptr;
  };
  return describes(item) ||
         std::any_of(item.children.begin(), item.children.end(), [&](const ContentItem& child) {
           return is_concept(child, codes::kAssessmentCategory) && describes(child);
         });
}

// Items of these concepts carry what the rules weigh; one that no reader took (outside every
// finding and the overall assessment, or in a place its template does not put it) is said.
constexpr std::array<CodeConst, 7> kClinicalConcepts{{
    codes::kAssessmentCategory,
    codes::kRecommendedFollowUp,
    codes::kPathology,
    codes::kProcedureResult,
    codes::kConfirmationOfTarget,
    codes::kCalcificationType,
    codes::kCalcificationDistribution,
}};

void mark_subtree(const ContentItem& item, std::set<std::string>& consumed) {
  walk_tree(item,
            [&](const ContentItem& each, const ContentItem*) { consumed.insert(each.position); });
}

inline constexpr CodeConst kSupplementaryData{"111414", "DCM", "Supplementary Data"};
inline constexpr CodeConst kInterventionSection{"111463", "DCM",
                                                "Supplementary Data for Intervention"};

// The containers of the coded part of a TID 4200 report whose items are read: Supplementary
// Data (TID 4208), the findings container (TID 4206), the Overall Assessment (TID 4203) and an
// intervention section (TID 4204).
bool is_coded_section(const ContentItem& item) {
  return item.value_type == ValueType::Container &&
         (is_concept(item, kSupplementaryData) || is_concept(item, codes::kFindings) ||
          is_concept(item, codes::kOverallAssessment) || is_concept(item, kInterventionSection));
}

// What TID 4208, 4206 (rows 3, 4), 4201, 4205 and 4204 put in those containers besides the
// items the rules weigh: context of the procedure, the breast and the biopsy, which the rules
// do not weigh. Any other concept there is an item that could not be read.
constexpr std::array<CodeConst, 19> kSectionItemsNotWeighed{{
    codes::kFinding,  // read (or said) by extract_report_findings
    codes::kProcedureReported,
    codes::kLaterality,
    {"121049", "DCM", "Language of Content Item and Descendants"},
    {"111403", "DCM", "Baseline screening mammogram"},
    {"111404", "DCM", "First mammogram ever"},
    {"129715009", "SCT", "Breast composition"},
    {"111046", "DCM", "Percent Fibroglandular Tissue"},
    {"111350", "DCM", "Breast background echo texture"},
    {"57134006", "SCT", "Instrument"},
    {"111436", "DCM", "Number of passes"},
    {"111437", "DCM", "Number of specimens"},
    {"111431", "DCM", "Instrument Approach"},
    {"111438", "DCM", "Needle in target"},
    {"111439", "DCM", "Number of needles around target"},
    {"182833002", "SCT", "Medication given"},
    {"111440", "DCM", "Incision made"},
    {"111123", "DCM", "Marker placement"},
    {"116224001", "SCT", "Complication of procedure"},
}};

// TID 4203 rows 3-6: what may hang below an overall Assessment Category or Recommended Follow-up.
constexpr std::array<CodeConst, 5> kAssessmentItemsNotWeighed{{
    codes::kLaterality,
    codes::kRecommendedFollowUp,
    codes::kRecommendedFollowUpInterval,
    {"111054", "DCM", "Recommended Follow-up Date"},
    codes::kPathologyResults,
}};

// What an unread item's value may say about the exam: a suspicious calcification code, a
// malignant result.
std::string what_its_value_says(const ContentItem& item) {
  if (item.value_type != ValueType::Code) return {};
  if (const auto term = suspicious_calcification_term(item.code)) {
    return suspicious_value_words(*term);
  }
  if (prior_result_for(item.code) == PriorResult::Malignant) {
    return "; its value is a malignant result";
  }
  return {};
}

constexpr std::string_view kConceptNotRead =
    "its concept is not one this tool reads outside a finding";

// Says an item of a coded section that is not one the template puts there and no reader took:
// no finding holds it, so the exam needs review (E8; hostile review 27, H27-3).
void note_unread_in_section(const ContentItem& item, const ContentItem& holder,
                            std::vector<ReaderNote>& notes,
                            std::string_view reason = kConceptNotRead) {
  notes.push_back({WarningCode::UnknownCode,
                   "item " + item.position + " " + describe(item.concept_name) + " = " +
                       value_words(item) + " in " + describe(holder.concept_name) + " " +
                       holder.position + ": " + std::string(reason) + "; the item was not read" +
                       what_its_value_says(item) + "; it may be about any finding of the report",
                   item.position});
}

// What TID 4200 (row 1), 4203 (rows 3-5) and 4201 put below an item outside the findings: the
// Language of Content's country, a procedure's or a follow-up's breast, a follow-up's interval and
// date. Not weighed.
constexpr std::array<CodeConst, 4> kModifiersNotWeighed{{
    codes::kLaterality,
    {"121046", "DCM", "Country of Language"},
    codes::kRecommendedFollowUpInterval,
    {"111054", "DCM", "Recommended Follow-up Date"},
}};

inline constexpr CodeConst kBreastComposition{"129715009", "SCT", "Breast composition"};

// CID 6000 Overall Breast Composition (UID 1.2.840.10008.6.1.330) = CID 6001 (BI-RADS): its four
// codes, SCT and legacy SRT (FHIR-D ValueSet-dicom-cid-6001-OverallBreastCompositionFromBIRADS).
constexpr std::array<CodeConst, 8> kBreastCompositions{{
    {"129716005", "SCT", "Almost entirely fat"},
    {"F-01711", "SRT", "Almost entirely fat"},
    {"129717001", "SCT", "Scattered fibroglandular densities"},
    {"F-01712", "SRT", "Scattered fibroglandular densities"},
    {"129718006", "SCT", "Heterogeneously dense"},
    {"F-01713", "SRT", "Heterogeneously dense"},
    {"129719003", "SCT", "Extremely dense"},
    {"F-01714", "SRT", "Extremely dense"},
}};

// Why the value of an item the template puts outside the findings cannot stand there (hostile
// review 28, H28-2): a breast composition outside CID 6000, a laterality outside CID 6022, or a
// code of a value set the rules weigh (a calcification type or distribution, a category, a
// finding, a result, a follow-up) as the value of another concept. Empty when it can.
std::string misplaced_value(const ContentItem& item) {
  if (item.value_type != ValueType::Code) return {};
  const Code& value = item.code;
  if (is_concept(item, kBreastComposition)) {
    const bool in_set =
        std::any_of(kBreastCompositions.begin(), kBreastCompositions.end(),
                    [&](const CodeConst& member) { return same_concept(value, member); });
    if (!in_set) return "its value is not in CID 6000 Overall Breast Composition";
  }
  if (is_concept(item, codes::kLaterality) && !laterality_for(value)) {
    return "its value is not in CID 6022 Side";
  }
  if (morphology_for(value) || distribution_for(value)) {
    return "its value is a calcification code (CID 6010, CID 6012), not one of its concept";
  }
  if (category_for(value) || is_assessment_code(value)) {
    return "its value is an assessment category (CID 6026), not one of its concept";
  }
  if (prior_result_for(value) || prior_result_meant(value.meaning) == PriorResult::Malignant) {
    return "its value is a result (CID 6030, CID 6063) or names a malignancy, not one of its "
           "concept";
  }
  if (finding_kind_for(value)) return "its value is a finding (CID 6054), not one of its concept";
  // CID 6050 (Procedure reported) shares imaging procedures and the surgical consult with CID 6028.
  if (!is_concept(item, codes::kProcedureReported) && follow_up_kind_for(value)) {
    return "its value is a follow-up (CID 6028), not one of its concept";
  }
  return {};
}

// Why an item no reader took, outside the findings, is not one its template puts where it is
// with a value it may have: empty when it is (references, containers, whose items are each
// looked at, text, which the narrative reader reads, who/when/which values, observation
// context that says nothing suspicious, the items TID 4200, 4201, 4203, 4204, 4205 and 4208 put
// there).
std::string not_the_templates(const ContentItem& item, const ContentItem& parent) {
  const bool context = item.relationship == Relationship::HasObsContext ||
                       item.relationship == Relationship::HasAcqContext;
  switch (item.value_type) {
    case ValueType::Container:
    case ValueType::Text:
    case ValueType::PersonName:
    case ValueType::UidRef:
    case ValueType::Date:
    case ValueType::Time:
    case ValueType::DateTime:
      return {};
    default:
      break;
  }
  // Read (or said) by extract_report_findings.
  if (is_reference(item) || is_code_item(item, codes::kFinding)) return {};
  if (context) return what_its_value_says(item).empty() ? "" : std::string(kConceptNotRead);
  const bool ours = parent.value_type == ValueType::Container
                        ? is_one_of(item, kSectionItemsNotWeighed)
                        : is_one_of(item, kModifiersNotWeighed);
  if (!ours) return std::string(kConceptNotRead);
  return misplaced_value(item);
}

// The coded review state mammocalc's own SR carries (own_sr.hpp), read back with --read-own: not
// read, and reviewed all the same (E10).
bool own_review_state(const ContentItem& item, const Findings& out) {
  return out.source.written_by_mammocalc && item.concept_name.scheme == kOwnCodingScheme;
}

// Says every item no reader took that carries what the rules weigh: an item of a clinical
// concept anywhere, a text item in the coded part of the report (Supplementary Data, the Overall
// Assessment), whose words may say what the codes do not, and an item that is not one its
// template puts where it is (not_the_templates) — anywhere in a Breast Imaging Report
// (`whole_tree`: the root, the Narrative Summary, below a Procedure reported or a follow-up,
// hostile review 28, H28-2), directly in a coded section of any other SR.
void note_items_not_read(const ContentItem& item, const ContentItem* parent, bool in_coded_part,
                         bool whole_tree, const std::set<std::string>& consumed, Findings& out) {
  in_coded_part = in_coded_part || is_concept(item, kSupplementaryData) ||
                  is_concept(item, codes::kOverallAssessment);
  if (consumed.count(item.position) == 0 && parent != nullptr) {
    const bool clinical = is_one_of(item, kClinicalConcepts);
    if (clinical) {
      std::string text = describe(item.concept_name);
      if (item.value_type == ValueType::Code) text += " " + describe(item.code);
      out.notes.push_back({WarningCode::UnknownCode,
                           text + " is outside every calcification finding and the overall "
                                  "assessment, where this tool does not read it",
                           item.position});
    } else if (in_coded_part && item.value_type == ValueType::Text && !item.text.empty()) {
      out.notes.push_back({WarningCode::UnknownCode,
                           describe(item.concept_name) + " text " + text_words(item) +
                               " in the coded part of the report was not read (coded items only)",
                           item.position});
    } else if ((whole_tree || is_coded_section(*parent)) && !own_review_state(item, out)) {
      const std::string reason = not_the_templates(item, *parent);
      if (!reason.empty()) note_unread_in_section(item, *parent, out.notes, reason);
    }
  }
  for (const auto& child : item.children) {
    note_items_not_read(child, &item, in_coded_part, whole_tree, consumed, out);
  }
}

// The overall assessments of a report, each with the breast it speaks for.
struct OverallReading {
  std::vector<OverallStatement> statements;
  std::vector<ReaderNote> notes;
};

// The breast an overall assessment or follow-up speaks for: its Laterality modifiers, every one.
// Two breasts given ("Left", "Right") make it speak for both, said as a conflict, so that neither
// order leaves a breast out (hostile review 71: the first one counted, the other breast's 5 was
// lost).
Laterality laterality_modifier(const ContentItem& item, Laterality otherwise,
                               std::vector<ReaderNote>& notes) {
  std::optional<Laterality> read;
  std::string given;
  bool differ = false;  // "Both", "Both" is one breast pair, no conflict
  for (const ContentItem& modifier : item.children) {
    if (!is_concept(modifier, codes::kLaterality)) continue;
    const std::optional<Laterality> value = laterality_for(modifier.code);
    if (!value) {
      notes.push_back(unknown_code_note(modifier, "CID 6022"));
      continue;
    }
    given += (given.empty() ? "" : ", ") + std::string(to_string(*value));
    differ = differ || (read && *read != *value);
    read = !read || *read == *value ? *value : Laterality::Both;
  }
  if (!read) return otherwise;
  if (differ) {
    notes.push_back({WarningCode::ConflictingValues,
                     describe(item.concept_name) + " at " + item.position +
                         " gives its laterality more than once (" + given +
                         "): it counts for both breasts",
                     item.position});
  }
  return *read;
}

void read_follow_up(const ContentItem& item, Laterality laterality, OverallReading& overall) {
  if (!follow_up_kind_for(item.code)) overall.notes.push_back(unknown_code_note(item, "CID 6028"));
  if (auto note = meaning_discordance(item)) overall.notes.push_back(std::move(*note));
  OverallStatement statement;
  statement.follow_up = {{item.code, item.position, "", ""}};
  statement.laterality = laterality_modifier(item, laterality, overall.notes);
  statement.position = item.position;
  for (const auto& child : item.children) {
    if (!is_concept(child, codes::kRecommendedFollowUpInterval)) continue;
    if (auto interval = follow_up_interval(child, overall.notes)) {
      statement.intervals.push_back(std::move(*interval));
    }
  }
  overall.statements.push_back(std::move(statement));
}

// An item below an overall Assessment Category that is not read: our concept in another scheme,
// or one TID 4203 does not put there (a Differential Diagnosis/Impression "malignant").
void note_unread_below_overall(const ContentItem& item, const ContentItem& assessment,
                               std::vector<ReaderNote>& notes, std::set<std::string>& consumed) {
  consumed.insert(item.position);
  const std::size_t before = notes.size();
  note_unreadable_concept(item, notes);
  if (notes.size() != before || is_one_of(item, kAssessmentItemsNotWeighed) || is_reference(item) ||
      item.value_type == ValueType::Container) {
    return;
  }
  note_unread_in_section(item, assessment, notes);
}

// TID 4203 row 1 asks for the category: a Breast Imaging Report's overall assessment without one
// is a statement the report left out, never a clean exam (hostile review 93, m8). (A CAD
// report's overall impression holds other items.)
void note_overall_without_category(const ContentItem& holder, OverallReading& overall) {
  if (std::any_of(holder.children.begin(), holder.children.end(), [](const ContentItem& child) {
        return is_code_item(child, codes::kAssessmentCategory);
      })) {
    return;
  }
  overall.notes.push_back({WarningCode::UnknownCode,
                           describe(holder.concept_name) + " " + holder.position +
                               " holds no Assessment Category (TID 4203 requires one): the "
                               "report's overall assessment is not given",
                           holder.position});
}

void read_overall(const ContentItem& holder, OverallReading& overall,
                  std::set<std::string>& consumed) {
  for (const auto& child : holder.children) {
    if (is_code_item(child, codes::kAssessmentCategory)) {
      consumed.insert(child.position);
      const Laterality laterality = laterality_modifier(child, Laterality::Unknown, overall.notes);
      // The category's statement, and its intervals (TID 4203 row 4) with it.
      OverallStatement statement;
      statement.category = category_for(child.code);
      statement.laterality = laterality;
      statement.position = child.position;
      if (!statement.category) overall.notes.push_back(unknown_code_note(child, "CID 6026"));
      if (auto note = meaning_discordance(child)) overall.notes.push_back(std::move(*note));
      for (const auto& grandchild : child.children) {
        if (is_code_item(grandchild, codes::kRecommendedFollowUp)) {
          consumed.insert(grandchild.position);
          read_follow_up(grandchild, laterality, overall);
        } else if (is_concept(grandchild, codes::kRecommendedFollowUpInterval)) {
          consumed.insert(grandchild.position);
          if (auto interval = follow_up_interval(grandchild, overall.notes)) {
            statement.intervals.push_back(std::move(*interval));
          }
        } else if (!is_concept(grandchild, codes::kLaterality)) {
          note_unread_below_overall(grandchild, child, overall.notes, consumed);
        }
      }
      if (statement.category || !statement.intervals.empty()) {
        overall.statements.push_back(std::move(statement));
      }
    } else if (is_code_item(child, codes::kRecommendedFollowUp)) {
      consumed.insert(child.position);
      read_follow_up(child, Laterality::Unknown, overall);
    } else {
      // Said here when its concept is ours in another scheme; otherwise by note_items_not_read.
      const std::size_t before = overall.notes.size();
      note_unreadable_concept(child, overall.notes);
      if (overall.notes.size() != before) consumed.insert(child.position);
    }
  }
}

FindingItemKind finding_item_kind(const ContentItem& item) {
  const bool descriptors = carries_calcification_properties(item);
  const std::optional<FindingKind> kind = finding_kind_for(item.code);
  if (!kind) return descriptors ? FindingItemKind::Calcification : FindingItemKind::Unknown;
  switch (*kind) {
    case FindingKind::Calcification:
      return FindingItemKind::Calcification;
    case FindingKind::MassWithCalcifications:
      return FindingItemKind::MassWithCalcifications;
    case FindingKind::Mass:
      // A mammographic mass with calcification descriptors is a mass with calcifications (C11).
      return descriptors ? FindingItemKind::MassWithCalcifications
                         : FindingItemKind::NotCalcification;
    case FindingKind::ArchitecturalDistortion:
    case FindingKind::Asymmetry:
    case FindingKind::NotCalcification:
      return descriptors ? FindingItemKind::Calcification : FindingItemKind::NotCalcification;
  }
  return FindingItemKind::Unknown;
}

// The lesion a finding code names besides calcifications, where the rules weigh it (C15, W19).
std::optional<Lesion> lesion_of(std::optional<FindingKind> kind) {
  if (kind == FindingKind::ArchitecturalDistortion) return Lesion::ArchitecturalDistortion;
  if (kind == FindingKind::Asymmetry) return Lesion::Asymmetry;
  return std::nullopt;
}

std::optional<Lesion> lesion_for(const Code& finding_code) {
  return lesion_of(finding_kind_for(finding_code));
}

// ---- TID 4204 intervention sections (hostile review 26, H26-5) ----

// A TID 4204 section (a biopsy performed) and the item it hangs below.
struct InterventionSection {
  const ContentItem* item;
  const ContentItem* parent;
};

// What a section reports as a finding holds it: the prior results of its Confirmation of target
// and its TID 4207 Procedure Result and Pathology items (also in Specimen containers), and a note
// for each that could not be read.
Finding intervention_results(const ContentItem& section, std::set<std::string>& consumed) {
  Finding results;
  FindingReader reader(results, &consumed);
  walk_tree(section, [&](const ContentItem& item, const ContentItem*) {
    if (is_concept(item, codes::kConfirmationOfTarget) ||
        is_concept(item, codes::kProcedureResult) || is_concept(item, codes::kPathology)) {
      reader.read_or_note(item);
    }
  });
  return results;
}

// The breast a section's procedure (or its own Laterality item) names; unknown when none or two.
Laterality intervention_breast(const ContentItem& section) {
  const ContentItem* modifier = unilateral_procedure_laterality(section);
  if (modifier == nullptr) modifier = first_child(section, codes::kLaterality);
  if (modifier == nullptr) return Laterality::Unknown;
  return laterality_for(modifier->code).value_or(Laterality::Unknown);
}

// The results of a section count for the finding it is about (decision-logic.md B1: a target
// not in the specimen or a high-risk result asks for wire localization): the finding it hangs
// below, else the one calcification finding of its breast. Where several findings may be the
// one biopsied, or none, its results are applied to none and it is said: radiologist review.
// A section whose results count for no finding (its breast has none, or several) still speaks
// for its breast: a malignant result makes it 6, a result that asks for excision or a target
// not (or partly) obtained leaves it 0 unless 4 or above, as a finding the rules do not assess
// (E15). A known malignancy left the breast "no calcification finding reported" (hostile review
// 30, H30-7).
void unassessed_intervention(const ContentItem& section, Laterality breast, const Finding& results,
                             Findings& out) {
  UnassessedFinding unassessed{
      section.position, section.concept_name, breast, std::nullopt, {}, false, {}};
  for (const GivenResult& result : results.results_given) {
    if (result.said == ResultSaid::Malignant) {
      unassessed.category = Category::KnownMalignancy6;
    } else if (result.said != ResultSaid::Benign && result.said != ResultSaid::TargetObtained) {
      // Its breast has no calcification finding, or several: the biopsy is no one finding's.
      unassessed.not_weighed.push_back(
          "the biopsy at " + result.given.position +
          ", which is no one finding's, result: " + result.given.words);
    }
  }
  unassessed.intervention_results = true;
  if (unassessed.category || !unassessed.not_weighed.empty()) {
    out.unassessed_findings.push_back(std::move(unassessed));
  }
}

void apply_intervention(const InterventionSection& section, std::size_t first, Findings& out,
                        std::set<std::string>& consumed) {
  Finding results = intervention_results(*section.item, consumed);
  if (results.results_given.empty() && results.notes.empty()) {
    results.results_given.push_back({ResultSaid::NoResult, {"none given", section.item->position}});
  }
  const auto ours = out.findings.begin() + static_cast<std::ptrdiff_t>(first);
  const auto below = std::find_if(ours, out.findings.end(), [&](const Finding& finding) {
    return section.parent != nullptr && finding.position == section.parent->position;
  });
  const Laterality breast = intervention_breast(*section.item);
  std::vector<Finding*> targets;
  if (below != out.findings.end()) {
    targets.push_back(&*below);
  } else {
    std::for_each(ours, out.findings.end(), [&](Finding& finding) {
      if (speaks_for(breast, finding.laterality)) targets.push_back(&finding);
    });
  }
  if (targets.size() == 1) {
    Finding& target = *targets.front();
    if (below == out.findings.end()) {
      target.results_by_breast = Finding::ResultsByBreast{section.item->position, breast};
    }
    target.prior_results.insert(target.prior_results.end(), results.prior_results.begin(),
                                results.prior_results.end());
    target.results_given.insert(target.results_given.end(), results.results_given.begin(),
                                results.results_given.end());
    target.notes.insert(target.notes.end(), results.notes.begin(), results.notes.end());
    return;
  }
  std::string said;
  for (const GivenResult& result : results.results_given) {
    said += (said.empty() ? "" : ", ") + result.given.words;
  }
  std::string text = describe(section.item->concept_name) + " (" +
                     (breast == Laterality::Unknown ? std::string("breast not stated")
                                                    : std::string(to_string(breast)) + " breast") +
                     ") reports " + (said.empty() ? "items that could not be read" : said) + "; ";
  out.notes.insert(out.notes.end(), results.notes.begin(), results.notes.end());
  unassessed_intervention(*section.item, breast, results, out);
  if (targets.empty()) {
    out.notes.push_back({WarningCode::UnknownCode,
                         text + "no calcification finding of that breast is in the report, so it "
                                "was applied to none",
                         section.item->position});
    return;
  }
  for (Finding* target : targets) {
    target->notes.push_back({WarningCode::UnknownCode,
                             text + "it does not say which of the " +
                                 std::to_string(targets.size()) +
                                 " calcification findings of that breast it is about, so it was "
                                 "applied to none: radiologist review",
                             section.item->position});
  }
}

// Whether `position` lies below the item at `holder`.
bool inside(const std::string& position, const std::string& holder) {
  return position.size() > holder.size() && position[holder.size()] == '.' &&
         position.compare(0, holder.size(), holder) == 0;
}

// Whether `position` lies below one of `holders` (positions of items).
bool inside_any(const std::string& position, const std::vector<std::string>& holders) {
  return std::any_of(holders.begin(), holders.end(),
                     [&](const std::string& holder) { return inside(position, holder); });
}

// What a finding the calcification rules do not assess says, from its items as a finding's are
// read (`read`): the categories its codes' meanings name (the higher of code and meaning stands,
// the discordance is said: W17's reading, for a finding the rules cannot classify), a malignant
// result (6), a suspicious calcification code (never below 4A, C0), and what the rules do not
// weigh (hostile review 28, H28-1). A CAD finding's `impression` (TID 4002) gives its
// categories too.
void weigh_unassessed(const ContentItem& item, const ContentItem* impression, const Finding& read,
                      UnassessedFinding& out) {
  const auto raise = [&](Category category) {
    out.category = out.category ? more_suspicious(*out.category, category) : category;
  };
  const auto raise_meant = [&](const ContentItem& each, const ContentItem*) {
    if (!is_code_item(each, codes::kAssessmentCategory)) return;
    const std::optional<Category> value = category_for(each.code);
    const std::optional<Category> meant = category_meant(each.code.meaning);
    if (value && meant && !categories_agree(*value, *meant)) raise(*meant);
  };
  walk_tree(item, raise_meant);
  if (impression != nullptr) {
    for (const ContentItem& child : impression->children) raise_meant(child, impression);
  }
  for (const PriorResult result : read.prior_results) {
    if (result == PriorResult::Malignant) {
      raise(Category::KnownMalignancy6);
    } else if (result != PriorResult::Benign) {
      out.not_weighed.push_back("a " + std::string(to_string(result)) + " result");
    }
  }
  const bool suspicious_descriptor =
      !read.unread_suspicious.empty() || suspicious_calcification_term(item.code) ||
      std::any_of(read.morphology.begin(), read.morphology.end(),
                  [](const Coded<Morphology>& term) { return is_suspicious(term.term); }) ||
      (read.distribution && follows_a_duct(read.distribution->term));
  if (suspicious_descriptor) raise(Category::LowSuspicion4A);
  if (!read.morphology.empty() || read.distribution) {
    out.not_weighed.push_back("calcification descriptors below its items, not classified");
  }
  for (const Code& follow_up : read.reported_follow_up) {
    const std::optional<FollowUpKind> kind = follow_up_kind_for(follow_up);
    if (follow_up_not_benign(follow_up)) {
      out.not_weighed.push_back("a Recommended Follow-up " + describe(follow_up) +
                                " asking for tissue or saying malignancy");
    } else if (const std::optional<std::string> meant = follow_up_meaning_names_other(follow_up)) {
      // The radiologist saw and signed its meaning (W17): it counts (hostile review 29, H29-1).
      out.not_weighed.push_back("a Recommended Follow-up " + describe(follow_up) +
                                " whose meaning names " + *meant);
    } else if (kind && *kind != FollowUpKind::NormalInterval && !out.category) {
      out.not_weighed.push_back("a Recommended Follow-up " + describe(follow_up) +
                                " and no category of its own");
    }
  }
  // A Recommended Follow-up Interval the finding's own category does not explain (immediate, a
  // short interval on a benign mass, later than routine): the rules cannot weigh it for a
  // finding they do not assess, so the radiologist does (hostile review 30, H30-3).
  for (const FollowUpInterval& interval : read.reported_follow_up_intervals) {
    const std::optional<Category> own = out.category;
    const bool routine = own && category_rank(*own) <= category_rank(Category::Benign2) &&
                         interval.months >= 11 && interval.months <= 12;
    const bool probably_benign =
        own == Category::ProbablyBenign3 && interval.months >= 5 && interval.months <= 6;
    const bool suspicious_own = own && category_rank(*own) >= category_rank(Category::Suspicious4);
    if (!routine && !probably_benign && !suspicious_own) {
      out.not_weighed.push_back("a Recommended Follow-up Interval of " + interval.words + " (" +
                                interval.position + ") that its category does not explain");
    }
  }
  const auto unread = std::count_if(read.notes.begin(), read.notes.end(), [](const ReaderNote& n) {
    return n.code == WarningCode::UnknownCode || n.code == WarningCode::UnknownUnit;
  });
  if (unread > 0) {
    out.not_weighed.push_back(std::to_string(unread) + (unread == 1 ? " item" : " items") +
                              " that could not be read, named by unknown-code warnings");
  }
}

// What TID 4206 puts on a finding besides what the calcification rules read (rows 9-15, 19,
// 23-28): density, shape, margins, implant finding, the ultrasound descriptors. On a mass they
// describe the mass; the rules do not weigh them, and an ordinary benign mass described with
// them must not make the exam 0 (hostile review 29, H29-6).
constexpr std::array<CodeConst, 11> kLesionDescriptors{{
    {"111035", "DCM", "Lesion Density"},
    {"107644003", "SCT", "Shape"},
    {"M-020F9", "SRT", "Shape"},
    {"111037", "DCM", "Margins"},
    {"111407", "DCM", "Implant finding"},
    {"111354", "DCM", "Orientation"},
    {"111357", "DCM", "Lesion boundary"},
    {"111360", "DCM", "Echo pattern"},
    {"111366", "DCM", "Posterior acoustic features"},
    {"111371", "DCM", "Identifiable effect on surrounding tissues"},
    {"111372", "DCM", "Vascularity"},
}};

// A size (TID 1400-1402 measurements: a NUM in a unit of length, area or volume).
bool is_size_measurement(const ContentItem& item) {
  static constexpr std::array<std::string_view, 9> kUnits{"um",  "mm",  "cm",  "m", "mm2",
                                                          "cm2", "mm3", "cm3", "ml"};
  return item.value_type == ValueType::Num && item.unit.scheme == "UCUM" &&
         std::find(kUnits.begin(), kUnits.end(), item.unit.value) != kUnits.end();
}

// Whether sizes describe the lesion in a finding's template: TID 4206 puts them there; TID 4006
// (a CAD finding) does not, so a CAD's measurement is said (README: "a measurement").
enum class SizesInTemplate : bool { No, Yes };

// A finding's items that describe the lesion (kLesionDescriptors, sizes where its template has
// them) with a value no calcification or result value set has: read as template items, not as
// unknown, unless the value is outside the descriptor's context group (it cannot be read). Those
// whose value BI-RADS names a feature of malignancy are listed in words (hostile review 30,
// H30-1, H30-2).
struct LesionDescriptors {
  std::set<std::string> positions;
  std::set<std::string> outside_value_set;  // their value is not in their context group
  std::vector<std::string> suspicious;
  std::vector<ReaderNote> meaning_discordant;  // a value whose meaning names another member
};
LesionDescriptors lesion_descriptors(const ContentItem& finding, SizesInTemplate sizes) {
  LesionDescriptors found;
  walk_tree(finding, [&](const ContentItem& each, const ContentItem*) {
    const bool descriptor = is_one_of(each, kLesionDescriptors) ||
                            (sizes == SizesInTemplate::Yes && is_size_measurement(each));
    const bool weighed_value = each.value_type == ValueType::Code &&
                               (morphology_for(each.code) || distribution_for(each.code) ||
                                prior_result_for(each.code) || category_for(each.code));
    if (!descriptor || weighed_value) return;
    const DescriptorReading reading = lesion_descriptor_reading(each.concept_name, each.code);
    if (reading == DescriptorReading::OutsideValueSet) {
      found.outside_value_set.insert(each.position);
      return;
    }
    found.positions.insert(each.position);
    for (const CodeConst& other : descriptor_values_meant(each.concept_name, each.code)) {
      found.meaning_discordant.push_back({WarningCode::CodeMeaningDiscordant,
                                          "lesion descriptor " + describe(each.concept_name) +
                                              " = " + describe(each.code) + ": its meaning names " +
                                              describe(other.to_code()) +
                                              " of the same context group; read by its code",
                                          each.position});
    }
    if (reading == DescriptorReading::Suspicious) {
      found.suspicious.push_back("a suspicious lesion descriptor " + describe(each.concept_name) +
                                 " = " + describe(each.code) + " (" + each.position + ")");
    }
  });
  return found;
}

// What a finding the calcification rules do not assess that states no category of its own asks
// for: a CAD detection (a mass, a distortion the CAD marked) is no radiologist's finding until
// someone assesses it (hostile review 77: a CAD mass beside benign calcifications left its breast
// "BI-RADS 2, routine screening"); a report's own finding rests on the report's overall
// assessment of its breast, and with none it asks for one too (hostile review 79: a mass with no
// category beside a benign calcification finding vanished, the exam benign without review).
enum class WithoutCategory : bool { CadDetection, ReportFinding };

// What a finding the calcification rules do not assess (`item`, its items read into `read`,
// of breast `laterality`) gives: what could not be read is said (E8), its categories and what
// it holds besides count for its breast and the exam (E15). Its template's lesion descriptors
// are not unknown (hostile review 29, H29-6). A CAD finding's `impression` is read with it.
void add_unassessed(const ContentItem& item, const ContentItem* impression, Finding read,
                    Laterality laterality, SizesInTemplate sizes, WithoutCategory without,
                    Findings& out) {
  const LesionDescriptors descriptors = lesion_descriptors(item, sizes);
  read.notes.erase(std::remove_if(read.notes.begin(), read.notes.end(),
                                  [&](const ReaderNote& note) {
                                    return note.code == WarningCode::UnknownCode &&
                                           descriptors.positions.count(note.position) > 0;
                                  }),
                   read.notes.end());
  constexpr std::string_view kNotOurConcept = "its concept is not one this tool reads in a finding";
  for (ReaderNote& note : read.notes) {
    const std::size_t at = note.text.find(kNotOurConcept);
    if (descriptors.outside_value_set.count(note.position) != 0 && at != std::string::npos) {
      note.text.replace(at, kNotOurConcept.size(),
                        "its value is not in the context group of its lesion descriptor");
    }
  }
  // For a finding the rules do not assess, a code's meaning counts beside its value
  // (weigh_unassessed), so the words "read by its code alone" would be wrong (H29-12).
  constexpr std::string_view kCodeAlone = "; read by its code alone";
  for (ReaderNote& note : read.notes) {
    const std::size_t at = note.text.rfind(kCodeAlone);
    if (note.code == WarningCode::CodeMeaningDiscordant && at != std::string::npos) {
      note.text.replace(at, kCodeAlone.size(),
                        "; for a finding the calcification rules do not assess the meaning "
                        "counts too, the more suspicious standing for its breast (E15)");
    }
  }
  out.notes.insert(out.notes.end(), read.notes.begin(), read.notes.end());
  out.notes.insert(out.notes.end(), descriptors.meaning_discordant.begin(),
                   descriptors.meaning_discordant.end());
  // Two categories (or lateralities …) given for it: the most suspicious stands, and it is said.
  for (const ValueConflict& conflict : read.conflicts) {
    const std::string values = conflict_values_words(conflict);
    out.notes.push_back({WarningCode::ConflictingValues,
                         "the finding at " + item.position + " " + describe(item.code) +
                             " gives its " + std::string(to_string(conflict.field)) + " " +
                             std::to_string(conflict.given.size()) + " times: " + values +
                             "; the most suspicious counts for its breast (E15)",
                         item.position});
  }
  UnassessedFinding unassessed{item.position, item.code, laterality, read.reported_category, {},
                               false,         {}};
  weigh_unassessed(item, impression, read, unassessed);
  unassessed.not_weighed.insert(unassessed.not_weighed.end(), descriptors.suspicious.begin(),
                                descriptors.suspicious.end());
  if (!unassessed.category && without == WithoutCategory::CadDetection) {
    unassessed.not_weighed.push_back(
        "no category of its own: a CAD detection the radiologist has not assessed");
  }
  // Settled once the report's overall assessments are read (ask_overall_assessment).
  unassessed.awaits_overall = !unassessed.category && without == WithoutCategory::ReportFinding;
  if (!unassessed.category && unassessed.not_weighed.empty() && !unassessed.awaits_overall) {
    return;
  }
  out.unassessed_findings.push_back(std::move(unassessed));
}

// A finding the calcification rules do not assess (a mass, a distortion or an asymmetry without
// calcification descriptors, a finding of unknown code): every item of it is read as a finding's
// items are, wherever it hangs, and nothing is dropped (hostile review 28, H28-1). Its own
// categories, and what it holds besides (weigh_unassessed), count for its breast — its own
// Laterality, one below its items, else its findings container's or the report's procedure — and
// the exam (E15); what could not be read is said (E8).
void read_unassessed_finding(const ContentItem& item, const ContentItem* container_procedure,
                             const ContentItem* report_procedure, std::set<std::string>& consumed,
                             Findings& out) {
  Finding read;
  read.position = item.position;
  std::set<std::string> read_here;  // apart from what others read, as a calcification finding's
  FindingReader reader(read, &read_here);
  reader.keep_nested_findings_apart();
  reader.read_finding(item);
  reader.finish(ReportedSource::Finding);
  consumed.insert(read_here.begin(), read_here.end());
  mark_subtree(item, consumed);  // not ours to read again
  Laterality laterality = read.laterality;
  const bool conflicting = std::any_of(
      read.conflicts.begin(), read.conflicts.end(),
      [](const ValueConflict& conflict) { return conflict.field == FindingField::Laterality; });
  // The procedure of its findings container, else the report's.
  const ContentItem* procedure =
      container_procedure != nullptr ? container_procedure : report_procedure;
  if (laterality == Laterality::Unknown && !conflicting && procedure != nullptr) {
    laterality = laterality_for(procedure->code).value_or(Laterality::Unknown);
  }
  add_unassessed(item, nullptr, std::move(read), laterality, SizesInTemplate::Yes,
                 WithoutCategory::ReportFinding, out);
}

void hold_nested_finding_item(const ContentItem& item, Finding& finding);

// A Finding item of another kind below a calcification finding read before (from `first`): the
// finding it is in holds it (hostile review 27, H27-2). A distortion there is the finding's
// lesion (C15, W19), a mass makes it calcifications within a mass (C11); either way it is said,
// as an item its template does not put there (W10).
// `where` is the position it hangs at: its own, or for a by-reference copy (which keeps its
// target's positions) that of the item the copy hangs in.
bool nested_in_calcification_finding(const ContentItem& item, const std::string& where,
                                     std::size_t first, Findings& out) {
  const auto ours = out.findings.begin() + static_cast<std::ptrdiff_t>(first);
  const auto holder = std::find_if(ours, out.findings.end(), [&](const Finding& finding) {
    return where == finding.position || inside(where, finding.position);
  });
  if (holder == out.findings.end()) return false;
  hold_nested_finding_item(item, *holder);
  // Of another breast than the calcifications it holds or is referred to by (hostile review 79: a
  // left mass by reference gave a right finding C11 unsaid): which breast is meant is the
  // radiologist's to say.
  const ContentItem* side = first_child(item, codes::kLaterality);
  const std::optional<Laterality> its_breast =
      side != nullptr ? laterality_for(side->code) : std::nullopt;
  const auto one_breast = [](Laterality breast) {
    return breast == Laterality::Left || breast == Laterality::Right;
  };
  if (its_breast && one_breast(*its_breast) && one_breast(holder->laterality) &&
      *its_breast != holder->laterality) {
    add_conflict(*holder, FindingField::Laterality,
                 {std::string(to_string(holder->laterality)), holder->laterality_position},
                 {std::string(to_string(*its_breast)) + " (of the finding at " + item.position +
                      " counted with them)",
                  side->position});
  }
  return true;
}

// What a Finding item of another kind (`other`) coded with the calcification finding `finding`
// — inside it, or holding it — makes of it: a distortion is its lesion (C15, W19), an asymmetry
// too (C16, W19), a mass makes it calcifications within a mass (C11). Returns it in words.
// A finding of kind `kind` (given by `code` at `position`) the calcifications of `finding` are
// in: its distortion or asymmetry (a distortion outranks an asymmetry), or its mass. Returns
// what it counts as, for the note.
std::string count_finding_kind(std::optional<FindingKind> kind, const Code& code,
                               const std::string& position, Finding& finding) {
  const std::optional<Lesion> lesion = lesion_of(kind);
  if (lesion && (!finding.lesion || *lesion == Lesion::ArchitecturalDistortion)) {
    finding.lesion = Coded<Lesion>{*lesion, code, position};
    return *lesion == Lesion::ArchitecturalDistortion
               ? "it counts as the finding's distortion (C15, W19)"
               : "it counts as the finding's asymmetry (W19)";
  }
  if (kind == FindingKind::Mass) {
    finding.mass_with_calcifications = true;
    return "it counts as calcifications within a mass (C11)";
  }
  return "the rules do not weigh it";
}

std::string count_other_finding(const ContentItem& other, Finding& finding) {
  return count_finding_kind(finding_kind_for(other.code), other.code, other.position, finding);
}

// The calcification finding `finding` holds the Finding item `item` (TID 4200 or CAD): its
// lesion or mass counts for it, and it is said (W10).
void hold_nested_finding_item(const ContentItem& item, Finding& finding) {
  const std::string counts = count_other_finding(item, finding);
  finding.notes.push_back({WarningCode::UnknownCode,
                           "item " + item.position + " " + describe(item.concept_name) + " = " +
                               describe(item.code) + " inside the finding at " + finding.position +
                               ", where its template does not put a finding; " + counts,
                           item.position});
}

// The calcification finding `finding` is coded inside the Finding item `outer` of another kind
// (a mass, a distortion): the same calcifications, in it. Its mass or lesion counts for them as
// one nested in them would, and it is said (W10; hostile review 29, H29-11).
void held_by_finding_item(const ContentItem& outer, Finding& finding) {
  const std::string counts = count_other_finding(outer, finding);
  finding.notes.push_back({WarningCode::UnknownCode,
                           "the calcification finding at " + finding.position +
                               " is coded inside the finding at " + outer.position + " " +
                               describe(outer.code) +
                               ", where its template does not put a "
                               "finding; " +
                               counts,
                           finding.position});
}

// What a finding code is by its value, in words (a Composite Feature's may be a mass's).
std::string_view finding_code_words(std::optional<FindingKind> kind) {
  if (!kind) return "no finding this tool knows";
  switch (*kind) {
    case FindingKind::Calcification:
      return "a calcification finding";
    case FindingKind::MassWithCalcifications:
      return "a mass with calcifications";
    case FindingKind::Mass:
      return "a mass";
    case FindingKind::ArchitecturalDistortion:
      return "an architectural distortion";
    case FindingKind::Asymmetry:
      return "an asymmetry";
    case FindingKind::NotCalcification:
      break;
  }
  return "another finding of CID 6054";
}

// A finding code whose meaning names a suspicious form of calcification its value does not (an
// "Individual Calcification" code shown as "Amorphous calcification"), or a mass, distortion or
// asymmetry (shown as "Focal asymmetric breast tissue"): the radiologist saw and signed the
// meaning, so it describes these calcifications too, and the discordance is said (W17; hostile
// review 30, H30-8; 31, H31-1).
void note_finding_code_meaning(const ContentItem& item, Finding& finding) {
  const auto discordant = [&](const std::string& by_value, const std::string& meant,
                              const std::string& counts) {
    finding.notes.push_back({WarningCode::CodeMeaningDiscordant,
                             "finding code (" + item.code.value + ", " + item.code.scheme +
                                 ") is " + by_value + " but its meaning \"" + item.code.meaning +
                                 "\" names " + meant + "; " + counts,
                             item.position});
  };
  const std::optional<Morphology> by_value = morphology_for(item.code);
  for (const Morphology meant : morphologies_meant(item.code.meaning)) {
    if (!is_suspicious(meant) || by_value == meant) continue;
    finding.morphology.push_back(Coded<Morphology>{meant, item.code, item.position});
    discordant(by_value ? std::string(to_string(*by_value)) : std::string("no calcification form"),
               std::string(to_string(meant)), "both are read");
  }
  const std::optional<FindingKind> kind = finding_kind_for(item.code);
  // A calcification code whose meaning says more than any calcification code's meaning, or calls
  // the calcifications suspicious ("Calcification of breast, BI-RADS 5", "… (DCIS)"): read by
  // its code, said, for review (W17; hostile review 36, H36-9).
  if (kind == FindingKind::Calcification) {
    if (const std::optional<Category> said = suspicion_in_words(item.code.meaning)) {
      discordant("a calcification", "BI-RADS " + category_words(*said), "read by its code alone");
    } else if (const std::vector<std::string> beyond =
                   calcification_finding_meaning_beyond(item.code.meaning);
               !beyond.empty() && other_findings_meant(item.code.meaning).empty()) {
      discordant("a calcification", "more (\"" + joined(beyond) + "\")", "read by its code alone");
    }
  }
  for (const FindingKind meant : other_findings_meant(item.code.meaning)) {
    if (kind == meant ||
        (meant == FindingKind::Mass && kind == FindingKind::MassWithCalcifications)) {
      continue;
    }
    discordant(std::string(finding_code_words(kind)), std::string(finding_code_words(meant)),
               count_finding_kind(meant, item.code, item.position, finding));
  }
}

// What the code of a calcification finding says (TID 4206 row 4 in CID 6054; TID 4006 in CID
// 6014, TID 4005 in CID 6016: `context_group`), for the TID 4200 and CAD readers alike: a code
// outside its group (a local code) or one that names no lesion cannot say what the
// calcifications are, so it is said (unknown-code) and the finding needs review (W10;
// decision-logic.md §1; hostile review 32, H32-4); a suspicious calcification code as the finding
// code describes these calcifications all the same (C0; H27-8); its meaning counts
// (note_finding_code_meaning).
void read_calcification_finding_code(const ContentItem& item, std::string_view context_group,
                                     Finding& finding) {
  const std::string read_for_descriptors =
      "; read as a calcification finding for its calcification descriptors";
  if (!finding_kind_for(item.code)) {
    std::string text = "finding code " + describe(item.code) + " is not in " +
                       std::string(context_group) + read_for_descriptors;
    if (const auto term = suspicious_calcification_term(item.code)) {
      finding.unread_suspicious.push_back({*term, item.position});
      text += suspicious_value_words(*term) + ": never below 4A (rule C0)";
    }
    finding.notes.push_back({WarningCode::UnknownCode, text, item.position});
  } else if (names_no_lesion(item.code)) {
    finding.notes.push_back({WarningCode::UnknownCode,
                             "finding code " + describe(item.code) + " is in " +
                                 std::string(context_group) +
                                 " for the breast, the image or normal tissue, not for a lesion "
                                 "calcifications can be in: what the calcifications are cannot "
                                 "be told from it" +
                                 read_for_descriptors,
                             item.position});
  }
  note_finding_code_meaning(item, finding);
}

// TID 4200 (and calcification findings in any other SR): every TID 4206 Finding that is a
// calcification finding.
void extract_report_findings(const ContentItem& root, Findings& out, OverallReading& overall) {
  std::set<std::string> consumed;
  const std::size_t first = out.findings.size();
  std::vector<InterventionSection> interventions;
  struct {
    const ContentItem* procedure;
    const ContentItem* images;
  } const context{report_procedure_laterality(root), unilateral_image_laterality(root)};
  std::vector<std::string> unassessed;  // positions of the findings the rules do not assess
  // The Finding items the walk is inside, outermost first: walk_tree visits in document order,
  // so one the walk has left is never entered again (a list of every one met made the search
  // for the holder quadratic in the findings; hostile review 53, H53-4).
  std::vector<const ContentItem*> open_finding_items;
  // The procedure of the container the last finding hung in: read once per container, not per
  // finding (a container of thousands of findings; hostile review 53, H53-4).
  const ContentItem* procedure_container = nullptr;
  const ContentItem* container_procedure = nullptr;
  const auto procedure_of = [&](const ContentItem* parent) {
    if (parent != procedure_container) {
      procedure_container = parent;
      container_procedure = parent != nullptr ? container_procedure_laterality(*parent) : nullptr;
    }
    return container_procedure;
  };
  // The items of a by-reference copy (resolve_references: its target's positions, below the
  // referring item): a finding there is the referring finding's to read (a calcification finding
  // is absorbed, W10) and is read again where it stands, not as one more finding of no breast
  // (hostile review 73).
  // Each copied item, with the position of the item its copy hangs in.
  std::map<const ContentItem*, std::string> copied;
  walk_tree(root, [&](const ContentItem& item, const ContentItem* parent) {
    if (parent != nullptr) {
      if (const auto copy = copied.find(parent); copy != copied.end()) {
        copied.emplace(&item, copy->second);
      } else if (item.copied_by_reference) {
        copied.emplace(&item, parent->position);
      }
    }
    if (item.value_type == ValueType::Container && is_concept(item, codes::kOverallAssessment)) {
      // One inside a finding is that finding's, read with it (hostile review 28, H28-12).
      if (consumed.count(item.position) == 0) {
        note_overall_without_category(item, overall);
        read_overall(item, overall, consumed);
      }
      return;
    }
    if (item.value_type == ValueType::Container && is_concept(item, kInterventionSection)) {
      // One inside a finding the rules do not assess is that finding's, read with it.
      if (!inside_any(item.position, unassessed)) {
        interventions.push_back({&item, parent});  // read once every finding is
      }
      return;
    }
    if (!is_code_item(item, codes::kFinding)) return;
    // A copy is read by the finding that refers to it; the finding itself where it stands.
    if (const auto copy = copied.find(&item); copy != copied.end()) {
      // A mass or distortion copied into a calcification finding counts for it as one nested
      // in it would (C11, C15; hostile review 76); where it stands it is read as its own.
      if (finding_item_kind(item) == FindingItemKind::NotCalcification) {
        nested_in_calcification_finding(item, copy->second, first, out);
      }
      return;
    }
    // The innermost Finding item this one is coded inside, if any (walk_tree visits it first).
    while (!open_finding_items.empty() &&
           !inside(item.position, open_finding_items.back()->position)) {
      open_finding_items.pop_back();
    }
    const ContentItem* outer = open_finding_items.empty() ? nullptr : open_finding_items.back();
    open_finding_items.push_back(&item);
    const FindingItemKind kind = finding_item_kind(item);
    if (kind == FindingItemKind::NotCalcification) {
      // Inside a calcification finding it counts for that one too (C15, C11, W10).
      nested_in_calcification_finding(item, item.position, first, out);
      unassessed.push_back(item.position);
      // What it says is the report's for its breast all the same (E15).
      read_unassessed_finding(item, procedure_of(parent), context.procedure, consumed, out);
      return;
    }
    if (kind == FindingItemKind::Unknown) {
      // Its code is not read, but what its items say is (E15), and the exam needs review
      // (decision-logic.md §1; hostile review 28, H28-15).
      out.notes.push_back({WarningCode::UnknownCode,
                           "finding " + describe(item.code) +
                               " is not a breast imaging finding code this tool knows (CID "
                               "6054); its items are read as those of a finding the "
                               "calcification rules do not assess",
                           item.position});
      unassessed.push_back(item.position);
      read_unassessed_finding(item, procedure_of(parent), context.procedure, consumed, out);
      return;
    }
    // A calcification finding inside one read before is that one's (FindingReader::absorb).
    const auto holds_it = [&](const Finding& finding) {
      return inside(item.position, finding.position);
    };
    if (consumed.count(item.position) != 0 &&
        std::any_of(out.findings.begin() + static_cast<std::ptrdiff_t>(first), out.findings.end(),
                    holds_it)) {
      return;
    }
    Finding finding;
    finding.position = item.position;
    finding.origin = Origin::BreastImagingReport;
    finding.mass_with_calcifications = kind == FindingItemKind::MassWithCalcifications;
    if (const auto lesion = lesion_for(item.code)) {
      finding.lesion = Coded<Lesion>{*lesion, item.code, item.position};
    }
    read_calcification_finding_code(item, "CID 6054", finding);
    if (outer != nullptr) held_by_finding_item(*outer, finding);
    // What this finding has read, apart from what others have: a by-reference item elsewhere
    // (resolved as a copy of its target, positions and all) reads the same items for its own
    // finding, and must not take them from this one (hostile review 73: the owner of a nested
    // "5" was left benign).
    std::set<std::string> read_here;
    FindingReader reader(finding, &read_here);
    reader.read_finding(item);
    // The unilateral procedures (of the findings container and of the whole report), the images
    // the finding references and a unilateral study are more lateralities the finding is given:
    // agreeing they add nothing, disagreeing they are a conflict like any other
    // (decision-logic.md §6.4).
    const auto add_context = [&](const ContentItem* modifier, LateralitySource source) {
      if (modifier == nullptr) return;
      reader.add_laterality(*modifier, source);
    };
    add_context(procedure_of(parent), LateralitySource::Procedure);
    add_context(context.procedure, LateralitySource::Procedure);
    add_context(images_laterality(item), LateralitySource::Images);
    add_context(context.images, LateralitySource::Images);
    // A calcification finding coded inside a finding the rules do not assess (a mass) is its own,
    // in the breast of the finding it is in (hostile review 28, H28-13).
    if (outer != nullptr)
      add_context(first_child(*outer, codes::kLaterality), LateralitySource::SubItem);
    reader.finish(ReportedSource::Finding);
    consumed.insert(read_here.begin(), read_here.end());
    out.findings.push_back(std::move(finding));
  });
  for (const InterventionSection& section : interventions) {
    apply_intervention(section, first, out, consumed);
  }
  note_items_not_read(root, nullptr, false,
                      out.source.report_template == ReportTemplate::BreastImagingReport4200,
                      consumed, out);
}

// ---- TID 4000 Mammography CAD ----

inline constexpr CodeConst kCompositeFeature{"111015", "DCM", "Composite Feature"};
inline constexpr CodeConst kAllSucceededWithFindings{"111242", "DCM",
                                                     "All algorithms succeeded; with findings"};

// TID 4000 rows 5-8: the CAD's two summaries of the algorithms it ran.
enum class Algorithms { Detections, Analyses };

// The container of TID 4015 / 4016 that lists the failed algorithms of a summary.
const CodeConst& failed_container_of(Algorithms kind) {
  return kind == Algorithms::Detections ? codes::kFailedDetections : codes::kFailedAnalyses;
}

// The item of that container naming one algorithm (TID 4017 / 4018).
const CodeConst& performed_item_of(Algorithms kind) {
  return kind == Algorithms::Detections ? codes::kDetectionPerformed : codes::kAnalysisPerformed;
}

// Whether a summary's status says nothing was missed. Detections find what is there, so they
// must have succeeded; analyses only weigh what was detected, and a CAD that attempts none is
// complete (PS3.17 F.3.1, the standard's own "no findings" example, says "Summary of Analyses:
// Not Attempted").
bool complete(Algorithms kind, std::optional<ResultStatus> status) {
  return status == ResultStatus::Succeeded ||
         (kind == Algorithms::Analyses && status == ResultStatus::NotAttempted);
}

// "Summary of Detections (111064, DCM)": a concept name as the warnings name it.
std::string describe_concept(const CodeConst& code) {
  return std::string(code.meaning) + " (" + std::string(code.value) + ", " +
         std::string(code.scheme) + ")";
}

// What a CAD finding is read as: a calcification finding, or one the rules do not assess.
enum class CadFinding { Calcifications, Unassessed };

using ItemsByPosition = std::map<std::string, const ContentItem*>;

// Why a by-reference item cannot be read, if it cannot: its target is missing, holds it, or is
// another by-reference item.
std::optional<std::string> unreadable_reference(const ContentItem& reference,
                                                const ItemsByPosition& items) {
  const std::string& to = reference.referenced_position;
  const auto target = items.find(to);
  const bool holds_it =
      !to.empty() && reference.position.compare(0, to.size(), to) == 0 &&
      (reference.position.size() == to.size() || reference.position[to.size()] == '.');
  std::string why;
  if (target == items.end()) {
    why = "which the report does not hold";
  } else if (holds_it) {
    why = "an item that holds it";
  } else if (target->second->value_type == ValueType::ByReference) {
    why = "another by-reference item";
  } else {
    return std::nullopt;
  }
  return "the by-reference item at " + reference.position + " points at " +
         (to.empty() ? std::string("no item") : to) + ", " + why +
         ": what it refers to cannot be read";
}

// An Image Laterality an image holds, and the item that gives it.
struct ImageSide {
  Laterality laterality;
  std::string position;
};
using ImageSides = std::vector<ImageSide>;

class CadReader {
 public:
  explicit CadReader(const ContentItem& root) {
    walk_tree(root, [&](const ContentItem& item, const ContentItem*) {
      by_position_[item.position] = &item;
      if (item.value_type == ValueType::ByReference) references_.push_back(&item);
      if (item.value_type == ValueType::Image) {
        // Every Image Laterality the image holds: two that differ are a conflict of the findings
        // on it, never the first one's breast (hostile review 71).
        ImageSides sides;
        for (const ContentItem& laterality : item.children) {
          if (!is_concept(laterality, codes::kImageLaterality)) continue;
          if (auto value = laterality_for(laterality.code)) {
            sides.push_back({*value, laterality.position});
          }
        }
        if (!sides.empty()) {
          image_laterality_by_position_[item.position] = sides;
          if (!item.referenced_sop_instance.empty()) {
            image_laterality_by_sop_[item.referenced_sop_instance] = sides;
          }
        }
      }
    });
  }

  // The item itself, or the target of a by-reference item.
  const ContentItem& resolve(const ContentItem& item) const {
    if (item.value_type != ValueType::ByReference) return item;
    const auto found = by_position_.find(item.referenced_position);
    return found == by_position_.end() ? item : *found->second;
  }

  void extract(const ContentItem& root, Findings& out, OverallReading& overall) {
    std::vector<std::pair<const ContentItem*, const ContentItem*>>
        candidates;  // finding, impression
    collect(root, nullptr, candidates, overall);
    // The summary's items read_overall read, with what hangs below them.
    for (const std::string& position : consumed_) {
      const auto found = by_position_.find(position);
      if (found != by_position_.end()) mark_subtree(*found->second, read_);
    }
    if (!summary_seen_) {
      // TID 4000 requires it: without it, nothing says the CAD ran at all.
      overall.notes.push_back({WarningCode::CadIncomplete,
                               "the CAD report has no CAD Processing and Findings Summary "
                               "(111017, DCM) code item: whether its algorithms ran cannot be "
                               "told; what it did not analyse is not in this report",
                               root.position});
    }
    for (const ContentItem& item : root.children) note_algorithm_summary(item, overall);
    // resolve() reads a reference as its target; one it cannot resolve is said, never dropped
    // (hostile review 71).
    for (const ContentItem* reference : references_) {
      if (std::optional<std::string> why = unreadable_reference(*reference, by_position_)) {
        overall.notes.push_back(
            {WarningCode::ContentSkipped, std::move(*why), reference->position});
      }
    }
    // TID 4000 rows 5 and 7 are mandatory: without a summary nothing says the detections (or
    // analyses) succeeded, so the CAD's silence is no evidence (hostile review 71).
    for (const CodeConst& summary : {codes::kSummaryOfDetections, codes::kSummaryOfAnalyses}) {
      const bool given =
          std::any_of(root.children.begin(), root.children.end(),
                      [&](const ContentItem& item) { return is_code_item(item, summary); });
      if (given) continue;
      overall.notes.push_back({WarningCode::CadIncomplete,
                               "the CAD report has no " + describe_concept(summary) +
                                   " code item (mandatory, TID 4000): whether its algorithms "
                                   "succeeded cannot be told; what it did not find may not be in "
                                   "this report",
                               root.position});
    }
    note_failed_elsewhere(root, overall);
    if (with_findings_ && cad_findings_seen_ == 0) {
      overall.notes.push_back({WarningCode::CadIncomplete,
                               "the CAD Processing and Findings Summary (111017, DCM) is " +
                                   describe(kAllSucceededWithFindings.to_code()) +
                                   ", but the report lists no CAD finding: what it found is not "
                                   "in this report",
                               root.position});
    }
    // "Without findings" beside findings the report lists (hostile review 80): which one is right
    // cannot be told.
    if (without_findings_ != nullptr && cad_findings_seen_ > 0) {
      overall.notes.push_back({WarningCode::CadIncomplete,
                               "the CAD Processing and Findings Summary (111017, DCM) is " +
                                   describe(without_findings_->code) + ", but the report lists " +
                                   std::to_string(cad_findings_seen_) +
                                   " CAD findings: which is right cannot be told",
                               without_findings_->position});
    }
    // The members of a cluster that is shown are read with it; those of a cluster that is not
    // are read as their own findings, each shown by its own Rendering Intent (H27-15).
    std::set<std::string> members;
    for (const auto& [item, impression] : candidates) {
      if (same_concept(item->code, codes::kCalcificationCluster) && !hidden(*item, impression)) {
        for (const ContentItem* member : members_of(*item)) members.insert(member->position);
      }
    }
    for (const auto& [item, impression] : candidates) {
      const bool cluster = same_concept(item->code, codes::kCalcificationCluster);
      if (!cluster && members.count(item->position)) continue;
      if (hidden(*item, impression)) {
        ++out.skipped_not_for_presentation;
        // What it would have said (hostile reviews 84, 85: a hidden fine-linear cluster, or one
        // with a probability of cancer, left its breast "no calcification finding" and the exam
        // benign, unreviewed): kept apart for the rules to weigh (E23).
        out.not_for_presentation.push_back(
            cluster ? read_cluster(*item, impression)
                    : read_single(*item, impression, Origin::CadIndividual));
        out.notes.push_back({WarningCode::NotForPresentation,
                             "CAD finding skipped: its Rendering Intent is Not for Presentation "
                             "(111152, DCM)",
                             item->position});
        mark_subtree(*item, read_);
        if (impression != nullptr) mark_subtree(*impression, read_);
        continue;
      }
      out.findings.push_back(cluster ? read_cluster(*item, impression)
                                     : read_single(*item, impression, Origin::CadIndividual));
      mark_subtree(*item, read_);
    }
    for (const auto& [item, impression] : others_) read_other_finding(*item, impression, out);
    note_items_outside_findings(root, out);
  }

 private:
  void collect(const ContentItem& item, const ContentItem* impression,
               std::vector<std::pair<const ContentItem*, const ContentItem*>>& candidates,
               OverallReading& overall) {
    if (item.value_type == ValueType::Container && is_concept(item, codes::kIndividualImpression)) {
      impression = &item;
    }
    if (is_code_item(item, codes::kCadSummary)) {
      summary_seen_ = true;
      with_findings_ = with_findings_ || same_concept(item.code, kAllSucceededWithFindings);
      if (cad_summary_without_findings(item.code)) without_findings_ = &item;
      read_overall(item, overall, consumed_);
      note_processing_summary(item, overall);
    }
    const bool single = is_code_item(item, codes::kSingleImageFinding);
    const bool composite = is_code_item(item, kCompositeFeature);
    if (composite) {
      // TID 4005: the findings a composite feature is inferred from are its (its finding code
      // names what they are part of: a distortion, a mass).
      for (const auto& child : item.children) composite_of_[resolve(child).position] = &item;
    }
    if (single || composite) {
      ++cad_findings_seen_;
      // Any CAD finding with calcification descriptors or a calcification code is ours (§1).
      const FindingItemKind kind = finding_item_kind(item);
      if (same_concept(item.code, codes::kCalcificationCluster) ||
          same_concept(item.code, codes::kIndividualCalcification) ||
          kind == FindingItemKind::Calcification ||
          kind == FindingItemKind::MassWithCalcifications) {
        candidates.emplace_back(&item, impression);
      } else {
        if (kind == FindingItemKind::Unknown) {
          // Its code is not read, but what its items say is (E15; hostile review 29, H29-4); a
          // Composite Feature's too (hostile review 30, H30-11).
          overall.notes.push_back({WarningCode::UnknownCode,
                                   "CAD finding " + describe(item.code) +
                                       " is not a finding code this tool knows (" +
                                       std::string(context_group_of(item)) +
                                       "); its items are read as those of a finding the "
                                       "calcification rules do not assess",
                                   item.position});
        }
        others_.emplace_back(&item, impression);
      }
    }
    for (const auto& child : item.children) {
      if (child.value_type != ValueType::ByReference)
        collect(child, impression, candidates, overall);
    }
  }

  // CID 6047: a CAD that did not run completely is no evidence that nothing is there, and a
  // value outside CID 6047 (a local code) does not say that it did.
  static void note_processing_summary(const ContentItem& item, OverallReading& overall) {
    const std::optional<CadProcessing> processing = cad_processing_for(item.code);
    if (!processing) {
      overall.notes.push_back({WarningCode::CadIncomplete,
                               "the CAD Processing and Findings Summary (111017, DCM) value " +
                                   describe(item.code) +
                                   " is not in CID 6047: whether all its algorithms succeeded "
                                   "cannot be told; what it did not analyse may not be in this "
                                   "report",
                               item.position});
    } else if (*processing == CadProcessing::NotAllSucceeded) {
      overall.notes.push_back({WarningCode::CadIncomplete,
                               "the CAD reports " + describe(item.code) +
                                   "; what it did not analyse is not in this report",
                               item.position});
    }
  }

  // TID 4000 rows 5-8: a Summary of Detections or of Analyses that says (or lists) failed
  // algorithms, or whose status cannot be read, leaves the CAD's silence no evidence.
  void note_algorithm_summary(const ContentItem& item, OverallReading& overall) const {
    Algorithms kind = Algorithms::Detections;
    if (is_code_item(item, codes::kSummaryOfAnalyses)) {
      kind = Algorithms::Analyses;
    } else if (!is_code_item(item, codes::kSummaryOfDetections)) {
      return;
    }
    const std::optional<ResultStatus> status = result_status_for(item.code);
    const std::vector<std::string> failed = failed_algorithms(item, kind);
    if (complete(kind, status) && failed.empty()) return;
    std::string text =
        "the CAD's " + describe_concept(kind == Algorithms::Detections ? codes::kSummaryOfDetections
                                                                       : codes::kSummaryOfAnalyses);
    text += status ? " is " + describe(item.code)
                   : " value " + describe(item.code) +
                         " is not in CID 6042 (Status of Results): whether its algorithms "
                         "succeeded cannot be told";
    if (!failed.empty()) {
      text +=
          "; failed: " + std::accumulate(std::next(failed.begin()), failed.end(), failed.front(),
                                         [](std::string joined, const std::string& next) {
                                           return std::move(joined) + ", " + next;
                                         });
    }
    overall.notes.push_back({WarningCode::CadIncomplete,
                             text + "; what it did not find is not in this report", item.position});
  }

  // A Failed Detections or Failed Analyses container that is not below its summary (TID 4000
  // rows 5-8) says all the same that algorithms failed (hostile review 27, H27-14).
  void note_failed_elsewhere(const ContentItem& root, OverallReading& overall) const {
    std::set<std::string> below_summary;
    for (const ContentItem& summary : root.children) {
      if (!is_code_item(summary, codes::kSummaryOfDetections) &&
          !is_code_item(summary, codes::kSummaryOfAnalyses)) {
        continue;
      }
      for (const ContentItem& child : summary.children) {
        below_summary.insert(resolve(child).position);
      }
    }
    walk_tree(root, [&](const ContentItem& item, const ContentItem*) {
      if (item.value_type != ValueType::Container || below_summary.count(item.position) != 0) {
        return;
      }
      for (const Algorithms kind : {Algorithms::Detections, Algorithms::Analyses}) {
        if (!is_concept(item, failed_container_of(kind))) continue;
        std::string failed;
        for (const ContentItem& child : item.children) {
          const ContentItem& performed = resolve(child);
          if (is_code_item(performed, performed_item_of(kind))) {
            failed += (failed.empty() ? "" : ", ") + describe(performed.code);
          }
        }
        overall.notes.push_back({WarningCode::CadIncomplete,
                                 "the CAD lists " + describe_concept(failed_container_of(kind)) +
                                     " at " + item.position + ", outside its summary: failed: " +
                                     (failed.empty() ? std::string("no algorithm named") : failed) +
                                     "; what it did not find is not in this report",
                                 item.position});
      }
    });
  }

  // The algorithms a summary's failed container (TID 4015 / 4016) names, each as its code; a
  // failed container that names none is said too.
  std::vector<std::string> failed_algorithms(const ContentItem& summary, Algorithms kind) const {
    std::vector<std::string> failed;
    for (const ContentItem& reference : summary.children) {
      const ContentItem& container = resolve(reference);
      if (container.value_type != ValueType::Container ||
          !is_concept(container, failed_container_of(kind))) {
        continue;
      }
      const std::size_t before = failed.size();
      for (const ContentItem& child : container.children) {
        const ContentItem& performed = resolve(child);
        if (is_code_item(performed, performed_item_of(kind))) {
          failed.push_back(describe(performed.code));
        }
      }
      if (failed.size() == before) {
        failed.push_back(describe_concept(failed_container_of(kind)) + " at " + container.position +
                         " naming no algorithm");
      }
    }
    return failed;
  }

  // TID 4006's Single Image Finding takes its code from CID 6014, TID 4005's Composite Feature
  // from CID 6016.
  static std::string_view context_group_of(const ContentItem& item) {
    return is_code_item(item, kCompositeFeature) ? "CID 6016" : "CID 6014";
  }

  // The Composite Feature `feature` the calcification finding `finding` is inferred from names
  // what the calcifications are part of: a code outside CID 6016 cannot say it (unknown-code,
  // W10), a meaning naming a mass, a distortion or an asymmetry its code does not counts for
  // them (W17), as the finding's own code does (hostile review 32, H32-4).
  static void read_composite_code(const ContentItem& feature, Finding& finding) {
    if (!finding_kind_for(feature.code)) {
      finding.notes.push_back({WarningCode::UnknownCode,
                               "the calcification finding at " + finding.position +
                                   " is inferred from the Composite Feature at " +
                                   feature.position + " " + describe(feature.code) +
                                   ", whose code is not in CID 6016: what the calcifications are "
                                   "part of cannot be told",
                               finding.position});
    }
    note_finding_code_meaning(feature, finding);
  }

  // Every Rendering Intent it holds says Not for Presentation: one that says otherwise shows it
  // (hostile review 71: with [Not for Presentation, Presentation Required] the first hid a fine
  // pleomorphic cluster; note_rendering_intent says the dispute).
  static bool not_for_presentation(const ContentItem& item) {
    bool any = false;
    for (const ContentItem& intent : item.children) {
      if (!is_concept(intent, codes::kRenderingIntent)) continue;
      if (!same_concept(intent.code, codes::kNotForPresentation)) return false;
      any = true;
    }
    return any;
  }

  // Whether the CAD meant a finding not to be shown: its own Rendering Intent says so, or it has
  // none and its impression's does. A finding that says it must be shown is shown.
  static bool hidden(const ContentItem& item, const ContentItem* impression) {
    if (first_child(item, codes::kRenderingIntent) != nullptr) return not_for_presentation(item);
    return impression != nullptr && not_for_presentation(*impression);
  }

  // The Image Lateralities of the first image the finding is marked on that has any.
  ImageSides lateralities_from_images(const ContentItem& item) const {
    for (const auto& child : item.children) {
      const ContentItem& target = resolve(child);
      if (target.value_type == ValueType::Scoord) {
        ImageSides found = lateralities_from_images(target);
        if (!found.empty()) return found;
      }
      if (target.value_type == ValueType::Image) {
        const auto by_position = image_laterality_by_position_.find(target.position);
        if (by_position != image_laterality_by_position_.end()) return by_position->second;
        const auto by_sop = image_laterality_by_sop_.find(target.referenced_sop_instance);
        if (by_sop != image_laterality_by_sop_.end()) return by_sop->second;
      }
    }
    return {};
  }

  // Every Calcification Type of a CAD finding. Several different ones on one individual
  // calcification are a conflict (decision-logic.md §1); a cluster may hold several forms. All of
  // them describe the finding, so the most suspicious counts.
  void add_types(const ContentItem& calcification, bool one_calcification, Finding& finding) const {
    ValueConflict types{FindingField::Morphology, {}};
    for (const auto& reference : calcification.children) {
      const ContentItem& child = resolve(reference);
      if (!is_code_item(child, codes::kCalcificationType)) continue;
      const std::vector<Morphology> terms = calcification_type_terms(child, finding.notes);
      types.given.push_back({std::string(to_string(terms.front())), child.position});
      for (const Morphology value : terms) {
        const bool known = std::any_of(finding.morphology.begin(), finding.morphology.end(),
                                       [&](const auto& coded) { return coded.term == value; });
        if (!known) finding.morphology.push_back({value, child.code, child.position});
      }
    }
    const bool different = std::any_of(types.given.begin(), types.given.end(), [&](const auto& g) {
      return g.words != types.given.front().words;
    });
    if (different && one_calcification) finding.conflicts.push_back(std::move(types));
  }

  // The Individual Calcifications a cluster is inferred from (TID 4010), also through a cluster
  // it is inferred from (hostile review 73: an outer cluster inferred from an inner one lost the
  // inner one's fine pleomorphic member and was called benign). Each once; a cycle ends.
  std::vector<const ContentItem*> members_of(const ContentItem& cluster) const {
    std::vector<const ContentItem*> members;
    std::set<std::string> visited{cluster.position};
    add_members(cluster, visited, members);
    return members;
  }
  void add_members(const ContentItem& cluster, std::set<std::string>& visited,
                   std::vector<const ContentItem*>& members) const {
    for (const auto& child : cluster.children) {
      if (child.relationship != Relationship::InferredFrom) continue;
      const ContentItem& member = resolve(child);
      if (!is_code_item(member, codes::kSingleImageFinding) ||
          !visited.insert(member.position).second) {
        continue;
      }
      if (same_concept(member.code, codes::kIndividualCalcification)) {
        members.push_back(&member);
      } else if (same_concept(member.code, codes::kCalcificationCluster)) {
        add_members(member, visited, members);
      }
    }
  }

  // What a cluster is inferred from besides its Individual Calcifications, the clusters it is
  // made of and its images (TID 4010): a CAD finding of another kind, by value or by reference,
  // is one its calcifications are in (a mass: C11; a distortion: C15), as one nested in it would
  // be; any other item is no member. Each is said (W10; hostile review 77: a mass so listed left
  // the cluster benign, and a container or another finding's property went unsaid).
  void note_other_inferences(const ContentItem& cluster, std::set<std::string>& visited,
                             Finding& finding) const {
    for (const auto& child : cluster.children) {
      if (child.relationship != Relationship::InferredFrom) continue;
      const ContentItem& target = resolve(child);
      if (is_reference(target)) continue;  // an image: the cluster's breast (or unresolved, said)
      const bool single = is_code_item(target, codes::kSingleImageFinding);
      if (single && same_concept(target.code, codes::kIndividualCalcification)) continue;
      if (single && same_concept(target.code, codes::kCalcificationCluster)) {
        if (visited.insert(target.position).second) {
          note_other_inferences(target, visited, finding);
        }
        continue;
      }
      const bool cad_finding = single || is_code_item(target, kCompositeFeature);
      const std::string counts = cad_finding ? count_other_finding(target, finding)
                                             : "it is no CAD finding: not read as a member";
      // A code outside the context groups whose meaning names a lesion ("Mass" on 4147007) counts
      // as that lesion, as a Composite Feature's does (hostile review 79).
      if (cad_finding && !finding_kind_for(target.code)) note_finding_code_meaning(target, finding);
      std::string text = "the cluster at " + cluster.position + " is inferred from item " +
                         target.position + " " + describe(target.concept_name);
      if (target.value_type == ValueType::Code) text += " = " + describe(target.code);
      text += ", where its template puts individual calcifications; ";
      text += counts;
      finding.notes.push_back({WarningCode::UnknownCode, std::move(text), target.position});
    }
  }

  // TID 4006 / 4005 items that identify a CAD finding or say how to show it, not what it is: its
  // Rendering Intent (not_for_presentation, rendering_intent_notes), algorithm (TID 4019) and
  // tracking identifiers (TID 4108), a composite feature's type and scope; and the findings it is
  // made of, each read as one.
  static bool identifies_cad_finding(const ContentItem& item) {
    static constexpr std::array<CodeConst, 9> kIdentifying{{
        codes::kRenderingIntent,
        {"111001", "DCM", "Algorithm Name"},
        {"111003", "DCM", "Algorithm Version"},
        {"111002", "DCM", "Algorithm Parameters"},
        {"111000", "DCM", "Algorithm Family"},
        {"112039", "DCM", "Tracking Identifier"},
        {"112040", "DCM", "Tracking Unique Identifier"},
        {"111016", "DCM", "Composite type"},
        {"111057", "DCM", "Scope of Feature"},
    }};
    return is_one_of(item, kIdentifying) || is_code_item(item, codes::kSingleImageFinding) ||
           is_code_item(item, kCompositeFeature);
  }

  // A Rendering Intent outside CID 6034 (a DCM code in another scheme, a local code) cannot say
  // whether the CAD meant the finding to be shown: it is shown, and said.
  static void note_rendering_intent(const ContentItem& holder, Finding& finding) {
    static constexpr std::array<CodeConst, 3> kCid6034{{
        {"111150", "DCM", "Presentation Required"},
        {"111151", "DCM", "Presentation Optional"},
        codes::kNotForPresentation,
    }};
    std::vector<const ContentItem*> intents;
    for (const auto& intent : holder.children) {
      if (is_concept(intent, codes::kRenderingIntent)) intents.push_back(&intent);
    }
    const bool disputed = std::any_of(intents.begin(), intents.end(), [&](const ContentItem* each) {
      return !same_concept(each->code, intents.front()->code);
    });
    if (disputed) {
      std::string given;
      for (const ContentItem* intent : intents) {
        given +=
            (given.empty() ? "" : ", ") + describe(intent->code) + " (" + intent->position + ")";
      }
      finding.notes.push_back({WarningCode::ConflictingValues,
                               "the rendering intent of " + holder.position + " is given " +
                                   std::to_string(intents.size()) + " times: " + given +
                                   "; the finding at " + finding.position + " is shown",
                               holder.position});
    }
    for (const auto& intent : holder.children) {
      if (!is_concept(intent, codes::kRenderingIntent)) continue;
      const bool known = std::any_of(kCid6034.begin(), kCid6034.end(), [&](const CodeConst& code) {
        return same_concept(intent.code, code);
      });
      if (known) continue;
      finding.notes.push_back({WarningCode::UnknownCode,
                               "item " + intent.position + " " + describe(intent.concept_name) +
                                   " = " + describe(intent.code) +
                                   " is not in CID 6034: whether the CAD meant the finding at " +
                                   finding.position +
                                   " to be shown cannot be told; it is shown, not read as Not "
                                   "for Presentation",
                               intent.position});
    }
  }

  Finding read_single(const ContentItem& item, const ContentItem* impression, Origin origin,
                      CadFinding role = CadFinding::Calcifications) {
    Finding finding;
    finding.position = item.position;
    finding.origin = origin;
    finding.mass_with_calcifications =
        finding_item_kind(item) == FindingItemKind::MassWithCalcifications;
    // Its finding code, or that of the composite feature it is part of, may name a distortion or
    // an asymmetry (C15, C16, W19) or a mass (C11), as a TID 4206 finding code does (H28-4).
    const auto composite = composite_of_.find(item.position);
    if (const auto lesion = lesion_for(item.code)) {
      finding.lesion = Coded<Lesion>{*lesion, item.code, item.position};
    } else if (composite != composite_of_.end()) {
      const ContentItem& feature = *composite->second;
      if (const auto composite_lesion = lesion_for(feature.code)) {
        finding.lesion = Coded<Lesion>{*composite_lesion, feature.code, feature.position};
      } else if (finding_kind_for(feature.code) == FindingKind::Mass) {
        finding.mass_with_calcifications = true;
      }
    }
    // A calcification finding's codes are read as a TID 4206 finding's; those of a finding the
    // rules do not assess are said where it is collected.
    if (role == CadFinding::Calcifications) {
      read_calcification_finding_code(item, context_group_of(item), finding);
      if (composite != composite_of_.end()) read_composite_code(*composite->second, finding);
    }
    // Every item of the finding, of its impression and of its member calcifications counts, as
    // in a TID 4206 finding (W10): what is not read is said (a Probability of cancer, a
    // Certainty of Finding, a measurement), never dropped (hostile review 26, H26-7).
    std::set<std::string> consumed;
    FindingReader reader(finding, &consumed);
    // add_types reads the Calcification Types (of the members too); what they hold is read below.
    reader.pass_over(identifies_cad_finding, [](const ContentItem& child) {
      return is_code_item(child, codes::kCalcificationType);
    });
    reader.reading_finding_at(item.position);
    const std::vector<const ContentItem*> members =
        origin == Origin::CadCluster ? members_of(item) : std::vector<const ContentItem*>{};
    for (const ContentItem* member : members) {
      for (const auto& child : member->children) {
        const ContentItem& target = resolve(child);
        if (is_code_item(target, codes::kCalcificationType)) consumed.insert(target.position);
      }
    }
    reader.read_items_of(item);
    hold_nested_findings(item, reader, finding);
    add_types(item, origin == Origin::CadIndividual, finding);
    note_rendering_intent(item, finding);
    if (origin == Origin::CadCluster) {
      std::set<std::string> visited{item.position};
      note_other_inferences(item, visited, finding);
    }
    for (const ContentItem* member : members) {
      reader.read_below(*member);  // the cluster's wherever they hang, and said
      hold_nested_findings(*member, reader, finding);
      note_rendering_intent(*member, finding);
    }
    if (impression != nullptr) {
      // TID 4002 in the Individual Impression/Recommendation: the CAD's assessment of it.
      reader.read_items_of(*impression);
      note_rendering_intent(*impression, finding);
    }
    // The images the CAD found it on name its breast too: a Laterality item that says
    // otherwise is a conflict, not a choice.
    for (const ImageSide& on_image : lateralities_from_images(item)) {
      reader.add_laterality(on_image.laterality, on_image.position, LateralitySource::Images);
    }
    reader.finish(ReportedSource::CadImpression);
    read_.insert(consumed.begin(), consumed.end());
    return finding;
  }

  // A Finding item (121071, DCM) anywhere in a CAD finding, which TID 4006 does not put there:
  // the finding holds it as a TID 4206 finding does (C15, C16, C11; W10), and what hangs below
  // it is the finding's too (hostile review 28, H28-3). The CAD findings it holds are read as
  // their own.
  void hold_nested_findings(const ContentItem& holder, FindingReader& reader,
                            Finding& finding) const {
    for (const auto& child : holder.children) {
      if (child.value_type == ValueType::ByReference || identifies_cad_finding(child)) continue;
      if (is_code_item(child, codes::kFinding)) {
        hold_nested_finding_item(child, finding);
        reader.read_below(child);
      }
      hold_nested_findings(child, reader, finding);
    }
  }

  // A CAD finding that is no calcification finding (a mass, a distortion or an asymmetry without
  // calcification descriptors, a finding of unknown code): every item of it and of its
  // Individual Impression/Recommendation is read as a calcification finding's are (read_single),
  // and what it says counts for the breast of its images and the exam as a TID 4206 finding's
  // (E15, E8): a Probability of cancer, a malignant Pathology, a category whose meaning names
  // another, a fine pleomorphic Associated morphology are never dropped (hostile review 29,
  // H29-1, H29-2, H29-4).
  void read_other_finding(const ContentItem& item, const ContentItem* impression, Findings& out) {
    if (read_.count(item.position) != 0) return;  // part of a calcification finding read
    // One without its own Rendering Intent follows the Composite Feature it is part of.
    const auto composite = composite_of_.find(item.position);
    const bool hidden_with_composite = first_child(item, codes::kRenderingIntent) == nullptr &&
                                       composite != composite_of_.end() &&
                                       not_for_presentation(*composite->second);
    if (hidden_with_composite || hidden(item, impression)) {
      ++out.skipped_not_for_presentation;
      out.notes.push_back({WarningCode::NotForPresentation,
                           "CAD finding " + describe(item.code) +
                               " skipped: its Rendering Intent is Not for Presentation (111152, "
                               "DCM)",
                           item.position});
      // The CAD findings it is made of follow their own Rendering Intent (hostile review 30,
      // H30-5), as the members of a hidden cluster do.
      mark_own_items(item);
      return;
    }
    // Read as a calcification finding is (read_single); an impression that holds a calcification
    // finding too was read with that one.
    const bool impression_read =
        impression != nullptr &&
        std::any_of(impression->children.begin(), impression->children.end(),
                    [&](const ContentItem& child) { return read_.count(child.position) != 0; });
    const ContentItem* own_impression = impression_read ? nullptr : impression;
    Finding read = read_single(item, own_impression, Origin::CadIndividual, CadFinding::Unassessed);
    mark_own_items(item);
    const Laterality laterality = read.laterality;
    add_unassessed(item, own_impression, std::move(read), laterality, SizesInTemplate::No,
                   WithoutCategory::CadDetection, out);
  }

  // Marks `holder` and what hangs below it read, but the CAD findings it holds: each of them is
  // read as its own (a Composite Feature's Single Image Findings).
  void mark_own_items(const ContentItem& holder) {
    read_.insert(holder.position);
    for (const ContentItem& child : holder.children) {
      if (!is_code_item(child, codes::kSingleImageFinding) &&
          !is_code_item(child, kCompositeFeature)) {
        mark_own_items(child);
      }
    }
  }

  // TID 4000's own items besides the findings: the summaries of the algorithms (TID 4015-4018)
  // and what identifies them, and the language of the report.
  static bool is_cad_structure(const ContentItem& item) {
    static constexpr std::array<CodeConst, 6> kStructure{{
        codes::kCadSummary,
        codes::kSummaryOfDetections,
        codes::kSummaryOfAnalyses,
        codes::kDetectionPerformed,
        codes::kAnalysisPerformed,
        {"121049", "DCM", "Language of Content Item and Descendants"},
    }};
    return is_one_of(item, kStructure) || identifies_cad_finding(item);
  }

  // Every item outside the CAD findings that no reader took (on the CAD Processing and Findings
  // Summary, at the root, in an Individual Impression/Recommendation of no calcification
  // finding): no finding holds it, so the exam needs review (E8; hostile review 28, H28-2).
  void note_items_outside_findings(const ContentItem& item, Findings& out) const {
    for (const auto& child : item.children) {
      const bool context = child.relationship == Relationship::HasObsContext ||
                           child.relationship == Relationship::HasAcqContext;
      if (context || is_reference(child)) continue;
      if (read_.count(child.position) == 0 && child.value_type != ValueType::Container &&
          !is_cad_structure(child)) {
        note_unread_in_section(child, item, out.notes);
      }
      note_items_outside_findings(child, out);
    }
  }

  // The breasts a cluster is given: its own, then every member's images. Agreeing, the members
  // add nothing (or name the breast the cluster does not); disagreeing, none is chosen and the
  // conflict is said (W9; hostile review 73: a cluster marked on the right image whose members
  // all lay on the left image went to a right biopsy unreviewed).
  void give_cluster_its_breast(const std::vector<const ContentItem*>& members,
                               Finding& finding) const {
    ValueConflict given{FindingField::Laterality, {}};
    if (finding.laterality != Laterality::Unknown) {
      given.given.push_back(
          {std::string(to_string(finding.laterality)), finding.laterality_position});
    }
    std::optional<ImageSide> member_side;  // the first a member's image gives
    for (const ContentItem* member : members) {
      for (const ImageSide& side : lateralities_from_images(*member)) {
        const std::string words(to_string(side.laterality));
        const bool said =
            std::any_of(given.given.begin(), given.given.end(), [&](const GivenValue& value) {
              // Members on one image give it once.
              return value.words == words && value.position == side.position;
            });
        if (!said) given.given.push_back({words, side.position});
        if (!member_side) member_side = side;
      }
    }
    if (finding.laterality_source == LateralitySource::Conflicting || given.given.empty()) return;
    const bool one_breast = std::all_of(
        given.given.begin(), given.given.end(),
        [&](const GivenValue& value) { return value.words == given.given.front().words; });
    if (!one_breast) {
      finding.laterality = Laterality::Unknown;
      finding.laterality_source = LateralitySource::Conflicting;
      finding.conflicts.push_back(std::move(given));
    } else if (finding.laterality == Laterality::Unknown && member_side) {
      finding.laterality = member_side->laterality;
      finding.laterality_source = LateralitySource::Images;
      finding.laterality_position = member_side->position;
    }
  }

  Finding read_cluster(const ContentItem& item, const ContentItem* impression) {
    Finding finding = read_single(item, impression, Origin::CadCluster);
    const std::vector<const ContentItem*> members = members_of(item);
    for (const ContentItem* member : members) {
      finding.member_positions.push_back(member->position);
      // A member's calcification types describe the cluster too.
      add_types(*member, true, finding);
    }
    give_cluster_its_breast(members, finding);
    const int member_count = static_cast<int>(members.size());
    if (!finding.count && member_count > 0) finding.count = member_count;
    if (!finding.distribution) {
      // decision-logic.md §1: a CAD cluster implies a grouped distribution.
      const CodeConst grouped = code_of(Distribution::Grouped);
      finding.distribution = Coded<Distribution>{Distribution::Grouped, grouped.to_code(), ""};
      finding.distribution_implied = true;
    }
    return finding;
  }

  ItemsByPosition by_position_;
  std::vector<const ContentItem*> references_;  // the by-reference items, in document order
  std::set<std::string> consumed_;  // the CAD summary's items (the reader needs the set)
  std::set<std::string> read_;      // every item a reader took or said, with what it holds
  // CAD findings the calcification rules do not assess, each with its impression.
  std::vector<std::pair<const ContentItem*, const ContentItem*>> others_;
  std::map<std::string, const ContentItem*> composite_of_;  // a finding → its composite feature
  bool summary_seen_ = false;   // a CAD Processing and Findings Summary code item was read
  bool with_findings_ = false;  // … saying "All algorithms succeeded; with findings"
  const ContentItem* without_findings_ = nullptr;  // … saying "without findings"
  int cad_findings_seen_ = 0;                      // Single Image Findings and Composite Features
  std::map<std::string, ImageSides> image_laterality_by_position_;
  std::map<std::string, ImageSides> image_laterality_by_sop_;
};

ReportTemplate template_of(const SrDocument& document) {
  const Code& root = document.root.concept_name;
  if (same_concept(root, codes::kBreastImagingReport))
    return ReportTemplate::BreastImagingReport4200;
  if (same_concept(root, codes::kMammographyCadReport)) return ReportTemplate::MammographyCad4000;
  const auto& header = document.header;
  if (header.mapping_resource == "DCMR" && header.template_id == "4200") {
    return ReportTemplate::BreastImagingReport4200;
  }
  if (header.mapping_resource == "DCMR" && header.template_id == "4000") {
    return ReportTemplate::MammographyCad4000;
  }
  return ReportTemplate::Other;
}

// Patient's Age, or whole years from birth date to study date (both DICOM DA).
std::string patient_age(const SrHeader& header) {
  if (!header.patient_age.empty()) return header.patient_age;
  const auto& birth = header.patient_birth_date;
  const auto& study = header.study_date;
  const auto digits = [](const std::string& s) {
    return s.size() == 8 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(birth) || !digits(study)) return {};
  int years = std::stoi(study.substr(0, 4)) - std::stoi(birth.substr(0, 4));
  if (study.substr(4) < birth.substr(4)) --years;
  if (years < 0 || years > 150) return {};
  std::string text = std::to_string(years);
  return std::string(3 - std::min<std::size_t>(3, text.size()), '0') + text + "Y";
}

// Two overall categories for the same breast (or two for the whole exam) that differ.
std::vector<ValueConflict> overall_conflicts(const std::vector<OverallStatement>& statements) {
  std::vector<ValueConflict> conflicts;
  for (const Laterality breast :
       {Laterality::Unknown, Laterality::Right, Laterality::Left, Laterality::Both}) {
    ValueConflict conflict{FindingField::ReportedCategory, {}};
    for (const auto& statement : statements) {
      if (statement.category && statement.laterality == breast) {
        conflict.given.push_back({category_words(*statement.category), statement.position});
      }
    }
    const bool different =
        std::any_of(conflict.given.begin(), conflict.given.end(),
                    [&](const GivenValue& g) { return g.words != conflict.given.front().words; });
    if (different) conflicts.push_back(std::move(conflict));
  }
  return conflicts;
}

// The report's overall statements (decision-logic.md §1 precedence: the finding's own category
// wins; "an overall assessment that carries a Laterality modifier speaks for that breast only").
// A finding that is the only one a statement can be about takes its category (and follow-ups)
// when it has none of its own; every finding keeps the statements that may be about it, for the
// checks that weigh them once every finding is decided.
// The report's overall category, follow-ups and conflicts, from its overall statements.
void summarise_overall(Findings& out) {
  out.overall_conflicts = overall_conflicts(out.overall_statements);
  out.overall_category.reset();
  out.overall_follow_up.clear();
  for (const auto& statement : out.overall_statements) {
    if (statement.category) {
      out.overall_category = out.overall_category
                                 ? more_suspicious(*out.overall_category, *statement.category)
                                 : *statement.category;
    }
    for (const StatedFollowUp& stated : statement.follow_up) {
      out.overall_follow_up.push_back(stated.code);
    }
  }
}

// Offers every overall statement to the findings of its breast (from `first` on): each keeps
// those that speak for it, and the only finding of a breast takes their category and follow-up
// where it has none of its own (R1 then judges them).
void offer_overall(Findings& out, std::size_t first) {
  const std::vector<OverallStatement>& statements = out.overall_statements;
  for (std::size_t i = first; i < out.findings.size(); ++i) {
    Finding& finding = out.findings[i];
    // Words of the text that assess the finding ("suspicious": 4) are a floor, not a category
    // stated for it: a stated category at least as suspicious ("BI-RADS 4B") replaces them, a
    // lower one is weighed against them as any other.
    const bool words_only = finding.reported_category_source == ReportedSource::Narrative;
    const bool has_own = finding.reported_category.has_value() && !words_only;
    const Category own = finding.reported_category.value_or(Category::Incomplete0);
    const bool own_follow_up = !finding.reported_follow_up.empty();
    std::vector<Given<Category>> taken;  // overall categories it is the only finding for
    bool took_some = false;
    bool left_some = false;  // a category it is the only finding for, differing from its own
    for (std::size_t index = 0; index < statements.size(); ++index) {
      const OverallStatement& statement = statements[index];
      if (!speaks_for(statement.laterality, finding.laterality)) continue;
      finding.overall_statement_indices.push_back(index);
      // A distortion or asymmetry the text names is another finding it may be about (hostile
      // review 29, H29-9: the report's 4 for a left distortion sent right calcifications to
      // biopsy).
      const bool only_finding =
          std::none_of(out.findings.begin(), out.findings.end(),
                       [&](const Finding& other) {
                         return &other != &finding &&
                                speaks_for(statement.laterality, other.laterality);
                       }) &&
          std::none_of(out.unassessed_findings.begin(), out.unassessed_findings.end(),
                       [&](const UnassessedFinding& other) {
                         return other.from_text &&
                                speaks_for(statement.laterality, other.laterality);
                       });
      if (!only_finding) continue;
      if (statement.category && !has_own) {
        taken.push_back(
            {*statement.category, {category_words(*statement.category), statement.position}});
        took_some = true;
      } else if (statement.category) {
        // The same category as the finding's own says nothing more; another one is weighed.
        (*statement.category == own ? took_some : left_some) = true;
      }
      if (!own_follow_up) {
        for (const StatedFollowUp& stated : statement.follow_up) {
          finding.reported_follow_up.push_back(stated.code);
        }
      }
    }
    if (words_only) {
      // Taken only where no taken category is below the words: "BI-RADS 3" about calcifications
      // the text calls suspicious is weighed (left), never a lowering.
      const bool below = std::any_of(taken.begin(), taken.end(), [&](const Given<Category>& given) {
        return category_rank(given.value) < category_rank(own);
      });
      if (below || taken.empty()) {
        left_some = left_some || below;
        taken.clear();
      }
    }
    if (!has_own) settle_reported_category(finding, taken, ReportedSource::Overall);
    finding.took_overall_category = took_some && !left_some;
  }
}

// A report's finding the rules do not assess with no category of its own (awaits_overall): the
// report's overall assessment of its breast speaks for it; with none, nothing assesses it, and
// its breast and the exam are 0 unless 4 or above (E15).
void ask_overall_assessment(Findings& out) {
  auto& unassessed = out.unassessed_findings;
  for (UnassessedFinding& finding : unassessed) {
    if (!finding.awaits_overall || finding.category) continue;
    const bool assessed = std::any_of(out.overall_statements.begin(), out.overall_statements.end(),
                                      [&](const OverallStatement& statement) {
                                        return statement.category &&
                                               speaks_for(statement.laterality, finding.laterality);
                                      });
    if (!assessed) {
      finding.not_weighed.push_back(
          "no category of its own, and no overall assessment of its breast");
    }
  }
  unassessed.erase(std::remove_if(unassessed.begin(), unassessed.end(),
                                  [](const UnassessedFinding& finding) {
                                    return !finding.category && finding.not_weighed.empty();
                                  }),
                   unassessed.end());
}

void apply_overall(const OverallReading& overall, Findings& out) {
  out.overall_statements = overall.statements;
  for (const auto& note : overall.notes) out.notes.push_back(note);
  summarise_overall(out);
  offer_overall(out, 0);
  ask_overall_assessment(out);
}

}  // namespace

namespace {

// The number of items in the subtree at `item`, counting up to `limit` at most.
std::size_t subtree_size(const ContentItem& item, std::size_t limit) {
  std::size_t size = 1;
  for (const ContentItem& child : item.children) {
    if (size >= limit) break;
    size += subtree_size(child, limit - size);
  }
  return size;
}

// Each by-reference item that names a value (a code, a number, text, a small container) stands
// for a copy of its target, so that the finding holds that value as if given by value. Copies
// are bounded: a target of more items than kLargestCopy is said, not copied (many references to a
// large container would multiply the tree).
void resolve_references(ContentItem& item, const ItemsByPosition& items,
                        std::vector<ReaderNote>& notes) {
  constexpr std::size_t kLargestCopy = 64;
  for (ContentItem& child : item.children) {
    if (child.value_type != ValueType::ByReference) {
      resolve_references(child, items, notes);
      continue;
    }
    if (std::optional<std::string> why = unreadable_reference(child, items)) {
      notes.push_back({WarningCode::ContentSkipped, std::move(*why), child.position});
      continue;
    }
    const ContentItem& target = *items.at(child.referenced_position);
    if (is_reference(target)) continue;  // an image, a coordinate: evidence, as before
    if (subtree_size(target, kLargestCopy + 1) > kLargestCopy) {
      notes.push_back({WarningCode::ContentSkipped,
                       "the by-reference item at " + child.position + " points at " +
                           child.referenced_position + ", which holds more than " +
                           std::to_string(kLargestCopy) + " items: what it refers to is not read",
                       child.position});
      continue;
    }
    const Relationship relationship = child.relationship;
    child = target;  // its own by-reference items stay as they are: no loop
    child.relationship = relationship;
    child.copied_by_reference = true;
  }
}

// By-reference items (TID 4200 lets a finding's property point at an item elsewhere: "has
// properties 1.2.2.2.3") of a breast imaging report: each stands for its target, read as given by
// value (resolve_references), in a copy of the tree made only when it holds any (hostile review
// 71: a fine pleomorphic type by reference left its finding "BI-RADS 2 benign", and dangling ones
// vanished). The CAD reader resolves its own.
const ContentItem& root_with_references_resolved(const ContentItem& root, ContentItem& copy,
                                                 std::vector<ReaderNote>& notes) {
  ItemsByPosition items;
  bool any = false;
  walk_tree(root, [&](const ContentItem& item, const ContentItem*) {
    items.emplace(item.position, &item);
    any = any || item.value_type == ValueType::ByReference;
  });
  if (!any) return root;
  copy = root;
  resolve_references(copy, items, notes);  // the targets are the original's items
  return copy;
}

}  // namespace

Findings extract_findings(const SrDocument& document, const std::string& name,
                          bool text_about_breast_imaging) {
  Findings out;
  const SrHeader& header = document.header;
  // Field by field, by name: a field added to SourceInfo cannot shift the others (review 40,
  // R40-20).
  SourceInfo& source = out.source;
  source.file = name;
  source.sop_class_uid = header.sop_class_uid;
  source.sop_instance_uid = header.sop_instance_uid;
  source.study_instance_uid = header.study_instance_uid;
  source.accession_number = header.accession_number;
  source.study_date = header.study_date;
  source.report_template = template_of(document);
  source.series_instance_uid = header.series_instance_uid;
  source.study_time = header.study_time;
  source.content_date = header.content_date;
  source.content_time = header.content_time;
  source.evidence = header.evidence;
  source.study_id = header.study_id;
  source.study_description = header.study_description;
  source.referring_physician_name = header.referring_physician_name;
  source.written_by_mammocalc = is_written_by_mammocalc(document);
  source.completion_flag = header.completion_flag;
  source.completion_flag_description = header.completion_flag_description;
  source.preliminary_flag = header.preliminary_flag;
  out.patient =
      PatientInfo{header.patient_id,   header.patient_name,       header.patient_sex,
                  patient_age(header), header.patient_birth_date, header.issuer_of_patient_id};
  for (const auto& [code, text] : document.reader_warnings) {
    out.notes.push_back({code, text, ""});
  }
  OverallReading overall;
  if (out.source.report_template == ReportTemplate::MammographyCad4000) {
    CadReader(document.root).extract(document.root, out, overall);
  } else {
    ContentItem resolved;
    const ContentItem& root = root_with_references_resolved(document.root, resolved, out.notes);
    extract_report_findings(root, out, overall);
  }
  if (out.source.report_template == ReportTemplate::Other && out.findings.empty() &&
      !header_says_breast(document) && !text_about_breast_imaging) {
    // The root's code only: its meaning is free text a site may fill with the patient's name
    // (hostile review 93, m3), and this line goes to standard error and the batch index.
    const Code& root = document.root.concept_name;
    throw Error(ErrorCode::NotBreastImaging,
                name +
                    ": not a breast imaging report (no breast template, and neither its header "
                    "nor its text says breast imaging; root concept (" +
                    root.value + ", " + root.scheme + "))");
  }
  apply_overall(overall, out);
  walk_tree(document.root, [&](const ContentItem& item, const ContentItem*) {
    out.sr_items.emplace(item.position, item.concept_name);
  });
  return out;
}

void add_text_findings(Findings& out, std::vector<Finding> text_findings,
                       std::vector<OverallStatement> text_statements) {
  const std::size_t first = out.findings.size();
  for (Finding& finding : text_findings) out.findings.push_back(std::move(finding));
  if (!text_statements.empty()) {
    // A finding read before (coded) may rest on a category the text states too: it weighs it
    // (W11), and took no overall category alone any more (E3 then weighs the report's).
    const std::size_t first_statement = out.overall_statements.size();
    for (std::size_t i = 0; i < first; ++i) {
      Finding& finding = out.findings[i];
      for (std::size_t k = 0; k < text_statements.size(); ++k) {
        const OverallStatement& statement = text_statements[k];
        if (!speaks_for(statement.laterality, finding.laterality)) continue;
        // Its follow-up is weighed against the finding's recommendation too (a biopsy the text
        // recommends beside a benign coded finding).
        finding.overall_statement_indices.push_back(first_statement + k);
        if (statement.category && statement.category != finding.reported_category) {
          finding.took_overall_category = false;
        }
      }
    }
    for (OverallStatement& statement : text_statements) {
      out.overall_statements.push_back(std::move(statement));
    }
    summarise_overall(out);
  }
  offer_overall(out, first);
}

}  // namespace mammocalc
