package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.StoppingRule;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChebCbTest {
  @Test
  void chebyshevBasisIsCosOfMultipleAngles() {
    double[] f = new double[7];
    for (double z = -1; z <= 1; z += 0.125) {
      ChebCb.chebyshev(z, f);
      for (int j = 0; j < 7; j++) {
        assertEquals(Math.cos(j * Math.acos(z)), f[j], 1e-12);
      }
    }
  }

  @Test
  void regressionRecoversASmoothCostCurve() {
    // One arm, noise-free cost 100 + 40 z^2 over context c in [2, 4] (z = c - 3): the fit must
    // reproduce it everywhere, not only where it was sampled.
    ChebCb bandit = ChebCb.builder(new double[] {1.5}).degree(6).context(2, 4).build(1);
    RandomGenerator rng = Rng.create(2);
    for (int t = 0; t < 300; t++) {
      double c = rng.nextDouble(2, 4);
      bandit.selectArm(c);
      bandit.update(100 + 40 * (c - 3) * (c - 3));
    }
    for (double c = 2; c <= 4; c += 0.1) {
      assertEquals(100 + 40 * (c - 3) * (c - 3), bandit.predictedCost(0, c), 1e-6, "c " + c);
    }
  }

  @ParameterizedTest
  @EnumSource(ChebCb.CostRange.class)
  void updateRuleIsTheAuthorsChebCb(ChebCb.CostRange range) {
    // An independent transcription of ChebCB.m's update, kept from the raw history: K, L, N and
    // S from the loss vector (grown round by round, as ChebCB.m does when constructed with T = 0,
    // for OBSERVED; preallocated as zeros(T, 1) with T beyond the run, as in contextual.m, for
    // FROM_ZERO); every arm refit when S changes; min-norm least squares, replaced by the
    // box-constrained optimum (brute force over active sets) when outside the box; resnorm of the
    // last box fit; R against cost / S; eta_t = 2 t sqrt(d t / (R - resnorm + 2 alpha^2 t)).
    double[] grid = {1.0, 1.3, 1.6, 1.9};
    int d = grid.length;
    int m = 5;
    double lo = -0.15;
    double bma = 0.6;
    int rounds = 250;
    CostTable table =
        CostTable.build(
            ShiftedLaplacians.lowVariance(6).take(rounds),
            grid,
            RelaxedSolver.sor(StoppingRule.relative(1e-8, 10_000)),
            false);
    ChebCb bandit = ChebCb.builder(grid).degree(m).context(lo, lo + bma).costRange(range).build(5);
    assertEquals(range, bandit.costRange());
    // ChebCB.m's obj.losses: empty and grown (T = 0), or zeros(T, 1) with T > rounds.
    double[] losses = new double[range == ChebCb.CostRange.OBSERVED ? 0 : rounds + 1];
    java.util.List<double[]> rows = new java.util.ArrayList<>();
    java.util.List<Integer> armsPlayed = new java.util.ArrayList<>();
    java.util.List<Double> costs = new java.util.ArrayList<>();
    java.util.List<Double> predictions = new java.util.ArrayList<>();
    double[][] theta = new double[d][m];
    double eta = 0;
    double scale = 0;
    int nonzero = 0;
    for (int t = 1; t <= rounds; t++) {
      double context = table.context(t - 1);
      double[] f = new double[m];
      ChebCb.chebyshev(2 * (context - lo) / bma - 1, f);
      double[] yhat = new double[d];
      int star = 0;
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < m; j++) {
          yhat[i] += theta[i][j] * f[j];
        }
        star = yhat[i] < yhat[star] ? i : star;
      }
      double[] expected = new double[d];
      double rest = 0;
      for (int i = 0; i < d; i++) {
        if (i != star) {
          expected[i] = 1 / (d + eta * (yhat[i] - yhat[star]));
          rest += expected[i];
        }
      }
      expected[star] = 1 - rest;
      assertArrayEquals(expected, bandit.probabilities(context), 1e-7, "round " + t);
      int arm = bandit.selectArm(context);
      double cost = table.cost(t - 1, arm);
      bandit.update(cost);
      rows.add(f);
      armsPlayed.add(arm);
      costs.add(cost);
      predictions.add(yhat[arm]);

      if (losses.length < t) {
        losses = java.util.Arrays.copyOf(losses, t);
      }
      losses[t - 1] = cost;
      double k = java.util.Arrays.stream(losses).max().getAsDouble();
      double lip = (k - java.util.Arrays.stream(losses).min().getAsDouble()) / bma;
      double n = 2 + 4 * bma * lip / k * (1 + Math.log(m));
      boolean refitAll = scale != k * n;
      scale = k * n;
      double[] ub = new double[m];
      double[] lb = new double[m];
      ub[0] = 1 / n;
      for (int j = 1; j < m; j++) {
        ub[j] = 2 * bma * lip / scale / j;
      }
      for (int j = 0; j < m; j++) {
        lb[j] = -ub[j];
      }
      double resnorm = 0;
      for (int i = 0; i < d; i++) {
        if (!(refitAll || i == arm)) {
          continue;
        }
        double[] g = new double[m * m];
        double[] h = new double[m];
        java.util.List<double[]> mine = new java.util.ArrayList<>();
        java.util.List<Double> ys = new java.util.ArrayList<>();
        for (int s = 0; s < rows.size(); s++) {
          if (armsPlayed.get(s) == i) {
            mine.add(rows.get(s));
            ys.add((costs.get(s) - 1) / scale);
          }
        }
        if (mine.isEmpty()) {
          continue;
        }
        for (int s = 0; s < mine.size(); s++) {
          for (int a = 0; a < m; a++) {
            h[a] += mine.get(s)[a] * ys.get(s);
            for (int b = 0; b < m; b++) {
              g[a * m + b] += mine.get(s)[a] * mine.get(s)[b];
            }
          }
        }
        double[] th = BoxLeastSquares.minNorm(g, h, m);
        boolean outside = false;
        for (int j = 0; j < m; j++) {
          outside |= Math.abs(th[j]) > ub[j];
        }
        if (outside) {
          // Full rank (distinct random contexts, at least m of them): the optimum is unique.
          th =
              mine.size() >= m
                  ? BoxLeastSquaresTest.bruteForceSolution(g, h, lb, ub, m)
                  : BoxLeastSquares.solve(g, h, lb, ub, m);
          resnorm = 0;
          for (int s = 0; s < mine.size(); s++) {
            double e = -ys.get(s);
            for (int j = 0; j < m; j++) {
              e += th[j] * mine.get(s)[j];
            }
            resnorm += e * e;
          }
        }
        theta[i] = th;
      }
      double alpha =
          (Math.PI + 2 / Math.PI * Math.log(2.0 * m + 1)) / (2 * scale * (m + 1)) * bma * lip;
      double r = 0;
      for (int s = 0; s < t; s++) {
        r += Math.pow(predictions.get(s) - costs.get(s) / scale, 2);
      }
      eta = 2.0 * t * Math.sqrt(d * (double) t / (r - resnorm + 2 * alpha * alpha * t));
      assertEquals(resnorm, bandit.lastResnorm, 1e-6 * resnorm + 1e-15, "resnorm, round " + t);
      nonzero += resnorm > 0 ? 1 : 0;
    }
    // The box was needed (at least 10 times with either range) so the constrained fits and resnorm
    // are checked too. Agreement is to 1e-7, not 1e-9: the clustered contexts make the Gram
    // matrices ill-conditioned.
    assertTrue(bandit.boxFits >= 10, "box fits " + bandit.boxFits);
    assertTrue(nonzero >= 5, "rounds with a box fit " + nonzero);
  }

  @Test
  void sameSeedSameChoices() {
    int[] a = play(ChebCb.builder(GridBandit.paperGrid()).degree(6).context(0, 1).build(9));
    assertArrayEquals(
        a, play(ChebCb.builder(GridBandit.paperGrid()).degree(6).context(0, 1).build(9)));
  }

  private static int[] play(ChebCb bandit) {
    int[] arms = new int[200];
    for (int t = 0; t < arms.length; t++) {
      double c = (t * 0.37) % 1;
      arms[t] = bandit.selectArm(c);
      bandit.update(20 + Math.abs(arms[t] - 20 * c) * 4);
    }
    return arms;
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ChebCb.builder(GridBandit.paperGrid()).degree(0).context(0, 1).build(1));
    assertEquals("degree = 0: expected an integer in [1, 20]", e.getMessage());
    ChebCb b = ChebCb.builder(GridBandit.paperGrid()).degree(6).context(-0.15, 0.45).build(1);
    e = assertThrows(IllegalArgumentException.class, () -> b.selectArm(0.5));
    assertEquals("context = 0.5: expected a number in [-0.15, 0.45]", e.getMessage());
    NullPointerException n =
        assertThrows(
            NullPointerException.class,
            () ->
                ChebCb.builder(GridBandit.paperGrid())
                    .degree(6)
                    .context(0, 1)
                    .costRange(null)
                    .build(1));
    assertEquals("range = null: expected a non-null value", n.getMessage());
  }
}
