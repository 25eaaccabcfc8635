#!/usr/bin/env bash
# Batch runs as an operator relies on them: good and bad inputs together, the index, identical
# output whatever --jobs, atomic outputs under SIGKILL, --skip-existing, --files-from, exit codes,
# a real archive folder (what is not a breast SR skipped with its reason, each file read once).
#   batch_test.sh MAMMOCALC XMLLINT DUMP2DCM     (run from the project root)
set -u
mammocalc=$1
xmllint=$2
dump2dcm=$3
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
no_temporary_files() { test -z "$(find "$1" -name '.*tmp*' 2>/dev/null)"; }

# A tree of the samples plus broken files.
tree=$work/tree
mkdir -p "$tree/good" "$tree/bad/deeper"
cp samples/*.dcm "$tree/good/"
printf 'not DICOM\n' >"$tree/bad/notes.txt"
head -c 700 samples/bir-known-malignancy.dcm >"$tree/bad/truncated.dcm"
# Hostile review 83: the same cut from a file written without the preamble (a dataset alone).
dcmconv -F samples/bir-known-malignancy.dcm "$work/no-preamble.dcm" >/dev/null 2>&1
head -c 700 "$work/no-preamble.dcm" >"$tree/bad/truncated-no-preamble.dcm"
cat >"$work/ct.dump" <<'DUMP'
(0008,0016) UI =CTImageStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1363.900.1]
(0010,0010) PN [TEST^CT]
DUMP
"$dump2dcm" "$work/ct.dump" "$tree/bad/deeper/ct.dcm" >/dev/null 2>&1
cp samples/bir-suspicious-vacuum-assisted.dcm "$tree/bad/unreadable.dcm"
chmod 000 "$tree/bad/unreadable.dcm"
ln -s .. "$tree/bad/deeper/loop"
# Hostile review 93 (S1): a hidden file found in a walk is listed, never passed over.
cp samples/bir-suspicious-stereotactic.dcm "$tree/bad/deeper/.hidden-report.dcm"
good_count=$(ls samples/*.dcm | wc -l)

"$mammocalc" summarize -o "$work/out1" --jobs 1 "$tree" >"$work/stdout" 2>"$work/stderr"
status=$?
check "batch with bad inputs exits 1 (got $status)" test "$status" -eq 1
check "batch prints nothing on stdout" test ! -s "$work/stdout"
check "no progress line when stderr is not a terminal" bash -c "! grep -q -e 'inputs, ' -e \$'\\r' '$work/stderr'"
# root reads the chmod-000 copy as well (it then gets a "-2" name beside its original).
readable_extra=$(id -u | grep -c '^0$')
check "one summary per good SR" test "$(ls "$work/out1"/*.xml | grep -vc index.xml)" -eq "$((good_count + readable_extra))"
check "a duplicate SOP Instance UID gets a numbered name, never overwrites" test "$readable_extra" -eq 0 -o -f "$work/out1/1.2.826.0.1.3680043.10.1363.103.3-2.xml"
check "summaries are named by SOP Instance UID" test -f "$work/out1/1.2.826.0.1.3680043.10.1363.103.3.xml"
check "index.xml validates" bash -c "\"$xmllint\" --noout --schema schemas/index.xsd \"$work/out1/index.xml\" 2>/dev/null"
for summary in "$work/out1"/1.*.xml; do
  "$xmllint" --noout --schema schemas/summary.xsd "$summary" 2>/dev/null || { echo "FAIL: $summary invalid"; failed=$((failed + 1)); }
done
index=$work/out1/index.xml
# Found in a directory, a text file and an image are no errors, but a broken DICOM file is.
check "index lists the text file found in a directory as skipped" grep -q 'input="[^"]*notes.txt" status="skipped" errorCode="not-dicom"' "$index"
check "index lists the truncated file as failed" grep -q 'truncated.dcm" status="failed" errorCode="not-dicom"' "$index"
check "index lists the truncated file without the preamble as failed, not skipped" \
  grep -q 'truncated-no-preamble.dcm" status="failed" errorCode="not-dicom"' "$index"
check "index lists the CT image found in a directory as skipped" grep -q 'ct.dcm" status="skipped" errorCode="unsupported-sop-class"' "$index"
if [[ $(id -u) -ne 0 ]]; then
  check "index lists the unreadable file as failed" grep -q 'unreadable.dcm" status="failed"' "$index"
fi
check "index lists the symlink loop" grep -q 'errorCode="symlink-loop"' "$index"
check "index lists the hidden file as skipped" grep -q '.hidden-report.dcm" status="skipped" errorCode="hidden-file"' "$index"
check "index counts the hidden file" grep -q '<skipped reason="hidden-file" count="1"' "$index"
check "index counts the good ones" grep -q "summarised=\"$((good_count + readable_extra))\"" "$index"
check "index has a roll-up" grep -q '<rollup findings=' "$index"
check "index marks the site-conflict exam for review" grep -q 'bir-site-conflict.dcm" status="summarised".* needsReview="true"' "$index"
check "index leaves a plain suspicious exam unmarked" grep -q 'bir-suspicious-stereotactic.dcm" status="summarised".* needsReview="false"' "$index"
check "no temporary files left" no_temporary_files "$work/out1"
(umask 027 && "$mammocalc" summarize -o "$work/masked" samples/bir-known-malignancy.dcm samples/bir-site-conflict.dcm 2>/dev/null)
check "outputs get the mode the umask gives new files (640 under 027)" test "$(stat -c %a "$work/masked/index.xml")" = 640 -a "$(stat -c %a "$(ls "$work"/masked/1*.xml | head -n 1)")" = 640

"$mammocalc" summarize -o "$work/out2" --jobs 2 "$tree" 2>/dev/null
check "--jobs 1 and --jobs 2 give identical outputs" diff -r "$work/out1" "$work/out2"

# On a terminal (script gives one) a progress line shows; --quiet silences it.
if command -v script >/dev/null; then
  script -qc "'$mammocalc' summarize -o '$work/tty' '$tree/good'" /dev/null >"$work/tty.log" 2>&1
  check "a progress line on a terminal" grep -q "$good_count/$good_count inputs, 0 failed" "$work/tty.log"
  script -qc "'$mammocalc' summarize --quiet -o '$work/tty2' '$tree/good'" /dev/null >"$work/tty2.log" 2>&1
  check "--quiet silences the progress line" test ! -s "$work/tty2.log"
else
  echo "FAIL: script (Debian package bsdutils) is needed to test the progress line"; failed=$((failed + 1))
fi

# Skipped, not failed: an SR that is not a breast-imaging report.
cat >"$work/dose.dump" <<'DUMP'
(0008,0016) UI =XRayRadiationDoseSRStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1363.902.1]
DUMP
"$dump2dcm" "$work/dose.dump" "$work/dose.dcm" >/dev/null 2>&1
"$mammocalc" summarize -o "$work/out3" samples/bir-known-malignancy.dcm "$work/dose.dcm" --rollup-csv "$work/rollup.csv"
status=$?
check "a dose report is skipped and the batch exits 0 (got $status)" test "$status" -eq 0
check "the dose report is listed as skipped" grep -q 'dose.dcm" status="skipped" errorCode="other-sr-document"' "$work/out3/index.xml"
check "the roll-up CSV has a header" grep -q '^measure,value,findings$' "$work/rollup.csv"
check "the roll-up CSV counts categories" grep -q '^category,6,1$' "$work/rollup.csv"
# Hostile review 51, H51-2: a FIFO found in an input directory never blocks the run (batch, hook):
# one failed entry says it, and the other inputs are summarised.
mkdir -p "$work/fifo-in/sub"
cp samples/bir-known-malignancy.dcm "$work/fifo-in/sub/"
mkfifo "$work/fifo-in/stray.fifo"
timeout 60 "$mammocalc" summarize -o "$work/fifo-out" "$work/fifo-in" 2>"$work/err"
status=$?
check "a FIFO in an input directory: the batch ends, exit 1 (got $status)" test "$status" -eq 1
check "... the FIFO is one failed entry saying so" \
  grep -q 'stray.fifo" status="failed" errorCode="not-a-regular-file">[^<]*not a regular file (a FIFO)' "$work/fifo-out/index.xml"
check "... the SR beside it is summarised" grep -q 'bir-known-malignancy.dcm" status="summarised"' "$work/fifo-out/index.xml"
timeout 60 "$mammocalc" hook --out "$work/fifo-hook" "$work/fifo-in" 2>"$work/err"
status=$?
check "a FIFO in a hook's input directory: hook ends, exit 1 (got $status)" test "$status" -eq 1
check "... and summarises the SR beside it" test "$(ls "$work/fifo-hook" | grep -c '\.xml$')" -eq 1

# Hostile review 50, H50-9: one summary is never written into a batch's output directory, where
# it would take the index's name (or another exam's summary) and stop the next batch there.
index_before=$(sha256sum <"$work/out3/index.xml")
for name in index.xml other.xml; do
  "$mammocalc" summarize -o "$work/out3/$name" samples/bir-known-malignancy.dcm 2>"$work/err"
  status=$?
  check "summarize -o OUTDIR/$name into a batch's directory: exit 2 (got $status)" test "$status" -eq 2
  check "... one line naming the directory" grep -q "is the output directory of a batch, hook or serve" "$work/err"
  check "... nothing written" test ! -e "$work/out3/other.xml"
done
check "... the index is unchanged" test "$(sha256sum <"$work/out3/index.xml")" = "$index_before"
# Hostile review 51, H51-4: nor any other single output, nor one beside a batch whose naming file
# is lost (its index tells it).
"$mammocalc" summarize --dicom-out "$work/out3/other.dcm" samples/bir-known-malignancy.dcm >/dev/null 2>"$work/err"
check "summarize --dicom-out OUTDIR/FILE into a batch's directory: exit 2 (got $?)" \
  grep -q "is the output directory of a batch, hook or serve" "$work/err"
"$mammocalc" review --html "$work/out3/index.html" samples/bir-known-malignancy.dcm 2>"$work/err"
status=$?
check "review --html OUTDIR/index.html: exit 2 (got $status)" test "$status" -eq 2
check "... nothing written" test ! -e "$work/out3/index.html" -a ! -e "$work/out3/other.dcm"
"$mammocalc" hook --out "$work/hook-dir" samples/bir-known-malignancy.dcm >/dev/null 2>&1
"$mammocalc" summarize -o "$work/hook-dir/.mammocalc-exams/naming" samples/bir-known-malignancy.dcm 2>"$work/err"
status=$?
check "-o into a hook's record of exams: exit 2 (got $status)" test "$status" -eq 2
cp -r "$work/out3" "$work/out3-unnamed"
rm "$work/out3-unnamed/.mammocalc-naming"
"$mammocalc" summarize -o "$work/out3-unnamed/index.xml" samples/bir-known-malignancy.dcm 2>"$work/err"
status=$?
check "-o OUTDIR/index.xml where .mammocalc-naming is lost: exit 2, told by the index (got $status)" \
  bash -c "test $status -eq 2 && grep -q '(index.xml)' '$work/err'"
# Hostile review 53, H53-1: nor the result SRs of a batch, a hook call or serve in another run's
# output directory, where one of them replaced serve's SR that said the exam needs review. Their
# own output directory is theirs (hook --dicom-out, --dicom-dir OUTDIR).
hook_sr_before=$(cat "$work"/hook-dir/*.xml | sha256sum)
"$mammocalc" summarize -o "$work/out-h53" --dicom-out "$work/hook-dir" samples/bir-known-malignancy.dcm \
  samples/bir-overall-suspicious.dcm >/dev/null 2>"$work/err"
status=$?
check "batch --dicom-out into a hook's directory: exit 2 (got $status)" \
  bash -c "test $status -eq 2 && grep -q 'is the output directory of a batch, hook or serve' '$work/err'"
check "... nothing of the batch made" test ! -e "$work/out-h53"
"$mammocalc" hook --out "$work/hook-h53" --dicom-dir "$work/out3" samples/bir-known-malignancy.dcm \
  >/dev/null 2>"$work/err"
status=$?
check "hook --dicom-dir into a batch's directory: exit 2 (got $status)" test "$status" -eq 2
"$mammocalc" hook --out "$work/hook-dir" --dicom-dir "$work/hook-dir" samples/bir-known-malignancy.dcm \
  >/dev/null 2>"$work/err"
check "hook --dicom-dir into its own output directory: accepted (got $?)" \
  bash -c "ls '$work'/hook-dir/*.dcm >/dev/null"
check "... the hook's summaries are its own" test "$(cat "$work"/hook-dir/*.xml | sha256sum)" = "$hook_sr_before"
timeout 20 "$mammocalc" serve --port 1 --out "$work/serve-h53" --dicom-dir "$work/out3" 2>"$work/err"
status=$?
check "serve --dicom-dir into a batch's directory: exit 2 before listening (got $status)" \
  bash -c "test $status -eq 2 && ! grep -q listening '$work/err'"
# Hostile review 54, H54-2: an SR directory apart from its run's output directory is that run's
# too (.mammocalc-sr-owner): no other run's result SRs there, the same run again is welcome.
"$mammocalc" hook --out "$work/hook-h54" --dicom-dir "$work/sr-h54" samples/bir-known-malignancy.dcm \
  >/dev/null 2>&1
sr_before=$(cat "$work"/sr-h54/*.dcm | sha256sum)
"$mammocalc" summarize -o "$work/out-h54" --dicom-out "$work/sr-h54" samples/bir-known-malignancy.dcm \
  samples/bir-overall-suspicious.dcm >/dev/null 2>"$work/err"
status=$?
check "batch --dicom-out into a hook's SR directory: exit 2 (got $status)" test "$status" -eq 2
"$mammocalc" summarize --dicom-out "$work/sr-h54" samples/bir-known-malignancy.dcm >/dev/null 2>&1
status=$?
check "single --dicom-out into a hook's SR directory: exit 2 (got $status)" test "$status" -eq 2
"$mammocalc" hook --out "$work/hook-h54-other" --dicom-dir "$work/sr-h54" \
  samples/bir-known-malignancy.dcm >/dev/null 2>&1
status=$?
check "another hook's --dicom-dir into it: exit 2 (got $status)" test "$status" -eq 2
timeout 20 "$mammocalc" serve --port 1 --out "$work/serve-h54" --dicom-dir "$work/sr-h54" 2>"$work/err"
status=$?
check "serve --dicom-dir into it: exit 2 before listening (got $status)" \
  bash -c "test $status -eq 2 && ! grep -q listening '$work/err'"
check "... the hook's result SR is unchanged" test "$(cat "$work"/sr-h54/*.dcm | sha256sum)" = "$sr_before"
"$mammocalc" hook --out "$work/hook-h54" --dicom-dir "$work/sr-h54" samples/bir-overall-suspicious.dcm \
  >/dev/null 2>&1
check "the same hook output directory again: accepted (got $?)" test "$(ls "$work"/sr-h54/*.dcm | wc -l)" -eq 2
# Hostile review 55, H55-3: a marker that is no small regular file (a FIFO) is no owner, read
# without blocking: serve refuses at once.
mkdir -p "$work/sr-fifo"
mkfifo "$work/sr-fifo/.mammocalc-sr-owner"
timeout 20 "$mammocalc" serve --port 1 --out "$work/serve-fifo" --dicom-dir "$work/sr-fifo" 2>/dev/null
status=$?
check "serve --dicom-dir whose marker is a FIFO: exit 2 at once (got $status)" test "$status" -eq 2
# H53-2, H53-3: the roll-up CSV takes no result SR's place and no guard file's.
for csv in "$work/srd-h53/x.csv" "$work/out-h53b/.mammocalc-naming"; do
  "$mammocalc" summarize -o "$work/out-h53b" --dicom-out "$work/srd-h53" --rollup-csv "$csv" \
    samples/bir-known-malignancy.dcm samples/bir-overall-suspicious.dcm >/dev/null 2>"$work/err"
  status=$?
  check "--rollup-csv $csv: exit 2 (got $status)" test "$status" -eq 2
done

# Hostile review 46, H46-9: a breast imaging report under a key object's SOP Class is a damaged
# report: failed (exit 1, one line naming the file), never skipped in silence.
cp samples/bir-overall-suspicious.dcm "$work/kos-report.dcm"
dcmodify -nb -m "(0008,0016)=1.2.840.10008.5.1.4.1.1.88.59" "$work/kos-report.dcm"
"$mammocalc" summarize -o "$work/out-kos" "$work/kos-report.dcm" samples/bir-known-malignancy.dcm >/dev/null 2>"$work/kos.err"
status=$?
check "H46-9: a breast report under the KOS class fails the batch (exit 1, got $status)" test "$status" -eq 1
check "... listed as failed (invalid-sr), said on one line naming the file" \
  bash -c "grep -q 'kos-report.dcm\" status=\"failed\" errorCode=\"invalid-sr\"' '$work/out-kos/index.xml' && grep -q 'kos-report.dcm: a breast imaging report (root concept (111400, DCM)) under SOP Class' '$work/kos.err'"
check "... the other input still summarised" grep -q 'bir-known-malignancy.dcm" status="summarised"' "$work/out-kos/index.xml"
# Hostile review 54, H54-7: a SOP Class UID that is no valid UID is not repeated (it may hold a
# patient's name).
cp samples/bir-overall-suspicious.dcm "$work/bad-class.dcm"
dcmodify -nb -m "(0008,0016)=1.2.840.10008.5.1.4.1.1.88.DOE^JANE7" "$work/bad-class.dcm"
"$mammocalc" summarize "$work/bad-class.dcm" >/dev/null 2>"$work/bad-class.err"
check "H54-7: an invalid SOP Class UID fails without repeating it" \
  bash -c "grep -q 'bad-class.dcm: .*not a valid UID' '$work/bad-class.err' && ! grep -q 'JANE' '$work/bad-class.err'"
# Hostile review 53, H53-5: an SR class DCMTK does not implement (Extensible SR in 3.6.7) fails
# with its reason, not as damaged content.
cp samples/bir-overall-suspicious.dcm "$work/extensible.dcm"
dcmodify -nb -m "(0008,0016)=1.2.840.10008.5.1.4.1.1.88.35" "$work/extensible.dcm"
"$mammocalc" summarize "$work/extensible.dcm" >/dev/null 2>"$work/ext.err"
status=$?
check "H53-5: an Extensible SR fails (exit 1, got $status) saying the toolkit does not implement it" \
  bash -c "test $status -eq 1 && grep -q 'extensible.dcm: SOP Class .*88.35.* does not implement it' '$work/ext.err'"

# --files-from, from a file and from standard input.
ls samples/bir-*.dcm >"$work/list"
"$mammocalc" summarize -o "$work/out4" --files-from "$work/list" 2>/dev/null
check "--files-from FILE exits 0" test $? -eq 0
check "--files-from FILE summarises the list" test "$(grep -c 'status="summarised"' "$work/out4/index.xml")" -eq "$(wc -l <"$work/list")"
"$mammocalc" summarize -o "$work/out5" --files-from - <"$work/list" 2>/dev/null
check "--files-from - reads standard input" diff -r "$work/out4" "$work/out5"

# SIGKILL mid-run leaves no partial file; --skip-existing finishes the rest.
big=$work/big
mkdir -p "$big"
for i in $(seq 1 600); do cp samples/cad-clusters-by-reference.dcm "$big/copy-$i.dcm"; done
"$mammocalc" summarize -o "$work/killed" --jobs 2 "$big" 2>/dev/null &
pid=$!
for _ in $(seq 1 200); do
  [[ -n $(ls "$work/killed" 2>/dev/null | head -n 20 | sed -n 20p) ]] && break
  sleep 0.01
done
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "a killed run leaves no temporary file" no_temporary_files "$work/killed"
partial=0
for summary in "$work/killed"/*.xml; do
  [[ -f $summary ]] || continue
  "$xmllint" --noout "$summary" 2>/dev/null || partial=$((partial + 1))
done
check "a killed run leaves no partial summary" test "$partial" -eq 0
check "a killed run leaves no index" test ! -f "$work/killed/index.xml"
"$mammocalc" summarize -o "$work/killed" --jobs 2 --skip-existing "$big" 2>/dev/null
check "--skip-existing finishes the run (exit 0)" test $? -eq 0
check "--skip-existing: every input is in the index" test "$(grep -c 'status="summarised"' "$work/killed/index.xml")" -eq 600
"$mammocalc" summarize -o "$work/unkilled" --jobs 1 "$big" 2>/dev/null
check "--skip-existing: the summaries equal an uninterrupted run" diff -r -x index.xml "$work/killed" "$work/unkilled"
# What a power failure can leave of an unflushed summary: an empty file, or one cut short.
damaged=("$work/killed"/*-7.xml "$work/killed"/*-8.xml)
: >"${damaged[0]}"
head -c 300 "$work/unkilled/$(basename "${damaged[1]}")" >"${damaged[1]}"
"$mammocalc" summarize -o "$work/killed" --jobs 2 --skip-existing "$big" 2>/dev/null
check "--skip-existing rewrites empty and cut-short summaries" diff -r -x index.xml "$work/killed" "$work/unkilled"
# --skip-existing keeps an earlier summary only when this run's inputs give the same one, byte
# for byte (hostile review, issue 18, F8): an annotation file added since made the exam need
# review, and the benign summary of the earlier run was kept. Changed inputs are summarised
# again, said in the index (replaced="true") and on standard error.
mkdir -p "$work/stale-in" "$work/stale-notes"
cp samples/bir-benign-coarse-vascular.dcm samples/bir-known-malignancy.dcm "$work/stale-in/"
"$mammocalc" summarize -o "$work/stale" --annotations "$work/stale-notes" --html "$work/stale-in" 2>/dev/null
check "stale: the first run exits 0" test $? -eq 0
cp -r "$work/stale" "$work/stale-first"
"$mammocalc" summarize -o "$work/stale" --annotations "$work/stale-notes" --html --skip-existing \
  "$work/stale-in" 2>"$work/stale.err"
check "stale, inputs unchanged: every summary kept (existing)" \
  test "$(grep -c 'existing="true"' "$work/stale/index.xml")" -eq 2
check "stale, inputs unchanged: nothing replaced, nothing said" \
  bash -c "! grep -q 'replaced=' '$work/stale/index.xml' && test ! -s '$work/stale.err'"
check "stale, inputs unchanged: the files are the first run's" \
  diff -rq -x index.xml -x index.html "$work/stale-first" "$work/stale"
benign=$(grep -l 'classification="benign"' "$work/stale"/*.xml | grep -v index.xml)
check "stale: the benign exam's summary is found" test -n "$benign" -a "$(echo "$benign" | wc -l)" -eq 1
printf '<?xml version="1.0"?>\n<annotati' >"$work/stale-notes/being-written.xml"
"$mammocalc" summarize -o "$work/stale" --annotations "$work/stale-notes" --html --skip-existing \
  "$work/stale-in" 2>"$work/stale.err"
"$mammocalc" summarize -o "$work/fresh" --annotations "$work/stale-notes" --html "$work/stale-in" 2>/dev/null
check "stale, an annotation file added: the summaries equal a fresh run's" \
  diff -rq -x index.xml -x index.html "$work/fresh" "$work/stale"
check "stale, an annotation file added: the benign exam now needs review" \
  grep -q '<exam [^>]*needsReview="true"' "$benign"
check "stale, an annotation file added: the index says review, not the kept benign" \
  bash -c "grep '$(basename "$benign")' '$work/stale/index.xml' | grep -q 'needsReview=\"true\"'"
check "stale, an annotation file added: both entries replaced, none kept" \
  bash -c "test \$(grep -c 'replaced=\"true\"' '$work/stale/index.xml') -eq 2 && ! grep -q 'existing=' '$work/stale/index.xml'"
check "stale, an annotation file added: each replaced summary said on standard error" \
  test "$(grep -c "summarised again" "$work/stale.err")" -eq 2
check "stale: the index holds to its schema" "$xmllint" --noout --schema schemas/index.xsd "$work/stale/index.xml"
# An option that changes the summary (--redact) is a changed input too.
"$mammocalc" summarize -o "$work/stale" --annotations "$work/stale-notes" --html --skip-existing \
  --redact "$work/stale-in" 2>/dev/null
check "stale, --redact added: summarised again (2 replaced)" \
  test "$(grep -c 'replaced="true"' "$work/stale/index.xml")" -eq 2

# --html: a review page per exam beside its summary and index.html linking them all.
"$mammocalc" summarize -o "$work/pages" --html samples/*.dcm 2>/dev/null
check "--html batch exits 0" test $? -eq 0
summaries=$(ls "$work/pages" | grep -v '^index' | grep -c '\.xml$')
pages=$(ls "$work/pages" | grep -v '^index' | grep -c '\.html$')
check "--html: one page per summary ($pages pages, $summaries summaries)" test "$pages" -eq "$summaries" -a "$pages" -gt 0
check "--html: index.html is written" test -s "$work/pages/index.html"
broken=0
for link in $(grep -o 'href="[^"]*"' "$work/pages/index.html" | sed 's/href="//; s/"$//'); do
  [[ -f $work/pages/$link ]] || broken=$((broken + 1))
done
check "--html: every link of index.html leads to a page" test "$broken" -eq 0 -a "$(grep -c 'href=' "$work/pages/index.html")" -eq "$pages"
check "--html: index.html has the roll-up bar charts" grep -q "Findings per biopsy type" "$work/pages/index.html"
review_rows=$(grep -o '<td>needs radiologist review</td>' "$work/pages/index.html" | wc -l)
review_entries=$(grep -c 'needsReview="true"' "$work/pages/index.xml")
check "--html: index.html marks each exam needing review ($review_rows of $review_entries)" \
  test "$review_rows" -eq "$review_entries" -a "$review_entries" -gt 0
wellformed=0
for page in "$work/pages"/*.html; do "$xmllint" --noout "$page" 2>/dev/null && wellformed=$((wellformed + 1)); done
check "--html: every page is well-formed" test "$wellformed" -eq $((pages + 1))
"$mammocalc" summarize --html samples/bir-site-conflict.dcm >/dev/null 2>&1
check "--html without a batch is a usage error (2)" test $? -eq 2

# Exit status 3 when the output cannot be written; 2 for usage.
touch "$work/not-a-dir"
"$mammocalc" summarize -o "$work/not-a-dir/sub" samples/bir-known-malignancy.dcm samples/bir-site-conflict.dcm 2>"$work/err"
status=$?
check "an output directory that cannot be created exits 3 (got $status)" test "$status" -eq 3
"$mammocalc" summarize samples/bir-known-malignancy.dcm samples/bir-site-conflict.dcm 2>/dev/null
check "several inputs without -o is a usage error" test $? -eq 2
# Whether it is a batch is decided by the run, after parsing: --jobs only counts in a batch, and
# the batch run makes the --dicom-out directory or refuses a file there before writing anything.
"$mammocalc" summarize --jobs 0 -o "$work/jobs0" "$tree/good" 2>"$work/err"
check "--jobs 0 in a batch (a directory) is a usage error (2)" test $? -eq 2
check "... saying so" grep -qx "mammocalc: summarize: --jobs must be a whole number from 1 to 256, not '0' (see 'mammocalc summarize --help')" "$work/err"
"$mammocalc" summarize -o "$work/out7" --dicom-out "$work/not-a-dir" samples/bir-known-malignancy.dcm samples/bir-site-conflict.dcm 2>"$work/err"
check "a batch --dicom-out that is a file is a usage error (2)" test $? -eq 2
check "... saying it must be a directory" grep -qx "mammocalc: summarize: --dicom-out in a batch must be a directory" "$work/err"
check "... and nothing is written" test ! -e "$work/out7"
"$mammocalc" summarize -o "$work/out6" samples/bir-known-malignancy.dcm "$work/does-not-exist" 2>/dev/null
check "a missing input fails its entry, not the batch (exit 1)" test $? -eq 1
check "the missing input is in the index" grep -q 'does-not-exist" status="failed" errorCode="file-not-found"' "$work/out6/index.xml"
check "the other input is summarised" grep -q 'bir-known-malignancy.dcm" status="summarised"' "$work/out6/index.xml"

# Every failed input is said once on standard error, --quiet or not (issue 15); skipped inputs
# (the dose report) say nothing; the index is as ever.
printf 'not DICOM\n' >"$work/said.txt"
for quiet in "" --quiet; do
  name=${quiet:-default}
  "$mammocalc" summarize $quiet -o "$work/said-$name" samples/*.dcm "$work/dose.dcm" "$work/said-missing.dcm" "$work/said.txt" \
    >"$work/said-$name.out" 2>"$work/said-$name.err"
  status=$?
  check "failed inputs ($name): exit 1 (got $status)" test "$status" -eq 1
  check "failed inputs ($name): exactly two lines on stderr" test "$(wc -l <"$work/said-$name.err")" -eq 2
  check "failed inputs ($name): the missing file, as mammocalc: FILE: reason" \
    grep -qx "mammocalc: $work/said-missing.dcm: .*" "$work/said-$name.err"
  check "failed inputs ($name): the text file, as mammocalc: FILE: reason" \
    grep -qx "mammocalc: $work/said.txt: .*" "$work/said-$name.err"
  check "failed inputs ($name): the skipped dose report says nothing" bash -c "! grep -q dose.dcm '$work/said-$name.err'"
  check "failed inputs ($name): nothing on stdout" test ! -s "$work/said-$name.out"
  check "failed inputs ($name): the index lists both as failed" bash -c \
    "grep -q 'said-missing.dcm\" status=\"failed\" errorCode=\"file-not-found\"' '$work/said-$name/index.xml' && grep -q 'said.txt\" status=\"failed\" errorCode=\"not-dicom\"' '$work/said-$name/index.xml'"
done
check "failed inputs: the same index with or without --quiet" diff "$work/said-default/index.xml" "$work/said---quiet/index.xml"
printf '%s\n' samples/bir-known-malignancy.dcm "$work/listed-missing.dcm" >"$work/said-list"
"$mammocalc" summarize --quiet -o "$work/said-list-out" --files-from "$work/said-list" 2>"$work/said-list.err"
status=$?
check "--files-from with a missing path: exit 1 (got $status)" test "$status" -eq 1
check "--files-from with a missing path: one line naming it" \
  bash -c "test \$(wc -l <'$work/said-list.err') -eq 1 && grep -qx 'mammocalc: $work/listed-missing.dcm: .*' '$work/said-list.err'"
"$mammocalc" summarize --quiet -o "$work/said-good" samples/bir-known-malignancy.dcm "$work/dose.dcm" 2>"$work/said-good.err"
check "a batch with only summarised and skipped inputs says nothing (exit 0)" test $? -eq 0 -a ! -s "$work/said-good.err"
if command -v script >/dev/null; then
  script -qc "'$mammocalc' summarize -o '$work/said-tty' samples/bir-known-malignancy.dcm '$work/said-missing.dcm'" /dev/null >"$work/said-tty.log" 2>&1
  check "on a terminal the failed input is said beside the progress line" grep -q "mammocalc: $work/said-missing.dcm: " "$work/said-tty.log"
  check "on a terminal the progress line still shows" grep -q "2/2 inputs, 1 failed" "$work/said-tty.log"
fi

# No output may be an input (issue 15): refused as a usage error before anything is written.
mkdir -p "$work/own"
cp samples/bir-known-malignancy.dcm "$work/own/in.dcm"
cp samples/bir-site-conflict.dcm "$work/own/other.dcm"
in_sum=$(sha256sum <"$work/own/in.dcm")
ln "$work/own/in.dcm" "$work/in-hardlink.dcm"
ln -s own/in.dcm "$work/in-symlink.dcm"
# The input itself, a hard link to it and a symbolic link to it: each is the same file.
for target in own/in.dcm in-hardlink.dcm in-symlink.dcm; do
  "$mammocalc" summarize -o "$work/own-out" --rollup-csv "$work/$target" "$work/own/in.dcm" "$work/own/other.dcm" 2>"$work/err"
  status=$?
  check "--rollup-csv onto $target: exit 2 (got $status)" test "$status" -eq 2
  check "--rollup-csv onto $target: one line saying so" \
    test "$(cat "$work/err")" = "mammocalc: $work/$target: output would overwrite the input"
  check "--rollup-csv onto $target: the input is unchanged" test "$(sha256sum <"$work/own/in.dcm")" = "$in_sum"
  check "--rollup-csv onto $target: no output directory" test ! -e "$work/own-out"
done
"$mammocalc" summarize -o "$work/own" "$work/own/" 2>"$work/err"
status=$?
check "-o DIR DIR/: exit 2 (got $status)" test "$status" -eq 2
check "-o DIR DIR/: one line saying why" \
  test "$(cat "$work/err")" = "mammocalc: $work/own: output directory is inside the input directory $work/own/; its summaries would be read as inputs next run"
check "-o DIR DIR/: nothing written" test "$(ls -A "$work/own" | wc -l)" -eq 2
"$mammocalc" summarize -o "$work/own/summaries" "$work/own" 2>"$work/err"
check "-o DIR/sub DIR: exit 2" test $? -eq 2
check "-o DIR/sub DIR: saying why" grep -qF "output directory is inside the input directory $work/own;" "$work/err"
check "-o DIR/sub DIR: nothing created" test ! -e "$work/own/summaries"
ln -s own "$work/own-link"
"$mammocalc" summarize -o "$work/own-link/summaries" "$work/own" 2>"$work/err"
check "-o through a symlink into the input directory: exit 2" test $? -eq 2
check "-o through a symlink into the input directory: nothing created" test ! -e "$work/own/summaries"
printf '%s\n' "$work/own" >"$work/own-list"
"$mammocalc" summarize -o "$work/own/sub" --files-from "$work/own-list" 2>"$work/err"
check "-o inside a directory listed in --files-from: exit 2" test $? -eq 2
"$mammocalc" summarize -o "$work/own-out" --dicom-out "$work/own/srs" "$work/own" 2>"$work/err"
check "--dicom-out inside the input directory: exit 2" test $? -eq 2
check "--dicom-out inside the input directory: saying why" \
  grep -qF "mammocalc: $work/own/srs: --dicom-out directory is inside the input directory $work/own;" "$work/err"
check "--dicom-out inside the input directory: nothing written" test ! -e "$work/own-out" -a ! -e "$work/own/srs"
"$mammocalc" summarize -o "$work/own-out" --dicom-out "$work/own" "$work/own/in.dcm" "$work/own/other.dcm" 2>"$work/err"
check "--dicom-out into the directory of the input files: exit 2" test $? -eq 2
check "--dicom-out into the directory of the input files: nothing written" \
  test ! -e "$work/own-out" -a "$(ls -A "$work/own" | wc -l)" -eq 2
"$mammocalc" summarize -o "$work/own-out" --dicom-out "$work/own-srs" --rollup-csv "$work/own.csv" "$work/own" 2>"$work/err"
status=$?
check "outputs beside the input directory are fine (exit 0, got $status)" test "$status" -eq 0
check "... and the run writes them" test -s "$work/own-out/index.xml" -a -s "$work/own.csv" -a "$(ls "$work/own-srs" | wc -l)" -eq 2

# A real archive folder (issue 15): the breast SRs among what archives also hold. Everything else
# is skipped with its reason and the batch exits 0; each file is read once, however it is reached.
dcmtk_bin=$(dirname "$dump2dcm")
archive=$work/archive
mkdir -p "$archive/study/sub" "$work/media"
cp samples/*.dcm "$archive/study/"
printf 'Archive of the breast unit\n' >"$archive/README.txt"
printf 'accession,date\nACC0108,20260101\n' >"$archive/export.csv"
printf '<?xml version="1.0"?>\n<export><study accession="ACC0108"/></export>\n' >"$archive/export.xml"
# A 2x2 24-bit BMP, made a Secondary Capture image by img2dcm.
printf 'BMF\0\0\0\0\0\0\0006\0\0\0(\0\0\0\2\0\0\0\2\0\0\0\1\0\30\0\0\0\0\0\20\0\0\0\23\13\0\0\23\13\0\0\0\0\0\0\0\0\0\0\377\0\0\0\377\0\0\0\0\0\377\377\377\377\0\0' >"$work/tiny.bmp"
"$dcmtk_bin/img2dcm" -i BMP "$work/tiny.bmp" "$archive/study/sub/image.dcm" >/dev/null 2>&1
cp "$tree/bad/deeper/ct.dcm" "$work/dose.dcm" "$archive/study/sub/"
# A Basic Text SR of another kind of report: an SR, not a breast-imaging one.
cat >"$work/chest.dump" <<'DUMP'
(0008,0016) UI =BasicTextSRStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1363.903.1]
(0008,0060) CS [SR]
(0020,000d) UI [1.2.826.0.1.3680043.10.1363.903.2]
(0020,000e) UI [1.2.826.0.1.3680043.10.1363.903.3]
(0040,a040) CS [CONTAINER]
(0040,a043) SQ (Sequence with explicit length #=1)
  (fffe,e000) na (Item with explicit length #=3)
    (0008,0100) SH [18748-4]
    (0008,0102) SH [LN]
    (0008,0104) LO [Diagnostic imaging report]
  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
(fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
(0040,a050) CS [SEPARATE]
(0040,a491) CS [COMPLETE]
(0040,a493) CS [UNVERIFIED]
(0040,a730) SQ (Sequence with explicit length #=1)
  (fffe,e000) na (Item with explicit length #=4)
    (0040,a010) CS [CONTAINS]
    (0040,a040) CS [TEXT]
    (0040,a043) SQ (Sequence with explicit length #=1)
      (fffe,e000) na (Item with explicit length #=3)
        (0008,0100) SH [121071]
        (0008,0102) SH [DCM]
        (0008,0104) LO [Finding]
      (fffe,e00d) na (ItemDelimitationItem for re-encoding)
    (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
    (0040,a160) UT [Chest clear.]
  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
(fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
DUMP
"$dump2dcm" "$work/chest.dump" "$archive/study/sub/chest.dcm" >/dev/null 2>&1
# A DICOMDIR by its name, and a copy under another name told by its meta header.
cp samples/bir-known-malignancy.dcm "$work/media/SR1"
(cd "$work/media" && "$dcmtk_bin/dcmmkdir" --general-purpose SR1 >/dev/null 2>&1)
cp "$work/media/DICOMDIR" "$archive/DICOMDIR"
cp "$work/media/DICOMDIR" "$archive/study/sub/media-index.dcm"
# A breast SR as a bare dataset, without the preamble: DICOM, as DCMTK reads it.
"$dcmtk_bin/dcmconv" -F samples/bir-site-conflict.dcm "$archive/study/sub/bare-dataset" >/dev/null 2>&1
# mammocalc's own SR, written beside the others as a PACS archive holds it.
"$mammocalc" summarize samples/bir-known-malignancy.dcm --dicom-out "$archive/study/sub/" >/dev/null
# The same SR again: a symlink, a hard link; and on the command line the directory, a file in it
# and that file once more.
ln -s ../bir-known-malignancy.dcm "$archive/study/sub/link.dcm"
ln "$archive/study/bir-site-conflict.dcm" "$archive/study/sub/hard.dcm"
for made in sub/image.dcm sub/chest.dcm sub/bare-dataset; do
  check "archive: $made was made" test -s "$archive/study/$made"
done
check "archive: the DICOMDIR was made" test -s "$archive/DICOMDIR"
summarised_expected=$((good_count + 1))
skipped_expected=10 # README, CSV, XML; image, CT; dose; chest; own SR; two DICOMDIRs
"$mammocalc" summarize -o "$work/arch-out" --html "$archive" "$archive/study/bir-known-malignancy.dcm" \
  "$archive/study/bir-known-malignancy.dcm" >"$work/arch.out" 2>"$work/arch.err"
status=$?
check "archive: exit 0 (got $status)" test "$status" -eq 0
# The bare dataset is bir-site-conflict.dcm again (one SOP Instance UID): the one line on standard
# error says so (H31-6); skipped inputs are no errors and say nothing there.
check "archive: on stderr only the one exam read twice (skipped inputs are no errors)" \
  test "$(grep -v 'sub/bare-dataset: the same exam as .*bir-site-conflict.dcm' "$work/arch.err")" = ""
check "... said once" test "$(wc -l <"$work/arch.err")" -eq 1
aindex=$work/arch-out/index.xml
check "archive: index.xml validates" bash -c "\"$xmllint\" --noout --schema schemas/index.xsd \"$aindex\" 2>/dev/null"
check "archive: every breast SR summarised, each once ($summarised_expected)" \
  grep -q "inputs=\"$((summarised_expected + skipped_expected))\" summarised=\"$summarised_expected\" skipped=\"$skipped_expected\" failed=\"0\"" "$aindex"
check "archive: one summary file per breast SR" test "$(ls "$work/arch-out" | grep -v '^index' | grep -c '\.xml$')" -eq "$summarised_expected"
check "archive: the bare dataset is summarised" grep -q 'bare-dataset" status="summarised"' "$aindex"
check "archive: the file named twice more is listed once" test "$(grep -c 'study/bir-known-malignancy.dcm"' "$aindex")" -eq 1
check "archive: the symlink and the hard link are not read again" bash -c "! grep -q -e 'link.dcm\"' -e 'hard.dcm\"' '$aindex'"
for skipped in 'README.txt:not-dicom' 'export.csv:not-dicom' 'export.xml:not-dicom' 'image.dcm:unsupported-sop-class' \
  'ct.dcm:unsupported-sop-class' 'dose.dcm:other-sr-document' 'chest.dcm:not-breast-imaging' \
  'DICOMDIR:dicomdir' 'media-index.dcm:dicomdir'; do
  check "archive: ${skipped%%:*} skipped as ${skipped#*:}" grep -q "${skipped%%:*}\" status=\"skipped\" errorCode=\"${skipped#*:}\"" "$aindex"
done
check "archive: the own SR skipped as own-summary" grep -q 'sub/[0-9.]*\.dcm" status="skipped" errorCode="own-summary"' "$aindex"
check "archive: a short reason for the text files" grep -q 'README.txt: not a DICOM file (no DICM preamble, no readable dataset)<' "$aindex"
for count in not-dicom:3 unsupported-sop-class:2 other-sr-document:1 not-breast-imaging:1 own-summary:1 dicomdir:2; do
  check "archive: the roll-up counts ${count%%:*} (${count#*:})" grep -Eq "<skipped reason=\"${count%%:*}\" count=\"${count#*:}\" ?/>" "$aindex"
done
ahtml=$work/arch-out/index.html
check "archive: index.html is well-formed" bash -c "\"$xmllint\" --noout '$ahtml' 2>/dev/null"
for line in "Inputs: $((summarised_expected + skipped_expected))" "Summarised: $summarised_expected" \
  "Skipped: $skipped_expected" "Failed: 0" "3 not DICOM files (not-dicom)" "2 DICOMDIR files (dicomdir)" \
  "2 DICOM objects that are no SR, such as images (unsupported-sop-class)"; do
  check "archive: index.html says $line" grep -qF "<li>$line" "$ahtml"
done
check "archive: index.html shows each exam's accession number" grep -qF '<td>ACC0108</td>' "$ahtml"
check "archive: an accession number for every summarised exam" \
  test "$(grep -c '<td>ACC[0-9]*</td>' "$ahtml")" -eq "$summarised_expected"

# Named on the command line, what is no breast SR stays an error: exit 1, said once.
for named in "$archive/README.txt" "$archive/study/sub/image.dcm" "$archive/DICOMDIR"; do
  "$mammocalc" summarize -o "$work/named-out" samples/bir-known-malignancy.dcm "$named" 2>"$work/err"
  status=$?
  check "named ${named##*/}: exit 1 (got $status)" test "$status" -eq 1
  check "named ${named##*/}: one line, mammocalc: FILE: reason" \
    bash -c "test \$(wc -l <'$work/err') -eq 1 && grep -qx 'mammocalc: $named: .*' '$work/err'"
  check "named ${named##*/}: failed in the index" grep -q "${named##*/}\" status=\"failed\"" "$work/named-out/index.xml"
