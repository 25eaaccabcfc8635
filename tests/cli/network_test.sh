#!/usr/bin/env bash
# PACS integration on 127.0.0.1: DCMTK's storescp calling `mammocalc hook`, and the
# `mammocalc serve` endpoint, fed with storescu/echoscu. Every summary must equal the direct
# `mammocalc summarize` output (but for the source file name). Ports are chosen free at run time;
# every server is stopped by the test.
#   network_test.sh MAMMOCALC          (run from the project root)
set -u
source "$(dirname "${BASH_SOURCE[0]}")/serve_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
require_tools storescp storescu echoscu dcmodify

# Expected summaries, the way a user makes them directly, without the source element.
mkdir -p "$work/expected"
sr_samples=()
for sample in samples/*.dcm; do
  uid_name=$("$mammocalc" summarize "$sample" | sed -n 's/.*sopInstanceUid="\([0-9.]*\)".*/\1/p')
  "$mammocalc" summarize "$sample" | grep -v '<source ' >"$work/expected/$uid_name.xml"
  sr_samples+=("$sample")
done
expected_count=${#sr_samples[@]}

# Waits until DIR holds COUNT summaries (or 20 s pass).
wait_for_summaries() {
  for _ in $(seq 1 200); do
    [[ $(ls "$1"/*.xml 2>/dev/null | wc -l) -ge $2 ]] && return 0
    sleep 0.1
  done
  return 1
}
wait_for_file() {  # FILE: until it exists (or 20 s pass)
  for _ in $(seq 1 200); do
    [[ -f $1 ]] && return 0
    sleep 0.1
  done
  return 1
}
same_as_direct() {  # DIR
  local differences=0
  for expected in "$work/expected"/*.xml; do
    local actual="$1/$(basename "$expected")"
    if [[ ! -f $actual ]] || ! diff -q "$expected" <(grep -v '<source ' "$actual") >/dev/null; then
      echo "  differs or missing: $(basename "$expected")"
      differences=$((differences + 1))
    fi
  done
  ((differences == 0))
}
# Starts a server on a free port: start_server LOG command... (the port replaces PORT).
start_server() {
  local log=$1; shift
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    local args=("${@//PORT/$port}")
    "${args[@]}" >"$log" 2>&1 &
    server=$!
    for _ in $(seq 1 50); do
      if echoscu -to 2 -aec "${aetitle:-ANY-SCP}" 127.0.0.1 "$port" >/dev/null 2>&1; then
        pids+=("$server")
        return 0
      fi
      kill -0 "$server" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server" 2>/dev/null
  done
  return 1
}

# --- storescp + mammocalc hook ---
mkdir -p "$work/received" "$work/hook-out"
aetitle=STORESCP
check "storescp starts" start_server "$work/storescp.log" \
  storescp -aet STORESCP -od "$work/received" \
  --exec-on-reception "$mammocalc hook --out $work/hook-out #p/#f" PORT
storescu -aec STORESCP 127.0.0.1 "$port" "${sr_samples[@]}" >/dev/null 2>&1
cat >"$work/ct.dump" <<'DUMP'
(0008,0016) UI =CTImageStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1363.903.1]
(0010,0010) PN [TEST^CT]
DUMP
dump2dcm "$work/ct.dump" "$work/ct.dcm" >/dev/null 2>&1
storescu -aec STORESCP 127.0.0.1 "$port" "$work/ct.dcm" >/dev/null 2>&1
check "the hook writes a summary per SR" wait_for_summaries "$work/hook-out" "$expected_count"
sleep 0.5  # the CT image's hook run
check "hook summaries equal the direct summaries" same_as_direct "$work/hook-out"
check "the hook ignores the CT image (no summary for it)" test "$(ls "$work/hook-out"/*.xml | wc -l)" -eq "$expected_count"
# The lock file of output names and the record of exams (README) stay; nothing else hidden may,
# in the record directory neither.
check "the hook leaves no temporary files" \
  test -z "$(find "$work/hook-out" -name '.*' ! -name .mammocalc-serve.lock ! -name .mammocalc-exams)"
check "... and keeps a record of each exam" test -n "$(ls "$work/hook-out/.mammocalc-exams")"

# --- mammocalc serve ---
mkdir -p "$work/serve-out"
aetitle=MAMMOCALC
check "mammocalc serve starts" start_server "$work/serve.log" \
  "$mammocalc" serve --port PORT --aetitle MAMMOCALC --out "$work/serve-out" --keep-received \
  --dicom-out
serve_pid=$server
check "echoscu is answered" echoscu -aec MAMMOCALC 127.0.0.1 "$port"
storescu -aec MAMMOCALC 127.0.0.1 "$port" "${sr_samples[@]}" >/dev/null 2>&1
check "storescu of the SRs succeeds" test $? -eq 0
check "serve writes a summary per SR" wait_for_summaries "$work/serve-out" "$expected_count"
check "serve summaries equal the direct summaries" same_as_direct "$work/serve-out"
check "serve keeps the received SRs" test "$(ls "$work/serve-out"/*.dcm | grep -vc '/2\.25\.')" -eq "$expected_count"
check "serve --dicom-out writes an SR beside each summary" test "$(ls "$work/serve-out" | grep -cE '^2\.25\.[0-9]+\.dcm$')" -eq "$expected_count"
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/ct.dcm" >"$work/ct-store.log" 2>&1
check "a CT image is answered with success (storescu succeeds)" test $? -eq 0
check "... and skipped with one log line" wait_for_log "$work/serve.log" \
  "received:1.2.826.0.1.3680043.10.1363.903.1: not a supported SR document (SOP Class 1.2.840.10008.5.1.4.1.1.2 (CTImageStorage)); skipped"
# The summary written back as a DICOM SR (--dicom-out), forwarded back by the PACS: answered with
# success, skipped with one log line, never summarised again.
"$mammocalc" summarize --dicom-out "$work/written-back.dcm" samples/bir-suspicious-vacuum-assisted.dcm >/dev/null
written_uid=$(dcmdump "$work/written-back.dcm" | sed -n 's/^(0008,0018) UI \[\(.*\)\].*/\1/p')
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/written-back.dcm" >/dev/null 2>&1
check "storescu of mammocalc's own SR to serve succeeds" test $? -eq 0
check "serve logs it as skipped, written by mammocalc" wait_for_log "$work/serve.log" \
  "written by mammocalc (its own summary SR); skipped"
check "serve writes no summary of its own SR" test ! -e "$work/serve-out/$written_uid.xml"
check "with --keep-received too, the skipped line names received:UID, not the kept path" \
  grep -qF "mammocalc serve: received:$written_uid: written by mammocalc" "$work/serve.log"
check "... and no log line names the kept file" bash -c "! grep -q '$work/serve-out/' '$work/serve.log'"
# Several associations at once, then SIGTERM: everything received is summarised.
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >/dev/null 2>&1 &
first=$!
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/cad-clusters-by-reference.dcm >/dev/null 2>&1 &
second=$!
wait "$first" "$second"
check "several associations in a row are served" test $? -eq 0
kill -TERM "$serve_pid"
for _ in $(seq 1 50); do kill -0 "$serve_pid" 2>/dev/null || break; sleep 0.1; done
check "serve stops on SIGTERM" bash -c "! kill -0 $serve_pid 2>/dev/null"
wait "$serve_pid" 2>/dev/null
serve_status=$?
check "serve exits 0 after SIGTERM (got $serve_status)" test "$serve_status" -eq 0
check "serve says it stopped" grep -q "mammocalc serve: stopped" "$work/serve.log"
# The lock file of output names stays (README: removed, a second serve could lock a new file
# while the first still held the old one); nothing else hidden may.
check "serve leaves no temporary files" \
  test -z "$(find "$work/serve-out" -name '.*' ! -name .mammocalc-serve.lock ! -name .mammocalc-exams)"
check "... and its lock file is the one it documents" test -f "$work/serve-out/.mammocalc-serve.lock"

# --allow-ae: only the PACS (and the readiness echo) may associate.
mkdir -p "$work/allow-out"
check "serve --allow-ae starts" start_server "$work/allow.log" \
  "$mammocalc" serve --port PORT --aetitle MAMMOCALC --out "$work/allow-out" \
  --allow-ae ECHOSCU --allow-ae PACS1
storescu -aet INTRUDER -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >/dev/null 2>&1
check "an unlisted calling AE title is rejected (storescu fails)" test $? -ne 0
wait_for_log "$work/allow.log" "rejected an association from calling AE title 'INTRUDER'"
check "the rejection is logged with the AE title" grep -q "rejected an association from calling AE title 'INTRUDER'" "$work/allow.log"
check "nothing is summarised from it" test -z "$(ls "$work/allow-out")"
storescu -aet PACS1 -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >/dev/null 2>&1
check "a listed calling AE title is served" test $? -eq 0
check "... and its SR summarised" wait_for_summaries "$work/allow-out" 1
"$mammocalc" serve --port 1 --aetitle MAMMOCALC --out "$work/allow-out" --allow-ae ABCDEFGHIJKLMNOPQ >/dev/null 2>&1
check "an --allow-ae over 16 characters is a usage error (exit 2)" test $? -eq 2
# Hostile review 51, H51-8: an AE title that no peer could ever send is a usage error, never a
# service that listens and rejects everyone (bounded: a serve that started is killed).
for option in "--aetitle= MAMMO" "--aetitle=  " "--aetitle=A\\B" "--allow-ae=PACS " "--allow-ae=P$(printf '\001')S"; do
  timeout 5 "$mammocalc" serve --port 1 --out "$work/allow-out" "$option" >/dev/null 2>"$work/ae.err"
  status=$?
  check "serve $(printf '%q' "$option"): a usage error (exit 2, got $status)" \
    bash -c "test $status -eq 2 && grep -q 'an AE title is 1-16 characters' '$work/ae.err'"
done

# The read limits, as for summarize: an SR over a limit gets a failure status, is logged and is
# not summarised.
mkdir -p "$work/limits-out"
check "serve --max-depth 1 starts" start_server "$work/limits.log" \
  "$mammocalc" serve --port PORT --aetitle MAMMOCALC --out "$work/limits-out" --max-depth 1
storescu -v -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >"$work/limits-store.log" 2>&1
check "an SR nested deeper than --max-depth is answered with a failure (storescu fails)" test $? -ne 0
check "... the status is 'cannot understand' (0xC000)" grep -qiE 'cannot ?understand|0xc000' "$work/limits-store.log"
wait_for_log "$work/limits.log" "sequences nested deeper than 1 levels"
check "the limit is logged" grep -qF "received:1.2.826.0.1.3680043.10.1363.108.3: sequences nested deeper than 1 levels" "$work/limits.log"
check "nothing is summarised from it" test -z "$(ls "$work/limits-out")"
# A valid SR over 1 MiB (a sample with a private padding element) against --max-input-mb 1.
cp samples/bir-known-malignancy.dcm "$work/padded.dcm"
head -c 1200000 /dev/zero | tr '\0' ' ' >"$work/padding"
dcmodify -nb -i "(0029,0010)=MAMMOCALC PADDING" -if "(0029,1001)=$work/padding" "$work/padded.dcm" >/dev/null 2>&1
mkdir -p "$work/size-out"
check "serve --max-input-mb 1 starts" start_server "$work/size.log" \
  "$mammocalc" serve --port PORT --aetitle MAMMOCALC --out "$work/size-out" --max-input-mb 1
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/padded.dcm" >/dev/null 2>&1
check "an SR over --max-input-mb is answered with a failure (storescu fails)" test $? -ne 0
wait_for_log "$work/size.log" "larger than the input limit"
check "the size limit is logged" grep -q "larger than the input limit of 1048576 bytes" "$work/size.log"
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-suspicious-vacuum-assisted.dcm >/dev/null 2>&1
check "an SR within --max-input-mb is served" test $? -eq 0
check "... and summarised" wait_for_file "$work/size-out/1.2.826.0.1.3680043.10.1363.103.3.xml"
check "the larger SR is not summarised" test "$(ls "$work/size-out" | wc -l)" -eq 1
# A port another server holds is the machine's problem, not an output one: exit 4.
mkdir -p "$work/busy-out"
"$mammocalc" serve --port "$port" --aetitle MAMMOCALC --out "$work/busy-out" 2>"$work/busy.err"
busy_status=$?
check "serve on a port in use exits 4 (got $busy_status)" test "$busy_status" -eq 4
check "... saying the port cannot be served" grep -q "mammocalc: port $port: cannot serve" "$work/busy.err"
"$mammocalc" serve --port 1 --aetitle MAMMOCALC --out "$work/limits-out" --max-depth 0 2>"$work/limits-usage.err"
check "serve --max-depth 0 is a usage error (exit 2)" test $? -eq 2
check "... naming serve" grep -q "^mammocalc: serve: --max-depth must be" "$work/limits-usage.err"

finish
