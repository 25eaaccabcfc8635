#include "cli/command_line.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <sstream>
#include <vector>

#include <boost/program_options.hpp>

#include "dicom/store_scp.hpp"

namespace mammocalc {
namespace {

namespace po = boost::program_options;

// Each command's usage lines; `mammocalc --help` lists them all, `mammocalc CMD --help` its own.
constexpr const char* kSummarizeUsage =
    "usage: mammocalc summarize [options] SR-FILE|-\n"
    "       mammocalc summarize -o OUTDIR [options] INPUT... [--files-from FILE|-]\n"
    "       mammocalc summarize --annotations FILE [options]\n";
constexpr const char* kReviewUsage =
    "usage: mammocalc review [--html FILE] [--trace] [--no-color|--color] [--redact]\n"
    "                        [--read-own] [--site-profile FILE] [--annotations FILE|DIR]...\n"
    "                        [--strict] [--max-input-mb N] [--max-depth N] [--max-elements N]\n"
    "                        INPUT...\n";
constexpr const char* kRulesUsage = "usage: mammocalc rules [--format text|xml]\n";
constexpr const char* kHookUsage =
    "usage: mammocalc hook --out OUTDIR [--dicom-out | --dicom-dir DIR] [options]\n"
    "                      RECEIVED-FILE|STUDY-DIR...\n";
constexpr const char* kServeUsage =
    "usage: mammocalc serve --port N --out OUTDIR [--aetitle AE] [--allow-ae AE]...\n"
    "                       [--bind ADDRESS] [--max-associations N] [--acse-timeout S]\n"
    "                       [--dimse-timeout S] [--message-timeout S] [--shutdown-timeout S]\n"
    "                       [--tls-key FILE --tls-cert FILE [--tls-ca FILE|DIR]\n"
    "                        [--tls-require-peer-cert]]\n"
    "                       [--keep-received] [--dicom-out | --dicom-dir DIR] [options]\n";
constexpr const char* kValidateUsage =
    "usage: mammocalc validate ANNOTATION-OR-SITE-PROFILE-OR-LEXICON...\n";
constexpr const char* kLexiconUsage =
    "usage: mammocalc lexicon [--format text|xml] [--language CODE] [--lexicon FILE]...\n"
    "                         [--site-profile FILE]\n";

// Exit statuses: each command's own lines, then what every command shares.
constexpr const char* kSummarizeExits =
    "exit status: 0 summarised, 1 an input failed (not DICOM, not a supported SR, not about\n"
    "breast imaging, unreadable, mammocalc's own SR without --read-own), 2 usage error, 3 the\n"
    "output cannot be written\n"
    "batch (-o OUTDIR with several inputs, a directory or --files-from): one summary per SR\n"
    "named <SOPInstanceUID>.xml, and OUTDIR/index.xml listing every input and the roll-up;\n"
    "exit status 0 all summarised or skipped (non-breast SRs, mammocalc's own SRs, and files\n"
    "found in directories that are no SRs), 1 at least one input failed (the others are\n"
    "written), 2 usage error, 3 an output cannot be written\n";
constexpr const char* kReviewExits =
    "exit status: 0 every input shown, 1 an input failed (the others are shown; no page is\n"
    "written), 2 usage error, 3 the page cannot be written\n";
constexpr const char* kRulesExits = "exit status: 0, or 2 usage error\n";
constexpr const char* kHookExits =
    "exit status: 0 every SR summarised (other objects skipped), 1 a received SR failed, 2 usage\n"
    "error, 3 an output cannot be written\n";
constexpr const char* kServeExits =
    "exit status: 0 stopped by SIGTERM or SIGINT, 1 the site profile or an annotation file or\n"
    "directory (--site-profile, --annotations) or a lexicon is missing, unreadable or not\n"
    "valid (checked before listening), 2 usage error, 3 the output directory cannot be written\n";
constexpr const char* kValidateExits =
    "exit status: 0 every file is valid, 1 with one line per problem on standard error, 2 usage\n"
    "error\n";
constexpr const char* kLexiconExits =
    "exit status: 0, 1 a lexicon file is not valid, 2 usage error, 4 the shipped lexicons are\n"
    "not installed\n";
constexpr const char* kCommonExits =
    "every command: exit status 4 when this machine cannot run it (no DICOM data dictionary can\n"
    "be loaded; serve: the port cannot be served, or its TLS key, certificate or CA cannot\n"
    "be used)\n"
    "errors: one line each on standard error, \"mammocalc: FILE: reason\"\n";

// --pseudonymize and its key, alike for every command that writes what it evaluates.
void add_pseudonym_options(po::options_description_easy_init add) {
  add("pseudonymize",
      "for summaries that leave the hospital: --redact, and also no accession number, dates, "
      "study ID or description, referring physician or file paths; UIDs replaced by keyed "
      "pseudonyms (with --pseudonym-key) or dropped");
  add("pseudonym-key", po::value<std::string>()->value_name("FILE"),
      "the site secret for --pseudonymize (at least 16 bytes): the same UID gets the same "
      "pseudonym in every output of the site");
}

// The narrative lexicons (--lexicon) and the report language (--language), alike for every
// command that reads report text.
void add_lexicon_options(po::options_description_easy_init add) {
  add("lexicon", po::value<std::vector<std::string>>()->value_name("FILE"),
      "a site's narrative wordings (schemas/narrative-wordings.xsd) added to the shipped lexicon "
      "of the file's language; repeatable (mammocalc lexicon shows the result)");
  add("language", po::value<std::string>()->value_name("CODE"),
      "the language of report text whose SR does not state it (Language of Content Item), e.g. "
      "de; default: the site profile's, else en");
}

// The read limits (ReadLimits), alike for every command that reads SRs; review has its own
// --strict and takes only the others (with_strict false). Numbers are read as text and checked
// by count_value: Boost reads "-1" as a huge unsigned number.
void add_limit_options(po::options_description_easy_init add, bool with_strict) {
  add("max-input-mb", po::value<std::string>()->value_name("N"),
      "refuse inputs larger than N MiB (default 256)");
  add("max-depth", po::value<std::string>()->value_name("N"),
      "refuse DICOM sequences nested deeper than N levels (default 128)");
  if (with_strict) {
    add("strict",
        "refuse SRs whose content DCMTK reads only with tolerance (default: read them "
        "tolerantly and say so in a tolerant-read warning)");
  }
  add("max-elements", po::value<std::string>()->value_name("N"),
      "refuse inputs with more than N data elements (default 2000000)");
}

po::options_description summarize_options() {
  po::options_description options("summarize options");
  auto add = options.add_options();
  add("output,o", po::value<std::string>()->value_name("FILE|-"),
      "write the summary to FILE (atomically) instead of standard output (- is standard "
      "output); a batch: the directory OUTDIR");
  add("redact",
      "leave patient identifiers (name, ID, birth date, sex, age, issuer of the ID) out of the "
      "summary");
  add_pseudonym_options(add);
  add("site-profile", po::value<std::string>()->value_name("FILE"),
      "what the department can do (schemas/site-profile.xsd); default: decision-logic.md's");
  add_lexicon_options(add);
  add("annotations", po::value<std::vector<std::string>>()->value_name("FILE|DIR"),
      "radiologist annotations (schemas/annotations.xsd) to merge; repeatable; a directory is "
      "matched to the SR by Study Instance UID; without an SR, the annotated findings alone");
  add("files-from", po::value<std::string>()->value_name("FILE|-"),
      "batch: read input paths from FILE (one a line; - for standard input)");
  add("jobs,j", po::value<std::string>()->value_name("N"),
      "batch: inputs processed in parallel (default: number of cores); output is the same");
  add("skip-existing",
      "batch: keep summaries already in OUTDIR that this run would write alike (finish an "
      "interrupted run); others are written again");
  add("rollup-csv", po::value<std::string>()->value_name("FILE"),
      "batch: also write the roll-up (counts per category, classification, biopsy type, "
      "breast) as CSV");
  add("quiet,q", "no progress line on standard error (errors are still said)");
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
  add_pseudonym_options(add);
  add("site-profile", po::value<std::string>()->value_name("FILE"), "site profile");
  add_lexicon_options(add);
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
  add("dicom-out",
      "also write the result as a DICOM SR beside each summary, OUTDIR/<UID>.dcm (a flag here; "
      "summarize's --dicom-out takes a path)");
  add("dicom-dir", po::value<std::string>()->value_name("DIR"),
      "also write the result as a DICOM SR, into DIR/<UID>.dcm instead of OUTDIR");
  add("redact", "leave patient identifiers out of the summaries");
  add_pseudonym_options(add);
  add("site-profile", po::value<std::string>()->value_name("FILE"), "site profile");
  add_lexicon_options(add);
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
  add("port", po::value<std::string>()->value_name("N"), "TCP port to listen on (1-65535)");
  add("aetitle", po::value<std::string>()->value_name("AE"),
      "the called application entity title this endpoint answers to (default MAMMOCALC)");
  add("keep-received",
      "also keep each received SR as OUTDIR/<SOPInstanceUID>.dcm (OUTDIR/received-HASH.dcm, "
      "numbered when taken, for a UID that is not valid)");
  add("allow-ae", po::value<std::vector<std::string>>()->value_name("AE"),
      "accept associations only from this calling AE title; repeatable (default: any)");
  add("bind", po::value<std::string>()->value_name("ADDRESS"),
      "listen on this IPv4 or IPv6 address only, e.g. 127.0.0.1 or ::1; \"::\" is every IPv6 "
      "and IPv4 interface (default: every IPv4 interface)");
  add("max-associations", po::value<std::string>()->value_name("N"),
      "associations served at once (default: number of cores); more are rejected as "
      "transient, so senders retry. Connections still without an association request wait "
      "apart, up to 2N (at least 16); more are closed at once");
  add("acse-timeout", po::value<std::string>()->value_name("S"),
      "seconds a connection may take in all for its TLS handshake and association request "
      "(default 10)");
  add("dimse-timeout", po::value<std::string>()->value_name("S"),
      "seconds an association may stay silent before it is aborted (default 60)");
  add("message-timeout", po::value<std::string>()->value_name("S"),
      "seconds one message (a command and its data set, e.g. an image) may take to arrive in "
      "all, from when it is awaited; a peer sending too slowly is aborted (default 300)");
  add("shutdown-timeout", po::value<std::string>()->value_name("S"),
      "on SIGTERM, seconds running associations get to finish; then each is ended before its "
      "next command, or at once while it waits for its peer (an object being summarised is "
      "answered first); the stop takes at most S plus 2 s (default 30)");
  add("tls-key", po::value<std::string>()->value_name("FILE"),
      "DICOM TLS (BCP 195, non-downgrading profile): this endpoint's private key (PEM); "
      "plaintext associations are then refused");
  add("tls-cert", po::value<std::string>()->value_name("FILE"),
      "TLS: this endpoint's certificate (PEM), with --tls-key");
  add("tls-ca", po::value<std::string>()->value_name("FILE|DIR"),
      "TLS: trusted CA certificates (PEM file, or a directory hashed by openssl rehash); a "
      "client certificate is verified against them");
  add("tls-require-peer-cert",
      "TLS: refuse clients without a certificate that verifies against --tls-ca");
  add_receiver_options(add);
  add("help,h", "show this help");
  return options;
}

po::options_description lexicon_options() {
  po::options_description options("lexicon options");
  auto add = options.add_options();
  add("format", po::value<std::string>()->default_value("text")->value_name("text|xml"),
      "print the effective lexicon as text or as a narrative wordings file");
  add("site-profile", po::value<std::string>()->value_name("FILE"),
      "site profile (its narrativeLexicons and reportLanguage)");
  add_lexicon_options(add);
  add("help,h", "show this help");
  return options;
}

po::options_description validate_options() {
  po::options_description options("validate options");
  options.add_options()("help,h", "show this help");
  return options;
}

// One command: its verb, usage lines, options and parser.
struct CommandSpec {
  const char* verb;
  const char* usage;
  const char* exits;
  std::function<po::options_description()> options;
  std::function<Command(const std::vector<std::string>&)> parse;
};

const std::vector<CommandSpec>& commands();

// Every command's usage and options (mammocalc --help, from which the man page is made), or only
// `only`'s (mammocalc CMD --help).
std::string help_text(const CommandSpec* only) {
  std::ostringstream text;
  text << "mammocalc: calcification summary from DICOM SR breast-imaging reports\n"
       << "(decision support for radiologist review, not a diagnosis)\n\n";
  if (only != nullptr) {
    text << only->usage << "\n" << only->options() << "\n" << only->exits;
  } else {
    // A blank line after each command's usage and exit statuses: paragraphs for the reader and
    // for help2man, which makes the man page of this text.
    for (const CommandSpec& command : commands()) text << command.usage << "\n";
    text << "usage: mammocalc --help | --version | COMMAND --help\n\n";
    for (const CommandSpec& command : commands()) text << command.options() << "\n";
    for (const CommandSpec& command : commands()) {
      text << command.verb << ": " << command.exits << "\n";
    }
  }
  text << kCommonExits;
  return text.str();
}

Command help_command(const CommandSpec* only) {
  Command command;
  command.kind = CommandKind::Help;
  command.help_text = help_text(only);
  return command;
}

// Parses `args` for `verb`; Boost's messages become the one-line form "VERB: message".
po::variables_map parse(const std::string& verb, const std::vector<std::string>& args,
                        const po::options_description& options,
                        const po::positional_options_description& positional) {
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::too_many_positional_options_error&) {
    throw Error(ErrorCode::Usage, verb + ": takes no file arguments");
  } catch (const po::error& error) {
    throw Error(ErrorCode::Usage, verb + ": " + error.what());
  }
  // An empty value would quietly mean "none" (no profile, no output file): refuse it.
  for (const auto& [name, value] : values) {
    // Flags (--redact) are stored as an empty string too: only options that take a value count.
    const po::option_description* option = options.find_nothrow(name, false);
    if (option == nullptr || option->semantic()->max_tokens() == 0) continue;
    const auto* text = boost::any_cast<std::string>(&value.value());
    const auto* list = boost::any_cast<std::vector<std::string>>(&value.value());
    if ((text != nullptr && text->empty()) ||
        (list != nullptr && std::any_of(list->begin(), list->end(),
                                        [](const std::string& item) { return item.empty(); }))) {
      std::string message = verb;
      message += ": --";
      message += name;
      message += " needs a value, not an empty string";
      throw Error(ErrorCode::Usage, message);
    }
  }
  return values;
}

// Parses the options plus any number of positional inputs (as "input").
po::variables_map parse_with_inputs(const std::string& verb, const std::vector<std::string>& args,
                                    po::options_description options) {
  options.add_options()("input", po::value<std::vector<std::string>>(), "input");
  po::positional_options_description positional;
  positional.add("input", -1);
  return parse(verb, args, options, positional);
}

// A whole number option between `minimum` and `maximum`, when given; digits only.
std::optional<unsigned> count_value(const po::variables_map& values, const char* name,
                                    const std::string& verb, unsigned minimum, unsigned maximum) {
  if (!values.count(name)) return std::nullopt;
  const std::string& text = values[name].as<std::string>();
  const bool digits = text.size() <= 10 && std::all_of(text.begin(), text.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
  const unsigned long long number = digits ? std::stoull(text) : 0;
  if (!digits || number < minimum || number > maximum) {
    throw Error(ErrorCode::Usage, verb + ": --" + name + " must be a whole number from " +
                                      std::to_string(minimum) + " to " + std::to_string(maximum) +
                                      ", not '" + text + "'");
  }
  return static_cast<unsigned>(number);
}

constexpr unsigned kMaxUnsigned = 4294967295U;

ReadLimits read_limits(const po::variables_map& values, const std::string& verb) {
  ReadLimits limits;
  if (const auto mib = count_value(values, "max-input-mb", verb, 1, 1024U * 1024U)) {
    limits.max_input_bytes = std::size_t{*mib} * 1024 * 1024;
  }
  if (const auto depth = count_value(values, "max-depth", verb, 1, 1000000)) {
    limits.max_nesting_depth = static_cast<int>(*depth);
  }
  if (const auto elements = count_value(values, "max-elements", verb, 1, kMaxUnsigned)) {
    limits.max_elements = *elements;
  }
  limits.strict = values.count("strict") > 0;
  return limits;
}

// An option's value when it was given.
std::optional<std::string> given(const po::variables_map& values, const char* name) {
  if (!values.count(name)) return std::nullopt;
  return values[name].as<std::string>();
}

// What every command that evaluates SRs reads alike: --site-profile, --annotations, the read
// limits (--strict, --max-input-mb, --max-depth, --max-elements) and --redact. Throws
// Error(Usage) naming `verb` when a limit is out of range.
EvaluationConfig read_evaluation(const po::variables_map& values, const std::string& verb) {
  EvaluationConfig evaluation;
  if (values.count("site-profile")) {
    evaluation.site_profile_file = values["site-profile"].as<std::string>();
  }
  if (values.count("annotations")) {
    evaluation.annotations = values["annotations"].as<std::vector<std::string>>();
  }
  if (values.count("lexicon")) {
    evaluation.lexicon_files = values["lexicon"].as<std::vector<std::string>>();
  }
  evaluation.language = given(values, "language").value_or("");
  evaluation.limits = read_limits(values, verb);
  evaluation.summary.redact = values.count("redact") > 0;
  evaluation.read_own = values.count("read-own") > 0;  // summarize and review have it
  evaluation.pseudonymise = values.count("pseudonymize") > 0;
  evaluation.pseudonym_key_file = given(values, "pseudonym-key").value_or("");
  if (!evaluation.pseudonym_key_file.empty() && !evaluation.pseudonymise) {
    throw Error(ErrorCode::Usage, verb + ": --pseudonym-key does nothing without --pseudonymize");
  }
  // tools/bench only: the same corpus without the narrative reader, for the reader's cost. Not an
  // option: reading the text is part of being safe, and no site should switch it off.
  if (const char* bench = std::getenv("MAMMOCALC_BENCH_NO_NARRATIVE"); bench && *bench) {
    evaluation.read_text = false;
  }
  return evaluation;
}

// An SR for the PACS carries the exam's real identifiers; pseudonyms there would make an object
// no PACS can file.
void refuse_pseudonymised_sr(const EvaluationConfig& evaluation, bool writes_sr,
                             const std::string& verb) {
  if (evaluation.pseudonymise && writes_sr) {
    throw Error(ErrorCode::Usage, verb +
                                      ": --pseudonymize and a DICOM SR for the PACS "
                                      "(--dicom-out, --dicom-dir) exclude each other");
  }
}

// hook and serve name their summaries by UID: pseudonymised, that needs the key.
void require_pseudonym_key(const EvaluationConfig& evaluation, const std::string& verb) {
  if (evaluation.pseudonymise && evaluation.pseudonym_key_file.empty()) {
    throw Error(ErrorCode::Usage, verb +
                                      ": --pseudonymize names the summaries by pseudonyms: it "
                                      "needs --pseudonym-key FILE");
  }
}

// summarize: records what was given; resolve_summarize (run/) decides, by looking at the
// filesystem, whether it is one input or a batch.
Command parse_summarize(const std::vector<std::string>& args) {
  const po::variables_map values = parse_with_inputs("summarize", args, summarize_options());
  Command command;
  command.kind = CommandKind::Summarize;
  SummarizeConfig& summarize = command.summarize;
  if (values.count("input")) summarize.inputs = values["input"].as<std::vector<std::string>>();
  summarize.evaluation = read_evaluation(values, "summarize");
  summarize.output = given(values, "output");
  summarize.files_from = given(values, "files-from");
  summarize.jobs = count_value(values, "jobs", "summarize", 1, 256);
  summarize.skip_existing = values.count("skip-existing") > 0;
  summarize.progress = values.count("quiet") == 0 && ::isatty(STDERR_FILENO) != 0;
  summarize.rollup_csv = given(values, "rollup-csv").value_or("");
  summarize.html = values.count("html") > 0;
  summarize.dicom_out = given(values, "dicom-out");
  refuse_pseudonymised_sr(summarize.evaluation, summarize.dicom_out.has_value(), "summarize");
  return command;
}

// hook and serve: --dicom-out (beside the summaries) or --dicom-dir DIR, as one SR directory.
std::string receiver_dicom_dir(const po::variables_map& values, const std::string& verb,
                               const std::string& output_dir) {
  if (values.count("dicom-out") && values.count("dicom-dir")) {
    throw Error(ErrorCode::Usage, verb + ": --dicom-out and --dicom-dir exclude each other");
  }
  if (values.count("dicom-out")) return output_dir;
  return given(values, "dicom-dir").value_or("");
}

Command parse_hook(const std::vector<std::string>& args) {
  const po::variables_map values = parse_with_inputs("hook", args, hook_options());
  if (!values.count("out")) throw Error(ErrorCode::Usage, "hook: --out OUTDIR is required");
  if (!values.count("input")) throw Error(ErrorCode::Usage, "hook: no received file given");
  Command command;
  command.kind = CommandKind::Hook;
  HookConfig& hook = command.hook;
  hook.output_dir = values["out"].as<std::string>();
  hook.inputs = values["input"].as<std::vector<std::string>>();
  hook.dicom_dir = receiver_dicom_dir(values, "hook", hook.output_dir);
  hook.evaluation = read_evaluation(values, "hook");
  refuse_pseudonymised_sr(hook.evaluation, !hook.dicom_dir.empty(), "hook");
  require_pseudonym_key(hook.evaluation, "hook");
  return command;
}

// An AE title as DICOM's AE value representation has it (PS3.5): 1-16 characters, no backslash
// or control character; leading and trailing spaces are not significant, so a title given with
// them could never match what a peer sends (hostile review 51, H51-8).
void refuse_ae_title(const char* option, const std::string& ae) {
  std::string problem;
  const bool blank = ae.find_first_not_of(' ') == std::string::npos;
  if (ae.size() > 16) {
    problem = "is longer than 16 characters";
  } else if (blank) {
    problem = "is blank";
  } else if (ae.front() == ' ' || ae.back() == ' ') {
    problem = "has leading or trailing spaces, which DICOM does not count";
  } else if (std::any_of(ae.begin(), ae.end(),
                         [](unsigned char c) { return c == '\\' || c < 0x20 || c == 0x7f; })) {
    problem = "holds a backslash or a control character";
  }
  if (!problem.empty()) {
    throw Error(ErrorCode::Usage, std::string("serve: ") + option + " " + problem +
                                      " (an AE title is 1-16 characters, no backslash or "
                                      "control character)");
  }
}

Command parse_serve(const std::vector<std::string>& args) {
  const po::variables_map values = parse("serve", args, serve_options(), {});
  if (!values.count("port") || !values.count("out")) {
    throw Error(ErrorCode::Usage, "serve: --port N and --out OUTDIR are required");
  }
  Command command;
  command.kind = CommandKind::Serve;
  ServeConfig& serve = command.serve;
  serve.port = static_cast<std::uint16_t>(*count_value(values, "port", "serve", 1, 65535));
  if (values.count("aetitle")) serve.ae_title = values["aetitle"].as<std::string>();
  refuse_ae_title("--aetitle", serve.ae_title);
  serve.output_dir = values["out"].as<std::string>();
  serve.keep_received = values.count("keep-received") > 0;
  serve.dicom_dir = receiver_dicom_dir(values, "serve", serve.output_dir);
  if (values.count("allow-ae")) {
    serve.allowed_calling_aes = values["allow-ae"].as<std::vector<std::string>>();
    for (const std::string& ae : serve.allowed_calling_aes) refuse_ae_title("--allow-ae", ae);
  }
  serve.bind_address = given(values, "bind").value_or("");
  if (!serve.bind_address.empty() && !is_listen_address(serve.bind_address)) {
    throw Error(ErrorCode::Usage,
                "serve: --bind must be a numeric IPv4 or IPv6 address such as 127.0.0.1 or ::1");
  }
  serve.max_associations = count_value(values, "max-associations", "serve", 1, 1024).value_or(0);
  constexpr unsigned kHour = 3600;
  serve.acse_timeout_s =
      count_value(values, "acse-timeout", "serve", 1, kHour).value_or(serve.acse_timeout_s);
  serve.dimse_timeout_s =
      count_value(values, "dimse-timeout", "serve", 1, kHour).value_or(serve.dimse_timeout_s);
  serve.message_timeout_s = count_value(values, "message-timeout", "serve", 1, 24 * kHour)
                                .value_or(serve.message_timeout_s);
  serve.shutdown_timeout_s =
      count_value(values, "shutdown-timeout", "serve", 0, kHour).value_or(serve.shutdown_timeout_s);
  serve.tls.key_file = given(values, "tls-key").value_or("");
  serve.tls.cert_file = given(values, "tls-cert").value_or("");
  serve.tls.ca = given(values, "tls-ca").value_or("");
  serve.tls.require_peer_cert = values.count("tls-require-peer-cert") > 0;
  if (serve.tls.key_file.empty() != serve.tls.cert_file.empty()) {
    throw Error(ErrorCode::Usage, "serve: --tls-key and --tls-cert go together");
  }
  if (!serve.tls.enabled() && (!serve.tls.ca.empty() || serve.tls.require_peer_cert)) {
    throw Error(ErrorCode::Usage,
                "serve: --tls-ca and --tls-require-peer-cert need --tls-key and --tls-cert");
  }
  if (serve.tls.require_peer_cert && serve.tls.ca.empty()) {
    throw Error(ErrorCode::Usage,
                "serve: --tls-require-peer-cert needs --tls-ca to verify the certificates against");
  }
  serve.evaluation = read_evaluation(values, "serve");
  refuse_pseudonymised_sr(serve.evaluation, !serve.dicom_dir.empty(), "serve");
  // The kept copies are the identified originals, named by their UIDs beside the pseudonymised
  // summaries, whose "-2" suffixes would pair the two (hostile review 53, H53-6).
  if (serve.evaluation.pseudonymise && serve.keep_received) {
    throw Error(ErrorCode::Usage,
                "serve: --pseudonymize and --keep-received exclude each other: the kept copies "
                "are the identified originals, named by their UIDs");
  }
  require_pseudonym_key(serve.evaluation, "serve");
  return command;
}

Command parse_review(const std::vector<std::string>& args) {
  const po::variables_map values = parse_with_inputs("review", args, review_options());
  if (!values.count("input")) {
    throw Error(ErrorCode::Usage, "review: no input given (SR, annotation or summary files)");
  }
  if (values.count("color") && values.count("no-color")) {
    throw Error(ErrorCode::Usage, "review: --color and --no-color exclude each other");
  }
  Command command;
  command.kind = CommandKind::Review;
  ReviewConfig& review = command.review;
  review.inputs = values["input"].as<std::vector<std::string>>();
  if (values.count("html")) review.html_file = values["html"].as<std::string>();
  if (review.html_file == "-") {
    // The review text already goes to standard output; the page needs a file of its own.
    throw Error(ErrorCode::Usage, "review: --html - is not supported; give the page a file name");
  }
  review.options.trace = values.count("trace") > 0;
  review.options.redact = values.count("redact") > 0 || values.count("pseudonymize") > 0;
  review.options.color = review_in_colour(values);
  review.evaluation = read_evaluation(values, "review");
  return command;
}

Command parse_validate(const std::vector<std::string>& args) {
  po::options_description options = validate_options();
  options.add_options()("file", po::value<std::vector<std::string>>(), "file to check");
  po::positional_options_description positional;
  positional.add("file", -1);
  const po::variables_map values = parse("validate", args, options, positional);
  if (!values.count("file")) throw Error(ErrorCode::Usage, "validate: no file given");
  Command command;
  command.kind = CommandKind::Validate;
  command.files = values["file"].as<std::vector<std::string>>();
  return command;
}

Command parse_rules(const std::vector<std::string>& args) {
  const po::variables_map values = parse("rules", args, rules_options(), {});
  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "xml") {
    throw Error(ErrorCode::Usage, "rules: --format must be text or xml, not '" + format + "'");
  }
  Command command;
  command.kind = CommandKind::Rules;
  command.rules_as_xml = format == "xml";
  return command;
}

Command parse_lexicon(const std::vector<std::string>& args) {
  const po::variables_map values = parse("lexicon", args, lexicon_options(), {});
  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "xml") {
    throw Error(ErrorCode::Usage, "lexicon: --format must be text or xml, not '" + format + "'");
  }
  Command command;
  command.kind = CommandKind::Lexicon;
  command.lexicon_as_xml = format == "xml";
  command.lexicon = read_evaluation(values, "lexicon");
  return command;
}

