// Every unit test process sets DCMTK up as the program does (dicom/toolkit): the same logging
// and the same data dictionary, so a test reads DICOM exactly as production does.
#include <gtest/gtest.h>

#include "dicom/toolkit.hpp"

namespace {

class DicomToolkit : public ::testing::Environment {
 public:
  void SetUp() override { mammocalc::start_dicom_toolkit(); }
};

const ::testing::Environment* const kDicomToolkit =
    ::testing::AddGlobalTestEnvironment(new DicomToolkit);

}  // namespace
