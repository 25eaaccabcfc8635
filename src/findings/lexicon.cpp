#include "findings/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <iomanip>
#include <iterator>
#include <locale>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "findings/value_sets.hpp"

namespace mammocalc {
namespace {

// Whether no entry of a word table is empty: std::array value-initialises the entries its size
// has beyond those given, and an empty word is found everywhere (a search for it never ends, a
// stem of it names every meaning). Checked at compile time for the tables of a fixed size; the
// word lists are plain arrays, whose size is what they hold.
template <typename Entry, std::size_t N, typename Words>
constexpr bool none_empty(const std::array<Entry, N>& entries, Words words) {
  for (std::size_t i = 0; i < N; ++i) {
    if (words(entries[i]).empty()) return false;
  }
  return true;
}

template <typename Term>
struct Entry {
  CodeConst code;
  Term term;
};

template <typename Term, std::size_t N>
std::optional<Term> lookup(const std::array<Entry<Term>, N>& table, const Code& code) {
  for (const auto& entry : table) {
    if (same_concept(code, entry.code)) return entry.term;
  }
  return std::nullopt;
}

// CID 6010 Mammography Calcification Type (domain.md §1.1, §3.1).
constexpr std::array<Entry<Morphology>, 18> kMorphology{{
    {{"129757003", "SCT", "Calcified skin of breast"}, Morphology::Skin},
    {{"129759000", "SCT", "Vascular calcification"}, Morphology::Vascular},
    {{"129749001", "SCT", "Coarse (popcorn-like) calcification"}, Morphology::CoarsePopcorn},
    {{"129752009", "SCT", "Large rod-like calcification"}, Morphology::LargeRodLike},
    {{"129756007", "SCT", "Round shaped calcification"}, Morphology::Round},
    {{"129755006", "SCT", "Punctate calcification"}, Morphology::Punctate},
    {{"129751002", "SCT", "Eggshell calcification"}, Morphology::Rim},
    {{"129754005", "SCT", "Lucent-centered calcification"}, Morphology::LucentCentred},
    {{"129750001", "SCT", "Dystrophic calcification"}, Morphology::Dystrophic},
    {{"129753004", "SCT", "Milk of calcium calcification"}, Morphology::MilkOfCalcium},
    {{"129758008", "SCT", "Calcified suture material"}, Morphology::Suture},
    {{"129760005", "SCT", "Amorphous calcification"}, Morphology::Amorphous},
    {{"129763007", "SCT", "Heterogeneous calcification"}, Morphology::CoarseHeterogeneous},
    {{"111344", "DCM", "Fine pleomorphic calcification"}, Morphology::FinePleomorphic},
    {{"129761009", "SCT", "Fine, linear (casting) calcification"}, Morphology::FineLinear},
    {{"129762002", "SCT", "Fine linear, branching (casting) calcification"},
     Morphology::FineLinearBranching},
    {{"44771000", "SCT", "Microcalcifications of the breast"}, Morphology::Microcalcifications},
    {{"111345", "DCM", "Macrocalcifications"}, Morphology::Macrocalcifications},
}};

// CID 6012 Calcification Distribution Modifier (domain.md §3.2).
constexpr std::array<Entry<Distribution>, 7> kDistribution{{
    {{"129764001", "SCT", "Diffuse calcification distribution"}, Distribution::Diffuse},
    {{"129767008", "SCT", "Regional calcification distribution"}, Distribution::Regional},
    {{"129766004", "SCT", "Grouped calcification distribution"}, Distribution::Grouped},
    {{"129765000", "SCT", "Linear calcification distribution"}, Distribution::Linear},
    {{"129768003", "SCT", "Segmental calcification distribution"}, Distribution::Segmental},
    {{"111346", "DCM", "Calcifications within a mass"}, Distribution::WithinMass},
    {{"111347", "DCM", "Calcifications outside of a mass"}, Distribution::OutsideMass},
}};

// CID 6022 Side, CID 244 Laterality (domain.md §3.7).
constexpr std::array<Entry<Laterality>, 6> kLaterality{{
    {{"73056007", "SCT", "Right breast"}, Laterality::Right},
    {{"80248007", "SCT", "Left breast"}, Laterality::Left},
    {{"63762007", "SCT", "Both breasts"}, Laterality::Both},
    {{"24028007", "SCT", "Right"}, Laterality::Right},
    {{"7771000", "SCT", "Left"}, Laterality::Left},
    {{"51440002", "SCT", "Bilateral"}, Laterality::Both},
}};

// CID 6018 clock positions 1 … 12, in order.
constexpr std::array<Entry<int>, 12> kClock{{
    {{"129772004", "SCT", "1 o'clock position"}, 1},
    {{"129773009", "SCT", "2 o'clock position"}, 2},
    {{"129774003", "SCT", "3 o'clock position"}, 3},
    {{"129775002", "SCT", "4 o'clock position"}, 4},
    {{"129776001", "SCT", "5 o'clock position"}, 5},
    {{"129777005", "SCT", "6 o'clock position"}, 6},
    {{"129778000", "SCT", "7 o'clock position"}, 7},
    {{"129779008", "SCT", "8 o'clock position"}, 8},
    {{"129780006", "SCT", "9 o'clock position"}, 9},
    {{"129781005", "SCT", "10 o'clock position"}, 10},
    {{"129782003", "SCT", "11 o'clock position"}, 11},
    {{"129783008", "SCT", "12 o'clock position"}, 12},
}};

// CID 6018 regions.
constexpr std::array<Entry<Region>, 5> kRegion{{
    {{"129784002", "SCT", "Subareolar region"}, Region::Subareolar},
    {{"129785001", "SCT", "Axillary tail region"}, Region::AxillaryTail},
    {{"129786000", "SCT", "Central region of breast"}, Region::Central},
    {{"129791004", "SCT", "Axilla region"}, Region::Axilla},
    {{"78904004", "SCT", "Chest wall"}, Region::ChestWall},
}};

// CID 6020 Quadrant.
constexpr std::array<Entry<Quadrant>, 4> kQuadrant{{
    {{"76365002", "SCT", "Upper outer quadrant of breast"}, Quadrant::UpperOuter},
    {{"77831004", "SCT", "Upper inner quadrant of breast"}, Quadrant::UpperInner},
    {{"33564002", "SCT", "Lower outer quadrant of breast"}, Quadrant::LowerOuter},
    {{"19100000", "SCT", "Lower inner quadrant of breast"}, Quadrant::LowerInner},
}};

// CID 6024 Depth.
constexpr std::array<Entry<Depth>, 3> kDepth{{
    {{"255549009", "SCT", "Anterior"}, Depth::Anterior},
    {{"C25569", "NCIt", "Middle"}, Depth::Middle},
    {{"255551008", "SCT", "Posterior"}, Depth::Posterior},
}};

// CID 6002 Change since last mammogram (the members that speak of calcifications or size).
constexpr std::array<Entry<Change>, 5> kChange{{
    {{"129721008", "SCT", "New finding"}, Change::New},
    {{"129726003", "SCT", "Increase in number of calcifications"}, Change::Increased},
    {{"15454001", "SCT", "Increase in size"}, Change::Increased},
    {{"129727007", "SCT", "Decrease in number of calcifications"}, Change::Decreased},
    {{"129723006", "SCT", "No significant changes in the finding"}, Change::Stable},
}};

// CID 6027 Assessment from BI-RADS (UID 1.2.840.10008.6.1.357, version 20050822), the BI-RADS
// categories of CID 6026 Mammography Assessment (UID 1.2.840.10008.6.1.356; its one other code,
// 111120, is no category: value_sets.cpp). Verified against PixelMed standardcontextgroups.xml and
// bvdh/dicom-terminology-in-fhir ValueSet-dicom-cid-6027 (domain.md §3.3; pydicom lists no CID 6027
// code). The BI codes carry Coding Scheme Version "4.0"; the reader keeps no version, so they match
// with or without it. Legacy SRT F-037BB…F-037C1 match through same_concept (domain.md §3.9). The
// first row of each category is the one code_of() writes.
constexpr std::array<Entry<Category>, 16> kCategory{{
    {{"397138000", "SCT", "0 - Incomplete"}, Category::Incomplete0},
    {{"397140005", "SCT", "1 - Negative"}, Category::Negative1},
    {{"397141009", "SCT", "2 - Benign"}, Category::Benign2},
    {{"397143007", "SCT", "3 - Probably Benign"}, Category::ProbablyBenign3},
    {{"397144001", "SCT", "4 - Suspicious"}, Category::Suspicious4},
    {{"MA.II.A.5.4A", "BI", "4A - Low suspicion"}, Category::LowSuspicion4A},
    {{"MA.II.A.5.4B", "BI", "4B - Intermediate suspicion"}, Category::ModerateSuspicion4B},
    {{"MA.II.A.5.4C", "BI", "4C - Moderate suspicion"}, Category::HighSuspicion4C},
    {{"397145000", "SCT", "5 - Highly suggestive of malignancy"}, Category::HighlySuggestive5},
    {{"MA.II.A.5.6", "BI", "6 - Known biopsy proven malignancy"}, Category::KnownMalignancy6},
    // The UMLS Concept Unique IDs the CID 6027 table gives for the SNOMED rows (an earlier
    // bvdh/dicom-terminology-in-fhir ValueSet-dicom-cid-6027 lists them beside SCT and SRT).
    {{"C1301244", "UMLS", "0 - Incomplete"}, Category::Incomplete0},
    {{"C1301245", "UMLS", "1 - Negative"}, Category::Negative1},
    {{"C1301246", "UMLS", "2 - Benign"}, Category::Benign2},
    {{"C1301247", "UMLS", "3 - Probably Benign"}, Category::ProbablyBenign3},
    {{"C1301248", "UMLS", "4 - Suspicious"}, Category::Suspicious4},
    {{"C1301249", "UMLS", "5 - Highly suggestive of malignancy"}, Category::HighlySuggestive5},
}};

// CID 6063 Interventional Procedure Result (UID 1.2.840.10008.6.1.392), CID 6032 High Risk Lesion
// Pathology (1.2.840.10008.6.1.362), radial scar, CID 6066 Target Confirmation
// (1.2.840.10008.6.1.395): the codes code_of() writes, read first. Every other pathology code
// (CID 6030 = 6031 ∪ 6032 ∪ 6033, CID 6159) is in value_sets.cpp. Verified against pydicom
// (domain.md §0, PYD).
constexpr std::array<Entry<PriorResult>, 17> kPriorResult{{
    {{"30807003", "SCT", "Benign"}, PriorResult::Benign},
    {{"21594007", "SCT", "Malignant"}, PriorResult::Malignant},
    {{"281268007", "SCT", "Insufficient sample"}, PriorResult::Insufficient},
    {{"258270003", "SCT", "High risk tumor"}, PriorResult::HighRisk},
    {{"280416009", "SCT", "Indeterminate result"}, PriorResult::Indeterminate},
    {{"6660000", "SCT", "Atypical intraductal hyperplasia"}, PriorResult::HighRisk},
    {{"33889003", "SCT", "Atypical lobular hyperplasia"}, PriorResult::HighRisk},
    {{"109888004", "SCT", "Lobular carcinoma in situ of breast"}, PriorResult::HighRisk},
    {{"71232009", "SCT", "Phyllodes tumor"}, PriorResult::HighRisk},
    {{"111299", "DCM", "Peripheral duct papillomas"}, PriorResult::HighRisk},
    {{"133855003", "SCT", "Radial scar"}, PriorResult::HighRisk},
    {{"111445", "DCM", "Target not in the specimen"}, PriorResult::TargetNotInSpecimen},
    // The legacy SRT forms of the CID 6063 codes (pydicom _snomed_dict.py); never written.
    {{"G-A249", "SRT", "Benign"}, PriorResult::Benign},
    {{"G-A425", "SRT", "Malignant"}, PriorResult::Malignant},
    {{"M-09024", "SRT", "Insufficient sample"}, PriorResult::Insufficient},
    {{"R-41DDC", "SRT", "High risk tumor"}, PriorResult::HighRisk},
    {{"F-01E06", "SRT", "Indeterminate result"}, PriorResult::Indeterminate},
}};

// Anatomy for a Finding Site child (domain.md §1.4; SNOMED for the lobule is unverified, so
// the FMA code is the one accepted for it).
constexpr std::array<Entry<Site>, 3> kSite{{
    {{"361719004", "SCT", "Mammary duct"}, Site::Ductal},
    {{"58006", "FMA", "mammary duct"}, Site::Ductal},
    {{"62090", "FMA", "lobule of mammary gland"}, Site::Lobular},
}};

template <typename Term, std::size_t N>
CodeConst reverse_lookup(const std::array<Entry<Term>, N>& table, Term term) {
  const auto* found = std::find_if(table.begin(), table.end(),
                                   [&](const auto& entry) { return entry.term == term; });
  return found == table.end() ? CodeConst{} : found->code;
}

template <typename Term, std::size_t N>
std::optional<Term> meant(const std::array<Entry<Term>, N>& table, std::string_view meaning) {
  const std::string key = meaning_key(meaning);
  if (key.empty()) return std::nullopt;
  for (const auto& entry : table) {
    if (meaning_key(entry.code.meaning) == key || meaning_key(to_string(entry.term)) == key) {
      return entry.term;
    }
  }
  return std::nullopt;
}

// A meaning's words, lower case: its runs of letters and digits ("Fine-pleomorphic
// calcifications" → fine, pleomorphic, calcifications).
std::vector<std::string> meaning_words(std::string_view meaning) {
  std::istringstream spaced(spaced_words(meaning));
  return {std::istream_iterator<std::string>(spaced), std::istream_iterator<std::string>()};
}

// A word only one term of a group has, by its stem ("pleomorph" for pleomorphic, pleomorphism),
// unless the meaning has a word that names a more specific term holding it too ("coarse" but
// not "heterogeneous"). `also` is a second stem the meaning must hold (the mass of "within a
// mass").
template <typename Term>
struct NamingWord {
  Term term;
  std::string_view stem;
  std::string_view also;
  std::string_view unless;
};

// CID 6010: the non-specific micro- and macrocalcifications are named only letter for letter
// (as a word they are the noun of most meanings: "fine pleomorphic microcalcifications").
constexpr std::array<NamingWord<Morphology>, 34> kMorphologyWords{{
    {Morphology::Skin, "skin", "", ""},
    {Morphology::Skin, "dermal", "", ""},
    {Morphology::Vascular, "vascular", "", ""},
    // Arterial calcification is the vascular kind (seed article, §CV); German Gefäßverkalkung,
    // vaskulär (folded: gefaess, vaskulaer; hostile review 37, H37-10/11).
    {Morphology::Vascular, "arteri", "", ""},
    {Morphology::Vascular, "gefaess", "", ""},
    {Morphology::Vascular, "vaskul", "", ""},
    // German for coarse popcorn-like: grobschollig.
    {Morphology::CoarsePopcorn, "grobschollig", "", ""},
    {Morphology::CoarsePopcorn, "popcorn", "", ""},
    {Morphology::CoarsePopcorn, "coarse", "", "heterogen"},
    {Morphology::LargeRodLike, "rod", "", ""},
    {Morphology::Round, "round", "", ""},
    {Morphology::Round, "rund", "", ""},
    {Morphology::Punctate, "punctat", "", ""},
    {Morphology::Rim, "rim", "", ""},
    {Morphology::Rim, "eggshell", "", ""},
    {Morphology::LucentCentred, "lucent", "", ""},
    {Morphology::Dystrophic, "dystroph", "", ""},
    {Morphology::MilkOfCalcium, "milk", "", ""},
    {Morphology::Suture, "sutur", "", ""},
    {Morphology::Amorphous, "amorph", "", ""},
    {Morphology::Amorphous, "indistinct", "", ""},
    {Morphology::CoarseHeterogeneous, "heterogen", "", ""},
    {Morphology::FinePleomorphic, "pleomorph", "", ""},
    {Morphology::FineLinear, "linear", "", "branch"},
    {Morphology::FineLinearBranching, "branch", "", ""},
    // Only the fine-linear terms' meanings have it (narrative.md §1: casting is branching).
    {Morphology::FineLinearBranching, "casting", "", "linear"},
    {Morphology::FineLinearBranching, "casts", "", "linear"},
    {Morphology::Amorphous, "granular", "", ""},
    // German (narrative.md §5): verzweigt, Gusskalk, polymorph, unscharf, feinlinear.
    {Morphology::FineLinearBranching, "verzweigt", "", ""},
    {Morphology::FineLinearBranching, "gusskalk", "", ""},
    {Morphology::FinePleomorphic, "polymorph", "", ""},
    {Morphology::Amorphous, "unscharf", "", ""},
    {Morphology::FineLinear, "feinlinear", "", "verzweigt"},
    {Morphology::CoarseHeterogeneous, "grobheterogen", "", ""},
}};
static_assert(none_empty(kMorphologyWords, [](const auto& word) { return word.stem; }));

// CID 6012.
constexpr std::array<NamingWord<Distribution>, 18> kDistributionWords{{
    {Distribution::Diffuse, "diffus", "", ""},
    {Distribution::Diffuse, "scattered", "", ""},
    {Distribution::Diffuse, "verstreut", "", ""},
    {Distribution::Regional, "regional", "", ""},
    {Distribution::Grouped, "group", "", ""},
    {Distribution::Grouped, "cluster", "", ""},
    {Distribution::Linear, "linear", "", ""},
    {Distribution::Linear, "line", "", ""},  // "in a line" (narrative.md §2)
    {Distribution::Segmental, "segment", "", ""},
    {Distribution::WithinMass, "within", "mass", ""},
    {Distribution::OutsideMass, "outside", "mass", ""},
    // narrative.md §1 and §5 (German): ductal, intraductal, gruppiert, Gruppe, Milchgang.
    {Distribution::Linear, "ductal", "", ""},
    {Distribution::Linear, "intraductal", "", ""},
    {Distribution::Linear, "duktal", "", ""},
    {Distribution::Linear, "intraduktal", "", ""},
    {Distribution::Linear, "milchgang", "", ""},
    {Distribution::Grouped, "gruppe", "", ""},
    {Distribution::Grouped, "gruppiert", "", ""},
}};
static_assert(none_empty(kDistributionWords, [](const auto& word) { return word.stem; }));

bool has_stem(const std::vector<std::string>& words, std::string_view stem) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& word) { return word.rfind(stem, 0) == 0; });
}

