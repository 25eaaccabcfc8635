#!/usr/bin/env bash
# Every sample's summary equals samples/expected/<name>.xml byte for byte and validates against
# schemas/summary.xsd. Run from the project root: check_samples.sh MAMMOCALC XMLLINT
set -u
mammocalc=$1
xmllint=$2
failures=0
count=0
for sample in samples/*.dcm; do
  name=$(basename "$sample" .dcm)
  expected="samples/expected/$name.xml"
  count=$((count + 1))
  if [[ ! -f $expected ]]; then
    echo "FAIL $sample: no expected summary $expected"; failures=$((failures + 1)); continue
  fi
  options=()
  profile="samples/$name.site-profile.xml"
  [[ -f $profile ]] && options=(--site-profile "$profile")
  if ! actual=$("$mammocalc" summarize "${options[@]}" "$sample"); then
    echo "FAIL $sample: mammocalc exited non-zero"; failures=$((failures + 1)); continue
  fi
  if ! diff -u "$expected" <(printf '%s\n' "$actual") >/dev/null; then
    echo "FAIL $sample: summary differs from $expected:"
    diff -u "$expected" <(printf '%s\n' "$actual") | head -40
    failures=$((failures + 1))
  fi
  if ! "$xmllint" --noout --schema schemas/summary.xsd "$expected" 2>/tmp/xmllint.$$; then
    echo "FAIL $expected: not valid against schemas/summary.xsd"; cat /tmp/xmllint.$$
    failures=$((failures + 1))
  fi
done
rm -f /tmp/xmllint.$$
if ((count == 0)); then echo "FAIL: no samples found"; exit 1; fi
echo "$((count - failures)) passed, $failures failed"
((failures == 0))
