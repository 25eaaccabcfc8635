#pragma once
// The rule table as `mammocalc rules` prints it.

#include <ostream>
#include <string>

namespace mammocalc {

// The root element of the XML listing (schemas/rules.xsd), in the summary's namespace
// (kSummaryNamespace).
inline constexpr const char* kRulesRoot = "rules";

// One block of text per rule, or XML
// (<rules rulesetVersion=…><rule id= stage= title= condition= outcome= citation=/></rules>).
void write_rule_table(std::ostream& out, bool as_xml);

// Why whole bytes are no XML rule listing as write_rule_table writes it (<rule> elements in
// <rules>); empty when they are one.
std::string why_not_a_rule_listing(const std::string& bytes);

}  // namespace mammocalc
