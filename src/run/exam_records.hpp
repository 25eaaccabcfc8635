#pragma once
// What separate `hook` calls into one output directory know of each other's exams (hostile
// review 37, H37-6). storescp --exec-on-reception runs one call per received object, so two
// reports under one SOP Instance UID reach two calls; without a memory the later summary
// replaced the earlier one silently, even another patient's. Each call records, per exam, which
// summary holds which result; a later call with another result under the UID gets a summary of
// its own, and both say the conflict (E19), as inputs of one batch do. The same result again (a
// PACS re-sending the object) replaces its own summary, as before. `serve` keeps the same
// record, with one mark per received object.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "output/pseudonyms.hpp"
#include "run/output_locks.hpp"
#include "run/summary_files.hpp"

namespace mammocalc {

class ExamRecords {
 public:
  // In the output directory, one file per exam named by its SOP Instance UID (the summary's own
  // name: the pseudonym where pseudonymised), each line "RESULT CALL SUMMARY SR". RESULT is the
  // result's digest (InputResult::said), keyed with the pseudonym key where pseudonymised, so
  // that nothing in it tests a guessed patient; CALL the call's random mark; SUMMARY the
  // summary's name (UID.xml or UID-N.xml), "-" for a result not summarised; SR "sr" where the
  // result's SR was written (--dicom-out: one file per exam), else "-".
  static constexpr const char* kDirectoryName = ".mammocalc-exams";

  // Throws Error(Usage) when the record was kept by calls that name exams otherwise (plain
  // against --pseudonymize, or another pseudonym key: hostile review 38, H38-10), said by
  // `naming` in the record directory (no UID has letters); Error(OutputFailed) when that file is no
  // such line.
  ExamRecords(const std::string& output_dir, PseudonymPolicy policy);

  // A result an earlier call recorded of the exam.
  struct Earlier {
    std::string summary_name;  // empty: not summarised (its SR would have replaced another's)
    bool same_result = false;  // it is this input's result
    bool wrote_sr = false;     // its result SR holds the exam's SR file
    // Not summarised: its place among the exam's results not summarised (1, 2 …), by which
    // summaries tell them apart from the second on ("… input #2"; hostile review 42, H42-8).
    std::size_t unsummarised_place = 0;
  };

  // What amend() did.
  struct Amended {
    // CouldNotWrite: the amended file could not be written (a full disk), a fault that passes:
    // serve answers out of resources so that the sender retries (hostile review 54, H54-1).
    enum class Outcome { Amended, SaidAlready, Gone, Failed, CouldNotWrite };
    Outcome outcome = Outcome::Amended;
    // For Gone and Failed, and an amended result SR: one line naming the file.
    std::string message;
  };
  // One exam's entries, held under the exam's lock (in this process and in every other on the
  // directory) from open() until destroyed, so two calls never judge one exam at once.
  class Exam {
   public:
    // The summaries other calls wrote of the exam, in the order recorded.
    const std::vector<Earlier>& earlier() const { return earlier_; }
    // Amends every summary of another result (other_summaries) to say this one, summarised to
    // `this_summary` (empty: not summarised), as amend() does; past kResultsNamed results only
    // those that do not yet say the exam has another result. What each gave, in that order.
    // With `result_sr_path` (the exam's one result SR file, where this call writes SRs) and
    // another result's SR in it, that SR is amended too (amend_sr), its outcome last.
    // `source_sop_instance_uid` is the source SR the exam's result SR must refer to.
    std::vector<Amended> amend_others(const std::string& output_dir,
                                      const std::string& this_summary, const std::string& who,
                                      const std::string& result_sr_path = "",
                                      const std::string& source_sop_instance_uid = "") const;
    // The results other calls recorded that are not this one, and the summaries among them.
    std::vector<Earlier> other_results() const;
    std::vector<std::string> other_summaries() const;
    // The earlier summary holding this result, if any.
    std::optional<std::string> same_result() const;
    // Whether the record holds nothing of the exam yet, from this call or another.
    bool empty() const { return lines_.empty(); }
    // Where the copy of the exam's result SR is kept (kept_result_sr_path).
    std::string kept_sr_path() const { return kept_result_sr_path(path_); }
    // Records that `summary_name` now holds this result (replacing what the record said of that
    // name; a result's SR written once stays written). An empty name records a result not
    // summarised, once. Throws Error(OutputFailed) naming the record file.
    void record(const std::string& summary_name, bool wrote_sr);
    // Puts the record back as it was before this call's first record(), for a result whose
    // outputs could not be written (a full disk): a line naming a summary that never came would
    // make the exam's next result a conflict with nothing, and one saying its SR was written
    // would refuse it for good (hostile review 59, H59-1). The record file goes where it held
    // nothing before. Returns what could not be put back, empty when all was; never throws.
    std::string withdraw() noexcept;
    // Takes a summary the record does not know (written before the record existed, or its
    // record removed) as another result, whose SR may be the exam's: never replaced unseen.
    void adopt(const std::string& summary_name);
    // Where the record holds nothing of the exam: adopts each summary of it on disk, `name`
    // (UID.xml) and its numbered ones (UID-2.xml …), that is not `this_summary` byte for byte
    // (hostile review 38, H38-4; review 41, R41-1, R41-8).
    void adopt_unrecorded(const std::string& output_dir, const std::string& name,
                          const std::string& this_summary);

