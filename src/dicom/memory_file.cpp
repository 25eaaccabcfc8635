#include "dicom/memory_file.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace mammocalc {

MemoryFile::MemoryFile() : fd_(::memfd_create("mammocalc", MFD_CLOEXEC)) {}

MemoryFile::~MemoryFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string MemoryFile::path() const { return "/proc/self/fd/" + std::to_string(fd_); }

bool MemoryFile::append(const std::string& bytes) {
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (fd_ >= 0 && left > 0) {
    const ssize_t written = ::write(fd_, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return fd_ >= 0;
}

bool MemoryFile::read_all(std::string& bytes) const {
  bytes.clear();
  std::array<char, 65536> block;
  off_t offset = 0;
  for (;;) {
    const ssize_t got = ::pread(fd_, block.data(), block.size(), offset);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return false;
    if (got == 0) return true;
    bytes.append(block.data(), static_cast<std::size_t>(got));
    offset += got;
  }
}

}  // namespace mammocalc
