package dev.fathom.hadamard;

import java.lang.reflect.Array;
import java.util.Objects;
import java.util.function.IntFunction;

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
    CheckTransform<double[]> t =
        (a, simd) -> DoubleKernel.transform(a, 0, CHECK_LOG2, 1.0, false, GROUPS, TILE, simd);
    return select(modulePresent, enabled, className, MAX_DOUBLE_LANES, double[]::new, t);
  }

  /** The same for floats. */
  static SimdKernel<float[]> selectFloat(boolean modulePresent, boolean enabled, String className) {
    CheckTransform<float[]> t =
        (a, simd) -> FloatKernel.transform(a, 0, CHECK_LOG2, 1.0f, false, GROUPS, TILE_F, simd);
    return select(modulePresent, enabled, className, MAX_FLOAT_LANES, float[]::new, t);
  }

  private static <A> SimdKernel<A> select(
      boolean modulePresent,
      boolean enabled,
      String className,
      int maxLanes,
      IntFunction<A> newArray,
      CheckTransform<A> transform) {
    if (!modulePresent || !enabled) {
      return null;
    }
    try {
      Class<?> c = Class.forName(className);
      // A kernel of the wrong element type fails inside the self-check (ClassCastException).
      @SuppressWarnings("unchecked")
      SimdKernel<A> k = (SimdKernel<A>) c.getDeclaredConstructor().newInstance();
      int lanes = k.lanes();
      boolean ok =
          lanes >= 2
              && lanes <= maxLanes
              && Integer.bitCount(lanes) == 1
              && selfCheck(k, newArray, transform);
      return ok ? k : null;
    } catch (Throwable e) { // NOPMD: any linkage or module problem means "no SIMD"
      return null;
    }
  }

  /** Size of the self-check: blocks plus the in-place levels above them. */
  private static final int CHECK_LOG2 = DoubleKernel.BLOCK_LOG2 + 2;

  /** The default schedule parameters. */
  private static final int GROUPS = DoubleKernel.GROUP_MAX;

  private static final int TILE = DoubleKernel.TILE_LOG2;

  private static final int TILE_F = FloatKernel.TILE_LOG2;

  /** Runs the whole transform of the self-check with the given SIMD kernel (or scalar: null). */
  @FunctionalInterface
  interface CheckTransform<A> {
    void run(A a, SimdKernel<A> simd);
  }

  /**
   * Transforms a small integer pattern with the scalar kernel and with {@code k}, comparing the
   * results exactly. Every partial sum is an integer below 2^24, exact in float as in double.
   */
  private static <A> boolean selfCheck(
      SimdKernel<A> k, IntFunction<A> newArray, CheckTransform<A> transform) {
    A a = newArray.apply(1 << CHECK_LOG2);
    A b = newArray.apply(1 << CHECK_LOG2);
    for (int i = 0; i < 1 << CHECK_LOG2; i++) {
      int v = (i * 7919) % 13 - 6;
      Array.setInt(a, i, v);
      Array.setInt(b, i, v);
    }
    transform.run(a, null);
    transform.run(b, k);
    return Objects.deepEquals(a, b);
  }
}
