package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.Arrays;

/** Shared argument checks and bookkeeping of the iterative solvers. */
final class Solves {
  private Solves() {}

  /** Residual growth beyond this factor of the reference counts as divergence. */
  static final double DIVERGENCE = 1e12;

  static double omega(double omega) {
    return Args.inOpenRange("omega", omega, 0, 2);
  }

  /** Validates a grid of omega values (non-empty, each in (0, 2)) and returns a copy. */
  static double[] grid(double[] grid) {
    Args.notNull("grid", grid);
    if (grid.length == 0) {
      throw Args.fail("grid.length", 0, "at least one omega");
    }
    for (int i = 0; i < grid.length; i++) {
      Args.inOpenRange("grid[" + i + "]", grid[i], 0, 2);
    }
    return grid.clone();
  }

  /** Checks b and x0 against dimension n; returns a fresh copy of x0 (zeros when null). */
  static double[] start(int n, double[] b, double[] x0) {
    Args.length("b", b, n);
    Args.finite("b", b);
    if (x0 == null) {
      return new double[n];
    }
    Args.length("x0", x0, n);
    Args.finite("x0", x0);
    return x0.clone();
  }

  /**
   * Records the relative residual of the initial guess; returns the finished result when the
   * initial guess already meets the tolerance, else null.
   */
  static SolveResult initial(
      double[] x, double r0, double ref, StoppingRule rule, History history) {
    double rel = r0 == 0 ? 0.0 : r0 / ref;
    history.add(rel);
    if (rel < rule.tolerance()) {
      return new SolveResult(x, 0, rel, history.toArray(), SolveStatus.CONVERGED);
    }
    return null;
  }

  /** A growable record of relative residuals; inert when disabled. */
  static final class History {
    private double[] data;
    private int size;

    History(boolean enabled) {
      data = enabled ? new double[16] : null;
    }

    void add(double v) {
      if (data == null) {
        return;
      }
      if (size == data.length) {
        data = Arrays.copyOf(data, 2 * size);
      }
      data[size++] = v;
    }

    double[] toArray() {
      return data == null ? new double[0] : Arrays.copyOf(data, size);
    }
  }
}
