#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "annotations/wordings_reader.hpp"
#include "base/error.hpp"
#include "test_support.hpp"

namespace mammocalc {
namespace {

using testing::TempDir;

std::string wordings(const std::string& body) {
  return "<?xml version=\"1.0\"?>\n"
         "<narrativeWordings xmlns=\"urn:mammocalc:narrative-wordings:1\" language=\"en\">\n"
         "  <calcification phrase=\"calcif*\"/>\n" +
         body + "</narrativeWordings>\n";
}

// The error message of reading `text` as a wordings file.
std::string problem_of(const std::string& text) {
  TempDir dir;
  try {
    read_wordings(dir.file("w.xml", text));
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::InvalidWordings);
    return error.what();
  }
  return "no error";
}

TEST(WordingsReader, ReadsEveryKind) {
  TempDir dir;
  const Wordings read = read_wordings(dir.file(
      "w.xml",
      wordings("  <morphology term=\"fine-pleomorphic\" phrase=\"fine pleomorphic\"/>\n"
               "  <distribution term=\"segmental\" phrase=\"in a segment\"/>\n"
               "  <site term=\"lobular\" phrase=\"within the lobules\"/>\n"
               "  <laterality term=\"both\" phrase=\"bilateral\"/>\n"
               "  <quadrant term=\"upper-outer\" phrase=\"uoq\"/>\n"
               "  <region term=\"subareolar\" phrase=\"retroareolar\"/>\n"
               "  <depth term=\"middle\" phrase=\"middle third\"/>\n"
               "  <change term=\"stable\" phrase=\"no change in\"/>\n"
               "  <assessment term=\"4B\" phrase=\"worrying\"/>\n"
               "  <context role=\"negated\" side=\"after\" phrase=\"are not seen\"/>\n"
               "  <heading section=\"findings\" laterality=\"right\" phrase=\"rt\"/>\n"
               "  <followUp id=\"stereotactic-biopsy\" codeValue=\"111145\" codingScheme=\"DCM\""
               " codeMeaning=\"Histology using core biopsy\" phrase=\"stereotactic biopsy\"/>\n"
               "  <ultrasoundCorrelate phrase=\"sonographic correlate\"/>\n"
               "  <massWithCalcifications phrase=\"mass with calcifications\"/>\n"
               "  <composition phrase=\"heterogeneously dense\"/>\n"
               "  <breastImaging phrase=\"bi-rads\"/>\n"
               "  <breast phrase=\"breast\"/>\n"
               "  <abbreviation phrase=\"approx.\"/>\n"
               "  <categoryWord phrase=\"category\"/>\n")));
  EXPECT_EQ(read.language, "en");
  ASSERT_EQ(read.calcification.size(), 1U);
  EXPECT_EQ(read.calcification[0], "calcif*");
  ASSERT_EQ(read.morphology.size(), 1U);
  EXPECT_EQ(read.morphology[0].term, Morphology::FinePleomorphic);
  EXPECT_EQ(read.morphology[0].phrase, "fine pleomorphic");
  EXPECT_EQ(read.distribution.at(0).term, Distribution::Segmental);
  EXPECT_EQ(read.site.at(0).term, Site::Lobular);
  EXPECT_EQ(read.laterality.at(0).term, Laterality::Both);
  EXPECT_EQ(read.quadrant.at(0).term, Quadrant::UpperOuter);
  EXPECT_EQ(read.region.at(0).term, Region::Subareolar);
  EXPECT_EQ(read.depth.at(0).term, Depth::Middle);
  EXPECT_EQ(read.change.at(0).term, Change::Stable);
  EXPECT_EQ(read.assessment.at(0).term, Category::ModerateSuspicion4B);
  EXPECT_EQ(read.assessment.at(0).phrase, "worrying");
  EXPECT_EQ(read.context.at(0).role, ContextRole::Negated);
  EXPECT_EQ(read.context.at(0).side, ContextSide::After);
  EXPECT_EQ(read.headings.at(0).section, ReportSection::Findings);
  EXPECT_EQ(read.headings.at(0).laterality, Laterality::Right);
  EXPECT_EQ(read.follow_up.at(0).id, "stereotactic-biopsy");
  EXPECT_EQ(read.follow_up.at(0).code.value, "111145");
  EXPECT_EQ(read.follow_up.at(0).code.scheme, "DCM");
  EXPECT_EQ(read.ultrasound_correlate.at(0), "sonographic correlate");
  EXPECT_EQ(read.mass_with_calcifications.at(0), "mass with calcifications");
  EXPECT_EQ(read.composition.at(0), "heterogeneously dense");
  EXPECT_EQ(read.breast_imaging.at(0), "bi-rads");
  EXPECT_EQ(read.breast.at(0), "breast");
  EXPECT_EQ(read.abbreviations.at(0), "approx.");
  EXPECT_EQ(read.category_words.at(0), "category");
}

TEST(WordingsReader, ProblemsNameFileLineAndField) {
  EXPECT_NE(problem_of(wordings("  <morphology term=\"pleomorphic\" phrase=\"x\"/>\n"))
                .find("w.xml:4: morphology/@term: unknown term 'pleomorphic'"),
            std::string::npos);
  EXPECT_NE(problem_of(wordings("  <morphology term=\"amorphous\" phrase=\"Amorphous\"/>\n"))
                .find(":4: morphology/@phrase: 'Amorphous' must be lower case"),
            std::string::npos);
  // A capital umlaut too: folded report text never holds one (review 47, R47-10).
  EXPECT_NE(problem_of(wordings("  <breast phrase=\"\xC3\x96"
                                "dem\"/>\n"))
                .find("must be lower case"),
            std::string::npos);
  EXPECT_EQ(problem_of(wordings("  <breast phrase=\"\xC3\xB6"
                                "dem\"/>\n")),
            "no error");
  EXPECT_NE(problem_of(wordings("  <breast phrase=\"both  breasts\"/>\n")).find("single spaces"),
            std::string::npos);
  EXPECT_NE(
      problem_of(wordings("  <breast phrase=\"br*east\"/>\n")).find("'*' only at its start or end"),
      std::string::npos);
  // A leading '*' (a compound that ends in or holds the word) is one word, and no function
  // word's.
  EXPECT_EQ(problem_of(wordings("  <calcification phrase=\"*verkalkung*\"/>\n")), "no error");
  EXPECT_NE(problem_of(wordings("  <calcification phrase=\"*grobe verkalkung\"/>\n"))
                .find("may start with '*' only as one word"),
            std::string::npos);
  EXPECT_NE(problem_of(wordings("  <functionWord role=\"plain\" phrase=\"*seen\"/>\n"))
                .find("no leading '*'"),
            std::string::npos);
  EXPECT_NE(
      problem_of(wordings("  <colour phrase=\"red\"/>\n")).find(":4: colour: unknown element"),
      std::string::npos);
  EXPECT_NE(problem_of(wordings("  <context role=\"negated\" side=\"above\" phrase=\"no\"/>\n"))
                .find("context/@side: unknown term 'above'"),
            std::string::npos);
  EXPECT_NE(problem_of(wordings("  <followUp id=\"x\" codeValue=\"1\" phrase=\"y\"/>\n"))
                .find("followUp/@codingScheme: is required"),
            std::string::npos);
  EXPECT_NE(problem_of("<narrativeWordings language=\"en\"/>").find("root must be"),
            std::string::npos);
  EXPECT_NE(problem_of("<narrativeWordings").find("not well-formed"), std::string::npos);
  EXPECT_NE(problem_of(wordings("  <breast phrase=\"breast\" extra=\"1\"/>\n")).find("extra"),
            std::string::npos);
}

// A site's wording may raise a finding's category, never lower it: "benign" as an assessment
// would turn calcifications the rules cannot classify into a reassurance.
TEST(WordingsReader, AnAssessmentWordingNamesASuspiciousCategoryOnly) {
  for (const char* category : {"0", "1", "2", "3", "6"}) {
    EXPECT_NE(problem_of(wordings(std::string("  <assessment term=\"") + category +
                                  "\" phrase=\"benign appearing\"/>\n"))
                  .find(":4: assessment/@term: '" + std::string(category) +
                        "' is no suspicious category"),
              std::string::npos)
        << category;
  }
}

// Every item counts here too: one phrase with two meanings is a conflict, not "the last wins".
TEST(WordingsReader, OnePhraseTwoMeaningsIsAProblem) {
  const std::string problem =
      problem_of(wordings("  <morphology term=\"amorphous\" phrase=\"indistinct\"/>\n"
                          "  <morphology term=\"punctate\" phrase=\"indistinct\"/>\n"));
  EXPECT_NE(problem.find(":5: morphology/@phrase: 'indistinct' is given twice, as 'amorphous' "
                         "and as 'punctate'"),
            std::string::npos);
}

// A site's wording may not hide a more suspicious wording it holds: longest match wins, so
// "fine pleomorphic calcifications" read as punctate would turn every fine pleomorphic mention
// benign (hostile review 25, F13). Raising stays allowed ("coarse heterogeneous" holds "coarse").
TEST(WordingsReader, ASiteWordingMayNotHideAMoreSuspiciousOneItHolds) {
  TempDir dir;
  const std::string shipped = dir.file(
      "shipped.xml", wordings("  <morphology term=\"fine-pleomorphic\" "
                              "phrase=\"fine pleomorphic\"/>\n"
                              "  <morphology term=\"coarse-popcorn\" phrase=\"coarse\"/>\n"
                              "  <distribution term=\"segmental\" phrase=\"segment*\"/>\n"));
  const auto problems_of_site = [&](const std::string& body) {
    return check_wordings(dir.file("site.xml", wordings(body)), {shipped});
  };
  const auto said = [](const std::vector<std::string>& problems, const std::string& text) {
    return problems.size() == 1 && problems.front().find(text) != std::string::npos;
  };
  EXPECT_TRUE(said(problems_of_site("  <morphology term=\"punctate\" "
                                    "phrase=\"fine pleomorphic calcifications\"/>\n"),
                   ":4: morphology/@phrase: 'fine pleomorphic calcifications' holds the wording "
                   "'fine pleomorphic' (fine-pleomorphic): a site wording may not read it as "
                   "'punctate'"));
  EXPECT_TRUE(said(problems_of_site("  <distribution term=\"regional\" "
                                    "phrase=\"quasi segmental\"/>\n"),
                   "holds the wording 'segment*' (segmental)"));
  // Raising, and a wording that holds no other, are additions as before.
  EXPECT_TRUE(problems_of_site("  <morphology term=\"coarse-heterogeneous\" "
                               "phrase=\"coarse heterogeneous\"/>\n")
                  .empty());
  EXPECT_TRUE(problems_of_site("  <morphology term=\"punctate\" phrase=\"pinpoint\"/>\n").empty());
  // Whole words only: "subsegment" does not begin with "segment".
  EXPECT_TRUE(
      problems_of_site("  <distribution term=\"regional\" phrase=\"subsegment area\"/>\n").empty());
}

// Hostile review 95: nor a growth wording read as stable, unless the site's wording negates it
// ("no increase", the lexicon's own pattern).
TEST(WordingsReader, ASiteChangeWordingMayNotReadGrowthAsStable) {
  TempDir dir;
  const std::string shipped =
      dir.file("shipped.xml", wordings("  <change term=\"increased\" phrase=\"increasing\"/>\n"
                                       "  <context role=\"negated\" side=\"before\" "
                                       "phrase=\"no\"/>\n"));
  const auto problems_of_site = [&](const std::string& body) {
    return check_wordings(dir.file("site.xml", wordings(body)), {shipped});
  };
  const std::vector<std::string> hidden =
      problems_of_site("  <change term=\"stable\" phrase=\"increasing yet stable\"/>\n");
  ASSERT_EQ(hidden.size(), 1u);
  EXPECT_NE(hidden.front().find("holds the wording 'increasing'"), std::string::npos)
      << hidden.front();
  EXPECT_TRUE(
      problems_of_site("  <change term=\"stable\" phrase=\"no increasing size\"/>\n").empty());
}

TEST(WordingsReader, NeedsACalcificationWordingAndALanguage) {
  EXPECT_NE(problem_of("<narrativeWordings xmlns=\"urn:mammocalc:narrative-wordings:1\" "
                       "language=\"en\"><breast phrase=\"breast\"/></narrativeWordings>")
                .find("at least one calcification wording"),
            std::string::npos);
  EXPECT_NE(problem_of("<narrativeWordings xmlns=\"urn:mammocalc:narrative-wordings:1\">"
                       "<calcification phrase=\"calcif*\"/></narrativeWordings>")
                .find("@language: is required"),
            std::string::npos);
}

TEST(WordingsReader, MissingFileIsNamed) {
  EXPECT_NE(problem_of("").find("not well-formed"), std::string::npos);
  try {
    read_wordings("/nonexistent/w.xml");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), "/nonexistent/w.xml: no such file");
  }
}

