#!/usr/bin/env bash
# The same LFW faces through the enhance command line and through the Spark job (EnhanceJob, local[2]), on this
# machine's cores, with images per second for both and their ratio (issue #17 asks the job for at least 0.8x):
#
#   tools/spark-bench.sh [IMAGES] [ROUNDS]          # default: 1000 faces, 1 round
#
# Both use the bundled sr-x2 model (250x250 -> 500x500 JPEG) with their defaults: the command line runs 2 images at
# once (--jobs 2) with ONNX Runtime's default threads; the job runs 2 tasks at once (local[2]) with one thread each
# (spark.task.cpus). Rounds alternate which goes first, so that both see the same background load. Two figures per
# run: the tool's own (from listing the inputs to the last write, as each prints it: model loading and, for the
# job, Spark's start-up not counted) and the whole command's (JVM start and all).
#
# Needs ../shared/data/lfw/lfw-deepfunneled.tgz (skips with a message without it), and both built:
#   mvn -B -q install -DskipTests -pl samples -am
#   mvn -B -q install -DskipTests -Dmaven.javadoc.skip -pl spark -am
set -euo pipefail

IMAGES=${1:-1000}
ROUNDS=${2:-1}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TGZ=${LFW_TGZ:-$ROOT/../shared/data/lfw/lfw-deepfunneled.tgz}
if [ ! -f "$TGZ" ]; then
    echo "spark-bench: skipped, no LFW archive at $TGZ (set LFW_TGZ to its path)"
    exit 0
fi
[ -f samples/target/enhance.jar ] || { echo "build the command line first: mvn -B -q install -DskipTests -pl samples -am" >&2; exit 2; }
[ -d spark/target/classes ] || { echo "build the spark module first (see the top of $0)" >&2; exit 2; }
if [ ! -f spark/target/bench.cp ]; then
    mvn -q -B -o -pl spark dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >&2
fi

WORK=${TMPDIR:-/tmp}/enhance4j-spark-bench
FACES=$WORK/lfw$IMAGES
if [ ! -d "$FACES" ] || [ "$(find "$FACES" -name '*.jpg' | wc -l)" -ne "$IMAGES" ]; then
    rm -rf "$FACES" && mkdir -p "$FACES"
    set +o pipefail # head stops reading early
    tar -tzf "$TGZ" 2>/dev/null | grep '\.jpg$' | head -n "$IMAGES" > "$WORK/list.txt"
    set -o pipefail
    tar -xzf "$TGZ" -C "$FACES" -T "$WORK/list.txt"
fi
echo "inputs: $(find "$FACES" -name '*.jpg' | wc -l) LFW faces in $FACES; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

SPARK_OPTS=$(sed -n 's:.*<spark.java.options>\(.*\)</spark.java.options>.*:\1:p' spark/pom.xml)
CP="spark/target/classes:$(cat spark/target/bench.cp)"

# runs a command, prints "OWN_RATE WALL_RATE" from its summary line and the wall clock
measure() {
    local out=$1; shift
    rm -rf "$out"
    local start end line
    start=$(date +%s.%N)
    line=$("$@" 2>"$WORK/stderr.txt" | grep -E '^[0-9]+ enhanced, ' || true)
    end=$(date +%s.%N)
    [ -n "$line" ] || { echo "no summary from: $*" >&2; cat "$WORK/stderr.txt" >&2; exit 1; }
    local done own
    done=$(echo "$line" | cut -d' ' -f1)
    own=$(echo "$line" | sed 's/.*(\([0-9.]*\) images\/s).*/\1/')
    echo "$own $(echo "$done / ($end - $start)" | bc -l)"
}

cli() {
    measure "$WORK/out-cli" java -jar samples/target/enhance.jar -q -m sr-x2 "$FACES" -o "$WORK/out-cli"
}
job() {
    # shellcheck disable=SC2086
    SPARK_LOCAL_IP=127.0.0.1 measure "$WORK/out-job" java $SPARK_OPTS -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$ROOT/spark/src/local/log4j2.properties" -cp "$CP" \
        io.github.enhance4j.spark.EnhanceJob --master 'local[2]' --conf spark.ui.enabled=false -m sr-x2 \
        "$FACES" "$WORK/out-job"
}

for r in $(seq "$ROUNDS"); do
    if [ $((r % 2)) -eq 1 ]; then c=$(cli); j=$(job); else j=$(job); c=$(cli); fi
    read -r c_own c_wall <<< "$c"
    read -r j_own j_wall <<< "$j"
    printf 'round %d  command line: %6.1f images/s (own), %6.1f (whole command)\n' "$r" "$c_own" "$c_wall"
    printf 'round %d  Spark job:    %6.1f images/s (own), %6.1f (whole command)\n' "$r" "$j_own" "$j_wall"
    printf 'round %d  ratio job/command line: %.2f (own), %.2f (whole command)\n' "$r" \
        "$(echo "$j_own / $c_own" | bc -l)" "$(echo "$j_wall / $c_wall" | bc -l)"
done
[ "$(find "$WORK/out-job" -name '*_enhanced.jpg' | wc -l)" -eq "$IMAGES" ] || { echo "the job wrote $(find "$WORK/out-job" -name '*_enhanced.jpg' | wc -l) files, expected $IMAGES" >&2; exit 1; }
