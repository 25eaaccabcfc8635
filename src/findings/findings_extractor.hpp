#pragma once
// Reads the breast-imaging templates (TID 4200 Breast Imaging Report, TID 4000 Mammography CAD)
// out of an SR content tree and builds the normalised findings. Pure: no DCMTK, no I/O.

#include <string>
#include <vector>

#include "findings/findings.hpp"
#include "findings/sr_content.hpp"

namespace mammocalc {

// Throws Error(NotBreastImaging) naming `name` when the document is neither a breast-imaging
// report (by its template, root concept or header, or `text_about_breast_imaging`: the narrative
// reader found breast-imaging words in its text) nor carries any calcification finding.
Findings extract_findings(const SrDocument& document, const std::string& name,
                          bool text_about_breast_imaging = false);

// Adds the findings read from a report's text (narrative/) to `out`, and the assessments its
// text states (row E6; the caller leaves out those a coded one already says); those are offered
// to the new findings as coded overall statements are.
void add_text_findings(Findings& out, std::vector<Finding> text_findings,
                       std::vector<OverallStatement> text_statements);

}  // namespace mammocalc
