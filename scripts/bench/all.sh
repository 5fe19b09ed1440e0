#!/usr/bin/env bash
# Runs every figure of docs/benchmarks.md, each beside its baseline, one after the other (about 15
# minutes on two cores), then prints the summary table: scripts/bench/all.sh
# Results: bench-results/<benchmark>-latest.json (and time-stamped copies). Never fails on a time.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
for benchmark in startup http-layer intake pipeline pipeline-stages latency; do
    echo "===== $benchmark"
    "$BENCH_DIR/$benchmark.sh"
done
echo "===== summary"
exec python3 "$BENCH_DIR/summary.py"
