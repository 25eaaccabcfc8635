#include "narrative/text_use.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {

namespace {

void take_procedure_laterality(const ContentItem& modifier, Finding& finding) {
  // "The contralateral breast" or "elsewhere" that nothing resolved is not the procedure's breast
  // (the other breast is said not to be it).
  if (finding.laterality != Laterality::Unknown || !finding.unresolved_place.empty()) return;
  const auto breast = laterality_for(modifier.code);
  if (!breast) return;
  finding.laterality = *breast;
  finding.laterality_source = LateralitySource::Procedure;
  finding.laterality_position = modifier.position;
  finding.text_evidence.push_back({NarrativeField::Laterality,
                                   std::string(to_string(*breast)),
                                   "the procedure reported is of the " +
                                       std::string(to_string(*breast)) +
                                       " breast (the text names no breast)",
                                   {modifier.position, 0, 0}});
}

bool has_conflict(const Finding& finding, FindingField field) {
  return std::any_of(finding.conflicts.begin(), finding.conflicts.end(),
                     [&](const ValueConflict& conflict) { return conflict.field == field; });
}

// A narrative finding's breast came from its clause or a heading (or the two disagreed).
void note_text_laterality_source(Finding& finding) {
  if (has_conflict(finding, FindingField::Laterality)) {
    finding.laterality_source = LateralitySource::Conflicting;
  } else if (finding.laterality != Laterality::Unknown &&
             finding.laterality_source == LateralitySource::None) {
    finding.laterality_source = LateralitySource::Narrative;
  }
}

// ---- Pairing narrative findings with coded ones (row W8, decision-logic.md §6.3–§6.4) ----

// The coded finding states its breast itself (its own item or a sub-item's modifier): a
// narrative finding of the other breast is not about it. A breast from context (procedure,
// study) does not keep them apart: where the text places the same calcifications on the other
// breast, that is a laterality conflict to show, not two findings.
bool own_breast(const Finding& coded) {
  return coded.laterality_source == LateralitySource::Finding ||
         coded.laterality_source == LateralitySource::SubItem;
}

// The two place the calcifications apart: clocks more than an hour apart, another quadrant or
// region.
bool placed_apart(const Location& a, const Location& b) {
  if (a.clock_hour && b.clock_hour && clock_distance(*a.clock_hour, *b.clock_hour) > 1) {
    return true;
  }
  if (a.quadrant && b.quadrant && *a.quadrant != *b.quadrant) return true;
  return a.region && b.region && *a.region != *b.region;
}

bool shares_morphology(const Finding& a, const Finding& b) {
  return std::any_of(a.morphology.begin(), a.morphology.end(), [&](const Coded<Morphology>& x) {
    return std::any_of(b.morphology.begin(), b.morphology.end(),
                       [&](const Coded<Morphology>& y) { return x.term == y.term; });
  });
}

bool same_distribution(const Finding& a, const Finding& b) {
  return a.distribution && b.distribution && a.distribution->term == b.distribution->term;
}

// What a narrative finding and a coded one share, in words; empty when nothing places or
// describes them alike.
std::string shared_facts(const Finding& text, const Finding& coded) {
  std::string shared;
  const auto add = [&](const std::string& words) {
    shared += (shared.empty() ? "" : ", ") + words;
  };
  if (text.location.clock_hour && coded.location.clock_hour &&
      clock_distance(*text.location.clock_hour, *coded.location.clock_hour) <= 1) {
    add("clock " + std::to_string(*coded.location.clock_hour));
  }
  if (text.location.quadrant && text.location.quadrant == coded.location.quadrant) {
    add("quadrant " + std::string(to_string(*coded.location.quadrant)));
  }
  if (text.location.region && text.location.region == coded.location.region) {
    add("region " + std::string(to_string(*coded.location.region)));
  }
  for (const Coded<Morphology>& term : text.morphology) {
    const bool coded_too =
        std::any_of(coded.morphology.begin(), coded.morphology.end(),
                    [&](const Coded<Morphology>& other) { return other.term == term.term; });
    if (coded_too) add(std::string(to_string(term.term)));
  }
  if (same_distribution(text, coded)) add(std::string(to_string(text.distribution->term)));
  return shared;
}

bool contradicts_descriptors(const Finding& text, const Finding& coded) {
  const bool morphology_apart =
      !text.morphology.empty() && !coded.morphology.empty() && !shares_morphology(text, coded);
  const bool distribution_apart =
      text.distribution && coded.distribution && !same_distribution(text, coded);
  return morphology_apart || distribution_apart;
}

struct Pairing {
  std::size_t coded;
  std::string shared;
  bool lends = true;  // they share facts: the text may add what the coded finding lacks
};

bool shares_place(const Finding& text, const Finding& coded) {
  const Location& a = text.location;
  const Location& b = coded.location;
  return (a.clock_hour && b.clock_hour && clock_distance(*a.clock_hour, *b.clock_hour) <= 1) ||
         (a.quadrant && a.quadrant == b.quadrant) || (a.region && a.region == b.region);
}

// The clock of the narrative finding as placed for one coded finding: of the clocks it names (the
// one it holds and a second of its clause, which the reader keeps as a conflict), the nearest to
// the coded finding's. Text naming that group and another describes that group (and row W8 keeps
// it for the other place, whichever clock the text named first).
std::optional<int> placed_clock(const Finding& text, const Finding& coded) {
  std::optional<int> placed = text.location.clock_hour;
  if (!text.location.clock_hour || !coded.location.clock_hour) return placed;
  const int target = *coded.location.clock_hour;
  // A range the text gives that holds the coded clock places the text there.
  if (clock_in_range(text, target)) return target;
  for (const int hour : clocks_quoted(text)) {
    if (clock_distance(hour, target) < clock_distance(*placed, target)) placed = hour;
  }
  return placed;
}

// The coded finding a narrative finding describes: the one of a breast that may agree, not
// placed apart, of no other morphology, that shares the most facts (a tie pairs with none: the
// text may be about either); else, for text that names its breast, the only coded finding of
// that breast when their descriptors do not disagree (compared for row W8, lending nothing).
// Text whose breast is unknown ("the same breast", "contralateral") or disputed pairs only where
// it names the same place: it may be about the other breast.
// Another narrative finding read from the same sentence places these calcifications on that
// breast too ("Gefäßverkalkungen beidseits" gives one per breast): the half of the other breast
// is no second breast for a coded finding whose breast comes from context (hostile review 69).
// The narrative findings by the sentences they were read from, built once for a report: looked up
// per sentence, not every sentence of every finding compared with every other (a text of the
// largest size gives findings of hundreds of thousands of sentences; review of the change).
using FindingsBySentence = std::map<std::pair<std::string, std::size_t>, std::vector<std::size_t>>;

FindingsBySentence findings_by_sentence(const std::vector<Finding>& text_findings) {
  FindingsBySentence by_sentence;
  for (std::size_t i = 0; i < text_findings.size(); ++i) {
    for (const TextSentence& sentence : text_findings[i].text_sentences) {
      std::vector<std::size_t>& holders =
          by_sentence[{sentence.span.position, sentence.span.begin}];
      if (holders.empty() || holders.back() != i) holders.push_back(i);
    }
  }
  return by_sentence;
}

bool also_described_on(const Finding& text, Laterality breast,
                       const std::vector<Finding>& text_findings,
                       const FindingsBySentence& by_sentence) {
  return std::any_of(
      text.text_sentences.begin(), text.text_sentences.end(), [&](const TextSentence& own) {
        const auto holders = by_sentence.find({own.span.position, own.span.begin});
        if (holders == by_sentence.end()) return false;
        return std::any_of(holders->second.begin(), holders->second.end(), [&](std::size_t i) {
          const Finding& other = text_findings[i];
          return &other != &text && other.laterality == breast &&
                 !contradicts_descriptors(other, text);
        });
      });
}

std::optional<Pairing> pair_with_coded(const Finding& text_as_read,
                                       const std::vector<Finding>& text_findings,
                                       const FindingsBySentence& by_sentence,
                                       const std::vector<Finding>& findings,
                                       std::size_t coded_count) {
  if (text_as_read.laterality_source == LateralitySource::Conflicting) return std::nullopt;
  const bool breast_named = text_as_read.laterality != Laterality::Unknown;
  std::vector<Pairing> sharing;
  std::vector<std::size_t> same_breast;
  // One copy, placed again for each coded finding: a copy per pair made the pairing of thousands
  // of findings slow (hostile review 53, H53-4).
  Finding text = text_as_read;
  for (std::size_t i = 0; i < coded_count; ++i) {
    const Finding& coded = findings[i];
    if (own_breast(coded) && !speaks_for(coded.laterality, text_as_read.laterality)) continue;
    if (!speaks_for(coded.laterality, text_as_read.laterality) &&
        also_described_on(text_as_read, coded.laterality, text_findings, by_sentence)) {
      continue;
    }
    text.location.clock_hour = placed_clock(text_as_read, coded);
    if (placed_apart(text.location, coded.location)) continue;
    // Another morphology is other calcifications, or the same described otherwise: either way
    // not restated, and W8 weighs the text on its own.
    if (!text.morphology.empty() && !coded.morphology.empty() && !shares_morphology(text, coded)) {
      continue;
    }
    if (!breast_named && !shares_place(text, coded)) continue;
    same_breast.push_back(i);
    std::string shared = shared_facts(text, coded);
    if (!shared.empty()) sharing.push_back({i, std::move(shared), true});
  }
  if (!sharing.empty()) {
    const auto facts = [](const Pairing& pairing) {
      return std::count(pairing.shared.begin(), pairing.shared.end(), ',');
    };
    std::stable_sort(sharing.begin(), sharing.end(),
                     [&](const Pairing& a, const Pairing& b) { return facts(a) > facts(b); });
    if (sharing.size() > 1 && facts(sharing[0]) == facts(sharing[1])) return std::nullopt;
    return sharing.front();
  }
  if (breast_named && same_breast.size() == 1 &&
      !contradicts_descriptors(text_as_read, findings[same_breast.front()])) {
    return Pairing{same_breast.front(), "the only coded finding of that breast", false};
  }
  return std::nullopt;
}

GivenValue given_by_text(const std::string& words, const Finding& text) {
  const std::string position =
      text.text_sentences.empty() ? std::string() : text.text_sentences.front().span.position;
  return {words + " (report text)", position};
}

// The text evidence of one field of the narrative finding, copied to the coded finding.
void quote_field(const Finding& text, NarrativeField field, Finding& coded) {
  for (const TextEvidence& evidence : text.text_evidence) {
    if (evidence.field == field) coded.text_evidence.push_back(evidence);
  }
}

// The breast the text gives a coded finding that has none of its own: where it has one from
// context (procedure, study) and the text names the other breast, the breast is unknown and the
// finding is classified under each (every item counts, decision-logic.md §1).
void add_text_laterality(const Finding& text, Finding& coded) {
  if (text.laterality == Laterality::Unknown || own_breast(coded)) return;
  const GivenValue from_text = given_by_text(std::string(to_string(text.laterality)), text);
  if (coded.laterality_source == LateralitySource::None) {
    coded.laterality = text.laterality;
    coded.laterality_source = LateralitySource::Narrative;
    coded.laterality_position = from_text.position;
    quote_field(text, NarrativeField::Laterality, coded);
    return;
  }
  if (coded.laterality_source == LateralitySource::Conflicting) {
    add_conflict(coded, FindingField::Laterality, {}, from_text);
    const bool known =
        std::any_of(coded.alternatives.begin(), coded.alternatives.end(), [&](const auto& other) {
          const auto* breast = std::get_if<Laterality>(&other.value);
          return breast != nullptr && *breast == text.laterality;
        });
    if (!known) coded.alternatives.push_back({text.laterality, from_text});
    quote_field(text, NarrativeField::Laterality, coded);
    return;
  }
  if (coded.laterality == text.laterality) return;
  const GivenValue from_context{std::string(to_string(coded.laterality)),
                                coded.laterality_position};
  add_conflict(coded, FindingField::Laterality, from_context, from_text);
  coded.alternatives.push_back({coded.laterality, from_context});
  coded.alternatives.push_back({text.laterality, from_text});
  coded.laterality = Laterality::Unknown;
  coded.laterality_source = LateralitySource::Conflicting;
  coded.laterality_position.clear();
  quote_field(text, NarrativeField::Laterality, coded);
}

// A site the text states counts as stated (decision-logic.md §6.7), below a coded one: a
// disagreement is a conflict, classified both ways.
void add_text_site(const Finding& text, Finding& coded) {
  if (text.stated_site == Site::Unknown) return;
  if (coded.stated_site == Site::Unknown) {
    coded.stated_site = text.stated_site;
    coded.stated_site_source = SiteSource::Narrative;
    quote_field(text, NarrativeField::Site, coded);
    return;
  }
  if (coded.stated_site == text.stated_site) return;
  const GivenValue from_text = given_by_text(std::string(to_string(text.stated_site)), text);
  add_conflict(coded, FindingField::Site, {std::string(to_string(coded.stated_site)), ""},
               from_text);
  coded.alternatives.push_back({text.stated_site, from_text});
  quote_field(text, NarrativeField::Site, coded);
}

// The more concerning change stands, as between two coded values; a disagreement is said.
void add_text_change(const Finding& text, Finding& coded) {
  if (text.change == Change::Unknown || text.change == coded.change) return;
  if (coded.change != Change::Unknown) {
    add_conflict(coded, FindingField::Change, {std::string(to_string(coded.change)), ""},
                 given_by_text(std::string(to_string(text.change)), text));
  }
  if (change_rank(text.change) > change_rank(coded.change)) coded.change = text.change;
  quote_field(text, NarrativeField::Change, coded);
}

// Where the coded finding is silent, the text's place and ultrasound correlate are its own.
void add_text_place(const Finding& text, Finding& coded) {
  Location& place = coded.location;
  const auto fill = [&](auto& slot, const auto& value, NarrativeField field) {
    if (slot || !value) return;
    slot = value;
    quote_field(text, field, coded);
  };
  fill(place.clock_hour, text.location.clock_hour, NarrativeField::Clock);
  fill(place.quadrant, text.location.quadrant, NarrativeField::Quadrant);
  fill(place.region, text.location.region, NarrativeField::Region);
  fill(place.depth, text.location.depth, NarrativeField::Depth);
  if (coded.ultrasound_visible == Presence::Unknown &&
      text.ultrasound_visible != Presence::Unknown) {
    coded.ultrasound_visible = text.ultrasound_visible;
    quote_field(text, NarrativeField::UltrasoundCorrelate, coded);
  }
}

// A clock or a count the coded finding gives and the text that describes it gives otherwise: the
// coded value stands (it is above text, decision-logic.md §1), the text's is a second value
// (every item counts: conflicting-values, review), never silently dropped (hostile review 23).
// Clocks an hour apart pair as the same place, yet are two values all the same.
void add_text_disagreements(const Finding& text, Finding& coded) {
  const auto held = [&](const std::string& words) { return GivenValue{words, coded.position}; };
  if (text.location.clock_hour && coded.location.clock_hour &&
      *text.location.clock_hour != *coded.location.clock_hour &&
      !clock_in_range(text, *coded.location.clock_hour)) {
    add_conflict(coded, FindingField::ClockFaceOrRegion,
                 held(std::to_string(*coded.location.clock_hour) + " o'clock"),
                 given_by_text(std::to_string(*text.location.clock_hour) + " o'clock", text));
    quote_field(text, NarrativeField::Clock, coded);
  }
  // Another arrangement for the same calcifications ("…, stable; diffuse distribution" beside a
  // coded grouped finding) is a second value classified too, however benign (hostile review 95).
  if (text.distribution && coded.distribution &&
      text.distribution->term != coded.distribution->term) {
    const GivenValue from_text =
        given_by_text(std::string(to_string(text.distribution->term)), text);
    add_conflict(coded, FindingField::Distribution,
                 {std::string(to_string(coded.distribution->term)), coded.distribution->position},
                 from_text);
    coded.alternatives.push_back({*text.distribution, from_text});
    quote_field(text, NarrativeField::Distribution, coded);
  }
  if (text.count && coded.count && *text.count != *coded.count) {
    add_conflict(coded, FindingField::Count, held(std::to_string(*coded.count)),
                 given_by_text(std::to_string(*text.count), text));
    quote_field(text, NarrativeField::Count, coded);
  }
}

// The coded finding gains what the narrative finding that describes it adds, below its own
// values in precedence (decision-logic.md §1), with the sentences it was read from.
void add_text_facts(const Finding& text, Finding& coded) {
  const std::size_t quoted = coded.text_evidence.size();
  add_text_laterality(text, coded);
  add_text_site(text, coded);
  add_text_change(text, coded);
  add_text_place(text, coded);
  add_text_disagreements(text, coded);
  // What the text could not read of what it describes is said where it is kept: on the coded
  // finding (issue 17: sizes that differ, "previously 8 mm, now 14 mm", were dropped with the
  // text finding).
  for (const ReaderNote& note : text.notes) {
    const bool said = std::any_of(
        coded.notes.begin(), coded.notes.end(),
        [&](const ReaderNote& held) { return held.code == note.code && held.text == note.text; });
    if (note.code == WarningCode::NarrativeUnresolved && !said) coded.notes.push_back(note);
  }
  if (coded.text_evidence.size() == quoted) return;
  for (const TextSentence& sentence : text.text_sentences) {
    const bool known = std::any_of(coded.text_sentences.begin(), coded.text_sentences.end(),
                                   [&](const TextSentence& other) {
                                     return other.span.position == sentence.span.position &&
                                            other.span.begin == sentence.span.begin;
                                   });
    if (!known) coded.text_sentences.push_back(sentence);
  }
}

// Text that places calcifications alike to the only coded finding of its breast (no other
// morphology or distribution) at a clock hours away from it: another group, or the same one
// placed otherwise, which the text cannot tell. The coded clock stands and the text's is a
// second value on it (conflicting-values, review), never silent (hostile review 23).
void note_clock_apart_on_the_only_coded_finding(const Finding& text, std::vector<Finding>& findings,
                                                std::size_t coded_count) {
  if (text.text_status != MentionStatus::Affirmed || !text.location.clock_hour) return;
  if (text.laterality != Laterality::Left && text.laterality != Laterality::Right) return;
  std::optional<std::size_t> only;
  for (std::size_t i = 0; i < coded_count; ++i) {
    if (findings[i].laterality != text.laterality) continue;
    if (only) return;
    only = i;
  }
  if (!only) return;
  Finding& coded = findings[*only];
  if (!coded.location.clock_hour || contradicts_descriptors(text, coded)) return;
  if (clock_distance(*text.location.clock_hour, *coded.location.clock_hour) <= 1) return;
  if (clock_in_range(text, *coded.location.clock_hour)) return;
  add_conflict(coded, FindingField::ClockFaceOrRegion,
               {std::to_string(*coded.location.clock_hour) + " o'clock", coded.position},
               given_by_text(std::to_string(*text.location.clock_hour) + " o'clock", text));
  quote_field(text, NarrativeField::Clock, coded);
}

// Text that affirms calcifications of a named kind on one breast: what may describe a coded
// finding of another breast (give_breast_to_coded_findings_described,
// note_breast_apart_on_the_coded_finding_alike).
bool affirms_kinds_on_one_breast(const Finding& text) {
  return text.text_status == MentionStatus::Affirmed && !text.morphology.empty() &&
         (text.laterality == Laterality::Left || text.laterality == Laterality::Right);
}

// Text that describes several coded findings alike ("Coarse popcorn-like calcification and
// vascular calcifications, right breast" beside a popcorn and a vascular one, each sharing its
// morphology) pairs with none, as no one of them is it; the breast it names is still given to
// each that has none of its own, as to a paired one: one of another breast from its context is a
// conflict (hostile review 74: both kept the procedure's left breast, unreviewed).
void give_breast_to_coded_findings_described(const Finding& text,
                                             const std::vector<Finding>& text_findings,
                                             const FindingsBySentence& by_sentence,
                                             std::vector<Finding>& findings,
                                             std::size_t coded_count) {
  if (!affirms_kinds_on_one_breast(text)) return;
  // A coded finding alike on the breast the text names is what it describes: the others are not
  // given that breast ("Coarse calcifications of the left breast" beside coarse ones on each).
  const auto alike = [&](const Finding& coded) {
    return !coded.morphology.empty() && shares_morphology(text, coded);
  };
  const auto on_its_breast = [&](const Finding& coded) {
    return coded.laterality == text.laterality && alike(coded);
  };
  const auto coded_end = findings.begin() + static_cast<std::ptrdiff_t>(coded_count);
  if (std::any_of(findings.begin(), coded_end, on_its_breast)) return;
  Finding placed = text;
  for (std::size_t i = 0; i < coded_count; ++i) {
    Finding& coded = findings[i];
    if (own_breast(coded) || !alike(coded)) continue;
    // Text of both breasts ("Vascular calcifications in both breasts") speaks of its breast too.
    if (also_described_on(text, coded.laterality, text_findings, by_sentence)) continue;
    placed.location.clock_hour = placed_clock(text, coded);
    if (placed_apart(placed.location, coded.location)) continue;
    add_text_laterality(text, coded);
  }
}

// Text that describes calcifications alike to a coded finding that states its own breast — same
// kind, not placed apart — on the other breast, where no coded finding is and of whose own breast
// the text says nothing: the same calcifications on two breasts, or two groups, which the text
// cannot tell. The coded breast stands and the text's is a second value on it (conflicting-values,
// review; hostile review 86: the coded right finding stayed benign and unreviewed while the text
// put it on the left).
void note_breast_apart_on_the_coded_finding_alike(const Finding& text,
                                                  const std::vector<Finding>& text_findings,
                                                  std::vector<Finding>& findings,
                                                  std::size_t coded_count) {
  if (!affirms_kinds_on_one_breast(text)) return;
  const auto coded_end = findings.begin() + static_cast<std::ptrdiff_t>(coded_count);
  if (std::any_of(findings.begin(), coded_end,
                  [&](const Finding& coded) { return coded.laterality == text.laterality; })) {
    return;
  }
  // Any text of the other breast may be what the coded finding is: no conflict to tell.
  const Laterality other =
      text.laterality == Laterality::Left ? Laterality::Right : Laterality::Left;
  if (std::any_of(text_findings.begin(), text_findings.end(), [other](const Finding& described) {
        return described.laterality == other || described.laterality == Laterality::Both;
      })) {
    return;
  }
  std::optional<std::size_t> alike;
  for (std::size_t i = 0; i < coded_count; ++i) {
    const Finding& coded = findings[i];
    if (!own_breast(coded) || coded.morphology.empty() || !shares_morphology(text, coded)) continue;
    Location placed = text.location;
    placed.clock_hour = placed_clock(text, coded);
    if (placed_apart(placed, coded.location)) continue;
    if (alike) return;  // two alike: the text is no one of them
    alike = i;
  }
  if (!alike) return;
  Finding& coded = findings[*alike];
  if (has_conflict(coded, FindingField::Laterality)) return;  // said by an earlier sentence
  add_conflict(coded, FindingField::Laterality,
               {std::string(to_string(coded.laterality)), coded.laterality_position},
               given_by_text(std::string(to_string(text.laterality)), text));
  quote_field(text, NarrativeField::Laterality, coded);
}

void pair_with_coded_findings(std::vector<Finding>& text_findings, Findings& findings) {
  const std::size_t coded_count = findings.findings.size();
  const FindingsBySentence by_sentence = findings_by_sentence(text_findings);
  for (Finding& text : text_findings) {
    const std::optional<Pairing> pairing =
        pair_with_coded(text, text_findings, by_sentence, findings.findings, coded_count);
    if (!pairing) {
      note_clock_apart_on_the_only_coded_finding(text, findings.findings, coded_count);
      give_breast_to_coded_findings_described(text, text_findings, by_sentence, findings.findings,
                                              coded_count);
      note_breast_apart_on_the_coded_finding_alike(text, text_findings, findings.findings,
                                                   coded_count);
      continue;
    }
    const Pairing& found = *pairing;
    text.paired_with = found.coded;
    text.pairing = found.shared;
    // An uncertain mention ("possible …") pairs, for row W8, but lends the coded finding nothing.
    if (text.text_status == MentionStatus::Affirmed && found.lends) {
      add_text_facts(text, findings.findings[found.coded]);
    }
  }
}

// Row E6 beside coded content: a category the text states is the report's where no coded overall
// category is, and where it differs from the coded one for that breast it is a second value
// (every item counts: E3/E4 or E7 weigh both, the higher stands). A category or follow-up that
// says what the coded content of that breast says adds nothing; any other follow-up the text
// states (a biopsy recommended beside benign coded findings) is weighed as the coded ones (W5,
// E5), never dropped because some overall statement is coded.
void keep_statements_coded_ones_do_not_say(const Findings& findings,
                                           std::vector<OverallStatement>& stated) {
  const std::vector<OverallStatement>& coded = findings.overall_statements;
  const auto category_in_code = [&](const OverallStatement& text) {
    const bool overall = std::any_of(coded.begin(), coded.end(), [&](const auto& statement) {
      return statement.category == text.category && (statement.laterality == text.laterality ||
                                                     statement.laterality == Laterality::Unknown);
    });
    // The category of a coded finding of that breast, restated in the impression.
    const bool finding =
        std::any_of(findings.findings.begin(), findings.findings.end(), [&](const Finding& each) {
          return each.origin != Origin::Narrative && each.reported_category == text.category &&
                 speaks_for(text.laterality, each.laterality);
        });
    return overall || finding;
  };
  const auto follow_up_in_code = [&](const StatedFollowUp& said, Laterality breast) {
    const bool overall = std::any_of(coded.begin(), coded.end(), [&](const auto& statement) {
      return speaks_for(statement.laterality, breast) &&
             std::any_of(
                 statement.follow_up.begin(), statement.follow_up.end(),
                 [&](const StatedFollowUp& held) { return same_concept(held.code, said.code); });
    });
    const bool finding =
        std::any_of(findings.findings.begin(), findings.findings.end(), [&](const Finding& each) {
          return each.origin != Origin::Narrative && speaks_for(breast, each.laterality) &&
                 std::any_of(each.reported_follow_up.begin(), each.reported_follow_up.end(),
                             [&](const Code& held) { return same_concept(held, said.code); });
        });
    return overall || finding;
  };
  for (OverallStatement& text : stated) {
    if (text.category && category_in_code(text)) text.category.reset();
    std::vector<StatedFollowUp>& follow_up = text.follow_up;
    follow_up.erase(std::remove_if(follow_up.begin(), follow_up.end(),
                                   [&](const StatedFollowUp& said) {
                                     return follow_up_in_code(said, text.laterality);
                                   }),
                    follow_up.end());
  }
  stated.erase(std::remove_if(stated.begin(), stated.end(),
                              [](const OverallStatement& text) {
                                return !text.category && text.follow_up.empty();
                              }),
               stated.end());
}

}  // namespace

