package io.polygraph.fusion;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.SignatureCanvases;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes records into {@link FusionRow}s.
 *
 * <p>Each distinct image is decoded once per call (an enrolment signature shared by an entity's
 * records is keyed by its bytes). An image that cannot be decoded leaves the signature modality out
 * of its record and is flagged, never thrown: one bad image must not fail the batch.
 */
public final class FusionRows {

    private FusionRows() {}

    /** One row per record, in order. */
    public static List<FusionRow> encode(List<MultimodalRecord> records, FusionEncoding encoding) {
        return encode(records, encoding, new SignatureCanvases());
    }

    /** One row per record, in order, the images taken from {@code decoded}. */
    public static List<FusionRow> encode(
            List<MultimodalRecord> records, FusionEncoding encoding, SignatureCanvases decoded) {
        FusionShape shape = encoding.shape();
        List<FusionRow> rows = new ArrayList<>(records.size());
        for (MultimodalRecord record : records) {
            float[] history = new float[shape.history()];
            float[] mask = new float[shape.historySteps()];
            encoding.history()
                    .encode(record, encoding.features().vocabularies(), history, 0, mask, 0);
            boolean unreadable = false;
            float[] enrolment = null;
            float[] presented = null;
            if (record.enrolmentSignature() != null) {
                enrolment = decoded.ofEnrolment(record.enrolmentSignature());
                unreadable = enrolment == null;
            }
            if (record.presentedSignature() != null) {
                presented = decoded.of(record.presentedSignature());
                unreadable |= presented == null;
            }
            rows.add(
                    new FusionRow(
                            encoding.features().profileFeatures(record),
                            encoding.features().transactionFeatures(record),
                            history,
                            mask,
                            enrolment,
                            presented,
                            unreadable));
        }
        return rows;
    }
}
