package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparseWalshHadamardTest {
  private static SprightOptions options(int n, int k, int b, int c) {
    return SprightOptions.defaults(n, k).withBucketBits(b).withGroups(c);
  }

  /** Counts seeded trials with the exact support and amplitudes within 1e-9 relative. */
  private static int exactTrials(int n, int k, int b, int c, int trials, boolean denseOracle) {
    int ok = 0;
    for (int s = 0; s < trials; s++) {
      SparseSignal sig = SparseSignal.random(n, k, 1000L * n + s);
      BatchOracle f = denseOracle ? QueryOracle.ofArray(sig.dense()) : sig;
      SparseResult r = new SparseWalshHadamard(options(n, k, b, c)).transform(f, s);
      assertEquals((long) c * (1L << b) * (n - b + 1), r.queries(), "C B (n - b + 1) queries");
      if (sig.exact(r, 1e-9) && r.status() == Status.CONVERGED) {
        ok++;
      }
    }
    return ok;
  }

  @ParameterizedTest
  @CsvSource({
    "16, 16, 4, 4, 20, 19",
    "20, 64, 7, 3, 20, 19",
    "22, 1024, 10, 3, 20, 19",
    "62, 100, 8, 3, 20, 19",
    "30, 1000, 10, 3, 3, 3",
    "40, 512, 9, 3, 5, 5"
  })
  void noiselessExactRecoveryRate(int n, int k, int b, int c, int trials, int minExact) {
    assertTrue(exactTrials(n, k, b, c, trials, n <= 22) >= minExact);
  }

  @Tag("slow")
  @ParameterizedTest
  @CsvSource({"40, 4096, 12, 3, 20, 19", "30, 1000, 10, 3, 20, 19"})
  void noiselessExactRecoveryRateManyTrials(int n, int k, int b, int c, int trials, int min) {
    assertTrue(exactTrials(n, k, b, c, trials, false) >= min);
  }

  @ParameterizedTest
  @CsvSource({"10, 8", "16, 40", "22, 600"})
  void matchesTheDenseTransform(int n, int k) {
    SparseSignal sig = SparseSignal.random(n, k, 77 + n);
    double[] x = sig.dense();
    double[] dense = x.clone();
    WalshHadamard.transform(dense, Normalization.FOURIER);
    SparseResult r = SparseWalshHadamard.transform(x, k, 0);
    assertEquals(Status.CONVERGED, r.status());
    assertEquals(k, r.size());
    assertTrue(Reference.relErr(r.toDense(n), dense) <= 1e-9);
    assertTrue(r.distinctQueries() <= r.queries());
    assertTrue(r.distinctQueries() > r.queries() / 2);
    // the generator overload draws the same subsampling as the seed
    SparseResult byRng = SparseWalshHadamard.transform(x, k, dev.fathom.core.Rng.create(0));
    assertArrayEquals(r.indices(), byRng.indices());
    assertArrayEquals(r.values(), byRng.values(), 0);
    assertEquals(r.queries(), byRng.queries());
  }

  @Test
  void everyTinyProblemMatchesTheDenseTransform() {
    // n = 1..8 with up to 8 coefficients (b = n when n < 4): both subsampling kinds, both modes
    // (robust on exact data, its noise estimated from the bins), against the dense transform.
    for (int n = 1; n <= 8; n++) {
      for (int k = 0; k <= Math.min(1 << n, 8); k++) {
        for (long seed = 0; seed < 3; seed++) {
          SparseSpectrum s = SparseSpectrum.random(n, k, 1, 5, seed * 31 + k);
          double[] dense = s.dense();
          WalshHadamard.transform(dense, Normalization.FOURIER);
          for (SprightOptions.Subsampling sub : SprightOptions.Subsampling.values()) {
            SprightOptions o = SprightOptions.defaults(n, k).withSubsampling(sub);
            for (SprightOptions opt : new SprightOptions[] {o, o.robust(3)}) {
              SparseResult r = new SparseWalshHadamard(opt).transform(s, seed);
              String what = "n = " + n + ", K = " + k + ", seed " + seed + ", " + opt;
              assertTrue(Reference.relErr(r.toDense(n), dense) <= 1e-9, what);
              assertEquals(Status.CONVERGED, r.status(), what);
            }
          }
        }
      }
    }
  }

  @Test
  void countsEveryQueryTheOracleSees() {
    SparseSignal sig = SparseSignal.random(24, 50, 3);
    List<Long> asked = new ArrayList<>();
    QueryOracle counting =
        m -> {
          asked.add(m);
          return sig.value(m);
        };
    SprightOptions o = SprightOptions.defaults(24, 50);
    SparseResult r = new SparseWalshHadamard(o).transform(counting, 0);
    assertEquals(3L * 64 * (24 - 6 + 1), asked.size());
    assertEquals(asked.size(), r.queries());
    assertEquals(o.queries(), r.queries());
    assertEquals(asked.stream().distinct().count(), r.distinctQueries());
    assertTrue(sig.exact(r, 1e-9));
  }

  @Test
  void zeroAndOneCoefficient() {
    SparseResult zero =
        new SparseWalshHadamard(SprightOptions.defaults(30, 0)).transform(m -> 0.0, 0);
    assertEquals(0, zero.size());
    assertEquals(Status.CONVERGED, zero.status());
    assertEquals(0.0, zero.residualEnergy());
    for (long k : new long[] {0L, 1L << 40, (1L << 62) - 1, 0x2AAAAAAAAAAAAAAAL}) {
      QueryOracle one = m -> (Long.bitCount(k & m) & 1) == 0 ? 2.5 : -2.5;
      SparseResult r = new SparseWalshHadamard(SprightOptions.defaults(62, 1)).transform(one, 0);
      assertArrayEquals(new long[] {k}, r.indices());
      assertEquals(2.5, r.values()[0], 1e-12);
      assertEquals(Status.CONVERGED, r.status());
    }
  }

  @Test
  void scaleInvariantThresholds() {
    SparseSignal base = SparseSignal.random(24, 64, 11);
    for (double c : new double[] {1e-12, 1e12}) {
      SparseSignal sig = base.scaled(c);
      SparseResult r = new SparseWalshHadamard(SprightOptions.defaults(24, 64)).transform(sig, 0);
      assertTrue(sig.exact(r, 1e-9), "scale " + c);
    }
  }

  /**
   * Amplitudes near the ends of the double range: squared bin values would overflow at 1e200 and
   * underflow at 1e-200, so the transform must give the scaled answer there too, in both modes.
   */
  @Test
  void extremeScalesGiveTheScaledAnswer() {
    SparseSignal base = SparseSignal.random(24, 64, 11);
    SprightOptions noiseless = SprightOptions.defaults(24, 64);
    SprightOptions robust = SprightOptions.defaults(24, 64).robust(3);
    for (double c : new double[] {1e200, 1e-200, 1e300, 1e-290}) {
      SparseSignal sig = base.scaled(c);
      for (SprightOptions o : new SprightOptions[] {noiseless, robust, robust.robust(3, 0.0)}) {
        SparseResult r = new SparseWalshHadamard(o).transform(sig, 0);
        assertTrue(sig.exact(r, 1e-9), "scale " + c + " " + o.detection() + " " + r.size());
        assertEquals(Status.CONVERGED, r.status(), "scale " + c + " " + o.detection());
      }
    }
  }

  /**
   * Scaling the input by a power of two scales the answer by it bit for bit, in both modes, from
   * 2^-900 to 2^700 (the values are scaled to a largest |f| in [1, 2) before the bin transforms).
   */
  @Test
  void powerOfTwoScalesGiveBitwiseScaledAnswers() {
    double[] x = SparseSignal.random(16, 40, 3).dense();
    for (SprightOptions o :
        new SprightOptions[] {
          SprightOptions.defaults(16, 40), SprightOptions.defaults(16, 40).robust(3)
        }) {
      SparseResult ref = new SparseWalshHadamard(o).transform(QueryOracle.ofArray(x), 5);
      assertEquals(40, ref.size());
      for (int s : new int[] {-900, -300, -60, -7, 1, 40, 60, 100, 700}) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          y[i] = Math.scalb(x[i], s);
        }
        SparseResult r = new SparseWalshHadamard(o).transform(QueryOracle.ofArray(y), 5);
        assertArrayEquals(ref.indices(), r.indices(), "2^" + s);
        for (int i = 0; i < r.size(); i++) {
          assertEquals(
              Double.doubleToRawLongBits(Math.scalb(ref.values()[i], s)),
              Double.doubleToRawLongBits(r.values()[i]),
              "2^" + s + ", coefficient " + i);
        }
      }
    }
  }

  @Test
  void overloadGivesAPartialAnswerWithStatus() {
    // K = 2000 against C B = 3 * 256 bins: load 2.6, far beyond the peeling threshold.
    SparseSignal sig = SparseSignal.random(20, 2000, 5);
    SprightOptions o = SprightOptions.defaults(20, 2000).withBucketBits(8);
    SparseResult r = new SparseWalshHadamard(o).transform(QueryOracle.ofArray(sig.dense()), 0);
    assertNotEquals(Status.CONVERGED, r.status());
    assertTrue(r.unresolvedBins() > 0);
    assertTrue(r.rounds() <= o.maxRounds());
    assertTrue(r.residualEnergy() > 0);
    assertTrue(r.size() < 2000);
    SparseResult capped =
        new SparseWalshHadamard(o.toBuilder().maxRounds(1).build()).transform(sig, 0);
    assertTrue(capped.rounds() == 1);
  }

  @Test
  void cancellingPairInOneBinIsNotMistakenForASingleton() {
    // Identity blocks with n = 20, b = 4, C = 3 hash bits {0-3}, {7-10}, {13-16}; k and k ^ 2^5
    // share a bin in every group, so this pair can never be peeled.
    SprightOptions o =
        options(20, 8, 4, 3).withSubsampling(SprightOptions.Subsampling.IDENTITY_BLOCKS);
    for (double second : new double[] {-3.0, 3.0}) {
      long[] support = {0x12345L, 0x12345L ^ (1L << 5), 0x80001L, 0x00F00L};
      double[] amp = {3.0, second, 7.0, -2.0};
      long[] sorted = support.clone();
      Arrays.sort(sorted);
      double[] sortedAmp = new double[4];
      for (int i = 0; i < 4; i++) {
        sortedAmp[Arrays.binarySearch(sorted, support[i])] = amp[i];
      }
      SparseSignal sig = new SparseSignal(sorted, sortedAmp, 20);
      SparseResult r = new SparseWalshHadamard(o).transform(sig, 1);
      assertEquals(Status.STALLED, r.status());
      assertArrayEquals(new long[] {0x00F00L, 0x80001L}, r.indices());
      // The stuck pair's bin: delay e_5 (or 0 and the rest) reads 6, the others 0.
      double perDelay = second < 0 ? 36.0 / 17 : 36.0 * 16 / 17;
      assertEquals(perDelay, r.residualEnergy(), 1e-9);
      assertEquals(3, r.unresolvedBins());
    }
  }

  @Test
  void aThreeTonPosingAsASingletonIsNotPeeledAsAGhost() {
    // Amplitudes (-2, 2, 2) on base, base ^ e7, base ^ e13 share bin 0 of group 0 (identity
    // blocks, hashed bits 0-3), and with n - b + 1 delays that bin reads exactly like a singleton
    // at base ^ e7 ^ e13. Groups 1 and 2 hold clean singletons of base ^ e7 and base ^ e13 where
    // the ghost would hash, so they outvote it; peeling their singletons then opens the 3-ton.
    long base = 0x30005L;
    long[] ks = {base, base ^ (1L << 7), base ^ (1L << 13)};
    SparseSignal sig = new SparseSignal(ks, new double[] {-2, 2, 2}, 20);
    SprightOptions o =
        SprightOptions.defaults(20, 3).withSubsampling(SprightOptions.Subsampling.IDENTITY_BLOCKS);
    SparseResult r = new SparseWalshHadamard(o).transform(sig, 0);
    assertTrue(sig.exact(r, 1e-12), r.toString());
    assertEquals(Status.CONVERGED, r.status());
  }

  @Test
  void lowDegreeSupportNeedsRandomSubsampling() {
    // Every frequency has Hamming weight <= 3 in n = 62 bits: far from uniformly random.
    java.util.random.RandomGenerator rng = dev.fathom.core.Rng.create(9);
    java.util.TreeMap<Long, Double> spec = new java.util.TreeMap<>();
    while (spec.size() < 60) {
      long k = 0;
      int w = 1 + rng.nextInt(3);
      for (int i = 0; i < w; i++) {
        k |= 1L << rng.nextInt(62);
      }
      spec.put(k, rng.nextDouble(1, 10));
    }
    SparseSignal sig =
        new SparseSignal(
            spec.keySet().stream().mapToLong(Long::longValue).toArray(),
            spec.values().stream().mapToDouble(Double::doubleValue).toArray(),
            62);
    SprightOptions o = SprightOptions.defaults(62, 60);
    SparseResult random = new SparseWalshHadamard(o).transform(sig, 0);
    assertTrue(sig.exact(random, 1e-9));
    assertTrue(random.maxDegree() <= 3);
    SparseResult blocks =
        new SparseWalshHadamard(o.withSubsampling(SprightOptions.Subsampling.IDENTITY_BLOCKS))
            .transform(sig, 0);
    // Identity blocks hash the weight-1 frequencies outside their bit range to bin 0, where they
    // pile up into a multiton that peeling cannot open.
    assertEquals(Status.STALLED, blocks.status());
    assertTrue(blocks.size() < 60);
  }

  @Test
  void deterministicForASeedAndScalarEqualsBatch() {
    SparseSignal sig = SparseSignal.random(33, 80, 21);
    SprightOptions o = SprightOptions.defaults(33, 80);
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    SparseResult a =
        new SparseWalshHadamard(o)
            .transform(
                (QueryOracle)
                    m -> {
                      first.add(m);
                      return sig.value(m);
                    },
                5);
    SparseResult b =
        new SparseWalshHadamard(o)
            .transform(
                (QueryOracle)
                    m -> {
                      second.add(m);
                      return sig.value(m);
                    },
                Rng.create(5));
    assertEquals(first, second);
    assertEquals(a, b);
    assertEquals(a, new SparseWalshHadamard(o).transform((BatchOracle) sig, 5));
    List<Long> other = new ArrayList<>();
    new SparseWalshHadamard(o)
        .transform(
            (QueryOracle)
                m -> {
                  other.add(m);
                  return sig.value(m);
                },
            6);
    assertNotEquals(first, other);
  }

  @Test
  void anArrayOracleOfAnotherLengthIsRejectedNamingBoth() {
    // A 2^12 array under options for n = 10 would otherwise be read on its first 2^10 entries.
    double[] x = SparseSpectrum.random(12, 5, 1, 2, 3).dense();
    SparseWalshHadamard ten = new SparseWalshHadamard(SprightOptions.defaults(10, 5));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ten.transform(QueryOracle.ofArray(x), 0));
    assertEquals(
        "options.n = 10: expected the oracle's n = 12 (its domain has 2^12 indices)",
        e.getMessage());
    assertEquals(OptionalInt.of(12), QueryOracle.ofArray(x).bits());
    // A sparse spectrum knows its n too; a plain lambda does not and is not checked.
    SparseSpectrum s = SparseSpectrum.random(12, 5, 1, 2, 3);
    e = assertThrows(IllegalArgumentException.class, () -> ten.transform(s, 0));
    assertTrue(e.getMessage().contains("oracle's n = 12"), e.getMessage());
    assertTrue(((QueryOracle) m -> 0.0).bits().isEmpty());
    // With matching n the array and the spectrum give the dense transform's answer.
    SparseResult r = new SparseWalshHadamard(SprightOptions.defaults(12, 5)).transform(s, 0);
    double[] dense = x.clone();
    WalshHadamard.transform(dense, Normalization.FOURIER);
    assertTrue(Reference.relErr(r.toDense(12), dense) <= 1e-9);
    assertArrayEquals(r.indices(), SparseWalshHadamard.transform(x, 5, 0).indices());
  }

  /**
   * With 13 or 16 delays an array oracle's values are gathered into rows of 16 and transformed
   * across the rows; a plain function reading the same array takes one transform per delay. Both
   * must give bitwise the same result, and name the same first non-finite value in query order. So
   * must the vector gather (new groups) and the scalar loads (groups used again).
   */
  @ParameterizedTest
  @CsvSource({"16, 12, RANDOM", "16, 12, IDENTITY_BLOCKS", "19, 12, RANDOM", "19, 16, RANDOM"})
  void rowLayoutMatchesOneTransformPerDelay(int n, int k, SprightOptions.Subsampling sub) {
    SprightOptions o = SprightOptions.defaults(n, k).withSubsampling(sub);
    assertEquals(16, SparseWalshHadamard.rowWidth(o.delays()), "the row layout is taken");
    SparseWalshHadamard t = new SparseWalshHadamard(o);
    for (long seed = 0; seed < 4; seed++) {
      double[] x = SparseSignal.random(n, k, 77 * n + seed).dense();
      SparseResult rows = t.transform(QueryOracle.ofArray(x), seed);
      // the same seed again reuses the groups and reads with one load per entry, where the first
      // call (new groups) used the vector gather when there is one
      SparseResult again = t.transform(QueryOracle.ofArray(x), seed);
      assertArrayEquals(rows.indices(), again.indices());
      assertArrayEquals(rows.values(), again.values());
      assertEquals(rows.toString(), again.toString());
      SparseResult perDelay = t.transform(m -> x[(int) m], seed);
      assertArrayEquals(perDelay.indices(), rows.indices());
      assertArrayEquals(perDelay.values(), rows.values());
      assertEquals(perDelay.toString(), rows.toString());
      // scattered non-finite entries: both name the same, the first one queried
      RandomGenerator rng = Rng.create(seed);
      for (int i = 0; i < x.length / 16; i++) { // about 40 of the 624 queries
        x[rng.nextInt(x.length)] = i % 2 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
      }
      long s = seed;
      String want =
          assertThrows(IllegalArgumentException.class, () -> t.transform(m -> x[(int) m], s))
              .getMessage();
      assertEquals(
          want,
          assertThrows(IllegalArgumentException.class, () -> t.transform(QueryOracle.ofArray(x), s))
              .getMessage());
    }
    assertEquals(0, SparseWalshHadamard.rowWidth(12), "12 delays in rows of 16 pad too much");
    assertEquals(0, SparseWalshHadamard.rowWidth(8), "rows narrower than 16");
    assertEquals(32, SparseWalshHadamard.rowWidth(26));
  }

  @Test
  void badInput() {
    SparseWalshHadamard s = new SparseWalshHadamard(SprightOptions.defaults(10, 4));
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class, () -> s.transform(m -> m == 0 ? Double.NaN : 1, 0));
    assertEquals("f(0) = NaN: expected a finite number", nan.getMessage());
    // an array oracle names the same entry: the first non-finite value in query order
    double[] x = new double[1 << 10];
    x[0] = Double.NaN;
    x[5] = Double.NEGATIVE_INFINITY;
    IllegalArgumentException fromArray =
        assertThrows(IllegalArgumentException.class, () -> s.transform(QueryOracle.ofArray(x), 0));
    assertEquals("f(0) = NaN: expected a finite number", fromArray.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> s.transform(m -> Double.POSITIVE_INFINITY, 0));
    assertThrows(NullPointerException.class, () -> s.transform((QueryOracle) null, 0));
    assertThrows(NullPointerException.class, () -> s.transform(m -> 1.0, (RandomGenerator) null));
    assertThrows(NullPointerException.class, () -> new SparseWalshHadamard(null));
    assertThrows(IllegalArgumentException.class, () -> QueryOracle.ofArray(new double[6]));
    assertThrows(IllegalArgumentException.class, () -> QueryOracle.ofArray(new double[4]).value(4));
    assertThrows(
        IllegalArgumentException.class, () -> SparseWalshHadamard.transform(new double[3], 1, 0));
    IllegalArgumentException k =
        assertThrows(IllegalArgumentException.class, () -> SprightOptions.defaults(20, -1));
    assertEquals("sparsity = -1: expected a non-negative integer", k.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SprightOptions.defaults(0, 1));
    assertThrows(IllegalArgumentException.class, () -> SprightOptions.defaults(63, 1));
    SprightOptions d = SprightOptions.defaults(20, 64);
    assertThrows(IllegalArgumentException.class, () -> d.withBucketBits(21));
    assertThrows(IllegalArgumentException.class, () -> d.withBucketBits(0));
    assertThrows(IllegalArgumentException.class, () -> d.withGroups(0));
    assertThrows(IllegalArgumentException.class, () -> d.toBuilder().gamma(0).build());
    assertThrows(IllegalArgumentException.class, () -> d.toBuilder().gamma(Double.NaN).build());
    assertThrows(IllegalArgumentException.class, () -> d.toBuilder().maxRounds(0).build());
    assertThrows(IllegalArgumentException.class, () -> d.robust(0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> d.robust(4, -1.0));
    assertThrows(NullPointerException.class, () -> d.withSubsampling(null));
    assertThrows(
        IllegalArgumentException.class, () -> d.toBuilder().relativeTolerance(1.0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> d.toBuilder().detection(SprightOptions.Detection.NOISELESS).offsets(65).build());
    IllegalArgumentException big =
        assertThrows(
            IllegalArgumentException.class,
            () -> SprightOptions.defaults(62, 1 << 20).withGroups(16).robust(64));
    assertTrue(big.getMessage().startsWith("queries = "));
  }
}
