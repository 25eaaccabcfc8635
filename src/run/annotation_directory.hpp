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
#include <utility>
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

// The annotation files applied to one SR so far, so that none counts twice: one file is one
// source however often it is reached (by name twice, by a hard link, by name and through its
// directory: hostile review 27, H27-19), and a copy of one applied (the same content in another
// file) says its annotation a second time (hostile review 29, H29-12). Applied again, either
// would double the findings it adds.
class AppliedAnnotations {
 public:
  // Merges `annotations` (read from the file `identity`, when it could be stat()ed) into
  // `findings` (merge_annotations, whose errors it throws), unless that file was applied
  // already (passed over) or one saying the same (Annotations::content, H30-6) was: then passed
  // over and said, an annotation-duplicate note naming both files (E18).
  void apply(const Annotations& annotations, const std::optional<FileIdentity>& identity,
             Findings& findings);

 private:
  std::set<FileIdentity> files_;
  // file, canonical content (Annotations::content), in order applied
  std::vector<std::pair<std::string, std::string>> contents_;
};

// An input of a run that an annotation file names by its sopInstanceUid, as read before any
// input is summarised (run/summary_files annotated_input): the SR that takes such a file.
struct AnnotatedInput {
  std::string sop_instance_uid;
  std::string study_instance_uid;
  std::string accession_number;
};

// Whether an input of the run among `inputs` takes `annotations`: its SOP Instance UID is the
// one they were made on (any, where they name none), its study theirs, and its accession number
// none other than theirs.
bool taken_by_an_input(const Annotations& annotations, const std::vector<AnnotatedInput>& inputs);

// Applies an annotation directory to one SR's findings: the annotation files whose study is the
// SR's are merged, in name order. Every entry not read that could hold an annotation of the SR's
// study gives an annotation-skipped note naming it ("PATH: why (… in annotation directory
// skipped)"), in name order, which makes the exam need review (E12); so do the directory's
// annotation files when the SR has no valid Study Instance UID to match them by. A file of this
// study made on another SR is passed over silently when another of the run's `inputs` takes it,
// else said (annotation-other-sr, E17). Files are applied through `applied`.
void apply_annotation_directory(const AnnotationDirectory& directory, Findings& findings,
                                AppliedAnnotations& applied,
                                const std::vector<AnnotatedInput>& inputs);

// The entries of `directory` that a run does not read, whichever study they could hold, one line
// each as its note says it, in name order: said once on standard error when a run starts (a valid
// annotation file of another study under a name that is not read is said there only).
std::vector<std::string> unread_entries(const AnnotationDirectory& directory);

}  // namespace mammocalc
