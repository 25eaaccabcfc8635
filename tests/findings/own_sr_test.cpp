// mammocalc's own SRs recognised by the equipment sr_writer names, exactly, and nothing else.
#include "findings/own_sr.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mammocalc {
namespace {

SrHeader header_with(const std::string& manufacturer, const std::string& model_name) {
  SrHeader header;
  header.manufacturer = "Some Vendor";
  header.contributing_equipment.push_back({"PACS Inc.", "Archive"});
  header.contributing_equipment.push_back({manufacturer, model_name});
  return header;
}

TEST(OwnSr, ContributingEquipmentNamingMammocalcIsOwn) {
  EXPECT_TRUE(is_written_by_mammocalc(header_with("mammocalc project", "mammocalc")));
}

TEST(OwnSr, GeneralEquipmentManufacturerIsOwn) {
  SrHeader header;
  header.manufacturer = std::string(kOwnManufacturer);
  EXPECT_TRUE(is_written_by_mammocalc(header));
}

TEST(OwnSr, ARadiologistsReportIsNotOwn) {
  SrHeader header;
  header.manufacturer = "mammocalc sample generator";  // the samples' generator
  EXPECT_FALSE(is_written_by_mammocalc(header));
  EXPECT_FALSE(is_written_by_mammocalc(SrHeader{}));
}

TEST(OwnSr, NearNamesAreNotOwn) {
  EXPECT_FALSE(is_written_by_mammocalc(header_with("mammocalc project", "mammocalc2")));
  EXPECT_FALSE(is_written_by_mammocalc(header_with("Mammocalc Project", "mammocalc")));
  EXPECT_FALSE(is_written_by_mammocalc(header_with("mammocalc project ", "mammocalc")));
  EXPECT_FALSE(is_written_by_mammocalc(header_with("", "mammocalc")));
  EXPECT_FALSE(is_written_by_mammocalc(header_with("mammocalc project", "")));
  SrHeader header;
  header.manufacturer = "mammocalc";
  EXPECT_FALSE(is_written_by_mammocalc(header));
}

TEST(OwnSr, PatientDataNamingMammocalcIsNotOwn) {
  SrHeader header;
  header.patient_name = "mammocalc project";
  header.patient_id = "mammocalc";
  header.study_description = "mammocalc project";
  EXPECT_FALSE(is_written_by_mammocalc(header));
}

}  // namespace
}  // namespace mammocalc
