#include "rules/rule_predicates.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iomanip>
#include <iterator>
#include <locale>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "findings/lexicon.hpp"
#include "findings/readings.hpp"
#include "findings/value_sets.hpp"

namespace mammocalc::predicates {
namespace {

// What the check rows (W) read: the decision the other stages made. The engine gives it only on
// the check stage; a predicate asked without it is called from the wrong stage, a bug to report
// loudly rather than a null pointer to read.
const Decision& decision_of(const RuleContext& context, std::string_view predicate) {
  if (context.decided == nullptr) {
    throw std::logic_error("rule predicate " + std::string(predicate) +
                           " reads the decision of a check row (W) but was called without one");
  }
  return *context.decided;
}

// What the exam rows (E) read: the exam as a whole, given only on the exam stage.
const ExamContext& exam_of(const RuleContext& context, std::string_view predicate) {
  if (context.exam == nullptr) {
    throw std::logic_error("rule predicate " + std::string(predicate) +
                           " reads the exam of an exam row (E) but was called without one");
  }
  return *context.exam;
}

// Whether the reader (or the run) left a note of this kind on the exam.
bool exam_noted(const RuleContext& context, WarningCode code, std::string_view predicate) {
  const auto& notes = exam_of(context, predicate).findings.notes;
  return std::any_of(notes.begin(), notes.end(),
                     [code](const ReaderNote& note) { return note.code == code; });
}

template <typename Pred>
bool any_term(const Finding& finding, Pred pred) {
  return std::any_of(finding.morphology.begin(), finding.morphology.end(),
                     [&](const auto& coded) { return pred(coded.term); });
}

template <typename Pred>
bool every_term(const Finding& finding, Pred pred) {
  return !finding.morphology.empty() &&
         std::all_of(finding.morphology.begin(), finding.morphology.end(),
                     [&](const auto& coded) { return pred(coded.term); });
}

bool is_round_or_punctate(Morphology term) {
  return term == Morphology::Round || term == Morphology::Punctate;
}

bool has_round_or_punctate(const Finding& finding) {
  return any_term(finding, is_round_or_punctate);
}

bool distribution_absent(const Finding& finding) { return !finding.distribution.has_value(); }

bool in_ductal_arrangement(const Finding& finding) {
  return has_distribution(finding, Distribution::Linear) ||
         has_distribution(finding, Distribution::Segmental);
}

// Suspicious (4A–5) or a known malignancy (6): either is the opposite of benign for R1, since
// a benign report beside a proven malignancy is the discordance that matters most.
bool is_suspicious_or_malignant(Category category) {
  return category_rank(category) >= category_rank(Category::LowSuspicion4A);
}

bool is_benign_side_category(Category category) {
  return category == Category::Negative1 || category == Category::Benign2 ||
         category == Category::ProbablyBenign3;
}

// One says benign or probably benign (1–3), the other suspicious (4A–5) or malignant (6): R1's
// discordance.
bool discordant(Category a, Category b) {
  return (is_benign_side_category(a) && is_suspicious_or_malignant(b)) ||
         (is_benign_side_category(b) && is_suspicious_or_malignant(a));
}

std::string words(Category category) { return std::string(to_string(category)); }

// The report's overall assessment speaks for the exam unless the one finding took it as its own
// reported category (decision-logic.md §1: then R1 judged it there).
bool overall_is_the_exams(const ExamContext& exam) {
  const auto& findings = exam.findings.findings;
  if (findings.size() != 1) return findings.size() > 1;
  const Finding& only = findings.front();
  if (!only.took_overall_category) return true;
  const auto& statements = exam.findings.overall_statements;
  return std::any_of(statements.begin(), statements.end(), [&](const OverallStatement& s) {
    return s.category && !speaks_for(s.laterality, only.laterality);
  });
}

// A follow-up that asks for more than imaging: tissue, a malignancy work-up, or surgery.
bool asks_for_more_than_imaging(const Code& code) {
  return follow_up_not_benign(code) || same_concept(code, codes::kSurgicalConsult);
}

std::string breast_words(Laterality laterality) {
  switch (laterality) {
    case Laterality::Right:
      return "the right breast";
    case Laterality::Left:
      return "the left breast";
    case Laterality::Both:
      return "both breasts";
    case Laterality::Unknown:
      return "the exam";
  }
  return "the exam";
}

// The decisions of the findings an overall statement may be about.
template <typename Pred>
bool every_finding_of(const ExamContext& exam, const OverallStatement& statement, Pred pred) {
  const auto& findings = exam.findings.findings;
  for (std::size_t i = 0; i < findings.size() && i < exam.decisions->size(); ++i) {
    if (speaks_for(statement.laterality, findings[i].laterality) && !pred((*exam.decisions)[i])) {
      return false;
    }
  }
  return true;
}

// The overall categories that may be about this finding and are more suspicious than every
// finding they may rest on.
std::vector<const OverallStatement*> overall_above_its_findings(const RuleContext& context,
                                                                std::string_view predicate) {
  const ExamContext& exam = exam_of(context, predicate);
  std::vector<const OverallStatement*> above;
  if (context.finding.took_overall_category) return above;
  for (const std::size_t index : context.finding.overall_statement_indices) {
    const OverallStatement& statement = exam.findings.overall_statements.at(index);
    if (!statement.category) continue;
    const int rank = category_rank(*statement.category);
    if (every_finding_of(exam, statement, [&](const Decision& decision) {
          return category_rank(decision.final_category) < rank;
        })) {
      above.push_back(&statement);
    }
  }
  return above;
}

// The overall categories that may be about this finding and are less suspicious than its own
// reported category: the report says less of the breast than of one of its findings (an overall 2
// beside a finding at 3 loses its short-interval follow-up; hostile review 50, H50-7). An
// overall 4 covers 4A to 4C.
std::vector<const OverallStatement*> overall_below_its_finding(const RuleContext& context,
                                                               std::string_view predicate) {
  const ExamContext& exam = exam_of(context, predicate);
  const Finding& finding = context.finding;
  std::vector<const OverallStatement*> below;
  if (finding.took_overall_category || !finding.reported_category) return below;
  const auto rank_of = [](Category category) {
    return category == Category::Suspicious4 ? category_rank(Category::HighSuspicion4C)
                                             : category_rank(category);
  };
  for (const std::size_t index : finding.overall_statement_indices) {
    const OverallStatement& statement = exam.findings.overall_statements.at(index);
    if (statement.category &&
        rank_of(*statement.category) < category_rank(*finding.reported_category)) {
      below.push_back(&statement);
    }
  }
  return below;
}

// The overall follow-ups that may be about this finding, ask for tissue, are not among its own
// reported follow-ups (W5 weighs those) and got no biopsy or surgery for any finding of theirs.
std::vector<std::pair<const OverallStatement*, Code>> overall_tissue_not_chosen(
    const RuleContext& context, std::string_view predicate) {
  const ExamContext& exam = exam_of(context, predicate);
  const Finding& finding = context.finding;
  std::vector<std::pair<const OverallStatement*, Code>> found;
  for (const std::size_t index : finding.overall_statement_indices) {
    const OverallStatement& statement = exam.findings.overall_statements.at(index);
    for (const StatedFollowUp& stated : statement.follow_up) {
      const Code& code = stated.code;
      const bool own =
          std::any_of(finding.reported_follow_up.begin(), finding.reported_follow_up.end(),
                      [&](const Code& c) { return same_concept(c, code); });
      if (own || !asks_for_more_than_imaging(code)) continue;
      if (every_finding_of(exam, statement, [](const Decision& decision) {
            const Action action = decision.recommendation.action;
            return action != Action::Biopsy && action != Action::SurgicalConsult;
          })) {
        found.emplace_back(&statement, code);
      }
    }
  }
  return found;
}

// A stated language without a lexicon counts too: its text and its code meanings were read with
// another language's words, and calcifications written in it may be missed (hostile review 32,
// H32-5).
bool is_unreadable(const ReaderNote& note) {
  return note.code == WarningCode::UnknownCode || note.code == WarningCode::UnknownUnit ||
         note.code == WarningCode::NarrativeUnresolved ||
         note.code == WarningCode::LanguageUnsupported || note.code == WarningCode::ContentSkipped;
}

// When the rules' action wants the patient seen again, in months: biopsy, surgery and additional
// imaging now (0), short-interval follow-up at 1–11 months (111142, "Follow-up at short interval
// (1-11 months)"), routine screening at 12 months or later.
struct MonthsWindow {
  double earliest;
  std::optional<double> latest;
};

// A day or a week either side of the window is within it ("365 days" and "52 weeks" are a year;
// hostile review 72: read as sooner than routine screening).
constexpr double kIntervalSlackMonths = 0.5;

bool sooner_than(const FollowUpInterval& interval, double earliest) {
  return interval.months < earliest - kIntervalSlackMonths;
}

bool later_than(const FollowUpInterval& interval, const MonthsWindow& window) {
  return window.latest && interval.months > *window.latest + kIntervalSlackMonths;
}

MonthsWindow rules_window(Action action) {
  switch (action) {
    case Action::RoutineScreening:
      return {12.0, std::nullopt};
    case Action::ShortIntervalFollowUp:
      return {1.0, 11.0};
    case Action::AdditionalImaging:
    case Action::Biopsy:
    case Action::SurgicalConsult:
      return {0.0, 0.0};
  }
  return {0.0, 0.0};
}

std::string rules_choice_words(const Recommendation& recommendation) {
  std::string choice(to_string(recommendation.action));
  if (recommendation.biopsy) choice += " (" + std::string(to_string(*recommendation.biopsy)) + ")";
  return choice;
}

std::string interval_words(const FollowUpInterval& interval) {
  std::string said = "reported follow-up interval " + interval.words;
  if (interval.months == 0) said += " (immediate)";
  if (!interval.position.empty()) said += " (" + interval.position + ")";
  return said;
}

// How much a follow-up asks for, on the scale of the rules' actions (action_urgency): routine
// screening 1, short interval 2, more imaging 3; tissue, surgery or a malignancy 5 (never less
// than the rules). None for a code that names no procedure (clinical assessment, as directed).
std::optional<int> follow_up_urgency(const Code& code) {
  const std::optional<FollowUpKind> kind = follow_up_kind_for(code);
  if (!kind) return std::nullopt;
  switch (*kind) {
    case FollowUpKind::NormalInterval:
      return 1;
    case FollowUpKind::ShortInterval:
      return 2;
    case FollowUpKind::AdditionalImaging:
    case FollowUpKind::PriorImagesForComparison:
      return 3;
    case FollowUpKind::ClinicalAssessment:
    case FollowUpKind::PostBiopsyAsDirected:
      return std::nullopt;
    default:
      return 5;
  }
}

// The urgency below which follow-ups of a set ask for less than `rules` (an action's urgency),
// given each one's urgency (follow_up_urgency; none for a taken or unrated one): every one that
// names a procedure when even the most they ask for is less; else those asking for no more than
// routine screening, which no sequence explains. Magnification views then a biopsy is a work-up;
// a normal interval beside a biopsy contradicts it, and the biopsy must not hide it (hostile
// review 27, H27-10).
std::optional<int> asking_less_below(const std::vector<std::optional<int>>& urgencies, int rules) {
  const std::optional<int> most =
      std::accumulate(urgencies.begin(), urgencies.end(), std::optional<int>(),
                      [](std::optional<int> most_yet, const std::optional<int>& urgency) {
                        return urgency && (!most_yet || *urgency > *most_yet) ? urgency : most_yet;
                      });
  if (!most) return std::nullopt;
  constexpr int kRoutine = 1;  // follow_up_urgency of a normal interval
  return *most < rules ? rules : std::min(rules, kRoutine + 1);
}

std::vector<std::optional<int>> urgencies_of(const std::vector<Code>& follow_ups) {
  std::vector<std::optional<int>> urgencies(follow_ups.size());
  std::transform(follow_ups.begin(), follow_ups.end(), urgencies.begin(), follow_up_urgency);
  return urgencies;
}

// The follow-ups among `items` (each one's code: code_of) whose urgency is below `below`, in
// words.
template <typename CodeOf, typename Item>
std::string described_below(const std::vector<Item>& items,
                            const std::vector<std::optional<int>>& urgencies, int below,
                            CodeOf code_of) {
  std::string listed;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!urgencies[i] || *urgencies[i] >= below) continue;
    listed += (listed.empty() ? "" : ", ") + describe(code_of(items[i]));
  }
  return listed;
}

