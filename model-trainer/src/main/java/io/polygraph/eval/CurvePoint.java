package io.polygraph.eval;

/**
 * One operating point of a threshold sweep: the pair of rates it gives and the threshold that gives
 * it.
 *
 * <p>Contract: {@code threshold} follows the report's decision rule, flag when the anomaly score is
 * strictly above it, so picking a point off a curve and using its threshold reproduces the point.
 * What {@code x} and {@code y} measure is named by the {@link Curve} that holds the point.
 *
 * @param x the horizontal rate (false positive rate on a ROC curve, recall on a PR curve)
 * @param y the vertical rate (true positive rate on a ROC curve, precision on a PR curve)
 * @param threshold the anomaly-score threshold of this point; finite when the scores are
 */
public record CurvePoint(double x, double y, double threshold) {}
