package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InstanceTest {
  @Test
  void namedConstructionKeepsEachArrayInItsPlace() {
    CsrMatrix a = CsrMatrix.laplacian2d(2);
    double[] b = {1, 2, 3, 4};
    double[] x0 = {5, 6, 7, 8};
    Instance plain = Instance.of(a, b);
    assertNull(plain.initialGuess());
    assertEquals(0.0, plain.context());
    Instance in = plain.withInitialGuess(x0).withContext(0.25);
    assertSame(a, in.matrix());
    assertSame(b, in.rhs());
    assertSame(x0, in.initialGuess());
    assertEquals(0.25, in.context());
    assertNull(plain.initialGuess(), "the with methods return a new instance");
    assertEquals(0.25, Instance.of(a.toCsc(), b).withContext(0.25).context());
  }

  @Test
  void refusesBadInputNamingIt() {
    CsrMatrix a = CsrMatrix.laplacian2d(2);
    Instance in = Instance.of(a, new double[4]);
    String m =
        assertThrows(IllegalArgumentException.class, () -> Instance.of(a, new double[3]))
            .getMessage();
    assertTrue(m.startsWith("rhs"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> in.withInitialGuess(new double[5]))
            .getMessage();
    assertTrue(m.startsWith("initialGuess"), m);
    m = assertThrows(IllegalArgumentException.class, () -> in.withContext(Double.NaN)).getMessage();
    assertTrue(m.startsWith("context"), m);
    assertThrows(NullPointerException.class, () -> Instance.of((CsrMatrix) null, new double[4]));
  }
}
