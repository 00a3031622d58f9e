package dev.fathom.bench.figures;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Shared chart styling so every figure of the docs looks alike. */
public final class Charts {
  private Charts() {}

  /**
   * A log-log (or lin-log) line chart with the house style.
   *
   * @param title chart title
   * @param xTitle x-axis title
   * @param yTitle y-axis title
   * @param logX logarithmic x axis
   * @param logY logarithmic y axis
   * @return the chart, ready for series
   */
  public static XYChart xy(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    return chart;
  }

  /**
   * Writes the chart as {@code dir/name.png}.
   *
   * @param chart the chart
   * @param dir the directory
   * @param name the file name without extension
   * @throws IOException if writing fails
   */
  public static void save(XYChart chart, Path dir, String name) throws IOException {
    BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
