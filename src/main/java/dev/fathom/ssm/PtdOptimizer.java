package dev.fathom.ssm;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Perturb-then-diagonalize with an optimized perturbation: instead of a random E, minimize {@code
 * F(E) = kappa(V(A + E))^2 + lambda ||E||_F / ||A||_2} (the objective of the S4-PTD paper's offline
 * trainer, in a scale-free form) by Adam on the real entries of E. A real E keeps the
 * conjugate-pair structure. For LegS it reaches kappa of about 7.5 at {@code ||E||/||A||} of 8.6%
 * (N = 16) and 8.5 at 5.9% (N = 32) in 150-200 steps, close to the paper's published files.
 *
 * <p>The gradient of kappa is exact for simple eigenvalues: with {@code M = A + E = V Lambda W},
 * {@code W = V^{-1}}, the first-order change of the eigenvectors is {@code dV = V (Omega o (W dM
 * V))} with {@code Omega_kj = 1/(lambda_j - lambda_k)}, and kappa's derivative is that of the
 * extreme singular values of the column-normalized V; the chain rule gives {@code grad_E = Re(W^H
 * (conj(Omega) o (V^H G)) V^H)} for {@code dkappa = Re <G, dV>}. Each step costs one
 * eigendecomposition (O(N^4) with inverse iteration), so this is meant for N up to about 64,
 * offline, like the reference trainer.
 *
 * <p>Optionally (not in the paper, whose code reflects {@code Re lambda} afterwards) a penalty
 * {@code mu sum_j max(0, Re lambda_j + margin)^2} keeps the spectrum of {@code A + E} stable during
 * the optimization; its gradient uses {@code d lambda_j = w_j^T dE v_j}.
 *
 * <p>Stateless and thread-safe; the result is reproducible from the seed.
 *
 * @since 1.0
 */
public final class PtdOptimizer {
  private PtdOptimizer() {}

  /**
   * Optimization settings, immutable. Start from {@link #defaults()} and change what differs by
   * name:
   *
   * <pre>{@code
   * Options o = Options.defaults().withSteps(400).withLearningRate(0.005).withStabilityWeight(1);
   * }</pre>
   *
   * <p>Every {@code with...} method validates its value and names it in the exception.
   */
  public static final class Options {
    private final double lambda;
    private final int steps;
    private final double learningRate;
    private final double initialEpsilon;
    private final double stabilityWeight;
    private final double stabilityMargin;

    private Options(
        double lambda,
        int steps,
        double learningRate,
        double initialEpsilon,
        double stabilityWeight,
        double stabilityMargin) {
      this.lambda = Args.nonNegative("lambda", lambda);
      this.steps = Args.nonNegative("steps", steps);
      this.learningRate = Args.positive("learningRate", learningRate);
      this.initialEpsilon = Args.inRange("initialEpsilon", initialEpsilon, Double.MIN_NORMAL, 1);
      this.stabilityWeight = Args.nonNegative("stabilityWeight", stabilityWeight);
      this.stabilityMargin = Args.nonNegative("stabilityMargin", stabilityMargin);
    }

    /**
     * The paper's objective at the settings measured in the docs: {@code lambda = 1}, 150 steps,
     * learning rate 0.02, initial epsilon 0.01, no stability penalty.
     *
     * @return the default settings
     */
    public static Options defaults() {
      return new Options(1, 150, 0.02, 1e-2, 0, 0);
    }

    /**
     * The weight of {@code ||E||_F / ||A||_2} against {@code kappa^2}.
     *
     * @return lambda, non-negative
     */
    public double lambda() {
      return lambda;
    }

    /**
     * The number of Adam steps.
     *
     * @return the steps, at least 0
     */
    public int steps() {
      return steps;
    }

    /**
     * The Adam step size, relative to {@code ||A||_2 / N}.
     *
     * @return the learning rate, positive
     */
    public double learningRate() {
      return learningRate;
    }

    /**
     * {@code ||E_0||_2 / ||A||_2} of the random starting point.
     *
     * @return the initial epsilon, in (0, 1]
     */
    public double initialEpsilon() {
      return initialEpsilon;
    }

    /**
     * The weight mu of the stability penalty {@code mu sum_j max(0, Re lambda_j + margin)^2} (0:
     * the paper's objective, no penalty).
     *
     * @return mu, non-negative
     */
    public double stabilityWeight() {
      return stabilityWeight;
    }

