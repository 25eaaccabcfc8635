#include "annotations/annotation_merge.hpp"

#include <algorithm>
#include <iterator>
#include <locale>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "annotations/comment_reading.hpp"
#include "base/error.hpp"
#include "findings/lexicon.hpp"
#include "findings/value_sets.hpp"

namespace mammocalc {
namespace {

std::string where(const Annotations& annotations, int line) {
  return annotations.file + ":" + std::to_string(line);
}

std::string number_text(double value) {
  std::ostringstream text;
  text.imbue(std::locale::classic());
  text << value;
  return text.str();
}

template <typename T>
std::string word(const T& value) {
  return std::string(to_string(value));
}

template <typename T>
std::string word_or_unknown(const std::optional<T>& value) {
  return value ? std::string(to_string(*value)) : "unknown";
}

// A value as warnings show it; nullopt when no source stated one. Equal texts agree.
using Said = std::optional<std::string>;

template <typename T>
Said said(const std::optional<T>& value) {
  return value ? Said(word(*value)) : std::nullopt;
}

template <typename T>
Said said_known(T value, T unknown) {
  return value == unknown ? std::nullopt : Said(word(value));
}

Said said_mm(const std::optional<double>& value) {
  return value ? Said(number_text(*value) + " mm") : std::nullopt;
}

Said said_clock(const std::optional<int>& value) {
  return value ? Said(std::to_string(*value) + " o'clock") : std::nullopt;
}

Said said_count(const std::optional<int>& value) {
  return value ? Said(std::to_string(*value)) : std::nullopt;
}

// Morphology terms as a set: the same terms in another order agree.
Said said_terms(std::vector<Morphology> terms) {
  if (terms.empty()) return std::nullopt;
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::string text;
  for (const Morphology term : terms) text += (text.empty() ? "" : ", ") + word(term);
  return text;
}

std::vector<Morphology> terms_of(const Finding& finding) {
  std::vector<Morphology> terms;
  std::transform(finding.morphology.begin(), finding.morphology.end(), std::back_inserter(terms),
                 [](const Coded<Morphology>& coded) { return coded.term; });
  return terms;
}

// The SR's overall "0 - incomplete" is no assessment of the finding: the annotation made on the
// additional evaluation completes it and does not disagree with it (a finding's own 0 does).
bool incomplete_overall(const Finding& finding) {
  return finding.reported_category == Category::Incomplete0 &&
         finding.reported_category_source == ReportedSource::Overall;
}

// One field an annotation can give, named as its warnings name it. `stated` is the value a
// reading holds from some source (SR or an earlier annotation), `given` the annotation's;
// `assign` sets the annotation's value in a reading, `copy` another reading's.
struct Field {
  const char* name;
  Said (*stated)(const Finding&);
  Said (*given)(const AnnotatedFinding&);
  void (*assign)(const AnnotatedFinding&, Finding&);
  void (*copy)(const Finding& from, Finding& to);  // the value as another reading holds it
};

// A place the annotation gives as the finding holds it: the same Location member on both sides.
template <typename T, std::optional<T> Location::*member, Said (*say)(const std::optional<T>&)>
Field location_field(const char* name) {
  return {name, [](const Finding& f) { return say(f.location.*member); },
          [](const AnnotatedFinding& a) { return say(a.location.*member); },
          [](const AnnotatedFinding& a, Finding& f) { f.location.*member = a.location.*member; },
          [](const Finding& f, Finding& t) { t.location.*member = f.location.*member; }};
}

const Field kFields[] = {
    {"laterality", [](const Finding& f) { return said_known(f.laterality, Laterality::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.laterality); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.laterality = *a.laterality;
       f.laterality_source = LateralitySource::Annotation;
     },
     [](const Finding& f, Finding& t) {
       t.laterality = f.laterality;
       t.laterality_source = f.laterality_source;
     }},
    location_field<int, &Location::clock_hour, said_clock>("location/@clock"),
    location_field<Region, &Location::region, said<Region>>("location/@region"),
    location_field<Quadrant, &Location::quadrant, said<Quadrant>>("location/@quadrant"),
    location_field<Depth, &Location::depth, said<Depth>>("location/@depth"),
    location_field<double, &Location::from_nipple_mm, said_mm>("location/@distanceFromNippleMm"),
    location_field<double, &Location::from_skin_mm, said_mm>("location/@distanceFromSkinMm"),
    location_field<double, &Location::from_chest_wall_mm, said_mm>(
        "location/@distanceFromChestWallMm"),
    {"site",
     [](const Finding& f) {
       const bool stated =
           f.stated_site_source == SiteSource::Sr || f.stated_site_source == SiteSource::Annotation;
       return stated ? Said(word(f.stated_site)) : std::nullopt;
     },
     [](const AnnotatedFinding& a) { return said(a.site); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.stated_site = *a.site;
       f.stated_site_source = SiteSource::Annotation;
     },
     [](const Finding& f, Finding& t) {
       t.stated_site = f.stated_site;
       t.stated_site_source = f.stated_site_source;
     }},
    {"morphology", [](const Finding& f) { return said_terms(terms_of(f)); },
     [](const AnnotatedFinding& a) { return said_terms(a.morphology); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.morphology.clear();
       for (const Morphology term : a.morphology) {
         f.morphology.push_back({term, code_of(term).to_code(), ""});
       }
     },
     [](const Finding& f, Finding& t) { t.morphology = f.morphology; }},
    {"distribution",
     [](const Finding& f) {
       return f.distribution && !f.distribution_implied ? Said(word(f.distribution->term))
                                                        : std::nullopt;
     },
     [](const AnnotatedFinding& a) { return said(a.distribution); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.distribution =
           Coded<Distribution>{*a.distribution, code_of(*a.distribution).to_code(), ""};
       f.distribution_implied = false;
     },
     [](const Finding& f, Finding& t) {
       t.distribution = f.distribution;
       t.distribution_implied = f.distribution_implied;
     }},
    {"count", [](const Finding& f) { return said_count(f.count); },
     [](const AnnotatedFinding& a) { return said_count(a.count); },
     [](const AnnotatedFinding& a, Finding& f) { f.count = a.count; },
     [](const Finding& f, Finding& t) { t.count = f.count; }},
    {"extentMm", [](const Finding& f) { return said_mm(f.extent_mm); },
     [](const AnnotatedFinding& a) { return said_mm(a.extent_mm); },
     [](const AnnotatedFinding& a, Finding& f) { f.extent_mm = a.extent_mm; },
     [](const Finding& f, Finding& t) { t.extent_mm = f.extent_mm; }},
    {"reportedCategory",
     [](const Finding& f) {
       return incomplete_overall(f) ? std::nullopt : said(f.reported_category);
     },
     [](const AnnotatedFinding& a) { return said(a.reported_category); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.reported_category = a.reported_category;
       f.reported_category_source = ReportedSource::Annotation;
     },
     [](const Finding& f, Finding& t) {
       t.reported_category = f.reported_category;
       t.reported_category_source = f.reported_category_source;
     }},
    {"change", [](const Finding& f) { return said_known(f.change, Change::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.change); },
     [](const AnnotatedFinding& a, Finding& f) { f.change = *a.change; },
     [](const Finding& f, Finding& t) { t.change = f.change; }},
    {"ultrasoundVisible",
     [](const Finding& f) { return said_known(f.ultrasound_visible, Presence::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.ultrasound_visible); },
     [](const AnnotatedFinding& a, Finding& f) { f.ultrasound_visible = *a.ultrasound_visible; },
     [](const Finding& f, Finding& t) { t.ultrasound_visible = f.ultrasound_visible; }},
    {"palpable", [](const Finding& f) { return said_known(f.palpable, Presence::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.palpable); },
     [](const AnnotatedFinding& a, Finding& f) { f.palpable = *a.palpable; },
     [](const Finding& f, Finding& t) { t.palpable = f.palpable; }},
};

// The field of the finding's breast (the first of kFields).
const Field& breast_field() { return kFields[0]; }

// True when the annotation gives a field a value other than the one a source stated in `reading`.
bool disagrees(const Field& field, const AnnotatedFinding& a, const Finding& reading) {
  const Said given = field.given(a);
  const Said stated = field.stated(reading);
  return given && stated && *given != *stated;
}

// What adds up rather than replaces: every prior result and follow-up given counts.
void add_lists(const AnnotatedFinding& a, Finding& reading) {
  for (const auto result : a.prior_results) {
    if (std::find(reading.prior_results.begin(), reading.prior_results.end(), result) ==
        reading.prior_results.end()) {
      reading.prior_results.push_back(result);
    }
    // Said by the annotation: one that disagrees with the SR's is a conflict (result_conflict).
    reading.results_given.push_back(
        {result_said(result), {std::string(to_string(result)) + " (annotation)", ""}});
  }
  for (const auto& code : a.reported_follow_up) reading.reported_follow_up.push_back(code);
  if (a.bothered_by_deposit) reading.procedure.bothered_by_deposit = *a.bothered_by_deposit;
}

// The procedure factors that decide the biopsy type (B4), given by an annotation's finding or
// patient element: a finding holds one value for all its readings. Where two places of the
// annotations (a patient and a finding element, two files) give different values, neither wins
// by its order: the restrictive one (stereotactic not feasible) stands, the summary warns naming
// both, and the finding needs review (W6; hostile review 26, H26-6).
struct GivenFactors {
  std::optional<double> compressed_thickness_mm;
  std::optional<Presence> can_lie_prone;
};

void set_factors(Finding& finding, const ProcedureFactors& factors) {
  finding.procedure.compressed_thickness_mm = factors.compressed_thickness_mm;
  finding.procedure.can_lie_prone = factors.can_lie_prone;
  for (Finding& reading : finding.other_readings) set_factors(reading, factors);
}

// Who gave a factor's standing value, as the warnings name it ("file:line").
std::string factor_source(const Finding& finding, const char* field) {
  std::string names;
  for (const FieldSource& entry : finding.field_sources) {
    if (entry.field == field) names += (names.empty() ? "" : " and ") + entry.source;
  }
  return names.empty() ? "an earlier annotation" : names;
}

void note_factor(Finding& finding, const char* field, const std::string& here,
                 const std::string& held, const std::string& given, const std::string& used) {
  finding.notes.push_back(
      {WarningCode::AnnotationConflict,
       here + ": " + field + ": " + factor_source(finding, field) + " says " + held + ", " + here +
           " says " + given + "; " + used +
           " is used: it may rule out a stereotactic approach (B4), so the values affect the "
           "biopsy type",
       finding.position});
}

void record_factor_source(Finding& finding, const char* field, const std::string& here,
                          bool agreed) {
  auto& entries = finding.field_sources;
  if (!agreed) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const FieldSource& entry) { return entry.field == field; }),
                  entries.end());
  }
  entries.push_back({field, here});
}

