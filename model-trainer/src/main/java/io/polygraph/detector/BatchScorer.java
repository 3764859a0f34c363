package io.polygraph.detector;

import java.util.List;
import java.util.Optional;

/**
 * Scores batches of {@link MultimodalRecord}s with one loaded model snapshot.
 *
 * <p>The contract every detector and every caller (trainer, Flink job, benchmarks, tests) share:
 * records in, one {@link RecordScore} per record out, in the same order. Implementations hold
 * native resources and are not thread-safe: create one per thread (per Flink subtask) and close it.
 */
public interface BatchScorer extends AutoCloseable {

    /** Name, version and threshold of the loaded model. */
    ModelInfo modelInfo();

    /**
     * Scores a batch.
     *
     * @param batch records to score; may be empty
     * @return one score per record, in the order of {@code batch}
     */
    List<RecordScore> score(List<MultimodalRecord> batch);

    /**
     * Scores a batch, taking its signature images from {@code canvases}, which decodes each image
     * once however many detectors ask for it: a combination of detectors passes one instance per
     * batch to all its members. Detectors that read no images, or decode them their own way, just
     * score.
     */
    default List<RecordScore> score(List<MultimodalRecord> batch, SignatureCanvases canvases) {
        return score(batch);
    }

    /**
     * The enrolment signature canvases this scorer keeps from batch to batch, for reporting how
     * often they are read again; empty for scorers that decode no signatures or keep none.
     */
    default Optional<EnrolmentCanvases> enrolmentCanvases() {
        return Optional.empty();
    }

    @Override
    void close();
}
