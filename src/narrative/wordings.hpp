#pragma once
// The words the narrative reader reads (narrative.md §2–§3), as data. They are loaded from a
// wordings file (narrative-wordings-en.xml beside this header; schemas/narrative-wordings.xsd;
// annotations/wordings_reader),
// never written in code, so a site can read what is matched. Not to be confused with
// findings/lexicon (the code ↔ term tables of coded content).
//
// Every phrase is lower case, words separated by single spaces; the reader folds the report text
// the same way before matching (case and runs of blanks do not matter). A phrase ending in '*'
// matches any word that starts with the phrase ("calcif*").

#include <string>
#include <vector>

#include "base/codes.hpp"
#include "findings/findings.hpp"

namespace mammocalc {

// A phrase and the term it stands for.
template <typename Term>
struct Wording {
  std::string phrase;
  Term term;
};

// What a context phrase does to a calcification mention in its clause (narrative.md §3).
enum class ContextRole {
  Negated,       // "no", "without", "… are not seen"
  Uncertain,     // "possible", "cannot be excluded"
  Historical,    // "history of", "prior", "s/p" — unless the clause also says new or increased
  Hypothetical,  // "if", "should"
  Pseudo,        // "no change in", "not only": looks like a trigger and is not one
  Terminator,    // "but", "however", "except": ends every trigger's scope
  // "deep to the", "adjacent to", "post radiation changes": names what lies around the
  // calcifications; a typically benign word in it or just after it ("skin", "vessel") is no
  // morphology of theirs. Ends the scope of context words as a terminator after the mention does.
  Surroundings,
  // "similar to", "compared with": names other calcifications to compare with ("…, similar to
  // those biopsied in the right breast in 2020"); the breast and the typically benign words it
  // names are theirs, not the mention's. Ends the scope of context words as surroundings do.
  Comparison,
};

// Where a context phrase stands relative to the mention it acts on.
enum class ContextSide { Before, After, Either };

struct ContextWording {
  std::string phrase;
  ContextRole role;
  ContextSide side;
};

// A recommendation named in text (E6 follow-up): its id as the gold set and the summary name it
// ("stereotactic-biopsy") and the CID 6028 code the rules compare (W5, E5).
struct FollowUpWording {
  std::string phrase;
  std::string id;
  Code code;
};

// A heading in one long text ("FINDINGS:", "RIGHT BREAST:"): the section it opens, and for
// per-breast headings the breast the following sentences are about.
struct HeadingWording {
  std::string phrase;  // without the colon
  ReportSection section = ReportSection::Other;
  Laterality laterality = Laterality::Unknown;  // Unknown: not a per-breast heading
};

// Function words the reader's grammar asks about (narrative.md §3), one role each; a language's
// own words for the same questions ("and" / "und", "o'clock" / "uhr").
enum class FunctionWordRole {
  And,                   // joins a list: "and"; after a noun it may start a new statement
  Or,                    // goes on with a list: "or", "nor"
  With,                  // "with": ends a past phrase before a described noun phrase
  ClockAfterHour,        // after an hour, makes it a clock position: "o'clock", "uhr"
  ClockBeforeHour,       // before an hour, makes it a clock position: "at", "bei"
  CategoryFiller,        // between a category word and its value: "category", "is"
  CategoryBeforeNumber,  // a number after it is a category, no count: "rads", "category"
  Disease,               // after a site word, names a disease: "carcinoma" ("ductal carcinoma")
  RefersBack,            // opens a sentence going on about the calcifications just described
  // Before a breast noun, the breast of the calcifications described before it: "same",
  // "ipsilateral" ("in the same breast"), or the other one: "other", "opposite", "contralateral".
  SameBreast,
  OtherBreast,
  BreastNoun,  // "breast", "side": after a same-breast or other-breast word
  // At a line's end, the sentence goes on on the next line even when it starts with a capital:
  // "and", "no" ("No suspicious mass or\ncalcifications"); German "und", "keine", "der".
  ContinuesLine,
  // Places the calcifications of its clause in no place the report names: "elsewhere",
  // "andernorts". Such text never restates a coded finding (row W8).
  Elsewhere,
  // Next to a lobular site or an ultrasound correlate, leaves it unstated: a place apart
  // ("outside", "between", "adjacent"), a part ("partly"), a doubt ("may", "unlikely",
  // "uncertain", "confirmed" as in "not confirmed"). A stated lobular site lowers the category
  // (S2) and a correlate chooses ultrasound guidance (B2): both only when the text says them.
  Doubt,
  // A noun naming another finding than calcifications: "mass", "lesion", "asymmetry"; German
  // "Herdbefund". An assessment word right before it ("a suspicious mass") assesses that finding,
  // and a breast named in its own part of a clause is its breast, not the calcifications'.
  OtherFinding,
  // An other-finding noun naming a lesion to be worked up: "nodule", "lesion", "tumor", "density";
  // German "Herd", "Knoten", "Läsion", "Verdichtung". One the text affirms now on a breast it
  // names is a finding the calcification rules do not assess unless a word calls it benign ("A
  // nodule is seen in the left breast", "Links: Tumor mit Infiltration der Haut": hostile review
  // 47). It is an other-finding noun too.
  LesionNoun,
  // Calls another finding benign: "benign"; German "benigne", "gutartig" ("benign-appearing
  // nodule in the left breast": no lesion to work up).
  CallsBenign,
  // A sign of disease other than calcifications, a finding wherever the text affirms it now:
  // "adenopathy", "thickening", "retraction", "lump", "recurrence"; German "Tastbefund",
  // "Rezidiv", "Hautverdickung" (hostile reviews 44 and 45).
  Sign,
  // Beside an other-finding noun in a clause, makes it a finding to work up: "enlarged",
  // "spiculated", "irregular", "new", "palpable"; German "vergrößert", "neu", "tastbar".
  FindingQualifier,
  // Says the report recommends something: "recommend", "advised", "empfohlen". A sentence that
  // affirms it and names no follow-up the lexicon reads is said, never dropped (hostile review
  // 46, H46-7).
  Recommends,
  // Names a work-up: "biopsy", "MRI", "ultrasound"; German "Biopsie", "MRT", "Abklärung". A
  // short sentence that names one now ("Biopsy.", "MRI.") asks for it (hostile review 48, H48-7).
  WorkUp,
  // Says what the report tells of its own delivery: "notified", "informed", "letter", "sent";
  // German "benachrichtigt", "mitgeteilt". A recommendation section's sentence that holds one and
  // no recommends word asks for nothing (hostile review 48, H48-14).
  Administrative,
  // A result or a work-up awaited, outstanding or declined: "pending", "awaiting", "declined";
  // German "ausstehend". Affirmed in any section, the exam is not complete (hostile review 48,
  // H48-8: "pathology pending" in a procedure section was the past).
  Awaited,
  // A word that says nothing of a finding: "the", "seen", "unremarkable", "fibroglandular"; German
  // "unauffällig", "Drüsenparenchym". Beside coded findings, a part of a sentence that names a
  // breast no finding is on and holds a word that is neither plain nor read otherwise (a lexicon
  // word the text denies or puts in the past is read) says something this tool cannot read of
  // that breast: narrative-unresolved, never benign on the coded part alone (hostile review 49).
  Plain,
  // Makes an exception to what its sentence clears: "except", "besides", "apart"; German
  // "Ausnahme", "ausgenommen", "außer". Affirmed in a part of a sentence that names a breast no
  // finding is on, it says something there this tool did not read ("Unremarkable except for the
  // left breast"; hostile review 49, H49-2).
  Excepts,
  // A word that says nothing of a finding where the text denies it, and that a finding is there
  // where it affirms it: "findings", "changes", "abnormality", "significant"; German
  // "Veränderung", "Auffälligkeit". "No significant change" is plain, "Left breast: changes since
  // prior" is not read (hostile review 52).
  PlainWhenDenied,
  // A word that says nothing of a finding where the text affirms it and says something this tool
  // does not read where it denies it: a state of the breast or the exam ("intact", "stable",
  // "visualized", a view "CC", "MLO"); German "intakt", "stabil", "Ebene". "Implant intact" is
  // plain, "Left breast: implant not intact", "MLO fehlt" are not read (hostile review 52).
  DeniedIsFinding,
  // A view of the exam: "CC", "MLO", "view"; German "Ebene", "Aufnahme". With an only-word or
  // "one" in its part ("CC view only", "nur eine Ebene") the exam is not complete.
  View,
  // The exam's assessment by its name, BI-RADS 0: "incomplete"; German "unvollständig". Without
  // a category 0 before it ("Assessment: Incomplete.") more imaging is awaited, as for an awaited
  // word; "BI-RADS 0: Incomplete" is read as the category.
  Incomplete,
  // Says something else was found on the breast it names: "otherwise"; German "ansonsten",
  // "sonst", "übrigen". Of one breast no coded finding covers ("Left breast: otherwise
  // unremarkable") that something was not read; of both, it is what the report described.
  Otherwise,
  // Before an assessment word, makes it no assessment of now: a judgement of the past
  // ("initially", "originally", "formerly") or a lesser degree ("less"); German "initial",
  // "ursprünglich", "weniger".
  TakesBackAssessment,
  // Stands for a second group of the calcifications just named: "ones", "those", "cluster";
  // German "Gruppe". In a part of the sentence with a breast of its own ("… on the right and new
  // ones on the left") it is a mention of its own, so that group keeps its own words.
  SecondGroup,
  // Opens a sentence that names no calcifications and says only where, right after calcifications
  // were described: more of them are there ("A few in the left breast.", "Another at 9 o'clock.";
  // German "Einige links."): "few", "some", "another", "several"; German "einige", "weitere". A
  // group of its own there, as a likewise word makes one (hostile review 91).
  MoreOf,
  // Names imaging beyond the standard two views of a mammogram: "tomosynthesis", "DBT", "XCCL",
  // "LM", "diagnostic"; German "Tomosynthese", "Mammasonographie", "Zusatzaufnahme". Alone in a
  // short sentence of the impression it is a request (hostile review 93, S2).
  MoreImaging,
  // Points to words elsewhere: "see", "above", "below", "supplementary"; German "siehe", "oben".
  // A sentence of the impression of such words is no unread sentence ("See above."), but on a
  // breast nothing else describes they say nothing read ("Left breast: see below.").
  PointsElsewhere,
  // Labels a number that counts or names something else than a category: "image", "figure",
  // "series", "prior"; German "Bild", "Abbildung". Such a number last on its line is no category
  // that may be stated ("(image 4)").
  NumbersOther,
  // Says imaging was done, as a participle alone: "performed", "obtained"; German
  // "durchgeführt", "erfolgt". More imaging named with it is no request ("Tomosynthesis
  // performed."), unlike the reports-done phrases it hides no other request of its sentence.
  Done,
  // A lesser degree right before an assessment word: "less", "weniger". A negation in front of
  // it ("no less suspicious") is the degree's; "less suspicious" is still suspicious.
  LesserDegree,
  // In a sentence that names a breast and no calcifications, right after calcifications were
  // described: the same are there too ("Left breast same."; German "ebenso"). A group of its own
  // on that breast, as a second-group word makes one.
  Likewise,
  // Stands for no group of the calcifications just named, on the breast of its part of the
  // sentence: "none" ("… on the left, none on the right"); German "keiner". A negated mention of
  // its own, so that breast is not given the other breast's group (hostile review 20).
  NegatedGroup,
  // After a likewise word, names what is the same without saying more of the breast: "findings",
  // "appearance"; German "Befund" ("Links gleicher Befund.").
  FindingNoun,
  // Between two adjacent categories: a range, read as the higher ("BI-RADS 3 to 4"; "3 bis 4").
  CategoryRange,
  // Says a breast is clear, in a part of a sentence that names it and no calcifications:
  // "unremarkable", "normal", "negative"; German "unauffällig", "regelrecht". Beside another
  // breast's group ("…, right breast unremarkable"), that breast is not the group's, as a negation
  // in its part ("…, not on the right") says (hostile review 22).
  ClearsBreast,
  // Restricts what follows to all there is: "only", "purely"; German "nur", "rein". At the end of a
  // pseudo phrase ("not only", "no longer only", "nicht mehr nur") a typically benign kind right
  // after it is denied as all they are ("not only round anymore"): no reason to call them benign.
  Only,
  // Names the breast opposite to the one described before by itself, with no breast noun after
  // it: German "Gegenseite", "gegenseitig", "kontralateral" ("Ähnlicher Mikrokalk kontralateral").
  OtherBreastAlone,
  // Between an hour and its clock-after-hour word: "o" ("10 o clock").
  ClockFiller,
  // Before the first hour of a clock range: "between", "from"; German "zwischen", "von".
  ClockRangeStart,
  // Between the two hours of a clock range: "to", "through"; German "bis". An and-word ("and",
  // "und") joins a range only after a range-start word ("between 2 and 3 o'clock"); a dash
  // between the hours ("2-3 o'clock", "2–3 Uhr") always does.
  ClockRangeJoin,
  // A breast word that may be a direction instead: "right", "left" ("right next to the clip").
  DirectionSide,
  // After such a word, makes it a direction or a verb, no breast: "next", "behind", "of".
  DirectionAfterSide,
  // Before such a word, makes it a direction: "slightly", "just", "immediately".
  DirectionBeforeSide,
  // Right before a clock position, names the breast: "r" ("R 10 o'clock"), "l" ("L 2:00")
  // (hostile review 20: read as no breast, text naming the other breast went unchecked).
  RightBeforeClock,
  LeftBeforeClock,
  // Names the patient, the exam or the report, no finding: "patient", "baseline", "mammogram";
  // German "Patientin", "Basismammographie". "New" right before one names no new finding ("New
  // patient.", "New baseline mammogram."; hostile review 60, a false alarm).
  NoFindingNoun,
  // Says the report or its reading is not final or not agreed: "preliminary", "discordant",
  // "discrepant", "disagrees"; German "vorläufig", "diskrepant", "abweichend". Affirmed in any
  // sentence, the exam is not read whole, as for an awaited word (hostile review 62).
  Unsettled,
  // Makes what comes before it in its sentence hold only on a condition: "if", "unless",
  // "provided that", "subject to"; German "sofern", "falls", "vorausgesetzt". After a benign call
  // with no recommendation between ("Benign if stable at follow-up", "Benigne, sofern die Biopsie
  // nichts anderes ergibt"), the report calls them benign only on a condition it does not settle
  // (hostile review 64); "Return to screening unless clinically indicated" is a recommendation's.
  Condition,
  // Says a biopsy, a marker clip or a wire missed its target: "not sampled", "from the target",
  // "displaced from"; German "nicht getroffen", "disloziert", "vom Zielbereich entfernt". Affirmed
  // in any sentence, the target is still to be sampled or marked: the exam is not complete, as
  // for an awaited word (hostile review 64: "The hookwire tip lies 1 cm lateral to the target").
  MissesTarget,
  // Says why the patient comes for this exam, where the indication or history says it of a
  // breast: "abnormal", "recall", "callback", "dimpling", "nipple bleeding"; German "auffällig",
  // "Abklärung", "Verhärtung". Of a breast no coded finding covers, the reason is all the report
  // says of it (hostile review 65: "INDICATION: Left breast skin dimpling").
  ReasonForExam,
  // Says the words of its clause hold for part of the calcifications only: "most", "mostly",
  // "predominantly", "not all", "all but"; German "überwiegend", "die meisten", "nicht alle", "bis
  // auf". Beside calcifications or a benign call, the rest are not described: benign is not read
  // of all of them (hostile review 65: "Most of the calcifications are benign").
  Partial,
  // Says a disease the history names is of now: "newly", "staging", "neoadjuvant"; German
  // "Erstdiagnose", "präoperativ". Such a disease is the reason for the exam on either breast,
  // covered by coded findings or not (hostile review 65: "Newly diagnosed right breast cancer").
  DiseaseNow,
  // Calls calcifications small: "microcalcifications" (a word starting "micro"), "small", "tiny";
  // German "Mikrokalk", "kleine". With no kind of their own they are not the coded findings of a
  // coarse kind on their breast (Finding::said_small; hostile review 65: "Microcalcifications."
  // beside coded coarse calcifications was covered by them).
  SmallSize,
  // Says a complaint is of long standing or of the cycle: "years" ("for years"), "chronic",
  // "cyclical"; German "Jahren", "zyklusabhängig". In the indication or history its clause names
  // no reason of now (hostile review 66: "Mild left breast pain for years"); elsewhere it says
  // nothing ("stable for years" keeps the calcifications current).
  LongStanding,
  // Names a member of the family: "mother", "sister", "family"; German "Mutter", "Schwester",
  // "Familienanamnese". A disease or lesion after it in its clause is the relative's, no reason
  // for this exam (review 66: "Family history: mother diagnosed with left breast cancer").
  FamilyMember,
  // Puts advice on symptoms still to come, phrases of several words: "if symptoms", "unless
  // clinically indicated", "should the patient develop"; German "bei Beschwerden", "wenn klinisch".
  // The safety net every benign report gives: no request of its own where it names no work-up,
  // and its words say nothing of a breast (hostile review 66: "If symptoms persist, clinical
  // follow-up", "Return to screening unless clinically indicated").
  SafetyNet,
  // Names a treatment done: "lumpectomy", "mastectomy", "radiation", "treated"; German "BET",
  // "Ablatio", "Radiatio", "operiert". A disease of the history's sentence that names one is
  // treated, no reason for the exam, unless a disease-now word says otherwise (review of the
  // change: "Left breast cancer, s/p lumpectomy").
  Treated,
  // Says the exam is limited or does not show the whole breast: "limited study", "not fully
  // included", "images not available", "could not be obtained"; German "eingeschränkt
  // beurteilbar", "nicht vollständig abgebildet". Benign calcifications on such an exam say
  // nothing of what was not seen, unless density alone is the limit, which is routine ("dense
  // tissue limits sensitivity"; hostile review 67).
  LimitedExam,
  // Names a cancer's treatment or work-up going on now, with or without a disease word: "on
  // chemotherapy", "neoadjuvant", "staging", "wire localisation", "Herceptin"; German "laufende
  // Chemotherapie", "Ausbreitungsdiagnostik". In the history it is a reason for the exam of
  // either breast (hostile review 68: "History: on chemotherapy" left the exam benign).
  TreatmentNow,
  // Says the patient has what a relative had: "as did she", "the patient too"; German "Patientin
  // selbst ebenfalls". A sentence holding one names no disease as a relative's alone (hostile
  // review 69: "Her mother had breast cancer, as did she in 2025" was dropped).
  PatientToo,
  // Sets a stated category right: "typo", "should", "error", "sorry"; German "Tippfehler",
  // "richtig", "gemeint". After a category, a number it leads to is a second category said
  // ("BI-RADS 2 (typo, should be 4)"; hostile review 69: the 4 was lost), as a breast word is.
  Corrects,
  // A limit of the exam said without its cause: "limited study", "evaluation limited", "limits
  // evaluation"; German "eingeschränkt beurteilbar". Density, said in its clause as the only
  // cause, explains it; a limited-exam phrase that names a cause ("motion", "missing views",
  // "Lagerung") is never density's doing (hostile review 69: "Limited by dense tissue and by
  // patient motion" was excused).
  LimitWithoutCause,
  // Says the patient is at high risk: "BRCA1", "high-risk patient", "lifetime risk"; German
  // "Mutationsträgerin", "Hochrisikopatientin". Her benign exam's routine screening may not be
  // hers (supplemental MRI), so it is said and reviewed (hostile review 69); a relative's risk is
  // theirs.
  HighRisk,
  // Says a diagnosis is proven: German "gesichert*". A past word that holds one ("histologisch
  // gesichert") puts a proven benign lesion in the past, yet a proven disease is one of now
  // ("Histologisch gesichertes Karzinom links", "Karzinom links bioptisch gesichert"; hostile
  // review 65).
  Proves,
  // Reports a procedure done rather than recommended: "showed", "demonstrates", "confirmed",
  // "was performed", "were obtained". A sentence holding one names no follow-up of its own
  // (outside a recommendation section), unless a purpose word stands before it.
  ReportsDone,
  // Makes the verb after it a purpose, no report: "to" ("Follow-up in 6 months to confirm
  // stability"; hostile review 67).
  Purpose,
  // Says the screening beyond mammography a high risk calls for is in place: "MRI", "annual
  // MRI", "high-risk screening"; German "MRT", "intensivierte Früherkennung". A high-risk
  // sentence that names one needs no note ("BRCA2 carrier, annual mammography and MRI").
  RiskManaged,
  // Names an estimate of her lifetime risk: "lifetime risk", "Tyrer-Cuzick", "IBIS"; German
  // "Lebenszeitrisiko". With a percentage of 20 or more after it in its part she is at high risk
  // ("Tyrer-Cuzick 25%"; hostile review 70); the estimate alone says no risk.
  RiskEstimate,
  // Says the number before it is a percentage: "percent", "pct"; German "Prozent" ("%" is read
  // as such in every language).
  Percent,
  // Calls calcifications irregular in form where no kind phrase holds it: "irregular",
  // "angular", "jagged"; German "zackig", "unregelmäßig", "eckig". Not a kind (dystrophic
  // calcifications are irregular too), but no benign kind describes them: the exam is reviewed
  // (hostile review 71, A1). Before a lesion noun it is that lesion's ("irregular mass").
  IrregularForm,
  // Right after a category label, says none is given: "pending", "tbd"; German "offen",
  // "ausstehend" ("BI-RADS: offen"; hostile review 71, F). Marks alone say so too ("BI-RADS: -",
  // "___", "[ ]").
  CategoryBlank,
  // Opens a comparison of degree with a breast: "than" ("more on the left than on the right").
  // The breast compared with holds such calcifications too, in an amount or degree the text does
  // not give: an uncertain group there, never "no calcification finding" (hostile review 80).
  DegreeComparison,
  // Opens a relative clause: "where", "which"; German "wo", "der", "die". Right after a breast
  // compared with in degree (perhaps after one word: ", in which", ", in der") the words from it
  // on are that breast's ("… than on the right, where a new cluster is seen").
  Relative,
  // Says every view: "views", "either", "both"; German "Ebenen", "beiden". A denial with one
  // beside its view words is of every view; without, of one view only ("not seen on the CC
  // view"): whether they are there cannot be told (hostile review 82).
  EveryView,
  // Names the breast described last by itself, with no breast noun after it: German "dort",
  // "ebendort" ("Links weniger Verkalkungen als rechts. Dort neu gruppierte …"; hostile review
  // 82).
  SameBreastAlone,
  // Opens a comparison that contrasts: "compared"; German "verglichen". A part after the breast
  // it names that opens with a relative word is that breast's ("… on the left compared to the
  // right, where …"), as after a comparison of degree; one of likeness ("similar to") is not.
  Contrasts,
  // Says calcifications are still there now, next to their past: "residual", "remaining",
  // "persistent"; German "residuell", "verblieben" ("Biopsy clip … Residual grouped amorphous
  // calcifications adjacent to the clip": not only the past; hostile review 86).
  StillThere,
};
// The last role (FunctionWords keeps one list per role): keep it the enum's last.
inline constexpr FunctionWordRole kLastFunctionWordRole = FunctionWordRole::StillThere;

struct FunctionWording {
  std::string phrase;  // one word; a trailing '*' matches any word that starts so
  FunctionWordRole role;
};

// Words around a measure ("4 cm from the nipple", "spanning 3 cm"): what the measure is.
enum class MeasureRole {
  FromNipple,     // after the unit: "fn", "from the nipple", "von der mamille"
  FromSkin,       // after the unit: "from the skin"
  FromChestWall,  // after the unit: "from the chest wall"
  ExtentAfter,    // after the unit: "in extent", "area"
  ExtentBefore,   // one word before the number: "spanning", "measuring", "über"
  ExtentFiller,   // one word between that and the number: "approximately", "a", "ca."
};

struct MeasureWording {
  std::string phrase;  // after the unit: words; before the number: one word
  MeasureRole role;
};

// A DICOM code that names the language of a lexicon besides its language tag: ("deu",
// "ISO639_2") for "de". RFC 5646 and ISO 639-1 codes match the tag itself (language_of_code).
struct LanguageCodeWording {
  std::string value;
  std::string scheme;
};

struct Wordings {
  std::string file;      // where they were read from, for messages (the first file)
  std::string language;  // "en", as the file's language attribute gives it
  // Every file read into these wordings, in order: the shipped file, then the site's (--lexicon).
  std::vector<std::string> files;
  std::vector<LanguageCodeWording> language_codes;

