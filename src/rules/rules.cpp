#include "rules/rules.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

#include "findings/lexicon.hpp"
#include "findings/readings.hpp"
#include "rules/rule_predicates.hpp"

namespace mammocalc {
namespace {

std::string presence_of_ultrasound(const Finding& finding) {
  if (finding.ultrasound_visible == Presence::Yes) return "yes (ultrasound correlate)";
  if (finding.mass_with_calcifications) return "yes (mass with calcifications)";
  if (finding.distribution && finding.distribution->term == Distribution::WithinMass) {
    return "yes (within a mass)";
  }
  return std::string(to_string(finding.ultrasound_visible));
}

// Appends one evidence item per value (or `when_empty` when there is none).
template <typename Range, typename Describe>
void add_each(std::vector<EvidenceItem>& evidence, const Range& values, Describe describe_value,
              const char* field, const char* when_empty) {
  if (values.empty() && when_empty != nullptr) evidence.push_back({field, when_empty, ""});
  std::transform(values.begin(), values.end(), std::back_inserter(evidence), describe_value);
}

// The evidence a rule read, taken from the fields it declares.
std::vector<EvidenceItem> gather_evidence(const Rule& rule, const RuleContext& context,
                                          const std::optional<Classification>& classification) {
  const Finding& finding = context.finding;
  std::vector<EvidenceItem> evidence;
  const unsigned fields = rule.evidence;
  if (fields & kEvidenceMorphology) {
    add_each(
        evidence, finding.morphology,
        [](const auto& coded) {
          return EvidenceItem{"morphology", std::string(to_string(coded.term)), coded.position};
        },
        "morphology", "none");
  }
  if (fields & kEvidenceDistribution) {
    if (!finding.distribution) {
      evidence.push_back({"distribution", "unknown", ""});
    } else {
      std::string value(to_string(finding.distribution->term));
      if (finding.distribution_implied) value += " (implied by the CAD cluster)";
      evidence.push_back({"distribution", value, finding.distribution->position});
    }
  }
  if (fields & kEvidenceSite) {
    std::string value = std::string(to_string(context.site.site)) + " (" +
                        std::string(to_string(context.site.source)) + ")";
    if (context.site.inferred && context.site.conflict) {
      value += "; inferred " + std::string(to_string(*context.site.inferred));
    }
    evidence.push_back({"site", value, ""});
  }
  if (fields & kEvidenceChange) {
    evidence.push_back({"change", std::string(to_string(finding.change)), ""});
  }
  if (fields & kEvidenceUltrasound) {
    evidence.push_back({"ultrasound-visible", presence_of_ultrasound(finding), ""});
  }
  if (fields & kEvidenceLaterality) {
    evidence.push_back({"laterality", std::string(to_string(finding.laterality)), ""});
  }
  if (fields & kEvidenceStereotacticObstacles) {
    add_each(
        evidence, predicates::stereotactic_obstacles(context),
        [](const std::string& obstacle) {
          return EvidenceItem{"stereotactic-obstacle", obstacle, ""};
        },
        "stereotactic-obstacle", nullptr);
  }
  if (fields & kEvidencePalpable) {
    evidence.push_back({"palpable", std::string(to_string(finding.palpable)), ""});
  }
  if (fields & kEvidencePriorResult) {
    add_each(
        evidence, finding.prior_results,
        [](PriorResult result) {
          return EvidenceItem{"prior-result", std::string(to_string(result)), ""};
        },
        "prior-result", "none");
  }
  if (fields & kEvidenceReportedCategory) {
    evidence.push_back({"reported-category",
                        finding.reported_category
                            ? std::string(to_string(*finding.reported_category)) + " (" +
                                  reported_source_words(finding) + ")"
                            : "none",
                        ""});
  }
  if (fields & kEvidenceReportedFollowUp) {
    add_each(
        evidence, finding.reported_follow_up,
        [](const Code& code) {
          return EvidenceItem{"reported-follow-up", describe(code), ""};
        },
        "reported-follow-up", nullptr);
    add_each(
        evidence, finding.reported_follow_up_intervals,
        [](const FollowUpInterval& interval) {
          return EvidenceItem{"reported-follow-up-interval", interval.words, interval.position};
        },
        "reported-follow-up-interval", nullptr);
  }
  if ((fields & kEvidenceClassification) && classification) {
    evidence.push_back({"classification", std::string(to_string(*classification)), ""});
  }
  if (fields & kEvidenceVacuumProfile) {
    evidence.push_back(
        {"site-profile",
         std::string("vacuum-assisted available: ") +
             (context.profile.vacuum_assisted_available ? "yes" : "no") +
             "; stereotactic available: " + (context.profile.stereotactic_available ? "yes" : "no"),
         ""});
  }
  if (fields & kEvidenceReadings) {
    std::string value = std::to_string(context.readings) + " (annotated";
    if (context.readings > 1) value += ", and the SR's own values";
    if (context.set_aside_category) {
      value += "; the annotated gives " + std::string(to_string(*context.set_aside_category));
    }
    evidence.push_back({"readings", value + ")", ""});
  }
  if ((fields & kEvidenceExam) && context.exam != nullptr) {
    const ExamContext& exam = *context.exam;
    evidence.push_back({"findings", std::to_string(exam.findings.findings.size()), ""});
    if (exam.findings_category) {
      evidence.push_back(
          {"findings-category", std::string(to_string(*exam.findings_category)), ""});
    }
    evidence.push_back({"reported-overall-category",
                        exam.findings.overall_category
                            ? std::string(to_string(*exam.findings.overall_category))
                            : "none",
                        ""});
    add_each(
        evidence, exam.findings.overall_follow_up,
        [](const Code& code) {
          return EvidenceItem{"reported-overall-follow-up", describe(code), ""};
        },
        "reported-overall-follow-up", nullptr);
  }
  if ((fields & kEvidenceLesion) && finding.lesion) {
    evidence.push_back({"finding-code", describe(finding.lesion->code), finding.lesion->position});
  }
  if (fields & kEvidenceUnreadSuspicious) {
    add_each(
        evidence, finding.unread_suspicious,
        [](const GivenValue& given) {
          return EvidenceItem{"unread-item", given.words, given.position};
        },
        "unread-item", nullptr);
  }
  if (fields & kEvidenceBothered) {
    evidence.push_back(
        {"bothered-by-deposit", finding.procedure.bothered_by_deposit ? "yes" : "no", ""});
  }
  return evidence;
}

FiredRule fire(const Rule& rule, const RuleContext& context) {
  const bool variant = rule.variant_when != nullptr && rule.variant_when(context);
  return FiredRule{&rule, variant ? rule.variant : rule.outcome,
                   gather_evidence(rule, context, context.classification)};
}

template <typename Visit>
void for_each_rule_of(Stage stage, Visit visit) {
  for (const Rule& rule : rule_table()) {
    if (rule.stage == stage) {
      if (!visit(rule)) return;
    }
  }
}

void assess_site(RuleContext& context, Decision& decision) {
  const Rule* chosen = nullptr;
  for_each_rule_of(Stage::Site, [&](const Rule& rule) {
    if (!rule.applies(context)) return true;
    if (chosen == nullptr) {
      chosen = &rule;
      decision.trace.push_back(fire(rule, context));
      const Outcome& outcome = decision.trace.back().outcome;  // the variant, where it applied
      context.site.site = outcome.site_as_stated ? context.finding.stated_site
                                                 : outcome.site.value_or(Site::Unknown);
      context.site.source = outcome.site_source;
    }
    if (rule.outcome.site_source == SiteSource::Inferred && !context.site.inferred) {
      context.site.inferred = rule.outcome.site;
      if (chosen != &rule && *context.site.inferred != context.site.site) {
        context.site.conflict = true;
        decision.trace.push_back(fire(rule, context));
      }
    }
    return true;
  });
  decision.site = context.site;
}

void assess_category(RuleContext& context, Decision& decision) {
  std::optional<Category> category;
  const auto contribute = [&](const Rule& rule) {
    if (!rule.applies(context)) return true;
    FiredRule fired = fire(rule, context);
    if (fired.outcome.benign_categories_void) context.benign_categories_void = true;
    // The row is traced either way, so the reader sees which benign reading was set aside.
    const bool counts =
        !(context.benign_categories_void && fired.outcome.category &&
          category_rank(*fired.outcome.category) <= category_rank(Category::ProbablyBenign3));
    if (fired.outcome.category && counts) {
      category =
          category ? more_suspicious(*category, *fired.outcome.category) : *fired.outcome.category;
    }
    if (!fired.outcome.category_floor && counts) ++context.category_rules_fired;
    decision.trace.push_back(std::move(fired));
    return true;
  };
  for_each_rule_of(Stage::Category, contribute);
  for_each_rule_of(Stage::CategoryFallback, contribute);
  decision.rule_category = category.value_or(Category::Incomplete0);
}

void assess_reported(RuleContext& context, Decision& decision) {
  const Finding& finding = context.finding;
  decision.reported_category = finding.reported_category;
  decision.final_category = decision.rule_category;
  for_each_rule_of(Stage::Assessment, [&](const Rule& rule) {
    if (!rule.applies(context)) return true;
    decision.trace.push_back(fire(rule, context));
    // Under C14 a reported 1-3 counts no more than the rules' own: it is shown, never applied.
    const Category reported = *finding.reported_category;
    const bool voided = context.benign_categories_void &&
                        category_rank(reported) <= category_rank(Category::ProbablyBenign3);
    if (!voided) decision.final_category = more_suspicious(decision.rule_category, reported);
    return true;
  });
  decision.classification = classification_for(decision.final_category);
  context.classification = decision.classification;
}

std::string needle_gauge(Needle needle, const SiteProfile& profile) {
  switch (needle) {
    case Needle::Core:
      return profile.core_needle_gauge;
    case Needle::VacuumAssisted:
      return profile.vacuum_needle_gauge;
    case Needle::Localization:
      return profile.localization_needle_gauge;
  }
  return {};
}

void apply_biopsy_outcome(const Outcome& outcome, const std::string& rule_id,
                          const SiteProfile& profile, Recommendation& recommendation) {
  recommendation.biopsy = outcome.biopsy;
  recommendation.guidance = outcome.guidance;
  recommendation.needle = outcome.needle ? needle_gauge(*outcome.needle, profile) : "";
  recommendation.biopsy_rule = rule_id;
  if (outcome.follow_up) recommendation.follow_up = outcome.follow_up;
}

void recommend(RuleContext& context, Decision& decision) {
  Recommendation& recommendation = decision.recommendation;
  for_each_rule_of(Stage::Recommendation, [&](const Rule& rule) {
    if (!rule.applies(context)) return true;
    FiredRule fired = fire(rule, context);
    const Outcome& outcome = fired.outcome;
    if (outcome.action) {
      recommendation.action = *outcome.action;
      recommendation.action_rule = std::string(rule.id);
      recommendation.follow_up = outcome.follow_up;
    }
    if (outcome.biopsy)
      apply_biopsy_outcome(outcome, std::string(rule.id), context.profile, recommendation);
    if (!outcome.note.empty()) {
      recommendation.notes.emplace_back(std::string(rule.id), std::string(outcome.note));
    }
    decision.trace.push_back(std::move(fired));
    return true;
  });
  if (recommendation.action != Action::Biopsy) return;
  for_each_rule_of(Stage::BiopsyType, [&](const Rule& rule) {
    if (!rule.applies(context)) return true;
    FiredRule fired = fire(rule, context);
    apply_biopsy_outcome(fired.outcome, std::string(rule.id), context.profile, recommendation);
    decision.trace.push_back(std::move(fired));
    return false;  // first applicable row wins
  });
}

// The warnings a fired row gives, each naming the row.
void add_warnings(const FiredRule& fired, const RuleContext& context,
                  std::vector<Warning>& warnings) {
  if (fired.outcome.warning_texts == nullptr) return;
  std::vector<std::string> texts = fired.outcome.warning_texts(context);
  std::transform(texts.begin(), texts.end(), std::back_inserter(warnings), [&](std::string& text) {
    return Warning{*fired.outcome.warning, std::move(text), std::string(fired.rule->id), ""};
  });
}

bool any_needs_review(const std::vector<FiredRule>& trace) {
  return std::any_of(trace.begin(), trace.end(),
                     [](const FiredRule& fired) { return fired.outcome.needs_review; });
}

// The check rows (W) on the reading that classifies: each warns with its own texts.
void check(RuleContext& context, Decision& decision) {
  context.decided = &decision;
  for_each_rule_of(Stage::Check, [&](const Rule& rule) {
    if (!rule.applies(context)) return true;
    FiredRule fired = fire(rule, context);
    add_warnings(fired, context, decision.warnings);
    decision.trace.push_back(std::move(fired));
    return true;
  });
  context.decided = nullptr;
  decision.needs_review = any_needs_review(decision.trace);
}

struct Reading {
  RuleContext context;
  Decision decision;
  std::size_t base = 0;  // 0: the finding as merged; 1…: its other_readings (annotations)
};

Reading decide_reading(const Finding& finding, const SiteProfile& profile, std::size_t base,
                       std::string values) {
  Reading reading{RuleContext{finding, profile, SiteAssessment{}, 0, std::nullopt, nullptr, 1,
                              std::nullopt, nullptr, std::move(values)},
                  Decision{}, base};
  assess_site(reading.context, reading.decision);
  assess_category(reading.context, reading.decision);
  assess_reported(reading.context, reading.decision);
  recommend(reading.context, reading.decision);
  return reading;
}

// Classifies the finding and every other reading of it: the SR's own values where an annotation
// changed them, and every combination of the values a field was given twice (§1, "every item
// counts"). The most suspicious reading decides, the first of equals.
Decision decide(const Finding& finding, const SiteProfile& profile, std::size_t index) {
  std::vector<const Finding*> bases{&finding};
  std::transform(finding.other_readings.begin(), finding.other_readings.end(),
                 std::back_inserter(bases), [](const Finding& other) { return &other; });
  std::vector<ValueReading> expanded;  // owns the findings the readings' contexts refer to
  std::vector<std::size_t> base_of;
  bool cut = false;
  for (std::size_t base = 0; base < bases.size(); ++base) {
    bool base_cut = false;
    for (ValueReading& reading : value_readings(*bases[base], base_cut)) {
      expanded.push_back(std::move(reading));
      base_of.push_back(base);
    }
    cut = cut || base_cut;
  }
  std::vector<Reading> readings;
  readings.reserve(expanded.size());
  for (std::size_t i = 0; i < expanded.size(); ++i) {
    readings.push_back(
        decide_reading(expanded[i].finding, profile, base_of[i], expanded[i].values));
  }
  // Of equal ranks the subcategory (4A over 4), then the more urgent action and the more
  // invasive biopsy type stand, so the order of the sources never decides the recommendation.
  const auto key = [](const Reading& reading) {
    const Decision& d = reading.decision;
    return std::make_tuple(
        category_rank(d.final_category), static_cast<int>(d.final_category),
        action_urgency(d.recommendation.action),
        d.recommendation.biopsy ? static_cast<int>(*d.recommendation.biopsy) : -1);
  };
  const auto chosen =
      std::max_element(readings.begin(), readings.end(),
                       [&](const Reading& a, const Reading& b) { return key(a) < key(b); });
  chosen->context.readings = bases.size();
  chosen->context.as_read = &finding;
  if (chosen->base != 0) {
    chosen->context.set_aside_category = readings.front().decision.final_category;
  }
  Decision decision = std::move(chosen->decision);
  check(chosen->context, decision);
  decision.id = "F" + std::to_string(index + 1);
  if (cut) {
    decision.warnings.push_back(
        {WarningCode::ConflictingValues,
         "the values given twice combine into more readings than are classified; the most "
         "suspicious may not be among them",
         "", finding.position});
  }
  for (const auto& note : finding.notes) {
    decision.warnings.push_back({note.code, note.text, "", note.position});
  }
  return decision;
}

// The indices of the findings that `keep` keeps (ExamContext::text_findings, result_holders):
// the rows of every finding look at these, not at all findings again.
template <typename Keep>
std::vector<std::size_t> indices_of(const Findings& findings, Keep keep) {
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < findings.findings.size(); ++i) {
    if (keep(findings.findings[i])) indices.push_back(i);
  }
  return indices;
}

// The check rows that weigh the report's overall statements against each finding, once every
// finding is decided (an overall category may rest on any finding of its breast).
void check_against_overall(const Findings& findings, std::vector<Decision>& decisions,
                           const SiteProfile& profile) {
  static const std::vector<Action> no_actions;
  const ExamContext exam_context(findings, std::nullopt, no_actions, &decisions);
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    Decision& decision = decisions[i];
    RuleContext context{findings.findings[i],
                        profile,
                        decision.site,
                        0,
                        decision.classification,
                        &decision,
                        1,
                        std::nullopt,
                        &exam_context,
                        "",
                        &findings.findings[i]};
    for_each_rule_of(Stage::OverallCheck, [&](const Rule& rule) {
      if (!rule.applies(context)) return true;
      FiredRule fired = fire(rule, context);
      add_warnings(fired, context, decision.warnings);
      decision.trace.push_back(std::move(fired));
      return true;
    });
    decision.needs_review = any_needs_review(decision.trace);
  }
}

