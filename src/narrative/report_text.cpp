#include "narrative/report_text.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace mammocalc::narrative {

namespace {

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The case of a word's letters, for headings and the capitalised line starts.
struct Case {
  bool first_upper = false;
  bool any_upper = false;
  bool any_lower = false;
};

// Appends `word` folded to `out` and says the case of its letters. ASCII words are lower-cased
// byte by byte. Any other word goes through ICU's NFKC_Casefold, which knows every Unicode
// compatibility form (ligatures, fullwidth and circled letters, "µ" as "μ") and drops the default
// ignorables (soft hyphen, zero-width space and joiners, U+FEFF) — a table no hand-written list
// keeps complete. Turkish "İ" and "ı" are read as "i" first: case folding keeps them apart from
// "i" (İ folds to "i" with a combining dot), and all-capitals text typed on a Turkish keyboard
// writes "CALCİFİCATİONS". Invalid UTF-8 is left as it is (folded byte by byte).
Case fold_word(std::string_view word, bool ascii, std::string& out) {
  Case letters;
  if (ascii) {
    for (char c : word) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 'A' && byte <= 'Z') letters.any_upper = true;
      if (byte >= 'a' && byte <= 'z') letters.any_lower = true;
      out.push_back(fold(c));
    }
    letters.first_upper = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
    return letters;
  }
  std::string dotless;  // the word with Turkish İ and ı as plain "i"
  dotless.reserve(word.size());
  bool first = true;
  bool valid = word.size() <= static_cast<std::size_t>(INT32_MAX);  // ICU counts in int32_t
  if (!valid) dotless.assign(word);
  const std::int32_t size = valid ? static_cast<std::int32_t>(word.size()) : 0;
  for (std::int32_t at = 0; at < size;) {
    const std::int32_t from = at;
    UChar32 point = 0;
    U8_NEXT(word.data(), at, size, point);
    if (point < 0) {
      valid = false;
      dotless.append(
          word.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(at - from)));
      continue;
    }
    if (u_isupper(point) != 0) letters.any_upper = true;
    if (u_islower(point) != 0) letters.any_lower = true;
    if (first && u_isalpha(point) != 0) {
      letters.first_upper = u_isupper(point) != 0;
      first = false;
    }
    if (point == 0x130 || point == 0x131) {
      dotless.push_back('i');
    } else {
      dotless.append(
          word.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(at - from)));
    }
  }
  // ICU's instance is a process-wide singleton; asked for once, not for every word.
  static UErrorCode instance_status = U_ZERO_ERROR;
  static const icu::Normalizer2* const normalizer =
      icu::Normalizer2::getNFKCCasefoldInstance(instance_status);
  UErrorCode status = instance_status;
  if (valid && U_SUCCESS(status)) {
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(dotless.size()));
    normalizer->normalizeUTF8(
        0, icu::StringPiece(dotless.data(), static_cast<int32_t>(dotless.size())), sink, nullptr,
        status);
    if (U_SUCCESS(status)) {
      out.append(normalized);
      return letters;
    }
  }
  std::transform(dotless.begin(), dotless.end(), std::back_inserter(out), fold);
  return letters;
}

// Length of a well-formed UTF-8 sequence at `at`, or 1 for a stray byte (read as one word byte).
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 1;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  if (at + length > text.size()) return 1;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80) return 1;
  }
  return length;
}

// The ASCII character at `at`, or the one a fullwidth form stands for (U+FF01-U+FF5E, typed with
// an East Asian input method: "ＦＩＮＤＩＮＧＳ：", "４"); 0 for any other character. `length`: its
// bytes (1 or 3).
char ascii_at(std::string_view text, std::size_t at, std::size_t& length) {
  length = 1;
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return static_cast<char>(c);
  if (c != 0xEF || at + 2 >= text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[at + 1]);
  const auto third = static_cast<unsigned char>(text[at + 2]);
  if (second == 0xBC && third >= 0x81 && third <= 0xBF) {
    length = 3;
    return static_cast<char>(third - 0x60);  // U+FF01-U+FF3F: "!" to "_"
  }
  if (second == 0xBD && third >= 0x80 && third <= 0x9E) {
    length = 3;
    return static_cast<char>(third - 0x20);  // U+FF40-U+FF5E: "`" to "~"
  }
  return 0;
}

// The bytes of a digit (ASCII or fullwidth) at `at`; 0 when there is none.
std::size_t digit_length(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  std::size_t length = 1;
  const char c = ascii_at(text, at, length);
  return is_digit(static_cast<unsigned char>(c)) ? length : 0;
}

// What a character (or UTF-8 sequence) at `at` is to the tokeniser.
enum class CharClass { Blank, Newline, Separator, Apostrophe, Letter, Digit, Punct };

