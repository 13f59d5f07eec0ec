#!/usr/bin/env bash
# One prepared check of enhance4j on an NVIDIA GPU, in under 5 minutes:
#   1. builds the ONNX backend against onnxruntime_gpu (-Pcuda) and runs the CUDA tests (CudaTest, CudaProbeTest),
#   2. benchmarks every bundled model (sr-x2, sr-x4, seed-autoencoder, restore, restore-x2, restore-x4) at 512 and 2048 pixels, on the GPU and on the
#      CPU: end-to-end Enhancer.enhance against a bare OrtSession.run (EnhanceBenchmark, JMH, one short run each),
#   3. prints one table (output megapixels per second, enhance / raw).
#
# Usage, from anywhere in the repository:   tools/gpu-check.sh            (GPU_CHECK_LIMIT=290 seconds in all)
# Needs: nvidia-smi and an NVIDIA driver, JDK 17+, Maven, and CUDA 12 + cuDNN 9 libraries that the dynamic linker
# finds (LD_LIBRARY_PATH, or pip's nvidia-* wheels, which the script adds when it finds them). Offline Maven is used
# when ~/.m2 already holds onnxruntime_gpu.
# Exit codes: 0 all steps ran and the CUDA tests passed, 1 a step failed or ran out of time, 2 no usable GPU/tools.
# ONNX Runtime's own log is set to warnings here (-Denhance4j.onnx.logLevel=warning), so that the logs show its
# account of a CUDA set-up that does not work (e.g. which library it could not load).

set -uo pipefail

LIMIT=${GPU_CHECK_LIMIT:-290}
START=$(date +%s)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gpu-check.XXXXXX")
STATUS=0

say() { printf '%s\n' "gpu-check: $*" >&2; }
die() { say "$*"; exit 2; }
left() { local l=$((LIMIT - ($(date +%s) - START))); [ "$l" -gt 5 ] && echo "$l" || echo 5; }

command -v nvidia-smi >/dev/null 2>&1 \
    || die "no nvidia-smi on PATH: this check needs a machine with an NVIDIA GPU and its driver; nothing was run"
GPU=$(timeout 20 nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -1)
[ -n "$GPU" ] && ! grep -qiE 'fail|error|not found|no devices' <<<"$GPU" \
    || die "nvidia-smi finds no usable GPU ($GPU); nothing was run"
command -v java >/dev/null 2>&1 || die "no java on PATH (JDK 17+ needed)"
command -v mvn >/dev/null 2>&1 || die "no mvn on PATH (Maven 3.8+ needed)"
say "GPU: $GPU"
say "CPU: $(nproc) cores, $(uname -m); JDK: $(java -version 2>&1 | head -1)"

# CUDA 12 and cuDNN 9 from pip's nvidia-* wheels (e.g. beside PyTorch) when the linker does not know them already
if ! ldconfig -p 2>/dev/null | grep -q 'libcudnn.so.9'; then
    for py in python3 python; do
        command -v "$py" >/dev/null 2>&1 || continue
        extra=$("$py" - <<'EOF' 2>/dev/null
import glob, os, site
dirs = []
for base in site.getsitepackages() + [site.getusersitepackages()]:
    dirs += sorted(glob.glob(os.path.join(base, "nvidia", "*", "lib")))
print(":".join(dirs))
EOF
)
        if [ -n "$extra" ]; then
            export LD_LIBRARY_PATH="$extra${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
            say "added pip's CUDA libraries to LD_LIBRARY_PATH: $extra"
            break
        fi
    done
fi

