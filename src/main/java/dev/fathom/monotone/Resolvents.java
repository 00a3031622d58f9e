package dev.fathom.monotone;

import dev.fathom.core.Args;
import java.util.Arrays;

/**
 * Factories for common resolvents: the identity, projections onto boxes, simplices and Euclidean
 * balls, products of blocks, and the proximal maps of the ℓ1 norm and the squared ℓ2 norm. The
 * simplex projection is the sort-based {@code O(d log d)} algorithm.
 *
 * @since 1.0
 */
public final class Resolvents {
  private Resolvents() {}

  /** A resolvent on a block of a fixed dimension. */
  private abstract static class Block implements Resolvent {
    final int dim;

    Block(int dim) {
      this.dim = dim;
    }

    @Override
    public int dimension() {
      return dim;
    }
  }

  /**
   * The identity on {@code R^d} ({@code G = 0}, the unconstrained case).
   *
   * @param d the dimension, at least 1
   * @return the identity resolvent
   */
  public static Resolvent identity(int d) {
    Args.positive("d", d);
    return new Block(d) {
      @Override
      public void apply(double step, double[] z, int from, double[] out) {
        if (out != z) {
          System.arraycopy(z, from, out, from, d);
        }
      }

      @Override
      public boolean isIdentity() {
        return true;
      }
    };
  }

  /**
   * Projection onto the box {@code lo ≤ x ≤ hi} (entries may be infinite).
   *
   * @param lo the lower bounds, no NaN
   * @param hi the upper bounds, no NaN, {@code hi[j] ≥ lo[j]}
   * @return the projection
   */
  public static Resolvent box(double[] lo, double[] hi) {
    Args.sameLength("lo", lo, "hi", hi);
    if (lo.length == 0) {
      throw Args.fail("lo.length", 0, "at least 1");
    }
    double[] l = lo.clone();
    double[] h = hi.clone();
    for (int j = 0; j < l.length; j++) {
      if (Double.isNaN(l[j]) || Double.isNaN(h[j]) || h[j] < l[j]) {
        throw Args.fail("hi[" + j + "]", h[j], "a number at least lo[" + j + "] = " + l[j]);
      }
    }
    return new Block(l.length) {
      @Override
      public void apply(double step, double[] z, int from, double[] out) {
        for (int j = 0; j < l.length; j++) {
          out[from + j] = Math.min(h[j], Math.max(l[j], z[from + j]));
        }
      }
    };
  }

  /**
   * Projection onto the box {@code [lo, hi]^d}.
   *
   * @param d the dimension, at least 1
   * @param lo the lower bound
   * @param hi the upper bound, at least {@code lo}
   * @return the projection
   */
  public static Resolvent box(int d, double lo, double hi) {
    Args.positive("d", d);
    Args.size("d", d);
    double[] l = new double[d];
    double[] h = new double[d];
    Arrays.fill(l, lo);
    Arrays.fill(h, hi);
    return box(l, h);
  }

  /**
   * Projection onto the non-negative orthant of {@code R^d}.
   *
   * @param d the dimension, at least 1
   * @return the projection
   */
  public static Resolvent nonNegative(int d) {
    return box(d, 0.0, Double.POSITIVE_INFINITY);
  }

  /**
   * Projection onto the simplex {@code {x ≥ 0, Σ x = radius}} of {@code R^d}, by sorting.
   *
   * @param d the dimension, at least 1
   * @param radius the sum, finite and positive
   * @return the projection (holds workspace; not thread-safe)
   */
  public static Resolvent simplex(int d, double radius) {
    Args.positive("d", d);
    Args.positive("radius", radius);
    Args.size("d", d);
    double[] work = new double[d];
    return new Block(d) {
      @Override
      public void apply(double step, double[] z, int from, double[] out) {
        projectSimplex(z, from, d, radius, out, work);
      }
    };
  }

