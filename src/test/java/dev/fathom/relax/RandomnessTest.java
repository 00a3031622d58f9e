package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Seeds and generators of the randomized policies and sequences, and their builders' checks. */
class RandomnessTest {
  private static final double[] GRID = GridBandit.paperGrid();

  /** 200 rounds against a fixed cost landscape that depends on the context. */
  private static int[] choices(GridBandit bandit) {
    int[] out = new int[200];
    for (int t = 0; t < out.length; t++) {
      double context = (t % 10) / 10.0;
      int a = bandit.selectArm(context);
      out[t] = a;
      bandit.update(30 + 4 * Math.abs(a - 5 - 10 * context) + (t % 3));
    }
    return out;
  }

  private static void assertSeedAndGeneratorAgree(
      String what, Supplier<GridBandit> seeded, Supplier<GridBandit> generated) {
    int[] a = choices(seeded.get());
    assertArrayEquals(a, choices(seeded.get()), what + ": a seed repeats");
    assertArrayEquals(a, choices(generated.get()), what + ": Rng.create(seed) draws the same");
  }

  @Test
  void aSeedAndTheGeneratorBuiltFromItGiveTheSameRun() {
    for (long seed : new long[] {3, 11}) {
      assertSeedAndGeneratorAgree(
          "TsallisInf",
          () -> new TsallisInf(GRID, seed),
          () -> new TsallisInf(GRID, Rng.create(seed)));
      assertSeedAndGeneratorAgree(
          "ChebCb",
          () -> ChebCb.builder(GRID).context(0, 1).build(seed),
          () -> ChebCb.builder(GRID).context(0, 1).build(Rng.create(seed)));
      assertSeedAndGeneratorAgree(
          "BinnedTsallisInf",
          () -> BinnedTsallisInf.builder(GRID).bins(3).context(0, 1).build(seed),
          () -> BinnedTsallisInf.builder(GRID).bins(3).context(0, 1).build(Rng.create(seed)));
      ShiftedLaplacians s1 = ShiftedLaplacians.highVariance(seed);
      ShiftedLaplacians s2 = ShiftedLaplacians.highVariance(Rng.create(seed));
      ShiftedLaplacians s3 = ShiftedLaplacians.lowVariance(seed);
      ShiftedLaplacians s4 = ShiftedLaplacians.lowVariance(Rng.create(seed));
      for (int t = 0; t < 20; t++) {
        assertEquals(s1.next().context(), s2.next().context(), 0.0);
        assertEquals(s3.next().context(), s4.next().context(), 0.0);
      }
    }
    assertFalse(
        Arrays.equals(choices(new TsallisInf(GRID, 1)), choices(new TsallisInf(GRID, 2))),
        "different seeds, different runs");
  }

  @Test
  void theShiftsFollowTheBuildersBetaLaw() {
    // c = lo + width * Beta(a, b): the sample mean of (c - lo) / width against a / (a + b)
    ShiftedLaplacians seq =
        ShiftedLaplacians.builder().lowestShift(-0.1).shiftWidth(0.5).betaA(2).betaB(6).build(5);
    int n = 4000;
    double sum = 0;
    for (int t = 0; t < n; t++) {
      double u = (seq.next().context() + 0.1) / 0.5;
      assertTrue(u >= 0 && u <= 1);
      sum += u;
    }
    double sd = Math.sqrt(2.0 * 6 / (64 * 9)) / Math.sqrt(n);
    assertEquals(0.25, sum / n, 5 * sd);
  }

  @Test
  void buildersRefuseSwappedOrMissingIntervalsAndBadValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ChebCb.builder(GRID).context(10, 0).build(1));
    assertEquals("hi = 0.0: expected a number greater than lo = 10.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ChebCb.builder(GRID).build(1));
    assertTrue(e.getMessage().startsWith("context = unset"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> BinnedTsallisInf.builder(GRID).bins(2).build(1));
    assertTrue(e.getMessage().startsWith("context = unset"), e.getMessage());
    assertThrows(
        NullPointerException.class,
        () -> ChebCb.builder(GRID).context(0, 1).build((java.util.random.RandomGenerator) null));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ShiftedLaplacians.builder().gridSide(3).lowestShift(-2).build(1));
    assertTrue(e.getMessage().startsWith("lo = -2.0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> HeatEquation.builder(10).stopTime(0).build());
    assertEquals("stopTime = 0.0: expected a finite positive number", e.getMessage());
  }
}
