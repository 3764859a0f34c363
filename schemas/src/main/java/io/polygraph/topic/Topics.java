package io.polygraph.topic;

import io.polygraph.schema.Alert;
import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ShadowScore;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;

/**
 * The topics of Polygraph with their default names. Every topic is keyed by entity id (UTF-8),
 * except the dead letters, which keep the original key.
 *
 * <p>Use {@code withName} style factories ({@link #transactions(String)} ...) to point at topics of
 * another name; the codec goes with the record type, not the name.
 */
public final class Topics {
    public static final String TRANSACTIONS_NAME = "polygraph.transactions";
    public static final String PROFILES_NAME = "polygraph.profiles";
    public static final String SIGNATURES_NAME = "polygraph.signatures";
    public static final String ALERTS_NAME = "polygraph.alerts";
    public static final String DEAD_LETTERS_NAME = "polygraph.dead-letters";
    public static final String LABELS_NAME = "polygraph.labels";
    public static final String MODEL_UPDATES_NAME = "polygraph.model-updates";
    public static final String SHADOW_SCORES_NAME = "polygraph.shadow-scores";

    public static final Topic<Transaction> TRANSACTIONS = transactions(TRANSACTIONS_NAME);
    public static final Topic<CustomerProfile> PROFILES = profiles(PROFILES_NAME);
    public static final Topic<SignatureImage> SIGNATURES = signatures(SIGNATURES_NAME);
    public static final Topic<Alert> ALERTS = alerts(ALERTS_NAME);
    public static final Topic<DeadLetter> DEAD_LETTERS = deadLetters(DEAD_LETTERS_NAME);
    public static final Topic<AnomalyLabel> LABELS = labels(LABELS_NAME);
    public static final Topic<ModelAnnouncement> MODEL_UPDATES = modelUpdates(MODEL_UPDATES_NAME);
    public static final Topic<ShadowScore> SHADOW_SCORES = shadowScores(SHADOW_SCORES_NAME);

    private Topics() {}

    public static Topic<Transaction> transactions(String name) {
        return new Topic<>(name, AvroCodec.of(Transaction.class));
    }

    public static Topic<CustomerProfile> profiles(String name) {
        return new Topic<>(name, AvroCodec.of(CustomerProfile.class));
    }

    public static Topic<SignatureImage> signatures(String name) {
        return new Topic<>(name, AvroCodec.of(SignatureImage.class));
    }

    public static Topic<Alert> alerts(String name) {
        return new Topic<>(name, AvroCodec.of(Alert.class));
    }

    public static Topic<DeadLetter> deadLetters(String name) {
        return new Topic<>(name, AvroCodec.of(DeadLetter.class));
    }

    public static Topic<AnomalyLabel> labels(String name) {
        return new Topic<>(name, AvroCodec.of(AnomalyLabel.class));
    }

    /** The control topic on which new model snapshots are announced (keyed by version). */
    public static Topic<ModelAnnouncement> modelUpdates(String name) {
        return new Topic<>(name, AvroCodec.of(ModelAnnouncement.class));
    }

    public static Topic<ShadowScore> shadowScores(String name) {
        return new Topic<>(name, AvroCodec.of(ShadowScore.class));
    }
}
