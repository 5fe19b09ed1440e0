#!/usr/bin/env python3
"""Scores the two readings of each word (scripts/bench/line-choice.sh) against SROIE's line
transcriptions of training_data, and the choice between them that LineWords makes.

Usage: line_choice.py WORDS_TSV SROIE_GITDIR [--keep-sure 0.85] [--take-sure 0.93] [--keep-unread 0.5] [--grid]
       line_choice.py WORDS_TSV SROIE_GITDIR --fit OTHER_TSV

A word counts where its box's centre lies in a transcribed line's box; a reading is right when it is
one of that line's words (upper case, as SROIE transcribes). Only training_data is read: the judge's
testing_data never is. --grid also prints the best thresholds on these words.

--fit fits a learned choice in place of the thresholds: a logistic regression, on the words the two
readings disagree on, of whether the line recogniser's reading is the right one (signals: the two
confidences, the readings' lengths, characters no receipt word holds, digits, capitals); it prints
how many words the thresholds and the learned choice read right on WORDS_TSV (where it was fitted)
and on OTHER_TSV (words it has not seen), and the fitted constants. Plain Python (Newton's method,
L2 penalty 1), no libraries. See docs/extraction.md for why LineWords keeps the thresholds.
"""
import argparse, itertools, math, re, subprocess

parser = argparse.ArgumentParser()
parser.add_argument("words")
parser.add_argument("gitdir")
parser.add_argument("--keep-sure", type=float, default=0.85)
parser.add_argument("--take-sure", type=float, default=0.93)
parser.add_argument("--keep-unread", type=float, default=0.5)
parser.add_argument("--grid", action="store_true")
parser.add_argument("--fit", metavar="OTHER_TSV")
args = parser.parse_args()

transcripts = {}


def lines_of(case):
    """(x0, y0, x1, y1, words) of each transcribed line of a case (sroie-NNN is training_data/bbox/NNN.csv)."""
    if case not in transcripts:
        text = subprocess.run(["git", "--git-dir", args.gitdir, "show", "HEAD:training_data/bbox/%s.csv" % case.split("-", 1)[1]],
                              capture_output=True, check=True).stdout.decode("utf-8", "replace")
        lines = []
        for row in text.splitlines():
            cells = row.split(",", 8)
            if len(cells) == 9:
                xs, ys = list(map(int, cells[0:8:2])), list(map(int, cells[1:8:2]))
                lines.append((min(xs), min(ys), max(xs), max(ys), set(cells[8].upper().split())))
        transcripts[case] = lines
    return transcripts[case]


# characters outside letters, digits and the punctuation of amounts, dates, codes and addresses
ODD = re.compile(r"[^A-Za-z0-9.,:/\-&()@#%'*+]")


def signals(tesseract, confidence, reading, probability):
    """The learned choice's signals of one word."""
    return [confidence, probability, confidence * probability, len(tesseract), len(reading),
            abs(len(tesseract) - len(reading)), len(ODD.findall(tesseract)), len(ODD.findall(reading)),
            sum(c.isdigit() for c in tesseract) / max(1, len(tesseract)),
            sum(c.isdigit() for c in reading) / max(1, len(reading)),
            float(tesseract.upper() == tesseract), float(reading.upper() == reading)]


def read_words(path):
    """(confidence, probability, unread, Tesseract right, reading right, signals) per word on a transcribed line."""
    found = []
    for row in open(path, encoding="utf-8"):
        cells = row.rstrip("\n").split("\t")
        if len(cells) != 9:
            continue
        case, x0, y0, x1, y1, tesseract, confidence, reading, probability = cells
        cx, cy = (int(x0) + int(x1)) / 2, (int(y0) + int(y1)) / 2
        near = [l[4] for l in lines_of(case) if l[0] - 5 <= cx <= l[2] + 5 and l[1] - 5 <= cy <= l[3] + 5]
        if near:
            truth = set(itertools.chain.from_iterable(near))
            found.append((float(confidence), float(probability), reading == "", tesseract.upper() in truth,
                          reading.upper() in truth, signals(tesseract, float(confidence), reading, float(probability))))
    return found


