#!/usr/bin/env bash
# Annotation files as a run sees them (hostile review 29, H29-7, H29-12): a file that names
# another SR of the run is that SR's, which takes it in this same run (no E17, no failure for
# the others), while one naming an SR the run does not hold is still said (E17) or an error; two
# copies of one file never count a finding twice; a pseudonymised batch labels an annotation file
# the same in its index's error texts as in its summaries.
#   annotation_run_test.sh MAMMOCALC       (run from the project root)
set -u
mammocalc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
command -v dcmodify >/dev/null || { echo "FAIL: dcmodify (Debian package dcmtk) is not installed"; exit 1; }
base=samples/bir-benign-coarse-vascular.dcm
exam() { grep -o '<exam [^>]*' "$1"; }
export -f exam
reviewed() { exam "$1" | grep -q 'needsReview="true"'; }
not_reviewed() { exam "$1" | grep -q 'needsReview="false"'; }
export -f reviewed not_reviewed
uid_of() { dcmdump +P "$1" "$2" | sed -n 's/.*\[\(.*\)\].*/\1/p'; }
study=$(uid_of 0020,000d "$base")
sop_x=$(uid_of 0008,0018 "$base")
sop_y=1.2.3.999
check "the sample's UIDs are read" test -n "$study" -a -n "$sop_x"
# Two SRs of one study (a report and, say, its CAD SR): x is the sample, y a copy under another
# SOP Instance UID.
mkdir "$work/in"
cp "$base" "$work/in/x.dcm"
cp "$base" "$work/in/y.dcm"
dcmodify -nb -m "(0008,0018)=$sop_y" "$work/in/y.dcm" >/dev/null 2>&1
check "the second SR has its own SOP Instance UID" test "$(uid_of 0008,0018 "$work/in/y.dcm")" = "$sop_y"
made_on() {  # SOP: this study's annotation made on that SR (the coarse finding's site refined)
  printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="%s" sopInstanceUid="%s"/>\n  <finding action="refine" srPosition="1.3.2.2">\n    <palpable>no</palpable>\n  </finding>\n</annotations>\n' "$study" "$1"
}
mkdir "$work/ann"
made_on "$sop_x" >"$work/ann/for_x.xml"
made_on "$sop_y" >"$work/ann/for_y.xml"
summary_of() { echo "$1/$2.xml"; }  # DIR SOP

# H29-7: one annotation file per SR of the study, in one directory, both SRs in one batch. Each
# file is taken by its own SR in this very run: nothing vanished, no review for the other.
"$mammocalc" summarize -o "$work/two" --annotations "$work/ann" "$work/in" >/dev/null 2>"$work/two.err"
check "H29-7: both SRs and their own annotations in one batch: exit 0" test $? -eq 0
for sop in "$sop_x" "$sop_y"; do
  out=$(summary_of "$work/two" "$sop")
  check "... $sop: its own file applied" grep -q 'annotation file="[^"]*for_[xy].xml"' "$out"
  check "... $sop: no annotation-other-sr for the file the other SR took" \
    bash -c "! grep -q 'annotation-other-sr' '$out'"
  check "... $sop: no E17, no review" bash -c "! grep -q 'rule id=\"E17\"' '$out'"
  check "... $sop: the exam needs no review" not_reviewed "$out"
done
check "... x's summary applied x's file, not y's" \
  bash -c "grep -q 'for_x.xml' '$(summary_of "$work/two" "$sop_x")' && ! grep -q 'for_y.xml\" line' '$(summary_of "$work/two" "$sop_x")'"
# A file naming an SR that is not in the run (a mistyped sopInstanceUid) keeps E17: its finding
# must not vanish.
mkdir "$work/typo"
cp "$work/ann/for_x.xml" "$work/typo/"
made_on 1.2.3.998 >"$work/typo/mistyped.xml"
"$mammocalc" summarize -o "$work/typo-out" --annotations "$work/typo" "$work/in" >/dev/null 2>&1
for sop in "$sop_x" "$sop_y"; do
  out=$(summary_of "$work/typo-out" "$sop")
  check "a file naming no SR of the run: $sop: annotation-other-sr names it, E17, review" \
    bash -c "grep -q 'code=\"annotation-other-sr\">[^<]*mistyped.xml' '$out' && grep -q 'rule id=\"E17\"' '$out' && exam '$out' | grep -q 'needsReview=\"true\"'"
