#include "annotations/xml_input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <locale>
#include <sstream>
#include <string_view>

namespace mammocalc::xml_input {
namespace {

// pugixml's defaults, and the DOCTYPE and XML declarations kept so that they can be refused;
// processing instructions and comments kept so that one inside a value is refused, not dropped
// from it (hostile review 87: "Benign<?note Please biopsy, BI-RADS 4?>" read as "Benign").
constexpr unsigned int kParseOptions = pugi::parse_default | pugi::parse_doctype |
                                       pugi::parse_declaration | pugi::parse_pi |
                                       pugi::parse_comments;

// Calls `visit` for `root` and every element under it, in document order; a loop, not a
// recursion, so that a deeply nested file cannot exhaust the stack.
template <typename Visit>
void for_each_element(pugi::xml_node root, Visit visit) {
  pugi::xml_node node = root;
  while (node) {
    if (node.type() == pugi::node_element) visit(node);
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node == root) break;
    node = node.next_sibling();
  }
}

bool is_text(pugi::xml_node node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// A text as a problem names it: without the white space around it, quoted.
std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return quoted("");
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return quoted(std::string(text.substr(first, last - first + 1)));
}

bool is_namespace_declaration(std::string_view name) {
  return name == "xmlns" || name.rfind("xmlns:", 0) == 0;
}

// Each text (but white space) directly in `node` is a problem.
void refuse_text(XmlInput& input, pugi::xml_node node) {
  for (pugi::xml_node child : node.children()) {
    if (is_text(child) && !is_blank(child.value())) {
      input.problem(child, node.name(), "text " + trimmed(child.value()) + " is not read");
    }
  }
}

// Each element in `node` is a problem.
void refuse_elements(XmlInput& input, pugi::xml_node node) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    input.problem(child, std::string(node.name()) + "/" + child.name(), "unknown element");
  }
}

// The width in bytes of one character unit of `encoding` (pugixml's detection).
std::size_t unit_width(pugi::xml_encoding encoding) {
  switch (encoding) {
    case pugi::encoding_utf16_le:
    case pugi::encoding_utf16_be:
    case pugi::encoding_utf16:
      return 2;
    case pugi::encoding_utf32_le:
    case pugi::encoding_utf32_be:
    case pugi::encoding_utf32:
      return 4;
    default:
      return 1;
  }
}

}  // namespace

// Opens `path` once, O_NONBLOCK so that a FIFO opens without waiting for a writer, checks what
// was opened with fstat and reads it from that descriptor (blocking again once open: a pipe's
// writer is waited for, while a FIFO without one reads as empty at once).
namespace {

// Appends to `file.bytes` from `descriptor` until it holds `limit` bytes or the file ends; a read
// error empties it and says why.
void read_up_to(int descriptor, const std::string& path, std::size_t limit, FileBytes& file) {
  char chunk[65536];
  while (file.bytes.size() < limit) {
    const ssize_t got =
        ::read(descriptor, chunk, std::min(sizeof chunk, limit - file.bytes.size()));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      file.unreadable = path + ": cannot be read (" + std::strerror(errno) + ")";
      file.bytes.clear();
      return;
    }
    if (got == 0) return;
    file.bytes.append(chunk, static_cast<std::size_t>(got));
  }
}

}  // namespace

