package io.polygraph.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.Channel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.Occupation;
import io.polygraph.schema.RiskRating;
import io.polygraph.schema.SourceOfFunds;
import io.polygraph.schema.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every vocabulary the feature encoding uses, fitted together on the training records and stored in
 * the model snapshot.
 *
 * <p>Open-ended strings (merchant category codes, countries, regions, currencies, nationalities)
 * are fitted on the values seen in training; enums take the schema's symbols at fitting time, so
 * that a symbol added to a schema later maps to "other" instead of shifting the one-hot columns of
 * a model trained before it.
 *
 * @param merchantCategories merchant category codes of transactions
 * @param channels transaction channels
 * @param currencies currencies of transactions and accounts
 * @param countries countries of transaction locations and home locations
 * @param regions regions of transaction locations and home locations
 * @param occupations profile occupations
 * @param incomeBands profile income bands
 * @param sourcesOfFunds profile sources of funds
 * @param riskRatings profile risk ratings
 * @param nationalities profile nationalities
 */
public record FeatureVocabularies(
        Vocabulary merchantCategories,
        Vocabulary channels,
        Vocabulary currencies,
        Vocabulary countries,
        Vocabulary regions,
        Vocabulary occupations,
        Vocabulary incomeBands,
        Vocabulary sourcesOfFunds,
        Vocabulary riskRatings,
        Vocabulary nationalities) {

    @JsonCreator
    public FeatureVocabularies(
            @JsonProperty("merchantCategories") Vocabulary merchantCategories,
            @JsonProperty("channels") Vocabulary channels,
            @JsonProperty("currencies") Vocabulary currencies,
            @JsonProperty("countries") Vocabulary countries,
            @JsonProperty("regions") Vocabulary regions,
            @JsonProperty("occupations") Vocabulary occupations,
            @JsonProperty("incomeBands") Vocabulary incomeBands,
            @JsonProperty("sourcesOfFunds") Vocabulary sourcesOfFunds,
            @JsonProperty("riskRatings") Vocabulary riskRatings,
            @JsonProperty("nationalities") Vocabulary nationalities) {
        this.merchantCategories = Objects.requireNonNull(merchantCategories);
        this.channels = Objects.requireNonNull(channels);
        this.currencies = Objects.requireNonNull(currencies);
        this.countries = Objects.requireNonNull(countries);
        this.regions = Objects.requireNonNull(regions);
        this.occupations = Objects.requireNonNull(occupations);
        this.incomeBands = Objects.requireNonNull(incomeBands);
        this.sourcesOfFunds = Objects.requireNonNull(sourcesOfFunds);
        this.riskRatings = Objects.requireNonNull(riskRatings);
        this.nationalities = Objects.requireNonNull(nationalities);
    }

    /** Fits the open-ended vocabularies on the records' transactions and profiles. */
    public static FeatureVocabularies fit(List<MultimodalRecord> records) {
        List<String> categories = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<String> nationalities = new ArrayList<>();
        for (MultimodalRecord record : records) {
            Transaction transaction = record.transaction();
            categories.add(transaction.getMerchantCategory());
            currencies.add(transaction.getCurrency());
            countries.add(transaction.getLocation().getCountry());
            regions.add(transaction.getLocation().getRegion());
            CustomerProfile profile = record.profile();
            if (profile != null) {
                currencies.add(profile.getCurrency());
                countries.add(profile.getHomeLocation().getCountry());
                regions.add(profile.getHomeLocation().getRegion());
                nationalities.add(profile.getNationality());
            }
        }
        return new FeatureVocabularies(
                Vocabulary.of(categories),
                Vocabulary.ofEnum(Channel.class),
                Vocabulary.of(currencies),
                Vocabulary.of(countries),
                Vocabulary.of(regions),
                Vocabulary.ofEnum(Occupation.class),
                Vocabulary.ofEnum(IncomeBand.class),
                Vocabulary.ofEnum(SourceOfFunds.class),
                Vocabulary.ofEnum(RiskRating.class),
                Vocabulary.of(nationalities));
    }
}