    /**
     * The margin of the stability penalty: eigenvalues are pushed to {@code Re lambda <= -margin},
     * in the units of A.
     *
     * @return the margin, non-negative
     */
    public double stabilityMargin() {
      return stabilityMargin;
    }

    /**
     * These settings with another lambda.
     *
     * @param value the weight of {@code ||E||_F / ||A||_2}, non-negative
     * @return the new settings
     */
    public Options withLambda(double value) {
      return new Options(
          value, steps, learningRate, initialEpsilon, stabilityWeight, stabilityMargin);
    }

    /**
     * These settings with another step count.
     *
     * @param value the number of Adam steps, at least 0
     * @return the new settings
     */
    public Options withSteps(int value) {
      return new Options(
          lambda, value, learningRate, initialEpsilon, stabilityWeight, stabilityMargin);
    }

    /**
     * These settings with another learning rate.
     *
     * @param value the Adam step size relative to {@code ||A||_2 / N}, positive
     * @return the new settings
     */
    public Options withLearningRate(double value) {
      return new Options(lambda, steps, value, initialEpsilon, stabilityWeight, stabilityMargin);
    }

    /**
     * These settings with another starting size.
     *
     * @param value {@code ||E_0||_2 / ||A||_2}, in (0, 1]
     * @return the new settings
     */
    public Options withInitialEpsilon(double value) {
      return new Options(lambda, steps, learningRate, value, stabilityWeight, stabilityMargin);
    }

    /**
     * These settings with another stability weight.
     *
     * @param value the weight mu of the stability penalty, non-negative (0 turns it off)
     * @return the new settings
     */
    public Options withStabilityWeight(double value) {
      return new Options(lambda, steps, learningRate, initialEpsilon, value, stabilityMargin);
    }

    /**
     * These settings with another stability margin.
     *
     * @param value the margin, non-negative, in the units of A
     * @return the new settings
     */
    public Options withStabilityMargin(double value) {
      return new Options(lambda, steps, learningRate, initialEpsilon, stabilityWeight, value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Options p
          && p.lambda == lambda
          && p.steps == steps
          && p.learningRate == learningRate
          && p.initialEpsilon == initialEpsilon
          && p.stabilityWeight == stabilityWeight
          && p.stabilityMargin == stabilityMargin;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(
          lambda, steps, learningRate, initialEpsilon, stabilityWeight, stabilityMargin);
    }

    @Override
    public String toString() {
      return "Options[lambda="
          + lambda
          + ", steps="
          + steps
          + ", learningRate="
          + learningRate
          + ", initialEpsilon="
          + initialEpsilon
          + ", stabilityWeight="
          + stabilityWeight
          + ", stabilityMargin="
          + stabilityMargin
          + "]";
    }
  }

  /**
   * The outcome.
   *
   * @param best the decomposition with the smallest objective seen; with a stability penalty, the
   *     best among the iterates whose spectrum is in {@code Re <= 0} if there is one
   * @param perturbation the E of {@code best}
   * @param objective the objective after each step (length steps + 1, starting point first)
   */
  public record Result(Diagonalization best, DMatrixRMaj perturbation, double[] objective) {}

  /**
   * Optimizes E from a random start.
   *
   * @param a the matrix, real square finite
   * @param options the settings
   * @param seed the seed of the starting E ({@code optimize(a, options, Rng.create(seed))})
   * @return the best decomposition found and the objective history
   */
  public static Result optimize(DMatrixRMaj a, Options options, long seed) {
    return optimize(a, options, Rng.create(seed));
  }

  /**
   * {@link #optimize(DMatrixRMaj, Options, long)} drawing the starting E from a given generator.
   *
   * @param a the matrix, real square finite
   * @param options the settings
   * @param rng the generator of the starting E, advanced by N^2 Gaussian draws
   * @return the best decomposition found and the objective history
   */
  public static Result optimize(DMatrixRMaj a, Options options, RandomGenerator rng) {
    int n = DenseSsm.checkSquare(a);
    Args.notNull("options", options);
    Args.notNull("rng", rng);
    double normA = Diagonalization.norm2(a);
    DMatrixRMaj e = new DMatrixRMaj(n, n);
    Rng.gaussian(rng, e.data);
    CommonOps_DDRM.scale(options.initialEpsilon() * normA / Diagonalization.norm2(e), e);
    return descend(a, e, options);
  }

