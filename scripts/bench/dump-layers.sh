#!/usr/bin/env bash
# Writes the text layers of every document of a corpus, read as the service reads them (PDFBox,
# Tesseract OCR for scans, text and e-mail; the KLAREFI_OCR_* settings apply), as one JSON file per
# document: OUT/<case>/<file>.json with the pages' text, words with boxes and OCR confidence (see
# LayerDump). Documents whose dump matches their content hash are skipped, so a rerun is cheap.
#   scripts/bench/dump-layers.sh CORPUS_DIR OUT_DIR [THREADS]
# e.g. scripts/bench/dump-layers.sh ../shared/corpus /work/data/layers/dev
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
corpus="$(cd "$1" && pwd)"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
threads="${3:-1}"
cd "$(dirname "$0")/../.."
source scripts/lib/java.sh
classpath_file="modules/processing/target/layer-dump.classpath"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=test
export OMP_THREAD_LIMIT=1
exec "$JAVA" -Djava.util.logging.config.file=/dev/null \
  -cp "modules/processing/target/test-classes:modules/processing/target/classes:$(cat "$classpath_file")" \
  com.klarefi.processing.internal.text.LayerDump "$corpus" "$out" "$threads"
