package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import org.junit.jupiter.api.Test;

/**
 * LSA's recursion {@code theta <- theta + alpha (b_k - A_k theta)} is linear in {@code (theta0,
 * b)}: a stream whose {@code b_k} are scaled by c = 1e-12 or 1e12, from a scaled start, gives c
 * times the averaged answer of the unscaled run with the same seed.
 */
class LsaScaleTest {
  private static LsaStream stream(double c) {
    return LsaStream.dense(
        2,
        (rng, a, b) -> {
          a[0] = 1 + 0.1 * rng.nextGaussian();
          a[1] = 0.1 * rng.nextGaussian();
          a[2] = 0.1 * rng.nextGaussian();
          a[3] = 0.5 + 0.1 * rng.nextGaussian();
          b[0] = c * (1 + 0.1 * rng.nextGaussian());
          b[1] = c * (-2 + 0.1 * rng.nextGaussian());
        },
        null);
  }

  @Test
  void scaledTargetsGiveTheScaledAverage() {
    Lsa.Options options = Lsa.Options.of(0.05, 4000);
    double[] one = Lsa.run(stream(1), new double[] {0.3, -0.1}, options, 9).solution();
    for (double c : new double[] {1e-12, 1e12}) {
      double[] got = Lsa.run(stream(c), new double[] {0.3 * c, -0.1 * c}, options, 9).solution();
      double[] want = {one[0] * c, one[1] * c};
      double err = Vectors.relativeMaxError(got, want);
      assertTrue(err <= 1e-12, "scale " + c + ": " + err);
    }
  }

  @Test
  void anUnstableRunDivergesAtEveryScaleAndAnExplicitBoundStaysAbsolute() {
    for (double c : new double[] {1e-12, 1, 1e12}) {
      // theta grows like (1 + 0.05 * 0.1)^k: past 1e12 times its start after about 5600 steps
      LsaStream unstable =
          LsaStream.dense(
              1,
              (rng, a, b) -> {
                a[0] = -0.1;
                b[0] = c;
              },
              null);
      Lsa.Options options = Lsa.Options.of(0.05, 8000).withPolicy(Lsa.StabilityPolicy.SKIP);
      LsaResult r = Lsa.run(unstable, new double[] {c}, options, 1);
      assertEquals(dev.fathom.core.Status.DIVERGED, r.status(), "scale " + c);
      assertTrue(
          r.iterations() > 5000 && r.iterations() < 6500, "scale " + c + ": " + r.iterations());
    }
    // an absolute bound of 1e6 stops the unscaled run much earlier (1.005^k > 1e6 at k ~ 2770)
    LsaStream unstable =
        LsaStream.dense(
            1,
            (rng, a, b) -> {
              a[0] = -0.1;
              b[0] = 1;
            },
            null);
    LsaResult r =
        Lsa.run(
            unstable,
            new double[] {1},
            Lsa.Options.of(0.05, 8000)
                .withPolicy(Lsa.StabilityPolicy.SKIP)
                .withDivergenceBound(1e6),
            1);
    assertEquals(dev.fathom.core.Status.DIVERGED, r.status());
    assertTrue(r.iterations() < 3100, "iterations " + r.iterations());
  }
}
