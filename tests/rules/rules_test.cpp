// One positive and one negative test per rule, named after its id.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "rules/rule_predicates.hpp"
#include "rules/rules.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::calcification;
using testing::decide;
using testing::fired;
using testing::warned;
using M = Morphology;
using D = Distribution;

Finding with_stated_site(Finding finding, Site site, SiteSource source) {
  finding.stated_site = site;
  finding.stated_site_source = source;
  return finding;
}

// --- Site ---
TEST(RuleS1, FiresOnAnnotatedSite) {
  const Decision d = decide(with_stated_site(calcification({M::Amorphous}, D::Grouped),
                                             Site::Lobular, SiteSource::Annotation));
  EXPECT_TRUE(fired(d, "S1"));
  EXPECT_EQ(d.site.site, Site::Lobular);
  EXPECT_EQ(d.site.source, SiteSource::Annotation);
}
TEST(RuleS1, SilentWithoutAnnotation) {
  EXPECT_FALSE(fired(decide(calcification({M::Amorphous}, D::Grouped)), "S1"));
}
TEST(RuleS2, FiresOnSrFindingSite) {
  const Decision d = decide(
      with_stated_site(calcification({M::Amorphous}, D::Grouped), Site::Ductal, SiteSource::Sr));
  EXPECT_TRUE(fired(d, "S2"));
  EXPECT_EQ(d.site.site, Site::Ductal);
  EXPECT_EQ(d.site.source, SiteSource::Sr);
}
TEST(RuleS2, SilentWhenAnnotationStatesSite) {
  Finding f = with_stated_site(calcification({M::Amorphous}), Site::Ductal, SiteSource::Annotation);
  EXPECT_FALSE(fired(decide(f), "S2"));
}
TEST(RuleS3, FiresOnFineLinear) {
  const Decision d = decide(calcification({M::FineLinear}, D::Grouped));
  EXPECT_TRUE(fired(d, "S3"));
  EXPECT_EQ(d.site.site, Site::Ductal);
  EXPECT_EQ(d.site.source, SiteSource::Inferred);
}
TEST(RuleS3, FiresOnSegmentalDistribution) {
  EXPECT_TRUE(fired(decide(calcification({M::Amorphous}, D::Segmental)), "S3"));
}
TEST(RuleS3, SilentOnRoundDiffuse) {
  EXPECT_FALSE(fired(decide(calcification({M::Round}, D::Diffuse)), "S3"));
}
TEST(RuleS4, FiresOnPunctateGrouped) {
  const Decision d = decide(calcification({M::Punctate}, D::Grouped));
  EXPECT_TRUE(fired(d, "S4"));
  EXPECT_EQ(d.site.site, Site::Lobular);
}
TEST(RuleS4, SilentOnPunctateInLinearDistribution) {
  const Decision d = decide(calcification({M::Punctate}, D::Linear));
  EXPECT_FALSE(fired(d, "S4"));
  EXPECT_EQ(d.site.site, Site::Ductal);
}
TEST(RuleS4, SilentWhenAnotherTermIsNotLobular) {
  EXPECT_FALSE(fired(decide(calcification({M::Round, M::Amorphous}, D::Grouped)), "S4"));
}
TEST(RuleS5, FiresWithoutAnySiteEvidence) {
  const Decision d = decide(calcification({M::Amorphous}, D::Grouped));
  EXPECT_TRUE(fired(d, "S5"));
  EXPECT_EQ(d.site.site, Site::Unknown);
}
TEST(RuleS5, SilentWhenSiteInferred) {
  EXPECT_FALSE(fired(decide(calcification({M::FinePleomorphic})), "S5"));
}
TEST(SiteConflict, StatedAndInferredDisagreeWarnsAndIsNeverBenign) {
  // Stated ductal, but round/regional infers lobular: C1 alone would call it benign.
  const Decision d = decide(
      with_stated_site(calcification({M::Round}, D::Regional), Site::Ductal, SiteSource::Sr));
  EXPECT_TRUE(warned(d, "site-conflict"));
  EXPECT_TRUE(d.site.conflict);
  EXPECT_EQ(d.classification, Classification::Indeterminate);
}
TEST(SiteConflict, AgreeingSourcesDoNotWarn) {
  const Decision d = decide(
      with_stated_site(calcification({M::Round}, D::Regional), Site::Lobular, SiteSource::Sr));
  EXPECT_FALSE(warned(d, "site-conflict"));
  EXPECT_EQ(d.classification, Classification::Benign);
}

