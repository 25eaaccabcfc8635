// The narrative reader's assessments: the BI-RADS categories and follow-ups the text states,
// overall or per breast, and the statements they make (decision-logic.md §6, row E6).

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "findings/lexicon.hpp"
#include "findings/value_sets.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/reader_parts.hpp"
#include "narrative/report_text.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc::narrative::reading {

// A unit of time after a number: "6 months", "2 years".
bool is_duration(const Token& token) {
  static const char* const kUnits[] = {"month", "year",   "week", "day",
                                       "hour",  "minute", "mo",   "yr"};
  if (token.kind != TokenKind::Word) return false;
  for (const char* unit : kUnits) {
    if (token.folded.rfind(unit, 0) == 0) return true;
  }
  return false;
}

// A BI-RADS category after a category word: "4C", "4 c", ": 4", "Category 3", "IV".
namespace {

// The categories by their number, 0 to 6.
constexpr Category kDigits[] = {Category::Incomplete0,     Category::Negative1,
                                Category::Benign2,         Category::ProbablyBenign3,
                                Category::Suspicious4,     Category::HighlySuggestive5,
                                Category::KnownMalignancy6};

// A breast's letters as reports abbreviate it before a category: "R 2", "li 4", "Rt 2".
bool is_breast_letter(std::string_view word) {
  return word == "r" || word == "l" || word == "re" || word == "li" || word == "rt" || word == "lt";
}

}  // namespace

// A sentence of four words at most besides its breast words: one that names a work-up or a
// follow-up by itself asks for it ("Biopsy.", "MRI.", "Recall.", "Mag views."; hostile reviews
// 48, H48-7, and 92), in the impression and in the findings.
bool Reader::is_short_sentence(const Item& item, const SentenceReading& reading) {
  constexpr std::size_t kShortSentence = 4;
  return words_besides_breasts(item, reading) <= kShortSentence;
}

std::size_t Reader::words_besides_breasts(const Item& item, const SentenceReading& reading) {
  const SentenceRange& range = *reading.range;
  std::size_t words = 0;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (item.tokens[k].kind == TokenKind::Word && !reading.breast_words[k]) ++words;
  }
  return words;
}

std::optional<std::pair<Category, std::size_t>> Reader::category_after(const Item& item,
                                                                       std::size_t at,
                                                                       std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  for (int skipped = 0; at < end && skipped < 3; ++skipped) {
    const Token& token = tokens[at];
    if (is_punct(token, ':') || words_.is(token, FunctionWordRole::CategoryFiller)) {
      ++at;
      continue;
    }
    break;
  }
  if (at >= end) return std::nullopt;
  auto subcategory = [](char letter) -> std::optional<Category> {
    if (letter == 'a') return Category::LowSuspicion4A;
    if (letter == 'b') return Category::ModerateSuspicion4B;
    if (letter == 'c') return Category::HighSuspicion4C;
    return std::nullopt;
  };
  const Token& value = tokens[at];
  // The text between a token and the next ("-" in "3-4", " - " in "3 - 4", " -" in "BI-RADS -1").
  const auto gap_before = [&](std::size_t b) {
    return std::string_view(*item.text)
        .substr(tokens[b - 1].end(), tokens[b].begin - tokens[b - 1].end());
  };
  // The same, blanks taken off.
  const auto between = [&](std::size_t b) {
    std::string_view gap = gap_before(b);
    while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
    while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
    return gap;
  };
  const auto is_dash = [](std::string_view gap) {
    return gap == "-" || gap == "\u2013" || gap == "\u2014";  // hyphen, en dash, em dash
  };
  // "BI-RADS -1": a minus sign, no category (hostile review 20: read as 1).
  if (at > 0 && value.kind == TokenKind::Number) {
    const std::string_view before = gap_before(at);
    if (before.size() >= 2 && before.back() == '-' && before[before.size() - 2] == ' ') {
      return std::nullopt;
    }
  }
  int number = -1;
  std::string letter_part;
  // "4", and as some systems print it "4.0" or "04" (hostile review 71: "BI-RADS 5.0" was lost).
  const std::string_view digits = value.folded;
  const bool padded = digits.size() == 2 && digits[0] == '0';
  const bool decimal_zero = digits.size() == 3 && digits[1] == '.' && digits[2] == '0';
  if (value.kind == TokenKind::Number && (digits.size() == 1 || padded || decimal_zero)) {
    number = digits[padded ? 1 : 0] - '0';
  } else if (value.kind == TokenKind::Word) {
    static const char* const kRoman[] = {"", "i", "ii", "iii", "iv", "v", "vi"};
    for (int k = 1; k <= 6; ++k) {
      if (value.folded == kRoman[k]) number = k;
    }
    // "BI-RADS category four"
    if (const std::optional<int> spelled = words_.number(value); spelled && *spelled <= 6) {
      number = *spelled;
    }
    if (number < 0 && value.folded.size() == 3 && value.folded.compare(0, 2, "iv") == 0) {
      number = 4;
      letter_part = std::string(value.folded.substr(2));
    }
  }
  if (number < 0 || number > 6) return std::nullopt;
  std::size_t next = at + 1;
  // The Atlas's edition is no category: "BI-RADS 5th edition", "BI-RADS 4th ed.", "BI-RADS-Lexikon
  // 5. Auflage" (hostile review 23: read as category 5). An ordinal suffix written onto the number
  // ("5th") or an edition word after it, with or without the German ordinal period.
  if (value.kind == TokenKind::Number && next < end) {
    static const char* const kOrdinalSuffixes[] = {"th", "st", "nd", "rd"};
    static const char* const kEditionWords[] = {"edition", "ed", "auflage", "aufl", "ausgabe"};
    const Token& after = tokens[next];
    if (after.kind == TokenKind::Word && !after.gap_before &&
        word_in(after.folded, kOrdinalSuffixes)) {
      return std::nullopt;
    }
    std::size_t word_at = next;
    if (is_punct(tokens[word_at], '.') && word_at + 1 < item.tokens.size()) ++word_at;
    if (word_at < item.tokens.size() && tokens[word_at].kind == TokenKind::Word &&
        word_in(tokens[word_at].folded, kEditionWords)) {
      return std::nullopt;
    }
  }
  if (number == 4 && letter_part.empty() && next < end && tokens[next].kind == TokenKind::Word &&
      tokens[next].folded.size() == 1 && subcategory(tokens[next].folded[0])) {
    letter_part = std::string(tokens[next].folded);
    ++next;
  }
  Category category = kDigits[number];
  if (number == 4 && !letter_part.empty()) {
    const auto sub = subcategory(letter_part[0]);
    if (!sub) return std::nullopt;
    category = *sub;
  }
  // "BI-RADS 4/5": between two categories the more suspicious stands. So in a range of the next
  // category, "BI-RADS 3-4", "3 – 4", "3 to 4", "3 bis 4" (hostile review 20: ignored without
  // trace, left a 3): never "3 - 6 months". The range words are the lexicon's (category-range).
  const bool slash = next + 1 < end && is_punct(tokens[next], '/');
  const bool range_word = !slash && next + 1 < end && tokens[next].kind == TokenKind::Word &&
                          words_.is(tokens[next], FunctionWordRole::CategoryRange);
  const bool range = range_word || (!slash && next < end && is_dash(between(next)));
  std::size_t other_at = slash || range_word ? next + 1 : next;
  // "3 vs. 4", "3 bzw. 4": the range word's abbreviation period.
  if (range_word && other_at + 1 < end && is_punct(tokens[other_at], '.')) ++other_at;
  if ((slash || range || (other_at < end && !tokens[other_at].gap_before)) && other_at < end &&
      tokens[other_at].kind == TokenKind::Number && tokens[other_at].folded.size() == 1) {
    const int other = tokens[other_at].folded[0] - '0';
    const bool duration = other_at + 1 < end && is_duration(tokens[other_at + 1]);
    const bool next_category = other == number + 1 && other <= 5 && !duration;
    // Two categories a word puts side by side ("BI-RADS 2 vs 4", "2 oder 4"; hostile review 67)
    // are the alternatives, whatever their distance; a dash may be months ("3 - 6").
    if (other > number && other <= 6 && (!range || next_category || (range_word && !duration))) {
      return std::make_pair(kDigits[other], other_at + 1);
    }
  }
  return std::make_pair(category, next);
}

