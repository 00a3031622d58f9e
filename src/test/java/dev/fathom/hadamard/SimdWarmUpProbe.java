package dev.fathom.hadamard;

import java.util.Arrays;

/**
 * Run in a fresh JVM by {@link SimdWarmUpTest}: transforms the same Gaussian-like vectors of
 * several sizes while the SIMD kernels warm up in the background, checks every result bitwise
 * against the first one computed (on the scalar kernel, before any SIMD kernel was published), then
 * waits for the warm-up and checks again. Prints one line {@code kernelAtStart=... simd=...
 * lanes=... mismatches=...}.
 */
final class SimdWarmUpProbe {
  private SimdWarmUpProbe() {}

  public static void main(String[] args) {
    int[] sizes = {5, 10, 13, 17};
    double[][] inputs = new double[sizes.length][];
    double[][] first = new double[sizes.length][];
    float[][] firstFloat = new float[sizes.length][];
    long seed = 12345;
    for (int i = 0; i < sizes.length; i++) {
      inputs[i] = new double[1 << sizes[i]];
      for (int j = 0; j < inputs[i].length; j++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        inputs[i][j] = (seed >>> 11) * 0x1.0p-53 - 0.5;
      }
    }
    boolean kernelAtStart = false;
    int mismatches = 0;
    long until = System.nanoTime() + 20_000_000_000L;
    int calls = 0;
    while (true) {
      boolean published = Simd.kernel() != null;
      for (int i = 0; i < sizes.length; i++) {
        double[] x = inputs[i].clone();
        WalshHadamard.transform(x, Normalization.ORTHONORMAL);
        float[] f = toFloat(inputs[i]);
        WalshHadamard.transform(f, Normalization.ORTHONORMAL);
        if (calls == 0) {
          first[i] = x;
          firstFloat[i] = f;
        } else if (!Arrays.equals(first[i], x) || !Arrays.equals(firstFloat[i], f)) {
          mismatches++;
        }
      }
      if (calls == 0) {
        kernelAtStart = published;
      }
      calls++;
      if (published || System.nanoTime() > until) {
        break;
      }
    }
    boolean simd = WalshHadamard.warmUp();
    for (int i = 0; i < sizes.length; i++) {
      double[] x = inputs[i].clone();
      WalshHadamard.transform(x, Normalization.ORTHONORMAL);
      float[] f = toFloat(inputs[i]);
      WalshHadamard.transform(f, Normalization.ORTHONORMAL);
      if (!Arrays.equals(first[i], x) || !Arrays.equals(firstFloat[i], f)) {
        mismatches++;
      }
    }
    System.out.println(
        "kernelAtStart="
            + kernelAtStart
            + " simd="
            + simd
            + " lanes="
            + WalshHadamard.simdLanes()
            + " published="
            + (Simd.kernel() != null)
            + " calls="
            + calls
            + " mismatches="
            + mismatches
            + " fma="
            + (simd ? fusedButterflies() : "none"));
  }

  /** {@code VectorSupport.FMA} of the SIMD kernels (only loadable with the vector module). */
  private static String fusedButterflies() {
    try {
      java.lang.reflect.Field f =
          Class.forName("dev.fathom.hadamard.VectorSupport").getDeclaredField("FMA");
      f.setAccessible(true);
      return String.valueOf(f.getBoolean(null));
    } catch (ReflectiveOperationException e) {
      return e.toString();
    }
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
