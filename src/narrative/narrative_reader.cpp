#include "narrative/narrative_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "findings/lexicon.hpp"
#include "narrative/report_text.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc {

namespace {

using narrative::HeadingMeaning;
using narrative::PhraseIndex;
using narrative::PhraseKind;
using narrative::PhraseMatch;
using narrative::SentenceRange;
using narrative::Token;
using narrative::TokenKind;

// ---- Sections of the SR (narrative.md §1) ----

struct SectionCode {
  CodeConst code;
  ReportSection section;
};

// Containers that open a section; everything below them stands in it.
constexpr SectionCode kSectionContainers[] = {
    {{"121060", "DCM", "History"}, ReportSection::History},
    {{"121064", "DCM", "Current Procedure Descriptions"}, ReportSection::Procedure},
    {{"121066", "DCM", "Prior Procedure Descriptions"}, ReportSection::Comparison},
    {{"121068", "DCM", "Previous Findings"}, ReportSection::Comparison},
    {{"121070", "DCM", "Findings"}, ReportSection::Findings},
    {{"121072", "DCM", "Impressions"}, ReportSection::Impression},
    {{"121074", "DCM", "Recommendations"}, ReportSection::Recommendation},
    {{"121076", "DCM", "Conclusions"}, ReportSection::Conclusion},
    {{"121078", "DCM", "Addendum"}, ReportSection::Addendum},
    {{"111412", "DCM", "Narrative Summary"}, ReportSection::Unsectioned},
};

// TEXT items whose own concept names the section, for text outside a section container.
constexpr SectionCode kSectionItems[] = {
    {{"121071", "DCM", "Finding"}, ReportSection::Findings},
    {{"121073", "DCM", "Impression"}, ReportSection::Impression},
    {{"121075", "DCM", "Recommendation"}, ReportSection::Recommendation},
    {{"121077", "DCM", "Conclusion"}, ReportSection::Conclusion},
    {{"121065", "DCM", "Procedure Description"}, ReportSection::Procedure},
};

std::optional<ReportSection> section_of(const Code& concept_name, const SectionCode* table_begin,
                                        const SectionCode* table_end) {
  for (const SectionCode* entry = table_begin; entry != table_end; ++entry) {
    if (same_concept(concept_name, entry->code)) return entry->section;
  }
  return std::nullopt;
}

struct TextItem {
  const ContentItem* item;
  ReportSection section;
};

void collect_text_items(const ContentItem& node, ReportSection section,
                        std::vector<TextItem>& out) {
  if (node.value_type == ValueType::Container) {
    section =
        section_of(node.concept_name, std::begin(kSectionContainers), std::end(kSectionContainers))
            .value_or(section);
  }
  if (node.value_type == ValueType::Text) {
    ReportSection own = section;
    if (own == ReportSection::Unsectioned) {
      own = section_of(node.concept_name, std::begin(kSectionItems), std::end(kSectionItems))
                .value_or(own);
    }
    out.push_back({&node, own});
  }
  for (const ContentItem& child : node.children) collect_text_items(child, section, out);
}

// Sections that speak of the past or of the procedure: a mention there is historical unless it
// says new or increased (narrative.md §1).
bool is_past_section(ReportSection section) {
  return section == ReportSection::History || section == ReportSection::Comparison ||
         section == ReportSection::Procedure;
}

// Sections where a stated category or follow-up is the radiologist's assessment of this exam.
bool states_assessment(ReportSection section) {
  return !is_past_section(section) && section != ReportSection::Composition;
}

// ---- Suspicion order for merged values (the more suspicious stands, decision-logic.md §1) ----

int distribution_rank(Distribution distribution) {
  switch (distribution) {
    case Distribution::Segmental:
      return 6;
    case Distribution::Linear:
      return 5;
    case Distribution::WithinMass:
      return 4;
    case Distribution::Grouped:
      return 3;
    case Distribution::Regional:
      return 2;
    case Distribution::Diffuse:
      return 1;
    default:
      return 0;
  }
}

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
  std::optional<Read<Quadrant>> quadrant;
  std::optional<Read<Region>> region;
  std::optional<Read<Depth>> depth;
  std::optional<Read<double>> from_nipple_mm;
  std::optional<Read<double>> from_skin_mm;
  std::optional<Read<double>> from_chest_wall_mm;
  std::optional<Read<double>> extent_mm;
  std::optional<Read<int>> count;
  std::vector<Read<Change>> change;
  std::optional<Read<Presence>> ultrasound;
  std::optional<Read<bool>> mass;
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
  // What could not be told, for the finding's narrative-unresolved notes ("whether "No" reaches
  // these calcifications cannot be told …").
  std::vector<std::string> doubts;
  // Facts added by words that hedge ("These are likely vascular"): the finding's kind becomes
  // uncertain (rule C14), never benign on a hedge.
  std::optional<std::string> hedge;
};

// The first hedge ("likely", "possibly", "favor") among the triggers in tokens [begin, end).
const Trigger* hedge_in(const std::vector<Trigger>& triggers, std::size_t begin, std::size_t end) {
  const auto found = std::find_if(triggers.begin(), triggers.end(), [&](const Trigger& trigger) {
    return trigger.role == ContextRole::Uncertain && trigger.begin >= begin && trigger.end <= end;
  });
  return found == triggers.end() ? nullptr : &*found;
}

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

