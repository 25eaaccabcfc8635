#!/usr/bin/env bash
# run_fuzzer.sh FUZZER SECONDS EXTENSION: replays the regression inputs, then fuzzes for SECONDS
# seeded from samples/*.EXTENSION (and ../shared/corpus for DICOM). Fails on any finding.
# Longer runs: MAMMOCALC_FUZZ_SECONDS=3600 at configure time, or run this script by hand.
set -u
fuzzer=$1
seconds=$2
extension=$3
name=$(basename "$fuzzer")
regressions=tests/fuzz/regressions/$name
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp samples/*."$extension" "$work/corpus/" 2>/dev/null
if [[ $extension == dcm && -d ../shared/corpus ]]; then
  find ../shared/corpus -type f ! -name '*.md' ! -name '*.tsv' -size -2M -exec cp {} "$work/corpus/" \;
fi
max_len=()
if [[ $extension == xml ]]; then
  # Annotation files and site profiles are read up to 10 MiB: large seeds near that limit (a
  # long attribute, a long comment, many findings, deep nesting), so the mutations reach the
  # sizes where a recursive scan or a quadratic loop breaks (issue 15: a 120 kB srPosition
  # crashed std::regex, and short inputs never found it).
  head='<annotations xmlns="urn:mammocalc:annotations:1">\n<study studyInstanceUid="1.2.3"/>\n'
  {
    printf "$head"'<finding action="refine" srPosition="1'
    head -c 1048576 /dev/zero | tr '\0' '1'
    printf '"><site>ductal</site></finding>\n</annotations>\n'
  } >"$work/corpus/large-position.xml"
  {
    printf "$head"'<finding action="add"><comment>'
    head -c 9000000 /dev/zero | tr '\0' 'x'
    printf '</comment></finding>\n</annotations>\n'
  } >"$work/corpus/large-comment.xml"
  {
    printf "$head"
    for _ in $(seq 1 10000); do printf '<finding action="add"><morphology>amorphous</morphology></finding>\n'; done
    printf '</annotations>\n'
  } >"$work/corpus/many-findings.xml"
  {
    printf "$head"'<finding action="add">'
    for _ in $(seq 1 100000); do printf '<a>'; done
    for _ in $(seq 1 100000); do printf '</a>'; done
    printf '</finding>\n</annotations>\n'
  } >"$work/corpus/deep.xml"
  max_len=(-max_len=10485760)
fi
if [[ $extension == txt ]]; then
  # Report text: the gold set's reports as written (their xml2dsr sources hold the text), and a
  # 1 MiB text item of dense report sentences, where a quadratic step shows (issue 16: a 1 MiB
  # item is read in well under 100 ms).
  cp tests/narrative/gold/sources/*.xml "$work/corpus/" 2>/dev/null
  sentence='RIGHT BREAST: No fine pleomorphic calcifications at 10:00, 4 cm FN; however, possible amorphous calcs. BI-RADS 4B.
'
  for _ in $(seq 1 9000); do printf "$sentence"; done >"$work/corpus/dense.txt"
  max_len=(-max_len=2097152)
fi
if [[ -d $regressions ]] && ls "$regressions"/* >/dev/null 2>&1; then
  "$fuzzer" "$regressions"/* >"$work/replay.log" 2>&1 || { cat "$work/replay.log"; echo "FAIL: a regression input fails again"; exit 1; }
fi
# A unit slower than libFuzzer's default 10 s but within the 30 s timeout is the machine's load,
# not a finding: a 20,000-finding seed took 3.8 s under the sanitizers alone and 11 s while the
# other tests ran (a CI run failed on it; the reader is linear, 0.1 s in the ordinary build), so
# the seed is 10,000 findings now. Hangs still fail by the timeout, quadratic steps by the seeds.
"$fuzzer" -max_total_time="$seconds" -timeout=30 -report_slow_units=30 -rss_limit_mb=2048 -print_final_stats=1 "${max_len[@]}" \
  -artifact_prefix="$work/artifacts/" "$work/corpus" >"$work/fuzz.log" 2>&1
status=$?
tail -n 12 "$work/fuzz.log"
if ((status != 0)) || ls "$work/artifacts"/* >/dev/null 2>&1; then
  mkdir -p "$regressions"
  cp "$work/artifacts"/* "$regressions/" 2>/dev/null
  echo "FAIL: $name found a problem; the input is saved in $regressions (commit it as a regression)"
  exit 1
fi
echo "$name: no finding in ${seconds}s"
