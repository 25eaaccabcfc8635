#include "narrative/narrative_reader.hpp"

// The narrative reader: the SR's sections and TEXT items, each sentence read in turn (its
// mentions, their clauses and descriptors), and the public entry points. The parts it calls
// are in reader_context.cpp, reader_descriptors.cpp, reader_findings.cpp and
// reader_assessments.cpp (reader_parts.hpp).

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "findings/lexicon.hpp"
#include "narrative/reader_parts.hpp"
#include "narrative/report_text.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc::narrative::reading {

namespace {

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

void collect_text_items(const ContentItem& node, ReportSection section,
                        std::vector<TextItem>& out) {
  if (node.value_type == ValueType::Container) {
    section =
        section_of(node.concept_name, std::begin(kSectionContainers), std::end(kSectionContainers))
            .value_or(section);
  }
  if (node.value_type == ValueType::Text) {
    // A section container names its items' part ("Finding" items under History are history),
    // except that an Impression item (121073) inside a Findings container, as PS3.17 Annex Q
    // nests them, is the impression: its recommendations are read.
    ReportSection own = section;
    const auto named =
        section_of(node.concept_name, std::begin(kSectionItems), std::end(kSectionItems));
    if (named && (own == ReportSection::Unsectioned ||
                  (own == ReportSection::Findings && *named == ReportSection::Impression))) {
      own = *named;
    }
    out.push_back({&node, own});
  }
  for (const ContentItem& child : node.children) collect_text_items(child, section, out);
}

}  // namespace

std::vector<TextItem> text_items_of(const SrDocument& document) {
  std::vector<TextItem> items;
  collect_text_items(document.root, ReportSection::Unsectioned, items);
  return items;
}

// Sections that speak of the past or of the procedure: a mention there is historical unless it
// says new or increased (narrative.md §1).
bool is_past_section(ReportSection section) {
  return section == ReportSection::History || section == ReportSection::Comparison ||
         section == ReportSection::Procedure;
}

namespace {

// Sections where a stated category or follow-up is the radiologist's assessment of this exam.
bool states_assessment(ReportSection section) {
  return !is_past_section(section) && section != ReportSection::Composition;
}

}  // namespace

namespace {

// Whether the text shows bytes its character set did not decode: invalid UTF-8 (Latin-1 bytes
// under ISO_IR 192 or no character set), U+FFFD, or UTF-8 read as Latin-1 ("Ã¤" for "ä") (hostile
// review 71: "Malignität nicht auszuschließen" lost its words and the exam stayed benign). What
// it found, in words.
std::optional<std::string> undecoded_characters(std::string_view text) {
  for (std::size_t k = 0; k < text.size();) {
    const auto byte = static_cast<unsigned char>(text[k]);
    std::size_t length = 1;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
    } else if (byte >= 0x80) {
      return "a byte that is no UTF-8";
    }
    if (k + length > text.size()) return "a byte that is no UTF-8";
    for (std::size_t c = 1; c < length; ++c) {
      if ((static_cast<unsigned char>(text[k + c]) & 0xC0) != 0x80)
        return "a byte that is no UTF-8";
    }
    if (text.compare(k, 3, "\xEF\xBF\xBD") == 0) return "the replacement character";
    // "Â", "Ã" or "â" followed by a Latin-1 upper-half character or by one Windows-1252 puts in
    // 0x80..0x9F ("€", "™", quotes, dashes, "Š"): UTF-8 decoded as Latin-1 or Windows-1252
    // ("Ã¤" for "ä", "â€™" for "’").
    const auto at = [&](std::size_t i) {
      return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U;
    };
    const bool lead = length == 2 && byte == 0xC3 &&
                      (at(k + 1) == 0x82 || at(k + 1) == 0x83 || at(k + 1) == 0xA2);
    if (lead) {
      const unsigned next = at(k + 2);
      const bool upper_half = next == 0xC2 && at(k + 3) >= 0x80 && at(k + 3) <= 0xBF;
      const bool windows_1252 =
          (next == 0xE2 && (at(k + 3) == 0x80 || at(k + 3) == 0x82 || at(k + 3) == 0x84)) ||
          next == 0xC5 || next == 0xCB || (next == 0xC6 && at(k + 3) == 0x92);
      if (upper_half || windows_1252) return "UTF-8 read as Latin-1";
    }
    k += length;
  }
  return std::nullopt;
}

}  // namespace

Reader::Reader(const PreparedWordings& prepared)
    : wordings_(*prepared.wordings),
      words_(*prepared.wordings),
      index_(*prepared.index),
      headings_(*prepared.headings) {}

NarrativeReading Reader::read(const SrDocument& document) {
  // The exam's year: the Study Date's, else the Content Date's (a DA value, YYYYMMDD).
  const std::array<const std::string*, 2> dates{&document.header.study_date,
                                                &document.header.content_date};
  const auto dated = std::find_if(dates.begin(), dates.end(), [](const std::string* date) {
    return date->size() >= 4 && std::all_of(date->begin(), date->begin() + 4,
                                            [](char c) { return c >= '0' && c <= '9'; });
  });
  if (dated != dates.end()) exam_year_ = std::stoi((*dated)->substr(0, 4));
  const std::vector<TextItem> items = text_items_of(document);
  std::size_t text_bytes = 0;
  for (const TextItem& item : items) {
    if (!item.item->text.empty()) {
      reading_.text_items += 1;
      reading_.report_text.push_back(narrative::collapse_whitespace(item.item->text));
    }
    text_bytes += item.item->text.size();
    if (text_bytes > kMaxReportTextBytes) {
      reading_.limit_exceeded = "more than " +
                                std::to_string(kMaxReportTextBytes / (std::size_t{1024} * 1024)) +
                                " MiB of report text";
    }
    if (!reading_.limit_exceeded.empty()) break;
    if (const std::optional<std::string> garbled = undecoded_characters(item.item->text)) {
      reading_.notes.push_back(
          {WarningCode::NarrativeUnresolved,
           "the text holds characters its declared character set does not decode (" + *garbled +
               "): words in it may not be read: check the report",
           item.item->position});
    }
    read_item(item);
  }
  finish_findings();
  finish_assessments();
  reading_.breast_imaging_text = saw_breast_ && saw_breast_imaging_;
  return std::move(reading_);
}

namespace {

// A word of `kind` inside a phrase of `otherwise` that names something else is not that word:
// dropped from the matches, so that no step of the reading sees it. With `only_longer`, only
// inside a phrase longer than its own (a phrase of both kinds stays both).
void drop_words_named_otherwise(std::vector<PhraseMatch>& matches, PhraseKind kind,
                                PhraseKind otherwise, bool only_longer = false) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const PhraseMatch& match : matches) {
    if (match.kind == otherwise) spans.emplace_back(match.begin, match.end);
  }
  if (spans.empty()) return;
  const auto named_otherwise = [&spans, kind, only_longer](const PhraseMatch& match) {
    return match.kind == kind &&
           std::any_of(spans.begin(), spans.end(), [&match, only_longer](const auto& span) {
             const bool longer = span.first <= match.begin && match.end <= span.second &&
                                 span.second - span.first > match.end - match.begin;
             return match.begin < span.second && span.first < match.end && (!only_longer || longer);
           });
  };
  matches.erase(std::remove_if(matches.begin(), matches.end(), named_otherwise), matches.end());
}

// A breast word in a phrase that names no breast ("SNOMED RT", "post RT"), and an assessment word
// in one that assesses nothing ("vitamin B3": no B3 lesion).
void drop_words_named_otherwise(std::vector<PhraseMatch>& matches) {
  drop_words_named_otherwise(matches, PhraseKind::Laterality, PhraseKind::NotLaterality);
  drop_words_named_otherwise(matches, PhraseKind::Assessment, PhraseKind::NotAssessment);
  // "Radial scar" is a suspicious lesion (an assessment), no surgical scar.
  drop_words_named_otherwise(matches, PhraseKind::DistortionCause, PhraseKind::Assessment);
  // "Linear scar marker": the marker's shape, no fine-linear calcifications; "postsurgical"
  // alone is both a cause and a kind.
  drop_words_named_otherwise(matches, PhraseKind::Morphology, PhraseKind::DistortionCause, true);
}

// A breast named by one letter ("L bx", "LCIS L 2024") only where the letter is a capital of its
// own: "r" or "l" in lower case, one beside a slash ("R/O malignancy", "L/R"), one inside a
// longer breast phrase ("(L)", "R)") or one before a number other than a year (a category "R2
// L4" or a clock "R 10:00", which their own readers take with the letter) names no breast.
void drop_letters_naming_no_breast(const std::vector<Token>& tokens,
                                   std::vector<PhraseMatch>& matches) {
  const auto beside_slash = [&tokens](std::size_t at) {
    return (at > 0 && is_punct(tokens[at - 1], '/')) ||
           (at + 1 < tokens.size() && is_punct(tokens[at + 1], '/'));
  };
  const auto in_longer_side = [&matches](const PhraseMatch& letter) {
    return std::any_of(matches.begin(), matches.end(), [&letter](const PhraseMatch& match) {
      return match.kind == PhraseKind::Laterality && match.end - match.begin > 1 &&
             match.begin <= letter.begin && letter.end <= match.end;
    });
  };
  const auto names_no_breast = [&](const PhraseMatch& match) {
    if (match.kind != PhraseKind::Laterality || match.end - match.begin != 1) return false;
    const Token& letter = tokens[match.begin];
    if (letter.folded.size() != 1) return false;
    const bool before_number = match.end < tokens.size() &&
                               (tokens[match.end].kind == TokenKind::Number ||
                                tokens[match.end].kind == TokenKind::Time) &&
                               !is_year(tokens[match.end]);
    return !letter.all_capitals || beside_slash(match.begin) || in_longer_side(match) ||
           before_number;
  };
  matches.erase(std::remove_if(matches.begin(), matches.end(), names_no_breast), matches.end());
}

// A suspicious morphology or a suspicious distribution (segmental, linear) among the descriptors.
bool describes_suspicious(const Descriptors& descriptors) {
  return std::any_of(descriptors.morphology.begin(), descriptors.morphology.end(),
                     [](const Read<Morphology>& read) { return is_suspicious(read.value); }) ||
         std::any_of(descriptors.distribution.begin(), descriptors.distribution.end(),
                     [](const Read<Distribution>& read) { return follows_a_duct(read.value); });
}
}  // namespace

void Reader::read_item(const TextItem& text_item) {
  Item item;
  item.text = &text_item.item->text;
  item.position = &text_item.item->position;
  item.tokens = narrative::tokenise(*item.text, item.folded);
  breast_named_last_ = {};
  item.matches = index_.match_all(item.tokens);
  drop_words_named_otherwise(item.matches);
  // A one-word kind right before a sign names the sign's place, not what the calcifications are:
  // "No skin thickening" is no denied skin calcification (hostile review 75: a needless 0).
  const auto kind_of_a_sign = [&](const PhraseMatch& match) {
    return match.kind == PhraseKind::Morphology && match.end == match.begin + 1 &&
           match.end < item.tokens.size() &&
           words_.is(item.tokens[match.end], FunctionWordRole::Sign);
  };
  item.matches.erase(std::remove_if(item.matches.begin(), item.matches.end(), kind_of_a_sign),
                     item.matches.end());
  drop_letters_naming_no_breast(item.tokens, item.matches);
  for (const PhraseMatch& match : item.matches) {
    if (match.kind == PhraseKind::Breast) saw_breast_ = true;
    if (match.kind == PhraseKind::BreastImaging) saw_breast_imaging_ = true;
  }
  const std::vector<SentenceRange> sentences = narrative::split_sentences(
      item.tokens, item.matches, headings_, text_item.section,
      words_.words(FunctionWordRole::ContinuesLine), words_.words(FunctionWordRole::BreastNoun));
  // A heading that names one breast and breast imaging at once ("Left mammogram:", "Mammogram
  // left:") names the breast: a text under it is a breast imaging report (decision-logic.md §6.6),
  // though no other breast word follows.
  for (const SentenceRange& range : sentences) {
    if (range.heading_laterality == Laterality::Unknown || saw_breast_) continue;
    saw_breast_ =
        std::any_of(item.matches.begin(), item.matches.end(), [&](const PhraseMatch& match) {
          return match.kind == PhraseKind::BreastImaging && match.begin >= range.heading_begin &&
                 match.end <= range.heading_end;
        });
  }
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
    if (reading_.mentions.size() > kMaxReportTextMentions) {
      reading_.limit_exceeded = "more than " + std::to_string(kMaxReportTextMentions) +
                                " calcification mentions in the report text";
      return;
    }
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

namespace {

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

}  // namespace

void Reader::read_sentence(const Item& item, const SentenceRange& range,
                           const std::vector<PhraseMatch>& matches) {
  const Given before = given_so_far();
  SentenceReading reading;
  reading.range = &range;
  reading.id = sentence_count_++;
  reading.sentence.span = span_of(item, range.begin, range.end);
  reading.sentence.section = range.section;
  reading.sentence.text = quoted_sentence(words_of(item, range.begin, range.end));
  reading.triggers = resolve_triggers(matches);
  keep_proven_diseases_of_now(item, reading, matches);
  reading.breast_words = TokenMarks(range);
  for (const PhraseMatch& match : matches) {
    if (match.kind == PhraseKind::Laterality) reading.breast_words.mark(match.begin, match.end);
  }
  const TokenMarks& breast_words = reading.breast_words;
  // A breast named in a sentence of its own that heads nothing ("…, stable. Left breast.") or
  // is no heading ("Bds."): what the radiologist meant of that breast is not written (hostile
  // review 91).
  bool any_word = false;
  bool only_breast = true;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (item.tokens[k].kind == TokenKind::Punct) continue;
    any_word = true;
    // "Links wie rechts." says the same is there.
    only_breast =
        only_breast && breast_words[k] && !words_.is(item.tokens[k], FunctionWordRole::Likewise);
  }
  if (range.heads_nothing || (any_word && only_breast)) {
    reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                              "the text names a breast in a sentence of its own and says nothing "
                              "of it: \"" +
                                  reading.sentence.text + "\"",
                              *item.position});
  }
  reading.clauses = clauses_of(item, range, reading.triggers, breast_words, false);
  reading.context_clauses = clauses_of(item, range, reading.triggers, breast_words, true);
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
      // To the clause end, or to a colon: an indication heading ("Evaluate for change:", "Zum
      // Ausschluss eines DCIS:") asks its question of what the text then describes, whose
      // descriptors are facts (hostile review 23: they were dropped).
      // One that opens its clause ("If clinically indicated, biopsy of the left breast mass is
      // recommended", "Falls klinisch vertretbar, …") is a condition up to its comma: what the
      // main clause names is no hypothesis (hostile review 48, H48-4).
      const Clause clause = reading.context_clause_of(trigger.begin);
      const bool opens_clause = trigger.begin == clause.first;
      std::size_t until = trigger.end;
      while (until < clause.second && !is_punct(item.tokens[until], ':') &&
             !(opens_clause && is_punct(item.tokens[until], ','))) {
        ++until;
      }
      reading.hypothesis_words.mark(trigger.begin, until);
    }
    // The phrase, and when it stands before what it names, the two words after it ("deep to |
    // the skin"); "post radiation changes" names its own words only.
    // To the end of the clause or the first comma or colon: "Compared to 2024, the left breast
    // calcifications …" and "Compared with prior mammogram of 2023: left breast …" compare with
    // an exam, and the breast after the comma or colon is theirs (hostile review 24: it was lost).
    if (trigger.role == ContextRole::Comparison) {
      const std::size_t clause_end = clause_holding(reading.clauses, trigger.begin, range).second;
      std::size_t until = trigger.end;
      const bool contrasts = std::any_of(
          item.tokens.begin() + static_cast<std::ptrdiff_t>(trigger.begin),
          item.tokens.begin() + static_cast<std::ptrdiff_t>(trigger.end),
          [this](const Token& token) { return words_.is(token, FunctionWordRole::Contrasts); });
      const std::size_t breast_end = compared_breast_end(item, reading, trigger, clause_end);
      // A contrast with a breast named right after it, with or without a comma after that
      // breast ("Im Gegensatz zu rechts zeigt die linke Brust …": hostile review 87 put the group
      // in the right breast); not a breast after a colon ("Compared with prior mammogram of
      // 2023: left breast …").
      const bool contrast_with_breast =
          contrasts && breast_end > trigger.end &&
          std::none_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(trigger.end),
                       item.tokens.begin() + static_cast<std::ptrdiff_t>(breast_end),
                       [](const Token& token) { return token.kind == TokenKind::Punct; });
      if (words_.is(item.tokens[trigger.begin], FunctionWordRole::DegreeComparison) ||
          contrast_with_breast) {
        // "… on the left than on the right, where …", "Rechts mehr als links gruppierte …": a
        // comparison of degree, or a contrast, names the breast compared with, and no more.
        until = breast_end;
      } else {
        while (until < clause_end && !is_punct(item.tokens[until], ',') &&
               !is_punct(item.tokens[until], ':')) {
          ++until;
        }
      }
      reading.comparison_words.mark(trigger.begin, until);
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
  reading.names_high_risk_result =
      std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
        if (!names_high_risk_result(match)) return false;
        const Clause clause = reading.context_clause_of(match.begin);
        return !negated_near(item, match.begin, match.end, clause.first, clause.second,
                             reading.triggers);
      });

  read_clause_descriptors(item, reading, matches);
  // A relative clause ("…, which was not present on the prior exam") ends the scope of context
  // words but still describes the calcifications before it; so does one that opens with a word
  // referring back to them ("…; they have increased in number", "…; these are new since 2024":
  // hostile review 78, the growth was dropped, the coded group restated unreviewed).
  // A clause cut at a semicolon starts at it.
  for (std::size_t c = reading.clauses.size(); c > 1; --c) {
    const auto [first, last] = reading.clauses[c - 1];
    const std::size_t at =
        is_punct(item.tokens[first], ';') && first + 1 < last ? first + 1 : first;
    const Token& opening = item.tokens[at];
    // A part after a semicolon that says only how they changed ("…; new since 2024", "…; increasing
    // in number"): no calcifications, lesion or breast of its own, so it goes on about them.
    const auto in_part = [&, first = first, last = last](std::size_t k) {
      return k >= first && k < last;
    };
    const bool names_its_own =
        std::any_of(reading.mentions.begin(), reading.mentions.end(),
                    [&](const PhraseMatch& mention) { return in_part(mention.begin); }) ||
        std::any_of(matches.begin(), matches.end(),
                    [&](const PhraseMatch& match) {
                      return in_part(match.begin) && is_other_lesion(match.kind);
                    }) ||
        reading.breast_words.any(first, last) ||
        relative_side(item, reading, first, last).has_value();
    // Likewise one that gives only their kind, arrangement or site ("…, stable; regional
    // distribution": hostile review 95, the arrangement was dropped and the coded group restated
    // unreviewed), where no place and no negation stands in it.
    const Descriptors& part = reading.clause_descriptors[c - 1];
    const bool negated_part = reading.starts_in(ContextRole::Negated, first, last);
    const bool placed_part = part.clock || part.quadrant || part.region || part.depth;
    const bool describes_only =
        !part.change.empty() ||
        (!negated_part && !placed_part &&
         (!part.morphology.empty() || !part.distribution.empty() || !part.site.empty()));
    const bool change_only = is_punct(item.tokens[first], ';') && !names_its_own && describes_only;
    const bool of_compared_breast = reading.compared_breast_of_clause[c - 1].has_value();
    if ((starts_relative_clause(opening) || refers_back(opening, words_) || change_only) &&
        !of_compared_breast) {
      add_descriptors(reading.clause_descriptors[c - 2], reading.clause_descriptors[c - 1]);
    }
  }
  if (range.heading_laterality != Laterality::Unknown) {
    reading.heading_side = Read<Laterality>{range.heading_laterality,
                                            words_of(item, range.heading_begin, range.heading_end),
                                            span_of(item, range.heading_begin, range.heading_end)};
  }

  if (reading.mentions.empty()) {
    const std::size_t findings_before = reading_.findings.size();
    continue_previous_findings(item, reading);
    const bool went_on = !described_last_.empty();
    if (range.section != ReportSection::Composition) {
      // In a section of the past only what the text says is new counts (said_new).
      read_other_lesions(item, reading, matches);
      read_named_other_findings(item, reading, matches);
    }
    if (range.section == ReportSection::History) {
      read_signs_of_the_indication(item, reading, matches);
      note_reasons_in_the_history(item, reading, matches);
    }
    read_history(item, reading, matches);
    if (!went_on && reading_.findings.size() == findings_before) {
      read_unplaced_suspicion(item, reading, matches);
    }
  } else {
    described_last_.clear();
    std::size_t next_mention = 0;
    std::vector<std::size_t> described_before;  // the findings of the last clause that gave any
    std::vector<bool> clauses_read(reading.clauses.size(), false);  // by a mention or a contrast
    // The first token after the breast words a clause opens with ("links | dagegen …").
    const auto after_breast_words = [&](std::size_t begin, std::size_t end) {
      std::size_t at = begin;
      while (at + 1 < end && breast_words[at]) ++at;
      return at;
    };
    for (std::size_t c = 0; c < reading.clauses.size(); ++c) {
      const auto [begin, end] = reading.clauses[c];
      const bool has_mention = std::any_of(reading.mentions.begin(), reading.mentions.end(),
                                           [begin = begin, end = end](const PhraseMatch& match) {
                                             return match.begin >= begin && match.begin < end;
                                           });
      std::vector<std::size_t> gave = read_clause_mentions(item, reading, matches, c, next_mention);
      clauses_read[c] = has_mention;
      if (!gave.empty()) {
        described_before = std::move(gave);
      } else if (!has_mention &&
                 (opens_contrast(item.tokens, reading.triggers, begin) ||
                  opens_contrast(item.tokens, reading.triggers, after_breast_words(begin, end)) ||
                  goes_on_describing(reading, c))) {
        add_contrast(item, reading, c, described_before);
        clauses_read[c] = true;
      }
    }
    list_breasts_cleared_in_parts(item, reading);
    if (range.section != ReportSection::Composition) {
      read_other_lesions(item, reading, matches);
      read_named_other_findings(item, reading, matches);
    }
    // A biopsy result said of them ("…; prior core biopsy showed ADH") is theirs, read as such.
    if (!reading.names_high_risk_result) {
      read_unplaced_suspicion(item, reading, matches, &clauses_read);
    }
    note_sign_beside_calcifications(item, reading, matches);
    // A number a word the lexicon does not know labels, last on its line, in the sentence that
    // describes them ("Benign calcifications right breast, Cat 4.", "… (ACR 4).", "…, Kat 4."):
    // possibly their category, never passed over (hostile review 96, S7).
    if (const auto number = labelled_number(item, matches, range.begin, range.end)) {
      reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                                "a number the text labels with a word this tool does not read as "
                                "a category (\"" +
                                    words_of(item, *number - 1, *number + 1) +
                                    "\"), possibly their category: \"" + reading.sentence.text +
                                    "\"",
                                *item.position});
    }
  }
  if (states_assessment(range.section)) {
    read_assessment(item, reading, matches);
  }
  note_awaited(item, reading);
  note_limited_exam(item, reading, matches);
  note_treatment_of_now(item, reading, matches);
  note_recent_disease_in_words_of_the_past(item, reading, matches);
  note_high_risk(item, reading);
  note_benign_on_a_condition(item, reading, matches);
  note_tissue_on_a_condition(item, reading, matches);
  note_partly_benign(item, reading, matches);
  note_calcifications_beside_a_kind(item, reading, matches);
  // A composition phrase does not end the reading: "The left breast is heterogeneously dense and
  // contains an irregular mass" (hostile review 52).
  if (given_so_far() == before && range.section != ReportSection::History &&
      range.section != ReportSection::Composition) {
    note_unread_statements(item, reading, matches);
  }
  remember_breast_named(range, matches);
}

bool Reader::names_other_breast(const Item& item, std::size_t begin, std::size_t end) const {
  for (std::size_t t = begin; t < end; ++t) {
    if (words_.is(item.tokens[t], FunctionWordRole::OtherBreastAlone)) return true;
    if (!words_.is(item.tokens[t], FunctionWordRole::OtherBreast)) continue;
    constexpr std::size_t kNounWithin = 2;
    for (std::size_t n = t + 1; n < end && n <= t + kNounWithin; ++n) {
      if (words_.is(item.tokens[n], FunctionWordRole::BreastNoun)) return true;
    }
  }
  return false;
}

Laterality Reader::breast_named_before(const SentenceRange& range) const {
  const BreastNamed& last = breast_named_last_;
  const bool same_place = last.section == range.section &&
                          last.heading == range.heading_laterality &&
                          last.heading_begin == range.heading_begin;
  return same_place ? last.side : Laterality::Unknown;
}

void Reader::remember_breast_named(const SentenceRange& range,
                                   const std::vector<PhraseMatch>& matches) {
  const auto last = std::find_if(matches.rbegin(), matches.rend(), [](const PhraseMatch& match) {
    return match.kind == PhraseKind::Laterality;
  });
  if (last == matches.rend()) return;
  breast_named_last_ = {wordings_.laterality[last->wording].term, range.section,
                        range.heading_laterality, range.heading_begin};
}

// Token `at` lies in a phrase that names a suspicion ("benign" within "probably benign").
bool Reader::within_suspicion(const std::vector<PhraseMatch>& matches, std::size_t at) const {
  return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
    return match.begin <= at && at < match.end && names_suspicion(match);
  });
}

bool Reader::names_suspicion(const PhraseMatch& match) const {
  // Growth or something new is a finding's word too ("scar larger than prior", "new opacity").
  if (match.kind == PhraseKind::Change) {
    const Change term = wordings_.change[match.wording].term;
    return term == Change::New || term == Change::Increased;
  }
  if (match.kind != PhraseKind::Assessment) return false;
  const Category term = wordings_.assessment[match.wording].term;
  return term != Category::Negative1 && term != Category::Benign2;
}

// A negation or a doubt a few words after a benign word, with no finding word between, denies or
// doubts it: "benignity cannot be confirmed", "benign nature not certain", "a benign cause is not
// assured", "Benignität nicht gesichert" (hostile review 63). A negation's scope runs forward only.
bool Reader::denied_right_after(const Item& item, const SentenceReading& reading, std::size_t at,
                                std::size_t end) const {
  constexpr std::size_t kWordsBetween = 2;
  std::size_t words_between = 0;
  for (std::size_t t = at + 1; t < end; ++t) {
    const Token& token = item.tokens[t];
    if (token.kind != TokenKind::Word) return false;
    if (trigger_starts_at(reading.triggers, t, {ContextRole::Negated, ContextRole::Uncertain})) {
      return true;
    }
    const bool names_something =
        reading.breast_words[t] || words_.is(token, FunctionWordRole::FindingNoun) ||
        words_.is(token, FunctionWordRole::PlainWhenDenied) ||
        words_.is(token, FunctionWordRole::OtherFinding) ||
        std::any_of(
            reading.mentions.begin(), reading.mentions.end(),
            [t](const PhraseMatch& mention) { return mention.begin <= t && t < mention.end; });
    if (names_something || ++words_between > kWordsBetween) return false;
  }
  return false;
}

namespace {

// Whether a comma stands between the nearest negation before token `at` and it.
bool comma_after_negation(const std::vector<Token>& tokens, const SentenceReading& reading,
                          std::size_t at) {
  const std::size_t from = std::accumulate(
      reading.triggers.begin(), reading.triggers.end(), std::size_t{0},
      [at](std::size_t latest, const Trigger& trigger) {
        const bool before = trigger.role == ContextRole::Negated && trigger.end <= at;
        return before ? std::max(latest, trigger.end) : latest;
      });
  if (from == 0) return false;
  return std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(from),
                     tokens.begin() + static_cast<std::ptrdiff_t>(at),
                     [](const Token& token) { return is_punct(token, ','); });
}

}  // namespace

