// The DCMTK bridge (Orthanc's FromDcmtkBridge is the model): DCMTK types never leave this file.
// Bytes → DcmFileFormat → SOP class check → DSRDocument (strict) → plain SrDocument.

#include "dicom/sr_reader.hpp"

#include <algorithm>

#include <array>
#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.hpp"
#include "base/uid.hpp"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcdict.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcistrmf.h"
#include "dcmtk/dcmdata/dcmetinf.h"
#include "dcmtk/dcmdata/dcobject.h"
#include "dcmtk/dcmdata/dcsequen.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmsr/dsrcodtn.h"
#include "dcmtk/dcmsr/dsrcomtn.h"
#include "dcmtk/dcmsr/dsrdoc.h"
#include "dcmtk/dcmsr/dsrimgtn.h"
#include "dcmtk/dcmsr/dsrnumtn.h"
#include "dcmtk/dcmsr/dsrreftn.h"
#include "dcmtk/dcmsr/dsrtextn.h"
#include "dcmtk/dcmsr/dsruidtn.h"
#include "dicom/memory_file.hpp"
#include "dicom/sequence_items.hpp"

namespace mammocalc {
namespace {

// domain.md §4: the SR storage classes a breast-imaging report or CAD SR may use.
constexpr std::array<const char*, 6> kAcceptedSopClasses{
    UID_BasicTextSRStorage,       UID_EnhancedSRStorage,   UID_ComprehensiveSRStorage,
    UID_Comprehensive3DSRStorage, UID_ExtensibleSRStorage, UID_MammographyCADSRStorage,
};

// Content trees deeper than this are refused before we recurse into them; real breast reports
// are about 8 levels deep.
constexpr int kMaxContentDepth = 64;

std::string sop_class_label(const std::string& uid) {
  // One that is no valid UID is not repeated: it may hold anything, a patient's name too
  // (hostile review 54, H54-7).
  if (!is_uid(uid)) return "(not a valid UID)";
  const char* name = dcmFindNameOfUID(uid.c_str(), nullptr);
  return name ? uid + " (" + name + ")" : uid;
}

std::string get_string(DcmItem& item, const DcmTagKey& tag) {
  OFString value;
  if (item.findAndGetOFStringArray(tag, value).good()) return value.c_str();
  return {};
}

// A flag as given, empty or with several values too (each is said, none is taken for COMPLETE or
// FINAL); none when the element is absent.
std::optional<std::string> get_flag(DcmItem& item, const DcmTagKey& tag) {
  if (!item.tagExists(tag)) return std::nullopt;
  return get_string(item, tag);
}

Code to_code(const DSRCodedEntryValue& entry) {
  return Code{entry.getCodeValue().c_str(), entry.getCodingSchemeDesignator().c_str(),
              entry.getCodeMeaning().c_str()};
}

Relationship to_relationship(DSRTypes::E_RelationshipType type) {
  switch (type) {
    case DSRTypes::RT_isRoot:
      return Relationship::Root;
    case DSRTypes::RT_contains:
      return Relationship::Contains;
    case DSRTypes::RT_hasObsContext:
      return Relationship::HasObsContext;
    case DSRTypes::RT_hasAcqContext:
      return Relationship::HasAcqContext;
    case DSRTypes::RT_hasConceptMod:
      return Relationship::HasConceptMod;
    case DSRTypes::RT_hasProperties:
      return Relationship::HasProperties;
    case DSRTypes::RT_inferredFrom:
      return Relationship::InferredFrom;
    case DSRTypes::RT_selectedFrom:
      return Relationship::SelectedFrom;
    default:
      return Relationship::Other;
  }
}

ValueType to_value_type(DSRTypes::E_ValueType type) {
  switch (type) {
    case DSRTypes::VT_Container:
      return ValueType::Container;
    case DSRTypes::VT_Code:
      return ValueType::Code;
    case DSRTypes::VT_Num:
      return ValueType::Num;
    case DSRTypes::VT_Text:
      return ValueType::Text;
    case DSRTypes::VT_Date:
      return ValueType::Date;
    case DSRTypes::VT_Time:
      return ValueType::Time;
    case DSRTypes::VT_DateTime:
      return ValueType::DateTime;
    case DSRTypes::VT_PName:
      return ValueType::PersonName;
    case DSRTypes::VT_UIDRef:
      return ValueType::UidRef;
    case DSRTypes::VT_Composite:
      return ValueType::Composite;
    case DSRTypes::VT_Image:
      return ValueType::Image;
    case DSRTypes::VT_Waveform:
      return ValueType::Waveform;
    case DSRTypes::VT_SCoord:
      return ValueType::Scoord;
    case DSRTypes::VT_SCoord3D:
      return ValueType::Scoord3D;
    case DSRTypes::VT_TCoord:
      return ValueType::Tcoord;
    case DSRTypes::VT_byReference:
      return ValueType::ByReference;
    default:
      return ValueType::Other;
  }
}

// A Decimal String with one value, whole: leading and trailing blanks are allowed (DS pads),
// nothing else. "12abc", two values ("1\2"), "NaN" and "inf" are no number: the reader says so
// where the value is used (W10), never takes a part of it (hostile review 50, H50-4).
std::optional<double> parse_decimal(const OFString& text) {
  std::istringstream stream(text.c_str());
  stream.imbue(std::locale::classic());
  double value = 0.0;
  stream >> value;
  if (stream.fail() || !std::isfinite(value)) return std::nullopt;
  stream >> std::ws;
  if (!stream.eof()) return std::nullopt;
  return value == 0.0 ? 0.0 : value;  // "-0" is 0, never written as "-0"
}

using ReaderWarnings = std::vector<std::pair<WarningCode, std::string>>;

// A TEXT value whole: DCMTK keeps the value's full length, but a NUL byte inside it ends it for
// anything that reads it as a C string, and the words after it would be lost unseen. NULs are
// read as blanks, and the repair is said.
std::string whole_text(const OFString& value, const std::string& position,
                       ReaderWarnings& warnings) {
  std::string text(value.data(), value.length());
  const std::size_t nuls = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0'));
  if (nuls == 0) return text;
  std::replace(text.begin(), text.end(), '\0', ' ');
  warnings.emplace_back(WarningCode::TextRepaired,
                        "text item " + position + " held " + std::to_string(nuls) +
                            " NUL byte(s), read as blanks so that the text after them is read");
  return text;
}

// Whether another representation of a NUM value is the same number (DS holds 16 characters).
bool same_number(double other, double value) {
  return std::isfinite(other) && std::fabs(other - value) <= 1e-6 * std::max(1.0, std::fabs(value));
}

// A NUM item's value and unit. A qualifier says the number is no valid measurement ("Value out of
// range"), and a floating point or rational value is the same number more precisely: one that
// disagrees leaves the measurement unknown. None is taken silently (hostile review 51, H51-5);
// `number` stays empty and `number_text` says why.
void copy_number(const DSRNumTreeNode& num, ContentItem& item) {
  item.number = parse_decimal(num.getNumericValue());
  item.number_text = num.getNumericValue().c_str();
  item.unit = to_code(num.getMeasurementUnit());
  const DSRCodedEntryValue& qualifier = num.getNumericValueQualifier();
  if (!qualifier.getCodeValue().empty() || !qualifier.getCodeMeaning().empty()) {
    item.number.reset();
    item.number_text += " qualified as " + describe(to_code(qualifier));
  }
  Float64 precise = 0.0;
  if (item.number && num.getFloatingPointRepresentation(precise).good() &&
      !same_number(precise, *item.number)) {
    item.number.reset();
    item.number_text += " with the floating point value " + std::to_string(precise);
  }
  Sint32 numerator = 0;
  Uint32 denominator = 0;
  if (item.number && num.getRationalRepresentation(numerator, denominator).good() &&
      (denominator == 0 ||
       !same_number(static_cast<double>(numerator) / denominator, *item.number))) {
    item.number.reset();
    item.number_text +=
        " with the rational value " + std::to_string(numerator) + "/" + std::to_string(denominator);
  }
}

void copy_value(const DSRDocumentTreeNode& node, ContentItem& item, ReaderWarnings& warnings) {
  switch (node.getValueType()) {
    case DSRTypes::VT_Code:
      item.code = to_code(static_cast<const DSRCodeTreeNode&>(node));
      break;
    case DSRTypes::VT_Num: {
      copy_number(static_cast<const DSRNumTreeNode&>(node), item);
      break;
    }
    case DSRTypes::VT_Text:
      item.text =
          whole_text(static_cast<const DSRTextTreeNode&>(node).getValue(), item.position, warnings);
      break;
    case DSRTypes::VT_UIDRef:  // mammocalc's device observer UID tells its own SRs (own_sr)
      item.text = static_cast<const DSRUIDRefTreeNode&>(node).getValue().c_str();
      break;
    case DSRTypes::VT_Image:
      item.referenced_sop_instance =
          static_cast<const DSRImageTreeNode&>(node).getSOPInstanceUID().c_str();
      break;
    case DSRTypes::VT_Composite:
      item.referenced_sop_instance =
          static_cast<const DSRCompositeTreeNode&>(node).getSOPInstanceUID().c_str();
      break;
    case DSRTypes::VT_byReference:
      item.referenced_position =
          static_cast<const DSRByReferenceTreeNode&>(node).getReferencedContentItem().c_str();
      break;
    default:
      break;
  }
}

// Every code of a Concept Code Sequence that holds more than one item, by content item position:
// DCMTK keeps only the first (it only logs "ConceptCodeSequence #items != 1"), and every item
// counts (decision-logic.md §1).
// Every code of a Concept Code Sequence whose first item has no Code Value either: DCMTK reads
// such a code as empty, and a warning about it would quote nothing; the scheme and meaning the
// item carried are kept, with the value left empty (hostile review 26, H26-12).
// Every Numeric Value with more than one value, whole ("1\2"): DCMTK reads the first only, and a
// distance taken in part could change the biopsy type unseen (hostile review 50, H50-4).
struct MoreCodes {
  std::map<std::string, std::vector<Code>> by_position;
  std::map<std::string, Code> without_value;           // by position
  std::map<std::string, std::string> numbers_in_full;  // by position
};

void collect_more_codes(DcmItem& item, const std::string& position, int depth, MoreCodes& out) {
  if (depth > kMaxContentDepth) return;  // copy_children refuses such a tree
  DcmSequenceOfItems* codes = nullptr;
  if (item.findAndGetSequence(DCM_ConceptCodeSequence, codes).good() && codes != nullptr &&
      codes->card() == 1 && codes->getItem(0) != nullptr) {
    DcmItem& code = *codes->getItem(0);
    if (get_string(code, DCM_CodeValue).empty() && get_string(code, DCM_LongCodeValue).empty() &&
        get_string(code, DCM_URNCodeValue).empty()) {
      out.without_value[position] =
          Code{"", get_string(code, DCM_CodingSchemeDesignator), get_string(code, DCM_CodeMeaning)};
    }
  }
  if (item.findAndGetSequence(DCM_ConceptCodeSequence, codes).good() && codes != nullptr &&
      codes->card() > 1) {
    std::vector<Code>& all = out.by_position[position];
    for (unsigned long i = 0; i < codes->card(); ++i) {
      DcmItem* code = codes->getItem(i);
      if (code == nullptr) continue;
      all.push_back({get_string(*code, DCM_CodeValue),
                     get_string(*code, DCM_CodingSchemeDesignator),
                     get_string(*code, DCM_CodeMeaning)});
    }
  }
  DcmItem* measured = nullptr;
  DcmElement* number = nullptr;
  if (item.findAndGetSequenceItem(DCM_MeasuredValueSequence, measured, 0).good() &&
      measured != nullptr && measured->findAndGetElement(DCM_NumericValue, number).good() &&
      number != nullptr && number->getVM() > 1) {
    OFString whole;
    number->getOFStringArray(whole);
    out.numbers_in_full[position] = whole.c_str();
  }
  DcmSequenceOfItems* children = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, children).bad() || children == nullptr) return;
  for_each_item(*children, [&](DcmItem& child, unsigned long index) {
    collect_more_codes(child, position + "." + std::to_string(index + 1), depth + 1, out);
  });
}

