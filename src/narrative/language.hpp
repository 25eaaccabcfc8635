#pragma once
// Which lexicon reads a report's text (issue 17 item 5): the language the SR states (Language of
// Content Item and Descendants, 121049 DCM, TID 1204), else the run's (--language, the site
// profile's), else English. A language with no lexicon is read with the run's and said so: a
// report read with another language's words would miss its findings.

#include <map>
#include <optional>
#include <string>

#include "base/codes.hpp"
#include "findings/sr_content.hpp"
#include "narrative/narrative_reader.hpp"

namespace mammocalc {

// The lexicons of a run, keyed by language (language_key: "en", "de"), and the language of
// reports that do not state theirs.
struct NarrativeLexicons {
  std::map<std::string, PreparedWordings> by_language;
  std::string default_language = "en";
};

// The language an SR states for its content: the 121049 (DCM) modifier of the root, else of the
// first content item in document order that has one. Matched on (value, scheme), never on meaning.
std::optional<Code> stated_language(const SrDocument& document);

// The key of the lexicon a language code names: RFC5646 (also its predecessors IETF4646 and
// RFC3066) and ISO639_1 codes by their primary subtag; any other scheme (ISO639_2 "deu", "ger")
// by the lexicons' languageCode wordings, as is a tag whose primary subtag is an ISO639_2 code
// ("deu"). Empty when no lexicon has it.
std::string lexicon_for_code(const Code& code, const NarrativeLexicons& lexicons);

struct LexiconChoice {
  const PreparedWordings* wordings = nullptr;  // null when the run has no lexicons
  std::string language;                        // the key of the lexicon used
  // Set when the report states a language no lexicon has: one line for the summary's warning.
  std::optional<std::string> warning;
};

// The lexicon for one report. The default language must be one of the lexicons (load_evaluation
// checks it).
LexiconChoice choose_lexicon(const SrDocument& document, const NarrativeLexicons& lexicons);

// Text in which the lexicon it was read with (`read_as`) found no calcification mention and no
// other finding (the caller asks), but another lexicon reads things in sentences
// of its language, whose words it knows more of (German text in an SR that states English, or
// states nothing): one line saying so, for the summary's unresolved note; none when no other
// lexicon reads any.
std::optional<std::string> text_of_another_language(const SrDocument& document,
                                                    const NarrativeLexicons& lexicons,
                                                    const std::string& read_as);

}  // namespace mammocalc
