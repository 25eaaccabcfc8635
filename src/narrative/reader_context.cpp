// The narrative reader's context: which phrases are triggers, where a clause ends, how far a
// negating, uncertain, past or hypothetical phrase reaches, and each mention's status
// (narrative.md §3).

#include <algorithm>
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

// The first hedge ("likely", "possibly", "favor") among the triggers in tokens [begin, end).
const Trigger* hedge_in(const std::vector<Trigger>& triggers, std::size_t begin, std::size_t end) {
  const auto found = std::find_if(triggers.begin(), triggers.end(), [&](const Trigger& trigger) {
    return trigger.role == ContextRole::Uncertain && trigger.begin >= begin && trigger.end <= end;
  });
  return found == triggers.end() ? nullptr : &*found;
}

bool starts_relative_clause(const Token& token) {
  return token.kind == TokenKind::Word && (token.folded == "which" || token.folded == "that");
}

// A clause opening with a terminator that stands on either side ("but", "though", "except") and
// is no relative pronoun (those clauses join the one before them when their descriptors are read).
bool opens_contrast(const std::vector<Token>& tokens, const std::vector<Trigger>& triggers,
                    std::size_t at) {
  if (starts_relative_clause(tokens[at])) return false;
  return std::any_of(triggers.begin(), triggers.end(), [at](const Trigger& trigger) {
    return trigger.begin == at && trigger.role == ContextRole::Terminator &&
           trigger.side == ContextSide::Either;
  });
}

// Words that open a sentence going on about the calcifications just described.
bool refers_back(const Token& token, const FunctionWords& words) {
  return words.is(token, FunctionWordRole::RefersBack);
}

// The clause that holds a token; the whole sentence when none does.
Clause clause_holding(const std::vector<Clause>& clauses, std::size_t token,
                      const SentenceRange& sentence) {
  const auto found = std::find_if(clauses.begin(), clauses.end(), [token](const Clause& clause) {
    return token >= clause.first && token < clause.second;
  });
  return found != clauses.end() ? *found : Clause{sentence.begin, sentence.end};
}

// A pseudo-trigger voids every trigger it overlaps, wherever that one starts: "There is no
// significant change in the pleomorphic calcifications" says stable, although "there is no"
// starts first (NegEx matches pseudo-negations before negations); a longer phrase that holds it
// whole is the more specific one and stands ("since the prior examination of" over "since the
// prior"). Otherwise the longest context
// phrase wins where phrases overlap ("no change in" over "no"), first come first served along
// the sentence. A doubt voids a negation it overlaps and reaches past ("Malignom ist nicht sicher
// auszuschließen": "ist nicht" starts first): doubt is the safer reading, and a negation that
// holds the doubt whole ("kein Verdacht auf") stands.
std::vector<Trigger> Reader::resolve_triggers(const std::vector<PhraseMatch>& matches) const {
  std::vector<std::pair<std::size_t, std::size_t>> pseudo;
  std::vector<std::pair<std::size_t, std::size_t>> doubts;
  for (const PhraseMatch& match : matches) {
    if (match.kind != PhraseKind::Context) continue;
    const ContextRole role = wordings_.context[match.wording].role;
    if (role == ContextRole::Pseudo) pseudo.emplace_back(match.begin, match.end);
    if (role == ContextRole::Uncertain) doubts.emplace_back(match.begin, match.end);
  }
  const auto overlaps_pseudo = [&](const PhraseMatch& match) {
    const ContextRole role = wordings_.context[match.wording].role;
    if (role == ContextRole::Pseudo) return false;
    const auto overlaps = [&match](const auto& span) {
      return match.begin < span.second && span.first < match.end;
    };
    const auto holds_whole = [&match](const auto& span) {
      return match.begin <= span.first && span.second <= match.end;
    };
    const auto reaches_past = [&match](const auto& span) {
      return span.first < match.begin || span.second > match.end;
    };
    return std::any_of(pseudo.begin(), pseudo.end(),
                       [&](const auto& span) { return overlaps(span) && !holds_whole(span); }) ||
           (role == ContextRole::Negated &&
            std::any_of(doubts.begin(), doubts.end(),
                        [&](const auto& span) { return overlaps(span) && reaches_past(span); }));
  };
  std::vector<Trigger> triggers;
  std::size_t covered = 0;
  for (std::size_t k = 0; k < matches.size(); ++k) {
    const PhraseMatch& match = matches[k];
    if (match.kind != PhraseKind::Context || match.begin < covered || overlaps_pseudo(match)) {
      continue;
    }
    const PhraseMatch* best = &match;
    for (std::size_t j = k + 1; j < matches.size() && matches[j].begin == match.begin; ++j) {
      if (matches[j].kind == PhraseKind::Context && matches[j].end > best->end) best = &matches[j];
    }
    if (overlaps_pseudo(*best)) continue;
    const ContextWording& wording = wordings_.context[best->wording];
    triggers.push_back({best->begin, best->end, wording.role, wording.side});
    covered = best->end;
  }
  return triggers;
}

