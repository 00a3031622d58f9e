package dev.fathom.submodular.streaming;

import dev.fathom.core.Args;
import dev.fathom.submodular.function.FeatureBased;
import java.util.function.ToDoubleBiFunction;

/** The {@link PointObjective} implementations. */
final class PointObjectives {
  private PointObjectives() {}

  private static void checkRow(String name, double[] row, int d, boolean nonNegative) {
    Args.notNull(name, row);
    if (row.length != d) {
      throw Args.fail(name + ".length", row.length, "the dimension " + d);
    }
    for (int j = 0; j < d; j++) {
      double v = row[j];
      if (!Double.isFinite(v) || (nonNegative && v < 0)) {
        throw Args.fail(
            name + "[" + j + "]", v, nonNegative ? "a finite non-negative number" : "finite");
      }
    }
  }

  /** {@code sum_u w_u phi(sum_{x in S} x_u)}; state: the column sums. */
  static final class Features implements PointObjective {
    private final double[] w;
    private final FeatureBased.Concave phi;

    Features(double[] w, FeatureBased.Concave phi) {
      this.w = w;
      this.phi = phi;
    }

    @Override
    public int dimension() {
      return w.length;
    }

    @Override
    public void check(String name, double[] row) {
      checkRow(name, row, w.length, true);
    }

    @Override
    public State empty() {
      return new Sums(new double[w.length]);
    }

    private final class Sums implements State {
      private final double[] sums;

      Sums(double[] sums) {
        this.sums = sums;
      }

      @Override
      public double gain(double[] x) {
        double g = 0;
        for (int u = 0; u < sums.length; u++) {
          if (x[u] != 0) {
            g += w[u] * (phi.apply(sums[u] + x[u]) - phi.apply(sums[u]));
          }
        }
        return g;
      }

      @Override
      public void add(double[] x) {
        for (int u = 0; u < sums.length; u++) {
          sums[u] += x[u];
        }
      }

      @Override
      public State copy() {
        return new Sums(sums.clone());
      }

      @Override
      public int doubles() {
        return sums.length;
      }
    }
  }

  /** {@code sum_r max(0, max_{x in S} s(x, r))}; state: the per-reference maxima. */
  static final class Reference implements PointObjective {
    private final double[][] reference;
    private final int d;
    private final ToDoubleBiFunction<double[], double[]> s;

    Reference(double[][] reference, int d, ToDoubleBiFunction<double[], double[]> s) {
      this.reference = reference;
      this.d = d;
      this.s = s;
    }

    @Override
    public int dimension() {
      return d;
    }

    @Override
    public void check(String name, double[] row) {
      checkRow(name, row, d, false);
    }

    @Override
    public State empty() {
      return new Maxima(new double[reference.length]);
    }

    private double similarity(double[] x, int r) {
      double v = s.applyAsDouble(x, reference[r]);
      if (!Double.isFinite(v)) {
        throw Args.fail("similarity(x, reference[" + r + "])", v, "a finite similarity");
      }
      return v;
    }

    private final class Maxima implements State {
      private final double[] best;

      Maxima(double[] best) {
        this.best = best;
      }

      @Override
      public double gain(double[] x) {
        double g = 0;
        for (int r = 0; r < best.length; r++) {
          g += Math.max(0, similarity(x, r) - best[r]);
        }
        return g;
      }

      @Override
      public void add(double[] x) {
        for (int r = 0; r < best.length; r++) {
          best[r] = Math.max(best[r], similarity(x, r));
        }
      }

      @Override
      public State copy() {
        return new Maxima(best.clone());
      }

      @Override
      public int doubles() {
        return best.length;
      }
    }
  }
}
