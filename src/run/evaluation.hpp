#pragma once
// What every run evaluates SRs with: the site profile, the radiologists' annotations, the limits
// the reader enforces and the shape of the summary. summarize, batch, hook, serve and review all
// hold one EvaluationConfig and load it once per run.

#include <string>
#include <vector>

#include "dicom/dicom_structure.hpp"
#include "output/summary_writer.hpp"
#include "rules/rules.hpp"

namespace mammocalc {

struct EvaluationConfig {
  std::string site_profile_file;  // empty: the built-in defaults of decision-logic.md
  // Annotation files, or directories of them matched to the SR by Study Instance UID.
  std::vector<std::string> annotations;
  ReadLimits limits;
  SummaryOptions summary;
};

// An EvaluationConfig loaded for a run: the site profile read once, the rest as given.
struct Evaluation {
  SiteProfile profile;
  std::vector<std::string> annotations;
  ReadLimits limits;
  SummaryOptions summary;
};

// The site profile in `file`, or decision-logic.md's defaults when `file` is empty.
SiteProfile load_site_profile(const std::string& file);

// Reads the site profile. Throws Error(InvalidSiteProfile) naming the file.
Evaluation load_evaluation(const EvaluationConfig& config);

}  // namespace mammocalc
