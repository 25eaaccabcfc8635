#!/usr/bin/env bash
# `mammocalc serve` on a hospital network (issue 18): a peer that stalls is cut off by the ACSE
# and DIMSE timeouts (with a log line naming only its AE title and address) and does not keep
# others out; --bind listens on one interface only; the new options refuse bad values. Ports are
# chosen free at run time; every server is stopped by the test; every wait is bounded.
#   serve_network_test.sh MAMMOCALC          (run from the project root)
set -u
source "$(dirname "${BASH_SOURCE[0]}")/serve_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
for tool in storescu echoscu python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done


# A peer that sends an association request (echoscu's own, recorded here once) and then nothing:
# prints the seconds until serve ends the association. With a second argument it then keeps the
# connection open that many seconds more without closing it, as a hung sender would.
cat >"$work/stalled_peer.py" <<'PYTHON'
import socket, subprocess, sys, time

def read_pdu(connection):
    header = b""
    while len(header) < 6:
        chunk = connection.recv(6 - len(header))
        if not chunk:
            return None
        header += chunk
    length = int.from_bytes(header[2:6], "big")
    body = b""
    while len(body) < length:
        chunk = connection.recv(length - len(body))
        if not chunk:
            return None
        body += chunk
    return header + body

# Record echoscu's A-ASSOCIATE-RQ for the called AE title MAMMOCALC.
recorder = socket.socket()
recorder.bind(("127.0.0.1", 0))
recorder.listen(1)
echo = subprocess.Popen(["echoscu", "-to", "5", "-aec", "MAMMOCALC", "127.0.0.1",
                         str(recorder.getsockname()[1])],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
connection, _ = recorder.accept()
request = read_pdu(connection)
connection.close()
echo.wait(timeout=20)

peer = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=60)
peer.sendall(request)
answer = read_pdu(peer)
if answer is None or answer[0] != 0x02:
    print("no A-ASSOCIATE-AC")
    sys.exit(1)
started = time.monotonic()
while True:
    pdu = read_pdu(peer)
    if pdu is None or pdu[0] == 0x07:  # closed, or A-ABORT
        break
print(round(time.monotonic() - started), flush=True)
if len(sys.argv) > 2:
    time.sleep(float(sys.argv[2]))
PYTHON

# --- DIMSE timeout: an association that goes silent is aborted, others are served meanwhile ---
mkdir -p "$work/out"
check "serve starts (--dimse-timeout 2, --max-associations 2)" start_serve "$work/dimse.log" \
  --out "$work/out" --dimse-timeout 2 --max-associations 2
python3 "$work/stalled_peer.py" "$port" >"$work/stalled.out" 2>&1 &
stalled=$!
sleep 0.5
echoscu -to 5 -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "while one association is silent, another is served" test $? -eq 0
wait "$stalled"
# 2 s, give or take a loaded machine (ctest runs tests in parallel, maybe under the sanitizers);
# without the timeout DCMTK would wait for ever.
check "the silent association is aborted after about 2 s (took $(cat "$work/stalled.out") s)" \
  grep -qxE '[2-5]' "$work/stalled.out"
check "... logged naming only the calling AE title and the peer" wait_for_log "$work/dimse.log" \
  "mammocalc serve: association from 'ECHOSCU' at 127.0.0.1: nothing received for 2 s (--dimse-timeout); aborted"
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >/dev/null 2>&1
check "serve goes on serving" test $? -eq 0
kill -TERM "$server"
wait "$server"

# --- After the DIMSE timeout the slot is free at once, even while the silent peer keeps its
# connection open (DCMTK would wait 10 s for it to close) ---
check "serve starts (--dimse-timeout 2, --max-associations 1)" start_serve "$work/slot.log" \
  --out "$work/out" --dimse-timeout 2 --max-associations 1
python3 "$work/stalled_peer.py" "$port" 20 >"$work/held.out" 2>&1 &
holder=$!
for _ in $(seq 100); do [[ -s $work/held.out ]] && break; sleep 0.1; done
check "the silent association is aborted after about 2 s (took $(cat "$work/held.out") s)" \
  grep -qxE '[2-5]' "$work/held.out"
SECONDS=0
echoscu -to 5 -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "... and its slot serves the next association at once, while the peer holds its connection" \
  test $? -eq 0 -a "$SECONDS" -le 2
check "... (not rejected as over the limit)" bash -c "! grep -q 'rejected as transient' '$work/slot.log'"
SECONDS=0
kill -TERM "$server"
wait "$server"
check "serve exits 0 after SIGTERM at once (in $SECONDS s), the hung peer's connection closed" \
  test $? -eq 0 -a "$SECONDS" -le 3
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# --- ACSE timeout: a connection that sends no association request is closed ---
check "serve starts (--acse-timeout 1)" start_serve "$work/acse.log" --out "$work/out" \
  --acse-timeout 1
exec 3<>"/dev/tcp/127.0.0.1/$port"
check "a connection that sends nothing is closed, logged with its address" wait_for_log \
  "$work/acse.log" "mammocalc serve: a connection from 127.0.0.1 sent no association request within 1 s (--acse-timeout"
exec 3>&-
SECONDS=0
echoscu -to 10 -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "... and the next association is served at once (in $SECONDS s)" test $? -eq 0 -a "$SECONDS" -le 4
kill -TERM "$server"
wait "$server"
check "serve exits 0 after SIGTERM" test $? -eq 0

# --- --bind: one interface only ---
check "serve --bind 127.0.0.1 starts" start_serve "$work/bind.log" --out "$work/out" \
  --bind 127.0.0.1
check "... says where it listens" grep -q "listening on port $port as MAMMOCALC (address 127.0.0.1)" "$work/bind.log"
# /proc/net/tcp: the listening socket (state 0A) on the port, local address 127.0.0.1 (0100007F).
listening=$(awk -v p="$(printf '%04X' "$port")" '$4 == "0A" && $2 ~ (":" p "$") { print $2 }' /proc/net/tcp)
check "... the socket is bound to 127.0.0.1 only (got $listening)" test "$listening" = "0100007F:$(printf '%04X' "$port")"
echoscu -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "... and answers there" test $? -eq 0
other=$(hostname -I 2>/dev/null | awk '{ print $1 }')
if [[ -n $other && $other != 127.* ]]; then
  echoscu -to 2 -aec MAMMOCALC "$other" "$port" >/dev/null 2>&1
  check "... but not on $other" test $? -ne 0
fi
kill -TERM "$server"
wait "$server"

# --- The new options refuse bad values (usage error, exit 2, one line naming serve) ---
for bad in "--bind 999.1.1.1" "--bind localhost" "--max-associations 0" "--acse-timeout 0" \
  "--dimse-timeout x" "--shutdown-timeout -1"; do
  # shellcheck disable=SC2086
  "$mammocalc" serve --port 1 --out "$work/out" $bad >/dev/null 2>"$work/usage.err"
  status=$?
  check "serve $bad: exit 2 (got $status)" test "$status" -eq 2
  check "serve $bad: one line naming serve" grep -q "^mammocalc: serve: " "$work/usage.err"
done

finish
