package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class TemporalDifferenceTest {
  /** The Markovian example of the RR test: 6 states, 3 successors each, 3 features, γ = 0.9. */
  private static final TemporalDifference SMALL = small();

  /** 6 states, out-degree 3, 3 Gaussian features of variance 1/3, gamma 0.9: a fixed instance. */
  private static TemporalDifference small() {
    java.util.random.RandomGenerator rng = dev.fathom.core.Rng.stream(5, 1);
    double[][] f = new double[6][];
    for (int s = 0; s < 6; s++) {
      f[s] = dev.fathom.core.Rng.gaussian(rng, 3);
      for (int i = 0; i < 3; i++) {
        f[s][i] /= Math.sqrt(3);
      }
    }
    return new TemporalDifference(MarkovRewardProcess.random(6, 3, 5), f, 0.9);
  }

  @Test
  void meanSystemMatchesTheDenseMatrixFormula() {
    TemporalDifference td = TemporalDifference.random(12, 3, 4, 0.8, 1);
    int n = 12;
    int d = 4;
    DMatrixRMaj phi = new DMatrixRMaj(n, d);
    DMatrixRMaj dmu = new DMatrixRMaj(n, n);
    DMatrixRMaj r = new DMatrixRMaj(n, 1);
    double[] mu = td.stationaryDistribution();
    for (int s = 0; s < n; s++) {
      double[] f = td.features(s);
      for (int i = 0; i < d; i++) {
        phi.set(s, i, f[i]);
      }
      dmu.set(s, s, mu[s]);
      r.set(s, 0, td.process().reward(s));
    }
    DMatrixRMaj ip = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.addEquals(ip, -0.8, td.process().transitionMatrix());
    // Ā = Φᵀ D_μ (I − γP) Φ, b̄ = Φᵀ D_μ r, by dense products.
    DMatrixRMaj left = new DMatrixRMaj(d, n);
    CommonOps_DDRM.multTransA(phi, dmu, left);
    DMatrixRMaj mid = new DMatrixRMaj(n, d);
    CommonOps_DDRM.mult(ip, phi, mid);
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(left, mid, a);
    DMatrixRMaj b = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.mult(left, r, b);
    assertArrayEquals(a.data, td.meanSystem().a().data, 1e-13);
    assertArrayEquals(b.data, td.meanSystem().b(), 1e-13);
    assertTrue(td.meanSystem().stability(0.1).hurwitz()); // on-policy TD: −Ā is Hurwitz
  }

  @Test
  void tabularFixedPointIsTheValueFunction() {
    MarkovRewardProcess m = MarkovRewardProcess.random(8, 3, 4);
    double[][] eye = new double[8][8];
    for (int s = 0; s < 8; s++) {
      eye[s][s] = 1;
    }
    TemporalDifference td = new TemporalDifference(m, eye, 0.7);
    // With one-hot features TD's fixed point is V = (I − γP)⁻¹ r exactly.
    DMatrixRMaj ip = CommonOps_DDRM.identity(8);
    CommonOps_DDRM.addEquals(ip, -0.7, m.transitionMatrix());
    DMatrixRMaj r = new DMatrixRMaj(8, 1);
    for (int s = 0; s < 8; s++) {
      r.set(s, 0, m.reward(s));
    }
    DMatrixRMaj v = new DMatrixRMaj(8, 1);
    assertTrue(CommonOps_DDRM.solve(ip, r, v));
    assertArrayEquals(v.data, td.fixedPoint(), 1e-12);
  }

  @Test
  void tdZeroConvergesToTheExactFixedPoint() {
    TemporalDifference td = TemporalDifference.random(40, 4, 5, 0.9, 21);
    double[] ts = td.fixedPoint();
    for (TemporalDifference.Sampling sampling : TemporalDifference.Sampling.values()) {
      double trace =
          CommonOps_DDRM.trace(Covariances.clt(td.meanSystem().a(), td.noiseCovariance(sampling)));
      double alpha = 0.02;
      double bias2 =
          sampling == TemporalDifference.Sampling.MARKOV
              ? Vectors.distanceSquared(td.stationaryMean(alpha), ts)
              : 0;
      long k = 200_000;
      int runs = 10;
      // E‖θ̄ − θ*‖² ≈ ‖bias‖² + tr(Σ∞)/k (exact stationary bias, CLT variance).
      double predicted = bias2 + trace / k;
      double acc = 0;
      LsaStream s = td.stream(sampling);
      for (int r = 0; r < runs; r++) {
        LsaResult res =
            Lsa.run(s, new double[5], Lsa.Options.of(alpha, k + 20_000).withBurnIn(20_000), r);
        assertEquals(Status.COMPLETED, res.status());
        double e2 = Vectors.distanceSquared(res.average(), ts);
        // One run: even if all the variance sat in one direction, P(χ²₁ > 10) = 0.16%.
        assertTrue(e2 < 10 * predicted, sampling + " run " + r + ": " + e2 + " vs " + predicted);
        assertTrue(Math.sqrt(e2) < 0.05 * Vectors.norm2(ts)); // and close in relative terms
        acc += e2;
      }
      // The mean of 10 runs has a relative sd of ~0.25 (d = 5 coordinates); factors 2 and 1/3
      // leave room for that and the O(α) correction of the fixed-step covariance.
      assertTrue(acc / runs < 2 * predicted, sampling + ": " + acc / runs + " vs " + predicted);
      assertTrue(acc / runs > predicted / 3, sampling + ": " + acc / runs + " vs " + predicted);
    }
  }

  @Test
  void stationaryMeanHasAnOrderAlphaBiasThatRichardsonRombergCancels() {
    double[] ts = SMALL.fixedPoint();
    double b1 = Math.sqrt(Vectors.distanceSquared(SMALL.stationaryMean(0.05), ts));
    double b2 = Math.sqrt(Vectors.distanceSquared(SMALL.stationaryMean(0.1), ts));
    double b4 = Math.sqrt(Vectors.distanceSquared(SMALL.stationaryMean(0.2), ts));
    // Linear in α: halving α halves the bias (up to O(α²)).
    assertEquals(2, b2 / b1, 0.05);
    assertEquals(2, b4 / b2, 0.1);
    assertTrue(b2 > 0.01, "bias at 0.1: " + b2);
    double[] m1 = SMALL.stationaryMean(0.1);
    double[] m2 = SMALL.stationaryMean(0.2);
    double[] rr = new double[3];
    for (int i = 0; i < 3; i++) {
      rr[i] = 2 * m1[i] - m2[i];
    }
    // 2m(α) − m(2α) − θ* = O(α²): at least 10x smaller than the O(α) bias.
    assertTrue(Math.sqrt(Vectors.distanceSquared(rr, ts)) < 0.1 * b2);
  }

  @Test
  void richardsonRombergRemovesTheBiasOnTheMarkovianExample() {
    double[] ts = SMALL.fixedPoint();
    double[] exact = SMALL.stationaryMean(0.1);
    LsaStream s = SMALL.stream(TemporalDifference.Sampling.MARKOV);
    int runs = 40;
    long k = 100_000;
    double[] meanFine = new double[3];
    double[] meanRr = new double[3];
    Lsa.Options o = Lsa.Options.of(0.1, k + 5_000).withBurnIn(5_000);
    for (int r = 0; r < runs; r++) {
      Lsa.Extrapolation x = Lsa.richardsonRomberg(s, new double[3], o, 500 + r);
      assertEquals(Status.COMPLETED, x.status());
      for (int i = 0; i < 3; i++) {
        meanFine[i] += x.fine().average()[i] / runs;
        meanRr[i] += x.extrapolated()[i] / runs;
      }
    }
    // Standard error of a mean of 40 averages of 1e5 steps: √(tr Σ∞ / (k·runs)) ≈ √(3/4e6) =
    // 0.0009 for the fine run (RR's variance is a few times larger with common random numbers).
    double se =
        Math.sqrt(
            CommonOps_DDRM.trace(
                    Covariances.clt(
                        SMALL.meanSystem().a(),
                        SMALL.noiseCovariance(TemporalDifference.Sampling.MARKOV)))
                / (k * runs));
    double biasFine = Math.sqrt(Vectors.distanceSquared(meanFine, ts));
    double biasRr = Math.sqrt(Vectors.distanceSquared(meanRr, ts));
    // The averaged iterate sits at the exact stationary mean, visibly off θ* (> 10 se) ...
    assertTrue(Math.sqrt(Vectors.distanceSquared(meanFine, exact)) < 4 * se);
    assertTrue(biasFine > 10 * se, "fine bias " + biasFine + " se " + se);
    // ... and RR brings it back within noise, several times closer than the plain average.
    assertTrue(biasRr < 6 * se, "RR bias " + biasRr + " se " + se);
    assertTrue(biasRr < 0.3 * biasFine);
  }

  @Test
  void markovCltCovarianceMatchesTheEmpiricalOne() {
    double[] ts = SMALL.fixedPoint();
    DMatrixRMaj clt =
        Covariances.clt(
            SMALL.meanSystem().a(), SMALL.noiseCovariance(TemporalDifference.Sampling.MARKOV));
    double alpha = 0.02;
    double[] centre = SMALL.stationaryMean(alpha); // remove the O(α) bias exactly
    int runs = 300;
    long k = 40_000;
    double[][] z = new double[runs][3];
    LsaStream s = SMALL.stream(TemporalDifference.Sampling.MARKOV);
    Lsa.Options o = Lsa.Options.of(alpha, k + 4_000).withBurnIn(4_000);
    for (int r = 0; r < runs; r++) {
      double[] avg = Lsa.run(s, ts, o, 9_000 + r).average();
      for (int i = 0; i < 3; i++) {
        z[r][i] = Math.sqrt(k) * (avg[i] - centre[i]);
      }
    }
    DMatrixRMaj emp = Covariances.empirical(z, new double[3]);
    // The trace of a sample covariance of 300 draws in d = 3 has relative sd ≈ √(2/300)·(≤1.4)
    // ≈ 11% at worst; the IID covariance differs from the Markov one by 11% (3.41 vs 3.06), so
    // this test also tells the two apart only loosely. 15% on the trace is > 2 sd at worst.
    double tc = CommonOps_DDRM.trace(clt);
    assertEquals(tc, CommonOps_DDRM.trace(emp), 0.15 * tc);
    assertTrue(Covariances.relativeDistance(emp, clt) < 0.25);
  }

  @Test
  void batchMeansEstimateTheCltCovarianceFromSingleRuns() {
    double[] ts = SMALL.fixedPoint();
    DMatrixRMaj clt =
        Covariances.clt(
            SMALL.meanSystem().a(), SMALL.noiseCovariance(TemporalDifference.Sampling.MARKOV));
    LsaStream s = SMALL.stream(TemporalDifference.Sampling.MARKOV);
    int runs = 20;
    long n = 200_000;
    Lsa.Options o = Lsa.Options.of(0.02, n + 4_000).withBurnIn(4_000).withBatches(20);
    DMatrixRMaj acc = new DMatrixRMaj(3, 3);
    for (int r = 0; r < runs; r++) {
      LsaResult res = Lsa.run(s, ts, o, 300 + r);
      CommonOps_DDRM.addEquals(acc, res.batchCovariance());
    }
    CommonOps_DDRM.scale(1.0 / runs, acc);
    // One run's 20-batch estimate has a trace with relative sd ≈ √(2/19) ≈ 0.32; the mean of 20
    // runs ≈ 7%. Batches of 10000 steps are 25x the iterate's correlation time 1/(α min Re λ)
    // ≈ 400, so the batch bias is a few percent: 15% on the trace is ~2 sd at worst.
    double tc = CommonOps_DDRM.trace(clt);
    assertEquals(tc, CommonOps_DDRM.trace(acc), 0.15 * tc);
    assertTrue(Covariances.relativeDistance(acc, clt) < 0.25);
  }

  @Test
  void sparseFeatureRowsGiveTheSameIteratesAsDenseOnes() {
    // Tile-like features: 2 non-zeros out of 12 per state.
    MarkovRewardProcess m = MarkovRewardProcess.random(30, 3, 6);
    double[][] f = new double[30][12];
    RandomGenerator rng = Rng.create(2);
    for (int s = 0; s < 30; s++) {
      f[s][s % 12] = 1;
      f[s][(s * 7 + 3) % 12] += 0.5 + rng.nextDouble();
    }
    TemporalDifference td = new TemporalDifference(m, f, 0.8);
    for (TemporalDifference.Sampling sampling : TemporalDifference.Sampling.values()) {
      TdStream sparse = td.stream(sampling, true);
      TdStream dense = td.stream(sampling, false);
      assertTrue(sparse.sparse() && !dense.sparse());
      double[] x = new double[12];
      double[] y = new double[12];
      sparse.reset(5);
      dense.reset(5);
      for (int k = 0; k < 5000; k++) {
        sparse.update(0.05, x);
        dense.update(0.05, y);
      }
      // Same transitions, same arithmetic up to the order of the zero terms.
      assertArrayEquals(y, x, 1e-12);
    }
    // The public stream picks the compressed rows for these features, the dense ones otherwise.
    assertTrue(((TdStream) td.stream(TemporalDifference.Sampling.MARKOV)).sparse());
    assertTrue(!((TdStream) SMALL.stream(TemporalDifference.Sampling.MARKOV)).sparse());
  }

  @Test
  void streamsReproduceWithTheirSeed() {
    LsaStream a = SMALL.stream(TemporalDifference.Sampling.MARKOV);
    LsaStream b = SMALL.stream(TemporalDifference.Sampling.MARKOV);
    double[] x = new double[3];
    double[] y = new double[3];
    a.reset(3);
    b.reset(3);
    for (int k = 0; k < 1000; k++) {
      a.update(0.1, x);
      b.update(0.1, y);
    }
    assertArrayEquals(x, y, 0);
    b.reset(4);
    double[] z = new double[3];
    for (int k = 0; k < 1000; k++) {
      b.update(0.1, z);
    }
    assertNotEquals(x[0], z[0]);
  }

  @Test
  void badInputIsRefused() {
    MarkovRewardProcess m = MarkovRewardProcess.random(4, 2, 1);
    RandomGenerator rng = Rng.create(1);
    double[][] f = new double[4][];
    for (int s = 0; s < 4; s++) {
      f[s] = Rng.gaussian(rng, 2);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TemporalDifference(m, f, 1.0));
    assertEquals("gamma = 1.0: expected a discount in [0, 1)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TemporalDifference(m, f, -0.1));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TemporalDifference(m, new double[][] {{1}, {1}, {1}}, 0.5));
    assertEquals("features.length = 3: expected mrp.states() = 4", e.getMessage());
    double[][] dependent = {{1, 2}, {2, 4}, {-1, -2}, {0.5, 1}};
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new TemporalDifference(m, dependent, 0.5));
    assertEquals("a = singular: expected a non-singular mean matrix", e.getMessage());
    TemporalDifference big = TemporalDifference.random(1000, 3, 5, 0.5, 1);
    e = assertThrows(IllegalArgumentException.class, () -> big.stationaryMean(0.1));
    assertEquals(
        "states * features = 5000: expected at most 4000 for the exact solve", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SMALL.stationaryMean(0));
    assertThrows(NullPointerException.class, () -> SMALL.stream(null));
    assertThrows(IllegalArgumentException.class, () -> TemporalDifference.random(5, 2, 6, 0.5, 1));
  }
}
