#include "run/summarise.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "annotations/annotation_merge.hpp"
#include "annotations/annotation_reader.hpp"
#include "annotations/site_profile_reader.hpp"
#include "annotations/wordings_reader.hpp"
#include "base/atomic_file.hpp"
#include "base/line_log.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/sr_writer.hpp"
#include "findings/breast_report.hpp"
#include "findings/findings_extractor.hpp"
#include "findings/own_sr.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/text_use.hpp"
#include "run/annotation_directory.hpp"

namespace mammocalc {

namespace {

// The findings of an SR read, coded and from its text, refusing mammocalc's own SRs unless
// `read_own`: their categories are mammocalc's, and read as a radiologist's they would double
// every roll-up.
Findings findings_of(const SrDocument& document, const std::string& name,
                     const Evaluation& evaluation) {
  const bool own = is_written_by_mammocalc(document);
  if (!evaluation.read_own && own) {
    throw Error(ErrorCode::OwnSummary, name + ": written by mammocalc (its own summary SR)");
  }
  // mammocalc's own narrative restates its coded content in its own words (and quotes the text
  // it read): read back, its coded content is the whole of it.
  const LexiconChoice lexicon = choose_lexicon(document, evaluation.lexicons);
  NarrativeReading text = own || !evaluation.read_text || lexicon.wordings == nullptr
                              ? NarrativeReading{}
                              : read_narrative(document, *lexicon.wordings);
  if (!text.limit_exceeded.empty()) {
    throw Error(ErrorCode::LimitExceeded, name + ": " + text.limit_exceeded);
  }
  Findings findings = extract_findings(document, name, text.breast_imaging_text);
  if (lexicon.warning && !own && evaluation.read_text) {
    findings.notes.push_back({WarningCode::LanguageUnsupported, *lexicon.warning, ""});
  }
  // Text only another lexicon reads was not read, which is never silent: an unresolved note
  // (the exam needs review, E8).
  if (!own && evaluation.read_text && lexicon.wordings != nullptr && text.mentions.empty() &&
      text.other_lesions.empty()) {
    if (std::optional<std::string> other =
            text_of_another_language(document, evaluation.lexicons, lexicon.language)) {
      findings.notes.push_back({WarningCode::NarrativeUnresolved, std::move(*other), ""});
    }
  }
  use_narrative(std::move(text), unilateral_procedure_laterality(document), findings);
  return findings;
}

Findings read_findings(const std::string& path, const Evaluation& evaluation) {
  const std::string name = path == "-" ? std::string("<stdin>") : path;
  const ReadLimits& limits = evaluation.limits;
  return findings_of(read_sr(read_input_bytes(path, limits.max_input_bytes), name, limits), name,
                     evaluation);
}

// An --annotations path as the report's texts may name it: a directory with its entries.
AnnotationPathsGiven paths_given(const std::string& path, const AnnotationDirectory* directory) {
  AnnotationPathsGiven paths{path, directory != nullptr, {}};
  if (directory != nullptr) {
    std::transform(directory->entries.begin(), directory->entries.end(),
                   std::back_inserter(paths.entries),
                   [](const AnnotationDirectoryEntry& entry) { return entry.path; });
  }
  return paths;
}

// Applies the annotations named on the command line: files must fit the SR; a directory
// contributes the files whose study is the SR's (others are another study's business), as read
// once for the run where it was. Returns every annotation path as a text of the report may name
// it (pseudonymise labels them): read here once, not listed again for the labels.
std::vector<AnnotationPathsGiven> apply_annotations(const Evaluation& evaluation,
                                                    Findings& findings) {
  // One file is one source however often it is reached, and a copy of one is no second source
  // (AppliedAnnotations): the first reading stands, in the order given.
  AppliedAnnotations applied;
  // A file given by name that another input of the run takes is that SR's business (hostile
  // review 29, H29-12): it fails no other SR of the run. One naming an SR the run does not hold
  // is still an error for each (merge_annotations).
  const auto apply_named = [&](const Annotations& annotations,
                               const std::optional<FileIdentity>& identity) {
    const bool of_this_study = annotations.sop_instance_uid.empty() &&
                               annotations.study_instance_uid == findings.source.study_instance_uid;
    const bool another_inputs = annotations.sop_instance_uid != findings.source.sop_instance_uid &&
                                !of_this_study &&
                                taken_by_an_input(annotations, evaluation.annotated_inputs);
    if (!another_inputs) applied.apply(annotations, identity, findings);
  };
  std::vector<AnnotationPathsGiven> given;
  for (const std::string& path : evaluation.annotations) {
    const auto found = evaluation.annotation_directories.find(path);
    AnnotationDirectory listed;
    const AnnotationDirectory* directory = nullptr;
    if (found != evaluation.annotation_directories.end()) {
      directory = &found->second;
    } else if (std::filesystem::is_directory(path)) {
      listed = read_annotation_directory(path);  // serve: its directories may change
      directory = &listed;
    }
    if (directory != nullptr) {
      apply_annotation_directory(*directory, findings, applied, evaluation.annotated_inputs);
    } else if (const auto read = evaluation.annotation_files.find(path);
               read != evaluation.annotation_files.end()) {
      const AnnotationFileReading& file = read->second;
      if (file.error) throw *file.error;
      apply_named(*file.annotations, file.identity);
    } else {
      const std::optional<FileIdentity> identity = file_identity(path);  // serve: may change
      apply_named(read_annotations(path), identity);
    }
    given.push_back(paths_given(path, directory));
  }
  return given;
}

// The report as the run may show it: pseudonymised when asked, before any output sees it, every
// annotation path in its texts labelled too.
Report evaluated(Findings findings, const Evaluation& evaluation,
                 const std::vector<AnnotationPathsGiven>& annotation_paths = {}) {
  Report report = evaluate(std::move(findings), evaluation.profile);
  const PatientInfo& patient = report.input.patient;
  const std::array<unsigned char, 20> subject =
      sha1(patient.id + '\n' + patient.issuer_of_id + '\n' + patient.birth_date + '\n' +
           report.input.source.study_instance_uid);
  report.input.source.subject_digest.assign(subject.begin(), subject.end());
  pseudonymise(report, evaluation.pseudonyms, annotation_paths);
  return report;
}

}  // namespace

void read_run_annotations(Evaluation& evaluation, std::string_view source, std::ostream& out) {
  std::set<FileIdentity> directories_read;
  for (const std::string& path : evaluation.annotations) {
    if (evaluation.annotation_directories.count(path) > 0 ||
        evaluation.annotation_files.count(path) > 0) {
      continue;
    }
    if (!std::filesystem::is_directory(path)) {
      AnnotationFileReading file;
      file.identity = file_identity(path);
      try {
        file.annotations = read_annotations(path);
      } catch (const Error& error) {
        file.error = error;
      }
      evaluation.annotation_files.emplace(path, std::move(file));
      continue;
    }
    // One directory in two spellings ("ad", "./ad/") is one source: its files are applied once
    // anyway, and its entries not read are said once (hostile review 28, H28-17).
    if (const auto identity = file_identity(path);
        identity && !directories_read.insert(*identity).second) {
      evaluation.annotation_directories.emplace(path, AnnotationDirectory{path, {}});
      continue;
    }
    AnnotationDirectory directory = read_annotation_directory(path);
    for (const std::string& line : unread_entries(directory)) out << log_line(source, line);
    evaluation.annotation_directories.emplace(path, std::move(directory));
  }
  out.flush();
}

std::vector<AnnotationPathsGiven> annotation_paths_of_run(const Evaluation& evaluation) {
  std::vector<AnnotationPathsGiven> given;
  for (const std::string& path : evaluation.annotations) {
    const auto directory = evaluation.annotation_directories.find(path);
    given.push_back(paths_given(
        path, directory == evaluation.annotation_directories.end() ? nullptr : &directory->second));
  }
  return given;
}

bool read_as_report(const std::string& path, const Evaluation& evaluation) {
  try {
    read_findings(path, evaluation);
    return true;
  } catch (const Error&) {
    return false;  // its own reading skips or fails it, and says so
  }
}

std::string same_exam_conflict_text(const std::string& other) {
  return other +
         " has this report's SOP Instance UID but another result: neither is a copy of the other, "
         "both need review";
}

std::string another_input_of_run(const std::string& name) {
  return "another input of this run, " + name + ",";
}

Report summarise_input(const std::string& path, const Evaluation& evaluation,
                       const std::vector<std::string>& other_results) {
  Findings findings = read_findings(path, evaluation);
  for (const std::string& other : other_results) {
    findings.notes.push_back({WarningCode::SameExamConflict, same_exam_conflict_text(other), ""});
  }
  const std::vector<AnnotationPathsGiven> annotation_paths =
      apply_annotations(evaluation, findings);
  return evaluated(std::move(findings), evaluation, annotation_paths);
}

Report summarise_input_bytes(std::string bytes, const std::string& name,
                             const Evaluation& evaluation,
                             const std::vector<std::string>& other_results) {
  Findings findings =
      findings_of(read_sr(std::move(bytes), name, evaluation.limits), name, evaluation);
  for (const std::string& other : other_results) {
    findings.notes.push_back({WarningCode::SameExamConflict, same_exam_conflict_text(other), ""});
  }
  const std::vector<AnnotationPathsGiven> annotation_paths =
      apply_annotations(evaluation, findings);
  return evaluated(std::move(findings), evaluation, annotation_paths);
}

Report summarise_annotations(const std::string& path, const Evaluation& evaluation) {
  return evaluated(findings_from_annotations(read_annotations(path)), evaluation,
                   {AnnotationPathsGiven{path, false, {}}});
}

Error with_read_own_hint(const Error& error) {
  if (error.code() != ErrorCode::OwnSummary) return error;
  return Error(error.code(), std::string(error.what()) + "; use --read-own to read it back");
}

std::string write_dicom_summary(const Report& report, const std::string& file_or_directory,
                                const InputGuard& inputs) {
  const WrittenSr written = write_report_sr(report);
  std::string path =
      std::filesystem::is_directory(file_or_directory)
          ? (std::filesystem::path(file_or_directory) / (written.file_stem + ".dcm")).string()
          : file_or_directory;
  inputs.check_file(path);
  write_file_atomically(path, written.bytes);
  return path;
}

std::string render_summary(const Report& report, const SummaryOptions& options) {
  std::ostringstream text;
  write_summary(report, options, text);
  return text.str();
}

namespace {

void write_output(const std::string& path, const std::string& summary, std::ostream& out) {
  if (path.empty()) {
    out << summary;
    out.flush();
    if (!out) throw Error(ErrorCode::OutputFailed, "<stdout>: cannot write output");
  } else {
    write_file_atomically(path, summary);
  }
}

// A run that fails writes no summary, and one an earlier run left at the -o FILE would be read
// as this run's by a script that does not check the exit status: another exam's, perhaps another
// patient's (hostile review 74). It is removed, and said — only a mammocalc summary (its root
// element says so), never another file the path names (hostile review 76: any file there was
// deleted), and only once the paths are known to name no input. Anything else there, and a
// result SR at --dicom-out FILE, is left and said not to be this run's.
void remove_earlier_output(const std::string& path, bool summary, std::ostream& errors) {
  std::error_code error;
  if (path.empty() || !std::filesystem::is_regular_file(path, error)) return;
  if (summary && xml_root_name(path) == "mammocalcSummary" &&
      std::filesystem::remove(path, error)) {
    errors << "mammocalc: " << path
           << ": removed the summary an earlier run left there: this run failed and wrote none\n";
    return;
  }
  errors << "mammocalc: " << path
         << ": left as it was: this run failed and wrote nothing there, so what is there is not "
            "this run's result\n";
}

}  // namespace

void run_summarize(const RunConfig& config, std::ostream& out, std::ostream& errors) {
  const std::vector<std::string>& annotations = config.evaluation.annotations;
  // Annotation-only run: the annotated findings on their own.
  const bool annotation_only = config.inputs.empty();
  if (annotation_only) {
    if (annotations.size() != 1 || std::filesystem::is_directory(annotations.front())) {
      throw Error(ErrorCode::Usage,
                  "summarize without an SR takes exactly one annotation file (--annotations FILE)");
    }
    if (!config.dicom_out.empty()) {
      throw Error(ErrorCode::Usage,
                  "summarize: --dicom-out needs an SR input: an annotation-only "
                  "run has no study to write to");
    }
  } else if (config.inputs.size() != 1) {
    throw Error(ErrorCode::Usage, "summarize takes exactly one input file (or - for stdin)");
  }
  InputGuard guard;
  if (!annotation_only) guard.add_file(config.inputs.front());
  add_evaluation_inputs(config.evaluation, guard);
  guard.check_file(config.output);
  if (!config.dicom_out.empty() && std::filesystem::is_directory(config.dicom_out)) {
    // As in a batch: an SR written beside the input would be read as an input next run.
    guard.check_directory(config.dicom_out, "--dicom-out directory", "SRs");
  } else if (!config.dicom_out.empty()) {
    guard.check_file(config.dicom_out);
    if (!config.output.empty() && same_path(config.output, config.dicom_out)) {
      throw Error(ErrorCode::Usage,
                  config.output + ": -o and --dicom-out name the same file; one would be lost");
    }
  }
  // From here the output paths name no input: a failure removes what an earlier run left there
  // (remove_earlier_output), whatever failed — the site profile, a lexicon, the SR, a write.
  bool sr_written = false;
  try {
    Evaluation evaluation = load_evaluation(config.evaluation);
    if (annotation_only) {
      const std::string summary = render_summary(
          summarise_annotations(annotations.front(), evaluation), evaluation.summary);
      write_output(config.output, summary, out);
      return;
    }
    read_run_annotations(evaluation, "mammocalc", errors);
    const Report report = [&] {
      try {
        return summarise_input(config.inputs.front(), evaluation);
      } catch (const Error& error) {
        throw with_read_own_hint(error);
      }
    }();
    const std::string summary = render_summary(report, evaluation.summary);
    // The SR first: when it cannot be written, no summary claims it was.
    if (!config.dicom_out.empty()) {
      write_dicom_summary(report, config.dicom_out, guard);
      sr_written = true;
    }
    write_output(config.output, summary, out);
  } catch (...) {
    remove_earlier_output(config.output, true, errors);
    if (!sr_written && !std::filesystem::is_directory(config.dicom_out)) {
      remove_earlier_output(config.dicom_out, false, errors);
    }
    throw;
  }
}

void add_evaluation_inputs(const EvaluationConfig& config, InputGuard& guard) {
  guard.add_file(config.site_profile_file);
  guard.add_file(config.pseudonym_key_file);
  for (const std::string& path : config.annotations) {
    if (!std::filesystem::is_directory(path)) {
      guard.add_file(path);
      continue;
    }
    std::error_code error;
    for (std::filesystem::directory_iterator it(path, error), end; !error && it != end;
         it.increment(error)) {
      guard.add_file(it->path().string());
    }
  }
}

namespace {
// Defined with load_evaluation below: the lexicons a run reads with, from a site profile read.
NarrativeLexicons load_lexicons_with(const EvaluationConfig& config, const SiteReading& site);
}  // namespace

bool run_validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& errors) {
  bool all_valid = true;
  for (const std::string& file : files) {
    std::error_code ignored;
    const auto status = std::filesystem::status(file, ignored);
    std::vector<std::string> problems;
    std::string kind;
    if (file == "-") {
      // "-" is standard input for summarize; validate names its files (hostile review 28).
      problems.push_back("-: validate does not read standard input; give /dev/stdin");
    } else if (!std::filesystem::exists(status)) {
      problems.push_back(file + ": no such file");
    } else if (std::filesystem::is_directory(status)) {
      problems.push_back(file + ": is a directory, not a file");
    } else if (::access(file.c_str(), R_OK) != 0) {
      // Never opened to probe: opening a FIFO by path waits for a writer (hostile review 25, F12).
      problems.push_back(cannot_open(file, errno));
    } else {
      // Read once, and checked from those bytes: a pipe (`validate <(…)`) cannot be read twice.
      AnnotationFile read = read_xml_file_given(file);
      kind = xml_root_name_of(read.bytes);
      if (!read.unreadable.empty()) {
        problems.push_back(read.unreadable);
      } else if (kind == "annotations") {
        problems = parse_annotation_file(read).problems;
      } else if (kind == "siteProfile") {
        SiteProfileCheck check = check_site_profile_bytes(file, std::move(read.bytes));
        problems = std::move(check.problems);
        // The lexicon files it names are part of it: a run would stop on them, and on a
        // reportLanguage that neither they nor the shipped lexicons provide.
        if (problems.empty()) {
          for (const std::string& lexicon : check.reading.lexicon_files) {
            const std::vector<std::string> more = check_wordings(lexicon, shipped_wordings_files());
            problems.insert(problems.end(), more.begin(), more.end());
          }
        }
        if (problems.empty()) {
          EvaluationConfig as_run;
          as_run.site_profile_file = file;
          try {
            load_lexicons_with(as_run, check.reading);
          } catch (const Error& error) {
            problems.emplace_back(error.what());
          }
        }
      } else if (kind == "narrativeWordings") {
        problems = check_wordings_bytes(file, std::move(read.bytes), shipped_wordings_files());
      } else {
        problems.push_back(file + ": neither an annotation file, a site profile nor a lexicon");
      }
    }
    for (const std::string& problem : problems) errors << error_line(problem);
    if (problems.empty()) {
      out << escape_control_characters(file) << ": valid "
          << (kind == "annotations"   ? "annotation file"
              : kind == "siteProfile" ? "site profile"
                                      : "narrative lexicon")
          << "\n";
    }
    all_valid = all_valid && problems.empty();
  }
  return all_valid;
}

