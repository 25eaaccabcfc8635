#pragma once
// mammocalc's own SRs (those --dicom-out writes) told apart from radiologists' reports and CAD
// results, by the equipment sr_writer names in them: never by patient data or content.

#include <string_view>

#include "findings/sr_content.hpp"

namespace mammocalc {

// What sr_writer writes as Manufacturer (0008,0070), both in the General Equipment module and in
// its Contributing Equipment Sequence (0018,A001) item, and as that item's Manufacturer's Model
// Name (0008,1090).
inline constexpr std::string_view kOwnManufacturer = "mammocalc project";
inline constexpr std::string_view kOwnModelName = "mammocalc";

// True when mammocalc wrote the SR: a Contributing Equipment item names mammocalc exactly
// (Manufacturer and Manufacturer's Model Name, the entry a PACS keeps when it adds its own), or
// the General Equipment Manufacturer is mammocalc's exactly.
bool is_written_by_mammocalc(const SrHeader& header);

}  // namespace mammocalc
