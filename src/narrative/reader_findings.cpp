// The narrative reader's findings: one per described group; candidates join the finding they
// restate or start one, and a value given twice is kept as a conflict, never chosen silently
// (decision-logic.md §1, §6.2).

#include <algorithm>
#include <cmath>
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

namespace {

// ---- Suspicion order for merged values (the more suspicious stands, decision-logic.md §1) ----

// The order in which a merged distribution is shown first (the rules classify every one).
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
  if (finding.distribution && follows_a_duct(finding.distribution->term)) return 2;
  return finding.morphology.empty() ? 1 : 0;
}

// The words of reads, each quoted, comma separated (a note quoting values told twice).
template <typename T>
std::string quoted_words(const std::vector<const Read<T>*>& reads) {
  std::string told;
  for (const Read<T>* read : reads) told += (told.empty() ? "\"" : ", \"") + read->words + "\"";
  return told;
}

// Whether the candidate was read from a sentence the finding already quotes.
bool said_in_its_sentences(const Finding& finding, const Candidate& candidate) {
  return std::any_of(finding.text_sentences.begin(), finding.text_sentences.end(),
                     [&](const TextSentence& sentence) {
                       return sentence.span.position == candidate.sentence.span.position &&
                              sentence.span.begin == candidate.sentence.span.begin;
                     });
}

// A later sentence or part that places calcifications of no named kind ("The calcification at 2
// o'clock is new.") after benign-kind calcifications placed nowhere ("Vascular calcifications in
// the left breast."): possibly another group. Joined, the benign kind would reassure about it.
bool places_apart_from_benign(const Finding& finding, const Candidate& candidate) {
  const Descriptors& d = candidate.descriptors;
  const bool places = d.clock || d.quadrant;
  const bool placed = finding.location.clock_hour || finding.location.quadrant;
  if (!places || placed || !d.morphology.empty() || suspicion_of(finding) != 0) return false;
  // In the same sentence too where they are named again ("vascular calcifications; also a few
  // tiny calcifications at 10 o'clock": hostile review 86, the breast called benign).
  if (!candidate.mentions.empty()) return true;
  return !said_in_its_sentences(finding, candidate);
}

// Calcifications named in a later sentence with no kind of their own, after benign-kind ones
// ("Popcorn calcification right breast. Grouped microcalcifications.", "… Irregular
// calcifications.", "… A second cluster of calcifications …"): joined, the benign kind reassured
// about whatever they are, and what the later sentence says beyond the kind was lost (hostile
// review 90, S1). They join only where they restate: called benign, assessed, a change or a place
// said of them, and nothing that a restatement of a benign group would not say (small beside a
// coarse kind, otherwise arranged, counted, doubted, hedged, in a lesion).
bool new_calcifications_after_benign(const Finding& finding, const Candidate& candidate) {
  const Descriptors& d = candidate.descriptors;
  if (candidate.mentions.empty() || !d.morphology.empty() || suspicion_of(finding) != 0 ||
      said_in_its_sentences(finding, candidate)) {
    return false;
  }
  const bool restating_words = candidate.called_benign || !candidate.benign_hedge.empty() ||
                               !d.assessment.empty() || !d.change.empty() || d.clock ||
                               d.quadrant || d.region;
  const bool arranged_otherwise =
      std::any_of(d.distribution.begin(), d.distribution.end(), [&](const auto& read) {
        return read.value != Distribution::Diffuse &&
               !(finding.distribution && finding.distribution->term == read.value);
      });
  // Small beside a coarse kind: not what that kind describes (punctate ones may be small).
  const bool smaller = !candidate.said_small.empty() &&
                       std::all_of(finding.morphology.begin(), finding.morphology.end(),
                                   [](const auto& held) { return is_coarse(held.term); });
  const bool more = smaller || arranged_otherwise || d.count || !candidate.doubts.empty() ||
                    candidate.hedge || d.denied || d.lesion || d.mass ||
                    candidate.status != MentionStatus::Affirmed;
  return more || !restating_words;
}

