#include "dicom/store_scp.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <limits>
#include <list>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include "base/error.hpp"
#include "base/uid.hpp"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcmetinf.h"
#include "dcmtk/dcmdata/dcostrma.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmdata/dcxfer.h"
#include "dcmtk/dcmnet/assoc.h"
#include "dcmtk/dcmnet/dcmtrans.h"
#include "dcmtk/dcmnet/dimse.h"
#include "dcmtk/dcmnet/dul.h"
#include "dcmtk/dcmnet/scpthrd.h"
#include "dcmtk/dcmtls/tlslayer.h"
#include "dicom/sr_reader.hpp"

namespace mammocalc {
namespace {

// The transfer syntaxes an echo or an SR we read is accepted in, in the order we prefer them:
// the uncompressed ones and deflated, all of which the SR reader reads.
constexpr std::array<const char*, 4> kReadableSyntaxes{
    UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
    UID_BigEndianExplicitTransferSyntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax};

// An SR of a class the reader does not summarise may still hold a breast imaging report (a
// key object's or a dose report's UID put on it): such objects are received whole, as the SRs we
// read are, so that the reader can tell a damaged report (0xC000) from an SR about something
// else (success, skipped; hostile review 51, H51-3). Where the sender proposes no syntax the
// reader reads, the object is discarded as it arrives, as images are.
constexpr const char* kSrFamilyRoot = "1.2.840.10008.5.1.4.1.1.88.";
bool is_read_sop_class(const std::string& uid) {
  return is_accepted_sop_class(uid) || uid.rfind(kSrFamilyRoot, 0) == 0;
}
bool is_readable_syntax(const std::string& uid) {
  return std::any_of(kReadableSyntaxes.begin(), kReadableSyntaxes.end(),
                     [&](const char* readable) { return uid == readable; });
}

// Every storage SOP class sits under this root (PS3.6 Annex A); a class newer than the DCMTK
// installed is still accepted by it, as a PACS forwarding a whole study may send one.
constexpr const char* kStorageRoot = "1.2.840.10008.5.1.4.1.1.";

bool is_storage_sop_class(const char* uid) {
  return dcmIsaStorageSOPClassUID(uid, ESSC_All) || std::string(uid).rfind(kStorageRoot, 0) == 0;
}

// The transfer syntax a proposed context is accepted in, nullptr for none. An echo or an SR we
// read: the first of kReadableSyntaxes the sender proposes. A class we discard unread: the first
// proposed syntax DCMTK knows, in the sender's order, as any encoding will do there and a sender
// holding a compressed image may be unable to convert it (storescu cannot).
const char* chosen_transfer_syntax(const T_ASC_PresentationContext& context, bool discarded) {
  const auto* proposed = context.proposedTransferSyntaxes;
  const auto* proposed_end = proposed + context.transferSyntaxCount;
  if (discarded) {
    const auto* known = std::find_if(proposed, proposed_end, [](const DIC_UI& syntax) {
      return DcmXfer(syntax).getXfer() != EXS_Unknown;
    });
    return known != proposed_end ? *known : nullptr;
  }
  for (const char* preferred : kReadableSyntaxes) {
    const auto* match = std::find_if(proposed, proposed_end, [&](const DIC_UI& syntax) {
      return std::string(syntax) == preferred;
    });
    if (match != proposed_end) return *match;
  }
  return nullptr;
}

std::string trimmed(const OFString& ae_title) {
  const std::string text = ae_title.c_str();
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// A calling AE title that names nobody: blank (PS3.8 9.3.2: it shall not be all spaces) or
// starting with NUL; DCMTK gives both as empty, and keeps nothing of what followed a NUL. Never
// accepted, --allow-ae or not: left to DCMTK's negotiation it was never answered and held a
// worker until the timeouts ran out.
bool is_blank_ae_title(const std::string& calling) { return calling.empty(); }

// The log line of an association whose called AE title is not this endpoint's (without the peer).
std::string called_ae_refusal(const std::string& calling, const std::string& called,
                              const StoreScpConfig& config) {
  return "mammocalc serve: rejected an association from calling AE title '" + calling +
         "' to called AE title '" + called + "' (this endpoint is '" + config.ae_title +
         "', --aetitle)";
}

// The log line of an association from a calling AE title outside --allow-ae, or a blank one
// (without the peer).
std::string calling_ae_refusal(const std::string& calling) {
  return "mammocalc serve: rejected an association from calling AE title '" + calling +
         (is_blank_ae_title(calling) ? "' (blank, or starting with NUL: names no sender)"
                                     : "' (not in --allow-ae)");
}

bool calling_ae_allowed(const std::string& calling, const StoreScpConfig& config) {
  const auto& allowed = config.allowed_calling_aes;
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), calling) != allowed.end();
}

// The message of an errno value; strerror's buffer is shared between threads, this one is not.
std::string system_reason(int error_number) {
  return std::generic_category().message(error_number);
}

// DCMTK's text of `condition` on one line: some of its texts span several ("DUL Association
// Rejected" and the reasons below it).
std::string one_line(const OFCondition& condition) {
  std::string text = condition.text();
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
    text.replace(at, 1, "; ");
  }
  return text;
}

// How log lines name a received object: as the caller's policy names it, else by its SOP Instance
// UID as announced, or, when that is no valid UID (it may hold anything), not at all.
std::string received_name(const StoreScpConfig& config, const std::string& sop_instance_uid) {
  if (config.log_name) return "received:" + config.log_name(sop_instance_uid);
  return "received:" + (is_uid(sop_instance_uid, 2) ? sop_instance_uid : "(an invalid UID)");
}

using Clock = std::chrono::steady_clock;

// What a connection's thread waits for from its peer, which sets the deadline it has.
enum class Wait {
  Request,  // the TLS handshake and the association request: --acse-timeout in all
  Message,  // the next message, a command and its data set: --message-timeout in all
  Nothing,  // the endpoint is handling a message (summarising, answering): no deadline
};

// Why a connection was shut down by its watch.
enum class Cut {
  None,
  Deadline,  // what it waited for did not arrive in time
  Stop,      // the endpoint is stopping
};

// Whom a stopping endpoint cuts off at once, whatever their deadline.
enum class Stopping {
  No,
  Requests,  // connections still without an association (nothing of theirs is in progress)
  Waiting,   // also associations waiting for their peer (the shutdown timeout has passed);
             // the others are cut before their next command (Watch::cut_before_command)
};

// One connection's deadline, enforced from the listener thread: DCMTK bounds each read (and the
// read of each PDU) by the DIMSE timeout, not a whole message, so a peer that sends a byte or a
// PDU now and then would hold its thread, and a stop, for ever. Shutting the socket down ends
// whatever read or handshake DCMTK is blocked in.
class Watch {
 public:
  // Watches `connection` through a duplicate of the socket: DCMTK closes its own when it likes,
  // and that number may then be reused by the next connection accepted. Throws
  // std::system_error (with fcntl's errno) when no duplicate can be made (out of descriptors).
  static std::shared_ptr<Watch> open(int connection) {
    const int duplicate = ::fcntl(connection, F_DUPFD_CLOEXEC, 0);
    if (duplicate < 0) throw std::system_error(errno, std::generic_category(), "dup");
    return std::make_shared<Watch>(duplicate);
  }
  // Takes over `duplicate`, an open descriptor of the watched socket (see open()).
  explicit Watch(int duplicate) : socket_(duplicate) {}
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;
  ~Watch() { close(); }

