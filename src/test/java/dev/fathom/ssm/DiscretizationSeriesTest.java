package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Discretization#expm1Over} just below the switch to its three-term series ({@code |z| <
 * 1e-5}), where the quadratic term is about 1e-11: against the full series {@code sum_k z^k / (k +
 * 1)!} summed to convergence (the series' cubic term, 4e-17, is the tolerance's scale).
 */
class DiscretizationSeriesTest {

  @Test
  void smallArgumentsMatchTheFullSeries() {
    for (double mod : new double[] {9.9e-6, 6e-6}) {
      for (int dir = 0; dir < 8; dir++) {
        double th = 2 * Math.PI * dir / 8 + 0.3;
        double zr = mod * Math.cos(th);
        double zi = mod * Math.sin(th);
        // term_k = z^k / (k + 1)!
        double tr = 1;
        double ti = 0;
        double sr = 1;
        double si = 0;
        for (int k = 1; k < 12; k++) {
          double nr = (tr * zr - ti * zi) / (k + 1);
          double ni = (tr * zi + ti * zr) / (k + 1);
          tr = nr;
          ti = ni;
          sr += tr;
          si += ti;
        }
        double[] f = Discretization.expm1Over(zr, zi);
        assertEquals(sr, f[0], 1e-16, "|z| " + mod + " dir " + dir);
        assertEquals(si, f[1], 1e-16, "|z| " + mod + " dir " + dir);
      }
    }
  }
}
