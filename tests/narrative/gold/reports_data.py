"""The gold reports and their hand-made expectations (issue 16). Read by make_gold.py.

F(laterality, morphology, distribution, site, change, mention_status, floor, clock, note)
M(section, status, finding_no ("1", "1,2" or "-"), mention phrase, exact sentence, note)
'a|b' = either value accepted; 'a;b' = both morphology terms expected.
"""
REPORTS = []

def F(lat, morph, dist="none", site="none", change="none", status="affirmed", floor="benign", clock="none", note=""):
    return (lat, morph, dist, site, change, status, floor, clock, note)

def M(section, status, finding, phrase, sentence, note=""):
    return (section, status, finding, phrase, sentence, note)

def report(name, cls, desc, content, findings, mentions, cat="none", fup="none", sop="basic", root="dx",
           layout="sections", breast="yes", body="BREAST", note="", onetext_in=None, lang=None):
    """lang: None (no Language item; English by default), or a language for the root's
    (121049, DCM) concept modifier: "de", "de-DE", ... (RFC5646) or a (value, scheme, meaning) tuple."""
    return dict(name=name, cls=cls, desc=desc, content=content, findings=findings, mentions=mentions,
                cat=cat, fup=fup, sop=sop, root=root, layout=layout, breast=breast, body=body,
                note=note, onetext_in=onetext_in, lang=lang)

def R(*args, **kwargs):
    REPORTS.append(report(*args, **kwargs))

# ======================================================================= suspicious
R("sus01_issue16_reproduction", "suspicious", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "RIGHT BREAST: There are fine pleomorphic calcifications in a segmental distribution at 10 o'clock, middle depth, spanning 3 cm. No associated mass."),
    ("impression", "BI-RADS 4C: Suspicious calcifications, right breast. Stereotactic biopsy is recommended."),
], [F("right", "fine-pleomorphic", "segmental", "none", "none", "affirmed", "suspicious", "10",
      "the reproduction of issue 16; C7 4C (segmental), S3 ductal inferred (not stated: site none)")],
[M("findings", "affirmed", "1", "fine pleomorphic calcifications", "There are fine pleomorphic calcifications in a segmental distribution at 10 o'clock, middle depth, spanning 3 cm."),
 M("impression", "affirmed", "1", "Suspicious calcifications", "BI-RADS 4C: Suspicious calcifications, right breast.",
   "'suspicious' is an assessment, not uncertainty (narrative.md §3); restates finding 1 (§6.2)")],
cat="4C|right=4C", fup="stereotactic-biopsy", note="issue 16 acceptance case; the category sentence names the right breast, so an overall or a right-breast 4C is accepted")

R("sus02_flb_linear_left_onetext", "suspicious", "MAMMO DIAGNOSTIC BILATERAL",
  "EXAM: MAMMO DIAGNOSTIC BILATERAL WITH SPOT MAGNIFICATION VIEWS\n"
  "CLINICAL INFORMATION: 58-year-old woman recalled from screening.\n"
  "COMPARISON: 03/14/2024.\n"
  "BREAST COMPOSITION: The breasts are heterogeneously dense, which may obscure small masses.\n"
  "FINDINGS:\n"
  "RIGHT BREAST: No suspicious mass, calcification or architectural distortion.\n"
  "LEFT BREAST: Magnification views confirm fine linear branching calcifications in a linear distribution in the upper outer quadrant at 2 o'clock, posterior depth, 6 cm from the nipple, extending over 15 mm. These are new since 2024.\n"
  "IMPRESSION:\n"
  "LEFT BREAST: New fine linear branching calcifications, highly suggestive of malignancy. BI-RADS 5.\n"
  "RIGHT BREAST: Negative. BI-RADS 1.\n"
  "RECOMMENDATION: Stereotactic vacuum-assisted biopsy of the left breast calcifications.",
[F("left", "fine-linear-branching", "linear", "none", "new", "affirmed", "suspicious", "2",
   "change 'new' comes from the impression sentence that restates the finding (§6.2: one finding)")],
[M("findings", "negated", "-", "calcification", "No suspicious mass, calcification or architectural distortion.", "list under 'No' (narrative.md §3)"),
 M("findings", "affirmed", "1", "fine linear branching calcifications", "Magnification views confirm fine linear branching calcifications in a linear distribution in the upper outer quadrant at 2 o'clock, posterior depth, 6 cm from the nipple, extending over 15 mm.", "laterality from heading LEFT BREAST: (§6.2)"),
 M("impression", "affirmed", "1", "New fine linear branching calcifications", "New fine linear branching calcifications, highly suggestive of malignancy."),
 M("recommendation", "affirmed", "1", "left breast calcifications", "Stereotactic vacuum-assisted biopsy of the left breast calcifications.", "recommendation points at finding 1 (narrative.md §3 last bullet)")],
cat="right=1;left=5", fup="vacuum-assisted-biopsy", layout="onetext", note="one text item, per-breast headings in findings and impression")

R("sus03_amorphous_grouped_caps", "suspicious", "MAMMOGRAM DIAGNOSTIC LEFT",
  "MAMMOGRAM DIAGNOSTIC LEFT\n"
  "HISTORY: CALLBACK FROM SCREENING FOR LEFT BREAST CALCS.\n"
  "FINDINGS: THERE ARE SCATTERED AREAS OF FIBROGLANDULAR DENSITY. SPOT MAGNIFICATION VIEWS OF THE LEFT BREAST DEMONSTRATE A GROUP OF AMORPHOUS CALCIFICATIONS IN THE UPPER INNER QUADRANT AT 11:00, ANTERIOR DEPTH, MEASURING 6 MM. NO ASSOCIATED MASS OR DISTORTION.\n"
  "IMPRESSION: GROUPED AMORPHOUS CALCIFICATIONS LEFT BREAST 11:00. BI-RADS 4B. STEREOTACTIC BIOPSY RECOMMENDED.",
[F("left", "amorphous", "grouped", "none", "none", "affirmed", "suspicious", "11", "C5 4B; 'scattered areas of fibroglandular density' is composition, not a distribution (narrative.md §2)")],
[M("history", "historical", "-", "CALCS", "CALLBACK FROM SCREENING FOR LEFT BREAST CALCS.", "History section: historical unless new/increased (narrative.md §1); the same calcifications are affirmed in FINDINGS"),
 M("findings", "affirmed", "1", "AMORPHOUS CALCIFICATIONS", "SPOT MAGNIFICATION VIEWS OF THE LEFT BREAST DEMONSTRATE A GROUP OF AMORPHOUS CALCIFICATIONS IN THE UPPER INNER QUADRANT AT 11:00, ANTERIOR DEPTH, MEASURING 6 MM."),
 M("impression", "affirmed", "1", "GROUPED AMORPHOUS CALCIFICATIONS", "GROUPED AMORPHOUS CALCIFICATIONS LEFT BREAST 11:00.")],
cat="4B", fup="stereotactic-biopsy", layout="onetext", note="all capitals")

R("sus04_coarse_heterogeneous_enhanced", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "The breasts are heterogeneously dense. In the right breast at 7 o'clock, posterior depth, there are coarse heterogeneous calcifications in a grouped distribution spanning 8 mm. The left breast is unremarkable."),
    ("impression", "Coarse heterogeneous calcifications in the right breast. BI-RADS 4B."),
    ("recommendation", "Stereotactic biopsy is recommended."),
], [F("right", "coarse-heterogeneous", "grouped", "none", "none", "affirmed", "suspicious", "7", "C6 4B; 'heterogeneously dense' is composition (narrative.md §2)")],
[M("findings", "affirmed", "1", "coarse heterogeneous calcifications", "In the right breast at 7 o'clock, posterior depth, there are coarse heterogeneous calcifications in a grouped distribution spanning 8 mm."),
 M("impression", "affirmed", "1", "Coarse heterogeneous calcifications", "Coarse heterogeneous calcifications in the right breast.")],
cat="4B", fup="stereotactic-biopsy", sop="enhanced", root="bir", note="TID 4200 root with TID 4202 narrative only")

R("sus05_pleomorphic_cluster_abbreviations", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "LT breast: cluster of pleomorphic microcalcs at 3:00, 4 cm FN, approx. 5 mm.\nRT breast: stable vascular calcs."),
    ("impression", "Pleomorphic microcalcs LT breast 3:00, BIRADS 4b. Recommend stereotactic bx."),
], [F("left", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "3", "'pleomorphic' = fine-pleomorphic, 'cluster' = grouped (narrative.md §2)"),
    F("right", "vascular", "none", "none", "stable", "affirmed", "benign", "none", "C1 2")],
[M("findings", "affirmed", "1", "pleomorphic microcalcs", "cluster of pleomorphic microcalcs at 3:00, 4 cm FN, approx. 5 mm.", "laterality from 'LT breast:' heading"),
 M("findings", "affirmed", "2", "vascular calcs", "stable vascular calcs.", "laterality from 'RT breast:' heading"),
 M("impression", "affirmed", "1", "Pleomorphic microcalcs", "Pleomorphic microcalcs LT breast 3:00, BIRADS 4b.")],
cat="4B|left=4B", fup="stereotactic-biopsy", note="abbreviations: LT/RT, microcalcs, calcs, FN, approx., BIRADS 4b, bx")

R("sus06_fine_linear_intraductal", "suspicious", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "Left breast: There are fine linear calcifications at 6 o'clock, middle third, 5 cm from the nipple, in a linear arrangement spanning 12 mm, consistent with an intraductal process."),
    ("impression", "Fine linear calcifications left breast 6 o'clock, BI-RADS 5."),
    ("recommendation", "Recommend stereotactic vacuum-assisted biopsy."),
], [F("left", "fine-linear", "linear", "ductal", "none", "affirmed", "suspicious", "6", "C8 5 (linear distribution); 'intraductal' states the site (narrative.md §2, decision-logic §6.7)")],
[M("findings", "affirmed", "1", "fine linear calcifications", "There are fine linear calcifications at 6 o'clock, middle third, 5 cm from the nipple, in a linear arrangement spanning 12 mm, consistent with an intraductal process."),
 M("impression", "affirmed", "1", "Fine linear calcifications", "Fine linear calcifications left breast 6 o'clock, BI-RADS 5.")],
cat="5|left=5", fup="vacuum-assisted-biopsy", note="category in a sentence naming the left breast: overall or left accepted")

R("sus07_segmental_no_morphology_in_ducts", "suspicious", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "RIGHT BREAST: Calcifications in a segmental distribution are seen in the retroareolar region, in the ducts extending toward the nipple. Their individual forms are too small to characterise."),
    ("impression", "Segmental calcifications in the right breast, suspicious. BI RADS 4."),
    ("recommendation", "Stereotactic biopsy is recommended."),
], [F("right", "none", "segmental", "ductal", "none", "affirmed", "suspicious", "none",
      "no morphology; segmental + ductal: C9 >=4A, C10 >=4B")],
[M("findings", "affirmed", "1", "Calcifications", "Calcifications in a segmental distribution are seen in the retroareolar region, in the ducts extending toward the nipple.", "'in the ducts' = ductal site (narrative.md §2)"),
 M("impression", "affirmed", "1", "Segmental calcifications", "Segmental calcifications in the right breast, suspicious.")],
cat="4", fup="stereotactic-biopsy")

R("sus08_right_suspicious_left_benign", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "RIGHT BREAST: Grouped fine pleomorphic calcifications at 9:00, middle depth, measuring 7 mm.\nLEFT BREAST: Scattered punctate calcifications, unchanged."),
    ("impression", "Right breast: BI-RADS 4B. Suspicious grouped calcifications, stereotactic biopsy recommended. Left breast: BI-RADS 2. Benign calcifications."),
], [F("right", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "9", "C7 4B"),
    F("left", "punctate", "diffuse", "none", "stable", "affirmed", "benign", "none", "punctate diffuse: C1 2 (C3 needs grouped)")],
[M("findings", "affirmed", "1", "Grouped fine pleomorphic calcifications", "Grouped fine pleomorphic calcifications at 9:00, middle depth, measuring 7 mm."),
 M("findings", "affirmed", "2", "Scattered punctate calcifications", "Scattered punctate calcifications, unchanged."),
 M("impression", "affirmed", "1", "Suspicious grouped calcifications", "Suspicious grouped calcifications, stereotactic biopsy recommended."),
 M("impression", "affirmed", "2", "Benign calcifications", "Benign calcifications.", "inline heading 'Left breast:' before it")],
cat="right=4B;left=2", fup="stereotactic-biopsy", note="per-breast categories in the impression (E6)")

