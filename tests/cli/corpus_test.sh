#!/usr/bin/env bash
# Runs mammocalc over every file of ../shared/corpus (real SR files published by other DICOM
# projects, and broken ones) and compares each outcome with tests/cli/corpus_expected.tsv:
# exit status and a fragment of the one-line reason. A crash (signal), a second stderr line or an
# unlisted file fails. Skipped (exit 77) only when the corpus folder is absent.
#   corpus_test.sh MAMMOCALC XMLLINT
set -u
mammocalc=$1
xmllint=$2
corpus=${MAMMOCALC_CORPUS:-../shared/corpus}
expected=tests/cli/corpus_expected.tsv
if [[ ! -d $corpus ]]; then
  echo "SKIPPED: corpus folder $corpus is absent"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
declare -A listed
while IFS=$'\t' read -r path status reason; do
  [[ -z $path || $path == \#* ]] && continue
  listed[$path]=1
  file="$corpus/$path"
  if [[ ! -f $file ]]; then
    echo "FAIL $path: listed in $expected but missing from the corpus"; failed=$((failed + 1)); continue
  fi
  timeout 60 "$mammocalc" summarize "$file" >"$work/out" 2>"$work/err"
  actual=$?
  problem=""
  if ((actual != status)); then
    problem="exit status $actual, expected $status"
  elif ((status == 0)) && ! "$xmllint" --noout --schema schemas/summary.xsd "$work/out" 2>/dev/null; then
    problem="summary does not validate"
  elif ((status != 0)) && [[ $(wc -l <"$work/err") -ne 1 ]]; then
    problem="expected exactly one stderr line, got $(wc -l <"$work/err")"
  elif ((status != 0)) && ! grep -qF -- "$reason" "$work/err"; then
    problem="reason '$(cat "$work/err")' lacks '$reason'"
  fi
  if [[ -n $problem ]]; then
    echo "FAIL $path: $problem"; failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
done <"$expected"
while IFS= read -r -d '' file; do
  path=${file#"$corpus"/}
  [[ $path == MANIFEST.tsv || $path == README.md ]] && continue
  if [[ -z ${listed[$path]:-} ]]; then
    echo "FAIL $path: in the corpus but not in $expected"; failed=$((failed + 1))
  fi
done < <(find "$corpus" -type f -print0 | sort -z)
echo "$passed passed, $failed failed"
((failed == 0))
