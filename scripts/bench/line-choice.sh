#!/usr/bin/env bash
# Writes both readings of every word Tesseract finds on a converted SROIE split's receipts (Tesseract's
# and the line recogniser's, with their confidences; LineChoiceData) to OUT, one row per word, for
# scripts/bench/line_choice.py to score against SROIE's line transcriptions.
#   scripts/bench/line-choice.sh CORPUS_DIR OUT_TSV
# e.g. scripts/bench/line-choice.sh /work/data/sroie-sub150 /work/data/words-sub150.tsv
#      python3 scripts/bench/line_choice.py /work/data/words-sub150.tsv GITDIR
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
corpus="$(cd "$1" && pwd)"
out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
cd "$(dirname "$0")/../.."
source scripts/lib/java.sh
classpath_file="modules/processing/target/layer-dump.classpath"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/processing -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=test
exec "$JAVA" -Djava.util.logging.config.file=/dev/null --enable-native-access=ALL-UNNAMED \
  -cp "modules/processing/target/test-classes:modules/processing/target/classes:$(cat "$classpath_file")" \
  com.klarefi.processing.internal.text.LineChoiceData "$corpus" "$out"
