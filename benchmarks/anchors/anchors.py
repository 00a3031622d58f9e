#!/usr/bin/env python3
"""Fathom side by side with numpy (+ its BLAS) on the same problems, in one run: medians, ratios.

Usage (from the repository root, after building benchmarks/target/benchmarks.jar):

    python3 benchmarks/anchors/anchors.py [--quick] [--threads T] [--java JAVA] [--only coreset]

--only coreset runs the k-means coreset row alone (numpy and Fathom), nothing else.

Rows (numpy formulation -> Fathom call):
  S4D kernel, H = 256, N = 64 (32 conjugate pairs, S4D-Inv), L = 4096, ZOH and bilinear, 1 thread:
      factored Vandermonde, l = 64a + b: two exp tables and one batched complex matmul per
      channel (the fastest numpy formulation we know with exact exponentials)
      -> VandermondeKernel.compute(sys.discretize(...), L)
  FFT convolution, H = 256, L = 16384 (quick: 4096), 1 thread: rfft/irfft of size 2L
      -> SsmConvolution.batch
  k-means coreset, n = 10^6 points (quick: 10^5) in d = 10 around 10 centres, k = 10, m = 2000:
      k-means++ seeding, sensitivity bounds, m weighted draws (numpy vectorized, BLAS matvecs
      with T threads) -> ClusteringCoresets.kMeans(x, 10, 2000, seed) (one thread)
  facility location, n = 10^4 Gaussian points in d = 1024, budget 1000 (quick: 2000, 256, 200),
  T threads for the similarity build on both sides (OpenBLAS threads / the threads argument),
  double and float storage: s = max D - D on squared Euclidean distances from a BLAS Gram matrix of
  the centred points, then a heap-based lazy greedy (single-threaded Python over numpy row
  operations, like apricot's) -> Similarity.squaredEuclidean(x, T, p) and
  Greedy.lazy(new FacilityLocation(s), Constraint.cardinality(k), Until.POSITIVE_GAIN, T), whose
  gains run on the same T threads (the same selection as on one thread); "build" is the
  similarity alone.
The numpy side runs in child processes whose BLAS thread count is fixed through
OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS before numpy is imported. The Fathom side
runs in one JVM with --add-modules jdk.incubator.vector. Times: median of the repeats after
warm-up calls. Ratio = Fathom time / numpy time: below 1 Fathom is faster.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
H, M, LK = 256, 32, 4096


def median_ms(f, reps, warm=2):
    for _ in range(warm):
        f()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        ts.append((time.perf_counter() - t0) * 1e3)
    ts.sort()
    return ts[len(ts) // 2]


# ----------------------------------------------------------------- numpy side (child processes)

def numpy_ssm(out, quick):
    import numpy as np
    reps = 5 if quick else 15
    ch = np.arange(H)
    n = np.arange(M)
    dt = np.exp(np.log(1e-3) + ch * (np.log(1e-1) - np.log(1e-3)) / (H - 1))
    a = -0.5 - 1j * (2 * M / np.pi) * (2.0 * M / (2 * n + 1) - 1)
    c = np.cos(0.7 * ch[:, None] + 1.3 * n[None, :]) + 1j * np.sin(0.3 * ch[:, None] - 0.9 * n[None, :])

    def kernel(bilinear):
        x = dt[:, None] * a[None, :]
        if bilinear:
            z = (1 + x / 2) / (1 - x / 2)
            w = 2 * c * dt[:, None] / (1 - x / 2)
            logz = np.log(z)
        else:
            w = 2 * c * np.expm1(x) / a[None, :]
            logz = x
        q = 64
        cols = np.exp(logz[:, :, None] * np.arange(q, dtype=float))              # z^b
        rows = np.exp(logz[:, :, None] * (q * np.arange(LK // q, dtype=float)))  # z^(q a)
        return np.matmul((w[:, :, None] * rows).transpose(0, 2, 1), cols).real.reshape(H, LK)

    lines = []
    for key, bil in (("kernel_zoh", False), ("kernel_bilinear", True)):
        lines.append("%s %.6f" % (key, median_ms(lambda: kernel(bil), reps)))
        kernel(bil).astype("<f8").tofile(os.path.join(out, key + "_numpy.f64"))

    lc = 4096 if quick else 16384
    l = np.arange(lc)[None, :]
    hh = np.arange(H)[:, None]
    kc = np.exp(-l / (200.0 + 20 * hh)) * np.cos(0.002 * (hh + 1) * l)
    uc = np.sin(0.013 * l + 0.1 * hh) + 0.5 * np.cos(0.0007 * (hh + 1) * l)
    dc = 0.5 - np.arange(H) / H

    def conv():
        nf = 2 * lc
        y = np.fft.irfft(np.fft.rfft(kc, n=nf, axis=-1) * np.fft.rfft(uc, n=nf, axis=-1), n=nf, axis=-1)
        return y[:, :lc] + dc[:, None] * uc

    lines.append("conv %.6f" % median_ms(conv, reps))
    conv().astype("<f8").tofile(os.path.join(out, "conv_numpy.f64"))
    with open(os.path.join(out, "numpy_ssm.txt"), "w") as fh:
        fh.write("\n".join(lines) + "\n")


def numpy_fl(out, quick, only=None):
    import heapq
    import numpy as np
    if only == "coreset":
        with open(os.path.join(out, "numpy_fl.txt"), "w") as fh:
            fh.write("\n".join(numpy_coreset(out, quick)) + "\n")
        return
    n, d, k = (2000, 256, 200) if quick else (10000, 1024, 1000)
    reps = 3
    x = np.random.default_rng(2024).standard_normal((n, d))
    x.astype("<f8").tofile(os.path.join(out, "points.f64"))
    with open(os.path.join(out, "points.txt"), "w") as fh:
        fh.write("%d %d %d\n" % (n, d, k))

    def similarity(dtype):
        xc = np.ascontiguousarray(x - x.mean(axis=0), dtype=dtype)
        sq = np.einsum("ij,ij->i", xc, xc)
        g = xc @ xc.T                      # BLAS (syrk for a @ a.T)
        g *= -2
        g += sq[:, None]
        g += sq[None, :]
        np.maximum(g, 0, out=g)
        np.fill_diagonal(g, 0)
        return np.subtract(g.max(), g, out=g)

    def lazy_greedy(s):
        cur = np.zeros(n, dtype=s.dtype)
        tmp = np.empty(n, dtype=s.dtype)
        heap = [(-float(v), e, -1) for e, v in enumerate(s.sum(axis=1))]
        heapq.heapify(heap)
        chosen, value = 0, 0.0
        while chosen < k and heap:
            negg, e, stamp = heapq.heappop(heap)
            if stamp == chosen:            # fresh: the best gain
                if -negg <= 0:
                    break
                value -= negg
                np.maximum(cur, s[e], out=cur)
                chosen += 1
                continue
            np.subtract(s[e], cur, out=tmp)
            np.maximum(tmp, 0, out=tmp)
            heapq.heappush(heap, (-float(tmp.sum()), e, chosen))
        return value

    lines = []
    for tag, dtype in (("double", np.float64), ("float", np.float32)):
        lines.append("build_%s %.6f" % (tag, median_ms(lambda: similarity(dtype), reps, warm=1)))
        val = [0.0]

        def end_to_end():
            val[0] = lazy_greedy(similarity(dtype))

        lines.append("fl_%s %.6f" % (tag, median_ms(end_to_end, reps, warm=1)))
        lines.append("fl_%s_value %.17g" % (tag, val[0]))
    lines += numpy_coreset(out, quick)
    with open(os.path.join(out, "numpy_fl.txt"), "w") as fh:
        fh.write("\n".join(lines) + "\n")


def numpy_coreset(out, quick):
    """k-means coreset: k-means++ (D^2) seeding, bounds d^2/cost + 1/|cluster|, m draws with
    weights 1/(m p), duplicates merged; the seeding's last pass gives the assignment."""
    import numpy as np
    n, d, k, m = (100000 if quick else 1000000), 10, 10, 2000
    g = np.random.default_rng(7)
    centres = 10 * g.standard_normal((k, d))
    x = centres[np.arange(n) % k] + g.standard_normal((n, d))
    x.astype("<f8").tofile(os.path.join(out, "km.f64"))
    centres.astype("<f8").tofile(os.path.join(out, "km_centres.f64"))
    with open(os.path.join(out, "km.txt"), "w") as fh:
        fh.write("%d %d %d %d\n" % (n, d, k, m))
    sq = np.einsum("ij,ij->i", x, x)

    def coreset(rng):
        first = int(rng.integers(n))
        d2 = np.maximum(sq - 2 * (x @ x[first]) + sq[first], 0)
        assign = np.zeros(n, dtype=np.int64)
        for t in range(1, k):
            acc = np.cumsum(d2)
            pick = min(int(np.searchsorted(acc, rng.random() * acc[-1], side="right")), n - 1)
            nd = np.maximum(sq - 2 * (x @ x[pick]) + sq[pick], 0)
            closer = nd < d2
            d2[closer] = nd[closer]
            assign[closer] = t
        s = d2 / d2.sum() + 1.0 / np.bincount(assign, minlength=k)[assign]
        p = s / s.sum()
        draws = np.searchsorted(np.cumsum(p), rng.random(m) * p.sum(), side="right")
        idx, cnt = np.unique(np.minimum(draws, n - 1), return_counts=True)
        return idx, cnt / (m * p[idx])

    rng = np.random.default_rng(11)
    t = median_ms(lambda: coreset(rng), 3 if quick else 5, warm=1)
    idx, w = coreset(rng)
    full = np.min([((x - c) ** 2).sum(axis=1) for c in centres], axis=0)
    err = abs(float(w @ full[idx]) / float(full.sum()) - 1)
    return ["coreset %.6f" % t, "coreset_err %.6e" % err]


