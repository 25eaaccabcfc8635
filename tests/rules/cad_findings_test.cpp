// Hostile review 28 (H28-1, H28-2, H28-3, H28-4): what a Mammography CAD report (TID 4000) holds
// besides a calcification finding's own descriptors counts as it does in a Breast Imaging Report:
// a Finding item nested in a CAD finding, the finding code of a CAD finding (or of the Composite
// Feature it is inferred from), the own category of a CAD mass, a code whose meaning names a
// malignancy, and an item outside every CAD finding. Content trees as an SR gives them, through
// the reader and the rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "findings/findings_extractor.hpp"
#include "findings/lexicon.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::container;
using testing::fired;
using testing::num_item;

const Code kPresentationRequired{"111150", "DCM",
                                 "Presentation Required: Rendering device is expected to present"};
const CodeConst kDistortion{"129792006", "SCT", "Architectural distortion of breast"};
const CodeConst kAsymmetry{"129789007", "SCT", "Focal asymmetric breast tissue"};
const CodeConst kMass{"129788004", "SCT", "Mammographic breast mass"};
const CodeConst kCompositeFeature{"111015", "DCM", "Composite Feature"};

ContentItem property(const std::string& position, const CodeConst& name, const Code& value) {
  return testing::code_item(position, Relationship::HasProperties, name, value);
}

// A CAD finding (a Single Image Finding unless `kind` says otherwise) at `position` of code
// `code`, Presentation Required, right breast, round and diffuse calcifications (C1/C2: 2), then
// `more` items.
ContentItem cad_finding(const std::string& position, const Code& code,
                        std::vector<ContentItem> more = {},
                        const CodeConst& kind = codes::kSingleImageFinding,
                        bool calcifications = true) {
  ContentItem finding = testing::code_item(position, Relationship::Contains, kind, code);
  finding.children.push_back(testing::code_item(position + ".1", Relationship::HasConceptMod,
                                                codes::kRenderingIntent, kPresentationRequired));
  finding.children.push_back(
      property(position + ".2", codes::kLaterality, code_of(Laterality::Right).to_code()));
  if (calcifications) {
    finding.children.push_back(
        property(position + ".3", codes::kCalcificationType, testing::code(Morphology::Round)));
    finding.children.push_back(property(position + ".4", codes::kCalcificationDistribution,
                                        testing::code(Distribution::Diffuse)));
  }
  for (ContentItem& item : more) finding.children.push_back(std::move(item));
  return finding;
}

// A CAD report whose CAD Processing and Findings Summary (1.1) says all algorithms succeeded with
// findings, with one Individual Impression/Recommendation (1.1.1) holding `finding` (at 1.1.1.2),
// then `summary_items` on the summary and `root_items` on the root.
SrDocument cad_report(ContentItem finding, std::vector<ContentItem> summary_items = {},
                      std::vector<ContentItem> root_items = {}) {
  SrDocument document;
  document.header.sop_class_uid = "1.2.840.10008.5.1.4.1.1.88.50";
  document.root = container("1", codes::kMammographyCadReport);
  ContentItem summary =
      testing::code_item("1.1", Relationship::Contains, codes::kCadSummary,
                         Code{"111242", "DCM", "All algorithms succeeded; with findings"});
  ContentItem impression = container("1.1.1", codes::kIndividualImpression);
  impression.relationship = Relationship::InferredFrom;
  impression.children.push_back(testing::code_item("1.1.1.1", Relationship::HasConceptMod,
                                                   codes::kRenderingIntent, kPresentationRequired));
  impression.children.push_back(std::move(finding));
  summary.children.push_back(std::move(impression));
  for (ContentItem& item : summary_items) summary.children.push_back(std::move(item));
  document.root.children.push_back(std::move(summary));
  document.root.children.push_back(testing::code_item("1.2", Relationship::Contains,
                                                      codes::kSummaryOfDetections,
                                                      Code{"111222", "DCM", "Succeeded"}));
  document.root.children.push_back(testing::code_item("1.3", Relationship::Contains,
                                                      codes::kSummaryOfAnalyses,
                                                      Code{"111222", "DCM", "Succeeded"}));
  for (ContentItem& item : root_items) document.root.children.push_back(std::move(item));
  return document;
}

ContentItem cluster(std::vector<ContentItem> more = {}) {
  return cad_finding("1.1.1.2", codes::kCalcificationCluster.to_code(), std::move(more));
}

Report evaluate_cad(const SrDocument& document) {
  return evaluate(extract_findings(document, "cad.dcm"));
}

using testing::exam_fired;

bool says(const std::vector<Warning>& warnings, const std::string& words) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const Warning& warning) {
    return warning.text.find(words) != std::string::npos;
  });
}

// A note of the reader about the report (outside every finding) that holds `words`.
bool report_note_says(const Report& report, const std::string& words) {
  return std::any_of(
      report.input.notes.begin(), report.input.notes.end(),
      [&](const ReaderNote& note) { return note.text.find(words) != std::string::npos; });
}

TEST(CadControl, ARoundDiffuseClusterIsBenignWithoutReview) {
  const Report report = evaluate_cad(cad_report(cluster()));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.decisions.front().final_category, Category::Benign2);
  EXPECT_FALSE(report.decisions.front().needs_review);
  EXPECT_FALSE(exam_fired(report, "E8"));
  EXPECT_FALSE(report.exam.needs_review);
  EXPECT_EQ(report.exam.category, Category::Benign2);
}

// --- Hostile review 71: a value the CAD gives twice; the first one no longer decides ---

TEST(CadValueGivenTwice, TwoRenderingIntentsShowTheFindingAndAreReviewed) {
  for (const bool hiding_first : {true, false}) {
    ContentItem finding = cluster();
    const ContentItem hiding =
        testing::code_item("1.1.1.2.9", Relationship::HasConceptMod, codes::kRenderingIntent,
                           codes::kNotForPresentation.to_code());
    const auto at = hiding_first ? finding.children.begin() : finding.children.end();
    finding.children.insert(at, hiding);
    const Report report = evaluate_cad(cad_report(finding));
    ASSERT_EQ(report.decisions.size(), 1u) << hiding_first;
    EXPECT_TRUE(fired(report.decisions.front(), "W9")) << hiding_first;
    EXPECT_TRUE(report.exam.needs_review) << hiding_first;
  }
  // Not for Presentation alone still hides it.
  ContentItem hidden = cluster();
  hidden.children.front().code = codes::kNotForPresentation.to_code();
  EXPECT_TRUE(evaluate_cad(cad_report(hidden)).decisions.empty());
}

