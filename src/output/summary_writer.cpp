#include "output/summary_writer.hpp"

#include <algorithm>
#include <locale>
#include <optional>
#include <sstream>
#include <string_view>

#include <pugixml.hpp>

#include "output/xml_writing.hpp"

#include "base/version.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

using xml_writing::set;
using xml_writing::set_if;
using xml_writing::set_text;

constexpr const char* kContextPrevalence =
    "Context, not reasoning: breast calcifications are found in about 50% of women over 50 and "
    "10% of younger women; about 95% of women with a mammographic abnormality do not have "
    "breast cancer (seed article, Breast calcifications).";

void write_code(pugi::xml_node node, const Code& code) {
  set(node, "codeValue", code.value);
  set(node, "codingScheme", code.scheme);
  set_if(node, "codeMeaning", code.meaning);
}

void write_source(pugi::xml_node root, const SourceInfo& source) {
  pugi::xml_node node = root.append_child("source");
  set(node, "file", source.file);
  set(node, "sopClassUid", source.sop_class_uid);
  set(node, "sopInstanceUid", source.sop_instance_uid);
  set(node, "studyInstanceUid", source.study_instance_uid);
  set(node, "accessionNumber", source.accession_number);
  set_if(node, "studyDate", source.study_date);
  set(node, "template", to_string(source.report_template));
  // Read back with --read-own: the categories below are mammocalc's, not a radiologist's.
  if (source.written_by_mammocalc) set(node, "writtenBy", std::string_view("mammocalc"));
}

void write_patient(pugi::xml_node root, const PatientInfo& patient) {
  pugi::xml_node node = root.append_child("patient");
  set(node, "id", patient.id);
  set(node, "name", patient.name);
  set_if(node, "sex", patient.sex);
  set_if(node, "age", patient.age);
}

void write_profile(pugi::xml_node root, const SiteProfile& profile) {
  pugi::xml_node node = root.append_child("siteProfile");
  set(node, "source", profile.source);
  set(node, "stereotacticAvailable",
      std::string(profile.stereotactic_available ? "true" : "false"));
  set(node, "vacuumAssistedAvailable",
      std::string(profile.vacuum_assisted_available ? "true" : "false"));
  set(node, "minCompressedThicknessMm", summary_number(profile.min_compressed_thickness_mm));
  set(node, "minChestWallDistanceMm", summary_number(profile.min_chest_wall_distance_mm));
  set(node, "minSkinDistanceMm", summary_number(profile.min_skin_distance_mm));
}

void write_location(pugi::xml_node parent, const Location& location) {
  pugi::xml_node node = parent.append_child("location");
  if (location.clock_hour) set(node, "clock", std::to_string(*location.clock_hour));
  if (location.region) set(node, "region", to_string(*location.region));
  if (location.quadrant) set(node, "quadrant", to_string(*location.quadrant));
  if (location.depth) set(node, "depth", to_string(*location.depth));
  if (location.from_nipple_mm)
    set(node, "distanceFromNippleMm", summary_number(*location.from_nipple_mm));
  if (location.from_skin_mm)
    set(node, "distanceFromSkinMm", summary_number(*location.from_skin_mm));
  if (location.from_chest_wall_mm) {
    set(node, "distanceFromChestWallMm", summary_number(*location.from_chest_wall_mm));
  }
}

void write_site(pugi::xml_node parent, const Decision& decision) {
  pugi::xml_node node = parent.append_child("site");
  set(node, "value", to_string(decision.site.site));
  set(node, "source", to_string(decision.site.source));
  const auto site_rule =
      std::find_if(decision.trace.begin(), decision.trace.end(),
                   [](const FiredRule& fired) { return fired.rule->stage == Stage::Site; });
  if (site_rule != decision.trace.end()) set(node, "rule", site_rule->rule->id);
  if (decision.site.inferred) set(node, "inferred", to_string(*decision.site.inferred));
}

void write_evidence(pugi::xml_node parent, const Finding& finding) {
  pugi::xml_node node = parent.append_child("evidence");
  if (finding.count) set(node, "count", std::to_string(*finding.count));
  if (finding.extent_mm) set(node, "extentMm", summary_number(*finding.extent_mm));
  set(node, "change", to_string(finding.change));
  set(node, "ultrasoundVisible", to_string(finding.ultrasound_visible));
  set(node, "palpable", to_string(finding.palpable));
  set(node, "massWithCalcifications",
      std::string(finding.mass_with_calcifications ? "true" : "false"));
  for (const auto& member : finding.member_positions) {
    set(node.append_child("member"), "position", member);
  }
  for (const auto result : finding.prior_results) {
    set(node.append_child("priorResult"), "value", to_string(result));
  }
  for (const auto& code : finding.reported_follow_up) {
    write_code(node.append_child("reportedFollowUp"), code);
  }
}

