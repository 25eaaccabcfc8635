#!/usr/bin/env bash
# tools/check-layering catches what it is there for: a copy of src/ with one violation planted at
# a time must fail, naming the file and the line; the copy without violations passes.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
check_layering=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fresh_copy() {
  rm -rf "$work/src"
  cp -r src "$work/src"
}
# Plants `line` as the first include of `file` (relative to src/) and expects `message`.
expect_violation() {
  local name=$1 file=$2 line=$3 message=$4
  fresh_copy
  sed -i "0,/^#include/s||$line\n#include|" "$work/src/$file"
  local number
  number=$(grep -n -F "$line" "$work/src/$file" | head -n 1 | cut -d: -f1)
  local output
  output=$("$check_layering" "$work/src" 2>&1)
  local status=$?
  check "$name fails" test "$status" -ne 0
  check "$name names file and line" grep -q -F "src/$file:$number: " <<<"$output"
  check "$name says why" grep -q -F "$message" <<<"$output"
}

fresh_copy
check "clean copy passes" "$check_layering" "$work/src"

expect_violation "DCMTK in rules" rules/rules.cpp '#include "dcmtk/dcmsr/dsrdoc.h"' \
  "DCMTK belongs in src/dicom/ only"
expect_violation "pugixml in rules" rules/rule_table.cpp '#include <pugixml.hpp>' \
  "pugixml belongs in"
expect_violation "Boost in run" run/batch.cpp '#include <boost/program_options.hpp>' \
  "Boost belongs in src/cli/ only"
expect_violation "ICU in findings" findings/lexicon.cpp '#include <unicode/normalizer2.h>' \
  "ICU belongs in src/narrative/ only"
expect_violation "rules including run" rules/rules.hpp '#include "run/summarise.hpp"' \
  "src/rules/ may not include from src/run/"
expect_violation "findings including annotations" findings/lexicon.cpp \
  '#include "annotations/annotations.hpp"' "src/findings/ may not include from src/annotations/"
expect_violation "header without its folder" rules/rules.cpp '#include "rule_predicates.hpp"' \
  'name the folder ("rules/rule_predicates.hpp")'

expect_violation "a ./ path from above" rules/rules.cpp '#include "./run/batch.hpp"' \
  "src/rules/ may not include from src/run/"
expect_violation "the %: digraph" rules/rules.cpp '%:include "dcmtk/dcmsr/dsrdoc.h"' \
  "DCMTK belongs in src/dicom/ only"
expect_violation "#import" rules/rules.cpp '#import "dcmtk/dcmsr/dsrdoc.h"' \
  "DCMTK belongs in src/dicom/ only"
expect_violation "an absolute path" rules/rules.cpp '#include "/usr/include/dcmtk/dcmsr/dsrdoc.h"' \
  "an absolute include"

fresh_copy
printf '#include "run/batch.hpp"' >"$work/src/rules/last_line.h"
output=$("$check_layering" "$work/src" 2>&1)
check "an include on a last line without newline, in a .h file, is read" \
  grep -q "rules/last_line.h:1: includes run/batch.hpp" <<<"$output"

fresh_copy
touch "$work/src/stray.cpp"
output=$("$check_layering" "$work/src" 2>&1)
check "a file directly in src/ fails" grep -q "stray.cpp: sits directly in src/" <<<"$output"

finish
