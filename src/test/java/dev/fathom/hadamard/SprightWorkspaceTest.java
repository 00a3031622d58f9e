package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-thread workspace of SparseWalshHadamard: reuse never changes a result. */
class SprightWorkspaceTest {
  private static void assertSame(SparseResult want, SparseResult got) {
    assertArrayEquals(want.indices(), got.indices());
    assertArrayEquals(want.values(), got.values());
    assertEquals(want.toString(), got.toString());
  }

  /** A dense signal with a known sparse spectrum (direct summation). */
  private static double[] dense(SparseSignal s) {
    double[] x = new double[1 << s.n];
    for (int m = 0; m < x.length; m++) {
      x[m] = s.value(m);
    }
    return x;
  }

  @Test
  void repeatedCallsOnOneInstanceMatchFreshInstances() {
    SprightOptions o = SprightOptions.defaults(12, 40);
    SparseWalshHadamard reused = new SparseWalshHadamard(o);
    for (int trial = 0; trial < 6; trial++) {
      int k = trial % 2 == 0 ? 40 : 400; // recoverable, and overloaded (a partial answer)
      SparseSignal s = SparseSignal.random(12, k, trial);
      // an array oracle, a batch oracle and a noisy array in turn on the same workspace
      BatchOracle oracle = trial % 3 == 1 ? s : QueryOracle.ofArray(dense(s));
      SparseResult want = new SparseWalshHadamard(o).transform(oracle, trial);
      assertSame(want, reused.transform(oracle, trial));
      if (k == 40) {
        assertEquals(40, want.size(), "the sparse case is recovered: " + want);
      }
    }
  }

  @Test
  void repeatedSeedsReuseGroupsWithTheSameResults() {
    // The same seed again (and identity blocks at any seed) gives the previous call's groups back;
    // every result must still be that of a fresh instance: noiseless in rows of 16 (n = 14, b = 2:
    // 13 delays) and delay by delay (n = 12), robust, both subsamplings, seeds repeated and mixed.
    List<SprightOptions> all = new ArrayList<>();
    for (SprightOptions.Subsampling sub : SprightOptions.Subsampling.values()) {
      all.add(SprightOptions.defaults(14, 3).withBucketBits(2).withSubsampling(sub));
      all.add(SprightOptions.defaults(12, 40).withSubsampling(sub));
      all.add(SprightOptions.defaults(12, 40).withSubsampling(sub).robust(2));
    }
    long[] seeds = {1, 1, 2, 1, 1, 3, 3};
    for (SprightOptions o : all) {
      int n = o.n();
      SparseWalshHadamard reused = new SparseWalshHadamard(o);
      for (int call = 0; call < seeds.length; call++) {
        SparseSignal s = SparseSignal.random(n, o.sparsity(), call % 2);
        BatchOracle oracle = call == 4 ? s : QueryOracle.ofArray(dense(s));
        SparseResult want = new SparseWalshHadamard(o).transform(oracle, seeds[call]);
        SparseResult got = reused.transform(oracle, seeds[call]);
        assertSame(want, got);
        assertEquals(want.distinctQueries(), got.distinctQueries(), o + ", call " + call);
      }
    }
  }

  @Test
  void threadsShareAnInstance() throws Exception {
    SprightOptions o = SprightOptions.defaults(12, 60);
    SparseWalshHadamard shared = new SparseWalshHadamard(o);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long seed = t;
        runs.add(
            pool.submit(
                () -> {
                  double[] x = dense(SparseSignal.random(12, 60, seed));
                  SparseResult want =
                      new SparseWalshHadamard(o).transform(QueryOracle.ofArray(x), seed);
                  for (int rep = 0; rep < 20; rep++) {
                    SparseResult got = shared.transform(QueryOracle.ofArray(x), seed);
                    if (!want.equals(got) || !want.toString().equals(got.toString())) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : runs) {
        assertEquals(true, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anOracleMayCallTheSameInstance() {
    // The outer call's values must survive an inner call on the same thread and instance.
    SprightOptions o = SprightOptions.defaults(10, 20);
    SparseWalshHadamard t = new SparseWalshHadamard(o);
    double[] x = dense(SparseSignal.random(10, 20, 5));
    double[] y = dense(SparseSignal.random(10, 20, 6));
    SparseResult innerWant = new SparseWalshHadamard(o).transform(QueryOracle.ofArray(y), 2);
    SparseResult[] inner = new SparseResult[1];
    BatchOracle nested =
        (indices, out) -> {
          for (int i = 0; i < indices.length; i++) {
            out[i] = x[(int) indices[i]];
          }
          inner[0] = t.transform(QueryOracle.ofArray(y), 2); // after writing `out`
        };
    SparseResult outer = t.transform(nested, 1);
    assertSame(new SparseWalshHadamard(o).transform(QueryOracle.ofArray(x), 1), outer);
    assertSame(innerWant, inner[0]);
  }
}
