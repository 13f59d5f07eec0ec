#!/usr/bin/env bash
# Runs one of the ONNX backend's benchmarks against two builds side by side, alternating process by process, so
# that both see the same background load (this project's machine is shared):
#
#   tools/bench-compare.sh BASE ROUNDS CLASS [ARGS...]
#   tools/bench-compare.sh main 3 PipelineBenchmark -f 1 -wi 2 -w 1 -i 5 -r 1 -p layout=rgb,bgr
#   tools/bench-compare.sh main 3 RatioBench sr-x2,sr-x4 512 20
#
# BASE is any commit; it is built (api and backend-onnx, offline) in a detached worktree under ${TMPDIR:-/tmp}. The
# benchmark classes are this working tree's (they use public API only), run once with BASE's api and backend-onnx
# classes and once with this tree's, ROUNDS times. Build this tree first:
#   mvn -q -B -o -pl backend-onnx -am package -DskipTests dependency:build-classpath \
#       -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
set -euo pipefail

[ $# -ge 3 ] || { sed -n 2,14p "$0"; exit 2; }
BASE=$1 ROUNDS=$2 CLASS=$3
shift 3
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -f backend-onnx/target/bench.cp ] || { echo "build this tree first (see the comment at the top)" >&2; exit 2; }
COMMIT=$(git rev-parse --short "$BASE")
WT="${TMPDIR:-/tmp}/enhance4j-bench-$COMMIT"
if [ ! -d "$WT/backend-onnx/target/classes" ]; then
    git worktree add --detach "$WT" "$COMMIT" >/dev/null 2>&1 || true
    (cd "$WT" && mvn -q -B -o -pl backend-onnx -am compile) >&2
fi
DEPS=$(cat backend-onnx/target/bench.cp)
BENCH=backend-onnx/target/test-classes
for r in $(seq "$ROUNDS"); do
    for side in "$COMMIT" this; do
        if [ "$side" = this ]; then
            cp="$BENCH:backend-onnx/target/classes:api/target/classes:$DEPS"
        else
            cp="$BENCH:$WT/backend-onnx/target/classes:$WT/api/target/classes:$DEPS"
        fi
        java -cp "$cp" "io.github.enhance4j.backend.onnx.bench.$CLASS" "$@" 2>&1 \
            | grep -E '^\| +[0-9a-z]' | grep -vE '^\| (model|scale) ' | sed "s/^/$side round $r /"
    done
done
