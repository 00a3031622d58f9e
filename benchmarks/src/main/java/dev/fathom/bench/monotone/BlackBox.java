package dev.fathom.bench.monotone;

import dev.fathom.monotone.FiniteSumOperator;
import dev.fathom.monotone.Problem;

/** Hides an operator's fused component difference, as for a user-written black-box operator. */
final class BlackBox {
  private BlackBox() {}

  /** The same problem whose operator exposes only components and the full pass. */
  static Problem of(Problem p) {
    FiniteSumOperator f = p.operator();
    FiniteSumOperator hidden =
        new FiniteSumOperator() {
          @Override
          public int dimension() {
            return f.dimension();
          }

          @Override
          public int size() {
            return f.size();
          }

          @Override
          public void addComponent(int i, double scale, double[] z, double[] acc) {
            f.addComponent(i, scale, z, acc);
          }

          @Override
          public void apply(double[] z, double[] o) {
            f.apply(z, o);
          }
        };
    return Problem.of("black box", hidden, p.resolvent(), p.start())
        .withLipschitz(p.lipschitz())
        .withMeanSquareLipschitz(p.meanSquareLipschitz());
  }
}
