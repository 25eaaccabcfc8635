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

// The breast of a unilateral study: every referenced image (IMAGE item) carries an Image
// Laterality modifier, and all name the same one breast. The first such modifier; nullptr when
// no image says, or they name different breasts.
const ContentItem* unilateral_image_laterality(const ContentItem& root);

}  // namespace mammocalc
