#!/usr/bin/env bash
# Prints webhook event-to-first-attempt latency (median, p90, p99, max) and deliveries per second to
# a local receiver, through the real outbox, JobRunr server and HTTP client against a real
# PostgreSQL (KLAREFI_TEST_DB_URL, a local server on 127.0.0.1:5432, or an embedded one).
# Reports numbers only; never fails on a time. Extra Maven flags go through MAVEN_FLAGS (default -o).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib/java.sh"

cd "$root"
# shellcheck disable=SC2086 # MAVEN_FLAGS is a list of flags
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/webhooks -am test \
    -Dtest=WebhooksBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dgroups=benchmark -Dklarefi.excludedGroups=none