  // From now on the thread waits for `what`, which must have arrived within `seconds`.
  void expect(Wait what, unsigned seconds) {
    const std::lock_guard<std::mutex> lock(mutex_);
    waiting_ = what;
    deadline_ = Clock::now() + std::chrono::seconds(seconds);
  }
  // The message has arrived; the thread handles it and answers.
  void handling() {
    const std::lock_guard<std::mutex> lock(mutex_);
    waiting_ = Wait::Nothing;
  }
  Wait waiting() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return waiting_;
  }
  Cut cut() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return cut_;
  }
  // Shuts the connection down when what it waits for is overdue, or when `stopping` says so.
  void enforce(Clock::time_point now, Stopping stopping) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stopping == Stopping::Waiting) past_shutdown_timeout_ = true;
    if (socket_ < 0 || cut_ != Cut::None || waiting_ == Wait::Nothing) return;
    if (now >= deadline_) {
      cut_ = Cut::Deadline;
    } else if (stopping == Stopping::Waiting ||
               (stopping == Stopping::Requests && waiting_ == Wait::Request)) {
      cut_ = Cut::Stop;
    } else {
      return;
    }
    ::shutdown(socket_, SHUT_RDWR);
  }
  // Before a command is handled: once the endpoint's shutdown timeout has passed, the connection
  // is cut off (Cut::Stop) instead, as one waiting for its peer is. True when it is cut.
  bool cut_before_command() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (past_shutdown_timeout_ && socket_ >= 0 && cut_ == Cut::None) {
      cut_ = Cut::Stop;
      ::shutdown(socket_, SHUT_RDWR);
    }
    return cut_ != Cut::None;
  }
  // The thread is done with the connection: nothing is cut from here on.
  void close() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (socket_ >= 0) ::close(socket_);
    socket_ = -1;
  }

 private:
  mutable std::mutex mutex_;
  int socket_;  // the duplicate; -1 once closed
  Wait waiting_ = Wait::Request;
  // None until the connection's thread arms it (SocketHandOff::take): the time a new thread waits
  // to be scheduled, or for another connection's hand-off, is not the peer's.
  Clock::time_point deadline_ = Clock::time_point::max();
  Cut cut_ = Cut::None;
  bool past_shutdown_timeout_ = false;  // enforced with Stopping::Waiting once
};

// What the listener and every connection's thread share for one run of the endpoint.
struct Shared {
  const StoreScpConfig& config;
  const ReceivedObjectHandler& handle;
  const LineLog& log;
  T_ASC_Network* network;
  std::atomic<unsigned long> received{0};  // numbers the associations' receive files (ReceiveFile)
  std::atomic<unsigned> associations{0};   // associations running (max_associations)
  // Held while dcmExternalSocketHandle names one thread's connection (SocketHandOff).
  std::mutex hand_off{};
};

// DCMTK takes over an accepted connection through dcmExternalSocketHandle, one value for the
// whole process, which ASC_receiveAssociation reads before it blocks on anything. Each
// connection's thread sets it under Shared::hand_off and lets go as soon as DCMTK has taken the
// socket (HandOffLayer::createConnection), so connections wait for their association requests
// and TLS handshakes side by side, and never on one another. Only then does the connection's
// deadline for its request start (`acse_timeout_s`, on `watch`).
class SocketHandOff {
 public:
  SocketHandOff(std::mutex& mutex, int connection, Watch& watch, unsigned acse_timeout_s)
      : lock_(mutex), watch_(watch), acse_timeout_s_(acse_timeout_s) {
    dcmExternalSocketHandle.set(connection);
    current_ = this;
  }
  SocketHandOff(const SocketHandOff&) = delete;
  SocketHandOff& operator=(const SocketHandOff&) = delete;
  ~SocketHandOff() {
    release();
    current_ = nullptr;
  }
  // Whether DCMTK took the socket over (and so closes it), else it is still the caller's.
  bool taken() const { return taken_; }
  // Called by the transport layer on the thread whose socket DCMTK has just taken.
  static void take() {
    if (current_ == nullptr) return;
    current_->taken_ = true;
    current_->watch_.expect(Wait::Request, current_->acse_timeout_s_);
    current_->release();
  }

 private:
  void release() {
    if (!lock_.owns_lock()) return;
    dcmExternalSocketHandle.set(DCMNET_INVALID_SOCKET);
    lock_.unlock();
  }
  std::unique_lock<std::mutex> lock_;
  Watch& watch_;
  unsigned acse_timeout_s_;
  bool taken_ = false;
  static thread_local SocketHandOff* current_;
};
thread_local SocketHandOff* SocketHandOff::current_ = nullptr;

// A DCMTK transport layer (plain, or TLS) that says when it takes a connection over.
template <class Layer>
class HandOffLayer : public Layer {
 public:
  using Layer::Layer;
  DcmTransportConnection* createConnection(DcmNativeSocketType socket, OFBool secure) override {
    SocketHandOff::take();
    return Layer::createConnection(socket, secure);
  }
};

// FNV-1a, 64 bits, of `size` more bytes after `digest`: a check, not a secret, that the spool
// file holds what was written to it.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
std::uint64_t fnv1a(std::uint64_t digest, const char* data, std::size_t size) {
  constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
  for (std::size_t i = 0; i < size; ++i) {
    digest = (digest ^ static_cast<unsigned char>(data[i])) * kFnvPrime;
  }
  return digest;
}

// 16 random hex digits.
std::string random_hex() {
  std::random_device device;
  constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (std::size_t i = 0; i < hex.size(); i += 4) {
    const unsigned bits = device();
    for (std::size_t j = 0; j < 4; ++j) hex[i + j] = kDigits[(bits >> (4 * j)) & 0xFU];
  }
  return hex;
}