CharClass classify(std::string_view text, std::size_t at, std::size_t& length) {
  length = 1;
  const auto c = static_cast<unsigned char>(text[at]);
  if (c == '\n') return CharClass::Newline;
  if (c == '\r') {
    const bool crlf = at + 1 < text.size() && text[at + 1] == '\n';
    return crlf ? CharClass::Blank : CharClass::Newline;
  }
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0) return CharClass::Blank;
  if (c < 0x20 || c == 0x7F) return CharClass::Blank;
  if (is_ascii_letter(c)) return CharClass::Letter;
  if (is_digit(c)) return CharClass::Digit;
  if (c == '\'') return CharClass::Apostrophe;
  // Separators: read as a word break, dropped from the tokens, so that "fine-pleomorphic" is
  // "fine pleomorphic" and a bullet starts nothing.
  if (c == '-' || c == '*' || c == '"' || c == '#' || c == '_' || c == '=' || c == '~' ||
      c == '`' || c == '|' || c == '^') {
    return CharClass::Separator;
  }
  if (c < 0x80) return CharClass::Punct;
  std::size_t fullwidth = 1;
  if (const char ascii = ascii_at(text, at, fullwidth); ascii != 0) {
    // A fullwidth form is what its ASCII character is (a fullwidth letter stays in the word and
    // is folded by ICU; a fullwidth colon, period or digit is read as one).
    std::size_t ascii_length = 1;
    const CharClass kind = classify(std::string_view(&ascii, 1), 0, ascii_length);
    length = fullwidth;
    return kind;
  }
  length = utf8_length(text, at);
  if (length == 2 && c == 0xC2) {
    const auto second = static_cast<unsigned char>(text[at + 1]);
    if (second == 0xA0) return CharClass::Blank;      // no-break space
    if (second == 0xAE) return CharClass::Separator;  // ®
    if (second == 0xB7) return CharClass::Separator;  // middle dot
  }
  if (length == 3 && c == 0xE2) {
    const auto second = static_cast<unsigned char>(text[at + 1]);
    const auto third = static_cast<unsigned char>(text[at + 2]);
    if (second == 0x80) {
      if (third == 0x98 || third == 0x99) return CharClass::Apostrophe;  // ‘ ’
      // Zero-width space, non-joiner and joiner: invisible, found inside words of text copied
      // from PDF or web pages; kept in the word and dropped by its folding.
      if (third >= 0x8B && third <= 0x8D) return CharClass::Letter;
      if (third >= 0x80 && third <= 0x8F) return CharClass::Blank;    // typographic spaces
      if (third == 0xA8 || third == 0xA9) return CharClass::Newline;  // line/para separator
      return CharClass::Separator;  // dashes, quotes, bullets, ellipsis
    }
    if (second == 0x84 && third == 0xA2) return CharClass::Separator;  // ™
    // Arrows read as "->" does ("3 → 15"): punctuation between what they join.
    if (second == 0x86 || second == 0x87 || (second == 0x9E && third >= 0x94)) {
      return CharClass::Punct;
    }
  }
  if (length == 3 && c == 0xE3 && text[at + 1] == '\x80' && text[at + 2] == '\x80') {
    return CharClass::Blank;  // ideographic (fullwidth) space
  }
  return CharClass::Letter;  // any other UTF-8 (or stray) byte belongs to a word
}

// The word [at, end) is "no" and a period follows, then (after blanks on the same line) a digit
// or the word "of": "No. 3", "no.3", "no. of calcifications".
bool is_number_abbreviation(std::string_view text, std::size_t at, std::size_t end) {
  if (end - at != 2 || fold(text[at]) != 'n' || fold(text[at + 1]) != 'o') return false;
  if (end >= text.size() || text[end] != '.') return false;
  std::size_t next = end + 1;
  while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
  if (next < text.size() && is_digit(static_cast<unsigned char>(text[next]))) return true;
  return next > end + 1 && next + 2 <= text.size() && fold(text[next]) == 'o' &&
         fold(text[next + 1]) == 'f' &&
         (next + 2 == text.size() || !is_ascii_letter(static_cast<unsigned char>(text[next + 2])));
}

// The bytes of a negating contraction's ending ("n't", "n’t") that end `word`, else 0.
std::size_t negating_contraction(std::string_view word) {
  for (const std::string_view ending :
       {std::string_view("n't"), std::string_view("n\xE2\x80\x99t")}) {
    if (word.size() <= ending.size()) continue;
    const std::string_view tail = word.substr(word.size() - ending.size());
    const bool same = std::equal(tail.begin(), tail.end(), ending.begin(),
                                 [](char a, char b) { return fold(a) == b; });
    if (same) return ending.size();
  }
  return 0;
}

}  // namespace

