#include "run/same_exam.hpp"

#include <algorithm>
#include <utility>

namespace mammocalc {
namespace {

// Whether an input is mammocalc's own SR read back (--read-own): its exam is another SR's.
bool own_read_back(const InputResult& result) {
  return result.exam_sop_instance_uid != result.sop_instance_uid;
}

}  // namespace

std::optional<ExamsSeen::Later> ExamsSeen::later_of_exam(const InputResult& result, Input input,
                                                         const Rollup& part) {
  if (result.exam_sop_instance_uid.empty()) return std::nullopt;
  const bool own = own_read_back(result);
  Result said{input, result.said, result.said_briefly, own, part.findings - part.needs_review};
  Exam& exam = exams_[result.exam_sop_instance_uid];
  // The entries written before a difference are amended then; after it, none is.
  if (!exam.differed) exam.inputs.push_back(input);
  if (exam.results.empty()) {
    exam.results.push_back(std::move(said));
    return std::nullopt;
  }
  const Input first = exam.results.front().input;
  amendments_.emplace(first.ordinal, Amendment{first, input, false, std::nullopt, {}});
  Later later{first, {}, false, false, false, 0, {}};
  const auto same =
      std::find_if(exam.results.begin(), exam.results.end(), [&](const Result& earlier) {
        // mammocalc's own SR read back is compared briefly (InputResult::said_briefly).
        const bool review = !own && !earlier.own;
        return review ? earlier.said == said.said : earlier.said_briefly == said.said_briefly;
      });
  if (same != exam.results.end()) {
    later.copy_of = same->input;
  } else {
    later.differs = true;
    note_difference(exam, input, later);
    exam.results.push_back(std::move(said));
  }
  later.conflicting = exam.differed;
  if (later.conflicting) {
    for (const Result& each : exam.results) {
      const bool its_own = later.differs ? each.input.ordinal == input.ordinal
                                         : each.input.ordinal == later.copy_of.ordinal;
      if (!its_own) later.other_results.push_back(each.input);
    }
    later.other_results.insert(later.other_results.end(), exam.unsummarised.begin(),
                               exam.unsummarised.end());
  }
  return later;
}

std::optional<ExamsSeen::Later> ExamsSeen::unsummarised_result(const InputResult& result,
                                                               Input input) {
  const auto found = exams_.find(result.exam_sop_instance_uid);
  if (result.exam_sop_instance_uid.empty() || found == exams_.end() ||
      found->second.results.empty()) {
    return std::nullopt;
  }
  Exam& exam = found->second;
  Later later{exam.results.front().input, {}, true, true, false, 0, {}};
  note_difference(exam, input, later);
  exam.unsummarised.push_back(input);
  return later;
}

void ExamsSeen::note_difference(Exam& exam, Input input, Later& later) {
  later.first_difference = !exam.differed;
  if (!later.first_difference) return;
  later.first_findings_not_for_review = exam.results.front().findings_not_for_review;
  // Every entry of the exam written so far needs review now, copies too.
  for (const Input& earlier : exam.inputs) {
    if (earlier.ordinal == input.ordinal) continue;
    Amendment& amendment = amendments_[earlier.ordinal];
    amendment.self = earlier;
    amendment.differs = true;
    amendment.other_result = input;
    // Before the first difference every input of the exam repeats its first result.
    amendment.said_briefly = exam.results.front().said_briefly;
  }
  exam.inputs = {};
  exam.differed = true;
}

}  // namespace mammocalc