// --- Classification ---
TEST(RuleC0, FiresOnSuspiciousMorphology) {
  const Decision d = decide(calcification({M::CoarseHeterogeneous}, D::Regional));
  EXPECT_TRUE(fired(d, "C0"));
  EXPECT_GE(category_rank(d.final_category), category_rank(Category::LowSuspicion4A));
}
TEST(RuleC0, SilentOnTypicallyBenign) {
  EXPECT_FALSE(fired(decide(calcification({M::CoarsePopcorn})), "C0"));
}
TEST(RuleC1, FiresOnPopcorn) {
  const Decision d = decide(calcification({M::CoarsePopcorn}));
  EXPECT_TRUE(fired(d, "C1"));
  EXPECT_EQ(d.final_category, Category::Benign2);
  EXPECT_EQ(d.classification, Classification::Benign);
}
TEST(RuleC1, FiresOnVascularInLinearDistribution) {
  EXPECT_TRUE(fired(decide(calcification({M::Vascular}, D::Linear)), "C1"));
}
TEST(RuleC1, SilentOnRimInSegmentalDistribution) {
  EXPECT_FALSE(fired(decide(calcification({M::Rim}, D::Segmental)), "C1"));
}
TEST(RuleC1, SilentOnRoundWithoutDistribution) {
  EXPECT_FALSE(fired(decide(calcification({M::Round})), "C1"));
}
TEST(RuleC1, SilentWhenOneTermIsSuspicious) {
  EXPECT_FALSE(fired(decide(calcification({M::CoarsePopcorn, M::Amorphous})), "C1"));
}
TEST(RuleC2, FiresOnAnnotatedLobularWithoutMorphology) {
  Finding f = with_stated_site(calcification({}), Site::Lobular, SiteSource::Annotation);
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "C2"));
  EXPECT_EQ(d.final_category, Category::Benign2);
}
TEST(RuleW27, BenignOnTheSiteAloneNeedsReview) {
  // Hostile review 71: a lobular site and nothing else gave "BI-RADS 2 benign", unreviewed.
  const Decision alone =
      decide(with_stated_site(calcification({}), Site::Lobular, SiteSource::Annotation));
  EXPECT_TRUE(fired(alone, "W27"));
  EXPECT_TRUE(alone.needs_review);
  const Decision seen = decide(calcification({M::MilkOfCalcium}, D::Diffuse));
  EXPECT_FALSE(fired(seen, "W27"));
  EXPECT_FALSE(seen.needs_review);
}
TEST(RuleC2, FiresOnInferredLobularDiffuse) {
  EXPECT_TRUE(fired(decide(calcification({M::MilkOfCalcium}, D::Diffuse)), "C2"));
}
TEST(RuleC2, SilentOnInferredLobularWithoutDistribution) {
  const Decision d = decide(calcification({M::Punctate}));
  EXPECT_FALSE(fired(d, "C2"));
  EXPECT_NE(d.classification, Classification::Benign);
}
TEST(RuleC2, SilentOnGroupedDistribution) {
  EXPECT_FALSE(fired(decide(calcification({M::Punctate}, D::Grouped)), "C2"));
}
TEST(RuleC3, FiresOnStablePunctateGroup) {
  Finding f = calcification({M::Punctate}, D::Grouped);
  f.change = Change::Stable;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "C3"));
  EXPECT_EQ(d.final_category, Category::ProbablyBenign3);
  EXPECT_EQ(d.recommendation.action, Action::ShortIntervalFollowUp);
}
TEST(RuleC3, SilentOnNewPunctateGroup) {
  Finding f = calcification({M::Punctate}, D::Grouped);
  f.change = Change::New;
  EXPECT_FALSE(fired(decide(f), "C3"));
}
TEST(RuleC4, FiresOnIncreasingRoundGroup) {
  Finding f = calcification({M::Round}, D::Grouped);
  f.change = Change::Increased;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "C4"));
  EXPECT_EQ(d.final_category, Category::LowSuspicion4A);
}
TEST(RuleC4, FiresOnPunctateInSegmentalDistribution) {
  EXPECT_TRUE(fired(decide(calcification({M::Punctate}, D::Segmental)), "C4"));
}
TEST(RuleC4, SilentOnStableRoundGroup) {
  Finding f = calcification({M::Round}, D::Grouped);
  f.change = Change::Stable;
  EXPECT_FALSE(fired(decide(f), "C4"));
}
TEST(RuleC5, FiresOnAmorphousWith4B) {
  const Decision d = decide(calcification({M::Amorphous}, D::Grouped));
  EXPECT_TRUE(fired(d, "C5"));
  EXPECT_EQ(d.rule_category, Category::ModerateSuspicion4B);
}
TEST(RuleC5, DiffuseBilateralAmorphousIsProbablyBenign) {
  Finding f = calcification({M::Amorphous}, D::Diffuse);
  f.laterality = Laterality::Both;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "C5"));
  EXPECT_FALSE(fired(d, "C0"));
  EXPECT_EQ(d.final_category, Category::ProbablyBenign3);
}
TEST(RuleC5, DiffuseUnilateralAmorphousStays4B) {
  const Decision d = decide(calcification({M::Amorphous}, D::Diffuse));
  EXPECT_EQ(d.final_category, Category::ModerateSuspicion4B);
}
TEST(RuleC5, SilentWithoutAmorphous) {
  EXPECT_FALSE(fired(decide(calcification({M::FinePleomorphic})), "C5"));
}
TEST(RuleC6, FiresOnCoarseHeterogeneous) {
  const Decision d = decide(calcification({M::CoarseHeterogeneous}, D::Grouped));
  EXPECT_TRUE(fired(d, "C6"));
  EXPECT_EQ(d.final_category, Category::ModerateSuspicion4B);
}
TEST(RuleC6, SilentOnCoarsePopcorn) {
  EXPECT_FALSE(fired(decide(calcification({M::CoarsePopcorn})), "C6"));
}
TEST(RuleC7, FiresOnFinePleomorphic) {
  const Decision d = decide(calcification({M::FinePleomorphic}, D::Grouped));
  EXPECT_TRUE(fired(d, "C7"));
  EXPECT_EQ(d.final_category, Category::ModerateSuspicion4B);
}
TEST(RuleC7, LinearFinePleomorphicIs4C) {
  EXPECT_EQ(decide(calcification({M::FinePleomorphic}, D::Linear)).final_category,
            Category::HighSuspicion4C);
}
TEST(RuleC7, SilentOnAmorphous) {
  EXPECT_FALSE(fired(decide(calcification({M::Amorphous})), "C7"));
}
TEST(RuleC8, FiresOnFineLinearBranching) {
  const Decision d = decide(calcification({M::FineLinearBranching}, D::Grouped));
  EXPECT_TRUE(fired(d, "C8"));
  EXPECT_EQ(d.final_category, Category::HighSuspicion4C);
}
TEST(RuleC8, SegmentalFineLinearIs5) {
  EXPECT_EQ(decide(calcification({M::FineLinear}, D::Segmental)).final_category,
            Category::HighlySuggestive5);
}
TEST(RuleC8, SilentOnFinePleomorphic) {
  EXPECT_FALSE(fired(decide(calcification({M::FinePleomorphic})), "C8"));
}
TEST(RuleC9, FiresOnStatedDuctalWithoutMorphology) {
  const Decision d =
      decide(with_stated_site(calcification({}), Site::Ductal, SiteSource::Annotation));
  EXPECT_TRUE(fired(d, "C9"));
  EXPECT_EQ(d.final_category, Category::LowSuspicion4A);
}
TEST(RuleC9, SilentOnLargeRodLike) {
  // Large rod-like is ductal (duct ectasia) but benign.
  const Decision d = decide(calcification({M::LargeRodLike}, D::Segmental));
  EXPECT_FALSE(fired(d, "C9"));
  EXPECT_EQ(d.classification, Classification::Benign);
}
TEST(RuleC10, FiresOnSegmentalWithoutMorphology) {
  const Decision d = decide(calcification({}, D::Segmental));
  EXPECT_TRUE(fired(d, "C10"));
  EXPECT_EQ(d.final_category, Category::ModerateSuspicion4B);
}
TEST(RuleC10, SilentOnVascularInLinearDistribution) {
  EXPECT_FALSE(fired(decide(calcification({M::Vascular}, D::Linear)), "C10"));
}
TEST(RuleC11, FiresOnCalcificationsWithinMass) {
  const Decision d = decide(calcification({M::CoarsePopcorn}, D::WithinMass));
  EXPECT_TRUE(fired(d, "C11"));
  EXPECT_EQ(d.classification, Classification::Suspicious);
}
TEST(RuleC11, FiresOnMassWithCalcifications) {
  Finding f = calcification({});
  f.mass_with_calcifications = true;
  EXPECT_TRUE(fired(decide(f), "C11"));
}
TEST(RuleC11, SilentOutsideMass) {
  EXPECT_FALSE(fired(decide(calcification({M::CoarsePopcorn}, D::OutsideMass)), "C11"));
}
TEST(RuleC12, FiresOnClusterWithOnlyACount) {
  Finding f = calcification({}, D::Grouped);
  f.count = 7;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "C12"));
  EXPECT_EQ(d.final_category, Category::Incomplete0);
  EXPECT_EQ(d.classification, Classification::Indeterminate);
  EXPECT_TRUE(warned(d, "insufficient-evidence"));
}
TEST(RuleC12, FiresOnUnrecognisedMorphology) {
  EXPECT_TRUE(fired(decide(calcification({M::Unrecognised}, D::Diffuse)), "C12"));
}
TEST(RuleC12, SilentWhenAnotherRuleClassifies) {
  EXPECT_FALSE(fired(decide(calcification({M::CoarsePopcorn})), "C12"));
}
TEST(RuleC13, FiresOnMalignantPriorResult) {
  Finding f = calcification({M::FinePleomorphic}, D::Grouped);
  f.prior_results.push_back(PriorResult::Malignant);
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "C13"));
  EXPECT_EQ(d.final_category, Category::KnownMalignancy6);
}
TEST(RuleC13, SilentOnBenignPriorResult) {
  Finding f = calcification({M::CoarsePopcorn});
  f.prior_results.push_back(PriorResult::Benign);
  EXPECT_FALSE(fired(decide(f), "C13"));
}

