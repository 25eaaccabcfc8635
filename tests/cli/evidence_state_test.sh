#!/usr/bin/env bash
# Hostile review 21: evidence a document says is incomplete, or that could not all be read, never
# leaves a benign exam without review (rules E8, E11, E12; every item counts).
#   evidence_state_test.sh MAMMOCALC       (run from the project root)
set -u
mammocalc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
command -v dcmodify >/dev/null || { echo "FAIL: dcmodify (Debian package dcmtk) is not installed"; exit 1; }
base=samples/bir-benign-coarse-vascular.dcm
exam() { grep -o '<exam [^>]*' "$1"; }
export -f exam  # used in bash -c below: without it, '! exam …' held whatever the summary said
not_benign_reviewed() {  # FILE: the exam is 0 or worse-than-benign and needs review
  exam "$1" | grep -q 'needsReview="true"' && ! exam "$1" | grep -Eq 'classification="(benign|probably-benign)"'
}

# Control: the sample as shipped is benign, clean.
"$mammocalc" summarize "$base" >"$work/base.xml" 2>/dev/null
check "control: benign, no review" bash -c "grep -o '<exam [^>]*' '$work/base.xml' | grep -q 'category=\"2\" classification=\"benign\".*needsReview=\"false\"'"
# Verification Flag UNVERIFIED is normal for a report sent on: no flag for it.
cp "$base" "$work/unverified.dcm"
dcmodify -nb -m "(0040,a493)=UNVERIFIED" "$work/unverified.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/unverified.dcm" >"$work/unverified.xml" 2>/dev/null
check "unverified: still benign, no review" bash -c "grep -o '<exam [^>]*' '$work/unverified.xml' | grep -q 'classification=\"benign\".*needsReview=\"false\"'"

# #2: Completion Flag PARTIAL with its description, and Preliminary Flag PRELIMINARY.
cp "$base" "$work/partial.dcm"
dcmodify -nb -m "(0040,a491)=PARTIAL" \
  -i "(0040,a492)=Dictation interrupted; left breast not yet entered" "$work/partial.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/partial.dcm" >"$work/partial.xml" 2>/dev/null
check "partial: exam 0, indeterminate" bash -c "grep -o '<exam [^>]*' '$work/partial.xml' | grep -q 'category=\"0\" classification=\"indeterminate\"'"
check "partial: needs review" not_benign_reviewed "$work/partial.xml"
check "partial: document-incomplete warning quotes the description" \
  grep -q 'code="document-incomplete" rule="E11".*PARTIAL.*Dictation interrupted; left breast not yet entered' "$work/partial.xml"
cp "$base" "$work/preliminary.dcm"
dcmodify -nb -i "(0040,a496)=PRELIMINARY" "$work/preliminary.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/preliminary.dcm" >"$work/preliminary.xml" 2>/dev/null
check "preliminary: not benign, needs review" not_benign_reviewed "$work/preliminary.xml"
check "preliminary: document-incomplete warning names the flag" \
  grep -q 'code="document-incomplete" rule="E11".*PRELIMINARY' "$work/preliminary.xml"
# A flag that holds neither of its terms (two values, another word, empty) cannot be read and is
# never taken for COMPLETE or FINAL (hostile review 25, F6).
for flag in '(0040,a491)=PARTIAL\COMPLETE' '(0040,a491)=INCOMPLETE' '(0040,a491)=' \
  '(0040,a496)=PRELIMINARY\FINAL' '(0040,a496)=DRAFT'; do
  cp "$base" "$work/flag.dcm"
  dcmodify -nb -i "$flag" "$work/flag.dcm" >/dev/null 2>&1
  "$mammocalc" summarize "$work/flag.dcm" >"$work/flag.xml" 2>/dev/null
  check "flag $flag: not benign, needs review" not_benign_reviewed "$work/flag.xml"
  check "flag $flag: document-incomplete says it cannot be read" \
    grep -q 'code="document-incomplete" rule="E11".*cannot be read' "$work/flag.xml"
