#!/usr/bin/env python3
"""Writes the narrative gold set (issue 16): sources/NAME.xml (xml2dsr input), headers.tsv,
expected.tsv, mentions.tsv and reports.tsv, all from the report tables in reports_data.py (English)
and reports_data_de.py (German, issue 17: each report with its Language of Content Item).

Written from the specification only (issue 16, narrative.md, decision-logic.md §6, domain.md,
tests/safety as a style model); no reader code was read. Stdlib only.

The script checks its own table before writing anything:
  - every quoted sentence occurs verbatim in its report's text, and every quoted mention phrase
    occurs in its sentence;
  - every calcification word in a breast report's text (calcification(s), calcs, microcalcs,
    microcalcifications, macrocalcifications, milk of calcium, BAC; in a German report also every
    word holding "kalk" or "kalzifi") lies inside a listed mention sentence, so no mention is left
    out of mentions.tsv;
  - affirmed/uncertain mentions point at a finding, other statuses at none; every finding has a
    mention; a finding's mention_status is affirmed when any of its mentions is affirmed.
"""
import os, re, sys
sys.dont_write_bytecode = True
from xml.sax.saxutils import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from reports_data import REPORTS as REPORTS_EN  # noqa: E402
from reports_data_de import REPORTS as REPORTS_DE  # noqa: E402

REPORTS = REPORTS_EN + REPORTS_DE   # the German reports after the English ones (their numbers unchanged)

OUT = os.path.join(HERE, "sources")
ROOT = "1.2.826.0.1.3680043.10.1363.916"

def C(v, s, m):
    return (v, s, m)

# SOP classes
BASIC = ("1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR", "BasicTextSRStorage")
ENHANCED = ("1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR", "EnhancedSRStorage")

# root concepts: narrative.md §1 (generic text-SR root) and domain.md §2 (TID 4200 root)
ROOT_DX = C("18748-4", "LN", "Diagnostic imaging study")
ROOT_BIR = C("111400", "DCM", "Breast Imaging Report")

# section containers and their TEXT item concepts (narrative.md §1)
SECTIONS = {
    "history": (C("121060", "DCM", "History"), C("121060", "DCM", "History")),
    "procedure": (C("121064", "DCM", "Current Procedure Descriptions"), C("121065", "DCM", "Procedure Description")),
    "comparison": (C("121066", "DCM", "Prior Procedure Descriptions"), C("121065", "DCM", "Procedure Description")),
    "findings": (C("121070", "DCM", "Findings"), C("121071", "DCM", "Finding")),
    "impression": (C("121072", "DCM", "Impressions"), C("121073", "DCM", "Impression")),
    "recommendation": (C("121074", "DCM", "Recommendations"), C("121075", "DCM", "Recommendation")),
}

def concept_xml(c):
    v, s, m = c
    return (f"<concept>\n<value>{esc(v)}</value>\n<scheme>\n<designator>{esc(s)}</designator>\n</scheme>\n"
            f"<meaning>{esc(m)}</meaning>\n</concept>\n")

def text_item(rel, concept, value):
    r = f"<relationship>{rel}</relationship>\n" if rel else ""
    return f"<text>\n{r}{concept_xml(concept)}<value>{esc(value)}</value>\n</text>\n"

def container(rel, concept, children):
    r = f"<relationship>{rel}</relationship>\n" if rel else ""
    return f'<container flag="SEPARATE">\n{r}{concept_xml(concept)}' + "".join(children) + "</container>\n"

# CID 5000 Languages (PS3.16): scheme RFC5646. Meanings as DCMTK's CID5000_Languages spells them.
LANGS = {
    "de": ("de", "RFC5646", "German"),
    "de-DE": ("de-DE", "RFC5646", "German (DE)"),
    "de-AT": ("de-AT", "RFC5646", "German (AT)"),
    "de-CH": ("de-CH", "RFC5646", "German (CH)"),
}

