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
 * {@link InexactHalpern} against a direct transcription of its class comment: the outer Halpern
 * step {@code x_{k+1} = x0/(k+2) + (1 − 1/(k+2)) J̃_k}, the inner-loop lengths, the VR-FoRB and
 * deterministic FoRB inner steps, the default constants, and the bookkeeping (a free residual check
 * at {@code x_k} from the inner loop's first pass when {@code k > 0}, a monitoring check at {@code
 * J̃_k}, the budget in oracle calls). Same draws, so iterates, counts and histories must agree.
 */
class InexactHalpernTrajectoryTest {

  private record Run(
      double[] x, long iterations, long calls, long monitorCalls, long[] checks, double[] res) {}

  /** The reference run; {@code c}, {@code gamma} are the constants to use, {@code a} the factor. */
  private static Run reference(
      Problem p, boolean vr, double c, double gamma, double a, long epochs, long seed) {
    FiniteSumOperator f = p.operator();
    Resolvent g = p.resolvent();
    int n = f.size();
    int d = f.dimension();
    long budget = epochs * n;
    double prob = 1.0 / n;
    RandomGenerator rng = Rng.create(seed);
    List<Long> checks = new ArrayList<>();
    List<Double> res = new ArrayList<>();
    checks.add(0L);
    res.add(p.residual(p.start()));
    long[] calls = {0};
    long monitor = n;
    long last = 0;
    double[] x0 = p.start();
    double[] x = x0.clone();
    double[] v = x0.clone();
    long k = 0;
    while (calls[0] < budget) {
      double[] u = x.clone();
      long steps =
          vr
              ? Math.max(1, (long) Math.floor(a * n * Math.log(k + 2)))
              : Math.max(1, (long) Math.ceil(a * Math.log(k + 2)));
      // first pass of the inner loop: F(u), a free check at u = x_k when k > 0
      double[] fu = full(f, u, calls);
      if (k > 0) {
        checks.add(calls[0]);
        res.add(p.residual(u));
        last = calls[0];
        if (calls[0] >= budget) {
          return run(u, k, calls[0], monitor, checks, res);
        }
      }
      double[] gu = new double[d]; // g(u) = cF(u) + u − u
      for (int j = 0; j < d; j++) {
        gu[j] = c * fu[j];
      }
      v = u.clone();
      if (vr && n > 1) {
        double[] w = u.clone();
        double[] wPrev = u.clone();
        double[] gw = gu.clone();
        for (long t = 0; t < steps && calls[0] < budget; t++) {
          int i = rng.nextInt(n);
          double[] fv = new double[d];
          double[] fp = new double[d];
          f.addComponent(i, 1.0, v, fv);
          f.addComponent(i, 1.0, wPrev, fp);
          calls[0] += 2;
          double[] z = new double[d];
          for (int j = 0; j < d; j++) {
            double dir = gw[j] + c * (fv[j] - fp[j]) + v[j] - wPrev[j];
            z[j] = (1 - prob) * v[j] + prob * w[j] - gamma * dir;
          }
          g.apply(gamma * c, z, v);
          wPrev = w.clone();
          if (rng.nextDouble() < prob) {
            w = v.clone();
            double[] fw = full(f, w, calls);
            for (int j = 0; j < d; j++) {
              gw[j] = c * fw[j] + w[j] - u[j];
            }
          }
        }
      } else {
        double[] gPrev = gu;
        for (long t = 0; t < steps; t++) {
          double[] gNow;
          if (t == 0) {
            gNow = gPrev;
          } else {
            if (calls[0] >= budget) {
              break;
            }
            double[] fv = full(f, v, calls);
            gNow = new double[d];
            for (int j = 0; j < d; j++) {
              gNow[j] = c * fv[j] + v[j] - u[j];
            }
          }
          double[] z = new double[d];
          for (int j = 0; j < d; j++) {
            z[j] = v[j] - gamma * (2 * gNow[j] - gPrev[j]);
          }
          g.apply(gamma * c, z, v);
          gPrev = gNow;
        }
      }
      k++;
      checks.add(calls[0]); // J̃_k, as monitoring
      res.add(p.residual(v));
      monitor += n;
      last = calls[0];
      if (calls[0] >= budget) {
        break;
      }
      double lambda = 1.0 / (k + 1);
      for (int j = 0; j < d; j++) {
        x[j] = lambda * x0[j] + (1 - lambda) * v[j];
      }
    }
    if (last != calls[0]) {
      checks.add(calls[0]);
      res.add(p.residual(v));
      monitor += n;
    }
    return run(v, k, calls[0], monitor, checks, res);
  }

