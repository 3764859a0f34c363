package io.polygraph.fusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.features.SignatureFeatures;
import java.util.List;
import java.util.Objects;

/**
 * Everything DMAFN needs to turn a record into network inputs: the shared tabular feature encoding
 * (profile and transaction columns) and the history sequence encoding. Fitted on training records
 * only, stored in the snapshot, immutable.
 *
 * @param features vocabularies and standardisation of the profile and transaction columns
 * @param history scaling and length of the recent-transaction sequence
 */
public record FusionEncoding(FeatureEncoding features, HistoryEncoding history) {

    /** Side of the average pooling that turns a signature canvas into its reconstruction target. */
    public static final int SIGNATURE_POOL = 4;

    /** Pixels of a pooled signature canvas. */
    public static final int SMALL_SIGNATURE =
            (SignatureFeatures.HEIGHT / SIGNATURE_POOL)
                    * (SignatureFeatures.WIDTH / SIGNATURE_POOL);

    @JsonCreator
    public FusionEncoding(
            @JsonProperty("features") FeatureEncoding features,
            @JsonProperty("history") HistoryEncoding history) {
        this.features = Objects.requireNonNull(features, "features");
        this.history = Objects.requireNonNull(history, "history");
    }

    /** Fits both encodings on {@code training}. */
    public static FusionEncoding fit(
            List<MultimodalRecord> training, int recentLimit, int historySteps) {
        return new FusionEncoding(
                FeatureEncoding.fit(training, recentLimit),
                HistoryEncoding.fit(training, historySteps));
    }

    /** The input widths these encodings produce. */
    public FusionShape shape() {
        return new FusionShape(
                features.profileWidth(),
                features.transactionWidth(),
                history.steps(),
                history.stepWidth(features.vocabularies()));
    }
}
