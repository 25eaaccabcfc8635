#include "run/summary_files.hpp"

#include <filesystem>
#include <regex>

#include "review/exam_view.hpp"
#include "review/review_html.hpp"
#include "run/summarise.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

bool is_skipped_kind(ErrorCode code) {
  return code == ErrorCode::OtherSrDocument || code == ErrorCode::NotBreastImaging;
}

}  // namespace

InputResult process_input(const std::string& input, const Evaluation& evaluation,
                          const SummaryFiles& files, Rollup& rollup_part) {
  InputResult outcome;
  outcome.entry.input = input;
  try {
    const Report report = summarise_input(input, evaluation);
    outcome.sop_instance_uid = report.input.source.sop_instance_uid;
    outcome.summary = render_summary(report, evaluation.summary);
    if (files.html || !files.dicom_out_dir.empty()) {
      const bool redact = evaluation.summary.redact;
      if (!files.dicom_out_dir.empty()) outcome.dicom = write_report_sr(report);
      if (files.html) outcome.page = render_review_page({exam_view_of(report, redact)}, redact);
    }
    outcome.entry.status = EntryStatus::Summarised;
    outcome.entry.category = report.exam.category;
    outcome.entry.classification = report.exam.classification;
    outcome.entry.findings = static_cast<int>(report.decisions.size());
    outcome.entry.needs_review = report.exam.needs_review;
    rollup_part.add(report);
  } catch (const Error& error) {
    outcome.entry.status =
        is_skipped_kind(error.code()) ? EntryStatus::Skipped : EntryStatus::Failed;
    outcome.entry.error_code = std::string(to_string(error.code()));
    outcome.entry.error = error.what();
  } catch (const std::exception& error) {
    outcome.entry.status = EntryStatus::Failed;
    outcome.entry.error_code = "internal";
    outcome.entry.error = input + ": internal error: " + error.what();
  }
  return outcome;
}

void write_outputs(const InputResult& result, const std::string& name, const SummaryFiles& files,
                   Flush flush) {
  if (!files.dicom_out_dir.empty()) {
    write_file_atomically(
        (fs::path(files.dicom_out_dir) / (result.dicom.sop_instance_uid + ".dcm")).string(),
        result.dicom.bytes, flush);
  }
  if (files.html) {
    write_file_atomically((fs::path(files.output_dir) / page_name_for(name)).string(), result.page,
                          flush);
  }
  write_file_atomically((fs::path(files.output_dir) / name).string(), result.summary, flush);
}

void create_output_directory(const std::string& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    throw Error(ErrorCode::OutputFailed,
                directory + ": output directory cannot be created (" + error.message() + ")");
  }
}

std::string output_name_for(const std::string& sop_instance_uid, const std::string& input) {
  static const std::regex kUid("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+");
  if (sop_instance_uid.size() <= 64 && std::regex_match(sop_instance_uid, kUid)) {
    return sop_instance_uid + ".xml";
  }
  // Only letters, digits, '-' and '_' survive: no separator, no "..", no hidden file.
  std::string name = fs::path(input).stem().string();
  for (char& c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    if (!safe) c = '_';
  }
  if (name.empty()) name = "input";
  if (name.size() > 100) name.resize(100);
  if (name == "index") name = "index_input";
  return name + ".xml";
}

std::string claim_output_name(const std::string& sop_instance_uid, const std::string& input,
                              UsedNames& used_names) {
  std::string name = output_name_for(sop_instance_uid, input);
  const std::string stem = name.substr(0, name.size() - 4);
  for (int n = 2; used_names.contains(name); ++n) name = stem + "-" + std::to_string(n) + ".xml";
  used_names.insert(name);
  return name;
}

}  // namespace mammocalc
