#include "narrative/text_use.hpp"

#include <algorithm>
#include <utility>

#include "findings/findings_extractor.hpp"

namespace mammocalc {

void use_narrative(NarrativeReading reading, Findings& findings) {
  if (reading.mentions.empty() && reading.findings.empty() && reading.assessments.empty()) return;
  const bool coded =
      std::any_of(findings.findings.begin(), findings.findings.end(),
                  [](const Finding& finding) { return finding.origin != Origin::Narrative; });
  if (coded) {
    for (TextMention& mention : reading.mentions) mention.findings.clear();
    findings.text_mentions = std::move(reading.mentions);
    findings.text_use = Findings::TextUse::ListedOnly;
    return;
  }
  const std::size_t first = findings.findings.size();
  for (TextMention& mention : reading.mentions) {
    for (std::size_t& index : mention.findings) index += first;
  }
  findings.text_mentions = std::move(reading.mentions);
  findings.text_use = Findings::TextUse::Read;
  add_text_findings(findings, std::move(reading.findings), std::move(reading.assessments));
}

}  // namespace mammocalc