// Exam rows read only context.exam; the finding their context must refer to is this empty one.
const Finding& no_finding() {
  static const Finding finding{};
  return finding;
}

// The exam rows (E): the exam's category, and what the report's overall assessment says of it.
void assess_exam(const ExamContext& exam_context, const SiteProfile& profile, ExamSummary& exam) {
  RuleContext context{
      no_finding(),  profile, SiteAssessment{}, 0, std::nullopt, nullptr, 1, std::nullopt,
      &exam_context, "",      nullptr};
  for_each_rule_of(Stage::Exam, [&](const Rule& rule) {
    if (!rule.applies(context)) return true;
    FiredRule fired = fire(rule, context);
    if (fired.outcome.exam_basis) {
      exam.category = exam_category_from(*fired.outcome.exam_basis, exam_context.findings_category,
                                         exam_context.findings.overall_category);
    }
    if (fired.outcome.counts_unassessed_findings) {
      const std::optional<Category> unassessed =
          unassessed_category(exam_context.findings, Laterality::Unknown);
      if (unassessed) {
        exam.category = exam.category ? more_suspicious(*exam.category, *unassessed) : *unassessed;
      }
    }
    add_warnings(fired, context, exam.warnings);
    exam.trace.push_back(std::move(fired));
    return true;
  });
  // An exam_incomplete row: what was not read may be suspicious; only 4 and above outrank it.
  const bool incomplete =
      std::any_of(exam.trace.begin(), exam.trace.end(), [&](const FiredRule& fired) {
        return fired.outcome.exam_incomplete ||
               (fired.outcome.counts_unassessed_findings &&
                unassessed_incomplete(exam_context.findings, Laterality::Unknown));
      });
  if (incomplete &&
      (!exam.category || category_rank(*exam.category) < category_rank(Category::LowSuspicion4A))) {
    exam.category = Category::Incomplete0;
    exam.category_source = "incomplete";
  } else if (!exam.category) {
    exam.category_source = "none";
  } else if (exam.category == exam_context.findings_category) {
    exam.category_source = "findings";
  } else {
    exam.category_source = "report";
  }
}

