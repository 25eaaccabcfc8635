#!/usr/bin/env python3
"""Converts mammocalc summaries of the narrative gold set into the three TSV files that
score.py PREDICTED_DIR reads (see score.py's docstring). Stdlib only (xml.etree).

    summary_to_tsv.py --index OUTDIR/index.xml PREDICTED_DIR
        a batch run (`mammocalc summarize DIR -o OUTDIR`): every entry of the index is one report,
        named by its input file (NAME.dcm -> NAME); status summarised -> its summary is read;
        skipped with errorCode not-breast-imaging -> refused; anything else -> refused 'failed'
        (which score.py counts as a wrong breast/not-breast decision).
    summary_to_tsv.py --manifest MANIFEST.tsv PREDICTED_DIR
        one process per report: MANIFEST rows are `report<TAB>status<TAB>summary-path`, status
        summarised, refused or failed (the caller decides refused from exit 1 and the
        "not a breast imaging report" line).
    summary_to_tsv.py --self-test
        converts the hand-written summaries in fixtures/ and checks every row.

What is read (the output contract of issue 16; namespaces are ignored):
  findings.tsv   one row per /mammocalcSummary/finding[@origin='narrative']:
                 laterality        @laterality as written
                 morphology        morphology/@term, document order, distinct, joined by ';'
                 distribution      distribution/@term
                 site              site/@value only when site/@source='narrative' (the gold scores
                                   the site stated in the text, not an inference), and not 'unknown'
                 change            evidence/@change ('unknown' -> none)
                 clock             location/@clock
                 classification    assessment/@classification
                 sentences         text/sentence, joined by ' || '
                 absent values are 'none'
  mentions.tsv   one row per readText/mention: status, and its text as the sentence
  reports.tsv    refused yes/no/failed; reported_category from exam/statedAssessment: laterality
                 unknown = overall; overall alone '4C', per breast 'right=1;left=5' (right first),
                 both when both: '4C;right=4C'; several different categories for the same side are
                 kept, joined by ',' (so a contradiction shows as a mismatch); 'none' when none.
                 reported_followup: exam/statedFollowUp/@term, distinct, document order, joined by
                 ';'; 'none' when none.
All whitespace runs inside a value (tabs, line breaks of the report text) become one space.
"""
import csv, os, re, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
FINDING_COLUMNS = ("report", "laterality", "morphology", "distribution", "site", "change", "clock",
                   "classification", "sentences")
MENTION_COLUMNS = ("report", "status", "sentence")
REPORT_COLUMNS = ("report", "refused", "reported_category", "reported_followup")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def children(elem, name):
    return [c for c in elem if local(c.tag) == name]


def child(elem, name):
    found = children(elem, name)
    return found[0] if found else None


def flat(s):
    return re.sub(r"\s+", " ", s or "").strip()


def distinct(values):
    out = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def or_none(v):
    return v if v else "none"


def read_finding(report, f):
    site_el = child(f, "site")
    site = None
    if site_el is not None and site_el.get("source") == "narrative" and site_el.get("value") not in (None, "unknown"):
        site = site_el.get("value")
    dist = child(f, "distribution")
    ev = child(f, "evidence")
    change = ev.get("change") if ev is not None else None
    loc = child(f, "location")
    ass = child(f, "assessment")
    text = child(f, "text")
    sentences = [flat("".join(s.itertext())) for s in children(text, "sentence")] if text is not None else []
    return dict(report=report,
                laterality=or_none(f.get("laterality")),
                morphology=or_none(";".join(distinct(m.get("term") for m in children(f, "morphology")))),
                distribution=or_none(dist.get("term") if dist is not None else None),
                site=or_none(site),
                change=or_none(None if change == "unknown" else change),
                clock=or_none(loc.get("clock") if loc is not None else None),
                classification=or_none(ass.get("classification") if ass is not None else None),
                sentences=" || ".join(s for s in sentences if s))


def reported_category(exam):
    sides = {"overall": [], "right": [], "left": []}
    for s in children(exam, "statedAssessment") if exam is not None else []:
        lat = s.get("laterality", "unknown")
        cat = s.get("category")
        for side in {"unknown": ["overall"], "both": ["right", "left"]}.get(lat, [lat]):
            sides.setdefault(side, []).append(cat)
    parts = []
    if sides["overall"]:
        parts.append(",".join(distinct(sides["overall"])))
    for side in ("right", "left"):
        if sides[side]:
            parts.append(f"{side}=" + ",".join(distinct(sides[side])))
    for side in sorted(set(sides) - {"overall", "right", "left"}):   # a laterality outside the contract
        parts.append(f"{side}=" + ",".join(distinct(sides[side])))
    return ";".join(parts) if parts else "none"


def read_summary(report, path):
    root = ET.parse(path).getroot()
    if local(root.tag) != "mammocalcSummary":
        raise ValueError(f"{path}: not a mammocalc summary (root {local(root.tag)})")
    findings = [read_finding(report, f) for f in children(root, "finding") if f.get("origin") == "narrative"]
    mentions = []
    read_text = child(root, "readText")
    if read_text is not None:
        for m in children(read_text, "mention"):
            mentions.append(dict(report=report, status=or_none(m.get("status")), sentence=flat("".join(m.itertext()))))
    exam = child(root, "exam")
    followups = distinct(u.get("term") for u in children(exam, "statedFollowUp")) if exam is not None else []
    rep = dict(report=report, refused="no", reported_category=reported_category(exam),
               reported_followup=or_none(";".join(followups)))
    return findings, mentions, rep


