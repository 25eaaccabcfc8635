#!/usr/bin/env bash
# The review page in a real browser: Debian's chromium renders it headless to PNG and the pixels
# must show each finding on the correct breast, at its clock angle and depth, in its colour.
# Two samples mirror each other, so no fixed layout can pass both. Run from the project root:
#   review_picture_test.sh MAMMOCALC PICTURE_PROBE
set -u
mammocalc=$1
probe=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium ]] || ! command -v pngtopnm >/dev/null; then
  echo "FAIL: chromium and pngtopnm (netpbm) are needed: run tools/setup"
  exit 1
fi

# Colours of the page (review_html.cpp): the nipple marks each breast's centre.
nipple="43 43 128"
suspicious="214 39 40"
benign="44 160 44"

render() {  # INPUT NAME: the page of INPUT as NAME.ppm
  "$mammocalc" review --html "$work/$2.html" "$1" >/dev/null
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --hide-scrollbars --force-device-scale-factor=1 --window-size=1280,900 \
    --user-data-dir="$work/profile" --screenshot="$work/$2.png" "file://$work/$2.html" \
    >"$work/chromium.log" 2>&1
  pngtopnm "$work/$2.png" >"$work/$2.ppm"
}

# "COUNT X Y" of the pixels of colour R G B within the box X0 Y0 X1 Y1.
find_colour() {  # NAME R G B X0 Y0 X1 Y1
  "$probe" "$work/$1.ppm" "${@:2}"
}

# Where a colour sits relative to a breast: "COUNT ANGLE DISTANCE", angle in degrees clockwise
# from 12 o'clock as seen facing the patient, distance as a fraction of the breast's radius.
around() {  # NAME R G B CENTRE-X CENTRE-Y RADIUS
  local name=$1 r=$2 g=$3 b=$4 cx=$5 cy=$6 radius=$7
  local half
  half=$(awk -v r="$radius" 'BEGIN { printf "%d", r * 1.2 }')
  read -r count x y < <(find_colour "$name" "$r" "$g" "$b" \
    "$(awk -v c="$cx" -v h="$half" 'BEGIN { printf "%d", c - h }')" \
    "$(awk -v c="$cy" -v h="$half" 'BEGIN { printf "%d", c - h }')" \
    "$(awk -v c="$cx" -v h="$half" 'BEGIN { printf "%d", c + h }')" \
    "$(awk -v c="$cy" -v h="$half" 'BEGIN { printf "%d", c + h }')")
  awk -v n="$count" -v x="$x" -v y="$y" -v cx="$cx" -v cy="$cy" -v r="$radius" 'BEGIN {
    a = atan2(x - cx, cy - y) * 180 / 3.14159265; if (a < 0) a += 360
    printf "%d %.0f %.2f\n", n, a, sqrt((x - cx)^2 + (y - cy)^2) / r }'
}

near() {  # VALUE EXPECTED TOLERANCE
  awk -v v="$1" -v e="$2" -v t="$3" 'BEGIN { d = v - e; if (d < 0) d = -d; exit !(d <= t) }'
}

angle_near() {  # ANGLE EXPECTED TOLERANCE (degrees, across 0/360)
  awk -v v="$1" -v e="$2" -v t="$3" 'BEGIN { d = v - e; while (d > 180) d -= 360
    while (d < -180) d += 360; if (d < 0) d = -d; exit !(d <= t) }'
}

# The breasts' centres: the nipple colour in each half of the image.
centres() {  # NAME → sets right_x right_y left_x left_y radius
  local count middle
  # Both nipples together first; their mean x separates the two breasts.
  read -r count middle _ < <(find_colour "$1" $nipple 0 0 100000 100000)
  middle=${middle%.*}
  read -r count right_x right_y < <(find_colour "$1" $nipple 0 0 "$middle" 100000)
  read -r count left_x left_y < <(find_colour "$1" $nipple "$middle" 0 100000 100000)
  # The centres are 400 units apart and the radius is 170 units (BreastDiagram).
  radius=$(awk -v a="$right_x" -v b="$left_x" 'BEGIN { printf "%.1f", (b - a) * 170 / 400 }')
}

# 1. Suspicious on the right breast at 10 o'clock, middle depth; benign on the left at 2 o'clock,
#    anterior.
render samples/bir-bilateral-right-suspicious.dcm bilateral
check "chromium rendered the page" test -s "$work/bilateral.png"
centres bilateral
check "the right breast is drawn on the viewer's left" awk -v a="$right_x" -v b="$left_x" 'BEGIN { exit !(a < b) }'
check "the diagram has its drawn size (radius $radius px)" near "$radius" 170 3
read -r count angle distance < <(around bilateral $suspicious "$right_x" "$right_y" "$radius")
check "suspicious marker on the right breast ($count px)" test "$count" -gt 150
check "suspicious marker at 10 o'clock (angle $angle, expected 300)" angle_near "$angle" 300 8
check "suspicious marker at middle depth (distance $distance R, expected 0.6)" near "$distance" 0.6 0.1
read -r count _ _ < <(around bilateral $suspicious "$left_x" "$left_y" "$radius")
check "no suspicious colour on the left breast ($count px)" test "$count" -lt 10
read -r count angle distance < <(around bilateral $benign "$left_x" "$left_y" "$radius")
check "benign marker on the left breast ($count px)" test "$count" -gt 150
check "benign marker at 2 o'clock (angle $angle, expected 60)" angle_near "$angle" 60 8
check "benign marker anterior (distance $distance R, expected 0.3)" near "$distance" 0.3 0.1
read -r count _ _ < <(around bilateral $benign "$right_x" "$right_y" "$radius")
check "no benign colour on the right breast ($count px)" test "$count" -lt 10

# 2. The mirror: suspicious on the left at 2 o'clock, posterior; benign on the right at 6 o'clock
#    with no depth (a dashed spoke, the number outside the breast).
render samples/annotation-only.annotations.xml mirror
centres mirror
read -r count angle distance < <(around mirror $suspicious "$left_x" "$left_y" "$radius")
check "mirror: suspicious marker on the left breast ($count px)" test "$count" -gt 150
check "mirror: suspicious at 2 o'clock (angle $angle, expected 60)" angle_near "$angle" 60 8
check "mirror: suspicious posterior (distance $distance R, expected 0.87)" near "$distance" 0.87 0.1
read -r count _ _ < <(around mirror $suspicious "$right_x" "$right_y" "$radius")
check "mirror: no suspicious colour on the right breast ($count px)" test "$count" -lt 10
read -r count angle distance < <(around mirror $benign "$right_x" "$right_y" "$radius")
check "mirror: benign on the right breast ($count px)" test "$count" -gt 150
check "mirror: benign at 6 o'clock (angle $angle, expected 180)" angle_near "$angle" 180 8
check "mirror: benign without depth drawn towards the rim (distance $distance R)" awk -v d="$distance" 'BEGIN { exit !(d > 0.75) }'

finish