void take_factors(const GivenFactors& given, const std::string& here, Finding& finding) {
  ProcedureFactors factors = finding.procedure;
  if (given.compressed_thickness_mm) {
    const double value = *given.compressed_thickness_mm;
    const auto& held = factors.compressed_thickness_mm;
    const bool agreed = held && *held == value;
    if (held && !agreed) {
      note_factor(finding, "compressedThicknessMm", here, number_text(*held) + " mm",
                  number_text(value) + " mm",
                  "the thinner (" + number_text(std::min(*held, value)) + " mm)");
    }
    if (!held || value <= *held)
      record_factor_source(finding, "compressedThicknessMm", here, agreed);
    factors.compressed_thickness_mm = held ? std::min(*held, value) : value;
  }
  if (given.can_lie_prone && *given.can_lie_prone != Presence::Unknown) {
    const Presence value = *given.can_lie_prone;
    const Presence held = factors.can_lie_prone;
    const bool agreed = held == value;
    if (held != Presence::Unknown && !agreed) {
      note_factor(finding, "canLieProne", here, word(held), word(value), "\"no\"");
    }
    if (held == Presence::Unknown || value == Presence::No) {
      record_factor_source(finding, "canLieProne", here, agreed);
    }
    if (held != Presence::No) factors.can_lie_prone = value;
  }
  set_factors(finding, factors);
}