std::vector<Token> tokenise(std::string_view text, std::string& folded) {
  // Offsets are 32-bit: a DICOM UT value holds at most 2^32-2 bytes.
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  folded.clear();
  folded.reserve(text.size());
  // Where each token's folded text starts in `folded`: the views are made once it is complete,
  // as a folded word may be longer than its bytes and `folded` may grow.
  std::vector<std::uint32_t> folded_begin;
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 3 + 16);
  folded_begin.reserve(text.size() / 3 + 16);
  std::uint16_t newlines = 0;
  bool gap = false;
  // A hyphen right after a word, then only blanks and one line break: a word broken at the end
  // of its line may continue on the next ("calci-\nfications").
  bool hyphen_after_word = false;
  std::size_t at = 0;
  auto push = [&](Token token, std::size_t end) {  // Token is trivially copyable: no moves needed
    token.length = static_cast<std::uint32_t>(end - token.begin);
    token.newlines_before = newlines;
    token.gap_before = gap || newlines > 0;
    token.hyphen_break_before =
        hyphen_after_word && newlines == 1 && token.kind == TokenKind::Word && !token.capitalised;
    newlines = 0;
    gap = false;
    hyphen_after_word = false;
    tokens.push_back(token);
  };
  while (at < text.size()) {
    std::size_t length = 1;
    const CharClass kind = classify(text, at, length);
    if (kind == CharClass::Newline) {
      if (newlines < UINT16_MAX) ++newlines;
      at += length;
      continue;
    }
    if (kind == CharClass::Blank || kind == CharClass::Separator || kind == CharClass::Apostrophe) {
      const bool hyphen = kind == CharClass::Separator && text[at] == '-';
      const bool right_after_word = !tokens.empty() && !gap && newlines == 0 &&
                                    tokens.back().kind == TokenKind::Word &&
                                    tokens.back().end() == at;
      if (hyphen && right_after_word) {
        hyphen_after_word = true;
      } else if (kind != CharClass::Blank) {
        hyphen_after_word = false;
      }
      gap = true;
      at += length;
      continue;
    }
    Token token;
    token.begin = static_cast<std::uint32_t>(at);
    folded_begin.push_back(static_cast<std::uint32_t>(folded.size()));
    if (kind == CharClass::Digit) {
      // Digits are folded to ASCII as they are read (fullwidth "４" is "4").
      std::size_t end = at;
      auto take_digits = [&]() {
        std::size_t count = 0;
        for (std::size_t step = digit_length(text, end); step > 0; step = digit_length(text, end)) {
          std::size_t unused = 1;
          folded.push_back(ascii_at(text, end, unused));
          end += step;
          ++count;
        }
        return count;
      };
      const std::size_t integer_digits = take_digits();
      std::size_t mark_length = 1;
      const char mark = end < text.size() ? ascii_at(text, end, mark_length) : '\0';
      const std::size_t after_mark = end + mark_length;
      token.kind = TokenKind::Number;
      if (mark == '.' && digit_length(text, after_mark) > 0) {
        folded.push_back('.');
        end = after_mark;
        take_digits();
      } else if (mark == ':' && integer_digits <= 2) {
        const std::size_t first = digit_length(text, after_mark);
        const std::size_t second = first > 0 ? digit_length(text, after_mark + first) : 0;
        if (second > 0 && digit_length(text, after_mark + first + second) == 0) {
          // "10:30": a clock time, not a heading colon
          folded.push_back(':');
          end = after_mark;
          take_digits();
          token.kind = TokenKind::Time;
        }
      }
      push(token, end);
      at = end;
      continue;
    }
    if (kind == CharClass::Punct) {
      token.kind = TokenKind::Punct;
      std::size_t unused = 1;
      folded.push_back(ascii_at(text, at, unused));
      push(token, at + length);
      at += length;
      continue;
    }
    // A word: letters and other UTF-8 bytes; an apostrophe between letters ("o'clock"); a
    // period between short letter runs ("e.g", "i.e"), so abbreviations stay one word.
    token.kind = TokenKind::Word;
    bool ascii = true;
    std::size_t run = 0;  // letters since the last inner period
    std::size_t end = at;
    while (end < text.size()) {
      std::size_t step = 1;
      const CharClass inner = classify(text, end, step);
      if (inner == CharClass::Letter) {
        if (static_cast<unsigned char>(text[end]) >= 0x80) ascii = false;
        end += step;
        ++run;
        continue;
      }
      const bool letter_follows =
          end + step < text.size() && is_ascii_letter(static_cast<unsigned char>(text[end + step]));
      if (inner == CharClass::Apostrophe && letter_follows) {
        if (step > 1) ascii = false;
        end += step;
        continue;
      }
      if (inner == CharClass::Punct && text[end] == '.' && letter_follows && run <= 2 &&
          (end + 2 >= text.size() || !is_ascii_letter(static_cast<unsigned char>(text[end + 2])) ||
           text[end + 2] == '.')) {
        end += 1;
        run = 0;
        continue;
      }
      break;
    }
    const Case letters = fold_word(text.substr(at, end - at), ascii, folded);
    if (folded.size() == folded_begin.back()) {
      // Only invisible characters (a byte order mark at the start, a zero-width space between
      // words): no word, a blank.
      folded_begin.pop_back();
      gap = true;
      at = end;
      continue;
    }
    token.capitalised = letters.first_upper;
    token.all_capitals = letters.any_upper && !letters.any_lower;
    if (is_number_abbreviation(text, at, end)) {
      // "No. 3", "no. of": the abbreviation of "number", read as that word, period included, so
      // it is neither the negation "no" nor a sentence end.
      folded.resize(folded_begin.back());
      folded.append("number");
      end += 1;
    }
    // "can't", "don't", "isn't": the stem and "not", so that every denial the lexicon knows
    // ("cannot be excluded", "do not look benign") reads them too (hostile review 71:
    // "malignancy can't be excluded" left a benign finding unreviewed).
    const std::size_t contraction = negating_contraction(text.substr(at, end - at));
    const std::string_view folded_word(folded.data() + folded_begin.back(),
                                       folded.size() - folded_begin.back());
    if (contraction > 0 && negating_contraction(folded_word) == contraction) {
      folded.resize(folded.size() - contraction);
      const std::string_view stem(folded.data() + folded_begin.back(),
                                  folded.size() - folded_begin.back());
      const std::string_view whole = stem == "ca" ? "can" : stem == "wo" ? "will" : stem;
      if (whole != stem) folded.replace(folded_begin.back(), stem.size(), whole);
      push(token, end - contraction);
      Token negation;
      negation.begin = static_cast<std::uint32_t>(end - contraction);
      negation.kind = TokenKind::Word;
      folded_begin.push_back(static_cast<std::uint32_t>(folded.size()));
      folded.append("not");
      token = negation;
    }
    push(token, end);
    // A soft hyphen ending the word: the word may go on at the start of the next line.
    hyphen_after_word = end - at >= 2 && text.compare(end - 2, 2, "\xC2\xAD") == 0;
    at = end;
  }
  const std::string_view view(folded);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const std::size_t from = folded_begin[k];
    const std::size_t to = k + 1 < tokens.size() ? folded_begin[k + 1] : folded.size();
    tokens[k].folded = view.substr(from, to - from);
  }
  return tokens;
}