std::string format_number(double value) {
  const long rounded = static_cast<long>(value);
  if (static_cast<double>(rounded) == value) return std::to_string(rounded);
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

bool is_word(const Token& token, std::string_view word) {
  return token.kind == TokenKind::Word && token.folded == word;
}

bool is_punct(const Token& token, char c) {
  return token.kind == TokenKind::Punct && token.folded[0] == c;
}

// The digits a word starts with as a number ("10" of "10:30"); 0 when there are none.
int leading_integer(std::string_view word) {
  int value = 0;
  for (std::size_t k = 0; k < word.size() && k < 6 && word[k] >= '0' && word[k] <= '9'; ++k) {
    value = value * 10 + (word[k] - '0');
  }
  return value;
}

// Words that spell a small count ("two punctate calcifications").
std::optional<int> number_word(const Token& token) {
  static const char* const kWords[] = {"one",   "two",   "three", "four", "five",   "six",
                                       "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  if (token.kind != TokenKind::Word) return std::nullopt;
  for (int k = 0; k < 12; ++k) {
    if (token.folded == kWords[k]) return k + 1;
  }
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

// Is the word one of the list?
template <typename List>
bool word_in(std::string_view word, const List& list) {
  return std::any_of(std::begin(list), std::end(list),
                     [word](const char* entry) { return word == entry; });
}

// Words of a sentence that reports a procedure done rather than recommended: "demonstrate",
// "show", "reveal", "depict", "confirm", and "was / were performed, obtained, done".
bool is_report_of_done(const Token& token, const Token* next) {
  static const char* const kStems[] = {"demonstrat", "show", "reveal", "depict", "confirm"};
  static const char* const kDone[] = {"performed", "obtained", "done", "taken", "acquired"};
  if (token.kind != TokenKind::Word) return false;
  for (const char* stem : kStems) {
    if (token.folded.rfind(stem, 0) == 0) return true;
  }
  return (token.folded == "was" || token.folded == "were") && next != nullptr &&
         next->kind == TokenKind::Word && word_in(next->folded, kDone);
}

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

// Does the word sequence `words` stand at token `at` (within `end`)?
bool words_at(const std::vector<Token>& tokens, std::size_t at, std::size_t end,
              std::initializer_list<std::string_view> words) {
  if (at + words.size() > end) return false;
  std::size_t k = at;
  for (std::string_view word : words) {
    if (!is_word(tokens[k], word)) return false;
    ++k;
  }
  return true;
}

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
  fill(into.clock, more.clock);
  append(into.other_clocks, more.other_clocks);
  fill(into.quadrant, more.quadrant);
  fill(into.region, more.region);
  fill(into.depth, more.depth);
  fill(into.from_nipple_mm, more.from_nipple_mm);
  fill(into.from_skin_mm, more.from_skin_mm);
  fill(into.from_chest_wall_mm, more.from_chest_wall_mm);
  fill(into.extent_mm, more.extent_mm);
  fill(into.count, more.count);
  fill(into.ultrasound, more.ultrasound);
  fill(into.mass, more.mass);
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
bool refers_back(const Token& token) {
  static const char* const kWords[] = {"they",  "these",      "this",         "it",
                                       "which", "morphology", "distribution", "extent",
                                       "both",  "each",       "all"};
  return token.kind == TokenKind::Word && word_in(token.folded, kWords);
}

void merge_into(Finding& finding, const Candidate& candidate, Laterality laterality);

using Clause = std::pair<std::size_t, std::size_t>;  // tokens [first, second) of an item

// The clause that holds a token; the whole sentence when none does.
Clause clause_holding(const std::vector<Clause>& clauses, std::size_t token,
                      const SentenceRange& sentence) {
  const auto found = std::find_if(clauses.begin(), clauses.end(), [token](const Clause& clause) {
    return token >= clause.first && token < clause.second;
  });
  return found != clauses.end() ? *found : Clause{sentence.begin, sentence.end};
}

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
  // Tokens from a comparison phrase to the end of its clause: other calcifications, whose breast
  // and benign words are theirs ("…, similar to those biopsied in the right breast").
  TokenMarks comparison_words;
  // Mentions a hypothesis presupposes, marked at their first token: "to determine whether the
  // fine pleomorphic calcifications in the left breast represent DCIS" asks what calcifications
  // that were seen are; they were seen, so the hypothesis does not make them hypothetical.
  TokenMarks presupposed_mentions;

  Clause context_clause_of(std::size_t token) const {
    return clause_holding(context_clauses, token, *range);
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
  std::vector<std::size_t> read_clause_mentions(const Item& item, const SentenceReading& reading,
                                                std::size_t clause, std::size_t& next_mention);
  void add_contrast(const Item& item, const SentenceReading& reading, std::size_t clause,
                    const std::vector<std::size_t>& findings);

  // Helpers over one sentence's tokens.
  TextSpan span_of(const Item& item, std::size_t begin, std::size_t end) const;
  std::string words_of(const Item& item, std::size_t begin, std::size_t end) const;
  std::vector<Trigger> resolve_triggers(const std::vector<PhraseMatch>& matches) const;
  std::vector<std::pair<std::size_t, std::size_t>> clauses_of(const Item& item,
                                                              const SentenceRange& range,
                                                              const std::vector<Trigger>& triggers,
                                                              bool context_scope) const;
  Descriptors read_descriptors(const Item& item, const SentenceReading& reading, std::size_t begin,
                               std::size_t end, const std::vector<PhraseMatch>& matches) const;
  void read_measures(const Item& item, std::size_t begin, std::size_t end,
                     std::vector<bool>& consumed, Descriptors& out) const;
  std::optional<Read<int>> count_before(const Item& item, std::size_t clause_begin,
                                        std::size_t mention) const;
  void read_clock(const Item& item, std::size_t begin, std::size_t end, std::vector<bool>& consumed,
                  Descriptors& out) const;
  void mark_presupposed_mentions(const Item& item, SentenceReading& reading,
                                 const std::vector<PhraseMatch>& matches) const;
  ContextReading status_of(const Item& item, const SentenceReading& reading, std::size_t begin,
                           std::size_t end, bool says_new) const;
  Reach reach_of(const Item& item, const SentenceReading& reading, const Trigger& trigger,
                 std::size_t begin, std::size_t end) const;
  bool negated_near(const Item& item, std::size_t begin, std::size_t end, std::size_t clause_begin,
                    std::size_t clause_end, const std::vector<Trigger>& triggers) const;
  void read_assessment(const Item& item, const SentenceReading& reading,
                       const std::vector<PhraseMatch>& matches);
  bool reports_what_was_done(const Item& item, const SentenceRange& range) const {
    for (std::size_t k = range.begin; k < range.end; ++k) {
      const Token* next = k + 1 < range.end ? &item.tokens[k + 1] : nullptr;
      if (is_report_of_done(item.tokens[k], next)) return true;
    }
    return false;
  }
  std::optional<std::pair<Category, std::size_t>> category_after(const Item& item, std::size_t at,
                                                                 std::size_t end) const;

  // Findings from candidates.
  std::vector<std::size_t> add_candidate(const Candidate& candidate);
  bool continues_previous(const Item& item, const SentenceRange& range,
                          const Descriptors& descriptors) const;
  void finish_findings();
  void finish_assessments();

  const Wordings& wordings_;
  const PhraseIndex& index_;
  const std::vector<HeadingMeaning>& headings_;
  NarrativeReading reading_;
  std::vector<ReportSection> finding_sections_;  // section of each finding's first sentence
  std::vector<CategoryEvent> categories_;
  std::vector<FollowUpEvent> follow_ups_;
  std::size_t sentence_count_ = 0;
  // The findings the previous sentence described, for a sentence that goes on describing them
  // ("They are fine pleomorphic and span 8 mm."); empty when the previous sentence did not.
  std::vector<std::size_t> described_last_;
  bool saw_breast_ = false;
  bool saw_breast_imaging_ = false;
};

Reader::Reader(const PreparedWordings& prepared)
    : wordings_(*prepared.wordings), index_(*prepared.index), headings_(*prepared.headings) {}

NarrativeReading Reader::read(const SrDocument& document) {
  std::vector<TextItem> items;
  collect_text_items(document.root, ReportSection::Unsectioned, items);
  for (const TextItem& item : items) {
    if (!item.item->text.empty()) reading_.text_items += 1;
    read_item(item);
  }
  finish_findings();
  finish_assessments();
  reading_.breast_imaging_text = saw_breast_ && saw_breast_imaging_;
  return std::move(reading_);
}

void Reader::read_item(const TextItem& text_item) {
  Item item;
  item.text = &text_item.item->text;
  item.position = &text_item.item->position;
  item.tokens = narrative::tokenise(*item.text, item.folded);
  item.matches = index_.match_all(item.tokens);
  for (const PhraseMatch& match : item.matches) {
    if (match.kind == PhraseKind::Breast) saw_breast_ = true;
    if (match.kind == PhraseKind::BreastImaging) saw_breast_imaging_ = true;
  }
  const std::vector<SentenceRange> sentences =
      narrative::split_sentences(item.tokens, item.matches, headings_, text_item.section);
  // Matches are ordered by start token and sentences by position: one sweep hands each sentence
  // the matches that lie inside it.
  std::size_t next = 0;
  std::vector<PhraseMatch> inside;
  for (const SentenceRange& range : sentences) {
    while (next < item.matches.size() && item.matches[next].begin < range.begin) ++next;
    inside.clear();
    for (std::size_t k = next; k < item.matches.size() && item.matches[k].begin < range.end; ++k) {
      if (item.matches[k].end <= range.end) inside.push_back(item.matches[k]);
    }
    read_sentence(item, range, inside);
  }
}

TextSpan Reader::span_of(const Item& item, std::size_t begin, std::size_t end) const {
  if (end <= begin) return TextSpan{*item.position, 0, 0};
  return TextSpan{*item.position, item.tokens[begin].begin, item.tokens[end - 1].end()};
}

std::string Reader::words_of(const Item& item, std::size_t begin, std::size_t end) const {
  const TextSpan span = span_of(item, begin, end);
  return narrative::collapse_whitespace(
      std::string_view(*item.text).substr(span.begin, span.end - span.begin));
}

// A pseudo-trigger voids every trigger it overlaps, wherever that one starts: "There is no
// significant change in the pleomorphic calcifications" says stable, although "there is no"
// starts first (NegEx matches pseudo-negations before negations). Otherwise the longest context
// phrase wins where phrases overlap ("no change in" over "no"), first come first served along
// the sentence.
std::vector<Trigger> Reader::resolve_triggers(const std::vector<PhraseMatch>& matches) const {
  std::vector<std::pair<std::size_t, std::size_t>> pseudo;
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::Context &&
        wordings_.context[match.wording].role == ContextRole::Pseudo) {
      pseudo.emplace_back(match.begin, match.end);
    }
  }
  const auto overlaps_pseudo = [&](const PhraseMatch& match) {
    if (wordings_.context[match.wording].role == ContextRole::Pseudo) return false;
    return std::any_of(pseudo.begin(), pseudo.end(), [&](const auto& span) {
      return match.begin < span.second && span.first < match.end;
    });
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
std::vector<std::pair<std::size_t, std::size_t>> Reader::clauses_of(
    const Item& item, const SentenceRange& range, const std::vector<Trigger>& triggers,
    bool context_scope) const {
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
    if (is_punct(item.tokens[at], ';') || terminator) {
      if (at > start) clauses.emplace_back(start, at);
      start = at;
    }
  }
  if (range.end > start) clauses.emplace_back(start, range.end);
  return clauses;
}

// A negation next to a phrase: at most three words between, no punctuation ("no definite
// sonographic correlate", "biopsy is not needed"; not "No calcifications, annual screening"), or
// running into it ("not seen on ultrasound").
bool Reader::negated_near(const Item& item, std::size_t begin, std::size_t end,
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
    if (trigger.role != ContextRole::Negated) continue;
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

// Measures: distance from the nipple / skin / chest wall ("4 cm from the nipple", "4 cm FN"),
// and extent ("spanning 3 cm", "measuring 6 x 4 mm", "a 2 cm area").
void Reader::read_measures(const Item& item, std::size_t begin, std::size_t end,
                           std::vector<bool>& consumed, Descriptors& out) const {
  const std::vector<Token>& tokens = item.tokens;
  static const char* const kExtentBefore[] = {
      "spanning", "spans",  "span",      "measuring", "measures", "measure", "measured", "over",
      "covering", "covers", "extending", "extends",   "across",   "extent",  "size"};
  static const char* const kFiller[] = {
      "approximately", "approx",  "about",  "up",     "to", "a",     "an", "area", "of",
      "total",         "roughly", "nearly", "almost", "at", "least", "."};
  auto is_one_of = [](const Token& token, const auto& list) {
    return token.kind != TokenKind::Number && word_in(token.folded, list);
  };
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
    std::optional<Read<double>>* target = nullptr;
    if (fn) {
      target = &out.from_nipple_mm;
    } else if (words_at(tokens, after, end, {"fn"})) {
      target = &out.from_nipple_mm;
      after += 1;
    } else if (words_at(tokens, after, end, {"from", "the", "nipple"})) {
      target = &out.from_nipple_mm;
      after += 3;
    } else if (words_at(tokens, after, end, {"from", "nipple"})) {
      target = &out.from_nipple_mm;
      after += 2;
    } else if (words_at(tokens, after, end, {"from", "the", "skin"})) {
      target = &out.from_skin_mm;
      after += 3;
    } else if (words_at(tokens, after, end, {"from", "skin"})) {
      target = &out.from_skin_mm;
      after += 2;
    } else if (words_at(tokens, after, end, {"from", "the", "chest", "wall"})) {
      target = &out.from_chest_wall_mm;
      after += 4;
    } else if (words_at(tokens, after, end, {"from", "chest", "wall"})) {
      target = &out.from_chest_wall_mm;
      after += 3;
    } else {
      bool extent = words_at(tokens, after, end, {"in", "extent"}) ||
                    words_at(tokens, after, end, {"in", "size"}) ||
                    words_at(tokens, after, end, {"area"}) ||
                    words_at(tokens, after, end, {"in", "greatest"}) ||
                    words_at(tokens, after, end, {"extent"});
      for (std::size_t back = at, steps = 0; !extent && back > begin && steps < 4; ++steps) {
        --back;
        if (is_one_of(tokens[back], kExtentBefore)) extent = true;
        if (!is_one_of(tokens[back], kFiller)) break;
      }
      if (extent) target = &out.extent_mm;
    }
    if (target == nullptr) continue;
    if (!target->has_value()) {
      *target = Read<double>{mm, words_of(item, at, after), span_of(item, at, after), at};
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
    std::optional<int> count = number_word(token);
    const bool integer = token.kind == TokenKind::Number &&
                         token.folded.find('.') == std::string::npos && token.folded.size() <= 4;
    if (integer) count = leading_integer(token.folded);
    if (count) {
      bool fn = false;
      const Token& next = tokens[back + 1];
      const bool measure = unit_mm(next, fn) > 0;
      const bool clock = is_word(next, "o'clock") || is_word(next, "oclock") || is_word(next, "o");
      const bool category =
          back > 0 && (is_word(tokens[back - 1], "rads") || is_word(tokens[back - 1], "birads") ||
                       is_word(tokens[back - 1], "category"));
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

// Clock positions: "10 o'clock", "10 oclock", "10:00", "10:30", "at 10".
void Reader::read_clock(const Item& item, std::size_t begin, std::size_t end,
                        std::vector<bool>& consumed, Descriptors& out) const {
  const std::vector<Token>& tokens = item.tokens;
  auto hour_of = [](const Token& token) -> int {
    if (token.kind != TokenKind::Number || token.folded.find('.') != std::string::npos) return 0;
    if (token.folded.size() > 2) return 0;
    const int hour = leading_integer(token.folded);
    return hour >= 1 && hour <= 12 ? hour : 0;
  };
  auto is_oclock = [](const Token& token) {
    return token.kind == TokenKind::Word &&
           (token.folded == "o'clock" || token.folded == "oclock" ||
            token.folded ==
                "o\xE2\x80\x99"
                "clock" ||
            token.folded == "clock");
  };
  for (std::size_t at = begin; at < end; ++at) {
    if (consumed[at - begin]) continue;
    const Token& token = tokens[at];
    int hour = 0;
    std::size_t after = at + 1;
    if (token.kind == TokenKind::Time) {
      hour = leading_integer(token.folded);
      if (hour < 1 || hour > 12) hour = 0;
    } else if (hour_of(token) > 0 && at + 1 < end && is_oclock(tokens[at + 1])) {
      hour = hour_of(token);
      after = at + 2;
    } else if (hour_of(token) > 0 && at + 2 < end && is_word(tokens[at + 1], "o") &&
               is_word(tokens[at + 2], "clock")) {
      hour = hour_of(token);
      after = at + 3;
    } else if (is_word(token, "at") && at + 1 < end && hour_of(tokens[at + 1]) > 0) {
      bool fn = false;
      const bool measured = at + 2 < end && unit_mm(tokens[at + 2], fn) > 0;
      const bool duration = at + 2 < end && is_duration(tokens[at + 2]);  // "at 6 months"
      if (!measured && !duration) {
        hour = hour_of(tokens[at + 1]);
        after = at + 2;
      }
    }
    if (hour == 0) continue;
    Read<int> clock{hour, words_of(item, at, after), span_of(item, at, after), at};
    if (!out.clock) {
      out.clock = std::move(clock);
    } else if (out.clock->value != hour) {
      out.other_clocks.push_back(std::move(clock));
    }
    for (std::size_t j = at; j < after; ++j) consumed[j - begin] = true;
  }
}

// Descriptors of one clause: measures and the clock first (their words are not descriptors:
// "2 cm from the skin" is no skin calcification), then the longest wording at each place.
Descriptors Reader::read_descriptors(const Item& item, const SentenceReading& reading,
                                     std::size_t begin, std::size_t end,
                                     const std::vector<PhraseMatch>& matches) const {
  const std::vector<Trigger>& triggers = reading.triggers;
  Descriptors out;
  // Tokens taken by a measure or the clock, indexed from `begin`.
  std::vector<bool> consumed(end - begin, false);
  read_measures(item, begin, end, consumed, out);
  read_clock(item, begin, end, consumed, out);

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
      case PhraseKind::UltrasoundCorrelate:
      case PhraseKind::MassWithCalcifications:
      case PhraseKind::Composition:
        return true;
      default:
        return false;
    }
  };
  std::size_t covered = begin;
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
    if (best->kind == PhraseKind::Laterality && reading.comparison_words[best->begin]) continue;
    if (best->kind == PhraseKind::Morphology &&
        (reading.surroundings_words[best->begin] || reading.comparison_words[best->begin]) &&
        !is_suspicious(wordings_.morphology[best->wording].term)) {
      continue;
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
        const bool disease = best->end < end && (is_word(item.tokens[best->end], "carcinoma") ||
                                                 is_word(item.tokens[best->end], "cancer"));
        if (!disease) out.site.push_back({wordings_.site[w].term, words, span, best->begin});
        break;
      }
      case PhraseKind::Laterality:
        out.sides.push_back({wordings_.laterality[w].term, words, span, best->begin});
        break;
      case PhraseKind::Quadrant:
        if (!out.quadrant) out.quadrant = Read<Quadrant>{wordings_.quadrant[w].term, words, span};
        break;
      case PhraseKind::Region:
        if (!out.region) out.region = Read<Region>{wordings_.region[w].term, words, span};
        break;
      case PhraseKind::Depth:
        if (!out.depth) out.depth = Read<Depth>{wordings_.depth[w].term, words, span};
        break;
      case PhraseKind::Change:
        out.change.push_back({wordings_.change[w].term, words, span, best->begin});
        break;
      case PhraseKind::UltrasoundCorrelate: {
        const bool denied = negated_near(item, best->begin, best->end, begin, end, triggers);
        if (!out.ultrasound || denied) {
          out.ultrasound = Read<Presence>{denied ? Presence::No : Presence::Yes, words, span};
        }
        break;
      }
      case PhraseKind::MassWithCalcifications:
        if (!out.mass) out.mass = Read<bool>{true, words, span};
        break;
      default:  // composition: words that describe the breast, read as nothing
        break;
    }
  }
  return out;
}

// A negating, past or hypothetical phrase before a mention ends at a comma or "and" that starts a
// new noun phrase with words of its own ("No mass, fine pleomorphic calcifications…", "No
// architectural distortion and segmental fine linear calcifications") — unless the list goes on
// with "or" ("No suspicious masses, calcifications or architectural distortion"). A bare noun
// after such a boundary ("No mass, calcifications in the left breast") cannot be told: doubtful.
// A negation after the mention reaches back across a comma only as a predicate; "…, not seen on
// ultrasound" and "…, not present in 2019" speak of the ultrasound and the prior exam.
Reach Reader::reach_of(const Item& item, const SentenceReading& reading, const Trigger& trigger,
                       std::size_t begin, std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  const Clause clause = reading.context_clause_of(begin);
  auto is_or = [](const Token& token) { return is_word(token, "or") || is_word(token, "nor"); };
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
    if (is_punct(tokens[k], ',') || line_after_noun || (is_word(tokens[k], "and") && after_noun)) {
      boundary = k;
      or_since_boundary = false;
    } else if (is_or(tokens[k])) {
      or_since_boundary = true;
    }
  }
  if (!boundary || or_since_boundary) return Reach::Full;
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
    const bool before = trigger.side != ContextSide::After && trigger.end <= begin;
    const bool after = trigger.side != ContextSide::Before && trigger.begin >= end;
    if (!before && !after) continue;
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
  if (found[0]) return quote(found[0], MentionStatus::Negated);
  if (found[1] && !reading.presupposed_mentions[begin]) {
    return quote(found[1], MentionStatus::Hypothetical);
  }
  if (!says_new && found[2]) return quote(found[2], MentionStatus::Historical);
  if (!says_new && is_past_section(reading.range->section)) {
    out.trigger = std::string(to_string(reading.range->section)) + " section";
    out.status = MentionStatus::Historical;
    return out;
  }
  if (found[3]) return quote(found[3], MentionStatus::Uncertain);
  if (doubtful) {
    out.scope_doubtful = true;
    return quote(doubtful, MentionStatus::Uncertain);
  }
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

// A sentence as quoted: at most kQuotedBytes, cut at a character boundary and marked. Every
// mention quotes its sentence; a megabyte "sentence" with thousands of mentions would otherwise
// make the summary quadratic in size (the span still points at the whole sentence).
constexpr std::size_t kQuotedBytes = 600;

std::string quoted_sentence(std::string text) {
  if (text.size() <= kQuotedBytes) return text;
  std::size_t cut = kQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  text.resize(cut);
  return text + "…";
}

bool gives_finding(MentionStatus status) {
  return status == MentionStatus::Affirmed || status == MentionStatus::Uncertain;
}

void Reader::read_sentence(const Item& item, const SentenceRange& range,
                           const std::vector<PhraseMatch>& matches) {
  SentenceReading reading;
  reading.range = &range;
  reading.id = sentence_count_++;
  reading.sentence.span = span_of(item, range.begin, range.end);
  reading.sentence.section = range.section;
  reading.sentence.text = quoted_sentence(words_of(item, range.begin, range.end));
  reading.triggers = resolve_triggers(matches);
  reading.clauses = clauses_of(item, range, reading.triggers, false);
  reading.context_clauses = clauses_of(item, range, reading.triggers, true);
  reading.mentions = longest_matches(matches, PhraseKind::Calcification);
  reading.descriptor_words = TokenMarks(range);
  reading.other_exam_words = TokenMarks(range);
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::UltrasoundCorrelate ||
        (match.kind == PhraseKind::Change && wordings_.change[match.wording].term == Change::New)) {
      reading.other_exam_words.mark(match.begin, match.end);
    }
    switch (match.kind) {
      case PhraseKind::Morphology:
      case PhraseKind::Distribution:
      case PhraseKind::Site:
      case PhraseKind::Quadrant:
      case PhraseKind::Region:
      case PhraseKind::Depth:
      case PhraseKind::Change:
        reading.descriptor_words.mark(match.begin, match.end);
        break;
      default:
        break;
    }
  }

  reading.hypothesis_words = TokenMarks(range);
  reading.surroundings_words = TokenMarks(range);
  reading.comparison_words = TokenMarks(range);
  for (const Trigger& trigger : reading.triggers) {
    if (trigger.role == ContextRole::Hypothetical && trigger.side != ContextSide::After) {
      reading.hypothesis_words.mark(trigger.begin, reading.context_clause_of(trigger.begin).second);
    }
    // The phrase, and when it stands before what it names, the two words after it ("deep to |
    // the skin"); "post radiation changes" names its own words only.
    if (trigger.role == ContextRole::Comparison) {
      reading.comparison_words.mark(trigger.begin,
                                    clause_holding(reading.clauses, trigger.begin, range).second);
    }
    if (trigger.role == ContextRole::Surroundings) {
      std::size_t until = trigger.end;
      const std::size_t ahead = trigger.side == ContextSide::Before ? trigger.end + 2 : trigger.end;
      while (until < ahead && until < range.end && item.tokens[until].kind != TokenKind::Punct) {
        ++until;
      }
      reading.surroundings_words.mark(trigger.begin, until);
    }
  }

  mark_presupposed_mentions(item, reading, matches);

  // Every clause's descriptors; the sentence's sides for clauses that name none.
  for (const auto& [begin, end] : reading.clauses) {
    reading.clause_descriptors.push_back(read_descriptors(item, reading, begin, end, matches));
    for (const auto& side : reading.clause_descriptors.back().sides) {
      reading.sides.push_back(side);
    }
  }
  // A relative clause ("…, which was not present on the prior exam") ends the scope of context
  // words but still describes the calcifications before it.
  for (std::size_t c = reading.clauses.size(); c > 1; --c) {
    if (starts_relative_clause(item.tokens[reading.clauses[c - 1].first])) {
      add_descriptors(reading.clause_descriptors[c - 2], reading.clause_descriptors[c - 1]);
    }
  }
  if (range.heading_laterality != Laterality::Unknown) {
    reading.heading_side = Read<Laterality>{range.heading_laterality,
                                            words_of(item, range.heading_begin, range.heading_end),
                                            span_of(item, range.heading_begin, range.heading_end)};
  }

  if (reading.mentions.empty()) {
    continue_previous_findings(item, reading);
  } else {
    described_last_.clear();
    std::size_t next_mention = 0;
    std::vector<std::size_t> described_before;  // the findings of the last clause that gave any
    for (std::size_t c = 0; c < reading.clauses.size(); ++c) {
      const auto [begin, end] = reading.clauses[c];
      const bool has_mention = std::any_of(reading.mentions.begin(), reading.mentions.end(),
                                           [begin = begin, end = end](const PhraseMatch& match) {
                                             return match.begin >= begin && match.begin < end;
                                           });
      std::vector<std::size_t> gave = read_clause_mentions(item, reading, c, next_mention);
      if (!gave.empty()) {
        described_before = std::move(gave);
      } else if (!has_mention && opens_contrast(item.tokens, reading.triggers, begin)) {
        add_contrast(item, reading, c, described_before);
      }
    }
  }
  if (states_assessment(range.section)) {
    read_assessment(item, reading, matches);
  }
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
  static const char* const kDeterminers[] = {"the", "these", "this", "those"};
  static const char* const kPlaceLinks[] = {"in",      "the",    "at",      "of",
                                            "within",  "on",     "breast",  "breasts",
                                            "o'clock", "oclock", "position"};
  for (const PhraseMatch& mention : reading.mentions) {
    if (!reading.hypothesis_words[mention.begin]) continue;
    std::size_t described_from = mention.begin;
    while (described_from > range.begin && reading.descriptor_words[described_from - 1]) {
      --described_from;
    }
    if (described_from == mention.begin || described_from == range.begin) continue;
    const Token& determiner = tokens[described_from - 1];
    if (determiner.kind != TokenKind::Word || !word_in(determiner.folded, kDeterminers)) continue;
    std::size_t place_end = mention.end;
    while (place_end < range.end &&
           (place_words[place_end] || tokens[place_end].kind == TokenKind::Number ||
            tokens[place_end].kind == TokenKind::Time ||
            (tokens[place_end].kind == TokenKind::Word &&
             word_in(tokens[place_end].folded, kPlaceLinks)))) {
      ++place_end;
    }
    reading.hypothesis_words.clear(described_from, place_end);
    reading.presupposed_mentions.mark(mention.begin, mention.begin + 1);
  }
}