// Every term a meaning names, the suspicious ones first (`suspicious`): its canonical meaning or
// BI-RADS word letter for letter, else the words only that term has.
template <typename Term, std::size_t N, std::size_t M, typename Suspicious>
std::vector<Term> terms_meant(const std::array<Entry<Term>, N>& table,
                              const std::array<NamingWord<Term>, M>& naming,
                              std::string_view meaning, Suspicious suspicious) {
  if (const auto exact = meant(table, meaning)) return {*exact};
  // The words of clauses that deny their terms name nothing ("Round (not pleomorphic)"; hostile
  // review 34, H34-7); an uncertain clause counts.
  std::string affirmed;
  for (const MeaningClause& clause : meaning_clauses(meaning)) affirmed += clause.affirmed;
  const std::vector<std::string> words = meaning_words(affirmed);
  std::vector<Term> terms;
  for (const auto& word : naming) {
    const bool names = has_stem(words, word.stem) &&
                       (word.also.empty() || has_stem(words, word.also)) &&
                       (word.unless.empty() || !has_stem(words, word.unless));
    if (names && std::find(terms.begin(), terms.end(), word.term) == terms.end()) {
      terms.push_back(word.term);
    }
  }
  std::stable_partition(terms.begin(), terms.end(), suspicious);
  return terms;
}

}  // namespace

std::string meaning_key(std::string_view text) {
  std::string key;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) key += static_cast<char>(std::tolower(byte));
  }
  return key;
}

std::vector<Morphology> morphologies_meant(std::string_view meaning) {
  return terms_meant(kMorphology, kMorphologyWords, meaning,
                     [](Morphology term) { return is_suspicious(term); });
}
std::vector<Distribution> distributions_meant(std::string_view meaning) {
  return terms_meant(kDistribution, kDistributionWords, meaning,
                     [](Distribution term) { return follows_a_duct(term); });
}

namespace {

// The words of a BI-RADS assessment (its name in CID 6027 and the Atlas), as a clause of a code
// meaning may give them, the longer first: "probably benign" is 3, not 2 as well.
struct CategoryWords {
  std::string_view words;
  Category category;
};
constexpr CategoryWords kCategoryWords[] = {
    {" known biopsy proven malignan", Category::KnownMalignancy6},
    {" biopsy proven malignan", Category::KnownMalignancy6},
    {" known malignan", Category::KnownMalignancy6},
    {" highly suggestive", Category::HighlySuggestive5},
    {" suggestive of malignan", Category::HighlySuggestive5},
    {" hochgradig", Category::HighlySuggestive5},
    // BI-RADS 5th edition: 4B is moderate, 4C high suspicion (DICOM's 4C meaning says
    // "Moderate", the 4th edition's word, and its token 4C decides there).
    {" high suspicion", Category::HighSuspicion4C},
    {" moderate suspicion", Category::ModerateSuspicion4B},
    {" intermediate suspicion", Category::ModerateSuspicion4B},
    {" low suspicion", Category::LowSuspicion4A},
    {" suspicious", Category::Suspicious4},
    {" suspicion", Category::Suspicious4},
    {" suspekt", Category::Suspicious4},
    {" verdaechtig", Category::Suspicious4},
    // "Possibly malignant", "Benign; cancer": suspicious at the least.
    {" malignan", Category::Suspicious4},
    {" malignit", Category::Suspicious4},
    {" cancer", Category::Suspicious4},
    {" carcinoma", Category::Suspicious4},
    {" karzinom", Category::Suspicious4},
    {" boesartig", Category::Suspicious4},
    // A biopsy asked for, not one that was done ("post-biopsy change").
    {" biopsy recommend", Category::Suspicious4},
    {" biopsy is recommend", Category::Suspicious4},
    {" recommend biopsy", Category::Suspicious4},
    {" biopsy advised", Category::Suspicious4},
    {" biopsy indicated", Category::Suspicious4},
    {" biopsie empfohlen", Category::Suspicious4},
    // Requests in other words (review 40, R40-8: an annotation comment asking for tissue).
    {" biopsy should", Category::Suspicious4},
    {" should be biopsied", Category::Suspicious4},
    {" recommend stereo", Category::Suspicious4},
    {" recommend core", Category::Suspicious4},
    {" recommend vacuum", Category::Suspicious4},
    {" recommend excision", Category::Suspicious4},
    {" excision recommend", Category::Suspicious4},
    {" biopsie sollte", Category::Suspicious4},
    {" biopsie indiziert", Category::Suspicious4},
    // BI-RADS in Roman numerals (narrative.md §2), after "BI-RADS" or "category".
    {" rads vi ", Category::KnownMalignancy6},
    {" rads v ", Category::HighlySuggestive5},
    {" rads iv ", Category::Suspicious4},
    {" category vi ", Category::KnownMalignancy6},
    {" category v ", Category::HighlySuggestive5},
    {" category iv ", Category::Suspicious4},
    {" kategorie iv ", Category::Suspicious4},
    {" kategorie v ", Category::HighlySuggestive5},
    {" probably benign", Category::ProbablyBenign3},
    {" wahrscheinlich gutartig", Category::ProbablyBenign3},
    {" short interval", Category::ProbablyBenign3},
    {" benign", Category::Benign2},
    {" negativ", Category::Negative1},
    {" gutartig", Category::Benign2},
    {" incomplete", Category::Incomplete0},
    {" additional imaging", Category::Incomplete0},
    {" prior images", Category::Incomplete0},
    {" comparison", Category::Incomplete0},
    {" recall", Category::Incomplete0},
    {" unklar", Category::Incomplete0},
    {" unvollst", Category::Incomplete0},
    {" abkl", Category::Incomplete0},  // Abklärung (erforderlich)
};

// The categories a clause's words name, each once.
std::vector<Category> categories_in(std::string words) {
  std::vector<Category> named;
  for (const CategoryWords& each : kCategoryWords) {
    for (std::size_t at = words.find(each.words); at != std::string::npos;
         at = words.find(each.words)) {
      named.push_back(each.category);
      // Its words are taken: the shorter ones they hold name nothing more.
      words.replace(at, each.words.size(), std::string(each.words.size(), ' '));
    }
  }
  return named;
}

}  // namespace

