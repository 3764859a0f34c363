package io.polygraph.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.topic.AvroCodec;
import io.polygraph.topic.Topics;
import io.polygraph.topic.confluent.ConfluentCodec;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The wire-format options: the Confluent mode's registry settings and how they are checked. */
class ConfluentWireFormatSettingsTest {

    private static final String URL = "http://registry.example:8081";

    @Test
    void singleObjectIsTheDefaultAndNeedsNoRegistry() {
        JobSettings settings = JobSettings.defaults();

        assertThat(settings.wireFormat()).isEqualTo(WireFormat.SINGLE_OBJECT);
        assertThat(settings.schemaRegistry()).isEmpty();
        assertThat(settings.transactionsTopic().codec()).isInstanceOf(AvroCodec.class);
        assertThat(settings.alertsTopic().codec()).isInstanceOf(AvroCodec.class);
    }

    @Test
    void confluentPutsEveryTopicOnTheRegistryUnderItsValueSubject() {
        Configuration config = confluent();
        config.set(PolygraphOptions.ALERTS_TOPIC, "alerts-x");

        JobSettings settings = JobSettings.from(config);

        assertThat(settings.wireFormat()).isEqualTo(WireFormat.CONFLUENT);
        assertThat(settings.schemaRegistry().orElseThrow().describeUrl()).isEqualTo(URL);
        for (var topic :
                List.of(
                        settings.transactionsTopic(),
                        settings.profilesTopic(),
                        settings.signaturesTopic(),
                        settings.alertsTopic(),
                        settings.deadLettersTopic())) {
            assertThat(topic.codec()).isInstanceOf(ConfluentCodec.class);
            assertThat(((ConfluentCodec<?>) topic.codec()).subject())
                    .isEqualTo(topic.name() + "-value");
        }
        assertThat(((ConfluentCodec<?>) settings.alertsTopic().codec()).subject())
                .isEqualTo("alerts-x-value");
        assertThat(settings.transactionsTopic().name()).isEqualTo(Topics.TRANSACTIONS_NAME);
    }

    @Test
    void theWireFormatIsWrittenAsTheHelpShowsIt() {
        Configuration config = new Configuration();
        config.setString(PolygraphOptions.WIRE_FORMAT.key(), "confluent");
        config.setString(PolygraphOptions.SCHEMA_REGISTRY_URL.key(), URL);
        assertThat(JobSettings.from(config).wireFormat()).isEqualTo(WireFormat.CONFLUENT);

        Configuration single = new Configuration();
        single.setString(PolygraphOptions.WIRE_FORMAT.key(), "single-object");
        assertThat(JobSettings.from(single).wireFormat()).isEqualTo(WireFormat.SINGLE_OBJECT);
        assertThat(OptionCatalogue.asWritten(PolygraphOptions.WIRE_FORMAT.defaultValue()))
                .isEqualTo("single-object");
    }

    @Test
    void anUnknownWireFormatNamesTheKey() {
        Configuration config = new Configuration();
        config.setString(PolygraphOptions.WIRE_FORMAT.key(), "protobuf");

        assertInvalid(config, PolygraphOptions.WIRE_FORMAT.key());
    }

    @Test
    void confluentWithoutARegistryUrlNamesTheUrlKey() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.WIRE_FORMAT, WireFormat.CONFLUENT);

        assertInvalid(config, PolygraphOptions.SCHEMA_REGISTRY_URL.key())
                .hasMessageContaining("must be set");
    }

    @Test
    void aRegistryUrlThatIsNotHttpNamesTheUrlKey() {
        for (String bad : List.of("registry:8081", "ftp://registry:8081", "http://", "not a url")) {
            Configuration config = confluent();
            config.set(PolygraphOptions.SCHEMA_REGISTRY_URL, bad);

            assertInvalid(config, PolygraphOptions.SCHEMA_REGISTRY_URL.key());
        }
    }

    @Test
    void userInfoWithoutAColonNamesTheKeyButNotTheValue() {
        Configuration config = confluent();
        config.set(PolygraphOptions.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "only-a-s3cret");

        assertInvalid(config, PolygraphOptions.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO.key())
                .hasMessageNotContaining("only-a-s3cret");
    }

    @Test
    void theCredentialsAreKeptButNeverPrinted() {
        Configuration config = confluent();
        config.set(PolygraphOptions.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "svc:s3cret");

        JobSettings settings = JobSettings.from(config);

        assertThat(settings.schemaRegistry().orElseThrow().basicAuth()).contains("svc:s3cret");
        assertThat(settings.toString()).contains("confluent").doesNotContain("s3cret");
    }

    @Test
    void registrySettingsWithoutTheConfluentFormatAreRefused() {
        Configuration url = new Configuration();
        url.set(PolygraphOptions.SCHEMA_REGISTRY_URL, URL);
        assertInvalid(url, PolygraphOptions.SCHEMA_REGISTRY_URL.key())
                .hasMessageContaining(PolygraphOptions.WIRE_FORMAT.key());

        Configuration userInfo = new Configuration();
        userInfo.set(PolygraphOptions.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "svc:s3cret");
        assertInvalid(userInfo, PolygraphOptions.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO.key())
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void writerSchemaFilesAreRefusedWithTheRegistry() {
        Configuration config = confluent();
        config.set(PolygraphOptions.WRITER_SCHEMAS, List.of("/some/folder"));

        assertInvalid(config, PolygraphOptions.WRITER_SCHEMAS.key())
                .hasMessageContaining("schema registry");
    }

    private static Configuration confluent() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.WIRE_FORMAT, WireFormat.CONFLUENT);
        config.set(PolygraphOptions.SCHEMA_REGISTRY_URL, URL);
        return config;
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable>
            assertInvalid(Configuration config, String key) {
        return assertThatThrownBy(() -> JobSettings.from(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }
}
