/**
 * Similarity storages for facility location: {@link
 * dev.fathom.submodular.similarity.Similarity#dense dense double rows}, row-blocked float storage,
 * the dense squared-Euclidean similarity of a point set (double or float, threaded, built by {@link
 * dev.fathom.linalg.SquaredEuclidean}), and {@link
 * dev.fathom.submodular.similarity.SparseSimilarity sparse rows} such as exact k-nearest-neighbour
 * graphs; {@link dev.fathom.submodular.similarity.PointSimilarity} builds apricot's cosine and
 * correlation similarities, {@code max D - D} for any {@link
 * dev.fathom.submodular.similarity.Distance}, and k-nearest-neighbour graphs on any of them. Point
 * sets are {@code double[][]} rows. Storages are immutable and may be shared by many functions and
 * threads.
 */
package dev.fathom.submodular.similarity;
