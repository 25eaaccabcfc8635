#!/usr/bin/env bash
# One exam read twice in a batch (hostile review 31, H31-6): two inputs that carry one SOP
# Instance UID (a copy of the SR under another name), or an SR and mammocalc's own SR of it read
# back with --read-own, are each summarised, but the index names the other input on both
# entries (sameExamAs) and the roll-up counts the exam once, by its first input (the later ones
# inRollup="false"), unless the two give different results: then both are counted and need review
# (sameExamDiffers). And an SR a batch skips (mammocalc's own without --read-own) does not take
# the annotation file that names it: the file is said in the other exams of its study (E17).
#   same_exam_test.sh MAMMOCALC XMLLINT       (run from the project root)
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
start_test "$@"
source_sr=samples/bir-bilateral-right-suspicious.dcm
other_sr=samples/bir-benign-coarse-vascular.dcm
uid_of() { dcmdump +P "$1" "$2" | sed -n 's/.*\[\(.*\)\].*/\1/p'; }
rollup() { grep -o '<rollup [^>]*>' "$1/index.xml"; }
validates() { "$xmllint" --noout --schema schemas/index.xsd "$1/index.xml" 2>/dev/null; }

# What the exam alone gives in the roll-up (a batch of one: a directory).
mkdir "$work/one"
cp "$source_sr" "$work/one/"
"$mammocalc" summarize -o "$work/alone" "$work/one" >/dev/null 2>&1
check "the exam alone: exit 0" test $? -eq 0
alone=$(rollup "$work/alone")
check "the exam alone: a roll-up" test -n "$alone"

# (b) A byte copy of the SR under another name.
mkdir "$work/dup"
cp "$source_sr" "$work/dup/a.dcm"
cp "$source_sr" "$work/dup/b.dcm"
"$mammocalc" summarize -o "$work/copies" "$work/dup/a.dcm" "$work/dup/b.dcm" >/dev/null 2>"$work/copies.err"
check "a copy of the SR: exit 0" test $? -eq 0
check "... both summarised" test "$(grep -c 'status="summarised"' "$work/copies/index.xml")" -eq 2
check "... the roll-up counts the exam once ($(rollup "$work/copies"))" test "$(rollup "$work/copies")" = "$alone"
check "... the first entry names the copy" \
  bash -c "grep '<entry input=\"$work/dup/a.dcm\"' '$work/copies/index.xml' | grep -q 'sameExamAs=\"$work/dup/b.dcm\"'"
check "... and counts" bash -c "! grep '<entry input=\"$work/dup/a.dcm\"' '$work/copies/index.xml' | grep -q 'inRollup='"
check "... the copy names the first and is not counted" \
  bash -c "grep '<entry input=\"$work/dup/b.dcm\"' '$work/copies/index.xml' | grep 'sameExamAs=\"$work/dup/a.dcm\"' | grep -q 'inRollup=\"false\"'"
check "... said on standard error, naming both files" \
  grep -q "mammocalc: $work/dup/b.dcm: .*$work/dup/a.dcm" "$work/copies.err"
check "... no UID on standard error" bash -c "! grep -q '$(uid_of 0008,0018 "$source_sr")' '$work/copies.err'"
check "... the index validates" validates "$work/copies"
"$mammocalc" summarize --jobs 2 -o "$work/copies-j2" "$work/dup/a.dcm" "$work/dup/b.dcm" >/dev/null 2>&1
check "... --jobs 2 gives the same index" cmp -s "$work/copies/index.xml" "$work/copies-j2/index.xml"
# A third copy names the first; the first still names the first copy.
cp "$source_sr" "$work/dup/c.dcm"
"$mammocalc" summarize -o "$work/three" "$work/dup" >/dev/null 2>&1
check "three copies: the roll-up counts the exam once" test "$(rollup "$work/three")" = "$alone"
check "... two entries not counted" test "$(grep -c 'inRollup="false"' "$work/three/index.xml")" -eq 2
check "... the third names the first" \
  bash -c "grep '<entry input=\"$work/dup/c.dcm\"' '$work/three/index.xml' | grep -q 'sameExamAs=\"$work/dup/a.dcm\"'"
# Pseudonymised: the other input is named by its label, never by its path.
printf 'a site secret of more than sixteen bytes\n' >"$work/site.key"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/pseudo" \
  "$work/dup/a.dcm" "$work/dup/b.dcm" >/dev/null 2>&1
check "pseudonymised: the entries name each other by label" \
  bash -c "grep -q '<entry input=\"input-1\"[^>]*sameExamAs=\"input-2\"' '$work/pseudo/index.xml' && grep -q '<entry input=\"input-2\"[^>]*sameExamAs=\"input-1\"' '$work/pseudo/index.xml'"
check "... no path in the index" bash -c "! grep -q '$work' '$work/pseudo/index.xml'"
# Hostile review 42, H42-7: a batch never writes into a directory whose index says another
# run named exams otherwise (plain against pseudonymised, or another key): exit 2, nothing new.
check "... its index says how it named exams (a keyed digest, never the key)" \
  bash -c "grep -q '<mammocalcIndex [^>]*naming=\"pseudonymised 2\.25\.[0-9]*\"' '$work/pseudo/index.xml' && ! grep -q 'site secret' '$work/pseudo/index.xml'"
