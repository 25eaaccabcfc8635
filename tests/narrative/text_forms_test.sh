#!/usr/bin/env bash
# Text forms end to end (hostile review): Basic Text SRs with no Body Part Examined and no
# descriptions, one TEXT item each, through `mammocalc summarize`. A mammography report is read
# (breast words in its text), a chest CT report with calcifications is refused, and a report
# written on one line keeps its comparison out of the findings; a NUL byte in a text value hides
# nothing and is said.
# Run from the project root: text_forms_test.sh MAMMOCALC DUMP2DCM
set -u
mammocalc=$1
dump2dcm=$2
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() {
  local what=$1
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

# text_sr NAME TEXT: $work/NAME.dcm, a Basic Text SR whose one TEXT item holds TEXT (no '[' or ']').
serial=0
text_sr() {
  serial=$((serial + 1))
  cat >"$work/$1.dump" <<DUMP
(0002,0002) UI =BasicTextSRStorage
(0002,0003) UI [1.2.826.0.1.3680043.10.1363.950.$serial.3]
(0002,0010) UI =LittleEndianExplicit
(0008,0005) CS [ISO_IR 192]
(0008,0016) UI =BasicTextSRStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1363.950.$serial.3]
(0008,0060) CS [SR]
(0010,0010) PN [TEST^TEXTFORMS]
(0010,0020) LO [TF-$serial]
(0020,000d) UI [1.2.826.0.1.3680043.10.1363.950.$serial.1]
(0020,000e) UI [1.2.826.0.1.3680043.10.1363.950.$serial.2]
(0040,a040) CS [CONTAINER]
(0040,a043) SQ (Sequence with undefined length)
  (fffe,e000) na (Item with undefined length)
    (0008,0100) SH [18748-4]
    (0008,0102) SH [LN]
    (0008,0104) LO [Diagnostic imaging study]
  (fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a050) CS [SEPARATE]
(0040,a491) CS [COMPLETE]
(0040,a493) CS [UNVERIFIED]
(0040,a730) SQ (Sequence with undefined length)
  (fffe,e000) na (Item with undefined length)
    (0040,a010) CS [CONTAINS]
    (0040,a040) CS [TEXT]
    (0040,a043) SQ (Sequence with undefined length)
      (fffe,e000) na (Item with undefined length)
        (0008,0100) SH [121111]
        (0008,0102) SH [DCM]
        (0008,0104) LO [Summary]
      (fffe,e00d) na (ItemDelimitationItem)
    (fffe,e0dd) na (SequenceDelimitationItem)
    (0040,a160) UT [$2]
  (fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
DUMP
  "$dump2dcm" +l 1048576 "$work/$1.dump" "$work/$1.dcm" >/dev/null 2>&1 || echo "FAIL dump2dcm $1"
}

summarize() {
  "$mammocalc" summarize "$work/$1.dcm" >"$work/$1.xml" 2>"$work/$1.err"
  status=$?
}

# --- header-less breast reports are read ---
text_sr mammogram "Bilateral mammogram. Fine pleomorphic calcifications right breast at 10 o'clock. BI-RADS 4."
summarize mammogram
check "mammogram text without header: read (exit $status)" test "$status" -eq 0
check "mammogram text: a suspicious right finding" \
  grep -q '<finding id="F1" laterality="right" origin="narrative"' "$work/mammogram.xml"
check "mammogram text: fine pleomorphic" grep -q 'term="fine-pleomorphic"' "$work/mammogram.xml"

text_sr birads "Bilateral mammogram. Fine pleomorphic calcifications at 10 o'clock. BI-RADS 4."
summarize birads
check "mammogram and BI-RADS without the word breast: read (exit $status)" test "$status" -eq 0

text_sr retroareolar "Fine pleomorphic calcifications in the retroareolar region. BI-RADS 4."
summarize retroareolar
check "retroareolar text without header: read (exit $status)" test "$status" -eq 0

text_sr axillary_tail "Tomosynthesis. Grouped amorphous calcifications in the axillary tail at 10 o'clock."
summarize axillary_tail
check "axillary tail text without header: read (exit $status)" test "$status" -eq 0

# --- header-less reports of other organs are refused ---
text_sr chest "CT chest. Coronary artery calcifications. Aortic valve calcification. Breast tissue unremarkable."
summarize chest
check "chest CT text: refused (exit $status)" test "$status" -eq 1
check "chest CT text: says not breast imaging" grep -q "not a breast imaging report" "$work/chest.err"
# Hostile review 93 (m3): the root's meaning is free text (a site may write the patient's name
# there): the line names its code only.
check "chest CT text: names the root's code" grep -q "root concept (18748-4, LN))" "$work/chest.err"
check "chest CT text: quotes no root meaning" bash -c "! grep -q 'Diagnostic imaging study' '$work/chest.err'"

text_sr recommended "Coronary artery calcifications. Aortic calcification. Recommend screening mammogram."
summarize recommended
check "chest text recommending a mammogram: refused (exit $status)" test "$status" -eq 1

text_sr coronary "Coronary artery calcifications, left anterior descending artery. Aortic calcification at the arch."
summarize coronary
check "coronary text: refused (exit $status)" test "$status" -eq 1

# --- a report on one line: headings in the middle of the line ---
text_sr one_line "EXAM: MAMMO DIAG BILAT TECHNIQUE: CC and MLO views COMPARISON: 2019 calcifications stable since 2019 FINDINGS: Grouped amorphous calcifications left breast. IMPRESSION: BI-RADS 4."
summarize one_line
check "one-line report: read (exit $status)" test "$status" -eq 0
check "one-line report: one finding, left" \
  test "$(grep -c '<finding id=' "$work/one_line.xml")" -eq 1
check "one-line report: the finding is left" grep -q '<finding id="F1" laterality="left"' "$work/one_line.xml"
check "one-line report: reported category 4" grep -q 'reportedCategory="4"' "$work/one_line.xml"

# --- a NUL byte inside a text value: the text after it is read, and the repair is said ---
cp samples/text-bilateral.dcm "$work/nul.dcm"
offset=$(grep -obUa "Scattered vascular calcifications. No suspicious" "$work/nul.dcm" | head -1 | cut -d: -f1)
printf '\000' | dd of="$work/nul.dcm" bs=1 seek=$((offset + 18)) conv=notrunc status=none
summarize nul
check "NUL in text: read (exit $status)" test "$status" -eq 0
check "NUL in text: the repair is a warning" grep -q '<warning code="text-repaired">text item 1.1.1 held 1 NUL' "$work/nul.xml"
check "NUL in text: the sentence after the NUL is read" \
  grep -q '<mention status="negated"[^>]*laterality="left".*No suspicious calcifications' "$work/nul.xml"

# --- hostile review 29: the summary of a text report's distortion, other lesion and clock ---
# H29-8: a distortion the text attributes to surgery is quoted as its cause; no C15 4A biopsy.
text_sr postsurgical "Mammogram. RIGHT BREAST: Postsurgical architectural distortion at the lumpectomy site with dystrophic calcifications at 10 o'clock. IMPRESSION: BI-RADS 2."
summarize postsurgical
check "postsurgical distortion: read (exit $status)" test "$status" -eq 0
check "postsurgical distortion: the cause is quoted" grep -q '<quote field="lesionCause"[^>]*>Postsurgical</quote>' "$work/postsurgical.xml"
check "postsurgical distortion: category 2, no C15, W19 asks" bash -c "grep -q '<assessment category=\"2\"' '$work/postsurgical.xml' && ! grep -q 'rule id=\"C15\"' '$work/postsurgical.xml' && grep -q 'rule=\"W19\"' '$work/postsurgical.xml'"
# H29-9: the other breast's distortion has a row and a word; the report's 4 is not the
# calcifications' own.
text_sr other_breast "Mammogram. RIGHT BREAST: Round calcifications at 10 o'clock, scattered. LEFT BREAST: Architectural distortion at 2 o'clock. IMPRESSION: BI-RADS 4."
summarize other_breast
check "other breast's distortion: read (exit $status)" test "$status" -eq 0
check "other breast's distortion: the left row is 4" grep -q '<breast laterality="left" category="4"[^>]*findings="0"' "$work/other_breast.xml"
check "... the right calcifications stay 2, no biopsy" bash -c "grep -q '<assessment category=\"2\"' '$work/other_breast.xml' && ! grep -q 'action=\"biopsy\"' '$work/other_breast.xml'"
check "... E15 quotes the distortion" grep -q 'rule="E15">the report text names.*"Architectural distortion at 2 o.clock\."' "$work/other_breast.xml"
# H29-12: "2/3 o'clock" is a range; "13 o'clock" is no clock hour and is said.
text_sr slash_clock "Mammogram. RIGHT BREAST: Grouped fine pleomorphic calcifications at the 2/3 o'clock position. IMPRESSION: BI-RADS 4."
summarize slash_clock
check "2/3 o'clock: both hours quoted and the range said" bash -c "grep -q 'field=\"clock\" value=\"2\"' '$work/slash_clock.xml' && grep -q 'field=\"clock\" value=\"3\"' '$work/slash_clock.xml' && grep -q 'range 2.3' '$work/slash_clock.xml'"
text_sr hour_13 "Mammogram. RIGHT BREAST: Grouped fine pleomorphic calcifications between 12 and 13 o'clock. IMPRESSION: BI-RADS 4."
summarize hour_13
check "between 12 and 13 o'clock: said as no clock hour" grep -q 'code="narrative-unresolved"[^>]*>clock position "between 12 and 13 o.clock" names 13, which is no clock hour' "$work/hour_13.xml"

# --- a text beyond the reader's limit: refused, never summarised from part of its text ---
many=$(for ((k = 0; k < 20001; ++k)); do printf 'Grouped calcifications. '; done)
text_sr many_mentions "Left breast. $many"
summarize many_mentions
check "20,001 mentions: refused (exit $status)" test "$status" -eq 1
check "20,001 mentions: one line naming the file and the limit" test "$(cat "$work/many_mentions.err")" = \
  "mammocalc: $work/many_mentions.dcm: more than 20000 calcification mentions in the report text"
check "20,001 mentions: no summary left" test ! -s "$work/many_mentions.xml"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all text-form checks passed"
