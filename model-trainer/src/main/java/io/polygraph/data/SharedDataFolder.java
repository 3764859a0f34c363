package io.polygraph.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds one dataset's folder under the project's shared data folder, the same way for every
 * dataset: the folder named by the system property {@value MnistFiles#PROPERTY} (which the build
 * sets for tests), then {@code ../shared/data} and {@code ../../shared/data} relative to the
 * working directory (the project root and a module folder).
 *
 * <p>Fails naming every place it looked; never falls back to downloading or to an empty set.
 */
final class SharedDataFolder {

    private static final Logger LOG = LoggerFactory.getLogger(SharedDataFolder.class);

    private SharedDataFolder() {}

    /**
     * The folder {@code name} under the first shared data folder that has one.
     *
     * @param what the dataset's name for people, as in "MNIST data not found"
     * @throws IllegalStateException naming every folder tried when none holds {@code name}
     */
    static Path locate(String name, String what) {
        List<Path> roots = new ArrayList<>();
        String configured = System.getProperty(MnistFiles.PROPERTY, "");
        if (!configured.isBlank()) {
            roots.add(Path.of(configured));
        }
        roots.add(Path.of("..", "shared", "data"));
        roots.add(Path.of("..", "..", "shared", "data"));
        for (Path root : roots) {
            Path folder = root.resolve(name);
            if (Files.isDirectory(folder)) {
                if (!configured.isBlank() && root != roots.get(0)) {
                    // A wrong property should not go unnoticed just because a fallback worked.
                    LOG.warn(
                            "-D{}={} holds no {} folder; using {}",
                            MnistFiles.PROPERTY,
                            configured,
                            name,
                            root);
                }
                return folder;
            }
        }
        throw new IllegalStateException(
                what
                        + " not found: no "
                        + name
                        + " folder in any of "
                        + roots.stream()
                                .map(r -> r.toAbsolutePath().normalize())
                                .distinct()
                                .toList()
                        + "; set -D"
                        + MnistFiles.PROPERTY
                        + "=<folder holding "
                        + name
                        + "/>");
    }

    /**
     * The folder {@code name} under {@code dataRoot}.
     *
     * @throws IllegalArgumentException naming the expected folder when it is missing
     */
    static Path under(Path dataRoot, String name, String what) {
        Path folder = dataRoot.resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    what
                            + " not found: expected the folder "
                            + folder.toAbsolutePath().normalize());
        }
        return folder;
    }
}