// The name an association's SRs arrive under, one after the other: each SR's file is made new
// there (SpoolSink::open, hostile review 58, H58-5) and removed once its bytes are read back
// (SpoolSink::close, H59-3), so no file stays when the association ends.
class ReceiveFile {
 public:
  // Named by the process, the association and a random part: two serves on one directory in
  // containers of their own may have one process id (both 1), and their files one name (hostile
  // review 56, H56-4: one serve's object was the other's).
  ReceiveFile(const std::string& directory, unsigned long number)
      : path_((std::filesystem::path(directory) /
               (".received-" + std::to_string(::getpid()) + "-" + std::to_string(number) + "-" +
                random_hex() + ".dcm"))
                  .string()) {}
  ReceiveFile(const ReceiveFile&) = delete;
  ReceiveFile& operator=(const ReceiveFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Whether `name` is a ReceiveFile's (.received-PID-N-HEX.dcm, or .received-PID-N.dcm as earlier
// versions named it); sets `pid`.
bool is_receive_file_name(const std::string& name, pid_t& pid) {
  const std::string prefix = ".received-";
  const std::string suffix = ".dcm";
  if (name.size() <= prefix.size() + suffix.size() || name.rfind(prefix, 0) != 0 ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return false;
  }
  std::string middle = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (const auto last = middle.rfind('-'); last != std::string::npos && last != middle.find('-')) {
    const std::string random = middle.substr(last + 1);
    if (random.empty() || random.find_first_not_of("0123456789abcdef") != std::string::npos) {
      return false;
    }
    middle.resize(last);
  }
  const auto dash = middle.find('-');
  const auto digits = [](const std::string& text) {
    return !text.empty() && text.size() <= 9 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (dash == std::string::npos || !digits(middle.substr(0, dash)) ||
      !digits(middle.substr(dash + 1))) {
    return false;
  }
  pid = static_cast<pid_t>(std::stol(middle.substr(0, dash)));
  return pid > 0;  // kill(0) would name this process's group
}

// Removes the receive files that processes no longer running left in `directory` (a serve killed
// by SIGKILL, a power cut: ReceiveFile's destructor never ran), each the size of an SR, and says
// so in one line. Another serve sharing the directory is a running process: its files stay (so
// does a file whose process id a new process has since taken, until the next start). This
// process has none yet: a file with its id is an earlier process's. Process ids are this
// system's, so serves sharing the directory must share the process id namespace (not two
// containers).
void remove_stale_receive_files(const std::string& directory, const LineLog& log) {
  std::error_code error;
  std::filesystem::directory_iterator entries(directory, error);
  if (error) return;  // checked writable at start-up; the next store says what is wrong
  unsigned removed = 0;
  for (const auto& entry : entries) {
    pid_t pid = 0;
    if (!is_receive_file_name(entry.path().filename().string(), pid)) continue;
    const bool running = pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM);
    if (!running && std::filesystem::remove(entry.path(), error)) ++removed;
  }
  if (removed > 0) {
    log.write("mammocalc serve: " + directory + ": removed " + std::to_string(removed) +
              (removed == 1 ? " spool file" : " spool files") +
              " left by stopped processes (.received-PID-N-HEX.dcm)");
  }
}

// Where an SR we read is written as it arrives (through SpoolStream): the association's receive
// file. Every write is checked -- DCMTK 3.6.7's own file receiver writes through stdio and never
// sees a failure that only shows when its last buffer is written at fclose -- and the first
// failure (a full disk, an I/O error) or the object growing past `limit` bytes ends the writing:
// the file is removed at once, freeing its space, and the rest of the object is taken as if
// written, so that DCMTK reads it to its end and the association goes on. Reporting the failure
// to DCMTK instead makes it drain the object itself (DIMSE_ignoreDataSet), which after a failed
// last fragment waits for one more that never comes, until the DIMSE timeout.
class SpoolSink : public DcmConsumer {
 public:
  enum class Outcome {
    Stored,     // the whole object is in the file
    Failed,     // it could not be written (problem()); the file is removed
    OverLimit,  // it is larger than the limit; the file is removed
  };

  SpoolSink(std::string path, std::size_t limit)
      : path_(std::move(path)),
        name_(std::filesystem::path(path_).filename().string()),
        limit_(limit) {}
  SpoolSink(const SpoolSink&) = delete;
  SpoolSink& operator=(const SpoolSink&) = delete;
  ~SpoolSink() override {
    if (file_ >= 0) ::close(file_);
    if (directory_ >= 0) ::close(directory_);
  }

  // Creates the file, or empties the association's earlier one. False when it cannot (errno).
  bool open() {
    // Named in the directory held from here on: the output directory moved away while the
    // object arrives (a rotation) leaves no spool file behind in it, unsaid (hostile review 59,
    // H59-3).
    const std::string directory = std::filesystem::path(path_).parent_path().string();
    directory_ =
        ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory_ < 0) return false;
    // Made new for each object, never opened through what another process put at the name (a
    // hard link to another exam's summary would have been emptied and overwritten: hostile
    // review 58, H58-5); read back through this descriptor (close()).
    if (::unlinkat(directory_, name_.c_str(), 0) != 0 && errno != ENOENT) return false;
    file_ = ::openat(directory_, name_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     0600);
    return file_ >= 0;
  }
  // Ends the writing with `problem` (unless it has ended already): the file is removed.
  // Reads what was written back into bytes_, through the descriptor: the file holds the bytes
  // written (truncated in place by another process and written on, it holds zeros before them).
  bool read_written() {
    bytes_.assign(stored_, '\0');
    std::size_t total = 0;
    while (total < stored_) {
      const ssize_t got =
          ::pread(file_, bytes_.data() + total, stored_ - total, static_cast<off_t>(total));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      total += static_cast<std::size_t>(got);
    }
    const bool whole = total == stored_ && fnv1a(kFnvOffset, bytes_.data(), total) == digest_;
    if (!whole) bytes_.clear();
    return whole;
  }

  // What another process put at the file's name is left to it (`remove` false).
  void fail(Outcome outcome, const std::string& problem, bool remove = true) {
    if (outcome_ != Outcome::Stored) return;
    outcome_ = outcome;
    problem_ = problem;
    if (file_ >= 0) ::close(file_);
    file_ = -1;
    if (remove) remove_file();
  }
  // Closes the file once the object has arrived; a failure then (some file systems report a
  // failed write only here) is a failure to write it. So is a file that is no longer the one
  // written at its name, whole: removed, made again or replaced while the object arrived (its
  // directory unmounted or cleaned), it is not the object the sender sent (hostile reviews 56 and
  // 57, H56-3, H57-2, H57-3: answered 0xC000, which senders do not retry, or success for
  // another file's summary).
  Outcome close() {
    if (file_ < 0) return outcome_;
    struct stat written {};
    const bool known = ::fstat(file_, &written) == 0;
    // The object as written, read back through the descriptor, never again through the name,
    // which another process may take meanwhile (hostile review 58, H58-2, H58-3).
    const bool read_back = outcome_ != Outcome::Stored || read_written();
    const int closed = ::close(file_);
    file_ = -1;
    if (closed != 0) {
      fail(Outcome::Failed, system_reason(errno));
      return outcome_;
    }
    struct stat named {};
    if (::fstatat(directory_, name_.c_str(), &named, AT_SYMLINK_NOFOLLOW) != 0) {
      fail(Outcome::Failed, path_ + " is gone since it was written (" + system_reason(errno) + ")",
           false);
    } else if (!known || !read_back || named.st_dev != written.st_dev ||
               named.st_ino != written.st_ino ||
               static_cast<std::size_t>(named.st_size) != stored_) {
      fail(Outcome::Failed, path_ + " was changed by another process while the object arrived",
           false);
    } else if (outcome_ == Outcome::Stored) {
      // Its bytes are read back: the file goes now, so no copy of the report stays in the
      // directory however the association ends.
      remove_file();
    }
    return outcome_;
  }
  const std::string& problem() const { return problem_; }

  // The object as received (close()); empty unless Stored.
  std::string take_bytes() { return std::move(bytes_); }

  OFBool good() const override { return OFTrue; }  // a failure is never DCMTK's to handle
  OFCondition status() const override { return EC_Normal; }
  OFBool isFlushed() const override { return OFTrue; }
  offile_off_t avail() const override { return std::numeric_limits<Sint32>::max(); }
  void flush() override {}
  offile_off_t write(const void* data, offile_off_t length) override {
    if (length <= 0 || outcome_ != Outcome::Stored) return length;
    const auto size = static_cast<std::size_t>(length);
    if (size > limit_ - stored_) {  // stored_ never exceeds limit_
      fail(Outcome::OverLimit,
           "larger than the input limit of " + std::to_string(limit_) + " bytes (--max-input-mb)");
      return length;
    }
    const char* next = static_cast<const char*>(data);
    for (std::size_t left = size; left > 0;) {
      const ssize_t written = ::write(file_, next, left);
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        fail(Outcome::Failed, written < 0 ? system_reason(errno) : "nothing written");
        return length;
      }
      next += written;
      left -= static_cast<std::size_t>(written);
    }
    stored_ += size;
    digest_ = fnv1a(digest_, static_cast<const char*>(data), size);
    return length;
  }

 private:
  void remove_file() const {
    if (directory_ >= 0) ::unlinkat(directory_, name_.c_str(), 0);
  }

  std::string path_;
  std::string name_;    // in directory_
  int directory_ = -1;  // held from open()
  std::size_t limit_;
  std::size_t stored_ = 0;
  std::uint64_t digest_ = kFnvOffset;  // of the bytes written (fnv1a)
  std::string bytes_;                  // read back (close())
  int file_ = -1;
  Outcome outcome_ = Outcome::Stored;
  std::string problem_;
};

// DCMTK's output stream over a SpoolSink (DcmOutputStream takes its consumer through a
// protected constructor, as DCMTK's own file stream does).
class SpoolStream : public DcmOutputStream {
 public:
  explicit SpoolStream(SpoolSink& sink) : DcmOutputStream(&sink) {}
};

