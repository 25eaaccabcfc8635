#include "run/annotation_directory.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "annotations/annotation_merge.hpp"
#include "annotations/annotation_reader.hpp"
#include "annotations/site_profile_reader.hpp"
#include "annotations/wordings_reader.hpp"
#include "base/error.hpp"
#include "base/uid.hpp"
#include "output/batch_index.hpp"
#include "output/rule_listing.hpp"
#include "output/summary_writer.hpp"
#include "review/summary_reader.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

// The other XML files mammocalc reads or writes, which an annotation directory may hold beside
// the annotation files (a summary written into it, the site profile): each is one root element in
// one namespace, as their readers and writers name them.
// Why a whole file that starts as a summary is no summary mammocalc could read back (empty when
// it is one): a radiologist's annotation wrapped in the summary's root was passed over without a
// word (hostile review 89).
std::string why_not_a_summary(const std::string& bytes, const std::string& path) {
  try {
    read_summary(bytes, path);
    return {};
  } catch (const Error& error) {
    return error.what();
  }
}

// The same for the other kinds, from their own checkers: the first problem found.
std::string why_not_a_site_profile(const std::string& bytes, const std::string& path) {
  const std::vector<std::string> problems = check_site_profile_bytes(path, bytes).problems;
  return problems.empty() ? std::string() : problems.front();
}
std::string why_not_a_lexicon(const std::string& bytes, const std::string& path) {
  const std::vector<std::string> problems = check_wordings_bytes(path, bytes);
  return problems.empty() ? std::string() : problems.front();
}
std::string why_not_an_index(const std::string& bytes, const std::string& /*path*/) {
  return why_not_a_batch_index(bytes);
}
std::string why_not_rules(const std::string& bytes, const std::string& /*path*/) {
  return why_not_a_rule_listing(bytes);
}

struct OtherKind {
  const char* root;
  const char* name_space;
  const char* what;
  // Why whole bytes of that root are no readable file of the kind (empty when they are one).
  std::string (*why_not_one)(const std::string& bytes, const std::string& path);
};
constexpr std::array<OtherKind, 5> kOtherKinds{{
    {kSiteProfileRoot, kSiteProfileNamespace, "site profile", why_not_a_site_profile},
    {kSummaryRoot, kSummaryNamespace, "summary", why_not_a_summary},
    {kIndexRoot, kIndexNamespace, "batch index", why_not_an_index},
    {kWordingsRoot, kWordingsNamespace, "narrative lexicon", why_not_a_lexicon},
    {kRulesRoot, kSummaryNamespace, "rule listing", why_not_rules},
}};

// The kind whose root element `root` names, whatever its namespace; null for none.
const OtherKind* other_kind_named(const XmlRoot& root) {
  const auto kind = std::find_if(kOtherKinds.begin(), kOtherKinds.end(),
                                 [&](const OtherKind& other) { return root.name == other.root; });
  return kind == kOtherKinds.end() ? nullptr : &*kind;
}

// One of mammocalc's own other kinds, in its own namespace: none of the annotations' business.
// The root name alone is not enough: <siteProfile/> in no namespace or another one is no file
// mammocalc reads or wrote, and may be anything (hostile review, issue 18, F13).
bool is_other_mammocalc_kind(const XmlRoot& root) {
  const OtherKind* kind = other_kind_named(root);
  return kind != nullptr && root.start_tag_read && root.name_space == kind->name_space;
}

