#pragma once
// The rule engine: rule rows (data, in rule_table.cpp) and the evaluation that turns the
// findings of one document into decisions (decision-logic.md, rule set 2026.2).
// Pure: no I/O, no clock, no globals besides the constant table.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/codes.hpp"
#include "findings/findings.hpp"

namespace mammocalc {

inline constexpr std::string_view kRuleSetVersion = "2026.2";

enum class Classification { Benign, ProbablyBenign, Suspicious, KnownMalignancy, Indeterminate };
enum class Action {
  RoutineScreening,
  ShortIntervalFollowUp,
  AdditionalImaging,
  Biopsy,
  SurgicalConsult,
};
enum class BiopsyType { Core, Stereotactic, VacuumAssisted, WireLocalization };
enum class Guidance { Ultrasound, Stereotactic, Mammographic };
enum class Needle { Core, VacuumAssisted, Localization };

// What a department can do; the defaults are decision-logic.md's (B4–B6).
struct SiteProfile {
  std::string source = "default";  // "default" or the profile file it was read from
  bool stereotactic_available = true;
  bool vacuum_assisted_available = true;
  double min_compressed_thickness_mm = 20.0;
  double min_chest_wall_distance_mm = 5.0;
  double min_skin_distance_mm = 3.0;
  std::string core_needle_gauge = "14G";
  std::string vacuum_needle_gauge = "9-11G";
  std::string localization_needle_gauge = "20G";
};

// The order in which rows are evaluated; rows of one stage are evaluated in table order.
enum class Stage {
  Site,              // S: first applicable row wins
  Category,          // C: every applicable row contributes; the highest counts
  CategoryFallback,  // C12: runs after the other C rows
  Assessment,        // R1: reported category against the rules'
  Recommendation,    // A: every applicable row fires (one action, any notes)
  BiopsyType,        // B: first applicable row wins, only after A7
  Check,             // W: every applicable row fires, on the reading that classifies
  OverallCheck,      // W: every applicable row fires, once every finding is decided
  Exam,              // E: the exam as a whole, after every finding; every applicable row fires
};

// Where an exam row takes the exam's category from.
enum class ExamBasis { Findings, Report, HigherOfBoth };

// Which facts a rule reads; the summary prints them as the rule's evidence.
enum EvidenceField : unsigned {
  kEvidenceMorphology = 1u << 0,
  kEvidenceDistribution = 1u << 1,
  kEvidenceSite = 1u << 2,
  kEvidenceChange = 1u << 3,
  kEvidenceUltrasound = 1u << 4,
  kEvidenceLaterality = 1u << 5,
  kEvidenceLocation = 1u << 6,
  kEvidenceStereotacticObstacles = 1u << 7,
  kEvidencePalpable = 1u << 8,
  kEvidencePriorResult = 1u << 9,
  kEvidenceReportedCategory = 1u << 10,
  kEvidenceReportedFollowUp = 1u << 11,
  kEvidenceClassification = 1u << 12,
  kEvidenceVacuumProfile = 1u << 13,
  kEvidenceBothered = 1u << 14,
  kEvidenceReadings = 1u << 15,
  kEvidenceExam = 1u << 16,  // exam rows: the findings' highest category and the report's
  // Given only where there is one: the finding code that names a lesion (C15, W19) and the
  // suspicious calcification codes of items that could not be read (C0).
  kEvidenceLesion = 1u << 17,
  kEvidenceUnreadSuspicious = 1u << 18,
};

struct RuleContext;
// A check row's warnings for the radiologist: one text per thing it found.
using WarningTexts = std::vector<std::string> (*)(const RuleContext&);

// What a row concludes. Only the fields its stage uses are set.
struct Outcome {
  std::optional<Site> site;  // S rows
  SiteSource site_source = SiteSource::None;
  bool site_as_stated = false;       // S1/S2: the stated site stands
  std::optional<Category> category;  // C rows
  // C rows: the category is only a floor under the others (C0). The row alone does not count as a
  // category rule that applied, so C12 and W3 still see "no category from the evidence".
  bool category_floor = false;
  // C14: the benign and probably-benign categories (1, 2, 3) of the other C rows do not count.
  bool benign_categories_void = false;
  std::optional<Action> action;      // A rows
  std::optional<BiopsyType> biopsy;  // B rows, A8
  std::optional<Guidance> guidance;
  std::optional<Needle> needle;
  std::optional<CodeConst> follow_up;    // CID 6028 code of the recommendation
  std::string_view note;                 // A2, A3, A6: a sentence for the radiologist
  std::optional<WarningCode> warning;    // W and E rows: the warning code
  WarningTexts warning_texts = nullptr;  // W rows: the warnings' texts
  bool needs_review = false;             // the radiologist must review it (A5, W and E rows)
  std::optional<ExamBasis> exam_basis;   // E rows: where the exam's category comes from
  // E rows: evidence of the exam could not all be read (every item counts): an exam category of
  // 1, 2 or 3, or none, becomes 0 (incomplete: needs radiologist review); 4 and above stand.
  // What was not read may be suspicious, so the exam is never benign or probably benign.
  bool exam_incomplete = false;
  // E rows: the own reported category of a finding the calcification rules do not assess counts
  // for its breast and the exam; the higher stands; one holding what the rules do not weigh makes
  // them 0 unless 4 or above (rule E15).
  bool counts_unassessed_findings = false;
  // E rows: a category the report states for one breast is that breast's: its row never shows
  // less (a row of 0 stays 0 beside a stated 3), a breast with no row gets one for a category
  // above 2, and the exam's actions reach what it implies (rule E24).
  bool rows_take_stated_categories = false;
  // E rows: the breast of each CAD finding not for presentation the row weighs gets a row of 0
  // unless 4 or above, never "no calcification finding" (rule E23).
  bool rows_of_hidden_findings = false;
};

// The most suspicious own category of the unassessed findings (Findings::unassessed_findings)
// that may be about `breast` (speaks_for: one of unknown breast is about either; `breast`
// Unknown: the exam), none when there is none.
std::optional<Category> unassessed_category(const Findings& findings, Laterality breast);

// Whether an unassessed finding that may be about `breast` holds what the rules do not weigh
// (UnassessedFinding::not_weighed).
bool unassessed_incomplete(const Findings& findings, Laterality breast);

// Site reading of one finding after the S rows.
struct SiteAssessment {
  Site site = Site::Unknown;
  SiteSource source = SiteSource::None;
  std::optional<Site> inferred;  // what S3/S4 would infer, if anything
  bool conflict = false;         // stated and inferred disagree
};

struct Decision;

// What the exam rows (E) look at.
// Row W8: why a narrative finding of a report with coded findings (Findings::TextUse::Paired) is
// a finding of its own. None: a coded finding holds it (it restates one, or the coded findings of
// its breast are at least as suspicious and it is benign).
enum class TextDiscordance {
  None,
  NoCodedFinding,
  MoreSuspicious,
  MoreSuspiciousThanItsFinding,
  // It describes a benign or probably benign coded finding and is uncertain where that one is
  // not ("not stable", "possibly malignant"): its doubt is no restatement (row C14's reading).
  DoubtsItsFinding,
  // It describes a coded finding and names another place too (a second clock of its clause more
  // than an hour from the coded finding's, another quadrant or region): a second group.
  AnotherPlace,
  // Its text places calcifications in a breast named relative to another that nothing resolves
  // ("the contralateral breast") or "elsewhere" (Finding::unresolved_place).
  UnresolvedPlace,
  // It gives its breast's calcifications a distribution no coded finding there has ("Right
  // breast: grouped calcifications" beside a coded popcorn calcification): more than the coded
  // content says, no restatement (hostile review 48, H48-2).
  AddsToItsFinding,
  // It calls its breast's calcifications small and gives them no kind ("Microcalcifications.",
  // "Small calcifications in the right subareolar region") where every coded finding there is of
  // a coarse kind: calcifications the coded content does not describe (hostile review 65).
  SmallerThanItsFinding,
  // It calls its breast's calcifications new or grown ("New calcifications right breast",
  // "Interval increase in calcifications") where no coded finding there says so: a change the
  // coded content does not hold, never covered by it (hostile review 60, H60-1).
  TellsChange,
  // It calls its breast's calcifications only probably benign ("likely benign") where the coded
  // findings there are benign without doubt, describing none of them (hostile review 60, H60-3).
  HedgesBenign,
  NotPaired,
};

// The lists below are derived once per exam, here and nowhere else, so they always match the
// findings: rows that walked every finding again for each finding made large reports
// quadratic (hostile review 53, H53-4).
struct ExamContext {
  ExamContext(const Findings& exam_findings, std::optional<Category> category,
              const std::vector<Action>& exam_actions,
              const std::vector<Decision>* exam_decisions = nullptr,
              std::vector<Decision> hidden_decisions = {});
  const Findings& findings;
  const std::optional<Category> findings_category;  // the highest final category over the findings
  const std::vector<Action>& actions;               // the findings' actions
  const std::vector<Decision>* const decisions;     // one per finding, same order; or none
  // One per finding when decisions are set (predicates::text_discordances), else empty.
  const std::vector<TextDiscordance> text_discordances;
  // The findings read from text, in order: the rows of each coded finding look at these only.
  const std::vector<std::size_t> text_findings;
  // The findings whose intervention results were applied by breast (Finding::results_by_breast).
  const std::vector<std::size_t> result_holders;
  // Per overall statement, how much each of its follow-ups asks for
  // (predicates::statement_follow_up_urgencies).
  const std::vector<std::vector<std::optional<int>>> follow_up_urgencies;
  // What the rules make of each CAD finding skipped as not for presentation
  // (Findings::not_for_presentation, same order): weighed apart, no finding of the exam (E23).
  const std::vector<Decision> not_for_presentation;
};

// What a predicate may look at.
struct RuleContext {
  const Finding& finding;
  const SiteProfile& profile;
  SiteAssessment site;
  int category_rules_fired = 0;  // C rows that applied so far, floors (category_floor) not counted
  std::optional<Classification> classification;
  // For the check rows (W), which look at what the other stages decided. Set only while they
  // run; predicates read it through a helper that throws std::logic_error when it is missing.
  const Decision* decided = nullptr;
  std::size_t readings = 1;  // more than one when an annotation and the SR disagree
  std::optional<Category> set_aside_category;  // the annotated reading's, when the SR's classifies
  // Exam rows only (they read nothing else); read like `decided`, never dereferenced unchecked.
  const ExamContext* exam = nullptr;
  // The alternative values of the reading that classifies, when the source gave a field twice
  // ("every item counts"); empty when the finding's own values classify.
  std::string reading_values;
  // The finding as read, with its reader notes (an annotated reading is a copy without them).
  const Finding* as_read = nullptr;
  bool benign_categories_void = false;  // a C14 row fired: 1, 2 and 3 do not count
};

using Predicate = bool (*)(const RuleContext&);

struct Rule {
  std::string_view id;  // stable, never reused
  std::string_view title;
  std::string_view citation;   // the sentence or table row it rests on
  std::string_view condition;  // the condition in words, as a reviewer reads it
  Stage stage;
  Predicate applies;
  Outcome outcome;
  unsigned evidence;                 // EvidenceField bits
  Predicate variant_when = nullptr;  // when set and true, `variant` replaces `outcome`
  Outcome variant = {};
  std::string_view variant_label = {};  // variant_when in words
};

// The rule set: one row per rule of decision-logic.md.
const std::vector<Rule>& rule_table();

// The row with this id, or nullptr.
const Rule* find_rule(std::string_view id);

// A rule's outcome in words, e.g. "category 4B; 4C when linear or segmental" (for listings).
std::string describe_outcome(const Rule& rule);

struct FiredRule;

// How much an outcome description says: the trace leaves the follow-up code and the note's text
// to the summary's recommendation; the listing, with nothing beside it, spells them out.
enum class OutcomeDetail { Trace, Full };

// What an outcome concludes, in one vocabulary for the trace and the listing, e.g. "category 4B;
// action biopsy". `decision` is the finding's when the row fired for one (it fills in the stated
// site and the final category), nullptr for exam rows and listings.
std::string describe_outcome(const Outcome& outcome, Stage stage, const Decision* decision,
                             OutcomeDetail detail);
std::string describe_outcome(const FiredRule& fired, const Decision* decision);

struct EvidenceItem {
  std::string field;
  std::string value;
  std::string position;  // content item it was read from, when known
};

struct FiredRule {
  const Rule* rule;
  Outcome outcome;  // the outcome that applied (variant or main)
  std::vector<EvidenceItem> evidence;
};

struct Warning {
  WarningCode code;
  std::string text;
  std::string rule;      // the W row that warned; empty for what the reader noted
  std::string position;  // the content item a reader's note is about, when known
};

struct Recommendation {
  Action action = Action::AdditionalImaging;
  std::string action_rule;
  std::optional<BiopsyType> biopsy;
  std::optional<Guidance> guidance;
  std::string needle;
  std::string biopsy_rule;
  std::optional<CodeConst> follow_up;
  std::vector<std::pair<std::string, std::string>> notes;  // (rule id, sentence)
};

struct Decision {
  std::string id;  // "F1", "F2", … in document order
  SiteAssessment site;
  Category rule_category = Category::Incomplete0;
  std::optional<Category> reported_category;
  Category final_category = Category::Incomplete0;
  Classification classification = Classification::Indeterminate;
  Recommendation recommendation;
  std::vector<FiredRule> trace;
  std::vector<Warning> warnings;
  bool needs_review = false;  // a fired row says the radiologist must review it
};

struct BreastSummary {
  Laterality laterality = Laterality::Unknown;
  Category category = Category::Incomplete0;
  Classification classification = Classification::Indeterminate;
  int findings = 0;
};

struct ExamSummary {
  std::optional<Category> category;
  std::optional<Classification> classification;
  // "findings", "report", "none", or "incomplete" (an exam_incomplete row made it 0)
  std::string category_source;
  std::optional<Category> reported_category;  // the report's overall assessment, if any
  std::vector<Code> reported_follow_up;       // the report's overall recommended follow-up
  std::vector<BreastSummary> breasts;
  std::vector<Action> actions;   // union over findings, in enum order
  std::vector<FiredRule> trace;  // the exam rows that fired
  std::vector<Warning> warnings;
  bool needs_review = false;  // a finding or an exam row needs the radiologist's review
};

// The result for one document: what was read plus what the rules decided.
struct Report {
  Findings input;
  SiteProfile profile;
  std::vector<Decision> decisions;  // one per input finding, same order
  ExamSummary exam;
};

// The exam's category by an exam row's basis: the findings' highest, the report's overall, or the
// higher of both (the one there is when the other is missing; none when neither is).
std::optional<Category> exam_category_from(ExamBasis basis,
                                           const std::optional<Category>& findings_category,
                                           const std::optional<Category>& reported_category);

// Evaluates every finding against the rule table.
Report evaluate(Findings findings, const SiteProfile& profile = SiteProfile{});

Classification classification_for(Category category);
// 1 (routine screening) to 5 (surgical consult): the order in which a reader needs the actions.
int action_urgency(Action action);

std::string_view to_string(Classification classification);
std::string_view to_string(Action action);
std::string_view to_string(BiopsyType type);
std::string_view to_string(Guidance guidance);
std::string_view to_string(Stage stage);
std::string_view to_string(ExamBasis basis);

}  // namespace mammocalc
