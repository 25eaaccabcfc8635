#include "findings/own_sr.hpp"

#include <algorithm>

namespace mammocalc {

bool is_written_by_mammocalc(const SrHeader& header) {
  const auto names_mammocalc = [](const EquipmentEntry& equipment) {
    return equipment.manufacturer == kOwnManufacturer && equipment.model_name == kOwnModelName;
  };
  return header.manufacturer == kOwnManufacturer ||
         std::any_of(header.contributing_equipment.begin(), header.contributing_equipment.end(),
                     names_mammocalc);
}

bool is_written_by_mammocalc(const SrDocument& document) {
  if (is_written_by_mammocalc(document.header)) return true;
  // sr_writer puts both right under the root container; deeper items are not looked at, so a
  // radiologist's report quoting one somewhere is not taken for ours.
  const auto marks_mammocalc = [](const ContentItem& item) {
    if (item.concept_name.scheme == kOwnCodingScheme) return true;
    return item.value_type == ValueType::UidRef && item.concept_name.value == "121012" &&
           item.concept_name.scheme == "DCM" && item.text == kOwnDeviceObserverUid;
  };
  return std::any_of(document.root.children.begin(), document.root.children.end(), marks_mammocalc);
}

}  // namespace mammocalc
