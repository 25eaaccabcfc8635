// The narrative reader's descriptors: morphology, distribution, site, side, clock, quadrant,
// region, depth, measures, count, change, correlates — the words of a clause that describe its
// calcifications (narrative.md §2).

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "findings/lexicon.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/reader_parts.hpp"
#include "narrative/report_text.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc::narrative::reading {

std::string format_number(double value) {
  const long rounded = static_cast<long>(value);
  if (static_cast<double>(rounded) == value) return std::to_string(rounded);
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// The digits a word starts with as a number ("10" of "10:30"); 0 when there are none.
int leading_integer(std::string_view word) {
  int value = 0;
  for (std::size_t k = 0; k < word.size() && k < 6 && word[k] >= '0' && word[k] <= '9'; ++k) {
    value = value * 10 + (word[k] - '0');
  }
  return value;
}

namespace {

// A word that spells a small count ("two punctate calcifications"): 1 to 12.
std::optional<int> number_word(const Token& token, const FunctionWords& words) {
  const std::optional<int> number = words.number(token);
  if (number && *number >= 1 && *number <= 12) return number;
  return std::nullopt;
}

// The length unit at a token, in mm per unit; 0 when it is none. `fn` is set for "cmFN".
double unit_mm(const Token& token, bool& fn) {
  fn = false;
  if (token.kind != TokenKind::Word) return 0;
  const std::string_view word = token.folded;
  if (word == "cmfn" || word == "mmfn") fn = true;
  if (word == "cm" || word == "cms" || word == "cmfn" || word.rfind("centimet", 0) == 0) return 10;
  if (word == "mm" || word == "mmfn" || word.rfind("millimet", 0) == 0) return 1;
  return 0;
}

}  // namespace

// Adds the facts of `more` to `into`: lists are appended, a missing single fact is filled.
void add_descriptors(Descriptors& into, const Descriptors& more) {
  auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  auto fill = [](auto& to, const auto& from) {
    if (!to && from) to = from;
  };
  append(into.morphology, more.morphology);
  append(into.distribution, more.distribution);
  append(into.site, more.site);
  append(into.sides, more.sides);
  append(into.change, more.change);
  append(into.assessment, more.assessment);
  fill(into.clock, more.clock);
  append(into.other_clocks, more.other_clocks);
  append(into.clock_range_ends, more.clock_range_ends);
  append(into.no_clock_hours, more.no_clock_hours);
  append(into.other_quadrants, more.other_quadrants);
  fill(into.quadrant, more.quadrant);
  fill(into.region, more.region);
  fill(into.depth, more.depth);
  fill(into.from_nipple_mm, more.from_nipple_mm);
  fill(into.from_skin_mm, more.from_skin_mm);
  fill(into.from_chest_wall_mm, more.from_chest_wall_mm);
  if (into.extent_mm && more.extent_mm) into.other_sizes.push_back(*more.extent_mm);
  fill(into.extent_mm, more.extent_mm);
  append(into.other_sizes, more.other_sizes);
  if (into.count && more.count) into.other_numbers.push_back(*more.count);
  fill(into.count, more.count);
  append(into.other_numbers, more.other_numbers);
  fill(into.ultrasound, more.ultrasound);
  fill(into.mass, more.mass);
  if (!into.lesion || (more.lesion && more.lesion->value == Lesion::ArchitecturalDistortion)) {
    fill(into.lesion, more.lesion);
  }
  into.lesion_unexplained = into.lesion_unexplained || more.lesion_unexplained;
  fill(into.lesion_cause, more.lesion_cause);
  if (into.lesion_unexplained) into.lesion_cause.reset();
  fill(into.denied, more.denied);
  fill(into.compared_assessment, more.compared_assessment);
}

// Measures: distance from the nipple / skin / chest wall ("4 cm from the nipple", "4 cm FN"),
// and extent ("spanning 3 cm", "measuring 6 x 4 mm", "a 2 cm area").
void Reader::read_measures(const Item& item, std::size_t begin, std::size_t end,
                           std::vector<bool>& consumed, Descriptors& out) const {
  const std::vector<Token>& tokens = item.tokens;
  // What a measure after its unit is the distance from ("4 cm from the nipple", "4 cm FN").
  struct Distance {
    MeasureRole role;
    std::optional<Read<double>> Descriptors::*target;
  };
  static constexpr Distance kDistances[] = {
      {MeasureRole::FromNipple, &Descriptors::from_nipple_mm},
      {MeasureRole::FromSkin, &Descriptors::from_skin_mm},
      {MeasureRole::FromChestWall, &Descriptors::from_chest_wall_mm}};
  for (std::size_t at = begin; at < end; ++at) {
    if (tokens[at].kind != TokenKind::Number || consumed[at - begin]) continue;
    // number [x number]* unit
    double largest = narrative::number_value(tokens[at]);
    std::size_t k = at + 1;
    while (
        k + 1 < end &&
        (is_word(tokens[k], "x") || is_word(tokens[k], "by") || tokens[k].folded == "\xC3\x97") &&
        tokens[k + 1].kind == TokenKind::Number) {
      largest = std::max(largest, narrative::number_value(tokens[k + 1]));
      k += 2;
    }
    if (k >= end) continue;
    bool fn = false;
    const double scale = unit_mm(tokens[k], fn);
    if (scale == 0 || largest < 0) continue;
    const double mm = largest * scale;
    std::size_t after = k + 1;
    std::optional<Read<double>>* target = fn ? &out.from_nipple_mm : nullptr;
    for (const Distance& distance : kDistances) {
      if (target != nullptr) break;
      const std::size_t length = words_.measure_at(tokens, after, end, distance.role);
      if (length == 0) continue;
      target = &(out.*distance.target);
      after += length;
    }
    if (target == nullptr) {
      bool extent = words_.measure_at(tokens, after, end, MeasureRole::ExtentAfter) > 0;
      for (std::size_t back = at, steps = 0; !extent && back > begin && steps < 4; ++steps) {
        --back;
        if (words_.measure_word(tokens[back], MeasureRole::ExtentBefore)) extent = true;
        if (!words_.measure_word(tokens[back], MeasureRole::ExtentFiller)) break;
      }
      if (extent) target = &out.extent_mm;
    }
    Read<double> measure{mm, words_of(item, at, after), span_of(item, at, after), at};
    if (target == nullptr) {
      out.other_sizes.push_back(std::move(measure));
      continue;
    }
    if (!target->has_value()) {
      *target = std::move(measure);
    } else if (target == &out.extent_mm) {
      out.other_sizes.push_back(std::move(measure));
    }
    for (std::size_t j = at; j < after; ++j) consumed[j - begin] = true;
    at = after - 1;
  }
}

// Count: a number just before the mention, over at most three words ("5 calcifications", "two
// punctate calcs") — not a measure ("2 mm calcifications"), a clock ("3 o'clock
// calcifications"), a category ("BI-RADS 4 calcifications") or a count of groups ("two groups of").
std::optional<Read<int>> Reader::count_before(const Item& item, std::size_t clause_begin,
                                              std::size_t mention) const {
  const std::vector<Token>& tokens = item.tokens;
  for (std::size_t back = mention, steps = 0; back > clause_begin && steps < 4; ++steps) {
    --back;
    const Token& token = tokens[back];
    std::optional<int> count = number_word(token, words_);
    const bool integer = token.kind == TokenKind::Number &&
                         token.folded.find('.') == std::string::npos && token.folded.size() <= 4;
    if (integer) count = leading_integer(token.folded);
    if (count) {
      bool fn = false;
      const Token& next = tokens[back + 1];
      const bool measure = unit_mm(next, fn) > 0;
      const bool clock = words_.is(next, FunctionWordRole::ClockAfterHour) ||
                         words_.is(next, FunctionWordRole::ClockFiller);
      const bool category =
          back > 0 && words_.is(tokens[back - 1], FunctionWordRole::CategoryBeforeNumber);
      if (measure || clock || category || *count <= 0) return std::nullopt;
      return Read<int>{*count, words_of(item, back, back + 1), span_of(item, back, back + 1), back};
    }
    const bool counts_something_else =
        token.folded.rfind("group", 0) == 0 || token.folded.rfind("cluster", 0) == 0 ||
        token.folded.rfind("area", 0) == 0 || token.folded == "foci" || token.folded == "focus";
    if (token.kind != TokenKind::Word || counts_something_else) return std::nullopt;
  }
  return std::nullopt;
}

// Whole numbers a measure or the clock did not take that end their part ("now number 15,
// previously 3.", "3 -> 15", "3 → 15"), or number words of two and more that do ("now fifteen,
// previously three"; hostile review 92), no category ("BI-RADS 4", "Kategorie: 4"), year,
// percentage, list marker ("1)") or part of a date or time: what they count is not read, but two
// that differ are said (merge_into). A number before a word counts that word ("3 prior exams", "2
// views").
void Reader::read_other_numbers(const Item& item, std::size_t begin, std::size_t end,
                                const std::vector<bool>& consumed, Descriptors& out) const {
  const std::vector<Token>& tokens = item.tokens;
  const auto after_category_word = [&](std::size_t at) {
    for (std::size_t back = at, steps = 0; back > begin && steps < 2; ++steps) {
      --back;
      if (words_.is(tokens[back], FunctionWordRole::CategoryBeforeNumber)) return true;
      if (tokens[back].kind != TokenKind::Punct) return false;
    }
    return false;
  };
  // A part of a date or a time ("03/2024", "12.03.", "10:30"): a number joined to another by
  // "/", "." or ":" with no space.
  const auto joined_number = [&](std::size_t punct, std::size_t number) {
    return number < tokens.size() && tokens[number].kind == TokenKind::Number &&
           !tokens[number].gap_before && !tokens[punct].gap_before &&
           (is_punct(tokens[punct], '/') || is_punct(tokens[punct], '.') ||
            is_punct(tokens[punct], ':'));
  };
  for (std::size_t at = begin; at < end; ++at) {
    const Token& token = tokens[at];
    if (const std::optional<int> said = words_.number(token);
        said && *said >= 2 && !consumed[at - begin] && !after_category_word(at) &&
        (at + 1 >= end || tokens[at + 1].kind == TokenKind::Punct)) {
      out.other_numbers.push_back(
          {*said, words_of(item, at, at + 1), span_of(item, at, at + 1), at});
      continue;
    }
    if (token.kind != TokenKind::Number || consumed[at - begin] || is_year(token) ||
        token.folded.size() > 4 ||
        token.folded.find_first_not_of("0123456789") != std::string_view::npos ||
        after_category_word(at)) {
      continue;
    }
    if (at + 1 < end) {
      const Token& next = tokens[at + 1];
      // A number before a word counts that word ("3 prior exams", "series 2 image 14"); one that
      // ends its part ("now number 15, previously 3.", "3 -> 15") is said as a count.
      // A range's words lead to the other count ("from 3 to 15", "von 3 auf 15").
      const bool leads_on = is_word(next, "to") || is_word(next, "auf") || is_word(next, "bis");
      // "1)" opens a list; "(previously 3)" closes a bracket opened in the part.
      const bool closes_bracket =
          is_punct(next, ')') &&
          std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                      tokens.begin() + static_cast<std::ptrdiff_t>(at),
                      [](const Token& before) { return is_punct(before, '('); });
      if ((next.kind == TokenKind::Word && !leads_on) || is_punct(next, '%') ||
          (is_punct(next, ')') && !closes_bracket) || joined_number(at + 1, at + 2)) {
        continue;
      }
    }
    if (at >= 2 && tokens[at - 2].kind == TokenKind::Number && joined_number(at - 1, at)) continue;
    const int value = leading_integer(token.folded);
    if (value < 1) continue;
    out.other_numbers.push_back({value, words_of(item, at, at + 1), span_of(item, at, at + 1), at});
  }
}

