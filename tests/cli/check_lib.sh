# Shared by the shell tests (source it): `check NAME COMMAND...` counts a passed or failed
# assertion, `finish` prints the closing "N passed, N failed" line and gives the exit status;
# `start_test "$@"` (below) starts the tests that take MAMMOCALC XMLLINT.
passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}
finish() {
  echo "$passed passed, $failed failed"
  ((failed == 0))
}
# The start of a test run from the project root as `TEST MAMMOCALC XMLLINT`: `start_test "$@"`
# right after sourcing this file. An unset variable is an error from then on, $mammocalc and
# $xmllint name the two programs, and $work is a fresh directory, removed when the test exits.
start_test() {
  set -u
  mammocalc=$1
  xmllint=$2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
# Three SRs under one SOP Instance UID with three results (hostile review 37, H37-9), made in DIR
# as 1.dcm (BENIGN), 2.dcm (SUSPICIOUS under BENIGN's UID) and 3.dcm (BENIGN of another patient):
#   make_three_results DIR BENIGN SUSPICIOUS
make_three_results() {
  local dir=$1 benign=$2 suspicious=$3
  mkdir -p "$dir"
  cp "$benign" "$dir/1.dcm"
  cp "$suspicious" "$dir/2.dcm"
  dcmodify -nb -m "(0008,0018)=$(dcmdump +P 0008,0018 "$benign" | sed -n 's/.*\[\(.*\)\].*/\1/p')" "$dir/2.dcm"
  cp "$benign" "$dir/3.dcm"
  dcmodify -nb -m "(0010,0020)=ANOTHER-PATIENT" "$dir/3.dcm"
}
# How many summaries in OUTDIR of the three inputs in DIR name both other inputs (E19, "another
# input of this run, DIR/N.dcm,"): 3 when each does.
#   summaries_naming_both_others OUTDIR DIR
summaries_naming_both_others() {
  local out=$1 dir=$2 count=0 summary own
  for summary in "$out"/*.xml; do
    [ "$(basename "$summary")" = index.xml ] && continue
    own=$(grep -o '<source file="[^"]*"' "$summary" | sed 's/.*\/\([0-9]\)\.dcm"/\1/')
    local named=0 other
    for other in 1 2 3; do
      [ "$other" = "$own" ] && continue
      grep -q "another input of this run, $dir/$other.dcm," "$summary" && named=$((named + 1))
    done
    [ "$named" -eq 2 ] && count=$((count + 1))
  done
  echo "$count"
}
