#!/usr/bin/env bash
# `mammocalc serve` keeps the contract the README gives it (issue 15, item 4): it checks its
# output directory before listening, says "listening" only once the port is bound, rejects a
# wrong called AE title, accepts every storage SOP class, and answers every object it does not
# summarise with success and one "skipped" log line. Ports are chosen free at run time; every
# server is stopped by the test.
#   serve_contract_test.sh MAMMOCALC          (run from the project root)
set -u
source "$(dirname "${BASH_SOURCE[0]}")/serve_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
require_tools storescu echoscu dump2dcm dcmodify dcmcjpeg

# Starts `mammocalc serve ARGS...` on a free port (sets port, server): ready when it says
# "listening", and that line must mean the port answers at once (one echo, no retry).
start_serve() {
  local log=$1; shift
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    "$mammocalc" serve --port "$port" --aetitle MAMMOCALC "$@" >"$log" 2>&1 &
    server=$!
    pids+=("$server")
    for _ in $(seq 1 100); do
      if grep -q "listening on port $port" "$log"; then
        echoscu -to 5 -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1 && return 0
        echo "  'listening' was logged but the port did not answer"
        return 1
      fi
      kill -0 "$server" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server" 2>/dev/null
  done
  return 1
}
count_lines() {  # FILE TEXT: how many lines of FILE hold TEXT
  grep -cF -- "$2" "$1"
}

# --- 1. The output directory is checked before listening ---
port=$((20000 + RANDOM % 30000))
touch "$work/a-file"
timeout 20 "$mammocalc" serve --port "$port" --aetitle MAMMOCALC --out "$work/a-file/out" \
  >"$work/create.log" 2>&1
status=$?
check "an output directory that cannot be created: exit 3 (got $status)" test "$status" -eq 3
check "... one line: mammocalc: DIR: reason" \
  grep -qx "mammocalc: $work/a-file/out: output directory cannot be created (.*)" "$work/create.log"
check "... and nothing else" test "$(wc -l <"$work/create.log")" -eq 1
# A directory that exists but takes no file: as root, a kernel directory (root may write
# anywhere else); as another user, one without write permission.
if [[ $(id -u) -eq 0 ]]; then
  readonly_dir=/sys
else
  readonly_dir=$work/read-only
  mkdir -p "$readonly_dir" && chmod 555 "$readonly_dir"
fi
timeout 20 "$mammocalc" serve --port "$port" --aetitle MAMMOCALC --out "$readonly_dir" \
  >"$work/readonly.log" 2>&1
status=$?
check "an output directory that exists but cannot be written: exit 3 (got $status)" test "$status" -eq 3
check "... one line: mammocalc: DIR: output directory cannot be written (reason)" \
  grep -qx "mammocalc: $readonly_dir: output directory cannot be written (.*)" "$work/readonly.log"
check "... never 'listening'" bash -c "! grep -q listening '$work/readonly.log'"
check "... and nothing else" test "$(wc -l <"$work/readonly.log")" -eq 1

# --- 1b. What the evaluation reads is checked before listening, as summarize checks it: a
# missing or unreadable --annotations path or --site-profile is exit 1 with one line naming it
# (never a "listening" endpoint that then refuses every object). Bounded: a serve that starts
# anyway is stopped by `timeout` (exit 124). serve runs under the command in `serve_under`, if any.
serve_under=()
expect_start_refused() {  # NAME EXPECTED-LINE-REGEX SERVE-ARGS...
  local name=$1 line=$2
  shift 2
  timeout 5 "${serve_under[@]}" "$mammocalc" serve --port "$((20000 + RANDOM % 30000))" \
    --aetitle MAMMOCALC --out "$work/refused-out" "$@" >"$work/refused.log" 2>&1
  local status=$?
  check "$name: exit 1 (got $status)" test "$status" -eq 1
  check "$name: one line naming the path" grep -qxE "$line" "$work/refused.log"
  check "$name: never 'listening'" bash -c "! grep -q listening '$work/refused.log'"
  check "$name: and nothing else" test "$(wc -l <"$work/refused.log")" -eq 1
}
expect_start_refused "a missing --annotations file" "mammocalc: $work/no-such-annotations.xml: no such file" \
  --annotations "$work/no-such-annotations.xml"
expect_start_refused "a missing --annotations directory among good ones" \
  "mammocalc: $work/no-such-dir: no such file" --annotations samples --annotations "$work/no-such-dir"
echo "not xml" >"$work/broken-annotations.xml"
expect_start_refused "an --annotations file that is not valid" \
  "mammocalc: $work/broken-annotations.xml:.*" --annotations "$work/broken-annotations.xml"
