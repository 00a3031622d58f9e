package dev.fathom.submodular.information;

import dev.fathom.core.Args;
import java.util.Arrays;

/**
 * The concepts a set-cover information measure is built on, in submodlib's layout: a ground set V
 * of n elements covering m weighted concepts, either deterministically (set cover, {@code f(A) =
 * w(gamma(A))}, {@code gamma(A)} the concepts some element of A covers) or with probabilities
 * (probabilistic set cover, {@code f(A) = sum_u w_u (1 - prod_{a in A} (1 - p_au))}), and how a
 * query set Q and a private set P cover the concepts. Q and P are given per concept: submodlib's
 * {@code query_concepts} / {@code private_concepts} ({@link #queryConcepts}, {@link
 * #privateConcepts}: covered for sure), or in general the probability that Q (or P) covers each
 * concept, {@code 1 - prod_{q in Q} (1 - p_qu)} for items q of Q with their own probabilities
 * ({@link #queryCoverage}, {@link #privateCoverage}). Immutable: every setter returns a new holder.
 * Arrays are copied.
 *
 * <pre>{@code
 * ConceptCoverage c = ConceptCoverage.sets(m, cover).queryConcepts(2, 5);
 * SetFunction scmi = SetCoverInformation.mutualInformation(c);
 * }</pre>
 *
 * @since 1.0
 */
public final class ConceptCoverage {
  private final int concepts;
  private final int[][] items;
  private final double[][] probs;
  private final double[] weights;
  private final double[] query;
  private final double[] privates;

  private ConceptCoverage(
      int concepts,
      int[][] items,
      double[][] probs,
      double[] weights,
      double[] query,
      double[] privates) {
    this.concepts = concepts;
    this.items = items;
    this.probs = probs;
    this.weights = weights;
    this.query = query;
    this.privates = privates;
  }

  /**
   * Set cover (submodlib's {@code cover_set}): element i covers the concepts {@code cover[i]}; unit
   * concept weights until {@link #weights} is set.
   *
   * @param concepts the number m of concepts, at least 1 (an array length)
   * @param cover n rows (n at least 1) of distinct concept ids in {@code [0, m)}
   * @return the holder
   */
  public static ConceptCoverage sets(int concepts, int[][] cover) {
    Args.positive("concepts", Args.size("concepts", concepts));
    Args.positive("cover.length", Args.notNull("cover", cover).length);
    int[][] items = new int[cover.length][];
    for (int i = 0; i < cover.length; i++) {
      items[i] = Args.notNull("cover[" + i + "]", cover[i]).clone();
      int[] sorted = items[i].clone();
      Arrays.sort(sorted);
      for (int t = 0; t < sorted.length; t++) {
        if (sorted[t] < 0 || sorted[t] >= concepts || (t > 0 && sorted[t] == sorted[t - 1])) {
          throw Args.fail(
              "cover[" + i + "]",
              Arrays.toString(cover[i]),
              "distinct concept ids in [0, " + concepts + ")");
        }
      }
    }
    return new ConceptCoverage(concepts, items, null, ones(concepts), null, null);
  }

  /**
   * Probabilistic set cover (submodlib's {@code probs}): element i covers concept u with
   * probability {@code probs[i][u]}; unit concept weights until {@link #weights} is set.
   *
   * @param probs an n-by-m matrix (n, m at least 1) of probabilities in [0, 1]
   * @return the holder
   */
  public static ConceptCoverage probabilities(double[][] probs) {
    Args.positive("probs.length", Args.notNull("probs", probs).length);
    int m = Args.positive("probs[0].length", Args.notNull("probs[0]", probs[0]).length);
    int[][] items = new int[probs.length][];
    double[][] p = new double[probs.length][];
    for (int i = 0; i < probs.length; i++) {
      Args.length("probs[" + i + "]", probs[i], m);
      for (int u = 0; u < m; u++) {
        Args.inRange("probs[" + i + "][" + u + "]", probs[i][u], 0.0, 1.0);
      }
      int[] nz = new int[m];
      double[] pz = new double[m];
      int count = 0;
      for (int u = 0; u < m; u++) {
        if (probs[i][u] > 0) {
          pz[count] = probs[i][u];
          nz[count++] = u;
        }
      }
      items[i] = Arrays.copyOf(nz, count);
      p[i] = Arrays.copyOf(pz, count);
    }
    return new ConceptCoverage(m, items, p, ones(m), null, null);
  }

  private static double[] ones(int m) {
    double[] w = new double[m];
    Arrays.fill(w, 1);
    return w;
  }