void write_warning(pugi::xml_node parent, WarningCode code, const std::string& rule,
                   const std::string& position, const std::string& text) {
  pugi::xml_node element = parent.append_child("warning");
  set(element, "code", to_string(code));
  set_if(element, "rule", rule);
  set_if(element, "position", position);
  set_text(element, text);
}

void write_rule(pugi::xml_node trace, const FiredRule& fired, const Decision* decision) {
  pugi::xml_node rule = trace.append_child("rule");
  set(rule, "id", fired.rule->id);
  set(rule, "stage", to_string(fired.rule->stage));
  set(rule, "title", fired.rule->title);
  set(rule, "outcome", describe_outcome(fired, decision));
  set(rule, "citation", fired.rule->citation);
  for (const auto& item : fired.evidence) {
    pugi::xml_node evidence = rule.append_child("evidence");
    set(evidence, "field", item.field);
    set(evidence, "value", item.value);
    set_if(evidence, "position", item.position);
  }
}

void write_trace(pugi::xml_node parent, const std::vector<FiredRule>& fired_rules,
                 const Decision* decision) {
  pugi::xml_node trace = parent.append_child("trace");
  for (const auto& fired : fired_rules) write_rule(trace, fired, decision);
}

void write_recommendation(pugi::xml_node parent, const Recommendation& recommendation) {
  pugi::xml_node node = parent.append_child("recommendation");
  set(node, "action", to_string(recommendation.action));
  set(node, "rule", recommendation.action_rule);
  if (recommendation.biopsy) {
    set(node, "biopsyType", to_string(*recommendation.biopsy));
    if (recommendation.guidance) set(node, "guidance", to_string(*recommendation.guidance));
    set_if(node, "needle", recommendation.needle);
    set(node, "biopsyRule", recommendation.biopsy_rule);
  }
  if (recommendation.follow_up) {
    write_code(node.append_child("followUp"), recommendation.follow_up->to_code());
  }
  for (const auto& [rule, text] : recommendation.notes) {
    pugi::xml_node note = node.append_child("note");
    set(note, "rule", rule);
    set_text(note, text);
  }
}

void write_span(pugi::xml_node node, const TextSpan& span) {
  set(node, "position", span.position);
  set(node, "begin", std::to_string(span.begin));
  set(node, "end", std::to_string(span.end));
}

// What a narrative finding was read from: its sentences and the words of each fact; for a coded
// finding, the facts a narrative finding that describes it added (row W8).
void write_text(pugi::xml_node parent, const Finding& finding) {
  if (finding.origin != Origin::Narrative && finding.text_evidence.empty()) return;
  pugi::xml_node node = parent.append_child("text");
  set(node, "status", to_string(finding.text_status));
  for (const TextSentence& sentence : finding.text_sentences) {
    pugi::xml_node element = node.append_child("sentence");
    write_span(element, sentence.span);
    set(element, "section", to_string(sentence.section));
    set_text(element, sentence.text);
  }
  for (const TextEvidence& evidence : finding.text_evidence) {
    pugi::xml_node element = node.append_child("quote");
    set(element, "field", to_string(evidence.field));
    set(element, "value", evidence.value);
    write_span(element, evidence.span);
    set_text(element, evidence.words);
  }
}

