package dev.fathom.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.WeightedCoverage;
import dev.fathom.submodular.similarity.Similarity;
import java.util.random.RandomGenerator;

/** Shared test instances and brute-force references of the submodular tests. */
public final class Instances {
  private Instances() {}

  public static double[][] points(RandomGenerator rng, int n, int d) {
    double[][] p = new double[n][d];
    for (double[] r : p) {
      Rng.gaussian(rng, r);
    }
    return p;
  }

  /** Dense facility location on Gaussian points with apricot's s = max D - D. */
  public static FacilityLocation facility(long seed, int n) {
    return new FacilityLocation(Similarity.squaredEuclidean(points(Rng.create(seed), n, 2)));
  }

  public static double[][] symmetric(RandomGenerator rng, int n) {
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        s[i][j] = s[j][i] = rng.nextDouble();
      }
    }
    return s;
  }

  /** A random coverage instance: n sets over m items, each item in a set with probability p. */
  public static WeightedCoverage coverage(long seed, int n, int m, double p) {
    RandomGenerator rng = Rng.create(seed);
    int[][] sets = new int[n][];
    for (int j = 0; j < n; j++) {
      int[] buf = new int[m];
      int c = 0;
      for (int u = 0; u < m; u++) {
        if (rng.nextDouble() < p) {
          buf[c++] = u;
        }
      }
      sets[j] = java.util.Arrays.copyOf(buf, c);
    }
    double[] w = new double[m];
    Rng.uniform(rng, 0.5, 1.5, w);
    return new WeightedCoverage(sets, w);
  }

  /** The set whose bits are set in mask. */
  public static int[] subset(int mask) {
    int[] s = new int[Integer.bitCount(mask)];
    int t = 0;
    for (int e = 0; mask != 0; e++, mask >>>= 1) {
      if ((mask & 1) != 0) {
        s[t++] = e;
      }
    }
    return s;
  }

  /** Exhaustive optimum over sets of size <= k accepted by the constraint (n <= 20). */
  public static double bruteForce(SetFunction f, Constraint c, int k) {
    int n = f.groundSize();
    double best = 0;
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) > k) {
        continue;
      }
      int[] s = subset(mask);
      if (!feasible(c, s)) {
        continue;
      }
      best = Math.max(best, f.evaluate(s));
    }
    return best;
  }

  public static boolean feasible(Constraint c, int[] s) {
    Constraint.Tracker t = c.start();
    for (int e : s) {
      if (!t.canAdd(e)) {
        return false;
      }
      t.add(e);
    }
    return true;
  }

  /** Exhaustive optimum of f over the given live ids, size <= k. */
  public static double bruteForce(SetFunction f, int[] live, int k) {
    int m = live.length;
    double best = 0;
    for (int mask = 0; mask < (1 << m); mask++) {
      if (Integer.bitCount(mask) > k) {
        continue;
      }
      int[] bits = subset(mask);
      int[] s = new int[bits.length];
      for (int t = 0; t < s.length; t++) {
        s[t] = live[bits[t]];
      }
      best = Math.max(best, f.evaluate(s));
    }
    return best;
  }

  /** Element e in part e mod p. */
  public static int[] parts(int n, int p) {
    int[] part = new int[n];
    for (int e = 0; e < n; e++) {
      part[e] = e % p;
    }
    return part;
  }

  /** The Gram matrix x x^T. */
  public static double[][] gram(double[][] x) {
    int n = x.length;
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int c = 0; c < x[0].length; c++) {
          s += x[i][c] * x[j][c];
        }
        g[i][j] = s;
      }
    }
    return g;
  }

  /**
   * Greedy written out with whole-set evaluations: from {@code start}, adds the element of largest
   * gain (ties within 1e-12 to the lowest id) until the set has k elements; stops at a non-positive
   * gain unless {@code full}. Returns the added elements.
   */
  public static int[] handGreedy(SetFunction f, int[] start, int k, boolean full) {
    int[] s = start.clone();
    while (s.length < k) {
      double base = f.evaluate(s);
      int best = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int e = 0; e < f.groundSize(); e++) {
        final int ee = e;
        if (java.util.Arrays.stream(s).noneMatch(x -> x == ee)) {
          int[] t = java.util.Arrays.copyOf(s, s.length + 1);
          t[s.length] = e;
          double g = f.evaluate(t) - base;
          if (best < 0 || g > bestGain + 1e-12) {
            bestGain = g;
            best = e;
          }
        }
      }
      if (best < 0 || (!full && !(bestGain > 0))) {
        break;
      }
      s = java.util.Arrays.copyOf(s, s.length + 1);
      s[s.length - 1] = best;
    }
    return java.util.Arrays.copyOfRange(s, start.length, s.length);
  }

  /** The best f(T) over feasible T containing the start set, |T| <= k, by enumeration. */
  public static double bruteForceFrom(SetFunction f, int[] start, Constraint c, int k) {
    int must = 0;
    for (int e : start) {
      must |= 1 << e;
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int mask = 0; mask < (1 << f.groundSize()); mask++) {
      if ((mask & must) == must && Integer.bitCount(mask) <= k) {
        // the start elements first, as the optimizers add them
        int[] rest = subset(mask & ~must);
        int[] s = new int[start.length + rest.length];
        System.arraycopy(start, 0, s, 0, start.length);
        System.arraycopy(rest, 0, s, start.length, rest.length);
        if (feasible(c, s)) {
          best = Math.max(best, f.evaluate(s));
        }
      }
    }
    return best;
  }
}
