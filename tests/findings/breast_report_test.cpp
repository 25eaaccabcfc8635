#include <gtest/gtest.h>

#include "findings/breast_report.hpp"

namespace mammocalc {
namespace {

SrDocument report(const std::string& study_description) {
  SrDocument document;
  document.root.concept_name = {"18748-4", "LN", "Diagnostic imaging study"};
  document.header.study_description = study_description;
  return document;
}

TEST(HeaderSaysBreast, StudyDescriptionsAsTyped) {
  for (const char* description :
       {"MAMMO DIAGNOSTIC RIGHT", "MG SCREENING BILATERAL", "DBT LEFT", "Breast ultrasound",
        "Mammographie beidseits", "3D TOMOSYNTHESIS"}) {
    EXPECT_TRUE(header_says_breast(report(description))) << description;
  }
  for (const char* description :
       {"CT CHEST WITH CONTRAST", "OUTSIDE REPORT IMPORT", "", "IMG SCREENING", "DBTX"}) {
    EXPECT_FALSE(header_says_breast(report(description))) << description;
  }
}

TEST(HeaderSaysBreast, BodyPartSeriesAndRequestedProcedure) {
  SrDocument document = report("OUTSIDE REPORT IMPORT");
  document.header.body_part_examined = "BREAST";
  EXPECT_TRUE(header_says_breast(document));
  document = report("");
  document.header.series_description = "Mammo report";
  EXPECT_TRUE(header_says_breast(document));
  document = report("");
  document.header.procedure_descriptions = {"US BREAST LEFT"};
  EXPECT_TRUE(header_says_breast(document));
  document = report("");
  document.header.body_part_examined = "CHEST";
  EXPECT_FALSE(header_says_breast(document));
}

// Coded content matches on (value, scheme), never on the meaning.
TEST(HeaderSaysBreast, CodesMatchOnValueAndScheme) {
  SrDocument document = report("");
  document.header.procedure_codes = {{"71651007", "SCT", "anything"}};
  EXPECT_TRUE(header_says_breast(document));
  document.header.procedure_codes = {{"71651007", "LN", "Mammography"}};
  EXPECT_FALSE(header_says_breast(document));
  document.header.procedure_codes = {{"99999", "99LOCAL", "Mammography"}};
  EXPECT_FALSE(header_says_breast(document));
  document = report("");
  document.root.concept_name = {"111400", "DCM", "x"};
  EXPECT_TRUE(header_says_breast(document));
}

TEST(HeaderSaysBreast, EvidenceOfMammographyImages) {
  SrDocument document = report("");
  document.header.evidence = {{"1.2", "1.3", "1.2.840.10008.5.1.4.1.1.2", "1.4"}};  // CT image
  EXPECT_FALSE(header_says_breast(document));
  document.header.evidence.push_back({"1.2", "1.3", "1.2.840.10008.5.1.4.1.1.1.2", "1.5"});
  EXPECT_TRUE(header_says_breast(document));
}

}  // namespace
}  // namespace mammocalc
