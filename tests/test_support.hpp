#pragma once
// Builders for findings in unit tests.

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "findings/findings.hpp"
#include "findings/lexicon.hpp"
#include "rules/rules.hpp"

namespace mammocalc::testing {

// A report sentence as the narrative reader quotes it: item `position`, bytes [0, text size).
// Built member by member: GCC 12 at -O3 (the bench's Release build) takes a nested brace
// initialiser of it for a read of an uninitialised string (-Wmaybe-uninitialized).
inline TextSentence quoted_sentence(const std::string& position, ReportSection section,
                                    const std::string& text) {
  TextSentence sentence;
  sentence.span.position = position;
  sentence.span.end = text.size();
  sentence.section = section;
  sentence.text = text;
  return sentence;
}

inline Finding calcification(std::initializer_list<Morphology> morphology,
                             std::optional<Distribution> distribution = std::nullopt) {
  Finding finding;
  finding.position = "1.1";
  finding.laterality = Laterality::Right;
  for (const Morphology term : morphology) {
    finding.morphology.push_back({term, code_of(term).to_code(), ""});
  }
  if (distribution) {
    finding.distribution = Coded<Distribution>{*distribution, code_of(*distribution).to_code(), ""};
  }
  return finding;
}

// Content items as an SR reader gives them, for the template readers' tests.
inline ContentItem code_item(const std::string& position, Relationship relationship,
                             const CodeConst& name, const Code& value) {
  ContentItem item;
  item.position = position;
  item.relationship = relationship;
  item.value_type = ValueType::Code;
  item.concept_name = name.to_code();
  item.code = value;
  return item;
}

// A NUM item with its unit, HAS PROPERTIES (a finding's measurement, interval, probability).
inline ContentItem num_item(const std::string& position, const CodeConst& name, double value,
                            const Code& unit) {
  ContentItem item;
  item.position = position;
  item.relationship = Relationship::HasProperties;
  item.value_type = ValueType::Num;
  item.concept_name = name.to_code();
  item.number = value;
  item.unit = unit;
  return item;
}

inline ContentItem container(const std::string& position, const CodeConst& name) {
  ContentItem item;
  item.position = position;
  item.relationship = Relationship::Contains;
  item.value_type = ValueType::Container;
  item.concept_name = name.to_code();
  return item;
}

// A TID 4200 report whose findings container (1.1) holds these items.
inline SrDocument report_with(std::vector<ContentItem> findings_items) {
  SrDocument document;
  document.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.22";
  document.root = container("1", codes::kBreastImagingReport);
  ContentItem findings = container("1.1", codes::kFindings);
  findings.children = std::move(findings_items);
  document.root.children.push_back(findings);
  return document;
}

// A TID 4206 calcification finding at 1.1.1 (as report_with holds it) whose property items are
// numbered in order from 1.1.1.1; `finding_code` its code (CID 6054).
inline ContentItem finding_with(std::vector<std::pair<CodeConst, Code>> properties,
                                const CodeConst& finding_code = codes::kCalcificationOfBreast) {
  ContentItem finding =
      code_item("1.1.1", Relationship::Contains, codes::kFinding, finding_code.to_code());
  int n = 1;
  for (const auto& [name, value] : properties) {
    finding.children.push_back(
        code_item("1.1.1." + std::to_string(n++), Relationship::HasProperties, name, value));
  }
  return finding;
}

// The code the rules use for a term (lexicon's code_of), as an SR item holds it.
template <typename Term>
Code code(Term term) {
  return code_of(term).to_code();
}

inline Decision decide(const Finding& finding, const SiteProfile& profile = SiteProfile{}) {
  Findings findings;
  findings.findings.push_back(finding);
  return evaluate(findings, profile).decisions.front();
}

inline bool fired(const Decision& decision, std::string_view id) {
  return std::any_of(decision.trace.begin(), decision.trace.end(),
                     [&](const FiredRule& rule) { return rule.rule->id == id; });
}

// Whether an exam row (E) fired.
inline bool exam_fired(const Report& report, std::string_view id) {
  return std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                     [&](const FiredRule& rule) { return rule.rule->id == id; });
}

inline bool warned(const Decision& decision, std::string_view code) {
  return std::any_of(decision.warnings.begin(), decision.warnings.end(),
                     [&](const Warning& warning) { return to_string(warning.code) == code; });
}

// A temporary directory that is removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("mammocalc-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to a file in the directory and returns its path.
  std::string file(const std::string& name, const std::string& content) const {
    const auto path = path_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace mammocalc::testing