R("sus09_new_punctate_group_prior", "suspicious", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "Compared with the prior mammogram of 2025-01-10, there is a new group of punctate calcifications in the left breast at 1 o'clock, anterior depth."),
    ("impression", "New grouped punctate calcifications, left breast. BI-RADS 4A. Stereotactic biopsy is recommended."),
], [F("left", "punctate", "grouped", "none", "new", "affirmed", "suspicious", "1", "C4 4A (grouped punctate, new)")],
[M("findings", "affirmed", "1", "group of punctate calcifications", "Compared with the prior mammogram of 2025-01-10, there is a new group of punctate calcifications in the left breast at 1 o'clock, anterior depth.", "'prior' is historical unless the clause says new: it does (narrative.md §3)"),
 M("impression", "affirmed", "1", "New grouped punctate calcifications", "New grouped punctate calcifications, left breast.")],
cat="4A", fup="stereotactic-biopsy")

R("sus10_round_in_a_line_increased", "suspicious", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "There are round calcifications arranged in a line in the right breast at 12 o'clock, increased in number since the prior study."),
    ("impression", "BI-RADS 4A."),
    ("recommendation", "Stereotactic core biopsy of the right breast calcifications is recommended."),
], [F("right", "round", "linear", "none", "increased", "affirmed", "suspicious", "12", "'in a line' = linear (narrative.md §2); C4 4A (round in linear distribution)")],
[M("findings", "affirmed", "1", "round calcifications", "There are round calcifications arranged in a line in the right breast at 12 o'clock, increased in number since the prior study.", "'prior' with 'increased' stays current (narrative.md §3)"),
 M("recommendation", "affirmed", "1", "right breast calcifications", "Stereotactic core biopsy of the right breast calcifications is recommended.")],
cat="4A", fup="stereotactic-biopsy")

R("sus11_casting_segment_caps", "suspicious", "MAMMO DIAGNOSTIC BILATERAL",
  "BILATERAL DIAGNOSTIC MAMMOGRAM\n"
  "INDICATION: PALPABLE THICKENING RIGHT BREAST.\n"
  "FINDINGS: EXTREMELY DENSE BREASTS.\n"
  "RIGHT BREAST: CASTING CALCIFICATIONS IN A SEGMENT OF THE UPPER OUTER QUADRANT FROM 10:30 TOWARD THE NIPPLE, SPANNING 5 CM.\n"
  "LEFT BREAST: NO SUSPICIOUS FINDINGS.\n"
  "IMPRESSION: HIGHLY SUSPICIOUS RIGHT BREAST CALCIFICATIONS. ACR BI-RADS 5.\n"
  "RECOMMENDATION: ULTRASOUND OF THE RIGHT BREAST AND STEREOTACTIC BIOPSY.",
[F("right", "fine-linear-branching", "segmental", "none", "none", "affirmed", "suspicious", "10", "'casting' = fine-linear-branching, 'in a segment' = segmental; 10:30 -> clock 10 (narrative.md §2); C8 5")],
[M("findings", "affirmed", "1", "CASTING CALCIFICATIONS", "CASTING CALCIFICATIONS IN A SEGMENT OF THE UPPER OUTER QUADRANT FROM 10:30 TOWARD THE NIPPLE, SPANNING 5 CM."),
 M("impression", "affirmed", "1", "RIGHT BREAST CALCIFICATIONS", "HIGHLY SUSPICIOUS RIGHT BREAST CALCIFICATIONS.")],
cat="5", fup="stereotactic-biopsy", layout="onetext", onetext_in="findings", note="all capitals; one text item inside a Findings container")

R("sus12_negation_scope_however", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "The breasts are almost entirely fatty. No suspicious masses or architectural distortion are seen in either breast; however, there are new grouped amorphous calcifications in the left upper outer quadrant at 2 o'clock."),
    ("impression", "New grouped amorphous calcifications in the left breast. BI-RADS 4B."),
    ("recommendation", "Recommend stereotactic vacuum-assisted biopsy."),
], [F("left", "amorphous", "grouped", "none", "new", "affirmed", "suspicious", "2", "C5 4B")],
[M("findings", "affirmed", "1", "new grouped amorphous calcifications", "No suspicious masses or architectural distortion are seen in either breast; however, there are new grouped amorphous calcifications in the left upper outer quadrant at 2 o'clock.", "negation scope ends at ';' and 'however' (narrative.md §3)"),
 M("impression", "affirmed", "1", "New grouped amorphous calcifications", "New grouped amorphous calcifications in the left breast.")],
cat="4B", fup="vacuum-assisted-biopsy")

R("sus13_negation_scope_but_heading", "suspicious", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "RIGHT BREAST: No mass or distortion, but fine pleomorphic calcifications are clustered at 8:00, posterior depth, over 4 mm."),
    ("impression", "BI-RADS 4B: clustered fine pleomorphic calcifications right breast. Stereotactic biopsy."),
], [F("right", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "8", "'clustered' = grouped")],
[M("findings", "affirmed", "1", "fine pleomorphic calcifications", "No mass or distortion, but fine pleomorphic calcifications are clustered at 8:00, posterior depth, over 4 mm.", "scope of 'No' ends at 'but' (narrative.md §3); laterality from heading"),
 M("impression", "affirmed", "1", "clustered fine pleomorphic calcifications", "BI-RADS 4B: clustered fine pleomorphic calcifications right breast.")],
cat="4B|right=4B", fup="stereotactic-biopsy", note="category in a sentence naming the right breast: overall or right accepted")

R("sus14_mass_with_calcifications_us", "suspicious", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "Left breast: An irregular mass with associated fine pleomorphic calcifications at 4 o'clock, 3 cm from the nipple, correlating with a hypoechoic mass on ultrasound."),
    ("impression", "Irregular mass with calcifications in the left breast at 4 o'clock. BI-RADS 5."),
    ("recommendation", "Ultrasound-guided core biopsy of the left breast mass with calcifications is recommended."),
], [F("left", "fine-pleomorphic", "none|within-mass", "none", "none", "affirmed", "suspicious", "4",
      "mass with calcifications is an associated fact (narrative.md §2), C11 >=4A; distribution within-mass accepted (decision-logic §1)")],
[M("findings", "affirmed", "1", "fine pleomorphic calcifications", "An irregular mass with associated fine pleomorphic calcifications at 4 o'clock, 3 cm from the nipple, correlating with a hypoechoic mass on ultrasound."),
 M("impression", "affirmed", "1", "mass with calcifications", "Irregular mass with calcifications in the left breast at 4 o'clock."),
 M("recommendation", "affirmed", "1", "mass with calcifications", "Ultrasound-guided core biopsy of the left breast mass with calcifications is recommended.")],
cat="5", fup="ultrasound-guided-core-biopsy")

R("sus15_granular_regional_microcalcifications", "suspicious", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "Scattered fibroglandular densities.\nLeft breast: Regionally distributed granular microcalcifications are present in the lower inner quadrant, spanning 3.5 cm."),
    ("impression", "Left breast granular microcalcifications, BI-RADS 4B. Stereotactic biopsy is recommended."),
], [F("left", "fine-pleomorphic", "regional", "none", "none", "affirmed", "suspicious", "none", "'granular' = fine-pleomorphic (4th edition, narrative.md §2); C7 4B")],
[M("findings", "affirmed", "1", "granular microcalcifications", "Regionally distributed granular microcalcifications are present in the lower inner quadrant, spanning 3.5 cm."),
 M("impression", "affirmed", "1", "granular microcalcifications", "Left breast granular microcalcifications, BI-RADS 4B.")],
cat="4B", fup="stereotactic-biopsy", note="'Scattered fibroglandular densities' is composition, not a distribution")

R("sus16_enhanced_per_breast_items", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", ["Right breast: Scattered vascular calcifications.",
                  "Left breast: Linear calcifications at 5 o'clock extending toward the nipple over 2 cm."]),
    ("impression", ["Left breast: linear calcifications, BI-RADS 4C. Recommend stereotactic biopsy.",
                    "Right breast: benign vascular calcifications, BI-RADS 2."]),
], [F("right", "vascular", "diffuse", "none", "none", "affirmed", "benign", "none", "'scattered' of calcifications = diffuse; C1 2"),
    F("left", "fine-linear", "none|linear", "none", "none", "affirmed", "suspicious", "5",
      "'Linear calcifications' without 'fine'/'distribution': read as the more suspicious of the two (narrative.md §2) = fine-linear (C8 4C); linear distribution also accepted")],
[M("findings", "affirmed", "1", "Scattered vascular calcifications", "Scattered vascular calcifications."),
 M("findings", "affirmed", "2", "Linear calcifications", "Linear calcifications at 5 o'clock extending toward the nipple over 2 cm."),
 M("impression", "affirmed", "2", "linear calcifications", "linear calcifications, BI-RADS 4C."),
 M("impression", "affirmed", "1", "benign vascular calcifications", "benign vascular calcifications, BI-RADS 2.")],
cat="right=2;left=4C", fup="stereotactic-biopsy", sop="enhanced", root="bir", note="one TEXT item per breast")

R("sus17_dcis_history_new_pleomorphic", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("history", "Left lumpectomy and radiation for ductal carcinoma in situ in 2020."),
    ("findings", "LEFT BREAST: Post-surgical changes with dystrophic calcifications at the lumpectomy site, stable. New fine pleomorphic calcifications are seen adjacent to the lumpectomy site at 3 o'clock, suspicious for recurrence.\nRIGHT BREAST: No suspicious findings."),
    ("impression", "New fine pleomorphic calcifications near the left lumpectomy site. BI-RADS 4C."),
    ("recommendation", "Stereotactic biopsy is recommended."),
], [F("left", "dystrophic", "none", "none", "stable", "affirmed", "benign", "none", "'post-surgical' is a dystrophic wording, not a historical trigger (narrative.md §2/§3); a described group of its own, not merged with finding 2 (issue 16 item 6)"),
    F("left", "fine-pleomorphic", "none", "none", "new", "affirmed", "suspicious", "3", "C7 4B; 'ductal carcinoma' in the history is not a site (narrative.md §2)")],
[M("findings", "affirmed", "1", "dystrophic calcifications", "Post-surgical changes with dystrophic calcifications at the lumpectomy site, stable."),
 M("findings", "affirmed", "2", "New fine pleomorphic calcifications", "New fine pleomorphic calcifications are seen adjacent to the lumpectomy site at 3 o'clock, suspicious for recurrence."),
 M("impression", "affirmed", "2", "New fine pleomorphic calcifications", "New fine pleomorphic calcifications near the left lumpectomy site.")],
cat="4C", fup="stereotactic-biopsy")

R("sus18_heterogeneous_trap", "suspicious", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "The breasts are heterogeneously dense. Heterogeneous calcifications are grouped in the right breast at 6:00, measuring 9 mm."),
    ("impression", "Grouped heterogeneous calcifications in the right breast. BI-RADS 4B. Stereotactic biopsy is recommended."),
], [F("right", "coarse-heterogeneous", "grouped", "none", "none", "affirmed", "suspicious", "6",
      "'heterogeneous' qualifying the calcifications = coarse-heterogeneous, 'heterogeneously dense' is composition (narrative.md §2)")],
[M("findings", "affirmed", "1", "Heterogeneous calcifications", "Heterogeneous calcifications are grouped in the right breast at 6:00, measuring 9 mm."),
 M("impression", "affirmed", "1", "Grouped heterogeneous calcifications", "Grouped heterogeneous calcifications in the right breast.")],
cat="4B", fup="stereotactic-biopsy")

R("sus19_bilateral_pleomorphic", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "There are grouped fine pleomorphic calcifications in both breasts: in the right breast at 10 o'clock and in the left breast at 2 o'clock."),
    ("impression", "Right breast: BI-RADS 4B. Left breast: BI-RADS 4B. Stereotactic biopsy of both groups of calcifications is recommended."),
], [F("right", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "10", "'both breasts' gives one finding per breast (issue 16 item 6)"),
    F("left", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "2")],
[M("findings", "affirmed", "1,2", "grouped fine pleomorphic calcifications", "There are grouped fine pleomorphic calcifications in both breasts: in the right breast at 10 o'clock and in the left breast at 2 o'clock."),
 M("impression", "affirmed", "1,2", "both groups of calcifications", "Stereotactic biopsy of both groups of calcifications is recommended.")],
cat="right=4B;left=4B", fup="stereotactic-biopsy")

