#include "review/exam_view.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "base/version.hpp"
#include "findings/lexicon.hpp"
#include "output/summary_writer.hpp"
#include "output/xml_text.hpp"

namespace mammocalc {
namespace {

// Text as the summary carries it (made safe for XML): the view shows the same characters
// whichever way it was built.
std::string text_of(std::string_view value) { return xml_safe_text(std::string(value)); }

// Element text as the summary reader gets it back: line ends normalised to "\n" (XML 1.0
// §2.11), and nothing when it is only white space (pugixml drops such text nodes).
std::string element_text_of(std::string_view value) {
  const std::string safe = text_of(value);
  if (safe.find_first_not_of(" \t\r\n") == std::string::npos) return {};
  std::string text;
  text.reserve(safe.size());
  for (std::size_t i = 0; i < safe.size(); ++i) {
    if (safe[i] != '\r') {
      text.push_back(safe[i]);
    } else if (i + 1 >= safe.size() || safe[i + 1] != '\n') {
      text.push_back('\n');
    }
  }
  return text;
}

std::vector<ReviewRule> trace_of(const std::vector<FiredRule>& trace, const Decision* decision) {
  std::vector<ReviewRule> rules;
  std::transform(
      trace.begin(), trace.end(), std::back_inserter(rules), [&](const FiredRule& fired) {
        return ReviewRule{text_of(fired.rule->id), text_of(to_string(fired.rule->stage)),
                          text_of(fired.rule->title), text_of(describe_outcome(fired, decision)),
                          text_of(fired.rule->citation)};
      });
  return rules;
}

std::vector<ReviewWarning> warnings_of(const std::vector<Warning>& warnings) {
  std::vector<ReviewWarning> view;
  std::transform(
      warnings.begin(), warnings.end(), std::back_inserter(view), [](const Warning& warning) {
        return ReviewWarning{text_of(to_string(warning.code)), element_text_of(warning.text)};
      });
  return view;
}

template <typename Term>
std::string word_of(const std::optional<Term>& term) {
  return term ? text_of(to_string(*term)) : std::string();
}

ReviewFinding finding_view(const Finding& finding, const Decision& decision) {
  ReviewFinding view;
  view.id = text_of(decision.id);
  view.laterality = text_of(to_string(finding.laterality));
  const Location& location = finding.location;
  view.clock = location.clock_hour;
  view.region = word_of(location.region);
  view.quadrant = word_of(location.quadrant);
  view.depth = word_of(location.depth);
  // The summary writes six significant digits; the view shows what it would read back.
  if (location.from_nipple_mm) {
    view.distance_from_nipple_mm = std::stod(summary_number(*location.from_nipple_mm));
  }
  view.site = text_of(to_string(decision.site.site));
  view.site_source = text_of(to_string(decision.site.source));
  for (const auto& coded : finding.morphology)
    view.morphology.push_back(text_of(to_string(coded.term)));
  if (finding.distribution) view.distribution = text_of(to_string(finding.distribution->term));
  view.category = text_of(to_string(decision.final_category));
  view.classification = decision.classification;
  view.reported_category = word_of(decision.reported_category);
  view.reported_source = reported_source_words(finding);
  view.needs_review = decision.needs_review;
  const Recommendation& recommendation = decision.recommendation;
  view.action = text_of(to_string(recommendation.action));
  if (recommendation.biopsy) {
    view.biopsy_type = text_of(to_string(*recommendation.biopsy));
    view.guidance = word_of(recommendation.guidance);
    view.needle = text_of(recommendation.needle);
  }
  // As summary_reader reads evidence/reportedFollowUp back: the meaning, else (value, scheme).
  for (const Code& code : finding.reported_follow_up) {
    view.reported_follow_ups.push_back(code.meaning.empty() ? "(" + text_of(code.value) + ", " +
                                                                  text_of(code.scheme) + ")"
                                                            : text_of(code.meaning));
  }
  view.warnings = warnings_of(decision.warnings);
  view.trace = trace_of(decision.trace, &decision);
  if (finding.origin == Origin::Narrative) {
    view.from_text = true;
    view.text_status = text_of(to_string(finding.text_status));
  }
  // A coded finding quotes the text too when a narrative finding that describes it added facts
  // (row W8), as the summary's text element does.
  for (const TextSentence& sentence : finding.text_sentences) {
    view.sentences.push_back(
        {text_of(to_string(sentence.section)), element_text_of(sentence.text)});
  }
  for (const TextEvidence& evidence : finding.text_evidence) {
    view.quotes.push_back({text_of(to_string(evidence.field)), text_of(evidence.value),
                           element_text_of(evidence.words)});
  }
  return view;
}

// The assessments and follow-ups the report's text states, as the summary writes them.
void stated_view(const std::vector<OverallStatement>& statements, ReviewExam& view) {
  for (const OverallStatement& statement : statements) {
    if (!statement.from_text || !statement.category) continue;
    view.stated_assessments.push_back({text_of(to_string(statement.laterality)),
                                       text_of(to_string(*statement.category)), "", "",
                                       element_text_of(statement.quote)});
  }
  for (const OverallStatement& statement : statements) {
    if (!statement.from_text) continue;
    for (const StatedFollowUp& stated : statement.follow_up) {
      view.stated_follow_ups.push_back({text_of(to_string(statement.laterality)), "",
                                        text_of(stated.id), text_of(stated.code.meaning),
                                        element_text_of(stated.quote)});
    }
  }
}

// Every calcification mention of the report text, as the summary's readText lists them.
void mentions_view(const Report& report, ReviewExam& view) {
  const Findings& input = report.input;
  if (input.text_mentions.empty()) return;
  view.read_text_use = text_of(to_string(input.text_use));
  for (const TextMention& mention : input.text_mentions) {
    std::vector<std::string> ids;
    for (const std::size_t index : mention.findings) {
      if (index < report.decisions.size()) ids.push_back(text_of(report.decisions[index].id));
    }
    view.mentions.push_back(
        {text_of(to_string(mention.status)), text_of(to_string(mention.sentence.section)),
         text_of(to_string(mention.laterality)), text_of(mention.words), text_of(mention.trigger),
         std::move(ids), element_text_of(mention.sentence.text),
         mention.cross_check == TextCrossCheck::None ? std::string()
                                                     : text_of(to_string(mention.cross_check))});
  }
}

}  // namespace

ReviewExam exam_view_of(const Report& report, bool redact) {
  ReviewExam view;
  view.ruleset_version = text_of(kRuleSetVersion);
  view.tool_version = text_of(kToolVersion);
  view.notice = kNotice;
  const SourceInfo& source = report.input.source;
  view.source_file = text_of(source.file);
  view.written_by_mammocalc = source.written_by_mammocalc;
  view.study_instance_uid = text_of(source.study_instance_uid);
  view.accession_number = text_of(source.accession_number);
  view.study_date = text_of(source.study_date);
  view.has_patient = !redact;
  if (!redact) {
    const PatientInfo& patient = report.input.patient;
    view.patient_id = text_of(patient.id);
    view.patient_name = text_of(patient.name);
    view.patient_sex = text_of(patient.sex);
    view.patient_age = text_of(patient.age);
  }
  for (std::size_t i = 0; i < report.decisions.size(); ++i) {
    view.findings.push_back(finding_view(report.input.findings[i], report.decisions[i]));
  }
  const ExamSummary& exam = report.exam;
  if (exam.category) {
    view.category = text_of(to_string(*exam.category));
    view.classification = exam.classification;
  }
  view.category_source = exam.category_source;
  view.needs_review = exam.needs_review;
  view.trace = trace_of(exam.trace, nullptr);
  for (const BreastSummary& breast : exam.breasts) {
    view.breasts.push_back({text_of(to_string(breast.laterality)),
                            text_of(to_string(breast.category)), breast.classification});
  }
  // Most urgent first, as the summary ranks them.
  std::vector<Action> actions = exam.actions;
  std::stable_sort(actions.begin(), actions.end(),
                   [](Action a, Action b) { return action_urgency(a) > action_urgency(b); });
  for (Action action : actions) view.actions.push_back(text_of(to_string(action)));
  if (report.decisions.empty()) view.statement = no_calcification_statement(report);
  stated_view(report.input.overall_statements, view);
  view.warnings = warnings_of(exam.warnings);
  for (const ReaderNote& note : report.input.notes) {
    view.warnings.push_back({text_of(to_string(note.code)), element_text_of(note.text)});
  }
  mentions_view(report, view);
  return view;
}

}  // namespace mammocalc
