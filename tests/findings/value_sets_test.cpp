#include "findings/value_sets.hpp"

#include <gtest/gtest.h>

#include "base/codes.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

Code code(const char* value, const char* scheme) { return Code{value, scheme, ""}; }

// CID 6054 and the calcification codes a report may use as a finding code.

TEST(FindingKind, CalcificationCodes) {
  for (const char* value : {"309587003", "129769006", "129770007", "129748009", "44771000"}) {
    EXPECT_EQ(finding_kind_for(code(value, "SCT")), FindingKind::Calcification) << value;
  }
  EXPECT_EQ(finding_kind_for(code("111345", "DCM")), FindingKind::Calcification);
}

TEST(FindingKind, LegacySrtCalcificationCodes) {
  EXPECT_EQ(finding_kind_for(code("D7-90435", "SRT")), FindingKind::Calcification);
  EXPECT_EQ(finding_kind_for(code("F-01775", "SRT")), FindingKind::Calcification);
  EXPECT_EQ(finding_kind_for(code("F-8A057", "SRT")), FindingKind::Calcification);
  EXPECT_EQ(finding_kind_for(code("F-01760", "SNM3")), FindingKind::Calcification);
}

TEST(FindingKind, MassCodes) {
  EXPECT_EQ(finding_kind_for(code("111459", "DCM")), FindingKind::MassWithCalcifications);
  EXPECT_EQ(finding_kind_for(code("129788004", "SCT")), FindingKind::Mass);
  EXPECT_EQ(finding_kind_for(code("F-01791", "SRT")), FindingKind::Mass);
}

// Hostile review 26 (H26-2): lesions the rules weigh besides their calcifications.
TEST(FindingKind, DistortionAndAsymmetryCodes) {
  EXPECT_EQ(finding_kind_for(code("129792006", "SCT")), FindingKind::ArchitecturalDistortion);
  EXPECT_EQ(finding_kind_for(code("F-01795", "SRT")), FindingKind::ArchitecturalDistortion);
  EXPECT_EQ(finding_kind_for(code("129789007", "SCT")), FindingKind::Asymmetry);
  EXPECT_EQ(finding_kind_for(code("129790003", "SCT")), FindingKind::Asymmetry);
}

TEST(FindingKind, OtherCid6054CodesAreNotCalcifications) {
  EXPECT_EQ(finding_kind_for(code("22049009", "SCT")), FindingKind::NotCalcification);
  EXPECT_EQ(finding_kind_for(code("111462", "DCM")), FindingKind::NotCalcification);
  EXPECT_EQ(finding_kind_for(code("111430", "DCM")), FindingKind::NotCalcification);
  EXPECT_EQ(finding_kind_for(code("F-01796", "SRT")), FindingKind::NotCalcification);
}

TEST(FindingKind, WrongSchemeOrUnknownCodeGivesNothing) {
  EXPECT_FALSE(finding_kind_for(code("111459", "SCT")).has_value());
  EXPECT_FALSE(finding_kind_for(code("129788004", "DCM")).has_value());
  EXPECT_FALSE(finding_kind_for(code("44771000", "")).has_value());
  EXPECT_FALSE(finding_kind_for(code("D7-90435", "99LOCAL")).has_value());
  EXPECT_FALSE(finding_kind_for(code("12345", "99LOCAL")).has_value());
}

// CID 6158 Correlation to Other Findings (hostile review 26, H26-1).
TEST(Correlation, Cid6158CodesOnly) {
  for (const char* value : {"111381", "111382", "111383", "111384", "111385", "111386", "111387"}) {
    EXPECT_TRUE(is_correlation_code(code(value, "DCM"))) << value;
  }
  EXPECT_FALSE(is_correlation_code(code("111380", "DCM")));  // the concept name itself
  EXPECT_FALSE(is_correlation_code(code("111344", "DCM")));
  EXPECT_FALSE(is_correlation_code(code("111384", "SCT")));
}

// CID 6028 Mammography Recommended Follow-up.

