#!/usr/bin/env python3
"""Writes the probe sources in probes/ (xml2dsr input and annotation files).
Written from decision-logic.md, domain.md and issue 14 only; the generated files are
committed, this script is kept so the probes can be re-made or extended."""
import os, sys
from xml.sax.saxutils import escape as esc

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "probes")
ROOT = "1.2.826.0.1.3680043.10.1363.914"

def C(v, s, m):
    return (v, s, m)

# codes exactly as domain.md gives them
LAT = C("272741003", "SCT", "Laterality")
RIGHT = C("73056007", "SCT", "Right breast"); LEFT = C("80248007", "SCT", "Left breast")
BOTH = C("63762007", "SCT", "Both breasts")
ASSESS = C("111005", "DCM", "Assessment Category")
FUP = C("111053", "DCM", "Recommended Follow-up")
CTYPE = C("111009", "DCM", "Calcification Type"); CDIST = C("111008", "DCM", "Calcification Distribution")
SITE = C("363698007", "SCT", "Finding Site")
CHANGE = C("129720009", "SCT", "Change since last mammogram")
CALC = C("309587003", "SCT", "Calcification of breast")
BI = {"0": C("397138000", "SCT", "0 - Incomplete - Need additional imaging evaluation +/- priors"),
      "1": C("397140005", "SCT", "1 - Negative"), "2": C("397141009", "SCT", "2 - Benign"),
      "3": C("397143007", "SCT", "3 - Probably Benign"), "4": C("397144001", "SCT", "4 - Suspicious"),
      "5": C("397145000", "SCT", "5 - Highly suggestive of malignancy")}
PUNCTATE = C("129755006", "SCT", "Punctate calcification")
ROUND = C("129756007", "SCT", "Round shaped calcification")
AMORPH = C("129760005", "SCT", "Amorphous calcification")
FLB = C("129762002", "SCT", "Fine linear, branching (casting) calcification")
VASC = C("129759000", "SCT", "Vascular calcification")
POPCORN = C("129749001", "SCT", "Coarse (popcorn-like) calcification")
MICRO = C("44771000", "SCT", "Microcalcifications of the breast")
DIFFUSE = C("129764001", "SCT", "Diffuse calcification distribution")
REGIONAL = C("129767008", "SCT", "Regional calcification distribution")
GROUPED = C("129766004", "SCT", "Grouped calcification distribution")
SEGMENTAL = C("129768003", "SCT", "Segmental calcification distribution")
DUCT = C("58006", "FMA", "mammary duct"); LOBULE = C("62090", "FMA", "lobule of mammary gland")
STABLE = C("129723006", "SCT", "No significant changes in the finding")

def item(vt, rel, concept, body, children=(), ident=None):
    idattr = f' id="{ident}"' if ident else ""
    s = f"<{vt}{idattr}>\n"
    if rel:
        s += f"<relationship>{rel}</relationship>\n"
    s += concept_xml(concept)
    for ch in children:
        s += ch
    s += body
    s += f"</{vt}>\n"
    return s

def code_xml(c, tag=None):
    v, sch, m = c
    return (f"<value>{esc(v)}</value>\n<scheme>\n<designator>{esc(sch)}</designator>\n</scheme>\n"
            f"<meaning>{esc(m)}</meaning>\n")

def concept_xml(c):
    return "<concept>\n" + code_xml(c) + "</concept>\n"

def code(rel, concept, value, children=()):
    return item("code", rel, concept, code_xml(value), children)

def container(rel, concept, children):
    s = '<container flag="SEPARATE">\n'
    if rel:
        s += f"<relationship>{rel}</relationship>\n"
    s += concept_xml(concept) + "".join(children) + "</container>\n"
    return s

def text(rel, concept, value):
    return item("text", rel, concept, f"<value>{esc(value)}</value>\n")

# finding properties
def hp(concept, value, children=()):
    return code("HAS PROPERTIES", concept, value, children)
def typ(v): return hp(CTYPE, v)
def dist(v): return hp(CDIST, v)
def site(v): return hp(SITE, v)
def lat(v): return code("HAS CONCEPT MOD", LAT, v)
def assess(cat, children=()):
    return hp(ASSESS, BI[cat] if isinstance(cat, str) else cat, children)
def fup(v): return hp(FUP, v)
def pathology(*items):
    return container("HAS PROPERTIES", C("111468", "DCM", "Pathology Results"),
                     [code("CONTAINS", cc, vv) for cc, vv in items])
PROC_RESULT = C("122177", "DCM", "Procedure Result"); PATH = C("111042", "DCM", "Pathology")