// Clauses: the sentence cut at ';' and at terminator phrases. A terminator on side "either"
// ("but", "however", "which") starts a new clause for context and descriptors alike; one on side
// "after" ("is seen", "there are") only closes the statement before it, so it ends the scope of
// context words (context_scope) while descriptors still bind across it ("Calcifications are seen
// in the right breast").
// A terminator after the breast that opens its part of the sentence ("Kein Mikrokalk rechts, links
// dagegen gruppierter Mikrokalk", "…, links hingegen …") stands after its first words: the new
// clause starts at that breast, which is its own and not the clause's before (hostile review 20).
std::vector<std::pair<std::size_t, std::size_t>> Reader::clauses_of(
    const Item& item, const SentenceRange& range, const std::vector<Trigger>& triggers,
    const TokenMarks& breast_words, bool context_scope) const {
  std::vector<std::pair<std::size_t, std::size_t>> clauses;
  std::size_t start = range.begin;
  std::size_t next_trigger = 0;
  for (std::size_t at = range.begin; at < range.end; ++at) {
    while (next_trigger < triggers.size() && triggers[next_trigger].begin < at) ++next_trigger;
    const bool terminator =
        next_trigger < triggers.size() && triggers[next_trigger].begin == at &&
        ((triggers[next_trigger].role == ContextRole::Terminator &&
          (context_scope || triggers[next_trigger].side != ContextSide::After)) ||
         ((triggers[next_trigger].role == ContextRole::Surroundings ||
           triggers[next_trigger].role == ContextRole::Comparison) &&
          context_scope));
    // A slash between two statements, where one breast's part ends or the other's begins ("No
    // malignancy on the right/new mass on the left", "Rechts kein Malignomverdacht/links neuer
    // Herd"): not within "and/or", two descriptors ("amorphous/indistinct"), a pair of breasts
    // ("links/rechts") or numbers (hostile review 48, H48-10).
    const auto statement_slash = [&]() {
      if (!is_punct(item.tokens[at], '/') || at == range.begin || at + 1 >= range.end) return false;
      const Token& before = item.tokens[at - 1];
      const Token& after = item.tokens[at + 1];
      const auto joining = [this](const Token& token) {
        return words_.is(token, FunctionWordRole::And) || words_.is(token, FunctionWordRole::Or);
      };
      return before.kind == TokenKind::Word && after.kind == TokenKind::Word && !joining(before) &&
             !joining(after) && (breast_words[at - 1] != breast_words[at + 1]);
    };
    if (is_punct(item.tokens[at], ';') || terminator || statement_slash()) {
      std::size_t cut = at;
      if (terminator && triggers[next_trigger].side == ContextSide::Either) {
        std::size_t breast = at;
        while (breast > start && breast_words[breast - 1]) --breast;
        const bool opens_part =
            breast < at && breast > start && words_.coordinates(item.tokens[breast - 1]);
        if (opens_part) cut = breast;
      }
      if (cut > start) clauses.emplace_back(start, cut);
      start = cut;
    }
  }
  if (range.end > start) clauses.emplace_back(start, range.end);
  return clauses;
}

