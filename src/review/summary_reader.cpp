#include "review/summary_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "findings/lexicon.hpp"
#include "output/summary_writer.hpp"

namespace mammocalc {
namespace {

std::string attribute(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

// The classification of a category word as the summary writes it. It is derived from the
// category, never taken from the classification word beside it: an edited or foreign summary
// cannot show "BI-RADS 4C benign". A category this version does not know reads as indeterminate
// ("needs radiologist review"), never as anything more reassuring.
Classification classification_of(const std::string& category) {
  const std::optional<Category> known = category_named(category);
  return known ? classification_for(*known) : Classification::Indeterminate;
}

std::vector<ReviewWarning> warnings_of(pugi::xml_node node) {
  std::vector<ReviewWarning> warnings;
  const auto children = node.children("warning");
  std::transform(children.begin(), children.end(), std::back_inserter(warnings),
                 [](pugi::xml_node warning) {
                   return ReviewWarning{attribute(warning, "code"), warning.text().get()};
                 });
  return warnings;
}

// A clock hour 1–12, or nothing: anything else in a summary file is not drawn anywhere.
std::optional<int> clock_of(pugi::xml_node location) {
  const std::string text = attribute(location, "clock");
  if (text.empty() || text.size() > 2) return std::nullopt;
  char* end = nullptr;
  const long hour = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0' || hour < 1 || hour > 12) return std::nullopt;
  return static_cast<int>(hour);
}

std::optional<double> millimetres_of(pugi::xml_node node, const char* name) {
  const pugi::xml_attribute value = node.attribute(name);
  if (value.empty()) return std::nullopt;
  return value.as_double();
}

std::vector<ReviewRule> trace_of(pugi::xml_node node) {
  std::vector<ReviewRule> trace;
  const auto rules = node.child("trace").children("rule");
  std::transform(rules.begin(), rules.end(), std::back_inserter(trace), [](pugi::xml_node rule) {
    return ReviewRule{attribute(rule, "id"), attribute(rule, "stage"), attribute(rule, "title"),
                      attribute(rule, "outcome"), attribute(rule, "citation")};
  });
  return trace;
}

ReviewFinding read_finding(pugi::xml_node node) {
  ReviewFinding finding;
  finding.id = attribute(node, "id");
  finding.laterality = attribute(node, "laterality");
  const pugi::xml_node location = node.child("location");
  finding.clock = clock_of(location);
  finding.region = attribute(location, "region");
  finding.quadrant = attribute(location, "quadrant");
  finding.depth = attribute(location, "depth");
  finding.distance_from_nipple_mm = millimetres_of(location, "distanceFromNippleMm");
  finding.site = attribute(node.child("site"), "value");
  finding.site_source = attribute(node.child("site"), "source");
  for (pugi::xml_node morphology : node.children("morphology")) {
    finding.morphology.push_back(attribute(morphology, "term"));
  }
  finding.distribution = attribute(node.child("distribution"), "term");
  const pugi::xml_node assessment = node.child("assessment");
  finding.category = attribute(assessment, "category");
  finding.classification = classification_of(finding.category);
  finding.reported_category = attribute(assessment, "reportedCategory");
  finding.reported_source = attribute(assessment, "reportedSource");
  // Summaries from before needsReview asked for review only when indeterminate.
  const pugi::xml_attribute needs_review = assessment.attribute("needsReview");
  finding.needs_review = needs_review.empty()
                             ? finding.classification == Classification::Indeterminate
                             : needs_review.as_bool();
  const pugi::xml_node recommendation = node.child("recommendation");
  finding.action = attribute(recommendation, "action");
  finding.biopsy_type = attribute(recommendation, "biopsyType");
  finding.guidance = attribute(recommendation, "guidance");
  finding.needle = attribute(recommendation, "needle");
  for (pugi::xml_node follow_up : node.child("evidence").children("reportedFollowUp")) {
    std::string words = attribute(follow_up, "codeMeaning");
    if (words.empty()) {
      words = "(" + attribute(follow_up, "codeValue") + ", " +
              attribute(follow_up, "codingScheme") + ")";
    }
    finding.reported_follow_ups.push_back(std::move(words));
  }
  finding.warnings = warnings_of(node);
  finding.trace = trace_of(node);
  // A finding read from text says so by its origin; its text element quotes the sentences.
  finding.from_text = attribute(node, "origin") == "narrative";
  const pugi::xml_node text = node.child("text");
  if (finding.from_text) {
    // Without a status a narrative finding is not known to be affirmed: it reads as uncertain.
    finding.text_status = attribute(text, "status");
    if (finding.text_status.empty()) finding.text_status = "uncertain";
  }
  for (pugi::xml_node sentence : text.children("sentence")) {
    finding.sentences.push_back({attribute(sentence, "section"), sentence.text().get()});
  }
  for (pugi::xml_node quote : text.children("quote")) {
    finding.quotes.push_back(
        {attribute(quote, "field"), attribute(quote, "value"), quote.text().get()});
  }
  return finding;
}

void read_stated(pugi::xml_node verdict, ReviewExam& exam) {
  for (pugi::xml_node stated : verdict.children("statedAssessment")) {
    exam.stated_assessments.push_back({attribute(stated, "laterality"),
                                       attribute(stated, "category"), "", "", stated.text().get()});
  }
  for (pugi::xml_node stated : verdict.children("statedFollowUp")) {
    exam.stated_follow_ups.push_back({attribute(stated, "laterality"), "",
                                      attribute(stated, "term"), attribute(stated, "codeMeaning"),
                                      stated.text().get()});
  }
}

void read_text_mentions(pugi::xml_node root, ReviewExam& exam) {
  const pugi::xml_node read_text = root.child("readText");
  if (read_text.empty()) return;
  exam.read_text_use = attribute(read_text, "use");
  for (pugi::xml_node mention : read_text.children("mention")) {
    // The finding ids are an XML list (space-separated): read once, here.
    std::istringstream listed(attribute(mention, "findings"));
    std::vector<std::string> ids{std::istream_iterator<std::string>(listed),
                                 std::istream_iterator<std::string>()};
    exam.mentions.push_back({attribute(mention, "status"), attribute(mention, "section"),
                             attribute(mention, "laterality"), attribute(mention, "words"),
                             attribute(mention, "trigger"), std::move(ids), mention.text().get(),
                             attribute(mention, "crossCheck")});
  }
}

}  // namespace

ReviewExam read_summary(const std::string& xml, const std::string& name) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    throw Error(ErrorCode::InvalidSummary,
                name + ": not well-formed XML (" + parsed.description() + ")");
  }
  const pugi::xml_node root = document.document_element();
  if (std::string(root.name()) != kSummaryRoot || attribute(root, "xmlns") != kSummaryNamespace) {
    throw Error(ErrorCode::InvalidSummary,
                name + ": not a mammocalc summary (root must be <mammocalcSummary xmlns=\"" +
                    kSummaryNamespace + "\">)");
  }
  ReviewExam exam;
  exam.ruleset_version = attribute(root, "rulesetVersion");
  exam.tool_version = attribute(root, "toolVersion");
  exam.notice = root.child("notice").text().get();
  const pugi::xml_node source = root.child("source");
  exam.source_file = attribute(source, "file");
  exam.study_instance_uid = attribute(source, "studyInstanceUid");
  exam.accession_number = attribute(source, "accessionNumber");
  exam.study_date = attribute(source, "studyDate");
  exam.written_by_mammocalc = attribute(source, "writtenBy") == "mammocalc";
  const pugi::xml_node patient = root.child("patient");
  exam.has_patient = !patient.empty();
  exam.patient_id = attribute(patient, "id");
  exam.patient_name = attribute(patient, "name");
  exam.patient_sex = attribute(patient, "sex");
  exam.patient_age = attribute(patient, "age");
  for (pugi::xml_node finding : root.children("finding")) {
    exam.findings.push_back(read_finding(finding));
  }
  // One <exam>, as summary.xsd says: none or two would show a verdict the summary does not hold
  // (hostile review 71: no <exam> printed "no BI-RADS category", two showed the first).
  const auto exams = root.children("exam");
  const auto exam_count = std::distance(exams.begin(), exams.end());
  if (exam_count != 1) {
    throw Error(ErrorCode::InvalidSummary, name + ": holds " + std::to_string(exam_count) +
                                               " <exam> elements; a mammocalc summary holds one");
  }
  const pugi::xml_node verdict = root.child("exam");
  exam.category = attribute(verdict, "category");
  exam.category_source = attribute(verdict, "categorySource");
  if (!exam.category.empty()) {
    exam.classification = classification_of(exam.category);
  }
  exam.needs_review = verdict.attribute("needsReview").as_bool(false);
  exam.trace = trace_of(verdict);
  for (pugi::xml_node breast : verdict.children("breast")) {
    const std::string category = attribute(breast, "category");
    exam.breasts.push_back(
        {attribute(breast, "laterality"), category, classification_of(category)});
  }
  // Most urgent first, as the summary ranks them. Summaries from before the urgency attribute
  // listed their actions least urgent first, so there the position stands in for it.
  std::vector<std::pair<int, std::string>> actions;
  for (pugi::xml_node action : verdict.children("action")) {
    const int position = static_cast<int>(actions.size()) + 1;
    actions.emplace_back(action.attribute("urgency").as_int(position), attribute(action, "value"));
  }
  std::stable_sort(actions.begin(), actions.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& action : actions) exam.actions.push_back(std::move(action.second));
  exam.statement = verdict.child("statement").text().get();
  read_stated(verdict, exam);
  exam.warnings = warnings_of(root);
  read_text_mentions(root, exam);
  return exam;
}

}  // namespace mammocalc
