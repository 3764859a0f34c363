package io.polygraph.train;

import io.polygraph.detector.FeatureArrays;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.SignatureBytes;
import io.polygraph.features.InvalidSignatureImageException;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.features.SignatureInk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Training batches of the (enrolment signature, presented signature) pair.
 *
 * <p>Consistent pairs: an entity's enrolment signature with a signature presented with one of its
 * transactions. Inconsistent pairs: every other writer's presented signature in the batch (the
 * in-batch mask), and one synthetic skilled forgery of the presented signature per pair ({@link
 * SyntheticForgery}). Half the consistent presented signatures are also resampled with
 * within-writer strength ({@link SyntheticForgery#vary}) so that resampling is no tell. An epoch
 * takes at most {@code pairsPerWriter} pairs per writer, which bounds its cost and keeps frequent
 * signers from dominating. Images that cannot be decoded are skipped (and counted).
 */
final class SignatureBatches {

    private final List<float[]> enrolmentCanvases = new ArrayList<>();
    private final List<Integer> writerOfPair = new ArrayList<>();
    private final List<byte[]> presentedBytes = new ArrayList<>();
    private final List<float[]> presentedCanvases = new ArrayList<>();
    private final Map<Integer, List<Integer>> pairsOfWriter = new HashMap<>();
    private int skipped;

    SignatureBatches(List<MultimodalRecord> training) {
        Map<String, Integer> writers = new HashMap<>();
        for (MultimodalRecord record : training) {
            if (record.enrolmentSignature() == null || record.presentedSignature() == null) {
                continue;
            }
            try {
                byte[] presented = SignatureBytes.of(record.presentedSignature());
                float[] presentedCanvas = SignatureFeatures.encode(presented);
                String entity = record.transaction().getEntityId();
                Integer writer = writers.get(entity);
                if (writer == null) {
                    writer = writers.size();
                    enrolmentCanvases.add(
                            SignatureFeatures.encode(
                                    SignatureBytes.of(record.enrolmentSignature())));
                    writers.put(entity, writer);
                }
                pairsOfWriter
                        .computeIfAbsent(writer, w -> new ArrayList<>())
                        .add(presentedBytes.size());
                writerOfPair.add(writer);
                presentedBytes.add(presented);
                presentedCanvases.add(presentedCanvas);
            } catch (InvalidSignatureImageException e) {
                skipped++;
            }
        }
    }

    /** Number of consistent pairs available. */
    int size() {
        return presentedBytes.size();
    }

    /** Number of distinct writers. */
    int writers() {
        return enrolmentCanvases.size();
    }

    /** Pairs skipped because an image could not be decoded. */
    int skipped() {
        return skipped;
    }

    /** The batches of one epoch: at most {@code pairsPerWriter} pairs per writer, shuffled. */
    List<int[]> epoch(int batchSize, int pairsPerWriter, SplittableRandom random) {
        List<Integer> chosen = new ArrayList<>();
        for (int writer = 0; writer < enrolmentCanvases.size(); writer++) {
            List<Integer> pairs = new ArrayList<>(pairsOfWriter.get(writer));
            java.util.Collections.shuffle(pairs, new java.util.Random(random.nextLong()));
            chosen.addAll(pairs.subList(0, Math.min(pairsPerWriter, pairs.size())));
        }
        int[] rows = chosen.stream().mapToInt(Integer::intValue).toArray();
        return BatchArrays.shuffledBatches(rows, batchSize, random);
    }

    /** Number of batches an epoch will have. */
    int batchesPerEpoch(int batchSize, int pairsPerWriter) {
        int pairs = 0;
        for (List<Integer> list : pairsOfWriter.values()) {
            pairs += Math.min(pairsPerWriter, list.size());
        }
        int full = pairs / batchSize;
        return full + (pairs % batchSize >= 2 ? 1 : 0);
    }

    /** The training inputs of the given pairs. */
    MultiDataSet batch(
            int[] rows, PairArchitecture architecture, double dropout, SplittableRandom random) {
        List<float[]> references = new ArrayList<>(rows.length);
        List<float[]> presented = new ArrayList<>(rows.length);
        List<float[]> forged = new ArrayList<>(rows.length);
        int[] batchWriters = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int row = rows[k];
            int writer = writerOfPair.get(row);
            SignatureInk ink = SignatureFeatures.decodeInk(presentedBytes.get(row));
            references.add(enrolmentCanvases.get(writer));
            presented.add(
                    random.nextBoolean()
                            ? presentedCanvases.get(row)
                            : SignatureFeatures.canvas(SyntheticForgery.vary(ink, random)));
            forged.add(SignatureFeatures.canvas(SyntheticForgery.forge(ink, random)));
            batchWriters[k] = writer;
        }
        return BatchArrays.pack(
                FeatureArrays.rows(references, architecture.shapeA()),
                FeatureArrays.rows(presented, architecture.shapeB()),
                FeatureArrays.rows(forged, architecture.shapeB()),
                batchWriters,
                architecture,
                dropout,
                random);
    }
}
