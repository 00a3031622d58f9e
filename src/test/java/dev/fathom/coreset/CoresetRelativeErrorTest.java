package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** relativeError against |approx - full| / full, and its two cases for a zero full loss. */
class CoresetRelativeErrorTest {
  /** Loss of point i at query q: (i - q)^2 for i below 3, zero for the others. */
  static PointLoss<Double> loss() {
    return new PointLoss<>() {
      @Override
      public int size() {
        return 6;
      }

      @Override
      public double loss(int i, Double q) {
        return i < 3 ? (i - q) * (i - q) : 0;
      }
    };
  }

  @Test
  void relativeErrorIncludingAZeroFullLoss() {
    Coreset c = new Coreset(new int[] {1, 4}, new double[] {2, 4});
    // q = 0: full = 0 + 1 + 4 = 5, approx = 2 * 1 + 4 * 0 = 2
    assertEquals(3.0 / 5, c.relativeError(loss(), 0.0), 1e-15);
    // a loss that vanishes everywhere: 0 for a coreset that also gives 0
    PointLoss<Double> zero =
        new PointLoss<>() {
          @Override
          public int size() {
            return 6;
          }

          @Override
          public double loss(int i, Double q) {
            return i == 5 ? q : 0;
          }
        };
    assertEquals(0, c.relativeError(zero, 0.0), 0);
    // a coreset whose weights give a nonzero total to a zero full loss is infinitely wrong
    assertEquals(
        Double.POSITIVE_INFINITY,
        new Coreset(new int[] {5}, new double[] {2}).relativeError(negativeAtFive(), 1.0));
  }

  /** Losses that sum to 0 over all points (one -1 and one +1) but not on the subset {5}. */
  static PointLoss<Double> negativeAtFive() {
    return new PointLoss<>() {
      @Override
      public int size() {
        return 6;
      }

      @Override
      public double loss(int i, Double q) {
        return i == 5 ? -q : i == 0 ? q : 0;
      }
    };
  }
}