done
# One SR on its own (summarize, hook for one object): the other SR is not in the run, so its
# file is said (E17), as before.
"$mammocalc" summarize --annotations "$work/ann" "$work/in/x.dcm" >"$work/alone.xml" 2>/dev/null
check "one SR alone: the other SR's file is said (annotation-other-sr, E17, review)" \
  bash -c "grep -q 'code=\"annotation-other-sr\">[^<]*for_y.xml' '$work/alone.xml' && exam '$work/alone.xml' | grep -q 'needsReview=\"true\"'"
"$mammocalc" hook --out "$work/hook-one" --annotations "$work/ann" "$work/in/x.dcm" 2>/dev/null
check "hook with one SR: the other SR's file is said (E17, review)" \
  bash -c "grep -q 'rule id=\"E17\"' '$(summary_of "$work/hook-one" "$sop_x")' && reviewed '$(summary_of "$work/hook-one" "$sop_x")'"
# hook once per study (storescp --exec-on-eostudy): the study's SRs are the run's inputs.
"$mammocalc" hook --out "$work/hook-study" --annotations "$work/ann" "$work/in" 2>/dev/null
check "hook with the study's two SRs: no E17 for the file the other SR took" \
  bash -c "! grep -q 'rule id=\"E17\"' '$work/hook-study'/*.xml && not_reviewed '$(summary_of "$work/hook-study" "$sop_x")'"

# H29-12: a file named on the command line that names one SR of the run is that SR's business:
# the other SRs of the study are summarised without it, not failed.
"$mammocalc" summarize -o "$work/named" --annotations "$work/ann/for_x.xml" "$work/in" \
  >/dev/null 2>"$work/named.err"
check "H29-12: a named file for x in a batch with y: exit 0" test $? -eq 0
check "... x took it" grep -q 'annotation file="[^"]*for_x.xml"' "$(summary_of "$work/named" "$sop_x")"
check "... y summarised without it, no review" \
  bash -c "! grep -q 'for_x.xml' '$(summary_of "$work/named" "$sop_y")' && not_reviewed '$(summary_of "$work/named" "$sop_y")'"
check "... nothing failed on standard error" bash -c "! grep -q invalid-annotation '$work/named.err' && ! grep -q 'another SR' '$work/named.err'"
# A named file that names no SR of the run is still an error, for every SR.
"$mammocalc" summarize -o "$work/named-typo" --annotations "$work/typo/mistyped.xml" "$work/in" \
  >/dev/null 2>&1
check "a named file naming no SR of the run: exit 1" test $? -eq 1
check "... both SRs failed with invalid-annotation" \
  test "$(grep -c 'errorCode="invalid-annotation"' "$work/named-typo/index.xml")" -eq 2
"$mammocalc" summarize --annotations "$work/ann/for_y.xml" "$work/in/x.dcm" >/dev/null 2>&1
check "... and a single SR with a named file for another SR: still exit 1" test $? -eq 1
# Hostile review 81: a named file of the study that names no SR, in a batch that also holds
# another study: applied to the study's SRs, the other study summarised without it, exit 0.
mkdir "$work/two-studies"
cp "$base" "$work/two-studies/x.dcm"
cp "$base" "$work/two-studies/other.dcm"
dcmodify -nb -m "(0020,000d)=1.2.3.777" -m "(0008,0018)=1.2.3.778" \
  "$work/two-studies/other.dcm" >/dev/null 2>&1
printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="%s"/>\n  <finding action="refine" srPosition="1.3.2.2">\n    <palpable>no</palpable>\n  </finding>\n</annotations>\n' \
  "$study" >"$work/study_level.xml"
