// read_earlier_output: an earlier call's output is read back only when the name holds a regular
// file of bounded size, checked on the descriptor it is read through (review 41, R41-15).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/atomic_file.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

class ReadEarlierOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() /
                 ("mammocalc-read-earlier-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }
  std::string path(const std::string& name) const { return (directory_ / name).string(); }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path(name), std::ios::binary) << bytes;
  }

  fs::path directory_;
};

TEST_F(ReadEarlierOutput, ReadsARegularFileWhole) {
  write("a.xml", std::string("<summary/>\0\n", 12));
  const EarlierFile file = read_earlier_output(path("a.xml"), 12);
  EXPECT_EQ(file.state, EarlierFile::State::Read);
  EXPECT_EQ(file.bytes, std::string("<summary/>\0\n", 12));
}

TEST_F(ReadEarlierOutput, SaysWhenNothingHasTheName) {
  EXPECT_EQ(read_earlier_output(path("none.xml"), 100).state, EarlierFile::State::Missing);
}

TEST_F(ReadEarlierOutput, NeverFollowsASymbolicLink) {
  write("target.xml", "<summary/>");
  fs::create_symlink(path("target.xml"), path("link.xml"));
  const EarlierFile file = read_earlier_output(path("link.xml"), 100);
  EXPECT_EQ(file.state, EarlierFile::State::NotRegular);
  EXPECT_TRUE(file.bytes.empty());
}

TEST_F(ReadEarlierOutput, NeverWaitsOnAFifoNorReadsADirectory) {
  ASSERT_EQ(::mkfifo(path("fifo.xml").c_str(), 0600), 0);
  EXPECT_EQ(read_earlier_output(path("fifo.xml"), 100).state, EarlierFile::State::NotRegular);
  fs::create_directory(path("dir.xml"));
  EXPECT_EQ(read_earlier_output(path("dir.xml"), 100).state, EarlierFile::State::NotRegular);
}

TEST_F(ReadEarlierOutput, RefusesAFileLargerThanTheLimit) {
  write("big.xml", std::string(101, 'x'));
  const EarlierFile file = read_earlier_output(path("big.xml"), 100);
  EXPECT_EQ(file.state, EarlierFile::State::TooLarge);
  EXPECT_TRUE(file.bytes.empty());
  EXPECT_EQ(read_earlier_output(path("big.xml"), 101).state, EarlierFile::State::Read);
}

}  // namespace
}  // namespace mammocalc
