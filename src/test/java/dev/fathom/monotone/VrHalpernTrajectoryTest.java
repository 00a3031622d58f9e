package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link VrHalpern} against a direct transcription of Algorithm 1 as its class comment states it
 * (full-pass schedule, PAGE estimator over a batch drawn by Floyd's algorithm, anchored step,
 * resolvent), written here from the documentation with its own bookkeeping of oracle calls and
 * residual checks (the start, every full pass after the first, a monitoring check once an interval
 * of calls has passed since the last check or the budget is spent, the final iterate if unchecked).
 * Same draws, so the iterates, the iteration count, the call counts and the whole residual history
 * must agree.
 */
class VrHalpernTrajectoryTest {

  /** What the reference run produced. */
  private record Run(
      double[] x, long iterations, long calls, long monitorCalls, long[] checks, double[] res) {}

  /** Floyd's algorithm for {@code b} distinct indices of {@code [0, n)}, with a hash set. */
  private static int[] floyd(RandomGenerator rng, int n, int b) {
    Set<Integer> chosen = new HashSet<>();
    int[] out = new int[b];
    int c = 0;
    for (int j = n - b; j < n; j++) {
      int t = rng.nextInt(j + 1);
      int pick = chosen.contains(t) ? j : t;
      chosen.add(pick);
      out[c++] = pick;
    }
    return out;
  }

  private static Run reference(
      Problem p, double eta, int b, long epochs, double checkEvery, long seed) {
    FiniteSumOperator f = p.operator();
    int n = f.size();
    int d = f.dimension();
    long budget = epochs * n;
    long interval = Math.max(1, Math.round(checkEvery * n));
    RandomGenerator rng = Rng.create(seed);
    double[] x0 = p.start();
    double[] x = x0.clone();
    double[] prev = new double[d];
    double[] est = new double[d];
    List<Long> checks = new ArrayList<>();
    List<Double> res = new ArrayList<>();
    long calls = 0;
    long monitor = n; // the residual at the start
    checks.add(0L);
    res.add(p.residual(x0));
    long last = 0;
    long k = 0;
    double sqrtN = Math.sqrt(n);
    while (calls < budget) {
      boolean full =
          k <= 1 || rng.nextDouble() < (k - 1 <= sqrtN ? 4.0 / (k + 4) : 4.0 / (sqrtN + 5));
      if (full) {
        f.apply(x, est);
        calls += n;
        if (k > 0) {
          checks.add(calls);
          res.add(p.residual(x));
          last = calls;
          if (calls >= budget) {
            break;
          }
        }
      } else {
        for (int i : floyd(rng, n, b)) {
          double[] a = new double[d];
          double[] c = new double[d];
          f.addComponent(i, 1.0, x, a);
          f.addComponent(i, 1.0, prev, c);
          for (int j = 0; j < d; j++) {
            est[j] += (a[j] - c[j]) / b;
          }
        }
        calls += 2L * b;
      }
      prev = x.clone();
      double lambda = 2.0 / (k + 4);
      double[] z = new double[d];
      for (int j = 0; j < d; j++) {
        z[j] = lambda * x0[j] + (1 - lambda) * x[j] - eta * est[j];
      }
      p.resolvent().apply(eta, z, x);
      k++;
      if (!full && (calls - last >= interval || calls >= budget)) {
        checks.add(calls);
        res.add(p.residual(x));
        monitor += n;
        last = calls;
      }
    }
    if (last != calls) { // the final iterate is checked if it was not
      checks.add(calls);
      res.add(p.residual(x));
      monitor += n;
    }
    return new Run(
        x,
        k,
        calls,
        monitor,
        checks.stream().mapToLong(Long::longValue).toArray(),
        res.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static void assertSameRun(Run want, InclusionResult got, int n) {
    assertEquals(Status.MAX_ITERATIONS, got.status());
    assertEquals(want.iterations(), got.iterations(), "iterations");
    assertEquals(want.calls(), got.oracleCalls(), "oracle calls");
    assertEquals(want.calls() / (double) n, got.epochs(), 1e-12, "epochs");
    assertEquals(want.monitorCalls(), got.monitorCalls(), "monitor calls");
    assertArrayEquals(want.checks(), got.history().oracleCalls(), "calls of the checks");
    double[] epochs = new double[want.checks().length];
    for (int i = 0; i < epochs.length; i++) {
      epochs[i] = want.checks()[i] / (double) n;
    }
    assertArrayEquals(epochs, got.history().epochs(), 1e-12);
    double[] r = got.residualHistory();
    assertEquals(want.res().length, r.length, "history length");
    for (int i = 0; i < r.length; i++) {
      assertEquals(want.res()[i], r[i], 1e-9 * want.res()[0], "residual " + i);
    }
    assertEquals(want.res()[r.length - 1], got.residual(), 1e-9 * want.res()[0]);
    assertArrayEquals(want.x(), got.solution(), 1e-9 * (1 + norm(want.x())));
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return Math.sqrt(s);
  }

  /** Least squares with n = 30 (√n ≈ 5.5, so both full-pass probabilities occur), boxed. */
  private static Problem boxedLeastSquares() {
    Problem ls = Problems.leastSquares(30, 4, 12);
    double[] lo = new double[4];
    double[] hi = new double[4];
    for (int j = 0; j < 4; j++) {
      lo[j] = -0.5;
      hi[j] = 0.3 + 0.1 * j;
    }
    return Problem.of("boxed least squares", ls.operator(), Resolvents.box(lo, hi), ls.start())
        .withLipschitz(ls.lipschitz())
        .withMeanSquareLipschitz(ls.meanSquareLipschitz())
        .withStart(new double[] {0.2, -0.1, 0.3, 0.25});
  }

  @Test
  void defaultsFollowAlgorithmOneStepByStep() {
    Problem p = boxedLeastSquares();
    int n = p.size();
    for (long epochs : new long[] {1, 3, 40}) {
      Run want = reference(p, 1.0 / p.lipschitz(), (int) Math.floor(Math.sqrt(n)), epochs, 1, 5);
      assertSameRun(want, new VrHalpern(5).solve(p, StoppingRule.budget(epochs)), n);
    }
  }

  @Test
  void stepBatchAndCheckIntervalAreTheOnesGiven() {
    Problem p = boxedLeastSquares();
    int n = p.size();
    Run want = reference(p, 0.3 / p.lipschitz(), 7, 25, 0.5, 11);
    VrHalpern s = new VrHalpern(11).withStep(0.3 / p.lipschitz()).withBatch(7).withCheckEvery(0.5);
    assertSameRun(want, s.solve(p, StoppingRule.budget(25)), n);
    // a batch larger than n is capped at n
    Run all = reference(p, 0.5 / p.lipschitz(), n, 10, 2.5, 13);
    VrHalpern capped = new VrHalpern(13).withStep(0.5 / p.lipschitz()).withBatch(n + 9);
    assertSameRun(all, capped.withCheckEvery(2.5).solve(p, StoppingRule.budget(10)), n);
  }

  @Test
  void unconstrainedRunsFollowTheSameRecursion() {
    Problem p = Problems.leastSquares(50, 6, 21).withStart(Rng.gaussian(Rng.create(2), 6));
    int n = p.size();
    Run want = reference(p, 1.0 / p.lipschitz(), 7, 30, 1, 17);
    assertSameRun(want, new VrHalpern(17).solve(p, StoppingRule.budget(30)), n);
  }
}
