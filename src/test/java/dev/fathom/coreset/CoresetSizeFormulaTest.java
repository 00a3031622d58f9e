package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The documented size formulas, evaluated by hand for inputs away from integer boundaries. */
class CoresetSizeFormulaTest {
  @Test
  void sizesMatchTheFormulas() {
    // S = 1 (log S taken as 1), eps 1/2, delta 1/2, dim 3: 4 (3 + ln 2) = 14.77
    assertEquals(15, CoresetSize.sensitivity(0.5, 0.5, 1, 3));
    // S = e^3: e^3 * 4 * (3 * 3 + ln 2) = 778.77
    assertEquals(779, CoresetSize.sensitivity(0.5, 0.5, Math.exp(3), 3));
    // d = 4: 4 ln 8 / (1/4) = 33.27; d = 1, delta 0.9: log taken as 1, 1 / (1/4) = 4
    assertEquals(34, CoresetSize.leverage(0.5, 0.5, 4));
    assertEquals(4, CoresetSize.leverage(0.5, 0.9, 1));
    // p = 3: 4^1.5 ln 8 / (1/4) = 66.54; p = 1 uses d^1: 33.27
    assertEquals(67, CoresetSize.lewis(0.5, 0.5, 4, 3));
    assertEquals(34, CoresetSize.lewis(0.5, 0.5, 4, 1));
    // k = 3, d = 2, delta 0.1: 6 ln 30 / (1/4) = 81.63
    assertEquals(82, CoresetSize.clustering(0.5, 0.1, 3, 2));
  }

  @Test
  void epsAndDeltaAreChecked() {
    assertTrue(msg(() -> CoresetSize.sensitivity(1, 0.5, 2, 1)).startsWith("eps = 1.0"));
    assertTrue(msg(() -> CoresetSize.sensitivity(0.5, 0, 2, 1)).startsWith("delta = 0.0"));
    assertTrue(msg(() -> CoresetSize.lewis(0, 0.5, 2, 1)).startsWith("eps = 0.0"));
    assertTrue(msg(() -> CoresetSize.lewis(0.5, 1, 2, 1)).startsWith("delta = 1.0"));
    assertTrue(msg(() -> CoresetSize.clustering(-1, 0.5, 2, 1)).startsWith("eps = -1.0"));
    assertTrue(msg(() -> CoresetSize.clustering(0.5, 2, 2, 1)).startsWith("delta = 2.0"));
  }
}
