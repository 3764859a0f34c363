package io.polygraph.train;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.util.List;
import java.util.function.Function;

/**
 * How trainers run a detector over all held-out records: in chunks of {@value #CHUNK}, so that a
 * large split never becomes one huge batch of network inputs.
 */
final class HeldOutScoring {

    static final int CHUNK = 512;

    private HeldOutScoring() {}

    /** The NORMAL records among {@code records}, in order. */
    static List<MultimodalRecord> normal(List<LabelledRecord> records) {
        return records.stream()
                .filter(r -> r.label().getType() == AnomalyType.NORMAL)
                .map(LabelledRecord::record)
                .toList();
    }

    /** The scores of {@code records}, in order. */
    static double[] scores(BatchScorer scorer, List<MultimodalRecord> records) {
        return values(
                records,
                chunk -> scorer.score(chunk).stream().mapToDouble(RecordScore::score).toArray());
    }

    /**
     * One value per record of {@code records}, in order, computed chunk by chunk by {@code values}.
     */
    static double[] values(
            List<MultimodalRecord> records, Function<List<MultimodalRecord>, double[]> values) {
        double[] all = new double[records.size()];
        for (int start = 0; start < records.size(); start += CHUNK) {
            int end = Math.min(records.size(), start + CHUNK);
            double[] part = values.apply(records.subList(start, end));
            System.arraycopy(part, 0, all, start, part.length);
        }
        return all;
    }

    /** One row per record of {@code records}, in order, computed chunk by chunk by {@code rows}. */
    static double[][] rows(
            List<MultimodalRecord> records, Function<List<MultimodalRecord>, double[][]> rows) {
        double[][] all = new double[records.size()][];
        for (int start = 0; start < records.size(); start += CHUNK) {
            int end = Math.min(records.size(), start + CHUNK);
            double[][] part = rows.apply(records.subList(start, end));
            System.arraycopy(part, 0, all, start, part.length);
        }
        return all;
    }

    /** The evaluation of {@code scorer} on labelled records at its own threshold. */
    static EvaluationReport evaluate(
            BatchScorer scorer, List<MultimodalRecord> records, List<AnomalyType> types) {
        return EvaluationReport.of(
                scores(scorer, records),
                types,
                scorer.modelInfo().threshold(),
                EvaluationReport.CROSS_MODAL);
    }
}