done
"$mammocalc" summarize -o "$work/named-out" "$archive" "$archive/README.txt" 2>"$work/err"
check "a file both found and named counts as named (exit 1)" test $? -eq 1
check "... listed once, as failed" test "$(grep -c 'README.txt"' "$work/named-out/index.xml")" -eq 1 -a \
  "$(grep -c 'README.txt" status="failed"' "$work/named-out/index.xml")" -eq 1

# --files-from takes a list, never a directory: a usage error before anything is written.
"$mammocalc" summarize -o "$work/from-dir-out" --files-from "$archive" 2>"$work/err"
status=$?
check "--files-from DIR: exit 2 (got $status)" test "$status" -eq 2
check "--files-from DIR: one line naming it" bash -c "test \$(wc -l <'$work/err') -eq 1 && grep -qx 'mammocalc: $archive: .*' '$work/err'"
check "--files-from DIR: nothing written" test ! -e "$work/from-dir-out"

# Found in a directory, a file without the preamble that is too large to read is no DICOM file
# (skipped); a DICOM file too large is an error.
mkdir -p "$work/large"
head -c 1200000 /dev/zero >"$work/large/video.bin"
cp "$work/large/video.bin" "$work/large/padded.dcm"
printf 'DICM' | dd of="$work/large/padded.dcm" bs=1 seek=128 conv=notrunc 2>/dev/null
"$mammocalc" summarize --max-input-mb 1 -o "$work/large-out" "$work/large" samples/bir-known-malignancy.dcm 2>"$work/err"
check "too large, found: exit 1 for the DICOM file only" test $? -eq 1 -a "$(wc -l <"$work/err")" -eq 1
check "too large, found: the file without preamble skipped as not-dicom" \
  grep -q 'video.bin" status="skipped" errorCode="not-dicom">[^<]*too large to be read as a dataset' "$work/large-out/index.xml"
