#include "cli/command_line.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <vector>

#include <boost/program_options.hpp>

namespace mammocalc {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: mammocalc summarize [options] SR-FILE|-\n"
    "       mammocalc summarize -o OUTDIR [options] INPUT... [--files-from FILE|-]\n"
    "       mammocalc summarize --annotations FILE [options]\n"
    "       mammocalc review [--html FILE] [--trace] [--no-color] [--redact] [--read-own]\n"
    "                        INPUT...\n"
    "       mammocalc rules [--format text|xml]\n"
    "       mammocalc hook --out OUTDIR [--redact] [--dicom-out] RECEIVED-FILE|STUDY-DIR...\n"
    "       mammocalc serve --port N --aetitle AE --out OUTDIR [--keep-received] [--dicom-out]\n"
    "                       [--allow-ae AE]...\n"
    "       mammocalc validate ANNOTATION-OR-SITE-PROFILE...\n"
    "       mammocalc --help | --version\n";

constexpr const char* kExitCodes =
    "batch (-o OUTDIR with several inputs, a directory or --files-from): one summary per SR\n"
    "named <SOPInstanceUID>.xml, and OUTDIR/index.xml listing every input and the roll-up;\n"
    "exit status 0 all summarised (non-breast SRs and mammocalc's own SRs are skipped), 1 at\n"
    "least one input failed (the others are written), 2 usage error, 3 an output cannot be\n"
    "written\n"
    "validate: exit status 0 when every file is valid, 1 with one line per problem\n"
    "exit status: 0 summarised, 1 an input failed (not DICOM, not a supported SR, not about\n"
    "breast imaging, unreadable, mammocalc's own SR without --read-own), 2 usage error, 3 the\n"
    "output cannot be written\n"
    "every command: exit status 4 when this machine cannot run it (no DICOM data dictionary can\n"
    "be loaded; serve: the port cannot be served)\n";

// The read limits (ReadLimits), alike for every command that reads SRs; review has its own
// --strict and takes only the others (with_strict false).
void add_limit_options(po::options_description_easy_init add, bool with_strict) {
  add("max-input-mb", po::value<unsigned>()->value_name("N"),
      "refuse inputs larger than N MiB (default 256)");
  add("max-depth", po::value<unsigned>()->value_name("N"),
      "refuse DICOM sequences nested deeper than N levels (default 128)");
  if (with_strict) {
    add("strict",
        "refuse SRs whose content DCMTK reads only with tolerance (default: read them "
        "tolerantly and say so in a tolerant-read warning)");
  }
  add("max-elements", po::value<unsigned>()->value_name("N"),
      "refuse inputs with more than N data elements (default 2000000)");
}

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
  add("files-from", po::value<std::string>()->value_name("FILE|-"),
      "batch: read input paths from FILE (one a line; - for standard input)");
  add("jobs,j", po::value<unsigned>()->value_name("N"),
      "batch: inputs processed in parallel (default: number of cores); output is the same");
  add("skip-existing", "batch: keep summaries already in OUTDIR (finish an interrupted run)");
  add("rollup-csv", po::value<std::string>()->value_name("FILE"),
      "batch: also write the roll-up (counts per category, classification, biopsy type, "
      "breast) as CSV");
  add("quiet,q", "batch: no progress line on standard error");
  add("html", "batch: also a review page per exam (NAME.html) and OUTDIR/index.html");
  add("read-own",
      "read mammocalc's own SRs (written by --dicom-out) like any SR; without it they are "
      "refused, and skipped in a batch");
  add("dicom-out", po::value<std::string>()->value_name("FILE|DIR"),
      "also write the result as a DICOM Comprehensive SR (Breast Imaging Report) for the PACS: "
      "to FILE, or into DIR as <SOPInstanceUID>.dcm (a batch needs DIR)");
  add_limit_options(add, true);
  add("help,h", "show this help");
  return options;
}