// The action rows A1, A4, A5, A7 and A8 give a finding of each classification.
Action action_implied(Classification classification) {
  switch (classification) {
    case Classification::Benign:
      return Action::RoutineScreening;
    case Classification::ProbablyBenign:
      return Action::ShortIntervalFollowUp;
    case Classification::Indeterminate:
      return Action::AdditionalImaging;
    case Classification::Suspicious:
      return Action::Biopsy;
    case Classification::KnownMalignancy:
      return Action::SurgicalConsult;
  }
  return Action::AdditionalImaging;
}

ExamSummary summarise_exam(const Findings& findings, const std::vector<Decision>& decisions,
                           const SiteProfile& profile) {
  ExamSummary exam;
  std::set<Action> actions;
  const auto add_to_breast = [&](Laterality laterality, const Decision& decision) {
    auto found = std::find_if(exam.breasts.begin(), exam.breasts.end(),
                              [&](const BreastSummary& b) { return b.laterality == laterality; });
    if (found == exam.breasts.end()) {
      exam.breasts.push_back({laterality, decision.final_category, decision.classification, 1});
      return;
    }
    found->category = more_suspicious(found->category, decision.final_category);
    found->classification = classification_for(found->category);
    ++found->findings;
  };
  std::optional<Category> findings_category;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const Decision& decision = decisions[i];
    const Finding& finding = findings.findings[i];
    if (finding.laterality == Laterality::Both) {
      add_to_breast(Laterality::Right, decision);
      add_to_breast(Laterality::Left, decision);
    } else {
      add_to_breast(finding.laterality, decision);
    }
    findings_category = findings_category
                            ? more_suspicious(*findings_category, decision.final_category)
                            : decision.final_category;
    actions.insert(decision.recommendation.action);
  }
  exam.actions.assign(actions.begin(), actions.end());
  std::vector<Decision> hidden;
  for (std::size_t k = 0; k < findings.not_for_presentation.size(); ++k) {
    hidden.push_back(
        decide(findings.not_for_presentation[k], profile, findings.findings.size() + k));
  }
  // The breasts of the hidden CAD findings E23 weighs (read before the context takes them).
  std::vector<Laterality> hidden_breasts;
  for (std::size_t k = 0; k < hidden.size(); ++k) {
    if (!predicates::plainly_benign(hidden[k])) {
      hidden_breasts.push_back(findings.not_for_presentation[k].laterality);
    }
  }
  assess_exam(ExamContext(findings, findings_category, exam.actions, &decisions, std::move(hidden)),
              profile, exam);
  const bool counts_unassessed =
      std::any_of(exam.trace.begin(), exam.trace.end(),
                  [](const FiredRule& fired) { return fired.outcome.counts_unassessed_findings; });
  if (counts_unassessed) {
    // A breast the report assesses only through such a finding has a row of its own, with no
    // calcification finding: else its 4 or 5 would show on no breast line (hostile review 28,
    // H28-14, a left mass beside right calcifications; a mass of both breasts).
    for (const UnassessedFinding& unassessed : findings.unassessed_findings) {
      for (const Laterality breast : {Laterality::Right, Laterality::Left}) {
        const bool listed =
            std::any_of(exam.breasts.begin(), exam.breasts.end(),
                        [&](const BreastSummary& b) { return b.laterality == breast; });
        const bool about =
            unassessed.laterality == breast || unassessed.laterality == Laterality::Both;
        if (listed || !about) continue;
        // Its category, or 0 for what the rules do not weigh (every unassessed finding has one
        // or the other); the loop below settles the row.
        const Category category = unassessed.category.value_or(Category::Incomplete0);
        exam.breasts.push_back({breast, category, classification_for(category), 0});
      }
    }
  }
  for (BreastSummary& breast : exam.breasts) {
    if (!counts_unassessed || breast.laterality == Laterality::Unknown) continue;
    if (const auto unassessed = unassessed_category(findings, breast.laterality)) {
      breast.category = more_suspicious(breast.category, *unassessed);
    }
    // What the rules do not weigh may be suspicious: the breast is never benign or probably
    // benign beside it (hostile review 28, H28-15).
    if (unassessed_incomplete(findings, breast.laterality) &&
        category_rank(breast.category) < category_rank(Category::LowSuspicion4A)) {
      breast.category = Category::Incomplete0;
    }
    breast.classification = classification_for(breast.category);
  }
  const bool hidden_weighed =
      std::any_of(exam.trace.begin(), exam.trace.end(),
                  [](const FiredRule& fired) { return fired.outcome.rows_of_hidden_findings; });
  // After E15's rows (which may raise a row to 3): a breast holding a CAD finding E23 weighs is
  // never benign or "no calcification finding" beside it: a row of 0 unless 4 or above, as the exam
  // (hostile review 85: the breast said no calcification finding while the warning named a hidden
  // suspicious one there).
  for (const Laterality hidden_breast : hidden_breasts) {
    if (!hidden_weighed) break;
    for (const Laterality breast : {Laterality::Right, Laterality::Left}) {
      // One of unknown breast is said on the exam only.
      if (hidden_breast != breast && hidden_breast != Laterality::Both) continue;
      auto row = std::find_if(exam.breasts.begin(), exam.breasts.end(),
                              [&](const BreastSummary& b) { return b.laterality == breast; });
      if (row == exam.breasts.end()) {
        exam.breasts.push_back(
            {breast, Category::Incomplete0, classification_for(Category::Incomplete0), 0});
      } else if (category_rank(row->category) < category_rank(Category::LowSuspicion4A)) {
        row->category = Category::Incomplete0;
        row->classification = classification_for(row->category);
      }
    }
  }
  if (counts_unassessed) {
    // The exam's actions never sit below what a breast's category implies: a 4 or 5 that a
    // finding the rules do not assess gave (E15) listed routine screening alone (hostile review
    // 30, H30-10).
    for (const BreastSummary& breast : exam.breasts) {
      actions.insert(action_implied(breast.classification));
    }
  }
  // E24: a category the report states for one breast ("Left breast: BI-RADS 4") is that
  // breast's.
  const bool rows_take_stated =
      std::any_of(exam.trace.begin(), exam.trace.end(),
                  [](const FiredRule& fired) { return fired.outcome.rows_take_stated_categories; });
  for (const OverallStatement& statement : findings.overall_statements) {
    if (!rows_take_stated) break;
    if (!statement.category || statement.laterality == Laterality::Unknown) continue;
    for (const Laterality side : {Laterality::Right, Laterality::Left}) {
      if (!speaks_for(statement.laterality, side)) continue;
      auto row = std::find_if(exam.breasts.begin(), exam.breasts.end(),
                              [&](const BreastSummary& b) { return b.laterality == side; });
      if (row == exam.breasts.end()) {
        if (category_rank(*statement.category) <= category_rank(Category::Benign2)) continue;
        exam.breasts.push_back(
            {side, *statement.category, classification_for(*statement.category), 0});
      } else if (category_rank(*statement.category) > category_rank(row->category)) {
        // A row of 0 stays 0 beside a stated 3 (hostile review 83: "Possibly dystrophic …" and
        // "BI-RADS 3 left" showed the row probably benign). Its action still joins the exam's.
        const bool stays_incomplete =
            row->category == Category::Incomplete0 &&
            category_rank(*statement.category) < category_rank(Category::LowSuspicion4A);
        if (!stays_incomplete) {
          row->category = *statement.category;
          row->classification = classification_for(row->category);
        }
      } else {
        continue;
      }
      actions.insert(action_implied(classification_for(*statement.category)));
    }
  }
  // In breast order, the rows E15 and stated categories added among them.
  std::sort(exam.breasts.begin(), exam.breasts.end(),
            [](const BreastSummary& a, const BreastSummary& b) {
              return static_cast<int>(a.laterality) < static_cast<int>(b.laterality);
            });
  // An exam suspicious by a category no breast holds (an overall 4 or 5 of no breast) still asks
  // for tissue (hostile review 84: its only action was routine screening).
  if (exam.category && category_rank(*exam.category) >= category_rank(Category::LowSuspicion4A)) {
    actions.insert(action_implied(classification_for(*exam.category)));
  }
  exam.actions.assign(actions.begin(), actions.end());
  exam.reported_category = findings.overall_category;
  exam.reported_follow_up = findings.overall_follow_up;
  if (exam.category) exam.classification = classification_for(*exam.category);
  exam.needs_review = any_needs_review(exam.trace) ||
                      std::any_of(decisions.begin(), decisions.end(),
                                  [](const Decision& decision) { return decision.needs_review; });
  return exam;
}

}  // namespace

