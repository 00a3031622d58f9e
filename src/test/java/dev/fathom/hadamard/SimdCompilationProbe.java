package dev.fathom.hadamard;

/**
 * Run in a fresh JVM by {@link SimdCompilationTest}: transforms vectors of every size from 2^2 to
 * 2^13 in double and float, each size {@code args[0]} times (enough for the JIT to compile every
 * method of the SIMD schedule), then checks the results bitwise against the textbook loop. Prints
 * one line {@code simd=... mismatches=...}.
 */
final class SimdCompilationProbe {
  private SimdCompilationProbe() {}

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    int mismatches = 0;
    long seed = 2026;
    for (int n = 2; n <= 13; n++) {
      double[] x = new double[1 << n];
      float[] f = new float[1 << n];
      for (int i = 0; i < x.length; i++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        x[i] = (seed >>> 11) * 0x1.0p-53 - 0.5;
        f[i] = (float) x[i];
      }
      double[] y = x.clone();
      float[] g = f.clone();
      for (int r = 0; r < rounds; r++) {
        System.arraycopy(x, 0, y, 0, x.length);
        WalshHadamard.transform(y, Normalization.UNNORMALIZED);
        System.arraycopy(f, 0, g, 0, f.length);
        WalshHadamard.transform(g, Normalization.UNNORMALIZED);
      }
      Reference.tripleLoop(x);
      Reference.tripleLoop(f);
      mismatches += java.util.Arrays.equals(x, y) ? 0 : 1;
      mismatches += java.util.Arrays.equals(f, g) ? 0 : 1;
    }
    System.out.println("simd=" + WalshHadamard.simdAvailable() + " mismatches=" + mismatches);
  }
}
