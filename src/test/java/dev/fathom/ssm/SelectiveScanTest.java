package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // most cases run the positional 1.0 forms, kept as deprecated
class SelectiveScanTest {

  @Test
  void namedInputsEqualThePositionalForms() {
    RandomGenerator rng = Rng.create(14);
    int batch = 2;
    int dch = 3;
    int n = 4;
    int len = 29;
    double[] u = Rng.gaussian(rng, batch * dch * len);
    double[] delta = Rng.gaussian(rng, u.length);
    for (int complex = 1; complex <= 2; complex++) {
      double[] a = Rng.gaussian(rng, complex * dch * n);
      for (int i = 0; i < a.length; i += complex) {
        a[i] = -Math.abs(a[i]) - 0.1;
      }
      SelectiveScan.Param b =
          SelectiveScan.Param.varying(Rng.gaussian(rng, complex * batch * n * len));
      SelectiveScan.Param c = SelectiveScan.Param.fixed(Rng.gaussian(rng, complex * dch * n));
      SelectiveScan.Options o =
          SelectiveScan.Options.NONE.withDeltaSoftplus(true).withD(Rng.gaussian(rng, dch));
      SelectiveScan.ScanInputs in =
          SelectiveScan.inputs()
              .batch(batch)
              .length(len)
              .u(u)
              .delta(delta)
              .a(a)
              .b(b)
              .c(c)
              .options(o)
              .build();
      SelectiveScan.Result named =
          complex == 1 ? SelectiveScan.scan(in) : SelectiveScan.scanComplex(in);
      SelectiveScan.Result positional =
          complex == 1
              ? SelectiveScan.scanBatch(batch, len, u, delta, a, b, c, o)
              : SelectiveScan.scanBatchComplex(batch, len, u, delta, a, b, c, o);
      assertArrayEquals(positional.y(), named.y());
      assertArrayEquals(positional.lastState(), named.lastState());
    }
    // a missing input is named; batch * length beyond the int range is refused with its value
    assertTrue(
        assertThrows(NullPointerException.class, () -> SelectiveScan.inputs().length(2).build())
            .getMessage()
            .contains("u"));
    double[] four = {1, 2, 3, 4};
    SelectiveScan.ScanInputs huge =
        SelectiveScan.inputs()
            .batch(Integer.MAX_VALUE)
            .length(2)
            .u(four)
            .delta(four)
            .a(four)
            .b(SelectiveScan.Param.varying(four))
            .c(SelectiveScan.Param.varying(four))
            .build();
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SelectiveScan.scan(huge))
            .getMessage()
            .contains("batch * length = 4294967294"));
    assertThrows(NullPointerException.class, () -> SelectiveScan.scan(null));
  }

  @Test
  void g12ConstantParametersReduceToTheEulerBKernel() {
    int dch = 3;
    int n = 8;
    int len = 700;
    RandomGenerator rng = Rng.create(5);
    double[] a = new double[dch * n];
    for (int ch = 0; ch < dch; ch++) {
      for (int k = 0; k < n; k++) {
        a[ch * n + k] = -(k + 1); // S4D-Real
      }
    }
    double[] bConst = Rng.gaussian(rng, n);
    double[] cConst = Rng.gaussian(rng, n);
    double[] b = new double[n * len];
    double[] c = new double[n * len];
    for (int k = 0; k < n; k++) {
      Arrays.fill(b, k * len, (k + 1) * len, bConst[k]);
      Arrays.fill(c, k * len, (k + 1) * len, cConst[k]);
    }
    double[] dts = {0.01, 0.03, 0.1};
    double[] delta = new double[dch * len];
    for (int ch = 0; ch < dch; ch++) {
      Arrays.fill(delta, ch * len, (ch + 1) * len, dts[ch]);
    }
    double[] u = Rng.gaussian(rng, dch * len);
    double[] dSkip = {0.5, -1, 2};
    SelectiveScan.Result r =
        SelectiveScan.scan(len, u, delta, a, b, c, SelectiveScan.Options.NONE.withD(dSkip));
    // LTI reference: S4D-Real modes, Euler-B discretization, Vandermonde kernel, FFT convolution
    double[] aa = new double[2 * dch * n];
    double[] bb = new double[2 * dch * n];
    double[] cc = new double[2 * dch * n];
    for (int ch = 0; ch < dch; ch++) {
      for (int k = 0; k < n; k++) {
        aa[2 * (ch * n + k)] = a[ch * n + k];
        bb[2 * (ch * n + k)] = bConst[k];
        cc[2 * (ch * n + k)] = cConst[k];
      }
    }
    DiscreteSsm lti =
        DiagonalSsm.builder(DiagonalSsm.Storage.FULL)
            .a(aa)
            .b(bb)
            .c(cc)
            .dt(dts)
            .d(dSkip)
            .build()
            .discretize(Discretization.EULER_B);
    double[] k = VandermondeKernel.compute(lti, len);
    double[] ref = SsmConvolution.batch(k, dch, u, 1, dSkip);
    assertTrue(Vectors.relativeMaxError(r.y(), ref) <= 1e-12);
    // last state equals the LTI recurrence's
    double[] st = Recurrence.run(lti, u, null).state();
    for (int i = 0; i < dch * n; i++) {
      assertEquals(st[2 * i], r.lastState()[i], 1e-12 * Vectors.normInf(st));
    }
  }

  @Test
  void timeVaryingScanMatchesALiteralTransliteration() {
    int dch = 2;
    int n = 4;
    int len = 40;
    RandomGenerator rng = Rng.create(9);
    double[] u = Rng.gaussian(rng, dch * len);
    double[] delta = Rng.gaussian(rng, dch * len);
    double[] a = new double[dch * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = -Math.exp(rng.nextGaussian());
    }
    double[] b = Rng.gaussian(rng, n * len);
    double[] c = Rng.gaussian(rng, n * len);
    double[] z = Rng.gaussian(rng, dch * len);
    double[] bias = {0.3, -0.2};
    double[] d = {1.5, 0.25};
    SelectiveScan.Result r =
        SelectiveScan.scan(
            len,
            u,
            delta,
            a,
            b,
            c,
            SelectiveScan.Options.NONE
                .withD(d)
                .withZ(z)
                .withDeltaBias(bias)
                .withDeltaSoftplus(true));
    for (int ch = 0; ch < dch; ch++) {
      double[] x = new double[n];
      for (int t = 0; t < len; t++) {
        double dt = Math.log(1 + Math.exp(delta[ch * len + t] + bias[ch]));
        double y = 0;
        for (int k = 0; k < n; k++) {
          x[k] = Math.exp(dt * a[ch * n + k]) * x[k] + dt * b[k * len + t] * u[ch * len + t];
          y += c[k * len + t] * x[k];
        }
        y += d[ch] * u[ch * len + t];
        double zz = z[ch * len + t];
        y *= zz / (1 + Math.exp(-zz));
        assertEquals(y, r.y()[ch * len + t], 1e-13 * (1 + Math.abs(y)));
      }
    }
  }

  @Test
  void g12ComplexModeReducesToTheConjugatePairKernel() {
    int dch = 2;
    int len = 500;
    S4dInit.Modes modes = S4dInit.lin(16);
    int n = modes.count();
    double[] cConst = S4dInit.gaussianC(1, n, true, 3);
    double[] a = new double[2 * dch * n];
    for (int ch = 0; ch < dch; ch++) {
      System.arraycopy(modes.a(), 0, a, 2 * ch * n, 2 * n);
    }
    double[] b = new double[2 * n * len];
    double[] c = new double[2 * n * len];
    for (int k = 0; k < n; k++) {
      for (int t = 0; t < len; t++) {
        b[2 * (k * len + t)] = modes.b()[2 * k];
        b[2 * (k * len + t) + 1] = modes.b()[2 * k + 1];
        c[2 * (k * len + t)] = cConst[2 * k];
        c[2 * (k * len + t) + 1] = cConst[2 * k + 1];
      }
    }
    double[] dts = {0.02, 0.05};
    double[] delta = new double[dch * len];
    for (int ch = 0; ch < dch; ch++) {
      Arrays.fill(delta, ch * len, (ch + 1) * len, dts[ch]);
    }
    double[] u = Rng.gaussian(Rng.create(6), dch * len);
    double[] y = SelectiveScan.scanComplex(len, u, delta, a, b, c, SelectiveScan.Options.NONE).y();
    double[] cc = new double[2 * dch * n];
    for (int ch = 0; ch < dch; ch++) {
      System.arraycopy(cConst, 0, cc, 2 * ch * n, 2 * n);
    }
    DiscreteSsm lti =
        DiagonalSsm.shared(modes, cc, dts, new double[dch]).discretize(Discretization.EULER_B);
    double[] k = VandermondeKernel.compute(lti, len);
    double[] ref = SsmConvolution.batch(k, dch, u, 1, new double[dch]);
    assertTrue(Vectors.relativeMaxError(y, ref) <= 1e-12);
  }

  @Test
  void packedSequencesEqualSeparateScans() {
    int dch = 2;
    int n = 3;
    int[] lengths = {5, 9, 6};
    int len = 20;
    RandomGenerator rng = Rng.create(21);
    double[] u = Rng.gaussian(rng, dch * len);
    double[] delta = new double[dch * len];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = 0.05 + 0.1 * rng.nextDouble();
    }
    double[] a = {-1, -2, -3, -0.5, -1.5, -2.5};
    double[] b = Rng.gaussian(rng, n * len);
    double[] c = Rng.gaussian(rng, n * len);
    double[] packed =
        SelectiveScan.scan(
                len,
                u,
                delta,
                a,
                b,
                c,
                SelectiveScan.Options.NONE.withSequenceStarts(new int[] {5, 14}))
            .y();
    int start = 0;
    for (int len0 : lengths) {
      double[] us = new double[dch * len0];
      double[] ds = new double[dch * len0];
      for (int ch = 0; ch < dch; ch++) {
        System.arraycopy(u, ch * len + start, us, ch * len0, len0);
        System.arraycopy(delta, ch * len + start, ds, ch * len0, len0);
      }
      double[] bs = new double[n * len0];
      double[] cs = new double[n * len0];
      for (int k = 0; k < n; k++) {
        System.arraycopy(b, k * len + start, bs, k * len0, len0);
        System.arraycopy(c, k * len + start, cs, k * len0, len0);
      }
      double[] y = SelectiveScan.scan(len0, us, ds, a, bs, cs, SelectiveScan.Options.NONE).y();
      for (int ch = 0; ch < dch; ch++) {
        for (int t = 0; t < len0; t++) {
          assertEquals(y[ch * len0 + t], packed[ch * len + start + t], 1e-15);
        }
      }
      start += len0;
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SelectiveScan.scan(
                len,
                u,
                delta,
                a,
                b,
                c,
                SelectiveScan.Options.NONE.withSequenceStarts(new int[] {5, 5})));
  }

  @Test
  void badInput() {
    double[] u = new double[6];
    double[] a = {-1, -1};
    double[] bc = new double[3];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SelectiveScan.scan(3, u, new double[6], a, bc, bc, SelectiveScan.Options.NONE));
    assertTrue(e.getMessage().startsWith("delta[0] (after bias/softplus) = 0.0: expected"));
    double[] delta = new double[6];
    Arrays.fill(delta, 0.1);
    assertThrows(
        IllegalArgumentException.class,
        () -> SelectiveScan.scan(4, u, delta, a, bc, bc, SelectiveScan.Options.NONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> SelectiveScan.scan(3, u, delta, new double[3], bc, bc, SelectiveScan.Options.NONE));
    double[] bad = u.clone();
    bad[2] = Double.NaN;
    assertThrows(
        IllegalArgumentException.class,
        () -> SelectiveScan.scan(3, bad, delta, a, bc, bc, SelectiveScan.Options.NONE));
    // valid call: zero input gives zero output
    double[] y = SelectiveScan.scan(3, u, delta, a, bc, bc, SelectiveScan.Options.NONE).y();
    assertEquals(0, Vectors.normInf(y), 0);
  }

  @Test
  void batchWithVaryingBcEqualsOneScanPerItem() {
    int nb = 3;
    int dch = 2;
    int n = 4;
    int len = 40;
    RandomGenerator rng = Rng.create(31);
    double[] u = Rng.gaussian(rng, nb * dch * len);
    double[] delta = Rng.gaussian(rng, nb * dch * len);
    double[] z = Rng.gaussian(rng, nb * dch * len);
    double[] a = {-1, -2, -3, -4, -0.5, -1.5, -2.5, -3.5};
    double[] b = Rng.gaussian(rng, nb * n * len);
    double[] c = Rng.gaussian(rng, nb * n * len);
    double[] d = {0.3, -0.7};
    double[] bias = {0.1, -0.2};
    SelectiveScan.Result r =
        SelectiveScan.scanBatch(
            nb,
            len,
            u,
            delta,
            a,
            SelectiveScan.Param.varying(b),
            SelectiveScan.Param.varying(c),
            SelectiveScan.Options.NONE
                .withD(d)
                .withZ(z)
                .withDeltaBias(bias)
                .withDeltaSoftplus(true));
    for (int item = 0; item < nb; item++) {
      int o = item * dch * len;
      SelectiveScan.Result ref =
          SelectiveScan.scan(
              len,
              Arrays.copyOfRange(u, o, o + dch * len),
              Arrays.copyOfRange(delta, o, o + dch * len),
              a,
              Arrays.copyOfRange(b, item * n * len, (item + 1) * n * len),
              Arrays.copyOfRange(c, item * n * len, (item + 1) * n * len),
              SelectiveScan.Options.NONE
                  .withD(d)
                  .withZ(Arrays.copyOfRange(z, o, o + dch * len))
                  .withDeltaBias(bias)
                  .withDeltaSoftplus(true));
      for (int i = 0; i < dch * len; i++) {
        assertEquals(ref.y()[i], r.y()[o + i], 0, "item " + item + " index " + i);
      }
      for (int i = 0; i < dch * n; i++) {
        assertEquals(ref.lastState()[i], r.lastState()[item * dch * n + i], 0);
      }
    }
  }

  @Test
  void batchWithFixedPerChannelBcEqualsOneScanPerItemAndChannel() {
    for (boolean complex : new boolean[] {false, true}) {
      int w = complex ? 2 : 1;
      int nb = 2;
      int dch = 3;
      int n = 3;
      int len = 30;
      RandomGenerator rng = Rng.create(complex ? 41 : 40);
      double[] u = Rng.gaussian(rng, nb * dch * len);
      double[] delta = new double[nb * dch * len];
      for (int i = 0; i < delta.length; i++) {
        delta[i] = 0.02 + 0.2 * rng.nextDouble();
      }
      double[] a = Rng.gaussian(rng, w * dch * n);
      for (int k = 0; k < a.length; k += w) {
        a[k] = -Math.abs(a[k]) - 0.1;
      }
      double[] bFix = Rng.gaussian(rng, w * dch * n);
      double[] cFix = Rng.gaussian(rng, w * dch * n);
      SelectiveScan.Param bp = SelectiveScan.Param.fixed(bFix);
      SelectiveScan.Param cp = SelectiveScan.Param.fixed(cFix);
      SelectiveScan.Options opt = SelectiveScan.Options.NONE.withSequenceStarts(new int[] {12});
      SelectiveScan.Result r =
          complex
              ? SelectiveScan.scanBatchComplex(nb, len, u, delta, a, bp, cp, opt)
              : SelectiveScan.scanBatch(nb, len, u, delta, a, bp, cp, opt);
      for (int item = 0; item < nb; item++) {
        for (int ch = 0; ch < dch; ch++) {
          // the reference: one channel, B_t and C_t equal to this channel's fixed vectors
          double[] bt = new double[w * n * len];
          double[] ctt = new double[w * n * len];
          for (int k = 0; k < n; k++) {
            for (int t = 0; t < len; t++) {
              for (int q = 0; q < w; q++) {
                bt[w * (k * len + t) + q] = bFix[w * (ch * n + k) + q];
                ctt[w * (k * len + t) + q] = cFix[w * (ch * n + k) + q];
              }
            }
          }
          int o = (item * dch + ch) * len;
          double[] us = Arrays.copyOfRange(u, o, o + len);
          double[] ds = Arrays.copyOfRange(delta, o, o + len);
          double[] as = Arrays.copyOfRange(a, w * ch * n, w * (ch + 1) * n);
          SelectiveScan.Result ref =
              complex
                  ? SelectiveScan.scanComplex(len, us, ds, as, bt, ctt, opt)
                  : SelectiveScan.scan(len, us, ds, as, bt, ctt, opt);
          for (int t = 0; t < len; t++) {
            assertEquals(ref.y()[t], r.y()[o + t], 0, "complex " + complex + " t " + t);
          }
          for (int k = 0; k < w * n; k++) {
            assertEquals(ref.lastState()[k], r.lastState()[w * (item * dch + ch) * n + k], 0);
          }
        }
      }
    }
  }

  @Test
  void batchBadInput() {
    double[] u = new double[12]; // batch 2, D 2, L 3
    double[] delta = new double[12];
    Arrays.fill(delta, 0.1);
    double[] a = {-1, -1};
    SelectiveScan.Param fixed = SelectiveScan.Param.fixed(new double[2]);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SelectiveScan.scanBatch(
                    2,
                    3,
                    u,
                    delta,
                    a,
                    SelectiveScan.Param.fixed(new double[3]),
                    fixed,
                    SelectiveScan.Options.NONE));
    assertTrue(e.getMessage().startsWith("b.length = 3: expected"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SelectiveScan.scanBatch(0, 3, u, delta, a, fixed, fixed, SelectiveScan.Options.NONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> SelectiveScan.scanBatch(5, 3, u, delta, a, fixed, fixed, SelectiveScan.Options.NONE));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SelectiveScan.scanBatch(
                2,
                3,
                u,
                delta,
                a,
                fixed,
                SelectiveScan.Param.varying(new double[5]),
                SelectiveScan.Options.NONE));
    assertThrows(
        IllegalArgumentException.class, () -> SelectiveScan.Param.fixed(new double[] {Double.NaN}));
    // valid: zero input, zero output, state (batch D N) = 4 doubles
    SelectiveScan.Result r =
        SelectiveScan.scanBatch(2, 3, u, delta, a, fixed, fixed, SelectiveScan.Options.NONE);
    assertEquals(0, Vectors.normInf(r.y()), 0);
    assertEquals(4, r.lastState().length);
  }

  @Test
  void optionsAreNamedCopiedAndCheckedAgainstTheShapes() {
    // D 2, L 3, N 1: one real mode per channel, constant B = C = 1
    double[] u = {1, 2, 3, -1, 0, 1};
    double[] delta = new double[6];
    Arrays.fill(delta, 0.1);
    double[] a = {-1, -2};
    double[] bc = {1, 1, 1};
    double[] d = {0.5, 2};
    SelectiveScan.Options withD = SelectiveScan.Options.NONE.withD(d);
    double[] y = SelectiveScan.scan(3, u, delta, a, bc, bc, withD).y();
    double[] plain = SelectiveScan.scan(3, u, delta, a, bc, bc, SelectiveScan.Options.NONE).y();
    for (int i = 0; i < 6; i++) {
      assertEquals(plain[i] + d[i / 3] * u[i], y[i], 1e-15);
    }
    // the wither copied d; the other settings are untouched
    d[0] = 100;
    assertArrayEquals(y, SelectiveScan.scan(3, u, delta, a, bc, bc, withD).y(), 0);
    assertEquals(null, withD.z());
    assertEquals(false, withD.deltaSoftplus());
    assertEquals(
        "options.d.length = 3: expected 2",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SelectiveScan.scan(
                        3, u, delta, a, bc, bc, SelectiveScan.Options.NONE.withD(new double[3])))
            .getMessage());
    assertEquals(
        "options.z.length = 5: expected 6",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SelectiveScan.scan(
                        3, u, delta, a, bc, bc, SelectiveScan.Options.NONE.withZ(new double[5])))
            .getMessage());
    assertEquals(
        "options.deltaBias.length = 1: expected 2",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SelectiveScan.scan(
                        3,
                        u,
                        delta,
                        a,
                        bc,
                        bc,
                        SelectiveScan.Options.NONE.withDeltaBias(new double[1])))
            .getMessage());
  }
}