ExamContext::ExamContext(const Findings& exam_findings, std::optional<Category> category,
                         const std::vector<Action>& exam_actions,
                         const std::vector<Decision>* exam_decisions,
                         std::vector<Decision> hidden_decisions)
    : findings(exam_findings),
      findings_category(category),
      actions(exam_actions),
      decisions(exam_decisions),
      text_discordances(exam_decisions != nullptr
                            ? predicates::text_discordances(exam_findings, *exam_decisions)
                            : std::vector<TextDiscordance>()),
      text_findings(indices_of(exam_findings,
                               [](const Finding& f) { return f.origin == Origin::Narrative; })),
      result_holders(indices_of(exam_findings,
                                [](const Finding& f) { return f.results_by_breast.has_value(); })),
      follow_up_urgencies(predicates::statement_follow_up_urgencies(exam_findings)),
      not_for_presentation(std::move(hidden_decisions)) {}

std::optional<Category> unassessed_category(const Findings& findings, Laterality breast) {
  std::optional<Category> highest;
  for (const UnassessedFinding& unassessed : findings.unassessed_findings) {
    // One of unknown breast may be about either breast: it counts for both.
    if (!speaks_for(unassessed.laterality, breast) || !unassessed.category) continue;
    highest = highest ? more_suspicious(*highest, *unassessed.category) : *unassessed.category;
  }
  return highest;
}

