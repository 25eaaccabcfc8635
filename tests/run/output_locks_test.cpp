// OutputLocks: two holders of one output name, in one process or in two, never hold it at once;
// two `serve` processes on one output directory once mixed the outputs of one UID.
#include "run/output_locks.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "base/error.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

class OutputLocksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "output-locks-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
  }
  void TearDown() override { fs::remove_all(directory_); }
  std::string directory_;
};

TEST_F(OutputLocksTest, ANameHeldInOneProcessIsNotTakenByAnother) {
  OutputLocks locks(directory_);
  const OutputLocks::Held held = locks.hold({"1.2.3.dcm", "1.2.3.xml"});
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Another process on the same directory: its own locks, only the lock file shared.
    OutputLocks other(directory_);
    const bool taken = other.try_hold({"9.9.dcm", "1.2.3.xml"}).has_value();
    const bool free_name = other.try_hold({"9.9.dcm"}).has_value();
    ::_exit(!taken && free_name ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "the other process took a held name, or could not take a free one";
}

TEST_F(OutputLocksTest, TwoHoldersOnOneDirectoryExcludeEachOtherThroughTheLockFile) {
  // Two instances share nothing but the lock file, as two processes do.
  OutputLocks first(directory_);
  OutputLocks second(directory_);
  {
    const OutputLocks::Held held = first.hold({"2.25.42.dcm"});
    EXPECT_FALSE(second.try_hold({"1.2.3.xml", "2.25.42.dcm"}).has_value());
    // The failed attempt took nothing: the other name is free in `second`.
    EXPECT_TRUE(second.try_hold({"1.2.3.xml"}).has_value());
  }
  EXPECT_TRUE(second.try_hold({"2.25.42.dcm"}).has_value()) << "released with its holder";
  EXPECT_TRUE(fs::is_regular_file(fs::path(directory_) / OutputLocks::kLockFileName));
}

TEST_F(OutputLocksTest, ThreadsOfOneProcessExcludeEachOther) {
  OutputLocks locks(directory_);
  const OutputLocks::Held held = locks.hold({"1.2.3.dcm", "1.2.3.dcm"});
  // Another thread (a mutex is never tried by its owner).
  bool held_name_taken = true;
  bool free_name_taken = false;
  std::thread other([&] {
    held_name_taken = locks.try_hold({"1.2.3.dcm"}).has_value();
    free_name_taken = locks.try_hold({"1.2.4.dcm"}).has_value();
  });
  other.join();
  EXPECT_FALSE(held_name_taken);
  EXPECT_TRUE(free_name_taken);
}

TEST_F(OutputLocksTest, ALockFileThatCannotBeMadeIsAnOutputFailure) {
  OutputLocks locks((fs::path(directory_) / "missing").string());
  try {
    locks.hold({"1.2.3.dcm"});
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::OutputFailed);
  }
}

}  // namespace
}  // namespace mammocalc