// The code items one CODE item is read as: itself, and where its Concept Code Sequence held more
// codes (`more`, in sequence order, the first being the one DCMTK read), one sibling per further
// code, said in a warning. A tolerant read that skipped items may shift positions: the codes are
// used only where the first is the one DCMTK read.
void add_more_codes(const ContentItem& item, const MoreCodes& more, std::vector<ContentItem>& out,
                    ReaderWarnings& warnings) {
  const auto found = more.by_position.find(item.position);
  if (item.value_type != ValueType::Code || found == more.by_position.end() ||
      found->second.empty() || found->second.front().value != item.code.value ||
      found->second.front().scheme != item.code.scheme) {
    return;
  }
  std::string listed;
  for (const Code& code : found->second) {
    listed += (listed.empty() ? "" : ", ") + describe(code);
  }
  warnings.emplace_back(WarningCode::UnknownCode,
                        "content item " + item.position + " " + describe(item.concept_name) +
                            ": its Concept Code Sequence holds " +
                            std::to_string(found->second.size()) + " codes where one is allowed (" +
                            listed + "); each is read as a value of its own");
  for (std::size_t i = 1; i < found->second.size(); ++i) {
    ContentItem copy = item;
    copy.code = found->second[i];
    out.push_back(std::move(copy));
  }
}

