#!/usr/bin/env bash
# The command line as a user meets it: exit codes, one-line errors naming the file, no output on
# failure, atomic -o, stdin, --redact, rules. Run from the project root:
#   cli_test.sh MAMMOCALC DUMP2DCM XMLLINT
set -u
mammocalc=$1
dump2dcm=$2
xmllint=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

# Runs mammocalc, keeping exit status, stdout and stderr.
run() {
  "$mammocalc" "$@" >"$work/out" 2>"$work/err"
  status=$?
}

# A bad input: exit 1, one stderr line naming the file, nothing written with -o.
expect_input_error() {  # NAME FILE PATTERN
  local name=$1 file=$2 pattern=$3
  run summarize "$file" -o "$work/never.xml"
  check "$name: exit status 1 (got $status)" test "$status" -eq 1
  check "$name: one line on stderr" test "$(wc -l <"$work/err")" -eq 1
  check "$name: stderr names the file" grep -qF -- "$file" "$work/err"
  check "$name: stderr says why ($pattern)" grep -qE -- "$pattern" "$work/err"
  check "$name: no output file" test ! -e "$work/never.xml"
  check "$name: no temporary file left" test -z "$(ls -A "$work" | grep '^\.never' || true)"
}

# --- bad input ---
# A broken installation is said once, before any input, with its own exit status (4); commands
# that need no DICOM still work.
DCMDICTPATH=$work/no-dictionary.dic run summarize samples/bir-known-malignancy.dcm
check "no data dictionary: exit status 4 (got $status)" test "$status" -eq 4
check "no data dictionary: one line saying so" \
  test "$(cat "$work/err")" = "mammocalc: the DICOM data dictionary cannot be loaded (check DCMDICTPATH and the dcmtk installation)"
check "no data dictionary: nothing on stdout" test ! -s "$work/out"
DCMDICTPATH=$work/no-dictionary.dic run rules
check "no data dictionary: rules still lists the table" test "$status" -eq 0
DCMDICTPATH=$work/no-dictionary.dic run review samples/expected/bir-known-malignancy.xml
check "no data dictionary: review of a summary still works" test "$status" -eq 0
DCMDICTPATH=$work/no-dictionary.dic run summarize --annotations samples/annotation-only.annotations.xml
check "no data dictionary: an annotation-only run still works" test "$status" -eq 0
DCMDICTPATH=$work/no-dictionary.dic run review samples/bir-known-malignancy.dcm
check "no data dictionary: review of an SR exits 4 (got $status)" test "$status" -eq 4

expect_input_error "missing file" "$work/missing.dcm" "no such file"
printf 'This is a text file.\n' >"$work/notes.txt"
expect_input_error "text file" "$work/notes.txt" "not a (readable )?DICOM"
head -c 600 samples/bir-suspicious-vacuum-assisted.dcm >"$work/truncated.dcm"
expect_input_error "truncated DICOM" "$work/truncated.dcm" "not a readable DICOM file"
cat >"$work/ct.dump" <<'DUMP'
(0008,0016) UI =CTImageStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1363.900.1]
(0008,0060) CS [CT]
(0010,0010) PN [TEST^CT]
(0020,000d) UI [1.2.826.0.1.3680043.10.1363.900.2]
DUMP
"$dump2dcm" "$work/ct.dump" "$work/ct.dcm" >/dev/null 2>&1
expect_input_error "CT image" "$work/ct.dcm" "not a supported SR document.*CTImageStorage"
cat >"$work/dose.dump" <<'DUMP'
(0008,0016) UI =EnhancedSRStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1363.901.1]
(0008,0060) CS [SR]
(0010,0010) PN [TEST^DOSE]
(0020,000d) UI [1.2.826.0.1.3680043.10.1363.901.2]
(0020,000e) UI [1.2.826.0.1.3680043.10.1363.901.3]
(0040,a040) CS [CONTAINER]
(0040,a043) SQ (Sequence with undefined length)
  (fffe,e000) na (Item with undefined length)
    (0008,0100) SH [113701]
    (0008,0102) SH [DCM]
    (0008,0104) LO [X-Ray Radiation Dose Report]
  (fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a050) CS [SEPARATE]
(0040,a491) CS [COMPLETE]
(0040,a493) CS [UNVERIFIED]
DUMP
"$dump2dcm" "$work/dose.dump" "$work/dose.dcm" >/dev/null 2>&1
expect_input_error "SR not about breasts" "$work/dose.dcm" "not a breast imaging report"
# (A directory as input makes a batch run: tests/cli/batch_test.sh.)

