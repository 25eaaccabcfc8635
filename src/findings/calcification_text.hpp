#pragma once
// Until the narrative reader (issue 16) reads report text as findings, text that mentions
// calcification is never dropped without trace: a breast report whose coded content holds no
// calcification finding, but whose text mentions calcification, gets one narrative-unresolved
// note per mention, quoting its sentence, and the exam asks for radiologist review (row E8).

#include <string>
#include <string_view>

#include "findings/findings.hpp"
#include "findings/sr_content.hpp"

namespace mammocalc {

// Whether `text` mentions calcification: "calcif…", "microcalc…" or the word "calcs", in any
// case. A plain scan (no regular expression on input text).
bool mentions_calcification(std::string_view text);

// Whether an SR with no known breast template is still about the breast (decision-logic.md §6.6,
// the parts this reader sees): the study description names mammography or the breast, or its
// text names the breast together with breast-imaging vocabulary (BI-RADS, mammogram). A chest CT
// that mentions coronary artery calcifications is not.
bool looks_like_breast_report(const SrDocument& document);

// Adds a narrative-unresolved note to `out` for every calcification mention in the document's
// TEXT items not already noted, quoting its sentence.
void note_calcification_text(const SrDocument& document, Findings& out);

}  // namespace mammocalc
