#pragma once
// The summary XML (schemas/summary.xsd, namespace urn:mammocalc:summary:1) and the batch index.
// pugixml stays in the XML modules: this writer, the input reader, summary_reader, review_html.

#include <ostream>
#include <string>

#include "output/batch_index.hpp"
#include "rules/rules.hpp"

namespace mammocalc {

inline constexpr const char* kSummaryNamespace = "urn:mammocalc:summary:1";

struct SummaryOptions {
  bool redact = false;  // leave patient identifiers out
};

// Writes the summary of one document. Deterministic: same report, same bytes.
void write_summary(const Report& report, const SummaryOptions& options, std::ostream& out);

// The rule table (`mammocalc rules`): one block of text per rule, or XML
// (<rules rulesetVersion=…><rule id= stage= title= condition= citation=/></rules>).
void write_rule_table(std::ostream& out, bool as_xml);

// index.xml of a batch run (schemas/index.xsd, namespace urn:mammocalc:index:1).
// Written in parts, so that a batch keeps no entry in memory: the head (root element with the
// counts, the notice), then each entry as it comes, then the tail (the roll-up).
inline constexpr const char* kIndexNamespace = "urn:mammocalc:index:1";
struct IndexCounts {
  std::size_t inputs = 0;
  std::size_t summarised = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;

  void add(EntryStatus status) {
    if (status == EntryStatus::Summarised) ++summarised;
    if (status == EntryStatus::Skipped) ++skipped;
    if (status == EntryStatus::Failed) ++failed;
  }
};
struct IndexParts {
  std::string head;
  std::string tail;
};
IndexParts index_parts(const IndexCounts& counts, const Rollup& rollup);
void write_index_entry(const IndexEntry& entry, std::ostream& out);

// Text made safe for XML 1.0: invalid UTF-8 becomes U+FFFD, disallowed control characters go.
std::string xml_safe_text(const std::string& text);

}  // namespace mammocalc