// A sentence without a mention may go on describing the previous sentence's findings.
void Reader::continue_previous_findings(const Item& item, const SentenceReading& reading) {
  Descriptors all;
  for (const Descriptors& descriptors : reading.clause_descriptors) {
    add_descriptors(all, descriptors);
  }
  const std::vector<std::size_t> previous = std::move(described_last_);
  described_last_.clear();
  if (previous.empty() || !continues_previous(item, *reading.range, all)) return;
  Candidate more;
  more.descriptors = std::move(all);
  more.descriptors.sides.clear();
  more.section = reading.range->section;
  more.position = *item.position;
  more.sentence = reading.sentence;
  more.status = MentionStatus::Uncertain;  // adds facts, never affirms
  if (const Trigger* hedge = hedge_in(reading.triggers, reading.range->begin, reading.range->end)) {
    more.hedge = words_of(item, hedge->begin, hedge->end);
  }
  for (std::size_t index : previous) {
    merge_into(reading_.findings[index], more, reading_.findings[index].laterality);
  }
  described_last_ = previous;
}

// The mentions of one clause: each listed with its status; the affirmed and uncertain ones,
// with the clause's descriptors, make one candidate finding.
std::vector<std::size_t> Reader::read_clause_mentions(const Item& item,
                                                      const SentenceReading& reading,
                                                      std::size_t clause,
                                                      std::size_t& next_mention) {
  const auto [begin, end] = reading.clauses[clause];
  const Descriptors& descriptors = reading.clause_descriptors[clause];
  std::optional<Read<Laterality>> side = side_named(descriptors.sides);
  if (!side) side = side_named(reading.sides);
  if (!side) side = reading.heading_side;
  const auto& mentions = reading.mentions;
  // A new or increased change speaks for the mention nearest to it; a separator between counts as
  // distance ("History of benign calcifications, now with new fine pleomorphic calcifications":
  // the second is new, the first stays history).
  std::vector<std::size_t> in_clause;
  for (std::size_t k = next_mention; k < mentions.size() && mentions[k].begin < end; ++k) {
    if (mentions[k].begin >= begin) in_clause.push_back(k);
  }
  auto distance = [&](std::size_t from, std::size_t to) {
    if (from > to) std::swap(from, to);
    std::size_t steps = to - from;
    for (std::size_t k = from; k < to; ++k) {
      if (is_punct(item.tokens[k], ',') || is_punct(item.tokens[k], ';')) steps += 4;
    }
    return steps;
  };
  std::vector<bool> says_new(mentions.size(), false);
  for (const auto& change : descriptors.change) {
    if (change.value != Change::New && change.value != Change::Increased) continue;
    std::optional<std::size_t> nearest;
    std::size_t nearest_distance = 0;
    for (std::size_t k : in_clause) {
      const PhraseMatch& match = mentions[k];
      const std::size_t at = change.token < match.begin ? match.begin : match.end - 1;
      const std::size_t steps = distance(change.token, at);
      if (!nearest || steps < nearest_distance ||
          (steps == nearest_distance && change.token < match.begin)) {
        nearest = k;
        nearest_distance = steps;
      }
    }
    if (nearest) says_new[*nearest] = true;
  }

  Candidate candidate;
  candidate.descriptors = descriptors;
  candidate.section = reading.range->section;
  candidate.position = *item.position;
  candidate.sentence = reading.sentence;
  candidate.laterality = side ? side->value : Laterality::Unknown;
  candidate.laterality_read = side;
  for (; next_mention < mentions.size() && mentions[next_mention].begin < end; ++next_mention) {
    const PhraseMatch& match = mentions[next_mention];
    if (match.begin < begin) continue;
    TextMention mention;
    mention.sentence = reading.sentence;
    mention.words = words_of(item, match.begin, match.end);
    mention.span = span_of(item, match.begin, match.end);
    mention.laterality = candidate.laterality;
    ContextReading context =
        status_of(item, reading, match.begin, match.end, says_new[next_mention]);
    mention.status = context.status;
    mention.trigger = std::move(context.trigger);
    if (context.scope_doubtful) {
      candidate.doubts.push_back("whether \"" + mention.trigger +
                                 "\" reaches these calcifications cannot be told, read as "
                                 "uncertain: \"" +
                                 reading.sentence.text + "\"");
    }
    if (!candidate.descriptors.count) {
      candidate.descriptors.count = count_before(item, begin, match.begin);
    }
    if (mention.status == MentionStatus::Affirmed) candidate.status = MentionStatus::Affirmed;
    const bool finding = gives_finding(mention.status);
    reading_.mentions.push_back(std::move(mention));
    if (finding) candidate.mentions.push_back(reading_.mentions.size() - 1);
  }
  if (candidate.mentions.empty()) return {};
  std::vector<std::size_t> gave = add_candidate(candidate);
  described_last_.insert(described_last_.end(), gave.begin(), gave.end());
  return gave;
}

