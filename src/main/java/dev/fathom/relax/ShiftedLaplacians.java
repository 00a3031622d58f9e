package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The paper's first experiment: i.i.d. systems {@code (A + c_t I) x = b_t}, with A the 5-point
 * Laplacian on an m-by-m grid ({@link CsrMatrix#laplacian2d}), random shifts {@code c_t = lo +
 * width * Beta(a, b)} (the context), right-hand sides {@code b_t} standard normal conditioned on
 * {@code ||b|| <= sqrt(n)}, and zero initial guesses. The paper's two shift distributions are
 * {@link #highVariance} and {@link #lowVariance}.
 *
 * <p>Reproducible from its seed; infinite. Not thread-safe.
 */
public final class ShiftedLaplacians implements InstanceSequence {
  private final CsrMatrix base;
  private final int m;
  private final double lo;
  private final double width;
  private final double betaA;
  private final double betaB;
  private final RandomGenerator rng;

  /**
   * Creates the sequence.
   *
   * @param m the grid side, at least 2 (n = m^2 unknowns)
   * @param lo the smallest shift, greater than {@code -8 sin^2(pi / (2(m + 1)))} so that every
   *     system stays positive definite
   * @param width the shift range, positive
   * @param betaA the first Beta shape, positive
   * @param betaB the second Beta shape, positive
   * @param seed the random seed
   */
  public ShiftedLaplacians(int m, double lo, double width, double betaA, double betaB, long seed) {
    Args.inRange("m", m, 2, 10_000);
    double smallest = 8 * Math.pow(Math.sin(Math.PI / (2.0 * (m + 1))), 2);
    Args.finite("lo", lo);
    if (!(lo > -smallest)) {
      throw Args.fail(
          "lo", lo, "a shift above -lambda_min(A) = " + (-smallest) + " (positive definite)");
    }
    this.base = CsrMatrix.laplacian2d(m);
    this.m = m;
    this.lo = lo;
    this.width = Args.positive("width", width);
    this.betaA = Args.positive("betaA", betaA);
    this.betaB = Args.positive("betaB", betaB);
    this.rng = Rng.create(seed);
  }

  /**
   * The paper's high-variance sequence: 10x10 grid, {@code c = -0.15 + 0.6 Beta(0.5, 1.5)}.
   *
   * @param seed the random seed
   * @return the sequence
   */
  public static ShiftedLaplacians highVariance(long seed) {
    return new ShiftedLaplacians(10, -0.15, 0.6, 0.5, 1.5, seed);
  }

  /**
   * The paper's low-variance sequence: 10x10 grid, {@code c = -0.15 + 0.6 Beta(2, 6)}.
   *
   * @param seed the random seed
   * @return the sequence
   */
  public static ShiftedLaplacians lowVariance(long seed) {
    return new ShiftedLaplacians(10, -0.15, 0.6, 2, 6, seed);
  }

  /**
   * The unshifted Laplacian.
   *
   * @return A
   */
  public CsrMatrix base() {
    return base;
  }

  @Override
  public Instance next() {
    double c = lo + width * Rng.beta(rng, betaA, betaB);
    double[] b = Sampling.truncatedNormal(rng, base.size());
    return new Instance(base.plusDiagonal(c), b, null, c);
  }

  /**
   * The next {@code count} systems.
   *
   * @param count how many, at least 0
   * @return the instances
   */
  public List<Instance> take(int count) {
    Args.nonNegative("count", count);
    List<Instance> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }

  /**
   * The instance-optimal reference policy in closed form: the Jacobi iteration matrix of {@code A +
   * cI} has spectral radius {@code 4 cos(pi / (m + 1)) / (4 + c)}, so {@code omega*(c)} follows
   * from Young's formula without any eigenvalue computation.
   *
   * @return the policy; it reads the instance's context as the shift
   */
  public OmegaPolicy closedFormOmegaStar() {
    double top = 4 * Math.cos(Math.PI / (m + 1));
    return OmegaPolicy.stateless(
        "omega* per instance", in -> OptimalOmega.fromJacobiRadius(top / (4 + in.context())));
  }

  @Override
  public double[] contextRange() {
    return new double[] {lo, lo + width};
  }
}
