#!/usr/bin/env bash
# Prints the time from the 201 of POST /api/v1/process to the case's document.processed event for a
# one-page born-digital PDF (min, median, p90, max), measured on the packaged service:
#   single: one instance (KLAREFI_ROLES=api,jobs) on its embedded database; the API wakes its own
#           job server, so an idle instance starts the job at once;
#   split:  an API-only and a jobs-only instance on an external PostgreSQL (a fresh database on
#           127.0.0.1:5432, user postgres, created and dropped by the run); the jobs instance only
#           sees new work at its next poll (KLAREFI_JOBS_POLL_SECONDS, at least 5 s).
# Prints a table, writes bench-results/process-latency-*.json. Reports numbers only; it never fails
# because something was slow.
#   scripts/bench/process-latency.sh [--build] [--documents 30] [--warmup 3] [--pdf FILE]
#                                    [--scenarios single,split] [--poll-ms 20] [--pause-ms 5000] [--keep-logs]
# The document defaults to KLAREFI_BENCH_PDF, else the corpus's first born-digital PDF. The split
# scenario needs psql. Builds platform/app/target/klarefi.jar if it is missing, or with --build
# (extra Maven flags through MAVEN_FLAGS).
set -euo pipefail

arguments=()
build=false
for argument in "$@"; do
    if [ "$argument" = "--build" ]; then
        build=true
    else
        arguments+=("$argument")
    fi
done
if $build; then
    # shellcheck disable=SC2086 # MAVEN_FLAGS is a list of flags
    "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/build" ${MAVEN_FLAGS-} -q
fi
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
exec python3 -u "$BENCH_DIR/process_latency.py" "${arguments[@]}"