namespace {

// The text asks for tissue of one breast while every calcification finding, coded or read from
// the text, is on the other ("… right breast at 10 o'clock. IMPRESSION: Stereotactic biopsy of
// the left breast."): one of the two breasts is wrong, and a biopsy of the wrong breast is harm.
// Never a silent choice (hostile review 23): each finding is noted, so the summary warns at it
// and the radiologist checks which breast is meant.
void note_tissue_asked_of_the_other_breast(
    const std::vector<NarrativeReading::TissueFollowUp>& asked, Findings& findings) {
  for (const NarrativeReading::TissueFollowUp& follow_up : asked) {
    const Laterality other =
        follow_up.laterality == Laterality::Left ? Laterality::Right : Laterality::Left;
    const bool all_on_the_other =
        !findings.findings.empty() &&
        std::all_of(findings.findings.begin(), findings.findings.end(),
                    [other](const Finding& finding) { return finding.laterality == other; });
    if (!all_on_the_other) continue;
    for (Finding& finding : findings.findings) {
      finding.notes.push_back(
          {WarningCode::NarrativeUnresolved,
           "the text asks for tissue (" + follow_up.code.meaning + ") of the " +
               std::string(to_string(follow_up.laterality)) +
               " breast, where no calcification finding is; this one is in the " +
               std::string(to_string(other)) + " breast: check which breast is meant: \"" +
               follow_up.quote + "\"",
           follow_up.position});
    }
  }
}

}  // namespace