bool unassessed_incomplete(const Findings& findings, Laterality breast) {
  return std::any_of(findings.unassessed_findings.begin(), findings.unassessed_findings.end(),
                     [&](const UnassessedFinding& unassessed) {
                       return speaks_for(unassessed.laterality, breast) &&
                              !unassessed.not_weighed.empty();
                     });
}

std::optional<Category> exam_category_from(ExamBasis basis,
                                           const std::optional<Category>& findings_category,
                                           const std::optional<Category>& reported_category) {
  switch (basis) {
    case ExamBasis::Findings:
      return findings_category;
    case ExamBasis::Report:
      return reported_category;
    case ExamBasis::HigherOfBoth:
      if (findings_category && reported_category) {
        return more_suspicious(*findings_category, *reported_category);
      }
      return findings_category ? findings_category : reported_category;  // none when neither
  }
  return findings_category;
}

std::string describe_outcome(const Outcome& outcome, Stage stage, const Decision* decision,
                             OutcomeDetail detail) {
  std::string text;
  const auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
  if (outcome.site_as_stated) {
    add(decision != nullptr ? "site " + std::string(to_string(decision->site.site)) + " as stated"
                            : std::string("site as stated"));
  }
  if (outcome.site) add("site " + std::string(to_string(*outcome.site)));
  if (outcome.category) add("category " + std::string(to_string(*outcome.category)));
  if (stage == Stage::Assessment && decision != nullptr) {
    add("final category " + std::string(to_string(decision->final_category)));
  }
  if (outcome.exam_basis) add("exam category " + std::string(to_string(*outcome.exam_basis)));
  if (outcome.exam_incomplete) add("exam category 0 (incomplete) unless 4 or above");
  if (outcome.counts_unassessed_findings) {
    add("breast and exam category at least the own category of a finding the rules do not "
        "assess");
  }
  if (outcome.rows_of_hidden_findings) {
    add("the breast of a CAD finding not for presentation it weighs 0 unless 4 or above");
  }
  if (outcome.rows_take_stated_categories) {
    add("a breast's row and the exam's actions at least the category the report states for it");
  }
  if (outcome.action) add("action " + std::string(to_string(*outcome.action)));
  if (outcome.biopsy) add("biopsy " + std::string(to_string(*outcome.biopsy)));
  if (outcome.guidance) add("guidance " + std::string(to_string(*outcome.guidance)));
  const bool full = detail == OutcomeDetail::Full;
  if (full && outcome.follow_up) {
    add("follow-up (" + std::string(outcome.follow_up->value) + ", " +
        std::string(outcome.follow_up->scheme) + ")");
  }
  if (!outcome.note.empty()) add(full ? "note: " + std::string(outcome.note) : "note");
  if (outcome.warning) add("warning " + std::string(to_string(*outcome.warning)));
  if (outcome.needs_review) add("needs radiologist review");
  return text;
}

