package io.polygraph.world;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores a world in a folder as Avro container files, one per list, plus its configuration.
 *
 * <p>Files: {@code profiles.avro}, {@code enrolment-signatures.avro}, {@code transactions.avro},
 * {@code presented-signatures.avro}, {@code labels.avro} (deflate-compressed, schema in the header,
 * records in the world's order) and {@code world.json} (the {@link WorldConfig}, written with
 * Jackson). Labels sit in a file of their own so that whatever feeds the job can leave them out.
 * Reading gives a world equal to the one written. Writing replaces files of the same names.
 *
 * <p>Example: {@code WorldFiles.write(world, Path.of("target/world"))}.
 */
public final class WorldFiles {

    public static final String PROFILES = "profiles.avro";
    public static final String ENROLMENT_SIGNATURES = "enrolment-signatures.avro";
    public static final String TRANSACTIONS = "transactions.avro";
    public static final String PRESENTED_SIGNATURES = "presented-signatures.avro";
    public static final String LABELS = "labels.avro";
    public static final String CONFIG = "world.json";

    private WorldFiles() {}

    /** Writes the world into {@code dir}, creating the folder if needed. */
    public static void write(World world, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create world folder " + dir, e);
        }
        AvroContainerFiles.write(dir.resolve(PROFILES), CustomerProfile.class, world.profiles());
        AvroContainerFiles.write(
                dir.resolve(ENROLMENT_SIGNATURES),
                SignatureImage.class,
                world.enrolmentSignatures());
        AvroContainerFiles.write(
                dir.resolve(TRANSACTIONS), Transaction.class, world.transactions());
        AvroContainerFiles.write(
                dir.resolve(PRESENTED_SIGNATURES),
                SignatureImage.class,
                world.presentedSignatures());
        AvroContainerFiles.write(dir.resolve(LABELS), AnomalyLabel.class, world.labels());
        WorldConfigJson.write(world, dir.resolve(CONFIG));
    }

    /**
     * Reads a world written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the folder or file when one is missing
     */
    public static World read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "world folder "
                            + dir.toAbsolutePath()
                            + " does not exist or is not a directory");
        }
        return new World(
                WorldConfigJson.read(dir.resolve(CONFIG)),
                AvroContainerFiles.read(dir.resolve(PROFILES), CustomerProfile.class),
                AvroContainerFiles.read(dir.resolve(ENROLMENT_SIGNATURES), SignatureImage.class),
                AvroContainerFiles.read(dir.resolve(TRANSACTIONS), Transaction.class),
                AvroContainerFiles.read(dir.resolve(PRESENTED_SIGNATURES), SignatureImage.class),
                AvroContainerFiles.read(dir.resolve(LABELS), AnomalyLabel.class));
    }
}
