#pragma once
// The parts of the narrative reader, shared by its files (narrative_reader.cpp and reader_*.cpp):
// what one sentence holds, the values read from it, and the Reader that keeps the findings and
// statements of one report. Internal to the narrative stage.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "findings/findings.hpp"
#include "findings/sr_content.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/report_text.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc::narrative::reading {

struct TextItem {
  const ContentItem* item;
  ReportSection section;
};

// The document's TEXT items in document order, each with the report section it belongs to.
std::vector<TextItem> text_items_of(const SrDocument& document);
// ---- What was read in one sentence ----

// A fact read from text: its value, and the words and bytes it was read from.
template <typename T>
struct Read {
  T value;
  std::string words;
  TextSpan span;
  std::size_t token = 0;  // first token, for nearness
};
struct Descriptors {
  std::vector<Read<Morphology>> morphology;
  std::vector<Read<Distribution>> distribution;
  std::vector<Read<Site>> site;
  std::vector<Read<Laterality>> sides;
  std::optional<Read<int>> clock;
  // Further clock positions of the clause that differ from the first ("at 2 o'clock and 8
  // o'clock"): never silently dropped, a conflict on the finding.
  std::vector<Read<int>> other_clocks;
  // The further clocks that end a range ("between 2 and 3 o'clock"): the token of the end's
  // read and the range's hours. Not a second position: no conflict where its start is held.
  struct ClockRangeEnd {
    std::size_t token;
    int from;
    int to;
  };
  std::vector<ClockRangeEnd> clock_range_ends;
  // Clock texts whose number is no clock hour ("between 12 and 13 o'clock", "13 o'clock"): the
  // number and the words; said on the finding, never a position.
  std::vector<Read<int>> no_clock_hours;
  std::optional<Read<Quadrant>> quadrant;
  // Further quadrants of the clause that differ from the first ("in the upper outer and in the
  // lower inner quadrant"): kept as a conflict on the finding, as further clocks are.
  std::vector<Read<Quadrant>> other_quadrants;
  std::optional<Read<Region>> region;
  std::optional<Read<Depth>> depth;
  std::optional<Read<double>> from_nipple_mm;
  std::optional<Read<double>> from_skin_mm;
  std::optional<Read<double>> from_chest_wall_mm;
  std::optional<Read<double>> extent_mm;
  // Sizes of no known kind ("previously 8 mm, now 14 mm") and further extents: a size told twice
  // differently (growth told by sizes) is never silently dropped: said on the finding.
  std::vector<Read<double>> other_sizes;
  std::optional<Read<int>> count;
  // Whole numbers of no known kind (no measure, clock, category, year, duration or percentage:
  // "now number 15, previously 3", "count 3 -> 15") and further counts: two that differ are a
  // count told twice, never silently one of them (hostile review 90, S4).
  std::vector<Read<int>> other_numbers;
  std::vector<Read<Change>> change;
  std::optional<Read<Presence>> ultrasound;
  std::optional<Read<bool>> mass;
  // The lesion the clause names them in or with ("focal asymmetry … containing calcifications");
  // a distortion stands over an asymmetry.
  std::optional<Read<Lesion>> lesion;
  // Words right next to a distortion or an asymmetry that say surgery, a scar or trauma at the
  // site caused it ("postsurgical", "at the lumpectomy site"): set only when every distortion and
  // asymmetry of the clause has such words (lesion_unexplained: one has none).
  std::optional<Read<bool>> lesion_cause;
  bool lesion_unexplained = false;
  // The categories the words assess them with ("suspicious": 4), every one (the highest stands).
  std::vector<Read<Category>> assessment;
  // Words of the clause that are not an assessment's (set where it holds one): "; suspicious."
  // says nothing else, "; suspicious mass on the right" does.
  std::size_t words_besides_assessment = 0;
  // Words of the clause that are not a change's (set where it holds one): "No longer stable."
  std::size_t words_besides_change = 0;
  std::size_t words = 0;  // of the clause
  // A benign reason the text denies ("not milk of calcium", "do not layer", "not stable"): the
  // words, quoted where the finding is made uncertain (rule C14) instead of benign.
  std::optional<std::string> denied;
  // An assessment said of what they are compared with ("similar to the left breast where biopsy
  // showed DCIS"): not theirs, so no category; the words, quoted where the finding is made
  // uncertain on them (rule C14), never benign.
  std::optional<std::string> compared_assessment;
  // Where the clause's and-words and commas stand (tokens): which breast a change between two
  // breasts' names belongs to ("stable on the right and new on the left").
  std::vector<std::size_t> and_words;
  std::vector<std::size_t> commas;
};
// A resolved context phrase of a sentence.
struct Trigger {
  std::size_t begin;
  std::size_t end;
  ContextRole role;
  ContextSide side;
};
// One clause's group of mentions, on its way to a finding.
struct Candidate {
  Laterality laterality = Laterality::Unknown;
  std::optional<Read<Laterality>> laterality_read;
  Descriptors descriptors;
  MentionStatus status = MentionStatus::Uncertain;
  ReportSection section = ReportSection::Unsectioned;
  std::string position;
  TextSentence sentence;
  std::vector<std::size_t> mentions;  // indices into NarrativeReading::mentions
  // Words that place these calcifications where nothing the report names can be shown to be:
  // "elsewhere", or "the contralateral breast" with no breast named before to resolve it against.
  std::string unresolved_place;
  // What could not be told, for the finding's narrative-unresolved notes ("whether "No" reaches
  // these calcifications cannot be told …").
  std::vector<std::string> doubts;
  // Facts added by words that hedge ("These are likely vascular"): the finding's kind becomes
  // uncertain (rule C14), never benign on a hedge.
  std::optional<std::string> hedge;
  // Words of the clause that call them only probably benign (Finding::benign_hedge).
  std::string benign_hedge;
  // The clause calls them benign, undoubted (Finding::called_benign).
  bool called_benign = false;
  // The clause's word that calls them small (Finding::said_small).
  std::string said_small;
  // The clause names one breast and the breast heading over it the other ("LEFT BREAST: …
  // calcifications right at the 2 o'clock position"): both, the finding's breast unknown and
  // classified under each (decision-logic.md §1), never a silent choice.
  struct BreastDisagreement {
    Read<Laterality> heading;  // the breast stated first: "LEFT BREAST:", a finding's breast
    Read<Laterality> clause;   // the other one, stated after: "right"
  };
  std::optional<BreastDisagreement> breasts_disagreeing;
};
struct CategoryEvent {
  Category category;
  Laterality laterality;
  std::string position;
  std::string quote;
  std::size_t sentence;
};
struct FollowUpEvent {
  Code code;
  std::string id;  // the wording's id: several share one code (111145 for three biopsies)
  Laterality laterality;
  std::string position;
  std::string quote;
  std::size_t sentence;
};
inline bool is_word(const Token& token, std::string_view word) {
  return token.kind == TokenKind::Word && token.folded == word;
}
inline bool is_punct(const Token& token, char c) {
  return token.kind == TokenKind::Punct && token.folded[0] == c;
}
// A year of the last two centuries ("2010"); a clock time ("10:00") or a size is none.
inline bool is_year(const Token& token) {
  const std::string_view value = token.folded;
  return token.kind == TokenKind::Number && value.size() == 4 &&
         (value.substr(0, 2) == "19" || value.substr(0, 2) == "20");
}
// Is the word one of the list?
template <typename List>
bool word_in(std::string_view word, const List& list) {
  return std::any_of(std::begin(list), std::end(list),
                     [word](const char* entry) { return word == entry; });
}
// A definite determiner, English or German ("the", "these", "der", "die"): what it names was seen
// before, so a hypothesis about it presupposes it. The lexicon's one-role-a-phrase rule keeps it
// out of the function words ("the" and "der" go on a line there).
inline bool is_definite_determiner(std::string_view word) {
  static const char* const kDeterminers[] = {"the", "these", "this", "those", "der",
                                             "die", "das",   "den",  "dem",   "des"};
  return word_in(word, kDeterminers);
}
using Clause = std::pair<std::size_t, std::size_t>;  // tokens [first, second) of an item