std::string describe_outcome(const FiredRule& fired, const Decision* decision) {
  return describe_outcome(fired.outcome, fired.rule->stage, decision, OutcomeDetail::Trace);
}

std::string describe_outcome(const Rule& rule) {
  if (rule.stage == Stage::Assessment) {
    return "final category = the higher of the rules' and the reported; warn when discordant";
  }
  std::string text = describe_outcome(rule.outcome, rule.stage, nullptr, OutcomeDetail::Full);
  if (rule.variant_when != nullptr) {
    text += "; " + describe_outcome(rule.variant, rule.stage, nullptr, OutcomeDetail::Full) +
            " when " + std::string(rule.variant_label);
  }
  return text;
}

int action_urgency(Action action) {
  switch (action) {
    case Action::RoutineScreening:
      return 1;
    case Action::ShortIntervalFollowUp:
      return 2;
    case Action::AdditionalImaging:
      return 3;
    case Action::Biopsy:
      return 4;
    case Action::SurgicalConsult:
      return 5;
  }
  return 3;
}

Classification classification_for(Category category) {
  switch (category) {
    case Category::Negative1:
    case Category::Benign2:
      return Classification::Benign;
    case Category::ProbablyBenign3:
      return Classification::ProbablyBenign;
    case Category::Suspicious4:
    case Category::LowSuspicion4A:
    case Category::ModerateSuspicion4B:
    case Category::HighSuspicion4C:
    case Category::HighlySuggestive5:
      return Classification::Suspicious;
    case Category::KnownMalignancy6:
      return Classification::KnownMalignancy;
    case Category::Incomplete0:
      return Classification::Indeterminate;
  }
  return Classification::Indeterminate;
}

