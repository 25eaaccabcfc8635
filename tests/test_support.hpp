#pragma once
// Builders for findings in unit tests.

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "findings.hpp"
#include "lexicon.hpp"
#include "rules.hpp"

namespace mammocalc::testing {

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

inline Decision decide(const Finding& finding, const SiteProfile& profile = SiteProfile{}) {
  Findings findings;
  findings.findings.push_back(finding);
  return evaluate(findings, profile).decisions.front();
}

inline bool fired(const Decision& decision, std::string_view id) {
  return std::any_of(decision.trace.begin(), decision.trace.end(),
                     [&](const FiredRule& rule) { return rule.rule->id == id; });
}

inline bool warned(const Decision& decision, std::string_view code) {
  return std::any_of(decision.warnings.begin(), decision.warnings.end(),
                     [&](const Warning& warning) { return warning.code == code; });
}

}  // namespace mammocalc::testing
