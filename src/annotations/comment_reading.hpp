#pragma once
// Reading a radiologist's free-text comment on an annotation against the annotation's fields
// (rule W9). Pure: no I/O.

#include <cstddef>
#include <string>

#include "findings/findings.hpp"

namespace mammocalc {

// A radiologist's comment is a line or two; a longer one is not read word by word (nine
// megabytes took seconds, tens under the sanitizers: a fuzzing timeout) but asks for review.
inline constexpr std::size_t kLongestCommentRead = 16384;

// What a comment says that the finding's fields do not, as a warning's predicate ("asks for
// work-up"); empty when it says nothing beyond them. A comment is read with a closed vocabulary:
// words that place or describe what the fields hold, benign words, requests and worries that a
// negation denies, numbers that are measures, dates or the finding's own category. Any other word
// asks the radiologist to read it: wordings never end, and review costs less than a miss (hostile
// review 85: "Magnification views needed.", "Looks more like a 4 to me.", "Not 2." beside a
// BI-RADS 2 finding were passed over by lists of what a worrying comment says).
std::string what_a_comment_says_beyond_fields(const std::string& comment, const Finding& finding);

}  // namespace mammocalc