// --- Reported assessment ---
TEST(RuleR1, HigherReportedCategoryStands) {
  Finding f = calcification({M::CoarsePopcorn});
  f.reported_category = Category::Suspicious4;
  f.reported_category_source = ReportedSource::Finding;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "R1"));
  EXPECT_EQ(d.rule_category, Category::Benign2);
  EXPECT_EQ(d.final_category, Category::Suspicious4);
  EXPECT_TRUE(warned(d, "assessment-discordant"));
}
TEST(RuleR1, RulesSubcategoryStandsAgainstPlainFour) {
  Finding f = calcification({M::FinePleomorphic}, D::Grouped);
  f.reported_category = Category::Suspicious4;
  const Decision d = decide(f);
  EXPECT_EQ(d.final_category, Category::ModerateSuspicion4B);
  EXPECT_FALSE(warned(d, "assessment-discordant"));
}
TEST(RuleR1, LowerReportedCategoryIsDiscordantButRulesStand) {
  Finding f = calcification({M::Amorphous}, D::Grouped);
  f.reported_category = Category::Benign2;
  const Decision d = decide(f);
  EXPECT_EQ(d.final_category, Category::ModerateSuspicion4B);
  EXPECT_EQ(d.reported_category, Category::Benign2);
  EXPECT_TRUE(warned(d, "assessment-discordant"));
}
// C14 (decision-logic.md §6): an uncertain mention read from text is never benign or probably
// benign, and the report's own "BI-RADS 2" or "BI-RADS 3" does not make it so through R1 either
// ("Calcifications in the left breast, possibly dystrophic. BI-RADS 3." was probably benign with
// a 6-month follow-up). The reported category is still shown, and a suspicious one still raises.
TEST(RuleR1, ReportedBenignCategoriesDoNotCountForAnUncertainMention) {
  for (const Category reported :
       {Category::Negative1, Category::Benign2, Category::ProbablyBenign3}) {
    Finding f = calcification({M::Dystrophic});
    f.origin = Origin::Narrative;
    f.text_status = MentionStatus::Uncertain;
    f.reported_category = reported;
    f.reported_category_source = ReportedSource::Overall;
    const Decision d = decide(f);
    EXPECT_TRUE(fired(d, "C14"));
    EXPECT_TRUE(fired(d, "R1"));
    EXPECT_EQ(d.reported_category, reported);
    EXPECT_EQ(d.final_category, Category::Incomplete0) << to_string(reported);
    EXPECT_NE(d.classification, Classification::Benign);
    EXPECT_NE(d.classification, Classification::ProbablyBenign);
    EXPECT_TRUE(d.needs_review);
  }
  Finding suspicious = calcification({M::Dystrophic});
  suspicious.origin = Origin::Narrative;
  suspicious.text_status = MentionStatus::Uncertain;
  suspicious.reported_category = Category::ModerateSuspicion4B;
  EXPECT_EQ(decide(suspicious).final_category, Category::ModerateSuspicion4B);
}
TEST(RuleR1, SilentWithoutReportedCategory) {
  EXPECT_FALSE(fired(decide(calcification({M::CoarsePopcorn})), "R1"));
}

