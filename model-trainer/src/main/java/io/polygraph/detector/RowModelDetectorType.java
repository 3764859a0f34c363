package io.polygraph.detector;

import java.util.List;
import java.util.Objects;

/**
 * A detector type whose scorer is a {@link RowModelDetector}: one network entry holding the whole
 * {@link RowAnomalyModel} stream, the tabular feature encoding in the manifest, {@link
 * RowModelParameters} as parameters.
 */
public abstract class RowModelDetectorType extends TransactionDetectorType {

    private final String id;
    private final String network;
    private final RowAnomalyModel.Reader reader;

    /**
     * @param id the manifest's {@code detectorType}
     * @param network the name of the one network entry
     * @param reader reads the model from that entry
     */
    protected RowModelDetectorType(String id, String network, RowAnomalyModel.Reader reader) {
        this.id = Objects.requireNonNull(id, "id");
        this.network = Objects.requireNonNull(network, "network");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<String> networks() {
        return List.of(network);
    }

    @Override
    public final RowModelDetector newScorer(DetectorSnapshot snapshot) {
        return RowModelDetector.fromSnapshot(snapshot, id, network, reader);
    }
}
