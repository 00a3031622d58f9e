package dev.fathom.submodular.similarity;

import dev.fathom.core.SimdKernels;
import java.lang.invoke.MethodHandles;
import java.util.Optional;

/**
 * The optional SIMD kernels of the dense facility-location gains {@code sum_i max(r[i] - cur[i],
 * 0)}. The only implementation, {@code VectorFacilityGain}, lives in the separate source root
 * {@code src/main/vector} (it uses the incubating {@code jdk.incubator.vector} module) and is
 * loaded reflectively when the JVM runs with {@code --add-modules jdk.incubator.vector}, the system
 * property {@code fathom.simd} is not {@code false} and the machine has 256-bit vectors; otherwise
 * the scalar loops of {@link DenseSimilarity} and {@link DenseFloatSimilarity} are used. Both give
 * bitwise the same gains: the scalar loops keep four (double) or eight (float) interleaved partial
 * sums, and the kernels keep them as the lanes of one 256-bit vector, with the same operations in
 * the same order on every lane.
 */
interface FacilityGainKernel {
  /** The name of the SIMD implementation class (compiled from {@code src/main/vector}). */
  String VECTOR_CLASS = "dev.fathom.submodular.similarity.VectorFacilityGain";

  /**
   * Bitwise {@link DenseSimilarity#positivePartSum(double[], double[])}.
   *
   * @param r a row
   * @param cur the coverage, at least as long as {@code r}
   * @return the gain
   */
  double gain(double[] r, double[] cur);

  /**
   * Bitwise {@link DenseFloatSimilarity#gain(int, float[])} on row {@code r}.
   *
   * @param r a row
   * @param cur the coverage, at least as long as {@code r}
   * @return the gain
   */
  double gain(float[] r, float[] cur);

  /** The selected kernel, or {@code null} for the scalar loops. */
  FacilityGainKernel SELECTED = SimdKernels.enabled() ? load().orElse(null) : null;

  /**
   * The SIMD kernel if its class loads, the machine runs 256-bit vectors natively and it passes
   * {@link #selfCheck(FacilityGainKernel)}.
   *
   * @return the kernel, or empty
   */
  static Optional<FacilityGainKernel> load() {
    // empty also when the kernel refuses machines with vectors narrower than 256 bits
    return SimdKernels.load(MethodHandles.lookup(), VECTOR_CLASS, FacilityGainKernel.class)
        .filter(FacilityGainKernel::selfCheck);
  }

  /**
   * Whether {@code k} reproduces the scalar gains bitwise on a few rows with ragged ends, ties and
   * zeros.
   *
   * @param k the kernel
   * @return true if every gain matches
   */
  static boolean selfCheck(FacilityGainKernel k) {
    for (int m : new int[] {1, 7, 8, 259, 2 * DenseFloatSimilarity.BLOCK + 13}) {
      double[] r = new double[m];
      double[] cur = new double[m];
      float[] rf = new float[m];
      float[] curf = new float[m];
      for (int i = 0; i < m; i++) {
        r[i] = ((i * 7919) % 1009) / 97.0;
        cur[i] = i % 5 == 0 ? r[i] : ((i * 104729) % 1013) / 89.0;
        rf[i] = (float) r[i];
        curf[i] = (float) cur[i];
      }
      if (Double.doubleToRawLongBits(k.gain(r, cur))
              != Double.doubleToRawLongBits(DenseSimilarity.positivePartSum(r, cur))
          || Double.doubleToRawLongBits(k.gain(rf, curf))
              != Double.doubleToRawLongBits(DenseFloatSimilarity.scalarGain(rf, curf))) {
        return false;
      }
    }
    return true;
  }
}
