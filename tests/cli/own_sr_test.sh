#!/usr/bin/env bash
# mammocalc's own SRs (--dicom-out) are recognised by the equipment they name (issue 15, item 2):
# a single summarize refuses one (exit 1, one line), batch and hook skip it with the reason
# "written by mammocalc" and never count it twice, --read-own reads it back, and review says it
# shows mammocalc's result, not a radiologist's report. Run from the project root:
#   own_sr_test.sh MAMMOCALC
set -u
mammocalc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

sample=samples/bir-suspicious-vacuum-assisted.dcm
mkdir -p "$work/archive"
cp "$sample" "$work/archive/report.dcm"
"$mammocalc" summarize --dicom-out "$work/archive/own.dcm" "$sample" >"$work/direct.xml"
check "--dicom-out writes the own SR" test $? -eq 0 -a -s "$work/archive/own.dcm"
own=$work/archive/own.dcm

# A single summarize refuses it: exit 1, exactly one line, no output.
"$mammocalc" summarize "$own" -o "$work/single.xml" >"$work/out" 2>"$work/err"
status=$?
check "summarize own.dcm: exit 1 (got $status)" test "$status" -eq 1
check "summarize own.dcm: the one-line reason" test "$(cat "$work/err")" = \
  "mammocalc: $own: written by mammocalc (its own summary SR); use --read-own to read it back"
check "summarize own.dcm: no summary written" test ! -e "$work/single.xml" -a ! -s "$work/out"
"$mammocalc" summarize - <"$own" >/dev/null 2>"$work/err"
check "summarize - <own.dcm: exit 1" test $? -eq 1
check "summarize - <own.dcm: the reason names <stdin>" grep -qx \
  "mammocalc: <stdin>: written by mammocalc (its own summary SR); use --read-own to read it back" "$work/err"

# --read-own reads it back to the same exam category.
"$mammocalc" summarize --read-own "$own" >"$work/back.xml" 2>"$work/err"
check "summarize --read-own own.dcm: exit 0" test $? -eq 0 -a ! -s "$work/err"
check "summarize --read-own: the exam category survives" test \
  "$(grep -o '<exam category="[^"]*"' "$work/direct.xml")" = "$(grep -o '<exam category="[^"]*"' "$work/back.xml")"
check "summarize --read-own: a summary with findings" grep -q '<finding ' "$work/back.xml"
check "summarize --read-own: the summary says its source is mammocalc's own result" \
  grep -q '<source [^>]*writtenBy="mammocalc"' "$work/back.xml"
check "... and still validates" xmllint --noout --schema schemas/summary.xsd "$work/back.xml"
# Hostile review 44, H44-6: its own biopsy items (the Procedure reported and its modifiers under
# the Recommended Follow-up) are read as the follow-up's, never "not read".
check "... its biopsy procedure items are read (the direct summary recommends a vacuum-assisted biopsy)" \
  bash -c "grep -q 'biopsyType=\"vacuum-assisted\"' '$work/direct.xml' && ! grep -q '(121058, DCM, &quot;Procedure reported&quot;)\|(111464, DCM' '$work/back.xml'"
check "a summary of a radiologist's SR does not say so" bash -c "! grep -q writtenBy '$work/direct.xml'"
"$mammocalc" review --no-color "$work/back.xml" >"$work/back-review.txt" 2>&1
check "review of that summary file says it shows mammocalc's result" grep -q "^Origin " "$work/back-review.txt"
# Hostile review 50, H50-8: the own SR's follow-ups and categories are mammocalc's, never said to be
# a radiologist's (the direct review of the radiologist's SR says "radiologist recommended").
"$mammocalc" review --no-color "$sample" >"$work/direct-review.txt" 2>&1
"$mammocalc" review --no-color --read-own "$own" >"$work/own-review.txt" 2>&1
check "review of the source names the radiologist's recommendation" \
  grep -q "radiologist recommended: " "$work/direct-review.txt"
check "review --read-own names no radiologist's value, but mammocalc's earlier result" bash -c \
  "! grep -q 'radiologist recommended\|radiologist reported' '$work/own-review.txt' && grep -q \"mammocalc's earlier result recommended: \" '$work/own-review.txt'"
# H51-9: with --trace, no rule title calls the own SR's category the radiologist's either.
"$mammocalc" review --no-color --trace --read-own "$own" >"$work/own-trace.txt" 2>&1
check "review --read-own --trace shows rule R1 and names no radiologist's category" bash -c \
  "grep -q 'rule R1 ' '$work/own-trace.txt' && ! grep -qi 'radiologist.s reported' '$work/own-trace.txt'"
"$mammocalc" review --html "$work/own-review.html" --read-own "$own" 2>/dev/null
check "review --html --read-own names no radiologist's recommendation" bash -c \
  "! grep -q 'radiologist recommended' '$work/own-review.html' && grep -q \"mammocalc&#39;s earlier result recommended\|mammocalc's earlier result recommended\" '$work/own-review.html'"