Reader::BenignWords Reader::benign_words(const Item& item, const SentenceReading& reading,
                                         const std::vector<PhraseMatch>& matches, std::size_t begin,
                                         std::size_t end) const {
  BenignWords said;
  bool doubt_said = false;
  std::optional<std::size_t> benign_word;
  for (std::size_t t = begin; t < end; ++t) {
    const bool calls = words_.is(item.tokens[t], FunctionWordRole::CallsBenign);
    // "benign" within "probably benign" is no benign call but a 3.
    const bool in_suspicion = within_suspicion(matches, t);
    // A benign or clearing word within a phrase that only looks like a negation says it no longer
    // holds or holds in part ("no longer benign-appearing", "nicht mehr unauffällig", "not only
    // benign"): every such lexicon phrase around one denies or doubts it.
    const bool in_pseudo = (calls || words_.is(item.tokens[t], FunctionWordRole::ClearsBreast)) &&
                           trigger_holds(reading.triggers, t, {ContextRole::Pseudo});
    // A suspicion denied ("not suspicious, benign"; hostile review 79) doubts nothing.
    const bool suspicion_denied =
        in_suspicion && !calls &&
        status_of(item, reading, t, t + 1, false).status == MentionStatus::Negated;
    const bool doubts = (in_suspicion && !suspicion_denied) || in_pseudo ||
                        (words_.is(item.tokens[t], FunctionWordRole::Doubt) &&
                         !words_.is(item.tokens[t], FunctionWordRole::Or));
    if (!calls && !doubts) continue;
    if ((calls || in_pseudo) && !benign_word) benign_word = t;
    MentionStatus status =
        calls ? status_of(item, reading, t, t + 1, false).status : MentionStatus::Affirmed;
    // A negation before a comma denies what it stands with, not a benign call after it ("not
    // suspicious, benign"; hostile review 79: read as benignity denied).
    if (calls && status == MentionStatus::Negated &&
        comma_after_negation(item.tokens, reading, t)) {
      status = MentionStatus::Affirmed;
    }
    if (calls && status == MentionStatus::Affirmed && denied_right_after(item, reading, t, end)) {
      status = MentionStatus::Negated;
    }
    if (calls && status == MentionStatus::Affirmed) said.called = true;
    // Denied or doubted; a benign word of the past ("prior biopsy with benign result") is read.
    if (doubts || (calls && status == MentionStatus::Negated)) doubt_said = true;
    if (calls && status == MentionStatus::Negated && !in_suspicion && !said.denied) {
      said.denied = t;
    }
  }
  // Asked ("Benign?", "benign (?)", "?benign", "Benigne?"; hostile review 70): doubted.
  const bool asked = std::any_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                                 item.tokens.begin() + static_cast<std::ptrdiff_t>(end),
                                 [](const Token& token) { return is_punct(token, '?'); });
  if (benign_word && asked) doubt_said = true;
  if (doubt_said) said.doubted = benign_word;
  said.called = said.called && !doubt_said;
  return said;
}

// Advice on symptoms to come, from its phrase up to a comma (a dozen words at most), says
// nothing of a breast ("Return to screening unless clinically indicated", "… unless the patient
// notices a change"). A sign or a lesion in it is still read as one: "bei Beschwerden" may be a
// cause as well as a condition.
bool Reader::in_safety_net(const Item& item, const SentenceReading& reading, std::size_t at) const {
  constexpr std::size_t kSafetyNetReach = 12;
  // Back to the clause's start or the comma that ends the condition ("Should the patient develop
  // new symptoms, clinical evaluation is advised").
  std::size_t from = reading.clause_of(at).first;
  for (std::size_t k = at; k > from; --k) {
    if (is_punct(item.tokens[k - 1], ',')) {
      from = k;
      break;
    }
  }
  return words_.phrase_starts_within(item.tokens, from, at, kSafetyNetReach,
                                     FunctionWordRole::SafetyNet);
}

bool Reader::unread_word(const Item& item, const SentenceReading& reading,
                         const std::vector<PhraseMatch>& matches, std::size_t at,
                         bool called_benign) const {
  const Token& token = item.tokens[at];
  // A question asks what the text does not say ("Left breast: benign?"; hostile review 52).
  if (is_punct(token, '?')) return true;
  if (in_safety_net(item, reading, at)) return false;
  // A word that clears a breast or calls a finding benign, denied, says the opposite ("not
  // normal", "Gutartigkeit nicht gesichert" aside, "nicht unauffällig").
  // One that is itself a negation's word ("Negative for malignancy") denies nothing of its own.
  const bool negation_word = trigger_holds(reading.triggers, at, {ContextRole::Negated});
  if ((words_.is(token, FunctionWordRole::ClearsBreast) ||
       words_.is(token, FunctionWordRole::CallsBenign)) &&
      !negation_word &&
      status_of(item, reading, at, at + 1, false).status == MentionStatus::Negated) {
    return true;
  }
  // A state or a view denied: "implant not intact", "not stable", "MLO fehlt".
  if (words_.is(token, FunctionWordRole::DeniedIsFinding)) {
    return status_of(item, reading, at, at + 1, false).status == MentionStatus::Negated;
  }
  // Read within a lexicon phrase ("no change"), where the part calls it benign ("Benign findings
  // bilaterally"), denied or in the past.
  if (words_.is(token, FunctionWordRole::PlainWhenDenied)) {
    const bool in_phrase = std::any_of(matches.begin(), matches.end(), [at](const auto& match) {
      return match.begin <= at && at < match.end;
    });
    if (in_phrase || called_benign) return false;
    const MentionStatus status = status_of(item, reading, at, at + 1, false).status;
    return status != MentionStatus::Negated && status != MentionStatus::Historical;
  }
  // A word of a phrase that puts what it names in the past ("biopsy clip", "Z. n.") or of a
  // follow-up the reader takes ("Biopsy should be considered."): read.
  const bool read_in_phrase = std::any_of(matches.begin(), matches.end(), [&](const auto& match) {
    if (match.begin > at || at >= match.end) return false;
    // "No increase", "no progression": a course that says stable, though "increase" alone grows.
    if (match.kind == PhraseKind::Change) {
      const Change change = wordings_.change[match.wording].term;
      return change == Change::Stable || change == Change::Decreased;
    }
    return match.kind == PhraseKind::FollowUp ||
           (match.kind == PhraseKind::Context &&
            wordings_.context[match.wording].role == ContextRole::Historical);
  });
  if (read_in_phrase) return false;
  // A list word is plain too, though it may also be a doubt ("lobular or ductal").
  // A count up to 12 is plain; a larger number word ("Fifteen in the left breast.") is read
  // only as a count told twice, and said where it is not (review of session 60).
  const std::optional<int> number = words_.number(token);
  if (token.kind != TokenKind::Word || reading.breast_words[at] ||
      words_.is(token, FunctionWordRole::And) || words_.is(token, FunctionWordRole::Or) ||
      (number && *number <= 12)) {
    return false;
  }
  const auto in = [at](const PhraseMatch& match) { return match.begin <= at && at < match.end; };
  // An assessment above benign names a finding too ("Left breast: dense tissue with a
  // carcinoma").
  const bool lesion_phrase = std::any_of(matches.begin(), matches.end(), [&](const auto& match) {
    return in(match) && (match.kind == PhraseKind::Mass || match.kind == PhraseKind::Distortion ||
                         match.kind == PhraseKind::Asymmetry || names_suspicion(match));
  });
  // A word of a finding first: "density" is plain in "scattered fibroglandular density", and a
  // lesion in "Calcifications right, density left". A phrase of several words counts from its
  // first ("for assessment", "call back").
  const bool of_a_finding =
      lesion_phrase ||
      std::any_of(std::begin(kFindingRoles), std::end(kFindingRoles), [&](FunctionWordRole role) {
        return words_.starts_phrase(item.tokens, at, role);
      });
  if (!of_a_finding && words_.is(token, FunctionWordRole::Plain)) return false;
  // A qualifier of a noun of no finding says nothing of a finding ("silicone implants").
  if (words_.is(token, FunctionWordRole::FindingQualifier) && at + 1 < item.tokens.size() &&
      words_.is(item.tokens[at + 1], FunctionWordRole::NoFindingNoun)) {
    return false;
  }
  // A word of a composition phrase says how dense the breast is ("scattered areas of
  // fibroglandular density").
  const bool composition = std::any_of(matches.begin(), matches.end(), [&](const auto& match) {
    return in(match) && match.kind == PhraseKind::Composition;
  });
  if (composition) return false;
  // A more-of word ("Several in the left breast.") makes a group only right after calcifications
  // were described; elsewhere it says more of something unread (review of session 60).
  const bool more_of_alone =
      words_.is(token, FunctionWordRole::MoreOf) && !words_.is(token, FunctionWordRole::Plain);
  // A word pointing elsewhere ("Left breast: see below.") reads nothing of the breast.
  const bool points_elsewhere = words_.is(token, FunctionWordRole::PointsElsewhere);
  const bool known = of_a_finding || std::any_of(matches.begin(), matches.end(), in) ||
                     (words_.is_any(token) && !more_of_alone && !points_elsewhere);
  // An unknown word is not read, unless the text puts it in the past ("Z. n. Augmentation").
  if (!known) {
    return status_of(item, reading, at, at + 1, false).status != MentionStatus::Historical;
  }
  // A word of a finding, a sign, a work-up or a doubt is read where the text denies it or puts it
  // in the past; affirmed and giving nothing, it was not read.
  if (!of_a_finding || called_benign) return false;
  // Growth is of now in a section of the past too ("COMPARISON: Compared with 2023, a new cluster
  // has appeared in the left breast"; hostile review 64), as a new mention is.
  const bool grows = std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
    if (!in(match) || match.kind != PhraseKind::Change) return false;
    const Change change = wordings_.change[match.wording].term;
    return change == Change::New || change == Change::Increased;
  });
  const MentionStatus status = status_of(item, reading, at, at + 1, grows).status;
  return status == MentionStatus::Affirmed || status == MentionStatus::Uncertain;
}

// A word no reading takes in a sentence of the impression, recommendation, conclusion or
// addendum that names no breast ("BI-RADS 2. Frobnicate the zorbles.", "Malignitätsverdacht links."
// in an English report): what the radiologist concludes, of either breast, never dropped (hostile
// review 94, S2). Not in the findings, where such parts describe the exam.
std::optional<std::size_t> Reader::unread_in_verdict(
    const Item& item, const SentenceReading& reading,
    const std::vector<PhraseMatch>& matches) const {
  const ReportSection section = reading.range->section;
  if (section != ReportSection::Impression && section != ReportSection::Recommendation &&
      section != ReportSection::Conclusion && section != ReportSection::Addendum) {
    return std::nullopt;
  }
  // Only a sentence of mostly words the lexicon does not know: most sentences of the verdict that
  // name no breast speak of the exam in words the reader knows, one unknown word among them
  // ("Continue screening per guidelines", "Density cat 4, extremely dense"), and those it weighs
  // itself.
  std::optional<std::size_t> first_unknown;
  std::size_t words = 0;
  std::size_t unknown = 0;
  for (std::size_t t = reading.range->begin; t < reading.range->end; ++t) {
    const Token& token = item.tokens[t];
    if (token.kind != TokenKind::Word) continue;
    ++words;
    const bool in_phrase = std::any_of(matches.begin(), matches.end(), [t](const auto& match) {
      return match.begin <= t && t < match.end;
    });
    // What the sentence denies it does not conclude ("No acute abdominal process.").
    // A capitalised word after the first is a name ("Reported by Anna Schmidt", "Reviewed with
    // Dr Al-Khatib"), or a German noun: never counted unread.
    const bool name = token.capitalised && t > reading.range->begin;
    if (in_phrase || name || words_.is_any(token) || words_.number(token) ||
        reading.breast_words[t] ||
        status_of(item, reading, t, t + 1, false).status == MentionStatus::Negated) {
      continue;
    }
    ++unknown;
    if (!first_unknown) first_unknown = t;
  }
  if (2 * unknown <= words) return std::nullopt;
  return first_unknown;
}

// What a part that names no breast says that no reading takes, kept narrow: most such parts
// speak of the exam ("3 views obtained", "Continue screening per guidelines"). A clearing word
// denied ("Not negative.", "Nicht unauffällig."), a state denied or doubted next to its negation
// ("Not stable.", "Lack of stability.", "Keine Befundkonstanz.", "Stability not established.";
// not "No suspicious findings on CC and MLO views"), a change in no phrase that reads it
// ("Interval change."), or growth or something new said of nothing the part names ("Slight
// increase.", "Changed since prior.", "Progress."; not "New patient.", "Interval increase in breast
// density"): of either breast (hostile review 62).
std::optional<std::size_t> Reader::said_of_no_breast(const Item& item,
                                                     const SentenceReading& reading,
                                                     const std::vector<PhraseMatch>& matches,
                                                     std::size_t begin, std::size_t end) const {
  const auto negated = [&](std::size_t t) {
    return status_of(item, reading, t, t + 1, false).status == MentionStatus::Negated;
  };
  // A negation or a doubt next to the word, before it or after ("Not yet stable", "Stability not
  // established", "Konstanz nicht belegt", "Stability cannot be confirmed").
  constexpr std::size_t kWordsBetween = 1;
  const auto denied_before = [&](std::size_t t) {
    const MentionStatus status = status_of(item, reading, t, t + 1, false).status;
    if (status != MentionStatus::Negated && status != MentionStatus::Uncertain) return false;
    return std::any_of(reading.triggers.begin(), reading.triggers.end(), [&](const Trigger& tr) {
      return tr.end <= t && t <= tr.end + kWordsBetween;
    });
  };
  // Said after it, a negation or a doubt is of it: its own context's scope may not reach back. A
  // doubt of two words ("cannot be confirmed"): one alone may confirm ("Stability confirmed").
  const auto denied_after = [&](std::size_t t) {
    constexpr std::size_t kDoubtWindow = 3;
    std::size_t doubts = 0;
    for (std::size_t after = t + 1; after < end && after <= t + kDoubtWindow; ++after) {
      if (after <= t + 1 + kWordsBetween &&
          trigger_starts_at(reading.triggers, after,
                            {ContextRole::Negated, ContextRole::Uncertain})) {
        return true;
      }
      if (words_.is(item.tokens[after], FunctionWordRole::Doubt)) ++doubts;
    }
    return doubts >= 2;
  };
  bool names_something = false;
  std::optional<std::size_t> growth;
  for (std::size_t t = begin; t < end; ++t) {
    const Token& token = item.tokens[t];
    if ((words_.is(token, FunctionWordRole::ClearsBreast) ||
         words_.is(token, FunctionWordRole::CallsBenign)) &&
        !trigger_holds(reading.triggers, t, {ContextRole::Negated}) && negated(t)) {
      return t;
    }
    if (words_.is(token, FunctionWordRole::DeniedIsFinding) &&
        (denied_before(t) || denied_after(t))) {
      return t;
    }
    // A change said, in no phrase that reads it ("Interval change."; "No interval change" is
    // read as stable).
    if (words_.is(token, FunctionWordRole::PlainWhenDenied) &&
        unread_word(item, reading, matches, t, false)) {
      return t;
    }
    names_something = names_something || words_.is(token, FunctionWordRole::OtherFinding) ||
                      words_.is(token, FunctionWordRole::NoFindingNoun);
  }
  for (const PhraseMatch& match : matches) {
    if (match.begin < begin || match.begin >= end) continue;
    if (match.kind == PhraseKind::Composition || is_other_lesion(match.kind)) {
      names_something = true;
    }
    if (match.kind == PhraseKind::Change && !growth) {
      const Change change = wordings_.change[match.wording].term;
      const bool grows = change == Change::New || change == Change::Increased;
      if (grows && status_of(item, reading, match.begin, match.end, true).status ==
                       MentionStatus::Affirmed) {
        growth = match.begin;
      }
    }
  }
  return names_something ? std::nullopt : growth;
}

std::optional<std::size_t> Reader::placed_or_grown_lesion(const Item& item,
                                                          const SentenceReading& reading,
                                                          const std::vector<PhraseMatch>& matches,
                                                          std::size_t begin,
                                                          std::size_t end) const {
  const auto affirmed = [&](std::size_t from, std::size_t to) {
    return status_of(item, reading, from, to, false).status == MentionStatus::Affirmed;
  };
  bool placed_or_grown = false;
  std::vector<bool> in_composition(end - begin, false);
  for (const PhraseMatch& match : matches) {
    if (match.begin < begin || match.begin >= end) continue;
    if (match.kind == PhraseKind::Quadrant || match.kind == PhraseKind::Region ||
        match.kind == PhraseKind::Depth) {
      placed_or_grown = true;
    } else if (match.kind == PhraseKind::Change) {
      const Change change = wordings_.change[match.wording].term;
      placed_or_grown =
          placed_or_grown || ((change == Change::New || change == Change::Increased) &&
                              affirmed(match.begin, match.end));
    } else if (match.kind == PhraseKind::Composition) {
      for (std::size_t t = match.begin; t < match.end && t < end; ++t)
        in_composition[t - begin] = true;
    }
  }
  const std::vector<Token>& tokens = item.tokens;
  for (std::size_t t = begin; t + 1 < end && !placed_or_grown; ++t) {
    placed_or_grown = tokens[t].kind == TokenKind::Time ||
                      (tokens[t].kind == TokenKind::Number &&
                       (words_.is(tokens[t + 1], FunctionWordRole::ClockAfterHour) ||
                        words_.is(tokens[t + 1], FunctionWordRole::ClockFiller)));
  }
  if (!placed_or_grown) return std::nullopt;
  for (std::size_t t = begin; t < end; ++t) {
    if (!in_composition[t - begin] && words_.is(tokens[t], FunctionWordRole::LesionNoun) &&
        affirmed(t, t + 1)) {
      return t;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> Reader::labelled_number(const Item& item,
                                                   const std::vector<PhraseMatch>& matches,
                                                   std::size_t begin, std::size_t end) const {
  const std::vector<Token>& tokens = item.tokens;
  // Or right after a word that names no category the wordings read ("Cat 4.", "Kat 4a.", "ACR
  // 4.", "Grade 5.", "Stufe 4."; hostile reviews 77 and 79: such an impression was dropped
  // without trace), not a clock's ("at 4.") and not in a statement of the breasts' composition
  // ("Density cat 4").
  const auto unknown_word = [&](std::size_t at) {
    return at >= begin && tokens[at].kind == TokenKind::Word &&
           !words_.is(tokens[at], FunctionWordRole::ClockBeforeHour) &&
           !words_.is(tokens[at], FunctionWordRole::NumbersOther) &&
           std::none_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
             return (match.begin <= at + 1 && at + 1 < match.end) ||
                    (match.kind == PhraseKind::Composition && match.begin >= begin &&
                     match.begin < end);
           });
  };
  // From the part's first token: a heading's colon ends the sentence before it ("Impression:").
  for (std::size_t t = begin; t < end; ++t) {
    if (tokens[t].kind != TokenKind::Number || t == 0 ||
        (!is_punct(tokens[t - 1], ':') && !unknown_word(t - 1))) {
      continue;
    }
    // A category's value (0 to 6), on the label's line and last on it, with at most a
    // subcategory letter and a period: "Impression: 4.", "Result: 4a". Not a year, nor the
    // first of a numbered list ("IMPRESSION:\n1. Benign …", "Impression: 1. Benign …").
    const std::string_view value = tokens[t].folded;
    if (value.size() != 1 || value[0] > '6' || tokens[t].newlines_before > 0) continue;
    std::size_t after = t + 1;
    if (after < tokens.size() && tokens[after].kind == TokenKind::Word &&
        tokens[after].folded.size() == 1 && tokens[after].newlines_before == 0) {
      ++after;
    }
    // Closed by a bracket ("(ACR 4).", "(cat 4)").
    if (after < tokens.size() && is_punct(tokens[after], ')') &&
        tokens[after].newlines_before == 0) {
      ++after;
    }
    if (after < tokens.size() && is_punct(tokens[after], '.') &&
        tokens[after].newlines_before == 0) {
      ++after;
    }
    if (after < tokens.size() && tokens[after].newlines_before == 0) continue;
    const bool read_as_category =
        std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
          return match.kind == PhraseKind::CategoryWord && match.end <= t && match.end + 1 >= t;
        });
    if (!read_as_category) return t;
  }
  return std::nullopt;
}

