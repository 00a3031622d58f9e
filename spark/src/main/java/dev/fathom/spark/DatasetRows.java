package dev.fathom.spark;

import dev.fathom.core.Args;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * The {@code Dataset<Row>} entry point of this package: a column of feature vectors turned into the
 * {@code JavaRDD<double[]>} that {@link DistributedGreedy}, {@link DistributedCoresets} and {@link
 * DistributedRegression} take. The column must be an array of numbers ({@code array<double>}, or of
 * float, int, long, short, byte, decimal, cast to double); Spark ML's {@code Vector} type is not
 * read (it lives in spark-mllib, which this module does not depend on: convert it with {@code
 * org.apache.spark.ml.functions.vector_to_array} first). The rows keep the Dataset's partitioning
 * and order; nothing is collected to the driver. The schema is checked here, before any job; a null
 * vector, a null entry or a null response fails the job that reads it with an {@link
 * IllegalArgumentException}.
 */
public final class DatasetRows {
  private DatasetRows() {}

  /**
   * The feature vectors of a column.
   *
   * @param data the rows
   * @param column the name of a column of numeric arrays
   * @return one {@code double[]} per row, in the Dataset's partitions
   */
  public static JavaRDD<double[]> vectors(Dataset<Row> data, String column) {
    Column c = arrayColumn(data, column);
    return data.select(c).toJavaRDD().map(r -> toArray(r, 0, column, 0));
  }

  /**
   * Rows {@code [x, y]} for {@link DistributedRegression}: the feature vector of a column with the
   * response of another appended as the last coordinate.
   *
   * @param data the rows
   * @param features the name of a column of numeric arrays
   * @param response the name of a numeric column
   * @return one {@code double[]} of length {@code d + 1} per row
   */
  public static JavaRDD<double[]> withResponse(
      Dataset<Row> data, String features, String response) {
    Column x = arrayColumn(data, features);
    DataType t = field(data, response).dataType();
    if (!(t instanceof NumericType)) {
      throw Args.fail("the type of column " + response, t.simpleString(), "a numeric type");
    }
    Column y = data.col(response).cast(DataTypes.DoubleType);
    return data.select(x, y)
        .toJavaRDD()
        .map(
            r -> {
              if (r.isNullAt(1)) {
                throw Args.fail(response, "null", "a number in every row");
              }
              return toArray(r, 0, features, 1);
            });
  }

  private static StructField field(Dataset<Row> data, String column) {
    Args.notNull("data", data);
    Args.notNull("column", column);
    for (StructField f : data.schema().fields()) {
      if (f.name().equals(column)) {
        return f;
      }
    }
    throw Args.fail(
        "column", column, "one of " + List.of(data.schema().fieldNames()) + " (case-sensitive)");
  }

  /** The column cast to array<double>, after checking that it is an array of numbers. */
  private static Column arrayColumn(Dataset<Row> data, String column) {
    DataType t = field(data, column).dataType();
    if (!(t instanceof ArrayType a && a.elementType() instanceof NumericType)) {
      throw Args.fail("the type of column " + column, t.simpleString(), "an array of numbers");
    }
    return data.col(column).cast(DataTypes.createArrayType(DataTypes.DoubleType));
  }

  /** The array in field i of a row, with {@code extra} trailing slots filled from fields i+1... */
  private static double[] toArray(Row r, int i, String column, int extra) {
    if (r.isNullAt(i)) {
      throw Args.fail(column, "null", "a vector in every row");
    }
    List<Object> v = r.getList(i);
    double[] x = new double[v.size() + extra];
    for (int j = 0; j < v.size(); j++) {
      Object e = v.get(j);
      if (e == null) {
        throw Args.fail(column + "[" + j + "]", "null", "a number");
      }
      x[j] = (Double) e;
    }
    for (int j = 0; j < extra; j++) {
      x[v.size() + j] = r.getDouble(i + 1 + j);
    }
    return x;
  }
}
