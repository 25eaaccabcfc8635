#!/usr/bin/env bash
# Hostile review 26 (H26-1, H26-2, H26-8): what a Breast Imaging Report finding holds besides the
# items the reader reads, through summarize and review. The SRs (tests/cli/coded_finding_items/,
# xml2dsr sources made from samples/bir-benign-coarse-vascular.dcm by the review) hold: fine
# pleomorphic and fine linear branching codes under "Associated morphology" and "Margins"; a
# finding coded as architectural distortion or focal asymmetry with benign calcifications; a fine
# pleomorphic type below the Clockface item; a NUM Assessment Category. Hostile review 28 (k*: the
# reviewer's Mammography CAD SRs, round and diffuse right cluster): a Finding item = distortion
# nested in the cluster; a Pathology whose cyst code is shown as "Malignant neoplasm of breast";
# a Differential Diagnosis on the CAD summary; a CAD mass with its own category 5. (h28_*, Breast
# Imaging Reports): a mass with a pathology or biopsy follow-up, an item at the root, a nested mass with
# calcifications, a finding of unknown code with its own category 5. Hostile review 32 (H32-4,
# the reviewer's CAD SRs, round and diffuse right cluster): its code a local one, its cluster code
# shown as "Mass with calcifications"; hostile review 30 (H30-9): a Breast Imaging Report finding
# coded Breast composition with round, diffuse calcifications.
#   coded_finding_items_test.sh MAMMOCALC       (run from the project root)
set -u
mammocalc=$1
data=tests/cli/coded_finding_items
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
command -v xml2dsr >/dev/null || { echo "FAIL: xml2dsr (Debian package dcmtk) is not installed"; exit 1; }

