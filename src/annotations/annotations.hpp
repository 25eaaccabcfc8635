#pragma once
// A radiologist's annotation file as plain values (schemas/annotations.xsd). Every value keeps
// the line it was given on, so that merge warnings can name file, line and field.

#include <optional>
#include <string>
#include <vector>

#include "findings/findings.hpp"

namespace mammocalc {

enum class AnnotationAction { Refine, Add };

// What an annotation says about one finding; an empty optional means "not given".
struct AnnotatedFinding {
  int line = 0;
  AnnotationAction action = AnnotationAction::Add;
  std::string sr_position;  // refine: the SR finding's position; empty → match laterality + clock
  std::optional<Laterality> laterality;
  Location location;  // each member empty when not given
  std::optional<Site> site;
  std::vector<Morphology> morphology;  // empty: not given
  std::optional<Distribution> distribution;
  std::optional<int> count;
  std::optional<double> extent_mm;
  std::optional<Change> change;
  std::optional<Presence> ultrasound_visible;
  std::optional<Presence> palpable;
  std::optional<Category> reported_category;
  std::vector<Code> reported_follow_up;
  std::vector<PriorResult> prior_results;
  std::optional<double> compressed_thickness_mm;
  std::optional<Presence> can_lie_prone;
  std::optional<bool> bothered_by_deposit;
  std::string comment;
};

// Patient factors that hold for every finding of the study unless a finding says otherwise.
struct AnnotatedPatient {
  int line = 0;  // of the patient element, for the warnings that name it
  std::optional<double> compressed_thickness_mm;
  std::optional<Presence> can_lie_prone;
  std::optional<bool> bothered_by_deposit;
};

struct Annotations {
  std::string file;
  std::string study_instance_uid;
  std::string sop_instance_uid;  // optional: the SR the annotation was made on
  std::string accession_number;
  std::string radiologist;
  int study_line = 0;
  // What the file says, laid out one way (XmlInput::canonical_content): two files that say the
  // same, byte for byte or saved again by an editor, say one annotation twice, and applied both
  // would count its findings twice (hostile reviews 29 and 30, H29-12, H30-6).
  std::string content;
  AnnotatedPatient patient;
  std::vector<AnnotatedFinding> findings;
};

}  // namespace mammocalc
