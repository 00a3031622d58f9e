package dev.fathom.tour;

import dev.fathom.core.Status;
import dev.fathom.linalg.Vectors;
import dev.fathom.lsa.Covariances;
import dev.fathom.lsa.Lsa;
import dev.fathom.lsa.LsaResult;
import dev.fathom.lsa.TemporalDifference;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * lsa: TD(0) along one trajectory of a sparse MRP, against the exact TD fixed point; the error of
 * the averaged iterate is compared with its CLT scale √(tr Ā⁻¹ΣĀ⁻ᵀ / k).
 */
final class LsaTour implements TourStep {
  @Override
  public String packageName() {
    return "lsa";
  }

  @Override
  public Outcome run() {
    TemporalDifference td = TemporalDifference.random(200, 4, 10, 0.9, 2026);
    double[] exact = td.fixedPoint();
    int steps = 4_000_000;
    LsaResult r =
        Lsa.run(
            td.stream(TemporalDifference.Sampling.MARKOV),
            new double[10],
            Lsa.Options.of(0.02, steps),
            7);
    double clt =
        Math.sqrt(
            CommonOps_DDRM.trace(
                    Covariances.clt(
                        td.meanSystem().a(),
                        td.noiseCovariance(TemporalDifference.Sampling.MARKOV)))
                / r.averaged());
    double avg = Math.sqrt(Vectors.distanceSquared(r.average(), exact));
    double last = Math.sqrt(Vectors.distanceSquared(r.last(), exact));
    return new Outcome(
        "TD(0), 200-state sparse MRP, 10 features, 4e6 steps",
        String.format("|avg - θ*| %.1e = %.1f CLT sd, last %.1e", avg, avg / clt, last),
        r.status() == Status.COMPLETED && avg < 4 * clt);
  }
}
