package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.Rng;
import dev.fathom.core.StoppingRule;
import java.util.random.RandomGenerator;

/**
 * Inexact Halpern iteration on the resolvent {@code J_{c(F+G)}} for monotone Lipschitz finite sums:
 * Algorithm 2 of Cai, Alacaoglu and Diakonikolas (ICLR 2024).
 *
 * <pre>
 * x_{k+1} = x0/(k+2) + (1 − 1/(k+2))·J̃_k,     J̃_k ≈ J_{c(F+G)}(x_k)
 * </pre>
 *
 * <p>Each resolvent is an inner problem {@code 0 ∈ cF(v) + v − x_k + c·G(v)}, 1-strongly monotone,
 * solved approximately by
 *
 * <ul>
 *   <li>{@linkplain #varianceReduced variance-reduced} forward-reflected-backward (VR-FoRB,
 *       Alacaoglu and Malitsky 2022, loopless SVRG): {@code M_k = ⌊a·n·log(k+2)⌋} steps of {@code v
 *       ← J_{γcG}(v̄ − γ[g(w) + c(F_i(v) − F_i(w⁻)) + v − w⁻])}, {@code v̄ = (1−p)v + p·w}, {@code
 *       g(w) = cF(w) + w − x_k}, with the reference point refreshed {@code w ← v} with probability
 *       {@code p = 1/n} (the standard refresh; the authors' released code refreshes to {@code x_k},
 *       which we take to be a slip). Defaults: {@code c = √n/L_Q}, {@code γ = √(p(1−p))/(cL_Q +
 *       1)}, {@code a = 0.05}. Oracle complexity {@code Õ(n + √n·L/ε)}.
 *   <li>{@linkplain #deterministic deterministic} forward-reflected-backward (Malitsky and Tam):
 *       {@code M_k = ⌈a·log(k+2)⌉} steps of {@code v ← J_{γcG}(v − γ[2g(v) − g(v⁻)])}, each a full
 *       pass. Defaults: {@code c = 10/L_F}, {@code γ = 0.45/(cL_F + 1)}, {@code a = 1} (tuned on
 *       the built-in problems: a large resolvent step with a short inner loop did best; {@code c =
 *       1/L_F} was two to three times slower). This is the deterministic Halpern method for
 *       monotone (not cocoercive) problems.
 * </ul>
 *
 * <p>Every inner loop starts at {@code u = x_k} (a warm start at {@code J̃_{k−1}} halved the calls
 * on least squares but stalled on the Ouyang-Xu instance, where the inner solves are far from
 * exact). The residual is checked at both candidate points: at {@code x_k} for free (the inner
 * loop's first full pass) and at {@code J̃_k} as monitoring (not counted as oracle calls); the
 * solution is whichever met the tolerance first, else the last {@code J̃_k}. {@code J̃_k} matters:
 * Halpern controls {@code ‖x_k − J(x_k)‖ = O(‖x0 − x*‖/k)}, and {@code (x_k − J(x_k))/c ∈
 * (F+G)(J(x_k))}, so the residual bound {@code O(‖x0 − x*‖/(ck))} with its {@code 1/c = L_Q/√n}
 * (the source of the √n gain) holds at {@code J(x_k)}; at {@code x_k} itself only the deterministic
 * {@code O(L_F‖x0 − x*‖/k)} holds.
 *
 * @since 1.0
 */
public final class InexactHalpern implements MonotoneSolver {
  private final boolean vr;
  private final double resolventStep;
  private final double innerStep;
  private final double innerFactor;
  private final SeedSource random;

  private InexactHalpern(
      boolean vr, double resolventStep, double innerStep, double innerFactor, SeedSource random) {
    this.vr = vr;
    this.resolventStep = resolventStep;
    this.innerStep = innerStep;
    this.innerFactor = innerFactor;
    this.random = random;
  }

  /**
   * Algorithm 2 with the VR-FoRB inner loop and default constants; every run draws from {@code
   * Rng.create(seed)}, so runs repeat.
   *
   * @param seed the seed of the sampling
   * @return the solver
   */
  public static InexactHalpern varianceReduced(long seed) {
    return new InexactHalpern(true, Double.NaN, Double.NaN, 0.05, SeedSource.of(seed));
  }

  /**
   * Algorithm 2 with the VR-FoRB inner loop and default constants, drawing from {@code rng}:
   * successive runs continue its sequence, and the solver must then stay on one thread.
   *
   * @param rng the generator of the sampling
   * @return the solver
   */
  public static InexactHalpern varianceReduced(RandomGenerator rng) {
    return new InexactHalpern(true, Double.NaN, Double.NaN, 0.05, SeedSource.of(rng));
  }

