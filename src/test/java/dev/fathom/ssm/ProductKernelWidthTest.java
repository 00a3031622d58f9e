package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The selected SIMD product kernel (when the vector module is present): a positive width that
 * divides {@link VandermondeKernel#COLS}, and a product over exactly that many columns equal to the
 * sums written out.
 */
class ProductKernelWidthTest {

  @Test
  void widthDividesTheTableAndOneBlockOfColumnsIsExact() {
    ProductKernel kernel = ProductKernel.SELECTED;
    assumeTrue(kernel != null, "no vector module");
    int w = kernel.width();
    assertTrue(w > 0 && VandermondeKernel.COLS % w == 0, "width " + w);
    SplittableRandom rnd = new SplittableRandom(2);
    int rows = ProductKernel.ROWS;
    int k = 5;
    int off = 3;
    double[] u = new double[rows * k];
    double[] v = new double[k * w];
    double[] out = new double[off + rows * w + 2];
    for (int i = 0; i < u.length; i++) {
      u[i] = rnd.nextGaussian();
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextGaussian();
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = rnd.nextGaussian();
    }
    double[] ref = out.clone();
    for (int r = 0; r < rows; r++) {
      for (int b = 0; b < w; b++) {
        for (int j = 0; j < k; j++) {
          ref[off + r * w + b] += u[r * k + j] * v[j * w + b];
        }
      }
    }
    kernel.addProduct(u, k, v, w, out, off, rows);
    for (int i = 0; i < out.length; i++) {
      assertEquals(ref[i], out[i], 1e-13, "entry " + i);
    }
  }
}
