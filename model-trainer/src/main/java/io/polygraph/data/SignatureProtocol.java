package io.polygraph.data;

import io.polygraph.data.PresentedSignature.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The real-signature verification protocol: an entity enrols with a few genuine signatures, and a
 * presented signature is compared with them; test writers are never seen in training.
 *
 * <p>{@link #split}: writers, not images, are split by seed; {@code testShare} of them (a third by
 * default, 14 of the 43 at hand) are test writers, at least two (random forgeries need another test
 * writer) and leaving at least two for training (in-batch negatives need two writers).
 *
 * <p>{@link #enrol}: per writer, a seeded shuffle of its genuine signatures; the first {@code
 * enrolment} (3 by default) are enrolled, as a bank or a notary asks for a few specimens, and these
 * are presented:
 *
 * <ul>
 *   <li>the writer's remaining genuine signatures ({@link Kind#GENUINE}, the normal records);
 *   <li>all of the writer's skilled forgeries ({@link Kind#SKILLED_FORGERY});
 *   <li>as many other writers' genuine signatures as the writer has skilled forgeries, drawn
 *       without replacement from the other writers given ({@link Kind#RANDOM_FORGERY}): the
 *       careless impostor who signs in their own hand. Matching the skilled count keeps the two
 *       anomaly types equally weighted in the headline metrics; a writer without skilled forgeries
 *       gets no random ones either.
 * </ul>
 *
 * <p>Random forgeries come only from the writers passed to {@link #enrol}: pass the test writers,
 * and no impostor was seen in training either. Every choice follows the seed and the writer's id
 * through {@link Random}, whose algorithm the JDK specifies, so a seed gives the same trials on
 * every JVM and a writer's trials do not change when another writer is added. Immutable.
 */
public final class SignatureProtocol {

    /** Share of writers held out as test writers by default. */
    public static final double DEFAULT_TEST_SHARE = 1.0 / 3;

    /** Genuine signatures enrolled per writer by default. */
    public static final int DEFAULT_ENROLMENT = 3;

    private static final int MINIMUM_WRITERS_PER_SIDE = 2;

    private final double testShare;
    private final int enrolment;

    /**
     * @param testShare share of writers held out for testing, in (0, 1)
     * @param enrolment genuine signatures enrolled per writer, at least 1
     */
    public SignatureProtocol(double testShare, int enrolment) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1), was " + testShare);
        }
        if (enrolment < 1) {
            throw new IllegalArgumentException("enrolment must be at least 1, was " + enrolment);
        }
        this.testShare = testShare;
        this.enrolment = enrolment;
    }

    /** A third of the writers for testing, three enrolled signatures. */
    public static SignatureProtocol defaults() {
        return new SignatureProtocol(DEFAULT_TEST_SHARE, DEFAULT_ENROLMENT);
    }

    /** This protocol with another number of enrolled signatures. */
    public SignatureProtocol withEnrolment(int value) {
        return new SignatureProtocol(testShare, value);
    }

    public double testShare() {
        return testShare;
    }

    public int enrolment() {
        return enrolment;
    }

    /**
     * Splits {@code writers} into training and test writers.
     *
     * @throws IllegalArgumentException when there are fewer than four writers
     */
    public WriterSplit split(List<SignatureWriter> writers, long seed) {
        return WriterSplit.of(writers, testShare, MINIMUM_WRITERS_PER_SIDE, seed);
    }

    /**
     * The enrolment and presented signatures of every writer, in the writers' order.
     *
     * @throws IllegalArgumentException naming the writer when one has no genuine signature left to
     *     present after enrolment
     */
    public List<EnrolledWriter> enrol(List<SignatureWriter> writers, long seed) {
        List<EnrolledWriter> enrolled = new ArrayList<>(writers.size());
        for (int w = 0; w < writers.size(); w++) {
            enrolled.add(enrol(writers, w, seed));
        }
        return enrolled;
    }

    private EnrolledWriter enrol(List<SignatureWriter> writers, int index, long seed) {
        SignatureWriter writer = writers.get(index);
        if (writer.genuine().size() <= enrolment) {
            throw new IllegalArgumentException(
                    "enrolling "
                            + enrolment
                            + " signatures leaves writer "
                            + writer.id()
                            + " none to present (it has "
                            + writer.genuine().size()
                            + " genuine ones)");
        }
        Random random = new Random(seed ^ (writer.id().hashCode() * 0x9E3779B97F4A7C15L));
        List<SignatureImage> genuine = new ArrayList<>(writer.genuine());
        Collections.shuffle(genuine, random);
        List<PresentedSignature> presented = new ArrayList<>();
        for (SignatureImage image : genuine.subList(enrolment, genuine.size())) {
            presented.add(new PresentedSignature(image, Kind.GENUINE));
        }
        for (SignatureImage image : writer.forged()) {
            presented.add(new PresentedSignature(image, Kind.SKILLED_FORGERY));
        }
        List<SignatureImage> others = otherWritersGenuine(writers, index);
        Collections.shuffle(others, random);
        for (SignatureImage image :
                others.subList(0, Math.min(writer.forged().size(), others.size()))) {
            presented.add(new PresentedSignature(image, Kind.RANDOM_FORGERY));
        }
        return new EnrolledWriter(writer.id(), genuine.subList(0, enrolment), presented);
    }

    private static List<SignatureImage> otherWritersGenuine(
            List<SignatureWriter> writers, int index) {
        List<SignatureImage> others = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            if (w != index) {
                others.addAll(writers.get(w).genuine());
            }
        }
        return others;
    }

    @Override
    public String toString() {
        return String.format("test share %.3f, %d enrolled signatures", testShare, enrolment);
    }
}
