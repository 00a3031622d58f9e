package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.Similarity;
import java.util.function.Function;

/**
 * submodlib's clustered facility location ({@code ClusteredFunction} over facility location):
 * {@code f(S) = sum_c FL_c(S ∩ C_c)}, where the ground set is split into clusters {@code C_c} by
 * labels and {@code FL_c(A) = sum_{i in C_c} max_{j in A} s_c(j, i)} is facility location on
 * cluster c's own square kernel {@code s_c} (an element represents only the members of its own
 * cluster). Monotone submodular (a sum of such functions on disjoint parts). Memory is {@code sum_c
 * |C_c|^2} kernel entries instead of {@code n^2}; a gain costs {@code O(|C_c|)} for the element's
 * cluster. Not thread-safe.
 *
 * @since 1.0
 */
public final class ClusteredFacilityLocation extends SetFunction {
  private final int[] cluster;
  private final int[] local;
  private final FacilityLocation[] parts;

  private ClusteredFacilityLocation(int[] cluster, int[] local, FacilityLocation[] parts) {
    super(cluster.length);
    this.cluster = cluster;
    this.local = local;
    this.parts = parts;
  }

  private ClusteredFacilityLocation(ClusteredFacilityLocation o) {
    super(o);
    this.cluster = o.cluster;
    this.local = o.local;
    this.parts = new FacilityLocation[o.parts.length];
    for (int c = 0; c < parts.length; c++) {
      parts[c] = o.parts[c].copy();
    }
  }

  /**
   * Clustered facility location from labels and one kernel per cluster.
   *
   * @param labels {@code labels[e]} = the cluster of element e, in {@code [0, kernels.length)};
   *     every cluster non-empty; copied
   * @param kernels {@code kernels[c]} = cluster c's square similarity over its members in
   *     increasing id order ({@code kernels[c].get(a, b)} is the similarity of the a-th and b-th
   *     members of cluster c)
   * @return the function
   */
  public static ClusteredFacilityLocation of(int[] labels, Similarity[] kernels) {
    Args.notNull("labels", labels);
    Args.notNull("kernels", kernels);
    Args.positive("labels.length", labels.length);
    Args.positive("kernels.length", kernels.length);
    int[][] members = members(labels, kernels.length);
    FacilityLocation[] parts = new FacilityLocation[kernels.length];
    for (int c = 0; c < kernels.length; c++) {
      Similarity s = Args.notNull("kernels[" + c + "]", kernels[c]);
      int m = members[c].length;
      if (s.candidates() != m || s.clients() != m) {
        throw Args.fail(
            "kernels[" + c + "]",
            s.candidates() + " x " + s.clients(),
            m + " x " + m + " (the size of cluster " + c + ")");
      }
      parts[c] = new FacilityLocation(s);
    }
    return new ClusteredFacilityLocation(labels.clone(), localIds(labels, kernels.length), parts);
  }

  /**
   * Clustered facility location on points, each cluster's kernel built from its own points, as
   * submodlib builds its per-cluster dense kernels: for example {@code
   * ClusteredFacilityLocation.fromPoints(x, labels, PointSimilarity::cosine)}.
   *
   * @param points the points, one row each (rectangular)
   * @param labels {@code labels[e]} = the cluster of point e, in {@code [0, clusters)} with every
   *     cluster non-empty (clusters = the largest label + 1)
   * @param kernel builds a cluster's square similarity from its points (in increasing id order)
   * @return the function
   */
  public static ClusteredFacilityLocation fromPoints(
      double[][] points, int[] labels, Function<double[][], Similarity> kernel) {
    Args.rectangular("points", points);
    Args.notNull("labels", labels);
    Args.notNull("kernel", kernel);
    if (labels.length != points.length) {
      throw Args.fail("labels.length", labels.length, points.length + " (one label per point)");
    }
    int clusters = 0;
    for (int e = 0; e < labels.length; e++) {
      if (labels[e] < 0) {
        throw Args.fail("labels[" + e + "]", labels[e], "a non-negative cluster id");
      }
      clusters = Math.max(clusters, labels[e] + 1);
    }
    int[][] members = members(labels, clusters);
    Similarity[] kernels = new Similarity[clusters];
    for (int c = 0; c < clusters; c++) {
      double[][] sub = new double[members[c].length][];
      for (int a = 0; a < sub.length; a++) {
        sub[a] = points[members[c][a]];
      }
      kernels[c] = kernel.apply(sub);
    }
    return of(labels, kernels);
  }

  /** The members of each cluster in increasing id order, checking the labels. */
  private static int[][] members(int[] labels, int clusters) {
    int[] sizes = new int[clusters];
    for (int e = 0; e < labels.length; e++) {
      if (labels[e] < 0 || labels[e] >= clusters) {
        throw Args.fail("labels[" + e + "]", labels[e], "a cluster id in [0, " + clusters + ")");
      }
      sizes[labels[e]]++;
    }
    int[][] members = new int[clusters][];
    for (int c = 0; c < clusters; c++) {
      if (sizes[c] == 0) {
        throw Args.fail("labels", "no element in cluster " + c, "every cluster non-empty");
      }
      members[c] = new int[sizes[c]];
      sizes[c] = 0;
    }
    for (int e = 0; e < labels.length; e++) {
      members[labels[e]][sizes[labels[e]]++] = e;
    }
    return members;
  }

  private static int[] localIds(int[] labels, int clusters) {
    int[] next = new int[clusters];
    int[] local = new int[labels.length];
    for (int e = 0; e < labels.length; e++) {
      local[e] = next[labels[e]]++;
    }
    return local;
  }

  /**
   * The number of clusters.
   *
   * @return the clusters
   */
  public int clusters() {
    return parts.length;
  }

  @Override
  public boolean monotone() {
    return true;
  }

  /** {@inheritDoc} Reads its facility-location parts only. */
  @Override
  public boolean concurrentGains() {
    return true;
  }

  @Override
  public ClusteredFacilityLocation copy() {
    return new ClusteredFacilityLocation(this);
  }

  @Override
  protected double marginal(int e) {
    return marginalOf(parts[cluster[e]], local[e]);
  }

  @Override
  protected void include(int e) {
    includeIn(parts[cluster[e]], local[e]);
  }

  @Override
  protected void clear() {
    for (FacilityLocation p : parts) {
      clearState(p);
    }
  }
}
