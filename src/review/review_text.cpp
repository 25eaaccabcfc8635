#include "review/review_text.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/wrapped_text.hpp"

namespace mammocalc {
namespace {

// ANSI SGR colours by classification; the reset ends every coloured span.
const char* colour_of(Classification classification) {
  switch (classification) {
    case Classification::Suspicious:
      return "\x1b[1;31m";
    case Classification::KnownMalignancy:
      return "\x1b[1;35m";
    case Classification::ProbablyBenign:
      return "\x1b[1;33m";
    case Classification::Benign:
      return "\x1b[1;32m";
    case Classification::Indeterminate:
      break;
  }
  return "\x1b[1;36m";  // indeterminate: needs radiologist review
}
constexpr const char* kReset = "\x1b[0m";

// Text from a summary file goes to a terminal: control characters (escape sequences among them,
// C1 controls too) would let a crafted name rewrite the screen, so they become '?'.
std::string terminal_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c1) {
      out += '?';
      ++i;
    } else if (byte < 0x20 || byte == 0x7F) {
      out += '?';
    } else {
      out += static_cast<char>(byte);
    }
  }
  return out;
}

// Quoted report text on one line: its line breaks and tabs read as spaces, not as '?'.
std::string one_line(const std::string& text) {
  std::string line = text;
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return line;
}

// A quote of the report text as the review shows it: in double quotes, control characters made
// harmless.
std::string quoted(const std::string& text) { return "\"" + terminal_safe(one_line(text)) + "\""; }

// The review's lines keep to kReviewWidth.
void write_wrapped(std::ostream& out, const std::string& first, std::size_t indent,
                   const std::string& text) {
  mammocalc::write_wrapped(out, first, indent, text, kReviewWidth);
}

std::string words_of(const std::string& term) {
  std::string words = term;
  std::replace(words.begin(), words.end(), '-', ' ');
  return words;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  return text;
}