std::size_t Reader::after_category_fillers(const Item& item, std::size_t at, std::size_t end,
                                           bool* colon) const {
  for (int skipped = 0; at < end && skipped < 3; ++skipped) {
    const bool is_colon = is_punct(item.tokens[at], ':');
    if (!is_colon && !words_.is(item.tokens[at], FunctionWordRole::CategoryFiller)) break;
    if (is_colon && colon != nullptr) *colon = true;
    ++at;
  }
  return at;
}

std::optional<std::size_t> Reader::no_category_after(const Item& item, std::size_t at,
                                                     std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  at = after_category_fillers(item, at, end, nullptr);
  if (at >= end || at == 0) return std::nullopt;
  const Token& value = tokens[at];
  if (value.kind != TokenKind::Number) return std::nullopt;
  // A number no category is: "BI-RADS 4.5", "BI-RADS 2.5", a run of digits (hostile review 71:
  // dropped without a word). category_after reads "4.0" and "04"; a year is a prior exam's.
  if ((value.folded.size() > 2 || value.folded.find('.') != std::string_view::npos) &&
      !is_year(value)) {
    return at + 1;
  }
  const std::string_view before =
      std::string_view(*item.text).substr(tokens[at - 1].end(), value.begin - tokens[at - 1].end());
  const bool minus = !before.empty() && before.back() == '-' &&
                     (before.size() >= 2 && before[before.size() - 2] == ' ');
  constexpr int kHighestCategory = 6;
  if (minus || leading_integer(value.folded) > kHighestCategory) return at + 1;
  return std::nullopt;
}

std::optional<std::size_t> Reader::blank_category_after(const Item& item, std::size_t at,
                                                        std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  // Where a sentence or a part ends: the label stood alone ("Reported per BI-RADS.") unless a
  // colon or a mark came before.
  const auto ends = [&](std::size_t k) {
    return k >= end || is_punct(tokens[k], '.') || is_punct(tokens[k], ';') ||
           is_punct(tokens[k], ',') || is_punct(tokens[k], '(');
  };
  bool colon_or_mark = false;
  at = after_category_fillers(item, at, end, &colon_or_mark);
  if (!ends(at) && words_.is(tokens[at], FunctionWordRole::CategoryBlank)) {
    return ends(at + 1) ? std::optional<std::size_t>(at + 1) : std::nullopt;
  }
  // Marks only: "-", "___", "[ ]", "/", "?", "…".
  std::size_t k = at;
  while (!ends(k) && tokens[k].kind == TokenKind::Punct) ++k;
  colon_or_mark = colon_or_mark || k > at;
  if (ends(k) && colon_or_mark) return k;
  return std::nullopt;
}