// A context phrase of `role` next to a phrase: at most three words between, no punctuation ("no
// definite sonographic correlate", "biopsy is not needed"; not "No calcifications, annual
// screening"), or running into it ("not seen on ultrasound", "cannot exclude a correlate").
bool Reader::role_near(ContextRole role, const Item& item, std::size_t begin, std::size_t end,
                       std::size_t clause_begin, std::size_t clause_end,
                       const std::vector<Trigger>& triggers) const {
  constexpr std::size_t kNear = 3;
  auto words_only = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (item.tokens[k].kind == TokenKind::Punct) return false;
    }
    return to - from <= kNear;
  };
  for (const Trigger& trigger : triggers) {
    if (trigger.role != role) continue;
    if (trigger.begin < clause_begin || trigger.end > clause_end) continue;
    const bool before = trigger.side != ContextSide::After && trigger.end <= begin &&
                        words_only(trigger.end, begin);
    const bool after = trigger.side != ContextSide::Before && trigger.begin >= end &&
                       words_only(end, trigger.begin);
    // "not seen on ultrasound": the negation's words run into the phrase.
    const bool into = trigger.begin < begin && trigger.end > begin;
    if (before || after || into) return true;
  }
  return false;
}

// A negating, past or hypothetical phrase before a mention ends at a comma or "and" that starts a
// new noun phrase with words of its own ("No mass, fine pleomorphic calcifications…", "No
// architectural distortion and segmental fine linear calcifications") — unless the list goes on
// with "or" ("No suspicious masses, calcifications or architectural distortion"). A bare noun
// after such a boundary ("No mass, calcifications in the left breast") cannot be told: doubtful.
// A negation after the mention reaches back across a comma only as a predicate; "…, not seen on
// ultrasound" and "…, not present in 2019" speak of the ultrasound and the prior exam.
bool Reader::in_part_of_the_other_breast(const Item& item, const SentenceReading& reading,
                                         std::size_t at, bool any_breast) const {
  const std::vector<Token>& tokens = item.tokens;
  const Clause clause = reading.context_clause_of(at);
  std::size_t from = at;
  while (from > clause.first && !words_.coordinates(tokens[from - 1])) --from;
  std::size_t to = at;
  while (to < clause.second && !words_.coordinates(tokens[to])) ++to;
  if (std::any_of(reading.mentions.begin(), reading.mentions.end(), [&](const PhraseMatch& match) {
        return match.begin >= from && match.begin < to;
      })) {
    return false;
  }
  std::optional<Laterality> inside;
  bool outside_left = false;
  bool outside_right = false;
  const Laterality heading = reading.range->heading_laterality;
  if (heading == Laterality::Left) outside_left = true;
  if (heading == Laterality::Right) outside_right = true;
  for (const PhraseMatch& match : item.matches) {
    if (match.kind != PhraseKind::Laterality || match.begin < reading.range->begin ||
        match.begin >= reading.range->end || reading.comparison_words[match.begin]) {
      continue;
    }
    const Laterality named = wordings_.laterality[match.wording].term;
    if (named != Laterality::Left && named != Laterality::Right) continue;
    if (match.begin >= from && match.begin < to) {
      if (inside && *inside != named) return false;
      inside = named;
    } else {
      (named == Laterality::Left ? outside_left : outside_right) = true;
    }
  }
  if (!inside) return false;
  if (any_breast) return true;
  return *inside == Laterality::Left ? outside_right : outside_left;
}

namespace {

// The first of the matches (ordered by start token) that begins at or after token `from`.
std::vector<PhraseMatch>::const_iterator first_match_from(const std::vector<PhraseMatch>& matches,
                                                          std::size_t from) {
  return std::partition_point(matches.begin(), matches.end(),
                              [from](const PhraseMatch& match) { return match.begin < from; });
}

}  // namespace

