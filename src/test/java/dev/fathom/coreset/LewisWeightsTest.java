package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.junit.jupiter.api.Test;

class LewisWeightsTest {
  private static final double[][] A = TestData.heavyTailed(Rng.create(7), 400, 5, 2.5);

  @Test
  void satisfyTheirFixedPointAndSumToD() {
    for (double p : new double[] {1, 1.5, 3, 3.5}) {
      LewisWeights.Result r = LewisWeights.compute(A, p);
      assertEquals(Status.CONVERGED, r.status(), "p = " + p);
      double[] again = LewisWeights.step(A, r.weights(), p);
      double sum = 0;
      for (int i = 0; i < A.length; i++) {
        assertEquals(r.weights()[i], again[i], 1e-8 * r.weights()[i] + 1e-14, "p = " + p);
        sum += r.weights()[i];
      }
      assertEquals(5, sum, 1e-6, "p = " + p);
    }
  }

  private static final double[] W1 =
      java.util.Collections.nCopies(400, 1.0).stream().mapToDouble(Double::doubleValue).toArray();

  /** The Lewis map computed directly: (a_i^T (A^T W^{1-2/p} A)^{-1} a_i)^{p/2}, inverse by EJML. */
  private static double[] lewisMap(double[][] a, double[] w, double p) {
    int d = a[0].length;
    org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(d, d);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < d; j++) {
        for (int l = 0; l < d; l++) {
          m.add(j, l, Math.pow(w[i], 1 - 2 / p) * a[i][j] * a[i][l]);
        }
      }
    }
    org.ejml.dense.row.CommonOps_DDRM.invert(m);
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double q = 0;
      for (int j = 0; j < d; j++) {
        for (int l = 0; l < d; l++) {
          q += a[i][j] * m.get(j, l) * a[i][l];
        }
      }
      out[i] = Math.pow(q, p / 2);
    }
    return out;
  }

  @Test
  void largePUsesTheDampedIterationAndReachesTheSameFixedPoint() {
    for (double p : new double[] {3.5, 4, 6, 10}) {
      LewisWeights.Result r = LewisWeights.compute(A, p);
      assertEquals(Status.CONVERGED, r.status(), "p = " + p);
      double[] again = lewisMap(A, r.weights(), p);
      double sum = 0;
      for (int i = 0; i < A.length; i++) {
        assertEquals(r.weights()[i], again[i], 1e-7 * r.weights()[i] + 1e-14, "p = " + p);
        sum += r.weights()[i];
      }
      assertEquals(5, sum, 1e-6, "p = " + p);
    }
  }

  @Test
  void pTwoGivesLeverageScores() {
    double[] w = LewisWeights.compute(A, 2).weights();
    double[] tau = LeverageScores.of(A);
    for (int i = 0; i < A.length; i++) {
      assertEquals(tau[i], w[i], 1e-10);
    }
  }

  @Test
  void stoppingRuleBudgetAndHistoryFollowTheFixedPointMap() {
    // two steps by hand from w = 1, then the same run with a budget of two and history
    double[] w0 = new double[A.length];
    java.util.Arrays.fill(w0, 1);
    double[] w1 = LewisWeights.step(A, w0, 1);
    double[] w2 = LewisWeights.step(A, w1, 1);
    double c1 = 0;
    double c2 = 0;
    for (int i = 0; i < A.length; i++) {
      c1 = Math.max(c1, Math.abs(w1[i] - w0[i]) / w0[i]);
      c2 = Math.max(c2, Math.abs(w2[i] - w1[i]) / w1[i]);
    }
    LewisWeights.Result r =
        LewisWeights.compute(A, 1, StoppingRule.relative(1e-12, 2).withHistory());
    assertEquals(Status.MAX_ITERATIONS, r.status());
    assertEquals(2, r.iterations());
    assertEquals(c2, r.residual(), 0.0);
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new double[] {c1, c2}, r.residualHistory(), 0.0);
    org.junit.jupiter.api.Assertions.assertArrayEquals(w2, r.solution(), 0.0);
    // an absolute tolerance just above the second change stops there with CONVERGED
    LewisWeights.Result s = LewisWeights.compute(A, 1, StoppingRule.absolute(c2 * 1.000001, 100));
    assertEquals(Status.CONVERGED, s.status());
    assertEquals(2, s.iterations());
    assertEquals(0, s.residualHistory().length);
    assertEquals(
        "rule = null: expected a non-null value",
        org.junit.jupiter.api.Assertions.assertThrows(
                NullPointerException.class, () -> LewisWeights.compute(A, 1, null))
            .getMessage());
  }

  @Test
  void badInput() {
    assertEquals(
        "p = 0.0: expected a number in (0.0, Infinity)", msg(() -> LewisWeights.compute(A, 0)));
    assertEquals(
        "p = NaN: expected a number in (0.0, Infinity)",
        msg(() -> LewisWeights.compute(A, Double.NaN)));
    assertEquals(
        "p = Infinity: expected a number in (0.0, Infinity)",
        msg(() -> LewisWeights.compute(A, Double.POSITIVE_INFINITY)));
    assertEquals(
        "p = 4.0: expected a number in (0.0, 4.0)", msg(() -> LewisWeights.step(A, W1, 4)));
    assertEquals(
        "w[0] = -1.0: expected a positive weight",
        msg(() -> LewisWeights.step(new double[][] {{1}}, new double[] {-1}, 1)));
  }

  /** A with zero rows put in at rows 0, 7 and the end; kept[j] is where row j of A went. */
  private static double[][] withZeroRows(double[][] a, int[] kept) {
    int d = a[0].length;
    double[][] out = new double[a.length + 3][];
    for (int i = 0, j = 0; i < out.length; i++) {
      if (i == 0 || i == 7 || i == out.length - 1) {
        out[i] = new double[d];
      } else {
        kept[j] = i;
        out[i] = a[j++];
      }
    }
    return out;
  }

  @Test
  void zeroRowsGetWeightAndSensitivityZeroAndLeaveTheOthersAlone() {
    int[] kept = new int[A.length];
    double[][] z = withZeroRows(A, kept);
    for (double p : new double[] {1, 1.5, 2, 3, 6}) {
      double[] w = LewisWeights.compute(A, p).weights();
      double[] wz = LewisWeights.compute(z, p).weights();
      double[] s = LpSensitivities.upperBounds(A, p);
      double[] sz = LpSensitivities.upperBounds(z, p);
      for (int i : new int[] {0, 7, z.length - 1}) {
        assertEquals(0, wz[i], "p = " + p);
        assertEquals(0, sz[i], "p = " + p);
      }
      for (int j = 0; j < A.length; j++) {
        assertEquals(w[j], wz[kept[j]], 1e-12 * w[j], "p = " + p);
        assertEquals(s[j], sz[kept[j]], 1e-12 * s[j], "p = " + p);
      }
    }
    // the regression coresets sample [X, y] with zero rows as the instance without them
    double[][] x = new double[A.length][];
    double[] y = new double[A.length];
    for (int i = 0; i < A.length; i++) {
      x[i] = java.util.Arrays.copyOf(A[i], 4);
      y[i] = A[i][4];
    }
    double[][] xz = new double[z.length][];
    double[] yz = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      xz[i] = java.util.Arrays.copyOf(z[i], 4);
      yz[i] = z[i][4];
    }
    Coreset[] plain = {
      RegressionCoresets.lewis(x, y, 1, 60, 3), RegressionCoresets.lp(x, y, 3, 60, 3)
    };
    Coreset[] zeros = {
      RegressionCoresets.lewis(xz, yz, 1, 60, 3), RegressionCoresets.lp(xz, yz, 3, 60, 3)
    };
    for (int k = 0; k < 2; k++) {
      assertEquals(plain[k].size(), zeros[k].size());
      for (int j = 0; j < plain[k].size(); j++) {
        assertEquals(kept[plain[k].index(j)], zeros[k].index(j));
        assertEquals(plain[k].weight(j), zeros[k].weight(j), 1e-9 * plain[k].weight(j));
      }
    }
  }
}