// A clause without a mention that opens with "but", "though", "although" … goes on about the
// calcifications before it ("Round calcifications, but some are pleomorphic, in the left breast"):
// its descriptors join those findings, a differing morphology as a conflict (the more suspicious
// stands). A typically benign word alone does not describe a finding that had none
// ("Calcifications, but some are round": the others are of unknown kind). A clause naming another
// breast is not about them.
void Reader::add_contrast(const Item& item, const SentenceReading& reading, std::size_t clause,
                          const std::vector<std::size_t>& findings) {
  const Descriptors& descriptors = reading.clause_descriptors[clause];
  const std::optional<Read<Laterality>> side = side_named(descriptors.sides);
  bool merged = false;
  for (std::size_t index : findings) {
    Finding& finding = reading_.findings[index];
    if (side && side->value != finding.laterality && finding.laterality != Laterality::Unknown) {
      continue;
    }
    Candidate more;
    more.descriptors = descriptors;
    more.descriptors.sides.clear();
    if (finding.morphology.empty()) {
      auto& morphology = more.descriptors.morphology;
      morphology.erase(
          std::remove_if(morphology.begin(), morphology.end(),
                         [](const Read<Morphology>& read) { return !is_suspicious(read.value); }),
          morphology.end());
    }
    more.section = reading.range->section;
    more.position = *item.position;
    more.sentence = reading.sentence;
    more.status = MentionStatus::Uncertain;  // adds facts, never affirms
    const auto [begin, end] = reading.clauses[clause];
    if (const Trigger* hedge = hedge_in(reading.triggers, begin, end)) {
      more.hedge = words_of(item, hedge->begin, hedge->end);
    }
    merge_into(finding, more, finding.laterality);
    merged = true;
  }
  // Suspicious words with nowhere to go ("No calcifications in the right breast, but pleomorphic
  // ones in the left"; "Vascular calcifications on the right, but pleomorphic ones on the left")
  // are never dropped: an uncertain finding of their own, with a note.
  const bool suspicious =
      std::any_of(descriptors.morphology.begin(), descriptors.morphology.end(),
                  [](const Read<Morphology>& read) { return is_suspicious(read.value); }) ||
      std::any_of(
          descriptors.distribution.begin(), descriptors.distribution.end(),
          [](const Read<Distribution>& read) { return distribution_rank(read.value) >= 5; });
  if (merged || !suspicious) return;
  Candidate own;
  own.descriptors = descriptors;
  own.laterality_read = side ? side : reading.heading_side;
  own.laterality = own.laterality_read ? own.laterality_read->value : Laterality::Unknown;
  own.section = reading.range->section;
  own.position = *item.position;
  own.sentence = reading.sentence;
  own.status = MentionStatus::Uncertain;
  own.doubts.push_back(
      "suspicious words with no calcification word of their own, read as "
      "uncertain calcifications: \"" +
      reading.sentence.text + "\"");
  const std::vector<std::size_t> gave = add_candidate(own);
  described_last_.insert(described_last_.end(), gave.begin(), gave.end());
}

