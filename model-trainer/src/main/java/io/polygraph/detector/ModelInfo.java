package io.polygraph.detector;

/**
 * Identity and decision threshold of a loaded model snapshot.
 *
 * @param name detector name, for example {@code cmad}
 * @param version snapshot version (unique per training run)
 * @param threshold epsilon: a record whose score falls below it is anomalous
 * @param featureSpecVersion version of the feature encoding the model was trained with; 0 for a
 *     detector that encodes no transaction records
 */
public record ModelInfo(String name, String version, double threshold, int featureSpecVersion) {}
