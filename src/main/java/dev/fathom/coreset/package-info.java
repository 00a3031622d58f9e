/**
 * Weighted coresets: small weighted subsets of a data set whose weighted loss approximates the full
 * loss for every query.
 *
 * <ul>
 *   <li>{@link dev.fathom.coreset.Coreset}: the value (indices into the input and weights), with
 *       the weighted-loss helpers; {@link dev.fathom.coreset.PointLoss} and {@link
 *       dev.fathom.coreset.Losses}: per-point losses of least squares, ℓp regression, logistic
 *       regression, linear SVM, k-means and k-median.
 *   <li>Sampling: {@link dev.fathom.coreset.SensitivitySampling} (generic, from upper bounds),
 *       {@link dev.fathom.coreset.LeverageScores}, {@link dev.fathom.coreset.LewisWeights}, {@link
 *       dev.fathom.coreset.LpSensitivities} (ℓp sensitivities and their bounds), {@link
 *       dev.fathom.coreset.RegressionCoresets}, {@link dev.fathom.coreset.ClusteringCoresets}, with
 *       sizes from {@link dev.fathom.coreset.CoresetSize}; built-in data in {@link
 *       dev.fathom.coreset.Datasets}.
 *   <li>Vector summarization: {@link dev.fathom.coreset.Caratheodory} and {@link
 *       dev.fathom.coreset.VectorSummarizer}; {@code AutoCoreset} with the fit routines of {@link
 *       dev.fathom.coreset.Fitters} (least squares, least absolute deviations, ℓp regression by
 *       {@link dev.fathom.coreset.LpRegression}, logistic regression by {@link
 *       dev.fathom.coreset.LogisticRegression}, k-means).
 *   <li>Kernel thinning: {@link dev.fathom.coreset.Kernel}, {@link
 *       dev.fathom.coreset.KernelThinning}, {@link dev.fathom.coreset.CompressPlusPlus} and {@link
 *       dev.fathom.coreset.Mmd}.
 * </ul>
 *
 * <p>Conventions, those of every Fathom package: data sets (point sets, designs) are {@code
 * double[][]} rows, one array per point, never EJML matrices at this API (the routines index and
 * subsample rows, and a coreset is a set of row indices); nothing here modifies its input. Every
 * randomized routine takes its randomness as its last argument, a {@code long seed} or a {@link
 * java.util.random.RandomGenerator} (same draws for {@code seed} and {@code Rng.create(seed)}).
 * Iterative routines report a {@link dev.fathom.core.Status}.
 */
package dev.fathom.coreset;
