package io.polygraph.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Finds and reads the project's MNIST files: 10,000 training images and the official 10,000 test
 * images, as gzip IDX files in {@code <shared data>/mnist/}.
 *
 * <p>Contract: {@link #locateFolder()} looks in the folder named by the system property {@value
 * #PROPERTY} (which the build sets for tests), then in {@code ../shared/data} and {@code
 * ../../shared/data} relative to the working directory (the project root and a module folder), and
 * fails naming every place it looked; it never falls back to downloading or to an empty set.
 * Reading fails with an {@link IOException} that names the file and the fault (see {@link
 * IdxFile}), also when the image and label files disagree on the count or a label is not a digit.
 * The whole set is read into memory (about 31 MB of floats per 10,000 images), which is what
 * training on it needs anyway.
 */
public final class MnistFiles {

    /** System property naming the shared data folder, the one that holds {@code mnist/}. */
    public static final String PROPERTY = "polygraph.shared.data";

    /** The training images, the first 10,000 of the official training set, shuffled. */
    public static final String TRAIN_IMAGES = "train10k-images-idx3-ubyte.gz";

    /** The labels of {@link #TRAIN_IMAGES}. */
    public static final String TRAIN_LABELS = "train10k-labels-idx1-ubyte.gz";

    /** The official MNIST test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";

    /** The labels of {@link #TEST_IMAGES}. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private MnistFiles() {}

    /**
     * The {@code mnist} folder under the first shared data folder that has one.
     *
     * @throws IllegalStateException naming every folder tried when none holds {@code mnist/}
     */
    public static Path locateFolder() {
        return SharedDataFolder.locate("mnist", "MNIST data");
    }

    /**
     * The {@code mnist} folder under {@code dataRoot}.
     *
     * @throws IllegalArgumentException naming the expected folder when it is missing
     */
    public static Path locateFolder(Path dataRoot) {
        return SharedDataFolder.under(dataRoot, "mnist", "MNIST data");
    }

    /** Reads {@value #TRAIN_IMAGES} and {@value #TRAIN_LABELS} from {@code folder}. */
    public static MnistSet readTraining(Path folder) throws IOException {
        return read(folder.resolve(TRAIN_IMAGES), folder.resolve(TRAIN_LABELS));
    }

    /** Reads {@value #TEST_IMAGES} and {@value #TEST_LABELS} from {@code folder}. */
    public static MnistSet readTest(Path folder) throws IOException {
        return read(folder.resolve(TEST_IMAGES), folder.resolve(TEST_LABELS));
    }

    /**
     * Reads an IDX image file and its IDX label file.
     *
     * @throws IOException naming the file and the fault: unreadable, not gzip, bad magic number,
     *     truncated, images not 28x28, counts that differ between the two files, or a label outside
     *     0..9
     */
    public static MnistSet read(Path images, Path labels) throws IOException {
        IdxFile.Content pixels = IdxFile.readImages(images);
        IdxFile.Content digits = IdxFile.readLabels(labels);
        int[] shape = pixels.dimensions();
        if (shape[1] != MnistSet.SIDE || shape[2] != MnistSet.SIDE) {
            throw new IOException(
                    images + ": images are " + shape[1] + "x" + shape[2] + ", expected 28x28");
        }
        if (shape[0] != digits.dimensions()[0]) {
            throw new IOException(
                    images
                            + " holds "
                            + shape[0]
                            + " images but "
                            + labels
                            + " holds "
                            + digits.dimensions()[0]
                            + " labels");
        }
        return MnistSet.of(scaled(pixels.data(), shape[0]), checkedDigits(digits.data(), labels));
    }

    private static float[][] scaled(byte[] data, int count) {
        float[][] images = new float[count][MnistSet.PIXELS];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < MnistSet.PIXELS; p++) {
                images[i][p] = Byte.toUnsignedInt(data[i * MnistSet.PIXELS + p]) / 255f;
            }
        }
        return images;
    }

    private static int[] checkedDigits(byte[] data, Path labels) throws IOException {
        int[] digits = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            digits[i] = Byte.toUnsignedInt(data[i]);
            if (digits[i] >= MnistSet.DIGITS) {
                throw new IOException(
                        labels + ": label " + i + " is " + digits[i] + ", not a digit 0..9");
            }
        }
        return digits;
    }
}