namespace {

// A distortion or asymmetry read from the text takes the report's category for its breast (every
// overall statement that may be about it: the report's word where the calcification rules say
// none). Without one, what the rules do not weigh: its breast is 0 unless 4 or above (E15).
void assess_text_lesions(Findings& findings) {
  for (UnassessedFinding& lesion : findings.unassessed_findings) {
    if (!lesion.from_text) continue;
    for (const OverallStatement& statement : findings.overall_statements) {
      if (!statement.category || !speaks_for(statement.laterality, lesion.laterality)) continue;
      lesion.category = lesion.category ? more_suspicious(*lesion.category, *statement.category)
                                        : *statement.category;
    }
    if (!lesion.category) {
      lesion.not_weighed.push_back("a " + std::string(lesion.code.meaning) +
                                   " named in the report text, with no category the report "
                                   "states for its breast");
    }
  }
}

// The calcification mentions with the histories the text names among them, in document order.
std::vector<TextMention> with_histories(std::vector<TextMention> mentions,
                                        std::vector<NarrativeReading::History>& histories) {
  if (histories.empty()) return mentions;
  std::vector<TextMention> all;
  all.reserve(mentions.size() + histories.size());
  const auto at = [&mentions](std::size_t index) {
    return mentions.begin() + static_cast<std::ptrdiff_t>(std::min(index, mentions.size()));
  };
  std::size_t next = 0;
  for (NarrativeReading::History& history : histories) {
    const std::size_t until = std::max(next, std::min(history.before, mentions.size()));
    std::move(at(next), at(until), std::back_inserter(all));
    next = until;
    all.push_back(std::move(history.mention));
  }
  std::move(at(next), mentions.end(), std::back_inserter(all));
  return all;
}

}  // namespace