// Clock positions: "10 o'clock", "10 oclock", "10 o clock", "10:00", "10:30", "at 10". A range
// ("between 2 and 3 o'clock", "2-3 Uhr", "von 2 bis 3 Uhr") gives both hours: the first is the
// clock, the second is kept as the range's end (a second clock that is no conflict), never one
// end silently dropped. The words are the lexicon's (clock-after-hour, clock-filler,
// clock-range-start, clock-range-join).
void Reader::read_clock(const Item& item, std::size_t begin, std::size_t end,
                        std::vector<bool>& consumed, Descriptors& out) const {
  const std::vector<Token>& tokens = item.tokens;
  auto hour_of = [](const Token& token) -> int {
    if (token.kind != TokenKind::Number || token.folded.find('.') != std::string::npos) return 0;
    if (token.folded.size() > 2) return 0;
    const int hour = leading_integer(token.folded);
    return hour >= 1 && hour <= 12 ? hour : 0;
  };
  auto time_hour = [](const Token& token) -> int {
    if (token.kind != TokenKind::Time) return 0;
    const int hour = leading_integer(token.folded);
    return hour >= 1 && hour <= 12 ? hour : 0;
  };
  // Past the clock word after the hour at `at` ("o'clock", "o clock"); 0 when there is none.
  auto past_clock_word = [&](std::size_t at) -> std::size_t {
    const std::size_t next = at + 1;
    if (next < end && words_.is(tokens[next], FunctionWordRole::ClockAfterHour)) return next + 1;
    if (next + 1 < end && words_.is(tokens[next], FunctionWordRole::ClockFiller) &&
        words_.is(tokens[next + 1], FunctionWordRole::ClockAfterHour)) {
      return next + 2;
    }
    return 0;
  };
  // Only a dash (dropped as a separator) between two tokens, blanks aside: "2-3", "2 – 3".
  auto dash_between = [&](const Token& left, const Token& right) {
    if (right.begin <= left.end()) return false;
    std::string_view gap =
        std::string_view(*item.text).substr(left.end(), right.begin - left.end());
    while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
    while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
    return gap == "-" || gap == "\u2013" || gap == "\u2014";  // hyphen, en dash, em dash
  };
  struct Range {
    int from = 0;
    int to = 0;
    std::size_t end_token = 0;  // the second hour
    std::size_t after = 0;
    bool no_clock_hour = false;  // its end is a number that is no clock hour ("12 and 13 o'clock")
  };
  // A number of one or two digits with a clock word after it that is no clock hour ("13 o'clock",
  // "0 Uhr"): said, never read as a position nor dropped (hostile review 29, H29-12).
  auto no_clock_hour = [&](std::size_t at) {
    const Token& token = tokens[at];
    return token.kind == TokenKind::Number && token.folded.find('.') == std::string::npos &&
           token.folded.size() <= 2 && hour_of(token) == 0 && past_clock_word(at) > 0;
  };
  // A range starting at `at`: [range-start] hour [clock word] (range-join | dash) hour clock-word,
  // or the same with times ("between 2:00 and 3:00"). An and-word joins only after a range-start
  // word: "at 2 and 3 o'clock" stays two positions.
  auto range_at = [&](std::size_t at) -> std::optional<Range> {
    const bool started = words_.is(tokens[at], FunctionWordRole::ClockRangeStart);
    // "at 2-3 o'clock", "bei 2 bis 3 Uhr": the clock word before the hour is the range's too.
    const bool placed = !started && words_.is(tokens[at], FunctionWordRole::ClockBeforeHour);
    const std::size_t first = started || placed ? at + 1 : at;
    if (first >= end) return std::nullopt;
    Range range;
    range.from =
        tokens[first].kind == TokenKind::Time ? time_hour(tokens[first]) : hour_of(tokens[first]);
    if (range.from == 0) return std::nullopt;
    std::size_t join = first + 1;
    if (tokens[first].kind == TokenKind::Number && past_clock_word(first) > 0) {
      join = past_clock_word(first);
    }
    if (join >= end) return std::nullopt;
    const Token& joining = tokens[join];
    std::size_t second = 0;
    // A join word, or a slash: "2/3 o'clock" (hostile review 29, H29-12: read as 3 alone).
    const bool ranged = (words_.is(joining, FunctionWordRole::ClockRangeJoin) &&
                         (started || !words_.is(joining, FunctionWordRole::And))) ||
                        (join == first + 1 && is_punct(joining, '/'));
    if (ranged) {
      second = join + 1;
    } else if (join == first + 1 && dash_between(tokens[first], joining)) {
      second = join;
    }
    if (second == 0 || second >= end) return std::nullopt;
    if (tokens[second].kind == TokenKind::Time) {
      range.to = time_hour(tokens[second]);
      range.after = second + 1;
    } else if (hour_of(tokens[second]) > 0 && past_clock_word(second) > 0) {
      range.to = hour_of(tokens[second]);
      range.after = past_clock_word(second);
    } else if (no_clock_hour(second)) {
      range.no_clock_hour = true;
      range.after = past_clock_word(second);
    }
    if (range.to == 0 && !range.no_clock_hour) return std::nullopt;
    for (std::size_t j = at; j < range.after; ++j) {
      if (consumed[j - begin]) return std::nullopt;
    }
    range.end_token = second;
    return range;
  };
  auto keep = [&out](Read<int> clock) {
    if (!out.clock) {
      out.clock = std::move(clock);
    } else if (out.clock->value != clock.value) {
      out.other_clocks.push_back(std::move(clock));
    }
  };
  for (std::size_t at = begin; at < end; ++at) {
    if (consumed[at - begin]) continue;
    const Token& token = tokens[at];
    if (const std::optional<Range> range = range_at(at)) {
      const std::string words = words_of(item, at, range->after);
      const TextSpan span = span_of(item, at, range->after);
      if (range->no_clock_hour) {
        const int said = leading_integer(tokens[range->end_token].folded);
        out.no_clock_hours.push_back(Read<int>{said, words, span, at});
        for (std::size_t j = at; j < range->after; ++j) consumed[j - begin] = true;
        at = range->after - 1;
        continue;
      }
      keep(Read<int>{range->from, words, span, at});
      if (range->to != range->from) {
        keep(Read<int>{range->to, words, span, range->end_token});
        out.clock_range_ends.push_back({range->end_token, range->from, range->to});
      }
      for (std::size_t j = at; j < range->after; ++j) consumed[j - begin] = true;
      at = range->after - 1;
      continue;
    }
    int hour = 0;
    std::size_t after = at + 1;
    if (token.kind == TokenKind::Time) {
      hour = time_hour(token);
    } else if (no_clock_hour(at)) {
      after = past_clock_word(at);
      out.no_clock_hours.push_back(Read<int>{
          leading_integer(token.folded), words_of(item, at, after), span_of(item, at, after), at});
      for (std::size_t j = at; j < after; ++j) consumed[j - begin] = true;
      continue;
    } else if (hour_of(token) > 0 && past_clock_word(at) > 0) {
      hour = hour_of(token);
      after = past_clock_word(at);
    } else if (words_.is(token, FunctionWordRole::ClockBeforeHour) && at + 1 < end &&
               hour_of(tokens[at + 1]) > 0) {
      bool fn = false;
      const bool measured = at + 2 < end && unit_mm(tokens[at + 2], fn) > 0;
      const bool duration = at + 2 < end && is_duration(tokens[at + 2]);  // "at 6 months"
      if (!measured && !duration) {
        hour = hour_of(tokens[at + 1]);
        after = at + 2;
      }
    }
    if (hour == 0) continue;
    keep(Read<int>{hour, words_of(item, at, after), span_of(item, at, after), at});
    for (std::size_t j = at; j < after; ++j) consumed[j - begin] = true;
  }
}

