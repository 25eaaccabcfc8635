#pragma once
// The index of a batch run (schemas/index.xsd): its record as plain values, and its writer.

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "rules/rules.hpp"

namespace mammocalc {

enum class EntryStatus { Summarised, Skipped, Failed };

// One input of the batch, as index.xml lists it.
struct IndexEntry {
  std::string input;
  EntryStatus status = EntryStatus::Failed;
  std::string output;     // file name in the output directory, when summarised
  bool existing = false;  // --skip-existing kept an earlier output
  // --skip-existing found an earlier output under the name that is not this run's (its inputs,
  // options or mammocalc changed since, or it was cut short) and replaced it.
  bool replaced = false;
  std::optional<ErrorCode> error_code;  // when skipped or failed
  std::string error;                    // one line, when skipped or failed
  std::optional<Category> category;
  std::optional<Classification> classification;
  int findings = 0;
  int narrative_findings = 0;    // of `findings`, those read from the report's text
  bool needs_review = false;     // a finding or the exam needs the radiologist's review
  std::string accession_number;  // the summarised exam's, as its summary has it (index.html)
  // Summarised entries: another input of the run that is the same exam (one SOP Instance UID,
  // or mammocalc's own SR and its source: hostile review 31, H31-6), as the index names it. The
  // first of them by input order names the next; each later one names the first.
  std::string same_exam_as;
  // False for such a later input: its findings are not counted in the roll-up again.
  bool in_rollup = true;
  // The two inputs of one exam give different results (two reports under one SOP Instance UID,
  // hostile review 33, H33-5): neither is a copy of the other, so both are counted and both
  // need review; the index says so (sameExamDiffers).
  bool same_exam_differs = false;
};

// Counts over all summarised findings: the audit figures of a lead interpreting physician.
struct Rollup {
  std::map<std::string, int> categories;
  std::map<std::string, int> classifications;
  std::map<std::string, int> biopsy_types;
  std::map<std::string, int> breasts;
  int findings = 0;
  int narrative_findings = 0;  // read from the report's text (origin narrative)
  int discordant = 0;
  int needs_review = 0;
  // Exams whose inputs give different results (IndexEntry::same_exam_differs).
  int same_exam_conflicts = 0;
  // Per exam, not per finding: an exam's category and classification come from its report too
  // (an overall BI-RADS 5, a mass read from text), so counting findings alone showed a BI-RADS 5
  // exam as its benign calcifications (hostile review 50, H50-6). An exam without a category
  // counts as "none".
  int exams = 0;
  int exams_needing_review = 0;
  int exams_discordant = 0;  // a finding or the exam warned assessment-discordant
  std::map<std::string, int> exam_categories;
  std::map<std::string, int> exam_classifications;
  std::map<std::string, int> exam_actions;  // the exam's actions (ExamSummary::actions), each once

  void add(const Report& report);
  void merge(const Rollup& part) { combine(part, 1); }    // adds another part's counts
  void remove(const Rollup& part) { combine(part, -1); }  // takes back a part merged before

 private:
  void combine(const Rollup& part, int sign);
};

// The roll-up as CSV (--rollup-csv): "measure,value,findings", then one line a count.
std::string rollup_csv(const Rollup& rollup);

std::string_view to_string(EntryStatus status);

// The findings of `report` read from its text (origin narrative).
int narrative_findings_of(const Report& report);

// index.xml of a batch run (schemas/index.xsd, namespace urn:mammocalc:index:1).
// Written in parts, so that a batch keeps no entry in memory: the head (root element with the
// counts, the notice), then each entry as it comes, then the tail (the roll-up).
inline constexpr const char* kIndexRoot = "mammocalcIndex";
inline constexpr const char* kIndexNamespace = "urn:mammocalc:index:1";
struct IndexCounts {
  std::size_t inputs = 0;
  std::size_t summarised = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;
  std::map<ErrorCode, std::size_t> skipped_by_reason;  // the skipped entries' error codes

  void add(const IndexEntry& entry) {
    ++inputs;
    if (entry.status == EntryStatus::Summarised) ++summarised;
    if (entry.status == EntryStatus::Failed) ++failed;
    if (entry.status == EntryStatus::Skipped) {
      ++skipped;
      ++skipped_by_reason[entry.error_code.value_or(ErrorCode::Internal)];
    }
  }
};

// A summary in the output directory that an earlier run left beside one of this run's, of the
// same exam (UID-N.xml beside UID.xml), that this run did not write: it may name inputs this
// run does not have (hostile reviews 38 and 40, H38-9, H40-3).
struct LeftoverSummary {
  std::string summary;       // its file name, "UID-2.xml"
  std::string exam_summary;  // this run's summary of the exam, "UID.xml"
};
struct BatchIndex {
  std::vector<IndexEntry> entries;
  Rollup rollup;
  IndexCounts counts;
  std::vector<LeftoverSummary> leftovers;  // for index.html, as index.xml lists them
};
struct IndexParts {
  std::string head;
  std::string tail;
};
// The roll-up ends with one <skipped reason="CODE" count="N"/> per reason an input was skipped
// for (the entries' errorCode), in the order of ErrorCode; after it one
// <leftover summary="UID-N.xml" examSummary="UID.xml"/> per leftover summary, in name order.
// `naming` (naming_of), where given, is the root's naming attribute.
IndexParts index_parts(const IndexCounts& counts, const Rollup& rollup,
                       const std::vector<LeftoverSummary>& leftovers = {},
                       const std::string& naming = "");
void write_index_entry(const IndexEntry& entry, std::ostream& out);
// What an entry as write_index_entry wrote it (`written`) says, read once: the summary file it
// names (empty unless summarised: one whose write failed has no summary to write again), and
// what it says of an earlier run's summary (--skip-existing).
struct EarlierOutputSaid {
  bool existing = false;  // kept
  bool replaced = false;  // written over
};
struct WrittenEntry {
  std::string output;
  EarlierOutputSaid earlier;
};
WrittenEntry read_index_entry(std::string_view written);

// What the run learns of an entry after it was written, applied in one parse.
struct EntryAmendment {
  // Another input of its exam (the first input learns of a later one only after its entry was
  // written): sameExamAs `same_exam_as` (unless empty: an entry that names its exam's first
  // input already), and where it gives another result (`differs`), sameExamDiffers and
  // needsReview.
  bool same_exam = false;
  std::string same_exam_as;
  bool differs = false;
  // existing and replaced (--skip-existing) as the run decided only at its end, where
  // write_index_entry would place them.
  std::optional<EarlierOutputSaid> earlier;
  // A summary held to the end that could not be made or written: written as a failed entry
  // (status failed, the code and error, nothing of a summary but its output name; review 41,
  // R41-4).
  std::optional<ErrorCode> failure_code;
  std::string failure;
  // Another input of its exam counts in the roll-up instead (inRollup false): mammocalc's own SR
  // whose radiologist's report came later (hostile review 50, H50-2).
  bool leaves_rollup = false;
};
std::string amended_index_entry(std::string_view written, const EntryAmendment& amendment);

// Why whole bytes are no index.xml with the elements schemas/index.xsd nests; empty when they are
// one.
std::string why_not_a_batch_index(const std::string& bytes);

}  // namespace mammocalc
