package dev.fathom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;

class SimdKernelsTest {
  @Test
  void enabledIsTheModuleAndTheProperty() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    boolean allowed = !"false".equalsIgnoreCase(System.getProperty("fathom.simd"));
    assertEquals(module, SimdKernels.modulePresent());
    assertEquals(allowed, SimdKernels.allowed());
    assertEquals(module && allowed, SimdKernels.enabled());
  }

  @Test
  void loadGivesAnInstanceOfTheTypeOrEmpty() {
    assertInstanceOf(
        ArrayList.class,
        SimdKernels.load(MethodHandles.lookup(), "java.util.ArrayList", List.class).orElseThrow());
    assertInstanceOf(
        ArrayList.class,
        SimdKernels.load(MethodHandles.lookup(), "java.util.ArrayList", RandomAccess.class)
            .orElseThrow());
    // a class of another type, a missing class, a class without a no-argument constructor
    assertTrue(
        SimdKernels.load(MethodHandles.lookup(), "java.util.ArrayList", Runnable.class).isEmpty());
    assertTrue(
        SimdKernels.load(MethodHandles.lookup(), "dev.fathom.NoSuchKernel", List.class).isEmpty());
    assertTrue(
        SimdKernels.load(MethodHandles.lookup(), "java.lang.Integer", Object.class).isEmpty());
    // a constructor that throws
    assertTrue(
        SimdKernels.load(MethodHandles.lookup(), Refusing.class.getName(), Object.class).isEmpty());
  }

  @Test
  void aPackagePrivateKernelLoadsThroughItsPackagesLookup() {
    assertInstanceOf(
        Hidden.class,
        SimdKernels.load(MethodHandles.lookup(), Hidden.class.getName(), Object.class)
            .orElseThrow());
  }

  @Test
  void badInput() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> SimdKernels.load(MethodHandles.lookup(), null, List.class));
    assertTrue(e.getMessage().contains("className"), e.getMessage());
    e =
        assertThrows(
            NullPointerException.class,
            () -> SimdKernels.load(MethodHandles.lookup(), "java.util.ArrayList", null));
    assertTrue(e.getMessage().contains("type"), e.getMessage());
    e =
        assertThrows(
            NullPointerException.class,
            () -> SimdKernels.load(null, "java.util.ArrayList", List.class));
    assertTrue(e.getMessage().contains("lookup"), e.getMessage());
  }

  /** A package-private kernel with a package-private constructor. */
  static final class Hidden {
    Hidden() {}
  }

  /** A kernel that refuses the machine in its constructor. */
  public static final class Refusing {
    public Refusing() {
      throw new UnsupportedOperationException("vectors too narrow");
    }
  }
}
