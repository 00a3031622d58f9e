package dev.fathom.lsa;

import dev.fathom.core.Args;
import java.util.Arrays;

/**
 * A sparse rank-one estimate {@code A = u vᵀ}, {@code b = y u + w}, filled entry by entry and
 * applied to an iterate without forming a matrix. TD(0) is {@code u = φ(s)}, {@code v = φ(s) −
 * γφ(s')}, {@code y = r}; least-squares SGD is {@code u = v = a}, {@code y} the response.
 *
 * <p>Entries with the same index add up. Mutable and not thread-safe; a stream reuses one instance.
 *
 * @since 1.0
 */
public final class RankOneSample {
  private final int d;
  private final Entries u = new Entries("u");
  private final Entries v = new Entries("v");
  private final Entries w = new Entries("w");
  private double y;

  /** A growable list of (index, value) pairs. */
  private final class Entries {
    final String name;
    int[] idx = new int[8];
    double[] val = new double[8];
    int n;

    Entries(String name) {
      this.name = name;
    }

    void add(int i, double x) {
      if (i < 0 || i >= d) {
        throw Args.fail(name + " index", i, "an index in [0, " + d + ")");
      }
      if (!Double.isFinite(x)) {
        throw Args.fail(name + "[" + i + "]", x, "a finite number");
      }
      if (n == idx.length) {
        idx = Arrays.copyOf(idx, 2 * n);
        val = Arrays.copyOf(val, 2 * n);
      }
      idx[n] = i;
      val[n++] = x;
    }
  }

  /**
   * An empty sample of dimension {@code d}.
   *
   * @param d the dimension, positive
   */
  public RankOneSample(int d) {
    this.d = Args.positive("d", d);
  }

  /**
   * The dimension.
   *
   * @return {@code d}
   */
  public int dimension() {
    return d;
  }

  /** Clears {@code u}, {@code v}, {@code w} and sets {@code y = 0}. */
  public void clear() {
    u.n = 0;
    v.n = 0;
    w.n = 0;
    y = 0;
  }

  /**
   * Adds {@code x} to {@code u[i]}.
   *
   * @param i the index, in {@code [0, d)}
   * @param x the value, finite
   */
  public void addU(int i, double x) {
    u.add(i, x);
  }

  /**
   * Adds {@code x} to {@code v[i]}.
   *
   * @param i the index, in {@code [0, d)}
   * @param x the value, finite
   */
  public void addV(int i, double x) {
    v.add(i, x);
  }

  /**
   * Adds {@code x} to {@code w[i]}, the part of {@code b} outside the span of {@code u}.
   *
   * @param i the index, in {@code [0, d)}
   * @param x the value, finite
   */
  public void addW(int i, double x) {
    w.add(i, x);
  }

  /**
   * Sets the scalar {@code y} of {@code b = y u + w}.
   *
   * @param y the value, finite
   */
  public void setY(double y) {
    this.y = Args.finite("y", y);
  }

  /**
   * Applies {@code θ ← θ − α (u vᵀ θ − y u − w)} in O(nnz).
   *
   * @param alpha the step size
   * @param theta the iterate, length {@code d}, updated in place
   */
  public void apply(double alpha, double[] theta) {
    double t = -y;
    for (int k = 0; k < v.n; k++) {
      t += v.val[k] * theta[v.idx[k]];
    }
    double s = alpha * t;
    for (int k = 0; k < u.n; k++) {
      theta[u.idx[k]] -= s * u.val[k];
    }
    for (int k = 0; k < w.n; k++) {
      theta[w.idx[k]] += alpha * w.val[k];
    }
  }

  /**
   * Writes the dense form of the sample: {@code a = u vᵀ} (row-major {@code d*d}) and {@code b = y
   * u + w}.
   *
   * @param a the matrix, length {@code d*d}, overwritten
   * @param b the right-hand side, length {@code d}, overwritten
   */
  public void toDense(double[] a, double[] b) {
    Args.length("a", a, d * d);
    Args.length("b", b, d);
    Arrays.fill(a, 0);
    Arrays.fill(b, 0);
    for (int p = 0; p < u.n; p++) {
      for (int q = 0; q < v.n; q++) {
        a[u.idx[p] * d + v.idx[q]] += u.val[p] * v.val[q];
      }
      b[u.idx[p]] += y * u.val[p];
    }
    for (int k = 0; k < w.n; k++) {
      b[w.idx[k]] += w.val[k];
    }
  }
}
