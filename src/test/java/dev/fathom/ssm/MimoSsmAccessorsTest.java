package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/** {@link MimoSsm} reports the sizes and the step and feed-through arrays it was built with. */
class MimoSsmAccessorsTest {

  @Test
  void accessorsReturnTheBuiltValues() {
    int h = 3;
    int p = 8;
    double[] dts = {0.01, 0.02, 0.05, 0.1};
    double[] d = {0.2, -0.4, 1};
    MimoSsm layer =
        MimoSsm.builder(h)
            .hippo(p)
            .b(Rng.gaussian(Rng.create(1), p * h))
            .c(Rng.gaussian(Rng.create(2), h * p))
            .dt(dts)
            .d(d)
            .build();
    assertEquals(h, layer.inputs());
    assertEquals(p / 2, layer.modes());
    assertArrayEquals(dts, layer.dt(), 0);
    assertArrayEquals(d, layer.d(), 0);
    assertEquals("MimoSsm[inputs=3, modes=4]", layer.toString());
  }
}