// Descriptors of one clause: measures and the clock first (their words are not descriptors:
// "2 cm from the skin" is no skin calcification), then the longest wording at each place.
namespace {

// "Right" or "left" as a direction or a verb, not a breast: "right next to the biopsy marker",
// "just to the right of the scar", "left behind at the lumpectomy site", "left over", "slightly
// left of the clip". The words are the lexicon's (direction-side, direction-after-side,
// direction-before-side), so a site may add its own.
bool names_a_direction(const std::vector<Token>& tokens, const PhraseMatch& match,
                       const FunctionWords& words) {
  if (match.end != match.begin + 1) return false;
  if (!words.is(tokens[match.begin], FunctionWordRole::DirectionSide)) return false;
  const bool after = match.end < tokens.size() &&
                     words.is(tokens[match.end], FunctionWordRole::DirectionAfterSide);
  const bool before =
      match.begin > 0 && words.is(tokens[match.begin - 1], FunctionWordRole::DirectionBeforeSide);
  return after || before;
}

// Whether token `at` lies inside a match of `kind`.
bool inside_match(const std::vector<PhraseMatch>& matches, std::size_t at, PhraseKind kind) {
  return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
    return match.kind == kind && match.begin <= at && at < match.end;
  });
}

}  // namespace

namespace {
bool of_roles(const Trigger& trigger, std::initializer_list<ContextRole> roles) {
  return std::find(roles.begin(), roles.end(), trigger.role) != roles.end();
}
}  // namespace

