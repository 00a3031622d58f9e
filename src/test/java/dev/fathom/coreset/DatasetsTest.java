package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetsTest {
  @Test
  void reproducibleWithTheDocumentedShape() {
    double[][] b = Datasets.blobs(3000, 4, 5, 7);
    assertEquals(3000, b.length);
    assertArrayEquals(b[17], Datasets.blobs(3000, 4, 5, 7)[17]);
    // 5 clusters of unit variance: the 5-means optimum is about n d; one mean is far worse
    double five = Losses.kMeans(b).total(Fitters.kMeans(b, 5, 5, 1).fit(Coreset.all(3000)));
    double one = Losses.kMeans(b).total(Fitters.kMeans(b, 1, 1, 1).fit(Coreset.all(3000)));
    assertTrue(five < 1.3 * 3000 * 4 && one > 10 * five, five + " " + one);
    double[][][] l = Datasets.logistic(1000, 3, 1);
    assertEquals(4, l[0][0].length);
    int pos = 0;
    for (int i = 0; i < 1000; i++) {
      assertEquals(1, l[0][i][3]);
      pos += l[1][0][i] > 0 ? 1 : 0;
    }
    assertTrue(pos > 300 && pos < 700);
  }

  @Test
  void badInput() {
    assertEquals("k = 0: expected a positive integer", msg(() -> Datasets.blobs(5, 2, 0, 1)));
    assertEquals("n = -1: expected a positive integer", msg(() -> Datasets.logistic(-1, 2, 1)));
  }
}
