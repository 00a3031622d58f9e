package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Diagonalization#towardNormal} at the end of its range, fraction 1: the decomposition of
 * LegS's normal part {@code A + P P^T = -I/2 + S}, which has a unitary eigenbasis (condition 1) and
 * every eigenvalue on {@code Re = -1/2}.
 */
class DiagonalizationNormalPartTest {

  @Test
  void fractionOneGivesTheNormalPart() {
    int n = 16;
    Diagonalization d = Diagonalization.towardNormal(Hippo.nplr(Hippo.Measure.LEGS, n), 1);
    double[] lambda = d.eigenvalues();
    assertEquals(2 * n, lambda.length);
    for (int j = 0; j < n; j++) {
      assertEquals(-0.5, lambda[2 * j], 1e-10, "eigenvalue " + j);
    }
    assertTrue(d.condition() <= 1 + 1e-8, "condition " + d.condition());
  }
}