  /**
   * Optimizes E from a given start instead of a random one (the option's {@code initialEpsilon} is
   * not used): for example to continue from a perturbation computed elsewhere. The objective is not
   * convex; which minimum Adam reaches, and so the transfer error of the result, depends on the
   * start (see docs/ssm.md).
   *
   * @param a the matrix, real square finite
   * @param start the starting E, same shape as {@code a}, finite (copied)
   * @param options the settings
   * @return the best decomposition found and the objective history
   */
  public static Result refine(DMatrixRMaj a, DMatrixRMaj start, Options options) {
    int n = DenseSsm.checkSquare(a);
    Args.notNull("start", start);
    if (start.numRows != n || start.numCols != n) {
      throw Args.fail(
          "start", start.numRows + " x " + start.numCols, "the shape of a, " + n + " x " + n);
    }
    Args.finite("start", start.data);
    Args.notNull("options", options);
    return descend(a, start.copy(), options);
  }

  /** Adam on the objective from E (modified in place). */
  private static Result descend(DMatrixRMaj a, DMatrixRMaj e, Options options) {
    int n = a.numRows;
    double normA = Diagonalization.norm2(a);
    double lr = options.learningRate() * normA / n;
    double[] m1 = new double[n * n];
    double[] m2 = new double[n * n];
    double beta1 = 0.9;
    double beta2 = 0.999;
    double[] history = new double[options.steps() + 1];
    Diagonalization best = null;
    DMatrixRMaj bestE = null;
    double bestF = Double.POSITIVE_INFINITY;
    boolean bestStable = false;
    boolean penalize = options.stabilityWeight() > 0;
    for (int step = 0; step <= options.steps(); step++) {
      Diagonalization d = Diagonalization.perturbed(a, e);
      double normE = CommonOps_DDRM.elementSum(elementSquare(e));
      normE = Math.sqrt(normE);
      double f =
          d.condition() * d.condition()
              + options.lambda() * normE / normA
              + options.stabilityWeight() * stabilityPenalty(d, options.stabilityMargin());
      history[step] = f;
      boolean stable = !penalize || maxRealPart(d) <= 0;
      if ((stable && !bestStable) || (stable == bestStable && f < bestF)) {
        bestF = f;
        bestStable = stable;
        best = d;
        bestE = e.copy();
      }
      if (step == options.steps()) {
        break;
      }
      double[] g = gradientKappa(d);
      double[] gs = penalize ? gradientStability(d, options.stabilityMargin()) : new double[n * n];
      double scaleK = 2 * d.condition();
      for (int k = 0; k < n * n; k++) {
        double gk =
            scaleK * g[k]
                + options.stabilityWeight() * gs[k]
                + (normE > 0 ? options.lambda() * e.data[k] / (normE * normA) : 0);
        if (!Double.isFinite(gk)) {
          gk = 0;
        }
        m1[k] = beta1 * m1[k] + (1 - beta1) * gk;
        m2[k] = beta2 * m2[k] + (1 - beta2) * gk * gk;
        double mh = m1[k] / (1 - Math.pow(beta1, step + 1));
        double vh = m2[k] / (1 - Math.pow(beta2, step + 1));
        e.data[k] -= lr * mh / (Math.sqrt(vh) + 1e-30);
      }
    }
    return new Result(best, bestE, history);
  }

  /**
   * The largest real part of the spectrum of a decomposition.
   *
   * @param d the decomposition
   * @return {@code max_j Re lambda_j}
   */
  public static double maxRealPart(Diagonalization d) {
    Args.notNull("d", d);
    double[] lam = d.eigenvalues();
    double m = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < lam.length; k += 2) {
      m = Math.max(m, lam[k]);
    }
    return m;
  }

  /** sum_j max(0, Re lambda_j + margin)^2. */
  static double stabilityPenalty(Diagonalization d, double margin) {
    double[] lam = d.eigenvalues();
    double p = 0;
    for (int k = 0; k < lam.length; k += 2) {
      double x = Math.max(0, lam[k] + margin);
      p += x * x;
    }
    return p;
  }

