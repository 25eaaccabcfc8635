#pragma once
// Evaluating one input: read → findings → rules → summary, with what every run evaluates SRs
// with (the site profile, the radiologists' annotations, the reader's limits and the shape of the
// summary: summarize, batch, hook, serve and review all hold one EvaluationConfig and load it once
// per run). Also the single-input summarize run, which gets its RunConfig from resolve_summarize
// (run/summarize_command), and validate.

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "annotations/annotations.hpp"
#include "base/error.hpp"
#include "base/input_guard.hpp"
#include "dicom/dicom_structure.hpp"
#include "narrative/language.hpp"
#include "narrative/narrative_reader.hpp"
#include "output/pseudonyms.hpp"
#include "output/summary_writer.hpp"
#include "rules/rules.hpp"
#include "run/annotation_directory.hpp"

namespace mammocalc {

struct EvaluationConfig {
  std::string site_profile_file;  // empty: the built-in defaults of decision-logic.md
  // Annotation files, or directories of them matched to the SR by Study Instance UID.
  std::vector<std::string> annotations;
  ReadLimits limits;
  SummaryOptions summary;
  // Read mammocalc's own SRs (--dicom-out's) back like any SR (--read-own); else they are refused
  // with Error(OwnSummary), which batch, hook and serve count as skipped.
  bool read_own = false;
  // --pseudonymize (output/pseudonyms.hpp), with the site secret in this file (--pseudonym-key;
  // empty: none, UIDs are dropped).
  bool pseudonymise = false;
  std::string pseudonym_key_file;
  // The site's narrative lexicon files (--lexicon), read after the site profile's; each adds
  // wordings to the shipped lexicon of its language (annotations/wordings_reader read_lexicons).
  std::vector<std::string> lexicon_files;
  // The language of reports whose SR does not state one (--language); empty: the site profile's,
  // else English.
  std::string language;
  bool read_text = true;  // false only for tools/bench's comparison
};

// An annotation file named on the command line, as read once for a run: its annotations, or the
// error of reading them, which fails each SR it is applied to as a reading per SR would.
struct AnnotationFileReading {
  std::optional<Annotations> annotations;
  std::optional<Error> error;
  std::optional<FileIdentity> identity;  // the file's, when it could be stat()ed
};

// An EvaluationConfig loaded for a run: the site profile read once, the rest as given.
struct Evaluation {
  SiteProfile profile;
  std::vector<std::string> annotations;
  ReadLimits limits;
  SummaryOptions summary;
  bool read_own = false;
  PseudonymPolicy pseudonyms;  // applied to every report before anything is written from it
  NarrativeLexicons lexicons;  // what the narrative reader reads in report text, per language
  bool read_text = true;
  // The annotation directories among `annotations` as read once for the run
  // (read_run_annotations), by path; a directory not among them is read per SR (serve, whose
  // directories may change while it listens).
  std::map<std::string, AnnotationDirectory> annotation_directories;
  // The annotation files among `annotations` as read once for the run, by path: a file saved
  // while a batch runs counts from the next run, as a directory's (hostile review 28, H28-10).
  // A file not among them is read per SR (serve).
  std::map<std::string, AnnotationFileReading> annotation_files;
  // The run's inputs that an annotation file of `annotations` names by its sopInstanceUid, read
  // before any is summarised (batch, hook): such a file is that input's, which takes it in this
  // same run, and none of the other SRs' business (hostile review 29, H29-7, H29-12). Empty
  // where a run has one SR (summarize, serve): a file naming another SR is then said (E17).
  std::vector<AnnotatedInput> annotated_inputs;
};

// The site profile in `file`, or decision-logic.md's defaults when `file` is empty.
SiteProfile load_site_profile(const std::string& file);

// Reads the site profile, the pseudonym key and the narrative lexicons. Throws
// Error(InvalidSiteProfile) naming the profile, Error(Usage) for a key file that cannot be read or
// holds fewer than 16 bytes or for a language no lexicon has, Error(InvalidWordings) or
// Error(DataMissing) for the lexicons.
Evaluation load_evaluation(const EvaluationConfig& config);

// The lexicons a run reads with: the shipped ones, the site profile's lexicon files, then
// config.lexicon_files; the default language is config.language, else the profile's, else
// English. The same errors as load_evaluation's for the lexicons.
NarrativeLexicons load_lexicons(const EvaluationConfig& config);

// `mammocalc lexicon`: writes the effective lexicon of config.language (empty: the site profile's,
// else English) as text or as a narrative wordings file; the same errors as load_lexicons.
void run_lexicon(const EvaluationConfig& config, bool as_xml, std::ostream& out);

struct RunConfig {
  std::vector<std::string> inputs;  // SR files; "-" is standard input
  std::string output;               // empty: standard output
  EvaluationConfig evaluation;
  std::string dicom_out;  // also the result as a DICOM SR: a file, or a directory for UID.dcm
};

// Reads the annotation directories and files among evaluation.annotations once, for every SR of
// the run (Evaluation::annotation_directories, annotation_files), and writes to `out` one line,
// "SOURCE: PATH: why", for each directory entry that the run does not read, whatever the SRs.
// Throws Error(InvalidAnnotation) for a directory that cannot be listed; a file that cannot be
// read is kept as its error, for each SR.
void read_run_annotations(Evaluation& evaluation, std::string_view source, std::ostream& out);

// Every --annotations path of the run as a report's texts may name it, a directory with the
// entries read once for the run (read_run_annotations): what pseudonymise labels in each of the
// run's summaries (annotation_labels), for the texts of a batch index.
std::vector<AnnotationPathsGiven> annotation_paths_of_run(const Evaluation& evaluation);

// Whether the SR file at `path` is read as a report by this run: not skipped or failed when read
// (mammocalc's own SR without --read-own, an SR that is no breast-imaging report, content that
// cannot be read). Only an input read so takes the annotation files made on it (annotated_input):
// one the run skips applies none, so they must be said where they do not apply (E17).
bool read_as_report(const std::string& path, const Evaluation& evaluation);

// How E19 names another input of this run whose result differs (`name`: its path, or its
// place where pseudonymised).
std::string another_input_of_run(const std::string& name);

// What E19's warning (same-exam-conflict) says of `other`, an input named as other_results are.
std::string same_exam_conflict_text(const std::string& other);

// Reads one SR file (or "-") within the run's limits, merges the run's annotations that belong to
// it and evaluates it with the run's site profile. Throws Error naming the input;
// Error(OwnSummary), "FILE: written by mammocalc (its own summary SR)", for an SR mammocalc wrote
// unless evaluation.read_own. `other_results` says which inputs carry its SOP Instance UID with
// another result (ExamsSeen: another_input_of_run; an earlier hook call's, ExamRecords): each
// is noted on the exam (E19), "OTHER has this report's SOP Instance UID but another result…".
Report summarise_input(const std::string& path, const Evaluation& evaluation,
                       const std::vector<std::string>& other_results = {});

// The same for an SR already in memory (e.g. received over the network), named `name` in the
// summary and in errors. The bytes are taken by value and handed on to the reader, which frees
// them once DCMTK has its copy. `other_results` as for summarise_input.
Report summarise_input_bytes(std::string bytes, const std::string& name,
                             const Evaluation& evaluation,
                             const std::vector<std::string>& other_results = {});

// An annotation-only run: the findings of one annotation file on their own, evaluated.
Report summarise_annotations(const std::string& path, const Evaluation& evaluation);

// The error of an own SR refused, said for a command that has --read-own: the same code, its
// message followed by "; use --read-own to read it back". Any other error unchanged.
Error with_read_own_hint(const Error& error);

// Writes the report as a DICOM SR (sr_writer) to `file_or_directory` (in a directory, named by
// WrittenSr::file_stem: one file per source SR, replaced by a new result of it), atomically;
// returns the path written. Throws Error(Usage) for a path that is one of `inputs`' files,
// Error(OutputFailed) when it cannot be written, std::invalid_argument for an annotation-only
// report (the runs refuse --dicom-out for those first).
std::string write_dicom_summary(const Report& report, const std::string& file_or_directory,
                                const InputGuard& inputs = InputGuard());

// Adds the files an evaluation reads (the site profile, annotation files and the files of
// annotation directories) to `guard`.
void add_evaluation_inputs(const EvaluationConfig& config, InputGuard& guard);

// The summary XML of a report, as bytes.
std::string render_summary(const Report& report, const SummaryOptions& options);

// `mammocalc summarize`: writes the summary to config.output or to `out`, and to `errors` first
// one line, "mammocalc: PATH: why", for each entry of an annotation directory that is not read
// (read_run_annotations). Throws Error; writes nothing when the input
// fails; Error(Usage) when -o or --dicom-out would overwrite an input (the SR, an annotation file,
// the site profile).
void run_summarize(const RunConfig& config, std::ostream& out, std::ostream& errors);

// `mammocalc validate`: checks annotation files, site profiles and narrative lexicon files (against
// the shipped lexicon of their language) for meaning, not only well-formedness. Writes "FILE: valid
// …" to `out` for each valid file and one line per problem, "mammocalc: FILE: problem", to
// `errors`; returns true when every file is valid.
bool run_validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& errors);

}  // namespace mammocalc
