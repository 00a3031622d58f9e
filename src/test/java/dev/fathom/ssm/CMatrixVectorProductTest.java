package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link CMatrix#times} on complex vectors against the product written out entry by entry. */
class CMatrixVectorProductTest {

  @Test
  void timesComplexVectorEqualsEntrywiseProduct() {
    SplittableRandom rnd = new SplittableRandom(6);
    int rows = 4;
    int cols = 3;
    CMatrix a = new CMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        a.re.set(i, j, rnd.nextGaussian());
        a.im.set(i, j, rnd.nextGaussian());
      }
    }
    double[] x = new double[2 * cols];
    for (int j = 0; j < 2 * cols; j++) {
      x[j] = rnd.nextGaussian();
    }
    double[] y = a.times(x);
    for (int i = 0; i < rows; i++) {
      // (p + i q)(r + i s) = (p r - q s) + i (p s + q r), summed over j
      double re = 0;
      double im = 0;
      for (int j = 0; j < cols; j++) {
        double p = a.re.get(i, j);
        double q = a.im.get(i, j);
        double r = x[2 * j];
        double s = x[2 * j + 1];
        re += p * r - q * s;
        im += p * s + q * r;
      }
      assertEquals(re, y[2 * i], 1e-14);
      assertEquals(im, y[2 * i + 1], 1e-14);
    }
  }
}
