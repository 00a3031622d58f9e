package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.ssm.ModeParameterization.Transform;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ModeParameterizationTest {

  @Test
  void transformsMatchTheirClosedFormsAndInvert() {
    assertEquals(Math.E, Transform.EXP.apply(1), 1e-15);
    assertEquals(0, Transform.RELU.apply(-3), 0);
    assertEquals(2.5, Transform.RELU.apply(2.5), 0);
    assertEquals(0.5, Transform.SIGMOID.apply(0), 0);
    assertEquals(Math.log(2), Transform.SOFTPLUS.apply(0), 1e-16);
    assertEquals(40, Transform.SOFTPLUS.apply(40), 1e-12);
    assertEquals(-7, Transform.NONE.apply(-7), 0);
    double[] ps = {-3, -0.4, 0.2, 1.7, 5};
    for (Transform t : Transform.values()) {
      for (double p : ps) {
        if (t == Transform.RELU && p <= 0) {
          continue;
        }
        assertEquals(p, t.inverse(t.apply(p)), 1e-12 * (1 + Math.abs(p)), t + " at " + p);
        double h = 1e-6;
        double fd = (t.apply(p + h) - t.apply(p - h)) / (2 * h);
        assertEquals(fd, t.derivative(p), 1e-8 * (1 + Math.abs(fd)), t + "' at " + p);
      }
    }
    assertEquals(0, Transform.RELU.derivative(-1), 0);
  }

  @Test
  void parametersRoundTripTheS4dInits() {
    S4dInit.Modes lin = S4dInit.lin(64);
    S4dInit.Modes inv = S4dInit.inv(64);
    for (Transform re : new Transform[] {Transform.EXP, Transform.RELU, Transform.SOFTPLUS}) {
      ModeParameterization mp = ModeParameterization.DEFAULT.withReal(re);
      for (double[] a : new double[][] {lin.a(), inv.a(), S4dInit.real(16).a()}) {
        double[] back = mp.modes(mp.parameters(a));
        for (int k = 0; k < a.length; k++) {
          assertEquals(a[k], back[k], 1e-13 * (1 + Math.abs(a[k])), re + " entry " + k);
        }
      }
    }
    // sigmoid can only represent rates in (0, 1): S4D-Lin's 1/2 is fine, S4D-Real's 1..N is not
    ModeParameterization sig = ModeParameterization.DEFAULT.withReal(Transform.SIGMOID);
    double[] back = sig.modes(sig.parameters(lin.a()));
    assertEquals(-0.5, back[0], 1e-15);
    assertThrows(IllegalArgumentException.class, () -> sig.parameters(S4dInit.real(4).a()));
  }

  @Test
  void constrainedTransformsKeepEveryParameterStableAndNoneDoesNot() {
    RandomGenerator rng = Rng.create(11);
    double[] p = new double[400];
    for (int k = 0; k < p.length; k++) {
      p[k] = -50 + 100 * rng.nextDouble();
    }
    for (Transform t : Transform.values()) {
      double[] a = ModeParameterization.DEFAULT.withReal(t).modes(p);
      double maxRe = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < a.length; k += 2) {
        maxRe = Math.max(maxRe, a[k]);
        assertEquals(p[k + 1], a[k + 1], 0);
      }
      if (t == Transform.NONE) {
        assertTrue(maxRe > 0);
        double[] clipped = ModeParameterization.clip(a);
        for (int k = 0; k < a.length; k += 2) {
          assertEquals(Math.min(a[k], -1e-4), clipped[k], 0);
          assertEquals(a[k + 1], clipped[k + 1], 0);
        }
      } else {
        assertTrue(maxRe <= 0, t + " max Re " + maxRe);
      }
    }
    // the inverse clamps a zero or positive real part to the minimal rate
    double[] a = {0.3, 2, 0, -1, -1e-6, 0};
    double[] back = ModeParameterization.DEFAULT.modes(ModeParameterization.DEFAULT.parameters(a));
    assertEquals(-1e-4, back[0], 1e-18);
    assertEquals(-1e-4, back[2], 1e-18);
    assertEquals(-1e-4, back[4], 1e-18);
    assertEquals(2, back[1], 1e-15);
  }

  @Test
  void backwardIsTheChainRuleOfAFiniteDifference() {
    RandomGenerator rng = Rng.create(12);
    double[] p = Rng.gaussian(rng, 12);
    double[] w = Rng.gaussian(rng, 12);
    for (Transform re : Transform.values()) {
      for (Transform im : new Transform[] {Transform.NONE, Transform.SOFTPLUS}) {
        ModeParameterization mp = ModeParameterization.DEFAULT.withReal(re).withImag(im);
        // loss L(A) = sum_k w_k sin(A_k), gradient w_k cos(A_k)
        double[] a = mp.modes(p);
        double[] gradA = new double[a.length];
        for (int k = 0; k < a.length; k++) {
          gradA[k] = w[k] * Math.cos(a[k]);
        }
        double[] g = mp.backward(p, gradA);
        for (int k = 0; k < p.length; k++) {
          if (re == Transform.RELU && k % 2 == 0 && Math.abs(p[k]) < 1e-5) {
            continue;
          }
          double h = 1e-6;
          double[] pp = p.clone();
          pp[k] += h;
          double[] pm = p.clone();
          pm[k] -= h;
          double fd = (loss(mp.modes(pp), w) - loss(mp.modes(pm), w)) / (2 * h);
          assertEquals(fd, g[k], 1e-7 * (1 + Math.abs(fd)), re + "/" + im + " entry " + k);
        }
      }
    }
  }

  private static double loss(double[] a, double[] w) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += w[k] * Math.sin(a[k]);
    }
    return s;
  }

  @Test
  void badInput() {
    assertEquals(
        "real = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> ModeParameterization.DEFAULT.withReal(null))
            .getMessage());
    assertEquals(
        "imag = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> ModeParameterization.DEFAULT.withImag(null))
            .getMessage());
    // each wither changes its own part only
    ModeParameterization both =
        ModeParameterization.DEFAULT.withImag(Transform.RELU).withReal(Transform.SOFTPLUS);
    assertEquals(Transform.SOFTPLUS, both.real());
    assertEquals(Transform.RELU, both.imag());
    assertEquals(
        both, ModeParameterization.DEFAULT.withReal(Transform.SOFTPLUS).withImag(Transform.RELU));
    assertThrows(IllegalArgumentException.class, () -> Transform.EXP.inverse(-1));
    assertThrows(IllegalArgumentException.class, () -> Transform.SOFTPLUS.inverse(0));
    assertThrows(IllegalArgumentException.class, () -> Transform.RELU.inverse(-0.5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Transform.SIGMOID.inverse(1.5));
    assertTrue(e.getMessage().startsWith("x = 1.5: expected"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Transform.NONE.inverse(Double.NaN));
    ModeParameterization mp = ModeParameterization.DEFAULT;
    assertThrows(IllegalArgumentException.class, () -> mp.modes(new double[3]));
    assertThrows(IllegalArgumentException.class, () -> mp.modes(new double[] {0, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> mp.backward(new double[2], new double[4]));
    assertThrows(IllegalArgumentException.class, () -> ModeParameterization.clip(new double[1]));
  }
}