def lang_code(lang):
    """R(lang=...) -> (value, scheme, meaning): a key of LANGS or an explicit tuple."""
    return LANGS[lang] if isinstance(lang, str) else tuple(lang)

def lang_tag(r):
    """reports.tsv 'language': en when the report carries no Language item, else the primary
    language of its code (de for de, de-DE, deu, ger)."""
    if not r.get("lang"):
        return "en"
    v = lang_code(r["lang"])[0].split("-")[0].lower()
    return {"deu": "de", "ger": "de", "eng": "en"}.get(v, v)

def language(lang=None):
    """TID 1204 Language of Content Item and Descendants on the root (HAS CONCEPT MOD).
    No lang: the en-US item the English TID 4200 reports have always carried."""
    if lang is None:
        return ("<code>\n<relationship>HAS CONCEPT MOD</relationship>\n"
                + concept_xml(C("121049", "DCM", "Language of Content Item and Descendants"))
                + "<value>en-US</value>\n<scheme>\n<designator>RFC5646</designator>\n</scheme>\n"
                "<meaning>English, United States</meaning>\n</code>\n")
    v, sch, m = lang_code(lang)
    return ("<code>\n<relationship>HAS CONCEPT MOD</relationship>\n"
            + concept_xml(C("121049", "DCM", "Language of Content Item and Descendants"))
            + f"<value>{esc(v)}</value>\n<scheme>\n<designator>{esc(sch)}</designator>\n</scheme>\n"
            f"<meaning>{esc(m)}</meaning>\n</code>\n")

def body_xml(r):
    """The content tree. layout 'sections': one CONTAINER per section, one TEXT per string;
    'onetext': the whole report in one TEXT item (under root, or inside a Findings container
    when onetext_in='findings')."""
    if r["layout"] == "sections":
        parts = []
        for key, texts in r["content"]:
            cont, item = SECTIONS[key]
            if isinstance(texts, str):
                texts = [texts]
            parts.append(container("CONTAINS", cont, [text_item("CONTAINS", item, t) for t in texts]))
    else:
        t = text_item("CONTAINS", C("121071", "DCM", "Finding"), r["content"])
        if r.get("onetext_in") == "findings":
            parts = [container("CONTAINS", SECTIONS["findings"][0], [t])]
        else:
            parts = [t]
    lang = r.get("lang")
    if r["root"] == "bir":
        return container(None, ROOT_BIR, [language(lang), container("CONTAINS", C("111412", "DCM", "Narrative Summary"), parts)])
    return container(None, ROOT_DX, ([language(lang)] if lang else []) + parts)

def report_xml(n, r):
    sop = ENHANCED if r["sop"] == "enhanced" else BASIC
    study = f"{ROOT}.{n}"
    return f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- narrative gold report {esc(r['name'])} ({'issue 17, German' if r.get('lang') else 'issue 16'}); source for: xml2dsr {esc(r['name'])}.xml {esc(r['name'])}.dcm -->