// Beside coded findings, the text's word on a breast they do not cover is all there is of it: a
// part of a sentence that names a breast (or stands under its heading), says nothing of
// calcifications and gave nothing, yet holds a word that is not plain ("Left breast: not
// assessable", "Unauffällig bis auf die linke Brust", "Calcifications right, lesion left"), is
// kept for use_narrative to weigh (hostile review 49). Parts are cut at commas, and-words and
// clause ends.
std::optional<std::size_t> Reader::benign_denied_with_calcifications(const Item& item,
                                                                     const SentenceReading& reading,
                                                                     std::size_t begin,
                                                                     std::size_t end) const {
  const bool denied_mention =
      std::any_of(reading.mentions.begin(), reading.mentions.end(), [&](const PhraseMatch& m) {
        return m.begin >= begin && m.begin < end &&
               status_of(item, reading, m.begin, m.end, false).status != MentionStatus::Affirmed;
      });
  if (!denied_mention) return std::nullopt;
  for (std::size_t t = begin; t < end; ++t) {
    if (!words_.is(item.tokens[t], FunctionWordRole::CallsBenign)) continue;
    // Asked whether they are ("It is difficult to say whether these calcifications are benign",
    // "Ich bin mir nicht sicher, ob die Verkalkungen benigne sind") as much as doubted.
    const MentionStatus status = status_of(item, reading, t, t + 1, false).status;
    if (status == MentionStatus::Negated || status == MentionStatus::Uncertain ||
        status == MentionStatus::Hypothetical) {
      return t;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> Reader::lone_doubt(const Item& item, const SentenceReading& reading,
                                              std::size_t begin, std::size_t end) const {
  constexpr std::size_t kLoneDoubtWords = 2;  // "Uncertain.", "Most uncertain."
  // Words of a phrase that ends a context ("though"), only looks like a negation ("not
  // definitively"), doubts ("nicht sicher") or denies ("not certain") go with the doubt.
  const auto in_trigger = [&](std::size_t t) {
    return trigger_holds(reading.triggers, t,
                         {ContextRole::Terminator, ContextRole::Pseudo, ContextRole::Uncertain,
                          ContextRole::Negated});
  };
  std::vector<std::size_t> doubt_words;
  for (std::size_t t = begin; t < end; ++t) {
    if (item.tokens[t].kind != TokenKind::Word) continue;
    if (words_.is(item.tokens[t], FunctionWordRole::Doubt)) {
      doubt_words.push_back(t);
    } else if (!in_trigger(t)) {
      return std::nullopt;
    }
  }
  if (doubt_words.empty() || doubt_words.size() > kLoneDoubtWords) return std::nullopt;
  return doubt_words.front();
}

std::optional<std::size_t> Reader::lone_doubt_after(const Item& item,
                                                    const SentenceReading& reading,
                                                    std::size_t begin, std::size_t end) const {
  std::size_t part_begin = begin;
  for (std::size_t k = begin; k <= end; ++k) {
    const bool cut = k == end || words_.coordinates(item.tokens[k]) ||
                     std::any_of(reading.clauses.begin(), reading.clauses.end(),
                                 [k](const Clause& clause) { return clause.first == k; });
    if (!cut || k == part_begin) continue;
    if (const auto doubt = lone_doubt(item, reading, part_begin, k)) return doubt;
    part_begin = k;
  }
  return std::nullopt;
}

void Reader::note_unread_statements(const Item& item, const SentenceReading& reading,
                                    const std::vector<PhraseMatch>& matches) {
  const std::size_t end = reading.range->end;
  const bool sentence_names_breast = std::any_of(matches.begin(), matches.end(), [](const auto& m) {
    return m.kind == PhraseKind::Laterality;
  });
  std::size_t part_begin = reading.range->begin;
  // A part that names no breast speaks of the one an earlier part or sentence named ("Left
  // breast: skin dimpling", "Left breast is dense. Seroma present."), else of its heading's.
  Laterality named_before = breast_named_before(*reading.range);
  // Keeps the part's word at `at` as what was not read of `breast`, quoting the sentence.
  bool part_of_other_breast = false;
  // `besides`: what it says is besides the findings the text and the codes hold ("Normal exam
  // otherwise.", "Sonst o.B."): of a breast coded findings cover, nothing more.
  const auto note_unread = [&](Laterality breast, std::size_t at, bool besides = false) {
    reading_.breast_statements.push_back({breast, words_of(item, at, at + 1), reading.sentence.text,
                                          *item.position, part_of_other_breast,
                                          !reading.mentions.empty() || besides});
  };
  if (named_before == Laterality::Unknown && !sentence_names_breast && !reading.heading_side) {
    if (const auto unread = unread_in_verdict(item, reading, matches)) {
      note_unread(Laterality::Both, *unread);
      return;
    }
  }
  // The words of descriptors of more than one word ("duct ectasia", "fine pleomorphic").
  TokenMarks description(*reading.range);
  for (const PhraseMatch& match : matches) {
    if ((match.kind == PhraseKind::Morphology || match.kind == PhraseKind::Distribution) &&
        match.end - match.begin > 1) {
      description.mark(match.begin, match.end);
    }
  }
  for (std::size_t k = part_begin; k <= end; ++k) {
    const bool cut = k == end || words_.coordinates(item.tokens[k]) ||
                     std::any_of(reading.clauses.begin(), reading.clauses.end(),
                                 [k](const Clause& clause) { return clause.first == k; });
    if (!cut || k == part_begin) continue;
    const std::size_t begin = part_begin;
    part_begin = k;
    bool about_calcifications = false;
    bool calcification_word = false;
    std::vector<Laterality> sides;
    for (const PhraseMatch& match : matches) {
      if (match.begin < begin || match.begin >= k) continue;
      // A calcification word, or a shape or arrangement of more than one word ("oil cysts",
      // "fine pleomorphic"): the sentence gave nothing, so one word of shape or arrangement
      // describes something else ("round opacity", "Haut gerötet"; hostile review 52), and a
      // place alone ("except the upper outer quadrant") is no description of calcifications.
      const bool descriptor =
          (match.kind == PhraseKind::Morphology || match.kind == PhraseKind::Distribution) &&
          match.end - match.begin > 1;
      if (match.kind == PhraseKind::Calcification || descriptor) about_calcifications = true;
      calcification_word = calcification_word || match.kind == PhraseKind::Calcification;
      if (match.kind == PhraseKind::Laterality) {
        sides.push_back(wordings_.laterality[match.wording].term);
      }
    }
    Laterality breast = named_before;
    // What the part calls benign, and where it doubts or denies benignity: also in a part that
    // names no breast ("IMPRESSION: Probably benign.", "Beurteilung: wahrscheinlich gutartig."),
    // what the report says of the exam, which the coded findings may not say (hostile review 52).
    const BenignWords benign =
        about_calcifications ? BenignWords{} : benign_words(item, reading, matches, begin, k);
    // "Contralateral breast: seroma", "Gegenseite: Hämatom": of the breast opposite one the text
    // does not say here; either may be the one no coded finding covers (hostile review 52).
    const bool other_breast = names_other_breast(item, begin, k);
    part_of_other_breast = other_breast && sides.empty();
    if (part_of_other_breast) {
      breast = Laterality::Both;
      named_before = breast;
    } else if (!sides.empty()) {
      const Laterality first = sides.front();
      breast = std::all_of(sides.begin(), sides.end(),
                           [first](Laterality side) { return side == first; })
                   ? first
                   : Laterality::Both;
      named_before = breast;
    } else if (breast == Laterality::Unknown && !sentence_names_breast && reading.heading_side) {
      breast = reading.heading_side->value;
    }
    // A doubt said by itself ("Uncertain.", "Equivocal.", "Unsicher."): of what the text says
    // before it, which it does not say read (hostile review 60).
    const std::optional<std::size_t> doubt = lone_doubt(item, reading, begin, k);
    if (doubt && !about_calcifications) {
      note_unread(breast == Laterality::Unknown ? Laterality::Both : breast, *doubt);
      continue;
    }
    if (breast == Laterality::Unknown) {
      if (benign.doubted) {
        note_unread(Laterality::Both, *benign.doubted);
      } else if (about_calcifications) {
        // Their benignity denied or doubted with them ("I would not call these calcifications
        // benign", "It is not certain that these calcifications are benign"): the mention reads
        // as denied and gives nothing, yet the text says they may not be benign (hostile review
        // 64).
        if (const auto denied = benign_denied_with_calcifications(item, reading, begin, k)) {
          note_unread(Laterality::Both, *denied);
        }
      } else if (!benign.called) {
        // A lesion placed or grown with no breast named ("Interval increase in density at 2
        // o'clock", "Interval increase in size of the nodule") may be on the breast no coded
        // finding covers (issue 17). A change word alone is not enough ("New baseline
        // mammogram").
        if (const auto lesion = placed_or_grown_lesion(item, reading, matches, begin, k)) {
          note_unread(Laterality::Both, *lesion);
        } else if (const auto number = labelled_number(item, matches, begin, k)) {
          note_unread(Laterality::Both, *number);
          reading_.breast_statements.back().kind = NarrativeReading::StatementKind::UnreadCategory;
        } else if (const auto said = said_of_no_breast(item, reading, matches, begin, k)) {
          note_unread(Laterality::Both, *said);
        }
      }
      continue;
    }
    if (about_calcifications) {
      // A kind of calcification asked about ("Left breast: fat necrosis?") is not read.
      const auto asked = std::find_if(item.tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                                      item.tokens.begin() + static_cast<std::ptrdiff_t>(k),
                                      [](const Token& token) { return is_punct(token, '?'); });
      if (asked != item.tokens.begin() + static_cast<std::ptrdiff_t>(k)) {
        note_unread(breast, static_cast<std::size_t>(asked - item.tokens.begin()));
        continue;
      }
      // Described with no calcification word, and so read as nothing ("Left retroareolar duct
      // ectasia with intraductal echogenic material"; hostile review 64): the description's own
      // words say nothing more, any other word is weighed below.
      if (calcification_word) continue;
    }
    // "Links: gutartiger Knoten.": the finding is read (in this part only: "Benign
    // calcifications right, spiculated mass left" calls the mass nothing).
    // Only where "benign" is affirmed and nothing doubts it ("benign is unlikely", "cannot be
    // called benign").
    if (benign.doubted) {
      // Benignity doubted or denied ("Left breast: benign is unlikely") is not read as benign.
      note_unread(breast, *benign.doubted);
      continue;
    }
    // A category in words the lexicon does not know ("Impression: 4." after the breast's
    // sentence).
    if (const auto number = labelled_number(item, matches, begin, k)) {
      note_unread(breast, *number);
      reading_.breast_statements.back().kind = NarrativeReading::StatementKind::UnreadCategory;
      continue;
    }
    // One view only ("CC view only", "nur eine Ebene", "one view"): the exam is not complete.
    const bool only =
        std::any_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                    item.tokens.begin() + static_cast<std::ptrdiff_t>(k),
                    [&](const Token& token) { return words_.is(token, FunctionWordRole::Only); });
    std::optional<std::size_t> one_view;
    for (std::size_t t = begin; t < k && !one_view; ++t) {
      if (!words_.is(item.tokens[t], FunctionWordRole::View)) continue;
      if (only || (t > begin && words_.number(item.tokens[t - 1]) == 1)) one_view = t;
    }
    if (one_view) {
      note_unread(breast, *one_view);
      continue;
    }
    for (std::size_t t = begin; t < k; ++t) {
      const bool otherwise = words_.is(item.tokens[t], FunctionWordRole::Otherwise);
      if (otherwise) {
        if (breast == Laterality::Both ||
            status_of(item, reading, t, t + 1, false).status != MentionStatus::Affirmed) {
          continue;
        }
      } else if (description[t] || !unread_word(item, reading, matches, t, benign.called)) {
        continue;
      }
      note_unread(breast, t, otherwise);
      break;
    }
  }
}

// A result or work-up the sentence says is awaited, outstanding or declined ("Ultrasound-guided
// core biopsy … performed today; pathology pending.", "Biopsie ausstehend.", "the patient
// declined"), in any section: what the exam is waiting for is not read, never benign on what is
// there (narrative-unresolved, E8; hostile review 48, H48-1, H48-8). So is a report not final or
// not agreed, and a target a biopsy, clip or wire missed (hostile reviews 62 and 64). One denied
// ("No biopsy pending") is none.
void Reader::note_awaited(const Item& item, const SentenceReading& reading) {
  const auto category_zero = [&](std::size_t before) {
    return std::any_of(
        item.tokens.begin() + static_cast<std::ptrdiff_t>(reading.range->begin),
        item.tokens.begin() + static_cast<std::ptrdiff_t>(before),
        [](const Token& token) { return token.kind == TokenKind::Number && token.folded == "0"; });
  };
  for (std::size_t k = reading.range->begin; k < reading.range->end; ++k) {
    // "Incomplete" after a category 0 ("BI-RADS 0: Incomplete") names the category read.
    const bool incomplete =
        words_.is(item.tokens[k], FunctionWordRole::Incomplete) && !category_zero(k);
    // Several words: a disagreement said with its negation ("I do not agree", "dem schließe ich
    // mich nicht an").
    const std::size_t unsettled_words =
        words_.phrase_length(item.tokens, k, FunctionWordRole::Unsettled);
    const std::size_t missed_words =
        words_.phrase_length(item.tokens, k, FunctionWordRole::MissesTarget);
    const std::size_t awaited_words =
        words_.phrase_length(item.tokens, k, FunctionWordRole::Awaited);
    const bool unsettled = unsettled_words > 0;
    const bool misses_target = missed_words > 0;
    if (!incomplete && !unsettled && !misses_target && awaited_words == 0) continue;
    // The phrase whole: one that starts with its own negation ("no calcifications in the cores",
    // "kein Kalk im Präparat", "not yet read") is not denied by it.
    const std::size_t words =
        std::max<std::size_t>({1, unsettled_words, missed_words, awaited_words});
    if (status_of(item, reading, k, k + words, true).status == MentionStatus::Negated) continue;
    const char* what =
        unsettled       ? "the text says the report or its reading is not final or not agreed: \""
        : misses_target ? "the text says a biopsy, a marker or a wire missed its target: \""
                        : "the text says a result or work-up is awaited or declined: \"";
    reading_.notes.push_back(
        {WarningCode::NarrativeUnresolved, what + reading.sentence.text + "\"", *item.position});
    return;
  }
}

// The text says the exam is limited or does not show the whole breast ("Limited study due to
// patient mobility", "posterior tissue not fully included", "Images not available for review",
// "Only CC views were obtained"; "Eingeschränkt beurteilbare Untersuchung"): what was not seen is
// not read, so the exam is never benign on what was (narrative-unresolved; hostile review 67).
// Density limits many exams and is said routinely ("Extremely dense tissue, which lowers the
// sensitivity"; "eingeschränkt beurteilbar bei dichtem Drüsengewebe"): a sentence with a
// composition phrase is no such note. One denied ("The study is not limited") is none.
void Reader::note_limited_exam(const Item& item, const SentenceReading& reading,
                               const std::vector<PhraseMatch>& matches) {
  const SentenceRange& range = *reading.range;
  // Density said in the limit's own clause, as its only cause, explains a limit said without its
  // cause ("Evaluation limited by dense tissue"); never a cause of another kind in the clause
  // ("Heterogeneously dense breasts; study limited by motion", "Evaluation limited by dense tissue
  // and motion", "Limited by dense tissue and by patient motion" still ask; review of the change,
  // hostile review 69).
  const auto without_cause = [&](std::size_t at) {
    return words_.starts_phrase(item.tokens, at, FunctionWordRole::LimitWithoutCause);
  };
  const auto density_said = [&](std::size_t at) {
    if (!without_cause(at)) return false;
    const Clause clause = reading.context_clause_of(at);
    for (std::size_t k = clause.first; k < clause.second; ++k) {
      if (words_.starts_phrase(item.tokens, k, FunctionWordRole::LimitedExam) &&
          !without_cause(k)) {
        return false;
      }
    }
    return std::any_of(matches.begin(), matches.end(), [&clause](const PhraseMatch& match) {
      return match.kind == PhraseKind::Composition && match.begin >= clause.first &&
             match.begin < clause.second;
    });
  };
  // What the prior exams lacked is no limit of this one ("Comparison: prior images not
  // available for review").
  if (range.section == ReportSection::Comparison) return;
  // A view with an only-word near it in its clause ("Only CC views", "CC view only"), in a
  // sentence that names no calcifications: "calcifications seen on the CC view only" describes
  // the finding, not the exam.
  constexpr std::size_t kOnlyReach = 3;
  const auto only_view = [&](std::size_t at) {
    if (!reading.mentions.empty() || !words_.is(item.tokens[at], FunctionWordRole::View)) {
      return false;
    }
    const Clause clause = reading.context_clause_of(at);
    const std::size_t from = std::max(clause.first, at >= kOnlyReach ? at - kOnlyReach : 0);
    const std::size_t to = std::min(clause.second, at + kOnlyReach);
    return std::any_of(
        item.tokens.begin() + static_cast<std::ptrdiff_t>(from),
        item.tokens.begin() + static_cast<std::ptrdiff_t>(to),
        [&](const Token& token) { return words_.is(token, FunctionWordRole::Only); });
  };
  for (std::size_t k = range.begin; k < range.end; ++k) {
    std::size_t words = words_.phrase_length(item.tokens, k, FunctionWordRole::LimitedExam);
    if (words > 0 && density_said(k)) continue;
    // Views missing are never density's doing ("Only CC views were obtained of the dense
    // breasts").
    if (words == 0 && only_view(k)) words = 1;
    if (words == 0) continue;
    // The phrase whole: one that holds its own negation ("images not available") is not denied
    // by it.
    if (status_of(item, reading, k, k + words, true).status == MentionStatus::Negated) continue;
    reading_.notes.push_back(
        {WarningCode::NarrativeUnresolved,
         "the text says the exam is limited or does not show the whole breast: \"" +
             reading.sentence.text + "\"",
         *item.position});
    return;
  }
}

// A benign call that holds only on a condition said after it in its sentence ("Benign if stable
// at follow-up", "Benign calcifications right breast, unless proven otherwise on biopsy",
// "Benigne, vorausgesetzt die Sonographie ist unauffällig"): the report does not settle it, so
// the exam is not benign on it (hostile review 64). A recommendation between makes the condition
// its own ("Benign. Return to screening unless clinically indicated", said in one sentence).
void Reader::note_benign_on_a_condition(const Item& item, const SentenceReading& reading,
                                        const std::vector<PhraseMatch>& matches) {
  const std::size_t end = reading.range->end;
  const auto affirmed = [&](std::size_t from, std::size_t to) {
    return status_of(item, reading, from, to, false).status == MentionStatus::Affirmed;
  };
  std::optional<std::size_t> benign;
  for (std::size_t t = reading.range->begin; t < end && !benign; ++t) {
    if (words_.is(item.tokens[t], FunctionWordRole::CallsBenign) && affirmed(t, t + 1)) benign = t;
  }
  // A benign category by its number calls them benign too ("BI-RADS 2 if the prior films confirm
  // stability", "BI-RADS 2, vorbehaltlich der Histologie"; hostile review 66).
  const auto benign_category = [&](const PhraseMatch& match) {
    if (match.kind != PhraseKind::CategoryWord) return false;
    const auto category = category_after(item, match.end, end);
    return category &&
           (category->first == Category::Negative1 || category->first == Category::Benign2);
  };
  for (const PhraseMatch& match : matches) {
    const bool benign_assessment = match.kind == PhraseKind::Assessment &&
                                   wordings_.assessment[match.wording].term == Category::Benign2;
    if ((benign_assessment || benign_category(match)) && match.begin >= reading.range->begin &&
        (!benign || match.begin < *benign) && affirmed(match.begin, match.end)) {
      benign = match.begin;
    }
  }
  if (!benign) return;
  for (std::size_t t = *benign + 1; t < end; ++t) {
    const Token& token = item.tokens[t];
    const bool recommends = words_.is(token, FunctionWordRole::Recommends) ||
                            words_.is(token, FunctionWordRole::WorkUp) ||
                            std::any_of(matches.begin(), matches.end(), [t](const PhraseMatch& m) {
                              return m.kind == PhraseKind::FollowUp && m.begin == t;
                            });
    if (recommends) return;
    const std::size_t condition_words =
        words_.phrase_length(item.tokens, t, FunctionWordRole::Condition);
    if (condition_words == 0) continue;
    reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                              "the text calls it benign only on a condition it does not settle "
                              "(\"" +
                                  words_of(item, t, t + condition_words) + "\"): \"" +
                                  reading.sentence.text + "\"",
                              *item.position});
    return;
  }
}

namespace {

// The clause names calcifications or a mass, distortion or asymmetry: read_other_lesions and the
// mentions hold what it says.
bool holds_calcifications_or_lesion(const SentenceReading& reading,
                                    const std::vector<PhraseMatch>& matches, Clause clause) {
  const auto inside = [&clause](const PhraseMatch& match) {
    return match.begin >= clause.first && match.begin < clause.second;
  };
  return std::any_of(reading.mentions.begin(), reading.mentions.end(), inside) ||
         std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
           return inside(match) && is_other_lesion(match.kind);
         });
}

}  // namespace

// A distortion, an asymmetry or a mass the sentence affirms (or hedges) with no calcification word:
// a finding the calcification rules do not assess, of the breast its clause names (else the
// heading's, else unknown). Kept so that the report's assessment is not taken as the only
// calcification finding's own and the breast is not "no finding" without a word (hostile review
// 29, H29-9). Denied, past or hypothetical ones ("No architectural distortion", "the asymmetry
// has resolved"), and those of a composition sentence, are none.
void Reader::read_other_lesions(const Item& item, const SentenceReading& reading,
                                const std::vector<PhraseMatch>& matches) {
  // A composition sentence describes the breast ("heterogeneously dense, which may obscure small
  // masses"), no finding.
  if (names_composition(matches)) return;
  // In a sentence that names calcifications too, every one but the mass the calcifications are
  // in ("mass with calcifications": their descriptor): "No suspicious calcifications but a new
  // irregular mass", "…, right breast, and a new irregular mass in the left breast" (hostile
  // review 45, H45-2; review 47, R47-1: the mass was gone).
  // "mass with" alone is that phrase too: only with the calcifications near it ("mass with
  // irregular margins" holds none: hostile review 47, H47-1).
  constexpr std::size_t kNear = 6;
  const auto holds_the_calcifications = [&](const PhraseMatch& lesion) {
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      if (match.kind != PhraseKind::MassWithCalcifications || match.begin >= lesion.end ||
          lesion.begin >= match.end) {
        return false;
      }
      return std::any_of(
          reading.mentions.begin(), reading.mentions.end(), [&](const PhraseMatch& mention) {
            return mention.begin + kNear >= match.begin && mention.begin <= match.end + kNear;
          });
    });
  };
  for (const PhraseMatch& match : matches) {
    if (!is_other_lesion(match.kind)) continue;
    if (holds_the_calcifications(match) ||
        !lesion_now(item, reading, matches, match.begin, match.end)) {
      continue;
    }
    const Laterality laterality = breast_of_clause(item, reading, matches, match.begin);
    const Code code = match.kind == PhraseKind::Distortion
                          ? Code{"129792006", "SCT", "Architectural distortion of breast"}
                          : (match.kind == PhraseKind::Asymmetry
                                 ? Code{"129789007", "SCT", "Focal asymmetric breast tissue"}
                                 : Code{"129788004", "SCT", "Mammographic breast mass"});
    const bool known =
        std::any_of(reading_.other_lesions.begin(), reading_.other_lesions.end(),
                    [&](const UnassessedFinding& held) {
                      return held.laterality == laterality && held.code.value == code.value;
                    });
    if (known) continue;
    UnassessedFinding lesion;
    lesion.position = *item.position;
    lesion.code = code;
    lesion.laterality = laterality;
    lesion.from_text = true;
    lesion.quote = reading.sentence.text;
    lesion.category = clause_assessment(item, reading, matches, match.begin);
    reading_.other_lesions.push_back(std::move(lesion));
  }
}

// Another finding the text names now, in a clause that names no calcifications and no mass,
// distortion or asymmetry (read_other_lesions), that a radiologist would work up: a sign of disease
// of its own ("skin thickening", "nipple retraction", "axillary adenopathy", "Tastbefund",
// "Rezidiv"), or a lesion, nodule, tumour, density or lymph node the clause calls suspicious,
// names a disease of, or qualifies as enlarged, spiculated, new or palpable ("Suspicious lesion",
// "2 cm tumor, highly suggestive of malignancy", "Links: neue Verdichtung"). A finding the
// calcification rules do not assess (E15), never dropped: beside benign coded calcifications such
// sentences left the exam benign, unreviewed (hostile reviews 44 and 45, H44-3, H45-1, H45-3).
// A benign one ("Benign-appearing intramammary lymph node", "Simple cyst") is none.
void Reader::read_named_other_findings(const Item& item, const SentenceReading& reading,
                                       const std::vector<PhraseMatch>& matches) {
  if (names_composition(matches)) return;
  const auto now = [&](std::size_t k) {
    return !reading.comparison_words[k] && lesion_now(item, reading, matches, k, k + 1);
  };
  // Where to look: each clause that names no calcifications and no mass, distortion or
  // asymmetry, with its descriptors; and in one that names calcifications, each part about
  // another finding ("Grobschollige Verkalkungen rechts, suspekter Herd links", "Coarse
  // calcifications right, suspicious nodule left": hostile review 49, H49-1), with none of the
  // calcifications' descriptors.
  struct Stretch {
    Clause range;
    const Descriptors* descriptors;
  };
  std::vector<Stretch> stretches;
  for (std::size_t c = 0; c < reading.clauses.size(); ++c) {
    const Clause clause = reading.clauses[c];
    if (!holds_calcifications_or_lesion(reading, matches, clause)) {
      stretches.push_back({clause, &reading.clause_descriptors[c]});
      continue;
    }
    for (const OtherFindingPart& part :
         other_finding_parts(item, reading, clause.first, clause.second, matches)) {
      const Clause range{part.begin, part.end};
      const bool lesion_phrase =
          std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
            return match.begin >= range.first && match.begin < range.second &&
                   is_other_lesion(match.kind);
          });
      if (!lesion_phrase) stretches.push_back({range, nullptr});
    }
  }
  for (const Stretch& stretch : stretches) {
    const std::size_t begin = stretch.range.first;
    const std::size_t end = stretch.range.second;
    std::optional<std::size_t> sign;
    std::optional<std::size_t> noun;
    // A suspicion in the clause, its own or the noun's ("Suspicious lesion": an assessment word
    // right before an other-finding noun is that finding's, so none of the clause's descriptors).
    bool qualified = (stretch.descriptors != nullptr && !stretch.descriptors->assessment.empty()) ||
                     std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
                       return match.kind == PhraseKind::Assessment && match.begin >= begin &&
                              match.begin < end && now(match.begin);
                     });
    std::optional<std::size_t> qualifier;
    bool measured_here = false;
    for (std::size_t k = begin; k < end; ++k) {
      const Token& token = item.tokens[k];
      // The last of signs side by side names it ("Palpable lump": the lump).
      if (words_.is(token, FunctionWordRole::Sign) && (!sign || *sign + 1 == k) && now(k)) {
        sign = k;
      }
      // "Left breast: new finding", "Links: auffälliger Befund": a finding noun qualified.
      // An implant is no finding to work up ("Bilateral silicone implants."): a no-finding noun.
      if ((words_.is(token, FunctionWordRole::OtherFinding) ||
           words_.is(token, FunctionWordRole::FindingNoun)) &&
          !words_.is(token, FunctionWordRole::NoFindingNoun) && !noun && now(k)) {
        noun = k;
      }
      // A size measured in the clause ("Left breast: nodule, 12 mm", "Links 12 mm großer Herd").
      const bool measured =
          token.kind == TokenKind::Number && k + 1 < end &&
          (item.tokens[k + 1].folded == "mm" || item.tokens[k + 1].folded == "cm");
      if (measured || words_.is(token, FunctionWordRole::FindingQualifier) ||
          (names_disease(item, reading, k) && now(k))) {
        qualified = true;
      }
      measured_here = measured_here || measured;
      if (!qualifier && words_.is(token, FunctionWordRole::FindingQualifier) && now(k)) {
        qualifier = k;
      }
    }
    // A lesion described by its features and size alone, no noun ("Left breast 2:00: hypoechoic,
    // non-parallel, microlobulated, 8 mm": hostile review 47, H47-2), or a qualifier that is
    // nearly all its breast's line says ("Left breast: abnormal.", "Left breast: new since
    // prior."), on a breast the text names.
    // Not where it qualifies a noun of no finding ("Right breast: silicone implant.").
    const bool no_finding_noun =
        words_.any_in(item.tokens, begin, end, FunctionWordRole::NoFindingNoun);
    if (!noun && !sign && qualifier && !no_finding_noun) {
      constexpr std::size_t kFewWords = 3;
      bool breast_named = reading.heading_side.has_value();
      std::size_t other_words = 0;
      for (std::size_t k = begin; k < end; ++k) {
        breast_named = breast_named || reading.breast_words[k];
        if (item.tokens[k].kind == TokenKind::Word && !reading.breast_words[k]) ++other_words;
      }
      // An impression or conclusion of a few words is the exam's verdict ("IMPRESSION:
      // Abnormal.", "Beurteilung: pathologisch."; hostile review 48, H48-9), breast or none.
      // A qualifier right before a noun of no finding ("New patient.", "New baseline
      // mammogram."; hostile review 60, a false alarm) qualifies no finding.
      const std::size_t next = *qualifier + 1;
      const bool said_new_of_something =
          next < end && words_.is(item.tokens[next], FunctionWordRole::NoFindingNoun);
      const bool verdict = (reading.range->section == ReportSection::Impression ||
                            reading.range->section == ReportSection::Conclusion) &&
                           !said_new_of_something;
      if ((breast_named || verdict) && (measured_here || other_words <= kFewWords)) {
        noun = qualifier;
      }
    }
    if (noun) {
      // Hedged ("fraglicher Herd", "possible mass"): to be worked up all the same.
      qualified = qualified || status_of(item, reading, *noun, *noun + 1, false).status ==
                                   MentionStatus::Uncertain;
      // Named alone on a breast's line ("Left breast: tumor.", "Links: Läsion."): no word says it
      // is benign or anything else.
      bool alone = true;
      bool breast_named = reading.heading_side.has_value();
      for (std::size_t k = begin; k < end && alone; ++k) {
        const Token& token = item.tokens[k];
        breast_named = breast_named || reading.breast_words[k];
        alone = k == *noun || token.kind != TokenKind::Word || reading.breast_words[k];
      }
      // A lesion placed on a breast ("A nodule is seen in the left breast", "Links: ovaler Herd mit
      // angulierten Rändern"): to be worked up unless a word calls it benign (hostile review 47).
      const bool called_benign =
          words_.any_in(item.tokens, begin, end, FunctionWordRole::CallsBenign);
      const bool placed = words_.is(item.tokens[*noun], FunctionWordRole::LesionNoun) &&
                          !called_benign &&
                          breast_of_clause(item, reading, matches, *noun) != Laterality::Unknown;
      // Beside calcifications a noun alone or placed may be what they are ("…, representing a
      // degenerating fibroadenoma", "Mastopathie beidseits, benigne Verkalkungen rechts"): there
      // only its own words make it a finding.
      const bool whole_clause = stretch.descriptors != nullptr;
      qualified = qualified || (whole_clause && ((alone && breast_named) || placed));
    }
    // A lesion noun the clause qualifies names the finding before a sign beside it ("Painful
    // suspicious nodule": the nodule, with the clause's category; review of the change 89b4975).
    const std::optional<std::size_t> named = (qualified && noun) ? noun : sign;
    if (named) add_word_named_finding(item, reading, matches, *named);
  }
}

// The reason for the exam: a sign it names is the patient's now ("Clinical history: lump left
// breast", "Fragestellung: Tastbefund links?"; hostile review 46, H46-11), unless its words say
// past, denied or supposed ("Z. n. Tastbefund 2019"; status_of as for a "new" mention: the
// section alone makes nothing past). Its lesion nouns are the history's, no finding.
void Reader::read_signs_of_the_indication(const Item& item, const SentenceReading& reading,
                                          const std::vector<PhraseMatch>& matches) {
  if (names_composition(matches)) return;
  const auto said_past = [&](std::size_t k) {
    const Clause clause = reading.context_clause_of(k);
    return std::any_of(reading.triggers.begin(), reading.triggers.end(), [&](const Trigger& t) {
      return t.role == ContextRole::Historical && t.begin >= clause.first && t.begin < k;
    });
  };
  for (const Clause& clause : reading.clauses) {
    if (holds_calcifications_or_lesion(reading, matches, clause)) continue;
    for (std::size_t k = clause.first; k < clause.second; ++k) {
      if (words_.is(item.tokens[k], FunctionWordRole::Sign) && !reading.comparison_words[k] &&
          !said_past(k) && gives_finding(status_of(item, reading, k, k + 1, true).status)) {
        add_word_named_finding(item, reading, matches, k);
        break;
      }
    }
  }
}

bool Reader::past_year(const Token& token) const {
  return is_year(token) && (!exam_year_ || leading_integer(token.folded) < *exam_year_ - 1);
}

bool Reader::recent_year(const Token& token) const {
  return is_year(token) && exam_year_ && leading_integer(token.folded) >= *exam_year_ - 1;
}

bool Reader::says_a_past_year(const Item& item, const SentenceReading& reading) const {
  return any_token(item, reading.range->begin, reading.range->end,
                   [this](const Token& token) { return past_year(token); });
}

// A year of the past in the part of the sentence around `at` (between commas, semicolons, colons):
// what a date of the past covers there is done, whatever the sentence says elsewhere.
bool Reader::past_year_in_part(const Item& item, const SentenceReading& reading,
                               std::size_t at) const {
  const Clause part = part_of(item, reading, at);
  return any_token(item, part.first, part.second,
                   [this](const Token& token) { return past_year(token); });
}

bool Reader::says_a_recent_year(const Item& item, const SentenceReading& reading) const {
  return any_token(item, reading.range->begin, reading.range->end,
                   [this](const Token& token) { return recent_year(token); });
}

Clause Reader::part_of(const Item& item, const SentenceReading& reading, std::size_t at) const {
  const auto separates = [](const Token& token) {
    return is_punct(token, ',') || is_punct(token, ';') || is_punct(token, ':');
  };
  std::size_t first = at;
  while (first > reading.range->begin && !separates(item.tokens[first - 1])) --first;
  std::size_t last = at;
  while (last < reading.range->end && !separates(item.tokens[last])) ++last;
  return {first, last};
}

// "History: on chemotherapy", "Indication: staging", "Anamnese: laufende Chemotherapie", in any
// section but the comparison ("Patient on chemotherapy. BI-RADS 2."; hostile review 69): the
// patient has a cancer now, so the exam is no plain benign one whatever breast the coded findings
// cover (hostile review 68). Denied ("no chemotherapy"), put in the past by its own words ("after
// neoadjuvant chemotherapy") or with a year of the past, it is none.
void Reader::note_treatment_of_now(const Item& item, const SentenceReading& reading,
                                   const std::vector<PhraseMatch>& matches) {
  // What a prior exam was for is no treatment of now ("COMPARISON: pre-treatment mammogram"), and
  // outside the history a work-up the sentence recommends is the follow-up's to read ("Needle
  // localization and excision recommended").
  const ReportSection section = reading.range->section;
  if (section == ReportSection::Comparison) return;
  // Outside the history a work-up requested in the treatment's own part is the follow-up's to
  // read ("Needle localization and excision recommended"), unless the request is itself a
  // treatment of now ("Patient is s/p neoadjuvant chemotherapy, surgery scheduled"); a request in
  // another part leaves the treatment its own ("On palbociclib, return to annual screening";
  // review of the change).
  const auto requested_in_part = [&](std::size_t at, std::size_t words) {
    if (section == ReportSection::History) return false;
    const Clause part = part_of(item, reading, at);
    for (std::size_t k = part.first; k < part.second; ++k) {
      const bool in_phrase = k >= at && k < at + words;
      if (!in_phrase && words_.is(item.tokens[k], FunctionWordRole::Recommends)) return true;
    }
    return false;
  };
  for (std::size_t k = reading.range->begin; k < reading.range->end; ++k) {
    const std::size_t words = words_.phrase_length(item.tokens, k, FunctionWordRole::TreatmentNow);
    if (words == 0 || said_of_a_relative(item, reading, k) ||
        // Only a year of the past in the phrase's own part ("History: diagnosed 2012, now on
        // chemotherapy" still asks; review of the change).
        past_year_in_part(item, reading, k) || requested_in_part(k, words)) {
      continue;
    }
    const ContextReading context = status_of(item, reading, k, k + words, false);
    const bool now = context.status == MentionStatus::Affirmed ||
                     context.status == MentionStatus::Uncertain ||
                     (context.status == MentionStatus::Historical && context.past_by_section);
    if (!now) continue;
    const Laterality breast = breast_of_clause(item, reading, matches, k);
    NarrativeReading::BreastStatement statement{breast, words_of(item, k, k + words),
                                                reading.sentence.text, *item.position};
    statement.beside_calcifications = false;
    statement.kind = NarrativeReading::StatementKind::ReasonForExam;
    reading_.breast_statements.push_back(std::move(statement));
    return;
  }
}