// A lexicon's function words by role (Wordings::function_words, Wordings::numbers), for the
// reader's grammar: the same questions in every language, the words data.
class FunctionWords {
 public:
  explicit FunctionWords(const Wordings& wordings)
      : by_role_(static_cast<std::size_t>(kLastFunctionWordRole) + 1),
        sets_(static_cast<std::size_t>(kLastFunctionWordRole) + 1),
        several_words_(static_cast<std::size_t>(kLastFunctionWordRole) + 1),
        measures_(static_cast<std::size_t>(MeasureRole::ExtentFiller) + 1),
        numbers_(&wordings.numbers) {
    for (const FunctionWording& word : wordings.function_words) {
      const auto role = static_cast<std::size_t>(word.role);
      by_role_[role].push_back(word.phrase);
      // Phrases of several words ("bis auf", "subject to"): matched word by word.
      if (word.phrase.find(' ') != std::string::npos) {
        several_words_[role].push_back(words_of_phrase(word.phrase));
      }
      // A lesion noun names another finding: every question asked of those asks it too.
      if (word.role == FunctionWordRole::LesionNoun) {
        by_role_[static_cast<std::size_t>(FunctionWordRole::OtherFinding)].push_back(word.phrase);
      }
    }
    for (const MeasureWording& measure : wordings.measure_words) {
      measures_[static_cast<std::size_t>(measure.role)].push_back(words_of_phrase(measure.phrase));
    }
    for (std::size_t role = 0; role < by_role_.size(); ++role) {
      for (const std::string_view phrase : by_role_[role]) {
        sets_[role].add(phrase);
        any_.add(phrase);
      }
    }
  }
  // The number of tokens of the longest measure phrase of this role at tokens[at, end); 0 when
  // none is there.
  std::size_t measure_at(const std::vector<Token>& tokens, std::size_t at, std::size_t end,
                         MeasureRole role) const {
    return longest_at(measures_[static_cast<std::size_t>(role)], tokens, at, end);
  }
  // A one-word measure phrase of this role (extent-before, extent-filler): any token but a
  // number, so that a filler may be "." ("approx. 3 cm").
  bool measure_word(const Token& token, MeasureRole role) const {
    if (token.kind == TokenKind::Number) return false;
    const auto& phrases = measures_[static_cast<std::size_t>(role)];
    return std::any_of(phrases.begin(), phrases.end(), [&token](const auto& phrase) {
      return phrase.size() == 1 && token.folded == phrase[0];
    });
  }
  // The token is a word with this role (a phrase ending in '*': a word starting so).
  bool is(const Token& token, FunctionWordRole role) const {
    return token.kind == TokenKind::Word && sets_[static_cast<std::size_t>(role)].holds(token);
  }
  // A phrase of this role starts at tokens[at], of one word or several ("bis auf", "save for").
  bool starts_phrase(const std::vector<Token>& tokens, std::size_t at,
                     FunctionWordRole role) const {
    return phrase_length(tokens, at, role) > 0;
  }
  // The number of words of the longest phrase of this role at tokens[at], one word or more; 0
  // where none starts there.
  std::size_t phrase_length(const std::vector<Token>& tokens, std::size_t at,
                            FunctionWordRole role) const {
    const std::size_t several =
        longest_at(several_words_[static_cast<std::size_t>(role)], tokens, at, tokens.size(), true);
    return several > 0 ? several : (is(tokens[at], role) ? 1 : 0);
  }
  // The token is a word of any role: the lexicon knows it.
  bool is_any(const Token& token) const {
    return token.kind == TokenKind::Word && any_.holds(token);
  }
  // A phrase of this role starts at tokens[at] or at most `reach` tokens before it, at `from` or
  // later.
  bool phrase_starts_within(const std::vector<Token>& tokens, std::size_t from, std::size_t at,
                            std::size_t reach, FunctionWordRole role) const {
    for (std::size_t start = at >= from + reach ? at - reach : from; start <= at; ++start) {
      if (starts_phrase(tokens, start, role)) return true;
    }
    return false;
  }
  // A phrase of this role starts among tokens [begin, end).
  bool any_in(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
              FunctionWordRole role) const {
    for (std::size_t at = begin; at < end; ++at) {
      if (starts_phrase(tokens, at, role)) return true;
    }
    return false;
  }
  // A coordinator between two parts of a clause: an and-word or a comma ("coarse ones on the
  // right and fine linear ones on the left", "unchanged on the right, new on the left").
  bool coordinates(const Token& token) const {
    return is_punct(token, ',') || is(token, FunctionWordRole::And);
  }
  // What ends a part of a clause where a breast may be cleared: a coordinator, or a parenthesis
  // ("left breast (none on the right)"; hostile review 71).
  bool ends_part(const Token& token) const {
    return coordinates(token) || is_punct(token, '(') || is_punct(token, ')');
  }
  // The words of a role (continues-line: for split_sentences).
  const std::vector<std::string_view>& words(FunctionWordRole role) const {
    return by_role_[static_cast<std::size_t>(role)];
  }
  // The number a word spells ("two", "zwei"); none for other tokens.
  std::optional<int> number(const Token& token) const {
    if (token.kind != TokenKind::Word) return std::nullopt;
    const auto found =
        std::find_if(numbers_->begin(), numbers_->end(),
                     [&token](const Wording<int>& word) { return token.folded == word.phrase; });
    if (found == numbers_->end()) return std::nullopt;
    return found->term;
  }