// Writes the file meta information of a received object (PS3.10 7.1) to `out`, as DCMTK's own
// file receiver does (DIMSE_createFilestream): the object is stored as a DICOM file, which is
// how it is read and kept.
OFCondition write_meta_information(DcmOutputStream& out, const T_DIMSE_C_StoreRQ& request,
                                   const std::string& transfer_syntax,
                                   const std::string& calling_ae) {
  DcmMetaInfo meta;
  const std::array<Uint8, 2> version{0, 1};
  OFCondition status = meta.putAndInsertUint32(DCM_FileMetaInformationGroupLength, 0);
  if (status.good()) {
    status =
        meta.putAndInsertUint8Array(DCM_FileMetaInformationVersion, version.data(), version.size());
  }
  if (status.good()) {
    status = meta.putAndInsertString(DCM_MediaStorageSOPClassUID, request.AffectedSOPClassUID);
  }
  if (status.good()) {
    status =
        meta.putAndInsertString(DCM_MediaStorageSOPInstanceUID, request.AffectedSOPInstanceUID);
  }
  if (status.good()) {
    status = meta.putAndInsertString(DCM_TransferSyntaxUID, transfer_syntax.c_str());
  }
  if (status.good()) {
    status = meta.putAndInsertString(DCM_ImplementationClassUID, OFFIS_IMPLEMENTATION_CLASS_UID);
  }
  if (status.good()) {
    status = meta.putAndInsertString(DCM_ImplementationVersionName,
                                     OFFIS_DTK_IMPLEMENTATION_VERSION_NAME);
  }
  if (status.good() && !calling_ae.empty()) {
    status = meta.putAndInsertString(DCM_SourceApplicationEntityTitle, calling_ae.c_str());
  }
  if (status.good()) {
    status = meta.computeGroupLengthAndPadding(
        EGL_withGL, EPD_noChange, META_HEADER_DEFAULT_TRANSFERSYNTAX, EET_UndefinedLength);
  }
  if (status.bad()) return status;
  meta.transferInit();
  status = meta.write(out, META_HEADER_DEFAULT_TRANSFERSYNTAX, EET_ExplicitLength, nullptr);
  meta.transferEnd();
  return status;
}

// One association, served on a worker thread: DCMTK's DcmThreadSCP negotiates and receives,
// this class answers.
class StoreScp : public DcmThreadSCP {
 public:
  StoreScp(Shared& shared, std::string peer, int connection, Watch& watch)
      : shared_(shared),
        peer_(std::move(peer)),
        connection_(connection),
        watch_(watch),
        receive_file_(shared.config.receive_dir, ++shared.received) {
    setAETitle(shared.config.ae_title.c_str());
    // A peer that stops sending ends its association after the DIMSE timeout instead of holding
    // this worker: DCMTK applies the timeout only in non-blocking mode.
    setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    setDIMSETimeout(shared.config.dimse_timeout_s);
    setACSETimeout(shared.config.acse_timeout_s);
  }

  // Serves `association` (DcmThreadSCP::run); SRs we read are received on it here (receive_sr).
  void serve(T_ASC_Association* association) {
    association_ = association;
    run(association);
    association_ = nullptr;
  }

 protected:
  OFCondition handleIncomingCommand(T_DIMSE_Message* message,
                                    const DcmPresentationContextInfo& context) override {
    // Once this command is answered, the wait for the next message starts, and its deadline.
    const NextMessage next(watch_, shared_.config.message_timeout_s);
    // Past the shutdown timeout: the association ends before this command, said by
    // serve_connection (the watch's Cut::Stop) as for one cut off waiting for its peer.
    if (watch_.cut_before_command()) return DUL_NETWORKCLOSED;
    if (message->CommandField != DIMSE_C_STORE_RQ) {
      watch_.handling();
      return DcmSCP::handleIncomingCommand(message, context);
    }
    T_DIMSE_C_StoreRQ& request = message->msg.CStoreRQ;
    const T_ASC_PresentationContextID id = context.presentationContextID;
    // The context's class as negotiated may keep a sender's padding (a trailing space), which
    // the command's class has lost: compared without it (hostile review 55, H55-4).
    std::string context_class = context.abstractSyntax.c_str();
    context_class.erase(context_class.find_last_not_of(std::string(" \0", 2)) + 1);
    ReceivedObject object{
        request.AffectedSOPClassUID, request.AffectedSOPInstanceUID, context_class, {}, {}};
    if (object.sop_class_uid != object.context_sop_class_uid ||
        !is_read_sop_class(object.sop_class_uid) ||
        !is_readable_syntax(context.acceptedTransferSyntax.c_str())) {
      // Not an SR we read: streamed to /dev/null as it arrives, so an image of any size costs
      // neither memory nor disk; the handler says what the sender hears.
      const OFCondition received = receive_data_set(request, id, "/dev/null");
      if (received.bad()) return received;
      return sendSTOREResponse(id, request, dimse_status(shared_.handle(object)));
    }
    object.path = receive_file_.path();
    SpoolSink spool(object.path, shared_.config.max_received_bytes);
    // The directory may have become unwritable (a full disk, a changed mount) since start-up:
    // then the object is drained and answered "out of resources", which senders retry, instead
    // of DCMTK aborting the association without a word.
    if (!spool.open()) {
      const std::string reason = system_reason(errno);
      const OFCondition drained = receive_data_set(request, id, "/dev/null");
      if (drained.bad()) return drained;
      return answer_not_stored(request, id, object, reason);
    }
    const OFCondition received = receive_sr(request, context, spool);
    const SpoolSink::Outcome outcome = spool.close();
    // The spool file is gone here (SpoolSink), unless another process changed it: left alone.
    if (received.bad()) return received;
    // The object has arrived whole, whether it was stored or not: the association goes on.
    if (outcome == SpoolSink::Outcome::Failed) {
      return answer_not_stored(request, id, object, spool.problem());
    }
    if (outcome == SpoolSink::Outcome::OverLimit && !is_accepted_sop_class(object.sop_class_uid)) {
      // An SR of another class over the limit is what it was before it was read: skipped.
      object.path.clear();
      return sendSTOREResponse(id, request, dimse_status(shared_.handle(object)));
    }
    if (outcome == SpoolSink::Outcome::OverLimit) {
      shared_.log.write(
          "mammocalc serve: " + received_name(shared_.config, object.sop_instance_uid) + ": " +
          spool.problem() + "; discarded as it arrived");
      return sendSTOREResponse(id, request, dimse_status(StoreStatus::CannotUnderstand));
    }
    // The handler has written the summary (and any copy) before it returns: only then does the
    // sender hear success.
    object.bytes = spool.take_bytes();
    return sendSTOREResponse(id, request, dimse_status(shared_.handle(object)));
  }

  // DcmSCP 3.6.7 keeps its association private; the parameters it hands to this notifier are
  // that association's own (not a copy), so negotiateAssociation() below can answer them.
  void notifyAssociationRequest(const T_ASC_Parameters& params, DcmSCPActionType&) override {
    params_ = const_cast<T_ASC_Parameters*>(&params);
  }

  // Accepts as storescp does, without DcmSCP's association profile: that holds at most 128
  // presentation contexts, fewer than DCMTK's storage classes, so the later ones (X-Ray
  // Radiation Dose SR among them) were refused. Every proposed context is answered here.
  OFCondition negotiateAssociation() override {
    if (params_ == nullptr) return DIMSE_ILLEGALASSOCIATION;
    const int count = ASC_countPresentationContexts(params_);
    for (int position = 0; position < count; ++position) {
      T_ASC_PresentationContext context;
      OFCondition status = ASC_getPresentationContext(params_, position, &context);
      if (status.bad()) return status;
      const bool verification = std::string(context.abstractSyntax) == UID_VerificationSOPClass;
      const bool storage = is_storage_sop_class(context.abstractSyntax);
      const bool read = storage && is_read_sop_class(context.abstractSyntax);
      const char* syntax =
          verification || storage ? chosen_transfer_syntax(context, !read) : nullptr;
      // An SR of another class in no syntax we read is still taken, and discarded as it arrives.
      if (syntax == nullptr && read && !is_accepted_sop_class(context.abstractSyntax)) {
        syntax = chosen_transfer_syntax(context, true);
      }
      if (syntax != nullptr) {
        status = ASC_acceptPresentationContext(params_, context.presentationContextID, syntax);
      } else {
        status = ASC_refusePresentationContext(params_, context.presentationContextID,
                                               verification || storage
                                                   ? ASC_P_TRANSFERSYNTAXESNOTSUPPORTED
                                                   : ASC_P_ABSTRACTSYNTAXNOTSUPPORTED);
      }
      if (status.bad()) return status;
    }
    return EC_Normal;
  }