bool any_below(const std::vector<std::optional<int>>& urgencies, int below) {
  return std::any_of(urgencies.begin(), urgencies.end(), [&](const std::optional<int>& urgency) {
    return urgency && *urgency < below;
  });
}

// Reported follow-ups that ask for less than the rules chose (row W20): each of the finding's own
// follow-ups, then of each overall statement that may be about it (those it took as its own
// aside), below the rules' action; and an interval later than the rules want. The statements'
// urgencies are the exam's, rated once (ExamContext::follow_up_urgencies): a report of thousands
// of findings and hundreds of statements rated each pair (hostile review 53, H53-4).
std::vector<std::string> follow_ups_asking_less(const RuleContext& context, const Decision& decided,
                                                const ExamContext* exam) {
  const Finding& finding = context.finding;
  const Recommendation& recommendation = decided.recommendation;
  const int rules = action_urgency(recommendation.action);
  const std::string against = " asks for less than the rules' " +
                              rules_choice_words(recommendation) +
                              ": the rules' choice stands, the radiologist's is shown beside it";
  std::vector<std::string> texts;
  const auto code_itself = [](const Code& code) -> const Code& { return code; };
  const auto all_described = [](const std::vector<Code>& codes) {
    std::string listed;
    for (const Code& code : codes) listed += (listed.empty() ? "" : ", ") + describe(code);
    return listed;
  };
  const std::vector<std::optional<int>> own_urgencies = urgencies_of(finding.reported_follow_up);
  if (const std::optional<int> below = asking_less_below(own_urgencies, rules);
      below && any_below(own_urgencies, *below)) {
    const bool all = std::all_of(own_urgencies.begin(), own_urgencies.end(),
                                 [&](const std::optional<int>& u) { return u && *u < *below; });
    texts.push_back(
        "reported follow-up " +
        described_below(finding.reported_follow_up, own_urgencies, *below, code_itself) +
        (all ? "" : " (beside " + all_described(finding.reported_follow_up) + ")") + against);
  }
  const MonthsWindow window = rules_window(recommendation.action);
  for (const FollowUpInterval& interval : finding.reported_follow_up_intervals) {
    if (later_than(interval, window)) {
      texts.push_back(interval_words(interval) + against);
    }
  }
  if (exam == nullptr) return texts;
  // One text for every overall statement that asks for less, naming the first few: a report with
  // thousands of findings and hundreds of statements would otherwise give a text per pair.
  constexpr std::size_t kNamed = 3;
  const auto late = [&](const FollowUpInterval& interval) { return later_than(interval, window); };
  const auto stated_code = [](const StatedFollowUp& stated) -> const Code& { return stated.code; };
  std::size_t less = 0;
  std::string named;
  std::vector<std::optional<int>> untaken;
  for (const std::size_t index : finding.overall_statement_indices) {
    const OverallStatement& statement = exam->findings.overall_statements.at(index);
    const std::vector<std::optional<int>>* urgencies = &exam->follow_up_urgencies.at(index);
    // A follow-up the finding took as its own is weighed with the finding's, not again here.
    if (!finding.reported_follow_up.empty()) {
      untaken = *urgencies;
      for (std::size_t i = 0; i < statement.follow_up.size(); ++i) {
        const Code& code = statement.follow_up[i].code;
        if (std::any_of(finding.reported_follow_up.begin(), finding.reported_follow_up.end(),
                        [&](const Code& c) { return same_concept(c, code); })) {
          untaken[i] = std::nullopt;
        }
      }
      urgencies = &untaken;
    }
    const std::optional<int> below = asking_less_below(*urgencies, rules);
    const bool asks_less = below && any_below(*urgencies, *below);
    if (!asks_less && std::none_of(statement.intervals.begin(), statement.intervals.end(), late)) {
      continue;
    }
    if (++less > kNamed) continue;
    // Its intervals later than the rules want count as a follow-up asking for less (H27-11).
    std::string asked =
        asks_less ? described_below(statement.follow_up, *urgencies, *below, stated_code) : "";
    for (const FollowUpInterval& interval : statement.intervals) {
      if (late(interval)) asked += (asked.empty() ? "" : ", ") + interval_words(interval);
    }
    named += (named.empty() ? "" : "; ") + asked + " for " + breast_words(statement.laterality) +
             (statement.position.empty() ? "" : " (" + statement.position + ")");
  }
  if (less > 0) {
    texts.push_back("the report's overall follow-up " + named +
                    (less > kNamed ? " and " + std::to_string(less - kNamed) + " more" : "") +
                    against);
  }
  return texts;
}

// Each reported follow-up that names another procedure than the rules chose, in words.
std::vector<std::string> differing_follow_ups(const Finding& finding, const Decision& decided) {
  const Recommendation& recommendation = decided.recommendation;
  const bool rules_biopsy = recommendation.biopsy.has_value();
  const bool rules_wire = recommendation.biopsy == BiopsyType::WireLocalization;
  const std::string rules_choice = rules_biopsy ? std::string(to_string(*recommendation.biopsy))
                                                : std::string(to_string(recommendation.action));
  std::vector<std::string> texts;
  for (const Code& code : finding.reported_follow_up) {
    std::string procedure;
    if (same_concept(code, codes::kHistologyUsingCoreBiopsy) && (!rules_biopsy || rules_wire)) {
      procedure = "core biopsy";
    } else if (same_concept(code, codes::kNeedleLocalizationAndBiopsy) && !rules_wire) {
      procedure = "needle localization and biopsy";
    } else if (same_concept(code, codes::kCytologicAnalysis)) {
      procedure = "cytologic analysis";
    } else if (!rules_biopsy && asks_for_more_than_imaging(code)) {
      procedure = "asks for tissue or surgery, or says malignancy is suspected or known";
    } else if (recommendation.action == Action::RoutineScreening &&
               (follow_up_kind_for(code) == FollowUpKind::ShortInterval ||
                follow_up_kind_for(code) == FollowUpKind::AdditionalImaging)) {
      procedure = "asks for imaging before the next routine screening";
    }
    if (procedure.empty()) continue;
    std::string text = "reported follow-up " + describe(code);
    text += " (" + procedure + ") differs from the rules' ";
    text += rules_choice;
    texts.push_back(std::move(text));
  }
  // An interval sooner than the rules want (0 months: "immediate") asks for more (H26-9).
  const MonthsWindow window = rules_window(recommendation.action);
  for (const FollowUpInterval& interval : finding.reported_follow_up_intervals) {
    if (sooner_than(interval, window.earliest)) {
      texts.push_back(interval_words(interval) + " asks for sooner than the rules' " +
                      rules_choice_words(recommendation));
    }
  }
  return texts;
}

bool change_is_new_or_increased(const Finding& finding) {
  return finding.change == Change::New || finding.change == Change::Increased;
}

bool site_is_stated(const RuleContext& context) {
  return context.site.source == SiteSource::Annotation || context.site.source == SiteSource::Sr;
}

// As given, up to the six decimal places a value may have (hostile review 79: 19.999999 mm was
// written "20 mm below site minimum 20 mm").
std::string millimetres(double value) {
  std::ostringstream text;
  text.imbue(std::locale::classic());
  text << std::setprecision(12) << value << " mm";
  return text.str();
}

}  // namespace

bool is_typically_benign(Morphology term) {
  switch (term) {
    case Morphology::Skin:
    case Morphology::Vascular:
    case Morphology::CoarsePopcorn:
    case Morphology::LargeRodLike:
    case Morphology::Round:
    case Morphology::Punctate:
    case Morphology::Rim:
    case Morphology::LucentCentred:
    case Morphology::Dystrophic:
    case Morphology::MilkOfCalcium:
    case Morphology::Suture:
      return true;
    default:
      return false;
  }
}

bool is_benign_in_any_distribution(Morphology term) {
  return term == Morphology::LargeRodLike || term == Morphology::Vascular ||
         term == Morphology::Suture;
}

bool has_morphology(const Finding& finding, Morphology term) {
  return any_term(finding, [&](Morphology t) { return t == term; });
}

bool has_distribution(const Finding& finding, Distribution term) {
  return finding.distribution && finding.distribution->term == term;
}

bool ductal_reading(const RuleContext& context) {
  return context.site.site == Site::Ductal || context.site.inferred == Site::Ductal;
}

std::vector<std::string> stereotactic_obstacles(const RuleContext& context) {
  const Finding& finding = context.finding;
  const SiteProfile& profile = context.profile;
  std::vector<std::string> obstacles;
  if (!profile.stereotactic_available) {
    obstacles.push_back("site profile: no stereotactic unit");
  }
  const auto& thickness = finding.procedure.compressed_thickness_mm;
  if (thickness && *thickness < profile.min_compressed_thickness_mm) {
    obstacles.push_back("compressed thickness " + millimetres(*thickness) + " below site minimum " +
                        millimetres(profile.min_compressed_thickness_mm));
  }
  const auto& region = finding.location.region;
  if (region == Region::AxillaryTail || region == Region::Axilla || region == Region::ChestWall) {
    obstacles.push_back(std::string("location ") + (region == Region::AxillaryTail ? "axillary tail"
                                                    : region == Region::Axilla     ? "axilla"
                                                                                   : "chest wall"));
  }
  const auto& chest_wall = finding.location.from_chest_wall_mm;
  if (chest_wall && *chest_wall < profile.min_chest_wall_distance_mm) {
    obstacles.push_back("distance from chest wall " + millimetres(*chest_wall) +
                        " below site minimum " + millimetres(profile.min_chest_wall_distance_mm));
  }
  const auto& skin = finding.location.from_skin_mm;
  if (skin && *skin < profile.min_skin_distance_mm) {
    obstacles.push_back("distance from skin " + millimetres(*skin) + " below site minimum " +
                        millimetres(profile.min_skin_distance_mm));
  }
  if (finding.procedure.can_lie_prone == Presence::No) {
    obstacles.push_back("patient cannot lie prone or be positioned");
  }
  return obstacles;
}

bool always(const RuleContext&) { return true; }

bool site_stated_by_annotation(const RuleContext& context) {
  return context.finding.stated_site_source == SiteSource::Annotation &&
         context.finding.stated_site != Site::Unknown;
}

bool site_stated_by_sr(const RuleContext& context) {
  const SiteSource source = context.finding.stated_site_source;
  return (source == SiteSource::Sr || source == SiteSource::Narrative) &&
         context.finding.stated_site != Site::Unknown;
}

bool site_stated_in_text(const RuleContext& context) {
  return context.finding.stated_site_source == SiteSource::Narrative;
}

bool ductal_pattern(const RuleContext& context) {
  const Finding& finding = context.finding;
  return any_term(finding,
                  [](Morphology t) {
                    return t == Morphology::FinePleomorphic || t == Morphology::FineLinear ||
                           t == Morphology::FineLinearBranching || t == Morphology::LargeRodLike;
                  }) ||
         in_ductal_arrangement(finding);
}