const std::string kSr;  // the source name of the SR in field_sources

void add_once(std::vector<std::string>& sources, const std::string& source) {
  if (std::find(sources.begin(), sources.end(), source) == sources.end()) sources.push_back(source);
}

// The sources that stated a field's value in a reading: annotations ("file:line"), and the SR
// (kSr) where no annotation replaced its value. Empty when nobody stated one.
std::vector<std::string> sources_of(const Finding& reading, const Field& field) {
  std::vector<std::string> sources;
  for (const FieldSource& entry : reading.field_sources) {
    if (entry.field == field.name) add_once(sources, entry.source);
  }
  if (sources.empty() && field.stated(reading)) sources.push_back(kSr);
  return sources;
}

void set_sources(Finding& reading, const Field& field, const std::vector<std::string>& sources) {
  auto& entries = reading.field_sources;
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const FieldSource& entry) { return entry.field == field.name; }),
                entries.end());
  std::transform(sources.begin(), sources.end(), std::back_inserter(entries),
                 [&](const std::string& source) {
                   return FieldSource{field.name, source};
                 });
}

// Sets the annotation's value of a field in a reading: the annotation is its only source where
// the reading held another value or none, one more source where the reading agreed.
void take_field(const Field& field, const AnnotatedFinding& a, const std::string& source,
                Finding& reading) {
  const Said stated = field.stated(reading);
  std::vector<std::string> sources;
  if (stated && *stated == *field.given(a)) sources = sources_of(reading, field);
  add_once(sources, source);
  field.assign(a, reading);
  set_sources(reading, field, sources);
}

// Whose reading a reading is: the sources whose every value stands in it (the entries with an
// empty field). None recorded: the SR's.
std::vector<std::string> anchors_of(const Finding& reading) {
  std::vector<std::string> anchors;
  for (const FieldSource& entry : reading.field_sources) {
    if (entry.field.empty()) add_once(anchors, entry.source);
  }
  if (anchors.empty()) anchors.push_back(kSr);
  return anchors;
}

void set_anchors(Finding& reading, const std::vector<std::string>& anchors) {
  auto& entries = reading.field_sources;
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [](const FieldSource& entry) { return entry.field.empty(); }),
                entries.end());
  std::transform(anchors.begin(), anchors.end(), std::back_inserter(entries),
                 [](const std::string& anchor) {
                   return FieldSource{"", anchor};
                 });
}

// At most this many other readings per finding, and this many fields branch one reading (2^n);
// beyond, the readings are cut and the finding says so (it needs review anyway).
constexpr std::size_t kMaxReadings = 64;
constexpr std::size_t kMaxBranchingFields = 6;