// Why a file of an annotation directory whose root element is `root` is no annotation file.
std::string why_not_annotations(const XmlRoot& root, const std::string& bytes) {
  if (bytes.empty()) return "empty, not an annotation file";
  if (root.name.empty()) {
    return "not an annotation file (not XML, or cut off before its root element)";
  }
  const std::size_t colon = root.name.find(':');
  if (colon != std::string::npos && root.name.substr(colon + 1) == kAnnotationsRoot) {
    return "root element <" + root.name +
           "> has a namespace prefix; annotation files use the default namespace (xmlns=\"" +
           kAnnotationsNamespace + "\")";
  }
  if (const OtherKind* kind = other_kind_named(root)) {
    const std::string in = !root.start_tag_read      ? "in a start tag that could not be read"
                           : root.name_space.empty() ? "in no namespace"
                                                     : "in namespace \"" + root.name_space + "\"";
    return "root element <" + root.name + "> is " + in + ", not in mammocalc's " + kind->what +
           " namespace (xmlns=\"" + kind->name_space + "\"): neither a " + kind->what +
           " nor an annotation file";
  }
  return "root element <" + root.name + "> is not an annotation file";
}

// Why a file whose start names one of mammocalc's other kinds is not passed over as one: it is
// not whole (`why`: why_not_whole_xml). A summary copied while it was being written, or cut short
// by a full disk, is no readable file of that kind and may have been anything (hostile review
// 31, H31-5).
std::string not_whole(const XmlRoot& root, const std::string& why) {
  const std::string what = other_kind_named(root)->what;
  return "starts as mammocalc's " + what + " but is " + why +
         ": cut off or damaged, neither a readable " + what + " nor an annotation file";
}

// Why a file whose root names one of mammocalc's other kinds (is_other_mammocalc_kind) is not
// passed over as one: not whole, or not readable as that kind; empty when it is one.
std::string why_not_that_kind(const XmlRoot& root, const std::string& bytes,
                              const std::string& path) {
  const std::string broken = why_not_whole_xml(bytes);
  if (!broken.empty()) return not_whole(root, broken);
  const OtherKind& kind = *other_kind_named(root);
  const std::string not_one = kind.why_not_one(bytes, path);
  if (not_one.empty()) return {};
  return "starts as mammocalc's " + std::string(kind.what) + " but is not one (" + not_one +
         "): neither a readable " + kind.what + " nor an annotation file";
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// ".xml" in any case: "NOTES.XML" saved from a Windows share is an annotation file too, never one
// passed over silently.
bool has_xml_extension(const std::string& name) {
  const std::string lower = lower_case(name);
  return lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".xml") == 0;
}

// A name that holds ".xml" not at its end: what editors, backups and copies make of an
// annotation file's name (notes.xml.bak, notes.xml~, #notes.xml#, notes.xml.1, notes.xml.gz).
bool is_copy_of_xml_name(const std::string& name) {
  const std::string lower = lower_case(name);
  const std::size_t at = lower.find(".xml");
  return at != std::string::npos && !has_xml_extension(name);
}

// Whether a file's first bytes are those of an XML document: '<' after a UTF-8 byte order mark
// and white space, or a UTF-16 byte order mark.
bool starts_as_xml(const std::string& head) {
  if (head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0) return true;
  const std::size_t start = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  const std::size_t at = head.find_first_not_of(" \t\r\n", start);
  return at != std::string::npos && head[at] == '<';
}

enum class EntryKind {
  XmlFile,            // a *.xml entry that is no directory: an annotation file
  XmlNamedDirectory,  // a directory, or a symlink to one, named *.xml
  Subdirectory,       // any other directory but a hidden one
  OtherFile,          // anything else: a backup or editor copy, a file under another name
};

struct Entry {
  std::string path;
  std::string name;
  EntryKind kind;
};

// The entries of an annotation directory a run looks at, sorted by name. Hidden directories
// (.git, .snapshot, a desktop's .Trash-1000) are the tools' own, never where an annotation is
// saved; hidden files are looked at as any file is (.notes.xml is an annotation file).
std::vector<Entry> entries_of(const std::string& directory) {
  std::vector<Entry> entries;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    std::error_code type_error;
    const bool is_directory = it->is_directory(type_error);  // through a symlink too
    EntryKind kind = EntryKind::OtherFile;
    if (has_xml_extension(name)) {
      kind = is_directory ? EntryKind::XmlNamedDirectory : EntryKind::XmlFile;
    } else if (is_directory) {
      if (name.rfind('.', 0) == 0) continue;
      kind = EntryKind::Subdirectory;
    }
    entries.push_back({it->path().string(), std::move(name), kind});
  }
  if (error) {
    throw Error(ErrorCode::InvalidAnnotation,
                directory + ": cannot be listed (" + error.message() + ")");
  }
  // Deterministic order of application: it decides only which value a summary shows, as every
  // file is a source of its own (annotation_merge: disagreements warn, every reading counts);
  // and the notes of entries not read come in this order.
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return entries;
}

