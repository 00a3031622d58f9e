package dev.fathom.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * The switch and the loader of Fathom's optional SIMD kernels. Those kernels are compiled against
 * the incubating {@code jdk.incubator.vector} module (source root {@code src/main/vector}) and
 * loaded reflectively, so that the library runs on a plain JVM: they are used when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} and the system property {@code
 * fathom.simd} is not {@code false} ({@link #enabled()}); each kernel family then checks what it
 * needs (widths, a bitwise self-check against its scalar loops) and otherwise keeps the scalar
 * code. Results never depend on the choice unless a kernel's documentation says so.
 *
 * @since 1.0
 */
public final class SimdKernels {
  /** The module the SIMD kernels need. */
  public static final String VECTOR_MODULE = "jdk.incubator.vector";

  /** The system property that turns the SIMD kernels off when {@code false}. */
  public static final String PROPERTY = "fathom.simd";

  private SimdKernels() {}

  /**
   * Whether the vector module is in the boot layer.
   *
   * @return true if the JVM runs with {@code --add-modules jdk.incubator.vector}
   */
  public static boolean modulePresent() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /**
   * Whether the system property {@value #PROPERTY} allows the SIMD kernels (anything but {@code
   * false}, case-insensitive, or unset).
   *
   * @return true unless switched off
   */
  public static boolean allowed() {
    return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
  }

  /**
   * Whether SIMD kernels may be used: {@link #modulePresent()} and {@link #allowed()}.
   *
   * @return true if both hold
   */
  public static boolean enabled() {
    return modulePresent() && allowed();
  }

  /**
   * A new instance of {@code className} (no-argument constructor) as a {@code type}, or empty if
   * the class is missing, cannot be linked or initialized (e.g. without the vector module), has no
   * such constructor, its constructor throws (a kernel that refuses the machine), or it is not a
   * {@code type}. The class and its constructor are looked up with the caller's {@code lookup}
   * ({@code MethodHandles.lookup()}), so kernels may be package-private.
   *
   * @param lookup the caller's lookup
   * @param className the binary name of the class
   * @param type the interface it must implement
   * @param <T> that type
   * @return the instance, or empty
   */
  public static <T> Optional<T> load(MethodHandles.Lookup lookup, String className, Class<T> type) {
    Args.notNull("lookup", lookup);
    Args.notNull("className", className);
    Args.notNull("type", type);
    try {
      Class<?> c = lookup.findClass(className);
      Object k = lookup.findConstructor(c, MethodType.methodType(void.class)).invoke();
      return type.isInstance(k) ? Optional.of(type.cast(k)) : Optional.empty();
    } catch (Throwable e) { // NOPMD: any linkage, access or constructor failure means "no SIMD"
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
      return Optional.empty();
    }
  }
}
