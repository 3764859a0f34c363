package io.polygraph.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.flink.configuration.Configuration;

/**
 * Flink's Prometheus reporter on a free local port, and a scrape of what it exports: the metrics a
 * bank's Prometheus would collect from the job.
 *
 * <p>Contract: {@link #sum} adds the values of every sample whose metric name ends with the given
 * name (one per subtask, whatever the scope prefix and labels); Prometheus names have {@code _}
 * where Flink's metric identifiers have {@code .}.
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
        double sum = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int labels = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = line.substring(0, labels >= 0 ? labels : space);
            if (metric.endsWith(suffix)) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