   private:
    friend class ExamRecords;
    Exam(OutputLocks::Held held, std::string path, std::string result, std::string call)
        : held_(std::move(held)),
          path_(std::move(path)),
          result_(std::move(result)),
          call_(std::move(call)) {}
    struct Line {
      std::string result;
      std::string call;
      std::string summary_name;  // empty: not summarised
      bool wrote_sr = false;
    };
    void write() const;
    OutputLocks::Held held_;
    std::string path_;
    std::string result_;
    std::string call_;
    std::vector<Line> lines_;
    std::vector<Earlier> earlier_;
    std::optional<std::vector<Line>> before_record_;  // lines_ before the first record()
  };

  // How a summary names a result of its exam that another call or object gave (E19): by the
  // summary it gave, which says nothing a summary of its own does not, or, not summarised, by
  // what kept it out. `who` says what gave it: "hook call's input", "received object".
  static std::string earlier_named(const Earlier& earlier, const std::string& who);
  static std::string later_named(const std::string& summary_name, const std::string& who);
  // Each of `earlier` so named, as a summary's other_results (summarise_input); beyond
  // kResultsNamed, the rest in one item (a device that gives every report one UID would
  // otherwise make each summary, and each amendment, grow without bound: review 41, R41-3).
  static constexpr std::size_t kResultsNamed = 8;
  static std::vector<std::string> earlier_named(const std::vector<Earlier>& earlier,
                                                const std::string& who);

  // Amends the summary `name` in `output_dir` that an earlier call or object wrote: its exam has
  // another result (E19 and W25), the one summarised to `other_summary` (empty: not summarised),
  // unless it says so already (a call killed before it amended, then sent again: hostile review
  // 38, H38-3; a result refused again and again, H38-11). A summary that is no regular file is
  // never read (a FIFO would hang the call with the exam's record locked, H38-6).
  // With `named_already` (the exam has more than kResultsNamed results), a summary that says
  // its exam has another result at all is left as it is.
  static Amended amend(const std::string& output_dir, const std::string& name,
                       const std::string& other_summary, const std::string& who,
                       bool named_already = false);

  // Amends the result SR at `path` that an earlier call wrote (--dicom-out) as amend() does its
  // summary: its review code and impression say the exam has another result, the one summarised
  // to `other_summary` (result_sr_with_warning; hostile review 40, H40-4, review 41, R41-10).
  // Never read unless a regular file; an SR that is no result SR of mammocalc is Failed.
  // One missing, though the record says it was written (sent on and removed by a spool, or a
  // call with another --dicom-dir), is made again at `path` from the copy at `kept_path`
  // (kept_result_sr_path), amended, so that the SR sent on is corrected (hostile review 54,
  // H54-4); without a copy it is Gone: the SR that was sent on does not say so (H42-6). The copy
  // is amended with it, so a later result amends what was last sent.
  static Amended amend_sr(const std::string& path, const std::string& kept_path,
                          const std::string& other_summary, const std::string& who,
                          bool named_already, const std::string& source_sop_instance_uid);