// The other way round: calcifications of a coarse kind in a later sentence after small ones of
// no kind ("Microcalcifications right breast. Popcorn calcification right breast."): the coarse
// kind does not describe small calcifications (hostile review 90, S1).
bool coarse_after_small(const Finding& finding, const Candidate& candidate) {
  const Descriptors& d = candidate.descriptors;
  return !finding.said_small.empty() && finding.morphology.empty() && !d.morphology.empty() &&
         std::all_of(d.morphology.begin(), d.morphology.end(),
                     [](const auto& read) { return is_coarse(read.value); }) &&
         !said_in_its_sentences(finding, candidate);
}

// A candidate may restate a finding: same breast (or one unknown), no place that differs, and —
// within the same part of the report — no kind that differs (a second group is a new finding).
bool compatible(const Finding& finding, ReportSection finding_section, const Candidate& candidate) {
  const Descriptors& d = candidate.descriptors;
  // "Suspicious calcifications in the contralateral breast / elsewhere" names another place.
  if (!candidate.unresolved_place.empty()) return false;
  if (candidate.laterality != Laterality::Unknown && finding.laterality != Laterality::Unknown &&
      candidate.laterality != finding.laterality) {
    return false;
  }
  const Location& where = finding.location;
  if (d.clock && where.clock_hour && clock_distance(*where.clock_hour, d.clock->value) > 1)
    return false;
  if (d.quadrant && where.quadrant && *where.quadrant != d.quadrant->value) return false;
  if (d.region && where.region && *where.region != d.region->value) return false;
  if (d.depth && where.depth && *where.depth != d.depth->value) return false;
  if (places_apart_from_benign(finding, candidate)) return false;
  if (new_calcifications_after_benign(finding, candidate)) return false;
  if (coarse_after_small(finding, candidate)) return false;
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

}  // namespace

