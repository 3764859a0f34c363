package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEncodingTest {

    private static List<MultimodalRecord> training() {
        List<MultimodalRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(
                    TestRecords.record("c" + i, 1_000 + 500L * i, i % 2 == 0 ? "5411" : "5812"));
        }
        return records;
    }

    @Test
    void fittedColumnsHaveZeroMeanAndUnitSpreadOnTheTrainingData() {
        List<MultimodalRecord> records = training();
        FeatureEncoding encoding = FeatureEncoding.fit(records, 20);

        // Column 0 of a transaction is its log amount, continuous and varying.
        double sum = 0;
        double sumSquares = 0;
        for (MultimodalRecord record : records) {
            float value = encoding.transactionFeatures(record)[0];
            sum += value;
            sumSquares += value * value;
        }
        assertThat(sum / records.size()).isCloseTo(0, within(1e-5));
        assertThat(sumSquares / records.size()).isCloseTo(1, within(1e-4));
        assertThat(encoding.transactionFeatures(records.get(0)))
                .hasSize(encoding.transactionWidth());
        assertThat(encoding.profileFeatures(records.get(0))).hasSize(encoding.profileWidth());
    }

    @Test
    void unknownMerchantCategoriesShareTheOtherSlot() {
        FeatureEncoding encoding = FeatureEncoding.fit(training(), 20);

        float[] unknownA = encoding.transactionFeatures(TestRecords.record("x", 2_000, "9999"));
        float[] unknownB = encoding.transactionFeatures(TestRecords.record("x", 2_000, "0001"));
        float[] known = encoding.transactionFeatures(TestRecords.record("x", 2_000, "5411"));

        assertThat(unknownA).containsExactly(unknownB);
        assertThat(unknownA).isNotEqualTo(known);
        // Category one-hot starts at column 1, slot 0 is "other".
        assertThat(unknownA[1]).isEqualTo(1f);
        assertThat(known[1]).isZero();
    }

    @Test
    void usesOnlyTheLastRecentLimitTransactions() {
        FeatureEncoding encoding = FeatureEncoding.fit(training(), 1);
        MultimodalRecord record = TestRecords.record("c1", 2_000, "5411");
        List<Transaction> recent = record.recentTransactions();

        float[] all = encoding.transactionFeatures(record.transaction(), recent);
        float[] lastOnly = encoding.transactionFeatures(record.transaction(), recent.subList(1, 2));

        assertThat(all).containsExactly(lastOnly);
    }

    @Test
    void missingProfileGivesNoProfileFeatures() {
        FeatureEncoding encoding = FeatureEncoding.fit(training(), 20);
        MultimodalRecord record = TestRecords.record("c1", 2_000, "5411");
        MultimodalRecord withoutProfile =
                new MultimodalRecord(
                        record.transaction(), record.recentTransactions(), null, null, null);

        assertThat(encoding.profileFeatures(withoutProfile)).isNull();
    }

    @Test
    void jsonRoundTripEncodesIdentically() throws Exception {
        FeatureEncoding encoding = FeatureEncoding.fit(training(), 20);
        ObjectMapper mapper = new ObjectMapper();

        FeatureEncoding read =
                mapper.readValue(mapper.writeValueAsString(encoding), FeatureEncoding.class);

        MultimodalRecord record = TestRecords.record("c7", 12_345, "5812");
        assertThat(read.transactionFeatures(record))
                .containsExactly(encoding.transactionFeatures(record));
        assertThat(read.profileFeatures(record)).containsExactly(encoding.profileFeatures(record));
    }

    @Test
    void refusesAnotherFeatureSpecVersion() {
        FeatureEncoding encoding = FeatureEncoding.fit(training(), 20);

        assertThatThrownBy(
                        () ->
                                new FeatureEncoding(
                                        FeatureSpec.VERSION + 1,
                                        20,
                                        encoding.vocabularies(),
                                        encoding.profileStandardizer(),
                                        encoding.transactionStandardizer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature spec version");
    }
}
