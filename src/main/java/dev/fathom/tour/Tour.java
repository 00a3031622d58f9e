package dev.fathom.tour;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The Fathom tour: every package on a built-in problem, one line each, with its quality figure
 * against an independent reference and its wall-clock time.
 *
 * <p>Run it with {@code mvn -q compile exec:java}. Arguments, if any, select packages by name (e.g.
 * {@code -Dexec.args="linalg hadamard"}). The exit status is 1 if any step misses its own
 * acceptance bound, so CI can run the tour as a smoke test.
 *
 * @since 1.0
 */
public final class Tour {
  private Tour() {}

  /** The steps, one per package, in the order they are printed. */
  static List<TourStep> steps() {
    return List.of(
        new LinalgTour(),
        new HadamardTour(),
        new SsmTour(),
        new SsdTour(),
        new MonotoneTour(),
        new LsaTour(),
        new RelaxTour(),
        new SubmodularTour(),
        new TargetedSelectionTour(),
        new CoresetTour());
  }

  /**
   * Runs the tour.
   *
   * @param args optional package names to run; all when empty
   */
  public static void main(String[] args) {
    int failed = run(List.of(args), System.out);
    // The long FFTs ran on JTransforms' pool, whose idle threads would keep this JVM alive a
    // minute.
    ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination();
    if (failed > 0) {
      System.exit(1);
    }
  }

  /**
   * Runs the selected steps and prints one line each.
   *
   * @param only package names to run; all when empty
   * @param out where to print
   * @return the number of steps that missed their bound or threw
   */
  static int run(List<String> only, PrintStream out) {
    return run(steps(), only, out);
  }

  /**
   * Runs the selected steps of {@code steps} and prints one line each.
   *
   * @param steps the steps
   * @param only package names to run; all when empty
   * @param out where to print
   * @return the number of steps that missed their bound or threw
   */
  static int run(List<TourStep> steps, List<String> only, PrintStream out) {
    out.printf(Locale.ROOT, "%-22s %-52s %-48s %9s%n", "package", "problem", "quality", "time");
    int failed = 0;
    for (TourStep step : steps) {
      if (!only.isEmpty() && !only.contains(step.packageName())) {
        continue;
      }
      long t0 = System.nanoTime();
      TourStep.Outcome o;
      try {
        o = step.run();
      } catch (RuntimeException e) {
        o = new TourStep.Outcome("(threw)", e.toString(), false);
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      if (!o.ok()) {
        failed++;
      }
      out.printf(
          Locale.ROOT,
          "%-22s %-52s %-48s %7.0f ms%s%n",
          step.packageName(),
          o.problem(),
          o.quality(),
          ms,
          o.ok() ? "" : "  FAILED");
    }
    return failed;
  }
}
