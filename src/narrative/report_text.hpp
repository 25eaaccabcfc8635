#pragma once
// Report text as tokens, phrase matches, sentences and clauses: the layer under the narrative
// reader. One pass over the bytes makes the tokens; phrases are matched by an index keyed on
// their first word, so the cost stays linear in the length of the text (no regular expressions,
// no backtracking).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "findings/findings.hpp"

namespace mammocalc::narrative {

enum class TokenKind : std::uint8_t {
  Word,    // letters (Unicode NFKC case-folded, invisible characters dropped), "o'clock", "e.g"
  Number,  // "3", "2.5"
  Time,    // "10:30" (folded holds it as written)
  Punct,   // one ASCII punctuation character: . , ; : ! ? ( ) / and the like
};

// 32 bytes: a mebibyte of text is some 300,000 tokens, and on a virtual machine every page
// touched costs a fault. The folded word may be shorter or longer than the bytes it was read
// from ("ﬁ" is "fi", a soft hyphen is nothing), so the token keeps its own length in the text.
struct Token {
  std::string_view folded;   // lower case: a view into the folded copy tokenise() was given
  std::uint32_t begin = 0;   // byte offsets [begin, end()) into the item's text as stored
  std::uint32_t length = 0;  // bytes in the text, whatever the length of `folded`
  std::uint16_t newlines_before = 0;  // line breaks between the previous token and this one
  TokenKind kind = TokenKind::Word;
  bool gap_before : 1;    // whitespace or a dropped separator (hyphen, dash) precedes it
  bool capitalised : 1;   // a word whose first letter is upper case
  bool all_capitals : 1;  // a word with letters, all upper case
  // A lower-case word right after "-" and one line break that follows a word: the second half of
  // a word hyphenated at the end of a line ("calci-\nfications"); phrases may read the two as one.
  bool hyphen_break_before : 1;

  Token()
      : gap_before(false), capitalised(false), all_capitals(false), hyphen_break_before(false) {}
  std::size_t end() const { return static_cast<std::size_t>(begin) + length; }
};

// Splits text into tokens. Hyphens, dashes, bullets and quotes separate words and are dropped
// ("fine-pleomorphic" reads as "fine pleomorphic", "BI-RADS" as "bi rads"). Never fails: invalid
// UTF-8 and NUL bytes are read as word bytes or blanks. `folded` receives each token's text
// folded: words Unicode NFKC case-folded (ICU's NFKC_Casefold: "ﬁ" → "fi", fullwidth "ＣＡ" → "ca",
// "µ" → "μ"; soft hyphens and zero-width characters inside a word dropped; Turkish "İ" and "ı"
// read as "i"); numbers and punctuation as written. The tokens' views point into it, so it must
// outlive them unchanged; their offsets point into `text`.
std::vector<Token> tokenise(std::string_view text, std::string& folded);

// The kinds of wording the reader looks for (wordings.hpp, one per Wordings field).
enum class PhraseKind : std::uint8_t {
  Calcification,
  Morphology,
  Distribution,
  Site,
  Laterality,
  Quadrant,
  Region,
  Depth,
  Change,
  Assessment,
  Context,
  Heading,
  FollowUp,
  UltrasoundCorrelate,
  MassWithCalcifications,
  NotLaterality,
  Composition,
  BreastImaging,
  Breast,
  Abbreviation,
  CategoryWord,
  NotAssessment,
  Distortion,  // a lesion the calcifications are in (wordings: distortion, asymmetry)
  Asymmetry,
  DistortionCause,  // surgery, a scar or trauma at a distortion's site (wordings)
  Mass,             // a mass: another finding, in a sentence without calcifications
};

// One phrase found in the tokens: tokens [begin, end), its kind and the index of the wording in
// its Wordings vector.
struct PhraseMatch {
  std::uint32_t begin = 0;  // 16 bytes a match: token numbers fit 32 bits (tokenise caps the text)
  std::uint32_t end = 0;
  std::uint32_t wording = 0;
  PhraseKind kind = PhraseKind::Calcification;
};

// Phrases tokenised as the text is, indexed by their first word.
class PhraseIndex {
 public:
  // A phrase ending in '*' matches any word that starts with its last word; one word starting
  // with '*' any word that ends in it ("*kalk": "Restkalk"), with both any word that holds it
  // after its first letter ("*verkalkung*": "Restverkalkungen").
  void add(std::string_view phrase, PhraseKind kind, std::size_t wording);
  // Every phrase that matches at token `at`, appended to `out`.
  void match_at(const std::vector<Token>& tokens, std::size_t at,
                std::vector<PhraseMatch>& out) const;
  // Every match in the tokens, ordered by start token.
  std::vector<PhraseMatch> match_all(const std::vector<Token>& tokens) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    bool prefix_last = false;
    bool suffix_first = false;  // a leading '*': one word, matched inside or at the end of a word
    PhraseKind kind;
    std::size_t wording;
  };
  // The number of tokens the phrase covers at `at` (a word hyphenated across a line break is two
  // tokens for one phrase word), 0 when it does not match there.
  std::size_t matched_tokens(const Phrase& phrase, const std::vector<Token>& tokens,
                             std::size_t at) const;
  std::vector<Phrase> phrases_;
  std::deque<std::string> first_words_;  // the keys' storage: a deque never moves its elements
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_first_word_;
  std::vector<std::size_t> prefix_first_word_;  // single-word phrases ending in '*'
  std::vector<std::size_t> inside_word_;        // single-word phrases starting with '*'
};

