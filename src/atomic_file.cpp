#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "error.hpp"

namespace mammocalc {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int error_number) {
  throw Error(ErrorCode::OutputFailed,
              path + ": cannot write output (" + what + ": " + std::strerror(error_number) + ")");
}

// Closes a descriptor on every path out of a scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

void write_all(int fd, const std::string& content, const std::string& path) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path, "write", errno);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

void make_readable(int fd) {
  // Readable like any file the user creates (mkstemp makes it 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
}

std::string temporary_pattern(const std::filesystem::path& target) {
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  return (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
}

// Writes through an unnamed file (O_TMPFILE) that gets a name only when complete, so that even
// SIGKILL mid-write leaves nothing behind. Returns false where the file system cannot do this.
bool write_unnamed_then_link(const std::string& path, const std::string& content, Flush flush) {
  const std::filesystem::path target(path);
  const std::string directory =
      target.has_parent_path() ? target.parent_path().string() : std::string(".");
  // Mode 0666 less the umask, like any file the user creates; unnamed, nobody else can open it.
  Descriptor fd(::open(directory.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666));
  if (fd.get() < 0) {
    if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL) return false;
    fail(path, "create temporary file", errno);
  }
  write_all(fd.get(), content, path);
  if (flush == Flush::Now && ::fsync(fd.get()) != 0) fail(path, "flush", errno);
  const std::string proc = "/proc/self/fd/" + std::to_string(fd.get());
  // A new file gets its name in one step, so nothing else is ever left behind.
  if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) return true;
  if (errno == ENOENT && ::access("/proc/self/fd", F_OK) != 0) return false;
  if (errno != EEXIST) fail(path, "link", errno);
  // linkat cannot replace a file: link under a unique temporary name, then rename over.
  std::string pattern = temporary_pattern(target);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = pattern.substr(0, pattern.size() - 6) + std::to_string(::getpid()) + "-" +
                       std::to_string(attempt);
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      if (errno == EEXIST) continue;
      fail(path, "link", errno);
    }
    if (::rename(name.c_str(), path.c_str()) != 0) {
      const int error_number = errno;
      ::unlink(name.c_str());
      fail(path, "rename", error_number);
    }
    return true;
  }
  fail(path, "link", EEXIST);
}

void write_named_then_rename(const std::string& path, const std::string& content, Flush flush) {
  std::string pattern = temporary_pattern(std::filesystem::path(path));
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  Descriptor fd(::mkstemp(name.data()));
  if (fd.get() < 0) fail(path, "create temporary file", errno);
  const std::string temporary(name.data());
  try {
    write_all(fd.get(), content, path);
    make_readable(fd.get());
    if (flush == Flush::Now && ::fsync(fd.get()) != 0) fail(path, "flush", errno);
    if (::close(fd.release()) != 0) fail(path, "close", errno);
    if (::rename(temporary.c_str(), path.c_str()) != 0) fail(path, "rename", errno);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content, Flush flush) {
  if (!write_unnamed_then_link(path, content, flush)) write_named_then_rename(path, content, flush);
}

void flush_file_system(const std::string& directory) {
  Descriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::syncfs(fd.get()) != 0) {
    throw Error(ErrorCode::OutputFailed,
                directory + ": cannot flush output (" + std::strerror(errno) + ")");
  }
}

}  // namespace mammocalc