void PhraseIndex::add(std::string_view phrase, PhraseKind kind, std::size_t wording) {
  Phrase entry{{}, false, false, kind, wording};
  if (!phrase.empty() && phrase.front() == '*') {
    entry.suffix_first = true;
    phrase.remove_prefix(1);
  }
  if (!phrase.empty() && phrase.back() == '*') {
    entry.prefix_last = true;
    phrase.remove_suffix(1);
  }
  std::string folded;
  for (const Token& token : tokenise(phrase, folded)) entry.words.emplace_back(token.folded);
  if (entry.words.empty()) return;
  const std::size_t id = phrases_.size();
  if (entry.suffix_first) {
    if (entry.words.size() != 1) return;  // the lexicon reader refuses it
    inside_word_.push_back(id);
  } else if (entry.prefix_last && entry.words.size() == 1) {
    prefix_first_word_.push_back(id);
  } else {
    auto found = by_first_word_.find(entry.words.front());
    if (found == by_first_word_.end()) {
      first_words_.push_back(entry.words.front());
      found = by_first_word_.emplace(first_words_.back(), std::vector<std::size_t>{}).first;
    }
    found->second.push_back(id);
  }
  phrases_.push_back(std::move(entry));
}

namespace {

// Whether a token's word is the phrase word `want` (or, for a prefix word, starts with it).
bool word_matches(std::string_view word, std::string_view want, bool prefix) {
  return prefix ? word.compare(0, want.size(), want) == 0 : word == want;
}

// Whether `first` + `second` (a word hyphenated across a line break) is the phrase word `want`
// (or, for a prefix word, starts with it), without building the joined word.
bool joined_matches(std::string_view first, std::string_view second, std::string_view want,
                    bool prefix) {
  if (want.size() <= first.size() || want.compare(0, first.size(), first) != 0) return false;
  return word_matches(second, want.substr(first.size()), prefix);
}

}  // namespace

std::size_t PhraseIndex::matched_tokens(const Phrase& phrase, const std::vector<Token>& tokens,
                                        std::size_t at) const {
  if (phrase.suffix_first) {
    // After the word's start: the word itself ("verkalkungen") is the other phrases'.
    const std::string_view word = tokens[at].folded;
    const std::string_view want = phrase.words.front();
    if (phrase.prefix_last) return word.find(want, 1) != std::string_view::npos ? 1 : 0;
    return word.size() > want.size() &&
                   word.compare(word.size() - want.size(), want.size(), want) == 0
               ? 1
               : 0;
  }
  std::size_t next = at;
  for (std::size_t k = 0; k < phrase.words.size(); ++k) {
    if (next >= tokens.size()) return 0;
    const bool prefix = k + 1 == phrase.words.size() && phrase.prefix_last;
    const std::string_view word = tokens[next].folded;
    if (word_matches(word, phrase.words[k], prefix)) {
      ++next;
      continue;
    }
    // "calci-\nfications": the word's two halves, the second at the start of the next line.
    if (next + 1 < tokens.size() && tokens[next + 1].hyphen_break_before &&
        joined_matches(word, tokens[next + 1].folded, phrase.words[k], prefix)) {
      next += 2;
      continue;
    }
    return 0;
  }
  return next - at;
}

