package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden-section refinement of the instance-optimal omega, against dense scans of omega. */
class InstanceOptimalRefinementTest {
  private static final double[] GRID = GridBandit.paperGrid();

  /** A solver whose cost is a V-shaped integer function of omega with its minimum at centre. */
  private static RelaxedSolver vShaped(double centre) {
    return (in, omega) ->
        new SolveResult(
            new double[in.rhs().length],
            Status.CONVERGED,
            5 + Math.round(400 * Math.abs(omega - centre)),
            0.0,
            1.0,
            new double[0]);
  }

  private static List<Instance> dummies(int count) {
    List<Instance> list = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      list.add(Instance.of(CsrMatrix.laplacian2d(2), new double[4]));
    }
    return list;
  }

  @Test
  void syntheticProfileIsRefinedToItsDenseMinimum() {
    for (double centre : new double[] {1.0, 1.4321, 1.6049, 1.95}) {
      RelaxedSolver solver = vShaped(centre);
      long denseMin = Long.MAX_VALUE;
      for (int k = 0; k <= 9500; k++) {
        denseMin = Math.min(denseMin, solver.solve(dummies(1).get(0), 1 + k * 1e-4).iterations());
      }
      TuningRun grid =
          Tuning.instanceOptimal(InstanceSequence.of(dummies(1), 0, 0), GRID, solver, 1);
      TuningRun refined =
          Tuning.instanceOptimal(InstanceSequence.of(dummies(1), 0, 0), GRID, solver, 1, 12);
      assertEquals(denseMin, refined.iterations()[0], "centre " + centre);
      assertTrue(Math.abs(refined.omegas()[0] - centre) < 2e-3, "centre " + centre);
      assertTrue(refined.total() <= grid.total());
    }
  }

  /** Records the systems a sequence hands out. */
  private static final class Recording implements InstanceSequence {
    final InstanceSequence inner;
    final List<Instance> seen = new ArrayList<>();

    Recording(InstanceSequence inner) {
      this.inner = inner;
    }

    @Override
    public Instance next() {
      Instance in = inner.next();
      seen.add(in);
      return in;
    }

    @Override
    public void accept(double[] solution) {
      inner.accept(solution);
    }

    @Override
    public double[] contextRange() {
      return inner.contextRange();
    }
  }

  @Test
  void heatEquationRefinementReachesTheDenseScanMinimum() {
    // 24 steps over one period of kappa: both the small-kappa and the large-kappa regime.
    RelaxedSolver pcg =
        RelaxedSolver.ssorPcg(
            StoppingRule.relative(1e-8, 10_000), ResidualReference.RIGHT_HAND_SIDE);
    int steps = 24;
    Recording seq = new Recording(HeatEquation.builder(24).steps(steps).stopTime(1.0).build());
    TuningRun refined = Tuning.instanceOptimal(seq, GRID, pcg, steps, 10);
    long gridTotal = 0;
    long denseTotal = 0;
    int better = 0;
    for (int t = 0; t < steps; t++) {
      Instance in = seq.seen.get(t);
      long gridMin = Long.MAX_VALUE;
      for (double w : GRID) {
        gridMin = Math.min(gridMin, pcg.solve(in, w).iterations());
      }
      long denseMin = Long.MAX_VALUE;
      for (int k = 0; k <= 380; k++) {
        denseMin = Math.min(denseMin, pcg.solve(in, 1 + k * 0.0025).iterations());
      }
      int got = refined.iterations()[t];
      assertEquals(
          got, pcg.solve(in, refined.omegas()[t]).iterations(), "charged count, step " + t);
      assertTrue(got <= gridMin, "step " + t + ": refined " + got + " vs grid " + gridMin);
      assertTrue(got <= denseMin + 1, "step " + t + ": refined " + got + " vs dense " + denseMin);
      if (got < gridMin) {
        better++;
      }
      gridTotal += gridMin;
      denseTotal += denseMin;
    }
    assertTrue(refined.total() <= denseTotal + steps / 4, refined.total() + " vs " + denseTotal);
    assertTrue(better > 0, "the refinement never beat the grid; total " + gridTotal);
  }

  @Test
  void badInputIsRefused() {
    RelaxedSolver solver = vShaped(1.5);
    InstanceSequence seq = InstanceSequence.of(dummies(1), 0, 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Tuning.instanceOptimal(seq, new double[] {1.2, 1.1}, solver, 1, 3));
    assertEquals("grid[1] = 1.1: expected more than grid[0] = 1.2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Tuning.instanceOptimal(seq, GRID, solver, 1, -1));
    assertTrue(e.getMessage().startsWith("refinements = -1: expected"), e.getMessage());
  }
}
