#!/usr/bin/env bash
# Evaluates the extraction engine on a corpus whose page layers were dumped beforehand
# (scripts/bench/dump-layers.sh), in the JVM, without OCR or HTTP, and scores it with the
# benchmark scorer's own comparison (run_eval.py's norm/same), per fold of a K-fold split.
#   scripts/bench/layer-eval.sh CORPUS LAYERS [--types DIR] [--geval] [--folds K] [--verbose]
# e.g. scripts/bench/layer-eval.sh /work/data/sroie-train /work/data/layers/sroie-train \
#        --types modules/extraction/src/main/resources/com/klarefi/extraction/internal/casetype
# Without --types the built-in case types are used. Folds: SHA-256(case id) mod K, as scripts/eval.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/java.sh
corpus="$1"; layers="$2"; shift 2
types=""; score_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --types) types="$2"; shift 2 ;;
    *) score_args+=("$1"); shift ;;
  esac
done
classpath_file="modules/extraction/target/layer-eval.classpath"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/extraction -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=test
predictions="modules/extraction/target/layer-eval-$(basename "$corpus").jsonl"
"$JAVA" -cp "modules/extraction/target/test-classes:modules/extraction/target/classes:$(cat "$classpath_file")" \
  com.klarefi.extraction.bench.LayerCorpusRun "$corpus" "$layers" "$predictions" ${types:+"$types"}
exec python3 scripts/bench/score_predictions.py "$corpus" "$predictions" ${types:+--types "$types"} "${score_args[@]}"
