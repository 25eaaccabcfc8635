#!/usr/bin/env bash
# --pseudonymize (issue 15 item 8): what a summary that leaves the hospital may not carry — the
# patient, the accession number, dates, file paths — is gone from the summary, the batch index,
# the pages and the review; UIDs are keyed pseudonyms (the same at one site, another with another
# key) or dropped without a key; an SR for the PACS is refused with it. Run from the project root:
#   pseudonym_test.sh MAMMOCALC
set -u
mammocalc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
xmllint=$(command -v xmllint)

sample=samples/bir-suspicious-vacuum-assisted.dcm
notes=samples/bir-suspicious-vacuum-assisted.ultrasound-visible.annotations.xml
printf 'a site secret of more than sixteen bytes\n' >"$work/site.key"
printf 'another secret, also long enough\n' >"$work/other.key"
# What identifies this exam in the sample: patient, accession, dates, UIDs, paths.
patient_id=$("$mammocalc" summarize "$sample" | sed -n 's/.*<patient id="\([^"]*\)".*/\1/p')
patient_name=$("$mammocalc" summarize "$sample" | sed -n 's/.*<patient [^>]*name="\([^"]*\)".*/\1/p')
identifiers=(ACC0103 20260107 1.2.826.0.1.3680043.10.1363.103 samples/ "$notes"
             "$patient_id" "$patient_name")