// --- Recommendation ---
TEST(RuleA1, BenignMeansRoutineScreening) {
  const Decision d = decide(calcification({M::Dystrophic}));
  EXPECT_TRUE(fired(d, "A1"));
  EXPECT_EQ(d.recommendation.action, Action::RoutineScreening);
}
TEST(RuleA1, SilentWhenSuspicious) {
  EXPECT_FALSE(fired(decide(calcification({M::FineLinear})), "A1"));
}
TEST(RuleA2, BotheredPatientWithBenignDepositGetsNote) {
  Finding f = calcification({M::CoarsePopcorn});
  f.procedure.bothered_by_deposit = true;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "A2"));
  ASSERT_FALSE(d.recommendation.notes.empty());
  EXPECT_EQ(d.recommendation.notes.front().first, "A2");
}
TEST(RuleA2, SilentWhenNotBenign) {
  Finding f = calcification({M::Amorphous});
  f.procedure.bothered_by_deposit = true;
  EXPECT_FALSE(fired(decide(f), "A2"));
}
TEST(RuleA3, VascularCalcificationGetsCardiovascularNote) {
  EXPECT_TRUE(fired(decide(calcification({M::Vascular})), "A3"));
}
TEST(RuleA3, SilentWithoutVascular) { EXPECT_FALSE(fired(decide(calcification({M::Skin})), "A3")); }
TEST(RuleA4, ProbablyBenignMeansShortIntervalFollowUp) {
  Finding f = calcification({M::Round}, D::Grouped);
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "A4"));
  ASSERT_TRUE(d.recommendation.follow_up.has_value());
  EXPECT_EQ(d.recommendation.follow_up->value, "111142");
}
TEST(RuleA4, SilentWhenBenign) { EXPECT_FALSE(fired(decide(calcification({M::Skin})), "A4")); }
TEST(RuleA5, IndeterminateMeansAdditionalImaging) {
  const Decision d = decide(calcification({}));
  EXPECT_TRUE(fired(d, "A5"));
  EXPECT_EQ(d.recommendation.action, Action::AdditionalImaging);
}
TEST(RuleA5, SilentWhenClassified) { EXPECT_FALSE(fired(decide(calcification({M::Skin})), "A5")); }
TEST(RuleA6, PalpableLumpGetsClinicalEvaluation) {
  Finding f = calcification({M::CoarsePopcorn});
  f.palpable = Presence::Yes;
  EXPECT_TRUE(fired(decide(f), "A6"));
}
// Hostile review 93 (S4): a palpable lump asks the radiologist, whatever its calcifications.
TEST(RuleW28, PalpableLumpNeedsReview) {
  Finding f = calcification({M::CoarsePopcorn}, D::Grouped);
  f.palpable = Presence::Yes;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "W28"));
  EXPECT_TRUE(d.needs_review);
  f.palpable = Presence::No;
  EXPECT_FALSE(fired(decide(f), "W28"));
}
// Hostile review 93 (S5): calcifications outside of a mass leave the mass unassessed.
TEST(RuleW29, OutsideOfAMassNeedsReview) {
  const Decision outside = decide(calcification({M::Round}, D::OutsideMass));
  EXPECT_TRUE(fired(outside, "W29"));
  EXPECT_TRUE(outside.needs_review);
  EXPECT_FALSE(fired(decide(calcification({M::Round}, D::Grouped)), "W29"));
}
TEST(RuleA6, SilentWhenNotPalpable) {
  Finding f = calcification({M::CoarsePopcorn});
  f.palpable = Presence::No;
  EXPECT_FALSE(fired(decide(f), "A6"));
}
TEST(RuleA7, SuspiciousMeansBiopsy) {
  const Decision d = decide(calcification({M::FinePleomorphic}, D::Grouped));
  EXPECT_TRUE(fired(d, "A7"));
  EXPECT_EQ(d.recommendation.action, Action::Biopsy);
  EXPECT_TRUE(d.recommendation.biopsy.has_value());
}
TEST(RuleA7, SilentWhenProbablyBenign) {
  EXPECT_FALSE(fired(decide(calcification({M::Punctate}, D::Grouped)), "A7"));
}
TEST(RuleA8, KnownMalignancyMeansSurgicalConsultAndWire) {
  Finding f = calcification({M::FinePleomorphic});
  f.reported_category = Category::KnownMalignancy6;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "A8"));
  EXPECT_EQ(d.recommendation.action, Action::SurgicalConsult);
  EXPECT_EQ(d.recommendation.biopsy, BiopsyType::WireLocalization);
}
TEST(RuleA8, SilentWhenSuspicious) {
  EXPECT_FALSE(fired(decide(calcification({M::FinePleomorphic})), "A8"));
}

// --- Biopsy type ---
Finding suspicious() { return calcification({M::FinePleomorphic}, D::Grouped); }

