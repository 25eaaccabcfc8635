#include "dicom/dicom_structure.hpp"

#include <zlib.h>

#include <cstdint>
#include <vector>

namespace mammocalc {
namespace {

constexpr std::uint32_t kUndefinedLength = 0xFFFFFFFFu;
constexpr std::uint16_t kItemGroup = 0xFFFE;
constexpr std::uint16_t kItem = 0xE000;
constexpr std::uint16_t kItemDelimitation = 0xE00D;
constexpr std::uint16_t kSequenceDelimitation = 0xE0DD;

enum class Encoding { ImplicitLittle, ExplicitLittle, ExplicitBig, Deflated, Unknown };

class Walker {
 public:
  Walker(const std::string& bytes, const ReadLimits& limits)
      : data_(reinterpret_cast<const unsigned char*>(bytes.data())),
        size_(bytes.size()),
        limits_(limits) {}

  std::string run() {
    std::size_t position = 0;
    Encoding dataset_encoding = Encoding::Unknown;
    if (size_ >= 132 && data_[128] == 'D' && data_[129] == 'I' && data_[130] == 'C' &&
        data_[131] == 'M') {
      position = 132;
      dataset_encoding = read_meta(position);
    }
    if (dataset_encoding == Encoding::Deflated) return walk_deflated(position);
    // Without a declared transfer syntax, guess as DCMTK does; a value longer than the file
    // under that guess would make DCMTK allocate its declared length.
    if (dataset_encoding == Encoding::Unknown) dataset_encoding = guess(position);
    return walk(position, size_, dataset_encoding);
  }

 private:
  // Deflated explicit little endian: walk the inflated dataset, which DCMTK would parse (and
  // allocate for) just the same. Inflating stops at the input limit.
  std::string walk_deflated(std::size_t position) {
    std::string inflated;
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return {};
    stream.next_in = const_cast<Bytef*>(data_ + position);
    stream.avail_in = static_cast<uInt>(size_ - position);
    char chunk[65536];
    int status = Z_OK;
    while (status == Z_OK) {
      stream.next_out = reinterpret_cast<Bytef*>(chunk);
      stream.avail_out = sizeof chunk;
      status = inflate(&stream, Z_NO_FLUSH);
      inflated.append(chunk, sizeof chunk - stream.avail_out);
      if (inflated.size() > limits_.max_input_bytes) {
        inflateEnd(&stream);
        return "inflates to more than the input limit of " +
               std::to_string(limits_.max_input_bytes) + " bytes";
      }
    }
    inflateEnd(&stream);
    Walker inner(inflated, limits_);
    std::string reason = inner.walk(0, inflated.size(), Encoding::ExplicitLittle);
    truncated_ = inner.truncated_;
    sop_class_uid_ = inner.sop_class_uid_;
    text_needs_conversion_ = inner.text_needs_conversion_;
    return reason;
  }

  std::uint16_t u16(std::size_t at, bool big) const {
    return big ? static_cast<std::uint16_t>(data_[at] << 8 | data_[at + 1])
               : static_cast<std::uint16_t>(data_[at] | data_[at + 1] << 8);
  }
  std::uint32_t u32(std::size_t at, bool big) const {
    return big ? (std::uint32_t{data_[at]} << 24 | std::uint32_t{data_[at + 1]} << 16 |
                  std::uint32_t{data_[at + 2]} << 8 | data_[at + 3])
               : (data_[at] | std::uint32_t{data_[at + 1]} << 8 |
                  std::uint32_t{data_[at + 2]} << 16 | std::uint32_t{data_[at + 3]} << 24);
  }

  // The VRs with a 4-byte length in explicit VR encodings.
  static bool long_length_vr(char a, char b) {
    switch (a) {
      case 'O':
        return b == 'B' || b == 'W' || b == 'F' || b == 'D' || b == 'L' || b == 'V';
      case 'U':
        return b == 'T' || b == 'N' || b == 'C' || b == 'R' || b == 'V';
      case 'S':
        return b == 'Q' || b == 'V';
      default:
        return false;
    }
  }
  // The VRs whose text the Specific Character Set applies to.
  static bool character_set_vr(char a, char b) {
    const auto is = [&](const char* vr) { return a == vr[0] && b == vr[1]; };
    return is("SH") || is("LO") || is("ST") || is("LT") || is("PN") || is("UC") || is("UT");
  }

