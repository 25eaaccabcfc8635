#include "output/rule_listing.hpp"

#include <pugixml.hpp>

#include "output/summary_writer.hpp"
#include "output/xml_writing.hpp"
#include "rules/rules.hpp"

namespace mammocalc {

using xml_writing::set;

void write_rule_table(std::ostream& out, bool as_xml) {
  if (!as_xml) {
    out << "mammocalc rule set " << kRuleSetVersion << " (decision support, not a diagnosis)\n";
    for (const Rule& rule : rule_table()) {
      out << "\n"
          << rule.id << "  [" << to_string(rule.stage) << "]  " << rule.title << "\n"
          << "    when:     " << rule.condition << "\n"
          << "    outcome:  " << describe_outcome(rule) << "\n"
          << "    citation: " << rule.citation << "\n";
    }
    return;
  }
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("rules");
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

}  // namespace mammocalc
