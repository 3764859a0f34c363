package io.polygraph.topic.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal client of the Confluent Schema Registry REST API, over {@link HttpClient} and Jackson:
 * the two calls a codec needs.
 *
 * <ul>
 *   <li>{@code GET /schemas/ids/{id}}: the schema of an id, answered {@code {"schema": "..."}}
 *       (with {@code "schemaType"} when it is not Avro); 404 with error code 40403 when the id is
 *       unknown.
 *   <li>{@code POST /subjects/{subject}/versions} with {@code {"schema": "..."}}: registers a
 *       schema under a subject, or finds it when it is already there, answered {@code {"id": N}}.
 * </ul>
 *
 * <p>Written here because Confluent's own client is not on Maven Central. It does no caching (the
 * codecs cache per id) and handles no schema references. Failures are sorted by what they mean:
 * connection errors, timeouts, 5xx and 429 are retried {@code attempts} times with doubling backoff
 * and then thrown as {@link SchemaRegistryUnavailableException}; an unknown id is {@link
 * UnknownSchemaIdException} (bad data); any other refusal is {@link SchemaRegistryException}
 * (misconfiguration). Logs carry ids, subjects and status codes, never credentials or schemas.
 */
public final class SchemaRegistryClient {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The registry's own content type; plain JSON is accepted as well. */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String ACCEPT =
            CONTENT_TYPE
                    + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    /** The registry's error code for an unknown schema id, in a 404's body. */
    static final int SCHEMA_NOT_FOUND = 40403;

    /** Attempts per request by default: about 1.5 s of backoff before giving up. */
    public static final int DEFAULT_ATTEMPTS = 4;

    /** Wait before the first retry by default; doubled before each further one. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final RegistrySettings settings;
    private final int attempts;
    private final Duration backoff;
    private final HttpClient http;

    /** A client of the registry of {@code settings} with the default retries. */
    public SchemaRegistryClient(RegistrySettings settings) {
        this(settings, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
    }

    /**
     * A client that tries each request up to {@code attempts} times, waiting {@code backoff} before
     * the first retry and twice as long before each further one.
     */
    public SchemaRegistryClient(RegistrySettings settings, int attempts, Duration backoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * The schema registered with {@code id}, as the registry holds it (JSON text).
     *
     * @throws UnknownSchemaIdException when the registry has no schema of that id
     * @throws IncompatibleWriterSchemaException when the schema is not an Avro schema
     * @throws SchemaRegistryUnavailableException when the registry cannot be reached
     * @throws SchemaRegistryException when the registry refuses the request otherwise
     */
    public String schemaById(int id)
            throws UnknownSchemaIdException, IncompatibleWriterSchemaException {
        HttpResponse<String> response = send(get("/schemas/ids/" + id), "schema id " + id);
        if (response.statusCode() == 404 && errorCode(response) == SCHEMA_NOT_FOUND) {
            throw new UnknownSchemaIdException(id);
        }
        JsonNode body = okBody(response, "schema id " + id);
        String schemaType = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(schemaType)) {
            throw new IncompatibleWriterSchemaException(
                    "schema id " + id + " is a " + schemaType + " schema, not Avro");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SchemaRegistryException(
                    "the schema registry's answer for schema id " + id + " has no schema");
        }
        return schema.asText();
    }

    /**
     * The id of {@code schema} under {@code subject}, registering it when it is not there yet.
     *
     * @throws SchemaRegistryUnavailableException when the registry cannot be reached
     * @throws SchemaRegistryException when the registry refuses the schema (incompatible with the
     *     subject's, invalid) or the request
     */
    public int register(String subject, Schema schema) {
        String path =
                "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions";
        String payload = JSON.createObjectNode().put("schema", schema.toString()).toString();
        HttpRequest request =
                request(path)
                        .header("Content-Type", CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build();
        JsonNode body = okBody(send(request, "subject " + subject), "subject " + subject);
        JsonNode id = body.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException(
                    "the schema registry's answer for subject " + subject + " has no id");
        }
        LOG.info("Schema of subject {} has registry id {}", subject, id.asInt());
        return id.asInt();
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        String base = settings.url().toString();
        URI uri =
                URI.create(
                        base.endsWith("/")
                                ? base.substring(0, base.length() - 1) + path
                                : base + path);
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", ACCEPT);
        settings.basicAuth()
                .ifPresent(
                        userInfo ->
                                builder.header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                userInfo.getBytes(
                                                                        StandardCharsets.UTF_8))));
        return builder;
    }

    /** Sends {@code request}, retrying what may pass on its own: I/O errors, 5xx and 429. */
    private HttpResponse<String> send(HttpRequest request, String what) {
        IOException lastFailure = null;
        Duration wait = backoff;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleep(wait, what);
                wait = wait.multipliedBy(2);
            }
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                if (!isTransient(response.statusCode())) {
                    return response;
                }
                lastFailure = new IOException("HTTP " + response.statusCode());
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable(what, new IOException("interrupted", e));
            }
            LOG.warn(
                    "Schema registry {} failed for {} (attempt {} of {}): {}",
                    settings.describeUrl(),
                    what,
                    attempt,
                    attempts,
                    lastFailure.toString());
        }
        throw unavailable(what, lastFailure);
    }

    private static boolean isTransient(int status) {
        return status >= 500 || status == 429;
    }

    private void sleep(Duration wait, String what) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what, new IOException("interrupted", e));
        }
    }

    private SchemaRegistryUnavailableException unavailable(String what, IOException cause) {
        return new SchemaRegistryUnavailableException(
                "schema registry "
                        + settings.describeUrl()
                        + " unavailable for "
                        + what
                        + " after "
                        + attempts
                        + " attempt(s): "
                        + cause,
                cause);
    }

    private JsonNode okBody(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            // The registry's message names the problem (incompatible schema, unauthorised); it
            // quotes no credentials.
            throw new SchemaRegistryException(
                    "schema registry "
                            + settings.describeUrl()
                            + " refused the request for "
                            + what
                            + ": HTTP "
                            + status
                            + errorDetail(response));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    "schema registry "
                            + settings.describeUrl()
                            + " answered the request for "
                            + what
                            + " with a body that is not JSON");
        }
    }

    private static int errorCode(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("error_code").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String errorDetail(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            String message = body.path("message").asText("");
            int code = body.path("error_code").asInt(-1);
            return (code < 0 ? "" : " (error code " + code + ")")
                    + (message.isEmpty() ? "" : ": " + truncate(message));
        } catch (IOException e) {
            return "";
        }
    }

    private static String truncate(String message) {
        return message.length() <= 300 ? message : message.substring(0, 297) + "...";
    }
}
