package dev.fathom.submodular.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.SetFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Concave-over-modular with a user function: the enum's functions given as lambdas, and refusals.
 */
class FeatureBasedUserFunctionTest {
  private static double[][] features(RandomGenerator rng, int n, int d) {
    double[][] m = new double[n][d];
    for (double[] r : m) {
      for (int u = 0; u < d; u++) {
        r[u] = rng.nextDouble() < 0.4 ? 0 : rng.nextDouble();
      }
    }
    return m;
  }

  /** Every subset's value of the lambda form equals the enum form's, and the definition's. */
  @Test
  void userFunctionEqualsTheEnumAndTheDefinition() {
    RandomGenerator rng = Rng.create(3);
    int n = 8;
    double[][] m = features(rng, n, 5);
    double[] w = {0.5, 1, 2, 0, 1.5};
    DoubleUnaryOperator cubeRoot = Math::cbrt;
    SetFunction viaEnum = FeatureBased.dense(m, w, FeatureBased.Concave.SQRT);
    SetFunction viaLambda = FeatureBased.dense(m, w, x -> Math.sqrt(x));
    SetFunction custom = FeatureBased.dense(m, w, cubeRoot);
    for (int mask = 0; mask < 1 << n; mask++) {
      int[] ids = new int[Integer.bitCount(mask)];
      for (int e = 0, t = 0; e < n; e++) {
        if ((mask >> e & 1) != 0) {
          ids[t++] = e;
        }
      }
      assertEquals(viaEnum.evaluate(ids), viaLambda.evaluate(ids), 0.0, "mask " + mask);
      double want = 0;
      for (int u = 0; u < w.length; u++) {
        double s = 0;
        for (int e : ids) {
          s += m[e][u];
        }
        want += w[u] * Math.cbrt(s);
      }
      assertEquals(want, custom.evaluate(ids), 1e-12 * Math.max(1, want), "mask " + mask);
    }
  }

  /** A convex, decreasing, shifted or non-finite phi is refused before any work, by name. */
  @Test
  void nonConcaveFunctionsAreRefused() {
    double[][] m = features(Rng.create(4), 6, 3);
    double[] w = {1, 1, 1};
    String convex =
        assertThrows(IllegalArgumentException.class, () -> FeatureBased.dense(m, w, x -> x * x))
            .getMessage();
    assertTrue(convex.contains("concave"), convex);
    String decreasing =
        assertThrows(IllegalArgumentException.class, () -> FeatureBased.dense(m, w, x -> -x))
            .getMessage();
    assertTrue(decreasing.contains("non-decreasing"), decreasing);
    String shifted =
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureBased.dense(m, w, x -> 1 + Math.sqrt(x)))
            .getMessage();
    assertTrue(shifted.startsWith("phi(0) = 1.0"), shifted);
    String nan =
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureBased.dense(m, w, x -> x > 0.5 ? Double.NaN : x))
            .getMessage();
    assertTrue(nan.contains("a finite value"), nan);
    assertThrows(
        NullPointerException.class, () -> FeatureBased.dense(m, w, (DoubleUnaryOperator) null));
  }
}
