#!/usr/bin/env bash
# Sourced by the benchmark scripts: finds Java 25 and builds the artifact once if it is missing.
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
source "$BENCH_ROOT/scripts/lib/java.sh"
if [ ! -f "$BENCH_ROOT/platform/app/target/klarefi.jar" ]; then
    echo "building platform/app/target/klarefi.jar ..." >&2
    # shellcheck disable=SC2086 # MAVEN_FLAGS is a list of flags
    (cd "$BENCH_ROOT" && ./mvnw ${MAVEN_FLAGS-} -q -B -pl platform/app -am package -DskipTests)
fi
export JAVA JAVA_HOME
