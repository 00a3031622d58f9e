/**
 * Linear stochastic approximation (LSA) with a fixed step: solve {@code Ā θ = b̄} from a stream of
 * random estimates {@code (A_k, b_k)} by the recursion {@code θ_k = θ_{k-1} − α (A_k θ_{k-1} −
 * b_k)}, with Polyak-Ruppert averaging after a burn-in and Richardson-Romberg extrapolation over
 * the step sizes {@code α} and {@code 2α}.
 *
 * <ul>
 *   <li>{@link dev.fathom.lsa.LsaStream}: the source of estimates; dense, sparse rank-one ({@link
 *       dev.fathom.lsa.RankOneSample}) or specialised streams, all applying one step in place at a
 *       cost proportional to the non-zeros of the sample.
 *   <li>{@link dev.fathom.lsa.Lsa}: the solver, with {@link dev.fathom.lsa.Lsa.Options} and a
 *       {@link dev.fathom.lsa.LsaResult}; {@link dev.fathom.lsa.Stability} checks the step size
 *       against the spectrum of {@code Ā}.
 *   <li>{@link dev.fathom.lsa.TemporalDifference}: TD(0) with linear features on a {@link
 *       dev.fathom.lsa.MarkovRewardProcess}, with the exact {@code Ā}, {@code b̄}, TD fixed point,
 *       noise covariance and fixed-step stationary mean.
 *   <li>{@link dev.fathom.lsa.LinearRegression}: least-squares SGD as LSA.
 *   <li>{@link dev.fathom.lsa.Covariances}: the CLT covariance {@code Ā⁻¹ Σ Ā⁻ᵀ} and empirical
 *       covariances to compare with it.
 * </ul>
 *
 * <p>Reference: A. Durmus, E. Moulines, A. Naumov, S. Samsonov, K. Scaman, H.-T. Wai, "Tight High
 * Probability Bounds for Linear Stochastic Approximation with Fixed Stepsize", NeurIPS 2021.
 */
package dev.fathom.lsa;
