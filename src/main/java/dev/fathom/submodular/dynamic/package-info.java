/**
 * Fully dynamic maximization: a {@link dev.fathom.submodular.dynamic.DynamicMaximizer} keeps an
 * approximate maximizer of a monotone submodular function over a live set that changes by
 * insertions and deletions. {@link dev.fathom.submodular.dynamic.LattanziDynamic} and {@link
 * dev.fathom.submodular.dynamic.BanihashemDynamic} (cardinality, one instance per guess of the
 * optimum: {@link dev.fathom.submodular.dynamic.GuessedDynamic}), {@link
 * dev.fathom.submodular.dynamic.SwappingDynamic} (matroids), and {@link
 * dev.fathom.submodular.dynamic.UpdateStream} random update streams. Not thread-safe.
 */
package dev.fathom.submodular.dynamic;
