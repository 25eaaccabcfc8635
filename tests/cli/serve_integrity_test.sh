#!/usr/bin/env bash
# `mammocalc serve` keeps each received object whole (hostile review): a data set whose UIDs are
# not the C-STORE command's is refused before anything is kept or written; two objects carrying
# one UID at once leave a summary, kept copy and result SR of the same object; a summary that
# fails leaves no result SR, and a UID sent again has one result SR file; an invalid UID with
# --dicom-out is refused whole; --pseudonymize logs never name the real UID; a broken file in an
# --annotations directory is said; another process holding an output name is waited for; a kept
# copy and a result SR never replace each other. Ports are chosen free at run time; every server is stopped by
# the test. Bounded well under 60 s.
#   serve_integrity_test.sh MAMMOCALC          (run from the project root)
set -u
source "$(dirname "${BASH_SOURCE[0]}")/serve_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
require_tools storescu dcmodify dcmdump python3

# A C-STORE sender that announces the UIDs it is told, whatever the data set holds (storescu
# always announces the file's own). Prints the status of the C-STORE response in hex. With
# STORE_AS_PAUSE=SECONDS it waits that long after the first fragment of the data set.
#   store_as.py PORT FILE AFFECTED-SOP-CLASS AFFECTED-SOP-INSTANCE [CONTEXT-SOP-CLASS]
cat >"$work/store_as.py" <<'PYTHON'
import os, socket, struct, sys, time

port, path, sop_class, sop_instance = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
# The presentation context's abstract syntax: the command's class unless given.
context_class = sys.argv[5] if len(sys.argv) > 5 else sop_class


def uid(text):
    value = text.encode()
    return value + b"\0" if len(value) % 2 else value


def item(kind, value):
    return bytes([kind, 0]) + struct.pack(">H", len(value)) + value


def read_pdu(connection):
    data = b""
    while len(data) < 6 or len(data) < 6 + struct.unpack(">I", data[2:6])[0]:
        chunk = connection.recv(65536)
        if not chunk:
            sys.exit("closed by serve")
        data += chunk
    return data


# The file: preamble, meta header (explicit VR little endian), then the data set.
blob = open(path, "rb").read()
meta_length = struct.unpack("<I", blob[140:144])[0]
data_set = blob[144 + meta_length:]
meta = blob[132:144 + meta_length]
at = meta.find(b"\x02\x00\x10\x00UI")
length = struct.unpack("<H", meta[at + 6:at + 8])[0]
transfer_syntax = meta[at + 8:at + 8 + length].rstrip(b"\0 ").decode()

context = item(0x30, uid(context_class)) + item(0x40, uid(transfer_syntax))
user = item(0x51, struct.pack(">I", 16384)) + item(0x52, uid("1.2.826.0.1.3680043.10.1363.999"))
request = (struct.pack(">HH", 1, 0) + b"MAMMOCALC".ljust(16) + b"STOREAS".ljust(16) + bytes(32)
           + item(0x10, uid("1.2.840.10008.3.1.1.1"))
           + item(0x20, bytes([1, 0, 0, 0]) + context) + item(0x50, user))
peer = socket.create_connection(("127.0.0.1", port), timeout=20)
peer.sendall(bytes([1, 0]) + struct.pack(">I", len(request)) + request)
answer = read_pdu(peer)
if answer[0] != 2:
    sys.exit("association not accepted")


def element(group, number, value):
    return struct.pack("<HHI", group, number, len(value)) + value


command = (element(0, 0x0002, uid(sop_class)) + element(0, 0x0100, struct.pack("<H", 1))
           + element(0, 0x0110, struct.pack("<H", 1)) + element(0, 0x0700, struct.pack("<H", 0))
           + element(0, 0x0800, struct.pack("<H", 0)) + element(0, 0x1000, uid(sop_instance)))
command = element(0, 0x0000, struct.pack("<I", len(command))) + command


def p_data(control, fragment):
    pdv = struct.pack(">I", len(fragment) + 2) + bytes([1, control]) + fragment
    return bytes([4, 0]) + struct.pack(">I", len(pdv)) + pdv


peer.sendall(p_data(3, command))
step = 1000 if os.environ.get("STORE_AS_PAUSE") else 16000
for start in range(0, len(data_set), step):
    last = start + step >= len(data_set)
    peer.sendall(p_data(2 if last else 0, data_set[start:start + step]))
    if start == 0 and not last and os.environ.get("STORE_AS_PAUSE"):
        time.sleep(float(os.environ["STORE_AS_PAUSE"]))
response = read_pdu(peer)
at = response.find(b"\x00\x00\x00\x09\x02\x00\x00\x00")
print("%04X" % struct.unpack("<H", response[at + 8:at + 10])[0], flush=True)
peer.sendall(bytes([5, 0]) + struct.pack(">I", 4) + bytes(4))
read_pdu(peer)
PYTHON
store_as() {  # FILE CLASS INSTANCE: the status serve answers, in hex
  timeout 30 python3 "$work/store_as.py" "$port" "$@" 2>&1
}
uid_of() {  # FILE: its SOP Instance UID
  dcmdump +P 0008,0018 "$1" | sed -n 's/.*\[\(.*\)\].*/\1/p'
}
count_lines() {  # FILE TEXT: how many lines of FILE hold TEXT
  grep -cF -- "$2" "$1"
}
comprehensive=1.2.840.10008.5.1.4.1.1.88.33
enhanced=1.2.840.10008.5.1.4.1.1.88.22
a=samples/bir-known-malignancy.dcm
b=samples/bir-suspicious-vacuum-assisted.dcm
uid_a=$(uid_of "$a")
uid_b=$(uid_of "$b")

