package io.polygraph.job.model;

/** Why an announced snapshot was refused; the old model keeps scoring in every case. */
public enum RejectionReason {
    /** The file cannot be read, or is larger than a snapshot can be. */
    UNREADABLE,
    /** The file's SHA-256 is not the announced one: another or a half-written file. */
    CHECKSUM_MISMATCH,
    /** The archive is damaged, has an unexpected or missing entry, or fails its own checksum. */
    ARCHIVE_INVALID,
    /** The manifest's version is not the announced version. */
    VERSION_MISMATCH,
    /** The snapshot holds a detector that does not score transactions. */
    NOT_A_TRANSACTION_DETECTOR,
    /** The snapshot carries no reference records, so it cannot be checked before it scores. */
    NO_REFERENCE_RECORDS,
    /** The loaded model scores its own reference records differently than when it was written. */
    REFERENCE_SCORES_DIFFER,
    /** Building the model or scoring its reference records failed. */
    MODEL_FAILED
}
