package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The named input records report the shapes they were built with, also in their descriptions. */
class ScanInputsDescriptionTest {
  @Test
  void ssdInputsReportTheirShapes() {
    // batch 2, L 3, H 4, G 2, P 1 (x is batch H P L), N 5 (b is batch G N L)
    StateSpaceDuality.SsdInputs in =
        StateSpaceDuality.inputs()
            .batch(2)
            .length(3)
            .heads(4)
            .groups(2)
            .x(new double[2 * 4 * 3])
            .a(new double[2 * 4 * 3])
            .b(new double[2 * 2 * 5 * 3])
            .c(new double[2 * 2 * 5 * 3])
            .d(new double[4])
            .build();
    assertEquals(2, in.batch());
    assertEquals(3, in.length());
    assertEquals(4, in.heads());
    assertEquals(2, in.groups());
    assertEquals(1, in.headDim());
    assertEquals(5, in.stateDim());
    assertEquals(
        "SsdInputs[batch=2, L=3, H=4, P=1, G=2, N=5, d=true, z=false, initialState=false]",
        in.toString());
  }

  @Test
  void scanOptionsAndParametersDescribeThemselves() {
    SelectiveScan.Options o =
        SelectiveScan.Options.NONE.withD(new double[] {1}).withSequenceStarts(new int[] {2});
    assertEquals(
        "Options[d=true, z=false, deltaBias=false, deltaSoftplus=false, sequenceStarts=[2]]",
        o.toString());
    assertEquals(
        "Options[d=false, z=true, deltaBias=true, deltaSoftplus=true, sequenceStarts=null]",
        SelectiveScan.Options.NONE
            .withZ(new double[] {1})
            .withDeltaBias(new double[] {0})
            .withDeltaSoftplus(true)
            .toString());
    assertEquals("Param[fixed, length=2]", SelectiveScan.Param.fixed(new double[2]).toString());
    assertEquals("Param[varying, length=3]", SelectiveScan.Param.varying(new double[3]).toString());
    SelectiveScan.ScanInputs in =
        SelectiveScan.inputs()
            .length(3)
            .u(new double[3])
            .delta(new double[3])
            .a(new double[1])
            .b(SelectiveScan.Param.varying(new double[3]))
            .c(SelectiveScan.Param.fixed(new double[1]))
            .build();
    assertEquals(
        "ScanInputs[batch=1, length=3, u.length=3, b=Param[varying, length=3],"
            + " c=Param[fixed, length=1], "
            + SelectiveScan.Options.NONE
            + "]",
        in.toString());
  }
}