bool trigger_holds(const std::vector<Trigger>& triggers, std::size_t at,
                   std::initializer_list<ContextRole> roles) {
  return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& trigger) {
    return of_roles(trigger, roles) && trigger.begin <= at && at < trigger.end;
  });
}

bool trigger_starts_at(const std::vector<Trigger>& triggers, std::size_t at,
                       std::initializer_list<ContextRole> roles) {
  return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& trigger) {
    return of_roles(trigger, roles) && trigger.begin == at;
  });
}

bool negated_right_before(const std::vector<Trigger>& triggers, std::size_t at,
                          std::size_t clause_begin, std::size_t gap) {
  return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& trigger) {
    return trigger.role == ContextRole::Negated && trigger.side != ContextSide::After &&
           trigger.begin >= clause_begin && trigger.end <= at && trigger.end + gap >= at;
  });
}

// A negating phrase before `at` in the clause with no punctuation between ("without the layering
// expected of milk of calcium"): wide, so used only to take a benign reason away.
bool Reader::negated_before_unbroken(const Item& item, std::size_t at, std::size_t clause_begin,
                                     const std::vector<Trigger>& triggers) const {
  for (const Trigger& trigger : triggers) {
    if (trigger.role != ContextRole::Negated || trigger.side == ContextSide::After) continue;
    if (trigger.begin < clause_begin || trigger.end > at) continue;
    bool unbroken = true;
    for (std::size_t k = trigger.end; k < at && unbroken; ++k) {
      unbroken = item.tokens[k].kind != TokenKind::Punct;
    }
    if (unbroken) return true;
  }
  return false;
}

bool Reader::names_high_risk_result(const PhraseMatch& match) const {
  if (match.kind != PhraseKind::Assessment) return false;
  const std::vector<std::string>& results = wordings_.high_risk_results;
  return std::find(results.begin(), results.end(), wordings_.assessment[match.wording].phrase) !=
         results.end();
}

bool Reader::names_disease(const Item& item, const SentenceReading& reading, std::size_t at) const {
  const Token& token = item.tokens[at];
  if (!words_.is(token, FunctionWordRole::Disease)) return false;
  if (!words_.measure_word(token, MeasureRole::ExtentFiller)) return true;
  // "ca" is circa before a measure ("ca. 5 mm", "ca. 6 Monate", "ca. 10 Uhr"), cancer otherwise
  // ("Right breast ca, not yet treated", "Mamma-Ca 03/2025 links").
  static const char* const kUnits[] = {"mm", "cm", "m", "uhr", "o'clock", "oclock", "%"};
  std::size_t k = at + 1;
  while (k < reading.range->end && item.tokens[k].kind == TokenKind::Punct) ++k;
  if (k >= reading.range->end || item.tokens[k].kind != TokenKind::Number) return true;
  // The unit may follow a few tokens on ("ca. 2,5 cm", "ca. 5 x 3 mm").
  constexpr std::size_t kUnitWithin = 5;
  for (std::size_t u = k + 1; u < reading.range->end && u <= k + kUnitWithin; ++u) {
    if (word_in(item.tokens[u].folded, kUnits) || is_duration(item.tokens[u])) return false;
  }
  return true;
}

// A pseudo phrase that opens with a negation and holds the assessment ("nicht suspekte
// Verkalkungen": present, not suspicious) keeps the calcifications affirmed but denies the
// assessment: the negation it holds is no trigger, yet it says "not".
bool Reader::denied_by_pseudo(const PhraseMatch& assessment,
                              const std::vector<PhraseMatch>& matches) const {
  auto is_context = [&](const PhraseMatch& match, ContextRole role) {
    return match.kind == PhraseKind::Context && wordings_.context[match.wording].role == role;
  };
  return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& pseudo) {
    if (!is_context(pseudo, ContextRole::Pseudo) || pseudo.begin >= assessment.begin ||
        pseudo.end < assessment.end) {
      return false;
    }
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& negation) {
      return negation.begin == pseudo.begin && is_context(negation, ContextRole::Negated);
    });
  });
}

// Whether the words around a phrase leave it unstated: within three words before or after it in
// its clause, not across a comma or stop, a doubt word ("outside the lobules", "partly lobular",
// "lobular location uncertain"), a question mark ("lobular (?)"), or a negating or hedging
// context phrase on either side ("lobular location is not certain", "a correlate may be
// present"). Wide on purpose: it only ever takes a benign site or a correlate away.
bool Reader::doubted(const Item& item, std::size_t begin, std::size_t end, std::size_t clause_begin,
                     std::size_t clause_end, const std::vector<Trigger>& triggers) const {
  constexpr std::size_t kNear = 3;
  const std::vector<Token>& tokens = item.tokens;
  auto breaks = [](const Token& token) {
    return token.kind == TokenKind::Punct && !is_punct(token, '(') && !is_punct(token, ')') &&
           !is_punct(token, '?') && !is_punct(token, '-');
  };
  auto doubt_at = [&](std::size_t k) {
    if (is_punct(tokens[k], '?') || words_.is(tokens[k], FunctionWordRole::Doubt)) return true;
    return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& trigger) {
      return (trigger.role == ContextRole::Negated || trigger.role == ContextRole::Uncertain) &&
             trigger.begin <= k && k < trigger.end;
    });
  };
  std::size_t words = 0;
  for (std::size_t k = begin; k > clause_begin && words < kNear;) {
    --k;
    if (breaks(tokens[k])) break;
    if (doubt_at(k)) return true;
    words += tokens[k].kind == TokenKind::Word ? 1 : 0;
  }
  words = 0;
  for (std::size_t k = end; k < clause_end && words < kNear; ++k) {
    if (breaks(tokens[k])) break;
    if (doubt_at(k)) return true;
    words += tokens[k].kind == TokenKind::Word ? 1 : 0;
  }
  return false;
}

// A breast word that another finding's noun follows within two words ("the right-sided port
// catheter", "the right implant"): that finding's breast, not the calcifications'.
bool Reader::names_the_breast_of_another(const Item& item, const PhraseMatch& side,
                                         std::size_t end) const {
  constexpr std::size_t kMostWordsBetween = 2;  // "right-sided port", "right breast implant"
  std::size_t words = 0;
  for (std::size_t k = side.end; k < end && words <= kMostWordsBetween; ++k) {
    const Token& token = item.tokens[k];
    if (is_punct(token, '-')) continue;
    if (token.kind != TokenKind::Word) return false;
    if (words_.is(token, FunctionWordRole::OtherFinding)) {
      return !inside_match(item.matches, k, PhraseKind::MassWithCalcifications);
    }
    ++words;
  }
  return false;
}

