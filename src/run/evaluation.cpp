#include "run/evaluation.hpp"

#include "annotations/site_profile_reader.hpp"

namespace mammocalc {

SiteProfile load_site_profile(const std::string& file) {
  if (file.empty()) return SiteProfile{};
  SiteProfile profile = read_site_profile(file);
  profile.source = file;
  return profile;
}

Evaluation load_evaluation(const EvaluationConfig& config) {
  return Evaluation{load_site_profile(config.site_profile_file), config.annotations, config.limits,
                    config.summary};
}

}  // namespace mammocalc
