package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueryCountTest {
  /** Random option sets: small and large n, b up to n, one to five groups, all modes. */
  private static SprightOptions options(SplittableRandom r) {
    int n = 1 + r.nextInt(r.nextBoolean() ? 14 : 40);
    int b = 1 + r.nextInt(Math.min(n, 9));
    SprightOptions o =
        SprightOptions.defaults(n, 1)
            .withBucketBits(b)
            .withGroups(1 + r.nextInt(5))
            .withSubsampling(
                r.nextBoolean()
                    ? SprightOptions.Subsampling.RANDOM
                    : SprightOptions.Subsampling.IDENTITY_BLOCKS);
    return r.nextInt(3) == 0 ? o.robust(1 + r.nextInt(3)) : o;
  }

  private static HashGroup[] groups(SprightOptions o, long seed) {
    HashGroup[] g = new HashGroup[o.groups()];
    var rng = Rng.create(seed);
    for (int c = 0; c < g.length; c++) {
      g[c] = HashGroup.create(o, c, rng);
    }
    return g;
  }

  @Test
  void distinctMatchesASetOfTheListedQueries() {
    SplittableRandom r = new SplittableRandom(12);
    for (int trial = 0; trial < 400; trial++) {
      SprightOptions o = options(r);
      HashGroup[] g = groups(o, r.nextLong());
      int size = 1 << o.bucketBits();
      Set<Long> expected = new HashSet<>();
      long[] q = new long[size];
      for (HashGroup h : g) {
        for (long d : h.delays) {
          h.queries(d, q, 0);
          for (long v : q) {
            expected.add(v);
          }
        }
      }
      assertEquals(expected.size(), QueryCount.distinct(g), "trial " + trial + ": " + o);
    }
  }

  @Test
  void gatherReadsTheListedQueriesInTheirLayout() {
    SplittableRandom r = new SplittableRandom(13);
    for (int trial = 0; trial < 100; trial++) {
      SprightOptions o = options(r);
      if (o.n() > 14) {
        continue; // a dense array of 2^n values
      }
      double[] x = new double[1 << o.n()];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextDouble();
      }
      for (HashGroup h : groups(o, r.nextLong())) {
        int size = 1 << o.bucketBits();
        double[] got = new double[3 + h.delays.length * size];
        h.gather(x, got, 3);
        long[] q = new long[size];
        for (int d = 0; d < h.delays.length; d++) {
          h.queries(h.delays[d], q, 0);
          for (int l = 0; l < size; l++) {
            assertEquals(x[(int) q[l]], got[3 + d * size + l], "trial " + trial);
            assertEquals(q[l], h.query(l, h.delays[d]));
          }
        }
      }
    }
  }
}