// Copies the children of the node under `cursor`; depth is checked before a level is entered.
void copy_children(const DSRDocumentTreeNodeCursor& parent_cursor,
                   const std::string& parent_position, int depth, std::vector<ContentItem>& out,
                   const std::string& name, const MoreCodes& more, ReaderWarnings& warnings) {
  DSRDocumentTreeNodeCursor cursor(parent_cursor);
  if (cursor.gotoChild() == 0) return;
  if (depth > kMaxContentDepth) {
    throw Error(ErrorCode::InvalidSrDocument, name + ": content tree nested deeper than " +
                                                  std::to_string(kMaxContentDepth) + " levels");
  }
  int index = 0;
  do {
    const DSRDocumentTreeNode* node = cursor.getNode();
    if (node == nullptr) break;
    ContentItem item;
    item.position = parent_position + "." + std::to_string(++index);
    item.relationship = to_relationship(node->getRelationshipType());
    item.value_type = to_value_type(node->getValueType());
    item.concept_name = to_code(node->getConceptName());
    copy_value(*node, item, warnings);
    const auto without_value = more.without_value.find(item.position);
    // Only where DCMTK read the code as empty: a tolerant read that skipped items may shift
    // positions, and a code DCMTK did read is never replaced.
    if (item.value_type == ValueType::Code && item.code.value.empty() &&
        item.code.meaning.empty() && without_value != more.without_value.end()) {
      item.code = without_value->second;
    }
    const auto number_in_full = more.numbers_in_full.find(item.position);
    if (item.value_type == ValueType::Num && number_in_full != more.numbers_in_full.end()) {
      item.number.reset();  // more than one value is not one number (findings says so)
      item.number_text = number_in_full->second;
    }
    copy_children(cursor, item.position, depth + 1, item.children, name, more, warnings);
    std::vector<ContentItem> more_items;
    add_more_codes(item, more, more_items, warnings);
    out.push_back(std::move(item));
    std::move(more_items.begin(), more_items.end(), std::back_inserter(out));
  } while (cursor.gotoNext() != 0);
}

