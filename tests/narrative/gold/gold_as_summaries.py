#!/usr/bin/env python3
"""The gold set written as a perfect reader would write it: one summary per breast report in the
output contract of issue 16 (narrative findings with their sentences, readText mentions,
statedAssessment, statedFollowUp) and a batch index.xml, for checking the scoring pipeline
(summary_to_tsv.py + score.py) without the reader. Stdlib only.

    gold_as_summaries.py OUTDIR [MUTATION]
        MUTATION  drop-suspicious    the first finding with floor suspicious is left out
                  negated-finding    the first negated mention becomes a finding
                  benign-suspicious  the first suspicious finding is classified benign

The pipeline must PASS on the unmutated output and FAIL on each mutation.
"""
import csv, os, sys
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
CLS = {"suspicious": "suspicious", "not-benign": "indeterminate", "benign": "benign", "probably-benign": "probably-benign"}


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def first(v):
    return v.split("|")[0]


def finding_xml(fid, lat, morph, dist, site, change, clock, cls, status, sentences):
    out = [f'  <finding id="{fid}" laterality="{lat}" origin="narrative" position="1.1">']
    out.append(f'    <location clock="{clock}"/>' if clock not in ("none", "") else "    <location/>")
    out.append(f'    <site value="{site}" source="narrative"/>' if site != "none" else '    <site value="unknown" source="none"/>')
    for m in [m for m in morph.split(";") if m != "none"]:
        out.append(f'    <morphology term="{m}" codeValue="0" codingScheme="99X" codeMeaning="{m}"/>')
    if dist != "none":
        out.append(f'    <distribution term="{dist}" codeValue="0" codingScheme="99X" codeMeaning="{dist}"/>')
    out.append(f'    <evidence change="{change if change != "none" else "unknown"}" ultrasoundVisible="unknown" palpable="unknown" massWithCalcifications="false"/>')
    out.append(f'    <assessment category="3" classification="{cls}" ruleCategory="3" needsReview="true"/>')
    out.append('    <trace/>')
    out.append('    <warning code="narrative-derived">read from text</warning>')
    out.append(f'    <text status="{status}">')
    for s in sentences:
        out.append(f'      <sentence position="1.1" section="findings" begin="0" end="{len(s)}">{escape(s)}</sentence>')
    out.append('    </text>')
    out.append('  </finding>')
    return out


def category_xml(cat):
    if cat == "none":
        return []
    out = []
    for part in cat.split(";"):
        lat, c = part.split("=") if "=" in part else ("unknown", part)
        out.append(f'    <statedAssessment laterality="{lat}" category="{c}" position="1.2">BI-RADS {escape(c)}.</statedAssessment>')
    return out


def main(argv):
    if len(argv) not in (1, 2) or (len(argv) == 2 and argv[1] not in ("drop-suspicious", "negated-finding", "benign-suspicious")):
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, mutation = argv[0], (argv[1] if len(argv) == 2 else None)
    os.makedirs(out_dir, exist_ok=True)
    exp = [e for e in read("expected.tsv") if e["finding_no"] != "0"]
    men = [m for m in read("mentions.tsv") if m["mention_no"] != "0"]
    entries = []
    done = False
    for r in read("reports.tsv"):
        name = r["report"]
        if r["is_breast_report"] != "yes":
            entries.append(f'  <entry input="{name}.dcm" status="skipped" errorCode="not-breast-imaging">not a breast imaging report</entry>')
            continue
        body = []
        n = 0
        for e in [e for e in exp if e["report"] == name]:
            sentences = [m["sentence"] for m in men if m["report"] == name and e["finding_no"] in m["finding_no"].split(",")]
            cls = CLS[e["expected_classification"]]
            if not done and e["expected_classification"] == "suspicious" and mutation in ("drop-suspicious", "benign-suspicious"):
                done = True
                if mutation == "drop-suspicious":
                    continue
                cls = "benign"
            n += 1
            body += finding_xml(f"F{n}", e["laterality"], first(e["morphology"]), first(e["distribution"]), first(e["site"]),
                                e["change"], e["clock"], cls, e["mention_status"], sentences)
        if not done and mutation == "negated-finding":
            neg = [m for m in men if m["report"] == name and m["status"] == "negated"]
            if neg:
                done = True
                n += 1
                body += finding_xml(f"F{n}", "left", "none", "none", "none", "none", "none", "indeterminate", "affirmed", [neg[0]["sentence"]])
        body.append('  <exam needsReview="true" categorySource="findings">')
        body += category_xml(first(r["reported_category"]))
        fu = first(r["reported_followup"])
        if fu != "none":
            body.append(f'    <statedFollowUp term="{fu}" codeValue="0" codingScheme="99X" codeMeaning="{fu}" position="1.3">{escape(fu)}</statedFollowUp>')
        body.append('  </exam>')
        ms = [m for m in men if m["report"] == name]
        if ms:
            body.append('  <readText>')
            for m in ms:
                body.append(f'    <mention status="{first(m["status"])}" section={quoteattr(m["section"])} laterality="unknown" position="1.1" '
                            f'begin="0" end="{len(m["sentence"])}" words={quoteattr(m["mention_text"])}>{escape(m["sentence"])}</mention>')
            body.append('  </readText>')
        with open(os.path.join(out_dir, f"{name}.xml"), "w", encoding="utf-8") as fh:
            fh.write('<?xml version="1.0"?>\n<mammocalcSummary xmlns="urn:mammocalc:summary:1" rulesetVersion="2026.2" toolVersion="0">\n'
                     '  <notice>gold_as_summaries.py: the gold set as a perfect reader would write it</notice>\n')
            fh.write("\n".join(body) + "\n</mammocalcSummary>\n")
        entries.append(f'  <entry input="{name}.dcm" status="summarised" output="{name}.xml" findings="{n}" needsReview="true"/>')
    if mutation and not done:
        print(f"gold_as_summaries.py: mutation {mutation} found nothing to change", file=sys.stderr)
        return 1
    with open(os.path.join(out_dir, "index.xml"), "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0"?>\n<mammocalcIndex xmlns="urn:mammocalc:index:1" rulesetVersion="2026.2" toolVersion="0" '
                 f'inputs="{len(entries)}" summarised="0" skipped="0" failed="0">\n  <notice>gold</notice>\n')
        fh.write("\n".join(entries) + '\n  <rollup findings="0" discordantAssessments="0" needsRadiologistReview="0"/>\n</mammocalcIndex>\n')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