def convert(rows, out_dir):
    """rows: (report, status, summary path or None); status summarised / refused / failed."""
    findings, mentions, reports = [], [], []
    for report, status, path in rows:
        if status == "summarised":
            f, m, r = read_summary(report, path)
            findings += f; mentions += m; reports.append(r)
        else:
            reports.append(dict(report=report, refused="yes" if status == "refused" else "failed",
                                reported_category="none", reported_followup="none"))
    os.makedirs(out_dir, exist_ok=True)
    for name, cols, data in (("findings.tsv", FINDING_COLUMNS, findings), ("mentions.tsv", MENTION_COLUMNS, mentions),
                             ("reports.tsv", REPORT_COLUMNS, reports)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(cols)
            for d in data:
                w.writerow([d[c] for c in cols])
    return findings, mentions, reports


def report_name(input_path):
    name = os.path.basename(input_path)
    return name[:-4] if name.endswith(".dcm") else name


def rows_from_index(index_path):
    base = os.path.dirname(os.path.abspath(index_path))
    rows = []
    for e in ET.parse(index_path).getroot():
        if local(e.tag) != "entry":
            continue
        report, status = report_name(e.get("input", "")), e.get("status")
        if status == "summarised":
            out = e.get("output", "")
            path = out if os.path.isabs(out) else os.path.join(base, os.path.basename(out))
            if not os.path.isfile(path) and os.path.isfile(out):
                path = out
            rows.append((report, "summarised", path))
        elif status == "skipped" and e.get("errorCode") == "not-breast-imaging":
            rows.append((report, "refused", None))
        else:
            rows.append((report, "failed", None))
    return rows


def rows_from_manifest(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            report, status, summary = (line.split("\t") + ["", ""])[:3]
            if status not in ("summarised", "refused", "failed"):
                raise ValueError(f"{path}: bad status {status!r} for {report}")
            rows.append((report, status, summary or None))
    return rows


def read_tsv(path):
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def self_test():
    """Converts fixtures/*.xml (hand-written summaries: index.xml names them) and compares every
    row with fixtures/expected-*.tsv; then checks that a summary with its suspicious finding
    removed loses exactly that row."""
    import tempfile, shutil
    fx = os.path.join(HERE, "fixtures")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        rows = rows_from_index(os.path.join(fx, "index.xml"))
        convert(rows, tmp)
        for name in ("findings", "mentions", "reports"):
            got, want = read_tsv(os.path.join(tmp, f"{name}.tsv")), read_tsv(os.path.join(fx, f"expected-{name}.tsv"))
            if got != want:
                failures.append(f"{name}.tsv differs from fixtures/expected-{name}.tsv:\n  got  {got}\n  want {want}")
        # the manifest form gives the same files
        man = os.path.join(tmp, "manifest.tsv")
        with open(man, "w", encoding="utf-8") as fh:
            for r, s, p in rows:
                fh.write(f"{r}\t{s}\t{p or ''}\n")
        convert(rows_from_manifest(man), os.path.join(tmp, "m"))
        for name in ("findings", "mentions", "reports"):
            if read_tsv(os.path.join(tmp, "m", f"{name}.tsv")) != read_tsv(os.path.join(tmp, f"{name}.tsv")):
                failures.append(f"--manifest and --index give different {name}.tsv")
        # mutation: the suspicious finding removed from the first fixture
        src = os.path.join(fx, "sus.xml")
        mutated = os.path.join(tmp, "sus-mutated.xml")
        tree = ET.parse(src)
        root = tree.getroot()
        for f in children(root, "finding"):
            a = child(f, "assessment")
            if f.get("origin") == "narrative" and a is not None and a.get("classification") == "suspicious":
                root.remove(f)
                break
        tree.write(mutated)
        before, _, _ = read_summary("sus", src)
        after, _, _ = read_summary("sus", mutated)
        if not (len(after) == len(before) - 1 and all(x["classification"] != "suspicious" for x in after)):
            failures.append(f"mutation not seen: {len(before)} findings before, {len(after)} after removing the suspicious one")
    for f in failures:
        print("FAIL: " + f)
    print("summary_to_tsv self-test: " + ("FAIL" if failures else "PASS"))
    return 1 if failures else 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    if len(argv) == 3 and argv[0] in ("--index", "--manifest"):
        rows = rows_from_index(argv[1]) if argv[0] == "--index" else rows_from_manifest(argv[1])
        f, m, r = convert(rows, argv[2])
        print(f"summary_to_tsv: {len(r)} reports ({sum(x['refused'] == 'yes' for x in r)} refused, "
              f"{sum(x['refused'] == 'failed' for x in r)} failed), {len(f)} narrative findings, {len(m)} mentions -> {argv[2]}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