  private static double[] full(FiniteSumOperator f, double[] x, long[] calls) {
    double[] out = new double[x.length];
    f.apply(x, out);
    calls[0] += f.size();
    return out;
  }

  private static Run run(
      double[] x, long k, long calls, long monitor, List<Long> checks, List<Double> res) {
    return new Run(
        x.clone(),
        k,
        calls,
        monitor,
        checks.stream().mapToLong(Long::longValue).toArray(),
        res.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static void assertSameRun(Run want, InclusionResult got) {
    assertEquals(Status.MAX_ITERATIONS, got.status());
    assertEquals(want.iterations(), got.iterations(), "iterations");
    assertEquals(want.calls(), got.oracleCalls(), "oracle calls");
    assertEquals(want.monitorCalls(), got.monitorCalls(), "monitor calls");
    assertArrayEquals(want.checks(), got.history().oracleCalls(), "calls of the checks");
    double[] r = got.residualHistory();
    assertEquals(want.res().length, r.length, "history length");
    double scale = want.res()[0];
    for (int i = 0; i < r.length; i++) {
      assertEquals(want.res()[i], r[i], 1e-9 * scale, "residual " + i);
    }
    assertEquals(want.res()[r.length - 1], got.residual(), 1e-9 * scale);
    assertArrayEquals(want.x(), got.solution(), 1e-9 * (1 + Math.abs(want.x()[0])));
  }

  /** Least squares with a box, so the inner resolvent steps project. */
  private static Problem boxed(int n, long seed) {
    Problem ls = Problems.leastSquares(n, 3, seed);
    return Problem.of(
            "boxed least squares",
            ls.operator(),
            Resolvents.box(new double[] {-0.4, -1, -0.2}, new double[] {0.3, 0.6, 1}),
            new double[] {0.1, -0.2, 0.25})
        .withLipschitz(ls.lipschitz())
        .withMeanSquareLipschitz(ls.meanSquareLipschitz());
  }

  @Test
  void varianceReducedDefaultsFollowTheTranscription() {
    for (int n : new int[] {1, 12}) {
      Problem p = boxed(n, 3 + n);
      double lq = p.meanSquareLipschitz();
      double c = Math.sqrt(n) / lq;
      double prob = 1.0 / n;
      double gamma = n == 1 ? 0.45 / (c * lq + 1) : Math.sqrt(prob * (1 - prob)) / (c * lq + 1);
      for (long epochs : new long[] {2, 30}) {
        Run want = reference(p, true, c, gamma, 0.05, epochs, 8);
        InexactHalpern s = InexactHalpern.varianceReduced(8);
        assertSameRun(want, s.solve(p, StoppingRule.budget(epochs)));
      }
    }
  }

  @Test
  void deterministicDefaultsFollowTheTranscription() {
    Problem p = boxed(9, 4);
    double lf = p.lipschitz();
    double c = 10 / lf;
    for (long epochs : new long[] {1, 5, 40}) {
      Run want = reference(p, false, c, 0.45 / (c * lf + 1), 1, epochs, 0);
      assertSameRun(want, InexactHalpern.deterministic().solve(p, StoppingRule.budget(epochs)));
    }
  }

  @Test
  void givenConstantsReplaceTheDefaults() {
    Problem p = boxed(10, 6);
    double c = 2 / p.lipschitz();
    double gamma = 0.2 / (c * p.lipschitz() + 1);
    Run det = reference(p, false, c, gamma, 2.5, 30, 0);
    InexactHalpern d =
        InexactHalpern.deterministic()
            .withResolventStep(c)
            .withInnerStep(gamma)
            .withInnerFactor(2.5);
    assertSameRun(det, d.solve(p, StoppingRule.budget(30)));
    double cv = 0.5 / p.meanSquareLipschitz();
    double gv = 0.1 / (cv * p.meanSquareLipschitz() + 1);
    Run vr = reference(p, true, cv, gv, 0.3, 30, 2);
    InexactHalpern v =
        InexactHalpern.varianceReduced(Rng.create(2))
            .withInnerFactor(0.3)
            .withInnerStep(gv)
            .withResolventStep(cv);
    assertSameRun(vr, v.solve(p, StoppingRule.budget(30)));
  }
}
