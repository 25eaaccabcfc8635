#include "annotations/annotation_merge.hpp"

#include <algorithm>
#include <locale>
#include <sstream>

#include "base/error.hpp"
#include "findings/lexicon.hpp"

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
  for (const auto& coded : finding.morphology) terms.push_back(coded.term);
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
// `assign` sets the annotation's value in a reading.
struct Field {
  const char* name;
  Said (*stated)(const Finding&);
  Said (*given)(const AnnotatedFinding&);
  void (*assign)(const AnnotatedFinding&, Finding&);
};

const Field kFields[] = {
    {"laterality", [](const Finding& f) { return said_known(f.laterality, Laterality::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.laterality); },
     [](const AnnotatedFinding& a, Finding& f) { f.laterality = *a.laterality; }},
    {"location/@clock", [](const Finding& f) { return said_clock(f.location.clock_hour); },
     [](const AnnotatedFinding& a) { return said_clock(a.location.clock_hour); },
     [](const AnnotatedFinding& a, Finding& f) { f.location.clock_hour = a.location.clock_hour; }},
    {"location/@region", [](const Finding& f) { return said(f.location.region); },
     [](const AnnotatedFinding& a) { return said(a.location.region); },
     [](const AnnotatedFinding& a, Finding& f) { f.location.region = a.location.region; }},
    {"location/@quadrant", [](const Finding& f) { return said(f.location.quadrant); },
     [](const AnnotatedFinding& a) { return said(a.location.quadrant); },
     [](const AnnotatedFinding& a, Finding& f) { f.location.quadrant = a.location.quadrant; }},
    {"location/@depth", [](const Finding& f) { return said(f.location.depth); },
     [](const AnnotatedFinding& a) { return said(a.location.depth); },
     [](const AnnotatedFinding& a, Finding& f) { f.location.depth = a.location.depth; }},
    {"location/@distanceFromNippleMm",
     [](const Finding& f) { return said_mm(f.location.from_nipple_mm); },
     [](const AnnotatedFinding& a) { return said_mm(a.location.from_nipple_mm); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.location.from_nipple_mm = a.location.from_nipple_mm;
     }},
    {"location/@distanceFromSkinMm",
     [](const Finding& f) { return said_mm(f.location.from_skin_mm); },
     [](const AnnotatedFinding& a) { return said_mm(a.location.from_skin_mm); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.location.from_skin_mm = a.location.from_skin_mm;
     }},
    {"location/@distanceFromChestWallMm",
     [](const Finding& f) { return said_mm(f.location.from_chest_wall_mm); },
     [](const AnnotatedFinding& a) { return said_mm(a.location.from_chest_wall_mm); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.location.from_chest_wall_mm = a.location.from_chest_wall_mm;
     }},
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
     }},
    {"morphology", [](const Finding& f) { return said_terms(terms_of(f)); },
     [](const AnnotatedFinding& a) { return said_terms(a.morphology); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.morphology.clear();
       for (const Morphology term : a.morphology) {
         f.morphology.push_back({term, code_of(term).to_code(), ""});
       }
     }},
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
     }},
    {"count", [](const Finding& f) { return said_count(f.count); },
     [](const AnnotatedFinding& a) { return said_count(a.count); },
     [](const AnnotatedFinding& a, Finding& f) { f.count = a.count; }},
    {"extentMm", [](const Finding& f) { return said_mm(f.extent_mm); },
     [](const AnnotatedFinding& a) { return said_mm(a.extent_mm); },
     [](const AnnotatedFinding& a, Finding& f) { f.extent_mm = a.extent_mm; }},
    {"reportedCategory",
     [](const Finding& f) {
       return incomplete_overall(f) ? std::nullopt : said(f.reported_category);
     },
     [](const AnnotatedFinding& a) { return said(a.reported_category); },
     [](const AnnotatedFinding& a, Finding& f) {
       f.reported_category = a.reported_category;
       f.reported_category_source = ReportedSource::Annotation;
     }},
    {"change", [](const Finding& f) { return said_known(f.change, Change::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.change); },
     [](const AnnotatedFinding& a, Finding& f) { f.change = *a.change; }},
    {"ultrasoundVisible",
     [](const Finding& f) { return said_known(f.ultrasound_visible, Presence::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.ultrasound_visible); },
     [](const AnnotatedFinding& a, Finding& f) { f.ultrasound_visible = *a.ultrasound_visible; }},
    {"palpable", [](const Finding& f) { return said_known(f.palpable, Presence::Unknown); },
     [](const AnnotatedFinding& a) { return said(a.palpable); },
     [](const AnnotatedFinding& a, Finding& f) { f.palpable = *a.palpable; }},
};

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
  }
  for (const auto& code : a.reported_follow_up) reading.reported_follow_up.push_back(code);
  if (a.compressed_thickness_mm)
    reading.procedure.compressed_thickness_mm = a.compressed_thickness_mm;
  if (a.can_lie_prone) reading.procedure.can_lie_prone = *a.can_lie_prone;
  if (a.bothered_by_deposit) reading.procedure.bothered_by_deposit = *a.bothered_by_deposit;
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
  for (const std::string& source : sources) entries.push_back({field.name, source});
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

