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
#include <functional>
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

// What a file that is no regular file is: refused (a directory's entries, where only regular
// files are annotation files) or read (a file given by name, which may be a pipe: a shell's
// process substitution).
enum class OtherFiles { Refused, Read };

// A file's bytes, at most `limit`, or why it was not read ("FILE: REASON").
struct FileBytes {
  std::string bytes;
  std::string unreadable;
};

// Reads `path` through one descriptor opened without blocking: a FIFO without a writer reads as
// empty at once instead of blocking the run (hostile reviews, issue 18: an annotation directory;
// review 25, F12: a site profile, a lexicon or validate given a FIFO). Never throws.
FileBytes read_file_once(const std::string& path, std::size_t limit, OtherFiles others);

// As read_file_once, through the same one descriptor, but only the first `head_bytes` unless
// `read_rest(head)` asks for the whole file (at most `limit`): a file is opened once whether its
// head alone or all of it turns out to be needed.
FileBytes read_file_head_once(const std::string& path, std::size_t head_bytes, std::size_t limit,
                              OtherFiles others,
                              const std::function<bool(const std::string&)>& read_rest);

// One XML input file: its bytes, its DOM and the problems found in it.
class XmlInput {
 public:
  // Reads the file (read_file_once; its problems in the words of an SR input, sr_reader).
  XmlInput(std::string path, std::size_t max_bytes) : path_(std::move(path)) {
    FileBytes read = read_file_once(path_, max_bytes + 1, OtherFiles::Read);
    if (!read.unreadable.empty()) {
      problems_.push_back(std::move(read.unreadable));
      return;
    }
    bytes_ = std::move(read.bytes);
    keep_within(max_bytes);
  }

  // The bytes of a file already read by its caller (through one descriptor: annotation_reader's
  // read_annotation_file), never opened again by path; `bytes` holds at most max_bytes + 1.
  XmlInput(std::string path, std::string bytes, std::size_t max_bytes)
      : path_(std::move(path)), bytes_(std::move(bytes)) {
    keep_within(max_bytes);
  }

  // The root element when the file is one well-formed XML document without DOCTYPE (nothing but
  // comments and processing instructions outside its root, no NUL character, no attribute given
  // twice on any element) and the root has this name and namespace; otherwise an empty node and a
  // recorded problem. Every element in another namespace than the root's is a recorded problem
  // (the root is still returned): readers read unprefixed names of their own namespace only.
  pugi::xml_node root(const char* name, const char* name_space);

  // The line of an element, or of the first character (but white space) of a text.
  int line(pugi::xml_node node) const {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
    int lines = 0;
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      const std::string_view text = node.value();
      const std::string_view blank = text.substr(0, text.find_first_not_of(" \t\r\n"));
      lines = static_cast<int>(std::count(blank.begin(), blank.end(), '\n'));
    }
    return line_at(offset) + lines;
  }

  void problem(pugi::xml_node node, const std::string& field, const std::string& text) {
    problems_.push_back(path_ + ":" + std::to_string(line(node)) + ": " + field + ": " + text);
  }

  // The document as read by root(), laid out one way: its elements, their attributes in name
  // order and their texts (but white space between elements), in document order; comments,
  // processing instructions, the declaration, line ends, a byte order mark, the encoding and
  // the quotes used are not in it. Two files with the same canonical content say the same thing
  // however an editor saved them (hostile review 30, H30-6). Empty before root() read it.
  std::string canonical_content() const;

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
  // Whether the parsed document holds a NUL character (pugixml stops at it: what follows would
  // be dropped unread), content before or after its root element, or an XML declaration that
  // is not at the start; each is a recorded problem.
  bool outside_root_is_well_formed(pugi::xml_encoding encoding);
  // Whether no element under `root` carries an attribute twice; each one that does is a problem.
  bool attributes_are_unique(pugi::xml_node root);
  // Records each element under `root` (below it) that is in another namespace than `name_space`,
  // and each namespace prefix declared.
  void check_namespaces(pugi::xml_node root, const std::string& name_space);

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
// Whether `text`, a number read_number took, is a whole number by its digits ("3.0", not
// "3.00000000000000000001", which a double rounds to 3).
bool whole_number_text(const std::string& text);

// A value quoted in a problem when it reads as a mistyped vocabulary word (lower-case letters,
// digits and hyphens, short); anything else may be an identifier pasted into the wrong field
// ("Jane Doe") and is described, never quoted: problems go to standard error (hostile review 94).
std::string quoted_if_a_word(const std::string& text);

// Reads a word of the summary's vocabulary; records a problem naming the allowed words.
template <typename Term>
std::optional<Term> read_word(XmlInput& input, pugi::xml_node node, const std::string& field,
                              const std::string& text,
                              std::optional<Term> (*lookup)(std::string_view)) {
  const auto term = lookup(text);
  if (!term) input.problem(node, field, "unknown term " + quoted_if_a_word(text));
  return term;
}

// Each element may carry only the attributes named here. Namespace declarations (xmlns) are
// checked once for the whole file (XmlInput::root) and pass here.
void check_attributes(XmlInput& input, pugi::xml_node node,
                      std::initializer_list<const char*> allowed);

// The three kinds of element a reader reads; each refuses what it does not read, with file,
// line and field, so that nothing in a file is silently left unread.
// A value element (<site>lobular</site>): its text, all of it; an attribute or an element in it
// is a problem.
std::string value_of(XmlInput& input, pugi::xml_node node);
// An element read for its attributes only (<location clock="3"/>): the attributes named here;
// any other attribute, any element and any text (but white space) in it is a problem.
void check_empty(XmlInput& input, pugi::xml_node node, std::initializer_list<const char*> allowed);
// An element that holds elements (<finding>, a root): the attributes named here; any other
// attribute and any text (but white space) directly in it is a problem. Its elements are the
// reader's to check.
void check_structure(XmlInput& input, pugi::xml_node node,
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
