#include <gtest/gtest.h>

#include <filesystem>

#include "run/summary_files.hpp"
#include "test_support.hpp"

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

// Review 43, R43-4: a first reading withdrawn loses its summary, its page and its SR, each
// named, and nothing else; where none is there nothing is said.
TEST(WithdrawOutputs, RemovesTheSummaryItsPageAndItsSrOnly) {
  namespace fs = std::filesystem;
  const testing::TempDir dir;
  const fs::path out = fs::path(dir.file("1.2.3.xml", "summary")).parent_path();
  dir.file("1.2.3.html", "page");
  dir.file("1.2.3-2.xml", "another input's summary");
  dir.file("result.dcm", "sr");
  const SummaryFiles files{out.string(), true, out.string(), ""};
  const WithdrawnOutputs withdrawn = withdraw_outputs("1.2.3.xml", files, "result");
  EXPECT_EQ(withdrawn.removed.size(), 3U);
  EXPECT_TRUE(withdrawn.problems.empty());
  EXPECT_FALSE(fs::exists(out / "1.2.3.xml"));
  EXPECT_FALSE(fs::exists(out / "1.2.3.html"));
  EXPECT_FALSE(fs::exists(out / "result.dcm"));
  EXPECT_TRUE(fs::exists(out / "1.2.3-2.xml"));
  EXPECT_TRUE(withdraw_outputs("1.2.3.xml", files, "result").removed.empty());
}

TEST(DicomOutputClaims, NamesTheStemAnInputClaimed) {
  DicomOutputClaims claims;
  InputResult result;
  result.entry.input = "in/a.dcm";
  result.dicom.file_stem = "1.2.3.4";
  result.dicom.bytes = "sr";
  ASSERT_TRUE(claims.claim(result));
  EXPECT_EQ(claims.stem_claimed_by("in/a.dcm"), "1.2.3.4");
  EXPECT_EQ(claims.stem_claimed_by("in/b.dcm"), "");
}

}  // namespace
}  // namespace mammocalc
