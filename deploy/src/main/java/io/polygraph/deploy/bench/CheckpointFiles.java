package io.polygraph.deploy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files of benchmark 5's checkpoints: their size, and the temporary folder's removal. */
final class CheckpointFiles {

    private CheckpointFiles() {}

    /** Bytes of the regular files under {@code folder}, at any depth. */
    static long bytesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(
                            file -> {
                                try {
                                    return Files.readAttributes(file, BasicFileAttributes.class)
                                            .size();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .sum();
        }
    }

    /** Deletes {@code folder} and everything under it; nothing when it does not exist. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
