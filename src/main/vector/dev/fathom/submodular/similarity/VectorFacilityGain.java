package dev.fathom.submodular.similarity;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD facility-location gains through {@code jdk.incubator.vector}: the scalar loops' four
 * (double) or eight (float) partial sums become the lanes of one 256-bit accumulator, each lane
 * seeing the same differences, absolute values and additions in the same order, so the gains are
 * bitwise the scalar ones. Compiled from the separate source root {@code src/main/vector} and only
 * loaded (reflectively, by {@link FacilityGainKernel}) when the JVM runs with {@code --add-modules
 * jdk.incubator.vector}.
 */
final class VectorFacilityGain implements FacilityGainKernel {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

  /**
   * Creates the kernel.
   *
   * @throws UnsupportedOperationException when the machine's vectors are narrower than 256 bits
   *     (the 256-bit species would then be emulated, far slower than the scalar loops)
   */
  VectorFacilityGain() {
    if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
      throw new UnsupportedOperationException("vectors narrower than 256 bits");
    }
  }

  @Override
  public double gain(double[] r, int o, double[] cur, int m) {
    int m4 = m - m % 4;
    DoubleVector acc = DoubleVector.zero(D);
    for (int i = 0; i < m4; i += 4) {
      DoubleVector t = DoubleVector.fromArray(D, r, o + i).sub(DoubleVector.fromArray(D, cur, i));
      acc = acc.add(t.add(t.abs()));
    }
    double g0 = acc.lane(0);
    for (int i = m4; i < m; i++) {
      double t = r[o + i] - cur[i];
      g0 += t + Math.abs(t);
    }
    return 0.5 * ((g0 + acc.lane(1)) + (acc.lane(2) + acc.lane(3)));
  }

  @Override
  public double gain(float[] r, int o, float[] cur, int m) {
    final int block = DenseFloatSimilarity.BLOCK;
    double g = 0;
    int b = 0;
    for (; b + block <= m; b += block) {
      FloatVector acc = FloatVector.zero(F);
      for (int i = b; i < b + block; i += 8) {
        FloatVector t = FloatVector.fromArray(F, r, o + i).sub(FloatVector.fromArray(F, cur, i));
        acc = acc.add(t.add(t.abs()));
      }
      g +=
          ((double) acc.lane(0) + acc.lane(1))
              + ((double) acc.lane(2) + acc.lane(3))
              + ((double) acc.lane(4) + acc.lane(5))
              + ((double) acc.lane(6) + acc.lane(7));
    }
    for (; b < m; b++) {
      float t = r[o + b] - cur[b];
      g += t + Math.abs(t);
    }
    return 0.5 * g;
  }
}