done
cp "$base" "$work/final.dcm"
dcmodify -nb -i "(0040,a496)=FINAL" "$work/final.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/final.dcm" >"$work/final.xml" 2>/dev/null
check "final: still benign, no review" bash -c "grep -o '<exam [^>]*' '$work/final.xml' | grep -q 'classification=\"benign\".*needsReview=\"false\"'"

# #8: a Concept Code Sequence with two items (coarse first, fine pleomorphic second) at 1.3.2.2.3.
cp "$base" "$work/two_codes.dcm"
item='(0040,a730)[2].(0040,a730)[1].(0040,a730)[1].(0040,a730)[2].(0040,a168)[1]'
dcmodify -nb -i "$item.(0008,0100)=111344" -i "$item.(0008,0102)=DCM" \
  -i "$item.(0008,0104)=Fine pleomorphic calcification" "$work/two_codes.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/two_codes.dcm" >"$work/two_codes.xml" 2>/dev/null
check "two codes: the second code is read (fine pleomorphic)" grep -q 'term="fine-pleomorphic"' "$work/two_codes.xml"
check "two codes: not benign, needs review" not_benign_reviewed "$work/two_codes.xml"
check "two codes: unknown-code warning names both codes" \
  grep -q 'code="unknown-code".*Concept Code Sequence holds 2 codes.*129749001.*111344' "$work/two_codes.xml"

# #3: a code whose meaning names another term (coarse code shown as fine pleomorphic).
cp "$base" "$work/meaning.dcm"
first='(0040,a730)[2].(0040,a730)[1].(0040,a730)[1].(0040,a730)[2].(0040,a168)[0]'
dcmodify -nb -m "$first.(0008,0104)=Fine pleomorphic calcification" "$work/meaning.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/meaning.dcm" >"$work/meaning.xml" 2>/dev/null
check "meaning: the meaning's term is read too (fine pleomorphic)" grep -q 'term="fine-pleomorphic"' "$work/meaning.xml"
check "meaning: code-meaning-discordant quotes both" \
  grep -q 'code="code-meaning-discordant".*129749001.*coarse-popcorn.*"Fine pleomorphic calcification"' "$work/meaning.xml"
check "meaning: not benign, needs review" not_benign_reviewed "$work/meaning.xml"

# Hostile review 26 (H26-12): a code without its Code Value is quoted by the meaning it carried.
cp "$base" "$work/no_value.dcm"
dcmodify -nb -e "$first.(0008,0100)" "$work/no_value.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/no_value.dcm" >"$work/no_value.xml" 2>/dev/null
check "no code value: the warning says so and quotes the meaning" \
  grep -q 'code="unknown-code".*no code value.*Coarse (popcorn-like) calcification' "$work/no_value.xml"
check "no code value: not benign, needs review" not_benign_reviewed "$work/no_value.xml"

# #6: a half-written annotation file of the study leaves no benign exam without review.
mkdir "$work/ann"
printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="1.2.3">\n    <finding action="add" laterality="left">\n      <morph' >"$work/ann/cut.xml"
"$mammocalc" summarize --annotations "$work/ann" "$base" >"$work/ann.xml" 2>/dev/null
check "cut annotation: annotation-skipped said" grep -q 'code="annotation-skipped"' "$work/ann.xml"
check "cut annotation: not benign, needs review" not_benign_reviewed "$work/ann.xml"
# ... and so does one cut off inside its root element's name, which once read as another XML kind.
mkdir "$work/ann-name"
printf '<?xml version="1.0"?>\n<annotati' >"$work/ann-name/cut.xml"
"$mammocalc" summarize --annotations "$work/ann-name" "$base" >"$work/ann-name.xml" 2>/dev/null
check "cut in the root name: annotation-skipped said" grep -q 'code="annotation-skipped"' "$work/ann-name.xml"
check "cut in the root name: not benign, needs review" not_benign_reviewed "$work/ann-name.xml"
# An SR without a valid Study Instance UID matches no file of an annotation directory, and any of
# them may have been its own: said, and the exam needs review (hostile review 25, F9). With a
# valid UID and the same directory (another study's file), nothing is said.
mkdir "$work/ann-other"
cp samples/bir-nonspecific-calcifications.ductal.annotations.xml "$work/ann-other/"
"$mammocalc" summarize --annotations "$work/ann-other" "$base" >"$work/ann-other.xml" 2>/dev/null
check "valid study UID, another study's file: still benign, nothing said" \
  bash -c "! grep -q annotation-skipped '$work/ann-other.xml' && ! exam '$work/ann-other.xml' | grep -q 'needsReview=\"true\"'"
