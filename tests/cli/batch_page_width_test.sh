#!/usr/bin/env bash
# A batch's index.html fits a 1200 px wide window (issue 19) even when its inputs have long paths:
# Debian's chromium, headless, lays the page out 1200 px wide and reports how wide it scrolls.
# The same page without its wrapping rule must not fit, so the measurement can fail.
# Run from the project root: batch_page_width_test.sh MAMMOCALC
set -u
mammocalc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium ]]; then
  echo "FAIL: chromium is needed: run tools/setup"
  exit 1
fi

# "SCROLL-WIDTH CLIENT-WIDTH" of the page FILE in a 1200 px window.
width_of() {
  sed 's|</body>|<script>document.title = "width " + document.documentElement.scrollWidth + " " + document.documentElement.clientWidth;</script></body>|' \
    "$1" >"$work/measured.html"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --hide-scrollbars --force-device-scale-factor=1 --window-size=1200,900 \
    --user-data-dir="$work/profile" --dump-dom "file://$work/measured.html" 2>"$work/chromium.log" |
    sed -n 's|.*<title>width \([0-9]*\) \([0-9]*\)</title>.*|\1 \2|p'
}

# A department's archive path: long folder names and a study folder named by its UID.
deep=$work/archive_of_the_breast_imaging_department_of_the_university_hospital/2026-12-02
deep+=/study_1.2.826.0.1.3680043.10.1363.118.1.received_from_the_pacs_at_night
mkdir -p "$deep"
cp samples/bir-overall-suspicious.dcm samples/text-bilateral.dcm "$deep/"
"$mammocalc" summarize -o "$work/batch" --html --quiet "$deep" samples/*.dcm 2>"$work/err"
status=$?
check "the batch with long paths exits 0 (got $status)" test "$status" -eq 0
check "index.html shows the long path in full" grep -qF "$deep/text-bilateral.dcm" "$work/batch/index.html"

read -r scroll client < <(width_of "$work/batch/index.html")
check "index.html fits 1200 px (scrolls ${scroll:-?} px wide in ${client:-?})" \
  test -n "${scroll:-}" -a "${scroll:-0}" -le 1200 -a "${client:-0}" -eq 1200
sed '/td\.path/d' "$work/batch/index.html" >"$work/unwrapped.html"
read -r scroll client < <(width_of "$work/unwrapped.html")
check "... which without its wrapping rule it does not (${scroll:-?} px)" \
  test -n "${scroll:-}" -a "${scroll:-0}" -gt 1200
finish
