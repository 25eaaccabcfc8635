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

}  // namespace mammocalc
