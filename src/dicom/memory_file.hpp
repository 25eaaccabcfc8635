#pragma once
// An anonymous file in memory (memfd) that a library can open by name: the SR reader stages its
// input there so DCMTK loads long values only when used, and the SR writer lets DCMTK save into
// it. Failures are reported by return value, with errno set; callers say what failed.

#include <string>

namespace mammocalc {

class MemoryFile {
 public:
  MemoryFile();
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  std::string path() const;                 // "/proc/self/fd/N"
  bool append(const std::string& bytes);    // at the end; false when not all was written
  bool read_all(std::string& bytes) const;  // the whole content, from the start

 private:
  int fd_ = -1;
};

}  // namespace mammocalc
