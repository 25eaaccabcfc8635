#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "output/batch_index.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

// A directory of its own for each test, removed after it.
class BatchInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "batch-inputs-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string file(const std::string& name) {
    const std::string path = (fs::path(dir_) / name).string();
    std::ofstream(path) << name;
    return path;
  }
  std::vector<InputFile> collect(const std::vector<std::string>& paths,
                                 const std::string& files_from = "") {
    std::vector<IndexEntry> unreadable;
    return collect_input_files(paths, files_from, unreadable);
  }
  std::string dir_;
};

TEST_F(BatchInputs, FoundInADirectoryOrNamed) {
  const std::string a = file("a.dcm");
  const std::vector<InputFile> found = collect({dir_});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].origin, InputOrigin::Found);
  const std::vector<InputFile> named = collect({a});
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].origin, InputOrigin::Named);
}

TEST_F(BatchInputs, SameFileUnderEveryNameIsOneInputAtItsFirstPlace) {
  const std::string a = file("a.dcm");
  const std::string b = file("b.dcm");
  fs::create_hard_link(a, fs::path(dir_) / "hard.dcm");
  fs::create_symlink(a, fs::path(dir_) / "soft.dcm");
  const std::vector<InputFile> inputs = collect({dir_, a, a, dir_ + "/./b.dcm"});
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].path, a);
  EXPECT_EQ(inputs[0].origin, InputOrigin::Named);  // named as well as found
  EXPECT_EQ(inputs[1].path, b);
  EXPECT_EQ(inputs[1].origin, InputOrigin::Named);
}

TEST_F(BatchInputs, MissingFileNamedTwiceIsOneInput) {
  const std::string missing = dir_ + "/missing.dcm";
  EXPECT_EQ(collect({missing, missing}).size(), 1u);
}

TEST_F(BatchInputs, FilesFromADirectoryIsAUsageError) {
  try {
    collect({}, dir_);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Usage);
    EXPECT_EQ(std::string(error.what()).rfind(dir_ + ": --files-from takes a file", 0), 0u)
        << error.what();
  }
}

TEST(BatchIndexCounts, RollupCountsSkippedInputsPerReason) {
  IndexCounts counts;
  for (const ErrorCode code :
       {ErrorCode::NotDicom, ErrorCode::DicomDirectory, ErrorCode::NotDicom}) {
    IndexEntry entry;
    entry.status = EntryStatus::Skipped;
    entry.error_code = code;
    counts.add(entry);
  }
  IndexEntry failed;
  failed.error_code = ErrorCode::NotDicom;
  counts.add(failed);
  EXPECT_EQ(counts.inputs, 4u);
  EXPECT_EQ(counts.skipped, 3u);
  EXPECT_EQ(counts.failed, 1u);
  const std::string tail = index_parts(counts, Rollup{}).tail;
  EXPECT_NE(tail.find("<skipped reason=\"not-dicom\" count=\"2\" />"), std::string::npos) << tail;
  EXPECT_NE(tail.find("<skipped reason=\"dicomdir\" count=\"1\" />"), std::string::npos) << tail;
  EXPECT_LT(tail.find("<skipped"), tail.find("</rollup>"));
}

}  // namespace
}  // namespace mammocalc