"$mammocalc" summarize -o "$work/two-studies-out" --annotations "$work/study_level.xml" \
  "$work/two-studies" >/dev/null 2>"$work/two-studies.err"
check "a named study-level file in a batch of two studies: exit 0" test $? -eq 0
check "... its study's SR took it" \
  grep -q 'annotation file="[^"]*study_level.xml"' "$(summary_of "$work/two-studies-out" "$sop_x")"
check "... the other study summarised without it, no review" \
  bash -c "! grep -q 'study_level.xml' '$(summary_of "$work/two-studies-out" 1.2.3.778)' && not_reviewed '$(summary_of "$work/two-studies-out" 1.2.3.778)'"
check "... nothing failed on standard error" bash -c "! grep -q 'another study' '$work/two-studies.err'"
"$mammocalc" summarize --annotations "$work/study_level.xml" "$work/two-studies/other.dcm" \
  >/dev/null 2>&1
check "... the other study's SR alone with that file: still exit 1" test $? -eq 1

# H29-12: two byte-identical copies of one "add" file say one finding twice: counted once, the
# copy said (annotation-duplicate naming both files) and the exam reviewed.
add_file() {
  printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="%s"/>\n  <finding action="add">\n    <laterality>left</laterality>\n    <morphology>coarse-popcorn</morphology>\n  </finding>\n</annotations>\n' "$study"
}
count_added() { grep -c 'origin="annotation"' "$1"; }
mkdir "$work/adcp"
add_file >"$work/adcp/late.xml"
"$mammocalc" summarize --annotations "$work/adcp" "$base" >"$work/once.xml" 2>/dev/null
check "control: one add file adds one finding" test "$(count_added "$work/once.xml")" -eq 1
cp "$work/adcp/late.xml" "$work/adcp/late_copy.xml"
"$mammocalc" summarize --annotations "$work/adcp" "$base" >"$work/copies.xml" 2>/dev/null
check "two copies in a directory: exit 0" test $? -eq 0
check "... the finding counted once" test "$(count_added "$work/copies.xml")" -eq 1
check "... the copy said, naming both files" \
  grep -q "code=\"annotation-duplicate\"[^>]*>$work/adcp/late_copy.xml: [^<]*$work/adcp/late.xml" "$work/copies.xml"
check "... the exam needs review" reviewed "$work/copies.xml"
"$mammocalc" summarize --annotations "$work/adcp/late.xml" --annotations "$work/adcp/late_copy.xml" \
  "$base" >"$work/named-copies.xml" 2>/dev/null
check "two copies given by name: the finding counted once" test "$(count_added "$work/named-copies.xml")" -eq 1
check "... the copy said, the exam reviewed" \
  bash -c "grep -q 'code=\"annotation-duplicate\"' '$work/named-copies.xml' && reviewed '$work/named-copies.xml'"

# H31-5: a file cut off in an annotation directory whose first bytes are a mammocalc summary is no
# readable summary: said like any unreadable file of the directory (annotation-skipped, E12,
# review), never passed over as one of mammocalc's own kinds. A whole summary stays silent.
"$mammocalc" summarize samples/bir-bilateral-right-suspicious.dcm >"$work/sum.xml" 2>/dev/null
mkdir "$work/own-whole" "$work/own-cut" "$work/own-cut-other-name"
cp "$work/sum.xml" "$work/own-whole/sum.xml"
cp "$work/sum.xml" "$work/own-whole/sum.txt"
"$mammocalc" summarize --annotations "$work/own-whole" "$base" >"$work/own-whole.xml" 2>"$work/own-whole.err"
check "H31-5 control: a whole summary in the directory is passed over silently" \
  bash -c "! grep -q 'annotation-skipped' '$work/own-whole.xml' && not_reviewed '$work/own-whole.xml' && ! test -s '$work/own-whole.err'"
