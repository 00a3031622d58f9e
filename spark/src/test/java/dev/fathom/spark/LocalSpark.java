package dev.fathom.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test suite: {@code local[2]}, bound to the loopback interface only
 * (driver, block manager and UI off), created on first use and stopped when the JVM exits.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      SparkConf conf =
          new SparkConf()
              .setMaster("local[2]")
              .setAppName("fathom-spark-tests")
              .set("spark.driver.bindAddress", "127.0.0.1")
              .set("spark.driver.host", "127.0.0.1")
              .set("spark.ui.enabled", "false")
              .set("spark.ui.showConsoleProgress", "false")
              .set("spark.sql.shuffle.partitions", "4")
              .set("spark.default.parallelism", "4");
      session = SparkSession.builder().config(conf).getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  static JavaSparkContext context() {
    return JavaSparkContext.fromSparkContext(session().sparkContext());
  }
}