TEST(FollowUp, EveryCodeHasAKind) {
  EXPECT_EQ(follow_up_kind_for(code("111140", "DCM")), FollowUpKind::NormalInterval);
  EXPECT_EQ(follow_up_kind_for(code("111142", "DCM")), FollowUpKind::ShortInterval);
  EXPECT_EQ(follow_up_kind_for(code("111138", "DCM")), FollowUpKind::PriorImagesForComparison);
  EXPECT_EQ(follow_up_kind_for(code("111410", "DCM")), FollowUpKind::SurgicalConsult);
  EXPECT_EQ(follow_up_kind_for(code("111121", "DCM")), FollowUpKind::PostBiopsyAsDirected);
  EXPECT_EQ(follow_up_kind_for(code("111141", "DCM")), FollowUpKind::ClinicalAssessment);
  EXPECT_EQ(follow_up_kind_for(code("241615005", "SCT")), FollowUpKind::AdditionalImaging);
  EXPECT_EQ(follow_up_kind_for(code("386053000", "SCT")), FollowUpKind::AdditionalImaging);
}

TEST(FollowUp, LegacySrtFormMatches) {
  EXPECT_EQ(follow_up_kind_for(code("P5-B0000", "SRT")), FollowUpKind::AdditionalImaging);
  EXPECT_EQ(follow_up_kind_for(code("R-102D6", "SRT")), FollowUpKind::AdditionalImaging);
}

TEST(FollowUp, TissueCodesAskForTissue) {
  for (const char* value : {"111143", "111148", "111145", "111144", "111147"}) {
    EXPECT_TRUE(asks_for_tissue(code(value, "DCM"))) << value;
    EXPECT_FALSE(says_malignancy(code(value, "DCM"))) << value;
    EXPECT_TRUE(follow_up_not_benign(code(value, "DCM"))) << value;
  }
}

TEST(FollowUp, MalignancyCodesAreNotBenign) {
  for (const char* value : {"111146", "111149", "111122"}) {
    EXPECT_TRUE(says_malignancy(code(value, "DCM"))) << value;
    EXPECT_FALSE(asks_for_tissue(code(value, "DCM"))) << value;
    EXPECT_TRUE(follow_up_not_benign(code(value, "DCM"))) << value;
  }
}

TEST(FollowUp, ImagingAndIntervalCodesAreNeither) {
  for (const Code& item :
       {code("111140", "DCM"), code("111142", "DCM"), code("111135", "DCM"), code("111141", "DCM"),
        code("111121", "DCM"), code("111410", "DCM"), code("16310003", "SCT")}) {
    EXPECT_TRUE(follow_up_kind_for(item).has_value()) << item.value;
    EXPECT_FALSE(follow_up_not_benign(item)) << item.value;
  }
}

TEST(FollowUp, WrongSchemeOrUnknownCodeGivesNothing) {
  EXPECT_FALSE(follow_up_kind_for(code("111143", "SCT")).has_value());
  EXPECT_FALSE(asks_for_tissue(code("111143", "SCT")));
  EXPECT_FALSE(says_malignancy(code("111149", "99LOCAL")));
  EXPECT_FALSE(follow_up_kind_for(code("241615005", "DCM")).has_value());
  EXPECT_FALSE(follow_up_kind_for(code("111170", "DCM")).has_value());  // J Wire
  EXPECT_FALSE(follow_up_not_benign(code("12345", "99LOCAL")));
}

// CID 6030 (6031, 6032, 6033) and CID 6159 pathology.

TEST(Pathology, MalignantCodes) {
  EXPECT_EQ(pathology_result_for(code("82711006", "SCT")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("111341", "DCM")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("89740008", "SCT")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("1162814007", "SCT")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("111389", "DCM")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("189336000", "SCT")), PriorResult::Malignant);
}

TEST(Pathology, LegacyAndFormerCodesOfMalignancy) {
  EXPECT_EQ(pathology_result_for(code("M-85003", "SRT")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("M-85203", "SRT")), PriorResult::Malignant);
  // DCIS before SNOMED CT retired 86616005, and its SNOMED RT form.
  EXPECT_EQ(pathology_result_for(code("86616005", "SCT")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("M-85002", "SRT")), PriorResult::Malignant);
  EXPECT_EQ(pathology_result_for(code("28899001", "SCT")), PriorResult::Malignant);
}