void write_finding(pugi::xml_node root, const Finding& finding, const Decision& decision,
                   const std::vector<Decision>& decisions) {
  pugi::xml_node node = root.append_child("finding");
  set(node, "id", decision.id);
  set(node, "laterality", to_string(finding.laterality));
  set(node, "origin", to_string(finding.origin));
  set(node, "position", finding.position);
  // Added after the attributes of rule set 2026.1, which sites may match in this order.
  set(node, "lateralitySource", to_string(finding.laterality_source));
  set_if(node, "lateralityPosition", finding.laterality_position);
  if (finding.paired_with && *finding.paired_with < decisions.size()) {
    set(node, "pairedWith", decisions[*finding.paired_with].id);
    set_if(node, "pairing", finding.pairing);
  }
  write_location(node, finding.location);
  write_site(node, decision);
  for (const auto& coded : finding.morphology) {
    pugi::xml_node morphology = node.append_child("morphology");
    set(morphology, "term", to_string(coded.term));
    write_code(morphology, coded.code);
    set_if(morphology, "position", coded.position);
  }
  if (finding.distribution) {
    pugi::xml_node distribution = node.append_child("distribution");
    set(distribution, "term", to_string(finding.distribution->term));
    write_code(distribution, finding.distribution->code);
    set_if(distribution, "position", finding.distribution->position);
    if (finding.distribution_implied) set(distribution, "implied", std::string("true"));
  }
  write_evidence(node, finding);
  pugi::xml_node assessment = node.append_child("assessment");
  set(assessment, "category", to_string(decision.final_category));
  set(assessment, "classification", to_string(decision.classification));
  set(assessment, "ruleCategory", to_string(decision.rule_category));
  if (decision.reported_category) {
    set(assessment, "reportedCategory", to_string(*decision.reported_category));
    set_if(assessment, "reportedSource", reported_source_words(finding));
  }
  set(assessment, "needsReview", std::string(decision.needs_review ? "true" : "false"));
  write_recommendation(node, decision.recommendation);
  write_trace(node, decision.trace, &decision);
  for (const auto& warning : decision.warnings) {
    write_warning(node, warning.code, warning.rule, warning.position, warning.text);
  }
  for (const auto& annotation : finding.annotations) {
    pugi::xml_node element = node.append_child("annotation");
    set(element, "file", annotation.file);
    set(element, "line", std::to_string(annotation.line));
    set(element, "action", annotation.action);
    set_if(element, "comment", annotation.comment);
  }
  write_text(node, finding);
}

// The assessments and follow-ups the report's text states (row E6).
void write_stated(pugi::xml_node exam, const std::vector<OverallStatement>& statements) {
  for (const OverallStatement& statement : statements) {
    if (!statement.from_text || !statement.category) continue;
    pugi::xml_node element = exam.append_child("statedAssessment");
    set(element, "laterality", to_string(statement.laterality));
    set(element, "category", to_string(*statement.category));
    set(element, "position", statement.position);
    set_text(element, statement.quote);
  }
  for (const OverallStatement& statement : statements) {
    if (!statement.from_text) continue;
    for (const StatedFollowUp& stated : statement.follow_up) {
      pugi::xml_node element = exam.append_child("statedFollowUp");
      set_if(element, "term", stated.id);
      write_code(element, stated.code);
      set(element, "laterality", to_string(statement.laterality));
      set(element, "position", stated.position);
      set_text(element, stated.quote);
    }
  }
}

// The ids of these findings, space-separated.
std::string finding_ids(const std::vector<std::size_t>& indices,
                        const std::vector<Decision>& decisions) {
  std::string ids;
  for (const std::size_t index : indices) {
    if (index < decisions.size()) ids += (ids.empty() ? "" : " ") + decisions[index].id;
  }
  return ids;
}

// Every calcification mention of the report text, whatever its status, so that nothing that
// mentions calcification is dropped without trace.
void write_read_text(pugi::xml_node root, const Report& report) {
  const Findings& input = report.input;
  if (input.text_mentions.empty()) return;
  pugi::xml_node node = root.append_child("readText");
  set(node, "use", to_string(input.text_use));
  for (const TextMention& mention : input.text_mentions) {
    pugi::xml_node element = node.append_child("mention");
    set(element, "status", to_string(mention.status));
    set(element, "section", to_string(mention.sentence.section));
    set(element, "laterality", to_string(mention.laterality));
    write_span(element, mention.sentence.span);
    set(element, "words", mention.words);
    set_if(element, "trigger", mention.trigger);
    set_if(element, "findings", finding_ids(mention.findings, report.decisions));
    if (mention.cross_check != TextCrossCheck::None) {
      set(element, "crossCheck", to_string(mention.cross_check));
    }
    set_if(element, "pairedWith", finding_ids(mention.paired_with, report.decisions));
    set_text(element, mention.sentence.text);
  }
}

