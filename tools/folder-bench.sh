#!/usr/bin/env bash
# The enhance command line on a folder of small images, against another build, alternating run by run so that both
# see the same background load (this project's machine is shared); JVM start included:
#
#   tools/folder-bench.sh [BASE [ROUNDS [COUNT [MODEL]]]]
#   tools/folder-bench.sh main 5 300 sr-x2
#
# COUNT LFW faces (250x250 JPEG, the first of ../shared/data/lfw/lfw-deepfunneled.tgz, or $LFW_TGZ) are unpacked into
# a temporary folder; each round times `java -jar JAR -q -m MODEL DIR -o OUT` once with BASE's jar and once with this
# tree's (and, where available, OpenCV's ESPCN x2 in a Python loop; see below), and prints seconds and images/s.
# BASE (default main) is built (samples and what it needs, offline) in a detached worktree under ${TMPDIR:-/tmp}
# unless its jar is there already. Build this tree first: mvn -q -B -o -pl samples -am package -DskipTests
# JAVA_OPTS adds JVM options to both sides; LAUNCH=launcher runs this tree through samples/target/enhance (the
# class-data-sharing archive) instead of java -jar.
#
# OpenCV peer: run when `python3 -c 'import cv2; cv2.dnn_superres'` works (or /usr/bin/python3's) and an ESPCN_x2.pb is found ($ESPCN_X2_PB,
# or a file of that name under ../shared or this tree); it is OpenCV's dnn_superres with setModel("espcn", 2), reading
# and writing each face with cv2.imread/imwrite, Python start included. Without the .pb but with python3-onnx, OpenCV's
# DNN runs a network of ESPCN x2's layer shapes with random weights and dnn_superres's own steps
# (tools/opencv_espcn_peer.py): the same work at the same speed. Otherwise the script says why it is skipped.
set -euo pipefail

BASE=${1:-main} ROUNDS=${2:-3} COUNT=${3:-300} MODEL=${4:-sr-x2}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TGZ=${LFW_TGZ:-$ROOT/../shared/data/lfw/lfw-deepfunneled.tgz}
if [ ! -f "$TGZ" ]; then
    echo "folder-bench: no LFW archive at $TGZ (set LFW_TGZ); nothing measured" >&2
    exit 0
fi
JAR=samples/target/enhance.jar
[ -f "$JAR" ] || { echo "build this tree first: mvn -q -B -o -pl samples -am package -DskipTests" >&2; exit 2; }
COMMIT=$(git rev-parse --short "$BASE")
WT="${TMPDIR:-/tmp}/enhance4j-folder-bench-$COMMIT"
if [ ! -f "$WT/samples/target/enhance.jar" ]; then
    git worktree add --detach "$WT" "$COMMIT" >/dev/null 2>&1 || true
    (cd "$WT" && mvn -q -B -o -pl samples -am package -DskipTests) >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/enhance4j-folder-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/faces"
# the first COUNT JPEGs in the archive's order (tar stops reading early: its broken pipe is expected)
(set +o pipefail; tar -tzf "$TGZ" 2>/dev/null | grep '\.jpg$' | head -n "$COUNT" > "$WORK/list")
tar -xzf "$TGZ" -C "$WORK/faces" -T "$WORK/list"
FOUND=$(find "$WORK/faces" -name '*.jpg' | wc -l)
echo "folder-bench: $FOUND faces from $(basename "$TGZ"), model $MODEL, base $COMMIT, $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"

OPENCV=""
PB=${ESPCN_X2_PB:-$(find "$ROOT/../shared" "$ROOT" -name ESPCN_x2.pb 2>/dev/null | head -n 1 || true)}
PYTHON=python3 # Debian's python3-opencv is for the system's Python, which may not be the first python3 on PATH
if ! python3 -c 'import cv2' >/dev/null 2>&1 && [ -x /usr/bin/python3 ]; then
    PYTHON=/usr/bin/python3
fi
if ! "$PYTHON" -c 'import cv2; cv2.dnn_superres' >/dev/null 2>&1; then
    echo "OpenCV peer: not available (no Python OpenCV with dnn_superres: python3 -c 'import cv2; cv2.dnn_superres' fails)"
