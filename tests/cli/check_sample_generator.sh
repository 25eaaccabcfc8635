#!/usr/bin/env bash
# The sample generator reproduces the committed samples byte for byte.
set -u
generator=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$generator" "$out" || { echo "FAIL: generator exited non-zero"; exit 1; }
failures=0
for sample in samples/*.dcm samples/refused/*.dcm; do
  if ! cmp -s "$sample" "$out/${sample#samples/}"; then
    echo "FAIL $sample differs from a fresh generation"; failures=$((failures + 1))
  fi
done
for generated in "$out"/*.dcm "$out"/refused/*.dcm; do
  [[ -f samples/${generated#"$out"/} ]] || { echo "FAIL $(basename "$generated") not committed"; failures=$((failures + 1)); }
done
((failures == 0)) && echo "samples regenerate identically"
((failures == 0))
