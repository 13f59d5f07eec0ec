#!/usr/bin/env bash
# Time to the first image of the enhance command line: the wall time of a whole command that enhances one 250x250
# image (JVM start, model load, read, enhance, write), for another build and this one, alternating run by run:
#
#   tools/startup-bench.sh [BASE [ROUNDS [MODEL]]]
#   tools/startup-bench.sh main 10 sr-x2
#
# Sides: base (BASE's jar, java -jar), jar (this tree's, java -jar: native libraries from the cache) and launcher
# (samples/target/enhance: the class-data-sharing archive too). The image is the first LFW face of
# ../shared/data/lfw/lfw-deepfunneled.tgz ($LFW_TGZ), else a 250x250 noise PNG made here. BASE is built as in
# tools/folder-bench.sh. Build this tree first: mvn -q -B -o -pl samples -am package -DskipTests
set -euo pipefail

BASE=${1:-main} ROUNDS=${2:-10} MODEL=${3:-sr-x2}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -f samples/target/enhance.jar ] && [ -x samples/target/enhance ] \
    || { echo "build this tree first: mvn -q -B -o -pl samples -am package -DskipTests" >&2; exit 2; }
COMMIT=$(git rev-parse --short "$BASE")
WT="${TMPDIR:-/tmp}/enhance4j-folder-bench-$COMMIT"
if [ ! -f "$WT/samples/target/enhance.jar" ]; then
    git worktree add --detach "$WT" "$COMMIT" >/dev/null 2>&1 || true
    (cd "$WT" && mvn -q -B -o -pl samples -am package -DskipTests) >&2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/enhance4j-startup-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/in"
TGZ=${LFW_TGZ:-$ROOT/../shared/data/lfw/lfw-deepfunneled.tgz}
FIRST=""
if [ -f "$TGZ" ]; then
    FIRST=$(set +o pipefail; tar -tzf "$TGZ" 2>/dev/null | grep '\.jpg$' | head -n 1)
fi
if [ -n "$FIRST" ]; then
    tar -xzf "$TGZ" -C "$WORK/in" "$FIRST"
    IMAGE="$WORK/in/$FIRST"
else
    IMAGE="$WORK/in/noise.png"
    java "$ROOT/tools/NoiseImage.java" 250 250 "$IMAGE"
fi
echo "startup-bench: $(basename "$IMAGE"), model $MODEL, base $COMMIT, $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # side -> seconds
    local start end
    rm -rf "$WORK/out"
    start=$(date +%s.%N)
    case $1 in
        base) java -jar "$WT/samples/target/enhance.jar" -q -m "$MODEL" "$IMAGE" -o "$WORK/out/x.png" >/dev/null ;;
        jar) java -jar samples/target/enhance.jar -q -m "$MODEL" "$IMAGE" -o "$WORK/out/x.png" >/dev/null ;;
        launcher) samples/target/enhance -q -m "$MODEL" "$IMAGE" -o "$WORK/out/x.png" >/dev/null ;;
    esac
    end=$(date +%s.%N)
    [ -f "$WORK/out/x.png" ] || { echo "startup-bench: $1 wrote no image" >&2; exit 1; }
    echo "$end - $start" | bc
}

SIDES="base jar launcher"
declare -A TIMES
for side in $SIDES; do
    run "$side" >/dev/null # untimed: page cache, native-library cache
done
for r in $(seq "$ROUNDS"); do
    line="round $r:"
    for side in $SIDES; do
        s=$(run "$side")
        TIMES[$side]+="$s "
        line+=$(printf ' %s %.3f s' "$side" "$s")
    done
    echo "$line"
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
b=$(echo "${TIMES[base]}" | median)
for side in $SIDES; do
    m=$(echo "${TIMES[$side]}" | median)
    printf '%-8s median %.3f s, fastest %.3f s, median / base %.2f\n' "$side" "$m" \
        "$(echo "${TIMES[$side]}" | tr ' ' '\n' | grep . | sort -n | head -n 1)" "$(echo "$m / $b" | bc -l)"
done