bool lobular_pattern(const RuleContext& context) {
  const Finding& finding = context.finding;
  const bool lobular_forms = every_term(finding, [](Morphology t) {
    return t == Morphology::Round || t == Morphology::Punctate || t == Morphology::MilkOfCalcium;
  });
  const bool arrangement = distribution_absent(finding) ||
                           has_distribution(finding, Distribution::Diffuse) ||
                           has_distribution(finding, Distribution::Regional) ||
                           has_distribution(finding, Distribution::Grouped);
  return lobular_forms && arrangement && !ductal_pattern(context);
}

bool has_suspicious_feature(const RuleContext& context) {
  const bool suspicious_morphology = has_coarse_heterogeneous(context) ||
                                     has_fine_pleomorphic(context) || has_fine_linear(context) ||
                                     (has_amorphous(context) && !diffuse_and_bilateral(context));
  return suspicious_morphology || round_new_or_ductal_arrangement(context) ||
         ductal_without_benign_morphology(context) || ductal_arrangement_not_benign(context) ||
         within_mass(context) || architectural_distortion(context) ||
         !context.finding.unread_suspicious.empty();
}

bool typically_benign(const RuleContext& context) {
  const Finding& finding = context.finding;
  // An unrecognised distribution code is unknown evidence, never grounds for "benign".
  if (!every_term(finding, is_typically_benign) ||
      has_distribution(finding, Distribution::Unrecognised)) {
    return false;
  }
  if (every_term(finding, is_benign_in_any_distribution)) return true;
  if (in_ductal_arrangement(finding)) return false;
  // Round and punctate mean 2, 3 or 4A depending on their arrangement (C3, C4): without a
  // distribution there is no evidence for 2.
  return !(has_round_or_punctate(finding) && distribution_absent(finding));
}

bool lobular_without_suspicious_morphology(const RuleContext& context) {
  const Finding& finding = context.finding;
  if (context.site.site != Site::Lobular) return false;
  if (any_term(finding, is_suspicious) || has_morphology(finding, Morphology::Unrecognised)) {
    return false;
  }
  if (distribution_absent(finding)) return site_is_stated(context);
  return has_distribution(finding, Distribution::Diffuse) ||
         has_distribution(finding, Distribution::Regional);
}

bool round_grouped_stable(const RuleContext& context) {
  const Finding& finding = context.finding;
  return has_round_or_punctate(finding) && has_distribution(finding, Distribution::Grouped) &&
         (finding.change == Change::Stable || finding.change == Change::Unknown);
}

bool round_new_or_ductal_arrangement(const RuleContext& context) {
  const Finding& finding = context.finding;
  if (!has_round_or_punctate(finding)) return false;
  return (has_distribution(finding, Distribution::Grouped) &&
          change_is_new_or_increased(finding)) ||
         in_ductal_arrangement(finding);
}

bool has_amorphous(const RuleContext& context) {
  return has_morphology(context.finding, Morphology::Amorphous);
}

bool diffuse_and_bilateral(const RuleContext& context) {
  return has_distribution(context.finding, Distribution::Diffuse) &&
         context.finding.laterality == Laterality::Both;
}

bool has_coarse_heterogeneous(const RuleContext& context) {
  return has_morphology(context.finding, Morphology::CoarseHeterogeneous);
}

bool has_fine_pleomorphic(const RuleContext& context) {
  return has_morphology(context.finding, Morphology::FinePleomorphic);
}

bool has_fine_linear(const RuleContext& context) {
  return has_morphology(context.finding, Morphology::FineLinear) ||
         has_morphology(context.finding, Morphology::FineLinearBranching);
}

bool linear_or_segmental(const RuleContext& context) {
  return in_ductal_arrangement(context.finding);
}

bool ductal_without_benign_morphology(const RuleContext& context) {
  return ductal_reading(context) && !any_term(context.finding, is_typically_benign);
}

bool ductal_arrangement_not_benign(const RuleContext& context) {
  const Finding& finding = context.finding;
  return in_ductal_arrangement(finding) &&
         (finding.morphology.empty() ||
          any_term(finding, [](Morphology t) { return !is_benign_in_any_distribution(t); }));
}

bool within_mass(const RuleContext& context) {
  return has_distribution(context.finding, Distribution::WithinMass) ||
         context.finding.mass_with_calcifications;
}

// A distortion the report text attributes to surgery, a scar or trauma at the site is not
// suspicious in its own right (the BI-RADS atlas, as W19 says; hostile review 29, H29-8): W19
// still asks the radiologist, but neither C15 nor C0 sends its calcifications to biopsy for it.
bool architectural_distortion(const RuleContext& context) {
  const auto& lesion = context.finding.lesion;
  return lesion && lesion->term == Lesion::ArchitecturalDistortion &&
         context.finding.distortion_cause.empty();
}

// The same for an asymmetry the text attributes to surgery, a scar or trauma at the site: W19 still
// asks, but C16 does not keep its calcifications from their own benign reading.
bool calcifications_in_an_asymmetry(const RuleContext& context) {
  const auto& lesion = context.finding.lesion;
  return lesion && lesion->term == Lesion::Asymmetry && context.finding.distortion_cause.empty();
}

bool finding_code_names_a_lesion(const RuleContext& context) {
  return context.finding.lesion.has_value();
}

std::vector<std::string> finding_code_names_a_lesion_texts(const RuleContext& context) {
  const Coded<Lesion>& lesion = *context.finding.lesion;
  // A narrative finding's lesion is named by its text, in the calcifications' clause.
  const std::string code = (context.finding.origin == Origin::Narrative ? "the report text names "
                                                                        : "the finding code is ") +
                           describe(lesion.code) + " (" + lesion.position + "): ";
  if (lesion.term == Lesion::ArchitecturalDistortion && !context.finding.distortion_cause.empty()) {
    return {code +
            "the text attributes the architectural distortion to surgery or trauma at the "
            "site (\"" +
            context.finding.distortion_cause +
            "\"), so it is not read as suspicious in its own right (no C15); the rules read its "
            "calcifications only: the radiologist confirms that history"};
  }
  if (lesion.term == Lesion::ArchitecturalDistortion) {
    return {code +
            "an architectural distortion is suspicious in its own right unless surgery or trauma "
            "at the site explains it (C15: at least 4A); the rules read its calcifications only "
            "and cannot know that history"};
  }
  if (!context.finding.distortion_cause.empty()) {
    return {code + "the text attributes the asymmetry to surgery or trauma at the site (\"" +
            context.finding.distortion_cause +
            "\"), so it does not keep its calcifications from a benign reading (no C16); the rules "
            "read its calcifications only: the radiologist confirms that history"};
  }
  return {code +
          "an asymmetry with calcifications is not assessed by the calcification rules (a focal "
          "asymmetry is probably benign only without associated calcifications); the radiologist "
          "assesses the asymmetry"};
}

namespace {

// W21's first case: a benign result is the open question on calcifications the rules call
// suspicious (whether it is concordant is the radiologist's call: a benign core of a 4B may have
// missed them). A malignant, high-risk or insufficient result, or a target not in the specimen,
// already decides (C13, B1).
bool benign_result_open(const RuleContext& context) {
  const Finding& finding = context.finding;
  const bool decided_by_another = says(finding, ResultSaid::Malignant) ||
                                  says(finding, ResultSaid::OtherResult) ||
                                  says(finding, ResultSaid::TargetNotObtained);
  return says(finding, ResultSaid::Benign) && !decided_by_another &&
         category_rank(decision_of(context, __func__).rule_category) >=
             category_rank(Category::LowSuspicion4A);
}

std::string where_said(const GivenResult& result) {
  return result.given.words + (result.given.position.empty() ? "" : ", " + result.given.position);
}

}  // namespace

// W21 (hostile review 29, H27-13): a benign result that is the open question, or a target only
// partly obtained.
bool biopsy_result_to_correlate(const RuleContext& context) {
  return says(context.finding, ResultSaid::TargetPartlyObtained) || benign_result_open(context);
}

std::vector<std::string> biopsy_result_to_correlate_texts(const RuleContext& context) {
  const bool benign_open = benign_result_open(context);
  std::vector<std::string> texts;
  for (const GivenResult& result : context.finding.results_given) {
    if (result.said == ResultSaid::TargetPartlyObtained) {
      texts.push_back("the biopsy obtained the target only in part (" + where_said(result) +
                      "): whether the calcifications were sampled is the radiologist's call");
    } else if (result.said == ResultSaid::Benign && benign_open) {
      texts.push_back("a benign result (" + where_said(result) +
                      ") on calcifications the rules call " +
                      words(decision_of(context, __func__).rule_category) +
                      ": whether it is concordant with the imaging is the radiologist's call");
    }
  }
  return texts;
}

// W24 (hostile review 32, H32-6): a biopsy the report documents with no result.
bool biopsy_without_result(const RuleContext& context) {
  return says(context.finding, ResultSaid::NoResult);
}

std::vector<std::string> biopsy_without_result_texts(const RuleContext& context) {
  std::vector<std::string> texts;
  for (const GivenResult& result : context.finding.results_given) {
    if (result.said != ResultSaid::NoResult) continue;
    texts.push_back("the intervention section at " + result.given.position +
                    " documents a biopsy of these calcifications but gives no result: what it "
                    "showed, and whether it agrees with the imaging, is the radiologist's call");
  }
  return texts;
}

// W23 (hostile review 31, H31-3): a result that asks for excision (B1: high-risk, insufficient,
// indeterminate, no calcifications in the cores, target not in the specimen) decides only where
// the rules send the calcifications to biopsy; below 4A it was dropped without a word.
bool excision_result_without_biopsy(const RuleContext& context) {
  const bool asks_excision = says(context.finding, ResultSaid::OtherResult) ||
                             says(context.finding, ResultSaid::TargetNotObtained);
  return asks_excision && category_rank(decision_of(context, __func__).rule_category) <
                              category_rank(Category::LowSuspicion4A);
}

std::vector<std::string> excision_result_without_biopsy_texts(const RuleContext& context) {
  std::vector<std::string> texts;
  const std::string category = words(decision_of(context, __func__).rule_category);
  for (const GivenResult& result : context.finding.results_given) {
    if (result.said != ResultSaid::OtherResult && result.said != ResultSaid::TargetNotObtained) {
      continue;
    }
    texts.push_back("a biopsy result (" + where_said(result) +
                    ") that asks for surgical excision where a biopsy is recommended (B1), on "
                    "calcifications the rules call " +
                    category +
                    ": a biopsy was done, so whether the imaging and the result agree and what "
                    "follows is the radiologist's call");
  }
  return texts;
}

namespace {

// The findings of the exam whose intervention results were applied by breast (results_by_breast)
// to a breast that `finding` may lie in, with `finding` itself among that breast's findings and
// not alone there (W22).
std::vector<const Finding*> results_applied_by_breast_beside(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  const std::vector<Finding>& all = exam.findings.findings;
  std::vector<const Finding*> holders;
  for (const std::size_t index : exam.result_holders) {
    const Finding& holder = all[index];
    if (!holder.results_by_breast) continue;
    const Laterality breast = holder.results_by_breast->breast;
    if (!speaks_for(breast, context.finding.laterality)) continue;
    const auto in_breast = std::count_if(all.begin(), all.end(), [&](const Finding& each) {
      return speaks_for(breast, each.laterality);
    });
    if (in_breast > 1) holders.push_back(&holder);
  }
  return holders;
}

}  // namespace

bool intervention_target_unclear(const RuleContext& context) {
  return !results_applied_by_breast_beside(context).empty();
}

std::vector<std::string> intervention_target_unclear_texts(const RuleContext& context) {
  const std::vector<const Finding*> holders = results_applied_by_breast_beside(context);
  std::vector<std::string> texts(holders.size());
  std::transform(holders.begin(), holders.end(), texts.begin(), [](const Finding* holder) {
    return "the intervention section at " + holder->results_by_breast->section_position +
           " counted for the finding at " + holder->position +
           " as the one calcification finding of its breast, but that breast holds more "
           "findings (an annotation may add one): which one was biopsied cannot be told";
  });
  return texts;
}

