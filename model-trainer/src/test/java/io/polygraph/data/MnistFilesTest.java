package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {

    private static final int IMAGES = 0x803;
    private static final int LABELS = 0x801;

    @TempDir Path dir;

    @Test
    void readsPixelsScaledToUnitRangeAndLabels() throws IOException {
        byte[] pixels = new byte[3 * 784];
        pixels[0] = (byte) 255;
        pixels[784 + 10] = (byte) 51;
        Path images = write("images.gz", idx(IMAGES, new int[] {3, 28, 28}, pixels));
        Path labels = write("labels.gz", idx(LABELS, new int[] {3}, new byte[] {7, 0, 9}));

        MnistSet set = MnistFiles.read(images, labels);

        assertThat(set.size()).isEqualTo(3);
        assertThat(set.digit(0)).isEqualTo(7);
        assertThat(set.digit(2)).isEqualTo(9);
        assertThat(set.image(0)[0]).isEqualTo(1f);
        assertThat(set.image(1)[10]).isEqualTo(0.2f);
        assertThat(set.image(2)).containsOnly(0f);
        assertThat(set.classCounts()).containsExactly(1, 0, 0, 0, 0, 0, 0, 1, 0, 1);
    }

    @Test
    void imagesAreCopiedOut() throws IOException {
        MnistSet set = MnistFiles.read(images(1), labels(new byte[] {4}));

        set.image(0)[0] = 1f;

        assertThat(set.image(0)[0]).isEqualTo(0f);
    }

    @Test
    void badMagicNumberNamesTheFile() throws IOException {
        // A label file given where images are expected.
        Path images = write("images.gz", idx(LABELS, new int[] {1}, new byte[] {1}));

        assertThatThrownBy(() -> MnistFiles.read(images, labels(new byte[] {1})))
                .isInstanceOf(IOException.class)
                .hasMessage(images + ": bad magic number 2049, expected 2051 (IDX images)");
    }

    @Test
    void truncatedDataNamesTheFileAndTheShortfall() throws IOException {
        Path images = write("images.gz", idx(IMAGES, new int[] {2, 28, 28}, new byte[1468]));

        assertThatThrownBy(() -> MnistFiles.read(images, labels(new byte[] {1, 2})))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        images
                                + ": truncated, header promises 1568 data bytes but the file holds"
                                + " 1468");
    }

    @Test
    void truncatedHeaderNamesTheFile() throws IOException {
        Path images = write("images.gz", gzip(new byte[] {0, 0, 8, 3, 0, 0}));

        assertThatThrownBy(() -> MnistFiles.read(images, labels(new byte[] {1})))
                .hasMessage(images + ": truncated, the file ends before the dimension 0");
    }

    @Test
    void truncatedGzipStreamNamesTheFile() throws IOException {
        Path images = images(50);
        byte[] compressed = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(compressed, compressed.length / 2));

        assertThatThrownBy(() -> MnistFiles.read(images, labels(new byte[50])))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(images + ": truncated or not gzip-compressed");
    }

    @Test
    void extraDataAfterTheHeaderCountIsAnError() throws IOException {
        Path images = write("images.gz", idx(IMAGES, new int[] {1, 28, 28}, new byte[785]));

        assertThatThrownBy(() -> MnistFiles.read(images, labels(new byte[] {1})))
                .hasMessage(images + ": more data than the header promises (784 bytes)");
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        Path images = images(2);
        Path labels = labels(new byte[] {1, 2, 3});

        assertThatThrownBy(() -> MnistFiles.read(images, labels))
                .isInstanceOf(IOException.class)
                .hasMessage(images + " holds 2 images but " + labels + " holds 3 labels");
    }

    @Test
    void labelOutsideTheDigitsNamesFileAndIndex() throws IOException {
        Path labels = labels(new byte[] {3, 10});

        assertThatThrownBy(() -> MnistFiles.read(images(2), labels))
                .isInstanceOf(IOException.class)
                .hasMessage(labels + ": label 1 is 10, not a digit 0..9");
    }

    @Test
    void imagesOfAnotherSizeAreRejected() throws IOException {
        Path images = write("images.gz", idx(IMAGES, new int[] {1, 2, 2}, new byte[4]));

        assertThatThrownBy(() -> MnistFiles.read(images, labels(new byte[] {1})))
                .hasMessage(images + ": images are 2x2, expected 28x28");
    }

    @Test
    void locatingAMissingFolderNamesTheExpectedPath() {
        assertThatThrownBy(() -> MnistFiles.locateFolder(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MNIST data not found: expected the folder " + dir.resolve("mnist"));
    }

    @Test
    void locatesTheMnistFolderUnderADataRoot() throws IOException {
        Files.createDirectory(dir.resolve("mnist"));

        assertThat(MnistFiles.locateFolder(dir)).isEqualTo(dir.resolve("mnist"));
    }

    private Path images(int count) throws IOException {
        return write("images.gz", idx(IMAGES, new int[] {count, 28, 28}, new byte[count * 784]));
    }

    private Path labels(byte[] digits) throws IOException {
        return write("labels.gz", idx(LABELS, new int[] {digits.length}, digits));
    }

    /** The gzip-compressed IDX file with this magic number, header dimensions and data. */
    private static byte[] idx(int magic, int[] dimensions, byte[] data) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.writeInt(magic);
        for (int dimension : dimensions) {
            out.writeInt(dimension);
        }
        out.write(data);
        return gzip(raw.toByteArray());
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }
}
