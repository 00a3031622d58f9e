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
   * Bitwise {@link DenseSimilarity#positivePartSum(double[], int, double[], int)}.
   *
   * @param r the array holding the row
   * @param o where the row starts in {@code r}
   * @param cur the coverage, at least {@code m} long
   * @param m the row length
   * @return the gain
   */
  double gain(double[] r, int o, double[] cur, int m);

  /**
   * Bitwise {@link DenseFloatSimilarity#scalarGain(float[], int, float[], int)}.
   *
   * @param r the array holding the row
   * @param o where the row starts in {@code r}
   * @param cur the coverage, at least {@code m} long
   * @param m the row length
   * @return the gain
   */
  double gain(float[] r, int o, float[] cur, int m);

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
   * zeros, each stored from an odd offset.
   *
   * @param k the kernel
   * @return true if every gain matches
   */
  static boolean selfCheck(FacilityGainKernel k) {
    for (int m : new int[] {1, 7, 8, 259, 2 * DenseFloatSimilarity.BLOCK + 13}) {
      int o = 3;
      double[] r = new double[o + m + 2];
      double[] cur = new double[m];
      float[] rf = new float[o + m + 2];
      float[] curf = new float[m];
      for (int i = 0; i < m; i++) {
        r[o + i] = ((i * 7919) % 1009) / 97.0;
        cur[i] = i % 5 == 0 ? r[o + i] : ((i * 104729) % 1013) / 89.0;
        rf[o + i] = (float) r[o + i];
        curf[i] = (float) cur[i];
      }
      if (Double.doubleToRawLongBits(k.gain(r, o, cur, m))
              != Double.doubleToRawLongBits(DenseSimilarity.positivePartSum(r, o, cur, m))
          || Double.doubleToRawLongBits(k.gain(rf, o, curf, m))
              != Double.doubleToRawLongBits(DenseFloatSimilarity.scalarGain(rf, o, curf, m))) {
        return false;
      }
    }
    return true;
  }
}