class TextReview {
 public:
  TextReview(const ReviewOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void write(const ReviewExam& exam) {
    write_header(exam);
    static const char* const kBreasts[] = {"right", "left", "both", "unknown"};
    for (const char* laterality : kBreasts) write_breast(exam, laterality);
    out_ << "\n";
    write_verdict(exam);
    for (const ReviewWarning& warning : exam.warnings) {
      write_wrapped(out_, "! " + terminal_safe(warning.code) + ": ", 2,
                    terminal_safe(warning.text));
    }
    write_wrapped(out_, "", 0, terminal_safe(exam.notice));
  }

 private:
  std::string coloured(const std::string& text, Classification classification) const {
    if (!options_.color) return text;
    return colour_of(classification) + text + kReset;
  }

  std::string bold(const std::string& text) const {
    if (!options_.color) return text;
    return "\x1b[1m" + text + kReset;
  }

  void write_header(const ReviewExam& exam) {
    std::string title = "== Exam " + terminal_safe(exam.accession_number.empty()
                                                       ? std::string("(no accession number)")
                                                       : exam.accession_number);
    if (!exam.study_date.empty()) {
      title += ", study date " + terminal_safe(study_date_words(exam.study_date));
    }
    title += " ";
    out_ << title << std::string(kReviewWidth - std::min(kReviewWidth, visible_width(title)), '=')
         << "\n";
    if (exam.written_by_mammocalc) write_wrapped(out_, "Origin   ", 9, kOwnResultWords);
    const std::string patient =
        join({exam.patient_name, exam.patient_id.empty() ? std::string() : "ID " + exam.patient_id,
              exam.patient_sex, exam.patient_age},
             ", ");
    if (exam.has_patient && !options_.redact && !patient.empty()) {
      write_wrapped(out_, "Patient  ", 9, terminal_safe(patient));
    }
    write_wrapped(out_, "Study    ", 9, terminal_safe(exam.study_instance_uid));
    write_wrapped(out_, "Source   ", 9, terminal_safe(exam.source_file));
  }

  // What a breast without findings of its own shows. A finding of both breasts, or of a breast
  // not recorded, may lie in this one: "no calcification finding" would then be false
  // reassurance, so the line gives the breast's category where the exam has one and points to
  // where such findings are listed.
  std::string unplaced_words(const ReviewExam& exam, const std::string& laterality) const {
    const auto any_of = [&](const char* side) {
      return std::any_of(exam.findings.begin(), exam.findings.end(),
                         [&](const ReviewFinding& f) { return f.laterality == side; });
    };
    std::vector<std::string> see;
    if (any_of("both")) see.emplace_back("BOTH breasts");
    if (any_of("unknown")) see.emplace_back("Breast NOT RECORDED");
    const auto row =
        std::find_if(exam.breasts.begin(), exam.breasts.end(),
                     [&](const ReviewBreast& b) { return b.laterality == laterality; });
    if (see.empty() && row != exam.breasts.end()) {
      // The breast's category comes from a finding the rules do not assess (E15: a mass the
      // report calls 4), a category the report states for it ("Left breast: BI-RADS 4") or a CAD
      // finding not for presentation (E23): its line says so, never "no finding" alone (hostile
      // reviews 28, H28-14, 78 and 85).
      return coloured("BI-RADS " + row->category + " " + classification_words(row->classification),
                      row->classification) +
             // Within 100 columns whatever the category's words (review_behaviour).
             " with no calcification finding (see the warnings)";
    }
    if (see.empty()) {
      // The report text mentions calcification in this breast (or in no breast named) without a
      // finding: the line points to the quoted sentences rather than standing alone.
      const std::vector<const ReviewMention*> mentions = mentions_without_finding(exam);
      const bool text_here =
          std::any_of(mentions.begin(), mentions.end(), [&](const ReviewMention* mention) {
            return mention->laterality == laterality || mention->laterality == "both" ||
                   mention->laterality == "unknown" || mention->laterality.empty();
          });
      // Content skipped to read the report may have held one (hostile review 50, H50-3).
      const bool skipped = std::any_of(
          exam.warnings.begin(), exam.warnings.end(),
          [](const ReviewWarning& warning) { return warning.code == "content-skipped"; });
      if (skipped) return "no calcification finding read: content items were skipped";
      return text_here ? "no calcification finding reported; see the report text below"
                       : "no calcification finding reported";
    }
    const std::string where = "see " + join(see, " and ") + " below";
    if (row == exam.breasts.end()) {
      return "no finding recorded for this breast alone; " + where;
    }
    return coloured("BI-RADS " + row->category + " " + classification_words(row->classification),
                    row->classification) +
           "; " + where;
  }

  void write_breast(const ReviewExam& exam, const std::string& laterality) {
    std::vector<const ReviewFinding*> findings;
    for (const ReviewFinding& finding : exam.findings) {
      if (finding.laterality == laterality) findings.push_back(&finding);
    }
    const bool always_shown = laterality == "right" || laterality == "left";
    if (findings.empty() && !always_shown) return;
    out_ << "\n";
    const std::string name = laterality == "both"      ? std::string("BOTH breasts")
                             : laterality == "unknown" ? std::string("Breast NOT RECORDED")
                                                       : upper(laterality) + " breast";
    if (findings.empty()) {
      out_ << name << ": " << unplaced_words(exam, laterality) << "\n";
      return;
    }
    const auto breast =
        std::find_if(exam.breasts.begin(), exam.breasts.end(),
                     [&](const ReviewBreast& b) { return b.laterality == laterality; });
    std::string heading = name;
    if (breast != exam.breasts.end()) {
      heading += ": " + coloured("BI-RADS " + breast->category + " " +
                                     classification_words(breast->classification),
                                 breast->classification);
    }
    heading += " (" + std::to_string(findings.size()) +
               (findings.size() == 1 ? " finding)" : " findings)");
    out_ << heading << "\n";
    for (const ReviewFinding* finding : findings) write_finding(exam, *finding);
  }

  void write_finding(const ReviewExam& exam, const ReviewFinding& finding) {
    char label[16];
    std::snprintf(label, sizeof label, "  %-4s", terminal_safe(finding.id).substr(0, 4).c_str());
    std::string first = terminal_safe(location_words(finding));
    if (finding.from_text) first = bold(text_marker_words(finding)) + " " + first;
    write_wrapped(out_, label, 6, first);
    write_wrapped(out_, "      ", 6,
                  terminal_safe(site_words(finding) + "; " + features_words(finding)));
    write_wrapped(out_, "      ", 6,
                  coloured(terminal_safe(assessment_words(exam, finding)), finding.classification));
    write_wrapped(out_, "      -> ", 9, terminal_safe(recommendation_words(finding)));
    if (!finding.reported_follow_ups.empty()) {
      write_wrapped(out_, "         ", 9, terminal_safe(reported_follow_up_words(exam, finding)));
    }
    for (const ReviewWarning& warning : finding.warnings) {
      write_wrapped(out_, "      ! " + terminal_safe(warning.code) + ": ", 8,
                    terminal_safe(warning.text));
    }
    for (const ReviewSentence& sentence : finding.sentences) {
      write_wrapped(out_, "      " + terminal_safe(sentence_label(sentence.section)) + ": ", 8,
                    quoted(sentence.text));
    }
    for (const ReviewMention* mention : mentions_restating(exam, finding)) {
      write_wrapped(
          out_, "      " + terminal_safe(sentence_label(mention->section)) + ", restating it: ", 8,
          quoted(mention->sentence));
    }
    if (options_.trace && !finding.quotes.empty()) {
      std::vector<std::string> words(finding.quotes.size());
      std::transform(finding.quotes.begin(), finding.quotes.end(), words.begin(),
                     [](const ReviewQuote& quote) {
                       return terminal_safe(quote.field + " " + quote.value + " from ") +
                              quoted(quote.words);
                     });
      write_wrapped(out_, "      words read: ", 8, join(words, "; "));
    }
    if (options_.trace) write_rules(finding.trace, "      ");
  }

  void write_rules(const std::vector<ReviewRule>& rules, const std::string& indent) {
    for (const ReviewRule& rule : rules) {
      write_wrapped(
          out_, indent + "rule " + terminal_safe(rule.id) + " [" + terminal_safe(rule.stage) + "] ",
          indent.size() + 5,
          terminal_safe(rule.title + " => " + rule.outcome + ". Source: " + rule.citation));
    }
  }

  void write_verdict(const ReviewExam& exam) {
    std::string verdict = "Verdict: ";
    if (exam.category.empty()) {
      verdict += "no BI-RADS category";
    } else {
      verdict +=
          coloured("BI-RADS " + exam.category + " " + classification_words(*exam.classification),
                   *exam.classification);
    }
    const std::string actions = verdict_actions_words(exam);
    if (!actions.empty()) verdict += " -> " + actions;
    const std::string review = exam_review_words(exam);
    if (!review.empty()) verdict += "; " + review;
    write_wrapped(out_, "", 9, verdict);
    if (!exam.statement.empty()) write_wrapped(out_, "         ", 9, terminal_safe(exam.statement));
    if (options_.trace) write_rules(exam.trace, "  ");
    write_stated(exam);
    write_read_text(exam);
  }

  // What the report's text states (row E6): its words, quoted, beside what mammocalc made of it.
  void write_stated(const ReviewExam& exam) {
    for (const ReviewStated& stated : exam.stated_assessments) {
      write_wrapped(out_, "Report text states: ", 4,
                    terminal_safe("BI-RADS " + stated.category + stated_breast_words(stated)) +
                        " \u2014 " + quoted(stated.quote));
    }
    for (const ReviewStated& stated : exam.stated_follow_ups) {
      write_wrapped(out_, "Report text recommends: ", 4,
                    terminal_safe(stated_follow_up_words(stated) + stated_breast_words(stated)) +
                        " \u2014 " + quoted(stated.quote));
    }
  }

  // The calcification mentions of the report text that gave no finding (negated, historical,
  // hypothetical …): what a "no calcification finding" rests on. Text listed beside coded
  // findings is said to be listed only.
  void write_read_text(const ReviewExam& exam) {
    const std::vector<const ReviewMention*> mentions = mentions_without_finding(exam);
    if (mentions.empty()) return;
    out_ << "\n";
    write_wrapped(out_, "", 2, read_text_heading(exam));
    for (const ReviewMention* mention : mentions) {
      write_wrapped(out_, "  - ", 4,
                    terminal_safe(mention_words(*mention)) + ": " + quoted(mention->sentence));
    }
  }

  const ReviewOptions& options_;
  std::ostream& out_;
};

}  // namespace