// A BI-RADS category after a category word: "4C", "4 c", ": 4", "Category 3", "IV".
std::optional<std::pair<Category, std::size_t>> Reader::category_after(const Item& item,
                                                                       std::size_t at,
                                                                       std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  for (int skipped = 0; at < end && skipped < 3; ++skipped) {
    const Token& token = tokens[at];
    if (is_punct(token, ':') || is_word(token, "category") || is_word(token, "assessment") ||
        is_word(token, "classification") || is_word(token, "final") || is_word(token, "is")) {
      ++at;
      continue;
    }
    break;
  }
  if (at >= end) return std::nullopt;
  static constexpr Category kDigits[] = {Category::Incomplete0,     Category::Negative1,
                                         Category::Benign2,         Category::ProbablyBenign3,
                                         Category::Suspicious4,     Category::HighlySuggestive5,
                                         Category::KnownMalignancy6};
  auto subcategory = [](char letter) -> std::optional<Category> {
    if (letter == 'a') return Category::LowSuspicion4A;
    if (letter == 'b') return Category::ModerateSuspicion4B;
    if (letter == 'c') return Category::HighSuspicion4C;
    return std::nullopt;
  };
  const Token& value = tokens[at];
  int number = -1;
  std::string letter_part;
  if (value.kind == TokenKind::Number && value.folded.size() == 1) {
    number = value.folded[0] - '0';
  } else if (value.kind == TokenKind::Word) {
    static const char* const kRoman[] = {"", "i", "ii", "iii", "iv", "v", "vi"};
    for (int k = 1; k <= 6; ++k) {
      if (value.folded == kRoman[k]) number = k;
    }
    if (number < 0 && value.folded.size() == 3 && value.folded.compare(0, 2, "iv") == 0) {
      number = 4;
      letter_part = std::string(value.folded.substr(2));
    }
  }
  if (number < 0 || number > 6) return std::nullopt;
  std::size_t next = at + 1;
  if (number == 4 && letter_part.empty() && next < end && tokens[next].kind == TokenKind::Word &&
      tokens[next].folded.size() == 1 && subcategory(tokens[next].folded[0])) {
    letter_part = std::string(tokens[next].folded);
    ++next;
  }
  if (number == 4 && !letter_part.empty()) {
    const auto sub = subcategory(letter_part[0]);
    if (!sub) return std::nullopt;
    return std::make_pair(*sub, next);
  }
  return std::make_pair(kDigits[number], next);
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

  struct Found {
    Category category;
    std::size_t begin;
    std::size_t end;
  };
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
      if (token.kind == TokenKind::Number && token.folded.size() == 4) {
        const int year = leading_integer(token.folded);
        return year >= 1900 && year <= 2099;
      }
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
    std::size_t at = match.end;
    if (category) {
      covered = category->second;
      at = category->second;
      if (!dated_before_this_exam(category->second)) {
        found.push_back({category->first, match.begin, category->second});
      }
    }
    // "BI-RADS: 2 right, 4 left", "BI-RADS right 2, left 4": one category per breast.
    for (;;) {
      std::size_t k = at;
      bool side_seen = false;
      while (k < range.end && k < at + 4 &&
             (names_breast[k] || is_punct(item.tokens[k], ',') || is_punct(item.tokens[k], ':') ||
              is_word(item.tokens[k], "and"))) {
        side_seen = side_seen || names_breast[k];
        ++k;
      }
      if (!side_seen || k == at) break;
      const auto more = category_after(item, k, range.end);
      if (!more) break;
      const bool side_after = more->second < range.end && names_breast[more->second];
      const bool side_before =
          names_breast[k - 1] ||
          (k >= at + 2 && is_punct(item.tokens[k - 1], ':') && names_breast[k - 2]);
      if (!side_after && !side_before) break;
      covered = more->second;
      at = more->second;
      if (dated_before_this_exam(more->second)) continue;
      found.push_back({more->first, k, more->second});
    }
  }
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
  if (range.section == ReportSection::Findings) return;
  if (reports_what_was_done(item, range)) return;
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
}

