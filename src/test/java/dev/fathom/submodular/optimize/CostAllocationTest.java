package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import org.junit.jupiter.api.Test;

/** The cost-allocation relaxation against exhaustive optima over all assignments. */
class CostAllocationTest {
  static double bruteForce(SetFunction[] f, int n) {
    int k = f.length;
    int total = (int) Math.pow(k, n);
    double best = Double.POSITIVE_INFINITY;
    for (int code = 0; code < total; code++) {
      int[][] parts = new int[k][n];
      int[] sizes = new int[k];
      for (int v = 0, c = code; v < n; v++, c /= k) {
        parts[c % k][sizes[c % k]++] = v;
      }
      double cost = 0;
      for (int i = 0; i < k; i++) {
        cost += f[i].evaluate(java.util.Arrays.copyOf(parts[i], sizes[i]));
      }
      best = Math.min(best, cost);
    }
    return best;
  }

  @Test
  void twoFunctionsRelaxationMatchesTheIntegralOptimum() {
    // integrality gap <= k/2 = 1 for k = 2 (Mizutani): the relaxation equals the optimum
    for (long seed = 0; seed < 5; seed++) {
      int n = 9;
      SetFunction[] f = {
        Instances.coverage(seed, n, 20, 0.25), Instances.coverage(seed + 50, n, 20, 0.25)
      };
      double opt = bruteForce(f, n);
      CostAllocation.Allocation a = CostAllocation.solve(f, 3000, 0.5);
      assertTrue(a.relaxedValue() <= opt * 1.03 + 1e-9, a.relaxedValue() + " vs " + opt);
      // no fractional point beats the integral optimum when k = 2
      assertTrue(a.relaxedValue() >= opt - 1e-9, a.relaxedValue() + " below " + opt);
      assertTrue(a.cost() >= opt - 1e-9);
      assertTrue(a.cost() <= 2 * a.relaxedValue() + 1e-9);
    }
  }

  @Test
  void roundingCostsAtMostKTimesTheRelaxedValue() {
    for (long seed = 0; seed < 4; seed++) {
      int n = 8;
      SetFunction[] f = {
        Instances.facility(seed, n),
        Instances.coverage(seed, n, 15, 0.3),
        Instances.facility(seed + 9, n)
      };
      CostAllocation.Allocation a = CostAllocation.solve(f, 1500, 0.3);
      double opt = bruteForce(f, n);
      assertTrue(a.cost() >= opt - 1e-9);
      assertTrue(a.cost() <= 3 * a.relaxedValue() + 1e-9);
      assertTrue(a.relaxedValue() <= opt + 1e-9 + 0.05 * opt, "relaxation above the optimum");
      for (int v = 0; v < n; v++) {
        double s = 0;
        for (double[] xi : a.fractional()) {
          s += xi[v];
        }
        assertEquals(1.0, s, 1e-9);
      }
    }
  }

  @Test
  void lovaszExtensionAgreesWithTheFunctionOnIndicators() {
    FacilityLocation f = Instances.facility(2, 7);
    double[] grad = new double[7];
    double[] x = {1, 0, 1, 1, 0, 0, 1};
    assertEquals(f.evaluate(0, 2, 3, 6), CostAllocation.lovasz(f.copy(), x, grad), 1e-9);
  }

  @Test
  void badInput() {
    SetFunction one = Instances.facility(1, 4);
    assertThrows(
        IllegalArgumentException.class,
        () -> CostAllocation.solve(new SetFunction[] {one}, 10, 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CostAllocation.solve(new SetFunction[] {one, Instances.facility(1, 5)}, 10, 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CostAllocation.solve(new SetFunction[] {one, one}, 0, 0.1));
    GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(1), 4), 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> CostAllocation.solve(new SetFunction[] {one, cut}, 10, 0.1));
  }
}
