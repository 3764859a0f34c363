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
        float[] cropped = crop(image, box);
        float[] scaled = resize(cropped, boxWidth, boxHeight, targetWidth, targetHeight);
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

    private static float[] crop(SignatureInk image, int[] box) {
        int boxWidth = box[2] - box[0];
        int boxHeight = box[3] - box[1];
        float[] cropped = new float[boxWidth * boxHeight];
        for (int y = 0; y < boxHeight; y++) {
            System.arraycopy(
                    image.ink(),
                    (box[1] + y) * image.width() + box[0],
                    cropped,
                    y * boxWidth,
                    boxWidth);
        }
        return cropped;
    }

    /** Area-averaging resize: rows first, then columns; keeps thin strokes when shrinking. */
    static float[] resize(float[] source, int width, int height, int newWidth, int newHeight) {
        float[] horizontal = new float[newWidth * height];
        float[] line = new float[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(source, y * width, line, 0, width);
            System.arraycopy(resample(line, newWidth), 0, horizontal, y * newWidth, newWidth);
        }
        float[] result = new float[newWidth * newHeight];
        float[] column = new float[height];
        for (int x = 0; x < newWidth; x++) {
            for (int y = 0; y < height; y++) {
                column[y] = horizontal[y * newWidth + x];
            }
            float[] resampled = resample(column, newHeight);
            for (int y = 0; y < newHeight; y++) {
                result[y * newWidth + x] = resampled[y];
            }
        }
        return result;
    }

    /** Resamples one line to {@code size} cells, each the coverage-weighted mean of its sources. */
    private static float[] resample(float[] line, int size) {
        float[] out = new float[size];
        double step = (double) line.length / size;
        for (int i = 0; i < size; i++) {
            double from = i * step;
            double to = from + step;
            double sum = 0;
            for (int j = (int) Math.floor(from); j < Math.min(line.length, Math.ceil(to)); j++) {
                double overlap = Math.min(to, j + 1) - Math.max(from, j);
                sum += overlap * line[j];
            }
            out[i] = (float) (sum / step);
        }
        return out;
    }
}