// Folds a candidate's facts into a finding; where they contradict, the more suspicious stands
// and both values are recorded.
void merge_into(Finding& finding, const Candidate& candidate, Laterality laterality) {
  const Descriptors& d = candidate.descriptors;
  const std::string& position = candidate.position;
  if (finding.unresolved_place.empty()) finding.unresolved_place = candidate.unresolved_place;
  if (finding.benign_hedge.empty()) finding.benign_hedge = candidate.benign_hedge;
  finding.called_benign = finding.called_benign || candidate.called_benign;
  if (finding.said_small.empty()) finding.said_small = candidate.said_small;
  // One sentence hedges the calcifications another states without doubt ("…, favored benign."
  // and "Benign popcorn calcifications."): the doubt is said, whichever comes first (hostile
  // review 75: the affirmed one hid it, the exam benign and unreviewed).
  // Only a sentence that names them itself (not a suspicion or a category read as them).
  const bool read_before = !finding.text_sentences.empty();
  const bool hedged_here = candidate.status == MentionStatus::Uncertain;
  if (read_before && !candidate.mentions.empty() &&
      hedged_here != (finding.text_status == MentionStatus::Uncertain)) {
    finding.notes.push_back({WarningCode::NarrativeUnresolved,
                             "one sentence hedges these calcifications and another does not: \"" +
                                 candidate.sentence.text + "\"",
                             candidate.position});
  }
  if (candidate.status == MentionStatus::Affirmed && !candidate.hedge) {
    finding.text_status = MentionStatus::Affirmed;
  } else if (candidate.hedge && finding.text_status == MentionStatus::Affirmed) {
    // A finding read as affirmed becomes uncertain (one that is uncertain already, or new, stays
    // so without a second note).
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
  if (candidate.breasts_disagreeing &&
      std::none_of(
          finding.conflicts.begin(), finding.conflicts.end(),
          [](const ValueConflict& held) { return held.field == FindingField::Laterality; })) {
    const Candidate::BreastDisagreement& disagreement = *candidate.breasts_disagreeing;
    finding.laterality = Laterality::Unknown;
    ValueConflict conflict{FindingField::Laterality, {}};
    for (const Read<Laterality>* named : {&disagreement.heading, &disagreement.clause}) {
      conflict.given.push_back({named->words, position});
      finding.alternatives.push_back({named->value, {named->words, position}});
    }
    finding.conflicts.push_back(std::move(conflict));
    finding.notes.push_back({WarningCode::NarrativeUnresolved,
                             "the text names the " +
                                 std::string(to_string(disagreement.heading.value)) +
                                 " breast and, for the same calcifications, the " +
                                 std::string(to_string(disagreement.clause.value)) +
                                 " breast: classified under each, the breast for review: \"" +
                                 candidate.sentence.text + "\"",
                             position});
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
                     {std::string(to_string(finding.morphology.front().term)),
                      finding.morphology.front().position},
                     {std::string(to_string(morphology.value)), position});
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
          finding, FindingField::Distribution,
          {std::string(to_string(finding.distribution->term)), finding.distribution->position},
          {std::string(to_string(distribution.value)), position});
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
      add_conflict(finding, FindingField::Site,
                   {std::string(to_string(finding.stated_site)), position},
                   {std::string(to_string(site.value)), position});
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
  // The end of a range whose start is held ("between 2 and 3 o'clock") is no second position:
  // the range is kept and said, either end the finding's place.
  const auto range_ending = [&d](const Read<int>& clock) {
    return std::find_if(d.clock_range_ends.begin(), d.clock_range_ends.end(),
                        [&clock](const Descriptors::ClockRangeEnd& range) {
                          return range.token == clock.token && range.to == clock.value;
                        });
  };
  auto add_clock = [&](const Read<int>& clock) {
    const auto range = range_ending(clock);
    if (!where.clock_hour) {
      where.clock_hour = clock.value;
    } else if (range != d.clock_range_ends.end() && *where.clock_hour == range->from) {
      finding.clock_ranges.push_back({range->from, range->to});
      finding.notes.push_back({WarningCode::NarrativeUnresolved,
                               "clock position given as a range " + std::to_string(range->from) +
                                   "\u2013" + std::to_string(range->to) + " (\"" + clock.words +
                                   "\"): held as " + std::to_string(range->from) +
                                   " o'clock, either end matches a coded or annotated position",
                               position});
    } else if (*where.clock_hour != clock.value) {
      add_conflict(finding, FindingField::ClockFaceOrRegion,
                   {std::to_string(*where.clock_hour), finding.position},
                   {std::to_string(clock.value), position});
    }
    finding.text_evidence.push_back(
        evidence(NarrativeField::Clock, std::to_string(clock.value), clock.words, clock.span));
  };
  if (d.clock) add_clock(*d.clock);
  for (const Read<int>& clock : d.other_clocks) add_clock(clock);
  // Hostile review 29, H29-12: "between 12 and 13 o'clock" gave no clock and no word of it.
  for (const Read<int>& said : d.no_clock_hours) {
    finding.notes.push_back({WarningCode::NarrativeUnresolved,
                             "clock position \"" + said.words + "\" names " +
                                 std::to_string(said.value) +
                                 ", which is no clock hour (1 to 12): no clock position is read "
                                 "from it; check the place against the report",
                             position});
  }
  // A quadrant that differs from the one held is kept as a conflict, as a second clock is.
  auto add_quadrant = [&](const Read<Quadrant>& quadrant) {
    if (!where.quadrant) {
      where.quadrant = quadrant.value;
    } else if (*where.quadrant != quadrant.value) {
      add_conflict(finding, FindingField::Quadrant,
                   {std::string(to_string(*where.quadrant)), finding.position},
                   {std::string(to_string(quadrant.value)), position});
    }
    finding.text_evidence.push_back(evidence(NarrativeField::Quadrant,
                                             std::string(to_string(quadrant.value)), quadrant.words,
                                             quadrant.span));
  };
  if (d.quadrant) add_quadrant(*d.quadrant);
  for (const Read<Quadrant>& quadrant : d.other_quadrants) add_quadrant(quadrant);
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
  // Sizes that differ ("previously 8 mm, now 14 mm", "spanning 14 mm, 8 mm on the prior"): which
  // is the group's now, and whether it grew, is not read (issue 17: growth told by sizes was
  // benign, unreviewed).
  std::vector<const Read<double>*> sizes;
  if (d.extent_mm) sizes.push_back(&*d.extent_mm);
  std::transform(d.other_sizes.begin(), d.other_sizes.end(), std::back_inserter(sizes),
                 [](const Read<double>& size) { return &size; });
  const auto differs = std::find_if(sizes.begin(), sizes.end(), [&](const Read<double>* size) {
    return std::abs(size->value - sizes.front()->value) >= 0.5;
  });
  if (differs != sizes.end()) {
    finding.notes.push_back({WarningCode::NarrativeUnresolved,
                             "sizes " + quoted_words(sizes) +
                                 " differ: which is the calcifications' now, and whether they "
                                 "grew, is not read from them; check the size against the report",
                             position});
  }
  // Counts that differ ("now number 15, previously 3", "count 3 -> 15"): whether they grew is not
  // read; never silently one of them (hostile review 90, S4: stable coded, grown in figures).
  std::vector<const Read<int>*> numbers;
  if (d.count) numbers.push_back(&*d.count);
  for (const Read<int>& number : d.other_numbers) {
    if (!d.count || number.token != d.count->token) numbers.push_back(&number);
  }
  const auto number_differs = std::find_if(
      numbers.begin(), numbers.end(),
      [&](const Read<int>* number) { return number->value != numbers.front()->value; });
  if (number_differs != numbers.end()) {
    finding.notes.push_back({WarningCode::NarrativeUnresolved,
                             "numbers " + quoted_words(numbers) +
                                 " differ: whether they count the calcifications now and before, "
                                 "and whether they grew, is not read; check the count against "
                                 "the report",
                             position});
  }
  if (d.count) {
    if (finding.count && *finding.count != d.count->value) {
      add_conflict(finding, FindingField::Count, {std::to_string(*finding.count), position},
                   {std::to_string(d.count->value), position});
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
      add_conflict(finding, FindingField::Change,
                   {std::string(to_string(finding.change)), position},
                   {std::string(to_string(change.value)), position});
      if (change_rank(change.value) > change_rank(finding.change)) finding.change = change.value;
    }
    finding.text_evidence.push_back(evidence(
        NarrativeField::Change, std::string(to_string(change.value)), change.words, change.span));
  }
  if (d.ultrasound) {
    // Seen wins over not seen; a hedged correlate (unknown) changes neither.
    if (d.ultrasound->value == Presence::Yes || finding.ultrasound_visible == Presence::Unknown) {
      finding.ultrasound_visible = d.ultrasound->value;
    }
    finding.text_evidence.push_back(evidence(NarrativeField::UltrasoundCorrelate,
                                             std::string(to_string(d.ultrasound->value)),
                                             d.ultrasound->words, d.ultrasound->span));
  }
  // The text's own assessment of the calcifications ("suspicious", "highly suspicious"): their
  // reported category from text; the highest stands, every word is quoted (R1 weighs it).
  for (const auto& said : d.assessment) {
    if (!finding.reported_category ||
        category_rank(said.value) > category_rank(*finding.reported_category)) {
      finding.reported_category = said.value;
      finding.reported_category_source = ReportedSource::Narrative;
    }
    finding.text_evidence.push_back(evidence(
        NarrativeField::Assessment, std::string(to_string(said.value)), said.words, said.span));
  }
  if (d.mass) {
    finding.mass_with_calcifications = true;
    finding.text_evidence.push_back(
        evidence(NarrativeField::MassWithCalcifications, "yes", d.mass->words, d.mass->span));
  }
  if (d.lesion) {
    // As a TID 4206 finding code names it (C15, C16, W19; hostile review 28, H28-4).
    const bool distortion = d.lesion->value == Lesion::ArchitecturalDistortion;
    const Code code = distortion ? Code{"129792006", "SCT", "Architectural distortion of breast"}
                                 : Code{"129789007", "SCT", "Focal asymmetric breast tissue"};
    // A distortion or an asymmetry the text explains by surgery or trauma at the site (hostile
    // review 29, H29-8) stays explained only while every lesion read of the finding is (one read
    // before or after without a cause leaves it unexplained).
    const bool unexplained_before = finding.lesion && finding.distortion_cause.empty();
    if (!d.lesion_cause) finding.distortion_cause.clear();
    if (d.lesion_cause && !unexplained_before) {
      finding.distortion_cause = d.lesion_cause->words;
      finding.text_evidence.push_back(evidence(NarrativeField::LesionCause, "surgery-or-trauma",
                                               d.lesion_cause->words, d.lesion_cause->span));
    }
    // A distortion stands over an asymmetry (C15 over C16), as within one clause.
    const bool distortion_held =
        finding.lesion && finding.lesion->term == Lesion::ArchitecturalDistortion;
    if (distortion || !distortion_held) {
      finding.lesion = Coded<Lesion>{d.lesion->value, code, d.lesion->span.position};
    }
    finding.text_evidence.push_back(evidence(NarrativeField::Lesion,
                                             distortion ? "architectural-distortion" : "asymmetry",
                                             d.lesion->words, d.lesion->span));
  }
}

