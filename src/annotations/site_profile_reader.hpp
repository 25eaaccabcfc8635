#pragma once
// Site profiles (schemas/site-profile.xsd, namespace urn:mammocalc:site-profile:1): what a
// department can do, which decides B4–B6. pugixml only in the .cpp.

#include <string>
#include <utility>
#include <vector>

#include "rules/rules.hpp"

namespace mammocalc {

inline constexpr const char* kSiteProfileRoot = "siteProfile";
inline constexpr const char* kSiteProfileNamespace = "urn:mammocalc:site-profile:1";

// Reads a site profile; values it does not give keep decision-logic.md's defaults.
// Throws Error(InvalidSiteProfile) naming the file, the line and the field.
SiteProfile read_site_profile(const std::string& path);

// What a site profile says about reading report text: its lexicon files (paths relative to the
// profile made relative to it) and the language of reports that do not state theirs (empty: not
// given).
struct SiteReading {
  std::vector<std::string> lexicon_files;
  std::string language;
};

// The profile with what it says about reading text; the same errors as read_site_profile.
std::pair<SiteProfile, SiteReading> read_site_profile_with_reading(const std::string& path);

// Every problem of a site profile, one line each ("FILE:LINE: field: problem"); empty when valid.
std::vector<std::string> check_site_profile(const std::string& path);

// The same for a profile's bytes already read (validate reads each file once: a pipe cannot be
// read twice), with what it says about reading text.
struct SiteProfileCheck {
  std::vector<std::string> problems;
  SiteReading reading;
};
SiteProfileCheck check_site_profile_bytes(const std::string& path, std::string bytes);

}  // namespace mammocalc
