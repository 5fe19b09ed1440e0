#!/usr/bin/env bash
# SQL statements, transactions, JobRunr state writes and rows written per document, counted with
# log_statement=all on a scratch database of the local PostgreSQL (needs its server log readable).
#   scripts/bench/statements.sh [--documents 20] [--pdf FILE] [--server-log PATH]
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
exec python3 -u "$BENCH_DIR/statements.py" "$@"
