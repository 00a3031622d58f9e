package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TuningTest {
  private static final RelaxedSolver SOR = RelaxedSolver.sor(StoppingRule.relative(1e-8, 10_000));
  private static final double[] GRID = GridBandit.paperGrid();

  static InstanceSequence of(List<Instance> list, double lo, double hi) {
    return InstanceSequence.of(list, lo, hi);
  }

  @Test
  void prunedBestFixedAndReplayAgreeWithTheFullTable() {
    List<Instance> list = ShiftedLaplacians.highVariance(21).take(40);
    CostTable serial = CostTable.build(list, GRID, SOR, false);
    CostTable parallel = CostTable.build(list, GRID, SOR, true);
    long brute = Long.MAX_VALUE;
    int bruteArm = -1;
    for (int a = 0; a < GRID.length; a++) {
      long s = 0;
      for (int t = 0; t < list.size(); t++) {
        assertEquals(serial.cost(t, a), parallel.cost(t, a));
        s += serial.cost(t, a);
      }
      if (s < brute) {
        brute = s;
        bruteArm = a;
      }
    }
    Tuning.FixedBest best = Tuning.bestFixed(list, GRID, SOR);
    assertEquals(bruteArm, best.arm());
    assertEquals(brute, best.total());
    assertEquals(bruteArm, serial.bestFixedArm());
    assertTrue(serial.instanceOptimalTotal() <= brute);

    TuningRun replayed = serial.replay(new TsallisInf(GRID, 5));
    TuningRun live = Tuning.run(new TsallisInf(GRID, 5), of(list, -0.15, 0.45), SOR, 40);
    assertArrayEquals(live.iterations(), replayed.iterations());
    assertArrayEquals(live.omegas(), replayed.omegas(), 0);
    assertEquals(live.total(), live.cumulative()[39]);

    TuningRun oracle = Tuning.instanceOptimal(of(list, 0, 0), GRID, SOR, 40);
    assertEquals(serial.instanceOptimalTotal(), oracle.total());
    for (int t = 0; t < 40; t++) {
      int arm = java.util.Arrays.binarySearch(GRID, oracle.omegas()[t]);
      assertEquals(oracle.iterations()[t], serial.cost(t, arm));
    }
  }

  @Test
  void aListenerWatchesEverySystemAndCanStopTheLoop() {
    List<Instance> list = ShiftedLaplacians.highVariance(23).take(20);
    TuningRun full = Tuning.run(new TsallisInf(GRID, 2), of(list, 0, 0), SOR, 20);
    List<Long> totals = new java.util.ArrayList<>();
    TuningRun watched =
        Tuning.run(
            new TsallisInf(GRID, 2),
            of(list, 0, 0),
            SOR,
            20,
            p -> {
              totals.add(p.oracleCalls());
              assertEquals(totals.size(), p.iteration());
              assertTrue(p.residual() <= 1e-8 * Vectors.norm2(list.get(totals.size() - 1).rhs()));
              if (p.iteration() == 7) {
                p.cancel();
              }
            });
    assertEquals(7, totals.size(), "no system after the cancel");
    assertEquals(7, watched.iterations().length);
    for (int t = 0; t < 7; t++) {
      assertEquals(full.iterations()[t], watched.iterations()[t]);
      assertEquals(full.cumulative()[t], totals.get(t));
    }
    assertThrows(
        NullPointerException.class,
        () -> Tuning.run(new TsallisInf(GRID, 2), of(list, 0, 0), SOR, 20, null));
  }

  @Test
  void banditsOverTwoThousandShiftedLaplacians() {
    List<Instance> list = ShiftedLaplacians.highVariance(2024).take(2000);
    Tuning.FixedBest best = Tuning.bestFixed(list, GRID, SOR);
    TuningRun tsallis = Tuning.run(new TsallisInf(GRID, 1), of(list, 0, 0), SOR, 2000);
    TuningRun reduced =
        Tuning.run(
            new TsallisInf(GRID, TsallisInf.Estimator.REDUCED_VARIANCE, 1),
            of(list, 0, 0),
            SOR,
            2000);
    TuningRun binned =
        Tuning.run(
            BinnedTsallisInf.builder(GRID).bins(5).context(-0.15, 0.45).build(1),
            of(list, 0, 0),
            SOR,
            2000);
    TuningRun cheb =
        Tuning.run(
            ChebCb.builder(GRID).degree(6).context(-0.15, 0.45).build(1),
            of(list, 0, 0),
            SOR,
            2000);
    double ratio = tsallis.total() / (double) best.total();
    // At T = 2000 the 15 % is out of reach for the 20-arm grid (docs/relax.md): over 8
    // sequences x 8 seeds the reference rule measured 1.24-1.39 (median 1.31), the reduced-variance
    // estimator 1.21-1.35 (median 1.26), uniform play 2.57-2.91. The slow test checks 15 % at 10^4.
    assertTrue(ratio < 1.45, "Tsallis-INF / best fixed = " + ratio);
    double reducedRatio = reduced.total() / (double) best.total();
    assertTrue(reducedRatio < 1.40, "Tsallis-INF (RV) / best fixed = " + reducedRatio);
    // omega = 1 (Gauss-Seidel) costs at least 3x more: summed only until that is certain.
    long worst = Math.max(tsallis.total(), reduced.total());
    long gaussSeidel = 0;
    for (int t = 0; t < list.size() && gaussSeidel <= 3 * worst; t++) {
      gaussSeidel += SOR.solve(list.get(t), 1.0).iterations();
    }
    assertTrue(gaussSeidel > 3 * worst, worst + " vs omega = 1");
    assertTrue(binned.total() < tsallis.total(), "binned " + binned.total());
    // With the shift as context, ChebCB beats every fixed omega.
    assertTrue(cheb.total() < best.total(), "ChebCB " + cheb.total() + " vs " + best.total());
    assertEquals(0, tsallis.unconverged() + binned.unconverged() + cheb.unconverged());
  }

  @Test
  void chebCbApproachesTheInstanceOptimalPolicyOnLowVariance() {
    int t = 5000;
    List<Instance> list = ShiftedLaplacians.lowVariance(77).take(t);
    TuningRun opt =
        Tuning.run(ShiftedLaplacians.lowVariance(77).closedFormOmegaStar(), of(list, 0, 0), SOR, t);
    TuningRun cheb =
        Tuning.run(
            ChebCb.builder(GRID).degree(6).context(-0.15, 0.45).build(3), of(list, 0, 0), SOR, t);
    long[] c = cheb.cumulative();
    long[] o = opt.cumulative();
    double whole = c[t - 1] / (double) o[t - 1];
    double lastHalf = (c[t - 1] - c[t / 2 - 1]) / (double) (o[t - 1] - o[t / 2 - 1]);
    // Against omega*(A_t) per instance (the paper's instance-optimal policy, omega_opt in
    // contextual.m), over 8 sequences x 4 seeds: 1.10-1.15 overall (median 1.12) and 1.04-1.08 on
    // the second half (median 1.06).
    assertTrue(lastHalf < 1.10, "second half " + lastHalf);
    assertTrue(whole < 1.20, "whole " + whole);
  }

  @Test
  void chebCbWithinTenPercentOfInstanceOptimalOverTenThousandSystems() {
    // The 10 % against the paper's instance-optimal policy (Young's omega* of each A_t,
    // off the grid) over the whole run, at T = 10^4; measured 1.074-1.086 on six sequences.
    int t = 10_000;
    for (int seed = 1; seed <= 3; seed++) {
      List<Instance> list = ShiftedLaplacians.lowVariance(100 + seed).take(t);
      TuningRun opt =
          Tuning.run(
              ShiftedLaplacians.lowVariance(0).closedFormOmegaStar(), of(list, 0, 0), SOR, t);
      TuningRun cheb =
          Tuning.run(
              ChebCb.builder(GRID).degree(6).context(-0.15, 0.45).build(seed),
              of(list, 0, 0),
              SOR,
              t);
      long[] c = cheb.cumulative();
      long[] o = opt.cumulative();
      double whole = c[t - 1] / (double) o[t - 1];
      double lastHalf = (c[t - 1] - c[t / 2 - 1]) / (double) (o[t - 1] - o[t / 2 - 1]);
      assertTrue(whole < 1.10, "seed " + seed + ": whole " + whole);
      assertTrue(lastHalf < 1.07, "seed " + seed + ": second half " + lastHalf);
    }
  }

  @Test
  void banditsOnTheHeatEquationBeatPlainCgAndMatchTheBestFixedOmega() {
    StoppingRule rule = StoppingRule.relative(1e-8, 10_000);
    RelaxedSolver pcg = RelaxedSolver.ssorPcg(rule, ResidualReference.RIGHT_HAND_SIDE);
    int steps = 1500;
    long bestFixed = Long.MAX_VALUE;
    for (double w : new double[] {1.0, 1.5, 1.75}) {
      bestFixed =
          Math.min(
              bestFixed,
              Tuning.run(
                      OmegaPolicy.fixed(w),
                      HeatEquation.builder(25).steps(steps).stopTime(1.5).build(),
                      pcg,
                      steps)
                  .total());
    }
    RelaxedSolver cg =
        (in, w) -> ConjugateGradient.solve(in.matrix(), in.rhs(), in.initialGuess(), rule);
    long plain =
        Tuning.run(
                OmegaPolicy.fixed(1),
                HeatEquation.builder(25).steps(steps).stopTime(1.5).build(),
                cg,
                steps)
            .total();
    long tsallis =
        Tuning.run(
                new TsallisInf(GRID, 4),
                HeatEquation.builder(25).steps(steps).stopTime(1.5).build(),
                pcg,
                steps)
            .total();
    long cheb =
        Tuning.run(
                ChebCb.builder(GRID).degree(6).context(0, 10).build(4),
                HeatEquation.builder(25).steps(steps).stopTime(1.5).build(),
                pcg,
                steps)
            .total();
    assertTrue(tsallis < 1.1 * bestFixed, "Tsallis-INF " + tsallis + " vs " + bestFixed);
    assertTrue(cheb < bestFixed, "ChebCB " + cheb + " vs " + bestFixed);
    assertTrue(2 * cheb < plain, "ChebCB " + cheb + " vs CG " + plain);
  }

  @Test
  @Tag("slow")
  void tsallisInfWithinFifteenPercentOfTheBestFixedOmegaOverTenThousandSystems() {
    int t = 10_000;
    CostTable table = CostTable.build(ShiftedLaplacians.highVariance(11).take(t), GRID, SOR, true);
    long best = table.total(table.bestFixedArm());
    // Uniform play over the grid would cost the mean of the arms' totals: far above 1.15.
    double uniform = 0;
    for (int a = 0; a < GRID.length; a++) {
      uniform += table.total(a) / (double) GRID.length;
    }
    assertTrue(uniform / best > 2, "uniform " + uniform / best);
    for (TsallisInf.Estimator estimator : TsallisInf.Estimator.values()) {
      double[] ratios = new double[5];
      for (int seed = 1; seed <= ratios.length; seed++) {
        long[] cum = table.replay(new TsallisInf(GRID, estimator, seed)).cumulative();
        double at2000 = cum[1999] / (double) bestPrefix(table, 2000);
        ratios[seed - 1] = cum[t - 1] / (double) best;
        assertTrue(ratios[seed - 1] < 1.15, estimator + " seed " + seed + ": " + ratios[seed - 1]);
        assertTrue(ratios[seed - 1] < at2000, estimator + " seed " + seed + ": vs " + at2000);
      }
      java.util.Arrays.sort(ratios);
      assertTrue(ratios[2] < 1.12, estimator + " median " + ratios[2]);
    }
  }

  private static long bestPrefix(CostTable table, int count) {
    long best = Long.MAX_VALUE;
    for (int a = 0; a < GRID.length; a++) {
      long s = 0;
      for (int i = 0; i < count; i++) {
        s += table.cost(i, a);
      }
      best = Math.min(best, s);
    }
    return best;
  }

  @Test
  void badInputIsRefused() {
    InstanceSequence seq = ShiftedLaplacians.lowVariance(1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Tuning.run(OmegaPolicy.fixed(1.2), seq, SOR, 0));
    assertEquals("count = 0: expected a positive integer", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OmegaPolicy.fixed(2.0));
    assertEquals("omega = 2.0: expected a number in (0.0, 2.0)", e.getMessage());
    CostTable table = CostTable.build(ShiftedLaplacians.lowVariance(1).take(3), GRID, SOR, false);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> table.replay(new TsallisInf(new double[] {1.1, 1.2}, 1)));
    assertTrue(e.getMessage().endsWith("expected the table's grid"), e.getMessage());
  }
}
