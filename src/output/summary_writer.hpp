#pragma once
// The summary XML of one report (schemas/summary.xsd, namespace urn:mammocalc:summary:1).

#include <optional>
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
  // How the run names exams (output/pseudonyms naming_of), said on the root so that no later run
  // of another naming writes beside it (hostile review 44, H44-4).
  std::string naming = "plain";
};

// What the summary says of an exam with no calcification finding.
inline constexpr const char* kNoCalcificationStatement =
    "This report contains no calcification finding.";
// The same where DCMTK skipped content items to read the report: what they held is unknown, so
// the report is not said to hold none (hostile review 50, H50-3).
inline constexpr const char* kNoCalcificationReadStatement =
    "No calcification finding could be read: content items were skipped to read this report "
    "(content-skipped).";

// The statement of an exam with no calcification finding (kNoCalcificationStatement, or
// kNoCalcificationReadStatement where content was skipped).
const char* no_calcification_statement(const Report& report);

// Writes the summary of one document. Deterministic: same report, same bytes.
void write_summary(const Report& report, const SummaryOptions& options, std::ostream& out);

// A number as the summary writes it (classic locale, six significant digits): views built from a
// report show what a summary of it would.
std::string summary_number(double value);

// A summary already written, amended for an exam row that fired after it was written (E19: a
// later `hook` call or received object met another result under its SOP Instance UID, and the
// report it was made of may be gone): its exam needs review, the row stands last in the exam's
// trace and the warning `code` with `text` after the summary's warnings; with `finding_row` (W25),
// each finding needs review too, that row last in its trace. Everything else stays byte for byte.
// None when `summary` is no summary (not XML, another root or namespace, no exam).
std::optional<std::string> summary_with_exam_rule(const std::string& summary,
                                                  const FiredRule& fired,
                                                  const FiredRule* finding_row, WarningCode code,
                                                  const std::string& text);

}  // namespace mammocalc