// A number after a category word, in the same sentence and within a few words, that reads as a
// category but that no category statement read took, differing from every one read: "BI-RADS
// rechts 2 / links 4", "BI-RADS R2 L4" (hostile review 46, H46-1: the 4 was lost without trace,
// the exam benign). Said (narrative-unresolved), so the exam needs review and is never called
// benign for it; never read as a category of a breast, which the words do not say surely.
void Reader::note_unread_categories(const Item& item, const SentenceReading& reading,
                                    const std::vector<PhraseMatch>& matches,
                                    const std::vector<ReadCategory>& read) {
  constexpr std::size_t kWordsAfter = 12;
  const SentenceRange& range = *reading.range;
  const auto taken = [&](std::size_t at) {
    return std::any_of(read.begin(), read.end(), [at](const ReadCategory& category) {
      return at >= category.begin && at < category.end;
    });
  };
  // "r2", "l4b", "re2": a breast letter written onto the number.
  const auto glued = [](std::string_view word) -> std::optional<Category> {
    std::size_t digit = 0;
    while (digit < word.size() && std::isalpha(static_cast<unsigned char>(word[digit])) != 0) {
      ++digit;
    }
    const std::string_view side = word.substr(0, digit);
    const std::string_view rest = word.substr(digit);
    const bool breast_letters = is_breast_letter(side);
    if (!breast_letters || rest.empty() || rest.size() > 2 || rest[0] < '0' || rest[0] > '6' ||
        (rest.size() == 2 && (rest[0] != '4' || rest[1] < 'a' || rest[1] > 'c'))) {
      return std::nullopt;
    }
    if (rest.size() == 1) return kDigits[rest[0] - '0'];
    return rest[1] == 'a'
               ? Category::LowSuspicion4A
               : (rest[1] == 'b' ? Category::ModerateSuspicion4B : Category::HighSuspicion4C);
  };
  // Words that lead from one category to the next: "BI-RADS 2 on the right and 4 on the left",
  // "BI-RADS 2, upgraded to 4 after ultrasound", "2 → 4", "beidseits 2, links jedoch 4" (hostile
  // review 48, H48-5). English and German, kept here: several have a role of their own in the
  // lexicon already ("to", "bis", "der"), and a phrase has one role there. "und" also for English
  // text: a German report read with the English lexicon ("BI-RADS 2 und 4").
  static const char* const kLinks[] = {
      "on", "in", "the", "of", "for", "to", "except", "upgraded", "downgraded", "after",
      "bilaterally", "\xE2\x86\x92", "auf", "im", "der", "die", "für", "fuer", "bis", "jedoch",
      "hochgestuft", "herabgestuft", "nach", "beidseits", "us", "ultrasound", "mri", "sonographie",
      "sonografie", "mrt", "und",
      // "BI-RADS ≥3", "≤ 3", "mind. 3", "at least 3" (hostile reviews 68, 70): a bound is a
      // category said.
      "\xE2\x89\xA5", "\xE2\x89\xA4", "mind", "mindestens", "least"};
  // A breast word, a breast's letter or what joins them.
  const auto joins = [&](std::size_t k) {
    const Token& token = item.tokens[k];
    return token.kind == TokenKind::Punct || reading.breast_words[k] ||
           words_.is(token, FunctionWordRole::And) ||
           words_.is(token, FunctionWordRole::CategoryFiller) || is_breast_letter(token.folded) ||
           words_.is(token, FunctionWordRole::BreastNoun) ||
           words_.is(token, FunctionWordRole::Corrects) ||
           (token.kind == TokenKind::Word && word_in(token.folded, kLinks));
  };
  // A density statement's category is the breast's composition (review 47, R47-4).
  if (names_composition(matches)) return;
  std::vector<Category> unread_said;
  for (const PhraseMatch& match : matches) {
    if (match.kind != PhraseKind::CategoryWord) continue;
    // Past or hypothetical categories are none of this report's (read_assessment's set_aside).
    const MentionStatus status = status_of(item, reading, match.begin, match.end, false).status;
    if (status == MentionStatus::Historical || status == MentionStatus::Hypothetical) continue;
    // Only breast words, their letters and what joins them lie between: "routine screening in
    // 1 year" or "3 views" after a category say no category.
    bool in_brackets = false;
    for (std::size_t k = match.end; k < range.end && k < match.end + kWordsAfter; ++k) {
      const Token& token = item.tokens[k];
      if (taken(k)) continue;
      // A label in brackets says whose the category is: "BI-RADS 2 (mammo), 4 (final)" (hostile
      // review 94: the 4 was lost); its words lead on, a category in them is read ("(should be
      // 4)").
      if (is_punct(token, '(')) in_brackets = true;
      if (is_punct(token, ')')) in_brackets = false;
      // A roman numeral of two letters or more: "BI-RADS II-IV" (the single letters "I" and "V"
      // are words too).
      static const char* const kRomanCategories[] = {"ii", "iii", "iv", "vi", "iva", "ivb", "ivc"};
      const bool roman = token.kind == TokenKind::Word && word_in(token.folded, kRomanCategories);
      std::optional<Category> unread;
      std::size_t after = k + 1;
      if ((token.kind == TokenKind::Number && token.folded.size() == 1) || roman) {
        if (const auto category = category_after(item, k, range.end)) {
          unread = category->first;
          after = category->second;
        }
      } else if (token.kind == TokenKind::Word) {
        unread = glued(token.folded);
      }
      if (!unread && !joins(k) && !in_brackets) break;
      if (!unread) continue;
      // The scale after a category read: "Overall 4 of 5", "4 von 5" (hostile review 70: read
      // as 5). Only the scale's top: "BI-RADS 2 of 4" says a 4 too.
      static const char* const kOutOf[] = {"of", "von"};
      const bool scale_top =
          *unread == Category::HighlySuggestive5 || *unread == Category::KnownMalignancy6;
      if (scale_top && k >= 2 && word_in(item.tokens[k - 1].folded, kOutOf) && taken(k - 2)) {
        continue;
      }
      // A count or a duration after the number: "3 views", "in 1 year" (review 47, R47-4).
      if (after < range.end && (is_duration(item.tokens[after]) || !joins(after))) break;
      if (std::any_of(read.begin(), read.end(),
                      [&](const ReadCategory& category) { return category.category == *unread; })) {
        continue;
      }
      // Every one, never the first alone: "BI-RADS R 2 / L 4" says 2 and 4 (review 47, R47-5).
      unread_said.push_back(*unread);
    }
  }
  // An impression that gives a breast a bare number ("Beurteilung: rechts 2, links 4.",
  // "IMPRESSION: Right: 2. Left: 4."): its categories with no category word to read them by
  // (hostile review 48, H48-5). The number alone after the breast (or its heading), then
  // punctuation or the end; one a category word opens is read above.
  const bool impression =
      range.section == ReportSection::Impression || range.section == ReportSection::Conclusion;
  const bool category_word =
      std::any_of(matches.begin(), matches.end(),
                  [](const PhraseMatch& match) { return match.kind == PhraseKind::CategoryWord; });
  for (std::size_t k = range.begin; impression && !category_word && k < range.end; ++k) {
    const Token& token = item.tokens[k];
    if (token.kind != TokenKind::Number || token.folded.size() != 1 || token.folded[0] > '6' ||
        taken(k)) {
      continue;
    }
    std::size_t before = k;
    while (before > range.begin && is_punct(item.tokens[before - 1], ':')) --before;
    // "Left breast 4": the breast noun after the side (hostile review 71).
    if (before > range.begin + 1 &&
        words_.is(item.tokens[before - 1], FunctionWordRole::BreastNoun) &&
        reading.breast_words[before - 2]) {
      --before;
    }
    // A breast word or its letter ("R 2 / L 4"; hostile review 62).
    const bool after_breast =
        before > range.begin
            ? reading.breast_words[before - 1] || is_breast_letter(item.tokens[before - 1].folded)
            : range.heading_laterality != Laterality::Unknown;
    // With its letter ("4B", "4 c"; hostile review 92: "Left breast. 4B." was dropped).
    const auto lettered = category_after(item, k, range.end);
    const Category category = lettered ? lettered->first : kDigits[token.folded[0] - '0'];
    const std::size_t after = lettered ? lettered->second : k + 1;
    const bool alone = after >= range.end || item.tokens[after].kind == TokenKind::Punct;
    if (after_breast && alone) unread_said.push_back(category);
  }
  // A sentence of correction words and one number alone: "BI-RADS 2. Sorry, 4.", "Korrektur:
  // 4." (hostile review 69).
  if (!category_word) {
    std::size_t k = range.begin;
    while (k < range.end && (item.tokens[k].kind == TokenKind::Punct ||
                             words_.is(item.tokens[k], FunctionWordRole::Corrects))) {
      ++k;
    }
    const bool corrects =
        k > range.begin && words_.is(item.tokens[range.begin], FunctionWordRole::Corrects);
    const bool alone =
        k + 1 == range.end ||
        (k + 1 < range.end && item.tokens[k + 1].kind == TokenKind::Punct && k + 2 == range.end);
    if (corrects && alone && item.tokens[k].kind == TokenKind::Number &&
        item.tokens[k].folded.size() == 1 && item.tokens[k].folded[0] <= '6') {
      unread_said.push_back(kDigits[item.tokens[k].folded[0] - '0']);
    }
    // An impression sentence that is one number alone, asked ("4?"): a category said (hostile
    // review 91, S5). Not "1." (a list's number).
    std::size_t number = range.end;
    bool only_number = impression;
    bool asked = false;
    for (std::size_t t = range.begin; t < range.end && only_number; ++t) {
      const Token& token = item.tokens[t];
      asked = asked || is_punct(token, '?');
      if (token.kind == TokenKind::Punct) continue;
      only_number = number == range.end && token.kind == TokenKind::Number &&
                    token.folded.size() == 1 && token.folded[0] <= '6';
      number = t;
    }
    if (only_number && asked && number < range.end && !taken(number)) {
      unread_said.push_back(kDigits[item.tokens[number].folded[0] - '0']);
    }
  }
  if (unread_said.empty()) return;
  std::string said;
  std::optional<Category> highest;
  for (const Category category : unread_said) {
    highest = highest ? more_suspicious(*highest, category) : category;
    const std::string name(to_string(category));
    if (said.find(name) != std::string::npos) continue;
    said += (said.empty() ? "" : ", ") + name;
  }
  // Above benign, it counts for both breasts and the exam as a finding the rules do not assess
  // would: "BI-RADS 2 + 4" gave an exam of 0 where the text may well say 4 (hostile review 60,
  // H60-10). Of no breast: the words do not say surely which.
  if (category_rank(*highest) > category_rank(Category::Benign2)) {
    UnassessedFinding stated;
    stated.position = *item.position;
    stated.code = Code{"", "", "BI-RADS " + std::string(to_string(*highest))};
    stated.category = highest;
    stated.from_text = true;
    stated.unread_category = true;
    stated.quote = reading.sentence.text;
    reading_.other_lesions.push_back(std::move(stated));
  }
  reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                            "the text may state BI-RADS " + said +
                                ", which was not read as a category: \"" + reading.sentence.text +
                                "\"",
                            *item.position});
}