R("sus20_roman_numeral_regional_amorphous", "suspicious", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "Left breast, lower outer quadrant: amorphous calcifications in a regional distribution, spanning 2.5 cm."),
    ("impression", "Suspicious amorphous calcifications, left breast. BI-RADS IV."),
    ("recommendation", "Stereotactic vacuum-assisted biopsy."),
], [F("left", "amorphous", "regional", "none", "none", "affirmed", "suspicious", "none", "C5 4B")],
[M("findings", "affirmed", "1", "amorphous calcifications", "Left breast, lower outer quadrant: amorphous calcifications in a regional distribution, spanning 2.5 cm."),
 M("impression", "affirmed", "1", "Suspicious amorphous calcifications", "Suspicious amorphous calcifications, left breast.")],
cat="4", fup="vacuum-assisted-biopsy", note="roman numeral category (narrative.md §2)")

R("sus21_rt_lt_headings_onetext", "suspicious", "MAMMO DIAGNOSTIC BILATERAL",
  "FINDINGS:\n"
  "RT: Skin calcifications along the inferior aspect.\n"
  "LT: Fine pleomorphic calcifications in a linear distribution at 4:00, spanning 1.8 cm.\n"
  "IMPRESSION: Suspicious left breast calcifications, BI-RADS 4C. Stereotactic biopsy recommended. Benign right breast skin calcifications.",
[F("right", "skin", "none", "none", "none", "affirmed", "benign", "none", "C1 2"),
 F("left", "fine-pleomorphic", "linear", "none", "none", "affirmed", "suspicious", "4", "C7 4C (linear)")],
[M("findings", "affirmed", "1", "Skin calcifications", "Skin calcifications along the inferior aspect.", "laterality from 'RT:' heading"),
 M("findings", "affirmed", "2", "Fine pleomorphic calcifications", "Fine pleomorphic calcifications in a linear distribution at 4:00, spanning 1.8 cm.", "laterality from 'LT:' heading"),
 M("impression", "affirmed", "2", "left breast calcifications", "Suspicious left breast calcifications, BI-RADS 4C."),
 M("impression", "affirmed", "1", "right breast skin calcifications", "Benign right breast skin calcifications.")],
cat="4C|left=4C", fup="stereotactic-biopsy", layout="onetext", note="category in a sentence naming the left breast: overall or left accepted")

R("sus22_except_scope_new_cluster", "suspicious", "MAMMO SCREENING BILATERAL", [
    ("findings", "The breasts are scattered fibroglandular. No suspicious calcifications except for a new small cluster of amorphous calcifications in the right breast at 6 o'clock."),
    ("impression", "BI-RADS 0: Incomplete. Spot magnification views of the right breast calcifications are recommended."),
], [F("right", "amorphous", "grouped", "none", "new", "affirmed", "suspicious", "6", "C5 4B; 'cluster' = grouped")],
[M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications except for a new small cluster of amorphous calcifications in the right breast at 6 o'clock.", "mention 1 of the sentence: under 'No'"),
 M("findings", "affirmed", "1", "cluster of amorphous calcifications", "No suspicious calcifications except for a new small cluster of amorphous calcifications in the right breast at 6 o'clock.", "mention 2 of the sentence: negation scope ends at 'except' (narrative.md §3)"),
 M("impression", "affirmed", "1", "right breast calcifications", "Spot magnification views of the right breast calcifications are recommended.")],
cat="0", fup="magnification-views")

R("sus23_within_a_duct_category_colon", "suspicious", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "LEFT BREAST: In the subareolar region there are fine pleomorphic calcifications within a duct, extending 2 cm toward the nipple. Scattered areas of fibroglandular density elsewhere."),
    ("impression", "Fine pleomorphic calcifications within a duct of the left breast, subareolar. BI-RADS: 4."),
    ("recommendation", "Category 4: stereotactic vacuum-assisted biopsy is recommended."),
], [F("left", "fine-pleomorphic", "none", "ductal", "none", "affirmed", "suspicious", "none", "'within a duct' = ductal site (narrative.md §2); C7 4B, C9")],
[M("findings", "affirmed", "1", "fine pleomorphic calcifications", "In the subareolar region there are fine pleomorphic calcifications within a duct, extending 2 cm toward the nipple."),
 M("impression", "affirmed", "1", "Fine pleomorphic calcifications", "Fine pleomorphic calcifications within a duct of the left breast, subareolar.")],
cat="4", fup="vacuum-assisted-biopsy", note="'BI-RADS: 4' and 'Category 4' (narrative.md §2 wordings)")

# ======================================================================= benign
R("ben01_bac_bilateral_screening", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "There are scattered areas of fibroglandular density. Breast arterial calcifications (BAC) are present bilaterally. No suspicious masses or architectural distortion."),
    ("impression", "Benign. BI-RADS 2. Routine annual screening mammography."),
], [F("right", "vascular", "none", "none", "none", "affirmed", "benign", "none", "BAC = vascular; 'bilaterally' gives one finding per breast"),
    F("left", "vascular", "none", "none", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "Breast arterial calcifications (BAC)", "Breast arterial calcifications (BAC) are present bilaterally.")],
cat="2", fup="routine-screening")

R("ben02_popcorn_fibroadenoma", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "LEFT BREAST: Coarse popcorn-like calcifications at 3 o'clock consistent with an involuting fibroadenoma, unchanged since 2021.\nRIGHT BREAST: Negative."),
    ("impression", "Benign popcorn calcifications, left breast. BI-RADS 2."),
], [F("left", "coarse-popcorn", "none", "none", "stable", "affirmed", "benign", "3", "C1 2")],
[M("findings", "affirmed", "1", "Coarse popcorn-like calcifications", "Coarse popcorn-like calcifications at 3 o'clock consistent with an involuting fibroadenoma, unchanged since 2021."),
 M("impression", "affirmed", "1", "popcorn calcifications", "Benign popcorn calcifications, left breast.")],
cat="2", fup="none")

R("ben03_rod_like_secretory_bilateral", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "Bilateral large rod-like secretory calcifications in a ductal distribution toward the nipples, consistent with duct ectasia."),
    ("impression", "Benign secretory calcifications bilaterally. BI-RADS 2."),
], [F("right", "large-rod-like", "segmental", "none|ductal", "none", "affirmed", "benign", "none",
      "'ductal distribution' = segmental (narrative.md §2); large rod-like is benign in any distribution (C1), C9/C10 do not apply; C0 could be read to call segmental a suspicious feature, but C1 names this exception"),
    F("left", "large-rod-like", "segmental", "none|ductal", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "large rod-like secretory calcifications", "Bilateral large rod-like secretory calcifications in a ductal distribution toward the nipples, consistent with duct ectasia."),
 M("impression", "affirmed", "1,2", "secretory calcifications", "Benign secretory calcifications bilaterally.")],
cat="2", fup="none")

R("ben04_round_within_lobules_bilateral", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "Diffusely scattered round calcifications within the lobules of both breasts, unchanged."),
    ("impression", "Benign-appearing lobular calcifications. BI-RADS 2."),
], [F("right", "round", "diffuse", "lobular", "stable", "affirmed", "benign", "none", "C1/C2 2; 'within the lobules' states the site (§6.7)"),
    F("left", "round", "diffuse", "lobular", "stable", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "round calcifications", "Diffusely scattered round calcifications within the lobules of both breasts, unchanged."),
 M("impression", "affirmed", "1,2", "lobular calcifications", "Benign-appearing lobular calcifications.", "no side: restates findings 1 and 2")],
cat="2", fup="none", sop="enhanced", root="bir")

R("ben05_eggshell_and_lucent_centered", "benign", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "RIGHT BREAST: Eggshell calcifications at 11 o'clock consistent with an oil cyst.\nLEFT BREAST: Lucent-centered calcification in the subareolar region."),
    ("impression", "Benign calcifications in both breasts. BI-RADS 2."),
], [F("right", "rim", "none", "none", "none", "affirmed", "benign", "11", "eggshell = rim"),
    F("left", "rim|lucent-centred", "none", "none", "none", "affirmed", "benign", "none", "lucent-centered = rim (5th ed.) or lucent-centred (4th ed., schema term)")],
[M("findings", "affirmed", "1", "Eggshell calcifications", "Eggshell calcifications at 11 o'clock consistent with an oil cyst."),
 M("findings", "affirmed", "2", "Lucent-centered calcification", "Lucent-centered calcification in the subareolar region."),
 M("impression", "affirmed", "1,2", "Benign calcifications", "Benign calcifications in both breasts.")],
cat="2", fup="none")

R("ben06_dystrophic_after_lumpectomy", "benign", "MAMMO DIAGNOSTIC RIGHT", [
    ("history", "The patient is status post right lumpectomy and radiation in 2018."),
    ("findings", "Dystrophic calcifications are present at the lumpectomy site in the right breast, stable."),
    ("impression", "Stable post-treatment changes with dystrophic calcifications in the right breast. BI-RADS 2."),
], [F("right", "dystrophic", "none", "none", "stable", "affirmed", "benign", "none", "'status post' is in a different sentence (scope ends at sentence end)")],
[M("findings", "affirmed", "1", "Dystrophic calcifications", "Dystrophic calcifications are present at the lumpectomy site in the right breast, stable."),
 M("impression", "affirmed", "1", "dystrophic calcifications", "Stable post-treatment changes with dystrophic calcifications in the right breast.")],
cat="2", fup="none")

R("ben07_milk_of_calcium_teacup", "benign", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "LEFT BREAST: Layering calcifications at 6 o'clock that are smudgy on the craniocaudal view and teacup-shaped on the lateral view, consistent with milk of calcium."),
    ("impression", "Milk of calcium, left breast. BI-RADS 2."),
], [F("left", "milk-of-calcium", "none", "none", "none", "affirmed", "benign", "6", "layering/teacup/milk of calcium (narrative.md §2); C1 2")],
[M("findings", "affirmed", "1", "Layering calcifications", "Layering calcifications at 6 o'clock that are smudgy on the craniocaudal view and teacup-shaped on the lateral view, consistent with milk of calcium."),
 M("impression", "affirmed", "1", "Milk of calcium", "Milk of calcium, left breast.")],
cat="2", fup="none")

R("ben08_dermal_calcifications", "benign", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "Dermal calcifications are noted in the medial left breast on tangential views."),
    ("impression", "Benign skin calcifications, left breast. BI-RADS 2."),
], [F("left", "skin", "none", "none", "none", "affirmed", "benign", "none", "dermal = skin")],
[M("findings", "affirmed", "1", "Dermal calcifications", "Dermal calcifications are noted in the medial left breast on tangential views."),
 M("impression", "affirmed", "1", "skin calcifications", "Benign skin calcifications, left breast.")],
cat="2", fup="none")

R("ben09_sutural_calcifications", "benign", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "RIGHT BREAST: Sutural calcifications along the surgical scar at 9 o'clock. No other findings."),
    ("impression", "Benign. BI-RADS 2."),
], [F("right", "suture", "none", "none", "none", "affirmed", "benign", "9", "sutural = suture; C1 2")],
[M("findings", "affirmed", "1", "Sutural calcifications", "Sutural calcifications along the surgical scar at 9 o'clock.")],
cat="2", fup="none")

R("ben10_round_punctate_group_baseline", "benign", "MAMMO DIAGNOSTIC LEFT", [
    ("procedure", "Baseline diagnostic mammogram with spot magnification views of the left breast."),
    ("findings", "LEFT BREAST: A group of round and punctate calcifications at 5 o'clock, middle depth, measuring 4 mm."),
    ("impression", "Probably benign grouped calcifications, left breast. BI-RADS 3."),
    ("recommendation", "Recommend 6-month follow-up diagnostic mammogram of the left breast. Should the calcifications increase in number, biopsy would be recommended."),
], [F("left", "round;punctate", "grouped", "none", "none", "affirmed", "probably-benign", "5", "C3 3 (grouped round/punctate, baseline) beats C1 2")],
[M("findings", "affirmed", "1", "round and punctate calcifications", "A group of round and punctate calcifications at 5 o'clock, middle depth, measuring 4 mm."),
 M("impression", "affirmed", "1", "grouped calcifications", "Probably benign grouped calcifications, left breast.", "'probably benign' is an assessment, not an uncertainty trigger (narrative.md §3)"),
 M("recommendation", "hypothetical", "-", "the calcifications", "Should the calcifications increase in number, biopsy would be recommended.", "'should' (narrative.md §3)")],
cat="3", fup="short-interval-follow-up")

