package io.polygraph.features;

import io.polygraph.schema.CustomerProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Encodes a KYC profile, as it stood when a transaction happened, into raw (unstandardised)
 * features.
 *
 * <p>Columns, in order (feature spec version {@link FeatureSpec#VERSION}): age in years, declared
 * income band (ordinal, then one-hot), occupation, source of funds and risk rating one-hot,
 * politically-exposed flag, log declared monthly spend, account currency and nationality one-hot,
 * home country one-hot, account age in years and log days since the last KYC verification. Times
 * are measured at the transaction's event time, not at scoring time, so that replaying history
 * gives the same features. The home address enters as a country only, not as coordinates or region:
 * precise places let the network recognise customers instead of learning what a profile implies
 * about behaviour (see {@link TransactionEncoder}). Deterministic and thread-safe.
 */
public final class ProfileEncoder {

    private static final double DAY_MILLIS = 86_400_000.0;

    private final FeatureVocabularies vocabularies;

    public ProfileEncoder(FeatureVocabularies vocabularies) {
        this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
    }

    /** Number of columns of an encoded profile. */
    public int width() {
        FeatureVocabularies v = vocabularies;
        return 1
                + 1
                + v.incomeBands().size()
                + v.occupations().size()
                + v.sourcesOfFunds().size()
                + v.riskRatings().size()
                + 1
                + 1
                + v.currencies().size()
                + v.nationalities().size()
                + v.countries().size()
                + 2;
    }

    /** The raw features of {@code profile} at {@code atMillis} (the transaction's event time). */
    FeatureRow encode(CustomerProfile profile, long atMillis) {
        FeatureVocabularies v = vocabularies;
        LocalDate day = Instant.ofEpochMilli(atMillis).atOffset(ZoneOffset.UTC).toLocalDate();
        String incomeBand = profile.getIncomeBand().name();
        FeatureRow row = new FeatureRow(width());
        row.number(day.getYear() - profile.getBirthYear())
                .number(profile.getIncomeBand().ordinal())
                .oneHot(v.incomeBands().slot(incomeBand), v.incomeBands().size())
                .oneHot(
                        v.occupations().slot(profile.getOccupation().name()),
                        v.occupations().size())
                .oneHot(
                        v.sourcesOfFunds().slot(profile.getSourceOfFunds().name()),
                        v.sourcesOfFunds().size())
                .oneHot(
                        v.riskRatings().slot(profile.getRiskRating().name()),
                        v.riskRatings().size())
                .flag(profile.getPoliticallyExposed())
                .number(Math.log1p(Math.max(0, profile.getDeclaredMonthlySpendMinor()) / 100.0))
                .oneHot(v.currencies().slot(profile.getCurrency()), v.currencies().size())
                .oneHot(v.nationalities().slot(profile.getNationality()), v.nationalities().size())
                .oneHot(
                        v.countries().slot(profile.getHomeLocation().getCountry()),
                        v.countries().size())
                .number((day.toEpochDay() - profile.getAccountOpenedDate().toEpochDay()) / 365.25)
                .number(
                        Math.log1p(
                                Math.max(0, atMillis - profile.getKycVerifiedAt().toEpochMilli())
                                        / DAY_MILLIS));
        return row;
    }
}
