package dev.fathom.submodular.information;

import dev.fathom.core.Args;

/**
 * The similarity kernels an information measure is built on, in submodlib's layout: the ground set
 * V of n elements, an optional query set Q of m items and an optional private set P of p items,
 * each item known only through its similarities. Immutable: every setter returns a new holder, so
 * one holder can feed several measures. Arrays are used, not copied; shapes and finiteness are
 * checked by the setters, the cross shapes (m, p) and the signs by the measure that uses them.
 *
 * <pre>{@code
 * InformationKernels k = InformationKernels.of(n).data(sVV).query(sVQ);
 * SetFunction f = FacilityLocationInformation.mutualInformation(k, 1.0);
 * }</pre>
 *
 * @since 1.0
 */
public final class InformationKernels {
  private final int n;
  private final double[][] data;
  private final double[][] query;
  private final double[][] queryQuery;
  private final double[][] privates;
  private final double[][] privatePrivate;
  private final double[][] queryPrivate;

  private InformationKernels(int n, double[][]... k) {
    this.n = n;
    this.data = k[0];
    this.query = k[1];
    this.queryQuery = k[2];
    this.privates = k[3];
    this.privatePrivate = k[4];
    this.queryPrivate = k[5];
  }

  /**
   * An empty holder for a ground set of {@code n} elements.
   *
   * @param n the ground-set size, at least 1
   * @return the holder
   */
  public static InformationKernels of(int n) {
    return new InformationKernels(Args.positive("n", n), null, null, null, null, null, null);
  }

  private InformationKernels with(int slot, double[][] k) {
    double[][][] all = {data, query, queryQuery, privates, privatePrivate, queryPrivate};
    all[slot] = k;
    return new InformationKernels(n, all);
  }

  /**
   * The data kernel {@code data[j][i] = s(j, i)} between ground elements, candidate j (row) and
   * client i (column), as for {@code FacilityLocation.dense}; for a symmetric kernel the order does
   * not matter (submodlib indexes {@code [client][candidate]}: pass its transpose if not
   * symmetric).
   *
   * @param data an n-by-n matrix of finite entries
   * @return a new holder with it
   */
  public InformationKernels data(double[][] data) {
    return with(0, shaped("data", data, n, -1));
  }

  /**
   * The query kernel {@code query[i][q] = s(i, q)} between ground element i and query item q
   * (submodlib's {@code query_sijs}, n by m).
   *
   * @param query an n-by-m matrix of finite entries, m at least 1
   * @return a new holder with it
   */
  public InformationKernels query(double[][] query) {
    return with(1, shaped("query", query, n, 0));
  }

  /**
   * The query-query kernel (submodlib's {@code query_query_sijs}, m by m), used by the
   * log-determinant measures.
   *
   * @param queryQuery an m-by-m matrix of finite entries
   * @return a new holder with it
   */
  public InformationKernels queryQuery(double[][] queryQuery) {
    return with(2, shaped("queryQuery", queryQuery, -1, -1));
  }

  /**
   * The private kernel {@code privates[i][r] = s(i, r)} between ground element i and private item r
   * (submodlib's {@code private_sijs}, n by p).
   *
   * @param privates an n-by-p matrix of finite entries, p at least 1
   * @return a new holder with it
   */
  public InformationKernels privates(double[][] privates) {
    return with(3, shaped("privates", privates, n, 0));
  }

  /**
   * The private-private kernel (submodlib's {@code private_private_sijs}, p by p), used by the
   * log-determinant measures.
   *
   * @param privatePrivate a p-by-p matrix of finite entries
   * @return a new holder with it
   */
  public InformationKernels privatePrivate(double[][] privatePrivate) {
    return with(4, shaped("privatePrivate", privatePrivate, -1, -1));
  }

  /**
   * The query-private kernel (submodlib's {@code query_private_sijs}, m by p), used by the
   * log-determinant conditional mutual information.
   *
   * @param queryPrivate an m-by-p matrix of finite entries
   * @return a new holder with it
   */
  public InformationKernels queryPrivate(double[][] queryPrivate) {
    return with(5, shaped("queryPrivate", queryPrivate, -1, 0));
  }

  /**
   * The ground-set size n.
   *
   * @return n
   */
  public int groundSize() {
    return n;
  }

  /**
   * Checks a kernel: not null, rectangular, finite; {@code rows} rows if non-negative; square if
   * {@code cols} is -1, any width otherwise.
   */
  private static double[][] shaped(String name, double[][] k, int rows, int cols) {
    Args.notNull(name, k);
    if (k.length == 0) {
      throw Args.fail(name + ".length", 0, "at least one row");
    }
    if (rows >= 0 && k.length != rows) {
      throw Args.fail(name + ".length", k.length, rows + " rows (the ground-set size)");
    }
    int width = Args.rectangular(name, k);
    if (cols == -1 && width != k.length) {
      throw Args.fail(name + "[0].length", width, "a square matrix of size " + k.length);
    }
    if (width == 0) {
      throw Args.fail(name + "[0].length", 0, "at least one column");
    }
    return k;
  }

  double[][] data() {
    return require(data, "data", "data(...)");
  }

  double[][] query() {
    return require(query, "query", "query(...)");
  }

  double[][] privates() {
    return require(privates, "privates", "privates(...)");
  }

  int queries() {
    return query()[0].length;
  }

  int privateCount() {
    return privates()[0].length;
  }

  double[][] queryQuery() {
    double[][] k = require(queryQuery, "queryQuery", "queryQuery(...)");
    if (k.length != queries()) {
      throw Args.fail("queryQuery.length", k.length, queries() + " (the number of queries)");
    }
    return k;
  }

  double[][] privatePrivate() {
    double[][] k = require(privatePrivate, "privatePrivate", "privatePrivate(...)");
    if (k.length != privateCount()) {
      throw Args.fail(
          "privatePrivate.length", k.length, privateCount() + " (the number of private items)");
    }
    return k;
  }

  double[][] queryPrivate() {
    double[][] k = require(queryPrivate, "queryPrivate", "queryPrivate(...)");
    if (k.length != queries()) {
      throw Args.fail("queryPrivate.length", k.length, queries() + " (the number of queries)");
    }
    if (k[0].length != privateCount()) {
      throw Args.fail(
          "queryPrivate[0].length", k[0].length, privateCount() + " (the number of private items)");
    }
    return k;
  }

  private static double[][] require(double[][] k, String name, String setter) {
    if (k == null) {
      throw Args.fail("kernels." + name, null, "a kernel set with " + setter);
    }
    return k;
  }

  /** Checks that every entry of a kernel is non-negative (facility location, graph cut, COM). */
  static double[][] nonNegative(String name, double[][] k) {
    for (int i = 0; i < k.length; i++) {
      Args.nonNegative(name + "[" + i + "]", k[i]);
    }
    return k;
  }

  /** Per-row maximum of a kernel (over queries or private items), times a scale. */
  static double[] rowMax(double[][] k, double scale) {
    return perRow(k, scale, true);
  }

  /** Per-row sum of a kernel, times a scale. */
  static double[] rowSum(double[][] k, double scale) {
    return perRow(k, scale, false);
  }

  private static double[] perRow(double[][] k, double scale, boolean max) {
    double[] out = new double[k.length];
    for (int i = 0; i < k.length; i++) {
      double acc = 0;
      for (double v : k[i]) {
        acc = max ? Math.max(acc, v) : acc + v;
      }
      out[i] = scale * acc;
    }
    return out;
  }
}
