#pragma once
// Reading a narrative wordings file (schemas/narrative-wordings.xsd) into the Wordings the
// narrative reader matches. It sits with the other strict XML readers: pugixml cannot validate
// against the schema, so the structure is checked by hand and every problem names file, line
// and field.

#include <string>
#include <vector>

#include "narrative/wordings.hpp"

namespace mammocalc {

inline constexpr const char* kWordingsNamespace = "urn:mammocalc:narrative-wordings:1";

// Throws Error(InvalidWordings) "FILE:LINE: field: problem" (with how many more) for a file that
// cannot be read, is not well-formed or breaks the schema's rules.
Wordings read_wordings(const std::string& file);

// Every problem of a wordings file, one line each; empty when it is valid (validate).
std::vector<std::string> check_wordings(const std::string& file);

}  // namespace mammocalc
