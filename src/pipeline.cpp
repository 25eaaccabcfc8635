#include "pipeline.hpp"

#include <filesystem>
#include <sstream>

#include "atomic_file.hpp"
#include "findings_extractor.hpp"
#include "site_profile_reader.hpp"
#include "sr_reader.hpp"

namespace mammocalc {

Report summarise_file(const std::string& path, const SiteProfile& profile) {
  const std::string name = path == "-" ? std::string("<stdin>") : path;
  const std::string bytes = read_input_bytes(path);
  const SrDocument document = read_sr(bytes, name);
  return evaluate(extract_findings(document, name), profile);
}

std::string render_summary(const Report& report, const SummaryOptions& options) {
  std::ostringstream text;
  write_summary(report, options, text);
  return text.str();
}

void run_summarize(const RunConfig& config, std::ostream& out) {
  if (config.inputs.size() != 1) {
    throw Error(ErrorCode::Usage, "summarize takes exactly one input file (or - for stdin)");
  }
  const std::string& input = config.inputs.front();
  if (!config.output.empty() && input != "-") {
    std::error_code error;
    if (std::filesystem::equivalent(input, config.output, error)) {
      throw Error(ErrorCode::Usage, config.output + ": output would overwrite the input");
    }
  }
  SiteProfile profile;
  if (!config.site_profile_file.empty()) {
    profile = read_site_profile(config.site_profile_file);
    profile.source = config.site_profile_file;
  }
  const std::string summary = render_summary(summarise_file(input, profile), config.summary);
  if (config.output.empty()) {
    out << summary;
    out.flush();
    if (!out) throw Error(ErrorCode::OutputFailed, "<stdout>: cannot write output");
  } else {
    write_file_atomically(config.output, summary);
  }
}

bool run_validate(const std::vector<std::string>& files, std::ostream& out) {
  bool all_valid = true;
  for (const std::string& file : files) {
    const std::vector<std::string> problems = check_site_profile(file);
    for (const std::string& problem : problems) out << problem << "\n";
    if (problems.empty()) out << file << ": valid site profile\n";
    all_valid = all_valid && problems.empty();
  }
  return all_valid;
}

}  // namespace mammocalc
