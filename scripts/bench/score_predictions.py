#!/usr/bin/env python3
"""Scores predictions written by LayerCorpusRun against a corpus's expected.json, with the
comparison of the benchmark scorer run_eval.py (imported from $KLAREFI_EVAL_DIR, default
../shared/eval beside the checkout): best guess (keep or review) P/R/F1 per fold and overall,
per feature, and the wrong-keep share of kept values per feature.

With --loto the predictions are of documents read alone (LeaveOneTemplateOut): each is scored
against the values it states, per scorer, held-out fold and rendition.
Both print calibration: candidates' confidence in bins against the share of them that is right.

Usage: score_predictions.py CORPUS PREDICTIONS.jsonl [--types DIR] [--geval] [--folds K] [--loto] [--verbose]
"""
import argparse, hashlib, json, os, sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("KLAREFI_EVAL_DIR", os.path.join(here, "..", "..", "..", "..", "shared", "eval")))
sys.path.insert(0, "/work/shared/eval")
import run_eval  # noqa: E402


def fold(case_id, k):
    return int.from_bytes(hashlib.sha256(case_id.encode("utf-8")).digest(), "big") % k


def prf(t):
    tp, fp, fn = t
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


BINS = [0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001]


def judge(gold, got):
    """(best guess tp fp fn, keep tp fp fn) of one feature's decision against its expected value(s)."""
    ftype, kind = got.get("type", "text"), got.get("decision")
    values = got.get("values", []) if kind in ("keep", "review") else []
    if isinstance(gold, list):
        preds = [run_eval.norm(x, ftype) for x in values]
        golds = [run_eval.norm(x, ftype) for x in gold]
        tp = sum(min(preds.count(x), golds.count(x)) for x in set(golds))
        t = (tp, len(preds) - tp, len(golds) - tp)
        return t, (t if kind == "keep" else (0, 0, len(golds)))
    value = values[0] if values else None
    ok = value is not None and run_eval.same(value, gold, ftype)
    t = (1 if ok else 0, 1 if value is not None and not ok else 0, 1 if gold is not None and not ok else 0)
    return t, (t if kind == "keep" and value is not None else (0, 0, 1 if gold is not None else 0))


def candidates(got):
    """(value, confidence) of each candidate, written as objects or as 'value @confidence'."""
    for item in got.get("candidates", []):
        if isinstance(item, dict):
            yield item["value"], item["confidence"]
        else:
            value, _, confidence = item.rpartition(" @")
            yield value, float(confidence)


def calibrate(bins, gold, got):
    ftype = got.get("type", "text")
    for value, confidence in candidates(got):
        right = any(run_eval.same(value, g, ftype) for g in gold) if isinstance(gold, list) else run_eval.same(value, gold, ftype)
        for i in range(len(BINS) - 1):
            if BINS[i] <= confidence < BINS[i + 1]:
                bins[i][0] += 1
                bins[i][1] += 1 if right else 0


def print_calibration(title, bins):
    print("calibration, %s: confidence bin, candidates, share right" % title)
    for i in range(len(BINS) - 1):
        n, right = bins[i]
        print("  [%.2f, %.2f)  n %5d  right %.3f" % (BINS[i], min(BINS[i + 1], 1.0), n, right / n if n else 0.0))


def loto(a):
    best = defaultdict(lambda: [0, 0, 0])
    kept = defaultdict(lambda: [0, 0, 0])
    bins = defaultdict(lambda: [[0, 0] for _ in BINS[:-1]])
    expected = {}
    for line in open(a.predictions):
        pred = json.loads(line)
        cid = pred["case"]
        if cid not in expected:
            expected[cid] = json.load(open(os.path.join(a.corpus, cid, "expected.json")))
        exp = expected[cid]
        document = next(d for d in exp["documents"] if d["file"] == pred["document"])
        stated = {f: v["value"] for f, v in document["values"].items()}
        golds = {f: stated.get(f) for f in exp["expected"]}
        golds.update(stated)
        for fid, gold in golds.items():
            got = pred["features"].get(fid, {})
            t, k = judge(gold, got)
            for key in ((pred["scorer"], pred["fold"], "all"), (pred["scorer"], pred["fold"], pred["rendition"])):
                for i in range(3):
                    best[key][i] += t[i]
                    kept[key][i] += k[i]
            calibrate(bins[pred["scorer"]], gold, got)
            if a.verbose and (t[1] or t[2]):
                print("%s/%s %s %s %s gold=%s got=%s" % (cid, pred["document"], pred["scorer"], fid, got.get("decision"),
                                                       gold, got.get("values")))
    print("leave one template out: each document alone, per scorer and held-out fold")
    print("%-34s %6s %6s %6s %6s %6s" % ("scorer fold rendition", "keepP", "keepR", "keepF1", "wrong", "bestF1"))
    for key in sorted(kept):
        p, r, f1 = prf(kept[key])
        wrong = kept[key][1] / (kept[key][0] + kept[key][1]) if kept[key][0] + kept[key][1] else 0.0
        print("%-34s %6.3f %6.3f %6.3f %5.1f%% %6.3f" % (" ".join(key), p, r, f1, 100 * wrong, prf(best[key])[2]))
    for scorer in sorted(bins):
        print_calibration(scorer + " (all candidates)", bins[scorer])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("predictions")
    ap.add_argument("--types")
    ap.add_argument("--geval", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--loto", action="store_true")
    a = ap.parse_args()
    run_eval.GEVAL = a.geval
    if a.loto:
        return loto(a)
    bins = [[0, 0] for _ in BINS[:-1]]
    best = defaultdict(lambda: [0, 0, 0])   # (fold or "all", feature or "all") -> tp fp fn
    keep = defaultdict(lambda: [0, 0])      # feature -> right, wrong kept values
    kept = [0, 0, 0]                          # keep decisions only: tp fp fn
    for line in open(a.predictions):
        pred = json.loads(line)
        cid = pred["case"]
        exp = json.load(open(os.path.join(a.corpus, cid, "expected.json")))
        f = fold(cid, a.folds)
        for fid, gold in exp["expected"].items():
            got = pred["features"].get(fid, {})
            kind, values = got.get("decision"), got.get("values", [])
            t, k = judge(gold, got)
            keep[fid][0] += k[0]
            keep[fid][1] += k[1]
            for i in range(3):
                kept[i] += k[i]
            calibrate(bins, gold, got)
            if a.verbose and (t[1] or t[2]):
                print("%s %s %s gold=%s got=%s %s" % (cid, fid, kind, gold, values, got.get("candidates")))
            for key in ((f, "all"), ("all", "all"), ("all", fid)):
                for i in range(3):
                    best[key][i] += t[i]
    print("%-28s %6s %6s %6s %5s %5s %5s" % ("best guess (keep or review)", "P", "R", "F1", "tp", "fp", "fn"))
    for key in sorted(best, key=lambda k: (str(k[0]), k[1])):
        print("%-28s %6.3f %6.3f %6.3f %5d %5d %5d" % ("fold %s %s" % key, *prf(best[key]), *best[key]))
    print("keep decisions only: P %.3f R %.3f F1 %.3f" % prf(kept))
    for fid, (right, wrong) in sorted(keep.items()):
        share = wrong / (right + wrong) if right + wrong else 0.0
        print("keep %-22s right %4d wrong %4d  wrong-keep %.1f %%" % (fid, right, wrong, 100 * share))
    print_calibration("all candidates", bins)


if __name__ == "__main__":
    main()