check "too large, found: the DICOM file failed" grep -q 'padded.dcm" status="failed" errorCode="limit-exceeded"' "$work/large-out/index.xml"

# Reports read from their text (issue 16): the index counts their findings per entry and in the
# roll-up, the roll-up CSV and index.html show the count.
gold=tests/narrative/gold
mkdir -p "$work/text-in"
built=0
for name in sus01_issue16_reproduction sus19_bilateral_pleomorphic neg01_screening_negative; do
  xml2dsr "$gold/sources/$name.xml" "$work/text-in/$name.dcm" 2>/dev/null &&
    dcmodify -nb -i "(0018,0015)=BREAST" "$work/text-in/$name.dcm" 2>/dev/null && built=$((built + 1))
done
check "the gold text reports build (xml2dsr, dcmodify)" test "$built" -eq 3
cp samples/bir-suspicious-stereotactic.dcm "$work/text-in/"
"$mammocalc" summarize -o "$work/text-out" --html --rollup-csv "$work/text-rollup.csv" "$work/text-in" 2>/dev/null
check "text batch exits 0" test $? -eq 0
tindex=$work/text-out/index.xml
check "text batch: index.xml validates" "$xmllint" --noout --schema schemas/index.xsd "$tindex"
check "text batch: the reproduction's entry counts its narrative finding" \
  grep -q 'sus01_issue16_reproduction.dcm" status="summarised".* findings="1" narrativeFindings="1"' "$tindex"
