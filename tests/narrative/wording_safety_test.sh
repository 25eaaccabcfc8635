#!/usr/bin/env bash
# The exhaustive safety property of issue 16: for every suspicious morphology term (amorphous,
# coarse-heterogeneous, fine-pleomorphic, fine-linear, fine-linear-branching) and suspicious
# distribution term (linear, segmental), and EACH of its wordings in the shipped wordings file,
# three Basic Text SRs (one Findings TEXT item; Study Description "MAMMO DIAGNOSTIC LEFT", Body Part
# Examined BREAST):
#   (a) "<wording> calcifications in the left breast."          -> a narrative finding, left,
#                                                                   suspicious or known-malignancy
#   (b) "No <wording> calcifications in the left breast."       -> no narrative finding, and the
#                                                                   mention listed as negated read text
#   (c) "Possible <wording> calcifications in the left breast." -> a narrative finding, none of
#                                                                   them benign or probably-benign
# Each failure names the term, the wording, the case and the sentence. A term with no wording in
# the file fails too (a term the reader cannot read is a term it can miss).
# A German wordings file (language="de", issue 17) is tested alike in German, the run told so
# with --language de: (a) "<wording> Mikroverkalkungen links.", (b) "Keine <wording>
# Mikroverkalkungen links.", (c) "Fragliche <wording> Mikroverkalkungen links."
#   wording_safety_test.sh MAMMOCALC XML_TO_SR [WORDINGS]   (run from the project root; WORDINGS
#                                   defaults to src/narrative/narrative-wordings-en.xml; XML_TO_SR is
#                                   the build's mammocalc_xml_to_sr, xml2dsr for all SRs at once)
# The SRs are built in one process and the summaries checked in one python3 process: one xml2dsr,
# dcmodify and four xmllint processes per SR made this one of the longest CI tests.
set -u
if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 MAMMOCALC XML_TO_SR [WORDINGS]" >&2
  exit 2
fi
mammocalc=$1
xml_to_sr=$2
wordings=${3:-src/narrative/narrative-wordings-en.xml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/cli/check_lib.sh
for tool in xmllint python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found"; exit 1; }
done
if ! xmllint --noout "$wordings" 2>"$work/wordings.err"; then
  echo "FAIL: the wordings file $wordings cannot be read: $(head -n 2 "$work/wordings.err")"
  exit 1
fi

language=$(xmllint --xpath "string(/*/@language)" "$wordings" 2>/dev/null)
language=${language:-en}

morphologies=(amorphous coarse-heterogeneous fine-pleomorphic fine-linear fine-linear-branching)
distributions=(linear segmental)

xml_escape() {  # sed, not ${s//&/...}: bash 5.2 reads & in a replacement as the match
  printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'
}

# write_sr FILE N TEXT: the XML of a Basic Text SR whose Findings container holds TEXT, listed for
# mammocalc_xml_to_sr to build as FILE (Body Part Examined BREAST).
write_sr() {
  local n=$2 text encoding=ISO-8859-1 charset="ISO_IR 100"
  text=$(xml_escape "$3")
  if LC_ALL=C grep -q '[^ -~]' <<<"$text"; then encoding=UTF-8 charset="ISO_IR 192"; fi  # not ASCII
  cat >"$work/xml/$n.xml" <<EOF
<?xml version="1.0" encoding="$encoding"?>
<report type="Basic Text SR">
<sopclass uid="1.2.840.10008.5.1.4.1.1.88.11">BasicTextSRStorage</sopclass>
<charset>$charset</charset>
<modality>SR</modality>
<manufacturer>mammocalc wording safety test</manufacturer>
<patient><id>WS-$n</id><name><first>WORDING</first><last>SAFETY</last></name><sex>F</sex></patient>
<study uid="1.2.826.0.1.3680043.10.1363.917.$n.1"><id>$n</id><date>2026-11-02</date><time>09:00:00</time>
<accession><number>WS$n</number></accession><description>MAMMO DIAGNOSTIC LEFT</description></study>
<series uid="1.2.826.0.1.3680043.10.1363.917.$n.2"><number>1</number></series>
<instance uid="1.2.826.0.1.3680043.10.1363.917.$n.3"><number>1</number></instance>
<document><completion flag="COMPLETE"></completion><verification flag="UNVERIFIED"></verification>
<content><date>2026-11-02</date><time>10:00:00</time>
<container flag="SEPARATE">
<concept><value>18748-4</value><scheme><designator>LN</designator></scheme><meaning>Diagnostic imaging study</meaning></concept>
<container flag="SEPARATE"><relationship>CONTAINS</relationship>
<concept><value>121070</value><scheme><designator>DCM</designator></scheme><meaning>Findings</meaning></concept>
<text><relationship>CONTAINS</relationship>
<concept><value>121071</value><scheme><designator>DCM</designator></scheme><meaning>Finding</meaning></concept>
<value>$text</value>
</text>
</container>
</container>
</content>
</document>
</report>
EOF
  printf '%s\t%s\tBREAST\n' "$work/xml/$n.xml" "$1" >>"$work/build.list"
}

# Cases: one line per SR in cases.tsv (name, term, wording, case, sentence).
mkdir -p "$work/sr" "$work/xml"
: >"$work/cases.tsv"
: >"$work/build.list"
n=0
no_wording=0
for kind in morphology distribution; do
  if [[ $kind == morphology ]]; then terms=("${morphologies[@]}"); else terms=("${distributions[@]}"); fi
  for term in "${terms[@]}"; do
    select="//*[local-name()='$kind'][@term='$term']"
    count=$(xmllint --xpath "count($select)" "$wordings" 2>/dev/null)
    count=${count:-0}
    found=0
    for ((i = 1; i <= count; i++)); do
      wording=$(xmllint --xpath "string(($select)[$i]/@phrase)" "$wordings" 2>/dev/null)
      [[ -n $wording ]] || continue
      # schemas/narrative-wordings.xsd: a trailing '*' matches any word that starts with what
      # precedes it; the bare stem is the one word it surely matches.
      wording=${wording%\*}
      found=$((found + 1))
      for case in a b c; do
        case $language:$case in
          de*:a) sentence="${wording^} Mikroverkalkungen links." ;;
          de*:b) sentence="Keine $wording Mikroverkalkungen links." ;;
          de*:c) sentence="Fragliche $wording Mikroverkalkungen links." ;;
          *:a) sentence="${wording^} calcifications in the left breast." ;;
          *:b) sentence="No $wording calcifications in the left breast." ;;
          *:c) sentence="Possible $wording calcifications in the left breast." ;;
        esac
        n=$((n + 1))
        name=$(printf 'w%04d-%s' "$n" "$case")
        write_sr "$work/sr/$name.dcm" "$n" "$sentence"
        printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$term" "$wording" "$case" "$sentence" >>"$work/cases.tsv"
      done
    done
    if ((found < 1)); then
      echo "FAIL: $kind $term has no wording in $wordings"
      no_wording=$((no_wording + 1))
    fi
  done