R("ben11_no_change_punctate_group", "benign", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "No change in the group of punctate calcifications in the right breast at 10:00 since the 6-month follow-up, stable for 12 months."),
    ("impression", "Stable grouped punctate calcifications, right breast. BI-RADS® Category 3."),
    ("recommendation", "Continued short-interval follow-up in 6 months."),
], [F("right", "punctate", "grouped", "none", "stable", "affirmed", "probably-benign", "10", "'no change in' is a pseudo-trigger = stable (narrative.md §3); C3 3")],
[M("findings", "affirmed", "1", "group of punctate calcifications", "No change in the group of punctate calcifications in the right breast at 10:00 since the 6-month follow-up, stable for 12 months."),
 M("impression", "affirmed", "1", "grouped punctate calcifications", "Stable grouped punctate calcifications, right breast.")],
cat="3", fup="short-interval-follow-up")

R("ben12_coarse_bilateral_caps", "benign", "MAMMO SCREENING BILATERAL",
  "SCREENING MAMMOGRAM BILATERAL\n"
  "FINDINGS: THE BREASTS ARE HETEROGENEOUSLY DENSE. BILATERAL COARSE BENIGN CALCIFICATIONS. NO SUSPICIOUS MASSES OR CALCIFICATIONS.\n"
  "IMPRESSION: BENIGN. BI-RADS 2.",
[F("right", "coarse-popcorn", "none", "none", "none", "affirmed", "benign", "none", "'coarse' alone = coarse-popcorn (narrative.md §2); bilateral = one per breast"),
 F("left", "coarse-popcorn", "none", "none", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "COARSE BENIGN CALCIFICATIONS", "BILATERAL COARSE BENIGN CALCIFICATIONS."),
 M("findings", "negated", "-", "CALCIFICATIONS", "NO SUSPICIOUS MASSES OR CALCIFICATIONS.")],
cat="2", fup="none", layout="onetext")

R("ben13_vascular_no_side", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "Scattered vascular calcifications. No suspicious calcifications."),
    ("impression", "BI-RADS 1: Negative."),
], [F("unknown", "vascular", "diffuse", "none", "none", "affirmed", "benign", "none",
      "no side in clause or heading; the exam is bilateral and the study description is no laterality source (§6.2, issue 16)")],
[M("findings", "affirmed", "1", "Scattered vascular calcifications", "Scattered vascular calcifications."),
 M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications.")],
cat="1", fup="none")

R("ben14_fat_necrosis_reduction", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "Left breast: calcifications consistent with fat necrosis along the reduction mammoplasty scar.\nRight breast: postoperative changes only."),
    ("impression", "Benign post-reduction changes. BI-RADS 2."),
], [F("left", "dystrophic", "none", "none", "none", "affirmed", "benign", "none", "fat necrosis = dystrophic (narrative.md §2)")],
[M("findings", "affirmed", "1", "calcifications", "calcifications consistent with fat necrosis along the reduction mammoplasty scar.")],
cat="2", fup="none")

R("ben15_lobular_regional_round", "benign", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "Within the lobules of the right breast there are small round calcifications, regionally distributed, unchanged since 2023."),
    ("impression", "Benign lobular calcifications, right breast. BI-RADS 2."),
], [F("right", "round", "regional", "lobular", "stable", "affirmed", "benign", "none", "C1/C2 2")],
[M("findings", "affirmed", "1", "small round calcifications", "Within the lobules of the right breast there are small round calcifications, regionally distributed, unchanged since 2023."),
 M("impression", "affirmed", "1", "lobular calcifications", "Benign lobular calcifications, right breast.")],
cat="2", fup="none")

R("ben16_acinar_punctate_both", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "Punctate acinar calcifications are scattered throughout both breasts. No masses."),
    ("impression", "BI-RADS 2: Benign findings."),
], [F("right", "punctate", "diffuse", "lobular", "none", "affirmed", "benign", "none", "'acinar' = lobular site; C1/C2 2"),
    F("left", "punctate", "diffuse", "lobular", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "Punctate acinar calcifications", "Punctate acinar calcifications are scattered throughout both breasts.")],
cat="2", fup="none")

R("ben17_enhanced_milk_of_calcium_sections", "benign", "MAMMO DIAGNOSTIC BILATERAL", [
    ("history", "Screening recall for left breast asymmetry."),
    ("comparison", "Mammograms of 2024-10-01 and 2025-10-03."),
    ("findings", "The breasts are heterogeneously dense. LEFT BREAST: The asymmetry resolves on spot compression. Sedimented calcifications in microcysts in the upper outer quadrant, stable. RIGHT BREAST: No suspicious mass or calcifications."),
    ("impression", "No mammographic evidence of malignancy. Benign milk of calcium in the left breast. BI-RADS 2."),
    ("recommendation", "Routine screening mammography in one year."),
], [F("left", "milk-of-calcium", "none", "none", "stable", "affirmed", "benign", "none", "sedimented = milk of calcium")],
[M("findings", "affirmed", "1", "Sedimented calcifications", "Sedimented calcifications in microcysts in the upper outer quadrant, stable."),
 M("findings", "negated", "-", "calcifications", "No suspicious mass or calcifications."),
 M("impression", "affirmed", "1", "milk of calcium", "Benign milk of calcium in the left breast.")],
cat="2", fup="routine-screening", sop="enhanced", root="bir")

R("ben18_apart_from_vascular", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "Apart from scattered vascular calcifications bilaterally, no calcifications are seen."),
    ("impression", "Negative. BI-RADS 1."),
], [F("right", "vascular", "diffuse", "none", "none", "affirmed", "benign", "none", "'apart from' ends the scope (narrative.md §3)"),
    F("left", "vascular", "diffuse", "none", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "scattered vascular calcifications", "Apart from scattered vascular calcifications bilaterally, no calcifications are seen.", "mention 1 of the sentence"),
 M("findings", "negated", "-", "no calcifications", "Apart from scattered vascular calcifications bilaterally, no calcifications are seen.", "mention 2 of the sentence")],
cat="1", fup="none")

R("ben19_no_change_round_comparison", "benign", "MAMMO DIAGNOSTIC RIGHT", [
    ("comparison", "Comparison is made to prior studies from 2023 and 2024, which showed benign calcifications in the right breast."),
    ("findings", "No change in the scattered round calcifications in the right breast."),
    ("impression", "Stable benign findings. BI-RADS 2."),
], [F("right", "round", "diffuse", "none", "stable", "affirmed", "benign", "none", "'no change in' = stable (pseudo-trigger)")],
[M("comparison", "historical", "-", "benign calcifications", "Comparison is made to prior studies from 2023 and 2024, which showed benign calcifications in the right breast.", "comparison section, 'prior' (narrative.md §1, §3)"),
 M("findings", "affirmed", "1", "scattered round calcifications", "No change in the scattered round calcifications in the right breast.")],
cat="2", fup="none")

# ======================================================================= negative / negated
R("neg01_screening_negative", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "There are scattered areas of fibroglandular density. No suspicious masses, calcifications or architectural distortion."),
    ("impression", "No suspicious calcifications. BI-RADS 1. Routine annual screening."),
], [], [
 M("findings", "negated", "-", "calcifications", "No suspicious masses, calcifications or architectural distortion."),
 M("impression", "negated", "-", "suspicious calcifications", "No suspicious calcifications.", "issue 16 acceptance: quoted as read text")],
cat="1", fup="routine-screening", sop="enhanced", note="issue 16 acceptance case: no finding, reported 1; Enhanced SR with the generic (18748-4, LN) root")

R("neg02_either_breast", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "The breasts are heterogeneously dense, which may obscure small masses. No suspicious microcalcifications are identified in either breast."),
    ("impression", "Negative mammogram. BI-RADS 1."),
], [], [M("findings", "negated", "-", "suspicious microcalcifications", "No suspicious microcalcifications are identified in either breast.")],
cat="1", fup="none")

R("neg03_post_trigger_not_identified", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "Extremely dense breasts. Suspicious microcalcifications are not identified. No masses."),
    ("impression", "BI-RADS 1."),
], [], [M("findings", "negated", "-", "Suspicious microcalcifications", "Suspicious microcalcifications are not identified.", "trigger after the concept (narrative.md §3)")],
cat="1", fup="none")

R("neg04_resolved", "negative", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "The previously noted left breast calcifications have resolved. No new findings."),
    ("impression", "Negative. BI-RADS 1."),
], [], [M("findings", "negated|historical", "-", "left breast calcifications", "The previously noted left breast calcifications have resolved.", "'has resolved' negates; 'previously' is historical: either gives no finding")],
cat="1", fup="none")

R("neg05_no_evidence_caps", "negative", "MAMMO SCREENING BILATERAL",
  "BILATERAL SCREENING MAMMOGRAM WITH TOMOSYNTHESIS.\n"
  "BREAST DENSITY: SCATTERED FIBROGLANDULAR DENSITIES.\n"
  "FINDINGS: NO EVIDENCE OF MALIGNANT CALCIFICATIONS, MASSES OR DISTORTION IN EITHER BREAST.\n"
  "IMPRESSION: NEGATIVE. BI-RADS 1. ANNUAL SCREENING RECOMMENDED.",
[], [M("findings", "negated", "-", "MALIGNANT CALCIFICATIONS", "NO EVIDENCE OF MALIGNANT CALCIFICATIONS, MASSES OR DISTORTION IN EITHER BREAST.")],
cat="1", fup="routine-screening", layout="onetext")

R("neg06_negative_for", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "The breasts are heterogeneously dense. Negative for suspicious calcifications or masses."),
    ("impression", "BI-RADS 1: Negative."),
], [], [M("findings", "negated", "-", "suspicious calcifications", "Negative for suspicious calcifications or masses.")],
cat="1", fup="none")

R("neg07_free_of", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "The breasts are extremely dense. There is no dominant mass, and the breasts are free of suspicious calcifications."),
    ("impression", "BI-RADS 1."),
], [], [M("findings", "negated", "-", "suspicious calcifications", "There is no dominant mass, and the breasts are free of suspicious calcifications.")],
cat="1", fup="none")

R("neg08_no_new_calcifications", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "No new or suspicious calcifications since the prior study. No masses."),
    ("impression", "Stable mammogram. BI-RADS 1."),
], [], [M("findings", "negated", "-", "new or suspicious calcifications", "No new or suspicious calcifications since the prior study.", "'No new' is negation, not the pseudo-trigger 'no change in' (narrative.md §3)")],
cat="1", fup="none")

R("neg09_per_breast_caps", "negative", "MAMMO DIAGNOSTIC BILATERAL",
  "FINDINGS:\nRIGHT BREAST: NO MASSES OR CALCIFICATIONS.\nLEFT BREAST: NO MASSES OR CALCIFICATIONS.\n"
  "IMPRESSION:\nRIGHT BREAST: BI-RADS 1.\nLEFT BREAST: BI-RADS 1.",
[], [M("findings", "negated", "-", "CALCIFICATIONS", "RIGHT BREAST: NO MASSES OR CALCIFICATIONS."),
     M("findings", "negated", "-", "CALCIFICATIONS", "LEFT BREAST: NO MASSES OR CALCIFICATIONS.")],
cat="right=1;left=1", fup="none", layout="onetext")

R("neg10_absence_of", "negative", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "Spot compression views of the right retroareolar region show normal tissue. Absence of microcalcifications in the retroareolar region."),
    ("impression", "No mammographic abnormality. BI-RADS 1."),
], [], [M("findings", "negated", "-", "microcalcifications", "Absence of microcalcifications in the retroareolar region.")],
cat="1", fup="none")

R("neg11_none_after", "negative", "MAMMO SCREENING BILATERAL",
  "BREAST COMPOSITION: B.\nMASSES: None.\nCALCIFICATIONS: None.\nARCHITECTURAL DISTORTION: None.\nASSESSMENT: BI-RADS 1 - Negative.",
[], [M("findings", "negated", "-", "CALCIFICATIONS", "CALCIFICATIONS: None.", "'none' (narrative.md §3) after the concept")],
cat="1", fup="none", layout="onetext", note="structured-style one-block report")

R("neg12_although_scope", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "Although the breasts are heterogeneously dense, no suspicious calcifications are seen."),
    ("impression", "BI-RADS 1. Supplemental screening ultrasound may be considered."),
], [], [M("findings", "negated", "-", "suspicious calcifications", "Although the breasts are heterogeneously dense, no suspicious calcifications are seen.")],
cat="1", fup="none", note="'supplemental screening ultrasound' is none of the follow-ups of narrative.md §2")