  std::vector<std::string> calcification;  // the mention words: "calcif*", "calcs", "microcalc*"
  std::vector<Wording<Morphology>> morphology;
  std::vector<Wording<Distribution>> distribution;
  std::vector<Wording<Site>> site;
  std::vector<Wording<Laterality>> laterality;  // Both for "bilateral", "both breasts"
  std::vector<Wording<Quadrant>> quadrant;
  std::vector<Wording<Region>> region;
  std::vector<Wording<Depth>> depth;
  std::vector<Wording<Change>> change;
  // Words that assess the calcifications they describe, by the BI-RADS category they name:
  // "suspicious" (4), "highly suspicious" (5). Suspicious categories only: a word may raise a
  // finding's category, never lower it (narrative.md §3: assessments, not uncertainty).
  std::vector<Wording<Category>> assessment;
  // The assessment phrases that name a high-risk pathology result ("adh", "radial scar"; written
  // result="high-risk"): a fact about the patient that a past context does not silence, as a
  // prior high-risk result calls for excision (rule B1) whenever it was found.
  std::vector<std::string> high_risk_results;
  std::vector<ContextWording> context;
  std::vector<HeadingWording> headings;
  std::vector<FollowUpWording> follow_up;
  std::vector<std::string> ultrasound_correlate;      // "sonographic correlate"
  std::vector<std::string> mass_with_calcifications;  // "mass with calcifications"
  // A lesion named in the calcifications' clause, not denied: the finding's (C15, C16, W19).
  std::vector<std::string> distortion;  // "architectural distortion"
  std::vector<std::string> asymmetry;   // "focal asymmetry"
  // Words next to such a distortion that say surgery, a scar or trauma at the site caused it
  // ("postsurgical", "lumpectomy site", "Narbe"): not suspicious in its own right (C15), W19 asks.
  std::vector<std::string> distortion_cause;
  // A mass named in a sentence without calcifications ("LEFT BREAST: Mass at 2 o'clock"): a
  // finding of its own the calcification rules do not assess (E15; hostile review 29, H29-9).
  std::vector<std::string> mass;
  // Phrases holding a breast word that name no breast: "snomed rt", "post rt" (radiotherapy).
  // The longest phrase at a place wins, so such a phrase takes the breast word away.
  std::vector<std::string> not_laterality;
  // Phrases holding an assessment word that assess nothing: "vitamin b3" (a vitamin, no B3
  // lesion). Such a phrase takes the assessment word away, as not_laterality takes a breast word.
  std::vector<std::string> not_assessment;
  // Phrases of breast composition sentences, which carry no calcification descriptor
  // ("heterogeneously dense", "scattered fibroglandular").
  std::vector<std::string> composition;
  // Words that make a text about breast imaging (decision-logic.md §6.6): "bi-rads", "mammogra*".
  std::vector<std::string> breast_imaging;
  std::vector<std::string> breast;  // "breast", "mammary"
  // Words ending in '.' that do not end a sentence: "approx.", "dr.", "e.g.".
  std::vector<std::string> abbreviations;
  // Phrases that introduce an assessment category: "bi-rads", "birads", "category".
  std::vector<std::string> category_words;
  std::vector<FunctionWording> function_words;
  std::vector<MeasureWording> measure_words;
  // Words that spell a small number: counts ("two punctate calcifications", 1-12) and categories
  // ("BI-RADS category four", 0-6).
  std::vector<Wording<int>> numbers;
};

// annotations/wordings_reader reads a wordings file into this (it sits with the other strict XML
// readers).

// The shipped English wordings: $MAMMOCALC_DATA_DIR/narrative-wordings-en.xml when that is set,
// else found relative to the running executable (installed: <prefix>/share/mammocalc/; build
// tree: <build>/share/mammocalc/). Throws Error(DataMissing) naming every place looked in when
// none holds it.
std::string default_wordings_file();

// Every shipped lexicon (English first, then German), found as default_wordings_file() finds the
// English one; the same Error(DataMissing) when one is missing.
std::vector<std::string> shipped_wordings_files();

// The language a lexicon is keyed by: the primary subtag of its tag, lower case ("de-DE" → "de").
std::string language_key(const std::string& tag);

}  // namespace mammocalc
