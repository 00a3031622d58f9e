package dev.fathom.submodular.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The sparse symmetry check of GraphCut: sorted rows and binary search (issue 15). */
class GraphCutSymmetryTest {
  @Test
  void asymmetricSparseInputIsRefusedNamingTheEntry() {
    // rows with client ids out of order: s(0, 2) = 1 but s(2, 0) = 0.5
    SparseSimilarity s =
        SparseSimilarity.of(
            3, new int[] {0, 2, 3, 5}, new int[] {2, 1, 0, 1, 0}, new double[] {1, 2, 2, 3, 0.5});
    String m =
        assertThrows(IllegalArgumentException.class, () -> new GraphCut(s, 0.5)).getMessage();
    assertTrue(m.contains("(symmetry)"), m);
    // a missing mirror entry counts as 0
    SparseSimilarity t =
        SparseSimilarity.of(2, new int[] {0, 1, 1}, new int[] {1}, new double[] {0.7});
    assertThrows(IllegalArgumentException.class, () -> new GraphCut(t, 0.5));
  }

  @Test
  void symmetricSparseInputAgreesWithTheDenseFunction() {
    RandomGenerator rng = Rng.create(11);
    int n = 200;
    double[][] dense = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (rng.nextDouble() < 0.05) {
          dense[i][j] = dense[j][i] = rng.nextDouble();
        }
      }
    }
    GraphCut sparse = new GraphCut(SparseSimilarity.fromDense(dense), 0.5);
    GraphCut full = new GraphCut(dense, 0.5);
    int[] set = Rng.sampleWithoutReplacement(rng, n, 20);
    assertEquals(full.evaluate(set), sparse.evaluate(set), 1e-9);
  }
}
