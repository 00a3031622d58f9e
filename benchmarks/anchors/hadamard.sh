#!/usr/bin/env bash
# Fathom's Walsh-Hadamard transforms side by side with their C anchors, in one run on one machine:
#   dense  WalshHadamard.transform (double, float; scalar JVM and SIMD JVM) against FFHT's
#          fht_double / fht_float (https://github.com/FALCONN-LIB/FFHT, MIT),
#   sparse SparseWalshHadamard (SPRIGHT, noiseless n = 22, K = 1024) against SparseFHT's
#          sfht_det_opt (https://github.com/LCAV/SparseFHT, CC BY-NC-SA 4.0, never bundled).
# Both anchors are cloned at a pinned commit into a temporary folder and built there with
# gcc -O3 -march=native; nothing is copied into the project.
#
# Usage, from the root of a Fathom checkout:
#   bash benchmarks/anchors/hadamard.sh            # about 3 minutes on 2 cores
#   bash benchmarks/anchors/hadamard.sh --quick    # about 1 minute, indicative only
#   bash benchmarks/anchors/hadamard.sh --sparse   # the SPRIGHT part only (with --quick: short)
# Environment:
#   JAVA_HOME       the JDK that builds and runs Fathom (default: java, javac on the PATH)
#   FFHT_DIR        a local FFHT checkout instead of cloning (offline machines)
#   SPARSEFHT_DIR   a local SparseFHT checkout instead of cloning
#   FATHOM_CP       the library's runtime classpath: skips the Maven build
#   BENCH_PIN       a prefix for every measured process, e.g. "taskset -c 1"
#   FFHT_OFFSET     bytes (0, 8, ..., 56) past a 64-byte boundary where FFHT's buffer starts
#                   (default 0); Fathom's arrays start wherever the JVM puts them, at any multiple
#                   of 8 (see docs/hadamard.md, "Placement")
#   BENCH_KEEP=1    keep the work folder (results, outputs, logs)
# Prints per part a table: the anchor's median time, Fathom's, the ratio Fathom/anchor (below 1:
# Fathom is faster), an agreement check of the outputs and the goal of the row with its status.
# Only ratios from a quiet machine mean anything: the header records the load at start and end.
set -u

FFHT_REPO=https://github.com/FALCONN-LIB/FFHT
FFHT_COMMIT=fba727a3ff72c862260460631ae1cc8e3e44e861 # master, 2019-03-10
SFHT_REPO=https://github.com/LCAV/SparseFHT
SFHT_COMMIT=cca8d95de4e96a5093c943ace9f9794f97c6f163 # master, 2016-10-10

QUICK=0
SPARSE_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --sparse) SPARSE_ONLY=1 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "hadamard.sh: unknown argument '$arg' (--quick, --sparse or nothing)" >&2; exit 2 ;;
  esac
done

HERE=$(cd "$(dirname "$0")/hadamard" && pwd)
ROOT=$PWD
PIN=${BENCH_PIN:-}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
command -v "$JAVA" >/dev/null && command -v "$JAVAC" >/dev/null ||
  { echo "hadamard.sh: no JDK found; install JDK 17+ or set JAVA_HOME" >&2; exit 2; }
command -v gcc >/dev/null || { echo "hadamard.sh: gcc not found (apt-get install -y gcc)" >&2; exit 2; }

WORK=$(mktemp -d -t fathom-anchors.XXXXXX) || exit 1
if [ "${BENCH_KEEP:-0}" = 1 ]; then trap 'echo "work folder kept: $WORK"' EXIT; else trap 'rm -rf "$WORK"' EXIT; fi
OUT=$WORK/out
mkdir -p "$OUT"