cd "$ROOT" || die "cannot enter $ROOT"
OFFLINE=""
ls "$HOME"/.m2/repository/com/microsoft/onnxruntime/onnxruntime_gpu/*/onnxruntime_gpu-*.jar >/dev/null 2>&1 \
    && OFFLINE="-o"

# 1. build against the GPU artifact and run the CUDA tests (failures are reported below, the benchmark still runs)
say "building with -Pcuda and running the CUDA tests (at most $(left) s) ..."
REPORTS=backend-onnx/target/surefire-reports
rm -f "$REPORTS"/TEST-*Cuda*.xml
if ! timeout "$(left)" mvn -B -q $OFFLINE -Pcuda -pl backend-onnx -am package \
        -Dtest='CudaTest,CudaProbeTest' -Dsurefire.failIfNoSpecifiedTests=false -Denhance4j.test.cuda=true \
        -Denhance4j.onnx.logLevel=warning \
        -Dmaven.test.failure.ignore=true dependency:build-classpath -Dmdep.outputFile=target/bench-cuda.cp \
        -Dmdep.includeScope=test >"$WORK/build.log" 2>&1; then
    tail -30 "$WORK/build.log" >&2
    say "the -Pcuda build failed or ran out of time (log: $WORK/build.log); no benchmark"
    exit 1
fi
TESTS_LINE=""
for t in CudaTest CudaProbeTest; do
    xml="$REPORTS/TEST-io.github.enhance4j.backend.onnx.$t.xml"
    if [ ! -f "$xml" ]; then
        TESTS_LINE+="$t: no report; "
        STATUS=1
        continue
    fi
    counts=$(grep -o -m1 '<testsuite [^>]*>' "$xml" | grep -oE '(tests|failures|errors|skipped)="[0-9]+"' | tr '\n' ' ')
    TESTS_LINE+="$t: $counts; "
    grep -qE '(failures|errors)="[1-9]' <<<"$counts" && STATUS=1
    grep -qE 'skipped="[1-9]' <<<"$counts" && STATUS=1
done
[ "$STATUS" -ne 0 ] && grep -h -A3 -E '<(failure|error)' "$REPORTS"/TEST-*Cuda*.xml 2>/dev/null | head -20 >&2

# 2. benchmarks: GPU first, then the CPU (the seed autoencoder at 2048 last: several seconds per run on a CPU), each
#    run keeping its rows when a later one runs out of time
CP="backend-onnx/target/test-classes:backend-onnx/target/classes:$(cat backend-onnx/target/bench-cuda.cp)"
ALL=sr-x2,sr-x4,seed-autoencoder,restore,restore-x2,restore-x4
bench() { # name, timeout share (percent of what is left), models, JMH parameters...
    local name=$1 share=$2 models=$3
    shift 3
    local t=$(( $(left) * share / 100 ))
    [ "$t" -lt 10 ] && t=10
    say "benchmark $name (at most $t s) ..."
    timeout "$t" java -Xms1g -Xmx16g -Djava.awt.headless=true -Denhance4j.onnx.logLevel=warning -cp "$CP" \
        io.github.enhance4j.backend.onnx.bench.EnhanceBenchmark -f 0 -wi 1 -w 1 -i 2 -r 1 \
        -p model="$models" -p threads="$(nproc)" "$@" >"$WORK/bench-$name.log" 2>&1 \
        || { say "benchmark $name failed or ran out of time (log: $WORK/bench-$name.log)"; STATUS=1; }
}
RUNS="gpu cpu-512 cpu-2048-sr cpu-2048-seed"
bench gpu 35 "$ALL" -p device=cuda:0 -p size=512,2048
bench cpu-512 30 "$ALL" -p device=cpu -p size=512
bench cpu-2048-sr 45 sr-x2,sr-x4 -p device=cpu -p size=2048
bench cpu-2048-seed 100 seed-autoencoder,restore -p device=cpu -p size=2048

# 3. one table
echo
echo "enhance4j GPU check, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)"
echo "GPU: $GPU; CPU: $(nproc) cores; ONNX Runtime threads on CPU: $(nproc)"
echo "CUDA tests: ${TESTS_LINE:-none}"
echo "Output megapixels per second (mean of 2 one-second iterations, and the best); enhance = Enhancer.enhance end to end"
echo "| model            | device | size | raw MPix/s | enhance MPix/s | enhance / raw | best raw | best enhance | best ratio |"
echo "|------------------|--------|------|-----------:|---------------:|--------------:|---------:|-------------:|-----------:|"
for name in $RUNS; do
    grep -E '^\| [a-z]' "$WORK/bench-$name.log" 2>/dev/null | grep -v '^| model' \
        || echo "| ($name: no result, see $WORK/bench-$name.log) | | | | | | | | |"
done
echo "Took $(( $(date +%s) - START )) s; logs in $WORK"
exit "$STATUS"
