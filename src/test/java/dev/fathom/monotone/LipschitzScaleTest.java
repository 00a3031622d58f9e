package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * {@link Lipschitz#meanSquare} on a problem scaled by c ({@code F_c,i(y) = c F_i(y / c)}, points
 * {@code c x}) gives the same estimate at c = 1e-12, 1 and 1e12, and that estimate is a tight lower
 * bound of the exact {@code L_Q}.
 */
class LipschitzScaleTest {
  private static final int N = 6;
  private static final int D = 4;

  /** F_i(x) = M_i x + c b_i, evaluated whole (the default difference F_i(x) − F_i(y)). */
  private static FiniteSumOperator affine(double[][][] m, double[][] b, double c) {
    return new FiniteSumOperator() {
      @Override
      public int dimension() {
        return D;
      }

      @Override
      public int size() {
        return N;
      }

      @Override
      public void addComponent(int i, double scale, double[] x, double[] acc) {
        for (int r = 0; r < D; r++) {
          acc[r] += scale * (Vectors.dot(m[i][r], x) + c * b[i][r]);
        }
      }
    };
  }

  @Test
  void meanSquareEstimateIsScaleInvariantAndTight() {
    RandomGenerator rng = Rng.create(31);
    double[][][] m = new double[N][D][];
    double[][] b = new double[N][];
    DMatrixRMaj sum = new DMatrixRMaj(D, D);
    for (int i = 0; i < N; i++) {
      for (int r = 0; r < D; r++) {
        m[i][r] = Rng.gaussian(rng, D);
      }
      b[i] = Rng.gaussian(rng, D);
      DMatrixRMaj mi = new DMatrixRMaj(m[i]);
      DMatrixRMaj g = new DMatrixRMaj(D, D);
      CommonOps_DDRM.multTransA(mi, mi, g);
      CommonOps_DDRM.addEquals(sum, g);
    }
    CommonOps_DDRM.scale(1.0 / N, sum);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(D, false, true);
    assertTrue(eig.decompose(sum));
    double top = 0;
    for (int k = 0; k < D; k++) {
      top = Math.max(top, eig.getEigenvalue(k).getReal());
    }
    double exact = Math.sqrt(top);
    double[] x0 = Rng.gaussian(rng, D);
    for (double[] point : new double[][] {new double[D], x0}) {
      double[] estimates = new double[3];
      double[] scales = {1e-12, 1, 1e12};
      for (int s = 0; s < 3; s++) {
        double c = scales[s];
        double[] x = point.clone();
        Vectors.scale(c, x);
        estimates[s] = Lipschitz.meanSquare(affine(m, b, c), x, 20, 5);
      }
      for (int s = 0; s < 3; s++) {
        assertEquals(estimates[1], estimates[s], 1e-6 * estimates[1], "scale " + scales[s]);
      }
      assertTrue(estimates[1] <= exact * (1 + 1e-9), estimates[1] + " vs exact " + exact);
      assertTrue(estimates[1] >= 0.5 * exact, estimates[1] + " vs exact " + exact);
    }
  }
}
