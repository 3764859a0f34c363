package io.polygraph.train;

import io.polygraph.data.SignatureImage;
import io.polygraph.data.SignatureWriter;
import io.polygraph.detector.FeatureArrays;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.features.SignatureInk;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Training batches of the siamese signature pair from real writers, each with several genuine
 * signatures and possibly skilled forgeries of them.
 *
 * <p>Consistent pairs: two different genuine signatures of one writer, the first as side a (an
 * enrolled specimen), the second as side b (a presented signature); half the side-b signatures are
 * resampled with within-writer strength ({@link SyntheticForgery#vary}) so that resampling is no
 * tell of a synthetic forgery. Inconsistent pairs, as in {@link SignatureBatches}: every other
 * writer's side b in the batch (the in-batch mask), and one hard negative per pair. The hard
 * negative is, with probability {@code realForgeryShare}, one of the writer's real skilled
 * forgeries, else a synthetic forgery ({@link SyntheticForgery#forge}) of the pair's side b: the
 * real ones show how forgers actually fail, the synthetic ones are unlimited and keep the network
 * from memorising the few hundred real forgeries. An epoch draws {@code pairsPerWriter} pairs per
 * writer, so that writers with 24 signatures do not outweigh those with 12.
 */
final class WriterPairBatches implements SinglePairLoop.BatchSource<List<WriterPairBatches.Pair>> {

    /** One consistent pair: indices of two genuine signatures of one writer. */
    record Pair(int writer, int anchor, int presented) {}

    private final List<SignatureWriter> writers;
    private final SignaturePairConfig config;
    private final PairArchitecture architecture;

    /**
     * @throws IllegalArgumentException when fewer than two writers are given (no in-batch
     *     negatives)
     */
    WriterPairBatches(
            List<SignatureWriter> writers,
            SignaturePairConfig config,
            PairArchitecture architecture) {
        if (writers.size() < 2) {
            throw new IllegalArgumentException(
                    "training needs at least 2 writers, got " + writers.size());
        }
        this.writers = List.copyOf(writers);
        this.config = config;
        this.architecture = architecture;
    }

    @Override
    public List<List<Pair>> epoch(SplittableRandom random) {
        List<Pair> pairs = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            int genuine = writers.get(w).genuine().size();
            for (int k = 0; k < config.pairsPerWriter(); k++) {
                int anchor = random.nextInt(genuine);
                int other = random.nextInt(genuine - 1);
                pairs.add(new Pair(w, anchor, other >= anchor ? other + 1 : other));
            }
        }
        int[] rows = new int[pairs.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        List<List<Pair>> batches = new ArrayList<>();
        for (int[] batch : BatchArrays.shuffledBatches(rows, config.batchSize(), random)) {
            List<Pair> members = new ArrayList<>(batch.length);
            for (int row : batch) {
                members.add(pairs.get(row));
            }
            batches.add(members);
        }
        return batches;
    }

    @Override
    public MultiDataSet arrays(List<Pair> batch, SplittableRandom random) {
        List<float[]> anchors = new ArrayList<>(batch.size());
        List<float[]> presented = new ArrayList<>(batch.size());
        List<float[]> hard = new ArrayList<>(batch.size());
        int[] batchWriters = new int[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
            Pair pair = batch.get(k);
            SignatureWriter writer = writers.get(pair.writer());
            SignatureImage genuine = writer.genuine().get(pair.presented());
            boolean vary = random.nextBoolean();
            boolean realForgery =
                    !writer.forged().isEmpty() && random.nextDouble() < config.realForgeryShare();
            // Decoding the full-resolution ink is the costly part; only resampling needs it.
            SignatureInk ink =
                    vary || !realForgery ? SignatureFeatures.decodeInk(genuine.png()) : null;
            anchors.add(writer.genuine().get(pair.anchor()).canvas());
            presented.add(
                    vary
                            ? SignatureFeatures.canvas(SyntheticForgery.vary(ink, random))
                            : genuine.canvas());
            hard.add(
                    realForgery
                            ? writer.forged().get(random.nextInt(writer.forged().size())).canvas()
                            : SignatureFeatures.canvas(SyntheticForgery.forge(ink, random)));
            batchWriters[k] = pair.writer();
        }
        return BatchArrays.pack(
                FeatureArrays.rows(anchors, architecture.shapeA()),
                FeatureArrays.rows(presented, architecture.shapeB()),
                FeatureArrays.rows(hard, architecture.shapeB()),
                batchWriters,
                architecture,
                config.dropout(),
                random);
    }
}
