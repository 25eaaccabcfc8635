#pragma once
// The warning codes of a summary (<warning code=…>): what the readers noted and what the check
// and exam rows warn. Sites filter on these words: add codes, never rename one.

#include <string_view>

namespace mammocalc {

enum class WarningCode {
  // Noted while reading.
  UnknownCode,         // a coded value outside its context group
  UnknownUnit,         // a measurement in a unit that cannot be converted to millimetres
  NotForPresentation,  // CAD content marked not for presentation, skipped
  CharacterSet,        // text whose character set could not be converted
  TolerantRead,        // DCMTK read the SR only with a tolerance flag
  // DCMTK read the SR only by skipping content items it found invalid: what they said is not read
  // (E8; hostile review 48, H48-12)
  ContentSkipped,
  TextRepaired,         // a text value had to be repaired to be read whole (NUL bytes as blanks)
  AnnotationConflict,   // an annotation and the SR disagree on a value
  AnnotationUnmatched,  // an annotation refinement matched no SR finding
  AnnotationSkipped,    // an invalid file in an annotation directory
  // A file of an annotation directory for this study made on another SR: not applied here (E17)
  AnnotationOtherSr,
  // A file that holds the same bytes as an annotation file applied before: not applied again
  // (E18), as its findings would count twice
  AnnotationDuplicate,
  CadIncomplete,        // the CAD says not all (or none) of its algorithms succeeded
  NarrativeUnresolved,  // report text mentions calcification that no finding holds (issue 16)
  LanguageUnsupported,  // the SR states a language no lexicon has; its text read with the default
  // Warned by the check rows (W) and exam rows (E).
  MoreSuspiciousReading,
  SiteConflict,
  InsufficientEvidence,
  AssessmentDiscordant,
  FollowUpDiffers,
  ConflictingValues,      // a field given twice with different values (decision-logic.md §1)
  NarrativeDerived,       // the finding was read from report text (W7)
  NarrativeDiscordant,    // the report text describes calcifications the coded findings do not (W8)
  DocumentIncomplete,     // the SR says it is PARTIAL or PRELIMINARY (E11)
  SameExamConflict,       // another input of the run has this SOP Instance UID, another result
  CodeMeaningDiscordant,  // a code's meaning names another term of its value set (W17)
};

// The code's word in the summary, e.g. "unknown-code".
std::string_view to_string(WarningCode code);

}  // namespace mammocalc