 private:
  using PhraseWords = std::vector<std::string_view>;
  static PhraseWords words_of_phrase(std::string_view phrase) {
    PhraseWords split;
    for (std::size_t space = phrase.find(' '); space != std::string_view::npos;
         space = phrase.find(' ')) {
      split.push_back(phrase.substr(0, space));
      phrase.remove_prefix(space + 1);
    }
    split.push_back(phrase);
    return split;
  }
  // The number of tokens of the longest of `phrases` at tokens[at, end), each word matched
  // whole; 0 when none is there. With `across_colons`, a colon may stand between two words of a
  // phrase ("Specimen radiograph: no calcifications" reads "specimen radiograph no
  // calcifications"; hostile review 67) and counts among its tokens.
  static std::size_t longest_at(const std::vector<PhraseWords>& phrases,
                                const std::vector<Token>& tokens, std::size_t at, std::size_t end,
                                bool across_colons = false) {
    std::size_t longest = 0;
    for (const PhraseWords& phrase : phrases) {
      std::size_t next = at;
      bool matches = true;
      for (std::size_t w = 0; matches && w < phrase.size(); ++w) {
        if (across_colons && w > 0 && next < end && is_punct(tokens[next], ':')) ++next;
        matches =
            next < end && tokens[next].kind == TokenKind::Word && tokens[next].folded == phrase[w];
        ++next;
      }
      if (matches && next - at > longest) longest = next - at;
    }
    return longest;
  }
  // One of `phrases` is the token's word (a phrase ending in '*': a word starting so).
  // One role's words for lookup: whole words hashed, a phrase ending in '*' as the start of a
  // word. Every token of a report asks several roles (a linear scan over the phrases was most of
  // the reading time: hostile review 96, M2).
  class WordSet {
   public:
    void add(std::string_view phrase) {
      if (phrase.empty()) return;
      if (phrase.back() == '*') {
        starts_.push_back(phrase.substr(0, phrase.size() - 1));
      } else {
        words_.insert(phrase);
      }
    }
    bool holds(const Token& token) const {
      if (words_.count(token.folded) != 0) return true;
      return std::any_of(starts_.begin(), starts_.end(), [&token](std::string_view start) {
        return token.folded.substr(0, start.size()) == start;
      });
    }

   private:
    std::unordered_set<std::string_view> words_;
    std::vector<std::string_view> starts_;
  };
  std::vector<std::vector<std::string_view>> by_role_;
  std::vector<WordSet> sets_;                            // by_role_'s words, per role, for is()
  WordSet any_;                                          // every role's words, for is_any()
  std::vector<std::vector<PhraseWords>> several_words_;  // per role, its phrases of several words
  std::vector<std::vector<PhraseWords>> measures_;       // per role, words per phrase
  const std::vector<Wording<int>>* numbers_;
};

// The roles of words that name a finding, a sign of one, a work-up, an exception, a reason for
// the exam or a size ("Also some tiny ones."): affirmed in a part of a sentence that gave
// nothing, they were not read (Reader::unread_word). Not
// other-finding words at large (a lymph node or "Mastopathie" is another finding, no lesion), nor
// a doubt alone ("teils fettig"): one is weighed where it doubts a benign word. A word a role
// made known must stay unread where nothing took it ("Links: zackig.", "Links: offen."): an
// irregular form and a blank category are such roles.
inline constexpr FunctionWordRole kFindingRoles[] = {
    FunctionWordRole::LesionNoun,       FunctionWordRole::Sign,
    FunctionWordRole::FindingQualifier, FunctionWordRole::WorkUp,
    FunctionWordRole::Awaited,          FunctionWordRole::Excepts,
    FunctionWordRole::ReasonForExam,    FunctionWordRole::SmallSize,
    FunctionWordRole::IrregularForm,    FunctionWordRole::CategoryBlank};

// ---- Shared helpers, each defined in the file of its part ----

// A word that stands for calcifications without being a calcification word ("ones", "those"),
// as a mention of its own at token `at`; inserted in document order.
inline PhraseMatch word_mention(std::size_t at) {
  return PhraseMatch{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1), 0,
                     PhraseKind::Calcification};
}
inline void insert_mention(std::vector<PhraseMatch>& mentions, const PhraseMatch& mention) {
  mentions.insert(std::upper_bound(
                      mentions.begin(), mentions.end(), mention,
                      [](const PhraseMatch& a, const PhraseMatch& b) { return a.begin < b.begin; }),
                  mention);
}

// Descriptors that are an assessment and little else ("Malignancy cannot be ruled out."):
// assessment words with at most four other words, and no place, kind or arrangement (not "A
// second group at 10 o'clock is suspicious").
bool only_assessment(const Descriptors& descriptors);

// A negation standing before `at` in the clause and ending at most `gap` tokens before it ("not
// in the ducts": gap 0; "no less suspicious": the negation before "less").
bool negated_right_before(const std::vector<Trigger>& triggers, std::size_t at,
                          std::size_t clause_begin, std::size_t gap);

// A context phrase of one of `roles` holds token `at` (`starting`: begins at it).
bool trigger_holds(const std::vector<Trigger>& triggers, std::size_t at,
                   std::initializer_list<ContextRole> roles);
bool trigger_starts_at(const std::vector<Trigger>& triggers, std::size_t at,
                       std::initializer_list<ContextRole> roles);

// Sections that speak of the past or of the procedure: a mention there is historical unless it
// says new or increased (narrative.md §1).
bool is_past_section(ReportSection section);

// The first hedge ("likely", "possibly", "favor") among the triggers in tokens [begin, end).
const Trigger* hedge_in(const std::vector<Trigger>& triggers, std::size_t begin, std::size_t end);

std::string format_number(double value);

// The digits a word starts with as a number ("10" of "10:30"); 0 when there are none.
int leading_integer(std::string_view word);

// A unit of time after a number: "6 months", "2 years".
bool is_duration(const Token& token);

// A lesion other than calcifications that a phrase names: a mass, a distortion, an asymmetry.
inline bool is_other_lesion(PhraseKind kind) {
  return kind == PhraseKind::Distortion || kind == PhraseKind::Asymmetry ||
         kind == PhraseKind::Mass;
}

// A composition sentence describes the breast ("heterogeneously dense, which may obscure small
// masses"): no finding and no category of its own.
inline bool names_composition(const std::vector<PhraseMatch>& matches) {
  return std::any_of(matches.begin(), matches.end(), [](const PhraseMatch& match) {
    return match.kind == PhraseKind::Composition;
  });
}

// Adds the facts of `more` to `into`: lists are appended, a missing single fact is filled.
void add_descriptors(Descriptors& into, const Descriptors& more);

bool starts_relative_clause(const Token& token);

// A clause opening with a terminator that stands on either side ("but", "though", "except") and
// is no relative pronoun (those clauses join the one before them when their descriptors are read).
bool opens_contrast(const std::vector<Token>& tokens, const std::vector<Trigger>& triggers,
                    std::size_t at);

// Words that open a sentence going on about the calcifications just described.
bool refers_back(const Token& token, const FunctionWords& words);

// The clause that holds a token; the whole sentence when none does.
Clause clause_holding(const std::vector<Clause>& clauses, std::size_t token,
                      const SentenceRange& sentence);

// The breast a stretch of words names: Both when it names both or "bilateral", Unknown when none.
std::optional<Read<Laterality>> side_named(const std::vector<Read<Laterality>>& sides);

// The longest match of a kind at each place, left to right, none overlapping.
std::vector<PhraseMatch> longest_matches(const std::vector<PhraseMatch>& matches, PhraseKind kind);

