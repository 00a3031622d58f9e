package dev.fathom.tour;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.dynamic.ThresholdLevelsDynamic;
import dev.fathom.submodular.dynamic.UpdateStream;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.Similarity;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * submodular: a 20-exemplar facility-location summary of 2000 points in 8 Gaussian blobs, with its
 * ratio to the data-dependent upper bound on the optimum, and a fully dynamic stream with its
 * oracle calls per update against re-running lazy greedy.
 */
final class SubmodularTour implements TourStep {
  @Override
  public String packageName() {
    return "submodular";
  }

  @Override
  public Outcome run() {
    RandomGenerator rng = Rng.create(2026);
    int n = 2000;
    double[][] points = new double[n][2];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * (i % 8) / 8;
      points[i][0] = 6 * Math.cos(angle) + rng.nextGaussian();
      points[i][1] = 6 * Math.sin(angle) + rng.nextGaussian();
    }
    // the similarity build and the lazy greedy's gains on 2 threads: the same picks as on one
    FacilityLocation f =
        new FacilityLocation(Similarity.squaredEuclidean(points, 2, Similarity.Precision.DOUBLE));
    Selection s = Greedy.lazy(f, Constraint.cardinality(20), Greedy.Until.POSITIVE_GAIN, 2);
    double ratio = s.value() / Greedy.upperBound(f, s.elements(), 20);

    int m = 4096;
    int k = 10;
    double[][] q = new double[m][2];
    for (double[] r : q) {
      Rng.gaussian(rng, r);
    }
    SparseSimilarity sim = SparseSimilarity.knn(q, 10);
    ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(new FacilityLocation(sim), k, 0.2, 1);
    FacilityLocation baseline = new FacilityLocation(sim);
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(m, 2, 7);
    long rerunCalls = 0;
    int reruns = 0;
    double worst = Double.POSITIVE_INFINITY;
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
      if (t % 128 == 127) {
        Selection g = Greedy.lazy(baseline, Constraint.cardinality(k, d::isLive));
        rerunCalls += g.oracleCalls();
        reruns++;
        worst = Math.min(worst, d.value() / g.value());
      }
    }
    long updates = stream.length();
    double perUpdate = (double) d.oracleCalls() / updates;
    double rerunPerUpdate = (double) rerunCalls / reruns;
    return new Outcome(
        "facility location k=20 (2000 pts); dynamic n=4096",
        String.format(
            Locale.ROOT,
            "f/UB %.3f; %.0f vs %.0f calls/update (re-run)",
            ratio,
            perUpdate,
            rerunPerUpdate),
        ratio >= 1 - Math.exp(-1) && perUpdate < rerunPerUpdate && worst >= 0.3);
  }
}
