#pragma once
// What the annotation and site-profile readers share: one XML input file with the problems found
// in it, and readers for numbers, words and attributes that record a problem naming file, line
// and field. Internal to src/annotations/ (it exposes pugixml): include it from its .cpp files.

#include <sys/stat.h>
#include <algorithm>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "base/error.hpp"

namespace mammocalc::xml_input {

inline constexpr std::size_t kBytesPerMiB = std::size_t{1024} * 1024;

// One XML input file: its bytes, its DOM and the problems found in it.
class XmlInput {
 public:
  XmlInput(std::string path, std::size_t max_bytes) : path_(std::move(path)) {
    // The same words as for an SR input (sr_reader).
    struct stat status {};
    if (::stat(path_.c_str(), &status) == 0 && S_ISDIR(status.st_mode)) {
      problems_.push_back(path_ + ": is a directory, not a file");
      return;
    }
    std::ifstream input(path_, std::ios::binary);
    if (!input) {
      // errno is open(2)'s.
      problems_.push_back(cannot_open(path_, errno));
      return;
    }
    bytes_.resize(max_bytes + 1);
    input.read(bytes_.data(), static_cast<std::streamsize>(bytes_.size()));
    bytes_.resize(static_cast<std::size_t>(input.gcount()));
    keep_within(max_bytes);
  }

  // The bytes of a file already read by its caller (through one descriptor: annotation_reader's
  // read_annotation_file), never opened again by path; `bytes` holds at most max_bytes + 1.
  XmlInput(std::string path, std::string bytes, std::size_t max_bytes)
      : path_(std::move(path)), bytes_(std::move(bytes)) {
    keep_within(max_bytes);
  }

  // The root element when the file is well-formed XML without DOCTYPE and the root has this name
  // and namespace; otherwise an empty node and a recorded problem.
  pugi::xml_node root(const char* name, const char* name_space) {
    if (!readable_) return {};
    const pugi::xml_parse_result result = document_.load_buffer(
        bytes_.data(), bytes_.size(), pugi::parse_default | pugi::parse_doctype);
    if (!result) {
      problem_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)), "xml",
                 std::string("not well-formed XML (") + result.description() + ")");
      return {};
    }
    for (pugi::xml_node node : document_.children()) {
      if (node.type() == pugi::node_doctype) {
        // Entities could expand without bound (and pugixml would not expand them anyway).
        problem(node, "xml", "DOCTYPE declarations are not allowed");
        return {};
      }
    }
    const pugi::xml_node element = document_.document_element();
    if (std::string(element.name()) != name ||
        std::string(element.attribute("xmlns").value()) != name_space) {
      problem(element, name,
              std::string("root must be <") + name + " xmlns=\"" + name_space + "\">");
      return {};
    }
    return element;
  }

  int line(pugi::xml_node node) const {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
    return line_at(offset);
  }

  void problem(pugi::xml_node node, const std::string& field, const std::string& text) {
    problems_.push_back(path_ + ":" + std::to_string(line(node)) + ": " + field + ": " + text);
  }

  const std::vector<std::string>& problems() const { return problems_; }
  const std::string& path() const { return path_; }

 private:
  // The bytes read are kept when within the limit, else refused as unread.
  void keep_within(std::size_t max_bytes) {
    if (bytes_.size() > max_bytes) {
      problems_.push_back(path_ + ": larger than " + std::to_string(max_bytes / kBytesPerMiB) +
                          " MiB; refused unread");
      bytes_.clear();
      return;
    }
    readable_ = true;
  }

  // The line of a byte offset. The newlines are found once, so that naming the line of each of
  // many elements stays linear in the file's size (counting from the start for each was
  // quadratic: minutes for a file of a few MiB).
  int line_at(std::size_t offset) const {
    if (!newlines_found_) {
      for (std::size_t at = bytes_.find('\n'); at != std::string::npos;
           at = bytes_.find('\n', at + 1)) {
        newlines_.push_back(at);
      }
      newlines_found_ = true;
    }
    const std::size_t end = std::min(offset, bytes_.size());
    return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), end) -
                                newlines_.begin());
  }
  void problem_at(std::size_t offset, const std::string& field, const std::string& text) {
    problems_.push_back(path_ + ":" + std::to_string(line_at(offset)) + ": " + field + ": " + text);
  }

  std::string path_;
  std::string bytes_;
  bool readable_ = false;
  pugi::xml_document document_;
  std::vector<std::string> problems_;
  mutable std::vector<std::size_t> newlines_;  // offsets of '\n' in bytes_, once line_at needs them
  mutable bool newlines_found_ = false;
};

// `text` in single quotes for a problem; a value longer than 80 bytes is cut to its first 60 and
// its length, so that a problem stays a readable line.
std::string quoted(const std::string& text);

// A finite number in the classic locale, or nothing.
std::optional<double> parse_number(const std::string& text);

// Reads a number in [low, high] from `text`; records a problem and returns nothing otherwise.
std::optional<double> read_number(XmlInput& input, pugi::xml_node node, const std::string& field,
                                  const std::string& text, double low, double high);

// Reads a word of the summary's vocabulary; records a problem naming the allowed words.
template <typename Term>
std::optional<Term> read_word(XmlInput& input, pugi::xml_node node, const std::string& field,
                              const std::string& text,
                              std::optional<Term> (*lookup)(std::string_view)) {
  const auto term = lookup(text);
  if (!term) input.problem(node, field, "unknown term " + quoted(text));
  return term;
}

// Each element may carry only the attributes named here.
void check_attributes(XmlInput& input, pugi::xml_node node,
                      std::initializer_list<const char*> allowed);

// The first problem, with how many more there are.
std::string first_problem(const std::vector<std::string>& problems);

// Parses a file; throws `code` with the first problem (and how many more) when there is any.
template <typename Parse>
auto read_valid(const std::string& path, std::size_t max_bytes, Parse parse, ErrorCode code) {
  XmlInput input(path, max_bytes);
  auto value = parse(input);
  if (!input.problems().empty()) throw Error(code, first_problem(input.problems()));
  return value;
}

template <typename Parse>
std::vector<std::string> problems_of(const std::string& path, std::size_t max_bytes, Parse parse) {
  XmlInput input(path, max_bytes);
  parse(input);
  return input.problems();
}

}  // namespace mammocalc::xml_input
