// LineLog: the endpoint's workers write to it at once; every line must come out whole.
#include "base/line_log.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace mammocalc {
namespace {

TEST(LineLog, WritesTheLineAndANewline) {
  std::ostringstream out;
  const LineLog log(out);
  log.write("mammocalc serve: stopped");
  EXPECT_EQ(out.str(), "mammocalc serve: stopped\n");
}

TEST(LineLog, EscapesControlCharactersSoALineStaysOne) {
  std::ostringstream out;
  const LineLog log(out);
  log.write("rejected calling AE title 'X\nmammocalc serve: stopped'");
  EXPECT_EQ(out.str(), "rejected calling AE title 'X\\x0Amammocalc serve: stopped'\n");
}

TEST(EscapeControlCharacters, EscapesEveryControlCharacterAsHex) {
  EXPECT_EQ(escape_control_characters(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(escape_control_characters("\r\t\x1B[31m\x7F"), "\\x0D\\x09\\x1B[31m\\x7F");
  EXPECT_EQ(escape_control_characters("\x1F \x20"), "\\x1F  ");
}

TEST(EscapeControlCharacters, KeepsPrintableTextAndUtf8) {
  EXPECT_EQ(escape_control_characters("PACS_1 1.2.840.10008.5.1.4.1.1.88.22"),
            "PACS_1 1.2.840.10008.5.1.4.1.1.88.22");
  EXPECT_EQ(escape_control_characters("/var/lib/mammocalc/\xC3\xBC"),
            "/var/lib/mammocalc/\xC3\xBC");
  EXPECT_EQ(escape_control_characters("back\\slash"), "back\\slash");
  EXPECT_EQ(escape_control_characters(""), "");
}

TEST(EscapeControlCharacters, EscapesBytesOfNoUtf8CharacterSoTheLineIsValidUtf8) {
  // 0xFF in a calling AE title was written raw (hostile review 19).
  EXPECT_EQ(escape_control_characters("AE\xFF"), "AE\\xFF");
  EXPECT_EQ(escape_control_characters("\x80\xBF"), "\\x80\\xBF");  // continuation bytes alone
  EXPECT_EQ(escape_control_characters("\xC3"), "\\xC3");           // a cut sequence
  EXPECT_EQ(escape_control_characters("\xC3("), "\\xC3(");         // a lead without its tail
  EXPECT_EQ(escape_control_characters("\xC0\xAF"), "\\xC0\\xAF");  // overlong "/"
  EXPECT_EQ(escape_control_characters("\xED\xA0\x80"), "\\xED\\xA0\\x80");           // a surrogate
  EXPECT_EQ(escape_control_characters("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");  // > U+10FFFF
}

TEST(EscapeControlCharacters, EscapesC1ControlCharacters) {
  // U+009B is a terminal's CSI, as ESC [ is.
  EXPECT_EQ(escape_control_characters("\xC2\x9B"
                                      "31m"),
            "\\xC2\\x9B"
            "31m");
  EXPECT_EQ(escape_control_characters("\xC2\xA0"), "\xC2\xA0");  // U+00A0 is no control
}

TEST(EscapeControlCharacters, KeepsWellFormedUtf8OfEveryLength) {
  EXPECT_EQ(escape_control_characters("M\xC3\xBCller \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "M\xC3\xBCller \xE2\x82\xAC \xF0\x9F\x98\x80");
}

TEST(LineLog, LinesFromManyThreadsNeverInterleave) {
  std::ostringstream out;
  const LineLog log(out);
  constexpr int kThreads = 8;
  constexpr int kLines = 500;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&log, t] {
      // Long lines, so that an unguarded stream would split them.
      const std::string line =
          "worker " + std::to_string(t) + ": " + std::string(200, static_cast<char>('a' + t));
      for (int i = 0; i < kLines; ++i) log.write(line);
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::istringstream lines(out.str());
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    ASSERT_EQ(line.size(), std::string("worker 0: ").size() + 200) << line;
    const int t = line[7] - '0';
    EXPECT_EQ(line.substr(10), std::string(200, static_cast<char>('a' + t))) << line;
  }
  EXPECT_EQ(count, kThreads * kLines);
}

}  // namespace
}  // namespace mammocalc