FileBytes read_file_head_once(const std::string& path, std::size_t head_bytes, std::size_t limit,
                              OtherFiles others,
                              const std::function<bool(const std::string&)>& read_rest) {
  FileBytes file;
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (descriptor < 0) {
    const int error = errno;
    struct stat link {};
    if (others == OtherFiles::Read) {
      file.unreadable = cannot_open(path, error);  // as every input given by name says it
    } else if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      file.unreadable = path + ": cannot be read (a symlink to nothing)";
    } else if (error == ENXIO) {  // a socket: open(2) refuses it
      file.unreadable = path + ": not a regular file (a FIFO, socket or device), not read";
    } else {
      file.unreadable = path + ": cannot be read (" + std::strerror(error) + ")";
    }
    return file;
  }
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) {
    file.unreadable = path + ": cannot be read (" + std::strerror(errno) + ")";
  } else if (S_ISDIR(status.st_mode) && others == OtherFiles::Read) {
    file.unreadable = path + ": is a directory, not a file";  // the words of an SR input
  } else if (!S_ISREG(status.st_mode) && others == OtherFiles::Refused) {
    file.unreadable = path + ": not a regular file (a FIFO, socket or device), not read";
  } else {
    const int flags = ::fcntl(descriptor, F_GETFL);
    if (flags >= 0) ::fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK);
    read_up_to(descriptor, path, std::min(head_bytes, limit), file);
    if (file.unreadable.empty() && file.bytes.size() < limit && read_rest &&
        read_rest(file.bytes)) {
      read_up_to(descriptor, path, limit, file);
    }
  }
  ::close(descriptor);
  return file;
}

FileBytes read_file_once(const std::string& path, std::size_t limit, OtherFiles others) {
  return read_file_head_once(path, limit, limit, others, {});
}

pugi::xml_node XmlInput::root(const char* name, const char* name_space) {
  if (!readable_) return {};
  const pugi::xml_parse_result result =
      document_.load_buffer(bytes_.data(), bytes_.size(), kParseOptions);
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
  if (!outside_root_is_well_formed(result.encoding)) return {};
  const pugi::xml_node element = document_.document_element();
  if (!attributes_are_unique(element)) return {};
  if (std::string(element.name()) != name ||
      std::string(element.attribute("xmlns").value()) != name_space) {
    problem(element, name, std::string("root must be <") + name + " xmlns=\"" + name_space + "\">");
    return {};
  }
  check_namespaces(element, name_space);
  return element;
}

std::string XmlInput::canonical_content() const {
  // Each node a record that says its depth, so that the records in document order give the tree
  // back; each name, value and text with its length, so that no text can pass for a record.
  class Canonical : public pugi::xml_tree_walker {
   public:
    std::string text;
    bool for_each(pugi::xml_node& node) override {
      const auto field = [this](std::string_view value) {
        text += std::to_string(value.size());
        text += ':';
        text += value;
      };
      if (node.type() == pugi::node_element) {
        text += 'E' + std::to_string(depth()) + ':';
        field(node.name());
        std::vector<std::pair<std::string_view, std::string_view>> attributes;
        std::transform(node.attributes_begin(), node.attributes_end(),
                       std::back_inserter(attributes), [](const pugi::xml_attribute& attribute) {
                         return std::pair<std::string_view, std::string_view>(attribute.name(),
                                                                              attribute.value());
                       });
        std::sort(attributes.begin(), attributes.end());
        for (const auto& [name, value] : attributes) {
          text += 'A';
          field(name);
          field(value);
        }
      } else if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        const std::string_view value = node.value();
        if (value.find_first_not_of(" \t\r\n") != std::string_view::npos) {
          text += 'T' + std::to_string(depth()) + ':';
          field(value);
        }
      }
      return true;
    }
  };
  Canonical canonical;
  if (pugi::xml_node document = document_; document.first_child()) document.traverse(canonical);
  return canonical.text;
}