std::string morphology_words(const std::string& term) {
  static const std::map<std::string, std::string> kWords{
      {"coarse-popcorn", "coarse (popcorn-like)"},
      {"large-rod-like", "large rod-like"},
      {"lucent-centred", "lucent-centred"},
      {"microcalcifications-non-specific", "microcalcifications (type not stated)"},
      {"macrocalcifications-non-specific", "macrocalcifications (type not stated)"},
      {"unrecognised", "unrecognised morphology code"},
  };
  const auto found = kWords.find(term);
  return found != kWords.end() ? found->second : words_of(term);
}

std::string distribution_words(const std::string& term) {
  if (term == "within-mass") return "within a mass";
  if (term == "outside-mass") return "outside a mass";
  if (term == "unrecognised") return "unrecognised distribution code";
  return words_of(term);
}

std::string classification_words(Classification classification) {
  if (classification == Classification::Indeterminate) return "needs radiologist review";
  return words_of(std::string(to_string(classification)));
}

std::string action_words(const std::string& action) {
  if (action == "short-interval-follow-up") return "short-interval follow-up";
  if (action == "surgical-consult") return "surgical consultation";
  return words_of(action);
}

std::string actions_words(const std::vector<std::string>& actions) {
  std::vector<std::string> words(actions.size());
  std::transform(actions.begin(), actions.end(), words.begin(), action_words);
  return join(words, ", ");
}

