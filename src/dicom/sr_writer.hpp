#pragma once
// Writing the result back as a DICOM Comprehensive SR shaped as a Breast Imaging Report
// (TID 4200), which PACS can store, SR viewers can show and mammocalc reads back with the same
// findings. DCMTK types stay in the .cpp, as everywhere in src/dicom/.

#include <array>
#include <optional>
#include <string>

#include "rules/rules.hpp"

namespace mammocalc {

struct WrittenSr {
  std::string bytes;  // a DICOM file (Part 10), explicit VR little endian
  std::string sop_instance_uid;
  // Its name in a directory, without ".dcm": a name-based UID of the source SOP Instance UID
  // and the rule-set version alone, so one source has one file there, replaced when the source
  // is summarised again (sent again, other annotations), whatever the SR's content.
  std::string file_stem;
};

// The SR for a report. The narrative (TID 4202) uses the same words as the review
// (review/exam_view). Deterministic: the SOP and series instance UIDs
// derive from the source SOP Instance UID, the rule-set version and a digest of the SR's own
// content, so another result for the same source (other annotations, another site profile) gets
// other UIDs (a PACS keeps one object per UID); its file stem from the source SOP Instance UID
// and the rule-set version only. Throws Error(OutputFailed)
// when DCMTK cannot build the document, std::invalid_argument when the report has no source SR
// (an annotation-only run: the runs refuse --dicom-out for it first).
WrittenSr write_report_sr(const Report& report);

// The name (WrittenSr::file_stem) of `report`'s result SR in a directory.
std::string result_sr_file_stem(const Report& report);

// A result SR that write_report_sr made (`sr_bytes`), amended to say what was learnt after it was
// written (another result of its exam, from a later call: hostile review 40, H40-4): its review
// code says review is needed, its impression adds "Warning `code`: `text`." and the sentence
// that every finding needs review, and it gets a SOP Instance UID of its own (its content
// changed; derived from the old one and the new impression, so the same amendment gives the same
// object). Empty when its impression says that warning already, or holds `said_by` (the words
// that name the same other result however it was first said: "earlier" or "later"). Throws
// Error(InvalidSrDocument) when the bytes are no result SR of mammocalc's of the source SR
// `source_sop_instance_uid` (its evidence does not name it).
std::optional<std::string> result_sr_with_warning(const std::string& sr_bytes,
                                                  const std::string& code, const std::string& text,
                                                  const std::string& source_sop_instance_uid,
                                                  const std::string& said_by = "");

// "2.25." followed by the decimal value of a name-based (SHA-1, RFC 4122 version 5) UUID of
// `name`: the same name always gives the same UID (DICOM PS3.5 B.2).
std::string uid_for_name(const std::string& name);

// SHA-1 (FIPS 180-4) of `message`, for uid_for_name.
std::array<unsigned char, 20> sha1(const std::string& message);

// The SHA-1 of `message` in lower-case hexadecimal.
std::string hex_digest(const std::string& message);

}  // namespace mammocalc