// The parts of a clause about another finding ("…, and a suspicious mass in the right breast"):
// from a coordinator (an and-word, a comma) or the clause's start, at most three words besides
// assessment words and none relating it to them ("with", "near"), then a noun naming another
// finding, up to the next coordinator; no calcification word in it. A noun that ends its part right
// before calcifications ("suspicious mass and calcifications") shares its words with them: no such
// part.
std::vector<Reader::OtherFindingPart> Reader::other_finding_parts(
    const Item& item, const SentenceReading& reading, std::size_t begin, std::size_t end,
    const std::vector<PhraseMatch>& matches) const {
  const std::vector<Token>& tokens = item.tokens;
  auto inside = [&](std::size_t at, PhraseKind kind) { return inside_match(matches, at, kind); };
  auto has_mention = [&](std::size_t from, std::size_t to) {
    return std::any_of(
        reading.mentions.begin(), reading.mentions.end(),
        [&](const PhraseMatch& match) { return match.begin >= from && match.begin < to; });
  };
  std::vector<Clause> pieces;
  std::size_t start = begin;
  // A breast named after calcifications and their breast opens a part of its own: "Neben den
  // Verkalkungen rechts zeigt sich links ein spikulierter Herd" (hostile review 49, H49-1).
  const auto names_breast_again = [&](std::size_t from, std::size_t at) {
    if (!reading.breast_words[at] || reading.breast_words[at - 1] || !has_mention(from, at)) {
      return false;
    }
    for (std::size_t k = from; k < at; ++k) {
      if (reading.breast_words[k]) return true;
    }
    return false;
  };
  for (std::size_t k = begin; k < end; ++k) {
    if (k > start && names_breast_again(start, k)) {
      pieces.emplace_back(start, k);
      start = k;
      continue;
    }
    if (!words_.coordinates(tokens[k])) continue;
    if (k > start) pieces.emplace_back(start, k);
    start = k + 1;
  }
  if (end > start) pieces.emplace_back(start, end);

  std::vector<OtherFindingPart> parts;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const auto [from, to] = pieces[p];
    if (has_mention(from, to)) continue;
    std::size_t words_before = 0;
    for (std::size_t k = from; k < to && words_before <= 3; ++k) {
      if (tokens[k].kind != TokenKind::Word || inside(k, PhraseKind::Assessment)) continue;
      // A relation to the calcifications ("associated with a suspicious mass", "near a mass",
      // "suspicious like the mass") makes the noun theirs to describe or compare with, no other
      // finding's statement.
      const bool compared = std::any_of(
          reading.triggers.begin(), reading.triggers.end(), [k](const Trigger& trigger) {
            return trigger.role == ContextRole::Comparison && trigger.begin <= k && k < trigger.end;
          });
      if (compared || words_.is(tokens[k], FunctionWordRole::With) ||
          words_.is(tokens[k], FunctionWordRole::Doubt)) {
        break;
      }
      // A word joined to the one before by a hyphen counts with it ("a benign-appearing mass").
      const bool hyphenated =
          k >= from + 2 && is_punct(tokens[k - 1], '-') && tokens[k - 2].kind == TokenKind::Word;
      if (words_.is(tokens[k], FunctionWordRole::OtherFinding) &&
          !inside(k, PhraseKind::MassWithCalcifications)) {
        const bool shared = k + 1 == to && p + 1 < pieces.size() &&
                            has_mention(pieces[p + 1].first, pieces[p + 1].second);
        if (!shared) parts.push_back({from, to, k});
        break;
      }
      if (!hyphenated) ++words_before;
    }
  }
  return parts;
}

void Reader::leave_cleared_breasts(const Item& item, const SentenceReading& reading,
                                   std::size_t begin, std::size_t end,
                                   const std::vector<PhraseMatch>& matches,
                                   std::vector<Read<Laterality>>& sides) const {
  if (sides.empty()) return;
  const std::vector<Token>& tokens = item.tokens;
  const auto clears = [&](std::size_t from, std::size_t to) {
    const bool names_group =
        std::any_of(
            reading.mentions.begin(), reading.mentions.end(),
            [&](const PhraseMatch& match) { return match.begin >= from && match.begin < to; }) ||
        std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(from),
                    tokens.begin() + static_cast<std::ptrdiff_t>(to), [this](const Token& token) {
                      return words_.is(token, FunctionWordRole::SecondGroup) ||
                             words_.is(token, FunctionWordRole::NegatedGroup);
                    });
    if (names_group) return false;
    // A negation, the breast's past or its surroundings ("biopsy clip", "status post lumpectomy",
    // "postsurgical changes"): nothing of the calcifications named elsewhere.
    const bool clearing =
        std::any_of(reading.triggers.begin(), reading.triggers.end(),
                    [&](const Trigger& trigger) {
                      return (trigger.role == ContextRole::Negated ||
                              trigger.role == ContextRole::Historical ||
                              trigger.role == ContextRole::Surroundings) &&
                             trigger.begin >= from && trigger.begin < to;
                    }) ||
        std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(from),
                    tokens.begin() + static_cast<std::ptrdiff_t>(to), [this](const Token& token) {
                      return words_.is(token, FunctionWordRole::ClearsBreast);
                    });
    if (!clearing) return false;
    // Words of its own about calcifications ("…, amorphous on the right", "…, stable on the
    // right", "…, at 10 o'clock on the right"): a group of that breast, not a cleared breast.
    const Descriptors own = read_descriptors(item, reading, from, to, matches);
    return own.morphology.empty() && own.distribution.empty() && own.site.empty() && !own.clock &&
           !own.quadrant && !own.region && !own.depth && !own.count && !own.extent_mm &&
           own.change.empty() && own.assessment.empty() && !own.mass;
  };
  std::vector<Clause> cleared;
  std::size_t start = begin;
  for (std::size_t k = begin; k <= end; ++k) {
    if (k < end && !words_.ends_part(tokens[k])) continue;
    if (k > start && clears(start, k)) cleared.emplace_back(start, k);
    start = k + 1;
  }
  if (cleared.empty()) return;
  const auto in_cleared = [&cleared](std::size_t token) {
    return std::any_of(cleared.begin(), cleared.end(), [token](const Clause& part) {
      return part.first <= token && token < part.second;
    });
  };
  // The other breast, named in the sentence outside the cleared parts (in this clause or another:
  // "Left, but not right, breast: …") or by the heading over it ("Links: …, rechts: unauffällig").
  const auto other_named = [&](Laterality cleared_breast) {
    const Laterality heading = reading.range->heading_laterality;
    if ((heading == Laterality::Left || heading == Laterality::Right) &&
        heading != cleared_breast) {
      return true;
    }
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      if (match.kind != PhraseKind::Laterality || match.begin < reading.range->begin ||
          match.begin >= reading.range->end || in_cleared(match.begin) ||
          reading.comparison_words[match.begin]) {
        return false;
      }
      const Laterality named = wordings_.laterality[match.wording].term;
      return (named == Laterality::Left || named == Laterality::Right) && named != cleared_breast;
    });
  };
  sides.erase(
      std::remove_if(sides.begin(), sides.end(),
                     [&](const Read<Laterality>& side) {
                       return in_cleared(side.token) &&
                              (side.value == Laterality::Left || side.value == Laterality::Right) &&
                              other_named(side.value);
                     }),
      sides.end());
}