std::string verdict_actions_words(const ReviewExam& exam) {
  std::string actions = actions_words(exam.actions);
  if (!actions.empty() && exam.category_source == "incomplete") {
    return "the findings read: " + actions + " (not all evidence could be read)";
  }
  if (actions.empty() || exam.category_source != "report") return actions;
  return "the findings: " + actions + " (the category is the report's own)";
}

std::string biopsy_words(const std::string& biopsy_type) {
  if (biopsy_type == "core") return "core needle";
  if (biopsy_type == "wire-localization") return "wire localization";
  return biopsy_type;
}

std::string location_words(const ReviewFinding& finding) {
  std::vector<std::string> parts;
  if (finding.clock) parts.push_back(std::to_string(*finding.clock) + " o'clock");
  if (!finding.region.empty()) parts.push_back(words_of(finding.region));
  if (!finding.quadrant.empty()) parts.push_back(finding.quadrant + " quadrant");
  parts.push_back(finding.depth.empty() ? "depth not recorded" : finding.depth + " depth");
  if (finding.distance_from_nipple_mm) {
    std::ostringstream distance;
    distance << *finding.distance_from_nipple_mm << " mm from the nipple";
    parts.push_back(distance.str());
  }
  if (!finding.clock && finding.region.empty() && finding.quadrant.empty()) {
    parts.insert(parts.begin(), "position not recorded");
  }
  return join(parts, ", ");
}

