package io.polygraph.detector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model that scores rows of {@link io.polygraph.autoencoder.ConcatenatedRows} (all modalities of
 * a record in one row), higher raw scores meaning more anomalous, and serialises itself as one
 * snapshot network entry ({@link RowModelDetector}).
 */
public interface RowAnomalyModel {

    /** Number of feature columns it reads. */
    int width();

    /**
     * The raw anomaly score of each row of {@code rows}, [rows, {@link #width()}], higher more
     * anomalous.
     */
    double[] rawScores(INDArray rows);

    /** Writes the model to {@code out}; does not close it. */
    void save(OutputStream out) throws IOException;

    /** The model as {@link #save} writes it, its snapshot network entry. */
    default byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            save(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads a model written by {@link #save}. */
    @FunctionalInterface
    interface Reader {
        RowAnomalyModel read(InputStream in) throws IOException;
    }
}
