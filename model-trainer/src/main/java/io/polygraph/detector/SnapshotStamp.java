package io.polygraph.detector;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * The version and creation time a new snapshot's manifest records.
 *
 * <p>The version is the creation time (UTC, to the second) and the first 8 hex digits of the
 * SHA-256 of all its networks in order, for example {@code 20261103T101500Z-1a2b3c4d}: two runs
 * never share a version and equal networks are recognisable.
 *
 * @param version the snapshot's version
 * @param createdAt the creation instant, ISO-8601
 */
public record SnapshotStamp(String version, String createdAt) {

    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The stamp of networks created now (network name to FlatBuffers bytes, in order). */
    public static SnapshotStamp now(Map<String, byte[]> networks) {
        return at(Clock.systemUTC().instant(), networks);
    }

    /** The stamp of networks created at {@code instant}. */
    public static SnapshotStamp at(Instant instant, Map<String, byte[]> networks) {
        Instant created = instant.truncatedTo(ChronoUnit.SECONDS);
        return new SnapshotStamp(
                VERSION_TIME.format(created) + "-" + shortHash(networks), created.toString());
    }

    private static String shortHash(Map<String, byte[]> networks) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] network : networks.values()) {
                sha256.update(network);
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