# --- 1. The command's UIDs against the data set's ---
mkdir -p "$work/out"
check "serve --keep-received starts" start_serve "$work/serve.log" --out "$work/out" --keep-received
check "the raw sender stores an object as itself: success" \
  test "$(store_as "$b" "$comprehensive" "$uid_b")" = 0000
check "... summarised and kept" test -s "$work/out/$uid_b.xml" -a -s "$work/out/$uid_b.dcm"
cp "$work/out/$uid_b.xml" "$work/b-summary.xml"
cp "$work/out/$uid_b.dcm" "$work/b-kept.dcm"
check "another object announced under B's UID: refused 0xC000" \
  test "$(store_as "$a" "$comprehensive" "$uid_b")" = C000
check "... B's summary unchanged" cmp -s "$work/out/$uid_b.xml" "$work/b-summary.xml"
check "... B's kept copy unchanged" cmp -s "$work/out/$uid_b.dcm" "$work/b-kept.dcm"
check "... nothing of A written" test ! -e "$work/out/$uid_a.xml" -a ! -e "$work/out/$uid_a.dcm"
check "... one log line naming received:UID and the problem" test "$(count_lines "$work/serve.log" \
  "mammocalc serve: received:$uid_b: the data set's SOP Instance UID is not the C-STORE command's Affected SOP Instance UID; refused")" -eq 1
check "another SOP class announced than the data set's: refused 0xA900 (does not match SOP Class)" \
  test "$(store_as "$a" "$enhanced" "$uid_a")" = A900
check "... nothing written" test ! -e "$work/out/$uid_a.xml" -a ! -e "$work/out/$uid_a.dcm"
check "... one log line naming the problem" test "$(count_lines "$work/serve.log" \
  "mammocalc serve: received:$uid_a: the data set's SOP Class UID is not the C-STORE command's Affected SOP Class UID; refused")" -eq 1
check "a mismatch with an invalid announced UID: refused 0xC000, the UID never said" \
  test "$(store_as "$a" "$comprehensive" "../not-a-uid")" = C000
check "... nothing written for it" test "$(ls "$work/out" | wc -l)" -eq 2
check "... and the log never names it" bash -c "! grep -q 'not-a-uid' '$work/serve.log'"

# --- 2. One UID on two associations at once, different content: the summary, the kept copy and
# the result SR of that UID come from one object; with one result SR file per exam the other
# object is refused every time, and the summary says the exam has another result (E19) ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/race" "$work/race-sr"
shared=1.2.826.0.1.3680043.10.1363.977.1
cp "$a" "$work/race-a.dcm"
cp "$b" "$work/race-b.dcm"
dcmodify -nb -m "(0008,0018)=$shared" "$work/race-a.dcm" "$work/race-b.dcm" >/dev/null 2>&1
check "serve --keep-received --dicom-dir starts" start_serve "$work/race.log" --out "$work/race" \
  --keep-received --dicom-dir "$work/race-sr" --max-associations 4
