#pragma once
// Reading a narrative wordings file (schemas/narrative-wordings.xsd) into the Wordings the
// narrative reader matches. It sits with the other strict XML readers: pugixml cannot validate
// against the schema, so the structure is checked by hand and every problem names file, line
// and field.

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "narrative/wordings.hpp"

namespace mammocalc {

inline constexpr const char* kWordingsRoot = "narrativeWordings";
inline constexpr const char* kWordingsNamespace = "urn:mammocalc:narrative-wordings:1";

// Throws Error(InvalidWordings) "FILE:LINE: field: problem" (with how many more) for a file that
// cannot be read, is not well-formed or breaks the schema's rules.
Wordings read_wordings(const std::string& file);

// Every problem of a wordings file read as a site's addition (--lexicon), one line each; empty
// when it is valid (validate). With `shipped` (read first, as whole lexicons), a phrase the file
// gives another meaning than the shipped lexicon of its language does is a problem too.
std::vector<std::string> check_wordings(const std::string& file,
                                        const std::vector<std::string>& shipped = {});

// The same for a lexicon file's bytes already read (validate reads each file once).
std::vector<std::string> check_wordings_bytes(const std::string& file, std::string bytes,
                                              const std::vector<std::string>& shipped = {});

// The lexicons of a run, keyed by language (language_key: "en", "de"): each `shipped` file is a
// whole lexicon; each `site` file (--lexicon, the site profile's) adds wordings to the lexicon of
// its language, in order. A site phrase that repeats a wording is read once; one that gives a
// phrase another meaning is a problem. A site file of a language nothing ships must be whole.
// Throws Error(InvalidWordings) "FILE:LINE: field: problem" naming the first file with one.
std::map<std::string, Wordings> read_lexicons(const std::vector<std::string>& shipped,
                                              const std::vector<std::string>& site);

// Writes a lexicon as `mammocalc lexicon` shows it: one wording a line ("morphology
// fine-pleomorphic: fine pleomorphic"), or as a narrative wordings file (as_xml) that reads back
// as the same wordings.
void write_wordings(const Wordings& wordings, bool as_xml, std::ostream& out);

}  // namespace mammocalc
