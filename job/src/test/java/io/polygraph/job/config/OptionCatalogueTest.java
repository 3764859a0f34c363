package io.polygraph.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
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
    void defaultsReadAsAUserWritesThem() {
        assertThat(OptionCatalogue.asWritten(Duration.ofDays(7))).isEqualTo("7 d");
        assertThat(OptionCatalogue.asWritten(Duration.ofMillis(50))).isEqualTo("50 ms");
        assertThat(OptionCatalogue.asWritten(List.of(0.05, 0.15, 0.3))).isEqualTo("0.05;0.15;0.3");
        // What the help shows must parse back to the default.
        for (ConfigOption<?> option : OptionCatalogue.options()) {
            if (option.hasDefaultValue()) {
                Configuration written =
                        Configuration.fromMap(
                                Map.of(
                                        option.key(),
                                        OptionCatalogue.asWritten(option.defaultValue())));
                assertThat((Object) written.get(option))
                        .as(option.key())
                        .isEqualTo(option.defaultValue());
            }
        }
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
