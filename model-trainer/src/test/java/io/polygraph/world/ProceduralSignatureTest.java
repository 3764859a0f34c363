package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.ImageFormat;
import io.polygraph.schema.SignatureImage;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProceduralSignatureTest {

    private static final int WRITERS = 30;

    @Test
    void worldSignaturesArePngsOfDarkInkOnWhite() {
        World world = TestWorlds.small();
        List<SignatureImage> all = new ArrayList<>(world.enrolmentSignatures());
        all.addAll(world.presentedSignatures());

        assertThat(all)
                .isNotEmpty()
                .allSatisfy(
                        signature -> {
                            assertThat(signature.getFormat()).isEqualTo(ImageFormat.PNG);
                            BufferedImage image =
                                    PixelCorrelation.decode(signature.getImageBytes().array());
                            assertThat(image.getWidth())
                                    .isEqualTo(signature.getWidth())
                                    .isEqualTo(220);
                            assertThat(image.getHeight())
                                    .isEqualTo(signature.getHeight())
                                    .isEqualTo(90);
                            assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
                            assertThat(grey(image, 0, 0)).isEqualTo(255);
                            assertThat(inkShare(image)).isBetween(0.02, 0.4);
                        });
    }

    @Test
    void genuineSamplesOfAWriterResembleEachOtherMoreThanForgeriesOrOtherWriters() {
        ProceduralSignatureStudio studio = new ProceduralSignatureStudio(11, WRITERS);
        List<Double> genuine = new ArrayList<>();
        List<Double> forged = new ArrayList<>();
        List<Double> other = new ArrayList<>();
        int writersWhoseGenuineBeatsOthers = 0;

        for (int writer = 0; writer < WRITERS; writer++) {
            byte[] reference = studio.enrolment(writer, new SplittableRandom(writer)).png();
            double g =
                    PixelCorrelation.between(
                            reference,
                            studio.genuine(writer, new SplittableRandom(1000 + writer)).png());
            double f =
                    PixelCorrelation.between(
                            reference,
                            studio.forgery(writer, new SplittableRandom(2000 + writer)).png());
            double o =
                    PixelCorrelation.between(
                            reference,
                            studio.otherWriter(writer, new SplittableRandom(3000 + writer)).png());
            genuine.add(g);
            forged.add(f);
            other.add(o);
            writersWhoseGenuineBeatsOthers += g > o ? 1 : 0;
        }

        assertThat(Statistics.mean(genuine)).isGreaterThan(Statistics.mean(forged) + 0.1);
        assertThat(Statistics.mean(forged)).isGreaterThan(Statistics.mean(other));
        assertThat(writersWhoseGenuineBeatsOthers).isGreaterThanOrEqualTo(WRITERS - 2);
    }

    @Test
    void twoGenuineSamplesAreSimilarButNotIdentical() {
        ProceduralSignatureStudio studio = new ProceduralSignatureStudio(5, 3);

        byte[] first = studio.genuine(1, new SplittableRandom(1)).png();
        byte[] second = studio.genuine(1, new SplittableRandom(2)).png();

        assertThat(second).isNotEqualTo(first);
        assertThat(PixelCorrelation.between(first, second)).isGreaterThan(0.5);
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    private static double inkShare(BufferedImage image) {
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                ink += grey(image, x, y) < 160 ? 1 : 0;
            }
        }
        return ink / (double) (image.getWidth() * image.getHeight());
    }
}
