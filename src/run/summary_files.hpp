#pragma once
// What batch and hook share: the input files collected from files and directories, one input
// summarised into its result, the result's output files named (never overwriting an earlier
// input's) and written, summary last.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/atomic_file.hpp"
#include "dicom/sr_writer.hpp"
#include "output/batch_index.hpp"
#include "run/summarise.hpp"

namespace mammocalc {

// Where a run writes what each input gives, and what beside the summary.
struct SummaryFiles {
  std::string output_dir;     // the summaries, NAME.xml
  bool html = false;          // also a review page per exam, NAME.html
  std::string dicom_out_dir;  // also a DICOM SR per exam (WrittenSr::file_stem); empty: none
  // The record of exams (hook, serve), where a copy of each result SR is kept beside the exam's
  // record (kept_result_sr_path): empty, none.
  std::string record_directory;
};

// Where a copy of the result SR of the exam recorded in `record_file` (the record of exams'
// file of one exam) is kept. A spool that sends the SR on removes it from the SR directory; a
// later result of the exam then makes the corrected SR from this copy (hostile review 54, H54-4).
std::string kept_result_sr_path(const std::string& record_file);

// What one input produced: its index entry and, when summarised, the summary to write.
struct InputResult {
  IndexEntry entry;
  std::string sop_instance_uid;
  // The SOP Instance UID of the report this input is an exam of: its own, or for mammocalc's own
  // SR read back (--read-own) its source's, as its evidence names it; empty when it is no valid
  // UID. Two inputs of one run with the same one read one exam twice (hostile review 31, H31-6).
  std::string exam_sop_instance_uid;
  // What its result says, finding by finding (a SHA-1, 20 bytes), in full and briefly (for
  // mammocalc's own SR read back): two inputs of one exam that agree are copies (ExamsSeen).
  std::string said;
  std::string said_briefly;
  std::string summary;
  std::string page;  // the review page, with SummaryFiles::html
  WrittenSr dicom;   // the SR, with SummaryFiles::dicom_out_dir
};

// What a report says, as one exam read twice is compared (InputResult::said), and the SOP
// Instance UID of the exam it is of (InputResult::exam_sop_instance_uid): for `serve`, which
// summarises without an InputResult.
std::string said_of(const Report& report);
std::string exam_uid_of(const Report& report);

// How an input came to the run. A file named on the command line or in --files-from was meant
// to be read: anything but an SR of ours there is the caller's mistake. A file found while
// walking a directory may be anything an archive holds (README, CSV, DICOMDIR, images).
enum class InputOrigin { Named, Found };

struct InputFile {
  std::string path;
  InputOrigin origin = InputOrigin::Named;
};

// Summarises one input file into its result; never throws for the input's sake: a failure is
// the entry's status with its error code and message. Skipped, whatever the origin: SRs that
// are no report of ours (dose reports, non-breast SRs, mammocalc's own); found in a directory,
// also files that are not DICOM (no "DICM" preamble and not readable as a dataset), DICOMDIRs
// and DICOM objects other than SRs. Everything else is Failed. A summarised report is added to
// `rollup_part`. `other_results` names the inputs of the run that carry its SOP Instance UID
// with another result, found once both were read (summarise_again).
InputResult process_input(const InputFile& input, const Evaluation& evaluation,
                          const SummaryFiles& files, Rollup& rollup_part,
                          const std::vector<std::string>& other_results = {});

// Summarises `input` again, now that the run knows the other results its exam has (the inputs
// that gave them, as the run names them; E19): its summary, page and SR say so. `result` holds
// its first reading's said_briefly: read again, it must say the same (else Error(OutputFailed):
// the file changed while the run read it). Its entry, roll-up
// part and digests stay those of its first reading, which the run has counted. Throws Error naming
// the input when it cannot be read again.
void summarise_again(InputResult& result, const InputFile& input,
                     const std::vector<std::string>& other_results, const Evaluation& evaluation,
                     const SummaryFiles& files);

// The result SRs a run writes into one --dicom-out directory, by file (WrittenSr::file_stem, a
// name-based UID of the source SOP Instance UID). Two inputs of one run that share a SOP
// Instance UID but give different results would take one file, the later silently replacing the
// earlier (hostile review 27, H27-16: a result that asked for review replaced by one that did
// not): the later one fails instead. The same result twice (a copy of the SR) is one file.
class DicomOutputClaims {
 public:
  // Claims the file of `result`'s SR for it: true when it may be written. Else the input fails
  // (duplicate-sop-instance, "INPUT: …" naming the earlier input), and its entry no longer
  // carries the category, findings or review flag of an exam it did not summarise.
  bool claim(InputResult& result);
  // The file stem of the SR claimed for `input`; empty when it claimed none.
  std::string stem_claimed_by(const std::string& input) const;

