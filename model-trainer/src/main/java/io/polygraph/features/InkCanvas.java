package io.polygraph.features;

/**
 * Crops an ink map to its ink and scales it into a fixed canvas keeping its aspect ratio.
 * Package-private: the second half of {@link SignatureFeatures}.
 */
final class InkCanvas {

    private InkCanvas() {}

    /** The canvas, {@code height * width} floats, row-major, ink levels kept. */
    static float[] fit(SignatureInk image, int height, int width) {
        return fit(image.ink(), image.width(), image.height(), height, width);
    }

    /**
     * The canvas of the {@code imageWidth} x {@code imageHeight} ink map at the start of {@code
     * ink}, which may be longer (a reused buffer).
     */
    static float[] fit(float[] ink, int imageWidth, int imageHeight, int height, int width) {
        int[] box = inkBox(ink, imageWidth, imageHeight);
        float[] canvas = new float[height * width];
        if (box == null) {
            return canvas;
        }
        int boxWidth = box[2] - box[0];
        int boxHeight = box[3] - box[1];
        double scale = Math.min((double) height / boxHeight, (double) width / boxWidth);
        int targetWidth = Math.max(1, Math.min(width, (int) Math.round(boxWidth * scale)));
        int targetHeight = Math.max(1, Math.min(height, (int) Math.round(boxHeight * scale)));
        int left = (width - targetWidth) / 2;
        int top = (height - targetHeight) / 2;
        resizeInto(
                ink,
                box[1] * imageWidth + box[0],
                imageWidth,
                boxWidth,
                boxHeight,
                targetWidth,
                targetHeight,
                canvas,
                top * width + left,
                width);
        return canvas;
    }

    /**
     * {xMin, yMin, xMax, yMax} (max exclusive) of the ink, or null for a blank image.
     *
     * <p>It finds the first and last rows with ink, then walks each row between them from both ends
     * only until it meets ink or the sides of the box found so far: a row's middle cannot widen the
     * box, and on a signature the middle is most of the image.
     */
    private static int[] inkBox(float[] ink, int width, int height) {
        int top = 0;
        while (top < height && !hasInk(ink, top * width, width)) {
            top++;
        }
        if (top == height) {
            return null;
        }
        int bottom = height - 1;
        while (!hasInk(ink, bottom * width, width)) {
            bottom--;
        }
        int left = width;
        int right = -1;
        for (int y = top; y <= bottom; y++) {
            int row = y * width;
            for (int x = 0; x < left; x++) {
                if (ink[row + x] > SignatureFeatures.INK_THRESHOLD) {
                    left = x;
                    break;
                }
            }
            for (int x = width - 1; x > right; x--) {
                if (ink[row + x] > SignatureFeatures.INK_THRESHOLD) {
                    right = x;
                    break;
                }
            }
        }
        return new int[] {left, top, right + 1, bottom + 1};
    }

    private static boolean hasInk(float[] ink, int rowStart, int width) {
        for (int x = rowStart; x < rowStart + width; x++) {
            if (ink[x] > SignatureFeatures.INK_THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    /**
     * Area-averaging resize of the {@code width} x {@code height} region of {@code source} that
     * starts at {@code offset}, its rows {@code rowLength} apart, written into {@code target} from
     * {@code targetOffset}, its rows {@code targetRowLength} apart (straight into a canvas, without
     * a copy of the scaled ink between): rows first, then columns; keeps thin strokes when
     * shrinking.
     */
    static void resizeInto(
            float[] source,
            int offset,
            int rowLength,
            int width,
            int height,
            int newWidth,
            int newHeight,
            float[] target,
            int targetOffset,
            int targetRowLength) {
        float[] horizontal = new float[newWidth * height];
        AreaResampling.of(width, newWidth).alongRows(source, offset, rowLength, height, horizontal);
        AreaResampling.of(height, newHeight)
                .alongColumns(horizontal, newWidth, target, targetOffset, targetRowLength);
    }
}
