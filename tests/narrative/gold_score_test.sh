#!/usr/bin/env bash
# The narrative reader measured against the independent gold set (issues 16 and 17, English and
# German reports scored apart): per-descriptor
# precision and recall, laterality accuracy, missed suspicious findings, negated mentions turned
# into findings (thresholds in tests/narrative/gold/score.py, README.md "Scoring").
#   gold_score_test.sh MAMMOCALC        (run from the project root; needs python3, DCMTK, xmllint)
# Steps: the scorer's and the converter's self-tests; the pipeline on the gold written as a
# perfect reader would write it (must pass) and with one suspicious finding dropped (must fail);
# then the real run: build the gold SRs, one batch over them, refusals confirmed one process each
# (exit 1 and the one "not a breast imaging report" line), summaries -> TSV -> score.py, whose
# table is printed. Exit 1 when any step or threshold fails.
set -u
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 MAMMOCALC [XML_TO_SR]" >&2
  exit 2
fi
mammocalc=$1
xml_to_sr=${2:-}  # gold/build.sh: the build's one-process xml2dsr
gold=tests/narrative/gold
work=$(mktemp -d); [[ -n ${KEEP_GOLD:-} ]] && echo "work: $work"
trap '[[ -n ${KEEP_GOLD:-} ]] || rm -rf "$work"' EXIT
source tests/cli/check_lib.sh

# 1. The tools check themselves.
python3 "$gold/score.py" --self-test >"$work/score-self.log" 2>&1
check "score.py --self-test passes" test $? -eq 0
python3 "$gold/summary_to_tsv.py" --self-test >"$work/convert-self.log" 2>&1
check "summary_to_tsv.py --self-test passes" test $? -eq 0 || cat "$work/convert-self.log"

# 2. The pipeline (converter + scorer) passes a perfect reader and fails a mutated one.
pipeline() {  # pipeline NAME [MUTATION]: 0 when score.py passes
  python3 "$gold/gold_as_summaries.py" "$work/$1/summaries" ${2:+"$2"} &&
    python3 "$gold/summary_to_tsv.py" --index "$work/$1/summaries/index.xml" "$work/$1/tsv" >/dev/null &&
    python3 "$gold/score.py" "$work/$1/tsv" >"$work/$1.log" 2>&1
}
pipeline perfect
check "pipeline: the gold as a perfect reader's summaries scores PASS" test $? -eq 0 || cat "$work/perfect.log"
pipeline dropped drop-suspicious
check "pipeline: one suspicious finding dropped scores FAIL" test $? -eq 1
check "pipeline: ... naming the missed finding" grep -q '^  sus01_issue16_reproduction #1 (suspicious): no finding' "$work/dropped.log"
pipeline negated negated-finding
check "pipeline: a negated sentence turned into a finding scores FAIL" test $? -eq 1
check "pipeline: ... naming it" grep -q '^negated/historical/hypothetical mentions turned into findings: 1' "$work/negated.log"

# 3. The real reader.
bash "$gold/build.sh" "$work/sr" ${xml_to_sr:+"$xml_to_sr"} >"$work/build.log" 2>&1
check "the gold set builds with xml2dsr" test $? -eq 0 || cat "$work/build.log"
reports=$(awk -F'\t' 'NR > 1 { print $1 }' "$gold/reports.tsv")
check "the gold set has its 81 reports" test "$(echo "$reports" | wc -l)" -ge 81

"$mammocalc" summarize --quiet "$work/sr" -o "$work/out" >"$work/batch.out" 2>"$work/batch.err"
batch_status=$?
index=$work/out/index.xml
manifest=$work/manifest.tsv
: >"$manifest"
# refused REPORT: the one-process contract for a report the batch skipped or that runs alone.
refused() {
  local dcm=$work/sr/$1.dcm status
  "$mammocalc" summarize "$dcm" >"$work/one.xml" 2>"$work/one.err"
  status=$?
  if [[ $status -eq 1 && $(wc -l <"$work/one.err") -eq 1 ]] &&
    grep -q "^mammocalc: $dcm: not a breast imaging report" "$work/one.err"; then
    return 0
  fi
  echo "  $1: not refused as the contract says (exit $status: $(head -c 200 "$work/one.err"))"
  return 1
}
if [[ -f $index ]]; then
  echo "batch over the gold set: exit $batch_status"
  check "the batch over the gold set exits 0 (got $batch_status)" test "$batch_status" -eq 0 || head -n 5 "$work/batch.err"
  check "index.xml validates" bash -c "xmllint --noout --schema schemas/index.xsd \"$index\" 2>/dev/null"
  for report in $reports; do
    entry="//*[local-name()='entry'][substring(@input, string-length(@input) - string-length('/$report.dcm') + 1) = '/$report.dcm']"
    status=$(xmllint --xpath "string($entry/@status)" "$index" 2>/dev/null)
    code=$(xmllint --xpath "string($entry/@errorCode)" "$index" 2>/dev/null)
    output=$(xmllint --xpath "string($entry/@output)" "$index" 2>/dev/null)
    if [[ $status == summarised ]]; then
      [[ $output == /* ]] || output=$work/out/$(basename "$output")
      if [[ -f $output ]]; then
        printf '%s\tsummarised\t%s\n' "$report" "$output" >>"$manifest"
      else
        echo "  $report: summarised, but its summary '$output' is missing"
        printf '%s\tfailed\t\n' "$report" >>"$manifest"
      fi
    elif [[ $status == skipped && $code == not-breast-imaging ]] && refused "$report"; then
      printf '%s\trefused\t\n' "$report" >>"$manifest"
    else
      echo "  $report: batch status '${status:-no entry}' ${code:+($code)}"
      printf '%s\tfailed\t\n' "$report" >>"$manifest"
    fi
  done
else
  echo "no batch index (exit $batch_status: $(head -c 200 "$work/batch.err")); one process per report"
  mkdir -p "$work/one"
  for report in $reports; do
    "$mammocalc" summarize "$work/sr/$report.dcm" >"$work/one/$report.xml" 2>"$work/one/$report.err"
    status=$?
    if [[ $status -eq 0 ]]; then
      printf '%s\tsummarised\t%s\n' "$report" "$work/one/$report.xml" >>"$manifest"
    elif [[ $status -eq 1 ]] && refused "$report"; then
      printf '%s\trefused\t\n' "$report" >>"$manifest"
    else
      echo "  $report: exit $status ($(head -c 200 "$work/one/$report.err"))"
      printf '%s\tfailed\t\n' "$report" >>"$manifest"
    fi
  done
fi
python3 "$gold/summary_to_tsv.py" --manifest "$manifest" "$work/predicted"
check "the summaries convert to score.py's TSV files" test $? -eq 0
# Each language on its own, with the same thresholds (issue 17: "the same accuracy bar holds"):
# the English reports of issue 16, then the German ones, read with the German lexicon because
# their SRs say German (121049 DCM), without --language.
german=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "language") c = i }
  NR > 1 && $c != "" && $c != "en" { n++ } END { print n + 0 }' "$gold/reports.tsv")
check "the gold set has its 24 German reports (got $german)" test "$german" -ge 24
for language in en de; do
  echo "---- score.py --language $language (gold set of issues 16 and 17; published: Gao 2015" \
    "96-99/100 reports, sens/spec > 0.92; Castro 2017 F1 0.95 category, 0.91 laterality)"
  python3 "$gold/score.py" --language "$language" "$work/predicted"
  check "score.py --language $language: the thresholds of issue 16 hold" test $? -eq 0
done
finish