TEST(RuleB1, HighRiskPriorResultMeansWireLocalization) {
  Finding f = suspicious();
  f.prior_results.push_back(PriorResult::HighRisk);
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "B1"));
  EXPECT_EQ(d.recommendation.biopsy, BiopsyType::WireLocalization);
}
TEST(RuleB1, BeatsUltrasoundVisibility) {
  Finding f = suspicious();
  f.prior_results.push_back(PriorResult::TargetNotInSpecimen);
  f.ultrasound_visible = Presence::Yes;
  EXPECT_EQ(decide(f).recommendation.biopsy_rule, "B1");
}
TEST(RuleB1, SilentOnBenignPriorResult) {
  Finding f = suspicious();
  f.prior_results.push_back(PriorResult::Benign);
  EXPECT_FALSE(fired(decide(f), "B1"));
}
TEST(RuleB2, ReportedNeedleLocalizationMeansWire) {
  Finding f = suspicious();
  f.reported_follow_up.push_back(codes::kNeedleLocalizationAndBiopsy.to_code());
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "B2"));
  EXPECT_EQ(d.recommendation.biopsy, BiopsyType::WireLocalization);
}
TEST(RuleB2, SilentOnReportedCoreBiopsy) {
  Finding f = suspicious();
  f.reported_follow_up.push_back(codes::kHistologyUsingCoreBiopsy.to_code());
  EXPECT_FALSE(fired(decide(f), "B2"));
}
TEST(RuleB3, UltrasoundVisibleMeansUltrasoundGuidedCore) {
  Finding f = suspicious();
  f.ultrasound_visible = Presence::Yes;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "B3"));
  EXPECT_EQ(d.recommendation.biopsy, BiopsyType::Core);
  EXPECT_EQ(d.recommendation.guidance, Guidance::Ultrasound);
  EXPECT_EQ(d.recommendation.needle, "14G");
}
TEST(RuleB3, SilentWhenNotUltrasoundVisible) {
  Finding f = suspicious();
  f.ultrasound_visible = Presence::No;
  EXPECT_FALSE(fired(decide(f), "B3"));
}
TEST(RuleB4, ThinBreastMeansWireLocalization) {
  Finding f = suspicious();
  f.procedure.compressed_thickness_mm = 18.0;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "B4"));
  EXPECT_EQ(d.recommendation.biopsy, BiopsyType::WireLocalization);
}
// Hostile review 79: 19.999999 mm was written "20 mm below site minimum 20 mm".
TEST(RuleB4, ItsEvidenceGivesTheThicknessAsGiven) {
  Finding f = suspicious();
  f.procedure.compressed_thickness_mm = 19.999999;
  const Decision d = decide(f);
  const auto b4 = std::find_if(d.trace.begin(), d.trace.end(),
                               [](const FiredRule& fired) { return fired.rule->id == "B4"; });
  ASSERT_NE(b4, d.trace.end());
  const bool said = std::any_of(b4->evidence.begin(), b4->evidence.end(), [](const auto& item) {
    return item.value.find("compressed thickness 19.999999 mm below site minimum 20 mm") !=
           std::string::npos;
  });
  EXPECT_TRUE(said);
}
TEST(RuleB4, CannotLieProneMeansWireLocalization) {
  Finding f = suspicious();
  f.procedure.can_lie_prone = Presence::No;
  EXPECT_TRUE(fired(decide(f), "B4"));
}
TEST(RuleB4, SiteWithoutStereotacticUnitMeansWireLocalization) {
  SiteProfile profile;
  profile.stereotactic_available = false;
  EXPECT_TRUE(fired(decide(suspicious(), profile), "B4"));
}
TEST(RuleB4, SilentAtThresholds) {
  Finding f = suspicious();
  f.procedure.compressed_thickness_mm = 20.0;
  f.location.from_chest_wall_mm = 5.0;
  f.location.from_skin_mm = 3.0;
  EXPECT_FALSE(fired(decide(f), "B4"));
}
TEST(RuleB5, MammographyOnlyMeansVacuumAssisted) {
  const Decision d = decide(suspicious());
  EXPECT_TRUE(fired(d, "B5"));
  EXPECT_EQ(d.recommendation.biopsy, BiopsyType::VacuumAssisted);
  EXPECT_EQ(d.recommendation.guidance, Guidance::Stereotactic);
}
TEST(RuleB5, SilentWithoutVacuumEquipment) {
  SiteProfile profile;
  profile.vacuum_assisted_available = false;
  EXPECT_FALSE(fired(decide(suspicious(), profile), "B5"));
}
TEST(RuleB6, StereotacticCoreWhenNoVacuumEquipment) {
  SiteProfile profile;
  profile.vacuum_assisted_available = false;
  const Decision d = decide(suspicious(), profile);
  EXPECT_TRUE(fired(d, "B6"));
  EXPECT_EQ(d.recommendation.biopsy, BiopsyType::Stereotactic);
  EXPECT_EQ(d.recommendation.needle, "14G");
}
TEST(RuleB6, SilentWhenVacuumAvailable) { EXPECT_FALSE(fired(decide(suspicious()), "B6")); }
TEST(BiopsyType, NotChosenUnlessSuspicious) {
  const Decision d = decide(calcification({M::CoarsePopcorn}));
  for (const char* id : {"B1", "B2", "B3", "B4", "B5", "B6"}) EXPECT_FALSE(fired(d, id)) << id;
  EXPECT_FALSE(d.recommendation.biopsy.has_value());
}
TEST(FollowUp, ReportedCoreBiopsyAgainstWireIsWarned) {
  Finding f = suspicious();
  f.procedure.can_lie_prone = Presence::No;
  f.reported_follow_up.push_back(codes::kHistologyUsingCoreBiopsy.to_code());
  EXPECT_TRUE(warned(decide(f), "follow-up-differs"));
}
TEST(FollowUp, ReportedCoreBiopsyMatchingVacuumIsNotWarned) {
  Finding f = suspicious();
  f.reported_follow_up.push_back(codes::kHistologyUsingCoreBiopsy.to_code());
  EXPECT_FALSE(warned(decide(f), "follow-up-differs"));
}