// Hostile review 84: a fine-linear cluster marked Not for Presentation left the exam benign and
// unreviewed. Still skipped (the CAD chose not to show it), it is named with its breast and
// kinds, and the exam needs review (E23); a hidden round, diffuse cluster asks for none.
TEST(CadNotForPresentation, ASuspiciousHiddenFindingIsNamedAndReviewed) {
  ContentItem hidden = cluster();
  hidden.children.front().code = codes::kNotForPresentation.to_code();
  hidden.children[2].code = testing::code(Morphology::FineLinear);
  const Report report = evaluate_cad(cad_report(hidden));
  EXPECT_TRUE(report.decisions.empty());
  EXPECT_TRUE(exam_fired(report, "E23"));
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  // Its breast has a row of 0, never "no calcification finding" (hostile review 85).
  ASSERT_EQ(report.exam.breasts.size(), 1u);
  EXPECT_EQ(report.exam.breasts[0].laterality, Laterality::Right);
  EXPECT_EQ(report.exam.breasts[0].category, Category::Incomplete0);
  EXPECT_EQ(report.exam.breasts[0].findings, 0);
  // E23's warning names what the rules would make of it and its breast.
  EXPECT_TRUE(std::any_of(
      report.exam.warnings.begin(), report.exam.warnings.end(), [](const Warning& warning) {
        return warning.code == WarningCode::NotForPresentation && warning.rule == "E23" &&
               warning.text.find("suspicious") != std::string::npos &&
               warning.text.find("right breast") != std::string::npos;
      }));
  ContentItem benign = cluster();
  benign.children.front().code = codes::kNotForPresentation.to_code();
  const Report benign_report = evaluate_cad(cad_report(benign));
  EXPECT_FALSE(exam_fired(benign_report, "E23"));
  EXPECT_TRUE(benign_report.exam.breasts.empty());
  // Hostile review 85: one whose only sign is a category of 5 (or a probability, an unreadable
  // type) is weighed as the rules weigh a shown one.
  ContentItem highly_suggestive = cluster({property(
      "1.1.1.2.5", codes::kAssessmentCategory, code_of(Category::HighlySuggestive5).to_code())});
  highly_suggestive.children.front().code = codes::kNotForPresentation.to_code();
  EXPECT_TRUE(exam_fired(evaluate_cad(cad_report(highly_suggestive)), "E23"));
}

ContentItem without_laterality(ContentItem finding) {
  finding.children.erase(std::remove_if(finding.children.begin(), finding.children.end(),
                                        [](const ContentItem& child) {
                                          return child.concept_name.value ==
                                                 codes::kLaterality.value;
                                        }),
                         finding.children.end());
  return finding;
}

ContentItem image_of(const std::string& position, Laterality laterality) {
  ContentItem image;
  image.position = position;
  image.relationship = Relationship::InferredFrom;
  image.value_type = ValueType::Image;
  image.children.push_back(testing::code_item(position + ".1", Relationship::HasAcqContext,
                                              codes::kImageLaterality,
                                              code_of(laterality).to_code()));
  return image;
}

TEST(CadValueGivenTwice, AnImageWithTwoLateralitiesGivesTheFindingNoBreast) {
  for (const bool right_first : {true, false}) {
    ContentItem finding = without_laterality(cluster());
    ContentItem image;
    image.position = "1.1.1.2.9";
    image.relationship = Relationship::InferredFrom;
    image.value_type = ValueType::Image;
    const Laterality first = right_first ? Laterality::Right : Laterality::Left;
    const Laterality second = right_first ? Laterality::Left : Laterality::Right;
    image.children.push_back(testing::code_item("1.1.1.2.9.1", Relationship::HasAcqContext,
                                                codes::kImageLaterality, code_of(first).to_code()));
    image.children.push_back(testing::code_item("1.1.1.2.9.2", Relationship::HasAcqContext,
                                                codes::kImageLaterality,
                                                code_of(second).to_code()));
    finding.children.push_back(image);
    const Report report = evaluate_cad(cad_report(finding));
    ASSERT_EQ(report.decisions.size(), 1u) << right_first;
    EXPECT_TRUE(fired(report.decisions.front(), "W9")) << right_first;
    EXPECT_TRUE(report.decisions.front().needs_review) << right_first;
    EXPECT_EQ(report.input.findings.front().laterality, Laterality::Unknown) << right_first;
    EXPECT_EQ(report.input.findings.front().laterality_source, LateralitySource::Conflicting)
        << right_first;
  }
}

// --- Hostile review 73: a cluster's members and the cluster's breast ---

TEST(CadClusterMembers, MembersOnTheOtherBreastsImageAreAConflictNotAChoice) {
  ContentItem member =
      without_laterality(cad_finding("1.1.1.2.5", codes::kIndividualCalcification.to_code(),
                                     {image_of("1.1.1.2.5.9", Laterality::Left)}));
  member.relationship = Relationship::InferredFrom;
  member.children[1] = property("1.1.1.2.5.3", codes::kCalcificationType,
                                testing::code(Morphology::FinePleomorphic));
  const ContentItem finding =
      without_laterality(cluster({image_of("1.1.1.2.8", Laterality::Right), member}));
  const Report report = evaluate_cad(cad_report(finding));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.input.findings.front().laterality, Laterality::Unknown);
  EXPECT_EQ(report.input.findings.front().laterality_source, LateralitySource::Conflicting);
  EXPECT_TRUE(fired(report.decisions.front(), "W9"));
  EXPECT_TRUE(report.decisions.front().needs_review);
  // Members on the cluster's own breast add nothing.
  ContentItem same_side = member;
  same_side.children.back() = image_of("1.1.1.2.5.9", Laterality::Right);
  const Report agreeing = evaluate_cad(cad_report(
      without_laterality(cluster({image_of("1.1.1.2.8", Laterality::Right), same_side}))));
  ASSERT_EQ(agreeing.decisions.size(), 1u);
  EXPECT_EQ(agreeing.input.findings.front().laterality, Laterality::Right);
  EXPECT_FALSE(fired(agreeing.decisions.front(), "W9"));
}