// A negation's noun phrase is another finding, named before the calcifications with no list
// between them: "No architectural distortion accompanies the fine pleomorphic calcifications",
// "no sonographic correlate to the calcifications", "Ohne assoziierten Herdbefund gruppierte
// pleomorphe Mikroverkalkungen", "Negative for suspicious calcifications in the right breast with
// grouped amorphous calcifications in the left breast" (another calcification mention in its own
// breast). What it denies is that thing; the calcifications it points at may be there (hostile
// review 86: they were read as denied, "no calcification finding").
bool Reader::denies_another_thing_first(const Item& item, const SentenceReading& reading,
                                        const Trigger& trigger, std::size_t begin,
                                        std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  const auto listed_after = [&](std::size_t from) {
    for (std::size_t k = from; k < begin; ++k) {
      if (is_punct(tokens[k], ',') || is_punct(tokens[k], '/') ||
          words_.is(tokens[k], FunctionWordRole::Or) ||
          words_.is(tokens[k], FunctionWordRole::And)) {
        return true;
      }
    }
    return false;
  };
  // Matches are in text order: only those between the negation and the mention are looked at
  // (a scan of every match of the item for every mention was quadratic in a long text).
  for (auto match = first_match_from(item.matches, trigger.end);
       match != item.matches.end() && match->begin < begin; ++match) {
    // A mass a distribution wording names ("within the mass") is the calcifications' place.
    if (match->end > begin || reading.descriptor_words[match->begin]) continue;
    const bool other_finding =
        match->kind == PhraseKind::Mass || match->kind == PhraseKind::Distortion ||
        match->kind == PhraseKind::Asymmetry || match->kind == PhraseKind::UltrasoundCorrelate;
    if (other_finding && !listed_after(match->end)) return true;
  }
  // Another calcification mention in a breast of its own before this one, in another breast.
  const std::optional<Laterality> own_breast = breast_named_after(item, reading, end);
  if (!own_breast) return false;
  for (const PhraseMatch& mention : reading.mentions) {
    if (mention.begin < trigger.end || mention.end > begin) continue;
    const std::optional<Laterality> its_breast = breast_named_after(item, reading, mention.end);
    if (its_breast && *its_breast != *own_breast && !listed_after(mention.end)) return true;
  }
  return false;
}

// The first breast named after token `from` in its clause, before another calcification
// mention: the breast a mention is placed in ("calcifications in the left breast").
std::optional<Laterality> Reader::breast_named_after(const Item& item,
                                                     const SentenceReading& reading,
                                                     std::size_t from) const {
  const Clause clause = reading.context_clause_of(from);
  for (auto match = first_match_from(item.matches, from);
       match != item.matches.end() && match->begin < clause.second; ++match) {
    if (match->kind == PhraseKind::Calcification) return std::nullopt;
    if (match->kind != PhraseKind::Laterality) continue;
    const Laterality named = wordings_.laterality[match->wording].term;
    if (named == Laterality::Left || named == Laterality::Right) return named;
  }
  return std::nullopt;
}