// Folds a candidate's facts into a finding; where they contradict, the more suspicious stands
// and both values are recorded.
void merge_into(Finding& finding, const Candidate& candidate, Laterality laterality);
void hedge_on_denial(Candidate& candidate);
void deny_benign(Candidate& candidate);

// Tokens of one sentence marked for one purpose (descriptor words, words about another exam, …);
// a token outside the sentence is never marked.
class TokenMarks {
 public:
  TokenMarks() = default;
  explicit TokenMarks(const SentenceRange& range)
      : begin_(range.begin), marked_(range.end - range.begin, false) {}
  // Marks tokens [from, to), clipped to the sentence.
  void mark(std::size_t from, std::size_t to) {
    for (std::size_t k = std::max(from, begin_); k < to && k - begin_ < marked_.size(); ++k) {
      marked_[k - begin_] = true;
    }
  }
  // Unmarks tokens [from, to), clipped to the sentence.
  void clear(std::size_t from, std::size_t to) {
    for (std::size_t k = std::max(from, begin_); k < to && k - begin_ < marked_.size(); ++k) {
      marked_[k - begin_] = false;
    }
  }
  bool operator[](std::size_t token) const {
    return token >= begin_ && token - begin_ < marked_.size() && marked_[token - begin_];
  }
  // Whether any token of [from, to) is marked.
  bool any(std::size_t from, std::size_t to) const {
    for (std::size_t k = from; k < to; ++k) {
      if ((*this)[k]) return true;
    }
    return false;
  }

 private:
  std::size_t begin_ = 0;
  std::vector<bool> marked_;
};
// What one sentence holds, read once and shared by the steps that read its mentions.
struct SentenceReading {
  const SentenceRange* range = nullptr;
  std::size_t id = 0;  // document order
  TextSentence sentence;
  std::vector<Trigger> triggers;
  std::vector<Clause> clauses;          // for descriptors
  std::vector<Clause> context_clauses;  // for the scope of context words
  std::vector<PhraseMatch> mentions;
  std::vector<Descriptors> clause_descriptors;
  std::vector<Read<Laterality>> sides;  // every side the sentence names
  std::optional<Read<Laterality>> heading_side;
  // Tokens of a breast wording, whoever's breast it is ("right" in "as on the right").
  TokenMarks breast_words;
  // Tokens inside a descriptor wording ("fine pleomorphic", "upper outer quadrant", "new"): a
  // noun phrase with words of its own is a new statement.
  TokenMarks descriptor_words;
  // Tokens of a wording about another exam: an ultrasound correlate ("seen on ultrasound") or a
  // change that says new ("not present on the prior").
  TokenMarks other_exam_words;
  // Tokens whose descriptor words do not describe calcifications found: a hypothesis ("to
  // determine whether the calcifications are pleomorphic") and the surroundings named after a
  // place word ("deep to the skin", "adjacent to a vessel").
  TokenMarks hypothesis_words;
  TokenMarks surroundings_words;
  // Tokens from a comparison phrase to the end of its clause or a comma: other calcifications,
  // whose breast and benign words are theirs ("…, similar to those biopsied in the right breast").
  TokenMarks comparison_words;
  // Per clause: the breast compared with in degree that the clause is about, where a relative
  // word opens it after that breast ("…than on the right, where …"; part_of_compared_breast).
  std::vector<std::optional<Read<Laterality>>> compared_breast_of_clause;
  // The sentence names a high-risk pathology result no negation reaches ("ADH", "radial scar"):
  // a past context does not make its calcifications only the past (hostile review 20).
  bool names_high_risk_result = false;
  // Mentions a hypothesis presupposes, marked at their first token: "to determine whether the
  // fine pleomorphic calcifications in the left breast represent DCIS" asks what calcifications
  // that were seen are; they were seen, so the hypothesis does not make them hypothetical.
  TokenMarks presupposed_mentions;

  Clause context_clause_of(std::size_t token) const {
    return clause_holding(context_clauses, token, *range);
  }
  // The clause descriptors bind in: across "is seen" ("A nodule is seen in the left breast").
  Clause clause_of(std::size_t token) const { return clause_holding(clauses, token, *range); }
  // Whether a context phrase of `role` starts among tokens [begin, end).
  bool starts_in(ContextRole role, std::size_t begin, std::size_t end) const {
    return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& trigger) {
      return trigger.role == role && trigger.begin >= begin && trigger.begin < end;
    });
  }
};
// How far a context phrase reaches a mention of its clause (narrative.md §3: the scope ends at
// the clause end; within it, a new noun phrase ends it too).
enum class Reach {
  None,      // another statement: "No mass, fine pleomorphic calcifications in the UOQ"
  Doubtful,  // cannot tell: "No mass, calcifications in the left breast" (uncertain, never negated)
  Full,      // "No suspicious masses, calcifications or architectural distortion"
};
// A mention's status from its context, and the words that set it.
struct ContextReading {
  MentionStatus status = MentionStatus::Affirmed;
  std::string trigger;
  // Uncertain because a negating, past or hypothetical phrase may or may not reach the mention.
  bool scope_doubtful = false;
  // Historical by its section alone (history, comparison): no words of it say past.
  bool past_by_section = false;
};
class Reader {
 public:
  explicit Reader(const PreparedWordings& prepared);
  NarrativeReading read(const SrDocument& document);

 private:
  // One TEXT item being read.
  struct Item {
    std::string folded;  // the text in lower case; the tokens' words point into it
    const std::string* text;
    const std::string* position;
    std::vector<Token> tokens;
    std::vector<PhraseMatch> matches;
  };

