#include "output/batch_index.hpp"

#include <algorithm>
#include <sstream>

#include <pugixml.hpp>

#include "base/version.hpp"
#include "findings/lexicon.hpp"
#include "output/xml_shape.hpp"
#include "output/xml_writing.hpp"

namespace mammocalc {

namespace {

bool warns_discordance(const std::vector<Warning>& warnings) {
  return std::any_of(warnings.begin(), warnings.end(),
                     [](const Warning& w) { return w.code == WarningCode::AssessmentDiscordant; });
}

}  // namespace

void Rollup::add(const Report& report) {
  for (std::size_t i = 0; i < report.decisions.size(); ++i) {
    const Decision& decision = report.decisions[i];
    ++findings;
    if (report.input.findings[i].origin == Origin::Narrative) ++narrative_findings;
    ++categories[std::string(to_string(decision.final_category))];
    ++classifications[std::string(to_string(decision.classification))];
    if (decision.recommendation.biopsy) {
      ++biopsy_types[std::string(to_string(*decision.recommendation.biopsy))];
    }
    ++breasts[std::string(to_string(report.input.findings[i].laterality))];
    if (warns_discordance(decision.warnings)) ++discordant;
    if (decision.needs_review) ++needs_review;
  }
  const ExamSummary& exam = report.exam;
  ++exams;
  if (exam.needs_review) ++exams_needing_review;
  if (warns_discordance(exam.warnings) ||
      std::any_of(report.decisions.begin(), report.decisions.end(),
                  [](const Decision& decision) { return warns_discordance(decision.warnings); })) {
    ++exams_discordant;
  }
  ++exam_categories[exam.category ? std::string(to_string(*exam.category)) : "none"];
  ++exam_classifications[exam.classification ? std::string(to_string(*exam.classification))
                                             : "none"];
  for (const Action action : exam.actions) ++exam_actions[std::string(to_string(action))];
}

// Merging and taking back are one walk over the counts, so that a count added to Rollup is
// added to both: `sign` +1 adds the part, -1 takes it back (a value that reaches 0 is dropped, as
// one never counted would be absent).
void Rollup::combine(const Rollup& part, int sign) {
  const auto counts = [sign](std::map<std::string, int>& total,
                             const std::map<std::string, int>& more) {
    for (const auto& [key, count] : more) {
      const int value = (total[key] += sign * count);
      if (value <= 0) total.erase(key);
    }
  };
  counts(categories, part.categories);
  counts(classifications, part.classifications);
  counts(biopsy_types, part.biopsy_types);
  counts(breasts, part.breasts);
  counts(exam_categories, part.exam_categories);
  counts(exam_classifications, part.exam_classifications);
  counts(exam_actions, part.exam_actions);
  for (auto [total, more] :
       {std::pair{&findings, part.findings},
        std::pair{&narrative_findings, part.narrative_findings},
        std::pair{&discordant, part.discordant}, std::pair{&needs_review, part.needs_review},
        std::pair{&same_exam_conflicts, part.same_exam_conflicts}, std::pair{&exams, part.exams},
        std::pair{&exams_needing_review, part.exams_needing_review},
        std::pair{&exams_discordant, part.exams_discordant}}) {
    *total += sign * more;
  }
}

std::string rollup_csv(const Rollup& rollup) {
  std::ostringstream csv;
  csv << "measure,value,findings\n";
  for (const auto& [key, count] : rollup.categories)
    csv << "category," << key << "," << count << "\n";
  for (const auto& [key, count] : rollup.classifications) {
    csv << "classification," << key << "," << count << "\n";
  }
  for (const auto& [key, count] : rollup.biopsy_types) {
    csv << "biopsy-type," << key << "," << count << "\n";
  }
  for (const auto& [key, count] : rollup.breasts) csv << "breast," << key << "," << count << "\n";
  csv << "total,findings," << rollup.findings << "\n";
  csv << "total,narrative-findings," << rollup.narrative_findings << "\n";
  csv << "total,discordant-assessments," << rollup.discordant << "\n";
  csv << "total,needs-radiologist-review," << rollup.needs_review << "\n";
  // Exams read twice with different results (index.xml sameExamConflicts), when there are any.
  if (rollup.same_exam_conflicts > 0) {
    csv << "total,same-exam-conflicts," << rollup.same_exam_conflicts << "\n";
  }
  // Per exam: the third column counts exams here (measures named exam-*).
  for (const auto& [key, count] : rollup.exam_categories) {
    csv << "exam-category," << key << "," << count << "\n";
  }
  for (const auto& [key, count] : rollup.exam_classifications) {
    csv << "exam-classification," << key << "," << count << "\n";
  }
  for (const auto& [key, count] : rollup.exam_actions) {
    csv << "exam-action," << key << "," << count << "\n";
  }
  csv << "exam-total,exams," << rollup.exams << "\n";
  csv << "exam-total,needs-radiologist-review," << rollup.exams_needing_review << "\n";
  csv << "exam-total,discordant-assessments," << rollup.exams_discordant << "\n";
  return csv.str();
}

int narrative_findings_of(const Report& report) {
  const std::size_t count = std::min(report.decisions.size(), report.input.findings.size());
  return static_cast<int>(
      std::count_if(report.input.findings.begin(),
                    report.input.findings.begin() + static_cast<std::ptrdiff_t>(count),
                    [](const Finding& finding) { return finding.origin == Origin::Narrative; }));
}

std::string_view to_string(EntryStatus status) {
  switch (status) {
    case EntryStatus::Summarised:
      return "summarised";
    case EntryStatus::Skipped:
      return "skipped";
    case EntryStatus::Failed:
      return "failed";
  }
  return "failed";
}

namespace {

using xml_writing::set;
using xml_writing::set_if;
using xml_writing::set_text;

// The marker the index skeleton holds where the entries go.
constexpr const char* kEntriesMarker = "mammocalc-entries";

void fill_entry(pugi::xml_node node, const IndexEntry& entry) {
  set(node, "input", entry.input);
  set(node, "status", to_string(entry.status));
  // A failed entry names no summary and no result: what is on disk under its name says nothing
  // of this run's reading (review 43, R43-4: "failed" beside category="2" benign).
  const bool failed = entry.status == EntryStatus::Failed;
  if (!failed) set_if(node, "output", entry.output);
  if (entry.existing) set(node, "existing", std::string("true"));
  if (entry.replaced) set(node, "replaced", std::string("true"));
  if (entry.category && !failed) set(node, "category", to_string(*entry.category));
  if (entry.classification && !failed) {
    set(node, "classification", to_string(*entry.classification));
  }
  if (entry.status == EntryStatus::Summarised) {
    set(node, "findings", std::to_string(entry.findings));
    set(node, "narrativeFindings", std::to_string(entry.narrative_findings));
    set(node, "needsReview", std::string(entry.needs_review ? "true" : "false"));
    set_if(node, "sameExamAs", entry.same_exam_as);
    if (!entry.in_rollup) set(node, "inRollup", std::string("false"));
    if (entry.same_exam_differs) set(node, "sameExamDiffers", std::string("true"));
  }
  if (entry.error_code) set(node, "errorCode", to_string(*entry.error_code));
  if (!entry.error.empty()) set_text(node, entry.error);
}

}  // namespace

void write_index_entry(const IndexEntry& entry, std::ostream& out) {
  pugi::xml_document document;
  pugi::xml_node node = document.append_child("entry");
  fill_entry(node, entry);
  node.print(out, "  ", pugi::format_default, pugi::encoding_utf8, 1);
}

WrittenEntry read_index_entry(std::string_view written) {
  pugi::xml_document document;
  document.load_buffer(written.data(), written.size());
  const pugi::xml_node entry = document.child("entry");
  WrittenEntry read;
  if (std::string_view(entry.attribute("status").value()) == "summarised") {
    read.output = entry.attribute("output").value();
  }
  read.earlier = {entry.attribute("existing").as_bool(), entry.attribute("replaced").as_bool()};
  return read;
}

std::string amended_index_entry(std::string_view written, const EntryAmendment& amendment) {
  pugi::xml_document document;
  document.load_buffer(written.data(), written.size());
  pugi::xml_node node = document.child("entry");
  if (amendment.same_exam) {
    if (!amendment.same_exam_as.empty()) set(node, "sameExamAs", amendment.same_exam_as);
    if (amendment.differs) {
      node.attribute("needsReview").set_value("true");
      if (!node.attribute("sameExamDiffers")) set(node, "sameExamDiffers", std::string("true"));
    }
  }
  if (amendment.earlier) {
    node.remove_attribute("existing");
    node.remove_attribute("replaced");
    pugi::xml_attribute after = node.attribute("output");
    if (amendment.earlier->existing) {
      after = node.insert_attribute_after("existing", after);
      after.set_value("true");
    }
    if (amendment.earlier->replaced)
      node.insert_attribute_after("replaced", after).set_value("true");
  }
  if (amendment.leaves_rollup && !node.attribute("inRollup")) {
    set(node, "inRollup", std::string("false"));
  }
  if (amendment.failure_code) {
    node.attribute("status").set_value(to_string(EntryStatus::Failed).data());
    // Those fill_entry writes of a summarised entry only, --skip-existing's, and an earlier
    // error code (replaced by this one).
    for (const char* summarised_only : {"output", "category", "classification", "existing",
                                        "replaced", "findings", "narrativeFindings", "needsReview",
                                        "sameExamAs", "inRollup", "sameExamDiffers", "errorCode"}) {
      node.remove_attribute(summarised_only);
    }
    set(node, "errorCode", to_string(*amendment.failure_code));
    set_text(node, amendment.failure);
  }
  std::ostringstream out;
  node.print(out, "  ", pugi::format_default, pugi::encoding_utf8, 1);
  return out.str();
}

IndexParts index_parts(const IndexCounts& counts, const Rollup& rollup,
                       const std::vector<LeftoverSummary>& leftovers, const std::string& naming) {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child(kIndexRoot);
  set(root, "xmlns", std::string(kIndexNamespace));
  set(root, "rulesetVersion", kRuleSetVersion);
  set(root, "toolVersion", std::string(kToolVersion));
  set(root, "inputs", std::to_string(counts.inputs));
  set(root, "summarised", std::to_string(counts.summarised));
  set(root, "skipped", std::to_string(counts.skipped));
  set(root, "failed", std::to_string(counts.failed));
  set_if(root, "naming", naming);
  set_text(root.append_child("notice"), kNotice);
  root.append_child(pugi::node_comment).set_value(kEntriesMarker);
  pugi::xml_node node = root.append_child("rollup");
  set(node, "findings", std::to_string(rollup.findings));
  set(node, "narrativeFindings", std::to_string(rollup.narrative_findings));
  set(node, "discordantAssessments", std::to_string(rollup.discordant));
  set(node, "needsRadiologistReview", std::to_string(rollup.needs_review));
  if (rollup.same_exam_conflicts > 0) {
    set(node, "sameExamConflicts", std::to_string(rollup.same_exam_conflicts));
  }
  const auto counts_of = [&](const char* element, const char* attribute,
                             const std::map<std::string, int>& values) {
    for (const auto& [value, count] : values) {
      pugi::xml_node child = node.append_child(element);
      set(child, attribute, value);
      set(child, "findings", std::to_string(count));
    }
  };
  counts_of("category", "value", rollup.categories);
  counts_of("classification", "value", rollup.classifications);
  counts_of("biopsyType", "value", rollup.biopsy_types);
  counts_of("breast", "laterality", rollup.breasts);
  for (const auto& [reason, count] : counts.skipped_by_reason) {
    pugi::xml_node child = node.append_child("skipped");
    set(child, "reason", to_string(reason));
    set(child, "count", std::to_string(count));
  }
  pugi::xml_node exams = node.append_child("exams");
  set(exams, "count", std::to_string(rollup.exams));
  set(exams, "needsRadiologistReview", std::to_string(rollup.exams_needing_review));
  set(exams, "discordantAssessments", std::to_string(rollup.exams_discordant));
  const auto exams_of = [&](const char* element, const std::map<std::string, int>& values) {
    for (const auto& [value, count] : values) {
      pugi::xml_node child = exams.append_child(element);
      set(child, "value", value);
      set(child, "exams", std::to_string(count));
    }
  };
  exams_of("category", rollup.exam_categories);
  exams_of("classification", rollup.exam_classifications);
  exams_of("action", rollup.exam_actions);
  for (const LeftoverSummary& leftover : leftovers) {
    pugi::xml_node child = root.append_child("leftover");
    set(child, "summary", leftover.summary);
    set(child, "examSummary", leftover.exam_summary);
  }
  std::ostringstream text;
  document.save(text, "  ", pugi::format_default, pugi::encoding_utf8);
  const std::string skeleton = text.str();
  const std::string marker = std::string("  <!--") + kEntriesMarker + "-->\n";
  const std::size_t at = skeleton.find(marker);
  return {skeleton.substr(0, at), skeleton.substr(at + marker.size())};
}

std::string why_not_a_batch_index(const std::string& bytes) {
  return why_not_shaped(bytes, kIndexRoot,
                        {{kIndexRoot, "notice"},
                         {kIndexRoot, "entry"},
                         {kIndexRoot, "rollup"},
                         {kIndexRoot, "leftover"},
                         {"rollup", "category"},
                         {"rollup", "classification"},
                         {"rollup", "biopsyType"},
                         {"rollup", "breast"},
                         {"rollup", "skipped"},
                         {"rollup", "exams"},

                         {"exams", "category"},
                         {"exams", "classification"},
                         {"exams", "action"}});
}

}  // namespace mammocalc