void Reader::read_assessment(const Item& item, const SentenceReading& reading,
                             const std::vector<PhraseMatch>& matches) {
  const SentenceRange& range = *reading.range;
  const std::vector<Trigger>& triggers = reading.triggers;
  const std::vector<Clause>& clauses = reading.context_clauses;
  const std::vector<Read<Laterality>>& sides = reading.sides;
  const TextSentence& sentence = reading.sentence;
  const std::size_t sentence_id = sentence_count_ - 1;
  bool composition = false;
  for (const PhraseMatch& match : matches) composition |= match.kind == PhraseKind::Composition;
  auto clause_of = [&](std::size_t at) { return clause_holding(clauses, at, range); };
  // A category, follow-up or their words set aside by context (negated, past, hypothetical).
  // A category or follow-up of the past or of a hypothesis is not this report's ("history of
  // BI-RADS 3", "if they increase, biopsy"). Negation does not reach a category ("No suspicious
  // calcifications, BI-RADS 1"), and reaches a follow-up only from close by ("no biopsy",
  // "biopsy is not needed").
  auto set_aside = [&](std::size_t begin, std::size_t end, bool follow_up) {
    const auto clause = clause_of(begin);
    const MentionStatus status = status_of(item, reading, begin, end, false).status;
    if (status == MentionStatus::Historical || status == MentionStatus::Hypothetical) return true;
    // A procedure of a past year in its part was done, not asked for ("post-surgical changes
    // from benign excisional biopsy 2010"; hostile review 70: read as a needle localization).
    // Not where the part recommends ("Biopsy recommended for calcifications new since 2022"),
    // nor with no exam date, where every year reads as past (review of the change).
    if (follow_up && exam_year_) {
      const Clause part = part_of(item, reading, begin);
      if (!words_.any_in(item.tokens, part.first, part.second, FunctionWordRole::Recommends) &&
          past_year_in_part(item, reading, begin)) {
        return true;
      }
    }
    return follow_up && negated_near(item, begin, end, clause.first, clause.second, triggers);
  };
  // The breast a stretch of the sentence names, if any.
  auto named_between = [&](std::size_t begin, std::size_t end) {
    std::vector<Read<Laterality>> inside;
    std::copy_if(
        sides.begin(), sides.end(), std::back_inserter(inside),
        [&](const Read<Laterality>& side) { return side.token >= begin && side.token < end; });
    return side_named(inside);
  };
  // An overall statement speaks for one breast or the whole exam ("bilateral": the exam).
  auto exam_or_breast = [](Laterality side) {
    return side == Laterality::Both ? Laterality::Unknown : side;
  };
  auto side_between = [&](std::size_t begin, std::size_t end) {
    const auto named = named_between(begin, end);
    return exam_or_breast(named ? named->value : range.heading_laterality);
  };

  using Found = ReadCategory;
  // Tokens that name a breast ("right", "left breast", "bilateral").
  TokenMarks names_breast(range);
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::Laterality || match.kind == PhraseKind::Breast) {
      names_breast.mark(match.begin, match.end);
    }
  }
  // A category just after a composition wording is the breast density, not an assessment
  // ("Breast density BI-RADS 3", "breast density category 3", "heterogeneously dense (BI-RADS
  // 3)": the 4th edition numbered density 1-4).
  auto states_density = [&](std::size_t category_word) {
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      if (match.kind != PhraseKind::Composition || match.end > category_word ||
          match.end + 3 < category_word) {
        return false;
      }
      // Not across a comma: "heterogeneously dense, BI-RADS 4" may be the assessment, and a
      // reported category misread can only raise the final one (R1), one dropped can lower it.
      for (std::size_t k = match.end; k < category_word; ++k) {
        const Token& token = item.tokens[k];
        if (token.kind == TokenKind::Punct && !is_punct(token, '(') && !is_punct(token, ':')) {
          return false;
        }
      }
      return true;
    });
  };
  // A category followed by a year is a prior exam's ("BI-RADS 3 in 2022", "BI-RADS 3 (2022)").
  auto dated_before_this_exam = [&](std::size_t after) {
    for (std::size_t k = after; k < range.end && k < after + 2; ++k) {
      const Token& token = item.tokens[k];
      if (is_year(token)) return true;
      if (token.kind == TokenKind::Punct && !is_punct(token, '(')) return false;
    }
    return false;
  };
  std::vector<Found> found;
  std::size_t covered = 0;
  for (const PhraseMatch& match : matches) {
    if (match.kind != PhraseKind::CategoryWord || match.begin < covered) continue;
    if (composition && is_word(item.tokens[match.begin], "category")) continue;
    const auto category = category_after(item, match.end, range.end);
    if (set_aside(match.begin, match.end, false) || states_density(match.begin)) {
      if (category) covered = category->second;
      continue;
    }
    // "BI-RADS 7", "BI-RADS -1": no category, and said (never dropped without trace).
    if (!category) {
      if (const auto no_category = no_category_after(item, match.end, range.end)) {
        reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                                  "the text states a BI-RADS category that does not exist (\"" +
                                      words_of(item, match.begin, *no_category) +
                                      "\"), not read as a category: \"" + sentence.text + "\"",
                                  *item.position});
      } else if (const auto blank = blank_category_after(item, match.end, range.end)) {
        // Hostile review 71, F: a form's blank was read as no statement, the exam benign.
        reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                                  "the text leaves its category blank (\"" +
                                      words_of(item, match.begin, *blank) +
                                      "\"): no category is given: \"" + sentence.text + "\"",
                                  *item.position});
        covered = *blank;
        continue;
      }
    }
    std::size_t at = match.end;
    if (category) {
      covered = category->second;
      at = category->second;
      if (!dated_before_this_exam(category->second)) {
        found.push_back({category->first, match.begin, category->second});
      }
      // A category the text hedges ("Likely BI-RADS 2", "Am ehesten BI-RADS 2") is read, and
      // the hedge said: the report's own category is not settled (hostile review 66).
      if (status_of(item, reading, match.begin, category->second, false).status ==
          MentionStatus::Uncertain) {
        reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                                  "the text hedges its category (\"" +
                                      words_of(item, match.begin, category->second) + "\"): \"" +
                                      sentence.text + "\"",
                                  *item.position});
      }
    }
    // "BI-RADS: 2 right, 4 left", "BI-RADS right 2, left 4": one category per breast.
    for (;;) {
      std::size_t k = at;
      bool side_seen = false;
      // Side words and what links them: "2 right, 4 left", "Left 4B; Right 1", "2 for the right
      // breast and 4B for the left breast".
      auto links = [&](const Token& token) {
        return is_punct(token, ',') || is_punct(token, ':') || is_punct(token, ';') ||
               is_word(token, "and") || is_word(token, "for") || is_word(token, "the") ||
               is_word(token, "in");
      };
      while (k < range.end && k < at + 6 && (names_breast[k] || links(item.tokens[k]))) {
        side_seen = side_seen || names_breast[k];
        ++k;
      }
      if (!side_seen || k == at) break;
      const auto more = category_after(item, k, range.end);
      if (!more) break;
      std::size_t after = more->second;
      while (after < range.end && after < more->second + 3 && links(item.tokens[after])) ++after;
      const bool side_after = after < range.end && names_breast[after];
      bool side_before = false;
      for (std::size_t j = at; j < k; ++j) side_before = side_before || names_breast[j];
      if (!side_after && !side_before) break;
      covered = more->second;
      at = more->second;
      if (dated_before_this_exam(more->second)) continue;
      found.push_back({more->first, k, more->second});
    }
  }
  note_unread_categories(item, reading, matches, found);
  // Each category's breast: the sides named nearest to it, not nearer another category of the
  // sentence ("Right breast BI-RADS 1, left breast BI-RADS 4A"; "BI-RADS 3 right breast;
  // BI-RADS 1 left breast"; "BI-RADS 4C: suspicious calcifications, right breast"), else the
  // breast heading. A separator between a side and a category counts as distance.
  auto distance = [&](std::size_t side, const Found& category) {
    const std::size_t from = side < category.begin ? side : category.end;
    const std::size_t to = side < category.begin ? category.begin : side;
    std::size_t steps = to > from ? to - from : 0;
    for (std::size_t k = from; k < to; ++k) {
      const Token& token = item.tokens[k];
      if (is_punct(token, ',') || is_punct(token, ';') || is_punct(token, '.')) steps += 4;
    }
    return steps;
  };
  std::vector<std::vector<Read<Laterality>>> sides_of(found.size());
  if (!found.empty()) {
    for (const auto& side : sides) {
      std::size_t nearest = 0;
      for (std::size_t k = 1; k < found.size(); ++k) {
        if (distance(side.token, found[k]) < distance(side.token, found[nearest])) nearest = k;
      }
      sides_of[nearest].push_back(side);
    }
  }
  for (std::size_t k = 0; k < found.size(); ++k) {
    const auto named = side_named(sides_of[k]);
    const Laterality side = exam_or_breast(named ? named->value : range.heading_laterality);
    categories_.push_back({found[k].category, side, *item.position, sentence.text, sentence_id});
  }

  // Follow-ups are read where the radiologist recommends, not in the findings ("On spot
  // magnification views the calcifications are pleomorphic" describes what was done), nor from a
  // sentence that reports what was done ("Magnification views demonstrate…", "Stereotactic
  // biopsy was performed").
  if (range.section == ReportSection::Findings) {
    if (!reports_what_was_done(item, range)) note_request_in_findings(item, reading, matches);
    return;
  }
  if (reports_what_was_done(item, range)) {
    // Under a recommendation heading a sentence that also reports is still weighed as a request
    // ("RECOMMENDATION: Ultrasound showed a cyst; biopsy of the left calcifications").
    if (range.section == ReportSection::Recommendation) {
      note_unread_recommendation(item, reading, matches, false);
    }
    return;
  }
  const std::size_t follow_ups_before = follow_ups_.size();
  covered = 0;
  for (std::size_t k = 0; k < matches.size(); ++k) {
    const PhraseMatch& match = matches[k];
    if (match.kind != PhraseKind::FollowUp || match.begin < covered) continue;
    const PhraseMatch* best = &match;
    for (std::size_t j = k + 1; j < matches.size() && matches[j].begin == match.begin; ++j) {
      if (matches[j].kind == PhraseKind::FollowUp && matches[j].end > best->end) best = &matches[j];
    }
    covered = best->end;
    if (set_aside(best->begin, best->end, true)) continue;
    follow_ups_.push_back(
        {wordings_.follow_up[best->wording].code, wordings_.follow_up[best->wording].id,
         side_between(range.begin, range.end), *item.position, sentence.text, sentence_id});
  }
  note_unread_recommendation(item, reading, matches, follow_ups_.size() > follow_ups_before);
}