 private:
  struct Claim {
    std::string input;
    std::string result_digest;  // SHA-1 of the SR's bytes: the same result, not a likely one
  };
  std::map<std::string, Claim> claimed_;
};

// Writes what one input produced: its SR and review page where asked for, then the summary as
// `name` in files.output_dir. The summary comes last, so a summary on disk means its companions
// are too; when an output fails, none is named (and none an earlier run left is replaced). Throws
// Error(OutputFailed), Error(Usage) for a name that something other than a file holds.
void write_outputs(const InputResult& result, const std::string& name, const SummaryFiles& files,
                   Flush flush);

// Removes the outputs this run wrote of an input under `name` (the summary first: a summary on
// disk means its companions are too; then its page and the SR `sr_stem`.dcm, where given). For
// a first reading that turned out not to say its exam's other result and could not be written
// again to say it (review 43, R43-4): left, it would say one result, unreviewed, of an exam with
// two. Returns one line per file removed or that could not be removed, naming it.
struct WithdrawnOutputs {
  std::vector<std::string> removed;
  std::vector<std::string> problems;
  // One line per file, as standard error or the hook's log says it.
  std::vector<std::string> said() const;
};
WithdrawnOutputs withdraw_outputs(const std::string& name, const SummaryFiles& files,
                                  const std::string& sr_stem);

// What an earlier run left under the names of one result's outputs (--skip-existing).
enum class EarlierOutputs {
  None,       // no summary under its name
  Same,       // the summary and, where asked for, its page and its SR, byte for byte this result's
  Different,  // a summary, but it or a companion is not this result's (or a companion is missing)
  // Different, but the summary says its exam has other results (E19), which this result, read
  // before the run knows all of the exam's inputs, may not say yet (all of them): the run decides
  // at its end, once it knows (review 40, R40-10; hostile review 38, H38-5).
  Undecided,
};

// Compares what is on disk under `name` (and the page's and the SR's names) with the outputs
// write_outputs would write for `result`. Output is deterministic, so the same inputs give the
// same bytes: an earlier summary is this run's only when every input that decides it (the SR,
// the annotation files, the site profile, the lexicons, the options, mammocalc's version) is
// unchanged, or changed in nothing the summary shows.
EarlierOutputs earlier_outputs(const InputResult& result, const std::string& name,
                               const SummaryFiles& files);

// Where `result`'s SR goes in files.dicom_out_dir (one file per source SR: WrittenSr::file_stem).
std::string result_sr_path(const SummaryFiles& files, const InputResult& result);

// Whether `path` is a regular file (not through a symlink) holding exactly `bytes`.
bool holds_bytes(const std::string& path, const std::string& bytes);

// Creates the output directory (and its parents). Throws Error(OutputFailed) naming it.
void create_output_directory(const std::string& directory);

// The output file name for an input: "<SOPInstanceUID>.xml" when the UID is valid, else the
// input's file name made safe; never a path, never "index.xml".
std::string output_name_for(const std::string& sop_instance_uid, const std::string& input);

// The output names a run has used, as 128-bit digests: a batch of a million inputs keeps 16
// bytes a name, not the name (two independent 64-bit hashes; a false match would only number a
// name needlessly).
class UsedNames {
 public:
  bool contains(const std::string& name) const { return digests_.count(digest(name)) > 0; }
  void insert(const std::string& name) { digests_.insert(digest(name)); }
  void erase(const std::string& name) { digests_.erase(digest(name)); }

