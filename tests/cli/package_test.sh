#!/usr/bin/env bash
# The Debian package (issue 19), made from the build under test, installed on this machine and
# purged again: its Depends, lintian, the installed program on a sample from another folder, the
# man page, the service unit, bash completion, the conffile, and nothing left after the purge.
# Needs root, or sudo without a password: dpkg installs into the system (CI runs as root).
# Run from the project root: package_test.sh BUILD-DIR
set -u
build_dir=$(cd "$1" && pwd)
root=$(pwd)
work=$(mktemp -d)
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if ! sudo -n true 2>/dev/null; then
    echo "FAIL: the package test installs the package with dpkg: run it as root or with" \
      "passwordless sudo (CI runs as root)"
    exit 1
  fi
  as_root=(sudo -n)
fi

# One package test at a time on this machine (another checkout may run its own), and never over
# a mammocalc someone installed.
{ exec 9>/var/lock/mammocalc-package-test.lock; } 2>/dev/null ||
  exec 9>"${TMPDIR:-/tmp}/mammocalc-package-test.lock"
if ! flock -w 240 9; then
  echo "FAIL: another package test holds the lock for over 240 s"
  exit 1
fi
if dpkg-query -W -f='${Status}' mammocalc 2>/dev/null | grep -q "ok installed"; then
  echo "FAIL: a mammocalc package is already installed here; purge it first (dpkg --purge mammocalc)"
  exit 1
fi
clean_up() {
  "${as_root[@]}" dpkg --purge mammocalc >/dev/null 2>&1
  rm -rf "$work"
}
trap clean_up EXIT

# --- the package ---
deb=$("$root/tools/package" --from-build "$build_dir" 2>"$work/package.log")
check "tools/package makes mammocalc_<version>_amd64.deb" test -f "$deb" -a "$(basename "$deb")" = \
  "mammocalc_$(sed -n 's/^project(mammocalc VERSION \([0-9.]*\) .*/\1/p' "$root/CMakeLists.txt")_amd64.deb"
