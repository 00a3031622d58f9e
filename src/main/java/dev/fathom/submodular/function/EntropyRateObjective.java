package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;

/**
 * The entropy rate of a multivariate Markov chain projected on a set of coordinates, {@code F(S) =
 * H(P^(S))} (Lai and Choi, arXiv 2503.23340): the ground set is the coordinates. The authors report
 * it submodular, and not necessarily monotone (a projection can have a higher entropy rate than the
 * full chain), so {@link #monotone()} is false. Each gain projects the chain anew ({@link
 * MarkovChain#entropyRate(int[])}); only the current value is cached. Not thread-safe.
 *
 * @since 1.0
 */
public final class EntropyRateObjective extends SetFunction {
  private final MarkovChain chain;
  private int[] current = new int[0];
  private double currentValue;
  private int lastE = -1;
  private double lastH;

  /**
   * Creates the objective.
   *
   * @param chain the chain
   */
  public EntropyRateObjective(MarkovChain chain) {
    super(Args.notNull("chain", chain).coordinates());
    this.chain = chain;
  }

  private EntropyRateObjective(EntropyRateObjective o) {
    super(o);
    this.chain = o.chain;
    this.current = o.current;
    this.currentValue = o.currentValue;
  }

  @Override
  public boolean monotone() {
    return false;
  }

  @Override
  public EntropyRateObjective copy() {
    return new EntropyRateObjective(this);
  }

  @Override
  protected double marginal(int e) {
    int[] s = Arrays.copyOf(current, current.length + 1);
    s[current.length] = e;
    lastE = e;
    lastH = chain.entropyRate(s);
    return lastH - currentValue;
  }

  @Override
  protected void include(int e) {
    int[] s = Arrays.copyOf(current, current.length + 1);
    s[current.length] = e;
    currentValue = lastE == e ? lastH : chain.entropyRate(s);
    current = s;
    lastE = -1;
  }

  @Override
  protected void clear() {
    current = new int[0];
    currentValue = 0;
    lastE = -1;
  }
}
