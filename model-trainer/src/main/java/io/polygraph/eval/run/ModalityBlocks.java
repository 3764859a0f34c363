package io.polygraph.eval.run;

import io.polygraph.autoencoder.RecordBlocks;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.util.List;

/**
 * The per-modality feature rows of labelled world records ({@link RecordBlocks}, full presented
 * canvases kept) with their labels: what the baseline detectors of {@link WorldBaselineExperiment}
 * are fitted on and score.
 *
 * <p>Contract: as {@link RecordBlocks}; an image that does not decode is a missing modality (CMAD's
 * trainer skips such images too). The presented signature is there at full resolution for the
 * signature autoencoder, and downsampled for everything else.
 *
 * @param blocks the records' feature rows
 * @param labels each record's anomaly type name ({@code label().getType().name()})
 */
record ModalityBlocks(RecordBlocks blocks, List<String> labels) {

    ModalityBlocks {
        labels = List.copyOf(labels);
        if (labels.size() != blocks.size()) {
            throw new IllegalArgumentException("one label per record is needed");
        }
    }

    /** Encodes every record of {@code records} with {@code encoding}. */
    static ModalityBlocks of(List<LabelledRecord> records, FeatureEncoding encoding) {
        return new ModalityBlocks(
                RecordBlocks.of(
                        records.stream().map(LabelledRecord::record).toList(), encoding, true),
                records.stream().map(r -> r.label().getType().name()).toList());
    }

    /** Number of records. */
    int size() {
        return labels.size();
    }

    double[][] profile() {
        return blocks.profile();
    }

    double[][] transaction() {
        return blocks.transaction();
    }

    double[][] presented() {
        return blocks.presented();
    }

    double[][] presentedSmall() {
        return blocks.presentedSmall();
    }
}
