#pragma once
// The vocabulary: DICOM codes ↔ our enums ↔ the BI-RADS words the summary prints.
// Every mapping is a table in lexicon.cpp with the context group it comes from (domain.md §3).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/codes.hpp"
#include "findings/findings.hpp"

namespace mammocalc {

// Code → term. Each returns an empty optional when the code is not in the context group.
std::optional<Morphology> morphology_for(const Code& code);      // CID 6010
std::optional<Distribution> distribution_for(const Code& code);  // CID 6012
std::optional<Laterality> laterality_for(const Code& code);      // CID 6022, CID 244
std::optional<int> clock_hour_for(const Code& code);             // CID 6018, clock positions
std::optional<Region> region_for(const Code& code);              // CID 6018, regions
std::optional<Quadrant> quadrant_for(const Code& code);          // CID 6020
std::optional<Depth> depth_for(const Code& code);                // CID 6024
std::optional<Change> change_for(const Code& code);              // CID 6002
// CID 6027 (the categories of CID 6026); 111120 is an assessment but no category: see
// is_assessment_code() in value_sets.hpp.
std::optional<Category> category_for(const Code& code);
// CID 6063, CID 6066 (target not in the specimen), and every pathology code of CID 6030
// (6031 benign, 6032 high risk, 6033 malignant) and CID 6159 (malignant): pathology_result_for().
std::optional<PriorResult> prior_result_for(const Code& code);
std::optional<Site> site_for(const Code& code);  // duct / lobule anatomy

// Meaning → term: the term of the context group whose canonical code meaning (or BI-RADS word)
// this code meaning is, compared on letters and digits alone, case-blind ("Fine pleomorphic
// calcification", "fine-pleomorphic"). Codes are read by value and scheme, never by meaning:
// this only finds a meaning that names another term than its code value (a discordance).
// Empty when the meaning names no term of the group.

// Meaning → terms, for the same check on a calcification's codes: every term of the group the
// meaning names — its canonical meaning or BI-RADS word as above, else a word only that term has,
// in any word form ("Fine pleomorphic calcifications", "Pleomorphic", "Segmental distribution");
// the suspicious terms first. Empty when it names none (hostile review 26, H26-11).
std::vector<Morphology> morphologies_meant(std::string_view meaning);     // CID 6010
std::vector<Distribution> distributions_meant(std::string_view meaning);  // CID 6012
// The BI-RADS category a meaning names: a category token of its own ("5 - Highly suggestive of
// malignancy", "BI-RADS 4B") or a category's words in a clause that does not deny them
// ("Benign; suspicious of malignancy"), the most suspicious of several; else a category's
// canonical words letter for letter ("Negative"). Empty when none.
std::optional<Category> category_meant(std::string_view meaning);  // CID 6027
// The most suspicious category a meaning's words name, numbers aside ("Round, suspicious": 4), as
// a calcification code's meaning may say it; empty when none.
std::optional<Category> category_in_words(std::string_view meaning);
// The same where it calls the calcifications suspicious (4 and above: "Round, suspicious",
// "Calcification of breast, BI-RADS 5"); empty when the words say 3 or less, or nothing.
std::optional<Category> suspicion_in_words(std::string_view meaning);
// Words, one space between them (a warning quoting words_beyond).
std::string joined(const std::vector<std::string>& words);
// Whether a clause of the meaning denies or questions the words of `category` ("Not benign",
// "Benign?", "Possibly benign" on a 2).
bool category_denied(std::string_view meaning, Category category);
// A result code's meaning that names a malignancy ("Malignant neoplasm of breast", "Ductal
// carcinoma in situ"), not negated ("No malignancy", "Benign …"): Malignant; one naming lobular
// carcinoma in situ: HighRisk (CID 6032); else empty. A code that reads as no malignancy by value
// while its meaning names one is discordant (hostile review 28, H28-1).
std::optional<PriorResult> prior_result_meant(std::string_view meaning);  // CID 6030, 6063
// Every result a result or confirmation code's meaning names, clause by clause (a negated clause
// names no malignancy or high-risk lesion; "malignancy not excluded" is indeterminate): high
// risk (atypia, ADH, LCIS, radial scar, phyllodes; not papilloma, a CID 6031 benign code's own
// name), insufficient, target not in the
// specimen, no calcifications in the cores, malignant (hostile review 32, H32-1, H32-3).
std::vector<PriorResult> prior_results_meant(std::string_view meaning);
// The meanings CID 6063 (and its legacy SRT forms) gives the codes of a kind of result.
std::vector<std::string_view> prior_result_meanings(PriorResult result);

// A meaning's clauses (split at punctuation, a spaced dash, and the words of
// meaning_clause_starts: but, however, although, except, which, with, and …), each as
// spaced_words, with whether it negates ("no", "not", "non", "without", "absent") or is
// uncertain ("not excluded", "possible", a question mark): an uncertain clause counts
// (narrative.md §3; hostile review 32, H32-3: one "no" anywhere silenced every later word; 33,
// H33-1: "No mass although asymmetry").
struct MeaningClause {
  std::string words;
  bool negated = false;
  bool uncertain = false;
  // The words a negation does not reach (before its trigger: "Benign, no malignancy" affirms
  // benign; all of them when the clause is not negated; none when the negation follows what it
  // denies: "mass not seen"), and those it denies.
  std::string affirmed;
  std::string denied;
  std::string negation;  // the negation's first word (" no", " negative"), when negated
};
std::vector<MeaningClause> meaning_clauses(std::string_view meaning);
// The characters of a meaning no word of this tool reads: letters and digits of other scripts
// or widths ("Ｍａｌｉｇｎａｎｔ", "５"), and marks that may say doubt or denial ("‽", "¿", "¬",
// "~").
std::vector<std::string> unreadable_marks(std::string_view meaning);
// Whether `words` (spaced) hold `word` as a whole word.
bool holds_word(std::string_view words, std::string_view word);
// The words of a meaning that say more than its code: affirmed (a word a negation denies says
// nothing of the code), neither one of the code's own words (`own`) nor one any category or
// result meaning may hold ("BI-RADS", "category", "of"); "?" for a questioned clause of its own
// words ("Round?"). A meaning that has any is no display of
// its code this tool can vouch for: the words that say more never end (hostile reviews 33 to
// 35), the words that say nothing else do.
std::vector<std::string> words_beyond(std::string_view meaning,
                                      const std::function<bool(std::string_view)>& own);
// Whether a category a meaning names agrees with its code's: the same, or "4 - Suspicious" on a
// 4A code (or "4B" on a 4 code), which says less, not otherwise.
bool categories_agree(Category value, Category meant);
// Those of an Assessment Category meaning: beyond its token ("2", "4A") and the words of its
// name in BI-RADS and DICOM, English and German ("2 - Benign", "Gutartig", "BI-RADS 2: benign
// finding" say nothing more; "Benign, BI-RADS III", "Benign (not final)" do).
std::vector<std::string> category_meaning_beyond(std::string_view meaning, Category category);
// The breasts a Laterality meaning names in words (English, German, "Lt", "R"; "Right and left
// breast" names both too), and its words beyond its own breast's ("Right breast (left)",
// "Contralateral breast", "Right breast?", "Not right breast" on the right code; hostile review
// 36, H36-7).
// `abbreviations`: read "R", "L", "Rt", "Lt" too (a code's meaning; not free text, where "R/O"
// and "L CC" are no breast: review 40, R40-17).
std::vector<Laterality> lateralities_named(std::string_view meaning, bool abbreviations = true);
std::vector<std::string> laterality_meaning_beyond(std::string_view meaning, Laterality side);
// Those of a Calcification Type or Distribution meaning: beyond its term's canonical meanings,
// BI-RADS name and naming words, English and German ("Fine pleomorphic microcalcifications",
// "feinlinear verzweigt" say nothing more; "Cast-like", "DCIS-like", "Round?" do).
std::vector<std::string> morphology_meaning_beyond(std::string_view meaning, Morphology term);
std::vector<std::string> distribution_meaning_beyond(std::string_view meaning, Distribution term);
// The words that start a clause of a meaning, spaced (" although "): every terminator the English
// narrative wordings end a negation's scope with on either side is one (lexicon_test).
std::vector<std::string_view> meaning_clause_starts();
// A meaning as one string of its words: lower case, every character but letters and digits a
// space, a space at both ends, so that " core" is found at a word's start ("score" holds none);
// German ä, ö, ü, ß as ae, oe, ue, ss. One byte of the meaning for each character.
std::string spaced_words(std::string_view meaning);

// Letters and digits only, lower case: how two meanings are compared.
std::string meaning_key(std::string_view text);

// The code the rules use for a morphology or distribution term (for the summary).
CodeConst code_of(Morphology term);
CodeConst code_of(Distribution term);
// The codes a written SR uses (the first, standard code of each table; never a legacy one).
CodeConst code_of(Laterality laterality);  // CID 6022 Side; empty for Unknown
CodeConst clock_code(int hour);            // CID 6018; empty outside 1..12
CodeConst code_of(Region region);
CodeConst code_of(Quadrant quadrant);
CodeConst code_of(Depth depth);
CodeConst code_of(Change change);  // empty for Unknown
CodeConst code_of(Category category);
CodeConst code_of(Site site);  // empty for Unknown
CodeConst code_of(PriorResult result);

// Words the summary prints: lower-case, hyphenated BI-RADS terms.
std::string_view to_string(Morphology term);
std::string_view to_string(Distribution term);
std::string_view to_string(Laterality laterality);
std::string_view to_string(Site site);
std::string_view to_string(SiteSource source);
std::string_view to_string(LateralitySource source);
std::string_view to_string(TextCrossCheck check);  // "restates", "covered", "discordant"
std::string_view to_string(
    Findings::TextUse use);  // "read", "listed", "paired"  // "finding", "sub-item", "procedure" …
std::string_view to_string(Change change);
std::string_view to_string(Presence presence);
std::string_view to_string(Region region);
std::string_view to_string(Quadrant quadrant);
std::string_view to_string(Depth depth);
std::string_view to_string(Category category);  // "0" … "6", "4A"
std::string_view to_string(PriorResult result);
std::string_view to_string(Origin origin);
std::string_view to_string(ReportedSource source);  // "finding", "overall" …
std::string_view to_string(ReportTemplate kind);    // "4200", "4000", "other", "annotation"
std::string_view to_string(MentionStatus status);   // "affirmed", "negated", …
std::string_view to_string(ReportSection section);  // "findings", "impression", "unsectioned" …
std::string_view to_string(NarrativeField field);  // the summary's names: "morphology", "clock" …
// Where the finding's reported category came from, or "" when it has none.
std::string reported_source_words(const Finding& finding);

// Word → term: the inverse of to_string() above, for annotation files. Empty when unknown.
std::optional<Morphology> morphology_named(std::string_view word);
std::optional<Distribution> distribution_named(std::string_view word);
std::optional<Laterality> laterality_named(std::string_view word);
std::optional<Site> site_named(std::string_view word);
std::optional<Change> change_named(std::string_view word);
// Whether free words (an annotation's comment) say the calcifications are new or grew ("Increased
// in number since last year", "neu aufgetreten", "mehr als 2024"), not where a negation stands
// right before ("no increase", "keine Zunahme").
bool growth_named(std::string_view words);
// The clock hour a meaning names ("9 o'clock position", "9 Uhr"), 1 to 12; empty when none.
std::optional<int> clock_hour_meant(std::string_view meaning);
// The meaning a position or change code (CID 6018 clock and region, 6020, 6024, 6002) has in the
// standard; empty for another code.
std::optional<std::string_view> own_meaning(const Code& code);
// Whether a meaning is that own meaning, word for word as spaced_words spells them, or it
// without a tail that names nothing ("3 o'clock" for "3 o'clock position", "No significant
// changes" for "… in the finding"); a clock position may also read "3 Uhr" or "3".
bool is_own_meaning(std::string_view meaning, std::string_view own);
std::optional<Presence> presence_named(std::string_view word);
std::optional<Region> region_named(std::string_view word);
std::optional<Quadrant> quadrant_named(std::string_view word);
std::optional<Depth> depth_named(std::string_view word);
std::optional<Category> category_named(std::string_view word);
std::optional<PriorResult> prior_result_named(std::string_view word);

}  // namespace mammocalc