namespace {

// What a category meaning says in numbers that name no category: time intervals ("6-month",
// "6 months", "six-month follow-up") and likelihoods of malignancy ("<=2% likelihood of
// malignancy", BI-RADS' own wording of its categories). Read as a category token, the 6 of
// "6-month" said BI-RADS 6 and the 2 of "2%" a 2 (hostile review 37, R40-17). A number after a
// category's name ("BI-RADS 4 months") is the category all the same (hostile review 39, H39-2).
struct MeaningQuantities {
  std::string rest;  // the meaning with them blanked, byte positions kept
  // The highest likelihood of malignancy given, in percent; a bound a hair past its number:
  // below it for "<2%", "less than 2%", above it for ">2%", "at least 2%", "2%+" (H39-1).
  std::optional<double> likelihood;
  // The shortest time interval given, in months.
  std::optional<double> interval_months;
  // The sizes and positions given ("6 mm", "10 o'clock"), as written.
  std::vector<std::string> measurements;
};

// ≤ and ≥ in UTF-8: three bytes each.
// Units of length, longest first (a size names no category and says nothing beyond a type:
// meaning_quantities and without_sizes read them alike).
constexpr std::string_view kLengthUnits[] = {
    "millimeters", "millimetres", "millimeter", "millimetre", "centimeters", "centimetres",
    "centimeter",  "centimetre",  "zentimeter", "mm",         "cm"};

constexpr std::string_view kAtMost = "\u2264";
constexpr std::string_view kAtLeast = "\u2265";
constexpr std::size_t kBoundSignBytes = 3;

// The two letters that spell the German letter whose UTF-8 is 0xC3 then `second` (ä: "ae",
// ß: "ss"), or none.
const char* german_letter_spelled(unsigned char second) {
  return second == 0xA4 || second == 0x84   ? "ae"
         : second == 0xB6 || second == 0x96 ? "oe"
         : second == 0xBC || second == 0x9C ? "ue"
         : second == 0x9F                   ? "ss"
                                            : nullptr;
}

// The meaning with each German letter spelled in two ASCII letters (ä: ae, ß: ss), byte
// positions kept ("Malignitätswahrscheinlichkeit", "Maßnahmen").
std::string german_spelled(std::string_view meaning) {
  std::string spelled(meaning);
  for (std::size_t at = 0; at + 1 < spelled.size(); ++at) {
    if (static_cast<unsigned char>(spelled[at]) != 0xC3) continue;
    const char* two = german_letter_spelled(static_cast<unsigned char>(spelled[at + 1]));
    if (two == nullptr) continue;
    spelled[at] = two[0];
    spelled[at + 1] = two[1];
    ++at;
  }
  return spelled;
}

MeaningQuantities meaning_quantities(std::string_view meaning_given) {
  const std::string spelled = german_spelled(meaning_given);
  const std::string_view meaning = spelled;
  struct Token {
    std::size_t begin;
    std::size_t end;
    std::string text;  // lower case; a number's digits; a sign as it is
    bool number;
  };
  std::vector<Token> tokens;
  for (std::size_t at = 0; at < meaning.size();) {
    const auto byte = static_cast<unsigned char>(meaning[at]);
    const std::size_t begin = at;
    if (std::isdigit(byte) != 0) {
      while (at < meaning.size() &&
             (std::isdigit(static_cast<unsigned char>(meaning[at])) != 0 ||
              ((meaning[at] == '.' || meaning[at] == ',') && at + 1 < meaning.size() &&
               std::isdigit(static_cast<unsigned char>(meaning[at + 1])) != 0))) {
        ++at;
      }
      std::string digits(meaning.substr(begin, at - begin));
      std::replace(digits.begin(), digits.end(), ',', '.');
      tokens.push_back({begin, at, digits, true});
    } else if (std::isalpha(byte) != 0) {
      while (at < meaning.size() && std::isalpha(static_cast<unsigned char>(meaning[at])) != 0) {
        ++at;
      }
      std::string word(meaning.substr(begin, at - begin));
      std::transform(word.begin(), word.end(), word.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      tokens.push_back({begin, at, word, false});
    } else if (const std::string_view sign = meaning.substr(at, kBoundSignBytes);
               sign == kAtMost || sign == kAtLeast) {
      at += kBoundSignBytes;
      tokens.push_back({begin, at, std::string(sign), false});
    } else {
      ++at;
      if (std::string_view("%<>=-+:").find(static_cast<char>(byte)) != std::string_view::npos) {
        tokens.push_back({begin, at, std::string(1, static_cast<char>(byte)), false});
      }
    }
  }
  MeaningQuantities read{std::string(meaning_given), std::nullopt, std::nullopt, {}};
  const auto blank = [&](const Token& token) {
    read.rest.replace(token.begin, token.end - token.begin, token.end - token.begin, ' ');
  };
  const auto is = [&](std::size_t k, std::initializer_list<std::string_view> words) {
    return k < tokens.size() &&
           std::find(words.begin(), words.end(), tokens[k].text) != words.end();
  };
  // Before token k, skipping a colon or dash ("BI-RADS: 4", "Category - 4"): a category's name.
  const auto after_category_name = [&](std::size_t k) {
    std::size_t before = k;
    while (before > 0 && is(before - 1, {":", "-"})) --before;
    return before > 0 && is(before - 1, {"rads", "birads", "category", "kategorie", "cat", "acr",
                                         "assessment", "einstufung"});
  };
  // Months in one unit of the time word at token k; none for no time word.
  const auto months_per = [&](std::size_t k) -> std::optional<double> {
    if (k >= tokens.size() || tokens[k].number) return std::nullopt;
    const std::string& word = tokens[k].text;
    const auto starts = [&word](std::string_view stem) { return word.rfind(stem, 0) == 0; };
    if (starts("month") || starts("monat") || is(k, {"mo", "mos", "mth", "mths"})) return 1.0;
    if (starts("week") || starts("woche") || is(k, {"wk", "wks"})) return 12.0 / 52.0;
    if (starts("year") || starts("jahr") || is(k, {"yr", "yrs"})) return 12.0;
    if (is(k, {"day", "days", "tag", "tage", "tagen"})) return 12.0 / 365.0;
    return std::nullopt;
  };
  const auto spelled_value = [&](std::size_t k) -> std::optional<double> {
    static constexpr std::pair<std::string_view, double> kSpelled[] = {
        {"one", 1},     {"two", 2},     {"three", 3},     {"four", 4},   {"five", 5},
        {"six", 6},     {"seven", 7},   {"eight", 8},     {"nine", 9},   {"ten", 10},
        {"eleven", 11}, {"twelve", 12}, {"eighteen", 18}, {"ein", 1},    {"zwei", 2},
        {"drei", 3},    {"vier", 4},    {"sechs", 6},     {"zwoelf", 12}};
    if (k >= tokens.size()) return std::nullopt;
    // strtod, not stod: a meaning of 400 digits is a large number, not an exception.
    if (tokens[k].number) return std::strtod(tokens[k].text.c_str(), nullptr);
    for (const auto& [word, value] : kSpelled) {
      if (tokens[k].text == word) return value;
    }
    return std::nullopt;
  };
  const auto percent_at = [&](std::size_t k) { return is(k, {"%", "percent", "prozent"}); };
  // How many tokens from k spell a unit of length or a clock position; 0 for none.
  const auto measurement_unit_at = [&](std::size_t k) -> std::size_t {
    const bool length =
        k < tokens.size() && std::find(std::begin(kLengthUnits), std::end(kLengthUnits),
                                       tokens[k].text) != std::end(kLengthUnits);
    if (length || is(k, {"uhr", "oclock"})) return 1;
    return is(k, {"o"}) && is(k + 1, {"clock"}) ? 2 : 0;
  };
  std::vector<std::size_t> percent_tokens;  // where each likelihood's number stands
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::optional<double> value = spelled_value(i);
    if (!value) continue;
    // A size or a position ("6 mm", "4cm", "4-mm", "4 o'clock", "4 Uhr") names no category
    // (hostile review 39, H39-11): blanked with its unit.
    const std::size_t dash = is(i + 1, {"-"}) ? 1 : 0;
    if (const std::size_t unit_tokens =
            measurement_unit_at(i + 1 + dash) == 0 ? 0 : dash + measurement_unit_at(i + 1 + dash);
        unit_tokens > 0 && !after_category_name(i)) {
      read.measurements.emplace_back(
          meaning_given.substr(tokens[i].begin, tokens[i + unit_tokens].end - tokens[i].begin));
      for (std::size_t k = i; k <= i + unit_tokens; ++k) blank(tokens[k]);
      i += unit_tokens;
      continue;
    }
    std::size_t next = i + 1;
    if (is(next, {"-"})) ++next;
    // "6-12 months", "4 - 6 months", "6 to 12 months": the first number of a range of time.
    std::size_t unit_at = next;
    if (tokens[i].number && (is(i + 1, {"-", "to", "bis"})) && spelled_value(i + 2) &&
        months_per(i + 3)) {
      unit_at = i + 3;
    }
    if (const auto months = months_per(unit_at); months && !after_category_name(i)) {
      const double interval = *value * *months;
      read.interval_months =
          read.interval_months ? std::min(*read.interval_months, interval) : interval;
      for (std::size_t k = i; k <= unit_at; ++k) blank(tokens[k]);
      i = unit_at;
      continue;
    }
    if (!tokens[i].number || after_category_name(i)) continue;
    // "2-10%", "2 to 10%": the first bound of a range is a likelihood too.
    std::size_t unit = next;
    const bool range_start = !percent_at(unit) && is(i + 1, {"-", "to", "bis"}) &&
                             i + 2 < tokens.size() && tokens[i + 2].number && percent_at(i + 3);
    if (range_start) unit = i + 1;
    if (!percent_at(unit) && !range_start) continue;
    double percent = *value;
    // Signs and words of a bound before it.
    std::size_t first = i;
    while (first > 0 && is(first - 1, {"<",          ">",           "=",
                                       "+",          "\u2264",      "\u2265",
                                       "less",       "more",        "greater",
                                       "than",       "under",       "over",
                                       "below",      "above",       "up",
                                       "to",         "at",          "most",
                                       "least",      "essentially", "approximately",
                                       "about",      "but",         "and",
                                       "bis",        "unter",       "ueber",
                                       "als",        "weniger",     "mehr",
                                       "mindestens", "hoechstens",  "exceeding"})) {
      --first;
    }
    const auto before = [&](std::size_t back, std::initializer_list<std::string_view> words) {
      return i >= back && is(i - back, words);
    };
    const bool strictly_below = before(1, {"<", "under", "below", "unter"}) ||
                                (before(1, {"than", "als"}) && before(2, {"less", "weniger"}));
    const bool above = before(1, {">", "\u2265", "over", "above", "ueber", "exceeding"}) ||
                       (before(1, {"="}) && before(2, {">"})) ||
                       (before(1, {"than", "als"}) && before(2, {"more", "greater", "mehr"})) ||
                       (before(1, {"least"}) && before(2, {"at"})) || before(1, {"mindestens"}) ||
                       is(i + 1, {"+"}) || is(unit + 1, {"+"});
    if (strictly_below) percent -= 0.001;
    if (above) percent += 0.001;
    read.likelihood = read.likelihood ? std::max(*read.likelihood, percent) : percent;
    percent_tokens.push_back(i);
    std::size_t last = unit;
    if (is(last + 1, {"+"})) ++last;
    for (std::size_t k = first; k <= last; ++k) blank(tokens[k]);
    i = last;
  }
  if (read.likelihood) {
    // The words of the likelihood itself ("likelihood of malignancy") beside its number: a
    // "chance of cancer" elsewhere in the meaning says more (review 41).
    const auto near_a_likelihood = [&](std::size_t k) {
      return std::any_of(percent_tokens.begin(), percent_tokens.end(), [k](std::size_t at) {
        return (at <= k && k - at <= 6) || (k < at && at - k <= 6);
      });
    };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (!near_a_likelihood(k)) continue;
      if (is(k, {"malignitaetswahrscheinlichkeit", "wahrscheinlichkeit", "malignitaetsrisiko"})) {
        blank(tokens[k]);
      }
      if (!is(k, {"likelihood", "probability", "chance", "risk"})) continue;
      blank(tokens[k]);
      if (is(k + 1, {"of", "for"})) {
        blank(tokens[k + 1]);
        if (is(k + 2, {"malignancy", "malignant", "cancer"})) blank(tokens[k + 2]);
      }
    }
  }
  return read;
}

// Whether a time interval (months) fits a category: 1 and 2 are routine screening (a year or
// more), 3 a short interval (up to two years of follow-up); 0 and 4 to 6 call for imaging or
// tissue now, so an interval says more (hostile review 39, H39-3, H39-7).
bool interval_agrees(Category category, double months) {
  switch (category) {
    case Category::Negative1:
    case Category::Benign2:
      return months >= 12.0;
    case Category::ProbablyBenign3:
      return months <= 24.0;
    default:
      return false;
  }
}

// A category meaning that says no action is needed ("Benign - no further action", "Benign,
// tissue diagnosis not needed", "keine weiteren Maßnahmen") says what categories 1 to 3 mean:
// the phrase blanked (byte positions kept). Read as a denial of something unknown it asked for
// review (hostile review 37, R40-17).
std::string without_no_action(const std::string& meaning) {
  const std::string spaced = spaced_words(meaning);  // one leading space, then byte for byte
  struct Word {
    std::size_t begin;  // in `meaning`
    std::size_t end;
    std::string text;
  };
  std::vector<Word> words;
  for (std::size_t at = 1; at < spaced.size();) {
    if (spaced[at] == ' ') {
      ++at;
      continue;
    }
    const std::size_t end = std::min(spaced.find(' ', at), spaced.size());
    words.push_back({at - 1, end - 1, spaced.substr(at, end - at)});
    at = end;
  }
  const auto in = [&](std::size_t k, std::initializer_list<std::string_view> options) {
    return k < words.size() &&
           std::find(options.begin(), options.end(), words[k].text) != options.end();
  };
  std::string rest = meaning;
  for (std::size_t start = 0; start < words.size(); ++start) {
    std::size_t k = start;
    const bool denied_first = in(k, {"no", "keine", "kein", "keiner"});
    if (denied_first) ++k;
    if (in(k, {"further", "weitere", "weiteren", "weiterer"})) ++k;
    if (in(k, {"tissue"})) ++k;
    if (!in(k, {"action", "actions", "massnahme", "massnahmen", "biopsy", "biopsie", "intervention",
                "workup", "work", "evaluation", "abklaerung", "diagnosis", "treatment", "therapy",
                "therapie", "gewebediagnose", "gewebediagnostik"})) {
      continue;
    }
    if (in(k, {"work"}) && in(k + 1, {"up"})) ++k;
    ++k;
    if (in(k, {"is", "ist"})) ++k;
    const bool denied_after = in(k, {"not", "nicht"});
    if (denied_after) ++k;
    const bool needed = in(k, {"required", "needed", "necessary", "indicated", "erforderlich",
                               "notwendig", "noetig", "indiziert"});
    if (needed) ++k;
    if (!(denied_first || (denied_after && needed))) continue;
    const std::size_t begin = words[start].begin;
    const std::size_t end = words[k - 1].end;
    rest.replace(begin, end - begin, end - begin, ' ');
    start = k - 1;
  }
  return rest;
}

