#pragma once
// Merging radiologist annotations with the findings read from an SR (decision-logic.md §1:
// annotation > SR finding > SR overall > inferred). Pure: no I/O.

#include "annotations/annotations.hpp"
#include "findings/findings.hpp"

namespace mammocalc {

// Applies `annotations` to `findings`: refines the findings they reference, adds the ones the SR
// lacks, and records every disagreement as an annotation-conflict warning naming both sources
// and values. A source is the SR (its overall assessment too) or an annotation applied before
// (another file, or another line of this one); the reading each source gives is kept as another
// reading, so the more suspicious one classifies whatever the order the files are applied in.
// A refinement that matches no SR finding is kept as an added finding with a warning saying why
// (no such item, an item that is not a finding, several findings), never dropped; the rules ask
// for review of it and of the exam (W18, E14).
// Throws Error(InvalidAnnotation) when the annotation names another study or SR.
void merge_annotations(const Annotations& annotations, Findings& findings);

// The findings of an annotation file on its own (annotation-only run).
Findings findings_from_annotations(const Annotations& annotations);

}  // namespace mammocalc