  // The AE titles are checked before an association gets a worker (serve_connection); these
  // checks stand behind that one.
  OFBool checkCalledAETitleAccepted(const OFString& called_ae) override {
    if (trimmed(called_ae) == shared_.config.ae_title) return OFTrue;
    shared_.log.write(
        called_ae_refusal(trimmed(getPeerAETitle()), trimmed(called_ae), shared_.config) +
        "; peer " + peer_);
    return OFFalse;
  }

  OFBool checkCallingAETitleAccepted(const OFString& calling_ae) override {
    if (calling_ae_allowed(trimmed(calling_ae), shared_.config)) return OFTrue;
    shared_.log.write(calling_ae_refusal(trimmed(calling_ae)) + "; peer " + peer_);
    return OFFalse;
  }

  // An association that ended without a release: said with the calling AE title and the peer's
  // address only.
  void notifyDIMSEError(const OFCondition& cond) override {
    std::string why;
    if (watch_.cut() != Cut::None) {
      // Cut off by its watch: said by the connection's thread (serve_connection), as DCMTK may
      // see that as a peer's abort and not come here.
      return;
    }
    if (cond == DIMSE_NODATAAVAILABLE) {
      why = "nothing received for " + std::to_string(shared_.config.dimse_timeout_s) +
            " s (--dimse-timeout); aborted";
    } else {
      why = "aborted (" + one_line(cond) + ")";
    }
    // DCMTK aborts next and then waits up to 10 s for the peer to close the connection; a peer
    // that went silent never does, and would hold this worker's slot (and a stop) that long.
    // Closing our reading side ends that wait at once; the A-ABORT still goes out.
    ::shutdown(connection_, SHUT_RD);
    shared_.log.write("mammocalc serve: association from '" + trimmed(getPeerAETitle()) + "' at " +
                      peer_ + ": " + why);
    // Said once: the watch no longer cuts (and reports) what is ending anyway.
    watch_.handling();
  }

  void notifyAssociationTermination() override { params_ = nullptr; }

 private:
  // Receives the data set of an SR we read into `spool`, after the file meta information: as
  // DCMTK's own file receiver (DcmSCP::receiveSTORERequest), but through SpoolSink, which checks
  // every write and the size. Bad only when the association cannot go on (the peer, the
  // network); what happened to the file is the spool's outcome. Once the object has arrived
  // whole, the message's deadline ends.
  OFCondition receive_sr(const T_DIMSE_C_StoreRQ& request,
                         const DcmPresentationContextInfo& context, SpoolSink& spool) {
    if (request.DataSetType == DIMSE_DATASET_NULL) return DIMSE_BADMESSAGE;
    if (association_ == nullptr) return DIMSE_ILLEGALASSOCIATION;
    SpoolStream stream(spool);
    const OFCondition meta = write_meta_information(
        stream, request, context.acceptedTransferSyntax.c_str(), trimmed(getPeerAETitle()));
    if (meta.bad()) spool.fail(SpoolSink::Outcome::Failed, one_line(meta));
    T_ASC_PresentationContextID data_id = context.presentationContextID;
    const OFCondition received = DIMSE_receiveDataSetInFile(
        association_, DIMSE_NONBLOCKING, static_cast<int>(shared_.config.dimse_timeout_s), &data_id,
        &stream, nullptr, nullptr);
    if (received.bad()) return received;
    // PS3.7 9.3.1: a data set arrives on its command's presentation context.
    if (data_id != context.presentationContextID) return DIMSE_NOVALIDPRESENTATIONCONTEXTID;
    watch_.handling();
    return EC_Normal;
  }

  // Answers an SR that could not be stored (out of resources, which senders retry), with one
  // log line naming it and the problem.
  OFCondition answer_not_stored(T_DIMSE_C_StoreRQ& request, T_ASC_PresentationContextID id,
                                const ReceivedObject& object, const std::string& problem) {
    shared_.log.write("mammocalc: " + shared_.config.receive_dir + ": cannot store " +
                      received_name(shared_.config, object.sop_instance_uid) + " (" + problem +
                      "); answered out of resources");
    return sendSTOREResponse(id, request, dimse_status(StoreStatus::OutOfResources));
  }

  // Receives the data set of `request` into `path` ("/dev/null": discarded as it arrives). Once
  // it has arrived whole, the message's deadline ends: the object is handled and answered.
  OFCondition receive_data_set(T_DIMSE_C_StoreRQ& request, T_ASC_PresentationContextID id,
                               const char* path) {
    const OFCondition received = receiveSTORERequest(request, id, path);
    if (received.good()) watch_.handling();
    return received;
  }

  static Uint16 dimse_status(StoreStatus status) {
    switch (status) {
      case StoreStatus::Success:
        return STATUS_Success;
      case StoreStatus::OutOfResources:
        return STATUS_STORE_Refused_OutOfResources;
      case StoreStatus::CannotUnderstand:
        return STATUS_STORE_Error_CannotUnderstand;
      case StoreStatus::DataSetDoesNotMatchSopClass:
        return STATUS_STORE_Error_DataSetDoesNotMatchSOPClass;
      case StoreStatus::SopClassNotSupported:
        return STATUS_STORE_Refused_SOPClassNotSupported;
    }
    return STATUS_STORE_Error_CannotUnderstand;
  }

  // Starts the wait for the next message when a command has been handled.
  class NextMessage {
   public:
    NextMessage(Watch& watch, unsigned seconds) : watch_(watch), seconds_(seconds) {}
    NextMessage(const NextMessage&) = delete;
    NextMessage& operator=(const NextMessage&) = delete;
    ~NextMessage() { watch_.expect(Wait::Message, seconds_); }

   private:
    Watch& watch_;
    unsigned seconds_;
  };

  Shared& shared_;
  const std::string peer_;                    // the peer's numeric address, for log lines
  const int connection_;                      // the association's socket (DCMTK owns and closes it)
  Watch& watch_;                              // the association's deadline
  const ReceiveFile receive_file_;            // where this association's SRs arrive, one at a time
  T_ASC_Parameters* params_ = nullptr;        // the association being negotiated, else nullptr
  T_ASC_Association* association_ = nullptr;  // the association served (serve), else nullptr
};

Error cannot_serve(std::uint16_t port, const std::string& reason) {
  return Error(ErrorCode::ServiceFailed,
               "port " + std::to_string(port) + ": cannot serve (" + reason + ")");
}

// Closes a file descriptor when the scope ends.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() { close(); }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// getaddrinfo's answer, freed when it goes.
struct FreeAddresses {
  void operator()(addrinfo* list) const { ::freeaddrinfo(list); }
};
using Addresses = std::unique_ptr<addrinfo, FreeAddresses>;

// The numeric address `address` (IPv4 or IPv6, with an IPv6 scope such as %eth0) for listening
// on `port`; empty `address`: every IPv4 interface. Null when it is no numeric address (a name
// is never looked up).
Addresses listen_address(const std::string& address, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = address.empty() ? AF_INET : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
  const std::string service = std::to_string(port);
  addrinfo* found = nullptr;
  const int status =
      ::getaddrinfo(address.empty() ? nullptr : address.c_str(), service.c_str(), &hints, &found);
  return Addresses(status == 0 ? found : nullptr);
}

