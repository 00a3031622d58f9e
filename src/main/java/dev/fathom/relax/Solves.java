package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.Progress;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import java.util.Arrays;

/** Shared argument checks and bookkeeping of the iterative solvers. */
final class Solves {
  private Solves() {}

  /** Residual growth beyond this factor of {@code ||r0||} counts as divergence. */
  static final double DIVERGENCE = 1e12;

  /** The iteration count of a solve as the int cost the tuning loops add up. */
  static int cost(SolveResult r) {
    return Math.toIntExact(r.iterations());
  }

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
   * The bookkeeping of one solve: the stopping rule's threshold against {@code ||r0||}, the
   * residual history, the listener and its cancellation, and the result.
   */
  static final class Run {
    private final StoppingRule rule;
    private final IterationListener listener;
    private final Progress progress = new Progress();
    private final History history;
    private final double r0;
    private final double threshold;

    Run(StoppingRule rule, IterationListener listener, double r0) {
      this.rule = rule;
      this.listener = listener;
      this.history = new History(rule.keepHistory());
      this.r0 = r0;
      this.threshold = rule.threshold(r0);
      history.add(r0);
    }

    long maxIterations() {
      return rule.maxIterations();
    }

    /** Whether the listener watches (so that solvers can skip preparing its iterate). */
    boolean watched() {
      return listener != IterationListener.NONE;
    }

    /** Whether {@code r} meets the rule (r0 = 0 always does). */
    boolean met(double r) {
      return r <= threshold || r == 0;
    }

    /**
     * The start: CONVERGED when x0 already meets the rule, else null (the listener is not called).
     */
    Status initial() {
      return met(r0) ? Status.CONVERGED : null;
    }

    /**
     * Iterate {@code k} ({@code x}, residual {@code r}) was checked: records it, tells the listener
     * and returns the status to stop with, or null to go on. CONVERGED and DIVERGED win over a
     * cancellation at the same check.
     */
    Status check(long k, double r, double[] x) {
      history.add(r);
      listener.onIteration(progress.update(k, k, r, x));
      if (met(r)) {
        return Status.CONVERGED;
      }
      if (!(r < DIVERGENCE * r0)) {
        return Status.DIVERGED;
      }
      return progress.isCancelled() ? Status.CANCELLED : null;
    }

    /** Records a check without a stop decision (the final residual of a capped run). */
    void record(double r) {
      history.add(r);
    }

    SolveResult result(double[] x, long k, double r, Status status) {
      return new SolveResult(x, status, k, r, r0, history.toArray());
    }
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