const std::vector<CommandSpec>& commands() {
  static const std::vector<CommandSpec> table{
      {"summarize", kSummarizeUsage, kSummarizeExits, summarize_options, parse_summarize},
      {"review", kReviewUsage, kReviewExits, review_options, parse_review},
      {"rules", kRulesUsage, kRulesExits, rules_options, parse_rules},
      {"hook", kHookUsage, kHookExits, hook_options, parse_hook},
      {"serve", kServeUsage, kServeExits, serve_options, parse_serve},
      {"validate", kValidateUsage, kValidateExits, validate_options, parse_validate},
      {"lexicon", kLexiconUsage, kLexiconExits, lexicon_options, parse_lexicon},
  };
  return table;
}

bool asks_for_help(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& arg) { return arg == "--help" || arg == "-h"; });
}

}  // namespace

Error with_help_hint(const Error& error, const std::string& verb) {
  if (error.code() != ErrorCode::Usage) return error;
  return Error(error.code(), std::string(error.what()) + " (see 'mammocalc " + verb + " --help')");
}

Command parse_command_line(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty()) throw Error(ErrorCode::Usage, "no command given (see 'mammocalc --help')");
  const std::string& verb = all.front();
  const std::vector<std::string> args(all.begin() + 1, all.end());
  if (verb == "--help" || verb == "-h" || verb == "help") return help_command(nullptr);
  if (verb == "--version") {
    // Nothing after it is read: said, never ignored (hostile review 71).
    if (!args.empty()) {
      throw Error(ErrorCode::Usage,
                  "--version takes no argument: '" + args.front() + "' (see 'mammocalc --help')");
    }
    Command command;
    command.kind = CommandKind::Version;
    return command;
  }
  for (const CommandSpec& command : commands()) {
    if (verb != command.verb) continue;
    // --help wins over everything else on the line, even over options that would be errors.
    if (asks_for_help(args)) return help_command(&command);
    try {
      return command.parse(args);
    } catch (const Error& error) {
      throw with_help_hint(error, verb);
    }
  }
  throw Error(ErrorCode::Usage, "unknown command '" + verb + "' (see 'mammocalc --help')");
}

}  // namespace mammocalc
