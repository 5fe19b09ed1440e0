#!/usr/bin/env bash
# Prints per-page time of text layers: born-digital PDF extraction over every born-digital corpus
# PDF, and Tesseract OCR over the first N scans (default 6). Reports only; never fails on time.
# Usage: scripts/bench/text-layers.sh [max-scans]   (KLAREFI_CORPUS_DIR overrides the corpus)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${KLAREFI_CORPUS_DIR:-}"
if [[ -z "$corpus" ]]; then
  for dir in "$root" "$root/.." "$root/../.."; do
    if [[ -f "$dir/shared/corpus/manifest.json" ]]; then corpus="$(cd "$dir/shared/corpus" && pwd)"; break; fi
  done
fi
if [[ -z "$corpus" || ! -d "$corpus" ]]; then
  echo "corpus not found: set KLAREFI_CORPUS_DIR" >&2
  exit 2
fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing -am test-compile
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="platform/kernel/target/classes:modules/processing/target/classes:modules/processing/target/test-classes"
classpath="$classpath:$(cat modules/processing/target/bench-classpath.txt)"
echo "corpus: $corpus"
"$JAVA_HOME/bin/java" -Djava.util.logging.config.file=/dev/null -cp "$classpath" \
  com.klarefi.processing.bench.TextLayersBenchmark "$corpus" "${1:-6}"
