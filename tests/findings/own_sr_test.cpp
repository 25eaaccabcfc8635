// mammocalc's own SRs recognised by the equipment sr_writer names, exactly, and nothing else.
#include "findings/own_sr.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

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

// The content sr_writer writes, without the equipment a PACS or router may strip ("laundered",
// hostile review issue 18): the coded review item of mammocalc's private scheme, or the device
// observer UID it names.
ContentItem item(Relationship relationship, ValueType type, Code concept_name) {
  ContentItem child;
  child.relationship = relationship;
  child.value_type = type;
  child.concept_name = std::move(concept_name);
  return child;
}

SrDocument laundered_with(ContentItem child) {
  SrDocument document;
  document.header.manufacturer = "PACS Vendor";
  document.root.value_type = ValueType::Container;
  document.root.concept_name = {"111400", "DCM", "Breast Imaging Report"};
  document.root.children.push_back(std::move(child));
  return document;
}

TEST(OwnSr, PrivateCodedItemMarksOwnWithoutEquipment) {
  ContentItem review = item(Relationship::Contains, ValueType::Code,
                            {"RADREVIEW", std::string(kOwnCodingScheme), "Radiologist review"});
  review.code = {"NO-REVIEW", std::string(kOwnCodingScheme), "No radiologist review requested"};
  EXPECT_FALSE(is_written_by_mammocalc(laundered_with(review).header));
  EXPECT_TRUE(is_written_by_mammocalc(laundered_with(review)));
}

TEST(OwnSr, DeviceObserverUidMarksOwnWithoutEquipment) {
  ContentItem observer = item(Relationship::HasObsContext, ValueType::UidRef,
                              {"121012", "DCM", "Device Observer UID"});
  observer.text = std::string(kOwnDeviceObserverUid);
  EXPECT_TRUE(is_written_by_mammocalc(laundered_with(observer)));
}

TEST(OwnSr, AnotherDeviceOrSchemeIsNotOwn) {
  ContentItem observer = item(Relationship::HasObsContext, ValueType::UidRef,
                              {"121012", "DCM", "Device Observer UID"});
  observer.text = "1.2.826.0.1.3680043.10.1363.1";
  EXPECT_FALSE(is_written_by_mammocalc(laundered_with(observer)));
  // A radiologist's free text naming mammocalc, a code of another private scheme: not ours.
  ContentItem text = item(Relationship::Contains, ValueType::Text, {"121071", "DCM", "Finding"});
  text.text = std::string(kOwnDeviceObserverUid) + " mammocalc 99MAMMOCALC";
  EXPECT_FALSE(is_written_by_mammocalc(laundered_with(text)));
  ContentItem other = item(Relationship::Contains, ValueType::Code, {"X1", "99OTHER", "Other"});
  EXPECT_FALSE(is_written_by_mammocalc(laundered_with(other)));
  EXPECT_FALSE(is_written_by_mammocalc(SrDocument{}));
}

TEST(OwnSr, EquipmentStillMarksOwnInADocument) {
  SrDocument document;
  document.header = header_with("mammocalc project", "mammocalc");
  EXPECT_TRUE(is_written_by_mammocalc(document));
}

}  // namespace
}  // namespace mammocalc