void PhraseIndex::match_at(const std::vector<Token>& tokens, std::size_t at,
                           std::vector<PhraseMatch>& out) const {
  auto try_phrase = [&](std::size_t id) {
    const Phrase& phrase = phrases_[id];
    const std::size_t covered = matched_tokens(phrase, tokens, at);
    if (covered > 0) {
      out.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + covered),
                     static_cast<std::uint32_t>(phrase.wording), phrase.kind});
    }
  };
  const auto found = by_first_word_.find(tokens[at].folded);
  if (found != by_first_word_.end()) {
    for (std::size_t id : found->second) try_phrase(id);
  }
  // A first word hyphenated across a line break is looked up joined; only such tokens pay for it.
  if (at + 1 < tokens.size() && tokens[at + 1].hyphen_break_before) {
    std::string joined(tokens[at].folded);
    joined.append(tokens[at + 1].folded);
    const auto found_joined = by_first_word_.find(joined);
    if (found_joined != by_first_word_.end()) {
      for (std::size_t id : found_joined->second) try_phrase(id);
    }
  }
  for (std::size_t id : prefix_first_word_) try_phrase(id);
  if (tokens[at].kind == TokenKind::Word) {
    for (std::size_t id : inside_word_) try_phrase(id);
  }
}

std::vector<PhraseMatch> PhraseIndex::match_all(const std::vector<Token>& tokens) const {
  std::vector<PhraseMatch> out;
  out.reserve(tokens.size() / 4 + 16);
  for (std::size_t at = 0; at < tokens.size(); ++at) match_at(tokens, at, out);
  return out;
}

namespace {

bool is_punct(const Token& token, char c) {
  return token.kind == TokenKind::Punct && token.folded[0] == c;
}

bool is_sentence_end(const Token& token) {
  return is_punct(token, '.') || is_punct(token, '!') || is_punct(token, '?');
}

// Words after which a line break continues the sentence ("No suspicious mass or\ncalcifications";
// the lexicon's continues-line words), and a comma or an opening bracket.
bool continues_after(const Token& token, const std::vector<std::string_view>& continuing) {
  if (token.kind == TokenKind::Punct) return is_punct(token, ',') || is_punct(token, '(');
  if (token.kind != TokenKind::Word) return false;
  return std::any_of(continuing.begin(), continuing.end(),
                     [&token](std::string_view word) { return token.folded == word; });
}

// A single line break ends a sentence when the next line starts like a new one.
bool line_break_ends_sentence(const Token& previous, const Token& next,
                              const std::vector<std::string_view>& continuing) {
  if (next.newlines_before >= 2) return true;
  if (continues_after(previous, continuing)) return false;
  if (next.kind == TokenKind::Word) return next.capitalised;
  return next.kind == TokenKind::Number || next.kind == TokenKind::Punct;
}

// Tokens [begin, end) are words, every one in capitals ("FINDINGS", "CLINICAL HISTORY").
bool all_capitals(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
  return std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                     tokens.begin() + static_cast<std::ptrdiff_t>(end), [](const Token& token) {
                       return token.kind == TokenKind::Word && token.all_capitals;
                     });
}

// Tokens [at, end) are a list marker "1." / "2)" / "a)" at the start of a sentence.
std::size_t list_marker_length(const std::vector<Token>& tokens, std::size_t at) {
  if (at + 1 >= tokens.size()) return 0;
  const Token& first = tokens[at];
  const Token& second = tokens[at + 1];
  const bool short_number = first.kind == TokenKind::Number && first.folded.size() <= 2 &&
                            first.folded.find('.') == std::string::npos;
  const bool letter = first.kind == TokenKind::Word && first.folded.size() == 1;
  if (second.gap_before) return 0;
  if (short_number && (is_punct(second, '.') || is_punct(second, ')'))) return 2;
  if (letter && is_punct(second, ')')) return 2;
  return 0;
}

// Sections whose heading in the text holds one sentence (see split_sentences).
bool holds_one_sentence(ReportSection section) {
  return section == ReportSection::History || section == ReportSection::Comparison ||
         section == ReportSection::Procedure || section == ReportSection::Composition;
}

// A line that opens with a label of up to three words and a colon ("Calcifications:", "Other
// findings:"), which is no heading the lexicon knows.
bool opens_with_label(const std::vector<Token>& tokens, std::size_t at) {
  constexpr std::size_t kMaxLabelWords = 3;
  for (std::size_t k = at; k < tokens.size() && k < at + kMaxLabelWords + 1; ++k) {
    if (k > at && tokens[k].newlines_before > 0) return false;
    if (is_punct(tokens[k], ':')) return k > at;
    if (tokens[k].kind != TokenKind::Word) return false;
  }
  return false;
}

}  // namespace

