package dev.fathom.hadamard;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Selects the FWHT kernels once per JVM (the Lucene {@code VectorizationProvider} pattern): the
 * SIMD kernels when the JVM runs with {@code --add-modules jdk.incubator.vector} and the system
 * property {@code fathom.simd} is not {@code false}, otherwise none (the scalar kernels). The
 * double and the float kernel are selected independently, each by the same logic.
 */
final class Simd {
  /** The name of the double-precision SIMD class (compiled from {@code src/main/vector}). */
  static final String VECTOR_CLASS = "dev.fathom.hadamard.VectorKernel";

  /** The name of the single-precision SIMD class (compiled from {@code src/main/vector}). */
  static final String FLOAT_VECTOR_CLASS = "dev.fathom.hadamard.FloatVectorKernel";

  /** The vector module. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  /** Most doubles per vector accepted (512 bits). */
  static final int MAX_DOUBLE_LANES = 8;

  /** Most floats per vector accepted (512 bits). */
  static final int MAX_FLOAT_LANES = 16;

  private static final boolean MODULE_PRESENT =
      ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();

  private static final boolean ENABLED =
      !"false".equalsIgnoreCase(System.getProperty("fathom.simd"));

  /** The selected double-precision SIMD kernel, or {@code null} for the scalar path. */
  static final SimdKernel<double[]> KERNEL = selectDouble(MODULE_PRESENT, ENABLED, VECTOR_CLASS);

  /** The selected single-precision SIMD kernel, or {@code null} for the scalar path. */
  static final SimdKernel<float[]> FLOAT_KERNEL =
      selectFloat(MODULE_PRESENT, ENABLED, FLOAT_VECTOR_CLASS);

  private Simd() {}

  /**
   * The selection logic for doubles: {@code null} unless the module is present, SIMD is enabled and
   * the class loads, instantiates and passes a small self-check against the scalar kernel.
   */
  static SimdKernel<double[]> selectDouble(
      boolean modulePresent, boolean enabled, String className) {
    return select(modulePresent, enabled, className, MAX_DOUBLE_LANES, Simd::selfCheckDouble);
  }

  /** The same for floats. */
  static SimdKernel<float[]> selectFloat(boolean modulePresent, boolean enabled, String className) {
    return select(modulePresent, enabled, className, MAX_FLOAT_LANES, Simd::selfCheckFloat);
  }

  private static <A> SimdKernel<A> select(
      boolean modulePresent,
      boolean enabled,
      String className,
      int maxLanes,
      Predicate<SimdKernel<A>> selfCheck) {
    if (!modulePresent || !enabled) {
      return null;
    }
    return Simd.<A>load(className, maxLanes, selfCheck).orElse(null);
  }

  private static <A> Optional<SimdKernel<A>> load(
      String className, int maxLanes, Predicate<SimdKernel<A>> selfCheck) {
    try {
      Class<?> c = Class.forName(className);
      // A kernel of the wrong element type fails inside the self-check (ClassCastException).
      @SuppressWarnings("unchecked")
      SimdKernel<A> k = (SimdKernel<A>) c.getDeclaredConstructor().newInstance();
      int lanes = k.lanes();
      if (lanes < 2 || lanes > maxLanes || Integer.bitCount(lanes) != 1 || !selfCheck.test(k)) {
        return Optional.empty();
      }
      return Optional.of(k);
    } catch (Throwable e) { // NOPMD: any linkage or module problem means "no SIMD"
      return Optional.empty();
    }
  }

  /** Size of the self-check: blocks plus the in-place levels above them. */
  private static final int CHECK_LOG2 = DoubleKernel.BLOCK_LOG2 + 2;

  /**
   * A small integer pattern: every partial sum of its transform is an integer below 2^24, exact in
   * float as in double.
   */
  private static double pattern(int i) {
    return (i * 7919) % 13 - 6;
  }

  /** Transforms the pattern with both double kernels and compares the results exactly. */
  private static boolean selfCheckDouble(SimdKernel<double[]> k) {
    double[] a = new double[1 << CHECK_LOG2];
    Arrays.setAll(a, Simd::pattern);
    double[] b = a.clone();
    DoubleKernel.transform(
        a, 0, CHECK_LOG2, 1.0, false, DoubleKernel.GROUP_MAX, DoubleKernel.TILE_LOG2, null);
    DoubleKernel.transform(
        b, 0, CHECK_LOG2, 1.0, false, DoubleKernel.GROUP_MAX, DoubleKernel.TILE_LOG2, k);
    return Arrays.equals(a, b);
  }

  /** Transforms the pattern with both float kernels and compares the results exactly. */
  private static boolean selfCheckFloat(SimdKernel<float[]> k) {
    float[] a = new float[1 << CHECK_LOG2];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) pattern(i);
    }
    float[] b = a.clone();
    FloatKernel.transform(
        a, 0, CHECK_LOG2, 1.0f, false, FloatKernel.GROUP_MAX, FloatKernel.TILE_LOG2, null);
    FloatKernel.transform(
        b, 0, CHECK_LOG2, 1.0f, false, FloatKernel.GROUP_MAX, FloatKernel.TILE_LOG2, k);
    return Arrays.equals(a, b);
  }
}
