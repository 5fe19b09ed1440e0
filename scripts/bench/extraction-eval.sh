#!/usr/bin/env bash
# Evaluates the extraction engine on a corpus without the HTTP pipeline.
#   scripts/bench/extraction-eval.sh [corpus-dir] [--verbose]
# corpus-dir defaults to $KLAREFI_CORPUS or ../shared/corpus beside the checkout. Documents are read
# as the service reads them (PDFBox, Tesseract OCR for scans, text, e-mail) and their page layers
# cached under modules/processing/target/layer-cache (a cold run OCRs every scan: minutes).
# --verbose lists every wrong or missed decision. scripts/eval measures the same through the API.
# KLAREFI_CASE_TYPES_DIR=DIR evaluates with the case types in DIR (e.g. an operator's) over the built-ins.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/java.sh
corpus="${KLAREFI_CORPUS:-$PWD/../shared/corpus}"
args=()
for arg in "$@"; do
  case "$arg" in
    --*) args+=("$arg") ;;
    *) corpus="$arg" ;;
  esac
done
classpath_file="modules/processing/target/extraction-eval.classpath"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=test
cd modules/processing
export OMP_THREAD_LIMIT=1
exec "$JAVA" -Djava.util.logging.config.file=/dev/null \
  -cp "target/test-classes:target/classes:$(cat "target/extraction-eval.classpath")" \
  com.klarefi.processing.eval.ExtractionEvaluation "$corpus" "${args[@]}"
