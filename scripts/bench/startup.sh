#!/usr/bin/env bash
# Start time to ready (embedded first start, restart, external PostgreSQL) and idle RSS of the
# service against a bare Helidon SE server from the same jar.
# Prints a table, writes bench-results/startup-*.json.
#   scripts/bench/startup.sh [--runs 3]
# Needs psql, and a PostgreSQL on 127.0.0.1:5432
# (user postgres). Builds platform/app/target/klarefi.jar if it is missing.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
exec python3 -u "$BENCH_DIR/startup.py" "$@"
