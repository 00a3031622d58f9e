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
 *
 * @since 1.0
 */
public final class ShiftedLaplacians implements InstanceSequence {
  private final CsrMatrix base;
  private final int m;
  private final double lo;
  private final double width;
  private final double betaA;
  private final double betaB;
  private final RandomGenerator rng;

  private ShiftedLaplacians(Builder b, RandomGenerator rng) {
    this.base = CsrMatrix.laplacian2d(b.m);
    this.m = b.m;
    this.lo = b.lo;
    this.width = b.width;
    this.betaA = b.betaA;
    this.betaB = b.betaB;
    this.rng = rng;
  }

  /**
   * Starts a sequence with the paper's high-variance settings (10x10 grid, {@code c = -0.15 + 0.6
   * Beta(0.5, 1.5)}), to change by name.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The paper's high-variance sequence: 10x10 grid, {@code c = -0.15 + 0.6 Beta(0.5, 1.5)}.
   *
   * @param seed the random seed
   * @return the sequence
   */
  public static ShiftedLaplacians highVariance(long seed) {
    return builder().build(seed);
  }

  /**
   * The paper's high-variance sequence, drawing from {@code rng}.
   *
   * @param rng the generator, used by the sequence alone from now on
   * @return the sequence
   */
  public static ShiftedLaplacians highVariance(RandomGenerator rng) {
    return builder().build(rng);
  }

  /**
   * The paper's low-variance sequence: 10x10 grid, {@code c = -0.15 + 0.6 Beta(2, 6)}.
   *
   * @param seed the random seed
   * @return the sequence
   */
  public static ShiftedLaplacians lowVariance(long seed) {
    return builder().betaA(2).betaB(6).build(seed);
  }

  /**
   * The paper's low-variance sequence, drawing from {@code rng}.
   *
   * @param rng the generator, used by the sequence alone from now on
   * @return the sequence
   */
  public static ShiftedLaplacians lowVariance(RandomGenerator rng) {
    return builder().betaA(2).betaB(6).build(rng);
  }

  /**
   * Configures a {@link ShiftedLaplacians} by name: {@code
   * ShiftedLaplacians.builder().gridSide(20).betaA(2).betaB(6).build(seed)}. The shift of system t
   * is {@code c_t = lowestShift + shiftWidth * Beta(betaA, betaB)}.
   *
   * @since 1.0
   */
  public static final class Builder {
    private int m = 10;
    private double lo = -0.15;
    private double width = 0.6;
    private double betaA = 0.5;
    private double betaB = 1.5;

    private Builder() {}

    /**
     * The grid side (default 10).
     *
     * @param side at least 2 ({@code n = side^2} unknowns)
     * @return this builder
     */
    public Builder gridSide(int side) {
      this.m = Args.inRange("m", side, 2, 10_000);
      return this;
    }

    /**
     * The smallest shift (default -0.15); checked against the grid at {@link #build(long)}.
     *
     * @param shift greater than {@code -8 sin^2(pi / (2(m + 1)))} so that every system stays
     *     positive definite
     * @return this builder
     */
    public Builder lowestShift(double shift) {
      this.lo = Args.finite("lo", shift);
      return this;
    }

    /**
     * The shift range (default 0.6).
     *
     * @param w positive
     * @return this builder
     */
    public Builder shiftWidth(double w) {
      this.width = Args.positive("width", w);
      return this;
    }

    /**
     * The first Beta shape (default 0.5).
     *
     * @param a positive
     * @return this builder
     */
    public Builder betaA(double a) {
      this.betaA = Args.positive("betaA", a);
      return this;
    }

    /**
     * The second Beta shape (default 1.5).
     *
     * @param b positive
     * @return this builder
     */
    public Builder betaB(double b) {
      this.betaB = Args.positive("betaB", b);
      return this;
    }

    /**
     * Builds the sequence: {@code build(Rng.create(seed))}.
     *
     * @param seed the random seed
     * @return the sequence
     */
    public ShiftedLaplacians build(long seed) {
      return build(Rng.create(seed));
    }

    /**
     * Builds the sequence drawing its shifts from {@code rng}.
     *
     * @param rng the generator, used by the sequence alone from now on
     * @return the sequence
     * @throws IllegalArgumentException if the lowest shift makes a system indefinite
     */
    public ShiftedLaplacians build(RandomGenerator rng) {
      Args.notNull("rng", rng);
      double smallest = 8 * Math.pow(Math.sin(Math.PI / (2.0 * (m + 1))), 2);
      if (!(lo > -smallest)) {
        throw Args.fail(
            "lo", lo, "a shift above -lambda_min(A) = " + (-smallest) + " (positive definite)");
      }
      return new ShiftedLaplacians(this, rng);
    }
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
    return Instance.of(base.plusDiagonal(c), b).withContext(c);
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
