#!/usr/bin/env bash
# The summary written back as a DICOM SR (--dicom-out): mammocalc reads its own output back
# (--read-own; without it an own SR is refused, own_sr_test.sh) to the same decisions for every sample, DCMTK reads it strictly, dsr2xml's XML of it validates against
# DCMTK's schema, and the bytes are the same on every run. Run from the project root:
#   dicom_out_test.sh MAMMOCALC XMLLINT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
start_test "$@"

dsr2xml_schema=/usr/share/dcmtk/dsr2xml.xsd
check "DCMTK's dsr2xml.xsd is installed (package dcmtk)" test -f "$dsr2xml_schema"

# What must survive the round trip, one line per finding: laterality, clock, category,
# classification, biopsy type. Compared for every pair listed in round-trips.tsv (name, summary,
# summary read back, "multiset" or "ordered") in one python3 process after the loops: a process
# per summary, or a grep per attribute, made this one of the longest tests.
: >"$work/round-trips.tsv"
round_trip() {  # NAME SUMMARY SUMMARY_READ_BACK multiset|ordered
  printf '%s\t%s\t%s\t%s\n' "$@" >>"$work/round-trips.tsv"
}
check_round_trips() {  # one check per listed pair
  python3 - "$work/round-trips.tsv" >"$work/round-trips.out" <<'PY'
import sys
import xml.etree.ElementTree as ET
local = lambda e: e.tag.rsplit("}", 1)[-1]
def attribute(element, name):
    value = None if element is None else element.get(name)
    return "" if value is None else f'{name}="{value}"'
def first(finding, name):
    return next((e for e in finding.iter() if e is not finding and local(e) == name), None)
def signature(path):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as problem:
        return [f"unreadable: {problem}"]
    lines = []
    for finding in root.iter():
        if local(finding) != "finding":
            continue
        assessment = first(finding, "assessment")
        lines.append("|".join([attribute(finding, "laterality"),
                               attribute(first(finding, "location"), "clock"),
                               attribute(assessment, "category"),
                               attribute(assessment, "classification"),
                               attribute(first(finding, "recommendation"), "biopsyType")]))
    return lines
with open(sys.argv[1], encoding="utf-8") as pairs:
    for line in pairs:
        name, summary, back, how = line.rstrip("\n").split("\t")
        before, after = signature(summary), signature(back)
        # As a multiset where asked: the SR written back lists its findings breast by breast.
        same = sorted(before) == sorted(after) if how == "multiset" else before == after
        print(f"{name}\t{'same' if same else 'differ'}\t{len(before)}\t{before} / {after}")
PY
  check "the round trips are compared (python3)" test $? -eq 0
  check "every listed round trip is compared" \
    test "$(wc -l <"$work/round-trips.out")" -eq "$(wc -l <"$work/round-trips.tsv")"
  while IFS=$'\t' read -r name result count detail; do
    check "$name: findings survive the round trip ($count findings)" test "$result" = same
    [[ $result == same ]] || echo "  $detail"
  done <"$work/round-trips.out"
}