[[ -f $deb ]] || { cat "$work/package.log"; finish; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
for library in libdcmtk libpugixml libboost-program-options libicu libssl libc6; do
  check "Depends (dpkg-shlibdeps) lists $library: $depends" grep -q "$library" <<<"$depends"
done
# lintian: no error and no warning; the informational tags it may print are listed in
# tools/packaging/README.md with the reason each is kept. None of them is a hardening-* tag: the
# binary is built with Debian's hardening flags (CMakeLists.txt adds them to every build but the
# sanitizer one, so the build under test is the hardened binary).
lintian -I --fail-on error,warning "$deb" >"$work/lintian.log" 2>&1
status=$?
check "lintian finds no error or warning (exit $status)" test "$status" -eq 0
grep -E '^[EW]:' "$work/lintian.log"
unexplained=()
for tag in $(sed -n 's/^I: mammocalc: \([a-z0-9.+-]*\).*/\1/p' "$work/lintian.log" | sort -u); do
  grep -q "^- \`$tag\`" "$root/tools/packaging/README.md" || unexplained+=("$tag")
done
check "lintian's informational tags are those tools/packaging/README.md keeps (not: ${unexplained[*]:-none})" \
  test "${#unexplained[@]}" -eq 0
check "lintian reports no hardening-* tag ($(grep -o 'hardening-[a-z-]*' "$work/lintian.log" | sort -u | tr '\n' ' '))" \
  bash -c '! grep -q " hardening-" "$1"' _ "$work/lintian.log"

# --- installed ---
"${as_root[@]}" dpkg -i "$deb" >"$work/dpkg.log" 2>&1
status=$?
check "dpkg -i installs it (exit $status)" test "$status" -eq 0
[[ $status -eq 0 ]] || { cat "$work/dpkg.log"; finish; exit 1; }
"${as_root[@]}" dpkg -L mammocalc >"$work/files"

# The installed binary is hardened as Debian's flags make it: full RELRO (BIND_NOW), the stack
# protector and _FORTIFY_SOURCE's checked functions.
check "the installed mammocalc is linked with BIND_NOW (-z now)" \
  bash -c 'readelf -d /usr/bin/mammocalc | grep -q BIND_NOW'
check "... and calls __stack_chk_fail (-fstack-protector-strong)" \
  bash -c 'nm -D /usr/bin/mammocalc | grep -q " __stack_chk_fail"'
check "... and fortified functions such as __snprintf_chk (-D_FORTIFY_SOURCE=2)" \
  bash -c 'nm -D /usr/bin/mammocalc | grep -qE " __[a-z]+_chk(@|$)"'

# The installed program, run from another folder, finds its data: the sample's summary (read from
# the report text, which needs the narrative wordings) equals the expected one byte for byte.
mkdir -p "$work/run/samples"
cp samples/text-bilateral.dcm "$work/run/samples/"
(cd "$work/run" && /usr/bin/mammocalc summarize samples/text-bilateral.dcm >summary.xml 2>err.txt)
status=$?
check "the installed mammocalc summarises a sample from another folder (exit $status)" test "$status" -eq 0
check "... exactly as expected (the narrative wordings found)" \
  cmp -s "$work/run/summary.xml" samples/expected/text-bilateral.xml
(cd "$work/run" && /usr/bin/mammocalc --version >version.txt)
check "--version names the installed data folder" \
  grep -qxF "data: /usr/share/mammocalc (narrative-wordings-en.xml)" "$work/run/version.txt"
# Every schema of schemas/ is shipped, and the installed rule table holds to the installed one.
unshipped=()
for schema in schemas/*.xsd; do
  grep -qx "/usr/share/mammocalc/$schema" "$work/files" || unshipped+=("$schema")
done
check "the package ships every schema of schemas/ (missing: ${unshipped[*]:-none})" test "${#unshipped[@]}" -eq 0
check "the installed 'mammocalc rules --format xml' validates against the installed rules.xsd" \
  bash -c 'set -o pipefail; /usr/bin/mammocalc rules --format xml |
           xmllint --noout --schema /usr/share/mammocalc/schemas/rules.xsd - 2>/dev/null'
check "man -w finds mammocalc(1)" test "$(man -w mammocalc 2>/dev/null)" = /usr/share/man/man1/mammocalc.1.gz
# The man page lists every option of every command that `mammocalc --help` lists.
missing_options=()
zcat /usr/share/man/man1/mammocalc.1.gz | sed 's/\\-/-/g' >"$work/man.txt"
for option in $(/usr/bin/mammocalc --help | sed -n 's/^  \(-[a-zA-Z] \[ \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' | sort -u); do
  grep -qF -- "\\fB$option\\fR" "$work/man.txt" || missing_options+=("$option")
done
check "mammocalc(1) has an entry for every option of --help (missing: ${missing_options[*]:-none})" \
  test "${#missing_options[@]}" -eq 0 -a "$(grep -c '^\\fB--' "$work/man.txt")" -gt 40

# Its SYNOPSIS has a line of its own for each usage form --help lists (help2man knows only
# "Usage:"/"or:" usages; tools/packaging/help2man-help hands it those).
usage_forms=$(/usr/bin/mammocalc --help | grep -cE '^(usage: | +)mammocalc ')
synopsis_forms=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$work/man.txt" | grep -c '^\.B mammocalc$')
check "mammocalc(1)'s SYNOPSIS has each of the $usage_forms usage forms of --help (got $synopsis_forms)" \
  test "$synopsis_forms" -eq "$usage_forms" -a "$usage_forms" -gt 8

# The unit: systemd-analyze accepts it without a word, its hardening scores as exposed at most 2.0
# (0 is best, 10 worst), and the package does not enable it.
unit=/usr/lib/systemd/system/mammocalc-serve.service
systemd-analyze verify "$unit" >"$work/verify.log" 2>&1
status=$?
check "systemd-analyze verify accepts the unit silently (exit $status)" \
  test "$status" -eq 0 -a ! -s "$work/verify.log"
cat "$work/verify.log"
exposure=$(systemd-analyze security --offline=yes "$unit" 2>/dev/null |
  sed -n 's/.*Overall exposure level for mammocalc-serve.service: \([0-9.]*\).*/\1/p')
check "the unit's exposure level is at most 2.0 (got '$exposure')" \
  awk -v e="$exposure" 'BEGIN { exit !(e != "" && e <= 2.0) }'
check "the unit is not enabled" test "$(systemctl is-enabled mammocalc-serve.service 2>&1)" = disabled
# A failing start is not retried forever: restarts are limited, and the exit statuses of a bad
# setting (2, usage error) is not restarted at all; 4 (port or TLS files) is, within the limit.
check "the unit limits its restarts ([Unit] StartLimitIntervalSec and StartLimitBurst)" \
  bash -c 'sed -n "/^\[Unit\]/,/^\[/p" "$1" | grep -q "^StartLimitBurst=[1-9]" &&
           sed -n "/^\[Unit\]/,/^\[/p" "$1" | grep -q "^StartLimitIntervalSec=[1-9]"' _ "$unit"
no_restart=" $(sed -n 's/^RestartPreventExitStatus=//p' "$unit") "
# TimeoutStopSec exceeds --shutdown-timeout plus the 2 s in which serve cuts off what still waits
# on its peer (README), at the default (serve --help), with room to summarise an object.
serve_default() {  # OPTION: the default serve --help gives it, in seconds
  /usr/bin/mammocalc serve --help | sed -n "/^  --$1 /,/^  --/p" | tr '\n' ' ' |
    sed -n 's/.*(default \([0-9]*\)).*/\1/p'
}
stop_timeout=$(sed -n 's/^TimeoutStopSec=//p' "$unit")
shutdown_default=$(serve_default shutdown-timeout)
check "TimeoutStopSec ($stop_timeout) exceeds the default --shutdown-timeout ($shutdown_default) plus 2 s and 30 s to summarise" \
  test -n "$shutdown_default" -a "${stop_timeout:-0}" -gt "$((shutdown_default + 2 + 30))"
# The site enables it: systemctl makes the links from the files, even without a running systemd
# (as in CI); purge must remove them again (deb-systemd-helper, which postinst told of the unit).
"${as_root[@]}" systemctl enable mammocalc-serve.service >"$work/enable.log" 2>&1
check "systemctl enable mammocalc-serve links it into multi-user.target.wants" \
  test -L /etc/systemd/system/multi-user.target.wants/mammocalc-serve.service
# The unit's ExecStart with /etc/default/mammocalc's values starts the endpoint (on a free port
# and a scratch output folder instead of 11112 and /var/lib/mammocalc) and SIGTERM stops it, exit 0.
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
mkdir "$work/out"
started=0
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  (
    set -a
    source /etc/default/mammocalc
    MAMMOCALC_PORT=$port
    eval "set -- ${exec_start//\/var\/lib\/mammocalc/$work/out}"
    exec "$@"
  ) >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    grep -qs "listening on port $port" "$work/serve.log" && { started=1; break 2; }
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$server" 2>/dev/null
done
check "the unit's command line with the default file's settings starts the endpoint" test "$started" -eq 1
kill -TERM "$server" 2>/dev/null
wait "$server"
status=$?
check "... and SIGTERM stops it, exit 0 (got $status)" test "$status" -eq 0
[[ $started -eq 1 && $status -eq 0 ]] || cat "$work/serve.log"
# A bad setting in the default file makes the unit's command exit with a status the unit does not
# restart on (RestartPreventExitStatus=$no_restart).
check "exit status 4 (a port still held, a --bind address not up yet) is restarted within the limit" \
  bash -c '[[ $1 != *" 4 "* ]]' _ "$no_restart"
for setting in "MAMMOCALC_OPTIONS=--no-such-option" \
  "MAMMOCALC_OPTIONS=--site-profile /nonexistent/site.xml" \
  "MAMMOCALC_OPTIONS=--annotations /nonexistent/annotations.xml"; do
  (
    set -a
    source /etc/default/mammocalc
    declare "$setting" "MAMMOCALC_PORT=$port"
    eval "set -- ${exec_start//\/var\/lib\/mammocalc/$work/out}"
    exec "$@"
  ) >"$work/bad-setting.log" 2>&1 &
  server=$!
  for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server" 2>/dev/null
  wait "$server"
  status=$?
  check "with $setting the unit's command exits $status, which the unit does not restart on" \
    grep -q " $status " <<<"$no_restart"
done

# bash completion: a command, then that command's options.
complete_words() {  # WORD...: what completing the last word offers
  bash -c 'source /usr/share/bash-completion/completions/mammocalc
           COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _mammocalc; echo "${COMPREPLY[*]}"' _ "$@"
}
check "bash completes 'mammocalc ser' to serve (got '$(complete_words mammocalc ser)')" \
  test "$(complete_words mammocalc ser)" = serve
check "bash completes 'mammocalc summarize -' with the short options too (got '$(complete_words mammocalc summarize -)')" \
  bash -c 'words=" $1 "; [[ $words == *" -o "* && $words == *" --output "* && $words == *" -h "* ]]' _ \
  "$(complete_words mammocalc summarize -)"
check "bash completes 'mammocalc serve --tls-c' to its options (got '$(complete_words mammocalc serve --tls-c)')" \
  test "$(complete_words mammocalc serve --tls-c)" = "--tls-cert --tls-ca"

# --- removed: the edited conffile stays, then purge leaves nothing ---
echo "# edited by the site" | "${as_root[@]}" tee -a /etc/default/mammocalc >/dev/null
"${as_root[@]}" dpkg --remove mammocalc >/dev/null 2>&1
check "dpkg --remove keeps the edited /etc/default/mammocalc (a conffile)" \
  grep -q "edited by the site" /etc/default/mammocalc
check "... and masks the unit, whose file is gone (as debhelper's scripts do)" \
  test "$(readlink /etc/systemd/system/mammocalc-serve.service)" = /dev/null
"${as_root[@]}" dpkg --purge mammocalc >/dev/null 2>&1
status=$?
check "dpkg --purge succeeds (exit $status)" test "$status" -eq 0
left=()
while IFS= read -r path; do
  # Folders of other packages (/usr/bin, /etc/default, ...) stay; anything of mammocalc's goes.
  if [[ -e $path && (! -d $path || $path == *mammocalc*) ]]; then left+=("$path"); fi
done <"$work/files"
check "purge leaves no file of the package behind (left: ${left[*]:-none})" test "${#left[@]}" -eq 0
links=$(find /etc/systemd -name mammocalc-serve.service 2>/dev/null | tr '\n' ' ')
check "... nor the enabled service's links or the mask in /etc/systemd (left: ${links:-none})" \
  test -z "$links"
check "... nor deb-systemd-helper's record of them" \
  test ! -e /var/lib/systemd/deb-systemd-helper-enabled/mammocalc-serve.service.dsh-also
check "... and checked the package's $(wc -l <"$work/files") paths, the conffile among them" \
  grep -qx /etc/default/mammocalc "$work/files"
finish
