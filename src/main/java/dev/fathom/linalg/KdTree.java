package dev.fathom.linalg;

import dev.fathom.core.Args;

/**
 * A k-d tree over points for exact k-nearest-neighbour queries in squared Euclidean distance:
 * median splits on the coordinate of largest spread, leaves of at most 8 points, and depth-first
 * search that skips a subtree when the squared distance to its splitting plane exceeds the current
 * k-th best. Fast for low-dimensional data; a query costs {@code O(n d)} in the worst case.
 *
 * <p>The tree keeps (does not copy) the point rows, which must not change while it is used. Queries
 * do not modify the tree, so one tree may serve many threads.
 *
 * @since 1.0
 */
public final class KdTree {
  private static final int LEAF = 8;
  private final double[][] pts;
  private final int[] idx;
  private final int d;
  // node arrays: for node v, [lo, hi) range of idx; split dim and value for internal nodes
  private final int[] lo;
  private final int[] hi;
  private final int[] dim;
  private final double[] split;
  private final int[] left;
  private final int[] right;
  private int nodes;

  /**
   * Builds the tree in {@code O(n log n d)} time.
   *
   * @param pts the points, one row each: rectangular and finite (kept, not copied)
   */
  public KdTree(double[][] pts) {
    Args.rectangular("pts", pts);
    this.pts = pts;
    this.d = pts[0].length;
    int n = pts.length;
    idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int cap = 4 * (n / (LEAF / 2) + 1);
    lo = new int[cap];
    hi = new int[cap];
    dim = new int[cap];
    split = new double[cap];
    left = new int[cap];
    right = new int[cap];
    build(0, n);
  }

  private int build(int from, int to) {
    int v = nodes++;
    lo[v] = from;
    hi[v] = to;
    left[v] = -1;
    right[v] = -1;
    if (to - from <= LEAF) {
      return v;
    }
    int best = 0;
    double spread = -1;
    for (int c = 0; c < d; c++) {
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (int t = from; t < to; t++) {
        double x = pts[idx[t]][c];
        mn = Math.min(mn, x);
        mx = Math.max(mx, x);
      }
      if (mx - mn > spread) {
        spread = mx - mn;
        best = c;
      }
    }
    int mid = (from + to) >>> 1;
    select(from, to - 1, mid, best);
    dim[v] = best;
    split[v] = pts[idx[mid]][best];
    int l = build(from, mid);
    int r = build(mid, to);
    left[v] = l;
    right[v] = r;
    return v;
  }

  /** Quickselect: places the element of rank k (by coordinate c) at position k of idx[a..b]. */
  private void select(int a, int b, int k, int c) {
    while (b > a) {
      double pivot = pts[idx[(a + b) >>> 1]][c];
      int i = a;
      int j = b;
      while (i <= j) {
        while (pts[idx[i]][c] < pivot) {
          i++;
        }
        while (pts[idx[j]][c] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = idx[i];
          idx[i] = idx[j];
          idx[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        b = j;
      } else if (k >= i) {
        a = i;
      } else {
        return;
      }
    }
  }

  /**
   * The number of points.
   *
   * @return n
   */
  public int size() {
    return pts.length;
  }

  /**
   * Finds the {@code k} points nearest to {@code q}: {@code outIdx[r]} is the row of the {@code
   * r}-th nearest and {@code outDist[r]} its squared distance, in increasing distance (ties in any
   * order).
   *
   * @param q the query, of the points' dimension, finite
   * @param k the number of neighbours, in {@code [1, n]}
   * @param outIdx receives the rows, length at least {@code k}
   * @param outDist receives the squared distances, length at least {@code k}
   */
  public void nearest(double[] q, int k, int[] outIdx, double[] outDist) {
    Args.length("q", Args.finite("q", q), d);
    Args.inRange("k", k, 1, pts.length);
    Args.notNull("outIdx", outIdx);
    Args.notNull("outDist", outDist);
    if (outIdx.length < k) {
      throw Args.fail("outIdx.length", outIdx.length, "at least k = " + k);
    }
    if (outDist.length < k) {
      throw Args.fail("outDist.length", outDist.length, "at least k = " + k);
    }
    int[] size = {0};
    search(0, q, k, outIdx, outDist, size);
    // heap sort in place: the max-heap's root goes to the end
    for (int end = k - 1; end > 0; end--) {
      swap(outIdx, outDist, 0, end);
      siftDown(outIdx, outDist, end);
    }
  }

  private void search(int v, double[] q, int k, int[] hIdx, double[] hDist, int[] size) {
    if (left[v] < 0) {
      for (int t = lo[v]; t < hi[v]; t++) {
        int i = idx[t];
        double[] p = pts[i];
        double s = 0;
        for (int c = 0; c < d; c++) {
          double x = p[c] - q[c];
          s += x * x;
        }
        if (size[0] < k) {
          hIdx[size[0]] = i;
          hDist[size[0]] = s;
          siftUp(hIdx, hDist, size[0]++);
        } else if (s < hDist[0]) {
          hIdx[0] = i;
          hDist[0] = s;
          siftDown(hIdx, hDist, k);
        }
      }
      return;
    }
    double diff = q[dim[v]] - split[v];
    int near = diff < 0 ? left[v] : right[v];
    int far = diff < 0 ? right[v] : left[v];
    search(near, q, k, hIdx, hDist, size);
    if (size[0] < k || diff * diff <= hDist[0]) {
      search(far, q, k, hIdx, hDist, size);
    }
  }

  private static void siftUp(int[] idx, double[] key, int c) {
    while (c > 0) {
      int p = (c - 1) / 2;
      if (key[p] >= key[c]) {
        return;
      }
      swap(idx, key, p, c);
      c = p;
    }
  }

  private static void siftDown(int[] idx, double[] key, int size) {
    int p = 0;
    while (true) {
      int c = 2 * p + 1;
      if (c >= size) {
        return;
      }
      if (c + 1 < size && key[c + 1] > key[c]) {
        c++;
      }
      if (key[p] >= key[c]) {
        return;
      }
      swap(idx, key, p, c);
      p = c;
    }
  }

  private static void swap(int[] idx, double[] key, int a, int b) {
    int ti = idx[a];
    idx[a] = idx[b];
    idx[b] = ti;
    double tk = key[a];
    key[a] = key[b];
    key[b] = tk;
  }
}