pseudo_before=$(ls -A "$work/pseudo" | sort | xargs)
"$mammocalc" summarize -o "$work/pseudo" "$work/dup/a.dcm" >/dev/null 2>"$work/plain-into-pseudo.err"
check "a plain batch into a pseudonymised batch's directory: exit 2, said, nothing written" \
  bash -c "test $? -eq 2 && grep -q 'its index was written by a run with --pseudonymize' '$work/plain-into-pseudo.err' && test \"\$(ls -A '$work/pseudo' | sort | xargs)\" = '$pseudo_before'"
printf 'another site secret, also long enough\n' >"$work/other.key"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/other.key" -o "$work/pseudo" "$work/dup/a.dcm" >/dev/null 2>"$work/other-key.err"
check "... with another key: exit 2, said" \
  bash -c "test $? -eq 2 && grep -q 'another --pseudonym-key' '$work/other-key.err'"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/pseudo" "$work/dup/a.dcm" >/dev/null 2>&1
check "... with the same key: it goes on" test $? -eq 0
# Hostile review 44, H44-4: the summaries say their naming too, so a directory whose index is
# gone (a killed run leaves none) or cut short still refuses another naming; a cut index is
# refused by every run, as what it said is lost.
check "... each summary says how it was named" \
  bash -c "ls '$work/pseudo'/2.25.*.xml >/dev/null && ! grep -L '<mammocalcSummary [^>]*naming=\"pseudonymised 2\.25\.[0-9]*\"' '$work/pseudo'/2.25.*.xml | grep -q ."
cp -r "$work/pseudo" "$work/pseudo-marked"
rm "$work/pseudo-marked/index.xml"
"$mammocalc" summarize -o "$work/pseudo-marked" "$work/dup/a.dcm" >/dev/null 2>"$work/marked.err"
check "H44-4: no index, a plain batch into a pseudonymised batch's directory: exit 2, said by its naming file" \
  bash -c "test $? -eq 2 && grep -q '.mammocalc-naming was written by a run with --pseudonymize' '$work/marked.err'"
cp -r "$work/pseudo" "$work/pseudo-no-index"
rm "$work/pseudo-no-index/index.xml" "$work/pseudo-no-index/.mammocalc-naming"
no_index_before=$(ls -A "$work/pseudo-no-index" | sort | xargs)
"$mammocalc" summarize -o "$work/pseudo-no-index" "$work/dup/a.dcm" >/dev/null 2>"$work/no-index.err"
check "H44-4: no index, a plain batch into pseudonymised summaries: exit 2, said, nothing written" \
  bash -c "test $? -eq 2 && grep -q 'its summary 2\.25\.[0-9.-]*xml was written by a run with --pseudonymize' '$work/no-index.err' && test \"\$(ls -A '$work/pseudo-no-index' | sort | xargs)\" = '$no_index_before'"
"$mammocalc" hook --out "$work/pseudo-no-index" "$work/dup/a.dcm" >/dev/null 2>"$work/no-index-hook.err"
check "... a plain hook call too: exit 2, nothing written" \
  bash -c "test $? -eq 2 && grep -q 'was written by a run with --pseudonymize' '$work/no-index-hook.err' && test \"\$(ls -A '$work/pseudo-no-index' | sort | xargs)\" = '$no_index_before'"
cp -r "$work/pseudo" "$work/pseudo-cut-index"
head -c 30 "$work/pseudo/index.xml" >"$work/pseudo-cut-index/index.xml"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/pseudo-cut-index" "$work/dup/a.dcm" >/dev/null 2>"$work/cut-index.err"
check "... an index cut short: exit 2 even for the same naming, said" \
  bash -c "test $? -eq 2 && grep -q 'its index.xml cannot be read as a mammocalc index' '$work/cut-index.err'"
mkdir "$work/plain-batch"
"$mammocalc" summarize -o "$work/plain-batch" "$work/dup/a.dcm" >/dev/null 2>&1
rm "$work/plain-batch/index.xml"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/plain-batch" "$work/dup/a.dcm" >/dev/null 2>"$work/into-plain.err"
check "... no index, a pseudonymised batch into plain summaries: exit 2, said" \
  bash -c "test $? -eq 2 && grep -q 'was written by a run without --pseudonymize' '$work/into-plain.err'"
