#pragma once
// Whether an SR without a breast template is about the breast at all, from what its header and
// root concept say (decision-logic.md §6.6). The third way, breast-imaging words in its text, is
// the narrative reader's (NarrativeReading::breast_imaging_text), which reads text with the
// wordings file.

#include "findings/sr_content.hpp"

namespace mammocalc {

// The root concept is a breast report's ((111400, DCM), a LOINC mammogram code), or the header
// says breast: Body Part Examined BREAST, a mammography or breast procedure code, a study, series
// or requested-procedure description naming mammography or the breast, or evidence images of a
// mammography or breast tomosynthesis class. Codes match on (value, scheme).
bool header_says_breast(const SrDocument& document);

// The breast of a unilateral exam: every Procedure reported (121058, DCM) item of the content
// carries a Laterality modifier, and all name the same one breast. The content item of the first
// such modifier; nullptr for a bilateral, mixed or unstated procedure.
const ContentItem* unilateral_procedure_laterality(const SrDocument& document);
const ContentItem* unilateral_procedure_laterality(const ContentItem& root);

// The breast of the report's own procedures (those outside every Findings container, as PS3.17
// Annex Q puts them in Supplementary Data), when all name the same one breast; else nullptr.
const ContentItem* report_procedure_laterality(const ContentItem& root);

// The breast of the procedures a Findings container holds (TID 4206 row 3), when all name the
// same one breast; else nullptr.
const ContentItem* container_procedure_laterality(const ContentItem& findings_container);

// The breast of a unilateral study: every referenced image (IMAGE item) carries an Image
// Laterality modifier, all name the same one breast, and no Procedure reported names both breasts
// or the other one. The first such modifier; nullptr otherwise.
const ContentItem* unilateral_image_laterality(const ContentItem& root);

// The breast of the images a finding item references (IMAGE items below it), when every one
// names the same one breast; else nullptr.
const ContentItem* images_laterality(const ContentItem& item);

}  // namespace mammocalc
