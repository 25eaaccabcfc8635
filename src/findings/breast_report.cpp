#include "findings/breast_report.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "base/codes.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

// Report and procedure concepts that are about the breast (domain.md §3: CID 6050 and the
// report codes). The meanings are for the reader of this table only; matching is on the pair.
constexpr std::array<CodeConst, 7> kBreastConcepts = {{
    {"111400", "DCM", "Breast Imaging Report"},
    {"36626-0", "LN", "Breast - bilateral mammogram"},
    {"71651007", "SCT", "Mammography"},
    {"111408", "DCM", "Film Screen Mammography"},
    {"111411", "DCM", "Mammography CAD"},
    {"47079000", "SCT", "Ultrasonography of breast"},
    {"241615005", "SCT", "MRI of breast"},
}};

// Image storage classes of the breast: Digital Mammography X-Ray (for presentation, for
// processing), Breast Tomosynthesis, Breast Projection X-Ray (for presentation, for processing).
constexpr std::array<std::string_view, 5> kBreastImageClasses = {
    "1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.2.1",
    "1.2.840.10008.5.1.4.1.1.13.1.3", "1.2.840.10008.5.1.4.1.1.13.1.4",
    "1.2.840.10008.5.1.4.1.1.13.1.5"};

bool is_breast_concept(const Code& code) {
  return std::any_of(kBreastConcepts.begin(), kBreastConcepts.end(), [&](const CodeConst& known) {
    return code.value == known.value && code.scheme == known.scheme;
  });
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_letter(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `word` as a whole word of `text` (both lower case).
bool has_word(const std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_letter(text[at - 1]);
    const std::size_t end = at + word.size();
    if (starts && (end == text.size() || !is_letter(text[end]))) return true;
  }
  return false;
}

// A description a person typed: "MAMMO DIAGNOSTIC RIGHT", "MG SCREENING BILATERAL", "DBT LEFT",
// "Breast ultrasound", "Mammographie beidseits".
bool description_says_breast(std::string_view description) {
  const std::string text = lower(description);
  for (const std::string_view stem : {"mammo", "breast", "tomosynth", "mamma"}) {
    if (text.find(stem) != std::string::npos) return true;
  }
  return has_word(text, "mg") || has_word(text, "dbt");
}

bool same_pair(const Code& code, const CodeConst& known) {
  return code.value == known.value && code.scheme == known.scheme;
}

// Every Procedure reported item's laterality modifier, in document order (nullptr: none stated).
void procedure_lateralities(const ContentItem& item, std::vector<const ContentItem*>& out) {
  if (item.value_type == ValueType::Code &&
      same_pair(item.concept_name, codes::kProcedureReported)) {
    const auto modifier = std::find_if(
        item.children.begin(), item.children.end(),
        [](const ContentItem& child) { return same_pair(child.concept_name, codes::kLaterality); });
    out.push_back(modifier == item.children.end() ? nullptr : &*modifier);
  }
  for (const ContentItem& child : item.children) procedure_lateralities(child, out);
}

// The first of `modifiers` when every one names the same one breast (left or right).
const ContentItem* one_breast(const std::vector<const ContentItem*>& modifiers) {
  if (modifiers.empty() || modifiers.front() == nullptr) return nullptr;
  const auto first = laterality_for(modifiers.front()->code);
  if (first != Laterality::Left && first != Laterality::Right) return nullptr;
  const bool all_same =
      std::all_of(modifiers.begin(), modifiers.end(), [&](const ContentItem* modifier) {
        return modifier != nullptr && laterality_for(modifier->code) == first;
      });
  return all_same ? modifiers.front() : nullptr;
}

// Every referenced image's Image Laterality modifier, in document order (nullptr: none stated).
void image_lateralities(const ContentItem& item, std::vector<const ContentItem*>& out) {
  if (item.value_type == ValueType::Image) {
    const auto modifier =
        std::find_if(item.children.begin(), item.children.end(), [](const ContentItem& child) {
          return same_pair(child.concept_name, codes::kImageLaterality);
        });
    out.push_back(modifier == item.children.end() ? nullptr : &*modifier);
  }
  for (const ContentItem& child : item.children) image_lateralities(child, out);
}

}  // namespace

const ContentItem* unilateral_procedure_laterality(const ContentItem& root) {
  std::vector<const ContentItem*> modifiers;
  procedure_lateralities(root, modifiers);
  return one_breast(modifiers);
}

const ContentItem* unilateral_procedure_laterality(const SrDocument& document) {
  return unilateral_procedure_laterality(document.root);
}

const ContentItem* unilateral_image_laterality(const ContentItem& root) {
  std::vector<const ContentItem*> modifiers;
  image_lateralities(root, modifiers);
  return one_breast(modifiers);
}

bool header_says_breast(const SrDocument& document) {
  const SrHeader& header = document.header;
  if (is_breast_concept(document.root.concept_name)) return true;
  if (lower(header.body_part_examined).find("breast") != std::string::npos) return true;
  if (std::any_of(header.procedure_codes.begin(), header.procedure_codes.end(),
                  is_breast_concept)) {
    return true;
  }
  if (description_says_breast(header.study_description) ||
      description_says_breast(header.series_description) ||
      std::any_of(header.procedure_descriptions.begin(), header.procedure_descriptions.end(),
                  [](const std::string& text) { return description_says_breast(text); })) {
    return true;
  }
  return std::any_of(header.evidence.begin(), header.evidence.end(),
                     [](const EvidenceReference& image) {
                       return std::find(kBreastImageClasses.begin(), kBreastImageClasses.end(),
                                        image.sop_class_uid) != kBreastImageClasses.end();
                     });
}

}  // namespace mammocalc