// "Histologisch gesichertes Karzinom links", "Karzinom links bioptisch gesichert", "stanzbioptisch
// gesichertes invasiv-duktales Karzinom": the past words that prove it ("histologisch
// gesichert") put no disease in the past, which is one of now (hostile review 65); a proven
// benign lesion stays the history's ("Histologisch gesichertes Fibroadenom"). A disease within a
// few words of the proof, before it or after, no punctuation between.
void Reader::keep_proven_diseases_of_now(const Item& item, SentenceReading& reading,
                                         const std::vector<PhraseMatch>& matches) const {
  constexpr std::size_t kReach = 3;  // "gesichertes invasiv duktales Karzinom"
  const SentenceRange& range = *reading.range;
  // A disease word, a sign ("Rezidiv") or a word of a suspicion's phrase ("Malignom").
  const auto names_disease_at = [&](std::size_t k) {
    return names_disease(item, reading, k) || words_.is(item.tokens[k], FunctionWordRole::Sign) ||
           std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
             return match.begin <= k && k < match.end && names_suspicion(match);
           });
  };
  const auto disease_near = [&](const Trigger& trigger) {
    for (std::size_t k = trigger.end; k < range.end && k < trigger.end + kReach; ++k) {
      if (item.tokens[k].kind == TokenKind::Punct) break;
      if (names_disease_at(k)) return true;
    }
    for (std::size_t k = trigger.begin; k > range.begin && trigger.begin - k < kReach;) {
      --k;
      if (item.tokens[k].kind == TokenKind::Punct) break;
      if (names_disease_at(k)) return true;
    }
    return false;
  };
  auto& triggers = reading.triggers;
  triggers.erase(std::remove_if(triggers.begin(), triggers.end(),
                                [&](const Trigger& trigger) {
                                  return trigger.role == ContextRole::Historical &&
                                         words_.any_in(item.tokens, trigger.begin, trigger.end,
                                                       FunctionWordRole::Proves) &&
                                         disease_near(trigger);
                                }),
                 triggers.end());
}

// "Patient is BRCA1 positive", "High-risk patient, lifetime risk 30%", "BRCA1-Mutationsträgerin"
// (hostile review 69): a benign category's routine screening may not be hers. In any section but
// the comparison; a relative's risk ("Sister with BRCA1 mutation") or one denied ("BRCA
// negative") is none.
void Reader::note_high_risk(const Item& item, const SentenceReading& reading) {
  const SentenceRange& range = *reading.range;
  if (range.section == ReportSection::Comparison) return;
  // The screening her risk calls for, named ("BRCA2 carrier, annual mammography and MRI"): the
  // report has seen to it; not one declined, past or asked ("declined MRI"; review of the change).
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const std::size_t words = words_.phrase_length(item.tokens, k, FunctionWordRole::RiskManaged);
    if (words == 0) continue;
    const ContextReading context = status_of(item, reading, k, k + words, false);
    if (context.status == MentionStatus::Affirmed || context.status == MentionStatus::Uncertain ||
        (context.status == MentionStatus::Historical && context.past_by_section)) {
      return;
    }
  }
  const auto note = [&](std::size_t begin, std::size_t end) {
    reading_.notes.push_back(
        {WarningCode::NarrativeUnresolved,
         "the text says the patient is at high risk (\"" + words_of(item, begin, end) +
             "\"): routine screening may not be hers: \"" + reading.sentence.text + "\"",
         *item.position});
  };
  // A lifetime risk of 20% or more ("Tyrer-Cuzick 25%", "IBIS risk 28%", "Lebenszeitrisiko
  // 30 %"): supplemental screening is advised from there (ACR, ACS). A percentage after the
  // estimate in its sentence; "22.5%" and "22,5 %" count by their whole number.
  constexpr int kHighLifetimeRisk = 20;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const std::size_t words = words_.phrase_length(item.tokens, k, FunctionWordRole::RiskEstimate);
    if (words == 0 || said_of_a_relative(item, reading, k)) continue;
    // To the sentence's end: "Tyrer-Cuzick lifetime risk: 25%", "Lebenszeitrisiko 22,5 %".
    for (std::size_t at = k + words + 1; at < range.end; ++at) {
      const Token& mark = item.tokens[at];
      if (!is_punct(mark, '%') && !words_.is(mark, FunctionWordRole::Percent)) continue;
      std::size_t number = at - 1;
      if (number >= k + words + 2 &&
          (is_punct(item.tokens[number - 1], '.') || is_punct(item.tokens[number - 1], ',')) &&
          item.tokens[number - 2].kind == TokenKind::Number) {
        number -= 2;
      }
      if (item.tokens[number].kind == TokenKind::Number &&
          leading_integer(item.tokens[number].folded) >= kHighLifetimeRisk) {
        note(k, at + 1);
        return;
      }
    }
  }
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const std::size_t words = words_.phrase_length(item.tokens, k, FunctionWordRole::HighRisk);
    if (words == 0 || said_of_a_relative(item, reading, k)) continue;
    const MentionStatus status = status_of(item, reading, k, k + words, false).status;
    if (status == MentionStatus::Negated || status == MentionStatus::Hypothetical) continue;
    // Tested negative ("BRCA1 and BRCA2 negative", "BRCA negativ"): a clearing word after it with
    // only numbers, gene names and "and" between, not one of another thing ("BRCA1 carrier with
    // normal clinical breast exam"; review of the change).
    std::size_t next = k + words;
    while (next < range.end && (item.tokens[next].kind != TokenKind::Word ||
                                words_.is(item.tokens[next], FunctionWordRole::And) ||
                                words_.is(item.tokens[next], FunctionWordRole::HighRisk))) {
      ++next;
    }
    if (next < range.end && words_.is(item.tokens[next], FunctionWordRole::ClearsBreast)) continue;
    note(k, k + words);
    return;
  }
}

// "History of breast cancer 2025", "Z.n. Mammakarzinom links 2025" outside the history section
// (hostile review 69: the words of the past set it aside as history whatever its year). In the
// history section note_reasons_in_the_history weighs the year; elsewhere the same rule: a
// disease of a recent year and no treatment said, or one a disease-now word says is of now, is a
// reason for the exam of its breast (or, named on none, of either), said whatever the coded
// findings cover. The comparison's diseases are a prior exam's.
void Reader::note_recent_disease_in_words_of_the_past(const Item& item,
                                                      const SentenceReading& reading,
                                                      const std::vector<PhraseMatch>& matches) {
  const SentenceRange& range = *reading.range;
  if (range.section == ReportSection::History || range.section == ReportSection::Comparison) {
    return;
  }
  const bool disease_now_said =
      words_.any_in(item.tokens, range.begin, range.end, FunctionWordRole::DiseaseNow);
  if (!disease_now_said && !says_a_recent_year(item, reading)) return;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (words_.is(item.tokens[k], FunctionWordRole::Treated) &&
        status_of(item, reading, k, k + 1, false).status != MentionStatus::Negated &&
        !disease_now_said) {
      return;
    }
  }
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const auto suspicion = std::find_if(matches.begin(), matches.end(), [&](const PhraseMatch& m) {
      return m.begin == k && names_suspicion(m);
    });
    const bool disease = names_disease(item, reading, k);
    if ((suspicion == matches.end() && !disease) || said_of_a_relative(item, reading, k)) continue;
    const std::size_t end = suspicion != matches.end() ? suspicion->end : k + 1;
    // Only what words of the past set aside: one read as of now is read elsewhere.
    if (status_of(item, reading, k, end, false).status != MentionStatus::Historical) continue;
    if (past_year_in_part(item, reading, k) && !disease_now_said) continue;
    NarrativeReading::BreastStatement statement{breast_of_clause(item, reading, matches, k),
                                                words_of(item, k, end), reading.sentence.text,
                                                *item.position};
    statement.beside_calcifications = false;
    statement.kind = NarrativeReading::StatementKind::ReasonForExam;
    reading_.breast_statements.push_back(std::move(statement));
    return;
  }
}

// The reason for the exam the indication or history names on a breast, past by its section alone:
// a lesion ("INDICATION: Left breast mass", "Fragestellung: Raumforderung links?"), a suspicious
// category or word ("BI-RADS 4 left breast on outside mammogram", "Suspekter Herd links"), a
// reason-for-exam word ("Recalled from screening for left breast asymmetry", "Left breast skin
// dimpling", "Abklärung nach auffälligem Screening links") or a disease ("Newly diagnosed left
// breast cancer"). Of a breast no coded finding covers it is all the report says of that breast
// (hostile review 65). Words of the past ("history of", "prior", "Z. n."), a denial or a benign
// call leave it the history's, and so does a year beside a disease or a suspicion ("Left breast
// cancer 2010").
void Reader::note_reasons_in_the_history(const Item& item, const SentenceReading& reading,
                                         const std::vector<PhraseMatch>& matches) {
  const std::vector<Token>& tokens = item.tokens;
  // A year of the past anywhere in the sentence ("… lumpectomy and radiation for cancer in
  // 2016"); a clock time ("mass left breast at 10:00") is none, and neither is a year no older
  // than the one before the exam's ("Left breast DCIS 11/2025" in a report of January 2026;
  // hostile review 67).
  const bool past_year_said = says_a_past_year(item, reading);
  const bool recent_year_said = says_a_recent_year(item, reading);
  // A category of work-up or suspicion right after its category word ("BI-RADS 4", "BI-RADS 0").
  const auto category_at = [&](std::size_t k) {
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      if (match.begin != k || match.kind != PhraseKind::CategoryWord) return false;
      const auto category = category_after(item, match.end, reading.range->end);
      return category && category->first != Category::Negative1 &&
             category->first != Category::Benign2;
    });
  };
  // A suspicion, a category above benign, a lesion, or a follow-up beyond screening ("6-month
  // follow-up, left breast").
  const auto suspicion_at = [&](std::size_t k) {
    if (category_at(k)) return true;
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      return match.begin == k &&
             (names_suspicion(match) || match.kind == PhraseKind::Mass ||
              match.kind == PhraseKind::Distortion || match.kind == PhraseKind::Asymmetry ||
              (match.kind == PhraseKind::FollowUp &&
               wordings_.follow_up[match.wording].id != "routine-screening"));
    });
  };
  // A complaint of long standing ("Mild left breast pain for years", "seit Jahren") is no reason
  // of now; its signs are still read as findings (read_signs_of_the_indication).
  const auto long_standing = [&](const Clause& clause) {
    for (std::size_t k = clause.first; k < clause.second; ++k) {
      if (words_.phrase_length(tokens, k, FunctionWordRole::LongStanding) > 0) return true;
    }
    return false;
  };
  const bool disease_now_said =
      words_.any_in(tokens, reading.range->begin, reading.range->end, FunctionWordRole::DiseaseNow);
  // A treatment the sentence says was given ("Left breast cancer, s/p lumpectomy"): its disease is
  // treated. Not one denied ("not treated yet", "bisher nicht behandelt"), and not a word of the
  // past alone ("Left breast DCIS 11/2025, biopsy clip placed" is no treatment).
  bool treated_said = false;
  for (std::size_t k = reading.range->begin; k < reading.range->end && !treated_said; ++k) {
    treated_said = words_.is(tokens[k], FunctionWordRole::Treated) &&
                   status_of(item, reading, k, k + 1, false).status != MentionStatus::Negated;
  }
  for (const Clause& clause : reading.clauses) {
    if (clause.first >= clause.second || long_standing(clause)) continue;
    // A clause that names no breast still gives a disease of now (below).
    const Laterality breast = breast_of_clause(item, reading, matches, clause.first);
    bool benign = false;
    const bool asked = std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(clause.first),
                                   tokens.begin() + static_cast<std::ptrdiff_t>(clause.second),
                                   [](const Token& token) { return is_punct(token, '?'); });
    std::optional<std::size_t> reason;
    for (std::size_t k = clause.first; k < clause.second; ++k) {
      const Token& token = tokens[k];
      // What follows a member of the family in its part is theirs ("Family history: mother
      // diagnosed with left breast cancer"), not what the patient has ("Strong family history,
      // left nipple retraction").
      if (words_.is(token, FunctionWordRole::FamilyMember) ||
          said_of_a_relative(item, reading, k)) {
        continue;
      }
      const bool in_suspicion = within_suspicion(matches, k);
      // Denied, asked or doubted ("not benign", "Knoten links, benigne?", "probably benign left
      // breast mass": a 3) it silences nothing.
      const bool in_pseudo = trigger_holds(reading.triggers, k, {ContextRole::Pseudo});
      benign =
          benign ||
          (words_.is(token, FunctionWordRole::CallsBenign) && !in_suspicion && !in_pseudo &&
           status_of(item, reading, k, k + 1, false).status != MentionStatus::Negated && !asked);
      const bool disease = names_disease(item, reading, k);
      // An implant is no reason ("bilateral silicone implants"): a noun of no finding.
      const bool lesion = words_.is(token, FunctionWordRole::OtherFinding) &&
                          !words_.is(token, FunctionWordRole::NoFindingNoun);
      const bool names_reason = suspicion_at(k) || disease || lesion ||
                                words_.starts_phrase(tokens, k, FunctionWordRole::ReasonForExam);
      if (!names_reason || reason) continue;
      // A suspicion of another exam is the reason for this one ("BI-RADS 4 left breast on outside
      // mammogram"): only its denial, or a year, makes it the history's.
      const ContextReading context = status_of(item, reading, k, k + 1, false);
      const bool said_before = context.status == MentionStatus::Historical &&
                               !context.past_by_section && suspicion_at(k);
      // What the exam is to rule out is its reason too ("Rule out malignancy, left breast mass").
      const bool asked_for = context.status == MentionStatus::Hypothetical;
      if (!context.past_by_section && !said_before && !asked_for) continue;
      // A disease, suspicion or lesion with a year is the history's ("Left breast cancer 2010",
      // "Left axillary lymph node excision 2010, reactive"), unless the sentence says the disease
      // is of now: then the year is that of its diagnosis ("Known right breast cancer (biopsied
      // 2025), surgery scheduled").
      const bool of_now = (disease || suspicion_at(k)) && disease_now_said;
      if ((disease || lesion || suspicion_at(k)) && !of_now && past_year_said) continue;
      // A disease treated is the history's; a lesion or a category beside a treatment is not.
      const bool names_a_disease =
          disease || std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
            return match.begin == k && names_suspicion(match);
          });
      if (names_a_disease && !of_now && treated_said) continue;
      reason = k;
    }
    if (!reason || benign) continue;
    // Said only where no coded finding covers the breast (beside_calcifications): of a covered
    // breast, the coded findings are what the exam found; but a disease the history says is of
    // now ("Newly diagnosed right breast cancer, staging") is said of any breast.
    // A recent year with no treatment says so too ("Right breast cancer 2025" in a report of
    // 2026).
    const bool disease_now = (names_disease(item, reading, *reason) || suspicion_at(*reason)) &&
                             (disease_now_said || (recent_year_said && !treated_said));
    // With no breast named, only a disease of now is a reason: of a breast the text does not
    // name, so of either ("History: breast cancer, currently on chemotherapy"; hostile review
    // 68); a lesion or complaint of no breast is none ("History: lump").
    if (breast == Laterality::Unknown && !disease_now) continue;
    NarrativeReading::BreastStatement statement{breast, words_of(item, *reason, *reason + 1),
                                                reading.sentence.text, *item.position};
    statement.beside_calcifications = !disease_now;
    statement.kind = NarrativeReading::StatementKind::ReasonForExam;
    reading_.breast_statements.push_back(std::move(statement));
  }
}

bool Reader::qualifies_calcifications(const Item& item, const SentenceReading& reading,
                                      const std::vector<PhraseMatch>& matches,
                                      std::size_t at) const {
  const auto kind = [](const PhraseMatch& match) {
    return match.kind == PhraseKind::Morphology || match.kind == PhraseKind::Distribution;
  };
  // Last in its clause, it qualifies what was said before it ("Benign calcifications, mostly.").
  if (at + 1 >= reading.range->end || item.tokens[at + 1].kind == TokenKind::Punct) return true;
  const Clause clause = reading.clause_of(at);
  constexpr std::size_t kWithin = 3;
  for (std::size_t t = at + 1; t < reading.range->end && t <= at + kWithin; ++t) {
    if (item.tokens[t].kind == TokenKind::Punct) return false;
    if (words_.is(item.tokens[t], FunctionWordRole::CallsBenign)) return true;
    if (std::any_of(matches.begin(), matches.end(), [&](const auto& match) {
          return match.begin == t && match.kind == PhraseKind::Calcification;
        })) {
      return true;
    }
    // A kind after a kind said before it in its clause: the rest are described ("grobe
    // Verkalkungen, teilweise schalenförmig").
    if (std::any_of(matches.begin(), matches.end(),
                    [&](const auto& match) { return match.begin == t && kind(match); })) {
      return std::none_of(matches.begin(), matches.end(), [&](const auto& match) {
        return kind(match) && match.begin >= clause.first && match.end <= at;
      });
    }
  }
  return false;
}

// Benignity or a kind said of part of the calcifications only ("Most of the calcifications are
// benign", "Not all calcifications in the right breast are benign", "Right breast calcifications,
// partly coarse", "Überwiegend benigne Verkalkungen", "Bis auf eine Verkalkung alle benigne"): the
// rest are not described, so the report does not call them all benign (hostile review 65). A part
// word in a composition phrase speaks of the tissue ("predominantly fatty").
void Reader::note_partly_benign(const Item& item, const SentenceReading& reading,
                                const std::vector<PhraseMatch>& matches) {
  const std::size_t end = reading.range->end;
  const bool of_calcifications =
      !reading.mentions.empty() ||
      words_.any_in(item.tokens, reading.range->begin, end, FunctionWordRole::CallsBenign);
  if (!of_calcifications) return;
  for (std::size_t k = reading.range->begin; k < end; ++k) {
    const std::size_t words = words_.phrase_length(item.tokens, k, FunctionWordRole::Partial);
    if (words == 0) continue;
    // One word ("mostly", "teilweise") qualifies what follows it: a benign word, a kind or the
    // calcifications within a few words ("mostly benign", "partly coarse", "most of the
    // calcifications"), not a place or a view ("mostly in the upper outer quadrant", "partly
    // obscured"); and where a kind is said before it, the rest are described ("grobe
    // Verkalkungen, teilweise schalenförmig").
    if (words == 1 && !qualifies_calcifications(item, reading, matches, k)) continue;
    // "No other calcifications": none of the rest.
    if (status_of(item, reading, k, k + words, false).status == MentionStatus::Negated) continue;
    const bool in_composition = std::any_of(matches.begin(), matches.end(), [k](const auto& m) {
      return m.kind == PhraseKind::Composition && m.begin <= k && k < m.end;
    });
    if (in_composition) continue;
    reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                              "the text says this of part of the calcifications only (\"" +
                                  words_of(item, k, k + words) + "\"): \"" + reading.sentence.text +
                                  "\"",
                              *item.position});
    return;
  }
}

// Calcifications named again after a kind, with no kind of their own ("Coarse calcification
// right breast with adjacent microcalcifications"), or a part of them called irregular in form
// ("Coarse calcifications, some irregular in shape", "Grobschollige Verkalkungen, teils
// zackig"): the kind said before may not describe them, and no kind read here does; the report
// does not call them all benign (hostile review 71, A1). A note on the exam, so that the coded
// finding the sentence restates is never read alone.
void Reader::note_calcifications_beside_a_kind(const Item& item, const SentenceReading& reading,
                                               const std::vector<PhraseMatch>& matches) {
  if (reading.mentions.empty()) return;
  const auto kind_between = [&](std::size_t begin, std::size_t end) {
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      return (match.kind == PhraseKind::Morphology || match.kind == PhraseKind::Distribution) &&
             match.begin >= begin && match.begin < end;
    });
  };
  const auto inside_a_phrase = [&](std::size_t at) {
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      return match.kind != PhraseKind::Calcification && match.begin <= at && at < match.end &&
             match.end - match.begin > 1;
    });
  };
  const auto said_now = [&](std::size_t begin, std::size_t end) {
    return !reading.comparison_words[begin] && !reading.hypothesis_words[begin] &&
           status_of(item, reading, begin, end, false).status == MentionStatus::Affirmed;
  };
  const auto note = [&](std::size_t begin, std::size_t end) {
    reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                              "the text names calcifications no kind it gives describes (\"" +
                                  words_of(item, begin, end) + "\"): \"" + reading.sentence.text +
                                  "\"",
                              *item.position});
  };
  const std::size_t first = reading.mentions.front().begin;
  // No kind in the sentence: nothing for a later calcification word to differ from; an
  // irregular-form word is still read below ("Irregular calcifications." beside a benign sentence
  // was taken for the benign calcifications restated: hostile review 90, S1).
  const bool kind_said = kind_between(reading.range->begin, reading.range->end);
  for (std::size_t m = 1; kind_said && m < reading.mentions.size(); ++m) {
    const PhraseMatch& mention = reading.mentions[m];
    const PhraseMatch& previous = reading.mentions[m - 1];
    if (mention.begin <= previous.end || mention.begin <= first) continue;
    if (!kind_between(reading.range->begin, mention.begin)) continue;
    const Clause part = part_of(item, reading, mention.begin);
    const std::size_t own_begin = std::max<std::size_t>(previous.end, part.first);
    const std::size_t own_end =
        m + 1 < reading.mentions.size()
            ? std::min<std::size_t>(reading.mentions[m + 1].begin, part.second)
            : part.second;
    if (kind_between(own_begin, own_end)) continue;
    if (mention.begin > 0 &&
        words_.is(item.tokens[mention.begin - 1], FunctionWordRole::Likewise)) {
      continue;
    }
    if (!said_now(mention.begin, mention.end)) continue;
    note(own_begin, mention.end);
    return;
  }
  for (std::size_t k = reading.range->begin; k < reading.range->end; ++k) {
    if (!words_.is(item.tokens[k], FunctionWordRole::IrregularForm) || inside_a_phrase(k)) {
      continue;
    }
    // "irregular mass", "irregular margins": the form of another finding.
    const bool of_a_lesion = k + 1 < reading.range->end &&
                             (words_.is(item.tokens[k + 1], FunctionWordRole::LesionNoun) ||
                              words_.is(item.tokens[k + 1], FunctionWordRole::OtherFinding));
    if (of_a_lesion || !said_now(k, k + 1)) continue;
    const Clause part = part_of(item, reading, k);
    note(part.first, part.second);
    return;
  }
}

// A finding the calcification rules do not assess, named by the word at `at`, of the breast its
// clause names; once per breast and word.
void Reader::add_word_named_finding(const Item& item, const SentenceReading& reading,
                                    const std::vector<PhraseMatch>& matches, std::size_t at) {
  UnassessedFinding finding;
  finding.position = *item.position;
  finding.code = Code{"", "", words_of(item, at, at + 1)};
  finding.laterality = breast_of_clause(item, reading, matches, at);
  finding.from_text = true;
  finding.quote = reading.sentence.text;
  // A sign is a suspicion of malignancy only in its own words ("Malignitätsverdacht"):
  // "intracapsular rupture suspected" suspects the rupture.
  if (!words_.is(item.tokens[at], FunctionWordRole::Sign)) {
    finding.category = clause_assessment(item, reading, matches, at);
  } else {
    finding.category = own_assessment(matches, at);
  }
  const bool known = std::any_of(reading_.other_lesions.begin(), reading_.other_lesions.end(),
                                 [&](const UnassessedFinding& held) {
                                   return held.laterality == finding.laterality &&
                                          held.code.meaning == finding.code.meaning;
                                 });
  if (!known) reading_.other_lesions.push_back(std::move(finding));
}

// The lesion's own words weigh as the report's category for its breast does (assess_text_lesions
// takes the higher): "suspicious" beside a report's 2 left it 2, or 0 with no category (hostile
// review 60, H60-9).
std::optional<Category> Reader::own_assessment(const std::vector<PhraseMatch>& matches,
                                               std::size_t at) const {
  std::optional<Category> highest;
  for (const PhraseMatch& match : matches) {
    if (match.kind != PhraseKind::Assessment || match.begin > at || at >= match.end) continue;
    const Category term = wordings_.assessment[match.wording].term;
    highest = highest ? more_suspicious(*highest, term) : term;
  }
  return highest;
}

std::optional<Category> Reader::clause_assessment(const Item& item, const SentenceReading& reading,
                                                  const std::vector<PhraseMatch>& matches,
                                                  std::size_t at) const {
  const Clause clause = reading.clause_of(at);
  std::optional<Category> highest;
  for (const PhraseMatch& match : matches) {
    if (match.kind != PhraseKind::Assessment || match.begin < clause.first ||
        match.begin >= clause.second || reading.comparison_words[match.begin] ||
        !lesion_now(item, reading, matches, match.begin, match.end)) {
      continue;
    }
    const Category term = wordings_.assessment[match.wording].term;
    highest = highest ? more_suspicious(*highest, term) : term;
  }
  return highest;
}

// A sign of disease the sentence affirms now beside calcifications it names ("Coarse calcification
// right breast at site of palpable lump", "… with overlying skin thickening", "…,
// Mamillenretraktion rechts"): the calcifications' reading says nothing of it, so it is said and
// the exam reviewed (hostile review 71: it went with the restated benign finding, unread). Once per
// sentence.
void Reader::note_sign_beside_calcifications(const Item& item, const SentenceReading& reading,
                                             const std::vector<PhraseMatch>& matches) {
  const SentenceRange& range = *reading.range;
  if (is_past_section(range.section) || range.section == ReportSection::Composition) return;
  // What surgery left, or what stays as it was, is no sign of now ("Stable post-surgical skin
  // thickening and dystrophic calcifications"): said in the sign's own part. A part of its own
  // after the group's stability ("…, stable since 2024, with overlying skin thickening") is a
  // sign all the same (hostile review 75: it was dropped).
  const auto after_surgery_or_stable = [&](std::size_t at) {
    // The sign's own part, up to an and-word or a parenthesis too ("stable since 2024 and a 9 mm
    // lump": the lump is not what stays).
    Clause part = part_of(item, reading, at);
    for (std::size_t k = at; k > part.first; --k) {
      if (words_.ends_part(item.tokens[k - 1])) {
        part.first = k;
        break;
      }
    }
    for (std::size_t k = at + 1; k < part.second; ++k) {
      if (words_.ends_part(item.tokens[k])) {
        part.second = k;
        break;
      }
    }
    const auto in_part = [&](std::size_t k) { return k >= part.first && k < part.second; };
    return std::any_of(reading.triggers.begin(), reading.triggers.end(),
                       [&](const Trigger& trigger) {
                         return trigger.role == ContextRole::Surroundings && in_part(trigger.begin);
                       }) ||
           std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
             return match.kind == PhraseKind::Change && in_part(match.begin) &&
                    wordings_.change[match.wording].term == Change::Stable;
           });
  };
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (!words_.is(item.tokens[k], FunctionWordRole::Sign) || reading.comparison_words[k] ||
        said_of_a_relative(item, reading, k) || in_safety_net(item, reading, k) ||
        !lesion_now(item, reading, matches, k, k + 1) || after_surgery_or_stable(k)) {
      continue;
    }
    reading_.notes.push_back({WarningCode::NarrativeUnresolved,
                              "the text names a sign (\"" + words_of(item, k, k + 1) +
                                  "\") beside the calcifications, which their reading does not "
                                  "weigh: \"" +
                                  reading.sentence.text + "\"",
                              *item.position});
    return;
  }
}

