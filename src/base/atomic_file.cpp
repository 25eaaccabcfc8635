#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/error.hpp"

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

 private:
  int fd_;
};

void make_readable(int fd) {
  // Readable like any file the user creates (mkstemp makes it 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
}

std::string directory_of(const std::string& path) {
  const std::filesystem::path target(path);
  return target.has_parent_path() ? target.parent_path().string() : std::string(".");
}

std::string temporary_pattern(const std::string& path) {
  const std::filesystem::path target(path);
  return (std::filesystem::path(directory_of(path)) /
          ("." + target.filename().string() + ".tmp-XXXXXX"))
      .string();
}

}  // namespace

void refuse_non_regular_output(const std::string& path) {
  // The rename at commit would replace whatever has the name: a device (/dev/null as root), a
  // FIFO a reader waits on, a socket. Only a regular file (or nothing) may be replaced.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    throw Error(ErrorCode::Usage,
                path + (S_ISDIR(existing.st_mode) ? ": is a directory, not a file"
                                                  : ": not a regular file; an output replaces only "
                                                    "a regular file"));
  }
}

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), name_(std::filesystem::path(path_).filename().string()) {
  refuse_non_regular_output(path_);
  // The directory is held: the file is named in the one it was made in, whatever has its path at
  // commit (hostile review 58, H58-4: a directory swapped in meanwhile got serve's result SR).
  directory_fd_ = ::open(directory_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory_fd_ < 0) fail(path_, "create temporary file", errno);
  // An unnamed file (O_TMPFILE) gets a name only when complete, so that even SIGKILL mid-write
  // leaves nothing behind. Mode 0666 less the umask, like any file the user creates.
  fd_ = ::openat(directory_fd_, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd_ >= 0) return;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
    fail(path_, "create temporary file", errno);
  }
  // File systems without O_TMPFILE: a hidden named temporary, removed unless committed.
  const std::string pattern = temporary_pattern(path_);
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) fail(path_, "create temporary file", errno);
  temporary_ = name.data();
  make_readable(fd_);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (directory_fd_ >= 0) ::close(directory_fd_);
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicFile::write(std::string_view data) {
  const char* next = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    const ssize_t written = ::write(fd_, next, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path_, "write", errno);
    }
    next += written;
    left -= static_cast<std::size_t>(written);
  }
}

namespace {

// A new name is on disk only once its directory is: fsync the directory after naming a file, so
// that a power failure after a success answer loses neither the data nor the name.
void sync_directory(const std::string& path) {
  Descriptor directory(::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory.get() < 0 || ::fsync(directory.get()) != 0) fail(path, "flush", errno);
}

}  // namespace

void AtomicFile::commit(Flush flush) {
  if (flush == Flush::Now && ::fsync(fd_) != 0) fail(path_, "flush", errno);
  name_file();
  if (flush == Flush::Now && ::fsync(directory_fd_) != 0) fail(path_, "flush", errno);
}

bool AtomicFile::made_in(const std::string& directory) const {
  struct stat held {};
  struct stat named {};
  return ::fstat(directory_fd_, &held) == 0 && ::stat(directory.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

void AtomicFile::name_file() {
  if (!temporary_.empty()) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(path_, "close", errno);
    if (::renameat(AT_FDCWD, temporary_.c_str(), directory_fd_, name_.c_str()) != 0) {
      fail(path_, "rename", errno);
    }
    committed_ = true;
    return;
  }
  const std::string proc = "/proc/self/fd/" + std::to_string(fd_);
  // A new file gets its name in one step, so nothing else is ever left behind.
  if (::linkat(AT_FDCWD, proc.c_str(), directory_fd_, name_.c_str(), AT_SYMLINK_FOLLOW) == 0) {
    committed_ = true;
    return;
  }
  if (errno != EEXIST) fail(path_, "link", errno);
  // linkat cannot replace a file: link under a unique temporary name, then rename over.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string name =
        "." + name_ + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(attempt);
    if (::linkat(AT_FDCWD, proc.c_str(), directory_fd_, name.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      if (errno == EEXIST) continue;
      fail(path_, "link", errno);
    }
    if (::renameat(directory_fd_, name.c_str(), directory_fd_, name_.c_str()) != 0) {
      const int error_number = errno;
      ::unlinkat(directory_fd_, name.c_str(), 0);
      fail(path_, "rename", error_number);
    }
    committed_ = true;
    return;
  }
  fail(path_, "link", EEXIST);
}

void write_file_atomically(const std::string& path, const std::string& content, Flush flush) {
  AtomicFile file(path);
  file.write(content);
  file.commit(flush);
}

bool move_file_durably(const std::string& from, const std::string& to, Replace replace) {
  {
    Descriptor file(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0 || ::fsync(file.get()) != 0) fail(to, "flush", errno);
  }
  const unsigned flags = replace == Replace::No ? RENAME_NOREPLACE : 0;
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags) != 0) {
    if (replace == Replace::No && errno == EEXIST) return false;
    fail(to, "rename", errno);
  }
  sync_directory(to);
  return true;
}

bool create_file_once(const std::string& path, const std::string& content,
                      const std::string& temporary) {
  write_file_atomically(temporary, content);
  std::error_code error;
  bool moved = false;
  try {
    moved = move_file_durably(temporary, path, Replace::No);
  } catch (const Error&) {
    std::filesystem::remove(temporary, error);  // never left behind (review 43, R43-9)
    throw;
  }
  if (!moved) std::filesystem::remove(temporary, error);
  return moved;
}

EarlierFile read_earlier_output(const std::string& path, std::size_t limit) {
  EarlierFile file;
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (fd.get() < 0) {
    // ELOOP: the name is a symbolic link; ENXIO: a socket.
    file.state = errno == ENOENT                    ? EarlierFile::State::Missing
                 : errno == ELOOP || errno == ENXIO ? EarlierFile::State::NotRegular
                                                    : EarlierFile::State::Unreadable;
    return file;
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) {
    file.state = EarlierFile::State::Unreadable;
    return file;
  }
  if (!S_ISREG(status.st_mode)) {
    file.state = EarlierFile::State::NotRegular;
    return file;
  }
  if (static_cast<std::uintmax_t>(status.st_size) > limit) {
    file.state = EarlierFile::State::TooLarge;
    return file;
  }
  std::vector<char> chunk(65536);
  // Up to one byte past the limit: a file that grew since fstat is too large as well.
  while (file.bytes.size() <= limit) {
    const ssize_t got = ::read(fd.get(), chunk.data(), chunk.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      file.state = EarlierFile::State::Unreadable;
      file.bytes.clear();
      return file;
    }
    if (got == 0) break;
    file.bytes.append(chunk.data(), static_cast<std::size_t>(got));
  }
  if (file.bytes.size() > limit) {
    file.bytes.clear();
    file.state = EarlierFile::State::TooLarge;
    return file;
  }
  file.state = EarlierFile::State::Read;
  return file;
}

void flush_file_system(const std::string& directory) {
  Descriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::syncfs(fd.get()) != 0) {
    throw Error(ErrorCode::OutputFailed,
                directory + ": cannot flush output (" + std::strerror(errno) + ")");
  }
}

}  // namespace mammocalc
