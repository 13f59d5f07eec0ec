#!/usr/bin/env bash
# Scores a same-size restoration model (or 'baseline' / 'unsharp') on a folder of clean photos under the damages of
# MODELS.md's table, with `enhance4j-train evaluate --protocol damage`; prints one markdown row per damage.
# Usage: tools/damage-table.sh MODEL|baseline|unsharp PHOTO_DIR [TRAIN_JAR]
# DAMAGES="area:2+jpeg:30 realistic:2" overrides the list and SCALE=2 gives the baseline's scale, for an enlarging model
# (its baseline is then bicubic enlargement of the damaged input).
set -euo pipefail
model=$1; photos=$2; jar=${3:-training/target/enhance4j-train.jar}
csv=$(mktemp); trap 'rm -f "$csv"' EXIT
for damage in ${DAMAGES:-blur:1.5 blur:1.0+noise:0.02+jpeg:50 jpeg:20 noise:0.098 none realistic:1}; do
  line=$(java -Xmx2g -jar "$jar" evaluate -m "$model" ${SCALE:+--scale "$SCALE"} --protocol damage --degrade "$damage" -d "$photos" --csv "$csv" \
    | grep '^mean')
  echo "| \`$damage\` | $(echo "$line" | sed -E 's/^mean +//; s/  +/ | /g') |"
done