words = read_words(args.words)


def choice(keep_sure, take_sure, keep_unread):
    right = 0
    for confidence, probability, unread, tesseract_right, reading_right, _ in words:
        if unread:
            right += tesseract_right if confidence >= keep_unread else 0
        else:
            right += tesseract_right if confidence >= keep_sure and probability < take_sure else reading_right
    return right / len(words)


n = len(words)
print("words on a transcribed line: %d" % n)
print("right: Tesseract alone %.3f, line recogniser alone %.3f, either %.3f" % (
    sum(w[3] for w in words) / n, sum(w[4] for w in words) / n, sum(w[3] or w[4] for w in words) / n))
print("right: the choice (Tesseract's word from confidence %.2f unless the line recogniser's is %.2f or more;"
      " unread words from %.2f) %.3f" % (args.keep_sure, args.take_sure, args.keep_unread,
                                         choice(args.keep_sure, args.take_sure, args.keep_unread)))


def solve(matrix, vector):
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[r][col] != 0:
                factor = a[r][col] / a[col][col]
                a[r] = [x - factor * y for x, y in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]


def fit(rows, penalty=1.0):
    """Mean, scale, weights and bias of an L2-penalised logistic regression (bias not penalised)."""
    xs = [r[5] for r in rows if not r[2] and r[3] != r[4]]
    ys = [1.0 if r[4] else 0.0 for r in rows if not r[2] and r[3] != r[4]]
    k = len(xs[0])
    mean = [sum(x[j] for x in xs) / len(xs) for j in range(k)]
    scale = [math.sqrt(sum((x[j] - mean[j]) ** 2 for x in xs) / len(xs)) or 1.0 for j in range(k)]
    zs = [[(x[j] - mean[j]) / scale[j] for j in range(k)] + [1.0] for x in xs]
    w = [0.0] * (k + 1)
    for _ in range(50):
        grad = [penalty * w[j] / len(zs) if j < k else 0.0 for j in range(k + 1)]
        hess = [[(penalty / len(zs) if i == j and j < k else 0.0) for j in range(k + 1)] for i in range(k + 1)]
        for z, y in zip(zs, ys):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, z))))
            for i in range(k + 1):
                grad[i] += (p - y) * z[i] / len(zs)
                for j in range(k + 1):
                    hess[i][j] += p * (1 - p) * z[i] * z[j] / len(zs)
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(g) for g in grad) < 1e-9:
            break
    return mean, scale, w[:k], w[k]


def learned(rows, model):
    mean, scale, weights, bias = model
    right = 0
    for confidence, probability, unread, tesseract_right, reading_right, x in rows:
        if unread:
            right += tesseract_right if confidence >= args.keep_unread else 0
            continue
        score = bias + sum(w * (v - m) / s for w, v, m, s in zip(weights, x, mean, scale))
        right += reading_right if score > 0 else tesseract_right
    return right / len(rows)


if args.fit:
    other = read_words(args.fit)
    model = fit(words)
    for name, rows in (("these words", words), ("the other words", other)):
        print("%s (%d): thresholds %.3f, learned %.3f, either %.3f" % (
            name, len(rows), sum(
                (r[3] if r[0] >= args.keep_unread else 0) if r[2]
                else (r[3] if r[0] >= args.keep_sure and r[1] < args.take_sure else r[4]) for r in rows) / len(rows),
            learned(rows, model), sum(r[3] or r[4] for r in rows) / len(rows)))
    fmt = lambda values: ", ".join("%.6f" % v for v in values)
    print("MEAN = {%s};" % fmt(model[0]))
    print("SCALE = {%s};" % fmt(model[1]))
    print("WEIGHTS = {%s};" % fmt(model[2]))
    print("BIAS = %.6f;" % model[3])

if args.grid:
    grid = [(choice(a, b, e), a, b, e) for a in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
            for b in (0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 1.01) for e in (0.0, 0.3, 0.5, 0.7)]
    for score, a, b, e in sorted(grid, reverse=True)[:5]:
        print("  %.3f  --keep-sure %.2f --take-sure %.2f --keep-unread %.2f" % (score, a, b, e))
