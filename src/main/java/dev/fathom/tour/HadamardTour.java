package dev.fathom.tour;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.hadamard.Normalization;
import dev.fathom.hadamard.QueryOracle;
import dev.fathom.hadamard.SparseResult;
import dev.fathom.hadamard.SparseWalshHadamard;
import dev.fathom.hadamard.SprightOptions;
import dev.fathom.hadamard.WalshHadamard;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * hadamard: SPRIGHT on a 2^22-point signal with 256 random non-zero Walsh coefficients, against the
 * dense FWHT of the full vector.
 */
final class HadamardTour implements TourStep {
  private static final int N_BITS = 22;
  private static final int K = 256;

  @Override
  public String packageName() {
    return "hadamard";
  }

  @Override
  public Outcome run() {
    RandomGenerator rng = Rng.create(2026);
    double[] x = new double[1 << N_BITS];
    int[] support = Rng.sampleWithoutReplacement(rng, x.length, K);
    for (int k : support) {
      x[k] = (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(1, 10);
    }
    WalshHadamard.transform(x, Normalization.UNNORMALIZED); // time domain: f = H F
    SparseWalshHadamard sparse = new SparseWalshHadamard(SprightOptions.defaults(N_BITS, K));
    QueryOracle f = QueryOracle.ofArray(x);
    sparse.transform(f, 0); // warm-up of both paths
    WalshHadamard.transform(x.clone(), Normalization.FOURIER);
    long t0 = System.nanoTime();
    SparseResult r = sparse.transform(f, 0);
    long t1 = System.nanoTime();
    double[] dense = x.clone();
    WalshHadamard.transform(dense, Normalization.FOURIER);
    long t2 = System.nanoTime();
    double[] recovered = r.toDense(N_BITS);
    double err = 0;
    double max = 0;
    for (int i = 0; i < dense.length; i++) {
      err = Math.max(err, Math.abs(recovered[i] - dense[i]));
      max = Math.max(max, Math.abs(dense[i]));
    }
    double rel = err / max;
    return new Outcome(
        String.format(Locale.ROOT, "SPRIGHT n = %d, K = %d, %d queries", N_BITS, K, r.queries()),
        String.format(
            Locale.ROOT,
            "max rel err %.1e vs dense; %.1f vs %.1f ms",
            rel,
            (t1 - t0) / 1e6,
            (t2 - t1) / 1e6),
        rel < 1e-9 && r.size() == K && r.status() == Status.CONVERGED);
  }
}
