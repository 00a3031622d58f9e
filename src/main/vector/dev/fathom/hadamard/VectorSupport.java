package dev.fathom.hadamard;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The constants of the in-register butterflies, for any element type; shared by {@link
 * VectorKernel} (double) and {@link FloatVectorKernel} (float). They are built once, at class
 * initialization, so their generic form costs nothing. The passes themselves stay typed in each
 * kernel: in JDK 17 the generic {@code Vector<E>} has no store into a {@code double[]} or {@code
 * float[]} (only {@code DoubleVector} and {@code FloatVector} do), and C2 compiles vector
 * operations to vector instructions reliably only when the species is a constant (a {@code static
 * final} field), which a species passed to a shared generic loop is not.
 */
final class VectorSupport {
  private VectorSupport() {}

  /**
   * Whether the JIT turns a fused multiply-add into one instruction: HotSpot's {@code UseFMA}, on
   * by default on CPUs that have one. The in-register butterfly {@code w + sign * v} is then one
   * {@code v.fma(sign, w)}, bitwise the same (the product by {@code +-1} is exact, so the single
   * rounding of the fused operation is the sum's); without it a vector {@code fma} would fall back
   * to {@link Math#fma} lane by lane, so the kernels keep the product and the sum. False when the
   * flag cannot be read (no {@code jdk.management} module, another VM).
   */
  static final boolean FMA = hardwareFma();

  private static boolean hardwareFma() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * The shuffle that swaps lanes at distance {@code h} ({@code i -> i ^ h}); the identity when
   * {@code h} is not below the vector length, so that unused levels can still be declared.
   */
  static <E> VectorShuffle<E> swap(VectorSpecies<E> s, int h) {
    int lanes = s.length();
    return VectorShuffle.fromOp(s, i -> i ^ (h < lanes ? h : 0));
  }

  /** {@code +1} on the lanes whose bit {@code h} is clear, {@code -1} on the others. */
  static <E> Vector<E> sign(VectorSpecies<E> s, int h) {
    boolean[] upper = new boolean[s.length()];
    for (int i = 0; i < upper.length; i++) {
      upper[i] = (i & h) != 0;
    }
    VectorMask<E> m = VectorMask.fromArray(s, upper, 0);
    return s.broadcast(1).blend(s.broadcast(-1), m);
  }

  /** {@code log2} of the vector length. */
  static int log2Lanes(VectorSpecies<?> s) {
    return Integer.numberOfTrailingZeros(s.length());
  }
}
