package io.polygraph.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The few calls of Flink's REST API that submitting and watching a job takes: upload a jar, run it,
 * read a job's state and checkpoint counts, list TaskManagers, cancel. Plain {@link HttpClient}.
 */
public final class FlinkRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Uploads {@code jar} ({@code POST /jars/upload}) and returns its id on the cluster. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "polygraph-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                                + jar.getFileName()
                                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer =
                send(
                        HttpRequest.newBuilder(uri("/jars/upload"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String stored = answer.path("filename").asText();
        return Path.of(stored).getFileName().toString();
    }

    /**
     * Runs the main class of an uploaded jar ({@code POST /jars/<id>/run}) and returns the id of
     * the job it submitted.
     */
    public String runJar(String jarId, String entryClass, int parallelism, List<String> arguments)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.put("parallelism", parallelism);
        request.set("programArgsList", JSON.valueToTree(arguments));
        JsonNode answer =
                send(
                        HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                JSON.writeValueAsString(request))));
        return answer.path("jobid").asText();
    }

    /** The state of a job ({@code RUNNING}, {@code RESTARTING}, {@code FAILED} ...). */
    public String jobState(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Whether the job and every one of its tasks are running. */
    public boolean allTasksRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            JsonNode tasks = vertex.path("tasks");
            if (tasks.path("RUNNING").asInt() != vertex.path("parallelism").asInt()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checkpoint counts of a job (completed, restored, failed) and the ids of its latest completed
     * and latest restored checkpoint, -1 where there is none.
     */
    public record CheckpointCounts(
            int completed,
            int restored,
            int failed,
            long latestCompletedId,
            long latestRestoredId) {}

    public CheckpointCounts checkpoints(String jobId) throws IOException, InterruptedException {
        return checkpointCounts(get("/jobs/" + jobId + "/checkpoints"));
    }

    /** The counts of a {@code /jobs/<id>/checkpoints} answer. */
    static CheckpointCounts checkpointCounts(JsonNode checkpoints) {
        JsonNode counts = checkpoints.path("counts");
        JsonNode latest = checkpoints.path("latest");
        return new CheckpointCounts(
                counts.path("completed").asInt(),
                counts.path("restored").asInt(),
                counts.path("failed").asInt(),
                latest.path("completed").path("id").asLong(-1),
                latest.path("restored").path("id").asLong(-1));
    }

    /**
     * The id of the job's first vertex whose name contains {@code namePart}, e.g. {@code "Source:
     * transactions"} for the chain that starts with that source.
     */
    public String vertexId(String jobId, String namePart) throws IOException, InterruptedException {
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            if (vertex.path("name").asText().contains(namePart)) {
                return vertex.path("id").asText();
            }
        }
        throw new IOException("job " + jobId + " has no vertex named like " + namePart);
    }

    /**
     * The current offset of every Kafka partition that a Kafka source vertex reads, per subtask and
     * partition (the connector's {@code KafkaSourceReader.topic.<t>.partition.<p>.currentOffset}
     * gauges: the offset of the last record its reader fetched, -1 before the first), as the REST
     * API last fetched them from the TaskManagers. Keyed by metric id; empty while no subtask has
     * been assigned a partition.
     */
    public Map<String, Long> kafkaSourceOffsets(String jobId, String vertexId)
            throws IOException, InterruptedException {
        String metrics = "/jobs/" + jobId + "/vertices/" + vertexId + "/metrics";
        List<String> ids = currentOffsetMetrics(get(metrics));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return metricValues(get(metrics + "?get=" + String.join(",", ids)));
    }

    /** The ids of the Kafka source position gauges in a metric listing of the REST API. */
    static List<String> currentOffsetMetrics(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        for (JsonNode metric : listing) {
            String id = metric.path("id").asText();
            if (id.contains(".KafkaSourceReader.topic.") && id.endsWith(".currentOffset")) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** {@code [{"id": ..., "value": "12"}, ...]} as a map of numbers; non-numbers left out. */
    static Map<String, Long> metricValues(JsonNode values) {
        Map<String, Long> byId = new LinkedHashMap<>();
        for (JsonNode metric : values) {
            try {
                byId.put(
                        metric.path("id").asText(),
                        (long) Double.parseDouble(metric.path("value").asText()));
            } catch (NumberFormatException e) {
                // a gauge that has no number yet
            }
        }
        return byId;
    }

    /** Number of TaskManagers registered at the resource manager. */
    public int taskManagers() throws IOException, InterruptedException {
        return get("/taskmanagers").path("taskmanagers").size();
    }

    /** The root exception of a job's latest failure, or an empty string. */
    public String rootException(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/exceptions").path("root-exception").asText("");
    }

    /** Cancels a job ({@code PATCH /jobs/<id>?mode=cancel}). */
    public void cancel(String jobId) throws IOException, InterruptedException {
        send(
                HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** Whether the REST API answers. */
    public boolean isUp() {
        try {
            get("/overview");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        request.timeout(REQUEST_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "Flink REST "
                            + response.request().method()
                            + " "
                            + response.request().uri()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        String body = response.body();
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