// The listening socket, bound here rather than by DCMTK: DCMTK 3.6.7 binds every IPv4 interface,
// and binding first lets "listening" be said only once the port is really open. An IPv6 socket
// is served as an IPv4 one: DCMTK takes each accepted connection as it is handed over
// (dcmExternalSocketHandle) and needs nothing of its address family; the peer address it works
// out itself (IPv4 only, dcmnet/libsrc/dul.cc) is not used, the log names the address accept()
// gives (peer_address).
int bind_listen_socket(const StoreScpConfig& config) {
  const auto address = listen_address(config.bind_address, config.port);
  if (!address) {
    throw cannot_serve(config.port, config.bind_address + " is no IPv4 or IPv6 address");
  }
  Descriptor listening(
      ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol));
  if (listening.get() < 0) throw cannot_serve(config.port, system_reason(errno));
  const int on = 1;
  const int off = 0;
  // Listen backlog: senders arriving together wait there while the listener reads each request.
  constexpr int kBacklog = 64;
  if (::setsockopt(listening.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
      // "::" takes IPv4 connections too, whatever net.ipv6.bindv6only says.
      (address->ai_family == AF_INET6 &&
       ::setsockopt(listening.get(), IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) != 0) ||
      ::bind(listening.get(), address->ai_addr, address->ai_addrlen) != 0 ||
      ::listen(listening.get(), kBacklog) != 0) {
    throw cannot_serve(config.port, system_reason(errno));
  }
  return listening.release();
}

// The peer's numeric address, IPv4 or IPv6 (an IPv4 peer of an IPv6 socket as IPv4).
std::string peer_address(const sockaddr_storage& address, socklen_t length) {
  std::array<char, NI_MAXHOST> text{};
  sockaddr_in mapped{};
  const auto* from = reinterpret_cast<const sockaddr*>(&address);
  if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) {
      mapped.sin_family = AF_INET;
      std::memcpy(&mapped.sin_addr, &v6.sin6_addr.s6_addr[12], sizeof mapped.sin_addr);
      from = reinterpret_cast<const sockaddr*>(&mapped);
      length = sizeof mapped;
    }
  }
  if (::getnameinfo(from, length, text.data(), text.size(), nullptr, 0, NI_NUMERICHOST) != 0) {
    return "?";
  }
  return text.data();
}

// The connections being served, each on its own thread from the moment it is accepted.
class Workers {
 public:
  explicit Workers(Shared& shared) : shared_(shared) {}
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;
  ~Workers() { join_all(); }

  // How many are still running, once those that ended are joined.
  std::size_t running() {
    for (auto worker = workers_.begin(); worker != workers_.end();) {
      if (*worker->done) {
        worker->thread.join();
        worker = workers_.erase(worker);
      } else {
        ++worker;
      }
    }
    return workers_.size();
  }

  // How many are still waiting for their association request.
  std::size_t waiting_for_request() const {
    return static_cast<std::size_t>(std::count_if(
        workers_.begin(), workers_.end(),
        [](const Worker& worker) { return worker.watch->waiting() == Wait::Request; }));
  }

  // Cuts off the connections whose deadline has passed, and those `stopping` names.
  void enforce(Stopping stopping) {
    const auto now = Clock::now();
    for (Worker& worker : workers_) worker.watch->enforce(now, stopping);
  }

  // Serves the accepted `connection` on a new thread, which owns it from now on. Throws
  // std::system_error when no thread can be started (the caller still owns the connection then).
  void start(int connection, const std::string& peer);

  void join_all() {
    for (Worker& worker : workers_) worker.thread.join();
    workers_.clear();
  }

 private:
  struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
    std::shared_ptr<Watch> watch;
  };
  Shared& shared_;
  std::list<Worker> workers_;
};

// A time limit on every blocking read and write of the connection.
void set_socket_timeouts(int connection, unsigned seconds) {
  timeval limit{};
  limit.tv_sec = static_cast<time_t>(seconds);
  ::setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ::setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
}

Error cannot_use_tls(const std::string& file, const std::string& what, const OFCondition& status) {
  return Error(ErrorCode::ServiceFailed,
               file + ": TLS: cannot use it as " + what + " (" + one_line(status) + ")");
}

// A file named as OpenSSL's rehash names certificates: eight hex digits, a dot, a number.
bool holds_hashed_certificate(const std::string& directory) {
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    const std::size_t dot = name.find('.');
    const bool hashed =
        dot == 8 && name.size() > 9 &&
        std::all_of(name.begin(), name.begin() + 8,
                    [](unsigned char c) { return std::isxdigit(c); }) &&
        std::all_of(name.begin() + 9, name.end(), [](unsigned char c) { return std::isdigit(c); });
    if (hashed) return true;
  }
  return false;
}

// DCMTK's TLS layer for the endpoint: key and certificate, trusted CAs, BCP 195's
// non-downgrading profile. Throws Error(ServiceFailed) naming the file that cannot be used.
void set_up_tls(DcmTLSTransportLayer& layer, const TlsConfig& tls) {
  if (!layer) {
    throw Error(ErrorCode::ServiceFailed, "TLS: cannot be set up (OpenSSL)");
  }
  OFCondition status = EC_Normal;
  if (!tls.ca.empty() && std::filesystem::is_directory(tls.ca) &&
      !holds_hashed_certificate(tls.ca)) {
    // OpenSSL looks certificates up in a directory by their subject's hash only: one without
    // such names would start a service that refuses every client (hostile review 51, H51-7).
    throw Error(ErrorCode::ServiceFailed,
                tls.ca +
                    ": TLS: cannot use it as trusted certificates (--tls-ca): the directory holds "
                    "no certificate under a hashed name (run 'openssl rehash' on it, or give the "
                    "CA file)");
  }
  if (!tls.ca.empty()) {
    status = std::filesystem::is_directory(tls.ca)
                 ? layer.addTrustedCertificateDir(tls.ca.c_str(), DCF_Filetype_PEM)
                 : layer.addTrustedCertificateFile(tls.ca.c_str(), DCF_Filetype_PEM);
    if (status.bad()) throw cannot_use_tls(tls.ca, "trusted certificates (--tls-ca)", status);
  }
  // An encrypted key is refused at once, never a passphrase prompt on a service's terminal.
  layer.setPrivateKeyPasswd("");
  status = layer.setPrivateKeyFile(tls.key_file.c_str(), DCF_Filetype_PEM);
  if (status.bad()) throw cannot_use_tls(tls.key_file, "private key (--tls-key)", status);
  status = layer.setCertificateFile(tls.cert_file.c_str(), DCF_Filetype_PEM);
  if (status.bad()) throw cannot_use_tls(tls.cert_file, "certificate (--tls-cert)", status);
  if (!layer.checkPrivateKeyMatchesCertificate()) {
    throw Error(ErrorCode::ServiceFailed, tls.cert_file +
                                              ": TLS: the certificate does not match "
                                              "the private key " +
                                              tls.key_file);
  }
  status = layer.setTLSProfile(TSP_Profile_BCP195_ND);
  if (status.good()) status = layer.activateCipherSuites();
  if (status.bad()) throw cannot_use_tls(tls.cert_file, "BCP 195 (non-downgrading)", status);
  layer.setCertificateVerification(tls.require_peer_cert ? DCV_requireCertificate
                                   : tls.ca.empty()      ? DCV_ignoreCertificate
                                                         : DCV_checkCertificate);
}

void drop(T_ASC_Association* association) {
  ASC_dropAssociation(association);
  ASC_destroyAssociation(&association);
}

// Ends an association that did not get a slot among max_associations as transient, which the
// sender retries, with one log line.
void reject_over_limit(T_ASC_Association* association, const std::string& peer, unsigned running,
                       const Shared& shared) {
  const std::string calling = trimmed(association->params->DULparams.callingAPTitle);
  T_ASC_RejectParameters reject{};
  reject.result = ASC_RESULT_REJECTEDTRANSIENT;
  reject.source = ASC_SOURCE_SERVICEPROVIDER_PRESENTATION_RELATED;
  reject.reason = ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED;
  ASC_rejectAssociation(association, &reject);
  drop(association);
  shared.log.write("mammocalc serve: association from '" + calling + "' at " + peer +
                   ": rejected as transient, " + std::to_string(running) +
                   (running == 1 ? " association" : " associations") +
                   " already running (--max-associations " +
                   std::to_string(shared.config.max_associations) + "); the sender may retry");
}