  void read_item(const TextItem& text_item);
  void read_sentence(const Item& item, const SentenceRange& range,
                     const std::vector<PhraseMatch>& matches);
  void continue_previous_findings(const Item& item, const SentenceReading& reading);
  void read_other_lesions(const Item& item, const SentenceReading& reading,
                          const std::vector<PhraseMatch>& matches);
  void read_named_other_findings(const Item& item, const SentenceReading& reading,
                                 const std::vector<PhraseMatch>& matches);
  // The clause of token `at` says new or growing ("Compared with 2022 there is a new 9 mm
  // spiculated mass"): what it names is now even where the section speaks of the past.
  bool said_new(const SentenceReading& reading, const std::vector<PhraseMatch>& matches,
                std::size_t at) const;
  // The lesion at `at` is named as one seen, with a determiner a few breast or describing words
  // before it ("If the left breast mass is palpable", "sollte der Herd links gestanzt werden"):
  // a hypothesis about it presupposes it (hostile review 48, H48-4).
  bool named_as_seen(const Item& item, const SentenceReading& reading, std::size_t at) const;
  // The lesion or finding word at [begin, end) is one of now: its context gives a finding (said
  // new: in any section), or only supposes one it names as seen; nothing a hypothesis names.
  bool lesion_now(const Item& item, const SentenceReading& reading,
                  const std::vector<PhraseMatch>& matches, std::size_t begin,
                  std::size_t end) const;
  // A result or work-up the sentence says is awaited (FunctionWordRole::Awaited), the exam
  // incomplete by its category's name with no category 0 before it (FunctionWordRole::Incomplete),
  // the report unsettled (FunctionWordRole::Unsettled) or a target missed
  // (FunctionWordRole::MissesTarget).
  void note_awaited(const Item& item, const SentenceReading& reading);
  // The sentence says the exam is limited or does not show the whole breast
  // (FunctionWordRole::LimitedExam, a view with an only-word), not for density alone: a note on
  // the exam.
  void note_limited_exam(const Item& item, const SentenceReading& reading,
                         const std::vector<PhraseMatch>& matches);
  // A benign call the sentence makes only on a condition (FunctionWordRole::Condition after it,
  // no recommendation between): the text does not settle it, a note on the exam.
  void note_benign_on_a_condition(const Item& item, const SentenceReading& reading,
                                  const std::vector<PhraseMatch>& matches);
  // What one sentence gave (Reader::read_sentence), to tell a sentence that gave nothing.
  struct Given {
    std::size_t notes, other_lesions, assessments, tissue_follow_ups;
    bool operator==(const Given& other) const {
      return notes == other.notes && other_lesions == other.other_lesions &&
             assessments == other.assessments && tissue_follow_ups == other.tissue_follow_ups;
    }
  };
  Given given_so_far() const {
    return {reading_.notes.size(), reading_.other_lesions.size(), reading_.assessments.size(),
            reading_.tissue_follow_ups.size()};
  }
  void note_unread_statements(const Item& item, const SentenceReading& reading,
                              const std::vector<PhraseMatch>& matches);
  // Tokens [begin, end) are a doubt said by itself ("Uncertain.", ", though not definitively"):
  // its first doubt word; none where they say anything else.
  // A benign word of tokens [begin, end) denied or doubted beside calcifications the part reads
  // as not affirmed ("I would not call these calcifications benign"); none where there is none.
  std::optional<std::size_t> benign_denied_with_calcifications(const Item& item,
                                                               const SentenceReading& reading,
                                                               std::size_t begin,
                                                               std::size_t end) const;
  std::optional<std::size_t> lone_doubt(const Item& item, const SentenceReading& reading,
                                        std::size_t begin, std::size_t end) const;
  // The first lone doubt among the parts of tokens [begin, end), cut as note_unread_statements
  // cuts them: a doubt after a clause that calls calcifications benign is its hedge.
  std::optional<std::size_t> lone_doubt_after(const Item& item, const SentenceReading& reading,
                                              std::size_t begin, std::size_t end) const;
  // The token is a word the sentence does not read: no plain word, no breast word, no number, in
  // no lexicon phrase; or a lexicon word of a finding, a sign or a work-up the text affirms now.
  // `called_benign`: the sentence calls what it names benign, so finding words there are read.
  // The match is an assessment above benign ("carcinoma", "suspicious") or growth or something
  // new ("increased", "new").
  bool within_suspicion(const std::vector<PhraseMatch>& matches, std::size_t at) const;
  // Token `at` follows a member of the family (FunctionWordRole::FamilyMember) in its sentence
  // with no comma, semicolon or colon between: what it says is the relative's ("Father had
  // prostate cancer"), not the patient's.
  bool said_of_a_relative(const Item& item, const SentenceReading& reading, std::size_t at) const;
  // Every assessment word read is said of a relative (an empty list is too).
  bool all_of_relatives(const Item& item, const SentenceReading& reading,
                        const std::vector<Read<Category>>& assessment) const;
  bool names_suspicion(const PhraseMatch& match) const;
  // What tokens [begin, end) say of benignity: `called`, what they name is called benign,
  // affirmed and undoubted; `doubted`, the first benign or clearing word where they doubt or
  // deny benignity ("benign is unlikely", "probably benign", "no longer benign-appearing").
  struct BenignWords {
    std::optional<std::size_t> doubted;
    // A benign word the clause denies or takes back ("which do not look benign", "no longer
    // regarded as benign"): more than a doubt, never a probably benign restatement.
    std::optional<std::size_t> denied;
    bool called = false;
  };
  bool denied_right_after(const Item& item, const SentenceReading& reading, std::size_t at,
                          std::size_t end) const;
  BenignWords benign_words(const Item& item, const SentenceReading& reading,
                           const std::vector<PhraseMatch>& matches, std::size_t begin,
                           std::size_t end) const;
  bool in_safety_net(const Item& item, const SentenceReading& reading, std::size_t at) const;
  bool presupposed_new(const Item& item, const SentenceReading& reading,
                       const std::vector<PhraseMatch>& matches, std::size_t at) const;
  bool unread_word(const Item& item, const SentenceReading& reading,
                   const std::vector<PhraseMatch>& matches, std::size_t at,
                   bool called_benign) const;
  // The noun of a lesion that tokens [begin, end) affirm now and place (a clock, a quadrant, a
  // region, a depth) or call new or grown, though they name no breast; none where there is none.
  // A number alone after a label's colon, or after a word the lexicon does not know, last on its
  // line, that no category word reads ("Impression: 4.", "Result: 4a", "…, Cat 4."): a category
  // in words the lexicon does not know (hostile reviews 60 and 96).
  std::optional<std::size_t> labelled_number(const Item& item,
                                             const std::vector<PhraseMatch>& matches,
                                             std::size_t begin, std::size_t end) const;
  // The first unknown word of a verdict sentence that names no breast and is mostly unknown
  // words; none otherwise.
  std::optional<std::size_t> unread_in_verdict(const Item& item, const SentenceReading& reading,
                                               const std::vector<PhraseMatch>& matches) const;
  // What a part that names no breast says that no reading takes (Reader::note_unread_statements):
  // its word, or none.
  std::optional<std::size_t> said_of_no_breast(const Item& item, const SentenceReading& reading,
                                               const std::vector<PhraseMatch>& matches,
                                               std::size_t begin, std::size_t end) const;
  std::optional<std::size_t> placed_or_grown_lesion(const Item& item,
                                                    const SentenceReading& reading,
                                                    const std::vector<PhraseMatch>& matches,
                                                    std::size_t begin, std::size_t end) const;
  void read_signs_of_the_indication(const Item& item, const SentenceReading& reading,
                                    const std::vector<PhraseMatch>& matches);
  // The reason for the exam the indication or history names on a breast (a lesion, a suspicious
  // category, a disease, a reason-for-exam word), past by its section alone: kept as a statement
  // of that breast, said where no coded finding covers it.
  void note_reasons_in_the_history(const Item& item, const SentenceReading& reading,
                                   const std::vector<PhraseMatch>& matches);
  // A cancer's treatment or work-up the text says goes on now (FunctionWordRole::TreatmentNow),
  // with no year of the past: a reason for the exam of either breast, said whatever the coded
  // findings cover.
  void note_treatment_of_now(const Item& item, const SentenceReading& reading,
                             const std::vector<PhraseMatch>& matches);
  // A disease that words of the past put in the history, outside the history section, with a
  // recent year and no treatment, or a word that says it is of now: a reason for the exam.
  void note_recent_disease_in_words_of_the_past(const Item& item, const SentenceReading& reading,
                                                const std::vector<PhraseMatch>& matches);
  // The patient's own high risk (FunctionWordRole::HighRisk), not denied, not a relative's: an
  // unresolved note, so her benign exam is reviewed.
  void note_high_risk(const Item& item, const SentenceReading& reading);
  void note_sign_beside_calcifications(const Item& item, const SentenceReading& reading,
                                       const std::vector<PhraseMatch>& matches);
  bool denies_their_call(const Item& item, const SentenceReading& reading,
                         const Descriptors& descriptors, const PhraseMatch& match) const;
  // Drops the past words that prove a disease (FunctionWordRole::Proves beside a disease word):
  // a proven cancer is one of now.
  void keep_proven_diseases_of_now(const Item& item, SentenceReading& reading,
                                   const std::vector<PhraseMatch>& matches) const;
  // A year older than the one before the exam's in the sentence (a year no older is recent;
  // with no exam date every year is past).
  bool says_a_past_year(const Item& item, const SentenceReading& reading) const;
  bool past_year_in_part(const Item& item, const SentenceReading& reading, std::size_t at) const;
  bool says_a_recent_year(const Item& item, const SentenceReading& reading) const;
  bool past_year(const Token& token) const;
  bool recent_year(const Token& token) const;
  // The part of the sentence holding token `at`, between commas, semicolons or colons.
  Clause part_of(const Item& item, const SentenceReading& reading, std::size_t at) const;
  // Some token of the item among [begin, end) for which `wanted` holds.
  template <typename Wanted>
  static bool any_token(const Item& item, std::size_t begin, std::size_t end, Wanted wanted) {
    return std::any_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                       item.tokens.begin() + static_cast<std::ptrdiff_t>(end), wanted);
  }
  // A benign call or calcifications said of part of them only (FunctionWordRole::Partial): a note
  // on the exam.
  void note_partly_benign(const Item& item, const SentenceReading& reading,
                          const std::vector<PhraseMatch>& matches);
  // The one-word partial word at `at` qualifies the calcifications: a benign word, a kind or a
  // calcification word within a few words after it, with no kind said before it.
  bool qualifies_calcifications(const Item& item, const SentenceReading& reading,
                                const std::vector<PhraseMatch>& matches, std::size_t at) const;
  // The first follow-up wording of the sentence that asks for tissue, of a status `wanted` takes.
  template <typename Wanted>
  const PhraseMatch* tissue_follow_up(const Item& item, const SentenceReading& reading,
                                      const std::vector<PhraseMatch>& matches, Wanted wanted) const;
  // A biopsy the findings section asks for: a note on the exam.
  void note_request_in_findings(const Item& item, const SentenceReading& reading,
                                const std::vector<PhraseMatch>& matches);
  // A biopsy asked for on a condition the text does not settle: a note on the exam.
  void note_tissue_on_a_condition(const Item& item, const SentenceReading& reading,
                                  const std::vector<PhraseMatch>& matches);
  // Calcifications named after a kind with none of their own, or called irregular in form: a
  // note on the exam.
  void note_calcifications_beside_a_kind(const Item& item, const SentenceReading& reading,
                                         const std::vector<PhraseMatch>& matches);
  void add_word_named_finding(const Item& item, const SentenceReading& reading,
                              const std::vector<PhraseMatch>& matches, std::size_t at);
  // The most suspicious category the assessment words of the clause holding token `at` give now
  // ("Highly suspicious left breast lesion": 5); none where no such word stands or all are denied.
  // The most suspicious category of an assessment phrase that holds token `at` itself.
  std::optional<Category> own_assessment(const std::vector<PhraseMatch>& matches,
                                         std::size_t at) const;
  std::optional<Category> clause_assessment(const Item& item, const SentenceReading& reading,
                                            const std::vector<PhraseMatch>& matches,
                                            std::size_t at) const;
  void read_history(const Item& item, const SentenceReading& reading,
                    const std::vector<PhraseMatch>& matches);
  void read_unplaced_suspicion(const Item& item, const SentenceReading& reading,
                               const std::vector<PhraseMatch>& matches,
                               const std::vector<bool>* clauses_read = nullptr);
  Laterality breast_of_clause(const Item& item, const SentenceReading& reading,
                              const std::vector<PhraseMatch>& matches, std::size_t at) const;
  void list_breasts_cleared_in_parts(const Item& item, const SentenceReading& reading);
  void list_breast_cleared_in(const Item& item, const SentenceReading& reading, std::size_t begin,
                              std::size_t end);
  // What a clause that may clear a breast holds besides its breast words: its first negation, and
  // whether anything else (another trigger, a descriptor, another exam or finding) or more than a
  // few words ("in the … breast", "in der … Brust") stand in it.
  struct ClearingClause {
    const Trigger* negation = nullptr;
    bool other_thing = false;
    std::size_t other_words = 0;
    bool clears() const {
      constexpr std::size_t kMostOtherWords = 3;
      return negation != nullptr && !other_thing && other_words <= kMostOtherWords;
    }
  };
  ClearingClause clearing_clause(const Item& item, const SentenceReading& reading,
                                 std::size_t begin, std::size_t end) const;
  void hedge_a_second_group_of_no_kind(const Item& item, const SentenceReading& reading,
                                       const Descriptors& descriptors,
                                       const std::vector<std::size_t>& in_clause,
                                       Candidate& candidate) const;
  std::vector<std::size_t> read_clause_mentions(const Item& item, const SentenceReading& reading,
                                                const std::vector<PhraseMatch>& matches,
                                                std::size_t clause, std::size_t& next_mention);
  void take_side_of_mentions(const SentenceReading& reading, const Descriptors& descriptors,
                             const std::vector<std::size_t>& in_clause,
                             const std::vector<std::size_t>& giving, std::size_t clause_end,
                             Candidate& candidate);
  std::size_t other_breast_words(const Item& item, std::size_t at, std::size_t end) const;
  Read<Laterality> other_breast_read(const Item& item, std::size_t at, std::size_t named,
                                     Laterality own) const;
  // The other breast than `own`, named in a part of the clause [begin, end) that says nothing else
  // ("…, also contralaterally", "…, auch kontralateral"); none where that part clears or denies it
  // or names something else there.
  std::optional<Read<Laterality>> also_the_other_breast(const Item& item,
                                                        const SentenceReading& reading,
                                                        std::size_t begin, std::size_t end,
                                                        Laterality own) const;
  // The breast a comparison of degree in the clause [begin, end) names, other than `own` ("…
  // on the left than on the right"); none where there is no such comparison.
  std::optional<Read<Laterality>> breast_compared_in_degree(const Item& item,
                                                            const SentenceReading& reading,
                                                            const std::vector<PhraseMatch>& matches,
                                                            std::size_t begin, std::size_t end,
                                                            Laterality own) const;
  // Such calcifications on the breast compared with in degree: uncertain, with the suspicious
  // kinds and the growth of those described.
  std::vector<std::size_t> add_compared_breast(const Item& item, const SentenceReading& reading,
                                               const Candidate& described,
                                               const Read<Laterality>& compared);
  std::size_t compared_breast_end(const Item& item, const SentenceReading& reading,
                                  const Trigger& trigger, std::size_t clause_end) const;
  // Where the words about the breast compared with in degree start in a clause, and that breast.
  struct ComparedBreastPart {
    std::size_t begin;     // the part's first word ("in" of ", in which")
    std::size_t relative;  // its relative word
    std::size_t end;       // the next breast named after it, else the sentence's end
    Read<Laterality> breast;
  };
  // The breast a comparison names, other than `own` ("than on the right", "compared to the
  // contralateral breast"); none where it names none within three words.
  std::optional<Read<Laterality>> breast_compared(const Item& item, const SentenceReading& reading,
                                                  const std::vector<PhraseMatch>& matches,
                                                  const Trigger& trigger, std::size_t end,
                                                  Laterality own) const;
  std::optional<ComparedBreastPart> part_of_compared_breast(const Item& item,
                                                            const SentenceReading& reading,
                                                            const std::vector<PhraseMatch>& matches,
                                                            const Clause& clause) const;
  bool one_place_under_both_breasts(const SentenceReading& reading,
                                    const Descriptors& descriptors) const;
  std::optional<Read<Laterality>> relative_side(const Item& item, const SentenceReading& reading,
                                                std::size_t begin, std::size_t end) const;
  bool goes_on_describing(const SentenceReading& reading, std::size_t clause) const;
  void read_clause_descriptors(const Item& item, SentenceReading& reading,
                               const std::vector<PhraseMatch>& matches);
  void share_words_across_parts(const Item& item, SentenceReading& reading,
                                const std::vector<Clause>& parts,
                                const std::vector<PhraseMatch>& second_groups,
                                const std::vector<PhraseMatch>& matches) const;
  void add_second_groups_of_later_clauses(const Item& item, SentenceReading& reading) const;
  void add_group_of_a_leading_exception(const Item& item, SentenceReading& reading) const;
  void add_groups_named_by_their_kind(const Item& item, SentenceReading& reading) const;
  std::optional<std::size_t> group_placed_before_it(const Item& item,
                                                    const SentenceReading& reading) const;
  std::optional<std::size_t> several_groups_said(const Item& item, const SentenceReading& reading,
                                                 std::size_t clause_begin,
                                                 const PhraseMatch& group) const;
  std::optional<Read<Laterality>> only_breast_named_before(const Item& item,
                                                           const SentenceReading& reading,
                                                           const std::vector<PhraseMatch>& matches,
                                                           std::size_t at) const;
  void inherit_suspicious_kinds(SentenceReading& reading, std::size_t group) const;
  std::vector<Clause> cut_by_place(const Item& item, const SentenceReading& reading,
                                   const Clause& clause, const Descriptors& descriptors) const;
  std::vector<Clause> cut_by_breast(const Item& item, const SentenceReading& reading,
                                    const Clause& clause, const Descriptors& descriptors,
                                    const std::vector<PhraseMatch>& matches,
                                    std::vector<PhraseMatch>& second_groups) const;
  // `lone_assessment`: the clause is one (Reader::lone_assessment), kept though it names no
  // suspicious kind.
  void add_contrast(const Item& item, const SentenceReading& reading, std::size_t clause,
                    const std::vector<std::size_t>& findings, bool lone_assessment = false);
  bool lone_assessment(const Item& item, const SentenceReading& reading, std::size_t clause) const;

  // Helpers over one sentence's tokens.
  TextSpan span_of(const Item& item, std::size_t begin, std::size_t end) const;
  std::string words_of(const Item& item, std::size_t begin, std::size_t end) const;
  std::vector<Trigger> resolve_triggers(const std::vector<PhraseMatch>& matches) const;
  // `breast_words`: the tokens of the sentence's breast wordings ("links", "left breast").
  std::vector<std::pair<std::size_t, std::size_t>> clauses_of(const Item& item,
                                                              const SentenceRange& range,
                                                              const std::vector<Trigger>& triggers,
                                                              const TokenMarks& breast_words,
                                                              bool context_scope) const;
  // A part of a clause about another finding: tokens [begin, end), its noun at `noun`.
  struct OtherFindingPart {
    std::size_t begin;
    std::size_t end;
    std::size_t noun;
  };
  std::vector<OtherFindingPart> other_finding_parts(const Item& item,
                                                    const SentenceReading& reading,
                                                    std::size_t begin, std::size_t end,
                                                    const std::vector<PhraseMatch>& matches) const;
  // Takes out of `sides` (a clause's, which names calcifications in tokens [begin, end)) every
  // breast named in a part of its own that clears it or speaks of its past: a part between
  // coordinators with no calcification or group word and no descriptor, holding a negation, a
  // clears-breast word or a past or surroundings phrase ("…, not on the right", "…, right breast
  // unremarkable", "Rechts unauffällig, links …", "…, biopsy clip in the right breast"), where the
  // sentence names the other breast outside such parts.
  void leave_cleared_breasts(const Item& item, const SentenceReading& reading, std::size_t begin,
                             std::size_t end, const std::vector<PhraseMatch>& matches,
                             std::vector<Read<Laterality>>& sides) const;
  // A breast word said of the other finding's noun right after it ("the right-sided port
  // catheter", "the right implant"), the noun within two words.
  bool names_the_breast_of_another(const Item& item, const PhraseMatch& side,
                                   std::size_t end) const;
  enum class Taking { None, TakenBack, Denied };
  Taking taking_back(const Item& item, std::size_t at, std::size_t clause_begin,
                     const std::vector<Trigger>& triggers) const;
  Descriptors read_descriptors(const Item& item, const SentenceReading& reading, std::size_t begin,
                               std::size_t end, const std::vector<PhraseMatch>& matches) const;
  void read_measures(const Item& item, std::size_t begin, std::size_t end,
                     std::vector<bool>& consumed, Descriptors& out) const;
  std::optional<Read<int>> count_before(const Item& item, std::size_t clause_begin,
                                        std::size_t mention) const;
  void read_clock(const Item& item, std::size_t begin, std::size_t end, std::vector<bool>& consumed,
                  Descriptors& out) const;
  void read_other_numbers(const Item& item, std::size_t begin, std::size_t end,
                          const std::vector<bool>& consumed, Descriptors& out) const;
  void mark_presupposed_mentions(const Item& item, SentenceReading& reading,
                                 const std::vector<PhraseMatch>& matches) const;
  bool taken_back_after(const Item& item, const SentenceReading& reading, const Trigger& negation,
                        std::size_t mention_end) const;
  bool denied_on_one_view(const Item& item, const SentenceReading& reading, const Clause& clause,
                          std::size_t mention) const;
  ContextReading status_of(const Item& item, const SentenceReading& reading, std::size_t begin,
                           std::size_t end, bool says_new) const;
  // The token is in a part of its clause (between coordinators) with no calcification word that
  // names one breast, and the sentence names the other breast outside it ("…, biopsy clip in the
  // right breast" after a left group): what the part says is that breast's.
  // With `any_breast`, a part that names one breast with no calcification word is enough, its
  // breast the group's or the other ("…, Z. n. BET links").
  bool in_part_of_the_other_breast(const Item& item, const SentenceReading& reading, std::size_t at,
                                   bool any_breast = false) const;
  bool said_still_there(const Item& item, const Clause& clause, std::size_t begin,
                        std::size_t end) const;
  bool denies_another_thing_first(const Item& item, const SentenceReading& reading,
                                  const Trigger& trigger, std::size_t begin, std::size_t end) const;
  std::optional<Laterality> breast_named_after(const Item& item, const SentenceReading& reading,
                                               std::size_t from) const;
  Reach reach_of(const Item& item, const SentenceReading& reading, const Trigger& trigger,
                 std::size_t begin, std::size_t end) const;
  bool negated_before_unbroken(const Item& item, std::size_t at, std::size_t clause_begin,
                               const std::vector<Trigger>& triggers) const;
  // An assessment wording that names a high-risk pathology result ("ADH", "radial scar").
  bool names_high_risk_result(const PhraseMatch& match) const;
  // The token at `at` names a disease: a disease word, and where the word is a measure's filler
  // too (German "ca." is circa), only with nothing but breast words after it ("Links: Ca.", "Left
  // breast ca."; "ca. 5 mm" is a size).
  bool names_disease(const Item& item, const SentenceReading& reading, std::size_t at) const;
  bool denied_by_pseudo(const PhraseMatch& assessment,
                        const std::vector<PhraseMatch>& matches) const;
  bool doubted(const Item& item, std::size_t begin, std::size_t end, std::size_t clause_begin,
               std::size_t clause_end, const std::vector<Trigger>& triggers) const;
  bool negated_near(const Item& item, std::size_t begin, std::size_t end, std::size_t clause_begin,
                    std::size_t clause_end, const std::vector<Trigger>& triggers) const {
    return role_near(ContextRole::Negated, item, begin, end, clause_begin, clause_end, triggers);
  }
  bool role_near(ContextRole role, const Item& item, std::size_t begin, std::size_t end,
                 std::size_t clause_begin, std::size_t clause_end,
                 const std::vector<Trigger>& triggers) const;
  void read_assessment(const Item& item, const SentenceReading& reading,
                       const std::vector<PhraseMatch>& matches);
  // A category a statement read, tokens [begin, end).
  struct ReadCategory {
    Category category;
    std::size_t begin;
    std::size_t end;
  };
  bool names_imaging_alone(const Item& item, const SentenceReading& reading,
                           const std::vector<PhraseMatch>& matches) const;
  void note_unread_recommendation(const Item& item, const SentenceReading& reading,
                                  const std::vector<PhraseMatch>& matches,
                                  bool follow_ups_taken_here);
  void note_unread_categories(const Item& item, const SentenceReading& reading,
                              const std::vector<PhraseMatch>& matches,
                              const std::vector<ReadCategory>& read);
  static bool is_short_sentence(const Item& item, const SentenceReading& reading);
  // The sentence's words that name no breast ("Diagnostic mammogram of the left breast." has 5).
  static std::size_t words_besides_breasts(const Item& item, const SentenceReading& reading);
  // A word that reports a procedure done (FunctionWordRole::ReportsDone), not after a purpose word
  // ("Follow-up in 6 months to confirm stability"; hostile review 67).
  bool reports_what_was_done(const Item& item, const SentenceRange& range) const {
    for (std::size_t k = range.begin; k < range.end; ++k) {
      const bool purpose =
          k > range.begin && words_.is(item.tokens[k - 1], FunctionWordRole::Purpose);
      if (!purpose && words_.starts_phrase(item.tokens, k, FunctionWordRole::ReportsDone)) {
        return true;
      }
    }
    return false;
  }
  std::optional<std::pair<Category, std::size_t>> category_after(const Item& item, std::size_t at,
                                                                 std::size_t end) const;
  // A number after a category word that is no category ("BI-RADS -1", "BI-RADS 7"): the token
  // after it; none where there is no such number.
  std::optional<std::size_t> no_category_after(const Item& item, std::size_t at,
                                               std::size_t end) const;
  // The token after the colons and filler words ("category", "is") that may follow a category
  // word, three at most; `colon`, if given, is set when a colon was among them.
  std::size_t after_category_fillers(const Item& item, std::size_t at, std::size_t end,
                                     bool* colon) const;
  // A category label left blank after it ("BI-RADS: -", "BI-RADS: ___", "BI-RADS:" and nothing,
  // "BI-RADS: offen"): the token after the blank; none where anything else follows.
  std::optional<std::size_t> blank_category_after(const Item& item, std::size_t at,
                                                  std::size_t end) const;

  // Findings from candidates.
  std::vector<std::size_t> add_candidate(const Candidate& candidate);
  std::vector<std::size_t> add_uncertain(Candidate own, const Item& item,
                                         const SentenceReading& reading, const std::string& why);
  std::optional<std::size_t> restated_on_the_other_breast(Candidate& candidate);
  // `opening`: the token a sentence (or its later clause) that goes on about them opens with.
  bool continues_previous(const Item& item, std::size_t opening,
                          const Descriptors& descriptors) const;
  void finish_findings();
  void finish_assessments();
  void keep_tissue_follow_ups_of_a_breast();

  const Wordings& wordings_;
  const FunctionWords words_;
  const PhraseIndex& index_;
  const std::vector<HeadingMeaning>& headings_;
  NarrativeReading reading_;
  std::vector<ReportSection> finding_sections_;  // section of each finding's first sentence
  std::vector<CategoryEvent> categories_;
  std::vector<FollowUpEvent> follow_ups_;
  std::size_t sentence_count_ = 0;
  // The year of the exam (Study Date, else Content Date), if the header gives one: a year in the
  // history no older than the year before it is recent, no sign of the past.
  std::optional<int> exam_year_;
  // The findings the previous sentence described, for a sentence that goes on describing them
  // ("They are fine pleomorphic and span 8 mm."); empty when the previous sentence did not.
  std::vector<std::size_t> described_last_;
  // The breast the last sentence of this text item that named one named, with the section and
  // breast heading it stood under: a sentence under the same ones that names none speaks of it
  // ("Left breast is dense. Seroma present."; hostile review 52).
  struct BreastNamed {
    Laterality side = Laterality::Unknown;
    ReportSection section = ReportSection::Unsectioned;
    Laterality heading = Laterality::Unknown;
    std::size_t heading_begin = 0;
  };
  BreastNamed breast_named_last_;
  Laterality breast_named_before(const SentenceRange& range) const;
  // Tokens [begin, end) name the other breast: "contralateral breast", "other side", "Gegenseite".
  bool names_other_breast(const Item& item, std::size_t begin, std::size_t end) const;
  void remember_breast_named(const SentenceRange& range, const std::vector<PhraseMatch>& matches);
  bool saw_breast_ = false;
  bool saw_breast_imaging_ = false;
};
}  // namespace mammocalc::narrative::reading
