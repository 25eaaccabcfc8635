#pragma once
// How a report's text joins its coded content (issue 16 item 11; decision-logic.md §6): a report
// without coded calcification findings is read in full (narrative findings, the assessment its
// text states); one with coded findings keeps its text as read text only, listed in the summary,
// until coded and narrative findings are paired (issue 17, row W8).

#include "findings/findings.hpp"
#include "narrative/narrative_reader.hpp"

namespace mammocalc {

// A narrative finding whose breast neither its clause nor a heading names takes the breast of a
// unilateral procedure (`procedure_laterality`: the Laterality modifier of every Procedure
// reported, findings/breast_report), and its text evidence says so (decision-logic.md §6.2).
// A narrative finding that the reader placed nowhere the report names (Finding::unresolved_place)
// takes no procedure's breast and never restates a coded finding (row W8).
void use_narrative(NarrativeReading reading, const ContentItem* procedure_laterality,
                   Findings& findings);

}  // namespace mammocalc