po::options_description review_options() {
  po::options_description options("review options");
  auto add = options.add_options();
  add("html", po::value<std::string>()->value_name("FILE"),
      "also write one self-contained HTML page with a diagram of both breasts (atomically)");
  add("trace", "show the fired rules with their citations under each finding");
  add("no-color", "no colours, even on a terminal (none either when piped or with NO_COLOR)");
  add("color", "colours even when standard output is not a terminal");
  add("redact", "leave the patient line out");
  add("site-profile", po::value<std::string>()->value_name("FILE"), "site profile");
  add("annotations", po::value<std::vector<std::string>>()->value_name("FILE|DIR"),
      "annotation files or directories merged into the SR inputs");
  add("strict", "refuse SRs whose content DCMTK reads only with tolerance");
  add("read-own",
      "read mammocalc's own SRs (written by --dicom-out) back; the header says it is mammocalc's "
      "result, not a radiologist's report");
  add_limit_options(add, false);
  add("help,h", "show this help");
  return options;
}

// Colour on a terminal only: not when piped, not with NO_COLOR set (no-color.org), not for a
// dumb terminal, and never with --no-color; --color forces it.
bool review_in_colour(const po::variables_map& values) {
  if (values.count("no-color")) return false;
  if (values.count("color")) return true;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0') &&
         !(term != nullptr && std::string(term) == "dumb");
}

po::options_description rules_options() {
  po::options_description options("rules options");
  auto add = options.add_options();
  add("format", po::value<std::string>()->default_value("text")->value_name("text|xml"),
      "print the rule table as text or as XML");
  add("help,h", "show this help");
  return options;
}

// What hook and serve share: where the summaries go, what shapes them and the read limits.
void add_receiver_options(po::options_description_easy_init add) {
  add("out", po::value<std::string>()->value_name("OUTDIR"), "directory for the summaries");
  add("dicom-out", "also write the result as a DICOM SR beside each summary (<UID>.dcm)");
  add("redact", "leave patient identifiers out of the summaries");
  add("site-profile", po::value<std::string>()->value_name("FILE"), "site profile");
  add("annotations", po::value<std::vector<std::string>>()->value_name("FILE|DIR"),
      "annotation files or directories");
  add_limit_options(add, true);
}

po::options_description hook_options() {
  po::options_description options("hook options");
  add_receiver_options(options.add_options());
  options.add_options()("help,h", "show this help");
  return options;
}

po::options_description serve_options() {
  po::options_description options("serve options");
  auto add = options.add_options();
  add("port", po::value<unsigned>()->value_name("N"), "TCP port to listen on");
  add("aetitle", po::value<std::string>()->value_name("AE"), "application entity title");
  add("keep-received", "also keep each received SR as OUTDIR/<SOPInstanceUID>.dcm");
  add("allow-ae", po::value<std::vector<std::string>>()->value_name("AE"),
      "accept associations only from this calling AE title; repeatable (default: any)");
  add_receiver_options(add);
  add("help,h", "show this help");
  return options;
}

po::options_description validate_options() {
  po::options_description options("validate options");
  options.add_options()("help,h", "show this help");
  return options;
}

