#pragma once
// The review's view of an exam built straight from the typed Report: what the terminal review,
// the HTML page and the written SR's narrative show of an input mammocalc has just evaluated.
// It is the same view read_summary gives of that report's summary (a test holds them equal), so
// a summary on disk and a fresh evaluation read alike.

#include "review/summary_reader.hpp"
#include "rules/rules.hpp"

namespace mammocalc {

// The view of `report`; `redact` leaves the patient out, as a redacted summary does.
ReviewExam exam_view_of(const Report& report, bool redact);

}  // namespace mammocalc
