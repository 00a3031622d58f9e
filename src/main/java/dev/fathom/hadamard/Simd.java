package dev.fathom.hadamard;

import java.util.Optional;

/**
 * Selects the FWHT kernel once per JVM (the Lucene {@code VectorizationProvider} pattern): the SIMD
 * kernel when the JVM runs with {@code --add-modules jdk.incubator.vector} and the system property
 * {@code fathom.simd} is not {@code false}, otherwise none (the scalar kernel).
 */
final class Simd {
  /** The name of the SIMD implementation class (compiled from {@code src/main/vector}). */
  static final String VECTOR_CLASS = "dev.fathom.hadamard.VectorKernel";

  /** The vector module. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  /** The selected SIMD kernel, or {@code null} for the scalar path. */
  static final SimdKernel KERNEL =
      select(
          ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(),
          !"false".equalsIgnoreCase(System.getProperty("fathom.simd")),
          VECTOR_CLASS);

  private Simd() {}

  /**
   * The selection logic: {@code null} unless the module is present, SIMD is enabled and the class
   * loads, instantiates and passes a small self-check against the scalar kernel.
   */
  static SimdKernel select(boolean modulePresent, boolean enabled, String className) {
    if (!modulePresent || !enabled) {
      return null;
    }
    return load(className).orElse(null);
  }

  private static Optional<SimdKernel> load(String className) {
    try {
      Class<?> c = Class.forName(className);
      SimdKernel k = (SimdKernel) c.getDeclaredConstructor().newInstance();
      int lanes = k.lanes();
      if (lanes < 2 || lanes > 8 || Integer.bitCount(lanes) != 1 || !selfCheck(k)) {
        return Optional.empty();
      }
      return Optional.of(k);
    } catch (Throwable e) { // NOPMD: any linkage or module problem means "no SIMD"
      return Optional.empty();
    }
  }

  /** Transforms a small integer pattern with both kernels and compares the results exactly. */
  private static boolean selfCheck(SimdKernel k) {
    int log2n = DoubleKernel.BLOCK_LOG2 + 2;
    double[] a = new double[1 << log2n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i * 7919) % 13 - 6;
    }
    double[] b = a.clone();
    DoubleKernel.transform(
        a, 0, log2n, 1.0, false, DoubleKernel.GROUP_MAX, DoubleKernel.TILE_LOG2, null);
    DoubleKernel.transform(
        b, 0, log2n, 1.0, false, DoubleKernel.GROUP_MAX, DoubleKernel.TILE_LOG2, k);
    return java.util.Arrays.equals(a, b);
  }
}