// Every command's options, or only `only`'s (mammocalc COMMAND --help).
std::string help_text(const po::options_description* only) {
  std::ostringstream text;
  text << "mammocalc: calcification summary from DICOM SR breast-imaging reports\n"
       << "(decision support for radiologist review, not a diagnosis)\n\n"
       << kUsage << "\n";
  if (only != nullptr) {
    text << *only << "\n";
  } else {
    text << summarize_options() << "\n"
         << review_options() << "\n"
         << rules_options() << "\n"
         << hook_options() << "\n"
         << serve_options() << "\n";
  }
  text << kExitCodes;
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

// Parses the options plus any number of positional inputs (as "input").
po::variables_map parse_with_inputs(const std::vector<std::string>& args,
                                    po::options_description options) {
  options.add_options()("input", po::value<std::vector<std::string>>(), "input");
  po::positional_options_description positional;
  positional.add("input", -1);
  return parse(args, options, positional);
}

Command help_command(const po::options_description* only = nullptr) {
  Command command;
  command.kind = CommandKind::Help;
  command.help_text = help_text(only);
  return command;
}

Command help_command(const po::options_description& only) { return help_command(&only); }

ReadLimits read_limits(const po::variables_map& values, const std::string& command) {
  ReadLimits limits;
  if (values.count("max-input-mb")) {
    limits.max_input_bytes = std::size_t{values["max-input-mb"].as<unsigned>()} * 1024 * 1024;
  }
  if (values.count("max-depth"))
    limits.max_nesting_depth = static_cast<int>(values["max-depth"].as<unsigned>());
  if (values.count("max-elements")) limits.max_elements = values["max-elements"].as<unsigned>();
  limits.strict = values.count("strict") > 0;
  if (limits.max_input_bytes == 0 || limits.max_nesting_depth < 1 || limits.max_elements == 0) {
    throw Error(ErrorCode::Usage, command + ": limits must be at least 1");
  }
  return limits;
}

// What every command that evaluates SRs reads alike: --site-profile, --annotations, the read
// limits (--strict, --max-input-mb, --max-depth, --max-elements) and --redact. Throws
// Error(Usage) naming `command` when a limit is below 1.
EvaluationConfig read_evaluation(const po::variables_map& values, const std::string& command) {
  EvaluationConfig evaluation;
  if (values.count("site-profile")) {
    evaluation.site_profile_file = values["site-profile"].as<std::string>();
  }
  if (values.count("annotations")) {
    evaluation.annotations = values["annotations"].as<std::vector<std::string>>();
  }
  evaluation.limits = read_limits(values, command);
  evaluation.summary.redact = values.count("redact") > 0;
  evaluation.read_own = values.count("read-own") > 0;  // summarize and review have it
  return evaluation;
}

// An option's value when it was given.
std::optional<std::string> given(const po::variables_map& values, const char* name) {
  if (!values.count(name)) return std::nullopt;
  return values[name].as<std::string>();
}

// summarize: records what was given; resolve_summarize (run/) decides, by looking at the
// filesystem, whether it is one input or a batch.
Command parse_summarize(const std::vector<std::string>& args) {
  const po::variables_map values = parse_with_inputs(args, summarize_options());
  if (values.count("help")) return help_command(summarize_options());
  Command command;
  command.kind = CommandKind::Summarize;
  SummarizeConfig& summarize = command.summarize;
  if (values.count("input")) summarize.inputs = values["input"].as<std::vector<std::string>>();
  summarize.evaluation = read_evaluation(values, "summarize");
  summarize.output = given(values, "output");
  summarize.files_from = given(values, "files-from");
  if (values.count("jobs")) summarize.jobs = values["jobs"].as<unsigned>();
  summarize.skip_existing = values.count("skip-existing") > 0;
  summarize.progress = values.count("quiet") == 0 && ::isatty(STDERR_FILENO) != 0;
  summarize.rollup_csv = given(values, "rollup-csv").value_or("");
  summarize.html = values.count("html") > 0;
  summarize.dicom_out = given(values, "dicom-out");
  return command;
}

Command parse_hook(const std::vector<std::string>& args) {
  const po::variables_map values = parse_with_inputs(args, hook_options());
  if (values.count("help")) return help_command(hook_options());
  if (!values.count("out")) throw Error(ErrorCode::Usage, "hook: --out OUTDIR is required");
  if (!values.count("input")) throw Error(ErrorCode::Usage, "hook: no received file given");
  Command command;
  command.kind = CommandKind::Hook;
  HookConfig& hook = command.hook;
  hook.output_dir = values["out"].as<std::string>();
  hook.inputs = values["input"].as<std::vector<std::string>>();
  hook.dicom_out = values.count("dicom-out") > 0;
  hook.evaluation = read_evaluation(values, "hook");
  return command;
}

Command parse_serve(const std::vector<std::string>& args) {
  const po::variables_map values = parse(args, serve_options(), {});
  if (values.count("help")) return help_command(serve_options());
  if (!values.count("port") || !values.count("out")) {
    throw Error(ErrorCode::Usage, "serve: --port N and --out OUTDIR are required");
  }
  const unsigned port = values["port"].as<unsigned>();
  if (port == 0 || port > 65535) throw Error(ErrorCode::Usage, "serve: --port must be 1-65535");
  Command command;
  command.kind = CommandKind::Serve;
  ServeConfig& serve = command.serve;
  serve.port = static_cast<std::uint16_t>(port);
  if (values.count("aetitle")) serve.ae_title = values["aetitle"].as<std::string>();
  if (serve.ae_title.empty() || serve.ae_title.size() > 16) {
    throw Error(ErrorCode::Usage, "serve: --aetitle must be 1-16 characters");
  }
  serve.output_dir = values["out"].as<std::string>();
  serve.keep_received = values.count("keep-received") > 0;
  serve.dicom_out = values.count("dicom-out") > 0;
  if (values.count("allow-ae")) {
    serve.allowed_calling_aes = values["allow-ae"].as<std::vector<std::string>>();
    const auto& allowed = serve.allowed_calling_aes;
    if (std::any_of(allowed.begin(), allowed.end(),
                    [](const std::string& ae) { return ae.empty() || ae.size() > 16; })) {
      throw Error(ErrorCode::Usage, "serve: --allow-ae must be 1-16 characters");
    }
  }
  serve.evaluation = read_evaluation(values, "serve");
  return command;
}

Command parse_review(const std::vector<std::string>& args) {
  const po::variables_map values = parse_with_inputs(args, review_options());
  if (values.count("help")) return help_command(review_options());
  if (!values.count("input")) {
    throw Error(ErrorCode::Usage, "review: no input given (SR, annotation or summary files)");
  }
  Command command;
  command.kind = CommandKind::Review;
  ReviewConfig& review = command.review;
  review.inputs = values["input"].as<std::vector<std::string>>();
  if (values.count("html")) review.html_file = values["html"].as<std::string>();
  review.options.trace = values.count("trace") > 0;
  review.options.redact = values.count("redact") > 0;
  review.options.color = review_in_colour(values);
  review.evaluation = read_evaluation(values, "review");
  return command;
}

Command parse_validate(const std::vector<std::string>& args) {
  po::options_description options = validate_options();
  options.add_options()("file", po::value<std::vector<std::string>>(), "file to check");
  po::positional_options_description positional;
  positional.add("file", -1);
  const po::variables_map values = parse(args, options, positional);
  if (values.count("help")) return help_command(validate_options());
  if (!values.count("file")) throw Error(ErrorCode::Usage, "validate: no file given");
  Command command;
  command.kind = CommandKind::Validate;
  command.files = values["file"].as<std::vector<std::string>>();
  return command;
}

Command parse_rules(const std::vector<std::string>& args) {
  const po::variables_map values = parse(args, rules_options(), {});
  if (values.count("help")) return help_command(rules_options());
  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "xml") {
    throw Error(ErrorCode::Usage, "rules: --format must be text or xml, not '" + format + "'");
  }
  Command command;
  command.kind = CommandKind::Rules;
  command.rules_as_xml = format == "xml";
  return command;
}

}  // namespace

Command parse_command_line(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty()) throw Error(ErrorCode::Usage, "no command given (try: mammocalc --help)");
  const std::string& verb = all.front();
  const std::vector<std::string> args(all.begin() + 1, all.end());
  if (verb == "--help" || verb == "-h" || verb == "help") return help_command();
  if (verb == "--version") {
    Command command;
    command.kind = CommandKind::Version;
    return command;
  }
  if (verb == "summarize") return parse_summarize(args);
  if (verb == "hook") return parse_hook(args);
  if (verb == "serve") return parse_serve(args);
  if (verb == "review") return parse_review(args);
  if (verb == "validate") return parse_validate(args);
  if (verb == "rules") return parse_rules(args);
  throw Error(ErrorCode::Usage, "unknown command '" + verb + "' (try: mammocalc --help)");
}

}  // namespace mammocalc
