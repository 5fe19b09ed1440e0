#!/usr/bin/env bash
# Latency: 201 -> document.processed and event -> first webhook attempt, p50/p95, on an idle
# and on a loaded instance (busy submitters of corpus PDFs), with peak RSS per phase.
# Prints a table, writes bench-results/latency-*.json.
#   scripts/bench/latency.sh [--probes 30] [--load 4] [--pause-ms 500] [--corpus DIR]
# Needs psql, and a PostgreSQL on 127.0.0.1:5432
# (user postgres). Builds platform/app/target/klarefi.jar if it is missing.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
exec python3 -u "$BENCH_DIR/latency.py" "$@"