# Every sample SR (with its site profile where it has one), summarised with --dicom-out and the
# written SR summarised again.
cases=0
for sr in samples/*.dcm; do
  name=$(basename "$sr" .dcm)
  options=()
  [[ -f samples/$name.site-profile.xml ]] && options=(--site-profile "samples/$name.site-profile.xml")
  "$mammocalc" summarize "${options[@]}" --dicom-out "$work/$name.dcm" "$sr" >"$work/$name.xml" 2>"$work/err"
  check "$name: --dicom-out exits 0" test $? -eq 0
  check "$name: the written SR exists" test -s "$work/$name.dcm"
  check "$name: the summary is the same as without --dicom-out" cmp -s "$work/$name.xml" "samples/expected/$name.xml"
  "$mammocalc" summarize "${options[@]}" --read-own "$work/$name.dcm" >"$work/$name.back.xml" 2>"$work/err"
  check "$name: mammocalc reads its own SR with --read-own (exit 0)" test $? -eq 0
  round_trip "$name" "$work/$name.xml" "$work/$name.back.xml" multiset
  check "$name: the exam category survives" test \
    "$(grep -o '<exam category="[^"]*" classification="[^"]*"' "$work/$name.xml")" = \
    "$(grep -o '<exam category="[^"]*" classification="[^"]*"' "$work/$name.back.xml")"
  check "$name: no tolerant read of our own SR" test -z "$(grep tolerant-read "$work/$name.back.xml")"

  # DCMTK reads it strictly. dsrdump's one remark is DCMTK's own limit, printed for every SR
  # that is not ASCII or Latin-1 (dsrdoc.cc, in every release up to 3.7.0): its VR checker cannot
  # check UTF-8. The written text needs UTF-8 (the citations have "→", "≈", "–"), so ISO_IR 192
  # stays and this one line is the only one allowed.
  dsrdump "$work/$name.dcm" >"$work/$name.dump" 2>&1
  check "$name: dsrdump reads it (no tolerance flags)" test $? -eq 0
  check "$name: dsrdump has no warning or error but DCMTK's UTF-8 remark" test "$(grep -E '^[WE]: ' "$work/$name.dump")" = \
    "W: The VR checker does not support this Specific Character Set: ISO_IR 192"
  # An independent IOD check: David Clunie's dciodvfy (Debian dicom3tools) checks the Comprehensive
  # SR IOD, every module and every value, and says nothing when all is well.
  # Its one remark is its own limit: it knows the coding scheme designators PS3.16 Table 8-1
  # lists (registered private ones such as 99PMP too), not a private scheme a document declares
  # in its Coding Scheme Identification Sequence as PS3.16 8.2 allows — mammocalc's 99MAMMOCALC,
  # of the coded review state (issue 18). Every other warning still fails, errors all.
  dciodvfy -new "$work/$name.dcm" >"$work/$name.iod" 2>&1
  check "$name: dciodvfy checks it as a Comprehensive SR" grep -qx "ComprehensiveSR" "$work/$name.iod"
  check "$name: dciodvfy finds no error and no warning but its unknown-designator remark on 99MAMMOCALC" \
    test "$(grep -E '^(Error|Warning)' "$work/$name.iod" | grep -cvE '^Warning - <[^>]*/CodingSchemeDesignator\(0008,0102\)\[1\]> - Unrecognized defined term = <99MAMMOCALC>$')" -eq 0
  check "$name: ... and that remark only on the 5 places 99MAMMOCALC is used (2 items, the declaration)" \
    test "$(grep -c 'Unrecognized defined term = <99MAMMOCALC>' "$work/$name.iod")" -eq 5
  dsr2xml +Xn "$work/$name.dcm" >"$work/$name.sr.xml" 2>/dev/null
  check "$name: dsr2xml +Xn converts it" test $? -eq 0
  check "$name: dsr2xml's XML validates against dsr2xml.xsd" \
    "$xmllint" --noout --schema "$dsr2xml_schema" "$work/$name.sr.xml"

  # Byte-identical across runs.
  "$mammocalc" summarize "${options[@]}" --dicom-out "$work/$name.again.dcm" "$sr" >/dev/null 2>&1
  check "$name: the written SR is byte-identical across runs" cmp -s "$work/$name.dcm" "$work/$name.again.dcm"
  cases=$((cases + 1))
done
check "every sample SR was tried ($cases)" test "$cases" -ge 21