// A sentence that recommends something (an affirmed `recommends` word, or any sentence of a
// recommendation section that denies nothing) and names no follow-up the lexicon reads, taken or
// set aside: "Recommend wire loc.", "Empfehlung: Stanze links.", "Vorstellung in der
// Tumorkonferenz." Said (narrative-unresolved: the exam needs review and is never benign for
// it), never dropped: beside benign coded findings such requests left the exam benign,
// unreviewed (hostile review 46, H46-7).
void Reader::note_unread_recommendation(const Item& item, const SentenceReading& reading,
                                        const std::vector<PhraseMatch>& matches,
                                        bool follow_ups_taken_here) {
  const SentenceRange& range = *reading.range;
  const auto affirmed = [&](std::size_t k) {
    return status_of(item, reading, k, k + 1, false).status == MentionStatus::Affirmed;
  };
  bool recommends = false;
  for (std::size_t k = range.begin; k < range.end && !recommends; ++k) {
    recommends = words_.is(item.tokens[k], FunctionWordRole::Recommends) && affirmed(k);
  }
  // A work-up the sentence names now, outside every follow-up wording read from it ("Supplemental
  // MRI per guidelines", "Einbestellung zur Abklärung (Früherkennung)"; review 48, R48-4): not
  // what lies around ("Biopsy clip."), nor one of a year ("Biopsy 2019.").
  const auto in_follow_up = [&](std::size_t k) {
    return std::any_of(matches.begin(), matches.end(), [k](const PhraseMatch& match) {
      return match.kind == PhraseKind::FollowUp && match.begin <= k && k < match.end;
    });
  };
  const bool names_year =
      std::any_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(range.begin),
                  item.tokens.begin() + static_cast<std::ptrdiff_t>(range.end), is_year);
  bool work_up = false;
  std::size_t work_up_at = range.begin;
  for (std::size_t k = range.begin; k < range.end && !work_up && !names_year; ++k) {
    // A condition or a doubt is a request all the same ("If possible, biopsy."; hostile review 49,
    // H49-8); a denied or past one is none. The status only of a work-up word: asked of every
    // word, a sentence of thousands of negations took minutes (hostile review 54, H54-3).
    if (!words_.is(item.tokens[k], FunctionWordRole::WorkUp) || reading.surroundings_words[k] ||
        in_follow_up(k)) {
      continue;
    }
    const MentionStatus status = status_of(item, reading, k, k + 1, false).status;
    work_up = status != MentionStatus::Negated && status != MentionStatus::Historical;
    work_up_at = k;
  }
  const bool short_sentence = is_short_sentence(item, reading);
  const bool denies =
      std::any_of(reading.triggers.begin(), reading.triggers.end(),
                  [](const Trigger& trigger) { return trigger.role == ContextRole::Negated; });
  // "Results sent to the patient.": the report's delivery, no request, unless it names a work-up
  // too ("Ultrasound of the left breast, patient informed": review 48, R48-3).
  const bool administrative =
      words_.any_in(item.tokens, range.begin, range.end, FunctionWordRole::Administrative);
  const bool requests =
      recommends || follow_ups_taken_here ||
      (range.section == ReportSection::Recommendation && !denies && (!administrative || work_up));
  // Advice on symptoms to come that names no work-up is the safety net of a benign report ("If
  // symptoms persist, clinical follow-up", "Bei Beschwerden klinische Kontrolle"; hostile review
  // 66), no request; a request in a clause of its own still is ("Surgical referral; return to
  // screening unless clinically indicated").
  const auto in_a_safety_net_clause = [&](std::size_t k) {
    const Clause clause = reading.clause_of(k);
    return words_.any_in(item.tokens, clause.first, clause.second, FunctionWordRole::SafetyNet);
  };
  bool requested_outright = false;
  for (std::size_t k = range.begin; k < range.end && !requested_outright; ++k) {
    requested_outright = words_.is(item.tokens[k], FunctionWordRole::Recommends) &&
                         !in_a_safety_net_clause(k) && affirmed(k);
  }
  if (!work_up && !requested_outright &&
      words_.any_in(item.tokens, range.begin, range.end, FunctionWordRole::SafetyNet)) {
    return;
  }
  // A follow-up read from it (taken, not denied or set aside) says what it recommends, unless a
  // work-up stands beside it; one it denies does not ("No MRI needed; recommend wire loc.":
  // review 47, R47-11).
  // So does a part of its own that is the work-up, one word before it at most ("Coarse
  // calcification right breast, for biopsy"; hostile review 71: the biopsy was dropped beside the
  // restated benign finding). A word after it says what came of it ("…, MRI negative", "…, biopsy
  // proven fibroadenoma"), no request.
  bool short_part = false;
  if (work_up) {
    const Clause part = part_of(item, reading, work_up_at);
    std::size_t before = 0;
    std::size_t after = 0;
    for (std::size_t k = part.first; k < part.second; ++k) {
      if (item.tokens[k].kind != TokenKind::Word || reading.breast_words[k] ||
          words_.is(item.tokens[k], FunctionWordRole::WorkUp)) {
        continue;
      }
      ++(k < work_up_at ? before : after);
    }
    short_part = part.first > range.begin && before <= 1 && after == 0;
  }
  const bool unread = follow_ups_taken_here
                          ? work_up
                          : (requests || (work_up && (short_sentence || short_part)) ||
                             (!names_year && names_imaging_alone(item, reading, matches)));
  if (!unread) return;
  reading_.notes.push_back(
      {WarningCode::NarrativeUnresolved,
       "the text recommends what was not read as a follow-up: \"" + reading.sentence.text + "\"",
       *item.position});
}