TEST(Pathology, HighRiskCodes) {
  EXPECT_EQ(pathology_result_for(code("6660000", "SCT")), PriorResult::HighRisk);
  EXPECT_EQ(pathology_result_for(code("111299", "DCM")), PriorResult::HighRisk);
  EXPECT_EQ(pathology_result_for(code("D7-F0A02", "SRT")), PriorResult::HighRisk);
  // Radial scar is in CID 6031 but managed as high risk.
  EXPECT_EQ(pathology_result_for(code("133855003", "SCT")), PriorResult::HighRisk);
  EXPECT_EQ(pathology_result_for(code("M-78731", "SRT")), PriorResult::HighRisk);
}

TEST(Pathology, BenignCodes) {
  EXPECT_EQ(pathology_result_for(code("254845004", "SCT")), PriorResult::Benign);
  EXPECT_EQ(pathology_result_for(code("111256", "DCM")), PriorResult::Benign);
  EXPECT_EQ(pathology_result_for(code("D7-90310", "SRT")), PriorResult::Benign);
  EXPECT_EQ(pathology_result_for(code("65877006", "SCT")), PriorResult::Benign);
  EXPECT_EQ(pathology_result_for(code("404035005", "SCT")), PriorResult::Benign);
}

TEST(Pathology, WrongSchemeOrUnknownCodeGivesNothing) {
  EXPECT_FALSE(pathology_result_for(code("82711006", "DCM")).has_value());
  EXPECT_FALSE(pathology_result_for(code("111341", "SCT")).has_value());
  EXPECT_FALSE(pathology_result_for(code("M-85003", "SCT")).has_value());
  EXPECT_FALSE(pathology_result_for(code("M-85003", "99LOCAL")).has_value());
  EXPECT_FALSE(pathology_result_for(code("12345", "99LOCAL")).has_value());
}

TEST(Pathology, PriorResultReadsEveryPathologyCode) {
  EXPECT_EQ(prior_result_for(code("82711006", "SCT")), PriorResult::Malignant);
  EXPECT_EQ(prior_result_for(code("111341", "DCM")), PriorResult::Malignant);
  EXPECT_EQ(prior_result_for(code("89740008", "SCT")), PriorResult::Malignant);
  EXPECT_EQ(prior_result_for(code("1162814007", "SCT")), PriorResult::Malignant);
  EXPECT_EQ(prior_result_for(code("27431007", "SCT")), PriorResult::Benign);
  EXPECT_EQ(prior_result_for(code("133855003", "SCT")), PriorResult::HighRisk);
  // CID 6063 and CID 6066 as before.
  EXPECT_EQ(prior_result_for(code("30807003", "SCT")), PriorResult::Benign);
  EXPECT_EQ(prior_result_for(code("G-A425", "SRT")), PriorResult::Malignant);
  EXPECT_EQ(prior_result_for(code("111445", "DCM")), PriorResult::TargetNotInSpecimen);
  EXPECT_FALSE(prior_result_for(code("82711006", "DCM")).has_value());
}

TEST(Pathology, WrittenCodesAreUnchanged) {
  EXPECT_EQ(code_of(PriorResult::Benign).value, "30807003");
  EXPECT_EQ(code_of(PriorResult::Malignant).value, "21594007");
  EXPECT_EQ(code_of(PriorResult::HighRisk).value, "258270003");
}

// CID 6026 Mammography Assessment.

TEST(Assessment, CategoryVariants) {
  EXPECT_EQ(category_for(code("397138000", "SCT")), Category::Incomplete0);
  EXPECT_EQ(category_for(code("F-037BD", "SRT")), Category::Benign2);
  EXPECT_EQ(category_for(code("F-037BF", "SNM3")), Category::ProbablyBenign3);
  EXPECT_EQ(category_for(code("MA.II.A.5.4A", "BI")), Category::LowSuspicion4A);
  EXPECT_EQ(category_for(code("MA.II.A.5.4C", "BI")), Category::HighSuspicion4C);
  EXPECT_EQ(category_for(code("MA.II.A.5.6", "BI")), Category::KnownMalignancy6);
  EXPECT_EQ(category_for(code("C1301249", "UMLS")), Category::HighlySuggestive5);
}

