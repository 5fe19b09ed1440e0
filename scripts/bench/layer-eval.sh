#!/usr/bin/env bash
# Evaluates the extraction engine on a corpus whose page layers were dumped beforehand
# (scripts/bench/dump-layers.sh), in the JVM, without OCR or HTTP, and scores it with the
# benchmark scorer's own comparison (run_eval.py's norm/same), per fold of a K-fold split.
#   scripts/bench/layer-eval.sh CORPUS LAYERS [--types DIR] [--geval] [--folds K] [--loto | --case-folds] [--rules] [--verbose]
# e.g. scripts/bench/layer-eval.sh /work/data/sroie-train /work/data/layers/sroie-train \
#        --types modules/extraction/src/main/resources/com/klarefi/extraction/internal/casetype
# Without --types the built-in case types are used. Folds: SHA-256(case id) mod K, as scripts/eval.
# --loto: leave one template out (expected.json's `template`): per held-out fold, the ranker is fitted
# on the documents of the other templates and each held-out document is read alone, by the rule
# scorer and by that ranker (LeaveOneTemplateOut); prints keep and best-guess figures per fold and
# rendition, calibration, and CPU per one-page born-digital document.
# --case-folds: the cases in 5 folds, each read by a ranker fitted on the other folds' cases
#   (CaseFolds): the development corpus's figures out of sample.
# --rules: decide with the hand-set rule scorer instead of the shipped ranker (for comparison).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/java.sh
corpus="$1"; layers="$2"; shift 2
types=""; score_args=(); runner=com.klarefi.extraction.bench.LayerCorpusRun; scorer=ranker
while [ $# -gt 0 ]; do
  case "$1" in
    --types) types="$2"; shift 2 ;;
    --rules) scorer=rules; shift ;;
    --case-folds) runner=com.klarefi.extraction.training.CaseFolds; shift ;;
    --loto) runner=com.klarefi.extraction.training.LeaveOneTemplateOut; score_args+=("$1"); shift ;;
    *) score_args+=("$1"); shift ;;
  esac
done
classpath_file="modules/extraction/target/layer-eval.classpath"
./mvnw ${MAVEN_FLAGS-} -q -B -pl modules/extraction -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=test
predictions="modules/extraction/target/layer-eval-$(basename "$corpus").jsonl"
"$JAVA" -Dklarefi.scorer="$scorer" -cp "modules/extraction/target/test-classes:modules/extraction/target/classes:$(cat "$classpath_file")" \
  "$runner" "$corpus" "$layers" "$predictions" ${types:+"$types"}
exec python3 scripts/bench/score_predictions.py "$corpus" "$predictions" ${types:+--types "$types"} "${score_args[@]}"
