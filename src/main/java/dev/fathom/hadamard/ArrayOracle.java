package dev.fathom.hadamard;

import dev.fathom.core.Args;
import java.util.OptionalInt;

/** The oracle of {@link QueryOracle#ofArray}: reads a dense array and knows its bit count. */
final class ArrayOracle implements QueryOracle {
  private final double[] values;
  private final int bits;

  ArrayOracle(double[] values) {
    this.values = Args.notNull("values", values);
    this.bits = WalshHadamard.log2(values.length);
  }

  @Override
  public double value(long index) {
    if (index < 0 || index >= values.length) {
      throw Args.fail("index", index, "an index in [0, " + values.length + ")");
    }
    return values[(int) index];
  }

  /** The batch form of {@link #value}, one bounds check and one array read per index. */
  @Override
  public void values(long[] indices, double[] out) {
    double[] v = values;
    for (int i = 0; i < indices.length; i++) {
      long index = indices[i];
      if (index < 0 || index >= v.length) {
        value(index); // throws, naming the index
      }
      out[i] = v[(int) index];
    }
  }

  /** The array read (not a copy), for callers that gather from it directly. */
  double[] array() {
    return values;
  }

  @Override
  public OptionalInt bits() {
    return OptionalInt.of(bits);
  }
}