R("neg13_density_only", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "The breasts are heterogeneously dense, which may lower the sensitivity of mammography. No suspicious masses or architectural distortion."),
    ("impression", "BI-RADS 1. Routine screening in one year."),
], [], [], cat="1", fup="routine-screening", note="no calcification mention at all; composition sentence gives no descriptor")

R("neg14_hypothetical_and_negated", "negative", "MAMMO SCREENING BILATERAL", [
    ("findings", "No suspicious calcifications."),
    ("impression", "BI-RADS 1."),
    ("recommendation", "Annual screening. If new calcifications develop, diagnostic evaluation would be recommended."),
], [], [M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications."),
        M("recommendation", "hypothetical", "-", "new calcifications", "If new calcifications develop, diagnostic evaluation would be recommended.", "'if' (narrative.md §3); 'new' does not make it current")],
cat="1", fup="routine-screening")

# ======================================================================= uncertain
R("unc01_possible_amorphous", "uncertain", "MAMMO SCREENING BILATERAL", [
    ("findings", "Possible faint amorphous calcifications in the right breast at 9 o'clock."),
    ("impression", "BI-RADS 0: Incomplete. Spot magnification views of the right breast are recommended."),
], [F("right", "amorphous", "none", "none", "none", "uncertain", "suspicious", "9", "C14: suspicious descriptors still give their category (C5 4B)")],
[M("findings", "uncertain", "1", "amorphous calcifications", "Possible faint amorphous calcifications in the right breast at 9 o'clock.")],
cat="0", fup="magnification-views")

R("unc02_cannot_be_excluded", "uncertain", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "A few calcifications cannot be excluded within the left breast asymmetry at 2 o'clock."),
    ("impression", "BI-RADS 0. Additional magnification views of the left breast are recommended."),
], [F("left", "none", "none", "none", "none", "uncertain", "not-benign", "2", "C14: never benign; no descriptor, so C12 0 at least")],
[M("findings", "uncertain", "1", "A few calcifications", "A few calcifications cannot be excluded within the left breast asymmetry at 2 o'clock.")],
cat="0", fup="magnification-views")

R("unc03_questionable_punctate", "uncertain", "MAMMO SCREENING BILATERAL", [
    ("findings", "Questionable punctate calcifications in the left retroareolar region, seen on the CC view only."),
    ("impression", "BI-RADS 0. Recall for spot magnification views of the left breast."),
], [F("left", "punctate", "none", "none", "none", "uncertain", "not-benign", "none", "C14: punctate would be benign but benign categories do not apply to an uncertain mention")],
[M("findings", "uncertain", "1", "punctate calcifications", "Questionable punctate calcifications in the left retroareolar region, seen on the CC view only.")],
cat="0", fup="magnification-views")

R("unc04_may_represent_fine_linear", "uncertain", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "Linear densities in the right breast at 11 o'clock may represent early fine linear calcifications."),
    ("impression", "BI-RADS 4A. Stereotactic biopsy is recommended."),
], [F("right", "fine-linear", "none|linear", "none", "none", "uncertain", "suspicious", "11", "C14 + C8 4C; 'Linear densities' may be read as a linear distribution of the same calcifications: accepted")],
[M("findings", "uncertain", "1", "fine linear calcifications", "Linear densities in the right breast at 11 o'clock may represent early fine linear calcifications.")],
cat="4A", fup="stereotactic-biopsy")

R("unc05_equivocal_cluster_calcs", "uncertain", "MAMMO SCREENING BILATERAL", [
    ("findings", "Equivocal cluster of calcs at 1 o'clock in the RT breast, seen on the MLO view only."),
    ("impression", "BI-RADS 0: needs additional imaging evaluation."),
], [F("right", "none", "grouped", "none", "none", "uncertain", "not-benign", "1", "C14")],
[M("findings", "uncertain", "1", "cluster of calcs", "Equivocal cluster of calcs at 1 o'clock in the RT breast, seen on the MLO view only.")],
cat="0", fup="none", note="'needs additional imaging evaluation' names no follow-up of the list")

R("unc06_possibly_vascular", "uncertain", "MAMMO SCREENING BILATERAL", [
    ("findings", "Possibly vascular calcifications in the left axillary tail."),
    ("impression", "BI-RADS 0. Magnification views of the left axillary tail."),
], [F("left", "vascular", "none", "none", "none", "uncertain", "not-benign", "none", "C14: vascular would be benign; not for an uncertain mention")],
[M("findings", "uncertain", "1", "vascular calcifications", "Possibly vascular calcifications in the left axillary tail.")],
cat="0", fup="magnification-views")

R("unc07_question_of_pleomorphic", "uncertain", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "RIGHT BREAST: Negative.\nLEFT BREAST: Question of a few fine pleomorphic calcifications at 7:00, posterior depth."),
    ("impression", "Left breast: BI-RADS 4A. Right breast: BI-RADS 1. Stereotactic vacuum-assisted biopsy of the left breast."),
], [F("left", "fine-pleomorphic", "none", "none", "none", "uncertain", "suspicious", "7", "C14 + C7 4B")],
[M("findings", "uncertain", "1", "fine pleomorphic calcifications", "Question of a few fine pleomorphic calcifications at 7:00, posterior depth.")],
cat="right=1;left=4A", fup="vacuum-assisted-biopsy", sop="enhanced", root="bir")

# ======================================================================= historical
R("his01_prior_benign_biopsy", "historical", "MAMMO DIAGNOSTIC BILATERAL", [
    ("history", "Prior stereotactic biopsy of right breast calcifications in 2022, benign (fibrocystic change)."),
    ("findings", "Biopsy clip in the right breast at 10 o'clock. No suspicious calcifications."),
    ("impression", "Benign post-biopsy findings. BI-RADS 2."),
], [], [M("history", "historical", "-", "right breast calcifications", "Prior stereotactic biopsy of right breast calcifications in 2022, benign (fibrocystic change)."),
        M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications.")],
cat="2", fup="none")

R("his02_post_biopsy_clip", "historical", "MAMMO SCREENING BILATERAL", [
    ("findings", "Post-biopsy clip at the site of previously biopsied calcifications in the left breast at 4 o'clock. The breasts are otherwise unremarkable."),
    ("impression", "BI-RADS 2."),
], [], [M("findings", "historical", "-", "previously biopsied calcifications", "Post-biopsy clip at the site of previously biopsied calcifications in the left breast at 4 o'clock.")],
cat="2", fup="none")

R("his03_history_then_new_pleomorphic", "historical", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "LEFT BREAST: Stable biopsy clip at the site of previously biopsied benign calcifications at 2 o'clock. There is a new group of fine pleomorphic calcifications 1 cm lateral to the clip."),
    ("impression", "New grouped fine pleomorphic calcifications in the left breast. BI-RADS 4B."),
    ("recommendation", "Stereotactic biopsy."),
], [F("left", "fine-pleomorphic", "grouped", "none", "new", "affirmed", "suspicious", "none", "C7 4B; the clock of the other sentence belongs to the historical mention")],
[M("findings", "historical", "-", "previously biopsied benign calcifications", "Stable biopsy clip at the site of previously biopsied benign calcifications at 2 o'clock.", "'stable' and 'benign' do not make a historical mention current"),
 M("findings", "affirmed", "1", "fine pleomorphic calcifications", "There is a new group of fine pleomorphic calcifications 1 cm lateral to the clip."),
 M("impression", "affirmed", "1", "New grouped fine pleomorphic calcifications", "New grouped fine pleomorphic calcifications in the left breast.")],
cat="4B", fup="stereotactic-biopsy")

R("his04_previously_noted_increased", "historical", "MAMMO DIAGNOSTIC RIGHT", [
    ("findings", "Previously noted calcifications in the right breast at 7 o'clock have increased in number."),
    ("impression", "Increased calcifications in the right breast. BI-RADS 4A."),
    ("recommendation", "Stereotactic biopsy is recommended."),
], [F("right", "none", "none", "none", "increased", "affirmed", "not-benign", "7",
      "'previously' with 'increased' is current (narrative.md §3); no morphology: rules alone give C12 0; the reported 4A makes it suspicious by R1")],
[M("findings", "affirmed", "1", "Previously noted calcifications", "Previously noted calcifications in the right breast at 7 o'clock have increased in number."),
 M("impression", "affirmed", "1", "Increased calcifications", "Increased calcifications in the right breast.")],
cat="4A", fup="stereotactic-biopsy")

R("his05_dcis_presenting_as_calcifications", "historical", "MAMMO DIAGNOSTIC BILATERAL", [
    ("history", "62-year-old woman with a history of left breast DCIS presenting as calcifications, treated in 2019."),
    ("findings", "Left breast: post-lumpectomy changes. No suspicious calcifications.\nRight breast: negative."),
    ("impression", "BI-RADS 2."),
], [], [M("history", "historical", "-", "calcifications", "62-year-old woman with a history of left breast DCIS presenting as calcifications, treated in 2019."),
        M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications.")],
cat="2", fup="none")

R("his06_sp_biopsy_onetext", "historical", "MAMMO DIAGNOSTIC LEFT",
  "CLINICAL HISTORY: s/p stereotactic biopsy of LT breast calcs 2023 (benign).\n"
  "FINDINGS: Stable post-biopsy changes in the left breast. Scattered fibroglandular tissue.\n"
  "IMPRESSION: BI-RADS 2.",
[], [M("history", "historical", "-", "LT breast calcs", "s/p stereotactic biopsy of LT breast calcs 2023 (benign).")],
cat="2", fup="none", layout="onetext")

R("his07_history_of_then_new_amorphous", "historical", "MAMMO DIAGNOSTIC RIGHT", [
    ("history", "History of right breast calcifications, previously biopsied, benign."),
    ("findings", "There are new amorphous calcifications in the right breast at 10 o'clock, spanning 6 mm."),
    ("impression", "New amorphous calcifications, right breast. BI-RADS 4B."),
    ("recommendation", "Stereotactic vacuum-assisted biopsy."),
], [F("right", "amorphous", "none", "none", "new", "affirmed", "suspicious", "10", "C5 4B")],
[M("history", "historical", "-", "right breast calcifications", "History of right breast calcifications, previously biopsied, benign."),
 M("findings", "affirmed", "1", "new amorphous calcifications", "There are new amorphous calcifications in the right breast at 10 o'clock, spanning 6 mm."),
 M("impression", "affirmed", "1", "New amorphous calcifications", "New amorphous calcifications, right breast.")],
cat="4B", fup="vacuum-assisted-biopsy", sop="enhanced", root="bir")

# ======================================================================= mixed, noise, edge cases
R("mix01_dictation_noise", "suspicious", "MAMMO DX BILAT W TOMO",
  "EXAM: MAMMO DX BILAT W/ TOMO   ACC# 4471902\n"
  "HISTORY: 49 y/o F, f/u of R breast calcs (see prior 06/2026).\n"
  "\n"
  "TECHNIQUE: CC and MLO views with tomosynthesis; add'l spot mag views R breast.\n"
  "\n"
  "FINDINGS:\n"
  "Breast composition: C (heterogeneously dense).\n"
  "RT: At approx. 10:00, mid depth, 7 cm FN, there is a cluster of fine pleomorphic calcs measuring approx. 9 mm, increased in number vs. the 06/2026 exam.\n"
  "LT: Stable vascular calcs.  No suspicious findings.\n"
  "\n"
  "IMPRESSION:\n"
  "1. RT breast: increasing fine pleomorphic calcifications at 10:00 -- BI-RADS 4B.\n"
  "2. LT breast: benign, BI-RADS 2.\n"
  "\n"
  "RECOMMENDATION: Stereotactic vacuum-assisted biopsy, RT breast 10:00.\n"
  "\n"
  "Dictated by: Dr. A. Smith, MD  12/01/2026 14:32\n"
  "Electronically signed.",
[F("right", "fine-pleomorphic", "grouped", "none", "increased", "affirmed", "suspicious", "10", "C7 4B"),
 F("left", "vascular", "none", "none", "stable", "affirmed", "benign", "none", "C1 2")],
[M("history", "historical", "-", "R breast calcs", "49 y/o F, f/u of R breast calcs (see prior 06/2026).", "history section (narrative.md §1); the same calcifications are affirmed in FINDINGS"),
 M("findings", "affirmed", "1", "fine pleomorphic calcs", "At approx. 10:00, mid depth, 7 cm FN, there is a cluster of fine pleomorphic calcs measuring approx. 9 mm, increased in number vs. the 06/2026 exam."),
 M("findings", "affirmed", "2", "vascular calcs", "Stable vascular calcs."),
 M("impression", "affirmed", "1", "fine pleomorphic calcifications", "increasing fine pleomorphic calcifications at 10:00 -- BI-RADS 4B.")],
cat="right=4B;left=2", fup="vacuum-assisted-biopsy", layout="onetext", note="dictation noise: abbreviations, numbered list, double spaces, blank lines, signature")

R("mix02_bilateral_diffuse_amorphous", "benign", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "Amorphous calcifications are diffusely scattered in both breasts, unchanged since 2022."),
    ("impression", "Stable bilateral diffuse calcifications, likely benign. BI-RADS 2."),
], [F("right", "amorphous", "diffuse", "none", "stable", "affirmed", "probably-benign", "none",
      "C5 gives 3 for diffuse bilateral amorphous, C0 says never below 4A for a suspicious feature: the spec is ambiguous, so the floor is probably-benign (never benign)"),
    F("left", "amorphous", "diffuse", "none", "stable", "affirmed", "probably-benign", "none")],