std::string site_words(const ReviewFinding& finding) {
  if (finding.site.empty() || finding.site == "unknown") return "site unknown";
  const std::string how = finding.site_source == "inferred"     ? "inferred"
                          : finding.site_source == "sr"         ? "stated in the SR"
                          : finding.site_source == "annotation" ? "annotated"
                                                                : finding.site_source;
  return finding.site + " (" + how + ")";
}

std::string features_words(const ReviewFinding& finding) {
  std::vector<std::string> morphology(finding.morphology.size());
  std::transform(finding.morphology.begin(), finding.morphology.end(), morphology.begin(),
                 morphology_words);
  const std::string shape = morphology.empty() ? "morphology not recorded" : join(morphology, ", ");
  const std::string spread = finding.distribution.empty()
                                 ? "distribution not recorded"
                                 : distribution_words(finding.distribution) + " distribution";
  return shape + ", " + spread;
}

std::string reported_words(const ReviewExam& exam, const ReviewFinding& finding) {
  if (finding.reported_category.empty() || finding.reported_category == finding.category) return {};
  // Words of the text ("suspicious") are no category the radiologist gave the finding.
  if (finding.reported_source == "narrative") {
    return " (the report text's words say " + finding.reported_category + ")";
  }
  if (exam.written_by_mammocalc) {
    return " (mammocalc's earlier result: " + finding.reported_category + ")";
  }
  return " (radiologist reported " + finding.reported_category + ")";
}

std::string review_words(const ReviewFinding& finding) {
  // "indeterminate" already reads "needs radiologist review".
  if (!finding.needs_review || finding.classification == Classification::Indeterminate) return {};
  return "; needs radiologist review";
}

std::string exam_review_words(const ReviewExam& exam) {
  const auto count = std::count_if(exam.findings.begin(), exam.findings.end(),
                                   [](const ReviewFinding& f) { return f.needs_review; });
  const bool said_already = exam.classification == Classification::Indeterminate &&
                            count == static_cast<std::ptrdiff_t>(exam.findings.size());
  if (count > 0 && !said_already) {
    return std::to_string(count) + (count == 1 ? " finding needs" : " findings need") +
           " radiologist review";
  }
  // An exam row (E4, E5) asked for review, not a finding.
  if (count == 0 && exam.needs_review && exam.classification != Classification::Indeterminate) {
    return "needs radiologist review";
  }
  return {};
}

std::string assessment_words(const ReviewExam& exam, const ReviewFinding& finding) {
  return "BI-RADS " + finding.category + " " + classification_words(finding.classification) +
         reported_words(exam, finding) + review_words(finding);
}

std::string recommendation_words(const ReviewFinding& finding) {
  std::string text = action_words(finding.action);
  if (finding.action != "biopsy") return text;
  std::vector<std::string> details;
  if (!finding.biopsy_type.empty()) details.push_back(biopsy_words(finding.biopsy_type));
  if (!finding.guidance.empty()) details.push_back(finding.guidance + " guidance");
  if (!finding.needle.empty()) details.push_back(finding.needle + " needle");
  if (!details.empty()) text += ": " + join(details, ", ");
  return text;
}

std::string reported_follow_up_words(const ReviewExam& exam, const ReviewFinding& finding) {
  if (finding.reported_follow_ups.empty()) return {};
  return (exam.written_by_mammocalc ? "mammocalc's earlier result recommended: "
                                    : "radiologist recommended: ") +
         join(finding.reported_follow_ups, "; ");
}

std::string text_marker_words(const ReviewFinding& finding) {
  if (!finding.from_text) return {};
  if (finding.text_status.empty() || finding.text_status == "affirmed") {
    return "[from report text]";
  }
  return "[from report text, " + finding.text_status + "]";
}

std::string section_words(const std::string& section) {
  if (section.empty() || section == "unsectioned") return "unsectioned";
  return words_of(section);
}

