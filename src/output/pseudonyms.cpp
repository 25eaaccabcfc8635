#include "output/pseudonyms.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/uid.hpp"

namespace mammocalc {
namespace {

// What a text may name and what it becomes: paths and UIDs, longest first so that a path is
// replaced before a shorter one inside it.
class Replacements {
 public:
  void add(const std::string& from, const std::string& to) {
    if (from.empty() || from == to) return;
    if (std::any_of(pairs_.begin(), pairs_.end(),
                    [&](const auto& pair) { return pair.first == from; })) {
      return;
    }
    pairs_.emplace_back(from, to);
    std::sort(pairs_.begin(), pairs_.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }

  // The label a value was given, or the value itself.
  std::string label_of(const std::string& value) const {
    for (const auto& [from, to] : pairs_) {
      if (from == value) return to;
    }
    return value;
  }

  void apply(std::string& text) const {
    for (const auto& [from, to] : pairs_) {
      for (std::size_t at = text.find(from); at != std::string::npos;
           at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
      }
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
};

// A file named "path:line" (FieldSource) keeps its line.
std::string relabelled_source(const std::string& source, const Replacements& replacements) {
  const std::size_t colon = source.rfind(':');
  if (colon == std::string::npos) return replacements.label_of(source);
  return replacements.label_of(source.substr(0, colon)) + source.substr(colon);
}

// An annotation comment is free text too (hostile review 83: a name and a phone number typed
// into one were quoted in the summary and the batch's pages): withheld like the report text.
constexpr const char* kCommentWithheld = "(annotation comment withheld: --pseudonymize)";

void relabel_finding(Finding& finding, const Replacements& replacements) {
  for (ReaderNote& note : finding.notes) replacements.apply(note.text);
  for (AnnotationRef& annotation : finding.annotations) {
    annotation.file = replacements.label_of(annotation.file);
    if (!annotation.comment.empty()) annotation.comment = kCommentWithheld;
  }
  for (FieldSource& source : finding.field_sources) {
    source.source = relabelled_source(source.source, replacements);
  }
  for (Finding& reading : finding.other_readings) relabel_finding(reading, replacements);
}

// Report text is free text: a radiologist may have typed a name, a date or a place into any
// sentence, and no list of patterns finds them all. A summary that may leave the hospital keeps
// what was read (terms, statuses, spans into the SR) and withholds the sentences themselves,
// wherever they were quoted (the warnings quote them too).
constexpr const char* kTextWithheld = "(report text withheld: --pseudonymize)";

void withhold(std::string& text, Replacements& replacements) {
  replacements.add(text, kTextWithheld);
  text = kTextWithheld;
}

// Every quote ("…") in `text` of words of the report text, whole sentences or a word, becomes
// the withheld mark: the sentences the reader quotes are withheld by name, and this catches the
// rest (a note quoting a sentence no mention holds, a word not read; hostile review 82: a name,
// a birth date and a phone number were quoted in narrative-unresolved notes).
void withhold_quotes_of(std::string& text, const std::vector<std::string>& report_text,
                        std::string_view mark) {
  constexpr std::string_view kCut = "\u2026";  // a long sentence is quoted cut, marked so
  std::string out;
  std::size_t from = 0;
  for (std::size_t open = text.find('"'); open != std::string::npos; open = text.find('"', from)) {
    const std::size_t close = text.find('"', open + 1);
    if (close == std::string::npos) break;
    std::string_view quoted(text.data() + open + 1, close - open - 1);
    if (quoted.size() >= kCut.size() && quoted.substr(quoted.size() - kCut.size()) == kCut) {
      quoted.remove_suffix(kCut.size());
    }
    const bool of_the_text =
        !quoted.empty() && quoted != mark &&
        std::any_of(report_text.begin(), report_text.end(), [&](const std::string& item) {
          return item.find(quoted) != std::string::npos;
        });
    out.append(text, from, open + 1 - from);
    out.append(of_the_text ? mark : std::string_view(text.data() + open + 1, close - open - 1));
    out.push_back('"');
    from = close + 1;
  }
  out.append(text, from, std::string::npos);
  text = std::move(out);
}

void withhold_report_text(Report& report, Replacements& replacements) {
  for (TextMention& mention : report.input.text_mentions) {
    withhold(mention.sentence.text, replacements);
  }
  for (Finding& finding : report.input.findings) {
    for (TextSentence& sentence : finding.text_sentences) withhold(sentence.text, replacements);
  }
  for (OverallStatement& statement : report.input.overall_statements) {
    if (!statement.from_text) continue;
    withhold(statement.quote, replacements);
    for (StatedFollowUp& stated : statement.follow_up) withhold(stated.quote, replacements);
  }
}

}  // namespace

std::string with_labels(std::string text,
                        const std::vector<std::pair<std::string, std::string>>& labels) {
  Replacements replacements;
  for (const auto& [path, label] : labels) replacements.add(path, label);
  replacements.apply(text);
  return text;
}

std::vector<std::pair<std::string, std::string>> annotation_labels(
    const std::vector<AnnotationPathsGiven>& annotations) {
  std::vector<std::pair<std::string, std::string>> labels;
  std::set<std::string> labelled;
  int files = 0;
  int directories = 0;
  const auto label = [&](const std::string& path, bool directory) {
    if (!labelled.insert(path).second) return;
    labels.emplace_back(path, directory ? "annotation-directory-" + std::to_string(++directories)
                                        : "annotations-" + std::to_string(++files));
  };
  for (const AnnotationPathsGiven& given : annotations) {
    for (const std::string& entry : given.entries) label(entry, false);
    label(given.path, given.directory);
  }
  return labels;
}

std::string naming_of(const PseudonymPolicy& policy) {
  if (!policy.enabled) return "plain";
  return "pseudonymised " + (policy.key.empty()
                                 ? std::string("-")
                                 : pseudonym_uid("mammocalc:exam-records", policy.key));
}

std::string pseudonym_uid(const std::string& uid, const std::string& key) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(uid.data()), uid.size(), digest.data(),
           &length) == nullptr ||
      length < 16) {
    throw std::runtime_error("HMAC-SHA-256 failed");
  }
  std::array<unsigned char, 16> uuid{};
  std::copy(digest.begin(), digest.begin() + 16, uuid.begin());
  return uuid_uid(uuid, 8);
}

void pseudonymise(Report& report, const PseudonymPolicy& policy,
                  const std::vector<AnnotationPathsGiven>& annotations) {
  if (!policy.enabled) return;
  Replacements replacements;
  SourceInfo& source = report.input.source;
  const auto replace_uid = [&](std::string& uid) {
    if (uid.empty()) return;
    const std::string pseudonym = policy.key.empty() ? "" : pseudonym_uid(uid, policy.key);
    replacements.add(uid, pseudonym.empty() ? "(UID removed)" : pseudonym);
    uid = pseudonym;
  };
  replace_uid(source.sop_instance_uid);
  replace_uid(source.study_instance_uid);
  replace_uid(source.series_instance_uid);
  for (EvidenceReference& image : source.evidence) {
    replace_uid(image.study_instance_uid);
    replace_uid(image.series_instance_uid);
    replace_uid(image.sop_instance_uid);
  }
  replacements.add(source.file, "source");
  replacements.add(source.accession_number, "(accession removed)");
  replacements.add(report.profile.source, "site-profile");
  // The run's labels, as a batch index names the same files (annotation_labels); the source's
  // own file keeps "source" in an annotation-only run.
  const std::vector<std::pair<std::string, std::string>> labels = annotation_labels(annotations);
  for (const auto& [path, label] : labels) replacements.add(path, label);
  auto annotation_files =
      static_cast<int>(std::count_if(labels.begin(), labels.end(), [](const auto& given) {
        return given.second.rfind("annotations-", 0) == 0;
      }));
  for (const Finding& finding : report.input.findings) {
    for (const AnnotationRef& annotation : finding.annotations) {
      if (replacements.label_of(annotation.file) == annotation.file) {
        replacements.add(annotation.file, "annotations-" + std::to_string(++annotation_files));
      }
    }
  }
  withhold_report_text(report, replacements);

  source.file = replacements.label_of(source.file);
  source.accession_number.clear();
  source.study_date.clear();
  source.study_time.clear();
  source.content_date.clear();
  source.content_time.clear();
  source.study_id.clear();
  source.study_description.clear();
  source.referring_physician_name.clear();
  report.input.patient = PatientInfo{};
  report.profile.source = replacements.label_of(report.profile.source);

  std::vector<std::string> comments;
  for (const Finding& finding : report.input.findings) {
    for (const AnnotationRef& annotation : finding.annotations) {
      if (!annotation.comment.empty()) comments.push_back(annotation.comment);
    }
  }
  const auto withhold_free_text = [&](std::string& text) {
    withhold_quotes_of(text, report.input.report_text, kTextWithheld);
    withhold_quotes_of(text, comments, kCommentWithheld);
  };
  for (ReaderNote& note : report.input.notes) {
    replacements.apply(note.text);
    withhold_free_text(note.text);
  }
  for (Finding& finding : report.input.findings) {
    relabel_finding(finding, replacements);
    for (ReaderNote& note : finding.notes) withhold_free_text(note.text);
  }
  for (Decision& decision : report.decisions) {
    for (Warning& warning : decision.warnings) {
      replacements.apply(warning.text);
      withhold_free_text(warning.text);
    }
  }
  for (Warning& warning : report.exam.warnings) {
    replacements.apply(warning.text);
    withhold_free_text(warning.text);
  }
  report.input.report_text.clear();
}

}  // namespace mammocalc