step() { echo "  - $*"; }
fail() { [ -s "$1" ] && tail -n 25 "$1" | sed 's/^/    | /'; echo "  FAILED: $2"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //'; }

# An anchor's sources: the local checkout given, or a clone at the pinned commit.
sources() { # name repo commit dir-variable-value
  if [ -n "$4" ]; then
    echo "$4"
    return
  fi
  local dir=$WORK/$1
  { git clone -q "$2" "$dir" && git -C "$dir" checkout -q "$3"; } >"$WORK/$1-clone.log" 2>&1 ||
    { fail "$WORK/$1-clone.log" "could not clone $2 (offline? set ${1}_DIR to a local checkout)"; } >&2
  echo "$dir"
}

if [ "$QUICK" = 1 ]; then
  SECS=0.2; SIGNALS=1; SIZES="10 16 20 24"
else
  SECS=1; SIGNALS=3; SIZES="10 12 14 16 18 20 22 24"
fi
NBITS=22; K=1024; B=1024; C=3; LOOPS=10

echo "Fathom vs FFHT and SparseFHT, $(date -u '+%Y-%m-%d %H:%M UTC')$([ "$QUICK" = 1 ] && echo ", QUICK run (indicative only)")"
echo "  checkout  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + local changes')"
echo "  JDK       $("$JAVA" -version 2>&1 | sed -n 1p)"
echo "  C         gcc $(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion), -O3 -march=native"
echo "  CPU       $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "  load      $(load) (1, 5, 15 min) at the start"

if [ "$SPARSE_ONLY" = 0 ]; then
  FFHT=$(sources FFHT "$FFHT_REPO" "$FFHT_COMMIT" "${FFHT_DIR:-}") || exit 1
  echo "  FFHT      $FFHT ($(git -C "$FFHT" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'); pinned ${FFHT_COMMIT:0:7}), buffer at ${FFHT_OFFSET:-0} mod 64"
fi
SFHT=$(sources SPARSEFHT "$SFHT_REPO" "$SFHT_COMMIT" "${SPARSEFHT_DIR:-}") || exit 1
echo "  SparseFHT $SFHT ($(git -C "$SFHT" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'); pinned ${SFHT_COMMIT:0:7})"
[ -f "$SFHT/C/sfht.c" ] && SFHT=$SFHT/C

if [ -n "${FATHOM_CP:-}" ]; then
  CP=$FATHOM_CP
else
  [ -f "$ROOT/pom.xml" ] || { echo "hadamard.sh: run it from the root of a Fathom checkout, or set FATHOM_CP" >&2; exit 2; }
  step "building the library (mvn package, tests skipped)"
  { mvn -q -B package -DskipTests -Djacoco.skip=true -Dmaven.javadoc.skip=true -Dspotless.check.skip=true &&
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt"; } \
    >"$WORK/build.log" 2>&1 || fail "$WORK/build.log" "the library did not build"
  CP="$ROOT/target/classes:$(cat "$WORK/cp.txt")"
fi
mkdir -p "$WORK/classes"
"$JAVAC" -nowarn -d "$WORK/classes" -cp "$CP" "$HERE/Bench.java" "$HERE/HadamardBench.java" \
  >"$WORK/javac.log" 2>&1 || fail "$WORK/javac.log" "HadamardBench.java does not compile against this checkout"
printf 'sizes %s\nsignals %s\nspright_n %s\nspright_k %s\n' "$SIZES" "$SIGNALS" "$NBITS" "$K" >"$OUT/meta.kv"

JVM=("$JAVA" -Xms1g -Xmx3g -XX:+UseParallelGC -cp "$CP:$WORK/classes")
SIMD=(--add-modules jdk.incubator.vector)
CFLAGS="-O3 -march=native"

if [ "$SPARSE_ONLY" = 1 ]; then
  step "dense part skipped (--sparse)"
  printf 'signals %s\nspright_n %s\nspright_k %s\n' "$SIGNALS" "$NBITS" "$K" >"$OUT/meta.kv"
else
step "building FFHT with gcc $CFLAGS"
{ gcc $CFLAGS -std=c99 -I"$FFHT" -c "$FFHT/fht.c" -o "$WORK/fht.o" &&
  gcc $CFLAGS -std=c99 -I"$FFHT" -c "$FFHT/fast_copy.c" -o "$WORK/fast_copy.o" &&
  gcc $CFLAGS -std=gnu99 -I"$FFHT" "$HERE/ffht_bench.c" "$WORK/fht.o" "$WORK/fast_copy.o" -o "$WORK/ffht_bench"; } \
  >"$WORK/gcc.log" 2>&1 || fail "$WORK/gcc.log" "FFHT did not build"
step "FFHT fht_double and fht_float at 2^{$SIZES}, $SECS s each"
$PIN "$WORK/ffht_bench" "$SECS" "$OUT" $SIZES >"$OUT/ffht.kv" 2>"$WORK/ffht.log" || fail "$WORK/ffht.log" "ffht_bench"
step "Fathom WalshHadamard.transform, plain JVM (scalar kernel)"
$PIN "${JVM[@]}" HadamardBench dense "$OUT" scalar "$SECS" $SIZES 2>"$WORK/java.log" || fail "$WORK/java.log" "Fathom dense (scalar)"
step "Fathom WalshHadamard.transform, JVM with the vector module (SIMD kernel)"
$PIN "${JVM[@]}" "${SIMD[@]}" HadamardBench dense "$OUT" simd "$SECS" $SIZES 2>"$WORK/java.log" || fail "$WORK/java.log" "Fathom dense (SIMD)"
fi

step "writing $SIGNALS sparse signal(s), n = $NBITS, K = $K"
"${JVM[@]}" HadamardBench signals "$OUT" "$NBITS" "$K" "$SIGNALS" 2>"$WORK/java.log" || fail "$WORK/java.log" "signals"
step "building SparseFHT with gcc $CFLAGS"
for f in sfht fht gf2 common; do
  gcc $CFLAGS -std=gnu99 -w -I"$SFHT" -c "$SFHT/$f.c" -o "$WORK/sfht_$f.o" >>"$WORK/gcc.log" 2>&1 ||
    fail "$WORK/gcc.log" "SparseFHT did not build"
done
gcc $CFLAGS -std=gnu99 -I"$SFHT" "$HERE/sfht_bench.c" "$WORK"/sfht_*.o -lm -o "$WORK/sfht_bench" >>"$WORK/gcc.log" 2>&1 ||
  fail "$WORK/gcc.log" "SparseFHT did not build"
step "SparseFHT sfht_det_opt (B = $B, C = $C, L = $LOOPS), $SECS s per signal"
$PIN "$WORK/sfht_bench" "$SECS" "$B" "$C" "$LOOPS" "$SIGNALS" "$OUT" >"$OUT/sfht.kv" 2>"$WORK/sfht.log" || fail "$WORK/sfht.log" "sfht_bench"
step "Fathom SparseWalshHadamard, scalar and SIMD JVMs"
$PIN "${JVM[@]}" HadamardBench spright "$OUT" scalar "$SECS" "$SIGNALS" 2>"$WORK/java.log" || fail "$WORK/java.log" "SPRIGHT (scalar)"
$PIN "${JVM[@]}" "${SIMD[@]}" HadamardBench spright "$OUT" simd "$SECS" "$SIGNALS" 2>"$WORK/java.log" || fail "$WORK/java.log" "SPRIGHT (SIMD)"

echo
"${JVM[@]}" HadamardBench report "$OUT" || exit 1
echo "load $(load) (1, 5, 15 min) at the end"
