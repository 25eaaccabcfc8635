#!/bin/sh
# build.sh OUTDIR [XML_TO_SR]: builds every sources/NAME.xml into OUTDIR/NAME.dcm with DCMTK's
# xml2dsr, sets Body Part Examined from headers.tsv with dcmodify, and checks that dsrdump reads the
# result. Fails loudly (exit 1, naming the report) on the first build or read failure or DCMTK
# warning; exit 2 on usage.
# With XML_TO_SR (the build's mammocalc_xml_to_sr, tests/support/xml_to_sr.cpp) the same library
# calls run in one process instead of three processes per report: the same bytes, a tenth of the
# time (the tests pass it; the tools' way stays for building the set by hand).
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 OUTDIR [XML_TO_SR]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$1
mkdir -p "$out"
expected=$(ls "$here"/sources/*.xml | wc -l)
if [ $# -eq 2 ]; then
    list="$out/.build-list"
    : >"$list"
    for src in "$here"/sources/*.xml; do
        name=$(basename "$src" .xml)
        body=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$here/headers.tsv")
        if [ -z "$body" ]; then
            echo "build.sh: FAILED $name has no row in headers.tsv" >&2; exit 1
        fi
        [ "$body" = "none" ] && body=
        printf '%s\t%s\t%s\n' "$src" "$out/$name.dcm" "$body" >>"$list"
    done
    if ! "$2" <"$list" >"$out/.build.out" 2>"$out/.build.err" || [ -s "$out/.build.err" ]; then
        echo "build.sh: FAILED:" >&2; cat "$out/.build.err" >&2; exit 1
    fi
    n=$(ls "$out"/*.dcm | wc -l)
    rm -f "$list" "$out/.build.out" "$out/.build.err"
    [ "$n" -eq "$expected" ] || { echo "build.sh: FAILED built $n of $expected" >&2; exit 1; }
    echo "built and read $n reports into $out"
    exit 0
fi
for tool in xml2dsr dcmodify dsrdump; do
    command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: $tool not found (DCMTK)" >&2; exit 1; }
done
n=0
for src in "$here"/sources/*.xml; do
    name=$(basename "$src" .xml)
    dcm="$out/$name.dcm"
    rm -f "$dcm"
    if ! xml2dsr "$src" "$dcm" 2>"$out/$name.err"; then
        echo "build.sh: FAILED xml2dsr $name:" >&2; cat "$out/$name.err" >&2; exit 1
    fi
    body=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$here/headers.tsv")
    if [ -z "$body" ]; then
        echo "build.sh: FAILED $name has no row in headers.tsv" >&2; exit 1
    fi
    if [ "$body" != "none" ]; then
        if ! dcmodify -nb -i "(0018,0015)=$body" "$dcm" 2>"$out/$name.err"; then
            echo "build.sh: FAILED dcmodify $name:" >&2; cat "$out/$name.err" >&2; exit 1
        fi
    fi
    if ! dsrdump "$dcm" >/dev/null 2>"$out/$name.err"; then
        echo "build.sh: FAILED dsrdump cannot read $name:" >&2; cat "$out/$name.err" >&2; exit 1
    fi
    if [ -s "$out/$name.err" ]; then
        echo "build.sh: FAILED $name: warnings from DCMTK:" >&2; cat "$out/$name.err" >&2; exit 1
    fi
    rm -f "$out/$name.err"
    n=$((n + 1))
done
[ "$n" -eq "$expected" ] || { echo "build.sh: FAILED built $n of $expected" >&2; exit 1; }
echo "built and read $n reports into $out"
