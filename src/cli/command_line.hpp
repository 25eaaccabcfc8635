#pragma once
// The command line (Boost.Program_options only here). Commands and options are a contract.

#include <string>
#include <vector>

#include "run/hook.hpp"
#include "run/review.hpp"
#include "run/serve.hpp"
#include "run/summarize_command.hpp"

namespace mammocalc {

enum class CommandKind { Summarize, Hook, Serve, Review, Rules, Validate, Lexicon, Help, Version };

struct Command {
  CommandKind kind = CommandKind::Help;
  SummarizeConfig summarize;       // summarize: one SR or a batch, as resolve_summarize decides
  HookConfig hook;                 // hook
  ServeConfig serve;               // serve
  ReviewConfig review;             // review
  bool rules_as_xml = false;       // rules --format xml
  std::vector<std::string> files;  // validate
  EvaluationConfig lexicon;        // lexicon: --lexicon, --site-profile, --language
  bool lexicon_as_xml = false;     // lexicon --format xml
  std::string help_text;           // help
};

// Parses argv: one parse function per command, chosen by the verb. Records what was given and
// never looks at the filesystem. Throws Error(Usage) with a one-line message on a wrong command
// line.
Command parse_command_line(int argc, char** argv);

// A usage error of `verb` pointing to its help: "… (see 'mammocalc VERB --help')"; any other
// error unchanged.
Error with_help_hint(const Error& error, const std::string& verb);

}  // namespace mammocalc
