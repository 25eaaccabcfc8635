#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/codes.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

TEST(Codes, LegacySrtMatchesSctEqual) {
  EXPECT_TRUE(same_concept(Code{"F-0176E", "SRT", "anything"},
                           CodeConst{"129762002", "SCT", "Fine linear, branching"}));
  EXPECT_TRUE(same_concept(Code{"G-C171", "SRT", ""}, codes::kLaterality));
}

TEST(Codes, MeaningIsNeverCompared) {
  EXPECT_TRUE(same_concept(Code{"111009", "DCM", "something else"}, codes::kCalcificationType));
  EXPECT_FALSE(same_concept(Code{"999", "DCM", "Calcification Type"}, codes::kCalcificationType));
}

TEST(Codes, SchemeMatters) {
  EXPECT_FALSE(
      same_concept(Code{"111009", "SCT", "Calcification Type"}, codes::kCalcificationType));
  EXPECT_FALSE(same_concept(Code{"F-0176E", "99LOCAL", ""}, CodeConst{"129762002", "SCT", ""}));
}

TEST(Lexicon, MorphologyCodesRoundTrip) {
  for (const Morphology term :
       {Morphology::Skin, Morphology::Amorphous, Morphology::FinePleomorphic,
        Morphology::FineLinearBranching, Morphology::Macrocalcifications}) {
    EXPECT_EQ(morphology_for(code_of(term).to_code()), term) << to_string(term);
  }
}

TEST(Lexicon, LegacyMorphologyIsRecognised) {
  EXPECT_EQ(morphology_for(Code{"F-0176C", "SRT", ""}), Morphology::Amorphous);
}

TEST(Lexicon, UnknownCodeGivesNothing) {
  EXPECT_FALSE(morphology_for(Code{"12345", "99LOCAL", "Local calcification"}).has_value());
  EXPECT_FALSE(distribution_for(Code{"129772004", "SCT", ""}).has_value());
}

TEST(Lexicon, ClockPositionsInOrder) {
  EXPECT_EQ(clock_hour_for(Code{"129772004", "SCT", ""}), 1);
  EXPECT_EQ(clock_hour_for(Code{"129783008", "SCT", ""}), 12);
  EXPECT_EQ(clock_hour_for(Code{"F-0178A", "SRT", ""}), 10);
}

TEST(Lexicon, AssessmentCategories) {
  EXPECT_EQ(category_for(Code{"397144001", "SCT", ""}), Category::Suspicious4);
  EXPECT_EQ(category_for(Code{"MA.II.A.5.4B", "BI", ""}), Category::ModerateSuspicion4B);
  EXPECT_EQ(category_for(Code{"F-037C1", "SRT", ""}), Category::HighlySuggestive5);
  // 111170… are J Wire, Pacemaker…, not BI-RADS (domain.md §0 warning).
  EXPECT_FALSE(category_for(Code{"111170", "DCM", "J Wire"}).has_value());
}

TEST(Lexicon, CategoryWords) {
  EXPECT_EQ(to_string(Category::LowSuspicion4A), "4A");
  EXPECT_EQ(to_string(Category::Incomplete0), "0");
}

// Hostile review 32: a result meaning is read clause by clause (H32-3), names results that ask for
// excision (H32-1), and a benign word beside a malignant one does not silence it (H32-2).
TEST(ResultMeanings, EveryResultAMeaningNamesIsRead) {
  using Results = std::vector<PriorResult>;
  EXPECT_EQ(prior_results_meant("Atypical ductal hyperplasia"), Results{PriorResult::HighRisk});
  EXPECT_EQ(prior_results_meant("Insufficient sample"), Results{PriorResult::Insufficient});
  EXPECT_EQ(prior_results_meant("Target not in the specimen"),
            Results{PriorResult::TargetNotInSpecimen});
  EXPECT_EQ(prior_results_meant("No calcifications seen in the core"),
            Results{PriorResult::NoCalcificationsInCore});
  EXPECT_EQ(prior_results_meant("Benign; ductal carcinoma in situ"),
            Results{PriorResult::Malignant});
  EXPECT_EQ(prior_results_meant("Benign, malignancy not excluded"),
            Results{PriorResult::Indeterminate});
  EXPECT_TRUE(prior_results_meant("Benign, no malignancy").empty());
  EXPECT_TRUE(prior_results_meant("No abnormality").empty());
  EXPECT_TRUE(prior_results_meant("Benign breast tissue without atypia").empty());
  // Hostile review 34, H34-8: a negation reaches every item of its list (narrative.md §3), and
  // what comes before it stands.
  EXPECT_TRUE(prior_results_meant("Benign; no hyperplasia, atypia, or carcinoma").empty());
  EXPECT_TRUE(prior_results_meant("Benign, negative for atypia and malignancy").empty());
  EXPECT_EQ(prior_results_meant("Atypical ductal hyperplasia, no carcinoma"),
            Results{PriorResult::HighRisk});
  EXPECT_EQ(prior_results_meant("Uncertain malignant potential"),
            Results{PriorResult::Indeterminate});
  // Review of session 39: every result a clause names counts, and a negation after its concept
  // reaches back to the last comma only.
  const auto has = [](const Results& results, PriorResult result) {
    return std::find(results.begin(), results.end(), result) != results.end();
  };
  for (const char* malignant :
       {"Ductal carcinoma in situ, invasion not identified", "DCIS, excision recommended",
        "Atypical ductal hyperplasia and ductal carcinoma in situ",
        "Scant fragments of invasive carcinoma", "Invasive carcinoma without calcifications",
        "Papillary carcinoma"}) {
    EXPECT_TRUE(has(prior_results_meant(malignant), PriorResult::Malignant)) << malignant;
  }
  EXPECT_FALSE(has(prior_results_meant("Invasive papillary carcinoma"), PriorResult::HighRisk));
  EXPECT_EQ(prior_results_meant("Lobular carcinoma in situ"), Results{PriorResult::HighRisk});
  EXPECT_TRUE(prior_results_meant("Benign, malignancy absent").empty());
  EXPECT_TRUE(prior_results_meant("Benign, malignancy excluded").empty());
  EXPECT_EQ(prior_results_meant("Malignancy cannot be excluded"),
            Results{PriorResult::Indeterminate});
  EXPECT_EQ(prior_results_meant("Karzinom nicht ausgeschlossen"),
            Results{PriorResult::Indeterminate});
}

