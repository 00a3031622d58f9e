package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Mamba-2's multi-head SSD: heads of dimension P, groups of B and C, D, gate, initial state. */
class StateSpaceDualityHeadsTest {

  /**
   * The recurrence written from the definition, one channel at a time: h = a_t h + x_t[p] B_t, y =
   * C_t . h + D x, times silu(z); returns {y, final state (batch, H P, N)}.
   */
  static double[][] reference(
      int batch,
      int len,
      int heads,
      int groups,
      double[] x,
      double[] a,
      double[] b,
      double[] c,
      double[] d,
      double[] z,
      double[] h0) {
    int pd = x.length / (batch * heads * len);
    int n = b.length / (batch * groups * len);
    double[] y = new double[x.length];
    double[] last = new double[batch * heads * pd * n];
    for (int item = 0; item < batch; item++) {
      for (int h = 0; h < heads; h++) {
        int g = h / (heads / groups);
        for (int p = 0; p < pd; p++) {
          int ch = h * pd + p;
          double[] s = new double[n];
          if (h0 != null) {
            System.arraycopy(h0, ((item * heads * pd) + ch) * n, s, 0, n);
          }
          for (int t = 0; t < len; t++) {
            int i = (item * heads * pd + ch) * len + t;
            double at = a[(item * heads + h) * len + t];
            double acc = 0;
            for (int k = 0; k < n; k++) {
              int bi = ((item * groups + g) * n + k) * len + t;
              s[k] = at * s[k] + x[i] * b[bi];
              acc += c[bi] * s[k];
            }
            if (d != null) {
              acc += (d.length == heads ? d[h] : d[ch]) * x[i];
            }
            if (z != null) {
              acc *= z[i] / (1 + Math.exp(-z[i]));
            }
            y[i] = acc;
          }
          System.arraycopy(s, 0, last, ((item * heads * pd) + ch) * n, n);
        }
      }
    }
    return new double[][] {y, last};
  }

