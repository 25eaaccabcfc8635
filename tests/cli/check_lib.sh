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