// Rejects (permanently) and closes an association whose called AE title is not this endpoint's or
// whose calling AE title is blank or outside --allow-ae, with the log line of each; false when
// neither.
bool reject_ae_titles(T_ASC_Association* association, const std::string& peer,
                      const Shared& shared) {
  const std::string calling = trimmed(association->params->DULparams.callingAPTitle);
  const std::string called = trimmed(association->params->DULparams.calledAPTitle);
  T_ASC_RejectParameters reject{};
  reject.result = ASC_RESULT_REJECTEDPERMANENT;
  reject.source = ASC_SOURCE_SERVICEUSER;
  std::string line;
  if (called != shared.config.ae_title) {
    reject.reason = ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED;
    line = called_ae_refusal(calling, called, shared.config);
  } else if (is_blank_ae_title(calling) || !calling_ae_allowed(calling, shared.config)) {
    reject.reason = ASC_REASON_SU_CALLINGAETITLENOTRECOGNIZED;
    line = calling_ae_refusal(calling);
  } else {
    return false;
  }
  ASC_rejectAssociation(association, &reject);
  drop(association);
  shared.log.write(line + "; peer " + peer);
  return true;
}

// Holds one of max_associations slots while it lives.
class AssociationSlot {
 public:
  explicit AssociationSlot(std::atomic<unsigned>& running) : running_(running) {}
  AssociationSlot(const AssociationSlot&) = delete;
  AssociationSlot& operator=(const AssociationSlot&) = delete;
  ~AssociationSlot() { --running_; }

 private:
  std::atomic<unsigned>& running_;
};

// Whether DCMTK refused what a peer sent as no A-ASSOCIATE-RQ (another PDU type, a malformed or
// oversized PDU, another protocol: HTTP, TLS on a plaintext port): every failure but a timeout,
// a close or a transport error, which say nothing of the bytes.
bool is_not_a_request(const OFCondition& received) {
  if (received.good()) return false;
  const unsigned short code = received.code();
  return received.module() != OFM_dcmnet ||
         (code != DULC_READTIMEOUT && code != DULC_NETWORKCLOSED &&
          code != DULC_PEERABORTEDASSOCIATION && code != DULC_TCPIOERROR);
}

// What the log says of a connection that brought no association request, after "a connection
// from PEER": cut by the endpoint's stop, cut by its deadline, refused or timed out by DCMTK
// (with DCMTK's reason), or closed by the peer without a word.
std::string no_request_reason(const StoreScpConfig& config, const OFCondition& received, Cut cut) {
  if (cut == Cut::Stop) return ": closed before its association request, the endpoint is stopping";
  const std::string limit = std::to_string(config.acse_timeout_s) + " s (--acse-timeout";
  const std::string what = config.tls.enabled() ? ": no TLS handshake and association request"
                                                : " sent no association request";
  // The watch shut the socket down: whatever DCMTK made of that ("Normal" too) says nothing.
  if (cut == Cut::Deadline) return what + " within " + limit + "); closed";
  // Bytes that are no association request (HTTP, TLS on a plaintext port, a PDU of 4 GB): DCMTK
  // gave up on them at once, no timeout ran out.
  if (!config.tls.enabled() && is_not_a_request(received)) {
    return " sent something that is not a DICOM association request (" + one_line(received) +
           "); closed";
  }
  // Part of a request, then the peer closed: no timeout ran out either.
  if (!config.tls.enabled() && received.module() == OFM_dcmnet &&
      (received.code() == DULC_NETWORKCLOSED || received.code() == DULC_PEERABORTEDASSOCIATION)) {
    return " sent no complete association request (" + one_line(received) + "); closed by the peer";
  }
  if (received.bad()) {
    return config.tls.enabled()
               ? what + " within " + limit + "), or refused: " + one_line(received) + "; closed"
               : what + " within " + limit + "; " + one_line(received) + "); closed";
  }
  return what + "; closed by the peer";
}

// One accepted connection, on its own thread: its TLS handshake and association request (within
// the ACSE timeout in all, whatever the peer trickles), then, given a slot among
// max_associations, the association; without one it is rejected as transient.
void serve_connection(Shared& shared, int connection, const std::string& peer, Watch& watch) {
  const StoreScpConfig& config = shared.config;
  T_ASC_Association* association = nullptr;
  OFCondition received = EC_Normal;
  bool taken = false;
  {
    SocketHandOff hand_off(shared.hand_off, connection, watch, config.acse_timeout_s);
    // Several threads receive on the one T_ASC_Network at once. That is safe in DCMTK 3.6.7
    // (dcmnet/libsrc/dul.cc, assoc.cc): given dcmExternalSocketHandle,
    // receiveTransportConnectionTCP uses that socket, with no select() or accept() on the network's
    // listening socket; DUL_ReceiveAssociationRQ makes a new association key and
    // ASC_receiveAssociation new parameters per call; the network key is only read
    // (applicationFunction, protocolState, the transport layer); the layer's createConnection makes
    // a new connection (for TLS, SSL_new on the shared SSL_CTX, which OpenSSL allows across
    // threads). The one process-wide value read, dcmExternalSocketHandle, is held for this thread
    // alone by SocketHandOff.
    received =
        ASC_receiveAssociation(shared.network, &association, ASC_DEFAULTMAXPDU, nullptr, nullptr,
                               config.tls.enabled() ? OFTrue : OFFalse, DUL_BLOCK, 0);
    taken = hand_off.taken();
  }
  // A peer that closes its connection before sending anything (a load balancer's TCP check,
  // `nc -z`) is no error for DCMTK: its upper layer reads the close as "transport closed" (AA-5)
  // and returns EC_Normal with an association that holds no presentation context. No association
  // request came: such a connection takes no slot and never reaches StoreScp::run.
  const bool requested = received.good() && association != nullptr &&
                         association->params != nullptr &&
                         ASC_countPresentationContexts(association->params) > 0;
  // The watch only says why the request did not come. A request read whole just as the deadline
  // cut the socket is not served either: the socket is shut down, nothing can be answered on it.
  const Cut cut_waiting = watch.cut();
  if (!requested || cut_waiting != Cut::None) {
    shared.log.write("mammocalc serve: a connection from " + peer +
                     no_request_reason(config, received, cut_waiting));
    // A socket DCMTK never took over is still ours to close.
    if (!taken) ::close(connection);
    if (association != nullptr) drop(association);
    return;
  }
  // DCMTK set the ACSE timeout on the socket (dcmSocketReceiveTimeout, below); from here on a read
  // that stalls in the middle of a message is bounded by the DIMSE timeout instead.
  set_socket_timeouts(connection, config.dimse_timeout_s);
  // AE titles this endpoint does not serve: rejected and closed at once, before the association
  // takes one of max_associations. Left to DCMTK's negotiation, a peer that kept the connection
  // open after the rejection held a worker until the DIMSE timeout ran out, several times over:
  // two such peers locked the PACS out.
  if (reject_ae_titles(association, peer, shared)) return;
  unsigned running = shared.associations.load();
  do {
    if (running >= config.max_associations) {
      reject_over_limit(association, peer, running, shared);
      return;
    }
  } while (!shared.associations.compare_exchange_weak(running, running + 1));
  const AssociationSlot slot(shared.associations);
  watch.expect(Wait::Message, config.message_timeout_s);
  std::string calling;
  {
    // DcmThreadSCP 3.6.7 leaves the association to its destructor, which drops and frees it.
    StoreScp scp(shared, peer, connection, watch);
    scp.serve(association);
    calling = trimmed(scp.getPeerAETitle());
  }
  const Cut cut = watch.cut();
  if (cut == Cut::Deadline) {
    shared.log.write("mammocalc serve: association from '" + calling + "' at " + peer +
                     ": a message took longer than " + std::to_string(config.message_timeout_s) +
                     " s to arrive (--message-timeout); aborted");
  } else if (cut == Cut::Stop) {
    shared.log.write("mammocalc serve: association from '" + calling + "' at " + peer +
                     ": still running " + std::to_string(config.shutdown_timeout_s) +
                     " s after the stop (--shutdown-timeout); aborted");
  }
}

