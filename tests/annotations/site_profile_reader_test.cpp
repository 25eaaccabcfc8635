#include <gtest/gtest.h>

#include <cmath>

#include "annotations/site_profile_reader.hpp"
#include "base/error.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::TempDir;

std::string profile(const std::string& body) {
  return "<?xml version=\"1.0\"?>\n<siteProfile xmlns=\"urn:mammocalc:site-profile:1\">\n" + body +
         "</siteProfile>\n";
}

TEST(SiteProfileReader, ReadsEveryField) {
  TempDir dir;
  const std::string path = dir.file(
      "p.xml",
      profile("  <stereotacticUnit available=\"false\"/>\n"
              "  <vacuumAssisted available=\"0\"/>\n"
              "  <minCompressedThicknessMm>25.5</minCompressedThicknessMm>\n"
              "  <minChestWallDistanceMm>7</minChestWallDistanceMm>\n"
              "  <minSkinDistanceMm>4</minSkinDistanceMm>\n"
              "  <needleGauges core=\"12G\" vacuumAssisted=\"10G\" localization=\"21G\"/>\n"));
  const SiteProfile p = read_site_profile(path);
  EXPECT_FALSE(p.stereotactic_available);
  EXPECT_FALSE(p.vacuum_assisted_available);
  EXPECT_EQ(p.min_compressed_thickness_mm, 25.5);
  EXPECT_EQ(p.min_chest_wall_distance_mm, 7.0);
  EXPECT_EQ(p.min_skin_distance_mm, 4.0);
  EXPECT_EQ(p.core_needle_gauge, "12G");
  EXPECT_EQ(p.vacuum_needle_gauge, "10G");
  EXPECT_EQ(p.localization_needle_gauge, "21G");
}

TEST(SiteProfileReader, EmptyProfileKeepsDefaults) {
  TempDir dir;
  const SiteProfile p = read_site_profile(dir.file("p.xml", profile("")));
  const SiteProfile defaults;
  EXPECT_TRUE(p.stereotactic_available);
  EXPECT_TRUE(p.vacuum_assisted_available);
  EXPECT_EQ(p.min_compressed_thickness_mm, defaults.min_compressed_thickness_mm);
  EXPECT_EQ(p.min_chest_wall_distance_mm, 5.0);
  EXPECT_EQ(p.min_skin_distance_mm, 3.0);
}

void expect_problem(const std::string& content, const std::string& expected) {
  TempDir dir;
  const std::string path = dir.file("bad.xml", content);
  const auto problems = check_site_profile(path);
  ASSERT_FALSE(problems.empty()) << content;
  EXPECT_NE(problems.front().find(path), std::string::npos) << problems.front();
  EXPECT_NE(problems.front().find(expected), std::string::npos) << problems.front();
  try {
    read_site_profile(path);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::InvalidSiteProfile);
  }
}

