package io.polygraph.topic.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.polygraph.schema.Alert;
import io.polygraph.schema.Transaction;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaRegistryClient} against {@link StandInSchemaRegistry}, a local HTTP server that
 * stands in for a Confluent Schema Registry (none can run here) with the two endpoints the client
 * uses.
 */
class SchemaRegistryClientTest {

    private StandInSchemaRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = StandInSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void registersASchemaUnderItsSubjectAndFindsItAgain() {
        SchemaRegistryClient client = client(RegistrySettings.at(registry.url()));

        int id = client.register("polygraph.alerts-value", Alert.getClassSchema());

        assertThat(client.register("polygraph.alerts-value", Alert.getClassSchema())).isEqualTo(id);
        assertThat(registry.requests())
                .containsExactly(
                        "POST /subjects/polygraph.alerts-value/versions",
                        "POST /subjects/polygraph.alerts-value/versions");
        assertThat(new Schema.Parser().parse(registry.schemaText(id)))
                .isEqualTo(Alert.getClassSchema());
    }

    @Test
    void readsTheSchemaOfAnId() throws IOException {
        int id = registry.register("t-value", Transaction.getClassSchema());

        String schema = client(RegistrySettings.at(registry.url())).schemaById(id);

        assertThat(new Schema.Parser().parse(schema)).isEqualTo(Transaction.getClassSchema());
        assertThat(registry.requests()).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void anUnknownIdIsUnknownSchemaIdNotAFailureOfTheRegistry() {
        SchemaRegistryClient client = client(RegistrySettings.at(registry.url()));

        assertThatThrownBy(() -> client.schemaById(42))
                .isInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("42");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void aNotFoundThatIsNotTheRegistrysIsAMisconfigurationNotAnUnknownId() {
        // A URL with a wrong path answers 404 without the registry's error code 40403.
        SchemaRegistryClient client =
                client(RegistrySettings.at(registry.url() + "/not-the-registry"));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void retriesServerErrorsWithBackoffAndThenSucceeds() throws IOException {
        int id = registry.register("t-value", Transaction.getClassSchema());
        registry.failNext(2, 503);

        String schema = client(RegistrySettings.at(registry.url())).schemaById(id);

        assertThat(schema).isNotNull();
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void givesUpAfterItsAttemptsWithAnUncheckedUnavailableError() {
        registry.failNext(10, 500);
        SchemaRegistryClient client = client(RegistrySettings.at(registry.url()));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isNotInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("after 3 attempt(s)")
                .hasMessageContaining("HTTP 500");
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void aRegistryThatRefusesConnectionsIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryClient client = client(RegistrySettings.at("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> client.register("s-value", Alert.getClassSchema()))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
    }

    @Test
    void sendsBasicAuthAndNeverShowsTheCredentials() throws IOException {
        RegistrySettings settings =
                RegistrySettings.at(registry.url()).withBasicAuth("svc-polygraph:s3cret");
        int id = registry.register("t-value", Transaction.getClassSchema());

        client(settings).schemaById(id);
        registry.failNext(10, 500);
        Throwable failure = catchThrowable(() -> client(settings).schemaById(id));

        assertThat(registry.authorizations().get(0))
                .isEqualTo(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "svc-polygraph:s3cret"
                                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(settings.toString()).doesNotContain("s3cret").contains("****");
        assertThat(failure).hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> RegistrySettings.at("ftp://registry:8081"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistrySettings.at("http://r:8081").withBasicAuth("no-colon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("no-colon");
    }

    /** Three attempts, 1 ms apart: the retries are checked, not the waiting. */
    private static SchemaRegistryClient client(RegistrySettings settings) {
        return new SchemaRegistryClient(settings, 3, Duration.ofMillis(1));
    }
}
