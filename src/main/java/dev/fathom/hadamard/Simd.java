package dev.fathom.hadamard;

import dev.fathom.core.SimdKernels;
import java.lang.reflect.Array;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * Selects the FWHT kernels once per JVM (the Lucene {@code VectorizationProvider} pattern): the
 * SIMD kernels when the JVM runs with {@code --add-modules jdk.incubator.vector} and the system
 * property {@code fathom.simd} is not {@code false}, otherwise none (the scalar kernels). The
 * double and the float kernel are selected independently, each by the same logic.
 *
 * <p>Warm-up. Loading the vector module's classes, the self-check and the first calls of a vector
 * kernel run in the interpreter, where every vector operation allocates: measured about 1.2 s for
 * the selection alone and over a second for a first 2^20 transform, against about 0.1 s for the
 * scalar kernel's first call. So by default ({@code fathom.simd.warmup} unset or {@code
 * background}) the selection and a warm-up of the selected kernels run in a daemon thread started
 * at the first transform, and the transforms use the scalar kernels until that thread publishes the
 * SIMD ones. Both give bitwise the same results (tested), so only the speed depends on when the
 * switch happens. {@code -Dfathom.simd.warmup=none} selects synchronously at the first transform
 * and uses the SIMD kernels from then on (the test suite runs that way, so that every test
 * exercises them); {@link #await()} waits for the background selection.
 */
final class Simd {
  /** The name of the double-precision SIMD class (compiled from {@code src/main/vector}). */
  static final String VECTOR_CLASS = "dev.fathom.hadamard.VectorKernel";

  /** The name of the single-precision SIMD class (compiled from {@code src/main/vector}). */
  static final String FLOAT_VECTOR_CLASS = "dev.fathom.hadamard.FloatVectorKernel";

  /** The vector module. */
  static final String VECTOR_MODULE = SimdKernels.VECTOR_MODULE;

  /** Most doubles per vector accepted (512 bits). */
  static final int MAX_DOUBLE_LANES = 8;

  /** Most floats per vector accepted (512 bits). */
  static final int MAX_FLOAT_LANES = 16;

  /** The system property that chooses the warm-up: {@code background} (default) or {@code none}. */
  static final String WARMUP_PROPERTY = "fathom.simd.warmup";

  /** Longest background warm-up before the SIMD kernels are published anyway. */
  static final long WARMUP_BUDGET_NANOS = 3_000_000_000L;

  private static final boolean MODULE_PRESENT = SimdKernels.modulePresent();

  private static final boolean ENABLED = SimdKernels.allowed();

  private static final boolean BACKGROUND = background(System.getProperty(WARMUP_PROPERTY));

  private static final CountDownLatch READY = new CountDownLatch(1);

  /** The published double-precision SIMD kernel, or {@code null} (scalar path). */
  private static volatile SimdKernel<double[]> kernel;

  /** The published single-precision SIMD kernel, or {@code null} (scalar path). */
  private static volatile SimdKernel<float[]> floatKernel;

  /**
   * Sizes of the warm-up transforms: base blocks and one or two radix-8 levels above them (larger
   * sizes run the same methods, and in the interpreter they would delay the switch by seconds).
   */
  private static final int[] WARMUP_LOG2 = {6, 11, 14, 16};

  static {
    if (!MODULE_PRESENT || !ENABLED) {
      READY.countDown();
    } else if (!BACKGROUND || !startWarmUpThread()) {
      selectAndPublish(false);
    }
  }

  private Simd() {}

  /**
   * The double-precision SIMD kernel in use now, or {@code null} for the scalar path (no module,
   * disabled, rejected, or still warming up in the background).
   */
  static SimdKernel<double[]> kernel() {
    return kernel;
  }

  /**
   * The vector gather of SPRIGHT's array reads ({@link RowGather}, the double kernel) in use now,
   * or {@code null} for one scalar load per entry: none without the double SIMD kernel, with the
   * system property {@code fathom.simd.gather=false}, or where Linux reports the microcode
   * mitigation of Gather Data Sampling (Intel, 2023), which makes gather instructions several times
   * slower.
   */
  static RowGather gather() {
    SimdKernel<double[]> k = kernel;
    return GATHER && k instanceof RowGather ? (RowGather) k : null;
  }

  /** The system property that disables the vector gather ({@code false}). */
  static final String GATHER_PROPERTY = "fathom.simd.gather";

  /** Where Linux reports the Gather Data Sampling status. */
  static final String GDS_STATUS = "/sys/devices/system/cpu/vulnerabilities/gather_data_sampling";

  private static final boolean GATHER =
      gatherAllowed(System.getProperty(GATHER_PROPERTY), readStatus(GDS_STATUS));

  /**
   * Whether the vector gather may be used: the property is not {@code false} and the Gather Data
   * Sampling status (null when unknown) does not report a mitigation.
   */
  static boolean gatherAllowed(String property, String gdsStatus) {
    return !"false".equalsIgnoreCase(property)
        && (gdsStatus == null || !gdsStatus.startsWith("Mitigation"));
  }

  /** The first line of a small status file, or {@code null} when it cannot be read. */
  static String readStatus(String path) {
    try (java.io.BufferedReader r =
        java.nio.file.Files.newBufferedReader(java.nio.file.Paths.get(path))) {
      return r.readLine();
    } catch (java.io.IOException | RuntimeException e) { // NOPMD: unknown status
      return null;
    }
  }

  /** The single-precision SIMD kernel in use now, or {@code null}. */
  static SimdKernel<float[]> floatKernel() {
    return floatKernel;
  }

  /** Waits until the selection (and, in the background mode, the warm-up) has finished. */
  static void await() {
    boolean interrupted = false;
    while (true) {
      try {
        READY.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the property value asks for the background warm-up ({@code null}: the default). */
  static boolean background(String value) {
    if (value == null || "background".equalsIgnoreCase(value)) {
      return true;
    }
    if ("none".equalsIgnoreCase(value)) {
      return false;
    }
    throw new IllegalArgumentException(
        "system property "
            + WARMUP_PROPERTY
            + " = \""
            + value
            + "\": expected \"background\" or \"none\"");
  }

  private static boolean startWarmUpThread() {
    try {
      Thread t = new Thread(() -> selectAndPublish(true), "fathom-simd-warmup");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      t.start();
      return true;
    } catch (RuntimeException | Error e) { // NOPMD: no thread allowed here: select in place
      return false;
    }
  }

  private static void selectAndPublish(boolean warm) {
    try {
      SimdKernel<double[]> d = selectDouble(MODULE_PRESENT, ENABLED, VECTOR_CLASS);
      SimdKernel<float[]> f = selectFloat(MODULE_PRESENT, ENABLED, FLOAT_VECTOR_CLASS);
      if (warm) {
        warmUp(d, f, WARMUP_BUDGET_NANOS);
      }
      kernel = d;
      floatKernel = f;
    } finally {
      READY.countDown();
    }
  }

  /**
   * Runs the kernels' full schedules on the warm-up sizes (and the double kernel's {@link
   * RowGather} on rows of two vectors) until the time per round has not improved by 5 % for {@code
   * 8} rounds (after at least 16 rounds), or the budget is spent. Returns the number of rounds.
   */
  static int warmUp(SimdKernel<double[]> d, SimdKernel<float[]> f, long budgetNanos) {
    double[][] xs = new double[WARMUP_LOG2.length][];
    float[][] fs = new float[WARMUP_LOG2.length][];
    for (int i = 0; i < WARMUP_LOG2.length; i++) {
      xs[i] = new double[1 << WARMUP_LOG2[i]];
      fs[i] = new float[1 << WARMUP_LOG2[i]];
      for (int j = 0; j < xs[i].length; j++) {
        xs[i][j] = (j * 7919) % 13 - 6;
        fs[i][j] = (float) xs[i][j];
      }
    }
    // SPRIGHT's vector gather, on rows of two vectors with a partial second one
    RowGather gather = d instanceof RowGather ? (RowGather) d : null;
    int width = 2 * (gather != null ? gather.lanes() : 1);
    int[] index = new int[HashGroup.GATHER_CHUNK * width];
    for (int i = 0; i < index.length; i++) {
      index[i] = (i * 7919) & ((1 << WARMUP_LOG2[0]) - 1);
    }
    double[] rows = new double[index.length];
    long start = System.nanoTime();
    long best = Long.MAX_VALUE;
    int stale = 0;
    int rounds = 0;
    while (System.nanoTime() - start < budgetNanos && (rounds < 16 || stale < 8)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < WARMUP_LOG2.length; i++) {
        int n = WARMUP_LOG2[i];
        if (d != null) {
          // The orthonormal scale keeps the norm, so repeated transforms stay bounded.
          DoubleKernel.transform(
              xs[i], 0, n, Normalization.ORTHONORMAL.scale(n), false, GROUPS, TILE, d);
        }
        if (f != null) {
          FloatKernel.transform(
              fs[i], 0, n, (float) Normalization.ORTHONORMAL.scale(n), false, GROUPS, TILE_F, f);
        }
      }
      if (gather != null) {
        gather.gatherRows(xs[0], index, rows, 0, HashGroup.GATHER_CHUNK, width, width - 1);
      }
      long t = System.nanoTime() - t0;
      rounds++;
      if (t < best - best / 20) {
        best = t;
        stale = 0;
      } else {
        stale++;
      }
    }
    return rounds;
  }

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