TEST(CadClusterMembers, AClusterInferredFromAClusterHasItsMembers) {
  const Code not_for_presentation = codes::kNotForPresentation.to_code();
  ContentItem member = cad_finding("1.1.1.2.5.5", codes::kIndividualCalcification.to_code());
  member.relationship = Relationship::InferredFrom;
  member.children[0].code = not_for_presentation;
  member.children[2] = property("1.1.1.2.5.5.3", codes::kCalcificationType,
                                testing::code(Morphology::FinePleomorphic));
  ContentItem inner = cad_finding("1.1.1.2.5", codes::kCalcificationCluster.to_code(), {member});
  inner.relationship = Relationship::InferredFrom;
  inner.children[0].code = not_for_presentation;
  const Report report = evaluate_cad(cad_report(cluster({inner})));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.input.findings.front().position, "1.1.1.2");
  EXPECT_EQ(report.decisions.front().final_category, Category::ModerateSuspicion4B);
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

// Hostile review 90 (S2): a member's (and the cluster's own) Calcification Type is read as a
// TID 4206 finding's: a round code shown as "Fine pleomorphic calcification" counts both terms, a
// meaning that says more ("Round, new") is said; each for review.
TEST(CadClusterMembers, AMembersTypeWhoseMeaningNamesAnotherTermCountsBoth) {
  for (const char* meaning : {"Fine pleomorphic calcification", "Round calcification, new"}) {
    ContentItem member = cad_finding("1.1.1.2.5", codes::kIndividualCalcification.to_code());
    member.relationship = Relationship::InferredFrom;
    Code shown = testing::code(Morphology::Round);
    shown.meaning = meaning;
    member.children[2] = property("1.1.1.2.5.3", codes::kCalcificationType, shown);
    const Report report = evaluate_cad(cad_report(cluster({member})));
    ASSERT_EQ(report.decisions.size(), 1u) << meaning;
    const std::vector<Warning>& warnings = report.decisions.front().warnings;
    EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const Warning& warning) {
      return warning.code == WarningCode::CodeMeaningDiscordant;
    })) << meaning;
    EXPECT_TRUE(report.decisions.front().needs_review) << meaning;
    EXPECT_NE(report.exam.classification, Classification::Benign) << meaning;
  }
  ContentItem shown_so = cluster();
  Code pleomorphic = testing::code(Morphology::Round);
  pleomorphic.meaning = "Fine pleomorphic calcification";
  shown_so.children[2].code = pleomorphic;
  const Report report = evaluate_cad(cad_report(shown_so));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.decisions.front().final_category, Category::ModerateSuspicion4B);
}

// A cluster (1.1.1.2) beside a mass (1.1.1.3, category 2 of its own) in the same impression,
// the cluster inferred from the mass by reference.
SrDocument cluster_inferred_from(const std::string& target, const Code& mass = kMass.to_code()) {
  SrDocument document = cad_report(cluster());
  ContentItem& impression = document.root.children.front().children.front();
  impression.children.push_back(cad_finding(
      "1.1.1.3", mass,
      {property("1.1.1.3.5", codes::kAssessmentCategory, code_of(Category::Benign2).to_code())},
      codes::kSingleImageFinding, false));
  ContentItem by_reference;
  by_reference.position = "1.1.1.2.9";
  by_reference.relationship = Relationship::InferredFrom;
  by_reference.value_type = ValueType::ByReference;
  by_reference.referenced_position = target;
  impression.children[1].children.push_back(by_reference);
  return document;
}

// Hostile review 77: a cluster inferred, by reference, from a mass was "BI-RADS 2 benign, routine
// screening", the mass unsaid; it holds the mass as a Composite Feature would (C11), and an item
// that is no CAD finding (a container, another finding's property) is said, never a member.
TEST(CadClusterMembers, AMassItIsInferredFromMakesItsCalcificationsWithinIt) {
  const Report report = evaluate_cad(cluster_inferred_from("1.1.1.3"));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(report.input.findings.front().mass_with_calcifications);
  EXPECT_TRUE(fired(report.decisions.front(), "C11"));
  EXPECT_NE(report.exam.classification, Classification::Benign);
  // A code outside CID 6014 whose meaning names a mass counts as one (hostile review 79).
  const Report by_meaning =
      evaluate_cad(cluster_inferred_from("1.1.1.3", Code{"4147007", "SCT", "Mass"}));
  ASSERT_EQ(by_meaning.decisions.size(), 1u);
  EXPECT_TRUE(fired(by_meaning.decisions.front(), "C11"));
  for (const char* target : {"1.1.1", "1.1.1.3.5"}) {
    const Report odd = evaluate_cad(cluster_inferred_from(target));
    ASSERT_EQ(odd.decisions.size(), 1u) << target;
    EXPECT_TRUE(says(odd.decisions.front().warnings, "it is no CAD finding")) << target;
    EXPECT_TRUE(odd.exam.needs_review) << target;
  }
}

// --- H28-3: a Finding item nested in a CAD calcification finding is that finding's ---

