#include <gtest/gtest.h>

#include "run/summary_files.hpp"

namespace mammocalc {
namespace {

TEST(BatchNaming, ValidUidNamesTheOutput) {
  EXPECT_EQ(output_name_for("1.2.826.0.1.3680043.10.1363.103.3", "in/x.dcm"),
            "1.2.826.0.1.3680043.10.1363.103.3.xml");
}

TEST(BatchNaming, UidThatCouldEscapeFallsBackToSanitisedInputName) {
  EXPECT_EQ(output_name_for("../../etc/passwd", "in/report one.dcm"), "report_one.xml");
  EXPECT_EQ(output_name_for("1.2/../../x", "in/a.dcm"), "a.xml");
  EXPECT_EQ(output_name_for("", "in/..hidden.dcm"), "__hidden.xml");
}

TEST(BatchNaming, InvalidUidsAreNotUsed) {
  EXPECT_EQ(output_name_for("1.02.3", "r.dcm"), "r.xml");              // leading zero
  EXPECT_EQ(output_name_for(std::string(65, '1'), "r.dcm"), "r.xml");  // too long
  EXPECT_EQ(output_name_for("1", "r.dcm"), "r.xml");                   // one component is no UID
  EXPECT_EQ(output_name_for("1..2", "r.dcm"), "r.xml");                // empty component
  EXPECT_EQ(output_name_for("1.2.", "r.dcm"), "r.xml");                // trailing dot
  EXPECT_EQ(output_name_for(".1.2", "r.dcm"), "r.xml");                // leading dot
  EXPECT_EQ(output_name_for("1.2a", "r.dcm"), "r.xml");                // not a digit
  EXPECT_EQ(output_name_for("0.0", "r.dcm"), "0.0.xml");               // "0" is a component
  EXPECT_EQ(output_name_for(std::string(64, '1').replace(1, 1, "."), "r.dcm"),
            std::string(64, '1').replace(1, 1, ".") + ".xml");  // 64 characters is the most
  // A long value is refused without a crash (std::regex recursed once per character).
  EXPECT_EQ(output_name_for(std::string(200000, '1'), "r.dcm"), "r.xml");
}

TEST(BatchNaming, NeverTheIndex) {
  EXPECT_EQ(output_name_for("", "dir/index.dcm"), "index_input.xml");
}

TEST(BatchNaming, NeverEmptyOrASeparator) {
  EXPECT_EQ(output_name_for("", "/"), "input.xml");
  const std::string name = output_name_for("", "x/" + std::string(300, 'a') + ".dcm");
  EXPECT_LE(name.size(), 104u);
  EXPECT_EQ(name.find('/'), std::string::npos);
}

}  // namespace
}  // namespace mammocalc
