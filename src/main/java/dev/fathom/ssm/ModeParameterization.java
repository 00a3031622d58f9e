package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * How S4D code stores the eigenvalues of a diagonal system as trainable parameters (the reference
 * kernel's {@code real_transform} and {@code imag_transform}): {@code Re A = -f(p_re)} and {@code
 * Im A = g(p_im)} for transforms f, g of unconstrained parameters. With {@link Transform#EXP} (the
 * default), {@link Transform#RELU}, {@link Transform#SIGMOID} or {@link Transform#SOFTPLUS} as f,
 * every parameter value gives {@code Re A <= 0}, so gradient steps cannot make the system unstable;
 * {@link Transform#NONE} gives no such guarantee (use {@link #clip} then, as S5's {@code
 * clip_eigs}). The inverse transform (used to initialize the parameters from an init such as
 * S4D-Lin) clamps the decay rate {@code -Re A} to at least {@link #MIN_RATE}, as the reference
 * does.
 *
 * <p>Arrays are interleaved complex {@code (Re A, Im A)} pairs, as everywhere in this package;
 * parameters use the same interleaving {@code (p_re, p_im)}. Immutable, stateless and thread-safe;
 * made from {@link #DEFAULT} by naming what differs, so the two transforms cannot be swapped:
 *
 * <pre>{@code
 * ModeParameterization mp = ModeParameterization.DEFAULT.withReal(Transform.SOFTPLUS);
 * }</pre>
 *
 * @since 1.0
 */
public final class ModeParameterization {

  /** The smallest decay rate {@code -Re A} the inverse transform produces. */
  public static final double MIN_RATE = 1e-4;

  /** The reference code's default: {@code Re A = -exp(p)}, {@code Im A = p}. */
  public static final ModeParameterization DEFAULT =
      new ModeParameterization(Transform.EXP, Transform.NONE);

  private final Transform real;
  private final Transform imag;

  private ModeParameterization(Transform real, Transform imag) {
    this.real = Args.notNull("real", real);
    this.imag = Args.notNull("imag", imag);
  }

  /**
   * The transform f of the real part, {@code Re A = -f(p_re)}.
   *
   * @return f
   */
  public Transform real() {
    return real;
  }

  /**
   * The transform g of the imaginary part, {@code Im A = g(p_im)}.
   *
   * @return g
   */
  public Transform imag() {
    return imag;
  }

  /**
   * This parameterization with another transform of the real part.
   *
   * @param transform f, with {@code Re A = -f(p_re)}
   * @return the new parameterization
   */
  public ModeParameterization withReal(Transform transform) {
    return new ModeParameterization(transform, imag);
  }

  /**
   * This parameterization with another transform of the imaginary part.
   *
   * @param transform g, with {@code Im A = g(p_im)}
   * @return the new parameterization
   */
  public ModeParameterization withImag(Transform transform) {
    return new ModeParameterization(real, transform);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModeParameterization m && m.real == real && m.imag == imag;
  }

  @Override
  public int hashCode() {
    return 31 * real.hashCode() + imag.hashCode();
  }

  @Override
  public String toString() {
    return "ModeParameterization[real=" + real + ", imag=" + imag + "]";
  }

  /** A scalar transform and its inverse. */
  public enum Transform {
    /** {@code f(p) = exp(p)}. */
    EXP,
    /** {@code f(p) = max(p, 0)}. */
    RELU,
    /** {@code f(p) = 1 / (1 + exp(-p))}, values in (0, 1). */
    SIGMOID,
    /** {@code f(p) = log(1 + exp(p))}. */
    SOFTPLUS,
    /** {@code f(p) = p}. */
    NONE;

    /**
     * Applies the transform.
     *
     * @param p the parameter
     * @return f(p)
     */
    public double apply(double p) {
      return switch (this) {
        case EXP -> Math.exp(p);
        case RELU -> Math.max(p, 0);
        case SIGMOID -> 1 / (1 + Math.exp(-p));
        case SOFTPLUS -> p > 30 ? p : Math.log1p(Math.exp(p));
        case NONE -> p;
      };
    }

    /**
     * The derivative {@code f'(p)} (0 for RELU at p &lt;= 0).
     *
     * @param p the parameter
     * @return f'(p)
     */
    public double derivative(double p) {
      return switch (this) {
        case EXP -> Math.exp(p);
        case RELU -> p > 0 ? 1 : 0;
        case SIGMOID -> {
          double s = 1 / (1 + Math.exp(-p));
          yield s * (1 - s);
        }
        case SOFTPLUS -> 1 / (1 + Math.exp(-p));
        case NONE -> 1;
      };
    }

    /**
     * The inverse: the parameter p with {@code f(p) = x}.
     *
     * @param x a value in the range of f (positive for EXP and SOFTPLUS, non-negative for RELU, in
     *     (0, 1) for SIGMOID), finite
     * @return p
     * @throws IllegalArgumentException if x is outside the range of f
     */
    public double inverse(double x) {
      Args.finite("x", x);
      return switch (this) {
        case EXP -> Math.log(Args.positive("x", x));
        case RELU -> Args.nonNegative("x", x);
        case SIGMOID -> {
          Args.inOpenRange("x", x, 0, 1);
          yield Math.log(x / (1 - x));
        }
        case SOFTPLUS -> {
          Args.positive("x", x);
          yield x > 30 ? x : Math.log(Math.expm1(x));
        }
        case NONE -> x;
      };
    }
  }

  /**
   * The eigenvalues for given parameters.
   *
   * @param params interleaved {@code (p_re, p_im)} pairs, finite
   * @return interleaved {@code (Re A, Im A) = (-f(p_re), g(p_im))}
   */
  public double[] modes(double[] params) {
    Args.finite("params", Args.interleaved("params", params));
    double[] a = new double[params.length];
    for (int k = 0; k < a.length; k += 2) {
      a[k] = -real.apply(params[k]);
      a[k + 1] = imag.apply(params[k + 1]);
    }
    return a;
  }

  /**
   * The parameters of given eigenvalues (the initialization step): {@code p_re = f^{-1}(max(-Re A,
   * MIN_RATE))}, {@code p_im = g^{-1}(Im A)}.
   *
   * @param a interleaved eigenvalues, finite, with {@code Im A} in the range of g
   * @return interleaved parameters
   * @throws IllegalArgumentException if a clamped rate or an imaginary part is outside the range of
   *     its transform (e.g. a rate of 1 or more with SIGMOID)
   */
  public double[] parameters(double[] a) {
    Args.finite("a", Args.interleaved("a", a));
    double[] p = new double[a.length];
    for (int k = 0; k < a.length; k += 2) {
      p[k] = real.inverse(Math.max(-a[k], MIN_RATE));
      p[k + 1] = imag.inverse(a[k + 1]);
    }
    return p;
  }

  /**
   * The chain rule: the gradient with respect to the parameters from the gradient with respect to
   * the eigenvalues, {@code dL/dp_re = -f'(p_re) dL/dRe A}, {@code dL/dp_im = g'(p_im) dL/dIm A}.
   *
   * @param params interleaved parameters, finite
   * @param gradA interleaved {@code (dL/dRe A, dL/dIm A)}, same length
   * @return interleaved {@code (dL/dp_re, dL/dp_im)}
   */
  public double[] backward(double[] params, double[] gradA) {
    Args.finite("params", Args.interleaved("params", params));
    Args.finite("gradA", Args.length("gradA", gradA, params.length));
    double[] g = new double[params.length];
    for (int k = 0; k < g.length; k += 2) {
      g[k] = -real.derivative(params[k]) * gradA[k];
      g[k + 1] = imag.derivative(params[k + 1]) * gradA[k + 1];
    }
    return g;
  }

  /**
   * S5's {@code clip_eigs}: {@code Re A <- min(Re A, -MIN_RATE)}, the imaginary parts unchanged.
   *
   * @param a interleaved eigenvalues, finite
   * @return the clipped copy
   */
  public static double[] clip(double[] a) {
    double[] out = Args.finite("a", Args.interleaved("a", a)).clone();
    for (int k = 0; k < out.length; k += 2) {
      out[k] = Math.min(out[k], -MIN_RATE);
    }
    return out;
  }
}
