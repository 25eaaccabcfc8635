// mammocalc_picture_probe FILE.ppm R G B X0 Y0 X1 Y1: counts the pixels of a binary PPM (P6)
// within the box [X0,X1) x [Y0,Y1) whose colour is within 16 of (R,G,B) in every channel, and
// prints "COUNT MEAN-X MEAN-Y". The review page's picture test finds markers with it.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// Reads the next header token of a PPM, skipping comments.
std::string token(std::istream& in) {
  std::string word;
  while (in >> word) {
    if (word[0] != '#') return word;
    std::getline(in, word);
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 9) {
    std::cerr << "usage: mammocalc_picture_probe FILE.ppm R G B X0 Y0 X1 Y1\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (token(in) != "P6") {
    std::cerr << argv[1] << ": not a binary PPM\n";
    return 1;
  }
  const long width = std::atol(token(in).c_str());
  const long height = std::atol(token(in).c_str());
  const long maximum = std::atol(token(in).c_str());
  in.get();  // the one whitespace byte before the pixels
  if (width <= 0 || height <= 0 || maximum != 255) {
    std::cerr << argv[1] << ": unsupported PPM header\n";
    return 1;
  }
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width * height * 3));
  in.read(reinterpret_cast<char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
  if (!in) {
    std::cerr << argv[1] << ": truncated PPM\n";
    return 1;
  }
  const int colour[3] = {std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4])};
  const long x0 = std::max(0L, std::atol(argv[5]));
  const long y0 = std::max(0L, std::atol(argv[6]));
  const long x1 = std::min(width, std::atol(argv[7]));
  const long y1 = std::min(height, std::atol(argv[8]));
  long count = 0;
  double sum_x = 0;
  double sum_y = 0;
  for (long y = y0; y < y1; ++y) {
    for (long x = x0; x < x1; ++x) {
      const unsigned char* pixel = &pixels[static_cast<std::size_t>((y * width + x) * 3)];
      bool match = true;
      for (int channel = 0; channel < 3; ++channel) {
        match = match && std::abs(pixel[channel] - colour[channel]) <= 16;
      }
      if (!match) continue;
      ++count;
      sum_x += static_cast<double>(x);
      sum_y += static_cast<double>(y);
    }
  }
  std::cout << count << " " << (count ? sum_x / static_cast<double>(count) : 0) << " "
            << (count ? sum_y / static_cast<double>(count) : 0) << "\n";
  return 0;
}
