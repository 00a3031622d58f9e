package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {
  private static final double[] THETA = {1, -1, 0.5, 2, 0};
  private static final double SIGMA = 0.5;

  /** Time-averaged ‖θ_k − θ*‖² in stationarity, started at θ* and after 10/α burn-in steps. */
  private static double stationaryMse(double alpha, long steps, long seed) {
    LsaStream s = LinearRegression.gaussian(THETA, SIGMA).stream();
    s.reset(seed);
    double[] theta = THETA.clone();
    long burn = Math.round(10 / alpha);
    for (long k = 0; k < burn; k++) {
      s.update(alpha, theta);
    }
    double acc = 0;
    for (long k = 0; k < steps; k++) {
      s.update(alpha, theta);
      acc += Vectors.distanceSquared(theta, THETA);
    }
    return acc / steps;
  }

  @Test
  void lastIterateStationaryMseIsLinearInAlpha() {
    int d = THETA.length;
    double s2 = SIGMA * SIGMA;
    double[] alphas = {0.02, 0.01, 0.005};
    double[] ratio = new double[alphas.length];
    for (int j = 0; j < alphas.length; j++) {
      double alpha = alphas[j];
      double mse = stationaryMse(alpha, 400_000, 11 + j);
      // ‖e‖² has relative sd √(2/d) ≈ 0.63 and decorrelates in ~1/(2α) ≤ 100 steps, so 400000
      // steps give ≥ 2000 effective samples: a relative standard error ≤ 1.5%. 5% is > 3 sd.
      double exact = alpha * s2 * d / (2 - alpha * (d + 2)); // fixed point of the 2nd moments
      assertEquals(exact, mse, 0.05 * exact, "alpha " + alpha);
      // The α σ² d / 2 law, with its O(α) correction α(d+2)/2 (7% at α = 0.02) allowed.
      double law = alpha * s2 * d / 2;
      assertEquals(
          1 + alpha * (d + 2) / 4, mse / law, 0.05 + alpha * (d + 2) / 4, "alpha " + alpha);
      ratio[j] = mse / alpha;
    }
    // MSE/α constant as α halves twice (within the O(α) drift and noise).
    assertEquals(ratio[2], ratio[1], 0.08 * ratio[2]);
    assertEquals(ratio[2], ratio[0], 0.12 * ratio[2]);
  }

  @Test
  void averagedIterateKmseTendsToTheCltTrace() {
    LinearRegression reg = LinearRegression.gaussian(THETA, SIGMA);
    DMatrixRMaj clt = Covariances.clt(reg.meanSystem().a(), reg.noiseCovariance());
    double trace = CommonOps_DDRM.trace(clt);
    assertEquals(SIGMA * SIGMA * THETA.length, trace, 1e-12); // Ā = I, Σ = σ² I
    int runs = 600;
    long burn = 2_000; // (1 − α)^2000 = e^-20: no transient left in the average
    long k = 20_000;
    Lsa.Options o = Lsa.Options.of(0.01, burn + k).withBurnIn(burn);
    LsaStream s = reg.stream();
    double acc = 0;
    for (int r = 0; r < runs; r++) {
      acc += Vectors.distanceSquared(Lsa.run(s, new double[5], o, 1000 + r).average(), THETA);
    }
    double kmse = acc / runs * k;
    // Per run k‖θ̄ − θ*‖² has relative sd ≈ √(2/d) = 0.63; over 600 runs the standard error is
    // 2.6%, and the O(α) correction of the fixed-step covariance is ~2%: 10% is > 3 sd.
    assertEquals(trace, kmse, 0.10 * trace);
  }

  @Test
  void averagingWithoutBurnInCarriesTheTransient() {
    // From θ0 = 0 with Ā = I, the mean error is (1 − α)^j θ* at step j, so the plain average of
    // k steps carries θ* (1 − α)/(α k) on top of the noise: k·MSE ≈ σ² d + ‖θ*‖²((1 − α)/α)²/k.
    LinearRegression reg = LinearRegression.gaussian(THETA, SIGMA);
    double alpha = 0.005;
    long k = 20_000;
    int runs = 100;
    double acc = 0;
    LsaStream s = reg.stream();
    for (int r = 0; r < runs; r++) {
      LsaResult res = Lsa.run(s, new double[5], Lsa.Options.of(alpha, k).withBurnIn(0), 50 + r);
      acc += Vectors.distanceSquared(res.average(), THETA);
    }
    double kmse = acc / runs * k;
    double ratio = (1 - alpha) / alpha;
    double predicted = SIGMA * SIGMA * 5 + Vectors.dot(THETA, THETA) * ratio * ratio / k;
    // The transient term (≈ 13) is deterministic; the noise term (1.25) has a 6% standard error
    // over 100 runs, i.e. under 1% of the total: 5% is generous. The inflation is tenfold.
    assertEquals(predicted, kmse, 0.05 * predicted);
    assertTrue(kmse > 10 * SIGMA * SIGMA * 5);
  }

  @Test
  void datasetMeanSystemAndSolutionMatchDirectLeastSquares() {
    RandomGenerator rng = Rng.create(5);
    int n = 40;
    int d = 3;
    double[][] x = new double[n][d];
    double[] y = new double[n];
    DMatrixRMaj xm = new DMatrixRMaj(n, d);
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < d; i++) {
        x[r][i] = rng.nextDouble() < 0.4 ? 0 : rng.nextGaussian(); // sparse rows
        xm.set(r, i, x[r][i]);
      }
      y[r] = x[r][0] - 2 * x[r][1] + 0.5 * x[r][2] + 0.3 * rng.nextGaussian();
    }
    LinearRegression reg = LinearRegression.dataset(x, y);
    DMatrixRMaj xtx = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(xm, xm, xtx);
    CommonOps_DDRM.divide(xtx, n);
    assertArrayEquals(xtx.data, reg.meanSystem().a().data, 1e-12);
    // Least squares by QR on X directly (never forms XᵀX): an independent route to θ*.
    LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(n, d);
    assertTrue(qr.setA(xm.copy()));
    DMatrixRMaj sol = new DMatrixRMaj(d, 1);
    qr.solve(new DMatrixRMaj(n, 1, true, y), sol);
    assertArrayEquals(sol.data, reg.solution(), 1e-10);
    // SGD over the sparse rank-one stream reaches it; the CLT scale is √(tr Σ∞ / k).
    double trace =
        CommonOps_DDRM.trace(Covariances.clt(reg.meanSystem().a(), reg.noiseCovariance()));
    long k = 200_000;
    LsaResult r = Lsa.run(reg.stream(), new double[d], Lsa.Options.of(0.02, 2 * k), 3);
    assertEquals(Status.COMPLETED, r.status());
    double err2 = Vectors.distanceSquared(r.average(), sol.data);
    assertTrue(err2 < 16 * trace / k, "err² " + err2 + " vs tr/k " + trace / k); // 4 sd in norm
  }

  @Test
  void datasetEmpiricalCovarianceMatchesTheClt() {
    RandomGenerator rng = Rng.create(8);
    int n = 30;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      x[r][0] = rng.nextGaussian();
      x[r][1] = 0.5 * x[r][0] + rng.nextGaussian();
      y[r] = x[r][0] + x[r][1] + rng.nextGaussian() * (1 + Math.abs(x[r][0])); // heteroscedastic
    }
    LinearRegression reg = LinearRegression.dataset(x, y);
    double[] ts = reg.solution();
    DMatrixRMaj clt = Covariances.clt(reg.meanSystem().a(), reg.noiseCovariance());
    int runs = 400;
    long k = 10_000;
    double[][] z = new double[runs][2];
    LsaStream s = reg.stream();
    Lsa.Options o = Lsa.Options.of(0.005, 2 * k).withBurnIn(k);
    for (int r = 0; r < runs; r++) {
      double[] avg = Lsa.run(s, ts, o, 77 + r).average();
      for (int i = 0; i < 2; i++) {
        z[r][i] = Math.sqrt(k) * (avg[i] - ts[i]);
      }
    }
    DMatrixRMaj emp = Covariances.empirical(z, new double[2]);
    // A 2x2 sample covariance from 400 Gaussian draws has entry-wise relative sd ≈ √(2/400) = 7%;
    // 20% in Frobenius norm is about 3 sd, and the O(α) correction is ~1%.
    double dist = Covariances.relativeDistance(emp, clt);
    assertTrue(dist < 0.20, "relative distance " + dist);
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LinearRegression.gaussian(new double[2], -1));
    assertEquals("sigma = -1.0: expected a finite non-negative number", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LinearRegression.gaussian(new double[] {Double.NaN}, 1));
    assertThrows(IllegalArgumentException.class, () -> LinearRegression.gaussian(new double[0], 1));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LinearRegression.dataset(new double[][] {{1, 0}, {2, 0}}, new double[2]));
    assertEquals("a = singular: expected a non-singular mean matrix", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LinearRegression.dataset(new double[][] {{1, 0}, {0, 1}}, new double[3]));
  }
}