def finding(props, fcode=CALC):
    return code("CONTAINS", C("121071", "DCM", "Finding"), fcode, props)

def overall(*items):
    return container("CONTAINS", C("111413", "DCM", "Overall Assessment"), list(items))
def ov_assess(cat, children=()):
    return code("CONTAINS", ASSESS, BI[cat] if isinstance(cat, str) else cat, children)
def ov_fup(v): return code("CONTAINS", FUP, v)

def proc(side):
    return code("CONTAINS", C("121058", "DCM", "Procedure reported"), C("71651007", "SCT", "Mammography"),
                [code("HAS CONCEPT MOD", LAT, side)])

def report(n, name, findings, overalls=(), side=LEFT, sop=("1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR", "EnhancedSRStorage")):
    study = f"{ROOT}.{n}"
    body = container(None, C("111400", "DCM", "Breast Imaging Report"), [
        code("HAS CONCEPT MOD", C("121049", "DCM", "Language of Content Item and Descendants"),
             C("en-US", "RFC5646", "English, United States")),
        container("CONTAINS", C("111412", "DCM", "Narrative Summary"), [
            container("CONTAINS", C("121070", "DCM", "Findings"), [
                text("CONTAINS", C("121073", "DCM", "Impression"), "See supplementary coded data.")])]),
        container("CONTAINS", C("111414", "DCM", "Supplementary Data"), [
            proc(BOTH),
            container("CONTAINS", C("121070", "DCM", "Findings"), [proc(side)] + list(findings)),
        ] + list(overalls)),
    ])
    return f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- safety probe {esc(name)} (issue 14); source for: xml2dsr {esc(name)}.xml {esc(name)}.dcm -->
<report type="{sop[1]}">
<sopclass uid="{sop[0]}">{sop[2]}</sopclass>
<charset>ISO_IR 100</charset>
<modality>SR</modality>
<manufacturer>mammocalc safety probes</manufacturer>
<patient>
<id>SP-{n:04d}</id>
<name>
<first>{esc(name.upper().replace('_', ' ')[:60])}</first>
<last>PROBE</last>
</name>
<birthday>
<date>1962-03-14</date>
</birthday>
<sex>F</sex>
</patient>
<study uid="{study}.1">
<id>{n}</id>
<date>2026-02-02</date>
<time>10:00:00</time>
<accession>
<number>SP{n:04d}</number>
</accession>
<description>MG bilateral (safety probe)</description>
</study>
<series uid="{study}.2">
<number>1</number>
</series>
<instance uid="{study}.3">
<number>1</number>
<creation>
<date>2026-02-02</date>
<time>11:00:00</time>
</creation>
</instance>
<document>
<completion flag="COMPLETE">
</completion>
<verification flag="UNVERIFIED">
</verification>
<content>
<date>2026-02-02</date>
<time>11:00:00</time>
{body}</content>
</document>
</report>
"""

def annotation(n, body, comment, radiologist="Probe Radiologist"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- {esc(comment)} -->
<annotations xmlns="urn:mammocalc:annotations:1">
  <study studyInstanceUid="{ROOT}.{n}.1"/>
  <radiologist name="{esc(radiologist)}"/>
{body}</annotations>
"""

PROBES = []
COMPREHENSIVE = ("1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR", "ComprehensiveSRStorage")
def probe(name, findings, overalls=(), side=LEFT, annotations=None, sop=None):
    PROBES.append((name, findings, overalls, side, annotations or {}, sop))

# benign base: punctate diffuse left, lobular pattern -> C1/C2 category 2
BEN = [typ(PUNCTATE), dist(DIFFUSE)]

# ---- class 1: last value wins
probe("c1_dist_segmental_then_diffuse", [finding([typ(PUNCTATE), dist(SEGMENTAL), dist(DIFFUSE)])])
probe("c1_dist_diffuse_then_segmental", [finding([typ(PUNCTATE), dist(DIFFUSE), dist(SEGMENTAL)])])
probe("c1_assess_5_then_2", [finding([assess("5"), assess("2")] + BEN)])
probe("c1_assess_2_then_5", [finding([assess("2"), assess("5")] + BEN)])
probe("c1_site_duct_then_lobule", [finding([site(DUCT), site(LOBULE)] + BEN)])
probe("c1_site_lobule_then_duct", [finding([site(LOBULE), site(DUCT)] + BEN)])
probe("c1_lat_right_then_both", [finding([lat(RIGHT), lat(BOTH), typ(AMORPH), dist(DIFFUSE)])], side=RIGHT)
probe("c1_lat_both_then_right", [finding([lat(BOTH), lat(RIGHT), typ(AMORPH), dist(DIFFUSE)])], side=RIGHT)
probe("c1_assess_lat_both_on_left_finding",
      [finding([lat(LEFT), assess("3", [lat(BOTH)]), typ(AMORPH), dist(DIFFUSE)])])