no_identifier() {  # FILE
  local found=0
  for identifier in "${identifiers[@]}"; do
    grep -qF "$identifier" "$1" && { echo "  $1 holds $identifier"; found=1; }
  done
  return $found
}
check "the sample has the identifiers this test looks for" test -n "$patient_id" -a -n "$patient_name"
"$mammocalc" summarize --annotations "$notes" "$sample" >"$work/plain.xml"
has_every_identifier() { [[ $(no_identifier "$1" | wc -l) -eq ${#identifiers[@]} ]]; }
check "... and the summary without --pseudonymize holds every one (the probe can fail)" \
  has_every_identifier "$work/plain.xml"

"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" --annotations "$notes" \
  "$sample" >"$work/p1.xml"
check "summarize --pseudonymize exits 0" test $? -eq 0
check "... no patient, accession, date, UID or path in the summary" no_identifier "$work/p1.xml"
check "... the summary still validates" "$xmllint" --noout --schema schemas/summary.xsd "$work/p1.xml"
check "... the clinical content is the same" diff <(grep -E '<(assessment|recommendation) ' "$work/p1.xml") \
  <("$mammocalc" summarize --annotations "$notes" "$sample" | grep -E '<(assessment|recommendation) ')
check "... the annotation is named by a label" grep -q 'annotation file="annotations-1" line="8"' "$work/p1.xml"
check "... and the source too, as the README's table says" grep -q '<source file="source"' "$work/p1.xml"
uid1=$(sed -n 's/.*sopInstanceUid="\([^"]*\)".*/\1/p' "$work/p1.xml")
check "... the SOP Instance UID is a pseudonym under 2.25" grep -qE '^2\.25\.[0-9]+$' <<<"$uid1"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" "$sample" >"$work/p2.xml"
check "the same key gives the same pseudonym (outputs still link)" \
  test "$(sed -n 's/.*sopInstanceUid="\([^"]*\)".*/\1/p' "$work/p2.xml")" = "$uid1"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/other.key" "$sample" >"$work/p3.xml"
check "another key gives another pseudonym" \
  test "$(sed -n 's/.*sopInstanceUid="\([^"]*\)".*/\1/p' "$work/p3.xml")" != "$uid1"
"$mammocalc" summarize --pseudonymize "$sample" >"$work/p4.xml"
check "without a key the UIDs are dropped" grep -q 'sopInstanceUid="" studyInstanceUid=""' "$work/p4.xml"
check "... and nothing identifying is left" no_identifier "$work/p4.xml"

# The batch: file names, index.xml, index.html and pages.
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" --html -o "$work/batch" \
  samples/ 2>/dev/null
check "a pseudonymised batch runs (exit 0)" test $? -eq 0
check "... its summaries are named by pseudonyms" test -f "$work/batch/$uid1.xml"
leaks=0
for file in "$work/batch"/*; do no_identifier "$file" || leaks=1; done
check "... no identifier in any summary, page or index" test "$leaks" -eq 0
check "... the index names inputs by their place" grep -q 'input="input-1"' "$work/batch/index.xml"
"$mammocalc" summarize --pseudonymize -o "$work/batch-nokey" samples/ 2>"$work/err"
check "a pseudonymised batch without a key is a usage error (2)" test $? -eq 2
check "... and writes nothing" test ! -e "$work/batch-nokey"

# review and hook. A summary already written cannot be pseudonymised after the fact: refused,
# nothing of it shown.
"$mammocalc" summarize "$sample" >"$work/plain-summary.xml"
"$mammocalc" review --no-color --pseudonymize "$work/plain-summary.xml" >"$work/review-summary.txt" 2>"$work/err"
check "review --pseudonymize of a written summary fails" test $? -ne 0
check "... shows nothing identifying" no_identifier "$work/review-summary.txt"
check "... and says why" grep -q "a summary already written cannot be pseudonymised" "$work/err"
"$mammocalc" review --no-color --pseudonymize "$sample" >"$work/review.txt"
check "review --pseudonymize: no identifier" no_identifier "$work/review.txt"
check "... nor the study date as review writes it" test "$(grep -c 2026-01-07 "$work/review.txt")" -eq 0
"$mammocalc" review --no-color "$sample" >"$work/review-plain.txt"
check "... which review shows without it" grep -q 2026-01-07 "$work/review-plain.txt"
"$mammocalc" hook --pseudonymize --pseudonym-key "$work/site.key" --out "$work/hook" "$sample" 2>/dev/null
check "hook --pseudonymize names the summary by its pseudonym" test -f "$work/hook/$uid1.xml"

# Refused: an SR for the PACS with pseudonyms, a key that does nothing, a short key.
"$mammocalc" summarize --pseudonymize --dicom-out "$work/x.dcm" "$sample" >/dev/null 2>&1
check "--pseudonymize with --dicom-out is a usage error" test $? -eq 2
# Hostile review 53, H53-6: serve's kept copies are the identified originals, named by UID.
"$mammocalc" serve --port 1 --out "$work/serve-kept" --keep-received --pseudonymize \
  --pseudonym-key "$work/site.key" >/dev/null 2>"$work/kept.err"
check "serve --pseudonymize with --keep-received is a usage error" \
  bash -c "test $? -eq 2 && grep -q 'exclude each other' '$work/kept.err'"
"$mammocalc" summarize --pseudonym-key "$work/site.key" "$sample" >/dev/null 2>&1
check "--pseudonym-key without --pseudonymize is a usage error" test $? -eq 2
# Paths in warning texts are labelled too (hostile review 27, H27-18): a folder or file named
# after the patient, a file that conflicts with another, a backup copy that is skipped.
patient_dir=$work/DOE_JANE_1960
mkdir "$patient_dir"
cp "$notes" "$patient_dir/a.xml"
cp samples/bir-suspicious-vacuum-assisted.cannot-lie-prone.annotations.xml "$patient_dir/b.xml"
cp "$notes" "$patient_dir/DOE_JANE.xml.bak"
"$mammocalc" summarize --annotations "$patient_dir" "$sample" >"$work/dir-plain.xml" 2>/dev/null
check "a patient-named annotation folder: the plain summary names it (the probe can fail)" \
  test "$(grep -c DOE_JANE "$work/dir-plain.xml")" -ge 2
check "... in a warning about the skipped copy" grep -q 'annotation-skipped.*DOE_JANE.xml.bak' "$work/dir-plain.xml"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" \
  --annotations "$patient_dir" "$sample" >"$work/dir-p.xml" 2>/dev/null
check "... --pseudonymize: no trace of the folder or file names in the summary" \
  bash -c "! grep -q DOE_JANE '$work/dir-p.xml'"
check "... the skipped copy named by a label" grep -q 'annotation-skipped">annotations-[0-9]*: ' "$work/dir-p.xml"
"$mammocalc" review --no-color --pseudonymize --pseudonym-key "$work/site.key" \
  --annotations "$patient_dir" "$sample" >"$work/dir-p.txt" 2>/dev/null
check "... nor in the review" bash -c "! grep -q DOE_JANE '$work/dir-p.txt'"

# An SR without a SOP Instance UID is named after its file, which may name the patient: not when
# pseudonymised (hostile review 28, H28-6).
mkdir "$work/named-in"
cp "$sample" "$work/named-in/SMITH_JOHN.dcm"
dcmodify -nb -e "(0008,0018)" "$work/named-in/SMITH_JOHN.dcm" 2>/dev/null
check "an SR without a SOP Instance UID can be made (dcmodify)" \
  bash -c "! dcmdump +P 0008,0018 '$work/named-in/SMITH_JOHN.dcm' | grep -q UI"
"$mammocalc" summarize -o "$work/named-plain" "$work/named-in" 2>/dev/null
check "... a plain batch names its summary after the file (the probe can fail)" \
  test -f "$work/named-plain/SMITH_JOHN.xml"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" --html \
  -o "$work/named-p" "$work/named-in" 2>/dev/null
check "... a pseudonymised batch does not" bash -c "! grep -rlq SMITH '$work/named-p' && ! ls '$work/named-p' | grep -q SMITH"
check "... and still writes its summary" test "$(ls "$work/named-p" | grep -vc '^index')" -ge 1
"$mammocalc" hook --pseudonymize --pseudonym-key "$work/site.key" --out "$work/named-hook" \
  "$work/named-in/SMITH_JOHN.dcm" 2>/dev/null
check "... nor does the hook" bash -c "! ls '$work/named-hook' | grep -q SMITH && test -n \"\$(ls '$work/named-hook')\""
# Two hook calls, each with another patient's SR without a UID: neither summary replaces the
# other (hostile review 29, H29-5: both were input.xml).
cp samples/bir-known-malignancy.dcm "$work/named-in/DOE_JANE.dcm"
dcmodify -nb -e "(0008,0018)" "$work/named-in/DOE_JANE.dcm" 2>/dev/null
"$mammocalc" hook --pseudonymize --pseudonym-key "$work/site.key" --out "$work/named-hook" \
  "$work/named-in/DOE_JANE.dcm" 2>/dev/null
check "... a second hook call with another SR without a UID adds a summary, replacing none" \
  test "$(ls "$work/named-hook" | grep -c '\.xml$')" -eq 2
# A batch index's error text names the input and the annotation file: labelled too (H28-7).
mkdir -p "$work/DOE_ANN" "$work/DOE_IN"
sed 's/<study /<study accessionNumber="OTHER9" /' "$notes" >"$work/DOE_ANN/DOE_JANE.xml"
cp "$sample" "$work/DOE_IN/DOE_JANE_MRN1.dcm"
"$mammocalc" summarize --html -o "$work/acc-plain" --annotations "$work/DOE_ANN/DOE_JANE.xml" \
  "$work/DOE_IN" 2>/dev/null
check "another accession's annotation fails the entry, named in the plain index (the probe can fail)" \
  grep -q 'errorCode="invalid-annotation">[^<]*DOE_JANE.xml' "$work/acc-plain/index.xml"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/site.key" --html -o "$work/acc-p" \
  --annotations "$work/DOE_ANN/DOE_JANE.xml" "$work/DOE_IN" 2>"$work/err"
check "... the pseudonymised index and page name neither the input nor the annotation file" \
  bash -c "! grep -q DOE '$work/acc-p/index.xml' '$work/acc-p/index.html'"
check "... the error is still there, labelled" \
  grep -q 'errorCode="invalid-annotation">annotations[^<]*input-1' "$work/acc-p/index.xml"
check "... standard error names the real file for the operator" grep -q DOE_JANE.xml "$work/err"

printf 'short\n' >"$work/short.key"
"$mammocalc" summarize --pseudonymize --pseudonym-key "$work/short.key" "$sample" >/dev/null 2>"$work/err"
check "a key under 16 bytes is a usage error" test $? -eq 2
check "... saying so" grep -q "a pseudonym key needs at least 16 bytes" "$work/err"
finish
