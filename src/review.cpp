#include "review.hpp"

#include <fstream>

#include "atomic_file.hpp"
#include "pipeline.hpp"
#include "review_html.hpp"
#include "sr_reader.hpp"
#include "summary_reader.hpp"

namespace mammocalc {
namespace {

// The root element's name when the file starts as XML (after a declaration, comments or a
// doctype), else empty: the first 4 KiB tell summaries and annotation files from DICOM.
std::string xml_root_of(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::string head(4096, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  std::size_t at = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (at < head.size()) {
    at = head.find_first_not_of(" \t\r\n", at);
    if (at == std::string::npos || head[at] != '<') return {};
    if (head.compare(at, 4, "<!--") == 0) {
      at = head.find("-->", at);
      if (at == std::string::npos) return {};
      at += 3;
    } else if (head.compare(at, 2, "<?") == 0 || head.compare(at, 2, "<!") == 0) {
      at = head.find('>', at);
      if (at == std::string::npos) return {};
      ++at;
    } else {
      const std::size_t end = head.find_first_of(" \t\r\n/>", at + 1);
      return head.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    }
  }
  return {};
}

// The summary of one input, whatever kind of file it is: summaries are taken as they are,
// annotation files and SRs are summarised first.
ReviewExam exam_of(const std::string& input, const ReviewConfig& config,
                   const SiteProfile& profile) {
  const std::string kind = input == "-" ? std::string() : xml_root_of(input);
  if (kind == "mammocalcSummary") {
    return read_summary(read_input_bytes(input, kMaxSummaryBytes), input);
  }
  const SummaryOptions options{config.options.redact};
  if (kind == "annotations") {
    return read_summary(render_summary(summarise_annotations(input, profile), options), input);
  }
  return read_summary(
      render_summary(summarise_file(input, config.annotations, profile, config.limits), options),
      input);
}

}  // namespace

ExitCode run_review(const ReviewConfig& config, std::ostream& out, std::ostream& errors) {
  const SiteProfile profile = load_site_profile(config.site_profile_file);
  std::vector<ReviewExam> exams;
  bool any_failed = false;
  for (const std::string& input : config.inputs) {
    try {
      exams.push_back(exam_of(input, config, profile));
    } catch (const Error& error) {
      errors << "mammocalc review: " << error.what() << "\n";
      any_failed = true;
    }
  }
  for (std::size_t i = 0; i < exams.size(); ++i) {
    if (i > 0) out << "\n";
    write_review_text(exams[i], config.options, out);
  }
  out.flush();
  if (!config.html_file.empty()) {
    write_file_atomically(config.html_file, render_review_page(exams, config.options.redact));
  }
  return any_failed ? ExitCode::InputFailed : ExitCode::Success;
}

}  // namespace mammocalc
