// The resource limits are checked on the raw encoding before DCMTK parses (nothing recursive
// may see a pathological file).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "base/error.hpp"
#include "dicom/dicom_structure.hpp"
#include "dicom/sr_reader.hpp"

namespace mammocalc {
namespace {

void put16(std::string& out, unsigned value) {
  out.push_back(static_cast<char>(value & 0xFF));
  out.push_back(static_cast<char>(value >> 8 & 0xFF));
}
void put32(std::string& out, unsigned value) {
  put16(out, value & 0xFFFF);
  put16(out, value >> 16);
}
void element(std::string& out, unsigned group, unsigned tag, const char* vr, const std::string& v) {
  put16(out, group);
  put16(out, tag);
  out += vr;
  put16(out, static_cast<unsigned>(v.size()));
  out += v;
}

// An explicit-VR-little-endian Comprehensive SR whose Content Sequence nests `depth` levels.
std::string nested_sr(int depth, bool explicit_vr = true) {
  std::string out(128, '\0');
  out += "DICM";
  std::string meta;
  element(meta, 0x0002, 0x0010, "UI",
          explicit_vr ? std::string("1.2.840.10008.1.2.1\0", 20)
                      : std::string("1.2.840.10008.1.2\0", 18));
  element(out, 0x0002, 0x0000, "UL", std::string("\0\0\0\0", 4));
  out.replace(out.size() - 4, 4,
              std::string(1, static_cast<char>(meta.size())) + std::string(3, '\0'));
  out += meta;
  const auto sop = std::string("1.2.840.10008.5.1.4.1.1.88.33\0", 30);
  if (explicit_vr) {
    element(out, 0x0008, 0x0016, "UI", sop);
  } else {
    put16(out, 0x0008);
    put16(out, 0x0016);
    put32(out, static_cast<unsigned>(sop.size()));
    out += sop;
  }
  for (int i = 0; i < depth; ++i) {
    put16(out, 0x0040);
    put16(out, 0xA730);
    if (explicit_vr) {
      out += "SQ";
      put16(out, 0);
    }
    put32(out, 0xFFFFFFFF);
    put16(out, 0xFFFE);
    put16(out, 0xE000);
    put32(out, 0xFFFFFFFF);
  }
  for (int i = 0; i < depth; ++i) {
    put16(out, 0xFFFE);
    put16(out, 0xE00D);
    put32(out, 0);
    put16(out, 0xFFFE);
    put16(out, 0xE0DD);
    put32(out, 0);
  }
  return out;
}

// A fuzzed file: another group inside the meta information, which its group length bounds,
// then a TextValue declaring 4 GB. DCMTK starts the dataset where the group length ends; so
// does the walk now, which refuses the length (it walked on from the foreign element, passed,
// and DCMTK allocated the 4 GB).
TEST(DicomStructure, TheMetaInformationEndsWhereItsGroupLengthSays) {
  std::ifstream file(
      "tests/fuzz/regressions/fuzz_sr_reader/oom-d55bed4c8a90fc1e681d290b248e557b1d5a5a33",
      std::ios::binary);
  ASSERT_TRUE(file);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const StructureCheck structure = check_structure(bytes, ReadLimits{});
  EXPECT_EQ(structure.problem, StructureProblem::Truncated);
  EXPECT_NE(structure.reason.find("declares 4285748530 bytes"), std::string::npos);
}

TEST(DicomStructure, DeepNestingIsRefused) {
  const std::string reason = check_structure_limits(nested_sr(100000), ReadLimits{});
  EXPECT_EQ(reason, "sequences nested deeper than 128 levels");
}

TEST(DicomStructure, DeepNestingIsRefusedInImplicitVr) {
  EXPECT_FALSE(check_structure_limits(nested_sr(1000, false), ReadLimits{}).empty());
}

TEST(DicomStructure, ShallowNestingPasses) {
  EXPECT_EQ(check_structure_limits(nested_sr(20), ReadLimits{}), "");
}

TEST(DicomStructure, LimitsAreConfigurable) {
  ReadLimits limits;
  limits.max_nesting_depth = 10;
  EXPECT_FALSE(check_structure_limits(nested_sr(6), limits).empty());  // 6 SQ + 6 items
  limits.max_elements = 5;
  limits.max_nesting_depth = 1000;
  EXPECT_EQ(check_structure_limits(nested_sr(6), limits), "more than 5 data elements");
  limits.max_input_bytes = 100;
  EXPECT_NE(check_structure_limits(nested_sr(6), limits).find("larger than"), std::string::npos);
}

TEST(DicomStructure, EverySamplePasses) {
  for (const char* sample :
       {"samples/bir-suspicious-vacuum-assisted.dcm", "samples/cad-clusters-by-reference.dcm",
        "samples/bir-legacy-srt-codes.dcm"}) {
    std::ifstream in(sample, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(check_structure_limits(bytes, ReadLimits{}), "") << sample;
  }
}

TEST(DicomStructure, WalkReadsTheSopClass) {
  EXPECT_EQ(check_structure(nested_sr(3), ReadLimits{}).sop_class_uid,
            "1.2.840.10008.5.1.4.1.1.88.33");
  EXPECT_EQ(check_structure(nested_sr(3, false), ReadLimits{}).sop_class_uid,
            "1.2.840.10008.5.1.4.1.1.88.33");
  EXPECT_EQ(check_structure(std::string(300, 'x'), ReadLimits{}).sop_class_uid, "");
}

// A dataset with a Specific Character Set and a patient name, for the conversion decision.
std::string named_sr(const std::string& character_set, const std::string& patient_name) {
  std::string out = nested_sr(1);
  element(out, 0x0008, 0x0005, "CS", character_set);
  element(out, 0x0010, 0x0010, "PN", patient_name);
  return out;
}

bool needs_conversion(const std::string& bytes) {
  return check_structure(bytes, ReadLimits{}).text_needs_conversion;
}

TEST(DicomStructure, PlainAsciiTextNeedsNoConversion) {
  EXPECT_FALSE(needs_conversion(named_sr("ISO_IR 100", "Doe^Jane")));
  EXPECT_FALSE(needs_conversion(named_sr("ISO_IR 192", "Doe^Jane")));
  EXPECT_FALSE(needs_conversion(named_sr("", "Doe^Jane")));
}

TEST(DicomStructure, AnythingButPlainAsciiIsConverted) {
  EXPECT_TRUE(needs_conversion(named_sr("ISO_IR 100", "M\xFCller^Ren\xE9")));     // Latin-1
  EXPECT_TRUE(needs_conversion(named_sr("ISO 2022 IR 87", "\x1B$B;3ED\x1B(B")));  // ESC
  EXPECT_TRUE(needs_conversion(named_sr("ISO 2022 IR 13", "Doe^Jane")));  // other sets: DCMTK
  EXPECT_TRUE(needs_conversion(named_sr("NOT A CHARSET", "Doe^Jane")));   // reports problems
  EXPECT_TRUE(needs_conversion(nested_sr(1, false)));  // implicit VR: text not told from binary
}

TEST(DicomStructure, ReaderRefusesDeepFileBeforeParsing) {
  try {
    read_sr(nested_sr(200000), "deep.dcm");
    FAIL() << "expected LimitExceeded";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::LimitExceeded);
    EXPECT_EQ(std::string(error.what()), "deep.dcm: sequences nested deeper than 128 levels");
  }
}

}  // namespace
}  // namespace mammocalc