// ---- Findings: one per described group ----

std::size_t shared_values(const Finding& finding, const Candidate& candidate) {
  const Descriptors& d = candidate.descriptors;
  std::size_t shared = 0;
  if (candidate.laterality != Laterality::Unknown && candidate.laterality == finding.laterality) {
    ++shared;
  }
  if (d.clock && finding.location.clock_hour == d.clock->value) ++shared;
  if (d.quadrant && finding.location.quadrant == d.quadrant->value) ++shared;
  for (const auto& morphology : d.morphology) {
    shared += static_cast<std::size_t>(
        std::count_if(finding.morphology.begin(), finding.morphology.end(),
                      [&](const auto& held) { return held.term == morphology.value; }));
  }
  if (finding.distribution) {
    shared += static_cast<std::size_t>(std::count_if(
        d.distribution.begin(), d.distribution.end(),
        [&](const auto& given) { return given.value == finding.distribution->term; }));
  }
  return shared;
}

// 2: a suspicious morphology or a linear or segmental distribution; 1: kind unknown; 0: benign.
int suspicion_of(const Finding& finding) {
  if (std::any_of(finding.morphology.begin(), finding.morphology.end(),
                  [](const auto& morphology) { return is_suspicious(morphology.term); })) {
    return 2;
  }
  if (finding.distribution && distribution_rank(finding.distribution->term) >= 5) return 2;
  return finding.morphology.empty() ? 1 : 0;
}

bool clock_far(int a, int b) {
  const int difference = std::abs(a - b) % 12;
  return std::min(difference, 12 - difference) > 1;
}

// A candidate may restate a finding: same breast (or one unknown), no place that differs, and —
// within the same part of the report — no kind that differs (a second group is a new finding).
bool compatible(const Finding& finding, ReportSection finding_section, const Candidate& candidate) {
  const Descriptors& d = candidate.descriptors;
  if (candidate.laterality != Laterality::Unknown && finding.laterality != Laterality::Unknown &&
      candidate.laterality != finding.laterality) {
    return false;
  }
  const Location& where = finding.location;
  if (d.clock && where.clock_hour && clock_far(*where.clock_hour, d.clock->value)) return false;
  if (d.quadrant && where.quadrant && *where.quadrant != d.quadrant->value) return false;
  if (d.region && where.region && *where.region != d.region->value) return false;
  if (d.depth && where.depth && *where.depth != d.depth->value) return false;
  auto describing = [](ReportSection section) {
    return section == ReportSection::Findings || section == ReportSection::Unsectioned ||
           section == ReportSection::Composition || section == ReportSection::Other;
  };
  const bool same_part = describing(finding_section) && describing(candidate.section);
  if (same_part) {
    if (!d.morphology.empty() && !finding.morphology.empty()) {
      bool overlap = false;
      for (const auto& morphology : d.morphology) {
        for (const auto& held : finding.morphology) overlap |= held.term == morphology.value;
      }
      if (!overlap) return false;
    }
    if (!d.distribution.empty() && finding.distribution &&
        finding.distribution->term != d.distribution.front().value) {
      return false;
    }
  }
  return true;
}

TextEvidence evidence(NarrativeField field, std::string value, const std::string& words,
                      const TextSpan& span) {
  return TextEvidence{field, std::move(value), words, span};
}

void add_conflict(Finding& finding, FindingField field, const std::string& held_words,
                  const std::string& held_position, const std::string& new_words,
                  const std::string& new_position) {
  const auto held =
      std::find_if(finding.conflicts.begin(), finding.conflicts.end(),
                   [field](const ValueConflict& conflict) { return conflict.field == field; });
  if (held != finding.conflicts.end()) {
    held->given.push_back({new_words, new_position});
    return;
  }
  finding.conflicts.push_back({field, {{held_words, held_position}, {new_words, new_position}}});
}