bool known_malignancy(const RuleContext& context) {
  const Finding& finding = context.finding;
  const auto& results = finding.prior_results;
  return std::find(results.begin(), results.end(), PriorResult::Malignant) != results.end() ||
         finding.reported_category == Category::KnownMalignancy6;
}

bool evidence_insufficient(const RuleContext& context) {
  return context.category_rules_fired == 0 || context.site.conflict;
}

bool has_reported_category(const RuleContext& context) {
  return context.finding.reported_category.has_value();
}

bool classified_benign(const RuleContext& context) {
  return context.classification == Classification::Benign;
}

bool classified_probably_benign(const RuleContext& context) {
  return context.classification == Classification::ProbablyBenign;
}

bool classified_suspicious(const RuleContext& context) {
  return context.classification == Classification::Suspicious;
}

bool classified_known_malignancy(const RuleContext& context) {
  return context.classification == Classification::KnownMalignancy;
}

bool classified_indeterminate(const RuleContext& context) {
  return context.classification == Classification::Indeterminate;
}

bool benign_and_bothering(const RuleContext& context) {
  return classified_benign(context) && context.finding.procedure.bothered_by_deposit;
}

bool has_vascular(const RuleContext& context) {
  return has_morphology(context.finding, Morphology::Vascular);
}

bool palpable(const RuleContext& context) { return context.finding.palpable == Presence::Yes; }

std::vector<std::string> palpable_texts(const RuleContext& /*context*/) {
  return {
      "a palpable lump: the calcification rules do not assess it; clinical evaluation "
      "regardless of the calcification result, radiologist review needed"};
}

bool outside_a_mass(const RuleContext& context) {
  return has_distribution(context.finding, Distribution::OutsideMass);
}

std::vector<std::string> outside_a_mass_texts(const RuleContext& /*context*/) {
  return {
      "calcifications outside of a mass (111347, DCM): the mass is not assessed by these "
      "rules; radiologist review needed"};
}

bool prior_result_needs_excision(const RuleContext& context) {
  const auto& results = context.finding.prior_results;
  return std::any_of(results.begin(), results.end(), [](PriorResult result) {
    return result != PriorResult::Benign && result != PriorResult::Malignant;
  });
}

bool reported_needle_localization(const RuleContext& context) {
  const auto& follow_up = context.finding.reported_follow_up;
  return std::any_of(follow_up.begin(), follow_up.end(), [](const Code& code) {
    return same_concept(code, codes::kNeedleLocalizationAndBiopsy);
  });
}

bool ultrasound_visible(const RuleContext& context) {
  return context.finding.ultrasound_visible == Presence::Yes || within_mass(context);
}

bool stereotactic_not_feasible(const RuleContext& context) {
  return !stereotactic_obstacles(context).empty();
}

bool mammography_only_with_vacuum(const RuleContext& context) {
  return !ultrasound_visible(context) && context.profile.vacuum_assisted_available;
}

bool more_suspicious_reading_classifies(const RuleContext& context) {
  return context.set_aside_category.has_value();
}

namespace {

// Whose reading this is, in words: the sources whose every value stands in it, as the annotation
// merge records them (entries without a field); none recorded: the SR's.
std::string reading_owners(const Finding& reading) {
  std::string owners;
  for (const FieldSource& entry : reading.field_sources) {
    if (!entry.field.empty()) continue;
    owners += (owners.empty() ? "" : " and ") + (entry.source.empty() ? "the SR" : entry.source);
  }
  return owners.empty() ? "the SR" : owners;
}

}  // namespace

std::vector<std::string> more_suspicious_reading_texts(const RuleContext& context) {
  const Decision& decided = decision_of(context, __func__);
  return {"the reading of " + reading_owners(context.finding) + " gives category " +
          words(decided.final_category) + ", the values shown give " +
          words(*context.set_aside_category) +
          "; the more suspicious reading classifies and its rules are traced"};
}

bool site_conflict(const RuleContext& context) { return context.site.conflict; }

std::vector<std::string> site_conflict_texts(const RuleContext& context) {
  return {"stated site " + std::string(to_string(context.site.site)) + " (" +
          std::string(to_string(context.site.source)) + ") disagrees with the inferred " +
          std::string(to_string(*context.site.inferred)) +
          " site; the more suspicious reading is classified"};
}

bool rules_gave_no_category(const RuleContext& context) {
  const Decision& decided = decision_of(context, __func__);
  return context.category_rules_fired == 0 || decided.rule_category == Category::Incomplete0;
}

std::vector<std::string> insufficient_evidence_texts(const RuleContext& /*context*/) {
  return {"the evidence does not allow a classification; radiologist review needed"};
}

// Benign with no morphology read: a lobular site alone gives C2's 2, yet nothing was seen of the
// calcifications' form (hostile review 71: "morphology not recorded, distribution not recorded —
// BI-RADS 2 benign" went unreviewed).
bool benign_without_morphology(const RuleContext& context) {
  const Decision& decided = decision_of(context, __func__);
  return decided.classification == Classification::Benign && context.finding.morphology.empty();
}

std::vector<std::string> benign_without_morphology_texts(const RuleContext& /*context*/) {
  return {"benign on its site alone: no morphology was recorded; radiologist review needed"};
}

bool read_from_text(const RuleContext& context) {
  return context.finding.origin == Origin::Narrative || !context.finding.text_evidence.empty();
}

std::vector<std::string> read_from_text_texts(const RuleContext& context) {
  const Finding& finding = context.finding;
  std::string quoted;
  for (const TextSentence& sentence : finding.text_sentences) {
    quoted += (quoted.empty() ? "\"" : " / \"") + sentence.text + "\"";
  }
  const std::string from = quoted.empty() ? std::string() : " (" + quoted + ")";
  if (finding.origin == Origin::Narrative) {
    return {"read from the report text, not from coded content: check it against the report" +
            from};
  }
  std::string facts;
  for (const TextEvidence& evidence : finding.text_evidence) {
    facts += (facts.empty() ? "" : ", ") + std::string(to_string(evidence.field)) + " " +
             evidence.value + " (\"" + evidence.words + "\")";
  }
  return {"the report text that describes this finding added " + facts +
          ", below its coded values: check them against the report" + from};
}

bool uncertain_mention(const RuleContext& context) {
  return context.finding.origin == Origin::Narrative &&
         context.finding.text_status == MentionStatus::Uncertain;
}

namespace {

// The rules' category from the finding's own evidence where C13 made it 6 for a reported 6 alone
// (no malignant result): the highest category of the other category rows, C14's voiding kept.
// None when the report says no 6, a result proves the malignancy, or no other row gave one.
// Hostile review 26 (H26-10): an overall 6 carried onto a round, diffuse finding showed no
// discordance, since C13 made the rules' category the reported one.
std::optional<Category> category_beside_reported_six(const RuleContext& context,
                                                     const Decision& decided) {
  const Finding& finding = context.finding;
  const auto& results = finding.prior_results;
  if (finding.reported_category != Category::KnownMalignancy6 ||
      std::find(results.begin(), results.end(), PriorResult::Malignant) != results.end()) {
    return std::nullopt;
  }
  const bool voided = std::any_of(decided.trace.begin(), decided.trace.end(),
                                  [](const auto& f) { return f.outcome.benign_categories_void; });
  std::optional<Category> highest;
  for (const FiredRule& fired : decided.trace) {
    const Stage stage = fired.rule->stage;
    if ((stage != Stage::Category && stage != Stage::CategoryFallback) ||
        fired.rule->applies == &known_malignancy || !fired.outcome.category) {
      continue;
    }
    const Category category = *fired.outcome.category;
    if (voided && category_rank(category) <= category_rank(Category::ProbablyBenign3)) continue;
    highest = highest ? more_suspicious(*highest, category) : category;
  }
  return highest;
}

bool benign_beside_reported_six(const RuleContext& context, const Decision& decided) {
  const std::optional<Category> features = category_beside_reported_six(context, decided);
  return features && is_benign_side_category(*features);
}

}  // namespace

bool assessment_discordant(const RuleContext& context) {
  const Decision& decided = decision_of(context, __func__);
  const auto& reported = context.finding.reported_category;
  if (!reported) return false;
  return discordant(*reported, decided.rule_category) ||
         benign_beside_reported_six(context, decided);
}

std::vector<std::string> assessment_discordant_texts(const RuleContext& context) {
  const Decision& decided = decision_of(context, __func__);
  const Finding& finding = context.finding;
  const std::string reported =
      words(*finding.reported_category) + " (" + reported_source_words(finding) + ")";
  if (!discordant(*finding.reported_category, decided.rule_category)) {
    return {"the calcifications' features give " +
            words(*category_beside_reported_six(context, decided)) +
            " (C13 gives 6 for the reported category alone), the radiologist reported " + reported +
            ": the known malignancy may be another lesion than these calcifications"};
  }
  return {"rules give " + words(decided.rule_category) + ", the radiologist reported " + reported};
}

bool reported_follow_up_differs(const RuleContext& context) {
  return !differing_follow_ups(context.finding, decision_of(context, __func__)).empty();
}

std::vector<std::string> follow_up_differs_texts(const RuleContext& context) {
  return differing_follow_ups(context.finding, decision_of(context, __func__));
}

bool readings_disagree(const RuleContext& context) {
  // Also a disagreement the readings do not carry: a procedure factor given twice by the
  // annotations (patient and finding element; hostile review 26, H26-6).
  const Finding& finding = context.as_read != nullptr ? *context.as_read : context.finding;
  return context.readings > 1 ||
         std::any_of(finding.notes.begin(), finding.notes.end(), [](const ReaderNote& note) {
           return note.code == WarningCode::AnnotationConflict;
         });
}

namespace {

// The finding's conflicts, with its biopsy results' (result_conflict: every source counts).
std::vector<ValueConflict> all_conflicts(const Finding& finding) {
  std::vector<ValueConflict> conflicts = finding.conflicts;
  if (std::optional<ValueConflict> results = result_conflict(finding)) {
    conflicts.push_back(std::move(*results));
  }
  return conflicts;
}

// A value given twice that is no field of the finding (a CAD rendering intent): its note.
bool conflict_noted(const ReaderNote& note) { return note.code == WarningCode::ConflictingValues; }

}  // namespace

bool conflicting_values(const RuleContext& context) {
  const auto& notes = context.finding.notes;
  return !all_conflicts(context.finding).empty() ||
         std::any_of(notes.begin(), notes.end(), conflict_noted);
}

std::vector<std::string> conflicting_values_texts(const RuleContext& context) {
  std::vector<std::string> texts;
  for (const ReaderNote& note : context.finding.notes) {
    if (conflict_noted(note)) texts.push_back(note.text);
  }
  for (const ValueConflict& conflict : all_conflicts(context.finding)) {
    std::string text = std::string(to_string(conflict.field)) + " given " +
                       std::to_string(conflict.given.size()) +
                       " times: " + conflict_values_words(conflict);
    switch (conflict.field) {
      case FindingField::Laterality:
      case FindingField::Site:
      case FindingField::Distribution:
      case FindingField::Morphology:
        text += "; no value replaces another, the more suspicious reading classifies";
        break;
      case FindingField::ReportedCategory:
        text += "; the most suspicious is the reported category";
        break;
      case FindingField::BiopsyResult:
        text +=
            "; they cannot all hold: a malignant one makes it 6 (C13), a target not (or partly) "
            "in the specimen asks for excision (B1), and the radiologist correlates them";
        break;
      case FindingField::Change:
        text += "; the most concerning change is used";
        break;
      case FindingField::DistanceFromSkin:
      case FindingField::DistanceFromChestWall:
        // Hostile review 26 (H26-6): it said "does not change the category", but it decides B4.
        text +=
            "; the nearest is used: it decides whether a stereotactic approach is feasible, "
            "so it affects the biopsy type";
        break;
      default:
        text += "; the first is shown (it does not change the category)";
        break;
    }
    texts.push_back(text);
  }
  texts.back() += context.reading_values.empty() ? ": the values shown"
                                                 : ": the reading with " + context.reading_values;
  return texts;
}

