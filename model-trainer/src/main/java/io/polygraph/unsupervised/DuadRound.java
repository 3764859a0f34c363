package io.polygraph.unsupervised;

/**
 * One selection of a DUAD run, for reports and loss-curve plots.
 *
 * @param round 0 for the selection on the inputs, then 1, 2, ... after each training round
 * @param epochsTrained epochs trained before this selection was made, over the whole run
 * @param selectedCount rows kept as presumed normal
 * @param changedRows rows whose membership differs from the previous selection (for round 0: from
 *     all rows, i.e. the rows dropped); 0 means the selection has converged
 * @param anomalyShare share of labelled anomalies among the kept rows, when the caller passed
 *     labels for reporting; NaN otherwise
 */
public record DuadRound(
        int round, int epochsTrained, int selectedCount, int changedRows, double anomalyShare) {}
