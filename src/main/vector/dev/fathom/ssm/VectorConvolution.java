package dev.fathom.ssm;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batched causal FFT convolution through {@code jdk.incubator.vector}, one channel per vector lane.
 * Compiled from the separate source root {@code src/main/vector} and only loaded (reflectively, by
 * {@link ConvolutionKernel}) when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>For a group of {@code V} channels (the vector length) a real sequence {@code x} of FFT size
 * {@code n} is packed as {@code z_j = x_{2j} + i x_{2j+1}}, {@code j < m = n/2}, with lane {@code
 * l} holding channel {@code l}: complex entry {@code j} occupies {@code buf[2jV .. 2jV + V)} (real
 * parts) and {@code buf[(2j+1)V .. (2j+2)V)} (imaginary parts). Then:
 *
 * <ol>
 *   <li>a radix-4 decimation-in-frequency transform of size {@code m}, depth first (each block's
 *       sub-blocks finish before the next block starts, so they run in cache), natural order in,
 *       bit-reversed order out; when the data fill at most the lower half (the usual case of zero
 *       padding) the first pass reads only that half;
 *   <li>the real-to-half-spectrum step {@code X_k = E_k + w_n^k O_k} with {@code E, O} from {@code
 *       Z_k} and {@code conj Z_{m-k}}: in bit-reversed order the partner of position {@code p} in
 *       the block {@code [2^b, 2^(b+1))} is {@code 3 2^b - 1 - p}, so the step is one pass over
 *       pairs; fused with the product by the kernel's spectrum and the inverse step that packs the
 *       product for a complex inverse transform;
 *   <li>a radix-4 decimation-in-time inverse transform, bit-reversed in, natural order out, whose
 *       last pass writes only the lower half when only that is needed.
 * </ol>
 *
 * No bit-reversal permutation is ever made. Spectra are kept doubled (factor 2 for the data and the
 * kernel each), undone by the single scale {@code 1 / (4n)} at the end.
 *
 * <p>The vector arithmetic is written out in each pass rather than shared through helpers that take
 * or return vectors: a helper the JIT does not inline boxes every vector value (measured: 45 MB of
 * garbage per call at 64 channels of 2048 instead of the 0.5 MB of buffers).
 *
 * <p>Every vector a load or an operation produces is cast to {@link #X}, the species' concrete
 * (final) vector class, through {@link Class#cast}, which the JIT compiles to nothing once the type
 * is known. The incubating API of JDK 17 compiles its vector intrinsics late, so without the cast
 * the compiler knows a result only as {@code DoubleVector} and relies on the type profile to treat
 * it as the concrete class; it stops doing so in a method once the vector methods it inlines have
 * recorded more than {@code PerMethodTrapLimit} (100) class-check traps in total, counted once per
 * inlined call. Those traps come from other vector code: a kernel that ran first with other
 * operators (the S4D kernel uses only {@code add} and {@code fma}) leaves compiled copies of the
 * shared {@code DoubleVector} methods that trap when this code calls them with {@code sub} and
 * {@code mul}, about 4 traps per inlined binary operation. Past the limit the species of the stores
 * is no longer a constant, the store intrinsic fails and every vector is boxed (measured: 940 MB of
 * garbage per call at 256 channels of 16384 instead of 38 MB). With the casts the types are exact
 * without the profile.
 */
final class VectorConvolution implements ConvolutionKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int V = S.length();

  /** The concrete class of {@link #S}'s vectors: every vector value is cast to it (see above). */
  private static final Class<? extends Vector<Double>> X = S.vectorType();

  private static final ConcurrentHashMap<Integer, Plan> PLANS = new ConcurrentHashMap<>();

  VectorConvolution() {}

  @Override
  public int lanes() {
    return V;
  }

  /** Twiddle tables of one FFT size {@code n}, shared by all calls. */
  private static final class Plan {
    final int m;

    /**
     * {@code radix4[lg]}: for blocks of size {@code s = 2^lg >= 4}, {@code w_s^j, w_s^2j, w_s^3j}
     * for {@code j < s/4} as six doubles (re, im) per {@code j}, {@code w_s = exp(-2 pi i / s)}.
     */
    final double[][] radix4;

    /** {@code exp(-2 pi i rev(p) / n)} for bit-reversed position {@code p < m}, (re, im) pairs. */
    final double[] split;

    Plan(int n) {
      m = n / 2;
      int logm = Integer.numberOfTrailingZeros(m);
      radix4 = new double[logm + 1][];
      for (int lg = 2; lg <= logm; lg++) {
        int s = 1 << lg;
        int q = s / 4;
        double[] t = new double[6 * q];
        for (int j = 0; j < q; j++) {
          for (int r = 1; r <= 3; r++) {
            double a = -2 * Math.PI * ((long) r * j) / s;
            t[6 * j + 2 * r - 2] = Math.cos(a);
            t[6 * j + 2 * r - 1] = Math.sin(a);
          }
        }
        radix4[lg] = t;
      }
      split = new double[2 * m];
      for (int p = 0; p < m; p++) {
        int k = Integer.reverse(p) >>> (32 - logm);
        double a = -2 * Math.PI * k / n;
        split[2 * p] = Math.cos(a);
        split[2 * p + 1] = Math.sin(a);
      }
    }
  }

  @Override
  public void convolve(
      double[] kernels,
      int lk,
      int channels,
      double[] u,
      int batch,
      int len,
      double[] d,
      double[] y,
      int n,
      int end) {
    Plan plan = PLANS.computeIfAbsent(n, Plan::new);
    int m = plan.m;
    double[] spectrum = new double[2 * m * V];
    double[] z = new double[2 * m * V];
    boolean kernelLow = (lk + 1) / 2 <= m / 2;
    boolean dataLow = (len + 1) / 2 <= m / 2;
    double scale = 1.0 / (4.0 * n);
    for (int h0 = 0; h0 < end; h0 += V) {
      int lanes = Math.min(V, end - h0);
      load(kernels, h0 * lk, lk, lanes, spectrum, m, kernelLow);
      forward(plan, spectrum, 0, m, kernelLow);
      halfSpectrum(plan, spectrum);
      for (int b = 0; b < batch; b++) {
        int off = (b * channels + h0) * len;
        load(u, off, len, lanes, z, m, dataLow);
        forward(plan, z, 0, m, dataLow);
        multiply(plan, z, spectrum);
        inverse(plan, z, 0, m, dataLow);
        for (int l = 0; l < lanes; l++) {
          int o = off + l * len;
          double dl = d[h0 + l];
          for (int t = 0; t < len; t++) {
            y[o + t] = z[t * V + l] * scale + dl * u[o + t];
          }
        }
      }
    }
  }

  /**
   * Packs {@code lanes} rows of length {@code len} (row {@code l} at {@code off + l len}) into the
   * lanes of {@code z}: sample {@code t} of lane {@code l} goes to {@code z[t V + l]} (so {@code
   * z_j = x_2j + i x_2j+1} in the layout above), zero-padded; with {@code low}, the upper half is
   * left as it is (the first forward pass does not read it).
   */
  private static void load(
      double[] src, int off, int len, int lanes, double[] z, int m, boolean low) {
    for (int t = 0; t < len; t++) {
      int zi = t * V;
      for (int l = 0; l < lanes; l++) {
        z[zi + l] = src[off + l * len + t];
      }
    }
    Arrays.fill(z, len * V, (low ? m : 2 * m) * V, 0);
  }

  /** Radix-4 decimation in frequency of the block {@code [base, base + size)}, depth first. */
  private static void forward(Plan plan, double[] z, int base, int size, boolean low) {
    if (size <= 2) {
      if (size == 2) {
        butterfly2(z, base);
      }
      return;
    }
    int q = size >> 2;
    double[] t = plan.radix4[Integer.numberOfTrailingZeros(size)];
    if (low) {
      forwardPassLow(t, z, base, q);
    } else {
      forwardPass(t, z, base, q);
    }
    for (int s = 0; s < 4; s++) {
      forward(plan, z, base + s * q, q, false);
    }
  }

  /** One radix-4 pass over a block of {@code 4q} entries (vector code kept in one small method). */
  private static void forwardPass(double[] t, double[] z, int base, int q) {
    int qs = 2 * q * V;
    for (int j = 0; j < q; j++) {
      int i0 = 2 * (base + j) * V;
      int i1 = i0 + qs;
      int i2 = i1 + qs;
      int i3 = i2 + qs;
      DoubleVector a0r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i0));
      DoubleVector a0i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i0 + V));
      DoubleVector a1r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i1));
      DoubleVector a1i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i1 + V));
      DoubleVector a2r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i2));
      DoubleVector a2i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i2 + V));
      DoubleVector a3r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i3));
      DoubleVector a3i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i3 + V));
      DoubleVector sr = (DoubleVector) X.cast(a0r.add(a2r));
      DoubleVector si = (DoubleVector) X.cast(a0i.add(a2i));
      DoubleVector dr = (DoubleVector) X.cast(a0r.sub(a2r));
      DoubleVector di = (DoubleVector) X.cast(a0i.sub(a2i));
      DoubleVector er = (DoubleVector) X.cast(a1r.add(a3r));
      DoubleVector ei = (DoubleVector) X.cast(a1i.add(a3i));
      DoubleVector fr = (DoubleVector) X.cast(a1r.sub(a3r));
      DoubleVector fi = (DoubleVector) X.cast(a1i.sub(a3i));
      ((DoubleVector) X.cast(sr.add(er))).intoArray(z, i0);
      ((DoubleVector) X.cast(si.add(ei))).intoArray(z, i0 + V);
      int k = 6 * j;
      // c1 = (s - e) w^2j, c2 = (d - i f) w^j, c3 = (d + i f) w^3j
      DoubleVector xr = (DoubleVector) X.cast(sr.sub(er));
      DoubleVector xi = (DoubleVector) X.cast(si.sub(ei));
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 2])))
                      .sub((DoubleVector) X.cast(xi.mul(t[k + 3])))))
          .intoArray(z, i1);
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 3])))
                      .add((DoubleVector) X.cast(xi.mul(t[k + 2])))))
          .intoArray(z, i1 + V);
      xr = (DoubleVector) X.cast(dr.add(fi));
      xi = (DoubleVector) X.cast(di.sub(fr));
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k])))
                      .sub((DoubleVector) X.cast(xi.mul(t[k + 1])))))
          .intoArray(z, i2);
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 1])))
                      .add((DoubleVector) X.cast(xi.mul(t[k])))))
          .intoArray(z, i2 + V);
      xr = (DoubleVector) X.cast(dr.sub(fi));
      xi = (DoubleVector) X.cast(di.add(fr));
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 4])))
                      .sub((DoubleVector) X.cast(xi.mul(t[k + 5])))))
          .intoArray(z, i3);
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 5])))
                      .add((DoubleVector) X.cast(xi.mul(t[k + 4])))))
          .intoArray(z, i3 + V);
    }
  }

  /**
   * {@link #forwardPass} when the upper half of the block is zero: it is neither read nor cleared.
   */
  private static void forwardPassLow(double[] t, double[] z, int base, int q) {
    int qs = 2 * q * V;
    for (int j = 0; j < q; j++) {
      int i0 = 2 * (base + j) * V;
      int i1 = i0 + qs;
      DoubleVector a0r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i0));
      DoubleVector a0i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i0 + V));
      DoubleVector a1r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i1));
      DoubleVector a1i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i1 + V));
      ((DoubleVector) X.cast(a0r.add(a1r))).intoArray(z, i0);
      ((DoubleVector) X.cast(a0i.add(a1i))).intoArray(z, i0 + V);
      int k = 6 * j;
      DoubleVector xr = (DoubleVector) X.cast(a0r.sub(a1r));
      DoubleVector xi = (DoubleVector) X.cast(a0i.sub(a1i));
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 2])))
                      .sub((DoubleVector) X.cast(xi.mul(t[k + 3])))))
          .intoArray(z, i1);
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 3])))
                      .add((DoubleVector) X.cast(xi.mul(t[k + 2])))))
          .intoArray(z, i1 + V);
      xr = (DoubleVector) X.cast(a0r.add(a1i));
      xi = (DoubleVector) X.cast(a0i.sub(a1r));
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k])))
                      .sub((DoubleVector) X.cast(xi.mul(t[k + 1])))))
          .intoArray(z, i1 + qs);
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 1])))
                      .add((DoubleVector) X.cast(xi.mul(t[k])))))
          .intoArray(z, i1 + qs + V);
      xr = (DoubleVector) X.cast(a0r.sub(a1i));
      xi = (DoubleVector) X.cast(a0i.add(a1r));
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 4])))
                      .sub((DoubleVector) X.cast(xi.mul(t[k + 5])))))
          .intoArray(z, i1 + 2 * qs);
      ((DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(xr.mul(t[k + 5])))
                      .add((DoubleVector) X.cast(xi.mul(t[k + 4])))))
          .intoArray(z, i1 + 2 * qs + V);
    }
  }

  private static void butterfly2(double[] z, int base) {
    int ia = 2 * base * V;
    int ib = ia + 2 * V;
    DoubleVector ar = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ia));
    DoubleVector ai = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ia + V));
    DoubleVector br = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ib));
    DoubleVector bi = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ib + V));
    ((DoubleVector) X.cast(ar.add(br))).intoArray(z, ia);
    ((DoubleVector) X.cast(ai.add(bi))).intoArray(z, ia + V);
    ((DoubleVector) X.cast(ar.sub(br))).intoArray(z, ib);
    ((DoubleVector) X.cast(ai.sub(bi))).intoArray(z, ib + V);
  }

  /**
   * Radix-4 decimation in time (inverse, unnormalized) of the block {@code [base, base + size)};
   * with {@code low}, the last pass writes only the lower half.
   */
  private static void inverse(Plan plan, double[] z, int base, int size, boolean low) {
    if (size <= 2) {
      if (size == 2) {
        butterfly2(z, base);
      }
      return;
    }
    int q = size >> 2;
    for (int s = 0; s < 4; s++) {
      inverse(plan, z, base + s * q, q, false);
    }
    inversePass(plan.radix4[Integer.numberOfTrailingZeros(size)], z, base, q, low);
  }

  /** One radix-4 inverse pass over a block of {@code 4q} entries, conjugate twiddles. */
  private static void inversePass(double[] t, double[] z, int base, int q, boolean low) {
    int qs = 2 * q * V;
    for (int j = 0; j < q; j++) {
      int i0 = 2 * (base + j) * V;
      int i1 = i0 + qs;
      int i2 = i1 + qs;
      int i3 = i2 + qs;
      int k = 6 * j;
      // conjugate twiddles
      DoubleVector c1r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i1));
      DoubleVector c1i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i1 + V));
      DoubleVector c2r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i2));
      DoubleVector c2i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i2 + V));
      DoubleVector c3r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i3));
      DoubleVector c3i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i3 + V));
      DoubleVector sr =
          (DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(c1r.mul(t[k + 2])))
                      .add((DoubleVector) X.cast(c1i.mul(t[k + 3]))));
      DoubleVector si =
          (DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(c1i.mul(t[k + 2])))
                      .sub((DoubleVector) X.cast(c1r.mul(t[k + 3]))));
      DoubleVector ar =
          (DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(c2r.mul(t[k])))
                      .add((DoubleVector) X.cast(c2i.mul(t[k + 1]))));
      DoubleVector ai =
          (DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(c2i.mul(t[k])))
                      .sub((DoubleVector) X.cast(c2r.mul(t[k + 1]))));
      DoubleVector br =
          (DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(c3r.mul(t[k + 4])))
                      .add((DoubleVector) X.cast(c3i.mul(t[k + 5]))));
      DoubleVector bi =
          (DoubleVector)
              X.cast(
                  ((DoubleVector) X.cast(c3i.mul(t[k + 4])))
                      .sub((DoubleVector) X.cast(c3r.mul(t[k + 5]))));
      DoubleVector c0r = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i0));
      DoubleVector c0i = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, i0 + V));
      DoubleVector pr = (DoubleVector) X.cast(c0r.add(sr));
      DoubleVector pi = (DoubleVector) X.cast(c0i.add(si));
      DoubleVector mr = (DoubleVector) X.cast(c0r.sub(sr));
      DoubleVector mi = (DoubleVector) X.cast(c0i.sub(si));
      DoubleVector gr = (DoubleVector) X.cast(ar.add(br));
      DoubleVector gi = (DoubleVector) X.cast(ai.add(bi));
      DoubleVector hr = (DoubleVector) X.cast(ar.sub(br));
      DoubleVector hi = (DoubleVector) X.cast(ai.sub(bi));
      ((DoubleVector) X.cast(pr.add(gr))).intoArray(z, i0);
      ((DoubleVector) X.cast(pi.add(gi))).intoArray(z, i0 + V);
      ((DoubleVector) X.cast(mr.sub(hi))).intoArray(z, i1);
      ((DoubleVector) X.cast(mi.add(hr))).intoArray(z, i1 + V);
      if (!low) {
        ((DoubleVector) X.cast(pr.sub(gr))).intoArray(z, i2);
        ((DoubleVector) X.cast(pi.sub(gi))).intoArray(z, i2 + V);
        ((DoubleVector) X.cast(mr.add(hi))).intoArray(z, i3);
        ((DoubleVector) X.cast(mi.sub(hr))).intoArray(z, i3 + V);
      }
    }
  }

  /**
   * Bit-reversed {@code Z} to the doubled half spectrum {@code 2 X_k} in place; position 0 holds
   * {@code 2 X_0} and {@code 2 X_m} (both real) as its real and imaginary parts.
   */
  private static void halfSpectrum(Plan plan, double[] z) {
    DoubleVector zr = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, 0));
    DoubleVector zi = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, V));
    ((DoubleVector) X.cast(((DoubleVector) X.cast(zr.add(zi))).mul(2))).intoArray(z, 0);
    ((DoubleVector) X.cast(((DoubleVector) X.cast(zr.sub(zi))).mul(2))).intoArray(z, V);
    double[] w = plan.split;
    for (int b = 1; b < plan.m; b <<= 1) {
      for (int p = b, q = 2 * b - 1; p <= q; p++, q--) {
        int ip = 2 * p * V;
        int iq = 2 * q * V;
        DoubleVector pr = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ip));
        DoubleVector pi = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ip + V));
        DoubleVector qr = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, iq));
        DoubleVector qi = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, iq + V));
        // 2E = Z_p + conj Z_q, 2O = -i (Z_p - conj Z_q), 2X_k = 2E + w 2O, 2X_(m-k) = conj(2E - w
        // 2O)
        DoubleVector er = (DoubleVector) X.cast(pr.add(qr));
        DoubleVector ei = (DoubleVector) X.cast(pi.sub(qi));
        DoubleVector or = (DoubleVector) X.cast(pi.add(qi));
        DoubleVector oi = (DoubleVector) X.cast(qr.sub(pr));
        double wr = w[2 * p];
        double wi = w[2 * p + 1];
        DoubleVector tr =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(or.mul(wr))).sub((DoubleVector) X.cast(oi.mul(wi))));
        DoubleVector ti =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(or.mul(wi))).add((DoubleVector) X.cast(oi.mul(wr))));
        ((DoubleVector) X.cast(er.add(tr))).intoArray(z, ip);
        ((DoubleVector) X.cast(ei.add(ti))).intoArray(z, ip + V);
        ((DoubleVector) X.cast(er.sub(tr))).intoArray(z, iq);
        ((DoubleVector) X.cast(ti.sub(ei))).intoArray(z, iq + V);
      }
    }
  }

  /**
   * Bit-reversed {@code Z} of the data to the packed input of the inverse transform of the product
   * with the kernel's doubled half spectrum {@code k}, in place: with {@code P_k = 2X_k K_k},
   * {@code Z''_k = (P_k + conj P_(m-k)) + i (P_k - conj P_(m-k)) conj(w^k)}.
   */
  private static void multiply(Plan plan, double[] z, double[] k) {
    DoubleVector zr = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, 0));
    DoubleVector zi = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, V));
    DoubleVector p0 =
        (DoubleVector)
            X.cast(
                ((DoubleVector) X.cast(((DoubleVector) X.cast(zr.add(zi))).mul(2)))
                    .mul((DoubleVector) X.cast(DoubleVector.fromArray(S, k, 0))));
    DoubleVector pm =
        (DoubleVector)
            X.cast(
                ((DoubleVector) X.cast(((DoubleVector) X.cast(zr.sub(zi))).mul(2)))
                    .mul((DoubleVector) X.cast(DoubleVector.fromArray(S, k, V))));
    ((DoubleVector) X.cast(p0.add(pm))).intoArray(z, 0);
    ((DoubleVector) X.cast(p0.sub(pm))).intoArray(z, V);
    double[] w = plan.split;
    for (int b = 1; b < plan.m; b <<= 1) {
      for (int p = b, q = 2 * b - 1; p <= q; p++, q--) {
        int ip = 2 * p * V;
        int iq = 2 * q * V;
        DoubleVector pr = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ip));
        DoubleVector pi = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, ip + V));
        DoubleVector qr = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, iq));
        DoubleVector qi = (DoubleVector) X.cast(DoubleVector.fromArray(S, z, iq + V));
        DoubleVector er = (DoubleVector) X.cast(pr.add(qr));
        DoubleVector ei = (DoubleVector) X.cast(pi.sub(qi));
        DoubleVector or = (DoubleVector) X.cast(pi.add(qi));
        DoubleVector oi = (DoubleVector) X.cast(qr.sub(pr));
        double wr = w[2 * p];
        double wi = w[2 * p + 1];
        DoubleVector tr =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(or.mul(wr))).sub((DoubleVector) X.cast(oi.mul(wi))));
        DoubleVector ti =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(or.mul(wi))).add((DoubleVector) X.cast(oi.mul(wr))));
        DoubleVector xr = (DoubleVector) X.cast(er.add(tr));
        DoubleVector xi = (DoubleVector) X.cast(ei.add(ti));
        DoubleVector yr = (DoubleVector) X.cast(er.sub(tr));
        DoubleVector yi = (DoubleVector) X.cast(ti.sub(ei));
        DoubleVector kr = (DoubleVector) X.cast(DoubleVector.fromArray(S, k, ip));
        DoubleVector ki = (DoubleVector) X.cast(DoubleVector.fromArray(S, k, ip + V));
        DoubleVector lr = (DoubleVector) X.cast(DoubleVector.fromArray(S, k, iq));
        DoubleVector li = (DoubleVector) X.cast(DoubleVector.fromArray(S, k, iq + V));
        DoubleVector ar =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(xr.mul(kr))).sub((DoubleVector) X.cast(xi.mul(ki))));
        DoubleVector ai =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(xr.mul(ki))).add((DoubleVector) X.cast(xi.mul(kr))));
        DoubleVector cr =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(yr.mul(lr))).sub((DoubleVector) X.cast(yi.mul(li))));
        DoubleVector ci =
            (DoubleVector)
                X.cast(((DoubleVector) X.cast(yr.mul(li))).add((DoubleVector) X.cast(yi.mul(lr))));
        DoubleVector fr = (DoubleVector) X.cast(ar.add(cr));
        DoubleVector fi = (DoubleVector) X.cast(ai.sub(ci));
        DoubleVector gr0 = (DoubleVector) X.cast(ar.sub(cr));
        DoubleVector gi0 = (DoubleVector) X.cast(ai.add(ci));
        DoubleVector gr =
            (DoubleVector)
                X.cast(
                    ((DoubleVector) X.cast(gr0.mul(wr))).add((DoubleVector) X.cast(gi0.mul(wi))));
        DoubleVector gi =
            (DoubleVector)
                X.cast(
                    ((DoubleVector) X.cast(gi0.mul(wr))).sub((DoubleVector) X.cast(gr0.mul(wi))));
        ((DoubleVector) X.cast(fr.sub(gi))).intoArray(z, ip);
        ((DoubleVector) X.cast(fi.add(gr))).intoArray(z, ip + V);
        ((DoubleVector) X.cast(fr.add(gi))).intoArray(z, iq);
        ((DoubleVector) X.cast(gr.sub(fi))).intoArray(z, iq + V);
      }
    }
  }
}
