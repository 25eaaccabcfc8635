#pragma once
// An --annotations directory as a run reads it. Its *.xml files (in any case) are the annotation
// files, matched to an SR by Study Instance UID. Whatever else it holds is looked at, so that
// nothing that could be a radiologist's annotation is passed over silently (hostile review,
// issue 18, F5): a directory named *.xml, a subdirectory (never read: a per-study folder would be
// missed), a backup or editor copy of an annotation file (a name holding ".xml" not at its end:
// notes.xml.bak, notes.xml~, #notes.xml#), and any other file that starts as XML. Files that do
// not start as XML (README.txt, a CSV list), hidden directories (.git, .snapshot) and mammocalc's
// own other kinds in their namespaces are none of the annotations' business.

#include <string>
#include <vector>

#include "findings/findings.hpp"

namespace mammocalc {

// Applies the annotation directory `directory` to one SR's findings: the annotation files whose
// study is the SR's are merged, in name order. Every entry not read that could hold an
// annotation of the SR's study gives an annotation-skipped note naming it ("PATH: why (… in
// annotation directory skipped)"), in name order, which makes the exam need review (E12); so do
// the directory's annotation files when the SR has no valid Study Instance UID to match them by.
// Throws Error(InvalidAnnotation), "DIR: cannot be listed (REASON)".
void apply_annotation_directory(const std::string& directory, Findings& findings);

// The entries of the directories among `paths` that a run does not read, whichever study they
// could hold, one line each as its note says it, in the order of `paths` and of names: said
// once on standard error when a run starts (a valid annotation file of another study under a
// name that is not read is said there only). Files among `paths` are not looked at. Throws
// Error(InvalidAnnotation) for a directory that cannot be listed.
std::vector<std::string> unread_annotation_entries(const std::vector<std::string>& paths);

}  // namespace mammocalc