TEST(CadNestedFinding, ADistortionCountsLikeC15AndIsSaid) {
  const Report report = evaluate_cad(
      cad_report(cluster({property("1.1.1.2.5", codes::kFinding, kDistortion.to_code())})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C15"));
  EXPECT_TRUE(fired(decision, "W19"));
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_EQ(decision.final_category, Category::LowSuspicion4A);
  EXPECT_TRUE(decision.needs_review);
  EXPECT_TRUE(says(decision.warnings, "1.1.1.2.5"));
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

TEST(CadNestedFinding, AnAsymmetryCountsLikeC16) {
  const Report report = evaluate_cad(
      cad_report(cluster({property("1.1.1.2.5", codes::kFinding, kAsymmetry.to_code())})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C16"));
  EXPECT_TRUE(fired(decision, "W19"));
  EXPECT_NE(decision.classification, Classification::Benign);
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

TEST(CadNestedFinding, AMassCountsLikeC11) {
  const Report report =
      evaluate_cad(cad_report(cluster({property("1.1.1.2.5", codes::kFinding, kMass.to_code())})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C11"));
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_NE(decision.classification, Classification::Benign);
  EXPECT_TRUE(decision.needs_review);
  EXPECT_TRUE(says(decision.warnings, describe(kMass.to_code())));
}

TEST(CadNestedFinding, AnItemBelowTheNestedFindingCountsToo) {
  ContentItem nested = property("1.1.1.2.5", codes::kFinding, Code{"99999", "99LOCAL", "Lesion"});
  nested.children.push_back(property("1.1.1.2.5.1", codes::kCalcificationType,
                                     testing::code(Morphology::FinePleomorphic)));
  const Report report = evaluate_cad(cad_report(cluster({nested})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(decision.needs_review);
  EXPECT_EQ(decision.final_category, Category::ModerateSuspicion4B);  // the fine pleomorphic type
  EXPECT_TRUE(says(decision.warnings, "1.1.1.2.5.1"));
}

// --- H28-3: a pathology result on a CAD finding ---

TEST(CadPathology, AMalignantResultMakesTheFinding6) {
  const Report report = evaluate_cad(cad_report(cluster({property(
      "1.1.1.2.5", codes::kPathology, Code{"111389", "DCM", "Invasive breast carcinoma"})})));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(fired(report.decisions.front(), "C13"));
  EXPECT_EQ(report.decisions.front().final_category, Category::KnownMalignancy6);
}

// A benign code shown as a malignancy: the radiologist saw "Malignant neoplasm of breast".
TEST(CadPathology, ABenignCodeWhoseMeaningNamesAMalignancyIsReadAsOneAndSaid) {
  for (const CodeConst& where : {codes::kSingleImageFinding, kCompositeFeature}) {
    const Report report = evaluate_cad(
        cad_report(cad_finding("1.1.1.2", codes::kCalcificationCluster.to_code(),
                               {property("1.1.1.2.5", codes::kPathology,
                                         Code{"399294002", "SCT", "Malignant neoplasm of breast"})},
                               where)));
    ASSERT_EQ(report.decisions.size(), 1u) << where.meaning;
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, "C13")) << where.meaning;
    EXPECT_TRUE(fired(decision, "W17")) << where.meaning;
    EXPECT_EQ(decision.final_category, Category::KnownMalignancy6) << where.meaning;
    EXPECT_TRUE(decision.needs_review) << where.meaning;
    EXPECT_TRUE(says(decision.warnings, "Malignant neoplasm of breast")) << where.meaning;
  }
}

TEST(CadPathology, ABenignCodeWithItsOwnMeaningIsNoDiscordance) {
  const Report report = evaluate_cad(cad_report(cluster(
      {property("1.1.1.2.5", codes::kPathology, Code{"399294002", "SCT", "Cyst of breast"})})));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_FALSE(fired(report.decisions.front(), "W17"));
  EXPECT_FALSE(fired(report.decisions.front(), "C13"));
}

// --- H28-4: the finding code of a CAD finding names a distortion or an asymmetry ---

TEST(CadFindingCode, ADistortionWithRoundCalcificationsIsNeverBelow4A) {
  const Report report = evaluate_cad(cad_report(cad_finding("1.1.1.2", kDistortion.to_code())));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C15"));
  EXPECT_TRUE(fired(decision, "W19"));
  EXPECT_EQ(decision.final_category, Category::LowSuspicion4A);
  EXPECT_TRUE(decision.needs_review);
}

TEST(CadFindingCode, AnAsymmetryWithRoundCalcificationsIsNeverBenign) {
  const Report report = evaluate_cad(cad_report(cad_finding("1.1.1.2", kAsymmetry.to_code())));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C16"));
  EXPECT_TRUE(fired(decision, "W19"));
  EXPECT_NE(decision.classification, Classification::Benign);
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

// TID 4005: a Composite Feature coded as a distortion, inferred from a calcification cluster.
TEST(CadFindingCode, AClusterInferredByADistortionCompositeIsTheDistortions) {
  ContentItem composite = testing::code_item("1.1.1.2", Relationship::Contains, kCompositeFeature,
                                             kDistortion.to_code());
  composite.children.push_back(testing::code_item("1.1.1.2.1", Relationship::HasConceptMod,
                                                  codes::kRenderingIntent, kPresentationRequired));
  ContentItem member = cad_finding("1.1.1.2.2", codes::kCalcificationCluster.to_code());
  member.relationship = Relationship::InferredFrom;
  composite.children.push_back(std::move(member));
  const Report report = evaluate_cad(cad_report(std::move(composite)));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C15"));
  EXPECT_TRUE(fired(decision, "W19"));
  EXPECT_EQ(decision.final_category, Category::LowSuspicion4A);
}

// --- H32-4: a CAD finding's code is read as a TID 4206 finding code is ---

bool warned(const Decision& decision, WarningCode code) {
  return std::any_of(decision.warnings.begin(), decision.warnings.end(),
                     [&](const Warning& warning) { return warning.code == code; });
}

// A code outside CID 6014 (a local code, an SCT code of no breast finding) with round, diffuse
// calcifications: read for its descriptors, never benign without review.
TEST(CadFindingCode, AnUnknownCodeIsSaidAndTheFindingReviewed) {
  for (const Code& code :
       {Code{"XYZ1", "99LOCAL", "Suspicious cluster"}, Code{"12345678", "SCT", "Something"}}) {
    const Report report = evaluate_cad(cad_report(cad_finding("1.1.1.2", code)));
    ASSERT_EQ(report.decisions.size(), 1u) << code.value;
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(warned(decision, WarningCode::UnknownCode)) << code.value;
    EXPECT_TRUE(says(decision.warnings, "is not in CID 6014")) << code.value;
    EXPECT_TRUE(fired(decision, "W10")) << code.value;
    EXPECT_TRUE(decision.needs_review) << code.value;
    EXPECT_TRUE(report.exam.needs_review) << code.value;
    EXPECT_NE(report.exam.classification, Classification::Benign) << code.value;
  }
}

// (4147007, SCT, "Mass") is no CID 6014 code, and its meaning names a mass: unknown, and the
// calcifications count as in a mass (C11).
TEST(CadFindingCode, AnUnknownCodeWhoseMeaningNamesAMassIsBothSaid) {
  const Report report =
      evaluate_cad(cad_report(cad_finding("1.1.1.2", Code{"4147007", "SCT", "Mass"})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(warned(decision, WarningCode::UnknownCode));
  EXPECT_TRUE(warned(decision, WarningCode::CodeMeaningDiscordant));
  EXPECT_TRUE(fired(decision, "C11"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(decision.final_category, Category::Benign2);
}

// A cluster code shown as "Mass with calcifications" reads as calcifications in a mass (C11), a
// negated mass beside an asymmetry as calcifications in an asymmetry (C16), and the discordance
// is said (W17), as for a TID 4206 finding code (H31-1).
TEST(CadFindingCode, AClusterCodeWhoseMeaningNamesALesionCountsAsInIt) {
  const struct {
    std::string meaning;
    std::string rule;
    std::string not_rule;
  } cases[] = {{"Mass with calcifications", "C11", "C16"},
               {"No mass; asymmetry", "C16", "C11"},
               {"Calcification cluster in architectural distortion", "C15", "C11"}};
  for (const auto& each : cases) {
    const Report report =
        evaluate_cad(cad_report(cad_finding("1.1.1.2", Code{"129769006", "SCT", each.meaning})));
    ASSERT_EQ(report.decisions.size(), 1u) << each.meaning;
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(fired(decision, each.rule)) << each.meaning;
    EXPECT_FALSE(fired(decision, each.not_rule)) << each.meaning;
    EXPECT_TRUE(warned(decision, WarningCode::CodeMeaningDiscordant)) << each.meaning;
    EXPECT_FALSE(warned(decision, WarningCode::UnknownCode)) << each.meaning;
    EXPECT_TRUE(decision.needs_review) << each.meaning;
    EXPECT_NE(decision.final_category, Category::Benign2) << each.meaning;
    EXPECT_NE(report.exam.classification, Classification::Benign) << each.meaning;
  }
}

// The standard's own codes with their own meanings add nothing (the known good CAD reports).
TEST(CadFindingCode, TheTemplatesCodesWithTheirOwnMeaningsAddNothing) {
  for (const CodeConst& code : {codes::kCalcificationCluster, codes::kIndividualCalcification}) {
    const Report report = evaluate_cad(cad_report(cad_finding("1.1.1.2", code.to_code())));
    ASSERT_EQ(report.decisions.size(), 1u) << code.meaning;
    const Decision& decision = report.decisions.front();
    EXPECT_TRUE(decision.warnings.empty()) << code.meaning;
    EXPECT_EQ(decision.final_category, Category::Benign2) << code.meaning;
    EXPECT_FALSE(decision.needs_review) << code.meaning;
  }
}

// The Composite Feature a cluster is inferred from: a code outside CID 6016 is said, a meaning
// naming a mass counts as one (C11).
ContentItem composite_of_cluster(const Code& code) {
  ContentItem composite =
      testing::code_item("1.1.1.2", Relationship::Contains, kCompositeFeature, code);
  composite.children.push_back(testing::code_item("1.1.1.2.1", Relationship::HasConceptMod,
                                                  codes::kRenderingIntent, kPresentationRequired));
  ContentItem member = cad_finding("1.1.1.2.2", codes::kCalcificationCluster.to_code());
  member.relationship = Relationship::InferredFrom;
  composite.children.push_back(std::move(member));
  return composite;
}

TEST(CadFindingCode, AClustersCompositeOfUnknownCodeIsSaidAndReviewed) {
  const Report report =
      evaluate_cad(cad_report(composite_of_cluster(Code{"XYZ2", "99LOCAL", "Suspicious region"})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(warned(decision, WarningCode::UnknownCode));
  EXPECT_TRUE(says(decision.warnings, "is not in CID 6016"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

TEST(CadFindingCode, AClustersCompositeWhoseMeaningNamesADistortionCountsAsOne) {
  const Report report = evaluate_cad(cad_report(composite_of_cluster(
      Code{std::string(kMass.value), "SCT", "Mass with architectural distortion"})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(fired(decision, "C11"));
  EXPECT_TRUE(fired(decision, "C15"));
  EXPECT_TRUE(warned(decision, WarningCode::CodeMeaningDiscordant));
  EXPECT_TRUE(decision.needs_review);
}

// H30-9: Breast composition is in CID 6014 (by CID 6015) but names no lesion calcifications
// can be in: a CAD finding coded so with calcification descriptors is said and reviewed.
TEST(CadFindingCode, ACodeNamingNoLesionIsSaidAndReviewed) {
  const Report report = evaluate_cad(
      cad_report(cad_finding("1.1.1.2", Code{"129715009", "SCT", "Breast composition"})));
  ASSERT_EQ(report.decisions.size(), 1u);
  const Decision& decision = report.decisions.front();
  EXPECT_TRUE(warned(decision, WarningCode::UnknownCode));
  EXPECT_TRUE(fired(decision, "W10"));
  EXPECT_TRUE(decision.needs_review);
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

// --- H28-1 (CAD): a CAD mass's own Assessment Category ---

TEST(CadUnassessedFinding, AMassCategory5WithoutCalcificationsStandsForTheExam) {
  const Report report = evaluate_cad(
      cad_report(cad_finding("1.1.1.2", kMass.to_code(),
                             {property("1.1.1.2.5", codes::kAssessmentCategory,
                                       code_of(Category::HighlySuggestive5).to_code())},
                             codes::kSingleImageFinding, false)));
  EXPECT_TRUE(report.decisions.empty());
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_TRUE(report.exam.needs_review);
  ASSERT_EQ(report.input.unassessed_findings.size(), 1u);
  EXPECT_EQ(report.input.unassessed_findings.front().laterality, Laterality::Right);
}

TEST(CadUnassessedFinding, AMassCategory5BesideABenignClusterRaisesItsBreast) {
  SrDocument document = cad_report(cluster());
  ContentItem& impression = document.root.children.front().children.front();
  impression.children.push_back(
      cad_finding("1.1.1.3", kMass.to_code(),
                  {property("1.1.1.3.5", codes::kAssessmentCategory,
                            code_of(Category::HighlySuggestive5).to_code())},
                  codes::kSingleImageFinding, false));
  const Report report = evaluate_cad(document);
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_TRUE(report.exam.needs_review);
}

// --- H29-1, H29-2, H29-4: every item of a CAD finding the rules do not assess counts ---

const Code kPercent{"%", "UCUM", "percent"};

// The benign cluster (1.1.1.2) and, in the same impression, a right CAD finding of `code` at
// 1.1.1.3 without calcification descriptors, holding `items`.
SrDocument cluster_beside(const Code& code, std::vector<ContentItem> items,
                          const CodeConst& kind = codes::kSingleImageFinding) {
  SrDocument document = cad_report(cluster());
  ContentItem& impression = document.root.children.front().children.front();
  impression.children.push_back(cad_finding("1.1.1.3", code, std::move(items), kind, false));
  return document;
}

Category right_breast_category(const Report& report) {
  const auto right = std::find_if(
      report.exam.breasts.begin(), report.exam.breasts.end(),
      [](const BreastSummary& breast) { return breast.laterality == Laterality::Right; });
  return right == report.exam.breasts.end() ? Category::Incomplete0 : right->category;
}

// Hostile review 77: a CAD mass with no category beside benign calcifications left its breast
// "BI-RADS 2, routine screening": a detection nobody assessed makes it 0, for review (E15).
TEST(CadUnassessedFinding, ADetectionWithoutACategoryMakesItsBreastIncomplete) {
  const Report report = evaluate_cad(cluster_beside(kMass.to_code(), {}));
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.decisions.front().final_category, Category::Benign2);
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(right_breast_category(report), Category::Incomplete0);
  EXPECT_TRUE(report.exam.needs_review);
}

TEST(CadUnassessedFinding, WhatTheRulesDoNotReadMakesItsBreastAndTheExamNeverBenign) {
  const std::vector<ContentItem> items{
      num_item("1.1.1.3.5", CodeConst{"111047", "DCM", "Probability of cancer"}, 95, kPercent),
      num_item("1.1.1.3.5", CodeConst{"111012", "DCM", "Certainty of Finding"}, 97, kPercent),
      num_item("1.1.1.3.5", CodeConst{"81827009", "SCT", "Diameter"}, 25,
               Code{"mm", "UCUM", "millimeter"}),
      property("1.1.1.3.5", CodeConst{"405642009", "SCT", "Margin"},
               Code{"129742005", "SCT", "Spiculated lesion"}),
  };
  for (const Code& finding_code : {kMass.to_code(), kDistortion.to_code()}) {
    for (const ContentItem& item : items) {
      const Report report = evaluate_cad(cluster_beside(finding_code, {item}));
      const std::string what = finding_code.meaning + ", " + item.concept_name.meaning;
      ASSERT_EQ(report.decisions.size(), 1u) << what;
      EXPECT_TRUE(exam_fired(report, "E15")) << what;
      EXPECT_EQ(right_breast_category(report), Category::Incomplete0) << what;
      EXPECT_EQ(report.exam.category, Category::Incomplete0) << what;
      EXPECT_TRUE(report.exam.needs_review) << what;
      EXPECT_TRUE(report_note_says(report, "1.1.1.3.5")) << what;
    }
  }
}

TEST(CadUnassessedFinding, ItsProbabilityOfCancerAloneIsNoSilentExam) {
  const Report report = evaluate_cad(cad_report(cad_finding(
      "1.1.1.2", kMass.to_code(),
      {num_item("1.1.1.2.5", CodeConst{"111047", "DCM", "Probability of cancer"}, 95, kPercent)},
      codes::kSingleImageFinding, false)));
  EXPECT_TRUE(report.decisions.empty());
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_TRUE(report_note_says(report, "= 95"));
}

TEST(CadUnassessedFinding, ASuspiciousCalcificationCodeInItIsNeverBelow4A) {
  const Report report = evaluate_cad(
      cluster_beside(kMass.to_code(),
                     {property("1.1.1.3.5", CodeConst{"116676008", "SCT", "Associated morphology"},
                               testing::code(Morphology::FinePleomorphic))}));
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_GE(category_rank(right_breast_category(report)), category_rank(Category::LowSuspicion4A));
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

TEST(CadUnassessedFinding, ACategoryWhoseMeaningNames5Counts5AndIsSaid) {
  const Report report = evaluate_cad(cluster_beside(
      kMass.to_code(), {property("1.1.1.3.5", codes::kAssessmentCategory,
                                 Code{std::string(code_of(Category::Benign2).value), "SCT",
                                      "5 - Highly suggestive of malignancy"})}));
  EXPECT_EQ(right_breast_category(report), Category::HighlySuggestive5);
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_TRUE(std::any_of(
      report.input.notes.begin(), report.input.notes.end(),
      [](const ReaderNote& note) { return note.code == WarningCode::CodeMeaningDiscordant; }));
}

TEST(CadUnassessedFinding, AMalignantPathologyMakesItsBreast6) {
  const Report report = evaluate_cad(cluster_beside(
      kMass.to_code(), {property("1.1.1.3.5", codes::kPathology,
                                 Code{"82711006", "SCT", "Infiltrating duct carcinoma"})}));
  EXPECT_EQ(right_breast_category(report), Category::KnownMalignancy6);
  EXPECT_EQ(report.exam.category, Category::KnownMalignancy6);
}

TEST(CadUnassessedFinding, AFollowUpWhoseMeaningNamesABiopsyCounts) {
  const Report report = evaluate_cad(cluster_beside(
      kMass.to_code(),
      {property("1.1.1.3.5", codes::kRecommendedFollowUp,
                Code{"111140", "DCM", "Stereotactic biopsy"})}));  // normal interval's code
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(right_breast_category(report), Category::Incomplete0);
  EXPECT_TRUE(report.exam.needs_review);
}

TEST(CadUnassessedFinding, ItsOwnImpressionsCategoryCountsForItsBreast) {
  SrDocument document = cad_report(cluster());
  ContentItem& summary = document.root.children.front();
  ContentItem impression = container("1.1.3", codes::kIndividualImpression);
  impression.relationship = Relationship::InferredFrom;
  ContentItem mass = cad_finding("1.1.3.1", kMass.to_code(), {}, codes::kSingleImageFinding, false);
  mass.children[1].code = code_of(Laterality::Left).to_code();
  impression.children.push_back(std::move(mass));
  impression.children.push_back(
      property("1.1.3.2", codes::kAssessmentCategory, code_of(Category::Suspicious4).to_code()));
  summary.children.push_back(std::move(impression));
  const Report report = evaluate_cad(document);
  EXPECT_FALSE(exam_fired(report, "E8"));
  const auto left = std::find_if(
      report.exam.breasts.begin(), report.exam.breasts.end(),
      [](const BreastSummary& breast) { return breast.laterality == Laterality::Left; });
  ASSERT_NE(left, report.exam.breasts.end());
  EXPECT_EQ(left->category, Category::Suspicious4);
  EXPECT_EQ(report.exam.category, Category::Suspicious4);
}

TEST(CadUnassessedFinding, AFindingOfUnknownCodeGivesItsCategory) {
  const Report report =
      evaluate_cad(cluster_beside(Code{"12345678", "SCT", "Something"},
                                  {property("1.1.1.3.5", codes::kAssessmentCategory,
                                            code_of(Category::HighlySuggestive5).to_code())}));
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_TRUE(report_note_says(report, "not a finding code this tool knows"));
}

// A Composite Feature's Single Image Findings are each read: the feature's reading does not
// swallow them.
TEST(CadUnassessedFinding, TheMassFindingOfAMassCompositeFeatureIsReadToo) {
  ContentItem mass = cad_finding(
      "1.1.1.3.5", kMass.to_code(),
      {num_item("1.1.1.3.5.5", CodeConst{"111047", "DCM", "Probability of cancer"}, 95, kPercent)},
      codes::kSingleImageFinding, false);
  mass.relationship = Relationship::InferredFrom;
  const Report report =
      evaluate_cad(cluster_beside(kMass.to_code(), {std::move(mass)}, kCompositeFeature));
  EXPECT_TRUE(exam_fired(report, "E15"));
  EXPECT_EQ(right_breast_category(report), Category::Incomplete0);
  EXPECT_TRUE(report_note_says(report, "= 95"));
}

// TID 4011's own descriptors of a mass (Lesion Density, Shape, Margins) are template items, and
// the mass's own benign category stands without review.
TEST(CadUnassessedFinding, ItsTemplatesDescriptorsAreNoReasonForReview) {
  const Report report = evaluate_cad(cluster_beside(
      kMass.to_code(),
      {property("1.1.1.3.5", CodeConst{"107644003", "SCT", "Shape"},
                Code{"84360004", "SCT", "Ovoid shape (Oval)"}),
       property("1.1.1.3.6", CodeConst{"111037", "DCM", "Margins"},
                Code{"129738007", "SCT", "Circumscribed lesion"}),
       property("1.1.1.3.7", codes::kAssessmentCategory, code_of(Category::Benign2).to_code())}));
  EXPECT_FALSE(exam_fired(report, "E8"));
  EXPECT_EQ(report.exam.category, Category::Benign2);
  EXPECT_FALSE(report.exam.needs_review);
}

// Hostile review 30 (H30-1, H30-2): a suspicious descriptor value (a spiculated margin, an
// irregular shape) is never "benign, no review"; a value outside its context group is unknown.
TEST(CadUnassessedFinding, ASuspiciousDescriptorValueMakesItsBreastNeverBenign) {
  for (const auto& [concept, value] :
       {std::pair{CodeConst{"111037", "DCM", "Margins"},
                  Code{"129742005", "SCT", "Spiculated lesion"}},
        std::pair{CodeConst{"107644003", "SCT", "Shape"}, Code{"49608001", "SCT", "Irregular"}}}) {
    const Report report = evaluate_cad(cluster_beside(
        kMass.to_code(),
        {property("1.1.1.3.5", concept, value),
         property("1.1.1.3.6", codes::kAssessmentCategory, code_of(Category::Benign2).to_code())}));
    EXPECT_TRUE(exam_fired(report, "E15")) << value.meaning;
    EXPECT_EQ(right_breast_category(report), Category::Incomplete0) << value.meaning;
    EXPECT_TRUE(report.exam.needs_review) << value.meaning;
  }
}
TEST(CadUnassessedFinding, ADescriptorValueOutsideItsContextGroupIsUnknown) {
  const Report report = evaluate_cad(
      cluster_beside(kMass.to_code(), {property("1.1.1.3.5", CodeConst{"111037", "DCM", "Margins"},
                                                Code{"LOC1", "99LOCAL", "Fuzzy"})}));
  EXPECT_TRUE(report_note_says(report, "not in the context group"));
  EXPECT_EQ(right_breast_category(report), Category::Incomplete0);
  EXPECT_TRUE(report.exam.needs_review);
}

// H30-5: a mass finding that must be shown is read, though the Composite Feature it is part of
// is Not for Presentation.
TEST(CadUnassessedFinding, AMemberThatMustBeShownOfAHiddenCompositeIsRead) {
  ContentItem mass = cad_finding("1.1.1.3.5", kMass.to_code(),
                                 {property("1.1.1.3.5.5", codes::kAssessmentCategory,
                                           code_of(Category::HighlySuggestive5).to_code())},
                                 codes::kSingleImageFinding, false);
  mass.relationship = Relationship::InferredFrom;
  SrDocument document = cluster_beside(kMass.to_code(), {std::move(mass)}, kCompositeFeature);
  ContentItem& composite = document.root.children.front().children.front().children.back();
  composite.children[0].code = Code{"111152", "DCM", "Not for Presentation"};
  const Report report = evaluate_cad(document);
  EXPECT_EQ(report.exam.category, Category::HighlySuggestive5);
  EXPECT_TRUE(report.exam.needs_review);
}

TEST(CadUnassessedFinding, NotForPresentationItIsSkippedAndSaid) {
  SrDocument document =
      cluster_beside(kMass.to_code(), {property("1.1.1.3.5", codes::kAssessmentCategory,
                                                code_of(Category::HighlySuggestive5).to_code())});
  ContentItem& mass = document.root.children.front().children.front().children.back();
  mass.children[0].code = Code{"111152", "DCM", "Not for Presentation"};
  const Report report = evaluate_cad(document);
  EXPECT_EQ(report.input.skipped_not_for_presentation, 1);
  EXPECT_TRUE(std::any_of(
      report.input.notes.begin(), report.input.notes.end(),
      [](const ReaderNote& note) { return note.code == WarningCode::NotForPresentation; }));
}

// --- H28-2: an item outside every CAD finding ---

TEST(CadItemOutsideFindings, OnTheSummaryItIsNamedAndTheExamIsNeverBenign) {
  const std::vector<ContentItem> items{
      property("1.1.2", CodeConst{"111023", "DCM", "Differential Diagnosis/Impression"},
               Code{"399294002", "SCT", "Malignant neoplasm of breast"}),
      testing::code_item("1.1.2", Relationship::HasProperties,
                         CodeConst{"116676008", "SCT", "Associated morphology"},
                         testing::code(Morphology::FinePleomorphic)),
  };
  for (const ContentItem& item : items) {
    const Report report = evaluate_cad(cad_report(cluster(), {item}));
    ASSERT_EQ(report.decisions.size(), 1u);
    EXPECT_TRUE(exam_fired(report, "E8")) << item.concept_name.meaning;
    EXPECT_EQ(report.exam.category, Category::Incomplete0) << item.concept_name.meaning;
    EXPECT_TRUE(report.exam.needs_review) << item.concept_name.meaning;
    EXPECT_TRUE(report_note_says(report, "1.1.2")) << item.concept_name.meaning;
  }
}

TEST(CadItemOutsideFindings, AtTheRootASuspiciousValueIsSaidSo) {
  ContentItem loose = testing::code_item("1.4", Relationship::Contains,
                                         CodeConst{"116676008", "SCT", "Associated morphology"},
                                         testing::code(Morphology::FinePleomorphic));
  const Report report = evaluate_cad(cad_report(cluster(), {}, {loose}));
  EXPECT_TRUE(exam_fired(report, "E8"));
  EXPECT_EQ(report.exam.category, Category::Incomplete0);
  EXPECT_TRUE(report_note_says(report, "suspicious calcification code"));
}

TEST(CadItemOutsideFindings, ACertaintyOfImpressionOnTheSummaryIsNamedWithItsValue) {
  const ContentItem certainty =
      num_item("1.1.2", CodeConst{"111013", "DCM", "Certainty of Impression"}, 3,
               Code{"%", "UCUM", "percent"});
  const Report report = evaluate_cad(cad_report(cluster(), {certainty}));
  EXPECT_TRUE(exam_fired(report, "E8"));
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_TRUE(report_note_says(report, "Certainty of Impression"));
}

// The template's own items (algorithm identification, Rendering Intent, the summaries) are no
// reason for review, wherever TID 4000 puts them.
TEST(CadItemOutsideFindings, TheTemplatesOwnItemsAreNoReasonForReview) {
  ContentItem algorithm;
  algorithm.position = "1.2.1";
  algorithm.relationship = Relationship::HasProperties;
  algorithm.value_type = ValueType::Text;
  algorithm.concept_name = Code{"111001", "DCM", "Algorithm Name"};
  algorithm.text = "CalcFinder";
  SrDocument document = cad_report(cluster());
  document.root.children[1].children.push_back(algorithm);
  const Report report = evaluate_cad(document);
  EXPECT_FALSE(exam_fired(report, "E8"));
  EXPECT_FALSE(report.exam.needs_review);
}

// --- H27-15: a member the CAD says must be shown, in a cluster it says not to show ---

TEST(CadRenderingIntent, AMemberThatMustBeShownIsReadWhenItsClusterIsNot) {
  const Code not_for_presentation{"111152", "DCM",
                                  "Not for Presentation: Rendering device expected not to present"};
  ContentItem member = cad_finding("1.1.1.2.5", codes::kIndividualCalcification.to_code());
  member.relationship = Relationship::InferredFrom;
  member.children[2] = property("1.1.1.2.5.3", codes::kCalcificationType,
                                testing::code(Morphology::FinePleomorphic));
  ContentItem hidden_cluster = cluster({member});
  hidden_cluster.children[0].code = not_for_presentation;
  SrDocument document = cad_report(hidden_cluster);
  document.root.children.front().children.front().children[0].code = not_for_presentation;
  const Report report = evaluate_cad(document);
  ASSERT_EQ(report.decisions.size(), 1u);
  EXPECT_EQ(report.input.findings.front().position, "1.1.1.2.5");
  EXPECT_EQ(report.decisions.front().final_category, Category::ModerateSuspicion4B);
  EXPECT_NE(report.exam.classification, Classification::Benign);
}

// --- H27-14: failed algorithms listed outside the summaries, "with findings" with none ---

bool cad_incomplete_saying(const Report& report, const std::string& words) {
  return std::any_of(report.input.notes.begin(), report.input.notes.end(),
                     [&](const ReaderNote& note) {
                       return note.code == WarningCode::CadIncomplete &&
                              note.text.find(words) != std::string::npos;
                     });
}

TEST(CadIncomplete, FailedAlgorithmsListedAtTheRootAreNoCleanExam) {
  for (const auto& [failed, performed] :
       {std::pair{codes::kFailedDetections, codes::kDetectionPerformed},
        std::pair{codes::kFailedAnalyses, codes::kAnalysisPerformed}}) {
    ContentItem listed = container("1.4", failed);
    listed.relationship = Relationship::Contains;
    listed.children.push_back(testing::code_item("1.4.1", Relationship::Contains, performed,
                                                 codes::kCalcificationCluster.to_code()));
    const Report report = evaluate_cad(cad_report(cluster(), {}, {listed}));
    EXPECT_TRUE(cad_incomplete_saying(report, "1.4")) << failed.meaning;
    EXPECT_TRUE(cad_incomplete_saying(report, "Calcification Cluster")) << failed.meaning;
    EXPECT_TRUE(report.exam.needs_review) << failed.meaning;
    EXPECT_NE(report.exam.classification, Classification::Benign) << failed.meaning;
  }
}

TEST(CadIncomplete, WithFindingsButNoneListedIsNoCleanExam) {
  SrDocument document = cad_report(cluster());
  document.root.children.front().children.clear();  // the summary holds no impression
  const Report report = evaluate_cad(document);
  EXPECT_TRUE(report.decisions.empty());
  EXPECT_TRUE(cad_incomplete_saying(report, "with findings"));
  EXPECT_TRUE(report.exam.needs_review);
}

// Hostile review 80: "All algorithms succeeded; without findings" beside a listed cluster was not
// said; which is right cannot be told, so the exam is reviewed. "With findings" asks nothing.
TEST(CadIncomplete, WithoutFindingsButFindingsListedIsNoCleanExam) {
  SrDocument document = cad_report(cluster());
  document.root.children.front().code =
      Code{"111241", "DCM", "All algorithms succeeded; without findings"};
  const Report report = evaluate_cad(document);
  EXPECT_TRUE(cad_incomplete_saying(report, "without findings"));
  EXPECT_TRUE(report.exam.needs_review);
  EXPECT_FALSE(evaluate_cad(cad_report(cluster())).exam.needs_review);
  // "No algorithms succeeded; without findings" too (review of the change: it was not listed).
  document.root.children.front().code =
      Code{"111245", "DCM", "No algorithms succeeded; without findings"};
  EXPECT_TRUE(cad_incomplete_saying(evaluate_cad(document), "without findings"));
}

}  // namespace
}  // namespace mammocalc
