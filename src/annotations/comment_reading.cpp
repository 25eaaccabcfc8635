#include "annotations/comment_reading.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "findings/lexicon.hpp"
#include "findings/value_sets.hpp"

namespace mammocalc {
namespace {

// Word starts, spaced as spaced_words gives them (German letters spelled out). A comment that
// names the other breast by its relation, asks for a higher category without a number, or asks
// for work-up beside a finding below 4 wants the radiologist's word on it (hostile review 81:
// "Opposite breast needs work-up.", "Upgrade.", "Needs MRI.", "Discuss at MDT." left a benign
// finding unreviewed). A negation before one still asks: review costs less than a miss.
constexpr std::string_view kOtherBreastWords[] = {
    " contralat", " other breast", " other side",    " opposite ",    " contra ",      " gegenseit",
    " kontralat", " andere seite", " anderen seite", " andere brust", " anderen brust"};
constexpr std::string_view kHigherCategoryWords[] = {" upgrade",
                                                     " up grade",
                                                     " hochstuf",
                                                     " hoeherstuf",
                                                     " hoeher stuf",
                                                     " aufstuf",
                                                     " susp",
                                                     " verdaecht",
                                                     " disagree",
                                                     " do not agree",
                                                     " nicht einverstanden",
                                                     " widersprech",
                                                     " second opinion",
                                                     " zweitmeinung"};
// Probably benign or a short-interval follow-up, said of a finding below 3.
constexpr std::string_view kProbablyBenignWords[] = {" probably benign",
                                                     " wahrscheinlich benign",
                                                     " wahrscheinlich gutartig",
                                                     " short interval",
                                                     " short term",
                                                     " 6 month",
                                                     " six month",
                                                     " 6 monat",
                                                     " sechs monat",
                                                     " kurzfrist",
                                                     " halbjaehr"};
// Requests, not findings: "mag views" asks for them, "on magnification views" reports them.
constexpr std::string_view kWorkUpWords[] = {" mri",
                                             " mrt",
                                             " mag ",
                                             " spot ",
                                             " recall",
                                             " call back",
                                             " callback",
                                             " work up",
                                             " workup",
                                             " abklaer",
                                             " mdt",
                                             " tumor board",
                                             " tumour board",
                                             " tumorboard",
                                             " tumorkonf",
                                             " needs ",
                                             " need ",
                                             " get ",
                                             " check ",
                                             " discuss",
                                             " besprech",
                                             " second look",
                                             " correlat",
                                             " korrel",
                                             " tomo",
                                             " vergroesserungsaufnahme",
                                             " zielaufnahm",
                                             " further imag",
                                             " additional imag",
                                             " additional view",
                                             " kontrollbed",
                                             " obtain",
                                             " perform",
                                             " compare with",
                                             " compare ",
                                             " comparison with",
                                             " vergleich mit",
                                             " outside prior",
                                             " true lateral",
                                             " lateral view",
                                             " recommend mag",
                                             " recommend spot",
                                             " recommend us",
                                             " recommend ultrasound",
                                             " please ",
                                             " bitte "};
// Labels a category may be written joined to ("BIRADS4", "R4", "Cat4") or after ("Cat. 4",
// "Rather 4A", "I would call this 4").
constexpr std::string_view kCategoryLabels[] = {
    "birads", "rads", "category", "kategorie", "cat", "kat", "to",  "rather",
    "eher",   "r",    "l",        "u",         "m",   "b",   "c",   "br",
    "bir",    "k",    "acr",      "this",      "it",  "as",  "call"};
// Words after a number that make it a measure, a time or a clock position, no category.
constexpr std::string_view kUnitsAfter[] = {
    "mm",    "cm",     "o",       "oclock", "clock", "uhr",  "h",      "x",     "months",
    "month", "monate", "monaten", "monat",  "weeks", "week", "wochen", "woche", "years",
    "year",  "jahre",  "jahren",  "jahr",   "days",  "tage", "tagen",  "mal",   "times",
    "yrs",   "yr",     "mo",      "mos",    "wk",    "wks"};
// Counted things after a number alone: "four calcifications" is no category, "BI-RADS 4
// calcifications" is (review of session 58).
constexpr std::string_view kCountedAfter[] = {
    "calcs",        "calcifications", "calcification", "microcalcifications",
    "foci",         "flecks",         "specks",        "particles",
    "groups",       "clusters",       "views",         "images",
    "verkalkungen", "herde",          "gruppen",       "aufnahmen",
    "ebenen",       "partikel"};
// Before a word start, makes it denied: "no MRI needed", "kein Malignitaetsverdacht".
constexpr std::string_view kDenials[] = {
    " no",    " not",   " kein", " keine", " keinen",  " keiner",      " without",  " ohne",
    " nicht", " never", " nie",  " none",  " nothing", " unnecessary", " unnoetig", " entbehrlich"};
// After one, only these deny it ("Work-up not required", "MRI unnecessary"): a "no" after a
// request starts a statement of its own ("Needs MRI, no change").
constexpr std::string_view kDenialsAfter[] = {" not",      " nicht",       " unnecessary",
                                              " unnoetig", " entbehrlich", " none"};

// Numbers in words, as a category may be written ("Category four").
constexpr std::pair<std::string_view, std::string_view> kNumberWords[] = {
    {"zero", "0"},   {"null", "0"},  {"one", "1"},     {"eins", "1"},  {"two", "2"},
    {"zwei", "2"},   {"three", "3"}, {"drei", "3"},    {"four", "4"},  {"vier", "4"},
    {"five", "5"},   {"fuenf", "5"}, {"six", "6"},     {"sechs", "6"}, {"seven", "7"},
    {"sieben", "7"}, {"eight", "8"}, {"acht", "8"},    {"nine", "9"},  {"neun", "9"},
    {"ten", "10"},   {"zehn", "10"}, {"eleven", "11"}, {"elf", "11"},  {"twelve", "12"},
    {"zwoelf", "12"}};
// A follow-up interval in these, shorter than a year, is short ("Follow-up in 4 months").
constexpr std::string_view kMonthWords[] = {"month", "months", "monat", "monate", "monaten"};

// The closed vocabulary a comment is read with (what_a_comment_says_beyond_fields). Whole words,
// spaced as spaced_words gives them: words that place, count or point at what the fields hold
// and say nothing of its nature, read wherever they stand.
constexpr std::string_view kPlainWords[] = {
    // English
    "a", "an", "the", "of", "in", "on", "at", "to", "from", "for", "by", "and", "or", "as", "is",
    "with", "interval", "are", "be", "been", "has", "have", "had", "this", "that", "these", "those",
    "it", "its", "they", "there", "here", "since", "over", "than", "each", "all", "some", "few",
    "several", "many", "same", "also", "i", "we", "seen", "noted", "visible", "visualized",
    "present", "appear", "appears", "appearance", "appearing", "identified", "see", "shown",
    "shows", "show", "demonstrated", "looks", "look", "compare", "compared", "comparison", "prior",
    "priors", "previous", "year", "years", "month", "months", "week", "weeks", "mm", "cm", "o",
    "clock", "oclock", "h", "x", "nipple", "breast", "breasts", "side", "cc", "mlo", "ml", "lm",
    "xccl", "view", "views", "image", "images", "projection", "mammogram", "mammography",
    "magnification", "magnified", "group", "cluster", "grouped", "form", "forms", "shape", "shapes",
    "size", "sizes", "type", "pattern", "distribution", "morphology", "number", "single",
    "solitary", "isolated", "multiple", "numerous", "small", "tiny", "large", "along", "towards",
    "toward", "follows", "follow", "up", "routine", "screening", "annual", "annually", "yearly",
    "recommend", "recommended", "bi", "rads", "birads", "category", "cat", "assessment", "acr",
    "finding", "findings", "note", "comment", "ok", "okay", "yes", "patient", "asks", "about",
    "rule", "out", "s", "concur", "concurs", "features", "feature", "yrs", "yr", "degenerating",
    "degenerated",
    // German
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "und", "oder", "im", "an", "am", "auf", "bei", "von", "vom", "zu", "zur", "zum", "seit", "mit",
    "als", "wie", "nach", "vor", "ist", "sind", "wird", "auch", "seite", "brust", "mamma",
    "aufnahme", "aufnahmen", "ebene", "ebenen", "uhr", "jahr", "jahre", "jahren", "jahres", "monat",
    "monate", "monaten", "voraufnahme", "voraufnahmen", "vergleich", "voruntersuchung", "mamille",
    "gruppe", "gruppiert", "herd", "herde", "verteilung", "einzeln", "einzelne", "vereinzelt",
    "vereinzelte", "zahlreiche", "wenige", "sichtbar", "gesehen", "erkennbar", "dargestellt",
    "kategorie", "kat", "befund", "befunde", "kontrolle", "routinekontrolle", "empfohlen",
    "empfehlung", "vergroesserung",
    // numbers in words (categories among them are read by category_numbered)
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "eins", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwoelf"};
// Words that name a breast: read where they name the finding's own (hostile review 87: "Same in
// the LT breast.", "L4" passed beside a right finding). "R" or "L" right before a view name is
// the view's ("See L CC view").
constexpr std::string_view kRightWords[] = {"right",  "r",       "rt",      "re",     "rechts",
                                            "rechte", "rechten", "rechter", "rechtes"};
constexpr std::string_view kLeftWords[] = {"left",  "l",      "lt",     "li",    "links",
                                           "linke", "linken", "linker", "linkes"};
constexpr std::string_view kBothWords[] = {"both",   "bilateral", "bilaterally", "beide",
                                           "beiden", "beidseits", "beidseitig",  "bds"};
constexpr std::string_view kViewWords[] = {"cc", "mlo", "ml", "lm", "xccl"};
// Words that place the calcifications in the breast: read only where the fields place them
// nowhere (hostile review 87: "Popcorn, UOQ." beside a finding at 3 o'clock passed).
constexpr std::string_view kPlaceWords[] = {
    "quadrant",   "quadrants",      "upper",     "lower",  "outer",   "inner",     "central",
    "subareolar", "retroareolar",   "axillary",  "tail",   "axilla",  "region",    "area",
    "anterior",   "middle",         "posterior", "depth",  "third",   "lateral",   "medial",
    "superior",   "inferior",       "uoq",       "uiq",    "loq",     "liq",       "oben",
    "unten",      "aussen",         "innen",     "oberer", "unterer", "aeusserer", "innerer",
    "zentral",    "retromamillaer", "axillaer",  "ooq",    "oiq",     "uaq",       "oaq"};
// Articles, skipped when what stands before a word is asked ("not a benign …").
constexpr std::string_view kArticles[] = {"a",     "an",    "the",   "ein",  "eine",
                                          "einer", "eines", "einem", "einen"};
// Word starts that say the calcifications are benign or of a benign kind, or agree with the
// fields: read when not denied ("not typical", "kein typischer Befund" doubt them).
constexpr std::string_view kBenignStarts[] = {
    "benign",     "gutartig",     "typical",     "typisch",   "classic",      "characteristic",
    "stable",     "stabil",       "stability",   "unchanged", "unveraendert", "konstant",
    "consistent", "vascular",     "vessel",      "arterial",  "gefaess",      "popcorn",
    "eggshell",   "dermal",       "skin",        "haut",      "coarse",       "grob",
    "punctate",   "punktfoermig", "lucent",      "dystroph",  "necros",       "nekros",
    "cyst",       "zyst",         "fibroadenom", "involut",   "secretory",    "sekretor",
    "suture",     "layer",        "tangential",  "sutur",     "plasma",       "mastitis",
    "diffus",     "scatter",      "verstreut",   "regional",  "agree",        "concordant",
    "konkordant", "correct",      "korrekt",     "negativ",   "unremarkable", "unauffaellig",
    "harmless",   "harmlos",      "round",       "rund",      "calcium",      "centered",
    "physiolog"};
// Benign words read whole: as word starts they passed other words ("normal" passed "Normally
// …", "fat" "fatal", "like" "likelihood"; review of session 58, L9).
constexpr std::string_view kBenignWords[] = {"fat",  "fatty",  "fett", "oil",  "oily",
                                             "oel",  "rod",    "rods", "rim",  "rims",
                                             "like", "normal", "milk", "milch"};
// Word starts that name the calcifications themselves: read when not denied ("no
// calcifications" on a finding doubts it is there).
constexpr std::string_view kCalcificationStarts[] = {
    "calc", "macrocalc", "verkalk", "kalk",  "makrokalk", "kalzif",
    "foci", "focus",     "fleck",   "speck", "particle",  "partikel"};
// Word starts that call them microcalcifications: read unless the fields give them a coarse kind
// ("Microcalcifications." beside a popcorn finding; hostile review 88).
constexpr std::string_view kMicroStarts[] = {"microcalc", "mikrokalk", "mikroverkalk",
                                             "mikrokalzif"};
// Word starts that place the calcifications in a duct or a lobule: read where the finding's
// site is that one, else they say what its fields do not.
constexpr std::string_view kDuctStarts[] = {"duct",      "intraduct",  "periduct",
                                            "milchgang", "milchgaeng", "gang",
                                            "gaenge",    "duktal",     "intradukt"};
constexpr std::string_view kLobuleStarts[] = {"lobul", "acin", "azin"};
// Word starts of a deposit's removal: read where the fields say it bothers the patient.
constexpr std::string_view kRemovalStarts[] = {"remov", "entfern"};
// Word starts of requests, worries and changes: read only where denied ("No further work-up
// needed.", "MRI not required", "keine Zunahme"); affirmed, the radiologist reads them.
constexpr std::string_view kWorryStarts[] = {
    "need", "necess", "notwendig", "noetig", "erforderlich", "requir", "indicat", "indiz",
    "further", "weiter", "additional", "zusaetzlich", "work", "mri", "mrt", "mag", "spot", "recall",
    "callback", "call", "abklaer", "mdt", "tumor", "tumour", "discuss", "besprech", "correlat",
    "korrel", "tomo", "zielaufnahm", "imag", "obtain", "perform", "check", "get", "please", "bitte",
    "second", "opinion", "zweitmeinung", "suspic", "susp", "verdacht", "verdaecht", "malig",
    "boesartig", "increas", "zunahm", "zunehm", "zugenommen", "new", "neu", "chang", "veraender",
    "grow", "progred", "progress", "action", "massnahm", "biops", "stanz", "vakuum", "dcis",
    "cancer", "carcinom", "karzinom", "interven", "surg", "operat", "excis", "concern", "worr",
    "abnorm", "auffaellig", "doubt", "zweifel", "evidence", "hinweis", "sign", "anhalt", "upgrade",
    "hochstuf", "aufstuf", "disagree", "ultrasound", "us", "sono", "risk", "risiko", "short",
    "kurzfrist", "probabl", "wahrscheinlich",
    // Time: what was, is now or only then ("Was benign.", "Now 20 mm, prior 5 mm.", "Benign only
    // on CC view."; hostile review 87).
    "handlungsbedarf", "confirm", "bestaetig", "massnahmen", "was", "were", "previously",
    "formerly", "then", "now", "earlier", "last", "ago", "only", "per", "war", "waren", "damals",
    "frueher", "vorher", "zuvor", "jetzt", "nun", "nur"};

bool starts_with_any(std::string_view word, const std::string_view* first,
                     const std::string_view* last) {
  return std::any_of(first, last,
                     [word](std::string_view start) { return word.rfind(start, 0) == 0; });
}

template <std::size_t N>
bool is_one_of(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

bool is_denial(std::string_view word) {
  return std::any_of(std::begin(kDenials), std::end(kDenials),
                     [word](std::string_view denial) { return denial.substr(1) == word; });
}

bool is_denial_after(std::string_view word) {
  return std::any_of(std::begin(kDenialsAfter), std::end(kDenialsAfter),
                     [word](std::string_view denial) { return denial.substr(1) == word; });
}

bool is_number(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::string upper(std::string token) {
  std::transform(token.begin(), token.end(), token.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return token;
}

std::vector<std::string> words_of(const std::string& spaced) {
  std::istringstream words(spaced);
  return {std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
}

bool says_any_of(const std::string& words, const std::string_view* first,
                 const std::string_view* last) {
  return std::any_of(
      first, last, [&](std::string_view start) { return words.find(start) != std::string::npos; });
}

// Whether one of the word starts stands where neither of the two words before it denies it
// ("No further work-up needed." asks for none; hostile review 82: benign comments raised review)
// nor a denial that follows one does ("Work-up not required").
bool says_affirmed(const std::string& words, const std::string_view* first,
                   const std::string_view* last) {
  const auto word_at = [&words](std::size_t begin, std::size_t end) {
    return std::string_view(words.data() + begin + 1, end - begin - 1);
  };
  const auto denial_before = [&](std::size_t at) {
    std::size_t begin = at;
    for (int word = 0; word < 2 && begin > 0; ++word) {
      const std::size_t previous = words.rfind(' ', begin - 1);
      if (previous == std::string::npos) break;
      if (is_denial(word_at(previous, begin))) return true;
      begin = previous;
    }
    return false;
  };
  const auto denial_after = [&](std::size_t at) {
    std::size_t begin = words.find(' ', at + 1);  // after the start's first word
    for (int word = 0; word < 3 && begin != std::string::npos && begin + 1 < words.size(); ++word) {
      const std::size_t next = words.find(' ', begin + 1);
      if (next == std::string::npos) break;
      if (is_denial_after(word_at(begin, next))) return true;
      begin = next;
    }
    return false;
  };
  return std::any_of(first, last, [&](std::string_view start) {
    for (std::size_t at = words.find(start); at != std::string::npos;
         at = words.find(start, at + 1)) {
      if (!denial_before(at) && !denial_after(at)) return true;
    }
    return false;
  });
}

// A comment's words in order (spaced_words, numbers in words as digits), each with the statement
// it stands in: punctuation and the words that start another statement ("but", "however",
// "aber"; meaning_clause_starts) end one, and a negation reaches no further ("No change. BI-RADS
// 2." denies no category; "No change but needs MRI" asks for MRI).
struct CommentWord {
  std::string word;
  int statement = 0;
};

std::vector<CommentWord> comment_words(const std::string& comment) {
  std::vector<std::string_view> starts;
  for (const std::string_view start : meaning_clause_starts()) {
    const std::string_view word = start.substr(1, start.size() - 2);
    if (word.find(' ') == std::string_view::npos) starts.push_back(word);
  }
  std::vector<CommentWord> words;
  int statement = 0;
  const auto add_part = [&](std::string_view part) {
    for (std::string& word : words_of(spaced_words(part))) {
      if (std::find(starts.begin(), starts.end(), word) != starts.end()) ++statement;
      for (const auto& [spelled, digits] : kNumberWords) {
        if (word == spelled) word = std::string(digits);
      }
      words.push_back({std::move(word), statement});
    }
    ++statement;
  };
  std::size_t begin = 0;
  for (std::size_t at = 0; at < comment.size(); ++at) {
    const char c = comment[at];
    const bool spaced_dash = c == '-' && at > 0 && comment[at - 1] == ' ' &&
                             at + 1 < comment.size() && comment[at + 1] == ' ';
    if (std::string_view(".;:!?()/,").find(c) != std::string_view::npos || spaced_dash) {
      add_part(std::string_view(comment).substr(begin, at - begin));
      begin = at + 1;
    }
  }
  add_part(std::string_view(comment).substr(begin));
  return words;
}

// Whether a denial stands among the `reach` words before word `k` of its statement.
// A present-tense request verb starts a predicate of its own: a denial before it does not reach
// past it ("No change needs biopsy"; review of session 58). "No doubt", "ohne Zweifel" affirm
// what follows them ("Ohne Zweifel bösartig").
bool denied_before(const std::vector<CommentWord>& words, std::size_t k, std::size_t reach) {
  constexpr std::string_view kRequestVerbs[] = {"needs",     "need",      "requires",
                                                "require",   "braucht",   "brauchen",
                                                "benoetigt", "erfordert", "recommend"};
  constexpr std::string_view kDoubtNouns[] = {"doubt", "doubts", "question", "zweifel", "frage"};
  for (std::size_t back = 1; back <= reach && back <= k; ++back) {
    const CommentWord& before = words[k - back];
    if (before.statement != words[k].statement) return false;
    if (is_denial(before.word)) {
      return back == 1 || !is_one_of(words[k - back + 1].word, kDoubtNouns);
    }
    if (is_one_of(before.word, kRequestVerbs)) return false;
  }
  return false;
}

// Whether a denial that follows what it denies stands among the `reach` words after word `k`.
bool denied_after(const std::vector<CommentWord>& words, std::size_t k, std::size_t reach) {
  for (std::size_t ahead = 1; ahead <= reach && k + ahead < words.size(); ++ahead) {
    const CommentWord& after = words[k + ahead];
    if (after.statement != words[k].statement) return false;
    if (is_denial_after(after.word)) return true;
  }
  return false;
}

// Whether number word `k` stands in a run of numbers that is a date or a measured range
// ("3.5.2022", "2-3 o'clock", "4 x 5 mm"): a year in it, or a unit after it. "2/4" and "R2/L4" are
// categories.
bool in_date_or_range(const std::vector<CommentWord>& words, std::size_t k) {
  std::size_t first = k;
  // A date or range is a few numbers: the run is looked at no further (a comment of thousands of
  // numbers would make this quadratic).
  constexpr std::size_t kLongestRun = 6;
  while (first > 0 && k - first < kLongestRun && is_number(words[first - 1].word)) --first;
  std::size_t end = k;
  while (end < words.size() && end - k < kLongestRun &&
         (is_number(words[end].word) || words[end].word == "x")) {
    ++end;
  }
  if (end - first < 2) return false;
  const bool year = std::any_of(
      words.begin() + static_cast<std::ptrdiff_t>(first),
      words.begin() + static_cast<std::ptrdiff_t>(end), [](const CommentWord& word) {
        return is_number(word.word) && (word.word.size() > 2 || std::stoi(word.word) > 31);
      });
  return year || (end < words.size() && is_one_of(words[end].word, kUnitsAfter));
}

// A category a comment names by number, and whether a denial stands before it.
struct NumberedCategory {
  Category category;
  bool denied = false;
};

// Every category a comment names by number: after a label or joined to it ("BI-RADS 4A", "Cat.
// 4", "BIRADS4", "R4"), with its letter ("4B") or alone ("Looks more like a 4", "Category four";
// hostile review 85). Not a measure, count, time or clock position ("4 mm", "3 o'clock", "two
// groups"), a number beside another (a date, a range) nor a past one ("Previously 4").
std::vector<NumberedCategory> categories_numbered(const std::vector<CommentWord>& words) {
  const auto is_label = [](std::string_view word) { return is_one_of(word, kCategoryLabels); };
  std::vector<NumberedCategory> named;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& word = words[k].word;
    const std::size_t digit = word.find_first_of("0123456789");
    if (digit == std::string::npos) continue;
    const std::string label = word.substr(0, digit);
    if (!label.empty() && !is_label(label)) continue;
    const std::optional<Category> category = category_named(upper(word.substr(digit)));
    if (!category) continue;
    const std::string after = k + 1 < words.size() ? words[k + 1].word : std::string();
    if (is_one_of(after, kUnitsAfter)) continue;
    const bool after_label = !label.empty() || (k > 0 && is_label(words[k - 1].word));
    const bool lettered = word.size() - digit == 2;
    const bool bare = !after_label && !lettered;
    if (bare && (is_one_of(after, kCountedAfter) || in_date_or_range(words, k))) continue;
    // Denied only by the word right before it or its label ("Not 2.", "not a 2", "not BI-RADS
    // 4"); a denial further back denies something else ("No change BI-RADS 4").
    std::size_t back = k;
    while (back > 0 && words[back - 1].statement == words[k].statement &&
           (is_label(words[back - 1].word) || is_one_of(words[back - 1].word, kArticles))) {
      --back;
    }
    const bool denied = back > 0 && words[back - 1].statement == words[k].statement &&
                        is_denial(words[back - 1].word);
    named.push_back({*category, denied});
  }
  return named;
}

// A follow-up interval shorter than a year ("Follow-up in 4 months", "Kontrolle in 6 Monaten").
bool short_interval_named(const std::vector<CommentWord>& words) {
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    if (!is_number(words[k].word) || words[k].word.size() > 2) continue;
    const int months = std::stoi(words[k].word);
    // "6/12" is six months in British notes (hostile review 87).
    if (months >= 1 && months < 12 &&
        (is_one_of(words[k + 1].word, kMonthWords) || words[k + 1].word == "12")) {
      return true;
    }
  }
  return false;
}

// Whether a statement of the comment names a biopsy, tissue or surgery with no denial in it ("No
// biopsy needed." asks for none; "No change, biopsy recommended." does).
bool names_tissue_affirmed(const std::vector<CommentWord>& words) {
  for (std::size_t first = 0; first < words.size();) {
    std::size_t end = first;
    std::string statement;
    bool denied = false;
    for (; end < words.size() && words[end].statement == words[first].statement; ++end) {
      statement += " " + words[end].word;
      denied = denied || is_denial(words[end].word) || is_denial_after(words[end].word);
    }
    if (!denied && names_tissue_or_surgery(statement)) return true;
    first = end;
  }
  return false;
}

// Whether the denial at word `k` denies a request, worry or change (a word of kWorryStarts among
// the three after it: "No further work-up needed.", "No interval change", "not suspicious"), or,
// ending its statement, one right before it ("MRI unnecessary"). Any other denial denies what the
// fields say or what the vocabulary does not read ("not benign", "Not 2.", "Benign - no.",
// "not at 3 o'clock", "not the same"; hostile reviews 85 and 87).
bool denial_read(const std::vector<CommentWord>& words, std::size_t k) {
  const auto worry = [](const std::string& word) {
    return starts_with_any(word, std::begin(kWorryStarts), std::end(kWorryStarts)) &&
           !starts_with_any(word, std::begin(kBenignStarts), std::end(kBenignStarts));
  };
  constexpr std::size_t kReach = 3;
  bool followed = false;
  for (std::size_t ahead = 1; ahead <= kReach && k + ahead < words.size(); ++ahead) {
    const CommentWord& after = words[k + ahead];
    if (after.statement != words[k].statement) break;
    followed = true;
    if (worry(after.word)) return true;
  }
  if (followed) return false;
  return k > 0 && words[k - 1].statement == words[k].statement && is_denial_after(words[k].word) &&
         worry(words[k - 1].word);
}

// The breast a word names, if it names one.
std::optional<Laterality> breast_of_word(const std::string& word) {
  if (is_one_of(word, kRightWords)) return Laterality::Right;
  if (is_one_of(word, kLeftWords)) return Laterality::Left;
  if (is_one_of(word, kBothWords)) return Laterality::Both;
  return std::nullopt;
}

// The clock hour word `k` gives ("9 o'clock", "9:00", "9 Uhr", "nine o'clock", "9h", "9h30",
// "clock 9", "at 9"), if it gives one.
std::optional<int> clock_hour_at(const std::vector<CommentWord>& words, std::size_t k) {
  const std::string& word = words[k].word;
  std::size_t digits = 0;
  while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits])) != 0) {
    ++digits;
  }
  if (digits == 0 || digits > 2) return std::nullopt;
  const int hour = std::stoi(word.substr(0, digits));
  if (hour < 1 || hour > 12) return std::nullopt;
  const std::string rest = word.substr(digits);
  // "9h", "9h30", "9h00"
  if (rest == "h" || (rest.size() == 3 && rest[0] == 'h' &&
                      std::isdigit(static_cast<unsigned char>(rest[1])) != 0 &&
                      std::isdigit(static_cast<unsigned char>(rest[2])) != 0)) {
    return hour;
  }
  if (!rest.empty()) return std::nullopt;
  const std::string after = k + 1 < words.size() ? words[k + 1].word : std::string();
  if (after == "o" || after == "oclock" || after == "uhr" || after == "h" || after == "00" ||
      after == "30") {
    return hour;
  }
  // "clock 9", "at 9", "bei 9": a position where no unit or count follows.
  const std::string before = k > 0 ? words[k - 1].word : std::string();
  const bool unit_after = is_one_of(after, kUnitsAfter) || is_one_of(after, kCountedAfter);
  if (!unit_after && (before == "clock" || before == "at" || before == "bei" || before == "um")) {
    return hour;
  }
  return std::nullopt;
}

// Whether the fields give the calcifications a coarse (macroscopic) kind.
bool has_a_coarse_kind(const Finding& finding) {
  constexpr Morphology kCoarse[] = {Morphology::Skin,          Morphology::Vascular,
                                    Morphology::CoarsePopcorn, Morphology::LargeRodLike,
                                    Morphology::Rim,           Morphology::Dystrophic,
                                    Morphology::Suture,        Morphology::MilkOfCalcium,
                                    Morphology::LucentCentred, Morphology::Macrocalcifications};
  return std::any_of(
      finding.morphology.begin(), finding.morphology.end(), [&](const Coded<Morphology>& given) {
        return std::find(std::begin(kCoarse), std::end(kCoarse), given.term) != std::end(kCoarse);
      });
}

// Sizes in millimetres a comment gives ("5 mm", "2 cm").
std::vector<double> sizes_given(const std::vector<CommentWord>& words) {
  std::vector<double> sizes;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    if (!is_number(words[k].word) || words[k].word.size() > 4) continue;
    const double value = std::stod(words[k].word);
    if (words[k + 1].word == "mm") sizes.push_back(value);
    if (words[k + 1].word == "cm") sizes.push_back(value * 10);
  }
  return sizes;
}

