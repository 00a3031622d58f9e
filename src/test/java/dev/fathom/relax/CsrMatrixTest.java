package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {
  @Test
  void laplacianMatchesEntryByEntryConstruction() {
    CsrMatrix a = CsrMatrix.laplacian2d(7);
    double[][] ref = TestSystems.dense(TestSystems.laplacianCsc(7, 0));
    assertEquals(49, a.size());
    assertEquals(49 * 5 - 4 * 7, a.nonZeros());
    for (int i = 0; i < 49; i++) {
      for (int j = 0; j < 49; j++) {
        assertEquals(ref[i][j], a.get(i, j), "entry " + i + "," + j);
      }
    }
    assertTrue(a.isSymmetric());
  }

  @Test
  void multiplyAgreesWithDenseProduct() {
    DMatrixSparseCSC csc = TestSystems.randomSpd(60, 0.1, 3);
    CsrMatrix a = CsrMatrix.from(csc);
    double[][] d = TestSystems.dense(csc);
    double[] x = Rng.gaussian(Rng.create(4), 60);
    double[] y = new double[60];
    a.apply(x, y);
    for (int i = 0; i < 60; i++) {
      double s = 0;
      for (int j = 0; j < 60; j++) {
        s += d[i][j] * x[j];
      }
      assertEquals(s, y[i], 1e-12);
    }
    double[] r = new double[60];
    double norm = a.residual(y, x, r);
    assertEquals(0, norm, 1e-12);
  }

  @Test
  void roundTripThroughCscAndShift() {
    DMatrixSparseCSC csc = TestSystems.laplacianCsc(5, 0.3);
    CsrMatrix a = CsrMatrix.from(csc);
    double[][] back = TestSystems.dense(a.toCsc());
    assertArrayEquals(TestSystems.dense(csc)[7], back[7], 0);
    CsrMatrix s = CsrMatrix.laplacian2d(5).plusDiagonal(0.3);
    for (int i = 0; i < 25; i++) {
      assertEquals(4.3, s.diagonal(i), 1e-15);
      assertArrayEquals(TestSystems.dense(csc)[i], TestSystems.dense(s.toCsc())[i], 1e-15);
    }
  }

  @Test
  void duplicatesAreSummedAndNonSymmetryDetected() {
    DMatrixSparseTriplet t = new DMatrixSparseTriplet(2, 2, 4);
    t.addItem(0, 0, 1);
    t.addItem(0, 0, 2);
    t.addItem(1, 1, 5);
    t.addItem(0, 1, 1);
    DMatrixSparseCSC csc = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    CsrMatrix a = CsrMatrix.from(csc);
    assertEquals(3, a.diagonal(0), 0);
    assertFalse(a.isSymmetric());
  }

  @Test
  void badInputIsRefusedWithNamedMessages() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CsrMatrix.from(new DMatrixSparseCSC(3, 4, 0)));
    assertEquals("A.numCols = 4: expected A.numRows = 3 (a square matrix)", e.getMessage());

    DMatrixSparseTriplet t = new DMatrixSparseTriplet(2, 2, 3);
    t.addItem(0, 0, 1);
    t.addItem(0, 1, 1);
    t.addItem(1, 0, 1);
    DMatrixSparseCSC zeroDiag = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    e = assertThrows(IllegalArgumentException.class, () -> CsrMatrix.from(zeroDiag));
    assertEquals("A[1][1] = 0.0: expected a nonzero diagonal entry", e.getMessage());

    DMatrixSparseCSC nan = TestSystems.laplacianCsc(2, 0);
    nan.nz_values[3] = Double.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> CsrMatrix.from(nan));
    assertTrue(e.getMessage().contains("= NaN: expected a finite number"), e.getMessage());

    assertThrows(NullPointerException.class, () -> CsrMatrix.from(null));
    CsrMatrix a = CsrMatrix.laplacian2d(3);
    e = assertThrows(IllegalArgumentException.class, () -> a.apply(new double[8], new double[9]));
    assertEquals("x.length = 8: expected 9", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.plusDiagonal(-4));
    assertEquals("A[0][0] = 0.0: expected a nonzero diagonal entry", e.getMessage());
  }

  @Test
  void entryAccessRefusesAnIndexPastTheLastRowOrColumn() {
    CsrMatrix a = CsrMatrix.laplacian2d(3); // n = 9
    assertEquals(4.0, a.diagonal(8));
    assertEquals(-1.0, a.get(8, 7));
    String[][] cases = {{"i = 9", "diagonal"}, {"i = 9", "get row"}, {"j = 9", "get column"}};
    Runnable[] calls = {() -> a.diagonal(9), () -> a.get(9, 0), () -> a.get(0, 9)};
    for (int c = 0; c < calls.length; c++) {
      Runnable call = calls[c];
      String m = assertThrows(IllegalArgumentException.class, call::run, cases[c][1]).getMessage();
      assertEquals(cases[c][0] + ": expected an integer in [0, 8]", m, cases[c][1]);
    }
  }
}
