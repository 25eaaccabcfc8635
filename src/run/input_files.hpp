#pragma once
// The input files of a batch or a hook run: files as they are given, directories recursed.

#include <string>
#include <vector>

#include "output/batch_index.hpp"

namespace mammocalc {

// Collects the input files: given files as they are, directories recursed in name order with
// symlink loops detected and hidden files left out; the paths listed in `files_from` (one a line,
// "-" for standard input; empty: none) after the others. A missing input is kept: it becomes a
// failed entry when read, as one bad input never stops a run. Directories that cannot be listed
// and symlink loops are added to `unreadable`. Throws Error(Usage) when `files_from` cannot be
// opened.
std::vector<std::string> collect_input_files(const std::vector<std::string>& paths,
                                             const std::string& files_from,
                                             std::vector<IndexEntry>& unreadable);

}  // namespace mammocalc