// Beside coded findings, what the text says of a breast they do not cover and the reader could not
// read (NarrativeReading::breast_statements: "Left breast: not assessable", "Unauffällig bis auf
// die linke Brust") is all the report says of that breast: never benign on the coded part alone
// (narrative-unresolved, review; hostile review 49). A breast with a coded finding is the
// pairing's (W8, W16); one named in text findings or lesions is said there.
void note_breast_statements(const std::vector<NarrativeReading::BreastStatement>& statements,
                            Findings& findings) {
  const auto covered = [&](Laterality breast) {
    return std::any_of(
        findings.findings.begin(), findings.findings.end(), [&](const Finding& finding) {
          return finding.laterality == breast || finding.laterality == Laterality::Both;
        });
  };
  std::vector<std::string> said;
  for (const NarrativeReading::BreastStatement& statement : statements) {
    const bool uncovered = statement.laterality == Laterality::Both
                               ? !covered(Laterality::Left) || !covered(Laterality::Right)
                               : !covered(statement.laterality);
    if ((!uncovered && statement.beside_calcifications) ||
        std::find(said.begin(), said.end(), statement.quote) != said.end()) {
      continue;
    }
    said.push_back(statement.quote);
    // On a breast coded findings cover, a sentence that names no calcifications ("The skin of
    // the right breast is thickened", "Preliminary report", "Impression: 4.") is not theirs
    // either: said too (hostile review 60).
    const std::string breast =
        statement.other_breast ? std::string(
                                     "the other breast, which may be one no coded "
                                     "finding covers")
        : statement.laterality == Laterality::Unknown ? std::string("a breast it does not name")
        : statement.laterality == Laterality::Both
            ? std::string(!uncovered ? "both breasts"
                          : covered(Laterality::Left) || covered(Laterality::Right)
                              ? "both breasts, one of which no coded finding covers"
                              : "both breasts, which no coded finding covers")
            : "the " + std::string(to_string(statement.laterality)) +
                  (uncovered ? " breast, which no coded finding covers" : " breast");
    const std::string statement_text =
        statement.kind == NarrativeReading::StatementKind::ReasonForExam
            ? "the text gives a reason for this exam (\"" + statement.word + "\") on " + breast
            : "the text says of " + breast + ", what this tool cannot read (\"" + statement.word +
                  "\")";
    findings.notes.push_back({WarningCode::NarrativeUnresolved,
                              statement_text + ": \"" + statement.quote + "\"",
                              statement.position});
  }
}

