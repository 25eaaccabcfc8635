#!/usr/bin/env bash
# `mammocalc serve` under real load (issue 18), on 127.0.0.1 with free ports, every wait bounded:
#   1. SENDERS storescu processes x PER_SENDER SRs started together: no sender fails, every SR is
#      summarised exactly as `summarize` does (but for the source), peak RSS stays flat;
#   2. over the limit (--max-associations 2, 6 senders): the extra associations are rejected at
#      once as transient and get through on a retry loop, never a timeout;
#   3. SIGTERM in the middle of the load: exit 0, every object a sender was told "success" for
#      has its summary, no partial or temporary file is left.
# tools/test runs it with 8 x 250 in the ordinary build and under the sanitizers, there without
# the RSS comparison (tests/CMakeLists.txt).
#   serve_load_test.sh MAMMOCALC GENERATOR [SENDERS] [PER_SENDER] [CHECK_RSS 1|0]
set -u
source "$(dirname "${BASH_SOURCE[0]}")/serve_lib.sh"
generator=$2
senders=${3:-8}
per_sender=${4:-250}
check_rss=${5:-1}
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
require_tools storescu echoscu
# DCMTK's storescu sends each command and its dataset as separate small writes; without
# TCP_NODELAY (which DCMTK reads from the environment) each object waits for a delayed ACK.
export TCP_NODELAY=1

total=$((senders * per_sender))
mkdir -p "$work/corpus"
"$generator" --corpus "$total" 1 "$work/corpus" >/dev/null || { echo "FAIL: no corpus made"; exit 1; }
mapfile -t corpus < <(ls "$work/corpus"/*.dcm)
# Expected summaries, made by `summarize` (a batch: one <SOPInstanceUID>.xml per SR), and which
# file each one comes from.
"$mammocalc" summarize --quiet -o "$work/expected" "$work/corpus" >/dev/null 2>&1
rm -f "$work/expected/index.xml"
grep -H '<source ' "$work/expected"/*.xml |
  sed -n 's|^.*/\([^/]*\.xml\):.*file="\([^"]*\)".*|\2 \1|p' >"$work/file-to-summary"
check "the corpus and its expected summaries exist ($total)" \
  test "$(ls "$work/expected" | wc -l)" -eq "$total" -a "$(wc -l <"$work/file-to-summary")" -eq "$total"

wait_for_count() {  # DIR COUNT SECONDS: until DIR holds COUNT summaries
  for _ in $(seq 1 $(($3 * 10))); do
    [[ $(find "$1" -maxdepth 1 -name '*.xml' | wc -l) -ge $2 ]] && return 0
    sleep 0.1
  done
  return 1
}
# Every summary in DIR equals the expected one but for the source line; with COUNT, DIR holds
# exactly that many.
same_as_direct() {  # DIR [COUNT]
  local names
  names=$(cd "$1" && ls | grep '\.xml$')
  if [[ -n ${2:-} && $(wc -l <<<"$names") -ne $2 ]]; then
    echo "  $(wc -l <<<"$names") summaries, expected $2"
    return 1
  fi
  if ! diff <(cd "$work/expected" && xargs grep -vh '<source ' <<<"$names") \
    <(cd "$1" && xargs grep -vh '<source ' <<<"$names") >"$work/differences"; then
    echo "  summaries differ from summarize's:"; head -5 "$work/differences"
    return 1
  fi
}
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
# Starts one storescu per slice of the corpus (slice i: files i*SIZE .. i*SIZE+SIZE-1), each
# writing its verbose log to PREFIX-i.log; sets sender_pids.
start_senders() {  # PREFIX COUNT SIZE
  sender_pids=()
  for ((i = 0; i < $2; i++)); do
    storescu -v -aec MAMMOCALC 127.0.0.1 "$port" "${corpus[@]:$((i * $3)):$3}" >"$1-$i.log" 2>&1 &
    sender_pids+=($!)
  done
}

# --- 1. The full load: SENDERS associations at once ---
mkdir -p "$work/load-out"
check "serve starts (--max-associations $senders)" start_serve "$work/load.log" \
  --out "$work/load-out" --max-associations "$senders"
start_senders "$work/load" "$senders" "$per_sender"
rss_first=
if wait_for_count "$work/load-out" 100 120; then rss_first=$(rss_kb "$server"); fi
failures=0
for pid in "${sender_pids[@]}"; do wait "$pid" || failures=$((failures + 1)); done
check "$senders senders x $per_sender SRs at once: no sender fails ($failures failed)" test "$failures" -eq 0
check "... every one acknowledged with success" \
  test "$(cat "$work"/load-*.log | grep -c 'Received Store Response (Success)')" -eq "$total"
check "... $total summaries, each equal to summarize's" same_as_direct "$work/load-out" "$total"
check "... no association rejected or aborted" \
  bash -c "! grep -E 'rejected|aborted|internal error' '$work/load.log'"