// A sentence as token range [begin, end) of one item, with the section it stands in and the
// breast its heading names.
struct SentenceRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  ReportSection section = ReportSection::Unsectioned;
  Laterality heading_laterality = Laterality::Unknown;
  std::size_t heading_begin = 0;  // the breast heading's tokens when heading_laterality is set
  std::size_t heading_end = 0;
  // A breast named in a sentence of its own ("Left breast.") with no sentence after it to head:
  // the range is that sentence, which says nothing the reader can place.
  bool heads_nothing = false;
};

// A heading the splitter recognises: the section it opens and the breast it names (Unknown when
// it is not a per-breast heading).
struct HeadingMeaning {
  ReportSection section = ReportSection::Other;
  Laterality laterality = Laterality::Unknown;
};

// Splits one item's tokens into sentences. `heading_of` gives the meaning of a Heading match's
// wording index. Headings at the start of a line or sentence followed by ':' (or alone on a
// line, capitalised), and headings in capitals followed by ':' anywhere ("... COMPARISON: 2019
// FINDINGS: ..."), switch the section or the breast; they belong to no sentence. A priors
// (comparison) heading holds the line its first sentence ends on, or, where the next heading opens
// the findings, all the text up to it; an examination heading right after it ("Voraufnahmen:
// Mammographie: …") names the prior exam and does not end it. A sentence
// ends at . ! ? (not after an abbreviation, a list number or inside "2.5"; after a shortened
// calcification word such as "calc." only before a capitalised word), at a blank line, at a
// line break before a capitalised line unless the line ended with one of the `continuing` words
// ("and", "no"; the lexicon's continues-line words), and after at most kMaxSentenceTokens tokens.
// A breast named in a sentence of its own ("Left breast.", "Side: left.", "Seite links.", one of
// the `breast_nouns` before it) heads what follows as "Left breast:" does.
inline constexpr std::size_t kMaxSentenceTokens = 400;
std::vector<SentenceRange> split_sentences(const std::vector<Token>& tokens,
                                           const std::vector<PhraseMatch>& matches,
                                           const std::vector<HeadingMeaning>& heading_of,
                                           ReportSection item_section,
                                           const std::vector<std::string_view>& continuing,
                                           const std::vector<std::string_view>& breast_nouns = {});

// The bytes [begin, end) of text with every run of blanks and control characters made one
// space, as TextSentence::text documents.
std::string collapse_whitespace(std::string_view text);

// A number token's value (digits with an optional decimal part); -1 when it has none.
double number_value(const Token& token);

}  // namespace mammocalc::narrative