namespace {

// The site secret of --pseudonym-key: the file's bytes, less one trailing newline (as `echo` or an
// editor leave it). At least 16 bytes, so that nobody can try every key.
std::string read_pseudonym_key(const std::string& file) {
  if (file.empty()) return {};
  std::string key;
  try {
    key = read_input_bytes(file, 4096);
  } catch (const Error& error) {
    throw Error(ErrorCode::Usage, std::string(error.what()) + " (--pseudonym-key)");
  }
  if (!key.empty() && key.back() == '\n') key.pop_back();
  if (!key.empty() && key.back() == '\r') key.pop_back();
  if (key.size() < 16) {
    throw Error(ErrorCode::Usage,
                file + ": a pseudonym key needs at least 16 bytes (e.g. head -c 32 /dev/urandom)");
  }
  return key;
}

}  // namespace

namespace {

// The site profile and what it says about reading (its lexicons, reportLanguage), read once: a
// profile given as a pipe (`--site-profile <(…)`) can be read only once.
std::pair<SiteProfile, SiteReading> load_site_profile_with_reading(const std::string& file) {
  if (file.empty()) return {};
  auto loaded = read_site_profile_with_reading(file);
  loaded.first.source = file;
  return loaded;
}

NarrativeLexicons load_lexicons_with(const EvaluationConfig& config, const SiteReading& site) {
  std::vector<std::string> files = site.lexicon_files;
  files.insert(files.end(), config.lexicon_files.begin(), config.lexicon_files.end());
  NarrativeLexicons lexicons;
  for (auto& [language, wordings] : read_lexicons(shipped_wordings_files(), files)) {
    lexicons.by_language.emplace(language, prepare_wordings(std::move(wordings)));
  }
  const std::string& language = !config.language.empty() ? config.language : site.language;
  if (!language.empty()) {
    lexicons.default_language = language_key(language);
    if (lexicons.by_language.count(lexicons.default_language) == 0) {
      std::string known;
      for (const auto& [key, prepared] : lexicons.by_language) {
        known += (known.empty() ? "" : ", ") + key;
      }
      const std::string problem =
          "no narrative lexicon for the language '" + language + "'; there are: " + known;
      // The site profile's own reportLanguage is a problem of that file (exit 1, FILE: reason),
      // the option's a usage error (exit 2).
      if (config.language.empty()) {
        throw Error(ErrorCode::InvalidSiteProfile,
                    config.site_profile_file + ": reportLanguage: " + problem);
      }
      throw Error(ErrorCode::Usage, "--language: " + problem);
    }
  }
  return lexicons;
}

}  // namespace

