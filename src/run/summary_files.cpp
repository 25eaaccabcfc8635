#include "run/summary_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annotations/xml_input.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/uid.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/sr_writer.hpp"
#include "findings/lexicon.hpp"
#include "output/xml_text.hpp"
#include "review/exam_view.hpp"
#include "review/review_html.hpp"
#include "run/summarise.hpp"

namespace mammocalc {
namespace {

namespace fs = std::filesystem;

// SRs that are no report of ours, however the input came.
bool is_skipped_kind(ErrorCode code) {
  return code == ErrorCode::OtherSrDocument || code == ErrorCode::NotBreastImaging ||
         code == ErrorCode::OwnSummary;
}

// PS3.10 names the file DICOMDIR; media mounted without case keep it in lower case.
bool is_dicomdir_name(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name == "DICOMDIR";
}

// A failure of a file found in a directory that says only what the file is not: a DICOM object
// other than an SR, a DICOMDIR, or, starting as no DICOM file does (looks_like_dicom), no
// readable dataset (refused as too large before reading, or not parsed). Sets the entry skipped
// with a short reason. One that starts as DICOM and cannot be read (truncated, damaged) fails.
void skip_if_not_ours(IndexEntry& entry, bool looks_dicom) {
  const ErrorCode code = *entry.error_code;
  if (code == ErrorCode::UnsupportedSopClass || code == ErrorCode::DicomDirectory) {
    entry.status = EntryStatus::Skipped;
    return;
  }
  if (looks_dicom || (code != ErrorCode::NotDicom && code != ErrorCode::LimitExceeded)) return;
  entry.status = EntryStatus::Skipped;
  entry.error = entry.input + (code == ErrorCode::NotDicom
                                   ? ": not a DICOM file (no DICM preamble, no readable dataset)"
                                   : ": not a DICOM file (no DICM preamble, too large to be read "
                                     "as a dataset)");
  entry.error_code = ErrorCode::NotDicom;
}

// The SOP Instance UID of the report `source` is an exam of (InputResult::
// exam_sop_instance_uid): mammocalc's own SR names its source first among its evidence (sr_writer),
// the one SR there.
std::string exam_sop_instance_uid_of(const SourceInfo& source) {
  if (source.written_by_mammocalc) {
    const auto report = std::find_if(
        source.evidence.begin(), source.evidence.end(), [&](const EvidenceReference& evidence) {
          return is_accepted_sop_class(evidence.sop_class_uid) &&
                 evidence.sop_instance_uid != source.sop_instance_uid &&
                 is_uid(evidence.sop_instance_uid);
        });
    if (report != source.evidence.end()) return report->sop_instance_uid;
  }
  return is_uid(source.sop_instance_uid) ? source.sop_instance_uid : std::string();
}

}  // namespace

std::set<std::string> uids_annotated(const Evaluation& evaluation) {
  std::set<std::string> annotated;
  const auto add = [&](const Annotations& annotations) {
    if (!annotations.sop_instance_uid.empty()) annotated.insert(annotations.sop_instance_uid);
  };
  for (const auto& [path, directory] : evaluation.annotation_directories) {
    for (const AnnotationDirectoryEntry& entry : directory.entries) {
      if (entry.kind == AnnotationDirectoryEntry::Kind::Annotations) add(entry.annotations);
    }
  }
  for (const auto& [path, file] : evaluation.annotation_files) {
    if (!file.annotations) continue;
    add(*file.annotations);
    if (file.annotations->sop_instance_uid.empty()) {
      annotated.insert(file.annotations->study_instance_uid);
    }
  }
  annotated.erase(std::string());
  return annotated;
}

std::optional<AnnotatedInput> annotated_input(const InputFile& input,
                                              const std::set<std::string>& annotated,
                                              const Evaluation& evaluation) {
  try {
    const ReadLimits& limits = evaluation.limits;
    const StudyIdentity identity = read_study_identity(
        read_input_bytes(input.path, limits.max_input_bytes), input.path, limits);
    if ((annotated.count(identity.sop.sop_instance_uid) == 0 &&
         annotated.count(identity.study_instance_uid) == 0) ||
        !is_accepted_sop_class(identity.sop.sop_class_uid) ||
        !read_as_report(input.path, evaluation)) {
      return std::nullopt;
    }
    return AnnotatedInput{identity.sop.sop_instance_uid, identity.study_instance_uid,
                          identity.accession_number};
  } catch (const Error&) {
    return std::nullopt;  // its own reading fails or skips it, and says so
  }
}

namespace {

// What a result says, finding by finding, as one exam read twice is judged (ExamsSeen): each
// finding's breast, category, classification and biopsy, and the exam's category and
// classification; in `Detail::Full` also the calcification types and distribution, the
// finding's place (clock, region, quadrant, depth) and which parts need review. Whom and which
// study it is about counts too (patient ID, its issuer, birth date, Study Instance UID): another
// patient's report under the same SOP Instance UID is no copy (hostile review 34, H34-12); only
// this digest is kept, never the identifiers. File names, content positions and wording do not
// count: two inputs whose digests agree say the same. mammocalc's own SR read back is compared
// briefly: it always asks for review (W14, E10), and it keeps what the rules decided, not every
// descriptor of the text it was made from.
enum class Detail { Full, Brief };
std::string said_digest(const Report& report, Detail detail) {
  const bool full = detail == Detail::Full;
  std::ostringstream said;
  // Made before pseudonymisation (SourceInfo::subject_digest).
  said << report.input.source.subject_digest << '\n';
  const auto optional_words = [](const auto& value) {
    return value ? std::string(to_string(*value)) : std::string("-");
  };
  said << optional_words(report.exam.category) << ',' << optional_words(report.exam.classification)
       << ',' << (full && report.exam.needs_review) << '\n';
  for (std::size_t i = 0; i < report.decisions.size() && i < report.input.findings.size(); ++i) {
    const Decision& decision = report.decisions[i];
    const Finding& finding = report.input.findings[i];
    said << to_string(finding.laterality) << ',' << to_string(decision.final_category) << ','
         << to_string(decision.classification) << ','
         << optional_words(decision.recommendation.biopsy);
    if (full) {
      std::set<std::string> types;  // sorted, each once
      for (const auto& type : finding.morphology) types.emplace(to_string(type.term));
      // Where the finding is decides where a biopsy goes (hostile review 36, H36-13).
      const Location& at = finding.location;
      said << ','
           << (finding.distribution ? std::string(to_string(finding.distribution->term)) : "-")
           << ',' << decision.needs_review << ',' << at.clock_hour.value_or(0) << ','
           << optional_words(at.region) << ',' << optional_words(at.quadrant) << ','
           << optional_words(at.depth);
      for (const std::string& type : types) said << ',' << type;
    }
    said << '\n';
  }
  const std::array<unsigned char, 20> digest = sha1(said.str());
  return {digest.begin(), digest.end()};
}

}  // namespace

std::string said_of(const Report& report) { return said_digest(report, Detail::Full); }

std::string exam_uid_of(const Report& report) {
  return exam_sop_instance_uid_of(report.input.source);
}

InputResult process_input(const InputFile& input, const Evaluation& evaluation,
                          const SummaryFiles& files, Rollup& rollup_part,
                          const std::vector<std::string>& other_results) {
  InputResult outcome;
  outcome.entry.input = input.path;
  const bool found = input.origin == InputOrigin::Found;
  if (found && is_dicomdir_name(input.path)) {
    outcome.entry.status = EntryStatus::Skipped;
    outcome.entry.error_code = ErrorCode::DicomDirectory;
    outcome.entry.error = input.path + ": " + kDicomDirectoryReason;
    return outcome;
  }
  // 132 bytes decide whether a found file is a DICOM file, whatever its read says.
  const bool looks_dicom = found && looks_like_dicom(input.path);
  try {
    const Report report = summarise_input(input.path, evaluation, other_results);
    outcome.sop_instance_uid = report.input.source.sop_instance_uid;
    outcome.exam_sop_instance_uid = exam_sop_instance_uid_of(report.input.source);
    outcome.said = said_digest(report, Detail::Full);
    outcome.said_briefly = said_digest(report, Detail::Brief);
    outcome.summary = render_summary(report, evaluation.summary);
    if (files.html || !files.dicom_out_dir.empty()) {
      const bool redact = evaluation.summary.redact;
      if (!files.dicom_out_dir.empty()) outcome.dicom = write_report_sr(report);
      if (files.html) {
        outcome.page =
            render_review_page({exam_view_of(report, redact)}, redact, evaluation.summary.naming);
      }
    }
    outcome.entry.status = EntryStatus::Summarised;
    outcome.entry.category = report.exam.category;
    outcome.entry.classification = report.exam.classification;
    outcome.entry.findings = static_cast<int>(report.decisions.size());
    outcome.entry.narrative_findings = narrative_findings_of(report);
    outcome.entry.needs_review = report.exam.needs_review;
    outcome.entry.accession_number = report.input.source.accession_number;
    rollup_part.add(report);
  } catch (const Error& thrown) {
    Error error = thrown;
    if (error.code() == ErrorCode::LimitExceeded) {
      // Over a limit before its class was read: an image (a tomosynthesis series is large) is
      // what it is, an object mammocalc does not read, not an SR that failed.
      const std::string sop_class = media_storage_sop_class(input.path);
      if (!sop_class.empty() && !is_accepted_sop_class(sop_class)) {
        error = unread_sop_class_error(sop_class, input.path);
      }
    }
    outcome.entry.status =
        is_skipped_kind(error.code()) ? EntryStatus::Skipped : EntryStatus::Failed;
    outcome.entry.error_code = error.code();
    outcome.entry.error = error.what();
    if (found && outcome.entry.status == EntryStatus::Failed) {
      skip_if_not_ours(outcome.entry, looks_dicom);
    }
  } catch (const std::exception& error) {
    outcome.entry.status = EntryStatus::Failed;
    outcome.entry.error_code = ErrorCode::Internal;
    outcome.entry.error = input.path + ": internal error: " + error.what();
  }
  return outcome;
}

void summarise_again(InputResult& result, const InputFile& input,
                     const std::vector<std::string>& other_results, const Evaluation& evaluation,
                     const SummaryFiles& files) {
  Rollup counted_already;
  InputResult again = process_input(input, evaluation, files, counted_already, other_results);
  if (again.entry.status != EntryStatus::Summarised) {
    throw Error(again.entry.error_code.value_or(ErrorCode::Internal),
                again.entry.error + " (read again to say that its exam has another result)");
  }
  // Read again, it must say what the run counted (E19 adds review only): a file changed or
  // replaced in between is not written under the first reading's entry (review 40, R40-11).
  if (again.said_briefly != result.said_briefly) {
    throw Error(ErrorCode::OutputFailed,
                input.path +
                    ": changed while the run read it (read again to say that its exam "
                    "has another result, it says something else); its summary is not "
                    "written again");
  }
  result.summary = std::move(again.summary);
  result.page = std::move(again.page);
  result.dicom = std::move(again.dicom);
}

std::string DicomOutputClaims::stem_claimed_by(const std::string& input) const {
  const auto found = std::find_if(claimed_.begin(), claimed_.end(), [&input](const auto& claim) {
    return claim.second.input == input;
  });
  return found == claimed_.end() ? std::string() : found->first;
}

std::vector<std::string> WithdrawnOutputs::said() const {
  std::vector<std::string> lines;
  std::transform(removed.begin(), removed.end(), std::back_inserter(lines),
                 [](const std::string& path) {
                   return path +
                          ": the first reading of the exam, which does not say its other result, "
                          "removed";
                 });
  std::transform(problems.begin(), problems.end(), std::back_inserter(lines),
                 [](const std::string& problem) {
                   return problem + "; it does not say its exam's other result: remove it";
                 });
  return lines;
}

WithdrawnOutputs withdraw_outputs(const std::string& name, const SummaryFiles& files,
                                  const std::string& sr_stem) {
  std::vector<fs::path> paths{fs::path(files.output_dir) / name,
                              fs::path(files.output_dir) / page_name_for(name)};
  if (!files.dicom_out_dir.empty() && !sr_stem.empty()) {
    paths.push_back(fs::path(files.dicom_out_dir) / (sr_stem + ".dcm"));
  }
  WithdrawnOutputs withdrawn;
  for (const fs::path& path : paths) {
    std::error_code error;
    if (!fs::is_regular_file(fs::symlink_status(path, error))) continue;
    if (fs::remove(path, error)) {
      withdrawn.removed.push_back(path.string());
    } else {
      withdrawn.problems.push_back(path.string() + ": cannot be removed (" + error.message() + ")");
    }
  }
  return withdrawn;
}

bool DicomOutputClaims::claim(InputResult& result) {
  std::string digest = hex_digest(result.dicom.bytes);
  const auto [at, first] =
      claimed_.emplace(result.dicom.file_stem, Claim{result.entry.input, digest});
  if (first || at->second.result_digest == digest) return true;
  IndexEntry failed;
  failed.input = result.entry.input;
  failed.status = EntryStatus::Failed;
  failed.error_code = ErrorCode::DuplicateSopInstance;
  failed.error = result.entry.input + ": has the SOP Instance UID of " + at->second.input +
                 ", another input of this run, and another result: its result SR would replace "
                 "that one's (--dicom-out); neither of the two is dropped silently, this one is "
                 "not summarised (give each SR its own UID, or summarise them apart)";
  result.entry = std::move(failed);
  return false;
}

void write_outputs(const InputResult& result, const std::string& name, const SummaryFiles& files,
                   Flush flush) {
  // Every output is written under no name first and named only once all are written: an input
  // that fails replaces nothing an earlier run left of it (its SR, its page, its summary), and
  // nothing of it appears.
  std::optional<AtomicFile> dicom;
  std::optional<AtomicFile> kept_dicom;
  if (!files.dicom_out_dir.empty()) {
    dicom.emplace(result_sr_path(files, result));
    dicom->write(result.dicom.bytes);
    // Only beside a record of the exam: the record says the SR was written.
    const fs::path record = fs::path(files.record_directory) / result.exam_sop_instance_uid;
    std::error_code error;
    if (!files.record_directory.empty() && is_uid(result.exam_sop_instance_uid, 2) &&
        fs::is_regular_file(fs::symlink_status(record, error))) {
      kept_dicom.emplace(kept_result_sr_path(record.string()));
      kept_dicom->write(result.dicom.bytes);
    }
  }
  std::optional<AtomicFile> page;
  if (files.html) {
    page.emplace((fs::path(files.output_dir) / page_name_for(name)).string());
    page->write(result.page);
  }
  AtomicFile summary((fs::path(files.output_dir) / name).string());
  summary.write(result.summary);
  if (!page) {
    // An earlier run's page of this summary says what the summary no longer does (hostile
    // review 45, H45-8); the output directory holds no input (InputGuard). Removed before
    // anything is named: one that cannot be removed fails the input, said (review 47, R47-8).
    const fs::path earlier_page = fs::path(files.output_dir) / page_name_for(name);
    std::error_code error;
    if (fs::is_regular_file(fs::symlink_status(earlier_page, error)) &&
        !fs::remove(earlier_page, error) && error) {
      throw Error(ErrorCode::OutputFailed, earlier_page.string() +
                                               ": an earlier run's page of this summary cannot be "
                                               "removed (" +
                                               error.message() +
                                               "), and would say what the summary no longer does");
    }
  }
  if (kept_dicom) kept_dicom->commit(flush);
  if (dicom) dicom->commit(flush);
  if (page) page->commit(flush);
  summary.commit(flush);
}

std::string result_sr_path(const SummaryFiles& files, const InputResult& result) {
  return (fs::path(files.dicom_out_dir) / (result.dicom.file_stem + ".dcm")).string();
}

std::string kept_result_sr_path(const std::string& record_file) { return record_file + ".sr.dcm"; }

bool holds_bytes(const std::string& path, const std::string& bytes) {
  const EarlierFile file = read_earlier_output(path, bytes.size());
  return file.state == EarlierFile::State::Read && file.bytes == bytes;
}

EarlierOutputs earlier_outputs(const InputResult& result, const std::string& name,
                               const SummaryFiles& files) {
  // Read once, and only a regular file of a summary's size: a FIFO would hang the run, a link to
  // a device or a huge file fill its memory (review 41, R41-2).
  const EarlierFile file =
      read_earlier_output((fs::path(files.output_dir) / name).string(), kLargestSummary);
  if (file.state == EarlierFile::State::Missing) return EarlierOutputs::None;
  if (file.state != EarlierFile::State::Read) return EarlierOutputs::Different;
  const std::string& earlier = file.bytes;
  const bool same =
      earlier == result.summary &&
      (!files.html ||
       holds_bytes((fs::path(files.output_dir) / page_name_for(name)).string(), result.page)) &&
      (files.dicom_out_dir.empty() ||
       holds_bytes(result_sr_path(files, result), result.dicom.bytes));
  if (same) return EarlierOutputs::Same;
  // Its exam may have more results than this input's reading knows yet (a third one later).
  constexpr std::string_view kSameExamConflict = "<warning code=\"same-exam-conflict\">";
  return earlier.find(kSameExamConflict) != std::string::npos ? EarlierOutputs::Undecided
                                                              : EarlierOutputs::Different;
}

void create_output_directory(const std::string& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    throw Error(ErrorCode::OutputFailed,
                directory + ": output directory cannot be created (" + error.message() + ")");
  }
}

