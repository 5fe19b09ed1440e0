#!/usr/bin/env bash
# Fuzzes every @FuzzTest with Jazzer, one target per JVM, for the time each declares (maxDuration,
# 60 s): JSON bodies, the SSRF classifier, process and session requests, the recognisers, the
# events cursor and webhook signatures. A normal build (`mvn verify`) only replays the seed corpora
# under src/test/resources/**/<Test>Inputs/<method>/; a crash found here is written there, so it
# becomes a regression test once the bug is fixed. Usage: scripts/chaos/fuzz.sh [Class#method ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib/java.sh"
cd "$root"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    while IFS= read -r file; do
        class="$(basename "$file" .java)"
        module="${file%%/src/test/*}"
        for method in $(grep -A1 '@FuzzTest' "$file" | sed -n 's/.*void \([A-Za-z0-9_]*\)(.*/\1/p'); do
            targets+=("$module:$class#$method")
        done
    done < <(grep -rl '@FuzzTest' --include='*FuzzTest.java' platform modules | sort)
fi

mkdir -p target/fuzz
failed=0
for target in "${targets[@]}"; do
    module="${target%%:*}"
    test="${target#*:}"
    log="target/fuzz/$(echo "$test" | tr '#' '-').log"
    echo "== fuzzing $test ($module)"
    # shellcheck disable=SC2086
    if ! JAZZER_FUZZ=1 ./mvnw ${MAVEN_FLAGS--o} -q -B -pl "$module" -am test -Dtest="$test" \
            -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx1g > "$log" 2>&1; then
        echo "   FAILED: see $log and the crash file under src/test/resources"
        failed=$((failed + 1))
    fi
    grep -ao 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | sed 's/^/   /' || true
done
echo "fuzzed ${#targets[@]} targets, $failed failed"
[ "$failed" -eq 0 ]