  private static double[] uniform(RandomGenerator rng, int size, double lo) {
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      v[i] = lo + (1 - lo) * rng.nextDouble();
    }
    return v;
  }

  @Test
  void chunkedAndRecurrentEqualTheDefinitionForManyShapesAndChunks() {
    RandomGenerator rng = Rng.create(2405);
    // batch, L, H, P, G, N
    int[][] shapes = {
      {1, 1, 1, 1, 1, 1},
      {2, 13, 4, 3, 2, 5},
      {1, 64, 2, 8, 1, 4},
      {3, 37, 6, 2, 3, 3},
      {1, 100, 4, 5, 4, 7},
      {2, 50, 1, 16, 1, 8}
    };
    int cases = 0;
    for (int[] sh : shapes) {
      int batch = sh[0];
      int len = sh[1];
      int heads = sh[2];
      int pd = sh[3];
      int groups = sh[4];
      int n = sh[5];
      for (double lo : new double[] {0, -1}) {
        for (int opts = 0; opts < 4; opts++) {
          double[] x = Rng.gaussian(rng, batch * heads * pd * len);
          double[] a = uniform(rng, batch * heads * len, lo);
          a[a.length / 2] = 0; // a reset
          a[a.length - 1] = lo < 0 ? -1 : 1;
          double[] b = Rng.gaussian(rng, batch * groups * n * len);
          double[] c = Rng.gaussian(rng, batch * groups * n * len);
          double[] d = (opts & 1) == 0 ? null : Rng.gaussian(rng, opts == 1 ? heads : heads * pd);
          double[] z = (opts & 2) == 0 ? null : Rng.gaussian(rng, x.length);
          double[] h0 = opts >= 2 ? Rng.gaussian(rng, batch * heads * pd * n) : null;
          double[][] ref = reference(batch, len, heads, groups, x, a, b, c, d, z, h0);
          StateSpaceDuality.SsdInputs in =
              StateSpaceDuality.inputs()
                  .batch(batch)
                  .length(len)
                  .heads(heads)
                  .groups(groups)
                  .x(x)
                  .a(a)
                  .b(b)
                  .c(c)
                  .d(d)
                  .z(z)
                  .initialState(h0)
                  .build();
          assertTrue(in.headDim() == pd && in.stateDim() == n, in.toString());
          check(StateSpaceDuality.recurrent(in), ref, in + " recurrent");
          for (int q : new int[] {1, 2, 3, 7, 16, len / 2 + 1, len, len + 5}) {
            check(StateSpaceDuality.chunked(in, Math.max(1, q)), ref, in + " Q=" + q);
            check(
                StateSpaceDuality.chunked(in, Math.max(1, q), SsdGemm.SCALAR),
                ref,
                in + " scalar Q=" + q);
            cases++;
          }
        }
      }
    }
    assertTrue(cases == shapes.length * 2 * 4 * 8);
  }

  @Test
  void theSimdKernelIsSelectedWithTheVectorModule() {
    boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    assertTrue(vector == (SsdGemm.SELECTED != SsdGemm.SCALAR));
  }

  @Test
  void longSequencesWithSlowDecayStayWithinTheTolerance() {
    // a_t close to 1 (and -1): the state carries over thousands of steps, where rounding would add
    // up
    RandomGenerator rng = Rng.create(4096);
    int len = 3000;
    int heads = 2;
    int pd = 8;
    int n = 8;
    for (double sign : new double[] {1, -1}) {
      double[] x = Rng.gaussian(rng, heads * pd * len);
      double[] a = new double[heads * len];
      for (int i = 0; i < a.length; i++) {
        a[i] = sign * (1 - 1e-3 * rng.nextDouble());
      }
      double[] b = Rng.gaussian(rng, n * len);
      double[] c = Rng.gaussian(rng, n * len);
      double[][] ref = reference(1, len, heads, 1, x, a, b, c, null, null, null);
      StateSpaceDuality.SsdInputs in =
          StateSpaceDuality.inputs().length(len).heads(heads).x(x).a(a).b(b).c(c).build();
      check(StateSpaceDuality.recurrent(in), ref, "recurrent, sign " + sign);
      for (int q : new int[] {1, 7, 64, 256, 999}) {
        check(StateSpaceDuality.chunked(in, q), ref, "Q=" + q + ", sign " + sign);
        check(StateSpaceDuality.chunked(in, q, SsdGemm.SCALAR), ref, "scalar Q=" + q);
      }
    }
  }

  private static void check(SelectiveScan.Result r, double[][] ref, String what) {
    assertTrue(Vectors.relativeMaxError(r.y(), ref[0]) <= 1e-12, "y " + what);
    assertTrue(Vectors.relativeMaxError(r.lastState(), ref[1]) <= 1e-12, "state " + what);
  }

  @Test
  void finalStateContinuesTheScan() {
    // scanning [0, L1) then [L1, L) from the first part's final state equals one scan of [0, L)
    RandomGenerator rng = Rng.create(5);
    int heads = 4;
    int pd = 3;
    int n = 5;
    int len = 41;
    int cut = 17;
    double[] x = Rng.gaussian(rng, heads * pd * len);
    double[] a = uniform(rng, heads * len, -1);
    double[] b = Rng.gaussian(rng, 2 * n * len);
    double[] c = Rng.gaussian(rng, 2 * n * len);
    SelectiveScan.Result whole =
        StateSpaceDuality.chunked(
            StateSpaceDuality.inputs()
                .length(len)
                .heads(heads)
                .groups(2)
                .x(x)
                .a(a)
                .b(b)
                .c(c)
                .build(),
            8);
    SelectiveScan.Result first =
        StateSpaceDuality.chunked(
            StateSpaceDuality.inputs()
                .length(cut)
                .heads(heads)
                .groups(2)
                .x(slice(x, heads * pd, len, 0, cut))
                .a(slice(a, heads, len, 0, cut))
                .b(slice(b, 2 * n, len, 0, cut))
                .c(slice(c, 2 * n, len, 0, cut))
                .build(),
            8);
    SelectiveScan.Result second =
        StateSpaceDuality.chunked(
            StateSpaceDuality.inputs()
                .length(len - cut)
                .heads(heads)
                .groups(2)
                .x(slice(x, heads * pd, len, cut, len))
                .a(slice(a, heads, len, cut, len))
                .b(slice(b, 2 * n, len, cut, len))
                .c(slice(c, 2 * n, len, cut, len))
                .initialState(first.lastState())
                .build(),
            5);
    assertTrue(
        Vectors.relativeMaxError(second.y(), slice(whole.y(), heads * pd, len, cut, len)) <= 1e-12);
    assertTrue(Vectors.relativeMaxError(second.lastState(), whole.lastState()) <= 1e-12);
  }

  /** Rows of a (rows, len) array restricted to the times [from, to). */
  private static double[] slice(double[] v, int rows, int len, int from, int to) {
    double[] out = new double[rows * (to - from)];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(v, r * len + from, out, r * (to - from), to - from);
    }
    return out;
  }

  @Test
  void badInputIsRejectedByName() {
    double[] x = new double[2 * 3 * 4]; // H = 2, P = 3, L = 4
    double[] a = new double[2 * 4];
    double[] b = new double[5 * 4]; // G = 1, N = 5
    StateSpaceDuality.SsdInputs.Builder ok =
        StateSpaceDuality.inputs().length(4).heads(2).x(x).a(a).b(b).c(b);
    StateSpaceDuality.SsdInputs in = ok.build();
    assertTrue(in.headDim() == 3 && in.stateDim() == 5);
    message(() -> StateSpaceDuality.chunked(in, 0), "chunk = 0");
    message(() -> ok.groups(3).build(), "groups = 3");
    ok.groups(1);
    message(() -> ok.heads(5).build(), "x.length = 24");
    ok.heads(2);
    message(() -> ok.a(new double[] {0, 0, 0, 1.5, 0, 0, 0, 0}).build(), "a[3] = 1.5");
    message(() -> ok.a(new double[7]).build(), "a");
    ok.a(a);
    message(() -> ok.c(new double[19]).build(), "c.length");
    ok.c(b);
    message(() -> ok.d(new double[4]).build(), "d.length");
    ok.d(new double[] {1, Double.NaN});
    message(ok::build, "d[1]");
    ok.d(new double[6]);
    ok.build();
    message(() -> ok.z(new double[3]).build(), "z.length");
    ok.z(null);
    message(() -> ok.initialState(new double[29]).build(), "initialState.length");
    ok.initialState(null);
    message(() -> ok.batch(Integer.MAX_VALUE).build(), "17179869176");
    ok.batch(1);
    assertThrows(NullPointerException.class, () -> ok.x(null).build());
    assertThrows(NullPointerException.class, () -> StateSpaceDuality.chunked(null, 4));
    assertThrows(NullPointerException.class, () -> StateSpaceDuality.recurrent(null));
  }

  private static void message(org.junit.jupiter.api.function.Executable call, String part) {
    String m = assertThrows(IllegalArgumentException.class, call).getMessage();
    assertTrue(m.contains(part), m);
  }
}