// Whether a likelihood of malignancy (percent) is the one BI-RADS gives `category` (5th
// edition: 1 and 2 essentially 0%, 3 at most 2%, 4A over 2 to 10%, 4B over 10 to 50%, 4C over
// 50 to below 95%, 5 95% or more).
bool likelihood_agrees(Category category, double percent) {
  switch (category) {
    case Category::Negative1:
    case Category::Benign2:
      return percent <= 0.0;
    case Category::ProbablyBenign3:
      return percent > 0.0 && percent <= 2.0;
    case Category::Suspicious4:
      return percent > 2.0 && percent < 95.0;
    case Category::LowSuspicion4A:
      return percent > 2.0 && percent <= 10.0;
    case Category::ModerateSuspicion4B:
      return percent > 10.0 && percent <= 50.0;
    case Category::HighSuspicion4C:
      return percent > 50.0 && percent < 95.0;
    case Category::HighlySuggestive5:
    case Category::KnownMalignancy6:
      return percent >= 95.0;
    case Category::Incomplete0:
      break;
  }
  return false;
}

// The category whose likelihood of malignancy `percent` is, above 0 (0% names none: 1 or 2).
std::optional<Category> category_of_likelihood(double percent) {
  if (percent <= 0.0) return std::nullopt;
  if (percent <= 2.0) return Category::ProbablyBenign3;
  if (percent <= 10.0) return Category::LowSuspicion4A;
  if (percent <= 50.0) return Category::ModerateSuspicion4B;
  if (percent < 95.0) return Category::HighSuspicion4C;
  return Category::HighlySuggestive5;
}

}  // namespace

std::optional<Category> category_meant(std::string_view meaning_given) {
  // A category token of its own: "5 - Highly suggestive …", "BI-RADS 4B", never "4.0" (a
  // Coding Scheme Version put in the meaning): the words category_named reads ("4A"). And the
  // words of a category in a clause that does not deny it ("Benign; highly suggestive of
  // malignancy", "Suspicious of malignancy", "Possibly malignant"). Of several, the most
  // suspicious: any suspicious feature wins (hostile reviews 32 and 33, H32-2, H33-2). A
  // likelihood of malignancy names its category; a time interval none.
  const MeaningQuantities quantities = meaning_quantities(meaning_given);
  const std::string_view meaning = quantities.rest;
  std::string token;
  std::optional<Category> highest;
  const auto raise = [&highest](Category category) {
    highest = highest ? more_suspicious(*highest, category) : category;
  };
  if (quantities.likelihood) {
    if (const auto named = category_of_likelihood(*quantities.likelihood)) raise(*named);
  }
  for (const char c : std::string(meaning) + " ") {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '.') {
      token += static_cast<char>(std::toupper(byte));
      continue;
    }
    if (const auto category = category_named(token)) raise(*category);
    token.clear();
  }
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    for (const Category category : categories_in(clause.affirmed)) raise(category);
  }
  if (highest) return highest;
  // No number and no words of the table: a category's canonical words, letter for letter
  // ("Negative").
  const std::string key = meaning_key(meaning);
  if (key.empty()) return std::nullopt;
  for (const auto& entry : kCategory) {
    const std::string_view canonical = entry.code.meaning;
    const std::size_t dash = canonical.find("- ");
    if (dash != std::string_view::npos && meaning_key(canonical.substr(dash + 2)) == key) {
      return entry.term;
    }
  }
  return std::nullopt;
}

std::optional<Category> category_in_words(std::string_view meaning) {
  std::vector<Category> named;
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    const std::vector<Category> in_clause = categories_in(clause.affirmed);
    named.insert(named.end(), in_clause.begin(), in_clause.end());
  }
  if (named.empty()) return std::nullopt;
  return *std::max_element(named.begin(), named.end(), [](Category a, Category b) {
    return a != b && more_suspicious(a, b) == b;
  });
}

std::optional<Category> suspicion_in_words(std::string_view meaning) {
  const std::optional<Category> said = category_in_words(meaning);
  if (!said || more_suspicious(*said, Category::ProbablyBenign3) == Category::ProbablyBenign3) {
    return std::nullopt;
  }
  return said;
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

namespace {

// The category a spaced word names as a token ("2", "4a"), as category_named reads it.
std::optional<Category> category_of_token(std::string_view word) {
  std::string token(word);
  std::transform(token.begin(), token.end(), token.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return category_named(token);
}

}  // namespace

namespace {

// The meaning of a category code with the negative code's own name blanked where it opens the
// meaning ("Negative, routine screening"): read as a negation it denied what followed it, the
// category's own words (hostile review 39, H39-9), and hid a denial after it ("Negative, not
// routine"). Byte positions kept; other categories' meanings as they are.
std::string without_own_negative(std::string_view meaning, Category category) {
  std::string text(meaning);
  // A questioned one ("Negative?") denies its own name all the same (review 43, R43-14).
  if (category != Category::Negative1 || text.find('?') != std::string::npos) return text;
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return text;
  std::size_t end = begin;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) != 0) ++end;
  std::string word = text.substr(begin, end - begin);
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (word == "negative" || word == "negativ") text.replace(begin, end - begin, end - begin, ' ');
  return text;
}

}  // namespace

bool category_denied(std::string_view meaning_given, Category category) {
  const std::string meaning = without_own_negative(meaning_given, category);
  const std::vector<MeaningClause> clauses = meaning_clauses(meaning);
  return std::any_of(clauses.begin(), clauses.end(), [&](const MeaningClause& clause) {
    // An uncertain or questioned one denies nothing but asks all the same ("Benign?",
    // "Possibly benign", "2?" on the benign code).
    const std::string& words = clause.uncertain ? clause.words : clause.denied;
    const std::vector<Category> named = categories_in(words);
    // On the codes of 1 and 3, "not benign" says more than the code: what is not benign may be
    // suspicious ("Probably benign, not benign"). "Benign, not negative" only tells 2 from 1.
    const bool near_benign_code =
        category == Category::Negative1 || category == Category::ProbablyBenign3;
    if (std::any_of(named.begin(), named.end(), [&](Category denied) {
          return denied == category || (near_benign_code && denied == Category::Benign2);
        })) {
      return true;
    }
    std::istringstream tokens(words);
    return std::any_of(
        std::istream_iterator<std::string>(tokens), std::istream_iterator<std::string>(),
        [&](const std::string& token) { return category_of_token(token) == category; });
  });
}

bool growth_named(std::string_view words) {
  // Word starts, spaced as spaced_words gives them (German letters spelled out).
  static constexpr std::array<std::string_view, 20> kGrowth{
      {" new ",       " newly ",   " increas",       " more numerous", " more calcifications",
       " grown",      " growing",  " enlarg",        " progressi",     " interval appearance",
       " worsen",     " neu ",     " neue",          " zunehm",        " zunahme",
       " zugenommen", " mehr als", " mehr geworden", " vermehr",       " progredien"}};
  static constexpr std::array<std::string_view, 9> kBeforeGrowth{
      {" no", " not", " without", " kein", " keine", " nicht", " ohne", " never", " nie"}};
  const std::string spaced = spaced_words(words) + " ";
  for (const std::string_view growth : kGrowth) {
    for (std::size_t at = spaced.find(growth); at != std::string::npos;
         at = spaced.find(growth, at + 1)) {
      // The word before it.
      const std::size_t end = spaced.find_last_not_of(' ', at);
      const std::size_t begin = end == std::string::npos ? 0 : spaced.rfind(' ', end);
      const std::string before =
          end == std::string::npos ? std::string() : spaced.substr(begin, end - begin + 1);
      const bool negated =
          std::find(kBeforeGrowth.begin(), kBeforeGrowth.end(), before) != kBeforeGrowth.end();
      if (!negated) return true;
    }
  }
  return false;
}

