// mammocalc_bench_floor DIR: loads every *.dcm in DIR with DCMTK and reads it into a DSRDocument,
// nothing else, in one process; prints the file count and the seconds taken. This is the floor
// tools/bench compares mammocalc with.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmsr/dsrdoc.h"
#include "dcmtk/oflog/oflog.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: mammocalc_bench_floor DIR\n";
    return 2;
  }
  OFLog::configure(OFLogger::OFF_LOG_LEVEL);
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.path().extension() == ".dcm") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  const auto start = std::chrono::steady_clock::now();
  std::size_t read = 0;
  for (const std::string& file : files) {
    DcmFileFormat format;
    if (format.loadFile(file.c_str()).bad()) continue;
    DSRDocument document;
    if (document.read(*format.getDataset()).good()) ++read;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << read << " " << seconds << "\n";
  return read == files.size() ? 0 : 1;
}
