#!/usr/bin/env bash
# One exam read twice in one `mammocalc hook` call (a study's files, storescp --exec-on-eostudy),
# judged as a batch judges it (same_exam_test.sh; hostile reviews 31 and 33, H31-6, H33-5): a copy
# of the SR under another name is said once; two different reports under one SOP Instance UID
# are both summarised, neither replacing the other, and said on standard error as needing
# review, naming both files. mammocalc's own SR of an input is skipped by hook (no --read-own).
#   hook_same_exam_test.sh MAMMOCALC XMLLINT       (run from the project root)
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
start_test "$@"
suspicious_sr=samples/bir-bilateral-right-suspicious.dcm
benign_sr=samples/bir-benign-coarse-vascular.dcm
uid_of() { dcmdump +P "$1" "$2" | sed -n 's/.*\[\(.*\)\].*/\1/p'; }
category_of() { grep -o '<exam [^>]*' "$1" | sed -n 's/.*category="\([^"]*\)".*/\1/p'; }
summaries() { ls "$1" | grep -c '\.xml$'; }

# A byte copy of the SR under another name: both summarised, the copy said once.
mkdir "$work/dup"
cp "$suspicious_sr" "$work/dup/a.dcm"
cp "$suspicious_sr" "$work/dup/b.dcm"
"$mammocalc" hook --out "$work/copies" "$work/dup/a.dcm" "$work/dup/b.dcm" 2>"$work/copies.err"
check "a copy of the SR: exit 0" test $? -eq 0
check "... both summarised" test "$(summaries "$work/copies")" -eq 2
check "... the copy said once, naming both files" \
  test "$(grep -c "$work/dup/b.dcm: .*the same exam as $work/dup/a.dcm" "$work/copies.err")" -eq 1
check "... no line says the same exam of the first" \
  bash -c "! grep -q '$work/dup/a.dcm: .*same exam' '$work/copies.err'"
check "... no error line" bash -c "! grep -q '^mammocalc: ' '$work/copies.err'"