agree=0
for round in 1 2 3 4; do
  TCP_NODELAY=1 storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work"/race-a.dcm "$work"/race-a.dcm \
    "$work"/race-a.dcm "$work"/race-a.dcm >/dev/null 2>&1 &
  first=$!
  TCP_NODELAY=1 storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work"/race-b.dcm "$work"/race-b.dcm \
    "$work"/race-b.dcm "$work"/race-b.dcm >/dev/null 2>&1 &
  second=$!
  wait "$first" "$second"
  kept_study=$(dcmdump +P 0020,000d "$work/race/$shared.dcm" | sed -n 's/.*\[\(.*\)\].*/\1/p')
  summary_study=$(sed -n 's/.*studyInstanceUid="\([0-9.]*\)".*/\1/p' "$work/race/$shared.xml")
  sr_study=$(dcmdump +P 0020,000d "$work"/race-sr/*.dcm 2>/dev/null | sed -n 's/.*\[\(.*\)\].*/\1/p' | sort -u)
  if [[ -n $kept_study && $kept_study == "$summary_study" ]]; then agree=$((agree + 1)); else
    echo "  round $round: kept copy of study $kept_study, summary of study $summary_study"
  fi
  [[ $sr_study == *"$kept_study"* ]] || echo "  round $round: no result SR of the kept object's study"
done
check "four rounds: the kept copy and the summary are of the same object every time" test "$agree" -eq 4
check "... nothing failed but the other object's refusals, each said as such" \
  bash -c "! grep -vE 'listening|summarised to|has the SOP Instance UID of an earlier received object and another result: its result SR would replace that one.s; refused|the result SR now says that its exam has another result' '$work/race.log'"
check "... refused in every round" \
  test "$(grep -c 'another result: its result SR would replace' "$work/race.log")" -ge 4
check "... the summary says the exam has another result" \
  grep -q 'code="same-exam-conflict"' "$work/race/$shared.xml"
check "... one result SR" test "$(ls "$work/race-sr" | wc -l)" -eq 1

# --- 3. A summary that cannot be written (0xA700) leaves no result SR; the retry gives all ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/fail" "$work/fail-sr" "$work/fail/$uid_a.xml"
check "serve --dicom-dir starts" start_serve "$work/fail.log" --out "$work/fail" \
  --dicom-dir "$work/fail-sr"
status=$(store_as "$a" "$comprehensive" "$uid_a")
check "a summary that cannot be written: 0xA700 (got $status)" test "$status" = A700
check "... no result SR left of it" test "$(ls "$work/fail-sr" | wc -l)" -eq 0
rmdir "$work/fail/$uid_a.xml"
check "the sender's retry: success" test "$(store_as "$a" "$comprehensive" "$uid_a")" = 0000
check "... the summary and one result SR" \
  test -s "$work/fail/$uid_a.xml" -a "$(ls "$work/fail-sr" | grep -cE '^2\.25\.[0-9]+\.dcm$')" -eq 1
# The UID sent again with other content (another report under the UID: hostile review 37,
# H37-6): its result SR would replace the earlier one's, so it is refused (0xC000), the result SR
# stays the earlier object's, and the earlier summary says the exam has another result (E19).
cp "$b" "$work/resend.dcm"
dcmodify -nb -m "(0008,0018)=$uid_a" "$work/resend.dcm" >/dev/null 2>&1
study_a=$(dcmdump +P 0020,000d "$a" | sed -n 's/.*\[\(.*\)\].*/\1/p')
check "the UID sent again with other content: refused 0xC000" \
  test "$(store_as "$work/resend.dcm" "$comprehensive" "$uid_a")" = C000
check "... still one result SR" test "$(ls "$work/fail-sr" | wc -l)" -eq 1
check "... the earlier object's" bash -c "dcmdump +P 0020,000d '$work'/fail-sr/*.dcm | grep -qF '$study_a'"
check "... the earlier summary says the exam has another result, and needs review" \
  bash -c "grep -q 'code=\"same-exam-conflict\"' '$work/fail/$uid_a.xml' && grep -q '<exam [^>]*needsReview=\"true\"' '$work/fail/$uid_a.xml'"
check "... and so does the earlier result SR, in code and in its impression (H40-4)" \
  bash -c "dsrdump +Pl '$work'/fail-sr/*.dcm 2>/dev/null | grep -q 'REVIEW-NEEDED' && dsrdump +Pl '$work'/fail-sr/*.dcm 2>/dev/null | grep -q 'Warning same-exam-conflict: a later received object, not summarised'"

# Hostile review 54, H54-6: a command naming another class than its presentation context (an
# SR context, an image in the command) is refused (0x0122) and said, never success and skipped.
check "an SR context whose command names an image class: refused 0x0122" \
  test "$(store_as "$a" 1.2.840.10008.5.1.4.1.1.1.2 "$uid_a" "$comprehensive")" = 0122
check "... said on the log" grep -q "its C-STORE command names SOP Class 1.2.840.10008.5.1.4.1.1.1.2, not its presentation context's" "$work/fail.log"
# Hostile review 55, H55-4: a sender that pads the class in its association request with a
# space (the command's class unpadded) is the same class, not refused 0x0122.
padded=samples/bir-suspicious-core-ultrasound.dcm
status=$(store_as "$padded" "$comprehensive" "$(uid_of "$padded")" "$comprehensive ")
check "a presentation context whose class is padded with a space: success (got $status)" \
  test "$status" = 0000
# Hostile review 54, H54-4: a result SR sent on and removed (a spool), then another result under
# its UID: the result SR is made again from the record's copy, saying the exam needs review.
spooled=samples/bir-benign-followup-biopsy.dcm
spooled_uid=$(uid_of "$spooled")
ls "$work/fail-sr" >"$work/sr-before"
check "an object whose result SR a spool will send on: success" \
  test "$(store_as "$spooled" "$comprehensive" "$spooled_uid")" = 0000
spooled_sr=$(ls "$work/fail-sr" | grep -vxF -f "$work/sr-before")
mkdir -p "$work/spooled"
mv "$work/fail-sr/$spooled_sr" "$work/spooled/"
cp "$b" "$work/spooled-other.dcm"
dcmodify -nb -m "(0008,0018)=$spooled_uid" "$work/spooled-other.dcm" >/dev/null 2>&1
check "... another result under its UID: refused 0xC000" \
  test "$(store_as "$work/spooled-other.dcm" "$comprehensive" "$spooled_uid")" = C000
check "... the result SR made again, saying the exam needs review" \
  bash -c "dsrdump +Pl '$work/fail-sr/$spooled_sr' 2>/dev/null | grep -q 'REVIEW-NEEDED'"
check "... said on the log, to be sent on" grep -q "$spooled_sr: the result SR, sent on and removed since (or written into another --dicom-dir), is made again" "$work/fail.log"
# Hostile review 55, H55-2: the SR directory rotated while serving (a spool moves it away once
# sent) is made and marked as serve's again before its next result SR; one another run claimed
# meanwhile gets none of serve's SRs (0xA700, said), and that run's SR stays.
mv "$work/fail-sr" "$work/fail-sr.sent"
rotated=samples/bir-suspicious-stereotactic.dcm
check "the SR directory moved away: the next object succeeds" \
  test "$(store_as "$rotated" "$comprehensive" "$(uid_of "$rotated")")" = 0000
check "... its result SR in a new SR directory, marked as serve's" \
  test "$(ls "$work/fail-sr" | grep -cE '^2\.25\.[0-9]+\.dcm$')" -eq 1 -a \
  "$(cat "$work/fail-sr/.mammocalc-sr-owner")" = "$(realpath "$work/fail")"
# Hostile review 57, H57-5: moved away and not made again, then another result of that exam: the
# object is refused (its SR would replace the exam's), and the REVIEW-NEEDED SR is made again
# from the record's copy in a new SR directory (it was never made: every retry got 0xC000).
rotated_sr=$(ls "$work/fail-sr" | grep -E '^2\.25\.[0-9]+\.dcm$')
mv "$work/fail-sr" "$work/fail-sr.sent1"
cp "$b" "$work/rotated-other.dcm"
dcmodify -nb -m "(0008,0018)=$(uid_of "$rotated")" "$work/rotated-other.dcm" >/dev/null 2>&1
check "another result after the SR directory moved away: refused 0xC000" \
  test "$(store_as "$work/rotated-other.dcm" "$comprehensive" "$(uid_of "$rotated")")" = C000
check "... the REVIEW-NEEDED SR made again in a new SR directory" \
  bash -c "dsrdump +Pl '$work/fail-sr/$rotated_sr' 2>/dev/null | grep -q 'REVIEW-NEEDED'"
mv "$work/fail-sr" "$work/fail-sr.sent2"
mkdir "$work/fail-sr"
"$mammocalc" hook --out "$work/claimer" --dicom-dir "$work/fail-sr" samples/text-german.dcm \
  >/dev/null 2>&1
check "another run claims the new SR directory" \
  test "$(cat "$work/fail-sr/.mammocalc-sr-owner")" = "$(realpath "$work/claimer")"
cp -r "$work/fail-sr" "$work/claimed-before"
claimed=samples/bir-site-conflict.dcm
status=$(store_as "$claimed" "$comprehensive" "$(uid_of "$claimed")")
check "... serve's next object: 0xA700, no SR of it there (got $status)" test "$status" = A700
check "... the other run's SR directory unchanged" diff -r "$work/fail-sr" "$work/claimed-before"
check "... said on the log" grep -q "fail-sr: the SR directory of the run writing to .*claimer" \
  "$work/fail.log"
# Hostile review 57, H57-4: another result of an exam serve wrote an SR for: its REVIEW-NEEDED SR
# goes to no other run's directory either (it was made there, and the batch replaced it).
cp "$a" "$work/rotated-third.dcm"
dcmodify -nb -m "(0008,0018)=$(uid_of "$rotated")" "$work/rotated-third.dcm" >/dev/null 2>&1
status=$(store_as "$work/rotated-third.dcm" "$comprehensive" "$(uid_of "$rotated")")
check "... another result of an exam with an SR: 0xA700 (got $status)" test "$status" = A700
check "... the other run's SR directory still unchanged" diff -r "$work/fail-sr" "$work/claimed-before"

# A re-send that fails replaces nothing the earlier object of its UID left: with its result SR's
# name held by a directory it is answered 0xA700, and the earlier kept copy, summary and result
# stay (the copy was once moved over the old one first, then removed with the failure).
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/keep" "$work/keep-sr"
check "serve --keep-received --dicom-dir starts" start_serve "$work/keep.log" --out "$work/keep" \
  --keep-received --dicom-dir "$work/keep-sr"
study_a=$(dcmdump +P 0020,000d "$a" | sed -n 's/.*\[\(.*\)\].*/\1/p')
check "the first object: success" test "$(store_as "$a" "$comprehensive" "$uid_a")" = 0000
first_sr=$(ls "$work/keep-sr")
cp "$work/keep/$uid_a.xml" "$work/keep-first.xml"
rm "$work/keep-sr/$first_sr"
mkdir "$work/keep-sr/$first_sr"
check "a re-send whose result SR cannot be written: 0xA700" \
  test "$(store_as "$a" "$comprehensive" "$uid_a")" = A700
check "... the earlier kept copy stays, the earlier object's" \
  bash -c "dcmdump +P 0020,000d '$work/keep/$uid_a.dcm' | grep -qF '$study_a'"
check "... the earlier summary stays unchanged" cmp -s "$work/keep/$uid_a.xml" "$work/keep-first.xml"

# --- 4. An invalid SOP Instance UID with --dicom-out: refused whole, nothing kept ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/invalid"
cp "$a" "$work/invalid-uid.dcm"
dcmodify -nb -m "(0008,0018)=../escape" "$work/invalid-uid.dcm" >/dev/null 2>&1
check "serve --keep-received --dicom-out starts" start_serve "$work/invalid.log" \
  --out "$work/invalid" --keep-received --dicom-out
check "an invalid SOP Instance UID with --dicom-out: refused 0xC000" \
  test "$(store_as "$work/invalid-uid.dcm" "$comprehensive" "../escape")" = C000
check "... nothing kept or written" test "$(ls -A "$work/invalid" | wc -l)" -eq 0
check "... one log line naming received-HASH and why" test "$(grep -cE \
  '^mammocalc serve: received:received-[0-9a-f]{16}: the SOP Instance UID is not a valid UID, so no DICOM SR can refer to it \(--dicom-out\); refused$' \
  "$work/invalid.log")" -eq 1

# Hostile reviews 56 and 57 (H56-3, H57-1, H57-2, H57-3): the spool file removed while the
# object arrives (its directory unmounted or cleaned; answered 0xC000, which senders do not
# retry), or replaced by a FIFO (the worker hung for ever), an empty file or another report
# (summarised as if sent, success), or truncated: a local fault that passes, 0xA700.
cp "$b" "$work/spool-other.dcm"
dcmodify -nb -m "(0008,0018)=$uid_a" "$work/spool-other.dcm" >/dev/null 2>&1
for tamper in removed fifo empty other truncated; do
  STORE_AS_PAUSE=2 store_as "$a" "$comprehensive" "$uid_a" >"$work/spool-$tamper.status" &
  sender=$!
  for _ in $(seq 1 30); do
    ls "$work/invalid"/.received-* >/dev/null 2>&1 && break
    sleep 0.1
  done
  spool=$(ls "$work/invalid"/.received-* | head -1)
  case $tamper in
    removed) rm -f "$spool" ;;
    fifo) rm -f "$spool" && mkfifo "$spool" ;;
    empty) rm -f "$spool" && touch "$spool" ;;
    other) cp "$work/spool-other.dcm" "$spool.new" && mv "$spool.new" "$spool" ;;
    truncated) : >"$spool" ;;
  esac
  wait "$sender"
  check "the spool file replaced ($tamper) while the object arrives: 0xA700 (got $(cat "$work/spool-$tamper.status"))" \
    test "$(cat "$work/spool-$tamper.status")" = A700
  rm -rf "$work/invalid"/.received-*
