package io.polygraph.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * Flink's Prometheus reporter on a free local port, and a scrape of what it exports: the metrics a
 * bank's Prometheus would collect from the job.
 *
 * <p>Contract: {@link #samples} lists, and {@link #sum} adds the values of, every sample whose
 * metric name ends with the given name (one per subtask, whatever the scope prefix and labels);
 * Prometheus names have {@code _} where Flink's metric identifiers have {@code .}.
 */
final class PrometheusScrape {

    private final int port = freePort();

    /** {@code config} with the Prometheus reporter on this scrape's port. */
    Configuration addTo(Configuration config) {
        config.setString(
                "metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        config.setString("metrics.reporter.prom.port", String.valueOf(port));
        return config;
    }

    /** The sum over every exported sample of the metric whose name ends with {@code name}. */
    double sum(String name) throws IOException, InterruptedException {
        double sum = 0;
        for (String sample : samples(name)) {
            sum += value(sample);
        }
        return sum;
    }

    /** The value of one sample line: what follows its last space. */
    static double value(String sample) {
        String trimmed = sample.strip();
        return Double.parseDouble(trimmed.substring(trimmed.lastIndexOf(' ') + 1));
    }

    /**
     * Every exported sample line (name, labels, value) of the metric whose name ends with {@code
     * name}.
     */
    List<String> samples(String name) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Prometheus endpoint answered " + response.statusCode());
        }
        String suffix = name.replace('.', '_');
        List<String> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            line = line.strip();
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int labels = line.indexOf('{');
            String metric = line.substring(0, labels >= 0 ? labels : line.lastIndexOf(' '));
            if (metric.endsWith(suffix)) {
                samples.add(line);
            }
        }
        return samples;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
