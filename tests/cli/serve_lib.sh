# Shared by the network tests (network, serve_contract, serve_ipv6, serve_load, serve_network,
# serve_tls), sourced right after `set -u` with the test's arguments, $1 the mammocalc binary: sets
# $mammocalc (absolute) and $work (a fresh directory), keeps the servers started in `pids`, and
# stops them all and removes $work when the test exits. Starting `mammocalc serve` on a free port,
# waiting for a log line or for a process to exit, and an echo beside idle connections are below.
mammocalc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
pids=()
stop_servers_and_clean_up() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  sleep 0.2
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null; done
  chmod -R u+w "$work" 2>/dev/null # a test may have made part of it read-only
  rm -rf "$work"
}
trap stop_servers_and_clean_up EXIT

# require_tools TOOL...: every one installed (tools/setup installs them), else the test fails now.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (tools/setup)"; exit 1; }
  done
}

# start_serve LOG ARGS...: `mammocalc serve ARGS...` on a free port (sets port, server), ready
# once it says "listening"; 1 when no port could be had.
start_serve() {
  local log=$1
  shift
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    "$mammocalc" serve --port "$port" --aetitle MAMMOCALC "$@" >"$log" 2>&1 &
    server=$!
    pids+=("$server")
    for _ in $(seq 1 100); do
      grep -qs "listening on port $port" "$log" && return 0
      kill -0 "$server" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server" 2>/dev/null
  done
  return 1
}

# wait_for_log FILE TEXT: until FILE has a line with TEXT (or 20 s pass).
wait_for_log() {
  for _ in $(seq 1 200); do
    grep -qF -- "$2" "$1" && return 0
    sleep 0.1
  done
  return 1
}

# wait_for_log_count FILE TEXT N: until FILE has N lines with TEXT (or 20 s pass). A server
# writes its rejection line after the rejection went out, so the sender can end before it.
wait_for_log_count() {
  for _ in $(seq 1 200); do
    [[ $(grep -cF -- "$2" "$1") -ge $3 ]] && return 0
    sleep 0.1
  done
  return 1
}

# wait_exit PID SECONDS: waits for PID to end (at most SECONDS, then kills it): its exit status,
# or 124 when it had to be killed.
wait_exit() {
  for _ in $(seq 1 $(($2 * 10))); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$1" 2>/dev/null; then
    kill -KILL "$1" 2>/dev/null
    wait "$1" 2>/dev/null
    return 124
  fi
  wait "$1"
}

# echo_beside_idle_connections [ECHOSCU-OPTIONS...]: opens three connections to serve on $port
# that say nothing (descriptors 4, 5, 6, left open: close_idle_connections), then runs
# `echoscu -to 30 OPTIONS -aec MAMMOCALC` (at most 40 s); sets echo_status and elapsed_ms.
echo_beside_idle_connections() {
  exec 4<>"/dev/tcp/127.0.0.1/$port" 5<>"/dev/tcp/127.0.0.1/$port" 6<>"/dev/tcp/127.0.0.1/$port"
  sleep 0.3
  local started
  started=$(date +%s%N)
  timeout 40 echoscu -to 30 "$@" -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
  echo_status=$?
  elapsed_ms=$((($(date +%s%N) - started) / 1000000))
}
close_idle_connections() {
  exec 4>&- 5>&- 6>&-
}