bool only_assessment(const Descriptors& descriptors) {
  return !descriptors.assessment.empty() && descriptors.words_besides_assessment <= 4 &&
         !descriptors.clock && !descriptors.quadrant && !descriptors.region &&
         descriptors.morphology.empty() && descriptors.distribution.empty();
}

namespace {

// A growth, or a denied reassurance, that is all the sentence says ("No longer stable.",
// "Changed since the prior examination.", "Not stable.", "Increasing in number and now
// clustered."): said of the calcifications just described. Stability or a decrease alone is not
// taken so: a reassurance must name what it reassures about.
bool only_growth_or_doubt(const Descriptors& descriptors) {
  const auto& change = descriptors.change;
  const bool placed_or_kind = descriptors.clock || descriptors.quadrant || descriptors.region ||
                              !descriptors.morphology.empty();
  if (placed_or_kind) return false;
  if (change.empty()) {
    return descriptors.distribution.empty() && descriptors.denied.has_value() &&
           descriptors.words <= 5;
  }
  // A growth may say how they are arranged now ("Increasing in number and now clustered.").
  const std::size_t kMostOtherWords = descriptors.distribution.empty() ? 4 : 6;
  return descriptors.words_besides_change <= kMostOtherWords &&
         std::all_of(change.begin(), change.end(), [](const Read<Change>& read) {
           return read.value == Change::New || read.value == Change::Increased;
         });
}

}  // namespace