// --- Checks: each warning comes from its W row, and the rows decide what needs review ---
const Warning* warning_of(const Decision& d, const std::string& code) {
  const auto found = std::find_if(d.warnings.begin(), d.warnings.end(),
                                  [&](const Warning& w) { return to_string(w.code) == code; });
  return found == d.warnings.end() ? nullptr : &*found;
}
Finding with_sr_reading(Finding annotated, Finding sr_values) {
  annotated.other_readings.push_back(std::move(sr_values));
  return annotated;
}
TEST(RuleW1, SrReadingMoreSuspiciousClassifiesAndIsNamed) {
  const Decision d = decide(with_sr_reading(calcification({M::CoarsePopcorn}),
                                            calcification({M::FineLinear}, D::Segmental)));
  EXPECT_EQ(d.final_category, Category::HighlySuggestive5);
  EXPECT_TRUE(fired(d, "W1"));
  ASSERT_NE(warning_of(d, "more-suspicious-reading"), nullptr);
  EXPECT_EQ(warning_of(d, "more-suspicious-reading")->rule, "W1");
  EXPECT_EQ(to_string(d.warnings.front().code), "more-suspicious-reading");  // read first
  EXPECT_TRUE(fired(d, "C8"));  // the SR reading's rules are traced
}
TEST(RuleW1, SilentWhenTheAnnotatedReadingIsMoreSuspicious) {
  const Decision d = decide(with_sr_reading(calcification({M::FineLinear}, D::Segmental),
                                            calcification({M::CoarsePopcorn})));
  EXPECT_EQ(d.final_category, Category::HighlySuggestive5);
  EXPECT_FALSE(fired(d, "W1"));
}
TEST(RuleW6, DisagreeingReadingsNeedReview) {
  const Decision d = decide(with_sr_reading(calcification({M::FineLinear}, D::Segmental),
                                            calcification({M::CoarsePopcorn})));
  EXPECT_TRUE(fired(d, "W6"));
  EXPECT_TRUE(d.needs_review);
}
TEST(RuleW6, SilentWithOneReading) {
  const Decision d = decide(calcification({M::FineLinear}, D::Segmental));
  EXPECT_FALSE(fired(d, "W6"));
  EXPECT_FALSE(d.needs_review);
}
TEST(RuleW2, SiteConflictWarnsAndNeedsReview) {
  const Decision d = decide(
      with_stated_site(calcification({M::Round}, D::Regional), Site::Ductal, SiteSource::Sr));
  EXPECT_TRUE(fired(d, "W2"));
  ASSERT_NE(warning_of(d, "site-conflict"), nullptr);
  EXPECT_EQ(warning_of(d, "site-conflict")->rule, "W2");
  EXPECT_TRUE(d.needs_review);
}
TEST(RuleW2, SilentWhenStatedAndInferredAgree) {
  const Decision d = decide(
      with_stated_site(calcification({M::Round}, D::Regional), Site::Lobular, SiteSource::Sr));
  EXPECT_FALSE(fired(d, "W2"));
  EXPECT_FALSE(d.needs_review);
  EXPECT_EQ(d.classification, Classification::Benign);
}
TEST(RuleW3, NoCategoryFromEvidenceNeedsReviewEvenWhenTheReportSaysSuspicious) {
  Finding f = calcification({});
  f.reported_category = Category::Suspicious4;
  f.reported_category_source = ReportedSource::Finding;
  const Decision d = decide(f);
  EXPECT_EQ(d.classification, Classification::Suspicious);  // the radiologist's 4 stands
  EXPECT_TRUE(fired(d, "W3"));
  EXPECT_EQ(warning_of(d, "insufficient-evidence")->rule, "W3");
  EXPECT_TRUE(d.needs_review);  // but the rules could not check it
}
TEST(RuleW3, SilentWhenTheEvidenceClassifies) {
  EXPECT_FALSE(fired(decide(calcification({M::CoarsePopcorn})), "W3"));
}
TEST(RuleW4, DiscordanceWarnsAndNeedsReview) {
  Finding f = calcification({M::Amorphous}, D::Grouped);
  f.reported_category = Category::Benign2;
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "W4"));
  EXPECT_EQ(warning_of(d, "assessment-discordant")->rule, "W4");
  EXPECT_TRUE(d.needs_review);
}
TEST(RuleW4, SilentWhenBothAreSuspicious) {
  Finding f = calcification({M::Amorphous}, D::Grouped);
  f.reported_category = Category::Suspicious4;
  const Decision d = decide(f);
  EXPECT_FALSE(fired(d, "W4"));
  EXPECT_FALSE(d.needs_review);
}
TEST(RuleW5, SilentWhenTheReportedFollowUpIsTheRulesChoice) {
  Finding f = calcification({M::FineLinear}, D::Segmental);
  f.reported_follow_up.push_back(codes::kHistologyUsingCoreBiopsy.to_code());
  const Decision d = decide(f);  // vacuum-assisted: a core biopsy (111145)
  EXPECT_FALSE(fired(d, "W5"));
}
TEST(RuleW5, DifferingFollowUpWarnsOncePerCodeAndNeedsReview) {
  Finding f = calcification({M::CoarsePopcorn});
  f.reported_follow_up.push_back(codes::kHistologyUsingCoreBiopsy.to_code());
  f.reported_follow_up.push_back(codes::kCytologicAnalysis.to_code());
  const Decision d = decide(f);
  EXPECT_TRUE(fired(d, "W5"));
  EXPECT_EQ(std::count_if(d.warnings.begin(), d.warnings.end(),
                          [](const Warning& w) { return w.code == WarningCode::FollowUpDiffers; }),
            2);
  EXPECT_TRUE(d.needs_review);
}
// The check rows read what the other stages decided, which the engine gives only on the check
// stage. A predicate called without it must fail loudly, naming itself, never read a null pointer.
TEST(CheckRows, FailLoudlyWithoutADecision) {
  Finding f = calcification({M::Amorphous}, D::Grouped);
  f.reported_category = Category::Benign2;  // so that W4 cannot answer before reading it
  f.reported_follow_up.push_back(codes::kCytologicAnalysis.to_code());
  const SiteProfile profile;
  const RuleContext context{
      f,       profile, SiteAssessment{},  1,       Classification::Suspicious,
      nullptr, 1,       Category::Benign2, nullptr, "",
      nullptr};
  for (const char* id : {"W3", "W4", "W5"}) {
    const Rule* rule = find_rule(id);
    ASSERT_NE(rule, nullptr) << id;
    ASSERT_EQ(rule->stage, Stage::Check) << id;
    EXPECT_THROW(rule->applies(context), std::logic_error) << id;
  }
  for (const char* id : {"W1", "W4", "W5"}) {
    const Rule* rule = find_rule(id);
    ASSERT_NE(rule, nullptr) << id;
    ASSERT_NE(rule->outcome.warning_texts, nullptr) << id;
    EXPECT_THROW(rule->outcome.warning_texts(context), std::logic_error) << id;
  }
  try {
    predicates::rules_gave_no_category(context);
    ADD_FAILURE() << "rules_gave_no_category read no decision and did not throw";
  } catch (const std::logic_error& error) {
    EXPECT_NE(std::string(error.what()).find("rules_gave_no_category"), std::string::npos)
        << error.what();
  }
  // With the decision given, the same predicates answer.
  const Decision decided = decide(f);
  RuleContext checking = context;
  checking.decided = &decided;
  for (const char* id : {"W3", "W4", "W5"}) EXPECT_NO_THROW(find_rule(id)->applies(checking)) << id;
}

// Likewise the exam rows read the exam, which the engine gives only on the exam stage.
TEST(ExamRows, FailLoudlyWithoutTheExam) {
  const Finding f = calcification({M::CoarsePopcorn});
  const SiteProfile profile;
  const RuleContext context{f, profile,      SiteAssessment{}, 1,  std::nullopt, nullptr,
                            1, std::nullopt, nullptr,          "", nullptr};
  const Findings findings;
  const std::vector<Action> actions;
  const ExamContext exam{findings, std::nullopt, actions};
  RuleContext with_exam = context;
  with_exam.exam = &exam;
  int exam_rows = 0;
  for (const Rule& rule : rule_table()) {
    if (rule.stage != Stage::Exam) continue;
    ++exam_rows;
    EXPECT_THROW(rule.applies(context), std::logic_error) << rule.id;
    if (rule.outcome.warning_texts != nullptr) {
      EXPECT_THROW(rule.outcome.warning_texts(context), std::logic_error) << rule.id;
    }
    EXPECT_NO_THROW(rule.applies(with_exam)) << rule.id;
  }
  EXPECT_GT(exam_rows, 0);
}

// Hostile review 93 (m12): a report that says nothing is never a clean exam.
TEST(RuleE25, AReportThatSaysNothingNeedsReview) {
  Findings empty;
  empty.source.report_template = ReportTemplate::BreastImagingReport4200;
  const Report nothing = evaluate(empty);
  EXPECT_TRUE(nothing.exam.needs_review);
  EXPECT_TRUE(std::any_of(nothing.exam.warnings.begin(), nothing.exam.warnings.end(),
                          [](const auto& warning) { return warning.rule == "E25"; }));
  Findings negative = empty;
  negative.overall_category = Category::Negative1;
  EXPECT_FALSE(evaluate(negative).exam.needs_review);
  Findings clean_cad;
  clean_cad.source.report_template = ReportTemplate::MammographyCad4000;
  EXPECT_FALSE(evaluate(clean_cad).exam.needs_review);
}

