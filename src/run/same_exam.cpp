#include "run/same_exam.hpp"

#include <sstream>

#include "dicom/sr_writer.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

// What an input's result says, as far as an index and a roll-up count it: two inputs of one
// exam with the same digest are copies (one is counted), two with different ones are not.
// Without `review`, the digest leaves out which findings need review: mammocalc's own SR read
// back needs review by design (W14, E10), and says the same as its source all the same.
std::string result_digest(const IndexEntry& entry, Rollup part, bool review) {
  if (!review) part.needs_review = 0;
  std::ostringstream said;
  said << (entry.category ? to_string(*entry.category) : "-") << ','
       << (entry.classification ? to_string(*entry.classification) : "-") << ',' << entry.findings
       << ',' << entry.narrative_findings << ',' << (review && entry.needs_review) << '\n'
       << rollup_csv(part);
  return hex_digest(said.str());
}

// Whether an input is mammocalc's own SR read back (--read-own): its exam is another SR's.
bool own_read_back(const InputResult& result) {
  return result.exam_sop_instance_uid != result.sop_instance_uid;
}

}  // namespace

std::optional<ExamsSeen::Later> ExamsSeen::later_of_exam(const InputResult& result, Input input,
                                                         const Rollup& part) {
  if (result.exam_sop_instance_uid.empty()) return std::nullopt;
  const bool own = own_read_back(result);
  const auto [at, inserted] = first_.emplace(
      result.exam_sop_instance_uid,
      Exam{input, result_digest(result.entry, part, true), result_digest(result.entry, part, false),
           own, part.findings - part.needs_review, false});
  if (inserted) return std::nullopt;
  Exam& exam = at->second;
  amendments_.emplace(exam.first.ordinal, Amendment{input, false});
  Later later{exam.first};
  const bool review = !own && !exam.first_own;
  if (result_digest(result.entry, part, review) !=
      (review ? exam.digest : exam.digest_but_review)) {
    later.differs = true;
    amendments_.at(exam.first.ordinal).differs = true;
    later.first_difference = !exam.conflicting;
    later.first_findings_not_for_review = exam.findings_not_for_review;
    exam.conflicting = true;
  }
  return later;
}

}  // namespace mammocalc
