#pragma once
// A log that several threads write to, one whole line at a time (the endpoint's workers share
// standard error): lines never interleave, and each is flushed as it is written.

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace mammocalc {

// `text` with each control character (below 0x20, and 0x7F) written as \xHH (a newline as \x0A),
// so that it is one line whatever it holds: AE titles, UIDs and other text a peer sends may hold
// anything, and a newline among them would start a line that looks like the log's own. Other
// bytes (UTF-8 in a path) are kept as they are.
std::string escape_control_characters(std::string_view text);

class LineLog {
 public:
  explicit LineLog(std::ostream& out) : out_(out) {}
  LineLog(const LineLog&) = delete;
  LineLog& operator=(const LineLog&) = delete;

  // Writes `line`, its control characters escaped (escape_control_characters: never more than
  // one line, whatever a peer put into it), and a newline, then flushes; safe to call from any
  // thread.
  void write(std::string_view line) const;

 private:
  std::ostream& out_;
  mutable std::mutex mutex_;
};

}  // namespace mammocalc