# ----------------------------------------------------------------- driver and report

def read_kv(path):
    kv = {}
    with open(path) as fh:
        for line in fh:
            p = line.split()
            if p:
                kv[p[0]] = [float(v) for v in p[1:]]
    return kv


def rel_diff(out, key):
    import numpy as np
    a = np.fromfile(os.path.join(out, key + "_fathom.f64"))
    b = np.fromfile(os.path.join(out, key + "_numpy.f64"))
    return float(np.max(np.abs(a - b)) / np.max(np.abs(b)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="short runs, smaller problems")
    ap.add_argument("--threads", type=int, default=os.cpu_count(), help="similarity build threads")
    ap.add_argument("--java", default="java")
    ap.add_argument("--jar", default=os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar"))
    ap.add_argument("--keep", action="store_true", help="keep the work folder (outputs, points)")
    ap.add_argument("--only", choices=["coreset"], help="run this row alone (both sides)")
    ap.add_argument("--numpy", choices=["ssm", "fl"], help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.numpy:
        if args.numpy == "ssm":
            numpy_ssm(args.out, args.quick)
        else:
            numpy_fl(args.out, args.quick, args.only)
        return
    if not os.path.exists(args.jar):
        sys.exit("missing %s: build it with `mvn -q install -DskipTests` and "
                 "`mvn -q -f benchmarks/pom.xml package`" % args.jar)
    out = tempfile.mkdtemp(prefix="fathom-anchors-")
    q = ["--quick"] if args.quick else []
    only = ["--only", args.only] if args.only else []
    parts = (("fl", args.threads),) if args.only else (("ssm", 1), ("fl", args.threads))
    for part, threads in parts:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
                   MKL_NUM_THREADS=str(threads))
        print("numpy %s (%d BLAS thread%s) ..." % (part, threads, "" if threads == 1 else "s"),
              file=sys.stderr)
        subprocess.run([sys.executable, __file__, "--numpy", part, "--out", out] + q + only,
                       env=env, check=True)
    print("Fathom ...", file=sys.stderr)
    subprocess.run([args.java, "-Xmx6g", "--add-modules", "jdk.incubator.vector", "-cp", args.jar,
                    "dev.fathom.bench.anchors.Anchors", out, "1" if args.quick else "0",
                    str(args.threads)] + ([args.only] if args.only else []), check=True)
    np_kv = {} if args.only else read_kv(os.path.join(out, "numpy_ssm.txt"))
    np_kv.update(read_kv(os.path.join(out, "numpy_fl.txt")))
    fa = read_kv(os.path.join(out, "fathom.txt"))

    import numpy as np
    java_version = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr
    print()
    print("numpy %s; %s; %d cores; load average %.2f %.2f %.2f%s" % (
        np.__version__, java_version.splitlines()[0], os.cpu_count(), *os.getloadavg(),
        " (QUICK sizes)" if args.quick else ""))
    rows = [] if args.only else [
        ("S4D kernel H256 N64 L4096 ZOH, 1 thread", "kernel_zoh", 0.5, rel_diff(out, "kernel_zoh")),
        ("S4D kernel ... bilinear, 1 thread", "kernel_bilinear", 0.5, rel_diff(out, "kernel_bilinear")),
        ("FFT conv H256 L%d, 1 thread" % (4096 if args.quick else 16384), "conv", 1 / 1.5,
         rel_diff(out, "conv")),
    ]
    fl_n = None if args.only else open(os.path.join(out, "points.txt")).read().split()
    for tag in () if args.only else ("double", "float"):
        agree = abs(fa["fl_%s_value" % tag][1] - np_kv["fl_%s_value" % tag][0]) / np_kv[
            "fl_%s_value" % tag][0]
        rows.append(("similarity build n%s d%s %s, %d thr" % (fl_n[0], fl_n[1], tag, args.threads),
                     "build_" + tag, None, None))
        rows.append(("facility location end to end k%s %s" % (fl_n[2], tag), "fl_" + tag, 1 / 1.5,
                     agree))
    km = open(os.path.join(out, "km.txt")).read().split()
    rows.append(("k-means coreset n%s d%s k%s m%s, 1 thread" % tuple(km), "coreset", 0.5, None))
    fmt = "%-46s %11s %11s %16s %12s %10s"
    print(fmt % ("case", "numpy", "Fathom", "Fathom/numpy", "goal", "agreement"))
    for label, key, goal, agree in rows:
        a, b = np_kv[key][0], fa[key][0]
        r = b / a
        words = "%.2f (%.2fx %s)" % (r, 1 / r if r < 1 else r, "faster" if r < 1 else "slower")
        print(fmt % (label, "%.1f ms" % a, "%.1f ms" % b, words,
                     "-" if goal is None else ("<= %.2f %s" % (goal, "met" if r <= goal else "MISSED")),
                     "-" if agree is None else "%.1e" % agree))
    if not args.only:
        print("agreement: max|Fathom - numpy| / max|numpy| (kernels, convolution); relative "
              "difference of f(S) (facility location)")
    print("k-means coreset: relative error of the coreset's cost at the generating centres: numpy "
          "%.1e, Fathom %.1e (one draw each)" % (np_kv["coreset_err"][0], fa["coreset_err"][1]))
    if args.keep:
        print("work folder: %s" % out)
    else:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
