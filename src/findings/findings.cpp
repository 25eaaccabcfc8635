#include "findings/findings.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace mammocalc {

int category_rank(Category category) {
  switch (category) {
    case Category::Negative1:
      return 1;
    case Category::Benign2:
      return 2;
    case Category::Incomplete0:
      return 3;
    case Category::ProbablyBenign3:
      return 4;
    case Category::Suspicious4:
    case Category::LowSuspicion4A:
      return 5;
    case Category::ModerateSuspicion4B:
      return 6;
    case Category::HighSuspicion4C:
      return 7;
    case Category::HighlySuggestive5:
      return 8;
    case Category::KnownMalignancy6:
      return 9;
  }
  return 3;
}

bool speaks_for(Laterality statement, Laterality finding) {
  if (statement == Laterality::Unknown || statement == Laterality::Both) return true;
  return finding == statement || finding == Laterality::Unknown || finding == Laterality::Both;
}

Category more_suspicious(Category a, Category b) {
  return category_rank(b) > category_rank(a) ? b : a;
}

bool is_suspicious(Morphology term) {
  switch (term) {
    case Morphology::Amorphous:
    case Morphology::CoarseHeterogeneous:
    case Morphology::FinePleomorphic:
    case Morphology::FineLinear:
    case Morphology::FineLinearBranching:
      return true;
    default:
      return false;
  }
}

bool is_coarse(Morphology term) {
  switch (term) {
    case Morphology::Skin:
    case Morphology::Vascular:
    case Morphology::CoarsePopcorn:
    case Morphology::LargeRodLike:
    case Morphology::Rim:
    case Morphology::LucentCentred:
    case Morphology::Dystrophic:
    case Morphology::Suture:
    case Morphology::CoarseHeterogeneous:
    case Morphology::Macrocalcifications:
      return true;
    default:
      return false;
  }
}

bool follows_a_duct(Distribution term) {
  return term == Distribution::Linear || term == Distribution::Segmental;
}

int change_rank(Change change) {
  switch (change) {
    case Change::New:
      return 4;
    case Change::Increased:
      return 3;
    case Change::Stable:
      return 2;
    case Change::Decreased:
      return 1;
    case Change::Unknown:
      return 0;
  }
  return 0;
}

void add_conflict(Finding& finding, FindingField field, GivenValue held, GivenValue more) {
  const auto open =
      std::find_if(finding.conflicts.begin(), finding.conflicts.end(),
                   [field](const ValueConflict& conflict) { return conflict.field == field; });
  if (open != finding.conflicts.end()) {
    open->given.push_back(std::move(more));
    return;
  }
  finding.conflicts.push_back({field, {std::move(held), std::move(more)}});
}

ResultSaid result_said(PriorResult result) {
  switch (result) {
    case PriorResult::Benign:
      return ResultSaid::Benign;
    case PriorResult::Malignant:
      return ResultSaid::Malignant;
    case PriorResult::TargetNotInSpecimen:
      return ResultSaid::TargetNotObtained;
    case PriorResult::HighRisk:
    case PriorResult::Insufficient:
    case PriorResult::Indeterminate:
    case PriorResult::NoCalcificationsInCore:
      return ResultSaid::OtherResult;
  }
  return ResultSaid::OtherResult;
}

bool says(const Finding& finding, ResultSaid what) {
  return std::any_of(finding.results_given.begin(), finding.results_given.end(),
                     [what](const GivenResult& result) { return result.said == what; });
}

std::optional<ValueConflict> result_conflict(const Finding& finding) {
  const auto said = [&](ResultSaid what) { return says(finding, what); };
  const bool results_disagree = said(ResultSaid::Benign) && said(ResultSaid::Malignant);
  const int targets = static_cast<int>(said(ResultSaid::TargetObtained)) +
                      static_cast<int>(said(ResultSaid::TargetPartlyObtained)) +
                      static_cast<int>(said(ResultSaid::TargetNotObtained));
  if (!results_disagree && targets < 2) return std::nullopt;
  ValueConflict conflict{FindingField::BiopsyResult, {}};
  for (const GivenResult& result : finding.results_given) conflict.given.push_back(result.given);
  return conflict;
}

int clock_distance(int a, int b) {
  const int apart = std::abs(a - b) % 12;
  return std::min(apart, 12 - apart);
}

bool clock_in_range(const Finding& finding, int hour) {
  return std::any_of(
      finding.clock_ranges.begin(), finding.clock_ranges.end(), [hour](const ClockRange& range) {
        // Clockwise steps from the range's start; the shorter way round.
        const auto steps = [&range](int to) { return ((to - range.from) % 12 + 12) % 12; };
        if (steps(range.to) <= 6) return steps(hour) <= steps(range.to);
        const auto back = [&range](int to) { return ((range.from - to) % 12 + 12) % 12; };
        return back(hour) <= back(range.to);
      });
}

std::vector<int> clocks_quoted(const Finding& finding) {
  std::vector<int> hours;
  for (const TextEvidence& evidence : finding.text_evidence) {
    if (evidence.field != NarrativeField::Clock) continue;
    int hour = 0;
    for (const char c : evidence.value) {
      if (c < '0' || c > '9' || hour > 12) {
        hour = 0;
        break;
      }
      hour = hour * 10 + (c - '0');
    }
    if (hour >= 1 && hour <= 12) hours.push_back(hour);
  }
  return hours;
}

}  // namespace mammocalc