Reach Reader::reach_of(const Item& item, const SentenceReading& reading, const Trigger& trigger,
                       std::size_t begin, std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  const Clause clause = reading.context_clause_of(begin);
  // The other breast's past in a part of its own ("…, biopsy clip in the right breast", "…, Z. n.
  // BET rechts"): that breast's, not these calcifications' (hostile review 22).
  if (trigger.role == ContextRole::Historical &&
      in_part_of_the_other_breast(item, reading, trigger.begin)) {
    return Reach::None;
  }
  // The group's own breast's past in a part of its own after it ("Gruppierter pleomorpher
  // Mikrokalk links bei 2 Uhr, Z. n. BET links"): the breast's history, which may or may not be
  // the calcifications'. Where they are described suspicious, doubt, never history that sets a
  // suspicious group aside (hostile review 23).
  if (trigger.role == ContextRole::Historical && trigger.begin >= end &&
      in_part_of_the_other_breast(item, reading, trigger.begin, true)) {
    for (std::size_t c = 0; c < reading.clauses.size(); ++c) {
      if (begin < reading.clauses[c].first || begin >= reading.clauses[c].second) continue;
      const Descriptors& described = reading.clause_descriptors[c];
      const bool suspicious =
          std::any_of(described.morphology.begin(), described.morphology.end(),
                      [](const Read<Morphology>& read) { return is_suspicious(read.value); }) ||
          std::any_of(described.distribution.begin(), described.distribution.end(),
                      [](const Read<Distribution>& read) { return follows_a_duct(read.value); }) ||
          !described.assessment.empty();
      if (suspicious) return Reach::Doubtful;
    }
    // The past phrase names a procedure of that breast ("Z. n. BET links", "status post
    // lumpectomy left"): a word between it and the breast that is neither. The breast's history,
    // not the group's: doubt (hostile review 23), never history that drops a group the text
    // describes now. A bare marker ("Clip links") stays the biopsied calcifications'.
    for (std::size_t k = trigger.end; k < reading.range->end; ++k) {
      const Token& token = tokens[k];
      if (token.kind == TokenKind::Punct || reading.breast_words[k]) break;
      if (token.kind == TokenKind::Word) return Reach::Doubtful;
    }
  }
  auto is_or = [this](const Token& token) { return words_.is(token, FunctionWordRole::Or); };
  if (trigger.begin >= end) {
    if (trigger.role != ContextRole::Negated) return Reach::Full;
    // "The calcifications are not seen on ultrasound", "… are not present on the prior": the
    // negation speaks of the other exam.
    for (std::size_t k = trigger.begin; k < trigger.end; ++k) {
      if (reading.other_exam_words[k]) return Reach::None;
    }
    bool comma = false;
    for (std::size_t k = end; k < trigger.begin; ++k) comma = comma || is_punct(tokens[k], ',');
    if (!comma) return Reach::Full;
    const bool qualified =
        trigger.end < clause.second && tokens[trigger.end].kind != TokenKind::Punct;
    return qualified ? Reach::None : Reach::Doubtful;
  }
  if (trigger.role == ContextRole::Uncertain) return Reach::Full;
  std::optional<std::size_t> boundary;
  bool or_since_boundary = false;
  for (std::size_t k = trigger.end; k < begin; ++k) {
    const bool after_noun = k > trigger.end && !reading.descriptor_words[k - 1] &&
                            tokens[k - 1].kind == TokenKind::Word;
    // A line break after a noun is a dictated list's comma ("No dominant mass\nsegmental fine
    // linear branching calcifications ..."), the next line a statement of its own.
    const bool line_after_noun = after_noun && tokens[k].newlines_before > 0;
    // A past or purpose phrase ends at "with" or a closing bracket before a described noun
    // phrase ("Status post left lumpectomy with fine pleomorphic calcifications along the scar",
    // "Left breast (history of DCIS) fine linear branching calcifications"); "No mass with
    // calcifications" stays one negated statement.
    const bool past_ends =
        trigger.role != ContextRole::Negated &&
        (words_.is(tokens[k], FunctionWordRole::With) || is_punct(tokens[k], ')'));
    // "No longer coarse: the calcifications …": a colon ends what the negation said, as a comma.
    if (is_punct(tokens[k], ',') || is_punct(tokens[k], ':') || line_after_noun || past_ends ||
        (words_.is(tokens[k], FunctionWordRole::And) && after_noun)) {
      boundary = k;
      or_since_boundary = false;
    } else if (is_or(tokens[k])) {
      or_since_boundary = true;
    }
  }
  if (trigger.role == ContextRole::Negated && !or_since_boundary &&
      denies_another_thing_first(item, reading, trigger, begin, end)) {
    return Reach::Doubtful;
  }
  if (!boundary || or_since_boundary) return Reach::Full;
  // A question put before a colon ("Evaluate for change: grouped calcifications …", "Zum
  // Ausschluss eines DCIS: gruppierter Mikrokalk …") is asked of the calcifications described
  // after it: they are seen, and what the question names is neither affirmed nor excluded. Doubt,
  // quoted, never silently dropped and never a reassurance (hostile review 23).
  if (trigger.role == ContextRole::Hypothetical && is_punct(tokens[*boundary], ':')) {
    return Reach::Doubtful;
  }
  // The list may go on after the mention ("…, calcifications, or architectural distortion").
  for (std::size_t k = end; k < clause.second && k < end + 6; ++k) {
    if (is_or(tokens[k])) return Reach::Full;
    if (reading.descriptor_words[k] ||
        (tokens[k].kind == TokenKind::Punct && !is_punct(tokens[k], ','))) {
      break;
    }
  }
  for (std::size_t k = *boundary + 1; k < begin; ++k) {
    if (reading.descriptor_words[k]) return Reach::None;
  }
  return Reach::Doubtful;
}

