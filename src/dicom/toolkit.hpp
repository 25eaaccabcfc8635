#pragma once
// Setting DCMTK up once per process, the same way for the program, the tests and the fuzzers.

#include <string>

namespace mammocalc {

// Silences DCMTK's own logging (it would print to stderr and could echo patient data) and,
// unless the site set DCMDICTPATH, has DCMTK load only the standard data dictionary, without the
// vendors' private tags, which reading an SR never needs: about a third less work at every
// process start (the hook runs once per received object). Loads the dictionary now, so a broken
// installation is said once at start-up rather than once per input. Turns DCMTK's process-wide
// automatic input correction on, once, for every read. Call before any DICOM work.
// Throws Error(ToolkitSetup) when no data dictionary can be loaded.
void start_dicom_toolkit();

// The DCMTK release mammocalc was built with, e.g. "3.6.7" (mammocalc --version).
std::string dicom_toolkit_version();

}  // namespace mammocalc
