package dev.fathom.bench.figures;

import java.io.IOException;
import java.nio.file.Path;

/** One PNG figure of the docs, rendered headless from a computation. */
public interface Figure {
  /**
   * File name without extension, e.g. {@code "linalg-convolution-error"}.
   *
   * @return the name
   */
  String name();

  /**
   * Computes the data and writes {@code dir/name.png}.
   *
   * @param dir the output directory
   * @throws IOException if the file cannot be written
   */
  void render(Path dir) throws IOException;
}