// A denial in a group's own part that also calls it benign or stable denies the call, not the
// group: "There is no evidence that the left breast calcifications are benign", "can no longer be
// regarded as benign", "Lack of stability of the calcifications" (hostile review 71: read as no
// calcifications). Not across "and"/"or" or a parenthesis ("No suspicious calcifications and
// stable benign findings", "…, benign (no suspicious calcifications on the left)"), nor in
// another part ("No suspicious calcifications, benign examination"), nor
// past an exception ("No calcifications other than benign ones").
bool Reader::denies_their_call(const Item& item, const SentenceReading& reading,
                               const Descriptors& descriptors, const PhraseMatch& match) const {
  const Clause part = part_of(item, reading, match.begin);
  const auto of_them = [&](std::size_t t) {
    const std::size_t from = std::min<std::size_t>(t, match.begin);
    const std::size_t to = std::max<std::size_t>(t, match.end);
    for (std::size_t k = from; k < to; ++k) {
      if ((k < match.begin || k >= match.end) && words_.ends_part(item.tokens[k])) return false;
    }
    return true;
  };
  bool calls_benign_or_stable = std::any_of(
      descriptors.change.begin(), descriptors.change.end(), [&](const Read<Change>& change) {
        return change.value == Change::Stable && change.token >= part.first &&
               change.token < part.second && of_them(change.token);
      });
  for (std::size_t t = part.first; t < part.second; ++t) {
    if (words_.starts_phrase(item.tokens, t, FunctionWordRole::Excepts)) return false;
    calls_benign_or_stable =
        calls_benign_or_stable ||
        ((t < match.begin || t >= match.end) &&
         words_.is(item.tokens[t], FunctionWordRole::CallsBenign) && of_them(t));
  }
  return calls_benign_or_stable;
}

bool Reader::lesion_now(const Item& item, const SentenceReading& reading,
                        const std::vector<PhraseMatch>& matches, std::size_t begin,
                        std::size_t end) const {
  const bool seen = named_as_seen(item, reading, begin);
  if (reading.hypothesis_words[begin] && !seen) return false;
  const MentionStatus status =
      status_of(item, reading, begin, end, said_new(reading, matches, begin)).status;
  return gives_finding(status) || (seen && status == MentionStatus::Hypothetical) ||
         (status == MentionStatus::Negated && presupposed_new(item, reading, matches, begin));
}

// "the new mass", "im neuen Herd": a lesion the text calls new with a definite article before it
// is there, whatever a negation denies of its parts ("Left: no fat in the new mass", "Kein
// Mikrokalk im neuen Herd links"; hostile review 67).
bool Reader::presupposed_new(const Item& item, const SentenceReading& reading,
                             const std::vector<PhraseMatch>& matches, std::size_t at) const {
  static const char* const kContracted[] = {"im", "am", "beim", "vom", "zum", "zur"};
  constexpr std::size_t kWordsBetween = 3;  // "the | new 8 mm | mass"
  bool said_new_here = false;
  for (std::size_t k = at, words = 0; k > reading.range->begin && words <= kWordsBetween; --k) {
    const Token& before = item.tokens[k - 1];
    if (before.kind == TokenKind::Punct) return false;
    said_new_here =
        said_new_here || std::any_of(matches.begin(), matches.end(), [&](const auto& m) {
          return m.kind == PhraseKind::Change && m.begin <= k - 1 && k - 1 < m.end &&
                 wordings_.change[m.wording].term == Change::New;
        });
    if (before.kind == TokenKind::Word &&
        (is_definite_determiner(before.folded) || word_in(before.folded, kContracted))) {
      return said_new_here;
    }
    if (before.kind == TokenKind::Word) ++words;
  }
  return false;
}

bool Reader::named_as_seen(const Item& item, const SentenceReading& reading, std::size_t at) const {
  constexpr std::size_t kWordsBetween = 3;  // "the | left breast | mass", "the new irregular mass"
  for (std::size_t k = at, words = 0; k > reading.range->begin && words <= kWordsBetween; --k) {
    const Token& before = item.tokens[k - 1];
    if (before.kind != TokenKind::Word) return false;
    if (is_definite_determiner(before.folded)) return true;
    ++words;
  }
  return false;
}

bool Reader::said_new(const SentenceReading& reading, const std::vector<PhraseMatch>& matches,
                      std::size_t at) const {
  const Clause clause = reading.clause_of(at);
  return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
    if (match.kind != PhraseKind::Change || match.begin < clause.first ||
        match.begin >= clause.second) {
      return false;
    }
    const Change change = wordings_.change[match.wording].term;
    return change == Change::New || change == Change::Increased;
  });
}

// The breast the clause holding token `at` names (not one compared with), else its heading's. The
// clause as descriptors bind: "A mass is seen in the left breast" is the left breast's.
Laterality Reader::breast_of_clause(const Item& item, const SentenceReading& reading,
                                    const std::vector<PhraseMatch>& matches, std::size_t at) const {
  const Clause clause = reading.clause_of(at);
  std::vector<Read<Laterality>> sides;
  for (const PhraseMatch& side : matches) {
    if (side.kind != PhraseKind::Laterality || side.begin < clause.first ||
        side.end > clause.second || reading.comparison_words[side.begin]) {
      continue;
    }
    sides.push_back({wordings_.laterality[side.wording].term, words_of(item, side.begin, side.end),
                     span_of(item, side.begin, side.end), side.begin});
  }
  std::optional<Read<Laterality>> named = side_named(sides);
  if (!named) named = reading.heading_side;
  return named ? named->value : Laterality::Unknown;
}

// A disease of the past the sentence names with no calcification word ("History of DCIS in the
// left breast, status post lumpectomy", "Prior right breast carcinoma treated 2019", "Z. n.
// Mammakarzinom rechts"): the lexicon's disease words in a historical context (narrative.md §3).
// No current finding, and never gone without trace: listed as a historical mention naming the
// disease, quoting its sentence (E6 quotes it where the text is the report's; a
// narrative-unresolved note instead made E8 put the exam at 0). One per sentence; a denied one ("No
// history of breast cancer") is none.
void Reader::read_history(const Item& item, const SentenceReading& reading,
                          const std::vector<PhraseMatch>& matches) {
  if (names_composition(matches)) return;
  for (std::size_t k = reading.range->begin; k < reading.range->end; ++k) {
    if (!names_disease(item, reading, k)) continue;
    ContextReading context = status_of(item, reading, k, k + 1, false);
    if (context.status != MentionStatus::Historical) continue;
    NarrativeReading::History history;
    history.mention.status = MentionStatus::Historical;
    history.mention.sentence = reading.sentence;
    history.mention.words = words_of(item, k, k + 1);
    history.mention.span = span_of(item, k, k + 1);
    history.mention.trigger = std::move(context.trigger);
    history.mention.laterality = breast_of_clause(item, reading, matches, k);
    history.before = reading_.mentions.size();
    reading_.histories.push_back(std::move(history));
    return;
  }
}

bool Reader::all_of_relatives(const Item& item, const SentenceReading& reading,
                              const std::vector<Read<Category>>& assessment) const {
  return std::all_of(assessment.begin(), assessment.end(), [&](const Read<Category>& read) {
    return said_of_a_relative(item, reading, read.token);
  });
}

bool Reader::said_of_a_relative(const Item& item, const SentenceReading& reading,
                                std::size_t at) const {
  // The patient named too ("Patient and her sister both have breast cancer", "Both she and her
  // mother …"; review of the change) makes it hers as well.
  if (words_.any_in(item.tokens, reading.range->begin, reading.range->end,
                    FunctionWordRole::PatientToo)) {
    return false;
  }
  const std::size_t from = part_of(item, reading, at).first;
  if (any_token(item, from, at, [this](const Token& token) {
        return words_.is(token, FunctionWordRole::NoFindingNoun);
      })) {
    return false;
  }
  return any_token(item, from, at, [this](const Token& token) {
    return words_.is(token, FunctionWordRole::FamilyMember);
  });
}

// A suspicion the sentence states now with no calcification word, that nothing before took and
// that is of no other finding ("DCIS in the left breast cannot be excluded", "Findings in the left
// breast concerning for DCIS", "Left breast: carcinoma cannot be ruled out"): in a mammography
// report it may well be of calcifications, so it is never dropped. An uncertain finding of its
// own, of the breast its clause names, with the assessment words as read (hostile review 42,
// H42-1: beside benign coded findings the sentence was gone and the exam benign, unreviewed).
// Assessment words already leave out denied, past, compared and other findings' ones; a disease
// word counts where the sentence affirms or doubts it now.
void Reader::read_unplaced_suspicion(const Item& item, const SentenceReading& reading,
                                     const std::vector<PhraseMatch>& matches,
                                     const std::vector<bool>* clauses_read) {
  const SentenceRange& range = *reading.range;
  if (is_past_section(range.section) || range.section == ReportSection::Composition) return;
  // A clause that describes the breast or affirms another finding holds no suspicion of
  // calcifications ("dense, which may obscure small masses"; "a mass, concerning for carcinoma":
  // the mass's, kept as a finding of its own); one that denies it ("No mass; DCIS …") or another
  // clause of the sentence does not count (review 43, R43-1).
  const auto of_another_finding = [&](std::size_t clause) {
    // Named, not bound: a structured binding cannot be captured by the lambda below (C++17).
    const std::size_t begin = reading.clauses[clause].first;
    const std::size_t end = reading.clauses[clause].second;
    const auto affirmed = [&](std::size_t from, std::size_t to) {
      return gives_finding(status_of(item, reading, from, to, false).status);
    };
    const bool lesion = std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& match) {
      if (match.begin < begin || match.begin >= end) return false;
      if (match.kind == PhraseKind::Composition) return true;
      return is_other_lesion(match.kind) && affirmed(match.begin, match.end);
    });
    if (lesion) return true;
    for (std::size_t k = begin; k < end; ++k) {
      if (words_.is(item.tokens[k], FunctionWordRole::OtherFinding) && affirmed(k, k + 1)) {
        return true;
      }
    }
    return false;
  };
  // The first clause that states a suspicion (assessment words, which leave out denied, past,
  // compared and other findings' ones) or names a disease it affirms or doubts now.
  std::optional<std::size_t> clause;
  std::optional<std::size_t> disease;
  // A relative's disease is no suspicion of the patient's ("IMPRESSION: … Father had prostate
  // cancer"; hostile review 67: read as a 4).
  for (std::size_t c = 0; c < reading.clauses.size() && !clause; ++c) {
    if (of_another_finding(c)) continue;
    const auto& assessment = reading.clause_descriptors[c].assessment;
    // Beside calcifications the sentence names, only a clause neither a mention nor a contrast
    // read: "Round calcifications at 7 o'clock; DCIS is a consideration" (hostile review 71: the
    // suspicion was dropped and the finding it restated stayed benign).
    if (clauses_read != nullptr && (*clauses_read)[c]) continue;
    if (!assessment.empty() && !all_of_relatives(item, reading, assessment)) {
      clause = c;
      break;
    }
    const auto [begin, end] = reading.clauses[c];
    for (std::size_t k = begin; k < end && !clause; ++k) {
      if (!names_disease(item, reading, k) || reading.hypothesis_words[k] ||
          reading.comparison_words[k] || said_of_a_relative(item, reading, k)) {
        continue;
      }
      if (gives_finding(status_of(item, reading, k, k + 1, false).status)) {
        clause = c;
        disease = k;
      }
    }
  }
  if (!clause) return;
  // Its descriptors, and the breast it names (else the heading's).
  Candidate own;
  own.descriptors = reading.clause_descriptors[*clause];
  own.laterality_read = side_named(own.descriptors.sides);
  if (!own.laterality_read) own.laterality_read = reading.heading_side;
  own.descriptors.sides.clear();
  const std::string named =
      disease ? words_of(item, *disease, *disease + 1) : own.descriptors.assessment.front().words;
  add_uncertain(own, item, reading,
                "a suspicion (\"" + named +
                    "\") with no calcification word of its own, read as uncertain "
                    "calcifications");
}

// "…, nicht rechts", "Links, nicht rechts, …", "…, not right": a part of a group's clause, between
// coordinators, that clears the other breast. The group does not take that breast
// (leave_cleared_breasts); the breast is listed as a negated mention, so the summary shows what was
// read of it (hostile review 24), as a clause of its own ("…, but not in the right breast") is
// (read_mentions).
void Reader::list_breasts_cleared_in_parts(const Item& item, const SentenceReading& reading) {
  for (const auto& [begin, end] : reading.clauses) {
    const auto first = std::find_if(reading.mentions.begin(), reading.mentions.end(),
                                    [begin = begin, end = end](const PhraseMatch& mention) {
                                      return mention.begin >= begin && mention.begin < end;
                                    });
    if (first == reading.mentions.end()) continue;
    std::size_t part_begin = begin;
    for (std::size_t k = begin; k <= end; ++k) {
      if (k < end && !words_.ends_part(item.tokens[k])) continue;
      list_breast_cleared_in(item, reading, part_begin, k);
      part_begin = k + 1;
    }
  }
}

// One part, tokens [begin, end): a negation, one breast and at most three other words ("nicht
// rechts", "not in the right breast"), no mention, descriptor or other finding of its own.
Reader::ClearingClause Reader::clearing_clause(const Item& item, const SentenceReading& reading,
                                               std::size_t begin, std::size_t end) const {
  ClearingClause clause;
  for (std::size_t k = begin; k < end; ++k) {
    const Token& token = item.tokens[k];
    const auto trigger =
        std::find_if(reading.triggers.begin(), reading.triggers.end(),
                     [k](const Trigger& each) { return each.begin <= k && k < each.end; });
    if (trigger != reading.triggers.end()) {
      if (trigger->role == ContextRole::Negated && clause.negation == nullptr) {
        clause.negation = &*trigger;
      }
      if (trigger->role != ContextRole::Negated && trigger->role != ContextRole::Terminator) {
        clause.other_thing = true;
      }
      continue;
    }
    if (reading.breast_words[k] || token.kind != TokenKind::Word) continue;
    if (reading.descriptor_words[k] || reading.other_exam_words[k] ||
        words_.is(token, FunctionWordRole::OtherFinding)) {
      clause.other_thing = true;
    }
    ++clause.other_words;
  }
  return clause;
}

void Reader::list_breast_cleared_in(const Item& item, const SentenceReading& reading,
                                    std::size_t begin, std::size_t end) {
  const ClearingClause clause = clearing_clause(item, reading, begin, end);
  if (!clause.clears()) return;
  const Trigger* negation = clause.negation;
  const bool own_mention = std::any_of(
      reading.mentions.begin(), reading.mentions.end(),
      [&](const PhraseMatch& mention) { return mention.begin >= begin && mention.begin < end; });
  if (own_mention) return;
  std::vector<Read<Laterality>> named;
  for (const PhraseMatch& match : item.matches) {
    if (match.kind != PhraseKind::Laterality || match.begin < begin || match.end > end) continue;
    named.push_back({wordings_.laterality[match.wording].term, "", {}, match.begin});
  }
  const std::optional<Read<Laterality>> breast = side_named(named);
  if (!breast || (breast->value != Laterality::Left && breast->value != Laterality::Right)) return;
  std::size_t words_end = end;  // without the sentence's stop
  while (words_end > negation->end && item.tokens[words_end - 1].kind == TokenKind::Punct) {
    --words_end;
  }
  TextMention mention;
  mention.sentence = reading.sentence;
  mention.words = words_of(item, negation->begin, words_end);
  mention.span = span_of(item, negation->begin, words_end);
  mention.trigger = words_of(item, negation->begin, negation->end);
  mention.status = MentionStatus::Negated;
  mention.laterality = breast->value;
  reading_.mentions.push_back(std::move(mention));
}

// Every clause's descriptors, a clause of two groups on two breasts cut between them (the cut
// parts replace it in reading.clauses); then the sentence's sides, for clauses that name none.
void Reader::read_clause_descriptors(const Item& item, SentenceReading& reading,
                                     const std::vector<PhraseMatch>& matches) {
  // A clause cut where a part about a breast compared with opens, and again where the next
  // breast is named ("Unlike the right breast, where …, the left breast …"); a part whose
  // relative word ends its clause ("which" ends one; "… wie rechts, wo | jedoch neu …") goes on
  // in the clauses after it, to that breast.
  std::vector<Clause> pieces;
  std::vector<std::optional<Read<Laterality>>> compared_breast_of_piece;
  const auto add_piece = [&](std::size_t from, std::size_t to,
                             std::optional<Read<Laterality>> compared) {
    if (from >= to) return;
    pieces.emplace_back(from, to);
    compared_breast_of_piece.push_back(std::move(compared));
  };
  std::optional<ComparedBreastPart> going_on;
  for (const Clause& clause : reading.clauses) {
    std::size_t from = clause.first;
    if (going_on) {
      const std::size_t to = std::min(going_on->end, clause.second);
      add_piece(from, to, going_on->breast);
      from = to;
      if (going_on->end <= clause.second) going_on.reset();
      if (from >= clause.second) continue;
    }
    const auto part = part_of_compared_breast(item, reading, matches, Clause{from, clause.second});
    if (!part) {
      add_piece(from, clause.second, std::nullopt);
      continue;
    }
    if (part->relative + 1 >= clause.second) {
      add_piece(from, clause.second, std::nullopt);
      going_on = part;
      continue;
    }
    add_piece(from, part->begin, std::nullopt);
    const std::size_t part_end = std::min(part->end, clause.second);
    add_piece(part->begin, part_end, part->breast);
    add_piece(part_end, clause.second, std::nullopt);
  }
  std::vector<Clause> clauses;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const Clause& clause = pieces[p];
    Descriptors descriptors = read_descriptors(item, reading, clause.first, clause.second, matches);
    if (const auto& compared = compared_breast_of_piece[p]) {
      descriptors.sides.push_back(*compared);
      clauses.push_back(clause);
      reading.clause_descriptors.push_back(std::move(descriptors));
      reading.compared_breast_of_clause.resize(clauses.size());
      reading.compared_breast_of_clause.back() = compared;
      continue;
    }
    std::vector<PhraseMatch> second_groups;
    std::vector<Clause> parts =
        cut_by_breast(item, reading, clause, descriptors, matches, second_groups);
    if (parts.size() == 1) parts = cut_by_place(item, reading, clause, descriptors);
    for (const PhraseMatch& group : second_groups) insert_mention(reading.mentions, group);
    if (parts.size() == 1) {
      clauses.push_back(clause);
      reading.clause_descriptors.push_back(std::move(descriptors));
      continue;
    }
    for (const auto& [begin, end] : parts) {
      clauses.emplace_back(begin, end);
      reading.clause_descriptors.push_back(read_descriptors(item, reading, begin, end, matches));
    }
    share_words_across_parts(item, reading, parts, second_groups, matches);
  }
  reading.clauses = std::move(clauses);
  reading.compared_breast_of_clause.resize(reading.clauses.size());
  add_groups_named_by_their_kind(item, reading);
  add_second_groups_of_later_clauses(item, reading);
  // A part about a breast compared with names that breast for itself only: "Left breast: fewer
  // calcifications than the right, which …" keeps the left for the first part.
  for (std::size_t c = 0; c < reading.clause_descriptors.size(); ++c) {
    if (reading.compared_breast_of_clause[c]) continue;
    const std::vector<Read<Laterality>>& sides = reading.clause_descriptors[c].sides;
    reading.sides.insert(reading.sides.end(), sides.begin(), sides.end());
  }
}

// The words the parts of one cut clause (the last parts.size() of reading.clause_descriptors)
// may share, the more suspicious reading standing (decision-logic.md §1):
// - "Ones", "those" may stand for the first group's kind as well ("fine pleomorphic
//   calcifications on the right and new ones on the left"): a second group named so keeps the
//   suspicious kinds of the group before it when it names none, and its duct-following
//   arrangement when it names none, never its benign ones.
// - Assessment words after the last breast, behind a comma ("… and a new cluster on the left,
//   suspicious"), may be said of every group: each keeps them.
void Reader::share_words_across_parts(const Item& item, SentenceReading& reading,
                                      const std::vector<Clause>& parts,
                                      const std::vector<PhraseMatch>& second_groups,
                                      const std::vector<PhraseMatch>& matches) const {
  std::vector<Descriptors>& described = reading.clause_descriptors;
  const std::size_t first_part = described.size() - parts.size();
  for (std::size_t p = 1; p < parts.size(); ++p) {
    const Clause& part = parts[p];
    const bool pronoun =
        std::any_of(second_groups.begin(), second_groups.end(), [&](const PhraseMatch& group) {
          return group.begin >= part.first && group.begin < part.second;
        });
    if (!pronoun) continue;
    Descriptors& own = described[first_part + p];
    const Descriptors& before = described[first_part + p - 1];
    if (own.morphology.empty()) {
      std::copy_if(before.morphology.begin(), before.morphology.end(),
                   std::back_inserter(own.morphology),
                   [](const Read<Morphology>& read) { return is_suspicious(read.value); });
    }
    if (own.distribution.empty()) {
      std::copy_if(before.distribution.begin(), before.distribution.end(),
                   std::back_inserter(own.distribution),
                   [](const Read<Distribution>& read) { return follows_a_duct(read.value); });
    }
  }
  const Descriptors& last = described.back();
  const Clause& last_part = parts.back();
  std::size_t tail = last_part.second;  // the first comma after the last breast named
  for (std::size_t k = last_part.second; k > last_part.first;) {
    --k;
    const bool side_after =
        std::any_of(last.sides.begin(), last.sides.end(),
                    [k](const Read<Laterality>& side) { return side.token > k; });
    if (side_after) break;
    if (is_punct(item.tokens[k], ',')) tail = k;
  }
  if (tail == last_part.second) return;
  const Descriptors shared = read_descriptors(item, reading, tail, last_part.second, matches);
  for (std::size_t p = first_part; p + 1 < described.size(); ++p) {
    described[p].assessment.insert(described[p].assessment.end(), shared.assessment.begin(),
                                   shared.assessment.end());
  }
}

namespace {

// Whether a sentence says nothing after its likewise word but which breast ("Left breast same.",
// "Likewise in the left breast.", "Links wie rechts."): nothing, or a breast with at most three
// other words and no more than one after it. "The left breast is also unremarkable.", "Links
// ebenfalls unauffällig.", "Left breast: benign, same as before." say something else of the breast:
// no group of the calcifications just described. With Places::Too a clock position, quadrant or
// region counts as a breast does ("Another at 9 o'clock.").
enum class Places { BreastsOnly, Too };

// The tokens the sentence's breast reads span, and with Places::Too its clock, quadrant and region
// reads: every token of the read's text ("9:00", "upper-outer" are more tokens than words).
std::vector<bool> tokens_of_places(const std::vector<Token>& tokens, const SentenceReading& reading,
                                   Places places) {
  std::vector<bool> marked(tokens.size(), false);
  const auto cover = [&](const auto& read) {
    for (std::size_t k = read.token;
         k < marked.size() && (k == read.token || tokens[k].begin < read.span.end); ++k) {
      marked[k] = true;
    }
  };
  for (const Descriptors& descriptors : reading.clause_descriptors) {
    for (const Read<Laterality>& side : descriptors.sides) cover(side);
    if (places == Places::Too) {
      if (descriptors.clock) cover(*descriptors.clock);
      if (descriptors.quadrant) cover(*descriptors.quadrant);
      if (descriptors.region) cover(*descriptors.region);
    }
  }
  return marked;
}

bool only_breasts_after(const std::vector<Token>& tokens, const SentenceReading& reading,
                        const FunctionWords& function_words, std::size_t likewise,
                        Places places = Places::BreastsOnly) {
  const std::vector<bool> names_breast = tokens_of_places(tokens, reading, places);
  constexpr std::size_t kMostOtherWords = 3;  // "in the … breast", "on the", "in der"
  std::size_t other_words = 0;
  std::size_t since_breast = 0;  // words after the last that names a breast
  bool any_breast = false;
  for (std::size_t k = likewise + 1; k < reading.range->end; ++k) {
    // A breast compared with ("as on the right", "wie rechts") is a breast word too; a place may
    // be no word ("9:00").
    if (names_breast[k] || reading.breast_words[k]) {
      any_breast = true;
      since_breast = 0;
      continue;
    }
    if (tokens[k].kind != TokenKind::Word) continue;
    // "Links gleicher Befund.", "Left breast: same findings.": the finding noun says no more.
    if (function_words.is(tokens[k], FunctionWordRole::FindingNoun)) continue;
    ++other_words;
    ++since_breast;
  }
  if (other_words == 0) return true;
  return any_breast && other_words <= kMostOtherWords && since_breast <= 1;
}

// A breast named after the likewise word, where the sentence names its own breast before it or
// under its heading ("Links: wie rechts.", "Left breast as on the right.", "Links: Befund wie
// rechts."), is the breast compared with: the group is on the breast named first, never on the
// one compared with (hostile review 20: the left breast's group was dropped). A phrase that names
// both ("Links wie rechts.") starts before the likewise word and stays.
void leave_the_compared_breast(SentenceReading& reading, std::size_t likewise) {
  const bool named_before =
      reading.range->heading_laterality != Laterality::Unknown ||
      std::any_of(reading.clause_descriptors.begin(), reading.clause_descriptors.end(),
                  [likewise](const Descriptors& descriptors) {
                    return std::any_of(
                        descriptors.sides.begin(), descriptors.sides.end(),
                        [likewise](const Read<Laterality>& side) { return side.token < likewise; });
                  });
  if (!named_before) return;
  for (Descriptors& descriptors : reading.clause_descriptors) {
    auto& sides = descriptors.sides;
    sides.erase(
        std::remove_if(sides.begin(), sides.end(),
                       [likewise](const Read<Laterality>& side) { return side.token > likewise; }),
        sides.end());
  }
}

}  // namespace

// A group named in a later sentence only by "same", "those" or "a similar cluster" ("Left breast
// same.") may be the calcifications just described: it keeps their suspicious kinds and their
// duct-following arrangement, quoted where they were read, never their benign ones (as a second
// group in one clause does).
void Reader::inherit_suspicious_kinds(SentenceReading& reading, std::size_t group) const {
  const auto clause = std::find_if(
      reading.clauses.begin(), reading.clauses.end(),
      [group](const Clause& each) { return each.first <= group && group < each.second; });
  if (clause == reading.clauses.end()) return;
  Descriptors& own =
      reading.clause_descriptors[static_cast<std::size_t>(clause - reading.clauses.begin())];
  if (!own.morphology.empty() || !own.distribution.empty()) return;
  for (const std::size_t index : described_last_) {
    const Finding& described = reading_.findings[index];
    const auto read_of = [&](NarrativeField field, const std::string& value) {
      const auto& quoted = described.text_evidence;
      const auto found = std::find_if(quoted.begin(), quoted.end(), [&](const TextEvidence& each) {
        return each.field == field && each.value == value;
      });
      return found != quoted.end()
                 ? std::pair<std::string, TextSpan>(found->words, found->span)
                 : std::pair<std::string, TextSpan>(value, TextSpan{described.position, 0, 0});
    };
    for (const auto& morphology : described.morphology) {
      if (!is_suspicious(morphology.term)) continue;
      auto [words, span] =
          read_of(NarrativeField::Morphology, std::string(to_string(morphology.term)));
      own.morphology.push_back({morphology.term, std::move(words), span, group});
    }
    if (described.distribution && follows_a_duct(described.distribution->term)) {
      const Distribution term = described.distribution->term;
      auto [words, span] = read_of(NarrativeField::Distribution, std::string(to_string(term)));
      own.distribution.push_back({term, std::move(words), span, group});
    }
  }
}

