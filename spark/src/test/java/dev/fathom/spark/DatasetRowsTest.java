package dev.fathom.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.coreset.LpRegression;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Cardinality;
import dev.fathom.submodular.optimize.Greedy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DatasetRowsTest {
  private final SparkSession spark = LocalSpark.session();

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("features", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("label", DataTypes.DoubleType);

  /** A Dataset of n rows (id, features of dimension d, label = a linear model plus noise). */
  private Dataset<Row> dataset(int n, int d, long seed, double[][] xOut, double[] yOut) {
    RandomGenerator rng = Rng.create(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] x = new double[d];
      List<Double> boxed = new ArrayList<>();
      double y = 0;
      for (int j = 0; j < d; j++) {
        x[j] = rng.nextGaussian() + (i % 3) * 2;
        boxed.add(x[j]);
        y += (j + 1) * x[j];
      }
      y += rng.nextGaussian();
      xOut[i] = x;
      yOut[i] = y;
      rows.add(RowFactory.create(i, boxed, y));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  @Test
  void vectorsAndRowsComeOutInOrder() {
    double[][] x = new double[50][];
    double[] y = new double[50];
    Dataset<Row> ds = dataset(50, 3, 1, x, y);
    List<double[]> got = DatasetRows.vectors(ds, "features").collect();
    List<double[]> rows = DatasetRows.withResponse(ds, "features", "label").collect();
    assertEquals(x.length, got.size());
    for (int i = 0; i < x.length; i++) {
      assertArrayEquals(x[i], got.get(i), 0);
      double[] want = Arrays.copyOf(x[i], 4);
      want[3] = y[i];
      assertArrayEquals(want, rows.get(i), 0);
    }
    // integer arrays and an integer response are cast to double
    StructType ints =
        new StructType()
            .add("v", DataTypes.createArrayType(DataTypes.IntegerType))
            .add("t", DataTypes.LongType);
    Dataset<Row> di =
        spark.createDataFrame(List.of(RowFactory.create(List.of(1, -2, 3), 7L)), ints);
    assertArrayEquals(
        new double[] {1, -2, 3, 7}, DatasetRows.withResponse(di, "v", "t").collect().get(0), 0);
  }

  @Test
  void greediOnOnePartitionOfADatasetIsCentralizedGreedy() {
    double[][] x = new double[200][];
    Dataset<Row> ds = dataset(200, 3, 2, x, new double[200]).coalesce(1);
    var objective = Objectives.facilityLocation(Arrays.copyOf(x, 80), 0.5);
    Selection ref = Greedy.lazy(objective.build(List.of(x)), new Cardinality(6));
    DistributedGreedyTest.assertSameSelection(
        ref, DistributedGreedy.greedi(DatasetRows.vectors(ds, "features"), 6, objective));
  }

  @Test
  void coresetsOfADatasetMatchTheDriverComputation() {
    int n = 300;
    double[][] x = new double[n][];
    double[] y = new double[n];
    Dataset<Row> ds = dataset(n, 3, 3, x, y).repartition(3);
    // m above every partition's size: the summaries are the rows themselves, so the weighted
    // cost and the fit equal the driver's exactly
    WeightedPoints km = DistributedCoresets.kMeans(DatasetRows.vectors(ds, "features"), 3, n, 4);
    double[][] c = {x[0], x[1], x[2]};
    double direct = 0;
    for (double[] r : x) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] ci : c) {
        double s = 0;
        for (int j = 0; j < r.length; j++) {
          s += (r[j] - ci[j]) * (r[j] - ci[j]);
        }
        best = Math.min(best, s);
      }
      direct += best;
    }
    assertEquals(n, km.size());
    assertEquals(direct, km.cost(c, 2), 1e-9 * direct);
    JavaRDD<double[]> rows = DatasetRows.withResponse(ds, "features", "label");
    double[] fitted =
        DistributedRegression.fit(DistributedRegression.leverage(rows, n, 5), 2).beta();
    double[] best = LpRegression.fit(x, y, 2).beta();
    assertArrayEquals(best, fitted, 1e-8);
  }

  @Test
  void badColumnsAreRejected() {
    double[][] x = new double[5][];
    Dataset<Row> ds = dataset(5, 2, 4, x, new double[5]);
    var e = assertThrows(IllegalArgumentException.class, () -> DatasetRows.vectors(ds, "missing"));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DatasetRows.vectors(ds, "label"));
    assertTrue(e.getMessage().contains("array"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatasetRows.withResponse(ds, "features", "features"));
    assertTrue(e.getMessage().contains("numeric"), e.getMessage());
    assertThrows(NullPointerException.class, () -> DatasetRows.vectors(null, "features"));
    assertThrows(NullPointerException.class, () -> DatasetRows.vectors(ds, null));
    Dataset<Row> withNull = spark.createDataFrame(List.of(RowFactory.create(1, null, 1.0)), SCHEMA);
    var job =
        assertThrows(
            SparkException.class, () -> DatasetRows.vectors(withNull, "features").collect());
    assertTrue(String.valueOf(job.getMessage()).contains("features"), job.getMessage());
  }
}