std::optional<int> clock_hour_meant(std::string_view meaning) {
  const std::string spaced = spaced_words(meaning) + " ";
  for (const std::string_view unit : {" o clock ", " oclock ", " uhr "}) {
    const std::size_t at = spaced.find(unit);
    if (at == std::string::npos || at == 0) continue;
    const std::size_t begin = spaced.rfind(' ', at - 1);
    const std::string number = spaced.substr(begin + 1, at - begin - 1);
    if (number.empty() || number.size() > 2 ||
        number.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    const int hour = std::stoi(number);
    if (hour >= 1 && hour <= 12) return hour;
  }
  return std::nullopt;
}

std::string spaced_words(std::string_view meaning) {
  // Each German letter of two UTF-8 bytes becomes its two-letter spelling (ä: ae, ß: ss), so that
  // a word list spells it once ("boesartig") and positions stay those of the meaning's bytes.
  std::string words = " ";
  for (std::size_t at = 0; at < meaning.size(); ++at) {
    const auto byte = static_cast<unsigned char>(meaning[at]);
    if (byte == 0xC3 && at + 1 < meaning.size()) {
      const char* spelled = german_letter_spelled(static_cast<unsigned char>(meaning[at + 1]));
      if (spelled != nullptr) {
        words += spelled;
        ++at;
        continue;
      }
    }
    words += std::isalnum(byte) != 0 ? static_cast<char>(std::tolower(byte)) : ' ';
  }
  return words + ' ';
}

// Words that start another statement in a meaning: a negation before them does not reach past
// them (narrative.md §3: the scope ends at but, however, although, except, apart from, which).
// The English wordings' terminators on either side are these (lexicon_test checks that they
// stay so), and "with", "plus" besides, which add what they name. Not "and" (nor a comma): a
// negation reaches every item of its list ("negative for atypia and malignancy", narrative.md
// §3).
constexpr std::string_view kClauseStarts[] = {
    " but ", " however ", " although ", " though ", " except ", " apart from ", " aside from ",
    " other than ", " which ", " yet ", " whereas ", " while ", " whilst ",
    " with the exception of ", " save for ", " albeit ", " rather ", " in addition to ", " with ",
    " plus ", " besides ", " as well as ", " also ", " nevertheless ", " nonetheless ", " instead ",
    " excepting ", " despite ", " in spite of ", " with exception of ", " excluding ",
    " outside of ", " barring ", " only a ", " only one ", " only some ", " beyond a ",
    " beyond one ", " beyond some ", " save the ", " save a ", " save at ", " save in ",
    " only at ", " only in ", " just at ", " exclusively at ",
    // German, the other language mammocalc ships a lexicon for (its wordings' terminators).
    " aber ", " jedoch ", " allerdings ", " hingegen ", " dagegen ", " wohingegen ", " sondern ",
    " ausser ", " sonst ", " ansonsten ", " mit ", " sowie ", " obwohl ", " wobei ", " dafuer ",
    " waehrend ", " nur eine ", " nur einige ", " nur ein ", " nur bei ", " nur im ", " nur in ",
    " nur an "};

// The words that negate a meaning's clause.
// German: kein/keine/keinen, ohne, nicht.
constexpr std::string_view kNegations[] = {
    " no ",    " not ",     " non ",      " without ", " negative ", " free of ",
    " absen",  " excluded", " ruled out", " neither ", " nor ",      " none ",
    " never ", " kein",     " ohne ",     " nicht ",   " weder ",    " ausgeschlossen"};

// Negations that follow the concept they deny (narrative.md §3: "… are not seen", "… not
// identified", "… absent").
constexpr std::string_view kNegationsAfter[] = {
    " not seen",         " not identified", " not present",       " not visible",
    " not demonstrated", " absen",          " not found",         " excluded",
    " ruled out",        " none ",          " nicht nachweisbar", " ausgeschlossen"};

// Words that hold a negation's word but deny nothing (narrative.md §3 pseudo-triggers: "no change
// in", "not only"), and a denied disappearance ("has not resolved"): blanked before the
// negation is looked for (hostile review 34, H34-4).
constexpr std::string_view kPseudoNegations[] = {
    " no change",     " no significant change", " no increase", " not only ",
    " no longer ",    " not resolved ",         " no doubt ",   " nicht nur ",
    " without doubt "};

// The words that join the last item of a denied list ("no atypia, hyperplasia or carcinoma").
constexpr std::string_view kListEnds[] = {" or ", " nor ", " oder ", " noch "};

// Words that say what comes before them is there: after a comma, they end a negation's scope.
constexpr std::string_view kPresence[] = {
    " present",  " seen",         " identified", " noted",       " found",
    " positive", " demonstrated", " confirmed",  " nachweisbar", " vorhanden"};

// Words that make a clause uncertain or not final (narrative.md §3; hostile reviews 33 and 34).
// "Excluded" and "ruled out" alone deny (kNegations); not excluded, they leave it open.
constexpr std::string_view kUncertain[] = {
    " not excluded",   " be excluded",    " not exclude",   " cannot exclude",
    " to exclude ",    " rule out ",      " not ruled out", " be ruled out",
    " possible ",      " possibly ",      " query ",        " presumed ",
    " presumably ",    " questionable ",  " equivocal ",    " unconfirmed ",
    " not definitive", " not conclusive", " unverified ",   " not final ",
    " draft ",         " likely ",        " auszuschlie",   " nicht ausgeschlossen",
    " fraglich ",      " doubt",          " unsure ",       " unclear ",
    " maybe ",         " worrisome ",     " concerning ",   " vorlaeufig ",
    " ausstehend ",    " unklar "};

std::vector<MeaningClause> meaning_clauses(std::string_view meaning) {
  // Clause ends: punctuation, a dash between spaces ("Not a mass - focal asymmetry"), and the
  // words that start another statement (kClauseStarts). A question mark makes its clause
  // uncertain ("Benign?").
  struct Part {
    std::string text;
    bool questioned = false;
    bool after_colon = false;
  };
  // A comma does not end a negation's scope (narrative.md §3: "no hyperplasia, atypia, or
  // carcinoma" denies all three; hostile review 34, H34-8). A question mark questions the words
  // before it and, leading them ("?Benign"), those after; a full-width one too.
  std::vector<Part> parts(1);
  bool question_leads = false;
  for (std::size_t at = 0; at < meaning.size(); ++at) {
    const char c = meaning[at];
    const bool spaced_dash = c == '-' && at > 0 && meaning[at - 1] == ' ' &&
                             at + 1 < meaning.size() && meaning[at + 1] == ' ';
    // An en or em dash ends a clause as a spaced hyphen does (review 40, R40-5).
    const bool long_dash =
        meaning.compare(at, 3, "\u2013") == 0 || meaning.compare(at, 3, "\u2014") == 0;
    const bool full_width_question = meaning.compare(at, 3, "\xEF\xBC\x9F") == 0;
    if (c == '?' || full_width_question) {
      parts.back().questioned = true;
      // A question mark alone in its part ("Benign (?)", "?Benign") questions the words before
      // it and those after.
      const bool alone = parts.back().text.find_first_not_of(' ') == std::string::npos;
      if (alone && parts.size() > 1) parts[parts.size() - 2].questioned = true;
      parts.emplace_back();
      question_leads = alone;
      if (full_width_question) at += 2;
      continue;
    }
    if (c == ';' || c == '.' || c == '/' || c == ':' || c == '(' || c == ')' || c == '!' ||
        spaced_dash || long_dash) {
      if (long_dash) at += 2;
      parts.emplace_back();
      parts.back().after_colon = c == ':';
      question_leads = false;
    } else {
      if (question_leads) parts.back().questioned = true;
      parts.back().text += c;
    }
  }
  // A negation alone after a colon denies what the colon follows ("Carcinoma: absent",
  // "Calcifications: none"; hostile review 35, H35-8): the two are one clause.
  for (std::size_t index = parts.size(); index-- > 1;) {
    const std::string words = spaced_words(parts[index].text);
    const std::size_t first = words.find_first_not_of(' ');
    const bool negation_only =
        first != std::string::npos &&
        std::any_of(std::begin(kNegationsAfter), std::end(kNegationsAfter),
                    [&](std::string_view after) {
                      return words.compare(first - 1, after.size(), after) == 0;
                    });
    if (!parts[index].after_colon || !negation_only) continue;
    parts[index - 1].text += " " + parts[index].text;
    parts[index - 1].questioned = parts[index - 1].questioned || parts[index].questioned;
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(index));
  }
  std::vector<MeaningClause> clauses;
  // Where each clause had a comma (its words turn it into a blank): a negation that follows
  // its concept reaches back to the last one only ("Ductal carcinoma in situ, invasion not
  // identified" denies the invasion, not the carcinoma).
  std::vector<std::vector<std::size_t>> commas;
  const auto add_commas = [&](const std::string& text, std::size_t offset) {
    std::vector<std::size_t> at;
    for (std::size_t k = text.find(','); k != std::string::npos; k = text.find(',', k + 1)) {
      // k + 1 in the part's words, which start with a blank; the clause starts at `offset`.
      if (k + 1 >= offset) at.push_back(k + 1 - offset);
    }
    commas.push_back(std::move(at));
  };
  for (const Part& part : parts) {
    std::string words = spaced_words(part.text);
    std::size_t offset = 0;  // of `words` in the part's words
    // Split at the earliest clause start each time, so that the order of kClauseStarts does
    // not matter ("No mass which is within an asymmetry").
    for (;;) {
      std::size_t earliest = std::string::npos;
      for (const std::string_view start : kClauseStarts) {
        earliest = std::min(earliest, words.find(start, 1));
      }
      if (earliest == std::string::npos) break;
      clauses.push_back({words.substr(0, earliest + 1), false, part.questioned, {}, {}, {}});
      add_commas(part.text, offset);
      words = words.substr(earliest);
      offset += earliest;
    }
    clauses.push_back({words, false, part.questioned, {}, {}, {}});
    add_commas(part.text, offset);
  }
  for (std::size_t index = 0; index < clauses.size(); ++index) {
    MeaningClause& clause = clauses[index];
    std::string words = clause.words;
    for (const std::string_view pseudo : kPseudoNegations) {
      for (std::size_t at = words.find(pseudo); at != std::string::npos; at = words.find(pseudo)) {
        words.replace(at, pseudo.size(), std::string(pseudo.size(), ' '));
      }
    }
    const auto has = [&](std::string_view part) { return words.find(part) != std::string::npos; };
    // "Mass not excluded", "cannot be ruled out", "Benign?": uncertain, which counts
    // (narrative.md §3).
    const bool uncertain =
        clause.uncertain || std::any_of(std::begin(kUncertain), std::end(kUncertain), has);
    clause.uncertain = uncertain;
    std::size_t trigger = std::string::npos;
    for (const std::string_view negation : kNegations) {
      trigger = std::min(trigger, words.find(negation));
    }
    clause.negated = !uncertain && trigger != std::string::npos;
    if (!clause.negated) {
      clause.affirmed = clause.words;
      continue;
    }
    // A negation before what it denies reaches forward to the clause's end (NegEx), and denies
    // what follows its own first word ("Negative" names category 1, "Not negative" denies it);
    // one after what it denies ("Mass not seen", "calcifications absent") reaches back to the
    // clause's last comma before it, or its start.
    const bool after_its_concept = std::any_of(
        std::begin(kNegationsAfter), std::end(kNegationsAfter),
        [&](std::string_view after) { return words.compare(trigger, after.size(), after) == 0; });
    // The clause's commas (only those inside it: a part's later clauses have theirs).
    std::vector<std::size_t> at;
    std::copy_if(commas[index].begin(), commas[index].end(), std::back_inserter(at),
                 [&](std::size_t comma) { return comma < words.size(); });
    std::size_t affirmed_end = trigger;
    std::size_t denied_start = words.find(' ', trigger + 1);
    std::size_t denied_end = words.size();
    if (after_its_concept) {
      const auto after = std::lower_bound(at.begin(), at.end(), trigger);
      affirmed_end = after == at.begin() ? 0 : *(after - 1);
      denied_start = affirmed_end;
      // What follows its next comma is not what it denies ("atypia not seen, carcinoma
      // identified"; review 40, R40-2).
      if (after != at.end()) denied_end = *after;
    } else if (const std::size_t list_end =
                   std::accumulate(std::begin(kListEnds), std::end(kListEnds), std::string::npos,
                                   [&](std::size_t end, std::string_view word) {
                                     return std::min(end, words.find(word, trigger));
                                   });
               list_end != std::string::npos) {
      // A denied list ends with its "or"/"nor" item: what follows its next comma is not denied
      // ("Benign, no mass or asymmetry, suspicious"; hostile review 37, H37-1).
      const auto comma = std::upper_bound(at.begin(), at.end(), list_end);
      if (comma != at.end()) denied_end = *comma;
    } else {
      // A comma list after a forward negation, without "or" or "nor" after it (which make it a
      // denied list: "no atypia, hyperplasia or carcinoma identified"), may deny one item or
      // all ("no atypia, DCIS"): uncertain; a word of presence after a comma ends the negation
      // there ("Benign, no atypia, carcinoma present": what follows is affirmed; hostile
      // review 36, H36-4; review 40, R40-4, R40-9).
      for (auto comma = std::upper_bound(at.begin(), at.end(), trigger); comma != at.end();
           ++comma) {
        const std::size_t next = comma + 1 == at.end() ? words.size() : *(comma + 1);
        const std::string segment = words.substr(*comma, next - *comma);
        const auto in_segment = [&](std::string_view part) {
          return segment.find(part) != std::string::npos;
        };
        if (segment.find_first_not_of(' ') == std::string::npos ||
            std::any_of(std::begin(kNegations), std::end(kNegations), in_segment)) {
          continue;
        }
        if (std::any_of(std::begin(kPresence), std::end(kPresence), in_segment)) {
          denied_end = *comma;
          break;
        }
        clause.uncertain = true;
      }
    }
    clause.negation = words.substr(trigger, words.find(' ', trigger + 1) - trigger);
    if (clause.uncertain) {
      clause.negated = false;
      clause.affirmed = clause.words;
      continue;
    }
    clause.affirmed = clause.words.substr(0, affirmed_end + 1) + clause.words.substr(denied_end);
    clause.denied = clause.words.substr(denied_start, denied_end - denied_start);
  }
  return clauses;
}

namespace {

// Words any meaning of a category or a result may hold besides its own.
constexpr std::string_view kNeutralWords[] = {
    "bi",      "rads",     "birads",   "category", "kategorie",   "assessment",   "beurteilung",
    "finding", "findings", "befund",   "befunde",  "mammography", "mammographie", "breast",
    "brust",   "mamma",    "of",       "the",      "for",         "and",          "or",
    "a",       "an",       "in",       "on",       "with",        "to",           "is",
    "are",     "der",      "die",      "das",      "und",         "oder",         "mit",
    "result",  "results",  "ergebnis", "tissue",   "gewebe",      "acr",          "s"};

// The words of each category's name, in BI-RADS (4th and 5th editions) and DICOM, English and
// German, and its Roman numeral (narrative.md §2): a category meaning made of them, its token and
// neutral words says its category only.
std::string_view category_name_words(Category category) {
  switch (category) {
    case Category::Incomplete0:
      return "incomplete need needs additional imaging evaluation prior priors mammograms "
             "mammogram comparison unvollstaendig";
    case Category::Negative1:
      return "i negative negativ unauffaellig normal nothing comment routine screening annual "
             "annually yearly jaehrlich follow up";
    case Category::Benign2:
      return "ii benign benigne gutartig gutartiger appearing routine screening annual annually "
             "yearly jaehrlich follow up";
    case Category::ProbablyBenign3:
      return "iii probably benign benigne wahrscheinlich gutartig short interval follow up "
             "suggested";
    case Category::Suspicious4:
      return "iv suspicious suspicion abnormality malignancy suspekt verdaechtig biopsy should be "
             "considered tissue diagnosis recommended";
    // What 4 and 5 ask for, tissue, is no more than the code says (hostile review 39, H39-12).
    case Category::LowSuspicion4A:
      return "iv low suspicion suspicious for malignancy geringer verdacht biopsy tissue diagnosis "
             "recommended";
    case Category::ModerateSuspicion4B:
      return "iv moderate intermediate suspicion suspicious for malignancy mittlerer verdacht "
             "biopsy tissue diagnosis recommended";
    case Category::HighSuspicion4C:
      return "iv high moderate suspicion suspicious for malignancy hoher verdacht biopsy tissue "
             "diagnosis recommended";
    case Category::HighlySuggestive5:
      return "v highly suggestive of malignancy hochgradig malignitaetsverdaechtig appropriate "
             "action should be taken biopsy tissue diagnosis recommended";
    case Category::KnownMalignancy6:
      return "vi known biopsy proven malignancy histologically bioptisch gesicherte malignitaet";
  }
  return {};
}

}  // namespace

bool holds_word(std::string_view words, std::string_view word) {
  return (" " + std::string(words) + " ").find(" " + std::string(word) + " ") != std::string::npos;
}

namespace {

// Words that name something a negation may deny without casting doubt on the code ("no mass",
// "without hyperplasia"), besides the categories, results, types and distributions.
constexpr std::string_view kDeniableWords =
    "mass masses lesion lesions asymmetry distortion hyperplasia calcification calcifications "
    "microcalcifications herd herdbefund raumforderung verkalkung verkalkungen mikrokalk invasion "
    "invasive microinvasion necrosis right left rechts links rechte linke both bilateral";

// Whether what a negation denies is a finding or result this tool knows ("no atypia", "mass
// not seen"), not a certainty, a concordance or nothing at all ("not confirmed", "no").
bool names_a_concept(std::string text) {
  const auto blank = [&text](const auto& negations) {
    for (const std::string_view negation : negations) {
      for (std::size_t at = text.find(negation); at != std::string::npos;
           at = text.find(negation)) {
        text.replace(at, negation.size(), std::string(negation.size(), ' '));
      }
    }
  };
  blank(kNegations);
  blank(kNegationsAfter);
  std::istringstream words(text);
  const bool deniable =
      std::any_of(std::istream_iterator<std::string>(words), std::istream_iterator<std::string>(),
                  [](const std::string& word) { return holds_word(kDeniableWords, word); });
  return deniable || !categories_in(text).empty() || !prior_results_meant(text).empty() ||
         !morphologies_meant(text).empty() || !distributions_meant(text).empty();
}

}  // namespace

// The characters of a meaning no word of this tool reads: letters and digits of other scripts
// or widths ("Ｍａｌｉｇｎａｎｔ", "５", "Ⅳ", "٤"), and marks that may say doubt or denial ("‽",
// "¿", "¬", "~"). Each is a word the tool cannot vouch for (hostile review 36, H36-5). German
// letters, dashes, quotes, spaces and the ASCII punctuation of a meaning are read.
std::vector<std::string> unreadable_marks(std::string_view meaning) {
  std::vector<std::string> marks;
  for (std::size_t at = 0; at < meaning.size();) {
    const auto byte = static_cast<unsigned char>(meaning[at]);
    std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    length = std::min(length, meaning.size() - at);
    const std::string_view character = meaning.substr(at, length);
    at += length;
    if (byte < 0x80) {
      if (std::string_view("~^|\\`@${}<>*#_=").find(static_cast<char>(byte)) !=
          std::string_view::npos) {
        marks.emplace_back(character);
      }
      continue;
    }
    static constexpr std::string_view kRead[] = {
        "\u00E4", "\u00F6", "\u00FC", "\u00C4", "\u00D6", "\u00DC", "\u00DF",  // German
        "\u00A0", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015",  // space, dashes
        "\u2018", "\u2019", "\u201C", "\u201D", "\u00B7", "\u2026", "\u00B0",  // quotes …
        "\u00AE", "\u2122", "\u00A9"};  // ® ™ © ("BI-RADS®"; review 40, R40-12)
    if (std::find(std::begin(kRead), std::end(kRead), character) == std::end(kRead)) {
      marks.emplace_back(character);
    }
  }
  return marks;
}

