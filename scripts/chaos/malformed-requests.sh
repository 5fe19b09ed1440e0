#!/usr/bin/env bash
# Sends COUNT (default 10000) seeded malformed requests over raw sockets to a real server and
# database (wrong types, huge values, deep nesting, invalid UTF-8, duplicate keys, wrong media types,
# oversized bodies, broken request lines). Prints the answers by status; fails only on a 5xx, a
# hang or an error without the envelope. CI runs the same test with 1500 requests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib/java.sh"
cd "$root"
count="${1:-10000}"
# The reactor builds the modules the test needs; nothing is installed into the local repository.
# shellcheck disable=SC2086
./mvnw ${MAVEN_FLAGS--o} -q -B -pl platform/app -am test -Dtest=MalformedRequestsTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dklarefi.malformed.count="$count" 2>&1 | grep -E "malformed requests|Tests run|FAIL" || true