// Imaging named alone in a short sentence of the impression, recommendation or conclusion
// ("Diagnostic mammogram of the left breast.", "DBT.", "LM view.", "Mammasonographie links.": a
// more-imaging word):
// a request the lexicon did not read as a follow-up, never dropped (hostile review 93, S2). Not in
// the findings or a text without sections, where views and techniques describe the exam
// ("Standard CC and MLO views", a title "Diagnostic mammogram."); not beside calcifications, a
// category ("Mammographie: BI-RADS 2") or words that call something benign or clear.
bool Reader::names_imaging_alone(const Item& item, const SentenceReading& reading,
                                 const std::vector<PhraseMatch>& matches) const {
  const SentenceRange& range = *reading.range;
  if (range.section != ReportSection::Impression &&
      range.section != ReportSection::Recommendation &&
      range.section != ReportSection::Conclusion) {
    return false;
  }
  const bool says_more =
      !reading.mentions.empty() || reports_what_was_done(item, range) ||
      std::any_of(
          matches.begin(), matches.end(),
          [](const PhraseMatch& match) { return match.kind == PhraseKind::CategoryWord; }) ||
      words_.any_in(item.tokens, range.begin, range.end, FunctionWordRole::CallsBenign) ||
      words_.any_in(item.tokens, range.begin, range.end, FunctionWordRole::ClearsBreast) ||
      words_.any_in(item.tokens, range.begin, range.end, FunctionWordRole::Done);
  // Short: "Diagnostic mammogram of the left breast." has five words besides its breast's.
  constexpr std::size_t kMostWords = 6;
  if (says_more || words_besides_breasts(item, reading) > kMostWords) return false;
  const auto affirmed = [&](std::size_t k) {
    return status_of(item, reading, k, k + 1, false).status == MentionStatus::Affirmed;
  };
  // Views counted ("3 views", "in zwei Ebenen") describe the exam.
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const Token& token = item.tokens[k];
    const bool count = token.kind == TokenKind::Number &&
                       token.folded.find_first_not_of("0123456789") == std::string_view::npos;
    if (count || words_.number(token)) return false;
  }
  // Only imaging, views, breasts and plain words: "Tomosynthesis performed." says more, and a
  // request beside it is read as one (review of session 60).
  bool imaging = false;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const std::size_t length = words_.phrase_length(item.tokens, k, FunctionWordRole::MoreImaging);
    if (length > 0) {
      imaging = imaging || affirmed(k);
      k += length - 1;
      continue;
    }
    const Token& token = item.tokens[k];
    const bool in_imaging_phrase =
        std::any_of(matches.begin(), matches.end(), [k](const PhraseMatch& match) {
          return match.kind == PhraseKind::BreastImaging && match.begin <= k && k < match.end;
        });
    if (token.kind == TokenKind::Word && !reading.breast_words[k] && !in_imaging_phrase &&
        !words_.is(token, FunctionWordRole::View) && !words_.is(token, FunctionWordRole::Plain)) {
      return false;
    }
  }
  return imaging;
}