done
check "... nothing summarised of them" test ! -e "$work/invalid/$uid_a.xml"

# --- 5. --pseudonymize: no log line names the real UID ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/pseudo"
head -c 32 /dev/urandom | base64 >"$work/site.key"
check "serve --pseudonymize starts" start_serve "$work/pseudo.log" --out "$work/pseudo" \
  --pseudonymize --pseudonym-key "$work/site.key"
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$a" >/dev/null 2>&1
check "a pseudonymised store succeeds" test $? -eq 0
pseudonym=$(ls "$work/pseudo" | sed -n 's/\.xml$//p')
check "... the summary is named by a pseudonym" test -n "$pseudonym" -a "$pseudonym" != "$uid_a"
check "... the log says it summarised the pseudonym" \
  grep -qx "mammocalc serve: $pseudonym: summarised to $pseudonym.xml" "$work/pseudo.log"
check "... refused objects too are named by the pseudonym" \
  test "$(store_as "$b" "$comprehensive" "$uid_a")" = C000
check "... and no log line names the real UID" bash -c "! grep -qF '$uid_a' '$work/pseudo.log'"
# An invalid UID is named by its keyed pseudonym too: the unkeyed received-HASH (SHA-1 of the UID)
# could be tested against a guessed UID, and the line would pair it with the pseudonym.
cp "$a" "$work/pseudo-invalid.dcm"
dcmodify -nb -m "(0008,0018)=1.9.9.07" "$work/pseudo-invalid.dcm" >/dev/null 2>&1
unkeyed=$(printf '%s' 1.9.9.07 | sha1sum | cut -c1-16)
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/pseudo-invalid.dcm" >/dev/null 2>&1
check "an invalid UID, pseudonymised: the store succeeds" test $? -eq 0
check "... its line names the keyed pseudonym (as the valid UID's did: 2 such lines)" test "$(grep -cE \
  '^mammocalc serve: (2\.25\.[0-9]+): summarised to \1\.xml$' "$work/pseudo.log")" -eq 2
