#include "base/codes.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace mammocalc {
namespace {

// domain.md §3.9: legacy SRT code value → SCT code value.
constexpr std::array<std::pair<std::string_view, std::string_view>, 62> kLegacySrt{{
    {"G-C171", "272741003"},  {"M-020F9", "107644003"}, {"G-C189", "246090004"},
    {"F-01720", "129720009"}, {"F-01710", "129715009"}, {"G-C0E3", "363698007"},
    {"F-01761", "129749001"}, {"F-01762", "129750001"}, {"F-01763", "129751002"},
    {"F-01764", "129752009"}, {"F-01765", "129753004"}, {"F-01766", "129754005"},
    {"F-01767", "129755006"}, {"F-01768", "129756007"}, {"F-01769", "129757003"},
    {"F-0176A", "129758008"}, {"F-0176B", "129759000"}, {"F-0176C", "129760005"},
    {"F-0176D", "129761009"}, {"F-0176E", "129762002"}, {"F-0176F", "129763007"},
    {"F-01770", "129764001"}, {"F-01771", "129765000"}, {"F-01772", "129766004"},
    {"F-01773", "129767008"}, {"F-01774", "129768003"}, {"F-01775", "129769006"},
    {"F-01776", "129770007"}, {"D7-90435", "44771000"}, {"F-037BB", "397138000"},
    {"F-037BC", "397140005"}, {"F-037BD", "397141009"}, {"F-037BF", "397143007"},
    {"F-037C0", "397144001"}, {"F-037C1", "397145000"}, {"T-04020", "73056007"},
    {"T-04030", "80248007"},  {"T-04080", "63762007"},  {"G-A100", "24028007"},
    {"G-A101", "7771000"},    {"G-A102", "51440002"},   {"G-A103", "66459002"},
    {"F-01781", "129772004"}, {"F-01782", "129773009"}, {"F-01783", "129774003"},
    {"F-01784", "129775002"}, {"F-01785", "129776001"}, {"F-01786", "129777005"},
    {"F-01787", "129778000"}, {"F-01788", "129779008"}, {"F-01789", "129780006"},
    {"F-0178A", "129781005"}, {"F-0178B", "129782003"}, {"F-0178C", "129783008"},
    {"T-04004", "76365002"},  {"T-04002", "77831004"},  {"T-04005", "33564002"},
    {"T-04003", "19100000"},  {"R-404CC", "255549009"}, {"R-404CE", "255551008"},
    {"T-04000", "76752008"},  {"F-8A057", "309587003"},
}};

// Procedure codes of §3.9 are kept apart: the rules read none of them yet.

struct Normalised {
  std::string_view value;
  std::string_view scheme;
};

Normalised normalise(std::string_view value, std::string_view scheme) {
  if (scheme == "SRT" || scheme == "SNM3") {
    const std::string_view sct = sct_for_legacy_srt(value);
    if (!sct.empty()) return {sct, "SCT"};
  }
  return {value, scheme};
}

}  // namespace

std::string_view sct_for_legacy_srt(std::string_view srt_value) {
  const auto* found = std::find_if(kLegacySrt.begin(), kLegacySrt.end(),
                                   [&](const auto& row) { return row.first == srt_value; });
  return found == kLegacySrt.end() ? std::string_view() : found->second;
}

bool same_concept(const Code& code, const CodeConst& constant) {
  const Normalised a = normalise(code.value, code.scheme);
  const Normalised b = normalise(constant.value, constant.scheme);
  return a.value == b.value && a.scheme == b.scheme;
}

bool same_concept(const Code& a, const Code& b) {
  const Normalised na = normalise(a.value, a.scheme);
  const Normalised nb = normalise(b.value, b.scheme);
  return na.value == nb.value && na.scheme == nb.scheme;
}

std::string describe(const Code& code) {
  return "(" + code.value + ", " + code.scheme + ", \"" + code.meaning + "\")";
}

}  // namespace mammocalc