<report type="{sop[1]}">
<sopclass uid="{sop[0]}">{sop[2]}</sopclass>
<charset>ISO_IR 100</charset>
<modality>SR</modality>
<manufacturer>mammocalc narrative gold set</manufacturer>
<patient>
<id>NG-{n:04d}</id>
<name>
<first>{esc(r['name'].upper().replace('_', ' ')[:60])}</first>
<last>GOLD</last>
</name>
<birthday>
<date>1961-05-20</date>
</birthday>
<sex>{r.get('sex', 'F')}</sex>
</patient>
<study uid="{study}.1">
<id>{n}</id>
<date>2026-11-02</date>
<time>09:00:00</time>
<accession>
<number>NG{n:04d}</number>
</accession>
<description>{esc(r['desc'])}</description>
</study>
<series uid="{study}.2">
<number>1</number>
</series>
<instance uid="{study}.3">
<number>1</number>
<creation>
<date>2026-11-02</date>
<time>10:00:00</time>
</creation>
</instance>
<document>
<completion flag="COMPLETE">
</completion>
<verification flag="UNVERIFIED">
</verification>
<content>
<date>2026-11-02</date>
<time>10:00:00</time>
{body_xml(r)}</content>
</document>
</report>
"""

def full_text(r):
    if r["layout"] == "sections":
        out = []
        for _, texts in r["content"]:
            out += [texts] if isinstance(texts, str) else list(texts)
        return "\n\n".join(out)
    return r["content"]

CALC_WORD = re.compile(r"(?i)\b(?:micro|macro)?calc(?:ification|s)?s?\b|milk of calcium|\bBAC\b")
# German (issue 17): any word holding "kalk" or "kalzifi" -- Verkalkung(en), Gefäßverkalkungen,
# Mikroverkalkungen, Mikrokalk, Makrokalk, Mikrokalkgruppe, Kalk, Kalkmilch, Gusskalk, verkalkt(es),
# Kalzifikation(en), Mikrokalzifikationen, Kalzifizierung ... (checked in German reports, beside CALC_WORD)
CALC_WORD_DE = re.compile(r"(?i)\b\w*(?:kalk|kalzifi)\w*")
STATUSES = {"affirmed", "negated", "uncertain", "historical", "hypothetical"}
LATS = {"right", "left", "unknown"}
MORPHS = {"skin", "vascular", "coarse-popcorn", "large-rod-like", "round", "punctate", "rim", "lucent-centred",
          "dystrophic", "milk-of-calcium", "suture", "amorphous", "coarse-heterogeneous", "fine-pleomorphic",
          "fine-linear", "fine-linear-branching", "none"}
DISTS = {"diffuse", "regional", "grouped", "linear", "segmental", "within-mass", "none"}
SITES = {"lobular", "ductal", "none"}
CHANGES = {"new", "increased", "stable", "decreased", "none"}
FLOORS = {"suspicious", "not-benign", "probably-benign", "benign"}

def alts(v):
    """'a|b' = either accepted; 'a;b' = both terms (several morphology terms)."""
    return [x for a in v.split("|") for x in a.split(";")]

def check(r, errors):
    name = r["name"]
    text = full_text(r)
    for i, m in enumerate(r["mentions"], 1):
        sec, st, fno, phrase, sent = m[:5]
        for s in st.split("|"):
            if s not in STATUSES:
                errors.append(f"{name} m{i}: bad status {st}")
        if sent not in text:
            errors.append(f"{name} m{i}: sentence not in text: {sent!r}")
        if phrase not in sent:
            errors.append(f"{name} m{i}: phrase {phrase!r} not in sentence")
        main = st.split("|")[0]
        if main in ("affirmed", "uncertain") and fno == "-" and r["breast"] == "yes":
            errors.append(f"{name} m{i}: {st} mention without finding")
        if main not in ("affirmed", "uncertain") and fno != "-":
            errors.append(f"{name} m{i}: {st} mention with finding {fno}")
        for f in (fno.split(",") if fno != "-" else []):
            if not (1 <= int(f) <= len(r["findings"])):
                errors.append(f"{name} m{i}: finding {f} does not exist")
    if r.get("lang") and not name.startswith("de_"):
        errors.append(f"{name}: a report with a language must be named de_...")
    if name.startswith("de_") and lang_tag(r) != "de":
        errors.append(f"{name}: a German report needs lang='de'/'de-DE'/... (issue 17: every German report carries it)")
    if r["breast"] == "yes":
        words = list(CALC_WORD.finditer(text))
        if lang_tag(r) == "de":
            words += list(CALC_WORD_DE.finditer(text))
        for mo in words:
            covered = False
            for m in r["mentions"]:
                start = 0
                while True:
                    k = text.find(m[4], start)
                    if k < 0:
                        break
                    if k <= mo.start() < k + len(m[4]):
                        covered = True
                        break
                    start = k + 1
                if covered:
                    break
            if not covered:
                ctx = text[max(0, mo.start() - 40):mo.end() + 40].replace("\n", " ")
                errors.append(f"{name}: calcification word not in any mention: ...{ctx}...")
    for j, f in enumerate(r["findings"], 1):
        lat, morph, dist, site, change, status, floor, clock = f[:8]
        if lat not in LATS: errors.append(f"{name} f{j}: laterality {lat}")
        for x in alts(morph):
            if x not in MORPHS: errors.append(f"{name} f{j}: morphology {x}")
        for x in alts(dist):
            if x not in DISTS: errors.append(f"{name} f{j}: distribution {x}")
        for x in alts(site):
            if x not in SITES: errors.append(f"{name} f{j}: site {x}")
        if change not in CHANGES: errors.append(f"{name} f{j}: change {change}")
        if floor not in FLOORS: errors.append(f"{name} f{j}: floor {floor}")
        linked = [m for m in r["mentions"] if m[2] != "-" and str(j) in m[2].split(",")]
        if not linked:
            errors.append(f"{name} f{j}: no mention")
        want = "affirmed" if any(m[1].split("|")[0] == "affirmed" for m in linked) else "uncertain"
        if linked and status != want:
            errors.append(f"{name} f{j}: mention_status {status}, mentions say {want}")
    if r["breast"] == "no" and r["findings"]:
        errors.append(f"{name}: non-breast report with findings")

def tsv(v):
    assert "\t" not in v and "\n" not in v, v
    return v

def main():
    names = [r["name"] for r in REPORTS]
    dup = {n for n in names if names.count(n) > 1}
    errors = [f"duplicate report name {d}" for d in dup]
    for r in REPORTS:
        check(r, errors)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".xml"):
            os.remove(os.path.join(OUT, old))
    exp = ["report\tfinding_no\tlaterality\tmorphology\tdistribution\tsite\tchange\tclock\tmention_status\texpected_classification\tnote"]
    men = ["report\tmention_no\tsection\tstatus\tfinding_no\tmention_text\tsentence\tnote"]
    rep = ["report\tclass\tsop_class\tlayout\tis_breast_report\treported_category\treported_followup\tnote\tlanguage"]
    hdr = ["report\tbody_part_examined\tstudy_description"]
    for n, r in enumerate(REPORTS, 1):
        with open(os.path.join(OUT, r["name"] + ".xml"), "w", encoding="iso-8859-1") as f:
            f.write(report_xml(n, r))
        hdr.append("\t".join([r["name"], r.get("body", "BREAST"), r["desc"]]))
        rep.append("\t".join(tsv(x) for x in [r["name"], r["cls"], r["sop"], r["layout"], r["breast"], r["cat"], r["fup"], r.get("note", ""), lang_tag(r)]))
        if not r["findings"]:
            exp.append("\t".join([r["name"], "0", "none", "none", "none", "none", "none", "none", "none", "none",
                                  "no finding expected" + (": not a breast report, refused (decision-logic §6.6)" if r["breast"] == "no" else "")]))
        for j, f in enumerate(r["findings"], 1):
            note = f[8] if len(f) > 8 else ""
            exp.append("\t".join(tsv(x) for x in [r["name"], str(j)] + list(f[:5]) + [f[7], f[5], f[6], note]))
        if not r["mentions"]:
            men.append("\t".join([r["name"], "0", "none", "none", "-", "none", "none", "no calcification mention in the text"]))
        for i, m in enumerate(r["mentions"], 1):
            note = m[5] if len(m) > 5 else ""
            if r["breast"] == "no":
                note = ("not a breast report (refused): not scored. " + note).strip()
            men.append("\t".join(tsv(x) for x in [r["name"], str(i), m[0], m[1], m[2], m[3], m[4], note]))
    for fn, rows in (("expected.tsv", exp), ("mentions.tsv", men), ("reports.tsv", rep), ("headers.tsv", hdr)):
        with open(os.path.join(HERE, fn), "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
    print(f"{len(REPORTS)} reports, {len(exp) - 1} expected rows, {len(men) - 1} mention rows written")

if __name__ == "__main__":
    main()
