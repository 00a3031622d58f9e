package dev.fathom.linalg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many rows of a large matrix go into one array of {@link DoubleRowBlocks} or {@link
 * FloatRowBlocks}. With G1 (the default collector) an array of at least half a heap region is
 * allocated directly in its own contiguous regions (a humongous object), outside the young
 * generation, so young collections never copy it; the rest of its last region stays unused. A block
 * is therefore sized to fill its regions closely (see {@link #rowsPerBlock(int, int, int, long)})
 * and kept to a few regions (contiguous free regions are easier to find). The region size is read
 * from the running JVM ({@code G1HeapRegionSize} through the HotSpot diagnostic MXBean, or without
 * that bean G1's ergonomic choice for the maximum heap); under another collector, or when neither
 * can be read, blocks are sized on a 4 MB unit. A matrix smaller than half a unit is one block.
 */
final class RowBlockSizing {
  /** The bytes an array header takes at most (12 or 16 with compressed class pointers). */
  static final long HEADER = 16;

  /** The unit when the JVM does not run G1 or its region size is unknown. */
  static final long DEFAULT_UNIT = 4L << 20;

  /** The largest block considered, in units (unless one row is larger). */
  static final int SPAN = 8;

  private RowBlockSizing() {}

  /** The G1 region size of this JVM, read once, or {@link #DEFAULT_UNIT}. */
  private static final class Unit {
    static final long BYTES = regionBytes();

    private static long regionBytes() {
      try {
        HotSpotDiagnosticMXBean hs =
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hs != null) {
          if (!"true".equals(hs.getVMOption("UseG1GC").getValue())) {
            return DEFAULT_UNIT;
          }
          long r = Long.parseLong(hs.getVMOption("G1HeapRegionSize").getValue());
          if (r > 0) {
            return r;
          }
        }
      } catch (RuntimeException | LinkageError e) {
        // not HotSpot, or the module jdk.management not resolved (module path): try below
      }
      try {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
          if (gc.getName().startsWith("G1")) {
            return ergonomicRegion(Runtime.getRuntime().maxMemory());
          }
        }
      } catch (RuntimeException | LinkageError e) {
        // no java.management either: the default unit
      }
      return DEFAULT_UNIT;
    }
  }

  /**
   * G1's own choice of region size when none is given: the heap over 2048 regions, rounded up to a
   * power of two, between 1 and 32 MB (JDK 17 to 25 without {@code -XX:G1HeapRegionSize}).
   *
   * @param maxHeap the maximum heap size in bytes
   * @return the region size in bytes
   */
  static long ergonomicRegion(long maxHeap) {
    long r = Math.max(1, maxHeap / 2048);
    long p = Long.highestOneBit(r);
    return Math.min(32L << 20, Math.max(1L << 20, p < r ? 2 * p : p));
  }

  /**
   * The unit the blocks of this JVM are sized on.
   *
   * @return the G1 region size, or {@link #DEFAULT_UNIT}
   */
  static long unit() {
    return Unit.BYTES;
  }

  /**
   * The rows per block for this JVM.
   *
   * @param rows the matrix rows, at least 1
   * @param columns the matrix columns, at least 1
   * @param elementBytes 8 (double) or 4 (float)
   * @return the rows per block, in [1, rows]
   */
  static int rowsPerBlock(int rows, int columns, int elementBytes) {
    if ((long) rows * columns * elementBytes + HEADER <= DEFAULT_UNIT / 8) {
      return rows; // small enough that the region size does not matter: no MXBean lookup
    }
    return rowsPerBlock(rows, columns, elementBytes, Unit.BYTES);
  }

  /**
   * The rows per block for a given unit (region) size: the fewest rows that make a block of at
   * least half a unit (a humongous object) and waste at most 1/64 of the matrix's bytes in the
   * units its blocks occupy (the last, shorter block included, unless it is an ordinary object),
   * among blocks of at most {@link #SPAN} units (or one row); if none does, the one that wastes the
   * least. A matrix smaller than half a unit is one block.
   *
   * @param rows the matrix rows, at least 1
   * @param columns the matrix columns, at least 1
   * @param elementBytes the bytes per element
   * @param unit the region size in bytes
   * @return the rows per block, in [1, rows]
   */
  static int rowsPerBlock(int rows, int columns, int elementBytes, long unit) {
    long row = (long) columns * elementBytes;
    long total = rows * row;
    if (total + HEADER < unit / 2) {
      return rows;
    }
    long first = Math.max(1, (unit / 2 - HEADER + row - 1) / row);
    long most = Math.max(first, (SPAN * unit - HEADER) / row);
    long last = Math.min(Math.min(rows, most), (Integer.MAX_VALUE - 8L) / columns);
    long best = last;
    long bestWaste = Long.MAX_VALUE;
    for (long r = first; r <= last; r++) {
      long full = rows / r;
      long rest = rows - full * r;
      long waste = full * occupied(r * row, unit) + occupied(rest * row, unit) - total;
      if (waste <= total / 64) {
        return (int) r;
      }
      if (waste < bestWaste) {
        bestWaste = waste;
        best = r;
      }
    }
    return (int) best;
  }

  /**
   * The heap bytes an array of this many element bytes takes: whole regions if it is humongous,
   * else (an ordinary object, for example a short last block) its elements.
   */
  private static long occupied(long bytes, long unit) {
    return bytes + HEADER < unit / 2 ? bytes : (bytes + HEADER + unit - 1) / unit * unit;
  }
}
