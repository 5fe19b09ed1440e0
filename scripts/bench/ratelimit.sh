#!/usr/bin/env bash
# Prints the latency the per-organisation rate limiter adds to a request on a warm instance
# (median, p90, p99 per scenario) against a real PostgreSQL: the one in KLAREFI_TEST_DB_URL, a
# local server on 127.0.0.1:5432, or an embedded one. Reports numbers only; never fails on a time.
# Extra Maven flags go through MAVEN_FLAGS (e.g. MAVEN_FLAGS= to allow downloads; default -o).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib/java.sh"

cd "$root"
# shellcheck disable=SC2086 # MAVEN_FLAGS is a list of flags
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/ratelimit -am test \
    -Dtest=RateLimitBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dgroups=benchmark -Dklarefi.excludedGroups=none
