package dev.fathom.tour;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.information.FacilityLocationInformation;
import dev.fathom.submodular.information.InformationKernels;
import dev.fathom.submodular.optimize.Greedy;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * submodular.information: targeted selection with facility-location mutual information (FLMI). 2000
 * points in 8 Gaussian blobs and 5 query points near one blob; FLMI's 12 picks against plain
 * facility location's, counted by the blob they come from.
 */
final class TargetedSelectionTour implements TourStep {
  @Override
  public String packageName() {
    return "submodular.information";
  }

  @Override
  public Outcome run() {
    RandomGenerator rng = Rng.create(2027);
    int n = 2000;
    int m = 5;
    int target = 3;
    double[][] points = new double[n + m][2];
    for (int i = 0; i < n + m; i++) {
      int blob = i < n ? i % 8 : target;
      double angle = 2 * Math.PI * blob / 8;
      points[i][0] = 6 * Math.cos(angle) + rng.nextGaussian();
      points[i][1] = 6 * Math.sin(angle) + rng.nextGaussian();
    }
    double[][] data = new double[n][n];
    double[][] query = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n + m; j++) {
        double dx = points[i][0] - points[j][0];
        double dy = points[i][1] - points[j][1];
        double s = Math.exp(-(dx * dx + dy * dy) / 2);
        if (j < n) {
          data[i][j] = s;
        } else {
          query[i][j - n] = s;
        }
      }
    }
    int k = 12;
    InformationKernels kernels = InformationKernels.of(n).data(data).query(query);
    Selection targeted =
        Greedy.lazy(
            FacilityLocationInformation.mutualInformation(kernels, 1), Constraint.cardinality(k));
    Selection plain = Greedy.lazy(FacilityLocation.dense(data), Constraint.cardinality(k));
    int inTarget = countInBlob(targeted.elements(), target);
    int plainInTarget = countInBlob(plain.elements(), target);
    return new Outcome(
        "FLMI k=12, 2000 pts in 8 blobs, 5 queries at blob 3",
        String.format(
            Locale.ROOT,
            "%d/%d picks in the query's blob (plain FL: %d/%d)",
            inTarget,
            k,
            plainInTarget,
            k),
        inTarget >= k - 1 && plainInTarget <= k / 3);
  }

  private static int countInBlob(int[] ids, int blob) {
    int c = 0;
    for (int e : ids) {
      c += e % 8 == blob ? 1 : 0;
    }
    return c;
  }
}
