#include "findings/readings.hpp"

#include <algorithm>
#include <type_traits>

namespace mammocalc {
namespace {

FindingField field_of(const AlternativeValue& alternative) {
  return std::visit(
      [](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, Laterality>) return FindingField::Laterality;
        if constexpr (std::is_same_v<T, Site>) return FindingField::Site;
        if constexpr (std::is_same_v<T, Coded<Distribution>>) return FindingField::Distribution;
        return FindingField::ReportedCategory;
      },
      alternative.value);
}

void apply(const AlternativeValue& alternative, Finding& finding) {
  std::visit(
      [&](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, Laterality>) {
          finding.laterality = value;
        } else if constexpr (std::is_same_v<T, Site>) {
          finding.stated_site = value;
          finding.stated_site_source = SiteSource::Sr;
        } else if constexpr (std::is_same_v<T, Coded<Distribution>>) {
          finding.distribution = value;
          finding.distribution_implied = false;
        } else {
          finding.reported_category = value;
        }
      },
      alternative.value);
}

}  // namespace

std::vector<ValueReading> value_readings(const Finding& finding, bool& cut, std::size_t limit) {
  cut = false;
  std::vector<ValueReading> readings{{finding, ""}};
  // Each field multiplies the readings: keep the value held, or take each alternative.
  std::vector<FindingField> fields;
  for (const auto& alternative : finding.alternatives) {
    const FindingField field = field_of(alternative);
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
  }
  for (const FindingField field : fields) {
    const std::size_t before = readings.size();
    for (std::size_t i = 0; i < before; ++i) {
      for (const auto& alternative : finding.alternatives) {
        if (field_of(alternative) != field) continue;
        if (readings.size() >= limit) {
          cut = true;
          continue;
        }
        ValueReading reading = readings[i];
        apply(alternative, reading.finding);
        reading.values +=
            (reading.values.empty() ? "" : ", ") + std::string(to_string(field)) + " " +
            alternative.given.words +
            (alternative.given.position.empty() ? "" : " (" + alternative.given.position + ")");
        readings.push_back(std::move(reading));
      }
    }
  }
  return readings;
}

std::string conflict_values_words(const ValueConflict& conflict) {
  std::string words;
  for (const GivenValue& given : conflict.given) {
    words += (words.empty() ? "" : ", ") + given.words +
             (given.position.empty() ? "" : " (" + given.position + ")");
  }
  return words;
}

std::string_view to_string(FindingField field) {
  switch (field) {
    case FindingField::Laterality:
      return "laterality";
    case FindingField::Site:
      return "site";
    case FindingField::Morphology:
      return "morphology";
    case FindingField::Distribution:
      return "distribution";
    case FindingField::ReportedCategory:
      return "reported category";
    case FindingField::Change:
      return "change";
    case FindingField::ClockFaceOrRegion:
      return "clockface or region";
    case FindingField::Quadrant:
      return "quadrant";
    case FindingField::Depth:
      return "depth";
    case FindingField::Count:
      return "number of calcifications";
    case FindingField::DistanceFromNipple:
      return "distance from nipple";
    case FindingField::DistanceFromSkin:
      return "distance from skin";
    case FindingField::DistanceFromChestWall:
      return "distance from chest wall";
    case FindingField::BiopsyResult:
      return "biopsy result";
  }
  return "value";
}

}  // namespace mammocalc