  // Non-ASCII bytes, or ESC (ISO 2022 code extensions), need decoding by the character set.
  bool plain_ascii(std::size_t position, std::uint32_t length) const {
    for (std::size_t i = position; i < position + length; ++i) {
      if (data_[i] >= 0x80 || data_[i] == 0x1B) return false;
    }
    return true;
  }

  // The character sets in which plain ASCII text reads as itself, as DCMTK converts them.
  bool ascii_compatible_character_set(std::size_t position, std::uint32_t length) const {
    std::string value(reinterpret_cast<const char*>(data_ + position), length);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\0')) value.pop_back();
    return value.empty() || value == "ISO_IR 100" || value == "ISO_IR 192";
  }

  static bool looks_like_vr(unsigned char a, unsigned char b) {
    return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
  }

  // Group 0002 is explicit little endian; its Transfer Syntax UID names the rest. Where its
  // group length (0002,0000) is given, the meta information ends where that says, whatever
  // elements lie before, as DCMTK reads it: the dataset the walk checks is then the one DCMTK
  // parses (a fuzzed file with another group inside the meta information made them part ways).
  Encoding read_meta(std::size_t& position) const {
    Encoding encoding = Encoding::Unknown;
    std::size_t meta_end = 0;  // 0: not given
    while (position + 8 <= size_ &&
           (meta_end != 0 ? position < meta_end : u16(position, false) == 0x0002)) {
      const std::uint16_t element = u16(position + 2, false);
      std::size_t header = 8;
      std::uint32_t length = u16(position + 6, false);
      if (long_length_vr(static_cast<char>(data_[position + 4]),
                         static_cast<char>(data_[position + 5]))) {
        if (position + 12 > size_) return encoding;
        header = 12;
        length = u32(position + 8, false);
      }
      if (length == kUndefinedLength || position + header + length > size_) return encoding;
      if (u16(position, false) == 0x0002 && element == 0x0000 && length == 4 && meta_end == 0) {
        meta_end = position + header + length + u32(position + header, false);
      }
      if (u16(position, false) == 0x0002 && element == 0x0010) {
        std::string uid(reinterpret_cast<const char*>(data_ + position + header), length);
        while (!uid.empty() && (uid.back() == '\0' || uid.back() == ' ')) uid.pop_back();
        if (uid == "1.2.840.10008.1.2")
          encoding = Encoding::ImplicitLittle;
        else if (uid == "1.2.840.10008.1.2.2")
          encoding = Encoding::ExplicitBig;
        else if (uid == "1.2.840.10008.1.2.1.99")
          encoding = Encoding::Deflated;
        else
          encoding = Encoding::ExplicitLittle;
      }
      position += header + length;
    }
    return encoding;
  }

  Encoding guess(std::size_t position) const {
    if (position + 6 > size_) return Encoding::ImplicitLittle;
    if (!looks_like_vr(data_[position + 4], data_[position + 5])) return Encoding::ImplicitLittle;
    // Datasets start with a low group number (0x0008 …): read the one that is low.
    const bool little = u16(position, false) <= 0x00FF || u16(position, true) > 0x00FF;
    return little ? Encoding::ExplicitLittle : Encoding::ExplicitBig;
  }