// The input is staged as a MemoryFile DCMTK can reopen: values longer than kDeferredValueBytes
// are then loaded only when used, so a corrupt or hostile length field can never make DCMTK
// allocate gigabytes, while long real values still load on demand.
constexpr Uint32 kDeferredValueBytes = 65536;

// Parses the staged input into `file`, up to `stop_before` when given (DCM_UndefinedTagKey:
// everything).
void parse_dicom(const MemoryFile& input, const std::string& name, DcmFileFormat& file,
                 const DcmTagKey& stop_before) {
  if (!dcmDataDict.isDictionaryLoaded()) {
    throw Error(ErrorCode::ToolkitSetup,
                name + ": the DICOM data dictionary is not loaded (check DCMDICTPATH)");
  }
  DcmInputFileStream stream(input.path().c_str());
  if (stream.status().bad()) {
    throw Error(ErrorCode::NotDicom, name + ": cannot be read (" + stream.status().text() + ")");
  }
  file.transferInit();
  const OFCondition status =
      file.readUntilTag(stream, EXS_Unknown, EGL_noChange, kDeferredValueBytes, stop_before);
  file.transferEnd();
  if (status.bad()) {
    throw Error(ErrorCode::NotDicom, name + ": not a readable DICOM file (" + status.text() + ")");
  }
}

void refuse_unaccepted_sop_class(const std::string& sop_class, const std::string& name) {
  if (sop_class.empty()) {
    throw Error(ErrorCode::NotDicom, name + ": not a DICOM object (no SOP Class UID)");
  }
  if (!is_accepted_sop_class(sop_class)) throw unread_sop_class_error(sop_class, name);
  // An SR class the toolkit does not implement (DCMTK 3.6.7: Extensible SR) is said as such,
  // never as damaged content (hostile review 53, H53-5).
  if (!DSRTypes::isDocumentTypeSupported(DSRTypes::sopClassUIDToDocumentType(sop_class.c_str()))) {
    throw Error(ErrorCode::InvalidSrDocument, name + ": SOP Class " + sop_class_label(sop_class) +
                                                  " cannot be read: the DICOM toolkit (DCMTK " +
                                                  OFFIS_DCMTK_VERSION_STRING +
                                                  ") does not implement it");
  }
}

// Objects we do not accept (images with pathological sequences among them) are refused before
// DCMTK's recursive parser sees all of them: by the SOP class the structure walk read, or where
// the walk did not reach it, by reading only the start of the dataset.
// A breast imaging report's content (root concept (111400, DCM) or (111036, DCM)) under an SR
// class that is no report's (a key object's or a dose report's UID put on it): a damaged
// report, failed, never skipped in silence as other SR documents are (hostile review 46, H46-9).
// Read only up to the content tree.
void refuse_breast_report_of_another_class(const MemoryFile& input, const std::string& name,
                                           const std::string& sop_class) {
  if (is_accepted_sop_class(sop_class) || sop_class.rfind("1.2.840.10008.5.1.4.1.1.88.", 0) != 0) {
    return;
  }
  DcmFileFormat head;
  try {
    parse_dicom(input, name, head, DCM_ContentSequence);
  } catch (const Error&) {
    return;  // said as the SOP class's refusal
  }
  DcmItem* concept = nullptr;
  if (head.getDataset()->findAndGetSequenceItem(DCM_ConceptNameCodeSequence, concept, 0).bad() ||
      concept == nullptr) {
    return;
  }
  const std::string value = get_string(*concept, DCM_CodeValue);
  const std::string scheme = get_string(*concept, DCM_CodingSchemeDesignator);
  if (scheme != "DCM" || (value != "111400" && value != "111036")) return;
  throw Error(ErrorCode::InvalidSrDocument,
              name + ": a breast imaging report (root concept (" + value +
                  ", DCM)) under SOP Class " + sop_class_label(sop_class) +
                  ", which is no report's: a damaged report, not read");
}