check "text batch: the bilateral report's entry counts two" \
  grep -q 'sus19_bilateral_pleomorphic.dcm" status="summarised".* narrativeFindings="2"' "$tindex"
check "text batch: the negative report's entry counts none" \
  grep -q 'neg01_screening_negative.dcm" status="summarised".* findings="0" narrativeFindings="0"' "$tindex"
check "text batch: a coded report's findings are not counted as narrative" \
  grep -q 'bir-suspicious-stereotactic.dcm" status="summarised".* findings="1" narrativeFindings="0"' "$tindex"
check "text batch: the roll-up counts 3 narrative findings of 4" \
  grep -q '<rollup findings="4" narrativeFindings="3"' "$tindex"
check "text batch: the roll-up CSV has the total" grep -qx 'total,narrative-findings,3' "$work/text-rollup.csv"
check "text batch: index.html has the column" grep -q '<th>From report text</th>' "$work/text-out/index.html"
check "text batch: index.html gives the roll-up's count" \
  grep -q 'findings read from report text (each needs radiologist review): 3' "$work/text-out/index.html"
# Hostile review 50, H50-6: the roll-up counts exams by their own category too, which for every
# input counted is the category its entry shows (a report's overall 5 beside benign findings).
entry_categories=$(grep -o '<entry [^>]*status="summarised"[^>]* category="[^"]*"' "$tindex" |
  sed 's/.*category="\([^"]*\)"/\1/' | sort | uniq -c | awk '{print $2 "=" $1}' | tr '\n' ' ')
exam_categories=$(sed -n '/<exams /,/<\/exams>/p' "$tindex" | grep -o '<category value="[^"]*" exams="[^"]*"' |
  sed 's/.*value="\([^"]*\)" exams="\([^"]*\)"/\1=\2/' | sort | tr '\n' ' ')
check "text batch: the roll-up's exams per category are the entries' categories ($exam_categories)" \
  test -n "$exam_categories" -a "$entry_categories" = "$exam_categories"
check "text batch: the roll-up counts 4 exams" grep -q '<exams count="4"' "$tindex"
check "text batch: the roll-up CSV counts exams" grep -qx 'exam-total,exams,4' "$work/text-rollup.csv"
check "text batch: index.html charts the exams per category" \
  grep -q 'Exams per BI-RADS category' "$work/text-out/index.html"

finish