// Whether a word holding digits is one the vocabulary reads: a number, a number with its unit,
// ordinal, clock hour or category letter ("5mm", "2nd", "9h30", "4A"), or a category joined to
// its label ("BIRADS4", "R4"). Any other ("BRCA1", "T1", "M2", "B5") says what is not read
// (hostile review 89: "Benign; patient has BRCA1" asked nothing).
bool digit_word_read(const std::string& word) {
  const std::size_t first = word.find_first_of("0123456789");
  const std::size_t after = std::min(word.find_first_not_of("0123456789", first), word.size());
  const std::string label = word.substr(0, first);
  const std::string rest = word.substr(after);
  if (!label.empty()) {
    return is_one_of(label, kCategoryLabels) && (rest.empty() || rest.size() == 1);
  }
  // An ordinal or a times ("2nd look", "2x") says what the vocabulary does not read.
  constexpr std::string_view kAfterDigits[] = {"", "mm", "cm", "h", "a", "b", "c"};
  const bool clock_minutes = rest.size() == 3 && rest[0] == 'h' &&
                             std::isdigit(static_cast<unsigned char>(rest[1])) != 0 &&
                             std::isdigit(static_cast<unsigned char>(rest[2])) != 0;  // "9h30"
  return is_one_of(rest, kAfterDigits) || clock_minutes;
}

