package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.Progress;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import java.util.Arrays;

/**
 * Residual checks, history, budget, listener and status for one solver run. The stopping rule's
 * reference is the residual at the start; its budget counts epochs. Package-private plumbing.
 */
final class Monitor {
  /** A residual this many times the initial one is taken as divergence. */
  static final double BLOW_UP = 1e8;

  private final Problem problem;
  private final StoppingRule rule;
  private final CountingOperator counted;
  private final IterationListener listener;
  private final Progress progress = new Progress();
  private final long budget;
  private final long interval;
  private final double[] fx;
  private final double[] work;
  private long lastCheck = -1;
  private long monitorCalls;
  private double residual = Double.NaN;
  private double initial;
  private double threshold;
  private long iteration;
  private Status status;
  private long[] calls = new long[64];
  private double[] residuals = new double[64];
  private int size;

  /**
   * Wraps the problem's operator in a counter and evaluates the residual at the start; between free
   * checks, a monitoring check comes every {@code checkEveryEpochs} epochs.
   */
  Monitor(Problem problem, StoppingRule rule, IterationListener listener, double checkEveryEpochs) {
    this.problem = Args.notNull("problem", problem);
    this.rule = Args.notNull("rule", rule);
    this.listener = Args.notNull("listener", listener);
    this.counted = new CountingOperator(problem.operator());
    int n = problem.size();
    long epochs = rule.maxIterations();
    this.budget = epochs > Long.MAX_VALUE / n ? Long.MAX_VALUE : epochs * n;
    this.interval = Math.max(1L, Math.round(checkEveryEpochs * n));
    this.fx = new double[problem.dimension()];
    this.work = new double[problem.dimension()];
    start(problem.start());
  }

  /** The counted operator the method must use. */
  CountingOperator op() {
    return counted;
  }

  /** Whether the run is over (the start already met the tolerance, or a check said stop). */
  boolean done() {
    return status != null;
  }

  /** Evaluates the residual at the start; throws on a non-finite {@code F(x0)}. */
  private boolean start(double[] x0) {
    problem.operator().apply(x0, fx);
    monitorCalls += problem.size();
    for (int j = 0; j < fx.length; j++) {
      if (!Double.isFinite(fx[j])) {
        throw Args.fail("F(x0)[" + j + "]", fx[j], "a finite operator value");
      }
    }
    initial = problem.naturalResidual(x0, fx, work);
    threshold = rule.threshold(initial);
    return record(x0, initial);
  }

  /** Whether the budget is spent. */
  boolean budgetSpent() {
    return counted.calls() >= budget;
  }

  /** After iteration {@code k} ending at {@code x}: checks when due; returns true to stop. */
  boolean step(double[] x, long k) {
    if (status != null) {
      return true;
    }
    iteration = k;
    long c = counted.calls();
    if (c - lastCheck >= interval || c >= budget) {
      return check(x);
    }
    return false;
  }

  private boolean check(double[] x) {
    problem.operator().apply(x, fx);
    monitorCalls += problem.size();
    return record(x, problem.naturalResidual(x, fx, work));
  }

  /** A check at iterate {@code k}, {@code x}, charged as monitoring; returns true to stop. */
  boolean monitorCheck(double[] x, long k) {
    if (status != null) {
      return true;
    }
    iteration = k;
    return check(x);
  }

  /** A free check at iterate {@code k}: {@code fxExact = F(x)} was computed by the method. */
  boolean exact(double[] x, double[] fxExact, long k) {
    if (status != null) {
      return true;
    }
    iteration = k;
    return record(x, problem.naturalResidual(x, fxExact, work));
  }

  private boolean record(double[] x, double r) {
    long c = counted.calls();
    if (size == calls.length) {
      calls = Arrays.copyOf(calls, 2 * size);
      residuals = Arrays.copyOf(residuals, 2 * size);
    }
    calls[size] = c;
    residuals[size++] = r;
    lastCheck = c;
    residual = r;
    listener.onIteration(progress.update(iteration, c, r, x));
    if (!Double.isFinite(r) || r > BLOW_UP * Math.max(initial, Double.MIN_NORMAL)) {
      status = Status.DIVERGED;
    } else if (r <= threshold) {
      status = Status.CONVERGED;
    } else if (progress.isCancelled()) {
      status = Status.CANCELLED;
    } else if (c >= budget) {
      status = Status.MAX_ITERATIONS;
    }
    return status != null;
  }

  /** Builds the result, first checking the final iterate if it has not been checked. */
  InclusionResult result(String method, double[] x, long iterations) {
    if (lastCheck != counted.calls() && status != Status.CANCELLED) {
      status = null;
      iteration = iterations;
      check(x);
    }
    if (status == null) {
      status = Status.MAX_ITERATIONS;
    }
    int n = problem.size();
    long[] c = Arrays.copyOf(calls, size);
    double[] e = new double[size];
    for (int k = 0; k < size; k++) {
      e[k] = c[k] / (double) n;
    }
    return new InclusionResult(
        method,
        x.clone(),
        status,
        residual,
        iterations,
        counted.calls(),
        counted.epochs(),
        monitorCalls,
        new OracleHistory(c, e, Arrays.copyOf(residuals, size)));
  }
}