check "... never the unkeyed hash of the UID" bash -c "! grep -qF 'received-$unkeyed' '$work/pseudo.log'"
# Hostile review 56, H56-1: another report under that invalid UID is the same exam's other
# result, as under a valid one: a summary of its own, both need review (it replaced the first's
# summary, benign and unreviewed).
cp "$b" "$work/pseudo-invalid-other.dcm"
dcmodify -nb -m "(0008,0018)=1.9.9.07" "$work/pseudo-invalid-other.dcm" >/dev/null 2>&1
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/pseudo-invalid-other.dcm" >/dev/null 2>&1
invalid_pseudonym=$(grep -oE '^mammocalc serve: 2\.25\.[0-9]+: summarised to 2\.25\.[0-9]+-2\.xml' \
  "$work/pseudo.log" | sed 's/.*summarised to \(.*\)-2\.xml/\1/')
check "another report under the invalid UID: a summary of its own (UID-2)" \
  test -n "$invalid_pseudonym" -a -s "$work/pseudo/$invalid_pseudonym-2.xml"
check "... both summaries need review" bash -c "grep -q '<exam [^>]*needsReview=\"true\"' \
  '$work/pseudo/$invalid_pseudonym.xml' && grep -q '<exam [^>]*needsReview=\"true\"' \
  '$work/pseudo/$invalid_pseudonym-2.xml'"