// What the words of a comment beside a finding below 4 say beyond its fields, read with the
// closed vocabulary above: the first word it does not read, or one that says what the fields do
// not (another breast, another place, a denial of what they say). Empty when it reads every
// word as saying nothing more.
std::string words_beyond_fields(const std::vector<CommentWord>& words, const Finding& finding) {
  const Location& where = finding.location;
  const bool placed = where.clock_hour || where.quadrant || where.region;
  const std::vector<double> sizes = sizes_given(words);
  if (std::adjacent_find(sizes.begin(), sizes.end(), std::not_equal_to<>()) != sizes.end()) {
    return "gives sizes that differ";  // "Now 20 mm, prior 5 mm." (hostile review 87)
  }
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& word = words[k].word;
    // Categories by number are read by categories_numbered; other numbers are measures, counts,
    // dates and times: a clock position other than the finding's places them elsewhere.
    if (word.find_first_of("0123456789") != std::string::npos) {
      if (!digit_word_read(word)) return "says more than mammocalc reads in a comment";
      const std::optional<int> hour = clock_hour_at(words, k);
      if (hour && where.clock_hour && clock_distance(*hour, *where.clock_hour) > 1) {
        return "places them at another clock position";
      }
      // A number of views ("1 view", "only 2 views") says how the exam was done.
      constexpr std::string_view kViewCounted[] = {"view",  "views",  "projection", "projections",
                                                   "ebene", "ebenen", "aufnahme",   "aufnahmen"};
      if (k + 1 < words.size() && (is_one_of(words[k + 1].word, kViewWords) ||
                                   is_one_of(words[k + 1].word, kViewCounted))) {
        return "says more than mammocalc reads in a comment";
      }
      continue;
    }
    if (is_denial(word)) {
      if (!denial_read(words, k)) return "denies what it names";
      continue;
    }
    if (is_one_of(word, kPlainWords)) continue;
    if (const std::optional<Laterality> breast = breast_of_word(word)) {
      const bool view_letter =
          word.size() == 1 && k + 1 < words.size() && is_one_of(words[k + 1].word, kViewWords);
      if (view_letter || finding.laterality == *breast || finding.laterality == Laterality::Both) {
        continue;
      }
      return "names another breast";
    }
    if (is_one_of(word, kPlaceWords)) {
      if (!placed) continue;
      return "places them where its fields do not";
    }
    // The fields say the deposit bothers the patient (rule A2 discusses removal).
    if (finding.procedure.bothered_by_deposit &&
        starts_with_any(word, std::begin(kRemovalStarts), std::end(kRemovalStarts))) {
      continue;
    }
    if (starts_with_any(word, std::begin(kDuctStarts), std::end(kDuctStarts))) {
      if (finding.stated_site == Site::Ductal) continue;
      return "places the calcifications in a duct";
    }
    if (starts_with_any(word, std::begin(kLobuleStarts), std::end(kLobuleStarts))) {
      if (finding.stated_site == Site::Lobular) continue;
      return "places the calcifications in a lobule";
    }
    if (starts_with_any(word, std::begin(kMicroStarts), std::end(kMicroStarts))) {
      if (!has_a_coarse_kind(finding)) continue;
      return "calls them microcalcifications, which its coarse kind is not";
    }
    if (is_one_of(word, kBenignWords) ||
        starts_with_any(word, std::begin(kBenignStarts), std::end(kBenignStarts)) ||
        starts_with_any(word, std::begin(kCalcificationStarts), std::end(kCalcificationStarts))) {
      continue;  // a denial of them is read at the denial
    }
    if (starts_with_any(word, std::begin(kWorryStarts), std::end(kWorryStarts))) {
      if (denied_before(words, k, 4) || denied_after(words, k, 3)) continue;
      return "asks for something or raises a worry";
    }
    return "says more than mammocalc reads in a comment";
  }
  return {};
}

}  // namespace