// Folds a candidate's facts into a finding; where they contradict, the more suspicious stands
// and both values are recorded.
void merge_into(Finding& finding, const Candidate& candidate, Laterality laterality) {
  const Descriptors& d = candidate.descriptors;
  const std::string& position = candidate.position;
  if (candidate.status == MentionStatus::Affirmed) {
    finding.text_status = MentionStatus::Affirmed;
  } else if (candidate.hedge) {
    finding.text_status = MentionStatus::Uncertain;
    finding.notes.push_back({WarningCode::NarrativeUnresolved,
                             "what the calcifications are is hedged (\"" + *candidate.hedge +
                                 "\"), read as uncertain: \"" + candidate.sentence.text + "\"",
                             candidate.position});
  }
  // Candidates arrive in document order: a sentence already quoted is the last one.
  const bool known_sentence =
      !finding.text_sentences.empty() &&
      finding.text_sentences.back().span.position == candidate.sentence.span.position &&
      finding.text_sentences.back().span.begin == candidate.sentence.span.begin;
  if (!known_sentence) finding.text_sentences.push_back(candidate.sentence);
  for (const std::string& doubt : candidate.doubts) {
    finding.notes.push_back({WarningCode::NarrativeUnresolved, doubt, position});
  }

  if (finding.laterality == Laterality::Unknown && laterality != Laterality::Unknown) {
    finding.laterality = laterality;
  }
  if (candidate.laterality_read && laterality != Laterality::Unknown) {
    finding.text_evidence.push_back(
        evidence(NarrativeField::Laterality, std::string(to_string(laterality)),
                 candidate.laterality_read->words, candidate.laterality_read->span));
  }
  // A restatement naming none of the kinds the finding holds contradicts it: both are kept
  // (morphology holds several terms; the rules take the most suspicious) and the conflict shown.
  bool restates_other_kind = !finding.morphology.empty() && !d.morphology.empty();
  for (const auto& morphology : d.morphology) {
    for (const auto& existing : finding.morphology) {
      restates_other_kind = restates_other_kind && existing.term != morphology.value;
    }
  }
  for (const auto& morphology : d.morphology) {
    bool held = false;
    for (const auto& existing : finding.morphology) held |= existing.term == morphology.value;
    if (!held) {
      if (restates_other_kind) {
        add_conflict(finding, FindingField::Morphology,
                     std::string(to_string(finding.morphology.front().term)),
                     finding.morphology.front().position, std::string(to_string(morphology.value)),
                     position);
      }
      finding.morphology.push_back(
          {morphology.value, code_of(morphology.value).to_code(), position});
    }
    finding.text_evidence.push_back(evidence(NarrativeField::Morphology,
                                             std::string(to_string(morphology.value)),
                                             morphology.words, morphology.span));
  }
  for (const auto& distribution : d.distribution) {
    Coded<Distribution> coded{distribution.value, code_of(distribution.value).to_code(), position};
    if (!finding.distribution) {
      finding.distribution = coded;
    } else if (finding.distribution->term != distribution.value) {
      add_conflict(
          finding, FindingField::Distribution, std::string(to_string(finding.distribution->term)),
          finding.distribution->position, std::string(to_string(distribution.value)), position);
      Coded<Distribution> other = coded;
      if (distribution_rank(distribution.value) > distribution_rank(finding.distribution->term)) {
        std::swap(other, *finding.distribution);
      }
      finding.alternatives.push_back(
          {other, GivenValue{std::string(to_string(other.term)), other.position}});
    }
    finding.text_evidence.push_back(evidence(NarrativeField::Distribution,
                                             std::string(to_string(distribution.value)),
                                             distribution.words, distribution.span));
  }
  for (const auto& site : d.site) {
    if (finding.stated_site == Site::Unknown) {
      finding.stated_site = site.value;
      finding.stated_site_source = SiteSource::Narrative;
    } else if (finding.stated_site != site.value) {
      add_conflict(finding, FindingField::Site, std::string(to_string(finding.stated_site)),
                   position, std::string(to_string(site.value)), position);
      finding.alternatives.push_back(
          {finding.stated_site == Site::Ductal ? site.value : finding.stated_site,
           GivenValue{std::string(to_string(site.value)), position}});
      finding.stated_site = Site::Ductal;  // the more suspicious (rule C9)
    }
    finding.text_evidence.push_back(
        evidence(NarrativeField::Site, std::string(to_string(site.value)), site.words, site.span));
  }
  Location& where = finding.location;
  // A clock that differs from the one held (a restatement within an hour, or a second clock of
  // the clause) is kept as a conflict: one finding never silently holds one of two positions.
  auto add_clock = [&](const Read<int>& clock) {
    if (!where.clock_hour) {
      where.clock_hour = clock.value;
    } else if (*where.clock_hour != clock.value) {
      add_conflict(finding, FindingField::ClockFaceOrRegion, std::to_string(*where.clock_hour),
                   finding.position, std::to_string(clock.value), position);
    }
    finding.text_evidence.push_back(
        evidence(NarrativeField::Clock, std::to_string(clock.value), clock.words, clock.span));
  };
  if (d.clock) add_clock(*d.clock);
  for (const Read<int>& clock : d.other_clocks) add_clock(clock);
  if (d.quadrant) {
    if (!where.quadrant) where.quadrant = d.quadrant->value;
    finding.text_evidence.push_back(evidence(NarrativeField::Quadrant,
                                             std::string(to_string(d.quadrant->value)),
                                             d.quadrant->words, d.quadrant->span));
  }
  if (d.region) {
    if (!where.region) where.region = d.region->value;
    finding.text_evidence.push_back(evidence(NarrativeField::Region,
                                             std::string(to_string(d.region->value)),
                                             d.region->words, d.region->span));
  }
  if (d.depth) {
    if (!where.depth) where.depth = d.depth->value;
    finding.text_evidence.push_back(evidence(NarrativeField::Depth,
                                             std::string(to_string(d.depth->value)), d.depth->words,
                                             d.depth->span));
  }
  if (d.from_nipple_mm) {
    if (!where.from_nipple_mm) where.from_nipple_mm = d.from_nipple_mm->value;
    finding.text_evidence.push_back(evidence(NarrativeField::DistanceFromNipple,
                                             format_number(d.from_nipple_mm->value),
                                             d.from_nipple_mm->words, d.from_nipple_mm->span));
  }
  if (d.from_skin_mm && !where.from_skin_mm) where.from_skin_mm = d.from_skin_mm->value;
  if (d.from_chest_wall_mm && !where.from_chest_wall_mm) {
    where.from_chest_wall_mm = d.from_chest_wall_mm->value;
  }
  if (d.extent_mm) {
    finding.extent_mm = std::max(finding.extent_mm.value_or(0.0), d.extent_mm->value);
    finding.text_evidence.push_back(evidence(NarrativeField::Extent,
                                             format_number(d.extent_mm->value), d.extent_mm->words,
                                             d.extent_mm->span));
  }
  if (d.count) {
    if (finding.count && *finding.count != d.count->value) {
      add_conflict(finding, FindingField::Count, std::to_string(*finding.count), position,
                   std::to_string(d.count->value), position);
      finding.count = std::max(*finding.count, d.count->value);
    } else if (!finding.count) {
      finding.count = d.count->value;
    }
    finding.text_evidence.push_back(evidence(NarrativeField::Count, std::to_string(d.count->value),
                                             d.count->words, d.count->span));
  }
  for (const auto& change : d.change) {
    if (finding.change == Change::Unknown) {
      finding.change = change.value;
    } else if (finding.change != change.value) {
      add_conflict(finding, FindingField::Change, std::string(to_string(finding.change)), position,
                   std::string(to_string(change.value)), position);
      if (change_rank(change.value) > change_rank(finding.change)) finding.change = change.value;
    }
    finding.text_evidence.push_back(evidence(
        NarrativeField::Change, std::string(to_string(change.value)), change.words, change.span));
  }
  if (d.ultrasound) {
    if (finding.ultrasound_visible != Presence::Yes) {
      finding.ultrasound_visible = d.ultrasound->value;
    }
    finding.text_evidence.push_back(evidence(NarrativeField::UltrasoundCorrelate,
                                             std::string(to_string(d.ultrasound->value)),
                                             d.ultrasound->words, d.ultrasound->span));
  }
  if (d.mass) {
    finding.mass_with_calcifications = true;
    finding.text_evidence.push_back(
        evidence(NarrativeField::MassWithCalcifications, "yes", d.mass->words, d.mass->span));
  }
}

// A sentence goes on describing the previous one's findings when it opens with a word that
// refers back ("They are fine pleomorphic"), or when all it says is the ultrasound correlate
// ("No sonographic correlate."), and names no breast of its own.
bool Reader::continues_previous(const Item& item, const SentenceRange& range,
                                const Descriptors& descriptors) const {
  if (!descriptors.sides.empty()) return false;
  const bool describes = !descriptors.morphology.empty() || !descriptors.distribution.empty() ||
                         !descriptors.site.empty() || !descriptors.change.empty() ||
                         descriptors.clock || descriptors.quadrant || descriptors.region ||
                         descriptors.depth || descriptors.from_nipple_mm || descriptors.extent_mm ||
                         descriptors.count || descriptors.ultrasound || descriptors.mass;
  if (!describes) return false;  // "It is recommended that…" adds nothing to quote
  if (refers_back(item.tokens[range.begin])) return true;
  const bool only_ultrasound = descriptors.ultrasound && descriptors.morphology.empty() &&
                               descriptors.distribution.empty() && descriptors.site.empty() &&
                               !descriptors.clock && !descriptors.quadrant && !descriptors.region &&
                               !descriptors.extent_mm;
  return only_ultrasound;
}