# Two different reports under one SOP Instance UID (H33-5): a benign one first, a suspicious one
# second. Neither summary replaces the other, and the two are said as needing review.
mkdir "$work/clash"
cp "$benign_sr" "$work/clash/1benign.dcm"
cp "$suspicious_sr" "$work/clash/2suspicious.dcm"
dcmodify -nb -m "(0008,0018)=$(uid_of 0008,0018 "$benign_sr")" "$work/clash/2suspicious.dcm"
"$mammocalc" hook --out "$work/clash-out" "$work/clash/1benign.dcm" "$work/clash/2suspicious.dcm" 2>"$work/clash.err"
check "two reports, one UID: exit 0 (both summarised)" test $? -eq 0
mkdir "$work/alone-b" "$work/alone-s"
"$mammocalc" hook --out "$work/alone-b" "$benign_sr" 2>/dev/null
"$mammocalc" hook --out "$work/alone-s" "$suspicious_sr" 2>/dev/null
benign=$(category_of "$work/alone-b"/*.xml)
suspicious=$(category_of "$work/alone-s"/*.xml)
check "... the two reports alone differ ($benign, $suspicious)" test -n "$benign" -a "$benign" != "$suspicious"
check "... two summaries, neither replaced" test "$(summaries "$work/clash-out")" -eq 2
check "... the benign one's category is there" \
  bash -c "cat '$work/clash-out'/*.xml | grep -q '<exam [^>]*category=\"$benign\"'"
check "... and the suspicious one's" \
  bash -c "cat '$work/clash-out'/*.xml | grep -q '<exam [^>]*category=\"$suspicious\"'"
check "... said on standard error as an error line, naming both files, both to be reviewed" \
  grep -q "^mammocalc: $work/clash/2suspicious.dcm: has the SOP Instance UID of $work/clash/1benign.dcm, another input of this run, but another result: .*both need review" "$work/clash.err"
check "... said once" test "$(grep -c 'another result' "$work/clash.err")" -eq 1
conflict_summaries() { grep -l 'code="same-exam-conflict"' "$1"/*.xml 2>/dev/null | wc -l; }
check "... each summary says the conflict itself (E19, H35-5)" test "$(conflict_summaries "$work/clash-out")" -eq 2
check "... and its exam needs review" \
  test "$(grep -l '<exam [^>]*needsReview="true"' "$work/clash-out"/*.xml | wc -l)" -eq 2
printf 'a site secret of more than sixteen bytes\n' >"$work/site.key"
mkdir "$work/clash-pseudo"
"$mammocalc" hook --pseudonymize --pseudonym-key "$work/site.key" --out "$work/clash-pseudo" \
  "$work/clash/1benign.dcm" "$work/clash/2suspicious.dcm" 2>/dev/null
check "pseudonymised: each summary says the conflict, naming the other input by its place" \
  test "$(grep -l 'another input of this run, input-[12],' "$work/clash-pseudo"/*.xml | wc -l)" -eq 2
check "... and no path (review 40, R40-7)" bash -c "! grep -q '$work/clash' '$work/clash-pseudo'/*.xml"
# In the other order, with a copy of the first between them: the copy is a copy, the other
# report a conflict with the first.
cp "$work/clash/1benign.dcm" "$work/clash/0copy.dcm"
"$mammocalc" hook --out "$work/clash-3" "$work/clash/0copy.dcm" "$work/clash/2suspicious.dcm" \
  "$work/clash/1benign.dcm" 2>"$work/clash-3.err"
check "copy, other report, copy: exit 0, three summaries" \
  test $? -eq 0 -a "$(summaries "$work/clash-3")" -eq 3
check "... the other report is a conflict with the first" \
  grep -q "^mammocalc: $work/clash/2suspicious.dcm: has the SOP Instance UID of $work/clash/0copy.dcm.*another result" "$work/clash-3.err"
check "... the copy of the first is a copy" \
  grep -q "$work/clash/1benign.dcm: .*the same exam as $work/clash/0copy.dcm" "$work/clash-3.err"
check "... every summary of the exam says the conflict, the copies too" test "$(conflict_summaries "$work/clash-3")" -eq 3
# With --dicom-out the two results would take one SR file: the later fails instead (H27-16).
"$mammocalc" hook --out "$work/clash-sr" --dicom-out "$work/clash/1benign.dcm" "$work/clash/2suspicious.dcm" 2>"$work/clash-sr.err"
check "--dicom-out: the later report fails (exit 1), one summary" \
  test $? -eq 1 -a "$(summaries "$work/clash-sr")" -eq 1
check "... said as duplicate-sop-instance, not also as another result" \
  bash -c "grep -q 'its result SR would replace' '$work/clash-sr.err' && ! grep -q 'both need review' '$work/clash-sr.err'"
check "... the summary written says the conflict (E19, H36-12)" test "$(conflict_summaries "$work/clash-sr")" -eq 1

# The SR and mammocalc's own SR of it: hook does not read its own SRs (no --read-own), so the
# exam is read once and nothing is said of a second reading.
"$mammocalc" summarize --dicom-out "$work/own.dcm" "$suspicious_sr" >/dev/null 2>&1
check "the own SR is written" test -s "$work/own.dcm"
"$mammocalc" hook --out "$work/back" "$suspicious_sr" "$work/own.dcm" 2>"$work/back.err"
check "source and own SR: exit 0, one summary" test $? -eq 0 -a "$(summaries "$work/back")" -eq 1
check "... the own SR skipped" grep -q "$work/own.dcm: written by mammocalc.*; skipped" "$work/back.err"
check "... no same exam said" bash -c "! grep -q 'same exam\|another result' '$work/back.err'"

# Control: two different exams are no duplicates.
"$mammocalc" hook --out "$work/two" "$suspicious_sr" "$benign_sr" 2>"$work/two.err"
check "two exams: exit 0, two summaries, nothing said of one exam" \
  bash -c "test \"\$(ls '$work/two' | grep -c '\.xml$')\" -eq 2 && ! grep -q 'same exam\|another result' '$work/two.err'"
for summary in "$work"/clash-out/*.xml; do
  check "$(basename "$summary") validates" "$xmllint" --noout --schema schemas/summary.xsd "$summary"
done

# Three results under one UID (hostile review 37, H37-9): every summary names both others, the
# first one too (it named only the second).
make_three_results "$work/three" "$benign_sr" "$suspicious_sr"
"$mammocalc" hook --out "$work/three-out" "$work/three/1.dcm" "$work/three/2.dcm" "$work/three/3.dcm" >/dev/null 2>&1
check "three results under one UID: each of the three summaries names both others" \
  test "$(summaries_naming_both_others "$work/three-out" "$work/three")" -eq 3
finish
