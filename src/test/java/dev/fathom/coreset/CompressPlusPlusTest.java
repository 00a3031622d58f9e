package dev.fathom.coreset;

import static dev.fathom.coreset.KernelThinningTest.K;
import static dev.fathom.coreset.KernelThinningTest.gaussianPoints;
import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CompressPlusPlusTest {
  @Test
  void staysWithinTwiceKernelThinningsMmd() {
    int n = 4096;
    for (long seed = 0; seed < 2; seed++) {
      double[][] x = gaussianPoints(n, 500 + seed);
      double self = Mmd.selfTerm(x, K);
      KernelThinning kt = KernelThinning.plus(K, 2);
      int[] c = new CompressPlusPlus(kt, 4).thin(x, seed);
      assertEquals(64, c.length);
      assertEquals(64, Arrays.stream(c).distinct().count());
      double cpp = Mmd.of(x, K, KernelThinning.toCoreset(c, n), self);
      double full = Mmd.of(x, K, KernelThinning.toCoreset(kt.thin(x, 6, seed), n), self);
      double iid =
          Mmd.of(
              x,
              K,
              KernelThinning.toCoreset(Rng.sampleWithoutReplacement(Rng.create(seed), n, 64), n),
              self);
      assertTrue(cpp < 2 * full, "Compress++ " + cpp + " vs KT " + full);
      assertTrue(cpp < 0.5 * iid, "Compress++ " + cpp + " vs iid " + iid);
    }
  }

  @Test
  void sizesAndReproducibility() {
    KernelThinning kt = KernelThinning.target(K);
    double[][] x = gaussianPoints(1000, 3); // thinned to 256 first, then to 16
    int[] c = new CompressPlusPlus(kt, 2).thin(x, 7);
    assertEquals(16, c.length);
    assertArrayEquals(c, new CompressPlusPlus(kt, 2).thin(x, 7));
    assertEquals(16, new CompressPlusPlus(kt, 0).thin(x, 7).length);
    assertEquals(16, new CompressPlusPlus(kt, 4).thin(x, 7).length);
  }

  @Test
  void badInput() {
    KernelThinning kt = KernelThinning.target(K);
    assertEquals("g = 16: expected an integer in [0, 15]", msg(() -> new CompressPlusPlus(kt, 16)));
    assertEquals(
        "x.length = 100: expected at least 4^g = 256 points",
        msg(() -> new CompressPlusPlus(kt, 4).thin(gaussianPoints(100, 1), 1)));
  }
}
