#!/usr/bin/env bash
# The safety floor of narrative reports (issue 16) over the independent gold set
# (tests/narrative/gold, written from the specification without reading the code), one process
# per report (gold_score_test.sh measures accuracy through a batch):
#   - every breast report is read, not refused; the reports about other organs are refused
#     (exit 1, one line "mammocalc: FILE: not a breast imaging report ...");
#   - every calcification mention of the gold is listed and quoted in the summary's read text
#     (readText/mention, whatever its status; its text contains or is contained in the gold
#     sentence), so nothing the text says about calcification is dropped without trace;
#   - nothing is called benign without review: every narrative finding needs review (W7) and quotes
#     the sentence it was read from, and a report whose text affirms calcifications, or leaves them
#     uncertain, has a narrative finding and an exam that asks for review (never "no calcification
#     finding" without a flag).
# Until the reader, the interim form of this test asked review of every report mentioning
# calcification and accepted a narrative-unresolved warning as the quote; the reader's contract
# lists negated mentions as read text and needs no review for a report with no finding.
#   gold_safety_test.sh MAMMOCALC [XML_TO_SR]   (run from the project root; python3 for the sentence match)
set -u
mammocalc=$1
xml_to_sr=${2:-}  # gold/build.sh: the build's one-process xml2dsr
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/cli/check_lib.sh
gold=tests/narrative/gold

bash "$gold/build.sh" "$work/sr" ${xml_to_sr:+"$xml_to_sr"} >"$work/build.log" 2>&1
check "the gold set builds with xml2dsr" test $? -eq 0
S="local-name()"
NARRATIVE="/*[$S='mammocalcSummary']/*[$S='finding'][@origin='narrative']"
EXAM="/*[$S='mammocalcSummary']/*[$S='exam']"
xp() { xmllint --xpath "$2" "$1" 2>/dev/null; }
total=0
refused_breast=0
unflagged=0
unreviewed=0
unquoted=0
wrongly_read=0
: >"$work/manifest.tsv"
while IFS=$'\t' read -r report _ _ _ is_breast _; do
  [[ $report == report ]] && continue
  total=$((total + 1))
  dcm=$work/sr/$report.dcm
  "$mammocalc" summarize "$dcm" >"$work/$report.xml" 2>"$work/err"
  status=$?
  if [[ $is_breast == no ]]; then
    if [[ $status -ne 1 || $(wc -l <"$work/err") -ne 1 ]] ||
      ! grep -q "^mammocalc: $dcm: not a breast imaging report" "$work/err"; then
      echo "  $report: a report about another organ was not refused as the contract says (exit $status)"
      wrongly_read=$((wrongly_read + 1))
    fi
    continue
  fi
  if [[ $status -ne 0 ]]; then
    echo "  $report: refused ($(cat "$work/err"))"
    refused_breast=$((refused_breast + 1))
    continue
  fi
  printf '%s\tsummarised\t%s\n' "$report" "$work/$report.xml" >>"$work/manifest.tsv"
  summary=$work/$report.xml
  findings=$(xp "$summary" "count($NARRATIVE)")
  # W7: every narrative finding needs review and quotes its sentence.
  bad=$(xp "$summary" "count($NARRATIVE[not(*[$S='assessment'][@needsReview='true' or @needsReview='1'])])")
  if [[ ${bad:-0} -ne 0 ]]; then
    echo "  $report: $bad narrative finding(s) without needsReview (W7)"
    unreviewed=$((unreviewed + 1))
  fi
  bad=$(xp "$summary" "count($NARRATIVE[not(*[$S='text']/*[$S='sentence'][normalize-space(.) != ''])])")
  if [[ ${bad:-0} -ne 0 ]]; then
    echo "  $report: $bad narrative finding(s) quote no sentence"
    unquoted=$((unquoted + 1))
  fi
  # The text affirms calcifications or leaves them uncertain: a finding, and the exam asks for review.
  if awk -F'\t' -v r="$report" '$1 == r && $2 != "0" && $4 ~ /affirmed|uncertain/ { found = 1 } END { exit !found }' \
    "$gold/mentions.tsv"; then
    if [[ ${findings:-0} -lt 1 ]] || [[ $(xp "$summary" "count($EXAM[@needsReview='true' or @needsReview='1'])") -ne 1 ]]; then
      echo "  $report: text affirms or leaves uncertain calcifications; narrative findings: ${findings:-0}, exam review: $(xp "$summary" "string($EXAM/@needsReview)")"
      unflagged=$((unflagged + 1))
    fi
  fi
done <"$gold/reports.tsv"
check "the gold set has its 81 reports" test "$total" -ge 81
check "no breast report is refused" test "$refused_breast" -eq 0
check "every report about another organ is refused" test "$wrongly_read" -eq 0
check "every narrative finding needs review (W7)" test "$unreviewed" -eq 0
check "every narrative finding quotes its sentence" test "$unquoted" -eq 0
check "no report that affirms or leaves uncertain calcifications goes without a finding and a review flag" test "$unflagged" -eq 0

# Every gold mention listed in readText with its sentence (containment, whitespace and case
# normalised; a sentence with two mentions needs two listed).
python3 "$gold/summary_to_tsv.py" --manifest "$work/manifest.tsv" "$work/tsv" >/dev/null
check "the summaries convert (summary_to_tsv.py)" test $? -eq 0
python3 - "$gold/mentions.tsv" "$gold/reports.tsv" "$work/tsv/mentions.tsv" >"$work/unlisted.log" <<'PY'
import csv, re, sys
from collections import defaultdict
def read(p):
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))
norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()
breast = {r["report"] for r in read(sys.argv[2]) if r["is_breast_report"] == "yes"}
listed = defaultdict(list)
for m in read(sys.argv[3]):
    listed[m["report"]].append([norm(m["sentence"]), False])
missing = 0
gold = [m for m in read(sys.argv[1]) if m["report"] in breast and m["mention_no"] != "0"]
found = [False] * len(gold)
for exact in (True, False):
    for k, m in enumerate(gold):
        s = norm(m["sentence"])
        for cand in listed[m["report"]]:
            if not found[k] and not cand[1] and cand[0] and (cand[0] == s if exact else (cand[0] in s or s in cand[0])):
                cand[1] = found[k] = True
for k, m in enumerate(gold):
    if not found[k]:
        missing += 1
        print(f"  {m['report']} mention {m['mention_no']} ({m['status']}) not listed in readText: {m['sentence']}")
print(f"{len(gold) - missing} of {len(gold)} gold mentions listed in readText")
sys.exit(1 if missing else 0)
PY
listed_status=$?
head -n 40 "$work/unlisted.log"
check "every calcification mention of the gold is listed and quoted in readText" test "$listed_status" -eq 0
finish