  std::string walk(std::size_t position, std::size_t end, Encoding encoding) {
    const bool big = encoding == Encoding::ExplicitBig;
    const bool explicit_vr = encoding != Encoding::ImplicitLittle;
    // Without VRs the walk cannot tell text from binary values.
    text_needs_conversion_ = !explicit_vr;
    // End offset of each open sequence or item; 0 when its length is undefined.
    std::vector<std::size_t> open;
    std::size_t elements = 0;
    while (position + 8 <= end) {
      while (!open.empty() && open.back() != 0 && position >= open.back()) open.pop_back();
      if (++elements > limits_.max_elements) {
        return "more than " + std::to_string(limits_.max_elements) + " data elements";
      }
      const std::uint16_t group = u16(position, big);
      const std::uint16_t element = u16(position + 2, big);
      if (group == kItemGroup) {
        const std::uint32_t length = u32(position + 4, big);
        position += 8;
        if (element == kItem) {
          open.push_back(length == kUndefinedLength ? 0 : position + length);
          if (static_cast<int>(open.size()) > limits_.max_nesting_depth) return too_deep();
        } else if (element == kItemDelimitation || element == kSequenceDelimitation) {
          if (!open.empty()) open.pop_back();
        }
        continue;
      }
      std::size_t header = 8;
      std::uint32_t length = 0;
      bool sequence = false;
      bool text = false;
      if (explicit_vr && looks_like_vr(data_[position + 4], data_[position + 5])) {
        const char a = static_cast<char>(data_[position + 4]);
        const char b = static_cast<char>(data_[position + 5]);
        if (long_length_vr(a, b)) {
          if (position + 12 > end) {
            text_needs_conversion_ = true;
            return {};
          }
          header = 12;
          length = u32(position + 8, big);
        } else {
          length = u16(position + 6, big);
        }
        sequence = a == 'S' && b == 'Q';
        text = character_set_vr(a, b);
      } else if (explicit_vr) {
        // DCMTK reads a VR it does not know with a 2-byte length ("assuming 2 byte length
        // field"): so does the walk, or the two part ways and DCMTK meets a length the walk never
        // checked (a fuzzed TextValue declaring 4 GB made it allocate them).
        length = u16(position + 6, big);
        text_needs_conversion_ = true;
      } else {
        length = u32(position + 4, big);
        text_needs_conversion_ = true;
      }
      position += header;
      if (length == kUndefinedLength) {
        // Undefined length: a sequence (or encapsulated pixel data, whose fragments are items).
        open.push_back(0);
        if (static_cast<int>(open.size()) > limits_.max_nesting_depth) return too_deep();
        continue;
      }
      const bool items_follow = position + 4 <= end && u16(position, big) == kItemGroup &&
                                u16(position + 2, big) == kItem;
      if (sequence || (!explicit_vr && items_follow && length >= 8)) {
        open.push_back(position + length);
        if (static_cast<int>(open.size()) > limits_.max_nesting_depth) return too_deep();
        continue;
      }
      if (length > end - position) {
        truncated_ = "an element declares " + std::to_string(length) + " bytes, " +
                     std::to_string(end - position) + " remain";
        return {};
      }
      if (text && !plain_ascii(position, length)) text_needs_conversion_ = true;
      if (group == 0x0008 && element == 0x0005 &&
          !ascii_compatible_character_set(position, length)) {
        text_needs_conversion_ = true;
      }
      if (open.empty() && group == 0x0008 && element == 0x0016) {
        sop_class_uid_.assign(reinterpret_cast<const char*>(data_ + position), length);
        while (!sop_class_uid_.empty() &&
               (sop_class_uid_.back() == '\0' || sop_class_uid_.back() == ' ')) {
          sop_class_uid_.pop_back();
        }
      }
      position += length;
    }
    return {};
  }

  std::string too_deep() const {
    return "sequences nested deeper than " + std::to_string(limits_.max_nesting_depth) + " levels";
  }

  const unsigned char* data_;
  std::size_t size_;
  const ReadLimits& limits_;

 public:
  std::string truncated_;      // set when a value runs past the end of the file
  std::string sop_class_uid_;  // (0008,0016) of the dataset, when the walk reached it
  bool text_needs_conversion_ = true;
};

}  // namespace

StructureCheck check_structure(const std::string& bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return {StructureProblem::LimitExceeded,
            "larger than the input limit of " + std::to_string(limits.max_input_bytes) + " bytes",
            {},
            true};
  }
  Walker walker(bytes, limits);
  std::string over_limit = walker.run();
  if (!over_limit.empty())
    return {StructureProblem::LimitExceeded, std::move(over_limit), {}, true};
  if (!walker.truncated_.empty()) return {StructureProblem::Truncated, walker.truncated_, {}, true};
  return {
      StructureProblem::None, {}, std::move(walker.sop_class_uid_), walker.text_needs_conversion_};
}

std::string check_structure_limits(const std::string& bytes, const ReadLimits& limits) {
  return check_structure(bytes, limits).reason;
}

}  // namespace mammocalc
