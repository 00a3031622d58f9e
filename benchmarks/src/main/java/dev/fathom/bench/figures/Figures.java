package dev.fathom.bench.figures;

import dev.fathom.coreset.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the documentation figures into {@code docs/img/} (or the directory given with {@code
 * --out DIR}). Further arguments select figures by name prefix.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar \
 *     dev.fathom.bench.figures.Figures [--out docs/img] [name-prefix ...]
 * </pre>
 */
public final class Figures {
  private Figures() {}

  /** Every figure, one or more per package. */
  static List<Figure> all() {
    return List.of(
        new LinalgFigures.ConvolutionError(),
        new SsmFigures.Conditioning(),
        new SsmFigures.Transfer(),
        new MonotoneFigures.MatrixGameFigure(),
        new MonotoneFigures.QuadraticFigure(),
        new MonotoneFigures.VrGainFigure(),
        new LsaFigures.ErrorVsK(),
        new LsaFigures.MseVsAlpha(),
        new RelaxFigures.ShiftedLaplacianCumulative(),
        new RelaxFigures.HeatCumulative(),
        new SubmodularFigures.DynamicCalls(),
        new SubmodularFigures.DynamicCallsByBudget(),
        new SubmodularFigures.DynamicMatroidCalls(),
        new SubmodularFigures.DynamicMatroidLevels(),
        new SubmodularFigures.DynamicAimedDeletions(),
        new CoresetFigures.KMeansError(),
        new CoresetFigures.LeastSquaresError(),
        new CoresetFigures.LpRegressionError(1),
        new CoresetFigures.LpRegressionError(3),
        new CoresetFigures.MmdVsN(),
        new CoresetFigures.GeneralizedKtMmd(
            "imq", "IMQ(nu = 1/2, sigma = 2)", Kernel.inverseMultiquadric(0.5, 2), false, 6),
        new CoresetFigures.GeneralizedKtMmd(
            "matern", "Matern(nu = 5/2, ell = 2)", Kernel.matern(2.5, 2), true, 5),
        new CoresetFigures.GeneralizedKtMmd(
            "sinc", "sinc(theta = 1/2)", Kernel.sinc(0.5), false, 6),
        new CoresetFigures.GeneralizedKtMmd(
            "bspline", "B-spline(order 8, gamma = 1)", Kernel.bSpline(8, 1), true, 6),
        new HadamardFigures.RecoveryVsSnr());
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path out = Path.of("docs", "img");
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out") && i + 1 < args.length) {
        out = Path.of(args[++i]);
      } else {
        only.add(args[i]);
      }
    }
    Files.createDirectories(out);
    for (Figure f : all()) {
      if (!only.isEmpty() && only.stream().noneMatch(p -> f.name().startsWith(p))) {
        continue;
      }
      long t0 = System.nanoTime();
      f.render(out);
      System.out.printf(
          "%s -> %s (%.1f s)%n",
          f.name(), out.resolve(f.name() + ".png"), (System.nanoTime() - t0) / 1e9);
    }
  }
}
