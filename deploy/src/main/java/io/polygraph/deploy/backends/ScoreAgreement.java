package io.polygraph.deploy.backends;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.graph.GraphBackend;
import java.util.List;

/**
 * How far a backend's scores are from another's on the same snapshot and records: the median, 99th
 * percentile and largest absolute difference of a record's score, how many records differ by more
 * than 1e-4, and how many verdicts differ.
 *
 * <p>Why the distribution and not only the maximum: both backends compute in float32, and a
 * detector's calibration can be steep where normal records crowd (CMAD's z-score knots sit 1e-5
 * apart in cosine near 1), so a few records' scores move by far more than their networks' outputs
 * do.
 */
record ScoreAgreement(
        String backend,
        String reference,
        int records,
        double medianDifference,
        double p99Difference,
        double maxDifference,
        int above1e4,
        int verdictsDiffer) {

    /** Scores {@code records} on both backends, in batches of {@code batchSize}. */
    static ScoreAgreement of(
            DetectorSnapshot snapshot,
            GraphBackend reference,
            GraphBackend backend,
            List<MultimodalRecord> records,
            int batchSize) {
        List<RecordScore> expected =
                scores(snapshot.withGraphBackend(reference), records, batchSize);
        List<RecordScore> actual = scores(snapshot.withGraphBackend(backend), records, batchSize);
        double[] differences = new double[expected.size()];
        int above = 0;
        int differ = 0;
        for (int i = 0; i < expected.size(); i++) {
            double difference = Math.abs(expected.get(i).score() - actual.get(i).score());
            differences[i] = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference;
            if (differences[i] > 1e-4) {
                above++;
            }
            if (expected.get(i).anomalous() != actual.get(i).anomalous()) {
                differ++;
            }
        }
        java.util.Arrays.sort(differences);
        int n = differences.length;
        return new ScoreAgreement(
                backend.name(),
                reference.name(),
                n,
                differences[n / 2],
                differences[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)],
                differences[n - 1],
                above,
                differ);
    }

    private static List<RecordScore> scores(
            DetectorSnapshot snapshot, List<MultimodalRecord> records, int batchSize) {
        List<RecordScore> scores = new java.util.ArrayList<>(records.size());
        try (BatchScorer scorer = snapshot.newScorer()) {
            for (int start = 0; start < records.size(); start += batchSize) {
                scores.addAll(
                        scorer.score(
                                records.subList(
                                        start, Math.min(records.size(), start + batchSize))));
            }
        }
        return scores;
    }
}