// Calcifications the indication, history or comparison names that only their section puts in
// the past ("REASON FOR EXAM: … left breast calcifications", "Fragestellung: Mikrokalk links"):
// the reason for this exam, perhaps on a breast the coded findings do not cover, where they are
// all the report says of it (hostile review 64). Of a breast the coded findings cover, they are
// what those findings answer.
void note_reasons_for_the_exam(const NarrativeReading& reading,
                               std::vector<NarrativeReading::BreastStatement>& statements) {
  // Of a breast they name: those of none are the ones the report goes on to describe ("COMPARISON:
  // Prior study shows the same calcifications"), and a disease the history names is its own
  // listing ("rule out malignancy").
  for (const TextMention& mention : reading.mentions) {
    if (!mention.past_by_section || mention.laterality == Laterality::Unknown) continue;
    NarrativeReading::BreastStatement reason{mention.laterality, mention.words,
                                             mention.sentence.text, mention.sentence.span.position};
    reason.beside_calcifications = true;
    reason.kind = NarrativeReading::StatementKind::ReasonForExam;
    statements.push_back(std::move(reason));
  }
}

namespace {

// Text that denies any calcifications of a breast, plainly ("No calcifications in either
// breast.", "Keine Verkalkungen rechts."), beside coded calcifications of that breast: the two
// cannot both hold (the coded content may be another exam's, copied forward): said on each such
// coded finding, for review (hostile review 96, S10). Plainly: the negation right before the
// calcification word, nothing between ("No suspicious calcifications", "No new calcifications"
// deny only some), no calcifications affirmed in the sentence (an exception), not in a section
// of the past.
void note_denials_of_coded_calcifications(const std::vector<TextMention>& mentions,
                                          Findings& findings) {
  const auto affirmed_in = [&](const TextSentence& sentence) {
    return std::any_of(mentions.begin(), mentions.end(), [&](const TextMention& other) {
      return other.sentence.span.position == sentence.span.position &&
             other.sentence.span.begin == sentence.span.begin &&
             other.status != MentionStatus::Negated;
    });
  };
  for (const TextMention& mention : mentions) {
    if (!mention.denied_outright || mention.past_by_section || affirmed_in(mention.sentence)) {
      continue;
    }
    const TextSentence& sentence = mention.sentence;
    for (Finding& coded : findings.findings) {
      if (coded.origin == Origin::Narrative || !speaks_for(mention.laterality, coded.laterality)) {
        continue;
      }
      coded.notes.push_back({WarningCode::NarrativeUnresolved,
                             "the report text denies calcifications where this coded finding "
                             "has them: \"" +
                                 sentence.text + "\"",
                             sentence.span.position});
    }
  }
}

}  // namespace