// Categories become statements; each follow-up joins the statement of its sentence, else the
// nearest one before it for its breast, else the next one, else a statement of its own.
void Reader::finish_assessments() {
  keep_tissue_follow_ups_of_a_breast();
  std::vector<std::size_t> statement_sentence;
  auto open_statement = [&](Laterality laterality, const std::string& position,
                            const std::string& quote, std::size_t sentence) {
    OverallStatement statement;
    statement.laterality = laterality;
    statement.position = position;
    statement.from_text = true;
    statement.quote = quote;
    reading_.assessments.push_back(std::move(statement));
    statement_sentence.push_back(sentence);
    return reading_.assessments.size() - 1;
  };
  for (const CategoryEvent& event : categories_) {
    const std::size_t opened =
        open_statement(event.laterality, event.position, event.quote, event.sentence);
    reading_.assessments[opened].category = event.category;
  }
  auto same_breast = [](Laterality a, Laterality b) {
    return a == b || a == Laterality::Unknown || b == Laterality::Unknown;
  };
  for (const FollowUpEvent& event : follow_ups_) {
    std::optional<std::size_t> target;
    for (std::size_t k = 0; k < statement_sentence.size(); ++k) {
      if (statement_sentence[k] == event.sentence &&
          same_breast(reading_.assessments[k].laterality, event.laterality)) {
        target = k;
        break;
      }
    }
    for (std::size_t k = statement_sentence.size(); !target && k > 0; --k) {
      if (statement_sentence[k - 1] < event.sentence &&
          same_breast(reading_.assessments[k - 1].laterality, event.laterality)) {
        target = k - 1;
      }
    }
    for (std::size_t k = 0; !target && k < statement_sentence.size(); ++k) {
      if (statement_sentence[k] > event.sentence &&
          same_breast(reading_.assessments[k].laterality, event.laterality)) {
        target = k;
      }
    }
    if (!target) {
      target = open_statement(event.laterality, event.position, event.quote, event.sentence);
    }
    OverallStatement& statement = reading_.assessments[*target];
    std::vector<StatedFollowUp>& stated = statement.follow_up;
    if (std::none_of(stated.begin(), stated.end(),
                     [&](const StatedFollowUp& held) { return held.id == event.id; })) {
      stated.push_back({event.code, event.position, event.id, event.quote});
    }
  }
}

// The first follow-up wording of the sentence that asks for tissue (a biopsy, an excision) and
// whose status `wanted` accepts; none otherwise.
template <typename Wanted>
const PhraseMatch* Reader::tissue_follow_up(const Item& item, const SentenceReading& reading,
                                            const std::vector<PhraseMatch>& matches,
                                            Wanted wanted) const {
  const SentenceRange& range = *reading.range;
  const auto found = std::find_if(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
    return match.kind == PhraseKind::FollowUp && match.begin >= range.begin &&
           match.begin < range.end && asks_for_tissue(wordings_.follow_up[match.wording].code) &&
           wanted(status_of(item, reading, match.begin, match.end, false).status);
  });
  return found == matches.end() ? nullptr : &*found;
}

