/**
 * Fathom on Apache Spark: thin distributed layers over the library's single-machine routines.
 *
 * <ul>
 *   <li>{@link dev.fathom.spark.DistributedGreedy}: GreeDi and RandGreeDi, two-round monotone
 *       submodular maximization under {@code |S| <= k} over a {@code JavaRDD}, with the objectives
 *       of {@link dev.fathom.spark.Objectives}.
 *   <li>{@link dev.fathom.spark.DistributedCoresets}: merge-and-reduce k-means and k-median
 *       coresets of a {@code JavaRDD<double[]>} through {@code treeAggregate}.
 *   <li>{@link dev.fathom.spark.DistributedRegression}: merge-and-reduce least-squares (leverage
 *       score) and ℓp (Lewis weight) regression coresets of rows {@code [x, y]}.
 *   <li>{@link dev.fathom.spark.DatasetRows}: a {@code Dataset<Row>} column of numeric arrays (and
 *       a response column) as the {@code JavaRDD<double[]>} the routines take.
 *   <li>{@link dev.fathom.spark.ClusterOracle}: a {@link dev.fathom.hadamard.BatchOracle} whose
 *       batches are evaluated on the cluster, for the sparse Walsh-Hadamard transform.
 *   <li>{@link dev.fathom.spark.DistributedFiniteSum}: a finite-sum operator whose full evaluation
 *       runs on the cluster, for the full passes of VR-Halpern and Halpern.
 * </ul>
 *
 * Spark is a {@code provided} dependency; the cost model of each routine (rounds, bytes shuffled,
 * driver memory) is in docs/spark.md.
 */
package dev.fathom.spark;
