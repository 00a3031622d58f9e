package dev.fathom.lsa;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Exact quantities of TD(0) on a finite process, by dense linear algebra (package-private). */
final class TdExact {
  private TdExact() {}

  /** δ*(s, t) = r(s) + γ φ(t)ᵀθ* − φ(s)ᵀθ*, stored as v(s) = φ(s)ᵀθ*. */
  private static double[] values(TemporalDifference td, double[] phi, double[] theta) {
    int n = td.process().states();
    int d = td.dimension();
    double[] v = new double[n];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        v[s] += phi[s * d + i] * theta[i];
      }
    }
    return v;
  }

  static DMatrixRMaj noiseCovariance(
      TemporalDifference td, double[] phi, double[] mu, boolean markov) {
    MarkovRewardProcess mrp = td.process();
    int n = mrp.states();
    int d = td.dimension();
    double g = td.gamma();
    double[] v = values(td, phi, td.fixedPoint());
    DMatrixRMaj sigma = new DMatrixRMaj(d, d);
    // Σ_0 = Σ_{s,t} μ_s P(s,t) δ*(s,t)² φ_s φ_sᵀ; f(s,t) = −δ*(s,t) φ_s.
    double[] w = new double[n];
    mrp.forEachTransition(
        (s, t, p) -> {
          double delta = mrp.reward(s) + g * v[t] - v[s];
          w[s] += mu[s] * p * delta * delta;
        });
    addOuter(sigma, phi, w, phi, d);
    if (!markov) {
      return sigma;
    }
    // h(s) = E[f(s, S') | s] = −δ̄(s) φ_s; ĥ = Z h with Z = (I − P + 1μᵀ)⁻¹ (Poisson equation).
    DMatrixRMaj z = mrp.transitionMatrix();
    CommonOps_DDRM.scale(-1, z);
    for (int s = 0; s < n; s++) {
      z.add(s, s, 1);
      for (int t = 0; t < n; t++) {
        z.add(s, t, mu[t]);
      }
    }
    double[] deltaBar = new double[n];
    mrp.forEachTransition((s, t, p) -> deltaBar[s] += p * (mrp.reward(s) + g * v[t] - v[s]));
    DMatrixRMaj h = new DMatrixRMaj(n, d);
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        h.set(s, i, -deltaBar[s] * phi[s * d + i]);
      }
    }
    DMatrixRMaj hhat = new DMatrixRMaj(n, d);
    if (!CommonOps_DDRM.solve(z, h, hhat)) {
      throw Args.fail("P", "reducible", "an irreducible chain");
    }
    // C = Σ_{s,t} μ_s P(s,t) f(s,t) ĥ(t)ᵀ = −Σ_{s,t} μ_s P(s,t) δ*(s,t) φ_s ĥ(t)ᵀ.
    DMatrixRMaj c = new DMatrixRMaj(d, d);
    mrp.forEachTransition(
        (s, t, p) -> {
          double coef = -mu[s] * p * (mrp.reward(s) + g * v[t] - v[s]);
          for (int i = 0; i < d; i++) {
            double a = coef * phi[s * d + i];
            for (int j = 0; j < d; j++) {
              c.data[i * d + j] += a * hhat.get(t, j);
            }
          }
        });
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        sigma.add(i, j, c.get(i, j) + c.get(j, i));
      }
    }
    return sigma;
  }

  /** sigma += Σ_s w_s x_s y_sᵀ for row-stacked x, y. */
  private static void addOuter(DMatrixRMaj sigma, double[] x, double[] w, double[] y, int d) {
    for (int s = 0; s < w.length; s++) {
      for (int i = 0; i < d; i++) {
        double a = w[s] * x[s * d + i];
        for (int j = 0; j < d; j++) {
          sigma.data[i * d + j] += a * y[s * d + j];
        }
      }
    }
  }

  static double[] stationaryMean(TemporalDifference td, double[] phi, double[] mu, double alpha) {
    MarkovRewardProcess mrp = td.process();
    int n = mrp.states();
    int d = td.dimension();
    if ((long) n * d > 4000) {
      throw Args.fail("states * features", (long) n * d, "at most 4000 for the exact solve");
    }
    double g = td.gamma();
    int m = n * d;
    // Unknowns m_s (block s). Equation: m_t − Σ_s P(s,t) [(I + α φ_s(γφ_t − φ_s)ᵀ) m_s] =
    //   Σ_s P(s,t) α μ_s r_s φ_s.
    DMatrixRMaj lhs = CommonOps_DDRM.identity(m);
    DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
    mrp.forEachTransition(
        (s, t, p) -> {
          for (int i = 0; i < d; i++) {
            double fi = alpha * phi[s * d + i];
            int row = t * d + i;
            lhs.add(row, s * d + i, -p);
            for (int j = 0; j < d; j++) {
              lhs.add(row, s * d + j, -p * fi * (g * phi[t * d + j] - phi[s * d + j]));
            }
            rhs.add(row, 0, p * mu[s] * mrp.reward(s) * fi);
          }
        });
    DMatrixRMaj sol = new DMatrixRMaj(m, 1);
    if (!CommonOps_DDRM.solve(lhs, rhs, sol) || !Dense.allFinite(sol.data)) {
      throw Args.fail("alpha", alpha, "a step for which the joint chain has a stationary mean");
    }
    double[] mean = new double[d];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        mean[i] += sol.data[s * d + i];
      }
    }
    return mean;
  }
}