TEST(RuleA5, IndeterminateNeedsReview) {
  const Decision d = decide(calcification({}));
  EXPECT_EQ(d.classification, Classification::Indeterminate);
  EXPECT_TRUE(d.needs_review);
}

// --- Exam ---
TEST(Exam, CategoryIsHighestOverFindingsPerBreast) {
  Findings findings;
  Finding right = calcification({M::FineLinear}, D::Segmental);
  Finding left = calcification({M::CoarsePopcorn});
  left.laterality = Laterality::Left;
  findings.findings = {right, left};
  const Report report = evaluate(findings);
  ASSERT_EQ(report.exam.breasts.size(), 2u);
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_EQ(report.exam.breasts[0].laterality, Laterality::Right);
  EXPECT_EQ(report.exam.breasts[0].category, Category::HighlySuggestive5);
  EXPECT_EQ(report.exam.breasts[1].category, Category::Benign2);
  EXPECT_EQ(report.exam.actions, (std::vector<Action>{Action::RoutineScreening, Action::Biopsy}));
}
TEST(Exam, NoFindingsTakesReportedCategory) {
  Findings findings;
  findings.overall_category = Category::Negative1;
  const Report report = evaluate(findings);
  EXPECT_EQ(report.exam.category, Category::Negative1);
  EXPECT_EQ(report.exam.category_source, "report");
}
TEST(Exam, IndeterminateOutranksBenign) {
  Findings findings;
  findings.findings = {calcification({M::CoarsePopcorn}), calcification({})};
  EXPECT_EQ(evaluate(findings).exam.classification, Classification::Indeterminate);
}

TEST(ExamCategory, HigherOfBothIsDefinedWhicheverIsMissing) {
  const ExamBasis both = ExamBasis::HigherOfBoth;
  EXPECT_FALSE(exam_category_from(both, std::nullopt, std::nullopt).has_value());
  EXPECT_EQ(exam_category_from(both, Category::Benign2, std::nullopt), Category::Benign2);
  EXPECT_EQ(exam_category_from(both, std::nullopt, Category::Suspicious4), Category::Suspicious4);
  EXPECT_EQ(exam_category_from(both, Category::Benign2, Category::Suspicious4),
            Category::Suspicious4);
  EXPECT_EQ(exam_category_from(both, Category::HighSuspicion4C, Category::Benign2),
            Category::HighSuspicion4C);
  EXPECT_EQ(exam_category_from(both, Category::Incomplete0, Category::Negative1),
            Category::Incomplete0);  // 0 outranks 1 and 2
}
TEST(ExamCategory, FindingsAndReportBasesTakeOnlyTheirOwn) {
  EXPECT_EQ(exam_category_from(ExamBasis::Findings, Category::Benign2, Category::Suspicious4),
            Category::Benign2);
  EXPECT_FALSE(
      exam_category_from(ExamBasis::Findings, std::nullopt, Category::Benign2).has_value());
  EXPECT_EQ(exam_category_from(ExamBasis::Report, Category::Suspicious4, Category::Benign2),
            Category::Benign2);
  EXPECT_FALSE(exam_category_from(ExamBasis::Report, Category::Benign2, std::nullopt).has_value());
}

