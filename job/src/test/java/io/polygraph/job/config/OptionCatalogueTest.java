package io.polygraph.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class OptionCatalogueTest {

    @Test
    void listsEveryOptionWithItsDefaultAndDescription() {
        assertThat(OptionCatalogue.entries())
                .extracting(OptionCatalogue.Entry::key)
                .contains(
                        PolygraphOptions.BATCH_SIZE.key(),
                        PolygraphOptions.BOOTSTRAP_SERVERS.key(),
                        PolygraphOptions.MODEL_SNAPSHOT_PATH.key())
                .isSorted()
                .allMatch(key -> key.startsWith(OptionCatalogue.PREFIX));
        assertThat(OptionCatalogue.entries())
                .filteredOn(entry -> entry.key().equals(PolygraphOptions.BATCH_SIZE.key()))
                .singleElement()
                .satisfies(
                        entry -> {
                            assertThat(entry.defaultValue()).isEqualTo("256");
                            assertThat(entry.description()).isNotBlank();
                        });
        assertThat(OptionCatalogue.entries())
                .filteredOn(entry -> entry.key().equals(PolygraphOptions.BOOTSTRAP_SERVERS.key()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.defaultValue()).isEqualTo("(none)"));
    }

    @Test
    void unknownKeysAreThoseUnderThePrefixThatNoOptionHas() {
        Configuration config =
                Configuration.fromMap(
                        Map.of(
                                PolygraphOptions.BATCH_SIZE.key(),
                                "1",
                                "polygraph.scoring.batchsize",
                                "1",
                                "polygraph.nonsense",
                                "1",
                                PolygraphOptions.KAFKA_PROPERTIES_PREFIX + "acks",
                                "all",
                                "parallelism.default",
                                "2"));

        assertThat(OptionCatalogue.unknownKeys(config))
                .containsExactly("polygraph.nonsense", "polygraph.scoring.batchsize");
        assertThat(OptionCatalogue.closestKey("polygraph.scoring.batchsize"))
                .contains(PolygraphOptions.BATCH_SIZE.key());
        assertThat(OptionCatalogue.closestKey("polygraph.nonsense")).isEmpty();
    }
}
