package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BinnedTsallisInfTest {
  @Test
  void contextsMapToEqualWidthBins() {
    BinnedTsallisInf b =
        BinnedTsallisInf.builder(GridBandit.paperGrid()).bins(5).context(0, 10).build(1);
    assertEquals(0, b.bin(0));
    assertEquals(0, b.bin(1.99));
    assertEquals(1, b.bin(2.0));
    assertEquals(4, b.bin(9.99));
    assertEquals(4, b.bin(10));
    assertEquals(0, b.bin(-3));
    assertEquals(4, b.bin(12));
  }

  @Test
  void learnsAContextDependentBestArmThatPlainTsallisInfCannot() {
    // Arm 0 costs 10 for c < 1/2 and 30 above; arm 1 the reverse; the other arms cost 40.
    double[] grid = GridBandit.linspace(1.0, 1.8, 5);
    long binned = run(BinnedTsallisInf.builder(grid).bins(2).context(0, 1).build(7));
    long plain = run(new TsallisInf(grid, 7));
    long oracle = 10L * 3000;
    assertTrue(binned < 1.25 * oracle, "binned " + binned);
    assertTrue(plain > 1.5 * oracle, "plain " + plain);
  }

  @Test
  void oneBinIsPlainTsallisInfWithTheSameEstimator() {
    // The bins share the bandit's generator; with one bin the choices are those of a single
    // Tsallis-INF with that seed and the same estimator.
    double[] grid = GridBandit.paperGrid();
    for (TsallisInf.Estimator e : TsallisInf.Estimator.values()) {
      GridBandit binned =
          BinnedTsallisInf.builder(grid).bins(1).context(0, 1).estimator(e).build(4);
      GridBandit plain = new TsallisInf(grid, e, 4);
      for (int t = 0; t < 300; t++) {
        int a = binned.selectArm(0.5);
        assertEquals(a, plain.selectArm(0.5), e + " round " + t);
        double cost = 20 + 3 * Math.abs(a - 12) + (t % 7);
        binned.update(cost);
        plain.update(cost);
      }
    }
  }

  private static long run(GridBandit bandit) {
    RandomGenerator rng = Rng.create(8);
    long total = 0;
    for (int t = 0; t < 3000; t++) {
      double c = rng.nextDouble();
      int arm = bandit.selectArm(c);
      int cost = arm > 1 ? 40 : (arm == 0) == (c < 0.5) ? 10 : 30;
      total += cost;
      bandit.update(cost);
    }
    return total;
  }

  @Test
  void sameSeedSameChoices() {
    double[] grid = GridBandit.paperGrid();
    int[] a = choices(BinnedTsallisInf.builder(grid).bins(4).context(0, 1).build(12));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        a, choices(BinnedTsallisInf.builder(grid).bins(4).context(0, 1).build(12)));
    org.junit.jupiter.api.Assertions.assertFalse(
        java.util.Arrays.equals(
            a, choices(BinnedTsallisInf.builder(grid).bins(4).context(0, 1).build(13))));
  }

  private static int[] choices(GridBandit bandit) {
    int[] arms = new int[400];
    for (int t = 0; t < arms.length; t++) {
      double c = (t * 0.61) % 1;
      arms[t] = bandit.selectArm(c);
      bandit.update(10 + Math.abs(arms[t] - 19 * c));
    }
    return arms;
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BinnedTsallisInf.builder(GridBandit.paperGrid()).bins(0).context(0, 1).build(1));
    assertEquals("bins = 0: expected a positive integer", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BinnedTsallisInf.builder(GridBandit.paperGrid()).bins(3).context(1, 1).build(1));
    assertEquals("hi = 1.0: expected a number greater than lo = 1.0", e.getMessage());
    BinnedTsallisInf b =
        BinnedTsallisInf.builder(GridBandit.paperGrid()).bins(3).context(0, 1).build(1);
    e = assertThrows(IllegalArgumentException.class, () -> b.selectArm(Double.NaN));
    assertEquals("context = NaN: expected a finite number", e.getMessage());
  }
}