namespace {

// The suspicious kinds and duct-following arrangement of the clause holding token `from`, given
// to the clause holding token `to` where that names no kind or arrangement of its own ("…; the
// same in the left breast"): never the benign ones, as "ones" and "those" inherit.
void share_suspicious_kinds_in_sentence(SentenceReading& reading, std::size_t from,
                                        std::size_t to) {
  const auto holding = [&reading](std::size_t token) -> std::optional<std::size_t> {
    for (std::size_t c = 0; c < reading.clauses.size(); ++c) {
      if (reading.clauses[c].first <= token && token < reading.clauses[c].second) return c;
    }
    return std::nullopt;
  };
  const auto source = holding(from);
  const auto target = holding(to);
  if (!source || !target || *source == *target) return;
  const Descriptors given = reading.clause_descriptors[*source];
  Descriptors& own = reading.clause_descriptors[*target];
  if (!own.morphology.empty() || !own.distribution.empty()) return;
  for (const Read<Morphology>& read : given.morphology) {
    if (is_suspicious(read.value)) own.morphology.push_back(read);
  }
  for (const Read<Distribution>& read : given.distribution) {
    if (follows_a_duct(read.value)) own.distribution.push_back(read);
  }
}

}  // namespace

// The group word that heads the sentence's first clause after at most a few words besides breasts
// and places, where the sentence names a breast or a place ("Stable left 2 o'clock cluster"); none
// where another word stands first or nothing places it.
std::optional<std::size_t> Reader::group_placed_before_it(const Item& item,
                                                          const SentenceReading& reading) const {
  const std::vector<Token>& tokens = item.tokens;
  const std::size_t begin = reading.clauses.front().first;
  const std::size_t end = reading.clauses.front().second;
  // Most sentences hold no group word: nothing to mark for them.
  if (!words_.any_in(tokens, begin, end, FunctionWordRole::SecondGroup)) return std::nullopt;
  const std::vector<bool> place = tokens_of_places(tokens, reading, Places::Too);
  // From the reads, not the marks: those span the whole item, and a scan of them per sentence
  // made a 1 MiB item quadratic (the fuzzer's dense seed).
  const bool placed = std::any_of(
      reading.clause_descriptors.begin(), reading.clause_descriptors.end(),
      [](const Descriptors& d) { return !d.sides.empty() || d.clock || d.quadrant || d.region; });
  constexpr std::size_t kMostWordsBefore = 6;  // "the known left breast 2 o'clock"
  std::size_t words = 0;
  for (std::size_t k = begin; k < end; ++k) {
    const Token& token = tokens[k];
    if (words_.is(token, FunctionWordRole::SecondGroup)) {
      const bool named = !refers_back(token, words_) && (placed || reading.breast_words[k]);
      return named ? std::optional<std::size_t>(k) : std::nullopt;
    }
    if (place[k] || reading.breast_words[k] || token.kind != TokenKind::Word) continue;
    if (++words > kMostWordsBefore) return std::nullopt;
  }
  return std::nullopt;
}

// A group named by its kind and a group word, with no calcification word ("a few linear
// branching ones at 2 o'clock", "a group of fine pleomorphic ones", "eine Gruppe feinlinear
// verzweigter bei 2 Uhr"): calcifications, a mention at the group word wherever it stands in
// the sentence (hostile review 96, S2: after a denial, "Left breast: no mass, a few linear
// branching ones at 2 o'clock" was dropped without trace).
void Reader::add_groups_named_by_their_kind(const Item& item, SentenceReading& reading) const {
  const std::vector<Token>& tokens = item.tokens;
  const auto group_word = [&](std::size_t at) {
    return at >= reading.range->begin && at < reading.range->end &&
           words_.is(tokens[at], FunctionWordRole::SecondGroup) &&
           std::none_of(reading.mentions.begin(), reading.mentions.end(),
                        [at](const PhraseMatch& mention) {
                          return mention.begin <= at && at < mention.end;
                        });
  };
  // After calcifications the sentence affirms, "ones" are those ("Calcifications, e.g. punctate
  // ones, in the left breast"); a second group of them is read where they are cut by breast or
  // place.
  const auto affirmed_before = [&](std::size_t at) {
    return std::any_of(
        reading.mentions.begin(), reading.mentions.end(), [&](const PhraseMatch& mention) {
          return mention.begin < at &&
                 status_of(item, reading, mention.begin, mention.end, false).status !=
                     MentionStatus::Negated;
        });
  };
  std::vector<std::size_t> groups;
  for (const Descriptors& descriptors : reading.clause_descriptors) {
    for (const Read<Morphology>& kind : descriptors.morphology) {
      if (affirmed_before(kind.token)) continue;
      std::size_t after = kind.token;
      while (after < reading.range->end && tokens[after].begin < kind.span.end) ++after;
      // The kind of calcifications named right after it ("group of punctate calcifications").
      // Nor another finding's ("a group of round cysts", "round masses": review of session 61).
      const bool of_a_mention =
          std::any_of(reading.mentions.begin(), reading.mentions.end(),
                      [after](const PhraseMatch& mention) { return mention.begin == after; });
      const bool of_another_finding =
          after < reading.range->end && (words_.is(tokens[after], FunctionWordRole::OtherFinding) ||
                                         words_.is(tokens[after], FunctionWordRole::LesionNoun));
      if (of_a_mention || of_another_finding) continue;
      // "… ones" right after the kind; "group of …", "Gruppe …" right before it.
      constexpr std::size_t kWordsBefore = 2;
      std::optional<std::size_t> group;
      if (group_word(after)) group = after;
      for (std::size_t back = 1; !group && back <= kWordsBefore && back <= kind.token; ++back) {
        const std::size_t at = kind.token - back;
        if (group_word(at) && !words_.is(tokens[at], FunctionWordRole::RefersBack)) group = at;
      }
      if (group && std::find(groups.begin(), groups.end(), *group) == groups.end()) {
        groups.push_back(*group);
      }
    }
  }
  for (const std::size_t group : groups) insert_mention(reading.mentions, word_mention(group));
}

// "Apart from 9 o'clock, no other calcifications in the left breast", "Except at 9 o'clock, no
// calcifications", "Außer bei 9 Uhr keine Verkalkungen": an exception that opens the sentence and
// names a place before its comma, where the rest denies calcifications: the place holds the
// calcifications denied elsewhere (hostile review 94, S6: read as negated only, benign). A group of
// its own there, as an exception after the negation gives ("… except at 9 o'clock"). Words besides
// the place (the clip "apart from the clip at 9 o'clock") cannot be told from the calcifications:
// a few are let through, the radiologist reads the group.
void Reader::add_group_of_a_leading_exception(const Item& item, SentenceReading& reading) const {
  const std::size_t end = reading.range->end;
  // After the breast it is of, and an "otherwise" ("Links außer bei 9 Uhr keine Verkalkungen",
  // "Rechts ansonsten, abgesehen von 10 Uhr, keine Verkalkungen": hostile review 96, S1).
  std::size_t begin = reading.range->begin;
  while (begin < end && (reading.breast_words[begin] || is_punct(item.tokens[begin], ',') ||
                         is_punct(item.tokens[begin], ':') ||
                         words_.is(item.tokens[begin], FunctionWordRole::Otherwise))) {
    ++begin;
  }
  if (begin >= end) return;
  // Opening the sentence, an exception word needs no terminator to end a negation before it
  // ("Beyond the 9 o'clock cluster, …"; "extend beyond the mass" goes on in its clause).
  const std::size_t phrase = words_.phrase_length(item.tokens, begin, FunctionWordRole::Excepts);
  if (phrase == 0) return;
  // The exception ends at its comma, or where the denial starts ("Außer bei 9 Uhr keine …").
  const auto denial_at = [&](std::size_t token) {
    return reading.starts_in(ContextRole::Negated, token, token + 1);
  };
  std::size_t comma = begin + phrase;
  while (comma < end && !is_punct(item.tokens[comma], ',') && !denial_at(comma)) ++comma;
  if (comma >= end) return;
  const auto within = [&](std::size_t token) { return token >= begin && token < comma; };
  const bool mention_in_exception =
      std::any_of(reading.mentions.begin(), reading.mentions.end(),
                  [&](const PhraseMatch& mention) { return within(mention.begin); });
  // The denial is of calcifications named after it ("…, no other calcifications"), not of
  // something else ("Apart from the biopsy clip at 9 o'clock, no change": review of session 61).
  const bool denied_after =
      std::any_of(reading.triggers.begin(), reading.triggers.end(), [&](const Trigger& trigger) {
        return trigger.role == ContextRole::Negated && trigger.begin >= comma &&
               std::any_of(
                   reading.mentions.begin(), reading.mentions.end(),
                   [&](const PhraseMatch& mention) {
                     return mention.begin >= trigger.end &&
                            status_of(item, reading, mention.begin, mention.end, false).status ==
                                MentionStatus::Negated;
                   });
      });
  const bool names_place = std::any_of(
      reading.clause_descriptors.begin(), reading.clause_descriptors.end(),
      [&](const Descriptors& d) {
        return (d.clock && within(d.clock->token)) || (d.quadrant && within(d.quadrant->token)) ||
               (d.region && within(d.region->token)) ||
               std::any_of(d.sides.begin(), d.sides.end(),
                           [&](const Read<Laterality>& side) { return within(side.token); });
      });
  if (mention_in_exception || !denied_after || !names_place) return;
  insert_mention(reading.mentions, word_mention(begin));
}

// A clause after the first mention of its sentence with no calcification word of its own, that
// speaks of "those" or "a group" ("…, whereas those in the left breast are new"; "…; those in the
// right breast are stable"): that word is a mention of its own, so the group is a candidate with
// its own breast and words (not dropped, and not given the first group's).
void Reader::add_second_groups_of_later_clauses(const Item& item, SentenceReading& reading) const {
  // The first word of `role` among the first `most` words of [begin, end): another finding's noun
  // ends the search (its words are that finding's).
  const auto word_of_role = [&](std::size_t begin, std::size_t end, FunctionWordRole role,
                                std::size_t most) -> std::optional<std::size_t> {
    for (std::size_t k = begin, words = 0; k < end && words < most; ++k) {
      if (item.tokens[k].kind != TokenKind::Word) continue;
      ++words;
      if (words_.is(item.tokens[k], FunctionWordRole::OtherFinding)) break;
      if (words_.is(item.tokens[k], role)) return k;
    }
    return std::nullopt;
  };
  constexpr std::size_t kAnyWord = std::numeric_limits<std::size_t>::max();
  // "Similar calcifications in the other breast", "Ähnliche Mikroverkalkungen auf der Gegenseite":
  // a likewise word right before a calcification word, after calcifications were described, names
  // those calcifications again: their suspicious kinds are this group's too, as "the same" gives
  // them (inherit_suspicious_kinds: never their benign ones). One said in a comparison phrase is
  // not.
  if (!described_last_.empty()) {
    for (const PhraseMatch& mention : reading.mentions) {
      const std::size_t before = mention.begin;
      if (before == reading.range->begin) continue;
      const std::size_t likewise = before - 1;
      if (!words_.is(item.tokens[likewise], FunctionWordRole::Likewise) ||
          reading.comparison_words[likewise]) {
        continue;
      }
      inherit_suspicious_kinds(reading, mention.begin);
    }
  }
  // A sentence after calcifications were described that opens with "those" or "the ones"
  // ("Those in the right breast are suspicious."), or a later clause of it that does ("The left
  // breast is unremarkable except for a similar cluster at 2 o'clock."): a group of its own,
  // never dropped. So is "Left breast same." ("Linke Brust: ebenso."): the calcifications just
  // named, on the breast the sentence names (its heading's or its own).
  if (reading.mentions.empty() && !described_last_.empty()) {
    constexpr std::size_t kOpeningWords = 3;
    constexpr std::size_t kLaterClauseWords = 5;  // "except for a similar cluster"
    // A sentence that opens with what it compares with ("Compared to 2024, the group at 2
    // o'clock has grown", "Im Vergleich zur Voruntersuchung ist die Gruppe zunehmend") opens
    // after it (hostile review 23: the growth was dropped).
    std::size_t lead = reading.range->begin;
    while (lead < reading.range->end &&
           (reading.comparison_words[lead] || is_punct(item.tokens[lead], ','))) {
      ++lead;
    }
    std::optional<std::size_t> group;
    for (std::size_t c = 0; c < reading.clauses.size() && !group; ++c) {
      const std::size_t first =
          c == 0 ? std::max(reading.clauses[c].first, lead) : reading.clauses[c].first;
      group = word_of_role(first, reading.clauses[c].second, FunctionWordRole::SecondGroup,
                           c == 0 ? kOpeningWords : kLaterClauseWords);
    }
    const bool names_breast =
        reading.range->heading_laterality != Laterality::Unknown ||
        std::any_of(reading.clause_descriptors.begin(), reading.clause_descriptors.end(),
                    [](const Descriptors& d) { return !d.sides.empty(); });
    if (!group && names_breast) {
      group = word_of_role(reading.range->begin, reading.range->end, FunctionWordRole::Likewise,
                           kAnyWord);
      if (group && !only_breasts_after(item.tokens, reading, words_, *group)) {
        group.reset();
      } else if (group) {
        leave_the_compared_breast(reading, *group);
      }
    }
    // "A few in the left breast.", "Another at 9 o'clock.", "Also some on the left.", "Auch
    // links.", "Ebenso bei 9 Uhr.": a more-of or likewise word among the first words and nothing
    // said but where: more of the calcifications just named, there (hostile review 91: dropped
    // beside a benign group).
    const bool names_place =
        names_breast ||
        std::any_of(reading.clause_descriptors.begin(), reading.clause_descriptors.end(),
                    [](const Descriptors& d) { return d.clock || d.quadrant || d.region; });
    std::size_t group_at = group.value_or(kAnyWord);
    if (group_at == kAnyWord && names_place) {
      // A more-of word first, else a likewise word, among the opening words.
      for (const FunctionWordRole opener : {FunctionWordRole::MoreOf, FunctionWordRole::Likewise}) {
        if (group_at != kAnyWord) break;
        group_at = word_of_role(lead, reading.range->end, opener, kOpeningWords).value_or(kAnyWord);
      }
      // "Auch links unauffällig." clears the breast it names (review of session 60).
      const bool clears = words_.any_in(item.tokens, reading.range->begin, reading.range->end,
                                        FunctionWordRole::ClearsBreast) ||
                          words_.any_in(item.tokens, reading.range->begin, reading.range->end,
                                        FunctionWordRole::CallsBenign);
      if (group_at != kAnyWord &&
          (clears || !only_breasts_after(item.tokens, reading, words_, group_at, Places::Too))) {
        group_at = kAnyWord;
      }
    }
    if (group_at != kAnyWord) {
      reading.mentions.push_back(word_mention(group_at));
      inherit_suspicious_kinds(reading, group_at);
    }
  }
  // With nothing described before, a sentence that opens with "group" or "cluster" and places it
  // ("The group at 2 o'clock in the left breast has increased in number."): a group of
  // calcifications in a mammography report (BI-RADS "grouped"), never dropped; beside coded
  // findings it is theirs to pair with.
  if (reading.mentions.empty() && described_last_.empty() && !reading.clauses.empty()) {
    constexpr std::size_t kOpeningWords = 3;
    const Descriptors& first = reading.clause_descriptors.front();
    const bool placed = first.clock || first.quadrant;
    const auto group = word_of_role(reading.clauses.front().first, reading.clauses.front().second,
                                    FunctionWordRole::SecondGroup, kOpeningWords);
    const bool named_group = group && !refers_back(item.tokens[*group], words_);
    if (placed && named_group) reading.mentions.push_back(word_mention(*group));
  }
  // A group placed by the words before it ("Stable left 2 o'clock cluster.", "The known left
  // breast 2 o'clock group is unchanged.", "Der bekannte Cluster links ist konstant."): the
  // sentence's head noun, after at most a few words besides breasts and places; a group of
  // calcifications wherever the place stands (hostile review 96, S5: dropped beside a coded group
  // of the other breast).
  if (reading.mentions.empty() && !reading.clauses.empty()) {
    if (const auto group = group_placed_before_it(item, reading)) {
      reading.mentions.push_back(word_mention(*group));
    }
  }
  if (reading.mentions.empty()) return;
  add_group_of_a_leading_exception(item, reading);
  for (const auto& [begin, end] : reading.clauses) {
    if (begin <= reading.mentions.front().begin) continue;
    const bool has_mention = std::any_of(reading.mentions.begin(), reading.mentions.end(),
                                         [begin = begin, end = end](const PhraseMatch& match) {
                                           return match.begin >= begin && match.begin < end;
                                         });
    if (has_mention) continue;
    // "…; none on the right": a group that is not there, negated by its own word.
    auto group = word_of_role(begin, end, FunctionWordRole::SecondGroup, kAnyWord);
    if (!group) group = word_of_role(begin, end, FunctionWordRole::NegatedGroup, kAnyWord);
    if (group) {
      insert_mention(reading.mentions, word_mention(*group));
      continue;
    }
    // "…; the same in the left breast", "…; ebenso links": the calcifications of the sentence's
    // first group, on the breast this part names (hostile review 23: the left group was
    // dropped). Their suspicious kinds are this group's too, never their benign ones.
    const auto likewise = word_of_role(begin, end, FunctionWordRole::Likewise, kAnyWord);
    const bool names_breast = std::any_of(
        reading.clause_descriptors.begin(), reading.clause_descriptors.end(),
        [&, begin = begin, end = end](const Descriptors& d) {
          return std::any_of(d.sides.begin(), d.sides.end(), [&](const Read<Laterality>& side) {
            return side.token >= begin && side.token < end;
          });
        });
    if (likewise && names_breast && only_breasts_after(item.tokens, reading, words_, *likewise)) {
      insert_mention(reading.mentions, word_mention(*likewise));
      share_suspicious_kinds_in_sentence(reading, reading.mentions.front().begin, *likewise);
      continue;
    }
    // "No suspicious calcifications except in the left breast at 3 o'clock", "Kein suspekter
    // Mikrokalk außer links bei 3 Uhr": the place an exception names holds the calcifications
    // the sentence denies elsewhere (hostile review 87: "no calcification finding"). A group of
    // its own there, with the suspicious kinds named before it.
    const bool opens_exception =
        words_.phrase_length(item.tokens, begin, FunctionWordRole::Excepts) > 0 &&
        std::any_of(reading.triggers.begin(), reading.triggers.end(),
                    [first = begin](const Trigger& trigger) {
                      return trigger.begin == first && trigger.role == ContextRole::Terminator;
                    });
    const bool names_place = std::any_of(
        reading.clause_descriptors.begin(), reading.clause_descriptors.end(),
        [begin = begin, end = end](const Descriptors& d) {
          const auto within = [&](std::size_t token) { return token >= begin && token < end; };
          return std::any_of(d.sides.begin(), d.sides.end(),
                             [&](const Read<Laterality>& side) { return within(side.token); }) ||
                 (d.clock && within(d.clock->token)) || (d.quadrant && within(d.quadrant->token)) ||
                 (d.region && within(d.region->token));
        });
    if (opens_exception && names_place) {
      insert_mention(reading.mentions, word_mention(begin));
      share_suspicious_kinds_in_sentence(reading, reading.mentions.front().begin, begin);
      continue;
    }
    // "…, but not in the right breast": that breast is cleared of the calcifications just named.
    // A negated mention at the negation, so the summary lists what was read of that breast
    // (hostile review 23: it left no trace). Only a clause of its own (after a terminator:
    // "but") with a negation, the breast and at most three other words ("in the … breast"),
    // nothing another finding or exam names. A part after a comma ("…, nicht rechts") stays in the
    // group's clause: list_breasts_cleared_in_parts lists it.
    bool breast_word = false;
    for (std::size_t k = begin; k < end; ++k) breast_word = breast_word || reading.breast_words[k];
    if (!breast_word) continue;
    const ClearingClause clause = clearing_clause(item, reading, begin, end);
    if (clause.clears()) {
      insert_mention(reading.mentions, word_mention(clause.negation->begin));
    }
  }
}

// "Right breast: coarse calcifications at 10 o'clock and fine pleomorphic calcifications at 2
// o'clock", "vascular calcifications; also a few tiny calcifications at 10 o'clock": two groups of
// one breast, the later one placed by words of its own — elsewhere than the first, or after a
// first described by its kind. Cut at the and-word or comma before it, each group is a finding
// of its own (hostile review 86: one finding at 10 o'clock held both kinds, and the kindless
// group at 10 o'clock took the vascular kind, the breast called benign).
std::vector<Clause> Reader::cut_by_place(const Item& item, const SentenceReading& reading,
                                         const Clause& clause,
                                         const Descriptors& descriptors) const {
  const auto [begin, end] = clause;
  std::vector<const PhraseMatch*> groups;
  for (const PhraseMatch& mention : reading.mentions) {
    if (mention.begin >= begin && mention.begin < end) groups.push_back(&mention);
  }
  if (groups.size() < 2) return {clause};
  // Every place the clause names: its clock positions (not a range's end) and quadrants, each
  // at its token.
  using Place = std::variant<int, Quadrant>;
  std::vector<std::pair<std::size_t, Place>> places;
  const auto add_clock = [&](const Read<int>& clock) {
    const bool range_end = std::any_of(
        descriptors.clock_range_ends.begin(), descriptors.clock_range_ends.end(),
        [&clock](const Descriptors::ClockRangeEnd& range) { return range.token == clock.token; });
    if (!range_end) places.emplace_back(clock.token, Place(clock.value));
  };
  if (descriptors.clock) add_clock(*descriptors.clock);
  for (const Read<int>& clock : descriptors.other_clocks) add_clock(clock);
  const auto quadrant_place = [](const Read<Quadrant>& quadrant) {
    return std::make_pair(quadrant.token, Place(quadrant.value));
  };
  if (descriptors.quadrant) places.push_back(quadrant_place(*descriptors.quadrant));
  std::transform(descriptors.other_quadrants.begin(), descriptors.other_quadrants.end(),
                 std::back_inserter(places), quadrant_place);
  const auto place_in = [&places](std::size_t from, std::size_t to) -> std::optional<Place> {
    for (const auto& [token, what] : places) {
      if (token >= from && token < to) return what;
    }
    return std::nullopt;
  };
  const auto kind_in = [&descriptors](std::size_t from, std::size_t to) {
    return std::any_of(
        descriptors.morphology.begin(), descriptors.morphology.end(),
        [&](const Read<Morphology>& kind) { return kind.token >= from && kind.token < to; });
  };
  std::vector<Clause> parts;
  std::size_t start = begin;
  for (std::size_t g = 0; g + 1 < groups.size(); ++g) {
    std::optional<std::size_t> cut;
    for (std::size_t k = groups[g]->end; k < groups[g + 1]->begin; ++k) {
      if (words_.coordinates(item.tokens[k])) cut = k;
    }
    if (!cut) continue;
    const std::size_t second_end = g + 2 < groups.size() ? groups[g + 2]->begin : end;
    const std::optional<Place> second_place = place_in(*cut, second_end);
    const std::optional<Place> first_place = place_in(start, *cut);
    const bool apart =
        second_place && (first_place ? *first_place != *second_place : kind_in(start, *cut));
    if (!apart) continue;
    parts.emplace_back(start, *cut);
    start = *cut;
  }
  if (parts.empty()) return {clause};
  parts.emplace_back(start, end);
  return parts;
}

// Cuts a clause that names two groups, each with a breast of its own ("Coarse calcifications in
// the right breast and fine linear calcifications in the left breast"), so that each group's
// descriptors are its own: at the last coordinator (an and-word, a comma) between the one's words
// and the other's. A breast between two groups is the first's unless a coordinator stands before
// it ("In the right breast coarse calcifications and in the left breast fine linear ones"). Left
// whole where a group has no breast or two, or no coordinator separates them: the clause's words
// then reach every group, and the more suspicious reading stands (decision-logic.md §1).
// A second-group word after a coordinator ("… on the right and new ones on the left") counts as
// a group where no calcification word follows it in its part; where the clause is cut, it is
// given back in `second_groups` as a mention of its own.
std::vector<Clause> Reader::cut_by_breast(const Item& item, const SentenceReading& reading,
                                          const Clause& clause, const Descriptors& descriptors,
                                          const std::vector<PhraseMatch>& matches,
                                          std::vector<PhraseMatch>& second_groups) const {
  const auto [begin, end] = clause;
  const std::vector<Token>& tokens = item.tokens;
  auto coordinator = [&](std::size_t k) { return words_.coordinates(tokens[k]); };
  // "Ones", "those", and "none" (a group that is not there: "…, none on the right").
  auto stands_for_group = [&](const Token& token) {
    return words_.is(token, FunctionWordRole::SecondGroup) ||
           words_.is(token, FunctionWordRole::NegatedGroup);
  };
  std::vector<PhraseMatch> group_words;
  std::vector<const PhraseMatch*> mentions;
  for (const PhraseMatch& mention : reading.mentions) {
    if (mention.begin >= begin && mention.begin < end) mentions.push_back(&mention);
  }
  for (std::size_t k = begin; !mentions.empty() && k < end; ++k) {
    if (k <= mentions.front()->begin || !stands_for_group(tokens[k])) continue;
    bool coordinated = false;  // a coordinator since the last group
    for (std::size_t j = k; j > begin && !coordinated;) {
      --j;
      const bool group_at =
          std::any_of(mentions.begin(), mentions.end(),
                      [j](const PhraseMatch* mention) { return mention->begin == j; }) ||
          (!group_words.empty() && group_words.back().begin == j);
      if (group_at) break;
      coordinated = coordinator(j);
    }
    bool mention_follows = false;  // a calcification word after it in its part
    for (std::size_t j = k + 1; j < end && !coordinator(j) && !mention_follows; ++j) {
      mention_follows =
          std::any_of(mentions.begin(), mentions.end(),
                      [j](const PhraseMatch* mention) { return mention->begin == j; });
    }
    if (coordinated && !mention_follows) group_words.push_back(word_mention(k));
  }
  std::vector<const PhraseMatch*> groups = mentions;
  std::transform(group_words.begin(), group_words.end(), std::back_inserter(groups),
                 [](const PhraseMatch& word) { return &word; });
  std::sort(groups.begin(), groups.end(),
            [](const PhraseMatch* a, const PhraseMatch* b) { return a->begin < b->begin; });
  std::vector<Read<Laterality>> sides = descriptors.sides;
  // "… in the right breast and … in the contralateral breast": the other breast names a breast
  // of its own, the one the clause does not (hostile review 78: the second group took the first's
  // breast and its descriptors). Read where the part stands (relative_side).
  const bool one_breast_named =
      !sides.empty() &&
      (sides.front().value == Laterality::Left || sides.front().value == Laterality::Right) &&
      std::all_of(sides.begin(), sides.end(),
                  [&](const Read<Laterality>& side) { return side.value == sides.front().value; });
  for (std::size_t k = begin; one_breast_named && k < end; ++k) {
    const std::size_t named = other_breast_words(item, k, end);
    if (named == 0) continue;
    sides.push_back(other_breast_read(item, k, named, sides.front().value));
    k += named - 1;
  }
  std::sort(sides.begin(), sides.end(),
            [](const Read<Laterality>& a, const Read<Laterality>& b) { return a.token < b.token; });
  if (groups.size() < 2 || sides.size() != groups.size()) return {clause};
  // The group of each side, by the order of the words.
  std::vector<std::size_t> owner(sides.size());
  for (std::size_t s = 0; s < sides.size(); ++s) {
    const Read<Laterality>& side = sides[s];
    // "Both breasts" is a breast of its own here: "vascular calcifications in both breasts and
    // amorphous calcifications in the right" are two groups.
    if (side.value == Laterality::Unknown) return {clause};
    std::size_t group = 0;
    while (group + 1 < groups.size() && groups[group + 1]->begin <= side.token) ++group;
    const bool between = side.token > groups[group]->begin && group + 1 < groups.size();
    bool coordinated = false;
    for (std::size_t k = groups[group]->end; between && k < side.token; ++k) {
      coordinated |= coordinator(k);
    }
    owner[s] = coordinated ? group + 1 : group;
  }
  std::vector<const Read<Laterality>*> own(groups.size(), nullptr);
  for (std::size_t s = 0; s < sides.size(); ++s) {
    if (own[owner[s]] != nullptr) return {clause};
    own[owner[s]] = &sides[s];
  }
  // Where a side's words end: the longest breast wording from its first token.
  auto side_end = [&](const Read<Laterality>& side) {
    std::size_t last = side.token + 1;
    for (const PhraseMatch& match : matches) {
      if (match.kind == PhraseKind::Laterality && match.begin == side.token) {
        last = std::max<std::size_t>(last, match.end);
      }
    }
    return last;
  };
  std::vector<Clause> parts;
  std::size_t start = begin;
  for (std::size_t g = 0; g + 1 < groups.size(); ++g) {
    if (own[g]->value == own[g + 1]->value) continue;
    const std::size_t from = own[g]->token > groups[g]->begin
                                 ? std::max<std::size_t>(groups[g]->end, side_end(*own[g]))
                                 : groups[g]->end;
    const std::size_t to = own[g + 1]->token < groups[g + 1]->begin
                               ? std::min<std::size_t>(groups[g + 1]->begin, own[g + 1]->token)
                               : groups[g + 1]->begin;
    std::optional<std::size_t> cut;
    for (std::size_t k = from; k < to; ++k) {
      if (coordinator(k)) cut = k;
    }
    if (!cut) return {clause};
    parts.emplace_back(start, *cut);
    start = *cut;
  }
  if (parts.empty()) return {clause};
  parts.emplace_back(start, end);
  second_groups = std::move(group_words);
  return parts;
}