# Batch over a folder holding the sample and its own SR: the sample once, the own SR skipped.
"$mammocalc" summarize -o "$work/batch" "$work/archive" 2>"$work/err"
status=$?
check "batch over report + own SR: exit 0 (got $status)" test "$status" -eq 0
check "batch: nothing on standard error (skipped is no error)" test ! -s "$work/err"
index=$work/batch/index.xml
check "batch: the sample is summarised" grep -q "report.dcm\" status=\"summarised\"" "$index"
check "batch: the own SR is skipped as own-summary" \
  grep -q "own.dcm\" status=\"skipped\" errorCode=\"own-summary\"" "$index"
check "batch: the skip says why" grep -q "own.dcm: written by mammocalc (its own summary SR)<" "$index"
check "batch: one summary only" test "$(ls "$work/batch" | grep -c '\.xml$')" -eq 2
"$mammocalc" summarize -o "$work/alone1" --files-from - <<<"$work/archive/report.dcm" 2>/dev/null
rollup=$(grep -o '<rollup findings="[0-9]*"' "$index")
check "batch: the roll-up is the sample's alone, not doubled ($rollup)" test \
  "$rollup" = "$(grep -o '<rollup findings="[0-9]*"' "$work/alone1/index.xml")"
check "batch: the index counts one skipped input" grep -q 'skipped="1"' "$index"
"$mammocalc" summarize -o "$work/batch-own" --read-own "$work/archive" 2>"$work/err"
check "batch --read-own: exit 0" test $? -eq 0
check "batch --read-own: the own SR is summarised too" test \
  "$(grep -c 'status="summarised"' "$work/batch-own/index.xml")" -eq 2

# hook skips it with one log line and exit 0, and writes no summary for it.
"$mammocalc" hook --out "$work/hook" "$own" 2>"$work/hook.log"
status=$?
check "hook own.dcm: exit 0 (got $status)" test "$status" -eq 0
check "hook own.dcm: one line, skipped with the reason" test "$(cat "$work/hook.log")" = \
  "mammocalc hook: $own: written by mammocalc (its own summary SR); skipped"
check "hook own.dcm: no summary" test -z "$(ls -A "$work/hook")"
"$mammocalc" hook --out "$work/hook2" "$work/archive" 2>"$work/hook2.log"
check "hook over the study folder: exit 0" test $? -eq 0
check "hook over the study folder: the report summarised, the own SR not" test \
  "$(ls "$work/hook2" | grep -c '\.xml$')" -eq 1

# "Laundered": its equipment stripped or replaced on the way (Contributing Equipment dropped,
# Manufacturer rewritten). Its content still says whose it is (hostile review, issue 18).
cp "$own" "$work/laundered.dcm"
dcmodify -nb -ea "(0018,a001)" -m "(0008,0070)=PACS VENDOR" "$work/laundered.dcm" >/dev/null 2>&1
check "the laundered own SR names no mammocalc equipment" \
  bash -c "! dcmdump '$work/laundered.dcm' | grep -qE '^\(0008,0070\).*mammocalc|\(0018,a001\)'"
"$mammocalc" summarize "$work/laundered.dcm" >/dev/null 2>"$work/err"
check "summarize laundered.dcm: exit 1" test $? -eq 1
check "summarize laundered.dcm: the one-line reason" test "$(cat "$work/err")" = \
  "mammocalc: $work/laundered.dcm: written by mammocalc (its own summary SR); use --read-own to read it back"
"$mammocalc" hook --out "$work/hook-laundered" "$work/laundered.dcm" 2>"$work/hook-laundered.log"
check "hook laundered.dcm: exit 0" test $? -eq 0
check "hook laundered.dcm: skipped with the reason" test "$(cat "$work/hook-laundered.log")" = \
  "mammocalc hook: $work/laundered.dcm: written by mammocalc (its own summary SR); skipped"
check "hook laundered.dcm: no summary" test -z "$(ls -A "$work/hook-laundered" 2>/dev/null)"
"$mammocalc" summarize --read-own "$work/laundered.dcm" >"$work/laundered-back.xml" 2>/dev/null
check "summarize --read-own laundered.dcm: read back as mammocalc's own" \
  grep -q '<source [^>]*writtenBy="mammocalc"' "$work/laundered-back.xml"

# review: refused without --read-own; with it, the header says whose result it is.
"$mammocalc" review --no-color "$own" >"$work/review.txt" 2>"$work/err"
check "review own.dcm: exit 1" test $? -eq 1
check "review own.dcm: the reason with the hint" grep -qF \
  "$own: written by mammocalc (its own summary SR); use --read-own to read it back" "$work/err"
"$mammocalc" review --no-color --read-own --html "$work/review.html" "$own" >"$work/review.txt" 2>"$work/err"
check "review --read-own own.dcm: exit 0" test $? -eq 0
check "review --read-own: the header says mammocalc's own result, not a radiologist's report" \
  grep -qx "Origin   mammocalc's own result (its SR read back with --read-own), not a radiologist's report" "$work/review.txt"
check "review --read-own: the origin line comes right under the title" \
  test "$(sed -n 2p "$work/review.txt" | cut -c1-9)" = "Origin   "
check "review --read-own --html: the page says it too" \
  grep -qF "mammocalc's own result (its SR read back with --read-own), not a radiologist's report" "$work/review.html"
"$mammocalc" review --no-color "$sample" >"$work/review-sample.txt"
check "review of a radiologist's report: no origin line" test -z "$(grep '^Origin' "$work/review-sample.txt")"

finish