// The shipped file reads without a problem; the schema check is the CTest wordings_schema.
TEST(WordingsReader, ShippedWordingsAreValid) {
  EXPECT_TRUE(check_wordings("src/narrative/narrative-wordings-en.xml").empty());
}

TEST(DefaultWordingsFile, DataDirectoryWins) {
  TempDir dir;
  const std::string file = dir.file("narrative-wordings-en.xml", wordings(""));
  ::setenv("MAMMOCALC_DATA_DIR", std::filesystem::path(file).parent_path().c_str(), 1);
  EXPECT_EQ(default_wordings_file(), file);
  ::setenv("MAMMOCALC_DATA_DIR", "/nonexistent", 1);
  try {
    default_wordings_file();
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::DataMissing);
    EXPECT_NE(std::string(error.what()).find("/nonexistent/narrative-wordings-en.xml"),
              std::string::npos);
  }
  ::unsetenv("MAMMOCALC_DATA_DIR");
}

// A build-tree test binary finds <build>/share/mammocalc/ as the installed program finds
// <prefix>/share/mammocalc/.
TEST(DefaultWordingsFile, FoundBesideTheExecutable) {
  ::unsetenv("MAMMOCALC_DATA_DIR");
  const std::string found = default_wordings_file();
  EXPECT_NE(found.find("share/mammocalc/narrative-wordings-en.xml"), std::string::npos);
  EXPECT_TRUE(check_wordings(found).empty());
}

