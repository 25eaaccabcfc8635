#include "findings/calcification_text.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>
#include <vector>

namespace mammocalc {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The offset of each mention in `lowered` (lower case), one per word.
std::vector<std::size_t> mention_offsets(const std::string& lowered) {
  std::vector<std::size_t> offsets;
  for (std::size_t at = 0; at < lowered.size(); ++at) {
    if (at > 0 && is_letter(lowered[at - 1])) continue;  // only at the start of a word
    const std::string_view rest(lowered.data() + at, lowered.size() - at);
    const bool calcs = rest.substr(0, 5) == "calcs" && (rest.size() == 5 || !is_letter(rest[5]));
    if (rest.substr(0, 6) == "calcif" || rest.substr(0, 9) == "microcalc" || calcs) {
      offsets.push_back(at);
      while (at < lowered.size() && is_letter(lowered[at])) ++at;
    }
  }
  return offsets;
}

// The sentence around `offset`: from the previous full stop, question mark, exclamation mark or
// line break to the next, trimmed, at most 200 bytes (never splitting a UTF-8 sequence).
std::string sentence_at(const std::string& text, std::size_t offset) {
  const std::string boundaries = ".!?\n\r";
  const std::size_t before = text.find_last_of(boundaries, offset);
  std::size_t start = before == std::string::npos ? 0 : before + 1;
  std::size_t end = text.find_first_of(boundaries, offset);
  if (end == std::string::npos) end = text.size();
  while (start < end && std::isspace(static_cast<unsigned char>(text[start])) != 0) ++start;
  std::string sentence = text.substr(start, end - start);
  if (sentence.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0U) == 0x80U) --cut;
    sentence.resize(cut);
    sentence += "…";
  }
  return sentence;
}

template <typename Visit>
void each_text_item(const ContentItem& item, const Visit& visit) {
  if (item.value_type == ValueType::Text && !item.text.empty()) visit(item);
  for (const ContentItem& child : item.children) each_text_item(child, visit);
}

bool contains_any(const std::string& lowered, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
    return lowered.find(word) != std::string::npos;
  });
}

}  // namespace

bool mentions_calcification(std::string_view text) { return !mention_offsets(lower(text)).empty(); }

bool looks_like_breast_report(const SrDocument& document) {
  const std::string description = lower(document.header.study_description);
  if (contains_any(description, {"mammo", "breast", "tomosynth"})) return true;
  std::string all_text;
  each_text_item(document.root, [&](const ContentItem& item) {
    all_text += lower(item.text);
    all_text += '\n';
  });
  return contains_any(all_text, {"breast", "mammo"}) &&
         contains_any(all_text, {"bi-rads", "birads", "bi rads", "mammogra"});
}

void note_calcification_text(const SrDocument& document, Findings& out) {
  std::set<std::string> noted;
  for (const ReaderNote& note : out.notes) noted.insert(note.position);
  each_text_item(document.root, [&](const ContentItem& item) {
    if (noted.count(item.position) > 0) return;
    for (const std::size_t offset : mention_offsets(lower(item.text))) {
      out.notes.push_back({WarningCode::NarrativeUnresolved,
                           "report text mentions calcification and is not read as findings "
                           "(the narrative reader is still to come): \"" +
                               sentence_at(item.text, offset) + "\"",
                           item.position});
    }
  });
}

}  // namespace mammocalc