void check_sop_class(const MemoryFile& input, const std::string& name,
                     const std::string& walked_sop_class) {
  if (!walked_sop_class.empty()) {
    refuse_breast_report_of_another_class(input, name, walked_sop_class);
    refuse_unaccepted_sop_class(walked_sop_class, name);
    return;
  }
  DcmFileFormat head;
  parse_dicom(input, name, head, DCM_SOPInstanceUID);
  const std::string sop_class = get_string(*head.getDataset(), DCM_SOPClassUID);
  // A DICOMDIR has no SOP Class UID in its dataset, only in its meta header (PS3.10 7.2).
  if (sop_class.empty() && get_string(*head.getMetaInfo(), DCM_MediaStorageSOPClassUID) ==
                               UID_MediaStorageDirectoryStorage) {
    throw Error(ErrorCode::DicomDirectory, name + ": " + kDicomDirectoryReason);
  }
  refuse_breast_report_of_another_class(input, name, sop_class);
  refuse_unaccepted_sop_class(sop_class, name);
}

// The codes of the items of a code sequence (Performed Procedure Code Sequence and the like).
void add_codes(DcmItem& holder, const DcmTagKey& sequence, std::vector<Code>& codes) {
  DcmItem* item = nullptr;
  for (long i = 0; holder.findAndGetSequenceItem(sequence, item, i).good() && item != nullptr;
       ++i) {
    codes.push_back({get_string(*item, DCM_CodeValue),
                     get_string(*item, DCM_CodingSchemeDesignator),
                     get_string(*item, DCM_CodeMeaning)});
  }
}

// The procedure the report is about, from the SR Document General module and the request.
void read_procedure(DcmDataset& dataset, SrHeader& header) {
  header.body_part_examined = get_string(dataset, DCM_BodyPartExamined);
  header.series_description = get_string(dataset, DCM_SeriesDescription);
  add_codes(dataset, DCM_PerformedProcedureCodeSequence, header.procedure_codes);
  add_codes(dataset, DCM_ProcedureCodeSequence, header.procedure_codes);
  DcmItem* request = nullptr;
  for (long i = 0;
       dataset.findAndGetSequenceItem(DCM_ReferencedRequestSequence, request, i).good() &&
       request != nullptr;
       ++i) {
    add_codes(*request, DCM_RequestedProcedureCodeSequence, header.procedure_codes);
    const std::string description = get_string(*request, DCM_RequestedProcedureDescription);
    if (!description.empty()) header.procedure_descriptions.push_back(description);
  }
}

SrHeader read_header(DcmDataset& dataset) {
  SrHeader header;
  header.sop_class_uid = get_string(dataset, DCM_SOPClassUID);
  header.sop_instance_uid = get_string(dataset, DCM_SOPInstanceUID);
  header.study_instance_uid = get_string(dataset, DCM_StudyInstanceUID);
  header.accession_number = get_string(dataset, DCM_AccessionNumber);
  header.study_date = get_string(dataset, DCM_StudyDate);
  header.series_instance_uid = get_string(dataset, DCM_SeriesInstanceUID);
  header.study_time = get_string(dataset, DCM_StudyTime);
  header.content_date = get_string(dataset, DCM_ContentDate);
  header.content_time = get_string(dataset, DCM_ContentTime);
  header.patient_id = get_string(dataset, DCM_PatientID);
  header.patient_name = get_string(dataset, DCM_PatientName);
  header.patient_sex = get_string(dataset, DCM_PatientSex);
  header.patient_age = get_string(dataset, DCM_PatientAge);
  header.patient_birth_date = get_string(dataset, DCM_PatientBirthDate);
  header.study_id = get_string(dataset, DCM_StudyID);
  header.study_description = get_string(dataset, DCM_StudyDescription);
  header.referring_physician_name = get_string(dataset, DCM_ReferringPhysicianName);
  header.issuer_of_patient_id = get_string(dataset, DCM_IssuerOfPatientID);
  read_procedure(dataset, header);
  DcmItem* template_item = nullptr;
  if (dataset.findAndGetSequenceItem(DCM_ContentTemplateSequence, template_item, 0).good() &&
      template_item != nullptr) {
    header.template_id = get_string(*template_item, DCM_TemplateIdentifier);
    header.mapping_resource = get_string(*template_item, DCM_MappingResource);
  }
  header.completion_flag = get_flag(dataset, DCM_CompletionFlag);
  header.completion_flag_description = get_string(dataset, DCM_CompletionFlagDescription);
  header.preliminary_flag = get_flag(dataset, DCM_PreliminaryFlag);
  header.manufacturer = get_string(dataset, DCM_Manufacturer);
  DcmItem* equipment = nullptr;
  for (long i = 0;
       dataset.findAndGetSequenceItem(DCM_ContributingEquipmentSequence, equipment, i).good() &&
       equipment != nullptr;
       ++i) {
    header.contributing_equipment.push_back({get_string(*equipment, DCM_Manufacturer),
                                             get_string(*equipment, DCM_ManufacturerModelName)});
  }
  return header;
}