head -c 400 "$work/sum.xml" >"$work/own-cut/cut.xml"
"$mammocalc" summarize --annotations "$work/own-cut" "$base" >"$work/own-cut.xml" 2>"$work/own-cut.err"
check "H31-5: a cut-off summary (*.xml): exit 0" test $? -eq 0
check "... annotation-skipped names it" grep -q "code=\"annotation-skipped\"[^>]*>$work/own-cut/cut.xml: " "$work/own-cut.xml"
check "... E12, the exam needs review" \
  bash -c "grep -q 'rule id=\"E12\"' '$work/own-cut.xml' && reviewed '$work/own-cut.xml'"
check "... said on standard error" grep -q "$work/own-cut/cut.xml: " "$work/own-cut.err"
head -c 400 "$work/sum.xml" >"$work/own-cut-other-name/cut.txt"
"$mammocalc" summarize --annotations "$work/own-cut-other-name" "$base" >"$work/own-cut-txt.xml" 2>/dev/null
check "H31-5: a cut-off summary under another name (starts as XML): said, reviewed" \
  bash -c "grep -q 'code=\"annotation-skipped\"[^>]*>[^<]*cut.txt' '$work/own-cut-txt.xml' && reviewed '$work/own-cut-txt.xml'"

# Hostile review 89: a whole file with the summary's root that is no summary mammocalc can read
# (an annotation file wrapped in <mammocalcSummary>) is said and reviewed, never passed over.
mkdir "$work/own-wrapped"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<mammocalcSummary xmlns="urn:mammocalc:summary:1"><finding/></mammocalcSummary>\n' \
  >"$work/own-wrapped/wrapped.xml"
"$mammocalc" summarize --annotations "$work/own-wrapped" "$base" >"$work/own-wrapped.xml" 2>/dev/null
check "H89: a summary's root around no summary: annotation-skipped, reviewed" \
  bash -c "grep -q 'code=\"annotation-skipped\"[^>]*>[^<]*wrapped.xml: starts as mammocalc' '$work/own-wrapped.xml' && reviewed '$work/own-wrapped.xml'"

# H30-6: a file saved again by an editor (indentation, a comment, CRLF line ends, a byte order
# mark, another XML declaration, attributes in single quotes or another order) says the same
# annotation as the file it copies: applied once, annotation-duplicate names both, E18, review.
add_variant() {  # NAME: late.xml as another editor would save it
  local f
  f=$(add_file)
  case $1 in
    ws) sed 's/^  /    /' <<<"$f" ;;
    cmt) sed 's|^  <finding|  <!-- copy -->\n  <finding|' <<<"$f" ;;
    crlf) sed 's/$/\r/' <<<"$f" ;;
    bom) printf '\xef\xbb\xbf%s\n' "$f" ;;
    enc) sed 's/<?xml version="1.0"?>/<?xml version="1.0" encoding="utf-8"?>/' <<<"$f" ;;
    quote) sed "s/action=\"add\"/action='add'/" <<<"$f" ;;
  esac
}
for variant in ws cmt crlf bom enc quote; do
  mkdir "$work/near-$variant"
  add_file >"$work/near-$variant/late.xml"
  add_variant "$variant" >"$work/near-$variant/late_copy.xml"
  check "H30-6 $variant: the copy differs in its bytes" \
    bash -c "! cmp -s '$work/near-$variant/late.xml' '$work/near-$variant/late_copy.xml'"
  "$mammocalc" summarize --annotations "$work/near-$variant" "$base" >"$work/near-$variant.xml" 2>/dev/null
  check "... the finding counted once" test "$(count_added "$work/near-$variant.xml")" -eq 1
  check "... annotation-duplicate names both files, E18, review" \
    bash -c "grep -q 'code=\"annotation-duplicate\"[^>]*>$work/near-$variant/late_copy.xml: [^<]*$work/near-$variant/late.xml' '$work/near-$variant.xml' && grep -q 'rule id=\"E18\"' '$work/near-$variant.xml' && reviewed '$work/near-$variant.xml'"
