package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // also tests the 1.1 form scan(batch, length, chunk, ...)
class StateSpaceDualityTest {

  /** The sequential recurrence h_t = a_t h_{t-1} + B_t x_t, y_t = C_t . h_t; {y, last state}. */
  static double[][] sequential(int batch, int len, double[] x, double[] a, double[] b, double[] c) {
    int dch = x.length / (batch * len);
    int n = b.length / (batch * len);
    double[] y = new double[x.length];
    double[] last = new double[batch * dch * n];
    for (int item = 0; item < batch; item++) {
      for (int ch = 0; ch < dch; ch++) {
        double[] h = new double[n];
        for (int t = 0; t < len; t++) {
          int i = (item * dch + ch) * len + t;
          double acc = 0;
          for (int k = 0; k < n; k++) {
            int bi = (item * n + k) * len + t;
            h[k] = a[i] * h[k] + b[bi] * x[i];
            acc += c[bi] * h[k];
          }
          y[i] = acc;
        }
        System.arraycopy(h, 0, last, (item * dch + ch) * n, n);
      }
    }
    return new double[][] {y, last};
  }

  private static double[] uniform(RandomGenerator rng, int size, double lo, double hi) {
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      v[i] = lo + (hi - lo) * rng.nextDouble();
    }
    return v;
  }

  @Test
  void equalsTheSequentialRecurrenceForEveryChunkSize() {
    int batch = 3;
    int dch = 4;
    int n = 5;
    RandomGenerator rng = Rng.create(19);
    for (double lo : new double[] {0, -1}) {
      for (int len : new int[] {1, 13, 64}) {
        double[] x = Rng.gaussian(rng, batch * dch * len);
        double[] a = uniform(rng, batch * dch * len, lo, 1.0);
        a[a.length / 2] = 0; // a reset inside the sequence
        a[a.length - 1] = 1;
        double[] b = Rng.gaussian(rng, batch * n * len);
        double[] c = Rng.gaussian(rng, batch * n * len);
        double[][] ref = sequential(batch, len, x, a, b, c);
        // 1, 2, 7, L, L + 5, and one that does not divide L
        for (int q : new int[] {1, 2, 7, len, len + 5, Math.max(1, len / 2 + 1)}) {
          SelectiveScan.Result r = StateSpaceDuality.scan(batch, len, q, x, a, b, c);
          assertTrue(
              Vectors.relativeMaxError(r.y(), ref[0]) <= 1e-12,
              "y, a>=" + lo + ", L=" + len + ", Q=" + q);
          assertTrue(
              Vectors.relativeMaxError(r.lastState(), ref[1]) <= 1e-12,
              "state, L=" + len + ", Q=" + q);
        }
      }
    }
  }

  @Test
  void isMambaSelectiveScanWithOneRatePerChannel() {
    // a_t = exp(Δ_t A_ch), x_t = Δ_t u_t: SelectiveScan with A constant over the N modes
    int batch = 2;
    int dch = 3;
    int n = 4;
    int len = 50;
    RandomGenerator rng = Rng.create(7);
    double[] u = Rng.gaussian(rng, batch * dch * len);
    double[] delta = uniform(rng, u.length, 0.01, 0.5);
    double[] rate = {-0.5, -1, -3};
    double[] aMamba = new double[dch * n];
    for (int ch = 0; ch < dch; ch++) {
      java.util.Arrays.fill(aMamba, ch * n, (ch + 1) * n, rate[ch]);
    }
    double[] b = Rng.gaussian(rng, batch * n * len);
    double[] c = Rng.gaussian(rng, batch * n * len);
    SelectiveScan.Result mamba =
        SelectiveScan.scanBatch(
            batch,
            len,
            u,
            delta,
            aMamba,
            SelectiveScan.Param.varying(b),
            SelectiveScan.Param.varying(c),
            SelectiveScan.Options.NONE);
    double[] x = new double[u.length];
    double[] a = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      int ch = (i / len) % dch;
      x[i] = delta[i] * u[i];
      a[i] = Math.exp(delta[i] * rate[ch]);
    }
    SelectiveScan.Result ssd = StateSpaceDuality.scan(batch, len, 8, x, a, b, c);
    assertTrue(Vectors.relativeMaxError(ssd.y(), mamba.y()) <= 1e-12);
    assertTrue(Vectors.relativeMaxError(ssd.lastState(), mamba.lastState()) <= 1e-12);
  }

  @Test
  void badInputIsRejectedByName() {
    double[] x = {1, 2, 3, 4};
    double[] a = {0.5, 0.5, 0.5, 0.5};
    double[] b = {1, 1, 1, 1};
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> StateSpaceDuality.scan(1, 4, 0, x, a, b, b))
            .getMessage()
            .contains("chunk"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> StateSpaceDuality.scan(1, 3, 2, x, a, b, b))
            .getMessage()
            .contains("x.length = 4"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StateSpaceDuality.scan(Integer.MAX_VALUE, 2, 2, x, a, b, b))
            .getMessage()
            .contains("batch * length = 4294967294"));
    int tooLong = StateSpaceDuality.MAX_CHUNK + 1;
    double[] one = new double[tooLong];
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StateSpaceDuality.scan(1, tooLong, tooLong, one, one, one, one))
            .getMessage()
            .contains("chunk = " + tooLong));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StateSpaceDuality.scan(1, 4, 2, x, new double[] {0.5, 1.5, 0, 0}, b, b))
            .getMessage()
            .contains("a[1] = 1.5"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StateSpaceDuality.scan(1, 4, 2, x, new double[] {0.5, 0, -1.01, 0}, b, b))
            .getMessage()
            .contains("[-1, 1]"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StateSpaceDuality.scan(1, 4, 2, x, a, b, new double[] {1, 1}))
            .getMessage()
            .contains("c.length"));
    assertThrows(NullPointerException.class, () -> StateSpaceDuality.scan(1, 4, 2, null, a, b, b));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StateSpaceDuality.scan(1, 4, 2, new double[] {1, Double.NaN, 0, 0}, a, b, b))
            .getMessage()
            .contains("x"));
    assertEquals(4, StateSpaceDuality.scan(1, 4, 2, x, a, b, b).y().length);
  }

  /**
   * Runs h_t = a(bit_t) h_{t-1} over each string as a batch through the SSD scan: a start token (x
   * = 1, B = C = 1) sets h = 1, then the bits with x = 0; returns h after the last bit.
   */
  private static double[] finalStates(int[][] strings, double aOne, double aZero, int chunk) {
    int batch = strings.length;
    int len = strings[0].length + 1;
    double[] x = new double[batch * len];
    double[] a = new double[batch * len];
    double[] ones = new double[batch * len];
    java.util.Arrays.fill(ones, 1);
    for (int s = 0; s < batch; s++) {
      x[s * len] = 1;
      for (int t = 1; t < len; t++) {
        a[s * len + t] = strings[s][t - 1] == 1 ? aOne : aZero;
      }
    }
    StateSpaceDuality.SsdInputs in =
        StateSpaceDuality.inputs()
            .batch(batch)
            .length(len)
            .heads(1)
            .x(x)
            .a(a)
            .b(ones)
            .c(ones)
            .build();
    double[] y = StateSpaceDuality.chunked(in, chunk).y();
    double[] h = new double[batch];
    for (int s = 0; s < batch; s++) {
      h[s] = y[s * len + len - 1];
    }
    return h;
  }

  private static int[][] randomStrings(RandomGenerator rng, int count, int len) {
    int[][] strings = new int[count][len];
    for (int s = 0; s < count; s++) {
      for (int t = 0; t < len; t++) {
        strings[s][t] = rng.nextInt(2);
      }
    }
    // make sure 0, 1 and 2 ones occur
    java.util.Arrays.fill(strings[0], 0);
    java.util.Arrays.fill(strings[1], 0);
    strings[1][len / 2] = 1;
    java.util.Arrays.fill(strings[2], 0);
    strings[2][0] = 1;
    strings[2][len - 1] = 1;
    return strings;
  }

  private static int parity(int[] bits) {
    int p = 0;
    for (int bit : bits) {
      p ^= bit;
    }
    return p;
  }

  @Test
  void negativeTransitionsComputeParityExactly() {
    RandomGenerator rng = Rng.create(2025);
    for (int len : new int[] {1, 10, 257}) {
      int[][] strings = randomStrings(rng, 200, Math.max(len, 2));
      for (int chunk : new int[] {1, 7, 64, 1000}) {
        double[] h = finalStates(strings, -1, 1, chunk);
        for (int s = 0; s < strings.length; s++) {
          assertEquals(parity(strings[s]) == 1 ? -1.0 : 1.0, h[s], 0.0, "string " + s);
        }
      }
    }
  }

  @Test
  void transitionsInZeroOneCannotComputeParity() {
    RandomGenerator rng = Rng.create(2024);
    int[][] strings = randomStrings(rng, 200, 40);
    // the clamped transition a(1) = max(-1, 0) = 0 gets a string with two ones wrong
    double[] clamped = finalStates(strings, Math.max(-1, 0), 1, 7);
    int wrong = 0;
    for (int s = 0; s < strings.length; s++) {
      if (clamped[s] != (parity(strings[s]) == 1 ? -1.0 : 1.0)) {
        wrong++;
      }
    }
    assertTrue(wrong > 0);
    assertTrue(wrong < strings.length);
    // no a(1), a(0) in [0, 1] and no threshold on h_L separates odd from even parity
    for (int i = 0; i <= 10; i++) {
      for (int j = 0; j <= 10; j++) {
        double[] h = finalStates(strings, i / 10.0, j / 10.0, 7);
        double minOdd = Double.POSITIVE_INFINITY;
        double maxOdd = Double.NEGATIVE_INFINITY;
        double minEven = Double.POSITIVE_INFINITY;
        double maxEven = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < strings.length; s++) {
          if (parity(strings[s]) == 1) {
            minOdd = Math.min(minOdd, h[s]);
            maxOdd = Math.max(maxOdd, h[s]);
          } else {
            minEven = Math.min(minEven, h[s]);
            maxEven = Math.max(maxEven, h[s]);
          }
        }
        boolean separable = maxOdd < minEven || maxEven < minOdd;
        assertTrue(!separable, "a(1) = " + i / 10.0 + ", a(0) = " + j / 10.0);
      }
    }
    // while the signed transition separates them by sign
    double[] signed = finalStates(strings, -1, 1, 7);
    for (int s = 0; s < strings.length; s++) {
      assertEquals(parity(strings[s]) == 1, signed[s] < 0);
    }
  }
}
