#!/usr/bin/env bash
# Every samples/refused/*.dcm (issue 16: a chest CT report that mentions calcifications and breast
# tissue) is refused by `mammocalc summarize`: exit 1, nothing on stdout, no output file, and one
# line on stderr that says it is not a breast imaging report.
# Run from the project root: check_refused_samples.sh MAMMOCALC
set -u
mammocalc=$1
failures=0
count=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shopt -s nullglob
for sample in samples/refused/*.dcm; do
  count=$((count + 1))
  name=$(basename "$sample" .dcm)
  if [[ -f samples/expected/$name.xml ]]; then
    echo "FAIL $sample: refused, yet samples/expected/$name.xml exists"; failures=$((failures + 1))
  fi
  "$mammocalc" summarize "$sample" >"$work/stdout" 2>"$work/stderr"
  status=$?
  if ((status != 1)); then
    echo "FAIL $sample: exit $status, expected 1"; failures=$((failures + 1))
  fi
  if [[ -s $work/stdout ]]; then
    echo "FAIL $sample: wrote to stdout:"; head -5 "$work/stdout"; failures=$((failures + 1))
  fi
  lines=$(wc -l <"$work/stderr")
  if ((lines != 1)); then
    echo "FAIL $sample: $lines lines on stderr, expected 1:"; cat "$work/stderr"
    failures=$((failures + 1))
  elif ! grep -q "not a breast imaging report" "$work/stderr"; then
    echo "FAIL $sample: stderr does not say 'not a breast imaging report':"; cat "$work/stderr"
    failures=$((failures + 1))
  fi
  "$mammocalc" summarize "$sample" -o "$work/out.xml" 2>/dev/null
  if [[ -e $work/out.xml ]]; then
    echo "FAIL $sample: refused, yet -o wrote a summary"; failures=$((failures + 1))
    rm -f "$work/out.xml"
  fi
done
if ((count == 0)); then echo "FAIL: no samples/refused/*.dcm found"; exit 1; fi
echo "$((count - failures)) of $count refused samples checked, $failures failures"
((failures == 0))
