#!/usr/bin/env bash
# HTTP layer: requests/s and p50/p99 of authenticated GET /api/v1/me against a bare Helidon SE route
# from the same jar, with wrk on 127.0.0.1. Prints a table, writes bench-results/http-layer-*.json.
#   scripts/bench/http-layer.sh [--seconds 10] [--rounds 3] [--connections 16] [--threads 1]
# Needs wrk and psql (Debian: apt-get install wrk postgresql-client) and a PostgreSQL on
# 127.0.0.1:5432 (user postgres). Builds platform/app/target/klarefi.jar if it is missing.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
exec python3 -u "$BENCH_DIR/http_layer.py" "$@"