// An assessment word after a word that takes it back ("initially considered suspicious"): within
// three words before it in the clause, no punctuation and no and-word between, and no and-word
// right after it ("initially suspicious and remain so", "initially and still suspicious" say it
// of now too). Denied: a negation ends at most one word before that word ("not initially
// suspicious" is no taking back).
Reader::Taking Reader::taking_back(const Item& item, std::size_t at, std::size_t clause_begin,
                                   const std::vector<Trigger>& triggers) const {
  // The assessment phrase's end: an and-word right after it keeps it an assessment of now.
  std::size_t after = at;
  while (after < item.tokens.size() && item.tokens[after].kind == TokenKind::Word &&
         !words_.is(item.tokens[after], FunctionWordRole::And) && after < at + 4) {
    ++after;
  }
  if (after < item.tokens.size() && words_.is(item.tokens[after], FunctionWordRole::And)) {
    return Taking::None;
  }
  std::size_t words = 0;
  for (std::size_t k = at; k > clause_begin && words < 3;) {
    --k;
    if (item.tokens[k].kind == TokenKind::Punct ||
        words_.is(item.tokens[k], FunctionWordRole::And)) {
      return Taking::None;
    }
    if (words_.is(item.tokens[k], FunctionWordRole::TakesBackAssessment)) {
      return negated_right_before(triggers, k, clause_begin, 1) ? Taking::Denied
                                                                : Taking::TakenBack;
    }
    ++words;
  }
  return Taking::None;
}

