#!/usr/bin/env python3
"""Reference scorer for the narrative gold set (issue 16). Stdlib only.

    score.py PREDICTED_DIR        score a reader's output, converted to three TSV files
    score.py --self-test          score the gold tables against themselves (must be perfect)
    --language en|de              (before either) score only the reports of that language
                                  (reports.tsv column `language`; issue 17: the German reports);
                                  predictions for other reports are ignored. Same thresholds.

PREDICTED_DIR holds (tab-separated, header row, one file each; see README.md "Scoring"):
  findings.tsv  report, laterality, morphology, distribution, site, change, clock,
                classification, sentences
                - one row per narrative finding (origin="narrative"); morphology several terms
                  joined by ';'; absent values 'none'; classification as in the summary
                  (benign, probably-benign, indeterminate, suspicious, known-malignancy);
                  sentences: the quoted evidence sentences joined by ' || '
  mentions.tsv  report, status, sentence   - every calcification mention the reader lists
  reports.tsv   report, refused (yes/no), reported_category, reported_followup

Exit 1 when a threshold of issue 16 fails: per-descriptor precision and recall >= 0.98,
laterality accuracy >= 0.98, zero missed suspicious findings, zero negated mentions turned into
findings. Everything else is printed for the README table.
"""
import csv, os, re, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DESCRIPTORS = ("laterality", "morphology", "distribution", "site", "change")
RANK = {"benign": 0, "probably-benign": 1, "indeterminate": 2, "suspicious": 3, "known-malignancy": 4}
FLOOR = {"benign": 0, "probably-benign": 1, "not-benign": 2, "suspicious": 3}

def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def options(v):
    """expected value -> list of accepted value sets ('a|b' alternatives, 'a;b' several terms)."""
    return [frozenset(x for x in alt.split(";") if x != "none") for alt in v.split("|")]

def values(v):
    return frozenset(x for x in v.split(";") if x and x != "none")

def load_gold(language=None):
    exp = [e for e in read(os.path.join(HERE, "expected.tsv")) if e["finding_no"] != "0"]
    men = [m for m in read(os.path.join(HERE, "mentions.tsv")) if m["mention_no"] != "0"]
    rep = read(os.path.join(HERE, "reports.tsv"))
    if language is not None:
        rep = [r for r in rep if (r.get("language") or "en") == language]
        keep = {r["report"] for r in rep}
        exp = [e for e in exp if e["report"] in keep]
        men = [m for m in men if m["report"] in keep]
    for e in exp:
        e["sentences"] = [norm(m["sentence"]) for m in men if m["report"] == e["report"]
                          and m["finding_no"] != "-" and e["finding_no"] in m["finding_no"].split(",")]
    return exp, men, rep

def self_prediction(exp, men, rep):
    """The gold converted to the prediction format (first alternative of each value)."""
    cls = {"suspicious": "suspicious", "not-benign": "indeterminate", "benign": "benign", "probably-benign": "probably-benign"}
    f = [dict(report=e["report"], laterality=e["laterality"], morphology=e["morphology"].split("|")[0],
              distribution=e["distribution"].split("|")[0], site=e["site"].split("|")[0], change=e["change"],
              clock=e["clock"], classification=cls[e["expected_classification"]], sentences=" || ".join(e["sentences"]))
         for e in exp]
    m = [dict(report=x["report"], status=x["status"].split("|")[0], sentence=x["sentence"]) for x in men]
    r = [dict(report=x["report"], refused="no" if x["is_breast_report"] == "yes" else "yes",
              reported_category=x["reported_category"].split("|")[0], reported_followup=x["reported_followup"].split("|")[0]) for x in rep]
    return f, m, r

