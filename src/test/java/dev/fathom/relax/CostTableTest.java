package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTableTest {
  /** A synthetic solver whose cost is a known function of the context and omega. */
  private static final RelaxedSolver SYNTHETIC =
      (in, w) ->
          new SolveResult(
              in.rhs(),
              Status.CONVERGED,
              Math.round(10 + 100 * Math.abs(w - (1.2 + in.context()))),
              0,
              1,
              new double[0]);

  private static List<Instance> instances(double... contexts) {
    CsrMatrix a = CsrMatrix.laplacian2d(2);
    List<Instance> list = new ArrayList<>();
    for (double c : contexts) {
      list.add(Instance.of(a, new double[4]).withContext(c));
    }
    return list;
  }

  @Test
  void totalsBestArmAndOracleMatchHandComputation() {
    double[] grid = {1.0, 1.2, 1.4, 1.6};
    List<Instance> list = instances(0.0, 0.2, 0.2, 0.4);
    CostTable t = CostTable.build(list, grid, SYNTHETIC, false);
    // Costs: context 0 -> best 1.2; 0.2 -> 1.4; 0.4 -> 1.6.
    assertEquals(10, t.cost(0, 1));
    assertEquals(30, t.cost(0, 0));
    assertEquals(30 + 50 + 50 + 70, t.total(0));
    assertEquals(10 + 30 + 30 + 50, t.total(1));
    assertEquals(30 + 10 + 10 + 30, t.total(2));
    assertEquals(2, t.bestFixedArm());
    assertEquals(40, t.instanceOptimalTotal());
    assertEquals(0.4, t.context(3));
    assertEquals(4, t.size());
    Tuning.FixedBest best = Tuning.bestFixed(list, grid, SYNTHETIC);
    assertEquals(2, best.arm());
    assertEquals(80, best.total());
    TuningRun oracle = Tuning.instanceOptimal(InstanceSequence.of(list, 0, 1), grid, SYNTHETIC, 4);
    assertArrayEquals(new int[] {10, 10, 10, 10}, oracle.iterations());
    assertArrayEquals(new double[] {1.2, 1.4, 1.4, 1.6}, oracle.omegas(), 0);
  }

  @Test
  void badInputIsRefused() {
    CostTable t = CostTable.build(instances(0.1), new double[] {1.0, 1.5}, SYNTHETIC, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.cost(1, 0));
    assertEquals("t = 1: expected an integer in [0, 0]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.total(2));
    assertEquals("arm = 2: expected an integer in [0, 1]", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CostTable.build(instances(0.1), new double[] {0.0}, SYNTHETIC, false));
    assertEquals("grid[0] = 0.0: expected a number in (0.0, 2.0)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Tuning.bestFixed(List.of(), new double[] {1.0}, SYNTHETIC));
    assertEquals("instances.size() = 0: expected at least one instance", e.getMessage());
  }
}
