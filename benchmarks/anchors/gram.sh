#!/usr/bin/env bash
# How close the similarity build's Gram kernel comes to this machine's arithmetic peak, next to
# numpy's (OpenBLAS) x @ x.T on the same sizes, in one run:
#   fma_peak.c  independent fused multiply-add chains on the widest vector registers
#               (gcc -O3 -march=native): the per-core peak in double and float;
#   numpy       x @ x.T (numpy calls its BLAS's symmetric rank-k update for this form),
#               OPENBLAS_NUM_THREADS fixed before numpy is imported;
#   Fathom      SquaredEuclidean.gram (double) and the similarity builds (double, float), the
#               same thread count (dev.fathom.bench.linalg.GramRate).
# GFlop/s count the upper triangle with its diagonal, n (n + 1) d (multiply and add).
#
# Usage, from the root of a Fathom checkout, after `mvn -q install -DskipTests` and
# `mvn -q -f benchmarks/pom.xml package`:
#   bash benchmarks/anchors/gram.sh [N D THREADS]     # default 10000 1024 2 (apricot's setup)
# Environment: JAVA_HOME selects the JDK. Only a quiet machine gives meaningful rates.
set -eu
N=${1:-10000}
D=${2:-1024}
T=${3:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "# gram.sh  n=$N d=$D threads=$T  $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
gcc -O3 -march=native -o "$WORK/fma_peak" "$HERE/gram/fma_peak.c"
"$WORK/fma_peak" 1 | grep -v sink
python3 - "$N" "$D" "$T" <<'PY'
import os, sys, time
n, d, t = (int(a) for a in sys.argv[1:4])
for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[k] = str(t)
import numpy as np
rng = np.random.default_rng(7)
flops = n * (n + 1) * d
for name, dtype in (("double", np.float64), ("float", np.float32)):
    x = rng.standard_normal((n, d)).astype(dtype)
    x @ x.T
    ts = []
    for _ in range(5):
        t0 = time.perf_counter(); g = x @ x.T; ts.append(time.perf_counter() - t0)
        del g
    ts.sort()
    print(f"numpy_gram_{name} {ts[2] * 1e3:.1f} ms  {flops / ts[2] / 1e9:.1f} GFlop/s  (numpy {np.__version__})")
PY
"$JAVA" --add-modules jdk.incubator.vector -cp "$ROOT/benchmarks/target/benchmarks.jar" \
  dev.fathom.bench.linalg.GramRate "$N" "$D" "$T" 5 2>/dev/null \
  | awk '{ printf "fathom_%s %s ms  %s GFlop/s\n", $1, $2, $3 }'
"$JAVA" -version 2>&1 | head -1
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