// The breast named last before a token of a clause that names both ("in the left breast at 2
// o'clock, new since 2025, and in the right breast at 10 o'clock"); before any breast is named,
// the first one named. Unknown when the clause names neither breast on its own.
Laterality breast_named_before(const std::vector<Read<Laterality>>& sides, std::size_t token) {
  const Read<Laterality>* named = nullptr;
  for (const Read<Laterality>& read : sides) {
    if (read.value != Laterality::Left && read.value != Laterality::Right) continue;
    if (named == nullptr || (read.token < token && read.token > named->token) ||
        (named->token > token && read.token < named->token)) {
      named = &read;
    }
  }
  return named != nullptr ? named->value : Laterality::Unknown;
}

// For one breast of a clause that names both breasts by name: the clock positions and changes
// that follow that breast's name. Unchanged where the clause says "bilateral" (no breast placed).
void keep_descriptors_of_side(Descriptors& descriptors, Laterality side) {
  std::vector<Read<int>> clocks;
  if (descriptors.clock) clocks.push_back(*descriptors.clock);
  clocks.insert(clocks.end(), descriptors.other_clocks.begin(), descriptors.other_clocks.end());
  if (!clocks.empty() &&
      breast_named_before(descriptors.sides, clocks.front().token) != Laterality::Unknown) {
    descriptors.clock.reset();
    descriptors.other_clocks.clear();
    for (Read<int>& clock : clocks) {
      if (breast_named_before(descriptors.sides, clock.token) != side) continue;
      if (!descriptors.clock) {
        descriptors.clock = std::move(clock);
      } else if (descriptors.clock->value != clock.value) {
        descriptors.other_clocks.push_back(std::move(clock));
      }
    }
  }
  auto& changes = descriptors.change;
  changes.erase(std::remove_if(changes.begin(), changes.end(),
                               [&](const Read<Change>& change) {
                                 const Laterality placed =
                                     breast_named_before(descriptors.sides, change.token);
                                 return placed != Laterality::Unknown && placed != side;
                               }),
                changes.end());
}

std::vector<std::size_t> Reader::add_candidate(const Candidate& candidate) {
  std::vector<std::size_t> gave;
  // "Bilateral": one finding per breast.
  std::vector<Laterality> sides{candidate.laterality};
  if (candidate.laterality == Laterality::Both) sides = {Laterality::Right, Laterality::Left};
  for (Laterality side : sides) {
    Candidate one = candidate;
    one.laterality = side;
    if (sides.size() > 1) keep_descriptors_of_side(one.descriptors, side);
    std::optional<std::size_t> best;
    std::size_t best_shared = 0;
    int best_suspicion = 0;
    for (std::size_t k = 0; k < reading_.findings.size(); ++k) {
      if (!compatible(reading_.findings[k], finding_sections_[k], one)) continue;
      // The finding sharing most values; among equals the more suspicious, so that a bare
      // restatement ("Suspicious left breast calcifications") joins the group that is.
      const std::size_t shared = shared_values(reading_.findings[k], one);
      const int suspicion = suspicion_of(reading_.findings[k]);
      if (!best || shared > best_shared || (shared == best_shared && suspicion > best_suspicion)) {
        best = k;
        best_shared = shared;
        best_suspicion = suspicion;
      }
    }
    if (!best) {
      Finding finding;
      finding.origin = Origin::Narrative;
      finding.position = one.position;
      finding.text_status = MentionStatus::Uncertain;
      reading_.findings.push_back(std::move(finding));
      finding_sections_.push_back(one.section);
      best = reading_.findings.size() - 1;
    }
    merge_into(reading_.findings[*best], one, side);
    gave.push_back(*best);
    for (std::size_t mention : one.mentions) {
      auto& indices = reading_.mentions[mention].findings;
      if (std::find(indices.begin(), indices.end(), *best) == indices.end()) {
        indices.push_back(*best);
      }
    }
  }
  return gave;
}

void Reader::finish_findings() {
  constexpr std::size_t kQuoteLimit = 200;
  for (Finding& finding : reading_.findings) {
    const bool described = !finding.morphology.empty() || finding.distribution ||
                           finding.stated_site != Site::Unknown || finding.mass_with_calcifications;
    if (described || finding.text_sentences.empty()) continue;
    std::string quote = finding.text_sentences.front().text;
    if (quote.size() > kQuoteLimit) {
      quote.resize(kQuoteLimit);
      quote += "...";
    }
    finding.notes.push_back({WarningCode::NarrativeUnresolved,
                             "calcifications the text does not describe: \"" + quote + "\"",
                             finding.position});
  }
}

// Categories become statements; each follow-up joins the statement of its sentence, else the
// nearest one before it for its breast, else the next one, else a statement of its own.
void Reader::finish_assessments() {
  std::vector<std::size_t> statement_sentence;
  for (const CategoryEvent& event : categories_) {
    OverallStatement statement;
    statement.category = event.category;
    statement.laterality = event.laterality;
    statement.position = event.position;
    statement.from_text = true;
    statement.quote = event.quote;
    reading_.assessments.push_back(std::move(statement));
    statement_sentence.push_back(event.sentence);
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
      OverallStatement statement;
      statement.laterality = event.laterality;
      statement.position = event.position;
      statement.from_text = true;
      statement.quote = event.quote;
      reading_.assessments.push_back(std::move(statement));
      statement_sentence.push_back(event.sentence);
      target = reading_.assessments.size() - 1;
    }
    OverallStatement& statement = reading_.assessments[*target];
    std::vector<StatedFollowUp>& stated = statement.follow_up;
    if (std::none_of(stated.begin(), stated.end(),
                     [&](const StatedFollowUp& held) { return held.id == event.id; })) {
      stated.push_back({event.code, event.position, event.id, event.quote});
    }
  }
}

}  // namespace

PreparedWordings prepare_wordings(Wordings wordings_read) {
  using narrative::HeadingMeaning;
  using narrative::PhraseKind;
  PreparedWordings prepared;
  auto wordings = std::make_shared<const Wordings>(std::move(wordings_read));
  auto index = std::make_shared<narrative::PhraseIndex>();
  auto add_all = [&index](const auto& list, PhraseKind kind) {
    for (std::size_t k = 0; k < list.size(); ++k) index->add(list[k].phrase, kind, k);
  };
  auto add_strings = [&index](const std::vector<std::string>& list, PhraseKind kind) {
    for (std::size_t k = 0; k < list.size(); ++k) index->add(list[k], kind, k);
  };
  add_strings(wordings->calcification, PhraseKind::Calcification);
  add_all(wordings->morphology, PhraseKind::Morphology);
  add_all(wordings->distribution, PhraseKind::Distribution);
  add_all(wordings->site, PhraseKind::Site);
  add_all(wordings->laterality, PhraseKind::Laterality);
  add_all(wordings->quadrant, PhraseKind::Quadrant);
  add_all(wordings->region, PhraseKind::Region);
  add_all(wordings->depth, PhraseKind::Depth);
  add_all(wordings->change, PhraseKind::Change);
  add_all(wordings->context, PhraseKind::Context);
  add_all(wordings->headings, PhraseKind::Heading);
  add_all(wordings->follow_up, PhraseKind::FollowUp);
  add_strings(wordings->ultrasound_correlate, PhraseKind::UltrasoundCorrelate);
  add_strings(wordings->mass_with_calcifications, PhraseKind::MassWithCalcifications);
  add_strings(wordings->composition, PhraseKind::Composition);
  add_strings(wordings->breast_imaging, PhraseKind::BreastImaging);
  add_strings(wordings->breast, PhraseKind::Breast);
  add_strings(wordings->abbreviations, PhraseKind::Abbreviation);
  add_strings(wordings->category_words, PhraseKind::CategoryWord);
  auto headings = std::make_shared<std::vector<HeadingMeaning>>();
  std::transform(wordings->headings.begin(), wordings->headings.end(),
                 std::back_inserter(*headings), [](const HeadingWording& heading) {
                   return HeadingMeaning{heading.section, heading.laterality};
                 });
  prepared.wordings = std::move(wordings);
  prepared.index = std::move(index);
  prepared.headings = std::move(headings);
  return prepared;
}

NarrativeReading read_narrative(const SrDocument& document, const PreparedWordings& wordings) {
  if (!wordings.wordings) return {};
  Reader reader(wordings);
  return reader.read(document);
}

}  // namespace mammocalc
