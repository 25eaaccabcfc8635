#!/usr/bin/env bash
# A huge SR costs no more memory than DCMTK needs to read it: the benchmark's large SR (5,000
# coded findings and an impression of 658 statements) summarised with a peak RSS within 1.5x of
# dsr2xml's on the same file, measured here in the same script (GNU time). Copying every overall
# statement into every finding once took 1.3 GB for it (dsr2xml: 200 MB) and no test noticed.
#   large_sr_memory_test.sh MAMMOCALC MAKE_SAMPLES
set -u
mammocalc=$1
make_samples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
for tool in dsr2xml /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found"; exit 1; }
done

"$make_samples" --large 5000 "$work" >/dev/null
check "the large SR is generated" test -s "$work/large.dcm"
peak_kb() {  # command...: the peak resident set of one run, in KiB
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/err" || {
    echo "  failed: $* ($(head -n 2 "$work/err"))"
    return 1
  }
  cat "$work/rss"
}
dcmtk_kb=$(peak_kb dsr2xml "$work/large.dcm")
check "dsr2xml reads it" test -n "$dcmtk_kb"
mammocalc_kb=$(peak_kb "$mammocalc" summarize "$work/large.dcm" -o "$work/summary.xml")
check "mammocalc summarises it" test -n "$mammocalc_kb" -a -s "$work/summary.xml"
check "its 5,000 findings are in the summary" test "$(grep -c '<finding ' "$work/summary.xml")" -ge 5000
echo "peak RSS: mammocalc ${mammocalc_kb:-?} KiB, dsr2xml ${dcmtk_kb:-?} KiB"
check "mammocalc's peak RSS is within 1.5x of dsr2xml's" \
  test "$((${mammocalc_kb:-0} * 2))" -le "$((${dcmtk_kb:-0} * 3))" -a "${mammocalc_kb:-0}" -gt 0
finish
