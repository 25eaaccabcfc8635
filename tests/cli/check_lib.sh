# Shared by the shell tests (source it): `check NAME COMMAND...` counts a passed or failed
# assertion, `finish` prints the closing "N passed, N failed" line and gives the exit status.
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
