#!/usr/bin/env bash
# Intake: accepted POST /api/v1/process per second across many organisations (API-only instance)
# against pgbench doing the same writes on the same PostgreSQL. Writes bench-results/intake-*.json.
#   scripts/bench/intake.sh [--seconds 10] [--rounds 3] [--connections 8] [--organisations 20]
# Needs wrk and psql (Debian: apt-get install wrk postgresql-client postgresql-contrib) and a PostgreSQL on
# 127.0.0.1:5432 (user postgres). Builds platform/app/target/klarefi.jar if it is missing.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
exec python3 -u "$BENCH_DIR/intake.py" "$@"
