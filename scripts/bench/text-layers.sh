#!/usr/bin/env bash
# Prints per-page time of text layers: born-digital PDF extraction over every born-digital corpus
# PDF, and Tesseract OCR over the first N scans (default 6). Reports only; never fails on time.
# Usage: scripts/bench/text-layers.sh [max-scans]   (KLAREFI_CORPUS overrides the corpus)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib/java.sh"
corpus="${KLAREFI_CORPUS:-$root/../shared/corpus}"
if [[ ! -f "$corpus/manifest.json" ]]; then
  echo "corpus not found at $corpus: set KLAREFI_CORPUS" >&2
  exit 2
fi
cd "$root"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing -am test-compile
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="platform/kernel/target/classes:modules/processing/target/classes:modules/processing/target/test-classes"
classpath="$classpath:$(cat modules/processing/target/bench-classpath.txt)"
echo "corpus: $corpus"
"$JAVA" -Djava.util.logging.config.file=/dev/null -cp "$classpath" \
  com.klarefi.processing.bench.TextLayersBenchmark "$corpus" "${1:-6}"
