#!/usr/bin/env python3
"""The OCR ceiling of a receipt corpus: the share of receipts whose expected value occurs in the text
that bare Tesseract reads, per field, under one OCR variant. No extractor can do better than this.

Usage: ocr_oracle.py CORPUS OUT VARIANT [--stride N]
  CORPUS   a converted SROIE split (<case>/receipt.jpg + expected.json)
  OUT      where the OCR text of each variant is kept (OUT/VARIANT/<case>.txt; a rerun reuses it)
  VARIANT  words joined by "_": eng (English only; default the service's nld+eng), psm3/psm4/psm6
           (default the service's choice: 6 for strips at least 1.6 times as tall as wide, else 3),
           up<W> (scale images narrower than W pixels up to W wide; needs Pillow), gray (grayscale),
           th<N> (Tesseract's thresholding_method N: 0 Otsu, 1 adaptive Otsu, 2 Sauvola),
           best (English only, with the models in $TESSDATA_BEST, e.g. tessdata_best_int unpacked from
           the npm package @tesseract.js-data/eng)
  A VARIANT directory filled by another recogniser (scripts/bench/ocr-paddle.mjs) is scored as it is.
  --stride N  every Nth case in name order (default 14)
  --ignore-spaces  compare company and address with every space removed (a recogniser that drops spaces)

Compared as the scorer does: company and address case-folded with whitespace collapsed, as a
substring of the text read line by line; the date as printed; the total as an amount standing
alone, where OCR's "41,95" and "15. 40" count as 41.95 and 15.40.
"""
import argparse, json, os, re, subprocess, time

parser = argparse.ArgumentParser()
parser.add_argument("corpus")
parser.add_argument("out")
parser.add_argument("variant")
parser.add_argument("--stride", type=int, default=14)
parser.add_argument("--ignore-spaces", action="store_true")
args = parser.parse_args()
parts = args.variant.split("_")
cases = sorted(c for c in os.listdir(args.corpus) if os.path.isfile(os.path.join(args.corpus, c, "expected.json")))
cases = cases[::args.stride]
out = os.path.join(args.out, args.variant)
os.makedirs(out, exist_ok=True)
env = dict(os.environ, OMP_THREAD_LIMIT="1")


def ocr(case):
    target = os.path.join(out, case + ".txt")
    if os.path.exists(target):
        return open(target, encoding="utf-8").read(), 0.0
    image = os.path.join(args.corpus, case, "receipt.jpg")
    psm = next((p[3:] for p in parts if p.startswith("psm")), None)
    scale = next((int(p[2:]) for p in parts if p.startswith("up")), None)
    if psm is None or scale or "gray" in parts:
        from PIL import Image, ImageOps
        picture = Image.open(image)
        width, height = picture.size
        psm = psm or ("6" if height >= 1.6 * width else "3")
        if scale or "gray" in parts:
            if "gray" in parts:
                picture = ImageOps.grayscale(picture)
            if scale and width < scale:
                picture = picture.resize((scale, int(height * scale / width)), Image.LANCZOS)
            image = os.path.join(out, case + ".png")
            picture.save(image)
    started = time.time()
    command = ["tesseract", image, "-", "-l", "eng" if "eng" in parts or "best" in parts else "nld+eng", "--psm", psm]
    command += ["-c", "thresholding_method=" + p[2:]] if (p := next((p for p in parts if p.startswith("th")), None)) else []
    run_env = dict(env, TESSDATA_PREFIX=os.environ["TESSDATA_BEST"]) if "best" in parts else env
    text = subprocess.run(command, capture_output=True, text=True, env=run_env).stdout
    open(target, "w", encoding="utf-8").write(text)
    return text, time.time() - started


def flat(text):
    words = text.split()
    return ("" if args.ignore_spaces else " ").join(words).casefold()


hits = {"company": 0, "date": 0, "address": 0, "total": 0}
seconds = 0.0
for case in cases:
    expected = json.load(open(os.path.join(args.corpus, case, "expected.json"), encoding="utf-8"))
    gold = dict(expected["raw_gold"], total=expected["expected"]["total"])
    text, spent = ocr(case)
    seconds += spent
    lines = flat(text)
    amounts = re.sub(r"(?<=\d)[,.] ?(?=\d\d(?!\d))", ".", " ".join(text.split()).casefold())
    for field in hits:
        value = gold.get(field)
        if value and field == "total":
            hits[field] += re.search(r"(?<![\d.])" + re.escape(value) + r"(?!\d)", amounts) is not None
        elif value:
            hits[field] += flat(value) in lines
print(args.variant, len(cases), " ".join(f"{k}={v / len(cases):.2f}" for k, v in hits.items()),
      f"mean={sum(hits.values()) / len(cases) / 4:.3f}", f"ocr_s={seconds:.0f}")