# ---- class 2: per-breast / repeated overall assessments
probe("c2_overall_left5_right1", [finding(BEN)],
      [overall(ov_assess("5", [lat(LEFT)]), ov_assess("1", [lat(RIGHT)]))])
probe("c2_overall_right1_left5", [finding(BEN)],
      [overall(ov_assess("1", [lat(RIGHT)]), ov_assess("5", [lat(LEFT)]))])
probe("c2_two_overall_5_then_2", [finding(BEN)], [overall(ov_assess("5")), overall(ov_assess("2"))])
probe("c2_two_overall_2_then_5", [finding(BEN)], [overall(ov_assess("2")), overall(ov_assess("5"))])
probe("c2_finding2_overall5", [finding([assess("2")] + BEN)], [overall(ov_assess("5"))])

# ---- class 3: findings not recognised as calcification findings
probe("c3_mass_with_calc_type_round_diffuse",
      [finding([typ(ROUND), dist(DIFFUSE)], fcode=C("129788004", "SCT", "Mammographic breast mass"))])
probe("c3_mass_with_calc_type_punctate_diffuse",
      [finding([assess("2"), typ(PUNCTATE), dist(DIFFUSE)], fcode=C("129788004", "SCT", "Mammographic breast mass"))])
probe("c3_microcalc_finding_code_assess5", [finding([assess("5")], fcode=MICRO)])
probe("c3_local_finding_code_assess5", [finding([assess("5")], fcode=C("CALC01", "99LOCAL", "Calcifications"))])
probe("c3_local_finding_code_flb_segmental",
      [finding([typ(FLB), dist(SEGMENTAL)], fcode=C("CALC01", "99LOCAL", "Calcifications"))])

# ---- class 4: pathology ignored
probe("c4_pathology_infiltrating_duct_carcinoma",
      [finding([assess("2", [pathology((PATH, C("82711006", "SCT", "Infiltrating duct carcinoma")))])] + BEN)], sop=COMPREHENSIVE)
probe("c4_benign_result_beside_high_grade_dcis",
      [finding([assess("2", [pathology((PROC_RESULT, C("30807003", "SCT", "Benign")),
                                      (PATH, C("111341", "DCM", "Intraductal carcinoma, high grade")))])] + BEN)], sop=COMPREHENSIVE)
probe("c4_pathology_invasive_lobular_carcinoma",
      [finding([assess("2", [pathology((PATH, C("89740008", "SCT", "Invasive lobular carcinoma")))])] + BEN)], sop=COMPREHENSIVE)

probe("c4_procedure_result_malignant_reported2",
      [finding([assess("2", [pathology((PROC_RESULT, C("21594007", "SCT", "Malignant")))])] + BEN)], sop=COMPREHENSIVE)

# ---- class 5: follow-up codes asking for tissue
probe("c5_finding_followup_111143", [finding([assess("2"), fup(C("111143", "DCM", "Biopsy should be considered"))] + BEN)])
probe("c5_finding_followup_111148", [finding([assess("2"), fup(C("111148", "DCM", "Biopsy should be strongly considered"))] + BEN)])
probe("c5_finding_followup_111149", [finding([assess("2"), fup(C("111149", "DCM", "Highly suggestive of malignancy - take appropriate action"))] + BEN)])
probe("c5_finding_followup_111122", [finding([assess("2"), fup(C("111122", "DCM", "Known biopsy proven malignancy - take appropriate action"))] + BEN)])
probe("c5_overall_followup_111143_one_finding", [finding(BEN)],
      [overall(ov_assess("2"), ov_fup(C("111143", "DCM", "Biopsy should be considered")))])
probe("c5_overall_followup_111148_two_findings",
      [finding(BEN), finding([typ(VASC), dist(REGIONAL)])],
      [overall(ov_assess("2"), ov_fup(C("111148", "DCM", "Biopsy should be strongly considered")))])

# ---- class 6: unreadable items dropped silently
probe("c6_assess5_local_scheme", [finding([assess(C("BR5", "99LOCAL", "5 - Highly suggestive of malignancy"))] + BEN)])
probe("c6_assess5_scheme_variant", [finding([assess(C("397145000", "SNOMED", "5 - Highly suggestive of malignancy"))] + BEN)])
probe("c6_calctype_concept_local_scheme_flb",
      [finding([typ(PUNCTATE), hp(C("111009", "99LOCAL", "Calcification Type"), FLB), dist(DIFFUSE)])])
