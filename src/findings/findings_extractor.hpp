#pragma once
// Reads the breast-imaging templates (TID 4200 Breast Imaging Report, TID 4000 Mammography CAD)
// out of an SR content tree and builds the normalised findings. Pure: no DCMTK, no I/O.

#include <string>

#include "findings/findings.hpp"
#include "findings/sr_content.hpp"

namespace mammocalc {

// Throws Error(NotBreastImaging) naming `name` when the document is neither a breast-imaging
// report nor carries any calcification finding.
Findings extract_findings(const SrDocument& document, const std::string& name);

}  // namespace mammocalc