namespace {

// The ASCII character of each code unit of `bytes` in `encoding` ('\x7F' for any other), so that
// markup such as a character reference can be found whatever the encoding.
std::string ascii_units(const std::string& bytes, pugi::xml_encoding encoding, std::size_t width) {
  const bool big_endian =
      encoding == pugi::encoding_utf16_be || encoding == pugi::encoding_utf32_be;
  std::string units;
  units.reserve(bytes.size() / width);
  for (std::size_t at = 0; at + width <= bytes.size(); at += width) {
    const std::size_t low = big_endian ? at + width - 1 : at;
    bool others_zero = true;
    for (std::size_t k = at; k < at + width; ++k)
      others_zero = others_zero && (k == low || bytes[k] == '\0');
    const auto byte = static_cast<unsigned char>(bytes[low]);
    units += others_zero && byte < 0x80 ? static_cast<char>(byte) : '\x7F';
  }
  return units;
}

// Whether a code point may stand in an XML 1.0 document (its Char production).
bool xml_char(unsigned long code) {
  return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

}  // namespace

bool XmlInput::outside_root_is_well_formed(pugi::xml_encoding encoding) {
  const std::size_t width = unit_width(encoding);
  // A character reference to a character XML does not allow: pugixml decodes "&#0;" to a NUL
  // that ends the value, so the rest of it was silently lost (hostile review 88:
  // "Stable.&#0;Left breast, BI-RADS 5, please biopsy." read as "Stable.").
  const std::string units = ascii_units(bytes_, encoding, width);
  for (std::size_t at = units.find("&#"); at != std::string::npos; at = units.find("&#", at + 2)) {
    const bool hex = at + 2 < units.size() && (units[at + 2] == 'x' || units[at + 2] == 'X');
    const std::size_t digits = at + (hex ? 3 : 2);
    std::size_t end = digits;
    while (end < units.size() &&
           (hex ? std::isxdigit(static_cast<unsigned char>(units[end])) != 0
                : std::isdigit(static_cast<unsigned char>(units[end])) != 0)) {
      ++end;
    }
    if (end == digits || end >= units.size() || units[end] != ';') continue;  // pugixml's to judge
    // Leading zeros aside, more than 8 digits is beyond every character (and wraps in pugixml's
    // arithmetic, to a NUL: "&#0000000000;", "&#4294967296;"; review of session 58).
    std::size_t significant = digits;
    while (significant + 1 < end && units[significant] == '0') ++significant;
    const std::string number = units.substr(significant, end - significant);
    constexpr std::size_t kMostDigits = 8;
    if (number.size() > kMostDigits || !xml_char(std::stoul(number, nullptr, hex ? 16 : 10))) {
      problem_at(at * width, "xml",
                 "not well-formed XML: a character reference to a character XML does not allow (" +
                     units.substr(at, end + 1 - at) + ")");
      return false;
    }
  }
  for (std::size_t at = 0; at + width <= bytes_.size(); at += width) {
    if (std::all_of(bytes_.begin() + static_cast<std::ptrdiff_t>(at),
                    bytes_.begin() + static_cast<std::ptrdiff_t>(at + width),
                    [](char c) { return c == '\0'; })) {
      problem_at(at, "xml",
                 "not well-formed XML: a NUL character (what follows it would not be read)");
      return false;
    }
  }
  // pugixml drops text at document level and stops at no second root; as a fragment, it keeps
  // both, so that they can be refused.
  pugi::xml_document fragment;
  if (!fragment.load_buffer(bytes_.data(), bytes_.size(), kParseOptions | pugi::parse_fragment)) {
    return true;  // the document parsed: its own problems are recorded
  }
  bool root_seen = false;
  for (pugi::xml_node node : fragment.children()) {
    if (node.type() == pugi::node_declaration) {
      const bool at_start =
          node == fragment.first_child() && (width != 1 || bytes_.rfind("<?xml", 0) == 0 ||
                                             bytes_.rfind("\xEF\xBB\xBF<?xml", 0) == 0);
      if (!at_start) {
        problem(node, "xml",
                "not well-formed XML: an XML declaration not at the start of the file (two "
                "documents in one file?)");
        return false;
      }
    } else if (node.type() == pugi::node_element || is_text(node)) {
      if (root_seen || is_text(node)) {
        problem(node, "xml",
                std::string("not well-formed XML: content ") + (root_seen ? "after" : "before") +
                    " the root element");
        return false;
      }
      root_seen = true;
    }
  }
  return true;
}

bool XmlInput::attributes_are_unique(pugi::xml_node root) {
  bool unique = true;
  std::vector<std::string_view> names;
  for_each_element(root, [&](pugi::xml_node element) {
    names.clear();
    std::transform(
        element.attributes_begin(), element.attributes_end(), std::back_inserter(names),
        [](pugi::xml_attribute attribute) { return std::string_view(attribute.name()); });
    if (names.size() < 2) return;
    std::sort(names.begin(), names.end());
    for (std::size_t i = 1; i < names.size(); ++i) {
      if (names[i] == names[i - 1] && (i + 1 == names.size() || names[i + 1] != names[i])) {
        problem(element, std::string(element.name()) + "/@" + std::string(names[i]),
                "not well-formed XML: attribute given twice");
        unique = false;
      }
    }
  });
  return unique;
}

void XmlInput::check_namespaces(pugi::xml_node root, const std::string& name_space) {
  for_each_element(root, [&](pugi::xml_node element) {
    for (pugi::xml_attribute attribute : element.attributes()) {
      const std::string attribute_name = attribute.name();
      if (attribute_name == "xmlns") {
        if (attribute.value() != name_space) {
          problem(element, element.name(),
                  "in namespace " + quoted(attribute.value()) + ", not " + name_space);
        }
      } else if (is_namespace_declaration(attribute_name)) {
        problem(element, std::string(element.name()) + "/@" + attribute_name,
                "namespace prefixes are not read");
      }
    }
  });
}

std::string quoted(const std::string& text) {
  constexpr std::size_t kLongest = 80;
  constexpr std::size_t kShown = 60;
  if (text.size() <= kLongest) return "'" + text + "'";
  std::size_t cut = kShown;
  // Never inside a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return "'" + text.substr(0, cut) + "...' (" + std::to_string(text.size()) + " bytes)";
}

std::string quoted_if_a_word(const std::string& text) {
  constexpr std::size_t kLongestWord = 40;
  const bool a_word = !text.empty() && text.size() <= kLongestWord &&
                      std::all_of(text.begin(), text.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                      });
  if (a_word) return quoted(text);
  return "(" + std::to_string(text.size()) +
         " characters, not quoted: not a word of the vocabulary as written)";
}

