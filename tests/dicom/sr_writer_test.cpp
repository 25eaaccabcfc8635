// The written SR's identifiers: SHA-1 against the FIPS 180 test vectors, and name-based 2.25 UIDs
// that are valid, stable and distinct.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "dicom/sr_writer.hpp"
#include "findings/own_sr.hpp"

namespace mammocalc {
namespace {

std::string hex(const std::array<unsigned char, 20>& digest) {
  std::string text;
  char byte[3];
  for (unsigned char value : digest) {
    std::snprintf(byte, sizeof byte, "%02x", value);
    text += byte;
  }
  return text;
}

TEST(SrWriter, Sha1MatchesTheStandardTestVectors) {
  EXPECT_EQ(hex(sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(hex(sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(hex(sha1(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  EXPECT_EQ(hex(sha1(std::string(64, 'x'))), "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
}

TEST(SrWriter, UidForNameIsAValidStableUuidUid) {
  const std::string uid = uid_for_name("mammocalc device observer");
  // The value OpenSSL's SHA-1 gave when the writer first used it: UIDs already sent to a PACS
  // stay the same.
  EXPECT_EQ(uid, "2.25.290715673053758130609068492642435390596");
  // own_sr recognises mammocalc's SRs by it too (findings/ links no DCMTK: a constant there).
  EXPECT_EQ(uid, kOwnDeviceObserverUid);
  EXPECT_EQ(uid_for_name("mammocalc device observer"), uid);
  EXPECT_NE(uid_for_name("mammocalc device observer "), uid);
  EXPECT_LE(uid.size(), 64u);
  EXPECT_EQ(uid.rfind("2.25.", 0), 0u);
  EXPECT_EQ(uid.find_first_not_of("0123456789", 5), std::string::npos);
  EXPECT_NE(uid[5], '0');  // no leading zero in a UID component
}

}  // namespace
}  // namespace mammocalc