void Workers::start(int connection, const std::string& peer) {
  auto done = std::make_shared<std::atomic<bool>>(false);
  // Unwatched, a peer could hold the thread for ever: not served at all (Watch::open throws).
  auto watch = Watch::open(connection);
  Shared& shared = shared_;
  std::thread thread([&shared, connection, peer, done, watch] {
    try {
      serve_connection(shared, connection, peer, *watch);
    } catch (const std::exception& failure) {
      // A defect met on one association ends that association, not the endpoint.
      shared.log.write("mammocalc serve: association at " + peer +
                       ": internal error: " + failure.what());
    }
    watch->close();
    *done = true;
  });
  workers_.push_back({std::move(thread), std::move(done), std::move(watch)});
}

// Connections still without an association, at most (beyond it one more is closed at once):
// twice max_associations, at least 16, so that silent connections cannot pile up threads
// without bound and a burst of senders connecting together is still taken.
std::size_t pending_limit(const StoreScpConfig& config) {
  constexpr std::size_t kMinimumPending = 16;
  return std::max<std::size_t>(kMinimumPending, 2 * std::size_t{config.max_associations});
}

// Hands an accepted connection to a thread of its own, unless pending_limit connections are
// already waiting for their association request or no thread can be started.
void take_connection(int connection, const std::string& peer, Shared& shared, Workers& workers) {
  const std::size_t waiting = workers.waiting_for_request();
  const std::size_t limit = pending_limit(shared.config);
  std::string why;
  if (waiting >= limit) {
    why = std::to_string(waiting) + " connections already waiting to send their association " +
          "request (at most " + std::to_string(limit) + ")";
  } else {
    try {
      workers.start(connection, peer);
      return;
    } catch (const std::system_error& failure) {
      // No thread to serve it: closed like one over the limit, which the sender retries.
      why = std::string("no thread to serve it (") + failure.what() + ")";
    }
  }
  // Said before the close: whoever sees the connection closed finds the line already written.
  shared.log.write("mammocalc serve: a connection from " + peer + ": closed at once, " + why +
                   "; the sender may retry");
  ::close(connection);
}

// Once a stop is requested: connections without an association yet are closed; running
// associations get shutdown_timeout_s to finish; then each is ended before its next command, and
// one still waiting for its peer (idle, or in the middle of an object nobody has answered yet)
// is cut off at once. An object being summarised is finished and answered first.
void drain(Shared& shared, Workers& workers) {
  constexpr auto kTick = std::chrono::milliseconds(50);
  const auto deadline = Clock::now() + std::chrono::seconds(shared.config.shutdown_timeout_s);
  workers.enforce(Stopping::Requests);
  const unsigned associations = shared.associations.load();
  if (associations > 0) {
    shared.log.write("mammocalc serve: stopping; waiting for " + std::to_string(associations) +
                     " running associations (at most " +
                     std::to_string(shared.config.shutdown_timeout_s) + " s, --shutdown-timeout)");
  }
  while (workers.running() > 0 && Clock::now() < deadline) {
    workers.enforce(Stopping::Requests);
    std::this_thread::sleep_for(kTick);
  }
  while (workers.running() > 0) {
    workers.enforce(Stopping::Waiting);
    std::this_thread::sleep_for(kTick);
  }
}

}  // namespace

bool is_listen_address(const std::string& address) {
  return !address.empty() && listen_address(address, 0) != nullptr;
}

void serve_store_scp(const StoreScpConfig& config, const ReceivedObjectHandler& handle,
                     const std::atomic<bool>& stop, const LineLog& log) {
  Descriptor listener(bind_listen_socket(config));
  // The log names the peer's numeric address; a reverse lookup per connection could stall a
  // connection's thread (holding the socket hand-off) on a slow name server.
  dcmDisableGethostbyaddr.set(OFTrue);
  // DCMTK puts these limits on every read and write of each connection it takes over (set once
  // here, before any connection's thread reads them); the Watch bounds the whole handshake and
  // request, which a peer sending a byte now and then would stretch read by read.
  const auto acse_timeout = static_cast<Sint32>(config.acse_timeout_s);
  dcmSocketReceiveTimeout.set(acse_timeout);
  dcmSocketSendTimeout.set(acse_timeout);
  // Handed a socket, DCMTK binds none of its own; the connections are accepted below.
  dcmExternalSocketHandle.set(listener.get());
  T_ASC_Network* network = nullptr;
  const OFCondition status = ASC_initializeNetwork(
      NET_ACCEPTOR, config.port, static_cast<int>(config.acse_timeout_s), &network);
  dcmExternalSocketHandle.set(DCMNET_INVALID_SOCKET);
  if (status.bad()) throw cannot_serve(config.port, one_line(status));
  // The layer outlives the network and every association (it is dropped below, after them).
  HandOffLayer<DcmTransportLayer> plain;
  std::unique_ptr<HandOffLayer<DcmTLSTransportLayer>> tls;
  if (config.tls.enabled()) {
    DcmTLSTransportLayer::initializeOpenSSL();
    tls = std::make_unique<HandOffLayer<DcmTLSTransportLayer>>(NET_ACCEPTOR, nullptr, OFFalse);
    try {
      set_up_tls(*tls, config.tls);
    } catch (const Error&) {
      ASC_dropNetwork(&network);
      throw;
    }
    // Checked here: DCMTK's own SCP pool logs a failure to set the layer and listens anyway.
    const OFCondition set = ASC_setTransportLayer(network, tls.get(), 0);
    if (set.bad()) {
      ASC_dropNetwork(&network);
      throw cannot_serve(config.port, "TLS: " + one_line(set));
    }
  } else {
    const OFCondition set = ASC_setTransportLayer(network, &plain, 0);
    if (set.bad()) {
      ASC_dropNetwork(&network);
      throw cannot_serve(config.port, one_line(set));
    }
  }
  remove_stale_receive_files(config.receive_dir, log);
  // Only now: a monitor or a test that reads this line may connect at once.
  log.write("mammocalc serve: listening on port " + std::to_string(config.port) + " as " +
            config.ae_title +
            (config.bind_address.empty() ? "" : " (address " + config.bind_address + ")") +
            (config.tls.enabled() ? " over TLS" : ""));
  Shared shared{config, handle, log, network};
  {
    Workers workers(shared);
    // Polled a few times a second: a signal handler can only set `stop`.
    constexpr int kPollMilliseconds = 200;
    while (!stop) {
      pollfd ready{listener.get(), POLLIN, 0};
      const int polled = ::poll(&ready, 1, kPollMilliseconds);
      workers.running();  // joins the threads of connections that ended
      workers.enforce(Stopping::No);
      if (polled <= 0) continue;
      sockaddr_storage from{};
      socklen_t length = sizeof from;
      const int connection =
          ::accept4(listener.get(), reinterpret_cast<sockaddr*>(&from), &length, SOCK_CLOEXEC);
      if (connection < 0) {
        // Out of descriptors: the pending connection waits in the backlog a moment.
        if (errno == EMFILE || errno == ENFILE) {
          std::this_thread::sleep_for(std::chrono::milliseconds(kPollMilliseconds));
        }
        continue;
      }
      // Each C-STORE exchange is a few small writes: with Nagle's algorithm and the peer's
      // delayed acknowledgement every object would wait about 40 ms.
      const int no_delay = 1;
      ::setsockopt(connection, IPPROTO_TCP, TCP_NODELAY, &no_delay, sizeof no_delay);
      take_connection(connection, peer_address(from, length), shared, workers);
    }
    // New connections are refused from here on; those running finish.
    listener.close();
    drain(shared, workers);
  }
  ASC_dropNetwork(&network);
}

}  // namespace mammocalc
