package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class OperatorsTest {

  /** F by summing components one by one, through the interface's component method. */
  static double[] meanOfComponents(FiniteSumOperator f, double[] x) {
    double[] out = new double[f.dimension()];
    double[] c = new double[f.dimension()];
    for (int i = 0; i < f.size(); i++) {
      f.component(i, x, c);
      Vectors.axpy(1.0 / f.size(), c, out);
    }
    return out;
  }

  static void assertConsistent(FiniteSumOperator f, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[] x = Rng.gaussian(rng, f.dimension());
    double[] y = Rng.gaussian(rng, f.dimension());
    double[] full = new double[f.dimension()];
    f.apply(x, full);
    assertArrayEquals(meanOfComponents(f, x), full, 1e-10 * (1 + Vectors.normInf(full)));
    for (int i = 0; i < f.size(); i += Math.max(1, f.size() / 7)) {
      double[] diff = new double[f.dimension()];
      f.addComponentDifference(i, 0.5, x, y, diff);
      double[] fx = new double[f.dimension()];
      double[] fy = new double[f.dimension()];
      f.component(i, x, fx);
      f.component(i, y, fy);
      for (int j = 0; j < fx.length; j++) {
        assertEquals(0.5 * (fx[j] - fy[j]), diff[j], 1e-9 * (1 + Math.abs(fx[j])));
      }
    }
  }

  @Test
  void fullPassEqualsTheMeanOfComponentsAndDifferencesMatch() {
    assertConsistent(Problems.leastSquares(40, 6, 1).operator(), 2);
    // d = 11: the unrolled difference of least squares runs two blocks of four and a tail of three
    assertConsistent(Problems.leastSquares(15, 11, 8).operator(), 3);
    assertConsistent(MatrixGame.policemanBurglar(12, 3).operator(), 4);
    assertConsistent(Problems.ouyangXu(9).operator(), 5);
    assertConsistent(Problems.regularizedBilinear(5, 7, 4, 0.3, false, 6).operator(), 7);
  }

  @Test
  void matrixGameOperatorIsAtyAndMinusAxByDirectProducts() {
    MatrixGame g = MatrixGame.policemanBurglar(7, 1);
    Problem p = g.problem();
    RandomGenerator rng = Rng.create(3);
    double[] z = Rng.gaussian(rng, 14);
    double[] f = new double[14];
    p.operator().apply(z, f);
    // (Aᵀy)_j and −(Ax)_i from the explicit formula
    RandomGenerator wr = Rng.create(1);
    double[] w = new double[7];
    for (int j = 0; j < 7; j++) {
      w[j] = Math.abs(wr.nextGaussian());
    }
    for (int j = 0; j < 7; j++) {
      double aty = 0;
      double ax = 0;
      for (int i = 0; i < 7; i++) {
        aty += w[j] * (1 - Math.exp(-0.8 * Math.abs(i - j))) * z[7 + i];
        ax += w[i] * (1 - Math.exp(-0.8 * Math.abs(j - i))) * z[i];
      }
      assertEquals(aty, f[j], 1e-12);
      assertEquals(-ax, f[7 + j], 1e-12);
    }
    assertTrue(g.dualityGap(p.start()) >= 0);
  }

  /** Small instances of the built-in problems with exact {@code L_F} and {@code L_Q}. */
  static Problem[] builtInProblems() {
    return new Problem[] {
      Problems.leastSquares(60, 4, 1),
      MatrixGame.policemanBurglar(10, 2).problem(),
      MatrixGame.policemanBurglar(30, 5).problem(),
      Problems.ouyangXu(8),
      Problems.regularizedBilinear(4, 6, 5, 0.2, false, 3)
    };
  }

  @Test
  void exactLipschitzConstantsBoundRandomQuotientsAndMatchPowerIteration() {
    Problem[] problems = builtInProblems();
    RandomGenerator rng = Rng.create(8);
    for (Problem p : problems) {
      FiniteSumOperator f = p.operator();
      int d = f.dimension();
      double maxF = 0;
      double maxQ = 0;
      for (int t = 0; t < 200; t++) {
        double[] u = Rng.gaussian(rng, d);
        double[] v = Rng.gaussian(rng, d);
        double[] fu = new double[d];
        double[] fv = new double[d];
        f.apply(u, fu);
        f.apply(v, fv);
        double duv = Math.sqrt(Vectors.distanceSquared(u, v));
        maxF = Math.max(maxF, Math.sqrt(Vectors.distanceSquared(fu, fv)) / duv);
        double s = 0;
        for (int i = 0; i < f.size(); i++) {
          double[] diff = new double[d];
          f.addComponentDifference(i, 1.0, u, v, diff);
          s += Vectors.dot(diff, diff);
        }
        maxQ = Math.max(maxQ, Math.sqrt(s / f.size()) / duv);
      }
      assertTrue(maxF <= p.lipschitz() * (1 + 1e-9), p.name());
      assertTrue(maxQ <= p.meanSquareLipschitz() * (1 + 1e-9), p.name());
      assertTrue(p.lipschitz() <= p.meanSquareLipschitz() * (1 + 1e-9), "L_F <= L_Q");
      double est = Lipschitz.operator(f, p.start(), 300, 1);
      assertTrue(est <= p.lipschitz() * (1 + 1e-6) && est >= 0.5 * p.lipschitz(), p.name());
    }
    // the mean-square estimate is a lower bound of the exact L_Q, and not a loose one
    for (Problem p : problems) {
      double lq = Lipschitz.meanSquare(p.operator(), p.start(), 5, 2);
      assertTrue(lq <= p.meanSquareLipschitz() * (1 + 1e-6), p.name());
      assertTrue(lq >= 0.1 * p.meanSquareLipschitz(), p.name() + " " + lq);
    }
    // normal matrices: power iteration converges to the norm
    Problem ls = problems[0];
    assertEquals(ls.lipschitz(), Lipschitz.operator(ls.operator(), ls.start(), 300, 1), 1e-6);
  }

  /**
   * The built-in {@code L_Q} is the exact (tight) constant of the paper's assumption under uniform
   * sampling, {@code L_Q² = λ_max((1/n) Σ J_iᵀJ_i)} with {@code J_i} the Jacobian of {@code F_i}:
   * checked against that matrix built explicitly from component differences on unit vectors (not
   * the per-group Gram matrices the classes use), and attained by the mean-square difference
   * quotient along its top eigenvector.
   */
  @Test
  void exactMeanSquareConstantIsTightAgainstTheExplicitMeanOfJacobianGrams() {
    Problem[] problems = builtInProblems();
    RandomGenerator rng = Rng.create(21);
    for (Problem p : problems) {
      FiniteSumOperator f = p.operator();
      int d = f.dimension();
      int n = f.size();
      double[] zero = new double[d];
      DMatrixRMaj q = new DMatrixRMaj(d, d);
      DMatrixRMaj jac = new DMatrixRMaj(d, d);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double[] e = new double[d];
          e[j] = 1;
          double[] col = new double[d];
          f.addComponentDifference(i, 1.0, e, zero, col);
          for (int r = 0; r < d; r++) {
            jac.set(r, j, col[r]);
          }
        }
        CommonOps_DDRM.multAddTransA(1.0 / n, jac, jac, q);
      }
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
      assertTrue(eig.decompose(q), p.name());
      int top = 0;
      for (int k = 1; k < d; k++) {
        if (eig.getEigenvalue(k).getReal() > eig.getEigenvalue(top).getReal()) {
          top = k;
        }
      }
      double lq = p.meanSquareLipschitz();
      assertEquals(Math.sqrt(eig.getEigenvalue(top).getReal()), lq, 1e-9 * lq, p.name());
      // near-equality of E‖F_i(u) − F_i(v)‖² ≤ L_Q²‖u − v‖² along the top eigenvector
      double[] dir = eig.getEigenVector(top).data;
      double[] u = Rng.gaussian(rng, d);
      double[] v = u.clone();
      Vectors.axpy(0.37, dir, v);
      double s = 0;
      for (int i = 0; i < n; i++) {
        double[] diff = new double[d];
        f.addComponentDifference(i, 1.0, v, u, diff);
        s += Vectors.dot(diff, diff);
      }
      double quotient = Math.sqrt(s / n / Vectors.distanceSquared(u, v));
      assertEquals(lq, quotient, 1e-8 * lq, p.name());
    }
  }

  @Test
  void builtInSolutionsAreZerosOfTheOperator() {
    for (Problem p :
        new Problem[] {
          Problems.leastSquares(30, 4, 1),
          Problems.ouyangXu(10),
          Problems.regularizedBilinear(6, 4, 10, 0.5, true, 2)
        }) {
      assertTrue(p.residual(p.solution()) < 1e-10, p.name());
      assertTrue(p.residual(p.start()) > 1e-3, p.name());
    }
  }

  @Test
  void countingOperatorCountsEveryComponentEvaluation() {
    Problem p = Problems.leastSquares(25, 3, 1);
    CountingOperator c = new CountingOperator(p.operator());
    double[] x = new double[3];
    double[] out = new double[3];
    c.apply(x, out);
    assertEquals(25, c.calls());
    c.component(3, x, out);
    c.addComponent(4, 1.0, x, out);
    assertEquals(27, c.calls());
    c.addComponentDifference(1, 1.0, x, x, out);
    assertEquals(29, c.calls());
    c.charge(21);
    assertEquals(2.0, c.epochs(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> c.charge(-1));
  }

  @Test
  void badInputIsRejectedWithTheParameterNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LeastSquares(new double[][] {{1, 2}, {3}}, new double[2]));
    assertTrue(e.getMessage().startsWith("rows[1].length = 1"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new LeastSquares(new double[0][], new double[0]));
    assertTrue(e.getMessage().startsWith("rows.length = 0"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LeastSquares(new double[][] {{1, 2}}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> Problems.leastSquares(0, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> MatrixGame.policemanBurglar(1, 1));
    e = assertThrows(IllegalArgumentException.class, () -> new MatrixGame(new double[][] {{1, 2}}));
    assertTrue(e.getMessage().startsWith("a.length = 1"));
    FiniteSumOperator ls = Problems.leastSquares(5, 3, 1).operator();
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Lipschitz.operator(ls, new double[3], 0, 1));
    assertTrue(e.getMessage().startsWith("iterations = 0"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Lipschitz.meanSquare(ls, new double[2], 3, 1));
    assertTrue(e.getMessage().startsWith("x.length = 2"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LinearFiniteSum(
                new double[][] {{1, 0}, {0, 1}}, new double[2], new int[][] {{0}, {0}}));
    assertThrows(IllegalArgumentException.class, () -> LinearFiniteSum.roundRobin(3, 4));
    FiniteSumOperator empty =
        new FiniteSumOperator() {
          @Override
          public int dimension() {
            return 2;
          }

          @Override
          public int size() {
            return 0;
          }

          @Override
          public void addComponent(int i, double scale, double[] x, double[] acc) {}
        };
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Problem.of("empty", empty, Resolvents.identity(2), new double[2]));
    assertTrue(e.getMessage().startsWith("operator.size() = 0"));
    Problem p = Problems.leastSquares(5, 3, 1);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Problem.of("x", p.operator(), Resolvents.identity(4), new double[3]));
    assertTrue(e.getMessage().startsWith("resolvent.dimension() = 4"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Problem.of("x", p.operator(), Resolvents.identity(3), new double[2]));
    assertTrue(e.getMessage().startsWith("start.length = 2"));
    e = assertThrows(IllegalArgumentException.class, () -> p.withLipschitz(-1));
    assertTrue(e.getMessage().startsWith("lipschitz = -1.0"));
  }

  @Test
  void linearFiniteSumGroupsMustPartitionTheColumns() {
    double[][] m = {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}};
    double[] c = new double[3];
    String[][] cases = {
      {"groups[1] column = 3: expected a column in [0, 3) not seen", "past the last column"},
      {"groups[0] column = -1: expected a column in [0, 3) not seen", "negative column"},
      {"column 1 = in no group: expected every column in exactly one group", "missing column"}
    };
    int[][][] groups = {{{0, 1}, {3, 2}}, {{-1}, {0, 1, 2}}, {{0}, {2}}};
    for (int k = 0; k < cases.length; k++) {
      int[][] g = groups[k];
      String msg =
          assertThrows(IllegalArgumentException.class, () -> new LinearFiniteSum(m, c, g))
              .getMessage();
      assertEquals(cases[k][0], msg, cases[k][1]);
    }
  }
}
