#pragma once
// A log that several threads write to, one whole line at a time (the endpoint's workers share
// standard error): lines never interleave, and each is flushed as it is written.

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace mammocalc {

// `text` with each control character (below 0x20, 0x7F, and the C1 controls U+0080 to U+009F)
// written as \xHH (a newline as \x0A), byte by byte, so that it is one line whatever it holds:
// AE titles, UIDs and other text a peer sends may hold anything, and a newline among them would
// start a line that looks like the log's own. A byte that is no part of a well-formed UTF-8
// character (0xFF, a cut sequence) is written as \xHH too, so the line is valid UTF-8 (journald
// keeps others as binary). Other text (UTF-8 in a path) is kept as it is.
std::string escape_control_characters(std::string_view text);

// "SOURCE: MESSAGE" and a newline, MESSAGE's control characters escaped: the one form of every
// line mammocalc says on standard error or in a log, one line whatever a file name in it holds (a
// newline in a name would split it in two).
std::string log_line(std::string_view source, std::string_view message);

// "mammocalc: MESSAGE" and a newline (log_line): every error line on standard error.
std::string error_line(std::string_view message);

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
