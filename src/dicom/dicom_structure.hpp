#pragma once
// A bounded, non-recursive walk over the raw DICOM encoding that checks the resource limits
// before any recursive parser (DCMTK's included) sees the bytes: sequence nesting depth and
// element count. It does not interpret values; the real parse follows.

#include <cstddef>
#include <string>

namespace mammocalc {

struct ReadLimits {
  std::size_t max_input_bytes = std::size_t{256} * 1024 * 1024;
  int max_nesting_depth = 128;         // sequences and items counted alike
  std::size_t max_elements = 2000000;  // data elements and items over the whole file
  bool strict = false;                 // refuse SR content DCMTK reads only with tolerance flags
};

enum class StructureProblem { None, LimitExceeded, Truncated };

struct StructureCheck {
  StructureProblem problem = StructureProblem::None;
  std::string reason;  // e.g. "sequences nested deeper than 128 levels"
  // The dataset's SOP Class UID (0008,0016) as the walk read it; empty where the walk did not
  // reach it. Lets a reader refuse objects it does not accept before parsing them.
  std::string sop_class_uid;
  // False only when the walk saw every value and all text is plain ASCII under a character set
  // in which ASCII reads as itself: converting the text to UTF-8 would then change nothing.
  bool text_needs_conversion = true;
};

// Walks the encoding. A value longer than the bytes that remain is reported as Truncated before
// any parser allocates memory for it. Where the walk cannot follow the encoding it stops with
// no problem, and the real parser reports what is wrong.
StructureCheck check_structure(const std::string& bytes, const ReadLimits& limits);

// The reason when the encoding breaks a limit or is truncated, else an empty string.
std::string check_structure_limits(const std::string& bytes, const ReadLimits& limits);

}  // namespace mammocalc
