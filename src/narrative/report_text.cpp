#include "narrative/report_text.hpp"

#include <algorithm>

namespace mammocalc::narrative {

namespace {

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

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
      if (third >= 0x80 && third <= 0x8F) return CharClass::Blank;       // typographic spaces
      if (third == 0xA8 || third == 0xA9) return CharClass::Newline;     // line/para separator
      return CharClass::Separator;  // dashes, quotes, bullets, ellipsis
    }
    if (second == 0x84 && third == 0xA2) return CharClass::Separator;  // ™
  }
  return CharClass::Letter;  // any other UTF-8 (or stray) byte belongs to a word
}

}  // namespace

std::vector<Token> tokenise(std::string_view text, std::string& folded) {
  // Offsets are 32-bit: a DICOM UT value holds at most 2^32-2 bytes.
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  folded.resize(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) folded[k] = fold(text[k]);
  const std::string_view view(folded);
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 3 + 16);
  std::uint16_t newlines = 0;
  bool gap = false;
  std::size_t at = 0;
  auto push = [&](Token token) {  // Token is trivially copyable: no moves needed
    token.newlines_before = newlines;
    token.gap_before = gap || newlines > 0;
    newlines = 0;
    gap = false;
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
      gap = true;
      at += length;
      continue;
    }
    Token token;
    token.begin = static_cast<std::uint32_t>(at);
    if (kind == CharClass::Digit) {
      std::size_t end = at;
      while (end < text.size() && is_digit(static_cast<unsigned char>(text[end]))) ++end;
      const std::size_t integer_digits = end - at;
      if (end + 1 < text.size() && text[end] == '.' &&
          is_digit(static_cast<unsigned char>(text[end + 1]))) {
        end += 1;
        while (end < text.size() && is_digit(static_cast<unsigned char>(text[end]))) ++end;
        token.kind = TokenKind::Number;
      } else if (integer_digits <= 2 && end + 2 < text.size() && text[end] == ':' &&
                 is_digit(static_cast<unsigned char>(text[end + 1])) &&
                 is_digit(static_cast<unsigned char>(text[end + 2])) &&
                 (end + 3 == text.size() || !is_digit(static_cast<unsigned char>(text[end + 3])))) {
        end += 3;  // "10:30": a clock time, not a heading colon
        token.kind = TokenKind::Time;
      } else {
        token.kind = TokenKind::Number;
      }
      token.folded = view.substr(at, end - at);
      at = end;
      push(token);
      continue;
    }
    if (kind == CharClass::Punct) {
      token.kind = TokenKind::Punct;
      token.folded = view.substr(at, 1);
      at += 1;
      push(token);
      continue;
    }
    // A word: letters and other UTF-8 bytes; an apostrophe between letters ("o'clock"); a
    // period between short letter runs ("e.g", "i.e"), so abbreviations stay one word.
    token.kind = TokenKind::Word;
    bool any_upper = false;
    bool any_lower = false;
    std::size_t run = 0;  // letters since the last inner period
    std::size_t end = at;
    while (end < text.size()) {
      std::size_t step = 1;
      const CharClass inner = classify(text, end, step);
      if (inner == CharClass::Letter) {
        const auto c = static_cast<unsigned char>(text[end]);
        if (c >= 'A' && c <= 'Z') any_upper = true;
        if (c >= 'a' && c <= 'z') any_lower = true;
        end += step;
        ++run;
        continue;
      }
      const bool letter_follows =
          end + step < text.size() && is_ascii_letter(static_cast<unsigned char>(text[end + step]));
      if (inner == CharClass::Apostrophe && letter_follows) {
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
    token.folded = view.substr(at, end - at);
    const auto first = static_cast<unsigned char>(text[at]);
    token.capitalised = first >= 'A' && first <= 'Z';
    token.all_capitals = any_upper && !any_lower;
    at = end;
    push(token);
  }
  return tokens;
}

