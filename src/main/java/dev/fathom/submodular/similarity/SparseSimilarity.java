package dev.fathom.submodular.similarity;

import dev.fathom.core.Args;
import dev.fathom.linalg.KdTree;
import java.util.Arrays;

/**
 * Sparse similarities in compressed-row form by candidate: candidate {@code j} has similarity
 * {@code val[p]} to client {@code idx[p]} for {@code p in [ptr[j], ptr[j+1])}, and 0 to every other
 * client. A facility-location gain then costs {@code O(nnz_j)} instead of {@code O(clients)}.
 * Immutable.
 *
 * @since 1.0
 */
public final class SparseSimilarity implements Similarity {
  private final int clients;
  private final int[] ptr;
  private final int[] idx;
  private final double[] val;

  private SparseSimilarity(int clients, int[] ptr, int[] idx, double[] val) {
    this.clients = clients;
    this.ptr = ptr;
    this.idx = idx;
    this.val = val;
  }

  /**
   * Wraps (after checking and copying) compressed rows.
   *
   * @param clients the number of clients
   * @param ptr row pointers, length candidates + 1, non-decreasing from 0 to {@code idx.length}
   * @param idx client ids in {@code [0, clients)}, distinct within a row
   * @param val finite non-negative similarities, same length as {@code idx}
   * @return the storage
   */
  public static SparseSimilarity of(int clients, int[] ptr, int[] idx, double[] val) {
    Args.positive("clients", clients);
    Args.notNull("ptr", ptr);
    Args.notNull("idx", idx);
    Args.nonNegative("val", val);
    if (ptr.length < 2) {
      throw Args.fail("ptr.length", ptr.length, "at least 2 (one candidate)");
    }
    Args.length("idx", idx, val.length);
    if (ptr[0] != 0 || ptr[ptr.length - 1] != idx.length) {
      throw Args.fail("ptr", Arrays.toString(ptr), "to start at 0 and end at " + idx.length);
    }
    boolean[] seen = new boolean[clients];
    for (int j = 0; j + 1 < ptr.length; j++) {
      if (ptr[j + 1] < ptr[j]) {
        throw Args.fail("ptr[" + (j + 1) + "]", ptr[j + 1], "at least ptr[" + j + "] = " + ptr[j]);
      }
      for (int p = ptr[j]; p < ptr[j + 1]; p++) {
        int i = idx[p];
        if (i < 0 || i >= clients) {
          throw Args.fail("idx[" + p + "]", i, "a client id in [0, " + clients + ")");
        }
        if (seen[i]) {
          throw Args.fail("idx[" + p + "]", i, "distinct clients within row " + j);
        }
        seen[i] = true;
      }
      for (int p = ptr[j]; p < ptr[j + 1]; p++) {
        seen[idx[p]] = false;
      }
    }
    return new SparseSimilarity(clients, ptr.clone(), idx.clone(), val.clone());
  }

  /**
   * The exact k-nearest-neighbour graph of {@code points} (squared Euclidean distance, each point
   * its own nearest neighbour) with Gaussian similarities {@code exp(-D / h)}, {@code h} the mean
   * squared distance over the stored pairs. Candidates and clients are both the points; row {@code
   * j} holds the {@code k} points nearest to {@code j}. Exact search over the points sorted by
   * their first coordinate, pruned by that coordinate: fast for low-dimensional data, {@code O(n^2
   * d)} in the worst case.
   *
   * @param points the points, one row each
   * @param k the neighbours per point, in {@code [1, n]}
   * @return the storage
   */
  public static SparseSimilarity knn(double[][] points, int k) {
    Args.rectangular("points", points);
    int n = points.length;
    Args.inRange("k", k, 1, n);
    KdTree tree = new KdTree(points);
    int[] idx = new int[n * k];
    double[] dist = new double[n * k];
    int[] heapIdx = new int[k];
    double[] heapDist = new double[k];
    double sum = 0;
    for (int j = 0; j < n; j++) {
      tree.nearest(points[j], k, heapIdx, heapDist);
      for (int p = 0; p < k; p++) {
        idx[j * k + p] = heapIdx[p];
        dist[j * k + p] = heapDist[p];
        sum += heapDist[p];
      }
    }
    double h = sum > 0 ? sum / (n * (double) k) : 1.0;
    int[] ptr = new int[n + 1];
    for (int j = 0; j <= n; j++) {
      ptr[j] = j * k;
    }
    double[] val = new double[n * k];
    for (int p = 0; p < val.length; p++) {
      val[p] = Math.exp(-dist[p] / h);
    }
    return new SparseSimilarity(n, ptr, idx, val);
  }

