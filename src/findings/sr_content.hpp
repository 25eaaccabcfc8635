#pragma once
// An SR document as plain values: the header attributes mammocalc reads and the content tree.
// dicom/sr_reader fills it from DCMTK; findings/findings_extractor reads the templates from it.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/codes.hpp"
#include "findings/warning_code.hpp"

namespace mammocalc {

enum class ValueType {
  Container,
  Code,
  Num,
  Text,
  Date,
  Time,
  DateTime,
  PersonName,
  UidRef,
  Composite,
  Image,
  Waveform,
  Scoord,
  Scoord3D,
  Tcoord,
  Table,
  ByReference,  // a by-reference relationship; referenced_position names the target
  Other,
};

enum class Relationship {
  Root,
  Contains,
  HasObsContext,
  HasAcqContext,
  HasConceptMod,
  HasProperties,
  InferredFrom,
  SelectedFrom,
  Other,
};

struct ContentItem {
  std::string position;  // "1.2.3" as dsrdump +Pn prints it
  Relationship relationship = Relationship::Root;
  ValueType value_type = ValueType::Other;
  Code concept_name;
  // CODE items. A Concept Code Sequence that holds more than its one item is read as one sibling
  // item per code, all at the same position (every item counts); a reader warning says so.
  Code code;
  std::optional<double> number;         // NUM items: the value, where it is one finite number
  std::string number_text;              // NUM items: the value as given, to say one not read
  Code unit;                            // NUM items
  std::string text;                     // TEXT items; the UID of UIDREF items
  std::string referenced_sop_instance;  // IMAGE / COMPOSITE items
  std::string referenced_position;      // by-reference items
  // A copy of the item a by-reference item points at, standing in its place (the reader of
  // breast imaging reports resolves them so); it keeps its target's position.
  bool copied_by_reference = false;
  std::vector<ContentItem> children;
};

// One instance a document references in its evidence sequences (Current Requested Procedure
// Evidence, Pertinent Other Evidence): images a report or CAD result was made from.
struct EvidenceReference {
  std::string study_instance_uid;
  std::string series_instance_uid;
  std::string sop_class_uid;
  std::string sop_instance_uid;
};

// One item of the Contributing Equipment Sequence (0018,A001): who processed the object.
struct EquipmentEntry {
  std::string manufacturer;  // (0008,0070)
  std::string model_name;    // (0008,1090) Manufacturer's Model Name
};

struct SrHeader {
  std::string sop_class_uid;
  std::string sop_instance_uid;
  std::string study_instance_uid;
  std::string accession_number;
  std::string study_date;
  std::string series_instance_uid;
  std::string study_time;
  std::string content_date;
  std::string content_time;
  std::vector<EvidenceReference> evidence;
  std::string patient_id;
  std::string patient_name;
  std::string patient_sex;
  std::string patient_age;
  std::string patient_birth_date;
  // Study- and patient-level attributes the SR written back repeats, so that every instance of
  // the study agrees (a PACS checks this).
  std::string study_id;
  std::string study_description;
  std::string referring_physician_name;
  std::string issuer_of_patient_id;
  // What the exam was, for deciding whether a report without a breast template is about the
  // breast (decision-logic.md §6.6). Never a laterality source.
  std::string body_part_examined;                   // (0018,0015)
  std::string series_description;                   // (0008,103E)
  std::vector<Code> procedure_codes;                // performed, requested and procedure codes
  std::vector<std::string> procedure_descriptions;  // Requested Procedure Description (0032,1060)
  std::string template_id;                          // Content Template Sequence TID, may be empty
  std::string mapping_resource;
  // The equipment: tells mammocalc's own SRs apart (findings/own_sr.hpp).
  std::string manufacturer;  // General Equipment (0008,0070)
  std::vector<EquipmentEntry> contributing_equipment;
  // What the document says of its own state (SR Document General module): PARTIAL or a
  // PRELIMINARY report says its evidence is incomplete. Verification (UNVERIFIED) is not read.
  // The flags as given (empty or several values too), none when the element is absent.
  std::optional<std::string> completion_flag;   // (0040,A491) COMPLETE or PARTIAL
  std::string completion_flag_description;      // (0040,A492)
  std::optional<std::string> preliminary_flag;  // (0040,A496) PRELIMINARY or FINAL, Type 3
};

struct SrDocument {
  SrHeader header;
  ContentItem root;
  // What the reader had to tolerate, as (warning code, one line): CharacterSet, TolerantRead.
  std::vector<std::pair<WarningCode, std::string>> reader_warnings;
};

}  // namespace mammocalc