done
# Two attributes of one element in another order.
two_attributes() {  # ORDER
  printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study %s/>\n  <finding action="add">\n    <laterality>left</laterality>\n    <morphology>coarse-popcorn</morphology>\n  </finding>\n</annotations>\n' "$1"
}
accession=$(uid_of 0008,0050 "$base")
check "the sample's accession number is read" test -n "$accession"
mkdir "$work/near-order"
two_attributes "studyInstanceUid=\"$study\" accessionNumber=\"$accession\"" >"$work/near-order/late.xml"
two_attributes "accessionNumber=\"$accession\" studyInstanceUid=\"$study\"" >"$work/near-order/late_copy.xml"
"$mammocalc" summarize --annotations "$work/near-order" "$base" >"$work/near-order.xml" 2>/dev/null
check "H30-6 attribute order: the finding counted once, annotation-duplicate, review" \
  bash -c "test \"\$(grep -c 'origin=\"annotation\"' '$work/near-order.xml')\" -eq 1 && grep -q 'code=\"annotation-duplicate\"' '$work/near-order.xml' && reviewed '$work/near-order.xml'"
# Given by name, a near copy is a copy too.
"$mammocalc" summarize --annotations "$work/near-ws/late.xml" --annotations "$work/near-ws/late_copy.xml" \
  "$base" >"$work/near-named.xml" 2>/dev/null
check "H30-6 given by name: the finding counted once, annotation-duplicate" \
  bash -c "test \"\$(grep -c 'origin=\"annotation\"' '$work/near-named.xml')\" -eq 1 && grep -q 'code=\"annotation-duplicate\"' '$work/near-named.xml'"
# Content that really differs is no copy: both applied, no annotation-duplicate.
mkdir "$work/differs"
add_file >"$work/differs/late.xml"
add_file | sed 's/coarse-popcorn/rim/' >"$work/differs/other.xml"
"$mammocalc" summarize --annotations "$work/differs" "$base" >"$work/differs.xml" 2>/dev/null
check "H30-6 control: files that say different things are no copies (no annotation-duplicate)" \
  bash -c "! grep -q 'annotation-duplicate' '$work/differs.xml' && ! grep -q 'rule id=\"E18\"' '$work/differs.xml'"
check "... both applied" test "$(count_added "$work/differs.xml")" -eq 2

# H29-12: a pseudonymised batch names an annotation file by one label, in its summaries and in
# its index's error texts (it was "annotations" in the index, "annotations-N" in summaries).
mkdir "$work/mixed" "$work/dir"
cp "$base" "$work/mixed/x.dcm"
cp samples/bir-known-malignancy.dcm "$work/mixed/other-study.dcm"
printf 'not xml\n' >"$work/dir/broken.xml"  # said in x's summary: labelled there too
printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="%s"/>\n  <finding action="refine" srPosition="1.3.2.2">\n    <palpable>no</palpable>\n  </finding>\n</annotations>\n' "$study" >"$work/for_study.xml"
printf 'a site secret of more than sixteen bytes\n' >"$work/site.key"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/pseudo" \
  --annotations "$work/dir" --annotations "$work/for_study.xml" "$work/mixed" >/dev/null 2>&1
in_summary=$(grep -ho 'annotation file="[^"]*"' "$work/pseudo"/*.xml | sed 's/.*="\(.*\)"/\1/' | sort -u)
# The other study's SR is summarised without the study's file (hostile review 81); alone, with
# the same annotation arguments, it fails naming the file by the same label.
mkdir "$work/mixed-other"
cp samples/bir-known-malignancy.dcm "$work/mixed-other/other-study.dcm"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" -o "$work/pseudo-other" \
  --annotations "$work/dir" --annotations "$work/for_study.xml" "$work/mixed-other" >/dev/null 2>&1
in_index=$(sed -n 's/.*errorCode="invalid-annotation">\([^:]*\):.*/\1/p' "$work/pseudo-other/index.xml")
check "pseudonymised batch: the named file is labelled in x's summary" grep -q '^annotations-[0-9]*$' <<<"$in_summary"
check "... the other study's entry fails naming it by a label" test -n "$in_index"
check "... the same label in the index as in the summary ($in_index, $in_summary)" test "$in_index" = "$in_summary"
finish