namespace {

// Whether tokens [from, at) open a parenthesis they do not close: `at` is inside it.
bool in_parenthesis_after(const std::vector<Token>& tokens, std::size_t from, std::size_t at) {
  int depth = 0;
  for (std::size_t k = from; k < at; ++k) {
    if (is_punct(tokens[k], '(') || is_punct(tokens[k], '[')) ++depth;
    if ((is_punct(tokens[k], ')') || is_punct(tokens[k], ']')) && depth > 0) --depth;
  }
  return depth > 0;
}

}  // namespace

// A denial after the mention that a contrast right after it takes back ("… are no longer seen on
// this CC view but persist on the MLO view", "… not seen on the CC view but are seen on the MLO
// view"): a clause opening with "but" that denies nothing and names no calcifications or other
// finding of its own goes on about them, so whether they are there cannot be told (uncertain,
// never dropped; hostile review 81: they were read as gone).
bool Reader::taken_back_after(const Item& item, const SentenceReading& reading,
                              const Trigger& negation, std::size_t mention_end) const {
  if (negation.begin < mention_end) return false;
  const auto& clauses = reading.context_clauses;
  const auto holding = std::find_if(clauses.begin(), clauses.end(), [&](const Clause& clause) {
    return negation.begin >= clause.first && negation.begin < clause.second;
  });
  if (holding == clauses.end() || holding + 1 == clauses.end()) return false;
  const auto [first, last] = *(holding + 1);
  if (!opens_contrast(item.tokens, reading.triggers, first)) return false;
  const bool denies = std::any_of(reading.triggers.begin(), reading.triggers.end(),
                                  [&, first = first, last = last](const Trigger& trigger) {
                                    return trigger.role == ContextRole::Negated &&
                                           trigger.begin >= first && trigger.begin < last;
                                  });
  const auto in_part = [first = first, last = last](const PhraseMatch& match) {
    return match.begin >= first && match.begin < last;
  };
  const bool names_its_own =
      std::any_of(reading.mentions.begin(), reading.mentions.end(), in_part) ||
      std::any_of(item.matches.begin(), item.matches.end(),
                  [&](const PhraseMatch& match) {
                    return in_part(match) && is_other_lesion(match.kind);
                  }) ||
      std::any_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(first),
                  item.tokens.begin() + static_cast<std::ptrdiff_t>(last), [&](const Token& token) {
                    return words_.is(token, FunctionWordRole::OtherFinding) ||
                           words_.is(token, FunctionWordRole::LesionNoun) ||
                           words_.is(token, FunctionWordRole::Sign);
                  });
  return !denies && !names_its_own;
}

// A denial said of one view ("… are not seen on the CC view", "in der CC-Aufnahme nicht
// sichtbar") says nothing of the others, where they may be (hostile review 82: "…; however, they
// persist on the MLO view", "They persist on the MLO view." in the next sentence, were read as
// gone). One view: a view word in the clause, none joined to another by an and-word, an or-word
// or a slash ("CC and MLO"), and no word of every view in the sentence ("views", "either",
// "beiden Ebenen"). Only of calcifications seen: ones described by kind or arrangement, or named
// with "the" ("No suspicious calcifications on the MLO view." stays a denial; hostile review 83).
bool Reader::denied_on_one_view(const Item& item, const SentenceReading& reading,
                                const Clause& clause, std::size_t mention) const {
  const std::vector<Token>& tokens = item.tokens;
  const bool described =
      std::any_of(item.matches.begin(), item.matches.end(), [&](const PhraseMatch& match) {
        return (match.kind == PhraseKind::Morphology || match.kind == PhraseKind::Distribution) &&
               match.begin >= clause.first && match.begin < clause.second;
      });
  std::size_t before = mention;
  while (before > clause.first && reading.descriptor_words[before - 1]) --before;
  const bool definite = before > clause.first && tokens[before - 1].kind == TokenKind::Word &&
                        is_definite_determiner(tokens[before - 1].folded);
  if (!described && !definite) return false;
  const auto view = [&](std::size_t k) { return words_.is(tokens[k], FunctionWordRole::View); };
  bool named = false;
  for (std::size_t k = clause.first; k < clause.second; ++k) {
    if (!view(k)) continue;
    named = true;
    const bool two_joined =
        k + 2 < clause.second && view(k + 2) &&
        (words_.is(tokens[k + 1], FunctionWordRole::And) ||
         words_.is(tokens[k + 1], FunctionWordRole::Or) || is_punct(tokens[k + 1], '/'));
    if (two_joined) return false;
  }
  const SentenceRange& range = *reading.range;
  return named && std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(range.begin),
                               tokens.begin() + static_cast<std::ptrdiff_t>(range.end),
                               [&](const Token& token) {
                                 return words_.is(token, FunctionWordRole::EveryView);
                               });
}