  /**
   * Projection onto the Euclidean ball {@code {‖x‖ ≤ radius}} of {@code R^d}.
   *
   * @param d the dimension, at least 1
   * @param radius the radius, finite and positive
   * @return the projection
   */
  public static Resolvent ball(int d, double radius) {
    Args.positive("d", d);
    Args.positive("radius", radius);
    return new Block(d) {
      @Override
      public void apply(double step, double[] z, int from, double[] out) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += z[from + j] * z[from + j];
        }
        double norm = Math.sqrt(s);
        double f = norm > radius ? radius / norm : 1.0;
        for (int j = 0; j < d; j++) {
          out[from + j] = f * z[from + j];
        }
      }
    };
  }

  /**
   * The proximal map of {@code g(x) = weight·‖x‖₁} on {@code R^d}: soft thresholding at {@code
   * η·weight}.
   *
   * @param d the dimension, at least 1
   * @param weight the weight, finite and non-negative
   * @return the proximal map
   */
  public static Resolvent l1(int d, double weight) {
    Args.positive("d", d);
    Args.nonNegative("weight", weight);
    return new Block(d) {
      @Override
      public void apply(double step, double[] z, int from, double[] out) {
        double t = step * weight;
        for (int j = 0; j < d; j++) {
          double v = z[from + j];
          out[from + j] = v > t ? v - t : (v < -t ? v + t : 0.0);
        }
      }
    };
  }

  /**
   * The proximal map of {@code g(x) = (weight/2)·‖x‖²} on {@code R^d}: {@code x / (1 + η·weight)}.
   *
   * @param d the dimension, at least 1
   * @param weight the weight, finite and non-negative
   * @return the proximal map
   */
  public static Resolvent squaredL2(int d, double weight) {
    Args.positive("d", d);
    Args.nonNegative("weight", weight);
    return new Block(d) {
      @Override
      public void apply(double step, double[] z, int from, double[] out) {
        double f = 1.0 / (1.0 + step * weight);
        for (int j = 0; j < d; j++) {
          out[from + j] = f * z[from + j];
        }
      }
    };
  }

  /**
   * The product resolvent: block {@code k} acts on the coordinates after the blocks before it
   * ({@code G} separable across the blocks).
   *
   * @param blocks the blocks, at least one
   * @return the product, of dimension the sum of the blocks' dimensions
   */
  public static Resolvent product(Resolvent... blocks) {
    Args.notNull("blocks", blocks);
    if (blocks.length == 0) {
      throw Args.fail("blocks.length", 0, "at least one block");
    }
    Resolvent[] parts = blocks.clone();
    int total = 0;
    boolean identity = true;
    for (int k = 0; k < parts.length; k++) {
      Args.notNull("blocks[" + k + "]", parts[k]);
      total += parts[k].dimension();
      identity &= parts[k].isIdentity();
    }
    int dim = total;
    boolean allIdentity = identity;
    return new Block(dim) {
      @Override
      public void apply(double step, double[] z, int from, double[] out) {
        int off = from;
        for (Resolvent r : parts) {
          r.apply(step, z, off, out);
          off += r.dimension();
        }
      }

      @Override
      public boolean isIdentity() {
        return allIdentity;
      }
    };
  }

  /**
   * Euclidean projection of {@code v} onto the simplex {@code {x ≥ 0, Σ x = radius}} (sort-based).
   *
   * @param v the point, finite entries
   * @param radius the sum, finite and positive
   * @return the projection, a new array
   */
  public static double[] projectSimplex(double[] v, double radius) {
    Args.finite("v", v);
    if (v.length == 0) {
      throw Args.fail("v.length", 0, "at least 1");
    }
    Args.positive("radius", radius);
    double[] out = new double[v.length];
    projectSimplex(v, 0, v.length, radius, out, new double[v.length]);
    return out;
  }

  /**
   * In-place capable kernel: projects {@code v[from..from+m)} into {@code out[from..)}. Only the
   * entries above {@code θ₀ = (Σv − radius)/m} are sorted: the threshold {@code θ*} of the
   * projection is at least {@code θ₀} (Michelot's thresholds increase from {@code θ₀} to {@code
   * θ*}), so smaller entries are never in the support. At least one entry exceeds {@code θ₀}.
   */
  static void projectSimplex(
      double[] v, int from, int m, double radius, double[] out, double[] work) {
    double total = 0;
    for (int j = 0; j < m; j++) {
      total += v[from + j];
    }
    double theta0 = (total - radius) / m;
    int k = 0;
    for (int j = 0; j < m; j++) {
      if (v[from + j] > theta0) {
        work[k++] = v[from + j];
      }
    }
    Arrays.sort(work, 0, k);
    double cumulative = 0;
    double theta = theta0;
    for (int j = k - 1; j >= 0; j--) {
      cumulative += work[j];
      double t = (cumulative - radius) / (k - j);
      if (j == 0 || work[j - 1] <= t) {
        theta = t;
        break;
      }
    }
    for (int j = 0; j < m; j++) {
      out[from + j] = Math.max(v[from + j] - theta, 0.0);
    }
  }
}
