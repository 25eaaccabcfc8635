#pragma once
// Writing output files so that a reader never sees half of one.

#include <cstddef>
#include <string>
#include <string_view>

namespace mammocalc {

// When the content reaches the disk. Either way a reader (or a rerun after SIGKILL) never sees
// half a file; the difference is a power failure or kernel crash.
enum class Flush {
  Now,       // fsync before the file gets its name: the name never points at lost data
  Deferred,  // the caller flushes many files at once (flush_file_system) before it reports them
};

// Throws Error(Usage) when `path` exists and is no regular file (a device, a FIFO, a socket, a
// directory): an atomic write would replace it. Nothing is checked for a path that does not exist.
void refuse_non_regular_output(const std::string& path);

// A file written in pieces that appears under its name only when complete: commit() gives it the
// name (replacing an older file); destroyed uncommitted, it leaves nothing behind. Throws
// Error(OutputFailed) naming the path.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data);
  void commit(Flush flush = Flush::Now);
  // Whether `directory` names the directory the file was made in, and gets its name in: that
  // one is held from construction, so a directory put at its path meanwhile gets nothing.
  bool made_in(const std::string& directory) const;

 private:
  void name_file();  // gives the written file its name (link or rename)

  std::string path_;
  std::string name_;       // the file's name within its directory
  int directory_fd_ = -1;  // its directory, as it was when the file was made
  int fd_ = -1;
  std::string temporary_;  // the named temporary, where the file system has no O_TMPFILE
  bool committed_ = false;
};

// Writes `content` to `path` through a temporary file in the same directory and a rename.
// Throws Error(OutputFailed) naming the path; no temporary file remains on failure.
void write_file_atomically(const std::string& path, const std::string& content,
                           Flush flush = Flush::Now);

// Whether a move may replace a file that has the target name.
enum class Replace { Yes, No };

// Moves the file `from` to `to` in one step, durably: its data is flushed first and its directory
// after, so a power failure loses neither. With Replace::No an existing `to` is kept (renameat2
// RENAME_NOREPLACE: a file another process makes meanwhile too) and false is returned. Throws
// Error(OutputFailed) naming `to` for any other failure.
bool move_file_durably(const std::string& from, const std::string& to, Replace replace);

// Writes `content` to `path` only where nothing has the name, in one step that no other process's
// write replaces (through `temporary`, a name of this attempt's own, never left behind): of two
// writers at once one writes it and the other gets false. Throws Error(OutputFailed) naming the
// path for any other failure.
bool create_file_once(const std::string& path, const std::string& content,
                      const std::string& temporary);

// An output of an earlier call, read back (to compare or amend it): what the name holds.
struct EarlierFile {
  enum class State {
    Missing,     // nothing has the name
    NotRegular,  // a symbolic link, directory, FIFO, socket or device: never read
    TooLarge,    // larger than the limit: not read
    Unreadable,  // open or read failed
    Read,        // `bytes` holds the whole file
  };
  State state = State::Missing;
  std::string bytes;
};

// Reads `path` whole when it is a regular file of at most `limit` bytes. Opened once, with no
// link followed and without blocking, and checked on that descriptor: the name cannot be swapped
// for a link or a FIFO between the check and the read (review 41, R41-15).
EarlierFile read_earlier_output(const std::string& path, std::size_t limit);

// Flushes everything written to the file system that holds `directory` (syncfs): one flush for a
// whole batch of Flush::Deferred writes. Throws Error(OutputFailed) naming the directory.
void flush_file_system(const std::string& directory);

}  // namespace mammocalc