probe("c6_calctype_concept_wrong_scheme_flb",
      [finding([typ(PUNCTATE), hp(C("111009", "SCT", "Calcification Type"), FLB), dist(DIFFUSE)])])
probe("c6_punctate_plus_unknown_morphology_grouped",
      [finding([typ(PUNCTATE), typ(C("CT77", "99LOCAL", "Irregular calcification")), dist(GROUPED),
                hp(CHANGE, STABLE)])])

probe("c6_followup_local_code", [finding([assess("2"), fup(C("BX1", "99LOCAL", "Tissue sampling advised"))] + BEN)])
probe("c6_pathology_local_code",
      [finding([assess("2", [pathology((PROC_RESULT, C("30807003", "SCT", "Benign")),
                                      (PATH, C("P77", "99LOCAL", "Carcinoma, see report")))])] + BEN)], sop=COMPREHENSIVE)
probe("c6_distribution_local_code_punctate",
      [finding([typ(PUNCTATE), dist(C("D9", "99LOCAL", "Ductal pattern")), hp(CHANGE, STABLE)])])

# ---- class 8: annotation vs the report's overall category
probe("c8_sr_overall5_annotation2", [finding(BEN)], [overall(ov_assess("5"))],
      annotations={"": ('  <finding action="refine" srPosition="1.3.2.2">\n    <reportedCategory>2</reportedCategory>\n  </finding>\n',
                        "annotation says 2 where the SR overall says 5")})
probe("c8_sr_overall4_annotation1", [finding(BEN)], [overall(ov_assess("4"))],
      annotations={"": ('  <finding action="refine" srPosition="1.3.2.2">\n    <reportedCategory>1</reportedCategory>\n  </finding>\n',
                        "annotation says 1 where the SR overall says 4")})

# ---- class 9: two annotation files for one finding; name order must not decide
NONSPEC = [finding([typ(MICRO), dist(REGIONAL)])]
DUCTAL = ('  <finding action="refine" srPosition="1.3.2.2">\n    <site>ductal</site>\n  </finding>\n', "radiologist A: ductal")
LOBULAR = ('  <finding action="refine" srPosition="1.3.2.2">\n    <site>lobular</site>\n    <reportedCategory>2</reportedCategory>\n  </finding>\n',
           "radiologist B: lobular, BI-RADS 2")
probe("c9_two_annotations_ductal_then_lobular", NONSPEC, [overall(ov_assess("0"))], side=RIGHT,
      annotations={"1-ductal": DUCTAL, "2-lobular": LOBULAR})
probe("c9_two_annotations_lobular_then_ductal", NONSPEC, [overall(ov_assess("0"))], side=RIGHT,
      annotations={"1-lobular": LOBULAR, "2-ductal": DUCTAL})

# ---- controls: must keep their result
probe("ctl_punctate_diffuse_benign", [finding([assess("2")] + BEN)], [overall(ov_assess("2"))])
probe("ctl_vascular_benign", [finding([assess("2"), typ(VASC), dist(REGIONAL)])], [overall(ov_assess("2"))])
probe("ctl_popcorn_normal_followup_benign",
      [finding([assess("2"), fup(C("111140", "DCM", "Normal interval follow-up")), typ(POPCORN), dist(GROUPED)])],
      [overall(ov_assess("2"), ov_fup(C("111140", "DCM", "Normal interval follow-up")))])
probe("ctl_same_distribution_twice_benign", [finding([assess("2"), typ(PUNCTATE), dist(DIFFUSE), dist(DIFFUSE)])],
      [overall(ov_assess("2"))])
probe("ctl_per_breast_overall_consistent_benign", [finding([assess("2")] + BEN)],
      [overall(ov_assess("2", [lat(LEFT)]), ov_assess("1", [lat(RIGHT)]))])
probe("ctl_annotation_agrees_benign", [finding(BEN)], [overall(ov_assess("2"))],
      annotations={"": ('  <finding action="refine" srPosition="1.3.2.2">\n    <reportedCategory>2</reportedCategory>\n  </finding>\n',
                        "annotation agrees with the SR: 2")})
# Two radiologists who agree: two files, not one file and its copy (a copy, byte for byte or
# saying the same in another layout, is applied once and said, E18: hostile reviews 29 and 30,
# H29-12, H30-6). So the second names its own radiologist: a comment alone is no content.
LOBULAR_C = (LOBULAR[0], "radiologist C: lobular, BI-RADS 2", "Probe Radiologist C")
probe("ctl_two_annotations_agree_lobular_benign", NONSPEC, [overall(ov_assess("0"))], side=RIGHT,
      annotations={"1-lobular": LOBULAR, "2-lobular": LOBULAR_C})
