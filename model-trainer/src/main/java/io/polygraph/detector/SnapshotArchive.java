package io.polygraph.detector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The container of a snapshot: a zip of named entries plus a {@value #CHECKSUM_ENTRY} entry holding
 * the SHA-256 of all the others.
 *
 * <p>The digest covers, for every other entry in name order, its UTF-8 name, a zero byte, its
 * length as 8 bytes and its content, so that renaming, reordering, truncating or swapping entries
 * all change it. {@link #read} loads every entry into memory (bounded by {@link #MAX_ENTRY_BYTES}
 * each and {@link #MAX_ENTRIES} in all), verifies the digest and only then returns the entries:
 * nothing is parsed, let alone deserialized, before the check. Writes go to a temporary file that
 * is moved into place, so a crash never leaves a half-written snapshot under the final name. Entry
 * timestamps are fixed, so equal content gives equal bytes.
 */
final class SnapshotArchive {

    static final String CHECKSUM_ENTRY = "checksum.sha256";
    static final int MAX_ENTRIES = 16;
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    private static final String CHECKSUM_PREFIX = "SHA-256 ";
    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, zip's epoch

    private SnapshotArchive() {}

    /** Writes {@code entries} and their checksum to {@code path}. */
    static void write(Path path, Map<String, byte[]> entries) throws IOException {
        TreeMap<String, byte[]> sorted = new TreeMap<>(entries);
        if (sorted.containsKey(CHECKSUM_ENTRY)) {
            throw new IllegalArgumentException(CHECKSUM_ENTRY + " is reserved");
        }
        String checksum = CHECKSUM_PREFIX + digest(sorted) + "\n";
        Path absolute = path.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, absolute.getFileName().toString(), ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temporary);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
                    put(zip, entry.getKey(), entry.getValue());
                }
                put(zip, CHECKSUM_ENTRY, checksum.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(
                    temporary,
                    absolute,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads and verifies the entries of {@code path}, the checksum entry excluded. */
    static Map<String, byte[]> read(Path path) throws IOException {
        try (InputStream file = Files.newInputStream(path)) {
            return read(path.toString(), file);
        }
    }

    /**
     * Reads and verifies the entries of the snapshot bytes in {@code in}, the checksum entry
     * excluded; {@code source} names the snapshot in errors.
     */
    static Map<String, byte[]> read(String source, InputStream in) throws IOException {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        byte[] checksum = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                byte[] content = readBounded(zip, name);
                if (CHECKSUM_ENTRY.equals(name)) {
                    requireFirst(checksum == null, source, name);
                    checksum = content;
                } else {
                    requireFirst(entries.put(name, content) == null, source, name);
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new SnapshotIntegrityException(source + " has too many entries");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new SnapshotIntegrityException(source + " is not a readable zip file", e);
        }
        verify(source, entries, checksum);
        return entries;
    }

    private static void verify(String path, TreeMap<String, byte[]> entries, byte[] checksum)
            throws SnapshotIntegrityException {
        if (checksum == null) {
            throw new SnapshotIntegrityException(path + " has no " + CHECKSUM_ENTRY + " entry");
        }
        String stored = new String(checksum, StandardCharsets.UTF_8).trim();
        if (!stored.startsWith(CHECKSUM_PREFIX)) {
            throw new SnapshotIntegrityException(path + " has a malformed " + CHECKSUM_ENTRY);
        }
        byte[] expected =
                stored.substring(CHECKSUM_PREFIX.length()).getBytes(StandardCharsets.UTF_8);
        byte[] actual = digest(entries).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new SnapshotIntegrityException(
                    path
                            + " failed its SHA-256 check: the snapshot was modified or corrupted"
                            + " after it was written; refusing to load it");
        }
    }

    /** Hex SHA-256 over the entries in name order (see the class comment for the framing). */
    static String digest(TreeMap<String, byte[]> entries) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            sha256.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(entry.getValue().length).array());
            sha256.update(entry.getValue());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > MAX_ENTRY_BYTES) {
                throw new SnapshotIntegrityException("snapshot entry " + name + " is too large");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static void requireFirst(boolean first, String path, String name)
            throws SnapshotIntegrityException {
        if (!first) {
            throw new SnapshotIntegrityException(path + " holds entry " + name + " twice");
        }
    }
}
