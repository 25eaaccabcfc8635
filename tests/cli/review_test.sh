#!/usr/bin/env bash
# `mammocalc review` as a radiologist meets it: the golden text of every sample, the same view
# from an SR as from its summary, 100 columns, colour only on a terminal, hostile text made
# harmless in the terminal and in the page, one self-contained well-formed page. Run from the
# project root: review_test.sh MAMMOCALC XMLLINT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
start_test "$@"
export LC_ALL=C.UTF-8  # line widths in characters, not bytes

widest_line() {  # FILE...: the longest line's length in characters
  local widest=0 line
  while IFS= read -r line; do ((${#line} > widest)) && widest=${#line}; done < <(cat "$@")
  echo "$widest"
}

# Golden text: every expected summary, colour off.
golden=0
for summary in samples/expected/*.xml; do
  expected=${summary%.xml}.review.txt
  "$mammocalc" review --no-color "$summary" >"$work/actual.txt" 2>"$work/err"
  check "review of $summary exits 0" test $? -eq 0
  check "review of $summary equals $expected" diff -u "$expected" "$work/actual.txt"
  golden=$((golden + 1))
done
check "golden review texts exist for the samples (found $golden)" test "$golden" -ge 27

# Findings of both breasts or of a breast not recorded get their own headings, and the right and
# left lines never call a breast free of calcifications that such a finding may lie in.
cat >"$work/unplaced.annotations.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<annotations xmlns="urn:mammocalc:annotations:1">
  <study studyInstanceUid="1.2.826.0.1.3680043.10.1363.990.1" accessionNumber="ACC0990"/>
  <finding action="add">
    <laterality>both</laterality>
    <morphology>fine-pleomorphic</morphology>
    <distribution>segmental</distribution>
  </finding>
  <finding action="add">
    <morphology>amorphous</morphology>
    <distribution>grouped</distribution>
  </finding>
</annotations>
XML
"$mammocalc" review --no-color "$work/unplaced.annotations.xml" >"$work/unplaced.txt" 2>"$work/err"
check "review of bilateral and unplaced findings exits 0" test $? -eq 0
check "... lists the bilateral finding under BOTH breasts" grep -qx "BOTH breasts (1 finding)" "$work/unplaced.txt"
check "... lists the unplaced finding under Breast NOT RECORDED" grep -q "^Breast NOT RECORDED: BI-RADS 4" "$work/unplaced.txt"
check "... never says a breast has no calcification finding" bash -c "! grep -q 'no calcification finding reported' '$work/unplaced.txt'"
check "... gives the right breast the bilateral finding's category and points to both headings" \
  grep -qx "RIGHT breast: BI-RADS 4C suspicious; see BOTH breasts and Breast NOT RECORDED below" "$work/unplaced.txt"
sed -i '/<laterality>both<\/laterality>/d' "$work/unplaced.annotations.xml"
"$mammocalc" review --no-color "$work/unplaced.annotations.xml" >"$work/unplaced.txt" 2>"$work/err"
check "with only unplaced findings the left breast points to them" \
  grep -qx "LEFT breast: no finding recorded for this breast alone; see Breast NOT RECORDED below" "$work/unplaced.txt"

# The page never replaces an input: review --html naming an input is a usage error.
cp samples/bir-known-malignancy.dcm "$work/own-input.dcm"
ln -s "$work/own-input.dcm" "$work/own-link.html"
"$mammocalc" review --html "$work/own-input.dcm" "$work/own-input.dcm" >/dev/null 2>"$work/own.err"
check "review --html naming its input exits 2" test $? -eq 2
check "... says the output would overwrite the input" grep -q "output would overwrite the input" "$work/own.err"
check "... and leaves the input as it was" cmp -s samples/bir-known-malignancy.dcm "$work/own-input.dcm"
"$mammocalc" review --html "$work/own-link.html" "$work/own-input.dcm" >/dev/null 2>&1
check "review --html through a symlink to its input exits 2" test $? -eq 2
check "... and leaves the input as it was" cmp -s samples/bir-known-malignancy.dcm "$work/own-input.dcm"

# An SR gives the same view as its summary (the summary is the one source of what is shown).
for sr in samples/*.dcm; do
  name=$(basename "$sr" .dcm)
  [[ -f samples/$name.site-profile.xml ]] && continue
  "$mammocalc" review --no-color "$sr" >"$work/from-sr.txt" 2>/dev/null
  check "review of $sr equals the review of its summary" \
    diff -u "samples/expected/$name.review.txt" "$work/from-sr.txt"
done
"$mammocalc" review --no-color samples/annotation-only.annotations.xml >"$work/from-annotations.txt"
check "review of an annotation file equals the review of its summary" \
  diff -u samples/expected/annotation-only.review.txt "$work/from-annotations.txt"

# Fits 100 columns, with the trace too; the trace shows every fired rule and its source.
"$mammocalc" review --no-color --trace samples/*.dcm >"$work/trace.txt" 2>/dev/null
check "review --trace fits 100 columns" test "$(widest_line "$work/trace.txt")" -le 100
check "every golden text fits 100 columns" test "$(widest_line samples/expected/*.review.txt)" -le 100
"$mammocalc" review --no-color --trace samples/bir-suspicious-vacuum-assisted.dcm >"$work/one-trace.txt"
for rule in S3 C0 C7 C9 R1 A7 B5 E1; do
  check "--trace lists rule $rule" grep -q "rule $rule \[" "$work/one-trace.txt"
done
check "--trace cites the seed article" grep -q "Source: SEED" "$work/one-trace.txt"
check "without --trace no rules are listed" test -z "$(grep 'rule S3' samples/expected/bir-suspicious-vacuum-assisted.review.txt)"

# The view a reader needs: breast, clock position, site, category, biopsy type.
text=samples/expected/bir-bilateral-right-suspicious.review.txt
check "bilateral: right breast suspicious" grep -q "^RIGHT breast: BI-RADS 5 suspicious" "$text"
check "bilateral: left breast benign" grep -q "^LEFT breast: BI-RADS 2 benign" "$text"
check "bilateral: clock and depth" grep -q "F1  10 o'clock, middle depth" "$text"
check "bilateral: biopsy type and guidance" grep -q -- "-> biopsy: vacuum-assisted, stereotactic guidance" "$text"
check "the verdict lists the most urgent action first" grep -q -- "^Verdict: BI-RADS 5 suspicious -> biopsy, routine screening$" "$text"
# The order comes from the summary's urgency, not from where the actions stand in it; a summary
# from before the urgency attribute (least urgent first) reads the same.
summary=samples/expected/bir-bilateral-right-suspicious.xml
# (hold the routine-screening line, give it back after the biopsy line)
sed -e '/<action value="routine-screening"/{h;d}' -e '/<action value="biopsy"/G' "$summary" >"$work/reordered.xml"
check "(the reordered summary lists biopsy first)" test "$(grep -o '<action value="[a-z-]*"' "$work/reordered.xml" | head -n 1)" = '<action value="biopsy"'
"$mammocalc" review --no-color "$work/reordered.xml" >"$work/reordered.txt"
check "actions in another order in the summary: the same view" diff -u "$text" "$work/reordered.txt"
sed 's| urgency="[0-9]"||' "$summary" >"$work/no-urgency.xml"
"$mammocalc" review --no-color "$work/no-urgency.xml" >"$work/no-urgency.txt"
check "a summary without urgency: the same view" diff -u "$text" "$work/no-urgency.txt"
check "an indeterminate finding reads 'needs radiologist review'" grep -q "needs radiologist review" samples/expected/bir-site-conflict.review.txt
overall=samples/expected/bir-overall-suspicious.review.txt
# The suspicious mass its text names (hostile review 43, H43-1) makes the right breast 4: biopsy.
check "benign calcifications under a suspicious overall assessment: the verdict is not benign, its actions the findings'" \
  grep -q "^Verdict: BI-RADS 4 suspicious -> the findings: biopsy, routine screening (the category is the$" "$overall"
check "... the text's mass is named" grep -q "^! assessment-discordant: the report text names (129788004, SCT, \"Mammographic breast mass\")" "$overall"
check "... and says why" grep -q "^! assessment-discordant: the report's overall assessment is 4" "$overall"
discordant=samples/expected/bir-assessment-discordant.review.txt
check "a discordant suspicious finding also reads 'needs radiologist review'" \
  grep -q "BI-RADS 4B suspicious (radiologist reported 2); needs radiologist review" "$discordant"
check "... and the verdict counts it" grep -q "^Verdict: .*; 1 finding needs radiologist review$" "$discordant"
check "a finding nothing flagged does not" test -z "$(grep 'needs radiologist review' samples/expected/bir-suspicious-vacuum-assisted.review.txt | grep -v '^Decision support')"
sed 's| needsReview="[a-z]*"||' samples/expected/bir-assessment-discordant.xml >"$work/old-discordant.xml"
"$mammocalc" review --no-color "$work/old-discordant.xml" >"$work/old-discordant.txt"
"$mammocalc" review --no-color --html "$work/discordant.html" samples/expected/bir-assessment-discordant.xml >/dev/null
"$mammocalc" review --no-color --html "$work/overall.html" samples/expected/bir-overall-suspicious.xml >/dev/null
check "the page's rule trace has the exam rows" grep -q "<td>E4</td>" "$work/overall.html"
# (2 + the legend's 2 + the trace row of W20: its normal-interval follow-up asks for less than a
# biopsy, hostile review 26)
check "the page marks the discordant finding and counts it in the verdict" test \
  "$(grep -o 'needs radiologist review' "$work/discordant.html" | wc -l)" -eq 5
check "a summary from before needsReview: only indeterminate reads 'needs radiologist review'" \
  test -z "$(grep 'needs radiologist review' "$work/old-discordant.txt" | grep -v '^Decision support')"
check "the notice says decision support, not a diagnosis" grep -q "not a diagnosis" "$text"

# Colour only on a terminal: under a pseudo-terminal (script), not when piped, never with
# --no-color or NO_COLOR.
esc=$'\x1b'
script -qec "$mammocalc review samples/bir-bilateral-right-suspicious.dcm" /dev/null >"$work/tty.txt"
check "on a terminal: suspicious in red" grep -qF "${esc}[1;31mBI-RADS 5 suspicious" "$work/tty.txt"
check "on a terminal: benign in green" grep -qF "${esc}[1;32mBI-RADS 2 benign" "$work/tty.txt"
"$mammocalc" review samples/bir-bilateral-right-suspicious.dcm >"$work/piped.txt"
check "piped: no escape codes" test -z "$(grep -F "$esc" "$work/piped.txt")"
script -qec "$mammocalc review --no-color samples/bir-bilateral-right-suspicious.dcm" /dev/null >"$work/tty-off.txt"
check "--no-color on a terminal: no escape codes" test -z "$(grep -F "$esc" "$work/tty-off.txt")"
NO_COLOR=1 script -qec "$mammocalc review samples/bir-bilateral-right-suspicious.dcm" /dev/null >"$work/tty-nocolor.txt"
check "NO_COLOR on a terminal: no escape codes" test -z "$(grep -F "$esc" "$work/tty-nocolor.txt")"
"$mammocalc" review --color samples/bir-probably-benign-punctate.dcm >"$work/forced.txt"
check "--color forces colour (probably benign in yellow)" grep -qF "${esc}[1;33m" "$work/forced.txt"

# --redact: no patient line, no patient in the page.
"$mammocalc" review --no-color --redact --html "$work/redacted.html" samples/bir-bilateral-right-suspicious.dcm >"$work/redacted.txt"
check "--redact: no patient in the text" test -z "$(grep -e SAMPLE^BILATERAL -e MC-0017 "$work/redacted.txt")"
check "--redact: no patient in the page" test -z "$(grep -e SAMPLE^BILATERAL -e MC-0017 "$work/redacted.html")"

# Hostile text in a summary: markup, quotes, ampersands and terminal escape sequences.
sed -e 's|name="SAMPLE^BILATERAL"|name="\&lt;script\&gt;alert(\&quot;x\&quot;)\&lt;/script\&gt; \&amp; \&apos;q\&apos; \&#27;[2J\&#27;]0;pwned\&#7;"|' \
  -e 's|accessionNumber="ACC0117"|accessionNumber="\&lt;img src=x onerror=alert(1)\&gt;"|' \
  samples/expected/bir-bilateral-right-suspicious.xml >"$work/hostile.xml"
check "the hostile summary was made" grep -q '&lt;script' "$work/hostile.xml"
"$mammocalc" review --no-color --html "$work/hostile.html" "$work/hostile.xml" >"$work/hostile.txt"
check "hostile: review exits 0" test $? -eq 0
check "hostile: no escape byte reaches the terminal" test -z "$(grep -F "$esc" "$work/hostile.txt")"
check "hostile: no bell byte reaches the terminal" test -z "$(grep -F $'\a' "$work/hostile.txt")"
check "hostile: the name is shown, made harmless" grep -qF '<script>alert("x")</script> & '"'q'"' ?[2J?]0;pwned?' "$work/hostile.txt"
check "hostile: the page is well-formed" "$xmllint" --noout "$work/hostile.html"
check "hostile: no script element in the page" test -z "$(grep -i '<script' "$work/hostile.html")"
check "hostile: no injected img element in the page" test -z "$(grep -i '<img' "$work/hostile.html")"
check "hostile: the name is escaped in the page" grep -qF '&lt;script&gt;alert("x")&lt;/script&gt; &amp;' "$work/hostile.html"

# The page: self-contained, well-formed, the diagram and the trace in it.
"$mammocalc" review --html "$work/page.html" samples/bir-bilateral-right-suspicious.dcm samples/bir-benign-coarse-vascular.dcm >/dev/null
check "--html writes the page" test -s "$work/page.html"
check "the page is well-formed (xmllint)" "$xmllint" --noout "$work/page.html"
check "the page starts with the HTML doctype" test "$(head -n 1 "$work/page.html")" = "<!DOCTYPE html>"
check "the page has the breast diagram" grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$work/page.html"
check "the page loads nothing from outside (no src=, no link, no @import)" test -z "$(grep -E -i 'src=|<link|@import|url\(' "$work/page.html")"
check "the page runs no script" test -z "$(grep -i '<script' "$work/page.html")"
check "the page has the rule trace with citations" grep -q "Liberman L" "$work/page.html"
check "the page says decision support, not a diagnosis" grep -q "not a diagnosis" "$work/page.html"
check "a finding without a clock position is listed beside the diagram" grep -q "F2, right breast: position not recorded" "$work/page.html"
awk '/<svg/ { inside = 1 } inside { print } /<\/svg>/ { exit }' "$work/page.html" >"$work/diagram.svg"
check "the SVG alone is well-formed (xmllint)" "$xmllint" --noout "$work/diagram.svg"
check "empty elements are written open and closed (HTML parsers ignore '/>')" test -z "$(grep -E '<(div|td|p|span|ul|section)[^>]*/>' "$work/page.html")"

# A bad input fails alone: one line naming it, the others still shown, exit 1.
printf 'not dicom' >"$work/junk.dcm"
"$mammocalc" review --no-color "$work/junk.dcm" samples/bir-bilateral-right-suspicious.dcm >"$work/out.txt" 2>"$work/err.txt"
check "a bad input makes review exit 1" test $? -eq 1
check "the bad input gets one line naming it" test "$(grep -c "$work/junk.dcm" "$work/err.txt")" -eq 1
check "the good input is still shown" grep -q "Exam ACC0117" "$work/out.txt"
check "the line has the one form of every command, mammocalc: FILE: reason" \
  grep -q "^mammocalc: $work/junk.dcm: " "$work/err.txt"
# With --html, a page missing an exam asked for would look complete: none is written.
"$mammocalc" review --no-color --html "$work/partial.html" "$work/junk.dcm" \
  samples/bir-bilateral-right-suspicious.dcm >/dev/null 2>"$work/err.txt"
check "review --html with a bad input exits 1" test $? -eq 1
check "... writes no page" test ! -e "$work/partial.html"
check "... and says so" grep -q "^mammocalc: $work/partial.html: not written, as an input failed" "$work/err.txt"
# review OUTDIR/*.xml meets the batch's index.xml: a plain reason, not a DICOM error.
"$mammocalc" summarize -o "$work/review-batch" samples/bir-known-malignancy.dcm \
  samples/bir-site-conflict.dcm 2>/dev/null
"$mammocalc" review --no-color "$work/review-batch"/*.xml >"$work/out.txt" 2>"$work/err.txt"
check "review OUTDIR/*.xml shows the summaries" test "$(grep -c '^== Exam ' "$work/out.txt")" -eq 2
check "... and names the index as what it is" \
  grep -qx "mammocalc: $work/review-batch/index.xml: a batch index (index.xml), not an exam; review the summaries it lists" "$work/err.txt"
printf '<mammocalcSummary/>' >"$work/not-ours.xml"
"$mammocalc" review "$work/not-ours.xml" >/dev/null 2>"$work/err.txt"
check "an XML file that is not a summary exits 1" test $? -eq 1
check "... with a line saying why" grep -q "not a mammocalc summary" "$work/err.txt"
# A summary with no <exam> or two shows no verdict it does not hold (hostile review 71).
"$mammocalc" summarize samples/bir-known-malignancy.dcm >"$work/one-exam.xml" 2>/dev/null
python3 - "$work/one-exam.xml" "$work/no-exam.xml" "$work/two-exams.xml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
exam = re.search(r"  <exam .*?</exam>\n", text, re.S).group(0)
open(sys.argv[2], "w", encoding="utf-8").write(text.replace(exam, ""))
open(sys.argv[3], "w", encoding="utf-8").write(text.replace(exam, exam + exam.replace('category="6"', 'category="2"')))
PY
for broken in no-exam two-exams; do
  "$mammocalc" review "$work/$broken.xml" >/dev/null 2>"$work/err.txt"
  check "a summary with $broken exits 1" test $? -eq 1
  check "... naming the <exam> count" grep -q "<exam> elements; a mammocalc summary holds one" "$work/err.txt"
done
"$mammocalc" review >/dev/null 2>&1
check "review without input is a usage error (2)" test $? -eq 2

# Reports read from their text (issue 16): the words the tool read, shown where a person reads.
gold=tests/narrative/gold
narrative_srs() {  # NAME...: builds each gold report into $work/NAME.dcm (DCMTK's xml2dsr)
  local name body
  for name in "$@"; do
    xml2dsr "$gold/sources/$name.xml" "$work/$name.dcm" 2>/dev/null || return 1
    body=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$gold/headers.tsv")
    if [[ -n $body && $body != none ]]; then
      dcmodify -nb -i "(0018,0015)=$body" "$work/$name.dcm" 2>/dev/null || return 1
    fi
  done
}
narrative_srs sus01_issue16_reproduction neg01_screening_negative unc01_possible_amorphous
check "the gold text reports build (xml2dsr, dcmodify)" test $? -eq 0
sus=$work/sus01_issue16_reproduction
"$mammocalc" review --no-color "$sus.dcm" >"$sus.txt" 2>/dev/null
check "text report: review exits 0" test $? -eq 0
check "text report: the finding is marked as read from report text" \
  grep -q "^  F1  \[from report text\] 10 o'clock, middle depth" "$sus.txt"
check "text report: the findings sentence is quoted under it" \
  grep -q '^      Findings text: "There are fine pleomorphic calcifications in a segmental' "$sus.txt"
check "text report: the impression sentence is quoted under it" \
  grep -q '^      Impression text: "BI-RADS 4C: Suspicious calcifications, right breast."' "$sus.txt"
check "text report: the stated assessment is shown with its words" \
  grep -q '^Report text states: BI-RADS 4C (right breast) — "BI-RADS 4C: Suspicious' "$sus.txt"
check "text report: it fits 100 columns" test "$(widest_line "$sus.txt")" -le 100
"$mammocalc" summarize "$sus.dcm" >"$sus.xml" 2>/dev/null
"$mammocalc" review --no-color "$sus.xml" >"$sus.from-summary.txt" 2>/dev/null
check "text report: the review of its summary is the review of the SR" diff -u "$sus.txt" "$sus.from-summary.txt"
neg=$work/neg01_screening_negative
"$mammocalc" review --no-color "$neg.dcm" >"$neg.txt" 2>/dev/null
check "negative text report: no calcification finding" grep -q "This report contains no calcification finding." "$neg.txt"
check "... and the negated sentences it rests on, with their status" \
  grep -qx '  - negated ("No"), impression: "No suspicious calcifications."' "$neg.txt"
check "... under the read-text heading" grep -qx "Read in the report text, gave no finding:" "$neg.txt"
unc=$work/unc01_possible_amorphous
"$mammocalc" review --no-color "$unc.dcm" >"$unc.txt" 2>/dev/null
check "uncertain text report: the marker gives the status" grep -q "^  F1  \[from report text, uncertain\]" "$unc.txt"
"$mammocalc" review --no-color samples/bir-suspicious-stereotactic.dcm >"$work/listed.txt" 2>/dev/null
"$mammocalc" review --no-color samples/bir-benign-coarse-vascular.dcm >"$work/paired.txt" 2>/dev/null
check "coded report: benign text beside the coded findings is listed, said to be covered" \
  grep -q "^Read in the report text beside the coded findings, gave no finding of its own:" \
  "$work/paired.txt"
check "coded report: no finding is marked as read from text" test -z "$(grep -F '[from report text' "$work/listed.txt")"
# The page: the badge, the quotes, and report text escaped as any text.
sed 's|There are fine pleomorphic calcifications|\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&amp; fine pleomorphic calcifications|' \
  "$sus.xml" >"$work/narrative-hostile.xml"
check "(the hostile narrative summary was made)" grep -q '&lt;script&gt;alert(1)' "$work/narrative-hostile.xml"
"$mammocalc" review --no-color --html "$work/narrative.html" "$work/narrative-hostile.xml" >"$work/narrative-hostile.txt"
check "narrative page: review exits 0" test $? -eq 0
check "narrative page: well-formed (xmllint)" "$xmllint" --noout "$work/narrative.html"
check "narrative page: no script element" test -z "$(grep -i '<script' "$work/narrative.html")"
check "narrative page: the quote is escaped" grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; fine pleomorphic' "$work/narrative.html"
check "narrative page: the finding carries the from-report-text badge" \
  grep -qF '<span class="from-text" title="read from the report'"'"'s text, not from coded content: check the quote">[from report text]</span>' "$work/narrative.html"
check "narrative text: the quote reaches the terminal as words" \
  grep -qF '"<script>alert(1)</script> & fine pleomorphic' "$work/narrative-hostile.txt"

finish