TEST(Assessment, WrittenCodesAreUnchanged) {
  EXPECT_EQ(code_of(Category::HighlySuggestive5).value, "397145000");
  EXPECT_EQ(code_of(Category::Incomplete0).scheme, "SCT");
}

TEST(Assessment, MarkerPlacementIsAnAssessmentButNoCategory) {
  const Code marker = code("111120", "DCM");
  EXPECT_FALSE(category_for(marker).has_value());
  EXPECT_TRUE(is_assessment_code(marker));
  EXPECT_TRUE(is_assessment_code(code("397144001", "SCT")));
  EXPECT_TRUE(is_assessment_code(code("F-037C0", "SRT")));
  EXPECT_TRUE(is_assessment_code(code("MA.II.A.5.4B", "BI")));
}

TEST(Assessment, WrongSchemeOrUnknownCodeIsNoAssessment) {
  EXPECT_FALSE(category_for(code("397144001", "DCM")).has_value());
  EXPECT_FALSE(category_for(code("MA.II.A.5.4A", "")).has_value());
  EXPECT_FALSE(category_for(code("MA.II.A.5.4A", "99BIRADS")).has_value());
  EXPECT_FALSE(is_assessment_code(code("111120", "SCT")));
  EXPECT_FALSE(is_assessment_code(code("111170", "DCM")));
  EXPECT_FALSE(is_assessment_code(code("12345", "99LOCAL")));
}

TEST(ValueSets, KindWords) {
  EXPECT_EQ(to_string(FindingKind::MassWithCalcifications), "mass-with-calcifications");
  EXPECT_EQ(to_string(FollowUpKind::NeedleLocalizationBiopsy), "needle-localization-biopsy");
}

// Hostile review 32, H32-3: a negation silences its own clause only; "not excluded" counts.
TEST(OtherFindingsMeant, ANegationSilencesItsClauseOnly) {
  using Kinds = std::vector<FindingKind>;
  EXPECT_EQ(other_findings_meant("No mass seen; asymmetry"), Kinds{FindingKind::Asymmetry});
  EXPECT_EQ(other_findings_meant("Calcification without mass, with architectural distortion"),
            Kinds{FindingKind::ArchitecturalDistortion});
  EXPECT_EQ(other_findings_meant("Not a mass - focal asymmetry"), Kinds{FindingKind::Asymmetry});
  EXPECT_EQ(other_findings_meant("Calcification without mass but within an asymmetry"),
            Kinds{FindingKind::Asymmetry});
  EXPECT_EQ(other_findings_meant("Mass not excluded"), Kinds{FindingKind::Mass});
  EXPECT_TRUE(other_findings_meant("Calcification without mass").empty());
  EXPECT_TRUE(other_findings_meant("Calcification of breast").empty());
  // Hostile review 33, H33-1: every clause start ends a negation; a word form counts.
  EXPECT_EQ(other_findings_meant("No mass although asymmetry"), Kinds{FindingKind::Asymmetry});
  EXPECT_EQ(other_findings_meant("No mass which is within an asymmetry"),
            Kinds{FindingKind::Asymmetry});
  EXPECT_EQ(other_findings_meant("Calcifications in distorted tissue"),
            Kinds{FindingKind::ArchitecturalDistortion});
  // Synonyms and German (hostile review 32, H32-5).
  EXPECT_EQ(other_findings_meant("Lump"), Kinds{FindingKind::Mass});
  EXPECT_EQ(other_findings_meant("Nodule with calcifications"), Kinds{FindingKind::Mass});
  EXPECT_EQ(other_findings_meant("Herdbefund mit Verkalkungen"), Kinds{FindingKind::Mass});
  EXPECT_EQ(other_findings_meant("Architekturst\xc3\xb6rung"),
            Kinds{FindingKind::ArchitecturalDistortion});
  EXPECT_TRUE(other_findings_meant("Verkalkungen ohne Herdbefund").empty());
  // Pseudo-negations deny nothing (narrative.md §3; hostile review 34, H34-4).
  EXPECT_EQ(other_findings_meant("Calcifications, no change in mass"), Kinds{FindingKind::Mass});
  EXPECT_EQ(other_findings_meant("Calcifications not only in a mass"), Kinds{FindingKind::Mass});
  EXPECT_EQ(other_findings_meant("Mass has not resolved"), Kinds{FindingKind::Mass});
  EXPECT_TRUE(other_findings_meant("Mass not seen").empty());
  EXPECT_TRUE(other_findings_meant("Calcifications, mass excluded").empty());
  EXPECT_EQ(other_findings_meant("Calcifications, mass cannot be ruled out"),
            Kinds{FindingKind::Mass});
}

