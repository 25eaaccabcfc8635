#pragma once
// What the tests of coded content beside report text share (issue 17, row W8): a TID 4200 report
// built as the SR reader gives it, with a narrative and coded findings, and the stages a summary
// runs on it (the coded reader, the narrative reader, their pairing, the rules).

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/breast_report.hpp"
#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"
#include "narrative/narrative_test_support.hpp"
#include "narrative/text_use.hpp"
#include "rules/rules.hpp"
#include "test_support.hpp"

namespace mammocalc::coded_report {

using testing::code_item;
using testing::container;

constexpr CodeConst kNarrativeSummary{"111412", "DCM", "Narrative Summary"};
constexpr CodeConst kSupplementaryData{"111414", "DCM", "Supplementary Data"};
constexpr CodeConst kImpression{"121073", "DCM", "Impression"};
constexpr CodeConst kMammography{"71651007", "SCT", "Mammography"};

inline ContentItem text_item(const std::string& position, const CodeConst& name,
                             const std::string& text) {
  ContentItem item;
  item.position = position;
  item.relationship = Relationship::Contains;
  item.value_type = ValueType::Text;
  item.concept_name = name.to_code();
  item.text = text;
  return item;
}

inline ContentItem property(const std::string& position, const CodeConst& name,
                            const CodeConst& value) {
  return code_item(position, Relationship::HasProperties, name, value.to_code());
}

inline ContentItem side(const std::string& position, Laterality breast) {
  return code_item(position, Relationship::HasConceptMod, codes::kLaterality,
                   code_of(breast).to_code());
}

// A coded calcification finding; `items` are its children (their positions below it are given).
inline ContentItem coded_finding(const std::string& position, std::vector<ContentItem> items) {
  ContentItem finding = code_item(position, Relationship::Contains, codes::kFinding,
                                  codes::kCalcificationOfBreast.to_code());
  finding.children = std::move(items);
  return finding;
}

struct Report17 {
  std::string findings_text;                       // the narrative's Findings text; empty: none
  std::string impression;                          // the narrative's Impression text; empty: none
  std::optional<Laterality> procedure;             // the Procedure reported's laterality modifier
  std::vector<ContentItem> findings;               // coded findings, positions 1.2.2.N
  std::optional<Category> overall = std::nullopt;  // a coded Overall Assessment (1.2.3)
};

// A TID 4200 report as PS3.17 Annex Q writes one: the narrative (1.1), then Supplementary Data
// (1.2) with one Procedure reported (1.2.1) and one Findings container (1.2.2).
inline SrDocument document_of(const Report17& report) {
  SrDocument document;
  document.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.22";
  document.root = container("1", codes::kBreastImagingReport);
  ContentItem narrative = container("1.1", kNarrativeSummary);
  ContentItem narrative_findings = container("1.1.1", codes::kFindings);
  if (!report.findings_text.empty()) {
    narrative_findings.children.push_back(
        text_item("1.1.1.1", codes::kFinding, report.findings_text));
  }
  if (!report.impression.empty()) {
    narrative_findings.children.push_back(text_item("1.1.1.2", kImpression, report.impression));
  }
  narrative.children.push_back(narrative_findings);
  document.root.children.push_back(narrative);
  ContentItem supplementary = container("1.2", kSupplementaryData);
  ContentItem procedure =
      code_item("1.2.1", Relationship::Contains, codes::kProcedureReported, kMammography.to_code());
  if (report.procedure) procedure.children.push_back(side("1.2.1.1", *report.procedure));
  supplementary.children.push_back(procedure);
  ContentItem findings = container("1.2.2", codes::kFindings);
  findings.children = report.findings;
  supplementary.children.push_back(findings);
  if (report.overall) {
    ContentItem overall = container("1.2.3", codes::kOverallAssessment);
    overall.children.push_back(code_item("1.2.3.1", Relationship::Contains,
                                         codes::kAssessmentCategory,
                                         code_of(*report.overall).to_code()));
    supplementary.children.push_back(overall);
  }
  document.root.children.push_back(supplementary);
  return document;
}

// The findings as a summary reads them: coded content, then the text paired with it.
inline Findings findings_of(const SrDocument& document) {
  NarrativeReading text = read_narrative(document, narrative_test::shipped_prepared_wordings());
  Findings findings = extract_findings(document, "issue17.dcm", text.breast_imaging_text);
  use_narrative(std::move(text), unilateral_procedure_laterality(document), findings);
  return findings;
}

inline Report summarise(const Report17& report) {
  return evaluate(findings_of(document_of(report)));
}

// A text-only report: one unsectioned TEXT item, "Diagnostic mammogram. " before the text.
inline Report summarise_text(const std::string& text) {
  return evaluate(findings_of(narrative_test::one_block("Diagnostic mammogram. " + text)));
}

inline bool exam_fired(const Report& report, std::string_view id) {
  return std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                     [&](const FiredRule& rule) { return rule.rule->id == id; });
}

inline bool exam_warned(const Report& report, WarningCode code) {
  return std::any_of(report.exam.warnings.begin(), report.exam.warnings.end(),
                     [&](const Warning& warning) { return warning.code == code; });
}

inline std::vector<const Finding*> of_origin(const Report& report, Origin origin) {
  std::vector<const Finding*> out;
  for (const Finding& finding : report.input.findings) {
    if (finding.origin == origin) out.push_back(&finding);
  }
  return out;
}

}  // namespace mammocalc::coded_report