// A biopsy asked for on a condition the text does not settle ("If these calcifications are new,
// biopsy would be indicated", "Biopsy if they have grown"): the report neither asks for it nor
// rules it out, and the radiologist must settle it (hostile review 71, G: the request was read as
// a hypothesis and dropped). One denied ("No biopsy is needed if they stay stable") is none.
void Reader::note_tissue_on_a_condition(const Item& item, const SentenceReading& reading,
                                        const std::vector<PhraseMatch>& matches) {
  const SentenceRange& range = *reading.range;
  std::optional<std::size_t> condition;
  std::size_t condition_words = 0;
  for (std::size_t t = range.begin; t < range.end && !condition; ++t) {
    condition_words = words_.phrase_length(item.tokens, t, FunctionWordRole::Condition);
    if (condition_words > 0) condition = t;
  }
  if (!condition) return;
  const PhraseMatch* tissue = tissue_follow_up(item, reading, matches, [](MentionStatus status) {
    return status != MentionStatus::Negated;
  });
  if (tissue == nullptr) return;
  reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                            "the text asks for tissue (\"" +
                                words_of(item, tissue->begin, tissue->end) +
                                "\") only on a condition it does not settle (\"" +
                                words_of(item, *condition, *condition + condition_words) +
                                "\"): \"" + reading.sentence.text + "\"",
                            *item.position});
}

// A biopsy the findings ask for ("Coarse calcifications right breast; biopsy is recommended",
// "…, which should be biopsied"), a short-interval follow-up ("Follow-up in 6 months.") or any
// work-up the sentence recommends ("Recommend magnification views."): follow-ups are read where
// the radiologist recommends, but such a request is never dropped (hostile review 71, J; 91, S3:
// the exam stayed benign, unreviewed). Said, for the radiologist; a denied, past or conditional
// one is not (the last is said apart).
void Reader::note_request_in_findings(const Item& item, const SentenceReading& reading,
                                      const std::vector<PhraseMatch>& matches) {
  const SentenceRange& range = *reading.range;
  const auto affirmed = [&](std::size_t begin, std::size_t end) {
    return status_of(item, reading, begin, end, false).status == MentionStatus::Affirmed;
  };
  bool recommends = false;
  for (std::size_t k = range.begin; k < range.end && !recommends; ++k) {
    recommends = words_.is(item.tokens[k], FunctionWordRole::Recommends) && affirmed(k, k + 1);
  }
  const bool short_sentence = is_short_sentence(item, reading);
  // A follow-up the findings report the result of: right after "on" or "since" ("stable on 6-month
  // follow-up", "since the 6-month follow-up"; one plain word may stand between) or right after
  // a change ("unchanged at 6 months"). Never a request for tissue.
  const auto result_of = [&](std::size_t at) {
    const Token& word = item.tokens[at];
    if (is_word(word, "on") || is_word(word, "since") || is_word(word, "seit")) return true;
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& change) {
      return change.kind == PhraseKind::Change && change.end == at + 1;
    });
  };
  const auto done_at = [&](const PhraseMatch& follow_up) {
    if (follow_up.begin == range.begin) return false;
    const std::size_t before = follow_up.begin - 1;
    if (result_of(before)) return true;
    return before > range.begin && words_.is(item.tokens[before], FunctionWordRole::Plain) &&
           result_of(before - 1);
  };
  const auto asked = std::find_if(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
    if (match.kind != PhraseKind::FollowUp || match.begin < range.begin ||
        match.begin >= range.end) {
      return false;
    }
    const Code& code = wordings_.follow_up[match.wording].code;
    const std::optional<FollowUpKind> kind = follow_up_kind_for(code);
    const bool request = asks_for_tissue(code) || kind == FollowUpKind::ShortInterval ||
                         ((recommends || short_sentence) && kind != FollowUpKind::NormalInterval);
    // A recommendation is never a result reported ("Follow-up on 6 months recommended").
    return request && (asks_for_tissue(code) || recommends || !done_at(match)) &&
           affirmed(match.begin, match.end);
  });
  const auto note_asked = [&](const std::string& what) {
    reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                              "the findings text asks for " + what +
                                  ", which the summary's recommendation does not take from "
                                  "there: \"" +
                                  reading.sentence.text + "\"",
                              *item.position});
  };
  if (asked == matches.end()) {
    // A short sentence that is a work-up or a request by its word alone ("MDT.", "Weitere
    // Abklärung."; hostile review 92), as in the impression.
    for (std::size_t k = range.begin; short_sentence && k < range.end; ++k) {
      const Token& token = item.tokens[k];
      // A word after it says what came of it or lies there ("Biopsy clip.", "MRI negative").
      const auto word_after = [&] {
        for (std::size_t j = k + 1; j < range.end; ++j) {
          if (item.tokens[j].kind != TokenKind::Punct && !reading.breast_words[j]) return true;
        }
        return false;
      };
      if ((words_.is(token, FunctionWordRole::WorkUp) ||
           words_.is(token, FunctionWordRole::Recommends)) &&
          !reading.surroundings_words[k] && !word_after() && affirmed(k, k + 1)) {
        note_asked("\"" + words_of(item, k, k + 1) + "\"");
        return;
      }
    }
    return;
  }
  const bool tissue = asks_for_tissue(wordings_.follow_up[asked->wording].code);
  note_asked(std::string(tissue ? "tissue" : "a follow-up") + " (\"" +
             words_of(item, asked->begin, asked->end) + "\")");
}

// Every follow-up that asks for tissue of a breast the text names, for the check against the
// breasts of the findings (use_narrative).
void Reader::keep_tissue_follow_ups_of_a_breast() {
  for (const FollowUpEvent& event : follow_ups_) {
    if (event.laterality != Laterality::Left && event.laterality != Laterality::Right) continue;
    if (!asks_for_tissue(event.code)) continue;
    reading_.tissue_follow_ups.push_back(
        {event.code, event.laterality, event.position, event.quote});
  }
}

}  // namespace mammocalc::narrative::reading
