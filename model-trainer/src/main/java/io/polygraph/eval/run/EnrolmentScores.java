package io.polygraph.eval.run;

import io.polygraph.data.EnrolledWriter;
import io.polygraph.data.PresentedSignature;
import io.polygraph.data.SignatureImage;
import io.polygraph.eval.LabelledScores;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Consistency scores of presented signatures against their entity's enrolment: the mean similarity
 * of the presented signature with each enrolled one.
 *
 * <p>The mean rather than the maximum: with unit-length embeddings, the mean cosine is the cosine's
 * numerator against the enrolment's centroid, a prototype of the writer's hand that averages out
 * one odd specimen; the maximum would let a forgery pass by resembling any single specimen, which
 * is what a skilled forger aims for. Every pair of all writers is scored in one call, so that a
 * network runs in a few large batches.
 *
 * @param scores one consistency score per presented signature, writers in order
 * @param labels the label of each: {@link LabelledScores#NORMAL} for genuine ones, else the
 *     forgery's kind ({@link PresentedSignature.Kind#label()})
 */
record EnrolmentScores(double[] scores, List<String> labels) {

    /** Scores every presented signature of {@code writers} with {@code similarity}. */
    static EnrolmentScores of(List<EnrolledWriter> writers, CanvasSimilarity similarity) {
        List<float[]> enrolled = new ArrayList<>();
        List<float[]> presented = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> enrolmentSizes = new ArrayList<>();
        for (EnrolledWriter writer : writers) {
            for (PresentedSignature signature : writer.presented()) {
                for (SignatureImage specimen : writer.enrolment()) {
                    enrolled.add(specimen.canvas());
                    presented.add(signature.image().canvas());
                }
                enrolmentSizes.add(writer.enrolment().size());
                labels.add(labelOf(signature.kind()));
            }
        }
        double[] similarities = similarity.of(enrolled, presented);
        double[] scores = new double[labels.size()];
        int pair = 0;
        for (int i = 0; i < scores.length; i++) {
            double sum = 0;
            for (int k = 0; k < enrolmentSizes.get(i); k++) {
                sum += similarities[pair++];
            }
            scores[i] = sum / enrolmentSizes.get(i);
        }
        return new EnrolmentScores(scores, labels);
    }

    /** The scores of the genuine (NORMAL) signatures only. */
    double[] normalScores() {
        return IntStream.range(0, scores.length)
                .filter(i -> LabelledScores.NORMAL.equals(labels.get(i)))
                .mapToDouble(i -> scores[i])
                .toArray();
    }

    static String labelOf(PresentedSignature.Kind kind) {
        return kind == PresentedSignature.Kind.GENUINE ? LabelledScores.NORMAL : kind.label();
    }
}
