/**
 * Fully dynamic maximization: a {@link dev.fathom.submodular.dynamic.DynamicMaximizer} keeps an
 * approximate maximizer of a monotone submodular function over a live set that changes by
 * insertions and deletions. The library's structures with proven guarantees and costs independent
 * of n are {@link dev.fathom.submodular.dynamic.ThresholdLevelsDynamic} (cardinality) and {@link
 * dev.fathom.submodular.dynamic.SwappingLevelsDynamic} (matroids). Baselines and comparisons:
 * {@link dev.fathom.submodular.dynamic.LattanziDynamic} (the published baseline) and the
 * deprecated, experimental {@link dev.fathom.submodular.dynamic.BanihashemDynamic} (cardinality,
 * one instance per guess of the optimum: {@link dev.fathom.submodular.dynamic.GuessedDynamic}),
 * {@link dev.fathom.submodular.dynamic.SwappingDynamic} (deprecated: matroids, deterministic exact
 * Swapping), and {@link dev.fathom.submodular.dynamic.UpdateStream} random update streams. Not
 * thread-safe.
 */
package dev.fathom.submodular.dynamic;
