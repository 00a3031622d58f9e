package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.linalg.Vectors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LsaTest {
  /** A dense i.i.d. stream with Ā = diag(1, λ), b̄ = (1, 1), Gaussian perturbations. */
  private static LsaStream diagonal(double lambda) {
    DMatrixRMaj abar = new DMatrixRMaj(new double[][] {{1, 0}, {0, lambda}});
    LinearSystem mean = new LinearSystem(abar, new double[] {1, 1});
    return LsaStream.dense(
        2,
        (rng, a, b) -> {
          a[0] = 1 + 0.1 * rng.nextGaussian();
          a[1] = 0.1 * rng.nextGaussian();
          a[2] = 0.1 * rng.nextGaussian();
          a[3] = lambda + 0.1 * rng.nextGaussian();
          b[0] = 1 + 0.1 * rng.nextGaussian();
          b[1] = 1 + 0.1 * rng.nextGaussian();
        },
        mean);
  }

  /** A deterministic stream with unknown mean whose iterate counts the steps: θ ← θ + 1. */
  private static LsaStream counter() {
    return LsaStream.dense(
        1,
        (rng, a, b) -> {
          a[0] = 0;
          b[0] = 1;
        },
        null);
  }

  @Test
  void denseStreamConvergesToTheMeanSolution() {
    LsaStream s = diagonal(0.5);
    LsaResult r = Lsa.run(s, new double[2], Lsa.Options.of(0.05, 40_000), 1);
    assertEquals(Status.COMPLETED, r.status());
    assertTrue(r.stability().stable());
    assertTrue(r.warnings().isEmpty());
    assertEquals(40_000, r.iterations());
    assertEquals(20_000, r.averaged());
    // θ* = (1, 2). Noise per step ~0.1·(1 + |θ|) ≈ 0.3, so the average of 20000 iterates has an
    // error of order 0.3 / (λ √20000) ≈ 0.005; 0.03 is six times that.
    assertArrayEquals(new double[] {1, 2}, r.average(), 0.03);
  }

  @Test
  void sameSeedSameResultAndOtherSeedOtherResult() {
    LinearRegression reg = LinearRegression.gaussian(new double[] {1, 2, 3}, 0.5);
    Lsa.Options o = Lsa.Options.of(0.02, 5_000).withHistory(10);
    LsaResult a = Lsa.run(reg.stream(), new double[3], o, 42);
    LsaResult b = Lsa.run(reg.stream(), new double[3], o, 42);
    LsaResult c = Lsa.run(reg.stream(), new double[3], o, 43);
    assertArrayEquals(a.last(), b.last(), 0);
    assertArrayEquals(a.average(), b.average(), 0);
    assertArrayEquals(a.history().lastError(), b.history().lastError(), 0);
    assertNotEquals(a.last()[0], c.last()[0]);
    // Reusing one stream object gives the same result: run() resets it.
    LsaStream s = reg.stream();
    LsaResult d = Lsa.run(s, new double[3], o, 42);
    LsaResult e = Lsa.run(s, new double[3], o, 42);
    assertArrayEquals(d.average(), e.average(), 0);
    assertArrayEquals(a.average(), d.average(), 0);
  }

  @Test
  void historyIsLogSpacedAndMatchesTheFinalIterates() {
    LinearRegression reg = LinearRegression.gaussian(new double[] {1, -1}, 0.3);
    LsaResult r =
        Lsa.run(reg.stream(), new double[2], Lsa.Options.of(0.05, 10_000).withHistory(30), 7);
    LsaResult.History h = r.history();
    assertTrue(h.size() > 15 && h.size() <= 30, "size " + h.size());
    assertEquals(1, h.iterations()[0]);
    assertEquals(10_000, h.iterations()[h.size() - 1]);
    for (int j = 1; j < h.size(); j++) {
      assertTrue(h.iterations()[j] > h.iterations()[j - 1]);
      boolean averaging = h.iterations()[j] > 5_000;
      assertEquals(!averaging, Double.isNaN(h.averageError()[j]));
    }
    double[] ts = reg.solution();
    int last = h.size() - 1;
    assertEquals(Vectors.distanceSquared(r.last(), ts), h.lastError()[last], 1e-15);
    assertEquals(Vectors.distanceSquared(r.average(), ts), h.averageError()[last], 1e-15);
    assertArrayEquals(r.average(), h.averages()[last], 0);
    // The transient: the error at k = 1 is about ‖θ*‖² = 2, at the end about α σ² d / 2.
    assertTrue(h.lastError()[0] > 1 && h.lastError()[last] < 0.05);
  }

  @Test
  void listenerSeesTheCheckpointsWithoutAReference() {
    // A stream with no known mean: no history, but the listener still observes the run.
    LsaStream counter = counter();
    java.util.List<long[]> seen = new java.util.ArrayList<>();
    LsaResult r =
        Lsa.run(
            counter,
            new double[1],
            Lsa.Options.of(1, 1000).withHistory(4),
            p -> {
              seen.add(new long[] {p.iteration(), p.oracleCalls(), (long) p.iterate()[0]});
              assertTrue(Double.isNaN(p.residual()), "no reference, no residual");
            },
            1);
    assertEquals(0, r.history().size());
    assertEquals(0, r.residualHistory().length);
    assertTrue(Double.isNaN(r.residual()));
    // θ_k = k at the log-spaced checkpoints 1, 10, 100, 1000
    assertEquals(4, seen.size());
    assertArrayEquals(new long[] {1, 1, 1}, seen.get(0));
    assertArrayEquals(new long[] {10, 10, 10}, seen.get(1));
    assertArrayEquals(new long[] {100, 100, 100}, seen.get(2));
    assertArrayEquals(new long[] {1000, 1000, 1000}, seen.get(3));
    // the average of θ_k = k over k = 501..1000, the answer of the run
    assertEquals(750.5, r.solution()[0], 1e-12);
  }

  @Test
  void aListenerCancelsTheRunAndTheAverageCoversTheStepsTaken() {
    LsaStream counter = counter();
    long[] at = {0};
    LsaResult r =
        Lsa.run(
            counter,
            new double[1],
            Lsa.Options.of(1, 1000).withBurnIn(10).withHistory(4),
            p -> {
              if (p.iteration() == 100) {
                at[0] = p.iteration();
                p.cancel();
              }
            },
            1);
    assertEquals(Status.CANCELLED, r.status());
    assertFalse(r.converged());
    assertEquals(100, at[0]);
    assertEquals(100, r.iterations());
    assertEquals(90, r.averaged());
    assertEquals(100, r.last()[0], 0);
    assertEquals((11 + 100) / 2.0, r.average()[0], 1e-12, "mean of k = 11..100");
    LsaResult first =
        Lsa.run(counter, new double[1], Lsa.Options.of(1, 1000).withHistory(4), p -> p.cancel(), 1);
    assertEquals(Status.CANCELLED, first.status());
    assertEquals(1, first.iterations(), "cancelled at the first checkpoint");
    // a cancel at the last checkpoint comes after the last step: the run is complete
    LsaResult full =
        Lsa.run(
            counter,
            new double[1],
            Lsa.Options.of(1, 1000).withHistory(4),
            p -> {
              if (p.iteration() == 1000) {
                p.cancel();
              }
            },
            1);
    assertEquals(Status.COMPLETED, full.status());
    assertEquals(1000, full.iterations());
  }

  @Test
  void residualAndItsHistoryAreTheDistancesOfTheAverageToTheReference() {
    LinearRegression reg = LinearRegression.gaussian(new double[] {1, -1}, 0.3);
    double[] target = {0.5, 0.5};
    LsaResult r =
        Lsa.run(
            reg.stream(),
            new double[2],
            Lsa.Options.of(0.05, 4_000).withHistory(10).withReference(target),
            3);
    assertEquals(Status.COMPLETED, r.status());
    assertTrue(r.converged());
    assertArrayEquals(r.average(), r.solution(), 0);
    assertEquals(Math.sqrt(Vectors.distanceSquared(r.average(), target)), r.residual(), 1e-15);
    double[] h = r.residualHistory();
    assertEquals(r.history().size(), h.length);
    for (int j = 0; j < h.length; j++) {
      double e = r.history().averageError()[j];
      assertEquals(Double.isNaN(e) ? Double.NaN : Math.sqrt(e), h[j], 1e-15);
    }
  }

  @Test
  void aGeneratorFromTheSeedGivesTheSeededRun() {
    LinearRegression reg = LinearRegression.gaussian(new double[] {1, -1, 2}, 0.3);
    Lsa.Options o = Lsa.Options.of(0.05, 3_000).withHistory(5);
    for (long seed : new long[] {4, 5}) {
      LsaResult a = Lsa.run(reg.stream(), new double[3], o, seed);
      LsaResult b = Lsa.run(reg.stream(), new double[3], o, dev.fathom.core.Rng.create(seed));
      assertArrayEquals(a.last(), b.last(), 0);
      assertArrayEquals(a.residualHistory(), b.residualHistory(), 0);
      Lsa.Extrapolation x = Lsa.richardsonRomberg(reg.stream(), new double[3], o, seed);
      Lsa.Extrapolation y =
          Lsa.richardsonRomberg(reg.stream(), new double[3], o, dev.fathom.core.Rng.create(seed));
      assertArrayEquals(x.extrapolated(), y.extrapolated(), 0);
      // the two runs share their randomness: the same draws as a run seeded by the shared seed
      long shared = dev.fathom.core.Rng.create(seed).nextLong();
      assertArrayEquals(
          Lsa.run(reg.stream(), new double[3], o, shared).average(), x.fine().average(), 0);
    }
    TemporalDifference t1 = TemporalDifference.random(20, 3, 4, 0.9, 6);
    TemporalDifference t2 = TemporalDifference.random(20, 3, 4, 0.9, dev.fathom.core.Rng.create(6));
    assertArrayEquals(t1.fixedPoint(), t2.fixedPoint(), 0);
    assertArrayEquals(
        MarkovRewardProcess.random(10, 3, 6).stationaryDistribution(),
        MarkovRewardProcess.random(10, 3, dev.fathom.core.Rng.create(6)).stationaryDistribution(),
        0);
  }

  @Test
  void checkpointsAreDistinctAndEndAtTheTotal() {
    assertArrayEquals(new long[] {1, 2, 3}, Lsa.checkpoints(3, 10));
    assertArrayEquals(new long[] {100}, Lsa.checkpoints(100, 1));
    assertArrayEquals(new long[0], Lsa.checkpoints(100, 0));
    long[] c = Lsa.checkpoints(1_000_000, 7);
    assertArrayEquals(new long[] {1, 10, 100, 1000, 10_000, 100_000, 1_000_000}, c);
  }

  @Test
  void nonHurwitzMeanIsRefusedByDefault() {
    LsaStream s = diagonal(-0.5);
    double[] theta0 = {0.5, 0.5};
    LsaResult r = Lsa.run(s, theta0, Lsa.Options.of(0.01, 1_000), 1);
    assertEquals(Status.REFUSED, r.status());
    assertEquals(0, r.iterations());
    assertArrayEquals(theta0, r.last(), 0);
    assertTrue(r.warnings().get(0).contains("not Hurwitz"), r.warnings().toString());
    assertTrue(r.stability().unstable());
  }

  @Test
  void warnPolicyRunsAndReportsTheDivergence() {
    LsaStream s = diagonal(-0.5);
    Lsa.Options o = Lsa.Options.of(0.01, 100_000).withPolicy(Lsa.StabilityPolicy.WARN);
    LsaResult r = Lsa.run(s, new double[] {0.5, 0.5}, o, 1);
    // The unstable mode grows like (1 + 0.005)^k and passes 1e12 after about 5600 steps.
    assertEquals(Status.DIVERGED, r.status());
    assertTrue(r.iterations() < 10_000, "stopped at " + r.iterations());
    assertTrue(r.warnings().get(0).contains("not Hurwitz"));
    assertTrue(r.warnings().get(1).contains("diverged"));
  }

  @Test
  void tooLargeStepIsRefusedAndSkipStillDetectsDivergence() {
    LsaStream s = diagonal(0.5);
    LsaResult r = Lsa.run(s, new double[2], Lsa.Options.of(2.5, 1_000), 1);
    // eigenvalue 1 of Ā: |1 − 2.5| > 1.
    assertEquals(Status.REFUSED, r.status());
    assertTrue(r.warnings().get(0).contains("too large"));
    LsaResult skip =
        Lsa.run(
            s, new double[2], Lsa.Options.of(2.5, 1_000).withPolicy(Lsa.StabilityPolicy.SKIP), 1);
    assertEquals(Status.DIVERGED, skip.status());
    assertEquals(false, skip.stability().known());
  }

  @Test
  void meanStableButMeanSquareUnstableStepIsCaughtAtRunTime() {
    // Gaussian regression with Ā = I: α = 1 passes the mean check (ρ(I − αĀ) = 0), but the
    // second moment grows unless α < 2/(d + 2) (the exact stationary MSE α σ² d/(2 − α(d+2))
    // has a pole there). The run must end DIVERGED, not return garbage as COMPLETED.
    LinearRegression reg = LinearRegression.gaussian(new double[] {1, 1, 1, 1, 1}, 0.5);
    LsaResult r = Lsa.run(reg.stream(), new double[5], Lsa.Options.of(1.0, 100_000), 3);
    assertTrue(r.stability().stable());
    assertEquals(Status.DIVERGED, r.status());
  }

  @Test
  void richardsonRombergCombinesTheTwoRuns() {
    LinearRegression reg = LinearRegression.gaussian(new double[] {1, 2}, 0.5);
    Lsa.Extrapolation x =
        Lsa.richardsonRomberg(
            reg.stream(), new double[2], Lsa.Options.of(0.01, 4_000).withHistory(5), 9);
    assertEquals(Status.COMPLETED, x.status());
    assertEquals(0.02, x.coarse().stability().alpha());
    // both runs draw from the one seed taken from Rng.create(9)
    long shared = dev.fathom.core.Rng.create(9).nextLong();
    LsaResult fine = Lsa.run(reg.stream(), new double[2], Lsa.Options.of(0.01, 4_000), shared);
    LsaResult coarse = Lsa.run(reg.stream(), new double[2], Lsa.Options.of(0.02, 4_000), shared);
    assertArrayEquals(fine.average(), x.fine().average(), 0);
    for (int i = 0; i < 2; i++) {
      assertEquals(2 * fine.average()[i] - coarse.average()[i], x.extrapolated()[i], 1e-15);
    }
    int last = x.historyIterations().length - 1;
    assertEquals(
        Vectors.distanceSquared(x.extrapolated(), reg.solution()), x.historyError()[last], 1e-15);
    // A coarse step beyond the stable range refuses the whole extrapolation.
    Lsa.Extrapolation bad =
        Lsa.richardsonRomberg(diagonal(0.5), new double[2], Lsa.Options.of(1.5, 100), 1);
    assertEquals(Status.REFUSED, bad.status());
  }

  @Test
  void batchCovarianceIsTheScaledSpreadOfTheBatchMeans() {
    // A deterministic stream whose iterate is k (θ ← θ + 1): batch means of 4 batches of 3 steps
    // after a burn-in of 2 are 4, 7, 10, 13; their sample variance is 15, times L = 3 gives 45.
    LsaStream counter = counter();
    LsaResult r =
        Lsa.run(counter, new double[1], Lsa.Options.of(1, 14).withBurnIn(2).withBatches(4), 1);
    assertEquals(45, r.batchCovariance().get(0, 0), 1e-12);
    assertEquals(null, Lsa.run(counter, new double[1], Lsa.Options.of(1, 14), 1).batchCovariance());
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lsa.Options.of(-0.1, 10));
    assertEquals("alpha = -0.1: expected a finite positive number", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Lsa.Options.of(Double.NaN, 10));
    assertThrows(IllegalArgumentException.class, () -> Lsa.Options.of(0.1, 0));
    e = assertThrows(IllegalArgumentException.class, () -> Lsa.Options.of(0.1, 10).withBurnIn(10));
    assertEquals("burnIn = 10: expected an integer in [0, iterations = 10)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Lsa.Options.of(0.1, 10).withHistory(-1));
    e = assertThrows(IllegalArgumentException.class, () -> Lsa.Options.of(0.1, 10).withBatches(1));
    assertEquals(
        "batches = 1: expected 0 or an integer in [2, iterations - burnIn = 5]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Lsa.Options.of(0.1, 10).withBatches(6));
    assertThrows(
        IllegalArgumentException.class, () -> Lsa.Options.of(0.1, 10).withDivergenceBound(0));
    assertThrows(NullPointerException.class, () -> Lsa.Options.of(0.1, 10).withPolicy(null));
    LsaStream s = diagonal(0.5);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lsa.run(s, new double[3], Lsa.Options.of(0.1, 10), 1));
    assertEquals("theta0.length = 3: expected 2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lsa.run(s, new double[] {0, Double.NaN}, Lsa.Options.of(0.1, 10), 1));
    assertEquals("theta0[1] = NaN: expected a finite number", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Lsa.run(s, new double[2], Lsa.Options.of(0.1, 10).withReference(new double[1]), 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LsaStream.dense(
                3, (rng, a, b) -> {}, new LinearSystem(new DMatrixRMaj(2, 2), new double[2])));
    assertThrows(
        IllegalArgumentException.class, () -> LsaStream.rankOne(0, (rng, out) -> {}, null));
    assertThrows(NullPointerException.class, () -> LsaStream.dense(2, null, null));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LinearSystem(new DMatrixRMaj(2, 2), new double[2]).solve());
    assertEquals("a = singular: expected a non-singular mean matrix", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new LinearSystem(new DMatrixRMaj(2, 3), new double[2]));
  }
}
