#!/usr/bin/env bash
# Scores a same-size restoration model (or 'baseline' / 'unsharp') on a folder of clean photos under the damages of
# MODELS.md's table, with `enhance4j-train evaluate --protocol damage`; prints one markdown row per damage.
# Usage: tools/damage-table.sh MODEL|baseline|unsharp PHOTO_DIR [TRAIN_JAR]
set -euo pipefail
model=$1; photos=$2; jar=${3:-training/target/enhance4j-train.jar}
csv=$(mktemp); trap 'rm -f "$csv"' EXIT
for damage in blur:1.5 blur:1.0+noise:0.02+jpeg:50 jpeg:20 noise:0.098 none realistic:1; do
  line=$(java -Xmx2g -jar "$jar" evaluate -m "$model" --protocol damage --degrade "$damage" -d "$photos" --csv "$csv" \
    | grep '^mean')
  echo "| \`$damage\` | $(echo "$line" | sed -E 's/^mean +//; s/  +/ | /g') |"
done
