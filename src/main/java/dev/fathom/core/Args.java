package dev.fathom.core;

import java.util.Objects;

/**
 * Argument checks shared by every Fathom package.
 *
 * <p>Each check throws {@link IllegalArgumentException} whose message names the parameter, the
 * offending value and what was expected, in the form {@code "name = value: expected ..."}; for
 * example {@code "n = 12: expected a power of two"}. Null arrays give a {@link
 * NullPointerException} naming the parameter. All methods are static and thread-safe.
 *
 * @since 1.0
 */
public final class Args {
  private Args() {}

  /**
   * Formats the standard message {@code "name = value: expected what"}.
   *
   * @param name the parameter name
   * @param value the offending value
   * @param expected what was expected
   * @return the message
   */
  public static String message(String name, Object value, String expected) {
    return name + " = " + value + ": expected " + expected;
  }

  /**
   * Returns an exception with the standard message.
   *
   * @param name the parameter name
   * @param value the offending value
   * @param expected what was expected
   * @return the exception, for the caller to throw
   */
  public static IllegalArgumentException fail(String name, Object value, String expected) {
    return new IllegalArgumentException(message(name, value, expected));
  }

  /**
   * Checks that a reference is not null.
   *
   * @param <T> the type
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T notNull(String name, T value) {
    return Objects.requireNonNull(value, () -> name + " = null: expected a non-null value");
  }

  /**
   * Checks {@code value > 0}.
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw fail(name, value, "a positive integer");
    }
    return value;
  }

  /**
   * Checks {@code value > 0}.
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static long positive(String name, long value) {
    if (value <= 0) {
      throw fail(name, value, "a positive integer");
    }
    return value;
  }

  /**
   * Checks {@code value >= 0}.
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static int nonNegative(String name, int value) {
    if (value < 0) {
      throw fail(name, value, "a non-negative integer");
    }
    return value;
  }

  /**
   * Checks that {@code value} is finite and strictly positive.
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static double positive(String name, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw fail(name, value, "a finite positive number");
    }
    return value;
  }

  /**
   * Checks that {@code value} is finite and not negative.
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw fail(name, value, "a finite non-negative number");
    }
    return value;
  }

  /**
   * Checks that {@code value} is finite (not NaN or infinite).
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw fail(name, value, "a finite number");
    }
    return value;
  }

  /**
   * Checks {@code lo <= value <= hi}.
   *
   * @param name the parameter name
   * @param value the value
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @return {@code value}
   */
  public static int inRange(String name, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw fail(name, value, "an integer in [" + lo + ", " + hi + "]");
    }
    return value;
  }

  /**
   * Checks {@code lo <= value <= hi} (NaN fails).
   *
   * @param name the parameter name
   * @param value the value
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @return {@code value}
   */
  public static double inRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw fail(name, value, "a number in [" + lo + ", " + hi + "]");
    }
    return value;
  }

  /**
   * Checks {@code lo < value < hi} (NaN fails).
   *
   * @param name the parameter name
   * @param value the value
   * @param lo the exclusive lower bound
   * @param hi the exclusive upper bound
   * @return {@code value}
   */
  public static double inOpenRange(String name, double value, double lo, double hi) {
    if (!(value > lo && value < hi)) {
      throw fail(name, value, "a number in (" + lo + ", " + hi + ")");
    }
    return value;
  }

  /**
   * Checks {@code lo <= value < hi} (NaN fails).
   *
   * @param name the parameter name
   * @param value the value
   * @param lo the smallest allowed value
   * @param hi the exclusive upper bound
   * @return {@code value}
   */
  public static double inClosedOpenRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value < hi)) {
      throw fail(name, value, "a number in [" + lo + ", " + hi + ")");
    }
    return value;
  }

  /**
   * Checks that {@code value} is a power of two ({@code 1, 2, 4, ...}).
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static int powerOfTwo(String name, int value) {
    if (value <= 0 || (value & (value - 1)) != 0) {
      throw fail(name, value, "a power of two");
    }
    return value;
  }

  /**
   * Checks that {@code value} is a power of two ({@code 1, 2, 4, ...}).
   *
   * @param name the parameter name
   * @param value the value
   * @return {@code value}
   */
  public static long powerOfTwo(String name, long value) {
    if (value <= 0 || (value & (value - 1)) != 0) {
      throw fail(name, value, "a power of two");
    }
    return value;
  }

  /**
   * Checks that {@code array} is non-null and has exactly {@code expected} entries.
   *
   * @param name the parameter name
   * @param array the array
   * @param expected the required length
   * @return {@code array}
   */
  public static double[] length(String name, double[] array, int expected) {
    notNull(name, array);
    if (array.length != expected) {
      throw fail(name + ".length", array.length, String.valueOf(expected));
    }
    return array;
  }

  /**
   * Checks that {@code array} is non-null and has exactly {@code expected} entries.
   *
   * @param name the parameter name
   * @param array the array
   * @param expected the required length
   * @return {@code array}
   */
  public static float[] length(String name, float[] array, int expected) {
    notNull(name, array);
    if (array.length != expected) {
      throw fail(name + ".length", array.length, String.valueOf(expected));
    }
    return array;
  }

  /**
   * Checks that {@code array} is non-null and has exactly {@code expected} entries.
   *
   * @param name the parameter name
   * @param array the array
   * @param expected the required length
   * @return {@code array}
   */
  public static int[] length(String name, int[] array, int expected) {
    notNull(name, array);
    if (array.length != expected) {
      throw fail(name + ".length", array.length, String.valueOf(expected));
    }
    return array;
  }

  /**
   * Checks that two arrays are non-null and of equal length.
   *
   * @param nameA the first parameter's name
   * @param a the first array
   * @param nameB the second parameter's name
   * @param b the second array
   */
  public static void sameLength(String nameA, double[] a, String nameB, double[] b) {
    notNull(nameA, a);
    notNull(nameB, b);
    if (a.length != b.length) {
      throw fail(nameB + ".length", b.length, nameA + ".length = " + a.length);
    }
  }

  /**
   * Checks that an interleaved complex array is non-null and has an even length.
   *
   * @param name the parameter name
   * @param array the interleaved array {@code (re, im, re, im, ...)}
   * @return {@code array}
   */
  public static double[] interleaved(String name, double[] array) {
    notNull(name, array);
    if ((array.length & 1) != 0) {
      throw fail(name + ".length", array.length, "an even length (interleaved re, im pairs)");
    }
    return array;
  }

  /**
   * Checks that the range {@code [offset, offset + length)} lies within an array of size {@code
   * size}.
   *
   * @param offset the first index
   * @param length the number of entries
   * @param size the array size
   */
  public static void range(int offset, int length, int size) {
    range("array", size, "offset", offset, "length", length);
  }

  /**
   * Checks that the range {@code [offset, offset + count)} lies within an array of size {@code
   * size}, naming the parameters in the message (for example {@code "xOff + n = 7: expected at most
   * x.length = 6"}).
   *
   * @param arrayName the array parameter's name
   * @param size the array size
   * @param offsetName the offset parameter's name
   * @param offset the first index
   * @param countName the count parameter's name
   * @param count the number of entries
   */
  public static void range(
      String arrayName, int size, String offsetName, int offset, String countName, int count) {
    if (offset < 0) {
      throw fail(offsetName, offset, "a non-negative index");
    }
    if (count < 0) {
      throw fail(countName, count, "a non-negative length");
    }
    if ((long) offset + count > size) {
      throw fail(
          offsetName + " + " + countName,
          (long) offset + count,
          "at most " + arrayName + ".length = " + size + " (" + offsetName + " = " + offset + ")");
    }
  }

  /**
   * The largest array length Fathom allocates: {@code Integer.MAX_VALUE - 8}, the limit below which
   * every common JVM can create an array (given the memory).
   */
  public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  /**
   * Checks that {@code value} is a valid array size: {@code 0 <= value <= }{@link
   * #MAX_ARRAY_LENGTH}. Pass products of sizes as {@code long} so that they cannot overflow before
   * the check.
   *
   * @param name the parameter (or expression) name
   * @param value the size
   * @return {@code value} as an {@code int}
   */
  public static int size(String name, long value) {
    if (value < 0 || value > MAX_ARRAY_LENGTH) {
      throw fail(name, value, "a size in [0, " + MAX_ARRAY_LENGTH + "] (what an array can hold)");
    }
    return (int) value;
  }

  /**
   * Checks that {@code 0 <= index < size}.
   *
   * @param name the parameter name (for example {@code "indices[3]"})
   * @param index the index
   * @param size the exclusive upper bound
   * @return {@code index}
   */
  public static int index(String name, int index, int size) {
    if (index < 0 || index >= size) {
      throw fail(name, index, "an index in [0, " + size + ")");
    }
    return index;
  }

  /**
   * Checks that every entry of {@code array} is finite.
   *
   * @param name the parameter name
   * @param array the array
   * @return {@code array}
   */
  public static double[] finite(String name, double[] array) {
    notNull(name, array);
    for (int i = 0; i < array.length; i++) {
      if (!Double.isFinite(array[i])) {
        throw fail(name + "[" + i + "]", array[i], "a finite number");
      }
    }
    return array;
  }

  /**
   * Checks that every entry of {@code array} is finite and not negative.
   *
   * @param name the parameter name
   * @param array the array
   * @return {@code array}
   */
  public static double[] nonNegative(String name, double[] array) {
    notNull(name, array);
    for (int i = 0; i < array.length; i++) {
      if (!(array[i] >= 0) || array[i] == Double.POSITIVE_INFINITY) {
        throw fail(name + "[" + i + "]", array[i], "a finite non-negative number");
      }
    }
    return array;
  }

  /**
   * Checks that every row of a matrix is non-null, finite, and of the same length; returns that
   * length (the number of columns).
   *
   * @param name the parameter name
   * @param rows the rows
   * @return the common row length
   */
  public static int rectangular(String name, double[][] rows) {
    notNull(name, rows);
    if (rows.length == 0) {
      throw fail(name + ".length", 0, "at least one row");
    }
    int d = notNull(name + "[0]", rows[0]).length;
    for (int i = 0; i < rows.length; i++) {
      double[] r = rows[i];
      if (r == null) {
        // the name is built only on failure: building it per row cost more than the checks
        notNull(name + "[" + i + "]", r);
      }
      if (r.length != d) {
        throw fail(name + "[" + i + "].length", r.length, String.valueOf(d) + " like row 0");
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(r[j])) {
          throw fail(name + "[" + i + "][" + j + "]", r[j], "a finite number");
        }
      }
    }
    return d;
  }
}
