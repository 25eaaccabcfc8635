#include "run/same_exam.hpp"

#include <algorithm>
#include <sstream>
#include <utility>

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
  Result said{input, result_digest(result.entry, part, true),
              result_digest(result.entry, part, false), own, part.findings - part.needs_review};
  Exam& exam = exams_[result.exam_sop_instance_uid];
  exam.ordinals.push_back(input.ordinal);
  if (exam.results.empty()) {
    exam.results.push_back(std::move(said));
    return std::nullopt;
  }
  const Input first = exam.results.front().input;
  amendments_.emplace(first.ordinal, Amendment{input, false});
  Later later{first};
  const auto same =
      std::find_if(exam.results.begin(), exam.results.end(), [&](const Result& earlier) {
        // mammocalc's own SR read back asks for review by design (W14, E10): compared without it.
        const bool review = !own && !earlier.own;
        return review ? earlier.digest == said.digest
                      : earlier.digest_but_review == said.digest_but_review;
      });
  if (same != exam.results.end()) {
    later.copy_of = same->input;
  } else {
    later.differs = true;
    later.first_difference = exam.results.size() == 1;
    if (later.first_difference) {
      later.first_findings_not_for_review = exam.results.front().findings_not_for_review;
      // Every entry of the exam written so far needs review now, copies too.
      for (const std::size_t ordinal : exam.ordinals) {
        if (ordinal != input.ordinal) amendments_[ordinal].differs = true;
      }
    }
    exam.results.push_back(std::move(said));
  }
  later.conflicting = exam.results.size() > 1;
  return later;
}

}  // namespace mammocalc
