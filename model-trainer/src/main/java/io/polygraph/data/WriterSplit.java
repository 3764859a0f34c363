package io.polygraph.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writers split in two disjoint groups: every signature of a writer, genuine or forged of them,
 * falls on the writer's side.
 *
 * <p>By writer, not by image, because a verifier meets people it has never seen: with an image
 * split a network could learn each writer's hand from their other signatures, and the test would
 * promise more than a new customer gets.
 *
 * @param training the writers to learn from
 * @param test the writers held out (test writers, or calibration writers within training)
 */
public record WriterSplit(List<SignatureWriter> training, List<SignatureWriter> test) {

    public WriterSplit {
        training = List.copyOf(training);
        test = List.copyOf(test);
    }

    /**
     * Holds out {@code round(share * n)} writers, at least {@code minimum} and leaving at least
     * {@code minimum} on the training side; which ones follows {@code seed} ({@link Random}, whose
     * algorithm the JDK specifies). Both sides keep the writers' order.
     *
     * @throws IllegalArgumentException when there are fewer than {@code 2 * minimum} writers
     */
    public static WriterSplit of(
            List<SignatureWriter> writers, double share, int minimum, long seed) {
        if (writers.size() < 2 * minimum) {
            throw new IllegalArgumentException(
                    writers.size()
                            + " writers cannot be split into two groups of at least "
                            + minimum);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int heldOut = (int) Math.round(share * writers.size());
        heldOut = Math.max(minimum, Math.min(heldOut, writers.size() - minimum));
        boolean[] isHeldOut = new boolean[writers.size()];
        order.subList(0, heldOut).forEach(i -> isHeldOut[i] = true);
        List<SignatureWriter> kept = new ArrayList<>();
        List<SignatureWriter> held = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            (isHeldOut[i] ? held : kept).add(writers.get(i));
        }
        return new WriterSplit(kept, held);
    }
}
