package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/gpu-bundle} as issue 8 asks for it: one folder under 64 MiB with its own Java
 * runtime, jars without ND4J's native libraries or any ND4J class but the FlatBuffers ones, a
 * trained default detector and records, the cuda backend with only the CUDA bindings it uses, and a
 * script that runs the backend benchmark from there (here on the portable backend alone: this
 * machine has no GPU). An integration test because it needs the deploy module packaged.
 */
class GpuBundleITCase {

    private static final Path ROOT =
            Path.of(System.getProperty("polygraph.deploy.target"))
                    .toAbsolutePath()
                    .getParent()
                    .getParent();
    private static final long LIMIT_BYTES = 64L * 1024 * 1024;

    /** JavaCPP's own and the cuda backend's: the CUDA runtime, cuBLAS and NVRTC bindings. */
    private static final java.util.Set<String> ALLOWED_NATIVES =
            java.util.Set.of(
                    "libjnijavacpp.so", "libjnicudart.so", "libjnicublas.so", "libjninvrtc.so");

    @TempDir Path work;

    @Test
    void theBundleRunsTheBenchmarkWithItsOwnRuntimeAndNoNd4jBackend() throws Exception {
        Path bundle = work.resolve("bundle");
        String packaged =
                run(
                        ROOT,
                        ROOT.resolve("deploy/gpu-bundle").toString(),
                        "--customers",
                        "5",
                        bundle.toString());
        assertThat(packaged).contains("backends: portable,cuda");

        assertThat(sizeOf(bundle)).isLessThan(LIMIT_BYTES);
        assertThat(bundle.resolve("runtime/bin/java")).isExecutable();
        assertThat(bundle.resolve("snapshot.zip")).isRegularFile();
        assertThat(bundle.resolve("records.avro")).isRegularFile();
        for (Path jar : jars(bundle.resolve("lib"))) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(
                                zip.stream()
                                        .map(entry -> entry.getName())
                                        .filter(GpuBundleITCase::forbidden))
                        .as("ND4J classes or other native libraries in %s", jar.getFileName())
                        .isEmpty();
            }
        }

        String benchmark =
                run(
                        bundle,
                        bundle.resolve("run-gpu-benchmark").toString(),
                        "--backends",
                        "portable",
                        "--batch-sizes",
                        "16",
                        "--warmup-seconds",
                        "0.5",
                        "--seconds",
                        "1");
        assertThat(benchmark).contains("records/s");
        JsonNode results = SnapshotJson.mapper().readTree(bundle.resolve("results.json").toFile());
        JsonNode row = results.path("throughput").get(0);
        assertThat(row.path("backend").asText()).isEqualTo("portable");
        assertThat(row.path("batchSize").asInt()).isEqualTo(16);
        assertThat(row.path("recordsPerSecond").asDouble()).isPositive();
    }

    private static boolean forbidden(String entry) {
        String file = entry.substring(entry.lastIndexOf('/') + 1);
        return (entry.endsWith(".so") && !ALLOWED_NATIVES.contains(file))
                || entry.startsWith("org/nd4j/linalg/")
                || entry.startsWith("org/nd4j/autodiff/");
    }

    /** Runs a command in {@code folder}, failing with its output unless it exits 0 in time. */
    private static String run(Path folder, String... command)
            throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command)
                        .directory(folder.toFile())
                        .redirectErrorStream(true)
                        .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("exit code of %s; output:%n%s", List.of(command), text)
                .isZero();
        return text;
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(GpuBundleITCase::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
    }
}