# --- a good input ---
sample=samples/bir-suspicious-vacuum-assisted.dcm
run summarize "$sample"
check "good input exits 0" test "$status" -eq 0
check "good input prints nothing on stderr" test ! -s "$work/err"
cp "$work/out" "$work/stdout.xml"
run summarize "$sample" -o "$work/summary.xml"
check "-o exits 0" test "$status" -eq 0
check "-o writes what stdout shows" cmp -s "$work/summary.xml" "$work/stdout.xml"
check "-o leaves no temporary file" test -z "$(ls -A "$work" | grep '\.tmp-' || true)"
check "summary validates" "$xmllint" --noout --schema schemas/summary.xsd "$work/summary.xml"
# Hostile review 74: a failed run left the earlier run's summary (another exam's) at -o FILE.
cp "$work/summary.xml" "$work/earlier.xml"
run summarize "$work/truncated.dcm" -o "$work/earlier.xml"
check "failed -o run: exit 1 (got $status)" test "$status" -eq 1
check "failed -o run: the earlier summary is removed" test ! -e "$work/earlier.xml"
check "failed -o run: its removal is said" grep -q "earlier.xml: removed the summary an earlier run left" "$work/err"
check "failed -o run: the failure is said" grep -q "truncated.dcm: not a readable DICOM" "$work/err"
cp "$sample" "$work/input-copy.dcm"
run summarize "$work/input-copy.dcm" -o "$work/input-copy.dcm"
check "-o naming an input: exit 2 (got $status)" test "$status" -eq 2
check "-o naming an input: said" grep -q "input-copy.dcm" "$work/err"
check "-o naming an input: refused, the input kept" cmp -s "$sample" "$work/input-copy.dcm"
# A failure before the SR is read (a bad site profile) removes the earlier summary too.
cp "$work/summary.xml" "$work/earlier.xml"
printf '<siteProfile xmlns="urn:mammocalc:site-profile:1"><needleGauges core="99-1G"/></siteProfile>\n' >"$work/bad-profile.xml"
run summarize "$sample" --site-profile "$work/bad-profile.xml" -o "$work/earlier.xml"
check "bad site profile with -o: exit 1 (got $status)" test "$status" -eq 1
check "bad site profile with -o: the earlier summary is removed" test ! -e "$work/earlier.xml"
# Hostile review 76: only a mammocalc summary is removed; any other file there is kept, and said.
printf 'precious notes\n' >"$work/notes.txt"
run summarize "$work/truncated.dcm" -o "$work/notes.txt"
check "failed -o run over another file: exit 1 (got $status)" test "$status" -eq 1
check "failed -o run over another file: the file is kept" grep -q "precious notes" "$work/notes.txt"
check "failed -o run over another file: said" grep -q "notes.txt: left as it was" "$work/err"
"$mammocalc" summarize - <"$sample" >"$work/stdin.xml" 2>"$work/err"
check "stdin exits 0" test $? -eq 0
check "stdin names the input <stdin>" grep -q 'file="&lt;stdin' "$work/stdin.xml"
check "stdin gives the same findings" diff <(grep -v '<source ' "$work/stdin.xml") <(grep -v '<source ' "$work/stdout.xml")
run summarize --redact "$sample"
check "--redact leaves the patient out" bash -c "! grep -q -e '<patient' -e 'SAMPLE^VACUUM' -e 'MC-0003' '$work/out'"
check "without --redact the patient is there" grep -q '<patient id="MC-0003"' "$work/stdout.xml"
run summarize "$sample" -o "$work/no/such/dir/summary.xml"
check "unwritable output exits 3 (got $status)" test "$status" -eq 3
check "unwritable output names the path" grep -qF "$work/no/such/dir/summary.xml" "$work/err"
cp "$sample" "$work/input.dcm"
run summarize "$work/input.dcm" -o "$work/input.dcm"
check "output onto the input is refused with 2 (got $status)" test "$status" -eq 2
check "the input is not modified" cmp -s "$sample" "$work/input.dcm"
# No output may be an input, under any name (issue 15): a usage error, one line, nothing written.
expect_overwrite_refused() {  # NAME OUTPUT-AS-SAID ARGUMENTS...
  local name=$1 said=$2
  shift 2
  local before
  before=$(sha256sum <"$work/input.dcm")
  run summarize "$@"
  check "$name: exit status 2 (got $status)" test "$status" -eq 2
  check "$name: one line saying so" test "$(cat "$work/err")" = "mammocalc: $said: output would overwrite the input"
  check "$name: nothing on stdout" test ! -s "$work/out"
  check "$name: the input is unchanged" test "$(sha256sum <"$work/input.dcm")" = "$before"
}
expect_overwrite_refused "--dicom-out onto the input" "$work/input.dcm" "$work/input.dcm" --dicom-out "$work/input.dcm"
expect_overwrite_refused "--dicom-out onto the input, -o elsewhere" "$work/input.dcm" \
  "$work/input.dcm" -o "$work/never-summary.xml" --dicom-out "$work/input.dcm"
check "--dicom-out onto the input: no summary written" test ! -e "$work/never-summary.xml"
ln -s input.dcm "$work/input-symlink.dcm"
ln "$work/input.dcm" "$work/input-hardlink.dcm"
expect_overwrite_refused "--dicom-out onto a symlink to the input" "$work/input-symlink.dcm" \
  "$work/input.dcm" --dicom-out "$work/input-symlink.dcm"
expect_overwrite_refused "--dicom-out onto a hard link to the input" "$work/input-hardlink.dcm" \
  "$work/input.dcm" --dicom-out "$work/input-hardlink.dcm"
expect_overwrite_refused "-o onto a symlink to the input" "$work/input-symlink.dcm" \
  "$work/input.dcm" -o "$work/input-symlink.dcm"
expect_overwrite_refused "-o onto a hard link to the input" "$work/input-hardlink.dcm" \
  "$work/input.dcm" -o "$work/input-hardlink.dcm"
check "the symlink is still a symlink to the input" test "$(readlink "$work/input-symlink.dcm")" = input.dcm
cp samples/bir-suspicious-stereotactic.site-profile.xml "$work/profile-copy.xml"
run summarize --site-profile "$work/profile-copy.xml" "$work/input.dcm" -o "$work/profile-copy.xml"
check "-o onto the site profile is refused with 2 (got $status)" test "$status" -eq 2
check "-o onto the site profile: the profile is unchanged" \
  cmp -s samples/bir-suspicious-stereotactic.site-profile.xml "$work/profile-copy.xml"
# Hostile review 50, H50-1: standard input redirected from a file is that file: no output replaces it.
cp "$work/input.dcm" "$work/stdin-input.dcm"
for output in "-o $work/stdin-input.dcm" "--dicom-out $work/stdin-input.dcm"; do
  # shellcheck disable=SC2086  # the option and its path, split on purpose
  "$mammocalc" summarize - $output <"$work/stdin-input.dcm" >"$work/out" 2>"$work/err"
  status=$?
  check "stdin from a file, $output onto it: refused with 2 (got $status)" test "$status" -eq 2
  check "... the input unchanged" cmp -s "$work/input.dcm" "$work/stdin-input.dcm"
done
run summarize "$work/input.dcm" --dicom-out "$work/own-sr.dcm" -o "$work/with-sr.xml"
check "--dicom-out elsewhere still works (exit 0, got $status)" test "$status" -eq 0 -a -s "$work/own-sr.dcm" -a -s "$work/with-sr.xml"

