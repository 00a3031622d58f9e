package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderingTest {
  /** Row k of the natural Hadamard matrix, from the definition. */
  private static int[] naturalRow(int k, int n) {
    int[] row = new int[1 << n];
    for (int m = 0; m < row.length; m++) {
      row[m] = (Integer.bitCount(k & m) & 1) == 0 ? 1 : -1;
    }
    return row;
  }

  private static int signChanges(int[] row) {
    int c = 0;
    for (int m = 1; m < row.length; m++) {
      if (row[m] != row[m - 1]) {
        c++;
      }
    }
    return c;
  }

  @Test
  void sequencyRowSHasSSignChanges() {
    for (int n = 0; n <= 8; n++) {
      int[] perm = Ordering.SEQUENCY.permutation(n);
      for (int s = 0; s < perm.length; s++) {
        assertEquals(s, signChanges(naturalRow(perm[s], n)), "n = " + n + ", s = " + s);
      }
    }
  }

  @Test
  void dyadicRowIsAProductOfRademacherFunctions() {
    for (int n = 0; n <= 8; n++) {
      int[] perm = Ordering.DYADIC.permutation(n);
      for (int p = 0; p < perm.length; p++) {
        int[] expect = new int[1 << n];
        for (int m = 0; m < expect.length; m++) {
          int v = 1;
          for (int i = 0; i < n; i++) {
            // r_(i+1) on [0,1) sampled at m / 2^n: the sign of sin(2^(i+1) pi t).
            int rademacher = ((m >> (n - 1 - i)) & 1) == 0 ? 1 : -1;
            if (((p >> i) & 1) != 0) {
              v *= rademacher;
            }
          }
          expect[m] = v;
        }
        assertArrayEquals(expect, naturalRow(perm[p], n), "n = " + n + ", p = " + p);
      }
    }
  }

  @Test
  void reorderAppliesThePermutationAndNaturalIsIdentity() {
    double[] y = new double[32];
    for (int i = 0; i < y.length; i++) {
      y[i] = i * 1.5;
    }
    assertArrayEquals(y, Ordering.NATURAL.reorder(y));
    for (Ordering o : Ordering.values()) {
      int[] perm = o.permutation(5);
      double[] r = o.reorder(y);
      boolean[] seen = new boolean[32];
      for (int i = 0; i < 32; i++) {
        assertEquals(y[perm[i]], r[i]);
        assertTrue(!seen[perm[i]]);
        seen[perm[i]] = true;
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Ordering.SEQUENCY.permutation(31));
    assertThrows(IllegalArgumentException.class, () -> Ordering.DYADIC.reorder(new double[3]));
  }
}
