#pragma once
// Reading radiologist annotation files (schemas/annotations.xsd, namespace
// urn:mammocalc:annotations:1). pugixml only in the .cpp.

#include <string>
#include <vector>

#include "annotations/annotations.hpp"

namespace mammocalc {

inline constexpr const char* kAnnotationsNamespace = "urn:mammocalc:annotations:1";

// Reads an annotation file. Throws Error(InvalidAnnotation) naming file, line and field.
Annotations read_annotations(const std::string& path);

// Every problem of an annotation file, one line each ("FILE:LINE: field: problem").
std::vector<std::string> check_annotations(const std::string& path);

// The root element name an XML file starts with ("annotations", "siteProfile",
// "mammocalcSummary" …), or empty when it does not start as XML. Reads only the head of the file
// to tell the kinds apart; says nothing about the rest being well-formed.
std::string xml_root_name(const std::string& path);

}  // namespace mammocalc
