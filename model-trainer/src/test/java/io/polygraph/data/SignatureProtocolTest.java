package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.data.PresentedSignature.Kind;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-signature protocol on the real folder. A missing folder fails the test (through {@link
 * SignatureFiles#locateFolder()}, which names every place it looked) rather than skipping it, so a
 * machine without the data cannot pass silently.
 */
class SignatureProtocolTest {

    private static List<SignatureWriter> writers;

    @BeforeAll
    static void read() throws IOException {
        writers = SignatureFiles.read(SignatureFiles.locateFolder());
    }

    @Test
    void theFolderHoldsTheDocumentedWritersAndImages() {
        assertThat(writers).hasSize(43);
        assertThat(writers.stream().mapToInt(w -> w.genuine().size() + w.forged().size()).sum())
                .isEqualTo(1149);
        assertThat(writers.get(0).id()).isEqualTo("001");
        assertThat(writers.get(0).genuine().get(0).name()).isEqualTo("001/genuine/001_01.png");
    }

    @Test
    void aThirdOfTheWritersAreTestWritersNeverSeenInTraining() {
        WriterSplit split = SignatureProtocol.defaults().split(writers, 5);

        assertThat(split.test()).hasSize(14);
        assertThat(split.training()).hasSize(29);
        assertThat(ids(split.training())).doesNotContainAnyElementsOf(ids(split.test()));
        Set<String> all = new HashSet<>(ids(split.training()));
        all.addAll(ids(split.test()));
        assertThat(all).isEqualTo(Set.copyOf(ids(writers)));
    }

    @Test
    void theSplitFollowsTheSeed() {
        SignatureProtocol protocol = SignatureProtocol.defaults();

        assertThat(ids(protocol.split(writers, 5).test()))
                .isEqualTo(ids(protocol.split(writers, 5).test()))
                .isNotEqualTo(ids(protocol.split(writers, 6).test()));
    }

    @Test
    void eachTestWriterEnrolsThreeAndIsPresentedTheRestAndBothForgeryKinds() {
        WriterSplit split = SignatureProtocol.defaults().split(writers, 5);
        List<EnrolledWriter> enrolled = SignatureProtocol.defaults().enrol(split.test(), 5);

        assertThat(enrolled).hasSize(split.test().size());
        for (int w = 0; w < enrolled.size(); w++) {
            SignatureWriter writer = split.test().get(w);
            EnrolledWriter entity = enrolled.get(w);
            assertThat(entity.writer()).isEqualTo(writer.id());
            assertThat(entity.enrolment()).hasSize(3).isSubsetOf(writer.genuine());
            assertThat(entity.count(Kind.GENUINE)).isEqualTo(writer.genuine().size() - 3);
            assertThat(entity.count(Kind.SKILLED_FORGERY)).isEqualTo(writer.forged().size());
            assertThat(entity.count(Kind.RANDOM_FORGERY)).isEqualTo(writer.forged().size());
            assertThat(images(entity, Kind.GENUINE))
                    .doesNotContainAnyElementsOf(entity.enrolment())
                    .isSubsetOf(writer.genuine());
            assertThat(images(entity, Kind.SKILLED_FORGERY)).isEqualTo(writer.forged());
        }
    }

    @Test
    void randomForgeriesAreOtherTestWritersGenuineSignatures() {
        WriterSplit split = SignatureProtocol.defaults().split(writers, 8);
        Set<String> testWriters = Set.copyOf(ids(split.test()));

        for (EnrolledWriter entity : SignatureProtocol.defaults().enrol(split.test(), 8)) {
            for (SignatureImage image : images(entity, Kind.RANDOM_FORGERY)) {
                String[] path = image.name().split("/");
                assertThat(path[0]).isNotEqualTo(entity.writer()).isIn(testWriters);
                assertThat(path[1]).isEqualTo("genuine");
            }
        }
    }

    @Test
    void enrolmentFollowsTheSeed() {
        List<SignatureWriter> some = writers.subList(0, 4);
        SignatureProtocol protocol = SignatureProtocol.defaults();

        assertThat(protocol.enrol(some, 1).get(0).enrolment())
                .isEqualTo(protocol.enrol(some, 1).get(0).enrolment())
                .isNotEqualTo(protocol.enrol(some, 2).get(0).enrolment());
    }

    @Test
    void enrollingEveryGenuineSignatureNamesTheWriterLeftWithNone() {
        SignatureProtocol protocol = SignatureProtocol.defaults().withEnrolment(12);
        List<SignatureWriter> someWithTwelve =
                writers.stream().filter(w -> w.genuine().size() == 12).limit(3).toList();

        assertThatThrownBy(() -> protocol.enrol(someWithTwelve, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "enrolling 12 signatures leaves writer "
                                + someWithTwelve.get(0).id()
                                + " none to present (it has 12 genuine ones)");
    }

    private static List<String> ids(List<SignatureWriter> list) {
        return list.stream().map(SignatureWriter::id).toList();
    }

    private static List<SignatureImage> images(EnrolledWriter entity, Kind kind) {
        return entity.presented().stream()
                .filter(p -> p.kind() == kind)
                .map(PresentedSignature::image)
                .collect(Collectors.toList());
    }
}
