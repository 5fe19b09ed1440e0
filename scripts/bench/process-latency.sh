#!/usr/bin/env bash
# Prints the time from the 201 of POST /api/v1/process to the case's document.processed event for a
# one-page born-digital PDF (min, median, p90, max), measured on the packaged service:
#   single: one instance (KLAREFI_ROLES=api,jobs) on its embedded database; the API wakes its own
#           job server, so an idle instance starts the job at once;
#   split:  an API-only and a jobs-only instance on an external PostgreSQL (a fresh database on
#           127.0.0.1:5432, user postgres, created and dropped by the run); the jobs instance only
#           sees new work at its next poll (KLAREFI_JOBS_POLL_SECONDS, at least 5 s).
# Builds platform/app/target/klarefi.jar first if it is missing (or with --build). Reports numbers only;
# it never fails because something was slow.
#
#   scripts/bench/process-latency.sh [--build] [--documents N] [--pdf FILE] [--scenarios single,split]
#                                    [--poll-ms MS] [--warmup N] [--pg-host H --pg-port P --pg-user U]
#                                    [--keep-logs]
# KLAREFI_BENCH_PDF also names the document. Extra Maven flags go through MAVEN_FLAGS (default -o).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib/java.sh"
jar="$root/platform/app/target/klarefi.jar"

arguments=()
build=false
for argument in "$@"; do
    if [ "$argument" = "--build" ]; then
        build=true
    else
        arguments+=("$argument")
    fi
done

if $build || [ ! -f "$jar" ]; then
    echo "building $jar ..."
    # -am builds the modules from this checkout rather than taking them from ~/.m2.
    # shellcheck disable=SC2086 # MAVEN_FLAGS is a list of flags
    (cd "$root" && ./mvnw ${MAVEN_FLAGS-} -q -B -pl platform/app -am package -DskipTests)
fi

exec python3 -u "$root/scripts/bench/process_latency.py" --jar "$jar" --java "$JAVA" "${arguments[@]}"
