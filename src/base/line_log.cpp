#include "base/line_log.hpp"

namespace mammocalc {

void LineLog::write(std::string_view line) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  out_ << line << '\n' << std::flush;
}

}  // namespace mammocalc