TEST(SiteProfileReader, NegativeDistanceIsAProblemWithItsLine) {
  expect_problem(profile("  <minSkinDistanceMm>-1</minSkinDistanceMm>\n"),
                 ":3: minSkinDistanceMm: must be between 0 and 200");
}
TEST(SiteProfileReader, NonNumberIsAProblem) {
  expect_problem(profile("  <minChestWallDistanceMm>five</minChestWallDistanceMm>\n"),
                 "minChestWallDistanceMm: not a number");
}
TEST(SiteProfileReader, ANumberTheSchemaRefusesIsAProblem) {
  // Hostile review 71: "5e-400" was read as 0 mm; xs:decimal has no exponent, "inf" or hex.
  for (const char* value : {"1e1", "5e-400", "inf", "0x10", "nan", "1.2.3", "+", "."}) {
    expect_problem(
        profile(std::string("  <minChestWallDistanceMm>") + value + "</minChestWallDistanceMm>\n"),
        "minChestWallDistanceMm: not a number");
  }
  TempDir dir;
  const SiteProfile decimal = read_site_profile(
      dir.file("p.xml", profile("  <minChestWallDistanceMm> +.5 </minChestWallDistanceMm>\n")));
  EXPECT_DOUBLE_EQ(decimal.min_chest_wall_distance_mm, 0.5);
  // Hostile review 74: a decimal just above the schema's maximum rounded to it; "-0" is 0.
  expect_problem(profile("  <minCompressedThicknessMm>200.5</minCompressedThicknessMm>\n"),
                 "minCompressedThicknessMm: must be between 0 and 200");
  const SiteProfile edges = read_site_profile(
      dir.file("q.xml", profile("  <minCompressedThicknessMm>200.000</minCompressedThicknessMm>\n"
                                "  <minSkinDistanceMm>-0</minSkinDistanceMm>\n"
                                "  <minChestWallDistanceMm>19.999999</minChestWallDistanceMm>\n")));
  EXPECT_EQ(edges.min_compressed_thickness_mm, 200.0);
  EXPECT_FALSE(std::signbit(edges.min_skin_distance_mm));
  EXPECT_DOUBLE_EQ(edges.min_chest_wall_distance_mm, 19.999999);
  // Hostile review 77: more decimal places than a double keeps against a threshold ("…99999999"
  // rounded onto 20 mm and the bound) are refused, as the schema's fractionDigits says.
  for (const char* value :
       {"200.0000000000000000001", "199.99999999999999999", "19.9999999", "0.0000001"}) {
    expect_problem(profile(std::string("  <minCompressedThicknessMm>") + value +
                           "</minCompressedThicknessMm>\n"),
                   "minCompressedThicknessMm: has more than 6 decimal places");
  }
}
TEST(SiteProfileReader, UnknownElementIsAProblem) {
  expect_problem(profile("  <mriUnit available=\"true\"/>\n"), "mriUnit: unknown element");
}
TEST(SiteProfileReader, BadBooleanIsAProblem) {
  expect_problem(profile("  <vacuumAssisted available=\"maybe\"/>\n"),
                 "vacuumAssisted: attribute available must be true or false");
}
TEST(SiteProfileReader, BadGaugeIsAProblem) {
  expect_problem(profile("  <needleGauges core=\"fourteen\"/>\n"), "needleGauges/@core");
}
TEST(SiteProfileReader, GaugesAreCheckedCharacterByCharacter) {
  for (const std::string gauge : {"9G", "14G", "9-11G", "10-12G", "7G", "27G"}) {
    TempDir dir;
    const std::string path =
        dir.file("p.xml", profile("  <needleGauges core=\"" + gauge + "\"/>\n"));
    EXPECT_TRUE(check_site_profile(path).empty()) << gauge;
    EXPECT_EQ(read_site_profile(path).core_needle_gauge, gauge);
  }
  // Hostile review 74: no needle is 0G or 99G, and "99-1G" runs backwards.
  for (const std::string gauge :
       {"", "G", "14", "141G", "14g", "14G ", "-11G", "9-G", "9-111G", "9--11G", "9-11-12G", "14GG",
        "0G", "5G", "28G", "99-1G", "11-9G", "9-9G"}) {
    expect_problem(profile("  <needleGauges core=\"" + gauge + "\"/>\n"),
                   ":3: needleGauges/@core: must look like 14G or 9-11G, not '" + gauge + "'");
  }
}
TEST(SiteProfileReader, LongGaugeIsOneShortProblemNotACrash) {
  const std::string gauge = std::string(500 * 1024, '1') + "G";
  TempDir dir;
  const auto problems =
      check_site_profile(dir.file("p.xml", profile("  <needleGauges core=\"" + gauge + "\"/>\n")));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems.front().find("needleGauges/@core: must look like 14G or 9-11G, not '111"),
            std::string::npos);
  EXPECT_NE(problems.front().find("...' (512001 bytes)"), std::string::npos)
      << problems.front().substr(0, 200);
}
TEST(SiteProfileReader, DuplicateElementIsAProblem) {
  expect_problem(profile("  <minSkinDistanceMm>3</minSkinDistanceMm>\n"
                         "  <minSkinDistanceMm>4</minSkinDistanceMm>\n"),
                 "given more than once");
}
TEST(SiteProfileReader, WrongNamespaceIsAProblem) {
  expect_problem("<siteProfile xmlns=\"urn:other\"/>", "root must be <siteProfile");
}
TEST(SiteProfileReader, NotXmlIsAProblem) {
  expect_problem("this is not XML <", "not well-formed XML");
}
TEST(SiteProfileReader, DoctypeWithEntitiesIsRefused) {
  expect_problem(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE siteProfile [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
      "<siteProfile xmlns=\"urn:mammocalc:site-profile:1\"/>\n",
      "DOCTYPE declarations are not allowed");
}
TEST(SiteProfileReader, MissingFileIsAProblem) {
  EXPECT_FALSE(check_site_profile("/nonexistent/profile.xml").empty());
}
TEST(SiteProfileReader, BundledSampleIsValid) {
  EXPECT_TRUE(check_site_profile("samples/bir-suspicious-stereotactic.site-profile.xml").empty());
}

// Review 25 F2-F4: the strictness of every XML input (xml_input), in a site profile.
TEST(SiteProfileReader, ContentAfterTheRootIsNotWellFormed) {
  expect_problem(profile("") + "<siteProfile xmlns=\"urn:mammocalc:site-profile:1\"/>\n",
                 ":4: xml: not well-formed XML: content after the root element");
}
TEST(SiteProfileReader, ElementInsideAValueIsAProblem) {
  expect_problem(profile("  <minCompressedThicknessMm>20<x/>5</minCompressedThicknessMm>\n"),
                 ":3: minCompressedThicknessMm/x: unknown element");
}
TEST(SiteProfileReader, UnknownAttributeIsAProblem) {
  expect_problem(profile("  <minSkinDistanceMm unit=\"cm\">1</minSkinDistanceMm>\n"),
                 ":3: minSkinDistanceMm/@unit: unknown attribute");
  expect_problem(profile("  <stereotacticUnit available=\"true\" until=\"2027\"/>\n"),
                 ":3: stereotacticUnit/@until: unknown attribute");
  expect_problem(
      profile("  <narrativeLexicons><file kind=\"x\">a.xml</file></narrativeLexicons>\n"),
      ":3: file/@kind: unknown attribute");
}
TEST(SiteProfileReader, TextInAStructuralElementIsAProblem) {
  expect_problem(profile("  <stereotacticUnit available=\"true\">broken</stereotacticUnit>\n"),
                 ":3: stereotacticUnit: text 'broken' is not read");
  expect_problem(profile("  not in use\n"), ":3: siteProfile: text 'not in use' is not read");
}
TEST(SiteProfileReader, DuplicateAttributeIsNotWellFormed) {
  expect_problem(profile("  <stereotacticUnit available=\"true\" available=\"false\"/>\n"),
                 ":3: stereotacticUnit/@available: not well-formed XML: attribute given twice");
}

}  // namespace
}  // namespace mammocalc
