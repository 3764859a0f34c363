package io.polygraph.job;

/**
 * The stable uid and readable name of every operator of the job.
 *
 * <p>Uids tie operator state in savepoints to operators: changing one orphans its state (the join's
 * pending transactions, the sources' offsets). Names are free to change; they are what the Flink UI
 * and metric scopes show.
 */
public enum OperatorIds {
    TRANSACTIONS_SOURCE("polygraph-transactions-source", "Source: transactions"),
    PROFILES_SOURCE("polygraph-profiles-source", "Source: profiles"),
    SIGNATURES_SOURCE("polygraph-signatures-source", "Source: signatures"),
    TRANSACTIONS_DECODE("polygraph-transactions-decode", "Decode and validate transactions"),
    PROFILES_DECODE("polygraph-profiles-decode", "Decode and validate profiles"),
    SIGNATURES_DECODE("polygraph-signatures-decode", "Decode and validate signatures"),
    TRANSACTIONS_EVENTS("polygraph-transactions-events", "Transactions to entity events"),
    PROFILES_EVENTS("polygraph-profiles-events", "Profiles to entity events"),
    SIGNATURES_EVENTS("polygraph-signatures-events", "Signatures to entity events"),
    ENTITY_JOIN("polygraph-entity-join", "Join by entity"),
    LATE_RECORDS_DEAD_LETTERS(
            "polygraph-late-records-dead-letters", "Late records to dead letters"),
    BATCH_SCORING("polygraph-batch-scoring", "Batch scoring"),
    ALERTS_SINK("polygraph-alerts-sink", "Sink: alerts"),
    DEAD_LETTERS_SINK("polygraph-dead-letters-sink", "Sink: dead letters"),
    ALERT_POLICY("polygraph-alert-policy", "Alert policy"),
    MODEL_UPDATES_SOURCE("polygraph-model-updates-source", "Source: model updates"),
    MODEL_UPDATES_DECODE("polygraph-model-updates-decode", "Decode and validate model updates"),
    SHADOW_SCORES_SINK("polygraph-shadow-scores-sink", "Sink: shadow scores");

    private final String uid;
    private final String displayName;

    OperatorIds(String uid, String displayName) {
        this.uid = uid;
        this.displayName = displayName;
    }

    /** The uid; never change it for a deployed job. */
    public String uid() {
        return uid;
    }

    /** The name shown in the Flink UI and metric scopes. */
    public String displayName() {
        return displayName;
    }
}
