package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gf2Test {
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 22, 40, 63})
  void tableAgreesWithTheBitwiseProduct(int inputBits) {
    SplittableRandom r = new SplittableRandom(inputBits);
    long mask = inputBits == 64 ? -1L : (1L << inputBits) - 1;
    for (int outputBits : new int[] {1, 10, 24, inputBits}) {
      long[] rows = new long[outputBits];
      for (int i = 0; i < outputBits; i++) {
        rows[i] = r.nextLong() & mask;
      }
      Gf2.Table table = new Gf2.Table(rows, inputBits);
      for (int t = 0; t < 2000; t++) {
        long v = t == 0 ? 0 : t == 1 ? mask : r.nextLong() & mask;
        assertEquals(Gf2.multiply(rows, v), table.apply(v), "v = " + v);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 9, 22})
  void hashGroupQueriesAndHashMatchTheirDefinitions(int n) {
    // queries: index l is M l xor d, M l the XOR of the columns at l's set bits; hash: bit t of
    // the bin of k is <col_t, k>.
    SplittableRandom r = new SplittableRandom(n);
    int b = Math.min(n, 10);
    for (SprightOptions o :
        new SprightOptions[] {
          SprightOptions.defaults(n, 1 << b).withBucketBits(b),
          SprightOptions.defaults(n, 1 << b).withBucketBits(b).robust(2)
        }) {
      HashGroup g = HashGroup.create(o, 0, dev.fathom.core.Rng.create(n));
      long delay = r.nextLong() & ((1L << n) - 1);
      long[] out = new long[(1 << b) + 3];
      g.queries(delay, out, 3);
      for (int l = 0; l < 1 << b; l++) {
        long m = delay;
        for (int t = 0; t < b; t++) {
          if ((l >>> t & 1) != 0) {
            m ^= g.cols[t];
          }
        }
        assertEquals(m, out[3 + l], "l = " + l);
      }
      for (int t = 0; t < 500; t++) {
        long k = r.nextLong() & ((1L << n) - 1);
        int j = 0;
        for (int c = 0; c < b; c++) {
          j |= Gf2.dot(g.cols[c], k) << c;
        }
        assertEquals(j, g.hash(k));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 9, 22})
  void signaturePeelAndAmplitudeMatchTheDotProductForms(int n) {
    // Noiseless groups read a coefficient's bin and delay signs from one signature; the result
    // must be bit for bit that of the definitions: bin bit t = <col_t, k>, sign of delay d =
    // <d, k>, and peel / amplitude with those signs.
    SplittableRandom r = new SplittableRandom(n);
    int b = Math.min(n - 1, 10);
    SprightOptions o = SprightOptions.defaults(n, 1 << b).withBucketBits(b);
    HashGroup g = HashGroup.create(o, 0, dev.fathom.core.Rng.create(n));
    HashGroup twin = HashGroup.create(o, 0, dev.fathom.core.Rng.create(n));
    for (int i = 0; i < g.bins.length; i++) {
      g.bins[i] = r.nextDouble() - 0.5;
      twin.bins[i] = g.bins[i];
    }
    for (int t = 0; t < 300; t++) {
      long k = r.nextLong() & ((1L << n) - 1);
      long sig = g.signature(k);
      int j = g.hash(k);
      assertEquals(j, (int) (sig & ((1 << b) - 1)));
      for (int d = 1; d < g.delays.length; d++) {
        assertEquals(Gf2.dot(g.delays[d], k), (int) (sig >>> (b + d - 1)) & 1, "delay " + d);
      }
      assertEquals(k, g.inverseTable.apply(sig), "the inverse map undoes the signature");
      assertEquals(
          Double.doubleToRawLongBits(twin.amplitude(j, k)),
          Double.doubleToRawLongBits(g.amplitudeSignature(j, sig)));
      double alpha = r.nextDouble() * 4 - 2;
      g.peelSignature(sig, alpha);
      twin.peel(k, alpha);
      assertArrayEquals(twin.bins, g.bins);
      assertArrayEquals(twin.changed, g.changed);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 6, 7, 10})
  void markAllSetsExactlyTheBins(int b) {
    SprightOptions o = SprightOptions.defaults(b + 2, 1 << b).withBucketBits(b);
    HashGroup g = HashGroup.create(o, 0, dev.fathom.core.Rng.create(b));
    assertEquals(((1 << b) + 63) / 64, g.changed.length);
    g.markAll();
    int count = 0;
    for (long w : g.changed) {
      count += Long.bitCount(w);
    }
    assertEquals(1 << b, count);
    for (int j = 0; j < 1 << b; j++) {
      assertEquals(1, (int) (g.changed[j >>> 6] >>> (j & 63)) & 1, "bin " + j);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 1.5, -2.25, Double.MIN_VALUE, Double.MAX_VALUE})
  void negateIfIsExactNegation(double x) {
    assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Gf2.negateIf(x, 0)));
    assertEquals(Double.doubleToRawLongBits(-x), Double.doubleToRawLongBits(Gf2.negateIf(x, 1)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 12})
  void arrayOracleBatchReadsLikeSingleQueries(int n) {
    SplittableRandom r = new SplittableRandom(n);
    double[] x = r.doubles(1 << n, -1, 1).toArray();
    QueryOracle oracle = QueryOracle.ofArray(x);
    long[] idx = r.longs(300, 0, 1L << n).toArray();
    double[] got = new double[idx.length];
    oracle.values(idx, got);
    double[] want = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      want[i] = x[(int) idx[i]];
    }
    assertArrayEquals(want, got);
    for (long bad : new long[] {-1, 1L << n, Long.MAX_VALUE}) {
      long[] badIdx = {0, bad};
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> oracle.values(badIdx, new double[2]));
      assertEquals(true, e.getMessage().contains(Long.toString(bad)), e.getMessage());
    }
  }
}
