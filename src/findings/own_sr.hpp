#pragma once
// mammocalc's own SRs (those --dicom-out writes) told apart from radiologists' reports and CAD
// results, by the equipment sr_writer names in them and the coded items and device observer UID
// it puts into their content tree: never by patient data or free text.

#include <string_view>

#include "findings/sr_content.hpp"

namespace mammocalc {

// What sr_writer writes as Manufacturer (0008,0070), both in the General Equipment module and in
// its Contributing Equipment Sequence (0018,A001) item, and as that item's Manufacturer's Model
// Name (0008,1090).
inline constexpr std::string_view kOwnManufacturer = "mammocalc project";
inline constexpr std::string_view kOwnModelName = "mammocalc";

// mammocalc's private coding scheme (PS3.16: designators starting "99" are private): the coded
// review state sr_writer puts into the root container (README "The result back in the PACS").
inline constexpr std::string_view kOwnCodingScheme = "99MAMMOCALC";

// The Device Observer UID (121012, DCM) every SR sr_writer writes names: uid_for_name("mammocalc
// device observer"), a constant here because findings/ links no DCMTK (sr_writer_test checks it).
inline constexpr std::string_view kOwnDeviceObserverUid =
    "2.25.290715673053758130609068492642435390596";

// True when mammocalc wrote the SR: a Contributing Equipment item names mammocalc exactly
// (Manufacturer and Manufacturer's Model Name, the entry a PACS keeps when it adds its own), or
// the General Equipment Manufacturer is mammocalc's exactly.
bool is_written_by_mammocalc(const SrHeader& header);

// True when the header says so (above) or, since a PACS or router may rewrite or strip the
// equipment ("laundered"), when the content tree does: an item the root container holds whose
// concept name is of kOwnCodingScheme, or its Device Observer UID being kOwnDeviceObserverUid.
// Coded concepts and a UID only, never free text or patient data.
bool is_written_by_mammocalc(const SrDocument& document);

}  // namespace mammocalc
