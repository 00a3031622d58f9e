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
 *       dev.fathom.coreset.RegressionCoresets}, {@link dev.fathom.coreset.ClusteringCoresets}, with
 *       sizes from {@link dev.fathom.coreset.CoresetSize}; built-in data in {@link
 *       dev.fathom.coreset.Datasets}.
 *   <li>Vector summarization: {@link dev.fathom.coreset.Caratheodory} and {@link
 *       dev.fathom.coreset.VectorSummarizer}; {@code AutoCoreset} with the fit routines of {@link
 *       dev.fathom.coreset.Fitters}.
 *   <li>Kernel thinning: {@link dev.fathom.coreset.Kernel}, {@link
 *       dev.fathom.coreset.KernelThinning}, {@link dev.fathom.coreset.CompressPlusPlus} and {@link
 *       dev.fathom.coreset.Mmd}.
 * </ul>
 *
 * <p>Data sets are {@code double[][]} of rows (points); nothing here modifies its input. Every
 * randomized routine takes a {@code long seed} and gives the same result for the same seed.
 */
package dev.fathom.coreset;