// The reading of `anchor` (the SR or an earlier annotation) once the annotation is applied. The
// anchor's own values stand. Where the anchor says nothing, the annotation's value is taken if
// nobody gave one or the values agree; if another source gave a different value, the reading
// branches: one keeps that value, one takes the annotation's (per field, every combination).
void branch_reading(const AnnotatedFinding& a, const std::string& source, const Finding& reading,
                    const std::string& anchor, std::vector<Finding>& out) {
  Finding base = reading;
  set_anchors(base, {anchor});
  std::vector<const Field*> open;
  for (const Field& field : kFields) {
    if (!field.given(a)) continue;
    const std::vector<std::string> stated_by = sources_of(reading, field);
    const bool own = std::find(stated_by.begin(), stated_by.end(), anchor) != stated_by.end();
    if (!disagrees(field, a, reading)) {
      take_field(field, a, source, base);
    } else if (!own) {
      open.push_back(&field);
    }
  }
  add_lists(a, base);
  const std::size_t branching = std::min(open.size(), kMaxBranchingFields);
  for (unsigned mask = 0; mask < (1u << branching); ++mask) {
    Finding branch = base;
    for (std::size_t i = 0; i < open.size(); ++i) {
      const bool take = i < branching ? (mask & (1u << i)) != 0 : mask != 0;
      if (take) take_field(*open[i], a, source, branch);
    }
    out.push_back(std::move(branch));
  }
}

// The annotation's own reading: its values, and where it says nothing each value another reading
// holds (one reading per combination).
void own_readings(const AnnotatedFinding& a, const std::string& source, const Finding& shown,
                  const std::vector<const Finding*>& readings, std::vector<Finding>& out) {
  Finding own = shown;
  own.notes.clear();
  own.other_readings.clear();
  for (const Field& field : kFields) {
    if (field.given(a)) take_field(field, a, source, own);
  }
  add_lists(a, own);
  set_anchors(own, {source});
  std::vector<Finding> combinations{own};
  for (const Field& field : kFields) {
    if (field.given(a)) continue;
    std::vector<const Finding*> donors;  // one reading per distinct value beyond the shown one
    std::vector<std::string> values{field.stated(shown).value_or("")};
    for (const Finding* reading : readings) {
      const Said value = field.stated(*reading);
      if (!value || std::find(values.begin(), values.end(), *value) != values.end()) continue;
      values.push_back(*value);
      donors.push_back(reading);
    }
    const std::size_t count = combinations.size();
    for (const Finding* donor : donors) {
      for (std::size_t i = 0; i < count && combinations.size() <= kMaxReadings; ++i) {
        Finding combination = combinations[i];
        field.copy(*donor, combination);
        set_sources(combination, field, sources_of(*donor, field));
        combinations.push_back(std::move(combination));
      }
    }
  }
  out.insert(out.end(), std::make_move_iterator(combinations.begin()),
             std::make_move_iterator(combinations.end()));
}

// What tells two readings apart for the rules: the values the annotations can set.
std::string reading_key(const Finding& reading) {
  std::string key;
  for (const Field& field : kFields) key += field.stated(reading).value_or("-") + "|";
  key += said(reading.reported_category).value_or("-") + "|";
  key += reading.reported_category_source
             ? std::to_string(static_cast<int>(*reading.reported_category_source))
             : "-";
  return key;
}

// Adds a reading to the finding's readings; one with the same values as a reading there only
// adds its sources and whose reading it is to that reading. False when the finding holds
// kMaxReadings already.
bool add_reading(Finding& finding, Finding reading) {
  const std::string key = reading_key(reading);
  Finding* same = &finding;
  if (reading_key(finding) != key) {
    const auto found =
        std::find_if(finding.other_readings.begin(), finding.other_readings.end(),
                     [&](const Finding& other) { return reading_key(other) == key; });
    same = found == finding.other_readings.end() ? nullptr : &*found;
  }
  if (same != nullptr) {
    for (const Field& field : kFields) {
      std::vector<std::string> sources = sources_of(*same, field);
      if (sources.empty()) continue;
      for (const std::string& source : sources_of(reading, field)) add_once(sources, source);
      set_sources(*same, field, sources);
    }
    std::vector<std::string> anchors = anchors_of(*same);
    for (const std::string& anchor : anchors_of(reading)) add_once(anchors, anchor);
    set_anchors(*same, anchors);
    return true;
  }
  if (finding.other_readings.size() >= kMaxReadings) return false;
  reading.notes.clear();
  reading.other_readings.clear();
  finding.other_readings.push_back(std::move(reading));
  return true;
}

std::string source_name(const Finding& finding, const Field& field, const std::string& source) {
  if (!source.empty()) return source;
  const bool overall = std::string(field.name) == "reportedCategory" &&
                       finding.reported_category_source == ReportedSource::Overall;
  return overall ? "the SR's overall assessment" : "the SR";
}

ReaderNote conflict_note(const Finding& finding, const Field& field, const std::string& here,
                         const std::string& stated, const std::string& given) {
  const std::vector<std::string> sources = sources_of(finding, field);
  std::string text = here + ": " + field.name + ": ";
  if (sources == std::vector<std::string>{kSr}) {
    text += source_name(finding, field, kSr) + " says " + stated + ", the annotation says " +
            given + "; the annotation's value is shown";
  } else {
    std::string names;
    for (const std::string& source : sources)
      names += (names.empty() ? "" : " and ") + source_name(finding, field, source);
    text += names + (sources.size() == 1 ? " says " : " say ") + stated + ", " + here + " says " +
            given + "; the value read last is shown";
  }
  text += ", the more suspicious reading classifies";
  return {WarningCode::AnnotationConflict, text, finding.position};
}