probe("ctl_pathology_benign_result_benign",
      [finding([assess("2", [pathology((PROC_RESULT, C("30807003", "SCT", "Benign")))])] + BEN)],
      [overall(ov_assess("2"))], sop=COMPREHENSIVE)
probe("ctl_fine_linear_branching_segmental_suspicious", [finding([typ(FLB), dist(SEGMENTAL)])])
probe("ctl_amorphous_grouped_suspicious", [finding([typ(AMORPH), dist(GROUPED)])])
probe("ctl_reported5_punctate_suspicious", [finding([assess("5")] + BEN)], [overall(ov_assess("5"))])

def main():
    os.makedirs(OUT, exist_ok=True)
    for n, (name, findings, overalls, side, anns, sop) in enumerate(PROBES, start=1):
        with open(os.path.join(OUT, name + ".xml"), "w", encoding="iso-8859-1") as f:
            f.write(report(n, name, findings, overalls, side, **({"sop": sop} if sop else {})))
        for suffix, (body, comment, *radiologist) in anns.items():
            fn = name + (("." + suffix) if suffix else "") + ".annotations.xml"
            with open(os.path.join(OUT, fn), "w", encoding="utf-8") as f:
                f.write(annotation(n, body, comment, *radiologist))
    print(len(PROBES), "probes written")

if __name__ == "__main__":
    main()


# ---- class 7: CAD member types (TID 4000).  Built from the shape of
# samples/cad-clusters-by-reference.dcm (dsr2xml), reduced to one cluster inferred by reference
# from two Individual Calcifications, with the cluster's own assessment removed.
import subprocess, copy
import xml.etree.ElementTree as ET

def cad_probe(n, name, first_types, second_types):
    """first_types: the Calcification Type items, in order, of one member; second_types: the other's."""
    here = os.path.dirname(os.path.abspath(__file__))
    sample = os.path.join(here, "..", "..", "samples", "cad-clusters-by-reference.dcm")
    xml = subprocess.run(["dsr2xml", sample], check=True, capture_output=True).stdout
    root = ET.fromstring(xml)
    study = f"{ROOT}.{n}"
    root.find("study").set("uid", study + ".1")
    root.find("series").set("uid", study + ".2")
    root.find("instance").set("uid", study + ".3")
    root.find("study/accession/number").text = f"SP{n:04d}"
    root.find("patient/id").text = f"SP-{n:04d}"
    root.find("manufacturer").text = "mammocalc safety probes"
    top = root.find("document/content/container")
    summary = [c for c in top if c.tag == "code" and c.find("concept/value").text == "111017"][0]
    impressions = [c for c in summary if c.tag == "container"]
    for extra in impressions[3:]:
        summary.remove(extra)
    def sif(cont):
        return [c for c in cont if c.tag == "code" and c.find("concept/value").text == "111059"][0]
    def set_types(cont, types):
        f = sif(cont)
        old = [c for c in f if c.tag == "code" and c.find("concept/value").text == "111009"]
        at = list(f).index(old[0])
        for o in old:
            f.remove(o)
        for i, t in enumerate(types):
            e = copy.deepcopy(old[0])
            e.find("value").text, e.find("scheme/designator").text, e.find("meaning").text = t
            f.insert(at + i, e)
    # the member with several types is the second one (node id 20): extra items inside it
    # shift no node that a by-reference relationship points to
    set_types(impressions[0], second_types)
    set_types(impressions[1], first_types)
    for c in list(impressions[2]):
        if c.tag == "code" and c.find("concept/value").text == "111005":
            impressions[2].remove(c)
    with open(os.path.join(OUT, name + ".xml"), "wb") as f:
        f.write(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n')
        f.write(f"<!-- safety probe {name} (issue 14, TID 4000 CAD) -->\n".encode())
        f.write(ET.tostring(root, encoding="iso-8859-1", xml_declaration=False))

CAD_PROBES = [
    ("c7_cad_member_punctate_then_flb", [PUNCTATE, FLB], [PUNCTATE]),
    ("c7_cad_member_flb_then_punctate", [FLB, PUNCTATE], [PUNCTATE]),
    ("ctl_cad_members_flb_suspicious", [FLB], [FLB]),
]

if __name__ == "__main__":
    for i, (name, a, b) in enumerate(CAD_PROBES, start=len(PROBES) + 1):
        cad_probe(i, name, a, b)
    print(len(CAD_PROBES), "CAD probes written")
