package dev.fathom.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TourTest {
  @Test
  void everyStepMeetsItsOwnBoundAndPrintsOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int failed = Tour.run(List.of(), out);
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(0, failed, String.join("\n", lines));
    assertEquals(Tour.steps().size() + 1, lines.length);
    for (TourStep step : Tour.steps()) {
      assertTrue(
          List.of(lines).stream().anyMatch(l -> l.startsWith(step.packageName() + " ")),
          "no line for " + step.packageName());
    }
  }

  @Test
  void packagesCanBeSelectedByName() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int failed = Tour.run(List.of("linalg"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(0, failed);
    assertEquals(2, lines.length);
    assertTrue(lines[1].startsWith("linalg "));
  }

  @Test
  void aStepThatThrowsIsReportedAsFailed() {
    TourStep broken =
        new TourStep() {
          @Override
          public String packageName() {
            return "broken";
          }

          @Override
          public Outcome run() {
            throw new IllegalStateException("boom");
          }
        };
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int failed =
        Tour.run(List.of(broken), List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(1, failed);
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("FAILED"));
  }
}
