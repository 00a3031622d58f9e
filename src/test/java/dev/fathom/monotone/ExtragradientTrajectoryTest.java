package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link ExtraGradient} (EG, EAG) and {@link VrExtraGradient} against transcriptions of the
 * recursions their class comments state, with their own bookkeeping of oracle calls and residual
 * checks (the start; a free check at every full pass at the current point after the first; for
 * VR-EG a monitoring check once an interval of calls has passed since the last check or the budget
 * is spent; the final point if unchecked). Same draws, so iterates, counts and histories agree.
 */
class ExtragradientTrajectoryTest {

  /** The reference's bookkeeping, mirroring what an {@link InclusionResult} reports. */
  private static final class Book {
    final Problem p;
    final long budget;
    final List<Long> checks = new ArrayList<>();
    final List<Double> res = new ArrayList<>();
    long calls;
    long monitor;
    long last;

    Book(Problem p, long epochs) {
      this.p = p;
      this.budget = epochs * p.size();
      checks.add(0L);
      res.add(p.residual(p.start()));
      monitor = p.size();
    }

    double[] full(double[] x) {
      double[] out = new double[x.length];
      p.operator().apply(x, out);
      calls += p.size();
      return out;
    }

    /** A check at {@code x}; returns true when the budget is spent (the run stops). */
    boolean check(double[] x, boolean charged) {
      checks.add(calls);
      res.add(p.residual(x));
      last = calls;
      if (charged) {
        monitor += p.size();
      }
      return calls >= budget;
    }

    void finish(double[] x) {
      if (last != calls) {
        check(x, true);
      }
    }
  }

  private static double[] resolve(Problem p, double step, double[] z) {
    double[] out = new double[z.length];
    p.resolvent().apply(step, z, out);
    return out;
  }

  private static long extragradient(
      Problem p, boolean anchored, double eta, Book book, double[] z) {
    double[] z0 = p.start();
    int d = z.length;
    long k = 0;
    while (book.calls < book.budget) {
      double[] fz = book.full(z);
      if (k > 0 && book.check(z, false)) {
        break;
      }
      double lambda = anchored ? 1.0 / (k + 2) : 0;
      double[] bar = new double[d];
      for (int j = 0; j < d; j++) {
        bar[j] = lambda * z0[j] + (1 - lambda) * z[j] - eta * fz[j];
      }
      bar = resolve(p, eta, bar);
      double[] fbar = book.full(bar);
      double[] next = new double[d];
      for (int j = 0; j < d; j++) {
        next[j] = lambda * z0[j] + (1 - lambda) * z[j] - eta * fbar[j];
      }
      System.arraycopy(resolve(p, eta, next), 0, z, 0, d);
      k++;
    }
    book.finish(z);
    return k;
  }

  private static long vrExtragradient(
      Problem p, double gamma, double prob, double checkEvery, long seed, Book book, double[] z) {
    FiniteSumOperator f = p.operator();
    int n = p.size();
    int d = z.length;
    long interval = Math.max(1, Math.round(checkEvery * n));
    RandomGenerator rng = Rng.create(seed);
    double[] w = z.clone();
    double[] fw = book.full(w);
    long k = 0;
    while (book.calls < book.budget) {
      double[] bar = new double[d];
      double[] half = new double[d];
      for (int j = 0; j < d; j++) {
        bar[j] = (1 - prob) * z[j] + prob * w[j];
        half[j] = bar[j] - gamma * fw[j];
      }
      half = resolve(p, gamma, half);
      int i = rng.nextInt(n);
      double[] fh = new double[d];
      double[] fwi = new double[d];
      f.addComponent(i, 1.0, half, fh);
      f.addComponent(i, 1.0, w, fwi);
      book.calls += 2;
      double[] next = new double[d];
      for (int j = 0; j < d; j++) {
        next[j] = bar[j] - gamma * (fw[j] + fh[j] - fwi[j]);
      }
      System.arraycopy(resolve(p, gamma, next), 0, z, 0, d);
      k++;
      if (rng.nextDouble() < prob) {
        w = z.clone();
        fw = book.full(w);
        if (book.check(w, false)) {
          break;
        }
      } else if (book.calls - book.last >= interval || book.calls >= book.budget) {
        if (book.check(z, true)) {
          break;
        }
      }
    }
    book.finish(z);
    return k;
  }

  private static void assertSameRun(Book want, double[] x, long k, InclusionResult got) {
    assertEquals(Status.MAX_ITERATIONS, got.status());
    assertEquals(k, got.iterations(), "iterations");
    assertEquals(want.calls, got.oracleCalls(), "oracle calls");
    assertEquals(want.monitor, got.monitorCalls(), "monitor calls");
    long[] checks = want.checks.stream().mapToLong(Long::longValue).toArray();
    assertArrayEquals(checks, got.history().oracleCalls(), "calls of the checks");
    double[] r = got.residualHistory();
    assertEquals(want.res.size(), r.length, "history length");
    double scale = want.res.get(0);
    for (int i = 0; i < r.length; i++) {
      assertEquals(want.res.get(i), r[i], 1e-9 * scale, "residual " + i);
    }
    assertEquals(want.res.get(r.length - 1), got.residual(), 1e-9 * scale);
    assertArrayEquals(x, got.solution(), 1e-9 * (1 + Math.abs(x[0])));
  }

  private static Problem boxedBilinear() {
    return Problems.regularizedBilinear(4, 3, 7, 0.2, true, 9)
        .withStart(new double[] {0.5, -0.3, 0.2, 0.1, -0.6, 0.4, 0.05});
  }

  @Test
  void extragradientAndAnchoredExtragradientFollowTheirRecursions() {
    Problem p = boxedBilinear();
    double lf = p.lipschitz();
    for (long epochs : new long[] {1, 4, 41}) {
      Object[][] cases = {
        {ExtraGradient.eg(), false, 0.9 / lf},
        {ExtraGradient.eag(), true, 0.5 / lf},
        {ExtraGradient.eagProven(), true, ExtraGradient.PROVEN_EAG_STEP_FACTOR / lf},
        {ExtraGradient.eg(0.3 / lf), false, 0.3 / lf},
        {ExtraGradient.eag(0.7 / lf), true, 0.7 / lf}
      };
      for (Object[] c : cases) {
        Book book = new Book(p, epochs);
        double[] z = p.start();
        long k = extragradient(p, (Boolean) c[1], (Double) c[2], book, z);
        MonotoneSolver s = (MonotoneSolver) c[0];
        assertSameRun(book, z, k, s.solve(p, StoppingRule.budget(epochs)));
      }
    }
  }

  @Test
  void varianceReducedExtragradientFollowsItsRecursion() {
    Problem p = boxedBilinear();
    int n = p.size();
    double prob = 1.0 / n;
    for (long epochs : new long[] {2, 30}) {
      Book book = new Book(p, epochs);
      double[] z = p.start();
      double gamma = 0.99 * Math.sqrt(prob) / p.meanSquareLipschitz();
      long k = vrExtragradient(p, gamma, prob, 1, 4, book, z);
      assertSameRun(book, z, k, new VrExtraGradient(4).solve(p, StoppingRule.budget(epochs)));
    }
    Book book = new Book(p, 25);
    double[] z = p.start();
    double gamma = 0.4 / p.lipschitz();
    long k = vrExtragradient(p, gamma, 0.3, 0.5, 6, book, z);
    VrExtraGradient s =
        new VrExtraGradient(Rng.create(6)).withStep(gamma).withProbability(0.3).withCheckEvery(0.5);
    assertSameRun(book, z, k, s.solve(p, StoppingRule.budget(25)));
  }
}
