/**
 * Submodular information measures for targeted and privacy-preserving selection (submodlib's
 * families; Iyer, Khargonkar, Bilmes, Asnani, "Generalized submodular information measures", ALT
 * 2021; Kothawade et al., "PRISM: a rich class of parameterized submodular information measures for
 * guided data subset selection", AAAI 2022). For a submodular f on a ground set V extended by a
 * query set Q and a private set P:
 *
 * <ul>
 *   <li>mutual information {@code I_f(A; Q) = f(A) + f(Q) - f(A u Q)}: select A relevant to Q;
 *   <li>conditional gain {@code f(A | P) = f(A u P) - f(P)}: select A unlike P;
 *   <li>conditional mutual information {@code I_f(A; Q | P) = f(A u P) + f(Q u P) - f(A u Q u P) -
 *       f(P)}: both.
 * </ul>
 *
 * Every measure is a {@link dev.fathom.submodular.SetFunction} over V alone (A ranges over subsets
 * of V), with incremental gain state, so every maximizer applies. Q and P are given through their
 * similarities to V and to each other, held by {@link
 * dev.fathom.submodular.information.InformationKernels}; eta scales the similarities to Q (query
 * relevance against query coverage) and nu those to P (privacy hardness). The classes: {@link
 * dev.fathom.submodular.information.FacilityLocationInformation} (FLMI, FLCG, FLCMI), {@link
 * dev.fathom.submodular.information.FacilityLocationQueryInformation} (FLQMI), {@link
 * dev.fathom.submodular.information.GraphCutInformation} (GCMI, GCCG), {@link
 * dev.fathom.submodular.information.LogDetInformation} (LogDetMI, LogDetCG, LogDetCMI), {@link
 * dev.fathom.submodular.information.ConcaveOverModularInformation} (COM) and {@link
 * dev.fathom.submodular.information.SetCoverInformation} (SCMI, SCCG, SCCMI, PSCMI, PSCCG, PSCCMI,
 * over the concepts of a {@link dev.fathom.submodular.information.ConceptCoverage} instead of
 * similarity kernels).
 */
package dev.fathom.submodular.information;