// Hostile review 33, H33-4: meanings that name a lesion excised as high-risk (decision-logic.md
// B1: papilloma, radial scar), calcifications not retrieved, or no benign result (denied,
// questioned, not final) are no benign result.
TEST(ResultMeanings, NoBenignResultIsReadIntoOneThatIsNot) {
  using Results = std::vector<PriorResult>;
  for (const char* high_risk : {"Intraductal papilloma", "Papillary lesion",
                                "Complex sclerosing lesion", "Mucocele-like lesion"}) {
    EXPECT_EQ(prior_results_meant(high_risk), Results{PriorResult::HighRisk}) << high_risk;
  }
  for (const char* none :
       {"Calcifications not retrieved", "Specimen radiograph without calcifications"}) {
    EXPECT_EQ(prior_results_meant(none), Results{PriorResult::NoCalcificationsInCore}) << none;
  }
  // German (hostile review 32, H32-5): the report's language is read as well.
  EXPECT_EQ(prior_results_meant("Duktales Karzinom in situ"), Results{PriorResult::Malignant});
  EXPECT_EQ(prior_results_meant("Maligne"), Results{PriorResult::Malignant});
  EXPECT_EQ(prior_results_meant("B\xc3\xb6sartig"), Results{PriorResult::Malignant});
  EXPECT_EQ(prior_results_meant("Atypische duktale Hyperplasie"), Results{PriorResult::HighRisk});
  EXPECT_TRUE(prior_results_meant("Kein Karzinom").empty());
  EXPECT_TRUE(prior_results_meant("Gutartig").empty());
  EXPECT_EQ(prior_results_meant("Gutartig; vorl\xc3\xa4ufig"), Results{PriorResult::Indeterminate});
  for (const char* open :
       {"Not benign", "Non-benign", "Benign. Not benign.", "Benign?", "Benign (provisional)",
        "Benign, pending", "?Benign", "Benign (?)", "Benign, not final", "Query benign",
        "Presumed benign", "Benign; discordant with imaging", "Benign, needs excision",
        "Likely benign"}) {
    EXPECT_EQ(prior_results_meant(open), Results{PriorResult::Indeterminate}) << open;
  }
}