# The annotated samples too: the merged findings (annotated site, ultrasound visibility, what
# decides the biopsy type) survive in the SR.
for annotations in samples/*.*.annotations.xml; do
  case_name=$(basename "$annotations" .annotations.xml)
  sr=samples/${case_name%%.*}.dcm
  "$mammocalc" summarize --annotations "$annotations" --dicom-out "$work/$case_name.dcm" "$sr" >"$work/$case_name.xml"
  check "$case_name: --dicom-out with annotations exits 0" test $? -eq 0
  "$mammocalc" summarize --read-own "$work/$case_name.dcm" >"$work/$case_name.back.xml"
  round_trip "$case_name (annotated)" "$work/$case_name.xml" "$work/$case_name.back.xml" ordered
done
check_round_trips

# The header: the source's patient and study, a new series, UIDs from 2.25, flags, evidence,
# contributing equipment, UTF-8.
dump=$(dcmdump "$work/bir-suspicious-vacuum-assisted.dcm")
has() { grep -qF -- "$1" <<<"$dump"; }
check "header: same Study Instance UID as the source" has "(0020,000d) UI [1.2.826.0.1.3680043.10.1363.103.1]"
check "header: same patient" has "(0010,0020) LO [MC-0003]"
source_dump=$(dcmdump samples/bir-suspicious-vacuum-assisted.dcm)
for tag in "(0020,0010)" "(0008,0020)" "(0008,0030)" "(0008,0050)" "(0008,0090)" "(0008,1030)" \
  "(0010,0010)" "(0010,0021)" "(0010,0030)"; do
  source_value=$(grep -F "$tag" <<<"$source_dump" | head -n 1 | grep -o '\[.*\]')
  check "header: the source has $tag (else this check proves nothing)" test -n "$source_value"
  check "header: $tag as in the source (every instance of the study agrees)" test \
    "$source_value" = "$(grep -F "$tag" <<<"$dump" | head -n 1 | grep -o '\[.*\]')"
done
check "header: a SOP Instance UID under 2.25" grep -qE '^\(0008,0018\) UI \[2\.25\.[0-9]+\]' <<<"$dump"
check "header: a new series (not the source's)" test -z "$(grep -F '(0020,000e) UI [1.2.826.0.1.3680043.10.1363.103.2]' <<<"$(dcmdump +L "$work/bir-suspicious-vacuum-assisted.dcm" | grep -v '^ ')")"
check "header: Comprehensive SR" has "(0008,0016) UI =ComprehensiveSRStorage"
check "header: Verification Flag UNVERIFIED" has "(0040,a493) CS [UNVERIFIED]"
check "header: Completion Flag COMPLETE" has "(0040,a491) CS [COMPLETE]"
check "header: Specific Character Set ISO_IR 192" has "(0008,0005) CS [ISO_IR 192]"
check "header: evidence references the source SR" has "(0008,1155) UI [1.2.826.0.1.3680043.10.1363.103.3]"
check "header: contributing equipment names mammocalc" has "(0008,1090) LO [mammocalc]"
check "content: the narrative says decision support, not a diagnosis" grep -q "not a diagnosis" "$work/bir-suspicious-vacuum-assisted.sr.xml"
check "content: the biopsy as procedure and modifiers (vacuum assisted)" grep -q "Vacuum assisted" "$work/bir-suspicious-vacuum-assisted.dump"
check "content: recommended follow-up 111145" grep -q "(111145,DCM,\"Histology using core biopsy\")" "$work/bir-suspicious-vacuum-assisted.dump"
check "content: the narrative carries the finding's warnings" grep -q "Warning assessment-discordant: rules give 4B, the radiologist reported 2" "$work/bir-assessment-discordant.sr.xml"
check "content: the narrative says when the exam needs review, and why" \
  grep -q "BI-RADS 4 suspicious. Recommended: biopsy, routine screening. 2 findings need radiologist review. Warning assessment-discordant: the report" "$work/bir-overall-suspicious.sr.xml"
check "content: the narrative has the exam's rule trace" grep -q "Exam rule trace (rule set 2026.2):&#10;E1 \[exam\]" "$work/bir-overall-suspicious.sr.xml"
check "content: wire localization is 111144" grep -q "(111144,DCM" "$work/bir-suspicious-wire-axillary-tail.dump"
cad_dump=$(dcmdump "$work/cad-clusters-by-reference.dcm")
check "evidence: the CAD source SR is referenced" grep -qF "(0008,1155) UI [1.2.826.0.1.3680043.10.1363.113.3]" <<<"$cad_dump"
check "evidence: the images the CAD ran on are referenced too" test "$(grep -cE '\(0008,1155\) UI \[1\.2\.826\.0\.1\.3680043\.10\.1363\.113\.9\.[12]\]' <<<"$cad_dump")" -eq 2
check "evidence: with their series" grep -qF "(0020,000e) UI [1.2.826.0.1.3680043.10.1363.113.9.0]" <<<"$cad_dump"
uid_a=$(dcmdump "$work/bir-suspicious-vacuum-assisted.dcm" | grep '^(0008,0018)')
uid_b=$(dcmdump "$work/bir-known-malignancy.dcm" | grep '^(0008,0018)')
check "different sources give different SOP Instance UIDs" test "$uid_a" != "$uid_b"
# One source, two results (the ductal and the lobular annotation): two objects, two UIDs — a PACS
# keeps one object per UID and would drop the second. A re-run gives the same UID.
sr_uid_with() {
  "$mammocalc" summarize --annotations "$1" --dicom-out "$work/$2.dcm" \
    samples/bir-nonspecific-calcifications.dcm >/dev/null
  dcmdump "$work/$2.dcm" | grep -E '^\((0008,0018|0020,000e)\)'
}
uid_ductal=$(sr_uid_with samples/bir-nonspecific-calcifications.ductal.annotations.xml ductal)
uid_lobular=$(sr_uid_with samples/bir-nonspecific-calcifications.lobular.annotations.xml lobular)
uid_again=$(sr_uid_with samples/bir-nonspecific-calcifications.ductal.annotations.xml ductal-again)
check "one source, other annotations: other SOP Instance and Series UIDs" \
  test "$(comm -12 <(sort <<<"$uid_ductal") <(sort <<<"$uid_lobular") | wc -l)" -eq 0
check "one source, same annotations: the same UIDs" test "$uid_ductal" = "$uid_again"

# A directory as --dicom-out names the file by its SOP Instance UID; a batch writes one per exam.
mkdir -p "$work/dir"
"$mammocalc" summarize --dicom-out "$work/dir" samples/bir-known-malignancy.dcm >/dev/null
check "--dicom-out DIR writes <SOPInstanceUID>.dcm" test "$(ls "$work/dir" | grep -cE '^2\.25\.[0-9]+\.dcm$')" -eq 1
# One source summarised again (other annotations) into the directory: its one file is replaced by
# the later result, never joined by a second, though the results' own UIDs differ.
mkdir -p "$work/one-per-source"
for notes in ductal lobular; do
  "$mammocalc" summarize --annotations "samples/bir-nonspecific-calcifications.$notes.annotations.xml" \
    --dicom-out "$work/one-per-source" samples/bir-nonspecific-calcifications.dcm >/dev/null
done
check "one source summarised twice into a directory: one SR file" \
  test "$(ls "$work/one-per-source" | wc -l)" -eq 1
check "... the later result" cmp -s "$work/one-per-source/$(ls "$work/one-per-source")" "$work/lobular.dcm"
"$mammocalc" summarize -o "$work/batch" --dicom-out "$work/batch-sr" samples/*.dcm 2>/dev/null
summarised=$(grep -c 'status="summarised"' "$work/batch/index.xml")
check "batch --dicom-out writes one SR per summarised exam" test "$(ls "$work/batch-sr"/*.dcm | wc -l)" -eq "$summarised"
# hook --dicom-out: the same SR beside the summary.
"$mammocalc" hook --out "$work/hook" --dicom-out samples/bir-suspicious-vacuum-assisted.dcm 2>/dev/null
check "hook --dicom-out exits 0" test $? -eq 0
hook_sr=$(ls "$work/hook" | grep -E '^2\.25\.[0-9]+\.dcm$')
check "hook --dicom-out writes the SR beside the summary" test -n "$hook_sr" -a -f "$work/hook/1.2.826.0.1.3680043.10.1363.103.3.xml"
check "hook's SR equals summarize --dicom-out's" cmp -s "$work/hook/$hook_sr" "$work/bir-suspicious-vacuum-assisted.dcm"
# A summary that cannot be written (its name taken by a directory): the hook fails and leaves no
# SR of the input, so the next run writes the full set.
mkdir -p "$work/hook-fail/1.2.826.0.1.3680043.10.1363.103.3.xml"
"$mammocalc" hook --out "$work/hook-fail" --dicom-out samples/bir-suspicious-vacuum-assisted.dcm 2>/dev/null
check "hook --dicom-out, summary not writable: a failure" test $? -ne 0
check "... and no SR left of it" test "$(ls "$work/hook-fail" | grep -c '\.dcm$')" -eq 0
# A re-run that fails replaces nothing an earlier run left: the earlier SR stays.
"$mammocalc" hook --out "$work/hook-rerun" --dicom-out samples/bir-suspicious-vacuum-assisted.dcm 2>/dev/null
rerun_sr=$(ls "$work/hook-rerun" | grep -E '^2\.25\.[0-9]+\.dcm$')
rm "$work/hook-rerun/1.2.826.0.1.3680043.10.1363.103.3.xml"
mkdir "$work/hook-rerun/1.2.826.0.1.3680043.10.1363.103.3.xml"
"$mammocalc" hook --out "$work/hook-rerun" --dicom-out samples/bir-suspicious-vacuum-assisted.dcm 2>/dev/null
check "hook re-run, summary not writable: a failure" test $? -ne 0
check "... the earlier run's SR stays" test -n "$rerun_sr" -a -s "$work/hook-rerun/$rerun_sr"
# An SR that cannot be written whole is a failure, never a cut-short file filed as whole: with a
# file-size limit below its size (a stand-in for a full disk or a quota), the run fails and leaves
# no SR (DCMTK once lost the error of its last write, and 8 KiB of 10 were saved, exit 0).
large_sr=$(wc -c <"$work/bir-suspicious-stereotactic.dcm")
check "the stereotactic sample's SR is over 8 KiB ($large_sr bytes; else this proves nothing)" \
  test "$large_sr" -gt 8192
(trap '' XFSZ; ulimit -f 8; exec "$mammocalc" summarize --dicom-out "$work/limited.dcm" \
  samples/bir-suspicious-stereotactic.dcm) >/dev/null 2>"$work/limited.err"
check "an SR over the file-size limit: the run fails" test $? -ne 0
check "... saying why" grep -q "limited.dcm: cannot write output" "$work/limited.err"
check "... and leaves no SR" test ! -e "$work/limited.dcm"
# Hostile review (issue 18): the result SR carries the review state coded, not only as text — a
# CODE item "Radiologist review" and one "Evidence read" in mammocalc's private coding scheme
# 99MAMMOCALC (declared in the Coding Scheme Identification Sequence) — and its Completion Flag is
# PARTIAL where the summary's evidence was incomplete (E rows that make the exam incomplete: a
# PARTIAL or PRELIMINARY source, evidence that could not be read).
review_item='CODE:(,,"Radiologist review")='
evidence_item='CODE:(,,"Evidence read")='
check "clean exam: coded 'no radiologist review requested'" grep -qF \
  "${review_item}(NO-REVIEW,99MAMMOCALC,\"No radiologist review requested\")" "$work/bir-benign-coarse-vascular.dump"
check "clean exam: coded 'all evidence read'" grep -qF \
  "${evidence_item}(EVIDENCE-ALL,99MAMMOCALC,\"All evidence read\")" "$work/bir-benign-coarse-vascular.dump"
check "clean exam: Completion Flag COMPLETE" grep -qE '^Completion Flag +: COMPLETE$' "$work/bir-benign-coarse-vascular.dump"
check "exam needing review: coded 'radiologist review needed'" grep -qF \
  "${review_item}(REVIEW-NEEDED,99MAMMOCALC,\"Radiologist review needed\")" "$work/bir-overall-suspicious.dump"
check "... its evidence was read whole: COMPLETE" grep -qE '^Completion Flag +: COMPLETE$' "$work/bir-overall-suspicious.dump"
check "the private coding scheme is declared (Coding Scheme Identification Sequence)" bash -c \
  "dcmdump +P 0008,0110 +P 0008,0102 '$work/bir-benign-coarse-vascular.dcm' | grep -qF '[99MAMMOCALC]'"
cp samples/bir-benign-coarse-vascular.dcm "$work/partial-source.dcm"
dcmodify -nb -m "(0040,a491)=PARTIAL" -i "(0040,a492)=Dictation interrupted" "$work/partial-source.dcm" >/dev/null 2>&1
"$mammocalc" summarize --dicom-out "$work/partial-result.dcm" "$work/partial-source.dcm" >"$work/partial-result.xml" 2>/dev/null
check "a PARTIAL source: --dicom-out exits 0" test $? -eq 0
dsrdump "$work/partial-result.dcm" >"$work/partial-result.dump" 2>&1
check "... the result SR's Completion Flag is PARTIAL" grep -qE '^Completion Flag +: PARTIAL$' "$work/partial-result.dump"
check "... with a description saying why" bash -c \
  "dcmdump +P 0040,a492 '$work/partial-result.dcm' | grep -qF 'evidence incomplete'"
check "... coded 'radiologist review needed'" grep -qF \
  "${review_item}(REVIEW-NEEDED,99MAMMOCALC,\"Radiologist review needed\")" "$work/partial-result.dump"
check "... coded 'evidence incomplete'" grep -qF \
  "${evidence_item}(EVIDENCE-PART,99MAMMOCALC,\"Evidence incomplete\")" "$work/partial-result.dump"
check "... dsrdump reads it (no warning but DCMTK's UTF-8 remark)" test "$(grep -E '^[WE]: ' "$work/partial-result.dump")" = \
  "W: The VR checker does not support this Specific Character Set: ISO_IR 192"
dciodvfy -new "$work/partial-result.dcm" >"$work/partial-result.iod" 2>&1
check "... dciodvfy finds no error and no warning but its 99MAMMOCALC remark (above)" \
  test "$(grep -E '^(Error|Warning)' "$work/partial-result.iod" | grep -cv 'Unrecognized defined term = <99MAMMOCALC>$')" -eq 0
"$mammocalc" summarize --read-own "$work/partial-result.dcm" >"$work/partial-back.xml" 2>/dev/null
check "... read back: the exam still needs review" bash -c \
  "grep -o '<exam [^>]*' '$work/partial-back.xml' | grep -q 'needsReview=\"true\"'"
check "... read back: the incomplete document is said (E11)" grep -q 'code="document-incomplete" rule="E11"' "$work/partial-back.xml"

"$mammocalc" summarize --annotations samples/annotation-only.annotations.xml --dicom-out "$work/no.dcm" >/dev/null 2>"$work/err"
check "an annotation-only run cannot write an SR (exit 2)" test $? -eq 2
check "... and writes none" test ! -e "$work/no.dcm"

# Two different SRs of one batch with one SOP Instance UID would take one result SR file, the
# later silently replacing the earlier (hostile review 27, H27-16): the later fails, loudly; a
# copy of the same SR gives the same result and is no conflict.
dup_base=samples/bir-benign-coarse-vascular.dcm
dup_uid=$(dcmdump +P 0008,0018 "$dup_base" | sed -n 's/.*\[\(.*\)\].*/\1/p')
mkdir -p "$work/dup-in" "$work/copy-in"
cp "$dup_base" "$work/dup-in/a.dcm"
cp samples/bir-known-malignancy.dcm "$work/dup-in/b.dcm"
dcmodify -nb -m "(0008,0018)=$dup_uid" "$work/dup-in/b.dcm" >/dev/null 2>&1
"$mammocalc" summarize -o "$work/dup-out" --dicom-out "$work/dup-sr" "$work/dup-in" \
  >/dev/null 2>"$work/dup.err"
