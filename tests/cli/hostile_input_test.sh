#!/usr/bin/env bash
# Hostile strings in a real SR (set with DCMTK's dcmodify): markup, quotes, ampersands, control
# characters, bytes that are not valid in the declared character set and a 64 KB value must give
# a well-formed, schema-valid summary with the text escaped, and can never steer an output path.
#   hostile_input_test.sh MAMMOCALC XMLLINT       (run from the project root)
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
start_test "$@"
command -v dcmodify >/dev/null || { echo "FAIL: dcmodify (Debian package dcmtk) is not installed"; exit 1; }
big=$(head -c 65536 /dev/zero | tr '\0' 'A')
hostile() {  # NAME CHARSET: a sample with hostile patient name, ID and accession number
  cp samples/bir-known-malignancy.dcm "$work/$1.dcm"
  dcmodify -nb -m "(0008,0005)=$2" \
    -m "(0010,0010)=<script>alert('x')</script>&\"Q\"" \
    -m "(0010,0020)=$(printf 'ID\x01\x02\xff\xfe<&>\x1b[31m')" \
    -m "(0008,0050)=$big" \
    -m "(0020,000d)=../../../etc/passwd" \
    -m "(0008,0018)=../../escaped" "$work/$1.dcm" >/dev/null 2>&1
}
for case in "latin1 ISO_IR 100" "utf8 ISO_IR 192" "ascii "; do
  read -r name charset <<<"$case"
  hostile "$name" "$charset"
  "$mammocalc" summarize "$work/$name.dcm" >"$work/$name.xml" 2>"$work/$name.err"
  check "$name: summarised (exit 0)" test $? -eq 0
  check "$name: well-formed and schema-valid" bash -c "'$xmllint' --noout --schema schemas/summary.xsd '$work/$name.xml' 2>/dev/null"
  check "$name: markup escaped" bash -c "! grep -q '<script>' '$work/$name.xml' && grep -q '&lt;script' '$work/$name.xml'"
  check "$name: no control characters" bash -c "! grep -qP '[\\x01\\x02\\x1b]' '$work/$name.xml'"
  check "$name: --redact leaves the hostile name out" bash -c "'$mammocalc' summarize --redact '$work/$name.dcm' | grep -vq 'script'"
done
# Non-ASCII text in a declared character set comes out as UTF-8 (Latin-2 ł, Latin-1 é).
for case in "latin2 ISO_IR 101 \xb3 ł" "latin1e ISO_IR 100 \xe9 é" "utf8e ISO_IR 192 \xc3\xa9 é"; do
  read -r name charset_a charset_b byte expected <<<"$case"
  cp samples/bir-known-malignancy.dcm "$work/$name.dcm"
  dcmodify -nb -m "(0008,0005)=$charset_a $charset_b" -m "(0010,0010)=$(printf "Kowalska^Bo$byte")" \
    "$work/$name.dcm" >/dev/null 2>&1
  "$mammocalc" summarize "$work/$name.dcm" >"$work/$name.xml" 2>/dev/null
  check "$name: the name comes out as UTF-8" grep -q "name=\"Kowalska^Bo$expected\"" "$work/$name.xml"
done

# UIDs never steer an output path.
mkdir -p "$work/out"
"$mammocalc" summarize -o "$work/out" "$work/latin1.dcm" "$work/utf8.dcm" 2>/dev/null
check "batch with hostile UIDs stays inside OUTDIR" test -z "$(find "$work" -maxdepth 1 -name 'escaped*' -o -maxdepth 1 -name 'passwd*')"
check "batch names fall back to the input name" test -f "$work/out/latin1.xml" -a -f "$work/out/utf8.xml"
# A file name holding a newline or an escape sequence stays on its one error line, in every
# command that says a file's problem (hostile review 25, F13): a log reader counts lines.
mkdir -p "$work/names"
bad_name="$work/names/$(printf 'two\nlines\x1b[31m').dcm"
head -c 1500 samples/bir-known-malignancy.dcm >"$bad_name"  # cut off: a failure in a batch too
"$mammocalc" summarize "$bad_name" >/dev/null 2>"$work/names.err"
check "summarize: a name with a newline: exit 1" test $? -eq 1
check "... one error line" bash -c "test \$(wc -l <'$work/names.err') -eq 1 && grep -q 'two\\\\x0Alines\\\\x1B\\[31m.dcm: ' '$work/names.err'"
"$mammocalc" validate "$bad_name" >/dev/null 2>"$work/names-validate.err"
check "validate: ... one error line" bash -c "test \$(wc -l <'$work/names-validate.err') -eq 1 && grep -q 'two\\\\x0Alines' '$work/names-validate.err'"
"$mammocalc" summarize -o "$work/names-out" "$work/names" >/dev/null 2>"$work/names-batch.err"
check "batch: ... one error line" bash -c "test \$(grep -c . '$work/names-batch.err') -eq 1 && grep -q 'two\\\\x0Alines' '$work/names-batch.err'"
"$mammocalc" hook --out "$work/names-hook" "$bad_name" >/dev/null 2>"$work/names-hook.err"
check "hook: ... one log line" bash -c "test \$(grep -c . '$work/names-hook.err') -eq 1 && grep -q 'two\\\\x0Alines' '$work/names-hook.err'"
finish