// Hostile review 33, H33-2: a category's words in a clause count as its number does, and a
// clause that denies the code's own category is said.
TEST(CategoryMeanings, CategoryWordsAreReadClauseByClause) {
  EXPECT_EQ(category_meant("Benign; highly suggestive of malignancy"), Category::HighlySuggestive5);
  EXPECT_EQ(category_meant("Benign; suspicious"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Suspicious of malignancy"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Benign; known biopsy-proven malignancy"), Category::KnownMalignancy6);
  EXPECT_EQ(category_meant("Possibly malignant"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Probably benign, but highly suggestive of malignancy"),
            Category::HighlySuggestive5);
  EXPECT_EQ(category_meant("Benign; incomplete - need additional imaging evaluation"),
            Category::Incomplete0);  // 0 asks for more than 2 does
  EXPECT_EQ(category_meant("Probably Benign"), Category::ProbablyBenign3);
  EXPECT_EQ(category_meant("Negative"), Category::Negative1);
  EXPECT_EQ(category_meant("4A - Low suspicion"), Category::LowSuspicion4A);
  EXPECT_EQ(category_meant("4B - Moderate suspicion for malignancy"),
            Category::ModerateSuspicion4B);  // BI-RADS 5th edition
  EXPECT_EQ(category_meant("4C - Moderate suspicion"), Category::HighSuspicion4C);  // DICOM's
  EXPECT_EQ(category_meant("Benign, no malignancy"), Category::Benign2);
  EXPECT_TRUE(category_denied("Not benign", Category::Benign2));
  EXPECT_TRUE(category_denied("Benign?", Category::Benign2));
  EXPECT_TRUE(category_denied("Possibly benign", Category::Benign2));
  EXPECT_FALSE(category_denied("Benign, no malignancy", Category::Benign2));
  // Hostile review 34, H34-3: Roman numerals, a biopsy asked for, cancer named.
  EXPECT_EQ(category_meant("Benign, BI RADS IV"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Benign; biopsy recommended"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Benign; cancer"), Category::Suspicious4);
  // Review of session 39: a biopsy done and a malignancy excluded ask for nothing.
  EXPECT_EQ(category_meant("2 - Benign (post-biopsy change)"), Category::Benign2);
  EXPECT_EQ(category_meant("Benign, malignancy excluded"), Category::Benign2);
  EXPECT_EQ(category_meant("Benign, malignancy not excluded"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Gutartig; suspekt"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Gutartig; Biopsie empfohlen"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Gutartig; Kategorie IV"), Category::Suspicious4);
  EXPECT_EQ(category_meant("Gutartig; unvollst\xc3\xa4ndig"), Category::Incomplete0);
  EXPECT_FALSE(category_denied("Benign", Category::Benign2));
  EXPECT_FALSE(category_denied("Benign, not suspicious", Category::Benign2));
}

TEST(CategoryMeanings, OfSeveralCategoriesTheMostSuspiciousIsMeant) {
  EXPECT_EQ(category_meant("2 - Benign; 4 - Suspicious"), Category::Suspicious4);
  EXPECT_EQ(category_meant("BI-RADS 2 (right), BI-RADS 5 (left)"), Category::HighlySuggestive5);
  EXPECT_EQ(category_meant("2 - Benign"), Category::Benign2);
}

TEST(MeaningClauses, ANegationEndsWithItsClause) {
  const std::vector<MeaningClause> clauses = meaning_clauses("No mass seen; asymmetry");
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_TRUE(clauses[0].negated);
  EXPECT_FALSE(clauses[1].negated);
  const std::vector<MeaningClause> uncertain = meaning_clauses("Mass not excluded");
  ASSERT_EQ(uncertain.size(), 1u);
  EXPECT_FALSE(uncertain[0].negated);
  EXPECT_TRUE(uncertain[0].uncertain);
}

// Hostile review 33, H33-1: a negation ends at every word that starts another statement, as in
// the report's text ("No mass although asymmetry" names an asymmetry).
// German letters are spelled out once, so that a word list holds one spelling of each word.
TEST(MeaningClauses, GermanLettersAreSpelledOut) {
  EXPECT_EQ(spaced_words("Verd\xc3\xa4\x63htig, Ma\xc3\x9f"), " verdaechtig  mass ");
  EXPECT_EQ(category_meant("Gutartig; verd\xc3\xa4\x63htig"), Category::Suspicious4);
  EXPECT_EQ(prior_results_meant("radi\xc3\xa4re Narbe"),
            std::vector<PriorResult>{PriorResult::HighRisk});
  EXPECT_EQ(prior_results_meant("Lobul\xc3\xa4re Neoplasie"),
            std::vector<PriorResult>{PriorResult::HighRisk});
}

TEST(MeaningClauses, ANegationEndsAtEveryClauseStart) {
  for (const char* meaning :
       {"No mass although asymmetry", "No mass whereas architectural distortion",
        "No mass though distortion", "No mass yet distortion", "Without mass plus asymmetry",
        "No mass except asymmetry", "No mass apart from architectural distortion",
        "No mass which is within an asymmetry"}) {
    const std::vector<MeaningClause> clauses = meaning_clauses(meaning);
    ASSERT_GE(clauses.size(), 2u) << meaning;
    EXPECT_TRUE(clauses.front().negated) << meaning;
    EXPECT_FALSE(clauses.back().negated) << meaning;
  }
  EXPECT_TRUE(meaning_clauses("Benign?").front().uncertain);
  EXPECT_TRUE(meaning_clauses("Non-benign").front().negated);
}

// The clause starts are the English wordings' scope ends, not a second list that drifts apart:
// every terminator they give on either side ends a meaning's clause too.
TEST(MeaningClauses, EveryTerminatorOfTheEnglishWordingsStartsAClause) {
  pugi::xml_document wordings;
  ASSERT_TRUE(wordings.load_file("src/narrative/narrative-wordings-en.xml"));
  const std::vector<std::string_view> starts = meaning_clause_starts();
  int terminators = 0;
  for (const pugi::xpath_node& node :
       wordings.select_nodes("//context[@role='terminator'][@side='either']")) {
    ++terminators;
    const std::string spaced = " " + std::string(node.node().attribute("phrase").value()) + " ";
    EXPECT_NE(std::find(starts.begin(), starts.end(), spaced), starts.end()) << spaced;
  }
  EXPECT_GE(terminators, 10);
}

// A category meaning in words the tool cannot vouch for says more than its code (hostile review
// 35): read by its code and reviewed (W17). The names of the category in BI-RADS and DICOM,
// English and German, with its token and neutral words, say nothing more.
TEST(CategoryMeaningBeyond, TheCategorysOwnNamesSayNothingMore) {
  for (const char* meaning : {"2 - Benign", "BI-RADS 2", "Benign", "BI-RADS 2: benign finding",
                              "Benign findings", "Category 2 - benign", "BI-RADS II", "Gutartig",
                              "BI-RADS 2 (gutartiger Befund)", "4.0", ""}) {
    EXPECT_TRUE(category_meaning_beyond(meaning, Category::Benign2).empty()) << meaning;
  }
  EXPECT_TRUE(
      category_meaning_beyond("0 - Incomplete - Need additional imaging evaluation +/- priors",
                              Category::Incomplete0)
          .empty());
  EXPECT_TRUE(category_meaning_beyond("1 - Negative", Category::Negative1).empty());
  EXPECT_TRUE(category_meaning_beyond("4 - Suspicious", Category::ModerateSuspicion4B).empty());
  EXPECT_TRUE(
      category_meaning_beyond("4C - Moderate suspicion", Category::HighSuspicion4C).empty());
  EXPECT_TRUE(
      category_meaning_beyond("6 - Known biopsy proven malignancy", Category::KnownMalignancy6)
          .empty());
}

TEST(CategoryMeaningBeyond, OtherWordsAreNamed) {
  using Words = std::vector<std::string>;
  EXPECT_EQ(category_meaning_beyond("Benign (not final)", Category::Benign2),
            (Words{"not", "final"}));
  EXPECT_EQ(category_meaning_beyond("Benign, BI-RADS III", Category::Benign2), Words{"iii"});
  EXPECT_EQ(category_meaning_beyond("2 - Benign, pending pathology", Category::Benign2),
            (Words{"pending", "pathology"}));
  // What a negation denies says nothing of the code ("Benign, no malignancy").
  EXPECT_TRUE(category_meaning_beyond("Benign, no malignancy", Category::Benign2).empty());
}

TEST(CategoryMeanings, AQuestionedOrDeniedTokenDeniesItsCategory) {
  EXPECT_TRUE(category_denied("2?", Category::Benign2));
  EXPECT_TRUE(category_denied("Not negative", Category::Negative1));
  EXPECT_FALSE(category_denied("Negative", Category::Negative1));
  EXPECT_FALSE(category_denied("2 - Benign", Category::Benign2));
}

// H35-4: a type or distribution meaning in words the tool cannot vouch for says more than its
// code; the term's own names (canonical, BI-RADS, naming words, German) say nothing more.
TEST(TermMeaningBeyond, ATermsOwnNamesSayNothingMore) {
  for (const char* meaning :
       {"Fine pleomorphic calcification", "Fine pleomorphic microcalcifications", "Pleomorphic",
        "fein pleomorph", "polymorphe Mikroverkalkungen"}) {
    EXPECT_TRUE(morphology_meaning_beyond(meaning, Morphology::FinePleomorphic).empty()) << meaning;
  }
  for (const char* meaning : {"Fine linear, branching (casting) calcification",
                              "Fine linear branching", "feinlinear verzweigt", "Casting"}) {
    EXPECT_TRUE(morphology_meaning_beyond(meaning, Morphology::FineLinearBranching).empty())
        << meaning;
  }
  EXPECT_TRUE(
      morphology_meaning_beyond("Coarse heterogeneous", Morphology::CoarseHeterogeneous).empty());
  EXPECT_TRUE(morphology_meaning_beyond("Round shaped calcification", Morphology::Round).empty());
  EXPECT_TRUE(morphology_meaning_beyond("Round, no pleomorphism", Morphology::Round).empty());
  for (const char* meaning : {"Grouped calcification distribution", "Clustered", "gruppiert"}) {
    EXPECT_TRUE(distribution_meaning_beyond(meaning, Distribution::Grouped).empty()) << meaning;
  }
}

// R40-17: time intervals name no category ("6-month" was BI-RADS 6); a likelihood of malignancy
// names the category BI-RADS gives it; "no further action" is what categories 1 to 3 mean.
TEST(CategoryMeanings, TimeIntervalsLikelihoodsAndNoActionAreRead) {
  for (const char* meaning :
       {"Probably benign - short-interval (6-month) follow-up", "Probably benign, 6 months",
        "Probably benign, six-month follow-up", "Probably benign - 6 month follow-up",
        "Probably benign (less than 2% likelihood of malignancy)",
        "Probably benign: >0% but <=2% likelihood of malignancy",
        "Probably benign (\u22642% likelihood of malignancy)"}) {
    EXPECT_EQ(category_meant(meaning), Category::ProbablyBenign3) << meaning;
    EXPECT_TRUE(category_meaning_beyond(meaning, Category::ProbablyBenign3).empty()) << meaning;
  }
  for (const char* meaning :
       {"Benign: essentially 0% likelihood of malignancy", "Benign - no further action",
        "Benign: no further action required", "Benign, tissue diagnosis not needed",
        "Gutartig, keine weiteren Ma\u00DFnahmen"}) {
    EXPECT_TRUE(category_meaning_beyond(meaning, Category::Benign2).empty()) << meaning;
  }
  EXPECT_EQ(category_meant("Suspicious (>2% to <95% likelihood of malignancy)"),
            Category::HighSuspicion4C);
  EXPECT_TRUE(category_meaning_beyond("Suspicious (>2% to <95% likelihood of malignancy)",
                                      Category::Suspicious4)
                  .empty());
  EXPECT_EQ(category_meant("Highly suggestive of malignancy (>=95%)"), Category::HighlySuggestive5);
  // What stays more: a likelihood outside the category, a bare number, a number of another
  // unit, a denied action on a category that calls for one, action asked for on a benign one.
  EXPECT_EQ(category_meant("Probably benign (2-10% likelihood of malignancy)"),
            Category::LowSuspicion4A);
  EXPECT_FALSE(category_meaning_beyond("Probably benign (2-10% likelihood of malignancy)",
                                       Category::ProbablyBenign3)
                   .empty());
  EXPECT_FALSE(
      category_meaning_beyond("Benign (50% likelihood of malignancy)", Category::Benign2).empty());
  EXPECT_FALSE(category_meaning_beyond("Benign, 0%, malignancy", Category::Benign2).empty());
  // Review 41: likelihood words away from the number say more; a huge number is a number.
  EXPECT_FALSE(
      category_meaning_beyond("Benign, 0%; later a high chance of cancer", Category::Benign2)
          .empty());
  EXPECT_FALSE(
      category_meaning_beyond("Benign " + std::string(400, '9') + "%", Category::Benign2).empty());
  EXPECT_EQ(category_meant("Probably benign, 6"), Category::KnownMalignancy6);
  EXPECT_FALSE(
      category_meaning_beyond("Suspicious, no further action", Category::Suspicious4).empty());
  EXPECT_FALSE(category_meaning_beyond("Benign, biopsy needed", Category::Benign2).empty());
  EXPECT_FALSE(
      category_meaning_beyond("Benign, no further action, carcinoma", Category::Benign2).empty());
}

// Hostile review 39 (H39-9, H39-11, H39-12, H39-14): sizes and clock positions name no category,
// follow-up and "appearing" fit 1 and 2, tissue fits 4 and 5, the German "Gewebediagnose nicht
// erforderlich" is no action, and "Negative" opens the negative code's meaning without denying
// what follows; what says more still does.
TEST(CategoryMeanings, SizesFollowUpAndTissueWordsThatFitTheCode) {
  for (const char* meaning :
       {"Probably benign, 6 mm", "Probably benign, 4cm", "Probably benign, 4 o'clock",
        "Probably benign, 4 Uhr", "Probably benign, 2 centimetres", "Probably benign, 4-mm"}) {
    EXPECT_TRUE(category_meaning_beyond(meaning, Category::ProbablyBenign3).empty()) << meaning;
    EXPECT_EQ(category_meant(meaning), Category::ProbablyBenign3) << meaning;
  }
  for (const char* meaning :
       {"Benign-appearing", "Benign, routine 1-year follow-up", "Benign, 12-month follow-up",
        "Gutartig, Gewebediagnose nicht erforderlich", "Benign, 6 mm"}) {
    EXPECT_TRUE(category_meaning_beyond(meaning, Category::Benign2).empty()) << meaning;
  }
  for (const char* meaning :
       {"Negative, routine screening", "Negative, annual screening", "Negative, 0%"}) {
    EXPECT_TRUE(category_meaning_beyond(meaning, Category::Negative1).empty()) << meaning;
    EXPECT_FALSE(category_denied(meaning, Category::Negative1)) << meaning;
  }
  EXPECT_TRUE(category_meaning_beyond("Suspicious, tissue diagnosis recommended",
                                      Category::ModerateSuspicion4B)
                  .empty());
  EXPECT_TRUE(category_meaning_beyond("Highly suggestive of malignancy, biopsy",
                                      Category::HighlySuggestive5)
                  .empty());
  // Still more than the code: a category after its name, a short interval, a denial.
  EXPECT_FALSE(
      category_meaning_beyond("Probably benign, BI-RADS 4 mm", Category::ProbablyBenign3).empty());
  EXPECT_FALSE(category_meaning_beyond("Benign, 6-month follow-up", Category::Benign2).empty());
  EXPECT_FALSE(
      category_meaning_beyond("Benign, Gewebediagnose erforderlich", Category::Benign2).empty());
  EXPECT_FALSE(category_meaning_beyond("Negative, not routine", Category::Negative1).empty());
  EXPECT_TRUE(category_denied("Negative, not negative", Category::Negative1));
  EXPECT_TRUE(category_denied("Negative?", Category::Negative1));  // review 43, R43-14
  // The negative code has nothing to measure or place (hostile review 43, H43-8).
  EXPECT_EQ(category_meaning_beyond("Negative, 6 mm", Category::Negative1),
            std::vector<std::string>{"6 mm"});
  EXPECT_EQ(category_meaning_beyond("Negative, 10 o'clock", Category::Negative1),
            std::vector<std::string>{"10 o'clock"});
  EXPECT_TRUE(category_denied("Negative, not benign", Category::Negative1));
  EXPECT_TRUE(category_denied("Probably benign, not benign", Category::ProbablyBenign3));
  EXPECT_FALSE(category_meaning_beyond("Highly suggestive of malignancy, biopsy not recommended",
                                       Category::HighlySuggestive5)
                   .empty());
}

// Sizes say nothing beyond a type ("Round, 1 mm"); a number alone still does.
TEST(MorphologyMeaningBeyond, SizesSayNothingMore) {
  EXPECT_TRUE(morphology_meaning_beyond("Round, 1 mm", Morphology::Round).empty());
  EXPECT_TRUE(morphology_meaning_beyond("Round, < 0.5 mm", Morphology::Round).empty());
  EXPECT_TRUE(morphology_meaning_beyond("Round, 4-mm", Morphology::Round).empty());
  EXPECT_FALSE(morphology_meaning_beyond("Round, 4", Morphology::Round).empty());
}

// Hostile review 39: a lower bound is above its number (H39-1); a number after a category's
// name is the category (H39-2); an interval must fit the category (H39-3, H39-7); German
// likelihoods are read (H39-8).
TEST(CategoryMeanings, BoundsCategoryNamesIntervalsAndGermanLikelihoods) {
  for (const char* meaning :
       {"Probably benign, >2%", "Probably benign, > 2 %", "Probably benign, \u22652%",
        "Probably benign, =>2%", "Probably benign, 2%+", "Probably benign, more than 2%",
        "Probably benign, at least 2%", "Probably benign, over 2%", "Probably benign, above 2%",
        "BI-RADS 4 months", "Probably benign, BI-RADS 4 month follow-up", "BI-RADS: 4 months",
        "BIRADS 5-month", "category 4 months", "Kategorie 4 Monate"}) {
    EXPECT_FALSE(category_meaning_beyond(meaning, Category::ProbablyBenign3).empty()) << meaning;
  }
  EXPECT_EQ(category_meant("Probably benign, BI-RADS 4 month follow-up"), Category::Suspicious4);
  for (const char* meaning : {"Benign, >0%", "Benign, 6 months", "Benign, 6 Monate",
                              "Benign, 4 months", "Benign, BI-RADS: 4 months"}) {
    EXPECT_FALSE(category_meaning_beyond(meaning, Category::Benign2).empty()) << meaning;
  }
  EXPECT_FALSE(category_meaning_beyond("Suspicious, 6 months", Category::Suspicious4).empty());
  for (const char* meaning : {"Benign, annual screening", "Benign, 12 months", "Negative, 0%"}) {
    const Category category =
        std::string(meaning).rfind("Negative", 0) == 0 ? Category::Negative1 : Category::Benign2;
    EXPECT_TRUE(category_meaning_beyond(meaning, category).empty()) << meaning;
  }
  for (const char* meaning :
       {"Wahrscheinlich gutartig, Malignit\u00E4tswahrscheinlichkeit < 2 %",
        "Wahrscheinlich gutartig, Malignit\u00E4tsrisiko \u2264 2 %", "Probably benign, 1-2%",
        "Probably benign, 4 - 6 months", "Probably benign, 6-12 months"}) {
    EXPECT_TRUE(category_meaning_beyond(meaning, Category::ProbablyBenign3).empty()) << meaning;
    EXPECT_EQ(category_meant(meaning), Category::ProbablyBenign3) << meaning;
  }
}

// H37-10/11: arterial and the German vascular and coarse words name their terms.
TEST(TermMeaningBeyond, ArterialAndGermanVascularAndCoarseWordsNameTheirTerms) {
  for (const char* meaning : {"Arterial calcification", "Vascular (arterial) calcification",
                              "Arteriosclerotic calcification", "Gefäßverkalkung",
                              "Gefäßverkalkungen", "Vaskuläre Verkalkungen"}) {
    EXPECT_TRUE(morphology_meaning_beyond(meaning, Morphology::Vascular).empty()) << meaning;
    EXPECT_FALSE(morphology_meaning_beyond(meaning, Morphology::Round).empty()) << meaning;
  }
  for (const char* meaning : {"Grobschollig", "Grobschollige Verkalkung"}) {
    EXPECT_TRUE(morphology_meaning_beyond(meaning, Morphology::CoarsePopcorn).empty()) << meaning;
  }
  EXPECT_FALSE(morphology_meaning_beyond("Arterial, suspicious", Morphology::Vascular).empty());
  // R40-18: "benign" is a typically benign type's word, not a suspicious type's.
  EXPECT_TRUE(morphology_meaning_beyond("Vascular, benign", Morphology::Vascular).empty());
  EXPECT_FALSE(
      morphology_meaning_beyond("Fine pleomorphic, benign", Morphology::FinePleomorphic).empty());
  EXPECT_FALSE(morphology_meaning_beyond("Benign amorphous", Morphology::Amorphous).empty());
  // H39-5: a likeness of a type is not the type.
  for (const char* meaning :
       {"Vascular-like", "Gef\u00E4\u00DFartig", "Gef\u00E4\u00DF\u00E4hnlich"}) {
    EXPECT_FALSE(morphology_meaning_beyond(meaning, Morphology::Vascular).empty()) << meaning;
  }
  for (const char* meaning : {"Round-like", "Roundish", "rundlich"}) {
    EXPECT_FALSE(morphology_meaning_beyond(meaning, Morphology::Round).empty()) << meaning;
  }
  for (const char* meaning : {"Coarse (popcorn-like) calcification", "Popcornartige Verkalkung",
                              "Large rod-like calcification"}) {
    const Morphology term = std::string(meaning).find("rod") != std::string::npos
                                ? Morphology::LargeRodLike
                                : Morphology::CoarsePopcorn;
    EXPECT_TRUE(morphology_meaning_beyond(meaning, term).empty()) << meaning;
  }
  // H39-4: nor a denied suspicion, nor a denial of its own term.
  for (const char* meaning :
       {"Fine pleomorphic, not suspicious", "Fine pleomorphic, non-suspicious",
        "Fine pleomorphic, no suspicious features", "Fine pleomorphic, not malignant",
        "Fine pleomorphic, no malignancy", "Fine pleomorphic, nicht suspekt",
        "Fine pleomorphic, kein Malignit\u00E4tsverdacht", "Fine pleomorphic: none",
        "Fine pleomorphic absent", "Fine pleomorphic ruled out", "Fine pleomorphic excluded"}) {
    EXPECT_FALSE(morphology_meaning_beyond(meaning, Morphology::FinePleomorphic).empty())
        << meaning;
  }
  EXPECT_FALSE(morphology_meaning_beyond("Not arterial", Morphology::Vascular).empty());
}

TEST(TermMeaningBeyond, OtherWordsAndDoubtAreNamed) {
  using Words = std::vector<std::string>;
  // "like" says a likeness, not the thing (H39-5).
  EXPECT_EQ(morphology_meaning_beyond("Cast-like", Morphology::FineLinearBranching),
            (Words{"cast", "like"}));
  EXPECT_EQ(morphology_meaning_beyond("DCIS-like", Morphology::Round), (Words{"dcis", "like"}));
  EXPECT_EQ(morphology_meaning_beyond("Round?", Morphology::Round), Words{"?"});
  EXPECT_EQ(distribution_meaning_beyond("Grouped, new since prior", Distribution::Grouped),
            (Words{"new", "since", "prior"}));
}

// H35-8: "neither ... nor" denies, and a negation alone after a colon denies what the colon
// follows ("Carcinoma: absent").
TEST(MeaningClauses, NeitherNorAndAColonsNegationDeny) {
  EXPECT_TRUE(prior_results_meant("Neither atypia nor carcinoma").empty());
  EXPECT_TRUE(prior_results_meant("Benign. Carcinoma: absent").empty());
  // On a result, no calcifications are none retrieved (hostile review 36, H36-4).
  EXPECT_EQ(prior_results_meant("Calcifications: none"),
            std::vector<PriorResult>{PriorResult::NoCalcificationsInCore});
  // A colon before an affirmed statement still ends the clause before it.
  EXPECT_EQ(prior_results_meant("No atypia: ductal carcinoma in situ"),
            std::vector<PriorResult>{PriorResult::Malignant});
}

// H36-16, H36-17: "Nonmalignant" and "never malignant" name no malignancy; "in a line" is linear.
TEST(ResultMeanings, NonmalignantAndNeverMalignantNameNoMalignancy) {
  EXPECT_TRUE(prior_results_meant("Nonmalignant").empty());
  EXPECT_TRUE(prior_results_meant("Benign, never malignant").empty());
  EXPECT_EQ(prior_results_meant("Premalignant change, carcinoma"),
            std::vector<PriorResult>{PriorResult::Malignant});
  EXPECT_EQ(distributions_meant("Diffuse, in a line"),
            (std::vector<Distribution>{Distribution::Linear, Distribution::Diffuse}));
}

// Review 40 (R40-1 to R40-5, R40-9): negation scope in meanings.
TEST(MeaningClauses, NegationScopeEdgesOfReview40) {
  using Results = std::vector<PriorResult>;
  // "nonetheless" holds no negation "none".
  EXPECT_EQ(category_meant("Benign, nonetheless suspicious"), Category::Suspicious4);
  // A negation after its concept denies up to its next comma only.
  EXPECT_EQ(prior_results_meant("Benign; atypia not seen, carcinoma identified"),
            Results{PriorResult::Malignant});
  // More commas in a part than in its first clause: read, no crash (std::out_of_range).
  EXPECT_NO_THROW(
      prior_results_meant("Fibrocystic change, no atypia, with microcalcifications, benign"));
  EXPECT_EQ(prior_results_meant("Benign, no atypia but DCIS, grade 2"),
            Results{PriorResult::Malignant});
  // An "or" before the negation does not make the list after it a denied one.
  EXPECT_FALSE(prior_results_meant("Fibrocystic or apocrine change, no atypia, DCIS").empty());
  // An en dash ends a clause as " - " does.
  EXPECT_EQ(prior_results_meant("Benign. No invasive carcinoma \u2013 DCIS"),
            Results{PriorResult::Malignant});
  // The standard denied list with "or" and its verb at the end names nothing.
  EXPECT_TRUE(prior_results_meant("No atypia, hyperplasia or carcinoma identified").empty());
}

// Review 40, R40-16: a denied breast is a concept ("Right breast, not left" says nothing more).
TEST(LateralityMeanings, ADeniedOtherBreastSaysNothingMore) {
  EXPECT_TRUE(laterality_meaning_beyond("Right breast, not left", Laterality::Right).empty());
  EXPECT_FALSE(laterality_meaning_beyond("Not right breast", Laterality::Right).empty());
}

// Review 40, R40-16: the code for both breasts whose meaning names one breast says more.
TEST(LateralityMeanings, BothBreastsNamedAsOneSaysMore) {
  for (const char* meaning : {"Right breast", "Brust rechts", "R", "Left", "Lt"}) {
    EXPECT_FALSE(laterality_meaning_beyond(meaning, Laterality::Both).empty()) << meaning;
  }
  for (const char* meaning : {"Bilateral", "Both breasts", "Beidseits", "Right and left breast",
                              "L and R", "Beide Br\u00FCste", "B"}) {
    EXPECT_TRUE(laterality_meaning_beyond(meaning, Laterality::Both).empty()) << meaning;
  }
  // Hostile review 39, H39-6: one breast beside "both", or either breast.
  for (const char* meaning : {"Both breasts - right", "Bilateral, right", "Bilateral (R)",
                              "Right or left", "Links oder rechts"}) {
    EXPECT_FALSE(laterality_meaning_beyond(meaning, Laterality::Both).empty()) << meaning;
  }
}

// Hostile review 37, H37-1: a denied or-list ends at the comma after its "or" item; what
// follows is affirmed.
TEST(MeaningClauses, ADeniedOrListEndsAtItsNextComma) {
  EXPECT_EQ(category_meant("Benign, no mass or asymmetry, suspicious"), Category::Suspicious4);
  EXPECT_EQ(prior_results_meant("Cyst, neither atypia nor hyperplasia, DCIS"),
            std::vector<PriorResult>{PriorResult::Malignant});
  EXPECT_EQ(morphologies_meant("Coarse, neither round nor punctate, pleomorphic").front(),
            Morphology::FinePleomorphic);
  EXPECT_TRUE(prior_results_meant("No atypia, hyperplasia or carcinoma identified").empty());
  EXPECT_TRUE(prior_results_meant("Benign; no hyperplasia, atypia, or carcinoma").empty());
}

}  // namespace
}  // namespace mammocalc
