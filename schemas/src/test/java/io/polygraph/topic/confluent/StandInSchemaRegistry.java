package io.polygraph.topic.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A stand-in for a Confluent Schema Registry, which cannot run on the machine these tests run on
 * (no Docker, and Confluent's artifacts are not on Maven Central): a {@link HttpServer} on a free
 * local port that implements just the two documented endpoints the client uses, {@code GET
 * /schemas/ids/{id}} and {@code POST /subjects/{subject}/versions}, with the registry's 404 body
 * (error code 40403) for an unknown id. Ids are given out from 1 and are the same for the same
 * schema text, as in the registry; compatibility is not checked.
 *
 * <p>It can be told to answer the next requests with an error status, to check retries, and it
 * records the requests it received.
 */
public final class StandInSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");

    private final HttpServer server;
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> subjects = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private final List<String> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    private StandInSchemaRegistry(HttpServer server) {
        this.server = server;
    }

    /** A registry listening on a free port of the loopback interface. */
    public static StandInSchemaRegistry start() throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInSchemaRegistry registry = new StandInSchemaRegistry(server);
        server.createContext("/", registry::handle);
        server.start();
        return registry;
    }

    /** The base URL, as the job's option takes it. */
    public String url() {
        return "http://"
                + server.getAddress().getHostString()
                + ":"
                + server.getAddress().getPort();
    }

    /** Registers {@code schema} as a producer would, and returns its id. */
    public int register(String subject, Schema schema) {
        String text = schema.toString();
        int id = idsBySchema.computeIfAbsent(text, t -> nextId.getAndIncrement());
        schemasById.put(id, text);
        subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    /** The schema text of {@code id}, or null. */
    public String schemaText(int id) {
        return schemasById.get(id);
    }

    /** Answers the next {@code count} requests with {@code status} instead of serving them. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** Method and path of every request received, in order. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The Authorization header of every request received (null where there was none). */
    public synchronized List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            synchronized (this) {
                requests.add(exchange.getRequestMethod() + " " + path);
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, failureStatus, error(50001, "stand-in failure"));
                return;
            }
            Matcher byId = SCHEMA_BY_ID.matcher(path);
            Matcher register = REGISTER.matcher(path);
            if ("GET".equals(exchange.getRequestMethod()) && byId.matches()) {
                String schema = schemasById.get(Integer.parseInt(byId.group(1)));
                if (schema == null) {
                    respond(exchange, 404, error(40403, "Schema not found"));
                } else {
                    respond(exchange, 200, JSON.createObjectNode().put("schema", schema));
                }
            } else if ("POST".equals(exchange.getRequestMethod()) && register.matches()) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                Schema schema = new Schema.Parser().parse(body.get("schema").asText());
                String subject = URLDecoder.decode(register.group(1), StandardCharsets.UTF_8);
                respond(
                        exchange,
                        200,
                        JSON.createObjectNode().put("id", register(subject, schema)));
            } else {
                respond(exchange, 404, error(404, "HTTP 404 Not Found"));
            }
        }
    }

    private static JsonNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
