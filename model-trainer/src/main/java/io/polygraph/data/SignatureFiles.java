package io.polygraph.data;

import io.polygraph.features.InvalidSignatureImageException;
import io.polygraph.features.SignatureFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads the project's real signatures: {@code <shared data>/signatures/<writer>/genuine/
 * *.png} and {@code .../<writer>/forged/*.png}, grey scans of varying size.
 *
 * <p>Contract: {@link #locateFolder()} looks where {@link MnistFiles#locateFolder()} looks (the
 * folder named by {@value MnistFiles#PROPERTY}, then {@code ../shared/data} and {@code
 * ../../shared/data}) and fails naming every place it looked. {@link #read} returns the writers in
 * folder-name order, each one's files in file-name order, so that a seed gives the same split on
 * every machine. A writer folder with fewer than two genuine PNG files is left out with a warning
 * (nothing can be enrolled and presented from it); a file that cannot be read or decoded fails the
 * whole read with an {@link IOException} naming the file, rather than silently shrinking the set. A
 * folder holding fewer than two usable writers is an error. The whole set is read into memory
 * (about 18 MB of PNG and 14 MB of canvases for the 1,149 images at hand).
 */
public final class SignatureFiles {

    /** The folder's name under the shared data folder. */
    public static final String FOLDER = "signatures";

    private static final Logger LOG = LoggerFactory.getLogger(SignatureFiles.class);

    private SignatureFiles() {}

    /**
     * The {@code signatures} folder under the first shared data folder that has one.
     *
     * @throws IllegalStateException naming every folder tried when none holds {@code signatures/}
     */
    public static Path locateFolder() {
        return SharedDataFolder.locate(FOLDER, "Signature data");
    }

    /**
     * The {@code signatures} folder under {@code dataRoot}.
     *
     * @throws IllegalArgumentException naming the expected folder when it is missing
     */
    public static Path locateFolder(Path dataRoot) {
        return SharedDataFolder.under(dataRoot, FOLDER, "Signature data");
    }

    /**
     * Reads every writer under {@code folder}.
     *
     * @throws IOException naming the file that cannot be read or decoded, or the folder when it
     *     holds fewer than two usable writers
     */
    public static List<SignatureWriter> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(
                    "signature folder " + folder.toAbsolutePath().normalize() + " does not exist");
        }
        List<SignatureWriter> writers = new ArrayList<>();
        for (Path writerFolder : sortedChildren(folder)) {
            if (!Files.isDirectory(writerFolder)) {
                continue;
            }
            List<Path> genuine = pngs(writerFolder.resolve("genuine"));
            if (genuine.size() < 2) {
                LOG.warn("Skipping {}: fewer than 2 genuine PNG files", writerFolder);
                continue;
            }
            writers.add(
                    new SignatureWriter(
                            writerFolder.getFileName().toString(),
                            images(folder, genuine),
                            images(folder, pngs(writerFolder.resolve("forged")))));
        }
        if (writers.size() < 2) {
            throw new IOException(
                    "signature folder "
                            + folder.toAbsolutePath().normalize()
                            + " holds "
                            + writers.size()
                            + " usable writers, at least 2 are needed (each with"
                            + " <writer>/genuine/ holding 2+ PNG files)");
        }
        LOG.info("Read {} signature writers from {}", writers.size(), folder);
        return writers;
    }

    private static List<SignatureImage> images(Path root, List<Path> files) throws IOException {
        List<SignatureImage> images = new ArrayList<>(files.size());
        for (Path file : files) {
            images.add(image(root, file));
        }
        return images;
    }

    /** Reads and encodes one file; the name uses '/' on every platform. */
    static SignatureImage image(Path root, Path file) throws IOException {
        String name = root.relativize(file).toString().replace('\\', '/');
        byte[] png;
        try {
            png = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            return new SignatureImage(name, png, SignatureFeatures.encode(png));
        } catch (InvalidSignatureImageException e) {
            throw new IOException(file + ": not a readable signature image: " + e.getMessage(), e);
        }
    }

    private static List<Path> pngs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return sortedChildren(folder).stream()
                .filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                .toList();
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        }
    }
}
