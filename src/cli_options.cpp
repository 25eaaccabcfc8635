#include "cli_options.hpp"

#include <sstream>
#include <vector>

#include <boost/program_options.hpp>

namespace mammocalc {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: mammocalc summarize [options] SR-FILE|-\n"
    "       mammocalc summarize --annotations FILE [options]\n"
    "       mammocalc rules [--format text|xml]\n"
    "       mammocalc validate ANNOTATION-OR-SITE-PROFILE...\n"
    "       mammocalc --help | --version\n";

constexpr const char* kExitCodes =
    "validate: exit status 0 when every file is valid, 1 with one line per problem\n"
    "exit status: 0 summarised, 1 an input failed (not DICOM, not a supported SR, not about\n"
    "breast imaging, unreadable), 2 usage error, 3 the output cannot be written\n";

po::options_description summarize_options() {
  po::options_description options("summarize options");
  auto add = options.add_options();
  add("output,o", po::value<std::string>()->value_name("FILE"),
      "write the summary to FILE (atomically) instead of standard output");
  add("redact", "leave patient identifiers (name, ID, sex, age) out of the summary");
  add("site-profile", po::value<std::string>()->value_name("FILE"),
      "what the department can do (schemas/site-profile.xsd); default: decision-logic.md's");
  add("annotations", po::value<std::vector<std::string>>()->value_name("FILE|DIR"),
      "radiologist annotations (schemas/annotations.xsd) to merge; repeatable; a directory is "
      "matched to the SR by Study Instance UID; without an SR, the annotated findings alone");
  add("help,h", "show this help");
  return options;
}

po::options_description rules_options() {
  po::options_description options("rules options");
  auto add = options.add_options();
  add("format", po::value<std::string>()->default_value("text")->value_name("text|xml"),
      "print the rule table as text or as XML");
  add("help,h", "show this help");
  return options;
}

std::string help_text() {
  std::ostringstream text;
  text << "mammocalc: calcification summary from DICOM SR breast-imaging reports\n"
       << "(decision support for radiologist review, not a diagnosis)\n\n"
       << kUsage << "\n"
       << summarize_options() << "\n"
       << rules_options() << "\n"
       << kExitCodes;
  return text.str();
}

po::variables_map parse(const std::vector<std::string>& args,
                        const po::options_description& options,
                        const po::positional_options_description& positional) {
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    throw Error(ErrorCode::Usage, std::string(error.what()));
  }
  return values;
}

}  // namespace

Command parse_command_line(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  Command command;
  if (all.empty()) throw Error(ErrorCode::Usage, "no command given (try: mammocalc --help)");
  const std::string& verb = all.front();
  const std::vector<std::string> rest(all.begin() + 1, all.end());
  if (verb == "--help" || verb == "-h" || verb == "help") {
    command.kind = CommandKind::Help;
    command.help_text = help_text();
    return command;
  }
  if (verb == "--version") {
    command.kind = CommandKind::Version;
    return command;
  }
  if (verb == "summarize") {
    po::options_description options = summarize_options();
    options.add_options()("input", po::value<std::vector<std::string>>(), "SR file");
    po::positional_options_description positional;
    positional.add("input", -1);
    const po::variables_map values = parse(rest, options, positional);
    if (values.count("help")) {
      command.kind = CommandKind::Help;
      command.help_text = help_text();
      return command;
    }
    command.kind = CommandKind::Summarize;
    if (values.count("input")) command.run.inputs = values["input"].as<std::vector<std::string>>();
    if (values.count("annotations")) {
      command.run.annotations = values["annotations"].as<std::vector<std::string>>();
    }
    if (command.run.inputs.empty() && command.run.annotations.empty()) {
      throw Error(ErrorCode::Usage, "summarize: no input file given");
    }
    if (values.count("output")) command.run.output = values["output"].as<std::string>();
    command.run.summary.redact = values.count("redact") > 0;
    if (values.count("site-profile")) {
      command.run.site_profile_file = values["site-profile"].as<std::string>();
    }
    return command;
  }
  if (verb == "validate") {
    po::options_description options("validate options");
    options.add_options()("file", po::value<std::vector<std::string>>(), "file to check");
    po::positional_options_description positional;
    positional.add("file", -1);
    const po::variables_map values = parse(rest, options, positional);
    if (!values.count("file")) throw Error(ErrorCode::Usage, "validate: no file given");
    command.kind = CommandKind::Validate;
    command.files = values["file"].as<std::vector<std::string>>();
    return command;
  }
  if (verb == "rules") {
    const po::variables_map values = parse(rest, rules_options(), {});
    if (values.count("help")) {
      command.kind = CommandKind::Help;
      command.help_text = help_text();
      return command;
    }
    const std::string format = values["format"].as<std::string>();
    if (format != "text" && format != "xml") {
      throw Error(ErrorCode::Usage, "rules: --format must be text or xml, not '" + format + "'");
    }
    command.kind = CommandKind::Rules;
    command.rules_as_xml = format == "xml";
    return command;
  }
  throw Error(ErrorCode::Usage, "unknown command '" + verb + "' (try: mammocalc --help)");
}

}  // namespace mammocalc
