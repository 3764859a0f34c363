package io.polygraph.features;

/**
 * Crops an ink map to its ink and scales it into a fixed canvas keeping its aspect ratio.
 * Package-private: the second half of {@link SignatureFeatures}.
 */
final class InkCanvas {

    private InkCanvas() {}

    /** The canvas, {@code height * width} floats, row-major, ink levels kept. */
    static float[] fit(SignatureInk image, int height, int width) {
        int[] box = inkBox(image);
        float[] canvas = new float[height * width];
        if (box == null) {
            return canvas;
        }
        int boxWidth = box[2] - box[0];
        int boxHeight = box[3] - box[1];
        double scale = Math.min((double) height / boxHeight, (double) width / boxWidth);
        int targetWidth = Math.max(1, Math.min(width, (int) Math.round(boxWidth * scale)));
        int targetHeight = Math.max(1, Math.min(height, (int) Math.round(boxHeight * scale)));
        float[] scaled =
                resize(
                        image.ink(),
                        box[1] * image.width() + box[0],
                        image.width(),
                        boxWidth,
                        boxHeight,
                        targetWidth,
                        targetHeight);
        int left = (width - targetWidth) / 2;
        int top = (height - targetHeight) / 2;
        for (int y = 0; y < targetHeight; y++) {
            System.arraycopy(
                    scaled, y * targetWidth, canvas, (top + y) * width + left, targetWidth);
        }
        return canvas;
    }

    /** {xMin, yMin, xMax, yMax} (max exclusive) of the ink, or null for a blank image. */
    private static int[] inkBox(SignatureInk image) {
        int xMin = Integer.MAX_VALUE;
        int yMin = Integer.MAX_VALUE;
        int xMax = -1;
        int yMax = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.ink()[y * image.width() + x] > SignatureFeatures.INK_THRESHOLD) {
                    xMin = Math.min(xMin, x);
                    yMin = Math.min(yMin, y);
                    xMax = Math.max(xMax, x);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        return xMax < 0 ? null : new int[] {xMin, yMin, xMax + 1, yMax + 1};
    }

    /**
     * Area-averaging resize of the {@code width} x {@code height} region of {@code source} that
     * starts at {@code offset}, its rows {@code rowLength} apart: rows first, then columns; keeps
     * thin strokes when shrinking.
     */
    static float[] resize(
            float[] source,
            int offset,
            int rowLength,
            int width,
            int height,
            int newWidth,
            int newHeight) {
        AreaResampling across = AreaResampling.of(width, newWidth);
        float[] horizontal = new float[newWidth * height];
        for (int y = 0; y < height; y++) {
            across.apply(source, offset + y * rowLength, 1, horizontal, y * newWidth, 1);
        }
        AreaResampling down = AreaResampling.of(height, newHeight);
        float[] result = new float[newWidth * newHeight];
        for (int x = 0; x < newWidth; x++) {
            down.apply(horizontal, x, newWidth, result, x, newWidth);
        }
        return result;
    }
}