std::vector<SentenceRange> split_sentences(const std::vector<Token>& tokens,
                                           const std::vector<PhraseMatch>& matches,
                                           const std::vector<HeadingMeaning>& heading_of,
                                           ReportSection item_section,
                                           const std::vector<std::string_view>& continuing,
                                           const std::vector<std::string_view>& breast_nouns) {
  // Per token: the longest heading starting there, and whether a period is an abbreviation's.
  std::vector<std::size_t> heading_end(tokens.size(), 0);
  std::vector<std::size_t> heading_wording(tokens.size(), 0);
  std::vector<bool> abbreviation_period(tokens.size(), false);
  // Abbreviated calcification words ("calc.", "calcs.", "microcalc."): their period ends the
  // sentence only before a capitalised word, as a period after the full word would.
  std::vector<bool> calcification_starts(tokens.size(), false);
  // Where a category word ends that starts at a token ("BI-RADS ASSESSMENT" is a heading too).
  std::vector<std::size_t> category_word_end(tokens.size(), 0);
  // Where a breast is named by a letter and a parenthesis ("L) seroma"), no list marker.
  std::vector<bool> laterality_starts(tokens.size(), false);
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::Calcification) calcification_starts[match.begin] = true;
    if (match.kind == PhraseKind::Laterality) laterality_starts[match.begin] = true;
    if (match.kind == PhraseKind::CategoryWord) {
      category_word_end[match.begin] =
          std::max<std::size_t>(category_word_end[match.begin], match.end);
    }
  }
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::Heading && match.end > heading_end[match.begin]) {
      heading_end[match.begin] = match.end;
      heading_wording[match.begin] = match.wording;
    }
    if (match.kind == PhraseKind::Abbreviation && match.end > match.begin &&
        is_punct(tokens[match.end - 1], '.')) {
      const bool shortened_mention = calcification_starts[match.begin];
      const bool capital_follows = match.end < tokens.size() &&
                                   tokens[match.end].kind == TokenKind::Word &&
                                   tokens[match.end].capitalised;
      const bool at_end = match.end == tokens.size();
      if (!shortened_mention || (!capital_follows && !at_end)) {
        abbreviation_period[match.end - 1] = true;
      }
    }
  }

  // A dictated text with line breaks and not one sentence end: every line is a statement ("No
  // dominant mass\nsegmental fine linear branching calcifications left breast 10 o'clock").
  std::size_t line_breaks = 0;
  bool sentence_end_seen = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    line_breaks += tokens[k].newlines_before > 0 ? 1 : 0;
    sentence_end_seen =
        sentence_end_seen || (is_sentence_end(tokens[k]) && !abbreviation_period[k]);
  }
  const bool lines_are_sentences = !sentence_end_seen && line_breaks >= 2;

  // Per token: whether a breast-imaging word starts there ("Mammographie", "mammogram"), for
  // headings that name an examination.
  std::vector<bool> imaging_word(tokens.size(), false);
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::BreastImaging) imaging_word[match.begin] = true;
  }
  const auto names_exam = [&](std::size_t begin, std::size_t end) {
    return std::any_of(imaging_word.begin() + static_cast<std::ptrdiff_t>(begin),
                       imaging_word.begin() + static_cast<std::ptrdiff_t>(end),
                       [](bool imaging) { return imaging; });
  };
  // Per token: the section of the next heading at a line start with a colon or alone on its line,
  // at or after it (one backward pass: linear). A priors heading whose next heading opens the
  // findings holds all the text up to it (what stands between is the prior exams').
  std::vector<ReportSection> next_line_heading(tokens.size() + 1, ReportSection::Other);
  for (std::size_t k = tokens.size(); k > 0; --k) {
    const std::size_t at = k - 1;
    next_line_heading[at] = next_line_heading[at + 1];
    const std::size_t end = heading_end[at];
    if (end <= at || (at > 0 && tokens[at].newlines_before == 0)) continue;
    const bool colon = end < tokens.size() && is_punct(tokens[end], ':');
    const bool own_line =
        tokens[at].capitalised && (end == tokens.size() || tokens[end].newlines_before > 0);
    if (colon || own_line) next_line_heading[at] = heading_of[heading_wording[at]].section;
  }

  std::vector<SentenceRange> sentences;
  ReportSection section = item_section;
  Laterality breast = Laterality::Unknown;
  std::size_t breast_begin = 0;
  std::size_t breast_end = 0;
  // A breast heading with its statement on its own line ("Left breast: no abnormality."): a later
  // line that opens with a label of its own ("Calcifications: grouped amorphous …") is not said
  // under it. One alone on its line heads the labelled lines below it.
  bool breast_line_said = false;
  bool breast_line_opens_list = false;  // the breast's line ends with a colon
  std::size_t start = 0;
  // A heading in the text that opens a section about the past or the procedure ("COMPARISON:
  // Prior mammogram 2024.") holds the line its first sentence ends on, and in a text of one line
  // that sentence only: reports go on to the current findings without a heading of their own,
  // and read as history they would be lost (a mention there is historical). The section before
  // it resumes.
  std::optional<ReportSection> resume_section;
  // A priors heading was the last thing read: an examination heading right after it
  // ("Voraufnahmen:\nMammographie: …", "COMPARISON: Mammogram: …") names the prior exam.
  bool priors_just_opened = false;
  ReportSection before_priors = section;
  // A breast named in a sentence of its own that heads nothing ("…, stable. Left breast." at the
  // end, or before the next heading): kept as a sentence of its own, which the reader says
  // (hostile review 91: it was dropped).
  std::optional<SentenceRange> heads_nothing;
  auto close = [&](std::size_t end) {
    if (end > start) {
      heads_nothing.reset();
      priors_just_opened = false;
      sentences.push_back({start, end, section, breast, breast_begin, breast_end});
      const bool line_ends =
          line_breaks == 0 || end >= tokens.size() || tokens[end].newlines_before > 0;
      if (resume_section && line_ends) {
        section = *resume_section;
        resume_section.reset();
      }
    }
    start = end;
  };

  std::size_t breast_sentence_end = tokens.size() + 1;  // after "Left breast." as a heading
  std::size_t at = 0;
  while (at < tokens.size()) {
    const Token& token = tokens[at];
    const bool line_start = at == 0 || token.newlines_before > 0;
    // A past-exam heading's line ends its statement unless the line runs on ("History: prior
    // biopsy for calcifications (benign)\nthere are grouped amorphous calcifications …").
    const bool past_line_ends =
        resume_section.has_value() && !continues_after(tokens[at - 1], continuing);
    if (at > start && token.newlines_before > 0 &&
        (lines_are_sentences || past_line_ends ||
         line_break_ends_sentence(tokens[at - 1], token, continuing))) {
      close(at);
    }
    const std::size_t end = heading_end[at];
    // So is a numbered list item of its own ("1. Right breast: vascular calcifications.\n2.
    // Grouped amorphous calcifications at 3 o'clock.": the second names no breast; hostile review
    // 86 put it in the right breast), unless the breast's line ends with a colon that opens the
    // list ("LEFT BREAST: Two findings:\n1. …").
    const bool list_item_of_its_own = list_marker_length(tokens, at) > 0 && !breast_line_opens_list;
    if (line_start && end <= at && breast_line_said &&
        (opens_with_label(tokens, at) || list_item_of_its_own)) {
      close(at);
      breast = Laterality::Unknown;
      breast_line_said = false;
    }
    if (end > at) {
      const bool colon = end < tokens.size() && is_punct(tokens[end], ':');
      // Alone on its line ("FINDINGS", "Impression", "Right breast"), capitalised.
      const bool own_line = line_start && token.capitalised &&
                            (end == tokens.size() || tokens[end].newlines_before > 0);
      // In the middle of a line only in capitals and before its colon: a report written on one
      // line ("EXAM: MAMMO BILAT TECHNIQUE: CC and MLO views COMPARISON: 2019 FINDINGS: ...").
      // A heading word inside a sentence ("no comparison available", "NO COMPARISON AVAILABLE")
      // has no colon after it; one in lower case before a colon ("see comparison: stable") is
      // text.
      const bool capitals_colon = colon && all_capitals(tokens, at, end);
      // A breast named in a sentence of its own ("Left breast. Popcorn calcifications …",
      // "Side: left. …", "Seite links.") heads what follows as "Left breast:" does: read as no
      // heading, the breast was lost and a coded finding of the other breast was not questioned
      // (hostile review 88, S6). Only a breast noun labels it: any other word before it
      // ("Excision: right.") is a statement of that breast (review of session 59).
      const bool breast_noun = tokens[start].kind == TokenKind::Word &&
                               std::find(breast_nouns.begin(), breast_nouns.end(),
                                         tokens[start].folded) != breast_nouns.end();
      const bool after_label =
          breast_noun && ((at == start + 2 && is_punct(tokens[start + 1], ':')) || at == start + 1);
      const bool breast_sentence =
          (at == start || after_label) && end < tokens.size() && is_punct(tokens[end], '.') &&
          !abbreviation_period[end] &&
          heading_of[heading_wording[at]].laterality != Laterality::Unknown &&
          (end + 1 == tokens.size() || tokens[end + 1].newlines_before > 0 ||
           tokens[end + 1].capitalised || tokens[end + 1].kind == TokenKind::Number);
      // After a shorthand's period ("seg.", "amorph.") a heading with its colon opens what follows
      // ("…, amorph. Links: …"; hostile review 91: the left breast was read into the right's
      // sentence).
      const bool after_shorthand = colon && at > 0 && abbreviation_period[at - 1];
      if (at == start || line_start || capitals_colon || breast_sentence || after_shorthand) {
        if (colon || own_line || breast_sentence) {
          const std::size_t label = start;
          if (after_label) start = at;  // "Side:" is no sentence
          close(at);
          if (heads_nothing) sentences.push_back(*std::exchange(heads_nothing, std::nullopt));
          const HeadingMeaning& meaning = heading_of[heading_wording[at]];
          if (meaning.laterality != Laterality::Unknown) {
            // A breast's heading after priors, history or the procedure opens that breast's
            // findings ("COMPARISON: 2022.\nLEFT BREAST: Spiculated mass …", "Voraufnahmen:
            // 2022.\nLinks: …"): read as the past, they were lost (hostile review 48, H48-1).
            if (section == ReportSection::Comparison || section == ReportSection::History ||
                section == ReportSection::Procedure) {
              section = meaning.section;
              resume_section.reset();
            }
            breast = meaning.laterality;
            breast_begin = at;
            breast_end = end;
            const std::size_t said = colon || breast_sentence ? end + 1 : end;
            breast_line_said = said < tokens.size() && tokens[said].newlines_before == 0;
            std::size_t line_end = said;
            while (line_end + 1 < tokens.size() && tokens[line_end + 1].newlines_before == 0) {
              ++line_end;
            }
            breast_line_opens_list = line_end < tokens.size() && is_punct(tokens[line_end], ':');
          } else if (priors_just_opened && meaning.section == ReportSection::Findings &&
                     names_exam(at, end)) {
            // The prior exam's label: the priors section goes on, up to the next findings heading
            // after the label if there is one, else for the label's line as before.
            breast = Laterality::Unknown;
            resume_section.reset();
            if (next_line_heading[colon ? end + 1 : end] != ReportSection::Findings) {
              resume_section = before_priors;
            }
          } else {
            if (meaning.section == ReportSection::Comparison) before_priors = section;
            if (!resume_section && holds_one_sentence(meaning.section)) resume_section = section;
            if (!holds_one_sentence(meaning.section)) resume_section.reset();
            section = meaning.section;
            breast = Laterality::Unknown;
            priors_just_opened = meaning.section == ReportSection::Comparison;
            // Priors whose next heading opens the findings hold all the text up to it.
            if (priors_just_opened &&
                next_line_heading[colon ? end + 1 : end] == ReportSection::Findings) {
              resume_section.reset();
            }
          }
          // A heading that is also a category word before its number ("BI-RADS ASSESSMENT: 4")
          // opens the impression and stays in its sentence, which then states the category; so
          // does one left blank ("BI-RADS: -", "BI-RADS:" at a line's end, "BI-RADS: offen."),
          // which the reader says (hostile review 71, F).
          const std::size_t value = end + 1;
          const auto line_or_sentence_ends = [&](std::size_t k) {
            return k >= tokens.size() || tokens[k].newlines_before > 0 || is_punct(tokens[k], '.');
          };
          const bool blank_value =
              line_or_sentence_ends(value) || tokens[value].kind == TokenKind::Punct ||
              (tokens[value].kind == TokenKind::Word && line_or_sentence_ends(value + 1));
          const bool states_category = colon && category_word_end[at] == end &&
                                       (blank_value || tokens[value].kind == TokenKind::Number);
          const std::size_t heading_at = at;
          if (breast_sentence) {
            breast_sentence_end = end + 1;
            heads_nothing =
                SentenceRange{after_label ? label : at, end + 1, section, breast, at, end, true};
          }
          at = colon || breast_sentence ? end + 1 : end;
          start = states_category ? heading_at : at;
          continue;
        }
      }
    }
    // A number right after a heading's colon is what the heading says ("IMPRESSION: Right: 2.
    // Left: 4."), no list marker (hostile review 49, H49-4: the 4 was dropped as one).
    // So is one right after a breast named in a sentence of its own ("Left breast. 4B.").
    const bool after_colon = at > 0 && (is_punct(tokens[at - 1], ':') || at == breast_sentence_end);
    if (at == start && !after_colon && !laterality_starts[at]) {
      const std::size_t marker = list_marker_length(tokens, at);
      if (marker > 0) {
        at += marker;
        start = at;
        continue;
      }
    }
    // A question mark written onto the next word asks about it ("?benign", "?DCIS"; hostile
    // review 70): it ends no sentence.
    const bool queries_next = is_punct(token, '?') && at + 1 < tokens.size() &&
                              tokens[at + 1].kind == TokenKind::Word &&
                              !tokens[at + 1].gap_before && tokens[at + 1].newlines_before == 0;
    const bool ends = is_sentence_end(token) && !abbreviation_period[at] && !queries_next;
    if (ends || at + 1 - start >= kMaxSentenceTokens) close(at + 1);
    ++at;
  }
  close(tokens.size());
  if (heads_nothing) sentences.push_back(*heads_nothing);
  return sentences;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank = false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out.push_back(' ');
    blank = false;
    out.push_back(c);
  }
  return out;
}

double number_value(const Token& token) {
  if (token.kind != TokenKind::Number) return -1;
  double value = 0;
  double scale = 0;
  for (char c : token.folded) {
    if (c == '.') {
      scale = 1;
      continue;
    }
    if (c < '0' || c > '9') return -1;
    if (scale > 0) {
      scale /= 10;
      value += (c - '0') * scale;
    } else {
      value = value * 10 + (c - '0');
    }
  }
  return value;
}

}  // namespace mammocalc::narrative
