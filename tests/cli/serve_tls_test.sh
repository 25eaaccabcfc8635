#!/usr/bin/env bash
# `mammocalc serve` over DICOM TLS (issue 18): certificates made here with openssl (a CA, the
# endpoint's, a client's, and a client of another CA); echoscu/storescu +tls are served and the SR
# summarised as summarize does; plaintext to the TLS port is refused; a client certificate from
# another CA is rejected when --tls-ca is set; --tls-require-peer-cert refuses clients without
# one; a silent connection holds the listener for --acse-timeout at most; unusable files and
# incomplete options fail before "listening". Ports are chosen free at run time; every server is
# stopped by the test; every wait is bounded.
#   serve_tls_test.sh MAMMOCALC          (run from the project root)
set -u
source "$(dirname "${BASH_SOURCE[0]}")/serve_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
require_tools storescu echoscu openssl

# The certificates: two CAs, the endpoint's and a client's from the first, an intruder's from the
# second (RSA 2048 and SHA-256, as BCP 195 asks).
certificate_authority() {  # NAME
  openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 2 -subj "/CN=$1" \
    -keyout "$work/$1.key" -out "$work/$1.pem" >/dev/null 2>&1
}
issued() {  # NAME CA
  openssl req -newkey rsa:2048 -sha256 -nodes -subj "/CN=$1" -keyout "$work/$1.key" \
    -out "$work/$1.csr" >/dev/null 2>&1 &&
    openssl x509 -req -sha256 -days 2 -in "$work/$1.csr" -CA "$work/$2.pem" -CAkey "$work/$2.key" \
      -CAcreateserial -out "$work/$1.pem" >/dev/null 2>&1
}
certificate_authority hospital-ca
certificate_authority other-ca
issued endpoint hospital-ca
issued pacs hospital-ca
issued intruder other-ca
check "the test certificates are made" test -s "$work/endpoint.pem" -a -s "$work/pacs.pem" -a -s "$work/intruder.pem"
tls_as_pacs=(+tls "$work/pacs.key" "$work/pacs.pem" +cf "$work/hospital-ca.pem")
tls_as_intruder=(+tls "$work/intruder.key" "$work/intruder.pem" +cf "$work/hospital-ca.pem")
tls_anonymous=(+tla +cf "$work/hospital-ca.pem")
tls_options=(--tls-key "$work/endpoint.key" --tls-cert "$work/endpoint.pem")


# --- TLS with client certificates verified against --tls-ca ---
mkdir -p "$work/out"
check "serve starts with TLS" start_serve "$work/tls.log" --out "$work/out" "${tls_options[@]}" \
  --tls-ca "$work/hospital-ca.pem" --acse-timeout 2
check "... and says so" grep -q "listening on port $port as MAMMOCALC over TLS" "$work/tls.log"
echoscu -to 10 "${tls_as_pacs[@]}" -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "echoscu +tls with a certificate of the hospital CA succeeds" test $? -eq 0
storescu -to 10 "${tls_as_pacs[@]}" -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >/dev/null 2>&1
check "storescu +tls succeeds" test $? -eq 0
"$mammocalc" summarize samples/bir-known-malignancy.dcm | grep -v '<source ' >"$work/expected.xml"
check "... and the SR is summarised as summarize does" \
  diff -q "$work/expected.xml" <(grep -v '<source ' "$work/out/1.2.826.0.1.3680043.10.1363.108.3.xml")
echoscu -to 5 -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "plain TCP to the TLS port is refused" test $? -ne 0
check "... with one line naming the address" wait_for_log "$work/tls.log" \
  "mammocalc serve: a connection from 127.0.0.1: no TLS handshake and association request within 2 s (--acse-timeout), or refused:"
storescu -to 10 "${tls_as_intruder[@]}" -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >/dev/null 2>&1
check "a client certificate from another CA is rejected" test $? -ne 0
check "... with 'certificate verify failed'" wait_for_log "$work/tls.log" "certificate verify failed"
exec 3<>"/dev/tcp/127.0.0.1/$port"
SECONDS=0
echoscu -to 20 "${tls_as_pacs[@]}" -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
echo_status=$?
elapsed=$SECONDS
exec 3>&-
# (DCMTK's own limit would be 60 s; a loaded machine may add a second or two.)
check "a silent connection holds the listener for --acse-timeout (2 s) at most (took $elapsed s)" \
  test "$echo_status" -eq 0 -a "$elapsed" -le 6
kill -TERM "$server"
wait "$server"
check "serve with TLS exits 0 on SIGTERM" test $? -eq 0