std::string output_name_for(const std::string& sop_instance_uid, const std::string& input) {
  if (is_uid(sop_instance_uid, 2)) {
    return sop_instance_uid + ".xml";
  }
  // Only letters, digits, '-' and '_' survive: no separator, no "..", no hidden file.
  std::string name = fs::path(input).stem().string();
  for (char& c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    if (!safe) c = '_';
  }
  if (name.empty()) name = "input";
  if (name.size() > 100) name.resize(100);
  if (name == "index") name = "index_input";
  return name + ".xml";
}

std::string claim_output_name(const std::string& sop_instance_uid, const std::string& input,
                              UsedNames& used_names) {
  std::string name = output_name_for(sop_instance_uid, input);
  const std::string stem = name.substr(0, name.size() - 4);
  for (int n = 2; used_names.contains(name); ++n) name = stem + "-" + std::to_string(n) + ".xml";
  used_names.insert(name);
  return name;
}

std::string claim_output_name(const InputResult& result, bool pseudonymised,
                              UsedNames& used_names) {
  const std::string input =
      pseudonymised ? "input-" + hex_digest(result.summary).substr(0, 16) : result.entry.input;
  return claim_output_name(result.sop_instance_uid, input, used_names);
}

namespace {

[[noreturn]] void refuse_naming(const std::string& output_dir, const std::string& what,
                                const std::string& kept, const std::string& naming) {
  // Worded from what it says, never from this run's setting alone (review 47, R47-7).
  const bool kept_pseudonymised = kept.rfind("pseudonymised ", 0) == 0;
  const std::string kept_by =
      kept == "plain"       ? "a run without --pseudonymize"
      : !kept_pseudonymised ? "a run of a naming mammocalc does not know (\"" + kept + "\")"
      : naming.rfind("pseudonymised", 0) == 0 ? "a run with another --pseudonym-key"
                                              : "a run with --pseudonymize";
  throw Error(ErrorCode::Usage, output_dir + ": " + what + " written by " + kept_by +
                                    ", which names exams otherwise; use one output directory "
                                    "per setting");
}

}  // namespace

