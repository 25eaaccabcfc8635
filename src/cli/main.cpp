// mammocalc: parse → run → report an error once → exit status.
#include <csignal>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <string>

#include "base/line_log.hpp"
#include "base/version.hpp"
#include "cli/command_line.hpp"
#include "dicom/toolkit.hpp"
#include "narrative/wordings.hpp"
#include "output/rule_listing.hpp"
#include "run/review.hpp"
#include "run/summarise.hpp"

namespace {

// Runs that read or write DICOM from the start; the others work without a DICOM installation
// (review sets DICOM up itself when one of its inputs is an SR).
bool uses_dicom(mammocalc::CommandKind kind, const mammocalc::SummarizePlan& summarize) {
  using mammocalc::CommandKind;
  if (kind == CommandKind::Summarize) return summarize.is_batch || !summarize.single.inputs.empty();
  return kind == CommandKind::Hook || kind == CommandKind::Serve;
}

// summarize's plan; its usage errors point to the help, as the parser's do.
mammocalc::SummarizePlan resolved_with_hint(const mammocalc::SummarizeConfig& config) {
  try {
    return mammocalc::resolve_summarize(config);
  } catch (const mammocalc::Error& error) {
    throw mammocalc::with_help_hint(error, "summarize");
  }
}

// --version: the version, the rule set, the DCMTK it was built with and the folder its data (the
// narrative wordings) is read from. Missing data is said on that line and is exit status 4, as
// for any run that would need it.
mammocalc::ExitCode write_version(std::ostream& out) {
  out << "mammocalc " << mammocalc::kToolVersion << "\n"
      << "rule set " << mammocalc::kRuleSetVersion << "\n"
      << "DCMTK " << mammocalc::dicom_toolkit_version() << "\n";
  try {
    const std::filesystem::path wordings = mammocalc::default_wordings_file();
    out << "data: " << wordings.parent_path().string() << " (" << wordings.filename().string()
        << ")\n";
    return mammocalc::ExitCode::Success;
  } catch (const mammocalc::Error& error) {
    out << "data: " << error.what() << "\n";
    return mammocalc::exit_code_for(error.code());
  }
}

// Standard output that cannot be written (a full disk, a closed pipe) is an output failure,
// whatever the command: exit 3 and one line, never a silent success.
int checked_stdout(int status) {
  std::cout.flush();
  if (!std::cout && status == 0) {
    std::cerr << "mammocalc: <stdout>: cannot write output\n";
    return static_cast<int>(mammocalc::ExitCode::OutputFailed);
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace mammocalc;  // NOLINT(google-build-using-namespace)
  // A file size limit (ulimit -f, systemd's LimitFSIZE=) makes a write fail (EFBIG), said as any
  // output failure, instead of killing the process: serve would drop every association unanswered
  // and leave its spool files (hostile review 59, H59-2).
  std::signal(SIGXFSZ, SIG_IGN);
  // A closed pipe ("mammocalc rules | head -1") makes the write fail (EPIPE), said as exit 3 with
  // one line as the README promises, instead of a silent death by signal (hostile review 71).
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const Command command = parse_command_line(argc, argv);
    // summarize: one input or a batch, as the filesystem says; a usage error before DICOM starts.
    const SummarizePlan summarize = command.kind == CommandKind::Summarize
                                        ? resolved_with_hint(command.summarize)
                                        : SummarizePlan{};
    if (uses_dicom(command.kind, summarize)) start_dicom_toolkit();
    switch (command.kind) {
      case CommandKind::Help:
        std::cout << command.help_text;
        break;
      case CommandKind::Version:
        return checked_stdout(static_cast<int>(write_version(std::cout)));
      case CommandKind::Rules:
        write_rule_table(std::cout, command.rules_as_xml);
        break;
      case CommandKind::Lexicon:
        run_lexicon(command.lexicon, command.lexicon_as_xml, std::cout);
        break;
      case CommandKind::Validate:
        if (!run_validate(command.files, std::cout, std::cerr)) {
          return checked_stdout(static_cast<int>(ExitCode::InputFailed));
        }
        break;
      case CommandKind::Serve:
        return static_cast<int>(run_server(command.serve, std::cerr));
      case CommandKind::Hook:
        return static_cast<int>(run_hook(command.hook, std::cerr));
      case CommandKind::Review:
        return checked_stdout(static_cast<int>(run_review(command.review, std::cout, std::cerr)));
      case CommandKind::Summarize:
        return checked_stdout(
            static_cast<int>(run_summarize_plan(summarize, std::cout, std::cerr)));
    }
    return checked_stdout(static_cast<int>(ExitCode::Success));
  } catch (const Error& error) {
    // An option's problem found after parsing ("--language: no narrative lexicon …") names the
    // command and where to look, as every usage error does (hostile review 71).
    std::string said = error.what();
    const std::string verb = argc > 1 ? argv[1] : "";
    if (error.code() == ErrorCode::Usage && said.rfind("--", 0) == 0 && !verb.empty() &&
        verb[0] != '-') {
      const bool hinted = said.find("(see '") != std::string::npos;
      said = verb + ": " + (hinted ? said : std::string(with_help_hint(error, verb).what()));
    }
    std::cerr << error_line(said);
    return static_cast<int>(exit_code_for(error.code()));
  } catch (const std::exception& error) {
    std::cerr << error_line(std::string("internal error: ") + error.what());
    return static_cast<int>(ExitCode::InputFailed);
  }
}