std::vector<std::string> words_beyond(std::string_view meaning,
                                      const std::function<bool(std::string_view)>& own) {
  std::vector<std::string> beyond = unreadable_marks(meaning);
  const auto neutral = [](const std::string& word) {
    return std::find(std::begin(kNeutralWords), std::end(kNeutralWords), word) !=
           std::end(kNeutralWords);
  };
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    const std::size_t before = beyond.size();
    std::istringstream affirmed(clause.affirmed);
    for (std::string word; affirmed >> word;) {
      if (!neutral(word) && !own(word)) beyond.push_back(word);
    }
    // What a negation denies says nothing of the code only where it is a finding or result
    // ("Benign, no atypia"); a denied certainty, concordance or confirmation ("Benign, not
    // confirmed", "no concordance") or a bare negation ("Benign: no") says the code is in doubt
    // (hostile review 36, H36-1, H36-2). A negation that is the code's own word ("Negative")
    // denies nothing of it ("no" of "No malignancy" on a benign result is no such word).
    const std::string negation =
        clause.negation.empty() ? std::string() : clause.negation.substr(1);
    // The code's own meaning may hold a negation and what it denies ("Target not in the
    // specimen" on 111445; review 40, R40-15): its own words deny nothing of it.
    std::istringstream denied_words(clause.denied);
    std::vector<std::string> denied_own;
    bool denies_own_words_only = own(negation);
    for (std::string word; denied_words >> word;) {
      if (neutral(word)) continue;
      denied_own.push_back(word);
      denies_own_words_only = denies_own_words_only && own(word);
    }
    const bool own_negation = (negation.rfind("negativ", 0) == 0 && own(negation)) ||
                              (denies_own_words_only && !denied_own.empty());
    if (clause.negated && !own_negation && !names_a_concept(clause.denied)) {
      std::istringstream denied(clause.denied);
      std::string said = negation;
      for (std::string word; denied >> word;) {
        if (!neutral(word)) said += " " + word;
      }
      beyond.push_back(said);
    }
    // A clause of its own words, questioned ("Round?"), says more than its code: a doubt.
    if (clause.uncertain && beyond.size() == before) beyond.emplace_back("?");
  }
  return beyond;
}

bool categories_agree(Category value, Category meant) {
  const auto family_of_four = [](Category category) {
    return category == Category::Suspicious4 || category == Category::LowSuspicion4A ||
           category == Category::ModerateSuspicion4B || category == Category::HighSuspicion4C;
  };
  if (value == meant) return true;
  return family_of_four(value) && family_of_four(meant) &&
         (value == Category::Suspicious4 || meant == Category::Suspicious4);
}

std::vector<std::string> category_meaning_beyond(std::string_view meaning_given,
                                                 Category category) {
  const std::string meaning = without_own_negative(meaning_given, category);
  const std::string_view names = category_name_words(category);
  const MeaningQuantities quantities = meaning_quantities(meaning);
  // A Coding Scheme Version put in the meaning ("4.0") is no category.
  const bool no_action_meant = category == Category::Negative1 || category == Category::Benign2 ||
                               category == Category::ProbablyBenign3;
  std::string without_version =
      no_action_meant ? without_no_action(quantities.rest) : quantities.rest;
  for (std::size_t at = 0; at + 2 < without_version.size(); ++at) {
    const auto digit = [&](std::size_t k) {
      return std::isdigit(static_cast<unsigned char>(without_version[k])) != 0;
    };
    if (digit(at) && without_version[at + 1] == '.' && digit(at + 2)) {
      without_version.replace(at, 3, "   ");
    }
  }
  std::vector<std::string> beyond = words_beyond(without_version, [&](std::string_view word) {
    const std::optional<Category> named = category_of_token(word);
    return (named && categories_agree(category, *named)) || holds_word(names, word);
  });
  if (quantities.interval_months && !interval_agrees(category, *quantities.interval_months)) {
    std::ostringstream said;
    said.imbue(std::locale::classic());
    said << std::setprecision(3) << *quantities.interval_months << " months";
    beyond.push_back(said.str());
  }
  // The negative code has nothing to measure or place: a size or position on it says there is
  // a finding (hostile review 43, H43-8: "Negative, 6 mm" passed).
  if (category == Category::Negative1) {
    beyond.insert(beyond.end(), quantities.measurements.begin(), quantities.measurements.end());
  }
  // A likelihood of malignancy outside the category's ("Benign (2-10% likelihood)").
  if (quantities.likelihood && !likelihood_agrees(category, *quantities.likelihood)) {
    std::ostringstream said;
    said.imbue(std::locale::classic());
    said << std::setprecision(3) << *quantities.likelihood << "% likelihood";
    beyond.push_back(said.str());
  }
  return beyond;
}

namespace {

// Words any calcification type or distribution meaning may hold besides its term's own,
// English and German ("fein", "grob": the German words that name a term are its naming stems,
// "pleomorph", "heterogen").
constexpr std::string_view kCalcificationNeutralWords =
    "calcification calcifications calcified calcific microcalcification microcalcifications "
    "macrocalcification macrocalcifications calcs calc type morphology distribution shaped "
    "verkalkung verkalkungen mikrokalk mikroverkalkung mikroverkalkungen makroverkalkungen kalk "
    "typ form verteilung fein feine feinen grob grobe groben distributed verteilt benign "
    "typically typical";

// Endings that make a word a likeness of what its stem names ("roundish", "rundlich",
// "gefäßartig", "gefäßähnlich" spelled out).
constexpr std::string_view kHedges[] = {"ish",       "lich",       "liche",   "lichen",
                                        "artig",     "artige",     "artigen", "aehnlich",
                                        "aehnliche", "aehnlichen", "oid"};

// Those of a type or distribution meaning: beyond the words of its term's canonical meanings and
// BI-RADS name, the words its naming stems start, and those that yield to them ("linear" in
// "fine linear branching", "coarse" in "coarse heterogeneous").
// The meaning with each size blanked, its bound and unit with it ("Round, 1 mm", "punctate
// <0.5mm"): a size says nothing beyond a type or distribution (hostile review 39, H39-14).
std::string without_sizes(std::string_view meaning) {
  std::string text(meaning);
  // Whether `word` (lower case) stands at `at`, not the start of a longer word.
  const auto lower_at = [&](std::size_t at, std::string_view word) {
    if (at > text.size() || text.size() - at < word.size()) return false;
    const bool same =
        std::equal(word.begin(), word.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                   [](char w, char t) {
                     return w == static_cast<char>(std::tolower(static_cast<unsigned char>(t)));
                   });
    const std::size_t after = at + word.size();
    return same &&
           (after >= text.size() || std::isalpha(static_cast<unsigned char>(text[after])) == 0);
  };

  for (std::size_t at = 0; at < text.size(); ++at) {
    if (std::isdigit(static_cast<unsigned char>(text[at])) == 0 ||
        (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1])) != 0)) {
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) != 0 ||
                                 text[end] == '.' || text[end] == ',')) {
      ++end;
    }
    std::size_t unit = end;
    while (unit < text.size() && (text[unit] == ' ' || text[unit] == '-')) ++unit;
    std::size_t unit_end = unit;
    for (const std::string_view word : kLengthUnits) {
      if (lower_at(unit, word)) {
        unit_end = unit + word.size();
        break;
      }
    }
    if (unit_end == unit) {
      at = end;
      continue;
    }
    std::size_t begin = at;
    while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '<' ||
                         text[begin - 1] == '>' || text[begin - 1] == '=')) {
      --begin;
    }
    text.replace(begin, unit_end - begin, unit_end - begin, ' ');
    at = unit_end;
  }
  return text;
}

template <typename Term, std::size_t N, std::size_t M>
std::vector<std::string> term_meaning_beyond(const std::array<Entry<Term>, N>& table,
                                             const std::array<NamingWord<Term>, M>& naming,
                                             std::string_view meaning, Term term) {
  std::string own = spaced_words(to_string(term));
  for (const auto& entry : table) {
    if (entry.term == term) own += spaced_words(entry.code.meaning);
  }
  std::vector<std::string_view> stems;
  for (const auto& word : naming) {
    const bool yields = std::any_of(naming.begin(), naming.end(), [&](const auto& other) {
      return other.term == term && !word.unless.empty() && other.stem == word.unless;
    });
    if (word.term == term || yields) stems.push_back(word.stem);
  }
  // A word a stem starts that hedges it ("Roundish", "rundlich", "gefäßartig"; hostile review
  // 39, H39-5) names it no more than "Round-like" does, unless "like" is the term's own
  // ("Coarse (popcorn-like)": "popcornartig").
  const bool likeness_own = holds_word(own, "like");
  const auto hedged = [&](std::string_view word, std::string_view stem) {
    if (likeness_own) return false;
    const std::string_view rest = word.substr(stem.size());
    return std::any_of(std::begin(kHedges), std::end(kHedges), [&](std::string_view hedge) {
      return rest.size() >= hedge.size() &&
             rest.compare(rest.size() - hedge.size(), hedge.size(), hedge) == 0;
    });
  };
  std::vector<std::string> beyond =
      words_beyond(without_sizes(meaning), [&](std::string_view word) {
        return holds_word(own, word) || holds_word(kCalcificationNeutralWords, word) ||
               std::any_of(stems.begin(), stems.end(), [&](std::string_view stem) {
                 return word.rfind(stem, 0) == 0 && !hedged(word, stem);
               });
      });
  // One that denies its own term ("Not round" on the round code; hostile review 36, H36-3),
  // before or after it ("Fine pleomorphic absent", "…: none"; hostile review 39, H39-4): the
  // denied words name it by a naming word of its own.
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    const std::vector<std::string> denied_words = meaning_words(clause.denied);
    const bool denies_own = std::any_of(naming.begin(), naming.end(), [&](const auto& word) {
      return word.term == term && has_stem(denied_words, word.stem) &&
             (word.also.empty() || has_stem(denied_words, word.also)) &&
             (word.unless.empty() || !has_stem(denied_words, word.unless));
    });
    const std::vector<Term> denied =
        terms_meant(table, naming, clause.denied, [](Term) { return false; });
    if (denies_own || std::find(denied.begin(), denied.end(), term) != denied.end()) {
      beyond.push_back("not " + std::string(to_string(term)));
    }
  }
  return beyond;
}

}  // namespace

namespace {

// The words that name a breast in a Laterality meaning, English, German and the abbreviations
// of report text (narrative.md §5: rechts, links, beidseits; "Lt", "R").
std::string_view side_words(Laterality side) {
  switch (side) {
    case Laterality::Right:
      return "right r rt rechts rechte rechten rechter";
    case Laterality::Left:
      return "left l lt links linke linken linker";
    case Laterality::Both:
      return "both bilateral bilaterally beidseits beidseitig bds";
    case Laterality::Unknown:
      break;
  }
  return {};
}

constexpr Laterality kSides[] = {Laterality::Right, Laterality::Left, Laterality::Both};

std::vector<Laterality> sides_in(const std::string& words, bool abbreviations = true) {
  std::vector<Laterality> sides;
  std::istringstream spaced(words);
  for (std::string word; spaced >> word;) {
    if (!abbreviations && word.size() <= 2) continue;
    for (const Laterality side : kSides) {
      if (holds_word(side_words(side), word) &&
          std::find(sides.begin(), sides.end(), side) == sides.end()) {
        sides.push_back(side);
      }
    }
  }
  return sides;
}

}  // namespace

std::vector<Laterality> lateralities_named(std::string_view meaning, bool abbreviations) {
  std::vector<Laterality> named;
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    for (const Laterality side : sides_in(clause.affirmed, abbreviations)) {
      if (std::find(named.begin(), named.end(), side) == named.end()) named.push_back(side);
    }
  }
  // "Right and left breast" names both breasts.
  const bool right_and_left =
      std::find(named.begin(), named.end(), Laterality::Right) != named.end() &&
      std::find(named.begin(), named.end(), Laterality::Left) != named.end();
  if (right_and_left && std::find(named.begin(), named.end(), Laterality::Both) == named.end()) {
    named.push_back(Laterality::Both);
  }
  return named;
}