// An output directory whose index or summaries say an earlier run named exams otherwise (plain
// against --pseudonymize, or another pseudonym key): its summaries and this run's would name one
// exam twice, and a pseudonymised directory would get identifying ones (hostile reviews 42 to
// 44, H42-7, H43-5, H44-4). The summaries are asked too, since a killed batch leaves no index
// and an index may be deleted; the first few that say their naming are enough, as no run
// writes beside another naming. Only heads are read.
void refuse_other_naming(const std::string& output_dir, const std::string& naming) {
  constexpr std::size_t kHeadBytes = 4096;
  const auto head_of = [&](const fs::path& path) {
    return xml_input::read_file_head_once(path.string(), kHeadBytes, kHeadBytes,
                                          xml_input::OtherFiles::Refused, {});
  };
  const fs::path index = fs::path(output_dir) / "index.xml";
  std::error_code error;
  if (fs::exists(fs::symlink_status(index, error))) {
    const xml_input::FileBytes head = head_of(index);
    const std::optional<std::string> kept =
        start_tag_attribute(head.bytes, "<mammocalcIndex", "naming");
    if (!kept) {
      // Cut short or not an index: what it said of the naming is lost (H44-4).
      throw Error(ErrorCode::Usage,
                  output_dir +
                      ": its index.xml cannot be read as a mammocalc index, so the "
                      "naming of its summaries is unknown; move or repair it, or use "
                      "another output directory");
    }
    if (!kept->empty() && *kept != naming)
      refuse_naming(output_dir, "its index was", *kept, naming);
  }
  if (const EarlierFile marker = read_earlier_output(
          (fs::path(output_dir) / kBatchNamingFile).string(), kLargestNamingFile);
      marker.state == EarlierFile::State::Read && marker.bytes != naming + "\n") {
    refuse_naming(output_dir, std::string(kBatchNamingFile) + " was",
                  marker.bytes.substr(0, marker.bytes.find('\n')), naming);
  }
  // Summaries, and review pages (a page names the patient too, and may be left where its
  // summary was removed: hostile review 46, H46-10).
  constexpr int kOutputsAsked = 8;
  const std::string page_naming_tag = std::string("<meta name=\"") + kPageNamingMeta + "\"";
  int asked = 0;
  const auto ends_with = [](const std::string& name, std::string_view suffix) {
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  for (fs::directory_iterator it(output_dir, error), end;
       !error && it != end && asked < kOutputsAsked; it.increment(error)) {
    const std::string name = it->path().filename().string();
    const bool summary = ends_with(name, ".xml") && name != "index.xml";
    const bool page = ends_with(name, ".html") && name != "index.html";
    if (!summary && !page) continue;
    std::error_code status_error;
    if (!fs::is_regular_file(it->symlink_status(status_error))) continue;
    const std::string head = head_of(it->path()).bytes;
    const std::optional<std::string> kept =
        summary ? start_tag_attribute(head, "<mammocalcSummary", "naming")
                : start_tag_attribute(head, page_naming_tag, "content");
    if (!kept || kept->empty()) continue;  // not ours, or written before the naming was said
    ++asked;
    if (*kept != naming) {
      refuse_naming(output_dir, std::string(summary ? "its summary " : "its page ") + name + " was",
                    *kept, naming);
    }
  }
}

bool claim_batch_naming(const std::string& output_dir, const std::string& naming) {
  const std::string marker = (fs::path(output_dir) / kBatchNamingFile).string();
  EarlierFile kept = read_earlier_output(marker, kLargestNamingFile);
  if (kept.state == EarlierFile::State::Missing) {
    // A new name that no rename replaces: of two batches started at once, one writes it and the
    // other reads it (hostile review 45, H45-7). A temporary of its own per process.
    if (create_file_once(marker, naming + "\n", marker + ".new-" + std::to_string(::getpid()))) {
      return true;
    }
    kept = read_earlier_output(marker, kLargestNamingFile);
  }
  if (kept.state != EarlierFile::State::Read || kept.bytes.empty() || kept.bytes.back() != '\n') {
    throw Error(ErrorCode::Usage, marker +
                                      ": cannot be read as one line of naming, so how the "
                                      "directory's summaries name exams is unknown; use another "
                                      "output directory");
  }
  const std::string kept_naming = kept.bytes.substr(0, kept.bytes.size() - 1);
  if (kept_naming != naming) {
    refuse_naming(output_dir, std::string(kBatchNamingFile) + " was", kept_naming, naming);
  }
  return false;
}

std::vector<LeftoverSummary> leftover_summaries(const std::string& output_dir,
                                                const UsedNames& written) {
  std::vector<LeftoverSummary> leftovers;
  std::error_code error;
  for (fs::directory_iterator it(output_dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    constexpr std::string_view kXml = ".xml";
    if (name.size() <= kXml.size() ||
        name.compare(name.size() - kXml.size(), kXml.size(), kXml) != 0) {
      continue;
    }
    const std::string stem = name.substr(0, name.size() - kXml.size());
    const std::size_t dash = stem.rfind('-');
    // A UID has no '-': the number after the last one is the name's (claim_output_name).
    if (dash == std::string::npos || dash + 1 == stem.size() ||
        stem.find_first_not_of("0123456789", dash + 1) != std::string::npos ||
        stem[dash + 1] == '0' || stem.compare(dash + 1, std::string::npos, "1") == 0) {
      continue;
    }
    const std::string exam_summary = stem.substr(0, dash) + ".xml";
    std::error_code status_error;
    if (!is_uid(stem.substr(0, dash), 2) || !written.contains(exam_summary) ||
        written.contains(name) || !it->is_regular_file(status_error) ||
        it->is_symlink(status_error)) {
      continue;
    }
    leftovers.push_back({name, exam_summary});
  }
  if (error) {
    throw Error(ErrorCode::OutputFailed,
                output_dir + ": cannot be listed for summaries an earlier run left (" +
                    error.message() + ")");
  }
  std::sort(
      leftovers.begin(), leftovers.end(),
      [](const LeftoverSummary& a, const LeftoverSummary& b) { return a.summary < b.summary; });
  return leftovers;
}

namespace {

// The index entry of a directory the walk could not use.
IndexEntry directory_entry(const fs::path& directory, EntryStatus status, ErrorCode code,
                           const std::string& reason) {
  IndexEntry entry;
  entry.input = directory.string();
  entry.status = status;
  entry.error_code = code;
  entry.error = directory.string() + ": " + reason;
  return entry;
}

// A file or directory by device and inode: the same under every name.
struct FileId {
  dev_t device;
  ino_t inode;
  bool operator<(const FileId& other) const {
    return device != other.device ? device < other.device : inode < other.inode;
  }
  bool operator==(const FileId& other) const {
    return device == other.device && inode == other.inode;
  }
};
struct FileIdHash {
  std::size_t operator()(const FileId& id) const {
    return std::hash<ino_t>{}(id.inode) ^ (std::hash<dev_t>{}(id.device) << 1);
  }
};

// The input files in order, each file once: by device and inode where it exists, else by path
// (a missing file fails once).
class InputList {
 public:
  void add(const std::string& path, InputOrigin origin, const struct stat* info) {
    const auto [at, added] =
        info != nullptr ? first(by_id_.emplace(FileId{info->st_dev, info->st_ino}, files_.size()))
                        : first(by_path_.emplace(path, files_.size()));
    if (added) {
      files_.push_back({path, origin});
    } else if (origin == InputOrigin::Named) {
      files_[at].origin = InputOrigin::Named;
    }
  }
  std::vector<InputFile> take() { return std::move(files_); }

 private:
  // Where the file is in files_, and whether it was added now.
  template <typename Inserted>
  static std::pair<std::size_t, bool> first(const Inserted& inserted) {
    return {inserted.first->second, inserted.second};
  }

  std::vector<InputFile> files_;
  std::unordered_map<FileId, std::size_t, FileIdHash> by_id_;
  std::unordered_map<std::string, std::size_t> by_path_;
};

// Recurses into a directory in name order, following symlinks but never into a directory
// already on the way down (a loop).
void collect_directory(const fs::path& directory, std::set<FileId>& ancestors, InputList& files,
                       std::vector<IndexEntry>& unreadable) {
  struct stat info {};
  if (::stat(directory.c_str(), &info) != 0) return;
  const FileId id{info.st_dev, info.st_ino};
  if (!ancestors.insert(id).second) {
    unreadable.push_back(directory_entry(directory, EntryStatus::Skipped, ErrorCode::SymlinkLoop,
                                         "symlink loop, not followed again"));
    return;
  }
  std::vector<fs::path> children;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    children.push_back(it->path());
  }
  if (error) {
    unreadable.push_back(directory_entry(directory, EntryStatus::Failed, ErrorCode::FileNotFound,
                                         "cannot be listed (" + error.message() + ")"));
  }
  std::sort(children.begin(), children.end());
  for (const fs::path& child : children) {
    struct stat child_info {};
    const bool exists = ::stat(child.c_str(), &child_info) == 0;
    const bool hidden = child.filename().string().rfind('.', 0) == 0;
    if (exists && S_ISDIR(child_info.st_mode)) {
      collect_directory(child, ancestors, files, unreadable);
    } else if (exists && !S_ISREG(child_info.st_mode) && !hidden) {
      // A FIFO would block the run until something writes to it, a device may never end: found in
      // a walk, neither is an SR, and each is said (hostile review 51, H51-2). One named on the
      // command line is read (a shell's <(…) is a FIFO).
      unreadable.push_back(directory_entry(child, EntryStatus::Failed, ErrorCode::NotRegularFile,
                                           std::string("not a regular file (") +
                                               (S_ISFIFO(child_info.st_mode)   ? "a FIFO"
                                                : S_ISSOCK(child_info.st_mode) ? "a socket"
                                                                               : "a device") +
                                               "), not read"));
    } else if (hidden) {
      // A name that starts with "." is a tool's file in the making or of its own (an editor's
      // swap file, a copy under way, this tool's temporary file): not read, but listed and said,
      // never passed over (hostile review 93, S1: a hidden 4B report was lost without a trace).
      // Named on the command line it is read.
      unreadable.push_back(directory_entry(child, EntryStatus::Skipped, ErrorCode::HiddenFile,
                                           "a hidden file (its name starts with \".\"), not "
                                           "read; name it to read it"));
    } else {
      files.add(child.string(), InputOrigin::Found, exists ? &child_info : nullptr);
    }
  }
  ancestors.erase(id);
}

void collect_path(const std::string& path, InputList& files, std::vector<IndexEntry>& unreadable,
                  std::vector<std::string>* directories) {
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (exists && S_ISDIR(info.st_mode)) {
    if (directories != nullptr) directories->push_back(path);
    std::set<FileId> ancestors;
    collect_directory(path, ancestors, files, unreadable);
  } else {
    // A missing or unreadable file becomes a failed entry when read.
    files.add(path, InputOrigin::Named, exists ? &info : nullptr);
  }
}

}  // namespace

std::vector<InputFile> collect_input_files(const std::vector<std::string>& paths,
                                           const std::string& files_from,
                                           std::vector<IndexEntry>& unreadable,
                                           std::vector<std::string>* directories) {
  InputList files;
  for (const std::string& path : paths) {
    collect_path(path, files, unreadable, directories);
  }
  if (!files_from.empty()) {
    std::ifstream file;
    std::istream* list = &std::cin;
    if (files_from != "-") {
      // A directory opens as a stream that reads nothing: it would be a run with no input.
      if (fs::is_directory(files_from)) {
        throw Error(ErrorCode::Usage, files_from +
                                          ": --files-from takes a file with one path a line (or "
                                          "- for standard input), not a directory");
      }
      file.open(files_from);
      if (!file) {
        throw Error(ErrorCode::Usage, cannot_open(files_from, errno));
      }
      list = &file;
    }
    for (std::string line; std::getline(*list, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) collect_path(line, files, unreadable, directories);
    }
  }
  return files.take();
}

}  // namespace mammocalc