  /**
   * Inexact Halpern with a deterministic forward-reflected-backward inner loop and default
   * constants.
   *
   * @return the solver
   */
  public static InexactHalpern deterministic() {
    return new InexactHalpern(false, Double.NaN, Double.NaN, 1.0, SeedSource.of(0L));
  }

  /**
   * The same solver with a given resolvent step {@code c} instead of the default ({@code √n/L_Q}
   * with the VR-FoRB inner loop, {@code 10/L_F} with the deterministic one).
   *
   * @param c the resolvent step, finite and positive
   * @return a new solver (sharing this one's randomness)
   */
  public InexactHalpern withResolventStep(double c) {
    return new InexactHalpern(
        vr, Args.positive("resolventStep", c), innerStep, innerFactor, random);
  }

  /**
   * The same solver with a given inner step {@code γ} instead of the default ({@code
   * √(p(1−p))/(cL_Q + 1)} with VR-FoRB, {@code 0.45/(cL_F + 1)} deterministic; the deterministic
   * loop needs {@code γ < 1/(2(cL_F + 1))}).
   *
   * @param gamma the inner step, finite and positive
   * @return a new solver (sharing this one's randomness)
   */
  public InexactHalpern withInnerStep(double gamma) {
    return new InexactHalpern(
        vr, resolventStep, Args.positive("innerStep", gamma), innerFactor, random);
  }

  /**
   * The same solver with another inner-loop length factor {@code a}: {@code M_k = ⌊a·n·log(k+2)⌋}
   * VR-FoRB steps (default 0.05) or {@code M_k = ⌈a·log(k+2)⌉} deterministic steps (default 1).
   *
   * @param a the factor, finite and positive
   * @return a new solver (sharing this one's randomness)
   */
  public InexactHalpern withInnerFactor(double a) {
    return new InexactHalpern(
        vr, resolventStep, innerStep, Args.positive("innerFactor", a), random);
  }

  @Override
  public String name() {
    return vr ? "VR-Halpern (Alg. 2)" : "Inexact Halpern";
  }

