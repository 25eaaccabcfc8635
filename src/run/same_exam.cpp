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
  if (exam.results.empty()) {
    exam.results.push_back(std::move(said));
    exam.inputs.push_back({input, 0});
    return std::nullopt;
  }
  const Input first = exam.results.front().input;
  amendments_.emplace(first.ordinal, Amendment{first, input, false, {}, {}});
  Later later{first, {}, false, false, false, 0, {}};
  const auto same =
      std::find_if(exam.results.begin(), exam.results.end(), [&](const Result& earlier) {
        // mammocalc's own SR read back is compared briefly (InputResult::said_briefly).
        const bool review = !own && !earlier.own;
        return review ? earlier.said == said.said : earlier.said_briefly == said.said_briefly;
      });
  std::size_t its_result = 0;
  if (same != exam.results.end()) {
    later.copy_of = same->input;
    its_result = static_cast<std::size_t>(same - exam.results.begin());
    exam.inputs.push_back({input, its_result});
  } else {
    later.differs = true;
    its_result = exam.results.size();
    exam.results.push_back(std::move(said));
    exam.inputs.push_back({input, its_result});
    note_difference(exam, input, later);
  }
  later.conflicting = exam.differed;
  if (later.conflicting) later.other_results = others_of(exam, its_result);
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
  exam.unsummarised.push_back(input);
  note_difference(exam, input, later);
  return later;
}

std::vector<ExamsSeen::Input> ExamsSeen::others_of(const Exam& exam, std::size_t result) {
  std::vector<Input> others;
  for (std::size_t r = 0; r < exam.results.size(); ++r) {
    if (r != result) others.push_back(exam.results[r].input);
  }
  others.insert(others.end(), exam.unsummarised.begin(), exam.unsummarised.end());
  return others;
}

void ExamsSeen::note_difference(Exam& exam, Input input, Later& later) {
  later.first_difference = !exam.differed;
  if (later.first_difference) {
    later.first_findings_not_for_review = exam.results.front().findings_not_for_review;
  }
  // Every entry of the exam written so far needs review now, copies too, and names every other
  // result, the new one among them.
  for (const Written& earlier : exam.inputs) {
    if (earlier.input.ordinal == input.ordinal) continue;
    Amendment& amendment = amendments_[earlier.input.ordinal];
    amendment.self = earlier.input;
    amendment.differs = true;
    amendment.other_results = others_of(exam, earlier.result);
    amendment.said_briefly = exam.results[earlier.result].said_briefly;
  }
  exam.differed = true;
}

}  // namespace mammocalc
