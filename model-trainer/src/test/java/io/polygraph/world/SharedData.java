package io.polygraph.world;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the project's shared data folder ({@code ../shared/data} from the project root).
 *
 * <p>Surefire passes it as the system property {@code polygraph.shared.data}; when run from an IDE
 * the folder is looked up relative to the module. A missing folder fails the test with a message
 * rather than skipping it, so that a machine without the data cannot pass silently.
 */
final class SharedData {

    static final String PROPERTY = "polygraph.shared.data";

    private SharedData() {}

    static Path signatures() {
        Path root = dataRoot().resolve("signatures");
        if (!Files.isDirectory(root)) {
            fail(
                    "The real signature data is missing: expected the folder "
                            + root.toAbsolutePath().normalize()
                            + " (set -D"
                            + PROPERTY
                            + "=<shared data folder>). This test needs it and"
                            + " deliberately fails instead of skipping.");
        }
        return root;
    }

    private static Path dataRoot() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of("..", "..", "shared", "data");
    }
}