// A result meaning in words the tool cannot vouch for says more than its code's kind (hostile
// review 35): the result is read as indeterminate as well (B1, W23).
TEST(ResultMeaningBeyond, AKindsOwnWordsSayNothingMore) {
  for (const char* meaning : {"Benign", "Benign findings", "Benign, no atypia",
                              "Fibrocystic change with microcalcifications", "Gutartig",
                              "Benign breast tissue with calcifications in the core"}) {
    EXPECT_TRUE(result_meaning_beyond(meaning, PriorResult::Benign).empty()) << meaning;
  }
  EXPECT_TRUE(result_meaning_beyond("Ductal carcinoma in situ", PriorResult::Malignant).empty());
  EXPECT_TRUE(result_meaning_beyond("Malignant", PriorResult::Malignant).empty());
}

TEST(ResultMeaningBeyond, OtherWordsAreNamed) {
  using Words = std::vector<std::string>;
  EXPECT_EQ(result_meaning_beyond("Benign (unconfirmed)", PriorResult::Benign),
            Words{"unconfirmed"});
  EXPECT_EQ(result_meaning_beyond("Benign, awaiting review", PriorResult::Benign),
            (Words{"awaiting", "review"}));
  EXPECT_FALSE(result_meaning_beyond("Benign; IDC", PriorResult::Benign).empty());
  // Other kinds say little of themselves: nothing is weighed beyond them.
  EXPECT_TRUE(result_meaning_beyond("Anything at all", PriorResult::Insufficient).empty());
}

TEST(ResultKindDenied, ADeniedKindIsSaid) {
  EXPECT_TRUE(result_kind_denied("No DCIS", PriorResult::Malignant));
  EXPECT_TRUE(result_kind_denied("Not malignant", PriorResult::Malignant));
  EXPECT_TRUE(result_kind_denied("Not benign", PriorResult::Benign));
  EXPECT_FALSE(result_kind_denied("Ductal carcinoma in situ", PriorResult::Malignant));
  EXPECT_FALSE(result_kind_denied("Benign, no malignancy", PriorResult::Benign));
}

// Review 40 (R40-14, R40-15): ordinary displays of a kind, and a code's own meaning with its
// negation, say nothing more.
TEST(ResultMeaningBeyond, OrdinaryDisplaysOfAKindSayNothingMore) {
  for (const char* meaning :
       {"Atypical ductal hyperplasia", "Flat epithelial atypia", "Lobular neoplasia"}) {
    EXPECT_TRUE(result_meaning_beyond(meaning, PriorResult::HighRisk).empty()) << meaning;
  }
  for (const char* meaning :
       {"Invasive carcinoma of no special type", "IDC, grade 2", "DCIS, no invasion"}) {
    EXPECT_TRUE(result_meaning_beyond(meaning, PriorResult::Malignant).empty()) << meaning;
  }
  for (const char* meaning : {"Fibrocystic changes", "Columnar cell change"}) {
    EXPECT_TRUE(result_meaning_beyond(meaning, PriorResult::Benign).empty()) << meaning;
  }
  EXPECT_TRUE(
      confirmation_meaning_beyond("Target not in the specimen", TargetConfirmation::NotInSpecimen)
          .empty());
  EXPECT_FALSE(result_meaning_beyond("IDC: no", PriorResult::Malignant).empty());
}

}  // namespace
}  // namespace mammocalc
