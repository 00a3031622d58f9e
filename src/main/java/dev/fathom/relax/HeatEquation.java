package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.NoSuchElementException;

/**
 * The paper's second experiment: the 2-D heat equation {@code u_t = kappa(t) Laplace(u) + f(t, x)}
 * on the unit square with zero boundary values, stepped by Crank-Nicolson on an nx-by-nx mesh (the
 * 5-point Laplacian L on the {@code (nx - 1)^2} interior points). Step t solves
 *
 * <pre>
 *   (I - kappa dt L / 2) u_next = (I + kappa dt L / 2) u + dt f,   kappa, f at t + dt / 2,
 * </pre>
 *
 * a symmetric positive definite system whose conditioning follows the diffusion coefficient {@code
 * kappa(t) = max(0.1 sin 2 pi t, -10 sin 2 pi t)}. The forcing is a bump of radius 1/8 and height
 * 32 circling the centre ({@code (1/2 + cos(16 pi t)/4, 1/2 + sin(16 pi t)/4)}), the initial state
 * a bump of radius 1/4 at the centre. The context is kappa at the half step, in [0, 10]; the
 * initial guess is the current state (a warm start).
 *
 * <p>Deterministic. The caller must hand each solution back through {@link #accept} before asking
 * for the next system. Not thread-safe.
 *
 * @since 1.0
 */
public final class HeatEquation implements InstanceSequence {
  private final int nx;
  private final int steps;
  private final double dt;
  private final CsrMatrix laplacian;
  private final double[] px;
  private final double[] py;
  private double[] u;
  private int step;
  private boolean pending;

  private HeatEquation(int nx, int steps, double stopTime) {
    this.nx = nx;
    this.steps = steps;
    this.dt = stopTime / steps;
    double inv = (double) nx * nx;
    this.laplacian = CsrMatrix.stencil2d(nx - 1, -4 * inv, inv);
    int n = laplacian.size();
    px = new double[n];
    py = new double[n];
    u = new double[n];
    for (int gi = 0; gi < nx - 1; gi++) {
      for (int gj = 0; gj < nx - 1; gj++) {
        int k = gi * (nx - 1) + gj;
        px[k] = (gi + 1.0) / nx;
        py[k] = (gj + 1.0) / nx;
        u[k] = bump(px[k], py[k], 0.5, 0.5, 0.25);
      }
    }
  }

  /**
   * The paper's setting: 5000 steps up to time 5 on an nx-by-nx mesh (the paper uses nx = 25, 50,
   * 100, 200, 400).
   *
   * @param nx the number of mesh intervals per side, at least 3
   * @return the simulation
   */
  public static HeatEquation paper(int nx) {
    return builder(nx).build();
  }

  /**
   * Starts a simulation on an nx-by-nx mesh with the paper's 5000 steps up to time 5, to change by
   * name: {@code HeatEquation.builder(20).steps(30).stopTime(0.5).build()}.
   *
   * @param nx the number of mesh intervals per side, at least 3 ({@code (nx - 1)^2} unknowns)
   * @return the builder
   */
  public static Builder builder(int nx) {
    return new Builder(Args.inRange("nx", nx, 3, 20_000));
  }

  /**
   * Configures a {@link HeatEquation} by name.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final int nx;
    private int steps = 5000;
    private double stopTime = 5.0;

    private Builder(int nx) {
      this.nx = nx;
    }

    /**
     * The number of time steps (default 5000).
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder steps(int count) {
      this.steps = Args.positive("steps", count);
      return this;
    }

    /**
     * The final time (default 5); {@code dt = stopTime / steps}.
     *
     * @param t positive
     * @return this builder
     */
    public Builder stopTime(double t) {
      this.stopTime = Args.positive("stopTime", t);
      return this;
    }

    /**
     * Builds the simulation at time 0.
     *
     * @return the simulation
     */
    public HeatEquation build() {
      return new HeatEquation(nx, steps, stopTime);
    }
  }

  /**
   * The diffusion coefficient {@code max(0.1 sin 2 pi t, -10 sin 2 pi t)}.
   *
   * @param t the time
   * @return kappa(t), in [0, 10]
   */
  public static double diffusion(double t) {
    double s = Math.sin(2 * Math.PI * t);
    return Math.max(0.1 * s, -10 * s);
  }

  /**
   * The number of unknowns, {@code (nx - 1)^2}.
   *
   * @return n
   */
  public int size() {
    return laplacian.size();
  }

  /**
   * The number of steps taken so far.
   *
   * @return the step index
   */
  public int step() {
    return step;
  }

  /**
   * The current state.
   *
   * @return a copy of u
   */
  public double[] state() {
    return u.clone();
  }

  /**
   * The scaled Laplacian L (negative definite, {@code -4 nx^2} on the diagonal).
   *
   * @return L
   */
  public CsrMatrix laplacian() {
    return laplacian;
  }

  @Override
  public Instance next() {
    if (step >= steps) {
      throw new NoSuchElementException("all " + steps + " steps taken");
    }
    if (pending) {
      throw new IllegalStateException("accept(solution) must follow next()");
    }
    double half = (step + 0.5) * dt;
    double kappa = diffusion(half);
    double c = 0.5 * kappa * dt;
    CsrMatrix a = laplacian.scaleAndShift(-c, 1.0);
    int n = u.length;
    double[] lu = new double[n];
    laplacian.apply(u, lu);
    double cx = 0.5 + Math.cos(16 * Math.PI * half) / 4;
    double cy = 0.5 + Math.sin(16 * Math.PI * half) / 4;
    double[] b = new double[n];
    for (int k = 0; k < n; k++) {
      b[k] = u[k] + c * lu[k] + dt * 32 * bump(px[k], py[k], cx, cy, 0.125);
    }
    pending = true;
    return Instance.of(a, b).withInitialGuess(u.clone()).withContext(kappa);
  }

  @Override
  public void accept(double[] solution) {
    Args.length("solution", solution, u.length);
    Args.finite("solution", solution);
    if (!pending) {
      throw new IllegalStateException("accept(solution) called without next()");
    }
    u = solution.clone();
    step++;
    pending = false;
  }

  @Override
  public double[] contextRange() {
    return new double[] {0.0, 10.0};
  }

  /** The smooth bump exp(1 - 1 / (1 - |x - c|^2 / r^2)) inside radius r, zero outside. */
  static double bump(double x, double y, double cx, double cy, double r) {
    double q = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r * r);
    return q >= 1 ? 0.0 : Math.exp(1 - 1 / (1 - q));
  }
}