[M("findings", "affirmed", "1,2", "Amorphous calcifications", "Amorphous calcifications are diffusely scattered in both breasts, unchanged since 2022."),
 M("impression", "affirmed", "1,2", "diffuse calcifications", "Stable bilateral diffuse calcifications, likely benign.", "'likely' is not an uncertainty trigger of narrative.md §3")],
cat="2", fup="none")

R("mix03_recommendation_only_evidence", "indeterminate", "MAMMO SCREENING BILATERAL", [
    ("findings", "RIGHT BREAST: There is a 5 mm area at 10 o'clock that requires further evaluation.\nLEFT BREAST: Negative."),
    ("impression", "BI-RADS 0: Incomplete."),
    ("recommendation", "Spot magnification views of the right breast calcifications are recommended."),
], [F("right", "none", "none", "none", "none", "affirmed", "not-benign", "none",
      "only the recommendation names calcifications: it is evidence they exist on that side (narrative.md §3 last bullet); C12 0")],
[M("recommendation", "affirmed", "1", "right breast calcifications", "Spot magnification views of the right breast calcifications are recommended.")],
cat="0", fup="magnification-views", note="affirmed mention without descriptors: indeterminate finding")

R("mix04_breast_by_text_only", "benign", "OUTSIDE REPORT IMPORT",
  "Outside screening mammogram, bilateral.\n"
  "Findings: The breasts are almost entirely fatty. Benign-appearing skin calcifications in the right breast. No suspicious calcifications in the left breast.\n"
  "Impression: Benign mammogram. BI-RADS 2.",
[F("right", "skin", "none", "none", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1", "skin calcifications", "Benign-appearing skin calcifications in the right breast."),
 M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications in the left breast.")],
cat="2", fup="none", layout="onetext", body="none",
note="no Body Part Examined and a generic study description: a breast report by its text (breast laterality + 'mammogram', 'BI-RADS'; decision-logic §6.6)")

R("mix05_indeterminate_calcifications", "indeterminate", "MAMMO SCREENING BILATERAL", [
    ("findings", "Left breast: calcifications at 3 o'clock, too few to characterise on the screening views."),
    ("impression", "BI-RADS 0 - incomplete. Left breast spot magnification views."),
], [F("left", "none", "none", "none", "none", "affirmed", "not-benign", "3", "affirmed, no descriptor: C12 0 (indeterminate)")],
[M("findings", "affirmed", "1", "calcifications", "calcifications at 3 o'clock, too few to characterise on the screening views.")],
cat="0", fup="magnification-views", note="affirmed mention without descriptors: indeterminate finding")

R("mix06_left_decreased_round", "benign", "MAMMO DIAGNOSTIC LEFT", [
    ("findings", "LEFT BREAST: The previously described round calcifications at 8 o'clock are fewer and less prominent than before."),
    ("impression", "Decreasing benign calcifications, left breast. BI-RADS 2."),
], [F("left", "round", "none", "none", "decreased", "affirmed", "benign", "8",
      "'previously' without new/increased would be historical, but the clause reports a current change (fewer): read as affirmed, decreased; historical also accepted as the mention status")],
[M("findings", "affirmed|historical", "1", "round calcifications", "The previously described round calcifications at 8 o'clock are fewer and less prominent than before."),
 M("impression", "affirmed", "1", "benign calcifications", "Decreasing benign calcifications, left breast.")],
cat="2", fup="none")

R("mix07_enhanced_caps_per_breast_items", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("history", "RECALL FROM SCREENING."),
    ("findings", ["RIGHT BREAST: SCATTERED BENIGN VASCULAR CALCIFICATIONS.",
                  "LEFT BREAST: SEGMENTAL FINE LINEAR BRANCHING MICROCALCIFICATIONS IN THE LOWER OUTER QUADRANT SPANNING 4 CM."]),
    ("impression", ["RIGHT BREAST: BI-RADS 2.", "LEFT BREAST: BI-RADS 5. ULTRASOUND-GUIDED CORE BIOPSY IF A SONOGRAPHIC CORRELATE IS FOUND, OTHERWISE STEREOTACTIC BIOPSY."]),
], [F("right", "vascular", "diffuse", "none", "none", "affirmed", "benign", "none"),
    F("left", "fine-linear-branching", "segmental", "none", "none", "affirmed", "suspicious", "none", "C8 5")],
[M("findings", "affirmed", "1", "VASCULAR CALCIFICATIONS", "SCATTERED BENIGN VASCULAR CALCIFICATIONS."),
 M("findings", "affirmed", "2", "FINE LINEAR BRANCHING MICROCALCIFICATIONS", "SEGMENTAL FINE LINEAR BRANCHING MICROCALCIFICATIONS IN THE LOWER OUTER QUADRANT SPANNING 4 CM.")],
cat="right=2;left=5", fup="stereotactic-biopsy|ultrasound-guided-core-biopsy", sop="enhanced", root="bir",
note="follow-up names both, the ultrasound-guided one conditionally ('if'); either accepted")

R("mix08_skin_and_negated_scope", "benign", "MAMMO SCREENING BILATERAL", [
    ("findings", "No suspicious calcifications in the right breast; dermal calcifications are present in the left breast at 9 o'clock."),
    ("impression", "BI-RADS 2."),
], [F("left", "skin", "none", "none", "none", "affirmed", "benign", "9", "dermal = skin")],
[M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications in the right breast; dermal calcifications are present in the left breast at 9 o'clock.", "mention 1 of the sentence"),
 M("findings", "affirmed", "1", "dermal calcifications", "No suspicious calcifications in the right breast; dermal calcifications are present in the left breast at 9 o'clock.", "mention 2: scope ends at ';' (narrative.md §3)")],
cat="2", fup="none")

# ======================================================================= not breast reports
R("non01_chest_ct_coronary", "non-breast", "CT CHEST WITH CONTRAST",
  "EXAM: CT CHEST WITH CONTRAST\n"
  "FINDINGS:\n"
  "Lungs: No suspicious pulmonary nodules.\n"
  "Heart: Normal size. Moderate coronary artery calcifications, predominantly in the left anterior descending artery.\n"
  "Chest wall: Bilateral breast tissue is unremarkable.\n"
  "IMPRESSION:\n"
  "1. No acute cardiopulmonary process.\n"
  "2. Moderate coronary artery calcifications.",
[], [M("findings", "affirmed", "-", "coronary artery calcifications", "Moderate coronary artery calcifications, predominantly in the left anterior descending artery."),
     M("impression", "affirmed", "-", "coronary artery calcifications", "Moderate coronary artery calcifications.")],
breast="no", body="CHEST", layout="onetext",
note="must be refused with its one-line reason: 'left' and 'breast' occur but no breast-imaging vocabulary (decision-logic §6.6)")

R("non02_ct_abdomen_vascular", "non-breast", "CT ABDOMEN PELVIS WITH CONTRAST", [
    ("findings", "Scattered vascular calcifications of the abdominal aorta and iliac arteries. A 4 mm non-obstructing calculus in the right kidney. No suspicious calcifications in the pancreas."),
    ("impression", "No acute abdominal process."),
], [], [M("findings", "affirmed", "-", "vascular calcifications", "Scattered vascular calcifications of the abdominal aorta and iliac arteries."),
        M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications in the pancreas.")],
breast="no", body="ABDOMEN", note="not a breast report: refused")

R("non03_thyroid_us_microcalcifications", "non-breast", "US THYROID", [
    ("findings", "Right lobe: 1.4 cm solid hypoechoic nodule with microcalcifications, TI-RADS 5. Left lobe: no nodules."),
    ("impression", "Suspicious right thyroid nodule. Fine needle aspiration is recommended."),
], [], [M("findings", "affirmed", "-", "microcalcifications", "Right lobe: 1.4 cm solid hypoechoic nodule with microcalcifications, TI-RADS 5.")],
breast="no", body="NECK", note="not a breast report: refused ('TI-RADS' is not BI-RADS)")

# ======================================================================= hx: hostile layouts
# Added later by a second blind helper (same rules: specification only, no reader code, tool not
# run). Layouts a text reader is likely to get wrong: findings right after a COMPARISON/HISTORY/
# INDICATION heading with no FINDINGS heading, one-line reports, "No ..." at a line end followed by
# a lower-case finding line, dictation without final periods, recommendations that are the only
# description, laterality words of other procedures/breasts in the same sentence, two breasts and
# clock lists in one sentence, "micro-calcs", "pleomorphic", numbered impressions.

R("hx01_comparison_heading_blank_line_then_findings", "suspicious", "MAMMO DIAGNOSTIC LEFT",
  "EXAM: MAMMO DIAGNOSTIC LEFT WITH SPOT MAGNIFICATION VIEWS\n"
  "COMPARISON: Screening mammogram of 10/20/2026; prior mammograms from 2023 and 2024, which showed scattered benign calcifications.\n"
  "\n"
  "Spot magnification views of the left breast demonstrate fine pleomorphic calcifications in a segmental distribution at 2 o'clock, middle depth, spanning 3 cm. No associated mass or architectural distortion.\n"
  "\n"
  "BI-RADS 4C: Suspicious. Stereotactic biopsy of the left breast calcifications is recommended.",
[F("left", "fine-pleomorphic", "segmental", "none", "none", "affirmed", "suspicious", "2",
   "no FINDINGS heading: the paragraph after the blank line is unsectioned text, read by context (decision-logic §6.1), not part of COMPARISON; reading it as historical would leave a 4C report with no calcification finding, which §6 forbids ('It never silences anything'); C7 4C")],
[M("comparison", "historical", "-", "scattered benign calcifications", "Screening mammogram of 10/20/2026; prior mammograms from 2023 and 2024, which showed scattered benign calcifications.",
   "historical by the COMPARISON section (narrative.md §1), not by 'prior', whose scope ends at 'which' (§3): no finding, no diffuse benign finding"),
 M("findings", "affirmed", "1", "fine pleomorphic calcifications", "Spot magnification views of the left breast demonstrate fine pleomorphic calcifications in a segmental distribution at 2 o'clock, middle depth, spanning 3 cm.",
   "unsectioned paragraph after the comparison (section label informational); this exam's views"),
 M("recommendation", "affirmed", "1", "left breast calcifications", "Stereotactic biopsy of the left breast calcifications is recommended.",
   "unsectioned; points at finding 1 (narrative.md §3 last bullet)")],
cat="4C", fup="stereotactic-biopsy", layout="onetext",
note="one block; COMPARISON then a blank line then the current findings and the category without any FINDINGS/IMPRESSION heading; the unsectioned category is the report's (E6)")

R("hx02_history_next_line_not_seen_previously", "suspicious", "MAMMO DIAGNOSTIC RIGHT",
  "HISTORY: 61-year-old woman recalled from screening for right breast calcifications.\n"
  "Grouped amorphous calcifications in the right breast at 10 o'clock, posterior depth, measuring 8 mm, not seen previously.\n"
  "No mass or distortion.\n"
  "IMPRESSION: Right breast 10 o'clock amorphous calcifications. BI-RADS 4B. Recommend stereotactic biopsy.",
[F("right", "amorphous", "grouped", "none", "new", "affirmed", "suspicious", "10",
   "the line after HISTORY: is this exam's finding: 'not seen previously' is a wording of new (narrative.md §2), so even inside a History section it is current (§1/§3 'unless it says new'); 'not' here is no negation and 'previously' no historical trigger; C5 4B")],
[M("history", "historical", "-", "right breast calcifications", "61-year-old woman recalled from screening for right breast calcifications.", "History (narrative.md §1)"),
 M("findings", "affirmed", "1", "Grouped amorphous calcifications", "Grouped amorphous calcifications in the right breast at 10 o'clock, posterior depth, measuring 8 mm, not seen previously.",
   "next line after HISTORY:, no FINDINGS heading; 'not seen previously' = new (narrative.md §2), not negation"),
 M("impression", "affirmed", "1", "amorphous calcifications", "Right breast 10 o'clock amorphous calcifications.")],
cat="4B", fup="stereotactic-biopsy", layout="onetext",
note="current finding on the line after the HISTORY heading; pseudo-negation 'not seen previously'")

R("hx03_clinical_history_blank_line_benign", "benign", "MAMMO SCREENING BILATERAL",
  "Clinical history: Annual screening. Personal history of right lumpectomy for DCIS presenting as calcifications in 2017.\n"
  "\n"
  "The breasts are scattered fibroglandular. Dystrophic calcifications at the right lumpectomy site are stable. Scattered vascular calcifications bilaterally.\n"
  "No suspicious mass or calcifications.\n"
  "\n"
  "Impression: Benign. BI-RADS 2. Annual screening mammography.",
[F("right", "dystrophic", "none", "none", "stable", "affirmed", "benign", "none", "C1 2; 'lumpectomy' is no historical trigger (narrative.md §3); 'DCIS' in the history is no site (narrative.md §2)"),
 F("right", "vascular", "diffuse", "none", "none", "affirmed", "benign", "none", "'bilaterally' = one finding per breast (issue 16 item 6); a described group of its own, not merged with finding 1"),
 F("left", "vascular", "diffuse", "none", "none", "affirmed", "benign", "none")],
[M("history", "historical", "-", "calcifications", "Personal history of right lumpectomy for DCIS presenting as calcifications in 2017.", "'history of' and History section"),
 M("findings", "affirmed", "1", "Dystrophic calcifications", "Dystrophic calcifications at the right lumpectomy site are stable.", "unsectioned paragraph after a blank line (decision-logic §6.1)"),
 M("findings", "affirmed", "2,3", "Scattered vascular calcifications", "Scattered vascular calcifications bilaterally."),
 M("findings", "negated", "-", "calcifications", "No suspicious mass or calcifications.")],
cat="2", fup="routine-screening", layout="onetext",
note="benign control: mixed-case 'Clinical history:' heading, blank line, findings without heading")

R("hx04_indication_side_clock_then_other_breast", "suspicious", "MAMMO DIAGNOSTIC BILATERAL",
  "EXAM: MAMMO DIAGNOSTIC BILATERAL\n"
  "INDICATION: Follow-up of probably benign calcifications in the left breast at 2 o'clock.\n"
  "LEFT BREAST: The grouped round calcifications at 2 o'clock are unchanged since 2024.\n"
  "RIGHT BREAST: New grouped fine pleomorphic calcifications at 10 o'clock, measuring 6 mm.\n"
  "IMPRESSION:\n"
  "1. Right breast: fine pleomorphic calcifications at 10 o'clock, new. BI-RADS 4B. Stereotactic biopsy is recommended.\n"
  "2. Left breast: grouped round calcifications at 2 o'clock, stable for 2 years, benign. BI-RADS 2.",
[F("left", "round", "grouped", "none", "stable", "affirmed", "probably-benign", "2",
   "C3 3 (grouped round, stable) is the rule floor; the reported 2 cannot lower it (R1 takes the higher)"),
 F("right", "fine-pleomorphic", "grouped", "none", "new", "affirmed", "suspicious", "10",
   "laterality from the RIGHT BREAST: heading, not from the INDICATION's 'left breast at 2 o'clock'; C7 4B")],
[M("history", "historical|affirmed", "-", "probably benign calcifications", "Follow-up of probably benign calcifications in the left breast at 2 o'clock.",
   "INDICATION is a history-type heading (narrative.md §1 lists it with HISTORY); the spec names only History/Comparison/Technique as past, so affirmed is accepted too, provided it is merged with finding 1 (same breast and position, §6.2)"),
 M("findings", "affirmed", "1", "grouped round calcifications", "The grouped round calcifications at 2 o'clock are unchanged since 2024."),
 M("findings", "affirmed", "2", "fine pleomorphic calcifications", "New grouped fine pleomorphic calcifications at 10 o'clock, measuring 6 mm."),
 M("impression", "affirmed", "2", "fine pleomorphic calcifications", "fine pleomorphic calcifications at 10 o'clock, new."),
 M("impression", "affirmed", "1", "grouped round calcifications", "grouped round calcifications at 2 o'clock, stable for 2 years, benign.")],
cat="right=4B;left=2|4B", fup="stereotactic-biopsy", layout="onetext",
note="INDICATION names the other breast and a clock; numbered impression with inline breast headings: per-breast categories, or an overall 4B, accepted (as decision 10)")

R("hx05_one_line_history_findings_impression", "suspicious", "MAMMO DIAGNOSTIC LEFT",
  "HISTORY: Recall from screening for left breast calcifications. FINDINGS: There are fine linear branching calcifications in the left breast at 3 o'clock in a linear distribution, spanning 14 mm. IMPRESSION: BI-RADS 5. Stereotactic biopsy.",
[F("left", "fine-linear-branching", "linear", "none", "none", "affirmed", "suspicious", "3", "C8 5")],
[M("history", "historical", "-", "left breast calcifications", "Recall from screening for left breast calcifications.", "History section ends at the inline FINDINGS: heading"),
 M("findings", "affirmed", "1", "fine linear branching calcifications", "There are fine linear branching calcifications in the left breast at 3 o'clock in a linear distribution, spanning 14 mm.")],
cat="5", fup="stereotactic-biopsy", layout="onetext",
note="the whole report on one line: headings inside the line (narrative.md §1)")

R("hx06_no_line_end_lowercase_finding", "suspicious", "MAMMO DIAGNOSTIC BILATERAL",
  "FINDINGS:\n"
  "Heterogeneously dense breasts\n"
  "No dominant mass\n"
  "segmental fine linear branching calcifications left breast 10 o'clock spanning 4 cm\n"
  "right breast negative\n"
  "IMPRESSION:\n"
  "suspicious calcifications left breast BI-RADS 5\n"
  "recommend stereotactic biopsy",
[F("left", "fine-linear-branching", "segmental", "none", "none", "affirmed", "suspicious", "10",
   "a line break ends a dictated sentence without a period (issue 16 item 2: 'line breaks'): the 'No' of the line before does not reach it, and 'right breast negative' of the line after gives it no laterality; C8 5")],
[M("findings", "affirmed", "1", "fine linear branching calcifications", "segmental fine linear branching calcifications left breast 10 o'clock spanning 4 cm"),
 M("impression", "affirmed", "1", "suspicious calcifications", "suspicious calcifications left breast BI-RADS 5", "'suspicious' is an assessment (narrative.md §3)")],
cat="5|left=5", fup="stereotactic-biopsy", layout="onetext",
note="dictation without periods; 'No dominant mass' at a line end followed by a lower-case finding line")

R("hx07_no_line_end_benign_control", "benign", "MAMMO SCREENING BILATERAL",
  "FINDINGS:\n"
  "Scattered fibroglandular density\n"
  "No suspicious mass or distortion\n"
  "coarse popcorn calcifications right breast 7 o'clock consistent with degenerating fibroadenoma unchanged\n"
  "No suspicious calcifications\n"
  "IMPRESSION:\n"
  "Benign  BI-RADS 2",
[F("right", "coarse-popcorn", "none", "none", "stable", "affirmed", "benign", "7",
   "line break ends the sentence (as hx06): not under the 'No' of the line before; 'unchanged' = stable; C1 2")],
[M("findings", "affirmed", "1", "coarse popcorn calcifications", "coarse popcorn calcifications right breast 7 o'clock consistent with degenerating fibroadenoma unchanged"),
 M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications")],
cat="2", fup="none", layout="onetext",
note="benign control of hx06's layout: a benign finding between two 'No' lines, no periods")

R("hx08_recommendation_only_names_pleomorphic", "suspicious", "MAMMO DIAGNOSTIC LEFT", [
    ("history", "Recall from screening for an abnormality of the left breast."),
    ("findings", "Spot magnification views of the left breast were obtained. The breasts are heterogeneously dense."),
    ("impression", "Stereotactic biopsy is recommended to determine whether the fine pleomorphic calcifications in the left breast at 2 o'clock represent DCIS. BI-RADS 4."),
], [F("left", "fine-pleomorphic", "none", "none", "none", "affirmed", "suspicious", "2",
      "only the recommendation names the calcifications, with a morphology: evidence they exist (narrative.md §3 last bullet; issue 16 item 7: nothing that mentions calcification is dropped); 'whether' is no uncertainty trigger of narrative.md §3; 'DCIS' is no site wording (narrative.md §2), so site none; C7 4B")],
[M("impression", "affirmed", "1", "fine pleomorphic calcifications", "Stereotactic biopsy is recommended to determine whether the fine pleomorphic calcifications in the left breast at 2 o'clock represent DCIS.")],
cat="4", fup="stereotactic-biopsy", sop="enhanced", root="bir",
note="the findings describe no calcification; the recommendation sentence is the only description")

R("hx09_recommendation_only_probably_benign", "benign", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "The breasts are scattered fibroglandular. No suspicious mass or architectural distortion."),
    ("impression", "Probably benign finding in the right breast. BI-RADS 3."),
    ("recommendation", "Short-interval follow-up mammogram of the right breast in 6 months is recommended for the grouped punctate calcifications at 11 o'clock."),
], [F("right", "punctate", "grouped", "none", "none", "affirmed", "probably-benign", "11",
      "recommendation the only description (narrative.md §3 last bullet); C3 3 (grouped punctate, baseline)")],
[M("recommendation", "affirmed", "1", "grouped punctate calcifications", "Short-interval follow-up mammogram of the right breast in 6 months is recommended for the grouped punctate calcifications at 11 o'clock.")],
cat="3", fup="short-interval-follow-up",
note="probably-benign control of hx08: descriptors only in the recommendation")

R("hx10_similar_to_other_breast_biopsy", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("history", "Prior stereotactic biopsy of right breast calcifications in 2020: atypical ductal hyperplasia, excised."),
    ("findings", "RIGHT BREAST: Post-biopsy clip at 9 o'clock. No suspicious findings.\nLEFT BREAST: In the upper outer quadrant at 1 o'clock there are grouped amorphous calcifications spanning 7 mm, similar in appearance to those biopsied in the right breast in 2020."),
    ("impression", "Left breast: grouped amorphous calcifications at 1 o'clock, BI-RADS 4B. Stereotactic biopsy is recommended.\nRight breast: benign post-biopsy changes, BI-RADS 2."),
], [F("left", "amorphous", "grouped", "none", "none", "affirmed", "suspicious", "1",
      "laterality: the mention's clause has no side, so the LEFT BREAST: heading (§6.2); 'right breast' belongs to the 'similar ... to those biopsied' clause about other calcifications; 'biopsied ... in 2020' is about those, not a trigger for this clause (narrative.md §3 lists 'previously biopsied'); C5 4B")],
[M("history", "historical", "-", "right breast calcifications", "Prior stereotactic biopsy of right breast calcifications in 2020: atypical ductal hyperplasia, excised."),
 M("findings", "affirmed", "1", "grouped amorphous calcifications", "In the upper outer quadrant at 1 o'clock there are grouped amorphous calcifications spanning 7 mm, similar in appearance to those biopsied in the right breast in 2020."),
 M("impression", "affirmed", "1", "grouped amorphous calcifications", "Left breast: grouped amorphous calcifications at 1 o'clock, BI-RADS 4B.")],
cat="right=2;left=4B|4B", fup="stereotactic-biopsy", sop="enhanced", root="bir",
note="laterality trap: a clause about the other breast's earlier biopsy in the finding sentence; per-breast categories in 'Left breast: ..., BI-RADS 4B' form, or overall 4B, accepted")

