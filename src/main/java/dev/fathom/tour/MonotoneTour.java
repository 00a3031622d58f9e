package dev.fathom.tour;

import dev.fathom.core.StoppingRule;
import dev.fathom.monotone.InclusionResult;
import dev.fathom.monotone.InexactHalpern;
import dev.fathom.monotone.MatrixGame;
import dev.fathom.monotone.Problem;
import java.util.Locale;

/**
 * monotone: variance-reduced Halpern (Algorithm 2, the authors' constants) against deterministic
 * (inexact) Halpern on the policeman-and-burglar game, judged by the duality gap.
 */
final class MonotoneTour implements TourStep {
  @Override
  public String packageName() {
    return "monotone";
  }

  @Override
  public Outcome run() {
    int n = 100;
    MatrixGame game = MatrixGame.policemanBurglar(n, 1);
    Problem problem = game.problem();
    double p = 1.0 / n;
    StoppingRule rule = StoppingRule.relative(1e-2, 20_000); // 1% of the starting residual
    long t0 = System.nanoTime();
    InclusionResult vr =
        InexactHalpern.varianceReduced(1)
            .withResolventStep(Math.sqrt(n) / game.frobeniusNorm())
            .withInnerStep(5 * Math.sqrt(p * (1 - p)) / (Math.sqrt(n) + 1))
            .solve(problem, rule);
    long t1 = System.nanoTime();
    InclusionResult det = InexactHalpern.deterministic().solve(game.problem(), rule);
    long t2 = System.nanoTime();
    double gap = game.dualityGap(vr.solution());
    return new Outcome(
        "policeman-burglar game n=100, VR vs det. Halpern",
        String.format(
            Locale.ROOT,
            "VR res %.1e %.0f ep %.1fs | det %.1e %.0f ep %.1fs | gap %.0e",
            vr.residual(),
            vr.epochs(),
            (t1 - t0) / 1e9,
            det.residual(),
            det.epochs(),
            (t2 - t1) / 1e9,
            gap),
        vr.converged() && gap >= 0 && gap < 1e-3);
  }
}
