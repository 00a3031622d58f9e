package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fathom.core.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector gather of SPRIGHT's array reads ({@link RowGather}): selected with the double SIMD
 * kernel unless disabled, equal to one load per entry (values, zero padding, largest magnitude),
 * and the same rows as the scalar {@link HashGroup#gatherRows} for real subsampling groups.
 */
class RowGatherTest {
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  @Test
  void selectedWithTheDoubleKernelUnlessDisabled() {
    boolean allowed =
        Simd.gatherAllowed(
            System.getProperty(Simd.GATHER_PROPERTY), Simd.readStatus(Simd.GDS_STATUS));
    RowGather g = Simd.gather();
    assertEquals(Simd.kernel() != null && allowed, g != null);
    if (g != null) {
      assertEquals(Simd.kernel().lanes(), g.lanes());
    }
  }

  @Test
  void gatherAllowedByPropertyAndGatherDataSamplingStatus() {
    assertTrue(Simd.gatherAllowed(null, null));
    assertTrue(Simd.gatherAllowed("true", "Not affected"));
    assertTrue(Simd.gatherAllowed(null, "Vulnerable"));
    assertFalse(Simd.gatherAllowed("false", null));
    assertFalse(Simd.gatherAllowed("FALSE", "Not affected"));
    assertFalse(Simd.gatherAllowed(null, "Mitigation: Microcode"));
  }

  @Test
  void readStatusGivesTheFirstLineOrNull(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("status");
    Files.write(f, "Mitigation: Microcode\nsecond line\n".getBytes(StandardCharsets.US_ASCII));
    assertEquals("Mitigation: Microcode", Simd.readStatus(f.toString()));
    assertNull(Simd.readStatus(dir.resolve("missing").toString()));
  }

  /** The plain loop of the contract: values, zero padding, largest magnitude's bit pattern. */
  private static long reference(
      double[] x, int[] index, double[] out, int off, int rows, int width, int count) {
    long largest = 0;
    for (int r = 0; r < rows; r++) {
      for (int d = 0; d < width; d++) {
        double v = d < count ? x[index[r * width + d]] : 0.0;
        out[off + r * width + d] = v;
        largest = Math.max(largest, Double.doubleToRawLongBits(v) & Long.MAX_VALUE);
      }
    }
    return largest;
  }

  @Test
  void vectorGatherEqualsOneLoadPerEntry() {
    RowGather g = Simd.gather();
    assumeTrue(g != null, "no vector gather in this JVM");
    int lanes = g.lanes();
    RandomGenerator rng = Rng.create(12);
    double[] x = Rng.gaussian(rng, 1 << 12);
    x[7] = -1e300; // the largest magnitude is negative
    for (int width : new int[] {lanes, 2 * lanes, 4 * lanes, 32}) {
      if (width % lanes != 0) {
        continue;
      }
      for (int count : new int[] {1, lanes - 1, lanes, 13, width - 1, width}) {
        if (count < 1 || count > width) {
          continue;
        }
        for (int rows : new int[] {1, 3, 64}) {
          int[] index = new int[rows * width];
          for (int i = 0; i < index.length; i++) {
            index[i] = rng.nextInt(x.length);
          }
          index[0] = 7;
          int off = 5;
          double[] want = new double[off + rows * width + 3];
          double[] got = new double[want.length];
          Arrays.fill(want, 42.0);
          Arrays.fill(got, 42.0);
          long w = reference(x, index, want, off, rows, width, count);
          long h = g.gatherRows(x, index, got, off, rows, width, count);
          String at = "width " + width + ", count " + count + ", rows " + rows;
          assertArrayEquals(want, got, 0.0, at);
          assertEquals(w, h, at);
          assertEquals(Double.doubleToRawLongBits(1e300), h, at);
        }
      }
    }
  }

  @Test
  void nonFiniteValuesReadGiveAPatternAtOrAboveInfinity() {
    RowGather g = Simd.gather();
    assumeTrue(g != null, "no vector gather in this JVM");
    int width = 2 * g.lanes();
    int count = width - 3;
    double[] x = new double[64];
    Arrays.fill(x, 2.5);
    int[] index = new int[4 * width];
    double[] out = new double[index.length];
    for (double bad :
        new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
      x[9] = bad;
      index[2 * width + count - 1] = 9; // the last value of row 2
      assertTrue(g.gatherRows(x, index, out, 0, 4, width, count) >= INFINITY_BITS, "" + bad);
      index[2 * width + count - 1] = 0;
      index[2 * width + count] = 9; // a padding lane: read, not stored, not counted
      assertEquals(
          Double.doubleToRawLongBits(2.5),
          g.gatherRows(x, index, out, 0, 4, width, count),
          "" + bad);
      assertEquals(0.0, out[2 * width + count]);
      index[2 * width + count] = 0;
    }
    int[] outside = index.clone();
    outside[3] = x.length;
    assertThrows(
        IndexOutOfBoundsException.class, () -> g.gatherRows(x, outside, out, 0, 4, width, count));
  }

  @Test
  void hashGroupRowsEqualTheScalarLoads() {
    RowGather g = Simd.gather();
    assumeTrue(g != null, "no vector gather in this JVM");
    for (int n : new int[] {12, 16, 19}) {
      for (int bits : new int[] {2, 4, 6, 7}) {
        SprightOptions o = SprightOptions.defaults(n, 4).withBucketBits(bits);
        int dn = o.delays();
        int width = Math.max(16, Integer.highestOneBit(dn - 1) << 1);
        double[] x = Rng.gaussian(Rng.create(n * 31L + bits), 1 << n);
        RandomGenerator rng = Rng.create(n + 100L * bits);
        for (int c = 0; c < o.groups(); c++) {
          HashGroup group = HashGroup.create(o, c, rng, width, null, null);
          int size = width << bits;
          double[] want = new double[size];
          double[] got = new double[size];
          Arrays.fill(got, Double.NaN);
          int[] index = new int[HashGroup.GATHER_CHUNK * width];
          long w = group.gatherRows(x, want, 0, width);
          long h = group.gatherRows(x, got, 0, width, index, g);
          String at = "n " + n + ", b " + bits + ", group " + c;
          assertArrayEquals(want, got, 0.0, at);
          assertEquals(w, h, at);
          assertNotNull(group.delays);
        }
      }
    }
  }
}