# Hostile review 46, H46-10: review pages say their naming too; a page left where its summary,
# the index and the naming file were removed still refuses another naming.
mkdir "$work/plain-pages"
"$mammocalc" summarize --html -o "$work/plain-pages" "$work/dup/a.dcm" >/dev/null 2>&1
rm "$work/plain-pages"/*.xml "$work/plain-pages/.mammocalc-naming" "$work/plain-pages/index.html"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/plain-pages" "$work/dup/a.dcm" >/dev/null 2>"$work/into-pages.err"
check "H46-10: only a plain page left: a pseudonymised batch exits 2, said" \
  bash -c "test $? -eq 2 && grep -q 'its page [^ ]*\.html was written by a run without --pseudonymize' '$work/into-pages.err'"
# Hostile review 45, H45-7: two batches of two namings started at once into one new directory:
# one claims it, the other is refused; never both.
race_ok=0
for n in 1 2 3 4 5 6; do
  "$mammocalc" summarize -o "$work/naming-race-$n" "$work/dup/a.dcm" "$other_sr" >/dev/null 2>&1 &
  plain=$!
  "$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/naming-race-$n" "$work/dup/a.dcm" "$other_sr" >/dev/null 2>&1 &
  pseudonymised=$!
  wait "$plain"
  plain_rc=$?
  wait "$pseudonymised"
  pseudonymised_rc=$?
  names=$(grep -ho 'naming="[a-z]*' "$work/naming-race-$n"/*.xml | sort -u | wc -l)
  if [ $((plain_rc + pseudonymised_rc)) -eq 2 ] && [ "$names" -eq 1 ]; then race_ok=$((race_ok + 1)); fi
done
check "H45-7: a plain and a pseudonymised batch at once: one runs, the other exits 2, one naming" test "$race_ok" -eq 6

# (a) The SR and mammocalc's own SR of it, both read (--read-own).
"$mammocalc" summarize --dicom-out "$work/own.dcm" "$source_sr" >/dev/null 2>&1
check "the own SR is written" test -s "$work/own.dcm"
"$mammocalc" summarize --read-own -o "$work/back" "$source_sr" "$work/own.dcm" >/dev/null 2>&1
check "source and own SR: exit 0" test $? -eq 0
check "... both summarised" test "$(grep -c 'status="summarised"' "$work/back/index.xml")" -eq 2
check "... the roll-up counts the exam once ($(rollup "$work/back"))" test "$(rollup "$work/back")" = "$alone"
check "... the own SR names its source and is not counted" \
  bash -c "grep '<entry input=\"$work/own.dcm\"' '$work/back/index.xml' | grep 'sameExamAs=\"$source_sr\"' | grep -q 'inRollup=\"false\"'"
check "... the source names the own SR" \
  bash -c "grep '<entry input=\"$source_sr\"' '$work/back/index.xml' | grep -q 'sameExamAs=\"$work/own.dcm\"'"
check "... the index validates" validates "$work/back"

# Hostile review 50, H50-2: the radiologist's report counts, not mammocalc's own SR of it, whatever
# the order: the own SR first (its name sorts first, as 2.25….dcm before ACC….dcm does), in the
# same chunk of work and in another (--jobs 1 works in chunks of 32 inputs). The report here is
# discordant, which its own SR never is: the roll-up must count the discordance as alone.
discordant_sr=samples/bir-assessment-discordant.dcm
"$mammocalc" summarize --dicom-out "$work/own-discordant.dcm" "$discordant_sr" >/dev/null 2>&1
"$mammocalc" summarize -o "$work/discordant-alone" --files-from - <<<"$discordant_sr" >/dev/null 2>&1
discordant_alone=$(rollup "$work/discordant-alone" | grep -o 'discordantAssessments="[0-9]*"')
check "the discordant report alone counts its discordance" \
  test "$discordant_alone" = 'discordantAssessments="1"'
mkdir -p "$work/fillers"
for n in $(seq -w 1 40); do cp "$other_sr" "$work/fillers/$n.dcm"; done
for layout in same-chunk other-chunk; do
  if [ "$layout" = same-chunk ]; then
    printf '%s\n' "$work/own-discordant.dcm" "$discordant_sr" >"$work/$layout.list"
  else
    { echo "$work/own-discordant.dcm"; ls "$work/fillers"/*.dcm; echo "$discordant_sr"; } >"$work/$layout.list"
  fi
  "$mammocalc" summarize --read-own --jobs 1 -o "$work/$layout" --files-from "$work/$layout.list" \
    >/dev/null 2>"$work/$layout.err"
  check "own SR first, $layout: exit 0" test $? -eq 0
  check "... the roll-up counts the report's discordance" \
    bash -c "rollup() { grep -o '<rollup [^>]*>' \"\$1/index.xml\"; }; rollup '$work/$layout' | grep -q 'discordantAssessments=\"1\"'"
  check "... the own SR is not counted, the report is" \
    bash -c "grep '<entry input=\"$work/own-discordant.dcm\"' '$work/$layout/index.xml' | grep -q 'inRollup=\"false\"' && grep '<entry input=\"$discordant_sr\"' '$work/$layout/index.xml' | grep -vq 'inRollup'"
  check "... standard error says the report counts" \
    grep -q "counted once in the roll-up, by $discordant_sr (the radiologist's report" "$work/$layout.err"
  # The fillers are copies of one exam: one exam, and the report's.
  exams=$([ "$layout" = same-chunk ] && echo 1 || echo 2)
  check "... the roll-up counts each exam once ($exams)" \
    grep -q "<exams count=\"$exams\"" "$work/$layout/index.xml"
  check "... the index validates" validates "$work/$layout"
done

# Control: two different exams are no duplicates.
"$mammocalc" summarize -o "$work/two" "$source_sr" "$other_sr" >/dev/null 2>&1
check "two exams: no sameExamAs, no inRollup" bash -c "! grep -q 'sameExamAs\|inRollup' '$work/two/index.xml'"

# Two different reports under one SOP Instance UID are no copies (hostile review 33, H33-5): a
# benign report first and a suspicious one second must not leave the roll-up with the benign one
# only. Both are counted, both entries say the other differs and need review.
mkdir "$work/clash"
cp "$other_sr" "$work/clash/1benign.dcm"
cp "$source_sr" "$work/clash/2suspicious.dcm"
dcmodify -nb -m "(0008,0018)=$(uid_of 0008,0018 "$other_sr")" "$work/clash/2suspicious.dcm"
check "the two reports share a UID" \
  test "$(uid_of 0008,0018 "$work/clash/1benign.dcm")" = "$(uid_of 0008,0018 "$work/clash/2suspicious.dcm")"
"$mammocalc" summarize -o "$work/clash-out" "$work/clash/1benign.dcm" "$work/clash/2suspicious.dcm" >/dev/null 2>"$work/clash.err"
check "two reports, one UID: exit 0" test $? -eq 0
mkdir -p "$work/clash-alone/in-b" "$work/clash-alone/in-s"
cp "$other_sr" "$work/clash-alone/in-b/"
cp "$source_sr" "$work/clash-alone/in-s/"
"$mammocalc" summarize -o "$work/clash-alone/b" "$work/clash-alone/in-b" >/dev/null 2>&1
"$mammocalc" summarize -o "$work/clash-alone/s" "$work/clash-alone/in-s" >/dev/null 2>&1
findings_of() { rollup "$1" | sed -n 's/.* findings="\([0-9]*\)".*/\1/p'; }
both=$(($(findings_of "$work/clash-alone/b") + $(findings_of "$work/clash-alone/s")))
check "... the roll-up counts the findings of both ($both)" test "$(findings_of "$work/clash-out")" -eq "$both"
check "... and every one of them as needing review" \
  grep -q "<rollup [^>]*needsRadiologistReview=\"$both\"" "$work/clash-out/index.xml"