// DCMTK's read tolerances, mildest first (they map to dsr2xml's -Er, -Ev, -Ec, -Ee, -Ei). Each
// is tried only when the stricter reads failed, and each one used is reported.
struct Tolerance {
  size_t flag;
  const char* what;
};
const Tolerance kTolerances[] = {
    {DSRTypes::RF_acceptUnknownRelationshipType, "unknown relationship types accepted"},
    {DSRTypes::RF_acceptInvalidContentItemValue, "invalid content item values accepted"},
    {DSRTypes::RF_ignoreRelationshipConstraints, "IOD relationship constraints ignored"},
    {DSRTypes::RF_ignoreContentItemErrors, "content item errors ignored"},
    {DSRTypes::RF_skipInvalidContentItems, "invalid content items skipped"},
};

// Reads the content tree strictly; where that fails on a recoverable problem, retries with
// growing tolerance and records what was tolerated. Problems no tolerance overcomes (no root
// container, a broken document header) stay fatal, as does any problem in --strict mode.
void read_content_tolerantly(DSRDocument& sr, DcmDataset& dataset, const std::string& name,
                             bool strict, SrDocument& document) {
  const OFCondition strict_status = sr.read(dataset);
  if (strict_status.good()) return;
  if (!strict) {
    size_t flags = 0;
    std::string used;
    for (const Tolerance& tolerance : kTolerances) {
      flags |= tolerance.flag;
      used += (used.empty() ? "" : "; ") + std::string(tolerance.what);
      if (sr.read(dataset, flags).good()) {
        document.reader_warnings.emplace_back(WarningCode::TolerantRead,
                                              std::string("strict reading failed (") +
                                                  strict_status.text() + "); read with: " + used);
        if ((flags & DSRTypes::RF_skipInvalidContentItems) != 0) {
          // What the skipped items said (a report text, an assessment) is not read: never a
          // benign exam on what is left (E8; hostile review 48, H48-12).
          document.reader_warnings.emplace_back(
              WarningCode::ContentSkipped,
              "content items that DCMTK found invalid were skipped to read the SR; what they said "
              "(report text, a finding, an assessment) is not read: compare the summary with the "
              "report");
        }
        return;
      }
    }
  }
  throw Error(ErrorCode::InvalidSrDocument,
              name + ": SR content cannot be read (" + strict_status.text() + ")");
}

// The instances of both evidence sequences, in document order.
void read_evidence(DSRDocument& sr, std::vector<EvidenceReference>& evidence) {
  for (DSRSOPInstanceReferenceList* list :
       {&sr.getCurrentRequestedProcedureEvidence(), &sr.getPertinentOtherEvidence()}) {
    if (list->gotoFirstItem().bad()) continue;
    do {
      OFString study;
      OFString series;
      OFString sop_class;
      OFString instance;
      evidence.push_back(
          {list->getStudyInstanceUID(study).c_str(), list->getSeriesInstanceUID(series).c_str(),
           list->getSOPClassUID(sop_class).c_str(), list->getSOPInstanceUID(instance).c_str()});
    } while (list->gotoNextItem().good());
  }
}

}  // namespace

bool is_accepted_sop_class(const std::string& sop_class_uid) {
  return std::any_of(kAcceptedSopClasses.begin(), kAcceptedSopClasses.end(),
                     [&](const char* accepted) { return sop_class_uid == accepted; });
}

Error unread_sop_class_error(const std::string& sop_class_uid, const std::string& name) {
  // Key objects, dose reports and other SR-family objects are not errors in a batch, only not
  // ours: they get their own code.
  const bool sr_family = sop_class_uid.rfind("1.2.840.10008.5.1.4.1.1.88.", 0) == 0;
  // One that is no valid UID is not repeated: DCMTK has removed the white space (a newline too)
  // from a UID a peer announced, so it could not be said as sent, escaped.
  const std::string what = is_uid(sop_class_uid)
                               ? "SOP Class " + sop_class_label(sop_class_uid)
                               : std::string("its SOP Class UID is not a valid UID");
  return Error(sr_family ? ErrorCode::OtherSrDocument : ErrorCode::UnsupportedSopClass,
               name + ": not a supported SR document (" + what + ")");
}