SiteProfile load_site_profile(const std::string& file) {
  return load_site_profile_with_reading(file).first;
}

NarrativeLexicons load_lexicons(const EvaluationConfig& config) {
  return load_lexicons_with(config,
                            load_site_profile_with_reading(config.site_profile_file).second);
}

void run_lexicon(const EvaluationConfig& config, bool as_xml, std::ostream& out) {
  const NarrativeLexicons lexicons = load_lexicons(config);
  write_wordings(*lexicons.by_language.at(lexicons.default_language).wordings, as_xml, out);
  out.flush();
  if (!out) throw Error(ErrorCode::OutputFailed, "<stdout>: cannot write output");
}

Evaluation load_evaluation(const EvaluationConfig& config) {
  auto [profile, site_reading] = load_site_profile_with_reading(config.site_profile_file);
  Evaluation evaluation{std::move(profile),
                        config.annotations,
                        config.limits,
                        config.summary,
                        config.read_own,
                        PseudonymPolicy{},
                        NarrativeLexicons{},
                        config.read_text,
                        {},
                        {},
                        {}};
  evaluation.pseudonyms.enabled = config.pseudonymise;
  evaluation.pseudonyms.key = read_pseudonym_key(config.pseudonym_key_file);
  // A pseudonymised summary is a redacted one, and more.
  if (config.pseudonymise) evaluation.summary.redact = true;
  evaluation.summary.naming = naming_of(evaluation.pseudonyms);
  evaluation.lexicons = load_lexicons_with(config, site_reading);
  return evaluation;
}

}  // namespace mammocalc
