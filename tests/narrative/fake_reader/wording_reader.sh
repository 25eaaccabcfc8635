#!/usr/bin/env bash
# A stand-in for mammocalc, for checking wording_safety_test.sh itself (never a result): reads the
# one Findings TEXT of each SR (dsrdump) and answers as a correct reader would; FAKE_MUTATION makes
# it faulty, which the test must fail:
#   FAKE_MUTATION=benign-possible tests/narrative/wording_safety_test.sh tests/narrative/fake_reader/wording_reader.sh WORDINGS
# summarize DIR -o OUT [--quiet]; FAKE_MUTATION=benign-possible|negated-finding|right|drop-wording:WORD
set -u
dir= out=
shift  # summarize
while [[ $# -gt 0 ]]; do
  case $1 in -o) out=$2; shift 2 ;; --quiet) shift ;; *) dir=$1; shift ;; esac
done
mkdir -p "$out"
entries=
for dcm in "$dir"/*.dcm; do
  name=$(basename "$dcm" .dcm)
  text=$(dsrdump +Pl "$dcm" 2>/dev/null | grep -o "TEXT:(,,\"Finding\")=\"[^\"]*\"" | sed "s/.*=\"//; s/\"$//")
  esc=$(printf '%s' "$text" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
  finding() {
    printf '  <finding id="F1" laterality="%s" origin="narrative" position="1.1.1"><location/><site value="unknown" source="none"/><evidence change="unknown" ultrasoundVisible="unknown" palpable="unknown" massWithCalcifications="false"/><assessment category="4B" classification="%s" ruleCategory="4B" needsReview="true"/><trace/><text status="affirmed"><sentence position="1.1.1" section="findings" begin="0" end="9">%s</sentence></text></finding>\n' "$1" "$2" "$esc"
  }
  lat=left; [[ ${FAKE_MUTATION:-} == right ]] && lat=right
  {
    echo '<?xml version="1.0"?><mammocalcSummary xmlns="urn:mammocalc:summary:1" rulesetVersion="2026.2" toolVersion="fake"><notice>fake</notice>'
    status=affirmed
    case $text in
      No\ *) status=negated; [[ ${FAKE_MUTATION:-} == negated-finding ]] && finding "$lat" suspicious ;;
      Possible\ *) status=uncertain; if [[ ${FAKE_MUTATION:-} == benign-possible ]]; then finding "$lat" benign; else finding "$lat" indeterminate; fi ;;
      *) if [[ ${FAKE_MUTATION:-} == drop-wording:* && $text == *"${FAKE_MUTATION#drop-wording:}"* ]]; then :; else finding "$lat" suspicious; fi ;;
    esac
    echo '<exam categorySource="findings"/>'
    printf '<readText><mention status="%s" section="findings" laterality="left" position="1.1.1" begin="0" end="9">%s</mention></readText></mammocalcSummary>\n' "$status" "$esc"
  } >"$out/$name.xml"
  entries+="<entry input=\"$dcm\" status=\"summarised\" output=\"$name.xml\" findings=\"1\" needsReview=\"true\"/>"
done
echo "<?xml version=\"1.0\"?><mammocalcIndex xmlns=\"urn:mammocalc:index:1\" rulesetVersion=\"2026.2\" toolVersion=\"fake\" inputs=\"0\" summarised=\"0\" skipped=\"0\" failed=\"0\"><notice>fake</notice>$entries<rollup findings=\"0\" discordantAssessments=\"0\" needsRadiologistReview=\"0\"/></mammocalcIndex>" >"$out/index.xml"
