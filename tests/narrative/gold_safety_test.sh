#!/usr/bin/env bash
# The safety floor of narrative reports until the narrative reader exists (issue 16): over the
# independent gold set (tests/narrative/gold, written from the specification without reading the
# code), every breast report is read, not refused; every one whose text mentions calcification
# asks for radiologist review (never "no calcification finding" without a flag) and quotes the
# text in a narrative-unresolved warning; the reports about other organs are refused. Per-
# descriptor accuracy (score.py) waits for the reader.
#   gold_safety_test.sh MAMMOCALC        (run from the project root)
set -u
mammocalc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/cli/check_lib.sh
gold=tests/narrative/gold

bash "$gold/build.sh" "$work/sr" >"$work/build.log" 2>&1
check "the gold set builds with xml2dsr" test $? -eq 0
total=0
refused_breast=0
unflagged=0
unquoted=0
wrongly_read=0
while IFS=$'\t' read -r report _ _ _ is_breast _; do
  [[ $report == report ]] && continue
  total=$((total + 1))
  "$mammocalc" summarize "$work/sr/$report.dcm" >"$work/summary.xml" 2>"$work/err"
  status=$?
  if [[ $is_breast == no ]]; then
    if [[ $status -ne 1 ]] || ! grep -q "not a breast imaging report" "$work/err"; then
      echo "  $report: a report about another organ was not refused"
      wrongly_read=$((wrongly_read + 1))
    fi
    continue
  fi
  if [[ $status -ne 0 ]]; then
    echo "  $report: refused ($(cat "$work/err"))"
    refused_breast=$((refused_breast + 1))
    continue
  fi
  # Mentions of calcification in this report (mentions.tsv lists every one, with its sentence;
  # mention 0 marks a report without any).
  if awk -F'\t' -v r="$report" '$1 == r && $2 != "0" { found = 1 } END { exit !found }' \
    "$gold/mentions.tsv"; then
    if ! grep -q '<exam [^>]*needsReview="true"' "$work/summary.xml"; then
      echo "  $report: text mentions calcification, the exam does not ask for review"
      unflagged=$((unflagged + 1))
    fi
    if ! grep -q 'code="narrative-unresolved"' "$work/summary.xml" &&
      ! grep -q '<finding ' "$work/summary.xml"; then
      echo "  $report: the text mentioning calcification is not quoted"
      unquoted=$((unquoted + 1))
    fi
  fi
done <"$gold/reports.tsv"
check "the gold set has its 81 reports" test "$total" -ge 81
check "no breast report is refused" test "$refused_breast" -eq 0
check "no report that mentions calcification goes without a review flag" test "$unflagged" -eq 0
check "every such report quotes its text" test "$unquoted" -eq 0
check "every report about another organ is refused" test "$wrongly_read" -eq 0
finish