def match(exp, pred):
    """One-to-one: a predicted finding matches an expected one of the same report when one of its
    quoted sentences contains, or is contained in, a sentence of the expected finding's mentions;
    among several, the one with the same laterality and most equal descriptors wins."""
    pairs, used = [], set()
    by_report = defaultdict(list)
    for i, p in enumerate(pred):
        by_report[p["report"]].append(i)
    for e in exp:
        best, score = None, -1
        for i in by_report[e["report"]]:
            if i in used:
                continue
            ps = [norm(s) for s in pred[i]["sentences"].split("||") if s.strip()]
            if not any(a in b or b in a for a in ps for b in e["sentences"]):
                continue
            sc = sum(values(pred[i][d]) in options(e[d]) for d in DESCRIPTORS) + 2 * (pred[i]["laterality"] == e["laterality"])
            if sc > score:
                best, score = i, sc
        if best is not None:
            used.add(best)
        pairs.append((e, pred[best] if best is not None else None))
    extra = [pred[i] for i in range(len(pred)) if i not in used]
    return pairs, extra

def score(exp, men, rep, pred_f, pred_m, pred_r):
    fails = []
    breast = {r["report"] for r in rep if r["is_breast_report"] == "yes"}
    pred_f = [p for p in pred_f if p["report"] in breast]
    pairs, extra = match(exp, pred_f)
    print(f"findings: expected {len(exp)}, predicted {len(pred_f)}, matched {sum(p is not None for _, p in pairs)}, "
          f"missed {sum(p is None for _, p in pairs)}, extra {len(extra)}")
    fp_ = len(extra); tp_ = sum(p is not None for _, p in pairs); fn_ = len(pairs) - tp_
    print(f"  finding precision {tp_ / max(1, tp_ + fp_):.3f} recall {tp_ / max(1, tp_ + fn_):.3f}")
    print("descriptor      precision  recall   (tp/fp/fn)")
    for d in DESCRIPTORS:
        tp = fp = fn = 0
        for e, p in pairs:
            want = options(e[d])
            got = values(p[d]) if p else frozenset()
            if d == "laterality":
                want = [w - {"unknown"} for w in want]
                got = got - {"unknown"}
            if got in want:
                tp += len(got)
            else:
                best = max(want, key=lambda w: len(w & got))
                tp += len(best & got); fp += len(got - best); fn += len(best - got)
        for p in extra:
            fp += len(values(p[d]) - {"unknown"})
        prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"  {d:13s} {prec:9.3f} {rec:8.3f}   ({tp}/{fp}/{fn})")
        if d != "laterality" and (prec < 0.98 or rec < 0.98):
            fails.append(f"{d}: precision {prec:.3f} recall {rec:.3f} (needs >= 0.98)")
    lat_ok = sum(1 for e, p in pairs if p and p["laterality"] == e["laterality"])
    lat = lat_ok / max(1, len(pairs))
    print(f"laterality accuracy {lat:.3f} ({lat_ok}/{len(pairs)}; a missed finding counts as wrong)")
    if lat < 0.98:
        fails.append(f"laterality accuracy {lat:.3f} (needs >= 0.98)")
    missed_susp, floor_viol = [], []
    for e, p in pairs:
        f = FLOOR[e["expected_classification"]]
        got = RANK.get(p["classification"], -1) if p else -1
        if got < f:
            (missed_susp if f == 3 else floor_viol).append(f"{e['report']} #{e['finding_no']} ({e['expected_classification']}): "
                                                            + (p["classification"] if p else "no finding"))
    print(f"missed suspicious findings: {len(missed_susp)}")
    for x in missed_susp:
        print("  " + x)
    print(f"other floor violations (not-benign / probably-benign read lower): {len(floor_viol)}")
    for x in floor_viol:
        print("  " + x)
    if missed_susp:
        fails.append(f"{len(missed_susp)} missed suspicious findings (needs 0)")
    # negation: mentions whose every occurrence is negated/historical/hypothetical must not be findings
    by_sentence = defaultdict(set)
    for m in men:
        if m["report"] in breast:
            by_sentence[(m["report"], norm(m["sentence"]))].add(m["status"].split("|")[0])
    neg_findings = []
    for p in pred_f:
        ss = [norm(s) for s in p["sentences"].split("||") if s.strip()]
        st = set()
        for s in ss:
            for (r, sent), v in by_sentence.items():
                if r == p["report"] and (s in sent or sent in s):
                    st |= v
        if st and not st & {"affirmed", "uncertain"}:
            neg_findings.append(f"{p['report']}: {p['sentences']} ({'/'.join(sorted(st))})")
    print(f"negated/historical/hypothetical mentions turned into findings: {len(neg_findings)}")
    for x in neg_findings:
        print("  " + x)
    if neg_findings:
        fails.append(f"{len(neg_findings)} non-affirmed mentions turned into findings (needs 0)")
    # mention status accuracy (negation accuracy): every gold mention of a breast report
    # Matched by containment as README.md says (a gold sentence may keep its heading, a listed one
    # may not, or the reverse): exact sentences first, then containment; each listed mention is
    # used once (a sentence with two mentions needs two listed statuses).
    pm = defaultdict(list)
    for m in pred_m:
        pm[m["report"]].append([norm(m["sentence"]), m["status"], False])
    gold_m = [m for m in men if m["report"] in breast]
    good = [False] * len(gold_m)
    for exact in (True, False):
        for k, m in enumerate(gold_m):
            if good[k]:
                continue
            s, want = norm(m["sentence"]), m["status"].split("|")
            for cand in pm[m["report"]]:
                if not cand[2] and cand[1] in want and (cand[0] == s if exact else (cand[0] and (cand[0] in s or s in cand[0]))):
                    cand[2] = good[k] = True
                    break
    ok = tot = nok = ntot = 0
    for k, m in enumerate(gold_m):
        tot += 1; ok += good[k]
        if "negated" in m["status"].split("|"):
            ntot += 1; nok += good[k]
    print(f"mention status accuracy {ok / max(1, tot):.3f} ({ok}/{tot}); negation accuracy {nok / max(1, ntot):.3f} ({nok}/{ntot})")
    # reports
    pr = {r["report"]: r for r in pred_r}
    ref_ok = cat_ok = fup_ok = 0
    for r in rep:
        p = pr.get(r["report"], {})
        ref_ok += p.get("refused") == ("no" if r["is_breast_report"] == "yes" else "yes")
        if r["is_breast_report"] == "yes":
            cat_ok += p.get("reported_category", "none") in r["reported_category"].split("|")
            fup_ok += p.get("reported_followup", "none") in r["reported_followup"].split("|")
    nb = len(breast)
    print(f"breast/not-breast decision {ref_ok}/{len(rep)}; reported category {cat_ok}/{nb}; reported follow-up {fup_ok}/{nb}")
    if ref_ok < len(rep):
        fails.append("a report was refused or accepted wrongly (decision-logic §6.6)")
    return fails

def main():
    args, language = sys.argv[1:], None
    if args[:1] == ["--language"]:
        if len(args) < 2 or args[1] not in ("en", "de"):
            print(__doc__, file=sys.stderr)
            sys.exit(2)
        language, args = args[1], args[2:]
    if args != ["--self-test"] and not (len(args) == 1 and not args[0].startswith("--")):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    exp, men, rep = load_gold(language)
    if language is not None:
        print(f"language {language}: {len(rep)} reports")
        if not rep:
            print("FAIL: no reports of that language")
            sys.exit(1)
    if args == ["--self-test"]:
        pf, pm, pr = self_prediction(exp, men, rep)
    else:
        d = args[0]
        pf, pm, pr = (read(os.path.join(d, n)) for n in ("findings.tsv", "mentions.tsv", "reports.tsv"))
    fails = score(exp, men, rep, pf, pm, pr)
    if fails:
        print("FAIL: " + "; ".join(fails))
        sys.exit(1)
    print("PASS")

if __name__ == "__main__":
    main()
