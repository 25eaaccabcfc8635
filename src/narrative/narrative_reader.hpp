#pragma once
// The narrative reader: report text → calcification mentions with their status, narrative
// findings, and the assessment the text states (decision-logic.md §6, rows W7, C14, E6;
// narrative.md). Linear in the length of the text: no regular expressions on input text.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.hpp"
#include "findings/sr_content.hpp"
#include "narrative/report_text.hpp"
#include "narrative/wordings.hpp"

namespace mammocalc::narrative::reading {
class FunctionWords;
}  // namespace mammocalc::narrative::reading

namespace mammocalc {

struct NarrativeReading {
  // Every calcification mention in document order, whatever its status.
  std::vector<TextMention> mentions;
  // One per described group (a findings sentence and the impression restating it are one; two
  // breasts two; "bilateral" one per breast), origin Narrative, from affirmed and uncertain
  // mentions; TextMention::findings index into this vector.
  std::vector<Finding> findings;
  // BI-RADS categories and follow-ups the impression (or an unsectioned text) states, overall
  // (Laterality Unknown) or per breast, with from_text set and the sentence quoted.
  std::vector<OverallStatement> assessments;
  // Follow-ups that ask for tissue (a biopsy, surgery) of a breast the sentence names, each as
  // read, kept with their breast: joined to an overall statement they may lose it, and a biopsy
  // named for a breast with no calcification finding is checked (use_narrative).
  struct TissueFollowUp {
    Code code;
    Laterality laterality = Laterality::Unknown;
    std::string position;
    std::string quote;
  };
  std::vector<TissueFollowUp> tissue_follow_ups;
  // Distortions, asymmetries and masses the text affirms in a sentence without calcifications
  // (hostile review 29, H29-9), each a finding the calcification rules do not assess (from_text,
  // quoted, of the breast its clause or heading names); the first of a kind per breast.
  std::vector<UnassessedFinding> other_lesions;
  // Histories the text names in a sentence without calcifications ("History of DCIS in the left
  // breast, status post lumpectomy", "Z. n. Mammakarzinom rechts"): no current finding, and never
  // gone without trace. Each is a historical mention whose words are the disease named, of the
  // breast its clause (else its heading) names; `before` counts the calcification mentions read
  // before it, so that use_narrative lists it among them in document order.
  struct History {
    TextMention mention;
    std::size_t before = 0;
  };
  std::vector<History> histories;
  // Parts of sentences that name a breast and hold a word this tool cannot read
  // (FunctionWordRole::Plain), or the reason for the exam the indication or history gives on a
  // breast: use_narrative says those of a breast with no finding, beside coded findings (hostile
  // reviews 49, 65).
  // UnreadCategory: a number the text may give as a category after a label or a word not read
  // ("Impression: 4.", "Cat 4."), said in a text-only report too.
  enum class StatementKind { Unread, ReasonForExam, UnreadCategory };
  struct BreastStatement {
    Laterality laterality = Laterality::Unknown;
    std::string word;  // the first word not read, or the one that names the reason
    std::string quote;
    std::string position;
    // Said of "the other breast" ("contralateral breast", "Gegenseite"): laterality is both,
    // as either may be the one meant.
    bool other_breast = false;
    // Its sentence names calcifications, or it says "otherwise": a part of it on a breast coded
    // findings cover is the pairing's to weigh (W8, W16), not a statement of its own.
    bool beside_calcifications = false;
    StatementKind kind = StatementKind::Unread;
  };
  std::vector<BreastStatement> breast_statements;
  // What the text states that cannot be read, quoted ("BI-RADS 7": a category that does not
  // exist): never dropped, an unresolved note on the exam (its review).
  std::vector<ReaderNote> notes;
  // The text names the breast together with breast-imaging words (decision-logic.md §6.6).
  bool breast_imaging_text = false;
  // TEXT items with a value: a report whose text found no mention was still read as text.
  std::size_t text_items = 0;
  // Their values, whitespace collapsed as quotes give them (Findings::report_text).
  std::vector<std::string> report_text;
  // Set when the text is beyond what the reader takes (kMaxReportTextBytes,
  // kMaxReportTextMentions): the reading stopped there, and the report must be refused, never
  // summarised from part of its text. Says which limit, e.g. "more than 20000 calcification
  // mentions in the report text".
  std::string limit_exceeded;
};

// What one report's text may hold. Real reports have some kilobytes and a few dozen mentions;
// the limits keep a hostile or garbled text from taking the memory of a batch or a PACS hook
// (each mention keeps its sentence, and a mebibyte of text is some 300,000 tokens).
inline constexpr std::size_t kMaxReportTextBytes = std::size_t{16} * 1024 * 1024;
inline constexpr std::size_t kMaxReportTextMentions = 20000;

// The wordings made ready for matching: the phrase index and the headings, built once per run
// (built per report, they cost a tenth of a batch's throughput). Shared, never copied deep: the
// index holds views into its own storage. Default: no wordings, nothing is read.
struct PreparedWordings {
  std::shared_ptr<const Wordings> wordings;
  std::shared_ptr<const narrative::PhraseIndex> index;
  std::shared_ptr<const std::vector<narrative::HeadingMeaning>> headings;
};

PreparedWordings prepare_wordings(Wordings wordings_read);

// Reads every TEXT item of the document, in document order, taking sections from the containers
// (Findings 121070, Impressions 121072, History 121060, …) and from headings inside the text.
NarrativeReading read_narrative(const SrDocument& document, const PreparedWordings& wordings);

// The words of a text a lexicon knows: in a phrase of it, or a word of any role. Of two lexicons,
// the one that knows more of a sentence is its language. Made once per lexicon (its word lists are
// built here), asked per sentence.
class KnownWords {
 public:
  explicit KnownWords(const PreparedWordings& wordings);
  ~KnownWords();
  KnownWords(const KnownWords&) = delete;
  KnownWords& operator=(const KnownWords&) = delete;
  KnownWords(KnownWords&&) = delete;
  KnownWords& operator=(KnownWords&&) = delete;
  std::size_t count(std::string_view text) const;

 private:
  const PreparedWordings& wordings_;
  std::unique_ptr<const narrative::reading::FunctionWords> words_;
};

}  // namespace mammocalc