std::vector<std::string> laterality_meaning_beyond(std::string_view meaning, Laterality side) {
  std::string own = " breast breasts brust brueste mamma mammae side seite ";
  own += side_words(side);
  if (side == Laterality::Both) {
    own += " right left rechts links r l rt lt and und beide beiden b ";
  }
  std::vector<std::string> beyond =
      words_beyond(meaning, [&own](std::string_view word) { return holds_word(own, word); });
  // One that denies its own breast ("Not right breast").
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    const std::vector<Laterality> denied = sides_in(clause.denied);
    if (std::find(denied.begin(), denied.end(), side) != denied.end()) {
      beyond.push_back("not " + std::string(to_string(side)));
    }
  }
  // The code for both breasts whose meaning names one ("Right breast", "Brust rechts", "R"):
  // which breast the finding is in is in doubt (review 40, R40-16).
  if (side == Laterality::Both) {
    const std::vector<Laterality> named = lateralities_named(meaning, true);
    const auto names = [&](Laterality breast) {
      return std::find(named.begin(), named.end(), breast) != named.end();
    };
    // One breast named beside "both" contradicts it ("Bilateral, right"; hostile review 39,
    // H39-6), and "right or left" leaves it open.
    if (names(Laterality::Right) != names(Laterality::Left)) {
      beyond.push_back(
          std::string(to_string(names(Laterality::Right) ? Laterality::Right : Laterality::Left)) +
          " only");
    }
    const std::string words = spaced_words(meaning) + " ";
    if (words.find(" or ") != std::string::npos || words.find(" oder ") != std::string::npos) {
      beyond.emplace_back("or");
    }
  }
  return beyond;
}

std::vector<std::string> morphology_meaning_beyond(std::string_view meaning, Morphology term) {
  std::vector<std::string> beyond =
      term_meaning_beyond(kMorphology, kMorphologyWords, meaning, term);
  // Microcalcifications are no type that is large by definition ("Microcalcifications" on the
  // popcorn code): the generic noun says small, which such a code cannot be (hostile review 93,
  // S3).
  constexpr std::array<Morphology, 7> kLargeByDefinition{
      Morphology::CoarsePopcorn,      Morphology::LargeRodLike,
      Morphology::Dystrophic,         Morphology::Rim,
      Morphology::Vascular,           Morphology::Suture,
      Morphology::Macrocalcifications};
  const std::string spaced = spaced_words(meaning);
  if (std::find(kLargeByDefinition.begin(), kLargeByDefinition.end(), term) !=
          kLargeByDefinition.end() &&
      (spaced.find(" micro") != std::string::npos || spaced.find(" mikro") != std::string::npos)) {
    beyond.emplace_back("micro");
  }
  // "Benign" is a typically benign type's own word, not a suspicious one's ("Fine pleomorphic,
  // benign"; review 40, R40-18); nor is a denied suspicion ("Amorphous, not suspicious", "kein
  // Malignitätsverdacht"; hostile review 39, H39-4).
  if (is_suspicious(term)) {
    for (const MeaningClause& clause : meaning_clauses(meaning)) {
      if (holds_word(clause.affirmed, "benign") || holds_word(clause.affirmed, "gutartig") ||
          holds_word(clause.affirmed, "benigne")) {
        beyond.emplace_back("benign");
        break;
      }
      const std::string& denied = clause.denied;
      const bool suspicion_denied = suspicion_in_words(denied).has_value() ||
                                    denied.find(" malign") != std::string::npos ||
                                    denied.find(" suspekt") != std::string::npos ||
                                    denied.find(" verdaechtig") != std::string::npos ||
                                    denied.find("verdacht") != std::string::npos ||
                                    denied.find(" suspicious") != std::string::npos;
      if (clause.negated && suspicion_denied) {
        beyond.emplace_back("not suspicious");
        break;
      }
    }
  }
  return beyond;
}
std::vector<std::string> distribution_meaning_beyond(std::string_view meaning, Distribution term) {
  return term_meaning_beyond(kDistribution, kDistributionWords, meaning, term);
}

std::vector<std::string_view> meaning_clause_starts() {
  return {std::begin(kClauseStarts), std::end(kClauseStarts)};
}

namespace {

// A clause that says "benign" under a negation before it ("Not benign", "Non-benign"; not
// "Benign tissue without atypia") or uncertainly ("Benign?", "Possibly benign").
bool benign_denied_or_uncertain(const MeaningClause& clause) {
  const auto names_benign = [](const std::string& words) {
    return words.find(" benign ") != std::string::npos ||
           words.find(" gutartig ") != std::string::npos;
  };
  if (!names_benign(clause.words)) return false;
  return clause.uncertain || names_benign(clause.denied);
}

}  // namespace

std::vector<std::string_view> prior_result_meanings(PriorResult result) {
  std::vector<std::string_view> meanings;
  for (const auto& entry : kPriorResult) {
    if (entry.term == result) meanings.push_back(entry.code.meaning);
  }
  return meanings;
}

std::vector<PriorResult> prior_results_meant(std::string_view meaning) {
  std::vector<PriorResult> results;
  const auto add = [&results](PriorResult result) {
    if (std::find(results.begin(), results.end(), result) == results.end()) {
      results.push_back(result);
    }
  };
  for (const MeaningClause& clause : meaning_clauses(meaning)) {
    const auto names = [&](std::initializer_list<std::string_view> parts) {
      return std::any_of(parts.begin(), parts.end(), [&](std::string_view part) {
        return clause.words.find(part) != std::string::npos;
      });
    };
    // Results whose own words negate: read before the clause's negation.
    if (names({" target not ", " not in the specimen ", " not in specimen "})) {
      add(PriorResult::TargetNotInSpecimen);
    }
    if (names({" no calcification", " calcifications not seen", " calcification not seen",
               " not retrieved", " without calcification", " calcifications absent",
               " calcifications not present", " calcification not present",
               " calcifications not identified", " calcification not identified", " kein mikrokalk",
               " kein kalk", " nicht getroffen"}) ||
        (names({" calcification"}) && names({" none ", " nil "}))) {
      add(PriorResult::NoCalcificationsInCore);
    }
    if (names({" target missed", " lesion missed", " missed the target"})) {
      add(PriorResult::TargetNotInSpecimen);
    }
    if (names({" insufficient", " non diagnostic", " nondiagnostic", " inadequate",
               " not diagnostic", " non representative", " not representative", " nicht repr",
               " unzureichend", " nicht ausreichend", " limited sample", " scant", " fat only",
               " blood clot only", " no lesional", " b1 "})) {
      add(PriorResult::Insufficient);
    }
    // "Not benign", "Non-benign": it names no result, and denies the benign one; "Benign?",
    // "Benign, pending": no result yet. Neither is a benign result (hostile review 33, H33-4).
    if (benign_denied_or_uncertain(clause)) add(PriorResult::Indeterminate);
    // Not final, or not agreeing with the imaging, or asking for more tissue: no result that
    // settles the calcifications (B1, W23).
    if (names({" pending", " provisional", " preliminary", " awaited", " awaiting", " to follow",
               " vorlaeufig", " ausstehend", " requested", " discordan", " not concordant",
               " excision", " excise", " uncertain malignant potential", " b3 ", " b4 ",
               " lesion of uncertain"})) {
      add(PriorResult::Indeterminate);
    }
    // What a negation denies names nothing ("Benign; no atypia or carcinoma"); what comes before
    // it does ("Atypical ductal hyperplasia, no carcinoma").
    // Every result a clause names counts, not only the first ("Ductal carcinoma in situ,
    // excision recommended" is malignant and asks for excision). The names of a high-risk lesion
    // or an uncertain potential that hold a malignancy's word are taken out before the
    // malignancies are looked for: lobular carcinoma in situ is high-risk.
    std::string affirmed = clause.affirmed;
    bool high_risk_name = false;
    for (const std::string_view name :
         {" lobular carcinoma in situ", " uncertain malignant potential", " nonmalignan"}) {
      for (std::size_t at = affirmed.find(name); at != std::string::npos;
           at = affirmed.find(name)) {
        affirmed.replace(at, name.size(), std::string(name.size(), ' '));
        high_risk_name = high_risk_name || name == " lobular carcinoma in situ";
      }
    }
    const auto affirms = [&](std::initializer_list<std::string_view> parts) {
      return std::any_of(parts.begin(), parts.end(), [&](std::string_view part) {
        return affirmed.find(part) != std::string::npos;
      });
    };
    // German too: Karzinom, maligne, Malignom, bösartig, Krebs.
    const bool malignancy =
        affirms({"malignan",      "carcinoma",    "cancer",     "sarcoma",  "lymphoma",
                 "metasta",       " dcis ",       " paget",     "karzinom", " maligne",
                 " malignom",     " malignit",    " boesartig", " krebs",   " microinvas",
                 " tumour cells", " tumor cells", " b5 ",       " b5a ",    " b5b "});
    // Lobular carcinoma in situ is a high-risk lesion (CID 6032), whatever its name says; the
    // papillary lesions, a complex sclerosing lesion (a radial scar) and a mucocele-like lesion
    // are excised as high-risk lesions (decision-logic.md B1 lists papilloma and radial scar).
    // A high-risk word in a malignancy's name ("papillary carcinoma") is the malignancy's.
    if (high_risk_name ||
        (!malignancy &&
         affirms({" lobular carcinoma in situ", " lcis ", " lobular neoplasia", " atypi", " adh ",
                  " alh ", " high risk", " radial scar", " phyllodes", " papillom", " papillary",
                  " sclerosing lesion", " mucocele", " fea ", " flat epithelial",
                  " lobulaere neoplasie", " radiaere narbe", " phylloides", " fibroepithelial"}))) {
      add(PriorResult::HighRisk);
    }
    // "Malignancy not excluded": a result that decides nothing (B1), never a benign one.
    if (malignancy) add(clause.uncertain ? PriorResult::Indeterminate : PriorResult::Malignant);
    if (affirms({" indeterminate", " equivocal", " uncertain"})) add(PriorResult::Indeterminate);
  }
  return results;
}

std::optional<PriorResult> prior_result_meant(std::string_view meaning) {
  const std::vector<PriorResult> results = prior_results_meant(meaning);
  const bool malignant =
      std::find(results.begin(), results.end(), PriorResult::Malignant) != results.end();
  if (malignant) return PriorResult::Malignant;
  const bool high_risk =
      std::find(results.begin(), results.end(), PriorResult::HighRisk) != results.end();
  if (high_risk) return PriorResult::HighRisk;
  return std::nullopt;
}

std::optional<Morphology> morphology_for(const Code& code) { return lookup(kMorphology, code); }
std::optional<Distribution> distribution_for(const Code& code) {
  return lookup(kDistribution, code);
}
std::optional<Laterality> laterality_for(const Code& code) { return lookup(kLaterality, code); }
std::optional<int> clock_hour_for(const Code& code) { return lookup(kClock, code); }
std::optional<Region> region_for(const Code& code) { return lookup(kRegion, code); }
std::optional<Quadrant> quadrant_for(const Code& code) { return lookup(kQuadrant, code); }
std::optional<Depth> depth_for(const Code& code) { return lookup(kDepth, code); }
std::optional<Change> change_for(const Code& code) { return lookup(kChange, code); }
std::optional<Category> category_for(const Code& code) { return lookup(kCategory, code); }

namespace {
template <typename Term, std::size_t N>
std::optional<std::string_view> table_meaning(const std::array<Entry<Term>, N>& table,
                                              const Code& code) {
  for (const auto& entry : table) {
    if (same_concept(code, entry.code)) return entry.code.meaning;
  }
  return std::nullopt;
}
}  // namespace

std::optional<std::string_view> own_meaning(const Code& code) {
  const std::array<std::optional<std::string_view>, 5> meanings{
      table_meaning(kClock, code), table_meaning(kRegion, code), table_meaning(kQuadrant, code),
      table_meaning(kDepth, code), table_meaning(kChange, code)};
  const auto found = std::find_if(meanings.begin(), meanings.end(),
                                  [](const auto& meaning) { return meaning.has_value(); });
  return found == meanings.end() ? std::nullopt : *found;
}

namespace {
// A meaning's words, one space before and after each ("3 o'clock position." reads " 3 o clock
// position ").
std::string single_spaced_words(std::string_view meaning) {
  std::istringstream words(spaced_words(meaning));
  std::string spaced = " ";
  for (std::string word; words >> word;) spaced += word + " ";
  return spaced;
}
}  // namespace

bool is_own_meaning(std::string_view meaning, std::string_view own) {
  const std::string said = single_spaced_words(meaning);
  const std::string standard = single_spaced_words(own);
  if (said == standard || said == " ") return true;
  // The tails that name nothing more than the code's own concept does.
  for (const std::string_view tail : {" position ", " region ", " region of breast ", " of breast ",
                                      " in the finding ", " of calcifications "}) {
    if (standard.size() > tail.size() &&
        standard.compare(standard.size() - tail.size(), tail.size(), tail) == 0 &&
        said == standard.substr(0, standard.size() - tail.size() + 1)) {
      return true;
    }
  }
  // A clock position in other common spellings: "3 o'clock", "3 Uhr", "3", "3:00", "03 o'clock".
  const std::size_t unit = standard.find(" o clock ");
  if (unit == std::string::npos) return false;
  const std::string hour = standard.substr(1, unit - 1);  // "3"
  const std::array<std::string, 2> writings{hour, "0" + hour};
  constexpr std::array<const char*, 6> kAfter{" ",    " uhr ",     " oclock ",
                                              " 00 ", " o clock ", " o clock position "};
  return std::any_of(writings.begin(), writings.end(), [&](const std::string& written) {
    return std::any_of(kAfter.begin(), kAfter.end(),
                       [&](const char* after) { return said == " " + written + after; });
  });
}
std::optional<PriorResult> prior_result_for(const Code& code) {
  if (auto result = lookup(kPriorResult, code)) return result;
  return pathology_result_for(code);
}
std::optional<Site> site_for(const Code& code) { return lookup(kSite, code); }

