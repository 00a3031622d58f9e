package dev.fathom.hadamard;

/**
 * SPRIGHT's bin test, for {@link SparseWalshHadamard}: whether a bin holds a verified singleton
 * (noiseless: a clean signature the other groups do not outvote; robust: the bitwise index
 * estimate, its amplitude and residual), and the peel of the last one found from every group. Not
 * thread-safe (it holds the last singleton found).
 */
final class SingletonClassifier {
  private final boolean noiseless;
  private final int n;
  private final double tol;
  private final double tau;
  private final double minAmplitude2;
  private final double[] corr;
  private final HashGroup[] groups;

  /** Noiseless mode: the signatures of the last clean singleton in every group. */
  private final long[] signatures;

  long index;
  double amplitude;

  /** Whether the last bin tested was a clean singleton outvoted by the other groups. */
  boolean deferred;

  SingletonClassifier(
      SprightOptions o, HashGroup[] groups, double tol, double tau, double binNoise) {
    this.groups = groups;
    this.signatures = new long[groups.length];
    this.noiseless = o.detection() == SprightOptions.Detection.NOISELESS;
    this.n = o.n();
    this.tol = tol;
    this.tau = tau;
    // A robust singleton's amplitude must stand 4 standard errors above the bin noise.
    this.minAmplitude2 = 16 * binNoise / o.delays() + tol * tol;
    this.corr = new double[n];
  }

  /** Whether bin j of g is a verified singleton; if so sets index and amplitude. */
  boolean singleton(HashGroup g, int j) {
    deferred = false;
    if (noiseless) {
      // |U[0]| <= tol gives false whether or not the bin is empty (a non-empty bin then has no
      // clean signature), so the energy sum is needed only above tol: most bins end empty, and
      // each is tested once in that state.
      return Math.abs(g.bins[j * g.stride]) > tol && !empty(g, j) && noiseless(g, j);
    }
    return !empty(g, j) && robust(g, j);
  }

  /**
   * Noiseless test: a clean singleton that the other groups do not contradict. Group c' contradicts
   * frequency k when k's bin there is empty or a clean singleton of another frequency; a majority
   * of contradicting groups marks k as a ghost (a multiton whose values mimic a singleton in this
   * group only), which is left for later rounds.
   */
  private boolean noiseless(HashGroup g, int j) {
    long v = cleanSignature(g, j);
    if (v < 0) {
      return false;
    }
    long k = g.inverseTable.apply(v);
    // k's signature in every group: its bin and its delay signs there (v in g itself)
    long[] sig = signatures;
    for (int c = 0; c < groups.length; c++) {
      sig[c] = groups[c] == g ? v : groups[c].signature(k);
    }
    int others = groups.length - 1;
    int contradictions = 0;
    int left = others;
    for (int c = 0; c < groups.length; c++) {
      if (2 * (contradictions + left) <= others) {
        break; // a majority against k is out of reach
      }
      HashGroup other = groups[c];
      if (other != g) {
        left--;
        // Contradiction: k's bin there is empty, or a clean singleton of another frequency,
        // that is of another signature (the signature map is one to one).
        int jo = (int) sig[c] & ((1 << other.b) - 1);
        long vo = empty(other, jo) ? -2 : cleanSignature(other, jo);
        if (vo == -2 || (vo >= 0 && vo != sig[c])) {
          contradictions++;
        }
      }
    }
    if (2 * contradictions > others) {
      deferred = true;
      return false;
    }
    index = k;
    // the mean of the delays' values, each signed as frequency k predicts (<d, k> is bit
    // b + i - 1 of v for the i-th delay): the same sum, in the same order, as amplitude(j, k)
    amplitude = g.amplitudeSignature(j, v);
    return true;
  }

  /** Subtracts the last singleton found from its bin in every group and marks those bins. */
  void peel() {
    for (int c = 0; c < groups.length; c++) {
      if (noiseless) {
        groups[c].peelSignature(signatures[c], amplitude);
      } else {
        groups[c].peel(index, amplitude);
      }
    }
  }

  /**
   * Whether bin j of g holds less than tau of mean energy per delay. A first value whose square
   * exceeds {@code |D| tau} (with a margin far above rounding) already settles it, without the
   * serial sum over the delays. Otherwise the sum of squares is taken in four interleaved parts (a
   * quarter of the serial sum's latency); it differs from the serial sum of {@link
   * HashGroup#energy} by rounding only, at most {@code 2 |D|} ulps relative as all terms are
   * non-negative, so a sum further than {@code 1e-9} relative from {@code |D| tau} settles it the
   * same way, and only a sum within that margin takes the serial one.
   */
  private boolean empty(HashGroup g, int j) {
    double[] u = g.bins;
    int dn = g.delays.length;
    int o = j * g.stride;
    double limit = dn * tau;
    double u0 = u[o];
    if (u0 * u0 > limit * (1 + 1e-9)) {
      return false;
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int d = o;
    for (int end = o + dn - 3; d < end; d += 4) {
      s0 += u[d] * u[d];
      s1 += u[d + 1] * u[d + 1];
      s2 += u[d + 2] * u[d + 2];
      s3 += u[d + 3] * u[d + 3];
    }
    for (int end = o + dn; d < end; d++) {
      s0 += u[d] * u[d];
    }
    double sum = (s0 + s1) + (s2 + s3);
    if (sum < limit * (1 - 1e-9)) {
      return true;
    }
    if (sum > limit * (1 + 1e-9)) {
      return false;
    }
    return g.energy(j) <= tau;
  }

  /**
   * The signature of bin j ({@code j} and the delay signs, see {@link HashGroup#signature}) if
   * every delay reads +-U[0], else -1.
   */
  private long cleanSignature(HashGroup g, int j) {
    double[] u = g.bins;
    int dn = g.delays.length;
    int o = j * g.stride;
    double u0 = u[o];
    double a = Math.abs(u0);
    if (a <= tol) {
      return -1;
    }
    // Delay i reads +u0 or -u0 (not both: |u0| > tol); its sign is bit b + i - 1 of v. One
    // comparison per delay: for ui of u0's sign |ui - u0| is exactly ||ui| - |u0|| (rounding is
    // symmetric in sign) and |ui + u0| >= |u0| > tol, the other way round for the other sign,
    // so ||ui| - |u0|| <= tol is the test of either sign, and the sign is that of ui against
    // u0's, taken from the sign bits without a branch (signs are random, a branch would
    // mispredict); the only branch leaves at the first delay that reads neither, once per
    // multiton.
    long u0Bits = Double.doubleToRawLongBits(u0);
    long v = j;
    for (int i = 1, shift = g.b; i < dn; i++, shift++) {
      double ui = u[o + i];
      if (!(Math.abs(Math.abs(ui) - a) <= tol)) {
        return -1;
      }
      v |= ((Double.doubleToRawLongBits(ui) ^ u0Bits) >>> 63) << shift;
    }
    return v;
  }

  private boolean robust(HashGroup g, int j) {
    long k = g.bitwiseIndex(j, corr);
    if (g.hash(k) != j) {
      return false;
    }
    double alpha = g.amplitude(j, k);
    if (alpha * alpha < minAmplitude2 || g.residual(j, k, alpha) > tau) {
      return false;
    }
    index = k;
    amplitude = alpha;
    return true;
  }
}
