#pragma once
// What the narrative tests share: the shipped wordings, prepared once as a run prepares them, and
// the simplest report that holds a text, one TEXT item under a Basic Text SR root.

#include <string>

#include "annotations/wordings_reader.hpp"
#include "narrative/narrative_reader.hpp"

namespace mammocalc::narrative_test {

inline const PreparedWordings& shipped_prepared_wordings() {
  static const PreparedWordings prepared =
      prepare_wordings(read_wordings("src/narrative/narrative-wordings-en.xml"));
  return prepared;
}

inline const Wordings& shipped_wordings() { return *shipped_prepared_wordings().wordings; }

// One TEXT item directly under the root: an unsectioned report.
inline SrDocument one_block(const std::string& text) {
  SrDocument document;
  document.root.position = "1";
  document.root.value_type = ValueType::Container;
  document.root.concept_name = Code{"18748-4", "LN", "Diagnostic imaging study"};
  ContentItem item;
  item.position = "1.1";
  item.relationship = Relationship::Contains;
  item.value_type = ValueType::Text;
  item.concept_name = Code{"121111", "DCM", "Summary"};
  item.text = text;
  document.root.children.push_back(item);
  return document;
}

inline NarrativeReading read_one_block(const std::string& text) {
  return read_narrative(one_block(text), shipped_prepared_wordings());
}

}  // namespace mammocalc::narrative_test