bool exam_fired(const Report& report, const std::string& id) {
  return std::any_of(report.exam.trace.begin(), report.exam.trace.end(),
                     [&](const FiredRule& fired) { return fired.rule->id == id; });
}
Findings two_benign_findings() {
  Findings findings;
  Finding right = calcification({M::CoarsePopcorn});
  Finding left = calcification({M::Vascular});
  left.laterality = Laterality::Left;
  findings.findings = {right, left};
  return findings;
}
TEST(RuleE1, FindingsGiveTheExamCategory) {
  const Report report = evaluate(two_benign_findings());
  EXPECT_TRUE(exam_fired(report, "E1"));
  EXPECT_EQ(report.exam.category, Category::Benign2);
  EXPECT_EQ(report.exam.category_source, "findings");
  EXPECT_FALSE(report.exam.needs_review);
}
TEST(RuleE1, SilentWithoutFindings) { EXPECT_FALSE(exam_fired(evaluate(Findings{}), "E1")); }
TEST(RuleE2, NoFindingTakesTheReportsCategory) {
  Findings findings;
  findings.overall_category = Category::Negative1;
  EXPECT_TRUE(exam_fired(evaluate(findings), "E2"));
}
TEST(RuleE2, NoCategoryAtAllIsNone) {
  const Report report = evaluate(Findings{});
  EXPECT_FALSE(exam_fired(report, "E2"));
  EXPECT_FALSE(report.exam.category.has_value());
  EXPECT_EQ(report.exam.category_source, "none");
}
TEST(RuleE3, HigherOverallStandsOverBenignFindingsAndE4Warns) {
  Findings findings = two_benign_findings();
  findings.overall_category = Category::Suspicious4;
  const Report report = evaluate(findings);
  EXPECT_TRUE(exam_fired(report, "E3"));
  EXPECT_EQ(report.exam.category, Category::Suspicious4);  // never reassure against the report
  EXPECT_EQ(report.exam.classification, Classification::Suspicious);
  EXPECT_EQ(report.exam.category_source, "report");
  EXPECT_EQ(report.exam.reported_category, Category::Suspicious4);
  EXPECT_TRUE(exam_fired(report, "E4"));
  ASSERT_EQ(report.exam.warnings.size(), 1u);
  EXPECT_EQ(to_string(report.exam.warnings[0].code), "assessment-discordant");
  EXPECT_EQ(report.exam.warnings[0].rule, "E4");
  EXPECT_TRUE(report.exam.needs_review);
  // The breasts stay the findings' own.
  EXPECT_EQ(report.exam.breasts[0].category, Category::Benign2);
  // The exam's actions reach what its category implies (hostile review 84: routine screening
  // alone beside an overall 4 or 5 of no breast).
  EXPECT_NE(std::find(report.exam.actions.begin(), report.exam.actions.end(), Action::Biopsy),
            report.exam.actions.end());
}
TEST(RuleE3, LowerOverallLeavesTheFindingsCategoryAndE4Warns) {
  Findings findings;
  findings.findings = {calcification({M::FineLinear}, D::Segmental),
                       calcification({M::CoarsePopcorn})};
  findings.overall_category = Category::Benign2;
  const Report report = evaluate(findings);
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_EQ(report.exam.category_source, "findings");
  EXPECT_TRUE(exam_fired(report, "E4"));
  EXPECT_TRUE(report.exam.needs_review);
}
TEST(RuleE3, SilentWithOneFindingThatTookTheOverall) {
  Findings findings;
  findings.findings = {calcification({M::CoarsePopcorn})};
  findings.findings[0].reported_category = Category::Suspicious4;  // the overall, taken
  findings.findings[0].took_overall_category = true;
  findings.overall_category = Category::Suspicious4;
  const Report report = evaluate(findings);
  EXPECT_FALSE(exam_fired(report, "E3"));
  EXPECT_FALSE(exam_fired(report, "E4"));
}
TEST(RuleE3, OneFindingsOwnCategoryIsWeighedAgainstADifferentOverall) {
  // 2026.2 (issue 14, class 2): the finding's own 4 and an overall 2 disagree; both are shown.
  Findings findings;
  findings.findings = {calcification({M::CoarsePopcorn})};
  findings.findings[0].reported_category = Category::Suspicious4;  // its own, from the SR
  findings.overall_category = Category::Benign2;
  const Report report = evaluate(findings);
  EXPECT_TRUE(exam_fired(report, "E3"));
  EXPECT_TRUE(exam_fired(report, "E4"));
  EXPECT_EQ(report.exam.category, Category::Suspicious4);
  EXPECT_TRUE(report.exam.needs_review);
}
TEST(RuleE4, SilentWhenOverallAndFindingsAreBothSuspicious) {
  Findings findings;
  findings.findings = {calcification({M::Amorphous}, D::Grouped), calcification({M::Vascular})};
  findings.overall_category = Category::Suspicious4;
  const Report report = evaluate(findings);
  EXPECT_TRUE(exam_fired(report, "E3"));
  EXPECT_FALSE(exam_fired(report, "E4"));
  EXPECT_EQ(report.exam.category, Category::ModerateSuspicion4B);
}
TEST(RuleE5, OverallBiopsyFollowUpWithoutABiopsyIsFlagged) {
  Findings findings = two_benign_findings();
  findings.overall_follow_up = {codes::kBiopsyShouldBeConsidered.to_code()};
  const Report report = evaluate(findings);
  EXPECT_TRUE(exam_fired(report, "E5"));
  ASSERT_EQ(report.exam.warnings.size(), 1u);
  EXPECT_EQ(to_string(report.exam.warnings[0].code), "follow-up-differs");
  EXPECT_EQ(report.exam.warnings[0].rule, "E5");
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_EQ(report.exam.reported_follow_up.size(), 1u);
  // A biopsy asked beside a benign verdict: the exam is no benign one (hostile review 60, H60-8).
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_EQ(report.exam.classification, Classification::Indeterminate);
}
TEST(RuleE5, ABiopsyAFindingTookAsItsOwnStillSpeaksForTheExam) {
  // Hostile review 71: with one finding the overall request became the finding's own (W5) and the
  // exam stayed "BI-RADS 2 benign"; with two findings E5 made it 0.
  Findings one;
  one.findings = {calcification({M::Round}, D::Diffuse)};
  one.findings[0].reported_follow_up = {codes::kNeedleLocalizationAndBiopsy.to_code()};
  one.overall_follow_up = {codes::kNeedleLocalizationAndBiopsy.to_code()};
  const Report report = evaluate(one);
  EXPECT_TRUE(exam_fired(report, "E5"));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_NE(report.exam.classification, Classification::Benign);
  // A finding's own request alone, with no overall one, too; said once.
  one.overall_follow_up.clear();
  const Report own = evaluate(one);
  EXPECT_TRUE(exam_fired(own, "E5"));
  EXPECT_EQ(own.exam.category, Category::Incomplete0);
  EXPECT_EQ(own.exam.warnings.size(), 1u);
  // Sooner imaging a finding asks for is E21's, as the overall one is.
  one.findings[0].reported_follow_up = {codes::kShortIntervalFollowUp.to_code()};
  const Report sooner = evaluate(one);
  EXPECT_TRUE(exam_fired(sooner, "E21"));
  EXPECT_EQ(sooner.exam.category, Category::Incomplete0);
}
TEST(RuleE21, AnIntervalSoonerThanTheRulesChoseIsNoBenignExam) {
  // Hostile review 71: "Normal interval follow-up" with 0 months on the overall assessment left no
  // trace beside one benign finding.
  Findings findings = two_benign_findings();
  OverallStatement statement;
  statement.category = Category::Benign2;
  statement.intervals.push_back({0, "0 months", "1.3.1.1"});
  findings.overall_statements.push_back(statement);
  const Report report = evaluate(findings);
  EXPECT_TRUE(exam_fired(report, "E21"));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  // Twelve months is routine screening's own: nothing asked.
  findings.overall_statements.front().intervals.front().months = 12;
  EXPECT_FALSE(exam_fired(evaluate(findings), "E21"));
  // Nor is a year in days or weeks (hostile review 72: "365 days", "52 weeks" read as sooner).
  for (const double months : {365.0 / 30.4375, 52.0 * 7 / 30.4375}) {
    findings.overall_statements.front().intervals.front().months = months;
    EXPECT_FALSE(exam_fired(evaluate(findings), "E21")) << months;
  }
  findings.overall_statements.front().intervals.front().months = 6;
  EXPECT_TRUE(exam_fired(evaluate(findings), "E21"));
}
TEST(RuleE5, SilentWhenAFindingGetsABiopsy) {
  Findings findings;
  findings.findings = {calcification({M::Amorphous}, D::Grouped), calcification({M::Vascular})};
  findings.overall_follow_up = {codes::kHistologyUsingCoreBiopsy.to_code()};
  EXPECT_FALSE(exam_fired(evaluate(findings), "E5"));
}
TEST(RuleE5, SilentForRoutineFollowUp) {
  Findings findings = two_benign_findings();
  findings.overall_follow_up = {codes::kNormalIntervalFollowUp.to_code()};
  EXPECT_FALSE(exam_fired(evaluate(findings), "E5"));
}
TEST(Exam, NeedsReviewWhenAFindingDoes) {
  Findings findings = two_benign_findings();
  findings.findings.push_back(calcification({}));
  EXPECT_TRUE(evaluate(findings).exam.needs_review);
}

}  // namespace
}  // namespace mammocalc