// A sentence goes on describing the previous one's findings when it opens with a word that
// refers back ("They are fine pleomorphic"), when all it says is an assessment, a growth or a
// denied reassurance, or the ultrasound correlate ("No sonographic correlate."), and names no
// breast of its own.
bool Reader::continues_previous(const Item& item, std::size_t opening,
                                const Descriptors& descriptors) const {
  if (!descriptors.sides.empty()) return false;
  const bool describes = !descriptors.morphology.empty() || !descriptors.distribution.empty() ||
                         !descriptors.site.empty() || !descriptors.change.empty() ||
                         descriptors.clock || descriptors.quadrant || descriptors.region ||
                         descriptors.depth || descriptors.from_nipple_mm || descriptors.extent_mm ||
                         descriptors.count || descriptors.ultrasound || descriptors.mass ||
                         !descriptors.assessment.empty() || descriptors.denied;
  if (!describes) return false;  // "It is recommended that…" adds nothing to quote
  if (refers_back(item.tokens[opening], words_)) return true;
  if (only_assessment(descriptors) || only_growth_or_doubt(descriptors)) return true;
  const bool only_ultrasound = descriptors.ultrasound && descriptors.morphology.empty() &&
                               descriptors.distribution.empty() && descriptors.site.empty() &&
                               !descriptors.clock && !descriptors.quadrant && !descriptors.region &&
                               !descriptors.extent_mm;
  return only_ultrasound;
}

