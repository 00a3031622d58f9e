package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link SsmConvolution}'s refusals name the parameter that is wrong, before any work. */
class SsmConvolutionArgumentsTest {

  @Test
  void emptyKernelIsNamedBeforeTheTransformSizeIsComputed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SsmConvolution.causal(new double[0], new double[0], 0));
    assertEquals("kernel.length = 0: expected a non-empty kernel", e.getMessage());
  }

  @Test
  void explicitSizeOverloadChecksEveryArgument() {
    double[] k = {1, 0.5};
    double[] u = {1, 2, 3};
    IllegalArgumentException d =
        assertThrows(
            IllegalArgumentException.class, () -> SsmConvolution.causal(k, u, Double.NaN, 8));
    assertTrue(d.getMessage().startsWith("d = NaN"), d.getMessage());
    double[] bad = {1, Double.POSITIVE_INFINITY};
    IllegalArgumentException kernel =
        assertThrows(IllegalArgumentException.class, () -> SsmConvolution.causal(bad, u, 0, 8));
    assertTrue(kernel.getMessage().startsWith("kernel"), kernel.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> SsmConvolution.causal(k, new double[0], 0, 8));
    assertEquals("u.length = 0: expected a non-empty sequence", empty.getMessage());
  }

  @Test
  void batchTimesChannelsBeyondAnArrayIsRefused() {
    int big = 1 << 16;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SsmConvolution.batch(new double[] {1}, big, new double[] {1}, big, new double[1]));
    assertTrue(e.getMessage().startsWith("batch * channels = 4294967296"), e.getMessage());
  }
}