# --- Handshakes do not queue: three silent connections (no ClientHello) do not delay a TLS
# echo, even with the default --acse-timeout (10 s each) and --max-associations 1 ---
check "serve starts with TLS (default --acse-timeout)" start_serve "$work/idle.log" --out "$work/out" \
  "${tls_options[@]}" --tls-ca "$work/hospital-ca.pem" --max-associations 1
echo_beside_idle_connections "${tls_as_pacs[@]}"
close_idle_connections
check "three silent connections open: a TLS echo succeeds at once (status $echo_status, took $elapsed_ms ms)" \
  test "$echo_status" -eq 0 -a "$elapsed_ms" -le 2000
kill -TERM "$server"
wait "$server"
check "... and serve exits 0 on SIGTERM" test $? -eq 0

# --- --tls-require-peer-cert: no certificate, no association ---
check "serve starts with --tls-require-peer-cert" start_serve "$work/require.log" --out "$work/out" \
  "${tls_options[@]}" --tls-ca "$work/hospital-ca.pem" --tls-require-peer-cert
echoscu -to 10 "${tls_anonymous[@]}" -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "an anonymous TLS client is refused" test $? -ne 0
check "... with 'peer did not return a certificate'" wait_for_log "$work/require.log" \
  "peer did not return a certificate"
echoscu -to 10 "${tls_as_pacs[@]}" -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "... one with a certificate of the hospital CA is served" test $? -eq 0
kill -TERM "$server"
wait "$server"

# --- Files that cannot be used: exit 4 and one line naming the file, never "listening" ---
"$mammocalc" serve --port 1 --out "$work/out" --tls-key "$work/missing.key" \
  --tls-cert "$work/endpoint.pem" >"$work/missing.log" 2>&1
status=$?
check "a missing --tls-key: exit 4 (got $status)" test "$status" -eq 4
check "... one line naming it" grep -qx "mammocalc: $work/missing.key: TLS: cannot use it as private key (--tls-key) (.*)" "$work/missing.log"
check "... never 'listening'" bash -c "! grep -q listening '$work/missing.log'"
"$mammocalc" serve --port 1 --out "$work/out" --tls-key "$work/pacs.key" \
  --tls-cert "$work/endpoint.pem" >"$work/mismatch.log" 2>&1
check "a key that does not match the certificate: exit 4" test $? -eq 4
check "... one line saying so" grep -q "the certificate does not match the private key" "$work/mismatch.log"
# Hostile review 51, H51-7: a CA directory OpenSSL cannot look anything up in (no hashed names),
# and an encrypted key (no passphrase prompt on a service's terminal): exit 4, one line.
mkdir -p "$work/ca-dir"
cp "$work/hospital-ca.pem" "$work/ca-dir/"
timeout 10 "$mammocalc" serve --port 1 --out "$work/out" --tls-key "$work/endpoint.key" \
  --tls-cert "$work/endpoint.pem" --tls-ca "$work/ca-dir" >"$work/ca-dir.log" 2>&1
status=$?
check "a --tls-ca directory with no hashed certificate: exit 4 (got $status)" test "$status" -eq 4
check "... one line naming it" \
  grep -qx "mammocalc: $work/ca-dir: TLS: cannot use it as trusted certificates (--tls-ca): .*" "$work/ca-dir.log"
openssl pkey -in "$work/endpoint.key" -aes256 -passout pass:secret -out "$work/encrypted.key" 2>/dev/null
timeout 10 "$mammocalc" serve --port 1 --out "$work/out" --tls-key "$work/encrypted.key" \
  --tls-cert "$work/endpoint.pem" </dev/null >"$work/encrypted.log" 2>&1
status=$?
check "an encrypted --tls-key: exit 4 (got $status)" test "$status" -eq 4
check "... exactly one line, no passphrase prompt" test "$(wc -l <"$work/encrypted.log")" -eq 1
for bad in "--tls-key $work/endpoint.key" "--tls-cert $work/endpoint.pem" \
  "--tls-ca $work/hospital-ca.pem" \
  "--tls-key $work/endpoint.key --tls-cert $work/endpoint.pem --tls-require-peer-cert"; do
  # shellcheck disable=SC2086
  "$mammocalc" serve --port 1 --out "$work/out" $bad >/dev/null 2>"$work/usage.err"
  status=$?
  check "serve ${bad//$work\//}: usage error, exit 2 (got $status)" test "$status" -eq 2
  check "... one line naming serve" grep -q "^mammocalc: serve: --tls" "$work/usage.err"
done

finish
