#!/bin/bash
# Safety probe set for issue 14 ("no false reassurance off the happy path").
# usage: run_probes.sh MAMMOCALC
# Builds every probes/NAME.xml with xml2dsr, runs "MAMMOCALC summarize" on it (with
# --annotations when probes/NAME.annotations.xml or several probes/NAME.*.annotations.xml exist),
# and checks the summary against expected.tsv. Prints one line per probe and "N passed, M failed";
# exits 1 if any probe failed, 2 on a usage error. No network; the temp dir is removed on exit.
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 MAMMOCALC   (path to the mammocalc executable)" >&2
    exit 2
fi
MAMMOCALC=$1
HERE=$(cd "$(dirname "$0")" && pwd)
PROBES=$HERE/probes
EXPECTED=$HERE/expected.tsv
for tool in xml2dsr xmllint; do
    command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mammocalc-safety.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

NS='urn:mammocalc:summary:1'
# XPath helpers: elements of the summary namespace, boolean needsReview
el() { printf "*[local-name()='%s' and namespace-uri()='%s']" "$1" "$NS"; }
ROOT="/$(el mammocalcSummary)"
FIND="$ROOT/$(el finding)"
EXAM="$ROOT/$(el exam)"
REVIEW="(@needsReview='true' or @needsReview='1')"
CALM="(@classification='benign' or @classification='probably-benign')"

xp() {  # xp FILE EXPR -> value of a number/string expression
    xmllint --xpath "$2" "$1" 2>/dev/null
}

passed=0
failed=0
while IFS=$'\t' read -r name class expect hascalc specwarn _cite; do
    case $name in ''|'#'*|probe) continue ;; esac
    src=$PROBES/$name.xml
    if [ ! -f "$src" ]; then
        echo "FAIL $name [$class] probe source missing"; failed=$((failed + 1)); continue
    fi
    dcm=$TMP/$name.dcm
    if ! xml2dsr "$src" "$dcm" >"$TMP/$name.xml2dsr.log" 2>&1; then
        echo "FAIL $name [$class] xml2dsr could not build the probe: $(grep '^E:' "$TMP/$name.xml2dsr.log" | head -1)"
        failed=$((failed + 1)); continue
    fi
    args=()
    shopt -s nullglob
    several=("$PROBES/$name".*.annotations.xml)
    shopt -u nullglob
    if [ -f "$PROBES/$name.annotations.xml" ]; then
        args=(--annotations "$PROBES/$name.annotations.xml")
    elif [ ${#several[@]} -gt 0 ]; then
        # several annotation files for one study: pass them as a directory, as a site would
        dir=$TMP/$name.annotations
        mkdir -p "$dir"
        for f in "${several[@]}"; do
            b=${f##*/}; cp "$f" "$dir/${b#"$name".}"
        done
        args=(--annotations "$dir")
    fi
    out=$TMP/$name.summary.xml
    "$MAMMOCALC" summarize "${args[@]}" "$dcm" >"$out" 2>"$TMP/$name.err"
    rc=$?
    if [ $rc -ne 0 ] || ! xmllint --noout "$out" 2>/dev/null; then
        echo "FAIL $name [$class] mammocalc exit $rc, no summary: $(head -c 200 "$TMP/$name.err" | tr '\n' ' ')"
        failed=$((failed + 1)); continue
    fi
    nfind=$(xp "$out" "count($FIND)")
    nsusp=$(xp "$out" "count($FIND/$(el assessment)[@classification='suspicious' or @classification='known-malignancy'])")
    calm_find=$(xp "$out" "count($FIND/$(el assessment)[$CALM and not($REVIEW)])")
    calm_exam=$(xp "$out" "count(${EXAM}[$CALM and not($REVIEW)])")
    exam_review=$(xp "$out" "count(${EXAM}[$REVIEW])")
    nonclean=$(xp "$out" "count($FIND/$(el assessment)[@classification!='benign' or $REVIEW]) + count(${EXAM}[@classification!='benign' or not(@classification) or $REVIEW])")
    got=$(xp "$out" "concat('findings=', count($FIND), ' ')")
    for a in $(xp "$out" "$FIND/$(el assessment)/@category | $FIND/$(el assessment)/@classification | $FIND/$(el assessment)/@needsReview" | tr -d '"' | tr ' ' '\n' | sed 's/^\(category\|classification\|needsReview\)=//'); do
        got="$got$a/"
    done
    exam=$(xp "$out" "concat('exam=', $EXAM/@category, '/', $EXAM/@classification, '/', $EXAM/@needsReview)")
    warns=$(xp "$out" "//*[local-name()='warning']/@code" | tr -d '"' | sed 's/ *code=/ /g' | tr ' ' '\n' | sort -u | tr '\n' ',' | sed 's/^,//; s/,$//')
    found="$got $exam warnings=${warns:-none}"
    # informational only (not part of PASS/FAIL): the warning code the specification names
    if [ "$specwarn" != "-" ]; then
        case ",$warns," in *",$specwarn,"*) found="$found (spec warning $specwarn: present)" ;;
                           *) found="$found (spec warning $specwarn: absent)" ;; esac
    fi

    ok=0
    why=""
    case $expect in
        not-reassuring)
            if [ "$calm_find" != 0 ]; then why="a finding reads benign/probably-benign without review"
            elif [ "$calm_exam" != 0 ]; then why="the exam reads benign/probably-benign without review"
            elif [ "$nfind" = 0 ] && [ "$hascalc" = yes ]; then why="no calcification finding, but the probe has one"
            elif [ "$nfind" = 0 ] && [ "$exam_review" = 0 ]; then why="unreadable finding dropped without review"
            else ok=1; fi ;;
        benign-clean)
            if [ "$nfind" = 0 ]; then why="no calcification finding"
            elif [ "$nonclean" != 0 ]; then why="not benign without review any more"
            else ok=1; fi ;;
        suspicious)
            if [ "$nsusp" = 0 ]; then why="no finding suspicious"; else ok=1; fi ;;
        *)
            why="unknown expectation '$expect' in expected.tsv" ;;
    esac
    if [ $ok = 1 ]; then
        echo "PASS $name [$class] $expect: $found"; passed=$((passed + 1))
    else
        echo "FAIL $name [$class] $expect: $why; $found"; failed=$((failed + 1))
    fi
done <"$EXPECTED"

# every probe source must have a row
for src in "$PROBES"/*.xml; do
    n=${src##*/}; n=${n%.xml}
    case $n in *.annotations) continue ;; esac
    if ! cut -f1 "$EXPECTED" | grep -qx "$n"; then
        echo "FAIL $n [?] no row in expected.tsv"; failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
