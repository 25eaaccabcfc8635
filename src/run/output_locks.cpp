#include "run/output_locks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <system_error>
#include <thread>

#include "base/error.hpp"
#include "dicom/sr_writer.hpp"

namespace mammocalc {
namespace {

// The byte of the lock file that stands for `name`: from its SHA-1, the same in every process
// and every version (std::hash is neither). 60 bits: far below the largest offset, and two names
// sharing a byte only wait for each other.
off_t byte_of(const std::string& name) {
  constexpr std::size_t kHexDigits = 15;
  return static_cast<off_t>(std::stoull(hex_digest(name).substr(0, kHexDigits), nullptr, 16));
}

// How long a holder waits for another process's lock of a name before the object fails (out of
// resources: the sender retries). Another serve writes one object's files in well under that; one
// frozen while holding it would otherwise hold this worker, and serve's stop, as long (hostile
// review 54, H54-5).
constexpr std::chrono::seconds kLongestLockWait{10};
constexpr std::chrono::milliseconds kLockPoll{20};

[[noreturn]] void fail(const std::string& path, const std::string& what, int error_number) {
  throw Error(ErrorCode::OutputFailed, path + ": cannot lock outputs (" + what + ": " +
                                           std::generic_category().message(error_number) + ")");
}

}  // namespace

OutputLocks::Held::Held(Held&& other) noexcept
    : locks_(other.locks_), names_(std::move(other.names_)), file_(other.file_) {
  other.names_.clear();
  other.file_ = -1;
}

OutputLocks::Held::~Held() {
  // Closing the description releases its byte locks.
  if (file_ >= 0) ::close(file_);
  for (const std::string& name : names_) locks_->release(name);
}

std::mutex& OutputLocks::enter(const std::string& name) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Entry& entry = entries_[name];
  ++entry.users;
  return entry.mutex;
}

void OutputLocks::leave(const std::string& name) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto found = entries_.find(name);
  if (--found->second.users == 0) entries_.erase(found);
}

void OutputLocks::release(const std::string& name) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto found = entries_.find(name);
  found->second.mutex.unlock();
  if (--found->second.users == 0) entries_.erase(found);
}

OutputLocks::Held OutputLocks::hold(std::vector<std::string> names) {
  return *take(std::move(names), Wait::Yes);
}

std::optional<OutputLocks::Held> OutputLocks::try_hold(std::vector<std::string> names) {
  return take(std::move(names), Wait::No);
}

std::optional<OutputLocks::Held> OutputLocks::take(std::vector<std::string> names, Wait wait) {
  names.erase(std::remove(names.begin(), names.end(), std::string()), names.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  Held held(*this);
  // The threads of this process first, each name's mutex in name order.
  for (const std::string& name : names) {
    std::mutex& mutex = enter(name);
    if (wait == Wait::Yes) {
      mutex.lock();
    } else if (!mutex.try_lock()) {
      leave(name);
      return std::nullopt;  // `held` releases the names taken so far
    }
    held.names_.push_back(name);
  }
  // Then other processes: a description of our own, so that its locks are this holder's alone
  // (OFD locks conflict between descriptions, also within one process) and go with its close.
  const std::string path = (std::filesystem::path(directory_) / kLockFileName).string();
  held.file_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (held.file_ < 0) fail(path, "open", errno);
  std::vector<off_t> bytes(names.size());
  std::transform(names.begin(), names.end(), bytes.begin(), byte_of);
  std::sort(bytes.begin(), bytes.end());
  bytes.erase(std::unique(bytes.begin(), bytes.end()), bytes.end());
  for (const off_t byte : bytes) {
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = byte;
    lock.l_len = 1;
    const auto deadline = std::chrono::steady_clock::now() + kLongestLockWait;
    for (;;) {
      if (::fcntl(held.file_, F_OFD_SETLK, &lock) == 0) break;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EACCES) fail(path, "lock", errno);
      if (wait == Wait::No) return std::nullopt;
      if (std::chrono::steady_clock::now() >= deadline) {
        throw Error(ErrorCode::OutputFailed,
                    path + ": another process has held the lock of an output name for more than " +
                        std::to_string(kLongestLockWait.count()) + " s; answered out of resources");
      }
      std::this_thread::sleep_for(kLockPoll);
    }
  }
  return held;
}

}  // namespace mammocalc