for source in "$data"/*.xml; do
  name=$(basename "$source" .xml)
  xml2dsr "$source" "$work/$name.dcm" >/dev/null 2>&1 || echo "FAIL: xml2dsr $name"
  "$mammocalc" summarize "$work/$name.dcm" >"$work/$name.xml" 2>/dev/null
  "$mammocalc" review --no-color "$work/$name.dcm" >"$work/$name.txt" 2>/dev/null
done
finding() { grep -o '<assessment [^>]*' "$work/$1.xml"; }
exam() { grep -o '<exam [^>]*' "$work/$1.xml"; }

# H26-1: round, grouped (3) with suspicious codes under concepts the tool does not read.
check "unread concepts: finding suspicious, needs review" \
  bash -c "grep -o '<assessment [^>]*' '$work/d_unkSCT_noverall.xml' | grep -q 'classification=\"suspicious\".*needsReview=\"true\"'"
check "unread concepts: C0 fired" grep -q '<rule id="C0"' "$work/d_unkSCT_noverall.xml"
check "unread concepts: the warning names position, concept and value" \
  grep -q 'code="unknown-code" position="1.3.2.2.4">item 1.3.2.2.4 (116676008, SCT, "Associated morphology") = (111344, DCM' \
  "$work/d_unkSCT_noverall.xml"
check "unread concepts: Margins named too" grep -q '(111037, DCM, "Margins")' "$work/d_unkSCT_noverall.xml"
check "unread concepts: review no longer says probably benign" \
  bash -c "! grep -q 'probably benign' '$work/d_unkSCT_noverall.txt'"

# H26-2: the finding code is kept and weighed.
check "distortion: 4A, suspicious" \
  bash -c "grep -o '<assessment [^>]*' '$work/l16_distortion_coarse_no_overall.xml' | grep -q 'category=\"4A\" classification=\"suspicious\"'"
check "distortion: C15 and W19 fired" \
  bash -c "grep -q '<rule id=\"C15\"' '$work/l16_distortion_coarse_no_overall.xml' && grep -q '<rule id=\"W19\"' '$work/l16_distortion_coarse_no_overall.xml'"
check "distortion: the review names the finding code" \
  grep -q '129792006, SCT, "Architectural distortion of' "$work/l16_distortion_coarse_no_overall.txt"
check "asymmetry: needs review" \
  bash -c "grep -o '<assessment [^>]*' '$work/l14_asymmetry_with_round.xml' | grep -q 'needsReview=\"true\"'"
check "asymmetry: the review names the finding code" \
  grep -q 'finding code is (129789007, SCT, "Focal asymmetric breast' "$work/l14_asymmetry_with_round.txt"

# H26-8: an item below another item of the finding is the finding's.
check "below the clock: 4B" \
  bash -c "grep -o '<assessment [^>]*' '$work/c18_fp_under_clock.xml' | grep -q 'category=\"4B\"'"
check "below the clock: the warning names the finding" \
  grep -q 'below (111014, DCM, "Clockface or region") 1.3.2.2.2 of the finding at 1.3.2.2' "$work/c18_fp_under_clock.xml"
check "below the clock: nothing says it is outside every finding" \
  bash -c "! grep -q 'outside every calcification finding' '$work/c18_fp_under_clock.xml'"
check "NUM assessment: said once, as a NUM item" \
  bash -c "[ \"\$(grep -c 'Assessment Category\")' '$work/f01_assess_num5.xml')\" = 1 ] && grep -q 'a NUM item, where its template has a CODE' '$work/f01_assess_num5.xml'"
check "NUM assessment: the exam is incomplete, needs review" \
  bash -c "grep -o '<exam [^>]*' '$work/f01_assess_num5.xml' | grep -q 'category=\"0\".*needsReview=\"true\"'"

# H28-3, H28-2, H28-1 (CAD).
check "CAD nested distortion: 4A, C15, W19, W10" \
  bash -c "finding=\$(grep -o '<assessment [^>]*' '$work/k71_cad_nested_finding_distortion.xml'); [[ \$finding == *'category=\"4A\"'*'needsReview=\"true\"'* ]] && grep -q '<rule id=\"C15\"' '$work/k71_cad_nested_finding_distortion.xml' && grep -q '<rule id=\"W19\"' '$work/k71_cad_nested_finding_distortion.xml' && grep -q '<rule id=\"W10\"' '$work/k71_cad_nested_finding_distortion.xml'"
check "CAD pathology meaning malignant: 6, C13, W17" \
  bash -c "grep -o '<assessment [^>]*' '$work/k73_cad_pathology_malig.xml' | grep -q 'category=\"6\"' && grep -q '<rule id=\"W17\"' '$work/k73_cad_pathology_malig.xml'"
check "CAD summary item: named, exam incomplete" \
  bash -c "grep -q 'item 1.3.1 (111023, DCM, \"Differential Diagnosis/Impression\")' '$work/k48_cad_summary_diffdiag_malig.xml' && grep -o '<exam [^>]*' '$work/k48_cad_summary_diffdiag_malig.xml' | grep -q 'category=\"0\".*needsReview=\"true\"'"
check "CAD mass category 5: the exam is 5, reviewed" \
  bash -c "grep -o '<exam [^>]*' '$work/k80_cad_mass_assess5_nocalc.xml' | grep -q 'category=\"5\".*needsReview=\"true\"'"
check "CAD mass category 5: the review's verdict shows the 5" grep -q 'Verdict: BI-RADS 5' "$work/k80_cad_mass_assess5_nocalc.txt"
# Hostile review 28 (xml2dsr sources of the review's m02, e15g, z10, n04, e15m): a right round,
# diffuse calcification finding (2) beside what the rules do not classify.
never_plain_benign() {
  check "$1: the exam needs review" bash -c "grep -o '<exam [^>]*' '$work/$1.xml' | grep -q 'needsReview=\"true\"'"
  check "$1: the right breast is not benign" \
    bash -c "grep -o '<breast [^>]*' '$work/$1.xml' | grep 'right' | grep -vq 'category=\"2\"'"
  check "$1: the review's verdict is not benign" bash -c "! grep -q 'Verdict: BI-RADS 2 benign' '$work/$1.txt'"
}
never_plain_benign h28_mass_pathology_meaning_malignant
check "H28-1 pathology: the exam is 6" \
  bash -c "grep -o '<exam [^>]*' '$work/h28_mass_pathology_meaning_malignant.xml' | grep -q 'category=\"6\"'"
check "H28-1 pathology: code-meaning-discordant" \
  grep -q 'code="code-meaning-discordant"' "$work/h28_mass_pathology_meaning_malignant.xml"
never_plain_benign h28_mass_follow_up_biopsy
check "H28-1 biopsy follow-up: E15 names it" \
  bash -c "grep '<warning code=\"assessment-discordant\" rule=\"E15\"' '$work/h28_mass_follow_up_biopsy.xml' | grep -q '111144'"
check "H28-2 root item: E8, named" \
  bash -c "grep -q '<rule id=\"E8\"' '$work/h28_root_associated_morphology.xml' && grep -q 'Associated morphology\") = (111344' '$work/h28_root_associated_morphology.xml'"
check "H28-2 root item: the exam is 0" \
  bash -c "grep -o '<exam [^>]*' '$work/h28_root_associated_morphology.xml' | grep -q 'category=\"0\"'"
check "H28-13 nested mass with calcifications: one finding, right, C11" \
  bash -c "[ \"\$(grep -c '<finding ' '$work/h28_nested_mass_with_calcifications.xml')\" = 1 ] && grep -q '<rule id=\"C11\"' '$work/h28_nested_mass_with_calcifications.xml' && ! grep -q 'laterality=\"unknown\"' '$work/h28_nested_mass_with_calcifications.xml'"
never_plain_benign h28_unknown_finding_category5
check "H28-15 unknown finding's 5: exam and breast 5" \
  bash -c "grep -o '<exam [^>]*' '$work/h28_unknown_finding_category5.xml' | grep -q 'category=\"5\"' && grep -o '<breast [^>]*' '$work/h28_unknown_finding_category5.xml' | grep -q 'category=\"5\"'"
# H32-4, H30-9: a calcification finding's code that cannot say what the calcifications are.
reviewed_not_benign() {
  check "$1: the finding needs review" \
    bash -c "grep -o '<assessment [^>]*' '$work/$1.xml' | grep -q 'needsReview=\"true\"'"
  check "$1: the exam needs review and is not 2" \
    bash -c "grep -o '<exam [^>]*' '$work/$1.xml' | grep 'needsReview=\"true\"' | grep -vq 'category=\"2\"'"
  check "$1: the review's verdict is not benign" bash -c "! grep -q 'Verdict: BI-RADS 2 benign' '$work/$1.txt'"
}
reviewed_not_benign h32_cad_local_finding_code
check "H32-4 CAD local finding code: unknown-code naming CID 6014" \
  grep -q 'code="unknown-code" position="1.3.1.2">finding code (XYZ1, 99LOCAL, "Suspicious cluster") is not in CID 6014' \
  "$work/h32_cad_local_finding_code.xml"
reviewed_not_benign h32_cad_cluster_meaning_mass
check "H32-4 CAD cluster shown as a mass with calcifications: C11, code-meaning-discordant" \
  bash -c "grep -q '<rule id=\"C11\"' '$work/h32_cad_cluster_meaning_mass.xml' && grep -q 'code=\"code-meaning-discordant\"' '$work/h32_cad_cluster_meaning_mass.xml'"
reviewed_not_benign h30_finding_code_composition
check "H30-9 Breast composition as finding code: unknown-code, W10" \
  bash -c "grep -q 'code=\"unknown-code\"[^>]*>finding code (129715009, SCT, \"Breast composition\")' '$work/h30_finding_code_composition.xml' && grep -q '<rule id=\"W10\"' '$work/h30_finding_code_composition.xml'"
finish