namespace {

// An xs:decimal, as the published schemas say: a sign, digits and at most one point ("12",
// "-3.5", ".5"), blanks around. No exponent, hexadecimal, "inf" or "nan" (hostile review 71:
// "5e-400" was read as 0 mm where the schema refuses it).
bool is_decimal(const std::string& text) {
  std::size_t at = text.find_first_not_of(" \t\r\n");
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  if (at == std::string::npos) return false;
  if (text[at] == '+' || text[at] == '-') ++at;
  bool digits = false;
  bool point = false;
  for (; at <= end; ++at) {
    const char c = text[at];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::optional<double> parse_number(const std::string& text) {
  if (!is_decimal(text)) return std::nullopt;
  std::istringstream stream(text);
  stream.imbue(std::locale::classic());
  double value = 0.0;
  stream >> value;
  if (stream.fail() || !(stream >> std::ws).eof() || !std::isfinite(value)) return std::nullopt;
  return value;
}

namespace {

// Where the decimal `text` lies against the whole number `whole` (0 or more) its double rounded
// to: a double holds about 17 digits, so "200.0000000000000000001" and "0.99999999999999999999"
// round to 200 and 1 (hostile review 74). By its digits: -1 below, 0 the same, 1 above.
int side_of_whole(const std::string& text, double whole) {
  std::size_t at = text.find_first_not_of(" \t\r\n");
  if (at == std::string::npos) return 0;
  const bool negative = text[at] == '-';
  if (text[at] == '-' || text[at] == '+') ++at;
  const std::size_t point = text.find('.', at);
  const bool fraction =
      point != std::string::npos && text.find_first_of("123456789", point + 1) != std::string::npos;
  const std::string digits =
      "0" + text.substr(at, point == std::string::npos ? std::string::npos : point - at);
  const std::optional<double> whole_part = parse_number(digits);
  if (!whole_part) return 0;
  if (negative) return (*whole_part == 0 && !fraction) ? 0 : -1;  // "-0" is 0
  if (*whole_part != whole) return *whole_part < whole ? -1 : 1;
  return fraction ? 1 : 0;
}

// Digits after the point, trailing zeros aside ("20.000" has none, "19.99" two).
std::size_t fraction_digits(const std::string& text) {
  const std::size_t point = text.find('.');
  if (point == std::string::npos) return 0;
  const std::size_t last = text.find_last_of("123456789");
  return last == std::string::npos || last < point ? 0 : last - point;
}

constexpr std::size_t kMostFractionDigits = 6;

}  // namespace

// Reads a number in [low, high] from `text`; records a problem and returns nothing otherwise.
std::optional<double> read_number(XmlInput& input, pugi::xml_node node, const std::string& field,
                                  const std::string& text, double low, double high) {
  const auto value = parse_number(text);
  if (!value) {
    input.problem(node, field, "not a number: " + quoted(text));
    return std::nullopt;
  }
  // More decimal places than a double keeps against the thresholds it is compared with
  // (hostile review 77: a thickness of 19.99999999999999999999 mm read as 20 changed the biopsy
  // type, B4/B5): refused, as the schemas' fractionDigits say.
  if (fraction_digits(text) > kMostFractionDigits) {
    input.problem(node, field,
                  "has more than " + std::to_string(kMostFractionDigits) +
                      " decimal places, which cannot be compared exactly: " + quoted(text));
    return std::nullopt;
  }
  const bool rounded_past =
      (*value == high && std::floor(high) == high && side_of_whole(text, high) > 0) ||
      (*value == low && std::floor(low) == low && side_of_whole(text, low) < 0);
  if (*value < low || *value > high || rounded_past) {
    std::ostringstream range;
    range.imbue(std::locale::classic());
    range << "must be between " << low << " and " << high << ", not " << text;
    input.problem(node, field, range.str());
    return std::nullopt;
  }
  if (*value == 0) return 0.0;  // "-0" is 0, and said so
  return value;
}

// Whether `text`, a number read_number took, is a whole number by its digits ("3.0", not
// "3.00000000000000000001", which rounds to 3).
bool whole_number_text(const std::string& text) {
  const std::size_t point = text.find('.');
  return point == std::string::npos ||
         text.find_first_of("123456789", point + 1) == std::string::npos;
}

// Each element may carry only the attributes named here.
void check_attributes(XmlInput& input, pugi::xml_node node,
                      std::initializer_list<const char*> allowed) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    const std::string name = attribute.name();
    const bool known = is_namespace_declaration(name) ||
                       std::any_of(allowed.begin(), allowed.end(),
                                   [&](const char* candidate) { return name == candidate; });
    if (!known) {
      input.problem(node, std::string(node.name()) + "/@" + name, "unknown attribute");
    }
  }
}

std::string value_of(XmlInput& input, pugi::xml_node node) {
  check_attributes(input, node, {});
  refuse_elements(input, node);
  std::string text;
  for (pugi::xml_node child : node.children()) {
    if (is_text(child)) text += child.value();
    if (child.type() == pugi::node_pi || child.type() == pugi::node_comment) {
      input.problem(child, node.name(),
                    "holds a processing instruction or an XML comment inside its value");
    }
  }
  return text;
}

void check_empty(XmlInput& input, pugi::xml_node node, std::initializer_list<const char*> allowed) {
  check_attributes(input, node, allowed);
  refuse_elements(input, node);
  refuse_text(input, node);
}

void check_structure(XmlInput& input, pugi::xml_node node,
                     std::initializer_list<const char*> allowed) {
  check_attributes(input, node, allowed);
  refuse_text(input, node);
}

std::string first_problem(const std::vector<std::string>& problems) {
  std::string message = problems.front();
  if (problems.size() > 1) {
    message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
  }
  return message;
}

}  // namespace mammocalc::xml_input