Descriptors Reader::read_descriptors(const Item& item, const SentenceReading& reading,
                                     std::size_t begin, std::size_t end,
                                     const std::vector<PhraseMatch>& matches) const {
  const std::vector<Trigger>& triggers = reading.triggers;
  Descriptors out;
  const std::vector<OtherFindingPart> other_findings =
      other_finding_parts(item, reading, begin, end, matches);
  auto other_finding_of = [&other_findings](std::size_t at) -> const OtherFindingPart* {
    const auto part = std::find_if(
        other_findings.begin(), other_findings.end(),
        [at](const OtherFindingPart& held) { return held.begin <= at && at < held.end; });
    return part != other_findings.end() ? &*part : nullptr;
  };
  // Breasts named in another finding's part: the calcifications' only when they name none.
  std::vector<Read<Laterality>> sides_of_other_findings;
  // A duct denied right before its words ("not in the ducts"): no site of theirs beside a lobular
  // site the clause states; kept (the more suspicious) when the clause states none.
  std::optional<std::size_t> denied_duct;
  // Tokens taken by a measure or the clock, indexed from `begin`.
  std::vector<bool> consumed(end - begin, false);
  read_measures(item, begin, end, consumed, out);
  read_clock(item, begin, end, consumed, out);
  read_other_numbers(item, begin, end, consumed, out);
  for (std::size_t k = begin; k < end; ++k) {
    if (words_.is(item.tokens[k], FunctionWordRole::And)) out.and_words.push_back(k);
    if (is_punct(item.tokens[k], ',')) out.commas.push_back(k);
  }

  auto is_descriptor = [](PhraseKind kind) {
    switch (kind) {
      case PhraseKind::Morphology:
      case PhraseKind::Distribution:
      case PhraseKind::Site:
      case PhraseKind::Laterality:
      case PhraseKind::Quadrant:
      case PhraseKind::Region:
      case PhraseKind::Depth:
      case PhraseKind::Change:
      case PhraseKind::Assessment:
      case PhraseKind::UltrasoundCorrelate:
      case PhraseKind::MassWithCalcifications:
      case PhraseKind::Distortion:
      case PhraseKind::Asymmetry:
      case PhraseKind::Composition:
        return true;
      default:
        return false;
    }
  };
  // Words that say surgery, a scar or trauma caused a distortion or an asymmetry (hostile review
  // 29, H29-8): right next to it (at most four words apart, no punctuation or calcification word
  // between: "postsurgical architectural distortion", "asymmetry at the lumpectomy site"), not
  // denied ("not postsurgical") and no other finding's.
  const auto cause_next_to = [&](const PhraseMatch& distortion) -> const PhraseMatch* {
    constexpr std::size_t kMostWordsBetween = 4;
    const auto free_between = [&](std::size_t from, std::size_t to) {
      if (to < from || to - from > kMostWordsBetween) return false;
      for (std::size_t k = from; k < to; ++k) {
        if (item.tokens[k].kind == TokenKind::Punct) return false;
      }
      return std::none_of(
          reading.mentions.begin(), reading.mentions.end(),
          [&](const PhraseMatch& mention) { return mention.begin < to && from < mention.end; });
    };
    const auto found = std::find_if(matches.begin(), matches.end(), [&](const PhraseMatch& cause) {
      if (cause.kind != PhraseKind::DistortionCause || cause.begin < begin || cause.end > end) {
        return false;
      }
      const bool near =
          cause.end <= distortion.begin
              ? free_between(cause.end, distortion.begin)
              : cause.begin >= distortion.end && free_between(distortion.end, cause.begin);
      return near && other_finding_of(cause.begin) == nullptr &&
             !negated_near(item, cause.begin, cause.end, begin, end, triggers) &&
             !reading.hypothesis_words[cause.begin];
    });
    return found != matches.end() ? &*found : nullptr;
  };
  std::size_t covered = begin;
  std::size_t assessment_tokens = 0;
  std::size_t change_tokens = 0;
  for (std::size_t k = 0; k < matches.size(); ++k) {
    const PhraseMatch& first = matches[k];
    if (first.begin < covered || first.begin >= end || !is_descriptor(first.kind)) continue;
    const PhraseMatch* best = &first;
    for (std::size_t j = k + 1; j < matches.size() && matches[j].begin == first.begin; ++j) {
      if (is_descriptor(matches[j].kind) && matches[j].end > best->end) best = &matches[j];
    }
    if (best->end > end) continue;
    bool clash = false;
    for (std::size_t j = best->begin; j < best->end; ++j) clash = clash || consumed[j - begin];
    if (clash) continue;
    covered = best->end;
    // A hypothesis describes nothing found; a typically benign word naming the surroundings
    // ("deep to the skin", "post-radiation changes") is no morphology of the calcifications.
    if (reading.hypothesis_words[best->begin]) continue;
    if (best->kind == PhraseKind::Laterality &&
        (reading.comparison_words[best->begin] || names_a_direction(item.tokens, *best, words_))) {
      continue;
    }
    // A typically benign kind that is denied ("not milk of calcium", "without the layering",
    // "not typical of vascular calcifications", "… is excluded") is no reason to call them
    // benign; a denied suspicious kind is kept (the more suspicious reading stands).
    // "Not only round anymore", "nicht mehr nur punktförmig": a pseudo phrase that ends in a
    // restricting word denies the kind right after it as all they are.
    const bool restricted = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& t) {
      return t.role == ContextRole::Pseudo && t.end == best->begin && t.end > t.begin &&
             words_.is(item.tokens[t.end - 1], FunctionWordRole::Only);
    });
    const bool negated = negated_near(item, best->begin, best->end, begin, end, triggers) ||
                         negated_before_unbroken(item, best->begin, begin, triggers) || restricted;
    // The same for the benign site: "not within the lobules" is no lobular site (rule S2), and
    // "possibly lobular" states none. A denied or hedged duct is kept: the more suspicious site.
    if (best->kind == PhraseKind::Site && wordings_.site[best->wording].term != Site::Ductal) {
      const bool hedged =
          role_near(ContextRole::Uncertain, item, best->begin, best->end, begin, end, triggers) ||
          doubted(item, best->begin, best->end, begin, end, triggers);
      if (negated && !out.denied) out.denied = words_of(item, best->begin, best->end);
      if (negated || hedged) continue;
    }
    if (best->kind == PhraseKind::Morphology &&
        !is_suspicious(wordings_.morphology[best->wording].term)) {
      if (negated && !out.denied) out.denied = words_of(item, best->begin, best->end);
      if (negated || reading.surroundings_words[best->begin] ||
          reading.comparison_words[best->begin]) {
        continue;
      }
    }
    // "Not stable", "have not remained stable", "not unchanged", "not decreased", "no fewer": no
    // stability or decrease, and a change the text does not name — uncertain, never benign or
    // probably benign on it.
    const auto change_term = [&] { return wordings_.change[best->wording].term; };
    // "Stable?", "? stable": a question asks, it states no stability either.
    const bool questioned = (best->end < end && is_punct(item.tokens[best->end], '?')) ||
                            (best->begin > begin && is_punct(item.tokens[best->begin - 1], '?'));
    if (best->kind == PhraseKind::Change &&
        (change_term() == Change::Stable || change_term() == Change::Decreased) &&
        (questioned || negated_near(item, best->begin, best->end, begin, end, triggers))) {
      if (!out.denied) out.denied = words_of(item, best->begin, best->end);
      continue;
    }
    // "Weniger suspekt", "less suspicious": a degree of the assessment, no change in the group.
    if (best->kind == PhraseKind::Change && change_term() == Change::Decreased &&
        words_.is(item.tokens[best->begin], FunctionWordRole::LesserDegree) &&
        std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
          return match.kind == PhraseKind::Assessment && match.begin == best->end;
        })) {
      continue;
    }
    // "Not suspicious", "no suspicious features": no assessment. Nor a reassurance: a denied
    // concern lowers nothing (the rules judge the kind). Only a negation close by denies it ("not
    // benign-appearing and are suspicious" is suspicious), and one of the past is no assessment
    // of these ("dystrophic calcifications at the lumpectomy site, history of DCIS").
    // Nor one that another finding's noun follows ("a suspicious mass"), or that the text takes
    // back ("initially considered suspicious", "less suspicious than before").
    // A taken-back word that is itself denied ("no less suspicious", "nicht weniger suspekt")
    // affirms the assessment.
    const Taking taking = best->kind == PhraseKind::Assessment
                              ? taking_back(item, best->begin, begin, triggers)
                              : Taking::None;
    // A degree right before it ("less suspicious", "weniger suspekt") takes a negation in front
    // ("no less suspicious", "nicht weniger suspekt"): the assessment stands either way.
    const bool degree_before =
        best->kind == PhraseKind::Assessment && best->begin > begin &&
        words_.is(item.tokens[best->begin - 1], FunctionWordRole::LesserDegree);
    if (best->kind == PhraseKind::Assessment && taking != Taking::Denied &&
        ((!degree_before && negated_near(item, best->begin, best->end, begin, end, triggers)) ||
         denied_by_pseudo(*best, matches) ||
         (role_near(ContextRole::Historical, item, best->begin, best->end, begin, end, triggers) &&
          !names_high_risk_result(*best)) ||
         taking == Taking::TakenBack)) {
      continue;
    }
    // Said of what they are compared with: the other breast's DCIS is not theirs (hostile review
    // 20: the right breast was given 4 for "similar to the left breast where biopsy showed DCIS").
    if (best->kind == PhraseKind::Assessment && reading.comparison_words[best->begin]) {
      if (!out.compared_assessment)
        out.compared_assessment = words_of(item, best->begin, best->end);
      continue;
    }
    if (best->kind == PhraseKind::Assessment) {
      const OtherFindingPart* other = other_finding_of(best->begin);
      if (other != nullptr && best->end <= other->noun) continue;
    }
    const std::string words = words_of(item, best->begin, best->end);
    const TextSpan span = span_of(item, best->begin, best->end);
    const std::size_t w = best->wording;
    switch (best->kind) {
      case PhraseKind::Morphology:
        out.morphology.push_back({wordings_.morphology[w].term, words, span, best->begin});
        break;
      case PhraseKind::Distribution:
        out.distribution.push_back({wordings_.distribution[w].term, words, span, best->begin});
        break;
      case PhraseKind::Site: {
        // "ductal carcinoma" names a disease, not where the calcifications lie.
        const bool disease = best->end < end && names_disease(item, reading, best->end);
        if (disease) break;
        if (wordings_.site[w].term == Site::Ductal && !denied_duct &&
            negated_right_before(triggers, best->begin, begin, 0)) {
          denied_duct = out.site.size();
        }
        out.site.push_back({wordings_.site[w].term, words, span, best->begin});
        break;
      }
      case PhraseKind::Laterality:
        (other_finding_of(best->begin) != nullptr || names_the_breast_of_another(item, *best, end)
             ? sides_of_other_findings
             : out.sides)
            .push_back({wordings_.laterality[w].term, words, span, best->begin});
        break;
      case PhraseKind::Quadrant:
        if (!out.quadrant) {
          out.quadrant = Read<Quadrant>{wordings_.quadrant[w].term, words, span, best->begin};
        } else if (out.quadrant->value != wordings_.quadrant[w].term) {
          out.other_quadrants.push_back({wordings_.quadrant[w].term, words, span, best->begin});
        }
        break;
      case PhraseKind::Region:
        if (!out.region) {
          out.region = Read<Region>{wordings_.region[w].term, words, span, best->begin};
        }
        break;
      case PhraseKind::Depth:
        if (!out.depth) out.depth = Read<Depth>{wordings_.depth[w].term, words, span, best->begin};
        break;
      case PhraseKind::Change:
        out.change.push_back({wordings_.change[w].term, words, span, best->begin});
        change_tokens += best->end - best->begin;
        break;
      case PhraseKind::Assessment:
        out.assessment.push_back({wordings_.assessment[w].term, words, span, best->begin});
        assessment_tokens += best->end - best->begin;
        break;
      case PhraseKind::UltrasoundCorrelate: {
        // A hedged correlate ("possible sonographic correlate", "a correlate cannot be excluded")
        // is unknown, not seen: an ultrasound-guided biopsy (B2) needs one that is there.
        const bool denied = negated_near(item, best->begin, best->end, begin, end, triggers);
        const bool hedged =
            role_near(ContextRole::Uncertain, item, best->begin, best->end, begin, end, triggers) ||
            doubted(item, best->begin, best->end, begin, end, triggers);
        const Presence presence = denied   ? Presence::No
                                  : hedged ? Presence::Unknown
                                           : Presence::Yes;
        if (!out.ultrasound || out.ultrasound->value == Presence::Yes) {
          out.ultrasound = Read<Presence>{presence, words, span};
        }
        break;
      }
      case PhraseKind::MassWithCalcifications:
        // Denied ("…, no associated mass"), it is none (hostile review 75: read as calcifications
        // within a mass, 4A and a biopsy over the report's "no further work-up").
        if (negated_near(item, best->begin, best->end, begin, end, triggers)) break;
        if (!out.mass) out.mass = Read<bool>{true, words, span};
        break;
      case PhraseKind::Distortion:
      case PhraseKind::Asymmetry: {
        // Denied ("without architectural distortion") or another finding's ("…, and a focal
        // asymmetry in the left breast"), it is not theirs; a hedged one is (never reassurance).
        if (negated_near(item, best->begin, best->end, begin, end, triggers) ||
            other_finding_of(best->begin) != nullptr) {
          break;
        }
        const Lesion lesion = best->kind == PhraseKind::Distortion ? Lesion::ArchitecturalDistortion
                                                                   : Lesion::Asymmetry;
        if (!out.lesion || lesion == Lesion::ArchitecturalDistortion) {
          out.lesion = Read<Lesion>{lesion, words, span};
        }
        // An asymmetry the text explains by surgery or trauma at the site is read as such a
        // distortion is: not C16's, and W19 still asks the radiologist.
        const PhraseMatch* cause = cause_next_to(*best);
        if (cause == nullptr) {
          out.lesion_unexplained = true;
        } else if (!out.lesion_cause) {
          out.lesion_cause = Read<bool>{true, words_of(item, cause->begin, cause->end),
                                        span_of(item, cause->begin, cause->end), cause->begin};
        }
        break;
      }
      default:  // composition: words that describe the breast, read as nothing
        break;
    }
  }
  // A clause that speaks only of the other finding ("The mass in the right breast is benign; the
  // calcifications are suspicious") lends its breast to no calcifications.
  const bool mentions_calcifications = std::any_of(
      reading.mentions.begin(), reading.mentions.end(),
      [&](const PhraseMatch& match) { return match.begin >= begin && match.begin < end; });
  if (out.sides.empty() && mentions_calcifications) out.sides = std::move(sides_of_other_findings);
  if (mentions_calcifications) leave_cleared_breasts(item, reading, begin, end, matches, out.sides);
  // "R 2:00", "L 10 o'clock": a breast's letter right before the clock position, the lexicon's
  // right-before-clock and left-before-clock words (hostile review 20: read as no breast, so text
  // naming the other breast than a coded finding went unchecked).
  const auto clock_at = [&out](std::size_t token) {
    return (out.clock && out.clock->token == token) ||
           std::any_of(out.other_clocks.begin(), out.other_clocks.end(),
                       [token](const Read<int>& clock) { return clock.token == token; });
  };
  for (std::size_t k = begin; k + 1 < end; ++k) {
    const Token& letter = item.tokens[k];
    if (letter.kind != TokenKind::Word || !clock_at(k + 1)) continue;
    const bool right = words_.is(letter, FunctionWordRole::RightBeforeClock);
    const bool left = words_.is(letter, FunctionWordRole::LeftBeforeClock);
    if (right == left) continue;  // neither, or a site's word that says both: no breast
    Read<Laterality> side{right ? Laterality::Right : Laterality::Left, words_of(item, k, k + 2),
                          span_of(item, k, k + 2), k};
    const auto place = std::find_if(out.sides.begin(), out.sides.end(),
                                    [k](const Read<Laterality>& named) { return named.token > k; });
    out.sides.insert(place, std::move(side));
  }
  if (out.lesion_unexplained) out.lesion_cause.reset();
  const bool lobular_stated =
      std::any_of(out.site.begin(), out.site.end(),
                  [](const Read<Site>& site) { return site.value == Site::Lobular; });
  if (denied_duct && lobular_stated) {
    out.site.erase(out.site.begin() + static_cast<std::ptrdiff_t>(*denied_duct));
  }
  out.words = static_cast<std::size_t>(
      std::count_if(item.tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                    item.tokens.begin() + static_cast<std::ptrdiff_t>(end),
                    [](const Token& token) { return token.kind == TokenKind::Word; }));
  const auto besides = [&out](std::size_t taken) {
    return out.words > taken ? out.words - taken : 0;
  };
  if (!out.assessment.empty()) out.words_besides_assessment = besides(assessment_tokens);
  if (!out.change.empty()) out.words_besides_change = besides(change_tokens);
  return out;
}

// The breast a stretch of words names: Both when it names both or "bilateral", Unknown when none.
std::optional<Read<Laterality>> side_named(const std::vector<Read<Laterality>>& sides) {
  std::optional<Read<Laterality>> named;
  for (const Read<Laterality>& side : sides) {
    if (!named) {
      named = side;
    } else if (named->value != side.value) {
      named->value = Laterality::Both;
    }
    if (side.value == Laterality::Both) {
      named = side;
      break;
    }
  }
  return named;
}

// The longest match of a kind at each place, left to right, none overlapping.
std::vector<PhraseMatch> longest_matches(const std::vector<PhraseMatch>& matches, PhraseKind kind) {
  std::vector<PhraseMatch> out;
  std::size_t covered = 0;
  for (std::size_t k = 0; k < matches.size(); ++k) {
    if (matches[k].kind != kind || matches[k].begin < covered) continue;
    PhraseMatch best = matches[k];
    for (std::size_t j = k + 1; j < matches.size() && matches[j].begin == best.begin; ++j) {
      if (matches[j].kind == kind && matches[j].end > best.end) best = matches[j];
    }
    out.push_back(best);
    covered = best.end;
  }
  return out;
}

}  // namespace mammocalc::narrative::reading