for edit in '-e (0020,000d)' '-m (0020,000d)=1.2.840.x'; do
  cp "$base" "$work/no-study.dcm"
  # shellcheck disable=SC2086
  dcmodify -nb $edit "$work/no-study.dcm" >/dev/null 2>&1
  "$mammocalc" summarize --annotations "$work/ann-other" "$work/no-study.dcm" >"$work/no-study.xml" 2>/dev/null
  check "study UID $edit: the directory not applied is said" \
    grep -q 'code="annotation-skipped".*has no valid Study Instance UID' "$work/no-study.xml"
  check "study UID $edit: not benign, needs review" not_benign_reviewed "$work/no-study.xml"
done

# Issue 18, F7: a CAD that failed, or whose processing summary is a local code, is no clean
# "no findings" exam (E9). The CAD sample without its findings: the summary (root item 3) says
# all algorithms succeeded without findings; Summary of Detections (item 4) and of Analyses
# (item 5) as each case sets them.
cad_base=samples/cad-clusters-by-reference.dcm
cad() {  # NAME [dcmodify arguments...]: the CAD sample without findings, modified, summarised
  local name=$1
  shift
  cp "$cad_base" "$work/$name.dcm"
  dcmodify -nb -e '(0040,a730)[2].(0040,a730)' \
    -m '(0040,a730)[2].(0040,a168)[0].(0008,0100)=111241' \
    -m '(0040,a730)[2].(0040,a168)[0].(0008,0104)=All algorithms succeeded; without findings' \
    "$@" "$work/$name.dcm" >/dev/null 2>&1
  "$mammocalc" summarize "$work/$name.dcm" >"$work/$name.xml" 2>/dev/null
}
calm_exam() {  # FILE: no finding, the exam not in review
  ! grep -q '<finding ' "$1" && ! exam "$1" | grep -q 'needsReview="true"'
}
status() {  # ITEM VALUE MEANING: dcmodify arguments setting root item ITEM's code
  printf '%s\n' -m "(0040,a730)[$1].(0040,a168)[0].(0008,0100)=$2" \
    -m "(0040,a730)[$1].(0040,a168)[0].(0008,0104)=$3"
}
mapfile -t not_attempted < <(status 4 111225 'Not Attempted')
cad cad-clean "${not_attempted[@]}"
check "CAD, all succeeded, analyses not attempted: no finding, no review" calm_exam "$work/cad-clean.xml"
check "CAD, all succeeded: no cad-incomplete" bash -c "! grep -q cad-incomplete '$work/cad-clean.xml'"
for case in '3 111224 Failed' '3 111223 Partially Succeeded' '3 111225 Not Attempted' \
  '4 111224 Failed'; do
  read -r item value meaning <<<"$case"
  mapfile -t edit < <(status "$item" "$value" "$meaning")
  cad cad-status "${edit[@]}"
  summary=$([[ $item == 3 ]] && echo Detections || echo Analyses)
  check "CAD, $summary $meaning: exam 0, needs review" \
    bash -c "grep -o '<exam [^>]*' '$work/cad-status.xml' | grep -q 'category=\"0\" classification=\"indeterminate\".*needsReview=\"true\"'"
  check "CAD, $summary $meaning: cad-incomplete quotes the status" \
    grep -qF "Summary of $summary (11106$([[ $item == 3 ]] && echo 4 || echo 5), DCM) is ($value, DCM, \"$meaning\")" "$work/cad-status.xml"
done
mapfile -t local_code < <(status 2 NEG 'No CAD marks')
cad cad-local "${local_code[@]}" -m '(0040,a730)[2].(0040,a168)[0].(0008,0102)=99ACME'
check "CAD, local processing summary code: exam 0, needs review" \
  bash -c "grep -o '<exam [^>]*' '$work/cad-local.xml' | grep -q 'category=\"0\".*needsReview=\"true\"'"
