#pragma once
// One exam read twice in one run (a batch, a hook call): two inputs that carry one SOP Instance
// UID (a copy of the SR under another name, or two reports under one UID), or an SR and
// mammocalc's own SR of it read back (--read-own). Whether the two are copies or give different
// results is one judgement for every run that reads several SRs (hostile reviews 31 and 33,
// H31-6, H33-5).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

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
  struct Input {
    std::size_t index;    // in the run's inputs
    std::size_t ordinal;  // of its entry in the index (a run without an index: `index`)
  };
  struct Later {
    Input first;
    bool differs = false;  // from the first input's result
    // Differs, and the first input of the exam that does: the exam is a conflict from now on,
    // and the first's findings that it counted as needing no review (this many) need review.
    bool first_difference = false;
    int first_findings_not_for_review = 0;
  };
  struct Amendment {
    Input later;           // the first later input of the exam, which the first names
    bool differs = false;  // some later input's result differs from the first's
  };
  // The first input of the exam of `result` (the input `input`, whose roll-up part is `part`),
  // or none when this is the first (or its exam is not known). A later one makes the first's
  // entry name it (amendments), the first later one only.
  std::optional<Later> later_of_exam(const InputResult& result, Input input, const Rollup& part);
  // The first inputs of their exam whose entry was written before a later input of it came, by
  // their entry's ordinal.
  const std::map<std::size_t, Amendment>& amendments() const { return amendments_; }

 private:
  struct Exam {
    Input first;
    std::string digest;             // what the first input's result says (result_digest)
    std::string digest_but_review;  // the same, leaving out the review (own SR read back)
    bool first_own;                 // the first input is mammocalc's own SR read back
    int findings_not_for_review;    // of the first input's findings, in the roll-up
    bool conflicting;               // a later input gave another result
  };
  std::unordered_map<std::string, Exam> first_;
  std::map<std::size_t, Amendment> amendments_;
};

}  // namespace mammocalc