elif { [ -z "$PB" ] || [ ! -f "$PB" ]; } && "$PYTHON" -c 'import onnx' >/dev/null 2>&1; then
    OPENCV=shapes # no ESPCN_x2.pb here: OpenCV's DNN on a network of its layer shapes, see tools/opencv_espcn_peer.py
    echo "OpenCV peer: no ESPCN_x2.pb, so OpenCV $("$PYTHON" -c 'import cv2; print(cv2.__version__)')'s DNN runs" \
        "a network of ESPCN x2's layer shapes (random weights) with dnn_superres's steps (tools/opencv_espcn_peer.py)"
elif [ -z "$PB" ] || [ ! -f "$PB" ]; then
    echo "OpenCV peer: not available (OpenCV $("$PYTHON" -c 'import cv2; print(cv2.__version__)') has dnn_superres," \
        "but no ESPCN_x2.pb model was found and no python3-onnx to write one of its shape; set ESPCN_X2_PB)"
else
    OPENCV=yes
    cat > "$WORK/espcn.py" <<'EOF'
import cv2, os, sys
model, src, dst = sys.argv[1:4]
sr = cv2.dnn_superres.DnnSuperResImpl_create()
sr.readModel(model)
sr.setModel("espcn", 2)
os.makedirs(dst, exist_ok=True)
for folder, _, names in os.walk(src):
    for name in sorted(names):
        if name.endswith(".jpg"):
            cv2.imwrite(os.path.join(dst, name), sr.upsample(cv2.imread(os.path.join(folder, name))))
EOF
fi

run() { # side -> "wall cpu" seconds (cpu: user + system time of the command and its children)
    local side=$1 n times
    rm -rf "$WORK/out"
    times=$( { TIMEFORMAT='%R %U %S'; time {
        case $side in
            base) java ${JAVA_OPTS:-} -jar "$WT/$JAR" -q -m "$MODEL" "$WORK/faces" -o "$WORK/out" >/dev/null ;;
            this) if [ "${LAUNCH:-}" = launcher ]; then
                      ENHANCE_JAVA_OPTS="${JAVA_OPTS:-}" samples/target/enhance -q -m "$MODEL" "$WORK/faces" \
                          -o "$WORK/out" >/dev/null
                  else
                      java ${JAVA_OPTS:-} -jar "$JAR" -q -m "$MODEL" "$WORK/faces" -o "$WORK/out" >/dev/null
                  fi ;;
            opencv) if [ "$OPENCV" = shapes ]; then
                        "$PYTHON" "$ROOT/tools/opencv_espcn_peer.py" "$WORK/faces" "$WORK/out"
                    else
                        "$PYTHON" "$WORK/espcn.py" "$PB" "$WORK/faces" "$WORK/out"
                    fi ;;
        esac
    } 2>&1; } 2>&1 | tail -n 1)
    n=$(find "$WORK/out" -type f ! -name '.*' | wc -l)
    [ "$n" -eq "$FOUND" ] || { echo "folder-bench: $side wrote $n of $FOUND images" >&2; exit 1; }
    echo "$times" | awk '{print $1, $2 + $3}'
}

SIDES="base this${OPENCV:+ opencv}"
declare -A WALL CPU
for side in $SIDES; do
    run "$side" >/dev/null # untimed: fills the page cache and this build's native-library cache
done
for r in $(seq "$ROUNDS"); do
    for side in $SIDES; do
        read -r wall cpu < <(run "$side")
        WALL[$side]+="$wall "
        CPU[$side]+="$cpu "
        printf '%-6s round %d: %6.2f s, %6.1f images/s, CPU %6.2f s\n' "$side" "$r" "$wall" \
            "$(echo "$FOUND / $wall" | bc -l)" "$cpu"
    done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for side in $SIDES; do
    m=$(echo "${WALL[$side]}" | median)
    printf '%-6s median: %6.2f s, %6.1f images/s, CPU %6.2f s\n' "$side" "$m" "$(echo "$FOUND / $m" | bc -l)" \
        "$(echo "${CPU[$side]}" | median)"
done
ratio() { # side1 side2 -> median of the per-round ratios of wall times
    local a=(${WALL[$1]}) b=(${WALL[$2]}) i
    for i in "${!a[@]}"; do echo "${a[$i]} / ${b[$i]}" | bc -l; done | median
}
printf 'this / base wall time: median of rounds %.2f; CPU time: median this / median base %.2f\n' \
    "$(ratio this base)" "$(echo "$(echo "${CPU[this]}" | median) / $(echo "${CPU[base]}" | median)" | bc -l)"
if [ -n "$OPENCV" ]; then
    printf 'this / opencv wall time: median of rounds %.2f\n' "$(ratio this opencv)"
fi
