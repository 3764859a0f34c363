package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageSplitTest {

    @Test
    void keepsAboutTheHeldOutShareOutAndLosesNoImage() {
        ImageSplit split = ImageSplit.of(images(1000), labels(1000, 10), 0.1, 7);
        assertThat(split.trainingImages().size() + split.heldOutImages().size()).isEqualTo(1000);
        assertThat(split.heldOutImages()).hasSizeBetween(60, 140);
        assertThat(split.classes()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void anotherLabelIsNeverTheOwnOneAndCoversAllOthers() {
        ImageSplit split = ImageSplit.of(images(100), labels(100, 4), 0.2, 1);
        SplittableRandom random = new SplittableRandom(2);
        int[] drawn = new int[4];
        for (int i = 0; i < 3000; i++) {
            drawn[split.otherLabel(2, random)]++;
        }
        assertThat(drawn[2]).isZero();
        assertThat(drawn[0]).isBetween(900, 1100);
        assertThat(drawn[1]).isBetween(900, 1100);
        assertThat(drawn[3]).isBetween(900, 1100);
    }

    @Test
    void oneClassIsNotEnough() {
        assertThatThrownBy(() -> ImageSplit.of(images(10), new int[10], 0.2, 1))
                .hasMessageContaining("at least two classes");
    }

    private static List<float[]> images(int count) {
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(new float[] {i});
        }
        return images;
    }

    private static int[] labels(int count, int classes) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }
}
