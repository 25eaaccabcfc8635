#pragma once
// Locks on the names of output files, held while one object's outputs are written: between the
// worker threads of one process (a mutex per name) and between processes that share the
// directory (an open file description lock, fcntl F_OFD_SETLKW, on one byte per name of a lock
// file in the directory). `serve` holds the names of an object's kept copy, summary and result
// SR together, so two objects that would write one name, in one process or in two, write one
// after the other.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mammocalc {

class OutputLocks {
 public:
  // The lock file is made on first use (kLockFileName in `directory`) and never removed.
  static constexpr const char* kLockFileName = ".mammocalc-serve.lock";

  explicit OutputLocks(std::string directory) : directory_(std::move(directory)) {}
  OutputLocks(const OutputLocks&) = delete;
  OutputLocks& operator=(const OutputLocks&) = delete;

  // The locks of some names, held from hold() or try_hold() until destroyed.
  class Held {
   public:
    Held(Held&& other) noexcept;
    Held& operator=(Held&&) = delete;
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;
    ~Held();

   private:
    friend class OutputLocks;
    explicit Held(OutputLocks& locks) : locks_(&locks) {}
    OutputLocks* locks_;
    std::vector<std::string> names_;  // whose in-process mutexes are held
    int file_ = -1;                   // the lock file, its byte locks with it
  };

  // Waits for and holds the locks of `names` (in any order; repeats are taken once, empty names
  // not at all). Locks are
  // taken in one global order (the names sorted, then their bytes sorted), so two holders never
  // wait for each other. Throws Error(OutputFailed) naming the lock file when it cannot be
  // opened or locked.
  Held hold(std::vector<std::string> names);
  // As hold(), without waiting: nothing when a thread or another process holds one of them.
  std::optional<Held> try_hold(std::vector<std::string> names);

 private:
  struct Entry {
    std::mutex mutex;
    unsigned users = 0;  // threads holding or waiting for `mutex`
  };
  enum class Wait { Yes, No };

  std::optional<Held> take(std::vector<std::string> names, Wait wait);
  std::mutex& enter(const std::string& name);
  void leave(const std::string& name);    // a user less, without the mutex
  void release(const std::string& name);  // unlocks the mutex held, a user less

  std::string directory_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // std::map keeps its nodes in place
};

}  // namespace mammocalc
