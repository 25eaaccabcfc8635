#!/usr/bin/env bash
# `mammocalc serve --bind` with an IPv6 address (issue 18): it listens on ::1 only, serves echoes
# and stores over IPv6, and names an IPv6 peer by its address; with "::" an IPv4 peer is named
# by its IPv4 address. On a machine without IPv6 loopback nothing here can run: the test says so
# on its output and exits 77, which CTest reports as "Skipped" (SKIP_RETURN_CODE), never a pass.
# DCMTK 3.6.7's echoscu and storescu connect over IPv4 only (they read "host:port" and look names
# up for IPv4, dcmnet/libsrc/dulfsm.cc), so they reach the endpoint through a small relay from
# 127.0.0.1 to [::1]: the endpoint's peer is then the relay's IPv6 socket. Ports are chosen free
# at run time; every server is stopped by the test; every wait is bounded.
#   serve_ipv6_test.sh MAMMOCALC          (run from the project root)
set -u
source "$(dirname "${BASH_SOURCE[0]}")/serve_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
require_tools storescu echoscu dcmdump python3

# /proc/net/if_inet6: one line per IPv6 address, ::1 as 32 hex digits.
if ! grep -qs '^0\{31\}1 ' /proc/net/if_inet6; then
  echo "NOT TESTED: --bind with an IPv6 address: this machine has no IPv6 loopback" \
    "(no ::1 in /proc/net/if_inet6; 'ip -6 addr' shows none). Skipped, not passed."
  exit 77
fi

# Relays each connection to 127.0.0.1:PORT-IT-PRINTS on to [::1]:$1, both ways, until either side
# closes.
cat >"$work/relay.py" <<'PYTHON'
import socket, sys, threading

def pump(source, target):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    finally:
        try:
            target.shutdown(socket.SHUT_WR)
        except OSError:
            pass

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(8)
print(listener.getsockname()[1], flush=True)
while True:
    client, _ = listener.accept()
    server = socket.create_connection(("::1", int(sys.argv[1])), timeout=10)
    server.settimeout(None)
    threading.Thread(target=pump, args=(client, server), daemon=True).start()
    threading.Thread(target=pump, args=(server, client), daemon=True).start()
PYTHON

# --- --bind ::1: IPv6 loopback only ---
check "serve --bind ::1 starts" start_serve "$work/v6.log" --out "$work/out" --bind ::1 \
  --allow-ae ECHOSCU --allow-ae STORESCU
check "... says where it listens" grep -q "listening on port $port as MAMMOCALC (address ::1)" "$work/v6.log"
# /proc/net/tcp6: the listening socket (state 0A) on the port; ::1 is written as four 32-bit words
# in host order.
hex_port=$(printf '%04X' "$port")
listening=$(awk -v p="$hex_port" '$4 == "0A" && $2 ~ (":" p "$") { print $2 }' /proc/net/tcp6)
check "... the socket is bound to ::1 only (got $listening)" \
  test "$listening" = "00000000000000000000000001000000:$hex_port"
timeout 20 echoscu -to 2 -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "... and does not answer on 127.0.0.1" test $? -ne 0

python3 "$work/relay.py" "$port" >"$work/relay.port" 2>"$work/relay.err" &
pids+=($!)
relay=
for _ in $(seq 1 50); do
  relay=$(head -1 "$work/relay.port")
  [[ -n $relay ]] && break
  sleep 0.1
done
check "the relay to [::1] is up" test -n "$relay"
timeout 20 echoscu -to 10 -aec MAMMOCALC 127.0.0.1 "$relay" >/dev/null 2>&1
check "an echo over IPv6 is answered" test $? -eq 0
sr=samples/bir-annex-q-laterality-in-context.dcm
uid=$(dcmdump +P SOPInstanceUID "$sr" | sed 's/.*\[\(.*\)\].*/\1/')
TCP_NODELAY=1 timeout 20 storescu -to 10 -aec MAMMOCALC 127.0.0.1 "$relay" "$sr" >/dev/null 2>&1
check "an SR stored over IPv6 is answered with success" test $? -eq 0
check "... and summarised" test -s "$work/out/$uid.xml"
timeout 20 echoscu -to 10 -aet INTRUDER -aec MAMMOCALC 127.0.0.1 "$relay" >/dev/null 2>&1
check "an association from a calling AE title not allowed is rejected" test $? -ne 0
# The server writes its line after the rejection went out: wait for it (wait_for_log).
rejected="mammocalc serve: rejected an association from calling AE title 'INTRUDER' (not in --allow-ae); peer ::1"
wait_for_log "$work/v6.log" "$rejected"
check "... and the log names the IPv6 peer by its address" grep -qxF "$rejected" "$work/v6.log"
kill -TERM "$server"
wait "$server"
check "serve exits 0 after SIGTERM" test $? -eq 0

# --- --bind ::: every interface, IPv6 and IPv4; an IPv4 peer is named as IPv4 ---
check "serve --bind :: starts" start_serve "$work/any.log" --out "$work/out" --bind :: \
  --allow-ae ECHOSCU
timeout 20 echoscu -to 10 -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "... answers an echo over IPv4" test $? -eq 0
timeout 20 echoscu -to 10 -aet INTRUDER -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
wait_for_log "$work/any.log" "calling AE title 'INTRUDER'"
check "... names an IPv4 peer as 127.0.0.1, not ::ffff:127.0.0.1" \
  grep -q "calling AE title 'INTRUDER' (not in --allow-ae); peer 127.0.0.1$" "$work/any.log"
kill -TERM "$server"
wait "$server"

# --- Names are not addresses: --bind is never looked up ---
"$mammocalc" serve --port 1 --out "$work/out" --bind ip6-localhost >/dev/null 2>"$work/usage.err"
check "serve --bind NAME: exit 2" test $? -eq 2
check "... one line saying an IPv4 or IPv6 address is needed" \
  grep -q "^mammocalc: serve: --bind must be a numeric IPv4 or IPv6 address" "$work/usage.err"

finish
