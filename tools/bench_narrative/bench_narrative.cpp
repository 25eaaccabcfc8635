// The narrative reader's cost (tools/bench, issue 16): reads each SR given once with DCMTK
// (read_sr, the baseline in this process) and then times read_narrative on it, median of REPEATS
// runs, printing milliseconds, the ratio to the DCMTK read of the same file, and MiB/s of text.
//   mammocalc_bench_narrative WORDINGS REPEATS SR...
// With --tokenise REPEATS it times the tokeniser alone on 512 KiB and 1 MiB of text full of
// ligatures and accents (words ICU folds one by one) and prints both and their ratio: linear
// work gives about 2, the square 4.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <string>
#include <vector>

#include "annotations/wordings_reader.hpp"
#include "base/error.hpp"
#include "dicom/sr_reader.hpp"
#include "dicom/toolkit.hpp"
#include "narrative/narrative_reader.hpp"
#include "narrative/report_text.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

template <typename Run>
double median_ms(int repeats, Run run) {
  std::vector<double> times;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    run();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return median(times);
}

std::size_t text_bytes(const mammocalc::ContentItem& item) {
  return std::accumulate(item.children.begin(), item.children.end(), item.text.size(),
                         [](std::size_t bytes, const mammocalc::ContentItem& child) {
                           return bytes + text_bytes(child);
                         });
}

// Milliseconds to tokenise `bytes` of non-ASCII text, median of `repeats` runs.
double tokenise_ms(std::size_t bytes, int repeats) {
  std::string text;
  while (text.size() < bytes)
    text +=
        "calci\xEF\xAC\x81"
        "cations \xC3\xA9tat CALC\xC4\xB0UM, ";
  std::size_t tokens = 0;
  const double ms = median_ms(repeats, [&] {
    std::string folded;
    tokens += mammocalc::narrative::tokenise(text, folded).size();
  });
  if (tokens == 0) std::fprintf(stderr, "tokenise: no token read\n");
  return ms;
}

int print_tokenise_ratio(int repeats) {
  tokenise_ms(1 << 16, 1);  // loads ICU's data before anything is timed
  const double half = tokenise_ms(1 << 19, repeats);
  const double whole = tokenise_ms(1 << 20, repeats);
  std::printf("tokenise_512kib_ms\ttokenise_1mib_ms\tratio\n%.2f\t%.2f\t%.2f\n", half, whole,
              half > 0 ? whole / half : 0.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--tokenise")
    return print_tokenise_ratio(std::max(1, std::atoi(argv[2])));
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: mammocalc_bench_narrative WORDINGS REPEATS SR...\n"
                 "       mammocalc_bench_narrative --tokenise REPEATS\n");
    return 2;
  }
  try {
    mammocalc::start_dicom_toolkit();
    // Prepared once, as a run prepares them at start-up: the line times reading, not preparing.
    const mammocalc::PreparedWordings wordings =
        mammocalc::prepare_wordings(mammocalc::read_wordings(argv[1]));
    const int repeats = std::max(1, std::atoi(argv[2]));
    std::printf("file\ttext_bytes\tdcmtk_read_ms\tnarrative_ms\tratio_to_read\ttext_mib_per_s\n");
    for (int i = 3; i < argc; ++i) {
      const std::string bytes = mammocalc::read_input_bytes(argv[i]);
      mammocalc::SrDocument document;
      const double read_ms =
          median_ms(repeats, [&] { document = mammocalc::read_sr(bytes, argv[i]); });
      std::size_t mentions = 0;
      const double narrative_ms = median_ms(repeats, [&] {
        mentions += mammocalc::read_narrative(document, wordings).mentions.size();
      });
      const double mib = static_cast<double>(text_bytes(document.root)) / (1024.0 * 1024.0);
      std::printf("%s\t%zu\t%.2f\t%.2f\t%.2f\t%.1f\n", argv[i], text_bytes(document.root), read_ms,
                  narrative_ms, narrative_ms / read_ms,
                  narrative_ms > 0 ? mib / (narrative_ms / 1000.0) : 0.0);
      if (mentions == 0) std::fprintf(stderr, "%s: no mention read\n", argv[i]);
    }
  } catch (const mammocalc::Error& error) {
    std::fprintf(stderr, "mammocalc_bench_narrative: %s\n", error.what());
    return 1;
  }
  return 0;
}
