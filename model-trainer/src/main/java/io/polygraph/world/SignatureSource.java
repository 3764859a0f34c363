package io.polygraph.world;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the world's signature images come from.
 *
 * <p>{@link Procedural} needs no data: every customer gets a synthetic writer whose signatures are
 * rendered on the fly. {@link RealWriters} assigns each customer a real writer from a folder of
 * scanned signatures; it is more realistic but depends on that folder, and a world has at most as
 * many distinct writers as the folder holds (customers share writers beyond that).
 */
public sealed interface SignatureSource {

    /** Signatures rendered procedurally, one synthetic writer per customer. */
    record Procedural() implements SignatureSource {}

    /**
     * Real scanned signatures, laid out as {@code <root>/<writer>/genuine/*.png} (the writer's own)
     * and {@code <root>/<writer>/forged/*.png} (forgeries of that writer by other people).
     *
     * @param root the folder holding one sub-folder per writer; checked when a world is generated
     */
    record RealWriters(Path root) implements SignatureSource {
        public RealWriters {
            Objects.requireNonNull(root, "root");
        }
    }
}