  // The key the exam of `result` is known by, in the record and within one run (ExamsSeen): its
  // report's SOP Instance UID, else the received_name() of a UID that is not valid (two reports
  // under one UID are one exam whatever it holds: hostile review 56, H56-2); empty where the
  // result has no UID (dropped by --pseudonymize without a key).
  static std::string exam_key_of(const InputResult& result);

  // A random mark for the lines of one call (or one received object).
  static std::string new_mark();

  // The name an object whose SOP Instance UID is not a valid UID is known by, never by the UID
  // itself, which may hold anything (a path, patient data): "received-" and the first 16 hex
  // digits of the SHA-1 of `text`. `serve` names such an object's files by it (numbered on for
  // other objects: NAME-2 …) and keeps the record of its exam under it (hostile review 56,
  // H56-2).
  static std::string received_name(const std::string& text);

  // The exam `exam_uid` with what was recorded of it other than under `mark`, for the result
  // `said` (InputResult::said); none when `exam_uid` is neither a UID nor a received_name().
  // Throws as open(result).
  std::optional<Exam> open(const std::string& exam_uid, const std::string& said,
                           const std::string& mark);
  // The exam of `result` with what other calls recorded of it, by its received_name() where its
  // UID is not a valid UID; none when the result has no UID (dropped by --pseudonymize without
  // a key). Throws
  // Error(OutputFailed) naming the record file when it cannot be read or is no record of the
  // exam: empty, a line of another form or naming another exam's summary, a symbolic link, or
  // the record directory no directory of its own.
  std::optional<Exam> open(const InputResult& result);

 private:
  std::string directory_;
  PseudonymPolicy policy_;
  std::string call_;  // this call's mark on its lines: random, as process IDs are reused
  // How this call names exams: "plain", or "pseudonymised" and a keyed digest (ExamRecords()).
  std::string naming_;
  std::string output_dir_;
  // Checks the naming file, and with `write` writes it where there is none (and the record
  // holds nothing of another kind): throws as the constructor.
  void claim_naming(bool write) const;
  // claim_naming's part of the record's own naming file alone.
  void claim_record_naming(bool write) const;
  OutputLocks locks_;
};

// The output directories a batch, hook or serve writes are written by their own runs only: a
// single output (summarize -o or --dicom-out, review --html) there could take the name of an
// index, a page, a kept copy or another exam's summary, or break the record of exams (hostile
// reviews 50 and 51, H50-9, H51-4). Throws Error(Usage), naming `option`, where `file` lies in
// such a directory (one holding .mammocalc-naming, the record of exams or a mammocalc index.xml)
// or inside a record of exams.
void refuse_output_in_run_directory(const std::string& file, const std::string& option);
// The same for an output directory (--dicom-out DIR) that is such a directory.
void refuse_run_directory_as_output(const std::string& directory, const std::string& option);
// The same for the SR directory of a batch, hook or serve (--dicom-out DIR, --dicom-dir DIR),
// unless it is that run's own output directory: a batch's or hook's SR of one result would
// replace serve's SR that says the exam needs review (hostile review 53, H53-1).
void refuse_other_run_directory(const std::string& directory, const std::string& own_directory,
                                const std::string& option);
// Names the run writing to `own_directory` as the owner of its SR directory `directory`
// (kSrDirectoryOwnerFile), where that is another directory and none is named yet: other runs'
// result SRs are then refused there too (hostile review 54, H54-2: serve's --dicom-dir had no
// mark, and a batch's SR replaced serve's REVIEW-NEEDED one). Makes the directory where it is
// gone (create_output_directory); serve calls it again before each result SR (the directory may
// have been rotated, H55-2).
// Throws Error(OutputFailed) when it cannot be written.
void claim_sr_directory(const std::string& directory, const std::string& own_directory);

}  // namespace mammocalc
