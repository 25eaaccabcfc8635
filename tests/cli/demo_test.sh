#!/usr/bin/env bash
# tools/demo on a machine where nothing is installed yet (issue 19): it asks apt-get only for
# what building and running need, never for Chromium, a test or a packaging tool; builds without
# the tests; prints the review text of every sample case; and leaves the summaries, the pages
# and the batch index in the folder it names. Fakes on the PATH: dpkg-query (nothing is
# installed), apt-get, sudo and chromium (record how they were called), cmake (records too: the
# build is the one under test, linked into BUILD_DIR). Run from the project root:
#   demo_test.sh MAMMOCALC
set -u
mammocalc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

mkdir -p "$work/bin" "$work/build/src"
ln -s "$mammocalc" "$work/build/src/mammocalc"
for tool in apt-get sudo cmake chromium chromium-browser; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$tool" "$work/calls.log" >"$work/bin/$tool"
done
echo 'exec "$@"' >>"$work/bin/sudo"
printf '#!/bin/sh\nexit 1\n' >"$work/bin/dpkg-query"
chmod +x "$work/bin/"*

PATH=$work/bin:$PATH BUILD_DIR=$work/build tools/demo >"$work/out" 2>"$work/err"
status=$?
check "tools/demo exits 0 (got $status)" test "$status" -eq 0
[[ $status -eq 0 ]] || cat "$work/err"

install_line=$(grep '^apt-get install' "$work/calls.log")
check "it asks apt-get to install the missing packages" test -n "$install_line"
read -r -a asked <<<"$install_line"
asks_for() { printf '%s\n' "${asked[@]}" | grep -qx -- "$1"; }
does_not_ask_for() { ! asks_for "$1"; }
for package in cmake g++ libdcmtk-dev libpugixml-dev libboost-program-options-dev libicu-dev; do
  check "it installs $package, which building needs" asks_for "$package"
done
for package in chromium clang clang-format clang-tidy cppcheck dicom3tools libgtest-dev dcmtk \
  netpbm lintian help2man dpkg-dev; do
  check "it does not install $package, a test or packaging tool" does_not_ask_for "$package"
done
check "it never starts chromium" test "$(grep -c '^chromium' "$work/calls.log")" -eq 0
check "it builds without the tests (cmake ... -DBUILD_TESTING=OFF)" \
  grep -q '^cmake -S .*-DBUILD_TESTING=OFF' "$work/calls.log"

cases=$(tools/sample-cases | wc -l)
check "it prints the review of each of the $cases sample cases" \
  test "$(grep -c '^### mammocalc review ' "$work/out")" -eq "$cases"
check "... each as review text with its notice" \
  test "$(grep -c '^Decision support for radiologist review, not a diagnosis' "$work/out")" -ge "$cases"
check "... and no XML on the terminal" test "$(grep -c '<?xml' "$work/out")" -eq 0
check "no run fails" test "$(grep -c '^mammocalc:' "$work/out" "$work/err" | awk -F: '{ n += $2 } END { print n }')" -eq 0

out=$(sed -n 's/^The XML summaries, a review page per exam and the batch index are in \(.*\)\/$/\1/p' "$work/out")
check "it ends by saying where the output is" test -n "$out" -a "$(tail -2 "$work/out" | head -1 | grep -c "$out")" -eq 1
samples=$(ls samples/*.dcm | wc -l)
summaries=$(ls "$out" 2>/dev/null | grep -v '^index' | grep -c '\.xml$')
pages=$(ls "$out" 2>/dev/null | grep -v '^index' | grep -c '\.html$')
check "the folder holds a summary and a page per sample SR ($summaries, $pages of $samples)" \
  test "$summaries" -eq "$samples" -a "$pages" -eq "$samples"
check "... and the batch index, index.html and index.xml" test -s "$out/index.html" -a -s "$out/index.xml"
finish
