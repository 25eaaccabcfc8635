#pragma once
// Reading a summary (schemas/summary.xsd) back into plain values, for the review views. The
// summary XML is the one source of what they show: an SR or annotation file is summarised first,
// a summary already written is read as it is.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rules/rules.hpp"

namespace mammocalc {

struct ReviewRule {
  std::string id;
  std::string stage;
  std::string title;
  std::string outcome;
  std::string citation;
};

struct ReviewWarning {
  std::string code;
  std::string text;
};

// A sentence of the report text that a narrative finding was read from, quoted verbatim.
struct ReviewSentence {
  std::string section;  // findings, impression, … (the summary's ReportSection word)
  std::string text;
};

// One fact of a narrative finding and the words it was read from.
struct ReviewQuote {
  std::string field;  // morphology, laterality, …
  std::string value;  // as the summary names it: "fine-pleomorphic"
  std::string words;  // as written: "fine pleomorphic"
};

struct ReviewFinding {
  std::string id;          // "F1"
  std::string laterality;  // right, left, both, unknown
  std::optional<int> clock;
  std::string region;    // subareolar, central, axillary-tail, axilla, chest-wall
  std::string quadrant;  // upper-outer …
  std::string depth;     // anterior, middle, posterior
  std::optional<double> distance_from_nipple_mm;
  std::string site;         // ductal, lobular, unknown
  std::string site_source;  // annotation, sr, inferred, none
  std::vector<std::string> morphology;
  std::string distribution;
  std::string category;
  Classification classification = Classification::Indeterminate;
  std::string reported_category;
  std::string reported_source;  // finding, overall, annotation, cad-impression, narrative
  bool needs_review = false;    // a rule asked for the radiologist's review
  std::string action;
  std::string biopsy_type;
  std::string guidance;
  std::string needle;
  // The follow-ups the report recommends for the finding (evidence/reportedFollowUp), shown
  // beside the rules' recommendation: their meanings, else "(value, scheme)".
  std::vector<std::string> reported_follow_ups;
  std::vector<ReviewWarning> warnings;
  std::vector<ReviewRule> trace;
  // Read from the report's text (origin narrative), not from coded content: the views mark it,
  // give its status when it is not affirmed and quote the sentences it was read from.
  bool from_text = false;
  std::string text_status;  // affirmed, uncertain (from_text only)
  std::vector<ReviewSentence> sentences;
  std::vector<ReviewQuote> quotes;
};

// A BI-RADS category or follow-up that the report's text states (row E6), with its sentence.
struct ReviewStated {
  std::string laterality;  // right, left, both, unknown (the whole exam)
  std::string category;    // statedAssessment only
  std::string term;        // statedFollowUp only: the wording's id, e.g. "stereotactic-biopsy"
  std::string meaning;     // statedFollowUp only: the code meaning
  std::string quote;
};

// A calcification mention of the report text, whatever its status (readText/mention).
struct ReviewMention {
  std::string status;  // affirmed, negated, uncertain, historical, hypothetical
  std::string section;
  std::string laterality;
  std::string words;
  std::string trigger;                // the context words that set the status; may be empty
  std::vector<std::string> findings;  // the ids of the findings it gave ("F1"); empty when none
  std::string sentence;
  std::string cross_check;  // beside coded findings (W8): restates, covered, discordant; or empty
};

struct ReviewBreast {
  std::string laterality;
  std::string category;
  Classification classification = Classification::Indeterminate;
};

struct ReviewExam {
  std::string notice;
  std::string source_file;
  std::string study_instance_uid;
  std::string accession_number;
  std::string study_date;
  bool has_patient = false;  // false when the summary was redacted
  std::string patient_id;
  std::string patient_name;
  std::string patient_sex;
  std::string patient_age;
  std::vector<ReviewFinding> findings;
  std::string category;                          // the exam's; empty when there is none
  std::string category_source;                   // "findings", "report" or "none"
  std::optional<Classification> classification;  // empty when there is no category
  bool needs_review = false;  // a finding or an exam row needs the radiologist's review
  std::vector<ReviewBreast> breasts;
  std::vector<std::string> actions;  // most urgent first
  std::string statement;             // exam statement, e.g. when there are no findings
  std::vector<ReviewWarning> warnings;
  std::vector<ReviewRule> trace;  // the exam rows that fired
  std::string ruleset_version;
  std::string tool_version;
  std::vector<ReviewStated> stated_assessments;
  std::vector<ReviewStated> stated_follow_ups;
  // How the report text was used: "" (no calcification mention in it), "read" (read as
  // findings), "paired" (read beside coded findings, row W8) or "listed" (listed only), and its
  // mentions.
  std::string read_text_use;
  std::vector<ReviewMention> mentions;
  // The input was mammocalc's own SR read back (--read-own): the review says so in its header.
  bool written_by_mammocalc = false;
};

// What the review's header says of an exam read from mammocalc's own SR.
// One line of the terminal review under its "Origin" label (at most 91 columns).
inline constexpr const char* kOwnResultWords =
    "mammocalc's own result (its SR read back with --read-own), not a radiologist's report";

// Summaries of very large SRs run to tens of MiB; anything beyond this is no summary of ours.
inline constexpr std::size_t kMaxSummaryBytes = std::size_t{256} * 1024 * 1024;

// Parses summary XML. Throws Error(InvalidSummary) naming `name` when it is not a mammocalc
// summary.
ReviewExam read_summary(const std::string& xml, const std::string& name);

}  // namespace mammocalc
