#include "output/rule_listing.hpp"

#include <pugixml.hpp>

#include "base/wrapped_text.hpp"

#include "output/summary_writer.hpp"
#include "output/xml_shape.hpp"
#include "output/xml_writing.hpp"
#include "rules/rules.hpp"

namespace mammocalc {

using xml_writing::set;

void write_rule_table(std::ostream& out, bool as_xml) {
  if (!as_xml) {
    out << "mammocalc rule set " << kRuleSetVersion << " (decision support, not a diagnosis)\n";
    // The same width as the review, so both read on one terminal.
    constexpr std::size_t kWidth = 100;
    for (const Rule& rule : rule_table()) {
      out << "\n";
      const std::string heading =
          std::string(rule.id) + "  [" + std::string(to_string(rule.stage)) + "]  ";
      write_wrapped(out, heading, 4, std::string(rule.title), kWidth);
      write_wrapped(out, "    when:     ", 14, std::string(rule.condition), kWidth);
      write_wrapped(out, "    outcome:  ", 14, describe_outcome(rule), kWidth);
      write_wrapped(out, "    citation: ", 14, std::string(rule.citation), kWidth);
    }
    return;
  }
  pugi::xml_document document;
  pugi::xml_node root = document.append_child(kRulesRoot);
  set(root, "xmlns", std::string(kSummaryNamespace));
  set(root, "rulesetVersion", kRuleSetVersion);
  for (const Rule& rule : rule_table()) {
    pugi::xml_node node = root.append_child("rule");
    set(node, "id", rule.id);
    set(node, "stage", to_string(rule.stage));
    set(node, "title", rule.title);
    set(node, "condition", rule.condition);
    set(node, "outcome", describe_outcome(rule));
    set(node, "citation", rule.citation);
  }
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

std::string why_not_a_rule_listing(const std::string& bytes) {
  return why_not_shaped(bytes, kRulesRoot, {{kRulesRoot, "rule"}});
}

}  // namespace mammocalc
