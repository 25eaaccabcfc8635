#pragma once
// Reading radiologist annotation files (schemas/annotations.xsd, namespace
// urn:mammocalc:annotations:1). pugixml only in the .cpp.

#include <functional>
#include <string>
#include <vector>

#include "annotations/annotations.hpp"

namespace mammocalc {

inline constexpr const char* kAnnotationsRoot = "annotations";
inline constexpr const char* kAnnotationsNamespace = "urn:mammocalc:annotations:1";

// Reads an annotation file. Throws Error(InvalidAnnotation) naming file, line and field.
Annotations read_annotations(const std::string& path);

// Every problem of an annotation file, one line each ("FILE:LINE: field: problem").
std::vector<std::string> check_annotations(const std::string& path);

// The root element name an XML file starts with ("annotations", "siteProfile",
// "mammocalcSummary" …), or empty when it does not start as XML or ends inside the root element's
// name. Reads only the head of the file to tell the kinds apart; says nothing about the rest
// being well-formed.
std::string xml_root_name(const std::string& path);

// A file of an annotation directory, opened once and read from that one descriptor: its type is
// checked on the descriptor (fstat), so it cannot be swapped for a FIFO, which would block the
// run, between a check by path and the open (hostile review, issue 18).
struct AnnotationFile {
  std::string path;
  // Its bytes, at most the annotation size limit and one byte (more is refused when parsed).
  std::string bytes;
  // Why it was not read, "FILE: REASON" ("FILE: cannot be read (a symlink to nothing)", "FILE:
  // not a regular file (a FIFO, socket or device), not read"); empty when it was.
  std::string unreadable;
};

// Opens `path` once (O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY: a FIFO opens without a writer
// and is never read), fstat()s the descriptor and reads a regular file from it. Follows a symlink
// to a file, as annotation directories may hold them; one to nothing is said as such. Never
// throws for what it finds on disk.
AnnotationFile read_annotation_file(const std::string& path);

// The head of a file of an annotation directory, read as read_annotation_file reads a whole
// one: as much as xml_root_of looks at, to tell whether a file under another name than *.xml
// starts as XML without reading all of it (the directory may hold large files of other kinds).
// The whole file (as read_annotation_file) when `read_whole(head)` asks for it: opened and read
// once either way.
AnnotationFile read_annotation_file_head(
    const std::string& path, const std::function<bool(const std::string&)>& read_whole = {});

// A file given to validate by name, read once through one descriptor: a regular file, or a pipe
// (a shell's process substitution, which can be read only once; a FIFO without a writer reads
// as empty instead of blocking). At most the largest kind's limit and one byte: each kind's
// reader refuses what is over its own.
AnnotationFile read_xml_file_given(const std::string& path);

// xml_root_name of a file's bytes already read.
std::string xml_root_name_of(const std::string& bytes);

// The root element a file's bytes start with, as far as its start tag: enough to tell
// mammocalc's kinds apart, which are each one root name in one namespace.
struct XmlRoot {
  std::string name;        // as xml_root_name_of: empty when not XML or cut off inside the name
  std::string name_space;  // the default namespace its start tag declares (xmlns="…"); empty: none
  // The start tag was read to its end, so `name_space` is what the file says; false for one cut
  // off, longer than the head looked at, or not well-formed.
  bool start_tag_read = false;
};
XmlRoot xml_root_of(const std::string& bytes);

// Why `bytes` are not one whole, well-formed XML document ("not well-formed XML (REASON)", or
// that they are more than an annotation file may hold, so cannot be told whole); empty when they
// are. A file whose head names one of mammocalc's other kinds is that kind only when whole: one
// cut off is no readable file of any kind (hostile review 31, H31-5).
std::string why_not_whole_xml(const std::string& bytes);

// What an annotation file read by read_annotation_file holds: the annotations when `problems` is
// empty, else every problem, one line each ("FILE:LINE: field: problem").
struct AnnotationsReading {
  Annotations annotations;
  std::vector<std::string> problems;
};
AnnotationsReading parse_annotation_file(const AnnotationFile& file);

}  // namespace mammocalc