# --- 6. A broken file in an --annotations directory is said, in serve and in summarize ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/notes" "$work/notes-out"
printf 'not XML at all\n' >"$work/notes/garbage.xml"
: >"$work/notes/empty.xml"
# Neither a symlink to nothing nor a FIFO (which, opened, would block the run) is dropped silently.
ln -s "$work/nowhere.xml" "$work/notes/dangling.xml"
mkfifo "$work/notes/fifo.xml"
timeout 20 "$mammocalc" summarize --annotations "$work/notes" "$a" >"$work/notes-summary.xml" 2>/dev/null
check "summarize: not blocked by the FIFO" test $? -ne 124
check "summarize: each broken file gives an annotation-skipped warning (4)" \
  test "$(grep -c 'code="annotation-skipped"' "$work/notes-summary.xml")" -eq 4
check "... the symlink to nothing named" grep -qF "dangling.xml: cannot be read (a symlink to nothing)" "$work/notes-summary.xml"
check "... the FIFO named" grep -qF "fifo.xml: not a regular file" "$work/notes-summary.xml"
check "... naming the file" grep -qF "garbage.xml" "$work/notes-summary.xml"
# A file cut off while being written (hostile review, issue 18: it was taken for another XML kind
# and ignored, and the exam came out complete).
printf '<annot' >"$work/notes/cut.xml"
# A subdirectory is not read (a folder per study would be missed): said in the log at start-up
# and in the summary (hostile review, issue 18, F5).
mkdir "$work/notes/per-study"
check "serve with the annotation directory starts" start_serve "$work/notes.log" \
  --out "$work/notes-out" --annotations "$work/notes"
check "serve: the subdirectory is said in the log at start-up" \
  grep -qF "mammocalc serve: $work/notes/per-study: a subdirectory, not read" "$work/notes.log"
timeout 20 storescu -aec MAMMOCALC 127.0.0.1 "$port" "$a" >/dev/null 2>&1
check "serve: the store succeeds" test $? -eq 0
check "serve: each broken file and the subdirectory give an annotation-skipped warning (6)" \
  test "$(grep -c 'code="annotation-skipped"' "$work/notes-out/$uid_a.xml")" -eq 6
check "... the cut-off file named" grep -qF "cut.xml: not an annotation file" "$work/notes-out/$uid_a.xml"
check "... the subdirectory named" grep -qF "$work/notes/per-study: a subdirectory" "$work/notes-out/$uid_a.xml"

# --- 7. Two serve processes on one OUTDIR: an object's files are written under a lock on each
# of their names in OUTDIR/.mammocalc-serve.lock, which another process (here: this script,
# holding the summary's name) makes it wait for. Deterministic: the waiting serve shows in
# /proc/locks as a blocked request on the lock file ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/shared"
cat >"$work/hold_name.py" <<'PYTHON'
import fcntl, hashlib, os, subprocess, sys, time

