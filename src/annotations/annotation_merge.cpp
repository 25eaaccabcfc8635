#include "annotations/annotation_merge.hpp"

#include <algorithm>
#include <iterator>
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

std::string words(const std::vector<Coded<Morphology>>& terms) {
  std::string text;
  for (const auto& coded : terms)
    text += (text.empty() ? "" : ", ") + std::string(to_string(coded.term));
  return text.empty() ? "none" : text;
}

// Applies annotated values to a finding, field by field; a differing SR value is a conflict.
// The caller's SR-only reading receives the same values except where the SR had another one.
class FieldMerger {
 public:
  FieldMerger(const Annotations& annotations, const AnnotatedFinding& annotated, Finding& merged)
      : annotations_(annotations), annotated_(annotated), merged_(merged) {}

  // Sets a field; a differing SR value is a conflict (warning, and kept in the SR reading).
  template <typename T, typename Describe>
  void apply(const char* field, const std::optional<T>& given, T& merged_value, T& sr_value,
             bool sr_has_value, Describe describe_value) {
    if (!given) return;
    if (sr_has_value && !(merged_value == *given)) {
      conflict(field, describe_value(merged_value), describe_value(*given));
    } else {
      sr_value = *given;
    }
    merged_value = *given;
  }

  void conflict(const char* field, const std::string& sr_value, const std::string& annotated) {
    conflicts_ = true;
    merged_.notes.push_back(
        {WarningCode::AnnotationConflict,
         where(annotations_, annotated_.line) + ": " + field + ": the SR says " + sr_value +
             ", the annotation says " + annotated +
             "; the annotation's value is shown, the more suspicious reading classifies",
         merged_.position});
  }

  bool conflicts() const { return conflicts_; }

 private:
  const Annotations& annotations_;
  const AnnotatedFinding& annotated_;
  Finding& merged_;
  bool conflicts_ = false;
};

template <typename T>
std::string word(const T& value) {
  return std::string(to_string(value));
}

template <typename T>
std::string word_or_unknown(const std::optional<T>& value) {
  return value ? std::string(to_string(*value)) : "unknown";
}

