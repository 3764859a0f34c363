package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a signature folder laid out like the shared one, built here from drawn PNG files. */
class SignatureFilesTest {

    @TempDir Path dir;

    @Test
    void readsWritersAndFilesInNameOrderWithTheirCanvases() throws IOException {
        png("b/genuine/2.png");
        png("b/genuine/1.png");
        png("a/genuine/1.png");
        png("a/genuine/2.png");
        png("a/forged/1.png");

        List<SignatureWriter> writers = SignatureFiles.read(dir);

        assertThat(writers).extracting(SignatureWriter::id).containsExactly("a", "b");
        assertThat(writers.get(1).genuine())
                .extracting(SignatureImage::name)
                .containsExactly("b/genuine/1.png", "b/genuine/2.png");
        assertThat(writers.get(0).forged()).hasSize(1);
        assertThat(writers.get(1).forged()).isEmpty();
        // Ink was drawn, so the canvas has some.
        assertThat(writers.get(0).genuine().get(0).canvas()).hasSize(32 * 96).contains(1f);
    }

    @Test
    void aWriterWithFewerThanTwoGenuineSignaturesIsLeftOut() throws IOException {
        png("a/genuine/1.png");
        png("a/genuine/2.png");
        png("b/genuine/1.png");
        png("b/genuine/2.png");
        png("c/genuine/1.png");
        png("c/forged/1.png");
        Files.writeString(dir.resolve("notes.txt"), "not a writer");

        assertThat(SignatureFiles.read(dir))
                .extracting(SignatureWriter::id)
                .containsExactly("a", "b");
    }

    @Test
    void anUndecodableFileIsNamed() throws IOException {
        png("a/genuine/1.png");
        png("a/genuine/2.png");
        png("b/genuine/1.png");
        Path broken = dir.resolve("b/genuine/2.png");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});

        assertThatThrownBy(() -> SignatureFiles.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(broken + ": not a readable signature image: ");
    }

    @Test
    void fewerThanTwoWritersNamesTheFolder() throws IOException {
        png("a/genuine/1.png");
        png("a/genuine/2.png");

        assertThatThrownBy(() -> SignatureFiles.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("signature folder " + dir)
                .hasMessageContaining("holds 1 usable writers");
    }

    @Test
    void locatingAMissingFolderNamesTheExpectedPath() {
        assertThatThrownBy(() -> SignatureFiles.locateFolder(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Signature data not found: expected the folder "
                                + dir.resolve("signatures"));
    }

    /** A small grey PNG with a dark stroke, like a scanned signature. */
    private void png(String name) throws IOException {
        BufferedImage image = new BufferedImage(60, 20, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 60, 20);
        graphics.setColor(Color.BLACK);
        graphics.fillRect(5, 8, 50, 4);
        graphics.dispose();
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
