package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import java.util.Arrays;

/** Shared input checks of the coverage-type functions. */
final class Coverages {
  private Coverages() {}

  static int[][] checkItems(String name, int[][] sets, int items) {
    int[][] out = new int[sets.length][];
    boolean[] seen = new boolean[items];
    for (int j = 0; j < sets.length; j++) {
      int[] s = Args.notNull(name + "[" + j + "]", sets[j]);
      for (int u : s) {
        if (u < 0 || u >= items) {
          throw Args.fail(
              name + "[" + j + "]", Arrays.toString(s), "item ids in [0, " + items + ")");
        }
        if (seen[u]) {
          throw Args.fail(name + "[" + j + "]", Arrays.toString(s), "distinct item ids");
        }
        seen[u] = true;
      }
      for (int u : s) {
        seen[u] = false;
      }
      out[j] = s.clone();
    }
    return out;
  }
}
