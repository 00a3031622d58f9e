package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DiagonalSsm}'s per-channel operations on three channels with different steps. */
class DiagonalSsmChannelsTest {

  private static final int H = 3;
  private static final int M = 4;
  private static final double[] DT = {0.1, 0.3, 0.7};

  private static DiagonalSsm system(DiagonalSsm.Storage storage, boolean unstable, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] a = new double[2 * H * M];
    double[] b = new double[2 * H * M];
    double[] c = new double[2 * H * M];
    for (int i = 0; i < H * M; i++) {
      a[2 * i] = unstable && i == 1 ? 0.5 : -rnd.nextDouble(0.1, 2);
      a[2 * i + 1] = rnd.nextDouble(-10, 10);
      b[2 * i] = rnd.nextGaussian();
      b[2 * i + 1] = rnd.nextGaussian();
      c[2 * i] = rnd.nextGaussian();
      c[2 * i + 1] = rnd.nextGaussian();
    }
    DiagonalSsm.Builder builder =
        DiagonalSsm.builder(storage).a(a).b(b).c(c).dt(DT).d(new double[] {1, 2, 3});
    return unstable ? builder.allowUnstable().build() : builder.build();
  }

  /** (pr + i pi) / (qr + i qi). */
  private static double[] quotient(double pr, double pi, double qr, double qi) {
    double den = qr * qr + qi * qi;
    return new double[] {(pr * qr + pi * qi) / den, (pi * qr - pr * qi) / den};
  }

  @Test
  void transferOfEveryChannelIsTheSumOverItsModes() {
    for (DiagonalSsm.Storage storage : DiagonalSsm.Storage.values()) {
      DiagonalSsm sys = system(storage, false, 4);
      double sr = 0.3;
      double si = 1.7;
      for (int h = 0; h < H; h++) {
        double gr = 0;
        double gi = 0;
        for (int n = 0; n < M; n++) {
          int k = 2 * (h * M + n);
          // the mode, and for conjugate pairs its conjugate with conj(C B)
          int copies = storage == DiagonalSsm.Storage.CONJUGATE_PAIRS ? 2 : 1;
          for (int conj = 0; conj < copies; conj++) {
            double s = conj == 0 ? 1 : -1;
            double cr = sys.c()[k];
            double ci = s * sys.c()[k + 1];
            double br = sys.b()[k];
            double bi = s * sys.b()[k + 1];
            double[] q =
                quotient(
                    cr * br - ci * bi, cr * bi + ci * br, sr - sys.a()[k], si - s * sys.a()[k + 1]);
            gr += q[0];
            gi += q[1];
          }
        }
        double[] g = sys.transfer(h, sr, si);
        double scale = Math.hypot(gr, gi);
        assertEquals(gr, g[0], 1e-13 * scale, storage + " channel " + h);
        assertEquals(gi, g[1], 1e-13 * scale, storage + " channel " + h);
      }
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> sys.transfer(H, sr, si));
      assertTrue(e.getMessage().startsWith("channel = 3"), e.getMessage());
    }
  }

  @Test
  void bandlimitCutsEachChannelAtItsOwnStep() {
    DiagonalSsm sys = system(DiagonalSsm.Storage.CONJUGATE_PAIRS, false, 9);
    for (double limit : new double[] {0.4, 0.7, 1}) {
      DiagonalSsm cut = sys.bandlimit(limit);
      int kept = 0;
      for (int h = 0; h < H; h++) {
        for (int n = 0; n < M; n++) {
          int k = 2 * (h * M + n);
          // frequency per sample below limit / 2 cycles
          boolean keep = DT[h] * Math.abs(sys.a()[k + 1]) / (2 * Math.PI) < limit / 2;
          assertEquals(keep ? sys.c()[k] : 0, cut.c()[k], 0, "h " + h + " n " + n);
          assertEquals(keep ? sys.c()[k + 1] : 0, cut.c()[k + 1], 0, "h " + h + " n " + n);
          kept += keep ? 1 : 0;
        }
      }
      // the draw has modes on both sides of every cut
      assertTrue(kept > 0 && kept < H * M, "limit " + limit + " kept " + kept);
      assertEquals(sys.a(), cut.a());
      assertEquals(sys.dt(), cut.dt());
    }
  }

  @Test
  void unstableFlagIsKeptAndShown() {
    DiagonalSsm stable = system(DiagonalSsm.Storage.FULL, false, 1);
    DiagonalSsm unstable = system(DiagonalSsm.Storage.FULL, true, 1);
    assertFalse(stable.allowUnstable());
    assertTrue(unstable.allowUnstable());
    assertTrue(unstable.withRate(2).allowUnstable());
    assertEquals("DiagonalSsm[channels=3, modes=4, storage=FULL]", stable.toString());
    assertEquals(
        "DiagonalSsm[channels=3, modes=4, storage=FULL, allowUnstable]", unstable.toString());
  }
}
