package io.polygraph.job.config;

/**
 * Where the Kafka sources start reading when the job starts without a checkpoint or savepoint.
 *
 * <p>On a restore the offsets in the checkpoint always win; this setting only matters for a fresh
 * start.
 */
public enum StartingOffsets {
    /** The earliest offset still in each partition: replays whatever the topics retain. */
    EARLIEST,
    /** The end of each partition: only records produced after the start are read. */
    LATEST,
    /** The consumer group's committed offsets, falling back to the earliest offset. */
    COMMITTED
}
