#!/usr/bin/env bash
# One exam reaching separate `mammocalc hook` calls into one output directory, as storescp
# --exec-on-reception runs it (one call per object; hostile review 37, H37-6): a later call with
# another result under the SOP Instance UID, even another patient's, never replaces the earlier
# summary. Both are kept and both say the conflict (E19); the same object sent again replaces its
# own summary, as a PACS re-sending is meant to.
#   hook_separate_calls_test.sh MAMMOCALC XMLLINT       (run from the project root)
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
start_test "$@"
suspicious_sr=samples/bir-bilateral-right-suspicious.dcm
benign_sr=samples/bir-benign-coarse-vascular.dcm
uid_of() { dcmdump +P "$1" "$2" | sed -n 's/.*\[\(.*\)\].*/\1/p'; }
summaries() { ls "$1" | grep -c '\.xml$'; }
conflict_summaries() { grep -l 'code="same-exam-conflict"' "$1"/*.xml 2>/dev/null | wc -l; }
reviewed_summaries() { grep -l '<exam [^>]*needsReview="true"' "$1"/*.xml 2>/dev/null | wc -l; }
uid=$(uid_of 0008,0018 "$benign_sr")
mkdir "$work/in"
cp "$benign_sr" "$work/in/benign.dcm"
cp "$suspicious_sr" "$work/in/suspicious.dcm"
dcmodify -nb -m "(0008,0018)=$uid" "$work/in/suspicious.dcm"
# The benign report of another patient under the same UID: the findings are the same.
cp "$benign_sr" "$work/in/other-patient.dcm"
dcmodify -nb -m "(0010,0020)=ANOTHER-PATIENT" "$work/in/other-patient.dcm"

# Alone, the benign report's summary needs no review.
"$mammocalc" hook --out "$work/alone" "$work/in/benign.dcm" 2>/dev/null
check "alone: the benign summary needs no review" test "$(reviewed_summaries "$work/alone")" -eq 0

# Two calls: benign, then the suspicious report under its UID.
out=$work/out
"$mammocalc" hook --out "$out" "$work/in/benign.dcm" 2>"$work/1.err"
check "first call: exit 0, one summary" test $? -eq 0 -a "$(summaries "$out")" -eq 1
"$mammocalc" hook --out "$out" "$work/in/suspicious.dcm" 2>"$work/2.err"
check "second call, another result: exit 0" test $? -eq 0
check "... two summaries, the earlier not replaced" test "$(summaries "$out")" -eq 2
check "... the earlier is still the benign report's" \
  grep -q '<exam [^>]*classification="benign"' "$out/$uid.xml"
check "... the later under a name of its own" \
  grep -q '<exam [^>]*classification="suspicious"' "$out/$uid-2.xml"
check "... both say the conflict (E19)" test "$(conflict_summaries "$out")" -eq 2
check "... and both exams need review" test "$(reviewed_summaries "$out")" -eq 2
check "... the later names the earlier summary" \
  grep -q "an earlier hook call's input, summarised to $uid.xml, has this report's SOP Instance UID but another result" "$out/$uid-2.xml"
check "... the earlier names the later" \
  grep -q "a later hook call's input, summarised to $uid-2.xml, has this report's SOP Instance UID but another result" "$out/$uid.xml"
check "... the earlier's E19 row is in its exam's trace" \
  grep -q '<rule id="E19" stage="exam"' "$out/$uid.xml"
check "... said on standard error as an error line naming both summaries" \
  grep -q "^mammocalc: $work/in/suspicious.dcm: has the SOP Instance UID of an earlier hook call's input but another result: both summarised ($uid.xml, $uid-2.xml), both need review" "$work/2.err"
# The earlier summary amended, not rewritten: apart from the review flag, the row and the
# warning, it is byte for byte what the first call wrote.
diff "$work/alone/$uid.xml" "$out/$uid.xml" >"$work/amended.diff"
check "... amended: nothing changed but review flags" \
  bash -c "grep '^<' '$work/amended.diff' | grep -v 'needsReview=\"false\"' | grep -q . && exit 1 || exit 0"
check "... nothing added but review flags, the E19 and W25 rows and the warning" \
  bash -c "grep '^>' '$work/amended.diff' | grep -v 'needsReview=\"true\"\|id=\"E19\"\|id=\"W25\"\|code=\"same-exam-conflict\"' | grep -q . && exit 1 || exit 0"
findings_of_earlier=$(grep -c '<finding ' "$out/$uid.xml")
check "... each of its $findings_of_earlier findings needs review, by W25 (H37-8)" \
  test "$findings_of_earlier" -ge 1 -a "$(grep -c '<assessment [^>]*needsReview="true"' "$out/$uid.xml")" -eq "$findings_of_earlier" \
  -a "$(grep -c '<rule id="W25"' "$out/$uid.xml")" -eq "$findings_of_earlier"
check "... and so does each finding of the later summary" \
  bash -c "! grep -q '<assessment [^>]*needsReview=\"false\"' '$out/$uid-2.xml'"
for summary in "$out"/*.xml; do
  check "$(basename "$summary") validates" "$xmllint" --noout --schema schemas/summary.xsd "$summary"
done

# The first object sent again (a PACS re-sending): its own summary replaced, still in conflict.
"$mammocalc" hook --out "$out" "$work/in/benign.dcm" 2>"$work/3.err"
check "the first object again: exit 0, still two summaries" \
  test $? -eq 0 -a "$(summaries "$out")" -eq 2
check "... said as the same result, replaced, its exam needing review" \
  grep -q "$work/in/benign.dcm: summarised to $uid.xml; the same result as an earlier hook call's input, replaced; its exam has another result in $uid-2.xml: needs review" "$work/3.err"
check "... no error line" bash -c "! grep -q '^mammocalc: ' '$work/3.err'"
check "... the replaced summary still says the conflict" test "$(conflict_summaries "$out")" -eq 2
check "... and needs review" grep -q '<exam [^>]*needsReview="true"' "$out/$uid.xml"

# Another patient's report under the UID, with the same findings: a third result.
"$mammocalc" hook --out "$out" "$work/in/other-patient.dcm" 2>"$work/4.err"
check "another patient under the UID: exit 0, a third summary" \
  test $? -eq 0 -a "$(summaries "$out")" -eq 3
check "... it names both earlier summaries" \
  bash -c "grep -q 'summarised to $uid.xml,' '$out/$uid-3.xml' && grep -q 'summarised to $uid-2.xml,' '$out/$uid-3.xml'"
check "... and both earlier summaries name it" \
  test "$(grep -l "a later hook call's input, summarised to $uid-3.xml," "$out"/*.xml | wc -l)" -eq 2

# Without a record of an exam, a copy under another file name is the same object: replaced.
"$mammocalc" hook --out "$work/copy" "$work/in/benign.dcm" 2>/dev/null
cp "$work/in/benign.dcm" "$work/in/benign-copy.dcm"
"$mammocalc" hook --out "$work/copy" "$work/in/benign-copy.dcm" 2>"$work/copy.err"
check "the same report under another file name: one summary, no review" \
  test "$(summaries "$work/copy")" -eq 1 -a "$(reviewed_summaries "$work/copy")" -eq 0

# Pseudonymised: the record names exams by pseudonym and holds no digest a guess could test.
printf 'a site secret of more than sixteen bytes\n' >"$work/site.key"
pseudo=(--pseudonymize --pseudonym-key "$work/site.key")
"$mammocalc" hook "${pseudo[@]}" --out "$work/pseudo" "$work/in/benign.dcm" 2>/dev/null
"$mammocalc" hook "${pseudo[@]}" --out "$work/pseudo" "$work/in/suspicious.dcm" 2>/dev/null
check "pseudonymised: two summaries, both say the conflict" \
  test "$(summaries "$work/pseudo")" -eq 2 -a "$(conflict_summaries "$work/pseudo")" -eq 2
check "... the record names no real UID" \
  bash -c "! grep -rq '$uid' '$work/pseudo'"
check "... its results are keyed (2.25. pseudonyms, no bare digest)" \
  bash -c "! grep -rqE '^[0-9a-f]{40} ' '$work/pseudo/.mammocalc-exams'"
# Hostile review 38, H38-10: plain and pseudonymised calls (or two keys) name one exam
# differently and would not see each other's results: a call of the other kind is refused
# (exit 2) before it reads anything, naming the directory; nothing is written.
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/other.key"
before_pseudo=$(ls -A "$work/pseudo" | sort | xargs)
"$mammocalc" hook --out "$work/pseudo" "$work/in/suspicious.dcm" 2>"$work/plain-in-pseudo.err"
check "H38-10: a plain call into a pseudonymised OUTDIR: exit 2" test $? -eq 2
check "... said on one line naming the directory" \
  grep -q "^mammocalc: $work/pseudo: its record of exams (.mammocalc-exams) was kept by calls with --pseudonymize" "$work/plain-in-pseudo.err"
"$mammocalc" hook --pseudonymize --pseudonym-key "$work/other.key" --out "$work/pseudo" "$work/in/suspicious.dcm" 2>"$work/other-key.err"
check "... another key: exit 2, said" \
  bash -c "test $? -eq 2 && grep -q 'kept by calls with another --pseudonym-key' '$work/other-key.err'"
"$mammocalc" hook --pseudonymize --pseudonym-key "$work/other.key" --out "$work/copy" "$work/in/suspicious.dcm" 2>"$work/pseudo-in-plain.err"
check "... a pseudonymised call into a plain OUTDIR: exit 2, said" \
  bash -c "test $? -eq 2 && grep -q 'kept by calls without --pseudonymize' '$work/pseudo-in-plain.err'"
check "... nothing written by the refused calls" test "$(ls -A "$work/pseudo" | sort | xargs)" = "$before_pseudo"
# Hostile review 43, H43-5: a hook call into a pseudonymised batch's directory (its index says
# how it named exams) is refused too: it would put identifying summaries there.
mkdir -p "$work/batch-in"
cp "$work/in/benign.dcm" "$work/batch-in/"
"$mammocalc" summarize "${pseudo[@]}" -o "$work/pseudo-batch" "$work/batch-in" >/dev/null 2>&1
"$mammocalc" hook --out "$work/pseudo-batch" "$work/in/suspicious.dcm" 2>"$work/hook-into-batch.err"
check "H43-5: a plain hook call into a pseudonymised batch's directory: exit 2, said" \
  bash -c "test $? -eq 2 && grep -q 'its index was written by a run with --pseudonymize' '$work/hook-into-batch.err' && ! ls '$work/pseudo-batch' | grep -q '^$uid'"
# Hostile review 46, H46-8: a hook call into a batch's directory of its own naming is refused
# too: the batch, running now or later, would replace its summary unseen.
"$mammocalc" summarize -o "$work/plain-batch" "$work/batch-in" >/dev/null 2>&1
plain_batch_before=$(ls -A "$work/plain-batch" | sort | xargs)
"$mammocalc" hook --out "$work/plain-batch" "$work/in/suspicious.dcm" 2>"$work/hook-into-plain-batch.err"
check "H46-8: a hook call into a plain batch's directory: exit 2, said, nothing written" \
  bash -c "test $? -eq 2 && grep -q \"a batch's output directory (.mammocalc-naming)\" '$work/hook-into-plain-batch.err' && test \"\$(ls -A '$work/plain-batch' | sort | xargs)\" = '$plain_batch_before'"
# Hostile review 42, H42-2: two first calls of two kinds at once: one writes the naming file,
# the other is refused; never both summarised into one OUTDIR.
race_ok=0
for n in 1 2 3 4 5 6 7 8; do
  "$mammocalc" hook --out "$work/kinds-race-$n" "$work/in/benign.dcm" >/dev/null 2>&1 &
  "$mammocalc" hook "${pseudo[@]}" --out "$work/kinds-race-$n" "$work/in/suspicious.dcm" >/dev/null 2>&1 &
  wait
  [ "$(summaries "$work/kinds-race-$n")" -eq 1 ] && race_ok=$((race_ok + 1))
done
check "H42-2: first calls of two kinds at once: one summary each time" test "$race_ok" -eq 8
# H42-4: a record whose naming file is gone says its kind by its results: a pseudonymised one
# refuses a plain call (and a pseudonymised one, whose key it cannot check, saying how to
# restore it); a plain one takes a plain call and gets its naming file back.
cp -r "$work/pseudo" "$work/pseudo-unnamed"
rm "$work/pseudo-unnamed/.mammocalc-exams/naming"
"$mammocalc" hook --out "$work/pseudo-unnamed" "$work/in/suspicious.dcm" 2>"$work/unnamed.err"
check "H42-4: no naming file, pseudonymised records: a plain call exits 2, said" \
  bash -c "test $? -eq 2 && grep -q 'has no naming file and was kept by calls with --pseudonymize' '$work/unnamed.err'"
"$mammocalc" hook "${pseudo[@]}" --out "$work/pseudo-unnamed" "$work/in/suspicious.dcm" 2>"$work/unnamed-key.err"
check "... a pseudonymised call exits 2 too, naming the line to restore" \
  bash -c "test $? -eq 2 && grep -q \"write the line 'pseudonymised 2.25.[0-9]*' into $work/pseudo-unnamed/.mammocalc-exams/naming\" '$work/unnamed-key.err'"
cp -r "$work/copy" "$work/plain-unnamed"
rm "$work/plain-unnamed/.mammocalc-exams/naming"
"$mammocalc" hook --out "$work/plain-unnamed" "$work/in/suspicious.dcm" 2>/dev/null
check "... plain records: a plain call goes on and writes the naming file again" \
  bash -c "test $? -eq 0 && test \"\$(cat '$work/plain-unnamed/.mammocalc-exams/naming')\" = plain"

# --dicom-out: the later report's SR would replace the earlier's, so it fails (exit 1, as in one
# call), and the earlier summary says the exam has another result all the same.
"$mammocalc" hook --dicom-out --out "$work/sr" "$work/in/benign.dcm" 2>/dev/null
sr_before=$(ls "$work/sr"/*.dcm | xargs sha1sum)
sr_uid_before=$(dcmdump +P 0008,0018 "$work/sr"/*.dcm | sed -n 's/.*\[\(.*\)\].*/\1/p')
"$mammocalc" hook --dicom-out --out "$work/sr" "$work/in/suspicious.dcm" 2>"$work/sr.err"
check "--dicom-out, another result in a later call: exit 1" test $? -eq 1
check "... said, naming the earlier summary" \
  grep -q "^mammocalc: $work/in/suspicious.dcm: has the SOP Instance UID of an earlier hook call's input ($uid.xml) and another result: its result SR would replace" "$work/sr.err"
check "... nothing of it written: one summary, one SR" \
  test "$(summaries "$work/sr")" -eq 1 -a "$(ls "$work/sr"/*.dcm | wc -l)" -eq 1
check "... the earlier summary says the conflict and needs review" \
  test "$(conflict_summaries "$work/sr")" -eq 1 -a "$(reviewed_summaries "$work/sr")" -eq 1
# Hostile review 40, H40-4 (review 41, R41-10): the earlier result SR said "No radiologist review
# requested"; it now asks for review in code, names the other result in its impression and is
# a new object (its own SOP Instance UID), as readable as before; refused again, it stays.
sr_file=$(ls "$work/sr"/*.dcm)
check "H40-4: the earlier result SR amended: review needed in code" \
  bash -c "test \"\$(ls '$work/sr'/*.dcm | xargs sha1sum)\" != '$sr_before' && dsrdump '$sr_file' 2>/dev/null | grep -q 'REVIEW-NEEDED' && ! dsrdump '$sr_file' 2>/dev/null | grep -q 'NO-REVIEW'"
check "... its impression names the other result" \
  bash -c "dsrdump +Pl '$sr_file' 2>/dev/null | grep -q 'Every finding needs radiologist review. Warning same-exam-conflict: a later hook call.s input, not summarised'"
check "... with a SOP Instance UID of its own, in the meta header too" \
  bash -c "test \"\$(dcmdump +P 0008,0018 '$sr_file' | sed -n 's/.*\[\(.*\)\].*/\1/p')\" = \"\$(dcmdump +P 0002,0003 '$sr_file' | sed -n 's/.*\[\(.*\)\].*/\1/p')\" && test \"\$(dcmdump +P 0008,0018 '$sr_file' | sed -n 's/.*\[\(.*\)\].*/\1/p')\" != '$sr_uid_before'"
check "... said, to be sent again (R43-5)" \
  grep -q "$sr_file: the result SR now says that its exam has another result, as a new object" "$work/sr.err"
check "... naming the SR it replaces (Predecessor Documents Sequence)" \
  bash -c "dcmdump +P 0040,a360 '$sr_file' | grep -q 'PredecessorDocumentsSequence' && dcmdump '$sr_file' | grep -q '$sr_uid_before'"
sr_amended=$(sha1sum <"$sr_file")
"$mammocalc" hook --dicom-out --out "$work/sr" "$work/in/suspicious.dcm" 2>/dev/null
check "... refused again: the amended SR as it was" test "$(sha1sum <"$sr_file")" = "$sr_amended"
# Hostile review 42, H42-5: another exam's result SR under the exam's SR name is never amended
# (exit 3, said); H42-6: no SR where the record says one was written (another --dicom-dir, or a
# spool that sent it on) is made again from the record's copy, amended (hostile review 54,
# H54-4: the SR sent on said no review, and nothing corrected it); without a copy it is said as
# an SR that cannot say so.
"$mammocalc" hook --dicom-out --out "$work/foreign" "$work/in/benign.dcm" 2>/dev/null
foreign_sr=$(ls "$work/foreign"/*.dcm)
"$mammocalc" summarize --dicom-out "$work/other-exam-sr.dcm" samples/bir-known-malignancy.dcm >/dev/null 2>&1
cp "$work/other-exam-sr.dcm" "$foreign_sr"
"$mammocalc" hook --dicom-out --out "$work/foreign" "$work/in/suspicious.dcm" 2>"$work/foreign.err"
check "H42-5: another exam's result SR under the name: exit 3, said" \
  bash -c "test $? -eq 3 && grep -q 'not a result SR of mammocalc (its evidence is another source SR)' '$work/foreign.err'"
check "... and left as it was" cmp -s "$work/other-exam-sr.dcm" "$foreign_sr"
"$mammocalc" hook --dicom-dir "$work/other-place-sr" --out "$work/other-place" "$work/in/benign.dcm" 2>/dev/null
rm "$work/other-place/.mammocalc-exams/$uid.sr.dcm"
"$mammocalc" hook --dicom-out --out "$work/other-place" "$work/in/suspicious.dcm" 2>"$work/other-place.err"
check "H42-6: the SR written into another --dicom-dir, no copy kept: said (a log line; R43-6)" \
  bash -c "test $? -eq 1 && grep -q 'no result SR there, though an earlier call wrote one for the exam' '$work/other-place.err'"
"$mammocalc" hook --dicom-dir "$work/spool-sr" --out "$work/spool" "$work/in/benign.dcm" 2>/dev/null
sent_sr=$(ls "$work/spool-sr"/*.dcm)
sent_uid=$(dcmdump +P 0008,0018 "$sent_sr" | sed -n 's/.*\[\(.*\)\].*/\1/p')
check "H54-4: the first result SR says no review" \
  bash -c "dsrdump +Pl '$sent_sr' 2>/dev/null | grep -q 'NO-REVIEW'"
mkdir -p "$work/sent-on"
mv "$sent_sr" "$work/sent-on/"
"$mammocalc" hook --dicom-dir "$work/spool-sr" --out "$work/spool" "$work/in/suspicious.dcm" 2>"$work/spool.err"
check "... sent on and removed, then another result: not summarised (exit 1)" test $? -eq 1
check "... the result SR made again, saying the exam needs review" \
  bash -c "dsrdump +Pl '$sent_sr' 2>/dev/null | grep -q 'REVIEW-NEEDED' && dsrdump +Pl '$sent_sr' 2>/dev/null | grep -q 'Warning same-exam-conflict'"
check "... as a new object naming the one sent on (Predecessor Documents Sequence)" \
  bash -c "dcmdump '$sent_sr' | grep -q 'PredecessorDocumentsSequence' && dcmdump +P 0040,a360 '$sent_sr' >/dev/null && test \"\$(dcmdump +P 0008,0018 '$sent_sr' | tail -1 | sed -n 's/.*\[\(.*\)\].*/\1/p')\" != '$sent_uid' && dcmdump '$sent_sr' | grep -q '$sent_uid'"
check "... said, to be sent on" \
  grep -q "$sent_sr: the result SR, sent on and removed since (or written into another --dicom-dir), is made again from the record of exams' copy and now says that its exam has another result" "$work/spool.err"
"$mammocalc" summarize --read-own -o "$work/sr-read.xml" "$sr_file" >/dev/null 2>&1
check "... read back with --read-own: the exam needs review" \
  grep -q '<exam [^>]*needsReview="true"' "$work/sr-read.xml"

# A record that is not one is no reason to replace a summary unseen: the input fails (exit 3).
"$mammocalc" hook --out "$work/broken" "$work/in/benign.dcm" 2>/dev/null
printf 'not a record\n' >"$work/broken/.mammocalc-exams/$uid"
before=$(sha1sum <"$work/broken/$uid.xml")
"$mammocalc" hook --out "$work/broken" "$work/in/suspicious.dcm" 2>"$work/broken.err"
check "a broken record: exit 3" test $? -eq 3
check "... one line naming the record file and the line" \
  grep -q "^mammocalc: $work/broken/.mammocalc-exams/$uid: line 1: not a line of the record" "$work/broken.err"
check "... the earlier summary untouched, nothing else written" \
  test "$(sha1sum <"$work/broken/$uid.xml")" = "$before" -a "$(summaries "$work/broken")" -eq 1

# An earlier summary removed since (a site clearing its outputs): said, nothing fails.
"$mammocalc" hook --out "$work/gone" "$work/in/benign.dcm" 2>/dev/null
rm "$work/gone/$uid.xml"
"$mammocalc" hook --out "$work/gone" "$work/in/suspicious.dcm" 2>"$work/gone.err"
check "an earlier summary gone: exit 0, the later summarised with the conflict" \
  test $? -eq 0 -a "$(conflict_summaries "$work/gone")" -eq 1
check "... the gone summary said" grep -q "$work/gone/$uid.xml: no longer there" "$work/gone.err"

# Hostile review 38. H38-1: under --dicom-out the refused result is recorded, so the earlier
# report sent again keeps saying the exam has another result (summary and SR).
"$mammocalc" hook --dicom-out --out "$work/sr" "$work/in/benign.dcm" 2>"$work/sr-again.err"
check "H38-1: the earlier report sent again under --dicom-out: exit 0" test $? -eq 0
check "... its summary still says the conflict and needs review" \
  test "$(conflict_summaries "$work/sr")" -eq 1 -a "$(reviewed_summaries "$work/sr")" -eq 1
check "... and says so on its log line" grep -q "its exam has another result, not summarised: needs review" "$work/sr-again.err"
check "... its result SR asks for review" \
  bash -c "dsrdump '$work/sr'/*.dcm 2>/dev/null | grep -q 'REVIEW-NEEDED'"
for attempt in 1 2 3; do
  "$mammocalc" hook --dicom-out --out "$work/sr" "$work/in/suspicious.dcm" 2>/dev/null
done
check "H38-11: a result refused again and again is said once in the earlier summary" \
  test "$(grep -c 'code="same-exam-conflict"' "$work/sr/$uid.xml")" -eq 1
# Review 41, R41-16: the refused result summarised later (a call without --dicom-out) has one
# line in the record, its summary's; the "not summarised" line goes.
cp -r "$work/sr" "$work/sr-later"
"$mammocalc" hook --out "$work/sr-later" "$work/in/suspicious.dcm" 2>/dev/null
check "R41-16: a refused result summarised later: two lines in the record, none '-'" \
  bash -c "test \"\$(wc -l <'$work/sr-later/.mammocalc-exams/$uid')\" -eq 2 && ! grep -q ' - -\$' '$work/sr-later/.mammocalc-exams/$uid'"
# H38-2: a result summarised without --dicom-out, then sent with it, never replaces another
# result's SR.
"$mammocalc" hook --dicom-out --out "$work/bypass" "$work/in/suspicious.dcm" 2>/dev/null
sr_of_suspicious=$(dsrdump "$work/bypass"/*.dcm 2>/dev/null | grep -v 'Radiologist review\|Impression\|SOP Instance UID')
"$mammocalc" hook --out "$work/bypass" "$work/in/benign.dcm" 2>/dev/null
"$mammocalc" hook --dicom-out --out "$work/bypass" "$work/in/benign.dcm" 2>"$work/bypass.err"
check "H38-2: another result sent with --dicom-out after a plain call: exit 1" test $? -eq 1
sr_after=$(dsrdump "$work/bypass"/*.dcm 2>/dev/null | grep -v 'Radiologist review\|Impression\|SOP Instance UID\|Predecessor Docs')
check "... the suspicious report's SR not replaced" test "$sr_after" = "$sr_of_suspicious"
check "... only amended to ask for review (H40-4)" \
  bash -c "dsrdump '$work/bypass'/*.dcm 2>/dev/null | grep -q REVIEW-NEEDED"
# H38-3: an earlier summary left unamended (a call killed between its record and its
# amendments) is amended when the object is sent again.
"$mammocalc" hook --out "$work/killed" "$work/in/benign.dcm" 2>/dev/null
cp "$work/killed/$uid.xml" "$work/unamended.xml"
"$mammocalc" hook --out "$work/killed" "$work/in/suspicious.dcm" 2>/dev/null
cp "$work/unamended.xml" "$work/killed/$uid.xml"
"$mammocalc" hook --out "$work/killed" "$work/in/suspicious.dcm" 2>/dev/null
check "H38-3: the object sent again amends the earlier summary, once" \
  test "$(grep -c 'code="same-exam-conflict"' "$work/killed/$uid.xml")" -eq 1 -a "$(reviewed_summaries "$work/killed")" -eq 2
# H38-4: a summary the record does not know (an output directory from before the record) is
# not replaced by another result.
"$mammocalc" hook --out "$work/older" "$work/in/suspicious.dcm" 2>/dev/null
rm -r "$work/older/.mammocalc-exams"
suspicious_summary=$(sha1sum <"$work/older/$uid.xml")
"$mammocalc" hook --out "$work/older" "$work/in/benign.dcm" 2>"$work/older.err"
check "H38-4: a summary the record does not know: exit 0, kept, another summary beside it" \
  test $? -eq 0 -a "$(summaries "$work/older")" -eq 2 -a -f "$work/older/$uid-2.xml"
check "... both say the conflict" test "$(conflict_summaries "$work/older")" -eq 2
check "... the suspicious one's category kept" grep -q '<exam [^>]*classification="suspicious"' "$work/older/$uid.xml"
rm -r "$work/older/.mammocalc-exams"
"$mammocalc" hook --out "$work/older2" "$work/in/benign.dcm" 2>/dev/null
rm -r "$work/older2/.mammocalc-exams"
"$mammocalc" hook --out "$work/older2" "$work/in/benign.dcm" 2>/dev/null
check "... the same report sent again without a record: replaced, no conflict" \
  test "$(summaries "$work/older2")" -eq 1 -a "$(conflict_summaries "$work/older2")" -eq 0
"$mammocalc" hook --out "$work/emptied" "$work/in/benign.dcm" 2>/dev/null
: >"$work/emptied/.mammocalc-exams/$uid"
"$mammocalc" hook --out "$work/emptied" "$work/in/suspicious.dcm" 2>"$work/emptied.err"
check "H38-4: an emptied record is refused (exit 3), nothing replaced" \
  test $? -eq 3 -a "$(summaries "$work/emptied")" -eq 1
check "... said naming it" grep -q "$work/emptied/.mammocalc-exams/$uid: empty" "$work/emptied.err"
# H38-6: a FIFO where an earlier summary was never hangs the call.
"$mammocalc" hook --out "$work/fifo" "$work/in/benign.dcm" 2>/dev/null
rm "$work/fifo/$uid.xml"
mkfifo "$work/fifo/$uid.xml"
timeout 20 "$mammocalc" hook --out "$work/fifo" "$work/in/suspicious.dcm" 2>"$work/fifo.err"
check "H38-6: a FIFO in place of the earlier summary: exit 3, no hang" test $? -eq 3
check "... said as no regular file" grep -q "$work/fifo/$uid.xml: not a regular file" "$work/fifo.err"
# H38-8: a record naming another exam's summary is no record of this exam.
"$mammocalc" hook --out "$work/forged" "$work/in/benign.dcm" "$suspicious_sr" 2>/dev/null
other_summary=$(ls "$work/forged" | grep '\.xml$' | grep -v "^$uid")
sed -i "s/ $uid\.xml / $other_summary /" "$work/forged/.mammocalc-exams/$uid"
"$mammocalc" hook --out "$work/forged" "$work/in/suspicious.dcm" 2>"$work/forged.err"
check "H38-8: a record naming another exam's summary: exit 3, that summary untouched" \
  test $? -eq 3 -a "$(conflict_summaries "$work/forged")" -eq 0
# H38-15: a record directory that is a symbolic link is not written through.
mkdir "$work/elsewhere"
"$mammocalc" hook --out "$work/linked" "$work/in/benign.dcm" 2>/dev/null
rm -r "$work/linked/.mammocalc-exams"
ln -s "$work/elsewhere" "$work/linked/.mammocalc-exams"
"$mammocalc" hook --out "$work/linked" "$work/in/suspicious.dcm" 2>/dev/null
check "H38-15: a linked record directory: exit 3, nothing written through it" \
  test $? -eq 3 -a -z "$(ls -A "$work/elsewhere")"

# Review 41. R41-8: numbered summaries the record does not know are other results too.
"$mammocalc" hook --out "$work/older3" "$work/in/suspicious.dcm" 2>/dev/null
cp "$work/older3/$uid.xml" "$work/older3/$uid-2.xml"
rm -r "$work/older3/.mammocalc-exams"
"$mammocalc" hook --out "$work/older3" "$work/in/benign.dcm" 2>/dev/null
check "R41-8: an unrecorded UID-2.xml is not replaced; the new result gets UID-3.xml" \
  test -f "$work/older3/$uid-3.xml" -a "$(grep -c '<exam [^>]*classification="suspicious"' "$work/older3/$uid-2.xml")" -eq 1
check "... and it is amended to say the other result" grep -q "summarised to $uid-3.xml," "$work/older3/$uid-2.xml"
# R41-3: a UID given to every report (eleven results) names at most eight others and one more
# item in each summary, and does not keep amending summaries that say so already.
mkdir -p "$work/many-in"
for n in $(seq 1 11); do
  cp "$benign_sr" "$work/many-in/$n.dcm"
  dcmodify -nb -m "(0010,0020)=PATIENT-$n" "$work/many-in/$n.dcm"
  "$mammocalc" hook --out "$work/many" "$work/many-in/$n.dcm" 2>/dev/null
done
check "R41-3: eleven results, eleven summaries" test "$(summaries "$work/many")" -eq 11
check "... the last names eight and 'each of 2 more'" \
  bash -c "test \"\$(grep -c 'code=\"same-exam-conflict\"' '$work/many/$uid-11.xml')\" -eq 9 && grep -q 'each of 2 more earlier' '$work/many/$uid-11.xml'"
check "... the first is amended eight times, not ten" \
  test "$(grep -c 'code="same-exam-conflict"' "$work/many/$uid.xml")" -eq 8
check "... every summary needs review" test "$(reviewed_summaries "$work/many")" -eq 11

# Hostile review 40 (H40-1, H40-2): a batch into a directory hook keeps its record in would name
# and replace summaries by its own inputs alone: refused (exit 2), nothing changed.
sha1sum "$out"/*.xml >"$work/before-batch.sums"
"$mammocalc" summarize -o "$out" "$work/in/benign.dcm" "$benign_sr" 2>"$work/batch-into-hook.err"
check "H40-1: summarize into a hook's output directory: exit 2" test $? -eq 2
check "... said, naming the directory and the record" \
  grep -q "^mammocalc: $out: holds the record of exams of hook or serve" "$work/batch-into-hook.err"
check "... no summary changed" bash -c "sha1sum '$out'/*.xml | cmp -s - '$work/before-batch.sums'"

# Calls at once (storescp runs one per object without waiting): the exam's record is locked, so
# each pair of calls ends with two summaries that both say the conflict.
for run in 1 2 3 4 5; do
  "$mammocalc" hook --out "$work/race-$run" "$work/in/benign.dcm" 2>/dev/null &
  "$mammocalc" hook --out "$work/race-$run" "$work/in/suspicious.dcm" 2>/dev/null &
done
wait
raced_ok=0
for run in 1 2 3 4 5; do
  if [ "$(summaries "$work/race-$run")" -eq 2 ] && [ "$(conflict_summaries "$work/race-$run")" -eq 2 ]; then
    raced_ok=$((raced_ok + 1))
  fi
done
check "two calls at once, five times: each time two summaries, both saying the conflict" \
  test "$raced_ok" -eq 5
# Hostile review 56, H56-2: an SR whose SOP Instance UID is not valid is named by its file name
# (made safe), which another call's object may have too (storescp names files by the UID: 1.2.03
# and 1.2.05 both give SR_1_2): never replaced, numbered on. Two reports under one invalid UID are
# one exam's two results: both summaries say the conflict and need review; the same object sent
# again replaces its own summary.
mkdir -p "$work/invalid/1" "$work/invalid/2" "$work/invalid/3"
cp "$benign_sr" "$work/invalid/1/SR.1.2.03"
cp "$work/in/suspicious.dcm" "$work/invalid/2/SR.1.2.05"
cp "$work/in/suspicious.dcm" "$work/invalid/3/SR.1.2.03"
dcmodify -nb -m "(0008,0018)=1.2.03" "$work/invalid/1/SR.1.2.03" "$work/invalid/3/SR.1.2.03" >/dev/null 2>&1
dcmodify -nb -m "(0008,0018)=1.2.05" "$work/invalid/2/SR.1.2.05" >/dev/null 2>&1
"$mammocalc" hook --out "$work/invalid-out" "$work/invalid/1/SR.1.2.03" 2>/dev/null
"$mammocalc" hook --out "$work/invalid-out" "$work/invalid/2/SR.1.2.05" 2>/dev/null
check "invalid UIDs of one file name, two calls: two summaries" test "$(summaries "$work/invalid-out")" -eq 2
check "... the first stays the benign report's" \
  grep -q '<exam [^>]*classification="benign"' "$work/invalid-out/SR_1_2.xml"
check "... the other numbered on" grep -q '<exam [^>]*classification="suspicious"' "$work/invalid-out/SR_1_2-2.xml"
check "... two exams: no conflict, no review" test "$(reviewed_summaries "$work/invalid-out")" -eq 0
"$mammocalc" hook --out "$work/invalid-out" "$work/invalid/1/SR.1.2.03" 2>"$work/invalid-again.err"
check "the same object again: still two summaries" test "$(summaries "$work/invalid-out")" -eq 2
check "... its own replaced" grep -q "summarised to SR_1_2.xml; the same result as an earlier hook call's input, replaced" \
  "$work/invalid-again.err"
"$mammocalc" hook --out "$work/invalid-out" "$work/invalid/3/SR.1.2.03" 2>"$work/invalid-other.err"
check "another report under the first invalid UID: a summary of its own" test "$(summaries "$work/invalid-out")" -eq 3
check "... it and the first say the conflict" test "$(conflict_summaries "$work/invalid-out")" -eq 2
check "... the first now needs review" grep -q '<exam [^>]*needsReview="true"' "$work/invalid-out/SR_1_2.xml"
check "... the other exam's summary untouched" \
  bash -c "! grep -q 'needsReview=\"true\"' '$work/invalid-out/SR_1_2-2.xml'"
check "... said on standard error" grep -q "has the SOP Instance UID of an earlier hook call's input but another result" \
  "$work/invalid-other.err"
# Hostile review 61, H61-2: a SOP Instance UID of one component ("12345") names no record file
# either: recorded by its received name, so two reports under it in two calls say the conflict.
mkdir -p "$work/one-part"
cp "$benign_sr" "$work/one-part/a.dcm"
cp "$work/in/suspicious.dcm" "$work/one-part/b.dcm"
dcmodify -nb -m "(0008,0018)=12345" "$work/one-part/a.dcm" "$work/one-part/b.dcm" >/dev/null 2>&1
"$mammocalc" hook --out "$work/one-part-out" "$work/one-part/a.dcm" 2>/dev/null
"$mammocalc" hook --out "$work/one-part-out" "$work/one-part/b.dcm" 2>/dev/null
check "a one-component UID, two reports in two calls: both say the conflict" \
  test "$(conflict_summaries "$work/one-part-out")" -eq 2

# Hostile review 61, H61-1: an earlier summary that cannot be amended (a file size limit) fails
# the call's input: no summary of its own beside one that says no review, no record line.
# The earlier summary is the larger one, so that the call's own summary fits under the limit.
cp samples/bir-bilateral-right-suspicious.dcm "$work/one-part/c.dcm"
cp samples/text-negative-screening.dcm "$work/one-part/d.dcm"
dcmodify -nb -m "(0008,0018)=1.2.826.0.1.3680043.10.1363.61.1" "$work/one-part/c.dcm" \
  "$work/one-part/d.dcm" >/dev/null 2>&1
"$mammocalc" hook --out "$work/limited-out" "$work/one-part/c.dcm" 2>/dev/null
small_limit_kib=$(( ($(stat -c %s "$work/limited-out/1.2.826.0.1.3680043.10.1363.61.1.xml") + 1023) / 1024 ))
(ulimit -f "$small_limit_kib"; exec "$mammocalc" hook --out "$work/limited-out" "$work/one-part/d.dcm") \
  2>"$work/limited.err"
check "an earlier summary that cannot be amended: the call fails (exit 3)" test $? -eq 3
check "... said, naming the earlier summary" grep -q "1.2.826.0.1.3680043.10.1363.61.1.xml: cannot write output" \
  "$work/limited.err"
check "... no summary of its own" test "$(summaries "$work/limited-out")" -eq 1
check "... and one record line, the earlier one's" \
  test "$(wc -l <"$work/limited-out/.mammocalc-exams/1.2.826.0.1.3680043.10.1363.61.1")" -eq 1
finish