// A sentence without a mention may go on describing the previous sentence's findings.
void Reader::continue_previous_findings(const Item& item, const SentenceReading& reading) {
  // A later clause that opens with words referring back ("DCIS was ruled out at the prior
  // biopsy, but these are new and suspicious") goes on about them from there on.
  std::size_t from = 0;
  std::size_t opening = reading.range->begin;  // the word the part going on about them opens with
  for (std::size_t c = 1; c < reading.clauses.size() && from == 0; ++c) {
    std::size_t first = reading.clauses[c].first;
    if (first + 1 < reading.clauses[c].second &&
        opens_contrast(item.tokens, reading.triggers, first)) {
      ++first;
    }
    if (refers_back(item.tokens[first], words_)) {
      from = c;
      opening = first;
    }
  }
  Descriptors all;
  for (std::size_t c = from; c < reading.clause_descriptors.size(); ++c) {
    add_descriptors(all, reading.clause_descriptors[c]);
  }
  // A change the sentence denies says nothing of them ("No new findings." after the group: it
  // was read as new, hostile review 60).
  all.change.erase(std::remove_if(all.change.begin(), all.change.end(),
                                  [&](const Read<Change>& change) {
                                    return negated_right_before(reading.triggers, change.token,
                                                                reading.range->begin, 2);
                                  }),
                   all.change.end());
  // Nor does a relative's disease ("Father had prostate cancer." after them), nor advice on what
  // may come ("Please advise the patient to report any new breast changes."; hostile review 67).
  all.assessment.erase(std::remove_if(all.assessment.begin(), all.assessment.end(),
                                      [&](const Read<Category>& assessment) {
                                        return said_of_a_relative(item, reading,
                                                                  assessment.token) ||
                                               in_safety_net(item, reading, assessment.token);
                                      }),
                       all.assessment.end());
  all.change.erase(std::remove_if(all.change.begin(), all.change.end(),
                                  [&](const Read<Change>& change) {
                                    return in_safety_net(item, reading, change.token);
                                  }),
                   all.change.end());
  const std::vector<std::size_t> previous = std::move(described_last_);
  described_last_.clear();
  // Under a heading of another breast ("Left breast: benign cyst with sonographic correlate"
  // after right-breast calcifications) the sentence is about that breast, not about them.
  const Laterality heading = reading.range->heading_laterality;
  const bool other_breast = heading != Laterality::Unknown &&
                            std::any_of(previous.begin(), previous.end(), [&](std::size_t index) {
                              const Laterality described = reading_.findings[index].laterality;
                              return described != Laterality::Unknown && described != heading;
                            });
  // A high-risk result said of them with their place ("Prior stereotactic biopsy at 2 o'clock
  // yielded ADH."): theirs, never dropped (hostile review 20).
  // A question with no calcification word of its own ("… at 2 o'clock. Vascular? Right breast
  // unremarkable."): a doubt about them, never dropped and never their benign kind (hostile
  // review 23: the "?" was lost when another sentence followed).
  bool questioned = false;
  for (std::size_t k = reading.range->begin; k < reading.range->end; ++k) {
    questioned = questioned || is_punct(item.tokens[k], '?');
  }
  const bool describes_them = !all.morphology.empty() || !all.distribution.empty() ||
                              !all.site.empty() || !all.change.empty() || !all.assessment.empty();
  // A doubt of a sentence of its own, with no calcifications and no breast of its own ("…
  // dystrophic calcifications at the lumpectomy site. Recurrence not excluded."): a doubt about
  // the last ones, never passed over (hostile review 86: they stayed benign, routine screening).
  // So is a question of its own that calls them something ("… Benign?", "Recurrence?"); not one
  // about something else ("Any questions?").
  const bool calls_them = describes_them ||
                          words_.any_in(item.tokens, reading.range->begin, reading.range->end,
                                        FunctionWordRole::CallsBenign) ||
                          words_.any_in(item.tokens, reading.range->begin, reading.range->end,
                                        FunctionWordRole::TreatmentNow);
  const bool doubt_alone = reading.mentions.empty() && all.sides.empty() &&
                           ((questioned && calls_them) ||
                            hedge_in(reading.triggers, reading.range->begin, reading.range->end));
  const bool continues = continues_previous(item, opening, all) ||
                         (reading.names_high_risk_result && all.sides.empty()) ||
                         (questioned && describes_them && all.sides.empty()) || doubt_alone;
  // An indication that follows the findings ("Findings: …\nClinical history: rule out
  // malignancy.") is the question asked, nothing more of them, unless it opens with words that
  // refer back ("HISTORY: These were biopsied in 2019 with DCIS."); a comparison that follows
  // them goes on about them ("COMPARISON: Increased in number since 2022."; review 48, R48-5).
  const bool into_the_past =
      reading.range->section == ReportSection::History &&
      !refers_back(item.tokens[opening], words_) &&
      std::any_of(previous.begin(), previous.end(), [&](std::size_t index) {
        return index < finding_sections_.size() && !is_past_section(finding_sections_[index]);
      });
  if (previous.empty() || other_breast || !continues || into_the_past) {
    // A suspicious kind named without a calcification word, in a sentence that does not go on
    // about the last ones ("In the left breast, a group of fine pleomorphic ones at 2 o'clock"):
    // never dropped, an uncertain finding of its own. The BI-RADS suspicious morphology words
    // name calcifications only.
    if (reading.range->section == ReportSection::Composition || into_the_past) return;
    for (std::size_t c = 0; c < reading.clauses.size(); ++c) {
      const Descriptors& descriptors = reading.clause_descriptors[c];
      // A suspicious kind or a duct-following arrangement ("Ductal distribution.").
      const bool suspicious_kind = describes_suspicious(descriptors);
      // "A second group at 10 o'clock is suspicious": a group the words assess, no calcification
      // word of its own.
      const bool assessed_group =
          !descriptors.assessment.empty() && !descriptors.distribution.empty();
      if ((suspicious_kind || assessed_group) && goes_on_describing(reading, c)) {
        add_contrast(item, reading, c, {});
      } else if (lone_assessment(item, reading, c)) {
        add_contrast(item, reading, c, {}, true);
      }
    }
    return;
  }
  Candidate more;
  more.descriptors = std::move(all);
  more.descriptors.sides.clear();
  more.section = reading.range->section;
  more.position = *item.position;
  more.sentence = reading.sentence;
  more.status = MentionStatus::Uncertain;  // adds facts, never affirms
  if (const Trigger* hedge = hedge_in(reading.triggers, reading.range->begin, reading.range->end)) {
    more.hedge = words_of(item, hedge->begin, hedge->end);
  } else if (questioned) {
    more.hedge = "?";
  }
  hedge_on_denial(more);
  for (std::size_t index : previous) {
    merge_into(reading_.findings[index], more, reading_.findings[index].laterality);
  }
  described_last_ = previous;
}

// Benignity denied or taken back ("which do not look benign", "no longer regarded as benign";
// hostile review 78: such text restated a coded 3 unreviewed): what the candidate describes is
// uncertain (rule C14), never probably benign. `benign_hedge` holds the benign word.
void deny_benign(Candidate& candidate) {
  if (candidate.hedge) return;
  candidate.hedge = candidate.benign_hedge + " (denied)";
  candidate.doubts.push_back("the text denies that they are benign, read as uncertain: \"" +
                             candidate.sentence.text + "\"");
}

// A benign reason the text denies makes what the candidate describes uncertain (rule C14); so does
// a suspicion said of what they are compared with.
void hedge_on_denial(Candidate& candidate) {
  const auto& compared = candidate.descriptors.compared_assessment;
  if (compared && !candidate.hedge && !candidate.descriptors.denied) {
    candidate.hedge = *compared + " (of what they are compared with)";
    candidate.doubts.push_back("a suspicion said of what they are compared with (\"" + *compared +
                               "\"), read as uncertain: \"" + candidate.sentence.text + "\"");
    return;
  }
  if (!candidate.descriptors.denied || candidate.hedge) return;
  candidate.hedge = *candidate.descriptors.denied + " (denied)";
  candidate.doubts.push_back("a benign reason the text denies (\"" + *candidate.descriptors.denied +
                             "\"), read as uncertain: \"" + candidate.sentence.text + "\"");
}

// A clause that names both breasts, each with a mention of its own, whose mentions that give a
// finding all stand with one of them ("No new calcifications in the right breast, and new
// amorphous calcifications in the left breast at 2:00"): the candidate is of that breast. A
// mention's breast is the one named after it before the next mention, else the one named before
// it after the previous mention. Unchanged where a breast named in the clause is no mention's
// ("Calcifications: vascular (right), fine pleomorphic grouped (left)") or where the clause
// says "both breasts" or "bilateral".
void Reader::take_side_of_mentions(const SentenceReading& reading, const Descriptors& descriptors,
                                   const std::vector<std::size_t>& in_clause,
                                   const std::vector<std::size_t>& giving, std::size_t clause_end,
                                   Candidate& candidate) {
  const auto& mentions = reading.mentions;
  if (in_clause.size() < 2) return;
  const std::vector<Read<Laterality>>& sides = descriptors.sides;
  auto one_breast = [](const Read<Laterality>& named) {
    return named.value == Laterality::Left || named.value == Laterality::Right;
  };
  if (!std::all_of(sides.begin(), sides.end(), one_breast)) return;
  auto side_of = [&](std::size_t k) -> const Read<Laterality>* {
    const std::size_t after_end = k + 1 < mentions.size()
                                      ? std::min<std::size_t>(mentions[k + 1].begin, clause_end)
                                      : clause_end;
    const std::size_t before_begin = k > 0 ? mentions[k - 1].end : 0;
    const auto after = std::find_if(sides.begin(), sides.end(), [&](const Read<Laterality>& named) {
      return named.token >= mentions[k].end && named.token < after_end;
    });
    if (after != sides.end()) return &*after;
    const auto before =
        std::find_if(sides.rbegin(), sides.rend(), [&](const Read<Laterality>& named) {
          return named.token < mentions[k].begin && named.token >= before_begin;
        });
    return before != sides.rend() ? &*before : nullptr;
  };
  std::vector<const Read<Laterality>*> owned(in_clause.size());
  std::transform(in_clause.begin(), in_clause.end(), owned.begin(), side_of);
  const bool every_breast_owned =
      std::all_of(sides.begin(), sides.end(), [&](const Read<Laterality>& named) {
        return std::find(owned.begin(), owned.end(), &named) != owned.end();
      });
  if (!every_breast_owned) return;
  const Read<Laterality>* common = nullptr;
  for (std::size_t k : giving) {
    const Read<Laterality>* own = side_of(k);
    if (own == nullptr || (common != nullptr && common->value != own->value)) return;
    common = own;
  }
  if (common == nullptr) return;
  candidate.laterality = common->value;
  candidate.laterality_read = *common;
  for (std::size_t index : candidate.mentions) reading_.mentions[index].laterality = common->value;
}

// The breast other than `own` (left or right), as the `named` words at token `at` name it
// ("contralateral breast", "Gegenseite").
Read<Laterality> Reader::other_breast_read(const Item& item, std::size_t at, std::size_t named,
                                           Laterality own) const {
  const Laterality other = own == Laterality::Left ? Laterality::Right : Laterality::Left;
  return {other, words_of(item, at, at + named), span_of(item, at, at + named), at};
}

// Names the other breast at token `at`: "contralateral" before a breast noun, or a word that says
// it alone ("Gegenseite"). How many words it takes; 0 when it names none.
std::size_t Reader::other_breast_words(const Item& item, std::size_t at, std::size_t end) const {
  const bool noun_after =
      at + 1 < end && words_.is(item.tokens[at + 1], FunctionWordRole::BreastNoun);
  if (noun_after && words_.is(item.tokens[at], FunctionWordRole::OtherBreast)) return 2;
  return words_.is(item.tokens[at], FunctionWordRole::OtherBreastAlone) ? 1 : 0;
}

std::optional<Read<Laterality>> Reader::also_the_other_breast(const Item& item,
                                                              const SentenceReading& reading,
                                                              std::size_t begin, std::size_t end,
                                                              Laterality own) const {
  for (std::size_t k = begin; k < end; ++k) {
    const std::size_t named = other_breast_words(item, k, end);
    if (named == 0 || reading.comparison_words[k] || reading.surroundings_words[k] ||
        reading.hypothesis_words[k]) {
      continue;
    }
    std::size_t part_begin = k;
    while (part_begin > begin && !words_.coordinates(item.tokens[part_begin - 1])) --part_begin;
    std::size_t part_end = k + named;
    while (part_end < end && !words_.coordinates(item.tokens[part_end])) ++part_end;
    const bool says_more =
        std::any_of(reading.triggers.begin(), reading.triggers.end(),
                    [&](const Trigger& trigger) {
                      return trigger.begin < part_end && part_begin < trigger.end;
                    }) ||
        std::any_of(reading.mentions.begin(), reading.mentions.end(),
                    [&](const PhraseMatch& mention) {
                      return mention.begin >= part_begin && mention.begin < part_end;
                    }) ||
        std::any_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(part_begin),
                    item.tokens.begin() + static_cast<std::ptrdiff_t>(part_end),
                    [&](const Token& token) {
                      return words_.is(token, FunctionWordRole::ClearsBreast) ||
                             words_.is(token, FunctionWordRole::OtherFinding);
                    });
    if (says_more) return std::nullopt;
    return other_breast_read(item, k, named, own);
  }
  return std::nullopt;
}

// The end of the breast words a comparison names ("than on the right", "than the contralateral
// breast", "als die linke Brust", "Unlike the right breast"), starting at most three words after
// its phrase; the phrase's end where it names none.
std::size_t Reader::compared_breast_end(const Item& item, const SentenceReading& reading,
                                        const Trigger& trigger, std::size_t clause_end) const {
  const std::size_t last_start = std::min(clause_end, trigger.end + 3);
  for (std::size_t k = trigger.begin; k < last_start; ++k) {
    if (const std::size_t named = other_breast_words(item, k, clause_end)) return k + named;
    if (!reading.breast_words[k]) continue;
    std::size_t end = k;
    while (end < clause_end && reading.breast_words[end]) ++end;
    if (end < clause_end && words_.is(item.tokens[end], FunctionWordRole::BreastNoun)) ++end;
    return end;
  }
  return trigger.end;
}

// "Fewer calcifications on the left than on the right, where a new pleomorphic cluster is
// present": the words from the relative word on are the breast compared with's (hostile review 81:
// they were the left's, and the right was said to have none). A relative word right after that
// breast, or after it and one word ("…, in which …", "…, in der …").
std::optional<Reader::ComparedBreastPart> Reader::part_of_compared_breast(
    const Item& item, const SentenceReading& reading, const std::vector<PhraseMatch>& matches,
    const Clause& clause) const {
  const auto [begin, end] = clause;
  for (const Trigger& trigger : reading.triggers) {
    // Of degree or a contrast ("compared to the right, where …", "Unlike the right breast,
    // where …"); a likeness ("similar to the left breast where biopsy showed DCIS") names what
    // they resemble, a doubt of theirs.
    const bool contrasts = std::any_of(
        item.tokens.begin() + static_cast<std::ptrdiff_t>(trigger.begin),
        item.tokens.begin() + static_cast<std::ptrdiff_t>(trigger.end),
        [this](const Token& token) { return words_.is(token, FunctionWordRole::Contrasts); });
    if (trigger.role != ContextRole::Comparison || trigger.begin < begin || trigger.begin >= end ||
        !(words_.is(item.tokens[trigger.begin], FunctionWordRole::DegreeComparison) || contrasts)) {
      continue;
    }
    std::size_t at = compared_breast_end(item, reading, trigger, end);
    if (at == trigger.end && !reading.breast_words[at - 1]) continue;  // no breast compared with
    // The relative word may open the next clause ("…, which has …": "which" ends a clause).
    const std::size_t sentence_end = reading.range->end;
    if (at < sentence_end && (is_punct(item.tokens[at], ',') || is_punct(item.tokens[at], '('))) {
      ++at;
    }
    // After a contrast, "with" opens that breast's part too ("No suspicious calcifications in the
    // right breast in contrast to the left breast with grouped amorphous calcifications";
    // hostile review 86 put them in the right breast).
    const bool relative_next =
        at < sentence_end && (words_.is(item.tokens[at], FunctionWordRole::Relative) ||
                              (contrasts && words_.is(item.tokens[at], FunctionWordRole::With)));
    const bool relative_after_one = at + 1 < sentence_end &&
                                    item.tokens[at].kind == TokenKind::Word &&
                                    words_.is(item.tokens[at + 1], FunctionWordRole::Relative);
    if (!relative_next && !relative_after_one) continue;
    std::vector<Read<Laterality>> own;
    for (const PhraseMatch& side : matches) {
      if (side.kind == PhraseKind::Laterality && side.begin >= begin &&
          side.begin < trigger.begin && !reading.comparison_words[side.begin]) {
        own.push_back({wordings_.laterality[side.wording].term, "", {}, side.begin});
      }
    }
    const std::optional<Read<Laterality>> own_side = side_named(own);
    const auto compared = breast_compared(item, reading, matches, trigger, end,
                                          own_side ? own_side->value : Laterality::Unknown);
    if (!compared) continue;
    const std::size_t relative = relative_next ? at : at + 1;
    // "Unlike the right breast, where …, the left breast shows …": the part ends where the
    // next breast is named (matches are in text order).
    const auto next_breast =
        std::find_if(matches.begin(), matches.end(), [&](const PhraseMatch& side) {
          return side.kind == PhraseKind::Laterality && side.begin > relative &&
                 side.begin < sentence_end && !reading.comparison_words[side.begin];
        });
    std::size_t part_end = next_breast == matches.end() ? sentence_end : next_breast->begin;
    while (part_end > relative + 1 && reading.breast_words[part_end - 1]) --part_end;
    return ComparedBreastPart{at, relative, part_end, *compared};
  }
  return std::nullopt;
}

std::optional<Read<Laterality>> Reader::breast_compared(const Item& item,
                                                        const SentenceReading& reading,
                                                        const std::vector<PhraseMatch>& matches,
                                                        const Trigger& trigger, std::size_t end,
                                                        Laterality own) const {
  const std::size_t breast_end = compared_breast_end(item, reading, trigger, end);
  for (std::size_t k = trigger.begin; k < breast_end; ++k) {
    const std::size_t named = other_breast_words(item, k, breast_end);
    if (named > 0 && (own == Laterality::Left || own == Laterality::Right)) {
      return other_breast_read(item, k, named, own);
    }
  }
  for (const PhraseMatch& side : matches) {
    if (side.kind != PhraseKind::Laterality || side.begin < trigger.begin ||
        side.end > breast_end) {
      continue;
    }
    const Laterality compared = wordings_.laterality[side.wording].term;
    if (compared != own && (compared == Laterality::Left || compared == Laterality::Right)) {
      return Read<Laterality>{compared, words_of(item, side.begin, side.end),
                              span_of(item, side.begin, side.end), side.begin};
    }
    break;  // the comparison's first breast is the one compared with
  }
  return std::nullopt;
}

std::optional<Read<Laterality>> Reader::breast_compared_in_degree(
    const Item& item, const SentenceReading& reading, const std::vector<PhraseMatch>& matches,
    std::size_t begin, std::size_t end, Laterality own) const {
  for (const Trigger& trigger : reading.triggers) {
    if (trigger.role != ContextRole::Comparison || trigger.begin < begin || trigger.begin >= end ||
        !words_.is(item.tokens[trigger.begin], FunctionWordRole::DegreeComparison)) {
      continue;
    }
    if (auto compared = breast_compared(item, reading, matches, trigger, end, own)) {
      return compared;
    }
  }
  return std::nullopt;
}

// "Fewer calcifications on the left than on the right": the right holds calcifications too, of
// an amount or degree the text does not give, and perhaps the words after the breast are theirs
// ("…, where a new pleomorphic cluster is present"). Uncertain, so never benign; the suspicious
// kinds and the growth of those described reach them, their place does not (hostile review 80: the
// right breast was said to have no calcification finding).
std::vector<std::size_t> Reader::add_compared_breast(const Item& item,
                                                     const SentenceReading& reading,
                                                     const Candidate& described,
                                                     const Read<Laterality>& compared) {
  Candidate there;
  const Descriptors& words = described.descriptors;
  std::copy_if(words.morphology.begin(), words.morphology.end(),
               std::back_inserter(there.descriptors.morphology),
               [](const Read<Morphology>& read) { return is_suspicious(read.value); });
  std::copy_if(words.distribution.begin(), words.distribution.end(),
               std::back_inserter(there.descriptors.distribution),
               [](const Read<Distribution>& read) { return follows_a_duct(read.value); });
  std::copy_if(words.change.begin(), words.change.end(),
               std::back_inserter(there.descriptors.change), [](const Read<Change>& read) {
                 return read.value == Change::New || read.value == Change::Increased;
               });
  there.descriptors.sides = {compared};
  there.laterality_read = compared;
  return add_uncertain(there, item, reading,
                       "the breast the calcifications are compared with holds such calcifications "
                       "too, of a degree the text does not give: read as uncertain there");
}

// "In the same breast", "the contralateral breast", "Gegenseite" in the clause: the breast of the
// calcifications described last (else the heading's), or the other one. Without a breast to refer
// to, "the other breast" is none (unknown), never the heading's: it says it is not that one.
std::optional<Read<Laterality>> Reader::relative_side(const Item& item,
                                                      const SentenceReading& reading,
                                                      std::size_t begin, std::size_t end) const {
  for (std::size_t k = begin; k < end; ++k) {
    const bool same = k + 1 < end && words_.is(item.tokens[k], FunctionWordRole::SameBreast) &&
                      words_.is(item.tokens[k + 1], FunctionWordRole::BreastNoun);
    const bool same_alone = words_.is(item.tokens[k], FunctionWordRole::SameBreastAlone);
    const std::size_t other_words = other_breast_words(item, k, end);
    const bool other = other_words > 0;
    if (!same && !same_alone && !other) continue;
    const std::size_t named_end = k + (same ? 2 : same_alone ? 1 : other_words);
    const auto last_named =
        std::find_if(reading_.findings.rbegin(), reading_.findings.rend(), [](const Finding& f) {
          return f.laterality == Laterality::Left || f.laterality == Laterality::Right;
        });
    Laterality reference =
        last_named != reading_.findings.rend() ? last_named->laterality : Laterality::Unknown;
    if (reference == Laterality::Unknown && reading.heading_side) {
      reference = reading.heading_side->value;
    }
    if (reference != Laterality::Left && reference != Laterality::Right) {
      reference = Laterality::Unknown;
    } else if (other) {
      reference = reference == Laterality::Left ? Laterality::Right : Laterality::Left;
    }
    return Read<Laterality>{reference, words_of(item, k, named_end), span_of(item, k, named_end),
                            k};
  }
  return std::nullopt;
}

// "Vascular calcifications and a new group of calcifications at 2 o'clock": a second group
// after an and-word or comma that no kind of its own describes is not the first one's kind
// (hostile review 78: the benign kind covered it, "benign, routine screening"). Read together,
// what they are is uncertain (rule C14), and it is said.
void Reader::hedge_a_second_group_of_no_kind(const Item& item, const SentenceReading& reading,
                                             const Descriptors& descriptors,
                                             const std::vector<std::size_t>& in_clause,
                                             Candidate& candidate) const {
  const auto& mentions = reading.mentions;
  if (in_clause.size() < 2 || descriptors.morphology.empty() || candidate.hedge) return;
  const PhraseMatch& first = mentions[in_clause.front()];
  const PhraseMatch& second = mentions[in_clause[1]];
  // Where the second's words start: an and-word or comma, else right after the first
  // ("… as well as new grouped calcifications", "… along with …").
  std::optional<std::size_t> coordinator;
  for (std::size_t k = first.end; k < second.begin && !coordinator; ++k) {
    if (words_.coordinates(item.tokens[k])) coordinator = k;
  }
  if (!coordinator && first.end < second.begin) coordinator = first.end;
  const bool kinds_before = std::all_of(
      descriptors.morphology.begin(), descriptors.morphology.end(),
      [&](const Read<Morphology>& kind) { return coordinator && kind.token < *coordinator; });
  // Not one denied ("…, no associated microcalcifications") or said to be alike right before it
  // ("and similar calcifications nearby", "the same calcifications"; not the "as" of "as well
  // as a group").
  constexpr std::size_t kAlikeReach = 2;
  const bool alike =
      coordinator &&
      words_.any_in(item.tokens,
                    std::max(*coordinator, second.begin > kAlikeReach ? second.begin - kAlikeReach
                                                                      : std::size_t{0}),
                    second.begin, FunctionWordRole::Likewise);
  const bool affirmed =
      status_of(item, reading, second.begin, second.end, false).status == MentionStatus::Affirmed;
  // Its own words say it is a group of its own ("a new group of", "grouped"), not the count
  // or a restatement of the first ("…, 12 calcifications").
  const auto own_part = [&](std::size_t token) {
    return coordinator && token >= *coordinator && token < second.begin;
  };
  const bool a_group_of_its_own =
      std::any_of(descriptors.distribution.begin(), descriptors.distribution.end(),
                  [&](const Read<Distribution>& read) { return own_part(read.token); }) ||
      std::any_of(descriptors.change.begin(), descriptors.change.end(),
                  [&](const Read<Change>& read) {
                    return own_part(read.token) &&
                           (read.value == Change::New || read.value == Change::Increased);
                  }) ||
      (coordinator &&
       words_.any_in(item.tokens, *coordinator, second.begin, FunctionWordRole::SecondGroup));
  if (coordinator && kinds_before && !alike && affirmed && a_group_of_its_own) {
    candidate.hedge = words_of(item, second.begin, second.end) + " (a second group, no kind)";
    candidate.doubts.push_back(
        "a second group of calcifications that no kind of its own describes, read with the "
        "first as uncertain: \"" +
        reading.sentence.text + "\"");
  }
}

