#!/usr/bin/env python3
"""Scores predictions written by LayerCorpusRun against a corpus's expected.json, with the
comparison of the benchmark scorer run_eval.py (imported from $KLAREFI_EVAL_DIR, default
../shared/eval beside the checkout): best guess (keep or review) P/R/F1 per fold and overall,
per feature, and the wrong-keep share of kept values per feature.

Usage: score_predictions.py CORPUS PREDICTIONS.jsonl [--types DIR] [--geval] [--folds K] [--verbose]
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("predictions")
    ap.add_argument("--types")
    ap.add_argument("--geval", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    run_eval.GEVAL = a.geval
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
            ftype, kind = got.get("type", "text"), got.get("decision")
            values = got.get("values", []) if kind in ("keep", "review") else []
            if isinstance(gold, list):
                preds = [run_eval.norm(x, ftype) for x in values]
                golds = [run_eval.norm(x, ftype) for x in gold]
                tp = sum(min(preds.count(x), golds.count(x)) for x in set(golds))
                t = (tp, len(preds) - tp, len(golds) - tp)
                if kind == "keep":
                    keep[fid][0] += tp
                    keep[fid][1] += len(preds) - tp
                k = (tp, len(preds) - tp, len(golds) - tp) if kind == "keep" else (0, 0, len(golds))
            else:
                value = values[0] if values else None
                ok = value is not None and run_eval.same(value, gold, ftype)
                t = (1 if ok else 0, 1 if value is not None and not ok else 0,
                     1 if gold is not None and not ok else 0)
                if kind == "keep" and value is not None:
                    keep[fid][0 if ok else 1] += 1
                    k = t
                else:
                    k = (0, 0, 1 if gold is not None else 0)
            for i in range(3):
                kept[i] += k[i]
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


if __name__ == "__main__":
    main()