// Applies one annotated finding to a finding. The shown reading takes every annotated value;
// where a source (the SR, its overall assessment, an earlier annotation) stated another value,
// the summary warns naming both. The finding keeps every source's reading — its own values,
// completed where it says nothing with what the others say — in other_readings: the rules
// classify each and the more suspicious stands, and the readings are the same whatever the order
// the annotations come in.
// An annotation's place in its file ("file:line"), as GivenValue::position holds it; an SR
// item's position ("1.2.3") has no colon.
bool given_by_annotation(const GivenValue& given) {
  return given.position.find(':') != std::string::npos;
}

// Whether annotations placed the finding in different breasts before.
bool breast_disputed_by_annotations(const Finding& finding) {
  return finding.laterality_source == LateralitySource::Conflicting &&
         std::any_of(finding.alternatives.begin(), finding.alternatives.end(),
                     [](const AlternativeValue& other) {
                       return std::holds_alternative<Laterality>(other.value) &&
                              given_by_annotation(other.given);
                     });
}

// Two annotations (two files, or two elements) that place the finding in different breasts: no
// breast is chosen by the order the files come in (hostile review 77: the file read last took
// the biopsy to its breast and left the other "no calcification finding"). The finding's breast
// is unknown, each given breast is a reading the rules classify, and it is a conflict (W9), as
// two lateralities in the SR are. A breast the annotation gives against the SR's alone is the
// radiologist's correction: it stands (annotations win over the SR).
// `held`: the breast the finding held, as each annotation that gave it (none once disputed).
void dispute_breast(Finding& finding, const std::vector<GivenValue>& held, Laterality held_breast,
                    Laterality given_breast, const std::string& here) {
  const GivenValue given{std::string(to_string(given_breast)) + " (annotation)", here};
  std::vector<GivenValue> values = held;
  values.push_back(given);
  if (values.size() == 1) {
    add_conflict(finding, FindingField::Laterality, GivenValue{}, given);  // one open already
  } else {
    add_conflict(finding, FindingField::Laterality, values[0], values[1]);
    for (std::size_t i = 2; i < values.size(); ++i) {
      add_conflict(finding, FindingField::Laterality, GivenValue{}, values[i]);
    }
  }
  const auto add_alternative = [&](Laterality breast, const GivenValue& by) {
    const bool known = std::any_of(finding.alternatives.begin(), finding.alternatives.end(),
                                   [&](const auto& other) {
                                     const auto* each = std::get_if<Laterality>(&other.value);
                                     return each != nullptr && *each == breast;
                                   });
    if (!known) finding.alternatives.push_back({breast, by});
  };
  if (!held.empty()) add_alternative(held_breast, held.front());
  add_alternative(given_breast, given);
  // An earlier note that an annotation's breast is shown no longer holds: W9 lists them all.
  finding.notes.erase(std::remove_if(finding.notes.begin(), finding.notes.end(),
                                     [](const ReaderNote& note) {
                                       return note.code == WarningCode::AnnotationConflict &&
                                              note.text.find(": laterality: ") != std::string::npos;
                                     }),
                      finding.notes.end());
  finding.laterality = Laterality::Unknown;
  finding.laterality_source = LateralitySource::Conflicting;
  finding.laterality_position.clear();
}

void apply_annotation(const Annotations& annotations, const AnnotatedFinding& a, Finding& finding) {
  const std::string here = where(annotations, a.line);
  // The breast an earlier annotation gave, and whether annotations disputed it already.
  const bool disputed_before = breast_disputed_by_annotations(finding);
  const bool disputes_breast =
      a.laterality &&
      (disputed_before || (finding.laterality_source == LateralitySource::Annotation &&
                           finding.laterality != *a.laterality));
  std::vector<GivenValue> held_breast;
  if (disputes_breast && !disputed_before) {
    for (const std::string& source : sources_of(finding, breast_field())) {
      if (!given_by_annotation(GivenValue{"", source})) continue;  // the SR's, which it corrected
      held_breast.push_back(
          GivenValue{std::string(to_string(finding.laterality)) + " (annotation)", source});
    }
  }
  const Laterality breast_before = finding.laterality;
  for (const Field& field : kFields) {
    if (disputes_breast && &field == &breast_field()) continue;  // said as a conflict below
    if (disagrees(field, a, finding)) {
      finding.notes.push_back(
          conflict_note(finding, field, here, *field.stated(finding), *field.given(a)));
    }
  }

  std::vector<Finding> earlier = std::move(finding.other_readings);
  finding.other_readings.clear();
  std::vector<const Finding*> all{&finding};
  std::transform(earlier.begin(), earlier.end(), std::back_inserter(all),
                 [](const Finding& reading) { return &reading; });
  std::vector<Finding> readings;
  for (const Finding* reading : all) {
    for (const std::string& anchor : anchors_of(*reading)) {
      branch_reading(a, here, *reading, anchor, readings);
    }
  }
  own_readings(a, here, finding, all, readings);

  for (const Field& field : kFields) {
    if (field.given(a)) take_field(field, a, here, finding);
  }
  if (disputes_breast) dispute_breast(finding, held_breast, breast_before, *a.laterality, here);
  add_lists(a, finding);
  set_anchors(finding, {here});
  bool all_kept = true;
  for (Finding& reading : readings) all_kept = add_reading(finding, std::move(reading)) && all_kept;
  if (!all_kept) {
    finding.notes.push_back({WarningCode::AnnotationConflict,
                             here + ": finding: the sources disagree in more than " +
                                 std::to_string(kMaxReadings) +
                                 " ways; only that many readings are classified",
                             finding.position});
  }
  take_factors({a.compressed_thickness_mm, a.can_lie_prone}, here, finding);
  finding.annotations.push_back({annotations.file, a.line,
                                 a.action == AnnotationAction::Refine ? "refine" : "add",
                                 a.comment});
  if (const std::string doubt = what_a_comment_says_beyond_fields(a.comment, finding);
      !doubt.empty()) {
    // A comment too long to read is quoted by its start.
    std::string quoted = a.comment;
    if (quoted.size() > kLongestCommentRead) {
      std::size_t cut = 80;
      while (cut > 0 && (static_cast<unsigned char>(quoted[cut]) & 0xC0) == 0x80) --cut;
      quoted.resize(cut);
      quoted += "\u2026";
    }
    finding.notes.push_back({WarningCode::AnnotationConflict,
                             here + ": finding: its comment \"" + quoted + "\" " + doubt +
                                 ", which its fields do not say; read by its fields",
                             finding.position});
  }
}

