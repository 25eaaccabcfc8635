#pragma once
// One exam read twice in one run (a batch, a hook call): two inputs that carry one SOP Instance
// UID (a copy of the SR under another name, or two reports under one UID), or an SR and
// mammocalc's own SR of it read back (--read-own). Whether the two are copies or give different
// results is one judgement for every run that reads several SRs (hostile reviews 31 and 33,
// H31-6, H33-5).

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "output/batch_index.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {

// The exams a run has summarised, by the SOP Instance UID of their report
// (InputResult::exam_sop_instance_uid), in input order. Two inputs of one exam that say the same
// are copies: each is summarised, but a roll-up counts the exam once, by its first input, and the
// index names the other input on both entries (H31-6). Two that give different results are no
// copies, and counting one would drop the other silently (H33-5): both count, and both need
// review.
class ExamsSeen {
 public:
  // A summary names at most this many other results, then how many more (review 41, R41-3: one
  // UID given to every report made memory and amendments grow with the square of the inputs).
  static constexpr std::size_t kResultsNamed = 8;
  struct Input {
    std::size_t index;    // in the run's inputs
    std::size_t ordinal;  // of its entry in the index (a run without an index: `index`)
  };
  struct Later {
    Input first;               // the exam's first input
    Input copy_of{};           // !differs: the earlier input whose result this one repeats
    bool differs = false;      // its result is none of the earlier inputs' results: it counts too
    bool conflicting = false;  // the exam has two results or more, this one among them
    // This input made the exam a conflict: the earlier inputs' counted findings that needed no
    // review (this many) need review now.
    bool first_difference = false;
    int first_findings_not_for_review = 0;
    int first_exams_not_for_review = 0;  // 1 where the exam as counted needed no review
    // Where the exam is conflicting: the first input of each of its other results (E19), at
    // most kResultsNamed, and how many more.
    std::vector<Input> other_results;
    std::size_t more_results = 0;
    // A copy of a result first given by mammocalc's own SR, which this input, the radiologist's
    // report, gives too: the report counts in the roll-up instead of the own SR (`instead_of`,
    // whose roll-up part was `own_part`), whatever the order of the inputs. The own SR's
    // "reported" values are mammocalc's, so it never carries the report's discordance (hostile
    // review 50, H50-2).
    std::optional<Input> counted_instead_of;
    Rollup own_part;
  };
  struct Amendment {
    Input self{};                // the entry's own input
    std::optional<Input> later;  // the first later input of the exam, which the first names
    bool differs = false;        // the exam has turned out to have two results or more
    // Where it differs: the first input of each result other than its own, and each input not
    // summarised for its other result, as its summary is to name them (E19; hostile review 37,
    // H37-9: a third result was not named). At most kResultsNamed, and how many more; past them
    // an entry is not amended again.
    std::vector<Input> other_results;
    std::size_t more_results = 0;
    std::optional<Input> latest;  // the input whose new result amended it last
    std::string said_briefly;     // what its entry said (InputResult::said_briefly), to read again
  };
  // The first input of the exam of `result` (the input `input`, whose roll-up part is `part`),
  // or none when this is the first (or its exam is not known). A later input is compared with
  // every result the exam has had, not only the first's (hostile review 34, H34-9): one that
  // repeats any is a copy. The first input's entry is to name the first later one, and every
  // earlier entry of an exam that turns out to have two results needs review (amendments).
  std::optional<Later> later_of_exam(const InputResult& result, Input input, const Rollup& part);
  // An input of a known exam that is not summarised because its result is another (its result
  // SR would take the earlier one's file: DicomOutputClaims): the exam has another result all
  // the same, which its earlier entries must say (E19; hostile review 36, H36-12). Returns the
  // exam's first input, with first_difference where this made the exam a conflict; none for an
  // exam not seen. Every new result, summarised or not, amends every earlier entry of the exam.
  std::optional<Later> unsummarised_result(const InputResult& result, Input input);
  // The entries written before a later input of their exam came, by their ordinal.
  const std::map<std::size_t, Amendment>& amendments() const { return amendments_; }

 private:
  struct Result {
    Input input;                  // the first input that gave it
    std::string said;             // what it says (InputResult::said)
    std::string said_briefly;     // the same, briefly (own SR read back)
    bool own;                     // the input is mammocalc's own SR read back
    int findings_not_for_review;  // of its findings, counted in the roll-up
    int exams_not_for_review;     // 1 where its exam, counted in the roll-up, needs no review
    // Where the input counted for it is an own SR: its roll-up part, to take back should the
    // radiologist's report of it come later (Later::counted_instead_of).
    std::optional<Rollup> own_part;
  };
  struct Written {
    Input input;
    std::size_t result;  // its result's place in Exam::results
  };
  struct Exam {
    std::vector<Result> results;      // each different result, by its first input
    std::vector<Input> unsummarised;  // inputs with another result that were not summarised
    std::vector<Written> inputs;      // every summarised input of the exam
    bool differed = false;            // it has had two results, summarised or not
  };
  // A new result came with `input` (already in results or unsummarised): every earlier entry
  // is amended to name every result other than its own.
  void note_difference(Exam& exam, Input input, Later& later);
  // The inputs a summary of result `result` names (E19): the first of each other result, then
  // those not summarised, at most kResultsNamed; how many more in `more`.
  static std::vector<Input> others_of(const Exam& exam, std::size_t result, std::size_t& more);
  std::unordered_map<std::string, Exam> exams_;
  std::map<std::size_t, Amendment> amendments_;
};

// How a summary names the other results `others` (and `more` beyond them) of its exam in this
// run, each by `name_of` (its path, or its place where pseudonymised), as summarise_input's
// other_results.
std::vector<std::string> other_results_named(
    const std::vector<ExamsSeen::Input>& others, std::size_t more,
    const std::function<std::string(const ExamsSeen::Input&)>& name_of);

}  // namespace mammocalc