bool unreadable_item(const RuleContext& context) {
  const Finding& finding = context.as_read != nullptr ? *context.as_read : context.finding;
  return std::any_of(finding.notes.begin(), finding.notes.end(), is_unreadable);
}

bool code_meaning_discordant(const RuleContext& context) {
  const Finding& finding = context.as_read != nullptr ? *context.as_read : context.finding;
  return std::any_of(finding.notes.begin(), finding.notes.end(), [](const ReaderNote& note) {
    return note.code == WarningCode::CodeMeaningDiscordant;
  });
}

bool follow_up_asks_for_less(const RuleContext& context) {
  return !follow_ups_asking_less(context, decision_of(context, __func__), context.exam).empty();
}

std::vector<std::string> follow_up_asks_for_less_texts(const RuleContext& context) {
  return follow_ups_asking_less(context, decision_of(context, __func__), context.exam);
}

bool diffuse_distribution(const RuleContext& context) {
  return has_distribution(context.finding, Distribution::Diffuse);
}

bool overall_more_suspicious_than_its_findings(const RuleContext& context) {
  return !overall_above_its_findings(context, __func__).empty();
}

std::vector<std::string> overall_more_suspicious_texts(const RuleContext& context) {
  const std::string this_one = words(decision_of(context, __func__).final_category);
  const std::vector<const OverallStatement*> above = overall_above_its_findings(context, __func__);
  std::vector<std::string> texts(above.size());
  std::transform(above.begin(), above.end(), texts.begin(), [&](const OverallStatement* statement) {
    return "the report's overall assessment for " + breast_words(statement->laterality) + " is " +
           words(*statement->category) +
           (statement->position.empty() ? "" : " (" + statement->position + ")") +
           ", more suspicious than every calcification finding it may rest on (this one: " +
           this_one + ")";
  });
  return texts;
}

bool overall_below_reported_category(const RuleContext& context) {
  return !overall_below_its_finding(context, __func__).empty();
}

std::vector<std::string> overall_below_reported_texts(const RuleContext& context) {
  const std::string reported = words(*context.finding.reported_category) + " (" +
                               reported_source_words(context.finding) + ")";
  const std::vector<const OverallStatement*> below = overall_below_its_finding(context, __func__);
  std::vector<std::string> texts(below.size());
  std::transform(below.begin(), below.end(), texts.begin(), [&](const OverallStatement* statement) {
    return "the report's overall assessment for " + breast_words(statement->laterality) + " is " +
           words(*statement->category) +
           (statement->position.empty() ? "" : " (" + statement->position + ")") +
           ", less suspicious than this finding's reported " + reported +
           ": the higher stands; the report's follow-up may rest on the lower";
  });
  return texts;
}

bool benign_beside_unreadable_item(const RuleContext& context) {
  const auto& notes = exam_of(context, __func__).findings.notes;
  const Classification classification = decision_of(context, __func__).classification;
  return (classification == Classification::Benign ||
          classification == Classification::ProbablyBenign) &&
         (std::any_of(notes.begin(), notes.end(),
                      [](const ReaderNote& note) {
                        return is_unreadable(note) || note.code == WarningCode::CadIncomplete ||
                               note.code == WarningCode::AnnotationSkipped ||
                               note.code == WarningCode::AnnotationOtherSr ||
                               note.code == WarningCode::AnnotationUnmatched;
                      }) ||
          document_incomplete(context));
}

bool recommendation_breast_not_named(const RuleContext& context) {
  const Decision& decided = decision_of(context, __func__);
  const Action action = decided.recommendation.action;
  // "Both breasts" names no one breast to biopsy (hostile review 73: one calcification or one
  // group given both was sent to biopsy unreviewed).
  // A short-interval follow-up is of one breast too (hostile review 73: a probably benign finding
  // of a procedure naming both sides was followed up in no breast, unreviewed); of both it is
  // of both.
  const Laterality side = context.finding.laterality;
  const bool one_breast = action == Action::Biopsy || action == Action::SurgicalConsult;
  const bool followed_up = action == Action::ShortIntervalFollowUp;
  return ((one_breast && (side == Laterality::Unknown || side == Laterality::Both)) ||
          (followed_up && side == Laterality::Unknown)) &&
         context.finding.laterality_source != LateralitySource::Conflicting;
}

std::vector<std::string> recommendation_breast_not_named_texts(const RuleContext& context) {
  const Decision& decided = decision_of(context, __func__);
  const std::string action(to_string(decided.recommendation.action));
  if (context.finding.laterality == Laterality::Both) {
    return {"the rules recommend " + action +
            " but the report gives the finding both breasts, and " + action +
            " is of one: the radiologist must name the breast (or the findings of each)"};
  }
  return {"the rules recommend " + action +
          " but no item of the report, its procedure, its images or its text names the "
          "finding's breast: the radiologist must name it"};
}

bool read_back_own_sr(const RuleContext& context) {
  return exam_of(context, __func__).findings.source.written_by_mammocalc;
}

bool overall_code_meaning_discordant(const RuleContext& context) {
  return exam_noted(context, WarningCode::CodeMeaningDiscordant, __func__);
}

bool cad_incomplete(const RuleContext& context) {
  return exam_noted(context, WarningCode::CadIncomplete, __func__);
}

namespace {
constexpr Laterality kBreasts[] = {Laterality::Right, Laterality::Left};
}  // namespace

bool breast_category_stated_above_its_findings(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  if (exam.decisions == nullptr) return false;
  const auto findings_category = [&](Laterality breast) {
    std::optional<Category> highest;
    for (std::size_t i = 0; i < exam.decisions->size(); ++i) {
      const Laterality side = exam.findings.findings[i].laterality;
      if (side != breast && side != Laterality::Both) continue;
      const Category category = (*exam.decisions)[i].final_category;
      highest = highest ? more_suspicious(*highest, category) : category;
    }
    return highest;
  };
  return std::any_of(
      exam.findings.overall_statements.begin(), exam.findings.overall_statements.end(),
      [&](const OverallStatement& statement) {
        if (!statement.category || statement.laterality == Laterality::Unknown) return false;
        return std::any_of(std::begin(kBreasts), std::end(kBreasts), [&](Laterality breast) {
          if (!speaks_for(statement.laterality, breast)) return false;
          const std::optional<Category> held = findings_category(breast);
          return held ? category_rank(*statement.category) > category_rank(*held)
                      : category_rank(*statement.category) > category_rank(Category::Benign2);
        });
      });
}

bool plainly_benign(const Decision& decision) {
  return !decision.needs_review && (decision.classification == Classification::Benign ||
                                    decision.classification == Classification::ProbablyBenign);
}

bool suspicious_not_for_presentation(const RuleContext& context) {
  const std::vector<Decision>& hidden = exam_of(context, __func__).not_for_presentation;
  return !std::all_of(hidden.begin(), hidden.end(), plainly_benign);
}

std::vector<std::string> suspicious_not_for_presentation_texts(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  std::vector<std::string> texts;
  for (std::size_t k = 0; k < exam.not_for_presentation.size(); ++k) {
    const Decision& would_be = exam.not_for_presentation[k];
    if (plainly_benign(would_be)) continue;
    const Finding& hidden = exam.findings.not_for_presentation[k];
    texts.push_back("the CAD finding at " + hidden.position +
                    ", skipped as not for presentation, would be " +
                    std::string(to_string(would_be.final_category)) + " " +
                    std::string(to_string(would_be.classification)) +
                    (would_be.needs_review ? " and need review" : "") + ", " +
                    std::string(to_string(hidden.laterality)) + " breast");
  }
  return texts;
}