rss_last=$(rss_kb "$server")
echo "  RSS after 100 objects: ${rss_first:-?} kB, after $total: $rss_last kB"
if [[ $check_rss == 1 ]]; then
  check "... RSS after the run within 1.2x of after the first 100 objects" \
    awk -v a="${rss_first:-0}" -v b="$rss_last" 'BEGIN { exit !(a > 0 && b <= 1.2 * a) }'
fi
kill -TERM "$server"
wait "$server"
check "... and serve exits 0 on SIGTERM" test $? -eq 0
# The lock file of output names stays (README), nothing else hidden.
check "... leaving no temporary file" \
  test -z "$(find "$work/load-out" -name '.*' ! -name .mammocalc-serve.lock ! -name .mammocalc-exams)"

# --- 2. Over the limit: 6 senders against --max-associations 2, each retrying until it gets in ---
limit_size=$((per_sender < 50 ? per_sender : 50))
mkdir -p "$work/limit-out"
check "serve starts (--max-associations 2)" start_serve "$work/limit.log" \
  --out "$work/limit-out" --max-associations 2
retrying_sender() {  # ID FILES...: storescu until it succeeds (at most 300 tries)
  local id=$1; shift
  for attempt in $(seq 1 300); do
    local started=$SECONDS
    if storescu -aec MAMMOCALC 127.0.0.1 "$port" "$@" >"$work/limit-$id-$attempt.log" 2>&1; then
      echo "$attempt" >"$work/limit-$id.attempts"
      return 0
    fi
    # A rejection is answered at once; a try that waited for a timeout (storescu's is 30 s) took
    # far longer than these 5 s, which leave room for a loaded machine.
    ((SECONDS - started <= 5)) || echo "slow" >"$work/limit-$id-$attempt.slow"
    sleep 0.1
  done
  return 1
}
limit_pids=()
for id in 0 1 2 3 4 5; do
  retrying_sender "$id" "${corpus[@]:$((id * limit_size)):$limit_size}" &
  limit_pids+=($!)
done
failures=0
for pid in "${limit_pids[@]}"; do wait "$pid" || failures=$((failures + 1)); done
attempts=$(cat "$work"/limit-*.attempts 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
echo "  6 senders needed $attempts tries"
check "over the limit: all 6 senders get through on retries ($failures did not)" test "$failures" -eq 0
check "... some associations were rejected (more tries than senders)" test "$attempts" -gt 6
check "... as transient, local limit exceeded (storescu says so)" \
  bash -c "cat '$work'/limit-*-*.log | grep -qi 'Rejected Transient' && cat '$work'/limit-*-*.log | grep -qi 'Local Limit Exceeded'"
check "... at once, never after a timeout" test -z "$(ls "$work" | grep '\.slow$')"
check "... each rejection logged once, naming the calling AE title and the peer" \
  test "$(grep -c "association from 'STORESCU' at 127.0.0.1: rejected as transient, 2 associations already running (--max-associations 2)" "$work/limit.log")" -eq $((attempts - 6))
check "... every SR summarised as summarize does" same_as_direct "$work/limit-out" $((6 * limit_size))
kill -TERM "$server"
wait "$server"

# --- 3. SIGTERM in the middle of the load ---
mkdir -p "$work/term-out"
check "serve starts (--shutdown-timeout 1)" start_serve "$work/term.log" \
  --out "$work/term-out" --max-associations "$senders" --shutdown-timeout 1
start_senders "$work/term" "$senders" "$per_sender"
wait_for_count "$work/term-out" $((total / 4)) 120
kill -TERM "$server"
wait_exit "$server" 30
status=$?
check "SIGTERM under load: serve stops within 30 s" test "$status" -ne 124
check "... exit status 0 (got $status)" test "$status" -eq 0
check "... says it stopped" grep -q "mammocalc serve: stopped" "$work/term.log"
for pid in "${sender_pids[@]}"; do wait "$pid"; done
# The files each sender was told "success" for: storescu -v says "Sending file: F", then the
# response.
awk '/Sending file:/ { file = $NF } /Received Store Response \(Success\)/ { print file }' \
  "$work"/term-*.log | sort -u >"$work/acknowledged"
acknowledged=$(wc -l <"$work/acknowledged")
missing=0
while read -r file summary; do
  [[ -f $work/term-out/$summary ]] || { missing=$((missing + 1)); echo "  no summary for $file"; }
done < <(sort -k1,1 "$work/file-to-summary" | join - "$work/acknowledged")
summaries=$(find "$work/term-out" -maxdepth 1 -name '*.xml' | wc -l)
echo "  $acknowledged of $total acknowledged with success before the stop; $summaries summaries"
check "... every object acknowledged with success has its summary ($missing missing)" \
  test "$acknowledged" -gt 0 -a "$missing" -eq 0
check "... every summary written is whole (equal to summarize's)" same_as_direct "$work/term-out"
check "... no partial or temporary file" \
  test -z "$(find "$work/term-out" -name '.*' ! -name .mammocalc-serve.lock ! -name .mammocalc-exams)"

finish