namespace {

// Row W8, before the overall checks and the exam: a narrative finding of a report with coded
// findings that a coded finding holds (it restates one, or is benign beside coded findings as
// suspicious) is no finding of its own; its mentions then point at the coded finding they restate
// and say what became of them. The others stay, and the exam row W8 warns about each.
void keep_text_findings_coded_ones_do_not_hold(Findings& findings,
                                               std::vector<Decision>& decisions) {
  if (findings.text_use != Findings::TextUse::Paired) return;
  const std::size_t count = findings.findings.size();
  std::vector<std::optional<std::size_t>> kept_as(count);
  std::vector<TextCrossCheck> outcome(count, TextCrossCheck::None);
  std::size_t next = 0;
  const std::vector<TextDiscordance> discordances =
      predicates::text_discordances(findings, decisions);
  for (std::size_t i = 0; i < count; ++i) {
    const Finding& finding = findings.findings[i];
    if (finding.origin == Origin::Narrative && discordances[i] == TextDiscordance::None) {
      outcome[i] = finding.paired_with ? TextCrossCheck::Restates : TextCrossCheck::Covered;
      continue;
    }
    if (finding.origin == Origin::Narrative) outcome[i] = TextCrossCheck::Discordant;
    kept_as[i] = next++;
  }
  for (TextMention& mention : findings.text_mentions) {
    std::vector<std::size_t> now;
    const auto add = [&now](std::size_t index) {
      if (std::find(now.begin(), now.end(), index) == now.end()) now.push_back(index);
    };
    for (const std::size_t index : mention.findings) {
      if (index >= count) continue;
      mention.cross_check = std::max(mention.cross_check, outcome[index]);
      const std::optional<std::size_t> paired = findings.findings[index].paired_with;
      if (paired && kept_as[*paired]) {
        if (std::find(mention.paired_with.begin(), mention.paired_with.end(), *kept_as[*paired]) ==
            mention.paired_with.end()) {
          mention.paired_with.push_back(*kept_as[*paired]);
        }
      }
      if (kept_as[index]) {
        add(*kept_as[index]);
      } else if (paired && kept_as[*paired]) {
        add(*kept_as[*paired]);
      }
    }
    mention.findings = std::move(now);
  }
  std::vector<Finding> kept_findings;
  std::vector<Decision> kept_decisions;
  for (std::size_t i = 0; i < count; ++i) {
    if (!kept_as[i]) continue;
    Finding& finding = findings.findings[i];
    if (finding.paired_with) finding.paired_with = kept_as[*finding.paired_with];
    kept_findings.push_back(std::move(finding));
    kept_decisions.push_back(std::move(decisions[i]));
    kept_decisions.back().id = "F" + std::to_string(kept_decisions.size());
  }
  findings.findings = std::move(kept_findings);
  decisions = std::move(kept_decisions);
}

}  // namespace

