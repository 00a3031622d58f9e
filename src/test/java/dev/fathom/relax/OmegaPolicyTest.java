package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OmegaPolicyTest {
  @Test
  void fixedAndStatelessPolicies() {
    Instance in = ShiftedLaplacians.lowVariance(1).next();
    OmegaPolicy f = OmegaPolicy.fixed(1.3);
    assertEquals(1.3, f.choose(in));
    f.observe(12);
    assertEquals(1.3, f.choose(in));
    assertEquals("omega = 1.3", f.name());
    OmegaPolicy s = OmegaPolicy.stateless("half shift", i -> 1.5 + i.context() / 2);
    assertEquals(1.5 + in.context() / 2, s.choose(in), 1e-15);
    OmegaPolicy bad = OmegaPolicy.stateless("bad", i -> 2.5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad.choose(in));
    assertEquals("omega = 2.5: expected a number in (0.0, 2.0)", e.getMessage());
  }

  @Test
  void gridHelpers() {
    double[] g = GridBandit.paperGrid();
    assertEquals(20, g.length);
    assertEquals(1.0, g[0], 0);
    assertEquals(1.05, g[1], 1e-15);
    assertEquals(1.95, g[19], 1e-15);
    // sample() follows the probabilities: the cumulative boundaries decide.
    double[] p = {0.2, 0.0, 0.5, 0.3};
    assertEquals(0, GridBandit.sample(p, 0.1));
    assertEquals(2, GridBandit.sample(p, 0.2));
    assertEquals(2, GridBandit.sample(p, 0.69));
    assertEquals(3, GridBandit.sample(p, 0.71));
    assertEquals(3, GridBandit.sample(p, 0.999999));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GridBandit.linspace(1, 2, 1));
    assertEquals("count = 1: expected an integer in [2, 2147483639]", e.getMessage());
  }
}