std::string what_a_comment_says_beyond_fields(const std::string& comment, const Finding& finding) {
  if (comment.empty()) return {};
  if (comment.size() > kLongestCommentRead) {
    return "is longer than mammocalc reads (" + std::to_string(comment.size()) + " bytes, over " +
           std::to_string(kLongestCommentRead) + ")";
  }
  if (!unreadable_marks(comment).empty()) return "holds characters mammocalc does not read";
  const std::vector<MeaningClause> clauses = meaning_clauses(comment);
  if (std::any_of(clauses.begin(), clauses.end(),
                  [](const MeaningClause& clause) { return clause.uncertain; })) {
    return "is uncertain";
  }
  const std::vector<PriorResult> results = prior_results_meant(comment);
  if (std::any_of(results.begin(), results.end(),
                  [](PriorResult result) { return result != PriorResult::Benign; })) {
    return "names a biopsy result";
  }
  const std::vector<Morphology> forms = morphologies_meant(comment);
  const std::vector<Distribution> distributions = distributions_meant(comment);
  const auto has_form = [&](Morphology form) {
    return std::any_of(finding.morphology.begin(), finding.morphology.end(),
                       [form](const Coded<Morphology>& given) { return given.term == form; });
  };
  const bool new_form = std::any_of(forms.begin(), forms.end(), [&](Morphology form) {
    return is_suspicious(form) && !has_form(form);
  });
  const bool new_distribution =
      std::any_of(distributions.begin(), distributions.end(), [&](Distribution distribution) {
        return follows_a_duct(distribution) &&
               (!finding.distribution || finding.distribution->term != distribution);
      });
  if (new_form || new_distribution) return "names a suspicious form or distribution";
  // New or grown (hostile review 80: "Increased in number since last year." left a stable
  // coded group probably benign, unreviewed; C4 makes it 4A).
  if (growth_named(comment) && finding.change != Change::New &&
      finding.change != Change::Increased) {
    return "says the calcifications are new or increased";
  }
  const std::vector<Laterality> sides = lateralities_named(comment, false);
  const std::string words = spaced_words(comment);
  if (std::any_of(sides.begin(), sides.end(),
                  [&](Laterality side) {
                    return finding.laterality != Laterality::Unknown && side != finding.laterality;
                  }) ||
      says_any_of(words, std::begin(kOtherBreastWords), std::end(kOtherBreastWords))) {
    return "names another breast";
  }
  const Category own = finding.reported_category.value_or(Category::ProbablyBenign3);
  if (const auto named = suspicion_in_words(comment);
      named && more_suspicious(*named, own) != own) {
    return "calls it suspicious";
  }
  // A category by number after its name ("BI-RADS 4A", "Category 5", "Upgrade to 4"; hostile
  // review 37, H37-2) or joined to it ("BIRADS4", "R4"; hostile review 81).
  // Any category above its own, 0 and 3 too ("BI-RADS 0.", "R3" beside a benign finding;
  // hostile review 82).
  const std::vector<CommentWord> spoken = comment_words(comment);
  const std::vector<NumberedCategory> numbered = categories_numbered(spoken);
  const auto named_so = [&numbered](const std::function<bool(Category, bool)>& said) {
    return std::any_of(numbered.begin(), numbered.end(), [&said](const NumberedCategory& named) {
      return said(named.category, named.denied);
    });
  };
  if (named_so([own](Category named, bool denied) {
        return !denied && more_suspicious(named, own) != own;
      })) {
    return "gives a higher category";
  }
  // "Not 2.", "This is not a 2." beside a 2 (hostile review 85).
  if (named_so([own](Category named, bool denied) { return denied && named == own; })) {
    return "denies its category";
  }
  if (says_affirmed(words, std::begin(kHigherCategoryWords), std::end(kHigherCategoryWords))) {
    return "asks for a higher category or disagrees";
  }
  if (category_rank(own) < category_rank(Category::ProbablyBenign3) &&
      (says_affirmed(words, std::begin(kProbablyBenignWords), std::end(kProbablyBenignWords)) ||
       short_interval_named(spoken))) {
    return "says probably benign or a short-interval follow-up";
  }
  // A request or a mention of tissue beside a finding below 4 ("Please biopsy", "Consider VAB";
  // H37-3): the radiologist's word on it is wanted.
  if (category_rank(own) < category_rank(Category::LowSuspicion4A) &&
      names_tissue_affirmed(spoken)) {
    return "speaks of a biopsy";
  }
  if (category_rank(own) < category_rank(Category::LowSuspicion4A) &&
      says_affirmed(words, std::begin(kWorkUpWords), std::end(kWorkUpWords))) {
    return "asks for work-up";
  }
  // Beside a finding the rules may call benign, any word the vocabulary does not read asks; one
  // whose fields are suspicious already is not made less so by its comment.
  const bool fields_suspicious =
      std::any_of(finding.morphology.begin(), finding.morphology.end(),
                  [](const Coded<Morphology>& given) { return is_suspicious(given.term); }) ||
      (finding.distribution && follows_a_duct(finding.distribution->term));
  if (category_rank(own) < category_rank(Category::LowSuspicion4A) && !fields_suspicious) {
    return words_beyond_fields(spoken, finding);
  }
  return {};
}

}  // namespace mammocalc
