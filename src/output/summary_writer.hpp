#pragma once
// The summary XML of one report (schemas/summary.xsd, namespace urn:mammocalc:summary:1).

#include <ostream>
#include <string>

#include "rules/rules.hpp"

namespace mammocalc {

inline constexpr const char* kSummaryRoot = "mammocalcSummary";
inline constexpr const char* kSummaryNamespace = "urn:mammocalc:summary:1";

// The notice every output carries.
inline constexpr const char* kNotice =
    "Decision support for radiologist review, not a diagnosis. Every classification and "
    "recommendation below must be confirmed by the interpreting radiologist.";

struct SummaryOptions {
  bool redact = false;  // leave patient identifiers out
};

// What the summary says of an exam with no calcification finding.
inline constexpr const char* kNoCalcificationStatement =
    "This report contains no calcification finding.";

// Writes the summary of one document. Deterministic: same report, same bytes.
void write_summary(const Report& report, const SummaryOptions& options, std::ostream& out);

// A number as the summary writes it (classic locale, six significant digits): views built from a
// report show what a summary of it would.
std::string summary_number(double value);

}  // namespace mammocalc