void apply_bothered(bool bothered, Finding& finding) {
  if (bothered) finding.procedure.bothered_by_deposit = true;
  for (Finding& reading : finding.other_readings) apply_bothered(bothered, reading);
}

// The patient element holds for every finding; a finding element that says otherwise is a
// conflict, not an exception (take_factors).
void apply_patient(const Annotations& annotations, Finding& finding) {
  const AnnotatedPatient& patient = annotations.patient;
  take_factors({patient.compressed_thickness_mm, patient.can_lie_prone},
               where(annotations, patient.line), finding);
  if (patient.bothered_by_deposit) apply_bothered(*patient.bothered_by_deposit, finding);
}

Finding added_finding(const Annotations& annotations, const AnnotatedFinding& annotated) {
  Finding finding;
  finding.origin = Origin::Annotation;
  finding.position = "annotation:" + std::to_string(annotated.line);
  apply_annotation(annotations, annotated, finding);
  return finding;
}

// The SR findings a refinement names: exactly one finding, with the narrative findings that
// describe it (row W8: they are about the same calcifications, and the annotation wins over both);
// empty when the refinement does not name exactly one (`named`: how many it names).
std::vector<Finding*> refined_targets(const AnnotatedFinding& annotated, Findings& findings,
                                      std::size_t& named_count) {
  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < findings.findings.size(); ++i) {
    const Finding& finding = findings.findings[i];
    if (finding.origin == Origin::Annotation) continue;
    // A clock range the text gives ("between 2 and 3 o'clock") matches any hour in it.
    const bool same_clock =
        finding.location.clock_hour == annotated.location.clock_hour ||
        (annotated.location.clock_hour && clock_in_range(finding, *annotated.location.clock_hour));
    const bool match = annotated.sr_position.empty()
                           ? finding.laterality == annotated.laterality && same_clock
                           : finding.position == annotated.sr_position;
    if (match) matches.push_back(i);
  }
  // A narrative finding that describes another match is that match.
  const auto describes_another = [&](std::size_t index) {
    const std::optional<std::size_t> paired = findings.findings[index].paired_with;
    return paired && std::find(matches.begin(), matches.end(), *paired) != matches.end();
  };
  std::vector<std::size_t> named;
  std::copy_if(matches.begin(), matches.end(), std::back_inserter(named),
               [&](std::size_t index) { return !describes_another(index); });
  named_count = named.size();
  if (named.size() != 1) return {};
  std::vector<Finding*> targets{&findings.findings[named.front()]};
  for (std::size_t i = 0; i < findings.findings.size(); ++i) {
    if (findings.findings[i].paired_with == named.front()) targets.push_back(&findings.findings[i]);
  }
  return targets;
}

// What a refinement names, and why that is no one finding: an SR position the SR does not have,
// an item that is not a calcification finding (its concept named), or several findings.
std::string why_unmatched(const AnnotatedFinding& annotated, const Findings& findings,
                          std::size_t named) {
  if (annotated.sr_position.empty()) {
    const std::string reference =
        "laterality " + word_or_unknown(annotated.laterality) + " and clock " +
        (annotated.location.clock_hour ? std::to_string(*annotated.location.clock_hour)
                                       : "unknown");
    return named == 0 ? reference + ", which no SR finding has"
                      : reference + ", which " + std::to_string(named) +
                            " SR findings have (it must match exactly one)";
  }
  const std::string reference = "SR position " + annotated.sr_position;
  if (named > 1) {
    return reference + ", which " + std::to_string(named) +
           " findings of this summary share (read from one text item): which one it refines "
           "cannot be told";
  }
  const auto item = findings.sr_items.find(annotated.sr_position);
  if (item == findings.sr_items.end()) return reference + ", which the SR does not have";
  return reference + ", which is not a calcification finding of this summary (the SR's item " +
         "there: " + (item->second.empty() ? "no concept name" : describe(item->second)) + ")";
}

