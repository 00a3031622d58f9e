package dev.fathom.submodular;

import dev.fathom.linalg.Args;

/**
 * Facility location {@code f(S) = sum_i max_{j in S} s(j, i)} over non-negative similarities
 * (monotone submodular). Caches {@code cur[i] = max_{j in S} s(j, i)}, so a gain costs one pass
 * over candidate {@code e}'s row: {@code O(clients)} dense, {@code O(nnz_e)} sparse. Not
 * thread-safe.
 */
public final class FacilityLocation extends SetFunction {
  private final Similarity sim;
  private final double[] cur;
  // float storage: the coverage in float too (exact: every coverage is a stored float or 0)
  private final DenseFloatSimilarity floatSim;
  private final float[] curFloat;

  /**
   * Creates facility location over a similarity storage.
   *
   * @param sim the similarities (candidates are the ground set)
   */
  public FacilityLocation(Similarity sim) {
    super(Args.notNull("sim", sim).candidates());
    this.sim = sim;
    this.cur = new double[sim.clients()];
    this.floatSim = sim instanceof DenseFloatSimilarity ? (DenseFloatSimilarity) sim : null;
    this.curFloat = floatSim == null ? null : new float[sim.clients()];
  }

  private FacilityLocation(FacilityLocation o) {
    super(o);
    this.sim = o.sim;
    this.cur = o.cur.clone();
    this.floatSim = o.floatSim;
    this.curFloat = o.curFloat == null ? null : o.curFloat.clone();
  }

  /**
   * Facility location over dense similarity rows {@code rows[j][i] = s(j, i)}.
   *
   * @param rows finite non-negative similarities (used, not copied)
   * @return the function
   */
  public static FacilityLocation dense(double[][] rows) {
    return new FacilityLocation(Similarity.dense(rows));
  }

  /**
   * The similarity storage.
   *
   * @return the storage
   */
  public Similarity similarity() {
    return sim;
  }

  @Override
  public boolean monotone() {
    return true;
  }

  @Override
  public FacilityLocation copy() {
    return new FacilityLocation(this);
  }

  @Override
  protected double marginal(int e) {
    return floatSim != null ? floatSim.gain(e, curFloat) : sim.gain(e, cur);
  }

  @Override
  protected void include(int e) {
    sim.raise(e, cur);
    if (floatSim != null) {
      floatSim.raise(e, curFloat);
    }
  }

  @Override
  protected void clear() {
    java.util.Arrays.fill(cur, 0.0);
    if (curFloat != null) {
      java.util.Arrays.fill(curFloat, 0f);
    }
  }
}
