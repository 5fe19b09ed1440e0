#!/usr/bin/env python3
"""Scores the two readings of each word (scripts/bench/line-choice.sh) against SROIE's line
transcriptions of training_data, and the choice between them that LineWords makes.

Usage: line_choice.py WORDS_TSV SROIE_GITDIR [--keep-sure 0.85] [--take-sure 0.93] [--keep-unread 0.5] [--grid]

A word counts where its box's centre lies in a transcribed line's box; a reading is right when it is
one of that line's words (upper case, as SROIE transcribes). Only training_data is read: the judge's
testing_data never is. --grid also prints the best thresholds on these words.
"""
import argparse, itertools, subprocess

parser = argparse.ArgumentParser()
parser.add_argument("words")
parser.add_argument("gitdir")
parser.add_argument("--keep-sure", type=float, default=0.85)
parser.add_argument("--take-sure", type=float, default=0.93)
parser.add_argument("--keep-unread", type=float, default=0.5)
parser.add_argument("--grid", action="store_true")
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


words = []
for row in open(args.words, encoding="utf-8"):
    cells = row.rstrip("\n").split("\t")
    if len(cells) != 9:
        continue
    case, x0, y0, x1, y1, tesseract, confidence, reading, probability = cells
    cx, cy = (int(x0) + int(x1)) / 2, (int(y0) + int(y1)) / 2
    near = [l[4] for l in lines_of(case) if l[0] - 5 <= cx <= l[2] + 5 and l[1] - 5 <= cy <= l[3] + 5]
    if near:
        truth = set(itertools.chain.from_iterable(near))
        words.append((float(confidence), float(probability), reading == "", tesseract.upper() in truth, reading.upper() in truth))


def choice(keep_sure, take_sure, keep_unread):
    right = 0
    for confidence, probability, unread, tesseract_right, reading_right in words:
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
if args.grid:
    grid = [(choice(a, b, e), a, b, e) for a in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
            for b in (0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 1.01) for e in (0.0, 0.3, 0.5, 0.7)]
    for score, a, b, e in sorted(grid, reverse=True)[:5]:
        print("  %.3f  --keep-sure %.2f --take-sure %.2f --keep-unread %.2f" % (score, a, b, e))
