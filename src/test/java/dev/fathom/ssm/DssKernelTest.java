package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DssKernelTest {

  /** Two channels of M modes, real parts of either sign, random B and C. */
  private static DiagonalSsm system(int m, double reScale, long seed) {
    RandomGenerator rng = Rng.create(seed);
    int h = 2;
    double[] a = new double[2 * h * m];
    for (int i = 0; i < h * m; i++) {
      a[2 * i] = reScale * (rng.nextDouble() - 0.5);
      a[2 * i + 1] = -Math.PI * (i % m) + 0.3 * rng.nextDouble();
    }
    return DiagonalSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS)
        .a(a)
        .b(Rng.gaussian(rng, 2 * h * m))
        .c(Rng.gaussian(rng, 2 * h * m))
        .dt(new double[] {0.05, 0.2})
        .allowUnstable()
        .build();
  }

  @Test
  void matchesTheLiteralSoftmaxFormula() {
    int len = 64;
    DiagonalSsm sys = system(6, 2, 1);
    double[] k = DssKernel.compute(sys, len);
    double[] ref = literal(sys, len);
    assertTrue(Vectors.relativeMaxError(k, ref) <= 1e-12, "" + Vectors.relativeMaxError(k, ref));
  }

  /**
   * Steps so small that {@code |Δ A|} and {@code |Δ A L|} fall below 1e-5, where {@code (e^z -
   * 1)/z} is evaluated by its series: the second-order terms (about 1e-11 here) must be right.
   */
  @Test
  void tinyStepsMatchTheLiteralSoftmaxFormula() {
    for (double[] a : new double[][] {{-3, 4}, {0.5, -4.9}, {-4, -3}}) {
      for (int len : new int[] {2, 3}) {
        DiagonalSsm sys =
            DiagonalSsm.builder(DiagonalSsm.Storage.FULL)
                .a(a)
                .b(new double[] {1, 0.5})
                .c(new double[] {0.75, -1})
                .dt(new double[] {9e-6 / (Math.hypot(a[0], a[1]) * len)})
                .allowUnstable()
                .build();
        double[] k = DssKernel.compute(sys, len);
        double err = Vectors.relativeMaxError(k, literal(sys, len));
        assertTrue(err <= 1e-13, java.util.Arrays.toString(a) + " L " + len + ": " + err);
      }
    }
  }

  /**
   * The definition {@code K_l = factor Re sum_n (W_n / A_n) e^{a l} / sum_{j<L} e^{a j}}, the
   * softmax denominator summed term by term.
   */
  static double[] literal(DiagonalSsm sys, int len) {
    double[] ref = new double[sys.channels() * len];
    int m = sys.modes();
    for (int h = 0; h < sys.channels(); h++) {
      for (int n = 0; n < m; n++) {
        int i = 2 * (h * m + n);
        double ar = sys.a()[i] * sys.dt()[h];
        double ai = sys.a()[i + 1] * sys.dt()[h];
        // W / A
        double wr = sys.c()[i] * sys.b()[i] - sys.c()[i + 1] * sys.b()[i + 1];
        double wi = sys.c()[i] * sys.b()[i + 1] + sys.c()[i + 1] * sys.b()[i];
        double am = sys.a()[i] * sys.a()[i] + sys.a()[i + 1] * sys.a()[i + 1];
        double vr = (wr * sys.a()[i] + wi * sys.a()[i + 1]) / am;
        double vi = (wi * sys.a()[i] - wr * sys.a()[i + 1]) / am;
        // softmax denominator sum_j e^{a j}
        double sr = 0;
        double si = 0;
        for (int j = 0; j < len; j++) {
          sr += Math.exp(ar * j) * Math.cos(ai * j);
          si += Math.exp(ar * j) * Math.sin(ai * j);
        }
        double sm = sr * sr + si * si;
        for (int l = 0; l < len; l++) {
          double er = Math.exp(ar * l) * Math.cos(ai * l);
          double ei = Math.exp(ar * l) * Math.sin(ai * l);
          double pr = (er * sr + ei * si) / sm;
          double pi = (ei * sr - er * si) / sm;
          ref[h * len + l] += sys.storage().factor() * (vr * pr - vi * pi);
        }
      }
    }
    return ref;
  }

  @Test
  void stableModesEqualZohVandermondeWithRescaledC() {
    // for Re A < 0: K_dss(C) = K_zoh(C / (e^{Δ A L} - 1)), since Bbar_zoh = (e^{ΔA} - 1)/A B
    int len = 300;
    S4dInit.Modes lin = S4dInit.lin(16);
    double[] c = Rng.gaussian(Rng.create(2), lin.a().length);
    DiagonalSsm sys = DiagonalSsm.shared(lin, c, new double[] {0.1}, new double[] {0});
    double[] cz = new double[c.length];
    for (int i = 0; i < c.length; i += 2) {
      double x = 0.1 * lin.a()[i] * len;
      double y = 0.1 * lin.a()[i + 1] * len;
      double dr = Math.exp(x) * Math.cos(y) - 1;
      double di = Math.exp(x) * Math.sin(y);
      double d = dr * dr + di * di;
      cz[i] = (c[i] * dr + c[i + 1] * di) / d;
      cz[i + 1] = (c[i + 1] * dr - c[i] * di) / d;
    }
    DiagonalSsm zoh = DiagonalSsm.shared(lin, cz, new double[] {0.1}, new double[] {0});
    double[] ref = VandermondeKernel.compute(zoh.discretize(Discretization.ZOH), len);
    double[] k = DssKernel.compute(sys, len);
    assertTrue(Vectors.relativeMaxError(k, ref) <= 1e-11, "" + Vectors.relativeMaxError(k, ref));
  }

  @Test
  void strongGrowthStaysFiniteAndTheSoftmaxSumsToOne() {
    // Re(Δ A) L up to 1000: e^{a L} overflows, the shifted form does not
    int len = 1000;
    DiagonalSsm sys = system(4, 10, 3);
    double[] k = DssKernel.compute(sys, len);
    int m = sys.modes();
    for (int h = 0; h < 2; h++) {
      double sum = 0;
      for (int l = 0; l < len; l++) {
        assertTrue(Double.isFinite(k[h * len + l]));
        sum += k[h * len + l];
      }
      // sum_l softmax_l = 1, so sum_l K_l = 2 Re sum_n W_n / A_n
      double expected = 0;
      for (int n = 0; n < m; n++) {
        int i = 2 * (h * m + n);
        double wr = sys.c()[i] * sys.b()[i] - sys.c()[i + 1] * sys.b()[i + 1];
        double wi = sys.c()[i] * sys.b()[i + 1] + sys.c()[i + 1] * sys.b()[i];
        double am = sys.a()[i] * sys.a()[i] + sys.a()[i + 1] * sys.a()[i + 1];
        expected += 2 * (wr * sys.a()[i] + wi * sys.a()[i + 1]) / am;
      }
      assertEquals(expected, sum, 1e-10 * (1 + Math.abs(expected)));
    }
  }

  @Test
  void badInput() {
    DiagonalSsm sys = system(2, 1, 4);
    assertThrows(IllegalArgumentException.class, () -> DssKernel.compute(sys, 0));
    assertThrows(NullPointerException.class, () -> DssKernel.compute(null, 4));
  }
}