void apply_annotation(const Annotations& annotations, const AnnotatedFinding& a, Finding& finding) {
  Finding sr_only = finding;  // the SR's reading, completed with what the SR does not say
  FieldMerger merger(annotations, a, finding);
  const auto millimetres = [](const std::optional<double>& v) {
    return v ? number_text(*v) + " mm" : std::string("unknown");
  };

  if (a.laterality) {
    merger.apply("laterality", a.laterality, finding.laterality, sr_only.laterality,
                 finding.laterality != Laterality::Unknown, word<Laterality>);
  }
  const auto optional_field = [&](const char* field, const auto& given, auto& merged, auto& sr,
                                  auto describe) {
    using Value = std::decay_t<decltype(merged)>;
    if (!given) return;
    merger.apply(field, std::optional<Value>(given), merged, sr, merged.has_value(), describe);
  };
  optional_field("location/@clock", a.location.clock_hour, finding.location.clock_hour,
                 sr_only.location.clock_hour, [](const std::optional<int>& v) {
                   return v ? std::to_string(*v) + " o'clock" : std::string("unknown");
                 });
  optional_field("location/@region", a.location.region, finding.location.region,
                 sr_only.location.region, word_or_unknown<Region>);
  optional_field("location/@quadrant", a.location.quadrant, finding.location.quadrant,
                 sr_only.location.quadrant, word_or_unknown<Quadrant>);
  optional_field("location/@depth", a.location.depth, finding.location.depth,
                 sr_only.location.depth, word_or_unknown<Depth>);
  optional_field("location/@distanceFromNippleMm", a.location.from_nipple_mm,
                 finding.location.from_nipple_mm, sr_only.location.from_nipple_mm, millimetres);
  optional_field("location/@distanceFromSkinMm", a.location.from_skin_mm,
                 finding.location.from_skin_mm, sr_only.location.from_skin_mm, millimetres);
  optional_field("location/@distanceFromChestWallMm", a.location.from_chest_wall_mm,
                 finding.location.from_chest_wall_mm, sr_only.location.from_chest_wall_mm,
                 millimetres);

  if (a.site) {
    const bool sr_states_site = finding.stated_site_source == SiteSource::Sr;
    if (sr_states_site && finding.stated_site != *a.site) {
      merger.conflict("site", word(finding.stated_site), word(*a.site));
    } else {
      sr_only.stated_site = *a.site;
      sr_only.stated_site_source = SiteSource::Annotation;
    }
    finding.stated_site = *a.site;
    finding.stated_site_source = SiteSource::Annotation;
  }

  if (!a.morphology.empty()) {
    std::vector<Coded<Morphology>> terms;
    std::transform(a.morphology.begin(), a.morphology.end(), std::back_inserter(terms),
                   [](Morphology term) {
                     return Coded<Morphology>{term, code_of(term).to_code(), ""};
                   });
    const auto same_terms = [&](const std::vector<Coded<Morphology>>& sr) {
      return sr.size() == terms.size() && std::all_of(sr.begin(), sr.end(), [&](const auto& c) {
               return std::any_of(terms.begin(), terms.end(),
                                  [&](const auto& t) { return t.term == c.term; });
             });
    };
    if (!finding.morphology.empty() && !same_terms(finding.morphology)) {
      merger.conflict("morphology", words(finding.morphology), words(terms));
    } else {
      sr_only.morphology = terms;
    }
    finding.morphology = terms;
  }

  if (a.distribution) {
    const Coded<Distribution> given{*a.distribution, code_of(*a.distribution).to_code(), ""};
    const bool sr_explicit = finding.distribution && !finding.distribution_implied;
    if (sr_explicit && finding.distribution->term != *a.distribution) {
      merger.conflict("distribution", word(finding.distribution->term), word(*a.distribution));
    } else {
      sr_only.distribution = given;
      sr_only.distribution_implied = false;
    }
    finding.distribution = given;
    finding.distribution_implied = false;
  }

  optional_field("count", a.count, finding.count, sr_only.count, [](const std::optional<int>& v) {
    return v ? std::to_string(*v) : std::string("unknown");
  });
  optional_field("extentMm", a.extent_mm, finding.extent_mm, sr_only.extent_mm, millimetres);
  if (a.reported_category) {
    // The SR's overall assessment ranks below an annotation (decision-logic.md §1): replacing
    // it is no conflict; the SR finding's own category is.
    const bool from_finding =
        finding.reported_category && finding.reported_category_source != ReportedSource::Overall;
    merger.apply("reportedCategory", std::optional<std::optional<Category>>(a.reported_category),
                 finding.reported_category, sr_only.reported_category, from_finding,
                 word_or_unknown<Category>);
    finding.reported_category_source = ReportedSource::Annotation;
    if (!from_finding) sr_only.reported_category_source = ReportedSource::Annotation;
  }

  const auto known_field = [&](const char* field, const auto& given, auto& merged, auto& sr,
                               auto unknown) {
    if (!given) return;
    merger.apply(field, given, merged, sr, merged != unknown,
                 [](const auto& v) { return word(v); });
  };
  known_field("change", a.change, finding.change, sr_only.change, Change::Unknown);
  known_field("ultrasoundVisible", a.ultrasound_visible, finding.ultrasound_visible,
              sr_only.ultrasound_visible, Presence::Unknown);
  known_field("palpable", a.palpable, finding.palpable, sr_only.palpable, Presence::Unknown);

  // Lists add up: every prior result and follow-up given counts.
  for (Finding* target : {&finding, &sr_only}) {
    for (const auto result : a.prior_results) {
      if (std::find(target->prior_results.begin(), target->prior_results.end(), result) ==
          target->prior_results.end()) {
        target->prior_results.push_back(result);
      }
    }
    for (const auto& code : a.reported_follow_up) target->reported_follow_up.push_back(code);
    if (a.compressed_thickness_mm)
      target->procedure.compressed_thickness_mm = a.compressed_thickness_mm;
    if (a.can_lie_prone) target->procedure.can_lie_prone = *a.can_lie_prone;
    if (a.bothered_by_deposit) target->procedure.bothered_by_deposit = *a.bothered_by_deposit;
  }

  const std::string action = a.action == AnnotationAction::Refine ? "refine" : "add";
  finding.annotations.push_back({annotations.file, a.line, action, a.comment});
  if (merger.conflicts()) {
    sr_only.notes.clear();
    sr_only.other_readings.clear();
    finding.other_readings.push_back(std::move(sr_only));
  }
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