ContextReading Reader::status_of(const Item& item, const SentenceReading& reading,
                                 std::size_t begin, std::size_t end, bool says_new) const {
  const Clause clause = reading.context_clause_of(begin);
  const Trigger* found[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
  const Trigger* doubtful = nullptr;
  auto slot = [](ContextRole role) -> int {
    switch (role) {
      case ContextRole::Negated:
        return 0;
      case ContextRole::Hypothetical:
        return 1;
      case ContextRole::Historical:
        return 2;
      case ContextRole::Uncertain:
        return 3;
      default:
        return -1;
    }
  };
  for (const Trigger& trigger : reading.triggers) {
    if (trigger.begin < clause.first || trigger.end > clause.second) continue;
    const int index = slot(trigger.role);
    if (index < 0) continue;
    // A negation that is the mention itself ("none" in "…, none on the right"): negated.
    if (trigger.role == ContextRole::Negated && trigger.begin <= begin && trigger.end >= end) {
      found[index] = &trigger;
      continue;
    }
    const bool before = trigger.side != ContextSide::After && trigger.end <= begin;
    const bool after = trigger.side != ContextSide::Before && trigger.begin >= end;
    if (!before && !after) continue;
    // A denial or a past in a parenthesis after the mention speaks of what the parenthesis names
    // ("Pleomorphic calcifications left breast (not seen on the right)", "(right breast: none)";
    // hostile review 71: the left breast's calcifications were read as denied). A doubt there
    // still reaches them.
    if (after &&
        (trigger.role == ContextRole::Negated || trigger.role == ContextRole::Historical) &&
        in_parenthesis_after(item.tokens, end, trigger.begin)) {
      continue;
    }
    const Reach reach = reach_of(item, reading, trigger, begin, end);
    if (reach == Reach::None) continue;
    if (reach == Reach::Doubtful) {
      if (trigger.role != ContextRole::Historical || !says_new) doubtful = &trigger;
      continue;
    }
    // The nearest trigger of a role is the one quoted.
    if (found[index] == nullptr || (before && trigger.begin > found[index]->begin)) {
      found[index] = &trigger;
    }
  }
  ContextReading out;
  auto quote = [&](const Trigger* trigger, MentionStatus status) {
    out.trigger = words_of(item, trigger->begin, trigger->end);
    out.status = status;
    return out;
  };
  if (found[0]) {
    // Only calcifications are taken back so: a view denied ("MLO fehlt") is the exam's.
    const bool calcifications =
        std::any_of(reading.mentions.begin(), reading.mentions.end(),
                    [begin](const PhraseMatch& mention) { return mention.begin == begin; });
    const bool taken_back = calcifications && (taken_back_after(item, reading, *found[0], end) ||
                                               denied_on_one_view(item, reading, clause, begin));
    return quote(found[0], taken_back ? MentionStatus::Uncertain : MentionStatus::Negated);
  }
  if (found[1] && !reading.presupposed_mentions[begin]) {
    return quote(found[1], MentionStatus::Hypothetical);
  }
  if (!says_new && is_past_section(reading.range->section)) {
    if (found[2]) return quote(found[2], MentionStatus::Historical);
    out.trigger = std::string(to_string(reading.range->section)) + " section";
    out.status = MentionStatus::Historical;
    out.past_by_section = true;
    return out;
  }
  // A high-risk result in the sentence ("…, previously biopsied with ADH on pathology", "These
  // calcifications were biopsied in 2024 and showed ADH"): a fact about these calcifications that
  // the past does not silence (rule B1: excision whenever it was found). Uncertain, quoting the
  // past words, so the finding is weighed and reviewed.
  // So are calcifications said to be still there ("Residual grouped amorphous calcifications
  // adjacent to the clip", "Status post biopsy … with residual amorphous calcifications"; hostile
  // review 86): not only the past.
  if (!says_new && found[2]) {
    const bool still_there =
        reading.names_high_risk_result || said_still_there(item, clause, begin, end);
    return quote(found[2], still_there ? MentionStatus::Uncertain : MentionStatus::Historical);
  }
  if (found[3]) return quote(found[3], MentionStatus::Uncertain);
  // A question ("Vascular calcifications?", "…, stable?", "…, ? stable."): uncertainty, never a
  // benign or stable assertion (hostile review 20).
  for (std::size_t k = clause.first; k < clause.second; ++k) {
    if (is_punct(item.tokens[k], '?')) {
      out.trigger = "?";
      out.status = MentionStatus::Uncertain;
      return out;
    }
  }
  if (doubtful) {
    out.scope_doubtful = true;
    return quote(doubtful, MentionStatus::Uncertain);
  }
  return out;
}

// A word of the mention's noun phrase says they are still there: up to four words before it or
// three after it, no punctuation between ("residual grouped amorphous calcifications",
// "calcifications persist").
bool Reader::said_still_there(const Item& item, const Clause& clause, std::size_t begin,
                              std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  constexpr std::size_t kBefore = 4;
  constexpr std::size_t kAfter = 3;
  for (std::size_t k = begin; k > clause.first && begin - k < kBefore;) {
    --k;
    if (tokens[k].kind == TokenKind::Punct) break;
    if (words_.is(tokens[k], FunctionWordRole::StillThere)) return true;
  }
  for (std::size_t k = end; k < clause.second && k - end < kAfter; ++k) {
    if (tokens[k].kind == TokenKind::Punct) break;
    if (words_.is(tokens[k], FunctionWordRole::StillThere)) return true;
  }
  return false;
}

// A mention inside a hypothesis, named with "the" (or "these", "this", "those") and described
// before it ("whether the fine pleomorphic calcifications in the left breast at 2 o'clock
// represent DCIS"), is presupposed: it was seen, and its own descriptors and the place named
// right after it are facts. A description after its verb ("whether the calcifications are
// pleomorphic") and a bare or undetermined mention ("if fine pleomorphic calcifications develop")
// stay hypothetical.
void Reader::mark_presupposed_mentions(const Item& item, SentenceReading& reading,
                                       const std::vector<PhraseMatch>& matches) const {
  const std::vector<Token>& tokens = item.tokens;
  const SentenceRange& range = *reading.range;
  reading.presupposed_mentions = TokenMarks(range);
  TokenMarks place_words(range);
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::Laterality || match.kind == PhraseKind::Quadrant ||
        match.kind == PhraseKind::Region || match.kind == PhraseKind::Depth) {
      place_words.mark(match.begin, match.end);
    }
  }
  static const char* const kPlaceLinks[] = {"in", "the",    "at",      "of",      "within",
                                            "on", "breast", "breasts", "position"};
  const auto clock_word = [this](const Token& token) {
    return words_.is(token, FunctionWordRole::ClockAfterHour) ||
           words_.is(token, FunctionWordRole::ClockFiller);
  };
  for (const PhraseMatch& mention : reading.mentions) {
    if (!reading.hypothesis_words[mention.begin]) continue;
    std::size_t described_from = mention.begin;
    while (described_from > range.begin && reading.descriptor_words[described_from - 1]) {
      --described_from;
    }
    if (described_from == mention.begin || described_from == range.begin) continue;
    const Token& determiner = tokens[described_from - 1];
    if (determiner.kind != TokenKind::Word || !is_definite_determiner(determiner.folded)) continue;
    std::size_t place_end = mention.end;
    while (place_end < range.end &&
           (place_words[place_end] || tokens[place_end].kind == TokenKind::Number ||
            tokens[place_end].kind == TokenKind::Time || clock_word(tokens[place_end]) ||
            (tokens[place_end].kind == TokenKind::Word &&
             word_in(tokens[place_end].folded, kPlaceLinks)))) {
      ++place_end;
    }
    reading.hypothesis_words.clear(described_from, place_end);
    reading.presupposed_mentions.mark(mention.begin, mention.begin + 1);
  }
}

}  // namespace mammocalc::narrative::reading
