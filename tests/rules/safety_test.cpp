// Walks every combination of morphology (none, one or two terms) × distribution × site ×
// change × ultrasound visibility × laterality and asserts the safety properties of
// decision-logic.md. The notions "suspicious feature" and "unknown evidence" are written out
// here from the document, independently of the rule predicates, so a wrong predicate shows.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <vector>

#include "test_support.hpp"

namespace mammocalc {
namespace {

using M = Morphology;
using D = Distribution;

const std::vector<M> kAllMorphology{M::Skin,
                                    M::Vascular,
                                    M::CoarsePopcorn,
                                    M::LargeRodLike,
                                    M::Round,
                                    M::Punctate,
                                    M::Rim,
                                    M::LucentCentred,
                                    M::Dystrophic,
                                    M::MilkOfCalcium,
                                    M::Suture,
                                    M::Amorphous,
                                    M::CoarseHeterogeneous,
                                    M::FinePleomorphic,
                                    M::FineLinear,
                                    M::FineLinearBranching,
                                    M::Microcalcifications,
                                    M::Macrocalcifications,
                                    M::Unrecognised};
const std::vector<std::optional<D>> kAllDistributions{
    std::nullopt, D::Diffuse,    D::Regional,    D::Grouped,     D::Linear,
    D::Segmental, D::WithinMass, D::OutsideMass, D::Unrecognised};
const std::vector<std::pair<Site, SiteSource>> kAllSites{{Site::Unknown, SiteSource::None},
                                                         {Site::Ductal, SiteSource::Sr},
                                                         {Site::Lobular, SiteSource::Sr},
                                                         {Site::Ductal, SiteSource::Annotation},
                                                         {Site::Lobular, SiteSource::Annotation}};
const std::vector<Change> kAllChanges{Change::Unknown, Change::New, Change::Increased,
                                      Change::Stable, Change::Decreased};
const std::vector<Presence> kAllUltrasound{Presence::Unknown, Presence::Yes, Presence::No};
const std::vector<Laterality> kAllLateralities{Laterality::Right, Laterality::Both};

bool has(const Finding& f, M term) {
  return std::any_of(f.morphology.begin(), f.morphology.end(),
                     [&](const auto& coded) { return coded.term == term; });
}
bool any_of_terms(const Finding& f, std::initializer_list<M> terms) {
  return std::any_of(terms.begin(), terms.end(), [&](M t) { return has(f, t); });
}
bool dist_is(const Finding& f, D d) { return f.distribution && f.distribution->term == d; }
bool ductal_arrangement(const Finding& f) {
  return dist_is(f, D::Linear) || dist_is(f, D::Segmental);
}
bool typically_benign(M t) {
  return t == M::Skin || t == M::Vascular || t == M::CoarsePopcorn || t == M::LargeRodLike ||
         t == M::Round || t == M::Punctate || t == M::Rim || t == M::LucentCentred ||
         t == M::Dystrophic || t == M::MilkOfCalcium || t == M::Suture;
}

// decision-logic.md §2, S3.
bool inferred_ductal(const Finding& f) {
  return any_of_terms(
             f, {M::FinePleomorphic, M::FineLinear, M::FineLinearBranching, M::LargeRodLike}) ||
         ductal_arrangement(f);
}
// decision-logic.md §2, S4.
bool inferred_lobular(const Finding& f) {
  const bool lobular_forms =
      !f.morphology.empty() &&
      std::all_of(f.morphology.begin(), f.morphology.end(), [](const auto& c) {
        return c.term == M::Round || c.term == M::Punctate || c.term == M::MilkOfCalcium;
      });
  const bool arrangement = !f.distribution || dist_is(f, D::Diffuse) || dist_is(f, D::Regional) ||
                           dist_is(f, D::Grouped);
  return lobular_forms && arrangement && !inferred_ductal(f);
}
bool site_stated(const Finding& f) { return f.stated_site_source != SiteSource::None; }
bool site_conflict(const Finding& f) {
  if (!site_stated(f)) return false;
  return (f.stated_site == Site::Ductal && inferred_lobular(f)) ||
         (f.stated_site == Site::Lobular && inferred_ductal(f));
}

// decision-logic.md §3: the features that make C4–C11 fire (C5's diffuse bilateral
// amorphous is the one documented exception, Kim 2023).
bool suspicious_feature(const Finding& f) {
  const bool amorphous_counts =
      has(f, M::Amorphous) && !(dist_is(f, D::Diffuse) && f.laterality == Laterality::Both);
  const bool suspicious_morphology =
      amorphous_counts || any_of_terms(f, {M::CoarseHeterogeneous, M::FinePleomorphic,
                                           M::FineLinear, M::FineLinearBranching});
  const bool ductal_not_benign_in_any =
      ductal_arrangement(f) &&
      (f.morphology.empty() ||
       !std::all_of(f.morphology.begin(), f.morphology.end(), [](const auto& c) {
         return c.term == M::LargeRodLike || c.term == M::Vascular || c.term == M::Suture;
       }));
  const bool round_changing = any_of_terms(f, {M::Round, M::Punctate}) && dist_is(f, D::Grouped) &&
                              (f.change == Change::New || f.change == Change::Increased);
  const bool ductal_site = (f.stated_site == Site::Ductal || inferred_ductal(f)) &&
                           std::none_of(f.morphology.begin(), f.morphology.end(),
                                        [](const auto& c) { return typically_benign(c.term); });
  return suspicious_morphology || ductal_not_benign_in_any || round_changing || ductal_site ||
         dist_is(f, D::WithinMass);
}

// Evidence that does not allow "benign": unrecognised codes, conflicting sites, and — unless a
// radiologist or the SR states the site — no morphology, a non-specific term, or round/punctate
// calcifications whose arrangement is unknown.
bool unknown_evidence(const Finding& f) {
  if (has(f, M::Unrecognised) || dist_is(f, D::Unrecognised) || site_conflict(f)) return true;
  if (site_stated(f)) return false;
  return f.morphology.empty() ||
         any_of_terms(f, {M::Microcalcifications, M::Macrocalcifications}) ||
         (any_of_terms(f, {M::Round, M::Punctate}) && !f.distribution);
}

std::string describe(const Finding& f) {
  std::ostringstream text;
  text << "morphology [";
  for (const auto& c : f.morphology) text << to_string(c.term) << " ";
  text << "] distribution " << (f.distribution ? to_string(f.distribution->term) : "none")
       << " site " << to_string(f.stated_site) << "/" << to_string(f.stated_site_source)
       << " change " << to_string(f.change) << " ultrasound " << to_string(f.ultrasound_visible)
       << " laterality " << to_string(f.laterality);
  return text.str();
}

std::vector<std::vector<M>> morphology_sets() {
  std::vector<std::vector<M>> sets{{}};
  for (std::size_t i = 0; i < kAllMorphology.size(); ++i) {
    sets.push_back({kAllMorphology[i]});
    for (std::size_t j = i + 1; j < kAllMorphology.size(); ++j) {
      sets.push_back({kAllMorphology[i], kAllMorphology[j]});
    }
  }
  return sets;
}

template <typename Check>
int for_every_combination(Check check) {
  int combinations = 0;
  for (const auto& terms : morphology_sets()) {
    for (const auto& distribution : kAllDistributions) {
      for (const auto& [site, source] : kAllSites) {
        for (const Change change : kAllChanges) {
          for (const Presence ultrasound : kAllUltrasound) {
            for (const Laterality laterality : kAllLateralities) {
              Finding f = testing::calcification({}, distribution);
              for (const M term : terms)
                f.morphology.push_back({term, code_of(term).to_code(), ""});
              f.stated_site = site;
              f.stated_site_source = source;
              f.change = change;
              f.ultrasound_visible = ultrasound;
              f.laterality = laterality;
              check(f, testing::decide(f));
              ++combinations;
            }
          }
        }
      }
    }
  }
  return combinations;
}

// The four properties of decision-logic.md in one walk: CTest runs every test in a process of its
// own, so four tests meant four walks of the same 200,000 decisions (under the sanitizers about
// 40 CPU-s each). Each property still counts and names its own failures.
TEST(Safety, EveryCombinationKeepsTheSafetyProperties) {
  int suspicious_below_4a = 0;
  int unknown_called_benign = 0;
  int benign = 0;
  int benign_without_grounds = 0;
  int without_trace = 0;
  const auto fail = [](int& failures, const Finding& f, const std::string& what) {
    if (++failures <= 5) ADD_FAILURE() << what << ": " << describe(f);
  };
  const int combinations = for_every_combination([&](const Finding& f, const Decision& d) {
    // A suspicious feature is never below 4A and always gets a biopsy type.
    if (suspicious_feature(f) &&
        !(category_rank(d.final_category) >= category_rank(Category::LowSuspicion4A) &&
          d.classification == Classification::Suspicious &&
          d.recommendation.action == Action::Biopsy && d.recommendation.biopsy)) {
      fail(suspicious_below_4a, f,
           std::string("suspicious feature below 4A or without biopsy type (") +
               std::string(to_string(d.final_category)) + ")");
    }
    // Unknown or missing evidence is never benign.
    if (unknown_evidence(f) && (d.classification == Classification::Benign ||
                                d.recommendation.action == Action::RoutineScreening)) {
      fail(unknown_called_benign, f, "unknown or missing evidence called benign");
    }
    // Benign only without a suspicious feature or unknown evidence.
    if (d.classification == Classification::Benign) {
      ++benign;
      if (suspicious_feature(f) || unknown_evidence(f)) {
        fail(benign_without_grounds, f, "benign with a suspicious feature or unknown evidence");
      }
    }
    // Every finding gets a classification, a recommendation and a trace.
    if (d.trace.empty() || d.recommendation.action_rule.empty() ||
        (d.recommendation.action == Action::Biopsy && d.recommendation.biopsy_rule.empty())) {
      fail(without_trace, f, "no trace, no action rule, or a biopsy without its rule");
    }
  });
  EXPECT_EQ(suspicious_below_4a, 0);
  EXPECT_EQ(unknown_called_benign, 0);
  EXPECT_EQ(benign_without_grounds, 0);
  EXPECT_EQ(without_trace, 0);
  EXPECT_GT(combinations, 200000);
  EXPECT_GT(benign, 0);  // the walk reaches benign findings at all
}

// ---- the annotation fields and the site profile ----

struct Feasibility {
  const char* name;
  std::optional<double> thickness_mm;
  Presence can_lie_prone;
  std::optional<Region> region;
  std::optional<double> chest_wall_mm;
  std::optional<double> skin_mm;
};
const std::vector<Feasibility> kFeasibility{
    {"feasible", std::nullopt, Presence::Unknown, std::nullopt, std::nullopt, std::nullopt},
    {"thin breast", 15.0, Presence::Yes, std::nullopt, std::nullopt, std::nullopt},
    {"cannot lie prone", 30.0, Presence::No, std::nullopt, std::nullopt, std::nullopt},
    {"axillary tail", std::nullopt, Presence::Unknown, Region::AxillaryTail, std::nullopt,
     std::nullopt},
    {"near chest wall", std::nullopt, Presence::Unknown, std::nullopt, 3.0, std::nullopt},
    {"near skin", std::nullopt, Presence::Unknown, std::nullopt, std::nullopt, 2.0},
};
const std::vector<std::optional<PriorResult>> kAllPriorResults{std::nullopt,
                                                               PriorResult::Benign,
                                                               PriorResult::Malignant,
                                                               PriorResult::HighRisk,
                                                               PriorResult::Insufficient,
                                                               PriorResult::Indeterminate,
                                                               PriorResult::TargetNotInSpecimen,
                                                               PriorResult::NoCalcificationsInCore};

SiteProfile profile_named(int which) {
  SiteProfile profile;
  if (which == 1) profile.vacuum_assisted_available = false;
  if (which == 2) profile.stereotactic_available = false;
  return profile;
}

// decision-logic.md §4, B1–B6 in order, written out independently of the rule table.
BiopsyType documented_biopsy_type(const Finding& f, const Feasibility& feasibility,
                                  const SiteProfile& profile) {
  const bool needs_excision = std::any_of(
      f.prior_results.begin(), f.prior_results.end(),
      [](PriorResult r) { return r != PriorResult::Benign && r != PriorResult::Malignant; });
  if (needs_excision) return BiopsyType::WireLocalization;  // B1
  if (f.ultrasound_visible == Presence::Yes || dist_is(f, D::WithinMass))
    return BiopsyType::Core;  // B3
  const bool stereotactic_feasible =
      profile.stereotactic_available && std::string(feasibility.name) == "feasible";
  if (!stereotactic_feasible) return BiopsyType::WireLocalization;           // B4
  if (profile.vacuum_assisted_available) return BiopsyType::VacuumAssisted;  // B5
  return BiopsyType::Stereotactic;                                           // B6
}

TEST(Safety, AnnotationFieldsAndSiteProfileKeepTheSafetyPropertiesAndBiopsyTypes) {
  const std::vector<std::optional<D>> distributions{std::nullopt, D::Grouped, D::Linear,
                                                    D::WithinMass, D::Unrecognised};
  std::vector<std::vector<M>> morphologies{{}};
  for (const M term : kAllMorphology) morphologies.push_back({term});
  int combinations = 0;
  int failures = 0;
  const auto fail = [&](const Finding& f, const std::string& what) {
    if (++failures <= 5) ADD_FAILURE() << describe(f) << ": " << what;
  };
  for (const auto& terms : morphologies) {
    for (const auto& distribution : distributions) {
      for (const auto& [site, source] : kAllSites) {
        for (const Presence ultrasound : kAllUltrasound) {
          for (const Presence palpable : {Presence::Unknown, Presence::Yes}) {
            for (const auto& prior : kAllPriorResults) {
              for (const Feasibility& feasibility : kFeasibility) {
                for (int which_profile = 0; which_profile < 3; ++which_profile) {
                  Finding f = testing::calcification({}, distribution);
                  for (const M term : terms)
                    f.morphology.push_back({term, code_of(term).to_code(), ""});
                  f.stated_site = site;
                  f.stated_site_source = source;
                  f.ultrasound_visible = ultrasound;
                  f.palpable = palpable;
                  if (prior) f.prior_results.push_back(*prior);
                  f.procedure.compressed_thickness_mm = feasibility.thickness_mm;
                  f.procedure.can_lie_prone = feasibility.can_lie_prone;
                  f.location.region = feasibility.region;
                  f.location.from_chest_wall_mm = feasibility.chest_wall_mm;
                  f.location.from_skin_mm = feasibility.skin_mm;
                  const SiteProfile profile = profile_named(which_profile);
                  const Decision d = testing::decide(f, profile);
                  ++combinations;
                  const bool malignant = prior == PriorResult::Malignant;
                  if (malignant && d.classification != Classification::KnownMalignancy) {
                    fail(f, "prior malignant result is not category 6");
                  }
                  if (suspicious_feature(f) &&
                      category_rank(d.final_category) < category_rank(Category::LowSuspicion4A)) {
                    fail(f, "suspicious feature below 4A");
                  }
                  if (unknown_evidence(f) && d.classification == Classification::Benign) {
                    fail(f, "unknown evidence called benign");
                  }
                  if (palpable == Presence::Yes && !testing::fired(d, "A6")) {
                    fail(f, "palpable lump without clinical evaluation (A6)");
                  }
                  if (d.classification == Classification::Suspicious) {
                    const BiopsyType expected = documented_biopsy_type(f, feasibility, profile);
                    if (d.recommendation.biopsy != expected) {
                      fail(f, std::string(feasibility.name) + ", profile " +
                                  std::to_string(which_profile) + ": biopsy " +
                                  (d.recommendation.biopsy
                                       ? std::string(to_string(*d.recommendation.biopsy))
                                       : "none") +
                                  ", documented " + std::string(to_string(expected)));
                    }
                  } else if (d.classification == Classification::KnownMalignancy) {
                    if (d.recommendation.biopsy != BiopsyType::WireLocalization ||
                        d.recommendation.action != Action::SurgicalConsult) {
                      fail(f, "known malignancy without wire localization and surgical consult");
                    }
                  } else if (d.recommendation.biopsy) {
                    fail(f, "biopsy type chosen for a finding that is not suspicious");
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(combinations, 400000);
}

}  // namespace
}  // namespace mammocalc
