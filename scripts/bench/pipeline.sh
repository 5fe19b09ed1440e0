#!/usr/bin/env bash
# Pipeline throughput: born-digital pages/s through fetch + text layers + extraction against
# pdftotext, and OCR pages/s against bare tesseract, on the same corpus files in the same run.
# Prints a table, writes bench-results/pipeline-*.json.
#   scripts/bench/pipeline.sh [--pdfs 60] [--scans 12] [--corpus DIR] [--parallel CORES]
#                             [--phases born-digital,joined,ocr]
# Needs poppler-utils, tesseract-ocr (+ -nld, -eng) and psql, and a PostgreSQL on 127.0.0.1:5432
# (user postgres). Builds platform/app/target/klarefi.jar if it is missing.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
exec python3 -u "$BENCH_DIR/pipeline.py" "$@"
