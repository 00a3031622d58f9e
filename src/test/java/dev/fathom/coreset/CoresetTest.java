package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoresetTest {
  @Test
  void weightedSumAndLossAgreeWithDirectSum() {
    Coreset c = new Coreset(new int[] {3, 0}, new double[] {2, 0.5});
    double[] v = {1, 10, 100, 1000};
    assertEquals(2 * 1000 + 0.5 * 1, c.weightedSum(v), 0);
    PointLoss<double[][]> km = Losses.kMeans(new double[][] {{0}, {1}, {2}, {5}});
    double[][] centers = {{1}};
    assertEquals(2 * 16 + 0.5 * 1, c.loss(km, centers), 1e-15);
    assertEquals(2.5, c.totalWeight(), 0);
    assertArrayEquals(new double[] {1000, 1}, c.select(v));
  }

  @Test
  void compactCopyGivesTheSameLoss() {
    double[][] x = {{0, 1}, {2, 2}, {5, -1}, {7, 3}};
    Coreset c = new Coreset(new int[] {3, 1}, new double[] {1.5, 2.5});
    double[][] small = c.copyRows(x);
    assertTrue(small[0] != x[3]);
    assertArrayEquals(x[3], small[0]);
    double[][] centers = {{1, 1}, {6, 0}};
    assertEquals(
        c.loss(Losses.kMeans(x), centers), c.reindexed().loss(Losses.kMeans(small), centers), 0);
    assertArrayEquals(new int[] {0, 1}, c.reindexed().indices());
  }

  @Test
  void allIsExact() {
    double[][] x = {{0}, {1}, {3}};
    PointLoss<double[][]> km = Losses.kMeans(x);
    Coreset all = Coreset.all(3);
    assertEquals(km.total(new double[][] {{1}}), all.loss(km, new double[][] {{1}}), 0);
    assertEquals(0, all.relativeError(km, new double[][] {{0.3}}), 0);
  }

  @Test
  void mergeAddsWeightsOfRepeatedDraws() {
    Coreset c = Coreset.merge(new int[] {4, 1, 4, 4}, new double[] {1, 2, 3, 4});
    assertArrayEquals(new int[] {4, 1}, c.indices());
    assertArrayEquals(new double[] {8, 2}, c.weights());
  }

  @Test
  void isImmutable() {
    int[] idx = {1, 2};
    double[] w = {1, 1};
    Coreset c = new Coreset(idx, w);
    idx[0] = 7;
    w[0] = 9;
    c.indices()[1] = 5;
    assertArrayEquals(new int[] {1, 2}, c.indices());
    assertArrayEquals(new double[] {1, 1}, c.weights());
  }

  @Test
  void badInput() {
    assertEquals(
        "weights[1] = -1.0: expected a finite non-negative number",
        msg(() -> new Coreset(new int[] {0, 1}, new double[] {1, -1})));
    assertTrue(msg(() -> new Coreset(new int[] {0, 1}, new double[] {1})).startsWith("weights"));
    assertTrue(msg(() -> new Coreset(new int[] {2, 2}, new double[] {1, 1})).contains("distinct"));
    assertTrue(msg(() -> new Coreset(new int[] {-1}, new double[] {1})).contains("-1"));
    assertTrue(msg(() -> new Coreset(new int[] {0}, new double[] {Double.NaN})).contains("NaN"));
    assertTrue(
        msg(() -> new Coreset(new int[] {5}, new double[] {1}).weightedSum(new double[2]))
            .startsWith("values.length = 2"));
    assertEquals("n = 0: expected a positive integer", msg(() -> Coreset.all(0)));
  }
}