  /**
   * d/dE of {@link #stabilityPenalty}: for a simple eigenvalue {@code d lambda_j = w_j^T dE v_j}
   * (row j of {@code W = V^{-1}}, column j of V), so {@code d Re lambda_j / d E_ik = Re(W_ji
   * V_kj)}.
   */
  static double[] gradientStability(Diagonalization d, double margin) {
    int n = d.size();
    double[] lam = d.eigenvalues();
    double[] v = d.v();
    double[] w = d.vInverse();
    double[] g = new double[n * n];
    for (int j = 0; j < n; j++) {
      double x = Math.max(0, lam[2 * j] + margin);
      if (x == 0) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double wr = w[2 * (j * n + i)];
        double wi = w[2 * (j * n + i) + 1];
        for (int k = 0; k < n; k++) {
          double vr = v[2 * (k * n + j)];
          double vi = v[2 * (k * n + j) + 1];
          g[i * n + k] += 2 * x * (wr * vr - wi * vi);
        }
      }
    }
    return g;
  }

  private static DMatrixRMaj elementSquare(DMatrixRMaj e) {
    DMatrixRMaj s = e.copy();
    CommonOps_DDRM.elementMult(s, e);
    return s;
  }

  /** d kappa / d E (real N x N, row-major) at the decomposition d. */
  static double[] gradientKappa(Diagonalization d) {
    int n = d.size();
    CMatrix v = unflatten(d.v(), n);
    CMatrix w = unflatten(d.vInverse(), n);
    double[] lam = d.eigenvalues();
    // SVD of V through its real embedding: top and bottom singular pairs
    org.ejml.interfaces.decomposition.SingularValueDecomposition_F64<DMatrixRMaj> svd =
        org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(2 * n, 2 * n, true, true, false);
    if (!svd.decompose(v.embedding())) {
      return new double[n * n];
    }
    double[] s = svd.getSingularValues();
    DMatrixRMaj uu = svd.getU(null, false);
    DMatrixRMaj vv = svd.getV(null, false);
    int iMax = 0;
    int iMin = 0;
    for (int k = 1; k < s.length; k++) {
      if (s[k] > s[iMax]) {
        iMax = k;
      }
      if (s[k] < s[iMin]) {
        iMin = k;
      }
    }
    double s1 = s[iMax];
    double sn = s[iMin];
    // G = (1/sn) u1 v1^H - (s1/sn^2) un vn^H, complex vectors read from the embedding
    CMatrix g = new CMatrix(n, n);
    addOuter(g, uu, vv, iMax, n, 1 / sn);
    addOuter(g, uu, vv, iMin, n, -s1 / (sn * sn));
    // project out the column scaling: G_j -= v_j Re(v_j^H G_j)
    for (int j = 0; j < n; j++) {
      double re = 0;
      for (int i = 0; i < n; i++) {
        re += v.re.get(i, j) * g.re.get(i, j) + v.im.get(i, j) * g.im.get(i, j);
      }
      for (int i = 0; i < n; i++) {
        g.re.add(i, j, -re * v.re.get(i, j));
        g.im.add(i, j, -re * v.im.get(i, j));
      }
    }
    CMatrix h = v.adjoint().mult(g);
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < n; j++) {
        if (k == j) {
          h.re.set(k, j, 0);
          h.im.set(k, j, 0);
          continue;
        }
        // conj(Omega_kj) = conj(1/(lambda_j - lambda_k))
        double dr = lam[2 * j] - lam[2 * k];
        double di = lam[2 * j + 1] - lam[2 * k + 1];
        double den = Math.max(dr * dr + di * di, 1e-300);
        double or = dr / den;
        double oi = di / den; // conj of (dr - i di)/den
        double hr = h.re.get(k, j);
        double hi = h.im.get(k, j);
        h.re.set(k, j, or * hr - oi * hi);
        h.im.set(k, j, or * hi + oi * hr);
      }
    }
    CMatrix grad = w.adjoint().mult(h).mult(v.adjoint());
    return grad.re.data.clone();
  }

  /** g += scale * u_k v_k^H with u_k, v_k the k-th singular vectors of the embedding. */
  private static void addOuter(CMatrix g, DMatrixRMaj uu, DMatrixRMaj vv, int k, int n, double sc) {
    for (int i = 0; i < n; i++) {
      double ur = uu.get(i, k);
      double ui = uu.get(i + n, k);
      for (int j = 0; j < n; j++) {
        double vr = vv.get(j, k);
        double vi = vv.get(j + n, k);
        // u conj(v)
        g.re.add(i, j, sc * (ur * vr + ui * vi));
        g.im.add(i, j, sc * (ui * vr - ur * vi));
      }
    }
  }

  static CMatrix unflatten(double[] flat, int n) {
    CMatrix m = new CMatrix(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.re.set(i, j, flat[2 * (i * n + j)]);
        m.im.set(i, j, flat[2 * (i * n + j) + 1]);
      }
    }
    return m;
  }
}
