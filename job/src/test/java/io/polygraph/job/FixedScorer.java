package io.polygraph.job;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake detector scoring by a rule on the record: a transaction of at least {@link
 * #ANOMALOUS_AMOUNT} is anomalous. It names missing modalities in its reason codes like the real
 * detectors, records the batch sizes it was given and whether it was closed, and can be made slow.
 *
 * <p>Serializable so that a factory capturing one instance can be shipped; each deserialized copy
 * records its own batches.
 */
public final class FixedScorer implements BatchScorer, Serializable {
    private static final long serialVersionUID = 1L;

    public static final long ANOMALOUS_AMOUNT = 1_000_000;
    public static final ModelInfo MODEL = new ModelInfo("fixed", "v1", 0.0, 1);
    public static final double ANOMALOUS_SCORE = -0.8;
    public static final double NORMAL_SCORE = 0.6;
    public static final String PAIR = "profile~transaction";

    private final List<Integer> batchSizes = new ArrayList<>();
    private final long millisPerBatch;
    private boolean closed;

    /** A scorer that answers at once. */
    public FixedScorer() {
        this(0);
    }

    /** A scorer that takes {@code millisPerBatch} for every batch, as a slow detector would. */
    public FixedScorer(long millisPerBatch) {
        this.millisPerBatch = millisPerBatch;
    }

    @Override
    public ModelInfo modelInfo() {
        return MODEL;
    }

    @Override
    public List<RecordScore> score(List<MultimodalRecord> batch) {
        batchSizes.add(batch.size());
        pause();
        List<RecordScore> scores = new ArrayList<>();
        for (MultimodalRecord record : batch) {
            scores.add(scoreOf(record));
        }
        return scores;
    }

    private static RecordScore scoreOf(MultimodalRecord record) {
        boolean anomalous = record.transaction().getAmountMinor() >= ANOMALOUS_AMOUNT;
        double score = anomalous ? ANOMALOUS_SCORE : NORMAL_SCORE;
        List<String> reasons = new ArrayList<>();
        if (anomalous) {
            reasons.add(ReasonCodes.BEHAVIOUR_INCONSISTENT_WITH_PROFILE);
        }
        if (record.profile() == null) {
            reasons.add(ReasonCodes.PROFILE_MISSING);
        }
        if (record.transaction().getSignatureCaptured() && record.presentedSignature() == null) {
            reasons.add(ReasonCodes.PRESENTED_SIGNATURE_MISSING);
        }
        return new RecordScore(
                score, anomalous, List.of(new RecordScore.Contribution(PAIR, score)), reasons);
    }

    private void pause() {
        if (millisPerBatch > 0) {
            try {
                Thread.sleep(millisPerBatch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The sizes of the batches scored so far, in order. */
    public List<Integer> batchSizes() {
        return batchSizes;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