void check_study(const Annotations& annotations, const Findings& findings) {
  const std::string at = where(annotations, annotations.study_line);
  if (annotations.study_instance_uid != findings.source.study_instance_uid) {
    throw Error(ErrorCode::InvalidAnnotation,
                at + ": study/@studyInstanceUid: the annotation is for another study than " +
                    findings.source.file);
  }
  if (!annotations.sop_instance_uid.empty() &&
      annotations.sop_instance_uid != findings.source.sop_instance_uid) {
    throw Error(ErrorCode::InvalidAnnotation,
                at + ": study/@sopInstanceUid: the annotation was made on another SR than " +
                    findings.source.file);
  }
  if (!annotations.accession_number.empty() && !findings.source.accession_number.empty() &&
      annotations.accession_number != findings.source.accession_number) {
    throw Error(ErrorCode::InvalidAnnotation,
                at + ": study/@accessionNumber: differs from the accession number of " +
                    findings.source.file);
  }
}

// Whether an added finding lies at the very place of `finding`: its breast and clock hour, and
// its depth where both give one.
bool at_the_place_of(const AnnotatedFinding& annotated, const Finding& finding) {
  if (!annotated.laterality || *annotated.laterality == Laterality::Unknown ||
      !annotated.location.clock_hour) {
    return false;
  }
  if (finding.laterality != *annotated.laterality ||
      finding.location.clock_hour != annotated.location.clock_hour) {
    return false;
  }
  return !finding.location.depth || !annotated.location.depth ||
         finding.location.depth == annotated.location.depth;
}

// What `annotated` says otherwise than `finding` of what lies there (its place aside), each as
// "FIELD: <stated_by>VALUE, the annotation says VALUE"; empty where they agree.
std::string described_otherwise(const AnnotatedFinding& annotated, const Finding& finding,
                                const std::string& stated_by) {
  std::string differs;
  for (const Field& field : kFields) {
    const bool place = std::string_view(field.name) == "laterality" ||
                       std::string_view(field.name).rfind("location/", 0) == 0;
    if (place || !disagrees(field, annotated, finding)) continue;
    if (!differs.empty()) differs += "; ";
    differs += std::string(field.name) + ": " + stated_by + *field.stated(finding) +
               ", the annotation says " + *field.given(annotated);
  }
  return differs;
}

// Two added findings at the very place (breast, clock hour, depth) described otherwise, in one
// annotation file or two: the calcifications there described twice, a value given twice, never
// "the first one stands" (hostile review 74: the benign one of the two was left unreviewed).
// All stand and are classified; every one added at that place says so once (W6). Compared with
// the last one added there only, and said once per finding: thousands at one place stay linear
// in time and output (review of the change).
// `earlier` holds the findings read before this file (the added ones among them count),
// `this_file` those this file added before.
void note_added_at_added_place(const Annotations& annotations, const AnnotatedFinding& annotated,
                               std::vector<Finding>& earlier, std::vector<Finding>& this_file,
                               Finding& added) {
  const auto here = [&](const Finding& other) {
    return other.origin == Origin::Annotation && at_the_place_of(annotated, other);
  };
  Finding* last = nullptr;
  for (Finding& other : earlier) {
    if (here(other)) last = &other;
  }
  for (Finding& other : this_file) {
    if (here(other)) last = &other;
  }
  if (last == nullptr) return;
  const std::string differs =
      described_otherwise(annotated, *last, "the finding added at " + last->position + " says ");
  if (differs.empty()) return;
  std::string text = where(annotations, annotated.line);
  text += ": finding: added at the place of the finding added at ";
  text += last->position;
  text += " but described otherwise (";
  text += differs;
  text += "); if they describe the same calcifications, one reading must go";
  const auto say = [&text](Finding& finding) {
    const bool said = std::any_of(
        finding.notes.begin(), finding.notes.end(),
        [](const ReaderNote& note) { return note.code == WarningCode::AnnotationConflict; });
    if (!said) finding.notes.push_back({WarningCode::AnnotationConflict, text, finding.position});
  };
  for (Finding& other : earlier) {
    if (here(other)) say(other);
  }
  for (Finding& other : this_file) {
    if (here(other)) say(other);
  }
  say(added);
}

