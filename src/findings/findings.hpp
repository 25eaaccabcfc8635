#pragma once
// The normalised calcification finding (decision-logic.md §1) and the document it came from.
// Plain values only: the rules and the writers depend on nothing else. Absent data is an empty
// optional or an Unknown enumerator, never a guessed value.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/codes.hpp"
#include "findings/sr_content.hpp"
#include "findings/warning_code.hpp"

namespace mammocalc {

enum class Laterality { Unknown, Right, Left, Both };
enum class Site { Unknown, Ductal, Lobular };
enum class SiteSource { None, Annotation, Sr, Inferred, Narrative };  // Narrative: stated in text

// Where a finding's breast was read (decision-logic.md §6.4, issue 17 item 1), in the order the
// sources count: the finding's own Laterality item, a Laterality modifier on its own sub-items
// (assessment, follow-up), a unilateral procedure reported, a unilateral study (the image
// laterality of every referenced image), a narrative sentence that places the same
// calcifications. An annotation wins over all of them. Conflicting: two sources disagree, the
// breast is unknown and the finding is classified under each.
enum class LateralitySource {
  None,
  Finding,
  SubItem,
  Procedure,
  Images,
  Narrative,
  Annotation,
  Conflicting,
};

// BI-RADS 5th ed. morphology (CID 6010). Unrecognised keeps a code we could not map.
enum class Morphology {
  Skin,
  Vascular,
  CoarsePopcorn,
  LargeRodLike,
  Round,
  Punctate,
  Rim,
  LucentCentred,
  Dystrophic,
  MilkOfCalcium,
  Suture,
  Amorphous,
  CoarseHeterogeneous,
  FinePleomorphic,
  FineLinear,
  FineLinearBranching,
  Microcalcifications,  // non-specific DICOM term, no BI-RADS meaning
  Macrocalcifications,  // non-specific DICOM term, no BI-RADS meaning
  Unrecognised,
};

// The BI-RADS suspicious morphologies (amorphous … fine linear branching): the rules and the
// narrative reader ask the same question.
bool is_suspicious(Morphology term);
// The kinds of calcification that are never small: coarse, popcorn, rod-like, dystrophic, rim,
// lucent-centred, vascular, skin, suture, coarse heterogeneous and the non-specific "macro" term.
// Text that calls calcifications small describes none of these (row W8).
bool is_coarse(Morphology term);

// BI-RADS distribution (CID 6012). Unrecognised keeps a code we could not map.
enum class Distribution {
  Diffuse,
  Regional,
  Grouped,
  Linear,
  Segmental,
  WithinMass,
  OutsideMass,
  Unrecognised,
};

// The distributions that follow a duct (linear, segmental; rule C7): the rules and the narrative
// reader ask the same question.
bool follows_a_duct(Distribution term);

enum class Change { Unknown, New, Increased, Stable, Decreased };
enum class Presence { Unknown, Yes, No };
enum class Region { Subareolar, Central, AxillaryTail, Axilla, ChestWall };
enum class Quadrant { UpperOuter, UpperInner, LowerOuter, LowerInner };
enum class Depth { Anterior, Middle, Posterior };

// BI-RADS assessment categories; Suspicious4 is "4" without a subcategory.
enum class Category {
  Incomplete0,
  Negative1,
  Benign2,
  ProbablyBenign3,
  Suspicious4,
  LowSuspicion4A,
  ModerateSuspicion4B,
  HighSuspicion4C,
  HighlySuggestive5,
  KnownMalignancy6,
};

enum class PriorResult {
  Benign,
  Malignant,
  HighRisk,
  Insufficient,
  Indeterminate,
  TargetNotInSpecimen,
  NoCalcificationsInCore,
};

// Category order of decision-logic.md §3: 1 < 2 < 0 < 3 < 4 = 4A < 4B < 4C < 5 < 6.
// (0 "counts only when no other rule gave 3 or more": it outranks 1 and 2, never 3+.)
int category_rank(Category category);
// The more suspicious of two categories; the first of equals.
Category more_suspicious(Category a, Category b);

// Change since the last mammogram in order of suspicion (new 4 > increased 3 > stable 2 >
// decreased 1 > unknown 0): where two values disagree, the more suspicious stands (§1).
int change_rank(Change change);

// An overall statement for `statement`'s breast (Unknown: the whole exam) may be about a finding of
// `finding`'s breast; a finding of unknown breast or of both may lie in either. Symmetric, so it
// also says whether two findings may lie in the same breast (row W8's pairing and comparison).
bool speaks_for(Laterality statement, Laterality finding);

// What a finding's own code (TID 4206 Finding, CID 6054) names besides its calcifications, where
// the rules weigh it: an architectural distortion (C15), an asymmetry (W19). A mass is
// mass_with_calcifications (C11).
enum class Lesion { ArchitecturalDistortion, Asymmetry };

// Where a finding record came from. Narrative: read from report text (decision-logic.md §6).
enum class Origin { BreastImagingReport, CadCluster, CadIndividual, Annotation, Narrative };

// Where a finding's reported category was read. The SR's overall assessment ranks below an
// annotation and the finding's own category (decision-logic.md §1), so the merge needs to know.
// Narrative: words of the report text that assess the calcifications ("suspicious").
enum class ReportedSource { Finding, Overall, Annotation, CadImpression, Narrative };

// The template a document was read as.
enum class ReportTemplate { BreastImagingReport4200, MammographyCad4000, Other, Annotation };

// A term together with the code it was read from and the content item position.
template <typename Term>
struct Coded {
  Term term;
  Code code;
  std::string position;  // "1.4.2" as dsrdump +Pn prints it; empty when implied
};

struct Location {
  std::optional<int> clock_hour;  // 1..12
  std::optional<Region> region;
  std::optional<Quadrant> quadrant;
  std::optional<Depth> depth;
  std::optional<double> from_nipple_mm;
  std::optional<double> from_skin_mm;
  std::optional<double> from_chest_wall_mm;
};

// Patient and procedure factors that decide stereotactic feasibility (B4) and A2.
struct ProcedureFactors {
  std::optional<double> compressed_thickness_mm;
  Presence can_lie_prone = Presence::Unknown;
  bool bothered_by_deposit = false;
};

// Something the reader wants the radiologist to see (unknown code, skipped item, ...).
struct ReaderNote {
  WarningCode code = WarningCode::UnknownCode;
  std::string text;      // one line, no patient data
  std::string position;  // content item position, may be empty
};

// The annotation that added or refined a finding.
struct AnnotationRef {
  std::string file;
  int line = 0;
  std::string action;   // "refine" or "add"
  std::string comment;  // the radiologist's free text
};

// A follow-up the report states and where it stands: a coded item, or words of the text (a
// recommendation often has a sentence of its own, after the category's).
struct StatedFollowUp {
  Code code;             // CID 6028
  std::string position;  // the content item it was read from
  std::string id;     // from text: the wordings' id ("stereotactic-biopsy"; several share a code)
  std::string quote;  // from text: the sentence it was read from
};

// A Recommended Follow-up Interval (111055, DCM; TID 4203 row 4) the report gives: 0 is
// "immediate" (domain.md §2.1).
struct FollowUpInterval {
  double months = 0;
  std::string words;     // as given, e.g. "0 months", "2 weeks"
  std::string position;  // the content item it was read from
};

// One overall Assessment Category of the report, or one overall follow-up (TID 4203 in the
// Overall Assessment container, or the CAD summary). Laterality Unknown: the whole exam.
struct OverallStatement {
  std::optional<Category> category;
  std::vector<StatedFollowUp> follow_up;
  // Recommended Follow-up Intervals below its category or follow-up (hostile review 27, H27-11:
  // 24 months on a 4 passed unweighed).
  std::vector<FollowUpInterval> intervals;
  Laterality laterality = Laterality::Unknown;
  std::string position;
  bool from_text = false;  // read from the impression's text (row E6), not coded
  std::string quote;       // from_text: the sentence it was read from
};

// A finding of the report that the calcification rules do not assess (a mass, a distortion, an
// asymmetry without calcification descriptors, a finding of unknown code) that carries its own
// Assessment Category or evidence they do not weigh: the report's word for its breast all the
// same (rule E15; hostile review 27, H27-6; hostile review 28, H28-1, H28-15).
struct UnassessedFinding {
  std::string position;
  Code code;  // its finding code (CID 6054, or one outside it)
  Laterality laterality = Laterality::Unknown;
  // The most suspicious of its own categories (wherever they hang in it, and what a category
  // code's meaning names), 6 for a malignant result, at least 4A for a suspicious calcification
  // code among its values (C0); none when it states none.
  std::optional<Category> category;
  // What it holds that the rules do not weigh, in words (a follow-up asking for tissue, a
  // high-risk result, an item that could not be read): its breast and the exam are then 0 unless
  // 4 or above.
  std::vector<std::string> not_weighed;
  // Read from the report text (hostile review 29, H29-9: "LEFT BREAST: Architectural distortion at
  // 2 o'clock" beside right calcifications was dropped, and the report's 4 went to them): an
  // affirmed distortion, asymmetry or mass no calcifications' clause holds. `quote`: its sentence.
  // Its category is the report's for its breast; it always asks for review (E15).
  bool from_text = false;
  std::string quote;
  // From the text too: a category the text may state that no category statement read ("BI-RADS
  // 2 + 4", "R:2, L:4"); `code.meaning` names it, laterality unknown (hostile review 60, H60-10).
  bool unread_category = false;
  // A TID 4204 intervention section whose results count for no finding (hostile review 30,
  // H30-7): `code` is the section's concept, `category` 6 for a malignant result.
  bool intervention_results = false;
  // A report's own finding with no category of its own: the report's overall assessment of its
  // breast speaks for it; with none it asks for one (findings_extractor, hostile review 79).
  bool awaits_overall = false;
};

// ---- Report text (decision-logic.md §6, narrative.md) ----

// What a calcification mention means in its context (narrative.md §3).
enum class MentionStatus { Affirmed, Negated, Uncertain, Historical, Hypothetical };

// The part of a report a sentence stands in: by its SR container or by a heading in the text.
enum class ReportSection {
  Unsectioned,
  History,
  Procedure,
  Comparison,
  Composition,
  Findings,
  Impression,
  Recommendation,
  Conclusion,
  Addendum,
  Other,
};

// A stretch of one TEXT content item: its position ("1.3.1") and the byte offsets [begin, end)
// into the item's value as stored (UTF-8).
struct TextSpan {
  std::string position;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A sentence of the report as read, quoted verbatim (whitespace runs may be collapsed to one
// space; the span points at the original bytes).
struct TextSentence {
  TextSpan span;
  ReportSection section = ReportSection::Unsectioned;
  std::string text;
};

// A field of a finding read from text (TextEvidence).
enum class NarrativeField {
  Laterality,
  Morphology,
  Distribution,
  Site,
  Change,
  Clock,
  Quadrant,
  Region,
  Depth,
  DistanceFromNipple,
  Extent,
  Count,
  UltrasoundCorrelate,
  MassWithCalcifications,
  Assessment,   // the category words of the text assess them with ("suspicious": 4)
  Lesion,       // the distortion or asymmetry they are in ("architectural-distortion")
  LesionCause,  // what the text says caused that distortion at the site ("postsurgical")
};

// One fact read from text for a narrative finding: which field, its value as the summary names
// it ("fine-pleomorphic", "right", "10", "30" for 30 mm), and the words it was read from.
struct TextEvidence {
  NarrativeField field;
  std::string value;
  std::string words;  // the words as written, e.g. "fine pleomorphic"
  TextSpan span;
};

// What became of a narrative finding in a report with coded findings (row W8), in the order a
// mention of several findings shows the strongest: the coded findings of its breast are as
// suspicious and none describes it (listed only), a coded finding restates it (and holds it),
// or it is kept as a finding of its own and the exam warns narrative-discordant.
enum class TextCrossCheck { None, Covered, Restates, Discordant };

// Every calcification mention read in the report text, whatever its status: the summary lists
// them all, so nothing that mentions calcification is dropped without trace.
struct TextMention {
  MentionStatus status = MentionStatus::Affirmed;
  TextSentence sentence;
  std::string words;    // the mention itself, e.g. "calcifications", "calcs"
  TextSpan span;        // of `words`
  std::string trigger;  // the context words that set a status other than affirmed
  // Historical by its section alone (history, indication, comparison): no words say past.
  bool past_by_section = false;
  // Denied by a negation right before it, nothing between ("No calcifications", "Keine
  // Verkalkungen"; not "No suspicious calcifications"): all of them denied, not some.
  bool denied_outright = false;
  Laterality laterality = Laterality::Unknown;
  // The narrative findings (indices into Findings::findings) this mention gave or restated; in a
  // report with coded findings, the coded finding it restates (row W8).
  std::vector<std::size_t> findings;
  // In a report with coded findings (row W8), what became of the narrative findings it gave.
  TextCrossCheck cross_check = TextCrossCheck::None;
  std::vector<std::size_t> paired_with;  // the coded findings they describe
};

// A field of a finding that a source can give more than once (decision-logic.md §1).
enum class FindingField {
  Laterality,
  Site,
  Morphology,
  Distribution,
  ReportedCategory,
  Change,
  ClockFaceOrRegion,
  Quadrant,
  Depth,
  Count,
  DistanceFromNipple,
  DistanceFromSkin,
  DistanceFromChestWall,
  BiopsyResult,  // what results say of the biopsied calcifications (result_conflict)
};

// One value given for a field, as the summary names it.
struct GivenValue {
  std::string words;     // e.g. "segmental", "5"
  std::string position;  // content item it was read from; empty when implied
};

// What a result of a biopsy says of the calcifications sampled: a TID 4207 Procedure Result or
// Pathology, a CID 6066 Confirmation of target, an annotation's priorResult (hostile review 29,
// H27-13).
enum class ResultSaid {
  Benign,
  Malignant,
  OtherResult,           // high-risk, insufficient, indeterminate, no calcifications in the cores
  TargetObtained,        // contained, calcifications seen in the core, completely removed
  TargetPartlyObtained,  // partially obtained or removed
  TargetNotObtained,     // target not in the specimen
  OtherConfirmation,     // fluid obtained
  // A TID 4204 intervention section that gives no result at all: a biopsy was done, and what it
  // showed is not in the report (hostile review 32, H32-6).
  NoResult,
};
struct GivenResult {
  ResultSaid said;
  GivenValue given;
};

// A field given more than once with different values ("every item counts", decision-logic.md §1).
// The finding holds one of them; every value is listed here, in document order.
struct ValueConflict {
  FindingField field;
  std::vector<GivenValue> given;
};

// A value of a conflicting field that the finding does not hold: the rules classify the finding
// with it too (one more reading) and the more suspicious reading stands.
struct AlternativeValue {
  std::variant<Laterality, Site, Coded<Distribution>, Category> value;
  GivenValue given;
};

// Who stated a field's value in a reading (annotation_merge): an annotation's "file:line", or
// empty for the SR. A stated field that no entry names holds the SR's value.
struct FieldSource {
  std::string field;   // as annotation warnings name it: "site", "reportedCategory"
  std::string source;  // "notes.xml:7"; empty: the SR
};

// A clock position given as a range of hours, clockwise from `from` to `to` ("2-3 o'clock").
struct ClockRange {
  int from = 0;
  int to = 0;
};

struct Finding {
  std::string position;  // content item that holds the finding
  Origin origin = Origin::BreastImagingReport;
  Laterality laterality = Laterality::Unknown;
  LateralitySource laterality_source = LateralitySource::None;
  std::string laterality_position;  // the content item the standing laterality was read from
  Location location;

  Site stated_site = Site::Unknown;  // from annotation or SR Finding Site, never inferred
  SiteSource stated_site_source = SiteSource::None;

  std::vector<Coded<Morphology>> morphology;
  std::optional<Coded<Distribution>> distribution;
  bool distribution_implied = false;  // a CAD cluster implies grouped (decision-logic.md §1)

  std::optional<int> count;
  std::optional<double> extent_mm;
  Change change = Change::Unknown;
  Presence ultrasound_visible = Presence::Unknown;
  Presence palpable = Presence::Unknown;
  bool mass_with_calcifications = false;
  // The finding code, where it names a lesion the rules weigh besides the calcifications.
  std::optional<Coded<Lesion>> lesion;
  // The words the report text gives for a distortion's or an asymmetry's cause at its site
  // ("postsurgical", "at the lumpectomy site", "Narbe"; the lexicon's distortionCause phrases, not
  // denied, next to it): one so explained is not suspicious in its own right (no C15, C0 or C16),
  // W19 still asks.
  std::string distortion_cause;
  // Suspicious calcification codes (CID 6010 amorphous … fine linear branching, CID 6012 linear
  // or segmental) that are the value of an item of the finding this tool could not read (a
  // concept it does not read, a value outside its concept's context group): the item is not read
  // as a descriptor, but C0 ("any suspicious feature … anywhere in the finding") weighs it.
  // words: the term; position: the item.
  std::vector<GivenValue> unread_suspicious;

  std::optional<Category> reported_category;
  std::optional<ReportedSource> reported_category_source;  // set with reported_category
  std::vector<Code> reported_follow_up;
  std::vector<FollowUpInterval> reported_follow_up_intervals;
  std::vector<PriorResult> prior_results;
  // Every result item said of the calcifications biopsied, where it was said: two that cannot
  // both hold are a conflict (result_conflict), one that leaves the sampling in question asks the
  // radiologist (W21).
  std::vector<GivenResult> results_given;
  // A TID 4204 intervention section whose results count for this finding only because it was the
  // one calcification finding of the section's breast: another finding of that breast (an
  // annotation may add one) makes it unclear which was biopsied (W22).
  struct ResultsByBreast {
    std::string section_position;
    Laterality breast = Laterality::Unknown;
  };
  std::optional<ResultsByBreast> results_by_breast;
  ProcedureFactors procedure;

  std::vector<std::string> member_positions;  // CAD individual calcifications of a cluster
  std::vector<ReaderNote> notes;
  std::vector<AnnotationRef> annotations;
  std::vector<FieldSource> field_sources;  // set by the annotation merge; several may agree

  // Where annotations and the SR (or two annotation files) disagree, the finding as each other
  // source has it: the rules classify every reading and keep the most suspicious.
  std::vector<Finding> other_readings;

  // Fields the source gave more than once with different values, and the values to classify
  // besides the finding's own (decision-logic.md §1, "every item counts").
  std::vector<ValueConflict> conflicts;
  std::vector<AlternativeValue> alternatives;
  // The report's overall statements that may be about this finding (they speak for its breast),
  // for the checks that weigh them once every finding is decided: indices into the exam's
  // Findings::overall_statements. Indices, not copies: a report with thousands of findings and
  // hundreds of statements made a copy per pair (5,000 x 658 took 1.3 GB).
  std::vector<std::size_t> overall_statement_indices;
  // It is the only finding the overall categories may be about, and it took each as its reported
  // category (having none of its own: R1 or the annotation merge judged them) or states the same.
  bool took_overall_category = false;

  // Origin::Narrative only: the mention status (Affirmed or Uncertain, row C14), the sentences
  // it was read from (a findings sentence and the impression restating it) and each fact's words.
  // A coded finding may hold text evidence too: the facts a paired narrative finding added (W8).
  MentionStatus text_status = MentionStatus::Affirmed;
  std::vector<TextSentence> text_sentences;
  std::vector<TextEvidence> text_evidence;
  // Origin::Narrative: clock positions the text gives as a range ("between 2 and 3 o'clock"):
  // location.clock_hour holds the first hour, both are quoted; any hour of the range is the
  // finding's place when it is matched with a coded or annotated one (clock_in_range).
  std::vector<ClockRange> clock_ranges;

  // Origin::Narrative in a report with coded findings (row W8): the coded finding this one
  // describes (an index into Findings::findings) and what they share, in words.
  std::optional<std::size_t> paired_with;
  std::string pairing;
  // Origin::Narrative: words of its sentences that place calcifications where no coded finding
  // can be shown to be: a breast named relative to another that nothing resolves ("the
  // contralateral breast" with no breast before it) or "elsewhere". Such text never restates a
  // coded finding (row W8); empty when there are none.
  std::string unresolved_place;
  // Origin::Narrative: the words of its clause that call it only probably benign ("likely
  // benign", "wahrscheinlich gutartig"): no restatement of a coded finding called benign without
  // doubt (row W8; hostile review 60, H60-3); empty when there are none.
  std::string benign_hedge;
  // Origin::Narrative: a clause of its calls it benign, undoubted ("Benign calcifications right
  // breast"): described no further, it restates benign coded findings of its breast (row W8).
  bool called_benign = false;
  // Origin::Narrative: the word of its clause that calls them small ("microcalcifications",
  // "small", "Mikrokalk"); empty when none does. Given no kind, they are not the coded findings of
  // a coarse kind on their breast (row W8; hostile review 65).
  std::string said_small;
};

struct SourceInfo {
  std::string file;  // as given on the command line
  std::string sop_class_uid;
  std::string sop_instance_uid;
  std::string study_instance_uid;
  std::string accession_number;
  std::string study_date;  // DICOM DA, YYYYMMDD
  ReportTemplate report_template = ReportTemplate::Other;
  // For the SR written back (sr_writer): not part of the summary.
  std::string series_instance_uid;
  std::string study_time;
  std::string content_date;
  std::string content_time;
  std::vector<EvidenceReference> evidence;  // the images the source was made from, where listed
  std::string study_id;
  std::string study_description;
  std::string referring_physician_name;
  // mammocalc wrote the source itself (findings/own_sr.hpp), read back with --read-own: its
  // categories are mammocalc's, not a radiologist's.
  bool written_by_mammocalc = false;
  // The document's own word on its state (SR Document General module; rule E11): "PARTIAL" or
  // "PRELIMINARY" says its evidence is incomplete; a flag that holds neither of its two terms
  // (empty, several values, another word) cannot be read. None when not given.
  std::optional<std::string> completion_flag;   // COMPLETE or PARTIAL
  std::string completion_flag_description;      // the reason it gives, may be empty
  std::optional<std::string> preliminary_flag;  // PRELIMINARY or FINAL
  // A SHA-1 of whom and which study the report is about (patient ID, its issuer, birth date,
  // Study Instance UID), made before pseudonymisation clears them: two reports under one SOP
  // Instance UID about different patients are no copies (ExamsSeen). Never written anywhere.
  std::string subject_digest;
};

struct PatientInfo {
  std::string id;
  std::string name;
  std::string sex;
  std::string age;           // DICOM AS, e.g. "052Y"
  std::string birth_date;    // DICOM DA; only for the SR written back
  std::string issuer_of_id;  // only for the SR written back
};

// Everything read from one document: the input of the rules.
struct Findings {
  SourceInfo source;
  PatientInfo patient;
  std::vector<Finding> findings;
  std::optional<Category> overall_category;  // the highest of overall_statements' categories
  std::vector<Code> overall_follow_up;       // every overall follow-up, in document order
  std::vector<OverallStatement> overall_statements;
  std::vector<ValueConflict> overall_conflicts;        // one breast given two overall categories
  std::vector<UnassessedFinding> unassessed_findings;  // with their own reported category
  int skipped_not_for_presentation = 0;
  // The calcification findings skipped so, as read: the rules weigh them apart (E23), never as
  // findings of the exam.
  std::vector<Finding> not_for_presentation;
  std::vector<ReaderNote> notes;
  // The concept name of every content item of the SR, by position: an annotation's srPosition
  // that names an item which is not a finding is told from one that names no item. Empty when
  // no SR was read.
  std::map<std::string, Code> sr_items;
  // Every calcification mention of the report text, in document order (decision-logic.md §6).
  std::vector<TextMention> text_mentions;
  // How the text was used: read as findings (text-only reports), listed only, or read and paired
  // with the coded calcification findings (row W8: a narrative finding that no coded finding
  // holds or that is more suspicious stays a finding of its own).
  enum class TextUse { None, Read, ListedOnly, Paired } text_use = TextUse::None;
  // The report text read (each TEXT item's value, whitespace collapsed): a summary under
  // --pseudonymize withholds every quote of it, wherever a note or warning quotes it.
  std::vector<std::string> report_text;
};

// Hours apart on the clock face (0 to 6): 11 and 1 o'clock are 2 apart.
int clock_distance(int a, int b);

// Whether `hour` lies within a clock range the text gives for the finding (its ends included;
// the shorter way round the clock face between them).
bool clock_in_range(const Finding& finding, int hour);

// Every clock position the report text quotes for a narrative finding (its NarrativeField::Clock
// evidence: the one it holds and a second of its clause, kept as a conflict), in text order.
std::vector<int> clocks_quoted(const Finding& finding);

// Records that `field` was also given as `more`: joins the finding's conflict of that field, or
// opens one listing `held` and `more` (one conflict per field, every value in it).
void add_conflict(Finding& finding, FindingField field, GivenValue held, GivenValue more);

// Whether a result item (or annotation) said `what` of the finding's biopsied calcifications.
bool says(const Finding& finding, ResultSaid what);
// What a prior result says (an item's, or an annotation's).
ResultSaid result_said(PriorResult result);
// The results of `finding` that cannot all hold — a benign and a malignant one, a target
// obtained and one not (or partly) in the specimen — as a conflict of field BiopsyResult; none
// when they agree. Every source counts: the SR's items, its intervention sections, annotations.
std::optional<ValueConflict> result_conflict(const Finding& finding);

}  // namespace mammocalc