std::string read_input_bytes(const std::string& path, std::size_t max_bytes) {
  const auto too_large = [&](const std::string& name) {
    return Error(ErrorCode::LimitExceeded,
                 name + ": larger than the input limit of " + std::to_string(max_bytes) + " bytes");
  };
  // Reads in blocks up to the limit: a file that grows while read, or standard input, can never
  // make us hold more than the limit.
  const auto read_all = [&](std::istream& input, const std::string& name,
                            std::size_t expected_size) {
    std::string bytes;
    bytes.reserve(std::min(expected_size, max_bytes) + 1);
    std::array<char, 65536> block;
    while (input.read(block.data(), block.size()) || input.gcount() > 0) {
      bytes.append(block.data(), static_cast<std::size_t>(input.gcount()));
      if (bytes.size() > max_bytes) throw too_large(name);
    }
    if (input.bad()) {
      throw Error(ErrorCode::FileNotFound,
                  name + ": cannot be read (" + std::strerror(errno) + ")");
    }
    return bytes;
  };
  if (path == "-") return read_all(std::cin, "<stdin>", 0);
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    throw Error(ErrorCode::FileNotFound, path + ": no such file");
  }
  if (std::filesystem::is_directory(status)) {
    throw Error(ErrorCode::FileNotFound, path + ": is a directory, not a file");
  }
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  if (!size_error && size > max_bytes) throw too_large(path);
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw Error(ErrorCode::FileNotFound, cannot_open(path, errno));
  }
  return read_all(input, path, size_error ? 0 : static_cast<std::size_t>(size));
}

bool has_dicom_preamble(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  std::array<char, kPreambleBytes + 4> head{};
  if (!input.read(head.data(), head.size())) return false;
  return std::string_view(head.data() + kPreambleBytes, 4) == "DICM";
}

bool looks_like_dicom(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  std::array<char, kPreambleBytes + 4> head{};
  input.read(head.data(), head.size());
  const auto read = static_cast<std::size_t>(input.gcount());
  const std::string_view start(head.data(), read);
  if (read == head.size() && start.substr(kPreambleBytes, 4) == "DICM") return true;
  if (start.substr(0, 4) == "DICM") return true;
  if (read < 4) return false;
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(head[at]); };
  const unsigned group = byte(0) | static_cast<unsigned>(byte(1)) << 8;
  const unsigned element = byte(2) | static_cast<unsigned>(byte(3)) << 8;
  // The first element of a dataset: a meta header's (0002,0000-0102) or an identifying one's
  // (0008,0000-00FF: Specific Character Set, SOP Class UID …).
  return (group == 0x0002 && element <= 0x0102) || (group == 0x0008 && element <= 0x00FF);
}

std::string media_storage_sop_class(const std::string& path) {
  // The meta header is always explicit VR little endian (PS3.10 7.1): tag, VR, then a 2-byte
  // length, or 2 reserved bytes and a 4-byte length for the VRs that have one.
  std::ifstream input(path, std::ios::binary);
  std::string head(std::size_t{64} * 1024, '\0');
  input.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(input.gcount()));
  if (head.size() < kPreambleBytes + 4 || head.compare(kPreambleBytes, 4, "DICM") != 0) return {};
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(head[at]); };
  const auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(byte(at) | byte(at + 1) << 8);
  };
  std::size_t at = kPreambleBytes + 4;
  while (at + 8 <= head.size() && u16(at) == 0x0002) {
    const unsigned element = u16(at + 2);
    const std::string vr = head.substr(at + 4, 2);
    std::size_t length = 0;
    std::size_t value_at = 0;
    if (vr == "OB" || vr == "OW" || vr == "OF" || vr == "OD" || vr == "OL" || vr == "OV" ||
        vr == "SQ" || vr == "UC" || vr == "UR" || vr == "UT" || vr == "UN" || vr == "SV" ||
        vr == "UV") {
      if (at + 12 > head.size()) return {};
      length = u16(at + 8) | static_cast<std::size_t>(u16(at + 10)) << 16;
      value_at = at + 12;
    } else {
      length = u16(at + 6);
      value_at = at + 8;
    }
    if (length > head.size() - value_at) return {};
    if (element == 0x0002) {
      std::string uid = head.substr(value_at, length);
      while (!uid.empty() && (uid.back() == '\0' || uid.back() == ' ')) uid.pop_back();
      return uid;
    }
    at = value_at + length;
  }
  return {};
}

namespace {

// The walk over the raw encoding, refusing what breaks a limit or is truncated before DCMTK's
// recursive parser sees it.
StructureCheck checked_structure(const std::string& bytes, const std::string& name,
                                 const ReadLimits& limits) {
  StructureCheck structure = check_structure(bytes, limits);
  if (structure.problem == StructureProblem::LimitExceeded) {
    throw Error(ErrorCode::LimitExceeded, name + ": " + structure.reason);
  }
  if (structure.problem == StructureProblem::Truncated) {
    throw Error(ErrorCode::NotDicom,
                name + ": not a readable DICOM file (truncated: " + structure.reason + ")");
  }
  return structure;
}

// The start of a dataset, up to the first element past `stop` (DCMTK stops there): the content
// tree is not parsed. The structure is checked first, as for a full read.
void read_head(const std::string& bytes, const std::string& name, const ReadLimits& limits,
               const DcmTagKey& stop, DcmFileFormat& head) {
  checked_structure(bytes, name, limits);
  MemoryFile input;
  if (!input.append(bytes)) {
    throw Error(ErrorCode::NotDicom,
                name + ": cannot be staged for reading (" + std::strerror(errno) + ")");
  }
  parse_dicom(input, name, head, stop);
}

}  // namespace

