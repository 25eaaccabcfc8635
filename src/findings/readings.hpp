#pragma once
// The readings of a finding whose source gave a field more than once (decision-logic.md §1,
// "every item counts"): the finding as it holds its values, and one reading per combination of
// the other values given. The rules classify each and the more suspicious stands.

#include <cstddef>
#include <string>
#include <vector>

#include "findings/findings.hpp"

namespace mammocalc {

struct ValueReading {
  Finding finding;
  std::string values;  // the alternative values it takes, e.g. "distribution diffuse (1.3.2.2.5)"
};

// The finding itself first (values empty), then every combination of its alternatives, at most
// `limit` readings in all; `cut` says when there were more (the caller warns: they were not all
// classified, and the conflict alone already asks for review).
std::vector<ValueReading> value_readings(const Finding& finding, bool& cut, std::size_t limit = 64);

std::string_view to_string(FindingField field);
// A conflict's values in words, each with the item it was read from: "2 (1.1.2.2), 4 (1.1.2.3)".
std::string conflict_values_words(const ValueConflict& conflict);

}  // namespace mammocalc
