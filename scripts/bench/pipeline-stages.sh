#!/usr/bin/env bash
# The processing pipeline's own stages in one warm JVM: fetch over loopback + text layers +
# extraction on as many threads as cores, against pdftotext with as many processes, over the
# corpus's born-digital PDFs. No database, jobs or webhooks: set beside scripts/bench/pipeline.sh
# (the same documents end to end) it shows what the per-document bookkeeping costs.
# Prints a table, writes bench-results/pipeline-stages-*.json.
#   scripts/bench/pipeline-stages.sh [--threads CORES] [--warmup-seconds 30] [--rounds 3] [--repeat 3] [--case-type motor_claim]
# Needs poppler-utils (pdftotext, pdfinfo).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib/java.sh"
corpus="${KLAREFI_CORPUS:-$root/../shared/corpus}"
if [[ ! -f "$corpus/manifest.json" ]]; then
  echo "corpus not found at $corpus: set KLAREFI_CORPUS" >&2
  exit 2
fi
cd "$root"
classpath_file="modules/processing/target/bench-classpath.txt"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=test
classpath="platform/kernel/target/classes:modules/processing/target/classes:modules/processing/target/test-classes"
exec "$JAVA" -Djava.util.logging.config.file=/dev/null -cp "$classpath:$(cat "$classpath_file")" \
  com.klarefi.processing.bench.PipelineStagesBenchmark "$corpus" "$root/bench-results" "$@"
