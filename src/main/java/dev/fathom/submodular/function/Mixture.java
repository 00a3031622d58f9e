package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;

/**
 * A mixture {@code f(S) = sum_t lambda_t f_t(S)} of set functions over the same ground set, with
 * non-negative weights (submodular, monotone when every component is). Works on reset copies of the
 * components; a gain of the mixture counts as one oracle call. Not thread-safe.
 *
 * @since 1.0
 */
public final class Mixture extends SetFunction {
  private final SetFunction[] parts;
  private final double[] lambda;

  /**
   * Creates the mixture.
   *
   * @param parts the components, each over the same ground set (copied and reset)
   * @param lambda finite non-negative weights, one per component; copied
   */
  public Mixture(SetFunction[] parts, double[] lambda) {
    super(Args.notNull("parts", parts).length == 0 ? 0 : parts[0].groundSize());
    Args.length("lambda", Args.nonNegative("lambda", lambda), parts.length);
    this.parts = new SetFunction[parts.length];
    for (int t = 0; t < parts.length; t++) {
      SetFunction p = Args.notNull("parts[" + t + "]", parts[t]);
      if (p.groundSize() != groundSize()) {
        throw Args.fail(
            "parts[" + t + "].groundSize()", p.groundSize(), String.valueOf(groundSize()));
      }
      this.parts[t] = p.copy();
      this.parts[t].reset();
    }
    this.lambda = lambda.clone();
  }

  private Mixture(Mixture o) {
    super(o);
    this.parts = new SetFunction[o.parts.length];
    for (int t = 0; t < parts.length; t++) {
      parts[t] = o.parts[t].copy();
    }
    this.lambda = o.lambda;
  }

  @Override
  public boolean monotone() {
    for (SetFunction p : parts) {
      if (!p.monotone()) {
        return false;
      }
    }
    return true;
  }

  /** {@inheritDoc} True when every part's gains may be evaluated concurrently. */
  @Override
  public boolean concurrentGains() {
    for (SetFunction p : parts) {
      if (!p.concurrentGains()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Mixture copy() {
    return new Mixture(this);
  }

  @Override
  protected double marginal(int e) {
    double g = 0;
    for (int t = 0; t < parts.length; t++) {
      if (lambda[t] != 0) {
        g += lambda[t] * marginalOf(parts[t], e);
      }
    }
    return g;
  }

  @Override
  protected void include(int e) {
    for (SetFunction p : parts) {
      includeIn(p, e);
    }
  }

  @Override
  protected void clear() {
    for (SetFunction p : parts) {
      clearState(p);
    }
  }
}
