package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.SignatureImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealWritersTest {

    private static Path root;
    private static World world;

    /** Which file (writer/genuine-or-forged/name) has which content. */
    private static Map<String, Path> fileByContent;

    @BeforeAll
    static void generate() {
        root = SharedData.signatures();
        world =
                WorldGenerator.generate(
                        WorldConfig.defaults()
                                .withCustomers(60)
                                .withSpan(Duration.ofDays(10))
                                .withSignatureMismatchRate(0.3)
                                .withSignatureSource(new SignatureSource.RealWriters(root)));
        fileByContent = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> fileByContent.put(key(read(file)), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void enrolmentSignaturesAreGenuineFilesOfTheCustomersWriter() {
        Map<String, Path> writerOf = writersByEntity();

        assertThat(world.enrolmentSignatures())
                .hasSize(60)
                .allSatisfy(
                        signature -> {
                            Path file = fileOf(signature);
                            assertThat(file.getParent().getFileName().toString())
                                    .isEqualTo("genuine");
                            assertThat(signature.getWidth())
                                    .isEqualTo(
                                            PixelCorrelation.decode(bytes(signature)).getWidth());
                            assertThat(signature.getHeight())
                                    .isEqualTo(
                                            PixelCorrelation.decode(bytes(signature)).getHeight());
                        });
        // 60 customers over the 43 writers: every writer is used, some twice.
        assertThat(writerOf.values().stream().distinct().count())
                .isEqualTo(Math.min(60, writerCount()));
    }

    @Test
    void presentedSignaturesComeFromTheFoldersTheLabelsName() {
        Map<String, Path> writerOf = writersByEntity();
        Map<String, SignatureImage> enrolment = new HashMap<>();
        world.enrolmentSignatures().forEach(s -> enrolment.put(s.getEntityId(), s));
        Map<String, AnomalyLabel> labels = world.labelsByTransactionId();
        Map<String, Integer> seen = new HashMap<>();

        for (SignatureImage presented : world.presentedSignatures()) {
            AnomalyLabel label = labels.get(presented.getTransactionId());
            Path file = fileOf(presented);
            Path ownWriter = writerOf.get(presented.getEntityId());
            String kind = label.getDetail().isEmpty() ? "genuine" : label.getDetail();
            seen.merge(kind, 1, Integer::sum);
            switch (kind) {
                case "forgery" ->
                        assertThat(file.getParent()).isEqualTo(ownWriter.resolve("forged"));
                case "other-writer" -> {
                    assertThat(file.getParent().getFileName().toString()).isEqualTo("genuine");
                    assertThat(file.getParent().getParent()).isNotEqualTo(ownWriter);
                }
                default -> {
                    assertThat(file.getParent()).isEqualTo(ownWriter.resolve("genuine"));
                    assertThat(file).isNotEqualTo(fileOf(enrolment.get(presented.getEntityId())));
                }
            }
        }
        assertThat(seen).containsKeys("genuine", "forgery", "other-writer");
    }

    @Test
    void aMissingFolderFailsWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("no-signatures-here");
        WorldConfig config =
                WorldConfig.defaults()
                        .withCustomers(3)
                        .withSignatureSource(new SignatureSource.RealWriters(missing));

        assertThatThrownBy(() -> WorldGenerator.generate(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void aFolderWithoutWritersFailsWithItsPath(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("001/genuine"));
        WorldConfig config =
                WorldConfig.defaults()
                        .withCustomers(3)
                        .withSignatureSource(new SignatureSource.RealWriters(dir));

        assertThatThrownBy(() -> WorldGenerator.generate(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("usable writers");
    }

    /** Each customer's writer folder, read from the enrolment file. */
    private static Map<String, Path> writersByEntity() {
        Map<String, Path> writers = new HashMap<>();
        world.enrolmentSignatures()
                .forEach(s -> writers.put(s.getEntityId(), fileOf(s).getParent().getParent()));
        return writers;
    }

    private static long writerCount() {
        try (Stream<Path> writers = Files.list(root)) {
            return writers.filter(Files::isDirectory).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fileOf(SignatureImage signature) {
        Path file = fileByContent.get(key(bytes(signature)));
        assertThat(file)
                .as("a file under %s with the bytes of %s", root, signature.getTransactionId())
                .isNotNull();
        return file;
    }

    private static byte[] bytes(SignatureImage signature) {
        return signature.getImageBytes().array();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(byte[] content) {
        return HexFormat.of().formatHex(content);
    }
}
