#!/usr/bin/env bash
# Prints what API-key authentication and the rate limiter add to a request on a warm instance,
# measured over HTTP against a real server and database. Numbers only; it never fails on a time.
# See also scripts/bench/ratelimit.sh for the limiter alone. MAVEN_FLAGS=-o (default) runs offline.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib/java.sh"
cd "$root"
# The reactor builds the modules the benchmark needs; nothing is installed into the local repository.
# shellcheck disable=SC2086
./mvnw ${MAVEN_FLAGS-} -q -B -pl platform/app -am test -Dtest=GuardLatencyBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dklarefi.excludedGroups=none 2>&1 | grep -vE "^(WARNING|SLF4J)"
