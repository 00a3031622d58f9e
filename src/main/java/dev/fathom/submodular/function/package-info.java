/**
 * Set functions: facility location over a {@link dev.fathom.submodular.similarity.Similarity},
 * weighted, probabilistic and saturated coverage, graph cut, log-determinant, feature-based
 * (concave over modular) functions, mixtures, and the entropy rate of a {@link
 * dev.fathom.submodular.function.MarkovChain} restricted to a set of coordinates. Each is a {@link
 * dev.fathom.submodular.SetFunction}: mutable, not thread-safe, copied per thread.
 */
package dev.fathom.submodular.function;
