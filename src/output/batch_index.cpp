#include "output/batch_index.hpp"

#include <algorithm>

#include "findings/lexicon.hpp"

namespace mammocalc {

void Rollup::add(const Report& report) {
  for (std::size_t i = 0; i < report.decisions.size(); ++i) {
    const Decision& decision = report.decisions[i];
    ++findings;
    ++categories[std::string(to_string(decision.final_category))];
    ++classifications[std::string(to_string(decision.classification))];
    if (decision.recommendation.biopsy) {
      ++biopsy_types[std::string(to_string(*decision.recommendation.biopsy))];
    }
    ++breasts[std::string(to_string(report.input.findings[i].laterality))];
    if (std::any_of(decision.warnings.begin(), decision.warnings.end(),
                    [](const Warning& w) { return w.code == "assessment-discordant"; })) {
      ++discordant;
    }
    if (decision.needs_review) ++needs_review;
  }
}

std::string_view to_string(EntryStatus status) {
  switch (status) {
    case EntryStatus::Summarised:
      return "summarised";
    case EntryStatus::Skipped:
      return "skipped";
    case EntryStatus::Failed:
      return "failed";
  }
  return "failed";
}

}  // namespace mammocalc
