package dev.fathom.submodular;

/**
 * numpy's legacy {@code numpy.random.RandomState(seed)} for an integer seed, enough to regenerate
 * the seeded data of apricot's test files: the 32-bit Mersenne twister MT19937 seeded by its
 * standard integer initialisation, and {@code random_sample} as numpy draws it (53 bits from two
 * 32-bit outputs). Checked against numpy's first outputs for seed 0 in {@code
 * ApricotMaxCoverageTest}.
 */
public final class NumpyLegacyRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index;

  /**
   * {@code RandomState(seed)}.
   *
   * @param seed the seed, in {@code [0, 2^32)}
   */
  public NumpyLegacyRandom(long seed) {
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  /**
   * The next 32-bit output, as an unsigned value.
   *
   * @return the output in {@code [0, 2^32)}
   */
  public long nextUint32() {
    if (index >= N) {
      for (int i = 0; i < N; i++) {
        int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
        int v = mt[(i + M) % N] ^ (y >>> 1);
        if ((y & 1) != 0) {
          v ^= 0x9908b0df;
        }
        mt[i] = v;
      }
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  /**
   * numpy's {@code random_sample()}: {@code (a >> 5, b >> 6)} of two outputs as 53 bits.
   *
   * @return a double in {@code [0, 1)}
   */
  public double randomSample() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /**
   * numpy's {@code choice(2, size=(rows, cols), p=[1 - p1, p1])}: one uniform draw per entry in row
   * order, 1 when it is at least the first cumulative probability {@code 1 - p1}.
   *
   * @param rows the rows
   * @param cols the columns
   * @param cdf0 the first cumulative probability as numpy computes it
   * @return the 0/1 matrix
   */
  public double[][] choice01(int rows, int cols, double cdf0) {
    double[][] x = new double[rows][cols];
    for (double[] r : x) {
      for (int c = 0; c < cols; c++) {
        r[c] = randomSample() >= cdf0 ? 1 : 0;
      }
    }
    return x;
  }
}
