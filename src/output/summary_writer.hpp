#pragma once
// The summary XML of one report (schemas/summary.xsd, namespace urn:mammocalc:summary:1).

#include <ostream>
#include <string>

#include "rules/rules.hpp"

namespace mammocalc {

inline constexpr const char* kSummaryNamespace = "urn:mammocalc:summary:1";

struct SummaryOptions {
  bool redact = false;  // leave patient identifiers out
};

// Writes the summary of one document. Deterministic: same report, same bytes.
void write_summary(const Report& report, const SummaryOptions& options, std::ostream& out);

}  // namespace mammocalc