check "... one conflicting exam in the roll-up" bash -c "grep -q '<rollup [^>]*sameExamConflicts=\"1\"' '$work/clash-out/index.xml'"
# Hostile review 51, H51-1: the exams' roll-up counts both inputs' exams as needing review too.
check "... both exams counted as needing review (exams)" \
  grep -q '<exams count="2" needsRadiologistReview="2"' "$work/clash-out/index.xml"
check "... the suspicious category is in the roll-up" \
  bash -c "grep -q '<category value=\"$(grep -o '<exam [^>]*' "$work/clash-alone/s/$(uid_of 0008,0018 "$source_sr").xml" | sed -n 's/.*category=\"\([^\"]*\)\".*/\1/p')\"' '$work/clash-out/index.xml'"
for name in 1benign 2suspicious; do
  check "... $name: counted, differs, needs review" \
    bash -c "grep '<entry input=\"$work/clash/$name.dcm\"' '$work/clash-out/index.xml' | grep 'sameExamDiffers=\"true\"' | grep 'needsReview=\"true\"' | grep -vq 'inRollup='"
done
check "... said on standard error, naming both files" \
  grep -q "mammocalc: $work/clash/2suspicious.dcm: .*$work/clash/1benign.dcm.*another result" "$work/clash.err"
check "... the index validates" validates "$work/clash-out"
conflict_summaries() { grep -l 'code="same-exam-conflict"' "$1"/*.xml 2>/dev/null | grep -vc '/index.xml$'; }
check "... each summary says the conflict itself (E19, H35-5)" test "$(conflict_summaries "$work/clash-out")" -eq 2
check "... and its exam needs review" \
  test "$(grep -l '<exam [^>]*needsReview="true"' "$work/clash-out"/*.xml | grep -vc '/index.xml$')" -eq 2
check "... the benign one names the other input" \
  bash -c "grep -l '<exam [^>]*category=\"2\"' '$work/clash-out'/*.xml | xargs grep -q 'another input of this run, $work/clash/2suspicious.dcm'"
# In the other order, and with a copy of the first between them: the same judgement.
cp "$work/clash/1benign.dcm" "$work/clash/0copy.dcm"
"$mammocalc" summarize -o "$work/clash-3" "$work/clash/0copy.dcm" "$work/clash/2suspicious.dcm" "$work/clash/1benign.dcm" >/dev/null 2>&1
check "copy, other report, copy: the copy is counted once, the other report too" \
  test "$(findings_of "$work/clash-3")" -eq "$both"
check "... every summary of the exam says the conflict, the copies too" test "$(conflict_summaries "$work/clash-3")" -eq 3
check "... the copy is not counted again" \
  bash -c "grep '<entry input=\"$work/clash/1benign.dcm\"' '$work/clash-3/index.xml' | grep -q 'inRollup=\"false\"'"
check "... the first entry says another result came" \
  bash -c "grep '<entry input=\"$work/clash/0copy.dcm\"' '$work/clash-3/index.xml' | grep -q 'sameExamDiffers=\"true\"'"
check "... one conflicting exam" bash -c "grep -q '<rollup [^>]*sameExamConflicts=\"1\"' '$work/clash-3/index.xml'"
# The suspicious report first, then the benign one and a copy of it (hostile review 34, H34-9):
# the copy repeats the benign report, not the first input, and is counted once all the same; every
# entry of the exam needs review, the copy's too.
cp "$work/clash/1benign.dcm" "$work/clash/3copy.dcm"
"$mammocalc" summarize -o "$work/clash-4" --rollup-csv "$work/clash-4.csv" "$work/clash/2suspicious.dcm" \
  "$work/clash/1benign.dcm" "$work/clash/3copy.dcm" >/dev/null 2>"$work/clash-4.err"
check "suspicious, benign, copy of benign: each result counted once" \
  test "$(findings_of "$work/clash-4")" -eq "$both"
check "... the copy is not counted" \
  bash -c "grep '<entry input=\"$work/clash/3copy.dcm\"' '$work/clash-4/index.xml' | grep -q 'inRollup=\"false\"'"
check "... every entry of the exam needs review" \
  test "$(grep -c 'needsReview="true"[^>]*sameExamDiffers="true"\|sameExamDiffers="true"[^>]*needsReview="true"' "$work/clash-4/index.xml")" -eq 3
check "... the copy's line names the report it repeats" \
  grep -q "3copy.dcm: the same exam as $work/clash/1benign.dcm" "$work/clash-4.err"
check "... the roll-up CSV counts the conflicting exam" grep -q '^total,same-exam-conflicts,1$' "$work/clash-4.csv"
# A copy before the other report: its entry, written first, needs review once the other comes.
"$mammocalc" summarize -o "$work/clash-5" "$work/clash/1benign.dcm" "$work/clash/3copy.dcm" \
  "$work/clash/2suspicious.dcm" >/dev/null 2>&1
check "benign, copy, suspicious: every entry needs review" \
  test "$(grep -c '<entry [^>]*needsReview="true"' "$work/clash-5/index.xml")" -eq 3
check "... and the index validates" validates "$work/clash-5"
# Two reports under one UID that agree in every count but not in what they say (a coarse type
# where the other has dystrophic): no copies, both counted and both need review (review of
# session 39: the comparison was of counts only).
dsr2xml "$other_sr" "$work/cv.xml"
sed 's|<value>129749001</value>|<value>129750001</value>|; s|<meaning>Coarse (popcorn-like) calcification</meaning>|<meaning>Dystrophic calcification</meaning>|' \
  "$work/cv.xml" >"$work/cv-dystrophic.xml"
mkdir "$work/counts"
xml2dsr "$work/cv-dystrophic.xml" "$work/counts/2dystrophic.dcm" >/dev/null 2>&1
cp "$other_sr" "$work/counts/1coarse.dcm"
"$mammocalc" summarize -o "$work/counts-out" "$work/counts/1coarse.dcm" "$work/counts/2dystrophic.dcm" >/dev/null 2>&1
check "same counts, another type under one UID: both say the other differs" \
  test "$(grep -c 'sameExamDiffers="true"' "$work/counts-out/index.xml")" -eq 2
check "... and the roll-up counts both" test "$(findings_of "$work/counts-out")" -eq 4

# The same findings at another clock position (H36-13): where a biopsy goes differs, a conflict.
sed 's|<value>129778000</value>|<value>129779008</value>|; s|<meaning>7 o&apos;clock position</meaning>|<meaning>8 o\&apos;clock position</meaning>|' \
  "$work/cv.xml" >"$work/cv-eight.xml"
mkdir "$work/clock"
xml2dsr "$work/cv-eight.xml" "$work/clock/2eight.dcm" >/dev/null 2>&1
cp "$other_sr" "$work/clock/1seven.dcm"
check "another clock position: the edited SR reads 8 o'clock" \
  bash -c "dsrdump '$work/clock/2eight.dcm' | grep -q '8 o.clock position'"
"$mammocalc" summarize -o "$work/clock-out" "$work/clock/1seven.dcm" "$work/clock/2eight.dcm" >/dev/null 2>&1
check "... both say the other differs" \
  test "$(grep -c 'sameExamDiffers="true"' "$work/clock-out/index.xml")" -eq 2

# Another patient's report under the same UID, saying the same (H34-12): no copy, a conflict.
mkdir "$work/patients"
cp "$other_sr" "$work/patients/1first.dcm"
cp "$other_sr" "$work/patients/2other.dcm"
dcmodify -nb -m "(0010,0020)=OTHER-PATIENT-ID" "$work/patients/2other.dcm" >/dev/null 2>&1
"$mammocalc" summarize -o "$work/patients-out" "$work/patients/1first.dcm" "$work/patients/2other.dcm" >/dev/null 2>"$work/patients.err"
check "another patient under one UID: both say the other differs" \
  test "$(grep -c 'sameExamDiffers="true"' "$work/patients-out/index.xml")" -eq 2
check "... both need review" test "$(grep -c '<entry [^>]*needsReview="true"' "$work/patients-out/index.xml")" -eq 2
check "... and no patient ID on standard error" bash -c "! grep -q 'OTHER-PATIENT-ID' '$work/patients.err'"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/patients-pseudo" \
  "$work/patients/1first.dcm" "$work/patients/2other.dcm" >/dev/null 2>&1
check "... pseudonymised too (compared before the identifiers are cleared; review 40, R40-6)" \
  test "$(grep -c 'sameExamDiffers="true"' "$work/patients-pseudo/index.xml")" -eq 2

"$mammocalc" summarize --html -o "$work/clash-html" "$work/clash/1benign.dcm" "$work/clash/2suspicious.dcm" >/dev/null 2>&1
check "--html: the same index" bash -c "grep -c 'sameExamDiffers' '$work/clash-html/index.xml' | grep -qx 2"
check "--html: index.html says both rows have another result under the same UID" \
  test "$(grep -c 'another result under the same UID: review' "$work/clash-html/index.html")" -eq 2
check "... names the other input on each row" \
  bash -c "grep -q 'the same exam as $work/clash/1benign.dcm' '$work/clash-html/index.html' && grep -q 'the same exam as $work/clash/2suspicious.dcm' '$work/clash-html/index.html'"
check "... and counts the conflicting exam in the roll-up" \
  grep -q 'with different results under one UID (their findings counted as needing radiologist review): 1' "$work/clash-html/index.html"
"$mammocalc" summarize --html -o "$work/copies-html" "$work/dup/a.dcm" "$work/dup/b.dcm" >/dev/null 2>&1
check "--html, a copy: index.html says the copy is not counted in the roll-up, once" \
  test "$(grep -c 'not counted in the roll-up' "$work/copies-html/index.html")" -eq 1
check "... and no other result" bash -c "! grep -q 'another result' '$work/copies-html/index.html'"

# Task 4: an SR the batch skips does not take the annotation file made on it. Here mammocalc's own
# SR of the other exam, without --read-own: the file names an SR the run does not summarise, so
# the study's report says it (annotation-other-sr, E17, review).
mkdir "$work/study"
"$mammocalc" summarize --dicom-out "$work/study/own.dcm" "$other_sr" >/dev/null 2>&1
cp "$other_sr" "$work/study/report.dcm"
mkdir "$work/ann"
printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="%s" sopInstanceUid="%s"/>\n  <finding action="add">\n    <laterality>left</laterality>\n    <morphology>fine-linear-branching</morphology>\n  </finding>\n</annotations>\n' \
  "$(uid_of 0020,000d "$other_sr")" "$(uid_of 0008,0018 "$work/study/own.dcm")" >"$work/ann/on_own.xml"
report=$work/skip/$(uid_of 0008,0018 "$other_sr").xml
"$mammocalc" summarize -o "$work/skip" --annotations "$work/ann" "$work/study" >/dev/null 2>&1
check "the own SR is skipped" grep -q 'errorCode="own-summary"' "$work/skip/index.xml"
check "... the report says the file made on it (annotation-other-sr, E17, review)" \
  bash -c "grep -q 'code=\"annotation-other-sr\">[^<]*on_own.xml' '$report' && grep -q 'rule id=\"E17\"' '$report' && grep -q '<exam [^>]*needsReview=\"true\"' '$report'"
"$mammocalc" summarize --read-own -o "$work/taken" --annotations "$work/ann" "$work/study" >/dev/null 2>&1
report=$work/taken/$(uid_of 0008,0018 "$other_sr").xml
check "control: with --read-own the own SR takes it, the report says nothing of it" \
  bash -c "! grep -q 'on_own.xml' '$report' && grep -q 'on_own.xml' '$work/taken/$(uid_of 0008,0018 "$work/study/own.dcm").xml'"

# Three results under one UID (hostile review 37, H37-9): every summary names both others, the
# first one too (it named only the second).
make_three_results "$work/three" "$other_sr" "$source_sr"
"$mammocalc" summarize -o "$work/three-out" "$work/three/1.dcm" "$work/three/2.dcm" "$work/three/3.dcm" >/dev/null 2>&1
check "three results under one UID: each of the three summaries names both others" \
  test "$(summaries_naming_both_others "$work/three-out" "$work/three")" -eq 3
"$mammocalc" summarize --skip-existing -o "$work/three-out" "$work/three/1.dcm" "$work/three/2.dcm" "$work/three/3.dcm" >/dev/null 2>"$work/three-rerun.err"
check "... a --skip-existing rerun keeps all three (existing), no 'not this run's' line (H38-5)" \
  bash -c "test \"\$(grep -c 'existing=\"true\"' '$work/three-out/index.xml')\" -eq 3 && ! grep -q 'not this run' '$work/three-rerun.err'"

# --skip-existing over an exam with two results (review 40, R40-10; H37-7): a rerun of the same
# inputs keeps both summaries and says so (existing), with no false "not this run's" line; the
# first input's summary says the conflict (E19) only once the run knows of the second.
mkdir -p "$work/rerun-in"
cp "$other_sr" "$work/rerun-in/1.dcm"
cp "$source_sr" "$work/rerun-in/2.dcm"
dcmodify -nb -m "(0008,0018)=$(uid_of 0008,0018 "$other_sr")" "$work/rerun-in/2.dcm"
"$mammocalc" summarize -o "$work/rerun" "$work/rerun-in/1.dcm" "$work/rerun-in/2.dcm" >/dev/null 2>&1
cp -r "$work/rerun" "$work/rerun-first"
"$mammocalc" summarize --skip-existing -o "$work/rerun" "$work/rerun-in/1.dcm" "$work/rerun-in/2.dcm" >/dev/null 2>"$work/rerun.err"
check "--skip-existing rerun of two results under one UID: exit 0" test $? -eq 0
check "... both entries existing" test "$(grep -c '<entry [^>]*existing="true"' "$work/rerun/index.xml")" -eq 2
check "... none replaced" bash -c "! grep -q 'replaced=' '$work/rerun/index.xml'"
check "... no false 'not this run's' line" bash -c "! grep -q 'not this run' '$work/rerun.err'"
check "... the summaries untouched" \
  bash -c "for f in '$work/rerun-first'/*.xml; do [ \"\$(basename \$f)\" = index.xml ] && continue; cmp -s \$f '$work/rerun'/\$(basename \$f) || exit 1; done"
# The second input gone: the first's summary is no longer this run's (it says a conflict).
cp -r "$work/rerun-first" "$work/rerun-gone"
mkdir -p "$work/rerun-in-1"
cp "$work/rerun-in/1.dcm" "$work/rerun-in-1/"
"$mammocalc" summarize --skip-existing -o "$work/rerun-gone" "$work/rerun-in-1" >/dev/null 2>"$work/rerun-gone.err"
check "the other result gone: the first's summary replaced, said once" \
  test "$(grep -c 'not this run' "$work/rerun-gone.err")" -eq 1 -a "$(grep -c '<entry [^>]*replaced="true"' "$work/rerun-gone/index.xml")" -eq 1
check "... and no longer says the conflict" \
  bash -c "! grep -q 'same-exam-conflict' '$work/rerun-gone/$(uid_of 0008,0018 "$other_sr").xml'"
# Hostile reviews 38 and 40 (H38-9, H40-3): the earlier run's UID-2.xml stays (never removed),
# but the run says it is not its own, on standard error and in the index, naming its exam's
# summary; a run that wrote UID-2.xml itself says nothing of it.
gone_uid=$(uid_of 0008,0018 "$other_sr")
check "... the earlier run's $gone_uid-2.xml kept, said once on standard error as left over" \
  bash -c "test -f '$work/rerun-gone/$gone_uid-2.xml' && test \"\$(grep -c 'rerun-gone/$gone_uid-2.xml: a summary an earlier run left of the exam this run summarised to $gone_uid.xml' '$work/rerun-gone.err')\" -eq 1"
check "... and in the index as a leftover of $gone_uid.xml" \
  grep -q "<leftover summary=\"$gone_uid-2.xml\" examSummary=\"$gone_uid.xml\"" "$work/rerun-gone/index.xml"
check "... the index with its leftover is valid against schemas/index.xsd" \
  validates "$work/rerun-gone"
# Hostile review 44, H44-5: index.html says the leftover too.
cp -r "$work/rerun-first" "$work/rerun-gone-html"
"$mammocalc" summarize --html --skip-existing -o "$work/rerun-gone-html" "$work/rerun-in-1" >/dev/null 2>&1
check "H44-5: --html: index.html names the leftover and links it" \
  grep -q "<a href=\"$gone_uid-2.xml\">$gone_uid-2.xml</a>" "$work/rerun-gone-html/index.html"
# Review 43, R43-12: where this run could not write the exam's summary (its name is a directory),
# the leftover is no leftover of "the exam this run summarised": not said so.
cp -r "$work/rerun-first" "$work/rerun-blocked"
rm "$work/rerun-blocked/$gone_uid.xml" && mkdir "$work/rerun-blocked/$gone_uid.xml"
"$mammocalc" summarize -o "$work/rerun-blocked" "$work/rerun-in-1" >/dev/null 2>"$work/rerun-blocked.err"
check "R43-12: the exam's summary not written: exit 3, and no 'this run summarised' line" \
  bash -c "test $? -eq 3 && ! grep -q 'this run summarised' '$work/rerun-blocked.err'"
# Hostile review 45, H45-8: a rerun without --html leaves no earlier page that its index.xml no
# longer matches: index.html and the pages of the summaries it rewrote go, said once.
"$mammocalc" summarize -o "$work/rerun-gone-html" "$work/rerun-in-1" >/dev/null 2>"$work/no-html.err"
check "H45-8: a rerun without --html removes the earlier index.html, says so" \
  bash -c "test ! -e '$work/rerun-gone-html/index.html' && test \"\$(grep -c 'index.html: an earlier run.s page, which this run.s index.xml no longer matches; removed' '$work/no-html.err')\" -eq 1"
check "... and the page of the summary it rewrote" \
  test ! -e "$work/rerun-gone-html/$gone_uid.html"
check "a run that wrote both summaries names no leftover" \
  bash -c "! grep -q '<leftover' '$work/rerun/index.xml' && ! grep -q 'earlier run left of the exam' '$work/rerun.err'"
# The other result new: the first's summary (kept as the run began) is replaced at the end.
"$mammocalc" summarize -o "$work/rerun-new" "$work/rerun-in-1" >/dev/null 2>&1
"$mammocalc" summarize --skip-existing -o "$work/rerun-new" "$work/rerun-in-1/1.dcm" "$work/rerun-in/2.dcm" >/dev/null 2>"$work/rerun-new.err"
check "another result new: the first's summary replaced (not existing), said once" \
  bash -c "grep '<entry [^>]*rerun-in-1/1.dcm' '$work/rerun-new/index.xml' | grep 'replaced=\"true\"' | grep -vq 'existing=' && test \"\$(grep -c 'not this run' '$work/rerun-new.err')\" -eq 1"
check "... and it says the conflict" grep -q 'same-exam-conflict' "$work/rerun-new/$(uid_of 0008,0018 "$other_sr").xml"

# Review 41, R41-2: a FIFO where an earlier summary was is never read (it would hang the run).
cp -r "$work/rerun-first" "$work/rerun-fifo"
first_name=$(uid_of 0008,0018 "$other_sr").xml
rm "$work/rerun-fifo/$first_name"
mkfifo "$work/rerun-fifo/$first_name"
timeout 60 "$mammocalc" summarize --skip-existing -o "$work/rerun-fifo" "$work/rerun-in/1.dcm" "$work/rerun-in/2.dcm" >/dev/null 2>"$work/rerun-fifo.err"
status=$?
check "--skip-existing over a FIFO in place of a summary: no hang (exit $status)" test "$status" -ne 124

# Review 41, R41-5: a first --skip-existing run over two results under one UID says nothing of
# an earlier run (there was none): the summary it wrote itself and amended is no earlier run's.
"$mammocalc" summarize --skip-existing -o "$work/rerun-fresh" "$work/rerun-in/1.dcm" "$work/rerun-in/2.dcm" >/dev/null 2>"$work/rerun-fresh.err"
check "a first --skip-existing run over two results: no 'not this run's' line, no replaced entry" \
  bash -c "! grep -q 'not this run' '$work/rerun-fresh.err' && ! grep -q 'replaced=\|existing=' '$work/rerun-fresh/index.xml'"

# Review 41, R41-4: a summary held to the end of a --skip-existing run (its earlier one says a
# conflict) that cannot be written then is a failed entry, counted as failed, and the earlier
# summary stays as it was; the index never says "summarised" for a file this run did not write.
"$mammocalc" summarize --html -o "$work/held-fail" "$work/rerun-in/1.dcm" "$work/rerun-in/2.dcm" >/dev/null 2>&1
cp "$work/held-fail/$gone_uid.xml" "$work/held-fail-first.xml"
rm "$work/held-fail/$gone_uid.html"
mkdir "$work/held-fail/$gone_uid.html"
"$mammocalc" summarize --skip-existing --html -o "$work/held-fail" "$work/rerun-in-1" >/dev/null 2>"$work/held-fail.err"
check "a held summary that cannot be written at the end: exit 3, said on standard error" \
  bash -c "test $? -eq 3 && grep -q 'held-fail/$gone_uid.html: is a directory' '$work/held-fail.err'"
check "... its entry failed (output-failed), and counted as failed" \
  bash -c "grep -q '<entry [^>]*status=\"failed\"[^>]*errorCode=\"output-failed\"' '$work/held-fail/index.xml' && grep -q 'summarised=\"0\" skipped=\"0\" failed=\"1\"' '$work/held-fail/index.xml'"
check "... the earlier summary as it was" cmp -s "$work/held-fail-first.xml" "$work/held-fail/$gone_uid.xml"
check "... the failed entry names no summary and no result (review 43, R43-4)" \
  bash -c "! grep '<entry [^>]*status=\"failed\"' '$work/held-fail/index.xml' | grep -q 'output=\|category=\|classification='"
check "... nor does its row in index.html" \
  bash -c "! grep -q '>benign<' '$work/held-fail/index.html'"
check "... and out of the roll-up (review 43, R43-2)" grep -q '<rollup findings="0"' "$work/held-fail/index.xml"
check "... the index valid against schemas/index.xsd" validates "$work/held-fail"

# Hostile review 42, H42-10: a summary whose name a directory holds is an output that cannot be
# written (exit 3, output-failed), and its findings are not in the roll-up.
mkdir -p "$work/dir-at-name/$gone_uid.xml/inside"
"$mammocalc" summarize -o "$work/dir-at-name" "$work/rerun-in/1.dcm" "$source_sr" >/dev/null 2>"$work/dir-at-name.err"
check "H42-10: a directory at a summary's name: exit 3, a failed entry (output-failed)" \
  bash -c "test $? -eq 3 && grep -q '<entry [^>]*status=\"failed\"[^>]*errorCode=\"output-failed\"' '$work/dir-at-name/index.xml'"
check "... the roll-up counts only the summary written" \
  test "$(rollup "$work/dir-at-name")" = "$alone"

# Review 41, R41-3: one UID with eleven results in a batch: each summary names at most eight
# others and how many more; every summary and entry needs review.
mkdir -p "$work/many-in"
for n in $(seq 1 11); do
  cp "$other_sr" "$work/many-in/$n.dcm"
  dcmodify -nb -m "(0010,0020)=PATIENT-$n" "$work/many-in/$n.dcm"
done
"$mammocalc" summarize -o "$work/many" "$work/many-in" >/dev/null 2>&1
many_ok=0
for summary in "$work/many"/*.xml; do
  [ "$(basename "$summary")" = index.xml ] && continue
  warnings=$(grep -c 'code="same-exam-conflict"' "$summary")
  if [ "$warnings" -ge 1 ] && [ "$warnings" -le 9 ] && grep -q '<exam [^>]*needsReview="true"' "$summary"; then
    many_ok=$((many_ok + 1))
  fi
done
check "eleven results under one UID: each summary names at most eight others and one more item" \
  test "$many_ok" -eq 11
check "... the last names 'each of 2 more inputs of this run'" \
  bash -c "grep -l 'each of 2 more inputs of this run' '$work/many'/*.xml | grep -q ."
check "... every entry needs review" test "$(grep -c '<entry [^>]*needsReview="true"' "$work/many/index.xml")" -eq 11
# Hostile review 56, H56-2: two reports under one SOP Instance UID that is not a valid UID are
# one exam read twice too: both summarised, both need review, standard error names both.
mkdir "$work/invalid"
cp "$other_sr" "$work/invalid/a.dcm"
cp "$source_sr" "$work/invalid/b.dcm"
dcmodify -nb -m "(0008,0018)=1.2.03" "$work/invalid/a.dcm" "$work/invalid/b.dcm" >/dev/null 2>&1
"$mammocalc" summarize -o "$work/invalid-out" "$work/invalid/a.dcm" "$work/invalid/b.dcm" \
  >/dev/null 2>"$work/invalid.err"
check "two reports under one invalid UID: both need review" test "$(grep -l \
  '<exam [^>]*needsReview="true"' "$work/invalid-out"/a.xml "$work/invalid-out"/b.xml | wc -l)" -eq 2
check "... each says the conflict" test "$(grep -l 'code="same-exam-conflict"' \
  "$work/invalid-out"/a.xml "$work/invalid-out"/b.xml | wc -l)" -eq 2
check "... standard error names both files" grep -q \
  "mammocalc: $work/invalid/b.dcm: has the SOP Instance UID of $work/invalid/a.dcm, another input of this run, but another result" \
  "$work/invalid.err"
check "... and never the UID" bash -c "! grep -qF '1.2.03' '$work/invalid.err'"
# Two invalid UIDs are two exams: neither is flagged.
dcmodify -nb -m "(0008,0018)=1.2.05" "$work/invalid/b.dcm" >/dev/null 2>&1
"$mammocalc" summarize -o "$work/invalid-two" "$work/invalid/a.dcm" "$work/invalid/b.dcm" >/dev/null 2>&1
check "two invalid UIDs: no conflict" bash -c "! grep -q 'code=\"same-exam-conflict\"' '$work/invalid-two'/*.xml"
finish
