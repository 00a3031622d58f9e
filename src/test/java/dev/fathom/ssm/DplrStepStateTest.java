package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/** {@link DplrStep#step} on a state of {@link DplrStep#stateLength()} doubles reproduces run. */
class DplrStepStateTest {

  @Test
  void steppingAStateOfTheStatedLengthReproducesRun() {
    int n = 8;
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
    DplrStep step = DplrStep.of(nplr, Rng.gaussian(Rng.create(5), n), 0.05);
    // N / 2 complex modes, interleaved: N doubles
    assertEquals(n, step.stateLength());
    double[] u = Rng.gaussian(Rng.create(6), 40);
    double[] y = step.run(u);
    double[] state = new double[step.stateLength()];
    for (int k = 0; k < u.length; k++) {
      assertEquals(y[k], step.step(state, u[k]), 0, "step " + k);
    }
  }
}