namespace {

// A flag's value as the reader compares it: DICOM pads a CS value with blanks, and the defined
// terms are upper case.
std::string flag_value(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// What a document flag says: its incomplete term, its complete term, or neither (empty, several
// values, another word: unreadable, so taken as incomplete; hostile review 25, F6: two values
// PARTIAL and COMPLETE were read as complete). An absent flag says nothing.
enum class FlagReading { NotGiven, Complete, Incomplete, Unreadable };

FlagReading read_flag(const std::optional<std::string>& flag, const char* complete_term,
                      const char* incomplete_term) {
  if (!flag) return FlagReading::NotGiven;
  const std::string value = flag_value(*flag);
  if (value == complete_term) return FlagReading::Complete;
  if (value == incomplete_term) return FlagReading::Incomplete;
  return FlagReading::Unreadable;
}

FlagReading completion_of(const SourceInfo& source) {
  return read_flag(source.completion_flag, "COMPLETE", "PARTIAL");
}

FlagReading preliminary_of(const SourceInfo& source) {
  return read_flag(source.preliminary_flag, "FINAL", "PRELIMINARY");
}

bool says_incomplete(FlagReading reading) {
  return reading == FlagReading::Incomplete || reading == FlagReading::Unreadable;
}

// The warning for a flag that holds neither of its terms, quoting what it holds.
std::string unreadable_flag_text(const std::string& flag_name, const std::string& value,
                                 const std::string& terms) {
  return "the report's " + flag_name + " is \"" + value + "\", not " + terms +
         ": the document's state cannot be read, so its evidence is taken as not complete";
}

}  // namespace

bool document_incomplete(const RuleContext& context) {
  const SourceInfo& source = exam_of(context, __func__).findings.source;
  return says_incomplete(completion_of(source)) || says_incomplete(preliminary_of(source));
}

std::vector<std::string> document_incomplete_texts(const RuleContext& context) {
  const SourceInfo& source = exam_of(context, __func__).findings.source;
  std::vector<std::string> texts;
  if (completion_of(source) == FlagReading::Unreadable) {
    texts.push_back(unreadable_flag_text("Completion Flag (0040,A491)", *source.completion_flag,
                                         "one of COMPLETE or PARTIAL"));
  }
  if (preliminary_of(source) == FlagReading::Unreadable) {
    texts.push_back(unreadable_flag_text("Preliminary Flag (0040,A496)", *source.preliminary_flag,
                                         "one of FINAL or PRELIMINARY"));
  }
  if (completion_of(source) == FlagReading::Incomplete) {
    std::string text = "the report's Completion Flag (0040,A491) is PARTIAL";
    if (!source.completion_flag_description.empty()) {
      text += ", Completion Flag Description (0040,A492) \"" + source.completion_flag_description +
              "\"";
    }
    texts.push_back(text + ": its evidence is not complete; what is missing may be suspicious");
  }
  if (preliminary_of(source) == FlagReading::Incomplete) {
    texts.push_back(
        "the report's Preliminary Flag (0040,A496) is PRELIMINARY: it is not the final report; "
        "the final one may say more");
  }
  return texts;
}

bool annotation_unread(const RuleContext& context) {
  return exam_noted(context, WarningCode::AnnotationSkipped, __func__);
}

bool annotation_for_another_sr(const RuleContext& context) {
  return exam_noted(context, WarningCode::AnnotationOtherSr, __func__);
}

bool annotation_duplicated(const RuleContext& context) {
  return exam_noted(context, WarningCode::AnnotationDuplicate, __func__);
}

bool same_exam_conflict(const RuleContext& context) {
  return exam_noted(context, WarningCode::SameExamConflict, __func__);
}

bool annotation_unmatched(const RuleContext& context) {
  return exam_noted(context, WarningCode::AnnotationUnmatched, __func__);
}

bool refinement_matched_no_finding(const RuleContext& context) {
  const Finding& finding = context.as_read != nullptr ? *context.as_read : context.finding;
  // An added finding whose annotation refines: no SR finding took it (annotation_merge).
  return finding.origin == Origin::Annotation && !finding.annotations.empty() &&
         finding.annotations.front().action == "refine";
}

bool overall_follow_up_not_chosen_for_breast(const RuleContext& context) {
  return !overall_tissue_not_chosen(context, __func__).empty();
}

std::vector<std::string> overall_follow_up_for_breast_texts(const RuleContext& context) {
  std::vector<std::string> texts;
  for (const auto& [statement, code] : overall_tissue_not_chosen(context, __func__)) {
    texts.push_back("the report's overall follow-up for " + breast_words(statement->laterality) +
                    " is " + describe(code) +
                    "; the rules chose no biopsy for any calcification finding it may be about");
  }
  return texts;
}

bool exam_has_findings(const RuleContext& context) {
  return !exam_of(context, __func__).findings.findings.empty();
}

bool no_finding_but_report_category(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  return !exam_has_findings(context) && exam.findings.overall_category.has_value();
}

bool report_says_nothing(const RuleContext& context) {
  const Findings& findings = exam_of(context, __func__).findings;
  const ReportTemplate kind = findings.source.report_template;
  return !exam_has_findings(context) && !findings.overall_category &&
         findings.overall_statements.empty() && findings.unassessed_findings.empty() &&
         findings.text_use == Findings::TextUse::None &&
         kind != ReportTemplate::MammographyCad4000 && kind != ReportTemplate::Annotation;
}

std::vector<std::string> report_says_nothing_texts(const RuleContext& context) {
  exam_of(context, __func__);  // an exam row: asked of a finding alone, it fails loudly
  return {
      "the report holds no calcification finding, no other finding, no overall assessment "
      "and no report text that could be read: nothing to decide on, radiologist review "
      "needed"};
}

bool overall_incomplete_stands(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  if (exam.findings.overall_category != Category::Incomplete0) return false;
  // The exam's category as E2 (no finding) or E3 (the higher of both) makes it.
  const ExamBasis basis = no_finding_but_report_category(context)      ? ExamBasis::Report
                          : overall_category_not_on_a_finding(context) ? ExamBasis::HigherOfBoth
                                                                       : ExamBasis::Findings;
  return basis != ExamBasis::Findings &&
         exam_category_from(basis, exam.findings_category, exam.findings.overall_category) ==
             Category::Incomplete0;
}

bool overall_category_not_on_a_finding(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  return overall_is_the_exams(exam) && exam.findings.overall_category.has_value();
}

bool overall_category_discordant(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  if (!overall_category_not_on_a_finding(context)) return false;
  return discordant(*exam.findings.overall_category, *exam.findings_category);
}

namespace {

// The report's requests: its overall follow-ups, then the findings' own that the overall ones do
// not repeat, each once. A request a finding took as its own (W5 weighs it there) still speaks
// for the exam: one benign finding beside "needle localization and biopsy" is no benign exam
// (hostile review 71: with one finding E5 stayed silent, with two it fired).
struct Request {
  Code code;
  bool overall = false;
};

std::vector<Request> requests_of(const ExamContext& exam) {
  std::vector<Request> requests;
  const auto add = [&](const Code& code, bool overall) {
    const bool known = std::any_of(requests.begin(), requests.end(), [&](const Request& request) {
      return same_concept(request.code, code);
    });
    if (!known) requests.push_back({code, overall});
  };
  for (const Code& code : exam.findings.overall_follow_up) add(code, true);
  for (const Finding& finding : exam.findings.findings) {
    for (const Code& code : finding.reported_follow_up) add(code, false);
  }
  return requests;
}

std::string request_words(const Request& request) {
  return (request.overall ? "the report's overall follow-up is "
                          : "a finding's reported "
                            "follow-up is ") +
         describe(request.code);
}

// The report's requests that ask for tissue (CID 6028) where no finding's rules chose a biopsy or
// surgery.
std::vector<Request> tissue_follow_ups_not_chosen(const ExamContext& exam) {
  const bool rules_chose_tissue = std::any_of(
      exam.actions.begin(), exam.actions.end(),
      [](Action action) { return action == Action::Biopsy || action == Action::SurgicalConsult; });
  if (rules_chose_tissue) return {};
  std::vector<Request> requests = requests_of(exam);
  requests.erase(std::remove_if(requests.begin(), requests.end(),
                                [](const Request& request) {
                                  return !asks_for_more_than_imaging(request.code);
                                }),
                 requests.end());
  return requests;
}

}  // namespace

bool overall_follow_up_asks_for_tissue(const RuleContext& context) {
  return !tissue_follow_ups_not_chosen(exam_of(context, __func__)).empty();
}

std::vector<std::string> overall_follow_up_texts(const RuleContext& context) {
  const std::vector<Request> requests = tissue_follow_ups_not_chosen(exam_of(context, __func__));
  std::vector<std::string> texts(requests.size());
  std::transform(requests.begin(), requests.end(), texts.begin(), [](const Request& request) {
    return request_words(request) + "; the rules chose no biopsy for any calcification finding";
  });
  return texts;
}

namespace {

// The report's overall follow-ups that no finding took as its own and that ask for sooner
// imaging than every action the rules chose (a short interval, more views, MRI, beside findings
// given routine screening), short of tissue (E5 weighs that): "Short-interval follow-up in 6
// months" in the text of a report whose codes say benign (hostile review 43, H43-4).
std::vector<Request> imaging_follow_ups_not_chosen(const ExamContext& exam) {
  // With no calcification finding the rules chose nothing the report's follow-up could exceed.
  if (exam.actions.empty()) return {};
  int rules = 0;
  for (const Action action : exam.actions) rules = std::max(rules, action_urgency(action));
  std::vector<Request> requests = requests_of(exam);
  requests.erase(std::remove_if(requests.begin(), requests.end(),
                                [&](const Request& request) {
                                  const std::optional<int> urgency =
                                      follow_up_urgency(request.code);
                                  return !urgency || *urgency <= rules || *urgency >= 5;
                                }),
                 requests.end());
  return requests;
}

}  // namespace

namespace {

// The report's intervals (overall, or a finding's own) sooner than every action the rules chose
// allows ("Normal interval follow-up" with 0 months beside findings given routine screening;
// hostile review 71: the overall one was dropped without a word).
std::vector<const FollowUpInterval*> sooner_intervals(const ExamContext& exam) {
  if (exam.actions.empty()) return {};
  double earliest = rules_window(exam.actions.front()).earliest;
  for (const Action action : exam.actions) {
    earliest = std::min(earliest, rules_window(action).earliest);
  }
  std::vector<const FollowUpInterval*> sooner;
  for (const OverallStatement& statement : exam.findings.overall_statements) {
    for (const FollowUpInterval& interval : statement.intervals) {
      if (sooner_than(interval, earliest)) sooner.push_back(&interval);
    }
  }
  // A finding's own counts for the exam as its own follow-up code does (E5, E21).
  for (const Finding& finding : exam.findings.findings) {
    for (const FollowUpInterval& interval : finding.reported_follow_up_intervals) {
      if (sooner_than(interval, earliest)) sooner.push_back(&interval);
    }
  }
  return sooner;
}

}  // namespace

bool overall_follow_up_asks_for_more_imaging(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  return !imaging_follow_ups_not_chosen(exam).empty() || !sooner_intervals(exam).empty();
}

std::vector<std::string> overall_imaging_follow_up_texts(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  std::string chosen;
  for (const Action action : exam.actions) {
    chosen += (chosen.empty() ? "" : ", ") + std::string(to_string(action));
  }
  const std::vector<Request> requests = imaging_follow_ups_not_chosen(exam);
  std::vector<std::string> texts(requests.size());
  std::transform(requests.begin(), requests.end(), texts.begin(), [&](const Request& request) {
    return request_words(request) + "; the rules chose no more than " + chosen +
           " for the calcification findings";
  });
  const std::vector<const FollowUpInterval*> sooner = sooner_intervals(exam);
  std::transform(sooner.begin(), sooner.end(), std::back_inserter(texts),
                 [&](const FollowUpInterval* interval) {
                   return "the report's " + interval_words(*interval) +
                          " asks for sooner than the rules chose for the calcification findings (" +
                          chosen + ")";
                 });
  return texts;
}

bool overall_statements_conflict(const RuleContext& context) {
  return !exam_of(context, __func__).findings.overall_conflicts.empty();
}

std::vector<std::string> overall_conflict_texts(const RuleContext& context) {
  const std::vector<ValueConflict>& conflicts =
      exam_of(context, __func__).findings.overall_conflicts;
  std::vector<std::string> texts(conflicts.size());
  std::transform(
      conflicts.begin(), conflicts.end(), texts.begin(), [](const ValueConflict& conflict) {
        return "overall assessment category given " + std::to_string(conflict.given.size()) +
               " times for one breast or the exam: " + conflict_values_words(conflict) +
               "; the most suspicious stands";
      });
  return texts;
}

bool conflict_outside_findings(const RuleContext& context) {
  const auto& notes = exam_of(context, __func__).findings.notes;
  return std::any_of(notes.begin(), notes.end(), conflict_noted);
}

bool unreadable_outside_findings(const RuleContext& context) {
  const auto& notes = exam_of(context, __func__).findings.notes;
  return std::any_of(notes.begin(), notes.end(), is_unreadable);
}

namespace {

// The own category of each finding the calcification rules do not assess that is above what the
// rows before give its breast (its calcification findings' final categories) or the exam (the
// higher of the findings' and the report's overall category).
std::vector<const UnassessedFinding*> unassessed_findings_above(const ExamContext& exam) {
  const std::optional<Category> exam_bound = exam_category_from(
      ExamBasis::HigherOfBoth, exam.findings_category, exam.findings.overall_category);
  const auto above = [](Category category, const std::optional<Category>& bound) {
    return !bound || category_rank(category) > category_rank(*bound);
  };
  std::vector<const UnassessedFinding*> found;
  for (const UnassessedFinding& unassessed : exam.findings.unassessed_findings) {
    std::optional<Category> breast;
    const auto& findings = exam.findings.findings;
    for (std::size_t i = 0; exam.decisions != nullptr && i < findings.size(); ++i) {
      if (!speaks_for(unassessed.laterality, findings[i].laterality)) continue;
      const Category final_category = (*exam.decisions)[i].final_category;
      breast = breast ? more_suspicious(*breast, final_category) : final_category;
    }
    const bool higher = unassessed.category && (above(*unassessed.category, exam_bound) ||
                                                (breast && above(*unassessed.category, breast)));
    // One read from the text is always said: the rules cannot assess it, and the report's word
    // is all there is of it (hostile review 29, H29-9).
    if (higher || !unassessed.not_weighed.empty() || unassessed.from_text) {
      found.push_back(&unassessed);
    }
  }
  return found;
}

}  // namespace

bool unassessed_finding_category_above(const RuleContext& context) {
  return !unassessed_findings_above(exam_of(context, __func__)).empty();
}

std::vector<std::string> unassessed_finding_category_texts(const RuleContext& context) {
  const std::vector<const UnassessedFinding*> above =
      unassessed_findings_above(exam_of(context, __func__));
  std::vector<std::string> texts(above.size());
  std::transform(above.begin(), above.end(), texts.begin(), [](const UnassessedFinding* finding) {
    const std::string breast = finding->laterality == Laterality::Unknown
                                   ? std::string("a breast the report does not name")
                                   : breast_words(finding->laterality);
    std::string text = "finding " + describe(finding->code) + " (" + finding->position + ") of " +
                       breast + " is not assessed by the calcification rules";
    if (finding->unread_category) {
      text = "the report text may state " + finding->code.meaning + " (" + finding->position +
             "), which no category statement read for a breast: \"" + finding->quote +
             "\"; it counts for both breasts and the exam";
    } else if (finding->from_text) {
      // A finding the text names by a word alone has no code (read_named_other_findings).
      const std::string named = finding->code.value.empty() ? "\"" + finding->code.meaning + "\""
                                                            : describe(finding->code);
      text = "the report text names " + named + " (" + finding->position + ") of " + breast +
             ", a finding the calcification rules do not assess: \"" + finding->quote + "\"";
      if (finding->category) {
        text += "; category " + words(*finding->category) +
                " (the higher of its own words' and the report's for its breast) counts for it";
      }
    } else if (finding->intervention_results) {
      text = "the biopsy results of " + describe(finding->code) + " (" + finding->position +
             ") of " + breast + " count for no calcification finding";
      if (finding->category) {
        text += "; a malignant result makes its breast and the exam " + words(*finding->category);
      }
    } else if (finding->category) {
      text += "; its own reported category " + words(*finding->category) +
              " counts for its breast and the exam where it is above what the calcification "
              "findings and the overall assessment give";
    }
    if (!finding->not_weighed.empty()) {
      text += "; it holds what the rules do not weigh (";
      for (std::size_t i = 0; i < finding->not_weighed.size(); ++i) {
        text += (i == 0 ? "" : "; ") + finding->not_weighed[i];
      }
      text += "): its breast and the exam are 0 (incomplete) unless 4 or above";
    }
    return text;
  });
  return texts;
}

bool unreadable_inside_findings(const RuleContext& context) {
  const std::vector<Finding>& findings = exam_of(context, __func__).findings.findings;
  return std::any_of(findings.begin(), findings.end(), [](const Finding& finding) {
    return std::any_of(finding.notes.begin(), finding.notes.end(), is_unreadable);
  });
}

// A report read as text is reviewed whatever the text gave: a text that gave no mention at all
// may still describe calcifications in words the reader does not know (a misspelling, a
// ligature, another language), and "no calcification finding" would then be false reassurance.
bool report_read_from_text(const RuleContext& context) {
  const Findings& findings = exam_of(context, __func__).findings;
  if (findings.text_use == Findings::TextUse::Read) return true;
  // Beside coded findings the text's stated category is the report's only where no coded one is.
  return findings.text_use == Findings::TextUse::Paired &&
         std::any_of(findings.overall_statements.begin(), findings.overall_statements.end(),
                     [](const OverallStatement& statement) {
                       return statement.from_text && statement.category.has_value();
                     });
}

std::vector<std::string> report_read_from_text_texts(const RuleContext& context) {
  const Findings& findings = exam_of(context, __func__).findings;
  std::vector<std::string> texts;
  for (const OverallStatement& statement : findings.overall_statements) {
    if (!statement.from_text || !statement.category) continue;
    texts.push_back("the report's assessment " + std::string(to_string(*statement.category)) +
                    (statement.laterality == Laterality::Unknown
                         ? std::string()
                         : " (" + std::string(to_string(statement.laterality)) + " breast)") +
                    " was read from its text, \"" + statement.quote +
                    "\": check it against the report");
  }
  if (findings.text_use != Findings::TextUse::Read) return texts;
  // What "no calcification finding" rests on, quoted: each mention set aside, the first few in
  // full (readText lists every one).
  constexpr std::size_t kQuoted = 5;
  std::size_t set_aside = 0;
  for (const TextMention& mention : findings.text_mentions) {
    if (mention.status == MentionStatus::Affirmed || mention.status == MentionStatus::Uncertain) {
      continue;
    }
    if (++set_aside <= kQuoted) {
      texts.push_back("read as " + std::string(to_string(mention.status)) + ", no finding: \"" +
                      mention.sentence.text + "\" (check it against the report)");
    }
  }
  if (set_aside > kQuoted) {
    texts.push_back(std::to_string(set_aside - kQuoted) +
                    " more calcification mention(s) read as negated, historical or hypothetical "
                    "(listed under readText)");
  }
  if (texts.empty() && findings.text_mentions.empty()) {
    texts.push_back(
        "the report's text was read and no calcification mention was found in it: check it "
        "against the report (words the reader does not know, other languages and damaged text "
        "are not read)");
  }
  if (texts.empty()) texts.push_back("the report's text was read: check it against the report");
  return texts;
}

namespace {

// The highest final category of the findings not read from text that may lie in `breast`.
std::optional<Category> coded_category_for(const Findings& findings,
                                           const std::vector<Decision>& decisions,
                                           Laterality breast) {
  std::optional<Category> highest;
  for (std::size_t i = 0; i < findings.findings.size() && i < decisions.size(); ++i) {
    const Finding& other = findings.findings[i];
    if (other.origin == Origin::Narrative || !speaks_for(other.laterality, breast)) continue;
    const Category category = decisions[i].final_category;
    highest = highest ? more_suspicious(*highest, category) : category;
  }
  return highest;
}

// The words of a place the narrative finding names apart from the coded finding it describes:
// a clock more than an hour from the coded one's (the reader keeps a second clock of a clause as
// a conflict on one finding), another quadrant or region. Where the coded finding states none,
// the narrative finding's own first place is the reference: two places apart are two groups.
std::optional<std::string> another_place(const Finding& text, const Finding& coded) {
  const std::optional<int> clock =
      coded.location.clock_hour ? coded.location.clock_hour : text.location.clock_hour;
  const auto quadrant = coded.location.quadrant ? coded.location.quadrant : text.location.quadrant;
  const auto region = coded.location.region ? coded.location.region : text.location.region;
  const std::vector<int> hours = clocks_quoted(text);
  // The ends of a range that holds the coded clock are that place ("between 2 and 5 o'clock").
  const bool in_range = clock && coded.location.clock_hour && clock_in_range(text, *clock);
  const auto apart = std::find_if(hours.begin(), hours.end(), [&](int hour) {
    return clock && clock_distance(*clock, hour) > 1 && !(in_range && clock_in_range(text, hour));
  });
  if (apart != hours.end()) return std::to_string(*apart) + " o'clock";
  for (const TextEvidence& evidence : text.text_evidence) {
    switch (evidence.field) {
      case NarrativeField::Quadrant:
        if (quadrant && evidence.value != to_string(*quadrant)) return evidence.value;
        break;
      case NarrativeField::Region:
        if (region && evidence.value != to_string(*region)) return evidence.value;
        break;
      default:
        break;
    }
  }
  return std::nullopt;
}

std::optional<std::string> another_place_of(const Findings& findings, const Finding& text) {
  if (!text.paired_with || *text.paired_with >= findings.findings.size()) return std::nullopt;
  return another_place(text, findings.findings[*text.paired_with]);
}

}  // namespace

namespace {

// Text that gives the calcifications of its breast a distribution no coded finding of that breast
// has ("Right breast: grouped calcifications", "Rechts: gruppierter Mikrokalk" beside a coded
// popcorn calcification): more than the coded content says, never a restatement or covered by it
// (hostile review 48, H48-2). A kind is weighed by its category (more suspicious, or not).
bool adds_to_coded_findings(const Findings& findings, const Finding& text) {
  // Diffuse (scattered) is the benign arrangement: it adds nothing to weigh (review 48, R48-10).
  if (!text.distribution || text.distribution->term == Distribution::Diffuse) return false;
  return std::none_of(
      findings.findings.begin(), findings.findings.end(), [&](const Finding& coded) {
        return coded.origin != Origin::Narrative && speaks_for(text.laterality, coded.laterality) &&
               coded.distribution && coded.distribution->term == text.distribution->term;
      });
}

// Text that calls the calcifications of its breast small and gives them no kind
// ("Microcalcifications.", "Small calcifications in the right subareolar region", "Mikrokalk."),
// beside coded findings of that breast that are all of a coarse kind: those do not describe small
// calcifications, so the text is no restatement (hostile review 65). A coded finding of no kind,
// or of a kind that may be small (round, punctate, amorphous, fine), may be the one it describes.
bool smaller_than_coded_findings(const Findings& findings, const Finding& text) {
  if (text.said_small.empty() || !text.morphology.empty()) return false;
  bool any = false;
  for (const Finding& coded : findings.findings) {
    if (coded.origin == Origin::Narrative || !speaks_for(text.laterality, coded.laterality)) {
      continue;
    }
    const bool all_coarse =
        !coded.morphology.empty() &&
        std::all_of(coded.morphology.begin(), coded.morphology.end(),
                    [](const Coded<Morphology>& morphology) { return is_coarse(morphology.term); });
    if (!all_coarse) return false;
    any = true;
  }
  return any;
}

// Text that calls calcifications of its breast benign and says nothing more of them ("Benign
// calcifications right breast."), beside coded findings of that breast that are all benign: it
// restates them. Its own 0 (undescribed) is no suspicion of its own (hostile review 62: the
// commonest benign wording beside two coded findings came out 0, for review). Anything more it
// says (a kind, an arrangement, a site, a change, a category, a doubt, another unresolved note)
// keeps it weighed on its own.
bool restates_benign_coded_findings(const Findings& findings, const Finding& text,
                                    Category category, Category coded) {
  // An arrangement every coded finding of its breast has ("The right breast cluster is benign"
  // beside a coded group) says nothing more of them (review of session 61).
  const bool same_arrangement =
      text.distribution &&
      std::all_of(findings.findings.begin(), findings.findings.end(), [&](const Finding& each) {
        return each.origin == Origin::Narrative || !speaks_for(text.laterality, each.laterality) ||
               (each.distribution && each.distribution->term == text.distribution->term);
      });
  const bool undescribed = text.morphology.empty() && (!text.distribution || same_arrangement) &&
                           text.stated_site == Site::Unknown && !text.mass_with_calcifications;
  const auto unresolved = std::count_if(
      text.notes.begin(), text.notes.end(),
      [](const ReaderNote& note) { return note.code == WarningCode::NarrativeUnresolved; });
  constexpr std::ptrdiff_t kUndescribedNote = 1;  // "calcifications the text does not describe"
  return text.called_benign && text.benign_hedge.empty() && undescribed &&
         text.text_status == MentionStatus::Affirmed && category == Category::Incomplete0 &&
         category_rank(coded) <= category_rank(Category::Benign2) &&
         !change_is_new_or_increased(text) && unresolved <= kUndescribedNote &&
         (!text.reported_category ||
          category_rank(*text.reported_category) <= category_rank(Category::Benign2));
}

// Whether no coded finding of the text's breast is new or grown by the coded content itself (a
// change lent by the text, quoted as its evidence, is the text's own).
bool tells_change_coded_ones_do_not(const Findings& findings, const Finding& text) {
  if (!change_is_new_or_increased(text)) return false;
  return std::none_of(
      findings.findings.begin(), findings.findings.end(), [&](const Finding& coded) {
        const bool lent = std::any_of(
            coded.text_evidence.begin(), coded.text_evidence.end(),
            [](const TextEvidence& evidence) { return evidence.field == NarrativeField::Change; });
        return coded.origin != Origin::Narrative && speaks_for(text.laterality, coded.laterality) &&
               change_is_new_or_increased(coded) && !lent;
      });
}

}  // namespace

TextDiscordance text_discordance(const Findings& findings, const std::vector<Decision>& decisions,
                                 std::size_t index) {
  const Finding& text = findings.findings.at(index);
  if (findings.text_use != Findings::TextUse::Paired || text.origin != Origin::Narrative) {
    return TextDiscordance::None;
  }
  const Category category = decisions.at(index).final_category;
  const std::optional<Category> coded = coded_category_for(findings, decisions, text.laterality);
  if (!coded) return TextDiscordance::NoCodedFinding;
  const bool restates = restates_benign_coded_findings(findings, text, category, *coded);
  if (category_rank(category) > category_rank(*coded) && !restates) {
    return TextDiscordance::MoreSuspicious;
  }
  // Text that describes a coded finding weighs against that finding, not the breast's most
  // suspicious one: a 4B text about a coded 3 group is no less for a 4B group elsewhere.
  if (text.paired_with && *text.paired_with < decisions.size() && !restates &&
      category_rank(category) > category_rank(decisions[*text.paired_with].final_category)) {
    return TextDiscordance::MoreSuspiciousThanItsFinding;
  }
  if (text.paired_with && *text.paired_with < decisions.size() &&
      text.text_status == MentionStatus::Uncertain) {
    const Classification coded_class = decisions[*text.paired_with].classification;
    if (coded_class == Classification::Benign || coded_class == Classification::ProbablyBenign) {
      return TextDiscordance::DoubtsItsFinding;
    }
  }
  // Only probably benign in the text, benign without doubt in the code (hostile review 60,
  // H60-3: "Coarse calcifications, likely benign" restated a coded 2).
  if (text.paired_with && *text.paired_with < decisions.size() && !text.benign_hedge.empty() &&
      decisions[*text.paired_with].classification == Classification::Benign) {
    return TextDiscordance::DoubtsItsFinding;
  }
  if (!text.paired_with && !text.benign_hedge.empty() &&
      category_rank(*coded) <= category_rank(Category::Benign2)) {
    return TextDiscordance::HedgesBenign;
  }
  // Text that speaks of calcifications somewhere else than the coded finding it describes is not
  // held by it, however benign: a second group, or one on a breast nothing resolves.
  if (another_place_of(findings, text)) return TextDiscordance::AnotherPlace;
  if (!text.unresolved_place.empty()) return TextDiscordance::UnresolvedPlace;
  if (adds_to_coded_findings(findings, text)) return TextDiscordance::AddsToItsFinding;
  if (smaller_than_coded_findings(findings, text)) return TextDiscordance::SmallerThanItsFinding;
  // Where the coded content of that breast is benign or probably benign: a change beside a
  // suspicious coded finding takes nothing from its work-up.
  if (text.text_status == MentionStatus::Affirmed &&
      category_rank(*coded) <= category_rank(Category::ProbablyBenign3) &&
      tells_change_coded_ones_do_not(findings, text)) {
    return TextDiscordance::TellsChange;
  }
  // Calcifications no coded finding describes, that are not benign, are more than the coded
  // content says, however suspicious the coded findings are: a second group needs its own work-up.
  const bool benign = category == Category::Negative1 || category == Category::Benign2;
  if (!text.paired_with && !benign && !restates) return TextDiscordance::NotPaired;
  return TextDiscordance::None;
}

std::vector<std::vector<std::optional<int>>> statement_follow_up_urgencies(
    const Findings& findings) {
  std::vector<std::vector<std::optional<int>>> all(findings.overall_statements.size());
  std::transform(findings.overall_statements.begin(), findings.overall_statements.end(),
                 all.begin(), [](const OverallStatement& statement) {
                   std::vector<std::optional<int>> urgencies(statement.follow_up.size());
                   std::transform(
                       statement.follow_up.begin(), statement.follow_up.end(), urgencies.begin(),
                       [](const StatedFollowUp& stated) { return follow_up_urgency(stated.code); });
                   return urgencies;
                 });
  return all;
}

std::vector<TextDiscordance> text_discordances(const Findings& findings,
                                               const std::vector<Decision>& decisions) {
  std::vector<TextDiscordance> all(findings.findings.size(), TextDiscordance::None);
  if (decisions.size() < all.size()) return all;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (findings.findings[i].origin == Origin::Narrative) {
      all[i] = text_discordance(findings, decisions, i);
    }
  }
  return all;
}

