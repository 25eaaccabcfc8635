#!/usr/bin/env bash
# Site lexicons and report languages (issue 17 items 4 and 5), through the command line:
# --lexicon adds a wording and it is read; the site profile's narrativeLexicons the same; a broken
# lexicon is one "FILE:LINE: field: problem" line and exit 1 before any input is read; validate
# and `mammocalc lexicon` (text and XML, which reads back); the report's language chosen from its
# Language of Content Item (121049 DCM) or --language, and a language without a lexicon warned.
#   lexicon_test.sh MAMMOCALC        (run from the project root; needs DCMTK's xml2dsr, xmllint)
set -u
if [[ $# -ne 1 ]]; then
  echo "usage: $0 MAMMOCALC" >&2
  exit 2
fi
mammocalc=$1
work=${KEEP:-$(mktemp -d)}; mkdir -p "$work"
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
source tests/cli/check_lib.sh

# sr NAME TEXT [LANGUAGE-VALUE LANGUAGE-SCHEME]: a Basic Text SR (UTF-8) with one Findings text,
# and the root's Language of Content Item when given.
sr() {
  local language=""
  if [[ $# -eq 4 ]]; then
    language="<code><relationship>HAS CONCEPT MOD</relationship><concept><value>121049</value>
<scheme><designator>DCM</designator></scheme><meaning>Language of Content Item and Descendants</meaning>
</concept><value>$3</value><scheme><designator>$4</designator></scheme><meaning>language</meaning></code>"
  fi
  cat >"$work/$1.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<report type="Basic Text SR">
<sopclass uid="1.2.840.10008.5.1.4.1.1.88.11">BasicTextSRStorage</sopclass>
<charset>ISO_IR 192</charset><modality>SR</modality>
<patient><id>LEX-1</id><name><last>LEXICON</last></name><sex>F</sex></patient>
<study uid="1.2.826.0.1.3680043.10.1363.917.1.1"><id>1</id><date>2026-12-01</date><time>09:00:00</time>
<accession><number>LEX1</number></accession><description>MAMMO DIAGNOSTIC BILATERAL</description></study>
<series uid="1.2.826.0.1.3680043.10.1363.917.1.2"><number>1</number></series>
<instance uid="1.2.826.0.1.3680043.10.1363.917.1.3"><number>1</number></instance>
<document><completion flag="COMPLETE"></completion><verification flag="UNVERIFIED"></verification>
<content><date>2026-12-01</date><time>10:00:00</time>
<container flag="SEPARATE"><concept><value>18748-4</value><scheme><designator>LN</designator></scheme>
<meaning>Diagnostic imaging study</meaning></concept>
$language
<container flag="SEPARATE"><relationship>CONTAINS</relationship><concept><value>121070</value>
<scheme><designator>DCM</designator></scheme><meaning>Findings</meaning></concept>
<text><relationship>CONTAINS</relationship><concept><value>121071</value><scheme><designator>DCM</designator>
</scheme><meaning>Finding</meaning></concept><value>$2</value></text>
</container></container></content></document></report>
XML
  xml2dsr "$work/$1.xml" "$work/$1.dcm" 2>"$work/$1.err" || { cat "$work/$1.err"; return 1; }
}
# count FILE XPATH: the number of nodes the XPath (local names) selects in FILE.
count() { xmllint --xpath "count($2)" "$1" 2>/dev/null; }
finding="//*[local-name()='finding']"
fine_pleomorphic="$finding//*[local-name()='morphology'][.='fine-pleomorphic' or @term='fine-pleomorphic' or @value='fine-pleomorphic']"

cat >"$work/site-lexicon.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<narrativeWordings xmlns="urn:mammocalc:narrative-wordings:1" language="en">
  <calcification phrase="calcospherit*"/>
  <morphology term="fine-pleomorphic" phrase="shaggy"/>
</narrativeWordings>
XML
sr shaggy "LEFT BREAST: Shaggy calcospherites at 2 o'clock, new since the prior. BI-RADS 4."

# 1. The shipped lexicon does not know the words; --lexicon adds them and they are read.
"$mammocalc" summarize "$work/shaggy.dcm" >"$work/shipped.xml" 2>"$work/shipped.err"
check "without --lexicon the report is summarised (exit 0)" test $? -eq 0
check "... and no finding is read from the unknown words" test "$(count "$work/shipped.xml" "$finding")" = 0
"$mammocalc" summarize --lexicon "$work/site-lexicon.xml" "$work/shaggy.dcm" >"$work/site.xml" 2>"$work/site.err"
check "with --lexicon the report is summarised (exit 0)" test $? -eq 0 || cat "$work/site.err"
check "... and the site's wordings give a finding" test "$(count "$work/site.xml" "$finding")" = 1
check "... fine-pleomorphic, from 'shaggy'" grep -q 'fine-pleomorphic' "$work/site.xml"
check "... in the left breast" grep -q 'laterality="left"' "$work/site.xml"
check "... narrative-derived, quoting its sentence" grep -q 'Shaggy calcospherites at 2' "$work/site.xml"
check "the summary validates" bash -c "xmllint --noout --schema schemas/summary.xsd '$work/site.xml' 2>/dev/null"

# 2. The site profile names the lexicon, relative to the profile.
mkdir -p "$work/profile"
cp "$work/site-lexicon.xml" "$work/profile/words.xml"
cat >"$work/profile/site.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<siteProfile xmlns="urn:mammocalc:site-profile:1">
  <narrativeLexicons><file>words.xml</file></narrativeLexicons>
</siteProfile>
XML
check "the profile with narrativeLexicons validates against its schema" bash -c "xmllint --noout --schema schemas/site-profile.xsd '$work/profile/site.xml' 2>/dev/null"
"$mammocalc" summarize --site-profile "$work/profile/site.xml" "$work/shaggy.dcm" >"$work/profiled.xml" 2>"$work/profiled.err"
check "the site profile's lexicon is read like --lexicon" test "$(count "$work/profiled.xml" "$finding")" = 1 || cat "$work/profiled.err"

# 3. A broken lexicon: one line naming file, line and problem; exit 1; before any input is read
# (the input does not exist, and that is not what is said).
cat >"$work/broken.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<narrativeWordings xmlns="urn:mammocalc:narrative-wordings:1" language="en">
  <morphology term="punctate" phrase="fine pleomorphic"/>
</narrativeWordings>
XML
"$mammocalc" summarize --lexicon "$work/broken.xml" "$work/no-such-input.dcm" >"$work/broken.out" 2>"$work/broken.err"
check "a broken lexicon exits 1" test $? -eq 1
check "... with one line naming file, line and problem" bash -c "[[ \$(wc -l <'$work/broken.err') -eq 1 ]] && grep -q '^mammocalc: $work/broken.xml:3: morphology/@phrase: .fine pleomorphic. is given twice' '$work/broken.err'" || cat "$work/broken.err"
check "... before the input is read" bash -c "! grep -q no-such-input '$work/broken.err'"
check "... and writes nothing" test ! -s "$work/broken.out"
for verb in "review" "hook --out $work/hook-out"; do
  # shellcheck disable=SC2086
  "$mammocalc" $verb --lexicon "$work/broken.xml" "$work/shaggy.dcm" >/dev/null 2>"$work/verb.err"
  status=$?
  check "$verb: a broken lexicon exits 1 (got $status)" test "$status" -eq 1
  check "$verb: ... naming its line" grep -q 'broken.xml:3:' "$work/verb.err"
done
printf '<narrativeWordings xmlns="urn:mammocalc:narrative-wordings:1" language="en">\n  <breast phrase="Breast"/>\n</narrativeWordings>\n' >"$work/upper.xml"
"$mammocalc" summarize --lexicon "$work/upper.xml" "$work/shaggy.dcm" >/dev/null 2>"$work/upper.err"
check "a phrase in capitals exits 1" test $? -eq 1
check "... naming line 2 and the problem" grep -q "upper.xml:2: breast/@phrase: 'Breast' must be lower case" "$work/upper.err"
# A function word of several words: only an exception may have them ("bis auf"), matched whole.
printf '<narrativeWordings xmlns="urn:mammocalc:narrative-wordings:1" language="en">\n  <functionWord role="plain" phrase="two words"/>\n  <functionWord role="excepts" phrase="save for*"/>\n  <functionWord role="excepts" phrase="short of"/>\n</narrativeWordings>\n' >"$work/two-words.xml"
"$mammocalc" summarize --lexicon "$work/two-words.xml" "$work/shaggy.dcm" >/dev/null 2>"$work/two-words.err"
check "a function word of two words exits 1" test $? -eq 1
check "... naming line 2: one word for its role" \
  grep -q "two-words.xml:2: functionWord/@phrase: 'two words' must be one word" "$work/two-words.err"
check "... and one more problem: line 3's '*' (line 4, an exception of two words, is none)" \
  grep -q "(and 1 more problems)" "$work/two-words.err"
printf '<narrativeWordings xmlns="urn:mammocalc:narrative-wordings:1" language="en">\n  <functionWord role="excepts" phrase="save for*"/>\n</narrativeWordings>\n' >"$work/two-words-star.xml"
"$mammocalc" summarize --lexicon "$work/two-words-star.xml" "$work/shaggy.dcm" >/dev/null 2>"$work/two-words-star.err"
check "an exception of two words ending in '*' exits 1, said" bash -c "test $? -eq 1 && grep -q \
  \"two-words-star.xml:2: functionWord/@phrase: 'save for\\*' of several words is matched whole: no '\\*'\" '$work/two-words-star.err'"

cp "$work/broken.xml" "$work/profile/broken.xml"
sed 's/words.xml/broken.xml/' "$work/profile/site.xml" >"$work/profile/broken-site.xml"
"$mammocalc" validate "$work/profile/broken-site.xml" >/dev/null 2>"$work/broken-site.err"
check "validate: a site profile naming a broken lexicon exits 1" test $? -eq 1
check "... naming the lexicon's line" grep -q "profile/broken.xml:3: morphology/@phrase" "$work/broken-site.err"
"$mammocalc" validate "$work/profile/site.xml" >/dev/null 2>&1
check "validate: the profile with a good lexicon is valid" test $? -eq 0

# 4. validate knows lexicon files.
"$mammocalc" validate "$work/site-lexicon.xml" src/narrative/narrative-wordings-de.xml >"$work/valid.out" 2>&1
check "validate: a site lexicon and the German lexicon are valid (exit 0)" test $? -eq 0 || cat "$work/valid.out"
check "... said as a narrative lexicon" grep -q 'site-lexicon.xml: valid narrative lexicon' "$work/valid.out"
"$mammocalc" validate "$work/broken.xml" >"$work/invalid.out" 2>"$work/invalid.err"
check "validate: the broken lexicon exits 1" test $? -eq 1
check "... naming its line and the shipped meaning it contradicts" grep -q "broken.xml:3: morphology/@phrase: 'fine pleomorphic' is given twice, as 'fine-pleomorphic'" "$work/invalid.err"

# 5. mammocalc lexicon shows the effective lexicon; its XML form validates and reads back.
"$mammocalc" lexicon --lexicon "$work/site-lexicon.xml" >"$work/lexicon.txt" 2>&1
check "lexicon: exit 0" test $? -eq 0
check "lexicon: names the files read" grep -q "site-lexicon.xml" "$work/lexicon.txt"
check "lexicon: lists the site's wording" grep -qx "morphology term=fine-pleomorphic: shaggy" "$work/lexicon.txt"
check "lexicon: lists a shipped wording" grep -qx "morphology term=fine-pleomorphic: fine pleomorphic" "$work/lexicon.txt"
"$mammocalc" lexicon --format xml --lexicon "$work/site-lexicon.xml" >"$work/lexicon.xml" 2>&1
check "lexicon --format xml validates against the schema" bash -c "xmllint --noout --schema schemas/narrative-wordings.xsd '$work/lexicon.xml' 2>/dev/null"
check "... and holds the site's wording" grep -q 'phrase="shaggy"' "$work/lexicon.xml"
# The causes of a distortion at its site (hostile review 29, H29-8) are lexicon data, shown and
# schema-valid as every other wording.
check "lexicon: lists a distortion cause" grep -qx "distortionCause: postsurgical" "$work/lexicon.txt"
check "... in the XML form too" grep -q '<distortionCause phrase="lumpectomy site"' "$work/lexicon.xml"
"$mammocalc" lexicon --language de >"$work/de.txt" 2>&1
check "lexicon --language de: the German lexicon" bash -c "head -n 1 '$work/de.txt' | grep -q '^language de,' && grep -qx 'calcification: mikrokalk\\*' '$work/de.txt'"
check "lexicon --language de: a German distortion cause" grep -qx "distortionCause: narbe" "$work/de.txt"
# The breast's letter before a clock position ("R 10 o'clock", "L 2:00") is lexicon data as well.
check "lexicon: lists the breast letters before a clock" bash -c "grep -qx 'functionWord role=right-before-clock: r' '$work/lexicon.txt' && grep -qx 'functionWord role=left-before-clock: l' '$work/lexicon.txt'"
check "... in the XML form too" grep -q '<functionWord role="right-before-clock" phrase="r"' "$work/lexicon.xml"
check "lexicon --language de: the German breast letters before a clock" grep -qx "functionWord role=left-before-clock: l" "$work/de.txt"
"$mammocalc" lexicon --language xx >/dev/null 2>"$work/xx.err"
check "lexicon --language xx: usage error (exit 2)" test $? -eq 2
check "... naming the languages there are" grep -q "no narrative lexicon for the language 'xx'.*de, en" "$work/xx.err"
# A site profile's reportLanguage without a lexicon is a problem of that file: exit 1, one
# "FILE: field: reason" line, from validate too (hostile review 25, F13).
cat >"$work/french-profile.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<siteProfile xmlns="urn:mammocalc:site-profile:1" name="French site">
  <reportLanguage>fr</reportLanguage>
</siteProfile>
XML
"$mammocalc" summarize samples/bir-known-malignancy.dcm --site-profile "$work/french-profile.xml" >/dev/null 2>"$work/fr-profile.err"
check "site profile reportLanguage fr: exit 1 (an input's problem)" test $? -eq 1
check "... one line naming the file and the field" bash -c "test \$(wc -l <'$work/fr-profile.err') -eq 1 && grep -q '^mammocalc: $work/french-profile.xml: reportLanguage: no narrative lexicon for the language .fr.; there are: de, en\$' '$work/fr-profile.err'"
"$mammocalc" validate "$work/french-profile.xml" >/dev/null 2>"$work/fr-validate.err"
check "validate: the profile whose reportLanguage has no lexicon exits 1" test $? -eq 1
check "... with the same line" grep -q "french-profile.xml: reportLanguage: no narrative lexicon" "$work/fr-validate.err"

# 6. The report's language: stated by the SR (RFC5646, ISO639_2), else --language, else English.
german="Befund: Links bei 2 Uhr gruppierte fein-pleomorphe Mikroverkalkungen, neu aufgetreten. Beurteilung: BI-RADS 4."
sr de-rfc "$german" de-DE RFC5646
sr de-iso "$german" ger ISO639_2
sr de-none "$german"
sr fr "$german" fr RFC5646
for name in de-rfc de-iso; do
  "$mammocalc" summarize "$work/$name.dcm" >"$work/$name.out" 2>"$work/$name.err"
  check "$name: a German report is read with the German lexicon: one finding" \
    test "$(count "$work/$name.out" "$finding")" = 1 || cat "$work/$name.err"
  check "$name: ... fine pleomorphic, grouped, new, left, at 2 o'clock" bash -c "grep -q 'term=\"fine-pleomorphic\"' '$work/$name.out' && grep -q 'term=\"grouped\"' '$work/$name.out' && grep -q 'change=\"new\"' '$work/$name.out' && grep -q '<finding id=\"F1\" laterality=\"left\"' '$work/$name.out' && grep -q 'clock=\"2\"' '$work/$name.out'"
  check "$name: ... without a language warning" bash -c "! grep -q language-unsupported '$work/$name.out'"
done
"$mammocalc" summarize "$work/de-none.dcm" >"$work/de-none.out" 2>&1
check "de-none: without a stated language it is read in English: no finding" test "$(count "$work/de-none.out" "$finding")" = 0
check "... but the text read in another lexicon is said, and the exam needs review" bash -c "grep -q 'reads as de: [0-9]* calcification mention(s), other findings or statements' '$work/de-none.out' && grep -q '<exam [^>]*needsReview=\"true\"' '$work/de-none.out'"
sr en-stated "$german" en-US RFC5646
"$mammocalc" summarize "$work/en-stated.dcm" >"$work/en-stated.out" 2>&1
check "en-stated: German text in an SR that states English is said too, never silently unread" grep -q 'reads as de: [0-9]* calcification mention(s), other findings or statements' "$work/en-stated.out"
# Hostile review 46, H46-2: German text that names no calcification (a suspicious mass and a
# biopsy) in an SR that states English is said too.
sr en-stated-mass "Beurteilung: Links suspekte Raumforderung bei 2 Uhr. Empfehlung: sonographisch gesteuerte Stanzbiopsie." en-US RFC5646
"$mammocalc" summarize "$work/en-stated-mass.dcm" >"$work/en-stated-mass.out" 2>&1
check "H46-2: German text with no calcification word in an SR that states English: said, review" \
  bash -c "grep -q 'reads as de: [0-9]* calcification mention(s), other findings or statements' '$work/en-stated-mass.out' && grep -q '<exam [^>]*needsReview=\"true\"' '$work/en-stated-mass.out'"
# Hostile review 69: English text another lexicon reads a finding in ("palpable" alone, the denial
# unread) is English: the other lexicon knows fewer of its words; a German sentence after English
# ones is still said.
# The impression of the coded benign sample (which states English) replaced.
cp samples/bir-benign-coarse-vascular.dcm "$work/en-palpable.dcm"
dcmodify -nb -m "(0040,a730)[1].(0040,a730)[0].(0040,a730)[0].(0040,a160)=No palpable abnormality. BI-RADS 2." "$work/en-palpable.dcm" >/dev/null 2>&1
"$mammocalc" summarize "$work/en-palpable.dcm" >"$work/en-palpable.out" 2>&1
check "English text with a word the German lexicon also reads is not taken for German" \
  bash -c "dsrdump '$work/en-palpable.dcm' | grep -q 'No palpable abnormality' && ! grep -q 'reads as de' '$work/en-palpable.out' && grep -q '<exam [^>]*needsReview=\"false\"' '$work/en-palpable.out'"
# Hostile review 68: German text beside coded findings in an SR that states English, read by the
# German lexicon as a suspicion with no calcification word (a finding, no mention) or only as a
# note ("awaited"), is said too.
for text in "Links: malignomsuspekt." "Histologie ausstehend." "Eingeschränkt beurteilbar."; do
  cp samples/bir-benign-coarse-vascular.dcm "$work/en-stated-note.dcm"
  dcmodify -nb -m "(0008,0005)=ISO_IR 192" -m "(0040,a730)[1].(0040,a730)[0].(0040,a730)[0].(0040,a160)=$text" "$work/en-stated-note.dcm" >/dev/null 2>&1
  "$mammocalc" summarize "$work/en-stated-note.dcm" >"$work/en-stated-note.out" 2>&1
  check "German '$text' in an SR that states English: said, review" \
    bash -c "grep -q 'reads as de' '$work/en-stated-note.out' && grep -q '<exam [^>]*needsReview=\"true\"' '$work/en-stated-note.out'"
done
sr en-then-de "Findings: The breasts are heterogeneously dense. No suspicious mass. Beurteilung: Gruppierter Mikrokalk links." en-US RFC5646
"$mammocalc" summarize "$work/en-then-de.dcm" >"$work/en-then-de.out" 2>&1
check "... a German sentence after English ones is said, and the exam needs review" \
  bash -c "grep -q 'reads as de: 1 calcification mention(s), other findings or statements in that lexicon (.Gruppierter Mikrokalk links' '$work/en-then-de.out' && grep -q '<exam [^>]*needsReview=\"true\"' '$work/en-then-de.out'"
"$mammocalc" summarize --language de "$work/de-none.dcm" >"$work/de-option.out" 2>&1
check "de-none --language de: read in German" bash -c "grep -q 'fine-pleomorphic' '$work/de-option.out'"
"$mammocalc" summarize --language de "$work/fr.dcm" >"$work/fr.out" 2>&1
check "fr: a language without a lexicon is warned (language-unsupported)" grep -q 'code="language-unsupported"' "$work/fr.out"
check "... and read with the --language lexicon" grep -q 'fine-pleomorphic' "$work/fr.out"
"$mammocalc" summarize "$work/fr.dcm" >"$work/fr-en.out" 2>&1
check "fr without --language: warned, read in English" bash -c "grep -q 'code=\"language-unsupported\"' '$work/fr-en.out' && grep -q 'with the en lexicon' '$work/fr-en.out'"
check "... and the exam needs review: what is written in French may be missed (H32-5)" \
  grep -q '<exam [^>]*needsReview="true"' "$work/fr-en.out"

# 7. A site adds a breast's letter before a clock position ("re 10 Uhr"), as it adds any wording.
cat >"$work/site-de.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<narrativeWordings xmlns="urn:mammocalc:narrative-wordings:1" language="de">
  <functionWord role="right-before-clock" phrase="re"/>
  <functionWord role="left-before-clock" phrase="li"/>
</narrativeWordings>
XML
check "a site lexicon of breast letters before a clock validates against the schema" bash -c "xmllint --noout --schema schemas/narrative-wordings.xsd '$work/site-de.xml' 2>/dev/null"
sr de-letter "Befund: Gruppierte amorphe Mikroverkalkungen re 10 Uhr. Beurteilung: BI-RADS 4." de-DE RFC5646
"$mammocalc" summarize "$work/de-letter.dcm" >"$work/de-letter.out" 2>&1
check "de-letter: without the site's wording 're' names no breast" bash -c "grep -q '<finding id=\"F1\" laterality=\"unknown\"' '$work/de-letter.out'" || grep '<finding ' "$work/de-letter.out"
"$mammocalc" summarize --lexicon "$work/site-de.xml" "$work/de-letter.dcm" >"$work/de-letter-site.out" 2>"$work/de-letter-site.err"
check "de-letter --lexicon: 're 10 Uhr' is the right breast" bash -c "grep -q '<finding id=\"F1\" laterality=\"right\"' '$work/de-letter-site.out'" || cat "$work/de-letter-site.err"
finish
