package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/**
 * The regression coresets refuse a bad coreset size {@code m} or exponent {@code p} before the
 * scores are computed: on a design with fewer rows than columns (which the leverage scores and
 * Lewis weights would refuse, naming {@code a.length}), the refusal names {@code m} or {@code p}.
 */
class RegressionCoresetsSizeFirstTest {
  private static final double[][] WIDE = {{1, 2, 3}, {4, 5, 7}};
  private static final double[] Y = {1, -1};

  private static void assertNamesM(String message) {
    assertTrue(message.startsWith("m = "), message);
  }

  @Test
  void everyFixedSizeOverloadChecksMBeforeTheScores() {
    for (int m : new int[] {0, 3}) {
      assertNamesM(msg(() -> RegressionCoresets.leverage(WIDE, Y, m, Rng.create(1))));
      assertNamesM(msg(() -> RegressionCoresets.rootLeverage(WIDE, Y, m, Rng.create(1))));
      assertNamesM(msg(() -> RegressionCoresets.lewis(WIDE, Y, 1.5, m, Rng.create(1))));
      assertNamesM(msg(() -> RegressionCoresets.lp(WIDE, Y, 3, m, Rng.create(1))));
      assertNamesM(msg(() -> RegressionCoresets.lpWithLeverage(WIDE, Y, 3, m, Rng.create(1))));
    }
  }

  @Test
  void everyLpOverloadChecksPBeforeTheScores() {
    for (double p : new double[] {0.5, Double.NaN}) {
      assertNamesP(msg(() -> RegressionCoresets.lp(WIDE, Y, p, 1, Rng.create(1))));
      assertNamesP(msg(() -> RegressionCoresets.lpWithLeverage(WIDE, Y, p, 1, Rng.create(1))));
      assertNamesP(msg(() -> RegressionCoresets.lewis(WIDE, Y, p, 1, Rng.create(1))));
    }
  }

  private static void assertNamesP(String message) {
    assertTrue(message.startsWith("p = "), message);
  }

  @Test
  void aValidSizeOnTheSameDesignReachesTheScores() {
    // the same wide design with m = 1: now the score computation refuses it, naming the rows
    String message = msg(() -> RegressionCoresets.leverage(WIDE, Y, 1, Rng.create(1)));
    assertTrue(message.startsWith("a.length = "), message);
  }
}