// Review 25 F2-F4: the strictness of every XML input (xml_input), in a lexicon file.
TEST(WordingsReader, ContentAfterTheRootIsNotWellFormed) {
  const std::string problem = problem_of(wordings("") + "<breast phrase=\"breast\"/>\n");
  EXPECT_NE(problem.find(":5: xml: not well-formed XML: content after the root element"),
            std::string::npos)
      << problem;
}
TEST(WordingsReader, ElementInsideAWordingIsAProblem) {
  const std::string problem =
      problem_of(wordings("  <breast phrase=\"breast\"><not phrase=\"left\"/></breast>\n"));
  EXPECT_NE(problem.find(":4: breast/not: unknown element"), std::string::npos) << problem;
}
TEST(WordingsReader, TextInAWordingIsAProblem) {
  const std::string problem = problem_of(wordings("  <breast phrase=\"breast\">left</breast>\n"));
  EXPECT_NE(problem.find(":4: breast: text 'left' is not read"), std::string::npos) << problem;
  const std::string in_root = problem_of(wordings("  draft\n"));
  EXPECT_NE(in_root.find(":4: narrativeWordings: text 'draft' is not read"), std::string::npos)
      << in_root;
}
TEST(WordingsReader, DuplicateAttributeIsNotWellFormed) {
  const std::string problem = problem_of(
      wordings("  <site term=\"lobular\" term=\"ductal\" phrase=\"in the lobules\"/>\n"));
  EXPECT_NE(problem.find(":4: site/@term: not well-formed XML: attribute given twice"),
            std::string::npos)
      << problem;
}
TEST(WordingsReader, ElementOfAnotherNamespaceIsAProblem) {
  const std::string problem =
      problem_of(wordings("  <breast xmlns=\"urn:vendor:x\" phrase=\"breast\"/>\n"));
  EXPECT_NE(problem.find(":4: breast: in namespace 'urn:vendor:x', not "
                         "urn:mammocalc:narrative-wordings:1"),
            std::string::npos)
      << problem;
}

}  // namespace
}  // namespace mammocalc
