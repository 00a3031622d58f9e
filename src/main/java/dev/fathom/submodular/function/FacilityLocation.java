package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.DenseFloatSimilarity;
import dev.fathom.submodular.similarity.Similarity;

/**
 * Facility location {@code f(S) = sum_i max_{j in S} s(j, i)} over non-negative similarities
 * (monotone submodular). Caches {@code cur[i] = max_{j in S} s(j, i)}, so a gain costs one pass
 * over candidate {@code e}'s row: {@code O(clients)} dense, {@code O(nnz_e)} sparse. Not
 * thread-safe.
 *
 * @since 1.0
 */
public final class FacilityLocation extends SetFunction {
  private final Similarity sim;
  // the coverage: in double, or with float storage in float only (exact: every coverage is a
  // stored float or 0), so each selection raises one vector
  private final double[] cur;
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
    this.floatSim = sim instanceof DenseFloatSimilarity ? (DenseFloatSimilarity) sim : null;
    this.cur = floatSim == null ? new double[sim.clients()] : null;
    this.curFloat = floatSim == null ? null : new float[sim.clients()];
  }

  private FacilityLocation(FacilityLocation o) {
    super(o);
    this.sim = o.sim;
    this.cur = o.cur == null ? null : o.cur.clone();
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

  /** {@inheritDoc} Reads the coverage and the similarity storage only (storages are immutable). */
  @Override
  public boolean concurrentGains() {
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
    if (floatSim != null) {
      floatSim.raise(e, curFloat);
    } else {
      sim.raise(e, cur);
    }
  }

  @Override
  protected void clear() {
    if (floatSim != null) {
      java.util.Arrays.fill(curFloat, 0f);
    } else {
      java.util.Arrays.fill(cur, 0.0);
    }
  }
}
