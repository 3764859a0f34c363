package io.polygraph.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fitted, versioned feature encoding of a model: vocabularies, standardisation of the profile
 * and transaction features, and how many recent transactions are summarised.
 *
 * <p>Contract: fitted once on the training split ({@link #fit}), stored in the model snapshot as
 * JSON, and applied unchanged at scoring time, so that training and serving compute the same
 * numbers. Only the last {@code recentLimit} recent transactions are used, whatever the caller
 * passes, so that a job keeping a longer history scores like the trainer. Immutable and
 * thread-safe; encoding a record allocates its rows and nothing else.
 */
public final class FeatureEncoding {

    private final int featureSpecVersion;
    private final int recentLimit;
    private final FeatureVocabularies vocabularies;
    private final Standardizer profileStandardizer;
    private final Standardizer transactionStandardizer;
    private final ProfileEncoder profileEncoder;
    private final TransactionEncoder transactionEncoder;

    @JsonCreator
    public FeatureEncoding(
            @JsonProperty("featureSpecVersion") int featureSpecVersion,
            @JsonProperty("recentLimit") int recentLimit,
            @JsonProperty("vocabularies") FeatureVocabularies vocabularies,
            @JsonProperty("profileStandardizer") Standardizer profileStandardizer,
            @JsonProperty("transactionStandardizer") Standardizer transactionStandardizer) {
        if (featureSpecVersion != FeatureSpec.VERSION) {
            throw new IllegalArgumentException(
                    "feature spec version "
                            + featureSpecVersion
                            + " is not supported by this library (version "
                            + FeatureSpec.VERSION
                            + "); retrain the model");
        }
        if (recentLimit < 0) {
            throw new IllegalArgumentException("recentLimit must not be negative: " + recentLimit);
        }
        this.featureSpecVersion = featureSpecVersion;
        this.recentLimit = recentLimit;
        this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
        this.profileStandardizer = Objects.requireNonNull(profileStandardizer);
        this.transactionStandardizer = Objects.requireNonNull(transactionStandardizer);
        this.profileEncoder = new ProfileEncoder(vocabularies);
        this.transactionEncoder = new TransactionEncoder(vocabularies);
        requireWidth("profile", profileEncoder.width(), profileStandardizer);
        requireWidth("transaction", transactionEncoder.width(), transactionStandardizer);
    }

    /** Fits vocabularies and standardisation on training records. */
    public static FeatureEncoding fit(List<MultimodalRecord> records, int recentLimit) {
        FeatureVocabularies vocabularies = FeatureVocabularies.fit(records);
        ProfileEncoder profiles = new ProfileEncoder(vocabularies);
        TransactionEncoder transactions = new TransactionEncoder(vocabularies);
        List<float[]> profileRows = new ArrayList<>();
        List<float[]> transactionRows = new ArrayList<>();
        boolean[] profileContinuous = null;
        boolean[] transactionContinuous = null;
        for (MultimodalRecord record : records) {
            FeatureRow transactionRow =
                    transactions.encode(record.transaction(), lastN(record, recentLimit));
            transactionRows.add(transactionRow.values());
            transactionContinuous = transactionRow.continuousColumns();
            if (record.profile() != null) {
                FeatureRow profileRow = profiles.encode(record.profile(), eventMillis(record));
                profileRows.add(profileRow.values());
                profileContinuous = profileRow.continuousColumns();
            }
        }
        if (profileRows.isEmpty()) {
            throw new IllegalArgumentException("no training record has a profile");
        }
        return new FeatureEncoding(
                FeatureSpec.VERSION,
                recentLimit,
                vocabularies,
                Standardizer.fit(profileRows, profileContinuous),
                Standardizer.fit(transactionRows, transactionContinuous));
    }

    /** Standardised profile features of the record, or null when it has no profile. */
    public float[] profileFeatures(MultimodalRecord record) {
        if (record.profile() == null) {
            return null;
        }
        return profileStandardizer.apply(
                profileEncoder.encode(record.profile(), eventMillis(record)).values());
    }

    /** Standardised features of the record's transaction and recent history. */
    public float[] transactionFeatures(MultimodalRecord record) {
        return transactionFeatures(record.transaction(), record.recentTransactions());
    }

    /** Standardised features of {@code current} after {@code recent} (oldest first). */
    public float[] transactionFeatures(Transaction current, List<Transaction> recent) {
        List<Transaction> window =
                recent.size() <= recentLimit
                        ? recent
                        : recent.subList(recent.size() - recentLimit, recent.size());
        return transactionStandardizer.apply(transactionEncoder.encode(current, window).values());
    }

    /** Number of profile feature columns. */
    public int profileWidth() {
        return profileEncoder.width();
    }

    /** Number of transaction feature columns. */
    public int transactionWidth() {
        return transactionEncoder.width();
    }

    @JsonProperty("featureSpecVersion")
    public int featureSpecVersion() {
        return featureSpecVersion;
    }

    @JsonProperty("recentLimit")
    public int recentLimit() {
        return recentLimit;
    }

    @JsonProperty("vocabularies")
    public FeatureVocabularies vocabularies() {
        return vocabularies;
    }

    @JsonProperty("profileStandardizer")
    public Standardizer profileStandardizer() {
        return profileStandardizer;
    }

    @JsonProperty("transactionStandardizer")
    public Standardizer transactionStandardizer() {
        return transactionStandardizer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureEncoding that
                && featureSpecVersion == that.featureSpecVersion
                && recentLimit == that.recentLimit
                && vocabularies.equals(that.vocabularies)
                && profileStandardizer.equals(that.profileStandardizer)
                && transactionStandardizer.equals(that.transactionStandardizer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                featureSpecVersion,
                recentLimit,
                vocabularies,
                profileStandardizer,
                transactionStandardizer);
    }

    @Override
    public String toString() {
        return "FeatureEncoding[version="
                + featureSpecVersion
                + ", recentLimit="
                + recentLimit
                + ", profile="
                + profileWidth()
                + ", transaction="
                + transactionWidth()
                + "]";
    }

    private static List<Transaction> lastN(MultimodalRecord record, int n) {
        List<Transaction> recent = record.recentTransactions();
        return recent.size() <= n ? recent : recent.subList(recent.size() - n, recent.size());
    }

    private static long eventMillis(MultimodalRecord record) {
        return record.transaction().getEventTime().toEpochMilli();
    }

    private static void requireWidth(String modality, int width, Standardizer standardizer) {
        if (standardizer.width() != width) {
            throw new IllegalArgumentException(
                    modality
                            + " standardizer has "
                            + standardizer.width()
                            + " columns, the encoder "
                            + width);
        }
    }
}