std::string sentence_label(const std::string& section) {
  if (section.empty() || section == "unsectioned") return "Report text";
  std::string label = section_words(section);
  label[0] = static_cast<char>(label[0] - ('a' <= label[0] && label[0] <= 'z' ? 32 : 0));
  return label + " text";
}

std::string stated_breast_words(const ReviewStated& stated) {
  if (stated.laterality == "right" || stated.laterality == "left") {
    return " (" + stated.laterality + " breast)";
  }
  if (stated.laterality == "both") return " (both breasts)";
  return {};
}

std::string stated_follow_up_words(const ReviewStated& stated) {
  // The wording's term is what the text said ("stereotactic biopsy"); the code it maps to is
  // coarser (several biopsies share one).
  if (!stated.term.empty()) return words_of(stated.term);
  return stated.meaning.empty() ? std::string("follow-up") : stated.meaning;
}

std::vector<const ReviewMention*> mentions_without_finding(const ReviewExam& exam) {
  std::vector<const ReviewMention*> mentions;
  for (const ReviewMention& mention : exam.mentions) {
    if (!mention.findings.empty()) continue;
    // One line per sentence and what was read of it: "no calcifications or calcified masses"
    // is one line, "no calcifications in either breast" one per breast.
    const bool seen =
        std::any_of(mentions.begin(), mentions.end(), [&](const ReviewMention* other) {
          return other->status == mention.status && other->section == mention.section &&
                 other->laterality == mention.laterality && other->trigger == mention.trigger &&
                 other->sentence == mention.sentence;
        });
    if (!seen) mentions.push_back(&mention);
  }
  return mentions;
}

std::vector<const ReviewMention*> mentions_restating(const ReviewExam& exam,
                                                     const ReviewFinding& finding) {
  std::vector<const ReviewMention*> mentions;
  if (finding.from_text) return mentions;
  for (const ReviewMention& mention : exam.mentions) {
    if (mention.cross_check != "restates") continue;
    const bool restates_it = std::find(mention.findings.begin(), mention.findings.end(),
                                       finding.id) != mention.findings.end();
    const bool seen =
        std::any_of(mentions.begin(), mentions.end(), [&](const ReviewMention* other) {
          return other->section == mention.section && other->sentence == mention.sentence;
        });
    if (restates_it && !seen) mentions.push_back(&mention);
  }
  return mentions;
}

std::string read_text_heading(const ReviewExam& exam) {
  if (exam.read_text_use == "paired") {
    return "Read in the report text beside the coded findings, gave no finding of its own:";
  }
  if (exam.read_text_use == "listed") {
    return "Calcifications in the report text, listed only (the report has coded findings; its "
           "text was not read as findings):";
  }
  return "Read in the report text, gave no finding:";
}

std::string mention_words(const ReviewMention& mention) {
  std::string words = mention.status.empty() ? std::string("status not given") : mention.status;
  if (!mention.trigger.empty()) words += " (\"" + one_line(mention.trigger) + "\")";
  if (mention.cross_check == "covered") {
    words += " (benign, beside coded findings at least as suspicious)";
  }
  std::vector<std::string> where{section_words(mention.section)};
  if (mention.laterality == "right" || mention.laterality == "left") {
    where.push_back(mention.laterality + " breast");
  } else if (mention.laterality == "both") {
    where.emplace_back("both breasts");
  }
  return words + ", " + join(where, ", ");
}

std::string study_date_words(const std::string& dicom_date) {
  const bool digits =
      dicom_date.size() == 8 && std::all_of(dicom_date.begin(), dicom_date.end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return dicom_date;
  return dicom_date.substr(0, 4) + "-" + dicom_date.substr(4, 2) + "-" + dicom_date.substr(6, 2);
}

void write_review_text(const ReviewExam& exam, const ReviewOptions& options, std::ostream& out) {
  TextReview(options, out).write(exam);
}

}  // namespace mammocalc