  /**
   * The concept weights (submodlib's {@code concept_weights}; default all 1).
   *
   * @param weights m finite non-negative weights
   * @return a new holder with them
   */
  public ConceptCoverage weights(double[] weights) {
    double[] w = Args.nonNegative("weights", Args.length("weights", weights, concepts)).clone();
    return new ConceptCoverage(concepts, items, probs, w, query, privates);
  }

  /**
   * The concepts the query set covers (submodlib's {@code query_concepts}), each for sure.
   *
   * @param ids distinct concept ids in {@code [0, m)}
   * @return a new holder with them
   */
  public ConceptCoverage queryConcepts(int... ids) {
    return queryCoverage(indicator("ids", ids));
  }

  /**
   * The probability that the query set covers each concept, {@code 1 - prod_{q in Q} (1 - p_qu)} (0
   * or 1 for the set-cover measures).
   *
   * @param coverage m probabilities in [0, 1]
   * @return a new holder with them
   */
  public ConceptCoverage queryCoverage(double[] coverage) {
    return new ConceptCoverage(
        concepts, items, probs, weights, checked("coverage", coverage), privates);
  }

  /**
   * The concepts the private set covers (submodlib's {@code private_concepts}), each for sure.
   *
   * @param ids distinct concept ids in {@code [0, m)}
   * @return a new holder with them
   */
  public ConceptCoverage privateConcepts(int... ids) {
    return privateCoverage(indicator("ids", ids));
  }

  /**
   * The probability that the private set covers each concept, {@code 1 - prod_{r in P} (1 - p_ru)}
   * (0 or 1 for the set-cover measures).
   *
   * @param coverage m probabilities in [0, 1]
   * @return a new holder with them
   */
  public ConceptCoverage privateCoverage(double[] coverage) {
    return new ConceptCoverage(
        concepts, items, probs, weights, query, checked("coverage", coverage));
  }

  private double[] indicator(String name, int[] ids) {
    Args.notNull(name, ids);
    double[] c = new double[concepts];
    for (int t = 0; t < ids.length; t++) {
      if (ids[t] < 0 || ids[t] >= concepts || c[ids[t]] != 0) {
        throw Args.fail(name + "[" + t + "]", ids[t], "a new concept id in [0, " + concepts + ")");
      }
      c[ids[t]] = 1;
    }
    return c;
  }

  private double[] checked(String name, double[] coverage) {
    Args.length(name, coverage, concepts);
    for (int u = 0; u < concepts; u++) {
      Args.inRange(name + "[" + u + "]", coverage[u], 0.0, 1.0);
    }
    return coverage.clone();
  }

  /**
   * The ground-set size n.
   *
   * @return n
   */
  public int groundSize() {
    return items.length;
  }

  /**
   * The number m of concepts.
   *
   * @return m
   */
  public int concepts() {
    return concepts;
  }

  /**
   * Whether the elements cover concepts with probabilities ({@link #probabilities}).
   *
   * @return true for probabilistic set cover
   */
  public boolean probabilistic() {
    return probs != null;
  }

  int[][] items() {
    return items;
  }

  double[][] probs() {
    return probs;
  }

  /**
   * The weights of the measure: {@code w_u} times the query coverage (if used) times one minus the
   * private coverage (if used), after checking the kind and that the sets it needs are given.
   */
  double[] measureWeights(boolean probabilistic, boolean useQuery, boolean usePrivate) {
    if (probabilistic != probabilistic()) {
      throw Args.fail(
          "coverage.probabilistic()",
          probabilistic(),
          probabilistic
              ? "true (built by ConceptCoverage.probabilities)"
              : "false (built by ConceptCoverage.sets)");
    }
    double[] w = weights.clone();
    if (useQuery) {
      scale(w, required(query, "query", "queryConcepts or queryCoverage"), probabilistic, false);
    }
    if (usePrivate) {
      scale(
          w,
          required(privates, "private", "privateConcepts or privateCoverage"),
          probabilistic,
          true);
    }
    return w;
  }

  private static double[] required(double[] c, String which, String setters) {
    if (c == null) {
      throw new IllegalArgumentException(
          "coverage: the " + which + " set is missing (set it with " + setters + ")");
    }
    return c;
  }

  private static void scale(double[] w, double[] c, boolean probabilistic, boolean complement) {
    for (int u = 0; u < w.length; u++) {
      if (!probabilistic && c[u] != 0 && c[u] != 1) {
        throw Args.fail(
            (complement ? "private" : "query") + " coverage[" + u + "]",
            c[u],
            "0 or 1 for a set-cover measure (fractions need ConceptCoverage.probabilities)");
      }
      w[u] *= complement ? 1 - c[u] : c[u];
    }
  }
}
