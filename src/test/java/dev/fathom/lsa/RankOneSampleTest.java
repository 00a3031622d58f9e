package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RankOneSampleTest {
  @Test
  void applyMatchesTheDenseStep() {
    int d = 7;
    RandomGenerator rng = Rng.create(3);
    RankOneSample s = new RankOneSample(d);
    double[] a = new double[d * d];
    double[] b = new double[d];
    for (int trial = 0; trial < 20; trial++) {
      s.clear();
      for (int k = 0; k < 4; k++) {
        s.addU(rng.nextInt(d), rng.nextGaussian()); // repeated indices add up
        s.addV(rng.nextInt(d), rng.nextGaussian());
      }
      s.addW(rng.nextInt(d), rng.nextGaussian());
      s.setY(rng.nextGaussian());
      double[] theta = Rng.gaussian(rng, d);
      double[] dense = theta.clone();
      s.toDense(a, b);
      double alpha = 0.3;
      double[] g = new double[d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          g[i] += a[i * d + j] * theta[j];
        }
        g[i] -= b[i];
      }
      for (int i = 0; i < d; i++) {
        dense[i] -= alpha * g[i];
      }
      s.apply(alpha, theta);
      assertArrayEquals(dense, theta, 1e-12);
    }
  }

  @Test
  void manyEntriesGrowTheBuffers() {
    RankOneSample s = new RankOneSample(3);
    for (int k = 0; k < 100; k++) {
      s.addU(k % 3, 1);
      s.addV(k % 3, 1);
      s.addW(k % 3, 1);
    }
    double[] theta = new double[3];
    s.apply(1, theta);
    // u = v = w = (34, 33, 33), vᵀθ = 0, y = 0: θ = w.
    assertArrayEquals(new double[] {34, 33, 33}, theta, 0);
  }

  @Test
  void badInputIsRefused() {
    RankOneSample s = new RankOneSample(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.addU(3, 1));
    assertEquals("u index = 3: expected an index in [0, 3)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.addV(-1, 1));
    e = assertThrows(IllegalArgumentException.class, () -> s.addW(0, Double.NaN));
    assertEquals("w[0] = NaN: expected a finite number", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.setY(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new RankOneSample(0));
    assertThrows(IllegalArgumentException.class, () -> s.toDense(new double[8], new double[3]));
  }
}
