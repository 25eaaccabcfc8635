#!/usr/bin/env bash
# Every sample case (tools/sample-cases) gives its expected summary byte for byte, and the
# summaries, annotation files and site profiles validate against their schemas.
# Run from the project root: check_samples.sh MAMMOCALC XMLLINT
set -u
mammocalc=$1
xmllint=$2
failures=0
count=0
validate() {  # SCHEMA FILE
  if ! "$xmllint" --noout --schema "$1" "$2" 2>"$work/xmllint"; then
    echo "FAIL $2: not valid against $1"; cat "$work/xmllint"; failures=$((failures + 1))
  fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
while IFS=$'\t' read -r expected args; do
  IFS=$'\t' read -r -a arguments <<<"$args"
  count=$((count + 1))
  if [[ ! -f $expected ]]; then
    echo "FAIL ${arguments[*]}: no expected summary $expected"; failures=$((failures + 1)); continue
  fi
  if ! "$mammocalc" summarize "${arguments[@]}" >"$work/actual.xml"; then
    echo "FAIL ${arguments[*]}: mammocalc exited non-zero"; failures=$((failures + 1)); continue
  fi
  if ! cmp -s "$expected" "$work/actual.xml"; then
    echo "FAIL ${arguments[*]}: summary differs from $expected:"
    diff -u "$expected" "$work/actual.xml" | head -40
    failures=$((failures + 1))
  fi
  validate schemas/summary.xsd "$expected"
done < <(tools/sample-cases)
for annotations in samples/*.annotations.xml; do validate schemas/annotations.xsd "$annotations"; done
for profile in samples/*.site-profile.xml; do validate schemas/site-profile.xsd "$profile"; done
if ((count == 0)); then echo "FAIL: no samples found"; exit 1; fi
echo "$((count - failures)) passed, $failures failed"
((failures == 0))