  /**
   * submodlib's sparse kernel mode ({@code create_kernel(X, mode='sparse', num_neigh=k)}): for each
   * client {@code i}, only its {@code k} most similar candidates keep their similarity {@code s(j,
   * i)} (ties to the lower candidate id), every other entry is 0. For the kernels of {@link
   * PointSimilarity#submodlibEuclidean} and {@link PointSimilarity#submodlibCosine} "most similar"
   * is "nearest" under submodlib's metric, so this is its k-nearest-neighbour kernel (up to ties),
   * stored candidate by candidate as facility location reads it: candidate {@code j}'s row lists
   * the clients that have {@code j} among their {@code k} most similar. {@code O(n m log k)}
   * lookups.
   *
   * @param dense the similarities (any storage)
   * @param k the candidates kept per client, in {@code [1, candidates]}
   * @return the storage; the kept values must be non-negative
   */
  public static SparseSimilarity mostSimilar(Similarity dense, int k) {
    Args.notNull("dense", dense);
    int n = dense.candidates();
    int m = dense.clients();
    Args.inRange("k", k, 1, n);
    int[] kept = new int[m * k];
    int[] count = new int[n];
    int[] heap = new int[k];
    double[] heapVal = new double[k];
    for (int i = 0; i < m; i++) {
      // a min-heap of the k best (value, then lower id wins a tie) seen so far
      int size = 0;
      for (int j = 0; j < n; j++) {
        double v = dense.get(j, i);
        if (size < k) {
          heap[size] = j;
          heapVal[size] = v;
          siftUp(heap, heapVal, size++);
        } else if (v > heapVal[0]) {
          heap[0] = j;
          heapVal[0] = v;
          siftDown(heap, heapVal, k);
        }
      }
      for (int p = 0; p < k; p++) {
        int j = heap[p];
        double v = heapVal[p];
        if (!(v >= 0)) {
          throw Args.fail("s(" + j + ", " + i + ")", v, "a non-negative similarity to keep");
        }
        kept[i * k + p] = j;
        count[j]++;
      }
    }
    int[] ptr = new int[n + 1];
    for (int j = 0; j < n; j++) {
      ptr[j + 1] = ptr[j] + count[j];
    }
    int[] fill = ptr.clone();
    int[] idx = new int[m * k];
    double[] val = new double[m * k];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        int j = kept[i * k + p];
        idx[fill[j]] = i;
        val[fill[j]++] = dense.get(j, i);
      }
    }
    return new SparseSimilarity(m, ptr, idx, val);
  }

  /** Is entry a worse than entry b: a smaller value, or the same value and a higher id. */
  private static boolean worse(int[] id, double[] v, int a, int b) {
    return v[a] < v[b] || (v[a] == v[b] && id[a] > id[b]);
  }

  private static void siftUp(int[] id, double[] v, int c) {
    while (c > 0) {
      int parent = (c - 1) / 2;
      if (!worse(id, v, c, parent)) {
        return;
      }
      swap(id, v, c, parent);
      c = parent;
    }
  }

  private static void siftDown(int[] id, double[] v, int size) {
    int c = 0;
    while (true) {
      int l = 2 * c + 1;
      int r = l + 1;
      int w = c;
      if (l < size && worse(id, v, l, w)) {
        w = l;
      }
      if (r < size && worse(id, v, r, w)) {
        w = r;
      }
      if (w == c) {
        return;
      }
      swap(id, v, c, w);
      c = w;
    }
  }

  private static void swap(int[] id, double[] v, int a, int b) {
    int t = id[a];
    id[a] = id[b];
    id[b] = t;
    double u = v[a];
    v[a] = v[b];
    v[b] = u;
  }

  /**
   * Dense rows {@code rows[j][i] = s(j, i)} as compressed rows, dropping the zeros.
   *
   * @param rows a rectangular matrix of finite non-negative entries (not modified)
   * @return the storage
   */
  public static SparseSimilarity fromDense(double[][] rows) {
    Args.rectangular("rows", rows);
    for (int j = 0; j < rows.length; j++) {
      Args.nonNegative("rows[" + j + "]", rows[j]);
    }
    int n = rows.length;
    int m = rows[0].length;
    int nnz = 0;
    for (double[] r : rows) {
      for (double v : r) {
        nnz += v != 0 ? 1 : 0;
      }
    }
    int[] ptr = new int[n + 1];
    int[] idx = new int[nnz];
    double[] val = new double[nnz];
    int p = 0;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        if (rows[j][i] != 0) {
          idx[p] = i;
          val[p++] = rows[j][i];
        }
      }
      ptr[j + 1] = p;
    }
    return new SparseSimilarity(m, ptr, idx, val);
  }

  /**
   * The row pointers: candidate {@code j}'s entries are at positions {@code [ptr[j], ptr[j+1])}.
   *
   * @return a copy, length {@code candidates() + 1}
   */
  public int[] rowPointers() {
    return ptr.clone();
  }

  /**
   * The client id of each stored entry.
   *
   * @return a copy, length {@link #nonZeros()}
   */
  public int[] clientIds() {
    return idx.clone();
  }

  /**
   * The similarity of each stored entry.
   *
   * @return a copy, length {@link #nonZeros()}
   */
  public double[] values() {
    return val.clone();
  }

  /**
   * The number of stored (non-zero pattern) entries.
   *
   * @return nnz
   */
  public int nonZeros() {
    return idx.length;
  }

  @Override
  public int candidates() {
    return ptr.length - 1;
  }

  @Override
  public int clients() {
    return clients;
  }

  @Override
  public double gain(int e, double[] cur) {
    double g = 0;
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      double t = val[p] - cur[idx[p]];
      g += t > 0 ? t : 0;
    }
    return g;
  }

  @Override
  public void raise(int e, double[] cur) {
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      int i = idx[p];
      cur[i] = Math.max(cur[i], val[p]);
    }
  }

  @Override
  public double get(int j, int i) {
    for (int p = ptr[j]; p < ptr[j + 1]; p++) {
      if (idx[p] == i) {
        return val[p];
      }
    }
    return 0;
  }
}