namespace {

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

// Which breast a change between two breasts' names belongs to: the one whose name and the change
// no and-word separates ("in the left breast, new since 2025, and in the right breast": left;
// "stable on the right and new on the left": left); failing and-words, the same with commas
// ("unchanged on the right, new on the left": left). Unknown when nothing tells.
enum class Placed { Before, After, Unknown };
Placed change_placed(const Descriptors& descriptors, std::size_t before, std::size_t at,
                     std::size_t after) {
  for (const std::vector<std::size_t>* marks : {&descriptors.and_words, &descriptors.commas}) {
    const bool in_before = std::any_of(marks->begin(), marks->end(),
                                       [&](std::size_t k) { return before < k && k < at; });
    const bool in_after = std::any_of(marks->begin(), marks->end(),
                                      [&](std::size_t k) { return at < k && k < after; });
    if (in_before != in_after) return in_before ? Placed::After : Placed::Before;
  }
  return Placed::Unknown;
}

// The breasts named nearest before and after a token of a clause (left or right only; null where
// none is named on that side).
struct NearestBreasts {
  const Read<Laterality>* before = nullptr;
  const Read<Laterality>* after = nullptr;
};
NearestBreasts nearest_breasts(const Descriptors& descriptors, std::size_t token) {
  NearestBreasts nearest;
  for (const Read<Laterality>& read : descriptors.sides) {
    if (read.value != Laterality::Left && read.value != Laterality::Right) continue;
    if (read.token < token && (nearest.before == nullptr || read.token > nearest.before->token)) {
      nearest.before = &read;
    }
    if (read.token > token && (nearest.after == nullptr || read.token < nearest.after->token)) {
      nearest.after = &read;
    }
  }
  return nearest;
}

// Between two different breasts' names: the one the words place the token with (change_placed);
// `otherwise` when they do not tell.
Laterality placed_between(const Descriptors& descriptors, const NearestBreasts& nearest,
                          std::size_t token, Laterality otherwise) {
  switch (change_placed(descriptors, nearest.before->token, token, nearest.after->token)) {
    case Placed::Before:
      return nearest.before->value;
    case Placed::After:
      return nearest.after->value;
    case Placed::Unknown:
      break;
  }
  return otherwise;
}

// The breast a change belongs to in a clause naming both breasts by name; Both when the words do
// not tell (kept for each breast when it says new or increased, for none when stable or fewer).
Laterality breast_of_change(const Descriptors& descriptors, std::size_t token) {
  const NearestBreasts nearest = nearest_breasts(descriptors, token);
  if (nearest.before == nullptr || nearest.after == nullptr ||
      nearest.before->value == nearest.after->value) {
    return breast_named_before(descriptors.sides, token);
  }
  return placed_between(descriptors, nearest, token, Laterality::Both);
}

// The breast a kind or arrangement is said of in a clause naming both breasts: between two
// breasts' names, as a change (change_placed); before the first name, that breast ("vascular on
// the right"); after the last, that one. Unknown when nothing tells.
Laterality breast_said_of(const Descriptors& descriptors, std::size_t token) {
  const NearestBreasts nearest = nearest_breasts(descriptors, token);
  if (nearest.before == nullptr || nearest.after == nullptr) {
    const Read<Laterality>* only = nearest.before != nullptr ? nearest.before : nearest.after;
    return only != nullptr ? only->value : Laterality::Unknown;
  }
  if (nearest.before->value == nearest.after->value) return nearest.before->value;
  return placed_between(descriptors, nearest, token, Laterality::Unknown);
}

// Kinds (or arrangements) given per breast ("vascular on the right, fine linear on the left"):
// each breast keeps its own, but only where every one is placed and each breast has one of its
// own, and each breast is named once; otherwise all stay with both (the more suspicious reading:
// "fine pleomorphic calcifications in the right and left breasts" is said of both; "vascular on
// the right, fine pleomorphic on the left and right" names the right twice).
template <typename Term>
void keep_kinds_of_side(std::vector<Read<Term>>& reads, const Descriptors& descriptors,
                        Laterality side) {
  const auto& sides = descriptors.sides;
  const auto named = [&sides](Laterality breast) {
    return std::count_if(sides.begin(), sides.end(),
                         [breast](const Read<Laterality>& read) { return read.value == breast; });
  };
  if (named(Laterality::Right) != 1 || named(Laterality::Left) != 1 || sides.size() != 2) return;
  std::vector<Laterality> placed(reads.size());
  std::transform(reads.begin(), reads.end(), placed.begin(),
                 [&](const Read<Term>& read) { return breast_said_of(descriptors, read.token); });
  const auto has = [&placed](Laterality breast) {
    return std::find(placed.begin(), placed.end(), breast) != placed.end();
  };
  if (has(Laterality::Unknown) || !has(Laterality::Right) || !has(Laterality::Left)) return;
  std::vector<Read<Term>> own;
  for (std::size_t k = 0; k < reads.size(); ++k) {
    if (placed[k] == side) own.push_back(std::move(reads[k]));
  }
  reads = std::move(own);
}

// For one breast of a clause that names both breasts by name: the clock positions, changes and
// kinds that are that breast's. Unchanged where the clause says "bilateral" (no breast placed).
void keep_descriptors_of_side(Descriptors& descriptors, Laterality side) {
  keep_kinds_of_side(descriptors.morphology, descriptors, side);
  keep_kinds_of_side(descriptors.distribution, descriptors, side);
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
  changes.erase(
      std::remove_if(changes.begin(), changes.end(),
                     [&](const Read<Change>& change) {
                       const Laterality placed = breast_of_change(descriptors, change.token);
                       if (placed == Laterality::Both) {
                         return change.value != Change::New && change.value != Change::Increased;
                       }
                       return placed != Laterality::Unknown && placed != side;
                     }),
      changes.end());
}

}  // namespace

