#pragma once
// --pseudonymize: a summary that may leave the hospital (issue 15 item 8). Beyond --redact (the
// patient's name, ID, birth date, sex, age and issuer), it drops the accession number, every date
// and time, the study's ID and description, the referring physician and every file path, and
// replaces UIDs by keyed pseudonyms: HMAC-SHA-256 with a site secret, so the same UID always
// gets the same pseudonym at one site (links between outputs still work) and nobody without the
// secret can go back or test a guessed UID. Without a secret the UIDs are dropped. Sentences of
// the report text are withheld wherever they were quoted (terms and statuses stay).

#include <string>
#include <utility>
#include <vector>

#include "rules/rules.hpp"

namespace mammocalc {

struct PseudonymPolicy {
  bool enabled = false;
  std::string key;  // the site secret; empty: UIDs are dropped, not replaced
};

// The keyed pseudonym of `uid`: "2.25." and the decimal value of the first 128 bits of
// HMAC-SHA-256(key, uid), with UUID version 8 (custom) bits, so it is a valid UID of its own.
std::string pseudonym_uid(const std::string& uid, const std::string& key);

// How outputs made under `policy` name exams: "plain", or "pseudonymised" and a keyed digest of
// a fixed name ("-" without a key), which tells one key from another and says nothing of it.
// Kept beside hook's and serve's record of exams and in a batch's index, so that runs that
// name exams otherwise never share an output directory (hostile reviews 38 and 42).
std::string naming_of(const PseudonymPolicy& policy);

// An --annotations path of the run as it may appear in a report's texts: a file, or a directory
// with the paths of its entries (a skipped entry, a file that conflicts, is named in warnings).
struct AnnotationPathsGiven {
  std::string path;
  bool directory = false;
  std::vector<std::string> entries;  // a directory's, as the run names them (DIR/NAME)
};

// The label of every annotation path of a run, in the order given: "annotations-N" for each file
// (a directory's entries before the directory), "annotation-directory-N" for each directory; a
// path given twice keeps its first label. What pseudonymise names them by in a report's texts
// and a batch index in its error texts: one file has one label in all of a run's outputs
// (hostile review 29, H29-12).
std::vector<std::pair<std::string, std::string>> annotation_labels(
    const std::vector<AnnotationPathsGiven>& annotations);

// `text` with every path of `labels` replaced by its label, longer paths first (a path before a
// shorter one inside it), as pseudonymise relabels a report's texts: for texts outside a report
// (a batch index's error text).
std::string with_labels(std::string text,
                        const std::vector<std::pair<std::string, std::string>>& labels);

// Applies the policy to a report before anything is written from it (summary, review, page,
// output file names). Does nothing when the policy is not enabled. Paths in texts become
// labels ("source", "annotations-1", "annotation-directory-1", "site-profile"): every path of
// `annotations` its annotation_labels label (a folder or file named after the patient would
// otherwise leave the hospital in a warning, hostile review 27, H27-18), then any other file of
// the findings' annotations numbered on; UIDs in texts their pseudonyms.
void pseudonymise(Report& report, const PseudonymPolicy& policy,
                  const std::vector<AnnotationPathsGiven>& annotations = {});

}  // namespace mammocalc