CodeConst code_of(Morphology term) { return reverse_lookup(kMorphology, term); }
CodeConst code_of(Distribution term) { return reverse_lookup(kDistribution, term); }
CodeConst code_of(Laterality laterality) { return reverse_lookup(kLaterality, laterality); }
CodeConst clock_code(int hour) { return reverse_lookup(kClock, hour); }
CodeConst code_of(Region region) { return reverse_lookup(kRegion, region); }
CodeConst code_of(Quadrant quadrant) { return reverse_lookup(kQuadrant, quadrant); }
CodeConst code_of(Depth depth) { return reverse_lookup(kDepth, depth); }
CodeConst code_of(Change change) { return reverse_lookup(kChange, change); }
CodeConst code_of(Category category) { return reverse_lookup(kCategory, category); }
CodeConst code_of(Site site) { return reverse_lookup(kSite, site); }
CodeConst code_of(PriorResult result) { return reverse_lookup(kPriorResult, result); }

std::string_view to_string(Morphology term) {
  switch (term) {
    case Morphology::Skin:
      return "skin";
    case Morphology::Vascular:
      return "vascular";
    case Morphology::CoarsePopcorn:
      return "coarse-popcorn";
    case Morphology::LargeRodLike:
      return "large-rod-like";
    case Morphology::Round:
      return "round";
    case Morphology::Punctate:
      return "punctate";
    case Morphology::Rim:
      return "rim";
    case Morphology::LucentCentred:
      return "lucent-centred";
    case Morphology::Dystrophic:
      return "dystrophic";
    case Morphology::MilkOfCalcium:
      return "milk-of-calcium";
    case Morphology::Suture:
      return "suture";
    case Morphology::Amorphous:
      return "amorphous";
    case Morphology::CoarseHeterogeneous:
      return "coarse-heterogeneous";
    case Morphology::FinePleomorphic:
      return "fine-pleomorphic";
    case Morphology::FineLinear:
      return "fine-linear";
    case Morphology::FineLinearBranching:
      return "fine-linear-branching";
    case Morphology::Microcalcifications:
      return "microcalcifications-non-specific";
    case Morphology::Macrocalcifications:
      return "macrocalcifications-non-specific";
    case Morphology::Unrecognised:
      return "unrecognised";
  }
  return "unrecognised";
}

std::string_view to_string(Distribution term) {
  switch (term) {
    case Distribution::Diffuse:
      return "diffuse";
    case Distribution::Regional:
      return "regional";
    case Distribution::Grouped:
      return "grouped";
    case Distribution::Linear:
      return "linear";
    case Distribution::Segmental:
      return "segmental";
    case Distribution::WithinMass:
      return "within-mass";
    case Distribution::OutsideMass:
      return "outside-mass";
    case Distribution::Unrecognised:
      return "unrecognised";
  }
  return "unrecognised";
}

std::string_view to_string(Laterality laterality) {
  switch (laterality) {
    case Laterality::Right:
      return "right";
    case Laterality::Left:
      return "left";
    case Laterality::Both:
      return "both";
    case Laterality::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(Site site) {
  switch (site) {
    case Site::Ductal:
      return "ductal";
    case Site::Lobular:
      return "lobular";
    case Site::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(SiteSource source) {
  switch (source) {
    case SiteSource::Annotation:
      return "annotation";
    case SiteSource::Sr:
      return "sr";
    case SiteSource::Inferred:
      return "inferred";
    case SiteSource::Narrative:
      return "narrative";
    case SiteSource::None:
      return "none";
  }
  return "none";
}

std::string_view to_string(LateralitySource source) {
  switch (source) {
    case LateralitySource::Finding:
      return "finding";
    case LateralitySource::SubItem:
      return "sub-item";
    case LateralitySource::Procedure:
      return "procedure";
    case LateralitySource::Images:
      return "images";
    case LateralitySource::Narrative:
      return "narrative";
    case LateralitySource::Annotation:
      return "annotation";
    case LateralitySource::Conflicting:
      return "conflicting";
    case LateralitySource::None:
      return "none";
  }
  return "none";
}

std::string_view to_string(TextCrossCheck check) {
  switch (check) {
    case TextCrossCheck::Covered:
      return "covered";
    case TextCrossCheck::Restates:
      return "restates";
    case TextCrossCheck::Discordant:
      return "discordant";
    case TextCrossCheck::None:
      return "none";
  }
  return "none";
}

std::string_view to_string(Findings::TextUse use) {
  switch (use) {
    case Findings::TextUse::Read:
      return "read";
    case Findings::TextUse::ListedOnly:
      return "listed";
    case Findings::TextUse::Paired:
      return "paired";
    case Findings::TextUse::None:
      return "none";
  }
  return "none";
}

std::string_view to_string(Change change) {
  switch (change) {
    case Change::New:
      return "new";
    case Change::Increased:
      return "increased";
    case Change::Stable:
      return "stable";
    case Change::Decreased:
      return "decreased";
    case Change::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(Presence presence) {
  switch (presence) {
    case Presence::Yes:
      return "yes";
    case Presence::No:
      return "no";
    case Presence::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(Region region) {
  switch (region) {
    case Region::Subareolar:
      return "subareolar";
    case Region::Central:
      return "central";
    case Region::AxillaryTail:
      return "axillary-tail";
    case Region::Axilla:
      return "axilla";
    case Region::ChestWall:
      return "chest-wall";
  }
  return "unknown";
}

std::string_view to_string(Quadrant quadrant) {
  switch (quadrant) {
    case Quadrant::UpperOuter:
      return "upper-outer";
    case Quadrant::UpperInner:
      return "upper-inner";
    case Quadrant::LowerOuter:
      return "lower-outer";
    case Quadrant::LowerInner:
      return "lower-inner";
  }
  return "unknown";
}

std::string_view to_string(Depth depth) {
  switch (depth) {
    case Depth::Anterior:
      return "anterior";
    case Depth::Middle:
      return "middle";
    case Depth::Posterior:
      return "posterior";
  }
  return "unknown";
}

std::string_view to_string(Category category) {
  switch (category) {
    case Category::Incomplete0:
      return "0";
    case Category::Negative1:
      return "1";
    case Category::Benign2:
      return "2";
    case Category::ProbablyBenign3:
      return "3";
    case Category::Suspicious4:
      return "4";
    case Category::LowSuspicion4A:
      return "4A";
    case Category::ModerateSuspicion4B:
      return "4B";
    case Category::HighSuspicion4C:
      return "4C";
    case Category::HighlySuggestive5:
      return "5";
    case Category::KnownMalignancy6:
      return "6";
  }
  return "0";
}

std::string_view to_string(PriorResult result) {
  switch (result) {
    case PriorResult::Benign:
      return "benign";
    case PriorResult::Malignant:
      return "malignant";
    case PriorResult::HighRisk:
      return "high-risk";
    case PriorResult::Insufficient:
      return "insufficient";
    case PriorResult::Indeterminate:
      return "indeterminate";
    case PriorResult::TargetNotInSpecimen:
      return "target-not-in-specimen";
    case PriorResult::NoCalcificationsInCore:
      return "no-calcifications-in-core";
  }
  return "indeterminate";
}

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::BreastImagingReport:
      return "breast-imaging-report";
    case Origin::CadCluster:
      return "cad-cluster";
    case Origin::CadIndividual:
      return "cad-calcification";
    case Origin::Annotation:
      return "annotation";
    case Origin::Narrative:
      return "narrative";
  }
  return "annotation";
}

std::string_view to_string(ReportedSource source) {
  switch (source) {
    case ReportedSource::Finding:
      return "finding";
    case ReportedSource::Overall:
      return "overall";
    case ReportedSource::Annotation:
      return "annotation";
    case ReportedSource::CadImpression:
      return "cad-impression";
    case ReportedSource::Narrative:
      return "narrative";
  }
  return "finding";
}

std::string_view to_string(MentionStatus status) {
  switch (status) {
    case MentionStatus::Affirmed:
      return "affirmed";
    case MentionStatus::Negated:
      return "negated";
    case MentionStatus::Uncertain:
      return "uncertain";
    case MentionStatus::Historical:
      return "historical";
    case MentionStatus::Hypothetical:
      return "hypothetical";
  }
  return "affirmed";
}

std::string_view to_string(ReportSection section) {
  switch (section) {
    case ReportSection::Unsectioned:
      return "unsectioned";
    case ReportSection::History:
      return "history";
    case ReportSection::Procedure:
      return "procedure";
    case ReportSection::Comparison:
      return "comparison";
    case ReportSection::Composition:
      return "composition";
    case ReportSection::Findings:
      return "findings";
    case ReportSection::Impression:
      return "impression";
    case ReportSection::Recommendation:
      return "recommendation";
    case ReportSection::Conclusion:
      return "conclusion";
    case ReportSection::Addendum:
      return "addendum";
    case ReportSection::Other:
      return "other";
  }
  return "other";
}

std::string_view to_string(NarrativeField field) {
  switch (field) {
    case NarrativeField::Laterality:
      return "laterality";
    case NarrativeField::Morphology:
      return "morphology";
    case NarrativeField::Distribution:
      return "distribution";
    case NarrativeField::Site:
      return "site";
    case NarrativeField::Change:
      return "change";
    case NarrativeField::Clock:
      return "clock";
    case NarrativeField::Quadrant:
      return "quadrant";
    case NarrativeField::Region:
      return "region";
    case NarrativeField::Depth:
      return "depth";
    case NarrativeField::DistanceFromNipple:
      return "distanceFromNippleMm";
    case NarrativeField::Extent:
      return "extentMm";
    case NarrativeField::Count:
      return "count";
    case NarrativeField::UltrasoundCorrelate:
      return "ultrasoundVisible";
    case NarrativeField::MassWithCalcifications:
      return "massWithCalcifications";
    case NarrativeField::Assessment:
      return "reportedCategory";
    case NarrativeField::Lesion:
      return "lesion";
    case NarrativeField::LesionCause:
      return "lesionCause";
  }
  return "morphology";
}

std::string reported_source_words(const Finding& finding) {
  return finding.reported_category_source
             ? std::string(to_string(*finding.reported_category_source))
             : std::string();
}

std::string_view to_string(ReportTemplate kind) {
  switch (kind) {
    case ReportTemplate::BreastImagingReport4200:
      return "4200";
    case ReportTemplate::MammographyCad4000:
      return "4000";
    case ReportTemplate::Other:
      return "other";
    case ReportTemplate::Annotation:
      return "annotation";
  }
  return "other";
}

namespace {

template <typename Term>
std::optional<Term> named(std::string_view word, std::initializer_list<Term> terms) {
  for (const Term term : terms) {
    if (to_string(term) == word) return term;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Morphology> morphology_named(std::string_view word) {
  if (word == "unrecognised") return std::nullopt;  // not a word a radiologist can give
  return named(
      word, {Morphology::Skin, Morphology::Vascular, Morphology::CoarsePopcorn,
             Morphology::LargeRodLike, Morphology::Round, Morphology::Punctate, Morphology::Rim,
             Morphology::LucentCentred, Morphology::Dystrophic, Morphology::MilkOfCalcium,
             Morphology::Suture, Morphology::Amorphous, Morphology::CoarseHeterogeneous,
             Morphology::FinePleomorphic, Morphology::FineLinear, Morphology::FineLinearBranching,
             Morphology::Microcalcifications, Morphology::Macrocalcifications});
}

std::optional<Distribution> distribution_named(std::string_view word) {
  return named(word, {Distribution::Diffuse, Distribution::Regional, Distribution::Grouped,
                      Distribution::Linear, Distribution::Segmental, Distribution::WithinMass,
                      Distribution::OutsideMass});
}

std::optional<Laterality> laterality_named(std::string_view word) {
  return named(word, {Laterality::Right, Laterality::Left, Laterality::Both});
}

std::optional<Site> site_named(std::string_view word) {
  return named(word, {Site::Ductal, Site::Lobular});
}

std::optional<Change> change_named(std::string_view word) {
  return named(
      word, {Change::New, Change::Increased, Change::Stable, Change::Decreased, Change::Unknown});
}

std::optional<Presence> presence_named(std::string_view word) {
  return named(word, {Presence::Yes, Presence::No, Presence::Unknown});
}

std::optional<Region> region_named(std::string_view word) {
  return named(word, {Region::Subareolar, Region::Central, Region::AxillaryTail, Region::Axilla,
                      Region::ChestWall});
}

std::optional<Quadrant> quadrant_named(std::string_view word) {
  return named(word, {Quadrant::UpperOuter, Quadrant::UpperInner, Quadrant::LowerOuter,
                      Quadrant::LowerInner});
}

std::optional<Depth> depth_named(std::string_view word) {
  return named(word, {Depth::Anterior, Depth::Middle, Depth::Posterior});
}

std::optional<Category> category_named(std::string_view word) {
  return named(word, {Category::Incomplete0, Category::Negative1, Category::Benign2,
                      Category::ProbablyBenign3, Category::Suspicious4, Category::LowSuspicion4A,
                      Category::ModerateSuspicion4B, Category::HighSuspicion4C,
                      Category::HighlySuggestive5, Category::KnownMalignancy6});
}

std::optional<PriorResult> prior_result_named(std::string_view word) {
  return named(word, {PriorResult::Benign, PriorResult::Malignant, PriorResult::HighRisk,
                      PriorResult::Insufficient, PriorResult::Indeterminate,
                      PriorResult::TargetNotInSpecimen, PriorResult::NoCalcificationsInCore});
}

}  // namespace mammocalc