AnnotationDirectoryEntry not_read(std::string note) {
  AnnotationDirectoryEntry reading;
  reading.kind = AnnotationDirectoryEntry::Kind::NotRead;
  reading.note = std::move(note);
  return reading;
}

constexpr const char* kFileSkipped = " (file in annotation directory skipped)";

// A *.xml file: read as an annotation file, or said why not.
AnnotationDirectoryEntry read_xml_file(const std::string& path) {
  // Opened once, its type checked on the descriptor and read from it, then parsed from those
  // bytes: a check by path and an open by path again let a FIFO swapped in between block the run
  // (a serve worker for ever).
  const AnnotationFile read = read_annotation_file(path);
  if (!read.unreadable.empty()) return not_read(read.unreadable + kFileSkipped);
  const XmlRoot root = xml_root_of(read.bytes);
  // mammocalc's own other kinds (a site profile, a summary…) are not the annotations' business;
  // anything else is a file the run did not read, which is said.
  if (is_other_mammocalc_kind(root)) {
    const std::string not_one = why_not_that_kind(root, read.bytes, path);
    if (not_one.empty()) return {};
    return not_read(path + ": " + not_one + kFileSkipped);
  }
  if (root.name != kAnnotationsRoot) {
    return not_read(path + ": " + why_not_annotations(root, read.bytes) + kFileSkipped);
  }
  AnnotationsReading parsed = parse_annotation_file(read);
  if (!parsed.problems.empty()) return not_read(parsed.problems.front() + kFileSkipped);
  AnnotationDirectoryEntry reading;
  reading.kind = AnnotationDirectoryEntry::Kind::Annotations;
  reading.annotations = std::move(parsed.annotations);
  return reading;
}

// A file under another name than *.xml. Only *.xml files are read as annotation files (a backup
// read as one would be a second, older reading of the finding), but a copy of an annotation
// file's name, or any file that starts as XML, may be a radiologist's annotation saved under a
// name the run does not read: said, never passed over. Files that do not start as XML and have
// no such name (README.txt, a CSV list, .DS_Store) cannot be annotation files: flagging them
// would put every exam to review for a note to the staff, and teach a site to ignore the
// warning.
AnnotationDirectoryEntry read_other_file(const std::string& path, const std::string& name) {
  // Only the head, unless it is an annotation file's or one of mammocalc's other kinds (passed
  // over only when whole): then the whole of it, through the same descriptor (what was looked at
  // is what is parsed).
  const AnnotationFile file = read_annotation_file_head(path, [](const std::string& head) {
    if (!starts_as_xml(head)) return false;
    const XmlRoot root = xml_root_of(head);
    return root.name == kAnnotationsRoot || is_other_mammocalc_kind(root);
  });
  if (!file.unreadable.empty()) {
    // What it holds cannot be known, so neither can whose annotation it may be.
    return not_read(file.unreadable +
                    "; its name does not end in .xml, but what it holds cannot be known" +
                    kFileSkipped);
  }
  const bool copy = is_copy_of_xml_name(name);
  const bool xml = starts_as_xml(file.bytes);
  if (!xml && !copy) return {};
  const XmlRoot root = xml_root_of(file.bytes);
  const auto said = [&](const std::string& holds) {
    return not_read(
        path + ": " +
        (copy ? "a backup or editor copy of an annotation file" : "a file that starts as XML") +
        " (" + holds +
        "), not read: annotation files are read only under names ending in .xml "
        "(rename it if it is the annotation to read, or remove it)" +
        kFileSkipped);
  };
  if (!xml) return said(file.bytes.empty() ? "empty" : "not XML");
  if (is_other_mammocalc_kind(root)) {
    const std::string not_one = why_not_that_kind(root, file.bytes, path);
    if (not_one.empty()) return {};
    return said(not_one);
  }
  if (root.name != kAnnotationsRoot) return said(why_not_annotations(root, file.bytes));
  AnnotationsReading parsed = parse_annotation_file(file);
  if (!parsed.problems.empty()) {
    return said("not a valid annotation file: " + parsed.problems.front());
  }
  AnnotationDirectoryEntry reading = said("a valid annotation file");
  reading.annotations = std::move(parsed.annotations);
  reading.holds_valid_annotations = true;
  return reading;
}

