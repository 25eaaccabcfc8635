#!/usr/bin/env bash
# A stand-in for mammocalc, for checking gold_score_test.sh itself (never a result): a batch writes
# the gold as a perfect reader would (gold_as_summaries.py); alone, the non-breast gold reports
# (non0*) are refused as the contract says, the others written alone as in the batch.
# FAKE_MUTATION=drop-suspicious|negated-finding|benign-suspicious makes it a faulty reader, which
# gold_score_test.sh must fail (gold_safety_test.sh fails drop-suspicious):
#   FAKE_MUTATION=drop-suspicious tests/narrative/gold_score_test.sh tests/narrative/fake_reader/gold_reader.sh
set -u
shift
dir= out=
while [[ $# -gt 0 ]]; do case $1 in -o) out=$2; shift 2 ;; --quiet) shift ;; *) dir=$1; shift ;; esac; done
if [[ -z $out ]]; then
  case $(basename "$dir") in
    non0*) echo "mammocalc: $dir: not a breast imaging report (fake)" >&2; exit 1 ;;
    *) tmp=$(mktemp -d)
       python3 "$(dirname "${BASH_SOURCE[0]}")/../gold/gold_as_summaries.py" "$tmp" ${FAKE_MUTATION:-} >/dev/null &&
         cat "$tmp/$(basename "$dir" .dcm).xml"
       status=$?; rm -rf "$tmp"; exit $status ;;
  esac
fi
python3 "$(dirname "${BASH_SOURCE[0]}")/../gold/gold_as_summaries.py" "$out" ${FAKE_MUTATION:-} || exit 1
sed -i "s|input=\"|input=\"$dir/|g" "$out/index.xml"