// An impression that restates a described group on the other breast ("LEFT BREAST: grouped
// fine pleomorphic calcifications at 2 o'clock" … "IMPRESSION: Right breast: grouped fine
// pleomorphic calcifications at 2 o'clock"), where the findings describe nothing on that breast:
// the same group with two breasts — a laterality conflict on it, never a second, bilateral
// finding. Two descriptors besides the breast must agree (morphology, distribution, clock,
// quadrant).
std::optional<std::size_t> Reader::restated_on_the_other_breast(Candidate& candidate) {
  const bool one_breast =
      candidate.laterality == Laterality::Left || candidate.laterality == Laterality::Right;
  const bool restating = candidate.section == ReportSection::Impression ||
                         candidate.section == ReportSection::Conclusion;
  if (!one_breast || !restating || !candidate.laterality_read) return std::nullopt;
  const auto& findings = reading_.findings;
  if (std::any_of(findings.begin(), findings.end(), [&](const Finding& finding) {
        return finding.laterality == candidate.laterality;
      })) {
    return std::nullopt;
  }
  Candidate without_breast = candidate;
  without_breast.laterality = Laterality::Unknown;
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const Finding& finding = findings[k];
    if (finding.laterality == Laterality::Unknown || finding_sections_[k] == candidate.section ||
        !compatible(finding, finding_sections_[k], without_breast) ||
        shared_values(finding, without_breast) < 2) {
      continue;
    }
    const Read<Laterality> first{finding.laterality, std::string(to_string(finding.laterality)),
                                 TextSpan{finding.position, 0, 0}, 0};
    candidate.breasts_disagreeing =
        Candidate::BreastDisagreement{first, *candidate.laterality_read};
    candidate.laterality = Laterality::Unknown;
    candidate.laterality_read.reset();
    return k;
  }
  return std::nullopt;
}

std::vector<std::size_t> Reader::add_candidate(const Candidate& candidate) {
  std::vector<std::size_t> gave;
  // "Bilateral": one finding per breast.
  std::vector<Laterality> sides{candidate.laterality};
  if (candidate.laterality == Laterality::Both) sides = {Laterality::Right, Laterality::Left};
  for (Laterality side : sides) {
    Candidate one = candidate;
    one.laterality = side;
    if (sides.size() > 1) {
      keep_descriptors_of_side(one.descriptors, side);
      // The words that name this breast are its quote ("right" for the right one), where the
      // clause names each breast on its own.
      const auto named =
          std::find_if(one.descriptors.sides.begin(), one.descriptors.sides.end(),
                       [side](const Read<Laterality>& read) { return read.value == side; });
      if (named != one.descriptors.sides.end()) one.laterality_read = *named;
    }
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
    if (!best) best = restated_on_the_other_breast(one);
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

}  // namespace mammocalc::narrative::reading