# An unreadable file: mode 000. Root reads any file through its capabilities CAP_DAC_OVERRIDE and
# CAP_DAC_READ_SEARCH (CI runs as root), so there serve runs without them (setpriv drops them from
# its bounding and inheritable sets): the kernel then checks the file's mode for root as for
# anyone, as it does for the packaged service, which has no capabilities. Never skipped: a
# machine where the file cannot be made unreadable fails here.
cp samples/annotation-only.annotations.xml "$work/unreadable.xml"
chmod 000 "$work/unreadable.xml"
if [[ $(id -u) -eq 0 ]]; then
  serve_under=(setpriv --inh-caps=-dac_override,-dac_read_search
               --bounding-set=-dac_override,-dac_read_search --)
fi
"${serve_under[@]}" cat "$work/unreadable.xml" >/dev/null 2>&1
check "the mode-000 file cannot be read by serve's user here (root: without its DAC capabilities)" \
  test $? -ne 0
expect_start_refused "an unreadable --annotations file" "mammocalc: $work/unreadable.xml: cannot be opened.*" \
  --annotations "$work/unreadable.xml"
serve_under=()
expect_start_refused "a missing --site-profile" "mammocalc: $work/no-such-profile.xml: no such file" \
  --site-profile "$work/no-such-profile.xml"
"$mammocalc" serve --help >"$work/serve-help.txt"
check "serve --help documents exit status 1 for the site profile and the annotations" \
  grep -qE "^exit status: 0 stopped.*1 the site profile or an annotation" "$work/serve-help.txt"
# Annotations and a site profile that are fine: serve starts (--keep-received below).

# --- 2. "listening" only once the port is bound; a port in use is exit 4 ---
mkdir -p "$work/out"
check "serve starts, and answers as soon as it says 'listening'" \
  start_serve "$work/serve.log" --out "$work/out" --max-input-mb 1
check "... the listening line comes once" test "$(count_lines "$work/serve.log" "listening on port $port")" -eq 1
timeout 20 "$mammocalc" serve --port "$port" --aetitle MAMMOCALC --out "$work/busy-out" \
  >"$work/busy.log" 2>&1
status=$?
check "serve on a port in use exits 4 (got $status)" test "$status" -eq 4
check "... one line: mammocalc: port N: cannot serve (reason)" \
  grep -qx "mammocalc: port $port: cannot serve (.*)" "$work/busy.log"
check "... never 'listening'" bash -c "! grep -q listening '$work/busy.log'"
check "... and nothing else" test "$(wc -l <"$work/busy.log")" -eq 1

# --- 3. The called AE title is checked ---
echoscu -aec WRONG 127.0.0.1 "$port" >/dev/null 2>&1
check "echoscu to a wrong called AE title fails" test $? -ne 0
storescu -aet PACS1 -aec WRONGAE 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >"$work/wrong-ae.log" 2>&1
check "storescu to a wrong called AE title fails" test $? -ne 0
check "... rejected as 'called AE title not recognized'" grep -qi "called ae title not recognized" "$work/wrong-ae.log"
check "the rejection is logged naming the titles" \
  wait_for_log "$work/serve.log" "rejected an association from calling AE title 'PACS1' to called AE title 'WRONGAE' (this endpoint is 'MAMMOCALC', --aetitle)"
check "nothing is summarised from it" test -z "$(ls "$work/out")"
echoscu -aec MAMMOCALC 127.0.0.1 "$port" >/dev/null 2>&1
check "echoscu to the right called AE title succeeds" test $? -eq 0

# --- 4 and 5. Every storage class accepted; what is not summarised is skipped with success ---
# Objects made here (no patient data): a CT image, the same with 1.2 MB of pixel data (over
# --max-input-mb 1) and JPEG-compressed, an X-Ray Radiation Dose SR (88.67, the class refused
# before), a key object selection, a readable SR about something else, and mammocalc's own SR.
make_object() {  # NAME SOP-CLASS(keyword or UID) INSTANCE-UID [EXTRA-DUMP-LINES]
  local sop_class="=$2"
  [[ $2 == [0-9]* ]] && sop_class="[$2]"
  {
    echo "(0008,0016) UI $sop_class"
    echo "(0008,0018) UI [$3]"
    echo "(0020,000d) UI [1.2.826.0.1.3680043.10.1363.950.1]"
    printf '%s' "${4:-}"
  } >"$work/$1.dump"
  dump2dcm "$work/$1.dump" "$work/$1.dcm" >/dev/null 2>&1
}
sr_content='(0008,0060) CS [SR]
(0010,0010) PN [TEST^OTHER]
(0020,000e) UI [1.2.826.0.1.3680043.10.1363.950.8]
(0040,a040) CS [CONTAINER]
(0040,a043) SQ (Sequence with undefined length)
  (fffe,e000) na (Item with undefined length)
    (0008,0100) SH [113701]
    (0008,0102) SH [DCM]
    (0008,0104) LO [X-Ray Radiation Dose Report]
  (fffe,e00d) na (ItemDelimitationItem)