// An added finding at the very place of an SR finding (its breast, clock hour and depth) that
// describes it otherwise (a benign morphology or category where the SR has a suspicious one) is
// most likely a re-reading written as an addition: both stand and are classified, and both say
// so, for review (W6; hostile review 50, H50-5). One that agrees, or lies elsewhere, is a finding
// of its own.
// Returns the SR positions of the findings it describes otherwise, for the added finding to say.
std::string note_added_at_sr_place(const Annotations& annotations,
                                   const AnnotatedFinding& annotated, Findings& findings) {
  std::string positions;
  const std::string here = where(annotations, annotated.line);
  for (Finding& finding : findings.findings) {
    // A narrative finding that restates a coded one (W8 pairing) is that one, said there.
    if (finding.origin == Origin::Annotation || finding.paired_with ||
        !at_the_place_of(annotated, finding)) {
      continue;
    }
    std::string differs = described_otherwise(annotated, finding, "the SR says ");
    const auto say_difference = [&differs](const std::string& name, const std::string& sr_says,
                                           const std::string& given) {
      if (!differs.empty()) differs += "; ";
      differs += name;
      differs += ": ";
      differs += sr_says;
      differs += ", the annotation says ";
      differs += given;
    };
    // A finding with no category of its own is assessed by the report's overall category for its
    // breast, which an added category then differs from just as well (hostile review 51, H51-6).
    if (annotated.reported_category && !finding.reported_category) {
      for (const std::size_t index : finding.overall_statement_indices) {
        const std::optional<Category>& overall = findings.overall_statements.at(index).category;
        if (!overall || *overall == *annotated.reported_category) continue;
        say_difference(
            "reportedCategory",
            "the SR's overall assessment for its breast says " + std::string(to_string(*overall)),
            std::string(to_string(*annotated.reported_category)));
        break;
      }
    }
    if (differs.empty()) continue;
    std::string text = here + ": finding: added at the place of this SR finding (";
    text += to_string(finding.laterality);
    text += ", " + std::to_string(*finding.location.clock_hour);
    text += " o'clock) but described otherwise (";
    text += differs;
    text += "); if it re-reads this finding, it is a refine; both are classified";
    finding.notes.push_back({WarningCode::AnnotationConflict, text, finding.position});
    if (!positions.empty()) positions += ", ";
    positions += finding.position;
  }
  return positions;
}

}  // namespace

void merge_annotations(const Annotations& annotations, Findings& findings) {
  check_study(annotations, findings);
  std::vector<Finding> added;
  for (const AnnotatedFinding& annotated : annotations.findings) {
    if (annotated.action == AnnotationAction::Add) {
      const std::string described_otherwise =
          note_added_at_sr_place(annotations, annotated, findings);
      // Those added before: by this file, and by an annotation file merged before it.
      Finding adding = added_finding(annotations, annotated);
      note_added_at_added_place(annotations, annotated, findings.findings, added, adding);
      added.push_back(std::move(adding));
      if (!described_otherwise.empty()) {
        added.back().notes.push_back(
            {WarningCode::AnnotationConflict,
             where(annotations, annotated.line) +
                 ": finding: added at the place of the SR finding at position " +
                 described_otherwise +
                 ", which the SR describes otherwise; if it re-reads that finding, it is a refine",
             added.back().position});
      }
      continue;
    }
    std::size_t named = 0;
    const std::vector<Finding*> targets = refined_targets(annotated, findings, named);
    if (!targets.empty()) {
      for (Finding* target : targets) apply_annotation(annotations, annotated, *target);
      continue;
    }
    // Its values are kept as a finding of their own, for review (rules W18, E14): they were
    // meant to complete an SR finding, so alone they may look benign (a site without the
    // morphology it was meant to join).
    findings.notes.push_back({WarningCode::AnnotationUnmatched,
                              where(annotations, annotated.line) + ": finding: refines " +
                                  why_unmatched(annotated, findings, named) +
                                  "; kept as an added finding, for radiologist review",
                              ""});
    Finding kept = added_finding(annotations, annotated);
    note_added_at_added_place(annotations, annotated, findings.findings, added, kept);
    added.push_back(std::move(kept));
  }
  // The report's overall statements for its breast may be about an added finding too: W11 and
  // W26 weigh them against it as against the SR's own (hostile review 51, H51-6).
  for (Finding& finding : added) {
    for (std::size_t index = 0; index < findings.overall_statements.size(); ++index) {
      if (speaks_for(findings.overall_statements[index].laterality, finding.laterality)) {
        finding.overall_statement_indices.push_back(index);
      }
    }
    findings.findings.push_back(std::move(finding));
  }
  for (Finding& finding : findings.findings) apply_patient(annotations, finding);
}

Findings findings_from_annotations(const Annotations& annotations) {
  Findings findings;
  findings.source.file = annotations.file;
  findings.source.study_instance_uid = annotations.study_instance_uid;
  findings.source.sop_instance_uid = annotations.sop_instance_uid;
  findings.source.accession_number = annotations.accession_number;
  findings.source.report_template = ReportTemplate::Annotation;
  for (const AnnotatedFinding& annotated : annotations.findings) {
    if (annotated.action == AnnotationAction::Refine) {
      findings.notes.push_back({WarningCode::AnnotationUnmatched,
                                where(annotations, annotated.line) +
                                    ": finding: refines an SR finding, but no SR was given; kept "
                                    "as an added finding, for radiologist review",
                                ""});
    }
    Finding adding = added_finding(annotations, annotated);
    std::vector<Finding> none;
    note_added_at_added_place(annotations, annotated, findings.findings, none, adding);
    findings.findings.push_back(std::move(adding));
  }
  for (Finding& finding : findings.findings) apply_patient(annotations, finding);
  return findings;
}

}  // namespace mammocalc