AnnotationDirectoryEntry read_entry(const Entry& entry, const std::string& directory) {
  const std::string not_recursed = " (annotation files are read from " + directory +
                                   " itself, never from its subdirectories; entry in annotation "
                                   "directory skipped)";
  switch (entry.kind) {
    case EntryKind::XmlFile:
      return read_xml_file(entry.path);
    case EntryKind::XmlNamedDirectory:
      return not_read(entry.path + ": a directory named like an annotation file, not read" +
                      not_recursed);
    case EntryKind::Subdirectory:
      // A site may keep a folder per study: this SR's annotation may be in it.
      return not_read(entry.path + ": a subdirectory, not read" + not_recursed);
    case EntryKind::OtherFile:
      return read_other_file(entry.path, entry.name);
  }
  return {};
}

}  // namespace

AnnotationDirectory read_annotation_directory(const std::string& directory) {
  AnnotationDirectory read{directory, {}};
  for (const Entry& entry : entries_of(directory)) {
    AnnotationDirectoryEntry reading = read_entry(entry, directory);
    reading.path = entry.path;
    reading.identity = file_identity(entry.path);
    if (reading.kind != AnnotationDirectoryEntry::Kind::NotTheirs) {
      read.entries.push_back(std::move(reading));
    }
  }
  return read;
}

void AppliedAnnotations::apply(const Annotations& annotations,
                               const std::optional<FileIdentity>& identity, Findings& findings) {
  if (identity && !files_.insert(*identity).second) return;
  const auto copy = std::find_if(contents_.begin(), contents_.end(), [&](const auto& applied) {
    return !annotations.content.empty() && applied.second == annotations.content;
  });
  if (copy != contents_.end()) {
    findings.notes.push_back(
        {WarningCode::AnnotationDuplicate,
         annotations.file + ": says the same as " + copy->first +
             " (the same content, however laid out), which was applied: not applied again, so "
             "that its findings count once (remove the copy that is not meant to stay)",
         ""});
    return;
  }
  merge_annotations(annotations, findings);
  contents_.emplace_back(annotations.file, annotations.content);
}

bool taken_by_an_input(const Annotations& annotations, const std::vector<AnnotatedInput>& inputs) {
  // A file of the study that names no SR is the study's SRs' (hostile review 81: given by name,
  // it failed every other study of the batch).
  return std::any_of(inputs.begin(), inputs.end(), [&](const AnnotatedInput& input) {
    return (annotations.sop_instance_uid.empty() ||
            input.sop_instance_uid == annotations.sop_instance_uid) &&
           input.study_instance_uid == annotations.study_instance_uid &&
           (annotations.accession_number.empty() || input.accession_number.empty() ||
            input.accession_number == annotations.accession_number);
  });
}

