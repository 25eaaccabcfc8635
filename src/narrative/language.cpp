#include "narrative/language.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "narrative/reader_parts.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc {
namespace {

// Language of Content Item and Descendants (PS3.16, TID 1204).
constexpr std::string_view kLanguageValue = "121049";
constexpr std::string_view kLanguageScheme = "DCM";

bool names_language(const ContentItem& item) {
  return item.relationship == Relationship::HasConceptMod && item.value_type == ValueType::Code &&
         item.concept_name.value == kLanguageValue && item.concept_name.scheme == kLanguageScheme &&
         !item.code.value.empty();
}

// The item's own modifier first, then its children's, in document order.
const ContentItem* first_language(const ContentItem& item) {
  const auto own = std::find_if(item.children.begin(), item.children.end(), names_language);
  if (own != item.children.end()) return &*own;
  const ContentItem* found = nullptr;
  const auto holder =
      std::find_if(item.children.begin(), item.children.end(), [&found](const ContentItem& child) {
        found = first_language(child);
        return found != nullptr;
      });
  return holder == item.children.end() ? nullptr : found;
}

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<Code> stated_language(const SrDocument& document) {
  if (const ContentItem* item = first_language(document.root)) return item->code;
  return std::nullopt;
}

std::string lexicon_for_code(const Code& code, const NarrativeLexicons& lexicons) {
  const std::string& scheme = code.scheme;
  const bool tag = scheme == "RFC5646" || scheme == "IETF4646" || scheme == "RFC3066";
  if (tag || scheme == "ISO639_1") {
    std::string key = language_key(code.value);
    if (lexicons.by_language.count(key) != 0) return key;
  }
  // A tag whose primary subtag is the three-letter ISO 639-2 code ("deu", as DCMTK's CID 5000
  // lists German) names the language as plainly as "de" does.
  const std::string value = tag ? language_key(code.value) : code.value;
  for (const auto& [key, prepared] : lexicons.by_language) {
    if (!prepared.wordings) continue;
    for (const LanguageCodeWording& named : prepared.wordings->language_codes) {
      const bool scheme_fits = named.scheme == scheme || (tag && named.scheme == "ISO639_2");
      if (scheme_fits && same_letters(named.value, value)) return key;
    }
  }
  return {};
}

LexiconChoice choose_lexicon(const SrDocument& document, const NarrativeLexicons& lexicons) {
  LexiconChoice choice;
  const auto by_default = lexicons.by_language.find(lexicons.default_language);
  if (by_default == lexicons.by_language.end()) return choice;
  choice.wordings = &by_default->second;
  choice.language = by_default->first;
  const std::optional<Code> stated = stated_language(document);
  if (!stated) return choice;
  const std::string key = lexicon_for_code(*stated, lexicons);
  if (key.empty()) {
    std::string known;
    for (const auto& [language, prepared] : lexicons.by_language) {
      known += (known.empty() ? "" : ", ") + language;
    }
    choice.warning = "the report states its language as (" + stated->value + ", " + stated->scheme +
                     ", \"" + stated->meaning + "\"), for which mammocalc has " + "no lexicon (" +
                     known + "): its text was read with the " + choice.language +
                     " lexicon, and calcifications written in another language may be missed";
    return choice;
  }
  choice.wordings = &lexicons.by_language.at(key);
  choice.language = key;
  return choice;
}

std::optional<std::string> text_of_another_language(const SrDocument& document,
                                                    const NarrativeLexicons& lexicons,
                                                    const std::string& read_as) {
  const auto own = lexicons.by_language.find(read_as);
  const std::optional<KnownWords> known_here =
      own == lexicons.by_language.end() ? std::nullopt
                                        : std::optional<KnownWords>(std::in_place, own->second);
  // Named, not bound: a lambda may not capture a structured binding in C++17.
  for (const auto& entry : lexicons.by_language) {
    const std::string& language = entry.first;
    const PreparedWordings& wordings = entry.second;
    if (language == read_as) continue;
    const NarrativeReading other = read_narrative(document, wordings);
    const KnownWords known_there(wordings);
    // Calcifications, or anything else it reads: another finding, a category or follow-up, a
    // note (hostile review 46, H46-2: German text naming a suspicious mass and a biopsy, in an SR
    // that states English, was dropped without a word). Each only where its sentence is of that
    // language: the other lexicon knows more of its words. English text a German lexicon reads a
    // finding in ("No palpable abnormality": "palpable" alone, the denial unread) is English
    // (hostile review 69).
    std::map<std::string, bool> of_that_language;  // by sentence
    const auto counts = [&](const std::string& sentence) {
      const auto known = of_that_language.find(sentence);
      if (known != of_that_language.end()) return known->second;
      const bool more = !known_here || known_there.count(sentence) > known_here->count(sentence);
      of_that_language.emplace(sentence, more);
      return more;
    };
    std::string quote;
    std::size_t things = 0;
    // Each sentence once: a suspicion may be a mention and a finding at once.
    std::set<std::string> weighed;
    const auto weigh = [&](const std::string& sentence) {
      if (!counts(sentence) || !weighed.insert(sentence).second) return;
      ++things;
      if (quote.empty()) quote = sentence;
    };
    for (const TextMention& mention : other.mentions) weigh(mention.sentence.text);
    // A suspicion of no calcification word is a finding with no mention ("Links:
    // malignomsuspekt."; hostile review 68).
    for (const Finding& finding : other.findings) {
      for (const TextSentence& sentence : finding.text_sentences) weigh(sentence.text);
    }
    for (const UnassessedFinding& lesion : other.other_lesions) weigh(lesion.quote);
    for (const OverallStatement& assessment : other.assessments) weigh(assessment.quote);
    for (const NarrativeReading::BreastStatement& said : other.breast_statements) weigh(said.quote);
    // What it notes holds no sentence of its own ("Histologie ausstehend.", "Eingeschränkt
    // beurteilbar."; hostile review 68): counted where that lexicon knows more words of the whole
    // text, never of text of the report's language (review 47, R47-3: a lexicon's doubts about
    // text of another language say nothing of it).
    if (things == 0 && !other.notes.empty() && known_here) {
      std::size_t words_there = 0;
      std::size_t words_here = 0;
      for (const narrative::reading::TextItem& text : narrative::reading::text_items_of(document)) {
        words_there += known_there.count(text.item->text);
        words_here += known_here->count(text.item->text);
      }
      if (words_there > words_here) {
        things = other.notes.size();
        quote = other.notes.front().text;
      }
    }
    // What both lexicons know alike ("BI-RADS 2") says nothing: it was weighed out above.
    if (things == 0) continue;
    std::string said = "the report text reads as ";
    said += language;
    said += ": ";
    said += std::to_string(things);
    said += " calcification mention(s), other findings or statements in that lexicon (\"";
    said += quote;
    said += "\"), none in the ";
    said += read_as;
    said +=
        " lexicon it was read with; what it says was not read: check it against the "
        "report (--language ";
    said += language;
    said += " reads an SR that states no language)";
    return said;
  }
  return std::nullopt;
}

}  // namespace mammocalc