void use_narrative(NarrativeReading reading, const ContentItem* procedure_laterality,
                   Findings& findings) {
  if (reading.text_items == 0) return;
  findings.report_text = std::move(reading.report_text);
  findings.notes.insert(findings.notes.end(), reading.notes.begin(), reading.notes.end());
  for (Finding& finding : reading.findings) note_text_laterality_source(finding);
  const bool coded =
      std::any_of(findings.findings.begin(), findings.findings.end(),
                  [](const Finding& finding) { return finding.origin != Origin::Narrative; });
  // A finding the text implies without a calcification word ("Left: fine pleomorphic,
  // grouped.") has no mention of its own: beside coded findings it counts all the same
  // (hostile review 42, H42-1).
  if (coded) {
    note_reasons_for_the_exam(reading, reading.breast_statements);
    note_breast_statements(reading.breast_statements, findings);
    note_denials_of_coded_calcifications(reading.mentions, findings);
  } else {
    // A category the text may state that was not read, and a disease the text says is of now
    // (recent, untreated, proven), are said in a text-only report too (hostile review 77: "Cat
    // 4." and "Right breast vacuum biopsy 3 weeks ago, histology: DCIS" left the breast "BI-RADS
    // 2 benign, routine screening").
    for (const NarrativeReading::BreastStatement& statement : reading.breast_statements) {
      const bool disease_now = statement.kind == NarrativeReading::StatementKind::ReasonForExam &&
                               !statement.beside_calcifications;
      if (statement.kind == NarrativeReading::StatementKind::UnreadCategory) {
        findings.notes.push_back({WarningCode::NarrativeUnresolved,
                                  "the text may state a category that was not read (\"" +
                                      statement.word + "\"): \"" + statement.quote + "\"",
                                  statement.position});
      } else if (disease_now) {
        findings.notes.push_back(
            {WarningCode::NarrativeUnresolved,
             "the text gives a reason for this exam of now (\"" + statement.word +
                 "\"), which its calcification findings do not weigh: \"" + statement.quote + "\"",
             statement.position});
      }
    }
  }
  if (coded && reading.mentions.empty() && reading.histories.empty() &&
      reading.assessments.empty() && reading.findings.empty() && reading.other_lesions.empty()) {
    return;
  }
  if (procedure_laterality != nullptr) {
    for (Finding& finding : reading.findings)
      take_procedure_laterality(*procedure_laterality, finding);
  }
  if (coded) pair_with_coded_findings(reading.findings, findings);
  const std::size_t first = findings.findings.size();
  for (TextMention& mention : reading.mentions) {
    std::transform(mention.findings.begin(), mention.findings.end(), mention.findings.begin(),
                   [first](std::size_t index) { return index + first; });
  }
  findings.text_mentions = with_histories(std::move(reading.mentions), reading.histories);
  findings.text_use = coded ? Findings::TextUse::Paired : Findings::TextUse::Read;
  if (coded) keep_statements_coded_ones_do_not_say(findings, reading.assessments);
  // A text-only report's distortion or asymmetry beside its calcifications is another finding
  // (hostile review 29, H29-9). Beside coded content, one the coded findings do not hold (of its
  // kind and breast) is never dropped either: the text names a mass the codes do not, so its
  // breast and the exam are not what the codes alone say (not weighed: 0 unless 4 or above, and
  // review; hostile review 43, H43-1: "Left breast: suspicious mass" beside benign coded
  // calcifications came out benign, unreviewed).
  for (UnassessedFinding& lesion : reading.other_lesions) {
    if (coded && !lesion.unread_category) {
      const bool held = std::any_of(
          findings.unassessed_findings.begin(), findings.unassessed_findings.end(),
          [&](const UnassessedFinding& other) {
            // One named by a word alone has no code to be held by (review 47, R47-2).
            return !lesion.code.value.empty() && other.code.value == lesion.code.value &&
                   (other.laterality == lesion.laterality ||
                    other.laterality == Laterality::Unknown);
          });
      if (held) continue;
      lesion.not_weighed.push_back("a " + std::string(lesion.code.meaning) +
                                   " named in the report text that its coded findings do not "
                                   "hold");
    }
    findings.unassessed_findings.push_back(std::move(lesion));
  }
  add_text_findings(findings, std::move(reading.findings), std::move(reading.assessments));
  assess_text_lesions(findings);
  note_tissue_asked_of_the_other_breast(reading.tissue_follow_ups, findings);
}

}  // namespace mammocalc
