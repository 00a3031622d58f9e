package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Non-finite inputs and oversized state are refused by name, not turned into NaN (issue 15). */
class NonFiniteInputsTest {
  private static void refused(String prefix, Executable call) {
    String m = assertThrows(IllegalArgumentException.class, call).getMessage();
    assertTrue(m.startsWith(prefix), m);
  }

  @Test
  void transferFunctionsRefuseNonFiniteArguments() {
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-1, 0}, {0, -2}});
    double[] b = {1, 1};
    double[] c = {1, 0.5};
    refused("b[1] = NaN", () -> DenseSsm.transfer(a, new double[] {1, Double.NaN}, c, 0, 1));
    refused("c[0] = Infinity", () -> DenseSsm.transfer(a, b, new double[] {1.0 / 0, 1}, 0, 1));
    refused("sRe = NaN", () -> DenseSsm.transfer(a, b, c, Double.NaN, 1));
    refused("sIm = Infinity", () -> DenseSsm.transfer(a, b, c, 0, Double.POSITIVE_INFINITY));
    DiagonalSsm sys =
        DiagonalSsm.shared(
            S4dInit.lin(4), S4dInit.gaussianC(1, 2, true, 3), new double[] {0.1}, new double[] {0});
    refused("sRe = NaN", () -> sys.transfer(0, Double.NaN, 1));
    refused("sIm = -Infinity", () -> sys.transfer(0, 0, Double.NEGATIVE_INFINITY));
  }

  @Test
  void convolutionRefusesANonFiniteFeedThrough() {
    double[] k = {1, 0.5};
    double[] u = {1, 2, 3};
    refused("d = NaN", () -> SsmConvolution.direct(k, u, Double.NaN));
    refused("d = Infinity", () -> SsmConvolution.causal(k, u, Double.POSITIVE_INFINITY));
  }

  @Test
  void recurrenceStepsRefuseANonFiniteState() {
    DiagonalSsm sys =
        DiagonalSsm.shared(
            S4dInit.lin(4), S4dInit.gaussianC(1, 2, true, 3), new double[] {0.1}, new double[] {0});
    DiscreteSsm d = sys.discretize(Discretization.ZOH);
    double[] state = new double[2 * d.channels() * d.modes()];
    state[1] = Double.NaN;
    refused("state[1] = NaN", () -> Recurrence.step(d, state, new double[] {1}, new double[1]));
  }

  @Test
  void sizesBeyondAnArrayAreRefusedBeforeAllocating() {
    refused("2 * channels * modes = ", () -> S4dInit.gaussianC(Integer.MAX_VALUE, 2, true, 1));
    refused("2 * n = ", () -> S4dInit.real(Integer.MAX_VALUE));
    refused("n * n = ", () -> Hippo.input(Hippo.Measure.LEGS, Integer.MAX_VALUE));
    refused("n * n = ", () -> Hippo.lowRank(Hippo.Measure.LEGS, Integer.MAX_VALUE));
    refused("threads = ", () -> new ParallelScan(Integer.MAX_VALUE));
  }
}