  @Override
  public InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener, 1.0);
    CountingOperator op = m.op();
    int n = problem.size();
    int d = problem.dimension();
    double[] x0 = problem.start();
    double[] x = x0.clone();
    if (m.done()) {
      return m.result(name(), x, 0);
    }
    double lip = vr ? Lipschitz.meanSquareOf(problem, op) : Lipschitz.lipschitzOf(problem, op);
    double c = Double.isNaN(resolventStep) ? (vr ? Math.sqrt(n) / lip : 10.0 / lip) : resolventStep;
    double p = 1.0 / n;
    double gamma;
    if (!Double.isNaN(innerStep)) {
      gamma = innerStep;
    } else if (vr) {
      gamma = Math.sqrt(p * (1 - p)) / (c * lip + 1);
    } else {
      gamma = 0.45 / (c * lip + 1);
    }
    if (vr && n == 1) {
      gamma = Double.isNaN(innerStep) ? 0.45 / (c * lip + 1) : innerStep;
    }
    Inner inner = new Inner(problem, op, m, c, gamma, p, random.generator(), d);
    double[] u = new double[d];
    long k = 0;
    while (!m.budgetSpent()) {
      System.arraycopy(x, 0, u, 0, d);
      long steps =
          vr
              ? Math.max(1L, (long) Math.floor(innerFactor * n * Math.log(k + 2)))
              : Math.max(1L, (long) Math.ceil(innerFactor * Math.log(k + 2)));
      // each inner loop starts with F(x_k): a free residual check at x_k
      boolean stop = vr && n > 1 ? inner.vrForb(u, k, steps) : inner.forb(u, k, steps);
      if (stop) {
        return m.result(name(), x, k);
      }
      k++;
      // the guarantee is about J̃_k (see the class comment): check it, as monitoring
      if (m.monitorCheck(inner.v, k)) {
        break;
      }
      double lambda = 1.0 / (k + 1);
      Kernels.mix(lambda, x0, inner.v, x);
    }
    return m.result(name(), inner.v, k);
  }

  /**
   * Runs {@code steps} VR-FoRB steps on the single resolvent subproblem {@code v = J_{c(F+G)}(u)},
   * started at {@code u}, and returns the approximate resolvent. Package-private, for tests of the
   * inner loop's linear rate.
   */
  static double[] vrForbResolvent(
      Problem problem, double c, double gamma, double[] u, long steps, long seed) {
    Monitor m =
        new Monitor(problem, StoppingRule.budget(Long.MAX_VALUE), IterationListener.NONE, 1.0);
    int n = problem.size();
    Inner inner =
        new Inner(problem, m.op(), m, c, gamma, 1.0 / n, Rng.create(seed), problem.dimension());
    inner.vrForb(u, 0, steps);
    return inner.v.clone();
  }

  /** Workspace and the two inner loops. */
  private static final class Inner {
    private final Resolvent g;
    private final CountingOperator op;
    private final Monitor m;
    private final double c;
    private final double gamma;
    private final double p;
    private final RandomGenerator rng;
    private final int n;
    final double[] v;
    private final double[] w;
    private final double[] wPrev;
    private final double[] gw;
    private final double[] fw;
    private final double[] dir;
    private final double[] tmp;

    Inner(
        Problem problem,
        CountingOperator op,
        Monitor m,
        double c,
        double gamma,
        double p,
        RandomGenerator rng,
        int d) {
      this.g = problem.resolvent();
      this.op = op;
      this.m = m;
      this.c = c;
      this.gamma = gamma;
      this.p = p;
      this.rng = rng;
      this.n = problem.size();
      this.v = new double[d];
      this.w = new double[d];
      this.wPrev = new double[d];
      this.gw = new double[d];
      this.fw = new double[d];
      this.dir = new double[d];
      this.tmp = new double[d];
    }

    /** {@code out = c·fw + w − u}. */
    private void innerOperator(double[] fwAt, double[] at, double[] u, double[] out) {
      for (int j = 0; j < out.length; j++) {
        out[j] = c * fwAt[j] + at[j] - u[j];
      }
    }

    /**
     * VR-FoRB on the resolvent at {@code u} = iterate {@code k}, started at {@code u}; leaves the
     * answer in {@link #v}. Its first pass is a free check at {@code u} when {@code k > 0}.
     */
    boolean vrForb(double[] u, long k, long steps) {
      System.arraycopy(u, 0, v, 0, u.length);
      System.arraycopy(u, 0, w, 0, u.length);
      System.arraycopy(u, 0, wPrev, 0, u.length);
      op.apply(w, fw);
      if (k > 0 && m.exact(u, fw, k)) {
        return true;
      }
      innerOperator(fw, w, u, gw);
      double alpha = 1.0 - p;
      for (long t = 0; t < steps && !m.budgetSpent(); t++) {
        int i = rng.nextInt(n);
        for (int j = 0; j < dir.length; j++) {
          dir[j] = gw[j] + v[j] - wPrev[j];
        }
        op.addComponentDifference(i, c, v, wPrev, dir);
        for (int j = 0; j < tmp.length; j++) {
          tmp[j] = alpha * v[j] + (1 - alpha) * w[j] - gamma * dir[j];
        }
        Kernels.resolve(g, gamma * c, tmp, v);
        System.arraycopy(w, 0, wPrev, 0, w.length);
        if (rng.nextDouble() < p) {
          System.arraycopy(v, 0, w, 0, v.length);
          op.apply(w, fw);
          innerOperator(fw, w, u, gw);
        }
      }
      return false;
    }

    /**
     * Deterministic FoRB on the resolvent at {@code u} = iterate {@code k}, started at {@code u};
     * answer in {@link #v}. Its first pass is a free check at {@code u} when {@code k > 0}.
     */
    boolean forb(double[] u, long k, long steps) {
      System.arraycopy(u, 0, v, 0, u.length);
      op.apply(v, fw);
      if (k > 0 && m.exact(u, fw, k)) {
        return true;
      }
      innerOperator(fw, v, u, gw); // g(v_0); gw holds g(v_{t-1}) below
      for (long t = 0; t < steps; t++) {
        if (t == 0) {
          Kernels.reflected(v, gamma, gw, gw, dir); // v − γ(2g − g) = v − γg exactly
        } else {
          if (m.budgetSpent()) {
            break;
          }
          op.apply(v, fw);
          innerOperator(fw, v, u, tmp); // g(v_t)
          Kernels.reflected(v, gamma, tmp, gw, dir);
          System.arraycopy(tmp, 0, gw, 0, gw.length);
        }
        Kernels.resolve(g, gamma * c, dir, v);
      }
      return false;
    }
  }
}