check "same UID, other content: the batch exits 1" test $? -eq 1
check "... the later input fails as duplicate-sop-instance" \
  grep -q "input=\"$work/dup-in/b.dcm\".*errorCode=\"duplicate-sop-instance\"" "$work/dup-out/index.xml"
check "... said on standard error, naming the earlier input" \
  grep -qF "mammocalc: $work/dup-in/b.dcm: has the SOP Instance UID of $work/dup-in/a.dcm" "$work/dup.err"
check "... its entry carries no category of the exam it did not summarise (H28-17)" \
  bash -c "grep -o '<entry input=\"$work/dup-in/b.dcm\"[^>]*>' '$work/dup-out/index.xml' | grep -qv 'category='"
check "... the earlier one's result SR is the one written" \
  test "$(ls "$work/dup-sr" | wc -l)" -eq 1
"$mammocalc" summarize --read-own "$work/dup-sr"/*.dcm >"$work/dup-back.xml" 2>/dev/null
check "... and it is the earlier one's (benign, not the known malignancy)" \
  grep -q 'classification="benign"' "$work/dup-back.xml"
# The earlier one does not stand as the exam's only result (hostile review 36, H36-12): its
# entry, summary and result SR say that another result came under its UID (E19).
check "... the earlier entry needs review and says another result came" \
  bash -c "grep -o '<entry input=\"$work/dup-in/a.dcm\"[^>]*>' '$work/dup-out/index.xml' | grep 'sameExamDiffers=\"true\"' | grep -q 'needsReview=\"true\"'"
check "... its summary says the conflict, naming the later input" \
  grep -q "code=\"same-exam-conflict\">another input of this run, $work/dup-in/b.dcm" "$work/dup-out"/1*.xml
check "... its exam needs review" grep -q '<exam [^>]*needsReview="true"' "$work/dup-out"/1*.xml
check "... and its result SR asks for review" \
  bash -c "dsrdump '$work/dup-sr'/*.dcm 2>/dev/null | grep -q 'Radiologist review needed'"
cp "$dup_base" "$work/copy-in/a.dcm"
cp "$dup_base" "$work/copy-in/b.dcm"
"$mammocalc" summarize -o "$work/copy-out" --dicom-out "$work/copy-sr" "$work/copy-in" \
  >/dev/null 2>&1
check "a copy of the same SR: both summarised (exit 0), one result SR" \
  test $? -eq 0 -a "$(ls "$work/copy-sr" | wc -l)" -eq 1

finish