namespace {

// The exam's reading of finding `index` (ExamContext::text_discordances); none before the
// findings are decided.
TextDiscordance discordance_of(const ExamContext& exam, std::size_t index) {
  return index < exam.text_discordances.size() ? exam.text_discordances[index]
                                               : TextDiscordance::None;
}

}  // namespace

bool narrative_discordant(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  if (exam.decisions == nullptr) return false;
  for (std::size_t i = 0; i < exam.findings.findings.size(); ++i) {
    if (discordance_of(exam, i) != TextDiscordance::None) return true;
  }
  return false;
}

std::vector<std::string> narrative_discordant_texts(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  std::vector<std::string> texts;
  if (exam.decisions == nullptr) return texts;
  const std::vector<Decision>& decisions = *exam.decisions;
  for (std::size_t i = 0; i < exam.findings.findings.size(); ++i) {
    const TextDiscordance why = discordance_of(exam, i);
    if (why == TextDiscordance::None) continue;
    const Finding& text = exam.findings.findings[i];
    const std::string breast = text.laterality == Laterality::Unknown
                                   ? std::string("the text names no breast")
                                   : breast_words(text.laterality);
    std::string said = decisions[i].id + " was read from the report text (" + breast +
                       ", category " + words(decisions[i].final_category) + ")";
    const std::optional<Category> coded =
        coded_category_for(exam.findings, decisions, text.laterality);
    switch (why) {
      case TextDiscordance::NoCodedFinding:
        said += ": no coded finding is on that breast";
        break;
      case TextDiscordance::MoreSuspicious:
        said += std::string(": more suspicious than every coded finding") +
                (text.laterality == Laterality::Unknown ? "" : " of that breast") + " (highest " +
                words(*coded) + ")";
        break;
      case TextDiscordance::MoreSuspiciousThanItsFinding:
        said += ": more suspicious than the coded finding it describes (" +
                words(decisions[*text.paired_with].final_category) + ")";
        break;
      case TextDiscordance::DoubtsItsFinding:
        said += ": uncertain about the coded finding it describes, which is " +
                words(decisions[*text.paired_with].final_category) + " without doubt";
        break;
      case TextDiscordance::AnotherPlace:
      case TextDiscordance::UnresolvedPlace:
        break;  // said below, with the words
      case TextDiscordance::AddsToItsFinding:
        said +=
            ": it gives the coded finding it describes a distribution or a kind that finding "
            "does not have";
        break;
      case TextDiscordance::SmallerThanItsFinding:
        said += ": it calls the calcifications small (\"" + text.said_small +
                "\") and gives them no kind, where every coded finding of that breast is of a "
                "coarse kind";
        break;
      case TextDiscordance::HedgesBenign:
        said += ": it calls the calcifications only probably benign (\"" + text.benign_hedge +
                "\" doubted), where the coded findings of that breast are benign without doubt";
        break;
      case TextDiscordance::TellsChange:
        said += std::string(": it calls the calcifications ") +
                (text.change == Change::New ? "new" : "increased") +
                ", which no coded finding of that breast says";
        break;
      case TextDiscordance::NotPaired:
        said += ": no coded finding describes these calcifications";
        break;
      case TextDiscordance::None:
        break;
    }
    const char* lead =
        why == TextDiscordance::AnotherPlace || why == TextDiscordance::UnresolvedPlace ? ": "
                                                                                        : "; ";
    if (const std::optional<std::string> place = another_place_of(exam.findings, text)) {
      said += lead + std::string("it names another place too (\"") + *place +
              "\"): calcifications there may be a group no coded finding holds";
      lead = "; ";
    }
    if (!text.unresolved_place.empty()) {
      said += lead +
              std::string("it places calcifications where nothing in the report resolves (\"") +
              text.unresolved_place + "\"): no coded finding can be shown to hold them";
    }
    if (text.paired_with && *text.paired_with < decisions.size()) {
      said += "; it describes the calcifications of " + decisions[*text.paired_with].id;
    }
    texts.push_back(said + ": check the coded content against the report text");
  }
  return texts;
}