done
check "every suspicious term has at least one wording in $wordings" test "$no_wording" -eq 0
cases=$(wc -l <"$work/cases.tsv")
"$xml_to_sr" <"$work/build.list" >/dev/null 2>"$work/build.err"
status=$?
# DCMTK 3.6.7 warns that its VR checker does not know ISO_IR 192 (UTF-8), used for the German
# sentences; any other warning fails.
grep -v "does not support this Specific Character Set: ISO_IR 192" "$work/build.err" >"$work/build.problems"
check "the SRs are built (mammocalc_xml_to_sr exits 0, got $status, no other DCMTK warning)" \
  test "$status" -eq 0 -a ! -s "$work/build.problems"
head -n 3 "$work/build.problems"
built=$(find "$work/sr" -name '*.dcm' | wc -l)
check "the SRs are built ($built of $cases)" test "$cases" -gt 0 -a "$built" -eq "$cases"
echo "$((cases / 3)) wordings, $cases SRs"

# One batch over all of them.
"$mammocalc" summarize --quiet --language "$language" "$work/sr" -o "$work/out" >"$work/batch.out" 2>"$work/batch.err"
status=$?
check "the batch exits 0 (got $status)" test "$status" -eq 0 || head -n 5 "$work/batch.err"
check "the batch writes its index" test -f "$work/out/index.xml"

# Every case checked in one pass over the index and the summaries.
python3 - "$work/cases.tsv" "$work/out" <<'PY' >"$work/check.log"
import os, sys
import xml.etree.ElementTree as ET
cases_path, out = sys.argv[1], sys.argv[2]
local = lambda e: e.tag.rsplit("}", 1)[-1]
children = lambda e, name: [c for c in e if local(c) == name]
index = {}
for entry in ET.parse(os.path.join(out, "index.xml")).iter():
    if local(entry) == "entry":
        index[os.path.basename(entry.get("input", ""))] = entry
bad = 0
with open(cases_path, encoding="utf-8") as cases:
    for line in cases:
        name, term, wording, case, sentence = line.rstrip("\n").split("\t")
        what = f"{term} '{wording}' ({case}) \"{sentence}\""
        entry = index.get(name + ".dcm")
        output = entry.get("output", "") if entry is not None else ""
        if output and not output.startswith("/"):
            output = os.path.join(out, os.path.basename(output))
        if entry is None or entry.get("status") != "summarised" or not os.path.isfile(output):
            status = "no entry" if entry is None else f"{entry.get('status')} {entry.get('errorCode', '')}"
            print(f"FAIL: {what}: not summarised (index: {status})")
            bad += 1
            continue
        root = ET.parse(output).getroot()
        narrative = [f for f in children(root, "finding") if f.get("origin") == "narrative"]
        classes = lambda f: [a.get("classification") for a in children(f, "assessment")]
        if case == "a":
            if not any(f.get("laterality") == "left" and
                       {"suspicious", "known-malignancy"} & set(classes(f)) for f in narrative):
                seen = " ".join(f"{f.get('laterality')} {' '.join(map(str, classes(f)))}" for f in narrative)
                print(f"FAIL: {what}: no left suspicious narrative finding "
                      f"({len(narrative)} narrative findings: {seen})")
                bad += 1
        elif case == "b":
            negated = [m for t in children(root, "readText") for m in children(t, "mention")
                       if m.get("status") == "negated"]
            if narrative:
                print(f"FAIL: {what}: {len(narrative)} narrative finding(s) from a negated sentence")
                bad += 1
            if not negated:
                print(f"FAIL: {what}: the mention is not listed in readText as negated")
                bad += 1
        else:
            calm = [f for f in narrative if {"benign", "probably-benign"} & set(classes(f))]
            if not narrative:
                print(f"FAIL: {what}: no narrative finding from an uncertain mention")
                bad += 1
            elif calm:
                print(f"FAIL: {what}: {len(calm)} narrative finding(s) benign or probably-benign "
                      "from an uncertain mention")
                bad += 1
print(bad)
PY
bad=$(tail -n 1 "$work/check.log")
head -n -1 "$work/check.log"
check "every wording: suspicious when affirmed, no finding when negated, never benign when uncertain ($bad failures)" \
  test "$bad" -eq 0
finish