void write_exam(pugi::xml_node root, const Report& report) {
  const ExamSummary& exam = report.exam;
  pugi::xml_node node = root.append_child("exam");
  if (exam.category) {
    set(node, "category", to_string(*exam.category));
    set(node, "classification", to_string(*exam.classification));
  }
  if (exam.reported_category) set(node, "reportedCategory", to_string(*exam.reported_category));
  set(node, "needsReview", std::string(exam.needs_review ? "true" : "false"));
  set(node, "categorySource", exam.category_source);
  set(node, "findings", std::to_string(report.decisions.size()));
  if (report.input.skipped_not_for_presentation > 0) {
    set(node, "skippedNotForPresentation",
        std::to_string(report.input.skipped_not_for_presentation));
  }
  for (const auto& breast : exam.breasts) {
    pugi::xml_node element = node.append_child("breast");
    set(element, "laterality", to_string(breast.laterality));
    set(element, "category", to_string(breast.category));
    set(element, "classification", to_string(breast.classification));
    set(element, "findings", std::to_string(breast.findings));
  }
  for (const auto action : exam.actions) {
    pugi::xml_node element = node.append_child("action");
    set(element, "value", to_string(action));
    set(element, "urgency", std::to_string(action_urgency(action)));
  }
  if (report.decisions.empty()) {
    set_text(node.append_child("statement"), no_calcification_statement(report));
  }
  for (const auto& code : exam.reported_follow_up) {
    write_code(node.append_child("reportedFollowUp"), code);
  }
  write_stated(node, report.input.overall_statements);
  if (!exam.trace.empty()) write_trace(node, exam.trace, nullptr);
}

}  // namespace

std::string summary_number(double value) {
  std::ostringstream text;
  text.imbue(std::locale::classic());
  text << value;
  return text.str();
}

const char* no_calcification_statement(const Report& report) {
  const auto& notes = report.input.notes;
  const bool skipped = std::any_of(notes.begin(), notes.end(), [](const ReaderNote& note) {
    return note.code == WarningCode::ContentSkipped;
  });
  return skipped ? kNoCalcificationReadStatement : kNoCalcificationStatement;
}

void write_summary(const Report& report, const SummaryOptions& options, std::ostream& out) {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child(kSummaryRoot);
  set(root, "xmlns", std::string(kSummaryNamespace));
  set(root, "rulesetVersion", kRuleSetVersion);
  set(root, "toolVersion", std::string(kToolVersion));
  set(root, "naming", options.naming);
  set_text(root.append_child("notice"), kNotice);
  write_source(root, report.input.source);
  if (!options.redact) write_patient(root, report.input.patient);
  write_profile(root, report.profile);
  for (std::size_t i = 0; i < report.decisions.size(); ++i) {
    write_finding(root, report.input.findings[i], report.decisions[i], report.decisions);
  }
  write_exam(root, report);
  for (const auto& warning : report.exam.warnings) {
    write_warning(root, warning.code, warning.rule, warning.position, warning.text);
  }
  for (const auto& note : report.input.notes) {
    write_warning(root, note.code, "", note.position, note.text);
  }
  write_read_text(root, report);
  set_text(root.append_child("context"), kContextPrevalence);
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

std::optional<std::string> summary_with_exam_rule(const std::string& summary,
                                                  const FiredRule& fired,
                                                  const FiredRule* finding_row, WarningCode code,
                                                  const std::string& text) {
  // Read as written: line ends and whitespace-only text kept (review 41, R41-6).
  pugi::xml_document document;
  constexpr unsigned kAsWritten =
      (pugi::parse_default & ~pugi::parse_eol) | pugi::parse_ws_pcdata_single;
  if (!document.load_string(summary.c_str(), kAsWritten)) return std::nullopt;
  pugi::xml_node root = document.child(kSummaryRoot);
  pugi::xml_node exam = root.child("exam");
  if (!exam || std::string_view(root.attribute("xmlns").value()) != kSummaryNamespace) {
    return std::nullopt;
  }
  exam.attribute("needsReview").set_value("true");
  // Each row once, however many results amend it (review 41, R41-6).
  const auto add_row = [](pugi::xml_node parent, const FiredRule& row) {
    pugi::xml_node trace = parent.child("trace");
    if (!trace) trace = parent.append_child("trace");
    if (!trace.find_child_by_attribute("rule", "id", std::string(row.rule->id).c_str())) {
      write_rule(trace, row, nullptr);
    }
  };
  if (finding_row != nullptr) {
    for (pugi::xml_node finding : root.children("finding")) {
      finding.child("assessment").attribute("needsReview").set_value("true");
      add_row(finding, *finding_row);
    }
  }
  add_row(exam, fired);
  // After the warnings already there (the schema's order: the exam, then its warnings).
  pugi::xml_node after = exam;
  while (std::string_view(after.next_sibling().name()) == "warning") after = after.next_sibling();
  pugi::xml_node warning = root.insert_child_after("warning", after);
  set(warning, "code", to_string(code));
  set_text(warning, text);
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace mammocalc