R("hx11_exam_line_left_no_side_in_findings", "suspicious", "MAMMO DIAGNOSTIC LEFT",
  "EXAM: MAMMO DIAGNOSTIC LEFT\n"
  "INDICATION: Palpable lump, left breast 12 o'clock.\n"
  "TECHNIQUE: CC and MLO views with spot magnification views.\n"
  "FINDINGS: Heterogeneously dense tissue. No mass at the site of the palpable lump, which is marked with a BB. Spot magnification views show a group of amorphous calcifications at 4 o'clock, anterior depth, measuring 5 mm.\n"
  "IMPRESSION: Grouped amorphous calcifications, left breast 4 o'clock. BI-RADS 4B. Stereotactic biopsy is recommended.",
[F("left", "amorphous", "grouped", "none", "none", "affirmed", "suspicious", "4",
   "the findings sentence names no side; the impression restates the same calcifications at the same position with 'left breast' (one finding, §6.2), and the procedure is unilateral left (§6.2 last resort) - both give left; the INDICATION's 12 o'clock is the lump's, not the finding's; C5 4B")],
[M("findings", "affirmed", "1", "amorphous calcifications", "Spot magnification views show a group of amorphous calcifications at 4 o'clock, anterior depth, measuring 5 mm."),
 M("impression", "affirmed", "1", "Grouped amorphous calcifications", "Grouped amorphous calcifications, left breast 4 o'clock.")],
cat="4B", fup="stereotactic-biopsy", layout="onetext",
note="an 'EXAM: MAMMO DIAGNOSTIC LEFT' line in the text; one finding expected (findings sentence + impression), not two")