void PhraseIndex::add(std::string_view phrase, PhraseKind kind, std::size_t wording) {
  Phrase entry{{}, false, kind, wording};
  if (!phrase.empty() && phrase.back() == '*') {
    entry.prefix_last = true;
    phrase.remove_suffix(1);
  }
  std::string folded;
  for (const Token& token : tokenise(phrase, folded)) entry.words.emplace_back(token.folded);
  if (entry.words.empty()) return;
  const std::size_t id = phrases_.size();
  if (entry.prefix_last && entry.words.size() == 1) {
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

bool PhraseIndex::matches(const Phrase& phrase, const std::vector<Token>& tokens,
                          std::size_t at) const {
  if (at + phrase.words.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < phrase.words.size(); ++k) {
    const std::string_view word = tokens[at + k].folded;
    const bool last = k + 1 == phrase.words.size();
    if (last && phrase.prefix_last) {
      if (word.compare(0, phrase.words[k].size(), phrase.words[k]) != 0) return false;
    } else if (word != phrase.words[k]) {
      return false;
    }
  }
  return true;
}

void PhraseIndex::match_at(const std::vector<Token>& tokens, std::size_t at,
                           std::vector<PhraseMatch>& out) const {
  auto try_phrase = [&](std::size_t id) {
    const Phrase& phrase = phrases_[id];
    if (matches(phrase, tokens, at)) {
      out.push_back({static_cast<std::uint32_t>(at),
                     static_cast<std::uint32_t>(at + phrase.words.size()),
                     static_cast<std::uint32_t>(phrase.wording), phrase.kind});
    }
  };
  const auto found = by_first_word_.find(tokens[at].folded);
  if (found != by_first_word_.end()) {
    for (std::size_t id : found->second) try_phrase(id);
  }
  for (std::size_t id : prefix_first_word_) try_phrase(id);
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

// Words after which a line break continues the sentence ("No suspicious mass or\ncalcifications").
bool continues_after(const Token& token) {
  static const char* const kWords[] = {"and",  "or",  "of",  "with", "in",   "the",    "a",
                                       "an",   "no",  "not", "for",  "to",   "at",     "by",
                                       "from", "are", "is",  "was",  "were", "without"};
  if (token.kind == TokenKind::Punct) return is_punct(token, ',') || is_punct(token, '(');
  if (token.kind != TokenKind::Word) return false;
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&token](const char* word) { return token.folded == word; });
}

// A single line break ends a sentence when the next line starts like a new one.
bool line_break_ends_sentence(const Token& previous, const Token& next) {
  if (next.newlines_before >= 2) return true;
  if (continues_after(previous)) return false;
  if (next.kind == TokenKind::Word) return next.capitalised;
  return next.kind == TokenKind::Number || next.kind == TokenKind::Punct;
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

}  // namespace

std::vector<SentenceRange> split_sentences(const std::vector<Token>& tokens,
                                           const std::vector<PhraseMatch>& matches,
                                           const std::vector<HeadingMeaning>& heading_of,
                                           ReportSection item_section) {
  // Per token: the longest heading starting there, and whether a period is an abbreviation's.
  std::vector<std::size_t> heading_end(tokens.size(), 0);
  std::vector<std::size_t> heading_wording(tokens.size(), 0);
  std::vector<bool> abbreviation_period(tokens.size(), false);
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::Heading && match.end > heading_end[match.begin]) {
      heading_end[match.begin] = match.end;
      heading_wording[match.begin] = match.wording;
    }
    if (match.kind == PhraseKind::Abbreviation && match.end > match.begin &&
        is_punct(tokens[match.end - 1], '.')) {
      abbreviation_period[match.end - 1] = true;
    }
  }

  std::vector<SentenceRange> sentences;
  ReportSection section = item_section;
  Laterality breast = Laterality::Unknown;
  std::size_t breast_begin = 0;
  std::size_t breast_end = 0;
  std::size_t start = 0;
  auto close = [&](std::size_t end) {
    if (end > start) {
      sentences.push_back({start, end, section, breast, breast_begin, breast_end});
    }
    start = end;
  };

  std::size_t at = 0;
  while (at < tokens.size()) {
    const Token& token = tokens[at];
    const bool line_start = at == 0 || token.newlines_before > 0;
    if (at > start && token.newlines_before > 0 &&
        line_break_ends_sentence(tokens[at - 1], token)) {
      close(at);
    }
    if (at == start || line_start) {
      // A heading: its phrase, then ':' — or alone on its own capitalised line.
      const std::size_t end = heading_end[at];
      if (end > at) {
        const bool colon = end < tokens.size() && is_punct(tokens[end], ':');
        // Alone on its line ("FINDINGS", "Impression", "Right breast"), capitalised.
        const bool own_line = line_start && token.capitalised &&
                              (end == tokens.size() || tokens[end].newlines_before > 0);
        if (colon || own_line) {
          close(at);
          const HeadingMeaning& meaning = heading_of[heading_wording[at]];
          if (meaning.laterality != Laterality::Unknown) {
            breast = meaning.laterality;
            breast_begin = at;
            breast_end = end;
          } else {
            section = meaning.section;
            breast = Laterality::Unknown;
          }
          at = colon ? end + 1 : end;
          start = at;
          continue;
        }
      }
    }
    if (at == start) {
      const std::size_t marker = list_marker_length(tokens, at);
      if (marker > 0) {
        at += marker;
        start = at;
        continue;
      }
    }
    const bool ends = is_sentence_end(token) && !abbreviation_period[at];
    if (ends || at + 1 - start >= kMaxSentenceTokens) close(at + 1);
    ++at;
  }
  close(tokens.size());
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
