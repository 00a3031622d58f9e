package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The complex-mode scan with time-varying complex B and C, state resets, skip and gate, against a
 * literal complex transliteration of its recurrence.
 */
class SelectiveScanComplexReferenceTest {
  @Test
  void timeVaryingComplexScanMatchesALiteralTransliteration() {
    int dch = 2;
    int n = 3;
    int len = 25;
    RandomGenerator rng = Rng.create(17);
    double[] u = Rng.gaussian(rng, dch * len);
    double[] delta = Rng.gaussian(rng, dch * len);
    double[] a = new double[2 * dch * n];
    for (int i = 0; i < a.length; i += 2) {
      a[i] = -Math.exp(rng.nextGaussian()); // real part < 0
      a[i + 1] = 3 * rng.nextGaussian(); // a genuine rotation
    }
    double[] b = Rng.gaussian(rng, 2 * n * len);
    double[] c = Rng.gaussian(rng, 2 * n * len);
    double[] d = {0.4, -1.2};
    double[] z = Rng.gaussian(rng, dch * len);
    int[] starts = {7, 16};
    SelectiveScan.Result r =
        SelectiveScan.scanComplex(
            SelectiveScan.inputs()
                .length(len)
                .u(u)
                .delta(delta)
                .a(a)
                .b(SelectiveScan.Param.varying(b))
                .c(SelectiveScan.Param.varying(c))
                .options(
                    SelectiveScan.Options.NONE
                        .withD(d)
                        .withZ(z)
                        .withDeltaSoftplus(true)
                        .withSequenceStarts(starts))
                .build());
    for (int ch = 0; ch < dch; ch++) {
      double[] xr = new double[n];
      double[] xi = new double[n];
      for (int t = 0; t < len; t++) {
        if (t == starts[0] || t == starts[1]) {
          xr = new double[n];
          xi = new double[n];
        }
        double dt = Math.log(1 + Math.exp(delta[ch * len + t]));
        double ut = u[ch * len + t];
        double yr = 0;
        for (int k = 0; k < n; k++) {
          // x <- exp(dt a) x + dt B_t u_t, complex
          double ar = a[2 * (ch * n + k)];
          double ai = a[2 * (ch * n + k) + 1];
          double mr = Math.exp(dt * ar) * Math.cos(dt * ai);
          double mi = Math.exp(dt * ar) * Math.sin(dt * ai);
          double br = b[2 * (k * len + t)];
          double bi = b[2 * (k * len + t) + 1];
          double nr = mr * xr[k] - mi * xi[k] + dt * ut * br;
          double ni = mr * xi[k] + mi * xr[k] + dt * ut * bi;
          xr[k] = nr;
          xi[k] = ni;
          // y += 2 Re(C_t x)
          double cr = c[2 * (k * len + t)];
          double ci = c[2 * (k * len + t) + 1];
          yr += 2 * (cr * nr - ci * ni);
        }
        yr += d[ch] * ut;
        double zz = z[ch * len + t];
        yr *= zz / (1 + Math.exp(-zz));
        assertEquals(yr, r.y()[ch * len + t], 1e-12 * (1 + Math.abs(yr)), ch + "," + t);
      }
      for (int k = 0; k < n; k++) {
        assertEquals(xr[k], r.lastState()[2 * (ch * n + k)], 1e-12 * (1 + Math.abs(xr[k])));
        assertEquals(xi[k], r.lastState()[2 * (ch * n + k) + 1], 1e-12 * (1 + Math.abs(xi[k])));
      }
    }
  }

  @Test
  void sequenceStartsOutsideTheOpenRangeAreRefusedByName() {
    double[] u = new double[6];
    double[] delta = new double[6];
    java.util.Arrays.fill(delta, 0.1);
    double[] a = {-1, -1};
    double[] bc = new double[3];
    for (int[] starts : new int[][] {{0}, {3}, {1, 1}, {2, 1}}) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  SelectiveScan.scan(
                      SelectiveScan.inputs()
                          .length(3)
                          .u(u)
                          .delta(delta)
                          .a(a)
                          .b(SelectiveScan.Param.varying(bc))
                          .c(SelectiveScan.Param.varying(bc))
                          .options(SelectiveScan.Options.NONE.withSequenceStarts(starts))
                          .build()));
      int bad = starts.length - 1;
      assertEquals(
          "options.sequenceStarts["
              + bad
              + "] = "
              + starts[bad]
              + ": expected strictly increasing values in (0, 3)",
          e.getMessage());
    }
  }

  @Test
  void aBLengthThatFitsNoStateSizeIsExplainedForBothLayouts() {
    double[] u = new double[12]; // batch 2, D 2, L 3
    double[] delta = new double[12];
    java.util.Arrays.fill(delta, 0.1);
    double[] a = {-1, -1};
    var fixed = SelectiveScan.Param.fixed(new double[2]);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SelectiveScan.scan(
                    SelectiveScan.inputs()
                        .batch(2)
                        .length(3)
                        .u(u)
                        .delta(delta)
                        .a(a)
                        .b(SelectiveScan.Param.fixed(new double[3]))
                        .c(fixed)
                        .build()));
    assertEquals("b.length = 3: expected a positive multiple of 2 (D N)", e.getMessage());
    var v =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SelectiveScan.scan(
                    SelectiveScan.inputs()
                        .batch(2)
                        .length(3)
                        .u(u)
                        .delta(delta)
                        .a(a)
                        .b(SelectiveScan.Param.varying(new double[5]))
                        .c(fixed)
                        .build()));
    assertEquals(
        "b.length = 5: expected a positive multiple of 6 (batch N length)", v.getMessage());
  }
}