R("hx12_two_breasts_two_clocks_one_sentence", "suspicious", "MAMMO DIAGNOSTIC BILATERAL", [
    ("findings", "The breasts are heterogeneously dense. There are grouped amorphous calcifications in the left breast at 2 o'clock, new since 2025, and in the right breast at 10 o'clock, increased in number since 2025."),
    ("impression", "Right breast: BI-RADS 4B. Left breast: BI-RADS 4B. Stereotactic biopsy of both groups of calcifications is recommended."),
], [F("left", "amorphous", "grouped", "none", "new", "affirmed", "suspicious", "2",
      "two breasts in one sentence: two findings (issue 16 item 6); each breast keeps its own clock and change"),
    F("right", "amorphous", "grouped", "none", "increased", "affirmed", "suspicious", "10", "C5 4B")],
[M("findings", "affirmed", "1,2", "grouped amorphous calcifications", "There are grouped amorphous calcifications in the left breast at 2 o'clock, new since 2025, and in the right breast at 10 o'clock, increased in number since 2025."),
 M("impression", "affirmed", "1,2", "both groups of calcifications", "Stereotactic biopsy of both groups of calcifications is recommended.")],
cat="right=4B;left=4B", fup="stereotactic-biopsy",
note="'in the left breast at 2 o'clock, ..., and in the right breast at 10 o'clock': per-breast clock and change")

R("hx13_clock_list_extent_pleomorphic", "suspicious", "MAMMO DIAGNOSTIC BILATERAL",
  "FINDINGS:\n"
  "RIGHT BREAST: Pleomorphic calcifications in a segmental distribution at 2, 3 and 5 o'clock, spanning 6 cm, extending toward the nipple.\n"
  "LEFT BREAST: No suspicious findings.\n"
  "IMPRESSION:\n"
  "1. Segmental pleomorphic calcifications, right breast, BI-RADS 4C.\n"
  "2. Recommend stereotactic biopsy of the anterior and posterior extent.\n"
  "3. Left breast: benign.",
[F("right", "fine-pleomorphic", "segmental", "none", "none", "affirmed", "suspicious", "2",
   "'pleomorphic' = fine-pleomorphic (narrative.md §2); one described group with one extent over the clock list, so one finding, not three (issue 16 item 6); clock informational (2, 3 and 5 stated); C7 4C")],
[M("findings", "affirmed", "1", "Pleomorphic calcifications", "Pleomorphic calcifications in a segmental distribution at 2, 3 and 5 o'clock, spanning 6 cm, extending toward the nipple."),
 M("impression", "affirmed", "1", "Segmental pleomorphic calcifications", "Segmental pleomorphic calcifications, right breast, BI-RADS 4C.")],
cat="4C|right=4C", fup="stereotactic-biopsy", layout="onetext",
note="clock list with an extent; numbered impression; category in a line naming the right breast: overall or right accepted")

R("hx14_micro_calcs_numbered_impression", "suspicious", "MAMMO DIAGNOSTIC BILATERAL",
  "FINDINGS:\n"
  "RT: Stable scattered punctate micro-calcs.\n"
  "LT: New cluster of amorphous micro-calcs at 11:00, 3 cm FN, approx 4 mm.\n"
  "IMPRESSION:\n"
  "1. New LT breast amorphous micro-calcs, BI-RADS 4B.\n"
  "2. Benign RT breast micro-calcs, BI-RADS 2.\n"
  "3. Stereotactic biopsy LT breast recommended.",
[F("right", "punctate", "diffuse", "none", "stable", "affirmed", "benign", "none", "'scattered' of calcifications = diffuse; C1 2"),
 F("left", "amorphous", "grouped", "none", "new", "affirmed", "suspicious", "11", "'cluster' = grouped; C5 4B")],
[M("findings", "affirmed", "1", "punctate micro-calcs", "Stable scattered punctate micro-calcs.", "'micro-calcs' = microcalcs with a hyphen (the gold's calcification words, issue 16 'calcs'); RT: heading"),
 M("findings", "affirmed", "2", "amorphous micro-calcs", "New cluster of amorphous micro-calcs at 11:00, 3 cm FN, approx 4 mm.", "LT: heading; 'approx' without its period"),
 M("impression", "affirmed", "2", "amorphous micro-calcs", "New LT breast amorphous micro-calcs, BI-RADS 4B."),
 M("impression", "affirmed", "1", "RT breast micro-calcs", "Benign RT breast micro-calcs, BI-RADS 2.")],
cat="right=2;left=4B|4B", fup="stereotactic-biopsy", layout="onetext",
note="short forms (micro-calcs, RT/LT, FN, approx) and a numbered impression with a category per line")

R("hx15_comparison_next_line_negative", "negative", "MAMMO SCREENING BILATERAL",
  "MAMMO SCREENING BILATERAL WITH TOMOSYNTHESIS\n"
  "COMPARISON: 10/2025, 10/2024. Prior left breast biopsy of calcifications at 3 o'clock with benign result.\n"
  "The breasts are scattered fibroglandular.\n"
  "No suspicious masses or calcifications\n"
  "no architectural distortion\n"
  "IMPRESSION: Negative. BI-RADS 1. Annual screening mammography.",
[], [M("comparison", "historical", "-", "calcifications", "Prior left breast biopsy of calcifications at 3 o'clock with benign result.", "'prior' (narrative.md §3), Comparison section"),
     M("findings", "negated", "-", "calcifications", "No suspicious masses or calcifications", "line after the COMPARISON line; no period")],
cat="1", fup="routine-screening", layout="onetext",
note="negative control of hx01/hx02: COMPARISON with an earlier calcification biopsy, then current lines without a FINDINGS heading")

R("hx16_history_next_line_negative_caps", "negative", "MAMMO SCREENING BILATERAL",
  "HISTORY: 70 Y/O WITH HISTORY OF RIGHT BREAST CANCER WITH CALCIFICATIONS, LUMPECTOMY 2016.\n"
  "THE BREASTS ARE ALMOST ENTIRELY FATTY. LUMPECTOMY SCAR RIGHT BREAST 10:00.\n"
  "NO SUSPICIOUS MICROCALCIFICATIONS\n"
  "NO MASSES\n"
  "BI-RADS 2: BENIGN.",
[], [M("history", "historical", "-", "CALCIFICATIONS", "70 Y/O WITH HISTORY OF RIGHT BREAST CANCER WITH CALCIFICATIONS, LUMPECTOMY 2016.", "'history of'"),
     M("findings", "negated", "-", "SUSPICIOUS MICROCALCIFICATIONS", "NO SUSPICIOUS MICROCALCIFICATIONS")],
cat="2", fup="none", layout="onetext",
note="all capitals, no FINDINGS/IMPRESSION headings, lines without periods; the unsectioned 'BI-RADS 2' is this exam's category (E6; unsectioned text is read, decision-logic §6.1), not history")

R("hx17_no_lines_then_no_change", "negative", "MAMMO SCREENING BILATERAL",
  "Findings:\n"
  "The breasts are heterogeneously dense, which may obscure small masses\n"
  "No suspicious calcifications\n"
  "no masses\n"
  "no change from prior\n"
  "Impression:\n"
  "Negative, BI-RADS 1",
[], [M("findings", "negated", "-", "suspicious calcifications", "No suspicious calcifications",
       "the 'no change' (pseudo-trigger, narrative.md §3) two lines below is another sentence: it does not turn the calcifications into stable ones")],
cat="1", fup="none", layout="onetext",
note="negative control: lines without periods, lower-case 'no' lines, a pseudo-trigger line after the negated mention")

R("hx18_numbered_no_longer_seen", "negative", "MAMMO SCREENING BILATERAL",
  "EXAM: MAMMO SCREENING BILATERAL\n"
  "INDICATION: Annual screening. History of benign stereotactic biopsy of right breast calcifications in 2021.\n"
  "FINDINGS: Scattered areas of fibroglandular density. Biopsy clip in the right breast at 9 o'clock.\n"
  "IMPRESSION:\n"
  "1. No mammographic evidence of malignancy\n"
  "2. The previously biopsied calcifications at 9 o'clock are no longer seen\n"
  "3. BI-RADS 1. Annual screening mammography.",
[], [M("history", "historical", "-", "right breast calcifications", "History of benign stereotactic biopsy of right breast calcifications in 2021.", "'history of'"),
     M("impression", "negated|historical", "-", "previously biopsied calcifications", "The previously biopsied calcifications at 9 o'clock are no longer seen",
       "'no longer' says resolved (narrative.md §3), 'previously biopsied' is historical: either gives no finding")],
cat="1", fup="routine-screening", layout="onetext",
note="negative control: numbered impression whose items lack periods")

R("hx19_comparison_none_blank_line_possible", "uncertain", "MAMMO SCREENING BILATERAL",
  "COMPARISON: None available.\n"
  "\n"
  "Possible faint amorphous calcifications in the RT breast at 6:00, seen on the CC view only\n"
  "No mass\n"
  "\n"
  "IMPRESSION: BI-RADS 0. Spot magnification views RT breast.",
[F("right", "amorphous", "none", "none", "none", "uncertain", "suspicious", "6",
   "'None' of the COMPARISON line ends with its sentence (narrative.md §3 scope), and the blank line ends the section; 'possible' = uncertain; C14: suspicious descriptors keep their category (C5 4B)")],
[M("findings", "uncertain", "1", "amorphous calcifications", "Possible faint amorphous calcifications in the RT breast at 6:00, seen on the CC view only", "unsectioned paragraph after the comparison")],
cat="0", fup="magnification-views", layout="onetext",
note="negation word 'None' in the COMPARISON line right before an uncertain finding")

R("hx20_sp_biopsy_semicolon_new_same_line", "suspicious", "MAMMO DX BILAT",
  "EXAM: MAMMO DX BILAT\n"
  "FINDINGS:\n"
  "RT: neg\n"
  "LT: s/p benign stereotactic bx of calcs at 4:00 in 2022; new grouped pleomorphic calcs 1 cm anterior to the bx clip, approx 5 mm\n"
  "IMPRESSION:\n"
  "1. LT breast new pleomorphic calcs adjacent to bx clip, BI-RADS 4B\n"
  "2. RT breast neg, BI-RADS 1\n"
  "3. Stereotactic bx LT breast",
[F("left", "fine-pleomorphic", "grouped", "none", "new", "affirmed", "suspicious", "none",
   "the clause after ';' says new, so the biopsy-clip trigger does not make it historical (narrative.md §3); laterality from the LT: heading; the 4:00 belongs to the historical clause (clock none); C7 4B")],
[M("findings", "historical", "-", "calcs at 4:00", "s/p benign stereotactic bx of calcs at 4:00 in 2022; new grouped pleomorphic calcs 1 cm anterior to the bx clip, approx 5 mm",
   "mention 1 of the line: 's/p' (narrative.md §3); its scope ends at ';'"),
 M("findings", "affirmed", "1", "pleomorphic calcs", "s/p benign stereotactic bx of calcs at 4:00 in 2022; new grouped pleomorphic calcs 1 cm anterior to the bx clip, approx 5 mm",
   "mention 2 of the line: new (narrative.md §3 'unless the clause also says new')"),
 M("impression", "affirmed", "1", "pleomorphic calcs", "LT breast new pleomorphic calcs adjacent to bx clip, BI-RADS 4B")],
cat="right=1;left=4B|4B", fup="stereotactic-biopsy", layout="onetext",
note="dictation: s/p, bx, calcs, RT/LT, no periods; historical and new clauses on one line")