# --- tolerant reading ---
if command -v dcmodify >/dev/null; then
  cp samples/bir-known-malignancy.dcm "$work/odd-relationship.dcm"
  dcmodify -nb -m "(0040,a730)[0].(0040,a010)=FOO" "$work/odd-relationship.dcm" >/dev/null 2>&1
  run summarize "$work/odd-relationship.dcm"
  check "a recoverable SR problem is read tolerantly (exit 0)" test "$status" -eq 0
  check "the tolerance used is a warning in the summary" grep -q 'code="tolerant-read">strict reading failed (Unknown Relationship Type); read with: unknown relationship types accepted' "$work/out"
  check "the findings are still there" grep -q '<finding id="F1"' "$work/out"
  run summarize --strict "$work/odd-relationship.dcm"
  check "--strict refuses it (exit 1)" test "$status" -eq 1
  # Hostile review 48, H48-12: an item read only by skipping it (here the report text, its value
  # type made unknown) is never a benign exam on what is left: content-skipped, 0, review (E8).
  cp samples/bir-benign-coarse-vascular.dcm "$work/skipped-item.dcm"
  dcmodify -nb -m "(0040,a730)[1].(0040,a730)[0].(0040,a730)[0].(0040,a040)=TXT" "$work/skipped-item.dcm" >/dev/null 2>&1
  run summarize "$work/skipped-item.dcm"
  check "H48-12: a skipped content item is said (content-skipped) and the exam is 0 with review" \
    bash -c "grep -q 'code=\"content-skipped\"' '$work/out' && grep -q '<exam category=\"0\" classification=\"indeterminate\"[^>]*needsReview=\"true\"' '$work/out'"
  # Hostile review 50, H50-3: where the skip took the findings too, what they held is unknown:
  # the summary and the review say none could be read, never that the report holds none.
  cp samples/bir-benign-coarse-vascular.dcm "$work/skipped-tree.dcm"
  dcmodify -nb -m "(0040,a730)[0].(0040,a040)=TXT" "$work/skipped-tree.dcm" >/dev/null 2>&1
  run summarize "$work/skipped-tree.dcm"
  cp "$work/out" "$work/skipped-tree.xml"
  check "H50-3: no finding read: the statement says content was skipped, not that there is none" \
    bash -c "grep -q 'No calcification finding could be read: content items were skipped' '$work/skipped-tree.xml' && ! grep -q 'contains no calcification finding' '$work/skipped-tree.xml'"
  run review --no-color "$work/skipped-tree.xml"
  check "H50-3: review says no finding was read, not that none was reported" \
    bash -c "grep -q 'no calcification finding read: content items were skipped' '$work/out' && ! grep -q 'no calcification finding reported' '$work/out'"
  # Hostile review 50, H50-4: a Distance from skin that is not one number is said (unknown-code)
  # and asks for review; never taken in part ("1\2" as 1 mm chose wire localization) or dropped.
  skin='(0040,a730)[2].(0040,a730)[1].(0040,a730)[1].(0040,a730)[3].(0040,a300)[0].(0040,a30a)'
  for value in 'abc' 'NaN' '12mm' '1\2' '-5'; do
    cp samples/bir-suspicious-stereotactic.dcm "$work/skin.dcm"
    dcmodify -nb -m "$skin=$value" "$work/skin.dcm" >/dev/null 2>&1
    run summarize "$work/skin.dcm"
    check "H50-4: distance from skin '$value' is said as not read, and the finding is reviewed" \
      bash -c "grep -q 'code=\"unknown-code\" position=\"1.3.2.2.4\">(121243, DCM, \"Distance from skin\")' '$work/out' && grep -q '<exam [^>]*needsReview=\"true\"' '$work/out' && ! grep -q 'distanceFromSkinMm' '$work/out'"
  done
  # Hostile review 51, H51-5: a qualifier ("Value out of range"), a floating point value that is
  # another number, or a unit whose meaning names another length: the distance is not used either.
  distance_item=${skin%.(0040,a300)*}
  measured=${skin%.(0040,a30a)}
  for case_name in floating-point qualifier unit-meaning; do
    cp samples/bir-suspicious-stereotactic.dcm "$work/skin.dcm"
    case $case_name in
      floating-point) dcmodify -nb -i "$measured.(0040,a161)=1.0" "$work/skin.dcm" ;;
      qualifier)
        dcmodify -nb -i "$distance_item.(0040,a301)[0].(0008,0100)=114009" \
          -i "$distance_item.(0040,a301)[0].(0008,0102)=DCM" \
          -i "$distance_item.(0040,a301)[0].(0008,0104)=Value out of range" "$work/skin.dcm" ;;
      unit-meaning) dcmodify -nb -m "$measured.(0040,08ea)[0].(0008,0100)=cm" "$work/skin.dcm" ;;
    esac >/dev/null 2>&1
    run summarize "$work/skin.dcm"
    check "H51-5: $case_name: the distance is not used and the finding is reviewed" \
      bash -c "grep -q 'code=\"unknown-[a-z]*\" position=\"1.3.2.2.4\">(121243, DCM, \"Distance from skin\")' '$work/out' && grep -q '<exam [^>]*needsReview=\"true\"' '$work/out' && ! grep -q 'distanceFromSkinMm' '$work/out'"
  done
  run hook --out "$work/hook-tolerant" "$work/odd-relationship.dcm"
  check "hook reads it tolerantly too (exit 0)" test "$status" -eq 0
  run hook --strict --out "$work/hook-strict" "$work/odd-relationship.dcm"
  check "hook --strict refuses it (exit 1)" test "$status" -eq 1
  check "hook --strict writes no summary for it" test -z "$(ls -A "$work/hook-strict")"
else
  echo "FAIL: dcmodify (Debian package dcmtk) is needed"; failed=$((failed + 1))
fi

