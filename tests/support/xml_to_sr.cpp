// mammocalc_xml_to_sr: DCMTK's xml2dsr for many files in one process, for the script tests that
// build hundreds of SRs from XML (the gold set, the wording safety tests). Starting xml2dsr and
// dcmodify once per report cost more CPU than the checks themselves; this does the same library
// calls (DSRDocument::readXML, write, saveFile) once per file in one process.
//
// Reads lines "XML<TAB>DICOM[<TAB>BODY PART]" from standard input; writes each XML (DCMTK's
// dsr2xml format) as the SR file DICOM, sets Body Part Examined (0018,0015) when a body part is
// given, and reads the file back as an SR. Stops at the first failure: one line naming the file,
// exit 1. Any warning DCMTK logs goes to standard error, where the callers treat it as a failure.
#include <iostream>
#include <string>

#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmsr/dsrdoc.h"

namespace {

// Empty on success, else the problem.
std::string build_sr(const std::string& xml_path, const std::string& dicom_path,
                     const std::string& body_part) {
  DSRDocument document;
  OFCondition status = document.readXML(xml_path.c_str());
  if (status.bad()) return std::string("cannot read the XML: ") + status.text();
  DcmFileFormat file;
  DcmDataset& dataset = *file.getDataset();
  status = document.write(dataset);
  if (status.bad()) return std::string("cannot write the SR: ") + status.text();
  if (!body_part.empty()) {
    status = dataset.putAndInsertString(DCM_BodyPartExamined, body_part.c_str());
    if (status.bad()) return std::string("cannot set Body Part Examined: ") + status.text();
  }
  status = file.saveFile(dicom_path.c_str(), EXS_LittleEndianExplicit, EET_ExplicitLength);
  if (status.bad()) return std::string("cannot save: ") + status.text();
  DcmFileFormat written;
  status = written.loadFile(dicom_path.c_str());
  if (status.bad()) return std::string("cannot load what was saved: ") + status.text();
  DSRDocument read_back;
  status = read_back.read(*written.getDataset());
  if (status.bad()) return std::string("the saved file is no readable SR: ") + status.text();
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 1) {
    std::cerr << "usage: " << argv[0] << " < LIST   (lines: XML<TAB>DICOM[<TAB>BODY PART])\n";
    return 2;
  }
  std::string line;
  int built = 0;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    const auto first_tab = line.find('\t');
    if (first_tab == std::string::npos) {
      std::cerr << "mammocalc_xml_to_sr: line without a tab: " << line << '\n';
      return 1;
    }
    const auto second_tab = line.find('\t', first_tab + 1);
    const std::string xml_path = line.substr(0, first_tab);
    const std::string dicom_path =
        line.substr(first_tab + 1, second_tab == std::string::npos ? std::string::npos
                                                                   : second_tab - first_tab - 1);
    const std::string body_part =
        second_tab == std::string::npos ? std::string() : line.substr(second_tab + 1);
    const std::string problem = build_sr(xml_path, dicom_path, body_part);
    if (!problem.empty()) {
      std::cerr << "mammocalc_xml_to_sr: " << xml_path << ": " << problem << '\n';
      return 1;
    }
    ++built;
  }
  std::cout << built << " SRs built\n";
  return 0;
}
