package dev.fathom.relax;

import java.util.function.DoubleFunction;

/**
 * Golden-section refinement of a coarse grid scan of the iteration count over omega: bracket the
 * grid minimum by its neighbours, then narrow the bracket by the golden ratio with one solve per
 * step. The count is an integer, piecewise-constant function of omega and not exactly unimodal, so
 * this is a heuristic; the result is never worse than the best grid value because every evaluated
 * point is a candidate.
 */
final class GoldenSection {
  /** The golden ratio conjugate, (sqrt 5 - 1) / 2. */
  static final double TAU = (Math.sqrt(5) - 1) / 2;

  /** The best point found, and how many evaluations the refinement spent. */
  record Best(double omega, SolveResult result, int evaluations) {}

  private GoldenSection() {}

  /**
   * Refines the minimum of the count over omega.
   *
   * @param grid the scanned omega values, increasing
   * @param atGrid the solves at the grid values
   * @param f solves at a given omega
   * @param extra how many more solves to spend, at least 0
   * @return the best evaluated point (the lowest omega among equal counts on the grid)
   */
  static Best refine(
      double[] grid, SolveResult[] atGrid, DoubleFunction<SolveResult> f, int extra) {
    int n = grid.length;
    int first = 0;
    for (int i = 1; i < n; i++) {
      if (Solves.cost(atGrid[i]) < Solves.cost(atGrid[first])) {
        first = i;
      }
    }
    int last = first;
    for (int i = first + 1; i < n; i++) {
      if (Solves.cost(atGrid[i]) == Solves.cost(atGrid[first])) {
        last = i;
      }
    }
    double[] bestOmega = {grid[first]};
    SolveResult[] best = {atGrid[first]};
    int[] spent = {0};
    DoubleFunction<SolveResult> eval =
        w -> {
          SolveResult r = f.apply(w);
          spent[0]++;
          if (Solves.cost(r) < Solves.cost(best[0])) {
            best[0] = r;
            bestOmega[0] = w;
          }
          return r;
        };
    if (extra == 0 || n < 2) {
      return new Best(bestOmega[0], best[0], 0);
    }
    int left = Math.max(0, first - 1);
    int right = Math.min(n - 1, last + 1);
    double lo = grid[left];
    double hi = grid[right];
    double o1;
    double o2;
    int f1;
    int f2;
    if (right - left == 2) {
      // One grid point inside: keep it, and place the golden point in the longer half.
      double mid = grid[left + 1];
      if (hi - mid >= mid - lo) {
        o1 = mid;
        f1 = Solves.cost(atGrid[left + 1]);
        o2 = lo + TAU * (hi - lo);
        f2 = Solves.cost(eval.apply(o2));
      } else {
        o2 = mid;
        f2 = Solves.cost(atGrid[left + 1]);
        o1 = lo + (1 - TAU) * (hi - lo);
        f1 = Solves.cost(eval.apply(o1));
      }
    } else if (right - left == 3) {
      // Two tied grid points inside: both are already measured.
      o1 = grid[left + 1];
      f1 = Solves.cost(atGrid[left + 1]);
      o2 = grid[left + 2];
      f2 = Solves.cost(atGrid[left + 2]);
    } else {
      o1 = lo + (1 - TAU) * (hi - lo);
      f1 = Solves.cost(eval.apply(o1));
      if (spent[0] == extra) {
        return new Best(bestOmega[0], best[0], spent[0]);
      }
      o2 = lo + TAU * (hi - lo);
      f2 = Solves.cost(eval.apply(o2));
    }
    for (int step = 0; spent[0] < extra; step++) {
      // Drop the worse end; on a tie, alternate so that a flat stretch is narrowed from both sides.
      double kept;
      int fk;
      if (f1 > f2 || (f1 == f2 && step % 2 == 0)) {
        lo = o1;
        kept = o2;
        fk = f2;
      } else {
        hi = o2;
        kept = o1;
        fk = f1;
      }
      // The new point mirrors the kept one in the bracket (the golden point when the start was
      // golden; a reused grid point may start elsewhere, and mirroring keeps the order valid).
      double p = lo + hi - kept;
      if (Math.abs(p - kept) <= 1e-12 * (hi - lo)) {
        p = kept > 0.5 * (lo + hi) ? lo + (1 - TAU) * (hi - lo) : lo + TAU * (hi - lo);
      }
      int fp = Solves.cost(eval.apply(p));
      if (p < kept) {
        o1 = p;
        f1 = fp;
        o2 = kept;
        f2 = fk;
      } else {
        o1 = kept;
        f1 = fk;
        o2 = p;
        f2 = fp;
      }
    }
    return new Best(bestOmega[0], best[0], spent[0]);
  }
}