namespace {

// Text that may be about a coded finding: paired with it, or on its breast (or naming none) and
// at no other place (clock within an hour, same quadrant and region where both give one).
bool may_describe(const Finding& text, const Finding& coded, std::size_t coded_index) {
  if (text.paired_with) return *text.paired_with == coded_index;
  if (text.laterality != Laterality::Unknown && text.laterality != coded.laterality) return false;
  const Location& said = text.location;
  const Location& held = coded.location;
  if (said.clock_hour && held.clock_hour &&
      clock_distance(*said.clock_hour, *held.clock_hour) > 1 &&
      !clock_in_range(text, *held.clock_hour)) {
    return false;
  }
  if (said.quadrant && held.quadrant && *said.quadrant != *held.quadrant) return false;
  return !(said.region && held.region && *said.region != *held.region);
}

// A narrative finding (by index) and why row W8 keeps it.
struct KeptText {
  std::size_t index;
  TextDiscordance why;
};

// The narrative findings that may describe the coded finding being checked and that row W8 keeps
// as findings of their own for being more suspicious than the coded content, or uncertain about
// it (MoreSuspicious, MoreSuspiciousThanItsFinding, DoubtsItsFinding, NotPaired, NoCodedFinding
// for an unknown breast).
std::vector<KeptText> texts_above_this_finding(const RuleContext& context,
                                               std::string_view predicate) {
  const ExamContext& exam = exam_of(context, predicate);
  const Decision& decided = decision_of(context, predicate);
  std::vector<KeptText> above;
  if (exam.decisions == nullptr || exam.decisions->empty()) return above;
  const std::vector<Decision>& decisions = *exam.decisions;
  if (&decided < decisions.data() || &decided >= decisions.data() + decisions.size()) return above;
  const auto index = static_cast<std::size_t>(&decided - decisions.data());
  if (exam.findings.findings[index].origin == Origin::Narrative) return above;
  const Finding& coded = exam.findings.findings[index];
  for (const std::size_t j : exam.text_findings) {
    const Finding& text = exam.findings.findings[j];
    if (text.origin != Origin::Narrative || !may_describe(text, coded, index)) continue;
    const TextDiscordance why = discordance_of(exam, j);
    const bool above_it =
        category_rank(decisions[j].final_category) > category_rank(decided.final_category);
    const bool doubts = why == TextDiscordance::DoubtsItsFinding;
    const bool kept_for_more = why == TextDiscordance::MoreSuspicious ||
                               why == TextDiscordance::MoreSuspiciousThanItsFinding ||
                               why == TextDiscordance::NotPaired ||
                               why == TextDiscordance::NoCodedFinding;
    if (doubts || (kept_for_more && above_it)) above.push_back({j, why});
  }
  return above;
}

}  // namespace

bool text_more_suspicious_than_this_finding(const RuleContext& context) {
  return !texts_above_this_finding(context, __func__).empty();
}

std::vector<std::string> text_more_suspicious_than_this_finding_texts(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  const std::string this_one = words(decision_of(context, __func__).final_category);
  std::vector<std::string> texts;
  for (const KeptText& kept : texts_above_this_finding(context, __func__)) {
    const Decision& text = (*exam.decisions)[kept.index];
    const Finding& read = exam.findings.findings[kept.index];
    const std::string quote = read.text_sentences.empty()
                                  ? std::string()
                                  : ", \"" + read.text_sentences.front().text + "\"";
    std::string said = "the report text ";
    if (kept.why == TextDiscordance::DoubtsItsFinding) {
      said += "is uncertain about these calcifications (";
      said += text.id;
      said += quote;
      said += "), which this coded finding gives as ";
      said += this_one;
      said += " without doubt";
    } else {
      said += read.paired_with ? "describes" : "may describe";
      said += " these calcifications as ";
      said += words(text.final_category);
      said += " (";
      said += text.id;
      said += quote;
      said += "), more suspicious than this coded finding (";
      said += this_one;
      said += ")";
    }
    texts.push_back(said + ": check the coded content against the report text");
  }
  return texts;
}

std::vector<std::string> overall_discordant_texts(const RuleContext& context) {
  const ExamContext& exam = exam_of(context, __func__);
  return {"the report's overall assessment is " + words(*exam.findings.overall_category) +
          ", the calcification findings give " + words(*exam.findings_category) +
          "; the higher stands (the overall assessment may rest on other findings)"};
}

}  // namespace mammocalc::predicates
