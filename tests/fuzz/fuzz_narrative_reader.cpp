// libFuzzer: arbitrary bytes as report text for the narrative reader, in one TEXT item or split
// into several under Findings, Impressions and History containers; then the reading joins the
// findings and the rules evaluate them, as a summarize run does. Checks what the summary relies
// on: every span lies inside its item and every mention points at a finding that exists.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "annotations/wordings_reader.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/text_use.hpp"
#include "rules/rules.hpp"

namespace {

using namespace mammocalc;

// Prepared once, as a run prepares them at start-up (load_evaluation), not per input.
const PreparedWordings& wordings() {
  static const PreparedWordings shipped =
      prepare_wordings(read_wordings("src/narrative/narrative-wordings-en.xml"));
  return shipped;
}

ContentItem text_item(std::string position, std::string text) {
  ContentItem item;
  item.position = std::move(position);
  item.relationship = Relationship::Contains;
  item.value_type = ValueType::Text;
  item.concept_name = {"121071", "DCM", "Finding"};
  item.text = std::move(text);
  return item;
}

// The report: bytes split at '\x1e' (record separator) into items, spread over three sections.
SrDocument report_of(const std::uint8_t* data, std::size_t size) {
  SrDocument document;
  document.root.position = "1";
  document.root.value_type = ValueType::Container;
  document.root.concept_name = {"18748-4", "LN", "Diagnostic imaging study"};
  document.header.study_description = "MAMMO DIAGNOSTIC BILATERAL";
  const Code sections[] = {{"121070", "DCM", "Findings"},
                           {"121072", "DCM", "Impressions"},
                           {"121060", "DCM", "History"}};
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::size_t start = 0;
  for (std::size_t part = 0; start <= bytes.size(); ++part) {
    std::size_t end = bytes.find('\x1e', start);
    if (end == std::string::npos) end = bytes.size();
    ContentItem section;
    section.position = "1." + std::to_string(part + 1);
    section.relationship = Relationship::Contains;
    section.value_type = ValueType::Container;
    section.concept_name = sections[part % 3];
    section.children.push_back(
        text_item(section.position + ".1", bytes.substr(start, end - start)));
    document.root.children.push_back(std::move(section));
    start = end + 1;
  }
  return document;
}

const ContentItem* item_at(const SrDocument& document, const std::string& position) {
  for (const ContentItem& section : document.root.children) {
    for (const ContentItem& item : section.children) {
      if (item.position == position) return &item;
    }
  }
  return nullptr;
}

void check_span(const SrDocument& document, const TextSpan& span) {
  const ContentItem* item = item_at(document, span.position);
  if (item == nullptr || span.begin > span.end || span.end > item->text.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const SrDocument document = report_of(data, size);
  NarrativeReading reading = read_narrative(document, wordings());
  for (const TextMention& mention : reading.mentions) {
    check_span(document, mention.span);
    check_span(document, mention.sentence.span);
    for (const std::size_t index : mention.findings) {
      if (index >= reading.findings.size()) std::abort();
    }
  }
  for (const Finding& finding : reading.findings) {
    for (const TextEvidence& evidence : finding.text_evidence) check_span(document, evidence.span);
    for (const TextSentence& sentence : finding.text_sentences) {
      check_span(document, sentence.span);
    }
  }
  Findings findings;
  use_narrative(std::move(reading), nullptr, findings);
  (void)evaluate(std::move(findings));
  return 0;
}