void apply_annotation_directory(const AnnotationDirectory& directory, Findings& findings,
                                AppliedAnnotations& applied,
                                const std::vector<AnnotatedInput>& inputs) {
  const std::string& study = findings.source.study_instance_uid;
  const bool valid_study = is_uid(study);
  std::size_t annotation_files = 0;
  for (const AnnotationDirectoryEntry& reading : directory.entries) {
    if (reading.kind == AnnotationDirectoryEntry::Kind::NotRead) {
      // A valid annotation file of another study cannot hold this study's annotation, whatever
      // its name: as for *.xml files, it is that study's business (said on standard error).
      const bool another_study = reading.holds_valid_annotations && valid_study &&
                                 reading.annotations.study_instance_uid != study;
      if (!another_study) {
        findings.notes.push_back({WarningCode::AnnotationSkipped, reading.note, ""});
      }
      continue;
    }
    ++annotation_files;
    if (reading.annotations.study_instance_uid != study) continue;
    const std::string& made_on = reading.annotations.sop_instance_uid;
    const std::string& sr = findings.source.sop_instance_uid;
    // Made on another SR that an input of this same run takes (the report's and the CAD's SR of
    // a study in one batch): applied there, so nothing of it vanishes, and it is none of this
    // exam's business (hostile review 29, H29-7). One the run does not hold is said below.
    if (!made_on.empty() && made_on != sr && taken_by_an_input(reading.annotations, inputs)) {
      continue;
    }
    // This study's file with another accession number is inconsistent, not another SR's: a
    // file given by name is an error, but one file in a shared directory must not fail every SR
    // of the study (hostile review 28, H28-9). Skipped and said (E12); the numbers not quoted.
    const std::string& accession = reading.annotations.accession_number;
    if (!accession.empty() && !findings.source.accession_number.empty() &&
        accession != findings.source.accession_number) {
      findings.notes.push_back({WarningCode::AnnotationSkipped,
                                reading.path +
                                    ": this study's annotation file with another accession number "
                                    "(study/@accessionNumber differs from this SR's): not applied",
                                ""});
      continue;
    }
    // A file of this study made on another of its SRs (the report's and the CAD's, a report and
    // its addendum) is that SR's, as another study's file is that study's (hostile review 27,
    // H27-17): never an error for this SR. It is not applied, but said in this exam's summary
    // for review (E17): a sopInstanceUid mistyped by one digit names no SR at all, and its
    // finding must not vanish behind a benign exam (hostile review 28, H28-5). The other SR's
    // UID is not quoted: --pseudonymize could not replace it (H28-8).
    if (made_on.empty() || made_on == sr) {
      applied.apply(reading.annotations, reading.identity, findings);
      continue;
    }
    std::string note = reading.path;
    note += is_uid(sr) ? ": made on another SR of this study (its sopInstanceUid is not this SR's)"
                       : ": made on an SR of this study; this SR has no valid SOP Instance UID, "
                         "so whether it is the one annotated cannot be told";
    note += "; not applied to this exam: check that it is the other SR's annotation";
    // Where this SR's own UID is not valid the file may be this SR's: it was not applied, as an
    // unreadable file (E12).
    findings.notes.push_back(
        {is_uid(sr) ? WarningCode::AnnotationOtherSr : WarningCode::AnnotationSkipped,
         std::move(note), ""});
  }
  // An SR without a valid Study Instance UID matches no file, and any of them may have been its
  // annotations: said, never a clean summary (hostile review 25, F9).
  if (annotation_files > 0 && !valid_study) {
    findings.notes.push_back(
        {WarningCode::AnnotationSkipped,
         directory.path + ": the SR has no valid Study Instance UID (\"" + study +
             "\"), so none of the directory's annotation files can be matched to it "
             "(directory not applied)",
         ""});
  }
}

std::vector<std::string> unread_entries(const AnnotationDirectory& directory) {
  std::vector<std::string> lines;
  for (const AnnotationDirectoryEntry& reading : directory.entries) {
    if (reading.kind == AnnotationDirectoryEntry::Kind::NotRead) lines.push_back(reading.note);
  }
  return lines;
}

}  // namespace mammocalc