// At most this many disagreeing sources branch one reading (2^n readings); beyond, the reading
// branches only into "the annotation throughout" and "its sources throughout".
constexpr std::size_t kMaxBranchingSources = 4;
// At most this many other readings per finding.
constexpr std::size_t kMaxReadings = 64;

// The reading once the annotation is applied. Where sources of the reading stated other values,
// it branches: for every set of those sources, one reading in which they keep what they stated
// and the annotation gives the rest (the empty set: the annotation's values throughout). So each
// source's reading is kept, completed with the others' values where it says nothing, and the
// readings are the same whatever the order the annotations are applied in.
std::vector<Finding> branches(const AnnotatedFinding& a, const std::string& source,
                              const Finding& reading) {
  std::vector<std::string> disagreeing;
  for (const Field& field : kFields) {
    if (!disagrees(field, a, reading)) continue;
    for (const std::string& other : sources_of(reading, field)) add_once(disagreeing, other);
  }
  std::vector<std::vector<std::string>> keepers;  // the sets of sources that keep their values
  if (disagreeing.size() <= kMaxBranchingSources) {
    for (unsigned mask = 0; mask < (1u << disagreeing.size()); ++mask) {
      std::vector<std::string> set;
      for (std::size_t i = 0; i < disagreeing.size(); ++i) {
        if (mask & (1u << i)) set.push_back(disagreeing[i]);
      }
      keepers.push_back(std::move(set));
    }
  } else {
    keepers = {{}, disagreeing};
  }
  std::vector<Finding> result;
  for (const std::vector<std::string>& keep : keepers) {
    Finding branch = reading;
    for (const Field& field : kFields) {
      if (!field.given(a)) continue;
      const std::vector<std::string> stated_by = sources_of(reading, field);
      const bool kept = disagrees(field, a, reading) &&
                        std::any_of(stated_by.begin(), stated_by.end(), [&](const std::string& s) {
                          return std::find(keep.begin(), keep.end(), s) != keep.end();
                        });
      if (!kept) take_field(field, a, source, branch);
    }
    add_lists(a, branch);
    result.push_back(std::move(branch));
  }
  return result;
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
// adds its sources to that reading's. False when the finding holds kMaxReadings already.
bool add_reading(Finding& finding, Finding reading) {
  const std::string key = reading_key(reading);
  Finding* same = reading_key(finding) == key ? &finding : nullptr;
  for (Finding& other : finding.other_readings) {
    if (same == nullptr && reading_key(other) == key) same = &other;
  }
  if (same != nullptr) {
    for (const Field& field : kFields) {
      std::vector<std::string> sources = sources_of(*same, field);
      if (sources.empty()) continue;
      for (const std::string& source : sources_of(reading, field)) add_once(sources, source);
      set_sources(*same, field, sources);
    }
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
// the summary warns naming both, and the readings as each source has them are kept in
// other_readings: the rules classify each and the more suspicious stands, whatever the order the
// annotations come in.
void apply_annotation(const Annotations& annotations, const AnnotatedFinding& a, Finding& finding) {
  const std::string here = where(annotations, a.line);
  for (const Field& field : kFields) {
    if (disagrees(field, a, finding)) {
      finding.notes.push_back(
          conflict_note(finding, field, here, *field.stated(finding), *field.given(a)));
    }
  }

  std::vector<Finding> readings = branches(a, here, finding);
  std::vector<Finding> others = std::move(finding.other_readings);
  finding.other_readings.clear();
  for (const Finding& other : others) {
    for (Finding& branch : branches(a, here, other)) readings.push_back(std::move(branch));
  }
  for (const Field& field : kFields) {
    if (field.given(a)) take_field(field, a, here, finding);
  }
  add_lists(a, finding);
  bool all_kept = true;
  for (Finding& reading : readings) all_kept = add_reading(finding, std::move(reading)) && all_kept;
  if (!all_kept) {
    finding.notes.push_back({WarningCode::AnnotationConflict,
                             here + ": finding: the sources disagree in more than " +
                                 std::to_string(kMaxReadings) +
                                 " ways; only that many readings are classified",
                             finding.position});
  }
  finding.annotations.push_back({annotations.file, a.line,
                                 a.action == AnnotationAction::Refine ? "refine" : "add",
                                 a.comment});
}

void apply_patient(const AnnotatedPatient& patient, Finding& finding) {
  ProcedureFactors& factors = finding.procedure;
  if (patient.compressed_thickness_mm && !factors.compressed_thickness_mm) {
    factors.compressed_thickness_mm = patient.compressed_thickness_mm;
  }
  if (patient.can_lie_prone && factors.can_lie_prone == Presence::Unknown) {
    factors.can_lie_prone = *patient.can_lie_prone;
  }
  if (patient.bothered_by_deposit && !factors.bothered_by_deposit) {
    factors.bothered_by_deposit = *patient.bothered_by_deposit;
  }
  for (Finding& reading : finding.other_readings) apply_patient(patient, reading);
}

Finding added_finding(const Annotations& annotations, const AnnotatedFinding& annotated) {
  Finding finding;
  finding.origin = Origin::Annotation;
  finding.position = "annotation:" + std::to_string(annotated.line);
  apply_annotation(annotations, annotated, finding);
  return finding;
}

// The SR finding a refinement names, or nullptr when there is not exactly one.
Finding* refined_target(const AnnotatedFinding& annotated, Findings& findings) {
  std::vector<Finding*> matches;
  for (Finding& finding : findings.findings) {
    if (finding.origin == Origin::Annotation) continue;
    const bool match = annotated.sr_position.empty()
                           ? finding.laterality == annotated.laterality &&
                                 finding.location.clock_hour == annotated.location.clock_hour
                           : finding.position == annotated.sr_position;
    if (match) matches.push_back(&finding);
  }
  return matches.size() == 1 ? matches.front() : nullptr;
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

}  // namespace

void merge_annotations(const Annotations& annotations, Findings& findings) {
  check_study(annotations, findings);
  std::vector<Finding> added;
  for (const AnnotatedFinding& annotated : annotations.findings) {
    if (annotated.action == AnnotationAction::Add) {
      added.push_back(added_finding(annotations, annotated));
      continue;
    }
    if (Finding* target = refined_target(annotated, findings)) {
      apply_annotation(annotations, annotated, *target);
      continue;
    }
    const std::string reference =
        annotated.sr_position.empty()
            ? "laterality " + word_or_unknown(annotated.laterality) + " and clock " +
                  (annotated.location.clock_hour ? std::to_string(*annotated.location.clock_hour)
                                                 : "unknown") +
                  " (which must match exactly one SR finding)"
            : "SR position " + annotated.sr_position;
    findings.notes.push_back({WarningCode::AnnotationUnmatched,
                              where(annotations, annotated.line) + ": finding: refines " +
                                  reference +
                                  ", which the SR does not have; kept as an added finding",
                              ""});
    added.push_back(added_finding(annotations, annotated));
  }
  for (Finding& finding : added) findings.findings.push_back(std::move(finding));
  for (Finding& finding : findings.findings) apply_patient(annotations.patient, finding);
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
                                    "as an added finding",
                                ""});
    }
    findings.findings.push_back(added_finding(annotations, annotated));
  }
  for (Finding& finding : findings.findings) apply_patient(annotations.patient, finding);
  return findings;
}

}  // namespace mammocalc