# A summary hook (and serve) reports done only once the file is on disk under its name: the data
# flushed before the name is given, and the directory flushed after (a power failure must lose
# neither). Seen in the system calls.
if command -v strace >/dev/null; then
  mkdir -p "$work/durable"
  strace -f -o "$work/durable.strace" -e trace=openat,linkat,rename,renameat2,fsync \
    "$mammocalc" hook --out "$work/durable" samples/bir-known-malignancy.dcm >/dev/null 2>&1
  check "hook: the summary's directory is flushed after the summary is named" awk -v dir="$work/durable" '
    /linkat\(|rename/ && index($0, dir "/") { named = 1 }
    named && /O_DIRECTORY/ && index($0, "\"" dir "\"") { split($0, parts, "= "); fd = parts[2] + 0 }
    fd && $0 ~ ("fsync\\(" fd "\\) += 0") { synced = 1 }
    END { exit !synced }' "$work/durable.strace"
else
  echo "FAIL: strace (Debian package strace) is needed"; failed=$((failed + 1))
fi

# --- hook: the read limits, as for summarize ---
mkdir -p "$work/hook-limits"
run hook --max-depth 1 --out "$work/hook-limits" samples/bir-known-malignancy.dcm
check "hook --max-depth 1 on a nested SR exits 1 (got $status)" test "$status" -eq 1
check "hook --max-depth 1: the limit on stderr, naming the input" \
  grep -qx "mammocalc: samples/bir-known-malignancy.dcm: sequences nested deeper than 1 levels" "$work/err"
check "hook --max-depth 1: no summary written" test -z "$(ls -A "$work/hook-limits")"
if command -v dcmodify >/dev/null; then
  # A valid SR over 1 MiB: a sample with a private padding element.
  cp samples/bir-known-malignancy.dcm "$work/padded.dcm"
  head -c 1200000 /dev/zero | tr '\0' ' ' >"$work/padding"
  dcmodify -nb -i "(0029,0010)=MAMMOCALC PADDING" -if "(0029,1001)=$work/padding" "$work/padded.dcm" >/dev/null 2>&1
  run hook --out "$work/hook-unlimited" "$work/padded.dcm"
  check "hook summarises the padded SR without --max-input-mb (exit 0)" test "$status" -eq 0
  run hook --max-input-mb 1 --out "$work/hook-limits" "$work/padded.dcm" "$sample"
  check "hook --max-input-mb 1 with a larger input exits 1 (got $status)" test "$status" -eq 1
  check "hook --max-input-mb 1: the limit on stderr, naming the input" \
    grep -qxF "mammocalc: $work/padded.dcm: larger than the input limit of 1048576 bytes" "$work/err"
  check "hook --max-input-mb 1: the other input is summarised" \
    test -f "$work/hook-limits/1.2.826.0.1.3680043.10.1363.103.3.xml"
  # (Beside the summary, the hook's record of exams and its lock file, .mammocalc-*.)
  check "hook --max-input-mb 1: no summary for the larger input" \
    test "$(ls -A "$work/hook-limits" | grep -vc '^\.mammocalc-')" -eq 1
else
  echo "FAIL: dcmodify (Debian package dcmtk) is needed"; failed=$((failed + 1))
fi

# --- site profiles ---
profile=samples/bir-suspicious-stereotactic.site-profile.xml
run validate "$profile"
check "validate accepts the sample profile (got $status)" test "$status" -eq 0
printf '<siteProfile xmlns="urn:mammocalc:site-profile:1">\n<minSkinDistanceMm>-2</minSkinDistanceMm>\n<frob/>\n</siteProfile>\n' >"$work/bad-profile.xml"
run validate "$work/bad-profile.xml"
check "validate refuses a bad profile with 1 (got $status)" test "$status" -eq 1
check "validate prints one line per problem, on stderr" test "$(wc -l <"$work/err")" -eq 2
check "validate: nothing on stdout for an invalid file" test ! -s "$work/out"
check "validate names file and line" grep -qF "mammocalc: $work/bad-profile.xml:2: minSkinDistanceMm" "$work/err"
run validate - <"$profile"
check "validate -: exit 1, saying standard input is not read and what to give (got $status)" \
  bash -c "test $status -eq 1 && grep -qF 'mammocalc: -: validate does not read standard input; give /dev/stdin' '$work/err'"
run summarize --site-profile "$work/bad-profile.xml" "$sample" -o "$work/profiled.xml"
check "summarize with a bad profile exits 1 (got $status)" test "$status" -eq 1
check "summarize with a bad profile writes nothing" test ! -e "$work/profiled.xml"
check "summarize with a bad profile says one line" test "$(wc -l <"$work/err")" -eq 1
run summarize --site-profile "$profile" "$sample"
check "a profile without vacuum gives stereotactic (B6)" grep -q 'biopsyType="stereotactic".*biopsyRule="B6"' "$work/out"
# A profile given as a pipe (process substitution, as a deployment script may) is read once:
# its settings and its lexicons from the one read, never an empty second read.
run summarize --site-profile <(cat "$profile") "$sample"
check "a profile given as a pipe: read (exit 0, got $status), B6 as by name" grep -q 'biopsyType="stereotactic".*biopsyRule="B6"' "$work/out"

# --- annotations ---
vab=samples/bir-suspicious-vacuum-assisted.dcm
printf 'not xml at all' >"$work/notes.xml"
run summarize --annotations "$work/notes.xml" "$vab" -o "$work/annotated.xml"
check "annotation not XML exits 1 (got $status)" test "$status" -eq 1
check "annotation not XML: one line naming the file" bash -c "test \$(wc -l <'$work/err') -eq 1 && grep -qF '$work/notes.xml' '$work/err'"
check "annotation not XML: no output" test ! -e "$work/annotated.xml"
cat >"$work/other-study.xml" <<'XML'
<annotations xmlns="urn:mammocalc:annotations:1">
  <study studyInstanceUid="1.2.3.4.5"/>
</annotations>
XML
run summarize --annotations "$work/other-study.xml" "$vab"
check "annotation for another study exits 1 (got $status)" test "$status" -eq 1
check "annotation for another study names file, line and field" grep -qF "$work/other-study.xml:2: study/@studyInstanceUid" "$work/err"
run validate samples/bir-nonspecific-calcifications.lobular.annotations.xml
check "validate accepts a sample annotation file" test "$status" -eq 0
cat >"$work/bad-notes.xml" <<'XML'
<annotations xmlns="urn:mammocalc:annotations:1">
  <study studyInstanceUid="1.2.3"/>
  <finding action="add">
    <morphology>pebbles</morphology>
    <location distanceFromSkinMm="-4"/>
  </finding>
</annotations>
XML
run validate "$work/bad-notes.xml"
check "validate refuses a bad annotation file with 1" test "$status" -eq 1
check "validate names the unknown term's line" grep -qF "$work/bad-notes.xml:4: morphology: unknown term 'pebbles'" "$work/err"
check "validate names the negative distance" grep -qF "$work/bad-notes.xml:5: location/@distanceFromSkinMm" "$work/err"
# A 120 kB srPosition is one short problem naming file and field, never a crash (std::regex
# recursed once per character and overflowed the stack: issue 15).
{
  printf '<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="1.2.3"/>\n'
  printf '  <finding action="refine" srPosition="1'
  head -c 122880 /dev/zero | tr '\0' '1'
  printf '">\n    <site>ductal</site>\n  </finding>\n</annotations>\n'
} >"$work/long-position.xml"
run validate "$work/long-position.xml"
check "validate, 120 kB srPosition: exit 1, no crash (got $status)" test "$status" -eq 1
check "validate, 120 kB srPosition: one line" test "$(wc -l <"$work/err")" -eq 1
check "validate, 120 kB srPosition: names file, line and field" \
  grep -qF "$work/long-position.xml:3: finding/@srPosition: not an SR position like 1.3.2: '1111" "$work/err"
check "validate, 120 kB srPosition: the value is shortened" test "$(wc -c <"$work/err")" -lt 400
run summarize --annotations "$work/long-position.xml" "$vab" -o "$work/long-position-summary.xml"
check "summarize, 120 kB srPosition: exit 1, no crash (got $status)" test "$status" -eq 1
check "summarize, 120 kB srPosition: one line naming file and field" \
  bash -c "test \$(wc -l <'$work/err') -eq 1 && grep -qF '$work/long-position.xml:3: finding/@srPosition' '$work/err'"
check "summarize, 120 kB srPosition: no output" test ! -e "$work/long-position-summary.xml"
{
  printf '<siteProfile xmlns="urn:mammocalc:site-profile:1">\n  <needleGauges core="'
  head -c 500000 /dev/zero | tr '\0' '1'
  printf 'G"/>\n</siteProfile>\n'
} >"$work/long-gauge.xml"
run validate "$work/long-gauge.xml"
check "validate, 500 kB gauge: exit 1, no crash (got $status)" test "$status" -eq 1
check "validate, 500 kB gauge: one line naming file, line and field" \
  bash -c "test \$(wc -l <'$work/err') -eq 1 && grep -qF '$work/long-gauge.xml:2: needleGauges/@core: must look like 14G or 9-11G' '$work/err'"
run summarize --site-profile "$work/long-gauge.xml" "$sample" -o "$work/long-gauge-summary.xml"
check "summarize, 500 kB gauge: exit 1, no crash (got $status)" test "$status" -eq 1
check "summarize, 500 kB gauge: one line naming the file" \
  bash -c "test \$(wc -l <'$work/err') -eq 1 && grep -qF '$work/long-gauge.xml:2: needleGauges/@core' '$work/err'"
check "summarize, 500 kB gauge: no output" test ! -e "$work/long-gauge-summary.xml"
mkdir "$work/notes-dir"
cp samples/bir-suspicious-vacuum-assisted.ultrasound-visible.annotations.xml "$work/notes-dir/a.xml"
cp "$work/other-study.xml" "$work/notes-dir/b.xml"
cp "$work/bad-notes.xml" "$work/notes-dir/c.xml"
run summarize --annotations "$work/notes-dir" "$vab"
check "annotation directory exits 0 (got $status)" test "$status" -eq 0
check "annotation directory: the matching file is applied" grep -q 'biopsyType="core"' "$work/out"
check "annotation directory: a broken file is reported, not dropped silently" grep -q 'code="annotation-skipped"' "$work/out"
printf 'not XML at all\n' >"$work/notes-dir/d.xml"
: >"$work/notes-dir/e.xml"
run summarize --annotations "$work/notes-dir" "$vab"
check "annotation directory: files that are not XML or empty are reported too (3 in all)" \
  test "$(grep -c 'code="annotation-skipped"' "$work/out")" -eq 3
# Two radiologists disagreeing (issue 14, class 9): samples/ holds a ductal and a lobular
# annotation of the same finding; whatever the order of the files, the more suspicious reading
# classifies, with review and a warning naming both files and lines.
nonspecific=samples/bir-nonspecific-calcifications
run summarize --annotations samples/ $nonspecific.dcm
check "two disagreeing annotation files exit 0 (got $status)" test "$status" -eq 0
check "two disagreeing annotation files: suspicious 4A needing review" \
  grep -q 'assessment category="4A" classification="suspicious".*needsReview="true"' "$work/out"
check "two disagreeing annotation files: annotation-conflict naming both files and lines" \
  grep -qF "code=\"annotation-conflict\" position=\"1.3.2.2\">$nonspecific.lobular.annotations.xml:42: site: $nonspecific.ductal.annotations.xml:8 says ductal, $nonspecific.lobular.annotations.xml:42 says lobular" "$work/out"
mkdir "$work/reversed"
cp $nonspecific.lobular.annotations.xml "$work/reversed/1.xml"
cp $nonspecific.ductal.annotations.xml "$work/reversed/2.xml"
run summarize --annotations "$work/reversed" $nonspecific.dcm
check "two disagreeing annotation files, other order: suspicious 4A needing review" \
  grep -q 'assessment category="4A" classification="suspicious".*needsReview="true"' "$work/out"
check "two disagreeing annotation files, other order: annotation-conflict" \
  grep -qF "code=\"annotation-conflict\" position=\"1.3.2.2\">$work/reversed/2.xml:8: site: $work/reversed/1.xml:42 says lobular" "$work/out"
cp $nonspecific.lobular.annotations.xml "$work/reversed/2.xml"
run summarize --annotations "$work/reversed" $nonspecific.dcm
check "two agreeing annotation files: benign 2 without review" \
  grep -q 'assessment category="2" classification="benign".*needsReview="false"' "$work/out"
check "two agreeing annotation files: no conflict" bash -c "! grep -q annotation-conflict '$work/out'"
# An annotation being written or cut off, another XML kind or a prefixed root is a file the run
# did not read: said, and the benign reading of the agreeing files needs review (hostile review,
# issue 18). mammocalc's own kinds (a site profile) stay silent.
cp samples/bir-suspicious-stereotactic.site-profile.xml "$work/reversed/profile.xml"
run summarize --annotations "$work/reversed" $nonspecific.dcm
check "annotation directory with a site profile: still benign 2 without review, no warning" \
  bash -c "grep -q 'assessment category=\"2\" classification=\"benign\".*needsReview=\"false\"' '$work/out' && ! grep -q annotation-skipped '$work/out'"
printf '<?xml version="1.0"?>\n<annotati' >"$work/reversed/3.xml"
run summarize --annotations "$work/reversed" $nonspecific.dcm
check "a cut-off annotation file: the benign reading needs review" \
  grep -q 'assessment category="2" classification="benign".*needsReview="true"' "$work/out"
check "... the file is named as not read" \
  grep -qF "$work/reversed/3.xml: not an annotation file (not XML, or cut off before its root element) (file in annotation directory skipped)" "$work/out"
printf '<foo/>\n' >"$work/reversed/4.xml"
sed -e 's/<annotations xmlns="urn:mammocalc:annotations:1"/<a:annotations xmlns:a="urn:mammocalc:annotations:1"/' -e 's#</annotations>#</a:annotations>#' \
  $nonspecific.lobular.annotations.xml >"$work/reversed/5.xml"
check "the prefixed copy is made" grep -q "<a:annotations" "$work/reversed/5.xml"
run summarize --annotations "$work/reversed" $nonspecific.dcm
check "another root element and a prefixed root: each said (3 in all)" \
  test "$(grep -c 'code="annotation-skipped"' "$work/out")" -eq 3
check "... the other root named" grep -qF "$work/reversed/4.xml: root element &lt;foo&gt; is not an annotation file" "$work/out"
check "... the prefix named" grep -qF "$work/reversed/5.xml: root element &lt;a:annotations&gt; has a namespace prefix" "$work/out"
# An annotation file saved as NOTES.XML (a Windows share) is read, never passed over.
mkdir "$work/upper"
cp $nonspecific.ductal.annotations.xml "$work/upper/NOTES.XML"
run summarize --annotations "$work/upper" $nonspecific.dcm
check "an annotation file named .XML is applied" \
  bash -c "grep -qF '<annotation file=\"$work/upper/NOTES.XML\"' '$work/out' && grep -q '<site value=\"ductal\" source=\"annotation\"' '$work/out'"
run summarize --annotations samples/annotation-only.annotations.xml
check "annotation-only run exits 0" test "$status" -eq 0
check "annotation-only run validates" "$xmllint" --noout --schema schemas/summary.xsd "$work/out"
run summarize --annotations "$work/notes-dir"
check "annotation-only run with a directory is a usage error" test "$status" -eq 2

# --- usage ---
run frobnicate
check "unknown command exits 2" test "$status" -eq 2
run summarize
check "summarize without input exits 2" test "$status" -eq 2
run summarize --no-such-option "$sample"
check "unknown option exits 2" test "$status" -eq 2
# A limit below 1 is a usage error naming the command it was given to, in the one-line form.
run summarize --max-depth 0 "$work/x.dcm"
check "summarize --max-depth 0 exits 2 (got $status)" test "$status" -eq 2
check "summarize --max-depth 0 names summarize" test "$(cat "$work/err")" = \
  "mammocalc: summarize: --max-depth must be a whole number from 1 to 1000000, not '0' (see 'mammocalc summarize --help')"
run hook --max-depth 0 --out "$work/never-dir" "$work/x.dcm"
check "hook --max-depth 0 exits 2 (got $status)" test "$status" -eq 2
check "hook --max-depth 0 names hook" grep -q "^mammocalc: hook: --max-depth must be" "$work/err"
check "hook --max-depth 0 creates no output directory" test ! -e "$work/never-dir"
run review --max-elements 0 "$work/x.dcm"
check "review --max-elements 0 exits 2 (got $status)" test "$status" -eq 2
check "review --max-elements 0 names review" grep -q "^mammocalc: review: --max-elements must be" "$work/err"

# --- one option grammar (issue 15 item 7) ---
run summarize --max-input-mb -1 "$sample"
check "--max-input-mb -1 is a usage error, not 4 GiB (got $status)" test "$status" -eq 2
run summarize --bogus "$sample"
check "an unknown option: one line, the command and where to look" test "$(cat "$work/err")" = \
  "mammocalc: summarize: unrecognised option '--bogus' (see 'mammocalc summarize --help')"
run serve --port 11112 --out "$work/never-dir" extra-argument
check "serve with a file argument: exit 2 (got $status)" test "$status" -eq 2
check "... saying so in one line" test "$(cat "$work/err")" = \
  "mammocalc: serve: takes no file arguments (see 'mammocalc serve --help')"
run summarize --site-profile "" "$sample"
check "an empty option value is a usage error, not 'none' (got $status)" test "$status" -eq 2
check "... naming the option" grep -q "^mammocalc: summarize: --site-profile needs a value" "$work/err"
for option in "--jobs 2" "--skip-existing" "--rollup-csv $work/r.csv"; do
  # shellcheck disable=SC2086
  run summarize $option "$sample"
  check "summarize $option on one input does nothing, so it is a usage error (got $status)" test "$status" -eq 2
done
check "... and no roll-up is written" test ! -e "$work/r.csv"
run summarize --quiet "$sample"
check "--quiet is accepted on one input" test "$status" -eq 0
(cd "$work" && "$mammocalc" summarize -o - "$OLDPWD/$sample" >"$work/stdout-summary.xml" 2>"$work/err")
check "-o - writes the summary to standard output" grep -q "<mammocalcSummary" "$work/stdout-summary.xml"
check "-o - creates no file named -" test ! -e "$work/-"
run summarize --dicom-out - "$sample"
check "--dicom-out - is a usage error (got $status)" test "$status" -eq 2
run summarize samples/
check "a directory without -o: exit 2 (got $status)" test "$status" -eq 2
check "... saying it is a directory that needs -o OUTDIR" grep -q "samples/ is a directory: a batch needs -o OUTDIR" "$work/err"
run validate "$work/no-such-file.xml"
check "validate of a missing file: the same words as summarize" test "$(cat "$work/err")" = \
  "mammocalc: $work/no-such-file.xml: no such file"
run summarize "$work/no-such-file.xml"
check "summarize of a missing file: the same words" test "$(cat "$work/err")" = \
  "mammocalc: $work/no-such-file.xml: no such file"
run summarize --annotations "$work/no-such-file.xml"
check "a missing annotation file: the same words" grep -q "$work/no-such-file.xml: no such file" "$work/err"
run rules
check "rules keeps to 100 columns, as review does (characters, not bytes)" \
  test "$(LC_ALL=C.UTF-8 wc -L <"$work/out")" -le 100
check "rules still shows each citation whole" grep -q "Kim D et al., Eur J Radiol 2023" "$work/out"
run hook --out "$work/hook-dicom-dir" --dicom-dir "$work/hook-sr" "$sample"
check "hook --dicom-dir DIR exits 0 (got $status)" test "$status" -eq 0
check "hook --dicom-dir: the SR in DIR, the summary in OUTDIR" \
  test "$(ls "$work/hook-sr" | grep -cE '^2\.25\.[0-9]+\.dcm$')" -eq 1 -a "$(ls "$work/hook-dicom-dir" | grep -c '\.dcm$')" -eq 0
run hook --out "$work/hook-both" --dicom-out --dicom-dir "$work/hook-sr2" "$sample"
check "hook --dicom-out with --dicom-dir is a usage error (got $status)" test "$status" -eq 2
mkdir -p "$work/study"
cp "$sample" "$work/study/"
run hook --out "$work/study/summaries" "$work/study"
check "hook --out inside the study directory it reads is refused (exit 2, got $status)" test "$status" -eq 2
check "... and nothing is created" test ! -e "$work/study/summaries"
run --version extra
check "--version with an argument is a usage error, not ignored (got $status)" test "$status" -eq 2
check "... saying so" grep -q "^mammocalc: --version takes no argument: 'extra'" "$work/err"
run summarize --language xx "$sample"
check "--language of no lexicon: usage error (got $status)" test "$status" -eq 2
check "... naming the command and where to look" grep -qx "mammocalc: summarize: --language: no narrative lexicon for the language 'xx'; there are: de, en (see 'mammocalc summarize --help')" "$work/err"
run --version
check "--version names the rule set" grep -q "rule set 2026.2" "$work/out"
check "--version names the DCMTK release" grep -qE "^DCMTK [0-9]+\.[0-9]+\.[0-9]+$" "$work/out"
build_data=$(cd "$(dirname "$mammocalc")/../share/mammocalc" && pwd)
check "--version names the build tree's data folder" grep -qxF "data: $build_data (narrative-wordings-en.xml)" "$work/out"
MAMMOCALC_DATA_DIR=/nonexistent "$mammocalc" --version >"$work/out" 2>"$work/err"
status=$?
check "--version without the data says where it looked and exits 4 (got $status)" \
  test "$status" -eq 4 -a "$(grep -c "^data: .*/nonexistent/narrative-wordings-en.xml" "$work/out")" -eq 1

# --- help: every command has its own, with its own options ---
for command in summarize review rules hook serve validate; do
  run "$command" --help
  check "$command --help exits 0" test "$status" -eq 0
  check "$command --help lists its options" grep -q "^$command options:" "$work/out"
  check "$command --help lists no other command's" test "$(grep -c '^[a-z]* options:' "$work/out")" -eq 1
done
run --help
for command in summarize review rules hook serve validate; do
  [[ $command == validate ]] && continue  # validate has only --help
  check "--help lists the $command options" grep -q "^$command options:" "$work/out"
done

# --- rules ---
run rules
check "rules exits 0" test "$status" -eq 0
for id in S1 S5 C0 C12 C13 R1 A1 A8 B1 B6 W1 W6; do
  check "rules lists $id" grep -q "^$id  \[" "$work/out"
done
run rules --format xml
check "rules --format xml is well-formed" "$xmllint" --noout "$work/out"
run rules --format yaml
check "rules --format yaml exits 2" test "$status" -eq 2

# --- what the hostile review of issue 15 found: outputs that would replace what they must not ---
mkfifo "$work/fifo"
run summarize "$sample" -o "$work/fifo"
check "-o naming a FIFO is a usage error, not a replaced node (got $status)" test "$status" -eq 2
check "... the FIFO is still a FIFO" test -p "$work/fifo"
printf '%s\n' "$sample" samples/bir-site-conflict.dcm >"$work/list.txt"
cp "$work/list.txt" "$work/list.orig"
run summarize -q -o "$work/from-list" --files-from "$work/list.txt" --rollup-csv "$work/list.txt"
check "--rollup-csv naming the --files-from list is refused (got $status)" test "$status" -eq 2
check "... the list is unchanged" cmp -s "$work/list.txt" "$work/list.orig"
run summarize -o "$work/same.xml" --dicom-out "$work/same.xml" "$sample"
check "-o and --dicom-out naming one file is refused (got $status)" test "$status" -eq 2
check "... nothing written" test ! -e "$work/same.xml"
(cd "$work" && "$mammocalc" summarize -o same2.xml --dicom-out ./same2.xml "$OLDPWD/$sample" >/dev/null 2>&1)
check "... however the two paths are spelled (x and ./x)" test $? -eq 2 -a ! -e "$work/same2.xml"
run summarize -q -o "$work/csv-batch2" --rollup-csv "$work/./csv-batch2/../csv-batch2/index.xml" \
  "$sample" samples/bir-site-conflict.dcm
check "--rollup-csv named like the index through another spelling is refused (got $status)" test "$status" -eq 2
run summarize -q -o "$work/csv-batch" --rollup-csv "$work/csv-batch/index.xml" "$sample" samples/bir-site-conflict.dcm
check "--rollup-csv named like the batch's index is refused (got $status)" test "$status" -eq 2
mkdir -p "$work/archive"
cp "$sample" "$work/archive/"
run summarize -o "$work/archive-out" --rollup-csv "$work/archive/roll.csv" "$work/archive"
check "--rollup-csv inside the input directory is refused (got $status)" test "$status" -eq 2
check "... and written nowhere" test ! -e "$work/archive/roll.csv" -a ! -e "$work/archive-out"
run summarize --dicom-out "$work/archive/" "$work/archive/$(basename "$sample")"
check "one input's --dicom-out into the folder holding it is refused, as in a batch (got $status)" test "$status" -eq 2
check "... no SR written there" test "$(ls "$work/archive" | wc -l)" -eq 1
run hook --out "$sample" "$sample"
check "hook --out naming the input: usage error 2, not 3 (got $status)" test "$status" -eq 2
check "... saying it would overwrite the input" grep -q "output would overwrite the input" "$work/err"
"$mammocalc" rules >/dev/full 2>"$work/err"
check "rules into a full disk: exit 3, not a silent success" test $? -eq 3
# A closed pipe: exit 3 with one line, not a death by SIGPIPE (hostile review 71: status 141).
# The pipe's reading end is closed before the tool starts, so its first write meets it.
python3 - "$mammocalc" "$work/err" >"$work/status" <<'PY'
import os, subprocess, sys
read_end, write_end = os.pipe()
os.close(read_end)
with open(sys.argv[2], "wb") as err:
    done = subprocess.run([sys.argv[1], "rules", "--format", "xml"], stdout=write_end, stderr=err)
print(done.returncode if done.returncode >= 0 else 128 - done.returncode)
PY
check "rules into a closed pipe: exit 3 (got $(cat "$work/status"))" test "$(cat "$work/status")" -eq 3
check "rules into a closed pipe: one line said" test "$(wc -l <"$work/err")" -eq 1
run review --html - "$sample"
check "review --html - is a usage error (got $status)" test "$status" -eq 2
check "... and no file named -" test ! -e ./-
if command -v dcmodify >/dev/null; then
  cp "$sample" "$work/bad-uid.dcm"
  dcmodify -nb -m "(0008,0018)=../../not-a-uid" "$work/bad-uid.dcm" >/dev/null 2>&1
  run summarize --dicom-out "$work/bad-uid-sr/" "$work/bad-uid.dcm"
  check "an SR with an invalid SOP Instance UID and --dicom-out: an input error, 1 (got $status)" test "$status" -eq 1
  check "... naming the file" grep -q "^mammocalc: $work/bad-uid.dcm: no DICOM SR can refer to it" "$work/err"
fi
# An image over the read limits is what its meta header says, an object mammocalc does not read:
# skipped in a batch walk and in the hook, not failed (a tomosynthesis object is large).
if command -v dcmodify >/dev/null; then
  mkdir -p "$work/large-image"
  cp "$sample" "$work/large-image/image.dcm"
  head -c 1200000 /dev/zero | tr '\0' ' ' >"$work/image-padding"
  dcmodify -nb -i "(0029,0010)=MAMMOCALC PADDING" -if "(0029,1001)=$work/image-padding" \
    -m "(0008,0016)=1.2.840.10008.5.1.4.1.1.2" "$work/large-image/image.dcm" >/dev/null 2>&1
  cp samples/bir-site-conflict.dcm "$work/large-image/"
  run summarize -o "$work/large-image-out" --max-input-mb 1 "$work/large-image"
  check "batch: an image over --max-input-mb is skipped, the run exits 0 (got $status)" test "$status" -eq 0
  check "... as unsupported-sop-class" grep -q 'status="skipped" errorCode="unsupported-sop-class"' \
    "$work/large-image-out/index.xml"
  run hook --out "$work/large-image-hook" --max-input-mb 1 "$work/large-image/image.dcm"
  check "hook: an image over --max-input-mb is skipped, exit 0 (got $status)" test "$status" -eq 0
  run summarize --max-input-mb 1 "$work/padded.dcm"
  check "an SR over the limit still fails (exit 1, got $status)" test "$status" -eq 1
fi
# Line numbers of annotation problems were counted from the start of the file for each element:
# quadratic, minutes near the 10 MiB limit. 40,000 findings must be read in well under a minute.
{
  printf '<annotations xmlns="urn:mammocalc:annotations:1">\n<study studyInstanceUid="1.2.3"/>\n'
  for _ in $(seq 1 40000); do printf '<finding action="add"><laterality>left</laterality></finding>\n'; done
  printf '</annotations>\n'
} >"$work/many-findings.xml"
timeout 60 "$mammocalc" validate "$work/many-findings.xml" >/dev/null 2>&1
check "validate of 40,000 annotated findings ends (no quadratic scan)" test $? -ne 124

# A FIFO given as a site profile, a lexicon or to validate is read as empty at once (not valid,
# exit 1, one line naming it), never waited on for a writer (hostile review 25, F12: each hung).
mkfifo "$work/fifo.xml"
for args in "validate $work/fifo.xml" "summarize --site-profile $work/fifo.xml $sample" \
  "summarize --lexicon $work/fifo.xml $sample"; do
  # shellcheck disable=SC2086
  timeout 10 "$mammocalc" $args >"$work/out" 2>"$work/err"
  status=$?
  check "FIFO ($args): exit 1 at once (got $status)" test "$status" -eq 1
  check "FIFO ($args): one line naming it" \
    bash -c "test \$(wc -l <'$work/err') -eq 1 && grep -qF '$work/fifo.xml' '$work/err'"
done

# A pipe (a shell's process substitution) can be read once: validate reads each file once and
# checks it from those bytes (an annotation file, a site profile, a lexicon), as a run reads
# --site-profile <(…).
printf '<?xml version="1.0"?>\n<narrativeWordings xmlns="urn:mammocalc:narrative-wordings:1" language="en">\n  <calcification phrase="calcospherit*"/>\n</narrativeWordings>\n' \
  >"$work/site-lexicon.xml"
for valid in samples/bir-nonspecific-calcifications.ductal.annotations.xml:"annotation file" \
  samples/bir-suspicious-stereotactic.site-profile.xml:"site profile" \
  "$work/site-lexicon.xml":"narrative lexicon"; do
  file=${valid%%:*}
  "$mammocalc" validate <(cat "$file") >"$work/out" 2>"$work/err"
  check "validate <(cat $file): exit 0" test $? -eq 0
  check "... valid ${valid#*:}" grep -q ": valid ${valid#*:}\$" "$work/out"
done
sed 's/<needleGauges/<needleGauges bogus="1"/; s/<stereotacticUnit/<stereotacticUnit bogus="1"/' \
  samples/bir-suspicious-stereotactic.site-profile.xml >"$work/bad-profile.xml"
"$mammocalc" validate <(cat "$work/bad-profile.xml") >/dev/null 2>"$work/err"
check "validate <(an invalid site profile): exit 1" test $? -eq 1
check "... its problem named" grep -q 'bogus' "$work/err"
finish