(fffe,e0dd) na (SequenceDelimitationItem)
(0040,a050) CS [SEPARATE]
(0040,a491) CS [COMPLETE]
(0040,a493) CS [UNVERIFIED]
'
pixels='(0028,0002) US 1
(0028,0004) CS [MONOCHROME2]
(0028,0010) US 32
(0028,0011) US 32
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
'
make_object ct CTImageStorage 1.2.826.0.1.3680043.10.1363.950.2 "$pixels"
head -c 1024 /dev/zero >"$work/pixels.raw"
dcmodify -nb -i "(7fe0,0010)=" -if "(7fe0,0010)=$work/pixels.raw" "$work/ct.dcm" >/dev/null 2>&1
dcmcjpeg +e1 "$work/ct.dcm" "$work/ct-jpeg.dcm" >/dev/null 2>&1
dcmodify -nb -m "(0008,0018)=1.2.826.0.1.3680043.10.1363.950.7" "$work/ct-jpeg.dcm" >/dev/null 2>&1
make_object ct-large CTImageStorage 1.2.826.0.1.3680043.10.1363.950.3
head -c 1200000 /dev/zero >"$work/large.raw"
dcmodify -nb -i "(7fe0,0010)=" -if "(7fe0,0010)=$work/large.raw" "$work/ct-large.dcm" >/dev/null 2>&1
make_object dose XRayRadiationDoseSRStorage 1.2.826.0.1.3680043.10.1363.950.4 "$sr_content"
make_object kos KeyObjectSelectionDocumentStorage 1.2.826.0.1.3680043.10.1363.950.5 "$sr_content"
make_object other-sr EnhancedSRStorage 1.2.826.0.1.3680043.10.1363.950.6 "$sr_content"
mkdir -p "$work/own"
"$mammocalc" summarize samples/bir-known-malignancy.dcm --dicom-out "$work/own" >/dev/null
own=$(ls "$work/own"/*.dcm)
own_uid=$(dcmdump +P 0008,0018 "$own" | sed -n 's/.*\[\(.*\)\].*/\1/p')  # not its file name (one per source)
check "the test objects exist" test -s "$work/ct-jpeg.dcm" -a -s "$work/ct-large.dcm" -a -s "$work/dose.dcm"
check "... the compressed one is JPEG" bash -c "dcmdump '$work/ct-jpeg.dcm' | grep -q '=JPEGLossless'"
check "... the large one is over 1 MiB" test "$(stat -c %s "$work/ct-large.dcm")" -gt 1048576

# Each on its own, proposing only its own class (storescu -R): success, one "skipped" line.
# storescu exits non-zero when a store fails or the association is refused.
expect_skipped() {  # NAME FILE UID REASON [STORESCU-OPTIONS, default -R]
  # shellcheck disable=SC2086
  storescu ${5:--R} -aec MAMMOCALC 127.0.0.1 "$port" "$2" >"$work/store-$1.log" 2>&1
  check "$1: storescu succeeds" test $? -eq 0
  check "$1: a log line 'received:$3: $4…'" wait_for_log "$work/serve.log" \
    "mammocalc serve: received:$3: $4"
  check "$1: ... exactly one" test "$(count_lines "$work/serve.log" "received:$3:")" -eq 1
  check "$1: ... ending in '; skipped'" \
    grep -qE "^mammocalc serve: received:$3: .*; skipped$" "$work/serve.log"
  check "$1: no summary" test ! -e "$work/out/$3.xml"
}
expect_skipped "CT image" "$work/ct.dcm" 1.2.826.0.1.3680043.10.1363.950.2 \
  "not a supported SR document (SOP Class 1.2.840.10008.5.1.4.1.1.2 (CTImageStorage))"
# (-xs: storescu proposes JPEG lossless too; it cannot convert the image to anything else)
expect_skipped "JPEG-compressed CT image" "$work/ct-jpeg.dcm" 1.2.826.0.1.3680043.10.1363.950.7 \
  "not a supported SR document" "-R -xs"
expect_skipped "image over --max-input-mb" "$work/ct-large.dcm" 1.2.826.0.1.3680043.10.1363.950.3 \
  "not a supported SR document"
expect_skipped "X-Ray Radiation Dose SR" "$work/dose.dcm" 1.2.826.0.1.3680043.10.1363.950.4 \
  "not a supported SR document (SOP Class 1.2.840.10008.5.1.4.1.1.88.67"
expect_skipped "key object selection" "$work/kos.dcm" 1.2.826.0.1.3680043.10.1363.950.5 \
  "not a supported SR document (SOP Class 1.2.840.10008.5.1.4.1.1.88.59"
expect_skipped "SR about something else" "$work/other-sr.dcm" 1.2.826.0.1.3680043.10.1363.950.6 \
  "not a breast imaging report"
# Hostile review 51, H51-3: a breast imaging report under a key object's or a dose report's class
# is a damaged report, as hook and summarize say: answered 0xC000 (storescu fails), never success
# with nothing written.
for class in 1.2.840.10008.5.1.4.1.1.88.59 1.2.840.10008.5.1.4.1.1.88.67; do
  # The Comprehensive SR class (…88.33) replaced in place, meta header and data set alike.
  python3 -c "import sys; b=open(sys.argv[1],'rb').read(); open(sys.argv[2],'wb').write(b.replace(b'1.2.840.10008.5.1.4.1.1.88.33', sys.argv[3].encode()))" \
    samples/bir-known-malignancy.dcm "$work/mislabelled.dcm" "$class"
  dcmodify -nb -m "(0008,0018)=1.2.826.0.1.3680043.10.1363.951.${class##*.}" \
    "$work/mislabelled.dcm" >/dev/null 2>&1
  storescu -R -aec MAMMOCALC 127.0.0.1 "$port" "$work/mislabelled.dcm" >/dev/null 2>&1
  check "a breast report under SOP Class $class: refused (storescu fails)" test $? -ne 0
  check "... the log says a damaged report" wait_for_log "$work/serve.log" \
    "received:1.2.826.0.1.3680043.10.1363.951.${class##*.}: a breast imaging report (root concept (111400, DCM)) under SOP Class $class"
  check "... nothing written of it" test ! -e "$work/out/1.2.826.0.1.3680043.10.1363.951.${class##*.}.xml"
done
expect_skipped "mammocalc's own SR" "$own" "$own_uid" "written by mammocalc (its own summary SR)"
# ... also "laundered": its equipment stripped or replaced on the way (a PACS or a router that
# rewrites Manufacturer and drops Contributing Equipment), under a UID of its own. Its content
# says whose it is.
cp "$own" "$work/laundered.dcm"
dcmodify -nb -ea "(0018,a001)" -m "(0008,0070)=PACS VENDOR" -m "(0008,0018)=$own_uid.9" \
  "$work/laundered.dcm" >/dev/null 2>&1
check "the laundered own SR names no mammocalc equipment" \
  bash -c "! dcmdump '$work/laundered.dcm' | grep -qE '^\(0008,0070\).*mammocalc|\(0018,a001\)'"
expect_skipped "mammocalc's own SR, laundered" "$work/laundered.dcm" "$own_uid.9" \
  "written by mammocalc (its own summary SR)"
# A storage class newer than the DCMTK installed (storescu proposes it only from a profile).
make_object future 1.2.840.10008.5.1.4.1.1.999.1 1.2.826.0.1.3680043.10.1363.950.9
cat >"$work/future.cfg" <<'CONFIG'
[[TransferSyntaxes]]
[Uncompressed]
TransferSyntax1 = LittleEndianExplicit
[[PresentationContexts]]
[Future]
PresentationContext1 = 1.2.840.10008.5.1.4.1.1.999.1\Uncompressed
[[Profiles]]
[Future]
PresentationContexts = Future
CONFIG
expect_skipped "a storage class DCMTK does not know" "$work/future.dcm" \
  1.2.826.0.1.3680043.10.1363.950.9 "not a supported SR document (SOP Class 1.2.840.10008.5.1.4.1.1.999.1)" \
  "-xf $work/future.cfg Future"
# Real mammography dose reports, where the shared corpus is at hand (tests/cli/corpus_test.sh).
corpus=${MAMMOCALC_CORPUS:-../shared/corpus}
for real in "$corpus"/openrem/MG-RDSR-Hologic_2D.dcm "$corpus"/openrem/MG-RDSR-Giotto-DBT.dcm; do
  [[ -f $real ]] || continue
  uid=$(dcmdump +P 0008,0018 "$real" | sed -n 's/.*\[\(.*\)\].*/\1/p')
  expect_skipped "$(basename "$real")" "$real" "$uid" \
    "not a supported SR document (SOP Class 1.2.840.10008.5.1.4.1.1.88.67"
done

# The breast SRs together with all of the above in one association (-R): the SRs summarised
# exactly as `summarize` does, the rest skipped, storescu sees no failure.
mkdir -p "$work/expected"
for sample in samples/*.dcm; do
  uid=$("$mammocalc" summarize "$sample" | sed -n 's/.*sopInstanceUid="\([0-9.]*\)".*/\1/p')
  "$mammocalc" summarize "$sample" | grep -v '<source ' >"$work/expected/$uid.xml"
done
mkdir -p "$work/mixed-out"
kill -TERM "$server"
wait "$server" 2>/dev/null
check "serve starts again" start_serve "$work/mixed.log" --out "$work/mixed-out"
storescu -R -xs -aec MAMMOCALC 127.0.0.1 "$port" samples/*.dcm "$work/ct.dcm" "$work/ct-jpeg.dcm" \
  "$work/dose.dcm" "$work/kos.dcm" "$work/other-sr.dcm" "$own" >"$work/mixed-store.log" 2>&1
check "a whole mixed study in one association: storescu succeeds" test $? -eq 0
expected_count=$(ls "$work/expected" | wc -l)
for _ in $(seq 1 200); do
  [[ $(ls "$work/mixed-out"/*.xml 2>/dev/null | wc -l) -ge $expected_count ]] && break
  sleep 0.1
done
differences=0
for expected in "$work/expected"/*.xml; do
  actual="$work/mixed-out/$(basename "$expected")"
  if [[ ! -f $actual ]] || ! diff -q "$expected" <(grep -v '<source ' "$actual") >/dev/null; then
    echo "  differs or missing: $(basename "$expected")"
    differences=$((differences + 1))
  fi
done
check "every breast SR summarised as summarize does" test "$differences" -eq 0
check "... and nothing else summarised" test "$(ls "$work/mixed-out"/*.xml | wc -l)" -eq "$expected_count"
check "one 'skipped' line per other object (6)" test "$(grep -c '; skipped$' "$work/mixed.log")" -eq 6
check "no failure logged" bash -c "! grep -vE 'listening|summarised to|; skipped$' '$work/mixed.log'"

# --- --keep-received: an SR whose SOP Instance UID is no valid UID (too long, bad characters,
# a path) is kept under a name of its own, inside OUTDIR, never over another kept object; its
# summary too. storescu checks nothing of the file's UID (an empty one it refuses to send).
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/keep-out"
bad_uids=("../escape" "1.2.$(printf "%070d" 1)" "not-a-uid!" "../escape")
# The two of one UID are different objects (another report): identical bytes are one object sent
# again, which keeps its name (below).
for i in "${!bad_uids[@]}"; do
  cp samples/bir-known-malignancy.dcm "$work/bad-uid-$i.dcm"
  [[ $i == 3 ]] && cp samples/bir-suspicious-vacuum-assisted.dcm "$work/bad-uid-$i.dcm"
  dcmodify -nb -m "(0008,0018)=${bad_uids[$i]}" "$work/bad-uid-$i.dcm" >/dev/null 2>&1
done
check "serve --keep-received starts (with a good annotation directory and site profile)" \
  start_serve "$work/keep.log" --out "$work/keep-out" --keep-received --annotations samples \
  --site-profile samples/bir-suspicious-stereotactic.site-profile.xml
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work"/bad-uid-{0,1,2,3}.dcm >"$work/keep-store.log" 2>&1
check "four SRs with invalid UIDs (two alike): storescu succeeds" test $? -eq 0
for _ in $(seq 1 100); do
  [[ $(ls "$work/keep-out"/*.xml 2>/dev/null | wc -l) -ge 4 ]] && break
  sleep 0.1
done
check "... each kept under a name of its own (4 files, got $(ls "$work/keep-out"/*.dcm 2>/dev/null | wc -l))" \
  test "$(ls "$work/keep-out"/*.dcm 2>/dev/null | wc -l)" -eq 4
check "... each summarised under a name of its own (4 summaries)" \
  test "$(ls "$work/keep-out"/*.xml 2>/dev/null | wc -l)" -eq 4
kept_uids=$(for kept in "$work/keep-out"/*.dcm; do dcmdump +L +P 0008,0018 "$kept" | sed -n 's/.*\[\(.*\)\].*/\1/p'; done | sort | tr '\n' '|')
expected_uids=$(printf '%s\n' "${bad_uids[@]}" | sort | tr '\n' '|')
check "... the kept files are the four objects sent" test "$kept_uids" = "$expected_uids"
check "... nothing written outside OUTDIR" test ! -e "$work/escape.dcm" -a ! -e "$work/escape.xml"
modes=$(stat -c %a "$work/keep-out"/*.dcm "$work/keep-out"/*.xml | sort -u)
check "... the kept copies have the summaries' mode (got $(echo $modes))" test "$(echo "$modes" | wc -l)" -eq 1
check "... no kept name holds the invalid UID" bash -c "! ls '$work/keep-out' | grep -qE 'escape|not-a-uid|^received\.'"
check "... the log names none of the invalid UIDs" bash -c "! grep -qE 'escape|not-a-uid|0000000001' '$work/keep.log'"
# Identical re-sends (the same bytes: a PACS retrying after a lost response, a re-send after
# downtime) keep the name the object has: summary and kept copy replaced, no new numbered name.
escape_name=received-$(printf '%s' ../escape | sha1sum | cut -c1-16)
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/bad-uid-0.dcm" "$work/bad-uid-0.dcm" \
  "$work/bad-uid-3.dcm" >"$work/keep-again.log" 2>&1
check "identical re-sends of SRs with an invalid UID: storescu succeeds" test $? -eq 0
check "... no new kept copy (still 4)" test "$(ls "$work/keep-out"/*.dcm | wc -l)" -eq 4
check "... no new summary (still 4)" test "$(ls "$work/keep-out"/*.xml | wc -l)" -eq 4
check "... each summarised to the name it had (3 lines for $escape_name.xml)" \
  test "$(grep -c "summarised to $escape_name.xml\(\$\|;\)" "$work/keep.log")" -eq 3
check "... the other object of that UID too (2 lines for $escape_name-2.xml)" \
  test "$(grep -c "summarised to $escape_name-2.xml\(\$\|;\)" "$work/keep.log")" -eq 2
# Hostile review 56, H56-2: two reports under one invalid UID are one exam's two results, as under
# a valid UID: each summary names the other and needs review.
needs_review() { grep -q '<exam [^>]*needsReview="true"' "$1"; }  # SUMMARY
names_other() {  # SUMMARY OTHER
  grep -q 'code="same-exam-conflict"' "$1" && grep -qF "summarised to $2," "$1"
}
check "... two reports under one invalid UID: the first summary needs review" \
  needs_review "$work/keep-out/$escape_name.xml"
check "... and names the other" names_other "$work/keep-out/$escape_name.xml" "$escape_name-2.xml"
check "... the second too" needs_review "$work/keep-out/$escape_name-2.xml"
check "... naming the first" names_other "$work/keep-out/$escape_name-2.xml" "$escape_name.xml"
check "... the log says so" grep -q \
  "summarised to $escape_name-2.xml; another result than an earlier received object" "$work/keep.log"
study_of() { dcmdump +P 0020,000d "$1" 2>/dev/null; }  # FILE: its Study Instance UID line
check "... the kept copies are still the objects sent under those names" \
  test -n "$(study_of "$work/bad-uid-0.dcm")" -a \
  "$(study_of "$work/keep-out/$escape_name.dcm")" = "$(study_of "$work/bad-uid-0.dcm")" -a \
  "$(study_of "$work/keep-out/$escape_name-2.dcm")" = "$(study_of "$work/bad-uid-3.dcm")"
# An SR that is skipped (about something else, answered with success) is kept as every SR is
# ("--keep-received also keeps each SR").
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/other-sr.dcm" >"$work/keep-skipped.log" 2>&1
check "a skipped SR with --keep-received: storescu succeeds" test $? -eq 0
check "... it is kept" test -s "$work/keep-out/1.2.826.0.1.3680043.10.1363.950.6.dcm"
check "... and not summarised" test ! -e "$work/keep-out/1.2.826.0.1.3680043.10.1363.950.6.xml"
# A skipped SR under the UID of a summarised one (a sender's UID clash) is not kept over its copy:
# the summary and the kept copy of a UID stay those of one object.
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-benign-coarse-vascular.dcm >/dev/null 2>&1
benign_uid=$(dcmdump +P 0008,0018 samples/bir-benign-coarse-vascular.dcm | sed -n 's/.*\[\(.*\)\].*/\1/p')
patient_of() { dcmdump +P 0010,0020 "$1" 2>/dev/null; }  # FILE: its Patient ID line
check "a summarised SR is kept" \
  test -n "$(patient_of samples/bir-benign-coarse-vascular.dcm)" -a \
  "$(patient_of "$work/keep-out/$benign_uid.dcm")" = "$(patient_of samples/bir-benign-coarse-vascular.dcm)"
dcmodify -nb -i "(0010,0020)=OTHER-PATIENT" "$work/other-sr.dcm" >/dev/null 2>&1
cp "$work/other-sr.dcm" "$work/other-sr-same-uid.dcm"
dcmodify -nb -m "(0008,0018)=$benign_uid" "$work/other-sr-same-uid.dcm" >/dev/null 2>&1
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/other-sr-same-uid.dcm" >/dev/null 2>&1
check "a skipped SR of that UID: storescu succeeds" test $? -eq 0
check "... the summarised SR's copy stays (its patient, not the skipped SR's)" \
  test "$(patient_of "$work/keep-out/$benign_uid.dcm")" = "$(patient_of samples/bir-benign-coarse-vascular.dcm)"
check "... beside its summary" test -s "$work/keep-out/$benign_uid.xml"
check "... the log says it was not kept" grep -q \
  "received:$benign_uid: .*; skipped, not kept: the kept copy of an earlier object of this UID stays" \
  "$work/keep.log"
# A copy that cannot be kept (its name taken by a directory) is no silent success: the sender
# hears out of resources (0xA700) and the log says why; no summary claims it.
kept_uid=$(dcmdump +P 0008,0018 samples/bir-known-malignancy.dcm | sed -n 's/.*\[\(.*\)\].*/\1/p')
mkdir -p "$work/keep-out/$kept_uid.dcm"
storescu -v -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >"$work/unkept-store.log" 2>&1
check "a copy that cannot be kept: the store fails as out of resources (0xA700)" \
  grep -q "Received Store Response (Refused: OutOfResources)" "$work/unkept-store.log"
check "... with a log line naming the copy" grep -q "$kept_uid.dcm: is a directory, not a file" "$work/keep.log"
check "... and no summary for it" test ! -e "$work/keep-out/$kept_uid.xml"
# Hostile review 59, H59-1: nor a line in the record of exams (the copy fails after the record is
# written), which made the exam's next report a conflict with a result never stored.
check "... nor a record of its exam" test ! -e "$work/keep-out/.mammocalc-exams/$kept_uid"
rmdir "$work/keep-out/$kept_uid.dcm"
cp samples/bir-suspicious-vacuum-assisted.dcm "$work/after-failure.dcm"
dcmodify -nb -m "(0008,0018)=$kept_uid" "$work/after-failure.dcm" >/dev/null 2>&1
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/after-failure.dcm" >/dev/null 2>&1
check "then another report under that UID: storescu succeeds" test $? -eq 0
check "... summarised as the exam's one result, naming no other" bash -c \
  "test -s '$work/keep-out/$kept_uid.xml' && ! grep -q same-exam-conflict '$work/keep-out/$kept_uid.xml'"
# A file under an object's kept-copy name that holds another object (a link to another kept copy),
# without --dicom-out: refused, said as such, not as a result SR's (hostile review 59, H59-4).
linked_uid=$(dcmdump +P 0008,0018 samples/bir-overall-suspicious.dcm | sed -n 's/.*\[\(.*\)\].*/\1/p')
ln -s "$benign_uid.dcm" "$work/keep-out/$linked_uid.dcm"
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-overall-suspicious.dcm >/dev/null 2>&1
check "a link to another object's kept copy at the kept name: refused, said as such" grep -qx \
  "mammocalc serve: received:$linked_uid: the name of its kept copy holds another object (another SOP Instance UID); refused, nothing written" \
  "$work/keep.log"
check "... the other object's copy untouched" \
  test "$(patient_of "$work/keep-out/$benign_uid.dcm")" = "$(patient_of samples/bir-benign-coarse-vascular.dcm)"
rm "$work/keep-out/$linked_uid.dcm"

# --- An invalid UID after a restart: numbered on past the names an earlier run left (without
# --keep-received only the summary is on disk), never over another object's summary ---
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/restart-out"
check "serve starts (no --keep-received)" start_serve "$work/restart-1.log" --out "$work/restart-out"
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/bad-uid-0.dcm" >/dev/null 2>&1
check "an SR with an invalid UID: summarised" test "$(ls "$work/restart-out"/*.xml | wc -l)" -eq 1
first_summary=$(ls "$work/restart-out"/*.xml)
cp "$first_summary" "$work/first-summary.xml"
kill -TERM "$server"
wait "$server" 2>/dev/null
check "serve starts again on the same directory" start_serve "$work/restart-2.log" --out "$work/restart-out"
cp samples/bir-suspicious-vacuum-assisted.dcm "$work/bad-uid-other.dcm"
dcmodify -nb -m "(0008,0018)=${bad_uids[0]}" "$work/bad-uid-other.dcm" >/dev/null 2>&1
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/bad-uid-other.dcm" >/dev/null 2>&1
check "another SR of the same invalid UID after the restart: a summary of its own (2 summaries)" \
  test "$(ls "$work/restart-out"/*.xml | wc -l)" -eq 2
check "... the new one numbered on" test -s "${first_summary%.xml}-2.xml"
# The record of exams tells it is the same exam's other result (H56-2): the earlier summary is
# amended to say so, and the new one says so.
check "... the earlier summary amended: it needs review" needs_review "$first_summary"
check "... naming the new one" names_other "$first_summary" "$(basename "${first_summary%.xml}")-2.xml"
check "... the new one needs review" needs_review "${first_summary%.xml}-2.xml"

# ... and an identical re-send after a restart keeps its name too, where the kept copy on disk
# shows it is the same object (--keep-received): no summary of it is added.
kill -TERM "$server"
wait "$server" 2>/dev/null
check "serve --keep-received starts again on the kept objects" start_serve "$work/keep-2.log" \
  --out "$work/keep-out" --keep-received
storescu -aec MAMMOCALC 127.0.0.1 "$port" "$work/bad-uid-0.dcm" >/dev/null 2>&1
check "an identical re-send after the restart: storescu succeeds" test $? -eq 0
wait_for_log "$work/keep-2.log" "$escape_name: summarised to"
check "... summarised to the name it had" \
  grep -q "^mammocalc serve: $escape_name: summarised to $escape_name.xml\(\$\|;\)" "$work/keep-2.log"
check "... no new kept copy or summary of an invalid UID (4 each)" \
  test "$(ls "$work/keep-out" | grep -c '^received-.*\.dcm$')" -eq 4 -a \
  "$(ls "$work/keep-out" | grep -c '^received-.*\.xml$')" -eq 4

# --- The output directory lost while serving (a full disk, an unmounted share): the sender is
# answered 0xA700 (out of resources, it retries) with a log line, never an aborted association;
# once the directory is back, the next store succeeds.
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/lost-out"
check "serve starts for the lost-directory case" start_serve "$work/lost.log" --out "$work/lost-out"
rm -rf "$work/lost-out"
storescu -v -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >"$work/lost-store.log" 2>&1
check "output directory gone: the store fails (storescu exits non-zero)" test $? -ne 0
check "... refused as out of resources (0xA700), not an abort" \
  grep -q "Received Store Response (Refused: OutOfResources)" "$work/lost-store.log"
check "... and one log line saying why" \
  test "$(count_lines "$work/lost.log" "answered out of resources")" -eq 1
mkdir -p "$work/lost-out"
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >"$work/back-store.log" 2>&1
check "directory back: the retry succeeds" test $? -eq 0

# --- The --annotations directory lost while serving (an unmounted share, a redeployment): a
# local fault that passes, answered 0xA700 so the sender retries (0xC000 would make it give up on
# the report), one line naming the object; once it is back, the next store succeeds.
kill -TERM "$server"
wait "$server" 2>/dev/null
mkdir -p "$work/ann-dir"
cp samples/bir-nonspecific-calcifications.ductal.annotations.xml "$work/ann-dir/"
check "serve starts with an annotation directory" start_serve "$work/ann-gone.log" \
  --out "$work/ann-out" --annotations "$work/ann-dir"
mv "$work/ann-dir" "$work/ann-dir.away"
storescu -v -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >"$work/ann-gone-store.log" 2>&1
check "annotation directory gone: refused as out of resources (0xA700)" \
  grep -q "Received Store Response (Refused: OutOfResources)" "$work/ann-gone-store.log"
check "... one log line naming the object and the directory" test "$(grep -c \
  "received:$kept_uid: --annotations $work/ann-dir: no longer a directory .*; answered out of resources" \
  "$work/ann-gone.log")" -eq 1
check "... and no summary" test ! -e "$work/ann-out/$kept_uid.xml"
mv "$work/ann-dir.away" "$work/ann-dir"
storescu -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >/dev/null 2>&1
check "annotation directory back: the retry succeeds" test $? -eq 0 -a -s "$work/ann-out/$kept_uid.xml"
# Another directory put in its place (a redeployment, or the empty mount point of an unmounted
# share) is not it: read, it would give "no annotations" and a clean summary (hostile review).
mv "$work/ann-dir" "$work/ann-dir.old"
mkdir "$work/ann-dir"
storescu -v -aec MAMMOCALC 127.0.0.1 "$port" samples/bir-known-malignancy.dcm >"$work/ann-other-store.log" 2>&1
check "another directory at the path: refused as out of resources (0xA700)" \
  grep -q "Received Store Response (Refused: OutOfResources)" "$work/ann-other-store.log"
check "... one log line saying it is not the directory of start-up" test "$(grep -c \
  "received:$kept_uid: --annotations $work/ann-dir: no longer the directory it was at start-up .*; answered out of resources" \
  "$work/ann-gone.log")" -eq 1

finish
