package io.polygraph.train;

import java.util.SplittableRandom;

/**
 * Random translation of square training images by up to a few pixels, the blank border filled with
 * 0 (the background of MNIST-like images).
 *
 * <p>Why: with 10,000 training images a LeNet-sized network still learns where a digit's strokes
 * lie in the frame, and the pairs it then gets wrong are mostly off-centre or slanted digits;
 * shifted copies teach it that position does not change the digit, and each epoch sees new ones.
 */
final class ImageShift {

    private final int side;
    private final int maxShift;

    ImageShift(int side, int maxShift) {
        this.side = side;
        this.maxShift = maxShift;
    }

    /** {@code image} moved by a random offset in {@code [-maxShift, maxShift]} on each axis. */
    float[] apply(float[] image, SplittableRandom random) {
        if (maxShift == 0) {
            return image;
        }
        int dx = random.nextInt(-maxShift, maxShift + 1);
        int dy = random.nextInt(-maxShift, maxShift + 1);
        float[] shifted = new float[image.length];
        for (int y = Math.max(0, dy); y < Math.min(side, side + dy); y++) {
            int sourceRow = (y - dy) * side;
            int fromX = Math.max(0, dx);
            int toX = Math.min(side, side + dx);
            System.arraycopy(image, sourceRow + fromX - dx, shifted, y * side + fromX, toX - fromX);
        }
        return shifted;
    }
}