// The one breast the sentence's words name before `at` where they deny something there (one of
// the lexicon's breast wordings, not one compared with); none where they name none or both, or
// deny nothing ("The mass in the right breast is benign; the calcifications are suspicious" goes
// on about the calcifications described before).
std::optional<Read<Laterality>> Reader::only_breast_named_before(
    const Item& item, const SentenceReading& reading, const std::vector<PhraseMatch>& matches,
    std::size_t at) const {
  // The denial stands before the breast in its clause ("No mass in the left breast"), and
  // nothing there is of the past ("Status post right lumpectomy without complication" names the
  // right breast for the surgery: review of session 61).
  const auto denied_there = [&](std::size_t breast) {
    const Clause clause = reading.clause_of(breast);
    const bool denial_before = reading.starts_in(ContextRole::Negated, clause.first, breast);
    const bool of_the_past =
        reading.starts_in(ContextRole::Historical, clause.first, clause.second);
    return denial_before && !of_the_past;
  };
  std::optional<Read<Laterality>> named;
  for (const PhraseMatch& match : matches) {
    if (match.kind != PhraseKind::Laterality || match.begin < reading.range->begin ||
        match.end > at || reading.comparison_words[match.begin]) {
      continue;
    }
    if (!denied_there(match.begin)) return std::nullopt;
    const Laterality breast = wordings_.laterality[match.wording].term;
    if (breast != Laterality::Left && breast != Laterality::Right) return std::nullopt;
    if (named && named->value != breast) return std::nullopt;
    if (!named) {
      named = Read<Laterality>{breast, words_of(item, match.begin, match.end),
                               span_of(item, match.begin, match.end), match.begin};
    }
  }
  return named;
}

// Where a group word is said to be more than one group: a more-of word among the three words
// before it, or a count of 2 to 20 right before it, no punctuation between, no denial right
// before ("no further groups"); not a year ("Compared to 2024, the group …").
std::optional<std::size_t> Reader::several_groups_said(const Item& item,
                                                       const SentenceReading& reading,
                                                       std::size_t clause_begin,
                                                       const PhraseMatch& group) const {
  if (!words_.is(item.tokens[group.begin], FunctionWordRole::SecondGroup)) return std::nullopt;
  constexpr std::size_t kWordsBefore = 3;
  constexpr int kMostGroups = 20;
  const bool denied_near =
      std::any_of(reading.triggers.begin(), reading.triggers.end(), [&](const Trigger& trigger) {
        // "no further" is a pseudo phrase elsewhere ("no further imaging"): a denial here too.
        return (trigger.role == ContextRole::Negated || trigger.role == ContextRole::Pseudo) &&
               trigger.end <= group.begin && trigger.end + kWordsBefore >= group.begin &&
               trigger.begin >= clause_begin;
      });
  if (denied_near) return std::nullopt;
  // A count right before the group word ("two groups", "3 clusters"), never one that measures or
  // places ("3 o'clock group", "5 mm cluster": review of session 61).
  const auto counts_several = [&](const Token& token) {
    const int number = token.kind == TokenKind::Number ? leading_integer(token.folded)
                                                       : words_.number(token).value_or(0);
    return number >= 2 && number <= kMostGroups;
  };
  for (std::size_t k = group.begin; k > clause_begin && k + kWordsBefore > group.begin; --k) {
    const Token& before = item.tokens[k - 1];
    if (before.kind == TokenKind::Punct) break;
    if (words_.is(before, FunctionWordRole::MoreOf)) return k - 1;
    if (k == group.begin && counts_several(before)) return k - 1;
  }
  return std::nullopt;
}

// The mentions of one clause: each listed with its status; the affirmed and uncertain ones,
// with the clause's descriptors, make one candidate finding.
std::vector<std::size_t> Reader::read_clause_mentions(const Item& item,
                                                      const SentenceReading& reading,
                                                      const std::vector<PhraseMatch>& matches,
                                                      std::size_t clause,
                                                      std::size_t& next_mention) {
  const auto [begin, end] = reading.clauses[clause];
  const Descriptors& descriptors = reading.clause_descriptors[clause];
  std::optional<Read<Laterality>> side = side_named(descriptors.sides);
  // "… in the right breast and … in the contralateral breast": this part's breast is the other
  // one than the sentence names (hostile review 78: it took the sentence's breast).
  for (std::size_t k = begin; k < end && !side; ++k) {
    const std::size_t named = other_breast_words(item, k, end);
    const std::optional<Read<Laterality>> sentence_side = side_named(reading.sides);
    if (named == 0 || !sentence_side ||
        (sentence_side->value != Laterality::Left && sentence_side->value != Laterality::Right)) {
      continue;
    }
    side = other_breast_read(item, k, named, sentence_side->value);
  }
  // An exception with no breast of its own is of the breast named right before it ("… on the
  // right, nor on the left except a group of fine pleomorphic calcifications": the left; hostile
  // review 81, it took the sentence's first breast).
  const bool opens_exception =
      words_.is(item.tokens[begin], FunctionWordRole::Excepts) &&
      std::any_of(reading.triggers.begin(), reading.triggers.end(),
                  [first = begin](const Trigger& trigger) {
                    return trigger.begin == first && trigger.role == ContextRole::Terminator;
                  });
  // That breast may be one the sentence clears ("nor on the left"), so it is read from the words.
  for (auto named = matches.rbegin(); !side && opens_exception && named != matches.rend();
       ++named) {
    const bool before = named->kind == PhraseKind::Laterality && named->end <= begin &&
                        named->begin >= reading.range->begin &&
                        !reading.comparison_words[named->begin];
    if (before) {
      side = Read<Laterality>{wordings_.laterality[named->wording].term,
                              words_of(item, named->begin, named->end),
                              span_of(item, named->begin, named->end), named->begin};
    }
  }
  // A later clause after a breast named for a denied finding only ("No mass in the left breast, but
  // fine pleomorphic calcifications at 2 o'clock"): that breast, where the sentence names no other,
  // never the heading's or an earlier sentence's (hostile review 96, S3: put on the right breast
  // under a "Right breast:" heading, a right biopsy advised).
  // A heading of this very sentence ("Right breast: No lymph nodes in the left axilla, and …")
  // stands.
  const SentenceRange& sentence = *reading.range;
  const bool own_heading = sentence.heading_laterality != Laterality::Unknown &&
                           sentence.heading_begin >= sentence.begin &&
                           sentence.heading_end <= sentence.end;
  if (!side && clause > 0 && !own_heading && reading.sides.empty()) {
    side = only_breast_named_before(item, reading, matches, begin);
    // "…, but fine pleomorphic calcifications in the other breast": the other one than that
    // (hostile review 97: it took the denied breast).
    for (std::size_t k = begin; side && k < end; ++k) {
      const std::size_t named = other_breast_words(item, k, end);
      if (named == 0) continue;
      side = other_breast_read(item, k, named, side->value);
      break;
    }
  }
  // Said relative to the heading's breast or the one described last, so never against the heading.
  // A part of its own that says so ("…; in the same breast a new cluster", "…; on that side …")
  // is of that breast, not of the breast the sentence named first (hostile review 82).
  bool relative = false;
  if (!side) {
    const auto said_relative = relative_side(item, reading, begin, end);
    const bool of_one_breast = said_relative && (said_relative->value == Laterality::Left ||
                                                 said_relative->value == Laterality::Right);
    if (of_one_breast || (said_relative && reading.sides.empty())) {
      side = said_relative;
      relative = true;
    }
  }
  if (!side) side = side_named(reading.sides);
  if (!side && !one_place_under_both_breasts(reading, descriptors)) side = reading.heading_side;
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
  // "Coarse calcifications, probably benign": a benign word the clause doubts (a pseudo phrase
  // around it) calls them only probably benign; so does a doubt later in the sentence ("…,
  // benign-appearing, though not definitively": hostile review 60).
  const BenignWords benign = benign_words(item, reading, matches, begin, end);
  candidate.called_benign = benign.called;
  for (std::size_t t = begin; t < end && candidate.said_small.empty(); ++t) {
    if (words_.is(item.tokens[t], FunctionWordRole::SmallSize)) {
      candidate.said_small = words_of(item, t, t + 1);
    }
  }
  if (const std::optional<std::size_t> denied = benign.denied) {
    // Benignity denied or taken back (hostile review 78: "which do not look benign" restated a
    // coded 3 unreviewed): what they are is uncertain (rule C14), never probably benign.
    candidate.benign_hedge = words_of(item, *denied, *denied + 1);
    deny_benign(candidate);
  } else if (const std::optional<std::size_t> hedged = benign.doubted) {
    candidate.benign_hedge = words_of(item, *hedged, *hedged + 1);
  } else if (const std::optional<std::size_t> doubt =
                 lone_doubt_after(item, reading, end, reading.range->end)) {
    candidate.benign_hedge = words_of(item, *doubt, *doubt + 1);
  } else {
    // Benignity denied later in the sentence ("…; benignity cannot be confirmed", "…,
    // Benignität nicht gesichert"; hostile review 63).
    for (std::size_t t = end; t < reading.range->end; ++t) {
      if (!words_.is(item.tokens[t], FunctionWordRole::CallsBenign)) continue;
      const bool negated =
          status_of(item, reading, t, t + 1, false).status == MentionStatus::Negated &&
          !comma_after_negation(item.tokens, reading, t);
      if (negated || denied_right_after(item, reading, t, reading.range->end)) {
        candidate.benign_hedge = words_of(item, t, t + 1);
        deny_benign(candidate);
        break;
      }
    }
  }
  // "In the contralateral breast" with no breast named before, or "elsewhere": another place
  // than any the report names (an unresolved "same breast" stays an unknown breast).
  if (side && side->value == Laterality::Unknown &&
      other_breast_words(item, side->token, end) > 0) {
    candidate.unresolved_place = side->words;
  }
  for (std::size_t k = begin; k < end && candidate.unresolved_place.empty(); ++k) {
    if (words_.is(item.tokens[k], FunctionWordRole::Elsewhere)) {
      candidate.unresolved_place = words_of(item, k, k + 1);
    }
  }
  const auto one_breast = [](const std::optional<Read<Laterality>>& named) {
    return named && (named->value == Laterality::Left || named->value == Laterality::Right);
  };
  // A side named after the mention ("calcifications right at the 2 o'clock position", "best seen
  // on the left side lateral view", "calcifications near a benign mass in the right breast")
  // disagrees with the heading: both kept, never a silent choice; "In the right breast, the
  // calcifications …" names the breast they describe before them.
  const bool after_mention =
      side && !in_clause.empty() && side->token > mentions[in_clause.front()].begin;
  if (after_mention && !relative && one_breast(side) && one_breast(reading.heading_side) &&
      side->value != reading.heading_side->value) {
    candidate.breasts_disagreeing = Candidate::BreastDisagreement{*reading.heading_side, *side};
    candidate.laterality = Laterality::Unknown;
    candidate.laterality_read.reset();
  }
  hedge_a_second_group_of_no_kind(item, reading, descriptors, in_clause, candidate);
  std::vector<std::size_t> giving;  // the mentions (in reading.mentions) that give a finding
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
    // A denial in a clause that also calls them benign or stable denies the call, not them
    // (denies_their_call): uncertain, the report does not call them benign.
    if (context.status == MentionStatus::Negated &&
        denies_their_call(item, reading, descriptors, match)) {
      context.status = MentionStatus::Uncertain;
      candidate.doubts.push_back("\"" + context.trigger +
                                 "\" denies that they are benign or stable, not that they are "
                                 "there: read as uncertain: \"" +
                                 reading.sentence.text + "\"");
    }
    mention.status = context.status;
    mention.trigger = std::move(context.trigger);
    mention.past_by_section = context.past_by_section;
    mention.denied_outright =
        mention.status == MentionStatus::Negated &&
        std::any_of(reading.triggers.begin(), reading.triggers.end(), [&](const Trigger& trigger) {
          return trigger.role == ContextRole::Negated && trigger.end == match.begin;
        });
    if (context.scope_doubtful) {
      candidate.doubts.push_back("whether \"" + mention.trigger +
                                 "\" reaches these calcifications cannot be told, read as "
                                 "uncertain: \"" +
                                 reading.sentence.text + "\"");
    }
    // "two further groups", "multiple similar clusters", "one of several groups": more than one
    // group, never one coded group restated (hostile review 96, S6).
    if (mention.status == MentionStatus::Affirmed) {
      if (const auto several = several_groups_said(item, reading, begin, match)) {
        candidate.doubts.push_back("the text names more than one group (\"" +
                                   words_of(item, *several, match.end) + "\"): \"" +
                                   reading.sentence.text + "\"");
      }
    }
    if (!candidate.descriptors.count) {
      candidate.descriptors.count = count_before(item, begin, match.begin);
    }
    if (mention.status == MentionStatus::Affirmed) candidate.status = MentionStatus::Affirmed;
    // A hedged restatement ("Dystrophic calcification is not favored") that joins a finding
    // read before makes that finding's kind uncertain (rule C14), never benign on its word.
    if (mention.status == MentionStatus::Uncertain && !context.scope_doubtful && !candidate.hedge) {
      candidate.hedge = mention.trigger;
    }
    const bool finding = gives_finding(mention.status);
    reading_.mentions.push_back(std::move(mention));
    if (finding) {
      candidate.mentions.push_back(reading_.mentions.size() - 1);
      giving.push_back(next_mention);
    }
  }
  if (candidate.mentions.empty()) return {};
  hedge_on_denial(candidate);
  if (candidate.laterality == Laterality::Both) {
    take_side_of_mentions(reading, descriptors, in_clause, giving, end, candidate);
  }
  std::vector<std::size_t> gave = add_candidate(candidate);
  // "…in the right breast, also contralaterally": the same calcifications on the other breast too,
  // with their kinds; their place there is not stated (the clause's place is the named breast's).
  const bool own_breast =
      candidate.laterality == Laterality::Left || candidate.laterality == Laterality::Right;
  if (own_breast && !relative) {
    if (const auto other = also_the_other_breast(item, reading, begin, end, candidate.laterality)) {
      Candidate there = candidate;
      there.laterality = other->value;
      there.laterality_read = other;
      there.breasts_disagreeing.reset();
      Descriptors& kept = there.descriptors;
      kept.sides = {*other};
      kept.clock.reset();
      kept.other_clocks.clear();
      kept.quadrant.reset();
      kept.other_quadrants.clear();
      kept.region.reset();
      kept.depth.reset();
      kept.from_nipple_mm.reset();
      kept.from_skin_mm.reset();
      kept.from_chest_wall_mm.reset();
      kept.extent_mm.reset();
      kept.count.reset();
      const std::vector<std::size_t> more = add_candidate(there);
      gave.insert(gave.end(), more.begin(), more.end());
      for (std::size_t index : candidate.mentions) {
        reading_.mentions[index].laterality = Laterality::Both;
      }
    }
  }
  // A part about that breast with calcifications of its own ("…, where a new cluster of
  // pleomorphic calcifications is seen") gives them; else they are of a degree not given.
  const bool next_part_compared_names_its_own =
      clause + 1 < reading.clauses.size() && reading.compared_breast_of_clause[clause + 1] &&
      std::any_of(mentions.begin(), mentions.end(), [&](const PhraseMatch& mention) {
        return mention.begin >= reading.clauses[clause + 1].first &&
               mention.begin < reading.clauses[clause + 1].second;
      });
  if (candidate.laterality != Laterality::Both && !relative && !next_part_compared_names_its_own) {
    if (const auto compared =
            breast_compared_in_degree(item, reading, matches, begin, end, candidate.laterality)) {
      const std::vector<std::size_t> there =
          add_compared_breast(item, reading, candidate, *compared);
      gave.insert(gave.end(), there.begin(), there.end());
    }
  }
  described_last_.insert(described_last_.end(), gave.begin(), gave.end());
  return gave;
}

namespace {

// Calcifications placed in one place: a group, a clock position or a quadrant.
bool placed_in_one_place(const Descriptors& descriptors) {
  const bool grouped = std::any_of(
      descriptors.distribution.begin(), descriptors.distribution.end(),
      [](const Read<Distribution>& read) { return read.value == Distribution::Grouped; });
  return grouped || descriptors.clock || descriptors.quadrant;
}

}  // namespace

// Under a heading of both breasts ("BILATERAL:", "Beidseits:"), calcifications placed in one place
// with no breast of their own: which breast cannot be told (unknown, review), never the one group
// copied to both breasts (hostile review 24). Diffuse ones are in both.
bool Reader::one_place_under_both_breasts(const SentenceReading& reading,
                                          const Descriptors& descriptors) const {
  return reading.heading_side && reading.heading_side->value == Laterality::Both &&
         placed_in_one_place(descriptors);
}

namespace {

// Suspicious words, or an assessment that is all the clause says ("…; suspicious.", "…;
// suspicious for malignancy"; not "…; suspicious mass in the right breast") or that assesses a
// group ("A second group at 10 o'clock is suspicious").
bool describes_concern(const Descriptors& descriptors) {
  const bool assessed =
      !descriptors.assessment.empty() &&
      (descriptors.words_besides_assessment <= 2 || !descriptors.distribution.empty());
  return describes_suspicious(descriptors) || assessed;
}

}  // namespace

// A clause without a mention, after ";" or a terminator, that still describes calcifications:
// a suspicious descriptor ("Calcifications: right - vascular; left - fine pleomorphic, grouped"),
// a hedge ("…; differential includes involuting fibroadenoma versus DCIS") — never dropped. One
// that a negation opens ("…; no fine pleomorphic forms") describes nothing.
bool Reader::goes_on_describing(const SentenceReading& reading, std::size_t clause) const {
  const std::size_t begin = reading.clauses[clause].first;
  const std::size_t end = reading.clauses[clause].second;
  const Descriptors& descriptors = reading.clause_descriptors[clause];
  if (reading.starts_in(ContextRole::Negated, begin, end)) {
    return false;
  }
  return describes_concern(descriptors) || hedge_in(reading.triggers, begin, end) != nullptr;
}

// An assessment that stands alone in a report that described calcifications before, where no
// sentence goes on about them ("… No calcifications in the right breast. Malignancy cannot be
// ruled out."): assessment words with at most four other words, no place, kind or arrangement,
// no negation, and no other finding named in the sentence ("The mass is suspicious").
bool Reader::lone_assessment(const Item& item, const SentenceReading& reading,
                             std::size_t clause) const {
  const std::size_t begin = reading.clauses[clause].first;
  const std::size_t end = reading.clauses[clause].second;
  if (reading_.findings.empty() || !only_assessment(reading.clause_descriptors[clause])) {
    return false;
  }
  // A relative's disease assesses nothing of the patient's ("Mother diagnosed with breast cancer
  // at 70").
  if (all_of_relatives(item, reading, reading.clause_descriptors[clause].assessment)) {
    return false;
  }
  const bool negated = reading.starts_in(ContextRole::Negated, begin, end);
  const SentenceRange& range = *reading.range;
  return !negated && std::none_of(item.tokens.begin() + static_cast<std::ptrdiff_t>(range.begin),
                                  item.tokens.begin() + static_cast<std::ptrdiff_t>(range.end),
                                  [&](const Token& token) {
                                    return words_.is(token, FunctionWordRole::OtherFinding);
                                  });
}

// A clause without a mention that opens with "but", "though", "although" … goes on about the
// calcifications before it ("Round calcifications, but some are pleomorphic, in the left breast"):
// its descriptors join those findings, a differing morphology as a conflict (the more suspicious
// stands). A typically benign word alone does not describe a finding that had none
// ("Calcifications, but some are round": the others are of unknown kind). A clause naming another
// breast is not about them.
void Reader::add_contrast(const Item& item, const SentenceReading& reading, std::size_t clause,
                          const std::vector<std::size_t>& findings, bool lone_assessment) {
  const Descriptors& descriptors = reading.clause_descriptors[clause];
  std::optional<Read<Laterality>> side = side_named(descriptors.sides);
  // "…; on that side a new fine pleomorphic cluster", "Dort neu gruppierte …": the breast named
  // last (hostile review 82: it reached every finding of the sentence, the other breast's too).
  if (!side) {
    side =
        relative_side(item, reading, reading.clauses[clause].first, reading.clauses[clause].second);
  }
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
    hedge_on_denial(more);
    merge_into(finding, more, finding.laterality);
    merged = true;
  }
  // An elliptical second group, a place on the other breast and nothing else ("Grouped
  // amorphous calcifications in the right breast at 10 o'clock, but on the left at 2 o'clock"):
  // the calcifications just described, there too (hostile review 23: the left group was
  // dropped). Uncertain, as an ellipsis cannot be told apart from a correction, with their
  // suspicious kinds and a note; never dropped.
  const std::size_t clause_begin = reading.clauses[clause].first;
  const std::size_t clause_end = reading.clauses[clause].second;
  const bool other_finding_named = [&] {
    for (std::size_t k = clause_begin; k < clause_end; ++k) {
      if (words_.is(item.tokens[k], FunctionWordRole::OtherFinding)) return true;
    }
    return false;
  }();
  const bool placed = descriptors.clock || descriptors.quadrant || descriptors.region;
  const bool elliptical = !merged && !lone_assessment && side && !findings.empty() && placed &&
                          descriptors.morphology.empty() && descriptors.distribution.empty() &&
                          descriptors.change.empty() && !other_finding_named &&
                          (side->value == Laterality::Left || side->value == Laterality::Right);
  if (elliptical) {
    Candidate own;
    own.descriptors = descriptors;
    for (std::size_t index : findings) {
      const Finding& described = reading_.findings[index];
      for (const auto& morphology : described.morphology) {
        if (!is_suspicious(morphology.term)) continue;
        own.descriptors.morphology.push_back({morphology.term,
                                              std::string(to_string(morphology.term)),
                                              TextSpan{described.position, 0, 0}, clause_begin});
      }
      if (described.distribution && follows_a_duct(described.distribution->term)) {
        const Distribution term = described.distribution->term;
        own.descriptors.distribution.push_back(
            {term, std::string(to_string(term)), TextSpan{described.position, 0, 0}, clause_begin});
      }
    }
    own.laterality_read = side;
    add_uncertain(own, item, reading,
                  "a place on the other breast with no calcification word of its own, read as "
                  "the calcifications just described, uncertain");
    return;
  }
  // Suspicious words with nowhere to go ("No calcifications in the right breast, but pleomorphic
  // ones in the left"; "Vascular calcifications on the right, but pleomorphic ones on the left")
  // are never dropped: an uncertain finding of their own, with a note.
  if (merged || !(lone_assessment || describes_concern(descriptors))) return;
  Candidate own;
  own.descriptors = descriptors;
  own.laterality_read = side ? side : reading.heading_side;
  add_uncertain(own, item, reading,
                "suspicious words with no calcification word of their own, read as uncertain "
                "calcifications");
}

// A finding the sentence implies without a calcification word of its own: uncertain, with the
// note saying why and quoting the sentence; later sentences may go on about it.
std::vector<std::size_t> Reader::add_uncertain(Candidate own, const Item& item,
                                               const SentenceReading& reading,
                                               const std::string& why) {
  own.laterality = own.laterality_read ? own.laterality_read->value : Laterality::Unknown;
  own.section = reading.range->section;
  own.position = *item.position;
  own.sentence = reading.sentence;
  own.status = MentionStatus::Uncertain;
  own.doubts.push_back(why + ": \"" + reading.sentence.text + "\"");
  std::vector<std::size_t> gave = add_candidate(own);
  described_last_.insert(described_last_.end(), gave.begin(), gave.end());
  return gave;
}

}  // namespace mammocalc::narrative::reading

namespace mammocalc {

using narrative::reading::Reader;

namespace {

// The phrase with German umlauts spelled out ("ä" as "ae", "ö" as "oe", "ü" as "ue"), as text
// typed without them writes it; none when it has none.
std::optional<std::string> umlauts_spelled_out(std::string_view phrase) {
  constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"\u00e4", "ae"}, {"\u00f6", "oe"}, {"\u00fc", "ue"}};
  std::string spelled;
  bool changed = false;
  for (std::size_t at = 0; at < phrase.size();) {
    const auto umlaut =
        std::find_if(std::begin(kSpellings), std::end(kSpellings), [&](const auto& spelling) {
          return phrase.compare(at, spelling.first.size(), spelling.first) == 0;
        });
    if (umlaut == std::end(kSpellings)) {
      spelled.push_back(phrase[at++]);
      continue;
    }
    spelled.append(umlaut->second);
    at += umlaut->first.size();
    changed = true;
  }
  if (!changed) return std::nullopt;
  return spelled;
}

// Each phrase with an umlaut gains its spelled-out twin, with the same meaning, unless the list
// has that phrase already (the lexicon's own word stands): "auffaelliger Befund" is read as
// "auffälliger Befund" (hostile review 46, H46-6: only the twins a lexicon wrote were read).
std::string& phrase_of(std::string& phrase) { return phrase; }
template <typename Entry>
std::string& phrase_of(Entry& entry) {
  return entry.phrase;
}

template <typename Entry>
void add_spelled_out_twins(std::vector<Entry>& list) {
  std::set<std::string> phrases;
  for (Entry& entry : list) phrases.insert(phrase_of(entry));
  const std::size_t written = list.size();
  for (std::size_t k = 0; k < written; ++k) {
    const std::optional<std::string> twin = umlauts_spelled_out(phrase_of(list[k]));
    if (!twin || !phrases.insert(*twin).second) continue;
    Entry added = list[k];
    phrase_of(added) = *twin;
    list.push_back(std::move(added));
  }
}

void add_spelled_out_umlauts(Wordings& wordings) {
  for (std::vector<std::string>* list :
       {&wordings.calcification, &wordings.high_risk_results, &wordings.ultrasound_correlate,
        &wordings.mass_with_calcifications, &wordings.distortion, &wordings.asymmetry,
        &wordings.distortion_cause, &wordings.mass, &wordings.not_laterality,
        &wordings.not_assessment, &wordings.composition, &wordings.breast_imaging, &wordings.breast,
        &wordings.category_words, &wordings.abbreviations}) {
    add_spelled_out_twins(*list);
  }
  add_spelled_out_twins(wordings.morphology);
  add_spelled_out_twins(wordings.distribution);
  add_spelled_out_twins(wordings.site);
  add_spelled_out_twins(wordings.laterality);
  add_spelled_out_twins(wordings.quadrant);
  add_spelled_out_twins(wordings.region);
  add_spelled_out_twins(wordings.depth);
  add_spelled_out_twins(wordings.change);
  add_spelled_out_twins(wordings.assessment);
  add_spelled_out_twins(wordings.context);
  add_spelled_out_twins(wordings.headings);
  add_spelled_out_twins(wordings.follow_up);
  add_spelled_out_twins(wordings.function_words);
  add_spelled_out_twins(wordings.measure_words);
  add_spelled_out_twins(wordings.numbers);
}

}  // namespace

PreparedWordings prepare_wordings(Wordings wordings_read) {
  using narrative::HeadingMeaning;
  using narrative::PhraseKind;
  add_spelled_out_umlauts(wordings_read);
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
  add_all(wordings->assessment, PhraseKind::Assessment);
  add_all(wordings->context, PhraseKind::Context);
  add_all(wordings->headings, PhraseKind::Heading);
  add_all(wordings->follow_up, PhraseKind::FollowUp);
  add_strings(wordings->ultrasound_correlate, PhraseKind::UltrasoundCorrelate);
  add_strings(wordings->mass_with_calcifications, PhraseKind::MassWithCalcifications);
  add_strings(wordings->distortion, PhraseKind::Distortion);
  add_strings(wordings->asymmetry, PhraseKind::Asymmetry);
  add_strings(wordings->distortion_cause, PhraseKind::DistortionCause);
  add_strings(wordings->mass, PhraseKind::Mass);
  add_strings(wordings->not_laterality, PhraseKind::NotLaterality);
  add_strings(wordings->not_assessment, PhraseKind::NotAssessment);
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

KnownWords::KnownWords(const PreparedWordings& wordings)
    : wordings_(wordings),
      words_(wordings.wordings
                 ? std::make_unique<const narrative::reading::FunctionWords>(*wordings.wordings)
                 : nullptr) {}

KnownWords::~KnownWords() = default;

std::size_t KnownWords::count(std::string_view text) const {
  if (!words_) return 0;
  std::string folded;
  const std::vector<narrative::Token> tokens = narrative::tokenise(text, folded);
  std::vector<bool> in_phrase(tokens.size(), false);
  for (const narrative::PhraseMatch& match : wordings_.index->match_all(tokens)) {
    for (std::size_t k = match.begin; k < match.end && k < tokens.size(); ++k) in_phrase[k] = true;
  }
  std::size_t known = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].kind == narrative::TokenKind::Word &&
        (in_phrase[k] || words_->is_any(tokens[k]))) {
      ++known;
    }
  }
  return known;
}

}  // namespace mammocalc