 private:
  using Digest = std::pair<std::size_t, std::size_t>;
  struct DigestHash {
    std::size_t operator()(const Digest& digest) const { return digest.first; }
  };
  static Digest digest(const std::string& name) {
    return {std::hash<std::string>{}(name), std::hash<std::string>{}("#" + name + "#")};
  }
  std::unordered_set<Digest, DigestHash> digests_;
};

// The output name for an input, numbered ("-2", "-3" …) when an earlier input of the same run
// already has it; records the name as used.
std::string claim_output_name(const std::string& sop_instance_uid, const std::string& input,
                              UsedNames& used_names);

// The summary name of an input (claim_output_name): by its SOP Instance UID, else by its file
// name; pseudonymised, where the file name may name the patient, by "input-" and the start of
// the summary's SHA-1 instead, unique per content and the same in every run, so that a hook
// call never replaces another SR's summary (hostile reviews 28 and 29, H28-6, H29-5).
std::string claim_output_name(const InputResult& result, bool pseudonymised, UsedNames& used_names);

// Throws Error(Usage) when `output_dir`'s index.xml or one of its summaries says a run named
// exams otherwise than `naming` (naming_of): plain against --pseudonymize, or another key
// (hostile reviews 42 to 44, H42-7, H43-5, H44-4), or when its index.xml cannot be read as one.
// Batch, hook and serve check it before they write there.
void refuse_other_naming(const std::string& output_dir, const std::string& naming);

// The file in a batch's output directory that says how its summaries name exams, one line
// (naming_of).
inline constexpr const char* kBatchNamingFile = ".mammocalc-naming";
// In an SR directory apart from its run's output directory (--dicom-out DIR of a batch,
// --dicom-dir of hook and serve): that output directory's path, one line (claim_sr_directory).
inline constexpr const char* kSrDirectoryOwnerFile = ".mammocalc-sr-owner";
// The most a naming file (kBatchNamingFile, the record's) is read of: one line of naming_of.
inline constexpr std::size_t kLargestNamingFile = 4096;
// The most an earlier summary is read of, to compare or amend it.
inline constexpr std::size_t kLargestSummary = std::size_t{64} << 20U;

// Claims `output_dir` for a batch of `naming`: writes kBatchNamingFile where there is none, in
// one step that no other run's claim replaces, else reads it. Throws Error(Usage) when it says
// another naming or cannot be read (hostile review 45, H45-7: two batches of two namings started
// at once into one new directory).
// Returns whether this call wrote it.
bool claim_batch_naming(const std::string& output_dir, const std::string& naming);

// The summaries in `output_dir` named UID-N.xml (N >= 2) whose exam's summary UID.xml this run
// wrote and that it did not write itself (LeftoverSummary), in name order; regular files only.
// `written`: the names of the summaries this run wrote or kept (not those it failed to write:
// review 43, R43-12).
// Throws Error(OutputFailed) when the directory cannot be listed.
std::vector<LeftoverSummary> leftover_summaries(const std::string& output_dir,
                                                const UsedNames& written);

// The UIDs that the run's annotation files (read once, Evaluation::annotation_directories and
// annotation_files) name: the SOP Instance UID of the SR they were made on, or the Study Instance
// UID of a file given by name that names no SR (hostile review 81: such a file failed every other
// study of a batch).
std::set<std::string> uids_annotated(const Evaluation& evaluation);

// The input as an SR an annotation file names (its SOP Instance UID or its study among
// `annotated`), read only
// as far as its study (read_study_identity) unless it is such an SR, before any input is
// summarised; none when it is another SR, or one the run does not read as a report
// (read_as_report: no SR read_sr reads, cannot be read, or skipped, as mammocalc's own SR without
// --read-own is). Then a file naming it is said as one naming an SR the run does not hold: E17,
// or an error by name.
std::optional<AnnotatedInput> annotated_input(const InputFile& input,
                                              const std::set<std::string>& annotated,
                                              const Evaluation& evaluation);

// Collects the input files: given files as they are (Named), directories recursed in name order
// (Found) with symlink loops detected and hidden files left out; the paths listed in `files_from`
// (one a line, "-" for standard input; empty: none) after the others. A file reached twice (the
// same path, through a symlink or a hard link: the same device and inode) is kept once, at its
// first place, Named when either way named it. A missing input is kept: it becomes a failed
// entry when read, as one bad input never stops a run. Directories that cannot be listed and
// symlink loops are added to `unreadable`; the directories given (on the command line or in
// `files_from`) to `directories` when not null. Throws Error(Usage) when `files_from` is a
// directory or cannot be opened.
std::vector<InputFile> collect_input_files(const std::vector<std::string>& paths,
                                           const std::string& files_from,
                                           std::vector<IndexEntry>& unreadable,
                                           std::vector<std::string>* directories = nullptr);

}  // namespace mammocalc
