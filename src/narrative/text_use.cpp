#include "narrative/text_use.hpp"

#include <algorithm>
#include <utility>

#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {

namespace {

void take_procedure_laterality(const ContentItem& modifier, Finding& finding) {
  if (finding.laterality != Laterality::Unknown) return;
  const auto breast = laterality_for(modifier.code);
  if (!breast) return;
  finding.laterality = *breast;
  finding.text_evidence.push_back({NarrativeField::Laterality,
                                   std::string(to_string(*breast)),
                                   "the procedure reported is of the " +
                                       std::string(to_string(*breast)) +
                                       " breast (the text names no breast)",
                                   {modifier.position, 0, 0}});
}

}  // namespace

void use_narrative(NarrativeReading reading, const ContentItem* procedure_laterality,
                   Findings& findings) {
  if (reading.text_items == 0) return;
  const bool coded =
      std::any_of(findings.findings.begin(), findings.findings.end(),
                  [](const Finding& finding) { return finding.origin != Origin::Narrative; });
  if (coded) {
    if (reading.mentions.empty()) return;
    for (TextMention& mention : reading.mentions) mention.findings.clear();
    findings.text_mentions = std::move(reading.mentions);
    findings.text_use = Findings::TextUse::ListedOnly;
    return;
  }
  if (procedure_laterality != nullptr) {
    for (Finding& finding : reading.findings)
      take_procedure_laterality(*procedure_laterality, finding);
  }
  const std::size_t first = findings.findings.size();
  for (TextMention& mention : reading.mentions) {
    std::transform(mention.findings.begin(), mention.findings.end(), mention.findings.begin(),
                   [first](std::size_t index) { return index + first; });
  }
  findings.text_mentions = std::move(reading.mentions);
  findings.text_use = Findings::TextUse::Read;
  add_text_findings(findings, std::move(reading.findings), std::move(reading.assessments));
}

}  // namespace mammocalc
