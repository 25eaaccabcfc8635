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
#   wording_safety_test.sh MAMMOCALC [WORDINGS]     (run from the project root; WORDINGS defaults
#                                                   to src/narrative/narrative-wordings-en.xml)
set -u
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 MAMMOCALC [WORDINGS]" >&2
  exit 2
fi
mammocalc=$1
wordings=${2:-src/narrative/narrative-wordings-en.xml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/cli/check_lib.sh
for tool in xmllint xml2dsr dcmodify; do
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

# write_sr FILE N TEXT: a Basic Text SR whose Findings container holds TEXT.
write_sr() {
  local n=$2 text encoding=ISO-8859-1 charset="ISO_IR 100"
  text=$(xml_escape "$3")
  if LC_ALL=C grep -q '[^ -~]' <<<"$text"; then encoding=UTF-8 charset="ISO_IR 192"; fi  # not ASCII
  cat >"$work/src.xml" <<EOF
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
  xml2dsr "$work/src.xml" "$1" >"$work/build.err" 2>&1 &&
    dcmodify -nb -i "(0018,0015)=BREAST" "$1" >>"$work/build.err" 2>&1
}

# Cases: one line per SR in cases.tsv (name, term, wording, case, sentence).
mkdir -p "$work/sr"
: >"$work/cases.tsv"
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
        if ! write_sr "$work/sr/$name.dcm" "$n" "$sentence"; then
          echo "FAIL: cannot build the SR for $kind $term '$wording' ($case): $(head -n 3 "$work/build.err")"
          failed=$((failed + 1))
          continue
        fi
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
check "the SRs are built ($cases)" test "$cases" -gt 0
echo "$((cases / 3)) wordings, $cases SRs"

# One batch over all of them.
"$mammocalc" summarize --quiet --language "$language" "$work/sr" -o "$work/out" >"$work/batch.out" 2>"$work/batch.err"
status=$?
check "the batch exits 0 (got $status)" test "$status" -eq 0 || head -n 5 "$work/batch.err"
check "the batch writes its index" test -f "$work/out/index.xml"

S="local-name()"
NARRATIVE="/*[$S='mammocalcSummary']/*[$S='finding'][@origin='narrative']"
SUSPICIOUS="*[$S='assessment'][@classification='suspicious' or @classification='known-malignancy']"
CALM="*[$S='assessment'][@classification='benign' or @classification='probably-benign']"
NEGATED="/*[$S='mammocalcSummary']/*[$S='readText']/*[$S='mention'][@status='negated']"
xp() { xmllint --xpath "$2" "$1" 2>/dev/null; }

bad=0
while IFS=$'\t' read -r name term wording case sentence; do
  what="$term '$wording' ($case) \"$sentence\""
  entry="//*[$S='entry'][substring(@input, string-length(@input) - string-length('/$name.dcm') + 1) = '/$name.dcm']"
  entry_status=$(xp "$work/out/index.xml" "string($entry/@status)")
  output=$(xp "$work/out/index.xml" "string($entry/@output)")
  [[ $output == /* ]] || output=$work/out/$(basename "$output")
  if [[ $entry_status != summarised || ! -f $output ]]; then
    echo "FAIL: $what: not summarised (index: ${entry_status:-no entry} $(xp "$work/out/index.xml" "string($entry/@errorCode)"))"
    bad=$((bad + 1))
    continue
  fi
  findings=$(xp "$output" "count($NARRATIVE)")
  case $case in
    a)
      left_suspicious=$(xp "$output" "count($NARRATIVE[@laterality='left'][$SUSPICIOUS])")
      if [[ ${left_suspicious:-0} -lt 1 ]]; then
        echo "FAIL: $what: no left suspicious narrative finding ($findings narrative findings:" \
          "$(xp "$output" "$NARRATIVE/@laterality | $NARRATIVE/*[$S='assessment']/@classification" | tr '\n' ' '))"
        bad=$((bad + 1))
      fi
      ;;
    b)
      negated=$(xp "$output" "count($NEGATED)")
      if [[ ${findings:-0} -ne 0 ]]; then
        echo "FAIL: $what: $findings narrative finding(s) from a negated sentence"
        bad=$((bad + 1))
      fi
      if [[ ${negated:-0} -lt 1 ]]; then
        echo "FAIL: $what: the mention is not listed in readText as negated"
        bad=$((bad + 1))
      fi
      ;;
    c)
      calm=$(xp "$output" "count($NARRATIVE[$CALM])")
      if [[ ${findings:-0} -lt 1 ]]; then
        echo "FAIL: $what: no narrative finding from an uncertain mention"
        bad=$((bad + 1))
      elif [[ ${calm:-0} -ne 0 ]]; then
        echo "FAIL: $what: $calm narrative finding(s) benign or probably-benign from an uncertain mention"
        bad=$((bad + 1))
      fi
      ;;
  esac
done <"$work/cases.tsv"
check "every wording: suspicious when affirmed, no finding when negated, never benign when uncertain ($bad failures)" \
  test "$bad" -eq 0
finish
