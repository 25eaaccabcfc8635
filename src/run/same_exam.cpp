#include "run/same_exam.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "run/exam_records.hpp"
#include "run/summarise.hpp"

namespace mammocalc {
namespace {

// Whether an input is mammocalc's own SR read back (--read-own): its exam is another SR's.
bool own_read_back(const InputResult& result) {
  return !result.exam_sop_instance_uid.empty() &&
         result.exam_sop_instance_uid != result.sop_instance_uid;
}

}  // namespace

std::optional<ExamsSeen::Later> ExamsSeen::later_of_exam(const InputResult& result, Input input,
                                                         const Rollup& part) {
  const std::string key = ExamRecords::exam_key_of(result);
  if (key.empty()) return std::nullopt;
  const bool own = own_read_back(result);
  Result said{input,
              result.said,
              result.said_briefly,
              own,
              part.findings - part.needs_review,
              part.exams - part.exams_needing_review,
              own ? std::optional<Rollup>(part) : std::nullopt};
  Exam& exam = exams_[key];
  if (exam.results.empty()) {
    exam.results.push_back(std::move(said));
    exam.inputs.push_back({input, 0});
    return std::nullopt;
  }
  const Input first = exam.results.front().input;
  amendments_.emplace(first.ordinal, Amendment{first, input, false, {}, 0, std::nullopt, {}});
  Later later{};
  later.first = first;
  const auto same =
      std::find_if(exam.results.begin(), exam.results.end(), [&](const Result& earlier) {
        // mammocalc's own SR read back is compared briefly (InputResult::said_briefly).
        const bool review = !own && !earlier.own;
        return review ? earlier.said == said.said : earlier.said_briefly == said.said_briefly;
      });
  std::size_t its_result = 0;
  if (same != exam.results.end()) {
    later.copy_of = same->input;
    if (same->own_part && !own) {
      later.counted_instead_of = same->input;
      later.own_part = std::move(*same->own_part);
      same->own_part.reset();
      same->findings_not_for_review = said.findings_not_for_review;
      same->exams_not_for_review = said.exams_not_for_review;
    }
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
  if (later.conflicting) later.other_results = others_of(exam, its_result, later.more_results);
  return later;
}

std::optional<ExamsSeen::Later> ExamsSeen::unsummarised_result(const InputResult& result,
                                                               Input input) {
  const std::string key = ExamRecords::exam_key_of(result);
  const auto found = exams_.find(key);
  if (key.empty() || found == exams_.end() || found->second.results.empty()) {
    return std::nullopt;
  }
  Exam& exam = found->second;
  Later later{};
  later.first = exam.results.front().input;
  later.differs = true;
  later.conflicting = true;
  exam.unsummarised.push_back(input);
  note_difference(exam, input, later);
  return later;
}

std::vector<ExamsSeen::Input> ExamsSeen::others_of(const Exam& exam, std::size_t result,
                                                   std::size_t& more) {
  std::vector<Input> others;
  more = 0;
  const auto name = [&](const Input& input) {
    if (others.size() < kResultsNamed) {
      others.push_back(input);
    } else {
      ++more;
    }
  };
  for (std::size_t r = 0; r < exam.results.size(); ++r) {
    if (r != result) name(exam.results[r].input);
  }
  std::for_each(exam.unsummarised.begin(), exam.unsummarised.end(), name);
  return others;
}

void ExamsSeen::note_difference(Exam& exam, Input input, Later& later) {
  later.first_difference = !exam.differed;
  if (later.first_difference) {
    later.first_findings_not_for_review = exam.results.front().findings_not_for_review;
    later.first_exams_not_for_review = exam.results.front().exams_not_for_review;
  }
  // Every entry of the exam written so far needs review now, copies too, and names every other
  // result, the new one among them; past kResultsNamed results, those that say so already are
  // left (R41-3).
  const bool named_already =
      exam.differed && exam.results.size() + exam.unsummarised.size() > kResultsNamed + 1;
  exam.differed = true;
  if (named_already) return;
  for (const Written& earlier : exam.inputs) {
    if (earlier.input.ordinal == input.ordinal) continue;
    Amendment& amendment = amendments_[earlier.input.ordinal];
    amendment.self = earlier.input;
    amendment.differs = true;
    amendment.other_results = others_of(exam, earlier.result, amendment.more_results);
    amendment.latest = input;
    amendment.said_briefly = exam.results[earlier.result].said_briefly;
  }
}

std::vector<std::string> other_results_named(
    const std::vector<ExamsSeen::Input>& others, std::size_t more,
    const std::function<std::string(const ExamsSeen::Input&)>& name_of) {
  std::vector<std::string> named(others.size());
  std::transform(others.begin(), others.end(), named.begin(), [&](const ExamsSeen::Input& other) {
    return another_input_of_run(name_of(other));
  });
  if (more > 0) named.push_back("each of " + std::to_string(more) + " more inputs of this run,");
  return named;
}

}  // namespace mammocalc
