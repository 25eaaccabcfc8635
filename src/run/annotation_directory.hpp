#pragma once
// An --annotations directory as a run reads it. Its *.xml files (in any case) are the annotation
// files, matched to an SR by Study Instance UID. Whatever else it holds is looked at, so that
// nothing that could be a radiologist's annotation is passed over silently (hostile review,
// issue 18, F5): a directory named *.xml, a subdirectory (never read: a per-study folder would be
// missed), a backup or editor copy of an annotation file (a name holding ".xml" not at its end:
// notes.xml.bak, notes.xml~, #notes.xml#), and any other file that starts as XML. Files that do
// not start as XML (README.txt, a CSV list), hidden directories (.git, .snapshot) and mammocalc's
// own other kinds in their namespaces are none of the annotations' business.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "annotations/annotations.hpp"
#include "base/input_guard.hpp"
#include "findings/findings.hpp"

namespace mammocalc {

// One entry of an annotation directory as a run reads it.
struct AnnotationDirectoryEntry {
  enum class Kind {
    Annotations,  // an annotation file read: its study decides whether it applies
    NotTheirs,    // none of the annotations' business (mammocalc's other kinds, not XML)
    NotRead,      // said where it could hold an annotation of the SR's study
  };
  Kind kind = Kind::NotTheirs;
  std::string path;                      // the entry's path (the directory joined with its name)
  std::optional<FileIdentity> identity;  // the file's, when it could be stat()ed
  // Annotations: the file's. NotRead: a valid annotation file under a name that is not read,
  // whose study may show it to be another study's (then said on standard error only).
  Annotations annotations;
  bool holds_valid_annotations = false;
  std::string note;  // NotRead: "PATH: why (… skipped)"
};

// An annotation directory as read once: its entries that are the annotations' business (not
// NotTheirs), in name order. A run reads each of its directories once and applies that reading
// to every SR (summarize, batch, hook, review); serve reads them again per object, as its
// directories may change while it listens.
struct AnnotationDirectory {
  std::string path;
  std::vector<AnnotationDirectoryEntry> entries;
};

// Reads every entry of `directory`. Throws Error(InvalidAnnotation), "DIR: cannot be listed
// (REASON)".
AnnotationDirectory read_annotation_directory(const std::string& directory);

// Applies an annotation directory to one SR's findings: the annotation files whose study is the
// SR's are merged, in name order. Every entry not read that could hold an annotation of the SR's
// study gives an annotation-skipped note naming it ("PATH: why (… in annotation directory
// skipped)"), in name order, which makes the exam need review (E12); so do the directory's
// annotation files when the SR has no valid Study Instance UID to match them by. A file among
// `applied` (the same file reached by name or through another directory) is not applied again;
// those applied are added to it.
void apply_annotation_directory(const AnnotationDirectory& directory, Findings& findings,
                                std::set<FileIdentity>& applied);

// The entries of `directory` that a run does not read, whichever study they could hold, one line
// each as its note says it, in name order: said once on standard error when a run starts (a valid
// annotation file of another study under a name that is not read is said there only).
std::vector<std::string> unread_entries(const AnnotationDirectory& directory);

}  // namespace mammocalc