port, outdir, name, sample = sys.argv[1:5]
# The byte serve locks for a name: the first 15 hex digits of its SHA-1.
byte = int(hashlib.sha1(name.encode()).hexdigest()[:15], 16)
lock = os.open(os.path.join(outdir, ".mammocalc-serve.lock"), os.O_RDWR | os.O_CREAT, 0o644)
fcntl.lockf(lock, fcntl.LOCK_EX, 1, byte)  # a POSIX lock conflicts with serve's OFD lock
sender = subprocess.Popen(["storescu", "-aec", "MAMMOCALC", "127.0.0.1", port, sample],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
# serve polls for the lock (at most 10 s, then 0xA700): held 2 s, the sender is still waiting.
time.sleep(2)
waited = sender.poll() is None
print("serve waited for the lock" if waited else "serve never waited for the lock")
summary = os.path.join(outdir, name)
print("no summary while held" if not os.path.exists(summary) else "summary written while held")
os.close(lock)
print("stored" if sender.wait(timeout=20) == 0 else "store failed")
PYTHON
check "serve starts on the shared directory" start_serve "$work/shared.log" --out "$work/shared"
timeout 60 python3 "$work/hold_name.py" "$port" "$work/shared" "$uid_a.xml" "$a" >"$work/hold.out" 2>&1
check "serve waits while another process holds the summary's name" \
  grep -qx "serve waited for the lock" "$work/hold.out"
check "... writes nothing meanwhile" grep -qx "no summary while held" "$work/hold.out"
check "... and stores the object once it is released" grep -qx "stored" "$work/hold.out"
check "... its summary written then" test -s "$work/shared/$uid_a.xml"
# Hostile review 54, H54-5: a process frozen while it holds the lock holds no worker for long:
# after 10 s the object is answered out of resources (the sender retries), said on the log.
cat >"$work/freeze_name.py" <<'PYTHON'
import fcntl, hashlib, os, subprocess, sys

port, outdir, name, sample = sys.argv[1:5]
byte = int(hashlib.sha1(name.encode()).hexdigest()[:15], 16)
lock = os.open(os.path.join(outdir, ".mammocalc-serve.lock"), os.O_RDWR | os.O_CREAT, 0o644)
fcntl.lockf(lock, fcntl.LOCK_EX, 1, byte)
sender = subprocess.run(["storescu", "-v", "-aec", "MAMMOCALC", "127.0.0.1", port, sample],
                        capture_output=True, text=True, timeout=40)
print("refused out of resources" if "Refused: OutOfResources" in sender.stdout + sender.stderr
      else "not refused")
os.close(lock)
PYTHON
timeout 60 python3 "$work/freeze_name.py" "$port" "$work/shared" "$uid_a.xml" "$a" >"$work/freeze.out" 2>&1
check "a lock held for good: the object is refused out of resources after 10 s" \
  grep -qx "refused out of resources" "$work/freeze.out"
check "... one log line saying why" \
  grep -q "another process has held the lock of an output name for more than 10 s" "$work/shared.log"

# --- 8. A kept copy and a result SR never share a name (--keep-received --dicom-out): an object
# whose SOP Instance UID is another object's result-SR name (2.25.N) is refused, whichever of the
# two comes first, and neither replaces the other's file ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/clash-1" "$work/clash-2"
check "serve --keep-received --dicom-out starts" start_serve "$work/clash-1.log" \
  --out "$work/clash-1" --keep-received --dicom-out
check "A: success" test "$(store_as "$a" "$comprehensive" "$uid_a")" = 0000
result_a=$(ls "$work/clash-1" | grep -E '^2\.25\.[0-9]+\.dcm$')
clash=${result_a%.dcm}
check "... A's result SR is written ($result_a)" test -n "$result_a"
cp "$work/clash-1/$result_a" "$work/clash-result-a.dcm"
cp "$b" "$work/clash.dcm"
dcmodify -nb -m "(0008,0018)=$clash" "$work/clash.dcm" >/dev/null 2>&1
check "an object whose UID is A's result-SR name: refused 0xC000" \
  test "$(store_as "$work/clash.dcm" "$comprehensive" "$clash")" = C000
check "... A's result SR unchanged" cmp -s "$work/clash-1/$result_a" "$work/clash-result-a.dcm"
check "... nothing of the object written" test ! -e "$work/clash-1/$clash.xml"
check "... one log line naming it and why" test "$(count_lines "$work/clash-1.log" \
  "mammocalc serve: received:$clash: the name of its kept copy is taken by the result SR of another object (--dicom-out); refused, nothing written")" -eq 1
check "A sent again: success, its result SR replaced as before" \
  test "$(store_as "$a" "$comprehensive" "$uid_a")" = 0000
kill -TERM "$server"
wait "$server" 2>/dev/null
check "serve on a new directory starts" start_serve "$work/clash-2.log" \
  --out "$work/clash-2" --keep-received --dicom-out
check "the object with A's result-SR name first: success" \
  test "$(store_as "$work/clash.dcm" "$comprehensive" "$clash")" = 0000
study_clash=$(dcmdump +P 0020,000d "$work/clash.dcm" | sed -n 's/.*\[\(.*\)\].*/\1/p')
check "A then: refused 0xC000" test "$(store_as "$a" "$comprehensive" "$uid_a")" = C000
check "... the object's kept copy stays its own" \
  bash -c "dcmdump +P 0020,000d '$work/clash-2/$clash.dcm' | grep -qF '$study_clash'"
check "... nothing of A written" test ! -e "$work/clash-2/$uid_a.xml" -a ! -e "$work/clash-2/$uid_a.dcm"
check "... one log line naming A and why" test "$(count_lines "$work/clash-2.log" \
  "mammocalc serve: received:$uid_a: the name of its result SR is taken by the kept copy of another object (--keep-received), whose SOP Instance UID is that name; refused, nothing written")" -eq 1



# --- 7. Another object under a UID, without --dicom-out (hostile review 37, H37-6, as hook):
# never replaces the earlier object's summary or kept copy; each gets names of its own (UID-2)
# and every summary of the exam says it has another result (E19), also when one is sent again ---
kill -TERM "$server"
wait "$server" 2>/dev/null
study_b=$(dcmdump +P 0020,000d "$b" | sed -n 's/.*\[\(.*\)\].*/\1/p')
mkdir -p "$work/other"
check "serve --keep-received on a new directory starts" start_serve "$work/other.log" \
  --out "$work/other" --keep-received
check "the first object: success" test "$(store_as "$a" "$comprehensive" "$uid_a")" = 0000
check "another object under its UID: success" \
  test "$(store_as "$work/resend.dcm" "$comprehensive" "$uid_a")" = 0000
check "... the first one's summary and kept copy stay its own" \
  bash -c "dcmdump +P 0020,000d '$work/other/$uid_a.dcm' | grep -qF '$study_a' && grep -qF '$study_a' '$work/other/$uid_a.xml'"
check "... the other one's under UID-2" \
  bash -c "dcmdump +P 0020,000d '$work/other/$uid_a-2.dcm' | grep -qF '$study_b' && grep -qF '$study_b' '$work/other/$uid_a-2.xml'"
check "... both summaries say the exam has another result" \
  test "$(grep -l 'code="same-exam-conflict"' "$work/other"/*.xml | wc -l)" -eq 2
check "... and need review" \
  test "$(grep -l '<exam [^>]*needsReview="true"' "$work/other"/*.xml | wc -l)" -eq 2
check "... said on its log line" grep -q "summarised to $uid_a-2.xml; another result than an earlier received object" "$work/other.log"
check "the first object sent again: success" test "$(store_as "$a" "$comprehensive" "$uid_a")" = 0000
check "... its own summary replaced, still saying so, no third summary" \
  bash -c "grep -q 'code=\"same-exam-conflict\"' '$work/other/$uid_a.xml' && test \"\$(ls '$work/other' | grep -c '\.xml$')\" -eq 2"
# Review 41, R41-1: a summary the record does not know (its record removed) is not replaced.
rm -r "$work/other/.mammocalc-exams"
check "without the record, another result: success" \
  test "$(store_as "$work/resend.dcm" "$comprehensive" "$uid_a")" = 0000
check "... the first one's summary stays its own" grep -qF "$study_a" "$work/other/$uid_a.xml"
check "... the earlier summaries kept, the new one beside them" \
  test "$(ls "$work/other" | grep -c '\.xml$')" -eq 3
kill -TERM "$server"
wait "$server" 2>/dev/null

# --- 8. Hostile review 42, H42-3: a pseudonymised hook call claims the OUTDIR a plain serve found
# empty: serve checks the naming at every object and refuses to summarise into it (the sender
# retries; nothing of the object is written) instead of missing the exam's other result.
mkdir -p "$work/claimed"
check "serve on an empty directory starts" start_serve "$work/claimed.log" --out "$work/claimed"
printf 'a site secret of more than sixteen bytes\n' >"$work/claim.key"
"$mammocalc" hook --pseudonymize --pseudonym-key "$work/claim.key" --out "$work/claimed" "$b" \
  >/dev/null 2>&1
check "a plain object after a pseudonymised call claimed it: not success" \
  test "$(store_as "$a" "$comprehensive" "$uid_a")" != 0000
check "... said on the log, no plain summary written" \
  bash -c "grep -q 'was kept by calls with --pseudonymize' '$work/claimed.log' && ! test -e '$work/claimed/$uid_a.xml'"
kill -TERM "$server"
wait "$server" 2>/dev/null

# --- 9. Hostile review 54, H54-1: an earlier summary that cannot be amended (a full disk; here a
# file-size limit between the new summary's size and the amended one's) fails the object as out
# of resources, so the sender retries, never success with the earlier summary left benign.
mkdir -p "$work/amend"
first=samples/text-german.dcm
first_uid=$(dcmdump +P 0008,0018 "$first" | sed -n 's/.*\[\(.*\)\].*/\1/p')
cp samples/bir-no-calcification.dcm "$work/second.dcm"
dcmodify -nb -m "(0008,0018)=$first_uid" "$work/second.dcm" >/dev/null 2>&1
check "serve for the first report starts" start_serve "$work/amend-1.log" --out "$work/amend"
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$first" >/dev/null 2>&1
check "... the first report: success" test $? -eq 0 -a -s "$work/amend/$first_uid.xml"
kill -TERM "$server"
wait "$server" 2>/dev/null
printf '#!/usr/bin/env bash\ntrap "" XFSZ\nulimit -f 12\nexec "%s" "$@"\n' "$mammocalc" \
  >"$work/limited.sh"
chmod +x "$work/limited.sh"
unlimited=$mammocalc
mammocalc=$work/limited.sh
check "serve with a 12 KiB file-size limit starts" start_serve "$work/amend-2.log" --out "$work/amend"
mammocalc=$unlimited
storescu -v -aec MAMMOCALC 127.0.0.1 "$port" "$work/second.dcm" >"$work/amend-store.log" 2>&1
check "another report under its UID, the earlier summary not amendable: 0xA700" \
  grep -q "Received Store Response (Refused: OutOfResources)" "$work/amend-store.log"
check "... no summary of it written" test ! -e "$work/amend/$first_uid-2.xml"
kill -TERM "$server"
wait "$server" 2>/dev/null
check "serve with room again starts" start_serve "$work/amend-3.log" --out "$work/amend"
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/second.dcm" >/dev/null 2>&1
check "the sender's retry: success" test $? -eq 0 -a -s "$work/amend/$first_uid-2.xml"
check "... and the earlier summary says the exam has another result" \
  grep -q 'code="same-exam-conflict"' "$work/amend/$first_uid.xml"
kill -TERM "$server"
wait "$server" 2>/dev/null

# --- Hostile review 59, H59-2: under a file size limit (ulimit -f, systemd's LimitFSIZE=) an
# output over it killed serve (SIGXFSZ): every association dropped unanswered. Now that write
# fails as any other: 0xA700 with a line, and serve goes on. 12 KiB: the SR fits, its summary not.
mkdir -p "$work/fsize"
printf '#!/bin/bash\nulimit -f 12\nexec "%s" "$@"\n' "$(realpath "$mammocalc")" >"$work/fsize-limited"
chmod +x "$work/fsize-limited"
unlimited=$mammocalc
mammocalc=$work/fsize-limited
check "serve starts under a 12 KiB file size limit" start_serve "$work/fsize.log" --out "$work/fsize"
mammocalc=$unlimited
big_summary=samples/text-bilateral.dcm
basic_text=1.2.840.10008.5.1.4.1.1.88.11
status=$(store_as "$big_summary" "$basic_text" "$(uid_of "$big_summary")")
check "an SR whose summary is over the limit: 0xA700 (got $status)" test "$status" = A700
check "... said, naming the summary and the limit" grep -q "cannot write output (write: File too large)" "$work/fsize.log"
check "... serve goes on: the next SR succeeds" test "$(store_as "$a" "$comprehensive" "$uid_a")" = 0000
check "... no spool or temporary file left" bash -c "! ls -A '$work/fsize' | grep -q '^\.received\|\.tmp'"
kill -TERM "$server"
wait "$server"
check "... and stops with exit 0" test $? -eq 0

finish
