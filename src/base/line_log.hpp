#pragma once
// A log that several threads write to, one whole line at a time (the endpoint's workers share
// standard error): lines never interleave, and each is flushed as it is written.

#include <mutex>
#include <ostream>
#include <string_view>

namespace mammocalc {

class LineLog {
 public:
  explicit LineLog(std::ostream& out) : out_(out) {}
  LineLog(const LineLog&) = delete;
  LineLog& operator=(const LineLog&) = delete;

  // Writes `line` and a newline, then flushes; safe to call from any thread.
  void write(std::string_view line) const;

 private:
  std::ostream& out_;
  mutable std::mutex mutex_;
};

}  // namespace mammocalc