Report evaluate(Findings findings, const SiteProfile& profile) {
  Report report;
  report.profile = profile;
  report.decisions.reserve(findings.findings.size());
  for (std::size_t i = 0; i < findings.findings.size(); ++i) {
    report.decisions.push_back(decide(findings.findings[i], profile, i));
  }
  keep_text_findings_coded_ones_do_not_hold(findings, report.decisions);
  check_against_overall(findings, report.decisions, profile);
  report.exam = summarise_exam(findings, report.decisions, profile);
  report.input = std::move(findings);
  return report;
}

std::string_view to_string(Classification classification) {
  switch (classification) {
    case Classification::Benign:
      return "benign";
    case Classification::ProbablyBenign:
      return "probably-benign";
    case Classification::Suspicious:
      return "suspicious";
    case Classification::KnownMalignancy:
      return "known-malignancy";
    case Classification::Indeterminate:
      return "indeterminate";
  }
  return "indeterminate";
}

std::string_view to_string(Action action) {
  switch (action) {
    case Action::RoutineScreening:
      return "routine-screening";
    case Action::ShortIntervalFollowUp:
      return "short-interval-follow-up";
    case Action::AdditionalImaging:
      return "additional-imaging";
    case Action::Biopsy:
      return "biopsy";
    case Action::SurgicalConsult:
      return "surgical-consult";
  }
  return "additional-imaging";
}

std::string_view to_string(BiopsyType type) {
  switch (type) {
    case BiopsyType::Core:
      return "core";
    case BiopsyType::Stereotactic:
      return "stereotactic";
    case BiopsyType::VacuumAssisted:
      return "vacuum-assisted";
    case BiopsyType::WireLocalization:
      return "wire-localization";
  }
  return "core";
}

std::string_view to_string(Guidance guidance) {
  switch (guidance) {
    case Guidance::Ultrasound:
      return "ultrasound";
    case Guidance::Stereotactic:
      return "stereotactic";
    case Guidance::Mammographic:
      return "mammographic";
  }
  return "mammographic";
}

std::string_view to_string(ExamBasis basis) {
  switch (basis) {
    case ExamBasis::Findings:
      return "from the findings";
    case ExamBasis::Report:
      return "from the report";
    case ExamBasis::HigherOfBoth:
      return "the higher of the findings' and the report's";
  }
  return "from the findings";
}

std::string_view to_string(Stage stage) {
  switch (stage) {
    case Stage::Site:
      return "site";
    case Stage::Category:
      return "category";
    case Stage::CategoryFallback:
      return "category-fallback";
    case Stage::Assessment:
      return "assessment";
    case Stage::Recommendation:
      return "recommendation";
    case Stage::BiopsyType:
      return "biopsy-type";
    case Stage::Check:
      return "check";
    case Stage::OverallCheck:
      return "overall-check";
    case Stage::Exam:
      return "exam";
  }
  return "category";
}

}  // namespace mammocalc
