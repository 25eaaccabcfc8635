#pragma once
// The rule table as `mammocalc rules` prints it.

#include <ostream>

namespace mammocalc {

// The root element of the XML listing (schemas/rules.xsd), in the summary's namespace
// (kSummaryNamespace).
inline constexpr const char* kRulesRoot = "rules";

// One block of text per rule, or XML
// (<rules rulesetVersion=…><rule id= stage= title= condition= outcome= citation=/></rules>).
void write_rule_table(std::ostream& out, bool as_xml);

}  // namespace mammocalc
