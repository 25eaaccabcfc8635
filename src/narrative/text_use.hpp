#pragma once
// How a report's text joins its coded content (issue 16 item 11; decision-logic.md §6): a report
// without coded calcification findings is read in full (narrative findings, the assessment its
// text states); one with coded findings keeps its text as read text only, listed in the summary,
// until coded and narrative findings are paired (issue 17, row W8).

#include "findings/findings.hpp"
#include "narrative/narrative_reader.hpp"

namespace mammocalc {

void use_narrative(NarrativeReading reading, Findings& findings);

}  // namespace mammocalc