check "CAD, local processing summary code: cad-incomplete said" \
  grep -qF 'code="cad-incomplete"' "$work/cad-local.xml"
check "CAD, local processing summary code: quoted (value, scheme, meaning)" \
  grep -qF '(NEG, 99ACME, "No CAD marks") is not in CID 6047' "$work/cad-local.xml"

# Issue 18, F11: a refinement whose srPosition names no finding of the SR was kept as an added
# finding that could come out benign without review, and the warning said the SR "does not have"
# an item that it has (an assessment item). The annotation's facts stay visible as a finding of
# their own; it, and the exam, need review; the warning says which case it is.
refine_at() {  # NAME POSITION: the benign sample, refined at POSITION with a lobular site
  cat >"$work/$1.annotations.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<annotations xmlns="urn:mammocalc:annotations:1">
  <study studyInstanceUid="1.2.826.0.1.3680043.10.1363.101.1"/>
  <finding action="refine" srPosition="$2">
    <site>lobular</site>
  </finding>
</annotations>
XML
  "$mammocalc" summarize --annotations "$work/$1.annotations.xml" "$base" >"$work/$1.xml" 2>/dev/null
}
no_calm_finding() {  # FILE: no finding is benign or probably benign without review
  test "$(xmllint --xpath "count(//*[local-name()='finding']/*[local-name()='assessment'][(@classification='benign' or @classification='probably-benign') and @needsReview='false'])" "$1")" = 0
}
refine_at refine-found 1.3.2.2
check "refinement of a finding: still benign, no review" \
  bash -c "exam '$work/refine-found.xml' | grep -q 'classification=\"benign\".*needsReview=\"false\"'"
check "refinement of a finding: the site is applied to it" \
  grep -q '<site value="lobular" source="annotation"' "$work/refine-found.xml"
refine_at refine-missing 1.3.2.9
check "refinement of no item: the annotation's site is kept, as its own finding" \
  bash -c "grep -A2 'origin=\"annotation\"' '$work/refine-missing.xml' | grep -q '<site value=\"lobular\" source=\"annotation\"'"
check "refinement of no item: no finding benign without review" no_calm_finding "$work/refine-missing.xml"
check "refinement of no item: the exam is not benign and needs review" not_benign_reviewed "$work/refine-missing.xml"
check "refinement of no item: the warning says the SR has no such item" \
  grep -q 'code="annotation-unmatched">.*refines SR position 1.3.2.9, which the SR does not have' "$work/refine-missing.xml"
refine_at refine-assessment 1.3.3.1
check "refinement of the assessment item: no finding benign without review" \
  no_calm_finding "$work/refine-assessment.xml"
check "refinement of the assessment item: the exam is not benign and needs review" \
  not_benign_reviewed "$work/refine-assessment.xml"
check "refinement of the assessment item: the warning says the item is no finding, and names it" \
  grep -q 'code="annotation-unmatched">.*refines SR position 1.3.3.1, which is not a calcification finding.*(111005, DCM, "Assessment Category")' "$work/refine-assessment.xml"
check "refinement of the assessment item: never 'does not have'" \
  bash -c "! grep -q 'which the SR does not have' '$work/refine-assessment.xml'"
# Without the SR it refines (an annotation-only run), the refinement is no clean result either.
"$mammocalc" summarize --annotations "$work/refine-missing.annotations.xml" >"$work/refine-alone.xml" 2>/dev/null
check "refinement without an SR: no finding benign without review" no_calm_finding "$work/refine-alone.xml"
check "refinement without an SR: the exam is not benign and needs review" not_benign_reviewed "$work/refine-alone.xml"
# mammocalc's own other kinds in an annotation directory (a site profile, a summary, an index, a
# lexicon, the rule listing) pass silently only in their own namespace: the same root element in
# no namespace or another one is no file mammocalc wrote, and is said like any file the run did
# not read (hostile review, issue 18, F13).
mkdir "$work/kinds"
cp samples/bir-nonspecific-calcifications.ductal.annotations.xml "$work/kinds/"
cp samples/bir-suspicious-stereotactic.site-profile.xml "$work/kinds/profile.xml"
"$mammocalc" summarize "$base" >"$work/kinds/summary.xml" 2>/dev/null
"$mammocalc" rules --format xml >"$work/kinds/rules.xml" 2>/dev/null
cp src/narrative/narrative-wordings-de.xml "$work/kinds/wordings.xml"
"$mammocalc" summarize -o "$work/kinds-batch" "$base" samples/bir-known-malignancy.dcm 2>/dev/null
# An index with a leftover summary (after the roll-up, under the root) is an index too.
sed 's|</mammocalcIndex>|  <leftover summary="x-2.xml" examSummary="x.xml"/>\n</mammocalcIndex>|' \
  "$work/kinds-batch/index.xml" >"$work/kinds/index.xml"
check "the index copy holds a leftover" grep -q '<leftover ' "$work/kinds/index.xml"
"$mammocalc" summarize --annotations "$work/kinds" "$base" >"$work/kinds.xml" 2>/dev/null
check "own kinds in their namespace: still benign, nothing said" \
  bash -c "! grep -q annotation-skipped '$work/kinds.xml' && ! exam '$work/kinds.xml' | grep -q 'needsReview=\"true\"'"
for root in siteProfile mammocalcSummary mammocalcIndex narrativeWordings rules; do
  for namespace in '' ' xmlns="urn:example:other"'; do
    mkdir -p "$work/kind-$root"
    rm -f "$work/kind-$root"/*
    printf '<?xml version="1.0"?>\n<%s%s/>\n' "$root" "$namespace" >"$work/kind-$root/other.xml"
    "$mammocalc" summarize --annotations "$work/kind-$root" "$base" >"$work/kind.xml" 2>/dev/null
    check "<$root$namespace/>: annotation-skipped names the file and its namespace" \
      grep -qF "code=\"annotation-skipped\">$work/kind-$root/other.xml: root element &lt;$root&gt; is in " "$work/kind.xml"
    check "<$root$namespace/>: not benign, needs review" not_benign_reviewed "$work/kind.xml"
  done
done
# In its own namespace too, the root is not enough: a radiologist's annotation wrapped in one of
# those roots (a finding where the kind has none) is read as neither and said, under a *.xml name
# and under another (hostile review 89, the summary's case; the other kinds since).
for kind in "siteProfile urn:mammocalc:site-profile:1" "mammocalcIndex urn:mammocalc:index:1" \
  "narrativeWordings urn:mammocalc:narrative-wordings:1" "rules urn:mammocalc:summary:1"; do
  set -- $kind
  for name in wrapped.xml wrapped.xml.bak; do
    mkdir -p "$work/wrapped-$1"
    rm -f "$work/wrapped-$1"/*
    printf '<?xml version="1.0"?>\n<%s xmlns="%s"><finding action="refine" srPosition="1.3.2.2"><comment>suspicious</comment></finding></%s>\n' \
      "$1" "$2" "$1" >"$work/wrapped-$1/$name"
    "$mammocalc" summarize --annotations "$work/wrapped-$1" "$base" >"$work/wrapped.xml" 2>"$work/wrapped.err"
    check "<$1 xmlns=\"$2\"> around an annotation ($name): annotation-skipped names the file" \
      grep -qF "code=\"annotation-skipped\">$work/wrapped-$1/$name: " "$work/wrapped.xml"
    check "... says it is not a readable one of that kind" grep -q "but is not one" "$work/wrapped.xml"
    check "... not benign, needs review" not_benign_reviewed "$work/wrapped.xml"
    check "... said on standard error" grep -qF "$work/wrapped-$1/$name" "$work/wrapped.err"
  done
done
# An annotation directory's entries other than its *.xml files are never passed over silently
# (hostile review, issue 18, F5): a directory named *.xml (or a symlink to one), a subdirectory
# (not read: a per-study folder would be missed), a backup or editor copy of an annotation file
# (notes.xml.bak, notes.xml~, #notes.xml#), any other file that starts as XML. Each is said in
# the summary (annotation-skipped, E12) and on standard error; a valid annotation file of another
# study under such a name is said on standard error only (it cannot hold this study's). Files
# that do not start as XML (README.txt, a CSV), hidden directories and mammocalc's own kinds
# stay silent.
study=$(dcmdump +P 0020,000d "$base" | sed -n 's/.*\[\(.*\)\].*/\1/p')
check "the sample's study UID is read" test -n "$study"
this_study() {
  printf '<?xml version="1.0"?>\n<annotations xmlns="urn:mammocalc:annotations:1">\n  <study studyInstanceUid="%s"/>\n  <finding action="add">\n    <laterality>left</laterality>\n    <morphology>fine-linear-branching</morphology>\n  </finding>\n</annotations>\n' "$study"
}
mkdir "$work/quiet" "$work/quiet/.git" "$work/elsewhere"
this_study >"$work/quiet/this-study.xml"
"$mammocalc" summarize --annotations "$work/quiet" "$base" >"$work/read.xml" 2>/dev/null
check "control: this study's annotation file is read (fine linear branching: suspicious)" \
  bash -c "exam '$work/read.xml' | grep -q 'classification=\"suspicious\"'"
rm "$work/quiet/this-study.xml"
cp samples/bir-nonspecific-calcifications.ductal.annotations.xml "$work/quiet/other-study.xml"
printf 'Annotations of the screening list, one file per study.\n' >"$work/quiet/README.txt"
printf 'accession,reader\n123,AB\n' >"$work/quiet/list.csv"
printf '[core]\n' >"$work/quiet/.git/config"
cp samples/bir-suspicious-stereotactic.site-profile.xml "$work/quiet/site-profile"
"$mammocalc" summarize --annotations "$work/quiet" "$base" >"$work/quiet.xml" 2>"$work/quiet.err"
check "quiet directory: still benign, nothing said" \
  bash -c "! grep -q annotation-skipped '$work/quiet.xml' && ! exam '$work/quiet.xml' | grep -q 'needsReview=\"true\"'"
check "quiet directory: nothing on standard error" test ! -s "$work/quiet.err"
case_number=0
said_and_reviewed() {  # ENTRY: the entry (made by the caller in $dir) is said and the exam reviewed
  "$mammocalc" summarize --annotations "$dir" "$base" >"$work/entry.xml" 2>"$work/entry.err"
  check "$1: annotation-skipped names it" grep -qF "code=\"annotation-skipped\">$dir/$1: " "$work/entry.xml"
  check "$1: not benign, needs review" not_benign_reviewed "$work/entry.xml"
  check "$1: said on standard error" grep -qF "mammocalc: $dir/$1: " "$work/entry.err"
}
new_dir() {
  case_number=$((case_number + 1))
  dir=$work/entries-$case_number
  cp -r "$work/quiet" "$dir"
}
new_dir && mkdir "$dir/notes.xml" && said_and_reviewed notes.xml
new_dir && ln -s "$work/elsewhere" "$dir/linked.xml" && said_and_reviewed linked.xml
new_dir && mkdir "$dir/per-study" && this_study >"$dir/per-study/$study.xml" && said_and_reviewed per-study
new_dir && ln -s "$work/elsewhere" "$dir/linked-folder" && said_and_reviewed linked-folder
for name in notes.xml.bak 'notes.xml~' '#notes.xml#' NOTES.XML.orig notes; do
  new_dir && this_study >"$dir/$name" && said_and_reviewed "$name"
done
new_dir && this_study | gzip >"$dir/notes.xml.gz" && said_and_reviewed notes.xml.gz
new_dir && : >"$dir/notes.xml.tmp" && said_and_reviewed notes.xml.tmp
new_dir && printf '<?xml version="1.0"?>\n<annotati' >"$dir/export.txt" && said_and_reviewed export.txt
new_dir && printf '\n<foo/>\n' >"$dir/data" && said_and_reviewed data
new_dir && ln -s "$work/no-such-file" "$dir/dangling" && said_and_reviewed dangling
# Another study's valid annotation file under such a name cannot be this study's: said on
# standard error (someone should rename or remove it), not in this exam's summary.
new_dir && cp samples/bir-nonspecific-calcifications.ductal.annotations.xml "$dir/ductal.xml.bak"
"$mammocalc" summarize --annotations "$dir" "$base" >"$work/entry.xml" 2>"$work/entry.err"
check "another study's copy: still benign, not said in the summary" \
  bash -c "! grep -q annotation-skipped '$work/entry.xml' && ! exam '$work/entry.xml' | grep -q 'needsReview=\"true\"'"
check "another study's copy: said on standard error" grep -qF "mammocalc: $dir/ductal.xml.bak: " "$work/entry.err"
# A batch says each entry once on standard error, and in every exam's summary.
new_dir && mkdir "$dir/per-study"
"$mammocalc" summarize --annotations "$dir" -o "$work/entries-batch" "$base" \
  samples/bir-known-malignancy.dcm >/dev/null 2>"$work/entry.err"
check "batch: the subdirectory is said once on standard error" \
  test "$(grep -cF "mammocalc: $dir/per-study: " "$work/entry.err")" -eq 1
check "batch: ... and in each summary" \
  test "$(grep -lF "$dir/per-study: " "$work/entries-batch"/*.xml | grep -vc index.xml)" -eq 2
# One directory in two spellings is one source: each entry is said once (hostile review 28, H28-17).
"$mammocalc" summarize --annotations "$dir" --annotations "$dir/./" "$base" >"$work/spelled.xml" \
  2>"$work/entry.err"
check "a directory in two spellings: the subdirectory is said once on standard error" \
  test "$(grep -cF "/per-study: " "$work/entry.err")" -eq 1
check "... and once in the summary" test "$(grep -cF "/per-study: " "$work/spelled.xml")" -eq 1
# review reads a directory as summarize does, once for all its SRs: each entry is said once on
# standard error, and each exam needs review.
"$mammocalc" review --no-color --annotations "$dir" "$base" samples/bir-known-malignancy.dcm \
  >"$work/entry.txt" 2>"$work/entry.err"
check "review: the subdirectory is said once on standard error" \
  test "$(grep -cF "mammocalc: $dir/per-study: " "$work/entry.err")" -eq 1
check "review: ... and in both exams" test "$(grep -cF "$dir/per-study: " "$work/entry.txt")" -eq 2
# Several entries are said in name order, in the summary and on standard error.
new_dir && mkdir "$dir/b-folder" && this_study >"$dir/c.xml.bak" && this_study >"$dir/a"
"$mammocalc" summarize --annotations "$dir" "$base" >"$work/entry.xml" 2>"$work/entry.err"
check "three entries: said in name order" \
  test "$(grep -o "$dir/[^:]*: " "$work/entry.xml" | tr -d '\n')" = "$dir/a: $dir/b-folder: $dir/c.xml.bak: "
check "three entries: on standard error in name order" \
  test "$(grep -o "mammocalc: $dir/[^:]*: " "$work/entry.err" | tr -d '\n')" = "mammocalc: $dir/a: mammocalc: $dir/b-folder: mammocalc: $dir/c.xml.bak: "
# A directory is a shared store (hostile review 27, H27-17): a file of this study made on another
# of its SRs (the CAD's, an addendum) is that SR's, passed over; never an error for this one.
sop=$(dcmdump +P 0008,0018 "$base" | sed -n 's/.*\[\(.*\)\].*/\1/p')
check "the sample's SOP Instance UID is read" test -n "$sop"
made_on() {  # SOP: this study's annotation (fine linear branching added), made on that SR
  this_study | sed "s|<study studyInstanceUid=\"$study\"/>|<study studyInstanceUid=\"$study\" sopInstanceUid=\"$1\"/>|"
}
new_dir && made_on 1.2.3.999 >"$dir/for-the-cad.xml"
"$mammocalc" summarize --annotations "$dir" "$base" >"$work/entry.xml" 2>"$work/entry.err"
check "another SR's file of this study: summarised (exit 0)" test $? -eq 0
# Not applied, its category unchanged, but named in the summary and the exam reviewed (E17): a
# sopInstanceUid mistyped by one digit names no SR, and its finding must not vanish (H28-5).
check "... not applied: the category stays benign" \
  bash -c "! grep -q 'origin=\"annotation\"' '$work/entry.xml' && exam '$work/entry.xml' | grep -q 'classification=\"benign\"'"
check "... but the file is named (annotation-other-sr) and the exam needs review (E17)" \
  bash -c "grep -qF 'code=\"annotation-other-sr\">$dir/for-the-cad.xml: made on another SR' '$work/entry.xml' && exam '$work/entry.xml' | grep -q 'needsReview=\"true\"'"
check "... without quoting the other SR's UID" bash -c "! grep -q '1.2.3.999' '$work/entry.xml'"
check "... nothing on standard error" test ! -s "$work/entry.err"
made_on "$sop" >"$dir/for-this-report.xml"
"$mammocalc" summarize --annotations "$dir" "$base" >"$work/entry.xml" 2>/dev/null
check "... beside this SR's own file, which is applied" \
  bash -c "exam '$work/entry.xml' | grep -q 'classification=\"suspicious\"'"
# One file is one source however often it is reached (H27-19): through its directory and by
# name, or by a hard link; read twice, the finding it adds would be doubled.
count_added() { grep -c 'origin="annotation"' "$1"; }
"$mammocalc" summarize --annotations "$dir/for-this-report.xml" "$base" >"$work/once.xml" 2>/dev/null
check "one annotation file adds one finding" test "$(count_added "$work/once.xml")" -eq 1
"$mammocalc" summarize --annotations "$dir" --annotations "$dir/for-this-report.xml" "$base" \
  >"$work/twice.xml" 2>/dev/null
check "... reached through its directory and by name: still one" test "$(count_added "$work/twice.xml")" -eq 1
ln "$dir/for-this-report.xml" "$work/hard-link.xml"
"$mammocalc" summarize --annotations "$dir/for-this-report.xml" --annotations "$work/hard-link.xml" \
  "$base" >"$work/linked.xml" 2>/dev/null
check "... by name and by a hard link: still one" test "$(count_added "$work/linked.xml")" -eq 1
# A file named on the command line is read once for the run, as a directory is (hostile review
# 28, H28-10): a file saved mid-batch never counts for some exams and not others. A pipe, which
# can be read only once, shows it: it serves every SR of a batch.
mkdir "$work/two-copies" && cp "$base" "$work/two-copies/a.dcm" && cp "$base" "$work/two-copies/b.dcm"
"$mammocalc" summarize --annotations <(cat "$dir/for-this-report.xml") -o "$work/piped" \
  "$work/two-copies" >/dev/null 2>"$work/piped.err"
check "a named annotation file is read once for a batch: a pipe serves both SRs (exit 0)" test $? -eq 0
check "... both summaries have its finding" \
  test "$(grep -l 'origin="annotation"' "$work/piped"/*.xml | grep -vc index)" -eq 2
# This study's file with another accession number is inconsistent, not another SR's (hostile
# review 28, H28-9): skipped and said, never every SR of the study failed.
new_dir && this_study |
  sed "s|<study studyInstanceUid=\"$study\"/>|<study studyInstanceUid=\"$study\" accessionNumber=\"OTHER9\"/>|" \
    >"$dir/other-accession.xml"
"$mammocalc" summarize --annotations "$dir" "$base" >"$work/entry.xml" 2>"$work/entry.err"
check "this study's file with another accession number: summarised (exit 0)" test $? -eq 0
check "... not applied, said (annotation-skipped) and the exam reviewed" \
  bash -c "! grep -q 'origin=\"annotation\"' '$work/entry.xml' && grep -qF 'code=\"annotation-skipped\">$dir/other-accession.xml: ' '$work/entry.xml' && exam '$work/entry.xml' | grep -q 'needsReview=\"true\"'"
check "... the other number not quoted" bash -c "! grep -q OTHER9 '$work/entry.xml'"
"$mammocalc" summarize --annotations "$dir/other-accession.xml" "$base" >/dev/null 2>&1
check "... the same file given by name is still an error (exit 1)" test $? -eq 1
finish
