package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The objective {@link PtdOptimizer} records: {@code kappa(V)^2 + lambda ||E||_F / ||A||_2 + w
 * sum_j max(0, Re lambda_j + margin)^2} of the decomposition of {@code A + E}, here at the start
 * (zero steps) with a stability margin that puts the penalty to work.
 */
class PtdObjectiveTest {

  @Test
  void recordedObjectiveIsKappaSquaredPlusPerturbationPlusPenalty() {
    int n = 4;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    DMatrixRMaj start = new DMatrixRMaj(n, n);
    Rng.gaussian(Rng.create(12), start.data);
    for (int k = 0; k < start.data.length; k++) {
      start.data[k] *= 0.05;
    }
    double weight = 3;
    double margin = 2.5;
    PtdOptimizer.Options options =
        PtdOptimizer.Options.defaults()
            .withSteps(0)
            .withStabilityWeight(weight)
            .withStabilityMargin(margin);
    PtdOptimizer.Result r = PtdOptimizer.refine(a, start, options);
    Diagonalization d = Diagonalization.perturbed(a, start);
    double penalty = 0;
    for (int j = 0; j < n; j++) {
      double x = Math.max(0, d.eigenvalues()[2 * j] + margin);
      penalty += x * x;
    }
    // LegS's eigenvalues -1 .. -4 moved a little: the first two lie within the margin
    assertTrue(penalty > 1, "penalty " + penalty);
    double expected =
        d.condition() * d.condition()
            + options.lambda() * NormOps_DDRM.normF(start) / NormOps_DDRM.normP2(a)
            + weight * penalty;
    assertEquals(1, r.objective().length);
    assertEquals(expected, r.objective()[0], 1e-12 * expected);
  }
}