SopIdentity read_sop_identity(const std::string& bytes, const std::string& name,
                              const ReadLimits& limits) {
  DcmFileFormat head;
  read_head(bytes, name, limits, DcmTagKey(0x0008, 0x0019), head);  // past (0008,0018)
  DcmDataset& dataset = *head.getDataset();
  return {get_string(dataset, DCM_SOPClassUID), get_string(dataset, DCM_SOPInstanceUID)};
}

StudyIdentity read_study_identity(const std::string& bytes, const std::string& name,
                                  const ReadLimits& limits) {
  DcmFileFormat head;
  read_head(bytes, name, limits, DcmTagKey(0x0020, 0x000E), head);  // past (0020,000D)
  DcmDataset& dataset = *head.getDataset();
  return {{get_string(dataset, DCM_SOPClassUID), get_string(dataset, DCM_SOPInstanceUID)},
          get_string(dataset, DCM_AccessionNumber),
          get_string(dataset, DCM_StudyInstanceUID)};
}

SrDocument read_sr(std::string bytes, const std::string& name, const ReadLimits& limits) {
  const StructureCheck structure = checked_structure(bytes, name, limits);
  // Reads with DCMTK's automatic input correction on (UID padding removed), its default, which
  // start_dicom_toolkit() sets once: flipping the process-wide flag per read would race between
  // the endpoint's worker threads.
  MemoryFile input;
  if (!input.append(bytes)) {
    throw Error(ErrorCode::NotDicom,
                name + ": cannot be staged for reading (" + std::strerror(errno) + ")");
  }
  std::string().swap(bytes);
  check_sop_class(input, name, structure.sop_class_uid);
  SrDocument document;
  DSRDocument sr;
  MoreCodes more_codes;
  {
    DcmFileFormat file;
    parse_dicom(input, name, file, DCM_UndefinedTagKey);
    DcmDataset& dataset = *file.getDataset();
    // Text comes out as UTF-8 whatever the declared character set (plain ASCII already is).
    const OFCondition converted =
        structure.text_needs_conversion ? dataset.convertToUTF8() : OFCondition(EC_Normal);
    if (converted.bad()) {
      document.reader_warnings.emplace_back(
          WarningCode::CharacterSet,
          std::string("character set not converted to UTF-8 (") + converted.text() + ")");
    }
    document.header = read_header(dataset);  // converted to UTF-8 where that succeeded
    // A file meta header that names another object than its dataset (hostile review 77: CT Image
    // Storage over an Enhanced SR passed unsaid): read as the dataset says, and said. The
    // instance UIDs are not quoted (a pseudonymized summary must not carry them).
    DcmMetaInfo& meta = *file.getMetaInfo();
    const std::string meta_class = get_string(meta, DCM_MediaStorageSOPClassUID);
    if (!meta_class.empty() && meta_class != document.header.sop_class_uid) {
      document.reader_warnings.emplace_back(WarningCode::TolerantRead,
                                            "the file meta header gives another SOP Class UID (" +
                                                meta_class + ") than the dataset (" +
                                                document.header.sop_class_uid +
                                                "); read as the dataset says");
    }
    const std::string meta_instance = get_string(meta, DCM_MediaStorageSOPInstanceUID);
    if (!meta_instance.empty() && meta_instance != document.header.sop_instance_uid) {
      document.reader_warnings.emplace_back(WarningCode::TolerantRead,
                                            "the file meta header gives another SOP Instance UID "
                                            "than the dataset; read as the dataset says");
    }
    // DCMTK's reading is what counts, should the walk have read the encoding differently.
    refuse_unaccepted_sop_class(document.header.sop_class_uid, name);
    read_content_tolerantly(sr, dataset, name, limits.strict, document);
    collect_more_codes(dataset, "1", 1, more_codes);
  }  // The dataset goes before the copy below: at most two copies of the content at a time.
  read_evidence(sr, document.header.evidence);
  DSRDocumentTreeNodeCursor cursor;
  if (!sr.getTree().getCursorToRootNode(cursor) || cursor.getNode() == nullptr) {
    throw Error(ErrorCode::InvalidSrDocument, name + ": SR document has no content");
  }
  const DSRDocumentTreeNode* root = cursor.getNode();
  document.root.position = "1";
  document.root.relationship = Relationship::Root;
  document.root.value_type = to_value_type(root->getValueType());
  document.root.concept_name = to_code(root->getConceptName());
  copy_children(cursor, "1", 1, document.root.children, name, more_codes, document.reader_warnings);
  return document;
}

}  // namespace mammocalc
