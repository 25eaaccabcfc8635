#pragma once
// Writing output files so that a reader never sees half of one.

#include <string>

namespace mammocalc {

// Writes `content` to `path` through a temporary file in the same directory and a rename.
// Throws Error(OutputFailed) naming the path; no temporary file remains on failure.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace mammocalc
